//! Grading cabinet (分容机) MES server (seed document 001):
//! `POST /api/pick/volumeCollectData/save`.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::routing::post;
use axum::{Json, Router};
use parking_lot::Mutex;
use regex::Regex;
use serde_json::{json, Map, Value};

use crate::faults::api;
use crate::SimState;

pub const ROUTE_SAVE: &str = "grading.save";
pub const DATASOURCE_HEADER: &str = "x-request-datasource";

pub const MSG_SAVED: &str = "保存成功";
pub const MSG_NO_DATASOURCE: &str = "x-request-datasource 不能为空";
pub const MSG_BAD_JSON: &str = "请求体不是有效的 JSON";
pub const MSG_BAD_TIME: &str = "测试时间格式错误，应为 yyyy-MM-dd HH:mm:ss";

/// Required body fields and their Chinese names, in the document's order.
const REQUIRED: [(&str, &str); 5] = [
    ("batteryStation", "电池工位"),
    ("deviceCode", "设备编码"),
    ("barcode", "电芯条码"),
    ("testTime", "测试时间"),
    ("workStep", "工步"),
];

/// Optional numeric body fields and their Chinese names.
const NUMERIC: [(&str, &str); 4] = [
    ("voltage", "电压"),
    ("electricity", "电流"),
    ("volume", "容量"),
    ("energy", "能量"),
];

#[derive(Default)]
pub(crate) struct GradingData {
    /// datasource -> barcode -> newest saved body.
    records: Mutex<BTreeMap<String, BTreeMap<String, Value>>>,
    saves: AtomicU64,
}

impl SimState {
    /// The newest record saved for `barcode` under account set `datasource`
    /// (the request body as sent).
    pub fn grading_record(&self, datasource: &str, barcode: &str) -> Option<Value> {
        self.grading
            .records
            .lock()
            .get(datasource)
            .and_then(|m| m.get(barcode))
            .cloned()
    }

    /// Records kept (one per datasource and barcode).
    pub fn grading_record_count(&self) -> usize {
        self.grading
            .records
            .lock()
            .values()
            .map(BTreeMap::len)
            .sum()
    }

    /// Every record kept, as `(datasource, barcode, record)`, ordered by datasource and
    /// barcode (read by the trace gateway).
    pub fn grading_records(&self) -> Vec<(String, String, Value)> {
        let records = self.grading.records.lock();
        records
            .iter()
            .flat_map(|(ds, m)| {
                m.iter()
                    .map(move |(b, r)| (ds.clone(), b.clone(), r.clone()))
            })
            .collect()
    }

    /// Successful saves, replacements included.
    pub fn grading_save_count(&self) -> u64 {
        self.grading.saves.load(Ordering::Relaxed)
    }
}

pub(crate) fn snapshot(state: &SimState) -> Value {
    json!({
        "records": *state.grading.records.lock(),
        "record_count": state.grading_record_count(),
        "save_count": state.grading_save_count(),
    })
}

pub(crate) fn routes(state: &Arc<SimState>) -> Router {
    Router::new()
        .route(
            "/api/pick/volumeCollectData/save",
            api(state, ROUTE_SAVE, post(save)),
        )
        .with_state(state.clone())
}

fn answer(state: i32, msg: &str, res_body: Value) -> Json<Value> {
    Json(json!({ "state": state, "msg": msg, "resBody": res_body }))
}

fn fail(msg: &str) -> Json<Value> {
    answer(-1, msg, Value::Null)
}

async fn save(State(state): State<Arc<SimState>>, headers: HeaderMap, body: Bytes) -> Json<Value> {
    let datasource = headers
        .get(DATASOURCE_HEADER)
        .map(|v| String::from_utf8_lossy(v.as_bytes()).trim().to_string())
        .unwrap_or_default();
    if datasource.is_empty() {
        return fail(MSG_NO_DATASOURCE);
    }
    let record = match serde_json::from_slice::<Value>(&body) {
        Ok(Value::Object(map)) => map,
        _ => return fail(MSG_BAD_JSON),
    };
    if let Err(msg) = validate(&record) {
        return fail(&msg);
    }
    let barcode = text(&record, "barcode").unwrap_or_default();
    let mut records = state.grading.records.lock();
    // Journaled under the records lock, so the journal's order is the saves' order.
    state.journal(
        crate::journal::JOURNAL_GRADING_SAVE,
        json!({ "datasource": datasource, "barcode": barcode }),
    );
    records
        .entry(datasource)
        .or_default()
        .insert(barcode, Value::Object(record));
    drop(records);
    state.grading.saves.fetch_add(1, Ordering::Relaxed);
    answer(1, MSG_SAVED, json!([]))
}

/// A required text field: strings as they are, numbers in their text form;
/// `null`, blank and other types count as missing.
fn text(record: &Map<String, Value>, key: &str) -> Option<String> {
    match record.get(key)? {
        Value::String(s) if !s.trim().is_empty() => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn validate(record: &Map<String, Value>) -> Result<(), String> {
    for (key, name) in REQUIRED {
        if text(record, key).is_none() {
            return Err(format!("{name}不能为空"));
        }
    }
    let time = text(record, "testTime").unwrap_or_default();
    if !valid_test_time(&time) {
        return Err(MSG_BAD_TIME.to_string());
    }
    for (key, name) in NUMERIC {
        let ok = match record.get(key) {
            None | Some(Value::Null) | Some(Value::Number(_)) => true,
            Some(Value::String(s)) => s.trim().parse::<f64>().is_ok_and(f64::is_finite),
            Some(_) => false,
        };
        if !ok {
            return Err(format!("{name}必须为数值"));
        }
    }
    Ok(())
}

/// `yyyy-MM-dd HH:mm:ss`, zero-padded, and a real calendar time.
fn valid_test_time(s: &str) -> bool {
    static SHAPE: std::sync::OnceLock<Regex> = std::sync::OnceLock::new();
    let shape = SHAPE
        .get_or_init(|| Regex::new(r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$").expect("valid regex"));
    shape.is_match(s) && chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S").is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn test_time_format() {
        assert!(valid_test_time("2024-01-31 08:05:09"));
        assert!(!valid_test_time("2024-1-31 08:05:09"));
        assert!(!valid_test_time("2024-01-31T08:05:09"));
        assert!(!valid_test_time("2024-02-30 08:05:09"));
        assert!(!valid_test_time("2024-01-31 08:05:09.123"));
    }

    #[test]
    fn validation_order_and_messages() {
        let ok = json!({"batteryStation":"1","deviceCode":"D","barcode":"B","testTime":"2024-01-31 08:05:09","workStep":"3","voltage":3.2});
        let ok = ok.as_object().unwrap();
        assert_eq!(validate(ok), Ok(()));
        let mut m = ok.clone();
        m.remove("barcode");
        m.remove("workStep");
        assert_eq!(validate(&m), Err("电芯条码不能为空".into()));
        let mut m = ok.clone();
        m.insert("energy".into(), json!("abc"));
        assert_eq!(validate(&m), Err("能量必须为数值".into()));
        let mut m = ok.clone();
        m.insert("voltage".into(), json!("3.25"));
        assert_eq!(validate(&m), Ok(()));
    }
}
