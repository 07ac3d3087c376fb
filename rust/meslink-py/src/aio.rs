//! `meslink._native.Op`: a call running on meslink's runtime while an asyncio loop goes
//! on (what `meslink.AsyncClient` awaits).
//!
//! No thread per call and no Python on the runtime's threads. Two ways to wake the loop:
//!
//! * [`Completions`] (loops that can watch a file descriptor, `loop.add_reader`): an
//!   ending operation's runtime thread records its token and, unless a wake-up is already
//!   pending, writes one byte to a socket the loop watches; the loop then takes every
//!   token recorded, on its own thread, with the GIL it already holds.
//! * [`Op::notify`] otherwise (Windows' proactor loop): the runtime thread hands the
//!   wake-up to one notifier thread, which takes the GIL once for every wake-up waiting
//!   and schedules them with one `call_soon_threadsafe` per loop.
//!
//! Cancelling aborts the request in the core.

use crate::errors::to_py;
use pyo3::prelude::*;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{channel, Sender};
use std::sync::{Arc, LazyLock, Mutex};

/// A wake-up: the event loop and the callback to run on it.
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
                Python::with_gil(|py| wake_loops(py, wakes));
            }
        });
    Mutex::new(started.ok().map(|_| tx))
});

/// Schedules the callbacks on their loops: one `call_soon_threadsafe` (one wake-up of
/// the loop) per loop for every callback that came together.
fn wake_loops(py: Python<'_>, wakes: Vec<Wake>) {
    let mut by_loop: Vec<(PyObject, Vec<PyObject>)> = Vec::new();
    for (event_loop, callback) in wakes {
        match by_loop.iter_mut().find(|(l, _)| l.is(&event_loop)) {
            Some((_, callbacks)) => callbacks.push(callback),
            None => by_loop.push((event_loop, vec![callback])),
        }
    }
    let Ok(run_all) = wrap_pyfunction!(run_all, py) else {
        return;
    };
    for (event_loop, callbacks) in by_loop {
        // A loop closed meanwhile refuses (RuntimeError): nobody waits on it.
        let _ = event_loop.call_method1(py, "call_soon_threadsafe", (&run_all, callbacks));
    }
}

/// Runs on the loop: every callback of one wake-up (each is meslink's own `wake`, which
/// does not raise; one that does is reported as unraisable and the others still run).
#[pyfunction]
fn run_all(py: Python<'_>, callbacks: Vec<PyObject>) {
    for callback in callbacks {
        if let Err(e) = callback.call0(py) {
            e.write_unraisable(py, None);
        }
    }
}

/// Ended operations' tokens for one event loop, and the socket that wakes it.
struct Ended {
    tokens: parking_lot::Mutex<Vec<u64>>,
    /// A byte is in the socket and the loop has not taken the tokens since.
    signalled: AtomicBool,
    #[cfg(unix)]
    writer: std::os::unix::net::UnixStream,
}

impl Ended {
    fn push(&self, token: u64) {
        self.tokens.lock().push(token);
        if !self.signalled.swap(true, Ordering::AcqRel) {
            #[cfg(unix)]
            {
                use std::io::Write;
                // Non-blocking: a full socket already holds a wake-up.
                let _ = (&self.writer).write(b"x");
            }
        }
    }
}

/// What an asyncio loop watches for ended operations (`meslink.aio` makes one a loop).
#[pyclass(module = "meslink._native", frozen)]
pub(crate) struct Completions {
    ended: Arc<Ended>,
    #[cfg(unix)]
    reader: std::os::unix::net::UnixStream,
}

#[pymethods]
impl Completions {
    /// A socket pair; `NotImplementedError` where there is none to watch (Windows: the
    /// caller uses `Op.notify`).
    #[new]
    fn new() -> PyResult<Self> {
        #[cfg(unix)]
        {
            let (reader, writer) = std::os::unix::net::UnixStream::pair()
                .and_then(|(r, w)| {
                    r.set_nonblocking(true)?;
                    w.set_nonblocking(true)?;
                    Ok((r, w))
                })
                .map_err(|e| pyo3::exceptions::PyOSError::new_err(e.to_string()))?;
            Ok(Completions {
                ended: Arc::new(Ended {
                    tokens: parking_lot::Mutex::new(Vec::new()),
                    signalled: AtomicBool::new(false),
                    writer,
                }),
                reader,
            })
        }
        #[cfg(not(unix))]
        {
            Err(pyo3::exceptions::PyNotImplementedError::new_err(
                "no completion socket on this platform",
            ))
        }
    }

    /// The descriptor to watch with `loop.add_reader`.
    fn fileno(&self) -> i64 {
        #[cfg(unix)]
        {
            use std::os::fd::AsRawFd;
            self.reader.as_raw_fd() as i64
        }
        #[cfg(not(unix))]
        {
            -1
        }
    }

    /// The tokens of the operations ended since the last call (the wake-up consumed).
    fn take(&self) -> Vec<u64> {
        #[cfg(unix)]
        {
            use std::io::Read;
            let mut sink = [0u8; 64];
            while matches!((&self.reader).read(&mut sink), Ok(n) if n > 0) {}
        }
        self.ended.signalled.store(false, Ordering::Release);
        std::mem::take(&mut *self.ended.tokens.lock())
    }
}

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

    /// Once the call has ended, `token` is recorded in `completions` and its loop woken
    /// (at once when it already has).
    fn watch(&self, completions: &Completions, token: u64) {
        let ended = completions.ended.clone();
        self.op.on_done(Box::new(move || ended.push(token)));
    }

    /// Once the call has ended, `callback()` is scheduled on the asyncio loop
    /// `event_loop` (with `call_soon_threadsafe`, from meslink's notifier thread; now when
    /// it already has).
    fn notify(&self, py: Python<'_>, event_loop: PyObject, callback: PyObject) -> PyResult<()> {
        if self.op.is_done() {
            event_loop.call_method1(py, "call_soon", (callback,))?;
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
            let _ = tx.send((event_loop, callback));
        }));
        Ok(())
    }
}
