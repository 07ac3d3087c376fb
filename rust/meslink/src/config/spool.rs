//! The `"spool"` section of the client configuration.

use crate::error::{Error, Result};
use serde::Deserialize;
use std::path::PathBuf;
use std::time::Duration;

/// The `"spool"` section of the client configuration.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SpoolConfig {
    /// The SQLite file; created if missing (its directory must exist).
    pub path: PathBuf,
    /// Attempts of a record failing transiently before it goes to the dead letters;
    /// 0 (the default) retries forever.
    #[serde(default)]
    pub max_attempts: u32,
    /// Pause after the first failed attempt, doubled after each further one, with jitter.
    #[serde(default = "default_backoff_initial")]
    pub backoff_initial_ms: u64,
    /// Cap of the pause between two attempts.
    #[serde(default = "default_backoff_max")]
    pub backoff_max_ms: u64,
    /// A record failing transiently is parked (set aside, the records behind it go on)
    /// once it has failed this many attempts in a row *and* for `park_after_s`
    /// seconds. 0 never parks.
    #[serde(default = "default_park_after_attempts")]
    pub park_after_attempts: u32,
    /// See `park_after_attempts`: seconds since the record's first failure.
    #[serde(default = "default_park_after_s")]
    pub park_after_s: u64,
    /// A parked record is tried again every this many seconds (one attempt each time).
    #[serde(default = "default_park_retry_s")]
    pub park_retry_s: u64,
}

fn default_backoff_initial() -> u64 {
    200
}

fn default_backoff_max() -> u64 {
    30_000
}

fn default_park_after_attempts() -> u32 {
    5
}

fn default_park_after_s() -> u64 {
    30
}

fn default_park_retry_s() -> u64 {
    60
}

impl SpoolConfig {
    pub fn new(path: impl Into<PathBuf>) -> SpoolConfig {
        SpoolConfig {
            path: path.into(),
            max_attempts: 0,
            backoff_initial_ms: default_backoff_initial(),
            backoff_max_ms: default_backoff_max(),
            park_after_attempts: default_park_after_attempts(),
            park_after_s: default_park_after_s(),
            park_retry_s: default_park_retry_s(),
        }
    }

    pub fn validate(&self) -> Result<()> {
        if self.path.as_os_str().is_empty() {
            return Err(Error::invalid("spool.path is empty"));
        }
        if self.backoff_initial_ms == 0 || self.backoff_max_ms < self.backoff_initial_ms {
            return Err(Error::invalid(
                "spool.backoff_initial_ms must be above 0 and at most spool.backoff_max_ms",
            ));
        }
        // A day bounds both: beyond it a station would rather see the record stuck.
        if self.park_after_s > 86_400 {
            return Err(Error::invalid(format!(
                "spool.park_after_s must be at most 86400 (a day), got {}",
                self.park_after_s
            )));
        }
        if self.park_retry_s == 0 || self.park_retry_s > 86_400 {
            return Err(Error::invalid(format!(
                "spool.park_retry_s must be from 1 to 86400 seconds, got {}",
                self.park_retry_s
            )));
        }
        Ok(())
    }

    /// Whether a record that failed `attempts` times in a row, the first failure
    /// `failing_for` ago, is to be parked.
    pub(crate) fn park_due(&self, attempts: u32, failing_for: Duration) -> bool {
        self.park_after_attempts > 0
            && attempts >= self.park_after_attempts
            && failing_for >= Duration::from_secs(self.park_after_s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_budgets_must_be_spent_to_park() {
        let c = SpoolConfig::new("s.db");
        assert_eq!((c.park_after_attempts, c.park_after_s), (5, 30));
        assert!(!c.park_due(4, Duration::from_secs(600)));
        assert!(!c.park_due(50, Duration::from_secs(29)));
        assert!(c.park_due(5, Duration::from_secs(30)));
        let never = SpoolConfig {
            park_after_attempts: 0,
            ..c.clone()
        };
        assert!(!never.park_due(1000, Duration::from_secs(86_400)));
        for bad in [
            SpoolConfig {
                park_retry_s: 0,
                ..c.clone()
            },
            SpoolConfig {
                park_after_s: 100_000,
                ..c.clone()
            },
        ] {
            assert!(bad.validate().is_err());
        }
    }
}
