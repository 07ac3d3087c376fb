//! Strings across the ABI: NUL-terminated input strings and encoded output text, in
//! UTF-8 or GB18030. Each client has its encoding (`meslink_client_open_ex`, or the
//! process default at open time); `meslink_encoding_set` sets that default.

use crate::error::Failure;
use crate::guard;
use crate::status::{MESLINK_ENCODING_GB18030, MESLINK_ENCODING_UTF8, MESLINK_OK};
use encoding_rs::GB18030;
use serde_json::Value;
use std::borrow::Cow;
use std::ffi::{c_char, CStr};
use std::sync::atomic::{AtomicI32, Ordering};

/// How strings cross the ABI: for one client, or by default.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Encoding {
    Utf8,
    Gb18030,
}

impl Encoding {
    /// The encoding of a `MESLINK_ENCODING_*` value.
    pub fn from_c(encoding: i32) -> Result<Encoding, Failure> {
        match encoding {
            MESLINK_ENCODING_UTF8 => Ok(Encoding::Utf8),
            MESLINK_ENCODING_GB18030 => Ok(Encoding::Gb18030),
            other => Err(Failure::invalid(format!(
                "unknown encoding {other}: use MESLINK_ENCODING_UTF8 (0) or \
                 MESLINK_ENCODING_GB18030 (1)"
            ))),
        }
    }

    /// The process default: clients opened by `meslink_client_open` and errors not tied
    /// to a client use it.
    pub fn process_default() -> Encoding {
        match DEFAULT.load(Ordering::Relaxed) {
            MESLINK_ENCODING_GB18030 => Encoding::Gb18030,
            _ => Encoding::Utf8,
        }
    }
}

/// The process default, a `MESLINK_ENCODING_*` value.
static DEFAULT: AtomicI32 = AtomicI32::new(MESLINK_ENCODING_UTF8);

/// Sets the process default encoding: that of the clients opened afterwards with
/// `meslink_client_open` (a client keeps the encoding it was opened with), and of
/// errors not tied to a client (a failed `meslink_answer_fetch`, an unknown handle).
/// A client's strings in (call ids, parameters, work orders, SNs; the configuration of
/// `meslink_client_open`) are decoded from its encoding, and its strings out (answers,
/// the error messages and error JSON of its calls) encoded to it.
///
/// `encoding` is `MESLINK_ENCODING_UTF8` (the initial default) or
/// `MESLINK_ENCODING_GB18030` (the ANSI code page of LabVIEW on Chinese Windows; plain
/// ASCII is the same in both). Clients already open are not affected; to choose a
/// client's encoding whatever the default, open it with `meslink_client_open_ex`.
/// Thread-safe.
///
/// Returns `MESLINK_OK`, or `MESLINK_E_INVALID_ARGUMENT` for any other value (the
/// default is unchanged).
#[no_mangle]
pub extern "C" fn meslink_encoding_set(encoding: i32) -> i32 {
    guard::call("meslink_encoding_set", || {
        Encoding::from_c(encoding)?;
        DEFAULT.store(encoding, Ordering::Relaxed);
        Ok(MESLINK_OK)
    })
}

/// The NUL-terminated input string `ptr`, decoded from `encoding`; `name` is the
/// parameter's name in the header, for the error message.
///
/// # Safety
/// `ptr` must be NULL or point to a NUL-terminated string that stays valid and
/// unchanged for the rest of the export's call.
pub(crate) unsafe fn arg(
    ptr: *const c_char,
    name: &str,
    encoding: Encoding,
) -> Result<String, Failure> {
    if ptr.is_null() {
        return Err(Failure::invalid(format!("`{name}` is NULL")));
    }
    // SAFETY: non-NULL and NUL-terminated per the caller's contract.
    let bytes = unsafe { CStr::from_ptr(ptr) }.to_bytes();
    decode(bytes, name, encoding).map(Cow::into_owned)
}

/// [`arg`] parsed as JSON.
///
/// # Safety
/// As for [`arg`].
pub(crate) unsafe fn json_arg(
    ptr: *const c_char,
    name: &str,
    encoding: Encoding,
) -> Result<Value, Failure> {
    // SAFETY: forwarded contract.
    let text = unsafe { arg(ptr, name, encoding) }?;
    serde_json::from_str(&text)
        .map_err(|e| Failure::invalid(format!("`{name}` is not valid JSON: {e}")))
}

fn decode<'a>(bytes: &'a [u8], name: &str, encoding: Encoding) -> Result<Cow<'a, str>, Failure> {
    match encoding {
        Encoding::Gb18030 => GB18030
            .decode_without_bom_handling_and_without_replacement(bytes)
            .ok_or_else(|| Failure::encoding(format!("`{name}` is not valid GB18030 text"))),
        Encoding::Utf8 => std::str::from_utf8(bytes).map(Cow::Borrowed).map_err(|e| {
            Failure::encoding(format!(
                "`{name}` is not valid UTF-8 (at byte {}); for GB18030 text, open the client \
                 with meslink_client_open_ex(..., MESLINK_ENCODING_GB18030, ...)",
                e.valid_up_to()
            ))
        }),
    }
}

/// `text` as the bytes handed out (no NUL), in `encoding`, with any NUL character
/// replaced by U+FFFD so that C sees the whole string. GB18030 encodes every Unicode
/// character, so nothing is ever lost.
/// [`encode_out`] of a `String` the caller gives up: UTF-8 without a NUL is handed over
/// without a copy.
pub(crate) fn encode_out_owned(text: String, encoding: Encoding) -> Vec<u8> {
    if encoding == Encoding::Utf8 && !text.contains('\0') {
        return text.into_bytes();
    }
    encode_out(&text, encoding)
}

pub(crate) fn encode_out(text: &str, encoding: Encoding) -> Vec<u8> {
    let text: Cow<str> = if text.contains('\0') {
        Cow::Owned(text.replace('\0', "\u{FFFD}"))
    } else {
        Cow::Borrowed(text)
    };
    match encoding {
        Encoding::Gb18030 => GB18030.encode(&text).0.into_owned(),
        Encoding::Utf8 => text.into_owned().into_bytes(),
    }
}

/// The length of the longest prefix of `bytes` (text in `encoding`) of at most `max`
/// bytes that ends on a character boundary.
pub(crate) fn prefix_len(bytes: &[u8], encoding: Encoding, max: usize) -> usize {
    if bytes.len() <= max {
        return bytes.len();
    }
    match encoding {
        Encoding::Utf8 => {
            let mut n = max;
            // Back off continuation bytes (10xxxxxx) to the start of the cut character.
            while n > 0 && bytes[n] & 0xC0 == 0x80 {
                n -= 1;
            }
            n
        }
        Encoding::Gb18030 => {
            // One byte below 0x80; else two bytes, or four when the second is a digit.
            let mut n = 0;
            while n < bytes.len() {
                let width = match bytes[n] {
                    0x00..=0x80 | 0xFF => 1,
                    _ if bytes.get(n + 1).is_some_and(u8::is_ascii_digit) => 4,
                    _ => 2,
                };
                if n + width > max {
                    break;
                }
                n += width;
            }
            n
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_config_file_with_a_byte_order_mark_opens_in_either_encoding() {
        let config = r#"{"grading":{"base_url":"http://127.0.0.1:1","datasource":"账套01"}}"#;
        let utf8 = [&b"\xEF\xBB\xBF"[..], config.as_bytes()].concat();
        // GB18030's own BOM (U+FEFF) before GB18030 text.
        let gb = [
            &b"\x84\x31\x95\x33"[..],
            &GB18030.encode(config).0.into_owned()[..],
        ]
        .concat();
        for (bytes, encoding) in [
            (utf8, MESLINK_ENCODING_UTF8),
            (gb, MESLINK_ENCODING_GB18030),
        ] {
            let text = std::ffi::CString::new(bytes).unwrap();
            let mut id = 0;
            // SAFETY: a NUL-terminated string and a local out-parameter.
            let rc = unsafe { crate::meslink_client_open_ex(text.as_ptr(), encoding, &mut id) };
            assert_eq!(rc, MESLINK_OK, "encoding {encoding}");
            assert_eq!(crate::meslink_client_close(id), MESLINK_OK);
        }
    }

    #[test]
    fn prefixes_end_on_character_boundaries() {
        let text = "ab未找到。€😀";
        let utf8 = text.as_bytes();
        let gb = GB18030.encode(text).0.into_owned();
        for (bytes, enc) in [(utf8, Encoding::Utf8), (&gb[..], Encoding::Gb18030)] {
            for max in 0..bytes.len() + 2 {
                let n = prefix_len(bytes, enc, max);
                assert!(n <= max.min(bytes.len()), "{enc:?} {max}");
                let decoded = match enc {
                    Encoding::Utf8 => std::str::from_utf8(&bytes[..n]).ok().map(str::to_owned),
                    Encoding::Gb18030 => GB18030
                        .decode_without_bom_handling_and_without_replacement(&bytes[..n])
                        .map(|c| c.into_owned()),
                };
                let decoded = decoded.unwrap_or_else(|| panic!("{enc:?} cut at {n} of {max}"));
                assert!(text.starts_with(&decoded), "{enc:?} {max}");
                // Never more than one character (at most 4 bytes) short of the room.
                assert!(n + 4 > max.min(bytes.len()), "{enc:?} {max}: {n}");
            }
        }
    }

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
