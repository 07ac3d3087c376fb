//! The access token's life: `get_access_token` on first use, `refresh_token` ahead of
//! the expiry the answer's `expires_in` gives (a refresh before expiry extends the same
//! token, after expiry it issues a new one), and `get_access_token` again when the
//! refresh token is refused (3004, 3006) or older than its documented 30 days.
//!
//! The server keeps only the latest token of an app_key valid (3008 for older ones), so
//! the tokens are shared by every client of the process that uses the same base URL,
//! app_key and app_secret: two clients never take turns invalidating each other's token.
//! Renewals are single-flight ([`TokenCache`]). Tokens never leave this module but as a
//! [`Secret`], and the generic call answers token calls without them.

use super::MgmCtx;
use super::{codes, read_answer, Session};
use crate::catalog::{self, Params, RetryClass};
use crate::error::{Error, Result};
use crate::secret::Secret;
use crate::servers::build_request;
use crate::servers::mgm::MgmConfig;
use crate::token::{Token, TokenCache};
use crate::transport::Body;
use parking_lot::Mutex;
use serde_json::{json, Value};
use std::collections::HashMap;
use std::sync::{Arc, LazyLock, Weak};
use std::time::{Duration, Instant};

/// The document's lifetimes (`OauthCode.ACCESS_TOKEN_EXPIRES_IN`, `REFRESH_TOKEN_EXPIRES_IN`).
pub const ACCESS_TOKEN_LIFETIME: Duration = Duration::from_secs(7200);
pub const REFRESH_TOKEN_LIFETIME: Duration = Duration::from_secs(3600 * 24 * 30);

/// The token state of one app_key at one server.
#[derive(Default)]
pub(crate) struct Tokens {
    cache: TokenCache,
    refresh: Mutex<Option<RefreshToken>>,
    /// The access token the server last refused, so that a refresh handing the same
    /// token back is followed by `get_access_token`.
    rejected: Mutex<Option<Secret>>,
    /// `expires_in` of the latest grant, as the server sent it.
    expires_in: Mutex<Option<Value>>,
}

#[derive(Clone)]
struct RefreshToken {
    value: Secret,
    usable_until: Instant,
}

/// A token answer's data.
pub(crate) struct Grant {
    access: Secret,
    refresh: Option<Secret>,
    pub(crate) lifetime: Duration,
    expires_in: Value,
}

type Key = (String, String, String);

static REGISTRY: LazyLock<Mutex<HashMap<Key, Weak<Tokens>>>> =
    LazyLock::new(|| Mutex::new(HashMap::new()));

/// The token state shared by every client using `cfg`'s server and app.
pub(crate) fn shared(cfg: &MgmConfig) -> Arc<Tokens> {
    let key = (
        cfg.base_url.trim_end_matches('/').to_owned(),
        cfg.app_key.clone(),
        cfg.app_secret.expose().to_owned(),
    );
    let mut registry = REGISTRY.lock();
    registry.retain(|_, w| w.strong_count() > 0);
    if let Some(t) = registry.get(&key).and_then(Weak::upgrade) {
        return t;
    }
    let tokens = Arc::new(Tokens::default());
    registry.insert(key, Arc::downgrade(&tokens));
    tokens
}

impl Tokens {
    fn store(&self, grant: &Grant) {
        self.cache
            .store(Token::new(grant.access.clone(), grant.lifetime));
        self.keep(grant);
    }

    fn keep(&self, grant: &Grant) {
        if let Some(r) = &grant.refresh {
            *self.refresh.lock() = Some(RefreshToken {
                value: r.clone(),
                usable_until: Instant::now() + REFRESH_TOKEN_LIFETIME,
            });
        }
        *self.expires_in.lock() = Some(grant.expires_in.clone());
    }

    /// The server refused `token`: the next [`access`] renews unless it already did.
    pub fn reject(&self, token: &Secret) {
        *self.rejected.lock() = Some(token.clone());
        self.cache.invalidate(token);
    }
}

/// A valid access token: the cached one, or a renewed one (one renewal at a time).
pub(crate) async fn access(ctx: &MgmCtx, cfg: &MgmConfig, session: &Session) -> Result<Secret> {
    let tokens = &session.tokens;
    tokens.cache.get(|| renew(ctx, cfg, tokens)).await
}

/// Refresh when there is a usable refresh token, else (or when it is refused) get.
async fn renew(ctx: &MgmCtx, cfg: &MgmConfig, tokens: &Tokens) -> Result<Token> {
    let rejected = tokens.rejected.lock().take();
    let refresh = tokens
        .refresh
        .lock()
        .clone()
        .filter(|r| Instant::now() < r.usable_until);
    if let Some(r) = refresh {
        match refresh_grant(ctx, cfg, &cfg.app_key, &r.value).await {
            Ok(g) if Some(&g.access) != rejected.as_ref() => {
                tracing::info!(lifetime = ?g.lifetime, "mgm access token refreshed");
                tokens.keep(&g);
                return Ok(Token::new(g.access, g.lifetime));
            }
            Ok(_) => tracing::debug!("the refresh kept the refused token; getting a new one"),
            Err(e)
                if e.server_code
                    .as_deref()
                    .and_then(|c| c.parse().ok())
                    .is_some_and(codes::is_refresh_rejection) =>
            {
                tracing::info!(code = ?e.server_code, "refresh token refused; getting a new one")
            }
            Err(e) => return Err(e),
        }
    }
    let g = get_grant(ctx, cfg, &cfg.app_key, &cfg.app_secret).await?;
    tracing::info!(lifetime = ?g.lifetime, "mgm access token issued");
    tokens.keep(&g);
    Ok(Token::new(g.access, g.lifetime))
}

async fn get_grant(ctx: &MgmCtx, cfg: &MgmConfig, key: &str, secret: &Secret) -> Result<Grant> {
    let data = json!({ "app_key": key, "app_secret": secret.expose() });
    token_request(ctx, cfg, "mgm.token.get", "get_access_token", data).await
}

async fn refresh_grant(
    ctx: &MgmCtx,
    cfg: &MgmConfig,
    key: &str,
    refresh: &Secret,
) -> Result<Grant> {
    let data = json!({ "app_key": key, "refresh_token": refresh.expose() });
    token_request(ctx, cfg, "mgm.token.refresh", "refresh_token", data).await
}

async fn token_request(
    ctx: &MgmCtx,
    cfg: &MgmConfig,
    id: &'static str,
    func: &str,
    data: Value,
) -> Result<Grant> {
    let spec = catalog::find(id)?;
    let mut req = build_request(spec, &cfg.base_url, &Params::new());
    req.body = Body::json(&json!({ "func": func, "data": data }));
    // Token calls hold a slot of the call budget too: the document limits calls made with
    // an access token, but a server may count every call, and with the configured limit
    // equal to the server's no 3009 must reach the wire either way.
    // So every attempt takes a slot of its own: the transport repeats only requests that
    // never left, transient failures are repeated here.
    let (_, session) = super::session(ctx)?;
    req.retry = RetryClass::UnsentOnly;
    let retry = &ctx.config.retry;
    let mut attempt = 1;
    let data = loop {
        let outcome = {
            let _slot = session.limiter.acquire().await;
            ctx.http.send(&req).await
        };
        match outcome.and_then(|a| read_answer(&a)) {
            Err(e) if e.is_transient() && attempt < retry.max_attempts => {
                tracing::info!(call = id, attempt, error = %e, "retrying");
                tokio::time::sleep(retry.backoff(attempt)).await;
                attempt += 1;
            }
            outcome => break outcome.map_err(|e| e.with_call(id))?,
        }
    };
    grant(&data).map_err(|e| e.with_call(id))
}

pub(crate) fn grant(data: &Value) -> Result<Grant> {
    let access = data
        .get("access_token")
        .and_then(Value::as_str)
        .filter(|t| !t.is_empty())
        .ok_or_else(|| Error::protocol("the token answer has no \"access_token\""))?;
    let refresh = data
        .get("refresh_token")
        .and_then(Value::as_str)
        .filter(|t| !t.is_empty())
        .map(Secret::from);
    let expires_in = data.get("expires_in").cloned().unwrap_or(Value::Null);
    let lifetime = match &expires_in {
        Value::Null => ACCESS_TOKEN_LIFETIME,
        v => v
            .as_f64()
            .or_else(|| v.as_str().and_then(|s| s.trim().parse().ok()))
            .filter(|s| s.is_finite() && *s >= 0.0)
            .and_then(|s| Duration::try_from_secs_f64(s).ok())
            .map(|d| d.min(crate::token::MAX_LIFETIME))
            .ok_or_else(|| Error::protocol(format!("the token answer's expires_in is {v}")))?,
    };
    Ok(Grant {
        access: Secret::from(access),
        refresh,
        lifetime,
        expires_in,
    })
}

/// The answer the generic call gives for a token call: no token, just `expires_in`.
fn public_answer(expires_in: Option<Value>) -> Value {
    json!({ "expires_in": expires_in.unwrap_or(Value::Null) })
}

/// `mgm.token.get` called by name. With the configured app (or no parameters) the new
/// token replaces the shared one; with another app_key / app_secret it is only checked.
pub(crate) async fn explicit_get(
    ctx: &MgmCtx,
    cfg: &MgmConfig,
    session: &Session,
    params: &Params,
) -> Result<Value> {
    let key = params
        .get("app_key")
        .and_then(Value::as_str)
        .unwrap_or(&cfg.app_key);
    let secret = params
        .get("app_secret")
        .and_then(Value::as_str)
        .map(Secret::from)
        .unwrap_or_else(|| cfg.app_secret.clone());
    let configured = key == cfg.app_key && secret == cfg.app_secret;
    let g = get_grant(ctx, cfg, key, &secret).await?;
    if configured {
        session.tokens.store(&g);
    }
    Ok(public_answer(Some(g.expires_in)))
}

/// `mgm.token.refresh` called by name. Without a `refresh_token` parameter it refreshes
/// the client's own token now (getting one first if there is none); with one, it only
/// refreshes that token and keeps nothing.
pub(crate) async fn explicit_refresh(
    ctx: &MgmCtx,
    cfg: &MgmConfig,
    session: &Session,
    params: &Params,
) -> Result<Value> {
    if let Some(r) = params.get("refresh_token").and_then(Value::as_str) {
        let key = params
            .get("app_key")
            .and_then(Value::as_str)
            .unwrap_or(&cfg.app_key);
        let g = refresh_grant(ctx, cfg, key, &Secret::from(r)).await?;
        return Ok(public_answer(Some(g.expires_in)));
    }
    if params
        .get("app_key")
        .and_then(Value::as_str)
        .is_some_and(|k| k != cfg.app_key)
    {
        return Err(Error::invalid(
            "refreshing another app_key's token needs its refresh_token",
        ));
    }
    let current = access(ctx, cfg, session).await?;
    // Renew now: the renewal refreshes (the token's timer restarts) and falls back to
    // get_access_token when the refresh token is refused.
    session.tokens.cache.invalidate(&current);
    access(ctx, cfg, session).await?;
    Ok(public_answer(session.tokens.expires_in.lock().clone()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grants_read_seconds_as_numbers_or_text() {
        let g =
            grant(&json!({"access_token": "a", "expires_in": 1.5, "refresh_token": "r"})).unwrap();
        assert_eq!(g.lifetime, Duration::from_millis(1500));
        assert!(g.refresh.is_some());
        let g = grant(&json!({"access_token": "a", "expires_in": "7200"})).unwrap();
        assert_eq!(g.lifetime, ACCESS_TOKEN_LIFETIME);
        assert!(grant(&json!({"expires_in": 7200})).is_err());
        assert!(grant(&json!({"access_token": "a", "expires_in": -1})).is_err());
    }

    #[test]
    fn the_public_answer_has_no_token() {
        assert_eq!(
            public_answer(Some(json!(7200))),
            json!({"expires_in": 7200})
        );
    }
}
