//! ATE MES server (seed document 000): `POST /api/login/`,
//! `GET /api/sn_detail/{work_order}/`, `POST /api/sn_detail/`.

use std::collections::{BTreeMap, HashSet};
use std::sync::Arc;

use axum::extract::{Path, Request, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use parking_lot::Mutex;
use regex::Regex;
use serde::Serialize;
use serde_json::{json, Value};

use crate::drf::{self, detail, MSG_NOT_FOUND};
use crate::faults::api;
use crate::SimState;

pub const ROUTE_LOGIN: &str = "ate.login";
pub const ROUTE_SN_GET: &str = "ate.sn_detail.get";
pub const ROUTE_SN_UPLOAD: &str = "ate.sn_detail.upload";

pub const MSG_BAD_CREDENTIALS: &str = "无法使用提供的认证信息登录。";
pub const MSG_OK: &str = "OK";
pub const MSG_RULE_NG: &str = "SN RULER CHECK NG!FIX";
/// The refusal of an SN already received, in `refuse_repeated_sn` mode. The documents
/// do not give a real MES's words for it: these are the simulator's own.
pub const MSG_REPEATED_SN: &str = "SN REPEATED NG! ALREADY UPLOADED";
/// `company` in every login answer.
pub const COMPANY: &str = "6300";

struct WorkOrder {
    function_name: String,
    serial_number: String,
    target_qty: i64,
    sn_qty: i64,
    rule: Regex,
}

/// The GET answer, fields in the document's order.
#[derive(Serialize)]
#[allow(non_snake_case)]
struct WorkOrderAnswer<'a> {
    SERIAL_NUMBER: &'a str,
    FUNCTION_NAME: &'a str,
    TARGET_QTY: i64,
    SN_QTY: i64,
}

impl WorkOrder {
    fn answer(&self) -> WorkOrderAnswer<'_> {
        WorkOrderAnswer {
            SERIAL_NUMBER: &self.serial_number,
            FUNCTION_NAME: &self.function_name,
            TARGET_QTY: self.target_qty,
            SN_QTY: self.sn_qty,
        }
    }
}

/// The login answer, fields in the document's order (`epm_no` sic).
#[derive(Serialize)]
struct LoginAnswer<'a> {
    token: String,
    epm_no: &'a str,
    emp_name: &'a str,
    company: &'a str,
    account: bool,
}

#[derive(Default)]
pub(crate) struct AteData {
    work_orders: Mutex<BTreeMap<String, WorkOrder>>,
    uploads: Mutex<Vec<(String, String)>>,
    /// `(work_order, sn)` accepted so far, by this process or in the journal it opened.
    received: Mutex<HashSet<(String, String)>>,
    refused: Mutex<Vec<(String, String)>>,
}

/// The two work orders of the document.
pub(crate) fn seed(state: &SimState) {
    state.add_work_order(
        "1037020031",
        "HWR650RUSN",
        "BZJ614KM901580Z",
        r"^B[A-Z]J614KM9\d{5}Z$",
        928,
        928,
    );
    state.add_work_order(
        "1037020032",
        "HWR650EUSN",
        "BZK615KM900000Z",
        r"^B[A-Z]K615KM9\d{5}Z$",
        500,
        0,
    );
}

impl SimState {
    /// Adds or replaces a work order. Panics if `rule_regex` is not a valid
    /// regex; see [`SimState::try_add_work_order`].
    pub fn add_work_order(
        &self,
        work_order: &str,
        function_name: &str,
        serial_number: &str,
        rule_regex: &str,
        target_qty: i64,
        sn_qty: i64,
    ) {
        self.try_add_work_order(
            work_order,
            function_name,
            serial_number,
            rule_regex,
            target_qty,
            sn_qty,
        )
        .unwrap_or_else(|e| panic!("invalid SN rule regex {rule_regex:?}: {e}"));
    }

    /// Adds or replaces a work order; SNs uploaded to it must match `rule_regex`.
    pub fn try_add_work_order(
        &self,
        work_order: &str,
        function_name: &str,
        serial_number: &str,
        rule_regex: &str,
        target_qty: i64,
        sn_qty: i64,
    ) -> Result<(), regex::Error> {
        let rule = Regex::new(rule_regex)?;
        self.ate.work_orders.lock().insert(
            work_order.to_string(),
            WorkOrder {
                function_name: function_name.to_string(),
                serial_number: serial_number.to_string(),
                target_qty,
                sn_qty,
                rule,
            },
        );
        Ok(())
    }

    /// What `GET /api/sn_detail/{wo}/` answers now, or `None` if unknown.
    pub fn work_order(&self, wo: &str) -> Option<Value> {
        let orders = self.ate.work_orders.lock();
        orders.get(wo).map(|o| json!(o.answer()))
    }

    /// Uploads refused as repeats (`refuse_repeated_sn`), in arrival order.
    pub fn refused_repeats(&self) -> Vec<(String, String)> {
        self.ate.refused.lock().clone()
    }

    /// Counts an upload of an earlier run of the simulator (from its journal) as received.
    pub(crate) fn note_received(&self, work_order: &str, sn: &str) {
        self.ate
            .received
            .lock()
            .insert((work_order.to_string(), sn.to_string()));
    }

    /// Accepted uploads `(work_order, sn)` in arrival order, duplicates included.
    pub fn uploads(&self) -> Vec<(String, String)> {
        self.ate.uploads.lock().clone()
    }
}

pub(crate) fn snapshot(state: &SimState) -> Value {
    let orders = state.ate.work_orders.lock();
    let work_orders: serde_json::Map<String, Value> = orders
        .iter()
        .map(|(wo, o)| {
            let mut v = json!(o.answer());
            v["rule"] = json!(o.rule.as_str());
            (wo.clone(), v)
        })
        .collect();
    drop(orders);
    let uploads: Vec<Value> = state
        .uploads()
        .into_iter()
        .map(|(wo, sn)| json!({ "work_order": wo, "sn": sn }))
        .collect();
    let refused: Vec<Value> = state
        .refused_repeats()
        .into_iter()
        .map(|(wo, sn)| json!({ "work_order": wo, "sn": sn }))
        .collect();
    json!({ "work_orders": work_orders, "uploads": uploads, "refused_repeats": refused })
}

pub(crate) fn routes(state: &Arc<SimState>) -> Router {
    Router::new()
        .route(
            "/api/login/",
            api(
                state,
                ROUTE_LOGIN,
                post(login).fallback(drf::method_not_allowed),
            ),
        )
        .route(
            "/api/sn_detail/{work_order}/",
            api(
                state,
                ROUTE_SN_GET,
                get(sn_detail_get).fallback(drf::method_not_allowed),
            ),
        )
        .route(
            "/api/sn_detail/",
            api(
                state,
                ROUTE_SN_UPLOAD,
                post(sn_detail_upload).fallback(drf::method_not_allowed),
            ),
        )
        .with_state(state.clone())
}

async fn login(State(state): State<Arc<SimState>>, req: Request) -> Response {
    let fields = match drf::read_fields(req).await {
        Ok(f) => f,
        Err(resp) => return resp,
    };
    if let Err(resp) = drf::require(&fields, &["emp_no", "password"]) {
        return resp;
    }
    let user = state
        .users
        .iter()
        .find(|u| u.emp_no == fields["emp_no"] && u.password == fields["password"]);
    let Some(user) = user else {
        return (
            StatusCode::BAD_REQUEST,
            Json(json!({ "non_field_errors": [MSG_BAD_CREDENTIALS] })),
        )
            .into_response();
    };
    let token = state.issue_token(user);
    state.count_login();
    Json(LoginAnswer {
        token,
        epm_no: &user.emp_no,
        emp_name: &user.emp_name,
        company: COMPANY,
        account: false,
    })
    .into_response()
}

async fn sn_detail_get(
    State(state): State<Arc<SimState>>,
    headers: HeaderMap,
    Path(work_order): Path<String>,
) -> Response {
    if let Err(resp) = state.authenticate(&headers) {
        return resp;
    }
    let orders = state.ate.work_orders.lock();
    match orders.get(&work_order) {
        Some(o) => Json(o.answer()).into_response(),
        None => detail(StatusCode::NOT_FOUND, MSG_NOT_FOUND),
    }
}

async fn sn_detail_upload(State(state): State<Arc<SimState>>, req: Request) -> Response {
    if let Err(resp) = state.authenticate(req.headers()) {
        return resp;
    }
    let fields = match drf::read_fields(req).await {
        Ok(f) => f,
        Err(resp) => return resp,
    };
    if let Err(resp) = drf::require(&fields, &["work_order", "sn"]) {
        return resp;
    }
    let (wo, sn) = (fields["work_order"].trim(), fields["sn"].trim());
    let mut orders = state.ate.work_orders.lock();
    let Some(order) = orders.get_mut(wo) else {
        return detail(StatusCode::NOT_FOUND, MSG_NOT_FOUND);
    };
    if !order.rule.is_match(sn) {
        return Json(json!({ "msg": MSG_RULE_NG })).into_response();
    }
    let key = (wo.to_string(), sn.to_string());
    if !state.ate.received.lock().insert(key.clone()) && state.refuses_repeated_sn() {
        state.ate.refused.lock().push(key);
        return Json(json!({ "msg": MSG_REPEATED_SN })).into_response();
    }
    order.sn_qty += 1;
    if sn > order.serial_number.as_str() {
        order.serial_number = sn.to_string();
    }
    // Recorded while the work order lock is held, so the order matches SN_QTY.
    state
        .ate
        .uploads
        .lock()
        .push((wo.to_string(), sn.to_string()));
    state.journal(
        crate::journal::JOURNAL_ATE_UPLOAD,
        json!({ "work_order": wo, "sn": sn }),
    );
    drop(orders);
    Json(json!({ "msg": MSG_OK })).into_response()
}
