//! The quality-trace API gateway (seed 002): signature checks and forward / reverse trees
//! built from the serial numbers and grading records the other servers stored.

use std::sync::Arc;

use axum::Router;
use serde_json::{json, Value};

use crate::SimState;

/// Settings of this simulated server (part of [`crate::SimConfig`]).
#[derive(Debug, Clone, Default)]
pub struct TraceSimConfig {}

/// What this simulated server stores.
#[derive(Default)]
pub(crate) struct TraceData {}

pub(crate) fn routes(_state: &Arc<SimState>) -> Router {
    Router::new()
}

pub(crate) fn snapshot(_state: &SimState) -> Value {
    json!({})
}
