//! Blocking calls do their I/O on the calling thread (`runtime::block_on_here`): each
//! thread keeps its own keep-alive connection, while the token and every other per-client
//! state stay one per client however many threads call.

mod common;

use common::{client, WO};
use meslink::ErrorKind;
use serde_json::json;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// A runtime on a thread of its own for the test's servers (the calls under test are
/// blocking calls on plain threads).
fn server_runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .unwrap()
}

/// A TCP proxy to `target` that counts the connections it accepts; answers its address.
async fn counting_proxy(target: std::net::SocketAddr, accepted: Arc<AtomicUsize>) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move {
        while let Ok((mut inbound, _)) = listener.accept().await {
            accepted.fetch_add(1, Ordering::SeqCst);
            tokio::spawn(async move {
                if let Ok(mut outbound) = tokio::net::TcpStream::connect(target).await {
                    let _ = tokio::io::copy_bidirectional(&mut inbound, &mut outbound).await;
                }
            });
        }
    });
    url
}

#[test]
fn each_thread_keeps_its_connection_and_the_client_one_token() {
    let rt = server_runtime();
    let sim = rt.block_on(common::sim());
    let accepted = Arc::new(AtomicUsize::new(0));
    let url = rt.block_on(counting_proxy(sim.addr(), accepted.clone()));
    let c = client(&url);
    let threads: Vec<_> = (0..4)
        .map(|_| {
            let c = c.clone();
            std::thread::spawn(move || {
                for _ in 0..25 {
                    let answer = c
                        .call_blocking("ate.sn_detail.get", json!({"work_order": WO}))
                        .unwrap();
                    assert_eq!(answer["FUNCTION_NAME"], "HWR650RUSN");
                }
            })
        })
        .collect();
    for t in threads {
        t.join().unwrap();
    }
    // 100 calls and a login: one login for the client, one connection a thread (the
    // login rode on the connection of the thread that made it).
    assert_eq!(sim.state().login_count(), 1);
    assert_eq!(accepted.load(Ordering::SeqCst), 4);

    // The next calls of a thread reuse its connection; a new thread opens its own.
    c.call_blocking("ate.sn_detail.get", json!({"work_order": WO}))
        .unwrap();
    c.call_blocking("ate.sn_detail.get", json!({"work_order": WO}))
        .unwrap();
    assert_eq!(accepted.load(Ordering::SeqCst), 5);
    c.call_blocking("ate.sn_detail.get", json!({"work_order": WO}))
        .unwrap();
    assert_eq!(accepted.load(Ordering::SeqCst), 5);
}

/// A server that answers every request on a connection with `body` and keep-alive, and
/// closes the connection once it has been idle for `idle`: what servers do to idle
/// keep-alive connections. Counts the requests it answered.
async fn idle_closing_server(
    body: &'static str,
    idle: Duration,
    answered: Arc<AtomicUsize>,
) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move {
        while let Ok((mut sock, _)) = listener.accept().await {
            let answered = answered.clone();
            tokio::spawn(async move {
                let mut buf = Vec::new();
                let mut chunk = [0u8; 4096];
                loop {
                    // One request: the head, then as many body bytes as it announces.
                    let request_end = loop {
                        if let Some(end) = head_end(&buf) {
                            let head = String::from_utf8_lossy(&buf[..end]).to_ascii_lowercase();
                            let length = head
                                .lines()
                                .find_map(|l| l.strip_prefix("content-length:"))
                                .and_then(|v| v.trim().parse::<usize>().ok())
                                .unwrap_or(0);
                            if buf.len() >= end + length {
                                break end + length;
                            }
                        }
                        match tokio::time::timeout(idle, sock.read(&mut chunk)).await {
                            Ok(Ok(n)) if n > 0 => buf.extend_from_slice(&chunk[..n]),
                            // Idle too long, or the client went: close.
                            _ => return,
                        }
                    };
                    buf.drain(..request_end);
                    let answer = format!(
                        "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n{body}",
                        body.len()
                    );
                    if sock.write_all(answer.as_bytes()).await.is_err() {
                        return;
                    }
                    answered.fetch_add(1, Ordering::SeqCst);
                }
            });
        }
    });
    url
}

fn head_end(buf: &[u8]) -> Option<usize> {
    buf.windows(4).position(|w| w == b"\r\n\r\n").map(|i| i + 4)
}

#[test]
fn a_connection_the_server_closed_while_idle_is_not_used_again() {
    let rt = server_runtime();
    let answered = Arc::new(AtomicUsize::new(0));
    let url = rt.block_on(idle_closing_server(
        r#"{"token": "t-1", "msg": "OK"}"#,
        Duration::from_millis(30),
        answered.clone(),
    ));
    let c = client(&url);
    // An SN upload is repeated only when it provably never left: on a connection the
    // server has closed, it would be sent and lost. It must go on a new connection.
    for sn in ["BAJ614KM901584Z", "BAJ614KM901585Z", "BAJ614KM901586Z"] {
        c.call_blocking("ate.sn_detail.upload", json!({"work_order": WO, "sn": sn}))
            .unwrap();
        std::thread::sleep(Duration::from_millis(150));
    }
    // A login and three uploads, each answered once.
    assert_eq!(answered.load(Ordering::SeqCst), 4);
    assert_eq!(c.stats()["retries"], 0);
}

#[test]
fn a_client_dropped_on_one_thread_while_another_thread_is_in_a_call() {
    let rt = server_runtime();
    let sim = rt.block_on(common::sim());
    let c = client(&sim.base_url());
    c.call_blocking("ate.sn_detail.get", json!({"work_order": WO}))
        .unwrap();
    let other = c.clone();
    let t = std::thread::spawn(move || {
        (0..20)
            .map(|_| other.call_blocking("ate.sn_detail.get", json!({"work_order": WO})))
            .filter(Result::is_ok)
            .count()
    });
    rt.block_on(c.close());
    drop(c);
    assert_eq!(t.join().unwrap(), 20);
    // A later client on this thread gets a pool of its own.
    let fresh = client(&sim.base_url());
    fresh
        .call_blocking("ate.sn_detail.get", json!({"work_order": WO}))
        .unwrap();
}

#[test]
fn a_blocking_call_inside_a_blocking_wait_is_refused() {
    let c = client("http://127.0.0.1:9");
    let inner = c.clone();
    let e =
        meslink::runtime::block_on_here(async move { inner.call_blocking("ate.login", json!({})) })
            .unwrap()
            .unwrap_err();
    assert_eq!(e.kind, ErrorKind::InvalidArgument);
}
