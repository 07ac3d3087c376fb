//! `POST /v1/token` and `POST /v1/resource` with the document's bodies and answers, and
//! the seed data: the organization tree of the document (factory `8wCx`) grown to two
//! workshops, three lines and five machines, and each machine's sys_info.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::{Json, Router};
use serde_json::{json, Map, Value};

use super::oauth_error;
use super::tokens::{self, Refusal};
use crate::faults::api;
use crate::SimState;

pub const NO_MACHINE: (i64, &str) = (3012, "the machine does not exist");
pub const CONTENT_MACHINE_LIST: (i64, &str) = (3010, "machine_list must be list");
pub const CONTENT_BODY: (i64, &str) = (3010, "the body must be a JSON object with func and data");
pub const CONTENT_FUNC: (i64, &str) = (3010, "func must be get_organization or get_sys_info");

/// The seed machines: (line id, key in the line's members, machine id, name, cnc_system,
/// cnc_class, cnc_model). The first is the document's `get_sys_info` example.
const MACHINES: [(&str, &str, &str, &str, &str, &str, &str); 5] = [
    (
        "8wCxAAAAAAAA",
        "0",
        "8wCxAAAAAAAAABg=",
        "立式加工中心",
        "",
        "",
        "789",
    ),
    (
        "8wCxAAAAAAAA",
        "2",
        "8wCxAAAAAAAAACg=",
        "数控车床",
        "FANUC",
        "0i-TF",
        "CK6150",
    ),
    (
        "8wCxAAAAAAAA",
        "10",
        "8wCxAAAAAAAAAKg=",
        "卧式加工中心",
        "SIEMENS",
        "840D sl",
        "HMC-630",
    ),
    (
        "8wCxAAAAAAAB",
        "0",
        "8wCxAAAAAAABAAA=",
        "盒子未配置",
        "",
        "",
        "",
    ),
    (
        "8wCxAAAAAQAB",
        "0",
        "GADIAAAAAgABAAA=",
        "五轴加工中心",
        "FANUC",
        "31i-B5",
        "DMU 65",
    ),
];

/// The seed machine ids, in tree order.
pub(crate) fn machine_ids() -> Vec<&'static str> {
    MACHINES.iter().map(|m| m.2).collect()
}

fn machines_of(line: &str) -> Value {
    let members: Map<String, Value> = MACHINES
        .iter()
        .filter(|m| m.0 == line)
        .map(|m| (m.1.to_owned(), json!({ "name": m.3, "machine_id": m.2 })))
        .collect();
    Value::Object(members)
}

/// The organization answer's `data`: the document's tree (keys as the document has
/// them: the first line of 车间1 is keyed "1"), with more workshops, lines and machines.
pub(crate) fn organization() -> Value {
    json!({
        "factory_id": "8wCx",
        "members": {
            "0": {
                "id": "8wCxAAA=",
                "name": "厂区",
                "members": {
                    "0": {
                        "id": "8wCxAAAAAA==",
                        "name": "车间1",
                        "members": {
                            "1": { "name": "生产线", "members": machines_of("8wCxAAAAAAAB"),
                                   "id": "8wCxAAAAAAAB" },
                            "0": { "name": "生产线0", "members": machines_of("8wCxAAAAAAAA"),
                                   "id": "8wCxAAAAAAAA" }
                        }
                    },
                    "1": {
                        "id": "8wCxAAAAAQ==",
                        "name": "车间2",
                        "members": {
                            "0": { "name": "生产线2", "members": machines_of("8wCxAAAAAQAB"),
                                   "id": "8wCxAAAAAQAB" }
                        }
                    }
                }
            }
        },
        "id": "8wCx"
    })
}

fn sys_info(data: &Value) -> Result<Value, Refusal> {
    let list = data
        .get("machine_list")
        .and_then(Value::as_array)
        .ok_or(CONTENT_MACHINE_LIST)?;
    let mut out = Map::new();
    for id in list {
        let id = id.as_str().ok_or(CONTENT_MACHINE_LIST)?;
        let m = MACHINES.iter().find(|m| m.2 == id).ok_or(NO_MACHINE)?;
        out.insert(
            id.to_owned(),
            json!({ "cnc_system": m.4, "cnc_class": m.5, "cnc_model": m.6 }),
        );
    }
    Ok(Value::Object(out))
}

pub(crate) fn routes(state: &Arc<SimState>) -> Router {
    Router::new()
        .route("/v1/token", api(state, "mgm.token", post(token)))
        .route("/v1/resource", api(state, "mgm.resource", post(resource)))
        .with_state(state.clone())
}

/// The body as `(func, access_token, data)`.
fn parse(body: &[u8]) -> Result<(String, Option<String>, Value), Refusal> {
    let v: Value = serde_json::from_slice(body).map_err(|_| CONTENT_BODY)?;
    let func = v.get("func").and_then(Value::as_str).ok_or(CONTENT_BODY)?;
    let token = v
        .get("access_token")
        .and_then(Value::as_str)
        .map(str::to_owned);
    let data = v.get("data").cloned().unwrap_or_else(|| json!({}));
    Ok((func.to_owned(), token, data))
}

async fn token(State(state): State<Arc<SimState>>, body: Bytes) -> Response {
    let (func, _, data) = match parse(&body) {
        Ok(p) => p,
        Err(refusal) => return Json(oauth_error(refusal)).into_response(),
    };
    match func.as_str() {
        "get_access_token" => state.count_request("mgm.token.get"),
        "refresh_token" => state.count_request("mgm.token.refresh"),
        _ => {}
    }
    Json(tokens::token_call(&state, &func, &data)).into_response()
}

async fn resource(State(state): State<Arc<SimState>>, body: Bytes) -> Response {
    let answer = match parse(&body) {
        Ok((func, token, data)) => {
            match func.as_str() {
                "get_organization" => state.count_request("mgm.organization"),
                "get_sys_info" => state.count_request("mgm.sys_info"),
                _ => {}
            }
            let outcome = tokens::admit(&state, token.as_deref().unwrap_or("")).and_then(|()| {
                match func.as_str() {
                    "get_organization" => Ok(organization()),
                    "get_sys_info" => sys_info(&data),
                    _ => Err(CONTENT_FUNC),
                }
            });
            match outcome {
                Ok(data) => json!({ "code": 200, "data": data, "message": "success" }),
                Err(refusal) => oauth_error(refusal),
            }
        }
        Err(refusal) => oauth_error(refusal),
    };
    Json(answer).into_response()
}

impl SimState {
    /// The seed machine ids (every one has sys_info and can be subscribed to).
    pub fn mgm_machine_ids(&self) -> Vec<String> {
        machine_ids().into_iter().map(str::to_owned).collect()
    }
}
