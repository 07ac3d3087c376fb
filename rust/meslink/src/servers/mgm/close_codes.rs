//! Session closes: whether a close is the transport's own (reconnect) or the platform's
//! answer, typed by the one code table ([`super::codes`], [`super::transfer_codes`]).

use super::codes::{error, lookup};
use super::transfer_codes::transfer_error;
use crate::error::{Error, ErrorKind};

/// Whether a session's close is the transport's own doing rather than the platform's
/// answer: no code, a websocket or SockJS protocol code (below 3000: 1000 normal, 1001
/// going away, 1002 "Connection interrupted", 1006, 2010 "Another connection still
/// open"), SockJS's own `3000 "Go away!"` (a server closing an idle or replaced session),
/// or a heartbeat timeout. Such a close is a transport error: reconnect.
pub fn is_transport_close(code: Option<u16>, reason: &str) -> bool {
    let reason = reason.trim();
    match code {
        None => true,
        Some(c) if c < 3000 => true,
        Some(3000) if reason.eq_ignore_ascii_case("Go away!") => true,
        Some(_) => reason.to_ascii_lowercase().contains("heartbeat"),
    }
}

/// The error of a session (`what`) closed with `code` and `reason`: a transport error
/// for the transport's own closes, else the code's meaning from the one table.
pub fn close_error(what: &str, code: Option<u16>, reason: &str) -> Error {
    let e = match code {
        Some(c) if !is_transport_close(code, reason) && lookup(c.into()).is_some() => {
            error(c.into(), Some(reason))
        }
        Some(c) if (700..800).contains(&c) => transfer_error(c.into(), Some(reason)),
        Some(c) => Error::from_server(ErrorKind::Transport, reason.to_string())
            .with_server_code(c.to_string()),
        None => Error::from_server(ErrorKind::Transport, reason.to_string()),
    };
    Error {
        message: format!("{what} was closed: {}", e.message),
        ..e
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_table_for_answers_transfers_and_closes() {
        for code in 3000..=3013u16 {
            let answer = error(code.into(), Some("words"));
            let transfer = transfer_error(code.into(), Some("words"));
            let close = close_error("the session", Some(code), "words");
            assert_eq!(transfer.kind, answer.kind, "{code}");
            assert_eq!(close.kind, answer.kind, "{code}");
            assert_eq!(
                close.server_code.as_deref(),
                Some(code.to_string().as_str())
            );
        }
        let close = close_error("the transfer session", Some(3012), "machine does not exist");
        assert_eq!(close.kind, ErrorKind::Business, "{close}");
        let close = close_error("the transfer session", Some(3010), "bad content");
        assert_eq!(close.kind, ErrorKind::InvalidArgument, "{close}");
        assert_eq!(
            close_error("s", Some(731), "文件过大").kind,
            ErrorKind::Business
        );
    }

    #[test]
    fn the_transports_own_closes_are_transport_errors() {
        for (code, reason) in [
            (Some(3000), "Go away!"),
            (Some(3000), "go away!"),
            (Some(1002), "Connection interrupted"),
            (Some(2010), "Another connection still open"),
            (Some(3005), "heartbeat timeout"),
            (Some(1000), ""),
            (None, "the connection ended"),
        ] {
            let e = close_error("the /real_time session", code, reason);
            assert_eq!(e.kind, ErrorKind::Transport, "{code:?} {reason}: {e}");
            assert!(e.is_transient(), "{e}");
        }
        // The platform's own 3000 (a wrong app_key) stays an authentication failure.
        let e = close_error("the /real_time session", Some(3000), "invalid app_key");
        assert_eq!(e.kind, ErrorKind::Auth, "{e}");
        assert_eq!(
            close_error("s", Some(3003), "access_token error").kind,
            ErrorKind::Auth
        );
    }
}
