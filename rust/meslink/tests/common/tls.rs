//! A self-signed TLS certificate for `localhost` and an acceptor serving it: the local
//! HTTPS (tls.rs) and wss (mgm_wss.rs) servers of the TLS settings' tests.

use std::sync::Arc;
use tokio_rustls::rustls;

/// An acceptor for `localhost` with a fresh self-signed certificate, and that
/// certificate's PEM (it is its own CA: what a `tls.ca_file` would hold).
pub fn self_signed_localhost() -> (tokio_rustls::TlsAcceptor, String) {
    let cert = rcgen::generate_simple_self_signed(vec!["localhost".into()]).unwrap();
    let pem = cert.cert.pem();
    let key = rustls::pki_types::PrivateKeyDer::try_from(cert.key_pair.serialize_der()).unwrap();
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_no_client_auth()
        .with_single_cert(vec![cert.cert.der().clone()], key)
        .unwrap();
    (tokio_rustls::TlsAcceptor::from(Arc::new(config)), pem)
}
