//! The background forwarder: one record at a time, the oldest it may send first.
//!
//! A record failing transiently is retried after a pause that grows with the failures
//! in a row, the records behind it waiting, until both its budgets are spent; then it
//! is parked (its next attempt `park_retry_s` later, one attempt each time) and the
//! forwarder goes on at once with the next record it may send. A parked record's
//! failures do not lengthen the pauses of the others.
//!
//! It sends through a function the client gives it, which holds the client weakly:
//! when the last handle of the client is dropped the forwarder ends by itself, and the
//! client's `close` stops it at once.

use super::classify::{self, Outcome};
use super::lock::ForwardLock;
use super::store::{now_ms, Next, Store};
use super::{SpoolConfig, SpoolState};
use crate::config::RetryConfig;
use crate::error::{Error, ErrorKind, Result};
use futures_util::FutureExt;
use serde_json::Value;
use std::future::Future;
use std::panic::AssertUnwindSafe;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::{watch, Notify};

/// How often an idle forwarder looks at the file for records put back by another
/// process (`meslink spool retry` while the station runs).
const IDLE_POLL: Duration = Duration::from_secs(1);

/// How the forwarder sends a record (call id, parameters): the owning client's normal
/// call path. `None` once the client is gone (the forwarder then ends). The spool never
/// sees the client itself.
pub(crate) type Send = Arc<
    dyn Fn(
            String,
            Value,
        ) -> Option<Pin<Box<dyn Future<Output = Result<Value>> + std::marker::Send>>>
        + std::marker::Send
        + Sync,
>;

pub(super) struct Forwarder {
    pub store: Arc<Store>,
    pub send: Send,
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
        let next = match f.store.next(now_ms()) {
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
        // The call is made (not yet sent) first: when the client is gone, the forwarder
        // ends before it marks anything in flight.
        let Some(call) = (f.send)(record.call_id.clone(), record.params.clone()) else {
            break;
        };
        let attempts = match f.store.mark_in_flight(record.seq) {
            Ok(Some(a)) => a,
            Ok(None) => continue, // discarded meanwhile
            Err(e) => {
                tracing::warn!(error = %e, "spool: cannot mark a record in flight");
                drop(call);
                failures = failures.saturating_add(1);
                if !pause(&mut f.stop, backoff.backoff(failures)).await {
                    break;
                }
                continue;
            }
        };
        // A panic inside a call (a bug) must not end the forwarder: it becomes an
        // internal error, and the record a dead letter.
        let call = AssertUnwindSafe(call).catch_unwind();
        let result = tokio::select! {
            r = call => r.unwrap_or_else(|_| Err(Error::internal("the call panicked (a bug in meslink)"))),
            _ = stopped(&mut f.stop) => break,
        };
        let seq = record.seq;
        let recorded = match result {
            Ok(_) => {
                if !record.parked {
                    failures = 0;
                }
                tracing::debug!(seq, call = %record.call_id, "spool: delivered");
                f.store.mark_delivered(seq)
            }
            Err(e) => match classify::classify(&e) {
                Outcome::Dead => refused(&f.store, &record, &e),
                Outcome::Retry
                    if f.config.max_attempts > 0 && attempts >= f.config.max_attempts =>
                {
                    let text = format!("gave up after {attempts} attempts: {e}");
                    tracing::warn!(seq, error = %text, "spool: moved to the dead letters");
                    f.store
                        .mark_dead(seq, SpoolState::Dead, &text, &classify::answer(&e))
                }
                Outcome::Retry => match failed(&f, &record, attempts, &e) {
                    Ok(true) => Ok(()),
                    Ok(false) => {
                        failures = failures.saturating_add(1);
                        if !pause(&mut f.stop, backoff.backoff(failures)).await {
                            break;
                        }
                        Ok(())
                    }
                    Err(e) => Err(e),
                },
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

/// A permanent refusal: a dead letter, or, for a record resent after a crash or a
/// close, a resend refused (the server probably has it already).
fn refused(store: &Store, record: &Next, e: &Error) -> crate::error::Result<()> {
    let seq = record.seq;
    if record.resent {
        let text = format!(
            "refused when sent again after an attempt whose answer was never read (in \
             flight at a crash or close, or timed out), so the server probably received it \
             the first time: {e}"
        );
        tracing::warn!(seq, error = %e, "spool: a resend was refused; probably delivered before");
        store.mark_dead(seq, SpoolState::ResentRefused, &text, &classify::answer(e))
    } else {
        tracing::warn!(seq, error = %e, "spool: refused, moved to the dead letters");
        store.mark_dead(seq, SpoolState::Dead, &e.to_string(), &classify::answer(e))
    }
}

/// A transient failure recorded; parks the record when it is parked already or its
/// budgets are spent. `Ok(true)`: parked (go on at once), `Ok(false)`: pause first.
fn failed(f: &Forwarder, record: &Next, attempts: u32, e: &Error) -> crate::error::Result<bool> {
    let seq = record.seq;
    let now = now_ms();
    // A timeout may come after the server acted on the record: its next send is a resend.
    let uncertain = e.kind == ErrorKind::Timeout;
    let Some(since) = f.store.mark_failed(seq, &e.to_string(), now, uncertain)? else {
        return Ok(true); // discarded meanwhile
    };
    let failing_for = Duration::from_millis(now.saturating_sub(since).max(0) as u64);
    if !record.parked && !f.config.park_due(attempts, failing_for) {
        tracing::info!(seq, attempts, error = %e, "spool: will retry");
        return Ok(false);
    }
    let next_at = now + (f.config.park_retry_s as i64) * 1000;
    f.store.park(seq, next_at)?;
    if !record.parked {
        tracing::warn!(
            seq, attempts, failing_s = failing_for.as_secs(), error = %e,
            "spool: parked; the records behind it go on, it is tried again every {} s",
            f.config.park_retry_s
        );
    }
    Ok(true)
}
