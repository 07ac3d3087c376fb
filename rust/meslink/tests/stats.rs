//! Per-client statistics (`Client::stats`): calls, errors by kind, retries, logins,
//! bytes and latency percentiles by call id, counted against the simulator.

mod common;

use common::*;
use serde_json::json;

#[tokio::test]
async fn counts_calls_errors_retries_logins_bytes_and_latency() {
    let sim = sim().await;
    let c = client(&sim.base_url());
    let fresh = c.stats();
    assert_eq!(fresh["calls"], 0);
    assert_eq!(fresh["by_call"], json!({}));

    sim.state().fail_next_503(1);
    for _ in 0..3 {
        c.call("ate.sn_detail.get", json!({"work_order": WO}))
            .await
            .unwrap();
    }
    // A refusal in the server's words and a parameter refused before sending.
    c.call(
        "ate.sn_detail.upload",
        json!({"work_order": WO, "sn": "NOT-A-VALID-SN"}),
    )
    .await
    .unwrap_err();
    c.call("ate.sn_detail.get", json!({})).await.unwrap_err();

    let s = c.stats();
    assert_eq!(s["calls"], 4, "{s}");
    assert_eq!(s["errors"], json!({"business": 1}), "{s}");
    assert_eq!(s["retries"], 1, "{s}");
    assert_eq!(s["logins"], 1, "{s}");
    assert_eq!(s["token_refreshes"], 0, "{s}");
    assert!(s["bytes_sent"].as_u64().unwrap() > 20, "{s}");
    assert!(s["bytes_received"].as_u64().unwrap() > 100, "{s}");
    let get = &s["by_call"]["ate.sn_detail.get"];
    assert_eq!(
        (get["calls"].as_u64(), get["errors"].as_u64()),
        (Some(3), Some(0))
    );
    let (p50, p99) = (
        get["p50_ms"].as_f64().unwrap(),
        get["p99_ms"].as_f64().unwrap(),
    );
    assert!(p50 > 0.0 && p50 <= p99 && p99 < 10_000.0, "{s}");
    assert_eq!(s["by_call"]["ate.sn_detail.upload"]["errors"], 1);

    // Clones share the counters; another client has its own.
    c.clone()
        .call("ate.sn_detail.get", json!({"work_order": WO}))
        .await
        .unwrap();
    assert_eq!(c.stats()["calls"], 5);
    assert_eq!(client(&sim.base_url()).stats()["calls"], 0);
    // A re-login after the token was refused is a login too.
    sim.state().expire_all_tokens();
    c.call("ate.sn_detail.get", json!({"work_order": WO}))
        .await
        .unwrap();
    assert_eq!(c.stats()["logins"], 2);
}
