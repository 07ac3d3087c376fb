//! The platform's call limit (200 calls a minute per app_key), kept on this side so that
//! callers never see 3009.
//!
//! One [`Limiter`] per app_key and base URL, shared by every client of the process that
//! uses them (a static registry of weak references; when they configure different limits,
//! the one with the lower rate holds). It is a sliding log: a call takes a
//! slot before it is sent and keeps it until `window` after its answer came back. Counting
//! from the answer (not the send) makes the log a superset of what the server can count
//! in any of its windows, whatever the network delays: the server receives a call after
//! it was sent and before its answer arrives here.

use parking_lot::Mutex;
use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, LazyLock, Weak};
use std::time::{Duration, Instant};
use tokio::sync::Notify;

/// Limits of one app_key.
pub(crate) struct Limiter {
    state: Mutex<State>,
    freed: Notify,
}

struct State {
    limit: usize,
    window: Duration,
    in_flight: usize,
    /// When each finished call's answer arrived, oldest first.
    done: VecDeque<Instant>,
    /// Calls that had to wait for a slot (for tests and diagnostics).
    waited: u64,
}

/// A slot held for the length of one call; dropping it starts the slot's window.
pub(crate) struct Permit {
    limiter: Arc<Limiter>,
}

impl Drop for Permit {
    fn drop(&mut self) {
        let mut s = self.limiter.state.lock();
        s.in_flight = s.in_flight.saturating_sub(1);
        s.done.push_back(Instant::now());
        drop(s);
        self.limiter.freed.notify_waiters();
    }
}

impl Limiter {
    fn new(limit: usize, window: Duration) -> Limiter {
        Limiter {
            state: Mutex::new(State {
                limit: limit.max(1),
                window,
                in_flight: 0,
                done: VecDeque::new(),
                waited: 0,
            }),
            freed: Notify::new(),
        }
    }

    /// Waits until a call may be sent without exceeding the limit.
    pub async fn acquire(self: &Arc<Self>) -> Permit {
        let mut counted = false;
        loop {
            let freed = self.freed.notified();
            tokio::pin!(freed);
            freed.as_mut().enable();
            let wait_until = {
                let mut s = self.state.lock();
                let now = Instant::now();
                let window = s.window;
                while s.done.front().is_some_and(|t| now >= *t + window) {
                    s.done.pop_front();
                }
                if s.in_flight + s.done.len() < s.limit {
                    s.in_flight += 1;
                    return Permit {
                        limiter: self.clone(),
                    };
                }
                if !counted {
                    s.waited += 1;
                    counted = true;
                }
                // All slots taken: the oldest finished one frees first; if every slot
                // is in flight, a finishing call wakes us.
                s.done.front().map(|t| *t + window)
            };
            match wait_until {
                Some(at) => {
                    tokio::select! {
                        _ = tokio::time::sleep_until(at.into()) => {}
                        _ = &mut freed => {}
                    }
                }
                None => freed.await,
            }
        }
    }

    /// Every client sharing the limiter gets the strictest settings: the pair with the
    /// lower rate (calls per time) holds.
    fn tighten(&self, limit: usize, window: Duration) {
        let mut s = self.state.lock();
        let limit = limit.max(1);
        if (limit as u128) * s.window.as_nanos() < (s.limit as u128) * window.as_nanos() {
            s.limit = limit;
            s.window = window;
        }
    }

    pub fn window(&self) -> Duration {
        self.state.lock().window
    }

    /// How many calls had to wait for a slot so far.
    #[cfg(test)]
    pub fn waited(&self) -> u64 {
        self.state.lock().waited
    }
}

type Key = (String, String);

static REGISTRY: LazyLock<Mutex<HashMap<Key, Weak<Limiter>>>> =
    LazyLock::new(|| Mutex::new(HashMap::new()));

/// The limiter of `app_key` at `base_url`, shared with every other client of the process
/// that uses both. When clients configure different limits, the strictest one holds.
pub(crate) fn shared(
    base_url: &str,
    app_key: &str,
    limit: usize,
    window: Duration,
) -> Arc<Limiter> {
    let key = (
        base_url.trim_end_matches('/').to_owned(),
        app_key.to_owned(),
    );
    let mut registry = REGISTRY.lock();
    registry.retain(|_, w| w.strong_count() > 0);
    if let Some(existing) = registry.get(&key).and_then(Weak::upgrade) {
        existing.tighten(limit, window);
        return existing;
    }
    let limiter = Arc::new(Limiter::new(limit, window));
    registry.insert(key, Arc::downgrade(&limiter));
    limiter
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn never_more_than_the_limit_in_a_window() {
        let limiter = shared("http://unit-test", "k1", 5, Duration::from_millis(200));
        let started = Arc::new(Mutex::new(Vec::<(Instant, Instant)>::new()));
        let active = Arc::new(AtomicUsize::new(0));
        let mut tasks = Vec::new();
        for _ in 0..15 {
            let (limiter, started, active) = (limiter.clone(), started.clone(), active.clone());
            tasks.push(tokio::spawn(async move {
                let permit = limiter.acquire().await;
                let begin = Instant::now();
                assert!(active.fetch_add(1, Ordering::SeqCst) < 5);
                tokio::time::sleep(Duration::from_millis(5)).await;
                active.fetch_sub(1, Ordering::SeqCst);
                let end = Instant::now();
                drop(permit);
                started.lock().push((begin, end));
            }));
        }
        for t in tasks {
            t.await.unwrap();
        }
        // Whatever window one looks at, it holds no more than 5 calls' starts once
        // every earlier call's answer is older than the window.
        let mut calls = started.lock().clone();
        calls.sort();
        for (i, (begin, _)) in calls.iter().enumerate() {
            let overlapping = calls[..i]
                .iter()
                .filter(|(_, end)| *end + Duration::from_millis(200) > *begin)
                .count();
            assert!(overlapping < 5, "call {i} overlapped {overlapping}");
        }
        assert!(limiter.waited() >= 10);
    }

    #[test]
    fn one_limiter_per_key_and_the_strictest_settings() {
        let a = shared("http://h/v1/", "key", 200, Duration::from_secs(60));
        // 100 in 30 s is the same rate: the first settings stay.
        let b = shared("http://h/v1", "key", 100, Duration::from_secs(30));
        assert!(Arc::ptr_eq(&a, &b));
        assert_eq!(a.state.lock().limit, 200);
        // 10 a second is faster: ignored; 100 a minute is slower: it holds.
        shared("http://h/v1", "key", 10, Duration::from_secs(1));
        assert_eq!(a.state.lock().limit, 200);
        shared("http://h/v1", "key", 100, Duration::from_secs(60));
        assert_eq!(a.state.lock().limit, 100);
        assert_eq!(a.window(), Duration::from_secs(60));
        let other = shared("http://h/v1", "other", 200, Duration::from_secs(60));
        assert!(!Arc::ptr_eq(&a, &other));
    }
}
