//! The machine-tool IoT open API (seed 003): tokens, rate limit, resources, and the live
//! SockJS sessions (`mgm.realtime`, `mgm.file_transfer`).
//!
//! Requests are `POST <base_url>/token` with `{"func", "data"}` and `POST
//! <base_url>/resource` with `{"func", "access_token", "data"}`; every answer is
//! `{"code", "data", "message"}` with code 200 for success. The generic call answers
//! `data`.

pub mod close_codes;
pub mod codes;
mod rate_limit;
pub(crate) mod resources;
pub mod sockjs;
pub mod stream;
pub(crate) mod tokens;
pub mod transfer;
pub mod transfer_codes;

pub use crate::config::MgmConfig;
pub use sockjs::StreamTransport;
pub use stream::{Overflow, Stream, StreamEvent, StreamOptions, StreamStats};
pub use transfer::{Md5Of, Transfer, TransferProgress, TransferRequest};
pub use transfer_codes::{transfer_code_meaning, TRANSFER_CODES};

use crate::catalog::{CallSpec, Handling, HttpMethod, Params};
pub(crate) type MgmCtx = super::Ctx<MgmState>;
use crate::error::{Error, Result};
use crate::secret::Secret;
use crate::transport::Answer;
use serde_json::Value;
use std::sync::{Arc, OnceLock};

/// The client's link to the process-wide token and rate-limit state of its app_key,
/// made on first use.
#[derive(Default)]
pub(crate) struct MgmState {
    session: OnceLock<Session>,
}

pub(crate) struct Session {
    tokens: Arc<tokens::Tokens>,
    limiter: Arc<rate_limit::Limiter>,
}

/// The configuration section and the session of a client with an `mgm` section.
pub(crate) fn session(ctx: &MgmCtx) -> Result<(&MgmConfig, &Session)> {
    let cfg = ctx.config.mgm.as_ref().ok_or_else(|| {
        Error::invalid("the client has no \"mgm\" section (base_url, app_key, app_secret)")
    })?;
    let session = ctx.state.session.get_or_init(|| Session {
        tokens: tokens::shared(cfg),
        limiter: rate_limit::shared(
            &cfg.base_url,
            &cfg.app_key,
            cfg.rate_limit_calls as usize,
            cfg.rate_window(),
        ),
    });
    Ok((cfg, session))
}

pub(crate) async fn call(ctx: &MgmCtx, spec: &'static CallSpec, params: Params) -> Result<Value> {
    let (cfg, session) = session(ctx)?;
    match spec.handling {
        Handling::TokenGet => tokens::explicit_get(ctx, cfg, session, &params).await,
        Handling::TokenRefresh => tokens::explicit_refresh(ctx, cfg, session, &params).await,
        _ if spec.method == HttpMethod::Socket => Err(Error::invalid(format!(
            "{} is a live socket session: open it as a stream or transfer",
            spec.id
        ))),
        _ => resources::call(ctx, cfg, session, spec, Value::Object(params)).await,
    }
}

/// A valid access token, getting or renewing one first when needed (one renewal at a
/// time). The stream and transfer sessions put it in their URLs.
pub(crate) async fn access_token(ctx: &MgmCtx) -> Result<Secret> {
    let (cfg, session) = session(ctx)?;
    tokens::access(ctx, cfg, session).await
}

/// Tells the token cache that the server refused `rejected`, so that the next
/// [`access_token`] renews it (unless another caller already did).
pub(crate) async fn token_rejected(ctx: &MgmCtx, rejected: &Secret) {
    if let Ok((_, session)) = session(ctx) {
        session.tokens.reject(rejected);
    }
}

/// The `data` of a `{"code": 200, "data": ...}` answer, or the typed error of its code.
/// OAuth errors may come with any HTTP status; other non-2xx answers are HTTP errors.
pub(crate) fn read_answer(answer: &Answer) -> Result<Value> {
    let parsed = answer.json().ok();
    let code = parsed.as_ref().and_then(|v| v.get("code")).and_then(|c| {
        c.as_i64()
            .or_else(|| c.as_str().and_then(|s| s.trim().parse().ok()))
    });
    let Some(code) = code else {
        if !answer.is_success() {
            return Err(super::http_error(answer));
        }
        return Err(Error::protocol(format!(
            "the answer has no \"code\": {}",
            crate::error::excerpt(&answer.body)
        ))
        .with_status(answer.status));
    };
    let mut value = parsed.unwrap_or_default();
    if code == codes::OK {
        return Ok(value.get_mut("data").map(Value::take).unwrap_or_default());
    }
    let message = value.get("message").and_then(Value::as_str);
    let mut e = codes::error(code, message);
    if !answer.is_success() {
        e = e.with_status(answer.status);
    }
    Err(e)
}
