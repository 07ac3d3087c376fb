//! The server certificate verifier of every TLS connection meslink makes.

use super::pins::{self, Fingerprint};
use super::words::{explain, CertProblem};
use crate::error::{Error, Result};
use std::sync::Arc;
use tokio_rustls::rustls;
use tokio_rustls::rustls::client::danger::{
    HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier,
};
use tokio_rustls::rustls::crypto::CryptoProvider;
use tokio_rustls::rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use tokio_rustls::rustls::{DigitallySignedStruct, SignatureScheme};

/// Pins, or the operating system's verifier plus `tls.ca_file`, with the one exception
/// webpki does not make: a `ca_file` certificate presented as the server's own.
#[derive(Debug)]
pub(crate) struct PlantVerifier {
    /// `tls.ca_file`'s certificates (also given to the OS verifier as extra roots).
    own: Vec<CertificateDer<'static>>,
    /// `tls.pinned_cert`: when set, exactly these certificates and no others.
    pins: Vec<Fingerprint>,
    /// None when the system has no roots and no `ca_file` was given.
    os: Option<Arc<dyn ServerCertVerifier>>,
    provider: Arc<CryptoProvider>,
}

impl PlantVerifier {
    pub(crate) fn new(
        own: Vec<CertificateDer<'static>>,
        pins: Vec<Fingerprint>,
        provider: Arc<CryptoProvider>,
    ) -> Result<Self> {
        let os = if pins.is_empty() {
            match rustls_platform_verifier::Verifier::new_with_extra_roots(
                own.iter().cloned(),
                provider.clone(),
            ) {
                Ok(v) => Some(Arc::new(v) as Arc<dyn ServerCertVerifier>),
                Err(e) if !own.is_empty() => {
                    return Err(Error::invalid(format!(
                        "tls.ca_file holds an unusable certificate: {e}"
                    )))
                }
                Err(e) => {
                    tracing::warn!("no trusted root certificates on this machine: {e}");
                    None
                }
            }
        } else {
            None
        };
        Ok(PlantVerifier {
            own,
            pins,
            os,
            provider,
        })
    }

    fn refuse(&self, text: String) -> rustls::Error {
        rustls::Error::InvalidCertificate(rustls::CertificateError::Other(rustls::OtherError(
            Arc::new(CertProblem(text)),
        )))
    }

    /// The certificate's validity dates, checked by webpki with the certificate as its
    /// own trust anchor (webpki checks the dates before anything else).
    fn check_dates(&self, end_entity: &CertificateDer<'_>, now: UnixTime) -> Result<(), String> {
        let cert = webpki::EndEntityCert::try_from(end_entity)
            .map_err(|e| format!("the server's certificate cannot be read: {e}"))?;
        let anchors = [webpki::anchor_from_trusted_cert(end_entity)
            .map_err(|e| format!("the server's certificate cannot be read: {e}"))?];
        let outcome = cert.verify_for_usage(
            self.provider.signature_verification_algorithms.all,
            &anchors,
            &[],
            now,
            webpki::KeyUsage::server_auth(),
            None,
            None,
        );
        match outcome {
            Err(
                e @ (webpki::Error::CertExpired { .. } | webpki::Error::CertNotValidYet { .. }),
            ) => {
                let e = match e {
                    webpki::Error::CertExpired { time, not_after } => {
                        rustls::CertificateError::ExpiredContext { time, not_after }
                    }
                    webpki::Error::CertNotValidYet { time, not_before } => {
                        rustls::CertificateError::NotValidYetContext { time, not_before }
                    }
                    _ => rustls::CertificateError::Expired,
                };
                Err(explain(&rustls::Error::InvalidCertificate(e), end_entity))
            }
            _ => Ok(()),
        }
    }

    /// A `ca_file` certificate presented as the server's own: valid today and issued
    /// for the host.
    fn accept_own(
        &self,
        end_entity: &CertificateDer<'_>,
        server_name: &ServerName<'_>,
        now: UnixTime,
    ) -> Result<(), String> {
        self.check_dates(end_entity, now)?;
        let cert = webpki::EndEntityCert::try_from(end_entity)
            .map_err(|e| format!("the server's certificate cannot be read: {e}"))?;
        cert.verify_is_valid_for_subject_name(server_name)
            .map_err(|e| {
                let e = match e {
                    webpki::Error::CertNotValidForName(c) => {
                        rustls::CertificateError::NotValidForNameContext {
                            expected: c.expected,
                            presented: c.presented,
                        }
                    }
                    _ => rustls::CertificateError::NotValidForName,
                };
                explain(&rustls::Error::InvalidCertificate(e), end_entity)
            })
    }
}

impl ServerCertVerifier for PlantVerifier {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp_response: &[u8],
        now: UnixTime,
    ) -> std::result::Result<ServerCertVerified, rustls::Error> {
        if !self.pins.is_empty() {
            let fp = pins::fingerprint(end_entity);
            if !self.pins.contains(&fp) {
                return Err(self.refuse(format!(
                    "the server's certificate is not the pinned one (tls.pinned_cert); \
                     it presented SHA-256 fingerprint {}",
                    pins::show(&fp)
                )));
            }
            self.check_dates(end_entity, now)
                .map_err(|text| self.refuse(text))?;
            return Ok(ServerCertVerified::assertion());
        }
        let Some(os) = &self.os else {
            return Err(self.refuse(
                "the server's certificate cannot be checked: this machine has no trusted root \
                 certificates; add the server's CA with tls.ca_file or pin it with tls.pinned_cert"
                    .into(),
            ));
        };
        match os.verify_server_cert(end_entity, intermediates, server_name, ocsp_response, now) {
            Ok(v) => Ok(v),
            Err(e) => {
                if self.own.iter().any(|c| c.as_ref() == end_entity.as_ref()) {
                    self.accept_own(end_entity, server_name, now)
                        .map_err(|text| self.refuse(text))?;
                    return Ok(ServerCertVerified::assertion());
                }
                Err(self.refuse(explain(&e, end_entity)))
            }
        }
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> std::result::Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls12_signature(
            message,
            cert,
            dss,
            &self.provider.signature_verification_algorithms,
        )
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> std::result::Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls13_signature(
            message,
            cert,
            dss,
            &self.provider.signature_verification_algorithms,
        )
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.provider
            .signature_verification_algorithms
            .supported_schemes()
    }
}
