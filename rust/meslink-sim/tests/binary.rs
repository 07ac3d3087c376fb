//! The `meslink-sim` binary and `Sim::start_background`.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_meslink-sim");

/// Minimal blocking HTTP/1.1 GET; returns the whole answer text.
fn http_get(addr: &str, path: &str) -> String {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut out = String::new();
    s.read_to_string(&mut out).unwrap();
    out
}

#[test]
fn binary_prints_url_serves_and_exits_on_stdin_eof() {
    let mut child = Command::new(BIN)
        .args(["--token-lifetime-secs", "120"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let url = line
        .trim_end()
        .strip_prefix("MESLINK_SIM_URL=http://127.0.0.1:")
        .unwrap_or_else(|| panic!("bad first line {line:?}"));
    let port: u16 = url.parse().unwrap();
    assert_ne!(port, 0);
    let addr = format!("127.0.0.1:{port}");
    let health = http_get(&addr, "/_sim/health");
    assert!(health.starts_with("HTTP/1.1 200"), "{health}");
    let state = http_get(&addr, "/_sim/state");
    assert!(state.contains("\"token_lifetime_secs\":120.0"), "{state}");

    drop(child.stdin.take()); // EOF
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            assert!(status.success());
            break;
        }
        assert!(Instant::now() < deadline, "sim did not exit on stdin EOF");
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn binary_help_and_bad_args() {
    let out = Command::new(BIN).arg("--help").output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("Usage: meslink-sim"), "{text}");
    let out = Command::new(BIN).arg("--bogus").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn start_background_without_runtime() {
    let sim = meslink_sim::Sim::start_background(Default::default()).unwrap();
    let addr = sim.addr().to_string();
    assert_eq!(sim.base_url(), format!("http://{addr}"));
    sim.state().fail_next_503(1);
    let resp = http_get(&addr, "/api/sn_detail/1037020031/");
    assert!(resp.starts_with("HTTP/1.1 503"), "{resp}");
    let resp = http_get(&addr, "/api/sn_detail/1037020031/");
    assert!(resp.starts_with("HTTP/1.1 401"), "{resp}");
    assert!(resp.contains("身份认证信息未提供。"), "{resp}");
    sim.shutdown();
    // After shutdown the port no longer serves.
    let gone = TcpStream::connect(&addr).map(|mut s| {
        let _ = s.set_read_timeout(Some(Duration::from_secs(2)));
        let _ = s.write_all(b"GET /_sim/health HTTP/1.1\r\nHost: x\r\n\r\n");
        let mut buf = [0u8; 16];
        matches!(s.read(&mut buf), Ok(0) | Err(_))
    });
    assert!(gone.unwrap_or(true));
}
