//! The quality-trace API gateway (seed 002): signature checks and forward / reverse trees
//! built from the serial numbers and grading records the other servers stored.
//!
//! `POST /industry/qualitytrace/tree/query` (route `trace.query`) passes the gateway
//! ([`gateway`]: signature, 15-minute timestamp window, nonce replay), then reads the
//! envelope `{"id","version","request":{"apiVer"},"params":{uniqueCode, traceType, ...}}`
//! and answers `{"id","code":200,"message":null,"localizedMsg":null,"data":"<tree JSON>"}`
//! ([`tree`]). A body that is not a JSON object is the gateway's HTTP 400 "Request Format
//! Error"; a bad envelope or parameter is HTTP 200 with code 20055.
//!
//! Control (not counted, no faults): `POST /_sim/trace/bind {"sn","material"}` records a
//! material consumed into a serial number; `POST /_sim/trace/fail {"code","message"?,
//! "localizedMsg"?}` makes the next signed query answer that code (20003, 403, ...).

pub mod gateway;
mod tree;

use std::collections::{BTreeMap, VecDeque};
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::rejection::JsonRejection;
use axum::extract::State;
use axum::http::{HeaderMap, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::{Json, Router};
use parking_lot::Mutex;
use serde::Deserialize;
use serde_json::{json, Value};

use crate::faults::api;
use crate::SimState;
use gateway::{Gateway, Refusal};

pub const ROUTE_QUERY: &str = "trace.query";
pub const PATH_QUERY: &str = "/industry/qualitytrace/tree/query";
pub const MSG_FORMAT: &str = "Request Format Error";
pub const MSG_BAD_PARAMS: &str = "Backend Service Invalid Request Format Error";

/// Settings of this simulated server (part of [`crate::SimConfig`]).
#[derive(Debug, Clone)]
pub struct TraceSimConfig {
    /// The app key the gateway accepts (`X-Ca-Key`); `meslink-trace` by default.
    pub app_key: String,
    /// Its secret; `meslink-trace-secret` by default.
    pub app_secret: String,
}

impl Default for TraceSimConfig {
    fn default() -> Self {
        TraceSimConfig {
            app_key: "meslink-trace".to_string(),
            app_secret: "meslink-trace-secret".to_string(),
        }
    }
}

/// What this simulated server stores.
pub(crate) struct TraceData {
    gateway: Gateway,
    /// `(sn, material)` assembly bindings.
    bindings: Mutex<Vec<(String, String)>>,
    /// Answer codes to give the next signed queries instead of a tree.
    canned: Mutex<VecDeque<FailRequest>>,
    /// Refusals by `X-Ca-Error-Code`.
    refusals: Mutex<BTreeMap<&'static str, u64>>,
    /// The `params` of the last query that passed the gateway.
    last_params: Mutex<Option<Value>>,
}

impl TraceData {
    pub(crate) fn new(config: &TraceSimConfig) -> TraceData {
        TraceData {
            gateway: Gateway::new(&config.app_key, &config.app_secret),
            bindings: Mutex::new(Vec::new()),
            canned: Mutex::new(VecDeque::new()),
            refusals: Mutex::new(BTreeMap::new()),
            last_params: Mutex::new(None),
        }
    }
}

/// Body of `POST /_sim/trace/fail`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FailRequest {
    pub code: i64,
    #[serde(default)]
    pub message: Option<String>,
    #[serde(default, rename = "localizedMsg")]
    pub localized_msg: Option<String>,
}

/// Body of `POST /_sim/trace/bind`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct BindRequest {
    sn: String,
    material: String,
}

impl SimState {
    /// Records `material` (e.g. a graded cell's barcode) as consumed into `sn`: forward
    /// traces of `sn` show it, reverse traces of `material` lead to `sn`.
    pub fn trace_bind(&self, sn: &str, material: &str) {
        self.trace
            .bindings
            .lock()
            .push((sn.to_string(), material.to_string()));
    }

    /// The next signed query answers HTTP 200 with `code` and `message` instead of a tree.
    pub fn trace_fail_next(&self, code: i64, message: Option<&str>) {
        self.trace.canned.lock().push_back(FailRequest {
            code,
            message: message.map(str::to_string),
            localized_msg: None,
        });
    }

    /// Requests the gateway refused, by `X-Ca-Error-Code` (`A400IS` bad signature,
    /// `A400IT` timestamp, `A400IN` nonce used, `A401ES` no signature, ...).
    pub fn trace_refusals(&self, code: &str) -> u64 {
        self.trace.refusals.lock().get(code).copied().unwrap_or(0)
    }

    /// The `params` of the last query that passed the gateway.
    pub fn trace_last_params(&self) -> Option<Value> {
        self.trace.last_params.lock().clone()
    }

    /// The app key the gateway accepts.
    pub fn trace_app_key(&self) -> &str {
        self.trace.gateway.app_key()
    }

    fn trace_facts(&self) -> tree::Facts {
        tree::Facts {
            uploads: self.uploads(),
            records: self.grading_records(),
            bindings: self.trace.bindings.lock().clone(),
        }
    }
}

pub(crate) fn routes(state: &Arc<SimState>) -> Router {
    Router::new()
        .route(PATH_QUERY, api(state, ROUTE_QUERY, post(query)))
        .route("/_sim/trace/bind", post(bind))
        .route("/_sim/trace/fail", post(fail))
        .with_state(state.clone())
}

pub(crate) fn snapshot(state: &SimState) -> Value {
    let bindings: Vec<Value> = state
        .trace
        .bindings
        .lock()
        .iter()
        .map(|(sn, m)| json!({ "sn": sn, "material": m }))
        .collect();
    json!({
        "app_key": state.trace_app_key(),
        "bindings": bindings,
        "nonces": state.trace.gateway.nonce_count(),
        "refusals": *state.trace.refusals.lock(),
        "canned_pending": state.trace.canned.lock().len(),
    })
}

fn answer(
    code: i64,
    message: Option<&str>,
    localized: Option<&str>,
    data: Option<String>,
) -> Response {
    Json(json!({
        "id": crate::jwt::random_uuid(),
        "code": code,
        "message": message,
        "localizedMsg": localized,
        "data": data,
    }))
    .into_response()
}

async fn query(
    State(state): State<Arc<SimState>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let now = chrono::Utc::now().timestamp_millis();
    if let Err(r) = state
        .trace
        .gateway
        .verify(&method, &uri, &headers, &body, now)
    {
        *state.trace.refusals.lock().entry(r.code).or_insert(0) += 1;
        return r.into_response();
    }
    let Ok(Value::Object(envelope)) = serde_json::from_slice::<Value>(&body) else {
        *state.trace.refusals.lock().entry("A400RF").or_insert(0) += 1;
        return Refusal {
            status: StatusCode::BAD_REQUEST,
            code: "A400RF",
            message: MSG_FORMAT.to_string(),
        }
        .into_response();
    };
    *state.trace.last_params.lock() = envelope.get("params").cloned();
    if let Some(c) = state.trace.canned.lock().pop_front() {
        return answer(
            c.code,
            c.message.as_deref(),
            c.localized_msg.as_deref(),
            None,
        );
    }
    let (code, forward) = match read_envelope(&envelope) {
        Ok(x) => x,
        Err((detail, local)) => {
            return answer(
                20055,
                Some(&format!("{MSG_BAD_PARAMS}: {detail}")),
                Some(local),
                None,
            )
        }
    };
    let facts = state.trace_facts();
    let trees = if forward {
        facts.forward(&code)
    } else {
        facts.reverse(&code)
    };
    let data = json!({ "treeList": trees }).to_string();
    answer(200, None, None, Some(data))
}

/// `(uniqueCode, forward?)`, or what is wrong in English and Chinese.
fn read_envelope(
    envelope: &serde_json::Map<String, Value>,
) -> Result<(String, bool), (String, &'static str)> {
    if envelope.get("version").and_then(Value::as_str) != Some("1.0") {
        return Err(("version must be \"1.0\"".into(), "版本号错误"));
    }
    if envelope.pointer_get("request", "apiVer") != Some("1.0.0") {
        return Err(("request.apiVer must be \"1.0.0\"".into(), "API 版本错误"));
    }
    let params = envelope.get("params").and_then(Value::as_object);
    let text = |k: &str| {
        params
            .and_then(|p| p.get(k))
            .and_then(Value::as_str)
            .map(str::trim)
            .filter(|s| !s.is_empty())
    };
    let Some(code) = text("uniqueCode") else {
        return Err(("params.uniqueCode is required".into(), "唯一码不能为空"));
    };
    let forward = match text("traceType") {
        Some("forward") => true,
        Some("reverse") => false,
        _ => {
            return Err((
                "params.traceType must be forward or reverse".into(),
                "追溯类型只能是 forward 或 reverse",
            ))
        }
    };
    Ok((code.to_string(), forward))
}

trait PointerGet {
    fn pointer_get(&self, outer: &str, inner: &str) -> Option<&str>;
}

impl PointerGet for serde_json::Map<String, Value> {
    fn pointer_get(&self, outer: &str, inner: &str) -> Option<&str> {
        self.get(outer)?.get(inner)?.as_str()
    }
}

fn bad_request(msg: String) -> Response {
    (StatusCode::BAD_REQUEST, Json(json!({ "error": msg }))).into_response()
}

async fn bind(
    State(state): State<Arc<SimState>>,
    body: Result<Json<BindRequest>, JsonRejection>,
) -> Response {
    match body {
        Ok(Json(b)) if !b.sn.trim().is_empty() && !b.material.trim().is_empty() => {
            state.trace_bind(b.sn.trim(), b.material.trim());
            Json(json!({ "ok": true })).into_response()
        }
        Ok(_) => bad_request("sn and material must not be empty".into()),
        Err(e) => bad_request(e.body_text()),
    }
}

async fn fail(
    State(state): State<Arc<SimState>>,
    body: Result<Json<FailRequest>, JsonRejection>,
) -> Response {
    match body {
        Ok(Json(f)) if f.code != 200 => {
            state.trace.canned.lock().push_back(f);
            Json(json!({ "ok": true })).into_response()
        }
        Ok(_) => bad_request("code 200 is success, not a failure".into()),
        Err(e) => bad_request(e.body_text()),
    }
}
