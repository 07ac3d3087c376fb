//! The secret-leak scenario shared by `secrets.rs` (a TRACE-level fmt subscriber) and
//! `log_forward.rs` (the records forwarded to the hosts): every request call against the
//! simulator with good and wrong credentials, tokens and sessions expired under the client,
//! an mgm live stream; and the check that no secret or token appears in a text.

#![allow(dead_code)]

use meslink::catalog::{HttpMethod, ParamKind, CALLS};
use meslink::mgm::StreamOptions;
use meslink::{Client, ClientConfig};
use meslink_sim::{Sim, SimConfig};
use serde_json::{json, Map, Value};
use std::time::Duration;

pub const ATE_PASSWORD: &str = "Windows123.";
pub const MGM_SECRET: &str = "meslink-secret";
pub const TRACE_SECRET: &str = "meslink-trace-secret";
pub const ENERGY_PASSWORD: &str = "admin123";
pub const WRONG: [&str; 4] = [
    "wrong-ate-pass-7Q",
    "wrong-mgm-secret-7Q",
    "wrong-trace-secret-7Q",
    "wrong-energy-pass-7Q",
];

pub fn config(base: &str, secrets: [&str; 4]) -> ClientConfig {
    ClientConfig::from_json(
        &json!({
            "ate": {"base_url": base, "emp_no": "ate", "password": secrets[0]},
            "grading": {"base_url": base, "datasource": "MES01"},
            "mgm": {"base_url": format!("{base}/v1"), "app_key": "meslink-app",
                    "app_secret": secrets[1]},
            "trace": {"base_url": base, "app_key": "meslink-trace", "app_secret": secrets[2]},
            "energy": {"base_url": base, "username": "admin", "password": secrets[3]},
            "retry": {"max_attempts": 2, "initial_backoff_ms": 10, "max_backoff_ms": 20},
            "timeout_ms": 10000
        })
        .to_string(),
    )
    .unwrap()
}

/// Sample parameters the simulator accepts (as tools/sample_calls.py builds them).
pub fn sample(spec: &meslink::catalog::CallSpec) -> Value {
    let known = |name: &str| -> Option<Value> {
        Some(match name {
            "work_order" => json!("1037020031"),
            "sn" | "uniqueCode" => json!("BAJ614KM900001Z"),
            "traceType" => json!("forward"),
            "machine_list" => json!(["8wCxAAAAAAABAAA="]),
            "Usr_Name" => json!("admin"),
            "Usr_Password" => json!(ENERGY_PASSWORD),
            "Usr_Email" => json!("admin@example.com"),
            "Time_Type" => json!("3"),
            "Amount_Type" => json!("1"),
            "Machine_Image" => json!({"base64": "iVBORw0KGgo=", "file_name": "s.png"}),
            _ => return None,
        })
    };
    let mut params = Map::new();
    for p in spec.params {
        if let Some(v) = known(p.name) {
            params.insert(p.name.into(), v);
        } else if p.required {
            let v = match p.kind {
                ParamKind::Text | ParamKind::Any => json!("1"),
                ParamKind::Integer => json!(1),
                ParamKind::Number => json!(1.0),
                ParamKind::DateTime => json!("2026-01-01 08:00:00"),
                ParamKind::Bool => json!(true),
                ParamKind::List => json!([]),
                ParamKind::Object => json!({}),
            };
            params.insert(p.name.into(), v);
        }
    }
    Value::Object(params)
}

/// Every request call once; answers every error's Display and Debug.
pub async fn every_call(client: &Client) -> Vec<String> {
    let mut out = Vec::new();
    for spec in CALLS.iter().filter(|c| c.method != HttpMethod::Socket) {
        if let Err(e) = client.call(spec.id, sample(spec)).await {
            out.push(format!("{e}\n{e:?}"));
        }
    }
    out
}

/// Strings that look like the simulator's tokens and cookies: a JWT, or a run of 32 or
/// more hex digits.
pub fn token_like(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    if let Some(at) = text.find("eyJ") {
        found.push(text[at..].chars().take(60).collect());
    }
    let mut run = String::new();
    for c in text.chars().chain(std::iter::once(' ')) {
        if c.is_ascii_hexdigit() {
            run.push(c);
        } else {
            if run.len() >= 32 {
                found.push(run.clone());
            }
            run.clear();
        }
    }
    found
}

/// Runs the scenario on a runtime of its own; answers every error's Display and Debug
/// and the Debug output of the clients.
pub fn run_scenario() -> Vec<String> {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    let mut outputs: Vec<String> = Vec::new();
    rt.block_on(async {
        let sim = Sim::start(SimConfig {
            // ATE tokens expire every 2 s: renewals happen during the run.
            token_lifetime: Duration::from_secs(2),
            ..SimConfig::default()
        })
        .await
        .unwrap();
        let state = sim.state();
        let base = sim.base_url();
        let good = Client::new(config(
            &base,
            [ATE_PASSWORD, MGM_SECRET, TRACE_SECRET, ENERGY_PASSWORD],
        ))
        .unwrap();
        let bad = Client::new(config(&base, WRONG)).unwrap();

        // Every call, good credentials
        outputs.extend(every_call(&good).await);
        // Tokens and sessions expired under the client: refused once, renewed
        state.expire_all_tokens();
        state.expire_mgm_tokens();
        state.energy_expire_sessions();
        outputs.extend(every_call(&good).await);
        // Every call, wrong credentials: refusals from every server
        let refusals = every_call(&bad).await;
        assert!(
            refusals.iter().any(|e| e.contains("Auth")),
            "the wrong credentials were not refused: {refusals:?}"
        );
        outputs.extend(refusals);

        // The live stream: the token over HTTP, the session over a websocket
        let stream = good
            .mgm_stream_open(StreamOptions::default())
            .await
            .unwrap();
        stream.subscribe("8wCxAAAAAAABAAA=").unwrap();
        let first = stream.next(Duration::from_secs(5)).await;
        outputs.push(format!("{first:?}\n{stream:?}"));
        stream.close();
        match bad.mgm_stream_open(StreamOptions::default()).await {
            Ok(s) => outputs.push(format!("{s:?}")),
            Err(e) => outputs.push(format!("{e}\n{e:?}")),
        }

        outputs.push(format!("{good:?}\n{:?}", good.config()));
        outputs.push(format!("{bad:?}\n{:?}", bad.config()));
        good.close().await;
        bad.close().await;
    });
    drop(rt);
    outputs
}

/// Panics when `logs` or `outputs` hold a configured secret or a token-like string.
pub fn assert_no_secret(logs: &str, outputs: &[String]) {
    let everything = format!("{logs}\n{}", outputs.join("\n"));
    let mut secrets = vec![
        ATE_PASSWORD,
        MGM_SECRET,
        TRACE_SECRET,
        ENERGY_PASSWORD,
        "meslink-sim-secret",
    ];
    secrets.extend(WRONG);
    for secret in secrets {
        let outputs = outputs.join("\n");
        for (what, text) in [("logs", logs), ("errors and Debug output", &outputs)] {
            if let Some(at) = text.find(secret) {
                let context: String = text[..at]
                    .chars()
                    .rev()
                    .take(200)
                    .collect::<Vec<_>>()
                    .into_iter()
                    .rev()
                    .chain(text[at..].chars().take(60))
                    .collect();
                panic!("{secret:?} appears in the {what}: …{context}…");
            }
        }
    }
    let tokens = token_like(&everything);
    assert!(
        tokens.is_empty(),
        "token-like strings in the output: {tokens:?}"
    );
}
