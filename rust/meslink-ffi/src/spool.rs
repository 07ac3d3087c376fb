//! The store-and-forward spool of a client (`"spool"` in its configuration).
//!
//! Records of spoolable calls are written to the client's SQLite file and sent by a
//! background forwarder, in order, until their server acknowledges them; a record that
//! keeps failing is parked (set aside, retried on its own schedule) while unrelated
//! records go on; records the server refuses go to the dead letters, or, when they were
//! being resent after a crash, to the resends refused. Every string is in the client's
//! encoding.

use crate::buffer::Out;
use crate::calls::call_args;
use crate::client::{self, Open};
use crate::error::Failure;
use crate::status::MESLINK_OK;
use crate::{guard, text};
use meslink::{Error, ErrorKind, Spool, SpoolState};
use serde_json::Value;
use std::ffi::c_char;
use std::time::Duration;

/// The client `id`'s spool, held for the export; a failure after the lookup is in the
/// client's encoding.
fn on_spool<T>(
    id: i32,
    body: impl FnOnce(&Open, &Spool) -> Result<T, Failure>,
) -> Result<T, Failure> {
    let open = client::get(id)?;
    let run = || {
        let spool = open.client.spool()?;
        body(&open, spool)
    };
    run().map_err(|f| f.in_encoding(open.encoding))
}

/// [`on_spool`] for an export that writes a JSON answer into `out`.
fn answer(
    out: &Out,
    id: i32,
    body: impl FnOnce(&Open, &Spool) -> Result<Value, Failure>,
) -> Result<i32, Failure> {
    let open = client::get(id).inspect_err(|_| out.blank())?;
    out.deliver(|| {
        let spool = open.client.spool()?;
        body(&open, spool).map(|a| text::encode_out(&a.to_string(), open.encoding))
    })
    .map_err(|f| f.in_encoding(open.encoding))
}

/// Stores a record of a spoolable call in the client's spool and returns once it is
/// committed to disk; the background forwarder sends it later, in order, retrying
/// transient failures. Spoolable calls: `ate.sn_detail.upload`, `grading.save`,
/// `energy.product_output.create`, `energy.prp.manual_data.add`.
///
/// `call_id` and `params_json` (a JSON object, as for `meslink_client_call`) are read in
/// the client's encoding and checked against the catalog before anything is stored: a
/// call that is not spoolable, a server the client has no section for, unknown or
/// missing parameters are `MESLINK_E_INVALID_ARGUMENT`, and nothing is stored. A client
/// without a `"spool"` section, a spool that could not be opened when the client was
/// created (the client still makes direct calls), an unwritable file or a full disk is
/// `MESLINK_E_INVALID_ARGUMENT` too (the last error says which; the record was NOT
/// stored). `MESLINK_OK` means the record is on disk and reads back as the forwarder
/// reads it. On `MESLINK_OK`, `*out_seq` (may be NULL) receives the record's sequence
/// number, positive and increasing; on failure it is set to 0.
///
/// Thread-safe. Returns `MESLINK_OK`, `MESLINK_E_INVALID_ARGUMENT`,
/// `MESLINK_E_INVALID_HANDLE`, `MESLINK_E_ENCODING`, `MESLINK_E_INTERNAL`.
///
/// # Safety
/// `call_id`, `params_json`: NULL or NUL-terminated strings. `out_seq`: NULL or a
/// writable `int64_t`.
#[no_mangle]
pub unsafe extern "C" fn meslink_spool_enqueue(
    client: i32,
    call_id: *const c_char,
    params_json: *const c_char,
    out_seq: *mut i64,
) -> i32 {
    guard::call("meslink_spool_enqueue", || {
        if !out_seq.is_null() {
            // SAFETY: non-NULL; writable per the caller's contract.
            unsafe { out_seq.write_unaligned(0) };
        }
        on_spool(client, |c, spool| {
            // SAFETY: the caller's contract above.
            let (id, params) = unsafe { call_args(call_id, params_json, c.encoding) }?;
            let seq = spool.enqueue(&id, params)?;
            if !out_seq.is_null() {
                // SAFETY: as above.
                unsafe { out_seq.write_unaligned(seq) };
            }
            Ok(MESLINK_OK)
        })
    })
}

/// Writes the spool's counts into `buf` as JSON: `{"pending":n,"parked":n,"dead":n,
/// "resent_refused":n,"delivered":n,"repairs":n,"salvaged":n,"lost":n}` (pending
/// includes the record being sent, not the parked ones; delivered counts every record
/// its server acknowledged since the file was created; repairs, salvaged and lost count
/// the times the file was found damaged at an open and rebuilt, the records read back,
/// and the records no repair could read).
///
/// Buffer rules as `meslink_client_call` (`MESLINK_E_BUFFER_TOO_SMALL` keeps the answer
/// for `meslink_answer_fetch`). Thread-safe.
///
/// Returns `MESLINK_OK`, `MESLINK_E_BUFFER_TOO_SMALL`, `MESLINK_E_INVALID_ARGUMENT` (no
/// spool configured, a NULL `buf` with `cap` > 0, the file unreadable),
/// `MESLINK_E_INVALID_HANDLE`, `MESLINK_E_INTERNAL`.
///
/// # Safety
/// `buf`: NULL or `cap` writable bytes. `out_len`: NULL or a writable `uint32_t`.
#[no_mangle]
pub unsafe extern "C" fn meslink_spool_status(
    client: i32,
    buf: *mut c_char,
    cap: u32,
    out_len: *mut u32,
) -> i32 {
    guard::call("meslink_spool_status", || {
        // SAFETY: the caller's contract above.
        let out = unsafe { Out::new(buf, cap, out_len) }?;
        answer(&out, client, |_, spool| {
            Ok(serde_json::to_value(spool.status()?).map_err(Error::from)?)
        })
    })
}

/// Writes up to `limit` records of the spool, oldest first, into `buf` as a JSON array.
/// `which` is `"pending"` (waiting, in flight included), `"parked"` (set aside after
/// failing past their budget), `"dead"` (refused or out of attempts) or
/// `"resent_refused"` (refused when sent again after a crash or a timeout: probably delivered
/// before it). Each record: `{"seq","state","call_id","params","key","attempts",
/// "in_flight","resent","last_error","answer","enqueued_at","next_attempt_at",
/// "died_at"}`; for dead and resent-refused ones `answer` holds
/// `{"kind","message","http_status","server_code","server_message"}`, the server's own
/// words (e.g. `"SN RULER CHECK NG!FIX"`) in `server_message`.
///
/// Buffer rules as `meslink_client_call`. Thread-safe.
///
/// Returns `MESLINK_OK`, `MESLINK_E_BUFFER_TOO_SMALL`, `MESLINK_E_INVALID_ARGUMENT` (an
/// unknown `which`, no spool configured), `MESLINK_E_INVALID_HANDLE`,
/// `MESLINK_E_ENCODING`, `MESLINK_E_INTERNAL`.
///
/// # Safety
/// `which`: NULL or a NUL-terminated string. `buf`: NULL or `cap` writable bytes.
/// `out_len`: NULL or a writable `uint32_t`.
#[no_mangle]
pub unsafe extern "C" fn meslink_spool_list(
    client: i32,
    which: *const c_char,
    limit: u32,
    buf: *mut c_char,
    cap: u32,
    out_len: *mut u32,
) -> i32 {
    guard::call("meslink_spool_list", || {
        // SAFETY (both): the caller's contract above.
        let out = unsafe { Out::new(buf, cap, out_len) }?;
        answer(&out, client, |c, spool| {
            let which: SpoolState = unsafe { text::arg(which, "which", c.encoding) }?.parse()?;
            let records = spool.list(which, limit as usize)?;
            Ok(serde_json::to_value(records).map_err(Error::from)?)
        })
    })
}

/// Sends the record `seq` again, whatever its state, with its attempts counted from 0:
/// a pending or parked record at the next chance (a parked one is no longer parked), a
/// dead or resent-refused one back into the queue, before the records enqueued after it.
///
/// Thread-safe. Returns `MESLINK_OK`, `MESLINK_E_INVALID_ARGUMENT` (no record `seq` in
/// the spool, no spool configured), `MESLINK_E_INVALID_HANDLE`, `MESLINK_E_INTERNAL`.
#[no_mangle]
pub extern "C" fn meslink_spool_retry(client: i32, seq: i64) -> i32 {
    guard::call("meslink_spool_retry", || {
        on_spool(client, |_, spool| {
            spool.retry(seq)?;
            Ok(MESLINK_OK)
        })
    })
}

/// Deletes the record `seq` for good, whatever its state (pending, parked, dead or
/// resent-refused; a pending one being sent at that moment may still arrive). Records
/// with the same key (SN, barcode) that waited behind it go on.
///
/// Thread-safe. Returns `MESLINK_OK`, `MESLINK_E_INVALID_ARGUMENT` (no record `seq` in
/// the spool, no spool configured), `MESLINK_E_INVALID_HANDLE`, `MESLINK_E_INTERNAL`.
#[no_mangle]
pub extern "C" fn meslink_spool_discard(client: i32, seq: i64) -> i32 {
    guard::call("meslink_spool_discard", || {
        on_spool(client, |_, spool| {
            spool.discard(seq)?;
            Ok(MESLINK_OK)
        })
    })
}

/// Blocks the calling thread until nothing is pending or parked in the client's spool,
/// or `timeout_ms` milliseconds have passed. Dead and resent-refused records do not
/// count.
///
/// Thread-safe. Returns `MESLINK_OK` (drained), `MESLINK_E_TIMEOUT` (records still
/// pending; the last error says how many), `MESLINK_E_INVALID_ARGUMENT` (no spool
/// configured; called from a meslink callback), `MESLINK_E_INVALID_HANDLE`,
/// `MESLINK_E_INTERNAL`.
#[no_mangle]
pub extern "C" fn meslink_spool_drain(client: i32, timeout_ms: u32) -> i32 {
    guard::call("meslink_spool_drain", || {
        on_spool(client, |_, spool| {
            let timeout = Duration::from_millis(u64::from(timeout_ms));
            if spool.drain_blocking(timeout)? {
                return Ok(MESLINK_OK);
            }
            let s = spool.status()?;
            Err(Error::new(
                ErrorKind::Timeout,
                format!(
                    "the spool is not drained after {timeout_ms} ms: {} records pending, {} parked",
                    s.pending, s.parked
                ),
            )
            .into())
        })
    })
}
