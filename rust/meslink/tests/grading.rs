//! The grading-cabinet MES against the simulator.

mod common;

use common::*;
use meslink::{Client, ErrorKind, GradingRecord};
use serde_json::json;

#[tokio::test]
async fn saves_with_the_datasource_and_the_wire_time_format() {
    let sim = sim().await;
    let c = client(&sim.base_url());
    let answer = c
        .call("grading.save", cell("0AVCC26111121G95L0100500"))
        .await
        .unwrap();
    assert_eq!(answer["state"], 1);
    let stored = sim
        .state()
        .grading_record("MES01", "0AVCC26111121G95L0100500")
        .expect("stored under the configured datasource");
    assert_eq!(stored["testTime"], "2024-05-06 07:08:09");
    assert_eq!(stored["workStep"], "分容");
}

#[tokio::test]
async fn typed_record_and_newest_per_barcode() {
    let sim = sim().await;
    let c = client(&sim.base_url());
    let t = chrono::NaiveDate::from_ymd_opt(2025, 1, 2)
        .unwrap()
        .and_hms_opt(3, 4, 5)
        .unwrap();
    let mut rec = GradingRecord {
        battery_station: "ST01".into(),
        device_code: "FR-07".into(),
        barcode: "CELL-1".into(),
        test_time: t.into(),
        work_step: "W1".into(),
        voltage: Some(3.2),
        electricity: None,
        volume: None,
        energy: None,
    };
    c.grading_save(&rec).await.unwrap();
    rec.voltage = Some(3.4);
    c.grading_save(&rec).await.unwrap();
    let stored = sim.state().grading_record("MES01", "CELL-1").unwrap();
    assert_eq!(stored["voltage"], 3.4);
    assert_eq!(stored["testTime"], "2025-01-02 03:04:05");
    assert_eq!(sim.state().grading_record_count(), 1);
    assert_eq!(sim.state().grading_save_count(), 2);
}

#[tokio::test]
async fn missing_fields_are_refused_before_sending() {
    let sim = sim().await;
    let c = client(&sim.base_url());
    let mut bad = cell("B1");
    bad.as_object_mut().unwrap().remove("barcode");
    let e = c.call("grading.save", bad).await.unwrap_err();
    assert_eq!(e.kind, ErrorKind::InvalidArgument);
    assert!(
        e.message.contains("barcode") && e.message.contains("电芯条码"),
        "{e}"
    );
    assert_eq!(sim.state().request_count("grading.save"), 0);
}

#[tokio::test]
async fn state_minus_one_is_a_business_error_with_msg() {
    let body = json!({"state": -1, "msg": "电芯条码不存在", "resBody": null}).to_string();
    let base = canned(200, "application/json", body.into_bytes()).await;
    let c = client(&base);
    let e = c.call("grading.save", cell("B1")).await.unwrap_err();
    assert_eq!(e.kind, ErrorKind::Business);
    assert_eq!(e.server_code.as_deref(), Some("-1"));
    assert_eq!(e.server_message.as_deref(), Some("电芯条码不存在"));
    let base = canned(200, "application/json", br#"{"msg":"ok"}"#.to_vec()).await;
    let e = client(&base)
        .call("grading.save", cell("B1"))
        .await
        .unwrap_err();
    assert_eq!(e.kind, ErrorKind::Protocol);
}

#[tokio::test]
async fn saves_are_retried_since_the_newest_record_wins() {
    let sim = sim().await;
    let c = client(&sim.base_url());
    sim.state().fail_next_503(1);
    sim.state().drop_next(1);
    c.call("grading.save", cell("B2")).await.unwrap();
    assert_eq!(sim.state().request_count("grading.save"), 3);
    assert_eq!(sim.state().grading_record_count(), 1);
}

#[tokio::test]
async fn a_client_without_the_section_says_so() {
    let c = Client::from_json(r#"{"ate":{"base_url":"http://h","emp_no":"a","password":"p"}}"#)
        .unwrap();
    let e = c.call("grading.save", cell("B3")).await.unwrap_err();
    assert_eq!(e.kind, ErrorKind::InvalidArgument);
    assert!(e.message.contains("\"grading\" section"), "{e}");
}
