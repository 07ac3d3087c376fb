//! Token issuing and checking, with djangorestframework-jwt's error answers.

use std::collections::HashMap;
use std::time::{Instant, SystemTime, UNIX_EPOCH};

use axum::http::{header, HeaderMap, StatusCode};
use axum::response::Response;
use parking_lot::Mutex;

use crate::drf::detail;
use crate::jwt::{self, Claims};
use crate::{SimState, SimUser};

pub const MSG_NOT_PROVIDED: &str = "身份认证信息未提供。";
pub const MSG_EXPIRED: &str = "Signature has expired.";
pub const MSG_DECODE: &str = "Error decoding signature.";
pub const MSG_NO_CREDENTIALS: &str = "Invalid Authorization header. No credentials provided.";
pub const MSG_SPACES: &str =
    "Invalid Authorization header. Credentials string should not contain spaces.";
pub const MSG_INVALID_SIGNATURE: &str = "Invalid signature.";

/// First `user_id` handed out; the document's example user has 661.
const FIRST_USER_ID: i64 = 661;

/// Tokens this simulator issued, so that expiry can be exact to the
/// millisecond (claims only carry whole seconds) and `expire_all_tokens`
/// can revoke them.
#[derive(Default)]
pub(crate) struct TokenRegistry {
    inner: Mutex<Registry>,
}

#[derive(Default)]
struct Registry {
    /// jti -> moment the token stops being accepted.
    expires: HashMap<String, Instant>,
    /// Tokens not in `expires` (signed with the same key elsewhere) whose
    /// `iat` is at or before this are expired.
    expired_up_to_unix: Option<i64>,
}

fn unix_now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

impl SimState {
    /// Issues a token for `user` with the current lifetime.
    pub(crate) fn issue_token(&self, user: &SimUser) -> String {
        let lifetime = self.faults.token_lifetime();
        let now = unix_now();
        let user_id = self
            .users
            .iter()
            .position(|u| u.emp_no == user.emp_no)
            .map(|i| FIRST_USER_ID + i as i64)
            .unwrap_or(FIRST_USER_ID);
        let claims = Claims {
            username: user.emp_no.clone(),
            iat: now,
            exp: now + lifetime.as_secs() as i64,
            jti: jwt::random_uuid(),
            user_id,
            orig_iat: now,
        };
        self.tokens
            .inner
            .lock()
            .expires
            .insert(claims.jti.clone(), Instant::now() + lifetime);
        jwt::encode(&claims, &self.jwt_secret)
    }

    /// Every token issued before now is answered "Signature has expired.".
    pub fn expire_all_tokens(&self) {
        let now = Instant::now();
        let mut reg = self.tokens.inner.lock();
        for exp in reg.expires.values_mut() {
            if *exp > now {
                *exp = now;
            }
        }
        reg.expired_up_to_unix = Some(unix_now());
    }

    /// Checks a token as the server would: signature first, then expiry.
    pub fn verify_token(&self, token: &str) -> Result<Claims, &'static str> {
        let claims = jwt::decode(token, &self.jwt_secret).map_err(|_| MSG_DECODE)?;
        let reg = self.tokens.inner.lock();
        let expired = match reg.expires.get(&claims.jti) {
            Some(deadline) => Instant::now() >= *deadline,
            None => {
                unix_now() >= claims.exp || reg.expired_up_to_unix.is_some_and(|t| claims.iat <= t)
            }
        };
        drop(reg);
        if expired {
            return Err(MSG_EXPIRED);
        }
        if !self.users.iter().any(|u| u.emp_no == claims.username) {
            return Err(MSG_INVALID_SIGNATURE);
        }
        Ok(claims)
    }

    /// Authenticates a request from its `Authorization` header
    /// (`BEARER <token>`; `Bearer` and `JWT` are accepted as well).
    pub(crate) fn authenticate(&self, headers: &HeaderMap) -> Result<Claims, Response> {
        let value = headers
            .get(header::AUTHORIZATION)
            .map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned())
            .unwrap_or_default();
        let parts: Vec<&str> = value.split_whitespace().collect();
        let scheme_ok = parts
            .first()
            .is_some_and(|s| s.eq_ignore_ascii_case("bearer") || s.eq_ignore_ascii_case("jwt"));
        if !scheme_ok {
            return Err(detail(StatusCode::UNAUTHORIZED, MSG_NOT_PROVIDED));
        }
        match parts.len() {
            1 => Err(detail(StatusCode::UNAUTHORIZED, MSG_NO_CREDENTIALS)),
            2 => self
                .verify_token(parts[1])
                .map_err(|msg| detail(StatusCode::UNAUTHORIZED, msg)),
            _ => Err(detail(StatusCode::UNAUTHORIZED, MSG_SPACES)),
        }
    }
}
