//! Operations: a call started without blocking (`meslink_call_start`), then waited for
//! or polled (`meslink_op_wait`), cancelled (`meslink_op_cancel`) and closed
//! (`meslink_op_close`); `meslink_client_cancel_all` for blocking calls. Completion
//! queues (`meslink_op_queue_*`) tell one reader thread which operations finished, so a
//! host with its own event loop (the C# wrapper) waits for any number of calls on one
//! thread.

use crate::buffer::Out;
use crate::calls::{call_args, on_client};
use crate::error::Failure;
use crate::guard;
use crate::handles::Registry;
use crate::status::{MESLINK_CLOSED, MESLINK_NO_EVENT, MESLINK_OK, MESLINK_PENDING};
use crate::text::{self, Encoding};
use parking_lot::{Condvar, Mutex};
use std::collections::VecDeque;
use std::ffi::c_char;
use std::sync::{Arc, Weak};
use std::time::{Duration, Instant};

/// A started call and the encoding of its answer and errors (its client's).
struct Started {
    op: meslink::Op,
    encoding: Encoding,
}

static OPS: Registry<Started> = Registry::new();

fn get(op: i32) -> Result<Arc<Started>, Failure> {
    OPS.get(op).ok_or_else(|| {
        Failure::handle(format!(
            "operation handle {op} is not open (never issued, already closed, or stale)"
        ))
    })
}

/// A wait of `timeout_ms`: negative for ever, 0 a poll.
fn timeout(timeout_ms: i32) -> Option<Duration> {
    u64::try_from(timeout_ms).ok().map(Duration::from_millis)
}

/// # Safety
/// As the exports that call it.
unsafe fn start(
    client: i32,
    call_id: *const c_char,
    params_json: *const c_char,
    out_op: *mut i32,
    typed: bool,
) -> Result<i32, Failure> {
    if !out_op.is_null() {
        // SAFETY: the caller's contract.
        unsafe { out_op.write_unaligned(0) };
    }
    let handle = on_client(client, |c| {
        // SAFETY: the caller's contract.
        let (id, params) = unsafe { call_args(call_id, params_json, c.encoding) }?;
        if out_op.is_null() {
            return Err(Failure::invalid("`out_op` is NULL"));
        }
        let op = c.client.start(&id, params, typed)?;
        OPS.insert(Started {
            op,
            encoding: c.encoding,
        })
        .ok_or_else(|| Failure::internal("65,535 operations are already open"))
    })?;
    // SAFETY: checked not NULL above.
    unsafe { out_op.write_unaligned(handle) };
    Ok(MESLINK_OK)
}

/// Starts a call (as `meslink_client_call`: a call id of `CALLS.md` and its parameters
/// as a JSON object) and returns at once, without waiting for the network: `*out_op`
/// receives an operation handle to pass to `meslink_op_wait` (poll with timeout 0 from a
/// UI loop or a LabVIEW While Loop), `meslink_op_cancel` and, always, `meslink_op_close`.
///
/// The id and the parameters are checked now: a refused call returns its error
/// (`MESLINK_E_INVALID_ARGUMENT`, ...), starts nothing and sets `*out_op` to 0. Login,
/// retries and timeouts happen inside the operation as in a blocking call. The call runs
/// on meslink's own threads; its strings are in the client's encoding.
///
/// Thread-safe. An operation holds its client: closing the client does not end it
/// (cancel it, or `meslink_client_cancel_all` before closing).
///
/// Returns `MESLINK_OK`, `MESLINK_E_INVALID_ARGUMENT` (a NULL pointer, malformed JSON,
/// an unknown call id, a wrong parameter), `MESLINK_E_INVALID_HANDLE`,
/// `MESLINK_E_ENCODING`, `MESLINK_E_INTERNAL` (65,535 operations open).
///
/// # Safety
/// `call_id`, `params_json`: NULL or NUL-terminated strings. `out_op`: NULL or a
/// writable `int32_t`.
#[no_mangle]
pub unsafe extern "C" fn meslink_call_start(
    client: i32,
    call_id: *const c_char,
    params_json: *const c_char,
    out_op: *mut i32,
) -> i32 {
    // SAFETY: the caller's contract above.
    guard::call("meslink_call_start", || unsafe {
        start(client, call_id, params_json, out_op, false)
    })
}

/// `meslink_call_start` answering the call's typed model as `meslink_client_call_typed`
/// does (what the C# and Python async methods read their models from).
///
/// Returns the statuses of `meslink_call_start`.
///
/// # Safety
/// As `meslink_call_start`.
#[no_mangle]
pub unsafe extern "C" fn meslink_call_start_typed(
    client: i32,
    call_id: *const c_char,
    params_json: *const c_char,
    out_op: *mut i32,
) -> i32 {
    // SAFETY: the caller's contract above.
    guard::call("meslink_call_start_typed", || unsafe {
        start(client, call_id, params_json, out_op, true)
    })
}

/// Waits up to `timeout_ms` milliseconds (0: just look; negative: until it ends) for
/// the operation `op` and, once it has ended, writes its answer into `buf` as
/// `meslink_client_call` does, or returns its error (the last error tells which).
///
/// Returns `MESLINK_PENDING` while the call runs (`buf` an empty string, `*out_len` 0).
/// Once it has ended, every wait returns the same outcome again until the operation is
/// closed: a too-small buffer is `MESLINK_E_BUFFER_TOO_SMALL` with `*out_len` the length
/// needed, and the next wait with a larger buffer returns the answer. A cancelled call
/// is `MESLINK_E_CANCELLED`.
///
/// Thread-safe: any thread may wait, several at once; a concurrent `meslink_op_cancel`
/// or `meslink_op_close` ends a wait in progress with `MESLINK_E_CANCELLED`.
///
/// Returns `MESLINK_OK`, `MESLINK_PENDING`, `MESLINK_E_CANCELLED`,
/// `MESLINK_E_BUFFER_TOO_SMALL`, `MESLINK_E_INVALID_HANDLE`, `MESLINK_E_INVALID_ARGUMENT`
/// (`buf` NULL with `cap` not 0) and the errors of `meslink_client_call`.
///
/// # Safety
/// `buf`: NULL or `cap` writable bytes. `out_len`: NULL or a writable `uint32_t`.
#[no_mangle]
pub unsafe extern "C" fn meslink_op_wait(
    op: i32,
    timeout_ms: i32,
    buf: *mut c_char,
    cap: u32,
    out_len: *mut u32,
) -> i32 {
    guard::call("meslink_op_wait", || {
        // SAFETY: the caller's contract above.
        let out = unsafe { Out::new(buf, cap, out_len) }?;
        let started = get(op).inspect_err(|_| out.blank())?;
        if !started.op.wait(timeout(timeout_ms)) {
            out.blank();
            return Ok(MESLINK_PENDING);
        }
        let encoding = started.encoding;
        let answer = started.op.with_outcome(|outcome| match outcome {
            Some(Ok(answer)) => Ok(text::encode_out(&answer.to_string(), encoding)),
            Some(Err(e)) => Err(Failure::from(e.clone())),
            None => Err(Failure::internal("the operation's outcome is gone")),
        });
        out.deliver(|| answer).map_err(|f| f.in_encoding(encoding))
    })
}

/// Cancels the operation `op` if it is still running: its outcome becomes
/// `MESLINK_E_CANCELLED` at once (a wait in progress returns it), the request is
/// abandoned (its connection closed, the answer never read) and an operation already
/// ended keeps its outcome. The handle stays open: close it with `meslink_op_close`.
/// A call the server already received may have taken effect there.
///
/// Thread-safe; never blocks. Returns `MESLINK_OK` or `MESLINK_E_INVALID_HANDLE`.
#[no_mangle]
pub extern "C" fn meslink_op_cancel(op: i32) -> i32 {
    guard::call("meslink_op_cancel", || {
        get(op)?.op.cancel();
        Ok(MESLINK_OK)
    })
}

/// Closes the operation handle `op`, cancelling the call if it still runs. Every
/// operation must be closed, ended or not. A wait in progress on another thread returns
/// `MESLINK_E_CANCELLED` (or the outcome it already had); later uses of `op` are
/// `MESLINK_E_INVALID_HANDLE`.
///
/// Thread-safe. Returns `MESLINK_OK` or `MESLINK_E_INVALID_HANDLE`.
#[no_mangle]
pub extern "C" fn meslink_op_close(op: i32) -> i32 {
    guard::call("meslink_op_close", || {
        let started = OPS
            .remove(op)
            .ok_or_else(|| Failure::handle(format!("operation handle {op} is not open")))?;
        started.op.cancel();
        Ok(MESLINK_OK)
    })
}

/// Cancels every blocking call (`meslink_client_call`, the named and typed calls, the
/// batch call) and every operation of `client` in flight, from any thread: each ends
/// with `MESLINK_E_CANCELLED` and its request is abandoned. Calls made afterwards run as
/// usual. Streams, transfers and the spool are not affected.
///
/// Thread-safe; never blocks. Returns `MESLINK_OK` or `MESLINK_E_INVALID_HANDLE`.
#[no_mangle]
pub extern "C" fn meslink_client_cancel_all(client: i32) -> i32 {
    guard::call("meslink_client_cancel_all", || {
        on_client(client, |c| {
            c.client.cancel_all();
            Ok(MESLINK_OK)
        })
    })
}

/// A completion queue: the ids of operations that ended, in the order they ended.
#[derive(Default)]
struct Queue {
    state: Mutex<QueueState>,
    ready: Condvar,
}

#[derive(Default)]
struct QueueState {
    ended: VecDeque<i32>,
    closed: bool,
}

impl Queue {
    fn push(&self, op: i32) {
        let mut state = self.state.lock();
        if !state.closed {
            state.ended.push_back(op);
            drop(state);
            self.ready.notify_one();
        }
    }

    fn close(&self) {
        self.state.lock().closed = true;
        self.ready.notify_all();
    }
}

static QUEUES: Registry<Queue> = Registry::new();

fn queue(id: i32) -> Result<Arc<Queue>, Failure> {
    QUEUES.get(id).ok_or_else(|| {
        Failure::handle(format!(
            "completion queue handle {id} is not open (never issued, already closed, or stale)"
        ))
    })
}

/// Opens a completion queue: `meslink_op_notify` posts an operation to it when the
/// operation ends, and `meslink_op_queue_next` reads them, so one thread can wait for any
/// number of operations. `*out_queue` receives its handle (0 on failure).
///
/// Thread-safe. Returns `MESLINK_OK`, `MESLINK_E_INVALID_ARGUMENT` (`out_queue` NULL),
/// `MESLINK_E_INTERNAL`.
///
/// # Safety
/// `out_queue`: NULL or a writable `int32_t`.
#[no_mangle]
pub unsafe extern "C" fn meslink_op_queue_open(out_queue: *mut i32) -> i32 {
    guard::call("meslink_op_queue_open", || {
        if out_queue.is_null() {
            return Err(Failure::invalid("`out_queue` is NULL"));
        }
        let id = QUEUES
            .insert(Queue::default())
            .ok_or_else(|| Failure::internal("65,535 completion queues are already open"))?;
        // SAFETY: the caller's contract above; not NULL.
        unsafe { out_queue.write_unaligned(id) };
        Ok(MESLINK_OK)
    })
}

/// Posts the operation `op` to the completion queue `queue` when it ends (at once when it
/// already has), once. A later `meslink_op_notify` of the same operation replaces a
/// notification that has not happened. Posting to a queue closed meanwhile does nothing.
///
/// Thread-safe. Returns `MESLINK_OK` or `MESLINK_E_INVALID_HANDLE`.
#[no_mangle]
pub extern "C" fn meslink_op_notify(op: i32, queue: i32) -> i32 {
    guard::call("meslink_op_notify", || {
        let started = get(op)?;
        let target: Weak<Queue> = Arc::downgrade(&self::queue(queue)?);
        started.op.on_done(Box::new(move || {
            if let Some(q) = target.upgrade() {
                q.push(op);
            }
        }));
        Ok(MESLINK_OK)
    })
}

/// Waits up to `timeout_ms` milliseconds (0: just look; negative: until one comes) for an
/// ended operation posted to `queue` and writes its handle to `*out_op`; read its outcome
/// with `meslink_op_wait(op, 0, ...)`, then close it.
///
/// Thread-safe. Returns `MESLINK_OK`, `MESLINK_NO_EVENT` (none before the timeout,
/// `*out_op` 0), `MESLINK_CLOSED` (the queue was closed, also during the wait),
/// `MESLINK_E_INVALID_HANDLE`, `MESLINK_E_INVALID_ARGUMENT` (`out_op` NULL).
///
/// # Safety
/// `out_op`: NULL or a writable `int32_t`.
#[no_mangle]
pub unsafe extern "C" fn meslink_op_queue_next(
    queue: i32,
    timeout_ms: i32,
    out_op: *mut i32,
) -> i32 {
    guard::call("meslink_op_queue_next", || {
        if out_op.is_null() {
            return Err(Failure::invalid("`out_op` is NULL"));
        }
        // SAFETY (all writes): the caller's contract above; not NULL.
        unsafe { out_op.write_unaligned(0) };
        let q = self::queue(queue)?;
        let deadline = timeout(timeout_ms).map(|t| Instant::now() + t);
        let mut state = q.state.lock();
        loop {
            if state.closed {
                return Ok(MESLINK_CLOSED);
            }
            if let Some(op) = state.ended.pop_front() {
                unsafe { out_op.write_unaligned(op) };
                return Ok(MESLINK_OK);
            }
            match deadline {
                None => q.ready.wait(&mut state),
                Some(d) => {
                    if q.ready.wait_until(&mut state, d).timed_out() && state.ended.is_empty() {
                        return Ok(if state.closed {
                            MESLINK_CLOSED
                        } else {
                            MESLINK_NO_EVENT
                        });
                    }
                }
            }
        }
    })
}

/// Closes the completion queue `queue`: a wait in progress returns `MESLINK_CLOSED`,
/// operations not yet read stay open (close them), later posts are dropped.
///
/// Thread-safe. Returns `MESLINK_OK` or `MESLINK_E_INVALID_HANDLE`.
#[no_mangle]
pub extern "C" fn meslink_op_queue_close(queue: i32) -> i32 {
    guard::call("meslink_op_queue_close", || {
        let q = QUEUES.remove(queue).ok_or_else(|| {
            Failure::handle(format!("completion queue handle {queue} is not open"))
        })?;
        q.close();
        Ok(MESLINK_OK)
    })
}
