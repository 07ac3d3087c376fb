//! Calls: the generic JSON call and the named calls.
//!
//! Every named export is the generic path with its call id and its arguments named
//! (one line each in [`named`]); only the C signatures are written out, because
//! cbindgen and csbindgen read the source without expanding macros.
//!
//! Every string of a call is in its client's encoding: the arguments, the answer, and
//! the last error of a failure once the client is found.

use crate::buffer::Out;
use crate::client::{self, Open};
use crate::error::Failure;
use crate::status::MESLINK_OK;
use crate::{guard, text};
use serde_json::{Map, Value};
use std::ffi::c_char;

/// The body of an export on the client `id`: the client, held for the call, runs
/// `body`; a failure after the lookup is in the client's encoding.
fn on_client<T>(id: i32, body: impl FnOnce(&Open) -> Result<T, Failure>) -> Result<T, Failure> {
    let open = client::get(id)?;
    body(&open).map_err(|f| f.in_encoding(open.encoding))
}

/// [`on_client`] for an export that writes an answer: `body` reads the arguments and
/// calls; its answer is delivered into `out` in the client's encoding.
fn answer(
    out: &Out,
    id: i32,
    body: impl FnOnce(&Open) -> Result<Value, Failure>,
) -> Result<i32, Failure> {
    let open = client::get(id).inspect_err(|_| out.blank())?;
    out.deliver(|| body(&open).map(|a| text::encode_out(&a.to_string(), open.encoding)))
        .map_err(|f| f.in_encoding(open.encoding))
}

/// A named call whose parameters are text arguments: `(parameter name, C string)`.
///
/// # Safety
/// Each pointer must be NULL or a NUL-terminated string.
unsafe fn named(open: &Open, id: &str, args: &[(&str, *const c_char)]) -> Result<Value, Failure> {
    let mut params = Map::new();
    for &(name, ptr) in args {
        // SAFETY: forwarded contract.
        let value = unsafe { text::arg(ptr, name, open.encoding) }?;
        params.insert(name.to_owned(), Value::String(value));
    }
    Ok(open.client.call_blocking(id, Value::Object(params))?)
}

/// Calls any implemented call by its id (`CALLS.md`), e.g. `ate.sn_detail.get`, with
/// its parameters as a JSON object (`{"work_order":"1037020031"}`; `{}` or `null` for
/// none), and writes the server's JSON answer into `buf`.
///
/// Parameters are checked against the catalog before anything is sent (unknown names,
/// missing required values, wrong kinds are `MESLINK_E_INVALID_ARGUMENT` naming the
/// parameter). Login, token renewal and retries of transient failures happen inside.
/// Blocks the calling thread until the answer, a failure or the configured timeout.
///
/// `call_id` and `params_json` are read in the client's encoding (the one given to
/// `meslink_client_open_ex`, or the process default when `meslink_client_open` opened
/// it); the answer and the last error are written in it too. The caller owns every
/// pointer; meslink keeps none.
/// `buf` (NULL allowed when `cap` is 0) receives the NUL-terminated answer; `out_len`
/// (may be NULL) the answer's length without the NUL. When `cap` is too small the
/// export returns `MESLINK_E_BUFFER_TOO_SMALL`, `*out_len` = length needed, and the
/// answer is kept: `meslink_answer_fetch` returns it without a second network call.
/// On other failures `*out_len` is 0 and `buf` an empty string; the last error
/// (`meslink_error_last`) has the call id, the server's code and message.
///
/// Thread-safe: any number of threads may call on one client at once; a concurrent
/// `meslink_client_close` is safe (see there).
///
/// Returns `MESLINK_OK`, `MESLINK_E_BUFFER_TOO_SMALL`, `MESLINK_E_INVALID_ARGUMENT`,
/// `MESLINK_E_INVALID_HANDLE`, `MESLINK_E_ENCODING`, `MESLINK_E_NOT_IMPLEMENTED`,
/// `MESLINK_E_TRANSPORT`, `MESLINK_E_TIMEOUT`, `MESLINK_E_AUTH`, `MESLINK_E_BUSINESS`,
/// `MESLINK_E_HTTP`, `MESLINK_E_PROTOCOL`, `MESLINK_E_INTERNAL`.
///
/// # Safety
/// `call_id`, `params_json`: NULL or NUL-terminated strings. `buf`: NULL or `cap`
/// writable bytes. `out_len`: NULL or a writable `uint32_t`.
#[no_mangle]
pub unsafe extern "C" fn meslink_client_call(
    client: i32,
    call_id: *const c_char,
    params_json: *const c_char,
    buf: *mut c_char,
    cap: u32,
    out_len: *mut u32,
) -> i32 {
    guard::call("meslink_client_call", || {
        // SAFETY (all blocks): the caller's contract above.
        let out = unsafe { Out::new(buf, cap, out_len) }?;
        answer(&out, client, |c| {
            let id = unsafe { text::arg(call_id, "call_id", c.encoding) }?;
            let params = unsafe { text::json_arg(params_json, "params_json", c.encoding) }?;
            Ok(c.client.call_blocking(&id, params)?)
        })
    })
}

/// Every item of a paged list (the energy platform's `*.list` calls that take
/// `Per_Page_Counts` / `Page_Counts`), walked page after page until `Total_Numbers`
/// items are in, `per_page` a page; writes them as one JSON array into `buf`.
/// `params_json` holds the call's other filters (a `Page_Counts` in it is the first page).
///
/// Buffer rules, encoding, ownership and thread-safety as `meslink_client_call`. A call
/// that is not a paged list, or `per_page` 0, is `MESLINK_E_INVALID_ARGUMENT`.
///
/// Returns the statuses of `meslink_client_call`.
///
/// # Safety
/// As `meslink_client_call`.
#[no_mangle]
pub unsafe extern "C" fn meslink_client_call_all_pages(
    client: i32,
    call_id: *const c_char,
    params_json: *const c_char,
    per_page: u32,
    buf: *mut c_char,
    cap: u32,
    out_len: *mut u32,
) -> i32 {
    guard::call("meslink_client_call_all_pages", || {
        // SAFETY (all blocks): the caller's contract above.
        let out = unsafe { Out::new(buf, cap, out_len) }?;
        answer(&out, client, |c| {
            let id = unsafe { text::arg(call_id, "call_id", c.encoding) }?;
            let params = unsafe { text::json_arg(params_json, "params_json", c.encoding) }?;
            let items =
                meslink::runtime::block_on(c.client.energy_all_pages(&id, params, per_page))??;
            Ok(Value::Array(items))
        })
    })
}

/// `ate.login`: logs in to the ATE MES with the configured `emp_no` and password and
/// caches the token (other calls log in by themselves; this checks the credentials
/// early). Writes what the server says of the user, without the token:
/// `{"epm_no":"ate","emp_name":"ate","company":"6300","account":false}`.
///
/// Buffer rules, encoding, ownership and thread-safety as `meslink_client_call`.
/// Bad credentials are `MESLINK_E_AUTH` with the server's message
/// (`无法使用提供的认证信息登录。`) in the last error.
///
/// Returns the statuses of `meslink_client_call`.
///
/// # Safety
/// `buf`: NULL or `cap` writable bytes. `out_len`: NULL or a writable `uint32_t`.
#[no_mangle]
pub unsafe extern "C" fn meslink_ate_login(
    client: i32,
    buf: *mut c_char,
    cap: u32,
    out_len: *mut u32,
) -> i32 {
    guard::call("meslink_ate_login", || {
        // SAFETY (both blocks): the caller's contract above.
        let out = unsafe { Out::new(buf, cap, out_len) }?;
        // The core keeps the token inside the client: it is not in the answer.
        answer(&out, client, |c| unsafe { named(c, "ate.login", &[]) })
    })
}

/// `ate.sn_detail.get`: reads the work order `work_order` (工单号) and writes the
/// server's JSON: `{"SERIAL_NUMBER":"BZJ614KM901580Z","FUNCTION_NAME":"HWR650RUSN",
/// "TARGET_QTY":928,"SN_QTY":928}`. An unknown work order is `MESLINK_E_BUSINESS` with
/// the server's `未找到。` in the last error.
///
/// Buffer rules, encoding, ownership and thread-safety as `meslink_client_call`.
///
/// Returns the statuses of `meslink_client_call`.
///
/// # Safety
/// `work_order`: NULL or a NUL-terminated string. `buf`: NULL or `cap` writable bytes.
/// `out_len`: NULL or a writable `uint32_t`.
#[no_mangle]
pub unsafe extern "C" fn meslink_ate_sn_detail_get(
    client: i32,
    work_order: *const c_char,
    buf: *mut c_char,
    cap: u32,
    out_len: *mut u32,
) -> i32 {
    guard::call("meslink_ate_sn_detail_get", || {
        // SAFETY (both blocks): the caller's contract above.
        let out = unsafe { Out::new(buf, cap, out_len) }?;
        let args = [("work_order", work_order)];
        answer(&out, client, |c| unsafe {
            named(c, "ate.sn_detail.get", &args)
        })
    })
}

/// `ate.sn_detail.upload`: records the serial number `sn` against `work_order`.
/// The server checks the SN against the work order's rule: a failed check is
/// `MESLINK_E_BUSINESS` with the server's text (`SN RULER CHECK NG!FIX`) in the last
/// error. Only retried when the request provably never left this machine, so an SN is
/// never recorded twice by meslink.
///
/// Strings are read in the client's encoding (see `meslink_client_call`); the caller
/// owns them. Thread-safe, like `meslink_client_call`.
///
/// Returns the statuses of `meslink_client_call` except `MESLINK_E_BUFFER_TOO_SMALL`.
///
/// # Safety
/// `work_order`, `sn`: NULL or NUL-terminated strings.
#[no_mangle]
pub unsafe extern "C" fn meslink_ate_sn_detail_upload(
    client: i32,
    work_order: *const c_char,
    sn: *const c_char,
) -> i32 {
    guard::call("meslink_ate_sn_detail_upload", || {
        let args = [("work_order", work_order), ("sn", sn)];
        // SAFETY: the caller's contract above.
        on_client(client, |c| unsafe {
            named(c, "ate.sn_detail.upload", &args)
        })?;
        Ok(MESLINK_OK)
    })
}

/// `grading.save`: saves one cell's grading record (分容数据) and writes the server's
/// answer, `{"state":1,"msg":"保存成功","resBody":...}`.
///
/// `record_json` is a JSON object with the server's field names: `batteryStation`,
/// `deviceCode`, `barcode`, `testTime`, `workStep` (required) and `voltage`,
/// `electricity`, `volume`, `energy` (numbers, optional). `testTime` may be
/// `"yyyy-MM-dd HH:mm:ss"` (plant local time), ISO 8601 (`"2024-05-06T07:08:09"`, with
/// an offset converted to local time), or a number of Unix seconds. A missing or wrong
/// field is `MESLINK_E_INVALID_ARGUMENT` naming it, before anything is sent; the
/// server's refusal (`state` -1) is `MESLINK_E_BUSINESS` with its `msg` and code.
///
/// Buffer rules, encoding, ownership and thread-safety as `meslink_client_call`.
///
/// Returns the statuses of `meslink_client_call`.
///
/// # Safety
/// `record_json`: NULL or a NUL-terminated string. `buf`: NULL or `cap` writable
/// bytes. `out_len`: NULL or a writable `uint32_t`.
#[no_mangle]
pub unsafe extern "C" fn meslink_grading_save(
    client: i32,
    record_json: *const c_char,
    buf: *mut c_char,
    cap: u32,
    out_len: *mut u32,
) -> i32 {
    guard::call("meslink_grading_save", || {
        // SAFETY (both blocks): the caller's contract above.
        let out = unsafe { Out::new(buf, cap, out_len) }?;
        answer(&out, client, |c| {
            let record = unsafe { text::json_arg(record_json, "record_json", c.encoding) }?;
            Ok(c.client.call_blocking("grading.save", record)?)
        })
    })
}
