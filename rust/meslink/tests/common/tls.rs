//! TLS certificates for the tests, made the way plant IT makes them (the `openssl` command
//! with OpenSSL's defaults, so a self-signed certificate is `CA:TRUE`), and an acceptor
//! serving one: the local HTTPS (tls.rs) and wss (mgm_wss.rs) servers.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;
use tokio_rustls::rustls;
use tokio_rustls::rustls::pki_types::pem::PemObject;
use tokio_rustls::rustls::pki_types::{CertificateDer, PrivateKeyDer};

/// A certificate and its key, as PEM files.
#[derive(Debug, Clone)]
pub struct CertFiles {
    pub cert: PathBuf,
    pub key: PathBuf,
}

impl CertFiles {
    pub fn pem(&self) -> String {
        std::fs::read_to_string(&self.cert).unwrap()
    }

    /// `sha256 Fingerprint=AB:CD:...`, as `openssl x509 -fingerprint -sha256` prints it.
    pub fn fingerprint(&self) -> String {
        let cert = self.cert.to_str().unwrap();
        let out = openssl(&["x509", "-in", cert, "-noout", "-fingerprint", "-sha256"]);
        String::from_utf8(out).unwrap().trim().to_string()
    }

    /// An acceptor serving this certificate.
    pub fn acceptor(&self) -> tokio_rustls::TlsAcceptor {
        let certs: Vec<CertificateDer<'static>> = CertificateDer::pem_file_iter(&self.cert)
            .unwrap()
            .map(|c| c.unwrap())
            .collect();
        let key = PrivateKeyDer::from_pem_file(&self.key).unwrap();
        acceptor(certs, key)
    }
}

fn acceptor(
    certs: Vec<CertificateDer<'static>>,
    key: PrivateKeyDer<'static>,
) -> tokio_rustls::TlsAcceptor {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_no_client_auth()
        .with_single_cert(certs, key)
        .unwrap();
    tokio_rustls::TlsAcceptor::from(Arc::new(config))
}

fn openssl(args: &[&str]) -> Vec<u8> {
    let out = Command::new("openssl")
        .args(args)
        .output()
        .expect("the openssl command runs");
    assert!(
        out.status.success(),
        "openssl {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// A fresh directory for one test's certificates.
pub fn cert_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "meslink-certs-{name}-{}-{}",
        std::process::id(),
        fastrand_suffix()
    ));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn fastrand_suffix() -> u128 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos()
}

fn files(dir: &Path, name: &str) -> CertFiles {
    CertFiles {
        cert: dir.join(format!("{name}.pem")),
        key: dir.join(format!("{name}.key")),
    }
}

/// `openssl req -x509 -newkey rsa:2048` for `host`, valid 30 days: OpenSSL's defaults
/// make it `CA:TRUE`.
pub fn openssl_self_signed(dir: &Path, name: &str, host: &str) -> CertFiles {
    let f = files(dir, name);
    let san = format!("subjectAltName=DNS:{host}");
    let subj = format!("/CN={host}");
    openssl(&[
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-days",
        "30",
        "-keyout",
        f.key.to_str().unwrap(),
        "-out",
        f.cert.to_str().unwrap(),
        "-subj",
        &subj,
        "-addext",
        &san,
    ]);
    f
}

/// A server certificate for `host` signed by `ca` (itself made by [`openssl_self_signed`]).
pub fn openssl_ca_signed(dir: &Path, ca: &CertFiles, name: &str, host: &str) -> CertFiles {
    let f = files(dir, name);
    let csr = dir.join(format!("{name}.csr"));
    let ext = dir.join(format!("{name}.ext"));
    std::fs::write(
        &ext,
        format!("subjectAltName=DNS:{host}\nbasicConstraints=CA:FALSE\n"),
    )
    .unwrap();
    let subj = format!("/CN={host}");
    openssl(&[
        "req",
        "-new",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-keyout",
        f.key.to_str().unwrap(),
        "-out",
        csr.to_str().unwrap(),
        "-subj",
        &subj,
    ]);
    openssl(&[
        "x509",
        "-req",
        "-in",
        csr.to_str().unwrap(),
        "-CA",
        ca.cert.to_str().unwrap(),
        "-CAkey",
        ca.key.to_str().unwrap(),
        "-CAcreateserial",
        "-days",
        "30",
        "-extfile",
        ext.to_str().unwrap(),
        "-out",
        f.cert.to_str().unwrap(),
    ]);
    f
}

/// A self-signed `CA:TRUE` certificate for `host` that expired in February 2024
/// (`openssl ca -selfsign` with explicit dates, since `req -x509` cannot backdate).
pub fn openssl_expired(dir: &Path, name: &str, host: &str) -> CertFiles {
    let f = files(dir, name);
    let csr = dir.join(format!("{name}.csr"));
    let db = dir.join(format!("{name}-db"));
    std::fs::create_dir_all(&db).unwrap();
    std::fs::write(db.join("index.txt"), "").unwrap();
    std::fs::write(db.join("serial"), "01\n").unwrap();
    let cnf = db.join("ca.cnf");
    std::fs::write(
        &cnf,
        format!(
            "[ca]\ndefault_ca = d\n[d]\ndatabase = {0}/index.txt\nnew_certs_dir = {0}\n\
             serial = {0}/serial\ndefault_md = sha256\npolicy = p\ncopy_extensions = copy\n\
             [p]\ncommonName = supplied\n",
            db.display()
        ),
    )
    .unwrap();
    let subj = format!("/CN={host}");
    let san = format!("subjectAltName=DNS:{host}");
    openssl(&[
        "req",
        "-new",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-keyout",
        f.key.to_str().unwrap(),
        "-out",
        csr.to_str().unwrap(),
        "-subj",
        &subj,
        "-addext",
        &san,
        "-addext",
        "basicConstraints=critical,CA:TRUE",
    ]);
    openssl(&[
        "ca",
        "-batch",
        "-config",
        cnf.to_str().unwrap(),
        "-selfsign",
        "-keyfile",
        f.key.to_str().unwrap(),
        "-in",
        csr.to_str().unwrap(),
        "-out",
        f.cert.to_str().unwrap(),
        "-startdate",
        "20240101000000Z",
        "-enddate",
        "20240201000000Z",
    ]);
    f
}

/// An acceptor for `localhost` with a fresh self-signed `CA:TRUE` certificate made by
/// `openssl req -x509`, and that certificate's PEM (what a `tls.ca_file` would hold).
pub fn self_signed_localhost() -> (tokio_rustls::TlsAcceptor, String) {
    let dir = cert_dir("localhost");
    let f = openssl_self_signed(&dir, "server", "localhost");
    let out = (f.acceptor(), f.pem());
    std::fs::remove_dir_all(&dir).ok();
    out
}
