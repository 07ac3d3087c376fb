//! Per-client statistics: calls, errors by kind, retries, logins and token refreshes,
//! reconnects, bytes, and latency percentiles by call id.

use crate::error::ErrorKind;
use parking_lot::Mutex;
use serde_json::{json, Map, Value};
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

/// How many latencies of each call id the percentiles are taken over (the newest).
pub const LATENCY_WINDOW: usize = 1024;

/// Requests that log in or get a token anew, and those that refresh one.
const LOGIN_CALLS: [&str; 3] = ["ate.login", "energy.auth.login", "mgm.token.get"];
const REFRESH_CALLS: [&str; 1] = ["mgm.token.refresh"];

/// The counters of one client (shared by its clones).
#[derive(Default)]
pub(crate) struct Stats {
    retries: AtomicU64,
    logins: AtomicU64,
    refreshes: AtomicU64,
    reconnects: AtomicU64,
    bytes_sent: AtomicU64,
    bytes_received: AtomicU64,
    calls: Mutex<Calls>,
}

#[derive(Default)]
struct Calls {
    total: u64,
    errors: HashMap<&'static str, u64>,
    by_id: HashMap<&'static str, PerCall>,
}

#[derive(Default)]
struct PerCall {
    calls: u64,
    errors: u64,
    /// Microseconds, a ring of the newest [`LATENCY_WINDOW`].
    latencies: Vec<u32>,
    next: usize,
}

impl PerCall {
    fn record(&mut self, micros: u32) {
        if self.latencies.len() < LATENCY_WINDOW {
            self.latencies.push(micros);
        } else {
            self.latencies[self.next] = micros;
        }
        self.next = (self.next + 1) % LATENCY_WINDOW;
    }

    /// (p50, p99) in milliseconds; nearest rank.
    fn percentiles(&self) -> (f64, f64) {
        let mut sorted = self.latencies.clone();
        sorted.sort_unstable();
        let rank = |p: f64| {
            let i = ((p * sorted.len() as f64).ceil() as usize).clamp(1, sorted.len()) - 1;
            f64::from(sorted[i]) / 1000.0
        };
        if sorted.is_empty() {
            (0.0, 0.0)
        } else {
            (rank(0.50), rank(0.99))
        }
    }
}

impl Stats {
    /// A finished call of the user's (generic, typed, batch or spooled).
    pub fn call(&self, id: &'static str, took: Duration, error: Option<ErrorKind>) {
        let micros = u32::try_from(took.as_micros()).unwrap_or(u32::MAX);
        let mut c = self.calls.lock();
        c.total += 1;
        if let Some(kind) = error {
            *c.errors.entry(kind.name()).or_default() += 1;
        }
        let per = c.by_id.entry(id).or_default();
        per.calls += 1;
        per.errors += u64::from(error.is_some());
        per.record(micros);
    }

    /// A request repeated after a transient failure.
    pub fn retry(&self) {
        self.retries.fetch_add(1, Ordering::Relaxed);
    }

    /// One HTTP exchange: the request body's size and the answer's; a login or token
    /// request answered 2xx is counted by its call id.
    pub fn exchange(&self, call: &str, status: u16, sent: usize, received: usize) {
        self.bytes_sent.fetch_add(sent as u64, Ordering::Relaxed);
        self.bytes_received
            .fetch_add(received as u64, Ordering::Relaxed);
        if !(200..300).contains(&status) {
            return;
        }
        if LOGIN_CALLS.contains(&call) {
            self.logins.fetch_add(1, Ordering::Relaxed);
        } else if REFRESH_CALLS.contains(&call) {
            self.refreshes.fetch_add(1, Ordering::Relaxed);
        }
    }

    /// A live session reconnected.
    pub fn reconnect(&self) {
        self.reconnects.fetch_add(1, Ordering::Relaxed);
    }

    /// The JSON of [`crate::Client::stats`].
    pub fn to_json(&self) -> Value {
        let c = self.calls.lock();
        let mut by_call: Vec<_> = c.by_id.iter().collect();
        by_call.sort_by_key(|(id, _)| **id);
        let by_call: Map<String, Value> = by_call
            .into_iter()
            .map(|(id, p)| {
                let (p50, p99) = p.percentiles();
                let v = json!({"calls": p.calls, "errors": p.errors, "p50_ms": p50, "p99_ms": p99});
                ((*id).to_owned(), v)
            })
            .collect();
        let mut errors: Vec<_> = c.errors.iter().collect();
        errors.sort();
        let errors: Map<String, Value> = errors
            .into_iter()
            .map(|(k, n)| ((*k).to_owned(), json!(n)))
            .collect();
        let load = |a: &AtomicU64| a.load(Ordering::Relaxed);
        json!({
            "calls": c.total,
            "errors": errors,
            "retries": load(&self.retries),
            "logins": load(&self.logins),
            "token_refreshes": load(&self.refreshes),
            "reconnects": load(&self.reconnects),
            "bytes_sent": load(&self.bytes_sent),
            "bytes_received": load(&self.bytes_received),
            "by_call": by_call,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_over_the_newest_window() {
        let s = Stats::default();
        for ms in 1..=100u64 {
            s.call("ate.sn_detail.get", Duration::from_millis(ms), None);
        }
        s.call(
            "ate.sn_detail.get",
            Duration::from_millis(5),
            Some(ErrorKind::Transport),
        );
        let j = s.to_json();
        assert_eq!(j["calls"], 101);
        assert_eq!(j["errors"]["transport"], 1);
        let g = &j["by_call"]["ate.sn_detail.get"];
        assert_eq!(
            (g["calls"].as_u64(), g["errors"].as_u64()),
            (Some(101), Some(1))
        );
        assert_eq!(g["p50_ms"], 50.0);
        assert_eq!(g["p99_ms"], 99.0);
        // Only the newest LATENCY_WINDOW count.
        for _ in 0..LATENCY_WINDOW {
            s.call("ate.sn_detail.get", Duration::from_millis(7), None);
        }
        assert_eq!(s.to_json()["by_call"]["ate.sn_detail.get"]["p99_ms"], 7.0);
        s.exchange("ate.login", 200, 10, 20);
        s.exchange("ate.login", 503, 0, 0);
        s.exchange("mgm.token.refresh", 200, 1, 2);
        let j = s.to_json();
        assert_eq!(
            (j["logins"].as_u64(), j["token_refreshes"].as_u64()),
            (Some(1), Some(1))
        );
        assert_eq!(
            (j["bytes_sent"].as_u64(), j["bytes_received"].as_u64()),
            (Some(11), Some(22))
        );
    }
}
