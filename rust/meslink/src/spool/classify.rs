//! Which failures of a spooled call are worth another attempt.
//!
//! Transient (the record waits and is sent again): the network, timeouts, 5xx / 408 /
//! 429 answers, answers that are not what the document describes (a proxy's login
//! page), authentication (a password being changed, a token server down), and a client
//! closing while the call waited.
//!
//! Permanent (the record goes to the dead letters with the server's answer): the server
//! refused the record in its own words (a failed SN rule check, grading `state: -1`,
//! an energy `Err_No` such as 4103), parameters refused by the catalog or the server,
//! other 4xx answers, and what meslink cannot do at all (not implemented, encoding).

use crate::error::{Error, ErrorKind};
use serde_json::{json, Value};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Outcome {
    /// Send it again after a pause.
    Retry,
    /// Move it to the dead letters.
    Dead,
}

pub(crate) fn classify(e: &Error) -> Outcome {
    match e.kind {
        ErrorKind::Transport
        | ErrorKind::Timeout
        | ErrorKind::Protocol
        | ErrorKind::Auth
        | ErrorKind::Closed
        // Never lose a record to a cancelled send: it is sent again.
        | ErrorKind::Cancelled => Outcome::Retry,
        ErrorKind::Http => match e.http_status {
            Some(408 | 429 | 500..=599) | None => Outcome::Retry,
            Some(_) => Outcome::Dead,
        },
        _ => Outcome::Dead,
    }
}

/// What is kept of a failure: meslink's message and the server's own code and words.
pub(crate) fn answer(e: &Error) -> Value {
    json!({
        "kind": e.kind.name(),
        "message": e.message,
        "http_status": e.http_status,
        "server_code": e.server_code,
        "server_message": e.server_message,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        let cases = [
            (Error::new(ErrorKind::Transport, "refused"), Outcome::Retry),
            (Error::new(ErrorKind::Timeout, "slow"), Outcome::Retry),
            (Error::protocol("<html>"), Outcome::Retry),
            (
                Error::from_server(ErrorKind::Auth, "bad token"),
                Outcome::Retry,
            ),
            (
                Error::from_server(ErrorKind::Http, "x").with_status(503),
                Outcome::Retry,
            ),
            (
                Error::from_server(ErrorKind::Http, "x").with_status(404),
                Outcome::Dead,
            ),
            (
                Error::from_server(ErrorKind::Business, "SN RULER CHECK NG!FIX"),
                Outcome::Dead,
            ),
            (
                Error::from_server(ErrorKind::InvalidArgument, "参数错误").with_server_code("4103"),
                Outcome::Dead,
            ),
            (Error::internal("bug"), Outcome::Dead),
        ];
        for (e, want) in cases {
            assert_eq!(classify(&e), want, "{e}");
        }
        let a = answer(&Error::from_server(ErrorKind::Business, "NG").with_status(200));
        assert_eq!(a["server_message"], "NG");
        assert_eq!(a["kind"], "business");
    }
}
