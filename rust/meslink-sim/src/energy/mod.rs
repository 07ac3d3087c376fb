//! The energy-management platform (seed 004): `/api/auth` sessions and the 63 `/api*`
//! calls, with state that persists across calls.
//!
//! Every answer is `{"Err_No": "0", "Err_Msg": "ok", "Data": ..., "Total_Numbers": n}`
//! (see [`envelope`]); parameters come from the query string and the JSON body
//! ([`params`]); each call is one row of a route table in the module of its document
//! group, dispatched by [`route::dispatch`]. The CRUD resources share one generic
//! [`collection::Collection`]. Statistics are computed from the stored records with the
//! deterministic plant of [`model`].
//!
//! Lists page with `Per_Page_Counts` (default 10) and `Page_Counts` counted from 1 (0, the
//! document's default in sections 6–8, is the first page too).

use std::collections::BTreeMap;
use std::sync::Arc;

use axum::extract::{DefaultBodyLimit, Request, State};
use axum::routing::{on, post};
use axum::{Json, Router};
use parking_lot::Mutex;
use serde_json::{json, Value};

use crate::faults::api;
use crate::{SimConfig, SimState};

mod alarms;
mod auth;
mod batches;
mod collection;
mod consumption;
mod envelope;
mod machines;
mod meters;
mod miniprogram;
mod model;
mod oee;
mod output;
mod params;
mod products;
mod prp;
mod rates;
mod regions;
mod route;
mod seed;
mod users;

use collection::{Collection, Resource, Row};
use route::Route;

/// A user of the energy platform.
#[derive(Clone, PartialEq, Eq)]
pub struct EnergySimUser {
    pub name: String,
    pub password: String,
    pub email: String,
}

impl EnergySimUser {
    pub fn new(name: &str, password: &str, email: &str) -> EnergySimUser {
        EnergySimUser {
            name: name.to_string(),
            password: password.to_string(),
            email: email.to_string(),
        }
    }
}

impl std::fmt::Debug for EnergySimUser {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("EnergySimUser")
            .field("name", &self.name)
            .field("password", &"<hidden>")
            .field("email", &self.email)
            .finish()
    }
}

/// Settings of this simulated server (part of [`crate::SimConfig`]).
#[derive(Debug, Clone)]
pub struct EnergySimConfig {
    /// Users that can log in through `POST /api/auth`; by default `admin` / `admin123`.
    /// Users registered through `POST /api/users` are added at run time.
    pub users: Vec<EnergySimUser>,
}

impl Default for EnergySimConfig {
    fn default() -> Self {
        EnergySimConfig {
            users: vec![EnergySimUser::new("admin", "admin123", "admin@example.com")],
        }
    }
}

/// What this simulated server stores.
#[derive(Default)]
pub(crate) struct EnergyData {
    sessions: auth::Sessions,
    users: Collection,
    meters: Collection,
    machines: Collection,
    rates: Collection,
    alarms: Collection,
    alarm_rules: Collection,
    oee_rules: Collection,
    products: Collection,
    outputs: Collection,
    batches: Collection,
    /// Manually filled values (5.6).
    manual_data: Collection,
    /// Upload records of the provincial platform link (5.7).
    uploads: Collection,
    /// Mini-program bindings (9.1).
    bindings: Collection,
    /// Machine id → its uploaded image (2.9).
    images: Mutex<BTreeMap<i64, machines::Image>>,
    personalise: Mutex<Row>,
    prp: Mutex<prp::Prp>,
}

impl EnergyData {
    pub(crate) fn new(config: &SimConfig) -> EnergyData {
        let data = EnergyData {
            personalise: Mutex::new(rates::default_personalise()),
            ..EnergyData::default()
        };
        for u in &config.energy.users {
            let _ = data.users.insert(
                users::record(&u.name, &u.password, &u.email),
                Some("Usr_Name"),
            );
        }
        if config.seed_data {
            seed::seed(&data);
        }
        data
    }
}

/// The resources listed in the snapshot.
static RESOURCES: [&Resource; 10] = [
    &users::USERS,
    &meters::METERS,
    &machines::MACHINES,
    &rates::RATES,
    &alarms::ALARMS,
    &alarms::ALARM_RULES,
    &oee::OEE_RULES,
    &products::PRODUCTS,
    &output::OUTPUTS,
    &batches::BATCHES,
];

/// Every documented call, group by group in the document's order.
fn all_routes() -> impl Iterator<Item = &'static Route> {
    [
        auth::ROUTES,
        users::ROUTES,
        meters::ROUTES,
        machines::ROUTES,
        consumption::ROUTES,
        rates::ROUTES,
        prp::ROUTES,
        alarms::ROUTES,
        oee::ROUTES,
        products::ROUTES,
        output::ROUTES,
        batches::ROUTES,
        miniprogram::ROUTES,
        regions::ROUTES,
    ]
    .into_iter()
    .flatten()
}

pub(crate) fn routes(state: &Arc<SimState>) -> Router {
    let mut router = Router::new();
    for r in all_routes() {
        let shared = state.clone();
        let handler = move |req: Request| {
            let state = shared.clone();
            async move { route::dispatch(r, state, req).await }
        };
        router = router.route(r.path, api(state, r.id, on(r.verb.filter(), handler)));
    }
    let control = Router::new()
        .route("/_sim/energy/expire_sessions", post(expire_sessions))
        .with_state(state.clone());
    router
        .layer(DefaultBodyLimit::max(route::BODY_LIMIT))
        .merge(control)
}

async fn expire_sessions(State(state): State<Arc<SimState>>) -> Json<Value> {
    let expired = state.energy_expire_sessions();
    Json(json!({ "ok": true, "expired": expired }))
}

pub(crate) fn snapshot(state: &SimState) -> Value {
    let e = &state.energy;
    let mut records = serde_json::Map::new();
    for res in RESOURCES {
        let rows: Vec<Value> = res.rows(state).into_iter().map(Value::Object).collect();
        records.insert(res.name.to_string(), Value::Array(rows));
    }
    let images: BTreeMap<String, usize> = e
        .images
        .lock()
        .iter()
        .map(|(id, image)| (id.to_string(), image.size))
        .collect();
    json!({
        "login_count": e.sessions.logins(),
        "logout_count": e.sessions.logouts(),
        "session_count": e.sessions.len(),
        "records": records,
        "manual_data_count": e.manual_data.len(),
        "upload_count": e.uploads.len(),
        "binding_count": e.bindings.len(),
        "image_sizes": images,
        "personalise": *e.personalise.lock(),
        "prp_version": e.prp.lock().version.clone(),
    })
}

impl SimState {
    /// Ends every energy-platform session; the next call with an old cookie answers
    /// `Err_No` 4101. Returns how many sessions there were.
    pub fn energy_expire_sessions(&self) -> usize {
        self.energy.sessions.expire_all()
    }

    /// Successful energy-platform logins (`POST /api/auth`).
    pub fn energy_login_count(&self) -> u64 {
        self.energy.sessions.logins()
    }

    /// Sessions ended by `DELETE /api/auth`.
    pub fn energy_logout_count(&self) -> u64 {
        self.energy.sessions.logouts()
    }

    /// Live energy-platform sessions.
    pub fn energy_session_count(&self) -> usize {
        self.energy.sessions.len()
    }

    /// Stored records of a resource: `users`, `meters`, `machines`, `rates`, `alarms`,
    /// `alarm_rules`, `oee_rules`, `products`, `product_output`, `batches`; 0 for others.
    pub fn energy_record_count(&self, resource: &str) -> usize {
        RESOURCES
            .iter()
            .find(|r| r.name == resource)
            .map_or(0, |r| (r.store)(&self.energy).len())
    }

    /// The size in bytes of the image last uploaded for machine `id` (2.9).
    pub fn energy_image_size(&self, machine_id: i64) -> Option<usize> {
        self.energy.images.lock().get(&machine_id).map(|i| i.size)
    }
}
