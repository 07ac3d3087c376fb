//! Waiting on the core without the GIL, but still answering Ctrl+C.

use pyo3::prelude::*;
use std::cell::{Cell, RefCell};
use std::future::Future;
use std::pin::Pin;
use std::time::Duration;
use tokio::time::{Instant, Sleep};

/// How often a waiting call takes the GIL to let Python run its signal handlers.
const SIGNAL_POLL: Duration = Duration::from_millis(100);

/// Runs `fut` to completion on the shared runtime with the GIL released, so that other
/// Python threads run meanwhile: paged lists, streams, transfers and the spool.
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
    let outcome = py.allow_threads(|| {
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
    });
    crate::log::after(py);
    outcome
}

thread_local! {
    /// Whether this is the interpreter's main thread (the one that runs signal
    /// handlers), once asked.
    static MAIN: Cell<Option<bool>> = const { Cell::new(None) };
    /// The main thread's signal tick: one timer kept from call to call, reset only when
    /// it fires, so a call arms no timer of its own.
    static TICK: RefCell<Option<Pin<Box<Sleep>>>> = const { RefCell::new(None) };
}

fn is_main_thread(py: Python<'_>) -> bool {
    if let Some(main) = MAIN.with(Cell::get) {
        return main;
    }
    let main = (|| -> PyResult<bool> {
        let threading = py.import("threading")?;
        let main = threading.call_method0("main_thread")?;
        Ok(main.is(&threading.call_method0("current_thread")?))
    })()
    .unwrap_or(false);
    MAIN.with(|m| m.set(Some(main)));
    main
}

/// A sequential call: runs `fut` to completion on the calling thread's own runtime
/// (`meslink::runtime::block_on_here`) with the GIL released once.
///
/// Ctrl+C still abandons it on the main thread: a timer kept from call to call (see
/// [`TICK`]) wakes the wait every [`SIGNAL_POLL`] to run Python's signal handlers; a call
/// shorter than that costs a check of a deadline. Other threads never run signal handlers
/// and wait without any timer.
pub(crate) fn wait_here<F, T>(py: Python<'_>, fut: F) -> PyResult<meslink::Result<T>>
where
    F: Future<Output = meslink::Result<T>> + Send,
    T: Send,
{
    crate::log::before(py);
    let outcome = if is_main_thread(py) {
        let mut tick = TICK.with(|t| t.borrow_mut().take());
        // A tick that fell due between calls: Python ran its handlers meanwhile.
        if let Some(t) = tick.as_mut() {
            if t.deadline() <= Instant::now() {
                t.as_mut().reset(Instant::now() + SIGNAL_POLL);
            }
        }
        let outcome = py.allow_threads(|| {
            let interruptible = async {
                let tick = tick.get_or_insert_with(|| Box::pin(tokio::time::sleep(SIGNAL_POLL)));
                tokio::pin!(fut);
                loop {
                    tokio::select! {
                        biased;
                        outcome = &mut fut => return Ok(outcome),
                        _ = tick.as_mut() => {
                            tick.as_mut().reset(Instant::now() + SIGNAL_POLL);
                            Python::with_gil(|py| py.check_signals())?;
                        }
                    }
                }
            };
            meslink::runtime::block_on_here(interruptible).unwrap_or_else(|e| Ok(Err(e)))
        });
        TICK.with(|t| *t.borrow_mut() = tick);
        outcome
    } else {
        py.allow_threads(|| Ok(meslink::runtime::block_on_here(fut).unwrap_or_else(Err)))
    };
    crate::log::after(py);
    outcome
}
