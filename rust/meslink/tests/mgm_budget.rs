//! The machine-tool platform's call budget as a server may count it, and `timeout_ms` as
//! the deadline of a whole call: token calls take slots of the budget too, and neither
//! the wait for a slot nor the wait after a 3009 outlasts the call's timeout.

mod common;

use common::*;
use meslink::{Client, ErrorKind};
use serde_json::Value;
use std::time::{Duration, Instant};

#[tokio::test]
async fn with_the_servers_own_limit_no_3009_even_when_token_calls_count() {
    let sim = sim().await;
    // A server that counts every call, token calls included, 6 per 400 ms.
    sim.state()
        .set_mgm_rate_limit(6, Duration::from_millis(400));
    sim.state().set_mgm_rate_counts_token_calls(true);
    let c = Client::new(mgm_config(&sim, "meslink-secret", 6, 400)).unwrap();
    for i in 0..12 {
        c.call("mgm.organization", Value::Null).await.unwrap();
        // Token calls between resource calls: explicit refreshes, and renewals forced
        // by expired tokens (3005, then a refresh and the repeat).
        if i % 2 == 0 {
            c.call("mgm.token.refresh", Value::Null).await.unwrap();
        } else {
            sim.state().expire_mgm_tokens();
        }
    }
    let token_calls =
        sim.state().request_count("mgm.token.refresh") + sim.state().request_count("mgm.token.get");
    assert!(token_calls >= 12, "{token_calls} token calls");
    assert_eq!(
        sim.state().mgm_rate_limited_count(),
        0,
        "a 3009 reached the wire"
    );
}

#[tokio::test]
async fn timeout_ms_bounds_the_wait_after_3009() {
    let sim = sim().await;
    // The server allows one call a minute; the client believes in 200.
    sim.state().set_mgm_rate_limit(1, Duration::from_secs(60));
    let mut config = mgm_config(&sim, "meslink-secret", 200, 60_000);
    config.timeout_ms = 1_500;
    let c = Client::new(config).unwrap();
    c.mgm_organization().await.unwrap();
    let t0 = Instant::now();
    let e = tokio::time::timeout(Duration::from_secs(10), c.mgm_organization())
        .await
        .expect("the call outlasted its timeout_ms by far")
        .unwrap_err();
    let took = t0.elapsed();
    eprintln!("after 3009, timeout_ms 1500: ended after {took:?}: {e}");
    assert!(took < Duration::from_millis(2_500), "took {took:?}");
    assert_eq!(e.kind, ErrorKind::Timeout, "{e}");
    assert_eq!(e.server_code.as_deref(), Some("3009"), "{e}");
    assert!(e.message.contains("timeout_ms (1500 ms)"), "{e}");
}

#[tokio::test]
async fn timeout_ms_bounds_the_wait_for_the_call_budget() {
    let sim = sim().await;
    // The client's own budget: one call a minute.
    let mut config = mgm_config(&sim, "meslink-secret", 1, 60_000);
    config.timeout_ms = 1_000;
    let c = Client::new(config).unwrap();
    // The token call takes the only slot of the minute, so the first resource call
    // waits for the budget until its deadline.
    let t0 = Instant::now();
    let e = tokio::time::timeout(Duration::from_secs(10), c.mgm_organization())
        .await
        .expect("the call outlasted its timeout_ms by far")
        .unwrap_err();
    let took = t0.elapsed();
    eprintln!("call budget exhausted, timeout_ms 1000: ended after {took:?}: {e}");
    assert!(
        took >= Duration::from_millis(900) && took < Duration::from_millis(2_000),
        "took {took:?}"
    );
    assert_eq!(e.kind, ErrorKind::Timeout, "{e}");
    assert!(e.message.contains("waiting for the call budget"), "{e}");
    assert_eq!(sim.state().request_count("mgm.organization"), 0);
}
