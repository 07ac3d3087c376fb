//! Ctrl+C (SIGINT) as a flag the long-running commands poll, so they stop cleanly: the
//! stream closes and prints its counts, an upload is cancelled and says how to resume.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

/// Set once Ctrl+C was pressed.
#[derive(Clone)]
pub struct Interrupt(Arc<AtomicBool>);

impl Interrupt {
    /// Starts listening for Ctrl+C on meslink's runtime. If the signal cannot be watched
    /// the command still runs; it then ends the usual way (the signal kills it).
    pub fn listen() -> Interrupt {
        let flag = Arc::new(AtomicBool::new(false));
        let set = flag.clone();
        meslink::runtime::get().spawn(async move {
            if tokio::signal::ctrl_c().await.is_ok() {
                set.store(true, Ordering::SeqCst);
            }
        });
        Interrupt(flag)
    }

    pub fn pressed(&self) -> bool {
        self.0.load(Ordering::SeqCst)
    }
}
