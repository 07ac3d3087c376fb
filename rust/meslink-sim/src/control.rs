//! HTTP control API under `/_sim/` for tests that run the binary as a
//! process. Never subject to faults and not counted.

use std::sync::Arc;
use std::time::Duration;

use axum::extract::rejection::JsonRejection;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::{json, Value};

use crate::SimState;

/// Body of `POST /_sim/faults`; every field is optional.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FaultsRequest {
    pub latency_ms: Option<u64>,
    pub error_503_ratio: Option<f64>,
    pub drop_ratio: Option<f64>,
    pub fail_next_503: Option<u32>,
    pub drop_next: Option<u32>,
    pub garbage_next: Option<u32>,
    pub token_lifetime_secs: Option<f64>,
}

/// Body of `POST /_sim/work_orders`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WorkOrderRequest {
    pub work_order: String,
    pub function_name: String,
    pub serial_number: String,
    pub rule_regex: String,
    pub target_qty: i64,
    pub sn_qty: i64,
}

pub(crate) fn routes(state: &Arc<SimState>) -> Router {
    Router::new()
        .route("/_sim/health", get(|| async { "ok" }))
        .route("/_sim/state", get(snapshot))
        .route("/_sim/faults", post(set_faults))
        .route("/_sim/expire_tokens", post(expire_tokens))
        .route("/_sim/reset_faults", post(reset_faults))
        .route("/_sim/work_orders", post(add_work_order))
        .with_state(state.clone())
}

fn bad_request(msg: String) -> Response {
    (StatusCode::BAD_REQUEST, Json(json!({ "error": msg }))).into_response()
}

async fn snapshot(State(state): State<Arc<SimState>>) -> Json<Value> {
    Json(state.snapshot())
}

async fn set_faults(
    State(state): State<Arc<SimState>>,
    body: Result<Json<FaultsRequest>, JsonRejection>,
) -> Response {
    let req = match body {
        Ok(Json(r)) => r,
        Err(e) => return bad_request(e.body_text()),
    };
    if let Some(secs) = req.token_lifetime_secs {
        if !secs.is_finite() || secs < 0.0 {
            return bad_request(format!("token_lifetime_secs must be >= 0, got {secs}"));
        }
        state.set_token_lifetime(Duration::from_secs_f64(secs));
    }
    if let Some(ms) = req.latency_ms {
        state.set_latency(Duration::from_millis(ms));
    }
    if let Some(r) = req.error_503_ratio {
        state.set_503_ratio(r);
    }
    if let Some(r) = req.drop_ratio {
        state.set_drop_ratio(r);
    }
    if let Some(n) = req.fail_next_503 {
        state.fail_next_503(n);
    }
    if let Some(n) = req.drop_next {
        state.drop_next(n);
    }
    if let Some(n) = req.garbage_next {
        state.garbage_next(n);
    }
    Json(state.faults.snapshot()).into_response()
}

async fn expire_tokens(State(state): State<Arc<SimState>>) -> Json<Value> {
    state.expire_all_tokens();
    Json(json!({ "ok": true }))
}

async fn reset_faults(State(state): State<Arc<SimState>>) -> Json<Value> {
    state.reset_faults();
    Json(state.faults.snapshot())
}

async fn add_work_order(
    State(state): State<Arc<SimState>>,
    body: Result<Json<WorkOrderRequest>, JsonRejection>,
) -> Response {
    let w = match body {
        Ok(Json(w)) => w,
        Err(e) => return bad_request(e.body_text()),
    };
    match state.try_add_work_order(
        &w.work_order,
        &w.function_name,
        &w.serial_number,
        &w.rule_regex,
        w.target_qty,
        w.sn_qty,
    ) {
        Ok(()) => Json(json!({ "ok": true, "work_order": state.work_order(&w.work_order) }))
            .into_response(),
        Err(e) => bad_request(format!("invalid rule_regex: {e}")),
    }
}
