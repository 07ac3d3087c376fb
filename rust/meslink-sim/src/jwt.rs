//! Minimal HS256 JSON Web Tokens (RFC 7519), shaped like the ATE MES server's
//! djangorestframework-jwt tokens.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use hmac::{Hmac, Mac};
use serde::{Deserialize, Serialize};
use sha2::Sha256;

type HmacSha256 = Hmac<Sha256>;

/// The fixed JOSE header, `{"typ":"JWT","alg":"HS256"}` as in the ATE document.
const HEADER_JSON: &str = r#"{"typ":"JWT","alg":"HS256"}"#;

/// Claims in the order the ATE document's example token carries them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Claims {
    pub username: String,
    pub iat: i64,
    pub exp: i64,
    pub jti: String,
    pub user_id: i64,
    pub orig_iat: i64,
}

/// Why a token was not accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JwtError {
    /// Not three base64url parts, bad JSON, wrong algorithm or wrong signature.
    Decode,
}

fn mac(secret: &[u8]) -> HmacSha256 {
    HmacSha256::new_from_slice(secret).expect("HMAC accepts keys of any length")
}

/// Encodes and signs `claims` with HS256.
pub fn encode(claims: &Claims, secret: &[u8]) -> String {
    let payload = serde_json::to_vec(claims).expect("claims serialize");
    let signing_input = format!(
        "{}.{}",
        URL_SAFE_NO_PAD.encode(HEADER_JSON),
        URL_SAFE_NO_PAD.encode(payload)
    );
    let mut m = mac(secret);
    m.update(signing_input.as_bytes());
    let sig = m.finalize().into_bytes();
    format!("{signing_input}.{}", URL_SAFE_NO_PAD.encode(sig))
}

/// Checks the signature and decodes the claims. Does not look at `exp`.
pub fn decode(token: &str, secret: &[u8]) -> Result<Claims, JwtError> {
    let mut parts = token.split('.');
    let (Some(h), Some(p), Some(s), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(JwtError::Decode);
    };
    let header: serde_json::Value = URL_SAFE_NO_PAD
        .decode(h)
        .ok()
        .and_then(|b| serde_json::from_slice(&b).ok())
        .ok_or(JwtError::Decode)?;
    if header.get("alg").and_then(|a| a.as_str()) != Some("HS256") {
        return Err(JwtError::Decode);
    }
    let sig = URL_SAFE_NO_PAD.decode(s).map_err(|_| JwtError::Decode)?;
    let mut m = mac(secret);
    m.update(h.as_bytes());
    m.update(b".");
    m.update(p.as_bytes());
    m.verify_slice(&sig).map_err(|_| JwtError::Decode)?;
    let payload = URL_SAFE_NO_PAD.decode(p).map_err(|_| JwtError::Decode)?;
    serde_json::from_slice(&payload).map_err(|_| JwtError::Decode)
}

/// A random UUID v4 string, used as `jti`.
pub fn random_uuid() -> String {
    let mut b = [0u8; 16];
    fastrand::fill(&mut b);
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    let hex: String = b.iter().map(|x| format!("{x:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..32]
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claims() -> Claims {
        Claims {
            username: "ate".into(),
            iat: 1604453177,
            exp: 1604539577,
            jti: "9466d262-1f63-4a48-af2a-d7cf4965417a".into(),
            user_id: 661,
            orig_iat: 1604453177,
        }
    }

    #[test]
    fn header_matches_document() {
        let t = encode(&claims(), b"k");
        assert!(t.starts_with("eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9."));
    }

    #[test]
    fn round_trip_and_tamper() {
        let t = encode(&claims(), b"secret");
        assert_eq!(decode(&t, b"secret").unwrap(), claims());
        assert_eq!(decode(&t, b"other"), Err(JwtError::Decode));
        let mut bad = t.clone();
        bad.pop();
        bad.push(if t.ends_with('A') { 'B' } else { 'A' });
        assert_eq!(decode(&bad, b"secret"), Err(JwtError::Decode));
        assert_eq!(decode("garbage", b"secret"), Err(JwtError::Decode));
        assert_eq!(decode("a.b.c.d", b"secret"), Err(JwtError::Decode));
    }

    #[test]
    fn known_vector() {
        // Computed independently with Python's hmac/hashlib/base64.
        let expected = "eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9.eyJ1c2VybmFtZSI6ImF0ZSIsImlhdCI6MTYwNDQ1MzE3NywiZXhwIjoxNjA0NTM5NTc3LCJqdGkiOiI5NDY2ZDI2Mi0xZjYzLTRhNDgtYWYyYS1kN2NmNDk2NTQxN2EiLCJ1c2VyX2lkIjo2NjEsIm9yaWdfaWF0IjoxNjA0NDUzMTc3fQ.0F00u4Nwsa257bnKGpZHKhcquRnPNME7jnv5d_JCAyc";
        assert_eq!(encode(&claims(), b"secret"), expected);
    }

    #[test]
    fn uuid_shape() {
        let u = random_uuid();
        assert_eq!(u.len(), 36);
        assert_eq!(&u[14..15], "4");
    }
}
