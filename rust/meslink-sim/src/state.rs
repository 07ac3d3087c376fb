//! Shared simulator state: configuration, counters, faults, and each server
//! module's data. Server modules add their own `impl SimState` blocks.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use parking_lot::Mutex;
use serde_json::{json, Value};

use crate::auth::TokenRegistry;
use crate::faults::Faults;
use crate::journal::Journal;
use crate::{ate, energy, grading, mgm, trace, SimConfig, SimUser};

/// Everything the running simulator knows; shared by all connections.
///
/// Obtain it with [`crate::Sim::state`]. All methods take `&self` and are
/// safe to call from any thread while the simulator is serving.
pub struct SimState {
    pub(crate) users: Vec<SimUser>,
    pub(crate) jwt_secret: Vec<u8>,
    pub(crate) default_token_lifetime: Duration,
    pub(crate) faults: Faults,
    pub(crate) tokens: TokenRegistry,
    pub(crate) ate: ate::AteData,
    pub(crate) grading: grading::GradingData,
    // Filled in by the mgm, energy and trace modules.
    #[allow(dead_code)]
    pub(crate) mgm: mgm::MgmData,
    #[allow(dead_code)]
    pub(crate) energy: energy::EnergyData,
    pub(crate) trace: trace::TraceData,
    pub(crate) journal: Option<Journal>,
    requests: Mutex<BTreeMap<String, u64>>,
    /// Per route: requests whose handling ran to its answer / was dropped before it
    /// (the client closed the connection while the request waited).
    answered: Mutex<BTreeMap<String, u64>>,
    abandoned: Mutex<BTreeMap<String, u64>>,
    /// Client connections open now (shared with the accept loop).
    pub(crate) connections: Arc<AtomicU64>,
    /// API requests being handled now, and the most there have been at once.
    in_flight: AtomicU64,
    in_flight_max: AtomicU64,
    logins: AtomicU64,
}

impl SimState {
    pub(crate) fn new(config: &SimConfig) -> std::io::Result<SimState> {
        let journal = match &config.journal {
            Some(path) => Some(Journal::open(path)?),
            None => None,
        };
        let state = SimState {
            users: config.users.clone(),
            jwt_secret: config.jwt_secret.as_bytes().to_vec(),
            default_token_lifetime: config.token_lifetime,
            faults: Faults::new(config.token_lifetime),
            tokens: TokenRegistry::default(),
            ate: ate::AteData::default(),
            grading: grading::GradingData::default(),
            mgm: mgm::MgmData::new(&config.mgm),
            energy: energy::EnergyData::new(config),
            trace: trace::TraceData::new(&config.trace),
            journal,
            requests: Mutex::new(BTreeMap::new()),
            answered: Mutex::new(BTreeMap::new()),
            abandoned: Mutex::new(BTreeMap::new()),
            connections: Arc::new(AtomicU64::new(0)),
            in_flight: AtomicU64::new(0),
            in_flight_max: AtomicU64::new(0),
            logins: AtomicU64::new(0),
        };
        if config.seed_data {
            ate::seed(&state);
        }
        // What earlier runs accepted counts as received (`refuse_repeated_sn`).
        if let Some(path) = config.journal.as_deref().filter(|p| p.exists()) {
            for line in crate::journal::read_journal(path)? {
                if line["kind"] == crate::journal::JOURNAL_ATE_UPLOAD {
                    if let (Some(wo), Some(sn)) = (line["work_order"].as_str(), line["sn"].as_str())
                    {
                        state.note_received(wo, sn);
                    }
                }
            }
        }
        Ok(state)
    }

    /// The HS256 key that signs the ATE tokens (from [`SimConfig::jwt_secret`]).
    pub fn jwt_secret(&self) -> &[u8] {
        &self.jwt_secret
    }

    /// The configured users.
    pub fn users(&self) -> &[SimUser] {
        &self.users
    }

    pub(crate) fn count_request(&self, route: &str) {
        *self.requests.lock().entry(route.to_string()).or_insert(0) += 1;
    }

    /// A request's handling starts: counted in `in_flight` (and its peak).
    pub(crate) fn begin_request(&self) {
        let now = self.in_flight.fetch_add(1, Ordering::AcqRel) + 1;
        self.in_flight_max.fetch_max(now, Ordering::AcqRel);
    }

    /// Counts a request of `route` whose handling ended with an answer (`true`) or was
    /// dropped before it (`false`).
    pub(crate) fn count_end(&self, route: &str, answered: bool) {
        self.in_flight.fetch_sub(1, Ordering::AcqRel);
        let counts = if answered {
            &self.answered
        } else {
            &self.abandoned
        };
        *counts.lock().entry(route.to_string()).or_insert(0) += 1;
    }

    pub(crate) fn count_login(&self) {
        self.logins.fetch_add(1, Ordering::Relaxed);
    }

    /// Successful logins (tokens issued).
    pub fn login_count(&self) -> u64 {
        self.logins.load(Ordering::Relaxed)
    }

    /// Requests that reached an API route, whatever their outcome: rejected
    /// ones (401, 400, state -1) and fault-injected ones (503, dropped,
    /// garbage) included. Routes: `ate.login`, `ate.sn_detail.get`,
    /// `ate.sn_detail.upload`, `grading.save`.
    pub fn request_count(&self, route: &str) -> u64 {
        self.requests.lock().get(route).copied().unwrap_or(0)
    }

    /// All counters, fault settings and data as JSON (served at `GET /_sim/state`).
    pub fn snapshot(&self) -> Value {
        let requests: BTreeMap<String, u64> = self.requests.lock().clone();
        json!({
            "login_count": self.login_count(),
            "requests": requests,
            "answered": self.answered.lock().clone(),
            "abandoned": self.abandoned.lock().clone(),
            "connections": self.connections.load(Ordering::Relaxed),
            "in_flight_max": self.in_flight_max.load(Ordering::Relaxed),
            "faults": self.faults.snapshot(),
            "journal": self.journal_path().map(|p| p.display().to_string()),
            "ate": ate::snapshot(self),
            "grading": grading::snapshot(self),
            "mgm": mgm::snapshot(self),
            "energy": energy::snapshot(self),
            "trace": trace::snapshot(self),
        })
    }
}
