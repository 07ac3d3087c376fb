//! The ATE MES through the generic call and the named methods, against the simulator.

mod common;

use common::*;
use meslink::{Client, ClientConfig, ErrorKind};
use serde_json::json;
use std::time::Duration;

#[tokio::test]
async fn logs_in_on_first_use_and_reuses_the_token() {
    let sim = sim().await;
    let c = client(&sim.base_url());
    let wo = c.ate_sn_detail_get(WO).await.unwrap();
    assert_eq!(wo.function_name, "HWR650RUSN");
    let before = wo.sn_qty;
    c.ate_sn_detail_upload(WO, GOOD_SN).await.unwrap();
    let after = c.ate_sn_detail_get(WO).await.unwrap();
    assert_eq!(after.sn_qty, before + 1);
    assert_eq!(sim.state().login_count(), 1);
    assert_eq!(
        sim.state().uploads(),
        vec![(WO.to_owned(), GOOD_SN.to_owned())]
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn many_callers_share_one_login() {
    let sim = sim().await;
    sim.state().set_latency(Duration::from_millis(50));
    let c = client(&sim.base_url());
    let tasks: Vec<_> = (0..16)
        .map(|_| {
            let c = c.clone();
            tokio::spawn(async move { c.ate_sn_detail_get(WO).await })
        })
        .collect();
    for t in tasks {
        t.await.unwrap().unwrap();
    }
    assert_eq!(sim.state().login_count(), 1);
}

#[tokio::test]
async fn a_rejected_token_means_one_new_login_and_one_repeat() {
    let sim = sim().await;
    let c = client(&sim.base_url());
    c.ate_sn_detail_get(WO).await.unwrap();
    sim.state().expire_all_tokens();
    c.ate_sn_detail_upload(WO, GOOD_SN).await.unwrap();
    assert_eq!(sim.state().login_count(), 2);
    // The refused attempt and the repeat: two requests, one record.
    assert_eq!(sim.state().request_count("ate.sn_detail.upload"), 2);
    assert_eq!(sim.state().uploads().len(), 1);
}

#[tokio::test]
async fn the_token_is_renewed_ahead_of_its_exp_claim() {
    let sim = sim().await;
    sim.state().set_token_lifetime(Duration::from_secs(2));
    let c = client(&sim.base_url());
    c.ate_sn_detail_get(WO).await.unwrap();
    // Renewal starts 10 % of the lifetime before expiry: at 1.8 s.
    tokio::time::sleep(Duration::from_millis(1850)).await;
    c.ate_sn_detail_get(WO).await.unwrap();
    assert_eq!(sim.state().login_count(), 2);
    // No call was refused: the token was replaced before the server saw it expire.
    assert_eq!(sim.state().request_count("ate.sn_detail.get"), 2);
}

#[tokio::test]
async fn rule_check_failure_is_a_business_error_in_the_servers_words() {
    let sim = sim().await;
    let c = client(&sim.base_url());
    let e = c.ate_sn_detail_upload(WO, "XXXX").await.unwrap_err();
    assert_eq!(e.kind, ErrorKind::Business);
    assert_eq!(e.server_message.as_deref(), Some("SN RULER CHECK NG!FIX"));
    assert_eq!(e.call, Some("ate.sn_detail.upload"));
    assert!(e.to_string().contains("SN RULER CHECK NG!FIX"), "{e}");
    assert_eq!(sim.state().request_count("ate.sn_detail.upload"), 1);
}

#[tokio::test]
async fn unknown_work_order_is_not_found_in_the_servers_words() {
    let sim = sim().await;
    let c = client(&sim.base_url());
    let e = c.ate_sn_detail_get("999").await.unwrap_err();
    assert_eq!(e.kind, ErrorKind::Business);
    assert_eq!(e.http_status, Some(404));
    assert_eq!(e.server_message.as_deref(), Some("未找到。"));
}

#[tokio::test]
async fn bad_credentials_are_an_auth_error_without_the_password() {
    let sim = sim().await;
    let mut cfg = config(&sim.base_url());
    cfg.ate.as_mut().unwrap().password = "S3cret-Pw!".into();
    let c = Client::new(cfg).unwrap();
    let e = c.ate_sn_detail_get(WO).await.unwrap_err();
    assert_eq!(e.kind, ErrorKind::Auth);
    assert_eq!(
        e.server_message.as_deref(),
        Some("无法使用提供的认证信息登录。")
    );
    // The call made fails, the implicit login is its cause.
    assert_eq!(e.call, Some("ate.sn_detail.get"));
    assert!(
        e.to_string().starts_with(
            "ate.sn_detail.get: the implicit ate.login failed: authentication failed: "
        ),
        "{e}"
    );
    let cause = e.cause.as_deref().expect("the login as the cause");
    assert_eq!(
        (cause.call, cause.kind),
        (Some("ate.login"), ErrorKind::Auth)
    );
    assert_eq!(cause.http_status, Some(400));
    for text in [e.to_string(), format!("{e:?}"), format!("{c:?}")] {
        assert!(!text.contains("S3cret-Pw!"), "password leaked: {text}");
    }
    // The explicit login call with other credentials does not disturb the cached token.
    let ok = client(&sim.base_url());
    let answer = ok.call("ate.login", json!({})).await.unwrap();
    assert_eq!(answer["epm_no"], "ate");
    assert!(answer.get("token").is_none(), "the token left the library");
    let e = ok
        .call("ate.login", json!({"password": "wrong"}))
        .await
        .unwrap_err();
    assert_eq!(e.kind, ErrorKind::Auth);
    ok.ate_sn_detail_get(WO).await.unwrap();
    assert_eq!(
        sim.state().login_count(),
        1,
        "the explicit login's token was not reused"
    );
}

#[tokio::test]
async fn reads_retry_503_and_drops_but_uploads_do_not() {
    let sim = sim().await;
    let c = client(&sim.base_url());
    c.ate_login().await.unwrap();
    sim.state().fail_next_503(2);
    c.ate_sn_detail_get(WO).await.unwrap();
    assert_eq!(sim.state().request_count("ate.sn_detail.get"), 3);

    sim.state().drop_next(1);
    c.ate_sn_detail_get(WO).await.unwrap();

    sim.state().fail_next_503(1);
    let e = c.ate_sn_detail_upload(WO, GOOD_SN).await.unwrap_err();
    assert_eq!((e.kind, e.http_status), (ErrorKind::Http, Some(503)));
    sim.state().drop_next(1);
    let e = c.ate_sn_detail_upload(WO, GOOD_SN).await.unwrap_err();
    assert_eq!(e.kind, ErrorKind::Transport, "{e}");
    assert_eq!(sim.state().request_count("ate.sn_detail.upload"), 2);
    assert!(sim.state().uploads().is_empty());
}

#[tokio::test]
async fn an_upload_is_repeated_when_the_connection_was_refused() {
    // A port with nothing behind it yet; the simulator comes up on it 150 ms later.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let base = format!("http://127.0.0.1:{port}");
    let starter = tokio::spawn(async move {
        tokio::time::sleep(Duration::from_millis(150)).await;
        let cfg = meslink_sim::SimConfig {
            port,
            ..Default::default()
        };
        meslink_sim::Sim::start(cfg).await.unwrap()
    });
    let mut cfg = config(&base);
    cfg.retry.max_attempts = 10;
    cfg.retry.max_backoff_ms = 100;
    let c = Client::new(cfg).unwrap();
    c.ate_sn_detail_upload(WO, GOOD_SN).await.unwrap();
    let sim = starter.await.unwrap();
    assert_eq!(sim.state().uploads().len(), 1);
}

#[tokio::test]
async fn garbage_and_slow_answers() {
    let sim = sim().await;
    let mut cfg = config(&sim.base_url());
    cfg.timeout_ms = 300;
    let c = Client::new(cfg).unwrap();
    c.ate_login().await.unwrap();
    sim.state().garbage_next(1);
    let e = c.ate_sn_detail_get(WO).await.unwrap_err();
    assert_eq!(e.kind, ErrorKind::Protocol);
    assert!(e.message.contains("proxy login"), "{e}");

    sim.state().set_latency(Duration::from_millis(600));
    let e = c.ate_sn_detail_upload(WO, GOOD_SN).await.unwrap_err();
    assert_eq!(e.kind, ErrorKind::Timeout, "{e}");
    assert_eq!(sim.state().request_count("ate.sn_detail.upload"), 1);
}

#[tokio::test]
async fn wrong_shapes_are_protocol_errors() {
    for body in [
        r#"{"SERIAL_NUMBER": 5}"#,
        "[1,2,3]",
        "",
        "{\"SERIAL_NUMBER\":",
    ] {
        let base = canned(200, "application/json", body.as_bytes().to_vec()).await;
        let mut cfg = config(&base);
        cfg.retry.max_attempts = 1;
        let c = Client::new(cfg).unwrap();
        // The canned server answers the login with the same body: no token in it.
        let e = c.ate_sn_detail_get(WO).await.unwrap_err();
        assert_eq!(e.kind, ErrorKind::Protocol, "{body}: {e}");
    }
}

#[tokio::test]
async fn oversized_answers_are_refused() {
    let base = canned(200, "application/json", vec![b' '; 2 << 20]).await;
    let mut cfg: ClientConfig = config(&base);
    cfg.max_answer_bytes = 1 << 20;
    let c = Client::new(cfg).unwrap();
    let e = c.call("ate.login", json!({})).await.unwrap_err();
    assert_eq!(e.kind, ErrorKind::Protocol);
    assert!(e.message.contains("max_answer_bytes"), "{e}");
}

#[test]
fn blocking_calls_from_plain_threads() {
    let sim = meslink_sim::Sim::start_background(Default::default()).unwrap();
    let c = client(&sim.base_url());
    let threads: Vec<_> = (0..8)
        .map(|_| {
            let c = c.clone();
            std::thread::spawn(move || {
                c.call_blocking("ate.sn_detail.get", json!({"work_order": WO}))
            })
        })
        .collect();
    for t in threads {
        assert_eq!(t.join().unwrap().unwrap()["FUNCTION_NAME"], "HWR650RUSN");
    }
}

#[tokio::test]
async fn blocking_inside_a_runtime_is_refused_not_a_panic() {
    let c = client("http://127.0.0.1:9");
    let e = c.call_blocking("ate.login", json!({})).unwrap_err();
    assert_eq!(e.kind, ErrorKind::InvalidArgument);
    assert!(e.message.contains("async"), "{e}");
}
