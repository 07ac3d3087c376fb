//! `wss://` sessions for an `https://` base URL: a TLS terminator with a self-signed
//! certificate (OpenSSL's defaults, so `CA:TRUE`) in front of the simulator. Verification
//! is on by default, `tls.ca_file` and `tls.pinned_cert` trust the certificate,
//! `danger_accept_invalid_certs` turns verification off.

use meslink::mgm::{StreamEvent, StreamOptions, TransferRequest};
use meslink::{Client, ErrorKind};
use meslink_sim::{Sim, SimConfig};
use serde_json::json;
use std::time::Duration;

mod common;

/// Accepts TLS for `localhost` and forwards the bytes to `backend`; answers the base URL
/// and the certificate's PEM.
async fn tls_front(backend: std::net::SocketAddr) -> (String, String) {
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
                let Ok(mut plain) = tokio::net::TcpStream::connect(backend).await else {
                    return;
                };
                let _ = tokio::io::copy_bidirectional(&mut tls, &mut plain).await;
            });
        }
    });
    (format!("https://localhost:{port}/v1"), pem)
}

fn client(base: &str, tls: serde_json::Value) -> Client {
    Client::from_json(
        &json!({"mgm": {"base_url": base, "app_key": "meslink-app",
                        "app_secret": "meslink-secret"},
                "tls": tls, "retry": {"max_attempts": 1}})
        .to_string(),
    )
    .unwrap()
}

#[tokio::test]
async fn wss_verifies_certificates_like_the_http_pool() {
    let sim = Sim::start(SimConfig::default()).await.unwrap();
    sim.state().set_mgm_events_per_sec(100.0);
    let (base, pem) = tls_front(sim.addr()).await;

    // Refused by default (the token request over https is refused first; the same
    // settings then serve the wss:// sessions below).
    let e = client(&base, json!({}))
        .mgm_stream_open(StreamOptions::default())
        .await
        .unwrap_err();
    assert_eq!(e.kind, ErrorKind::Transport, "{e}");
    assert!(
        e.to_string()
            .contains("the server's certificate is not trusted: self-signed"),
        "{e}"
    );

    let dir = std::env::temp_dir().join(format!("meslink-wss-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let ca = dir.join("plant-ca.pem");
    std::fs::write(&ca, &pem).unwrap();
    // The certificate is OpenSSL's self-signed CA:TRUE one: trusted as ca_file or pinned.
    for tls in [
        json!({"ca_file": ca}),
        json!({"pinned_cert": ca}),
        json!({"danger_accept_invalid_certs": true}),
    ] {
        let client = client(&base, tls);
        let stream = client
            .mgm_stream_open(StreamOptions::default())
            .await
            .unwrap();
        stream.subscribe("GADIAAAAAgABAAA=").unwrap();
        let first = stream.next(Duration::from_secs(5)).await.unwrap().unwrap();
        assert!(matches!(first, StreamEvent::Status { .. }), "{first:?}");
        stream.close();

        let file = dir.join("O5005.nc");
        std::fs::write(&file, vec![7u8; 100_000]).unwrap();
        let done = client
            .mgm_transfer_start(TransferRequest {
                path: file,
                cloud_path: "/nc".into(),
                file_name: None,
                storage_type: 0,
                machine_id: "GADIAAAAAgABAAA=".into(),
                chunk_size: 0,
                md5_of: Default::default(),
                transport: Default::default(),
            })
            .await
            .unwrap()
            .wait(Duration::from_secs(10))
            .await
            .unwrap()
            .unwrap();
        assert!(done.finished);
    }
    let _ = std::fs::remove_dir_all(&dir);
}
