//! Alibaba Cloud API Gateway request signing (HmacSHA256).
//!
//! ```text
//! StringToSign = METHOD \n Accept \n Content-MD5 \n Content-Type \n Date \n
//!                signed headers, "name:value\n" each, sorted by lowercase name
//!                path, then "?" and the query sorted by key ("k=v" or "k", joined by "&")
//! X-Ca-Signature = base64(HMAC-SHA256(app secret, StringToSign))
//! ```
//!
//! The gateway recomputes the string from the request it received; when the two differ
//! it answers HTTP 400 with its own string in `X-Ca-Error-Message` (newlines as `#`).

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use hmac::{Hmac, Mac};
use md5::{Digest, Md5};
use sha2::Sha256;

use crate::secret::Secret;

/// The value of `X-Ca-Signature-Method`.
pub const SIGNATURE_METHOD: &str = "HmacSHA256";
/// What the client accepts and sends; both are signed.
pub const JSON: &str = "application/json";

/// Everything that goes into a signature.
#[derive(Debug, Clone, Default)]
pub struct SignInput<'a> {
    pub method: &'a str,
    pub accept: &'a str,
    pub content_md5: &'a str,
    pub content_type: &'a str,
    pub date: &'a str,
    /// The signed `X-Ca-*` headers; names are lowercased and sorted here.
    pub headers: Vec<(String, String)>,
    pub path: &'a str,
    /// Query parameters (decoded); sorted by key here.
    pub query: Vec<(String, String)>,
}

impl SignInput<'_> {
    /// The string the signature is computed over.
    pub fn string_to_sign(&self) -> String {
        let mut out = String::new();
        for part in [
            self.method,
            self.accept,
            self.content_md5,
            self.content_type,
            self.date,
        ] {
            out.push_str(part);
            out.push('\n');
        }
        let mut headers: Vec<(String, &str)> = self
            .headers
            .iter()
            .map(|(n, v)| (n.to_ascii_lowercase(), v.as_str()))
            .collect();
        headers.sort();
        for (name, value) in headers {
            out.push_str(&name);
            out.push(':');
            out.push_str(value);
            out.push('\n');
        }
        out.push_str(self.path);
        let mut query: Vec<&(String, String)> = self.query.iter().collect();
        query.sort();
        if !query.is_empty() {
            out.push('?');
            let parts: Vec<String> = query
                .iter()
                .map(|(k, v)| {
                    if v.is_empty() {
                        k.clone()
                    } else {
                        format!("{k}={v}")
                    }
                })
                .collect();
            out.push_str(&parts.join("&"));
        }
        out
    }
}

/// base64(HMAC-SHA256(secret, string_to_sign)).
pub fn signature(secret: &Secret, string_to_sign: &str) -> String {
    // HMAC takes keys of any length: new_from_slice cannot fail.
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.expose().as_bytes())
        .expect("HMAC accepts any key length");
    mac.update(string_to_sign.as_bytes());
    STANDARD.encode(mac.finalize().into_bytes())
}

/// `Content-MD5`: base64 of the body's MD5 digest.
pub fn content_md5(body: &[u8]) -> String {
    STANDARD.encode(Md5::digest(body))
}

/// The headers of one signed request: `Accept`, `Content-Type`, `Content-MD5` and the
/// `X-Ca-*` set, for a POST of `body` (JSON) to `url`.
pub(crate) fn signed_headers(
    app_key: &str,
    secret: &Secret,
    method: &str,
    url: &reqwest::Url,
    body: &[u8],
    timestamp_ms: i64,
    nonce: &str,
) -> Vec<(&'static str, String)> {
    let md5 = content_md5(body);
    let timestamp = timestamp_ms.to_string();
    let ca: [(&'static str, &str); 4] = [
        ("X-Ca-Key", app_key),
        ("X-Ca-Nonce", nonce),
        ("X-Ca-Signature-Method", SIGNATURE_METHOD),
        ("X-Ca-Timestamp", &timestamp),
    ];
    let input = SignInput {
        method,
        accept: JSON,
        content_md5: &md5,
        content_type: JSON,
        date: "",
        headers: ca
            .iter()
            .map(|(n, v)| (n.to_string(), v.to_string()))
            .collect(),
        path: url.path(),
        query: url
            .query_pairs()
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect(),
    };
    let names: Vec<String> = ca.iter().map(|(n, _)| n.to_ascii_lowercase()).collect();
    let mut out = vec![
        ("Accept", JSON.to_owned()),
        ("Content-Type", JSON.to_owned()),
        ("Content-MD5", md5.clone()),
    ];
    out.extend(ca.iter().map(|(n, v)| (*n, v.to_string())));
    out.push(("X-Ca-Signature-Headers", names.join(",")));
    out.push(("X-Ca-Signature", signature(secret, &input.string_to_sign())));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn secret() -> Secret {
        Secret::new("appSecret")
    }

    /// The first published vector: three signed headers, a JSON content type.
    #[test]
    fn published_vector_with_headers() {
        let input = SignInput {
            method: "GET",
            accept: "application/json",
            content_type: "application/json",
            headers: vec![
                ("X-Ca-Timestamp".into(), "1646365291734".into()),
                ("X-Ca-Key".into(), "appKey".into()),
                (
                    "X-Ca-Nonce".into(),
                    "787dd0c2-7bd8-41cd-9c19-62c05ea524a2".into(),
                ),
            ],
            path: "/Third/Tools/checkSign",
            ..Default::default()
        };
        let sts = input.string_to_sign();
        assert_eq!(
            sts,
            "GET\napplication/json\n\napplication/json\n\nx-ca-key:appKey\n\
             x-ca-nonce:787dd0c2-7bd8-41cd-9c19-62c05ea524a2\nx-ca-timestamp:1646365291734\n\
             /Third/Tools/checkSign"
        );
        assert_eq!(
            signature(&secret(), &sts),
            "EdJSFAMOWyXZOpXhevZnjuS0ZafnwnCqaSk5hz+tXo8="
        );
    }

    /// The second published vector: nothing signed but the method, Accept and path.
    #[test]
    fn published_vector_bare() {
        let input = SignInput {
            method: "GET",
            accept: "application/json",
            path: "/Third/Tools/checkSign",
            ..Default::default()
        };
        let sts = input.string_to_sign();
        assert_eq!(sts, "GET\napplication/json\n\n\n\n/Third/Tools/checkSign");
        assert_eq!(
            signature(&secret(), &sts),
            "ZpJhkHdtjLTJiR6CJWHL8ikLtPB2z6CoztG21wG3PT4="
        );
    }

    #[test]
    fn query_is_sorted_and_valueless_keys_kept() {
        let input = SignInput {
            method: "POST",
            path: "/p",
            query: vec![
                ("b".into(), "2".into()),
                ("a".into(), "1".into()),
                ("flag".into(), String::new()),
            ],
            ..Default::default()
        };
        assert!(input.string_to_sign().ends_with("\n/p?a=1&b=2&flag"));
    }

    #[test]
    fn content_md5_of_a_known_body() {
        // md5("") = d41d8cd98f00b204e9800998ecf8427e
        assert_eq!(content_md5(b""), "1B2M2Y8AsgTpgAmY7PhCfg==");
    }

    #[test]
    fn signed_headers_sign_what_is_sent() {
        let url = reqwest::Url::parse("http://h/gw/industry/x?z=1&a=2").unwrap();
        let h = signed_headers(
            "k",
            &secret(),
            "POST",
            &url,
            b"{}",
            1_700_000_000_000,
            "n-1",
        );
        let get = |n: &str| h.iter().find(|(k, _)| *k == n).unwrap().1.clone();
        assert_eq!(
            get("X-Ca-Signature-Headers"),
            "x-ca-key,x-ca-nonce,x-ca-signature-method,x-ca-timestamp"
        );
        let expected = SignInput {
            method: "POST",
            accept: JSON,
            content_md5: &content_md5(b"{}"),
            content_type: JSON,
            date: "",
            headers: vec![
                ("x-ca-key".into(), "k".into()),
                ("x-ca-nonce".into(), "n-1".into()),
                ("x-ca-signature-method".into(), "HmacSHA256".into()),
                ("x-ca-timestamp".into(), "1700000000000".into()),
            ],
            path: "/gw/industry/x",
            query: vec![("a".into(), "2".into()), ("z".into(), "1".into())],
        };
        assert_eq!(
            get("X-Ca-Signature"),
            signature(&secret(), &expected.string_to_sign())
        );
        assert!(h.iter().all(|(_, v)| !v.contains("appSecret")));
    }
}
