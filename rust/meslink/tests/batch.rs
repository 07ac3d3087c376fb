//! The batch call against the simulator: every record arrives, answers keep the order of
//! the inputs, and a bad record fails alone.

mod common;

use common::*;
use meslink::{Client, ErrorKind};
use serde_json::{json, Value};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_record_arrives_and_answers_keep_the_input_order() {
    let sim = sim().await;
    let c = client(&sim.base_url());
    let records: Vec<Value> = (0..300).map(|i| cell(&format!("BATCH-{i:04}"))).collect();
    let answers = c.call_batch("grading.save", records, 16).await;
    assert_eq!(answers.len(), 300);
    for a in &answers {
        assert_eq!(a.as_ref().unwrap()["state"], 1);
    }
    assert_eq!(sim.state().grading_record_count(), 300);
    assert_eq!(sim.state().request_count("grading.save"), 300);
    for i in [0, 150, 299] {
        let stored = sim
            .state()
            .grading_record("MES01", &format!("BATCH-{i:04}"))
            .expect("stored");
        assert_eq!(stored["workStep"], "分容");
    }

    // Order: ate.sn_detail.get answers name their own work order.
    sim.state()
        .add_work_order("W-2", "HWR650RUSN", "BZJ614KM901580Z", ".*", 5, 0);
    let gets = vec![
        json!({"work_order": WO}),
        json!({"work_order": "W-2"}),
        json!({"work_order": "NO-SUCH"}),
        json!({"work_order": WO}),
    ];
    let answers = c.call_batch("ate.sn_detail.get", gets, 3).await;
    assert_eq!(answers[1].as_ref().unwrap()["TARGET_QTY"], 5);
    assert_ne!(answers[0].as_ref().unwrap()["TARGET_QTY"], 5);
    assert_eq!(answers[2].as_ref().unwrap_err().kind, ErrorKind::Business);
    assert_eq!(answers[0].as_ref().unwrap(), answers[3].as_ref().unwrap());
}

#[tokio::test]
async fn a_bad_record_fails_alone_and_is_not_sent() {
    let sim = sim().await;
    let c = client(&sim.base_url());
    let mut bad = cell("BAD");
    bad.as_object_mut().unwrap().remove("barcode");
    let records = vec![cell("OK-1"), bad, json!("not an object"), cell("OK-2")];
    let answers = c.call_batch("grading.save", records, 0).await;
    assert!(answers[0].is_ok() && answers[3].is_ok(), "{answers:?}");
    let e = answers[1].as_ref().unwrap_err();
    assert_eq!(e.kind, ErrorKind::InvalidArgument);
    assert!(e.message.contains("barcode"), "{e}");
    assert_eq!(
        answers[2].as_ref().unwrap_err().kind,
        ErrorKind::InvalidArgument
    );
    assert_eq!(sim.state().request_count("grading.save"), 2);
    assert_eq!(sim.state().grading_record_count(), 2);
}

#[tokio::test]
async fn an_unknown_id_fails_every_record_and_sends_nothing() {
    let sim = sim().await;
    let c = client(&sim.base_url());
    let answers = c
        .call_batch("grading.nope", vec![cell("X1"), cell("X2")], 4)
        .await;
    assert_eq!(answers.len(), 2);
    for a in answers {
        assert_eq!(a.unwrap_err().kind, ErrorKind::InvalidArgument);
    }
    assert!(c.call_batch("grading.save", vec![], 4).await.is_empty());
    assert_eq!(sim.state().request_count("grading.save"), 0);
}

#[test]
fn the_blocking_form_works_outside_a_runtime() {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let sim = rt.block_on(sim());
    let c: Client = client(&sim.base_url());
    let answers = c.call_batch_blocking("grading.save", vec![cell("B-1"), cell("B-2")], 1);
    assert!(answers.iter().all(|a| a.is_ok()), "{answers:?}");
    assert_eq!(sim.state().grading_record_count(), 2);
}
