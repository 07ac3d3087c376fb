//! Fault injection knobs.

mod common;

use std::time::{Duration, Instant};

use common::*;
use serde_json::{json, Value};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

#[tokio::test]
async fn fail_next_503_answers_without_processing() {
    let sim = start().await;
    let state = sim.state();
    state.fail_next_503(2);
    for _ in 0..2 {
        let resp = post(&sim, "/api/login/")
            .form(&[("emp_no", USER), ("password", PASSWORD)])
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), 503);
        assert_eq!(resp.headers()["content-type"], "text/plain");
        assert_eq!(resp.text().await.unwrap(), "Service Unavailable");
    }
    assert_eq!(state.login_count(), 0);
    login(&sim).await;
    assert_eq!(state.login_count(), 1);
    assert_eq!(state.request_count("ate.login"), 3);
    assert_eq!(state.injected_faults(), (2, 0, 0));
}

#[tokio::test]
async fn ratio_503() {
    let sim = start().await;
    sim.state().set_503_ratio(1.0);
    let status = post(&sim, "/api/pick/volumeCollectData/save")
        .header("x-request-datasource", "FD01")
        .json(&grading_body("B1", 3.2))
        .send()
        .await
        .unwrap()
        .status();
    assert_eq!(status, 503);
    assert_eq!(sim.state().grading_save_count(), 0);
    sim.state().set_503_ratio(0.0);
    let (status, body) = grading_save(&sim, Some("FD01"), &grading_body("B1", 3.2)).await;
    assert_eq!((status, body["state"].clone()), (200, json!(1)));
}

async fn expect_dropped(sim: &meslink_sim::Sim) {
    let err = post(sim, "/api/login/")
        .form(&[("emp_no", USER), ("password", PASSWORD)])
        .send()
        .await
        .expect_err("dropped connection must not yield a response");
    assert!(!err.is_status() && !err.is_timeout(), "{err:?}");
}

#[tokio::test]
async fn drop_next_closes_connection_without_answer() {
    let sim = start().await;
    let state = sim.state();
    state.drop_next(2);
    expect_dropped(&sim).await;

    // At the TCP level: the request is read, then the connection is closed
    // with not a single byte of answer.
    let mut tcp = tokio::net::TcpStream::connect(sim.addr()).await.unwrap();
    tcp.write_all(b"GET /api/sn_detail/1037020031/ HTTP/1.1\r\nHost: x\r\n\r\n")
        .await
        .unwrap();
    let mut got = Vec::new();
    let read = tokio::time::timeout(Duration::from_secs(5), tcp.read_to_end(&mut got))
        .await
        .expect("connection closed promptly");
    assert!(
        read.is_err() || got.is_empty(),
        "got {:?}",
        String::from_utf8_lossy(&got)
    );

    login(&sim).await;
    assert_eq!(state.login_count(), 1);
    assert_eq!(state.injected_faults(), (0, 2, 0));
    assert_eq!(state.request_count("ate.sn_detail.get"), 1);
}

#[tokio::test]
async fn drop_ratio() {
    let sim = start().await;
    sim.state().set_drop_ratio(1.0);
    expect_dropped(&sim).await;
    expect_dropped(&sim).await;
    sim.state().set_drop_ratio(0.0);
    login(&sim).await;
}

#[tokio::test]
async fn garbage_next_answers_html() {
    let sim = start().await;
    sim.state().garbage_next(1);
    let resp = post(&sim, "/api/pick/volumeCollectData/save")
        .header("x-request-datasource", "FD01")
        .json(&grading_body("B1", 3.2))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    assert_eq!(resp.headers()["content-type"], "text/html");
    assert_eq!(
        resp.text().await.unwrap(),
        "<html><body>proxy login</body></html>"
    );
    assert_eq!(sim.state().grading_save_count(), 0);
    let (_, body) = grading_save(&sim, Some("FD01"), &grading_body("B1", 3.2)).await;
    assert_eq!(body["state"], 1);
}

#[tokio::test]
async fn latency_delays_api_but_not_control() {
    let sim = start().await;
    sim.state().set_latency(Duration::from_millis(400));
    let t = Instant::now();
    login(&sim).await;
    assert!(
        t.elapsed() >= Duration::from_millis(400),
        "{:?}",
        t.elapsed()
    );

    let t = Instant::now();
    let resp = get(&sim, "/_sim/state").send().await.unwrap();
    assert_eq!(resp.status(), 200);
    assert!(
        t.elapsed() < Duration::from_millis(400),
        "{:?}",
        t.elapsed()
    );

    sim.state().set_latency(Duration::ZERO);
    let t = Instant::now();
    login(&sim).await;
    assert!(
        t.elapsed() < Duration::from_millis(400),
        "{:?}",
        t.elapsed()
    );
}

#[tokio::test]
async fn faults_skip_control_routes_and_reset() {
    let sim = start().await;
    let state = sim.state();
    state.fail_next_503(1);
    state.garbage_next(3);
    state.set_drop_ratio(0.5);
    state.set_latency(Duration::from_millis(50));
    let resp = get(&sim, "/_sim/state").send().await.unwrap();
    assert_eq!(resp.status(), 200);
    let snap: Value = resp.json().await.unwrap();
    assert_eq!(snap["faults"]["fail_next_503"], 1);
    assert_eq!(snap["faults"]["garbage_next"], 3);
    state.reset_faults();
    let snap = state.snapshot();
    assert_eq!(snap["faults"]["fail_next_503"], 0);
    assert_eq!(snap["faults"]["garbage_next"], 0);
    assert_eq!(snap["faults"]["drop_ratio"], 0.0);
    assert_eq!(snap["faults"]["latency_ms"], 0);
    login(&sim).await;
}
