//! Provinces and their cities (9.2).

use serde_json::{json, Value};

use super::envelope::{Answer, Reply};
use super::route::{call, Call, Route, Verb};
use crate::SimState;

pub(super) static ROUTES: &[Route] = &[call(
    "energy.regions.list",
    Verb::Get,
    "/api_3/province_city_list",
    list,
)];

const PROVINCES: &[(&str, &[&str])] = &[
    ("北京市", &["北京市"]),
    ("江苏省", &["南京市", "苏州市", "无锡市", "常州市"]),
    ("浙江省", &["杭州市", "宁波市", "绍兴市"]),
    ("河南省", &["郑州市", "洛阳市", "平顶山市"]),
    ("广东省", &["广州市", "深圳市", "佛山市"]),
];

fn list(_state: &SimState, _call: &Call) -> Reply {
    let rows: Vec<Value> = PROVINCES
        .iter()
        .map(|(province, cities)| {
            let cities: Vec<Value> = cities.iter().map(|c| json!({ "City_Name": c })).collect();
            json!({ "Province_Name": province, "City_List": cities })
        })
        .collect();
    Ok(Answer::all(rows))
}
