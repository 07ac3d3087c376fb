//! Calls: the generic JSON call, the typed call, and what the named exports share.
//!
//! The named exports (`meslink_ate_sn_detail_get`, ...) are generated from the catalog
//! into `named.rs`: each is the generic path with its call id and its arguments named
//! ([`named`]), written out in full because cbindgen and csbindgen read the source
//! without expanding macros.
//!
//! Every string of a call is in its client's encoding: the arguments, the answer, and
//! the last error of a failure once the client is found.

use crate::buffer::Out;
use crate::client::{self, Open};
use crate::error::Failure;
use crate::guard;
use crate::text::{self, Encoding};
use serde_json::{Map, Value};
use std::ffi::c_char;

/// The body of an export on the client `id`: the client, held for the call, runs
/// `body`; a failure after the lookup is in the client's encoding.
pub(crate) fn on_client<T>(
    id: i32,
    body: impl FnOnce(&Open) -> Result<T, Failure>,
) -> Result<T, Failure> {
    let open = client::get(id)?;
    body(&open).map_err(|f| f.in_encoding(open.encoding))
}

/// [`on_client`] for an export that writes an answer: `body` reads the arguments and
/// calls; its answer is delivered into `out` in the client's encoding.
pub(crate) fn answer(
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
pub(crate) unsafe fn named(
    open: &Open,
    id: &str,
    args: &[(&str, *const c_char)],
) -> Result<Value, Failure> {
    let mut params = Map::new();
    for &(name, ptr) in args {
        // SAFETY: forwarded contract.
        let value = unsafe { text::arg(ptr, name, open.encoding) }?;
        params.insert(name.to_owned(), Value::String(value));
    }
    Ok(open.client.call_blocking(id, Value::Object(params))?)
}

/// The arguments every call export reads, in `encoding` (its client's): the call id
/// (`call_id`) and its parameters (`params_json`, parsed as JSON). A NULL pointer or
/// malformed JSON is `MESLINK_E_INVALID_ARGUMENT`, text not in the encoding
/// `MESLINK_E_ENCODING`, each naming the argument.
///
/// # Safety
/// `call_id`, `params_json`: NULL or NUL-terminated strings.
pub(crate) unsafe fn call_args(
    call_id: *const c_char,
    params_json: *const c_char,
    encoding: Encoding,
) -> Result<(String, Value), Failure> {
    // SAFETY (both): forwarded contract.
    let id = unsafe { text::arg(call_id, "call_id", encoding) }?;
    let params = unsafe { text::json_arg(params_json, "params_json", encoding) }?;
    Ok((id, params))
}

/// The generic call, its answer the server's JSON or (`typed`) the call's model.
///
/// # Safety
/// As `meslink_client_call`.
unsafe fn generic(
    client: i32,
    call_id: *const c_char,
    params_json: *const c_char,
    buf: *mut c_char,
    cap: u32,
    out_len: *mut u32,
    typed: bool,
) -> Result<i32, Failure> {
    // SAFETY (all blocks): the caller's contract.
    let out = unsafe { Out::new(buf, cap, out_len) }?;
    answer(&out, client, |c| {
        let (id, params) = unsafe { call_args(call_id, params_json, c.encoding) }?;
        Ok(if typed {
            c.client.call_typed_blocking(&id, params)?
        } else {
            c.client.call_blocking(&id, params)?
        })
    })
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
    // SAFETY: the caller's contract above.
    guard::call("meslink_client_call", || unsafe {
        generic(client, call_id, params_json, buf, cap, out_len, false)
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
            let (id, params) = unsafe { call_args(call_id, params_json, c.encoding) }?;
            let items =
                meslink::runtime::block_on(c.client.energy_all_pages(&id, params, per_page))??;
            Ok(Value::Array(items))
        })
    })
}

/// The typed answer of a call (what the C# and Python wrappers read their generated
/// models from): as `meslink_client_call`, but the answer is the call's model as the
/// catalog names it (`meslink catalog --json`, `answer`), normalised by the core: a work
/// order as `{"SERIAL_NUMBER",...,"raw"}`, the organization tree with ordered `children`
/// and levels, the trace tree with its children under `trees`; `null` for a call that
/// answers nothing; the server's JSON for the others.
///
/// Buffer rules, encoding, ownership and thread-safety as `meslink_client_call`.
///
/// Returns the statuses of `meslink_client_call`.
///
/// # Safety
/// As `meslink_client_call`.
#[no_mangle]
pub unsafe extern "C" fn meslink_client_call_typed(
    client: i32,
    call_id: *const c_char,
    params_json: *const c_char,
    buf: *mut c_char,
    cap: u32,
    out_len: *mut u32,
) -> i32 {
    // SAFETY: the caller's contract above.
    guard::call("meslink_client_call_typed", || unsafe {
        generic(client, call_id, params_json, buf, cap, out_len, true)
    })
}
