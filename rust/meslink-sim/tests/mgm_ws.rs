//! The simulator's mgm live sessions from a plain websocket client: SockJS framing and the
//! raw endpoint of `/v1/real_time` and `/v1/trans_file`, token checks, resumable uploads,
//! the documented refusal codes, and the control knobs.

mod common;

use base64::Engine;
use futures_util::{SinkExt, StreamExt};
use md5::{Digest, Md5};
use meslink_sim::Sim;
use serde_json::{json, Value};
use std::time::Duration;
use tokio_tungstenite::tungstenite::Message;

type Ws =
    tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>;

const M1: &str = "8wCxAAAAAAABAAA=";
const M2: &str = "GADIAAAAAgABAAA=";

/// A token from the simulator's `/v1/token` (default sim app).
async fn token(sim: &Sim) -> String {
    let body: Value = common::json_of(
        common::post(sim, "/v1/token").json(&json!({"func": "get_access_token",
                      "data": {"app_key": "meslink-app", "app_secret": "meslink-secret"}})),
    )
    .await;
    body["data"]["access_token"]
        .as_str()
        .unwrap_or_else(|| panic!("no token: {body}"))
        .to_string()
}

async fn connect(sim: &Sim, path_and_query: &str) -> Ws {
    let url = format!("ws://{}{path_and_query}", sim.addr());
    tokio_tungstenite::connect_async(url).await.unwrap().0
}

/// The next text frame (pings are answered by tungstenite), within 5 s.
async fn text(ws: &mut Ws) -> Option<String> {
    loop {
        let m = tokio::time::timeout(Duration::from_secs(5), ws.next())
            .await
            .expect("a frame within 5 s")?;
        match m {
            Ok(Message::Text(t)) => return Some(t.as_str().to_owned()),
            Ok(Message::Close(_)) | Err(_) => return None,
            Ok(_) => continue,
        }
    }
}

/// SockJS: the messages of the next `a[...]` frame (or the close frame's `c[...]` as a
/// one-element list `[{"close": [code, reason]}]`); heartbeats skipped.
async fn sockjs_messages(ws: &mut Ws) -> Vec<Value> {
    loop {
        let t = text(ws).await.expect("the session is open");
        if let Some(rest) = t.strip_prefix('a') {
            let items: Vec<String> = serde_json::from_str(rest).unwrap();
            return items
                .iter()
                .map(|s| serde_json::from_str(s).unwrap())
                .collect();
        }
        if let Some(rest) = t.strip_prefix('c') {
            return vec![json!({ "close": serde_json::from_str::<Value>(rest).unwrap() })];
        }
        assert!(t == "h" || t == "o", "unexpected frame {t}");
    }
}

fn sub(machine: &str) -> String {
    json!({"machine_id": machine, "page": "a"}).to_string()
}

#[tokio::test]
async fn sockjs_stream_sends_status_record_and_deltas_for_each_machine() {
    let sim = common::start().await;
    sim.state().set_mgm_events_per_sec(200.0);
    let token = token(&sim).await;
    let mut ws = connect(
        &sim,
        &format!("/v1/real_time/042/abcdefgh/websocket?session_id={token}"),
    )
    .await;
    assert_eq!(text(&mut ws).await.as_deref(), Some("o"));
    let frame = serde_json::to_string(&[sub(M1), sub(M2)]).unwrap();
    ws.send(Message::text(frame)).await.unwrap();
    let mut seen = Vec::new();
    while seen.len() < 40 {
        seen.extend(sockjs_messages(&mut ws).await);
    }
    for m in [M1, M2] {
        let status = seen
            .iter()
            .find(|v| v["machine_id"] == m && v.get("status").is_some());
        assert!(status.is_some(), "status of {m}");
        let full = seen
            .iter()
            .find(|v| v["id"] == m && v.get("program").is_some());
        assert_eq!(full.unwrap()["Zact"], "-6273.725");
        let deltas = seen
            .iter()
            .filter(|v| v["id"] == m && v.get("program").is_none())
            .count();
        assert!(deltas > 0, "deltas of {m}");
    }
    assert_eq!(sim.state().mgm_realtime_subscriptions(), 2);
}

#[tokio::test]
async fn raw_stream_sends_one_json_per_message() {
    let sim = common::start().await;
    let token = token(&sim).await;
    let mut ws = connect(&sim, &format!("/v1/real_time/websocket?session_id={token}")).await;
    ws.send(Message::text(sub(M2))).await.unwrap();
    let status: Value = serde_json::from_str(&text(&mut ws).await.unwrap()).unwrap();
    assert_eq!(status["machine_id"], M2);
    assert_eq!(status["status"], 5);
    let full: Value = serde_json::from_str(&text(&mut ws).await.unwrap()).unwrap();
    assert_eq!(full["program"], "1004.1004");
    let delta: Value = serde_json::from_str(&text(&mut ws).await.unwrap()).unwrap();
    assert_eq!(delta["id"], M2);
    assert!(delta.get("Xact").is_some());
}

#[tokio::test]
async fn a_bad_token_gets_a_notice_and_the_close_code() {
    let sim = common::start().await;
    let mut ws = connect(&sim, "/v1/real_time/1/xyz/websocket?session_id=nonsense").await;
    assert_eq!(text(&mut ws).await.as_deref(), Some("o"));
    let notice = sockjs_messages(&mut ws).await;
    let code = notice[0]["code"].as_i64().unwrap();
    assert!((3003..=3008).contains(&code), "{notice:?}");
    let close = sockjs_messages(&mut ws).await;
    assert_eq!(close[0]["close"][0], code);

    let mut raw = connect(&sim, "/v1/real_time/websocket?session_id=nonsense").await;
    let notice: Value = serde_json::from_str(&text(&mut raw).await.unwrap()).unwrap();
    assert_eq!(notice["code"], code);
    match raw.next().await {
        Some(Ok(Message::Close(Some(f)))) => assert_eq!(u16::from(f.code), code as u16),
        other => panic!("expected a close frame, got {other:?}"),
    }
}

#[tokio::test]
async fn info_and_dropping_sessions() {
    let sim = common::start().await;
    let info: Value = common::json_of(common::get(&sim, "/v1/real_time/info")).await;
    assert_eq!(info["websocket"], true);
    let token = token(&sim).await;
    let mut ws = connect(&sim, &format!("/v1/real_time/websocket?session_id={token}")).await;
    ws.send(Message::text(sub(M1))).await.unwrap();
    assert!(text(&mut ws).await.is_some());
    let knobs: Value = common::json_of(
        common::post(&sim, "/_sim/mgm/realtime")
            .json(&json!({"drop_connections": true, "events_per_sec": 5})),
    )
    .await;
    assert_eq!(knobs["events_per_sec"], 5.0);
    // The session ends without a close frame.
    loop {
        match tokio::time::timeout(Duration::from_secs(5), ws.next())
            .await
            .unwrap()
        {
            Some(Ok(Message::Close(_))) => panic!("a dropped session has no close frame"),
            Some(Ok(_)) => continue,
            Some(Err(_)) | None => break,
        }
    }
    let state: Value = common::json_of(common::get(&sim, "/_sim/state")).await;
    assert_eq!(state["mgm"]["realtime"]["connections"], 1);
}

/// `{"content", "file_md5"}` with the md5 of the base64 text.
fn chunk(bytes: &[u8]) -> String {
    let content = base64::engine::general_purpose::STANDARD.encode(bytes);
    let md5 = hex(&Md5::digest(content.as_bytes()));
    json!({"content": content, "file_md5": md5}).to_string()
}

fn hex(d: &[u8]) -> String {
    d.iter().map(|b| format!("{b:02x}")).collect()
}

fn transfer_path(token: &str, name: &str, size: usize, raw: bool) -> String {
    let prefix = if raw {
        "/v1/trans_file/websocket".to_string()
    } else {
        "/v1/trans_file/007/qwertyui/websocket".to_string()
    };
    format!(
        "{prefix}?session_id={token}&cloud_path=%2Fnc&file_size={size}&file_name={name}&storage_type=1&machine_id={M1}"
    )
}

#[tokio::test]
async fn transfer_resumes_after_a_cut_and_records_the_md5() {
    let sim = common::start().await;
    let token = token(&sim).await;
    let data: Vec<u8> = (0..300_000u32).map(|i| (i * 7 % 251) as u8).collect();
    sim.state().mgm_transfer_fail_after(150_000);

    // First session (SockJS): cut once 150 000 bytes are held.
    let mut ws = connect(&sim, &transfer_path(&token, "O1234.nc", data.len(), false)).await;
    assert_eq!(text(&mut ws).await.as_deref(), Some("o"));
    let first = sockjs_messages(&mut ws).await;
    assert_eq!(first[0]["code"], 200);
    assert_eq!(first[0]["file_seek"], 0);
    let file_id = first[0]["file_id"].as_str().unwrap().to_string();
    for part in data.chunks(50_000) {
        let frame = serde_json::to_string(&[chunk(part)]).unwrap();
        if ws.send(Message::text(frame)).await.is_err() {
            break;
        }
    }
    assert!(text(&mut ws).await.is_none(), "the session is cut");

    // Second session (raw): resumes from what the server holds.
    let mut ws = connect(&sim, &transfer_path(&token, "O1234.nc", data.len(), true)).await;
    let answer: Value = serde_json::from_str(&text(&mut ws).await.unwrap()).unwrap();
    assert_eq!(answer["code"], 200);
    assert_eq!(answer["file_id"], file_id.as_str());
    let seek = answer["file_seek"].as_u64().unwrap();
    assert_eq!(seek, 150_000);
    for part in data[seek as usize..].chunks(64 * 1024) {
        ws.send(Message::text(chunk(part))).await.unwrap();
    }
    let done: Value = serde_json::from_str(&text(&mut ws).await.unwrap()).unwrap();
    assert_eq!(done["code"], 200);
    let request_id = done["request_id"].as_str().unwrap();

    let files = sim.state().mgm_received_files();
    assert_eq!(files.len(), 1);
    assert_eq!(files[0].md5, hex(&Md5::digest(&data)));
    assert_eq!(files[0].size, data.len() as u64);
    assert_eq!(files[0].seeks, vec![0, 150_000]);
    assert_eq!(files[0].request_id, request_id);
    let state: Value = common::json_of(common::get(&sim, "/_sim/state")).await;
    assert_eq!(state["mgm"]["transfer"]["files"][0]["md5"], files[0].md5);
}

/// The first answer of a raw transfer session.
async fn first_answer(sim: &Sim, path: &str) -> Value {
    let mut ws = connect(sim, path).await;
    serde_json::from_str(&text(&mut ws).await.unwrap()).unwrap()
}

#[tokio::test]
async fn transfer_refusals_use_the_documented_codes() {
    let sim = common::start().await;
    let token = token(&sim).await;
    let too_big = first_answer(
        &sim,
        &transfer_path(&token, "big.nc", 50 * 1024 * 1024 + 1, true),
    )
    .await;
    assert_eq!(too_big["code"], 731);
    assert_eq!(too_big["message"], "文件过大");
    let long = "a".repeat(181);
    let bad_name = first_answer(&sim, &transfer_path(&token, &long, 10, true)).await;
    assert_eq!(bad_name["code"], 719);
    sim.state().mgm_transfer_fail_with(730);
    let told = first_answer(&sim, &transfer_path(&token, "x.nc", 10, true)).await;
    assert_eq!(told["code"], 730);
    assert_eq!(told["message"], "盒子与机床断开连接");

    // A chunk whose md5 is of the raw bytes while the server checks the base64 text.
    let mut ws = connect(&sim, &transfer_path(&token, "x.nc", 5, true)).await;
    assert_eq!(text(&mut ws).await.map(|t| t.contains("200")), Some(true));
    let content = base64::engine::general_purpose::STANDARD.encode(b"hello");
    let wrong = json!({"content": content, "file_md5": hex(&Md5::digest(b"hello"))});
    ws.send(Message::text(wrong.to_string())).await.unwrap();
    let answer: Value = serde_json::from_str(&text(&mut ws).await.unwrap()).unwrap();
    assert_eq!(answer["code"], 732);

    // The knob switches the convention: now the same message is accepted.
    common::post(&sim, "/_sim/mgm/transfer")
        .json(&json!({"md5_of": "raw_bytes"}))
        .send()
        .await
        .unwrap();
    let mut ws = connect(&sim, &transfer_path(&token, "x.nc", 5, true)).await;
    assert!(text(&mut ws).await.unwrap().contains("file_seek"));
    ws.send(Message::text(wrong.to_string())).await.unwrap();
    let answer: Value = serde_json::from_str(&text(&mut ws).await.unwrap()).unwrap();
    assert!(answer["request_id"].is_string(), "{answer}");
    assert_eq!(
        sim.state().mgm_received_files()[0].md5,
        hex(&Md5::digest(b"hello"))
    );
}

#[tokio::test]
async fn an_expiring_token_gets_the_notice_and_the_close() {
    let sim = common::start().await;
    sim.state()
        .set_mgm_token_lifetime(Duration::from_millis(600));
    let token = token(&sim).await;
    let mut ws = connect(
        &sim,
        &format!("/v1/real_time/100/expiring/websocket?session_id={token}"),
    )
    .await;
    assert_eq!(text(&mut ws).await.as_deref(), Some("o"));
    ws.send(Message::text(serde_json::to_string(&[sub(M1)]).unwrap()))
        .await
        .unwrap();
    let mut events = 0;
    let notice = loop {
        let batch = sockjs_messages(&mut ws).await;
        if let Some(n) = batch.iter().find(|v| v.get("code").is_some()) {
            break n.clone();
        }
        events += batch.len();
    };
    assert!(events > 0, "events flowed before the expiry");
    assert_eq!(
        notice,
        json!({"code": 3005, "message": "access_token expired"})
    );
    let close = sockjs_messages(&mut ws).await;
    assert_eq!(close[0]["close"], json!([3005, "access_token expired"]));
    assert_eq!(sim.state().mgm_realtime_expiry_closes(), 1);
}

/// The benchmark knobs: `burst` sends N stamped deltas at once to a subscribed session (a
/// session without a subscription gets none), `stamp` stamps the paced ones too, and a
/// burst too large is refused with nothing changed.
#[tokio::test]
async fn bursts_and_stamps_carry_the_send_time() {
    let sim = common::start().await;
    sim.state().set_mgm_events_per_sec(0.0);
    let token = token(&sim).await;
    let mut ws = connect(
        &sim,
        &format!("/v1/real_time/1/burst/websocket?session_id={token}"),
    )
    .await;
    let mut idle = connect(&sim, &format!("/v1/real_time/websocket?session_id={token}")).await;
    assert_eq!(text(&mut ws).await.as_deref(), Some("o"));
    ws.send(Message::text(serde_json::to_string(&[sub(M1)]).unwrap()))
        .await
        .unwrap();
    assert_eq!(sockjs_messages(&mut ws).await.len(), 2, "status and record");
    let knob = |body: Value| {
        let sim = &sim;
        async move {
            common::post(sim, "/_sim/mgm/realtime")
                .json(&body)
                .send()
                .await
                .unwrap()
        }
    };
    let refused = knob(json!({"burst": 1u64 << 40, "stamp": true})).await;
    assert_eq!(refused.status(), 400);
    let before = chrono::Utc::now().timestamp_micros();
    assert_eq!(knob(json!({"burst": 1000})).await.status(), 200);
    let mut deltas = Vec::new();
    while deltas.len() < 1000 {
        let frame = sockjs_messages(&mut ws).await;
        assert!(frame.len() <= 100, "frames of at most 100 messages");
        deltas.extend(frame);
    }
    assert_eq!(deltas.len(), 1000);
    let after = chrono::Utc::now().timestamp_micros();
    for d in &deltas {
        assert_eq!(d["id"], M1);
        let sent = d["sent_us"]
            .as_i64()
            .unwrap_or_else(|| panic!("no sent_us: {d}"));
        assert!(
            before <= sent && sent <= after,
            "{sent} not in [{before}, {after}]"
        );
    }
    let state: Value = common::json_of(common::get(&sim, "/_sim/state")).await;
    assert_eq!(
        state["mgm"]["realtime"]["stamp"], false,
        "the refused request changed nothing"
    );
    assert_eq!(sim.state().mgm_realtime_events_sent(), 1002);

    // Paced deltas: unstamped by default, stamped with the knob.
    sim.state().set_mgm_events_per_sec(500.0);
    let plain = sockjs_messages(&mut ws).await;
    assert!(
        plain.iter().all(|d| d.get("sent_us").is_none()),
        "{plain:?}"
    );
    knob(json!({"stamp": true})).await;
    let stamped = loop {
        let frame = sockjs_messages(&mut ws).await;
        if frame.iter().all(|d| d.get("sent_us").is_some()) {
            break frame;
        }
    };
    assert!(!stamped.is_empty());
    // The session without a subscription got nothing.
    idle.send(Message::Ping(Default::default())).await.unwrap();
    let got = tokio::time::timeout(Duration::from_millis(300), idle.next()).await;
    assert!(
        matches!(got, Ok(Some(Ok(Message::Pong(_))))),
        "only the pong: {got:?}"
    );
}
