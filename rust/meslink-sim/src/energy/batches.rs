//! Production batches (8.10–8.13) and the output statistics per batch (8.14).

use serde_json::Value;

use super::collection::{Op, Resource, Row};
use super::envelope::{Answer, ErrNo, Reply};
use super::output::{aggregate, outputs, Stat};
use super::params::{opt, req, Field, Kind::*};
use super::route::{call, crud_call, Call, Route, Verb};
use crate::SimState;

const PATH: &str = "/api_3/productsBatch";

pub(super) static ROUTES: &[Route] = &[
    crud_call("energy.batches.list", Verb::Get, PATH, Op::List, &BATCHES),
    crud_call(
        "energy.batches.create",
        Verb::Post,
        PATH,
        Op::Create,
        &BATCHES,
    ),
    crud_call(
        "energy.batches.update",
        Verb::Put,
        PATH,
        Op::Update,
        &BATCHES,
    ),
    crud_call(
        "energy.batches.delete",
        Verb::Delete,
        PATH,
        Op::Delete,
        &BATCHES,
    ),
    call(
        "energy.batches.statistics",
        Verb::Get,
        "/api_3/productsBatch_output_energy_statistic",
        statistics,
    ),
];

/// 8.11/8.12 leave the "required" column of the batch fields garbled; the batch name is
/// required, the times optional.
pub(super) static BATCHES: Resource = Resource {
    name: "batches",
    store: |d| &d.batches,
    create: FIELDS,
    update: FIELDS,
    filters: &["Production_Batch"],
    unique: Some("Production_Batch"),
    check: Some(check),
    view: None,
    stamp: None,
};

const FIELDS: &[Field] = &[
    req("Production_Batch", Str),
    opt("Time_Start", DateTime),
    opt("Time_End", DateTime),
];

/// The end not before the start (text order is time order in the fixed format).
pub(super) fn check(_state: &SimState, row: &Row) -> Result<(), ErrNo> {
    match (
        row.get("Time_Start").and_then(Value::as_str),
        row.get("Time_End").and_then(Value::as_str),
    ) {
        (Some(a), Some(b)) if b < a => Err(ErrNo::BAD_PARAMS),
        _ => Ok(()),
    }
}

/// 8.14: the outputs of the named batches (comma-separated), summed per output (0),
/// product (1), machine (2) or batch (3).
fn statistics(state: &SimState, call: &Call) -> Reply {
    let p = &call.params;
    let batches = p.list("Production_Batch").ok_or(ErrNo::BAD_PARAMS)?;
    let summary = p.checked_int("Summary_Type", IntIn(0, 3))?;
    let stat = Stat::from_params(p, 6)?;
    let selected = outputs(state, p)
        .into_iter()
        .filter(|o| batches.contains(&o.batch))
        .map(|o| {
            let key = match summary {
                1 => (String::new(), o.product.clone(), String::new()),
                2 => (String::new(), String::new(), o.machine.clone()),
                3 => (o.batch.clone(), String::new(), String::new()),
                _ => (o.batch.clone(), o.product.clone(), o.machine.clone()),
            };
            let key = if summary == 0 { (key, o.id) } else { (key, 0) };
            (key, o)
        });
    let rows = aggregate(state, selected, &stat)
        .into_iter()
        .map(|(((batch, product, machine), _), total)| {
            serde_json::json!({
                "Production_Batch": batch,
                "Product_Name": product,
                "Meter_Superior": machine,
                "Total_Amount": total,
            })
        })
        .collect();
    Ok(Answer::all(stat.finish(rows)))
}
