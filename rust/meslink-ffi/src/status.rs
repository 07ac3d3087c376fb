//! Status codes: what every export returns, their static names, and the mapping from
//! the core's [`meslink::ErrorKind`].
//!
//! 0 is success, positive values are non-error states, negative values are errors.
//! The constants are plain `pub const` items so that cbindgen writes them into
//! `include/meslink.h` as `#define`s and the build script into the C# `NativeMethods`.

use crate::guard;
use meslink::ErrorKind;
use std::ffi::c_char;

/// Success.
pub const MESLINK_OK: i32 = 0;
/// Not an error: the operation has started and is not finished yet.
pub const MESLINK_PENDING: i32 = 1;
/// Not an error: a poll found no event before its timeout.
pub const MESLINK_NO_EVENT: i32 = 2;
/// Not an error: the stream or object reached its normal end.
pub const MESLINK_CLOSED: i32 = 3;

/// An argument is unusable: a NULL pointer, malformed JSON, an unknown call id, a
/// missing or wrong parameter, a buffer pointer that is NULL while its capacity is not 0.
pub const MESLINK_E_INVALID_ARGUMENT: i32 = -1;
/// The handle was never issued, is already closed, or is stale.
pub const MESLINK_E_INVALID_HANDLE: i32 = -2;
/// The caller's buffer is too small: `*out_len` holds the length needed (without the
/// NUL) and the answer is kept for `meslink_answer_fetch`.
pub const MESLINK_E_BUFFER_TOO_SMALL: i32 = -3;
/// An input string is not valid in the client's encoding (UTF-8 or GB18030).
pub const MESLINK_E_ENCODING: i32 = -4;
/// The call is documented but not implemented by this build.
pub const MESLINK_E_NOT_IMPLEMENTED: i32 = -5;
/// The server could not be reached or the connection broke.
pub const MESLINK_E_TRANSPORT: i32 = -6;
/// The server did not answer in time.
pub const MESLINK_E_TIMEOUT: i32 = -7;
/// Login was refused, or the token was rejected after a fresh login.
pub const MESLINK_E_AUTH: i32 = -8;
/// The server refused the request in its own words (see the last error's server message).
pub const MESLINK_E_BUSINESS: i32 = -9;
/// The server answered an HTTP error status without a business message.
pub const MESLINK_E_HTTP: i32 = -10;
/// The server answered something its document does not describe.
pub const MESLINK_E_PROTOCOL: i32 = -11;
/// The object was closed while the call was waiting.
pub const MESLINK_E_CLOSED: i32 = -12;
/// The call was cancelled (`meslink_op_cancel`, `meslink_client_cancel_all`) before its
/// answer was read.
pub const MESLINK_E_CANCELLED: i32 = -13;
/// A bug inside meslink (a caught panic, an exhausted internal limit); please report it.
pub const MESLINK_E_INTERNAL: i32 = -99;

/// `meslink_client_open_ex`, `meslink_encoding_set`: strings in and out are UTF-8 (the
/// initial default).
pub const MESLINK_ENCODING_UTF8: i32 = 0;
/// `meslink_client_open_ex`, `meslink_encoding_set`: strings in and out are GB18030
/// (LabVIEW on Chinese Windows).
pub const MESLINK_ENCODING_GB18030: i32 = 1;

/// `meslink_log_set_level`, `meslink_log_set_callback`: no records.
pub const MESLINK_LOG_OFF: i32 = 0;
/// Log level: failures meslink could not work around (a damaged spool file).
pub const MESLINK_LOG_ERROR: i32 = 1;
/// Log level: trouble worked around (TLS checking off, a parked spool record, a stream
/// session lost).
pub const MESLINK_LOG_WARN: i32 = 2;
/// Log level: retries, logins and re-logins, token renewals, reconnects, spool retries.
pub const MESLINK_LOG_INFO: i32 = 3;
/// Log level: every answer's status and size, deliveries of spooled records.
pub const MESLINK_LOG_DEBUG: i32 = 4;
/// Log level: everything meslink logs.
pub const MESLINK_LOG_TRACE: i32 = 5;

/// The status of a core error kind.
pub(crate) fn from_kind(kind: ErrorKind) -> i32 {
    match kind {
        ErrorKind::InvalidArgument => MESLINK_E_INVALID_ARGUMENT,
        ErrorKind::InvalidHandle => MESLINK_E_INVALID_HANDLE,
        ErrorKind::Encoding => MESLINK_E_ENCODING,
        ErrorKind::NotImplemented => MESLINK_E_NOT_IMPLEMENTED,
        ErrorKind::Transport => MESLINK_E_TRANSPORT,
        ErrorKind::Timeout => MESLINK_E_TIMEOUT,
        ErrorKind::Auth => MESLINK_E_AUTH,
        ErrorKind::Business => MESLINK_E_BUSINESS,
        ErrorKind::Http => MESLINK_E_HTTP,
        ErrorKind::Protocol => MESLINK_E_PROTOCOL,
        ErrorKind::Closed => MESLINK_E_CLOSED,
        ErrorKind::Cancelled => MESLINK_E_CANCELLED,
        _ => MESLINK_E_INTERNAL,
    }
}

/// The static, NUL-terminated name of a status (the text is ASCII, the same in every
/// encoding).
pub(crate) fn name(status: i32) -> &'static str {
    match status {
        MESLINK_OK => "ok\0",
        MESLINK_PENDING => "pending\0",
        MESLINK_NO_EVENT => "no event\0",
        MESLINK_CLOSED => "closed\0",
        MESLINK_E_INVALID_ARGUMENT => "invalid argument\0",
        MESLINK_E_INVALID_HANDLE => "invalid handle\0",
        MESLINK_E_BUFFER_TOO_SMALL => "buffer too small\0",
        MESLINK_E_ENCODING => "encoding error\0",
        MESLINK_E_NOT_IMPLEMENTED => "not implemented\0",
        MESLINK_E_TRANSPORT => "transport error\0",
        MESLINK_E_TIMEOUT => "timeout\0",
        MESLINK_E_AUTH => "authentication failed\0",
        MESLINK_E_BUSINESS => "refused by the server\0",
        MESLINK_E_HTTP => "HTTP error\0",
        MESLINK_E_PROTOCOL => "protocol error\0",
        MESLINK_E_CLOSED => "closed while waiting\0",
        MESLINK_E_CANCELLED => "cancelled\0",
        MESLINK_E_INTERNAL => "internal error\0",
        _ => "unknown status\0",
    }
}

/// The English name of a status code, e.g. "invalid handle" for
/// `MESLINK_E_INVALID_HANDLE`; "unknown status" for a value that is not a status.
///
/// Returns a static NUL-terminated ASCII string, never NULL; the library owns it and
/// the caller must not free or modify it. Does not touch the last error.
/// Thread-safe.
#[no_mangle]
pub extern "C" fn meslink_status_str(status: i32) -> *const c_char {
    guard::static_str(|| name(status))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_a_named_status() {
        for kind in ErrorKind::ALL {
            let status = from_kind(kind);
            assert!(status < 0);
            assert_ne!(name(status), "unknown status\0", "{kind:?}");
        }
        assert_eq!(name(12345), "unknown status\0");
        assert!(name(MESLINK_E_BUFFER_TOO_SMALL).ends_with('\0'));
    }
}
