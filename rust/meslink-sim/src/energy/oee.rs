//! OEE rules (7.1–7.4), status records (7.5) and status durations (7.6). A machine's
//! statuses are the `Status_Name`s of its rules (运行 / 待机 / 停机 without rules); the
//! machine cycles through them with fixed durations, so 7.5 and 7.6 agree.

use chrono::{DateTime, NaiveDateTime};
use serde_json::{json, Value};

use super::alarms::check_limits;
use super::collection::{check_ref, Op, Resource, Row};
use super::envelope::{Answer, ErrNo, Reply};
use super::model::{buckets, check_range, Step};
use super::params::{fmt_time, req, text_of, Field, Kind::*, TIME_TYPES};
use super::route::{call, crud_call, Call, Route, Verb};
use crate::SimState;

const RULES: &str = "/api_3/OEE_status_rules";

pub(super) static ROUTES: &[Route] = &[
    crud_call(
        "energy.oee_rules.list",
        Verb::Get,
        RULES,
        Op::List,
        &OEE_RULES,
    ),
    crud_call(
        "energy.oee_rules.create",
        Verb::Post,
        RULES,
        Op::Create,
        &OEE_RULES,
    ),
    crud_call(
        "energy.oee_rules.update",
        Verb::Put,
        RULES,
        Op::Update,
        &OEE_RULES,
    ),
    crud_call(
        "energy.oee_rules.delete",
        Verb::Delete,
        RULES,
        Op::Delete,
        &OEE_RULES,
    ),
    call(
        "energy.oee.records",
        Verb::Get,
        "/api_3/OEE_statistic_records",
        records,
    ),
    call(
        "energy.oee.statistics",
        Verb::Get,
        "/api_3/OEE_statistic",
        statistics,
    ),
];

pub(super) static OEE_RULES: Resource = Resource {
    name: "oee_rules",
    store: |d| &d.oee_rules,
    create: FIELDS,
    update: FIELDS,
    filters: &["Meter_Superior_id"],
    unique: None,
    check: Some(check),
    view: None,
    stamp: None,
};

/// `Meter_Superior_id` is str in 7.1/7.2 and int in 7.3; both accept either.
const FIELDS: &[Field] = &[
    req("Rule_Name", Str),
    req("Status_Name", Str),
    req("Meter_id", Int),
    req("Meter_Parameter", Str),
    req("LowerLimit", Float),
    req("UpperLimit", Float),
    req("Meter_Superior_id", Int),
];

fn check(state: &SimState, row: &Row) -> Result<(), ErrNo> {
    check_ref(&state.energy.machines, row, "Meter_Superior_id")?;
    check_limits(state, row)
}

const DEFAULT_STATUSES: [&str; 3] = ["运行", "待机", "停机"];
/// Minutes each status lasts, in rule order; statuses past the third last 20 minutes.
const DURATIONS: [i64; 3] = [150, 60, 30];

/// A machine's statuses and their durations in seconds.
fn statuses(state: &SimState, machine: i64) -> Vec<(String, i64)> {
    let mut names: Vec<String> = Vec::new();
    for rule in state.energy.oee_rules.all() {
        if rule.get("Meter_Superior_id").and_then(Value::as_i64) == Some(machine) {
            let name = rule
                .get("Status_Name")
                .and_then(text_of)
                .unwrap_or_default();
            if !names.contains(&name) {
                names.push(name);
            }
        }
    }
    if names.is_empty() {
        names = DEFAULT_STATUSES.iter().map(|s| s.to_string()).collect();
    }
    names
        .into_iter()
        .enumerate()
        .map(|(i, n)| (n, DURATIONS.get(i).copied().unwrap_or(20) * 60))
        .collect()
}

fn secs(t: NaiveDateTime) -> i64 {
    t.and_utc().timestamp()
}

fn time_of(secs: i64) -> NaiveDateTime {
    DateTime::from_timestamp(secs, 0)
        .map(|t| t.naive_utc())
        .unwrap_or_default()
}

/// `(from, to, status index)` segments covering `[start, end)` (Unix seconds).
fn timeline(
    statuses: &[(String, i64)],
    machine: i64,
    start: i64,
    end: i64,
) -> Vec<(i64, i64, usize)> {
    let cycle: i64 = statuses.iter().map(|(_, d)| d).sum();
    let offset = machine * 17 * 60;
    let mut out = Vec::new();
    let mut t = start;
    while t < end && cycle > 0 {
        let pos = (t + offset).rem_euclid(cycle);
        let mut boundary = 0;
        for (i, (_, d)) in statuses.iter().enumerate() {
            boundary += d;
            if pos < boundary {
                let next = t + (boundary - pos);
                out.push((t, next.min(end), i));
                t = next;
                break;
            }
        }
    }
    out
}

fn machine_param(state: &SimState, call: &Call) -> Result<i64, ErrNo> {
    let id = call.params.int("Meter_Superior_id")?;
    if !state.energy.machines.contains(id) {
        return Err(ErrNo::NO_DATA);
    }
    Ok(id)
}

/// 7.5: the status at the start, then one record per switch; at most 24 hours.
fn records(state: &SimState, call: &Call) -> Reply {
    let (start, end) = call.params.range()?;
    if (end - start).num_seconds() > 24 * 3600 {
        return Err(ErrNo::BAD_PARAMS);
    }
    let machine = machine_param(state, call)?;
    let statuses = statuses(state, machine);
    let rows = timeline(&statuses, machine, secs(start), secs(end))
        .into_iter()
        .map(
            |(from, _, i)| json!({ "Time": fmt_time(time_of(from)), "Status_Name": statuses[i].0 }),
        )
        .collect();
    Ok(Answer::all(rows))
}

/// 7.6: seconds per status, over the range (`Return_Format` 1) or per bucket (2).
fn statistics(state: &SimState, call: &Call) -> Reply {
    let p = &call.params;
    let time_type = p.checked_text("Time_Type", TIME_TYPES)?;
    let (start, end) = p.range()?;
    check_range(start, end)?;
    let format = p.checked_int("Return_Format", IntIn(1, 2))?;
    let machine = machine_param(state, call)?;
    let statuses = statuses(state, machine);
    let spans = if format == 1 {
        vec![(start, end)]
    } else {
        buckets(start, end, Step::of(&time_type, None)?)?
    };
    let segments = timeline(&statuses, machine, secs(start), secs(end));
    let mut rows = Vec::new();
    for (a, b) in spans {
        let (a_s, b_s) = (secs(a), secs(b));
        // Segments are sorted and contiguous: start at the first one ending after `a`.
        let first = segments.partition_point(|(_, to, _)| *to <= a_s);
        let mut totals = vec![0i64; statuses.len()];
        for (from, to, i) in segments[first..]
            .iter()
            .take_while(|(from, _, _)| *from < b_s)
        {
            totals[*i] += ((*to).min(b_s) - (*from).max(a_s)).max(0);
        }
        for ((name, _), total) in statuses.iter().zip(totals) {
            rows.push(json!({ "Time": fmt_time(a), "Status_Name": name, "Total_Amount": total }));
        }
    }
    Ok(Answer::all(rows))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timeline_covers_the_range() {
        let statuses = vec![("a".to_string(), 600), ("b".to_string(), 300)];
        let segs = timeline(&statuses, 1, 1000, 5000);
        assert_eq!(segs.first().unwrap().0, 1000);
        assert_eq!(segs.last().unwrap().1, 5000);
        for w in segs.windows(2) {
            assert_eq!(w[0].1, w[1].0);
            assert_ne!(w[0].2, w[1].2);
        }
    }
}
