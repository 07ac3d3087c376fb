//! Consumption (3.1–3.5): totals, time series, measurements and reports, computed from
//! the stored meters and machines with the model of [`super::model`].

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDateTime};
use serde_json::{json, Map, Value};

use super::envelope::{Answer, ErrNo, Reply};
use super::model::{self, buckets, fmt2, kind_name, noise, text_key, Meter, Step, Usage};
use super::params::{fmt_time, Params};
use super::route::{call, Call, Route, Verb};
use crate::SimState;

pub(super) static ROUTES: &[Route] = &[
    call(
        "energy.consumption.total",
        Verb::Get,
        "/api_3/allenergy",
        total,
    ),
    call(
        "energy.consumption.detail",
        Verb::Get,
        "/api_3/detailenergy",
        detail,
    ),
    call("energy.measure.query", Verb::Get, "/api_3/measure", measure),
    call(
        "energy.report.generate",
        Verb::Post,
        "/api_3/report",
        report,
    ),
    call(
        "energy.consumption.detail_report",
        Verb::Post,
        "/api_3/form_detailenergy",
        detail_report,
    ),
];

/// The parameters 3.1, 3.2, 3.4 and 3.5 share.
struct Query {
    start: NaiveDateTime,
    end: NaiveDateTime,
    step: Step,
    /// 1 by meter type, 2 by meter, 3 by machine, 4 by department.
    amount_type: String,
    /// For 3 and 4: 1 by meter type, 2 by meter.
    combination: String,
    names: Option<Vec<String>>,
    kinds: Option<Vec<String>>,
}

fn query(p: &Params) -> Result<Query, ErrNo> {
    let step = Step::from_params(p)?;
    let (start, end) = p.range()?;
    model::check_range(start, end)?;
    let amount_type = p.code("Amount_Type", &["1", "2", "3", "4"])?;
    let combination = match p.opt_str("Amount_Combination") {
        None => "1".to_string(),
        Some(c) if c == "1" || c == "2" => c,
        Some(_) => return Err(ErrNo::BAD_PARAMS),
    };
    let kinds = p.list("Amount_Value");
    if let Some(kinds) = &kinds {
        if kinds.iter().any(|k| model::kind_index(k).is_none()) {
            return Err(ErrNo::BAD_PARAMS);
        }
    }
    Ok(Query {
        start,
        end,
        step,
        amount_type,
        combination,
        names: p.list("Amount_SortName"),
        kinds,
    })
}

/// Meters summed into one answer row: (department, machine, meter, energy kind).
type Key = (String, String, String, String);

fn groups(state: &SimState, q: &Query) -> BTreeMap<Key, Vec<Meter>> {
    let mut out: BTreeMap<Key, Vec<Meter>> = BTreeMap::new();
    for m in model::meters(state) {
        if let Some(kinds) = &q.kinds {
            if !kinds.contains(&m.kind) {
                continue;
            }
        }
        let sort_name = match q.amount_type.as_str() {
            "2" => Some(&m.name),
            "3" => Some(&m.machine),
            "4" => Some(&m.department),
            _ => None,
        };
        if let (Some(names), Some(name)) = (&q.names, sort_name) {
            if !names.contains(name) {
                continue;
            }
        }
        let per_meter = (
            m.department.clone(),
            m.machine.clone(),
            m.name.clone(),
            m.kind.clone(),
        );
        let blank = String::new;
        let key = match (q.amount_type.as_str(), q.combination.as_str()) {
            ("1", _) => (blank(), blank(), blank(), m.kind.clone()),
            ("3", "1") => (
                m.department.clone(),
                m.machine.clone(),
                blank(),
                m.kind.clone(),
            ),
            ("4", "1") => (m.department.clone(), blank(), blank(), m.kind.clone()),
            _ => per_meter,
        };
        out.entry(key).or_default().push(m);
    }
    out
}

fn row(key: &Key) -> Map<String, Value> {
    let (department, machine, meter, kind) = key;
    let mut row = Map::new();
    row.insert("Meter_Department".into(), json!(department));
    row.insert("Meter_Superior".into(), json!(machine));
    row.insert("Meter_Name".into(), json!(meter));
    row.insert("Ene_Type".into(), json!(kind));
    row.insert("Ene_Name".into(), json!(kind_name(kind)));
    row
}

fn sum(usage: &Usage, meters: &[Meter], a: NaiveDateTime, b: NaiveDateTime) -> f64 {
    meters.iter().map(|m| usage.amount(m, a, b)).sum()
}

/// 3.1: one row per group with the total over the range.
fn total(state: &SimState, call: &Call) -> Reply {
    let q = query(&call.params)?;
    let usage = Usage::new(state);
    let rows = groups(state, &q)
        .iter()
        .map(|(key, meters)| {
            let mut r = row(key);
            r.insert(
                "Total_Amount".into(),
                json!(fmt2(sum(&usage, meters, q.start, q.end))),
            );
            Value::Object(r)
        })
        .collect();
    Ok(Answer::all(rows))
}

/// 3.2: one row per time bucket and group.
fn detail(state: &SimState, call: &Call) -> Reply {
    let q = query(&call.params)?;
    let usage = Usage::new(state);
    let groups = groups(state, &q);
    let mut rows = Vec::new();
    for (a, b) in buckets(q.start, q.end, q.step)? {
        for (key, meters) in &groups {
            let mut r = row(key);
            r.insert("Time".into(), json!(fmt_time(a)));
            r.insert(
                "Total_Amount".into(),
                json!(fmt2(sum(&usage, meters, a, b))),
            );
            rows.push(Value::Object(r));
        }
    }
    Ok(Answer::all(rows))
}

/// 3.3: the measurements of one meter at each bucket start. The document names the time
/// field `TIme` here and `Time` elsewhere; both are answered.
fn measure(state: &SimState, call: &Call) -> Reply {
    let p = &call.params;
    let step = Step::from_params(p)?;
    let name = p.str("Meter_Name")?;
    let (start, end) = p.range()?;
    let meter = model::meters(state)
        .into_iter()
        .find(|m| m.name == name)
        .ok_or(ErrNo::NO_DATA)?;
    let names = p.list("Measure_Name").unwrap_or_else(|| {
        meter
            .parameters
            .split(',')
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect()
    });
    let mut rows = Vec::new();
    for (a, _) in buckets(start, end, step)? {
        let time = fmt_time(a);
        for measure in &names {
            let base = match measure.chars().next() {
                Some('U') => 220.0,
                Some('I') => 12.0,
                Some('P') => 35.0,
                Some('F') => 50.0,
                _ => 1.0,
            };
            let jitter = noise(&[meter.id, text_key(measure), a.and_utc().timestamp() / 60]);
            let value = base * (0.98 + 0.04 * jitter);
            rows.push(json!({
                "Time": time,
                "TIme": time,
                "Measure_Name": measure,
                "Measure_Value": fmt2(value),
            }));
        }
    }
    Ok(Answer::all(rows))
}

/// 3.4: the report's file name (`Year_report2019.xlsx`, `Month_report2019_6.xlsx`,
/// `Day_report2019_6_12.xlsx`) from the start time.
fn report(_state: &SimState, call: &Call) -> Reply {
    let q = query(&call.params)?;
    let time_type = call.params.str("Time_Type")?;
    let s = q.start;
    let file = match time_type.as_str() {
        "1" => format!("Year_report{}.xlsx", s.year()),
        "2" => format!("Month_report{}_{}.xlsx", s.year(), s.month()),
        _ => format!("Day_report{}_{}_{}.xlsx", s.year(), s.month(), s.day()),
    };
    Ok(Answer::data(json!({ "File_Name": file })))
}

/// 3.5: per group, the shift totals and the bucket totals (`Detail_Amounts`).
fn detail_report(state: &SimState, call: &Call) -> Reply {
    let q = query(&call.params)?;
    let usage = Usage::new(state);
    let spans = buckets(q.start, q.end, q.step)?;
    let mut rows = Vec::new();
    for (key, meters) in groups(state, &q) {
        let mut r = row(&key);
        let (mut day, mut night) = (0.0, 0.0);
        for m in &meters {
            let (d, n) = usage.shifts(m, q.start, q.end);
            day += d;
            night += n;
        }
        r.insert(
            "Shift_Amounts".into(),
            json!([
                { "Shift_Name": "白班", "Shift_Amount": fmt2(day) },
                { "Shift_Name": "夜班", "Shift_Amount": fmt2(night) },
            ]),
        );
        let details: Vec<Value> = spans
            .iter()
            .map(|(a, b)| {
                json!({ "Time": fmt_time(*a), "Total_Amount": fmt2(sum(&usage, &meters, *a, *b)) })
            })
            .collect();
        r.insert("Detail_Amounts".into(), Value::Array(details));
        rows.push(Value::Object(r));
    }
    Ok(Answer::all(rows))
}
