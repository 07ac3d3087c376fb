//! trace.query against the simulated gateway: signed requests, forward and reverse trees of
//! what the ATE and grading calls stored, gateway refusals and the answer code table.

mod common;

use meslink::{Client, ErrorKind, TraceType};
use serde_json::{json, Value};

const SECRET: &str = "meslink-trace-secret";
const SN: &str = "BAJ614KM901600Z";

fn client(base: &str, secret: &str) -> Client {
    let config = json!({
        "ate": {"base_url": base, "emp_no": "ate", "password": common::PASSWORD},
        "grading": {"base_url": base, "datasource": "MES01"},
        "trace": {"base_url": base, "app_key": "meslink-trace", "app_secret": secret,
                  "corp_id": "ding-corp", "user_id": "emp-7", "source": "DINGDING"},
        "retry": {"max_attempts": 3, "initial_backoff_ms": 10, "max_backoff_ms": 50},
        "timeout_ms": 5000
    });
    Client::from_json(&config.to_string()).unwrap()
}

fn kinds_and_codes(nodes: &[meslink::TraceNode]) -> Vec<(String, String)> {
    nodes
        .iter()
        .map(|n| (n.kind.clone(), n.unique_code.clone()))
        .collect()
}

#[tokio::test]
async fn forward_and_reverse_trace_of_an_uploaded_sn() {
    let sim = common::sim().await;
    let c = client(&sim.base_url(), SECRET);
    c.ate_sn_detail_upload(common::WO, SN).await.unwrap();
    c.call("grading.save", common::cell(SN)).await.unwrap();

    let fwd = c.trace_query(SN, TraceType::Forward).await.unwrap();
    assert_eq!(fwd.code, 200);
    assert_eq!(fwd.tree_list.len(), 1);
    let root = &fwd.tree_list[0];
    assert_eq!(
        (root.kind.as_str(), root.unique_code.as_str()),
        ("ProductionReport", SN)
    );
    assert_eq!(
        kinds_and_codes(&root.children),
        [
            ("ProductionReport".into(), common::WO.into()),
            ("QualityControl".into(), SN.into())
        ]
    );
    let qc = &root.children[1];
    assert_eq!(
        (qc.step_code.as_str(), qc.from.as_deref()),
        ("分容", Some("SameId"))
    );
    assert_eq!(qc.raw["deviceCode"], "FR-07");
    assert!(qc.id.is_some());
    // The raw string is kept as the server sent it.
    let raw: Value = serde_json::from_str(&fwd.data_raw).unwrap();
    assert_eq!(raw["treeList"][0]["uniqueCode"], SN);

    let rev = c.trace_query(common::WO, TraceType::Reverse).await.unwrap();
    let root = &rev.tree_list[0];
    assert_eq!(root.unique_code, common::WO);
    assert_eq!(
        kinds_and_codes(&root.children),
        [("ProductionReport".into(), SN.into())]
    );
    assert_eq!(root.children[0].from.as_deref(), Some("DestUniqueCode"));

    // Reverse from the SN as a graded cell leads back to the product and its work order.
    let rev = c.trace_query(SN, TraceType::Reverse).await.unwrap();
    let product = &rev.tree_list[0].children[0];
    assert_eq!(product.unique_code, SN);
    assert_eq!(product.children[0].unique_code, common::WO);

    // The optional parameters came from the configuration.
    let sent = sim.state().trace_last_params().unwrap();
    assert_eq!(
        sent,
        json!({"uniqueCode": SN, "traceType": "reverse", "corpId": "ding-corp",
               "userId": "emp-7", "source": "DINGDING"})
    );
}

#[tokio::test]
async fn the_generic_call_parses_data_and_keeps_the_string() {
    let sim = common::sim().await;
    let c = client(&sim.base_url(), SECRET);
    c.ate_sn_detail_upload(common::WO, SN).await.unwrap();
    let v = c
        .call(
            "trace.query",
            json!({"uniqueCode": SN, "traceType": "Forward", "corpId": "other"}),
        )
        .await
        .unwrap();
    assert_eq!(v["code"], 200);
    assert_eq!(
        v["data"]["treeList"][0]["trees"][0]["uniqueCode"],
        common::WO
    );
    let raw: Value = serde_json::from_str(v["data_raw"].as_str().unwrap()).unwrap();
    assert_eq!(raw["treeList"][0]["uniqueCode"], SN);
    let sent = sim.state().trace_last_params().unwrap();
    assert_eq!(
        (sent["corpId"].clone(), sent["traceType"].clone()),
        (json!("other"), json!("forward"))
    );
}

#[tokio::test]
async fn a_wrong_secret_is_an_auth_error_quoting_the_gateway() {
    let sim = common::sim().await;
    let c = client(&sim.base_url(), "wrong-secret");
    let e = c.trace_query(SN, TraceType::Forward).await.unwrap_err();
    assert_eq!(e.kind, ErrorKind::Auth, "{e}");
    assert_eq!(e.http_status, Some(400));
    assert_eq!(e.server_code.as_deref(), Some("A400IS"));
    let text = e.to_string();
    assert!(
        text.contains("Invalid Signature, Server StringToSign:`POST#application/json#"),
        "{text}"
    );
    assert!(text.contains("x-ca-key:meslink-trace#"), "{text}");
    assert!(
        text.contains("#/industry/qualitytrace/tree/query`"),
        "{text}"
    );
    assert!(!text.contains("wrong-secret") && !format!("{e:?}").contains("wrong-secret"));
    assert_eq!(sim.state().trace_refusals("A400IS"), 1);
}

#[tokio::test]
async fn bad_input_is_refused_before_sending() {
    let sim = common::sim().await;
    let c = client(&sim.base_url(), SECRET);
    for params in [
        json!({"uniqueCode": SN, "traceType": "sideways"}),
        json!({"traceType": "forward"}),
        json!({"uniqueCode": " ", "traceType": "forward"}),
        json!({"uniqueCode": SN, "traceType": "forward", "extra": 1}),
    ] {
        let e = c.call("trace.query", params.clone()).await.unwrap_err();
        assert_eq!(e.kind, ErrorKind::InvalidArgument, "{params}: {e}");
        assert_eq!(e.call, Some("trace.query"));
    }
    assert_eq!(sim.state().request_count("trace.query"), 0);
    let no_section = common::client(&sim.base_url());
    let e = no_section
        .trace_query(SN, TraceType::Forward)
        .await
        .unwrap_err();
    assert!(e.message.contains("\"trace\" section"), "{e}");
}

#[tokio::test]
async fn a_retry_is_signed_afresh() {
    let sim = common::sim().await;
    let c = client(&sim.base_url(), SECRET);
    sim.state().fail_next_503(1);
    let r = c.trace_query(SN, TraceType::Forward).await.unwrap();
    assert!(r.tree_list.is_empty());
    assert_eq!(sim.state().request_count("trace.query"), 2);
    assert_eq!(sim.state().trace_refusals("A400IN"), 0);
}

#[tokio::test]
async fn a_canned_code_from_the_simulator() {
    let sim = common::sim().await;
    let c = client(&sim.base_url(), SECRET);
    sim.state()
        .trace_fail_next(20003, Some("Find Backend Error"));
    let e = c.trace_query(SN, TraceType::Forward).await.unwrap_err();
    assert_eq!(
        (
            e.kind,
            e.server_code.as_deref(),
            e.server_message.as_deref()
        ),
        (ErrorKind::Http, Some("20003"), Some("Find Backend Error"))
    );
}

/// Every HTTP-200 code of the document's table, from a canned server.
#[tokio::test]
async fn answer_codes_become_typed_errors() {
    let cases = [
        (20003, "Find Backend Error", ErrorKind::Http),
        (20004, "Backend Service Error", ErrorKind::Http),
        (
            20055,
            "Invalid Request Format Error",
            ErrorKind::InvalidArgument,
        ),
        (20056, "Hsf Invoke Timeout", ErrorKind::Timeout),
        (401, "Request Authorized Error", ErrorKind::Auth),
        (403, "request forbidden.", ErrorKind::Auth),
        (500, "Server Error", ErrorKind::Http),
    ];
    for (code, message, kind) in cases {
        let body = json!({"id": "37f7e5fa-d6a5-4efe-8abf-5bf23dca6284", "code": code,
                          "message": message, "localizedMsg": "请求被禁止", "data": null});
        let base = common::canned(200, "application/json", body.to_string().into_bytes()).await;
        let e = client(&base, SECRET)
            .trace_query(SN, TraceType::Forward)
            .await
            .unwrap_err();
        assert_eq!(e.kind, kind, "{code}: {e}");
        assert_eq!(e.server_code, Some(code.to_string()));
        assert_eq!(e.server_message.as_deref(), Some(message));
        assert!(e.message.contains("请求被禁止"), "{e}");
    }
    // The document's own valid example parses; a garbled data string is a protocol error.
    let doc = r#"{"id":"4de2c367-c1db-417c-aa15-8c585e595d92","code":200,"message":null,"localizedMsg":null,"data":"{\"treeList\":[{\"stepCode\":\"P2\",\"trees\":[{\"from\":\"DestUniqueCode\",\"id\":75,\"stepCode\":\"P2\",\"type\":\"MaterialConsumption\",\"uniqueCode\":\"RTRTR\"}],\"type\":\"ProductionReport\",\"uniqueCode\":\"2017080908\"}]}"}"#;
    let base = common::canned(200, "application/json", doc.as_bytes().to_vec()).await;
    let r = client(&base, SECRET)
        .trace_query(SN, TraceType::Forward)
        .await
        .unwrap();
    assert_eq!(r.id, "4de2c367-c1db-417c-aa15-8c585e595d92");
    assert_eq!(r.tree_list[0].children[0].id, Some(75));
    let garbled = json!({"code": 200, "data": "{\"treeList\":{"}).to_string();
    let base = common::canned(200, "application/json", garbled.into_bytes()).await;
    let e = client(&base, SECRET)
        .trace_query(SN, TraceType::Forward)
        .await
        .unwrap_err();
    assert_eq!(e.kind, ErrorKind::Protocol, "{e}");
    // A gateway status without a header: the document's words for it.
    let base = common::canned(401, "text/plain", Vec::new()).await;
    let e = client(&base, SECRET)
        .trace_query(SN, TraceType::Forward)
        .await
        .unwrap_err();
    assert_eq!(
        (e.kind, e.server_message.as_deref()),
        (ErrorKind::Auth, Some("Empty Signature"))
    );
}
