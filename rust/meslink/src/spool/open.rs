//! Opening a spool file: the integrity check, and the repair of a damaged file.
//!
//! Every open runs `PRAGMA quick_check` and then reads every record the way the
//! forwarder reads them (a JSON object of parameters each). A file that fails either
//! (or that SQLite refuses as damaged: a bad header, a truncation) is, when a client
//! opens it to forward it:
//!
//! 1. read page by page ([`super::pages`]) and its records recognised
//!    ([`super::salvage`]);
//! 2. written, in sequence order, into `<file>.salvage-tmp`, with the counts of the
//!    repair (records salvaged; records lost: what the file's own counters say it held
//!    less what was read back);
//! 3. moved aside as `<file>.damaged-<UTC time>` (its `-wal` and `-shm` too), and the
//!    new file moved into its place. An open that finds only `<file>.salvage-tmp` (a
//!    repair cut off between the two moves) finishes the move.
//!
//! Opened offline (the CLI), a damaged file is an error that says so; it is never moved
//! from under a client that may be forwarding it.

use super::pages;
use super::salvage;
use super::schema;
use super::store::{now_ms, storage, Store};
use crate::error::{Error, Result};
use rusqlite::{Connection, OpenFlags};
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// How long a statement waits for another connection's lock (a CLI inspecting the
/// file while the station runs) before it fails.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// Why an open failed.
enum Failure {
    /// The file is damaged: repairable.
    Damaged(String),
    Other(Error),
}

fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut name: OsString = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// Opens a spool file. `forward`: the file of a client, created if missing and repaired
/// if damaged; else an existing file, for inspection.
pub(crate) fn open(path: &Path, forward: bool) -> Result<Store> {
    if path.as_os_str().is_empty() {
        return Err(Error::invalid("spool.path is empty"));
    }
    let tmp = sibling(path, ".salvage-tmp");
    if forward && !path.exists() && tmp.exists() {
        std::fs::rename(&tmp, path).map_err(|e| io(path, "cannot finish a repair", e))?;
    }
    if !forward && !path.exists() {
        return Err(Error::invalid(format!(
            "no spool file at {}",
            path.display()
        )));
    }
    let why = match open_checked(path, forward) {
        Ok(store) => return Ok(store),
        Err(Failure::Other(e)) => return Err(e),
        Err(Failure::Damaged(why)) => why,
    };
    if !forward {
        return Err(Error::invalid(format!(
            "spool {}: the file is damaged ({why}); the next client that opens it to forward \
             it moves it aside and salvages its records",
            path.display()
        )));
    }
    repair(path, &tmp, &why)?;
    open_checked(path, true).map_err(|f| match f {
        Failure::Other(e) => e,
        Failure::Damaged(why) => Error::invalid(format!(
            "spool {}: the repaired file is still damaged: {why}",
            path.display()
        )),
    })
}

fn classify(path: &Path, what: &str, e: rusqlite::Error) -> Failure {
    match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::DatabaseCorrupt | rusqlite::ErrorCode::NotADatabase) => {
            Failure::Damaged(e.to_string())
        }
        _ => Failure::Other(storage(path, what, e)),
    }
}

fn connect(path: &Path, create: bool) -> rusqlite::Result<Connection> {
    let mut flags = OpenFlags::SQLITE_OPEN_READ_WRITE
        | OpenFlags::SQLITE_OPEN_NO_MUTEX
        | OpenFlags::SQLITE_OPEN_URI;
    if create {
        flags |= OpenFlags::SQLITE_OPEN_CREATE;
    }
    let conn = Connection::open_with_flags(path, flags)?;
    conn.busy_timeout(BUSY_TIMEOUT)?;
    Ok(conn)
}

/// Opens, sets the journal up, checks and migrates the file.
fn open_checked(path: &Path, create: bool) -> std::result::Result<Store, Failure> {
    let opening = |e| classify(path, "cannot open the spool file", e);
    let mut conn = connect(path, create).map_err(opening)?;
    let mode: String = conn
        .query_row("PRAGMA journal_mode=WAL", [], |r| r.get(0))
        .map_err(opening)?;
    if !mode.eq_ignore_ascii_case("wal") {
        return Err(Failure::Other(Error::invalid(format!(
            "the spool file {} cannot use a WAL journal (got {mode:?})",
            path.display()
        ))));
    }
    conn.execute_batch("PRAGMA synchronous=FULL; PRAGMA secure_delete=ON;")
        .map_err(opening)?;
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .map_err(opening)?;
    if version > schema::VERSION {
        return Err(Failure::Other(Error::invalid(format!(
            "the spool file {} has schema version {version}, newer than this meslink's {}",
            path.display(),
            schema::VERSION
        ))));
    }
    check(&conn).map_err(|e| match e {
        Ok(why) => Failure::Damaged(why),
        Err(e) => classify(path, "cannot check the spool file", e),
    })?;
    if version < schema::VERSION {
        schema::migrate(&mut conn, version)
            .map_err(|e| classify(path, "cannot set up the spool file", e))?;
    }
    Ok(Store::from_conn(conn, path))
}

/// `PRAGMA quick_check`, then every record read as the forwarder reads it.
/// `Err(Ok(why))`: damaged; `Err(Err(e))`: SQLite's error.
fn check(
    conn: &Connection,
) -> std::result::Result<(), std::result::Result<String, rusqlite::Error>> {
    let problems: Vec<String> = {
        let mut stmt = conn.prepare("PRAGMA quick_check(5)").map_err(Err)?;
        let rows = stmt.query_map([], |r| r.get(0)).map_err(Err)?;
        rows.collect::<rusqlite::Result<_>>().map_err(Err)?
    };
    if problems != ["ok"] {
        return Err(Ok(format!("quick_check: {}", problems.join("; "))));
    }
    let tables: i64 = conn
        .query_row(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('queue', 'dead')",
            [],
            |r| r.get(0),
        )
        .map_err(Err)?;
    if tables < 2 {
        return Ok(()); // a new file
    }
    for table in ["queue", "dead"] {
        let mut stmt = conn
            .prepare(&format!("SELECT seq, params FROM {table}"))
            .map_err(Err)?;
        let mut rows = stmt.query([]).map_err(Err)?;
        while let Some(row) = rows.next().map_err(Err)? {
            let seq: i64 = row.get(0).map_err(Err)?;
            let params: String = row.get(1).map_err(Err)?;
            let ok =
                serde_json::from_str::<serde_json::Value>(&params).is_ok_and(|v| v.is_object());
            if !ok {
                return Err(Ok(format!(
                    "the parameters of record {seq} ({table}) are not a JSON object"
                )));
            }
        }
    }
    Ok(())
}

fn io(path: &Path, what: &str, e: std::io::Error) -> Error {
    Error::invalid(format!("spool {}: {what}: {e}", path.display()))
}

/// Salvages the damaged file at `path` into `tmp`, moves it aside and `tmp` in.
fn repair(path: &Path, tmp: &Path, why: &str) -> Result<()> {
    tracing::error!(path = %path.display(), problem = %why, "spool: the file is damaged; salvaging its records");
    let main = std::fs::read(path).map_err(|e| io(path, "cannot read the damaged file", e))?;
    let wal = std::fs::read(sibling(path, "-wal")).ok();
    let scan = pages::scan(&main, wal.as_deref());
    let found = salvage::recognise(scan.rows);
    let lost = found.lost();
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(sibling(tmp, suffix));
    }
    let write = || -> rusqlite::Result<u64> {
        let mut conn = connect(tmp, true)?;
        conn.query_row("PRAGMA journal_mode=WAL", [], |_| Ok(()))?;
        conn.execute_batch("PRAGMA synchronous=FULL; PRAGMA secure_delete=ON;")?;
        schema::migrate(&mut conn, 0)?;
        let n = salvage::write(&mut conn, &found, lost.unwrap_or(0))?;
        conn.close().map_err(|(_, e)| e)?;
        Ok(n)
    };
    let salvaged = write().map_err(|e| storage(tmp, "cannot write the salvaged records", e))?;
    let stamp = chrono::DateTime::from_timestamp_millis(now_ms())
        .unwrap_or_default()
        .format("%Y%m%dT%H%M%S%.3fZ");
    let aside = sibling(path, &format!(".damaged-{stamp}"));
    std::fs::rename(path, &aside).map_err(|e| io(path, "cannot move the damaged file aside", e))?;
    for suffix in ["-wal", "-shm"] {
        let _ = std::fs::rename(sibling(path, suffix), sibling(&aside, suffix));
    }
    std::fs::rename(tmp, path).map_err(|e| io(path, "cannot move the salvaged file in", e))?;
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        if let Ok(d) = std::fs::File::open(dir) {
            let _ = d.sync_all();
        }
    }
    match lost {
        Some(lost) => tracing::error!(
            path = %path.display(), damaged = %aside.display(), salvaged, lost,
            pages = scan.pages, bad_pages = scan.bad_pages, bad_cells = scan.bad_cells,
            "spool: repaired; the damaged file is kept aside"
        ),
        None => tracing::error!(
            path = %path.display(), damaged = %aside.display(), salvaged,
            "spool: repaired, but the loss cannot be counted (the file's counters are \
             unreadable); the damaged file is kept aside"
        ),
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spool::SpoolState;
    use serde_json::{json, Value};

    fn temp(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("meslink-spool-unit-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir.join("s.db")
    }

    #[test]
    fn a_full_file_refuses_the_record_and_says_so() {
        let store = open(&temp("full"), true).unwrap();
        // As a full disk: SQLite answers SQLITE_FULL once the page limit is reached.
        let pages: i64 = store
            .conn
            .lock()
            .query_row("PRAGMA page_count", [], |r| r.get(0))
            .unwrap();
        store
            .conn
            .lock()
            .query_row(&format!("PRAGMA max_page_count={}", pages + 2), [], |_| {
                Ok(())
            })
            .unwrap();
        let big = json!({"sn": "x".repeat(64 * 1024)});
        let e = (0..10)
            .find_map(|_| store.insert("ate.sn_detail.upload", &big).err())
            .expect("the file fills up");
        assert!(e.message.contains("the record was NOT stored"), "{e}");
        assert!(e.message.contains("the disk is full"), "{e}");
    }

    #[test]
    fn records_move_between_the_states() {
        let store = open(&temp("moves"), true).unwrap();
        let a = store
            .insert("grading.save", &json!({"barcode": "A"}))
            .unwrap();
        let b = store
            .insert("grading.save", &json!({"barcode": "B"}))
            .unwrap();
        let a2 = store
            .insert("grading.save", &json!({"barcode": "A"}))
            .unwrap();
        let now = now_ms();
        assert_eq!(store.next(now).unwrap().unwrap().seq, a);
        assert_eq!(store.mark_in_flight(a).unwrap(), Some(1));
        // Parked: B goes on, the second A waits behind the first.
        store.mark_failed(a, "503", now, false).unwrap();
        store.park(a, now + 60_000).unwrap();
        assert_eq!(store.next(now).unwrap().unwrap().seq, b);
        store.mark_delivered(b).unwrap();
        assert!(store.next(now).unwrap().is_none());
        // Due: tried first.
        let due = store.next(now + 60_000).unwrap().unwrap();
        assert!(due.parked && due.seq == a);
        let s = store.status().unwrap();
        assert_eq!((s.pending, s.parked, s.delivered), (1, 1, 1));
        assert_eq!(store.list(SpoolState::Parked, 10).unwrap()[0].seq, a);
        // Retried: pending again, at once.
        assert_eq!(store.retry(a).unwrap(), SpoolState::Parked);
        assert_eq!(store.next(now).unwrap().unwrap().seq, a);
        store
            .mark_dead(
                a,
                SpoolState::ResentRefused,
                "repeat",
                &json!({"server_message": "NG"}),
            )
            .unwrap();
        assert_eq!(store.next(now).unwrap().unwrap().seq, a2);
        let s = store.status().unwrap();
        assert_eq!(
            (s.pending, s.parked, s.resent_refused, s.dead),
            (1, 0, 1, 0)
        );
        assert_eq!(store.retry(a).unwrap(), SpoolState::ResentRefused);
        let again = store.list(SpoolState::Pending, 10).unwrap();
        assert_eq!((again[0].seq, again[0].attempts), (a, 0));
        assert_eq!(again[0].params, json!({"barcode": "A"}));
        assert_eq!(store.discard(a2).unwrap(), SpoolState::Pending);
        assert!(store
            .discard(a2)
            .unwrap_err()
            .message
            .contains("no record with seq"));
        // New records never reuse a number.
        let c = store
            .insert("grading.save", &json!({"barcode": "C"}))
            .unwrap();
        assert!(c > a2);
    }

    #[test]
    fn the_page_reader_finds_what_sqlite_holds() {
        let path = temp("pages");
        let store = open(&path, true).unwrap();
        let mut seqs = Vec::new();
        for i in 0..400 {
            // Every 50th record overflows its page.
            let sn = if i % 50 == 7 {
                format!("{i}-{}", "y".repeat(20_000))
            } else {
                format!("SN{i:05}")
            };
            seqs.push(
                store
                    .insert(
                        "ate.sn_detail.upload",
                        &json!({"work_order": "1", "sn": sn}),
                    )
                    .unwrap(),
            );
        }
        for s in &seqs[..100] {
            store.mark_delivered(*s).unwrap();
        }
        store
            .mark_dead(
                seqs[150],
                SpoolState::Dead,
                "NG",
                &json!({"server_message": "NG"}),
            )
            .unwrap();
        store.discard(seqs[151]).unwrap();
        let want: Vec<(i64, Value)> = store
            .list(SpoolState::Pending, 1000)
            .unwrap()
            .into_iter()
            .chain(store.list(SpoolState::Dead, 10).unwrap())
            .map(|r| (r.seq, r.params))
            .collect();
        drop(store);
        let main = std::fs::read(&path).unwrap();
        let found = salvage::recognise(pages::scan(&main, None).rows);
        let mut got: Vec<(i64, Value)> = found
            .records
            .values()
            .map(|r| match &r.values[2] {
                pages::Val::Text(t) => (r.seq, serde_json::from_str(t).unwrap()),
                other => panic!("{other:?}"),
            })
            .collect();
        got.sort_by_key(|(s, _)| *s);
        let mut want = want;
        want.sort_by_key(|(s, _)| *s);
        assert_eq!(got.len(), 299);
        assert_eq!(got, want);
        assert_eq!(found.lost(), Some(0));
        assert!(found.records[&seqs[150]].dead);
        assert_eq!(found.max_seq, *seqs.last().unwrap());
    }

    #[test]
    fn the_page_reader_reads_the_log_too() {
        let path = temp("wal");
        let store = open(&path, true).unwrap();
        for i in 0..50 {
            store
                .insert("grading.save", &json!({"barcode": format!("B{i}")}))
                .unwrap();
        }
        // Copies taken while the client is open: the records are in the log.
        let main = std::fs::read(&path).unwrap();
        let wal = std::fs::read(sibling(&path, "-wal")).unwrap();
        assert!(!wal.is_empty());
        let found = salvage::recognise(pages::scan(&main, Some(&wal)).rows);
        assert_eq!(found.records.len(), 50);
        assert_eq!(found.lost(), Some(0));
        drop(store);
    }
}
