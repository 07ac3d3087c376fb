//! Certificate failures in plain words, and finding them in an error's chain of causes.

use std::error::Error as StdError;
use tokio_rustls::rustls;
use tokio_rustls::rustls::pki_types::{CertificateDer, UnixTime};
use tokio_rustls::rustls::CertificateError;

/// A refusal of the server's certificate, as the verifier words it.
#[derive(Debug)]
pub(crate) struct CertProblem(pub(crate) String);

impl std::fmt::Display for CertProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl StdError for CertProblem {}

const ADD_OR_PIN: &str = "add it with tls.ca_file or pin it with tls.pinned_cert";

/// What `error` (a verifier's refusal of `cert`) means, for a person.
pub(crate) fn explain(error: &rustls::Error, cert: &CertificateDer<'_>) -> String {
    let self_signed = webpki::EndEntityCert::try_from(cert)
        .map(|c| c.issuer() == c.subject())
        .unwrap_or(false);
    let lead = "the server's certificate";
    let rustls::Error::InvalidCertificate(e) = error else {
        return format!("{lead} could not be checked: {error}");
    };
    match e {
        CertificateError::UnknownIssuer if self_signed => {
            format!("{lead} is not trusted: self-signed; {ADD_OR_PIN}")
        }
        CertificateError::UnknownIssuer => format!(
            "{lead} is not trusted: it is issued by an authority this machine does not trust; \
             add that authority's certificate with tls.ca_file or pin the server's with \
             tls.pinned_cert"
        ),
        CertificateError::Other(o) if is_ca_as_end_entity(o) => {
            if self_signed {
                format!("{lead} is not trusted: self-signed; {ADD_OR_PIN}")
            } else {
                format!(
                    "{lead} is not trusted: it is a CA certificate used as a server's own; pin it \
                     with tls.pinned_cert"
                )
            }
        }
        CertificateError::ExpiredContext { not_after, .. } => format!(
            "{lead} has expired (valid until {}); the server needs a new certificate",
            date(*not_after)
        ),
        CertificateError::Expired => {
            format!("{lead} has expired; the server needs a new certificate")
        }
        CertificateError::NotValidYetContext { not_before, .. } => format!(
            "{lead} is not valid yet (valid from {}); check this machine's clock",
            date(*not_before)
        ),
        CertificateError::NotValidYet => {
            format!("{lead} is not valid yet; check this machine's clock")
        }
        CertificateError::NotValidForNameContext {
            expected,
            presented,
        } => format!(
            "{lead} is not issued for {}: it names {}; use one of those names in base_url",
            expected.to_str(),
            if presented.is_empty() {
                "no host".to_string()
            } else {
                presented
                    .iter()
                    .map(|n| bare_name(n))
                    .collect::<Vec<_>>()
                    .join(", ")
            }
        ),
        CertificateError::NotValidForName => {
            format!("{lead} is not issued for the host of base_url")
        }
        CertificateError::Revoked => format!("{lead} has been revoked"),
        CertificateError::Other(o) => match o.0.downcast_ref::<CertProblem>() {
            Some(p) => p.0.clone(),
            None => format!("{lead} is not trusted: {o}"),
        },
        other => format!("{lead} is not trusted: {other:?}"),
    }
}

/// `mes.plant.example` out of rustls' `DnsName("mes.plant.example")`.
fn bare_name(presented: &str) -> &str {
    match (presented.find('('), presented.rfind(')')) {
        (Some(a), Some(b)) if a < b => presented[a + 1..b].trim_matches('"'),
        _ => presented,
    }
}

fn is_ca_as_end_entity(o: &rustls::OtherError) -> bool {
    matches!(
        o.0.downcast_ref::<webpki::Error>(),
        Some(webpki::Error::CaUsedAsEndEntity)
    )
}

fn date(t: UnixTime) -> String {
    chrono::DateTime::from_timestamp(t.as_secs() as i64, 0)
        .map(|d| d.format("%Y-%m-%d %H:%M UTC").to_string())
        .unwrap_or_else(|| format!("{} s after 1970", t.as_secs()))
}

/// The plain words of a certificate failure somewhere in `error`'s causes, if it is one.
pub(crate) fn certificate_failure(error: &(dyn StdError + 'static)) -> Option<String> {
    let mut next = Some(error);
    while let Some(e) = next {
        if let Some(text) = from_rustls(e) {
            return Some(text);
        }
        // io::Error's source() skips the error it wraps: look inside it too.
        if let Some(inner) = e
            .downcast_ref::<std::io::Error>()
            .and_then(|io| io.get_ref())
        {
            let inner: &(dyn StdError + 'static) = inner;
            if let Some(text) = certificate_failure(inner) {
                return Some(text);
            }
        }
        next = e.source();
    }
    None
}

fn from_rustls(e: &(dyn StdError + 'static)) -> Option<String> {
    match e.downcast_ref::<rustls::Error>()? {
        rustls::Error::InvalidCertificate(CertificateError::Other(o)) => Some(
            o.0.downcast_ref::<CertProblem>()
                .map(|p| p.0.clone())
                .unwrap_or_else(|| format!("the server's certificate is not trusted: {o}")),
        ),
        rustls::Error::InvalidCertificate(c) => {
            Some(format!("the server's certificate is not trusted: {c:?}"))
        }
        _ => None,
    }
}
