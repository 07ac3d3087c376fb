//! The MES ATE interface (seed 000): JWT login, work orders, SN upload.
//!
//! Form fields in, JSON out, `Authorization: BEARER <token>`. The token is fetched on first
//! use, renewed ahead of the expiry its JWT `exp` claim gives (24 h when it has none, as the
//! document says), and on a 401 the client logs in once more and repeats the call.

use super::{build_request, drf_message, http_error};
use crate::catalog::{self, Answer as Typed, CallSpec, Handling, Params};
pub(crate) type AteCtx = super::Ctx<AteState>;
use crate::config::AteConfig;
use crate::error::{Error, ErrorKind, Result};
use crate::secret::Secret;
use crate::token::{Token, TokenCache};
use crate::transport::{Answer, Body, Request};
use serde_json::Value;
use std::time::Duration;

/// The document's token lifetime, used when a token carries no `exp` claim.
pub const DEFAULT_TOKEN_LIFETIME: Duration = Duration::from_secs(24 * 3600);

#[derive(Default)]
pub(crate) struct AteState {
    tokens: TokenCache,
}

fn section(ctx: &AteCtx) -> Result<&AteConfig> {
    ctx.config.ate.as_ref().ok_or_else(|| {
        Error::invalid("the client has no \"ate\" section (base_url, emp_no, password)")
    })
}

pub(crate) async fn call(ctx: &AteCtx, spec: &'static CallSpec, params: Params) -> Result<Value> {
    let cfg = section(ctx)?;
    if spec.handling == Handling::Login {
        return explicit_login(ctx, cfg, &params).await;
    }
    let mut req = build_request(spec, &cfg.base_url, &params);
    let tokens = &ctx.state.tokens;
    let token = tokens.get(|| login(ctx, cfg, None)).await?;
    let mut answer = send_with_token(ctx, &mut req, &token).await?;
    if answer.status == 401 {
        tracing::info!(call = spec.id, "token refused (HTTP 401); logging in again");
        tokens.invalidate(&token);
        let token = tokens.get(|| login(ctx, cfg, None)).await?;
        answer = send_with_token(ctx, &mut req, &token).await?;
    }
    read_answer(spec, &answer)
}

async fn send_with_token(ctx: &AteCtx, req: &mut Request, token: &Secret) -> Result<Answer> {
    req.headers.retain(|(name, _)| *name != "Authorization");
    req.headers
        .push(("Authorization", format!("BEARER {}", token.expose())));
    ctx.http.send(req).await
}

/// `ate.login` called by name: logs in (with the configured credentials unless the
/// parameters name others) and answers the server's JSON without the token. With the
/// configured credentials the new token also replaces the cached one.
async fn explicit_login(ctx: &AteCtx, cfg: &AteConfig, params: &Params) -> Result<Value> {
    let emp_no = params.get("emp_no").and_then(Value::as_str);
    let password = params.get("password").and_then(Value::as_str);
    let other = (emp_no.is_some() || password.is_some()).then(|| {
        (
            emp_no.unwrap_or(&cfg.emp_no).to_owned(),
            password
                .map(Secret::from)
                .unwrap_or_else(|| cfg.password.clone()),
        )
    });
    let configured = other.is_none();
    let (token, mut answer) = login_answer(ctx, cfg, other).await?;
    if configured {
        ctx.state.tokens.store(token);
    }
    // The token is a secret the client manages itself; it never leaves the library.
    if let Some(obj) = answer.as_object_mut() {
        obj.remove("token");
    }
    Ok(answer)
}

async fn login(ctx: &AteCtx, cfg: &AteConfig, creds: Option<(String, Secret)>) -> Result<Token> {
    login_answer(ctx, cfg, creds).await.map(|(t, _)| t)
}

async fn login_answer(
    ctx: &AteCtx,
    cfg: &AteConfig,
    creds: Option<(String, Secret)>,
) -> Result<(Token, Value)> {
    let spec = catalog::find("ate.login")?;
    let (emp_no, password) = creds.unwrap_or_else(|| (cfg.emp_no.clone(), cfg.password.clone()));
    let mut req = build_request(spec, &cfg.base_url, &Params::new());
    req.body = Body::Form(vec![
        ("emp_no".into(), emp_no),
        ("password".into(), password.expose().to_owned()),
    ]);
    let answer = ctx
        .http
        .send(&req)
        .await
        .map_err(|e| e.with_call(spec.id))?;
    if !answer.is_success() {
        let e = http_error(&answer);
        // Django answers bad credentials with 400 non_field_errors: an auth failure.
        let e = match e.server_message {
            Some(msg) if answer.status == 400 => {
                Error::from_server(ErrorKind::Auth, msg).with_status(400)
            }
            _ => e,
        };
        return Err(e.with_call(spec.id));
    }
    let value = answer.json().map_err(|e| e.with_call(spec.id))?;
    let token = value
        .get("token")
        .and_then(Value::as_str)
        .filter(|t| !t.is_empty())
        .ok_or_else(|| {
            Error::protocol("the login answer has no \"token\"")
                .with_call(spec.id)
                .with_status(answer.status)
        })?;
    let lifetime = crate::jwt::time_to_expiry(token).unwrap_or(DEFAULT_TOKEN_LIFETIME);
    tracing::info!(lifetime_s = lifetime.as_secs(), "ATE login succeeded");
    Ok((Token::new(Secret::new(token), lifetime), value))
}

/// Reads the answer of a token-authenticated call.
pub(crate) fn read_answer(spec: &'static CallSpec, answer: &Answer) -> Result<Value> {
    if !answer.is_success() {
        return Err(http_error(answer));
    }
    let value = answer.json()?;
    if let Handling::AckWhen(field, ok) = spec.handling {
        return match value.get(field).and_then(Value::as_str) {
            Some(text) if text == ok => Ok(value),
            Some(_) => Err(Error::from_server(
                ErrorKind::Business,
                drf_message(&value).unwrap_or_default(),
            )
            .with_status(answer.status)),
            None => Err(Error::protocol(format!(
                "the answer has no {field:?}: {}",
                crate::error::excerpt(&answer.body)
            ))),
        };
    }
    // A typed answer must have its model's shape (a work order's four counters).
    if let Typed::Model(model) = spec.answer {
        crate::models::typed_json(model, value.clone()).map_err(|e| {
            Error::protocol(format!(
                "the {model} answer has the wrong shape: {}",
                e.message
            ))
        })?;
    }
    Ok(value)
}
