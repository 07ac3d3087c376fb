//! The machine-tool IoT open API (seed 003): `/v1/token`, `/v1/resource`, and the SockJS
//! sessions `/v1/real_time` and `/v1/trans_file`.
//!
//! Every answer is `{"code", "data", "message"}` (HTTP 200); refusals carry the OAuth
//! codes 3000–3013 with the document's messages and `"data": {}`.

use std::sync::Arc;
use std::time::Duration;

use axum::extract::rejection::JsonRejection;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::{json, Value};

use crate::SimState;

mod realtime;
mod resource;
mod sockjs;
mod tokens;
mod transfer;

pub(crate) use tokens::check_access_token;
pub use transfer::MgmReceivedFile;

/// Settings of this simulated server (part of [`crate::SimConfig`]).
#[derive(Debug, Clone)]
pub struct MgmSimConfig {
    /// The app that may get tokens: `meslink-app` / `meslink-secret` by default.
    pub app_key: String,
    pub app_secret: String,
    /// More apps `(app_key, app_secret)`, each with its own tokens and call limit.
    pub extra_apps: Vec<(String, String)>,
    /// 2 h, as the document says.
    pub access_token_lifetime: Duration,
    /// 30 days, as the document says.
    pub refresh_token_lifetime: Duration,
    /// Resource calls per `rate_window` and app_key (200 a minute); more answer 3009.
    pub rate_limit: u32,
    pub rate_window: Duration,
}

impl Default for MgmSimConfig {
    fn default() -> Self {
        MgmSimConfig {
            app_key: "meslink-app".to_string(),
            app_secret: "meslink-secret".to_string(),
            extra_apps: Vec::new(),
            access_token_lifetime: Duration::from_secs(7200),
            refresh_token_lifetime: Duration::from_secs(3600 * 24 * 30),
            rate_limit: 200,
            rate_window: Duration::from_secs(60),
        }
    }
}

/// What this simulated server stores.
pub(crate) struct MgmData {
    pub(crate) tokens: tokens::TokenData,
    pub(crate) realtime: realtime::RealtimeData,
    pub(crate) transfer: transfer::TransferData,
}

impl MgmData {
    pub(crate) fn new(config: &MgmSimConfig) -> MgmData {
        MgmData {
            tokens: tokens::TokenData::new(config),
            realtime: Default::default(),
            transfer: Default::default(),
        }
    }
}

/// An OAuth error answer, as the document shows it.
pub(crate) fn oauth_error((code, message): (i64, &str)) -> Value {
    json!({ "message": message, "code": code, "data": {} })
}

pub(crate) fn routes(state: &Arc<SimState>) -> Router {
    Router::new()
        .merge(resource::routes(state))
        .merge(control(state))
        .merge(realtime::routes(state))
        .merge(transfer::routes(state))
}

pub(crate) fn snapshot(state: &SimState) -> Value {
    json!({
        "tokens": tokens::snapshot(state),
        "machines": resource::machine_ids(),
        "realtime": realtime::snapshot(state),
        "transfer": transfer::snapshot(state),
    })
}

/// Body of `POST /_sim/mgm/tokens`; every field is optional.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MgmTokensRequest {
    /// Lifetime of access tokens issued or extended from now on.
    pub access_token_lifetime_ms: Option<u64>,
    pub refresh_token_lifetime_ms: Option<u64>,
    /// Every current access token expires now.
    #[serde(default)]
    pub expire_all: bool,
    /// Every refresh token expires now.
    #[serde(default)]
    pub expire_refresh_tokens: bool,
    /// Resource calls per window and app_key (with `rate_window_ms`).
    pub rate_limit: Option<u32>,
    pub rate_window_ms: Option<u64>,
    /// Disable (3002 / 3013) or enable app keys.
    #[serde(default)]
    pub disable_app_keys: Vec<String>,
    #[serde(default)]
    pub enable_app_keys: Vec<String>,
}

fn control(state: &Arc<SimState>) -> Router {
    Router::new()
        .route("/_sim/mgm/tokens", post(set_tokens))
        .with_state(state.clone())
}

async fn set_tokens(
    State(state): State<Arc<SimState>>,
    body: Result<Json<MgmTokensRequest>, JsonRejection>,
) -> Response {
    let req = match body {
        Ok(Json(r)) => r,
        Err(e) => {
            return (
                StatusCode::BAD_REQUEST,
                Json(json!({ "error": e.body_text() })),
            )
                .into_response()
        }
    };
    if req.rate_window_ms == Some(0) {
        return (
            StatusCode::BAD_REQUEST,
            Json(json!({ "error": "rate_window_ms must be above 0" })),
        )
            .into_response();
    }
    let unknown: Vec<&String> = req
        .disable_app_keys
        .iter()
        .chain(&req.enable_app_keys)
        .filter(|k| !state.mgm_has_app(k))
        .collect();
    if !unknown.is_empty() {
        return (
            StatusCode::BAD_REQUEST,
            Json(json!({ "error": format!("unknown app keys: {unknown:?}") })),
        )
            .into_response();
    }
    if let Some(ms) = req.access_token_lifetime_ms {
        state.set_mgm_token_lifetime(Duration::from_millis(ms));
    }
    if let Some(ms) = req.refresh_token_lifetime_ms {
        state.set_mgm_refresh_token_lifetime(Duration::from_millis(ms));
    }
    if req.rate_limit.is_some() || req.rate_window_ms.is_some() {
        let current = tokens::snapshot(&state);
        let calls = req
            .rate_limit
            .unwrap_or(current["rate_limit"].as_u64().unwrap_or(200) as u32);
        let window = req
            .rate_window_ms
            .unwrap_or(current["rate_window_ms"].as_u64().unwrap_or(60_000));
        state.set_mgm_rate_limit(calls, Duration::from_millis(window));
    }
    for key in &req.disable_app_keys {
        state.set_mgm_app_disabled(key, true);
    }
    for key in &req.enable_app_keys {
        state.set_mgm_app_disabled(key, false);
    }
    if req.expire_all {
        state.expire_mgm_tokens();
    }
    if req.expire_refresh_tokens {
        state.expire_mgm_refresh_tokens();
    }
    Json(tokens::snapshot(&state)).into_response()
}
