//! The runtimes: the one process-wide tokio runtime (streams, transfers, the spool, async
//! calls and operations, and blocking waits on them), and one current-thread runtime per
//! calling thread for blocking calls and blocking batches ([`block_on_here`]).

use crate::error::{Error, Result};
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

thread_local! {
    /// The calling thread's own runtime (see [`block_on_here`]), made on its first
    /// blocking call and dropped when the thread ends.
    static HERE: std::cell::OnceCell<Runtime> = const { std::cell::OnceCell::new() };
    /// Whether this thread is inside [`block_on_here`] now: what `transport::Http` reads to
    /// pick the connection pool of this thread over the shared one.
    static DRIVING_HERE: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Whether the code asking runs inside [`block_on_here`] on this thread (a future or a
/// task of the thread's own runtime), so that its connections belong to that runtime.
pub(crate) fn driving_here() -> bool {
    DRIVING_HERE.with(|d| d.get())
}

/// Resets [`DRIVING_HERE`] however `block_on_here` is left (a panic included).
struct Driving;

impl Drop for Driving {
    fn drop(&mut self) {
        DRIVING_HERE.with(|d| d.set(false));
    }
}

/// Runs `fut` to completion with its I/O done on the caller's thread: a current-thread
/// runtime of the thread's own drives it, so a sequential call costs no hand-off to a
/// worker thread and back. The HTTP connections such a call opens belong to the thread
/// (`transport::Http` keeps a pool per thread and client) and serve its next calls; tasks
/// that outlive a call (streams, transfers, the spool) are spawned on the shared runtime
/// ([`get`]) as before. Tokens, the call budget and every other per-client state are
/// shared by all threads, whichever runtime drives them.
///
/// Refuses (instead of panicking) when called from inside an async context.
pub fn block_on_here<F: IntoFuture>(fut: F) -> Result<F::Output> {
    if tokio::runtime::Handle::try_current().is_ok() {
        return Err(Error::invalid(
            "a blocking meslink call was made from inside an async runtime; use the async API",
        ));
    }
    HERE.with(|here| {
        let rt = match here.get() {
            Some(rt) => rt,
            None => {
                let rt = tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                    .map_err(|e| Error::internal(format!("cannot start a runtime: {e}")))?;
                here.get_or_init(|| rt)
            }
        };
        DRIVING_HERE.with(|d| d.set(true));
        let _driving = Driving;
        let fut = fut.into_future();
        Ok(rt.block_on(async {
            settle().await;
            fut.await
        }))
    })
}

/// Lets the thread's runtime notice what happened on its idle connections since its last
/// call (a server that closed one), before the call picks one from the pool: the first
/// yield polls the I/O driver, the second lets the woken connection tasks run.
async fn settle() {
    tokio::task::yield_now().await;
    tokio::task::yield_now().await;
}
