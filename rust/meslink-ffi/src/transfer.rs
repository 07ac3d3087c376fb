//! Transfer handles: a file sent to the machine-tool platform (`mgm.file_transfer`),
//! running in the background, observed by polling, waiting or a progress callback.

use crate::buffer::Out;
use crate::error::Failure;
use crate::handles::Registry;
use crate::status::{MESLINK_OK, MESLINK_PENDING};
use crate::text::{self, Encoding};
use crate::worker::{self, User, Worker};
use crate::{client, guard};
use meslink::mgm::{Transfer, TransferProgress, TransferRequest};
use parking_lot::Mutex;
use std::ffi::{c_char, c_void};
use std::sync::Arc;
use std::time::Duration;

/// An open transfer, the encoding of its client, and its progress callback worker.
struct OpenTransfer {
    transfer: Transfer,
    encoding: Encoding,
    callback: Mutex<Option<Worker>>,
}

/// Where a transfer stands: running, finished (with its progress), or failed.
fn outcome(transfer: &Transfer, timeout: Duration) -> meslink::Result<Option<TransferProgress>> {
    meslink::runtime::block_on(transfer.wait(timeout))?
}

/// Every open transfer. As for clients, a call holds the `Arc` for its whole duration.
static TRANSFERS: Registry<OpenTransfer> = Registry::new();

fn not_open(id: i32) -> Failure {
    Failure::handle(format!(
        "transfer handle {id} is not open (never issued, already closed, or stale)"
    ))
}

fn get(id: i32) -> Result<Arc<OpenTransfer>, Failure> {
    TRANSFERS.get(id).ok_or_else(|| not_open(id))
}

/// Starts sending a file (`mgm.file_transfer`) on `client`, whose configuration must have
/// an `mgm` section, and returns at once with a transfer handle; the file is sent in the
/// background, in chunks, never held in memory whole.
///
/// `request_json` (in the client's encoding) is a JSON object:
/// `{"path":"/data/part.nc", "cloud_path":"/programs", "machine_id":"8wCxAAAAAAABAAA=",
/// "storage_type":0, "file_name":"part.nc", "chunk_size":65536,
/// "md5_of":"base64_text"|"raw_bytes", "transport":"sockjs"|"raw"}`:
/// `path` is the local file; `cloud_path`, `machine_id` and `storage_type` (0 or 1) are
/// the server's fields; `file_name` defaults to the file's name; `chunk_size` (bytes per
/// message, 0 = 65536), `md5_of` (what the per-chunk `file_md5` is computed over) and
/// `transport` are optional. Unknown keys are refused.
///
/// The documented limits are checked before connecting: at most 50 MB, a file name of at
/// most 180 ASCII or 60 CJK characters, `storage_type` 0 or 1; a file that cannot be read
/// is refused too. All are `MESLINK_E_INVALID_ARGUMENT` with nothing sent. When the
/// server answers with a `file_seek` (an earlier transfer of the same file was cut), the
/// transfer resumes from there.
///
/// On `MESLINK_OK`, `*out_transfer` receives the handle; on any failure it is 0 (when not
/// NULL). Close it with `meslink_transfer_close`. The transfer does not depend on the
/// client handle staying open.
///
/// Thread-safe.
///
/// Returns `MESLINK_OK`, `MESLINK_E_INVALID_ARGUMENT`, `MESLINK_E_INVALID_HANDLE` (the
/// client), `MESLINK_E_ENCODING`, `MESLINK_E_NOT_IMPLEMENTED`, `MESLINK_E_INTERNAL`;
/// failures while sending are reported by `meslink_transfer_progress` and
/// `meslink_transfer_wait`.
///
/// # Safety
/// `request_json` must be NULL or a NUL-terminated string; `out_transfer` must be NULL or
/// point to a writable `int32_t`.
#[no_mangle]
pub unsafe extern "C" fn meslink_transfer_start(
    client: i32,
    request_json: *const c_char,
    out_transfer: *mut i32,
) -> i32 {
    guard::call("meslink_transfer_start", || {
        if !out_transfer.is_null() {
            // SAFETY: non-NULL; writable per the caller's contract.
            unsafe { out_transfer.write_unaligned(0) };
        }
        let open = client::get(client)?;
        let started = || {
            if out_transfer.is_null() {
                return Err(Failure::invalid("`out_transfer` is NULL"));
            }
            // SAFETY: the caller's contract above.
            let value = unsafe { text::json_arg(request_json, "request_json", open.encoding) }?;
            let request: TransferRequest = serde_json::from_value(value)
                .map_err(|e| Failure::invalid(format!("`request_json`: {e}")))?;
            let transfer = meslink::runtime::block_on(open.client.mgm_transfer_start(request))??;
            let entry = OpenTransfer {
                transfer: transfer.clone(),
                encoding: open.encoding,
                callback: Mutex::new(None),
            };
            let Some(id) = TRANSFERS.insert(entry) else {
                transfer.cancel();
                return Err(Failure::internal(
                    "65,535 transfers are open; close some with meslink_transfer_close",
                ));
            };
            // SAFETY: checked non-NULL above; writable per the caller's contract.
            unsafe { out_transfer.write_unaligned(id) };
            Ok(MESLINK_OK)
        };
        started().map_err(|f| f.in_encoding(open.encoding))
    })
}

/// Reads the transfer's progress without waiting: `*sent` bytes of `*total` (either
/// pointer may be NULL). After a resume, `sent` starts at the server's `file_seek`.
///
/// Thread-safe; never blocks.
///
/// Returns `MESLINK_PENDING` (still sending), `MESLINK_OK` (finished: the server answered
/// with its `request_id`; see `meslink_transfer_wait` for the result), or the error the
/// transfer failed with, the same every time it is asked, with the detail in the last
/// error: `MESLINK_E_BUSINESS` (the server's code 711–734 and its meaning),
/// `MESLINK_E_TRANSPORT`, `MESLINK_E_TIMEOUT`, `MESLINK_E_AUTH`, `MESLINK_E_PROTOCOL`,
/// `MESLINK_E_CLOSED` (cancelled); also `MESLINK_E_INVALID_HANDLE`.
///
/// # Safety
/// `sent`, `total`: NULL or writable `uint64_t`s.
#[no_mangle]
pub unsafe extern "C" fn meslink_transfer_progress(
    transfer: i32,
    sent: *mut u64,
    total: *mut u64,
) -> i32 {
    guard::call("meslink_transfer_progress", || {
        let open = get(transfer)?;
        let progress = open.transfer.progress();
        for (ptr, value) in [(sent, progress.sent), (total, progress.total)] {
            if !ptr.is_null() {
                // SAFETY: non-NULL; writable per the caller's contract.
                unsafe { ptr.write_unaligned(value) };
            }
        }
        match outcome(&open.transfer, Duration::ZERO) {
            Ok(Some(_)) => Ok(MESLINK_OK),
            Ok(None) => Ok(MESLINK_PENDING),
            Err(e) => Err(Failure::from(e).in_encoding(open.encoding)),
        }
    })
}

/// Waits up to `timeout_ms` milliseconds (0: do not wait) for the transfer to end and,
/// when it finished, writes its result into `buf`:
/// `{"sent":1048576,"total":1048576,"finished":true,"file_id":"...","request_id":"..."}`
/// (`file_id` and `request_id` as the server gave them, null when it did not).
///
/// Buffer rules as `meslink_client_call` (a too-small buffer keeps the result for
/// `meslink_answer_fetch`). Thread-safe; blocks the calling thread for at most
/// `timeout_ms`.
///
/// Returns `MESLINK_OK` (finished; result in `buf`), `MESLINK_PENDING` (still running at
/// the timeout; `buf` ""), the transfer's error as `meslink_transfer_progress` does,
/// `MESLINK_E_BUFFER_TOO_SMALL`, `MESLINK_E_INVALID_ARGUMENT`, `MESLINK_E_INVALID_HANDLE`.
///
/// # Safety
/// `buf`: NULL or `cap` writable bytes. `out_len`: NULL or a writable `uint32_t`.
#[no_mangle]
pub unsafe extern "C" fn meslink_transfer_wait(
    transfer: i32,
    timeout_ms: u32,
    buf: *mut c_char,
    cap: u32,
    out_len: *mut u32,
) -> i32 {
    guard::call("meslink_transfer_wait", || {
        // SAFETY: the caller's contract above.
        let out = unsafe { Out::new(buf, cap, out_len) }?;
        let open = get(transfer).inspect_err(|_| out.blank())?;
        let result = match outcome(&open.transfer, Duration::from_millis(timeout_ms.into())) {
            Ok(Some(progress)) => progress,
            Ok(None) => {
                out.blank();
                return Ok(MESLINK_PENDING);
            }
            Err(e) => {
                out.blank();
                return Err(Failure::from(e).in_encoding(open.encoding));
            }
        };
        out.deliver(|| {
            let json =
                serde_json::to_string(&result).map_err(|e| Failure::internal(e.to_string()))?;
            Ok(text::encode_out(&json, open.encoding))
        })
        .map_err(|f| f.in_encoding(open.encoding))
    })
}

/// Sets (or, with `callback` NULL, removes) the progress callback of the transfer.
///
/// `callback(user, status, sent, total)` is called on a thread of meslink's (one per
/// transfer with a callback) whenever the byte count changes, at most about every 50 ms,
/// with `status` `MESLINK_PENDING`; then once more at the end with `MESLINK_OK`
/// (finished) or the error status (the last error is not readable there: call
/// `meslink_transfer_progress` for it). After that final call it is not called again.
///
/// When this function returns, the previous callback is not running and will not be
/// called again (unless this is called from inside it), so its `user` data may be freed.
/// The callback may call any meslink function. `user` is passed back unchanged.
///
/// Thread-safe.
///
/// Returns `MESLINK_OK`, `MESLINK_E_INVALID_HANDLE`, `MESLINK_E_INTERNAL`.
///
/// # Safety
/// `callback` must be NULL or a function safe to call from another thread with these
/// arguments until it is replaced or the transfer closed; the same for `user`'s use there.
#[no_mangle]
pub unsafe extern "C" fn meslink_transfer_set_callback(
    transfer: i32,
    callback: Option<unsafe extern "C" fn(user: *mut c_void, status: i32, sent: u64, total: u64)>,
    user: *mut c_void,
) -> i32 {
    guard::call("meslink_transfer_set_callback", || {
        let open = get(transfer)?;
        // Never joined under the lock: the callback may call into this transfer.
        let old = open.callback.lock().take();
        if let Some(old) = old {
            old.stop();
        }
        if let Some(cb) = callback {
            let worker = spawn_callback(open.transfer.clone(), cb, User(user))?;
            let raced = open.callback.lock().replace(worker);
            if let Some(raced) = raced {
                raced.stop();
            }
        }
        Ok(MESLINK_OK)
    })
}

/// How often the progress worker looks at the byte count.
const PROGRESS_POLL: Duration = Duration::from_millis(50);

fn spawn_callback(
    transfer: Transfer,
    cb: unsafe extern "C" fn(*mut c_void, i32, u64, u64),
    user: User,
) -> Result<Worker, Failure> {
    Worker::spawn("meslink-transfer-cb", move |stop| {
        let user = user;
        let mut last = None;
        while !worker::stopped(stop) {
            let status = match outcome(&transfer, PROGRESS_POLL) {
                Ok(None) => MESLINK_PENDING,
                Ok(Some(_)) => MESLINK_OK,
                Err(e) => Failure::from(e).status,
            };
            let p = transfer.progress();
            if status == MESLINK_PENDING && last == Some((p.sent, p.total)) {
                continue;
            }
            last = Some((p.sent, p.total));
            if worker::stopped(stop) {
                break;
            }
            // SAFETY: the caller promised `cb` may be called so from this thread.
            unsafe { cb(user.0, status, p.sent, p.total) };
            if status != MESLINK_PENDING {
                break;
            }
        }
    })
}

/// Asks the transfer to stop: nothing more is sent, and it ends with `MESLINK_E_CLOSED`
/// (unless it finished first). The handle stays open until `meslink_transfer_close`.
/// What the server already received stays there, so starting the same file again later
/// resumes from the server's `file_seek`.
///
/// Thread-safe; never blocks.
///
/// Returns `MESLINK_OK`, `MESLINK_E_INVALID_HANDLE`.
#[no_mangle]
pub extern "C" fn meslink_transfer_cancel(transfer: i32) -> i32 {
    guard::call("meslink_transfer_cancel", || {
        get(transfer)?.transfer.cancel();
        Ok(MESLINK_OK)
    })
}

/// Frees the transfer handle; a transfer still running is cancelled (see
/// `meslink_transfer_cancel`), its callback stopped (waiting for a running callback to
/// return, unless called from inside it). A later call with the id returns
/// `MESLINK_E_INVALID_HANDLE`.
///
/// Thread-safe.
///
/// Returns `MESLINK_OK`, `MESLINK_E_INVALID_HANDLE`.
#[no_mangle]
pub extern "C" fn meslink_transfer_close(transfer: i32) -> i32 {
    guard::call("meslink_transfer_close", || {
        let open = TRANSFERS
            .remove(transfer)
            .ok_or_else(|| not_open(transfer))?;
        if !open.transfer.progress().finished {
            open.transfer.cancel();
        }
        let worker = open.callback.lock().take();
        if let Some(worker) = worker {
            worker.stop();
        }
        Ok(MESLINK_OK)
    })
}
