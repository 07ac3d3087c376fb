//! `meslink spool` on a spool file left by a station's client.

use meslink::{Client, ClientConfig, SpoolConfig};
use meslink_sim::{Sim, SimConfig};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

const WO: &str = "1037020031";

fn meslink(args: &[&str]) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_meslink"))
        .args(args)
        .output()
        .expect("meslink runs");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn spool_cmd(file: &Path, args: &[&str]) -> (bool, String, String) {
    let mut all = vec!["spool", "--file", file.to_str().unwrap()];
    all.extend_from_slice(args);
    meslink(&all)
}

fn station(sim: &Sim, path: &Path) -> Client {
    let mut config = ClientConfig::from_json(
        &json!({
            "ate": {"base_url": sim.base_url(), "emp_no": "ate", "password": "Windows123."},
            "timeout_ms": 5000
        })
        .to_string(),
    )
    .unwrap();
    config.spool = Some(SpoolConfig {
        backoff_initial_ms: 20,
        backoff_max_ms: 200,
        ..SpoolConfig::new(path)
    });
    Client::new(config).unwrap()
}

fn close(c: Client) {
    meslink::runtime::block_on(c.close()).unwrap();
}

#[test]
fn spool_status_list_retry_discard_and_enqueue() {
    let sim = Sim::start_background(SimConfig::default()).unwrap();
    let dir: PathBuf =
        std::env::temp_dir().join(format!("meslink-cli-spool-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("station-spool.db");

    // A station's shift: one SN accepted, one refused by the rule check.
    let c = station(&sim, &file);
    let spool = c.spool().unwrap();
    spool
        .enqueue(
            "ate.sn_detail.upload",
            json!({"work_order": WO, "sn": "BAJ614KM988001Z"}),
        )
        .unwrap();
    let bad = spool
        .enqueue(
            "ate.sn_detail.upload",
            json!({"work_order": WO, "sn": "NOT-A-VALID-SN"}),
        )
        .unwrap();
    assert!(spool.drain_blocking(Duration::from_secs(30)).unwrap());
    close(c);

    let (ok, out, err) = spool_cmd(&file, &["status"]);
    assert!(ok, "{err}");
    let status: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        status,
        json!({"pending": 0, "parked": 0, "dead": 1, "resent_refused": 0, "delivered": 1,
               "repairs": 0, "salvaged": 0, "lost": 0})
    );

    let (ok, out, err) = spool_cmd(&file, &["list", "--dead"]);
    assert!(ok, "{err}");
    let dead: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(dead[0]["seq"], bad);
    assert_eq!(dead[0]["answer"]["server_message"], "SN RULER CHECK NG!FIX");

    // Added from the shell: pending until a client forwards the file.
    let (ok, out, err) = spool_cmd(
        &file,
        &[
            "enqueue",
            "ate.sn_detail.upload",
            r#"{"work_order":"1037020031","sn":"BAJ614KM988002Z"}"#,
        ],
    );
    assert!(ok, "{err}");
    let added: i64 = out.trim().parse().unwrap();
    let (_, out, _) = spool_cmd(&file, &["list", "--limit", "5"]);
    let pending: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(pending[0]["seq"], added);
    let (ok, _, err) = spool_cmd(
        &file,
        &["enqueue", "ate.sn_detail.get", r#"{"work_order":"1"}"#],
    );
    assert!(!ok);
    assert!(err.contains("is not spoolable"), "{err}");

    // Retry puts the dead one back; a pending record can be discarded.
    let (ok, out, err) = spool_cmd(&file, &["retry", &bad.to_string()]);
    assert!(ok, "{err}");
    assert!(out.contains("(dead) is pending again"), "{out}");
    let (_, out, _) = spool_cmd(&file, &["status"]);
    assert_eq!(serde_json::from_str::<Value>(&out).unwrap()["pending"], 2);
    let (ok, out, err) = spool_cmd(&file, &["discard", &added.to_string()]);
    assert!(ok, "{err}");
    assert!(out.contains("(pending) discarded"), "{out}");
    let (ok, out, err) = spool_cmd(&file, &["list", "--parked"]);
    assert!(ok, "{err}");
    assert_eq!(serde_json::from_str::<Value>(&out).unwrap(), json!([]));
    let (ok, out, err) = spool_cmd(&file, &["list", "--state", "pending"]);
    assert!(ok, "{err}");
    assert_eq!(serde_json::from_str::<Value>(&out).unwrap()[0]["seq"], bad);
    let (ok, _, err) = spool_cmd(&file, &["list", "--state", "lost"]);
    assert!(!ok);
    assert!(err.contains("resent_refused"), "{err}");

    // The next client of the file sends the bad one: dead again, then discarded; the
    // discarded one is never sent.
    let c = station(&sim, &file);
    assert!(c
        .spool()
        .unwrap()
        .drain_blocking(Duration::from_secs(30))
        .unwrap());
    close(c);
    let sns: Vec<String> = sim.state().uploads().into_iter().map(|u| u.1).collect();
    assert_eq!(sns, ["BAJ614KM988001Z"]);
    let (ok, out, err) = spool_cmd(&file, &["discard", &bad.to_string()]);
    assert!(ok, "{err}");
    assert!(out.contains("discarded"), "{out}");
    let (_, out, _) = spool_cmd(&file, &["status"]);
    let status: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        (&status["pending"], &status["dead"], &status["delivered"]),
        (&json!(0), &json!(0), &json!(1))
    );
    let (ok, _, err) = spool_cmd(&file, &["discard", &bad.to_string()]);
    assert!(!ok);
    assert!(err.contains("no record with seq"), "{err}");

    // Clear errors.
    let (ok, _, err) = spool_cmd(&dir.join("missing.db"), &["status"]);
    assert!(!ok);
    assert!(err.contains("no spool file"), "{err}");
    let (ok, _, err) = meslink(&["spool", "status"]);
    assert!(!ok);
    assert!(err.contains("--file PATH is required"), "{err}");
    let (ok, _, err) = spool_cmd(&file, &["retry", "x"]);
    assert!(!ok);
    assert!(err.contains("not a sequence number"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}
