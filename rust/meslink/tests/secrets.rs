//! Secrets never leave: every request call of the catalog against the simulator (ATE,
//! grading, trace, mgm HTTP, energy) plus an mgm live stream (token over HTTP, session over
//! a websocket), with failures forced (wrong passwords and secrets, tokens and sessions
//! expired under the client), all at TRACE level (meslink's and every dependency's events)
//! captured to a buffer. No password, app secret, JWT signing key, token or session cookie
//! may appear in the captured logs, in any error's Display or Debug, or in the Debug
//! output of the clients and their configurations.
//!
//! The tokens and cookies are the simulator's: JWTs (`eyJ…`) for the ATE MES, 32 hex
//! digits (a simple UUID) for the mgm platform's tokens and the energy platform's session
//! cookie. Any such string in the output is a leak.

mod common;

use common::leak_scenario::{assert_no_secret, run_scenario};
use std::io::Write;
use std::sync::{Arc, Mutex};

/// The captured log lines.
#[derive(Clone, Default)]
struct Buffer(Arc<Mutex<Vec<u8>>>);

impl Write for Buffer {
    fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(b);
        Ok(b.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl<'a> tracing_subscriber::fmt::MakeWriter<'a> for Buffer {
    type Writer = Buffer;
    fn make_writer(&'a self) -> Buffer {
        self.clone()
    }
}

#[test]
fn no_secret_in_logs_errors_or_debug_output() {
    let logs = Buffer::default();
    tracing::subscriber::set_global_default(
        tracing_subscriber::fmt()
            .with_max_level(tracing::Level::TRACE)
            .with_writer(logs.clone())
            .with_ansi(false)
            .finish(),
    )
    .unwrap();

    let outputs = run_scenario();

    let logs = String::from_utf8_lossy(&logs.0.lock().unwrap()).into_owned();
    assert!(
        logs.contains("TRACE") && logs.contains("DEBUG"),
        "nothing was captured at TRACE level"
    );
    if let Ok(path) = std::env::var("MESLINK_SECRETS_LOG") {
        std::fs::write(path, &logs).unwrap();
    }
    assert_no_secret(&logs, &outputs);
    println!(
        "captured {} log lines ({} bytes) and {} error / Debug texts: no secret",
        logs.lines().count(),
        logs.len(),
        outputs.len()
    );
}
