//! The one log source of every host: meslink's `tracing` events, forwarded to queues that
//! the language layers read (Python `logging`, a C callback, the C poll API, a C# event).
//!
//! Only meslink's own events are forwarded (targets `meslink…`), never a dependency's:
//! those may print headers. Nothing host-supplied runs while an event is recorded: an
//! event is formatted (only when some queue wants its level) and pushed onto every queue
//! that wants it, under each queue's own short lock. Host code (a callback, a Python
//! handler, a C# event) runs on the reader's thread, outside every meslink lock, so a
//! handler that throws, blocks or calls meslink again can neither crash nor deadlock
//! the library, and is never re-entered. When a queue is full its oldest record is
//! dropped and counted.
//!
//! Field values whose names speak of a password, secret, token, cookie or authorization
//! are replaced by `<redacted>` as a second line of defence; the core never logs such a
//! value in the first place (`tests/secrets.rs`, `tests/log_forward.rs`).

mod layer;
mod queue;
mod record;

pub use queue::{LogEntry, LogQueue};
pub use record::{Level, Record};

use parking_lot::RwLock;
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::{Arc, OnceLock};

/// The most verbose level any registered queue wants (0: none).
static MAX_LEVEL: AtomicU8 = AtomicU8::new(0);
/// Every registered queue.
static QUEUES: RwLock<Vec<Arc<queue::Shared>>> = RwLock::new(Vec::new());
/// Whether [`install`] made the forwarding layer the process's subscriber.
static INSTALLED: OnceLock<bool> = OnceLock::new();

/// Makes the forwarding layer the process's `tracing` subscriber, once. Returns `false`
/// when the process already had another subscriber (a Rust program with its own logger:
/// then meslink's events go there, and the queues stay empty). Queues call this
/// themselves; it is public for programs that want to know.
pub fn install() -> bool {
    *INSTALLED.get_or_init(|| {
        use tracing_subscriber::layer::SubscriberExt;
        let subscriber = tracing_subscriber::registry().with(layer::Forward);
        tracing::subscriber::set_global_default(subscriber).is_ok()
    })
}

/// Recomputes [`MAX_LEVEL`] after a queue's level changed or a queue went away.
fn recompute_max() {
    let max = QUEUES
        .read()
        .iter()
        .map(|q| q.level.load(Ordering::Relaxed))
        .max()
        .unwrap_or(0);
    MAX_LEVEL.store(max, Ordering::Relaxed);
}

/// Whether some queue wants records of `level`.
fn wanted(level: u8) -> bool {
    level <= MAX_LEVEL.load(Ordering::Relaxed)
}

/// Pushes `record` onto every queue that wants its level.
fn dispatch(record: &Record) {
    let queues = QUEUES.read().clone();
    for q in queues {
        if record.level as u8 <= q.level.load(Ordering::Relaxed) {
            q.push(record.clone());
        }
    }
}

tokio::task_local! {
    /// The client and call a future runs for; read by the layer for every event.
    static CONTEXT: Context;
}

/// What a record says about where it came from.
#[derive(Clone, Copy, Debug)]
struct Context {
    client: i64,
    call: &'static str,
}

/// Runs `fut` with `client` and `call` attached to every record it logs.
pub(crate) async fn scope<F: std::future::Future>(
    client: i64,
    call: &'static str,
    fut: F,
) -> F::Output {
    CONTEXT.scope(Context { client, call }, fut).await
}
