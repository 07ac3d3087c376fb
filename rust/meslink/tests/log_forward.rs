//! The records forwarded to the hosts (`meslink::log`): a queue at TRACE level receives
//! the retries and re-logins of calls with their call id, server and client; no record
//! of the secret-leak scenario (every call with good and wrong credentials, tokens and
//! sessions expired, a live stream) holds a password, secret or token; a full queue drops
//! its oldest records and counts them; records of a level nobody wants are not queued.
//!
//! One test function: the forwarding layer is the process's one subscriber, and the
//! queue's level is process-wide state.

mod common;

use common::leak_scenario::{assert_no_secret, run_scenario};
use meslink::log::{Level, LogQueue};
use meslink::Client;
use serde_json::json;
use std::time::Duration;

fn drain(queue: &LogQueue) -> Vec<meslink::log::LogEntry> {
    std::iter::from_fn(|| queue.pop()).collect()
}

#[test]
fn forwarded_records() {
    let queue = LogQueue::register(100_000);
    assert!(
        meslink::log::install(),
        "the forwarding layer is the subscriber"
    );

    // Off: nothing is queued.
    let rt = tokio::runtime::Runtime::new().unwrap();
    let sim = rt.block_on(common::sim());
    let client = Client::new(common::config(&sim.base_url())).unwrap();
    sim.state().fail_next_503(1);
    rt.block_on(client.call("ate.sn_detail.get", json!({"work_order": common::WO})))
        .unwrap();
    assert!(queue.is_empty(), "records queued while the queue is off");

    // INFO: a retry and a re-login, with their call, server and client.
    queue.set_level(Some(Level::Info));
    sim.state().fail_next_503(1);
    sim.state().expire_all_tokens();
    rt.block_on(client.call("ate.sn_detail.get", json!({"work_order": common::WO})))
        .unwrap();
    let records = drain(&queue);
    let retry = records
        .iter()
        .map(|e| &e.record)
        .find(|r| r.message.starts_with("retrying"))
        .unwrap_or_else(|| panic!("no retry record: {records:?}"));
    assert_eq!(retry.level, Level::Info);
    assert_eq!(retry.target, "meslink.ate");
    assert_eq!(retry.call.as_deref(), Some("ate.sn_detail.get"));
    assert_eq!(retry.client, Some(client.log_id()));
    let json = retry.to_json();
    assert_eq!(json["level"], "info");
    assert!(json["time"].as_str().unwrap().ends_with('Z'), "{json}");
    assert!(
        records
            .iter()
            .any(|e| e.record.message.contains("logging in again")),
        "no re-login record: {records:?}"
    );
    assert!(
        records.iter().all(|e| e.record.level <= Level::Info),
        "a record above the queue's level: {records:?}"
    );

    // A full queue drops its oldest records and counts them.
    let small = LogQueue::register(2);
    small.set_level(Some(Level::Debug));
    for _ in 0..3 {
        rt.block_on(client.call("ate.sn_detail.get", json!({"work_order": common::WO})))
            .unwrap();
    }
    let first = small.pop().expect("a record");
    assert!(first.dropped_before > 0, "nothing counted as dropped");
    assert_eq!(small.dropped_total(), first.dropped_before);
    assert!(small.next(Duration::from_millis(10)).is_some());
    assert!(small.next(Duration::from_millis(10)).is_none());
    drop(small);

    // The TLS-off warning and the spool's state changes.
    queue.set_level(Some(Level::Debug));
    drain(&queue);
    let dir = std::env::temp_dir().join(format!("meslink-log-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let spooling = Client::from_json(
        &json!({
            "grading": {"base_url": sim.base_url(), "datasource": "MES01"},
            "retry": {"max_attempts": 1},
            "tls": {"danger_accept_invalid_certs": true},
            "spool": {"path": dir.join("log.db"), "backoff_initial_ms": 10, "backoff_max_ms": 20}
        })
        .to_string(),
    )
    .unwrap();
    sim.state().fail_next_503(1);
    let seq = spooling
        .spool()
        .unwrap()
        .enqueue(
            "grading.save",
            json!({"batteryStation": "S1", "deviceCode": "D1", "barcode": "LOG-1",
                   "testTime": "2024-06-03 16:00:00", "workStep": "W"}),
        )
        .unwrap();
    assert!(rt
        .block_on(spooling.spool().unwrap().drain(Duration::from_secs(10)))
        .unwrap());
    rt.block_on(spooling.close());
    drop(spooling);
    let _ = std::fs::remove_dir_all(&dir);
    let records = drain(&queue);
    let find = |level: Level, target: &str, text: &str| {
        records.iter().any(|e| {
            e.record.level == level && e.record.target == target && e.record.message.contains(text)
        })
    };
    let all: Vec<_> = records
        .iter()
        .map(|e| e.record.to_json().to_string())
        .collect();
    assert!(
        find(
            Level::Warn,
            "meslink.tls",
            "TLS certificate verification is OFF"
        ),
        "{all:#?}"
    );
    assert!(
        find(
            Level::Debug,
            "meslink.spool",
            &format!("spool: enqueued seq={seq}")
        ),
        "{all:#?}"
    );
    assert!(
        find(Level::Info, "meslink.spool", "spool: will retry"),
        "{all:#?}"
    );
    assert!(
        find(Level::Debug, "meslink.spool", "spool: delivered"),
        "{all:#?}"
    );
    drop(client);
    drop(sim);
    drop(rt);

    // TRACE: every record of the secret-leak scenario, checked for secrets.
    queue.set_level(Some(Level::Trace));
    drain(&queue);
    let outputs = run_scenario();
    let records = drain(&queue);
    assert!(records.len() > 100, "only {} records", records.len());
    assert!(records
        .iter()
        .any(|e| e.record.level == Level::Trace || e.record.level == Level::Debug));
    let text: Vec<String> = records
        .iter()
        .map(|e| e.record.to_json().to_string())
        .collect();
    assert_no_secret(&text.join("\n"), &outputs);
    println!(
        "{} forwarded records at TRACE level: no secret",
        records.len()
    );
}
