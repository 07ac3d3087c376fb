//! Every statement on the spool file, behind one SQLite connection (the tables are
//! described in `schema.rs`; opening, checking and repairing the file in `open.rs`).
//!
//! Delivered records are deleted in the same transaction that counts them, so the file
//! stays small. WAL journal, `synchronous=FULL`: a statement that returned has reached
//! the disk. `secure_delete`: a deleted record's bytes are zeroed, so a salvage never
//! reads back a record already delivered or discarded.

use super::schema;
use super::{SpoolRecord, SpoolState, SpoolStatus};
use crate::error::{Error, Result};
use parking_lot::Mutex;
use rusqlite::{params, Connection, OptionalExtension};
use serde_json::Value;
use std::path::{Path, PathBuf};

/// One open spool file.
pub(crate) struct Store {
    pub(super) conn: Mutex<Connection>,
    path: PathBuf,
}

/// The next record to send.
pub(crate) struct Next {
    pub seq: i64,
    pub call_id: String,
    pub params: Value,
    /// Parked: this is its scheduled retry, one attempt.
    pub parked: bool,
    /// Found in flight at an open: a refusal now is probably of a repeat.
    pub resent: bool,
}

/// The records the forwarder may send, oldest first: not parked (or parked and due),
/// and with no older record of the same key still in the queue.
const ELIGIBLE: &str = "
SELECT seq, call_id, params, parked, resent FROM queue AS q
WHERE (parked = 0 OR next_at <= ?1)
  AND (key IS NULL OR NOT EXISTS (SELECT 1 FROM queue AS o WHERE o.key = q.key AND o.seq < q.seq))
ORDER BY seq LIMIT 1";

/// One column list for every state: the queue has no answer nor death time, a dead
/// record is never in flight nor due.
const LIST_QUEUE: &str = "
SELECT seq, call_id, params, key, attempts, in_flight, resent, last_error, NULL,
       enqueued_at, next_at, NULL
FROM queue WHERE parked = ?1 ORDER BY seq LIMIT ?2";
const LIST_DEAD: &str = "
SELECT seq, call_id, params, key, attempts, 0, 0, last_error, answer, enqueued_at, NULL, died_at
FROM dead WHERE state = ?1 ORDER BY seq LIMIT ?2";

impl Store {
    pub(super) fn from_conn(conn: Connection, path: &Path) -> Store {
        Store {
            conn: Mutex::new(conn),
            path: path.to_owned(),
        }
    }

    fn err(&self, what: &str, e: rusqlite::Error) -> Error {
        storage(&self.path, what, e)
    }

    /// Appends a record; returns its sequence number once committed and read back the
    /// way the forwarder reads it.
    pub fn insert(&self, call_id: &str, params: &Value) -> Result<i64> {
        let mut conn = self.conn.lock();
        let text = params.to_string();
        let key = schema::key(call_id, params);
        let run = |conn: &mut Connection| -> rusqlite::Result<i64> {
            let tx = conn.transaction()?;
            tx.execute(
                "INSERT INTO queue (call_id, params, enqueued_at, key) VALUES (?1, ?2, ?3, ?4)",
                params![call_id, text, now(), key],
            )?;
            let seq = tx.last_insert_rowid();
            tx.execute(
                "UPDATE counters SET value = value + 1 WHERE name = 'enqueued'",
                [],
            )?;
            tx.commit()?;
            Ok(seq)
        };
        let seq = run(&mut conn).map_err(|e| self.err("the record was NOT stored", e))?;
        // Read back: the record itself, and the head of the queue, as the forwarder
        // reads them. A file damaged under the running client fails here, not later.
        let check = |conn: &Connection| -> rusqlite::Result<bool> {
            let back: String =
                conn.query_row("SELECT params FROM queue WHERE seq = ?1", [seq], |r| {
                    r.get(0)
                })?;
            conn.query_row(ELIGIBLE, [i64::MAX], |_| Ok(()))
                .optional()?;
            Ok(back == text)
        };
        match check(&conn) {
            Ok(true) => Ok(seq),
            Ok(false) => Err(Error::invalid(format!(
                "spool {}: the record (seq {seq}) reads back different from what was stored; \
                 the file is damaged: close the client and open it again to repair it",
                self.path.display()
            ))),
            Err(e) => Err(self.err(
                &format!(
                    "the record (seq {seq}) was written but cannot be read back, so it \
                     would never be sent; close the client and open it again to repair \
                     the file"
                ),
                e,
            )),
        }
    }

    pub fn status(&self) -> Result<SpoolStatus> {
        let conn = self.conn.lock();
        conn.query_row(
            "SELECT
                (SELECT count(*) FROM queue WHERE parked = 0),
                (SELECT count(*) FROM queue WHERE parked = 1),
                (SELECT count(*) FROM dead WHERE state = 'dead'),
                (SELECT count(*) FROM dead WHERE state = 'resent_refused'),
                (SELECT value FROM counters WHERE name = 'delivered'),
                (SELECT value FROM counters WHERE name = 'repairs'),
                (SELECT value FROM counters WHERE name = 'salvaged'),
                (SELECT value FROM counters WHERE name = 'lost')",
            [],
            |r| {
                let n = |i: usize| r.get::<_, Option<i64>>(i).map(|v| v.unwrap_or(0) as u64);
                Ok(SpoolStatus {
                    pending: n(0)?,
                    parked: n(1)?,
                    dead: n(2)?,
                    resent_refused: n(3)?,
                    delivered: n(4)?,
                    repairs: n(5)?,
                    salvaged: n(6)?,
                    lost: n(7)?,
                })
            },
        )
        .map_err(|e| self.err("cannot read the spool's counts", e))
    }

    /// Records still to be delivered: pending and parked.
    pub fn waiting_count(&self) -> Result<u64> {
        let conn = self.conn.lock();
        conn.query_row("SELECT count(*) FROM queue", [], |r| r.get::<_, i64>(0))
            .map(|n| n as u64)
            .map_err(|e| self.err("cannot read the spool's counts", e))
    }

    pub fn list(&self, which: SpoolState, limit: usize) -> Result<Vec<SpoolRecord>> {
        let conn = self.conn.lock();
        let limit = limit.min(i64::MAX as usize) as i64;
        let read = || -> rusqlite::Result<Vec<SpoolRecord>> {
            use rusqlite::types::Value as Sql;
            let (sql, filter) = match which {
                SpoolState::Pending => (LIST_QUEUE, Sql::Integer(0)),
                SpoolState::Parked => (LIST_QUEUE, Sql::Integer(1)),
                SpoolState::Dead | SpoolState::ResentRefused => {
                    (LIST_DEAD, Sql::Text(which.name().to_string()))
                }
            };
            let mut stmt = conn.prepare(sql)?;
            let rows = stmt.query_map(params![filter, limit], |r| {
                Ok(SpoolRecord {
                    seq: r.get(0)?,
                    state: which,
                    call_id: r.get(1)?,
                    params: parse(r.get::<_, String>(2)?),
                    key: r.get(3)?,
                    attempts: r.get(4)?,
                    in_flight: r.get::<_, i64>(5)? != 0,
                    resent: r.get::<_, i64>(6)? != 0,
                    last_error: r.get(7)?,
                    answer: r.get::<_, Option<String>>(8)?.map(parse),
                    enqueued_at: r.get(9)?,
                    next_attempt_at: r.get::<_, Option<i64>>(10)?.map(format_ms),
                    died_at: r.get(11)?,
                })
            })?;
            rows.collect()
        };
        read().map_err(|e| self.err("cannot list the spool", e))
    }

    /// The record to send now, if any (see [`ELIGIBLE`]).
    pub fn next(&self, now_ms: i64) -> Result<Option<Next>> {
        let conn = self.conn.lock();
        conn.query_row(ELIGIBLE, [now_ms], |r| {
            Ok(Next {
                seq: r.get(0)?,
                call_id: r.get(1)?,
                params: parse(r.get::<_, String>(2)?),
                parked: r.get::<_, i64>(3)? != 0,
                resent: r.get::<_, i64>(4)? != 0,
            })
        })
        .optional()
        .map_err(|e| self.err("cannot read the queue", e))
    }

    /// At a forwarding open: the records left in flight (sent, answer never read) are
    /// marked as resends.
    pub fn mark_resends(&self) -> Result<usize> {
        let conn = self.conn.lock();
        conn.execute(
            "UPDATE queue SET resent = 1 WHERE in_flight = 1 AND resent = 0",
            [],
        )
        .map_err(|e| self.err("cannot mark the records left in flight", e))
    }

    /// Marks a record in flight, counting the attempt, before it is sent. `None` when
    /// the record is gone (discarded meanwhile).
    pub fn mark_in_flight(&self, seq: i64) -> Result<Option<u32>> {
        let conn = self.conn.lock();
        conn.query_row(
            "UPDATE queue SET in_flight = 1, attempts = attempts + 1 WHERE seq = ?1
             RETURNING attempts",
            [seq],
            |r| r.get(0),
        )
        .optional()
        .map_err(|e| self.err("cannot mark a record in flight", e))
    }

    /// The server acknowledged the record: removed from the queue and counted, at once.
    pub fn mark_delivered(&self, seq: i64) -> Result<()> {
        let mut conn = self.conn.lock();
        let run = |conn: &mut Connection| -> rusqlite::Result<()> {
            let tx = conn.transaction()?;
            if tx.execute("DELETE FROM queue WHERE seq = ?1", [seq])? == 1 {
                tx.execute(
                    "UPDATE counters SET value = value + 1 WHERE name = 'delivered'",
                    [],
                )?;
            }
            tx.commit()
        };
        run(&mut conn).map_err(|e| self.err("cannot mark a record delivered", e))
    }

    /// A transient failure: the record waits for its next attempt. `uncertain`: the
    /// server may have acted on it (a timeout), so its next send is a resend. Answers the
    /// unix ms of the first failure of its current run of failures (`None`: record gone).
    pub fn mark_failed(
        &self,
        seq: i64,
        error: &str,
        now_ms: i64,
        uncertain: bool,
    ) -> Result<Option<i64>> {
        let conn = self.conn.lock();
        conn.query_row(
            "UPDATE queue SET in_flight = 0, last_error = ?2,
                 failing_since = coalesce(failing_since, ?3), resent = max(resent, ?4)
             WHERE seq = ?1 RETURNING failing_since",
            params![seq, error, now_ms, i64::from(uncertain)],
            |r| r.get(0),
        )
        .optional()
        .map_err(|e| self.err("cannot record a failed attempt", e))
    }

    /// Sets a record aside until `next_at` (unix ms).
    pub fn park(&self, seq: i64, next_at: i64) -> Result<()> {
        let conn = self.conn.lock();
        conn.execute(
            "UPDATE queue SET parked = 1, next_at = ?2 WHERE seq = ?1",
            params![seq, next_at],
        )
        .map(|_| ())
        .map_err(|e| self.err("cannot park a record", e))
    }

    /// A permanent failure: the record moves to the dead letters (`Dead`) or to the
    /// resends refused (`ResentRefused`) with the answer.
    pub fn mark_dead(
        &self,
        seq: i64,
        state: SpoolState,
        error: &str,
        answer: &Value,
    ) -> Result<()> {
        let mut conn = self.conn.lock();
        let run = |conn: &mut Connection| -> rusqlite::Result<()> {
            let tx = conn.transaction()?;
            tx.execute(
                "INSERT INTO dead (seq, call_id, params, attempts, last_error, answer,
                                   enqueued_at, died_at, state, key)
                 SELECT seq, call_id, params, attempts, ?2, ?3, enqueued_at, ?4, ?5, key
                 FROM queue WHERE seq = ?1",
                params![seq, error, answer.to_string(), now(), state.name()],
            )?;
            tx.execute("DELETE FROM queue WHERE seq = ?1", [seq])?;
            tx.commit()
        };
        run(&mut conn).map_err(|e| self.err("cannot move a record to the dead letters", e))
    }

    /// Sends a record again: a pending or parked one at once, with its attempts counted
    /// from 0 (it keeps its place: records of its key still wait behind it); a dead or
    /// resent-refused one back into the queue at its own sequence number.
    pub fn retry(&self, seq: i64) -> Result<SpoolState> {
        let mut conn = self.conn.lock();
        let run = |conn: &mut Connection| -> rusqlite::Result<Option<SpoolState>> {
            let tx = conn.transaction()?;
            let was: Option<i64> = tx
                .query_row("SELECT parked FROM queue WHERE seq = ?1", [seq], |r| {
                    r.get(0)
                })
                .optional()?;
            let state = if let Some(parked) = was {
                tx.execute(
                    "UPDATE queue SET parked = 0, next_at = NULL, attempts = 0,
                         failing_since = NULL WHERE seq = ?1",
                    [seq],
                )?;
                Some(if parked != 0 {
                    SpoolState::Parked
                } else {
                    SpoolState::Pending
                })
            } else {
                let state: Option<String> = tx
                    .query_row("SELECT state FROM dead WHERE seq = ?1", [seq], |r| r.get(0))
                    .optional()?;
                if state.is_some() {
                    tx.execute(
                        "INSERT INTO queue (seq, call_id, params, attempts, in_flight,
                                            last_error, enqueued_at, key)
                         SELECT seq, call_id, params, 0, 0, last_error, enqueued_at, key
                         FROM dead WHERE seq = ?1",
                        [seq],
                    )?;
                    tx.execute("DELETE FROM dead WHERE seq = ?1", [seq])?;
                }
                state.map(|s| s.parse().unwrap_or(SpoolState::Dead))
            };
            tx.commit()?;
            Ok(state)
        };
        run(&mut conn)
            .map_err(|e| self.err("cannot retry a record", e))?
            .ok_or_else(|| no_record(seq))
    }

    /// Deletes a record for good, whatever its state; answers the state it had.
    pub fn discard(&self, seq: i64) -> Result<SpoolState> {
        let mut conn = self.conn.lock();
        let run = |conn: &mut Connection| -> rusqlite::Result<Option<SpoolState>> {
            let tx = conn.transaction()?;
            let queued: Option<i64> = tx
                .query_row(
                    "DELETE FROM queue WHERE seq = ?1 RETURNING parked",
                    [seq],
                    |r| r.get(0),
                )
                .optional()?;
            let state = match queued {
                Some(0) => Some(SpoolState::Pending),
                Some(_) => Some(SpoolState::Parked),
                None => tx
                    .query_row(
                        "DELETE FROM dead WHERE seq = ?1 RETURNING state",
                        [seq],
                        |r| r.get::<_, String>(0),
                    )
                    .optional()?
                    .map(|s| s.parse().unwrap_or(SpoolState::Dead)),
            };
            if state.is_some() {
                tx.execute(
                    "UPDATE counters SET value = value + 1 WHERE name = 'discarded'",
                    [],
                )?;
            }
            tx.commit()?;
            Ok(state)
        };
        run(&mut conn)
            .map_err(|e| self.err("cannot discard a record", e))?
            .ok_or_else(|| no_record(seq))
    }
}

fn no_record(seq: i64) -> Error {
    Error::invalid(format!(
        "no record with seq {seq} in the spool (delivered, discarded, or never stored)"
    ))
}

pub(super) fn storage(path: &Path, what: &str, e: rusqlite::Error) -> Error {
    let detail = match &e {
        rusqlite::Error::SqliteFailure(f, msg) => {
            let hint = match f.code {
                rusqlite::ErrorCode::DiskFull => " (the disk is full)",
                rusqlite::ErrorCode::CannotOpen => " (missing directory or no permission)",
                rusqlite::ErrorCode::ReadOnly => " (the file or its directory is read-only)",
                rusqlite::ErrorCode::PermissionDenied => " (no permission)",
                rusqlite::ErrorCode::NotADatabase => {
                    " (not a spool file, or its header is damaged)"
                }
                rusqlite::ErrorCode::DatabaseCorrupt => " (the file is damaged)",
                _ => "",
            };
            format!("{}{hint}", msg.clone().unwrap_or_else(|| f.to_string()))
        }
        other => other.to_string(),
    };
    Error::invalid(format!("spool {}: {what}: {detail}", path.display()))
}

fn parse(text: String) -> Value {
    serde_json::from_str(&text).unwrap_or(Value::String(text))
}

pub(super) fn now_ms() -> i64 {
    chrono::Utc::now().timestamp_millis()
}

pub(super) fn now() -> String {
    format_ms(now_ms())
}

fn format_ms(ms: i64) -> String {
    chrono::DateTime::from_timestamp_millis(ms)
        .unwrap_or_default()
        .format("%Y-%m-%dT%H:%M:%S%.3fZ")
        .to_string()
}
