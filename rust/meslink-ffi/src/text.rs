//! Strings across the ABI: NUL-terminated input strings and encoded output text, in
//! UTF-8 (the default) or GB18030 (process-wide, `meslink_encoding_set`).

use crate::error::Failure;
use crate::guard;
use crate::status::{MESLINK_ENCODING_GB18030, MESLINK_ENCODING_UTF8, MESLINK_OK};
use encoding_rs::GB18030;
use serde_json::Value;
use std::borrow::Cow;
use std::ffi::{c_char, CStr};
use std::sync::atomic::{AtomicI32, Ordering};

static ENCODING: AtomicI32 = AtomicI32::new(MESLINK_ENCODING_UTF8);

fn gb18030() -> bool {
    ENCODING.load(Ordering::Relaxed) == MESLINK_ENCODING_GB18030
}

/// Sets how every string crossing the ABI is encoded, for the whole process and every
/// thread: input strings (configuration, call ids, parameters, work orders, SNs) are
/// decoded from it, output strings (answers, error messages, error JSON) encoded to it.
///
/// `encoding` is `MESLINK_ENCODING_UTF8` (the default) or `MESLINK_ENCODING_GB18030`
/// (the ANSI code page of LabVIEW on Chinese Windows; plain ASCII is the same in both).
/// Set it once at start-up, before other threads make calls: a call already running
/// may decode and encode in different modes. Thread-safe.
///
/// Returns `MESLINK_OK`, or `MESLINK_E_INVALID_ARGUMENT` for any other value (the
/// setting is unchanged).
#[no_mangle]
pub extern "C" fn meslink_encoding_set(encoding: i32) -> i32 {
    guard::call("meslink_encoding_set", || {
        match encoding {
        MESLINK_ENCODING_UTF8 | MESLINK_ENCODING_GB18030 => {
            ENCODING.store(encoding, Ordering::Relaxed);
            Ok(MESLINK_OK)
        }
        other => Err(Failure::invalid(format!(
            "unknown encoding {other}: use MESLINK_ENCODING_UTF8 (0) or MESLINK_ENCODING_GB18030 (1)"
        ))),
    }
    })
}

/// The NUL-terminated input string `ptr`, decoded; `name` is the parameter's name in
/// the header, for the error message.
///
/// # Safety
/// `ptr` must be NULL or point to a NUL-terminated string that stays valid and
/// unchanged for the rest of the export's call.
pub(crate) unsafe fn arg(ptr: *const c_char, name: &str) -> Result<String, Failure> {
    if ptr.is_null() {
        return Err(Failure::invalid(format!("`{name}` is NULL")));
    }
    // SAFETY: non-NULL and NUL-terminated per the caller's contract.
    let bytes = unsafe { CStr::from_ptr(ptr) }.to_bytes();
    decode(bytes, name).map(Cow::into_owned)
}

/// [`arg`] parsed as JSON.
///
/// # Safety
/// As for [`arg`].
pub(crate) unsafe fn json_arg(ptr: *const c_char, name: &str) -> Result<Value, Failure> {
    // SAFETY: forwarded contract.
    let text = unsafe { arg(ptr, name) }?;
    serde_json::from_str(&text)
        .map_err(|e| Failure::invalid(format!("`{name}` is not valid JSON: {e}")))
}

fn decode<'a>(bytes: &'a [u8], name: &str) -> Result<Cow<'a, str>, Failure> {
    if gb18030() {
        GB18030
            .decode_without_bom_handling_and_without_replacement(bytes)
            .ok_or_else(|| Failure::encoding(format!("`{name}` is not valid GB18030 text")))
    } else {
        std::str::from_utf8(bytes).map(Cow::Borrowed).map_err(|e| {
            Failure::encoding(format!(
                "`{name}` is not valid UTF-8 (at byte {}); call meslink_encoding_set for GB18030 text",
                e.valid_up_to()
            ))
        })
    }
}

/// `text` as the bytes handed out (no NUL): in the configured encoding, with any NUL
/// character replaced by U+FFFD so that C sees the whole string. GB18030 encodes every
/// Unicode character, so nothing is ever lost.
pub(crate) fn encode_out(text: &str) -> Vec<u8> {
    let text: Cow<str> = if text.contains('\0') {
        Cow::Owned(text.replace('\0', "\u{FFFD}"))
    } else {
        Cow::Borrowed(text)
    };
    if gb18030() {
        GB18030.encode(&text).0.into_owned()
    } else {
        text.into_owned().into_bytes()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gb18030_round_trip() {
        let (bytes, _, _) = GB18030.encode("未找到。");
        assert_ne!(&*bytes, "未找到。".as_bytes());
        assert_eq!(
            GB18030
                .decode_without_bom_handling_and_without_replacement(&bytes)
                .unwrap(),
            "未找到。"
        );
    }
}
