//! Entry points for the property tests (`tests/hostile_input.rs`) and the cargo-fuzz
//! targets (`fuzz/`): every parser of every server's answers, reachable with arbitrary
//! input. Not part of the API; nothing here sends anything except [`generic_call`], which
//! goes through [`Client::call`] like any caller.
//!
//! Each function runs every parser that reads input of its kind and answers one
//! [`Parsed`] per parser: the parser's name and its error, if any. A parser that panics
//! is the bug the callers look for.

use crate::catalog::{self, Server};
use crate::client::Client;
use crate::error::{Error, Result};
use crate::models::FromAnswer;
use crate::servers::{self, ate, energy, grading, mgm, trace};
use crate::transport::Answer;
use serde_json::Value;

/// What one parser made of the input.
#[derive(Debug)]
pub struct Parsed {
    pub parser: &'static str,
    pub result: Result<()>,
}

fn parsed<T>(parser: &'static str, result: Result<T>) -> Parsed {
    Parsed {
        parser,
        result: result.map(|_| ()),
    }
}

/// Every reader of an HTTP answer (status and body), as the servers' modules call them
/// on what the transport read.
pub fn http_answer(status: u16, body: &[u8]) -> Vec<Parsed> {
    let answer = Answer {
        status,
        body: body.to_vec(),
        headers: Default::default(),
    };
    let mut out = Vec::new();
    for spec in catalog::CALLS.iter().filter(|c| c.server == Server::Ate) {
        out.push(parsed("ate answer", ate::read_answer(spec, &answer)));
    }
    out.push(parsed("grading answer", grading::read_answer(&answer)));
    out.push(parsed("trace answer", trace::read_answer(&answer)));
    out.push(parsed(
        "trace gateway error",
        Err::<(), _>(trace::codes::gateway_error(&answer)),
    ));
    let mgm_data = mgm::read_answer(&answer);
    if let Ok(data) = &mgm_data {
        out.extend(json_value(data));
    }
    out.push(parsed("mgm answer", mgm_data));
    let envelope = energy::codes::read(&answer);
    if let Ok(v) = &envelope {
        out.push(parsed(
            "energy page items",
            energy::pages::data_items("energy.fuzz", v),
        ));
        let _ = energy::pages::total_numbers(v);
    }
    out.push(parsed("energy answer", envelope));
    out.push(parsed(
        "http error",
        Err::<(), _>(servers::http_error(&answer)),
    ));
    out
}

/// Every reader of an answer's JSON (or a part of one): the trace tree and envelope, the
/// machine-tool platform's organization tree, token grant, transfer replies and stream
/// messages, the energy platform's pages, Django-style error bodies.
pub fn json_value(v: &Value) -> Vec<Parsed> {
    let mut out = vec![
        parsed("trace tree", trace::tree::parse_data(v)),
        parsed(
            "trace result",
            crate::models::TraceResult::from_answer(v.clone()),
        ),
        parsed(
            "mgm organization",
            crate::models::OrgNode::from_answer(v.clone()),
        ),
        parsed("mgm token grant", mgm::tokens::grant(v)),
        parsed(
            "energy page items",
            energy::pages::data_items("energy.fuzz", v),
        ),
    ];
    if let Some(reply) = mgm::transfer::read_reply_summary(v) {
        out.push(parsed("mgm transfer reply", reply));
    }
    let event = mgm::StreamEvent::classify(v.clone());
    let _ = event.to_json();
    let _ = energy::pages::total_numbers(v);
    let _ = servers::drf_message(v);
    out
}

/// Every reader of text that arrives outside an HTTP body: SockJS frames of the live
/// stream and transfer sessions, and JWTs (whose `exp` claim sets the renewal time).
pub fn text(text: &str) -> Vec<Parsed> {
    let _ = crate::jwt::time_to_expiry(text);
    let _ = mgm::sockjs::parse_message(text);
    vec![parsed("sockjs frame", mgm::sockjs::parse_sockjs(text))]
}

/// A client with every server configured at an address where nothing listens
/// (127.0.0.1, port 9), one attempt per call: a call that passes validation fails fast
/// with a transport error.
pub fn offline_client() -> Client {
    let url = "http://127.0.0.1:9";
    Client::from_json(
        &serde_json::json!({
            "ate": {"base_url": url, "emp_no": "ate", "password": "p"},
            "grading": {"base_url": url, "datasource": "MES01"},
            "trace": {"base_url": url, "app_key": "k", "app_secret": "s"},
            "mgm": {"base_url": format!("{url}/v1"), "app_key": "k", "app_secret": "s"},
            "energy": {"base_url": url, "username": "u", "password": "p"},
            "timeout_ms": 2000,
            "connect_timeout_ms": 1000,
            "retry": {"max_attempts": 1},
        })
        .to_string(),
    )
    .expect("the offline client's configuration is valid")
}

/// The generic call, as every language layer makes it.
pub fn generic_call(client: &Client, id: &str, params: Value) -> Result<Value> {
    client.call_blocking(id, params)
}

/// Every call id of the catalog.
pub fn call_ids() -> Vec<&'static str> {
    catalog::CALLS.iter().map(|c| c.id).collect()
}

/// Whether an error is one a caller may see from hostile input: never `internal` (a
/// caught panic or a bug).
pub fn is_clear(e: &Error) -> bool {
    e.kind != crate::error::ErrorKind::Internal && !e.message.is_empty()
}
