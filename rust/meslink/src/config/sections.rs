//! The five server sections of the configuration, each a JSON object with the server's
//! base URL and credentials; unknown keys are errors.

use super::check_base_url;
use crate::error::{Error, Result};
use crate::secret::Secret;
use serde::Deserialize;
use std::time::Duration;

/// The ATE MES: `/api/login/` gives a JWT valid 24 h.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AteConfig {
    /// Scheme, host and optional path prefix, e.g. `https://epms.example.com`.
    pub base_url: String,
    /// 员工编号, the login name.
    pub emp_no: String,
    pub password: Secret,
    /// The zone the server reads date-times in (`"+08:00"`, `"Asia/Shanghai"`); the
    /// station's local zone when absent.
    #[serde(default)]
    pub time_zone: crate::time_zone::ServerZone,
}

/// The capacity-grading cabinet MES.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GradingConfig {
    pub base_url: String,
    /// 账套编码, sent as the `x-request-datasource` header.
    pub datasource: String,
    /// The zone the server reads date-times in (`"+08:00"`, `"Asia/Shanghai"`); the
    /// station's local zone when absent.
    #[serde(default)]
    pub time_zone: crate::time_zone::ServerZone,
}

/// The `trace` section of the configuration.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TraceConfig {
    pub base_url: String,
    /// The gateway's app key (`X-Ca-Key`).
    pub app_key: String,
    /// The gateway's app secret: signs every request, never sent.
    pub app_secret: Secret,
    /// `corpId` sent when a call gives none (企业标识).
    #[serde(default)]
    pub corp_id: Option<String>,
    /// `userId` sent when a call gives none (员工在当前企业内的唯一标识).
    #[serde(default)]
    pub user_id: Option<String>,
    /// `source` sent when a call gives none (`DINGDING`, `SAAS`, ...).
    #[serde(default)]
    pub source: Option<String>,
    /// The zone the server reads date-times in (`"+08:00"`, `"Asia/Shanghai"`); the
    /// station's local zone when absent.
    #[serde(default)]
    pub time_zone: crate::time_zone::ServerZone,
}

impl TraceConfig {
    pub(crate) fn validate(&self) -> Result<()> {
        check_base_url("trace", &self.base_url)?;
        if self.app_key.trim().is_empty() {
            return Err(Error::invalid("trace.app_key is empty"));
        }
        if self.app_secret.is_empty() {
            return Err(Error::invalid("trace.app_secret is empty"));
        }
        Ok(())
    }
}

/// The `mgm` section of the configuration.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MgmConfig {
    /// Scheme, host and the `/v1` prefix, e.g. `https://openapi.example.com/v1`.
    pub base_url: String,
    pub app_key: String,
    pub app_secret: Secret,
    /// Calls allowed per `rate_limit_window_ms` and app_key (the document: 200 a
    /// minute). Shared by every client of the process using the same app_key and base
    /// URL; when they configure different limits, the one with the lower rate holds.
    #[serde(default = "default_rate_limit_calls")]
    pub rate_limit_calls: u32,
    /// The window of `rate_limit_calls`, milliseconds (60000).
    #[serde(default = "default_rate_limit_window_ms")]
    pub rate_limit_window_ms: u64,
    /// The zone the server reads date-times in (`"+08:00"`, `"Asia/Shanghai"`); the
    /// station's local zone when absent.
    #[serde(default)]
    pub time_zone: crate::time_zone::ServerZone,
}

fn default_rate_limit_calls() -> u32 {
    200
}

fn default_rate_limit_window_ms() -> u64 {
    60_000
}

impl MgmConfig {
    pub(crate) fn validate(&self) -> Result<()> {
        check_base_url("mgm", &self.base_url)?;
        if self.app_key.is_empty() {
            return Err(Error::invalid("mgm.app_key is empty"));
        }
        if self.app_secret.is_empty() {
            return Err(Error::invalid("mgm.app_secret is empty"));
        }
        if self.rate_limit_calls == 0 || self.rate_limit_window_ms == 0 {
            return Err(Error::invalid(
                "mgm.rate_limit_calls and mgm.rate_limit_window_ms must be above 0",
            ));
        }
        Ok(())
    }

    pub(crate) fn rate_window(&self) -> Duration {
        Duration::from_millis(self.rate_limit_window_ms)
    }
}

/// The `energy` section of the configuration.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EnergyConfig {
    pub base_url: String,
    /// Usr_Name
    pub username: String,
    /// Usr_Password
    pub password: Secret,
    /// The zone the server reads date-times in (`"+08:00"`, `"Asia/Shanghai"`); the
    /// station's local zone when absent.
    #[serde(default)]
    pub time_zone: crate::time_zone::ServerZone,
}

impl EnergyConfig {
    pub(crate) fn validate(&self) -> Result<()> {
        check_base_url("energy", &self.base_url)?;
        if self.username.is_empty() {
            return Err(Error::invalid("energy.username is empty"));
        }
        Ok(())
    }
}
