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

/// A latency far above what a loaded machine adds, so the "not delayed" bounds hold.
#[tokio::test]
async fn latency_delays_api_but_not_control() {
    let sim = start().await;
    sim.state().set_latency(Duration::from_millis(3000));
    let t = Instant::now();
    login(&sim).await;
    assert!(
        t.elapsed() >= Duration::from_millis(3000),
        "{:?}",
        t.elapsed()
    );

    let t = Instant::now();
    let resp = get(&sim, "/_sim/state").send().await.unwrap();
    assert_eq!(resp.status(), 200);
    assert!(
        t.elapsed() < Duration::from_millis(3000),
        "{:?}",
        t.elapsed()
    );

    sim.state().set_latency(Duration::ZERO);
    let t = Instant::now();
    login(&sim).await;
    assert!(
        t.elapsed() < Duration::from_millis(3000),
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

/// A raw request on a fresh connection; what reading the answer gave.
async fn raw_exchange(sim: &meslink_sim::Sim, request: &[u8]) -> std::io::Result<Vec<u8>> {
    let mut tcp = tokio::net::TcpStream::connect(sim.addr()).await.unwrap();
    tcp.write_all(request).await.unwrap();
    let mut got = Vec::new();
    tokio::time::timeout(Duration::from_secs(10), tcp.read_to_end(&mut got))
        .await
        .expect("connection ended promptly")?;
    Ok(got)
}

#[tokio::test]
async fn reset_next_sends_rst_without_answer_or_processing() {
    let sim = start().await;
    let state = sim.state();
    let token = login(&sim).await;
    state.reset_next(2);
    // At the TCP level the peer sees a reset, not an orderly close.
    let form = "work_order=1037020031&sn=BZJ614KM900001Z";
    let request = format!(
        "POST /api/sn_detail/ HTTP/1.1\r\nHost: x\r\nAuthorization: BEARER {token}\r\n\
         Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\r\n{form}",
        form.len()
    );
    let err = raw_exchange(&sim, request.as_bytes())
        .await
        .expect_err("a reset connection reads as an error");
    assert_eq!(err.kind(), std::io::ErrorKind::ConnectionReset, "{err:?}");
    // And through an HTTP client: an error, never a response.
    let err = post(&sim, "/api/login/")
        .form(&[("emp_no", USER), ("password", PASSWORD)])
        .send()
        .await
        .expect_err("reset connection must not yield a response");
    assert!(!err.is_status() && !err.is_timeout(), "{err:?}");

    assert!(
        state.uploads().is_empty(),
        "a reset request is not processed"
    );
    assert_eq!(state.login_count(), 1);
    let counts = state.injected_fault_counts();
    assert_eq!((counts.reset, counts.drop, counts.error_503), (2, 0, 0));
    let (status, body) = upload(&sim, Some(&token), "1037020031", "BZJ614KM900001Z").await;
    assert_eq!((status, body["msg"].as_str()), (200, Some("OK")));
    assert_eq!(state.snapshot()["faults"]["injected"]["reset"], 2);
}

#[tokio::test]
async fn reset_ratio_all_and_none() {
    let sim = start().await;
    let state = sim.state();
    state.set_reset_ratio(1.0);
    for _ in 0..3 {
        let err = raw_exchange(
            &sim,
            b"GET /api/sn_detail/1037020031/ HTTP/1.1\r\nHost: x\r\n\r\n",
        )
        .await
        .expect_err("reset");
        assert_eq!(err.kind(), std::io::ErrorKind::ConnectionReset);
    }
    assert_eq!(state.injected_fault_counts().reset, 3);
    state.set_reset_ratio(0.0);
    login(&sim).await;
    assert_eq!(state.injected_fault_counts().reset, 3);
}

#[tokio::test]
async fn stall_holds_the_answer_of_a_processed_request() {
    let sim = start().await;
    let state = sim.state();
    let token = login(&sim).await;
    state.set_stall(1.0, Duration::from_millis(1500));
    // A client that gives up after 300 ms sees a timeout...
    let impatient = reqwest::Client::builder()
        .pool_max_idle_per_host(0)
        .timeout(Duration::from_millis(300))
        .build()
        .unwrap();
    let err = impatient
        .post(format!("{}/api/sn_detail/", sim.base_url()))
        .header("Authorization", format!("BEARER {token}"))
        .form(&[("work_order", "1037020031"), ("sn", "BZJ614KM900002Z")])
        .send()
        .await
        .expect_err("stalled answer");
    assert!(err.is_timeout(), "{err:?}");
    // ...although the record was accepted: the stall comes after processing.
    assert_eq!(
        state.uploads(),
        vec![("1037020031".to_string(), "BZJ614KM900002Z".to_string())]
    );
    // A patient client gets the answer.
    let (status, body) = upload(&sim, Some(&token), "1037020031", "BZJ614KM900003Z").await;
    assert_eq!((status, body["msg"].as_str()), (200, Some("OK")));
    assert_eq!(state.injected_fault_counts().stall, 2);
    state.set_stall(0.0, Duration::from_millis(1500));
    login(&sim).await;
    assert_eq!(state.injected_fault_counts().stall, 2);
}

#[tokio::test]
async fn control_api_sets_reset_and_stall_and_reset_faults_clears_them() {
    let sim = start().await;
    let resp = post(&sim, "/_sim/faults")
        .json(&json!({"reset_ratio": 0.25, "stall_ratio": 0.5, "stall_ms": 2000, "reset_next": 1}))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    let faults: Value = resp.json().await.unwrap();
    assert_eq!(faults["reset_ratio"], 0.25);
    assert_eq!(faults["stall_ratio"], 0.5);
    assert_eq!(faults["stall_ms"], 2000);
    assert_eq!(faults["reset_next"], 1);
    // stall_ms alone keeps the ratio.
    let faults: Value =
        common::json_of(post(&sim, "/_sim/faults").json(&json!({"stall_ms": 10}))).await;
    assert_eq!(
        (faults["stall_ratio"].clone(), faults["stall_ms"].clone()),
        (json!(0.5), json!(10))
    );
    // Unknown knobs are refused and change nothing.
    let resp = post(&sim, "/_sim/faults")
        .json(&json!({"reset_ratio": 0.9, "stal_ms": 1}))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 400);
    assert_eq!(sim.state().snapshot()["faults"]["reset_ratio"], 0.25);
    sim.state().reset_faults();
    let f = sim.state().snapshot()["faults"].clone();
    assert_eq!(
        (
            f["reset_ratio"].clone(),
            f["stall_ratio"].clone(),
            f["stall_ms"].clone(),
            f["reset_next"].clone()
        ),
        (json!(0.0), json!(0.0), json!(0), json!(0))
    );
}

fn journal_file(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("meslink-sim-journal-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    let _ = std::fs::remove_file(&path);
    path
}

#[tokio::test]
async fn journal_records_accepted_records_across_restarts() {
    let path = journal_file("restart.jsonl");
    let config = || meslink_sim::SimConfig {
        journal: Some(path.clone()),
        ..Default::default()
    };
    let sim = meslink_sim::Sim::start(config()).await.unwrap();
    assert_eq!(sim.state().journal_path(), Some(path.as_path()));
    let token = login(&sim).await;
    upload(&sim, Some(&token), "1037020031", "BZJ614KM900010Z").await;
    // Refused records are not journaled: rule NG, unknown work order, 503.
    let (_, body) = upload(&sim, Some(&token), "1037020031", "NOT-AN-SN").await;
    assert_eq!(body["msg"], "SN RULER CHECK NG!FIX");
    upload(&sim, Some(&token), "999", "BZJ614KM900011Z").await;
    sim.state().fail_next_503(1);
    let status = post(&sim, "/api/pick/volumeCollectData/save")
        .header("x-request-datasource", "FD01")
        .json(&grading_body("B-503", 3.2))
        .send()
        .await
        .unwrap()
        .status();
    assert_eq!(status, 503);
    grading_save(&sim, Some("FD01"), &grading_body("B-1", 3.2)).await;
    sim.shutdown();

    // A new simulator on the same journal appends.
    let sim = meslink_sim::Sim::start(config()).await.unwrap();
    let token = login(&sim).await;
    upload(&sim, Some(&token), "1037020031", "BZJ614KM900012Z").await;
    // Same SN twice: both are journaled (the journal counts arrivals).
    upload(&sim, Some(&token), "1037020031", "BZJ614KM900012Z").await;

    let lines = meslink_sim::read_journal(&path).unwrap();
    let seen: Vec<(String, String)> = lines
        .iter()
        .map(|l| {
            let kind = l["kind"].as_str().unwrap().to_string();
            let key = l["sn"]
                .as_str()
                .or(l["barcode"].as_str())
                .unwrap()
                .to_string();
            (kind, key)
        })
        .collect();
    let ate = meslink_sim::JOURNAL_ATE_UPLOAD.to_string();
    assert_eq!(
        seen,
        vec![
            (ate.clone(), "BZJ614KM900010Z".to_string()),
            (
                meslink_sim::JOURNAL_GRADING_SAVE.to_string(),
                "B-1".to_string()
            ),
            (ate.clone(), "BZJ614KM900012Z".to_string()),
            (ate, "BZJ614KM900012Z".to_string()),
        ]
    );
    assert_eq!(lines[0]["work_order"], "1037020031");
    assert_eq!(lines[1]["datasource"], "FD01");
    assert_eq!(lines[0]["pid"], std::process::id());
    assert!(sim.state().snapshot()["journal"]
        .as_str()
        .unwrap()
        .ends_with("restart.jsonl"));
}

#[tokio::test]
async fn journal_in_a_missing_directory_is_a_start_error() {
    let path = journal_file("x").join("no-such-dir").join("j.jsonl");
    let err = meslink_sim::Sim::start(meslink_sim::SimConfig {
        journal: Some(path),
        ..Default::default()
    })
    .await
    .err()
    .expect("start fails");
    assert_eq!(err.kind(), std::io::ErrorKind::NotFound);
}

#[test]
fn read_journal_skips_a_torn_last_line_and_reads_missing_as_empty() {
    let path = journal_file("torn.jsonl");
    assert!(meslink_sim::read_journal(&path).unwrap().is_empty());
    std::fs::write(
        &path,
        "{\"kind\":\"grading.save\",\"barcode\":\"A\"}\n{\"kind\":\"gra",
    )
    .unwrap();
    let lines = meslink_sim::read_journal(&path).unwrap();
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0]["barcode"], "A");
}

#[tokio::test]
async fn binary_takes_fault_options_and_its_journal_survives_sigkill() {
    let path = journal_file("binary.jsonl");
    let journal = path.to_str().expect("a UTF-8 temp path");
    let (mut child, base) = spawn_binary(&[
        "--journal",
        journal,
        "--reset-ratio",
        "0",
        "--stall-ratio",
        "0.5",
        "--stall-ms",
        "1",
        "--error-503-ratio",
        "0",
    ]);
    let state: Value = common::json_of(client().get(format!("{base}/_sim/state"))).await;
    assert_eq!(state["faults"]["stall_ratio"], 0.5);
    assert_eq!(state["faults"]["stall_ms"], 1);
    for barcode in ["K-1", "K-2"] {
        let body: Value = common::json_of(
            client()
                .post(format!("{base}/api/pick/volumeCollectData/save"))
                .header("x-request-datasource", "FD01")
                .json(&grading_body(barcode, 3.2)),
        )
        .await;
        assert_eq!(body["state"], 1);
    }
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    let barcodes: Vec<Value> = meslink_sim::read_journal(&path)
        .unwrap()
        .into_iter()
        .map(|l| l["barcode"].clone())
        .collect();
    assert_eq!(barcodes, vec![json!("K-1"), json!("K-2")]);
}

fn spawn_binary(args: &[&str]) -> (std::process::Child, String) {
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_meslink-sim"))
        .args(args)
        .arg("--ignore-stdin")
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    std::io::BufRead::read_line(
        &mut std::io::BufReader::new(child.stdout.take().unwrap()),
        &mut line,
    )
    .unwrap();
    let url = line
        .trim_end()
        .strip_prefix("MESLINK_SIM_URL=")
        .unwrap_or_else(|| panic!("no URL: {line:?}"))
        .to_string();
    (child, url)
}

#[test]
fn binary_killed_with_open_connections_restarts_on_its_port() {
    use std::io::{Read, Write};
    let (mut first, url) = spawn_binary(&[]);
    let addr = url.strip_prefix("http://").unwrap().to_string();
    let port = addr.rsplit(':').next().unwrap().to_string();
    // A kept-alive connection that the killed server closes first (TIME_WAIT on its port).
    let mut tcp = std::net::TcpStream::connect(&addr).unwrap();
    tcp.write_all(b"GET /_sim/health HTTP/1.1\r\nHost: x\r\n\r\n")
        .unwrap();
    let mut buf = [0u8; 256];
    assert!(tcp.read(&mut buf).unwrap() > 0);
    first.kill().unwrap();
    first.wait().unwrap();
    let (mut second, url2) = spawn_binary(&["--port", &port]);
    assert_eq!(url2, url);
    second.kill().unwrap();
    second.wait().unwrap();
}
