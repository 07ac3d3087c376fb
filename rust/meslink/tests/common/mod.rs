//! Test helpers: a simulator and a client configured for it, and a canned server for
//! answers the simulator never gives (wrong shapes, oversized bodies).

#![allow(dead_code)]

pub mod leak_scenario;
pub mod tls;

use meslink::{Client, ClientConfig};
use meslink_sim::{Sim, SimConfig};
use serde_json::json;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

pub const WO: &str = "1037020031";
pub const GOOD_SN: &str = "BAJ614KM901584Z";
pub const PASSWORD: &str = "Windows123.";

pub async fn sim() -> Sim {
    Sim::start(SimConfig::default()).await.expect("sim starts")
}

/// A client for both APIs of `base`, with fast retries.
pub fn config(base: &str) -> ClientConfig {
    ClientConfig::from_json(
        &json!({
            "ate": {"base_url": base, "emp_no": "ate", "password": PASSWORD},
            "grading": {"base_url": base, "datasource": "MES01"},
            "retry": {"max_attempts": 4, "initial_backoff_ms": 20, "max_backoff_ms": 100},
            "timeout_ms": 5000
        })
        .to_string(),
    )
    .unwrap()
}

pub fn client(base: &str) -> Client {
    Client::new(config(base)).unwrap()
}

pub fn cell(barcode: &str) -> serde_json::Value {
    json!({"batteryStation": "ST01", "deviceCode": "FR-07", "barcode": barcode,
           "testTime": "2024-05-06T07:08:09", "workStep": "分容", "voltage": 3.291,
           "electricity": 1.5, "volume": 2.95, "energy": 9.7})
}

/// Serves every connection one fixed HTTP answer; returns its base URL.
pub async fn canned(status: u16, content_type: &str, body: Vec<u8>) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let head = format!(
        "HTTP/1.1 {status} X\r\ncontent-type: {content_type}\r\ncontent-length: {}\r\nconnection: close\r\n\r\n",
        body.len()
    );
    tokio::spawn(async move {
        loop {
            let Ok((mut sock, _)) = listener.accept().await else {
                return;
            };
            let (head, body) = (head.clone(), body.clone());
            tokio::spawn(async move {
                let mut buf = vec![0u8; 65536];
                let _ = sock.read(&mut buf).await;
                let _ = sock.write_all(head.as_bytes()).await;
                let _ = sock.write_all(&body).await;
                let _ = sock.shutdown().await;
            });
        }
    });
    url
}

/// A client of the simulator's machine-tool IoT API (`/v1`) with its default app,
/// `app_secret` and the client-side call limit given, and fast retries.
pub fn mgm_config(sim: &Sim, app_secret: &str, calls: u32, window_ms: u64) -> ClientConfig {
    ClientConfig::from_json(
        &json!({
            "mgm": {"base_url": format!("{}/v1", sim.base_url()), "app_key": "meslink-app",
                    "app_secret": app_secret, "rate_limit_calls": calls,
                    "rate_limit_window_ms": window_ms},
            "retry": {"max_attempts": 4, "initial_backoff_ms": 20, "max_backoff_ms": 100},
            "timeout_ms": 5000
        })
        .to_string(),
    )
    .unwrap()
}

/// [`mgm_config`] with the simulator's secret and the document's limit.
pub fn mgm_client(sim: &Sim) -> Client {
    Client::new(mgm_config(sim, "meslink-secret", 200, 60_000)).unwrap()
}
