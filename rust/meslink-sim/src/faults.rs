//! Fault injection for the API routes: latency, HTTP 503, dropped
//! connections, connection resets (TCP RST), stalled answers and garbage
//! (proxy login page) answers.

use std::sync::Arc;
use std::time::Duration;

use axum::body::Body;
use axum::extract::Request;
use axum::http::{header, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::MethodRouter;
use parking_lot::Mutex;
use serde_json::{json, Value};

use crate::SimState;

/// Body of the garbage answer: what a captive proxy might serve instead of JSON.
pub const GARBAGE_BODY: &str = "<html><body>proxy login</body></html>";

/// Marker put in a response's extensions to make the server close the
/// connection without writing that response.
#[derive(Debug, Clone, Copy)]
pub(crate) struct DropConnection;

/// Marker put in a response's extensions to make the server reset the
/// connection (SO_LINGER 0, then close: the peer sees a TCP RST) without
/// writing that response.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ResetConnection;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Action {
    Pass,
    Fail503,
    Drop,
    Reset,
    Garbage,
}

#[derive(Debug, Clone)]
struct Settings {
    latency: Duration,
    ratio_503: f64,
    drop_ratio: f64,
    reset_ratio: f64,
    stall_ratio: f64,
    stall: Duration,
    fail_next_503: u32,
    drop_next: u32,
    reset_next: u32,
    garbage_next: u32,
    token_lifetime: Duration,
    refuse_repeated_sn: bool,
    injected_503: u64,
    injected_drop: u64,
    injected_reset: u64,
    injected_stall: u64,
    injected_garbage: u64,
}

pub(crate) struct Faults {
    settings: Mutex<Settings>,
}

impl Faults {
    pub(crate) fn new(token_lifetime: Duration) -> Faults {
        Faults {
            settings: Mutex::new(Settings {
                latency: Duration::ZERO,
                ratio_503: 0.0,
                drop_ratio: 0.0,
                reset_ratio: 0.0,
                stall_ratio: 0.0,
                stall: Duration::ZERO,
                fail_next_503: 0,
                drop_next: 0,
                reset_next: 0,
                garbage_next: 0,
                token_lifetime,
                refuse_repeated_sn: false,
                injected_503: 0,
                injected_drop: 0,
                injected_reset: 0,
                injected_stall: 0,
                injected_garbage: 0,
            }),
        }
    }

    pub(crate) fn latency(&self) -> Duration {
        self.settings.lock().latency
    }

    pub(crate) fn token_lifetime(&self) -> Duration {
        self.settings.lock().token_lifetime
    }

    /// Whether this request's answer is held back: the stall to apply after
    /// the handler ran, drawn from `stall_ratio` (zero when not stalled).
    pub(crate) fn decide_stall(&self) -> Duration {
        let mut s = self.settings.lock();
        if s.stall.is_zero() || s.stall_ratio <= 0.0 || fastrand::f64() >= s.stall_ratio {
            return Duration::ZERO;
        }
        s.injected_stall += 1;
        s.stall
    }

    /// Picks what happens to one API request. Counters come first (drop,
    /// reset, then 503, then garbage), then the random shares (drop, reset,
    /// then 503).
    pub(crate) fn decide(&self) -> Action {
        let mut s = self.settings.lock();
        let action = if s.drop_next > 0 {
            s.drop_next -= 1;
            Action::Drop
        } else if s.reset_next > 0 {
            s.reset_next -= 1;
            Action::Reset
        } else if s.fail_next_503 > 0 {
            s.fail_next_503 -= 1;
            Action::Fail503
        } else if s.garbage_next > 0 {
            s.garbage_next -= 1;
            Action::Garbage
        } else if s.drop_ratio > 0.0 && fastrand::f64() < s.drop_ratio {
            Action::Drop
        } else if s.reset_ratio > 0.0 && fastrand::f64() < s.reset_ratio {
            Action::Reset
        } else if s.ratio_503 > 0.0 && fastrand::f64() < s.ratio_503 {
            Action::Fail503
        } else {
            Action::Pass
        };
        match action {
            Action::Drop => s.injected_drop += 1,
            Action::Reset => s.injected_reset += 1,
            Action::Fail503 => s.injected_503 += 1,
            Action::Garbage => s.injected_garbage += 1,
            Action::Pass => {}
        }
        action
    }

    pub(crate) fn snapshot(&self) -> Value {
        let s = self.settings.lock();
        json!({
            "latency_ms": s.latency.as_millis() as u64,
            "error_503_ratio": s.ratio_503,
            "drop_ratio": s.drop_ratio,
            "reset_ratio": s.reset_ratio,
            "stall_ratio": s.stall_ratio,
            "stall_ms": s.stall.as_millis() as u64,
            "fail_next_503": s.fail_next_503,
            "drop_next": s.drop_next,
            "reset_next": s.reset_next,
            "garbage_next": s.garbage_next,
            "token_lifetime_secs": s.token_lifetime.as_secs_f64(),
            "refuse_repeated_sn": s.refuse_repeated_sn,
            "injected": {
                "503": s.injected_503,
                "drop": s.injected_drop,
                "reset": s.injected_reset,
                "stall": s.injected_stall,
                "garbage": s.injected_garbage,
            },
        })
    }
}

fn clamp_ratio(r: f64) -> f64 {
    if r.is_nan() {
        0.0
    } else {
        r.clamp(0.0, 1.0)
    }
}

impl SimState {
    /// Delay added before every API answer (also before faulted answers).
    pub fn set_latency(&self, d: Duration) {
        self.faults.settings.lock().latency = d;
    }

    /// Share (0.0–1.0) of API requests answered `503 Service Unavailable`.
    pub fn set_503_ratio(&self, r: f64) {
        self.faults.settings.lock().ratio_503 = clamp_ratio(r);
    }

    /// Share (0.0–1.0) of API requests whose connection is closed without an answer.
    pub fn set_drop_ratio(&self, r: f64) {
        self.faults.settings.lock().drop_ratio = clamp_ratio(r);
    }

    /// Share (0.0–1.0) of API requests whose connection is reset (TCP RST)
    /// without an answer; the request is not processed.
    pub fn set_reset_ratio(&self, r: f64) {
        self.faults.settings.lock().reset_ratio = clamp_ratio(r);
    }

    /// Share (0.0–1.0) of API requests whose answer is held for `stall`
    /// after the request was processed (a client that gives up sooner sees
    /// a timeout although the server acted on the request).
    pub fn set_stall(&self, ratio: f64, stall: Duration) {
        let mut s = self.faults.settings.lock();
        s.stall_ratio = clamp_ratio(ratio);
        s.stall = stall;
    }

    /// The next `n` API requests get their connection reset (TCP RST), unprocessed.
    pub fn reset_next(&self, n: u32) {
        self.faults.settings.lock().reset_next = n;
    }

    /// The next `n` API requests get `503 Service Unavailable` (not processed).
    pub fn fail_next_503(&self, n: u32) {
        self.faults.settings.lock().fail_next_503 = n;
    }

    /// The next `n` API requests get their connection closed without an answer.
    pub fn drop_next(&self, n: u32) {
        self.faults.settings.lock().drop_next = n;
    }

    /// The next `n` API requests get `200 text/html` [`GARBAGE_BODY`] (not processed).
    pub fn garbage_next(&self, n: u32) {
        self.faults.settings.lock().garbage_next = n;
    }

    /// Refuse (`{"msg": MSG_REPEATED_SN}`, HTTP 200) an ATE upload of an SN its work
    /// order already received, from this process or in the journal the simulator was
    /// started with: as a MES that keeps one record per SN.
    pub fn set_refuse_repeated_sn(&self, on: bool) {
        self.faults.settings.lock().refuse_repeated_sn = on;
    }

    pub fn refuses_repeated_sn(&self) -> bool {
        self.faults.settings.lock().refuse_repeated_sn
    }

    /// Lifetime of tokens issued from now on (`exp = iat + lifetime`).
    pub fn set_token_lifetime(&self, d: Duration) {
        self.faults.settings.lock().token_lifetime = d;
    }

    /// Clears every fault (latency, ratios, counters) and restores the
    /// configured token lifetime. Expired tokens stay expired.
    pub fn reset_faults(&self) {
        let mut s = self.faults.settings.lock();
        s.latency = Duration::ZERO;
        s.ratio_503 = 0.0;
        s.drop_ratio = 0.0;
        s.reset_ratio = 0.0;
        s.stall_ratio = 0.0;
        s.stall = Duration::ZERO;
        s.fail_next_503 = 0;
        s.drop_next = 0;
        s.reset_next = 0;
        s.garbage_next = 0;
        s.refuse_repeated_sn = false;
        s.token_lifetime = self.default_token_lifetime;
    }

    /// How many faults of each kind were injected: `(503, dropped, garbage)`.
    pub fn injected_faults(&self) -> (u64, u64, u64) {
        let s = self.faults.settings.lock();
        (s.injected_503, s.injected_drop, s.injected_garbage)
    }

    /// Every injected-fault counter by kind: `503`, `drop`, `reset`,
    /// `stall`, `garbage`.
    pub fn injected_fault_counts(&self) -> InjectedFaults {
        let s = self.faults.settings.lock();
        InjectedFaults {
            error_503: s.injected_503,
            drop: s.injected_drop,
            reset: s.injected_reset,
            stall: s.injected_stall,
            garbage: s.injected_garbage,
        }
    }
}

/// How many faults of each kind the simulator injected since it started.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct InjectedFaults {
    pub error_503: u64,
    pub drop: u64,
    pub reset: u64,
    pub stall: u64,
    pub garbage: u64,
}

/// Wraps an API route: counts it under `route` and applies the fault knobs
/// before the handler runs. Control routes are not wrapped.
pub(crate) fn api<S>(
    state: &Arc<SimState>,
    route: &'static str,
    mr: MethodRouter<S>,
) -> MethodRouter<S>
where
    S: Clone + Send + Sync + 'static,
{
    let state = state.clone();
    mr.layer(axum::middleware::from_fn(
        move |req: Request, next: Next| {
            let state = state.clone();
            async move { apply(&state, route, req, next).await }
        },
    ))
}

/// Counts the end of a request's handling: answered once [`Ending::answered`] ran,
/// abandoned when dropped before (the client went away while it waited).
struct Ending<'a> {
    state: &'a SimState,
    route: &'static str,
    answered: bool,
}

impl Ending<'_> {
    fn answered(mut self) {
        self.answered = true;
    }
}

impl Drop for Ending<'_> {
    fn drop(&mut self) {
        self.state.count_end(self.route, self.answered);
    }
}

async fn apply(state: &SimState, route: &'static str, req: Request, next: Next) -> Response {
    state.begin_request();
    let ending = Ending {
        state,
        route,
        answered: false,
    };
    let response = apply_faults(state, route, req, next).await;
    ending.answered();
    response
}

async fn apply_faults(state: &SimState, route: &'static str, req: Request, next: Next) -> Response {
    state.count_request(route);
    let latency = state.faults.latency();
    if !latency.is_zero() {
        tokio::time::sleep(latency).await;
    }
    match state.faults.decide() {
        Action::Pass => {
            let resp = next.run(req).await;
            let stall = state.faults.decide_stall();
            if !stall.is_zero() {
                tracing::debug!(route, ?stall, "stalling answer");
                tokio::time::sleep(stall).await;
            }
            resp
        }
        Action::Fail503 => (
            StatusCode::SERVICE_UNAVAILABLE,
            [(header::CONTENT_TYPE, "text/plain")],
            "Service Unavailable",
        )
            .into_response(),
        Action::Garbage => (
            StatusCode::OK,
            [(header::CONTENT_TYPE, "text/html")],
            GARBAGE_BODY,
        )
            .into_response(),
        Action::Drop => {
            tracing::debug!(route, "dropping connection");
            let mut resp = Response::new(Body::empty());
            resp.extensions_mut().insert(DropConnection);
            resp
        }
        Action::Reset => {
            tracing::debug!(route, "resetting connection");
            let mut resp = Response::new(Body::empty());
            resp.extensions_mut().insert(ResetConnection);
            resp
        }
    }
}
