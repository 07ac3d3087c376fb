//! Fault survival of the spool: records enqueued while the simulator answers 503, resets
//! and drops connections and stalls answers; while tokens expire every two seconds; and
//! while the simulator itself is stopped and started again on the same port. Each test
//! reads the simulator's journal of accepted records and asserts every record arrived,
//! in enqueue order, with no duplicate beyond what a killed simulator explains.
//!
//! Size: `MESLINK_SPOOL_FAULT_RECORDS` records in the fault mix test; 400 by default so
//! the file stays well under a minute on a loaded machine, 1000 for the figures of
//! docs/RELIABILITY.md. Figures (faults injected by kind, duplicates) are printed with
//! `--nocapture`.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::time::Duration;

use meslink::{Client, ClientConfig};
use meslink_sim::{read_journal, Sim, SimConfig};
use serde_json::{json, Value};

const WO: &str = "1037020031"; // rule ^B[A-Z]J614KM9\d{5}Z$
const DATASOURCE: &str = "MES01";

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("meslink-spool-faults-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    for suffix in ["", "-wal", "-shm", ".lock"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
    path
}

/// A client of both APIs of `base` with a spool at `spool`: quick backoff so faults
/// cost little time, a timeout well above the 2 s stalls.
fn client(base: &str, spool: &Path) -> Client {
    let config = ClientConfig::from_json(
        &json!({
            "ate": {"base_url": base, "emp_no": "ate", "password": "Windows123."},
            "grading": {"base_url": base, "datasource": DATASOURCE},
            "retry": {"max_attempts": 2, "initial_backoff_ms": 5, "max_backoff_ms": 20},
            "timeout_ms": 10000,
            "spool": {"path": spool, "max_attempts": 0,
                      "backoff_initial_ms": 5, "backoff_max_ms": 100}
        })
        .to_string(),
    )
    .unwrap();
    Client::new(config).unwrap()
}

/// Record `i` of a run: two ATE uploads, then a grading save, and so on. Returns the
/// call id, its params and the key the journal shows for it.
fn record(run: u32, i: usize) -> (&'static str, Value, String) {
    if i % 3 == 2 {
        let barcode = format!("R{run}-CELL-{i:05}");
        let params = json!({"batteryStation": "ST01", "deviceCode": "FR-07", "barcode": barcode,
                            "testTime": "2024-05-06 07:08:09", "workStep": "分容",
                            "voltage": 3.291, "volume": 2.95});
        ("grading.save", params, barcode)
    } else {
        let sn = format!("B{}J614KM9{i:05}Z", (b'A' + run as u8) as char);
        (
            "ate.sn_detail.upload",
            json!({"work_order": WO, "sn": sn}),
            sn,
        )
    }
}

/// The journal's records as keys (SN or barcode), in arrival order.
fn arrivals(journal: &Path) -> Vec<String> {
    read_journal(journal)
        .unwrap()
        .iter()
        .map(|l| {
            l["sn"]
                .as_str()
                .or_else(|| l["barcode"].as_str())
                .expect("journal line has sn or barcode")
                .to_string()
        })
        .collect()
}

/// Asserts every expected key arrived, first arrivals in the expected order, and
/// returns how many arrivals were duplicates.
fn check_arrivals(expected: &[String], arrived: &[String]) -> usize {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    let mut first_order = Vec::new();
    for key in arrived {
        let n = counts.entry(key.as_str()).or_insert(0);
        if *n == 0 {
            first_order.push(key.clone());
        }
        *n += 1;
    }
    let missing: Vec<&String> = expected
        .iter()
        .filter(|k| !counts.contains_key(k.as_str()))
        .collect();
    assert!(
        missing.is_empty(),
        "{} records lost, e.g. {:?}",
        missing.len(),
        &missing[..missing.len().min(5)]
    );
    assert_eq!(
        first_order.len(),
        expected.len(),
        "records arrived that were never enqueued"
    );
    assert!(
        first_order == expected,
        "records arrived out of enqueue order"
    );
    arrived.len() - expected.len()
}

async fn start_sim(journal: &Path, port: u16) -> Sim {
    let config = SimConfig {
        journal: Some(journal.to_path_buf()),
        port,
        ..Default::default()
    };
    // The port of a stopped simulator is free again at once (SO_REUSEADDR); retry a
    // little anyway rather than fail on a slow close.
    let mut last = None;
    for _ in 0..50 {
        match Sim::start(config.clone()).await {
            Ok(sim) => return sim,
            Err(e) => last = Some(e),
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("simulator did not restart on port {port}: {last:?}");
}

async fn drain(client: &Client, what: &str) {
    let drained = client
        .spool()
        .unwrap()
        .drain(Duration::from_secs(600))
        .await
        .unwrap();
    let status = client.spool().unwrap().status().unwrap();
    assert!(drained, "{what}: spool not drained: {status:?}");
    assert_eq!((status.pending, status.dead), (0, 0), "{what}: {status:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn records_survive_503_resets_drops_and_stalls() {
    let n: usize = std::env::var("MESLINK_SPOOL_FAULT_RECORDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(400);
    let journal = scratch("mix.jsonl");
    let sim = start_sim(&journal, 0).await;
    let state = sim.state();
    state.set_503_ratio(0.3);
    state.set_reset_ratio(0.05);
    state.set_drop_ratio(0.02);
    state.set_stall(0.005, Duration::from_secs(2));
    let client = client(&sim.base_url(), &scratch("mix.db"));
    let spool = client.spool().unwrap();

    let mut expected = Vec::new();
    let mut last_seq = 0;
    let t0 = std::time::Instant::now();
    for i in 0..n {
        let (id, params, key) = record(0, i);
        let seq = spool.enqueue(id, params).unwrap();
        assert!(seq > last_seq, "sequence numbers increase");
        last_seq = seq;
        expected.push(key);
    }
    let enqueue_secs = t0.elapsed().as_secs_f64();
    drain(&client, "fault mix").await;

    let duplicates = check_arrivals(&expected, &arrivals(&journal));
    // Faults here are never processed (503, reset, drop) or answered within the
    // timeout (stalls): nothing can arrive twice.
    assert_eq!(duplicates, 0);
    let status = spool.status().unwrap();
    assert_eq!(status.delivered, n as u64);
    let f = state.injected_fault_counts();
    eprintln!(
        "FIGURES spool_faults mix: records={n} requests_upload={} requests_save={} \
         injected_503={} reset={} drop={} stall={} duplicates={duplicates} lost=0 \
         enqueue_s={enqueue_secs:.1} total_s={:.1}",
        state.request_count("ate.sn_detail.upload"),
        state.request_count("grading.save"),
        f.error_503,
        f.reset,
        f.drop,
        f.stall,
        t0.elapsed().as_secs_f64()
    );
    assert!(
        f.error_503 > 0 && f.reset > 0,
        "faults were injected: {f:?}"
    );
    if n >= 500 {
        assert!(f.stall > 0 && f.drop > 0, "faults were injected: {f:?}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn records_survive_tokens_expiring_every_two_seconds() {
    let journal = scratch("tokens.jsonl");
    let sim = start_sim(&journal, 0).await;
    let state = sim.state();
    state.set_token_lifetime(Duration::from_secs(2));
    // Slow enough that the run outlives several tokens.
    state.set_latency(Duration::from_millis(10));
    let client = client(&sim.base_url(), &scratch("tokens.db"));
    let spool = client.spool().unwrap();
    let n = 250;
    let mut expected = Vec::new();
    for i in 0..n {
        // Uploads only: they are the calls that carry the token.
        let (id, params, key) = record(1, i * 3);
        spool.enqueue(id, params).unwrap();
        expected.push(key);
    }
    // And every token issued so far revoked once, mid-run.
    tokio::time::sleep(Duration::from_millis(500)).await;
    state.expire_all_tokens();
    drain(&client, "token expiry").await;
    let duplicates = check_arrivals(&expected, &arrivals(&journal));
    assert_eq!(duplicates, 0);
    let logins = state.login_count();
    eprintln!(
        "FIGURES spool_faults tokens: records={n} logins={logins} duplicates={duplicates} lost=0"
    );
    assert!(
        logins >= 2,
        "tokens expired during the run: {logins} logins"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn records_survive_the_simulator_restarting_on_its_port() {
    let journal = scratch("restart.jsonl");
    let mut sim = start_sim(&journal, 0).await;
    let addr: SocketAddr = sim.addr();
    let client = client(&sim.base_url(), &scratch("restart.db"));
    let spool = client.spool().unwrap();
    // A little latency keeps a backlog in the spool while the simulator is away.
    sim.state().set_latency(Duration::from_millis(3));
    let n = 400;
    let mut expected = Vec::new();
    for i in 0..n {
        let (id, params, key) = record(2, i);
        spool.enqueue(id, params).unwrap();
        expected.push(key);
    }
    let mut restarts = 0;
    for threshold in [100, 250] {
        let deadline = tokio::time::Instant::now() + Duration::from_secs(120);
        while arrivals(&journal).len() < threshold {
            assert!(tokio::time::Instant::now() < deadline, "no progress");
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        sim.shutdown(); // every connection closed, a request in progress cut off
        tokio::time::sleep(Duration::from_millis(700)).await; // refused connections meanwhile
        sim = start_sim(&journal, addr.port()).await;
        sim.state().set_503_ratio(0.1);
        restarts += 1;
    }
    drain(&client, "simulator restart").await;
    let arrived = arrivals(&journal);
    let duplicates = check_arrivals(&expected, &arrived);
    // A record can arrive twice only if it was accepted by a simulator stopped before
    // its answer left: at most one per restart.
    assert!(
        duplicates <= restarts,
        "{duplicates} duplicates for {restarts} restarts"
    );
    eprintln!(
        "FIGURES spool_faults restart: records={n} restarts={restarts} duplicates={duplicates} lost=0"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn energy_records_survive_503s_and_resets() {
    let journal = scratch("energy.jsonl");
    let sim = start_sim(&journal, 0).await;
    let state = sim.state();
    state.set_503_ratio(0.3);
    state.set_reset_ratio(0.05);
    let base = sim.base_url();
    let config = ClientConfig::from_json(
        &json!({
            "energy": {"base_url": base, "username": "admin", "password": "admin123"},
            "retry": {"max_attempts": 2, "initial_backoff_ms": 5, "max_backoff_ms": 20},
            "timeout_ms": 10000,
            "spool": {"path": scratch("energy.db"), "backoff_initial_ms": 5, "backoff_max_ms": 100}
        })
        .to_string(),
    )
    .unwrap();
    let client = Client::new(config).unwrap();
    let spool = client.spool().unwrap();
    let n = 40;
    for i in 0..n {
        if i % 2 == 0 {
            spool
                .enqueue(
                    "energy.product_output.create",
                    json!({"Product_id": 1, "Total_Amount": 1000 + i, "Meter_Superior_id": 1,
                           "Time_Start": "2024-01-05 08:00:00", "Time_End": "2024-01-05 12:00:00",
                           "ProductBatch_id": 1}),
                )
                .unwrap();
        } else {
            spool
                .enqueue(
                    "energy.prp.manual_data.add",
                    json!({"Meter_id": 5, "Date_Time": "2024-01-05 09:00:00", "Date_Type": "3",
                           "Data_Amount": format!("{i}.5")}),
                )
                .unwrap();
        }
    }
    drain(&client, "energy").await;
    let lines = read_journal(&journal).unwrap();
    let got: Vec<(String, String)> = lines
        .iter()
        .map(|l| {
            let row = &l["row"];
            let key = row
                .get("Total_Amount")
                .or_else(|| row.get("Data_Amount"))
                .map(|v| v.to_string().trim_matches('"').to_string())
                .unwrap_or_default();
            (l["kind"].as_str().unwrap_or_default().to_string(), key)
        })
        .collect();
    let expected: Vec<(String, String)> = (0..n)
        .map(|i| {
            if i % 2 == 0 {
                (
                    meslink_sim::JOURNAL_ENERGY_OUTPUT.to_string(),
                    format!("{}", 1000 + i),
                )
            } else {
                (
                    meslink_sim::JOURNAL_ENERGY_MANUAL.to_string(),
                    format!("{i}.5"),
                )
            }
        })
        .collect();
    assert_eq!(got, expected, "every energy record once, in enqueue order");
    let f = state.injected_fault_counts();
    eprintln!(
        "FIGURES spool_faults energy: records={n} injected_503={} reset={} lost=0",
        f.error_503, f.reset
    );
}
