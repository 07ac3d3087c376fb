//! `meslink stream` against the simulator: events printed as they come (JSON lines and
//! the human form), a dropped connection shown as reconnecting / reconnected, and Ctrl+C
//! (SIGINT) ending it cleanly with its counts.

use meslink_sim::Sim;
use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{channel, Receiver};
use std::time::{Duration, Instant};

const MACHINE: &str = "8wCxAAAAAAABAAA=";

fn config(sim: &Sim) -> String {
    serde_json::json!({
        "mgm": {"base_url": format!("{}/v1", sim.base_url()),
                "app_key": "meslink-app", "app_secret": "meslink-secret"}
    })
    .to_string()
}

/// The command started with its standard output read line by line on a thread.
fn start(sim: &Sim, extra: &[&str]) -> (Child, Receiver<String>) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_meslink"))
        .args([
            "stream",
            "--machine",
            MACHINE,
            "--config-json",
            &config(sim),
        ])
        .args(extra)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("meslink runs");
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    (child, rx)
}

/// Lines until one satisfies `want` (10 s at most); all of them.
fn until(rx: &Receiver<String>, want: impl Fn(&str) -> bool) -> Vec<String> {
    let deadline = Instant::now() + Duration::from_secs(10);
    let mut seen = Vec::new();
    while let Ok(line) = rx.recv_timeout(deadline.saturating_duration_since(Instant::now())) {
        let done = want(&line);
        seen.push(line);
        if done {
            return seen;
        }
    }
    panic!("not seen within 10 s; got:\n{}", seen.join("\n"));
}

/// Ctrl+C as a terminal sends it; the exit status and standard error once it ended
/// (5 s at most).
fn interrupt(mut child: Child) -> (std::process::ExitStatus, String) {
    let sent = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .expect("kill runs");
    assert!(sent.success());
    let deadline = Instant::now() + Duration::from_secs(5);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("meslink stream did not stop within 5 s of Ctrl+C");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let mut stderr = String::new();
    if let Some(mut e) = child.stderr.take() {
        let _ = std::io::Read::read_to_string(&mut e, &mut stderr);
    }
    (status, stderr)
}

#[test]
fn stream_prints_events_shows_a_reconnect_and_stops_on_ctrl_c() {
    let sim = Sim::start_background(Default::default()).unwrap();
    let (child, rx) = start(&sim, &["--json"]);
    let kind = |line: &str| -> String {
        let v: serde_json::Value =
            serde_json::from_str(line).unwrap_or_else(|e| panic!("not a JSON line ({e}): {line}"));
        v["type"].as_str().unwrap_or_default().to_owned()
    };
    let first = until(&rx, |l| kind(l) == "delta");
    let data: serde_json::Value = serde_json::from_str(first.last().unwrap()).unwrap();
    assert_eq!(data["machine_id"], MACHINE);
    assert!(data["data"].is_object(), "{data}");

    // The server drops the connection: the stream says so and carries on.
    sim.state().drop_mgm_realtime();
    until(&rx, |l| kind(l) == "reconnecting");
    until(&rx, |l| kind(l) == "reconnected");
    until(&rx, |l| kind(l) == "delta");

    let (status, stderr) = interrupt(child);
    assert!(status.success(), "{status:?} {stderr}");
    assert!(stderr.contains("stream closed:"), "{stderr}");
    assert!(stderr.contains("1 reconnects"), "{stderr}");
}

#[test]
fn stream_human_lines_name_the_event_and_the_machine() {
    let sim = Sim::start_background(Default::default()).unwrap();
    let (child, rx) = start(&sim, &["--transport", "raw"]);
    let lines = until(&rx, |l| l.contains("  delta "));
    let delta = lines.last().unwrap();
    assert!(delta.contains(MACHINE), "{delta}");
    assert!(!delta.contains('\x1b'), "no colour off a terminal: {delta}");
    let (status, stderr) = interrupt(child);
    assert!(status.success(), "{status:?} {stderr}");
    assert!(
        stderr.contains("streaming machine 8wCxAAAAAAABAAA=; Ctrl+C stops"),
        "{stderr}"
    );
}

#[test]
fn stream_needs_a_machine() {
    let out = Command::new(env!("CARGO_BIN_EXE_meslink"))
        .args(["stream", "--config-json", "{}"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("needs --machine ID"));
}
