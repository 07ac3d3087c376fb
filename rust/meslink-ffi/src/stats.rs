//! Per-client statistics: `meslink_client_stats`.

use crate::buffer::Out;
use crate::client::get;
use crate::guard;
use crate::text;
use std::ffi::c_char;

/// Writes the client's statistics into `buf` as JSON: `{"calls":120,"errors":{"business":2,
/// "transport":1},"retries":4,"logins":1,"token_refreshes":0,"reconnects":0,
/// "bytes_sent":15360,"bytes_received":98304,"by_call":{"ate.sn_detail.get":{"calls":100,
/// "errors":0,"p50_ms":1.8,"p99_ms":12.5},...}}`: finished calls (generic, named, batch
/// and spooled alike) and their errors by kind; requests repeated after a transient
/// failure; login and new-token requests answered, token refreshes; reconnects of live
/// streams; HTTP body bytes sent and received; per call id the calls, errors and latency
/// percentiles in milliseconds over its newest 1,024 calls. Counted since the client was
/// opened.
///
/// Buffer rules as `meslink_client_call`. Thread-safe; never blocks on the network.
///
/// Returns `MESLINK_OK`, `MESLINK_E_BUFFER_TOO_SMALL`, `MESLINK_E_INVALID_ARGUMENT`,
/// `MESLINK_E_INVALID_HANDLE`.
///
/// # Safety
/// `buf`: NULL or `cap` writable bytes. `out_len`: NULL or a writable `uint32_t`.
#[no_mangle]
pub unsafe extern "C" fn meslink_client_stats(
    client: i32,
    buf: *mut c_char,
    cap: u32,
    out_len: *mut u32,
) -> i32 {
    guard::call("meslink_client_stats", || {
        // SAFETY: the caller's contract above.
        let out = unsafe { Out::new(buf, cap, out_len) }?;
        let open = get(client).inspect_err(|_| out.blank())?;
        out.deliver(|| {
            Ok(text::encode_out(
                &open.client.stats().to_string(),
                open.encoding,
            ))
        })
        .map_err(|f| f.in_encoding(open.encoding))
    })
}
