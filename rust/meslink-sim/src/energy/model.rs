//! The simulated plant behind the statistics: energy kinds, a deterministic consumption
//! per meter (a constant hourly rate, or the manually reported values for hand-filled
//! meters), deterministic measurements, and time buckets.

use chrono::{Duration, Months, NaiveDateTime, NaiveTime, Timelike};
use serde_json::Value;

use super::collection::Row;
use super::envelope::ErrNo;
use super::meters::{DEFAULT_PARAMETERS, METERS};
use super::params::{parse_time, text_of, Params};
use crate::SimState;

/// Energy kinds 0–8 as the document numbers them.
pub(crate) const ENERGY_NAMES: [&str; 9] = [
    "电",
    "自来水",
    "中水",
    "热水",
    "软水",
    "中压蒸汽",
    "低压蒸汽",
    "空气",
    "天然气",
];

/// Standard-coal factors (kgce per unit) used for "综合耗能".
pub(crate) const COAL_FACTORS: [f64; 9] = [
    0.1229, 0.0857, 0.0857, 0.1000, 0.0857, 0.1286, 0.1286, 0.0400, 1.2143,
];

/// Longest range a statistic covers.
const MAX_DAYS: i64 = 3700;
/// Most time buckets one answer holds.
const MAX_BUCKETS: usize = 10_000;

/// The name of an energy kind code; other meter types name themselves.
pub(crate) fn kind_name(kind: &str) -> String {
    kind_index(kind).map_or_else(|| kind.to_string(), |i| ENERGY_NAMES[i].to_string())
}

pub(crate) fn kind_index(kind: &str) -> Option<usize> {
    kind.parse::<usize>()
        .ok()
        .filter(|i| *i < ENERGY_NAMES.len())
}

/// Amounts with two decimals, as text (the document's `Total_Amount: str`).
pub(crate) fn fmt2(v: f64) -> String {
    format!("{v:.2}")
}

/// Rounded to two decimals, as a number (an integer when whole).
pub(crate) fn round2(v: f64) -> Value {
    let r = (v * 100.0).round() / 100.0;
    if r.fract() == 0.0 && r.abs() < 9.0e15 {
        Value::from(r as i64)
    } else {
        Value::from(r)
    }
}

fn hours(a: NaiveDateTime, b: NaiveDateTime) -> f64 {
    (b - a).num_seconds().max(0) as f64 / 3600.0
}

/// A meter with its machine's name and department.
#[derive(Debug, Clone)]
pub(crate) struct Meter {
    pub id: i64,
    pub name: String,
    pub kind: String,
    pub machine_id: i64,
    pub machine: String,
    pub department: String,
    pub hand_work: bool,
    pub parameters: String,
}

fn field(row: &Row, name: &str) -> String {
    row.get(name).and_then(text_of).unwrap_or_default()
}

impl Meter {
    fn from_row(row: &Row) -> Meter {
        Meter {
            id: row.get("id").and_then(Value::as_i64).unwrap_or_default(),
            name: field(row, "Meter_Name"),
            kind: field(row, "Meter_Type"),
            machine_id: row
                .get("Meter_Superior_id")
                .and_then(Value::as_i64)
                .unwrap_or_default(),
            machine: field(row, "Meter_Superior"),
            department: field(row, "Meter_Department"),
            hand_work: row.get("Is_HandWork").and_then(Value::as_i64) == Some(1),
            parameters: row
                .get("Meter_Parameter")
                .and_then(text_of)
                .unwrap_or_else(|| DEFAULT_PARAMETERS.to_string()),
        }
    }

    /// Units per hour of a metered (not hand-filled) meter.
    pub fn hourly_rate(&self) -> f64 {
        2.0 + ((self.id * 37).rem_euclid(11)) as f64 * 0.75
    }
}

pub(crate) fn meters(state: &SimState) -> Vec<Meter> {
    METERS.rows(state).iter().map(Meter::from_row).collect()
}

/// Consumption over time ranges, from the stored meters and manual data (5.6).
pub(crate) struct Usage {
    /// (meter id, time, amount) of every manually reported value.
    manual: Vec<(i64, NaiveDateTime, f64)>,
}

impl Usage {
    pub fn new(state: &SimState) -> Usage {
        let manual = state
            .energy
            .manual_data
            .all()
            .iter()
            .filter_map(|r| {
                let meter = r.get("Meter_id")?.as_i64()?;
                let time = parse_time(&text_of(r.get("Date_Time")?)?)?;
                let amount = text_of(r.get("Data_Amount")?)?.parse::<f64>().ok()?;
                Some((meter, time, amount))
            })
            .collect();
        Usage { manual }
    }

    /// What `meter` used in `[a, b)`: its rate times the hours, or for a hand-filled
    /// meter the sum of the values reported for times in the range.
    pub fn amount(&self, meter: &Meter, a: NaiveDateTime, b: NaiveDateTime) -> f64 {
        if meter.hand_work {
            self.manual
                .iter()
                .filter(|(id, t, _)| *id == meter.id && a <= *t && *t < b)
                .map(|(_, _, v)| v)
                .sum()
        } else {
            meter.hourly_rate() * hours(a, b)
        }
    }

    /// `amount` split into the day shift (08:00–20:00) and the night shift.
    pub fn shifts(&self, meter: &Meter, a: NaiveDateTime, b: NaiveDateTime) -> (f64, f64) {
        let in_day = |t: NaiveDateTime| (8..20).contains(&t.hour());
        if meter.hand_work {
            let (mut day, mut night) = (0.0, 0.0);
            for (_, t, v) in self
                .manual
                .iter()
                .filter(|(id, t, _)| *id == meter.id && a <= *t && *t < b)
            {
                if in_day(*t) {
                    day += v;
                } else {
                    night += v;
                }
            }
            return (day, night);
        }
        let mut day_hours = 0.0;
        let mut date = a.date();
        while date.and_time(NaiveTime::MIN) < b {
            let from = date.and_hms_opt(8, 0, 0).unwrap_or(a).max(a);
            let to = date.and_hms_opt(20, 0, 0).unwrap_or(b).min(b);
            day_hours += hours(from, to);
            match date.succ_opt() {
                Some(next) => date = next,
                None => break,
            }
        }
        let rate = meter.hourly_rate();
        let total = hours(a, b);
        (rate * day_hours, rate * (total - day_hours).max(0.0))
    }
}

/// A bucket width.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Step {
    Months(u32),
    Days(i64),
    Minutes(i64),
}

impl Step {
    /// The document's default intervals: a year by months, a month by days, a day by
    /// hours; `Time_Interval` changes the count (months, days, minutes).
    pub fn of(time_type: &str, interval: Option<i64>) -> Result<Step, ErrNo> {
        if matches!(interval, Some(n) if n < 1) {
            return Err(ErrNo::BAD_PARAMS);
        }
        Ok(match time_type {
            "1" => Step::Months(interval.unwrap_or(1).min(1200) as u32),
            "2" => Step::Days(interval.unwrap_or(1)),
            _ => Step::Minutes(interval.unwrap_or(60)),
        })
    }

    /// From `Time_Type` and `Time_Interval`.
    pub fn from_params(p: &Params) -> Result<Step, ErrNo> {
        Step::of(
            &p.code("Time_Type", &["1", "2", "3"])?,
            p.opt_int("Time_Interval")?,
        )
    }

    fn after(self, t: NaiveDateTime) -> Option<NaiveDateTime> {
        match self {
            Step::Months(n) => t.checked_add_months(Months::new(n)),
            Step::Days(n) => t.checked_add_signed(Duration::try_days(n)?),
            Step::Minutes(n) => t.checked_add_signed(Duration::try_minutes(n)?),
        }
    }
}

/// Checks a statistic's range: not reversed, at most about ten years.
pub(crate) fn check_range(start: NaiveDateTime, end: NaiveDateTime) -> Result<(), ErrNo> {
    if end < start || (end - start).num_days() > MAX_DAYS {
        return Err(ErrNo::BAD_PARAMS);
    }
    Ok(())
}

/// `[start, end)` cut into steps; the last one ends at `end`.
pub(crate) fn buckets(
    start: NaiveDateTime,
    end: NaiveDateTime,
    step: Step,
) -> Result<Vec<(NaiveDateTime, NaiveDateTime)>, ErrNo> {
    check_range(start, end)?;
    let mut out = Vec::new();
    let mut t = start;
    while t < end {
        let next = step.after(t).ok_or(ErrNo::BAD_PARAMS)?.min(end);
        out.push((t, next));
        if out.len() > MAX_BUCKETS {
            return Err(ErrNo::BAD_PARAMS);
        }
        t = next;
    }
    Ok(out)
}

/// A deterministic pseudo-random number in `[0, 1)` from some integers.
pub(crate) fn noise(parts: &[i64]) -> f64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for p in parts {
        for b in p.to_le_bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    (h >> 11) as f64 / (1u64 << 53) as f64
}

/// A deterministic text hash for [`noise`].
pub(crate) fn text_key(s: &str) -> i64 {
    s.bytes()
        .fold(7i64, |h, b| h.wrapping_mul(31).wrapping_add(i64::from(b)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> NaiveDateTime {
        parse_time(s).unwrap()
    }

    #[test]
    fn bucket_steps() {
        let b = buckets(
            t("2024-01-01 00:00:00"),
            t("2024-01-02 00:00:00"),
            Step::of("3", None).unwrap(),
        )
        .unwrap();
        assert_eq!(b.len(), 24);
        let b = buckets(
            t("2024-01-15 00:00:00"),
            t("2024-04-01 00:00:00"),
            Step::of("1", None).unwrap(),
        )
        .unwrap();
        assert_eq!(b.len(), 3);
        assert_eq!(b[2].1, t("2024-04-01 00:00:00"));
        assert!(Step::of("3", Some(0)).is_err());
        assert!(buckets(
            t("2024-01-02 00:00:00"),
            t("2024-01-01 00:00:00"),
            Step::Days(1)
        )
        .is_err());
    }

    #[test]
    fn shifts_add_up() {
        let m = Meter {
            id: 3,
            name: "m".into(),
            kind: "0".into(),
            machine_id: 1,
            machine: "x".into(),
            department: "d".into(),
            hand_work: false,
            parameters: String::new(),
        };
        let u = Usage { manual: vec![] };
        let (a, b) = (t("2024-01-01 06:00:00"), t("2024-01-03 09:00:00"));
        let (day, night) = u.shifts(&m, a, b);
        assert!((day + night - u.amount(&m, a, b)).abs() < 1e-9);
        assert!((day - m.hourly_rate() * 25.0).abs() < 1e-9);
    }
}
