//! The records of a damaged spool file, recognised among the rows [`super::pages`]
//! read, and written into a fresh file in sequence order.
//!
//! A row is a queue record when its second column is the id of a spoolable call, its
//! third a JSON object and its fifth an integer (`in_flight`); a dead letter when that
//! fifth column is text (`last_error`). Counters are the two-column rows named as the
//! spool's counters; the queue's highest sequence number is `sqlite_sequence`'s row
//! `queue`. Columns the file's version did not have take their defaults.

use super::pages::{Row, Val};
use super::schema;
use crate::catalog;
use rusqlite::{params, Connection};
use std::collections::BTreeMap;

const COUNTERS: [&str; 6] = [
    "delivered",
    "enqueued",
    "discarded",
    "repairs",
    "salvaged",
    "lost",
];

/// A record read back, with the columns of its table (`queue` or `dead`).
#[derive(Debug, Clone)]
pub(super) struct Record {
    pub seq: i64,
    pub dead: bool,
    pub values: Vec<Val>,
}

/// What a damaged file still holds.
#[derive(Debug, Default)]
pub(super) struct Found {
    /// By sequence number; a queue record wins over a dead letter of the same number.
    pub records: BTreeMap<i64, Record>,
    pub counters: BTreeMap<&'static str, i64>,
    /// The highest sequence number ever given, as far as the file still tells.
    pub max_seq: i64,
}

impl Found {
    /// Records the file should hold by its counters, less those read back; `None`
    /// when the counters could not be read.
    pub fn lost(&self) -> Option<u64> {
        let c = |n: &str| self.counters.get(n).copied();
        let live = c("enqueued")? - c("delivered")? - c("discarded")?;
        Some((live - self.records.len() as i64).max(0) as u64)
    }
}

fn text(v: Option<&Val>) -> Option<&str> {
    match v {
        Some(Val::Text(s)) => Some(s),
        _ => None,
    }
}

pub(super) fn recognise(rows: Vec<Row>) -> Found {
    let mut found = Found::default();
    for row in rows {
        let v = &row.values;
        if v.len() == 2 {
            if let (Some(name), Some(Val::Int(n))) = (text(v.first()), v.get(1)) {
                if name == "queue" {
                    found.max_seq = found.max_seq.max(*n);
                } else if let Some(c) = COUNTERS.iter().find(|c| **c == name) {
                    found.counters.insert(c, *n);
                }
            }
            continue;
        }
        let spoolable = text(v.get(1))
            .and_then(|id| catalog::find(id).ok())
            .is_some_and(|spec| spec.spoolable);
        let params_ok = text(v.get(2))
            .and_then(|p| serde_json::from_str::<serde_json::Value>(p).ok())
            .is_some_and(|p| p.is_object());
        if v.len() < 7 || !spoolable || !params_ok || row.rowid <= 0 {
            continue;
        }
        let dead = match v.get(4) {
            Some(Val::Int(_)) => false,
            Some(Val::Text(_)) if v.len() >= 8 => true,
            _ => continue,
        };
        found.max_seq = found.max_seq.max(row.rowid);
        let record = Record {
            seq: row.rowid,
            dead,
            values: row.values,
        };
        match found.records.get(&record.seq) {
            Some(old) if !old.dead => {}
            _ => {
                found.records.insert(record.seq, record);
            }
        }
    }
    found
}

fn int(v: Option<&Val>, default: i64) -> i64 {
    match v {
        Some(Val::Int(n)) => *n,
        _ => default,
    }
}

fn opt_int(v: Option<&Val>) -> Option<i64> {
    match v {
        Some(Val::Int(n)) => Some(*n),
        _ => None,
    }
}

fn opt_text(v: Option<&Val>) -> Option<String> {
    text(v).map(str::to_string)
}

/// Writes what was found into `conn` (a fresh file with the current schema), in one
/// transaction, and the counters of this repair. Answers the records written.
pub(super) fn write(conn: &mut Connection, found: &Found, lost: u64) -> rusqlite::Result<u64> {
    let tx = conn.transaction()?;
    for r in found.records.values() {
        let v = &r.values;
        let call_id = text(v.get(1)).unwrap_or_default();
        let params_text = text(v.get(2)).unwrap_or("{}");
        let params: serde_json::Value = serde_json::from_str(params_text).unwrap_or_default();
        let key = schema::key(call_id, &params);
        let enqueued_at = opt_text(v.get(6)).unwrap_or_default();
        if r.dead {
            tx.execute(
                "INSERT INTO dead (seq, call_id, params, attempts, last_error, answer,
                                   enqueued_at, died_at, state, key)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                params![
                    r.seq,
                    call_id,
                    params_text,
                    int(v.get(3), 0),
                    opt_text(v.get(4)).unwrap_or_default(),
                    opt_text(v.get(5)).unwrap_or_else(|| "{}".into()),
                    enqueued_at,
                    opt_text(v.get(7)).unwrap_or_default(),
                    opt_text(v.get(8)).unwrap_or_else(|| "dead".into()),
                    key,
                ],
            )?;
        } else {
            tx.execute(
                "INSERT INTO queue (seq, call_id, params, attempts, in_flight, last_error,
                                    enqueued_at, key, parked, next_at, failing_since, resent)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
                params![
                    r.seq,
                    call_id,
                    params_text,
                    int(v.get(3), 0),
                    int(v.get(4), 0),
                    opt_text(v.get(5)),
                    enqueued_at,
                    key,
                    int(v.get(8), 0),
                    opt_int(v.get(9)),
                    opt_int(v.get(10)),
                    int(v.get(11), 0),
                ],
            )?;
        }
    }
    let n = found.records.len() as i64;
    let old = |name: &str| found.counters.get(name).copied().unwrap_or(0);
    let set = [
        ("delivered", old("delivered")),
        ("discarded", old("discarded")),
        ("enqueued", old("delivered") + old("discarded") + n),
        ("repairs", old("repairs") + 1),
        ("salvaged", old("salvaged") + n),
        ("lost", old("lost") + lost as i64),
    ];
    for (name, value) in set {
        tx.execute(
            "UPDATE counters SET value = ?2 WHERE name = ?1",
            params![name, value],
        )?;
    }
    // Sequence numbers are never given twice, not even those of records lost.
    if tx.execute(
        "UPDATE sqlite_sequence SET seq = max(seq, ?1) WHERE name = 'queue'",
        [found.max_seq],
    )? == 0
    {
        tx.execute(
            "INSERT INTO sqlite_sequence (name, seq) VALUES ('queue', ?1)",
            [found.max_seq],
        )?;
    }
    tx.commit()?;
    Ok(n as u64)
}
