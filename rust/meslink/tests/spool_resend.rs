//! Resends after a crash: a record found in flight when the spool is opened may have
//! reached its server before the crash. Against a server that refuses a repeated SN
//! (the simulator's `refuse_repeated_sn`), its refusal is a resend refused, kept apart
//! from the dead letters with the server's words; a repeat that was never in flight,
//! and any other refusal, stays a true dead letter. The same holds for a send that
//! timed out after the server had accepted it.

mod spool_common;

use meslink::SpoolState;
use meslink_sim::{Sim, SimConfig, MSG_REPEATED_SN};
use serde_json::json;
use spool_common::*;
use std::time::Duration;

fn sn(i: usize) -> String {
    sn_of('R', i)
}

/// As a process killed between the send and the answer leaves a record.
fn leave_in_flight(path: &std::path::Path, seq: i64) {
    let raw = rusqlite::Connection::open(path).unwrap();
    raw.execute(
        "UPDATE queue SET in_flight = 1, attempts = attempts + 1 WHERE seq = ?1",
        [seq],
    )
    .unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_resend_refused_after_a_crash_is_not_a_dead_letter() {
    let sim = Sim::start_background(SimConfig::default()).unwrap();
    let state = sim.state();
    state.set_refuse_repeated_sn(true);
    state.set_503_ratio(1.0);
    let path = spool_path("resend");
    let base = sim.base_url();
    let mut seqs = Vec::new();
    {
        let c = client(&base, &base, &path, json!({}));
        let spool = c.spool().unwrap();
        for i in 1..=4 {
            seqs.push(
                spool
                    .enqueue("ate.sn_detail.upload", upload(&sn(i)))
                    .unwrap(),
            );
        }
        c.close().await;
    }
    state.set_503_ratio(0.0);
    // Before the "crash", the first send of SN 1 reached the server; SN 2's did not.
    // SN 3 was never in flight, yet the server has it (a true duplicate upload).
    let direct = client(&base, &base, &spool_path("direct"), json!({}));
    for i in [1, 3] {
        direct
            .call("ate.sn_detail.upload", upload(&sn(i)))
            .await
            .unwrap();
    }
    leave_in_flight(&path, seqs[0]);
    leave_in_flight(&path, seqs[1]);

    let c = client(&base, &base, &path, json!({}));
    let spool = c.spool().unwrap();
    assert!(spool.drain(Duration::from_secs(30)).await.unwrap());
    let status = spool.status().unwrap();
    assert_eq!(
        (
            status.pending,
            status.resent_refused,
            status.dead,
            status.delivered
        ),
        (0, 1, 1, 2),
        "{status:?}"
    );
    // SN 1: probably delivered before the crash, in its own state with the server's words.
    let resent = spool.list(SpoolState::ResentRefused, 10).unwrap();
    assert_eq!(resent.len(), 1);
    let r = &resent[0];
    assert_eq!((r.seq, r.state), (seqs[0], SpoolState::ResentRefused));
    assert_eq!(
        r.answer.as_ref().unwrap()["server_message"],
        MSG_REPEATED_SN
    );
    let text = r.last_error.as_deref().unwrap();
    assert!(
        text.contains("probably received it the first time"),
        "{text}"
    );
    assert!(text.contains(MSG_REPEATED_SN), "{text}");
    // SN 3: a repeat never in flight is a true failure.
    let dead = spool.list(SpoolState::Dead, 10).unwrap();
    assert_eq!(dead.len(), 1);
    assert_eq!(dead[0].seq, seqs[2]);
    assert_eq!(
        dead[0].answer.as_ref().unwrap()["server_message"],
        MSG_REPEATED_SN
    );
    // SN 2 (in flight, never received) and SN 4 arrived once each.
    let got = arrived(&sim);
    assert_eq!(got, vec![sn(1), sn(3), sn(2), sn(4)]);
    assert_eq!(state.refused_repeats().len(), 2);

    // An operator who retries it asks the server again: a refusal now is a dead letter.
    assert_eq!(spool.retry(seqs[0]).unwrap(), SpoolState::ResentRefused);
    assert!(spool.drain(Duration::from_secs(30)).await.unwrap());
    let status = spool.status().unwrap();
    assert_eq!((status.resent_refused, status.dead), (0, 2), "{status:?}");
    assert_eq!(spool.discard(seqs[0]).unwrap(), SpoolState::Dead);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_timed_out_send_refused_when_sent_again_is_not_a_dead_letter() {
    let sim = Sim::start_background(SimConfig::default()).unwrap();
    let state = sim.state();
    state.set_refuse_repeated_sn(true);
    let base = sim.base_url();
    let config = meslink::ClientConfig::from_json(
        &json!({
            "ate": {"base_url": base, "emp_no": "ate", "password": "Windows123."},
            "retry": {"max_attempts": 1},
            "timeout_ms": 1000,
            "spool": {"path": spool_path("timeout"), "backoff_initial_ms": 20, "backoff_max_ms": 200}
        })
        .to_string(),
    )
    .unwrap();
    let c = meslink::Client::new(config).unwrap();
    c.ate_login().await.unwrap();
    // The server accepts the upload, its answer comes after the client gave up.
    state.set_stall(1.0, Duration::from_millis(2500));
    let seq = c
        .spool()
        .unwrap()
        .enqueue("ate.sn_detail.upload", upload(&sn(90)))
        .unwrap();
    assert!(eventually(Duration::from_secs(30), || arrived(&sim) == vec![sn(90)]).await);
    state.set_stall(0.0, Duration::ZERO);
    let spool = c.spool().unwrap();
    assert!(spool.drain(Duration::from_secs(30)).await.unwrap());
    let status = spool.status().unwrap();
    assert_eq!((status.resent_refused, status.dead), (1, 0), "{status:?}");
    let r = &spool.list(SpoolState::ResentRefused, 1).unwrap()[0];
    assert_eq!(r.seq, seq);
    assert_eq!(
        r.answer.as_ref().unwrap()["server_message"],
        MSG_REPEATED_SN
    );
    assert_eq!(state.refused_repeats().len(), 1);
    assert_eq!(arrived(&sim), vec![sn(90)]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_simulator_refuses_a_repeated_sn_only_when_asked() {
    let journal = spool_path("sim-repeat").with_file_name("journal.jsonl");
    let sim = Sim::start(SimConfig {
        journal: Some(journal.clone()),
        ..SimConfig::default()
    })
    .await
    .unwrap();
    let base = sim.base_url();
    let c = client(&base, &base, &spool_path("sim-repeat-c"), json!({}));
    c.call("ate.sn_detail.upload", upload(&sn(70)))
        .await
        .unwrap();
    c.call("ate.sn_detail.upload", upload(&sn(70)))
        .await
        .unwrap();
    sim.state()
        .apply_faults(&serde_json::from_value(json!({"refuse_repeated_sn": true})).unwrap())
        .unwrap();
    let e = c
        .call("ate.sn_detail.upload", upload(&sn(70)))
        .await
        .unwrap_err();
    assert_eq!(e.kind, meslink::ErrorKind::Business);
    assert_eq!(e.server_message.as_deref(), Some(MSG_REPEATED_SN));
    drop(sim);
    // A simulator started again on the journal knows what its predecessor received.
    let sim = Sim::start(SimConfig {
        journal: Some(journal),
        ..SimConfig::default()
    })
    .await
    .unwrap();
    sim.state().set_refuse_repeated_sn(true);
    let c = client(
        &sim.base_url(),
        &sim.base_url(),
        &spool_path("sim-repeat-d"),
        json!({}),
    );
    let e = c
        .call("ate.sn_detail.upload", upload(&sn(70)))
        .await
        .unwrap_err();
    assert_eq!(e.server_message.as_deref(), Some(MSG_REPEATED_SN));
    c.call("ate.sn_detail.upload", upload(&sn(71)))
        .await
        .unwrap();
    assert_eq!(sim.state().snapshot()["faults"]["refuse_repeated_sn"], true);
}
