//! The thread-local last error: what failed, in words and as JSON.
//!
//! Every export that fails stores its error here (on the calling thread); every export
//! that succeeds clears it, except the two readers below, which never change it, so a
//! message can be read twice or again with a bigger buffer. The error is stored with
//! the encoding its text is given in: that of the client whose call failed, that asked
//! of the failed open, or else the process default at the time of the failure.

use crate::buffer::Out;
use crate::guard;
use crate::status::{self, MESLINK_E_BUFFER_TOO_SMALL, MESLINK_E_INTERNAL};
use crate::text::{self, Encoding};
use meslink::{Error, ErrorKind};
use serde_json::json;
use std::cell::RefCell;
use std::ffi::c_char;

/// A failed export: its status, the kind name of the JSON form, the error, and the
/// encoding of the client it belongs to (`None`: the process default).
#[derive(Debug)]
pub(crate) struct Failure {
    pub status: i32,
    pub kind: &'static str,
    /// Boxed: a failure travels in every export's `Result`, which stays small so.
    pub error: Box<Error>,
    pub encoding: Option<Encoding>,
}

impl From<Error> for Failure {
    fn from(error: Error) -> Self {
        Failure {
            status: status::from_kind(error.kind),
            kind: error.kind.name(),
            error: Box::new(error),
            encoding: None,
        }
    }
}

impl Failure {
    pub fn invalid(message: impl Into<String>) -> Self {
        Error::invalid(message).into()
    }

    pub fn encoding(message: impl Into<String>) -> Self {
        Error::new(ErrorKind::Encoding, message).into()
    }

    pub fn handle(message: impl Into<String>) -> Self {
        Error::new(ErrorKind::InvalidHandle, message).into()
    }

    pub fn internal(message: impl Into<String>) -> Self {
        Error::internal(message).into()
    }

    /// The caller's buffer cannot hold `needed` bytes and the NUL.
    pub fn too_small(needed: usize, kept: bool) -> Self {
        let tail = if kept {
            "; the answer is kept: fetch it with meslink_answer_fetch"
        } else {
            ""
        };
        Failure {
            status: MESLINK_E_BUFFER_TOO_SMALL,
            kind: "buffer_too_small",
            error: Box::new(Error::invalid(format!(
                "the buffer is too small: {needed} bytes and the terminating NUL are needed{tail}"
            ))),
            encoding: None,
        }
    }

    /// The failure, read out in `encoding` (the encoding of the client it belongs to)
    /// unless an encoding is already set.
    pub fn in_encoding(mut self, encoding: Encoding) -> Self {
        self.encoding.get_or_insert(encoding);
        self
    }

    /// The text of `meslink_error_last`: the core error's Display (call id, message
    /// with the server's words, server code, HTTP status).
    pub fn text(&self) -> String {
        self.error.to_string()
    }

    /// The text of `meslink_error_last_json`.
    pub fn json(&self) -> String {
        let e = &self.error;
        json!({
            "status": self.status,
            "kind": self.kind,
            "message": self.text(),
            "call": e.call,
            "http_status": e.http_status,
            "server_code": e.server_code,
            "server_message": e.server_message,
            "cause": e.cause.as_deref().map(|c| json!({
                "kind": c.kind.name(),
                "message": c.to_string(),
                "call": c.call,
                "http_status": c.http_status,
                "server_code": c.server_code,
                "server_message": c.server_message,
            })),
        })
        .to_string()
    }
}

thread_local! {
    /// This thread's last error and the encoding it is read out in; `None` after a
    /// success.
    static LAST: RefCell<Option<(Failure, Encoding)>> = const { RefCell::new(None) };
}

/// Stores `failure` as this thread's last error, in its encoding or else the process
/// default of now.
pub(crate) fn set(failure: Failure) {
    let encoding = failure.encoding.unwrap_or_else(Encoding::process_default);
    // try_with/try_borrow_mut: never panic here, even during thread teardown.
    let _ = LAST.try_with(|last| {
        if let Ok(mut slot) = last.try_borrow_mut() {
            *slot = Some((failure, encoding));
        }
    });
}

/// Forgets this thread's last error.
pub(crate) fn clear() {
    let _ = LAST.try_with(|last| {
        if let Ok(mut slot) = last.try_borrow_mut() {
            *slot = None;
        }
    });
}

/// The text `f` makes of this thread's last error (`None` when there is none), encoded
/// as that error is stored (the process default when there is none).
fn last_encoded(f: impl FnOnce(Option<&Failure>) -> String) -> Vec<u8> {
    last_encoded_with(f).0
}

/// [`last_encoded`] and the encoding of its bytes.
fn last_encoded_with(f: impl FnOnce(Option<&Failure>) -> String) -> (Vec<u8>, Encoding) {
    LAST.with(|last| match last.borrow().as_ref() {
        Some((failure, encoding)) => (text::encode_out(&f(Some(failure)), *encoding), *encoding),
        None => {
            let encoding = Encoding::process_default();
            (text::encode_out(&f(None), encoding), encoding)
        }
    })
}

/// Copies this thread's last error message into `buf`: the call id, meslink's
/// description with the server's own message, the server code and the HTTP status,
/// e.g. `ate.sn_detail.upload: the server refused: SN RULER CHECK NG!FIX [HTTP 200]`.
/// An empty string when the last export called on this thread succeeded (or none was).
///
/// The message is encoded in the encoding of the client whose call failed (see
/// `meslink_client_open_ex`); for a failed open, in the encoding the open was asked for;
/// for a failure not tied to a client, in the process default (`meslink_encoding_set`)
/// at the time of the failure.
///
/// Parameters: `buf` receives the NUL-terminated message (the caller owns it; it may be
/// NULL when `cap` is 0); `cap` is its size in bytes; `out_len` (may be NULL) receives
/// the message length without the NUL, also when the buffer is too small.
///
/// When the message does not fit, `buf` still receives as much of it as fits, cut at a
/// character boundary of its encoding (never half a character, never an empty text
/// when `cap` is above the longest character), and the function returns
/// `MESLINK_E_BUFFER_TOO_SMALL` with `*out_len` = the whole message's length.
///
/// This function does NOT change the last error, whatever it returns: call it again
/// with a bigger buffer after `MESLINK_E_BUFFER_TOO_SMALL`. Thread-safe; each thread
/// has its own last error.
///
/// Returns `MESLINK_OK`, `MESLINK_E_BUFFER_TOO_SMALL` (the message cut short;
/// `*out_len` = length needed), `MESLINK_E_INVALID_ARGUMENT` (`buf` NULL with `cap`
/// above 0).
///
/// # Safety
/// `buf` must be NULL or point to `cap` writable bytes; `out_len` must be NULL or
/// point to a writable `uint32_t`.
#[no_mangle]
pub unsafe extern "C" fn meslink_error_last(buf: *mut c_char, cap: u32, out_len: *mut u32) -> i32 {
    guard::reader(|| {
        // SAFETY: the caller's contract above.
        let out = unsafe { Out::new(buf, cap, out_len)? };
        let (bytes, encoding) = last_encoded_with(|f| f.map(Failure::text).unwrap_or_default());
        out.write_now(&bytes).inspect_err(|f| {
            if f.status == MESLINK_E_BUFFER_TOO_SMALL && cap > 0 {
                let n = text::prefix_len(&bytes, encoding, cap as usize - 1);
                // SAFETY: cap > 0, so `buf` is non-NULL with `cap` writable bytes (the
                // caller's contract), and n + 1 <= cap; the source is a distinct slice.
                unsafe {
                    std::ptr::copy_nonoverlapping(bytes.as_ptr(), buf.cast::<u8>(), n);
                    buf.add(n).write(0);
                }
            }
        })
    })
}

/// Copies this thread's last error as a JSON object into `buf`:
/// `{"status":-9,"kind":"business","message":"...","call":"ate.sn_detail.upload",
/// "http_status":200,"server_code":null,"server_message":"SN RULER CHECK NG!FIX"}`
/// (the order of the fields is not significant).
///
/// `status` is the status the failing export returned; `kind` its lowercase name
/// (`invalid_argument`, `invalid_handle`, `buffer_too_small`, `encoding`,
/// `not_implemented`, `transport`, `timeout`, `auth`, `business`, `http`, `protocol`,
/// `closed`, `internal`); `message` is the text `meslink_error_last` gives; `call`,
/// `http_status`, `server_code` (text) and `server_message` (the server's words,
/// unchanged) are null when unknown. `cause` is null, or, when the call failed because a
/// call meslink made for it first failed (an implicit login or token renewal), that
/// call's `{"kind","message","call","http_status","server_code","server_message"}`
/// (`"call":"ate.login"`) while `call` stays the call made. With no last error:
/// `{"status":0,"kind":"ok","message":"",...}` with the other fields null.
///
/// Same buffer rules, encoding, ownership and thread-safety as `meslink_error_last`;
/// it does NOT change the last error either.
///
/// Returns `MESLINK_OK`, `MESLINK_E_BUFFER_TOO_SMALL`, `MESLINK_E_INVALID_ARGUMENT`.
///
/// # Safety
/// As for `meslink_error_last`.
#[no_mangle]
pub unsafe extern "C" fn meslink_error_last_json(
    buf: *mut c_char,
    cap: u32,
    out_len: *mut u32,
) -> i32 {
    guard::reader(|| {
        // SAFETY: the caller's contract above.
        let out = unsafe { Out::new(buf, cap, out_len)? };
        out.write_now(&last_encoded(|f| match f {
            Some(f) => f.json(),
            None => NO_ERROR_JSON.to_owned(),
        }))
    })
}

/// `meslink_error_last_json` with no last error: written out once (in the key order
/// `json!` gives) rather than built on every call, which cost microseconds.
const NO_ERROR_JSON: &str = r#"{"call":null,"cause":null,"http_status":null,"kind":"ok","message":"","server_code":null,"server_message":null,"status":0}"#;

/// The message of a caught panic.
pub(crate) fn panic_failure(export: &str, payload: &(dyn std::any::Any + Send)) -> Failure {
    let what = payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a panic without a message".into());
    let mut f = Failure::internal(format!(
        "internal error: {export} panicked: {what} (please report this meslink bug)"
    ));
    f.status = MESLINK_E_INTERNAL;
    f
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::status::MESLINK_OK;

    /// `meslink_error_last` into a buffer of `cap` bytes: status, `out_len`, the text.
    fn read(cap: usize) -> (i32, u32, Vec<u8>) {
        let mut buf = vec![0x55 as c_char; cap];
        let mut len = 0u32;
        let ptr = if cap == 0 {
            std::ptr::null_mut()
        } else {
            buf.as_mut_ptr()
        };
        // SAFETY: a local buffer of the size given.
        let rc = unsafe { meslink_error_last(ptr, cap as u32, &mut len) };
        let text = buf
            .iter()
            .take_while(|&&b| b != 0)
            .map(|&b| b as u8)
            .collect();
        (rc, len, text)
    }

    #[test]
    fn a_long_message_is_cut_at_a_character_boundary_never_emptied() {
        let message = format!("{}未找到。", "x".repeat(1019));
        for encoding in [Encoding::Utf8, Encoding::Gb18030] {
            set(Failure::invalid(message.clone()).in_encoding(encoding));
            let whole = text::encode_out(&message, encoding);
            // 1,024 bytes, as the LabVIEW guide recommends: cut, not empty.
            let (rc, len, got) = read(1024);
            assert_eq!(rc, MESLINK_E_BUFFER_TOO_SMALL, "{encoding:?}");
            assert_eq!(len as usize, whole.len());
            assert!(got.len() >= 1019 && got.len() <= 1023, "{}", got.len());
            assert!(whole.starts_with(&got), "{encoding:?}: not a prefix");
            match encoding {
                Encoding::Utf8 => assert!(std::str::from_utf8(&got).is_ok()),
                Encoding::Gb18030 => assert!(encoding_rs::GB18030
                    .decode_without_bom_handling_and_without_replacement(&got)
                    .is_some()),
            }
            let (rc, _, got) = read(8);
            assert_eq!(
                (rc, got.as_slice()),
                (MESLINK_E_BUFFER_TOO_SMALL, &b"xxxxxxx"[..])
            );
            // The error is unchanged: a big enough buffer gets all of it.
            let (rc, _, got) = read(whole.len() + 1);
            assert_eq!((rc, got), (MESLINK_OK, whole));
        }
        clear();
    }

    #[test]
    fn the_unknown_call_id_message_fits_a_small_buffer() {
        set(meslink::catalog::find("ate.sn_detail.gett")
            .unwrap_err()
            .into());
        let (rc, len, got) = read(1024);
        assert_eq!(rc, MESLINK_OK, "{len} bytes");
        let got = String::from_utf8(got).unwrap();
        assert!(got.contains("did you mean ate.sn_detail.get"), "{got}");
        assert!(len < 300, "{len} bytes: {got}");
        clear();
    }
}
