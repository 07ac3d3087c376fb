//! The threads that call C callbacks: one per stream or transfer with a callback set.
//!
//! Callbacks never run on the runtime's threads (a slow callback would stall every
//! socket); each registration gets its own named thread, which polls the core like a C
//! caller would and calls the callback. Stopping a worker joins its thread, so once
//! `stop` returns the callback is not running and will not be called again, and the
//! caller may free its `user` data. From the worker's own thread (a callback that turns
//! itself off or closes its handle) `stop` cannot join; the worker sees the flag as soon
//! as the callback returns and calls nothing more.

use crate::error::Failure;
use std::ffi::c_void;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::thread::{self, JoinHandle};

/// The caller's `user` pointer. meslink never reads it, only hands it back to the
/// caller's callback, on the worker thread; the header tells the caller it must stay
/// valid until the callback is replaced or the handle closed.
#[derive(Clone, Copy)]
pub(crate) struct User(pub *mut c_void);

// SAFETY: meslink never dereferences the pointer; sending it to the worker thread is
// what the caller asked for by registering the callback.
unsafe impl Send for User {}

/// A running callback thread.
pub(crate) struct Worker {
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl Worker {
    /// Starts `body` on a new thread named `name`; `body` returns when the flag it is
    /// given is set (it checks it before every callback).
    pub fn spawn(
        name: &str,
        body: impl FnOnce(&AtomicBool) + Send + 'static,
    ) -> Result<Worker, Failure> {
        let stop = Arc::new(AtomicBool::new(false));
        let flag = stop.clone();
        let thread = thread::Builder::new()
            .name(name.to_owned())
            .spawn(move || body(&flag))
            .map_err(|e| Failure::internal(format!("cannot start the callback thread: {e}")))?;
        Ok(Worker {
            stop,
            thread: Some(thread),
        })
    }

    /// Sets the stop flag and, unless called from the worker itself, waits for its thread.
    pub fn stop(mut self) {
        self.stop.store(true, Ordering::SeqCst);
        if let Some(thread) = self.thread.take() {
            if thread.thread().id() != thread::current().id() {
                // A panic in the worker was already caught and reported there.
                let _ = thread.join();
            }
        }
    }
}

impl Drop for Worker {
    /// A worker dropped without [`Worker::stop`] (its handle's last user went away) still
    /// ends: it sees the flag at its next poll.
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
    }
}

/// Whether the worker was told to stop.
pub(crate) fn stopped(flag: &AtomicBool) -> bool {
    flag.load(Ordering::SeqCst)
}
