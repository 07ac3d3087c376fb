//! Reading (not verifying) the `exp` claim of a JWT, to know when to renew it.

use base64::Engine;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// The time left until the token's `exp` claim, if the token is a JWT with one.
/// `Some(ZERO)` when it has already expired.
pub fn time_to_expiry(token: &str) -> Option<Duration> {
    let payload = token.split('.').nth(1)?;
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(payload.trim_end_matches('='))
        .ok()?;
    let claims: serde_json::Value = serde_json::from_slice(&bytes).ok()?;
    let exp = claims.get("exp")?.as_f64()?;
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .ok()?
        .as_secs_f64();
    // An absurd exp (1e300) is not a reason to panic: the lifetime is capped.
    Some(Duration::try_from_secs_f64((exp - now).max(0.0)).unwrap_or(crate::token::MAX_LIFETIME))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn token_with(claims: &str) -> String {
        let e = base64::engine::general_purpose::URL_SAFE_NO_PAD;
        format!(
            "{}.{}.sig",
            e.encode(r#"{"alg":"HS256"}"#),
            e.encode(claims)
        )
    }

    #[test]
    fn reads_exp_claim() {
        let now = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap()
            .as_secs();
        let left = time_to_expiry(&token_with(&format!(r#"{{"exp":{}}}"#, now + 100))).unwrap();
        assert!(left <= Duration::from_secs(100) && left >= Duration::from_secs(98));
        let past = time_to_expiry(&token_with(r#"{"exp":1000}"#)).unwrap();
        assert_eq!(past, Duration::ZERO);
    }

    #[test]
    fn no_exp_or_not_a_jwt() {
        assert_eq!(time_to_expiry(&token_with(r#"{"user_id":1}"#)), None);
        assert_eq!(time_to_expiry("not-a-jwt"), None);
        // The seed document's example token is truncated: it must not be mistaken for one.
        assert_eq!(
            time_to_expiry("eyJ0eXAi.eyJ1c2VybmFtZSI6ImFhdCI6MTYw.x"),
            None
        );
    }
}
