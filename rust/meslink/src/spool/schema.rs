//! The spool file's tables, their migration from older files, and the ordering key.
//!
//! * `queue`: records waiting to be delivered, in `seq` order; `in_flight` = 1 while a
//!   send is outstanding; `parked` = 1 once set aside (`next_at`: unix ms of its next
//!   attempt); `failing_since`: unix ms of the first failure of its current run of
//!   failures; `resent` = 1 when an attempt's answer was never read (found in flight at an open,
//!   or timed out); `key`: see [`key`].
//! * `dead`: the dead letters (`state` 'dead') and the records refused when sent again
//!   after a crash (`state` 'resent_refused'), with the failure and the server's answer;
//! * `counters`: `delivered`, `enqueued`, `discarded` (every record ever stored is one
//!   of: delivered, discarded, or still in `queue` or `dead`; a repair uses this to
//!   count what a damaged file lost), and `repairs`, `salvaged`, `lost`.
//!
//! Columns added after version 1 come last, in the order `ALTER TABLE` adds them to a
//! version 1 file, so the rows of both read alike (the salvage relies on it).

use rusqlite::Connection;
use serde_json::Value;

pub(super) const VERSION: i64 = 2;

const TABLES: &str = "
CREATE TABLE IF NOT EXISTS queue (
    seq           INTEGER PRIMARY KEY AUTOINCREMENT,
    call_id       TEXT    NOT NULL,
    params        TEXT    NOT NULL,
    attempts      INTEGER NOT NULL DEFAULT 0,
    in_flight     INTEGER NOT NULL DEFAULT 0,
    last_error    TEXT,
    enqueued_at   TEXT    NOT NULL,
    key           TEXT,
    parked        INTEGER NOT NULL DEFAULT 0,
    next_at       INTEGER,
    failing_since INTEGER,
    resent        INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS dead (
    seq         INTEGER PRIMARY KEY,
    call_id     TEXT    NOT NULL,
    params      TEXT    NOT NULL,
    attempts    INTEGER NOT NULL,
    last_error  TEXT    NOT NULL,
    answer      TEXT    NOT NULL,
    enqueued_at TEXT    NOT NULL,
    died_at     TEXT    NOT NULL,
    state       TEXT    NOT NULL DEFAULT 'dead',
    key         TEXT
);
CREATE TABLE IF NOT EXISTS counters (
    name  TEXT PRIMARY KEY,
    value INTEGER NOT NULL
);
";

const FINISH: &str = "
INSERT OR IGNORE INTO counters (name, value) VALUES
    ('delivered', 0), ('enqueued', 0), ('discarded', 0),
    ('repairs', 0), ('salvaged', 0), ('lost', 0);
CREATE INDEX IF NOT EXISTS queue_key ON queue (key, seq);
";

/// Version 1 to 2: the columns of parking, resends and keys; the counters of a repair.
const FROM_1: &str = "
ALTER TABLE queue ADD COLUMN key TEXT;
ALTER TABLE queue ADD COLUMN parked INTEGER NOT NULL DEFAULT 0;
ALTER TABLE queue ADD COLUMN next_at INTEGER;
ALTER TABLE queue ADD COLUMN failing_since INTEGER;
ALTER TABLE queue ADD COLUMN resent INTEGER NOT NULL DEFAULT 0;
ALTER TABLE dead ADD COLUMN state TEXT NOT NULL DEFAULT 'dead';
ALTER TABLE dead ADD COLUMN key TEXT;
";

/// Creates the tables of a new file, or brings an older one to [`VERSION`], in one
/// transaction.
pub(super) fn migrate(conn: &mut Connection, from: i64) -> rusqlite::Result<()> {
    let tx = conn.transaction()?;
    if from == 1 {
        tx.execute_batch(FROM_1)?;
        let rows: Vec<(i64, String, String)> = {
            let mut stmt = tx.prepare("SELECT seq, call_id, params FROM queue")?;
            let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        for (seq, call_id, params) in rows {
            let params = serde_json::from_str(&params).unwrap_or(Value::Null);
            tx.execute(
                "UPDATE queue SET key = ?2 WHERE seq = ?1",
                rusqlite::params![seq, key(&call_id, &params)],
            )?;
        }
    } else {
        tx.execute_batch(TABLES)?;
    }
    tx.execute_batch(FINISH)?;
    if from == 1 {
        // Every record so far: delivered, or still here.
        tx.execute(
            "UPDATE counters SET value = (SELECT count(*) FROM queue) + (SELECT count(*) FROM dead)
                 + (SELECT value FROM counters WHERE name = 'delivered')
             WHERE name = 'enqueued'",
            [],
        )?;
    }
    tx.execute_batch(&format!("PRAGMA user_version={VERSION}"))?;
    tx.commit()
}

/// The ordering key of a record: records with the same key are never delivered out of
/// enqueue order. An ATE upload's SN and a grading record's barcode share one name
/// space (a product's identifier, whichever server records it); energy records are
/// keyed by their meter (manual data) or machine (product output).
pub fn key(call_id: &str, params: &Value) -> Option<String> {
    let text = |name: &str| {
        params
            .get(name)
            .and_then(Value::as_str)
            .map(|s| s.trim().to_string())
    };
    let number = |name: &str| params.get(name).map(|v| v.to_string());
    match call_id {
        "ate.sn_detail.upload" => text("sn"),
        "grading.save" => text("barcode"),
        "energy.prp.manual_data.add" => number("Meter_id").map(|m| format!("energy.meter:{m}")),
        "energy.product_output.create" => {
            number("Meter_Superior_id").map(|m| format!("energy.machine:{m}"))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn keys() {
        assert_eq!(
            key("ate.sn_detail.upload", &json!({"sn": " X1 "})).as_deref(),
            Some("X1")
        );
        assert_eq!(
            key("grading.save", &json!({"barcode": "X1"})).as_deref(),
            Some("X1")
        );
        assert_eq!(
            key("energy.prp.manual_data.add", &json!({"Meter_id": 5})).as_deref(),
            Some("energy.meter:5")
        );
        assert_eq!(
            key(
                "energy.product_output.create",
                &json!({"Meter_Superior_id": 7})
            )
            .as_deref(),
            Some("energy.machine:7")
        );
        assert_eq!(key("grading.save", &json!({})), None);
    }
}
