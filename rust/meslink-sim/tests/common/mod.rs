//! Helpers shared by the integration tests.
#![allow(dead_code)]

use meslink_sim::{Sim, SimConfig};
use serde_json::{json, Value};

pub const USER: &str = "ate";
pub const PASSWORD: &str = "Windows123.";

pub async fn start() -> Sim {
    Sim::start(SimConfig::default()).await.expect("sim starts")
}

/// A POST to `path` on the simulator, from a fresh [`client`].
pub fn post(sim: &Sim, path: &str) -> reqwest::RequestBuilder {
    client().post(format!("{}{path}", sim.base_url()))
}

/// A GET of `path` on the simulator, from a fresh [`client`].
pub fn get(sim: &Sim, path: &str) -> reqwest::RequestBuilder {
    client().get(format!("{}{path}", sim.base_url()))
}

/// A client that never reuses connections, so one test's dropped
/// connection cannot leak into the next request.
pub fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .pool_max_idle_per_host(0)
        .timeout(std::time::Duration::from_secs(10))
        .build()
        .unwrap()
}

pub async fn login(sim: &Sim) -> String {
    let resp = post(sim, "/api/login/")
        .form(&[("emp_no", USER), ("password", PASSWORD)])
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    let body: Value = resp.json().await.unwrap();
    body["token"].as_str().expect("token").to_string()
}

/// A `multipart/form-data` body as RestSharp's AlwaysMultipartFormData sends it.
pub fn multipart(fields: &[(&str, &str)]) -> (String, Vec<u8>) {
    let boundary = "-----------------------------28947758029299";
    let mut body = String::new();
    for (name, value) in fields {
        body.push_str(&format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
        ));
    }
    body.push_str(&format!("--{boundary}--\r\n"));
    (
        format!("multipart/form-data; boundary={boundary}"),
        body.into_bytes(),
    )
}

/// Sends `req` and reads its answer as JSON (panics on a transport or JSON error).
pub async fn json_of(req: reqwest::RequestBuilder) -> Value {
    req.send().await.unwrap().json().await.unwrap()
}

pub async fn get_json(url: &str, token: Option<&str>) -> (u16, Value) {
    let mut req = client().get(url);
    if let Some(t) = token {
        req = req.header("Authorization", format!("BEARER {t}"));
    }
    let resp = req.send().await.unwrap();
    let status = resp.status().as_u16();
    (status, resp.json().await.unwrap())
}

pub async fn upload(sim: &Sim, token: Option<&str>, work_order: &str, sn: &str) -> (u16, Value) {
    let mut req = post(sim, "/api/sn_detail/").form(&[("work_order", work_order), ("sn", sn)]);
    if let Some(t) = token {
        req = req.header("Authorization", format!("BEARER {t}"));
    }
    let resp = req.send().await.unwrap();
    let status = resp.status().as_u16();
    (status, resp.json().await.unwrap())
}

pub fn grading_body(barcode: &str, voltage: f64) -> Value {
    json!({
        "batteryStation": "01-02-03",
        "deviceCode": "FR-001",
        "barcode": barcode,
        "testTime": "2024-05-06 07:08:09",
        "workStep": "5",
        "voltage": voltage,
        "electricity": 1.5,
        "volume": 3012.5,
        "energy": 11.2
    })
}

pub async fn grading_save(sim: &Sim, datasource: Option<&str>, body: &Value) -> (u16, Value) {
    let mut req = post(sim, "/api/pick/volumeCollectData/save").json(body);
    if let Some(ds) = datasource {
        req = req.header("x-request-datasource", ds);
    }
    let resp = req.send().await.unwrap();
    let status = resp.status().as_u16();
    (status, resp.json().await.unwrap())
}
