//! meslink's log records for C and LabVIEW: a pollable queue (`meslink_log_next`) and a
//! callback (`meslink_log_set_callback`).
//!
//! Both read queues of the core's one log source (`meslink::log`): records are queued by
//! whichever thread logs them, and handed over by the reader's own thread (the caller of
//! `meslink_log_next`, or the callback's thread), never while meslink holds a lock, never
//! on a runtime thread.

use crate::buffer::Out;
use crate::error::Failure;
use crate::guard;
use crate::handles::Registry;
use crate::status::{MESLINK_NO_EVENT, MESLINK_OK};
use crate::text::{self, Encoding};
use crate::worker::{self, User, Worker};
use meslink::log::{Level, LogEntry, LogQueue};
use parking_lot::Mutex;
use std::ffi::{c_char, c_void};
use std::sync::{Arc, LazyLock};
use std::time::Duration;

/// How many records the poll queue and the callback's queue hold; when full, the oldest
/// record is dropped and counted (`"dropped"` of the next record read).
pub const LOG_QUEUE_CAPACITY: usize = 1024;

/// The queue of `meslink_log_next`, off until `meslink_log_set_level`.
static POLL: LazyLock<LogQueue> = LazyLock::new(|| LogQueue::register(LOG_QUEUE_CAPACITY));

/// The queues of `meslink_log_queue_open`.
static QUEUES: Registry<LogQueue> = Registry::new();

/// The callback's queue and thread, when one is set.
static CALLBACK: Mutex<Option<(Arc<LogQueue>, Worker)>> = Mutex::new(None);

/// The C callback of `meslink_log_set_callback`.
type LogCallback =
    unsafe extern "C" fn(user: *mut c_void, level: i32, record_json: *const c_char, len: u32);

fn level_arg(level: i32) -> Result<Option<Level>, Failure> {
    if level == 0 {
        return Ok(None);
    }
    Level::from_number(level.into()).map(Some).ok_or_else(|| {
        Failure::invalid(format!(
            "unknown log level {level}: use MESLINK_LOG_OFF (0), MESLINK_LOG_ERROR (1), \
             MESLINK_LOG_WARN (2), MESLINK_LOG_INFO (3), MESLINK_LOG_DEBUG (4) or \
             MESLINK_LOG_TRACE (5)"
        ))
    })
}

/// A record as the JSON text handed out, in the process default encoding (no NUL).
fn encode(entry: &LogEntry) -> Vec<u8> {
    let mut json = entry.record.to_json();
    json["dropped"] = entry.dropped_before.into();
    text::encode_out_owned(json.to_string(), Encoding::process_default())
}

/// Sets the most verbose level of the records queued for `meslink_log_next`:
/// `MESLINK_LOG_OFF` (0, the initial state: nothing is queued, nothing formatted),
/// `MESLINK_LOG_ERROR` (1), `MESLINK_LOG_WARN` (2), `MESLINK_LOG_INFO` (3: retries,
/// re-logins, token renewals, reconnects, spool retries), `MESLINK_LOG_DEBUG` (4: every
/// answer's status and size) or `MESLINK_LOG_TRACE` (5). Turning it off keeps the
/// records already queued.
///
/// Records never hold a password, secret, token or cookie. Process-wide; independent of
/// the callback's level. Thread-safe.
///
/// Returns `MESLINK_OK`, `MESLINK_E_INVALID_ARGUMENT` (an unknown level).
#[no_mangle]
pub extern "C" fn meslink_log_set_level(level: i32) -> i32 {
    guard::call("meslink_log_set_level", || {
        POLL.set_level(level_arg(level)?);
        Ok(MESLINK_OK)
    })
}

/// Delivers the next record of `queue` into the caller's buffer (`meslink_log_next`'s rules).
fn next_into(queue: &LogQueue, timeout_ms: u32, out: &Out) -> Result<i32, Failure> {
    match queue.next(Duration::from_millis(timeout_ms.into())) {
        Some(entry) => out.write_or_keep(encode(&entry)),
        None => {
            out.blank();
            Ok(MESLINK_NO_EVENT)
        }
    }
}

/// Takes the oldest queued log record, waiting up to `timeout_ms` milliseconds for one
/// (0: do not wait), and writes it into `buf` as one JSON object:
/// `{"time":"2026-12-03T10:05:31.123Z","level":"info","target":"meslink.ate",
/// "message":"retrying attempt=1 status=503 pause=104ms","call":"ate.sn_detail.get",
/// "client":65537,"dropped":0}`. `level` is `error`, `warn`, `info`, `debug` or
/// `trace`; `target` is `meslink.<server>` (`ate`, `grading`, `trace`, `mgm`, `energy`)
/// for a record of a call, else the part of meslink (`meslink.spool`, `meslink.tls`,
/// `meslink`); `call` the call id and `client` the client handle, `null` when the
/// record belongs to none; `dropped` the records dropped just before this one because
/// the queue (1024 records) was full. The text is in the process default encoding
/// (`meslink_encoding_set`).
///
/// The queue holds records only while a level is set (`meslink_log_set_level`).
/// Buffer rules as `meslink_client_call`: when `cap` is too small the record is kept
/// (`MESLINK_E_BUFFER_TOO_SMALL`, `*out_len` = length needed) and `meslink_answer_fetch`
/// hands it over. On other statuses `*out_len` is 0 and `buf` "".
///
/// Thread-safe: several threads may wait; each record goes to one of them. Blocks the
/// calling thread for at most `timeout_ms`. This is the way for LabVIEW (no callbacks):
/// a loop calling it with a timeout of e.g. 200 ms.
///
/// Returns `MESLINK_OK` (a record is in `buf`), `MESLINK_NO_EVENT` (none came within
/// `timeout_ms`), `MESLINK_E_BUFFER_TOO_SMALL`, `MESLINK_E_INVALID_ARGUMENT`,
/// `MESLINK_E_INTERNAL`.
///
/// # Safety
/// `buf`: NULL or `cap` writable bytes. `out_len`: NULL or a writable `uint32_t`.
#[no_mangle]
pub unsafe extern "C" fn meslink_log_next(
    timeout_ms: u32,
    buf: *mut c_char,
    cap: u32,
    out_len: *mut u32,
) -> i32 {
    guard::call("meslink_log_next", || {
        // SAFETY: the caller's contract above.
        let out = unsafe { Out::new(buf, cap, out_len) }?;
        next_into(&POLL, timeout_ms, &out)
    })
}

/// Opens a log queue of the caller's own, up to `level` (as in `meslink_log_set_level`;
/// not `MESLINK_LOG_OFF`), holding at most `capacity` records (1 to 1,000,000; the oldest
/// are dropped and counted beyond). Each open queue receives every record, independently
/// of the `meslink_log_next` queue and of the other queues: use one when several readers
/// share a process (LabVIEW steps and .NET steps in one TestStand) and each needs every
/// record. Read it with `meslink_log_queue_next`; close it with `meslink_log_queue_close`.
///
/// On `MESLINK_OK` `*out_queue` receives the handle, a positive id; on a failure 0 (when
/// `out_queue` is not NULL). Thread-safe.
///
/// Returns `MESLINK_OK`, `MESLINK_E_INVALID_ARGUMENT` (an unknown level or off, a capacity
/// out of range, NULL `out_queue`), `MESLINK_E_INTERNAL` (65,535 queues open).
///
/// # Safety
/// `out_queue` must be NULL or point to a writable `int32_t`.
#[no_mangle]
pub unsafe extern "C" fn meslink_log_queue_open(
    level: i32,
    capacity: u32,
    out_queue: *mut i32,
) -> i32 {
    guard::call("meslink_log_queue_open", || {
        if !out_queue.is_null() {
            // SAFETY: non-NULL; writable per the caller's contract.
            unsafe { out_queue.write_unaligned(0) };
        }
        let Some(level) = level_arg(level)? else {
            return Err(Failure::invalid(
                "a log queue needs a level: MESLINK_LOG_ERROR (1) to MESLINK_LOG_TRACE (5)",
            ));
        };
        if !(1..=1_000_000).contains(&capacity) {
            return Err(Failure::invalid(format!(
                "`capacity` is {capacity}; a log queue holds 1 to 1,000,000 records"
            )));
        }
        if out_queue.is_null() {
            return Err(Failure::invalid("`out_queue` is NULL"));
        }
        let queue = LogQueue::register(capacity as usize);
        queue.set_level(Some(level));
        let id = QUEUES.insert(queue).ok_or_else(|| {
            Failure::internal("65,535 log queues are open; close some with meslink_log_queue_close")
        })?;
        // SAFETY: checked non-NULL above.
        unsafe { out_queue.write_unaligned(id) };
        Ok(MESLINK_OK)
    })
}

/// `meslink_log_next` for the queue `queue` of `meslink_log_queue_open`: the same JSON,
/// buffer rules and statuses, plus `MESLINK_E_INVALID_HANDLE` (not open). A wait ends at
/// its timeout even when the queue is closed meanwhile. Thread-safe.
///
/// # Safety
/// `buf`: NULL or `cap` writable bytes. `out_len`: NULL or a writable `uint32_t`.
#[no_mangle]
pub unsafe extern "C" fn meslink_log_queue_next(
    queue: i32,
    timeout_ms: u32,
    buf: *mut c_char,
    cap: u32,
    out_len: *mut u32,
) -> i32 {
    guard::call("meslink_log_queue_next", || {
        // SAFETY: the caller's contract above.
        let out = unsafe { Out::new(buf, cap, out_len) }?;
        let q = queue_of(queue).inspect_err(|_| out.blank())?;
        next_into(&q, timeout_ms, &out)
    })
}

/// Sets the level of a queue of `meslink_log_queue_open` (as in `meslink_log_set_level`;
/// `MESLINK_LOG_OFF` stops it receiving, its records stay). Thread-safe.
///
/// Returns `MESLINK_OK`, `MESLINK_E_INVALID_ARGUMENT` (an unknown level),
/// `MESLINK_E_INVALID_HANDLE`.
#[no_mangle]
pub extern "C" fn meslink_log_queue_set_level(queue: i32, level: i32) -> i32 {
    guard::call("meslink_log_queue_set_level", || {
        let level = level_arg(level)?;
        queue_of(queue)?.set_level(level);
        Ok(MESLINK_OK)
    })
}

/// Closes a queue of `meslink_log_queue_open`: it receives nothing more and its records
/// are freed. Thread-safe.
///
/// Returns `MESLINK_OK`, `MESLINK_E_INVALID_HANDLE`.
#[no_mangle]
pub extern "C" fn meslink_log_queue_close(queue: i32) -> i32 {
    guard::call("meslink_log_queue_close", || {
        let q = QUEUES.remove(queue).ok_or_else(|| not_open(queue))?;
        // A reader waiting in it keeps its Arc until its timeout; it takes nothing more.
        q.set_level(None);
        Ok(MESLINK_OK)
    })
}

fn queue_of(id: i32) -> Result<std::sync::Arc<LogQueue>, Failure> {
    QUEUES.get(id).ok_or_else(|| not_open(id))
}

fn not_open(id: i32) -> Failure {
    Failure::handle(format!(
        "log queue handle {id} is not open (never issued, already closed, or stale)"
    ))
}

/// Writes the number of records dropped from the `meslink_log_next` queue because it
/// was full, since the process started, into `*out_count`. Thread-safe.
///
/// Returns `MESLINK_OK`, `MESLINK_E_INVALID_ARGUMENT` (NULL `out_count`).
///
/// # Safety
/// `out_count` must be NULL or point to a writable `uint64_t`.
#[no_mangle]
pub unsafe extern "C" fn meslink_log_dropped(out_count: *mut u64) -> i32 {
    guard::call("meslink_log_dropped", || {
        if out_count.is_null() {
            return Err(Failure::invalid("`out_count` is NULL"));
        }
        // SAFETY: checked non-NULL; writable per the caller's contract.
        unsafe { out_count.write_unaligned(POLL.dropped_total()) };
        Ok(MESLINK_OK)
    })
}

/// Sets (or, with `callback` NULL or `level` `MESLINK_LOG_OFF`, removes) the callback
/// that receives meslink's log records up to `level` (as in `meslink_log_set_level`).
///
/// `callback(user, level, record_json, len)` is called once per record, in order, on a
/// thread of meslink's (never the caller's, never a runtime thread), with the record's
/// level number and its JSON as `meslink_log_next` writes it: NUL-terminated, `len`
/// bytes without the NUL. `record_json` is valid only during the call: copy what you
/// keep. The callback is never re-entered and runs outside every meslink lock: it may
/// call any meslink function (records those calls log come after it returns). Records
/// queue meanwhile (1024 at most; the oldest are dropped and counted in `dropped`).
///
/// When this function returns, the previous callback is not running and will not be
/// called again (unless this is called from inside that callback, which then finishes
/// its current record), so its `user` data may be freed. `user` is passed back
/// unchanged; meslink never reads it. Independent of the `meslink_log_next` queue.
///
/// Thread-safe.
///
/// Returns `MESLINK_OK`, `MESLINK_E_INVALID_ARGUMENT` (an unknown level),
/// `MESLINK_E_INTERNAL` (no thread could be started).
///
/// # Safety
/// `callback` must be NULL or a function safe to call from another thread with these
/// arguments until it is replaced; the same for `user`'s use there.
#[no_mangle]
pub unsafe extern "C" fn meslink_log_set_callback(
    level: i32,
    callback: Option<
        unsafe extern "C" fn(user: *mut c_void, level: i32, record_json: *const c_char, len: u32),
    >,
    user: *mut c_void,
) -> i32 {
    guard::call("meslink_log_set_callback", || {
        let level = level_arg(level)?;
        // The lock is never held while a worker is joined: its callback may call this.
        let old = CALLBACK.lock().take();
        if let Some((queue, worker)) = old {
            queue.set_level(None);
            worker.stop();
        }
        let (Some(level), Some(cb)) = (level, callback) else {
            return Ok(MESLINK_OK);
        };
        let queue = Arc::new(LogQueue::register(LOG_QUEUE_CAPACITY));
        queue.set_level(Some(level));
        let worker = spawn_callback(queue.clone(), cb, User(user))?;
        let raced = CALLBACK.lock().replace((queue, worker));
        if let Some((queue, worker)) = raced {
            queue.set_level(None);
            worker.stop();
        }
        Ok(MESLINK_OK)
    })
}

/// How long the callback thread waits per poll: the delay of noticing a stop while idle.
const CALLBACK_POLL: Duration = Duration::from_millis(100);

fn spawn_callback(queue: Arc<LogQueue>, cb: LogCallback, user: User) -> Result<Worker, Failure> {
    Worker::spawn("meslink-log-cb", move |stop| {
        let user = user;
        while !worker::stopped(stop) {
            let Some(entry) = queue.next(CALLBACK_POLL) else {
                continue;
            };
            if worker::stopped(stop) {
                break;
            }
            let mut bytes = encode(&entry);
            let len = bytes.len() as u32;
            bytes.push(0);
            // SAFETY: the caller promised `cb` may be called so from this thread; the
            // text is NUL-terminated and lives until the call returns.
            unsafe {
                cb(
                    user.0,
                    entry.record.level as i32,
                    bytes.as_ptr().cast(),
                    len,
                )
            };
        }
    })
}
