//! The batch call: many records of one call id in one export, sent with bounded
//! concurrency, each answered on its own in a JSON array.

use crate::buffer::Out;
use crate::client;
use crate::error::Failure;
use crate::{guard, status, text};
use serde_json::{json, Value};
use std::ffi::c_char;

/// The JSON item of one record's outcome.
fn item(outcome: meslink::Result<Value>) -> Value {
    match outcome {
        Ok(answer) => json!({ "ok": answer }),
        Err(e) => json!({ "error": {
            "kind": e.kind.name(),
            "code": status::from_kind(e.kind),
            "message": e.to_string(),
            "server_code": e.server_code,
            "server_message": e.server_message,
        }}),
    }
}

/// Sends every element of `params_array_json` (a JSON array of parameter objects) as
/// the call `call_id`, at most `concurrency` requests at a time over the client's
/// connection pool (0 = the default, 8; at most 256), and writes one JSON array into
/// `buf`, an item per record in the order of the input:
/// `[{"ok":{"state":1,"msg":"保存成功","resBody":null}},
///   {"error":{"kind":"invalid_argument","code":-1,"message":"grading.save: ...",
///   "server_code":null,"server_message":null}}]`.
/// `code` is the `MESLINK_E_*` status the record would have had on its own; `message`
/// the text `meslink_error_last` would give; `server_code` / `server_message` the
/// server's own code and words when it gave them.
///
/// Every record is checked against the catalog before anything is sent; a bad record
/// gets its own error item and is not sent, the others are sent. Each sent record has
/// the retries and authentication of `meslink_client_call` (an SN upload is never
/// repeated once it may have reached the server). The export returns `MESLINK_OK` when
/// the array is written, whatever the records' outcomes: look at every item.
///
/// `params_array_json` that is not valid JSON or not an array, or an unknown
/// `call_id`, is `MESLINK_E_INVALID_ARGUMENT` and sends nothing. Blocks the calling
/// thread until every record is answered (each within the configured timeout and
/// retries).
///
/// Buffer rules (the kept answer on `MESLINK_E_BUFFER_TOO_SMALL`: size the buffer for
/// about 100 bytes a record, or fetch with `meslink_answer_fetch`), encoding, ownership
/// and thread-safety as `meslink_client_call`.
///
/// Returns `MESLINK_OK`, `MESLINK_E_BUFFER_TOO_SMALL`, `MESLINK_E_INVALID_ARGUMENT`,
/// `MESLINK_E_INVALID_HANDLE`, `MESLINK_E_ENCODING`, `MESLINK_E_INTERNAL`.
///
/// # Safety
/// `call_id`, `params_array_json`: NULL or NUL-terminated strings. `buf`: NULL or
/// `cap` writable bytes. `out_len`: NULL or a writable `uint32_t`.
#[no_mangle]
pub unsafe extern "C" fn meslink_client_call_batch(
    client: i32,
    call_id: *const c_char,
    params_array_json: *const c_char,
    concurrency: u32,
    buf: *mut c_char,
    cap: u32,
    out_len: *mut u32,
) -> i32 {
    guard::call("meslink_client_call_batch", || {
        // SAFETY (all blocks): the caller's contract above.
        let out = unsafe { Out::new(buf, cap, out_len) }?;
        let open = client::get(client).inspect_err(|_| out.blank())?;
        let enc = open.encoding;
        out.deliver(|| {
            let id = unsafe { text::arg(call_id, "call_id", enc) }?;
            let records =
                match unsafe { text::json_arg(params_array_json, "params_array_json", enc) }? {
                    Value::Array(items) => items,
                    other => {
                        return Err(Failure::invalid(format!(
                            "`params_array_json` must be a JSON array of parameter objects, got {}",
                            kind_of(&other)
                        )))
                    }
                };
            meslink::catalog::find(&id)?;
            let answers = open
                .client
                .call_batch_blocking(&id, records, concurrency as usize);
            let array = Value::Array(answers.into_iter().map(item).collect());
            Ok(text::encode_out(&array.to_string(), enc))
        })
        .map_err(|f| f.in_encoding(enc))
    })
}

fn kind_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}
