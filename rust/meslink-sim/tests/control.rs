//! HTTP control API under /_sim/.

mod common;

use common::*;
use serde_json::{json, Value};

async fn post_json(sim: &meslink_sim::Sim, path: &str, body: Value) -> (u16, Value) {
    let resp = post(sim, path).json(&body).send().await.unwrap();
    (resp.status().as_u16(), resp.json().await.unwrap())
}

#[tokio::test]
async fn faults_endpoint_sets_knobs() {
    let sim = start().await;
    let (status, body) = post_json(
        &sim,
        "/_sim/faults",
        json!({"fail_next_503": 1, "garbage_next": 1, "latency_ms": 5, "token_lifetime_secs": 60}),
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(body["fail_next_503"], 1);
    assert_eq!(body["latency_ms"], 5);
    let url = format!("{}/api/login/", sim.base_url());
    let form = [("emp_no", USER), ("password", PASSWORD)];
    let resp = client().post(&url).form(&form).send().await.unwrap();
    assert_eq!(resp.status(), 503);
    let resp = client().post(&url).form(&form).send().await.unwrap();
    assert_eq!(resp.text().await.unwrap(), meslink_sim::GARBAGE_BODY);
    let token = login(&sim).await;
    let claims = meslink_sim::jwt::decode(&token, sim.state().jwt_secret()).unwrap();
    assert_eq!(claims.exp - claims.iat, 60);

    let (status, _) = post_json(&sim, "/_sim/faults", json!({"drop_next": 1})).await;
    assert_eq!(status, 200);
    assert!(client().post(&url).form(&form).send().await.is_err());

    let (status, body) = post_json(&sim, "/_sim/faults", json!({"no_such_knob": 1})).await;
    assert_eq!(status, 400);
    assert!(
        body["error"].as_str().unwrap().contains("no_such_knob"),
        "{body}"
    );

    post_json(&sim, "/_sim/faults", json!({"error_503_ratio": 1.0})).await;
    let resp = client().post(&url).form(&form).send().await.unwrap();
    assert_eq!(resp.status(), 503);
    let (status, body) = post_json(&sim, "/_sim/reset_faults", json!({})).await;
    assert_eq!(status, 200);
    assert_eq!(body["error_503_ratio"], 0.0);
    assert_eq!(body["token_lifetime_secs"], 86400.0);
    login(&sim).await;
}

#[tokio::test]
async fn expire_tokens_endpoint() {
    let sim = start().await;
    let token = login(&sim).await;
    let (status, _) = post_json(&sim, "/_sim/expire_tokens", json!({})).await;
    assert_eq!(status, 200);
    let (status, body) = get_json(
        &format!("{}/api/sn_detail/1037020031/", sim.base_url()),
        Some(&token),
    )
    .await;
    assert_eq!(
        (status, body),
        (401, json!({"detail": "Signature has expired."}))
    );
}

#[tokio::test]
async fn work_orders_endpoint_and_state() {
    let sim = start().await;
    let (status, body) = post_json(
        &sim,
        "/_sim/work_orders",
        json!({"work_order": "3000", "function_name": "FN", "serial_number": "S000",
               "rule_regex": "^S\\d{3}$", "target_qty": 5, "sn_qty": 0}),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let (status, _) = post_json(
        &sim,
        "/_sim/work_orders",
        json!({"work_order": "3001", "function_name": "FN", "serial_number": "S000",
               "rule_regex": "(", "target_qty": 5, "sn_qty": 0}),
    )
    .await;
    assert_eq!(status, 400);

    let token = login(&sim).await;
    assert_eq!(upload(&sim, Some(&token), "3000", "S001").await.0, 200);
    grading_save(&sim, Some("FD01"), &grading_body("B1", 3.2)).await;

    let (status, snap) = get_json(&format!("{}/_sim/state", sim.base_url()), None).await;
    assert_eq!(status, 200);
    assert_eq!(snap["login_count"], 1);
    assert_eq!(snap["requests"]["ate.login"], 1);
    assert_eq!(snap["requests"]["ate.sn_detail.upload"], 1);
    assert_eq!(snap["requests"]["grading.save"], 1);
    assert_eq!(snap["ate"]["work_orders"]["3000"]["SN_QTY"], 1);
    assert_eq!(
        snap["ate"]["uploads"],
        json!([{"work_order": "3000", "sn": "S001"}])
    );
    assert_eq!(snap["grading"]["records"]["FD01"]["B1"]["voltage"], 3.2);
    assert_eq!(snap["grading"]["save_count"], 1);
    assert_eq!(snap["grading"]["record_count"], 1);
}
