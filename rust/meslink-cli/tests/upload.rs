//! `meslink upload` against the simulator: a 20 MB file through a dropped connection
//! resumes from what the machine holds, shows its progress, and ends with the md5.

use md5::{Digest, Md5};
use meslink_sim::Sim;
use std::path::PathBuf;
use std::process::Command;

const MACHINE: &str = "8wCxAAAAAAABAAA=";
const SIZE: usize = 20 * 1024 * 1024;

/// A temp directory removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new() -> TempDir {
        let dir = std::env::temp_dir().join(format!(
            "meslink-cli-upload-{}-{}",
            std::process::id(),
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_nanos())
                .unwrap_or_default()
        ));
        std::fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn config(sim: &Sim) -> String {
    serde_json::json!({
        "mgm": {"base_url": format!("{}/v1", sim.base_url()),
                "app_key": "meslink-app", "app_secret": "meslink-secret"},
        "retry": {"max_attempts": 3, "initial_backoff_ms": 20, "max_backoff_ms": 100}
    })
    .to_string()
}

fn hex_md5(data: &[u8]) -> String {
    Md5::digest(data)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[test]
fn a_20_mb_upload_through_a_dropped_connection_resumes_and_shows_progress() {
    let sim = Sim::start_background(Default::default()).unwrap();
    let dir = TempDir::new();
    let path = dir.0.join("O2001.nc");
    let data: Vec<u8> = (0..SIZE)
        .map(|i| (i.wrapping_mul(131) % 251) as u8)
        .collect();
    std::fs::write(&path, &data).unwrap();
    // The server drops the session once it holds half the file.
    sim.state().mgm_transfer_fail_after(SIZE as u64 / 2);

    let out = Command::new(env!("CARGO_BIN_EXE_meslink"))
        .arg("upload")
        .arg(&path)
        .args(["--machine", MACHINE, "--cloud-path", "/nc_prog"])
        .args(["--storage-type", "1", "--config-json", &config(&sim)])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stdout}\n{stderr}");

    // The machine got the whole file in two sessions, the second from half way.
    assert_eq!(sim.state().mgm_transfer_cuts(), 1);
    let files = sim.state().mgm_received_files();
    assert_eq!(files.len(), 1);
    let f = &files[0];
    assert_eq!((f.size, f.file_name.as_str()), (SIZE as u64, "O2001.nc"));
    assert_eq!(f.storage_type, 1);
    assert_eq!(f.seeks.len(), 2, "{:?}", f.seeks);
    assert!(f.seeks[1] >= SIZE as u64 / 2, "{:?}", f.seeks);

    // The md5 printed is the file's, as the machine computed it.
    assert_eq!(f.md5, hex_md5(&data));
    assert!(stdout.contains(&format!("md5 {}\n", f.md5)), "{stdout}");
    assert!(
        stdout.contains(&format!("request_id {}", f.request_id)),
        "{stdout}"
    );

    // Progress on standard error (not a terminal: a line every tenth), with rate and ETA.
    assert!(stderr.contains("O2001.nc (20.0 MB) to machine"), "{stderr}");
    let bars: Vec<&str> = stderr.lines().filter(|l| l.starts_with('[')).collect();
    assert!(bars.len() >= 3, "{stderr}");
    assert!(bars.iter().all(|l| l.contains("ETA")), "{stderr}");
    assert!(
        bars.last()
            .is_some_and(|l| l.contains("100 %  20.0 MB / 20.0 MB")),
        "{stderr}"
    );
    assert!(stderr.contains("MB/s"), "{stderr}");
    assert!(
        !stderr.contains('\x1b'),
        "no colour or redraw off a terminal: {stderr}"
    );
}

#[test]
fn upload_checks_its_arguments_before_connecting() {
    let out = Command::new(env!("CARGO_BIN_EXE_meslink"))
        .args([
            "upload",
            "missing.nc",
            "--machine",
            MACHINE,
            "--cloud-path",
            "/nc",
        ])
        .args(["--storage-type", "2", "--config-json", "{}"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("--storage-type must be 0"), "{stderr}");

    let out = Command::new(env!("CARGO_BIN_EXE_meslink"))
        .args([
            "upload",
            "missing.nc",
            "--cloud-path",
            "/nc",
            "--config-json",
            "{}",
        ])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("needs --machine ID"), "{stderr}");
}

#[test]
fn an_upload_stopped_by_ctrl_c_resumes_when_run_again() {
    use std::io::{BufRead, BufReader};
    let sim = Sim::start_background(Default::default()).unwrap();
    let dir = TempDir::new();
    let path = dir.0.join("O2002.nc");
    let data: Vec<u8> = (0..SIZE).map(|i| (i.wrapping_mul(7) % 241) as u8).collect();
    std::fs::write(&path, &data).unwrap();
    let command = || {
        let mut c = Command::new(env!("CARGO_BIN_EXE_meslink"));
        c.arg("upload")
            .arg(&path)
            .args(["--machine", MACHINE, "--cloud-path", "/nc_prog"])
            .args(["--config-json", &config(&sim)]);
        c
    };

    // The first run is stopped with Ctrl+C at its first progress line (a tenth of the way).
    let mut child = command()
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut stderr = BufReader::new(child.stderr.take().unwrap());
    let mut seen = String::new();
    loop {
        let mut line = String::new();
        assert!(stderr.read_line(&mut line).unwrap() > 0, "{seen}");
        seen.push_str(&line);
        if line.starts_with('[') && !line.contains("  0 %") {
            break;
        }
    }
    let sent = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(sent.success());
    let mut rest = String::new();
    std::io::Read::read_to_string(&mut stderr, &mut rest).unwrap();
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(130), "{seen}{rest}");
    assert!(rest.contains("the same command resumes"), "{seen}{rest}");
    assert!(sim.state().mgm_received_files().is_empty(), "{seen}{rest}");

    // The second run starts where the machine's bytes end and completes the file. It
    // waits until the simulator has read what the stopped run had already sent: the
    // simulator adds any session's chunks to the file, so a second session opened while
    // the first one's last chunks are still being read would interleave with them.
    settled(&sim);
    let out = command().output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let files = sim.state().mgm_received_files();
    assert_eq!(files.len(), 1);
    assert_eq!(files[0].seeks.len(), 2, "{:?}", files[0].seeks);
    assert!(files[0].seeks[1] > 0, "{:?}", files[0].seeks);
    assert_eq!(files[0].md5, hex_md5(&data));
    assert!(
        stdout.contains(&format!("md5 {}\n", files[0].md5)),
        "{stdout}"
    );
}

/// Waits (5 s at most) until the bytes the simulator holds of a partial file stop growing.
fn settled(sim: &Sim) {
    let mut last = None;
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
    while std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(200));
        let held = held_bytes(sim);
        if held.is_some() && held == last {
            return;
        }
        last = held;
    }
    panic!("the simulator's partial file did not settle: {last:?}");
}

/// `mgm.transfer.partials[0].held` of the simulator's `GET /_sim/state`.
fn held_bytes(sim: &Sim) -> Option<u64> {
    use std::io::{Read, Write};
    let addr = sim.base_url().trim_start_matches("http://").to_owned();
    let mut tcp = std::net::TcpStream::connect(addr).ok()?;
    tcp.write_all(b"GET /_sim/state HTTP/1.0\r\nHost: sim\r\n\r\n")
        .ok()?;
    let mut answer = String::new();
    tcp.read_to_string(&mut answer).ok()?;
    let body = answer.split_once("\r\n\r\n")?.1;
    let state: serde_json::Value = serde_json::from_str(body).ok()?;
    state["mgm"]["transfer"]["partials"][0]["held"].as_u64()
}
