//! The store-and-forward spool: production records that must never be lost.
//!
//! A client whose configuration has a `"spool"` section keeps a SQLite file (WAL,
//! `synchronous=FULL`). [`Spool::enqueue`] validates a spoolable call (`ate.sn_detail.upload`,
//! `grading.save`, `energy.product_output.create`, `energy.prp.manual_data.add`) against
//! the catalog and returns once the record is on disk and reads back; a background
//! forwarder on the shared runtime then sends the records one at a time through the
//! client's normal call path (tokens, relogin).
//!
//! * Transient failures are retried after a capped, jittered backoff. A record that
//!   keeps failing is *parked* once both of its budgets are spent (`park_after_attempts`
//!   attempts in a row, `park_after_s` seconds since its first failure): set aside and
//!   tried once every `park_retry_s`, while the records behind it go on. With
//!   `max_attempts` above 0 it goes to the dead letters after that many attempts.
//! * Permanent failures (the server refused the record) go to the dead letters with the
//!   server's answer, and the records after them go on; a record being *resent* (it was
//!   in flight when the file was last closed or the process died, or an attempt timed
//!   out) goes to the resends refused instead: the server probably has it already.
//! * Order: records are sent in enqueue order, one at a time. A record is never sent
//!   while an older record with the same ordering key (an SN, a barcode, a meter, a
//!   machine: see [`schema::key`]) is still pending or parked; unrelated records pass a
//!   parked one.
//! * Delivery is at least once: a record is marked in flight before it is sent and
//!   removed the moment its acknowledgement is read; a record found in flight when a
//!   spool is opened is sent again, the only way a duplicate can arise.
//! * Damage: every open checks the file; a client repairs a damaged one (see `open.rs`).
//!   A client whose spool cannot be opened still makes direct calls; its spool's
//!   methods then answer why.
//!
//! ```json
//! "spool": {"path": "station-spool.db", "max_attempts": 0,
//!           "backoff_initial_ms": 200, "backoff_max_ms": 30000,
//!           "park_after_attempts": 5, "park_after_s": 30, "park_retry_s": 60}
//! ```

mod classify;
mod forwarder;
mod lock;
mod open;
mod pages;
mod record;
mod salvage;
mod schema;
mod store;

pub use crate::config::SpoolConfig;
pub(crate) use forwarder::Send;
pub use record::{SpoolRecord, SpoolState, SpoolStatus};

use crate::catalog::{self, HttpMethod, Server};
use crate::config::ClientConfig;
use crate::error::{Error, Result};
use crate::time_zone::ServerZone;
use lock::ForwardLock;
use parking_lot::Mutex;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;
use store::Store;
use tokio::sync::{watch, Notify};

/// A spool file, forwarded by its client or opened offline for inspection.
pub struct Spool {
    /// The open file, or why it could not be opened (the client works without it).
    store: std::result::Result<Arc<Store>, Error>,
    path: PathBuf,
    /// Servers configured in the owning client and their time zones; `None` offline.
    servers: Option<Vec<(Server, ServerZone)>>,
    /// Wakes the forwarder when a record is enqueued or retried.
    wake: Arc<Notify>,
    /// The forwarding lock until the forwarder starts (then the task holds it).
    lock: Mutex<Option<ForwardLock>>,
    running: Mutex<Option<Running>>,
}

struct Running {
    stop: watch::Sender<bool>,
    task: tokio::task::JoinHandle<()>,
}

impl std::fmt::Debug for Spool {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Spool")
            .field("path", &self.path)
            .field("open", &self.store.is_ok())
            .field("forwarding", &self.is_forwarding())
            .finish()
    }
}

impl Spool {
    /// Opens an existing spool file for inspection, retry and discard, without
    /// forwarding (e.g. the CLI while the station's client runs). Records enqueued here
    /// are forwarded by the client that forwards the file. A damaged file is an error
    /// here (the next client that forwards it repairs it).
    pub fn open_offline(path: impl AsRef<Path>) -> Result<Spool> {
        let path = path.as_ref();
        let store = open::open(path, false)?;
        Ok(Spool::new(Ok(store), path, None, None))
    }

    /// The spool of a client being built: the forwarding lock taken, then the file
    /// opened (created; checked, and repaired if damaged); [`Spool::start`] starts
    /// forwarding. When this fails the client is built all the same (direct calls never
    /// depend on the spool) and every method of its spool answers why.
    pub(crate) fn open_for_client(config: &SpoolConfig, client: &ClientConfig) -> Spool {
        let servers = Server::ALL
            .into_iter()
            .filter(|s| configured(client, *s))
            .map(|s| (s, client.time_zone(s)))
            .collect();
        let opened = config.validate().and_then(|()| {
            let lock = ForwardLock::acquire(&config.path)?;
            let store = open::open(&config.path, true)?;
            let resent = store.mark_resends()?;
            if resent > 0 {
                tracing::info!(resent, "spool: records left in flight are sent again");
            }
            Ok((store, lock))
        });
        match opened {
            Ok((store, lock)) => Spool::new(Ok(store), &config.path, Some(servers), Some(lock)),
            Err(e) => {
                tracing::error!(error = %e, "spool: cannot be opened; the client makes direct calls only");
                let e = Error::new(
                    e.kind,
                    format!(
                        "the spool could not be opened when the client was created, so \
                         nothing can be spooled (direct calls work): {}",
                        e.message
                    ),
                );
                Spool::new(Err(e), &config.path, Some(servers), None)
            }
        }
    }

    fn new(
        store: std::result::Result<Store, Error>,
        path: &Path,
        servers: Option<Vec<(Server, ServerZone)>>,
        lock: Option<ForwardLock>,
    ) -> Spool {
        Spool {
            store: store.map(Arc::new),
            path: path.to_owned(),
            servers,
            wake: Arc::new(Notify::new()),
            lock: Mutex::new(lock),
            running: Mutex::new(None),
        }
    }

    fn store(&self) -> Result<&Arc<Store>> {
        self.store.as_ref().map_err(Clone::clone)
    }

    /// Starts the forwarder on the shared runtime; it sends each record with `send` (the
    /// owning client's normal call path, which holds the client weakly).
    pub(crate) fn start(&self, send: forwarder::Send, config: &SpoolConfig) {
        let Ok(store) = self.store() else {
            return;
        };
        let Some(lock) = self.lock.lock().take() else {
            return;
        };
        let (stop, stopped) = watch::channel(false);
        let task = crate::runtime::get().spawn(forwarder::run(forwarder::Forwarder {
            store: store.clone(),
            send,
            wake: self.wake.clone(),
            stop: stopped,
            config: config.clone(),
            lock,
        }));
        *self.running.lock() = Some(Running { stop, task });
    }

    /// Stops the forwarder and waits for it to end (its in-flight send, if any, is
    /// abandoned: the record stays in flight and is sent again on the next open).
    /// Pending records stay on disk.
    pub(crate) async fn stop(&self) {
        let running = self.running.lock().take();
        if let Some(r) = running {
            let _ = r.stop.send(true);
            let _ = r.task.await;
        }
    }

    /// The spool file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Whether this spool's forwarder is running (false offline, after the client's
    /// close, and when the file could not be opened).
    pub fn is_forwarding(&self) -> bool {
        self.running
            .lock()
            .as_ref()
            .is_some_and(|r| !r.task.is_finished())
    }

    /// Stores a record of the spoolable call `id`: checks that the call is spoolable
    /// and `params` against the catalog, then returns the record's sequence number once
    /// it is committed to disk and reads back as the forwarder will read it. Nothing is
    /// sent here; the forwarder sends it. A full disk is an error that says so; nothing
    /// stored before is affected.
    pub fn enqueue(&self, id: &str, params: Value) -> Result<i64> {
        let spec = catalog::find(id)?;
        if !spec.spoolable || spec.method == HttpMethod::Socket {
            let spoolable: Vec<_> = catalog::CALLS
                .iter()
                .filter(|c| c.spoolable)
                .map(|c| c.id)
                .collect();
            return Err(Error::invalid(format!(
                "{id} is not spoolable (only calls that record production data are); \
                 the spoolable calls are: {}",
                spoolable.join(", ")
            ))
            .with_call(spec.id));
        }
        let mut zone = ServerZone::Local;
        if let Some(servers) = &self.servers {
            match servers.iter().find(|(s, _)| *s == spec.server) {
                Some((_, z)) => zone = *z,
                None => {
                    return Err(Error::invalid(format!(
                        "{id} cannot be spooled: the client has no \"{}\" section to send it to",
                        spec.server.name()
                    ))
                    .with_call(spec.id));
                }
            }
        }
        // Offline (the CLI), the station's zone.
        let params = spec.validate_in(params, zone)?;
        let seq = self.store()?.insert(spec.id, &Value::Object(params))?;
        tracing::debug!(seq, call = spec.id, "spool: enqueued");
        self.wake.notify_one();
        Ok(seq)
    }

    /// The counts: pending, parked, dead, resent-refused and delivered records, and
    /// what repairs of a damaged file salvaged and lost.
    pub fn status(&self) -> Result<SpoolStatus> {
        self.store()?.status()
    }

    /// Up to `limit` records in the state `which`, oldest first.
    pub fn list(&self, which: SpoolState, limit: usize) -> Result<Vec<SpoolRecord>> {
        self.store()?.list(which, limit)
    }

    /// Sends the record `seq` again, whatever its state: a pending or parked one at the
    /// next chance, a dead or resent-refused one back into the queue, ahead of the
    /// records enqueued after it; its attempts count from 0. Answers the state it had.
    pub fn retry(&self, seq: i64) -> Result<SpoolState> {
        let was = self.store()?.retry(seq)?;
        tracing::info!(seq, was = ?was, "spool: sent again at the next chance (asked for)");
        self.wake.notify_one();
        Ok(was)
    }

    /// Deletes the record `seq` for good, whatever its state (a pending one being sent
    /// at that moment may still arrive). Answers the state it had.
    pub fn discard(&self, seq: i64) -> Result<SpoolState> {
        let was = self.store()?.discard(seq)?;
        tracing::info!(seq, was = ?was, "spool: discarded (asked for)");
        self.wake.notify_one();
        Ok(was)
    }

    /// Waits until no record is pending or parked, or `timeout` has passed: true when
    /// none is (dead and resent-refused records do not count).
    pub async fn drain(&self, timeout: Duration) -> Result<bool> {
        let store = self.store()?;
        let deadline = tokio::time::Instant::now() + timeout;
        loop {
            if store.waiting_count()? == 0 {
                return Ok(true);
            }
            let now = tokio::time::Instant::now();
            if now >= deadline {
                return Ok(false);
            }
            let pause = Duration::from_millis(20).min(deadline - now);
            tokio::time::sleep(pause).await;
        }
    }

    /// [`Spool::drain`] for threads outside any async runtime.
    pub fn drain_blocking(&self, timeout: Duration) -> Result<bool> {
        crate::runtime::block_on(self.drain(timeout))?
    }

    /// For tests of a full disk: the file may grow by at most `pages` more pages
    /// (SQLite's `max_page_count`, on this spool's connection).
    #[doc(hidden)]
    pub fn limit_growth_for_tests(&self, pages: u32) -> Result<()> {
        let store = self.store()?;
        let conn = store.conn.lock();
        let now: i64 = conn
            .query_row("PRAGMA page_count", [], |r| r.get(0))
            .map_err(|e| Error::internal(e.to_string()))?;
        conn.query_row(
            &format!("PRAGMA max_page_count={}", now + i64::from(pages)),
            [],
            |_| Ok(()),
        )
        .map_err(|e| Error::internal(e.to_string()))
    }
}

impl Drop for Spool {
    fn drop(&mut self) {
        if let Some(r) = self.running.get_mut().take() {
            let _ = r.stop.send(true);
            r.task.abort();
        }
    }
}

fn configured(c: &ClientConfig, server: Server) -> bool {
    match server {
        Server::Ate => c.ate.is_some(),
        Server::Grading => c.grading.is_some(),
        Server::Trace => c.trace.is_some(),
        Server::Mgm => c.mgm.is_some(),
        Server::Energy => c.energy.is_some(),
    }
}
