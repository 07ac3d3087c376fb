//! `/v1/real_time`: the live machine stream. A subscription `{"machine_id", "page"}` gets a
//! status message, then the machine's full record, then deltas at the configured rate
//! (spread over every subscribed machine). When the token expires, the session gets the
//! notice `{"code":3005,"message":"access_token expired"}` and is closed with that code.
//!
//! Knobs: `POST /_sim/mgm/realtime`
//! `{"events_per_sec", "heartbeat_ms", "drop_connections", "stamp", "burst"}` or the
//! `SimState` methods below.
//!
//! For benchmarks: `stamp` adds `"sent_us"` (wall-clock microseconds since the Unix epoch,
//! taken as the frame is built) to every delta, and `burst: N` sends N stamped deltas to
//! every live session with a subscription as fast as its socket takes them, in frames of
//! [`FRAME`] messages, besides the paced deltas.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
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
use tokio::sync::watch;

use super::sockjs::{self, SessionQuery, SimSocket};
use crate::SimState;

/// Largest number of paced messages sent in one tick (5,000,000/s at the nominal tick; a
/// tick that comes late on a loaded machine sends what is owed, up to this).
const MAX_BATCH: usize = 10_000;
/// The delta clock: paced deltas go out every 2 ms, so at high rates they come as a
/// steady flow of small batches rather than a clump every tick.
const TICK: Duration = Duration::from_millis(2);
/// How often a live session re-checks its token (expiry, "expire all").
const TOKEN_CHECK: Duration = Duration::from_millis(200);
/// Messages per SockJS frame, paced or burst (a tick's batch goes in several frames, each
/// stamped as it is built).
pub(crate) const FRAME: usize = 100;
/// Largest burst one request may ask for.
const MAX_BURST: u64 = 100_000_000;

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
    /// Deltas carry `sent_us`.
    stamp: AtomicBool,
    /// Burst deltas asked for so far (a running total; each session sends the increase).
    burst: watch::Sender<u64>,
    /// SockJS sessions still to be answered with SockJS's own `c[3000,"Go away!"]` instead
    /// of the open frame (what a SockJS server sends for a session it has closed).
    go_away_next: AtomicU64,
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
            stamp: AtomicBool::new(false),
            burst: watch::channel(0).0,
            go_away_next: AtomicU64::new(0),
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

    /// The next `n` SockJS sessions (stream or transfer) get the transport's own
    /// `c[3000,"Go away!"]` instead of the open frame, and are closed.
    pub fn mgm_realtime_go_away_next(&self, n: u64) {
        self.realtime().go_away_next.store(n, Ordering::Relaxed);
    }

    /// Drops every live stream session without a close frame, as a network failure would.
    pub fn drop_mgm_realtime(&self) {
        self.realtime().kill.send_modify(|g| *g += 1);
    }

    /// Whether every delta carries `"sent_us"`, its send time (wall-clock µs since the
    /// Unix epoch). Burst deltas always do.
    pub fn set_mgm_stamp_events(&self, stamp: bool) {
        self.realtime().stamp.store(stamp, Ordering::Relaxed);
    }

    /// Sends `n` stamped deltas to every live session with a subscription, as fast as each
    /// socket takes them (on top of the paced deltas).
    pub fn mgm_realtime_burst(&self, n: u64) {
        self.realtime().burst.send_modify(|total| *total += n);
    }

    /// Deltas and other stream messages sent, all sessions together.
    pub fn mgm_realtime_events_sent(&self) -> u64 {
        self.realtime().events_sent.load(Ordering::Relaxed)
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
        "stamp": r.stamp.load(Ordering::Relaxed),
    })
}

pub(crate) fn routes(state: &Arc<SimState>) -> Router {
    sockjs::endpoint(
        "/v1/real_time",
        None,
        |state, sock, q: SessionQuery| async move {
            let token = q.get("session_id").cloned().unwrap_or_default();
            session(state, sock, token).await
        },
    )
    .route("/_sim/mgm/realtime", post(knobs))
    .with_state(state.clone())
}

/// Where one subscribed machine's simulated axes are.
struct Machine {
    id: String,
    /// `id` as a JSON string, quotes included.
    id_json: String,
    step: u64,
}

/// The subscribed machines of a session, taking turns in its deltas.
#[derive(Default)]
struct Machines {
    list: Vec<Machine>,
    next: usize,
}

impl Machines {
    /// `n` deltas as JSON text, round robin; stamped with the current time when `stamp`.
    fn deltas(&mut self, n: usize, stamp: bool) -> Vec<String> {
        let sent_us = stamp.then(now_us);
        (0..n)
            .map(|_| {
                self.next = (self.next + 1) % self.list.len();
                let m = &mut self.list[self.next];
                m.step += 1;
                delta(&m.id_json, m.step, sent_us)
            })
            .collect()
    }
}

fn now_us() -> i64 {
    chrono::Utc::now().timestamp_micros()
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
    let mut machines = Machines::default();
    let mut owed = 0f64;
    let mut last = tokio::time::Instant::now();
    let mut burst = r.burst.subscribe();
    let mut burst_seen = *burst.borrow_and_update();
    let mut burst_left = 0u64;
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
                if !machines.list.iter().any(|m| m.id == id) {
                    let id_json = Value::from(id.as_str()).to_string();
                    machines.list.push(Machine { id, id_json, step: 0 });
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
                if machines.list.is_empty() {
                    continue;
                }
                owed = (owed + state.mgm_events_per_sec() * elapsed).min(MAX_BATCH as f64 * 4.0);
                let mut n = (owed.floor() as usize).min(MAX_BATCH);
                owed -= n as f64;
                let stamp = r.stamp.load(Ordering::Relaxed);
                while n > 0 {
                    let k = n.min(FRAME);
                    let batch = machines.deltas(k, stamp);
                    if !sock.send_texts(&batch).await {
                        return;
                    }
                    r.events_sent.fetch_add(k as u64, Ordering::Relaxed);
                    n -= k;
                }
            }
            Ok(()) = burst.changed() => {
                let total = *burst.borrow_and_update();
                if !machines.list.is_empty() {
                    burst_left += total.saturating_sub(burst_seen);
                }
                burst_seen = total;
            }
            _ = std::future::ready(()), if burst_left > 0 => {
                let n = burst_left.min(FRAME as u64) as usize;
                let batch = machines.deltas(n, true);
                if !sock.send_texts(&batch).await {
                    return;
                }
                burst_left -= n as u64;
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

/// Whether the session opening now is to be sent away (see `mgm_realtime_go_away_next`).
pub(crate) fn take_go_away(state: &SimState) -> bool {
    state
        .realtime()
        .go_away_next
        .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |n| n.checked_sub(1))
        .is_ok()
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

/// An axis position with three decimals: `base_milli` / 1000 + (step % 1000) × 0.547.
fn axis(step: u64, base_milli: u64) -> String {
    let v = base_milli + (step % 1000) * 547;
    format!("{}.{:03}", v / 1000, v % 1000)
}

/// The full record, with the document's fields.
fn full_record(id: &str, step: u64) -> Value {
    json!({
        "Fovr": "300.000", "S1load": "0.000", "S1speed": "0.000", "S1speedOvr": "100.000",
        "Xact": axis(step, 259_212), "Xload": "1.000", "Yact": axis(step, 352_546),
        "Yload": "0.000", "Zact": "-6273.725", "Zload": "0.000", "block": "T1 ",
        "id": id, "line": "0", "path_feedrate": "150.000", "program": "1004.1004",
        "time": now_text(), "tool_id": "1",
    })
}

/// A delta's JSON text, written directly (the stream's hot path): `id_json` is the
/// machine id as a JSON string.
fn delta(id_json: &str, step: u64, sent_us: Option<i64>) -> String {
    let (x, y) = (axis(step, 259_212), axis(step, 352_546));
    match sent_us {
        Some(us) => format!(r#"{{"Xact":"{x}","Yact":"{y}","id":{id_json},"sent_us":{us}}}"#),
        None => format!(r#"{{"Xact":"{x}","Yact":"{y}","id":{id_json}}}"#),
    }
}

/// Body of `POST /_sim/mgm/realtime`; every field is optional.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Knobs {
    events_per_sec: Option<f64>,
    heartbeat_ms: Option<u64>,
    drop_connections: Option<bool>,
    stamp: Option<bool>,
    burst: Option<u64>,
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
    if k.burst.is_some_and(|n| n > MAX_BURST) {
        return (
            StatusCode::BAD_REQUEST,
            Json(json!({ "error": format!("burst must be at most {MAX_BURST}") })),
        )
            .into_response();
    }
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
    if let Some(stamp) = k.stamp {
        state.set_mgm_stamp_events(stamp);
    }
    if let Some(n) = k.burst {
        state.mgm_realtime_burst(n);
    }
    if let Some(ms) = k.heartbeat_ms {
        state.set_mgm_heartbeat(Duration::from_millis(ms));
    }
    if k.drop_connections == Some(true) {
        state.drop_mgm_realtime();
    }
    Json(snapshot(&state)).into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deltas_are_json_with_three_decimals() {
        let v: Value = serde_json::from_str(&delta("\"m\\\"1\"", 1001, Some(5))).unwrap();
        assert_eq!(
            v,
            json!({"Xact": "259.759", "Yact": "353.093", "id": "m\"1", "sent_us": 5})
        );
        let v: Value = serde_json::from_str(&delta("\"m\"", 999, None)).unwrap();
        assert_eq!(v, json!({"Xact": "805.665", "Yact": "898.999", "id": "m"}));
    }
}
