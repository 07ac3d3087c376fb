//! The machine-tool IoT open API's HTTP calls against the simulator: the token's life
//! (first use, refresh ahead of expiry, renew-and-repeat on 3003/3005/3007/3008, fallback
//! to get_access_token on 3004/3006, one renewal at a time), the client-side call limit,
//! and the typed organization tree and sys_info.

mod common;

use common::*;
use meslink::mgm::{OrgLevel, OrgNode};
use meslink::{catalog, Client, ErrorKind};
use serde_json::{json, Value};
use std::time::Duration;

#[tokio::test]
async fn organization_is_an_ordered_tree_with_levels_and_raw_json() {
    let sim = sim().await;
    let c = mgm_client(&sim);
    let tree: OrgNode = c.mgm_organization().await.unwrap();
    assert_eq!(tree.factory_id(), "8wCx");
    assert_eq!(tree.level, OrgLevel::Factory);
    let area = &tree.children[0];
    assert_eq!((area.name.as_str(), area.level), ("厂区", OrgLevel::Area));
    let workshop = &area.children[0];
    assert_eq!(workshop.level, OrgLevel::Workshop);
    // The server keys the first workshop's lines "1" then "0": children follow the keys.
    let lines: Vec<(&str, &str)> = workshop
        .children
        .iter()
        .map(|l| (l.key.as_str(), l.id.as_str()))
        .collect();
    assert_eq!(lines, [("0", "8wCxAAAAAAAA"), ("1", "8wCxAAAAAAAB")]);
    // Machines keyed "0", "2", "10": numeric order, not text order.
    let keys: Vec<&str> = workshop.children[0]
        .children
        .iter()
        .map(|m| m.key.as_str())
        .collect();
    assert_eq!(keys, ["0", "2", "10"]);
    let machines: Vec<&str> = tree
        .machines()
        .iter()
        .map(|m| m.machine_id.as_deref().unwrap())
        .collect();
    assert_eq!(machines.len(), 5);
    assert_eq!(machines[0], "8wCxAAAAAAAAABg=");
    let boxless = tree.find("8wCxAAAAAAABAAA=").unwrap();
    assert_eq!(boxless.level, OrgLevel::Machine);
    assert_eq!(boxless.name, "盒子未配置");
    assert_eq!(boxless.raw["machine_id"], "8wCxAAAAAAABAAA=");
    assert_eq!(tree.raw["members"]["0"]["name"], "厂区");
    // The generic call answers the server's data unchanged.
    let raw = c.call("mgm.organization", Value::Null).await.unwrap();
    assert_eq!(raw, tree.raw);
    assert_eq!(sim.state().request_count("mgm.token.get"), 1);
}

#[tokio::test]
async fn sys_info_by_machine_and_its_errors() {
    let sim = sim().await;
    let c = mgm_client(&sim);
    let info = c
        .mgm_sys_info(&["8wCxAAAAAAAAABg=", "GADIAAAAAgABAAA="])
        .await
        .unwrap();
    assert_eq!(info["8wCxAAAAAAAAABg="].cnc_model, "789");
    assert_eq!(info["GADIAAAAAgABAAA="].cnc_system, "FANUC");
    assert_eq!(info["GADIAAAAAgABAAA="].raw["cnc_class"], "31i-B5");

    let e = c.mgm_sys_info(&["nope"]).await.unwrap_err();
    assert_eq!(e.kind, ErrorKind::Business);
    assert_eq!(e.server_code.as_deref(), Some("3012"));
    assert_eq!(
        e.server_message.as_deref(),
        Some("the machine does not exist")
    );
    assert_eq!(e.call, Some("mgm.sys_info"));

    // A wrong parameter is refused before anything is sent.
    let before = sim.state().request_count("mgm.sys_info");
    let e = c
        .call("mgm.sys_info", json!({"machine_list": "8wCx"}))
        .await
        .unwrap_err();
    assert_eq!(e.kind, ErrorKind::InvalidArgument);
    assert!(e.message.contains("machine_list"), "{e}");
    assert_eq!(sim.state().request_count("mgm.sys_info"), before);
}

#[tokio::test]
async fn token_calls_answer_expires_in_and_never_the_token() {
    let sim = sim().await;
    let c = mgm_client(&sim);
    let got = c.call("mgm.token.get", Value::Null).await.unwrap();
    assert_eq!(got, json!({"expires_in": 7200}));
    // The client uses the token it got: no second get_access_token.
    c.mgm_organization().await.unwrap();
    assert_eq!(sim.state().request_count("mgm.token.get"), 1);

    let refreshed = c.call("mgm.token.refresh", Value::Null).await.unwrap();
    assert_eq!(refreshed, json!({"expires_in": 7200}));
    assert_eq!(sim.state().mgm_tokens_extended(), 1);
    c.mgm_organization().await.unwrap();
    assert_eq!(sim.state().request_count("mgm.token.get"), 1);

    // Another app's credentials are only checked: wrong ones are an Auth error that
    // names neither the secret nor any token.
    let e = c
        .call(
            "mgm.token.get",
            json!({"app_key": "meslink-app", "app_secret": "not-the-secret"}),
        )
        .await
        .unwrap_err();
    assert_eq!(e.kind, ErrorKind::Auth);
    assert_eq!(e.server_code.as_deref(), Some("3001"));
    assert_eq!(e.server_message.as_deref(), Some("invalid app_secret"));
    let shown = format!("{e} {e:?} {c:?}");
    assert!(!shown.contains("not-the-secret") && !shown.contains("meslink-secret"));
    c.mgm_organization().await.unwrap();
}

#[tokio::test]
async fn wrong_configured_secret_and_disabled_key_are_typed_auth_errors() {
    let sim = sim().await;
    let c = Client::new(mgm_config(&sim, "wrong-secret", 200, 60_000)).unwrap();
    let e = c.mgm_organization().await.unwrap_err();
    assert_eq!(e.kind, ErrorKind::Auth);
    assert_eq!(e.server_code.as_deref(), Some("3001"));
    assert!(!format!("{e:?}").contains("wrong-secret"));
    // The call made fails; the implicit token request is its cause.
    assert_eq!(e.call, Some("mgm.organization"));
    let cause = e.cause.as_deref().expect("the token request as the cause");
    assert_eq!(cause.call, Some("mgm.token.get"), "{e}");

    let c = mgm_client(&sim);
    sim.state().set_mgm_app_disabled("meslink-app", true);
    let e = c.mgm_organization().await.unwrap_err();
    assert_eq!(
        (e.kind, e.server_code.as_deref()),
        (ErrorKind::Auth, Some("3002"))
    );
}

#[tokio::test]
async fn the_token_is_refreshed_ahead_of_its_expiry() {
    let sim = sim().await;
    sim.state()
        .set_mgm_token_lifetime(Duration::from_millis(2000));
    let c = mgm_client(&sim);
    c.mgm_organization().await.unwrap();
    // Renewal starts 10 % of the lifetime before expiry: at 1.8 s.
    tokio::time::sleep(Duration::from_millis(1850)).await;
    c.mgm_organization().await.unwrap();
    assert_eq!(sim.state().request_count("mgm.token.refresh"), 1);
    // The refresh came before expiry: the same token, extended, no refused call.
    assert_eq!(sim.state().mgm_tokens_extended(), 1);
    assert_eq!(sim.state().mgm_tokens_issued(), 1);
    assert_eq!(sim.state().request_count("mgm.organization"), 2);
}

#[tokio::test]
async fn an_expired_token_is_refreshed_and_the_call_repeated_once() {
    let sim = sim().await;
    let c = mgm_client(&sim);
    c.mgm_organization().await.unwrap();
    sim.state().expire_mgm_tokens();
    c.mgm_organization().await.unwrap();
    // First call, the refused one (3005), the repeat.
    assert_eq!(sim.state().request_count("mgm.organization"), 3);
    assert_eq!(sim.state().request_count("mgm.token.refresh"), 1);
    assert_eq!(sim.state().request_count("mgm.token.get"), 1);
    assert_eq!(sim.state().mgm_tokens_issued(), 2);
}

#[tokio::test]
async fn a_refused_refresh_token_falls_back_to_get_access_token() {
    let sim = sim().await;
    let c = mgm_client(&sim);
    c.mgm_organization().await.unwrap();
    sim.state().expire_mgm_tokens();
    sim.state().expire_mgm_refresh_tokens();
    c.mgm_organization().await.unwrap();
    // 3005 on the call, 3006 on the refresh, then get_access_token.
    assert_eq!(sim.state().request_count("mgm.token.refresh"), 1);
    assert_eq!(sim.state().request_count("mgm.token.get"), 2);
    assert_eq!(sim.state().request_count("mgm.organization"), 3);
}

#[tokio::test]
async fn a_token_replaced_elsewhere_is_renewed() {
    let sim = sim().await;
    let c = mgm_client(&sim);
    c.mgm_organization().await.unwrap();
    // Someone else (another process with the same app) gets a new pair: this client's
    // token is now "not lasted" (3008) and its refresh token invalid (3004).
    let other = reqwest::Client::new()
        .post(format!("{}/v1/token", sim.base_url()))
        .json(&json!({"func": "get_access_token",
                      "data": {"app_key": "meslink-app", "app_secret": "meslink-secret"}}))
        .send()
        .await
        .unwrap();
    assert_eq!(other.status(), 200);
    c.mgm_organization().await.unwrap();
    assert_eq!(sim.state().request_count("mgm.token.refresh"), 1);
    assert_eq!(sim.state().request_count("mgm.token.get"), 3);
    assert_eq!(sim.state().request_count("mgm.organization"), 3);
}

#[tokio::test]
async fn a_token_refused_twice_is_an_error_not_a_loop() {
    let sim = sim().await;
    let c = mgm_client(&sim);
    c.mgm_organization().await.unwrap();
    // Every token the server issues is already expired.
    sim.state().set_mgm_token_lifetime(Duration::ZERO);
    sim.state().expire_mgm_tokens();
    let e = c.mgm_organization().await.unwrap_err();
    assert_eq!(e.kind, ErrorKind::Auth);
    assert_eq!(e.server_code.as_deref(), Some("3005"));
    assert_eq!(e.server_message.as_deref(), Some("access_token expired"));
    // The first call, the refused one and exactly one repeat.
    assert_eq!(sim.state().request_count("mgm.organization"), 3);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn many_callers_share_one_renewal() {
    let sim = sim().await;
    let a = mgm_client(&sim);
    let b = mgm_client(&sim);
    a.mgm_organization().await.unwrap();
    sim.state().expire_mgm_tokens();
    sim.state().set_latency(Duration::from_millis(30));
    let tasks: Vec<_> = (0..16)
        .map(|i| {
            let c = if i % 2 == 0 { a.clone() } else { b.clone() };
            tokio::spawn(async move { c.mgm_organization().await })
        })
        .collect();
    for t in tasks {
        t.await.unwrap().unwrap();
    }
    // Two clients of one app share the token: one refresh, no second get.
    assert_eq!(sim.state().request_count("mgm.token.refresh"), 1);
    assert_eq!(sim.state().request_count("mgm.token.get"), 1);
    assert_eq!(sim.state().mgm_tokens_issued(), 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn five_hundred_calls_in_a_row_and_no_3009_reaches_anyone() {
    let sim = sim().await;
    sim.state()
        .set_mgm_rate_limit(100, Duration::from_millis(500));
    // Two clients of one app_key share the client-side limit.
    let clients = [
        Client::new(mgm_config(&sim, "meslink-secret", 100, 500)).unwrap(),
        Client::new(mgm_config(&sim, "meslink-secret", 100, 500)).unwrap(),
    ];
    let tasks: Vec<_> = (0..4)
        .map(|i| {
            let c = clients[i % 2].clone();
            tokio::spawn(async move {
                for _ in 0..125 {
                    c.call("mgm.organization", Value::Null).await?;
                }
                Ok::<_, meslink::Error>(())
            })
        })
        .collect();
    for t in tasks {
        t.await.unwrap().unwrap();
    }
    assert_eq!(sim.state().request_count("mgm.organization"), 500);
    // The server never had to refuse: the limit was kept on this side.
    assert_eq!(sim.state().mgm_rate_limited_count(), 0);
}

#[tokio::test]
async fn repeats_after_503s_and_drops_also_keep_within_the_budget() {
    let sim = sim().await;
    sim.state()
        .set_mgm_rate_limit(20, Duration::from_millis(400));
    let c = Client::new(mgm_config(&sim, "meslink-secret", 20, 400)).unwrap();
    c.mgm_organization().await.unwrap();
    // Each failed attempt reached the server; its repeat takes a slot of its own.
    let mut failures = 0;
    for i in 0..40 {
        if i % 2 == 0 {
            sim.state().fail_next_503(1);
            failures += 1;
        } else if i % 4 == 1 {
            sim.state().drop_next(1);
            failures += 1;
        }
        c.mgm_organization().await.unwrap();
    }
    // Every attempt reached the resource route; the failed ones never got to the handler.
    assert_eq!(sim.state().request_count("mgm.resource"), 1 + 40 + failures);
    assert_eq!(sim.state().request_count("mgm.organization"), 41);
    assert_eq!(sim.state().mgm_rate_limited_count(), 0);
}

#[tokio::test]
async fn when_the_server_says_3009_anyway_the_client_waits_and_repeats() {
    let sim = sim().await;
    // The server allows less than the client thinks (another process shares the key).
    sim.state()
        .set_mgm_rate_limit(10, Duration::from_millis(300));
    let c = Client::new(mgm_config(&sim, "meslink-secret", 1000, 300)).unwrap();
    for _ in 0..30 {
        c.mgm_organization().await.unwrap();
    }
    assert!(sim.state().mgm_rate_limited_count() > 0);
    assert_eq!(
        sim.state().request_count("mgm.organization"),
        30 + sim.state().mgm_rate_limited_count()
    );
}

#[tokio::test]
async fn socket_ids_are_listed_but_not_callable_as_requests() {
    let ids: Vec<&str> = catalog::CALLS
        .iter()
        .filter(|c| c.server == catalog::Server::Mgm)
        .map(|c| c.id)
        .collect();
    assert_eq!(
        ids,
        [
            "mgm.token.get",
            "mgm.token.refresh",
            "mgm.organization",
            "mgm.sys_info",
            "mgm.realtime",
            "mgm.file_transfer"
        ]
    );
    let sim = sim().await;
    let c = mgm_client(&sim);
    let e = c
        .call("mgm.realtime", json!({"machine_id": "8wCxAAAAAAAAABg="}))
        .await
        .unwrap_err();
    assert_eq!(e.kind, ErrorKind::InvalidArgument);
    assert!(e.message.contains("stream"), "{e}");
    assert_eq!(sim.state().request_count("mgm.token.get"), 0);
}

#[tokio::test]
async fn config_is_checked() {
    let base = "http://127.0.0.1:1/v1";
    for (bad, what) in [
        (
            json!({"base_url": base, "app_key": "", "app_secret": "s"}),
            "app_key",
        ),
        (
            json!({"base_url": base, "app_key": "k", "app_secret": ""}),
            "app_secret",
        ),
        (
            json!({"base_url": base, "app_key": "k", "app_secret": "s", "rate_limit_calls": 0}),
            "rate_limit_calls",
        ),
        (
            json!({"base_url": "ftp://x", "app_key": "k", "app_secret": "s"}),
            "base_url",
        ),
    ] {
        let e = Client::from_json(&json!({ "mgm": bad }).to_string()).unwrap_err();
        assert_eq!(e.kind, ErrorKind::InvalidArgument);
        assert!(e.message.contains(what), "{e}");
    }
    // A client without an mgm section says so.
    let sim = sim().await;
    let e = client(&sim.base_url())
        .call("mgm.organization", Value::Null)
        .await
        .unwrap_err();
    assert!(e.message.contains("\"mgm\""), "{e}");
}
