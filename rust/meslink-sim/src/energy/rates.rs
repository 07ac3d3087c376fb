//! Rates (4.1, 4.2) and the personalised period boundaries (4.3, 4.4).

use serde_json::{json, Value};

use super::collection::{Op, Resource, Row};
use super::envelope::{Answer, ErrNo, Reply};
use super::params::{opt, req, Kind::*};
use super::route::{call, crud_call, Call, Route, Verb};
use crate::SimState;

const RATE: &str = "/api_3/rate";
const PERSONALISE: &str = "/api_3/personalise";

pub(super) static ROUTES: &[Route] = &[
    crud_call("energy.rate.update", Verb::Put, RATE, Op::Update, &RATES),
    crud_call("energy.rate.get", Verb::Get, RATE, Op::List, &RATES),
    call(
        "energy.personalise.get",
        Verb::Get,
        PERSONALISE,
        get_personalise,
    ),
    call(
        "energy.personalise.update",
        Verb::Put,
        PERSONALISE,
        update_personalise,
    ),
];

/// Rates exist from the start (see the seed); the document has no call creating one.
pub(super) static RATES: Resource = Resource {
    name: "rates",
    store: |d| &d.rates,
    create: FIELDS,
    update: FIELDS,
    filters: &[],
    unique: None,
    check: None,
    view: None,
    stamp: None,
};

const FIELDS: &[super::params::Field] = &[
    req("Rate_Name", Str),
    req("Rate_Type", Str),
    opt("Rate_Value", Str),
    // 0 segmented, 1 not segmented.
    req("isSegmentation", StrIn(&["0", "1"])),
    opt("Seg_Begin", Str),
    opt("Seg_Begin_Rate", Str),
    opt("Seg_End", Str),
    opt("Seg_End_Rate", Str),
    req("Rate_Unit", Str),
];

/// The personalisation fields with their documented ranges: months and days as signed
/// counts, day boundaries as `[-]HH:MM:SS` with at most 23 hours.
const PERSONALISE_FIELDS: [(&str, Bound); 6] = [
    ("Year_Start", Bound::Count(12)),
    ("Year_End", Bound::Count(12)),
    ("Month_Start", Bound::Count(31)),
    ("Month_End", Bound::Count(31)),
    ("Day_Start", Bound::Clock),
    ("Day_End", Bound::Clock),
];

#[derive(Clone, Copy)]
enum Bound {
    Count(i64),
    Clock,
}

impl Bound {
    fn accepts(self, s: &str) -> bool {
        match self {
            Bound::Count(max) => s.parse::<i64>().is_ok_and(|n| (-max..=max).contains(&n)),
            Bound::Clock => {
                let clock = s.strip_prefix('-').unwrap_or(s);
                let parts: Vec<&str> = clock.split(':').collect();
                parts.len() == 3
                    && parts
                        .iter()
                        .all(|p| p.len() == 2 && p.bytes().all(|b| b.is_ascii_digit()))
                    && matches!(
                        (parts[0].parse::<u32>(), parts[1].parse::<u32>(), parts[2].parse::<u32>()),
                        (Ok(h), Ok(m), Ok(s)) if h <= 23 && m <= 59 && s <= 59
                    )
            }
        }
    }
}

/// The defaults the document gives.
pub(super) fn default_personalise() -> Row {
    let v = json!({
        "Year_Start": "1",
        "Year_End": "1",
        "Month_Start": "1",
        "Month_End": "1",
        "Day_Start": "00:00:00",
        "Day_End": "00:00:00",
    });
    v.as_object().cloned().unwrap_or_default()
}

fn get_personalise(state: &SimState, _call: &Call) -> Reply {
    Ok(Answer::data(Value::Object(
        state.energy.personalise.lock().clone(),
    )))
}

fn update_personalise(state: &SimState, call: &Call) -> Reply {
    let mut new = Row::new();
    for (name, bound) in PERSONALISE_FIELDS {
        let value = call.params.str(name)?;
        if !bound.accepts(&value) {
            return Err(ErrNo::BAD_PARAMS);
        }
        new.insert(name.into(), Value::String(value));
    }
    *state.energy.personalise.lock() = new;
    Ok(Answer::ok())
}

#[cfg(test)]
mod tests {
    use super::Bound;

    #[test]
    fn bounds() {
        assert!(Bound::Count(12).accepts("-12"));
        assert!(!Bound::Count(12).accepts("13"));
        assert!(Bound::Clock.accepts("07:30:00"));
        assert!(Bound::Clock.accepts("-07:30:00"));
        assert!(!Bound::Clock.accepts("24:00:00"));
        assert!(!Bound::Clock.accepts("7:30"));
    }
}
