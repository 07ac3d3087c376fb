//! The energy-management platform (seed 004): `/api/auth` sessions and the `/api*` calls,
//! with state that persists across calls.

use std::sync::Arc;

use axum::Router;
use serde_json::{json, Value};

use crate::SimState;

/// Settings of this simulated server (part of [`crate::SimConfig`]).
#[derive(Debug, Clone, Default)]
pub struct EnergySimConfig {}

/// What this simulated server stores.
#[derive(Default)]
pub(crate) struct EnergyData {}

pub(crate) fn routes(_state: &Arc<SimState>) -> Router {
    Router::new()
}

pub(crate) fn snapshot(_state: &SimState) -> Value {
    json!({})
}
