//! The live stream (`mgm.realtime`) against the simulator: typed events from several
//! machines over both transports, reconnects across token expiry and dropped connections
//! with events after each one, the bounded queue's overflow policies, and closing.

use meslink::mgm::{Overflow, Stream, StreamEvent, StreamOptions, StreamTransport};
use meslink::{Client, ErrorKind};
use meslink_sim::{Sim, SimConfig};
use serde_json::json;
use std::collections::HashSet;
use std::time::{Duration, Instant};

const MACHINES: [&str; 3] = ["8wCxAAAAAAABAAA=", "8wCxAAAAAAAAABg=", "GADIAAAAAgABAAA="];

async fn sim() -> Sim {
    Sim::start(SimConfig::default()).await.expect("sim starts")
}

fn client(sim: &Sim, app_secret: &str) -> Client {
    Client::from_json(
        &json!({"mgm": {"base_url": format!("{}/v1", sim.base_url()),
                        "app_key": "meslink-app", "app_secret": app_secret},
                "retry": {"max_attempts": 3, "initial_backoff_ms": 20, "max_backoff_ms": 100},
                "timeout_ms": 5000})
        .to_string(),
    )
    .unwrap()
}

fn options(transport: StreamTransport) -> StreamOptions {
    StreamOptions {
        transport,
        reconnect_initial_ms: 50,
        reconnect_max_ms: 500,
        ..Default::default()
    }
}

/// The next event, failing the test if none comes within 5 s.
async fn next(stream: &Stream) -> StreamEvent {
    stream
        .next(Duration::from_secs(5))
        .await
        .expect("the stream is open")
        .expect("an event within 5 s")
}

#[tokio::test]
async fn typed_events_from_several_machines_over_both_transports() {
    let sim = sim().await;
    sim.state().set_mgm_events_per_sec(300.0);
    let client = client(&sim, "meslink-secret");
    for transport in [StreamTransport::SockJs, StreamTransport::Raw] {
        let stream = client.mgm_stream_open(options(transport)).await.unwrap();
        for m in MACHINES {
            stream.subscribe(m).unwrap();
        }
        let mut seen: HashSet<(String, &'static str)> = HashSet::new();
        let deadline = Instant::now() + Duration::from_secs(10);
        while seen.len() < 9 && Instant::now() < deadline {
            match next(&stream).await {
                StreamEvent::Status { machine_id, raw } => {
                    assert_eq!(raw["machine_id"], machine_id.as_str());
                    assert!(raw.get("status_time").is_some());
                    if machine_id == MACHINES[1] {
                        assert!(raw.get("alarm_no").is_some(), "alarm fields: {raw}");
                    }
                    seen.insert((machine_id, "status"));
                }
                StreamEvent::Snapshot { machine_id, raw } => {
                    assert_eq!(raw["program"], "1004.1004");
                    seen.insert((machine_id, "snapshot"));
                }
                StreamEvent::Delta { machine_id, raw } => {
                    assert!(raw.get("Xact").is_some());
                    seen.insert((machine_id, "delta"));
                }
                other => panic!("{transport:?}: unexpected {other:?}"),
            }
        }
        assert_eq!(seen.len(), 9, "{transport:?}: {seen:?}");
        let stats = stream.stats();
        assert!(stats.delivered >= 9);
        assert_eq!(stats.reconnects, 0);
        stream.close();
    }
    assert_eq!(sim.state().mgm_realtime_connections(), 2);
}

/// Reads until `reconnects` Reconnected events were seen, asserting that each one is
/// followed by events of every subscribed machine. Returns the notices seen.
async fn through_reconnects(stream: &Stream, reconnects: u32) -> Vec<serde_json::Value> {
    let mut notices = Vec::new();
    let mut after: Option<HashSet<String>> = None; // machines heard from since the last reconnect
    let mut done = 0;
    let deadline = Instant::now() + Duration::from_secs(12);
    while Instant::now() < deadline {
        match next(stream).await {
            StreamEvent::Reconnected { .. } => {
                if let Some(heard) = &after {
                    assert_eq!(
                        heard.len(),
                        2,
                        "events from both machines before reconnecting"
                    );
                }
                after = Some(HashSet::new());
            }
            StreamEvent::Delta { machine_id, .. } | StreamEvent::Status { machine_id, .. } => {
                if let Some(heard) = after.as_mut() {
                    if heard.insert(machine_id) && heard.len() == 2 {
                        done += 1;
                        if done == reconnects {
                            return notices;
                        }
                    }
                }
            }
            StreamEvent::Notice { raw } => notices.push(raw),
            StreamEvent::Reconnecting { attempt, reason } => {
                assert!(!reason.is_empty(), "attempt {attempt} has a reason");
            }
            StreamEvent::Snapshot { .. } => {}
        }
    }
    panic!("only {done} of {reconnects} reconnects with events after them");
}

#[tokio::test]
async fn keeps_streaming_across_token_expiry() {
    let sim = sim().await;
    sim.state().set_mgm_events_per_sec(100.0);
    sim.state()
        .set_mgm_token_lifetime(Duration::from_millis(1200));
    let client = client(&sim, "meslink-secret");
    let stream = client
        .mgm_stream_open(options(StreamTransport::SockJs))
        .await
        .unwrap();
    stream.subscribe(MACHINES[0]).unwrap();
    stream.subscribe(MACHINES[2]).unwrap();
    let notices = through_reconnects(&stream, 3).await;
    assert!(
        notices.iter().any(|n| n["code"] == 3005),
        "the expiry notice reached the caller: {notices:?}"
    );
    assert!(stream.stats().reconnects >= 3);
    assert!(sim.state().mgm_realtime_expiry_closes() >= 3);
    // Every reconnect subscribed both machines again.
    assert!(sim.state().mgm_realtime_subscriptions() >= 8);
}

/// A server restarted: the sessions drop and the tokens of before are void, which the
/// client learns only from the reopened session (SockJS open frame, then a 3005 notice and
/// a close). "reconnected" comes once, after the server accepted a session.
#[tokio::test]
async fn reconnected_only_once_the_server_accepted_the_session() {
    let sim = sim().await;
    sim.state().set_mgm_events_per_sec(50.0);
    let client = client(&sim, "meslink-secret");
    let stream = client
        .mgm_stream_open(StreamOptions {
            reconnect_initial_ms: 300,
            ..options(StreamTransport::SockJs)
        })
        .await
        .unwrap();
    stream.subscribe(MACHINES[0]).unwrap();
    while !matches!(next(&stream).await, StreamEvent::Status { .. }) {}
    sim.state().drop_mgm_realtime();
    tokio::time::sleep(Duration::from_millis(50)).await;
    sim.state().expire_mgm_tokens();
    let mut kinds = Vec::new();
    loop {
        let event = next(&stream).await;
        kinds.push(event.kind());
        if let StreamEvent::Notice { raw } = &event {
            assert_eq!(raw["code"], 3005, "{raw}");
        }
        if matches!(event, StreamEvent::Reconnected { .. }) {
            break;
        }
    }
    assert!(
        kinds.contains(&"notice"),
        "the refusal came before reconnected: {kinds:?}"
    );
    // Nothing undoes the announcement: events flow, no further reconnect.
    let until = Instant::now() + Duration::from_millis(1500);
    let mut heard = 0;
    while Instant::now() < until {
        let event = next(&stream).await;
        assert!(
            !matches!(event, StreamEvent::Reconnecting { .. }),
            "reconnecting again after reconnected: {kinds:?} then {event:?}"
        );
        heard += 1;
    }
    assert!(heard > 0);
    assert_eq!(stream.stats().reconnects, 1);
}

/// SockJS's own close `c[3000,"Go away!"]` (sent instead of the open frame for a session
/// the server has closed) is the transport's doing, not a refused key: an open that meets
/// it fails as a transport error and a running stream reconnects, both without renewing
/// the token.
#[tokio::test]
async fn go_away_is_a_transport_close_not_an_authentication_failure() {
    let sim = sim().await;
    sim.state().set_mgm_events_per_sec(50.0);
    let client = client(&sim, "meslink-secret");
    client.mgm_organization().await.unwrap();
    let issued = sim.state().mgm_tokens_issued();
    sim.state().mgm_realtime_go_away_next(1);
    let e = client
        .mgm_stream_open(options(StreamTransport::SockJs))
        .await
        .unwrap_err();
    assert_eq!(e.kind, ErrorKind::Transport, "{e}");
    assert!(e.message.contains("Go away!"), "{e}");

    let stream = client
        .mgm_stream_open(options(StreamTransport::SockJs))
        .await
        .unwrap();
    stream.subscribe(MACHINES[0]).unwrap();
    while !matches!(next(&stream).await, StreamEvent::Status { .. }) {}
    sim.state().mgm_realtime_go_away_next(2);
    sim.state().drop_mgm_realtime();
    let mut reasons = Vec::new();
    loop {
        match next(&stream).await {
            StreamEvent::Reconnecting { reason, .. } => reasons.push(reason),
            StreamEvent::Reconnected { attempt } => {
                assert_eq!(attempt, 3, "{reasons:?}");
                break;
            }
            _ => {}
        }
    }
    assert!(reasons[1].contains("Go away!"), "{reasons:?}");
    assert_eq!(
        sim.state().mgm_tokens_issued(),
        issued,
        "the token was renewed"
    );
    assert_eq!(
        sim.state().mgm_tokens_extended(),
        0,
        "the token was refreshed"
    );
}

#[tokio::test]
async fn raw_stream_reconnects_after_dropped_connections_and_expiry() {
    let sim = sim().await;
    sim.state().set_mgm_events_per_sec(100.0);
    let client = client(&sim, "meslink-secret");
    let stream = client
        .mgm_stream_open(options(StreamTransport::Raw))
        .await
        .unwrap();
    stream.subscribe(MACHINES[0]).unwrap();
    stream.subscribe(MACHINES[1]).unwrap();
    let state = sim.state();
    let dropper = tokio::spawn(async move {
        for _ in 0..2 {
            tokio::time::sleep(Duration::from_millis(700)).await;
            state.drop_mgm_realtime();
        }
        tokio::time::sleep(Duration::from_millis(700)).await;
        state.expire_mgm_tokens();
    });
    through_reconnects(&stream, 3).await;
    dropper.await.unwrap();
}

#[tokio::test]
async fn a_full_queue_drops_by_its_policy_and_counts() {
    let sim = sim().await;
    sim.state().set_mgm_events_per_sec(2000.0);
    let client = client(&sim, "meslink-secret");
    for overflow in [Overflow::DropOldest, Overflow::DropNewest] {
        let stream = client
            .mgm_stream_open(StreamOptions {
                queue_capacity: 10,
                overflow,
                ..Default::default()
            })
            .await
            .unwrap();
        stream.subscribe(MACHINES[0]).unwrap();
        // Do not read until well over 10 events arrived.
        let deadline = Instant::now() + Duration::from_secs(10);
        while stream.stats().dropped < 50 && Instant::now() < deadline {
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        let stats = stream.stats();
        assert!(stats.dropped >= 50, "{overflow:?}: {stats:?}");
        assert_eq!(stats.queued, 10);
        let first = stream.try_next().unwrap().unwrap();
        match overflow {
            // The oldest went: what is left is recent deltas.
            Overflow::DropOldest => assert_eq!(first.kind(), "delta"),
            // The newest went: the status that came first is still there.
            Overflow::DropNewest => assert_eq!(first.kind(), "status"),
        }
        stream.close();
    }
}

#[tokio::test]
async fn closing_wakes_waiters_and_ends_the_stream() {
    let sim = sim().await;
    sim.state().set_mgm_events_per_sec(0.0);
    let client = client(&sim, "meslink-secret");
    let stream = client.mgm_stream_open(Default::default()).await.unwrap();
    let waiter = stream.clone();
    let waiting = tokio::spawn(async move { waiter.next(Duration::from_secs(30)).await });
    tokio::time::sleep(Duration::from_millis(100)).await;
    stream.close();
    let e = waiting.await.unwrap().unwrap_err();
    assert_eq!(e.kind, ErrorKind::Closed);
    assert_eq!(stream.try_next().unwrap_err().kind, ErrorKind::Closed);
    assert_eq!(
        stream.subscribe(MACHINES[0]).unwrap_err().kind,
        ErrorKind::Closed
    );
    stream.close();
    // An open stream with nothing to say times out with None.
    let quiet = client.mgm_stream_open(Default::default()).await.unwrap();
    assert!(quiet
        .next(Duration::from_millis(100))
        .await
        .unwrap()
        .is_none());
    assert_eq!(
        quiet.subscribe(" ").unwrap_err().kind,
        ErrorKind::InvalidArgument
    );
}

#[tokio::test]
async fn wrong_credentials_fail_the_open() {
    let sim = sim().await;
    let e = client(&sim, "wrong-secret")
        .mgm_stream_open(Default::default())
        .await
        .unwrap_err();
    assert_eq!(e.kind, ErrorKind::Auth, "{e}");
    assert!(!e.to_string().contains("wrong-secret"));
    // The stream's open failed; the implicit token request is its cause.
    assert_eq!(e.call, Some("mgm.realtime"), "{e}");
    assert_eq!(
        e.cause.as_deref().and_then(|c| c.call),
        Some("mgm.token.get"),
        "{e}"
    );
    assert_eq!(sim.state().mgm_realtime_connections(), 0);
}
