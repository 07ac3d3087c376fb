//! The simulated trace gateway: signature, timestamp window, nonce replay, envelope checks,
//! and trees built from uploaded serial numbers and grading records.

mod common;

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use hmac::{Hmac, Mac};
use md5::{Digest, Md5};
use meslink_sim::Sim;
use serde_json::{json, Value};
use sha2::Sha256;

const PATH: &str = "/industry/qualitytrace/tree/query";
const KEY: &str = "meslink-trace";
const SECRET: &str = "meslink-trace-secret";
const WO: &str = "1037020031";
const SN: &str = "BAJ614KM901600Z";

/// A request signed the way the document describes, independent of the sim's own code.
struct Signed {
    key: String,
    secret: String,
    timestamp: i64,
    nonce: String,
    body: Vec<u8>,
}

impl Signed {
    fn new(params: Value) -> Signed {
        let body = json!({"id": "1509086454180", "version": "1.0",
                          "request": {"apiVer": "1.0.0"}, "params": params});
        Signed {
            key: KEY.into(),
            secret: SECRET.into(),
            timestamp: chrono::Utc::now().timestamp_millis(),
            nonce: uuid::Uuid::new_v4().to_string(),
            body: body.to_string().into_bytes(),
        }
    }

    fn string_to_sign(&self) -> String {
        let md5 = STANDARD.encode(Md5::digest(&self.body));
        format!(
            "POST\napplication/json\n{md5}\napplication/json\n\nx-ca-key:{}\nx-ca-nonce:{}\n\
             x-ca-signature-method:HmacSHA256\nx-ca-timestamp:{}\n{PATH}",
            self.key, self.nonce, self.timestamp
        )
    }

    fn request(&self, sim: &Sim) -> reqwest::RequestBuilder {
        let mut mac = Hmac::<Sha256>::new_from_slice(self.secret.as_bytes()).unwrap();
        mac.update(self.string_to_sign().as_bytes());
        let signature = STANDARD.encode(mac.finalize().into_bytes());
        common::post(sim, PATH)
            .header("Accept", "application/json")
            .header("Content-Type", "application/json")
            .header("Content-MD5", STANDARD.encode(Md5::digest(&self.body)))
            .header("X-Ca-Key", &self.key)
            .header("X-Ca-Timestamp", self.timestamp.to_string())
            .header("X-Ca-Nonce", &self.nonce)
            .header("X-Ca-Signature-Method", "HmacSHA256")
            .header(
                "X-Ca-Signature-Headers",
                "x-ca-timestamp,x-ca-key,x-ca-nonce,x-ca-signature-method",
            )
            .header("X-Ca-Signature", signature)
            .body(self.body.clone())
    }

    async fn send(&self, sim: &Sim) -> (u16, Option<String>, String) {
        let resp = self.request(sim).send().await.unwrap();
        let status = resp.status().as_u16();
        let message = resp
            .headers()
            .get("x-ca-error-message")
            .map(|v| v.to_str().unwrap().to_string());
        (status, message, resp.text().await.unwrap())
    }
}

fn query(code: &str, trace_type: &str) -> Signed {
    Signed::new(json!({"uniqueCode": code, "traceType": trace_type}))
}

/// The tree list of a successful answer (its `data` string decoded).
fn tree_list(body: &str) -> Vec<Value> {
    let answer: Value = serde_json::from_str(body).unwrap();
    assert_eq!(answer["code"], 200, "{answer}");
    let data: Value = serde_json::from_str(answer["data"].as_str().unwrap()).unwrap();
    data["treeList"].as_array().unwrap().clone()
}

async fn produce(sim: &Sim) {
    let token = common::login(sim).await;
    let (status, body) = common::upload(sim, Some(&token), WO, SN).await;
    assert_eq!((status, &body["msg"]), (200, &json!("OK")));
    let (status, body) =
        common::grading_save(sim, Some("MES01"), &common::grading_body(SN, 3.3)).await;
    assert_eq!((status, &body["state"]), (200, &json!(1)));
    common::grading_save(sim, Some("MES01"), &common::grading_body("CELL-7", 3.2)).await;
    sim.state().trace_bind(SN, "CELL-7");
}

#[tokio::test]
async fn forward_and_reverse_trees_from_stored_data() {
    let sim = common::start().await;
    produce(&sim).await;

    let (status, _, body) = query(SN, "forward").send(&sim).await;
    assert_eq!(status, 200);
    let trees = tree_list(&body);
    assert_eq!(trees[0]["uniqueCode"], SN);
    let kids: Vec<(String, String)> = trees[0]["trees"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| {
            (
                k["type"].as_str().unwrap().into(),
                k["uniqueCode"].as_str().unwrap().into(),
            )
        })
        .collect();
    assert_eq!(
        kids,
        [
            ("ProductionReport".to_string(), WO.to_string()),
            ("QualityControl".into(), SN.into()),
            ("MaterialConsumption".into(), "CELL-7".into()),
        ]
    );
    assert_eq!(trees[0]["trees"][2]["trees"][0]["type"], "QualityControl");

    let (_, _, body) = query(WO, "reverse").send(&sim).await;
    let trees = tree_list(&body);
    assert_eq!(trees[0]["type"], "ProductionReport");
    assert_eq!(trees[0]["trees"][0]["uniqueCode"], SN);

    let (_, _, body) = query("CELL-7", "reverse").send(&sim).await;
    let trees = tree_list(&body);
    assert_eq!(trees[0]["type"], "MaterialConsumption");
    assert_eq!(trees[0]["trees"][0]["uniqueCode"], SN);
    assert_eq!(trees[0]["trees"][0]["trees"][0]["uniqueCode"], WO);

    let (_, _, body) = query("NEVER-SEEN", "forward").send(&sim).await;
    assert!(tree_list(&body).is_empty());
    assert_eq!(sim.state().request_count("trace.query"), 4);
}

#[tokio::test]
async fn a_replayed_nonce_is_refused() {
    let sim = common::start().await;
    let q = query(SN, "forward");
    assert_eq!(q.send(&sim).await.0, 200);
    let (status, message, _) = q.send(&sim).await;
    assert_eq!((status, message.as_deref()), (400, Some("Nonce Used")));
    assert_eq!(sim.state().trace_refusals("A400IN"), 1);
}

#[tokio::test]
async fn timestamps_outside_fifteen_minutes_are_refused() {
    let sim = common::start().await;
    for skew_ms in [-16 * 60 * 1000, 16 * 60 * 1000] {
        let mut q = query(SN, "forward");
        q.timestamp += skew_ms;
        let (status, message, _) = q.send(&sim).await;
        assert_eq!(
            (status, message.as_deref()),
            (400, Some("Invalid Timestamp"))
        );
    }
    let mut q = query(SN, "forward");
    q.timestamp -= 14 * 60 * 1000;
    assert_eq!(q.send(&sim).await.0, 200);
}

#[tokio::test]
async fn a_wrong_secret_shows_the_servers_string_to_sign() {
    let sim = common::start().await;
    let mut q = query(SN, "forward");
    q.secret = "not-the-secret".into();
    let (status, message, _) = q.send(&sim).await;
    assert_eq!(status, 400);
    let expected = format!(
        "Invalid Signature, Server StringToSign:`{}`",
        q.string_to_sign().replace('\n', "#")
    );
    assert_eq!(message.as_deref(), Some(expected.as_str()));
    assert!(!expected.contains(SECRET));
    // The refused nonce was not used up.
    q.secret = SECRET.into();
    assert_eq!(q.send(&sim).await.0, 200);
}

#[tokio::test]
async fn gateway_refusals() {
    let sim = common::start().await;
    let (status, message, _) = {
        let resp = common::post(&sim, PATH).body("{}").send().await.unwrap();
        let m = resp
            .headers()
            .get("x-ca-error-message")
            .map(|v| v.to_str().unwrap().to_string());
        (resp.status().as_u16(), m, ())
    };
    assert_eq!((status, message.as_deref()), (401, Some("Empty Signature")));

    let mut q = query(SN, "forward");
    q.key = "someone-else".into();
    assert_eq!(q.send(&sim).await.1.as_deref(), Some("Invalid AppKey"));

    // A body changed after signing: the Content-MD5 no longer matches.
    let q = query(SN, "forward");
    let resp = q.request(&sim).body("{\"x\":1}").send().await.unwrap();
    assert_eq!(resp.status(), 400);
    assert_eq!(resp.headers()["x-ca-error-message"], "Invalid Content-MD5");

    // A signed body that is not JSON: the gateway's Request Format Error.
    let mut q = query(SN, "forward");
    q.body = b"not json".to_vec();
    let (status, message, _) = q.send(&sim).await;
    assert_eq!(
        (status, message.as_deref()),
        (400, Some("Request Format Error"))
    );
}

#[tokio::test]
async fn bad_parameters_answer_code_20055() {
    let sim = common::start().await;
    for params in [
        json!({"uniqueCode": SN, "traceType": "sideways"}),
        json!({"traceType": "forward"}),
    ] {
        let (status, _, body) = Signed::new(params).send(&sim).await;
        let answer: Value = serde_json::from_str(&body).unwrap();
        assert_eq!((status, &answer["code"]), (200, &json!(20055)), "{answer}");
        assert!(answer["message"]
            .as_str()
            .unwrap()
            .starts_with("Backend Service Invalid Request Format Error"));
        assert_eq!(answer["data"], Value::Null);
    }
}

#[tokio::test]
async fn control_routes_bind_and_fail() {
    let sim = common::start().await;
    let r = common::post(&sim, "/_sim/trace/fail")
        .json(&json!({"code": 20056, "message": "Hsf Invoke Timeout"}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let (_, _, body) = query(SN, "forward").send(&sim).await;
    let answer: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(
        (answer["code"].clone(), answer["message"].clone()),
        (json!(20056), json!("Hsf Invoke Timeout"))
    );
    // Only the next query.
    let (_, _, body) = query(SN, "forward").send(&sim).await;
    assert!(tree_list(&body).is_empty());

    let r = common::post(&sim, "/_sim/trace/bind")
        .json(&json!({"sn": "P1", "material": "M1"}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let (_, _, body) = query("M1", "reverse").send(&sim).await;
    assert_eq!(tree_list(&body)[0]["trees"][0]["uniqueCode"], "P1");
    let bad = common::post(&sim, "/_sim/trace/bind")
        .json(&json!({"sn": ""}))
        .send()
        .await
        .unwrap();
    assert_eq!(bad.status(), 400);
    let snap: Value = common::json_of(common::get(&sim, "/_sim/state")).await;
    assert_eq!(snap["trace"]["bindings"][0]["material"], "M1");
    assert_eq!(snap["trace"]["app_key"], KEY);
}
