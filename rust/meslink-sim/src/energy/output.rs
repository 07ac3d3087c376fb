//! Product output (8.5–8.8) and its statistics (8.9), shared with the batch statistics
//! (8.14): output, energy used by the output's machine while producing it (from the
//! consumption model), energy per unit, and units per hour.

use std::collections::BTreeMap;

use chrono::NaiveDateTime;
use serde_json::{json, Value};

use super::collection::{check_ref, copy_ref, Op, Resource, Row};
use super::envelope::{Answer, ErrNo, Reply};
use super::model::{self, buckets, check_range, kind_index, round2, Step, Usage, COAL_FACTORS};
use super::params::{fmt_time, parse_time, req, text_of, Field, Kind::*, Params, TIME_TYPES};
use super::route::{call, crud_call, Call, Route, Verb};
use crate::SimState;

const PATH: &str = "/api_3/product_output";

pub(super) static ROUTES: &[Route] = &[
    crud_call(
        "energy.product_output.list",
        Verb::Get,
        PATH,
        Op::List,
        &OUTPUTS,
    ),
    crud_call(
        "energy.product_output.create",
        Verb::Post,
        PATH,
        Op::Create,
        &OUTPUTS,
    ),
    crud_call(
        "energy.product_output.update",
        Verb::Put,
        PATH,
        Op::Update,
        &OUTPUTS,
    ),
    crud_call(
        "energy.product_output.delete",
        Verb::Delete,
        PATH,
        Op::Delete,
        &OUTPUTS,
    ),
    call(
        "energy.product_output.statistics",
        Verb::Get,
        "/api_3/product_output_energy_statistic",
        statistics,
    ),
];

/// 8.6–8.8 document their parameters under "返回参数"; they are the request's. The list
/// also shows the product, machine and batch names it filters on.
pub(super) static OUTPUTS: Resource = Resource {
    name: "product_output",
    store: |d| &d.outputs,
    create: FIELDS,
    update: FIELDS,
    filters: &["Production_Batch", "Product_Name"],
    unique: None,
    check: Some(check),
    view: Some(view),
    stamp: Some("Create_Time"),
};

const FIELDS: &[Field] = &[
    req("Product_id", Int),
    req("Total_Amount", Int),
    req("Meter_Superior_id", Int),
    req("Time_Start", DateTime),
    req("Time_End", DateTime),
    req("ProductBatch_id", Int),
];

fn check(state: &SimState, row: &Row) -> Result<(), ErrNo> {
    let e = &state.energy;
    check_ref(&e.products, row, "Product_id")?;
    check_ref(&e.machines, row, "Meter_Superior_id")?;
    check_ref(&e.batches, row, "ProductBatch_id")?;
    super::batches::check(state, row)
}

fn view(state: &SimState, row: &mut Row) {
    let e = &state.energy;
    copy_ref(
        &e.products,
        row,
        "Product_id",
        &[("Product_Name", "Product_Name")],
    );
    copy_ref(
        &e.machines,
        row,
        "Meter_Superior_id",
        &[("Meter_Superior", "Meter_Superior")],
    );
    copy_ref(
        &e.batches,
        row,
        "ProductBatch_id",
        &[("Production_Batch", "Production_Batch")],
    );
}

/// One stored output with its names resolved.
pub(super) struct Output {
    pub id: i64,
    pub product: String,
    pub machine_id: i64,
    pub machine: String,
    pub batch: String,
    pub amount: f64,
    pub start: NaiveDateTime,
    pub end: NaiveDateTime,
}

/// The stored outputs, filtered by the `Product_Name` and `Meter_Superior` parameters.
pub(super) fn outputs(state: &SimState, p: &Params) -> Vec<Output> {
    let (product, machine) = (p.opt_str("Product_Name"), p.opt_str("Meter_Superior"));
    OUTPUTS
        .rows(state)
        .iter()
        .filter_map(|r| {
            let text = |n: &str| r.get(n).and_then(text_of).unwrap_or_default();
            Some(Output {
                id: r.get("id")?.as_i64()?,
                product: text("Product_Name"),
                machine_id: r.get("Meter_Superior_id")?.as_i64()?,
                machine: text("Meter_Superior"),
                batch: text("Production_Batch"),
                amount: r.get("Total_Amount")?.as_f64()?,
                start: parse_time(&text("Time_Start"))?,
                end: parse_time(&text("Time_End"))?,
            })
        })
        .filter(|o| product.as_ref().map_or(true, |p| *p == o.product))
        .filter(|o| machine.as_ref().map_or(true, |m| *m == o.machine))
        .collect()
}

/// What a statistic reports and how its rows are ordered and cut.
pub(super) struct Stat {
    /// 1 output, 2 energy of one kind, 3 comprehensive energy, 4 and 5 the same per unit,
    /// 6 units per hour (8.14 only).
    amount_type: i64,
    energy: Option<String>,
    /// Ascending (`Order_Type` 1) or descending (2), when `Is_Order` is 1.
    ascending: Option<bool>,
    limit: Option<usize>,
}

impl Stat {
    pub fn from_params(p: &Params, max_amount_type: i64) -> Result<Stat, ErrNo> {
        let amount_type = p.checked_int("Amount_Type", IntIn(1, max_amount_type))?;
        let energy = p.opt_str("Energy_Type");
        match &energy {
            Some(kind) if kind_index(kind).is_none() => return Err(ErrNo::BAD_PARAMS),
            None if amount_type == 2 || amount_type == 4 => return Err(ErrNo::BAD_PARAMS),
            _ => {}
        }
        let order = p.opt_int("Is_Order")?.unwrap_or(0);
        let order_type = p.opt_int("Order_Type")?.unwrap_or(1);
        if !(0..=1).contains(&order) || !(1..=2).contains(&order_type) {
            return Err(ErrNo::BAD_PARAMS);
        }
        let limit = match p.opt_int("Limit")? {
            Some(n) if n < 0 => return Err(ErrNo::BAD_PARAMS),
            n => n.map(|n| n as usize),
        };
        Ok(Stat {
            amount_type,
            energy,
            ascending: (order == 1).then_some(order_type == 1),
            limit,
        })
    }

    /// Sorts by `Total_Amount` when asked and applies `Limit`.
    pub fn finish(&self, mut rows: Vec<Value>) -> Vec<Value> {
        if let Some(ascending) = self.ascending {
            let amount = |r: &Value| r["Total_Amount"].as_f64().unwrap_or(0.0);
            rows.sort_by(|a, b| {
                let o = amount(a).total_cmp(&amount(b));
                if ascending {
                    o
                } else {
                    o.reverse()
                }
            });
        }
        if let Some(limit) = self.limit {
            rows.truncate(limit);
        }
        rows
    }
}

/// Energy the output's machine used while producing it: one kind, or all kinds in kgce.
fn energy_of(usage: &Usage, meters: &[model::Meter], o: &Output, kind: Option<&str>) -> f64 {
    meters
        .iter()
        .filter(|m| m.machine_id == o.machine_id)
        .filter_map(|m| {
            let factor = match kind {
                Some(k) if m.kind == k => 1.0,
                Some(_) => return None,
                None => COAL_FACTORS[kind_index(&m.kind)?],
            };
            Some(usage.amount(m, o.start, o.end) * factor)
        })
        .sum()
}

/// The statistic per key over the keyed outputs, in key order.
pub(super) fn aggregate<K: Ord>(
    state: &SimState,
    items: impl Iterator<Item = (K, Output)>,
    stat: &Stat,
) -> Vec<(K, Value)> {
    let usage = Usage::new(state);
    let meters = model::meters(state);
    let kind = match stat.amount_type {
        2 | 4 => stat.energy.as_deref(),
        _ => None,
    };
    // key -> (units, energy, hours)
    let mut sums: BTreeMap<K, (f64, f64, f64)> = BTreeMap::new();
    for (key, o) in items {
        let energy = match stat.amount_type {
            2..=5 => energy_of(&usage, &meters, &o, kind),
            _ => 0.0,
        };
        let hours = (o.end - o.start).num_seconds().max(0) as f64 / 3600.0;
        let s = sums.entry(key).or_insert((0.0, 0.0, 0.0));
        s.0 += o.amount;
        s.1 += energy;
        s.2 += hours;
    }
    let ratio = |a: f64, b: f64| if b > 0.0 { a / b } else { 0.0 };
    sums.into_iter()
        .map(|(key, (units, energy, hours))| {
            let v = match stat.amount_type {
                1 => units,
                2 | 3 => energy,
                4 | 5 => ratio(energy, units),
                _ => ratio(units, hours),
            };
            (key, round2(v))
        })
        .collect()
}

/// 8.9: outputs starting in the range, per output (0), product (1) or machine (2), over
/// the range (`Return_Format` 1) or per bucket of their start time (2).
fn statistics(state: &SimState, call: &Call) -> Reply {
    let p = &call.params;
    let time_type = p.checked_text("Time_Type", TIME_TYPES)?;
    let (start, end) = p.range()?;
    check_range(start, end)?;
    let summary = p.checked_int("Summary_Type", IntIn(0, 2))?;
    let format = p.checked_int("Return_Format", IntIn(1, 2))?;
    let mut stat = Stat::from_params(p, 5)?;
    if format == 2 {
        // Sorting is documented for Return_Format 1 only.
        stat.ascending = None;
    }
    let spans = if format == 1 {
        vec![(start, end)]
    } else {
        buckets(start, end, Step::of(&time_type, None)?)?
    };
    let keyed = outputs(state, p).into_iter().filter_map(|o| {
        let (a, _) = spans.iter().find(|(a, b)| *a <= o.start && o.start < *b)?;
        let (product, machine) = match summary {
            1 => (o.product.clone(), String::new()),
            2 => (String::new(), o.machine.clone()),
            _ => (o.product.clone(), o.machine.clone()),
        };
        let id = if summary == 0 { o.id } else { 0 };
        Some(((*a, product, machine, id), o))
    });
    let rows = aggregate(state, keyed, &stat)
        .into_iter()
        .map(|((time, product, machine, _), total)| {
            json!({
                "Product_Name": product,
                "Meter_Superior": machine,
                "Time": fmt_time(time),
                "Total_Amount": total,
            })
        })
        .collect();
    Ok(Answer::all(stat.finish(rows)))
}
