//! The client: configuration, one HTTP pool, and one context per server behind one
//! handle. The client dispatches into the server modules; they never see it.
//!
//! * [`sessions`]: the machine-tool platform's stream and transfer, the energy
//!   platform's page walk.

mod sessions;

use crate::catalog::{self, Answer, Server};
use crate::config::ClientConfig;
use crate::error::{Error, Result};
use crate::runtime;
use crate::servers::{ate, energy, grading, mgm, trace, Ctx};
use crate::spool::Spool;
use crate::transport::Http;
use serde_json::{Map, Value};
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;

/// The source of the clients' log ids (see [`Client::set_log_id`]).
static NEXT_LOG_ID: AtomicI64 = AtomicI64::new(1);

/// A connection to the plant's servers. Cheap to clone (clones share the pool and tokens);
/// safe to use from many threads at once.
#[derive(Clone)]
pub struct Client {
    inner: Arc<Inner>,
}

pub(crate) struct Inner {
    pub config: Arc<ClientConfig>,
    /// The one connection pool, also in every server's context.
    pub http: Arc<Http>,
    pub ate: ate::AteCtx,
    pub grading: grading::GradingCtx,
    pub trace: trace::TraceCtx,
    /// Shared with the stream and transfer tasks.
    pub mgm: Arc<mgm::MgmCtx>,
    pub energy: energy::EnergyCtx,
    /// The store-and-forward spool, when configured.
    pub spool: Option<Spool>,
    /// The `client` of this client's log records.
    pub log_id: AtomicI64,
    /// What [`Client::cancel_all`] signals.
    pub cancel: crate::op::Cancel,
    /// One permit a call on the wire (`max_concurrent_calls`).
    pub in_flight: tokio::sync::Semaphore,
}

impl std::fmt::Debug for Client {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Client")
            .field("config", &self.inner.config)
            .finish()
    }
}

impl Client {
    pub fn new(config: ClientConfig) -> Result<Client> {
        config.validate()?;
        let http = Arc::new(Http::new(&config)?);
        // Never fails: a spool that cannot be opened answers why from its own methods.
        let spool = config
            .spool
            .as_ref()
            .map(|s| Spool::open_for_client(s, &config));
        let max_concurrent_calls = config.max_concurrent_calls as usize;
        let client = Client {
            inner: Arc::new({
                let config = Arc::new(config);
                Inner {
                    ate: Ctx::new(&config, &http),
                    grading: Ctx::new(&config, &http),
                    trace: Ctx::new(&config, &http),
                    mgm: Arc::new(Ctx::new(&config, &http)),
                    energy: Ctx::new(&config, &http),
                    config,
                    http,
                    spool,
                    log_id: AtomicI64::new(NEXT_LOG_ID.fetch_add(1, Ordering::Relaxed)),
                    cancel: Default::default(),
                    in_flight: tokio::sync::Semaphore::new(max_concurrent_calls),
                }
            }),
        };
        if let (Some(spool), Some(config)) = (&client.inner.spool, &client.inner.config.spool) {
            // The forwarder sends through the client's call path, holding it weakly.
            let weak = Arc::downgrade(&client.inner);
            let send: crate::spool::Send = Arc::new(move |id: String, params: Value| {
                let client = Client {
                    inner: weak.upgrade()?,
                };
                let call: std::pin::Pin<
                    Box<dyn std::future::Future<Output = Result<Value>> + Send>,
                > = Box::pin(async move { client.call(&id, params).await });
                Some(call)
            });
            spool.start(send, config);
        }
        Ok(client)
    }

    /// The id its log records carry as `client`: a process-unique number from 1, or what
    /// a language layer sets (the C ABI sets its handle).
    pub fn log_id(&self) -> i64 {
        self.inner.log_id.load(Ordering::Relaxed)
    }

    /// The client's statistics as JSON: `calls` (finished calls, generic, typed, batch and
    /// spooled alike), `errors` (their count by kind), `retries` (requests repeated),
    /// `logins` (login and new-token requests), `token_refreshes`, `reconnects` (of live
    /// streams), `bytes_sent` and `bytes_received` (HTTP bodies), and `by_call`: per call
    /// id, `calls`, `errors`, `p50_ms` and `p99_ms` (over its newest 1,024 calls).
    pub fn stats(&self) -> Value {
        self.inner.http.stats().to_json()
    }

    /// Sets the id of [`Client::log_id`].
    pub fn set_log_id(&self, id: i64) {
        self.inner.log_id.store(id, Ordering::Relaxed);
    }

    /// The store-and-forward spool of the `"spool"` configuration section
    /// (`invalid_argument` "no spool configured" without one).
    pub fn spool(&self) -> Result<&Spool> {
        self.inner.spool.as_ref().ok_or_else(|| {
            Error::invalid(
                "no spool configured (add a \"spool\" section to the client configuration)",
            )
        })
    }

    /// The client's connection pool (for probes outside the catalog's calls).
    pub(crate) fn http(&self) -> &Http {
        &self.inner.http
    }

    /// A client from the JSON form of [`ClientConfig`].
    pub fn from_json(config: &str) -> Result<Client> {
        Self::new(ClientConfig::from_json(config)?)
    }

    pub fn config(&self) -> &ClientConfig {
        &self.inner.config
    }

    /// The generic call: a documented call id (`CALLS.md`) and its parameters as a JSON
    /// object; answers the server's JSON. Parameters are checked against the catalog before
    /// anything is sent; authentication, retries and the server's error formats are handled.
    pub async fn call(&self, id: &str, params: Value) -> Result<Value> {
        let (spec, params) = self.checked(id, params)?;
        self.call_checked(spec, params).await
    }

    /// The spec of the request call `id` and `params` checked against it: what
    /// [`Client::call`] and [`Client::start`] refuse before anything is sent.
    fn checked(
        &self,
        id: &str,
        params: Value,
    ) -> Result<(&'static catalog::CallSpec, catalog::Params)> {
        let spec = Self::request_spec(id)?;
        let params = self.validate(spec, params)?;
        Ok((spec, params))
    }

    /// `params` checked against `spec`, their date-times read in the zone of the spec's
    /// server (as that server has them).
    pub(crate) fn validate(
        &self,
        spec: &'static catalog::CallSpec,
        params: Value,
    ) -> Result<catalog::Params> {
        spec.validate_in(params, self.inner.config.time_zone(spec.server))
    }

    /// The spec of a request call (not a live socket session), for [`Client::call`] and
    /// the batch call.
    pub(crate) fn request_spec(id: &str) -> Result<&'static catalog::CallSpec> {
        let spec = catalog::find(id)?;
        if spec.method == catalog::HttpMethod::Socket {
            return Err(Error::invalid(format!(
                "{id} is a live socket session, not a request: open it as a stream or transfer"
            ))
            .with_call(spec.id));
        }
        Ok(spec)
    }

    /// Sends parameters already checked by [`Client::validate`].
    pub(crate) async fn call_checked(
        &self,
        spec: &'static catalog::CallSpec,
        params: catalog::Params,
    ) -> Result<Value> {
        let inner = &*self.inner;
        // The server's request future lives on the heap, sized for that server: the
        // futures of every caller (the language layers' waits, batch workers, operations)
        // then hold a pointer instead of kilobytes that each layer would move.
        type Sending<'a> =
            std::pin::Pin<Box<dyn std::future::Future<Output = Result<Value>> + Send + 'a>>;
        let call: Sending<'_> = match spec.server {
            Server::Ate => Box::pin(ate::call(&inner.ate, spec, params)),
            Server::Grading => Box::pin(grading::call(&inner.grading, spec, params)),
            Server::Trace => Box::pin(trace::call(&inner.trace, spec, params)),
            Server::Mgm => Box::pin(mgm::call(&inner.mgm, spec, params)),
            Server::Energy => Box::pin(energy::call(&inner.energy, spec, params)),
        };
        let started = std::time::Instant::now();
        // Never closed, so the permit always comes.
        let _permit = inner.in_flight.acquire().await;
        let result = crate::log::scope(self.log_id(), spec.id, call).await;
        let kind = result.as_ref().err().map(|e| e.kind);
        inner.http.stats().call(spec.id, started.elapsed(), kind);
        // A failed implicit login is the failure of this call, the login its cause.
        result.map_err(|e| e.in_call(spec.id))
    }

    /// Ends server sessions that should not outlive the client (the energy platform's
    /// login) and stops the spool's forwarder (pending records stay on disk for the next
    /// client of the file). The client stays usable: a later call logs in again; records
    /// enqueued after the close wait on disk.
    pub async fn close(&self) {
        if let Some(spool) = &self.inner.spool {
            spool.stop().await;
        }
        energy::close(&self.inner.energy).await;
    }

    /// [`Client::call`] for threads outside any async runtime (it blocks the caller).
    /// [`Client::cancel_all`] from another thread ends it with a `cancelled` error.
    pub fn call_blocking(&self, id: &str, params: Value) -> Result<Value> {
        self.block_on_here(self.call(id, params))
            .map_err(|e| Self::name_call(e, id))
    }

    /// A cancellation (which knows no call) named after the call `id` it ended.
    pub(crate) fn name_call(e: Error, id: &str) -> Error {
        match (e.call, catalog::find(id)) {
            (None, Ok(spec)) => e.with_call(spec.id),
            _ => e,
        }
    }

    /// Runs a call to completion with its I/O on the caller's thread
    /// ([`runtime::block_on_here`]), ended early by [`Client::cancel_all`]: the one way
    /// every blocking call of the client (sequential or batch) waits.
    pub(crate) fn block_on_here<T>(
        &self,
        call: impl std::future::Future<Output = Result<T>>,
    ) -> Result<T> {
        runtime::block_on_here(self.inner.cancel.run(call))?
    }

    /// Runs `call` until it ends or [`Client::cancel_all`] is called (then a `cancelled`
    /// error naming the call `id`): for language layers that drive blocking calls
    /// themselves.
    pub async fn cancellable<T>(
        &self,
        id: &str,
        call: impl std::future::Future<Output = Result<T>>,
    ) -> Result<T> {
        self.inner
            .cancel
            .run(call)
            .await
            .map_err(|e| Self::name_call(e, id))
    }

    /// Starts a call on the shared runtime and returns at once: [`Client::call`] (or
    /// [`Client::call_typed`] when `typed`) as an [`Op`](crate::Op) to wait for, poll or
    /// cancel. The id and parameters are checked first: a refused call is an error here
    /// and starts nothing. [`Client::cancel_all`] cancels the operation too.
    pub fn start(&self, id: &str, params: Value, typed: bool) -> Result<crate::op::Op> {
        let (spec, params) = self.checked(id, params)?;
        let client = self.clone();
        Ok(crate::op::Op::start(Some(spec.id), async move {
            let call = async {
                let answer = client.call_checked(spec, params).await?;
                if typed {
                    typed_answer(spec, answer)
                } else {
                    Ok(answer)
                }
            };
            client
                .inner
                .cancel
                .run(call)
                .await
                .map_err(|e| e.with_call(spec.id))
        }))
    }

    /// [`Client::energy_all_pages`] as an [`Op`](crate::Op) answering the items as one
    /// JSON array (its parameters are checked inside the operation).
    pub fn start_all_pages(&self, id: &str, params: Value, per_page: u32) -> Result<crate::op::Op> {
        let spec = catalog::find(id)?;
        let client = self.clone();
        Ok(crate::op::Op::start(Some(spec.id), async move {
            let walk = async {
                client
                    .energy_all_pages(spec.id, params, per_page)
                    .await
                    .map(Value::Array)
            };
            client
                .inner
                .cancel
                .run(walk)
                .await
                .map_err(|e| e.with_call(spec.id))
        }))
    }

    /// Cancels every blocking call and operation of this client in flight, from any
    /// thread: each ends with a `cancelled` error and its request is abandoned (its
    /// connection closed, the answer never read). Calls started afterwards run as usual.
    /// Streams, transfers and the spool are not affected.
    pub fn cancel_all(&self) {
        self.inner.cancel.all();
    }
}

/// A call's answer as its typed model's JSON (see [`Client::call_typed`]).
pub(crate) fn typed_answer(spec: &catalog::CallSpec, answer: Value) -> Result<Value> {
    let typed = match spec.answer {
        Answer::Json => Ok(answer),
        Answer::Nothing => Ok(Value::Null),
        Answer::Model(m) => crate::models::typed_json(m, answer),
        Answer::ModelMap(m) => match answer {
            Value::Object(map) => map
                .into_iter()
                .map(|(k, v)| Ok((k, crate::models::typed_json(m, v)?)))
                .collect::<Result<Map<String, Value>>>()
                .map(Value::Object),
            _ => Err(Error::protocol("the answer is not a JSON object")),
        },
    };
    typed.map_err(|e| e.with_call(spec.id))
}
