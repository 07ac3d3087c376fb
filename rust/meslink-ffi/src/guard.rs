//! The wrapper of every export: no panic crosses the ABI, and the last error is kept
//! up to date.

use crate::error::{self, Failure};
use crate::status::MESLINK_E_INTERNAL;
use std::ffi::c_char;
use std::panic::{catch_unwind, AssertUnwindSafe};

/// Runs the body of the export `name`: success clears this thread's last error, a
/// failure stores it (prefixed with `name` when it does not belong to a call id), a
/// panic becomes `MESLINK_E_INTERNAL` with an "internal error: ..." last error.
pub(crate) fn call(name: &'static str, body: impl FnOnce() -> Result<i32, Failure>) -> i32 {
    match catch_unwind(AssertUnwindSafe(body)) {
        Ok(Ok(status)) => {
            error::clear();
            status
        }
        Ok(Err(mut failure)) => {
            if failure.error.call.is_none() {
                failure.error.message = format!("{name}: {}", failure.error.message);
            }
            let status = failure.status;
            error::set(failure);
            status
        }
        Err(payload) => {
            error::set(error::panic_failure(name, &*payload));
            MESLINK_E_INTERNAL
        }
    }
}

/// Runs the body of a last-error reader: the last error is left alone, whatever the
/// outcome, except after a panic (a bug), which is reported like in [`call`].
pub(crate) fn reader(body: impl FnOnce() -> Result<i32, Failure>) -> i32 {
    match catch_unwind(AssertUnwindSafe(body)) {
        Ok(Ok(status)) => status,
        Ok(Err(failure)) => failure.status,
        Err(payload) => {
            error::set(error::panic_failure("meslink_error_last", &*payload));
            MESLINK_E_INTERNAL
        }
    }
}

/// Runs the body of an export that answers a static NUL-terminated string.
pub(crate) fn static_str(body: impl FnOnce() -> &'static str) -> *const c_char {
    let text = catch_unwind(AssertUnwindSafe(body)).unwrap_or("internal error\0");
    debug_assert!(text.ends_with('\0'));
    text.as_ptr().cast()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::status::{MESLINK_E_INVALID_ARGUMENT, MESLINK_OK};

    fn last() -> String {
        let mut buf = [0 as c_char; 512];
        let mut len = 0u32;
        // SAFETY: a local buffer of the size given.
        let rc = unsafe { crate::meslink_error_last(buf.as_mut_ptr(), 512, &mut len) };
        assert_eq!(rc, MESLINK_OK);
        // SAFETY: NUL-terminated by meslink_error_last.
        unsafe { std::ffi::CStr::from_ptr(buf.as_ptr()) }
            .to_string_lossy()
            .into_owned()
    }

    #[test]
    fn a_panic_becomes_internal() {
        let rc = call("meslink_test", || panic!("boom"));
        assert_eq!(rc, MESLINK_E_INTERNAL);
        let msg = last();
        assert!(
            msg.starts_with("internal error: meslink_test panicked: boom"),
            "{msg}"
        );
        let rc = call("meslink_test", || Err(Failure::invalid("bad")));
        assert_eq!(rc, MESLINK_E_INVALID_ARGUMENT);
        assert_eq!(last(), "meslink_test: bad");
        assert_eq!(
            last(),
            "meslink_test: bad",
            "reading cleared the last error"
        );
        assert_eq!(call("meslink_test", || Ok(MESLINK_OK)), MESLINK_OK);
        assert_eq!(last(), "");
        let p = static_str(|| panic!("x"));
        assert!(!p.is_null());
    }
}
