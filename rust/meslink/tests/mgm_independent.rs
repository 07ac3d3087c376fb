//! The live stream against an independent SockJS server: the `sockjs` npm package on
//! Node (`tests/sockjs-node/server.js`), over both transports, across its token-expiry
//! closes. The package is installed with npm into a temp folder on first use; the test
//! is skipped, saying why, only when node is missing or npm cannot install it.

use meslink::mgm::{Stream, StreamEvent, StreamOptions, StreamTransport};
use meslink::Client;
use serde_json::json;
use std::collections::HashSet;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const SCRIPT: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../tests/sockjs-node/server.js"
);

/// The node server; killed when dropped.
struct NodeServer {
    child: Child,
    port: u16,
}

impl Drop for NodeServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// `node_modules` holding `sockjs`, installed on first use; None (with the reason
/// printed) when that is impossible here.
fn sockjs_modules() -> Option<PathBuf> {
    if Command::new("node").arg("--version").output().is_err() {
        eprintln!("SKIPPED: node is not installed");
        return None;
    }
    let dir = std::env::temp_dir().join("meslink-sockjs-node");
    let modules = dir.join("node_modules");
    if modules.join("sockjs/package.json").exists() {
        return Some(modules);
    }
    std::fs::create_dir_all(&dir).ok()?;
    let out = Command::new("npm")
        .args([
            "install",
            "--no-audit",
            "--no-fund",
            "--no-save",
            "--prefix",
        ])
        .arg(&dir)
        .arg("sockjs@0.3")
        .output();
    match out {
        Ok(o) if o.status.success() && modules.join("sockjs/package.json").exists() => {
            Some(modules)
        }
        Ok(o) => {
            eprintln!(
                "SKIPPED: npm cannot install sockjs: {}",
                String::from_utf8_lossy(&o.stderr)
            );
            None
        }
        Err(e) => {
            eprintln!("SKIPPED: npm cannot run: {e}");
            None
        }
    }
}

fn start(modules: &Path) -> NodeServer {
    let mut child = Command::new("node")
        .arg(SCRIPT)
        .env("NODE_PATH", modules)
        .env("EXPIRE_MS", "800")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("node starts");
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let port = line
        .trim()
        .strip_prefix("PORT ")
        .and_then(|p| p.parse().ok())
        .unwrap_or_else(|| panic!("the node server did not start: {line:?}"));
    NodeServer { child, port }
}

/// Events from both machines, then three token-expiry reconnects each followed by events
/// from both machines again.
async fn exercise(stream: &Stream) {
    let machines = ["8wCxAAAAAAABAAA=", "GADIAAAAAgABAAA="];
    for m in machines {
        stream.subscribe(m).unwrap();
    }
    let mut kinds = HashSet::new();
    let mut heard = HashSet::new();
    let mut reconnects = 0;
    let mut notices = 0;
    let deadline = Instant::now() + Duration::from_secs(12);
    while Instant::now() < deadline {
        let ev = stream
            .next(Duration::from_secs(5))
            .await
            .unwrap()
            .expect("an event within 5 s");
        kinds.insert(ev.kind());
        match ev {
            StreamEvent::Status { machine_id, .. }
            | StreamEvent::Snapshot { machine_id, .. }
            | StreamEvent::Delta { machine_id, .. } => {
                heard.insert(machine_id);
            }
            StreamEvent::Reconnected { .. } => {
                assert_eq!(
                    heard.len(),
                    2,
                    "both machines before reconnect {reconnects}"
                );
                heard.clear();
                reconnects += 1;
            }
            StreamEvent::Notice { raw } => {
                assert_eq!(raw["code"], 3005);
                notices += 1;
            }
            StreamEvent::Reconnecting { .. } => {}
        }
        if reconnects == 3 && heard.len() == 2 {
            break;
        }
    }
    assert_eq!(reconnects, 3, "{kinds:?}");
    assert_eq!(heard.len(), 2, "events after the last reconnect");
    assert!(notices >= 3);
    for k in [
        "status",
        "snapshot",
        "delta",
        "notice",
        "reconnecting",
        "reconnected",
    ] {
        assert!(kinds.contains(k), "no {k} event: {kinds:?}");
    }
}

#[tokio::test]
async fn works_against_the_sockjs_npm_package_over_both_transports() {
    let Some(modules) = sockjs_modules() else {
        return;
    };
    let server = start(&modules);
    let client = Client::from_json(
        &json!({"mgm": {"base_url": format!("http://127.0.0.1:{}/v1", server.port),
                        "app_key": "k", "app_secret": "s"}})
        .to_string(),
    )
    .unwrap();
    for transport in [StreamTransport::SockJs, StreamTransport::Raw] {
        let stream = client
            .mgm_stream_open(StreamOptions {
                transport,
                reconnect_initial_ms: 50,
                ..Default::default()
            })
            .await
            .unwrap();
        exercise(&stream).await;
        stream.close();
    }
}
