//! The document's error table (错误码) as typed errors.
//!
//! Two families: the gateway refuses with an HTTP status (and says why in the
//! `X-Ca-Error-Message` header), or the backend answers HTTP 200 with a `code` other
//! than 200 in the body.

use serde_json::Value;

use crate::error::{Error, ErrorKind};
use crate::transport::Answer;

/// Header in which the gateway explains a refusal; shown verbatim (it carries the
/// gateway's string-to-sign, never the secret).
pub const ERROR_MESSAGE_HEADER: &str = "X-Ca-Error-Message";
/// The gateway's own error code header (e.g. `A400IS`), when it sends one.
pub const ERROR_CODE_HEADER: &str = "X-Ca-Error-Code";

/// HTTP status → kind and the document's words.
const HTTP_STATUSES: &[(u16, ErrorKind, &str)] = &[
    (500, ErrorKind::Http, "Internal Error"),
    (503, ErrorKind::Http, "Service Unavailable"),
    (403, ErrorKind::Http, "Request Limited"),
    (401, ErrorKind::Auth, "Empty Signature"),
    (400, ErrorKind::InvalidArgument, "Request Format Error"),
];

/// `code` of an HTTP 200 answer → kind and the document's words.
const ANSWER_CODES: &[(i64, ErrorKind, &str)] = &[
    (20003, ErrorKind::Http, "Find Backend Error"),
    (20004, ErrorKind::Http, "Backend Service Error"),
    (
        20055,
        ErrorKind::InvalidArgument,
        "Backend Service Invalid Request Format Error",
    ),
    (20056, ErrorKind::Timeout, "Hsf Invoke Timeout"),
    (401, ErrorKind::Auth, "Request Authorized Error"),
    (403, ErrorKind::Auth, "Request Forbidden"),
    (500, ErrorKind::Http, "Server Error"),
];

/// Gateway messages that are about the signature, whatever the status: the app key,
/// secret, clock or nonce is wrong, so they are authentication failures.
const AUTH_MESSAGES: &[&str] = &[
    "Invalid Signature",
    "Empty Signature",
    "Invalid Timestamp",
    "Nonce Used",
    "Invalid AppKey",
    "Empty AppKey",
    "Invalid Content-MD5",
    "Unauthorized",
];

/// The error of a non-2xx answer from the gateway.
pub(crate) fn gateway_error(answer: &Answer) -> Error {
    let status = answer.status;
    let documented = HTTP_STATUSES.iter().find(|(s, _, _)| *s == status);
    let header = answer
        .header(ERROR_MESSAGE_HEADER)
        .filter(|m| !m.trim().is_empty());
    let body_message = answer
        .json()
        .ok()
        .and_then(|v| v.get("message").and_then(Value::as_str).map(str::to_owned))
        .filter(|m| !m.trim().is_empty());
    let kind = match &header {
        Some(m) if AUTH_MESSAGES.iter().any(|a| m.starts_with(a)) => ErrorKind::Auth,
        _ => documented.map_or(ErrorKind::Http, |(_, k, _)| *k),
    };
    let message = header
        .or(body_message)
        .or_else(|| documented.map(|(_, _, doc)| (*doc).to_owned()));
    let code = answer
        .header(ERROR_CODE_HEADER)
        .unwrap_or_else(|| status.to_string());
    match message {
        Some(m) => Error::from_server(kind, m)
            .with_server_code(code)
            .with_status(status),
        None => Error::new(
            kind,
            format!(
                "the gateway answered HTTP {status}: {}",
                crate::error::excerpt(&answer.body)
            ),
        )
        .with_status(status),
    }
}

/// The error of an HTTP 200 answer whose `code` is not 200, with the server's
/// `message` (and `localizedMsg` when it differs).
pub(crate) fn answer_error(code: i64, answer: &Value, status: u16) -> Error {
    let documented = ANSWER_CODES.iter().find(|(c, _, _)| *c == code);
    let kind = documented.map_or(ErrorKind::Business, |(_, k, _)| *k);
    let field = |name: &str| {
        answer
            .get(name)
            .and_then(Value::as_str)
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
    };
    let message = field("message")
        .or_else(|| documented.map(|(_, _, doc)| (*doc).to_owned()))
        .unwrap_or_else(|| format!("code {code}"));
    let mut e = Error::from_server(kind, message.clone())
        .with_server_code(code.to_string())
        .with_status(status);
    if let Some(local) = field("localizedMsg").filter(|l| *l != message) {
        e.message = format!("{} ({local})", e.message);
    }
    e
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn answer(status: u16, headers: &[(&'static str, &str)], body: &str) -> Answer {
        let mut map = reqwest::header::HeaderMap::new();
        for (n, v) in headers {
            map.insert(*n, v.parse().unwrap());
        }
        Answer {
            status,
            body: body.as_bytes().to_vec(),
            headers: map,
        }
    }

    #[test]
    fn every_documented_answer_code() {
        let cases = [
            (20003, ErrorKind::Http),
            (20004, ErrorKind::Http),
            (20055, ErrorKind::InvalidArgument),
            (20056, ErrorKind::Timeout),
            (401, ErrorKind::Auth),
            (403, ErrorKind::Auth),
            (500, ErrorKind::Http),
            (777, ErrorKind::Business),
        ];
        for (code, kind) in cases {
            let e = answer_error(code, &json!({"code": code, "message": null}), 200);
            assert_eq!(e.kind, kind, "{code}");
            assert_eq!(e.server_code.as_deref(), Some(code.to_string().as_str()));
        }
        let e = answer_error(20056, &json!({}), 200);
        assert_eq!(e.server_message.as_deref(), Some("Hsf Invoke Timeout"));
    }

    #[test]
    fn the_documents_error_example() {
        let body = json!({"id": "37f7e5fa-d6a5-4efe-8abf-5bf23dca6284", "code": 403,
            "message": "request forbidden.", "localizedMsg": "请求被禁止", "data": null});
        let e = answer_error(403, &body, 200);
        assert_eq!(e.kind, ErrorKind::Auth);
        assert_eq!(e.server_message.as_deref(), Some("request forbidden."));
        assert!(e.message.contains("请求被禁止"), "{e}");
    }

    #[test]
    fn gateway_statuses() {
        let sts = "Invalid Signature, Server StringToSign:`POST#application/json##x-ca-key:k#/p`";
        let e = gateway_error(&answer(
            400,
            &[(ERROR_MESSAGE_HEADER, sts), (ERROR_CODE_HEADER, "A400IS")],
            "",
        ));
        assert_eq!(e.kind, ErrorKind::Auth);
        assert_eq!(e.server_message.as_deref(), Some(sts));
        assert!(e.to_string().contains(sts));
        assert_eq!(e.server_code.as_deref(), Some("A400IS"));
        let e = gateway_error(&answer(400, &[], ""));
        assert_eq!(
            (e.kind, e.server_message.as_deref()),
            (ErrorKind::InvalidArgument, Some("Request Format Error"))
        );
        let e = gateway_error(&answer(
            401,
            &[(ERROR_MESSAGE_HEADER, "Empty Signature")],
            "",
        ));
        assert_eq!(e.kind, ErrorKind::Auth);
        let e = gateway_error(&answer(503, &[], "Service Unavailable"));
        assert_eq!(e.kind, ErrorKind::Http);
        assert!(e.is_transient());
        let e = gateway_error(&answer(403, &[], r#"{"message":"Request Limited"}"#));
        assert_eq!(
            (e.kind, e.server_message.as_deref()),
            (ErrorKind::Http, Some("Request Limited"))
        );
        let e = gateway_error(&answer(418, &[], "teapot"));
        assert_eq!(e.kind, ErrorKind::Http);
        assert!(e.message.contains("teapot"), "{e}");
    }
}
