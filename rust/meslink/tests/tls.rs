//! TLS settings against a local HTTPS server with a self-signed certificate: verification
//! is on by default, `tls.ca_file` trusts a plant CA, the named opt-out turns it off.

mod common;

use meslink::{Client, ErrorKind};
use serde_json::json;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// Serves `{"state":1,...}` over TLS for `localhost`; returns the base URL and the PEM
/// certificate (self-signed: it is its own CA).
async fn https_server() -> (String, String) {
    let (acceptor, pem) = common::tls::self_signed_localhost();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    tokio::spawn(async move {
        loop {
            let Ok((sock, _)) = listener.accept().await else {
                return;
            };
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
    (format!("https://localhost:{port}"), pem)
}

fn client(base: &str, tls: serde_json::Value) -> Client {
    Client::from_json(
        &json!({"grading": {"base_url": base, "datasource": "MES01"}, "tls": tls,
                "retry": {"max_attempts": 1}})
        .to_string(),
    )
    .unwrap()
}

fn cell() -> serde_json::Value {
    json!({"batteryStation":"S","deviceCode":"D","barcode":"B","testTime":"2024-01-01 00:00:00","workStep":"W"})
}

#[tokio::test]
async fn self_signed_is_refused_by_default_and_trusted_with_its_ca() {
    let (base, pem) = https_server().await;

    let e = client(&base, json!({}))
        .call("grading.save", cell())
        .await
        .unwrap_err();
    assert_eq!(e.kind, ErrorKind::Transport, "{e}");
    assert!(e.message.to_lowercase().contains("certificate"), "{e}");

    let dir = std::env::temp_dir().join(format!("meslink-tls-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let ca = dir.join("plant-ca.pem");
    std::fs::write(&ca, &pem).unwrap();
    let answer = client(&base, json!({"ca_file": ca}))
        .call("grading.save", cell())
        .await
        .unwrap();
    assert_eq!(answer["state"], 1);

    let answer = client(&base, json!({"danger_accept_invalid_certs": true}))
        .call("grading.save", cell())
        .await
        .unwrap();
    assert_eq!(answer["state"], 1);
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn unreadable_or_empty_ca_files_are_configuration_errors() {
    let cfg = |path: &str| {
        json!({"grading": {"base_url": "https://localhost", "datasource": "A"},
               "tls": {"ca_file": path}})
        .to_string()
    };
    let e = Client::from_json(&cfg("/nonexistent/ca.pem")).unwrap_err();
    assert_eq!(e.kind, ErrorKind::InvalidArgument);
    assert!(e.message.contains("cannot read tls.ca_file"), "{e}");
    let empty = std::env::temp_dir().join(format!("meslink-empty-{}.pem", std::process::id()));
    std::fs::write(&empty, "not a certificate").unwrap();
    let e = Client::from_json(&cfg(empty.to_str().unwrap())).unwrap_err();
    assert_eq!(e.kind, ErrorKind::InvalidArgument, "{e}");
    std::fs::remove_file(&empty).ok();
}
