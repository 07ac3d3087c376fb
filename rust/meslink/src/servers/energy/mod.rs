//! The energy-management platform (seed 004): a session cookie from `/api/auth`, JSON in
//! and out, answers `{"Err_No","Err_Msg","Data","Total_Numbers"}`.

use crate::catalog::{CallSpec, Params};
use crate::client::Inner;
use crate::{Error, ErrorKind, Result, Secret};
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
pub(crate) struct EnergyState {}

pub(crate) async fn call(
    _inner: &Inner,
    spec: &'static CallSpec,
    _params: Params,
) -> Result<Value> {
    Err(Error::new(
        ErrorKind::NotImplemented,
        format!("{} is not implemented yet", spec.id),
    ))
}

/// Logs out if a session is open (called when the client is closed).
pub(crate) async fn close(_inner: &Inner) {}
