//! Operations: a call running on the shared runtime while its caller does something
//! else. The caller polls or waits for the outcome, asks to be told when it is there,
//! or cancels it. The async surfaces (Python's `AsyncClient`, C#'s `…Async`) and the C
//! operation API (`meslink_call_start`, `meslink_op_wait`) are built on it.
//!
//! Cancelling aborts the task: the request future is dropped on the runtime, so its
//! connection is closed instead of going back to the pool, and the answer is never read.

use crate::error::{Error, ErrorKind, Result};
use crate::runtime;
use parking_lot::{Condvar, Mutex};
use serde_json::Value;
use std::future::Future;
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::task::AbortHandle;

/// What an operation calls once, when its outcome is set (on the thread that sets it:
/// a runtime thread, or the canceller's). It must not block.
pub type OnDone = Box<dyn FnOnce() + Send>;

/// A started call. Dropping it cancels the call if it is still running.
pub struct Op {
    shared: Arc<Shared>,
}

struct Shared {
    state: Mutex<State>,
    finished: Condvar,
    /// The call id a cancellation error names.
    call: Option<&'static str>,
}

#[derive(Default)]
struct State {
    /// Set once, with the outcome.
    done: bool,
    /// The outcome, until taken.
    outcome: Option<Result<Value>>,
    abort: Option<AbortHandle>,
    on_done: Option<OnDone>,
}

/// Finishes the operation when its task is dropped before the call's outcome (aborted,
/// or the runtime shutting down).
struct Finisher(Arc<Shared>);

impl Drop for Finisher {
    fn drop(&mut self) {
        self.0.finish(Err(self.0.cancelled()));
    }
}

impl Shared {
    fn cancelled(&self) -> Error {
        let e = Error::new(ErrorKind::Cancelled, "the call was cancelled");
        match self.call {
            Some(id) => e.with_call(id),
            None => e,
        }
    }

    /// Sets the outcome unless one is set; true when this one was.
    fn finish(&self, outcome: Result<Value>) -> bool {
        let (on_done, abort) = {
            let mut state = self.state.lock();
            if state.done {
                return false;
            }
            let cancelled = matches!(&outcome, Err(e) if e.kind == ErrorKind::Cancelled);
            state.done = true;
            state.outcome = Some(outcome);
            let abort = state.abort.take().filter(|_| cancelled);
            (state.on_done.take(), abort)
        };
        self.finished.notify_all();
        if let Some(abort) = abort {
            abort.abort();
        }
        // Outside the lock: the notification may read the outcome.
        if let Some(on_done) = on_done {
            on_done();
        }
        true
    }
}

impl Op {
    /// Starts `call` on the shared runtime; `id` is the call id its cancellation names.
    pub fn start<F>(id: Option<&'static str>, call: F) -> Op
    where
        F: Future<Output = Result<Value>> + Send + 'static,
    {
        let shared = Arc::new(Shared {
            state: Mutex::new(State::default()),
            finished: Condvar::new(),
            call: id,
        });
        let finisher = Finisher(shared.clone());
        let task = runtime::get().spawn(async move {
            use futures_util::FutureExt;
            let outcome = std::panic::AssertUnwindSafe(call)
                .catch_unwind()
                .await
                .unwrap_or_else(|_| Err(Error::internal("the operation's task panicked")));
            finisher.0.finish(outcome);
        });
        {
            let mut state = shared.state.lock();
            if !state.done {
                state.abort = Some(task.abort_handle());
            }
        }
        Op { shared }
    }

    /// An operation that is already over (a call refused before it started).
    pub fn finished(outcome: Result<Value>) -> Op {
        let op = Op {
            shared: Arc::new(Shared {
                state: Mutex::new(State::default()),
                finished: Condvar::new(),
                call: None,
            }),
        };
        op.shared.finish(outcome);
        op
    }

    /// Cancels the call if it is still running: its outcome becomes a `cancelled` error
    /// at once and the request is aborted. True when it was running.
    pub fn cancel(&self) -> bool {
        self.shared.finish(Err(self.shared.cancelled()))
    }

    /// Whether the outcome is there.
    pub fn is_done(&self) -> bool {
        self.shared.state.lock().done
    }

    /// Waits up to `timeout` (`None`: for ever) for the outcome; true when it is there.
    pub fn wait(&self, timeout: Option<Duration>) -> bool {
        let deadline = timeout.map(|t| Instant::now() + t);
        let mut state = self.shared.state.lock();
        while !state.done {
            match deadline {
                None => self.shared.finished.wait(&mut state),
                Some(deadline) => {
                    if self
                        .shared
                        .finished
                        .wait_until(&mut state, deadline)
                        .timed_out()
                    {
                        return state.done;
                    }
                }
            }
        }
        true
    }

    /// Reads the outcome (`None` while running) without taking it.
    pub fn with_outcome<R>(&self, read: impl FnOnce(Option<&Result<Value>>) -> R) -> R {
        read(self.shared.state.lock().outcome.as_ref())
    }

    /// Takes the outcome (`None` while running, or when already taken; a later
    /// [`Op::with_outcome`] sees `None` too).
    pub fn take(&self) -> Option<Result<Value>> {
        self.shared.state.lock().outcome.take()
    }

    /// Calls `on_done` once the outcome is there: now, on this thread, when it already
    /// is; otherwise on the thread that sets it. Replaces an earlier notification that
    /// has not run.
    pub fn on_done(&self, on_done: OnDone) {
        let mut state = self.shared.state.lock();
        if state.done {
            drop(state);
            on_done();
        } else {
            state.on_done = Some(on_done);
        }
    }
}

impl Drop for Op {
    fn drop(&mut self) {
        self.cancel();
    }
}

impl std::fmt::Debug for Op {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Op").field("done", &self.is_done()).finish()
    }
}

/// The cancellation every call of a client listens to: [`Cancel::all`] ends every
/// blocking call and operation in flight with a `cancelled` error; later calls run.
#[derive(Default)]
pub(crate) struct Cancel {
    generation: std::sync::atomic::AtomicU64,
    notify: tokio::sync::Notify,
}

impl Cancel {
    pub fn all(&self) {
        self.generation
            .fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        self.notify.notify_waiters();
    }

    /// Runs `call` until it ends or [`Cancel::all`] is called.
    pub async fn run<T>(&self, call: impl Future<Output = Result<T>>) -> Result<T> {
        use std::sync::atomic::Ordering::SeqCst;
        let started = self.generation.load(SeqCst);
        let cancelled = async {
            loop {
                let notified = self.notify.notified();
                tokio::pin!(notified);
                notified.as_mut().enable();
                if self.generation.load(SeqCst) != started {
                    return;
                }
                notified.await;
            }
        };
        tokio::select! {
            biased;
            outcome = call => outcome,
            () = cancelled => Err(Error::new(
                ErrorKind::Cancelled,
                "the call was cancelled by cancel_all",
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[test]
    fn an_operation_answers_and_notifies_once() {
        let op = Op::start(None, async {
            tokio::time::sleep(Duration::from_millis(20)).await;
            Ok(Value::from(7))
        });
        let notified = Arc::new(AtomicUsize::new(0));
        let n = notified.clone();
        op.on_done(Box::new(move || {
            n.fetch_add(1, Ordering::SeqCst);
        }));
        assert!(!op.wait(Some(Duration::ZERO)), "done before its sleep");
        assert!(op.wait(None));
        assert_eq!(op.with_outcome(|o| o.cloned()).unwrap().unwrap(), 7);
        assert!(!op.cancel(), "a finished operation was cancelled");
        // The notification runs right after the outcome is set, on the runtime's thread.
        let deadline = std::time::Instant::now() + Duration::from_secs(5);
        while notified.load(Ordering::SeqCst) == 0 && std::time::Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(1));
        }
        assert_eq!(notified.load(Ordering::SeqCst), 1);
        assert_eq!(op.take().unwrap().unwrap(), 7);
        assert!(op.take().is_none());
    }

    #[test]
    fn cancelling_aborts_the_task() {
        let (tx, rx) = std::sync::mpsc::channel::<()>();
        let op = Op::start(None, async move {
            // Dropped (never sends) when aborted.
            let _tx = tx;
            tokio::time::sleep(Duration::from_secs(30)).await;
            Ok(Value::Null)
        });
        assert!(op.cancel());
        let e = op.with_outcome(|o| o.cloned()).unwrap().unwrap_err();
        assert_eq!(e.kind, ErrorKind::Cancelled);
        // The sender went with the aborted future.
        assert_eq!(
            rx.recv_timeout(Duration::from_secs(5)),
            Err(std::sync::mpsc::RecvTimeoutError::Disconnected)
        );
    }

    #[test]
    fn a_panicking_call_finishes_as_internal() {
        let op = Op::start(None, async { panic!("boom") });
        assert!(op.wait(Some(Duration::from_secs(5))));
        let e = op.take().unwrap().unwrap_err();
        assert_eq!(e.kind, ErrorKind::Internal);
    }

    #[test]
    fn cancel_all_ends_calls_in_flight_only() {
        let cancel = Arc::new(Cancel::default());
        let c = cancel.clone();
        let op = Op::start(None, async move {
            c.run(async {
                tokio::time::sleep(Duration::from_secs(30)).await;
                Ok(Value::Null)
            })
            .await
        });
        std::thread::sleep(Duration::from_millis(20));
        cancel.all();
        assert!(op.wait(Some(Duration::from_secs(5))));
        let e = op.take().unwrap().unwrap_err();
        assert_eq!(e.kind, ErrorKind::Cancelled);
        assert!(e.message.contains("cancel_all"));
        let later = runtime::block_on(cancel.run(async { Ok(1) })).unwrap();
        assert_eq!(later.unwrap(), 1);
    }
}
