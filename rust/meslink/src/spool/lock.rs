//! The exclusive right to forward one spool file.

use super::store::storage;
use crate::error::{Error, Result};
use rusqlite::Connection;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// How long an open waits for the forwarding lock of a client that is closing.
const LOCK_WAIT: Duration = Duration::from_secs(3);

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
