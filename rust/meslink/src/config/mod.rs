//! Client configuration: one section per server, plus the HTTP settings they share.
//!
//! It is plain data, built in Rust or read from JSON (the C ABI, Python and C# pass JSON):
//!
//! ```json
//! {
//!   "ate":     { "base_url": "https://epms.example.com", "emp_no": "ate", "password": "..." },
//!   "grading": { "base_url": "http://mes.example.com:8080", "datasource": "MES01" },
//!   "timeout_ms": 30000,
//!   "tls": { "ca_file": "plant-ca.pem" }
//! }
//! ```
//!
//! Unknown keys are refused, so that a typo is an error rather than a silently
//! ignored setting.

mod sections;
mod spool;

pub use sections::{AteConfig, EnergyConfig, GradingConfig, MgmConfig, TraceConfig};
pub use spool::SpoolConfig;

use crate::error::{Error, Result};
use serde::Deserialize;
use std::path::PathBuf;
use std::time::Duration;

/// Everything a [`crate::Client`] needs. Sections of servers you do not use stay `None`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ClientConfig {
    /// The ATE MES (seed 000): JWT login, work orders, SN upload.
    pub ate: Option<AteConfig>,
    /// The capacity-grading cabinet MES (seed 001).
    pub grading: Option<GradingConfig>,
    /// The quality-trace API gateway (seed 002).
    pub trace: Option<TraceConfig>,
    /// The machine-tool IoT open API (seed 003).
    pub mgm: Option<MgmConfig>,
    /// The energy-management platform (seed 004).
    pub energy: Option<EnergyConfig>,
    /// Whole-request timeout, milliseconds. For the machine-tool platform's resource
    /// calls it is the deadline of the whole call: token renewal, the wait for a slot of
    /// the call budget, every attempt and the waits after a 3009 (see `mgm::resources`).
    pub timeout_ms: u64,
    /// TCP (and TLS) connect timeout, milliseconds.
    pub connect_timeout_ms: u64,
    /// The `User-Agent` header.
    pub user_agent: String,
    pub tls: TlsConfig,
    pub retry: RetryConfig,
    /// Answers larger than this are refused as protocol errors (memory stays bounded).
    pub max_answer_bytes: usize,
    /// The store-and-forward spool (see [`crate::spool`]); absent: no spool.
    pub spool: Option<SpoolConfig>,
    /// Calls of this client on the wire at once, all servers and threads together; the
    /// others wait their turn (in call order). Bounds the connections a station opens: a
    /// thousand async calls in flight share this many connections.
    pub max_concurrent_calls: u32,
}

impl Default for ClientConfig {
    fn default() -> Self {
        ClientConfig {
            ate: None,
            grading: None,
            trace: None,
            mgm: None,
            energy: None,
            timeout_ms: 30_000,
            connect_timeout_ms: 5_000,
            user_agent: format!("meslink/{}", env!("CARGO_PKG_VERSION")),
            tls: TlsConfig::default(),
            retry: RetryConfig::default(),
            max_answer_bytes: 16 * 1024 * 1024,
            spool: None,
            max_concurrent_calls: 64,
        }
    }
}

/// TLS settings. Certificates are verified by the operating system's verifier by default
/// (on Windows its certificate store, elsewhere the system's roots).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct TlsConfig {
    /// A PEM file with one or more extra certificates to trust: a plant's own CA, or a
    /// server's self-signed certificate (`CA:TRUE`, as `openssl req -x509` makes it, or not).
    pub ca_file: Option<PathBuf>,
    /// Exactly the server certificate(s) to accept, and no other: a PEM file, or a SHA-256
    /// fingerprint (`AB:CD:...` as `openssl x509 -fingerprint -sha256` prints it, or 64 hex
    /// digits). The pin is the identity: name and issuer are not checked, the dates are.
    pub pinned_cert: Option<String>,
    /// Turns certificate verification off. Only for a test bench; the name is meant to hurt.
    pub danger_accept_invalid_certs: bool,
}

/// Retries of transient failures (connection refused, 502/503/504, timeouts), applied
/// only where repeating a call is safe (see [`crate::catalog::RetryClass`]).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct RetryConfig {
    /// Attempts in all, the first included. 1 turns retries off.
    pub max_attempts: u32,
    /// Delay before the second attempt; doubled each time, with jitter.
    pub initial_backoff_ms: u64,
    /// Cap of the delay between two attempts.
    pub max_backoff_ms: u64,
}

impl Default for RetryConfig {
    fn default() -> Self {
        RetryConfig {
            max_attempts: 4,
            initial_backoff_ms: 100,
            max_backoff_ms: 2_000,
        }
    }
}

impl RetryConfig {
    /// The pause before attempt `attempt + 1` (attempt counts from 1): capped
    /// exponential backoff with +-25 % jitter.
    pub fn backoff(&self, attempt: u32) -> Duration {
        let exp = self
            .initial_backoff_ms
            .saturating_mul(1u64 << attempt.saturating_sub(1).min(20));
        let capped = exp.min(self.max_backoff_ms) as f64;
        let jitter = 0.75 + fastrand::f64() * 0.5;
        Duration::from_millis((capped * jitter) as u64)
    }
}

impl ClientConfig {
    /// Parses the JSON form of the configuration. A byte order mark before it (as
    /// Windows editors and LabVIEW write files) is ignored.
    pub fn from_json(text: &str) -> Result<Self> {
        let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
        // serde's type errors quote the offending value: make sure a secret can never be
        // one of them by checking the secrets' types first, naming only their place.
        let tree: serde_json::Value = serde_json::from_str(text)
            .map_err(|e| Error::invalid(format!("invalid client configuration: {e}")))?;
        check_secret_types(&tree, "")?;
        let config: ClientConfig = serde_json::from_str(text)
            .map_err(|e| Error::invalid(format!("invalid client configuration: {e}")))?;
        config.validate()?;
        Ok(config)
    }

    /// The `time_zone` of `server`'s section (the station's local zone without one).
    pub fn time_zone(&self, server: crate::catalog::Server) -> crate::time_zone::ServerZone {
        use crate::catalog::Server;
        match server {
            Server::Ate => self.ate.as_ref().map(|s| s.time_zone),
            Server::Grading => self.grading.as_ref().map(|s| s.time_zone),
            Server::Trace => self.trace.as_ref().map(|s| s.time_zone),
            Server::Mgm => self.mgm.as_ref().map(|s| s.time_zone),
            Server::Energy => self.energy.as_ref().map(|s| s.time_zone),
        }
        .unwrap_or_default()
    }

    /// Checks what serde cannot: URLs, non-zero timeouts.
    pub fn validate(&self) -> Result<()> {
        if let Some(ate) = &self.ate {
            check_base_url("ate", &ate.base_url)?;
            if ate.emp_no.is_empty() {
                return Err(Error::invalid("ate.emp_no is empty"));
            }
        }
        if let Some(g) = &self.grading {
            check_base_url("grading", &g.base_url)?;
            if g.datasource.is_empty() {
                return Err(Error::invalid(
                    "grading.datasource (the x-request-datasource account set) is empty",
                ));
            }
        }
        if let Some(t) = &self.trace {
            t.validate()?;
        }
        if let Some(m) = &self.mgm {
            m.validate()?;
        }
        if let Some(e) = &self.energy {
            e.validate()?;
        }
        if self.timeout_ms == 0 || self.connect_timeout_ms == 0 {
            return Err(Error::invalid(
                "timeout_ms and connect_timeout_ms must be above 0",
            ));
        }
        if let Some(s) = &self.spool {
            s.validate()?;
        }
        if self.retry.max_attempts == 0 {
            return Err(Error::invalid("retry.max_attempts must be at least 1"));
        }
        if self.max_concurrent_calls == 0 {
            return Err(Error::invalid("max_concurrent_calls must be at least 1"));
        }
        Ok(())
    }
}

/// Keys whose values are secrets, in any section.
const SECRET_KEYS: [&str; 6] = [
    "password",
    "secret",
    "app_secret",
    "token",
    "access_token",
    "refresh_token",
];

fn check_secret_types(v: &serde_json::Value, path: &str) -> Result<()> {
    if let serde_json::Value::Object(map) = v {
        for (key, value) in map {
            let here = if path.is_empty() {
                key.clone()
            } else {
                format!("{path}.{key}")
            };
            if SECRET_KEYS.contains(&key.as_str()) && !value.is_string() {
                return Err(Error::invalid(format!(
                    "invalid client configuration: {here} must be a string"
                )));
            }
            check_secret_types(value, &here)?;
        }
    }
    Ok(())
}

pub(crate) fn check_base_url(section: &str, url: &str) -> Result<()> {
    let host = url
        .strip_prefix("http://")
        .or_else(|| url.strip_prefix("https://"));
    let ok = host.is_some_and(|h| !h.is_empty() && !h.starts_with('/'))
        && !url.contains(char::is_whitespace);
    if ok {
        Ok(())
    } else {
        Err(Error::invalid(format!(
            "{section}.base_url must be an http:// or https:// URL, got {url:?}"
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_defaults() {
        let c = ClientConfig::from_json(
            r#"{"ate":{"base_url":"http://h","emp_no":"ate","password":"pw"},"timeout_ms":5}"#,
        )
        .unwrap();
        assert_eq!(c.timeout_ms, 5);
        assert_eq!(c.retry.max_attempts, 4);
        assert!(
            !format!("{c:?}").contains("pw"),
            "password leaked into Debug"
        );
    }

    #[test]
    fn refuses_typos_and_bad_urls() {
        let e = ClientConfig::from_json(r#"{"timeout":5}"#).unwrap_err();
        assert!(e.message.contains("unknown field `timeout`"), "{e}");
        let e = ClientConfig::from_json(r#"{"grading":{"base_url":"ftp://x","datasource":"A"}}"#)
            .unwrap_err();
        assert!(e.message.contains("grading.base_url"), "{e}");
    }

    #[test]
    fn a_secret_of_the_wrong_type_is_not_quoted() {
        let e = ClientConfig::from_json(
            r#"{"ate":{"base_url":"http://h","emp_no":"ate","password":12345678}}"#,
        )
        .unwrap_err();
        assert!(e.message.contains("ate.password must be a string"), "{e}");
        assert!(!e.message.contains("12345678"), "{e}");
    }

    #[test]
    fn a_byte_order_mark_before_the_json_is_ignored() {
        let c = ClientConfig::from_json("\u{FEFF}{\"timeout_ms\": 7}").unwrap();
        assert_eq!(c.timeout_ms, 7);
        // Only at the start: elsewhere it is still an error.
        assert!(ClientConfig::from_json("{\"timeout_ms\": 7}\u{FEFF}").is_err());
    }

    #[test]
    fn backoff_is_capped() {
        let r = RetryConfig::default();
        assert!(r.backoff(1) <= Duration::from_millis(125));
        assert!(r.backoff(30) <= Duration::from_millis(2_500));
        assert!(r.backoff(30) >= Duration::from_millis(1_500));
    }
}
