//! TLS as plants have it, for the HTTP pool and the `wss://` sessions alike.
//!
//! * By default the server's certificate is checked by the operating system's verifier
//!   (`rustls-platform-verifier`: on Windows the certificate store, with the enterprise CAs a
//!   domain pushes; elsewhere webpki over the system's roots).
//! * `tls.ca_file` adds certificates to trust. A self-signed certificate made with
//!   OpenSSL's defaults is marked `CA:TRUE`; webpki refuses such a certificate as the
//!   server's own, so a server certificate that is byte for byte one of `ca_file`'s is
//!   accepted when it is valid today and names the host (see [`verifier`]).
//! * `tls.pinned_cert` (a PEM file, or a SHA-256 fingerprint) accepts exactly that
//!   certificate and nothing else: its name and issuer are not checked (the pin is the
//!   identity), its validity dates are.
//! * `tls.danger_accept_invalid_certs` accepts anything (signatures are still checked).
//!
//! A certificate failure is never retried, and reads in plain words ([`words`]).

mod accept_any;
mod pins;
pub(crate) mod verifier;
pub(crate) mod words;

use crate::config::TlsConfig;
use crate::error::{Error, Result};
use std::sync::Arc;
use tokio_rustls::rustls;
use tokio_rustls::rustls::pki_types::pem::PemObject;
use tokio_rustls::rustls::pki_types::CertificateDer;

pub(crate) use words::certificate_failure;

/// The ALPN protocols a connection offers.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Alpn {
    /// The HTTP pool: HTTP/2 or HTTP/1.1.
    Http,
    /// A websocket upgrade: HTTP/1.1 only.
    Http1,
}

/// The rustls client configuration of `tls`.
pub(crate) fn client_config(tls: &TlsConfig, alpn: Alpn) -> Result<Arc<rustls::ClientConfig>> {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let builder = rustls::ClientConfig::builder_with_provider(provider.clone())
        .with_safe_default_protocol_versions()
        .map_err(|e| Error::internal(format!("cannot set up TLS: {e}")))?;
    let verifier: Arc<dyn rustls::client::danger::ServerCertVerifier> =
        if tls.danger_accept_invalid_certs {
            tracing::warn!("TLS certificate verification is OFF (danger_accept_invalid_certs)");
            Arc::new(accept_any::AcceptAny(provider.clone()))
        } else {
            let own = match &tls.ca_file {
                Some(path) => read_pem(path, "tls.ca_file")?,
                None => Vec::new(),
            };
            let pins = match &tls.pinned_cert {
                Some(pin) => pins::parse(pin)?,
                None => Vec::new(),
            };
            Arc::new(verifier::PlantVerifier::new(own, pins, provider)?)
        };
    let mut config = builder
        .dangerous()
        .with_custom_certificate_verifier(verifier)
        .with_no_client_auth();
    config.alpn_protocols = match alpn {
        Alpn::Http => vec![b"h2".to_vec(), b"http/1.1".to_vec()],
        Alpn::Http1 => vec![b"http/1.1".to_vec()],
    };
    Ok(Arc::new(config))
}

/// The certificates of a PEM file named by the setting `what`; at least one.
pub(crate) fn read_pem(path: &std::path::Path, what: &str) -> Result<Vec<CertificateDer<'static>>> {
    let pem = std::fs::read(path)
        .map_err(|e| Error::invalid(format!("cannot read {what} {}: {e}", path.display())))?;
    let mut certs = Vec::new();
    for cert in CertificateDer::pem_slice_iter(&pem) {
        certs.push(
            cert.map_err(|e| Error::invalid(format!("{what} {} is not PEM: {e}", path.display())))?,
        );
    }
    if certs.is_empty() {
        return Err(Error::invalid(format!(
            "{what} {} holds no certificate",
            path.display()
        )));
    }
    Ok(certs)
}
