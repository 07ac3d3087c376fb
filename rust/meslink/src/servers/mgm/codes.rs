//! The platform's answer codes: 200 for success, the OAuth codes 3000–3013 and the
//! content error 3010 (the `OauthCode` / `ContentError` classes of the document).
//!
//! This is the one table of what a code means, wherever it arrives: in an HTTP answer
//! ([`error`]), in a transfer session's reply (`transfer_codes`, which adds 711–734) and
//! as a session's close code ([`close_error`], which first sets apart the codes that are
//! the SockJS transport's own).

use crate::error::{Error, ErrorKind};

/// Success.
pub const OK: i64 = 200;
pub const KEY_ERROR: i64 = 3000;
pub const SECRET_ERROR: i64 = 3001;
pub const KEY_DISABLE: i64 = 3002;
pub const ACCESS_TOKEN_ERROR: i64 = 3003;
pub const REFRESH_TOKEN_ERROR: i64 = 3004;
pub const ACCESS_TOKEN_EXPIRED: i64 = 3005;
pub const REFRESH_TOKEN_EXPIRED: i64 = 3006;
pub const INVALID_TOKEN: i64 = 3007;
pub const NOT_LASTED_TOKEN: i64 = 3008;
pub const CALL_FREQUENTLY: i64 = 3009;
pub const CONTENT_ERROR: i64 = 3010;
pub const NO_PERMISSION: i64 = 3011;
pub const NO_MACHINE: i64 = 3012;
pub const FORBID_APP_KEY: i64 = 3013;

/// One documented code: its name in the document, its message there, and the kind of
/// error it becomes.
#[derive(Debug, Clone, Copy)]
pub struct CodeInfo {
    pub code: i64,
    pub name: &'static str,
    pub message: &'static str,
    pub kind: ErrorKind,
}

const fn info(code: i64, name: &'static str, message: &'static str, kind: ErrorKind) -> CodeInfo {
    CodeInfo {
        code,
        name,
        message,
        kind,
    }
}

/// Every documented error code, in the document's order.
pub const CODES: [CodeInfo; 14] = [
    info(KEY_ERROR, "KEY_ERROR", "invalid app_key", ErrorKind::Auth),
    info(
        SECRET_ERROR,
        "SECRET_ERROR",
        "invalid app_secret",
        ErrorKind::Auth,
    ),
    info(
        KEY_DISABLE,
        "KEY_DISABLE",
        "app key disabled",
        ErrorKind::Auth,
    ),
    info(
        ACCESS_TOKEN_ERROR,
        "ACCESS_TOKEN_ERROR",
        "invalid access_token",
        ErrorKind::Auth,
    ),
    info(
        REFRESH_TOKEN_ERROR,
        "REFRESH_TOKEN_ERROR",
        "invalid refresh_token",
        ErrorKind::Auth,
    ),
    info(
        ACCESS_TOKEN_EXPIRED,
        "ACCESS_TOKEN_EXPIRED",
        "access_token expired",
        ErrorKind::Auth,
    ),
    info(
        REFRESH_TOKEN_EXPIRED,
        "REFRESH_TOKEN_EXPIRED",
        "refresh_token expired",
        ErrorKind::Auth,
    ),
    info(
        INVALID_TOKEN,
        "INVALID_TOKEN",
        "invalid token",
        ErrorKind::Auth,
    ),
    info(
        NOT_LASTED_TOKEN,
        "NOT_LASTED_TOKEN",
        "not lasted token",
        ErrorKind::Auth,
    ),
    // Only reaches a caller when the server keeps refusing after the client waited.
    info(
        CALL_FREQUENTLY,
        "CALL_FREQUENTLY",
        "api call too frequently",
        ErrorKind::Business,
    ),
    info(
        CONTENT_ERROR,
        "CONTENT_ERROR",
        "the request content is invalid",
        ErrorKind::InvalidArgument,
    ),
    info(
        NO_PERMISSION,
        "NO_PERMISSION",
        "no permission",
        ErrorKind::Auth,
    ),
    info(
        NO_MACHINE,
        "NO_MACHINE",
        "the machine does not exist",
        ErrorKind::Business,
    ),
    info(
        FORBID_APP_KEY,
        "FORBID_APP_KEY",
        "app key disable",
        ErrorKind::Auth,
    ),
];

/// The documented code, if `code` is one.
pub fn lookup(code: i64) -> Option<&'static CodeInfo> {
    CODES.iter().find(|c| c.code == code)
}

/// The access token was refused: renewing it and repeating the call may succeed.
pub fn is_token_rejection(code: i64) -> bool {
    matches!(
        code,
        ACCESS_TOKEN_ERROR | ACCESS_TOKEN_EXPIRED | INVALID_TOKEN | NOT_LASTED_TOKEN
    )
}

/// The refresh token is no good: get a new pair with app_key and app_secret instead.
pub fn is_refresh_rejection(code: i64) -> bool {
    matches!(code, REFRESH_TOKEN_ERROR | REFRESH_TOKEN_EXPIRED)
}

/// The typed error of a non-200 answer, with the server's code and message (the
/// document's message when the server gave none).
pub fn error(code: i64, server_message: Option<&str>) -> Error {
    let known = lookup(code);
    let text = server_message
        .filter(|m| !m.trim().is_empty())
        .or(known.map(|k| k.message))
        .unwrap_or("no message")
        .to_owned();
    let kind = known.map_or(ErrorKind::Business, |k| k.kind);
    let e = match kind {
        ErrorKind::InvalidArgument => {
            let mut e = Error::invalid(format!("the server refused the request content: {text}"));
            e.server_message = Some(text);
            e
        }
        kind => Error::from_server(kind, text),
    };
    e.with_server_code(code.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_from_3000_to_3013_is_typed() {
        for code in 3000..=3013 {
            let info = lookup(code).unwrap_or_else(|| panic!("{code} missing"));
            let e = error(code, Some("server words"));
            assert_eq!(e.kind, info.kind, "{code}");
            assert_eq!(e.server_code.as_deref(), Some(code.to_string().as_str()));
            assert_eq!(e.server_message.as_deref(), Some("server words"));
        }
        assert_eq!(error(3010, None).kind, ErrorKind::InvalidArgument);
        assert_eq!(
            error(3002, None).server_message.as_deref(),
            Some("app key disabled")
        );
        assert_eq!(error(500, Some("boom")).kind, ErrorKind::Business);
    }

    #[test]
    fn renewal_classes() {
        for c in [3003, 3005, 3007, 3008] {
            assert!(is_token_rejection(c));
        }
        assert!(is_refresh_rejection(3004) && is_refresh_rejection(3006));
        assert!(!is_token_rejection(3009) && !is_refresh_rejection(3000));
    }
}
