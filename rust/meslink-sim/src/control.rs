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
    /// Share of API requests whose connection is reset (TCP RST), unprocessed.
    pub reset_ratio: Option<f64>,
    /// Share of API requests whose answer is held `stall_ms` after processing.
    pub stall_ratio: Option<f64>,
    pub stall_ms: Option<u64>,
    pub fail_next_503: Option<u32>,
    pub drop_next: Option<u32>,
    pub reset_next: Option<u32>,
    pub garbage_next: Option<u32>,
    pub token_lifetime_secs: Option<f64>,
    /// Refuse an ATE upload of an SN already received (see `set_refuse_repeated_sn`).
    pub refuse_repeated_sn: Option<bool>,
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
    if let Err(msg) = state.apply_faults(&req) {
        return bad_request(msg);
    }
    Json(state.faults.snapshot()).into_response()
}

impl SimState {
    /// Applies every field present in `req` (what `POST /_sim/faults` does);
    /// an invalid token lifetime is an error and changes nothing.
    pub fn apply_faults(&self, req: &FaultsRequest) -> Result<(), String> {
        if let Some(secs) = req.token_lifetime_secs {
            if !secs.is_finite() || secs < 0.0 {
                return Err(format!("token_lifetime_secs must be >= 0, got {secs}"));
            }
            self.set_token_lifetime(Duration::from_secs_f64(secs));
        }
        if let Some(ms) = req.latency_ms {
            self.set_latency(Duration::from_millis(ms));
        }
        if let Some(r) = req.error_503_ratio {
            self.set_503_ratio(r);
        }
        if let Some(r) = req.drop_ratio {
            self.set_drop_ratio(r);
        }
        if let Some(r) = req.reset_ratio {
            self.set_reset_ratio(r);
        }
        if req.stall_ratio.is_some() || req.stall_ms.is_some() {
            let current = self.faults.snapshot();
            let ratio = req
                .stall_ratio
                .unwrap_or_else(|| current["stall_ratio"].as_f64().unwrap_or(0.0));
            let ms = req
                .stall_ms
                .unwrap_or_else(|| current["stall_ms"].as_u64().unwrap_or(0));
            self.set_stall(ratio, Duration::from_millis(ms));
        }
        if let Some(n) = req.reset_next {
            self.reset_next(n);
        }
        if let Some(n) = req.fail_next_503 {
            self.fail_next_503(n);
        }
        if let Some(n) = req.drop_next {
            self.drop_next(n);
        }
        if let Some(n) = req.garbage_next {
            self.garbage_next(n);
        }
        if let Some(on) = req.refuse_repeated_sn {
            self.set_refuse_repeated_sn(on);
        }
        Ok(())
    }
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
