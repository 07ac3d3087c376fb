//! Client handles: open, close, and the lookup every call makes.

use crate::error::Failure;
use crate::status::MESLINK_OK;
use crate::{guard, text};
use meslink::handles::Registry;
use meslink::Client;
use std::ffi::c_char;
use std::sync::Arc;

/// Every open client. A call holds the `Arc` from [`get`] for its whole duration, so a
/// concurrent close only removes the id: the client is freed when the last call on it
/// returns.
static CLIENTS: Registry<Client> = Registry::new();

/// The client behind `id`, held for the length of a call.
pub(crate) fn get(id: i32) -> Result<Arc<Client>, Failure> {
    CLIENTS.get(id).ok_or_else(|| not_open(id))
}

fn not_open(id: i32) -> Failure {
    Failure::handle(format!(
        "client handle {id} is not open (never issued, already closed, or stale)"
    ))
}

/// Opens a client: one HTTP connection pool and the login state of every configured
/// server. Nothing is sent yet: the first call logs in by itself.
///
/// `config_json` is the JSON configuration (in the encoding set by
/// `meslink_encoding_set`); the caller keeps ownership. Sections of servers you do not
/// use are left out; unknown keys are refused:
/// `{"ate":{"base_url":"https://epms.example.com","emp_no":"ate","password":"..."},
/// "grading":{"base_url":"http://mes.example.com:8080","datasource":"MES01"},
/// "timeout_ms":30000,"connect_timeout_ms":5000,
/// "retry":{"max_attempts":4,"initial_backoff_ms":100,"max_backoff_ms":2000},
/// "tls":{"ca_file":"plant-ca.pem"}}`.
///
/// On `MESLINK_OK`, `*out_client` receives the handle, a positive id; close it with
/// `meslink_client_close`. On any failure `*out_client` is set to 0 (never a valid
/// handle) when `out_client` is not NULL.
///
/// Thread-safe; the handle may be used from any number of threads at once.
///
/// Returns `MESLINK_OK`, `MESLINK_E_INVALID_ARGUMENT` (a NULL pointer, malformed JSON,
/// an unknown key, an invalid URL or timeout), `MESLINK_E_ENCODING`,
/// `MESLINK_E_INTERNAL` (65,535 clients already open, or a bug).
///
/// # Safety
/// `config_json` must be NULL or a NUL-terminated string; `out_client` must be NULL or
/// point to a writable `int32_t`.
#[no_mangle]
pub unsafe extern "C" fn meslink_client_open(
    config_json: *const c_char,
    out_client: *mut i32,
) -> i32 {
    guard::call("meslink_client_open", || {
        if out_client.is_null() {
            return Err(Failure::invalid("`out_client` is NULL"));
        }
        // SAFETY: checked non-NULL; writable per the contract above.
        unsafe { out_client.write_unaligned(0) };
        // SAFETY: the caller's contract above.
        let config = unsafe { text::arg(config_json, "config_json") }?;
        let client = Client::from_json(&config)?;
        let id = CLIENTS.insert(client).ok_or_else(|| {
            Failure::internal("65,535 clients are open; close some with meslink_client_close")
        })?;
        // SAFETY: as above.
        unsafe { out_client.write_unaligned(id) };
        Ok(MESLINK_OK)
    })
}

/// Closes a client and frees it. The id is invalid from now on: a second close, or a
/// later call with it, returns `MESLINK_E_INVALID_HANDLE` (ids are generation-checked,
/// so an old id never reaches a client opened later).
///
/// Safe while other threads are inside calls on the same client: those calls finish
/// normally (an upload already sent is not abandoned half-way), and the client is
/// freed when the last of them returns. Close returns at once, without waiting for
/// them.
///
/// Thread-safe.
///
/// Returns `MESLINK_OK`, `MESLINK_E_INVALID_HANDLE`.
#[no_mangle]
pub extern "C" fn meslink_client_close(client: i32) -> i32 {
    guard::call("meslink_client_close", || {
        let removed = CLIENTS.remove(client).ok_or_else(|| not_open(client))?;
        drop(removed);
        Ok(MESLINK_OK)
    })
}
