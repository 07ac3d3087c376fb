//! Spool liveness: a record that keeps failing is parked and the records behind it go
//! on, except those of its own key (SN, barcode), which never overtake it; parked and
//! pending records are listed, retried and discarded.
//!
//! The poison record is a grading record whose server is down (nothing listens on its
//! port) while the ATE server answers: it fails transiently every time, as a record
//! the server answers with HTTP 500. `MESLINK_POISON_DEFAULT_BUDGET=1` runs the first
//! test with the default budgets (5 attempts and 30 s) and backoff, for the figures of
//! docs/RELIABILITY.md; printed with `--nocapture`.

mod spool_common;

use meslink::{ErrorKind, SpoolState};
use meslink_sim::{read_journal, Sim, SimConfig};
use serde_json::json;
use spool_common::*;
use std::time::{Duration, Instant};

const DRAIN: Duration = Duration::from_secs(60);

fn sn(i: usize) -> String {
    sn_of('L', i)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_poison_record_is_parked_and_only_its_own_key_waits_behind_it() {
    let journal = spool_path("poison").with_file_name("journal.jsonl");
    let ate = Sim::start(SimConfig {
        journal: Some(journal.clone()),
        ..SimConfig::default()
    })
    .await
    .unwrap();
    let grading_port = free_port();
    let grading = format!("http://127.0.0.1:{grading_port}");
    let defaults = std::env::var("MESLINK_POISON_DEFAULT_BUDGET").is_ok_and(|v| v == "1");
    let budget = if defaults {
        json!({"backoff_initial_ms": 200, "backoff_max_ms": 30000})
    } else {
        json!({"park_after_attempts": 3, "park_after_s": 1, "park_retry_s": 1})
    };
    let path = spool_path("poison");
    let c = client(&ate.base_url(), &grading, &path, budget);
    let spool = c.spool().unwrap();

    // The poison record first; its barcode is also the SN of a later upload.
    let t0 = Instant::now();
    let poison = spool.enqueue("grading.save", cell(&sn(9))).unwrap();
    let behind: Vec<String> = (1..=3).map(sn).collect();
    for s in &behind {
        spool.enqueue("ate.sn_detail.upload", upload(s)).unwrap();
    }
    let same_key = spool
        .enqueue("ate.sn_detail.upload", upload(&sn(9)))
        .unwrap();
    spool
        .enqueue("ate.sn_detail.upload", upload(&sn(4)))
        .unwrap();

    // Parked once its budget is spent; the unrelated records pass it.
    assert!(
        eventually(Duration::from_secs(180), || spool.status().unwrap().parked
            == 1)
        .await,
        "never parked: {:?}",
        spool.status()
    );
    let time_to_park = t0.elapsed();
    let want: Vec<String> = behind.iter().cloned().chain([sn(4)]).collect();
    assert!(
        eventually(Duration::from_secs(30), || arrived(&ate) == want).await,
        "{:?}",
        arrived(&ate)
    );
    let delivered_behind = arrived(&ate).len();
    // The upload of the poison record's key waits behind it, pending.
    let status = spool.status().unwrap();
    assert_eq!(
        (status.pending, status.parked, status.dead, status.delivered),
        (1, 1, 0, 4),
        "{status:?}"
    );
    let parked = spool.list(SpoolState::Parked, 10).unwrap();
    assert_eq!(parked.len(), 1);
    let p = &parked[0];
    assert_eq!(
        (p.seq, p.state, p.key.as_deref()),
        (poison, SpoolState::Parked, Some(sn(9).as_str()))
    );
    assert!(p.attempts >= if defaults { 5 } else { 3 }, "{p:?}");
    assert!(
        p.next_attempt_at.is_some() && p.last_error.is_some(),
        "{p:?}"
    );
    let pending = spool.list(SpoolState::Pending, 10).unwrap();
    assert_eq!(pending.len(), 1);
    assert_eq!((pending[0].seq, pending[0].attempts), (same_key, 0));
    // Parked records count for drain: it does not say "all delivered".
    assert!(!spool.drain(Duration::from_millis(200)).await.unwrap());
    eprintln!(
        "FIGURES spool_liveness poison: default_budget={defaults} time_to_park_s={:.1} \
         attempts_before_park={} delivered_behind={delivered_behind} held_same_key=1",
        time_to_park.as_secs_f64(),
        p.attempts
    );
    if defaults {
        return;
    }

    // The grading server comes up: the parked record is retried on its own schedule,
    // then the upload of its key follows it.
    let grading_sim = Sim::start(SimConfig {
        port: grading_port,
        journal: Some(journal.clone()),
        ..SimConfig::default()
    })
    .await
    .unwrap();
    assert!(spool.drain(DRAIN).await.unwrap(), "{:?}", spool.status());
    assert!(grading_sim
        .state()
        .grading_record("MES01", &sn(9))
        .is_some());
    let order: Vec<String> = read_journal(&journal)
        .unwrap()
        .iter()
        .map(|l| {
            l["sn"]
                .as_str()
                .or(l["barcode"].as_str())
                .unwrap()
                .to_string()
        })
        .collect();
    let at = |k: &str, kind: &str| {
        read_journal(&journal)
            .unwrap()
            .iter()
            .position(|l| l["kind"] == kind && (l["sn"] == k || l["barcode"] == k))
            .unwrap_or_else(|| panic!("{k} {kind} not in {order:?}"))
    };
    assert!(
        at(&sn(9), "grading.save") < at(&sn(9), "ate.sn_detail.upload"),
        "same key out of order: {order:?}"
    );
    let status = spool.status().unwrap();
    assert_eq!(
        (status.pending, status.parked, status.delivered),
        (0, 0, 6),
        "{status:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pending_and_parked_records_are_listed_retried_and_discarded() {
    // Both servers down: every record fails; parked after 2 attempts, retried hourly.
    let port = free_port();
    let base = format!("http://127.0.0.1:{port}");
    let path = spool_path("manage");
    let c = client(
        &base,
        &base,
        &path,
        json!({"park_after_attempts": 2, "park_after_s": 0, "park_retry_s": 3600}),
    );
    let spool = c.spool().unwrap();
    let a = spool.enqueue("grading.save", cell("CELL-X")).unwrap();
    let b = spool.enqueue("grading.save", cell("CELL-Y")).unwrap();
    let a2 = spool.enqueue("grading.save", cell("CELL-X")).unwrap();
    assert!(
        eventually(Duration::from_secs(30), || spool.status().unwrap().parked
            == 2)
        .await,
        "{:?}",
        spool.status()
    );
    let parked: Vec<i64> = spool
        .list(SpoolState::Parked, 10)
        .unwrap()
        .iter()
        .map(|r| r.seq)
        .collect();
    assert_eq!(parked, vec![a, b]);
    // The second CELL-X never overtakes the first: pending, never tried.
    let pending = spool.list(SpoolState::Pending, 10).unwrap();
    assert_eq!(pending.len(), 1);
    assert_eq!((pending[0].seq, pending[0].attempts), (a2, 0));

    // Discarding the parked first CELL-X lets the second go (and fail, and park).
    assert_eq!(spool.discard(a).unwrap(), SpoolState::Parked);
    assert!(
        eventually(Duration::from_secs(30), || {
            spool
                .list(SpoolState::Parked, 10)
                .unwrap()
                .iter()
                .map(|r| r.seq)
                .collect::<Vec<_>>()
                == vec![b, a2]
        })
        .await
    );
    // Retrying a parked record makes it pending at once, attempts from 0.
    assert_eq!(spool.retry(b).unwrap(), SpoolState::Parked);
    let r = spool.list(SpoolState::Pending, 10).unwrap();
    assert!(r.iter().any(|r| r.seq == b), "{r:?}");
    // Unknown numbers: a clear error, nothing changed.
    let before = spool.status().unwrap();
    for e in [
        spool.retry(a).unwrap_err(),
        spool.discard(99_999).unwrap_err(),
    ] {
        assert_eq!(e.kind, ErrorKind::InvalidArgument);
        assert!(e.message.contains("no record with seq"), "{e}");
    }
    let after = spool.status().unwrap();
    assert_eq!(
        (before.pending + before.parked),
        (after.pending + after.parked)
    );

    // The server comes up: retry the parked one, and both arrive; the discarded never.
    let sim = Sim::start(SimConfig {
        port,
        ..SimConfig::default()
    })
    .await
    .unwrap();
    for r in spool.list(SpoolState::Parked, 10).unwrap() {
        spool.retry(r.seq).unwrap();
    }
    assert!(spool.drain(DRAIN).await.unwrap(), "{:?}", spool.status());
    let state = sim.state();
    assert!(state.grading_record("MES01", "CELL-Y").is_some());
    assert!(state.grading_record("MES01", "CELL-X").is_some());
    assert_eq!(state.request_count("grading.save"), 2);
    let status = spool.status().unwrap();
    assert_eq!((status.pending, status.parked, status.delivered), (0, 0, 2));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_parked_record_is_retried_on_its_own_schedule() {
    let sim = Sim::start(SimConfig::default()).await.unwrap();
    sim.state().set_503_ratio(1.0);
    let path = spool_path("schedule");
    let c = client(
        &sim.base_url(),
        &sim.base_url(),
        &path,
        json!({"park_after_attempts": 2, "park_after_s": 0, "park_retry_s": 1}),
    );
    let spool = c.spool().unwrap();
    spool
        .enqueue("ate.sn_detail.upload", upload(&sn(50)))
        .unwrap();
    assert!(
        eventually(Duration::from_secs(30), || spool.status().unwrap().parked
            == 1)
        .await
    );
    // With every answer a 503, each attempt stops at the login.
    let requests = || {
        sim.state().request_count("ate.login") + sim.state().request_count("ate.sn_detail.upload")
    };
    let n0 = requests();
    tokio::time::sleep(Duration::from_millis(3500)).await;
    let tries = requests() - n0;
    // One attempt a second, not a tight loop.
    assert!((2..=5).contains(&tries), "{tries} attempts in 3.5 s");
    sim.state().set_503_ratio(0.0);
    assert!(spool.drain(DRAIN).await.unwrap());
    assert_eq!(arrived(&sim), vec![sn(50)]);
}
