//! The one process-wide tokio runtime that blocking callers (C, Python, C#) share.

use crate::{Error, Result};
use std::future::IntoFuture;
use std::sync::LazyLock;
use tokio::runtime::Runtime;

static RUNTIME: LazyLock<Runtime> = LazyLock::new(|| {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .thread_name("meslink-rt")
        .enable_all()
        .build()
        .expect("meslink: cannot start the tokio runtime")
});

/// The shared runtime, created on first use.
pub fn get() -> &'static Runtime {
    &RUNTIME
}

/// Runs `fut` (a future, or a typed request such as `client.trace_query(..)`) to
/// completion on the caller's thread, driving I/O on the shared runtime.
///
/// Refuses (instead of panicking) when called from inside an async context, where
/// blocking would stall the runtime: async callers use the async API instead.
pub fn block_on<F: IntoFuture>(fut: F) -> Result<F::Output> {
    if tokio::runtime::Handle::try_current().is_ok() {
        return Err(Error::invalid(
            "a blocking meslink call was made from inside an async runtime; use the async API",
        ));
    }
    Ok(RUNTIME.block_on(fut.into_future()))
}
