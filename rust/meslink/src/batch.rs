//! The batch call: many records of one call id, sent with bounded concurrency over the
//! client's one connection pool, each answered on its own.

use crate::client::Client;
use crate::error::{Error, Result};
use serde_json::Value;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

/// The concurrency the language layers use when the caller gives none (or 0).
pub const DEFAULT_BATCH_CONCURRENCY: usize = 8;

/// The most requests a batch keeps in flight, whatever the caller asks.
const MAX_BATCH_CONCURRENCY: usize = 256;

impl Client {
    /// Sends every parameter object of `params` as one call `id`, at most `concurrency`
    /// at a time (0 = [`DEFAULT_BATCH_CONCURRENCY`]; capped at 256), and answers one
    /// result per input, in the order of the inputs.
    ///
    /// Every record is checked against the catalog before anything is sent: a bad record
    /// gets its own `InvalidArgument` error and is not sent; the others are. An unknown
    /// call id (or a socket session) fails every record the same way, sending nothing.
    /// Each sent record has the retries and authentication of [`Client::call`].
    pub async fn call_batch(
        &self,
        id: &str,
        params: Vec<Value>,
        concurrency: usize,
    ) -> Vec<Result<Value>> {
        let spec = match Self::request_spec(id) {
            Ok(spec) => spec,
            Err(e) => return params.iter().map(|_| Err(e.clone())).collect(),
        };
        let total = params.len();
        let mut results: Vec<Option<Result<Value>>> = Vec::with_capacity(total);
        let mut work = Vec::with_capacity(total);
        for (index, p) in params.into_iter().enumerate() {
            match self.validate(spec, p) {
                Ok(checked) => {
                    results.push(None);
                    work.push((index, checked));
                }
                Err(e) => results.push(Some(Err(e))),
            }
        }
        let workers = effective_concurrency(concurrency).min(work.len());
        if workers > 0 {
            let work = Arc::new(
                work.into_iter()
                    .map(parking_lot::Mutex::new)
                    .collect::<Vec<_>>(),
            );
            let next = Arc::new(AtomicUsize::new(0));
            let mut tasks = tokio::task::JoinSet::new();
            for _ in 0..workers {
                let (client, work, next) = (self.clone(), work.clone(), next.clone());
                // Each worker takes the next unsent record until none is left; the tasks
                // run on the runtime driving the batch (the caller's own thread for
                // `call_batch_blocking`, every worker of a multi-thread runtime otherwise).
                tasks.spawn(async move {
                    let mut done = Vec::new();
                    loop {
                        let slot = next.fetch_add(1, Ordering::Relaxed);
                        let Some(cell) = work.get(slot) else { break };
                        let (index, checked) = {
                            let mut taken = cell.lock();
                            (taken.0, std::mem::take(&mut taken.1))
                        };
                        done.push((index, client.call_checked(spec, checked).await));
                    }
                    done
                });
            }
            while let Some(joined) = tasks.join_next().await {
                match joined {
                    Ok(done) => {
                        for (index, result) in done {
                            results[index] = Some(result);
                        }
                    }
                    // A panicking worker loses its records' answers: they are reported
                    // below as internal errors rather than unwinding the caller.
                    Err(e) => tracing::error!("a batch worker failed: {e}"),
                }
            }
        }
        results
            .into_iter()
            .map(|r| {
                r.unwrap_or_else(|| {
                    Err(Error::internal("the batch worker of this record failed")
                        .with_call(spec.id))
                })
            })
            .collect()
    }

    /// [`Client::call_batch`] for threads outside any async runtime (it blocks the
    /// caller). Called from inside a runtime, every record fails with `InvalidArgument`.
    ///
    /// The batch runs on the calling thread ([`crate::runtime::block_on_here`]): its
    /// requests in flight share one event loop, with no hand-off between threads per
    /// record, over the thread's own connections (kept for its next calls).
    pub fn call_batch_blocking(
        &self,
        id: &str,
        params: Vec<Value>,
        concurrency: usize,
    ) -> Vec<Result<Value>> {
        let count = params.len();
        self.block_on_here(async { Ok(self.call_batch(id, params, concurrency).await) })
            .unwrap_or_else(|e| (0..count).map(|_| Err(e.clone())).collect())
    }
}

/// The number of requests in flight for a requested `concurrency`.
fn effective_concurrency(concurrency: usize) -> usize {
    match concurrency {
        0 => DEFAULT_BATCH_CONCURRENCY,
        n => n.min(MAX_BATCH_CONCURRENCY),
    }
}
