//! The simulated machine-tool IoT open API over HTTP: tokens with the document's refresh
//! semantics, the call limit, organization and sys_info, the OAuth error answers and the
//! `/_sim/mgm/tokens` knobs.

mod common;

use common::*;
use meslink_sim::{MgmSimConfig, Sim, SimConfig};
use serde_json::{json, Value};

const KEY: &str = "meslink-app";
const SECRET: &str = "meslink-secret";

async fn call(sim: &Sim, path: &str, body: Value) -> Value {
    let resp = post(sim, path).json(&body).send().await.unwrap();
    assert_eq!(resp.status(), 200, "{path}");
    resp.json().await.unwrap()
}

async fn get_token(sim: &Sim, key: &str, secret: &str) -> Value {
    call(
        sim,
        "/v1/token",
        json!({"func": "get_access_token", "data": {"app_key": key, "app_secret": secret}}),
    )
    .await
}

async fn refresh(sim: &Sim, refresh_token: &Value) -> Value {
    call(
        sim,
        "/v1/token",
        json!({"func": "refresh_token", "data": {"app_key": KEY, "refresh_token": refresh_token}}),
    )
    .await
}

async fn resource(sim: &Sim, token: &Value, func: &str, data: Value) -> Value {
    call(
        sim,
        "/v1/resource",
        json!({"func": func, "access_token": token, "data": data}),
    )
    .await
}

async fn org(sim: &Sim, token: &Value) -> Value {
    resource(sim, token, "get_organization", json!({})).await
}

async fn knobs(sim: &Sim, body: Value) -> (u16, Value) {
    let resp = post(sim, "/_sim/mgm/tokens")
        .json(&body)
        .send()
        .await
        .unwrap();
    let status = resp.status().as_u16();
    (status, resp.json().await.unwrap())
}

fn refusal(code: i64, message: &str) -> Value {
    json!({"message": message, "code": code, "data": {}})
}

#[tokio::test]
async fn get_access_token_and_the_oauth_refusals() {
    let sim = start().await;
    let ok = get_token(&sim, KEY, SECRET).await;
    assert_eq!(ok["code"], 200);
    assert_eq!(ok["data"]["expires_in"], 7200);
    assert!(ok["data"]["access_token"].as_str().unwrap().len() >= 16);
    assert!(ok["data"]["refresh_token"].is_string());
    assert_eq!(
        get_token(&sim, "nope", SECRET).await,
        refusal(3000, "invalid app_key")
    );
    assert_eq!(
        get_token(&sim, KEY, "wrong").await,
        refusal(3001, "invalid app_secret")
    );
    let typed = call(
        &sim,
        "/v1/token",
        json!({"func": "get_access_token", "data": {"app_key": 5, "app_secret": SECRET}}),
    )
    .await;
    assert_eq!(typed, refusal(3010, "app_key must be str"));
    assert_eq!(sim.state().request_count("mgm.token.get"), 4);
    assert_eq!(sim.state().mgm_tokens_issued(), 1);
}

#[tokio::test]
async fn organization_and_sys_info_need_a_valid_token() {
    let sim = start().await;
    let t = get_token(&sim, KEY, SECRET).await["data"]["access_token"].clone();
    let tree = org(&sim, &t).await;
    assert_eq!(tree["code"], 200);
    assert_eq!(tree["data"]["factory_id"], "8wCx");
    let line = &tree["data"]["members"]["0"]["members"]["0"]["members"]["1"];
    assert_eq!(line["members"]["0"]["machine_id"], "8wCxAAAAAAABAAA=");
    let info = resource(
        &sim,
        &t,
        "get_sys_info",
        json!({"machine_list": ["8wCxAAAAAAAAABg=", "GADIAAAAAgABAAA="]}),
    )
    .await;
    assert_eq!(
        info["data"]["8wCxAAAAAAAAABg="],
        json!({"cnc_system": "", "cnc_class": "", "cnc_model": "789"})
    );
    assert_eq!(info["data"]["GADIAAAAAgABAAA="]["cnc_system"], "FANUC");
    assert_eq!(
        resource(&sim, &t, "get_sys_info", json!({"machine_list": ["nope"]})).await,
        refusal(3012, "the machine does not exist")
    );
    assert_eq!(
        resource(&sim, &t, "get_sys_info", json!({"machine_list": "x"})).await,
        refusal(3010, "machine_list must be list")
    );
    assert_eq!(org(&sim, &json!("")).await, refusal(3007, "invalid token"));
    assert_eq!(
        org(&sim, &json!("forged")).await,
        refusal(3003, "invalid access_token")
    );
    assert_eq!(sim.state().request_count("mgm.organization"), 3);
    assert_eq!(sim.state().request_count("mgm.sys_info"), 3);
    assert_eq!(sim.state().mgm_machine_ids().len(), 5);
}

#[tokio::test]
async fn only_the_latest_token_is_valid() {
    let sim = start().await;
    let first = get_token(&sim, KEY, SECRET).await["data"].clone();
    let second = get_token(&sim, KEY, SECRET).await["data"].clone();
    assert_ne!(first["access_token"], second["access_token"]);
    assert_eq!(
        org(&sim, &first["access_token"]).await,
        refusal(3008, "not lasted token")
    );
    assert_eq!(org(&sim, &second["access_token"]).await["code"], 200);
    assert_eq!(
        refresh(&sim, &first["refresh_token"]).await,
        refusal(3004, "invalid refresh_token")
    );
}

#[tokio::test]
async fn refresh_extends_a_live_token_and_replaces_an_expired_one() {
    let sim = start().await;
    let got = get_token(&sim, KEY, SECRET).await["data"].clone();
    let before = refresh(&sim, &got["refresh_token"]).await["data"].clone();
    assert_eq!(before["access_token"], got["access_token"], "extended");
    assert_eq!(before["refresh_token"], got["refresh_token"]);
    assert_eq!(sim.state().mgm_tokens_extended(), 1);

    let (status, _) = knobs(&sim, json!({"expire_all": true})).await;
    assert_eq!(status, 200);
    assert_eq!(
        org(&sim, &got["access_token"]).await,
        refusal(3005, "access_token expired")
    );
    let after = refresh(&sim, &got["refresh_token"]).await["data"].clone();
    assert_ne!(
        after["access_token"], got["access_token"],
        "new after expiry"
    );
    assert_eq!(org(&sim, &after["access_token"]).await["code"], 200);
    assert_eq!(
        org(&sim, &got["access_token"]).await,
        refusal(3008, "not lasted token")
    );
    assert_eq!(sim.state().mgm_tokens_issued(), 2);
    assert_eq!(sim.state().request_count("mgm.token.refresh"), 2);
}

#[tokio::test]
async fn expired_refresh_tokens_and_lifetimes_in_ms() {
    let sim = start().await;
    let (_, settings) = knobs(&sim, json!({"access_token_lifetime_ms": 1500})).await;
    assert_eq!(settings["access_token_lifetime_ms"], 1500);
    let got = get_token(&sim, KEY, SECRET).await["data"].clone();
    assert_eq!(got["expires_in"], 1.5);
    knobs(&sim, json!({"expire_refresh_tokens": true})).await;
    assert_eq!(
        refresh(&sim, &got["refresh_token"]).await,
        refusal(3006, "refresh_token expired")
    );
    // The access token itself is still good.
    assert_eq!(org(&sim, &got["access_token"]).await["code"], 200);
}

#[tokio::test]
async fn the_call_limit_is_per_app_key_and_window() {
    let sim = Sim::start(SimConfig {
        mgm: MgmSimConfig {
            extra_apps: vec![("other-app".into(), "other-secret".into())],
            ..Default::default()
        },
        ..Default::default()
    })
    .await
    .unwrap();
    knobs(&sim, json!({"rate_limit": 3, "rate_window_ms": 60000})).await;
    let t = get_token(&sim, KEY, SECRET).await["data"]["access_token"].clone();
    for _ in 0..3 {
        assert_eq!(org(&sim, &t).await["code"], 200);
    }
    assert_eq!(
        org(&sim, &t).await,
        refusal(3009, "api call too frequently")
    );
    // Token calls are not limited, and another app_key has its own window.
    let other = get_token(&sim, "other-app", "other-secret").await["data"]["access_token"].clone();
    assert_eq!(org(&sim, &other).await["code"], 200);
    assert_eq!(sim.state().mgm_rate_limited_count(), 1);
    assert_eq!(sim.state().request_count("mgm.organization"), 5);
    let state: Value = common::json_of(get(&sim, "/_sim/state")).await;
    assert_eq!(state["mgm"]["tokens"]["rate_limited"], 1);
    assert_eq!(state["mgm"]["tokens"]["rate_limit"], 3);
}

#[tokio::test]
async fn a_disabled_app_key_is_refused() {
    let sim = start().await;
    let t = get_token(&sim, KEY, SECRET).await["data"]["access_token"].clone();
    let (status, _) = knobs(&sim, json!({"disable_app_keys": [KEY]})).await;
    assert_eq!(status, 200);
    assert_eq!(
        get_token(&sim, KEY, SECRET).await,
        refusal(3002, "app key disabled")
    );
    assert_eq!(org(&sim, &t).await, refusal(3013, "app key disable"));
    knobs(&sim, json!({"enable_app_keys": [KEY]})).await;
    assert_eq!(org(&sim, &t).await["code"], 200);
}

#[tokio::test]
async fn the_control_endpoint_refuses_bad_knobs_and_changes_nothing() {
    let sim = start().await;
    let (status, body) = knobs(&sim, json!({"rate_limt": 3})).await;
    assert_eq!(status, 400);
    assert!(body["error"].as_str().unwrap().contains("rate_limt"));
    let (status, _) = knobs(&sim, json!({"disable_app_keys": ["nope"], "rate_limit": 1})).await;
    assert_eq!(status, 400);
    let (status, _) = knobs(&sim, json!({"rate_window_ms": 0})).await;
    assert_eq!(status, 400);
    let (_, settings) = knobs(&sim, json!({})).await;
    assert_eq!(settings["rate_limit"], 200);
    assert_eq!(settings["rate_window_ms"], 60000);
}

#[tokio::test]
async fn malformed_bodies_get_a_content_error() {
    let sim = start().await;
    let resp = post(&sim, "/v1/resource")
        .body("not json")
        .send()
        .await
        .unwrap();
    let v: Value = resp.json().await.unwrap();
    assert_eq!(v["code"], 3010);
    let t = get_token(&sim, KEY, SECRET).await["data"]["access_token"].clone();
    assert_eq!(
        resource(&sim, &t, "get_nothing", json!({})).await["code"],
        3010
    );
}
