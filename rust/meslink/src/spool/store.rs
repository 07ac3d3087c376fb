//! The spool file: schema and every statement, behind one SQLite connection.
//!
//! Tables:
//! * `queue`: records waiting to be delivered, in `seq` order; `in_flight` = 1 while a
//!   send is outstanding (sent, no answer recorded yet);
//! * `dead`: the dead letters, with the failure and the server's answer;
//! * `counters`: `delivered`, the number of records acknowledged by their server.
//!
//! Delivered records are deleted in the same transaction that counts them, so the file
//! stays small. WAL journal, `synchronous=FULL`: a statement that returned has reached
//! the disk.

use super::{SpoolRecord, SpoolState, SpoolStatus};
use crate::{Error, Result};
use parking_lot::Mutex;
use rusqlite::{params, Connection, OpenFlags, OptionalExtension};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// How long a statement waits for another connection's lock (a CLI inspecting the
/// file while the station runs) before it fails.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);
/// How long an open waits for the forwarding lock of a client that is closing.
const LOCK_WAIT: Duration = Duration::from_secs(3);
const SCHEMA_VERSION: i64 = 1;

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS queue (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    call_id     TEXT    NOT NULL,
    params      TEXT    NOT NULL,
    attempts    INTEGER NOT NULL DEFAULT 0,
    in_flight   INTEGER NOT NULL DEFAULT 0,
    last_error  TEXT,
    enqueued_at TEXT    NOT NULL
);
CREATE TABLE IF NOT EXISTS dead (
    seq         INTEGER PRIMARY KEY,
    call_id     TEXT    NOT NULL,
    params      TEXT    NOT NULL,
    attempts    INTEGER NOT NULL,
    last_error  TEXT    NOT NULL,
    answer      TEXT    NOT NULL,
    enqueued_at TEXT    NOT NULL,
    died_at     TEXT    NOT NULL
);
CREATE TABLE IF NOT EXISTS counters (
    name  TEXT PRIMARY KEY,
    value INTEGER NOT NULL
);
INSERT OR IGNORE INTO counters (name, value) VALUES ('delivered', 0);
";

/// One open spool file.
pub(crate) struct Store {
    conn: Mutex<Connection>,
    path: PathBuf,
}

/// The next record to send.
pub(crate) struct Next {
    pub seq: i64,
    pub call_id: String,
    pub params: Value,
}

impl Store {
    /// Opens (`create`: or creates) the spool file and its schema.
    pub fn open(path: &Path, create: bool) -> Result<Store> {
        if path.as_os_str().is_empty() {
            return Err(Error::invalid("spool.path is empty"));
        }
        if !create && !path.exists() {
            return Err(Error::invalid(format!(
                "no spool file at {}",
                path.display()
            )));
        }
        let mut flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX
            | OpenFlags::SQLITE_OPEN_URI;
        if create {
            flags |= OpenFlags::SQLITE_OPEN_CREATE;
        }
        let fail = |e: rusqlite::Error| storage(path, "cannot open the spool file", e);
        let conn = Connection::open_with_flags(path, flags).map_err(fail)?;
        conn.busy_timeout(BUSY_TIMEOUT).map_err(fail)?;
        let mode: String = conn
            .query_row("PRAGMA journal_mode=WAL", [], |r| r.get(0))
            .map_err(fail)?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(Error::invalid(format!(
                "the spool file {} cannot use a WAL journal (got {mode:?})",
                path.display()
            )));
        }
        conn.execute_batch("PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;")
            .map_err(fail)?;
        let version: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(fail)?;
        if version > SCHEMA_VERSION {
            return Err(Error::invalid(format!(
                "the spool file {} has schema version {version}, newer than this meslink's {SCHEMA_VERSION}",
                path.display()
            )));
        }
        conn.execute_batch(SCHEMA).map_err(fail)?;
        conn.execute_batch(&format!("PRAGMA user_version={SCHEMA_VERSION}"))
            .map_err(fail)?;
        Ok(Store {
            conn: Mutex::new(conn),
            path: path.to_owned(),
        })
    }

    fn err(&self, what: &str, e: rusqlite::Error) -> Error {
        storage(&self.path, what, e)
    }

    /// Appends a record; returns its sequence number once committed.
    pub fn insert(&self, call_id: &str, params: &Value) -> Result<i64> {
        let conn = self.conn.lock();
        conn.execute(
            "INSERT INTO queue (call_id, params, enqueued_at) VALUES (?1, ?2, ?3)",
            params![call_id, params.to_string(), now()],
        )
        .map_err(|e| self.err("the record was NOT stored", e))?;
        Ok(conn.last_insert_rowid())
    }

    pub fn status(&self) -> Result<SpoolStatus> {
        let conn = self.conn.lock();
        let read = || -> rusqlite::Result<SpoolStatus> {
            let pending: i64 = conn.query_row("SELECT count(*) FROM queue", [], |r| r.get(0))?;
            let dead: i64 = conn.query_row("SELECT count(*) FROM dead", [], |r| r.get(0))?;
            let delivered: i64 = conn.query_row(
                "SELECT value FROM counters WHERE name = 'delivered'",
                [],
                |r| r.get(0),
            )?;
            Ok(SpoolStatus {
                pending: pending as u64,
                dead: dead as u64,
                delivered: delivered as u64,
            })
        };
        read().map_err(|e| self.err("cannot read the spool's counts", e))
    }

    pub fn pending_count(&self) -> Result<u64> {
        let conn = self.conn.lock();
        conn.query_row("SELECT count(*) FROM queue", [], |r| r.get::<_, i64>(0))
            .map(|n| n as u64)
            .map_err(|e| self.err("cannot read the spool's counts", e))
    }

    pub fn list(&self, which: SpoolState, limit: usize) -> Result<Vec<SpoolRecord>> {
        let conn = self.conn.lock();
        let limit = limit.min(i64::MAX as usize) as i64;
        // One column list for both tables: the queue has no answer nor death time, a dead
        // record is never in flight.
        let sql = match which {
            SpoolState::Pending => {
                "SELECT seq, call_id, params, attempts, in_flight, last_error, NULL, enqueued_at, NULL
                 FROM queue ORDER BY seq LIMIT ?1"
            }
            SpoolState::Dead => {
                "SELECT seq, call_id, params, attempts, 0, last_error, answer, enqueued_at, died_at
                 FROM dead ORDER BY seq LIMIT ?1"
            }
        };
        let read = || -> rusqlite::Result<Vec<SpoolRecord>> {
            let mut stmt = conn.prepare(sql)?;
            let rows = stmt.query_map([limit], |r| {
                Ok(SpoolRecord {
                    seq: r.get(0)?,
                    call_id: r.get(1)?,
                    params: parse(r.get::<_, String>(2)?),
                    attempts: r.get(3)?,
                    in_flight: r.get::<_, i64>(4)? != 0,
                    last_error: r.get(5)?,
                    answer: r.get::<_, Option<String>>(6)?.map(parse),
                    enqueued_at: r.get(7)?,
                    died_at: r.get(8)?,
                })
            })?;
            rows.collect()
        };
        read().map_err(|e| self.err("cannot list the spool", e))
    }

    /// The oldest record of the queue, in flight or not.
    pub fn next(&self) -> Result<Option<Next>> {
        let conn = self.conn.lock();
        conn.query_row(
            "SELECT seq, call_id, params FROM queue ORDER BY seq LIMIT 1",
            [],
            |r| {
                Ok(Next {
                    seq: r.get(0)?,
                    call_id: r.get(1)?,
                    params: parse(r.get::<_, String>(2)?),
                })
            },
        )
        .optional()
        .map_err(|e| self.err("cannot read the queue", e))
    }

    /// Marks a record in flight, counting the attempt, before it is sent.
    pub fn mark_in_flight(&self, seq: i64) -> Result<u32> {
        let conn = self.conn.lock();
        conn.query_row(
            "UPDATE queue SET in_flight = 1, attempts = attempts + 1 WHERE seq = ?1
             RETURNING attempts",
            [seq],
            |r| r.get(0),
        )
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

    /// A transient failure: the record waits for the next attempt.
    pub fn mark_failed(&self, seq: i64, error: &str) -> Result<()> {
        let conn = self.conn.lock();
        conn.execute(
            "UPDATE queue SET in_flight = 0, last_error = ?2 WHERE seq = ?1",
            params![seq, error],
        )
        .map(|_| ())
        .map_err(|e| self.err("cannot record a failed attempt", e))
    }

    /// A permanent failure: the record moves to the dead letters with the answer.
    pub fn mark_dead(&self, seq: i64, error: &str, answer: &Value) -> Result<()> {
        let mut conn = self.conn.lock();
        let run = |conn: &mut Connection| -> rusqlite::Result<()> {
            let tx = conn.transaction()?;
            tx.execute(
                "INSERT INTO dead (seq, call_id, params, attempts, last_error, answer, enqueued_at, died_at)
                 SELECT seq, call_id, params, attempts, ?2, ?3, enqueued_at, ?4 FROM queue WHERE seq = ?1",
                params![seq, error, answer.to_string(), now()],
            )?;
            tx.execute("DELETE FROM queue WHERE seq = ?1", [seq])?;
            tx.commit()
        };
        run(&mut conn).map_err(|e| self.err("cannot move a record to the dead letters", e))
    }

    /// A dead record back into the queue (attempts start again from 0).
    pub fn retry(&self, seq: i64) -> Result<()> {
        let mut conn = self.conn.lock();
        let run = |conn: &mut Connection| -> rusqlite::Result<usize> {
            let tx = conn.transaction()?;
            let moved = tx.execute(
                "INSERT INTO queue (seq, call_id, params, attempts, in_flight, last_error, enqueued_at)
                 SELECT seq, call_id, params, 0, 0, last_error, enqueued_at FROM dead WHERE seq = ?1",
                [seq],
            )?;
            tx.execute("DELETE FROM dead WHERE seq = ?1", [seq])?;
            tx.commit()?;
            Ok(moved)
        };
        match run(&mut conn).map_err(|e| self.err("cannot retry a dead record", e))? {
            0 => Err(no_dead(seq)),
            _ => Ok(()),
        }
    }

    /// Deletes a dead record for good.
    pub fn discard(&self, seq: i64) -> Result<()> {
        let conn = self.conn.lock();
        match conn
            .execute("DELETE FROM dead WHERE seq = ?1", [seq])
            .map_err(|e| self.err("cannot discard a dead record", e))?
        {
            0 => Err(no_dead(seq)),
            _ => Ok(()),
        }
    }
}

fn no_dead(seq: i64) -> Error {
    Error::invalid(format!(
        "no dead record with seq {seq} in the spool (only dead records can be retried or discarded)"
    ))
}

/// The exclusive right to forward one spool file: a lock held on `<file>.forwarder`
/// for the life of this value, released by the OS if the process dies.
pub(crate) struct ForwardLock {
    _conn: Connection,
}

impl ForwardLock {
    pub fn acquire(spool: &Path) -> Result<ForwardLock> {
        let mut name = spool.as_os_str().to_owned();
        name.push(".forwarder");
        let path = PathBuf::from(name);
        let fail = |e: rusqlite::Error| storage(&path, "cannot open the spool's lock file", e);
        let conn = Connection::open(&path).map_err(fail)?;
        conn.busy_timeout(LOCK_WAIT).map_err(fail)?;
        // Exclusive locking mode keeps the write lock taken by the first write until the
        // connection closes; a second forwarder's write waits LOCK_WAIT, then is refused.
        conn.execute_batch("PRAGMA locking_mode=EXCLUSIVE;")
            .map_err(fail)?;
        let taken = conn.execute_batch(
            "CREATE TABLE IF NOT EXISTS holder (pid INTEGER);
             BEGIN EXCLUSIVE; DELETE FROM holder; INSERT INTO holder VALUES (1); COMMIT;",
        );
        match taken {
            Ok(()) => Ok(ForwardLock { _conn: conn }),
            Err(rusqlite::Error::SqliteFailure(f, _))
                if matches!(
                    f.code,
                    rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked
                ) =>
            {
                Err(Error::invalid(format!(
                    "the spool file {} is already being forwarded by another open client \
                     (in this or another process); close that client first, or open the \
                     file with Spool::open_offline to inspect it",
                    spool.display()
                )))
            }
            Err(e) => Err(fail(e)),
        }
    }
}

fn storage(path: &Path, what: &str, e: rusqlite::Error) -> Error {
    let detail = match &e {
        rusqlite::Error::SqliteFailure(f, msg) => {
            let hint = match f.code {
                rusqlite::ErrorCode::DiskFull => " (the disk is full)",
                rusqlite::ErrorCode::CannotOpen => " (missing directory or no permission)",
                rusqlite::ErrorCode::ReadOnly => " (the file or its directory is read-only)",
                rusqlite::ErrorCode::PermissionDenied => " (no permission)",
                rusqlite::ErrorCode::NotADatabase => " (not a spool file)",
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

fn now() -> String {
    chrono::Utc::now()
        .format("%Y-%m-%dT%H:%M:%S%.3fZ")
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn temp(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("meslink-spool-unit-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir.join("s.db")
    }

    #[test]
    fn a_full_file_refuses_the_record_and_says_so() {
        let store = Store::open(&temp("full"), true).unwrap();
        // As a full disk: SQLite answers SQLITE_FULL once the page limit is reached.
        let pages: i64 = store
            .conn
            .lock()
            .query_row("PRAGMA page_count", [], |r| r.get(0))
            .unwrap();
        store
            .conn
            .lock()
            .execute_batch(&format!("PRAGMA max_page_count={}", pages + 2))
            .unwrap();
        let big = json!({"sn": "x".repeat(64 * 1024)});
        let e = (0..10)
            .find_map(|_| store.insert("ate.sn_detail.upload", &big).err())
            .expect("the file fills up");
        assert!(e.message.contains("the record was NOT stored"), "{e}");
        assert!(e.message.contains("the disk is full"), "{e}");
    }

    #[test]
    fn records_move_between_the_queue_and_the_dead_letters() {
        let store = Store::open(&temp("moves"), true).unwrap();
        let a = store
            .insert("grading.save", &json!({"barcode": "A"}))
            .unwrap();
        let b = store
            .insert("grading.save", &json!({"barcode": "B"}))
            .unwrap();
        assert_eq!(store.next().unwrap().unwrap().seq, a);
        assert_eq!(store.mark_in_flight(a).unwrap(), 1);
        store
            .mark_dead(a, "refused", &json!({"server_message": "NG"}))
            .unwrap();
        assert_eq!(store.next().unwrap().unwrap().seq, b);
        store.mark_delivered(b).unwrap();
        // Delivering twice counts once.
        store.mark_delivered(b).unwrap();
        let s = store.status().unwrap();
        assert_eq!((s.pending, s.dead, s.delivered), (0, 1, 1));
        store.retry(a).unwrap();
        let again = store.list(SpoolState::Pending, 10).unwrap();
        assert_eq!((again[0].seq, again[0].attempts), (a, 0));
        assert_eq!(again[0].params, json!({"barcode": "A"}));
        // New records never reuse a number.
        let c = store
            .insert("grading.save", &json!({"barcode": "C"}))
            .unwrap();
        assert!(c > b);
    }
}
