//! The energy-management platform (seed 004): a session cookie from `/api/auth`, JSON in
//! and out, answers `{"Err_No","Err_Msg","Data","Total_Numbers"}`.
//!
//! * [`session`] – login on first use, cookie per client, re-login once on Err_No 4101,
//!   logout on close.
//! * [`codes`] – Err_No (string or number) into typed errors.
//! * [`upload`] – the multipart image upload.
//! * [`pages`] – [`crate::Client::energy_all_pages`].

pub mod codes;
pub(crate) mod pages;
mod session;
mod upload;

pub use pages::FIRST_PAGE;

use crate::catalog::{BodyEncoding, CallSpec, Params};
use crate::client::Inner;
use crate::config::ClientConfig;
use crate::servers::build_request;
use crate::{Error, Result, Secret};
use serde::Deserialize;
use serde_json::Value;

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
        crate::config::check_base_url("energy", &self.base_url)?;
        if self.username.is_empty() {
            return Err(Error::invalid("energy.username is empty"));
        }
        Ok(())
    }
}

/// The session of one client.
#[derive(Default)]
pub(crate) struct EnergyState {
    session: session::Session,
}

pub(crate) fn section(config: &ClientConfig) -> Result<&EnergyConfig> {
    config.energy.as_ref().ok_or_else(|| {
        Error::invalid("the client has no \"energy\" section (base_url, username, password)")
    })
}

pub(crate) async fn call(inner: &Inner, spec: &'static CallSpec, params: Params) -> Result<Value> {
    let cfg = section(&inner.config)?;
    match spec.id {
        "energy.auth.login" => return session::explicit_login(inner, cfg, &params).await,
        "energy.auth.logout" => return session::logout(inner, cfg).await,
        _ => {}
    }
    let req = match spec.body {
        BodyEncoding::Multipart => upload::request(spec, &cfg.base_url, &params).await?,
        _ => build_request(spec, &cfg.base_url, &params),
    };
    session::send(inner, cfg, req).await
}

/// Logs out if a session is open (called when the client is closed).
pub(crate) async fn close(inner: &Inner) {
    if let Ok(cfg) = section(&inner.config) {
        session::close(inner, cfg).await;
    }
}
