//! The provincial energy platform link (5.1–5.8): base data, the organisation's data,
//! version data, manually filled values and their upload records.

use std::collections::BTreeMap;

use serde_json::{json, Map, Value};

use super::collection::Row;
use super::envelope::{Answer, ErrNo, Reply};
use super::params::{fmt_time, parse_time, req, text_of, Kind, ENERGY_KINDS};
use super::route::{call, Call, Route, Verb};
use crate::SimState;

pub(super) static ROUTES: &[Route] = &[
    call(
        "energy.prp.base_infos",
        Verb::Get,
        "/api_3/PRP_base_infos",
        base_infos,
    ),
    call(
        "energy.prp.organization.upload",
        Verb::Put,
        ORGANIZATION,
        upload_organization,
    ),
    call(
        "energy.prp.organization.get",
        Verb::Get,
        ORGANIZATION,
        get_organization,
    ),
    call("energy.prp.version.get", Verb::Get, VERSION, get_version),
    call(
        "energy.prp.version.update",
        Verb::Post,
        VERSION,
        update_version,
    ),
    call(
        "energy.prp.manual_data.add",
        Verb::Post,
        "/api_3/PRP_manual_energy_measure_datas",
        add_manual_data,
    ),
    call(
        "energy.prp.uploaded_data.list",
        Verb::Get,
        "/api_3/PRP_uploaded_energy_measure_datas",
        uploaded_data,
    ),
    call(
        "energy.prp.operation_result",
        Verb::Get,
        "/api_3/PRP_operation_result",
        operation_result,
    ),
];

const ORGANIZATION: &str = "/api_3/PRP_organization_infos";
const VERSION: &str = "/api_3/PRP_version";
/// Where the simulated platform "uploads" to (shown in the upload records).
const TARGET_URL: &str = "/prp/api/energy/measure/upload";

/// What the platform link keeps.
pub(crate) struct Prp {
    pub organization: Value,
    pub version: Row,
    /// Operation type (1 organisation upload, 2 version update) → (result, response).
    pub results: BTreeMap<i64, (i64, String)>,
}

impl Default for Prp {
    fn default() -> Self {
        let version = json!({
            "regVersion": "1.0.0",
            "dicVersion": "20190601",
            "requireUpdate": 1,
            "deviceID": "EXC-SIM-0001",
            "enterpriseCode": "",
            "region": "",
        });
        Prp {
            organization: json!({
                "collectItemConfig": [],
                "enterprise": {},
                "group": {},
                "process": [],
                "processUnit": [],
            }),
            version: version.as_object().cloned().unwrap_or_default(),
            results: BTreeMap::new(),
        }
    }
}

fn base_infos(_state: &SimState, _call: &Call) -> Reply {
    Ok(Answer::data(json!({
        "collectSystemType": [
            { "code": "1", "name": "管理信息系统" },
            { "code": "2", "name": "生产监控管理系统" },
            { "code": "3", "name": "分布式控制系统" },
            { "code": "4", "name": "现场仪表" },
            { "code": "5", "name": "人工填报" },
        ],
        "collectItemUsage": [
            { "code": "11", "name": "购进已消费" },
            { "code": "12", "name": "加工转换投入" },
            { "code": "13", "name": "回收利用" },
            { "code": "21", "name": "外供" },
        ],
        "collectItem": [
            { "code": "023300", "name": "电力", "unit": "千瓦时", "zbckz": "0.1229" },
            { "code": "013300", "name": "原煤", "unit": "吨", "zbckz": "0.7143" },
            { "code": "033300", "name": "天然气", "unit": "万立方米", "zbckz": "12.1430" },
            { "code": "043300", "name": "蒸汽", "unit": "吨", "zbckz": "0.1286" },
            { "code": "053300", "name": "自来水", "unit": "吨", "zbckz": "0.0857" },
        ],
    })))
}

/// Members every `collectItemConfig` element and the `enterprise` must carry.
const CONFIG_REQUIRED: [&str; 5] = [
    "Energy_Code",
    "dataUsageCode",
    "inputType",
    "statType",
    "scope",
];
const ENTERPRISE_REQUIRED: [&str; 10] = [
    "name",
    "typeCode",
    "industryCode",
    "regionCode",
    "center",
    "jgzh",
    "energyConsumeLevel",
    "latitude",
    "longitude",
    "phone",
];

fn has_all(obj: &Map<String, Value>, names: &[&str]) -> bool {
    names
        .iter()
        .all(|n| !matches!(obj.get(*n), None | Some(Value::Null)))
}

/// 5.2: `enterprise` and `group` are typed List but shown as objects; both are accepted.
fn upload_organization(state: &SimState, call: &Call) -> Reply {
    let p = &call.params;
    let mut org = Map::new();
    for (name, required) in [
        ("collectItemConfig", true),
        ("enterprise", true),
        ("group", true),
        ("process", false),
        ("processUnit", false),
    ] {
        let field = if required {
            req(name, Kind::Json)
        } else {
            super::params::opt(name, Kind::Json)
        };
        let value = p.field(&field)?.unwrap_or(Value::Array(Vec::new()));
        org.insert(name.into(), value);
    }
    let configs = org["collectItemConfig"]
        .as_array()
        .ok_or(ErrNo::BAD_PARAMS)?;
    for config in configs {
        let config = config.as_object().ok_or(ErrNo::BAD_PARAMS)?;
        if !has_all(config, &CONFIG_REQUIRED) {
            return Err(ErrNo::BAD_PARAMS);
        }
        if let Some(meter) = config.get("Meter_id").and_then(text_of) {
            let id = meter.parse::<i64>().map_err(|_| ErrNo::BAD_PARAMS)?;
            if !state.energy.meters.contains(id) {
                return Err(ErrNo::BAD_DATA);
            }
        }
    }
    let enterprise_ok = match &org["enterprise"] {
        Value::Object(e) => has_all(e, &ENTERPRISE_REQUIRED),
        Value::Array(list) => list.iter().all(|e| {
            e.as_object()
                .is_some_and(|e| has_all(e, &ENTERPRISE_REQUIRED))
        }),
        _ => false,
    };
    if !enterprise_ok {
        return Err(ErrNo::BAD_PARAMS);
    }
    let mut prp = state.energy.prp.lock();
    prp.organization = Value::Object(org);
    prp.results
        .insert(1, (1, r#"{"code": 0, "msg": "success"}"#.to_string()));
    Ok(Answer::ok())
}

fn get_organization(state: &SimState, _call: &Call) -> Reply {
    Ok(Answer::data(state.energy.prp.lock().organization.clone()))
}

fn get_version(state: &SimState, _call: &Call) -> Reply {
    Ok(Answer::data(Value::Object(
        state.energy.prp.lock().version.clone(),
    )))
}

/// 5.5: `region` is a six-digit county code.
fn update_version(state: &SimState, call: &Call) -> Reply {
    let code = call.params.str("enterpriseCode")?;
    let region = call.params.str("region")?;
    if region.len() != 6 || !region.bytes().all(|b| b.is_ascii_digit()) {
        return Err(ErrNo::BAD_PARAMS);
    }
    let today = chrono::Local::now().format("%Y%m%d").to_string();
    let mut prp = state.energy.prp.lock();
    prp.version.insert("enterpriseCode".into(), json!(code));
    prp.version.insert("region".into(), json!(region));
    prp.version.insert("dicVersion".into(), json!(today));
    prp.version.insert("requireUpdate".into(), json!(0));
    prp.results.insert(
        2,
        (1, r#"{"code": 0, "msg": "version updated"}"#.to_string()),
    );
    Ok(Answer::ok())
}

/// 5.6: stores the value (it drives the consumption of hand-filled meters) and the
/// record of its upload (5.7).
fn add_manual_data(state: &SimState, call: &Call) -> Reply {
    let fields = [
        req("Meter_id", Kind::Int),
        req("Date_Time", Kind::DateTime),
        req("Date_Type", Kind::StrIn(&["2", "3"])),
        req("Data_Amount", Kind::Float),
    ];
    let row = call.params.take(&fields, false)?;
    let meter = row["Meter_id"].as_i64().unwrap_or_default();
    let meter_row = state.energy.meters.get(meter).ok_or(ErrNo::BAD_DATA)?;
    let id = state.energy.manual_data.insert(row.clone(), None)?;
    state.journal(
        crate::journal::JOURNAL_ENERGY_MANUAL,
        json!({ "id": id, "row": row }),
    );
    let energy_code = meter_row
        .get("Meter_Type")
        .and_then(text_of)
        .filter(|k| super::params::normalize(ENERGY_KINDS, &json!(k)).is_some())
        .unwrap_or_default();
    let mut upload = Row::new();
    upload.insert(
        "Original_Data".into(),
        json!({
            "Meter_id": meter,
            "Data_id": id,
            "Energy_Type": energy_code,
            "Date_Time": row["Date_Time"],
            "Date_Type": row["Date_Type"],
            "Data_Amount": row["Data_Amount"],
        }),
    );
    upload.insert("Target_Url".into(), json!(TARGET_URL));
    upload.insert(
        "Response_Data".into(),
        json!({ "code": 0, "msg": "上传成功" }),
    );
    upload.insert(
        "Upload_Time".into(),
        json!(fmt_time(chrono::Local::now().naive_local())),
    );
    state.energy.uploads.insert(upload, None)?;
    Ok(Answer::data(json!({ "id": id })))
}

/// 5.7: the upload records whose upload time is within the range.
fn uploaded_data(state: &SimState, call: &Call) -> Reply {
    let (start, end) = call.params.range()?;
    let rows = state
        .energy
        .uploads
        .all()
        .into_iter()
        .filter(|r| {
            r.get("Upload_Time")
                .and_then(text_of)
                .and_then(|t| parse_time(&t))
                .is_some_and(|t| start <= t && t <= end)
        })
        .map(Value::Object)
        .collect();
    Ok(Answer::all(rows))
}

/// 5.8: the outcome of the last operation of the type; `Result` 0 before any.
fn operation_result(state: &SimState, call: &Call) -> Reply {
    let kind = call
        .params
        .checked_int("Operation_Type", Kind::IntIn(1, 2))?;
    let (result, response) = state
        .energy
        .prp
        .lock()
        .results
        .get(&kind)
        .cloned()
        .unwrap_or((
            0,
            r#"{"code": -1, "msg": "no such operation yet"}"#.to_string(),
        ));
    Ok(Answer::data(
        json!({ "Result": result, "Response_Data": response }),
    ))
}
