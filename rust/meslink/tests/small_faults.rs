//! Small faults found by independent testers: an oversized URL parameter and a NUL
//! inside a text parameter are refused before anything is sent (so never retried), and an
//! unknown call id gets a short message with at most five close ids.

mod common;

use common::*;
use meslink::{catalog, ErrorKind};
use serde_json::json;

#[tokio::test]
async fn an_oversized_path_parameter_is_invalid_and_never_sent() {
    let sim = sim().await;
    let c = client(&sim.base_url());
    let huge = "W".repeat(1024 * 1024);
    let e = c
        .call("ate.sn_detail.get", json!({ "work_order": huge }))
        .await
        .unwrap_err();
    assert_eq!(e.kind, ErrorKind::InvalidArgument, "{e}");
    assert!(!e.is_transient());
    assert!(e.message.contains("work_order"), "{e}");
    assert!(e.message.len() < 300, "{} bytes", e.message.len());
    assert_eq!(sim.state().request_count("ate.sn_detail.get"), 0);
    assert_eq!(sim.state().login_count(), 0, "nothing at all was sent");
    // The bound is generous for real work orders.
    let fine = "W".repeat(catalog::MAX_URL_PARAM_BYTES);
    let e = c
        .call("ate.sn_detail.get", json!({ "work_order": fine }))
        .await
        .err();
    assert!(
        !matches!(&e, Some(e) if e.kind == ErrorKind::InvalidArgument),
        "{e:?}"
    );
}

#[tokio::test]
async fn a_nul_inside_a_text_parameter_is_refused_before_sending() {
    let sim = sim().await;
    let c = client(&sim.base_url());
    for (id, params) in [
        (
            "ate.sn_detail.upload",
            json!({"work_order": WO, "sn": "BAJ614\u{0}KM901584Z"}),
        ),
        (
            "ate.sn_detail.get",
            json!({"work_order": "1037\u{0}020031"}),
        ),
        ("grading.save", {
            let mut cell = cell("0AVCC26111121G95L0100500");
            cell["workStep"] = json!("分\u{0}容");
            cell
        }),
    ] {
        let e = c.call(id, params).await.unwrap_err();
        assert_eq!(e.kind, ErrorKind::InvalidArgument, "{id}: {e}");
        assert!(e.message.contains("NUL character"), "{id}: {e}");
    }
    assert_eq!(sim.state().request_count("ate.sn_detail.upload"), 0);
    assert_eq!(sim.state().request_count("ate.sn_detail.get"), 0);
    assert_eq!(sim.state().request_count("grading.save"), 0);
}

#[test]
fn an_unknown_call_id_suggests_at_most_five_close_ids() {
    let e = catalog::find("ate.sn_detail.gett").unwrap_err();
    assert_eq!(e.kind, ErrorKind::InvalidArgument);
    assert!(e.message.contains("did you mean ate.sn_detail.get"), "{e}");
    assert!(e.message.len() < 300, "{} bytes: {e}", e.message.len());
    let e = catalog::find("energy.meter").unwrap_err();
    let hint = e.message.split("did you mean ").nth(1).unwrap_or("");
    let ids = hint.split(", ").count();
    assert!((1..=5).contains(&ids), "{e}");
    // Nothing close: no list at all, and a very long id is not echoed in full.
    let e = catalog::find(&"z".repeat(5000)).unwrap_err();
    assert!(!e.message.contains("did you mean"), "{e}");
    assert!(e.message.len() < 200, "{} bytes", e.message.len());
}
