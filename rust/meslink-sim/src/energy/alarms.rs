//! Alarms (6.1–6.4), alarm rules (6.5–6.8), alarm messages (6.9) and their counts (6.10).
//! Messages are derived from the stored rules: every rule fires once a day at an hour of
//! its own, so 6.9 and 6.10 agree with each other and with what was configured.

use chrono::{Duration, NaiveDateTime, NaiveTime};
use serde_json::{json, Value};

use super::collection::{check_ref, Op, Resource, Row};
use super::envelope::{Answer, ErrNo, Reply};
use super::model::{self, buckets, noise, Step};
use super::params::{fmt_time, opt, paginate, req, text_of, Field, Kind::*, Params, TIME_TYPES};
use super::route::{call, crud_call, Call, Route, Verb};
use crate::SimState;

const STATUS: &str = "/api_3/alarm_status";
const RULES: &str = "/api_3/alarm_status_rules";

pub(super) static ROUTES: &[Route] = &[
    crud_call("energy.alarms.list", Verb::Get, STATUS, Op::List, &ALARMS),
    crud_call(
        "energy.alarms.create",
        Verb::Post,
        STATUS,
        Op::Create,
        &ALARMS,
    ),
    crud_call(
        "energy.alarms.update",
        Verb::Put,
        STATUS,
        Op::Update,
        &ALARMS,
    ),
    crud_call(
        "energy.alarms.delete",
        Verb::Delete,
        STATUS,
        Op::Delete,
        &ALARMS,
    ),
    crud_call(
        "energy.alarm_rules.list",
        Verb::Get,
        RULES,
        Op::List,
        &ALARM_RULES,
    ),
    crud_call(
        "energy.alarm_rules.create",
        Verb::Post,
        RULES,
        Op::Create,
        &ALARM_RULES,
    ),
    crud_call(
        "energy.alarm_rules.update",
        Verb::Put,
        RULES,
        Op::Update,
        &ALARM_RULES,
    ),
    crud_call(
        "energy.alarm_rules.delete",
        Verb::Delete,
        RULES,
        Op::Delete,
        &ALARM_RULES,
    ),
    // 6.9 reads records but is documented as DELETE; served as documented.
    call(
        "energy.alarm_messages.list",
        Verb::Delete,
        "/api_3/alarm_message",
        messages,
    ),
    call(
        "energy.alarms.statistics",
        Verb::Get,
        "/api_3/alarm_statistic_nums",
        statistics,
    ),
];

pub(super) static ALARMS: Resource = Resource {
    name: "alarms",
    store: |d| &d.alarms,
    create: ALARM_FIELDS,
    update: ALARM_FIELDS,
    filters: &[],
    unique: None,
    check: None,
    view: None,
    stamp: None,
};

/// Type 1 hourly energy, 2 instantaneous parameter; level 1–3; notify 1–4.
const ALARM_FIELDS: &[Field] = &[
    req("Alarm_Name", Str),
    req("Alarm_Type", IntIn(1, 2)),
    req("Alarm_Level", IntIn(1, 3)),
    req("Alarm_Notify", IntIn(1, 4)),
    req("Notify_Address", Str),
];

pub(super) static ALARM_RULES: Resource = Resource {
    name: "alarm_rules",
    store: |d| &d.alarm_rules,
    create: RULE_FIELDS,
    update: RULE_FIELDS,
    filters: &["Alarm_id"],
    unique: None,
    check: Some(check_rule),
    view: None,
    stamp: None,
};

const RULE_FIELDS: &[Field] = &[
    req("Rule_Name", Str),
    req("Alarm_id", Int),
    req("Meter_id", Int),
    opt("Meter_Parameter", Str),
    req("LowerLimit", Float),
    req("UpperLimit", Float),
];

/// The alarm and meter must exist; the limits must not be reversed.
pub(super) fn check_limits(state: &SimState, row: &Row) -> Result<(), ErrNo> {
    check_ref(&state.energy.meters, row, "Meter_id")?;
    let limit = |name: &str| row.get(name).and_then(Value::as_f64);
    match (limit("LowerLimit"), limit("UpperLimit")) {
        (Some(lo), Some(hi)) if lo > hi => Err(ErrNo::BAD_PARAMS),
        _ => Ok(()),
    }
}

fn check_rule(state: &SimState, row: &Row) -> Result<(), ErrNo> {
    check_ref(&state.energy.alarms, row, "Alarm_id")?;
    check_limits(state, row)
}

/// One derived alarm message.
struct Message {
    id: i64,
    time: NaiveDateTime,
    level: i64,
    kind: i64,
    notify: i64,
    row: Value,
}

fn int(row: &Row, name: &str) -> i64 {
    row.get(name).and_then(Value::as_i64).unwrap_or_default()
}

fn text(row: &Row, name: &str) -> String {
    row.get(name).and_then(text_of).unwrap_or_default()
}

/// The messages of every rule with an existing alarm and meter, in `[start, end)`.
fn derive(
    state: &SimState,
    start: NaiveDateTime,
    end: NaiveDateTime,
) -> Result<Vec<Message>, ErrNo> {
    model::check_range(start, end)?;
    let e = &state.energy;
    let mut out = Vec::new();
    for rule in e.alarm_rules.all() {
        let (Some(alarm), Some(meter)) = (
            e.alarms.get(int(&rule, "Alarm_id")),
            e.meters.get(int(&rule, "Meter_id")),
        ) else {
            continue;
        };
        let rule_id = int(&rule, "id");
        let machine = e
            .machines
            .get(int(&meter, "Meter_Superior_id"))
            .map(|m| text(&m, "Meter_Superior"))
            .unwrap_or_default();
        let lo = rule
            .get("LowerLimit")
            .and_then(Value::as_f64)
            .unwrap_or(0.0);
        let hi = rule
            .get("UpperLimit")
            .and_then(Value::as_f64)
            .unwrap_or(0.0);
        let kind = int(&alarm, "Alarm_Type");
        let at = Duration::hours((rule_id * 7).rem_euclid(24)) + Duration::minutes(13);
        let mut day = start.date();
        while day.and_time(NaiveTime::MIN) < end {
            let time = day.and_time(NaiveTime::MIN) + at;
            if start <= time && time < end {
                let days = time.and_utc().timestamp().div_euclid(86_400);
                let value = hi + 1.0 + 10.0 * noise(&[rule_id, days]);
                let subject = match kind {
                    2 => text(&rule, "Meter_Parameter"),
                    _ => "每小时累计能耗".to_string(),
                };
                let content = format!("{subject} = {value:.2} 超出范围 [{lo}, {hi}]");
                let id = days * 1000 + rule_id;
                out.push(Message {
                    id,
                    time,
                    level: int(&alarm, "Alarm_Level"),
                    kind,
                    notify: int(&alarm, "Alarm_Notify"),
                    row: json!({
                        "id": id,
                        "Alarm_Name": text(&alarm, "Alarm_Name"),
                        "Rule_Name": text(&rule, "Rule_Name"),
                        "Meter_Name": text(&meter, "Meter_Name"),
                        "Meter_Superior": machine,
                        "Alarm_Type": kind,
                        "Alarm_Level": int(&alarm, "Alarm_Level"),
                        "Alarm_Content": content,
                        "Alarm_Time": fmt_time(time),
                    }),
                });
            }
            match day.succ_opt() {
                Some(next) => day = next,
                None => break,
            }
        }
    }
    out.sort_by_key(|m| (m.time, m.id));
    Ok(out)
}

/// 6.9: filtered by meter, machine, type, level and rule name, one page at a time.
fn messages(state: &SimState, call: &Call) -> Reply {
    let p: &Params = &call.params;
    let (start, end) = p.range()?;
    let filters = [
        "Meter_Name",
        "Meter_Superior",
        "Alarm_Type",
        "Alarm_Level",
        "Rule_Name",
    ];
    for typed in ["Alarm_Type", "Alarm_Level"] {
        p.opt_int(typed)?;
    }
    let rows: Vec<Value> = derive(state, start, end)?
        .into_iter()
        .map(|m| m.row)
        .filter(|row| {
            filters.iter().all(|f| match p.opt_str(f) {
                None => true,
                Some(want) => row.get(*f).and_then(text_of).as_deref() == Some(want.as_str()),
            })
        })
        .collect();
    let (page, total) = paginate(rows, p)?;
    Ok(Answer::list(page, total))
}

/// 6.10: message counts per bucket (one bucket for `Return_Format` 1, hours of a day,
/// days of a month or months of a year for 2), split by level, type or notification.
fn statistics(state: &SimState, call: &Call) -> Reply {
    let p = &call.params;
    let time_type = p.checked_text("Time_Type", TIME_TYPES)?;
    let (start, end) = p.range()?;
    let method = p.checked_int("Statistic_Method", IntIn(0, 3))?;
    let format = p.checked_int("Return_Format", IntIn(1, 2))?;
    let all = derive(state, start, end)?;
    let spans = if format == 1 {
        vec![(start, end)]
    } else {
        buckets(start, end, Step::of(&time_type, None)?)?
    };
    let (field, values): (&str, Vec<i64>) = match method {
        1 => ("Alarm_Level", (1..=3).collect()),
        2 => ("Alarm_Type", (1..=2).collect()),
        3 => ("Alarm_Notify", (1..=4).collect()),
        _ => ("", vec![0]),
    };
    let mut rows = Vec::new();
    for (a, b) in spans {
        // Messages are sorted by time.
        let first = all.partition_point(|m| m.time < a);
        let in_span: Vec<&Message> = all[first..].iter().take_while(|m| m.time < b).collect();
        for value in &values {
            let count = in_span
                .iter()
                .filter(|m| match method {
                    1 => m.level == *value,
                    2 => m.kind == *value,
                    3 => m.notify == *value,
                    _ => true,
                })
                .count();
            let mut row = json!({ "Time": fmt_time(a), "Total_Amount": count });
            if !field.is_empty() {
                row[field] = json!(value);
            }
            rows.push(row);
        }
    }
    Ok(Answer::all(rows))
}
