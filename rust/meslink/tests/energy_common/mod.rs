//! Helpers of the energy-platform tests: a simulator and a client for it, minimal
//! parameters built from the catalog, and a scripted server for answers the simulator
//! never gives (numeric Err_No, non-JSON, a session that never comes back).

#![allow(dead_code)]

use meslink::catalog::{self, CallSpec, ParamKind};
use meslink::{Client, ClientConfig};
use meslink_sim::{Sim, SimConfig};
use parking_lot::Mutex;
use serde_json::{json, Value};
use std::sync::Arc;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

pub const USER: &str = "admin";
pub const PASSWORD: &str = "admin123";

pub async fn sim() -> Sim {
    Sim::start(SimConfig::default()).await.expect("sim starts")
}

pub fn config_for(base: &str, user: &str, password: &str) -> ClientConfig {
    ClientConfig::from_json(
        &json!({
            "energy": {"base_url": base, "username": user, "password": password},
            "retry": {"max_attempts": 3, "initial_backoff_ms": 10, "max_backoff_ms": 50},
            "timeout_ms": 5000
        })
        .to_string(),
    )
    .unwrap()
}

pub fn client(base: &str) -> Client {
    Client::new(config_for(base, USER, PASSWORD)).unwrap()
}

/// A 1x1 PNG.
pub const PNG: &[u8] = &[
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4,
    0x89,
];

/// A value of `kind` that the document allows for the parameter `name`: enumerated
/// parameters get one of their documented values, times a one-hour window.
pub fn sample(name: &str, kind: ParamKind) -> Value {
    match (name, kind) {
        ("Time_Start", _) => json!("2024-01-01 00:00:00"),
        ("Time_End", _) => json!("2024-01-01 01:00:00"),
        ("Date_Time", _) => json!("2024-01-01 00:00:00"),
        ("Usr_Name", _) => json!(USER),
        ("Usr_Password", _) => json!(PASSWORD),
        ("Usr_Email", _) => json!("someone@example.com"),
        ("Time_Type" | "Date_Type", _) => json!("3"),
        ("Amount_Type", ParamKind::Text) => json!("1"),
        ("isSegmentation", _) => json!("1"),
        ("Year_Start" | "Year_End" | "Month_Start" | "Month_End", _) => json!("1"),
        ("Day_Start" | "Day_End", _) => json!("07:30:00"),
        ("Machine_Image", _) => {
            use base64::Engine;
            json!({"base64": base64::engine::general_purpose::STANDARD.encode(PNG), "file_name": "m.png"})
        }
        ("enterprise" | "group", _) => json!({"name": "示例"}),
        (_, ParamKind::Integer) => json!(1),
        (_, ParamKind::Number) => json!(1.5),
        (_, ParamKind::DateTime) => json!("2024-01-01 00:00:00"),
        (_, ParamKind::List) => json!([]),
        (_, ParamKind::Bool) => json!(false),
        (_, ParamKind::Object | ParamKind::Any) => json!({}),
        (_, ParamKind::Text) => json!("1"),
    }
}

/// The required parameters of a call with sample values.
pub fn minimal(spec: &CallSpec) -> Value {
    Value::Object(
        spec.params
            .iter()
            .filter(|p| p.required)
            .map(|p| (p.name.to_owned(), sample(p.name, p.kind)))
            .collect(),
    )
}

pub fn energy_calls() -> Vec<&'static CallSpec> {
    catalog::CALLS
        .iter()
        .copied()
        .filter(|c| c.server == catalog::Server::Energy)
        .collect()
}

/// One request as the scripted server received it.
#[derive(Debug, Clone)]
pub struct Seen {
    pub method: String,
    pub target: String,
    pub head: String,
    pub body: Vec<u8>,
}

/// A scripted HTTP server: `answer(method, target)` gives (extra headers, JSON body) for
/// each request; every request is recorded.
pub struct Scripted {
    pub url: String,
    pub seen: Arc<Mutex<Vec<Seen>>>,
}

impl Scripted {
    pub fn count(&self, method: &str, path: &str) -> usize {
        self.seen
            .lock()
            .iter()
            .filter(|s| s.method == method && s.target.split('?').next() == Some(path))
            .count()
    }
}

pub async fn scripted<F>(answer: F) -> Scripted
where
    F: Fn(&str, &str) -> (String, String) + Send + Sync + 'static,
{
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let seen = Arc::new(Mutex::new(Vec::new()));
    let answer = Arc::new(answer);
    let log = seen.clone();
    tokio::spawn(async move {
        loop {
            let Ok((mut sock, _)) = listener.accept().await else {
                return;
            };
            let (answer, log) = (answer.clone(), log.clone());
            tokio::spawn(async move {
                let mut buf = Vec::new();
                let mut chunk = [0u8; 8192];
                // Read the head, then the body by Content-Length.
                let (head, mut body) = loop {
                    let Ok(n) = sock.read(&mut chunk).await else {
                        return;
                    };
                    if n == 0 {
                        return;
                    }
                    buf.extend_from_slice(&chunk[..n]);
                    if let Some(i) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
                        break (
                            String::from_utf8_lossy(&buf[..i]).into_owned(),
                            buf[i + 4..].to_vec(),
                        );
                    }
                };
                let len: usize = head
                    .lines()
                    .find_map(|l| {
                        let (k, v) = l.split_once(':')?;
                        k.eq_ignore_ascii_case("content-length")
                            .then(|| v.trim().parse().ok())?
                    })
                    .unwrap_or(0);
                while body.len() < len {
                    let Ok(n) = sock.read(&mut chunk).await else {
                        return;
                    };
                    if n == 0 {
                        break;
                    }
                    body.extend_from_slice(&chunk[..n]);
                }
                let mut first = head.lines().next().unwrap_or_default().split(' ');
                let method = first.next().unwrap_or_default().to_owned();
                let target = first.next().unwrap_or_default().to_owned();
                let (headers, text) = answer(&method, &target);
                log.lock().push(Seen {
                    method,
                    target,
                    head: head.clone(),
                    body,
                });
                let resp = format!(
                    "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\n{headers}content-length: {}\r\nconnection: close\r\n\r\n{text}",
                    text.len()
                );
                let _ = sock.write_all(resp.as_bytes()).await;
                let _ = sock.shutdown().await;
            });
        }
    });
    Scripted { url, seen }
}

/// A login answer with a session cookie, for scripted servers.
pub fn login_ok(cookie: &str) -> (String, String) {
    (
        format!("set-cookie: sid={cookie}; Path=/; HttpOnly\r\n"),
        json!({"Err_No": 0, "Err_Msg": "ok", "Data": {"Usr_Name": USER, "Usr_ID": "1"}})
            .to_string(),
    )
}
