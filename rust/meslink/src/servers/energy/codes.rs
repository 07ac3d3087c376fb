//! The answer envelope `{"Err_No", "Err_Msg", "Data", "Total_Numbers"}` and the status
//! codes of appendix IV as typed errors.

use crate::catalog::ENERGY_ENUMS;
use crate::error::{Error, ErrorKind, Result};
use crate::servers::http_error;
use crate::transport::Answer;
use serde_json::Value;

/// Err_No 4101 用户未登录: the session is gone; the client logs in again once.
pub const NOT_LOGGED_IN: i64 = 4101;

/// The error kind of an Err_No: the login and permission codes are `Auth`, the parameter
/// code is `InvalidArgument`, every other code (documented or not) is `Business`.
pub fn kind_of(code: i64) -> ErrorKind {
    match code {
        // 用户未登录, 用户登录失败, 用户不存在, 用户权限不足, 密码错误
        4101 | 4102 | 4104 | 4105 | 4106 => ErrorKind::Auth,
        // 参数错误
        4103 => ErrorKind::InvalidArgument,
        _ => ErrorKind::Business,
    }
}

/// The English name and the document's text of a documented Err_No (appendices II and IV).
pub fn describe(code: i64) -> Option<(&'static str, &'static str)> {
    ["ErrNo", "AlarmInfoState"]
        .iter()
        .filter_map(|name| ENERGY_ENUMS.iter().find(|e| e.name == *name))
        .flat_map(|e| e.values.iter())
        .find(|(v, _, _)| *v == code)
        .map(|(_, name, doc)| (*name, *doc))
}

/// Err_No as a number, whether the server sent `"4101"` or `4101`.
pub(crate) fn err_no(v: &Value) -> Option<i64> {
    match v.get("Err_No")? {
        Value::Number(n) => n.as_i64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

/// The typed error of a non-zero Err_No, with the server's Err_Msg.
pub fn error_for(code: i64, server_message: &str) -> Error {
    let kind = kind_of(code);
    let lead = match kind {
        ErrorKind::Auth => "authentication failed",
        ErrorKind::InvalidArgument => "the server refused the parameters",
        _ => "the server refused",
    };
    let what = describe(code).map_or("undocumented code", |(name, _)| name);
    let mut e = Error::new(kind, format!("{lead} ({what}): {server_message}"))
        .with_server_code(code.to_string());
    e.server_message = Some(server_message.to_owned());
    e
}

/// Reads an answer: the envelope on success, a typed error for a non-zero Err_No, an HTTP
/// error for an error status without an envelope, a protocol error for anything else.
pub(crate) fn read(answer: &Answer) -> Result<Value> {
    let value = match answer.json() {
        Ok(v) => v,
        Err(_) if !answer.is_success() => return Err(http_error(answer)),
        Err(e) => return Err(e),
    };
    if !value.is_object() || value.get("Err_No").is_none() {
        if !answer.is_success() {
            return Err(http_error(answer));
        }
        return Err(Error::protocol(format!(
            "the answer has no \"Err_No\": {}",
            crate::error::excerpt(&answer.body)
        ))
        .with_status(answer.status));
    }
    let code = err_no(&value).ok_or_else(|| {
        Error::protocol(format!(
            "the answer's \"Err_No\" is not a number: {}",
            value["Err_No"]
        ))
        .with_status(answer.status)
    })?;
    if code == 0 {
        return Ok(value);
    }
    // One of the document's examples spells it Err_msg.
    let msg = ["Err_Msg", "Err_msg"]
        .iter()
        .find_map(|k| value.get(*k).and_then(Value::as_str))
        .unwrap_or_default();
    Err(error_for(code, msg).with_status(answer.status))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answer(status: u16, body: &str) -> Answer {
        Answer {
            status,
            body: body.as_bytes().to_vec(),
            headers: Default::default(),
        }
    }

    #[test]
    fn err_no_as_string_or_number() {
        for body in [
            r#"{"Err_No":"4103","Err_Msg":"参数错误"}"#,
            r#"{"Err_No":4103,"Err_Msg":"参数错误"}"#,
        ] {
            let e = read(&answer(200, body)).unwrap_err();
            assert_eq!(e.kind, ErrorKind::InvalidArgument);
            assert_eq!(e.server_code.as_deref(), Some("4103"));
            assert_eq!(e.server_message.as_deref(), Some("参数错误"));
            assert!(e.message.contains("ParameterError"), "{e}");
        }
        assert!(read(&answer(200, r#"{"Err_No":0,"Data":[]}"#)).is_ok());
        assert!(read(&answer(200, r#"{"Err_No":" 0 ","Err_Msg":"ok"}"#)).is_ok());
    }

    #[test]
    fn every_appendix_code_is_typed() {
        let codes = ENERGY_ENUMS.iter().find(|e| e.name == "ErrNo").unwrap();
        for (code, name, doc) in codes.values.iter().filter(|(c, _, _)| *c != 0) {
            let e = error_for(*code, doc);
            assert_eq!(e.server_code, Some(code.to_string()));
            assert!(e.message.contains(name), "{e}");
            let expected = match code {
                4101 | 4102 | 4104 | 4105 | 4106 => ErrorKind::Auth,
                4103 => ErrorKind::InvalidArgument,
                _ => ErrorKind::Business,
            };
            assert_eq!(e.kind, expected, "{code}");
        }
        let e = error_for(-1, "异常");
        assert_eq!(e.kind, ErrorKind::Business);
        assert!(e.message.contains("Abnormal"));
        assert!(error_for(4999, "x").message.contains("undocumented"));
    }

    #[test]
    fn wrong_shapes() {
        let e = read(&answer(200, "<html>")).unwrap_err();
        assert_eq!(e.kind, ErrorKind::Protocol);
        let e = read(&answer(200, r#"{"Data":[]}"#)).unwrap_err();
        assert_eq!(e.kind, ErrorKind::Protocol);
        let e = read(&answer(200, r#"{"Err_No":"x"}"#)).unwrap_err();
        assert_eq!(e.kind, ErrorKind::Protocol);
        let e = read(&answer(503, "busy")).unwrap_err();
        assert_eq!(e.kind, ErrorKind::Http);
        // An error status with an envelope is read as the envelope.
        let e = read(&answer(401, r#"{"Err_No":"4101","Err_Msg":"用户未登录"}"#)).unwrap_err();
        assert_eq!(e.kind, ErrorKind::Auth);
        assert_eq!(e.http_status, Some(401));
    }
}
