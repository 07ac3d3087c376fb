//! `meslink._native.Op`: a call running on meslink's runtime while an asyncio loop goes
//! on (what `meslink.AsyncClient` awaits).
//!
//! No thread per call and no Python on the runtime's threads: when an operation ends,
//! its runtime thread only sends the loop's wake-up to one notifier thread, which takes
//! the GIL once for every wake-up waiting and schedules each with the loop's
//! `call_soon_threadsafe`. Cancelling aborts the request in the core.

use crate::errors::to_py;
use pyo3::prelude::*;
use std::sync::mpsc::{channel, Sender};
use std::sync::{LazyLock, Mutex};

/// A wake-up: the loop's `call_soon_threadsafe` and the callback to schedule with it.
type Wake = (PyObject, PyObject);

/// The notifier thread's inbox, started on first use.
static NOTIFIER: LazyLock<Mutex<Option<Sender<Wake>>>> = LazyLock::new(|| {
    let (tx, rx) = channel::<Wake>();
    let started = std::thread::Builder::new()
        .name("meslink-asyncio".into())
        .spawn(move || {
            while let Ok(first) = rx.recv() {
                let mut wakes = vec![first];
                wakes.extend(rx.try_iter());
                Python::with_gil(|py| {
                    for (schedule, callback) in wakes {
                        // A loop closed meanwhile refuses (RuntimeError): nobody waits.
                        let _ = schedule.call1(py, (callback,));
                    }
                });
            }
        });
    Mutex::new(started.ok().map(|_| tx))
});

/// A started call. `meslink.AsyncClient` wraps it; use that.
#[pyclass(module = "meslink._native", frozen)]
pub(crate) struct Op {
    op: meslink::Op,
}

impl Op {
    pub(crate) fn new(op: meslink::Op) -> Self {
        Op { op }
    }
}

#[pymethods]
impl Op {
    /// Cancels the call if it still runs (the request is abandoned, its connection
    /// closed); true when it was running.
    fn cancel(&self) -> bool {
        self.op.cancel()
    }

    /// Whether the call has ended.
    fn done(&self) -> bool {
        self.op.is_done()
    }

    /// The answer as JSON text, once: raises the call's error, or `InvalidArgumentError`
    /// while it runs or when the answer was already taken.
    fn result(&self, py: Python<'_>) -> PyResult<String> {
        match self.op.take() {
            Some(Ok(answer)) => Ok(answer.to_string()),
            Some(Err(e)) => Err(to_py(py, e)),
            None => Err(to_py(
                py,
                meslink::Error::invalid("the operation is running, or its answer was taken"),
            )),
        }
    }

    /// Once the call has ended, `schedule(callback)` is called from meslink's notifier
    /// thread (pass the loop's `call_soon_threadsafe`), or now when it already has.
    fn notify(&self, py: Python<'_>, schedule: PyObject, callback: PyObject) -> PyResult<()> {
        if self.op.is_done() {
            schedule.call1(py, (callback,))?;
            return Ok(());
        }
        let tx = NOTIFIER
            .lock()
            .map_err(|_| {
                to_py(
                    py,
                    meslink::Error::internal("the notifier lock is poisoned"),
                )
            })?
            .clone()
            .ok_or_else(|| {
                to_py(
                    py,
                    meslink::Error::internal("cannot start the asyncio notifier thread"),
                )
            })?;
        self.op.on_done(Box::new(move || {
            let _ = tx.send((schedule, callback));
        }));
        Ok(())
    }
}
