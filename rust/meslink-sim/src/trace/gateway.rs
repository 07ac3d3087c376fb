//! The API gateway in front of the trace API: Alibaba Cloud's HmacSHA256 signature check,
//! the 15-minute timestamp window and the nonce replay check.
//!
//! Refusals are answered the way the gateway does: an HTTP status, an empty body, and the
//! reason in `X-Ca-Error-Message` (for a bad signature: the gateway's own string-to-sign,
//! newlines written as `#`), plus `X-Ca-Error-Code` and `X-Ca-Request-Id`.

use std::collections::HashMap;

use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use hmac::{Hmac, Mac};
use md5::{Digest, Md5};
use parking_lot::Mutex;
use sha2::Sha256;

/// How far a request's `X-Ca-Timestamp` may be from the gateway's clock.
pub const MAX_SKEW_MS: i64 = 15 * 60 * 1000;

pub const MSG_EMPTY_SIGNATURE: &str = "Empty Signature";
pub const MSG_EMPTY_APP_KEY: &str = "Empty AppKey";
pub const MSG_INVALID_APP_KEY: &str = "Invalid AppKey";
pub const MSG_INVALID_METHOD: &str = "Invalid Signature Method";
pub const MSG_INVALID_TIMESTAMP: &str = "Invalid Timestamp";
pub const MSG_INVALID_MD5: &str = "Invalid Content-MD5";
pub const MSG_INVALID_SIGNATURE: &str = "Invalid Signature";
pub const MSG_EMPTY_NONCE: &str = "Empty Nonce";
pub const MSG_NONCE_USED: &str = "Nonce Used";

/// Why a request was refused: status, `X-Ca-Error-Code`, `X-Ca-Error-Message`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    pub status: StatusCode,
    pub code: &'static str,
    pub message: String,
}

impl Refusal {
    fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> Refusal {
        Refusal {
            status,
            code,
            message: message.into(),
        }
    }

    fn bad(code: &'static str, message: impl Into<String>) -> Refusal {
        Refusal::new(StatusCode::BAD_REQUEST, code, message)
    }

    pub fn into_response(self) -> Response {
        let mut resp = self.status.into_response();
        let h = resp.headers_mut();
        let text = HeaderValue::from_bytes(self.message.as_bytes())
            .unwrap_or_else(|_| HeaderValue::from_static("Invalid Request"));
        h.insert("X-Ca-Error-Message", text);
        h.insert("X-Ca-Error-Code", HeaderValue::from_static(self.code));
        if let Ok(id) = HeaderValue::from_str(&crate::jwt::random_uuid()) {
            h.insert("X-Ca-Request-Id", id);
        }
        resp
    }
}

/// The app key and secret the gateway knows, and the nonces it has seen.
pub struct Gateway {
    app_key: String,
    app_secret: String,
    /// nonce -> its request's timestamp (ms); entries older than the window are dropped.
    nonces: Mutex<HashMap<String, i64>>,
}

impl Gateway {
    pub fn new(app_key: &str, app_secret: &str) -> Gateway {
        Gateway {
            app_key: app_key.to_string(),
            app_secret: app_secret.to_string(),
            nonces: Mutex::new(HashMap::new()),
        }
    }

    pub fn app_key(&self) -> &str {
        &self.app_key
    }

    /// Nonces remembered now.
    pub fn nonce_count(&self) -> usize {
        self.nonces.lock().len()
    }

    /// Checks one request as the gateway would, at `now_ms`; remembers its nonce if it passes.
    pub fn verify(
        &self,
        method: &Method,
        uri: &Uri,
        headers: &HeaderMap,
        body: &[u8],
        now_ms: i64,
    ) -> Result<(), Refusal> {
        let h = |name: &str| header(headers, name);
        let Some(signature) = h("x-ca-signature").filter(|s| !s.is_empty()) else {
            return Err(Refusal::new(
                StatusCode::UNAUTHORIZED,
                "A401ES",
                MSG_EMPTY_SIGNATURE,
            ));
        };
        match h("x-ca-key").filter(|k| !k.is_empty()) {
            None => return Err(Refusal::bad("A400EK", MSG_EMPTY_APP_KEY)),
            Some(k) if k != self.app_key => {
                return Err(Refusal::bad("A400IK", MSG_INVALID_APP_KEY))
            }
            Some(_) => {}
        }
        if let Some(m) = h("x-ca-signature-method").filter(|m| !m.is_empty()) {
            if m != "HmacSHA256" {
                return Err(Refusal::bad("A400IM", MSG_INVALID_METHOD));
            }
        }
        let timestamp = h("x-ca-timestamp")
            .and_then(|t| t.trim().parse::<i64>().ok())
            .ok_or_else(|| Refusal::bad("A400IT", MSG_INVALID_TIMESTAMP))?;
        if (now_ms - timestamp).abs() > MAX_SKEW_MS {
            return Err(Refusal::bad("A400IT", MSG_INVALID_TIMESTAMP));
        }
        if let Some(md5) = h("content-md5").filter(|m| !m.is_empty()) {
            if md5 != STANDARD.encode(Md5::digest(body)) {
                return Err(Refusal::bad("A400IC", MSG_INVALID_MD5));
            }
        }
        let sts = string_to_sign(method, uri, headers);
        if signature != sign(&self.app_secret, &sts) {
            return Err(Refusal::bad(
                "A400IS",
                format!(
                    "{MSG_INVALID_SIGNATURE}, Server StringToSign:`{}`",
                    sts.replace('\n', "#")
                ),
            ));
        }
        // Checked last, so that a request with a bad signature cannot burn a nonce.
        let Some(nonce) = h("x-ca-nonce").filter(|n| !n.is_empty()) else {
            return Err(Refusal::bad("A400EN", MSG_EMPTY_NONCE));
        };
        let mut nonces = self.nonces.lock();
        nonces.retain(|_, t| (now_ms - *t).abs() <= MAX_SKEW_MS);
        if nonces.contains_key(&nonce) {
            return Err(Refusal::bad("A400IN", MSG_NONCE_USED));
        }
        nonces.insert(nonce, timestamp);
        Ok(())
    }
}

fn header(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get(name)
        .map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned())
}

/// The gateway's string-to-sign of a received request:
/// `METHOD\nAccept\nContent-MD5\nContent-Type\nDate\n`, the headers named in
/// `X-Ca-Signature-Headers` as `name:value\n` sorted by name, then the path and the
/// query sorted by key.
pub fn string_to_sign(method: &Method, uri: &Uri, headers: &HeaderMap) -> String {
    let h = |name: &str| header(headers, name).unwrap_or_default();
    let mut out = format!(
        "{}\n{}\n{}\n{}\n{}\n",
        method.as_str(),
        h("accept"),
        h("content-md5"),
        h("content-type"),
        h("date")
    );
    let mut names: Vec<String> = h("x-ca-signature-headers")
        .split(',')
        .map(|n| n.trim().to_ascii_lowercase())
        .filter(|n| !n.is_empty())
        .collect();
    names.sort();
    names.dedup();
    for name in names {
        out.push_str(&format!("{name}:{}\n", h(&name)));
    }
    out.push_str(uri.path());
    let mut query: Vec<(String, String)> =
        axum::extract::Query::<Vec<(String, String)>>::try_from_uri(uri)
            .map(|q| q.0)
            .unwrap_or_default();
    query.sort();
    if !query.is_empty() {
        let parts: Vec<String> = query
            .into_iter()
            .map(|(k, v)| if v.is_empty() { k } else { format!("{k}={v}") })
            .collect();
        out.push('?');
        out.push_str(&parts.join("&"));
    }
    out
}

/// base64(HMAC-SHA256(secret, string_to_sign)).
pub fn sign(secret: &str, string_to_sign: &str) -> String {
    let mut mac =
        Hmac::<Sha256>::new_from_slice(secret.as_bytes()).expect("HMAC accepts any key length");
    mac.update(string_to_sign.as_bytes());
    STANDARD.encode(mac.finalize().into_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (n, v) in pairs {
            h.insert(*n, v.parse().unwrap());
        }
        h
    }

    /// The document's first published vector, rebuilt from a received request.
    #[test]
    fn published_vector_from_a_request() {
        let h = headers(&[
            ("accept", "application/json"),
            ("content-type", "application/json"),
            ("x-ca-key", "appKey"),
            ("x-ca-nonce", "787dd0c2-7bd8-41cd-9c19-62c05ea524a2"),
            ("x-ca-timestamp", "1646365291734"),
            (
                "x-ca-signature-headers",
                "x-ca-timestamp,x-ca-key,x-ca-nonce",
            ),
        ]);
        let uri: Uri = "/Third/Tools/checkSign".parse().unwrap();
        let sts = string_to_sign(&Method::GET, &uri, &h);
        assert_eq!(
            sign("appSecret", &sts),
            "EdJSFAMOWyXZOpXhevZnjuS0ZafnwnCqaSk5hz+tXo8="
        );
        let bare = headers(&[("accept", "application/json")]);
        let sts = string_to_sign(&Method::GET, &uri, &bare);
        assert_eq!(
            sign("appSecret", &sts),
            "ZpJhkHdtjLTJiR6CJWHL8ikLtPB2z6CoztG21wG3PT4="
        );
    }

    #[test]
    fn query_sorted() {
        let uri: Uri = "/p?b=2&a=1&c".parse().unwrap();
        let sts = string_to_sign(&Method::POST, &uri, &HeaderMap::new());
        assert!(sts.ends_with("\n/p?a=1&b=2&c"), "{sts}");
    }
}
