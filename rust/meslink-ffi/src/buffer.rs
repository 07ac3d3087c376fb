//! Caller buffers (`buf`, `cap`, `out_len`) and the thread-local kept answer.
//!
//! Ownership: the caller owns `buf` and `out_len`; meslink writes into them only during
//! the export's call and keeps no pointer. The kept answer is owned by meslink (one per
//! thread, freed when it is fetched, replaced, or the thread exits).

use crate::error::Failure;
use crate::{guard, status::MESLINK_OK};
use std::cell::RefCell;
use std::ffi::c_char;

thread_local! {
    /// The encoded answer of this thread's last export that returned
    /// `MESLINK_E_BUFFER_TOO_SMALL`, waiting for `meslink_answer_fetch`.
    static KEPT: RefCell<Option<Vec<u8>>> = const { RefCell::new(None) };
}

/// A checked caller buffer.
pub(crate) struct Out {
    buf: *mut c_char,
    cap: u32,
    out_len: *mut u32,
}

impl Out {
    /// Checks the triple: `buf` may be NULL only when `cap` is 0; `out_len` may be NULL.
    ///
    /// # Safety
    /// `buf` must be NULL or valid for `cap` bytes of writes, `out_len` NULL or valid
    /// for one `u32` write, both for the rest of the export's call.
    pub unsafe fn new(buf: *mut c_char, cap: u32, out_len: *mut u32) -> Result<Out, Failure> {
        if buf.is_null() && cap > 0 {
            return Err(Failure::invalid(format!(
                "`buf` is NULL but `cap` is {cap}; pass cap 0 to ask for the length"
            )));
        }
        Ok(Out { buf, cap, out_len })
    }

    /// Runs `answer` (the export's work, returning the answer's encoded bytes) and
    /// delivers its outcome: the answer is written, or kept when it does not fit; on a
    /// failure `*out_len` becomes 0 and `buf` an empty string.
    pub fn deliver(
        &self,
        answer: impl FnOnce() -> Result<Vec<u8>, Failure>,
    ) -> Result<i32, Failure> {
        let bytes = answer().inspect_err(|_| self.blank())?;
        self.write_or_keep(bytes)
    }

    /// Writes `bytes`, or keeps them for `meslink_answer_fetch` when they do not fit.
    pub fn write_or_keep(&self, bytes: Vec<u8>) -> Result<i32, Failure> {
        match self.write_now(&bytes) {
            Err(f) if f.status == crate::status::MESLINK_E_BUFFER_TOO_SMALL => {
                let needed = bytes.len();
                KEPT.with(|k| *k.borrow_mut() = Some(bytes));
                Err(Failure::too_small(needed, true))
            }
            other => other,
        }
    }

    /// Writes `bytes` and the NUL, or reports the length needed; keeps nothing.
    pub fn write_now(&self, bytes: &[u8]) -> Result<i32, Failure> {
        let len = u32::try_from(bytes.len()).map_err(|_| {
            Failure::internal(format!("an answer of {} bytes is over 4 GiB", bytes.len()))
        })?;
        if !self.out_len.is_null() {
            // SAFETY: checked non-NULL; valid per `Out::new`'s contract.
            unsafe { self.out_len.write_unaligned(len) };
        }
        if (self.cap as usize) < bytes.len() + 1 {
            if self.cap > 0 {
                // SAFETY: cap > 0, so `buf` is non-NULL and holds at least one byte.
                unsafe { self.buf.write(0) };
            }
            return Err(Failure::too_small(bytes.len(), false));
        }
        // SAFETY: `buf` holds `cap` >= len + 1 bytes; the source is a distinct Rust slice.
        unsafe {
            std::ptr::copy_nonoverlapping(bytes.as_ptr(), self.buf.cast::<u8>(), bytes.len());
            self.buf.add(bytes.len()).write(0);
        }
        Ok(MESLINK_OK)
    }

    /// `*out_len = 0` and `buf = ""`: the outputs of a failed export.
    pub fn blank(&self) {
        if !self.out_len.is_null() {
            // SAFETY: as in `write_now`.
            unsafe { self.out_len.write_unaligned(0) };
        }
        if self.cap > 0 {
            // SAFETY: as in `write_now`.
            unsafe { self.buf.write(0) };
        }
    }
}

/// Copies the answer kept on this thread into `buf`: the answer of the last export on
/// this thread that returned `MESLINK_E_BUFFER_TOO_SMALL` (including an earlier
/// `meslink_answer_fetch`), so a too-small buffer never costs a second network call.
///
/// On `MESLINK_OK` the kept answer is consumed (freed); a second fetch then returns
/// `MESLINK_E_INVALID_ARGUMENT`. If the buffer is still too small, it returns
/// `MESLINK_E_BUFFER_TOO_SMALL` with `*out_len` = length needed and the answer stays
/// kept. The answer is already encoded (UTF-8 or GB18030: the encoding of the client
/// of the original call) so the length reported then is exact. The kept answer is
/// freed when replaced by a newer too-small answer or when the thread exits; other
/// exports on the thread do not touch it.
///
/// Parameters: `buf` receives the NUL-terminated answer (the caller owns it; NULL
/// allowed when `cap` is 0); `cap` its size in bytes; `out_len` (may be NULL) receives
/// the answer length without the NUL.
///
/// Thread-safe; each thread has its own kept answer.
///
/// Returns `MESLINK_OK`, `MESLINK_E_BUFFER_TOO_SMALL`, `MESLINK_E_INVALID_ARGUMENT`
/// (nothing kept on this thread, or `buf` NULL with `cap` above 0).
///
/// # Safety
/// `buf` must be NULL or point to `cap` writable bytes; `out_len` must be NULL or
/// point to a writable `uint32_t`.
#[no_mangle]
pub unsafe extern "C" fn meslink_answer_fetch(
    buf: *mut c_char,
    cap: u32,
    out_len: *mut u32,
) -> i32 {
    guard::call("meslink_answer_fetch", || {
        // SAFETY: the caller's contract above.
        let out = unsafe { Out::new(buf, cap, out_len)? };
        out.deliver(|| {
            KEPT.with(|k| k.borrow_mut().take()).ok_or_else(|| {
                Failure::invalid(
                    "no answer is kept on this thread: meslink_answer_fetch returns, once, the \
                     answer of this thread's last call that returned MESLINK_E_BUFFER_TOO_SMALL",
                )
            })
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::status::{MESLINK_E_BUFFER_TOO_SMALL, MESLINK_E_INVALID_ARGUMENT};

    #[test]
    fn too_small_keeps_and_fetch_consumes() {
        let mut small = [b'x' as c_char; 4];
        let mut len = 99u32;
        // SAFETY: local buffers of the sizes given.
        let out = unsafe { Out::new(small.as_mut_ptr(), 4, &mut len) }.unwrap();
        let f = out.write_or_keep(b"hello".to_vec()).unwrap_err();
        assert_eq!(f.status, MESLINK_E_BUFFER_TOO_SMALL);
        assert_eq!((len, small[0]), (5, 0));
        assert_eq!(small[1], b'x' as c_char, "partial write");
        // A length query keeps the answer too.
        let rc = unsafe { meslink_answer_fetch(std::ptr::null_mut(), 0, &mut len) };
        assert_eq!((rc, len), (MESLINK_E_BUFFER_TOO_SMALL, 5));
        let mut big = [0 as c_char; 6];
        let rc = unsafe { meslink_answer_fetch(big.as_mut_ptr(), 6, std::ptr::null_mut()) };
        assert_eq!(rc, MESLINK_OK);
        assert_eq!(&big[..6], b"hello\0".map(|b| b as c_char));
        let rc = unsafe { meslink_answer_fetch(big.as_mut_ptr(), 6, &mut len) };
        assert_eq!((rc, len, big[0]), (MESLINK_E_INVALID_ARGUMENT, 0, 0));
        let rc = unsafe { meslink_answer_fetch(std::ptr::null_mut(), 1, &mut len) };
        assert_eq!(rc, MESLINK_E_INVALID_ARGUMENT);
    }
}
