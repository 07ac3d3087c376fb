//! `/v1/real_time`: the live machine stream. A subscription `{"machine_id", "page"}` gets a
//! status message, then the machine's full record, then deltas at the configured rate
//! (spread over every subscribed machine). When the token expires, the session gets the
//! notice `{"code":3005,"message":"access_token expired"}` and is closed with that code.
//!
//! Knobs: `POST /_sim/mgm/realtime` `{"events_per_sec", "heartbeat_ms", "drop_connections"}`
//! or the `SimState` methods below.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use axum::extract::rejection::JsonRejection;
use axum::extract::ws::WebSocketUpgrade;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{any, get, post};
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::{json, Value};
use tokio::sync::watch;

use super::sockjs::{self, Framing, SimSocket};
use crate::SimState;

/// Largest number of messages sent in one tick (one SockJS frame).
const MAX_BATCH: usize = 2000;
/// The delta clock.
const TICK: Duration = Duration::from_millis(10);
/// How often a live session re-checks its token (expiry, "expire all").
const TOKEN_CHECK: Duration = Duration::from_millis(200);

/// Live-stream knobs and counters.
pub(crate) struct RealtimeData {
    events_per_sec_bits: AtomicU64,
    heartbeat_ms: AtomicU64,
    connections: AtomicU64,
    expiry_closes: AtomicU64,
    subscriptions: AtomicU64,
    events_sent: AtomicU64,
    /// Bumped to drop every live session (a network failure).
    kill: watch::Sender<u64>,
}

impl Default for RealtimeData {
    fn default() -> Self {
        RealtimeData {
            events_per_sec_bits: AtomicU64::new(20f64.to_bits()),
            heartbeat_ms: AtomicU64::new(25_000),
            connections: AtomicU64::new(0),
            expiry_closes: AtomicU64::new(0),
            subscriptions: AtomicU64::new(0),
            events_sent: AtomicU64::new(0),
            kill: watch::channel(0).0,
        }
    }
}

impl SimState {
    fn realtime(&self) -> &RealtimeData {
        &self.mgm.realtime
    }

    /// Deltas per second of every live session (default 20); 0 sends none.
    pub fn set_mgm_events_per_sec(&self, rate: f64) {
        let rate = if rate.is_finite() { rate.max(0.0) } else { 0.0 };
        self.realtime()
            .events_per_sec_bits
            .store(rate.to_bits(), Ordering::Relaxed);
    }

    pub fn mgm_events_per_sec(&self) -> f64 {
        f64::from_bits(self.realtime().events_per_sec_bits.load(Ordering::Relaxed))
    }

    /// SockJS `h` / raw ping interval (default 25 s).
    pub fn set_mgm_heartbeat(&self, every: Duration) {
        self.realtime()
            .heartbeat_ms
            .store(every.as_millis().max(10) as u64, Ordering::Relaxed);
    }

    /// Drops every live stream session without a close frame, as a network failure would.
    pub fn drop_mgm_realtime(&self) {
        self.realtime().kill.send_modify(|g| *g += 1);
    }

    /// Stream sessions opened (both transports).
    pub fn mgm_realtime_connections(&self) -> u64 {
        self.realtime().connections.load(Ordering::Relaxed)
    }

    /// Stream sessions closed because their token expired.
    pub fn mgm_realtime_expiry_closes(&self) -> u64 {
        self.realtime().expiry_closes.load(Ordering::Relaxed)
    }

    /// Subscription messages received.
    pub fn mgm_realtime_subscriptions(&self) -> u64 {
        self.realtime().subscriptions.load(Ordering::Relaxed)
    }
}

pub(crate) fn snapshot(state: &SimState) -> Value {
    let r = state.realtime();
    json!({
        "events_per_sec": state.mgm_events_per_sec(),
        "heartbeat_ms": r.heartbeat_ms.load(Ordering::Relaxed),
        "connections": r.connections.load(Ordering::Relaxed),
        "expiry_closes": r.expiry_closes.load(Ordering::Relaxed),
        "subscriptions": r.subscriptions.load(Ordering::Relaxed),
        "events_sent": r.events_sent.load(Ordering::Relaxed),
    })
}

pub(crate) fn routes(state: &Arc<SimState>) -> Router {
    Router::new()
        .route("/v1/real_time/info", get(sockjs::info))
        .route("/v1/real_time/websocket", any(raw))
        .route("/v1/real_time/{server}/{session}/websocket", any(framed))
        .route("/_sim/mgm/realtime", post(knobs))
        .with_state(state.clone())
}

type Params = Query<HashMap<String, String>>;

async fn framed(
    State(state): State<Arc<SimState>>,
    Path((_server, _session)): Path<(String, String)>,
    Query(q): Params,
    ws: WebSocketUpgrade,
) -> Response {
    upgrade(state, q, ws, Framing::SockJs)
}

async fn raw(
    State(state): State<Arc<SimState>>,
    Query(q): Params,
    ws: WebSocketUpgrade,
) -> Response {
    upgrade(state, q, ws, Framing::Raw)
}

fn upgrade(
    state: Arc<SimState>,
    q: HashMap<String, String>,
    ws: WebSocketUpgrade,
    framing: Framing,
) -> Response {
    let token = q.get("session_id").cloned().unwrap_or_default();
    ws.on_upgrade(move |socket| async move {
        if let Some(sock) = SimSocket::open(socket, framing).await {
            session(state, sock, token).await;
        }
    })
}

/// Where one subscribed machine's simulated axes are.
struct Machine {
    id: String,
    step: u64,
}

async fn session(state: Arc<SimState>, mut sock: SimSocket, token: String) {
    let r = state.realtime();
    r.connections.fetch_add(1, Ordering::Relaxed);
    let mut expiry = match super::check_access_token(&state, &token) {
        Ok(at) => at,
        Err((code, message)) => return refuse(sock, code, message).await,
    };
    let mut kill = r.kill.subscribe();
    let heartbeat_every = Duration::from_millis(r.heartbeat_ms.load(Ordering::Relaxed));
    let mut heartbeat = tokio::time::interval_at(
        tokio::time::Instant::now() + heartbeat_every,
        heartbeat_every,
    );
    let mut ticker = tokio::time::interval(TICK);
    ticker.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let mut token_check = tokio::time::interval(TOKEN_CHECK);
    let mut machines: Vec<Machine> = Vec::new();
    let mut owed = 0f64;
    let mut last = tokio::time::Instant::now();
    let mut next_machine = 0usize;
    loop {
        tokio::select! {
            incoming = sock.recv() => {
                let Some(text) = incoming else { return };
                let Some(id) = subscription(&text) else { continue };
                r.subscriptions.fetch_add(1, Ordering::Relaxed);
                let first = [status(&id), full_record(&id, 0)];
                if !sock.send(&first).await {
                    return;
                }
                r.events_sent.fetch_add(2, Ordering::Relaxed);
                if !machines.iter().any(|m| m.id == id) {
                    machines.push(Machine { id, step: 0 });
                }
            }
            _ = heartbeat.tick() => {
                if !sock.heartbeat().await {
                    return;
                }
            }
            now = ticker.tick() => {
                let elapsed = now.duration_since(last).as_secs_f64();
                last = now;
                if machines.is_empty() {
                    continue;
                }
                owed = (owed + state.mgm_events_per_sec() * elapsed).min(MAX_BATCH as f64 * 4.0);
                let n = (owed.floor() as usize).min(MAX_BATCH);
                owed -= n as f64;
                let batch: Vec<Value> = (0..n)
                    .map(|_| {
                        next_machine = (next_machine + 1) % machines.len();
                        let m = &mut machines[next_machine];
                        m.step += 1;
                        delta(&m.id, m.step)
                    })
                    .collect();
                if !sock.send(&batch).await {
                    return;
                }
                r.events_sent.fetch_add(n as u64, Ordering::Relaxed);
            }
            _ = tokio::time::sleep_until(expiry.into()) => {
                match super::check_access_token(&state, &token) {
                    // Extended by a refresh; never spin on an instant already past.
                    Ok(at) => expiry = at.max(std::time::Instant::now() + TICK),
                    Err((code, message)) => return expire(&state, sock, code, message).await,
                }
            }
            _ = token_check.tick() => {
                if let Err((code, message)) = super::check_access_token(&state, &token) {
                    return expire(&state, sock, code, message).await;
                }
            }
            _ = kill.changed() => return,
        }
    }
}

/// A refused token: the notice, then the close with its code.
async fn refuse(mut sock: SimSocket, code: i64, message: &str) {
    sock.send(&[json!({ "code": code, "message": message })])
        .await;
    sock.close(close_code(code), message).await;
}

async fn expire(state: &SimState, sock: SimSocket, code: i64, message: &str) {
    state
        .realtime()
        .expiry_closes
        .fetch_add(1, Ordering::Relaxed);
    refuse(sock, code, message).await;
}

/// A websocket close code for an OAuth code (3000–4999 are free for applications).
pub(crate) fn close_code(code: i64) -> u16 {
    if (3000..5000).contains(&code) {
        code as u16
    } else {
        1008
    }
}

/// The machine id of a subscription message.
fn subscription(text: &str) -> Option<String> {
    let v: Value = serde_json::from_str(text).ok()?;
    let id = v.get("machine_id")?.as_str()?.trim();
    (!id.is_empty()).then(|| id.to_string())
}

/// Machines whose status carries alarm fields.
const ALARMED: &[&str] = &["8wCxAAAAAAAAABg="];

fn now_text() -> String {
    chrono::Utc::now()
        .format("%Y-%m-%dT%H:%M:%S%.6fZ")
        .to_string()
}

fn status(id: &str) -> Value {
    let mut v = json!({ "status": 5, "status_time": now_text(), "machine_id": id });
    if ALARMED.contains(&id) {
        v = json!({ "status": 3, "status_time": now_text(), "machine_id": id,
                    "alarm_no": "1001", "alarm_msg": "X轴超程", "alarm_time": now_text() });
    }
    v
}

fn axis(step: u64, base: f64) -> String {
    format!("{:.3}", base + (step % 1000) as f64 * 0.547)
}

/// The full record, with the document's fields.
fn full_record(id: &str, step: u64) -> Value {
    json!({
        "Fovr": "300.000", "S1load": "0.000", "S1speed": "0.000", "S1speedOvr": "100.000",
        "Xact": axis(step, 259.212), "Xload": "1.000", "Yact": axis(step, 352.546),
        "Yload": "0.000", "Zact": "-6273.725", "Zload": "0.000", "block": "T1 ",
        "id": id, "line": "0", "path_feedrate": "150.000", "program": "1004.1004",
        "time": now_text(), "tool_id": "1",
    })
}

fn delta(id: &str, step: u64) -> Value {
    json!({ "Xact": axis(step, 259.212), "id": id, "Yact": axis(step, 352.546) })
}

/// Body of `POST /_sim/mgm/realtime`; every field is optional.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Knobs {
    events_per_sec: Option<f64>,
    heartbeat_ms: Option<u64>,
    drop_connections: Option<bool>,
}

async fn knobs(
    State(state): State<Arc<SimState>>,
    body: Result<Json<Knobs>, JsonRejection>,
) -> Response {
    let k = match body {
        Ok(Json(k)) => k,
        Err(e) => {
            return (
                StatusCode::BAD_REQUEST,
                Json(json!({ "error": e.body_text() })),
            )
                .into_response()
        }
    };
    if let Some(rate) = k.events_per_sec {
        if !rate.is_finite() || rate < 0.0 {
            return (
                StatusCode::BAD_REQUEST,
                Json(json!({ "error": format!("events_per_sec must be >= 0, got {rate}") })),
            )
                .into_response();
        }
        state.set_mgm_events_per_sec(rate);
    }
    if let Some(ms) = k.heartbeat_ms {
        state.set_mgm_heartbeat(Duration::from_millis(ms));
    }
    if k.drop_connections == Some(true) {
        state.drop_mgm_realtime();
    }
    Json(snapshot(&state)).into_response()
}
