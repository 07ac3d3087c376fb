//! `meslink doctor` as a station engineer runs it: a refused port, a self-signed
//! certificate (made with the `openssl` command, served by `openssl s_server`) and a wrong
//! password are each reported in plain words, and a good configuration passes.

use meslink_sim::Sim;
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

fn doctor(config: &serde_json::Value) -> Output {
    Command::new(env!("CARGO_BIN_EXE_meslink"))
        .args(["doctor", "--config-json", &config.to_string()])
        .output()
        .expect("meslink runs")
}

/// The line of the table for `server` and `check`.
fn line<'a>(stdout: &'a str, server: &str, check: &str) -> &'a str {
    stdout
        .lines()
        .find(|l| {
            let mut words = l.split_whitespace();
            words.next() == Some(server) && l.contains(&format!(" {check} "))
        })
        .unwrap_or_else(|| panic!("no {server} {check} row in:\n{stdout}"))
}

/// A loopback port nothing listens on (bound, then released).
fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .unwrap()
}

#[test]
fn a_refused_port_is_reported_and_the_exit_status_is_not_zero() {
    let port = free_port();
    let out = doctor(&serde_json::json!({
        "grading": {"base_url": format!("http://127.0.0.1:{port}"), "datasource": "MES01"}
    }));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    let tcp = line(&stdout, "grading", "tcp connect");
    assert!(tcp.contains("FAIL"), "{tcp}");
    assert!(
        tcp.contains(&format!(
            "refused the connection: nothing listens on port {port}"
        )),
        "{tcp}"
    );
    // What depends on the connection is skipped, not failed again.
    assert!(
        line(&stdout, "grading", "login").contains(" - "),
        "{stdout}"
    );
    assert!(stdout.contains("1 check(s) failed"), "{stdout}");
    assert!(
        !stdout.contains('\x1b'),
        "no colour off a terminal: {stdout}"
    );
}

#[test]
fn a_wrong_password_is_reported_and_a_good_configuration_passes() {
    let sim = Sim::start_background(Default::default()).unwrap();
    let url = sim.base_url();
    let config = |ate_password: &str, energy_password: &str| {
        serde_json::json!({
            "ate": {"base_url": url, "emp_no": "ate", "password": ate_password},
            "mgm": {"base_url": format!("{url}/v1"),
                    "app_key": "meslink-app", "app_secret": "meslink-secret"},
            "energy": {"base_url": url, "username": "admin", "password": energy_password}
        })
    };
    let out = doctor(&config("not-the-password", "not-this-one-either"));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    let login = line(&stdout, "ate", "login");
    assert!(login.contains("FAIL"), "{login}");
    assert!(
        login.contains("the server refused the credentials: check ate.emp_no and ate.password"),
        "{login}"
    );
    assert!(line(&stdout, "mgm", "login").contains(" ok "), "{stdout}");
    let login = line(&stdout, "energy", "login");
    assert!(
        login.contains("FAIL") && login.contains("check energy.username and energy.password"),
        "{login}"
    );
    assert!(stdout.contains("2 check(s) failed"), "{stdout}");
    // Passwords never appear, not even the wrong ones.
    assert!(!stdout.contains("not-the-password") && !stdout.contains("not-this-one"));

    let out = doctor(&config("Windows123.", "admin123"));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}");
    for check in ["name resolution", "tcp connect", "login", "clock"] {
        assert!(line(&stdout, "ate", check).contains(" ok "), "{stdout}");
    }
    assert!(
        line(&stdout, "energy", "login").contains(" ok "),
        "{stdout}"
    );
    assert!(line(&stdout, "ate", "tls").contains("not used"), "{stdout}");
    let limit = line(&stdout, "mgm", "call limit");
    assert!(limit.contains("200 calls a 60 s window"), "{limit}");
    assert!(stdout.contains("all checks passed"), "{stdout}");
}

/// A self-signed certificate for 127.0.0.1 made as plant IT makes one, and an
/// `openssl s_server` serving it; killed when dropped.
struct TlsServer {
    child: Child,
    dir: PathBuf,
    port: u16,
}

impl TlsServer {
    fn start() -> TlsServer {
        let dir = std::env::temp_dir().join(format!("meslink-cli-doctor-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let (cert, key) = (dir.join("cert.pem"), dir.join("key.pem"));
        let made = Command::new("openssl")
            .args([
                "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
            ])
            .args([
                "-subj",
                "/CN=127.0.0.1",
                "-addext",
                "subjectAltName=IP:127.0.0.1",
            ])
            .arg("-keyout")
            .arg(&key)
            .arg("-out")
            .arg(&cert)
            .stderr(Stdio::null())
            .status()
            .expect("the openssl command runs");
        assert!(made.success(), "openssl req");
        let port = free_port();
        let child = Command::new("openssl")
            .args(["s_server", "-quiet", "-www", "-accept", &port.to_string()])
            .arg("-cert")
            .arg(&cert)
            .arg("-key")
            .arg(&key)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("openssl s_server starts");
        let server = TlsServer { child, dir, port };
        let started = Instant::now();
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                started.elapsed() < Duration::from_secs(10),
                "s_server listens"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        server
    }

    fn cert(&self) -> PathBuf {
        self.dir.join("cert.pem")
    }
}

impl Drop for TlsServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn grading_over_tls(port: u16, ca_file: Option<&Path>) -> serde_json::Value {
    let mut config = serde_json::json!({
        "grading": {"base_url": format!("https://127.0.0.1:{port}"), "datasource": "MES01"}
    });
    if let Some(ca) = ca_file {
        config["tls"] = serde_json::json!({"ca_file": ca});
    }
    config
}

#[test]
fn a_self_signed_certificate_is_reported_in_plain_words() {
    let server = TlsServer::start();
    let out = doctor(&grading_over_tls(server.port, None));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(
        line(&stdout, "grading", "tcp connect").contains(" ok "),
        "{stdout}"
    );
    let tls = line(&stdout, "grading", "tls");
    assert!(tls.contains("FAIL"), "{tls}");
    assert!(
        tls.contains("the server's certificate is not trusted: self-signed; add it with tls.ca_file or pin it with tls.pinned_cert"),
        "{tls}"
    );

    // Trusted through tls.ca_file, the same certificate passes: the doctor checks with
    // the client's own settings.
    let out = doctor(&grading_over_tls(server.port, Some(&server.cert())));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}");
    assert!(
        line(&stdout, "grading", "tls").contains("certificate accepted"),
        "{stdout}"
    );
}
