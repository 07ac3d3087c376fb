//! Waiting on the core without the GIL, but still answering Ctrl+C.

use pyo3::prelude::*;
use std::future::Future;
use std::time::Duration;

/// How often a waiting call takes the GIL to let Python run its signal handlers.
const SIGNAL_POLL: Duration = Duration::from_millis(100);

/// Runs `fut` to completion on the caller's thread with the GIL released, so that other
/// Python threads run meanwhile.
///
/// Every [`SIGNAL_POLL`] it briefly takes the GIL to run Python's signal handlers: a
/// Ctrl+C (or any handler that raises) abandons the call and raises in Python, instead of
/// waiting out `timeout_ms` and every retry. Abandoning drops the request, like a timeout.
/// Signal handlers only run on the main thread; elsewhere the check is a no-op.
///
/// The log records the call makes reach Python `logging` on this thread before it
/// returns (`crate::log`).
pub(crate) fn wait<F, T>(py: Python<'_>, fut: F) -> PyResult<meslink::Result<T>>
where
    F: Future<Output = meslink::Result<T>> + Send,
    T: Send,
{
    crate::log::before(py);
    let outcome = wait_quietly(py, fut);
    crate::log::after(py);
    outcome
}

fn wait_quietly<F, T>(py: Python<'_>, fut: F) -> PyResult<meslink::Result<T>>
where
    F: Future<Output = meslink::Result<T>> + Send,
    T: Send,
{
    py.allow_threads(|| {
        let interruptible = async {
            tokio::pin!(fut);
            loop {
                tokio::select! {
                    outcome = &mut fut => return Ok(outcome),
                    _ = tokio::time::sleep(SIGNAL_POLL) => {
                        Python::with_gil(|py| py.check_signals())?;
                    }
                }
            }
        };
        // `block_on` itself fails only when called from inside an async runtime.
        meslink::runtime::block_on(interruptible).unwrap_or_else(|e| Ok(Err(e)))
    })
}
