//! Hostile answers over real sockets, from a tiny raw-TCP server inside the test: bytes
//! that are not HTTP, a body that is not JSON, an answer cut short mid-body, the wrong
//! JSON shape, and a 100 MB answer (declared, and streamed chunked without a length).
//! Each becomes a clear error; the 100 MB answers are refused at `max_answer_bytes` with
//! memory bounded (peak RSS measured and printed).

mod common;

use meslink::{Client, ClientConfig, ErrorKind};
use serde_json::json;
use std::sync::Arc;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// What the server writes on each connection, after reading the request.
type Answer = Arc<dyn Fn(TcpStream) -> futures_util::future::BoxFuture<'static, ()> + Send + Sync>;

/// A server that reads each request (headers and a declared body) and hands the socket
/// to `answer`; returns its base URL.
async fn raw_server(answer: Answer) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move {
        while let Ok((mut sock, _)) = listener.accept().await {
            let answer = answer.clone();
            tokio::spawn(async move {
                read_request(&mut sock).await;
                answer(sock).await;
            });
        }
    });
    url
}

async fn read_request(sock: &mut TcpStream) {
    let mut buf = Vec::new();
    let mut chunk = [0u8; 4096];
    loop {
        let Ok(n) = sock.read(&mut chunk).await else {
            return;
        };
        if n == 0 {
            return;
        }
        buf.extend_from_slice(&chunk[..n]);
        if let Some(end) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            let head = String::from_utf8_lossy(&buf[..end]).to_ascii_lowercase();
            let length: usize = head
                .lines()
                .find_map(|l| l.strip_prefix("content-length:"))
                .and_then(|v| v.trim().parse().ok())
                .unwrap_or(0);
            if buf.len() >= end + 4 + length {
                return;
            }
        }
    }
}

/// An answer that writes `bytes` and closes.
fn bytes(bytes: Vec<u8>) -> Answer {
    Arc::new(move |mut sock| {
        let bytes = bytes.clone();
        Box::pin(async move {
            let _ = sock.write_all(&bytes).await;
            let _ = sock.shutdown().await;
        })
    })
}

fn http(head: &str, body: &[u8]) -> Vec<u8> {
    let mut out = head.replace('\n', "\r\n").into_bytes();
    out.extend_from_slice(body);
    out
}

fn client(base: &str, max_answer_bytes: Option<usize>) -> Client {
    let mut cfg = ClientConfig::from_json(
        &json!({
            "grading": {"base_url": base, "datasource": "MES01"},
            "trace": {"base_url": base, "app_key": "k", "app_secret": "trace-app-secret"},
            "retry": {"max_attempts": 1},
            "timeout_ms": 20000
        })
        .to_string(),
    )
    .unwrap();
    if let Some(max) = max_answer_bytes {
        cfg.max_answer_bytes = max;
    }
    Client::new(cfg).unwrap()
}

async fn grading_save(base: &str) -> meslink::Error {
    client(base, None)
        .call("grading.save", common::cell("CELL-HOSTILE"))
        .await
        .expect_err("a hostile answer is an error")
}

#[tokio::test]
async fn not_json_bodies_are_protocol_errors() {
    for body in [
        &b"\x00\xff\xfe garbage"[..],
        b"<html><body>502 Bad Gateway</body></html>",
        b"{\"state\":1,",
        b"",
    ] {
        let head = format!(
            "HTTP/1.1 200 OK\ncontent-type: application/json\ncontent-length: {}\nconnection: close\n\n",
            body.len()
        );
        let base = raw_server(bytes(http(&head, body))).await;
        let e = grading_save(&base).await;
        assert_eq!(e.kind, ErrorKind::Protocol, "{body:?}: {e}");
        assert!(e.message.contains("not JSON"), "{e}");
    }
}

#[tokio::test]
async fn wrong_shapes_are_protocol_errors() {
    for body in [
        json!([1, 2]),
        json!({"msg": "ok"}),
        json!("x"),
        json!({"state": "one"}),
    ] {
        let text = body.to_string();
        let head = format!(
            "HTTP/1.1 200 OK\ncontent-type: application/json\ncontent-length: {}\n\n",
            text.len()
        );
        let base = raw_server(bytes(http(&head, text.as_bytes()))).await;
        let e = grading_save(&base).await;
        assert_eq!(e.kind, ErrorKind::Protocol, "{body}: {e}");
        // The trace gateway's reader, the same answer
        let e = client(&base, None)
            .call(
                "trace.query",
                json!({"uniqueCode": "X", "traceType": "forward"}),
            )
            .await
            .expect_err("wrong shape");
        assert_eq!(e.kind, ErrorKind::Protocol, "trace {body}: {e}");
    }
}

/// Bytes that are not an HTTP answer at all: the connection's answer is unreadable.
#[tokio::test]
async fn not_http_is_a_clear_transport_error() {
    let base = raw_server(bytes(b"\x16\x03\x01 this is not HTTP\r\n\r\n".to_vec())).await;
    let e = grading_save(&base).await;
    assert_eq!(e.kind, ErrorKind::Transport, "{e}");
    assert!(!e.message.is_empty());
}

/// An answer that promises 1,000 bytes and closes after 100: refused, never half-read. The
/// body never arrived in full, so this is a broken connection (transport, retried for
/// safe calls), not a protocol error; a complete answer whose JSON is cut is a protocol
/// error (`not_json_bodies_are_protocol_errors`).
#[tokio::test]
async fn truncated_mid_body_is_refused() {
    let body = format!("{{\"state\":1,\"msg\":\"{}", "x".repeat(90));
    let head = "HTTP/1.1 200 OK\ncontent-type: application/json\ncontent-length: 1000\n\n";
    let base = raw_server(bytes(http(head, body.as_bytes()))).await;
    let e = grading_save(&base).await;
    assert_eq!(e.kind, ErrorKind::Transport, "{e}");
    // Chunked, the connection closed inside a chunk
    let head = "HTTP/1.1 200 OK\ncontent-type: application/json\ntransfer-encoding: chunked\n\n";
    let cut = http(head, b"400\r\n{\"state\":1,\"msg\":\"abc");
    let base = raw_server(bytes(cut)).await;
    let e = grading_save(&base).await;
    assert_eq!(e.kind, ErrorKind::Transport, "{e}");
}

const HUNDRED_MB: usize = 100 << 20;

/// Streams 100 MB of JSON-ish text, chunked (no length to refuse up front).
fn huge_chunked() -> Answer {
    Arc::new(|mut sock| {
        Box::pin(async move {
            let head = "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\n\r\n";
            if sock.write_all(head.as_bytes()).await.is_err() {
                return;
            }
            let piece = vec![b' '; 64 << 10];
            let frame = [format!("{:x}\r\n", piece.len()).as_bytes(), &piece, b"\r\n"].concat();
            let mut sent = 0;
            while sent < HUNDRED_MB {
                // The client stops reading at its limit and closes: the write fails.
                if sock.write_all(&frame).await.is_err() {
                    return;
                }
                sent += piece.len();
            }
            let _ = sock.write_all(b"0\r\n\r\n").await;
        })
    })
}

/// Declares 100 MB (and would send it): refused from the header, before any body.
fn huge_declared() -> Answer {
    Arc::new(|mut sock| {
        Box::pin(async move {
            let head = format!(
                "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {HUNDRED_MB}\r\n\r\n"
            );
            if sock.write_all(head.as_bytes()).await.is_err() {
                return;
            }
            let piece = vec![b' '; 64 << 10];
            let mut sent = 0;
            while sent < HUNDRED_MB && sock.write_all(&piece).await.is_ok() {
                sent += piece.len();
            }
        })
    })
}

/// Peak resident memory of this process so far (VmHWM), in bytes.
fn peak_rss() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

/// Both huge answers in one test; the other tests of this binary move a few bytes, so the
/// growth of the peak RSS is the huge answers'.
#[tokio::test]
async fn huge_answers_are_refused_with_memory_bounded() {
    let before = peak_rss();
    for (what, answer) in [("chunked", huge_chunked()), ("declared", huge_declared())] {
        let base = raw_server(answer).await;
        // The default limit (16 MB)
        let c = client(&base, None);
        assert_eq!(c.config().max_answer_bytes, 16 << 20);
        let e = c
            .call("grading.save", common::cell("CELL-HUGE"))
            .await
            .expect_err("a 100 MB answer is refused");
        assert_eq!(e.kind, ErrorKind::Protocol, "{what}: {e}");
        assert!(
            e.message.contains("max_answer_bytes (16777216 bytes)"),
            "{what}: {e}"
        );
        // A configured limit
        let e = client(&base, Some(1 << 20))
            .call("grading.save", common::cell("CELL-HUGE"))
            .await
            .expect_err("refused");
        assert!(
            e.message.contains("max_answer_bytes (1048576 bytes)"),
            "{what}: {e}"
        );
    }
    let after = peak_rss();
    if let (Some(before), Some(after)) = (before, after) {
        let grew = after.saturating_sub(before);
        println!(
            "peak RSS: {} MB before, {} MB after two 100 MB answers (grew {} MB)",
            before >> 20,
            after >> 20,
            grew >> 20
        );
        // Buffering either answer would add 100 MB; the limit bounds it to 16 MB (a Vec
        // that doubles may hold up to twice that).
        assert!(grew < 64 << 20, "peak RSS grew {} MB", grew >> 20);
    }
}
