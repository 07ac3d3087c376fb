//! The machine-tool IoT open API (seed 003): `/v1/token`, `/v1/resource`, and the SockJS
//! sessions `/v1/real_time` and `/v1/trans_file`.

use std::sync::Arc;

use axum::Router;
use serde_json::{json, Value};

use crate::SimState;

/// Settings of this simulated server (part of [`crate::SimConfig`]).
#[derive(Debug, Clone, Default)]
pub struct MgmSimConfig {}

/// What this simulated server stores.
#[derive(Default)]
pub(crate) struct MgmData {}

pub(crate) fn routes(_state: &Arc<SimState>) -> Router {
    Router::new()
}

pub(crate) fn snapshot(_state: &SimState) -> Value {
    json!({})
}
