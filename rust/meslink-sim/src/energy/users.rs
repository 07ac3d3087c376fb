//! Users (1.3 register, 1.4 update, 1.5 get). Passwords are stored but never answered.

use serde_json::Value;

use super::collection::{Op, Resource, Row};
use super::envelope::{Answer, ErrNo, Reply};
use super::params::{opt, req, Kind::Str};
use super::route::{call, crud_call, Call, Route, Verb};
use crate::SimState;

const PATH: &str = "/api/users";

pub(super) static ROUTES: &[Route] = &[
    crud_call(
        "energy.users.register",
        Verb::Post,
        PATH,
        Op::Create,
        &USERS,
    ),
    crud_call("energy.users.update", Verb::Put, PATH, Op::Update, &USERS),
    call("energy.users.get", Verb::Get, PATH, get),
];

const OPTIONAL: [&str; 7] = [
    "Usr_Phone",
    "XCX_Title",
    "Usr_Company",
    "Usr_Province",
    "Usr_City",
    "Usr_Detail_Addr",
    "Usr_Area",
];

pub(super) static USERS: Resource = Resource {
    name: "users",
    store: |d| &d.users,
    create: &[
        req("Usr_Name", Str),
        req("Usr_Password", Str),
        req("Usr_Email", Str),
    ],
    update: &[
        req("Usr_Name", Str),
        req("Usr_Email", Str),
        opt(OPTIONAL[0], Str),
        opt(OPTIONAL[1], Str),
        opt(OPTIONAL[2], Str),
        opt(OPTIONAL[3], Str),
        opt(OPTIONAL[4], Str),
        opt(OPTIONAL[5], Str),
        opt(OPTIONAL[6], Str),
    ],
    filters: &["Usr_Name"],
    unique: Some("Usr_Name"),
    check: None,
    view: Some(view),
    stamp: None,
};

/// The document's user fields, blank when never set, and no password.
fn view(_state: &SimState, row: &mut Row) {
    row.remove("Usr_Password");
    for field in OPTIONAL {
        row.entry(field).or_insert(Value::String(String::new()));
    }
}

/// 1.5: the user `id` names, by default the caller. The document lists the user's fields
/// as request parameters; they are the answer's fields.
fn get(state: &SimState, call: &Call) -> Reply {
    let id = match call.params.opt_int("id")? {
        Some(id) => id,
        None => call.user.ok_or(ErrNo::NOT_LOGGED_IN)?,
    };
    let mut row = state.energy.users.get(id).ok_or(ErrNo::NO_DATA)?;
    view(state, &mut row);
    Ok(Answer::data(Value::Object(row)))
}

/// A configured user as a stored record.
pub(super) fn record(name: &str, password: &str, email: &str) -> Row {
    let mut row = Row::new();
    row.insert("Usr_Name".into(), Value::String(name.into()));
    row.insert("Usr_Password".into(), Value::String(password.into()));
    row.insert("Usr_Email".into(), Value::String(email.into()));
    row
}
