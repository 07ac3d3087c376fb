//! One module per server API. Each turns a validated call into requests, adds its own
//! authentication, and reads its own answer format into values or typed errors.

pub mod ate;
pub mod energy;
pub mod grading;
pub mod mgm;
pub mod trace;

use crate::catalog::{BodyEncoding, CallSpec, Location, Params};
use crate::config::ClientConfig;
use crate::error::{Error, ErrorKind};
use crate::transport::{Answer, Body, Http, Request};
use serde_json::Value;
use std::sync::Arc;

/// What a server module receives for its calls: the configuration, the client's HTTP
/// pool, and the server's own state (its tokens or session). A server module never sees
/// the client; the client holds one context per server and dispatches into it.
pub(crate) struct Ctx<S> {
    pub config: Arc<ClientConfig>,
    pub http: Arc<Http>,
    pub state: S,
}

impl<S: Default> Ctx<S> {
    pub(crate) fn new(config: &Arc<ClientConfig>, http: &Arc<Http>) -> Ctx<S> {
        Ctx {
            config: config.clone(),
            http: http.clone(),
            state: S::default(),
        }
    }
}

/// `base` (with or without a trailing slash or a path prefix) joined with `path`.
pub(crate) fn join_url(base: &str, path: &str) -> String {
    format!("{}{}", base.trim_end_matches('/'), path)
}

/// The request the catalog describes for `spec` and validated `params`.
pub(crate) fn build_request(spec: &'static CallSpec, base_url: &str, params: &Params) -> Request {
    let mut url = join_url(base_url, &spec.fill_path(params));
    let query: Vec<(String, String)> = spec
        .located(params, Location::Query)
        .map(|(k, v)| (k.to_owned(), crate::catalog::value_text(v)))
        .collect();
    if !query.is_empty() {
        let encoded: Vec<String> = query
            .iter()
            .map(|(k, v)| format!("{}={}", form_encode(k), form_encode(v)))
            .collect();
        url.push(if url.contains('?') { '&' } else { '?' });
        url.push_str(&encoded.join("&"));
    }
    let body = match spec.body {
        // Multipart bodies carry files: the server module that has such a call builds them.
        BodyEncoding::None | BodyEncoding::Multipart => Body::None,
        BodyEncoding::Form => Body::Form(
            spec.located(params, Location::Body)
                .map(|(k, v)| (k.to_owned(), crate::catalog::value_text(v)))
                .collect(),
        ),
        BodyEncoding::Json => Body::Json(json_object(spec.located(params, Location::Body))),
    };
    Request {
        call: spec.id,
        method: spec.method,
        url,
        headers: Vec::new(),
        body,
        retry: spec.retry,
    }
}

/// The JSON object of `fields`, written straight into body bytes (no map is built):
/// keys in byte order, as a `serde_json` map would have them.
fn json_object<'a>(fields: impl Iterator<Item = (&'static str, &'a Value)>) -> Vec<u8> {
    let mut fields: Vec<(&str, &Value)> = fields.collect();
    fields.sort_unstable_by_key(|(k, _)| *k);
    let mut out = Vec::with_capacity(64 + 32 * fields.len());
    out.push(b'{');
    for (i, (key, value)) in fields.into_iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        // Writing a string or a `Value` into a Vec cannot fail.
        let _ = serde_json::to_writer(&mut out, key);
        out.push(b':');
        let _ = serde_json::to_writer(&mut out, value);
    }
    out.push(b'}');
    out
}

fn form_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'*' => {
                out.push(b as char)
            }
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// The message of a Django REST Framework style error body: `{"detail": ...}`,
/// `{"non_field_errors": [...]}`, `{"msg": ...}`, or field errors `{"sn": ["..."]}`.
pub(crate) fn drf_message(v: &Value) -> Option<String> {
    let obj = v.as_object()?;
    let text = |v: &Value| match v {
        Value::String(s) => Some(s.clone()),
        Value::Array(items) => {
            let parts: Vec<String> = items
                .iter()
                .map(|i| {
                    i.as_str()
                        .map(str::to_owned)
                        .unwrap_or_else(|| i.to_string())
                })
                .collect();
            (!parts.is_empty()).then(|| parts.join("; "))
        }
        _ => None,
    };
    for key in ["detail", "non_field_errors", "msg"] {
        if let Some(m) = obj.get(key).and_then(text) {
            return Some(m);
        }
    }
    let fields: Vec<String> = obj
        .iter()
        .filter_map(|(k, v)| text(v).map(|m| format!("{k}: {m}")))
        .collect();
    (!fields.is_empty()).then(|| fields.join("; "))
}

/// The error for a non-2xx answer: the server's words when it gave any (a business
/// refusal, or an auth refusal on 401/403), else an HTTP error quoting the body.
pub(crate) fn http_error(answer: &Answer) -> Error {
    let status = answer.status;
    let kind = match status {
        401 | 403 => ErrorKind::Auth,
        408 | 429 | 500..=599 => ErrorKind::Http,
        _ => ErrorKind::Business,
    };
    match answer.json().ok().as_ref().and_then(drf_message) {
        Some(msg) => Error::from_server(kind, msg).with_status(status),
        None => Error::new(
            ErrorKind::Http,
            format!(
                "the server answered HTTP {status}: {}",
                crate::error::excerpt(&answer.body)
            ),
        )
        .with_status(status),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn json_bodies_are_the_bytes_serde_json_writes() {
        let text = json!("电芯 \"A\"\n");
        let nested = json!({"b": [1, 2.5, null], "a": true});
        let fields = [
            ("voltage", &json!(3.2)),
            ("barcode", &text),
            ("data", &nested),
        ];
        let bytes = json_object(fields.into_iter());
        // The same text as a serde_json map of the fields (keys in byte order) ...
        let map: serde_json::Map<String, Value> = fields
            .iter()
            .map(|(k, v)| (k.to_string(), (*v).clone()))
            .collect();
        assert_eq!(bytes, serde_json::to_vec(&Value::Object(map)).unwrap());
        // ... which reads back as the fields.
        let back: Value = serde_json::from_slice(&bytes).unwrap();
        assert_eq!(back["barcode"], text);
        assert_eq!(back["data"], nested);
        assert_eq!(json_object(std::iter::empty()), b"{}");
    }

    #[test]
    fn drf_shapes() {
        let m = |v: Value| drf_message(&v).unwrap();
        assert_eq!(m(json!({"detail": "未找到。"})), "未找到。");
        assert_eq!(
            m(json!({"non_field_errors": ["无法使用提供的认证信息登录。"]})),
            "无法使用提供的认证信息登录。"
        );
        assert_eq!(
            m(json!({"msg": "SN RULER CHECK NG!FIX"})),
            "SN RULER CHECK NG!FIX"
        );
        assert_eq!(
            m(json!({"sn": ["该字段是必填项。"]})),
            "sn: 该字段是必填项。"
        );
        assert_eq!(drf_message(&json!([1, 2])), None);
    }

    #[test]
    fn http_errors_by_status() {
        let a = |status, body: &str| Answer {
            status,
            body: body.as_bytes().to_vec(),
            headers: Default::default(),
        };
        let e = http_error(&a(404, r#"{"detail":"未找到。"}"#));
        assert_eq!(e.kind, ErrorKind::Business);
        assert_eq!(e.server_message.as_deref(), Some("未找到。"));
        assert_eq!(
            http_error(&a(401, r#"{"detail":"x"}"#)).kind,
            ErrorKind::Auth
        );
        let e = http_error(&a(503, "Service Unavailable"));
        assert_eq!(e.kind, ErrorKind::Http);
        assert!(e.message.contains("Service Unavailable"));
        assert!(e.is_transient());
    }

    #[test]
    fn join_keeps_prefixes() {
        assert_eq!(join_url("http://h/mes/", "/api/x/"), "http://h/mes/api/x/");
        assert_eq!(join_url("http://h", "/api/x/"), "http://h/api/x/");
    }
}
