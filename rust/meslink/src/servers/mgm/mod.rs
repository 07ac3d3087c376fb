//! The machine-tool IoT open API (seed 003): tokens, rate limit, resources, and the live
//! SockJS sessions (`mgm.realtime`, `mgm.file_transfer`).

use crate::catalog::{CallSpec, Params};
use crate::client::Inner;
use crate::{Error, ErrorKind, Result, Secret};
use serde::Deserialize;
use serde_json::Value;

/// The `mgm` section of the configuration.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MgmConfig {
    /// Scheme, host and the `/v1` prefix, e.g. `https://openapi.example.com/v1`.
    pub base_url: String,
    pub app_key: String,
    pub app_secret: Secret,
}

impl MgmConfig {
    pub(crate) fn validate(&self) -> Result<()> {
        crate::config::check_base_url("mgm", &self.base_url)?;
        if self.app_key.is_empty() {
            return Err(Error::invalid("mgm.app_key is empty"));
        }
        Ok(())
    }
}

/// Token and rate-limit state of one client.
#[derive(Default)]
pub(crate) struct MgmState {}

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

/// A valid access token, getting or renewing one first when needed (one renewal at a
/// time). The stream and transfer sessions put it in their URLs.
#[allow(dead_code)] // used by the stream and transfer sessions
pub(crate) async fn access_token(_inner: &Inner) -> Result<Secret> {
    Err(Error::new(
        ErrorKind::NotImplemented,
        "mgm tokens are not implemented yet",
    ))
}

/// Tells the token cache that the server refused `rejected`, so that the next
/// [`access_token`] renews it (unless another caller already did).
#[allow(dead_code)]
pub(crate) async fn token_rejected(_inner: &Inner, _rejected: &Secret) {}
