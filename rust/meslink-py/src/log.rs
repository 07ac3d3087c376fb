//! meslink's log records for Python: one queue of the core's log source, emitted onto the
//! standard `logging` loggers by `meslink._log` (pure Python).
//!
//! The queue's level follows the `meslink` loggers' levels: `meslink._log._sync` reads
//! them before every call that waits on the core (and four times a second on its reader
//! thread), so records of a level no logger wants are never formatted. The records a call
//! logs are emitted on the caller's thread when the call returns (`_drain`), before its
//! answer: a test's `caplog` sees them at once. Records of background work (the spool,
//! streams) are emitted by a daemon reader thread. Python code never runs on a runtime
//! thread and never while meslink holds a lock.

use meslink::log::{Level, LogQueue};
use pyo3::prelude::*;
use pyo3::sync::GILOnceCell;
use std::sync::LazyLock;
use std::time::Duration;

/// How many records wait at most; the oldest are dropped (and counted) beyond.
const CAPACITY: usize = 4096;

static QUEUE: LazyLock<LogQueue> = LazyLock::new(|| LogQueue::register(CAPACITY));

/// `meslink._log._sync` and `meslink._log._drain`, once imported.
static HOOKS: GILOnceCell<(PyObject, PyObject)> = GILOnceCell::new();

fn hooks(py: Python<'_>) -> Option<&(PyObject, PyObject)> {
    HOOKS
        .get_or_try_init(py, || -> PyResult<_> {
            let m = py.import("meslink._log")?;
            Ok((m.getattr("_sync")?.unbind(), m.getattr("_drain")?.unbind()))
        })
        .ok()
}

/// Before a call: the queue's level from the loggers'. A failure of the hook (a broken
/// logging configuration) is reported as unraisable, never raised into the call.
pub(crate) fn before(py: Python<'_>) {
    if let Some((sync, _)) = hooks(py) {
        if let Err(e) = sync.call0(py) {
            e.write_unraisable(py, None);
        }
    }
}

/// After a call: the records it logged, emitted on this thread.
pub(crate) fn after(py: Python<'_>) {
    if QUEUE.is_empty() {
        return;
    }
    if let Some((_, drain)) = hooks(py) {
        if let Err(e) = drain.call0(py) {
            e.write_unraisable(py, None);
        }
    }
}

/// A record as `meslink._log` reads it.
type RecordTuple = (u8, String, String, Option<String>, Option<i64>, f64, u64);

/// Sets the queue's level: 0 off, 1 error … 5 trace.
#[pyfunction]
pub(crate) fn log_set_level(level: i64) {
    QUEUE.set_level(Level::from_number(level));
}

/// Takes up to `max` queued records, oldest first, without waiting: tuples of (level
/// 1-5, target, message, call id or None, client id or None, Unix time, records dropped
/// just before it).
#[pyfunction]
pub(crate) fn log_take(max: usize) -> Vec<RecordTuple> {
    std::iter::from_fn(|| QUEUE.pop())
        .take(max)
        .map(|e| {
            let time = e.record.unix_time();
            let r = e.record;
            (
                r.level as u8,
                r.target,
                r.message,
                r.call,
                r.client,
                time,
                e.dropped_before,
            )
        })
        .collect()
}

/// Waits up to `timeout` seconds (without the GIL) until a record is queued; answers
/// whether one is.
#[pyfunction]
pub(crate) fn log_wait(py: Python<'_>, timeout: f64) -> bool {
    let timeout = Duration::from_secs_f64(timeout.clamp(0.0, 3600.0));
    py.allow_threads(|| QUEUE.wait(timeout))
}
