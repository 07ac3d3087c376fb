//! The background forwarder: one record at a time, oldest first.
//!
//! It holds the client weakly: when the last handle of the client is dropped the
//! forwarder ends by itself, and the client's `close` stops it at once.

use super::classify::{self, Outcome};
use super::store::{ForwardLock, Store};
use super::SpoolConfig;
use crate::config::RetryConfig;
use crate::{client, Client};
use std::sync::{Arc, Weak};
use std::time::Duration;
use tokio::sync::{watch, Notify};

/// How often an idle forwarder looks at the file for records put back by another
/// process (`meslink spool retry` while the station runs).
const IDLE_POLL: Duration = Duration::from_secs(1);

pub(super) struct Forwarder {
    pub store: Arc<Store>,
    pub client: Weak<client::Inner>,
    pub wake: Arc<Notify>,
    pub stop: watch::Receiver<bool>,
    pub config: SpoolConfig,
    /// Held for the life of the task.
    pub lock: ForwardLock,
}

/// Resolves when a stop is asked for (or the spool is gone).
async fn stopped(stop: &mut watch::Receiver<bool>) {
    let _ = stop.wait_for(|s| *s).await;
}

/// Sleeps `d`; false when stopped meanwhile.
async fn pause(stop: &mut watch::Receiver<bool>, d: Duration) -> bool {
    tokio::select! {
        _ = tokio::time::sleep(d) => true,
        _ = stopped(stop) => false,
    }
}

pub(super) async fn run(mut f: Forwarder) {
    let backoff = RetryConfig {
        max_attempts: 1,
        initial_backoff_ms: f.config.backoff_initial_ms,
        max_backoff_ms: f.config.backoff_max_ms,
    };
    let mut failures: u32 = 0;
    loop {
        if *f.stop.borrow() {
            break;
        }
        let next = match f.store.next() {
            Ok(n) => n,
            Err(e) => {
                tracing::warn!(error = %e, "spool: cannot read the queue");
                failures = failures.saturating_add(1);
                if !pause(&mut f.stop, backoff.backoff(failures)).await {
                    break;
                }
                continue;
            }
        };
        let Some(record) = next else {
            tokio::select! {
                _ = f.wake.notified() => {}
                _ = tokio::time::sleep(IDLE_POLL) => {}
                _ = stopped(&mut f.stop) => break,
            }
            continue;
        };
        let Some(inner) = f.client.upgrade() else {
            break;
        };
        let client = Client::from_inner(inner);
        let attempts = match f.store.mark_in_flight(record.seq) {
            Ok(a) => a,
            Err(e) => {
                tracing::warn!(error = %e, "spool: cannot mark a record in flight");
                drop(client);
                failures = failures.saturating_add(1);
                if !pause(&mut f.stop, backoff.backoff(failures)).await {
                    break;
                }
                continue;
            }
        };
        let result = tokio::select! {
            r = client.call(&record.call_id, record.params) => r,
            _ = stopped(&mut f.stop) => break,
        };
        drop(client);
        let seq = record.seq;
        let recorded = match result {
            Ok(_) => {
                failures = 0;
                tracing::debug!(seq, call = %record.call_id, "spool: delivered");
                f.store.mark_delivered(seq)
            }
            Err(e) => match classify::classify(&e) {
                Outcome::Dead => {
                    tracing::warn!(seq, error = %e, "spool: refused, moved to the dead letters");
                    f.store
                        .mark_dead(seq, &e.to_string(), &classify::answer(&e))
                }
                Outcome::Retry
                    if f.config.max_attempts > 0 && attempts >= f.config.max_attempts =>
                {
                    let text = format!("gave up after {attempts} attempts: {e}");
                    tracing::warn!(seq, error = %text, "spool: moved to the dead letters");
                    f.store.mark_dead(seq, &text, &classify::answer(&e))
                }
                Outcome::Retry => {
                    tracing::debug!(seq, attempts, error = %e, "spool: will retry");
                    failures = failures.saturating_add(1);
                    let marked = f.store.mark_failed(seq, &e.to_string());
                    if !pause(&mut f.stop, backoff.backoff(failures)).await {
                        break;
                    }
                    marked
                }
            },
        };
        if let Err(e) = recorded {
            // The record stays in flight and is sent again: at least once.
            tracing::warn!(seq, error = %e, "spool: cannot record the outcome");
            failures = failures.saturating_add(1);
            if !pause(&mut f.stop, backoff.backoff(failures)).await {
                break;
            }
        }
    }
    drop(f.lock);
}
