//! TLS as plants have it, against a local HTTPS server: certificates made with the
//! `openssl` command and OpenSSL's defaults (self-signed means `CA:TRUE`), given as
//! `tls.ca_file` or `tls.pinned_cert`, CA-signed, expired, for another host. Refusals are
//! in plain words and never retried (the server counts the connections).

mod common;

use common::tls::{cert_dir, openssl_ca_signed, openssl_expired, openssl_self_signed, CertFiles};
use meslink::{Client, ErrorKind};
use serde_json::json;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// A local HTTPS server answering `{"state":1,...}` with `cert`; its base URL (host
/// `localhost`) and the count of TCP connections it accepted.
async fn https_server(cert: &CertFiles) -> (String, Arc<AtomicUsize>) {
    let acceptor = cert.acceptor();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let connections = Arc::new(AtomicUsize::new(0));
    let count = connections.clone();
    tokio::spawn(async move {
        loop {
            let Ok((sock, _)) = listener.accept().await else {
                return;
            };
            count.fetch_add(1, Ordering::SeqCst);
            let acceptor = acceptor.clone();
            tokio::spawn(async move {
                let Ok(mut tls) = acceptor.accept(sock).await else {
                    return;
                };
                let mut buf = vec![0u8; 65536];
                let _ = tls.read(&mut buf).await;
                let body = r#"{"state":1,"msg":"保存成功","resBody":[]}"#;
                let head = format!(
                    "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n",
                    body.len()
                );
                let _ = tls.write_all(head.as_bytes()).await;
                let _ = tls.write_all(body.as_bytes()).await;
                let _ = tls.shutdown().await;
            });
        }
    });
    (format!("https://localhost:{port}"), connections)
}

/// A client of `base` with `tls`, four attempts allowed (so a retry would show).
fn client(base: &str, tls: serde_json::Value) -> Client {
    Client::from_json(
        &json!({"grading": {"base_url": base, "datasource": "MES01"}, "tls": tls,
                "retry": {"max_attempts": 4, "initial_backoff_ms": 1, "max_backoff_ms": 2}})
        .to_string(),
    )
    .unwrap()
}

fn cell() -> serde_json::Value {
    json!({"batteryStation":"S","deviceCode":"D","barcode":"B","testTime":"2024-01-01 00:00:00","workStep":"W"})
}

/// Accepted: the answer arrives.
async fn accepted(cert: &CertFiles, tls: serde_json::Value) {
    let (base, _) = https_server(cert).await;
    let answer = client(&base, tls.clone())
        .call("grading.save", cell())
        .await
        .unwrap_or_else(|e| panic!("{tls} refused: {e}"));
    assert_eq!(answer["state"], 1);
}

/// Refused in words containing `words`, after exactly one connection.
async fn refused(cert: &CertFiles, tls: serde_json::Value, words: &str) -> meslink::Error {
    let (base, connections) = https_server(cert).await;
    let e = client(&base, tls.clone())
        .call("grading.save", cell())
        .await
        .unwrap_err();
    assert_eq!(e.kind, ErrorKind::Transport, "{e}");
    assert!(e.message.contains(words), "{tls}: {e}");
    assert!(!e.is_transient(), "{e}");
    assert!(!e.message.contains("OtherError"), "not plain words: {e}");
    assert_eq!(connections.load(Ordering::SeqCst), 1, "retried: {e}");
    eprintln!("refused {tls}: {e}");
    e
}

#[tokio::test]
async fn openssl_self_signed_ca_true_as_ca_file_or_pinned() {
    let dir = cert_dir("selfsigned");
    let cert = openssl_self_signed(&dir, "server", "localhost");
    assert!(
        cert.pem().len() > 100 && std::fs::read_to_string(&cert.cert).is_ok(),
        "openssl made no certificate"
    );

    // Unknown by default: plain words, one connection.
    refused(
        &cert,
        json!({}),
        "the server's certificate is not trusted: self-signed",
    )
    .await;
    let e = refused(
        &cert,
        json!({}),
        "add it with tls.ca_file or pin it with tls.pinned_cert",
    )
    .await;
    assert_eq!(e.call, Some("grading.save"));

    accepted(&cert, json!({"ca_file": cert.cert})).await;
    accepted(&cert, json!({"pinned_cert": cert.cert})).await;
    accepted(&cert, json!({"pinned_cert": cert.fingerprint()})).await;

    // A pin accepts exactly its certificate: another self-signed one for the same host
    // is refused, whatever ca_file says.
    let other = openssl_self_signed(&dir, "other", "localhost");
    refused(
        &other,
        json!({"pinned_cert": cert.cert, "ca_file": other.cert}),
        "is not the pinned one",
    )
    .await;
    std::fs::remove_dir_all(&dir).ok();
}

#[tokio::test]
async fn ca_signed_expired_and_wrong_host() {
    let dir = cert_dir("matrix");
    let ca = openssl_self_signed(&dir, "plant-ca", "Plant CA");
    let server = openssl_ca_signed(&dir, &ca, "server", "localhost");
    accepted(&server, json!({"ca_file": ca.cert})).await;
    refused(
        &server,
        json!({}),
        "issued by an authority this machine does not trust",
    )
    .await;

    let expired = openssl_expired(&dir, "expired", "localhost");
    refused(
        &expired,
        json!({"ca_file": expired.cert}),
        "has expired (valid until 2024-02-01",
    )
    .await;
    refused(
        &expired,
        json!({"pinned_cert": expired.cert}),
        "has expired",
    )
    .await;

    // A certificate for another host: refused as ca_file (names both hosts), accepted
    // when pinned (the pin is the identity).
    let elsewhere = openssl_self_signed(&dir, "elsewhere", "mes.plant.example");
    let e = refused(
        &elsewhere,
        json!({"ca_file": elsewhere.cert}),
        "is not issued for localhost",
    )
    .await;
    assert!(e.message.contains("mes.plant.example"), "{e}");
    accepted(&elsewhere, json!({"pinned_cert": elsewhere.cert})).await;
    let wrong_host_ca_signed = openssl_ca_signed(&dir, &ca, "wrong", "mes.plant.example");
    refused(
        &wrong_host_ca_signed,
        json!({"ca_file": ca.cert}),
        "is not issued for localhost",
    )
    .await;

    // The opt-out accepts anything.
    accepted(&expired, json!({"danger_accept_invalid_certs": true})).await;
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn unreadable_or_empty_certificate_files_are_configuration_errors() {
    let cfg = |tls: serde_json::Value| {
        json!({"grading": {"base_url": "https://localhost", "datasource": "A"}, "tls": tls})
            .to_string()
    };
    let e = Client::from_json(&cfg(json!({"ca_file": "/nonexistent/ca.pem"}))).unwrap_err();
    assert_eq!(e.kind, ErrorKind::InvalidArgument);
    assert!(e.message.contains("cannot read tls.ca_file"), "{e}");
    let empty = std::env::temp_dir().join(format!("meslink-empty-{}.pem", std::process::id()));
    std::fs::write(&empty, "not a certificate").unwrap();
    let e = Client::from_json(&cfg(json!({"ca_file": empty}))).unwrap_err();
    assert_eq!(e.kind, ErrorKind::InvalidArgument, "{e}");
    let e = Client::from_json(&cfg(json!({"pinned_cert": empty}))).unwrap_err();
    assert_eq!(e.kind, ErrorKind::InvalidArgument, "{e}");
    assert!(e.message.contains("tls.pinned_cert"), "{e}");
    let e = Client::from_json(&cfg(json!({"pinned_cert": "AB:CD:EF"}))).unwrap_err();
    assert!(e.message.contains("64 hexadecimal digits"), "{e}");
    std::fs::remove_file(&empty).ok();
}
