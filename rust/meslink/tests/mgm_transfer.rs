//! File transfer (`mgm.file_transfer`) against the simulator: a few MB cut at half way
//! resume from `file_seek` and arrive with the right md5, over both transports and both
//! md5 conventions; the limits refuse before connecting; 7xx refusals are typed.

use md5::{Digest, Md5};
use meslink::mgm::{Md5Of, StreamTransport, TransferProgress, TransferRequest};
use meslink::{Client, ErrorKind};
use meslink_sim::{Sim, SimConfig};
use serde_json::json;
use std::path::PathBuf;
use std::time::Duration;

const MACHINE: &str = "8wCxAAAAAAABAAA=";

async fn sim() -> Sim {
    Sim::start(SimConfig::default()).await.expect("sim starts")
}

fn client(sim: &Sim) -> Client {
    Client::from_json(
        &json!({"mgm": {"base_url": format!("{}/v1", sim.base_url()),
                        "app_key": "meslink-app", "app_secret": "meslink-secret"},
                "retry": {"max_attempts": 3, "initial_backoff_ms": 20, "max_backoff_ms": 100},
                "timeout_ms": 5000})
        .to_string(),
    )
    .unwrap()
}

/// Starts a transfer and waits for its end (10 s at most).
async fn run(client: &Client, req: TransferRequest) -> meslink::Result<Option<TransferProgress>> {
    client
        .mgm_transfer_start(req)
        .await
        .unwrap()
        .wait(Duration::from_secs(10))
        .await
}

/// A file of `size` bytes of a fixed pattern in a fresh temp directory, removed with
/// the returned guard.
fn file(name: &str, size: usize) -> (Tmp, Vec<u8>) {
    let dir = std::env::temp_dir().join(format!(
        "meslink-mgm-transfer-{}-{}",
        std::process::id(),
        fastrand::u64(..)
    ));
    std::fs::create_dir_all(&dir).unwrap();
    let data: Vec<u8> = (0..size)
        .map(|i| (i.wrapping_mul(31) % 253) as u8)
        .collect();
    let path = dir.join(name);
    std::fs::write(&path, &data).unwrap();
    (Tmp(path), data)
}

/// A temp file whose directory goes when it is dropped.
struct Tmp(PathBuf);

impl Tmp {
    fn path(&self) -> PathBuf {
        self.0.clone()
    }
}

impl Drop for Tmp {
    fn drop(&mut self) {
        if let Some(dir) = self.0.parent() {
            let _ = std::fs::remove_dir_all(dir);
        }
    }
}

fn request(path: PathBuf) -> TransferRequest {
    TransferRequest {
        path,
        cloud_path: "/nc_prog".into(),
        file_name: None,
        storage_type: 1,
        machine_id: MACHINE.into(),
        chunk_size: 0,
        md5_of: Md5Of::default(),
        transport: StreamTransport::default(),
    }
}

fn md5_hex(data: &[u8]) -> String {
    Md5::digest(data)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[tokio::test]
async fn a_transfer_cut_at_half_way_resumes_and_the_md5_matches() {
    let sim = sim().await;
    let (tmp, data) = file("O1001.nc", 3 * 1024 * 1024 + 123);
    sim.state().mgm_transfer_fail_after(data.len() as u64 / 2);
    let transfer = client(&sim)
        .mgm_transfer_start(request(tmp.path()))
        .await
        .unwrap();
    assert_eq!(transfer.progress().total, data.len() as u64);
    let done = transfer
        .wait(Duration::from_secs(15))
        .await
        .unwrap()
        .expect("finished within 15 s");
    assert!(done.finished);
    assert_eq!(done.sent, data.len() as u64);
    assert!(done.file_id.is_some());
    let files = sim.state().mgm_received_files();
    assert_eq!(files.len(), 1);
    let f = &files[0];
    assert_eq!(done.request_id.as_deref(), Some(f.request_id.as_str()));
    assert_eq!(f.md5, md5_hex(&data));
    assert_eq!(f.size, data.len() as u64);
    assert_eq!(f.file_name, "O1001.nc");
    assert_eq!(f.cloud_path, "/nc_prog");
    // Two sessions: the second started where the server's bytes ended, not at 0.
    assert_eq!(f.seeks.len(), 2, "{:?}", f.seeks);
    assert_eq!(f.seeks[0], 0);
    assert!(f.seeks[1] >= data.len() as u64 / 2, "{:?}", f.seeks);
    assert_eq!(sim.state().mgm_transfer_cuts(), 1);
    assert_eq!(transfer.progress(), done);
}

#[tokio::test]
async fn raw_transport_and_the_other_md5_convention() {
    let sim = sim().await;
    let client = client(&sim);
    let (tmp, data) = file("程序一.nc", 200_000);
    let path = tmp.path();

    // The server checks the raw bytes' md5; the default (base64 text) is refused: 732.
    sim.state().set_mgm_md5_of_raw_bytes(true);
    let e = run(&client, request(path.clone())).await.unwrap_err();
    assert_eq!(e.kind, ErrorKind::Business, "{e}");
    assert_eq!(e.server_code.as_deref(), Some("732"));
    assert!(e.message.contains("文件内容格式不合法"), "{e}");

    let mut req = request(path);
    req.md5_of = Md5Of::RawBytes;
    req.transport = StreamTransport::Raw;
    req.chunk_size = 10_000;
    req.file_name = Some("O2002.nc".into());
    let done = run(&client, req).await.unwrap().unwrap();
    assert!(done.finished);
    let files = sim.state().mgm_received_files();
    assert_eq!(files.last().unwrap().md5, md5_hex(&data));
    assert_eq!(files.last().unwrap().file_name, "O2002.nc");
}

#[tokio::test]
async fn limits_refuse_before_connecting() {
    let sim = sim().await;
    let client = client(&sim);
    let (small_tmp, _) = file("ok.nc", 10);
    let small = small_tmp.path();

    let (big_tmp, _) = file("big.nc", 0);
    let big = big_tmp.path();
    std::fs::File::options()
        .write(true)
        .open(&big)
        .unwrap()
        .set_len(50 * 1024 * 1024 + 1)
        .unwrap();
    let mut cases = vec![(request(big), "50 MB")];
    let mut r = request(small.clone());
    r.file_name = Some("a".repeat(181));
    cases.push((r, "180"));
    let mut r = request(small.clone());
    r.file_name = Some("程".repeat(61));
    cases.push((r, "60"));
    let mut r = request(small.clone());
    r.storage_type = 2;
    cases.push((r, "storage_type"));
    let mut r = request(small.clone());
    r.chunk_size = 64 * 1024 * 1024;
    cases.push((r, "chunk_size"));
    cases.push((request(small.with_file_name("missing.nc")), "cannot read"));
    for (req, names) in cases {
        let e = client.mgm_transfer_start(req).await.unwrap_err();
        assert_eq!(e.kind, ErrorKind::InvalidArgument, "{e}");
        assert!(e.message.contains(names), "{e} should name {names}");
    }
    // 60 CJK and 180 ASCII characters are fine.
    for name in ["程".repeat(60), "a".repeat(180)] {
        let mut r = request(small.clone());
        r.file_name = Some(name);
        let t = client.mgm_transfer_start(r).await.unwrap();
        assert!(t.wait(Duration::from_secs(10)).await.unwrap().is_some());
    }
    assert_eq!(sim.state().mgm_transfer_sessions(), 2);
}

#[tokio::test]
async fn refusal_codes_are_typed_errors_and_cancel_ends_a_transfer() {
    let sim = sim().await;
    let client = client(&sim);
    let (tmp, _) = file("O3003.nc", 1000);
    let path = tmp.path();
    for (code, meaning) in [
        (733, "文件已经存在"),
        (730, "盒子与机床断开连接"),
        (712, "没有足够的存储空间"),
    ] {
        sim.state().mgm_transfer_fail_with(code);
        let e = run(&client, request(path.clone())).await.unwrap_err();
        assert_eq!(e.kind, ErrorKind::Business, "{e}");
        assert_eq!(e.server_code, Some(code.to_string()));
        assert_eq!(e.server_message.as_deref(), Some(meaning));
        assert_eq!(e.call, Some("mgm.file_transfer"));
    }
    // The OAuth codes mean in a transfer what they mean everywhere (one code table): an
    // unknown machine is the server's refusal, not an authentication failure, and is
    // not repeated.
    for (code, kind) in [
        (3012, ErrorKind::Business),
        (3010, ErrorKind::InvalidArgument),
    ] {
        let sessions = sim.state().mgm_transfer_sessions();
        sim.state().mgm_transfer_fail_with(code);
        let e = run(&client, request(path.clone())).await.unwrap_err();
        assert_eq!(e.kind, kind, "{code}: {e}");
        assert_eq!(e.server_code, Some(code.to_string()));
        assert_eq!(sim.state().mgm_transfer_sessions(), sessions + 1, "{e}");
    }

    // A cancelled transfer reports Closed, whatever the task was doing.
    sim.state().mgm_transfer_fail_after(1);
    let (big_tmp, _) = file("O4004.nc", 2 * 1024 * 1024);
    let big = big_tmp.path();
    let t = client.mgm_transfer_start(request(big)).await.unwrap();
    t.cancel();
    let e = t.wait(Duration::from_secs(5)).await.unwrap_err();
    assert_eq!(e.kind, ErrorKind::Closed);
    t.cancel();
    assert!(!t.progress().finished);
}

#[tokio::test]
async fn a_refused_token_fails_the_transfer_with_the_token_request_as_its_cause() {
    let sim = sim().await;
    let client = Client::from_json(
        &json!({"mgm": {"base_url": format!("{}/v1", sim.base_url()),
                        "app_key": "meslink-app", "app_secret": "wrong-secret"},
                "retry": {"max_attempts": 2, "initial_backoff_ms": 10, "max_backoff_ms": 20}})
        .to_string(),
    )
    .unwrap();
    let (tmp, _) = file("token.bin", 1024);
    let e = run(&client, request(tmp.path())).await.unwrap_err();
    assert_eq!(e.kind, ErrorKind::Auth, "{e}");
    assert_eq!(e.call, Some("mgm.file_transfer"), "{e}");
    assert_eq!(
        e.cause.as_deref().and_then(|c| c.call),
        Some("mgm.token.get"),
        "{e}"
    );
    assert!(!e.to_string().contains("wrong-secret"));
}
