//! Meters (2.1–2.4). A meter belongs to a machine (`Meter_Superior_id`); its list shows the
//! machine's name and department.

use serde_json::Value;

use super::collection::{check_ref, copy_ref, Op, Resource, Row};
use super::envelope::ErrNo;
use super::params::{opt, opt_or, req, Fill, Kind::*};
use super::route::{crud_call, Route, Verb};
use crate::SimState;

const PATH: &str = "/api_3/meters";

pub(super) static ROUTES: &[Route] = &[
    crud_call(
        "energy.meters.create",
        Verb::Post,
        PATH,
        Op::Create,
        &METERS,
    ),
    crud_call("energy.meters.update", Verb::Put, PATH, Op::Update, &METERS),
    crud_call("energy.meters.list", Verb::Get, PATH, Op::List, &METERS),
    crud_call(
        "energy.meters.delete",
        Verb::Delete,
        PATH,
        Op::Delete,
        &METERS,
    ),
];

/// The instantaneous parameters of a meter created without `Meter_Parameter`.
pub(super) const DEFAULT_PARAMETERS: &str = "UA,UB,UC,IA,IB,IC";

pub(super) static METERS: Resource = Resource {
    name: "meters",
    store: |d| &d.meters,
    create: FIELDS,
    update: FIELDS,
    filters: &[
        "Meter_Type",
        "Meter_Superior",
        "Is_HandWork",
        "Meter_IsCount",
    ],
    unique: Some("Meter_Name"),
    check: Some(check),
    view: Some(view),
    stamp: None,
};

/// 2.1 and 2.2 (`Meter_Superior_id` is documented as str for create and int for update;
/// both accept either). `Meter_Parameter` is not a documented input but is answered by
/// 2.3, so it is accepted.
const FIELDS: &[super::params::Field] = &[
    req("Meter_Name", Str),
    req("Meter_Type", Str),
    req("Meter_Superior_id", Int),
    opt_or("Meter_Remarks", Str, Fill::Str("")),
    opt_or("Meter_TotalAmount", Str, Fill::Str("0")),
    opt_or("Meter_IsVirtual", Str, Fill::Str("0")),
    opt_or("Meter_Formula", Str, Fill::Str("")),
    opt_or("Meter_IsTotal", Str, Fill::Str("0")),
    opt_or("Meter_IsCount", Str, Fill::Str("0")),
    opt_or("Is_HandWork", Int, Fill::Int(0)),
    opt("Meter_Parameter", Str),
];

fn check(state: &SimState, row: &Row) -> Result<(), ErrNo> {
    check_ref(&state.energy.machines, row, "Meter_Superior_id")
}

fn view(state: &SimState, row: &mut Row) {
    copy_ref(
        &state.energy.machines,
        row,
        "Meter_Superior_id",
        &[
            ("Meter_Superior", "Meter_Superior"),
            ("Meter_Department", "Meter_Department"),
        ],
    );
    row.entry("Meter_Parameter")
        .or_insert(Value::String(DEFAULT_PARAMETERS.into()));
}
