//! The store-and-forward spool against the simulator: what was enqueued is what
//! arrives, in order, whatever the server did meanwhile.

mod common;

use common::{cell, config, WO};
use meslink::{Client, ErrorKind, Spool, SpoolConfig, SpoolState};
use meslink_sim::{Sim, SimConfig};
use serde_json::json;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

const DRAIN: Duration = Duration::from_secs(30);

/// A fresh spool file path in a fresh directory.
fn spool_path(name: &str) -> PathBuf {
    static N: AtomicU32 = AtomicU32::new(0);
    let dir = std::env::temp_dir().join(format!(
        "meslink-spool-test-{}-{}-{name}",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir.join("station-spool.db")
}

fn spool_config(path: &PathBuf, max_attempts: u32) -> SpoolConfig {
    SpoolConfig {
        max_attempts,
        backoff_initial_ms: 20,
        backoff_max_ms: 200,
        ..SpoolConfig::new(path)
    }
}

fn spooling_client(base: &str, path: &PathBuf, max_attempts: u32) -> Client {
    let mut c = config(base);
    c.spool = Some(spool_config(path, max_attempts));
    Client::new(c).unwrap()
}

/// SNs that pass work order 1037020031's rule, `^B[A-Z]J614KM9\d{5}Z$`.
fn sn(i: usize) -> String {
    format!("BAJ614KM9{:05}Z", i)
}

fn upload(sn: &str) -> serde_json::Value {
    json!({"work_order": WO, "sn": sn})
}

fn arrived(sim: &Sim) -> Vec<String> {
    sim.state()
        .uploads()
        .into_iter()
        .map(|(wo, sn)| {
            assert_eq!(wo, WO);
            sn
        })
        .collect()
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

#[tokio::test]
async fn records_enqueued_while_the_server_is_unreachable_arrive_in_order() {
    let port = free_port();
    let path = spool_path("unreachable");
    let c = spooling_client(&format!("http://127.0.0.1:{port}"), &path, 0);
    let spool = c.spool().unwrap();
    let sns: Vec<String> = (0..20).map(sn).collect();
    let mut seqs = Vec::new();
    for s in &sns {
        seqs.push(spool.enqueue("ate.sn_detail.upload", upload(s)).unwrap());
    }
    assert!(seqs.windows(2).all(|w| w[0] < w[1]), "{seqs:?}");
    assert!(!spool.drain(Duration::from_millis(300)).await.unwrap());
    let status = spool.status().unwrap();
    assert_eq!((status.pending, status.dead, status.delivered), (20, 0, 0));
    let pending = spool.list(SpoolState::Pending, 100).unwrap();
    assert_eq!(pending.len(), 20);
    assert_eq!(pending[0].params, upload(&sns[0]));
    assert!(pending
        .iter()
        .any(|r| r.attempts > 0 && r.last_error.is_some()));

    // The server comes up on that port: everything arrives, once, in order.
    let sim = Sim::start(SimConfig {
        port,
        ..SimConfig::default()
    })
    .await
    .unwrap();
    assert!(spool.drain(DRAIN).await.unwrap());
    assert_eq!(arrived(&sim), sns);
    let status = spool.status().unwrap();
    assert_eq!((status.pending, status.dead, status.delivered), (0, 0, 20));
}

#[tokio::test]
async fn records_enqueued_while_the_server_answers_503_arrive_in_order() {
    let sim = Sim::start(SimConfig::default()).await.unwrap();
    sim.state().set_503_ratio(1.0);
    let path = spool_path("503");
    let c = spooling_client(&sim.base_url(), &path, 0);
    let spool = c.spool().unwrap();
    let sns: Vec<String> = (100..130).map(sn).collect();
    for s in &sns {
        spool.enqueue("ate.sn_detail.upload", upload(s)).unwrap();
    }
    // A grading record in the same queue.
    spool.enqueue("grading.save", cell("CELL-SPOOL-1")).unwrap();
    assert!(!spool.drain(Duration::from_millis(300)).await.unwrap());
    assert!(arrived(&sim).is_empty());
    assert!(sim.state().injected_faults().0 > 0);
    sim.state().set_503_ratio(0.0);
    assert!(spool.drain(DRAIN).await.unwrap());
    assert_eq!(arrived(&sim), sns);
    let saved = sim
        .state()
        .grading_record("MES01", "CELL-SPOOL-1")
        .expect("the spooled grading record arrived");
    assert_eq!(saved["testTime"], "2024-05-06 07:08:09");
    assert_eq!(spool.status().unwrap().delivered, 31);
}

#[tokio::test]
async fn a_rule_check_ng_goes_to_the_dead_letters_and_the_rest_goes_on() {
    let sim = Sim::start(SimConfig::default()).await.unwrap();
    let path = spool_path("dead");
    let c = spooling_client(&sim.base_url(), &path, 0);
    let spool = c.spool().unwrap();
    spool
        .enqueue("ate.sn_detail.upload", upload(&sn(1)))
        .unwrap();
    let bad = spool
        .enqueue("ate.sn_detail.upload", upload("NOT-A-VALID-SN"))
        .unwrap();
    spool
        .enqueue("ate.sn_detail.upload", upload(&sn(2)))
        .unwrap();
    let bad2 = spool
        .enqueue("ate.sn_detail.upload", upload("ALSO-BAD"))
        .unwrap();
    assert!(spool.drain(DRAIN).await.unwrap());
    assert_eq!(arrived(&sim), vec![sn(1), sn(2)]);
    let status = spool.status().unwrap();
    assert_eq!((status.pending, status.dead, status.delivered), (0, 2, 2));

    let dead = spool.list(SpoolState::Dead, 10).unwrap();
    assert_eq!(dead.len(), 2);
    let d = &dead[0];
    assert_eq!((d.seq, d.call_id.as_str()), (bad, "ate.sn_detail.upload"));
    assert_eq!(d.params, upload("NOT-A-VALID-SN"));
    assert_eq!(d.attempts, 1);
    let answer = d.answer.as_ref().unwrap();
    assert_eq!(answer["kind"], "business");
    assert_eq!(answer["server_message"], "SN RULER CHECK NG!FIX");
    assert!(d
        .last_error
        .as_deref()
        .unwrap()
        .contains("SN RULER CHECK NG!FIX"));
    assert!(d.died_at.is_some());

    // Retry after the rule was fixed on the server: it arrives.
    sim.state()
        .add_work_order(WO, "HWR650RUSN", "BZJ614KM901580Z", r"^.+$", 928, 0);
    spool.retry(bad).unwrap();
    assert!(spool.drain(DRAIN).await.unwrap());
    assert_eq!(arrived(&sim), vec![sn(1), sn(2), "NOT-A-VALID-SN".into()]);
    // Discard the other one.
    spool.discard(bad2).unwrap();
    let status = spool.status().unwrap();
    assert_eq!((status.pending, status.dead, status.delivered), (0, 0, 3));
    // Neither acts on a record the spool no longer holds.
    for e in [
        spool.discard(bad2).unwrap_err(),
        spool.retry(bad).unwrap_err(),
        spool.retry(9999).unwrap_err(),
    ] {
        assert_eq!(e.kind, ErrorKind::InvalidArgument);
        assert!(e.message.contains("no record with seq"), "{e}");
    }
}

#[tokio::test]
async fn transient_failures_give_up_after_max_attempts() {
    let sim = Sim::start(SimConfig::default()).await.unwrap();
    sim.state().set_503_ratio(1.0);
    let path = spool_path("max-attempts");
    let c = spooling_client(&sim.base_url(), &path, 2);
    let spool = c.spool().unwrap();
    let seq = spool
        .enqueue("ate.sn_detail.upload", upload(&sn(7)))
        .unwrap();
    assert!(spool.drain(DRAIN).await.unwrap());
    let dead = spool.list(SpoolState::Dead, 10).unwrap();
    assert_eq!(dead.len(), 1);
    assert_eq!((dead[0].seq, dead[0].attempts), (seq, 2));
    assert!(dead[0]
        .last_error
        .as_deref()
        .unwrap()
        .contains("gave up after 2 attempts"));
    assert_eq!(dead[0].answer.as_ref().unwrap()["http_status"], 503);
    sim.state().set_503_ratio(0.0);
    spool.retry(seq).unwrap();
    assert!(spool.drain(DRAIN).await.unwrap());
    assert_eq!(arrived(&sim), vec![sn(7)]);
}

#[tokio::test]
async fn refused_ids_and_params_store_nothing() {
    let sim = Sim::start(SimConfig::default()).await.unwrap();
    let path = spool_path("refused");
    let c = spooling_client(&sim.base_url(), &path, 0);
    let spool = c.spool().unwrap();
    let e = spool
        .enqueue("ate.sn_detail.get", json!({"work_order": WO}))
        .unwrap_err();
    assert_eq!(e.kind, ErrorKind::InvalidArgument);
    assert!(e.message.contains("is not spoolable"), "{e}");
    assert!(e.message.contains("ate.sn_detail.upload"), "{e}");
    let e = spool.enqueue("ate.nope", json!({})).unwrap_err();
    assert!(e.message.contains("unknown call id"), "{e}");
    let e = spool
        .enqueue("ate.sn_detail.upload", json!({"work_order": WO}))
        .unwrap_err();
    assert!(e.message.contains("\"sn\""), "{e}");
    // A spoolable call of a server the client has no section for.
    let e = spool
        .enqueue(
            "energy.prp.manual_data.add",
            json!({"Meter_id": 1, "Date_Time": "2024-01-01 00:00:00", "Value": 1.0}),
        )
        .unwrap_err();
    assert!(e.message.contains("no \"energy\" section"), "{e}");
    let status = spool.status().unwrap();
    assert_eq!((status.pending, status.dead, status.delivered), (0, 0, 0));

    // No spool configured.
    let plain = common::client(&sim.base_url());
    let e = plain.spool().unwrap_err();
    assert!(e.message.contains("no spool configured"), "{e}");
}

#[tokio::test]
async fn the_catalog_marks_the_production_records_spoolable() {
    for id in [
        "ate.sn_detail.upload",
        "grading.save",
        "energy.product_output.create",
        "energy.prp.manual_data.add",
    ] {
        assert!(meslink::catalog::find(id).unwrap().spoolable, "{id}");
    }
}

#[tokio::test]
async fn unusable_paths_and_a_second_forwarder_are_clear_errors() {
    let sim = Sim::start(SimConfig::default()).await.unwrap();
    let missing_dir = std::env::temp_dir()
        .join("meslink-no-such-dir-for-spool")
        .join("x")
        .join("spool.db");
    let mut cfg = config(&sim.base_url());
    cfg.spool = Some(spool_config(&missing_dir, 0));
    // Direct calls never depend on the spool: the client is built and calls; every
    // spool method says why it cannot spool.
    let c = Client::new(cfg).unwrap();
    c.call("grading.save", cell("CELL-NO-SPOOL")).await.unwrap();
    let spool = c.spool().unwrap();
    assert!(!spool.is_forwarding());
    for e in [
        spool.enqueue("grading.save", cell("CELL-X")).unwrap_err(),
        spool.status().unwrap_err(),
        spool.list(SpoolState::Pending, 1).unwrap_err(),
        spool.retry(1).unwrap_err(),
        spool.drain(Duration::from_millis(10)).await.unwrap_err(),
    ] {
        assert_eq!(e.kind, ErrorKind::InvalidArgument);
        assert!(e.message.contains("the spool could not be opened"), "{e}");
        assert!(e.message.contains("direct calls work"), "{e}");
        assert!(e.message.contains("missing directory"), "{e}");
    }

    let e = meslink::ClientConfig::from_json(r#"{"spool":{"path":""}}"#).unwrap_err();
    assert!(e.message.contains("spool.path"), "{e}");
    let e = meslink::ClientConfig::from_json(r#"{"spool":{"path":"a.db","max_attemps":1}}"#)
        .unwrap_err();
    assert!(e.message.contains("max_attemps"), "{e}");

    let path = spool_path("twice");
    let first = spooling_client(&sim.base_url(), &path, 0);
    let mut cfg = config(&sim.base_url());
    cfg.spool = Some(spool_config(&path, 0));
    let second = Client::new(cfg.clone()).unwrap();
    let e = second.spool().unwrap().status().unwrap_err();
    assert!(e.message.contains("already being forwarded"), "{e}");
    drop(second);
    // Offline inspection is allowed meanwhile.
    let offline = Spool::open_offline(&path).unwrap();
    assert_eq!(offline.status().unwrap().pending, 0);
    assert!(!offline.is_forwarding());
    let e = Spool::open_offline(path.with_extension("missing")).unwrap_err();
    assert!(e.message.contains("no spool file"), "{e}");
    // Once the first client is closed, the file is free.
    first.close().await;
    assert!(!first.spool().unwrap().is_forwarding());
    let second = Client::new(cfg).unwrap();
    assert!(second.spool().unwrap().is_forwarding());
}

#[tokio::test]
async fn a_new_client_forwards_what_a_dropped_one_left() {
    // On its own thread: the new client's open may wait for the dropped one's forwarder
    // to finish a send to this simulator, blocking the test's thread meanwhile.
    let sim = Sim::start_background(SimConfig::default()).unwrap();
    sim.state().set_503_ratio(1.0);
    let path = spool_path("durable");
    let sns: Vec<String> = (200..210).map(sn).collect();
    {
        let c = spooling_client(&sim.base_url(), &path, 0);
        for s in &sns {
            c.spool()
                .unwrap()
                .enqueue("ate.sn_detail.upload", upload(s))
                .unwrap();
        }
        // Dropped without drain or close.
    }
    assert!(arrived(&sim).is_empty());
    // Offline, the records are there.
    let offline = Spool::open_offline(&path).unwrap();
    assert_eq!(offline.status().unwrap().pending, 10);

    sim.state().set_503_ratio(0.0);
    let c = spooling_client(&sim.base_url(), &path, 0);
    assert!(c.spool().unwrap().drain(DRAIN).await.unwrap());
    assert_eq!(arrived(&sim), sns);
    let status = offline.status().unwrap();
    assert_eq!((status.pending, status.delivered), (0, 10));
}

#[tokio::test]
async fn close_stops_forwarding_and_the_next_open_resumes() {
    let sim = Sim::start(SimConfig::default()).await.unwrap();
    sim.state().set_503_ratio(1.0);
    let path = spool_path("close");
    let c = spooling_client(&sim.base_url(), &path, 0);
    let spool = c.spool().unwrap();
    spool
        .enqueue("ate.sn_detail.upload", upload(&sn(300)))
        .unwrap();
    c.close().await;
    assert!(!spool.is_forwarding());
    sim.state().set_503_ratio(0.0);
    // Enqueued after the close: stored, not sent by this client.
    spool
        .enqueue("ate.sn_detail.upload", upload(&sn(301)))
        .unwrap();
    assert!(!spool.drain(Duration::from_millis(300)).await.unwrap());
    assert!(arrived(&sim).is_empty());
    drop(c);

    let c = spooling_client(&sim.base_url(), &path, 0);
    assert!(c.spool().unwrap().drain(DRAIN).await.unwrap());
    assert_eq!(arrived(&sim), vec![sn(300), sn(301)]);
}

#[tokio::test]
async fn a_record_left_in_flight_is_sent_again_on_open() {
    let sim = Sim::start_background(SimConfig::default()).unwrap();
    sim.state().set_503_ratio(1.0);
    let path = spool_path("in-flight");
    let sns: Vec<String> = (400..403).map(sn).collect();
    let c = spooling_client(&sim.base_url(), &path, 0);
    let first = c
        .spool()
        .unwrap()
        .enqueue("ate.sn_detail.upload", upload(&sns[0]))
        .unwrap();
    for s in &sns[1..] {
        c.spool()
            .unwrap()
            .enqueue("ate.sn_detail.upload", upload(s))
            .unwrap();
    }
    c.close().await;
    drop(c);
    // As a process killed between the send and the answer leaves it.
    let raw = rusqlite::Connection::open(&path).unwrap();
    raw.execute(
        "UPDATE queue SET in_flight = 1, attempts = attempts + 1 WHERE seq = ?1",
        [first],
    )
    .unwrap();
    drop(raw);
    let offline = Spool::open_offline(&path).unwrap();
    let pending = offline.list(SpoolState::Pending, 10).unwrap();
    assert!(pending[0].in_flight && pending[0].seq == first);
    assert!(!pending[1].in_flight);

    sim.state().set_503_ratio(0.0);
    let c = spooling_client(&sim.base_url(), &path, 0);
    assert!(c.spool().unwrap().drain(DRAIN).await.unwrap());
    assert_eq!(arrived(&sim), sns);
    assert_eq!(offline.status().unwrap().delivered, 3);
}

#[tokio::test]
async fn an_energy_err_no_is_a_dead_letter_with_the_platform_code() {
    let sim = Sim::start(SimConfig::default()).await.unwrap();
    let path = spool_path("energy");
    let mut cfg = meslink::ClientConfig::from_json(
        &json!({
            "energy": {"base_url": sim.base_url(), "username": "admin", "password": "admin123"},
            "timeout_ms": 5000
        })
        .to_string(),
    )
    .unwrap();
    cfg.spool = Some(spool_config(&path, 0));
    let c = Client::new(cfg).unwrap();
    let spool = c.spool().unwrap();
    // A product, machine and batch the platform does not know.
    let seq = spool
        .enqueue(
            "energy.product_output.create",
            json!({"Product_id": 987654, "Total_Amount": 10, "Meter_Superior_id": 987654,
                   "Time_Start": "2024-05-06 07:00:00", "Time_End": "2024-05-06 08:00:00",
                   "ProductBatch_id": 987654}),
        )
        .unwrap();
    assert!(spool.drain(DRAIN).await.unwrap());
    let dead = spool.list(SpoolState::Dead, 10).unwrap();
    assert_eq!(dead.len(), 1, "{dead:?}");
    assert_eq!(dead[0].seq, seq);
    let answer = dead[0].answer.as_ref().unwrap();
    assert!(answer["server_code"].is_string(), "{answer}");
    assert!(answer["server_message"].is_string(), "{answer}");
    assert_eq!(spool.status().unwrap().delivered, 0);
}
