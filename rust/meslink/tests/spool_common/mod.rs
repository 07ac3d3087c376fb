//! Helpers of the spool tests: scratch files, SNs, clients with a spool.

#![allow(dead_code)]

use meslink::{Client, ClientConfig};
use meslink_sim::Sim;
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, Instant};

pub const WO: &str = "1037020031"; // rule ^B[A-Z]J614KM9\d{5}Z$

/// A fresh spool file path in a fresh directory.
pub fn spool_path(name: &str) -> PathBuf {
    static N: AtomicU32 = AtomicU32::new(0);
    let dir = std::env::temp_dir().join(format!(
        "meslink-spool-{name}-{}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir.join("station-spool.db")
}

/// SNs that pass work order 1037020031's rule; `letter` tells runs apart.
pub fn sn_of(letter: char, i: usize) -> String {
    format!("B{letter}J614KM9{i:05}Z")
}

pub fn upload(sn: &str) -> Value {
    json!({"work_order": WO, "sn": sn})
}

pub fn cell(barcode: &str) -> Value {
    json!({"batteryStation": "ST01", "deviceCode": "FR-07", "barcode": barcode,
           "testTime": "2024-05-06 07:08:09", "workStep": "分容", "voltage": 3.291})
}

/// The SNs the simulator accepted, in arrival order.
pub fn arrived(sim: &Sim) -> Vec<String> {
    sim.state()
        .uploads()
        .into_iter()
        .map(|(_, sn)| sn)
        .collect()
}

pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// A client of the ATE server at `ate` and the grading server at `grading`, with a
/// spool at `path`; `spool` is merged into the spool section (quick backoff by default).
pub fn client(ate: &str, grading: &str, path: &Path, spool: Value) -> Client {
    let mut section = json!({"path": path, "backoff_initial_ms": 20, "backoff_max_ms": 200});
    for (k, v) in spool.as_object().cloned().unwrap_or_default() {
        section[k] = v;
    }
    let config = ClientConfig::from_json(
        &json!({
            "ate": {"base_url": ate, "emp_no": "ate", "password": "Windows123."},
            "grading": {"base_url": grading, "datasource": "MES01"},
            "retry": {"max_attempts": 1, "initial_backoff_ms": 10, "max_backoff_ms": 20},
            "timeout_ms": 5000, "connect_timeout_ms": 1000,
            "spool": section
        })
        .to_string(),
    )
    .unwrap();
    Client::new(config).unwrap()
}

/// Polls `done` every 20 ms until it holds or `timeout` passes; false on timeout.
pub async fn eventually(timeout: Duration, mut done: impl FnMut() -> bool) -> bool {
    let t0 = Instant::now();
    while t0.elapsed() < timeout {
        if done() {
            return true;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    done()
}
