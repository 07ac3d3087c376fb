//! The C ABI of meslink: `libmeslink.so`, `libmeslink.a`, `meslink.dll`.
//!
//! The conventions (status codes, caller buffers, the kept answer, the thread-local
//! last error, the text encoding) are described in `cbindgen.toml`'s header comment,
//! which opens the generated `include/meslink.h`, and on each export. One file per
//! entity, each with its exports:
//!
//! * [`status`]: the status codes and `meslink_status_str`;
//! * [`text`]: input and output strings in a client's encoding, `meslink_encoding_set`;
//! * [`error`]: the thread-local last error, `meslink_error_last[_json]`;
//! * [`buffer`]: caller buffers and the kept answer, `meslink_answer_fetch`;
//! * [`client`]: the handle registry, `meslink_client_open[_ex]` / `_close`;
//! * [`stats`]: per-client statistics, `meslink_client_stats`;
//! * [`calls`]: the generic call and the named ones;
//! * [`batch`]: many records of one call in one export;
//! * [`stream`]: live machine data (`mgm.realtime`) by polling or callback;
//! * [`transfer`]: file transfers (`mgm.file_transfer`) in the background;
//! * [`spool`]: the store-and-forward spool, `meslink_spool_*`;
//! * [`log`]: meslink's log records, `meslink_log_*`;
//! * [`guard`]: the `catch_unwind` wrapper every export runs in;
//! * [`handles`]: the generation-checked registries that handle ids come from.
//!
//! Every export returns an `int32_t` status except `meslink_version` and
//! `meslink_status_str`, takes only fixed-width integers and pointers, and is
//! thread-safe.

#![deny(unsafe_op_in_unsafe_fn)]

// The order of these modules is the order of the functions in the header.
pub mod status;
// Strings in and out; the encoding setting.
pub mod text;
// The last error.
pub mod error;
// Caller buffers; the kept answer.
pub mod buffer;
// Client handles.
pub mod client;
// Per-client statistics.
pub mod stats;
// The generic call and the named calls.
pub mod calls;
// The named exports the catalog marks (generated).
#[rustfmt::skip]
pub mod named;
// The batch call.
pub mod batch;
// Operations: calls started without blocking, waited for, cancelled; completion queues.
pub mod op;
// Stream handles (mgm.realtime).
pub mod stream;
// Transfer handles (mgm.file_transfer).
pub mod transfer;
// The store-and-forward spool.
pub mod spool;
// Log records: the poll queue and the callback.
pub mod log;
// The catch_unwind wrapper.
mod guard;
// The generation-checked registries the handles are ids of.
mod handles;
// The threads that call C callbacks.
mod worker;

pub use batch::*;
pub use buffer::*;
pub use calls::*;
pub use client::*;
pub use error::{meslink_error_last, meslink_error_last_json};
pub use log::*;
pub use named::*;
pub use op::*;
pub use spool::*;
pub use stats::*;
pub use status::*;
pub use stream::*;
pub use text::meslink_encoding_set;
pub use transfer::*;

use std::ffi::c_char;

/// The library version, e.g. "0.1.0".
///
/// Returns a static NUL-terminated ASCII string, never NULL; the library owns it and
/// the caller must not free or modify it. Thread-safe.
#[no_mangle]
pub extern "C" fn meslink_version() -> *const c_char {
    guard::static_str(|| concat!(env!("CARGO_PKG_VERSION"), "\0"))
}
