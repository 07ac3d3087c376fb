//! The store-and-forward spool: production records that must never be lost.
//!
//! A client whose configuration has a `"spool"` section keeps a SQLite file (WAL,
//! `synchronous=FULL`). [`Spool::enqueue`] validates a spoolable call (`ate.sn_detail.upload`,
//! `grading.save`, `energy.product_output.create`, `energy.prp.manual_data.add`) against
//! the catalog and returns once the record is on disk; a background forwarder on the
//! shared runtime then sends the records one at a time, in order, through the client's
//! normal call path (tokens, relogin). Transient failures are retried after a capped,
//! jittered backoff (forever when `max_attempts` is 0); permanent ones (the server
//! refused the record) go to the dead letters with the server's answer, and the records
//! after them go on.
//!
//! Delivery is at least once: a record is marked in flight before it is sent and
//! removed the moment its acknowledgement is read; a record found in flight when a
//! spool is opened (sent, no answer recorded) is sent again, the only way a duplicate
//! can arise.
//!
//! ```json
//! "spool": {"path": "station-spool.db", "max_attempts": 0,
//!           "backoff_initial_ms": 200, "backoff_max_ms": 30000}
//! ```

mod classify;
mod forwarder;
mod store;

use crate::catalog::{self, HttpMethod, Server};
use crate::config::ClientConfig;
use crate::{Error, Result};
use parking_lot::Mutex;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Weak};
use std::time::Duration;
use store::{ForwardLock, Store};
use tokio::sync::{watch, Notify};

/// The `"spool"` section of the client configuration.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SpoolConfig {
    /// The SQLite file; created if missing (its directory must exist).
    pub path: PathBuf,
    /// Attempts of a record failing transiently before it goes to the dead letters;
    /// 0 (the default) retries forever.
    #[serde(default)]
    pub max_attempts: u32,
    /// Pause after the first failed attempt, doubled after each further one, with jitter.
    #[serde(default = "default_backoff_initial")]
    pub backoff_initial_ms: u64,
    /// Cap of the pause between two attempts.
    #[serde(default = "default_backoff_max")]
    pub backoff_max_ms: u64,
}

fn default_backoff_initial() -> u64 {
    200
}

fn default_backoff_max() -> u64 {
    30_000
}

impl SpoolConfig {
    pub fn new(path: impl Into<PathBuf>) -> SpoolConfig {
        SpoolConfig {
            path: path.into(),
            max_attempts: 0,
            backoff_initial_ms: default_backoff_initial(),
            backoff_max_ms: default_backoff_max(),
        }
    }

    pub fn validate(&self) -> Result<()> {
        if self.path.as_os_str().is_empty() {
            return Err(Error::invalid("spool.path is empty"));
        }
        if self.backoff_initial_ms == 0 || self.backoff_max_ms < self.backoff_initial_ms {
            return Err(Error::invalid(
                "spool.backoff_initial_ms must be above 0 and at most spool.backoff_max_ms",
            ));
        }
        Ok(())
    }
}

/// Which records [`Spool::list`] shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SpoolState {
    /// Waiting to be delivered (in flight ones included).
    Pending,
    /// Refused by the server, or out of attempts: kept until retried or discarded.
    Dead,
}

impl std::str::FromStr for SpoolState {
    type Err = Error;
    fn from_str(s: &str) -> Result<SpoolState> {
        match s {
            "pending" => Ok(SpoolState::Pending),
            "dead" => Ok(SpoolState::Dead),
            other => Err(Error::invalid(format!(
                "unknown spool list {other:?}; expected \"pending\" or \"dead\""
            ))),
        }
    }
}

/// One spooled record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SpoolRecord {
    /// The sequence number [`Spool::enqueue`] returned; records are sent in its order.
    pub seq: i64,
    pub call_id: String,
    /// The parameters as validated (date-times normalised).
    pub params: Value,
    /// Attempts so far.
    pub attempts: u32,
    /// Sent, no answer recorded yet (pending records only).
    pub in_flight: bool,
    /// The last failure, as text.
    pub last_error: Option<String>,
    /// Dead records: the failure's kind, message, HTTP status and the server's own
    /// code and message (`{"kind","message","http_status","server_code","server_message"}`).
    pub answer: Option<Value>,
    /// UTC, `yyyy-MM-ddTHH:mm:ss.fffZ`.
    pub enqueued_at: String,
    /// Dead records: when the record was given up.
    pub died_at: Option<String>,
}

/// The spool's counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpoolStatus {
    /// Waiting to be delivered (in flight included).
    pub pending: u64,
    /// In the dead letters.
    pub dead: u64,
    /// Acknowledged by their server since the file was created.
    pub delivered: u64,
}

/// A spool file, forwarded by its client or opened offline for inspection.
pub struct Spool {
    store: Arc<Store>,
    path: PathBuf,
    /// Servers configured in the owning client; `None` offline.
    servers: Option<Vec<Server>>,
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
            .field("forwarding", &self.is_forwarding())
            .finish()
    }
}

impl Spool {
    /// Opens an existing spool file for inspection, retry and discard, without
    /// forwarding (e.g. the CLI while the station's client runs). Records enqueued here
    /// are forwarded by the client that forwards the file.
    pub fn open_offline(path: impl AsRef<Path>) -> Result<Spool> {
        let path = path.as_ref();
        Ok(Spool::new(Store::open(path, false)?, path, None, None))
    }

    /// The spool of a client being built: the file opened (created) and the
    /// forwarding lock taken; [`Spool::start`] starts forwarding.
    pub(crate) fn open_for_client(config: &SpoolConfig, client: &ClientConfig) -> Result<Spool> {
        config.validate()?;
        let store = Store::open(&config.path, true)?;
        let lock = ForwardLock::acquire(&config.path)?;
        let servers = Server::ALL
            .into_iter()
            .filter(|s| configured(client, *s))
            .collect();
        Ok(Spool::new(store, &config.path, Some(servers), Some(lock)))
    }

    fn new(
        store: Store,
        path: &Path,
        servers: Option<Vec<Server>>,
        lock: Option<ForwardLock>,
    ) -> Spool {
        Spool {
            store: Arc::new(store),
            path: path.to_owned(),
            servers,
            wake: Arc::new(Notify::new()),
            lock: Mutex::new(lock),
            running: Mutex::new(None),
        }
    }

    /// Starts the forwarder of the client `client` on the shared runtime.
    pub(crate) fn start(&self, client: Weak<crate::client::Inner>, config: &SpoolConfig) {
        let Some(lock) = self.lock.lock().take() else {
            return;
        };
        let (stop, stopped) = watch::channel(false);
        let task = crate::runtime::get().spawn(forwarder::run(forwarder::Forwarder {
            store: self.store.clone(),
            client,
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

    /// Whether this spool's forwarder is running (false offline and after the client's close).
    pub fn is_forwarding(&self) -> bool {
        self.running
            .lock()
            .as_ref()
            .is_some_and(|r| !r.task.is_finished())
    }

    /// Stores a record of the spoolable call `id`: checks that the call is spoolable
    /// and `params` against the catalog, then returns the record's sequence number once
    /// it is committed to disk. Nothing is sent here; the forwarder sends it.
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
        if let Some(servers) = &self.servers {
            if !servers.contains(&spec.server) {
                return Err(Error::invalid(format!(
                    "{id} cannot be spooled: the client has no \"{}\" section to send it to",
                    spec.server.name()
                ))
                .with_call(spec.id));
            }
        }
        let params = spec.validate(params)?;
        let seq = self.store.insert(spec.id, &Value::Object(params))?;
        self.wake.notify_one();
        Ok(seq)
    }

    /// Counts of pending, dead and delivered records.
    pub fn status(&self) -> Result<SpoolStatus> {
        self.store.status()
    }

    /// Up to `limit` pending or dead records, oldest first.
    pub fn list(&self, which: SpoolState, limit: usize) -> Result<Vec<SpoolRecord>> {
        self.store.list(which, limit)
    }

    /// Puts the dead record `seq` back in the queue (its attempts start again from 0).
    /// It is sent before the records enqueued after it.
    pub fn retry(&self, seq: i64) -> Result<()> {
        self.store.retry(seq)?;
        self.wake.notify_one();
        Ok(())
    }

    /// Deletes the dead record `seq` for good.
    pub fn discard(&self, seq: i64) -> Result<()> {
        self.store.discard(seq)
    }

    /// Waits until nothing is pending or `timeout` has passed: true when nothing is
    /// pending (dead records do not count).
    pub async fn drain(&self, timeout: Duration) -> Result<bool> {
        let deadline = tokio::time::Instant::now() + timeout;
        loop {
            if self.store.pending_count()? == 0 {
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
