//! The quality-trace API (seed 002) behind an Alibaba Cloud API Gateway: signed requests,
//! an envelope around the parameters, and a tree inside a JSON string in the answer.

use crate::catalog::{CallSpec, Params};
use crate::client::Inner;
use crate::{Error, ErrorKind, Result, Secret};
use serde::Deserialize;
use serde_json::Value;

/// The `trace` section of the configuration.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TraceConfig {
    pub base_url: String,
    /// The gateway's app key (`X-Ca-Key`).
    pub app_key: String,
    /// The gateway's app secret: signs every request, never sent.
    pub app_secret: Secret,
}

impl TraceConfig {
    pub(crate) fn validate(&self) -> Result<()> {
        crate::config::check_base_url("trace", &self.base_url)?;
        if self.app_key.is_empty() {
            return Err(Error::invalid("trace.app_key is empty"));
        }
        Ok(())
    }
}

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
