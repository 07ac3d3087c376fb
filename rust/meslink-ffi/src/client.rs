//! Client handles: open, close, and the lookup every call makes.

use crate::error::Failure;
use crate::guard;
use crate::handles::Registry;
use crate::status::MESLINK_OK;
use crate::text::{self, Encoding};
use meslink::Client;
use std::ffi::c_char;
use std::sync::Arc;

/// An open client and the encoding of its strings, in and out.
pub(crate) struct Open {
    pub client: Client,
    pub encoding: Encoding,
}

/// Every open client. A call holds the `Arc` from [`get`] for its whole duration, so a
/// concurrent close only removes the id: the client is freed when the last call on it
/// returns.
static CLIENTS: Registry<Open> = Registry::new();

/// The client behind `id`, held for the length of a call.
pub(crate) fn get(id: i32) -> Result<Arc<Open>, Failure> {
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
/// The client's strings, in and out, are in the process default encoding as it is now
/// (`meslink_encoding_set`; UTF-8 unless set), starting with `config_json`; a later
/// `meslink_encoding_set` does not change it. To choose the encoding, use
/// `meslink_client_open_ex`.
///
/// `config_json` is the JSON configuration; the caller keeps ownership. Sections of
/// servers you do not use are left out; unknown keys are refused:
/// `{"ate":{"base_url":"https://epms.example.com","emp_no":"ate","password":"..."},
/// "grading":{"base_url":"http://mes.example.com:8080","datasource":"MES01"},
/// "timeout_ms":30000,"connect_timeout_ms":5000,
/// "retry":{"max_attempts":4,"initial_backoff_ms":100,"max_backoff_ms":2000},
/// "tls":{"ca_file":"plant-ca.pem"}}`.
///
/// On `MESLINK_OK`, `*out_client` receives the handle, a positive id; close it with
/// `meslink_client_close`. On any failure `*out_client` is set to 0 (never a valid
/// handle) when `out_client` is not NULL; the last error is in the client's encoding.
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
        let encoding = Encoding::process_default();
        // SAFETY: the caller's contract above.
        unsafe { open(config_json, Ok(encoding), out_client) }
    })
}

/// `meslink_client_open` with the client's encoding given: `config_json` and every
/// string of the client's calls, in and out (arguments, answers, the last error of a
/// failed call), are in `encoding`, whatever the process default
/// (`meslink_encoding_set`) is or becomes. `encoding` is `MESLINK_ENCODING_UTF8` or
/// `MESLINK_ENCODING_GB18030` (LabVIEW on Chinese Windows).
///
/// Clients of different encodings may be used in one process at once, from any
/// threads: e.g. LabVIEW steps with a GB18030 client next to .NET steps with a UTF-8
/// one.
///
/// Returns the statuses of `meslink_client_open`; an unknown `encoding` is
/// `MESLINK_E_INVALID_ARGUMENT` (`*out_client` = 0). The last error of a failed open
/// is in `encoding` (in the process default if `encoding` is unknown).
///
/// # Safety
/// As for `meslink_client_open`.
#[no_mangle]
pub unsafe extern "C" fn meslink_client_open_ex(
    config_json: *const c_char,
    encoding: i32,
    out_client: *mut i32,
) -> i32 {
    guard::call("meslink_client_open_ex", || {
        // SAFETY: the caller's contract above.
        unsafe { open(config_json, Encoding::from_c(encoding), out_client) }
    })
}

/// Both opens: `*out_client` = 0 first, then `encoding` (an unknown one is its
/// failure), then the client. Every failure after that is in `encoding`.
///
/// # Safety
/// As for `meslink_client_open`.
unsafe fn open(
    config_json: *const c_char,
    encoding: Result<Encoding, Failure>,
    out_client: *mut i32,
) -> Result<i32, Failure> {
    if !out_client.is_null() {
        // SAFETY: non-NULL; writable per the caller's contract.
        unsafe { out_client.write_unaligned(0) };
    }
    let encoding = encoding?;
    let opened = || {
        if out_client.is_null() {
            return Err(Failure::invalid("`out_client` is NULL"));
        }
        // SAFETY: the caller's contract.
        let config = unsafe { text::arg(config_json, "config_json", encoding) }?;
        let client = Client::from_json(&config)?;
        let logs_as = client.clone();
        let id = CLIENTS.insert(Open { client, encoding }).ok_or_else(|| {
            Failure::internal("65,535 clients are open; close some with meslink_client_close")
        })?;
        // Its log records carry the handle as `client`.
        logs_as.set_log_id(id.into());
        // SAFETY: checked non-NULL above; writable per the caller's contract.
        unsafe { out_client.write_unaligned(id) };
        Ok(MESLINK_OK)
    };
    opened().map_err(|f| f.in_encoding(encoding))
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
        // Server sessions (the energy platform's login) end in the background, so that
        // close never waits on the network.
        let closing = removed.client.clone();
        meslink::runtime::get().spawn(async move { closing.close().await });
        drop(removed);
        Ok(MESLINK_OK)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::status::{
        MESLINK_ENCODING_GB18030, MESLINK_ENCODING_UTF8, MESLINK_E_INVALID_ARGUMENT,
    };
    use std::ffi::CString;

    /// This thread's last error, as bytes.
    fn last() -> Vec<u8> {
        let mut buf = [0 as c_char; 1024];
        let mut len = 0u32;
        // SAFETY: a local buffer of the size given.
        let rc = unsafe { crate::meslink_error_last(buf.as_mut_ptr(), 1024, &mut len) };
        assert_eq!(rc, MESLINK_OK);
        buf[..len as usize].iter().map(|&b| b as u8).collect()
    }

    fn contains(haystack: &[u8], needle: &[u8]) -> bool {
        haystack.windows(needle.len()).any(|w| w == needle)
    }

    #[test]
    fn open_ex_reads_the_config_and_reports_in_its_encoding() {
        let gb = |s: &str| encoding_rs::GB18030.encode(s).0.into_owned();
        let mut id = -1;
        // An unknown key in Chinese: the error names it, in the encoding asked for.
        let config = CString::new(gb(r#"{"工位":1}"#)).unwrap();
        let rc =
            unsafe { meslink_client_open_ex(config.as_ptr(), MESLINK_ENCODING_GB18030, &mut id) };
        assert_eq!((rc, id), (MESLINK_E_INVALID_ARGUMENT, 0));
        assert!(contains(&last(), &gb("工位")), "{:?}", last());
        assert!(!contains(&last(), "工位".as_bytes()));
        let config = CString::new(r#"{"工位":1}"#).unwrap();
        let rc = unsafe { meslink_client_open_ex(config.as_ptr(), MESLINK_ENCODING_UTF8, &mut id) };
        assert_eq!((rc, id), (MESLINK_E_INVALID_ARGUMENT, 0));
        assert!(contains(&last(), "工位".as_bytes()));

        // An unknown encoding.
        id = -1;
        let ok = CString::new(r#"{"ate":{"base_url":"http://127.0.0.1:1"}}"#).unwrap();
        let rc = unsafe { meslink_client_open_ex(ok.as_ptr(), 7, &mut id) };
        assert_eq!((rc, id), (MESLINK_E_INVALID_ARGUMENT, 0));
        assert!(contains(&last(), b"unknown encoding 7"));
        let rc = unsafe { meslink_client_open_ex(ok.as_ptr(), 7, std::ptr::null_mut()) };
        assert_eq!(rc, MESLINK_E_INVALID_ARGUMENT);

        // A GB18030 configuration opens a client that keeps the encoding.
        let config =
            r#"{"ate":{"base_url":"http://127.0.0.1:1","emp_no":"ate","password":"密码"}}"#;
        let config = CString::new(gb(config)).unwrap();
        let rc =
            unsafe { meslink_client_open_ex(config.as_ptr(), MESLINK_ENCODING_GB18030, &mut id) };
        assert_eq!(rc, MESLINK_OK);
        assert_eq!(get(id).unwrap().encoding, Encoding::Gb18030);
        assert_eq!(meslink_client_close(id), MESLINK_OK);
    }
}
