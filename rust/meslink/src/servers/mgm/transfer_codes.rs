//! The file-transfer codes 711–734 of the document's `VfsMessage` tables, with their
//! meanings as the document writes them.

use crate::error::{Error, ErrorKind};

/// `(code, meaning)`: `TRANS_ERROR_TOOL`, then the codes only `LOCK_ERROR_TOOL` has.
/// 723 is in both tables; in a transfer it is the transfer table's "系统出错".
pub const TRANSFER_CODES: &[(i64, &str)] = &[
    (711, "系统出错"),
    (712, "没有足够的存储空间"),
    (713, "内部存储已有该文件或路径"),
    (714, "外部存储已有该文件或路径"),
    (715, "内部存储无该文件或路径"),
    (716, "外部存储无该文件或路径"),
    (717, "内部存储无该路径"),
    (718, "外部存储无该路径"),
    (719, "文件名不合法"),
    (720, "响应超时"),
    (721, "该系统型号暂不支持创建文件夹"),
    (722, "该机床暂不支持"),
    (723, "系统出错"),
    (724, "盒子与机床连接异常"),
    (730, "盒子与机床断开连接"),
    (731, "文件过大"),
    (732, "文件内容格式不合法"),
    (733, "文件已经存在"),
    (734, "未获取到存储"),
];

/// The documented meaning of a transfer code, if it is one.
pub fn transfer_code_meaning(code: i64) -> Option<&'static str> {
    TRANSFER_CODES
        .iter()
        .find(|(c, _)| *c == code)
        .map(|(_, m)| *m)
}

/// The typed error of a refusal `{code, message?}` of the transfer session: the OAuth
/// codes 3000–3013 as `codes` classes them everywhere; the others kind `Business`,
/// `server_code` the code, `server_message` the server's message or, when it gave none,
/// the documented meaning. Codes outside the tables keep the server's words.
pub(crate) fn transfer_error(code: i64, server_message: Option<&str>) -> Error {
    if super::codes::lookup(code).is_some() {
        return super::codes::error(code, server_message).with_call("mgm.file_transfer");
    }
    let meaning = transfer_code_meaning(code);
    let text = server_message
        .filter(|m| !m.is_empty())
        .or(meaning)
        .unwrap_or("unknown transfer error")
        .to_string();
    let mut e = Error::from_server(ErrorKind::Business, text).with_server_code(code.to_string());
    if let Some(meaning) = meaning {
        e.message = format!("file transfer refused: {code} {meaning}");
    }
    e.with_call("mgm.file_transfer")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_is_typed_with_its_meaning() {
        for (code, meaning) in TRANSFER_CODES {
            let e = transfer_error(*code, None);
            assert_eq!(e.kind, ErrorKind::Business);
            assert_eq!(e.server_code.as_deref(), Some(code.to_string().as_str()));
            assert_eq!(e.server_message.as_deref(), Some(*meaning));
            assert!(e.message.contains(meaning), "{e}");
        }
        assert_eq!(transfer_code_meaning(731), Some("文件过大"));
        assert_eq!(transfer_code_meaning(725), None);
        let e = transfer_error(3005, Some("access_token expired"));
        assert_eq!(e.kind, ErrorKind::Auth);
        let e = transfer_error(3012, Some("machine does not exist"));
        assert_eq!(e.kind, ErrorKind::Business, "{e}");
        assert_eq!(e.server_message.as_deref(), Some("machine does not exist"));
    }
}
