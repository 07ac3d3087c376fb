//! `mgm.realtime`: the live machine stream behind a handle.
//!
//! A reader task on the shared runtime owns the socket. It turns every server message into
//! a [`StreamEvent`], puts it in a bounded queue that the caller drains with
//! [`Stream::next`] / [`Stream::try_next`], and keeps the session alive: when the server
//! closes it (the token expired: the server sends a notice with code 3005, then closes) or
//! the connection drops, the task renews the token if it was refused, reconnects with
//! capped exponential backoff, subscribes every machine again, and reports this as
//! `Reconnecting` / `Reconnected` events. Only [`Stream::close`] (or dropping the last
//! clone of the stream) ends it.
//!
//! **Overflow policy.** The queue holds [`StreamOptions::queue_capacity`] events. When it
//! is full, [`Overflow::DropOldest`] (the default) discards the oldest queued event to make
//! room, so a slow caller always sees the latest state of its machines;
//! [`Overflow::DropNewest`] discards the arriving event instead, keeping what is queued
//! in order. Either way every discarded event is counted in [`StreamStats::dropped`]; the
//! socket is never blocked, so heartbeats and token expiry are handled however slow the
//! caller is.

use super::sockjs::{self, Incoming, Receiver, Sender, StreamTransport};
use super::MgmCtx;
use crate::error::{Error, ErrorKind, Result};
use crate::runtime;
use crate::secret::Secret;
use parking_lot::Mutex;
use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};
use std::collections::VecDeque;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::{mpsc, watch, Notify};

/// What happens to an event that arrives when the queue is full.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Overflow {
    /// Discard the oldest queued event (the caller sees the latest state).
    #[default]
    DropOldest,
    /// Discard the arriving event (the queued events stay as they are).
    DropNewest,
}

/// Settings of one stream. JSON: `{"transport":"raw","queue_capacity":100}`; every field
/// is optional.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct StreamOptions {
    pub transport: StreamTransport,
    /// Events held for the caller (at least 1; default 4096).
    pub queue_capacity: usize,
    pub overflow: Overflow,
    /// Delay before the second reconnect attempt, doubled each time (default 200 ms). The
    /// first attempt after a token expiry is immediate.
    pub reconnect_initial_ms: u64,
    /// Cap of the reconnect delay (default 5000 ms).
    pub reconnect_max_ms: u64,
}

impl Default for StreamOptions {
    fn default() -> Self {
        StreamOptions {
            transport: StreamTransport::SockJs,
            queue_capacity: 4096,
            overflow: Overflow::DropOldest,
            reconnect_initial_ms: 200,
            reconnect_max_ms: 5000,
        }
    }
}

/// Largest accepted queue (events).
const MAX_QUEUE: usize = 1 << 22;

impl StreamOptions {
    fn validate(&self) -> Result<()> {
        if self.queue_capacity == 0 || self.queue_capacity > MAX_QUEUE {
            return Err(Error::invalid(format!(
                "queue_capacity must be between 1 and {MAX_QUEUE}, got {}",
                self.queue_capacity
            )));
        }
        if self.reconnect_initial_ms == 0 || self.reconnect_max_ms < self.reconnect_initial_ms {
            return Err(Error::invalid(
                "reconnect_initial_ms must be above 0 and at most reconnect_max_ms",
            ));
        }
        Ok(())
    }

    /// The pause before reconnect attempt `attempt` (from 1), with +-25 % jitter.
    fn backoff(&self, attempt: u32) -> Duration {
        let exp = self
            .reconnect_initial_ms
            .saturating_mul(1u64 << attempt.saturating_sub(1).min(20));
        let capped = exp.min(self.reconnect_max_ms) as f64;
        Duration::from_millis((capped * (0.75 + fastrand::f64() * 0.5)) as u64)
    }
}

/// One thing the stream delivers.
#[derive(Debug, Clone, PartialEq)]
pub enum StreamEvent {
    /// A machine's state: `{status, status_time, machine_id}` plus alarm fields when the
    /// machine is in alarm.
    Status { machine_id: String, raw: Value },
    /// The full axis / spindle / program record of a machine (has `id`, `program`, `time`...).
    Snapshot { machine_id: String, raw: Value },
    /// A partial change of that record (has `id` and the changed fields).
    Delta { machine_id: String, raw: Value },
    /// Any other server message, e.g. `{"code":3005,"message":"access_token expired"}`.
    Notice { raw: Value },
    /// The session ended and attempt `attempt` to open it again starts.
    Reconnecting { attempt: u32, reason: String },
    /// Attempt `attempt` succeeded; every machine is subscribed again.
    Reconnected { attempt: u32 },
}

impl StreamEvent {
    /// `"status"`, `"snapshot"`, `"delta"`, `"notice"`, `"reconnecting"` or `"reconnected"`.
    pub fn kind(&self) -> &'static str {
        match self {
            StreamEvent::Status { .. } => "status",
            StreamEvent::Snapshot { .. } => "snapshot",
            StreamEvent::Delta { .. } => "delta",
            StreamEvent::Notice { .. } => "notice",
            StreamEvent::Reconnecting { .. } => "reconnecting",
            StreamEvent::Reconnected { .. } => "reconnected",
        }
    }

    /// `{"type": kind, "machine_id"?, "data"?: raw, "attempt"?, "reason"?}`.
    pub fn to_json(&self) -> Value {
        let mut out = Map::new();
        out.insert("type".into(), json!(self.kind()));
        match self {
            StreamEvent::Status { machine_id, raw }
            | StreamEvent::Snapshot { machine_id, raw }
            | StreamEvent::Delta { machine_id, raw } => {
                out.insert("machine_id".into(), json!(machine_id));
                out.insert("data".into(), raw.clone());
            }
            StreamEvent::Notice { raw } => {
                out.insert("data".into(), raw.clone());
            }
            StreamEvent::Reconnecting { attempt, reason } => {
                out.insert("attempt".into(), json!(attempt));
                out.insert("reason".into(), json!(reason));
            }
            StreamEvent::Reconnected { attempt } => {
                out.insert("attempt".into(), json!(attempt));
            }
        }
        Value::Object(out)
    }

    /// [`StreamEvent::to_json`] as text, written straight from the event (no copy of
    /// `data`): the same keys in the same (sorted) order.
    pub fn to_json_text(&self) -> String {
        /// The event's fields, borrowed, in the sorted key order of a `serde_json::Map`.
        #[derive(Serialize)]
        struct Text<'a> {
            #[serde(skip_serializing_if = "Option::is_none")]
            attempt: Option<u32>,
            #[serde(skip_serializing_if = "Option::is_none")]
            data: Option<&'a Value>,
            #[serde(skip_serializing_if = "Option::is_none")]
            machine_id: Option<&'a str>,
            #[serde(skip_serializing_if = "Option::is_none")]
            reason: Option<&'a str>,
            #[serde(rename = "type")]
            kind: &'static str,
        }
        let mut t = Text {
            attempt: None,
            data: None,
            machine_id: None,
            reason: None,
            kind: self.kind(),
        };
        match self {
            StreamEvent::Status { machine_id, raw }
            | StreamEvent::Snapshot { machine_id, raw }
            | StreamEvent::Delta { machine_id, raw } => {
                t.machine_id = Some(machine_id);
                t.data = Some(raw);
            }
            StreamEvent::Notice { raw } => t.data = Some(raw),
            StreamEvent::Reconnecting { attempt, reason } => {
                t.attempt = Some(*attempt);
                t.reason = Some(reason);
            }
            StreamEvent::Reconnected { attempt } => t.attempt = Some(*attempt),
        }
        // Serialising borrowed strings and a `Value` cannot fail.
        serde_json::to_string(&t).unwrap_or_default()
    }

    /// Sorts a server message: `status` → Status; `id` with the record's identifying
    /// fields (`program`, `time`) or many fields → Snapshot; `id` otherwise → Delta; the
    /// rest → Notice.
    pub(crate) fn classify(raw: Value) -> StreamEvent {
        let Some(obj) = raw.as_object() else {
            return StreamEvent::Notice { raw };
        };
        let text = |k: &str| obj.get(k).and_then(Value::as_str).map(str::to_owned);
        if obj.contains_key("status") {
            if let Some(machine_id) = text("machine_id").or_else(|| text("id")) {
                return StreamEvent::Status { machine_id, raw };
            }
        } else if let Some(machine_id) = text("id") {
            let full = obj.contains_key("program") || obj.contains_key("time") || obj.len() >= 8;
            return if full {
                StreamEvent::Snapshot { machine_id, raw }
            } else {
                StreamEvent::Delta { machine_id, raw }
            };
        }
        StreamEvent::Notice { raw }
    }
}

/// Counters of one stream.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct StreamStats {
    /// Events handed to the caller.
    pub delivered: u64,
    /// Events discarded because the queue was full.
    pub dropped: u64,
    /// Sessions opened again after a close or a drop.
    pub reconnects: u64,
    /// Events waiting in the queue now.
    pub queued: usize,
}

/// A live stream of machine events. Cheap to clone; clones share the queue. The reader
/// task stops when [`Stream::close`] is called or the last clone is dropped.
#[derive(Clone)]
pub struct Stream {
    handle: Arc<Handle>,
}

impl std::fmt::Debug for Stream {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Stream")
            .field("stats", &self.stats())
            .field("closed", &self.shared().closed.load(Ordering::Acquire))
            .finish()
    }
}

/// Closes the stream when the last [`Stream`] clone goes.
struct Handle {
    shared: Arc<Shared>,
}

impl Drop for Handle {
    fn drop(&mut self) {
        self.shared.close();
    }
}

struct Shared {
    options: StreamOptions,
    queue: Mutex<VecDeque<StreamEvent>>,
    arrived: Notify,
    closed: AtomicBool,
    stop: watch::Sender<bool>,
    machines: Mutex<Vec<String>>,
    subscribe: mpsc::UnboundedSender<String>,
    delivered: AtomicU64,
    dropped: AtomicU64,
    reconnects: AtomicU64,
}

impl Shared {
    fn push(&self, event: StreamEvent) {
        {
            let mut q = self.queue.lock();
            if q.len() >= self.options.queue_capacity {
                self.dropped.fetch_add(1, Ordering::Relaxed);
                match self.options.overflow {
                    Overflow::DropOldest => {
                        q.pop_front();
                        q.push_back(event);
                    }
                    Overflow::DropNewest => {}
                }
            } else {
                q.push_back(event);
            }
        }
        self.arrived.notify_waiters();
    }

    fn close(&self) {
        if !self.closed.swap(true, Ordering::AcqRel) {
            let _ = self.stop.send(true);
            self.queue.lock().clear();
            self.arrived.notify_waiters();
        }
    }
}

/// Opens the live stream (`mgm.realtime`): gets a token, connects, and starts the
/// reader task on the shared runtime. Subscribe machines with [`Stream::subscribe`].
/// Fails if the first session cannot be opened; after that the stream reconnects by
/// itself until closed.
pub(crate) async fn open(ctx: Arc<MgmCtx>, options: StreamOptions) -> Result<Stream> {
    options.validate()?;
    let transport = options.transport;
    let first = runtime::get()
        .spawn(async move {
            let session = open_session(&ctx, transport).await;
            (ctx, session)
        })
        .await
        .map_err(|e| Error::internal(format!("the stream task failed: {e}")))?;
    let (ctx, session) = first;
    let (tx, rx, token) = session.map_err(|e| e.in_call("mgm.realtime"))?;
    let (subscribe, commands) = mpsc::unbounded_channel();
    let (stop, stopped) = watch::channel(false);
    let shared = Arc::new(Shared {
        options,
        queue: Mutex::new(VecDeque::new()),
        arrived: Notify::new(),
        closed: AtomicBool::new(false),
        stop,
        machines: Mutex::new(Vec::new()),
        subscribe,
        delivered: AtomicU64::new(0),
        dropped: AtomicU64::new(0),
        reconnects: AtomicU64::new(0),
    });
    let task = Task {
        shared: shared.clone(),
        ctx,
        commands,
        stopped,
    };
    runtime::get().spawn(task.run(tx, rx, token));
    Ok(Stream {
        handle: Arc::new(Handle { shared }),
    })
}

impl Stream {
    fn shared(&self) -> &Shared {
        &self.handle.shared
    }

    /// Subscribes `machine_id` (`{"machine_id": ..., "page": "a"}`). Remembered: it is sent
    /// again after every reconnect. Subscribing a machine twice is a no-op.
    pub fn subscribe(&self, machine_id: &str) -> Result<()> {
        let s = self.shared();
        if machine_id.trim().is_empty() {
            return Err(Error::invalid("machine_id is empty"));
        }
        if s.closed.load(Ordering::Acquire) {
            return Err(closed());
        }
        let mut machines = s.machines.lock();
        if machines.iter().any(|m| m == machine_id) {
            return Ok(());
        }
        machines.push(machine_id.to_string());
        // Sent under the lock, so a reconnect never subscribes it a second time.
        let _ = s.subscribe.send(machine_id.to_string());
        Ok(())
    }

    /// The machines subscribed so far.
    pub fn machines(&self) -> Vec<String> {
        self.shared().machines.lock().clone()
    }

    /// The next event, waiting up to `timeout`. `Ok(None)`: nothing arrived in time.
    /// `Err` of kind [`ErrorKind::Closed`] once the stream was closed.
    pub async fn next(&self, timeout: Duration) -> Result<Option<StreamEvent>> {
        let deadline = tokio::time::Instant::now() + timeout;
        loop {
            let arrived = self.shared().arrived.notified();
            tokio::pin!(arrived);
            arrived.as_mut().enable();
            if let Some(event) = self.try_next()? {
                return Ok(Some(event));
            }
            if tokio::time::timeout_at(deadline, arrived).await.is_err() {
                return self.try_next();
            }
        }
    }

    /// [`Stream::next`] for threads outside any async runtime.
    pub fn next_blocking(&self, timeout: Duration) -> Result<Option<StreamEvent>> {
        runtime::block_on(self.next(timeout))?
    }

    /// The next queued event without waiting.
    pub fn try_next(&self) -> Result<Option<StreamEvent>> {
        let s = self.shared();
        if s.closed.load(Ordering::Acquire) {
            return Err(closed());
        }
        let event = s.queue.lock().pop_front();
        if event.is_some() {
            s.delivered.fetch_add(1, Ordering::Relaxed);
        }
        Ok(event)
    }

    pub fn stats(&self) -> StreamStats {
        let s = self.shared();
        StreamStats {
            delivered: s.delivered.load(Ordering::Relaxed),
            dropped: s.dropped.load(Ordering::Relaxed),
            reconnects: s.reconnects.load(Ordering::Relaxed),
            queued: s.queue.lock().len(),
        }
    }

    /// Stops the reader task (it closes the session) and wakes every waiter; queued events
    /// are discarded. Idempotent.
    pub fn close(&self) {
        self.shared().close();
    }

    pub fn is_closed(&self) -> bool {
        self.shared().closed.load(Ordering::Acquire)
    }
}

fn closed() -> Error {
    Error::new(ErrorKind::Closed, "the stream is closed").with_call("mgm.realtime")
}

/// A token and a session opened with it; a refused token is renewed and tried once more.
async fn open_session(
    ctx: &MgmCtx,
    transport: StreamTransport,
) -> Result<(Sender, Receiver, Secret)> {
    let mut renewed = false;
    loop {
        let token = super::access_token(ctx).await?;
        let query = [("session_id", token.expose())];
        match sockjs::connect(ctx, "/real_time", &query, transport).await {
            Ok((tx, rx)) => return Ok((tx, rx, token)),
            Err(e) if e.kind == ErrorKind::Auth && !renewed => {
                super::token_rejected(ctx, &token).await;
                renewed = true;
            }
            Err(e) => return Err(e),
        }
    }
}

/// The reader pings the server this often (SockJS servers also send `h` every ~25 s)...
const PING_EVERY: Duration = Duration::from_secs(20);
/// ...and treats this much silence (no message, heartbeat or pong) as a dead connection.
const SILENCE_LIMIT: Duration = Duration::from_secs(65);

/// Why a session ended.
struct Ending {
    reason: String,
    /// The server refused or expired the token (codes 3003, 3005, 3007, 3008).
    token_refused: bool,
}

fn is_token_code(code: i64) -> bool {
    super::codes::is_token_rejection(code)
}

/// A reopened session counts as accepted once the server sends its first application
/// message, or when this long passes without a refusal. SockJS servers send the open
/// frame before the application has looked at the token, so the open frame alone proves
/// nothing (a refused token arrives after it as a notice and a close).
const ACCEPT_WINDOW: Duration = Duration::from_millis(1500);

/// The code of a message refusing the session: an OAuth code the table classes as an
/// authentication failure (a refused token or key). A complaint about one machine (3012)
/// or a subscription's content (3010) comes from a session the server accepted.
fn refusal_code(raw: &Value) -> Option<i64> {
    let code = raw.get("code")?;
    let code = code
        .as_i64()
        .or_else(|| code.as_str().and_then(|s| s.trim().parse().ok()))?;
    super::codes::lookup(code)
        .filter(|c| c.kind == ErrorKind::Auth)
        .map(|c| c.code)
}

/// What the server made of a reopened session.
enum Verdict {
    /// Accepted; the first application message, if one came.
    Accepted(Option<Value>),
    Refused(Ending),
}

/// The reader task's state.
struct Task {
    shared: Arc<Shared>,
    ctx: Arc<MgmCtx>,
    commands: mpsc::UnboundedReceiver<String>,
    stopped: watch::Receiver<bool>,
}

impl Task {
    async fn run(mut self, mut tx: Sender, mut rx: Receiver, mut token: Secret) {
        loop {
            let Some(ending) = self.pump(&mut tx, &mut rx).await else {
                tx.close().await;
                return;
            };
            tracing::warn!(reason = %ending.reason, "mgm stream session ended; reconnecting");
            match self.reconnect(ending, &token).await {
                Some((t, r, k)) => (tx, rx, token) = (t, r, k),
                None => return,
            }
        }
    }

    /// Moves messages from the socket to the queue and subscriptions to the socket until
    /// the session ends (`Some`) or the stream is closed (`None`).
    async fn pump(&mut self, tx: &mut Sender, rx: &mut Receiver) -> Option<Ending> {
        let mut token_refused = false;
        let mut liveness =
            tokio::time::interval_at(tokio::time::Instant::now() + PING_EVERY, PING_EVERY);
        loop {
            tokio::select! {
                biased;
                _ = stopped(&mut self.stopped) => return None,
                _ = liveness.tick() => {
                    if rx.silence() > SILENCE_LIMIT {
                        let reason = format!(
                            "the server sent nothing for {} s", SILENCE_LIMIT.as_secs()
                        );
                        return Some(Ending { reason, token_refused });
                    }
                    if let Err(e) = tx.ping().await {
                        return Some(Ending { reason: e.message, token_refused });
                    }
                }
                Some(machine) = self.commands.recv() => {
                    if let Err(e) = tx.send(&[subscription(&machine)]).await {
                        return Some(Ending { reason: e.message, token_refused });
                    }
                }
                incoming = rx.recv() => match incoming {
                    Ok(Incoming::Message(raw)) => {
                        if raw.get("code").and_then(Value::as_i64).is_some_and(is_token_code) {
                            token_refused = true;
                        }
                        self.shared.push(StreamEvent::classify(raw));
                    }
                    Ok(Incoming::Closed { code, reason }) => {
                        let token_refused =
                            token_refused || code.is_some_and(|c| is_token_code(c.into()));
                        let reason = match code {
                            Some(c) => format!("the server closed the session ({c} {reason})"),
                            None => reason,
                        };
                        return Some(Ending { reason, token_refused });
                    }
                    Err(e) => return Some(Ending { reason: e.message, token_refused }),
                },
            }
        }
    }

    /// Opens the session again (renewing a refused token) and subscribes every machine;
    /// `None` once the stream is closed.
    async fn reconnect(
        &mut self,
        mut ending: Ending,
        token: &Secret,
    ) -> Option<(Sender, Receiver, Secret)> {
        let options = self.shared.options.clone();
        let mut attempt = 0u32;
        loop {
            attempt += 1;
            self.shared.push(StreamEvent::Reconnecting {
                attempt,
                reason: ending.reason.clone(),
            });
            let pause = if attempt == 1 && ending.token_refused {
                Duration::ZERO
            } else {
                options.backoff(attempt)
            };
            if ending.token_refused {
                super::token_rejected(&self.ctx, token).await;
            }
            let ctx = self.ctx.clone();
            let opened = tokio::select! {
                biased;
                _ = stopped(&mut self.stopped) => return None,
                opened = async {
                    tokio::time::sleep(pause).await;
                    open_session(&ctx, options.transport).await
                } => opened,
            };
            match opened {
                Ok((mut tx, mut rx, new_token)) => match self.resubscribe(&mut tx).await {
                    Ok(()) => match self.accepted(&mut rx).await? {
                        Verdict::Accepted(first) => {
                            self.shared.reconnects.fetch_add(1, Ordering::Relaxed);
                            tracing::info!(attempt, "mgm stream reconnected");
                            self.ctx.http.stats().reconnect();
                            self.shared.push(StreamEvent::Reconnected { attempt });
                            if let Some(raw) = first {
                                self.shared.push(StreamEvent::classify(raw));
                            }
                            return Some((tx, rx, new_token));
                        }
                        Verdict::Refused(refusal) => {
                            tx.close().await;
                            ending = refusal;
                        }
                    },
                    Err(e) => {
                        ending = Ending {
                            reason: e.message,
                            token_refused: false,
                        }
                    }
                },
                Err(e) => {
                    ending = Ending {
                        reason: e.to_string(),
                        token_refused: e.kind == ErrorKind::Auth,
                    }
                }
            }
        }
    }

    /// Waits for the server's verdict on a reopened session ([`ACCEPT_WINDOW`]); `None`
    /// once the stream is closed. A refusal's notice is delivered as an event.
    async fn accepted(&mut self, rx: &mut Receiver) -> Option<Verdict> {
        let until = tokio::time::Instant::now() + ACCEPT_WINDOW;
        let incoming = tokio::select! {
            biased;
            _ = stopped(&mut self.stopped) => return None,
            incoming = tokio::time::timeout_at(until, rx.recv()) => incoming,
        };
        Some(match incoming {
            Err(_) => Verdict::Accepted(None),
            Ok(Ok(Incoming::Message(raw))) => match refusal_code(&raw) {
                Some(code) => {
                    self.shared.push(StreamEvent::classify(raw));
                    Verdict::Refused(Ending {
                        reason: format!("the server refused the session ({code})"),
                        token_refused: is_token_code(code),
                    })
                }
                None => Verdict::Accepted(Some(raw)),
            },
            Ok(Ok(Incoming::Closed { code, reason })) => Verdict::Refused(Ending {
                token_refused: code.is_some_and(|c| is_token_code(c.into())),
                reason: match code {
                    Some(c) => format!("the server closed the session ({c} {reason})"),
                    None => reason,
                },
            }),
            Ok(Err(e)) => Verdict::Refused(Ending {
                reason: e.message,
                token_refused: false,
            }),
        })
    }

    /// Sends every remembered subscription in one frame.
    async fn resubscribe(&mut self, tx: &mut Sender) -> Result<()> {
        let messages: Vec<String> = {
            let machines = self.shared.machines.lock();
            // Subscriptions queued while disconnected are in `machines` already.
            while self.commands.try_recv().is_ok() {}
            machines.iter().map(|m| subscription(m)).collect()
        };
        if messages.is_empty() {
            return Ok(());
        }
        tx.send(&messages).await
    }
}

/// Resolves once the stream is closed (the borrow guard is not held across awaits).
async fn stopped(rx: &mut watch::Receiver<bool>) {
    let _ = rx.wait_for(|s| *s).await;
}

fn subscription(machine_id: &str) -> String {
    json!({ "machine_id": machine_id, "page": "a" }).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_refused_token_or_key_refuses_a_reopened_session() {
        assert_eq!(
            refusal_code(&json!({"code": 3005, "message": "x"})),
            Some(3005)
        );
        assert_eq!(refusal_code(&json!({"code": "3003"})), Some(3003));
        assert_eq!(
            refusal_code(&json!({"code": 3012, "message": "no machine"})),
            None
        );
        assert_eq!(refusal_code(&json!({"code": 3010})), None);
        assert_eq!(refusal_code(&json!({"code": 200})), None);
        assert_eq!(
            refusal_code(&json!({"status": "1", "machine_id": "m"})),
            None
        );
    }

    #[test]
    fn json_text_is_the_json_value_as_text() {
        let events = [
            StreamEvent::classify(json!({"id": "m", "Xact": "1.000", "sent_us": 5})),
            StreamEvent::classify(json!({"status": 3, "machine_id": "m\"q"})),
            StreamEvent::classify(json!({"code": 3005, "message": "access_token expired"})),
            StreamEvent::Reconnecting {
                attempt: 2,
                reason: "gone \u{1}".into(),
            },
            StreamEvent::Reconnected { attempt: 2 },
        ];
        for e in events {
            assert_eq!(e.to_json_text(), e.to_json().to_string());
        }
    }

    #[test]
    fn classifies_the_documented_messages() {
        let status = json!({"status": 5, "status_time": "2018-09-17T01:52:52.894000Z",
                            "machine_id": "GADIAAAAAgABAAA="});
        let full = json!({"Fovr": "300.000", "S1load": "0.000", "id": "GADIAAAAAgABAAA=",
                          "program": "1004.1004", "time": "2018-09-17T06:30:30.156Z"});
        let delta = json!({"Xact": "260.306", "id": "GADIAAAAAgABAAA=", "Yact": "353.640"});
        let notice = json!({"code": 3005, "message": "access_token expired"});
        assert_eq!(StreamEvent::classify(status).kind(), "status");
        assert_eq!(StreamEvent::classify(full).kind(), "snapshot");
        assert_eq!(StreamEvent::classify(delta.clone()).kind(), "delta");
        assert_eq!(StreamEvent::classify(notice).kind(), "notice");
        assert_eq!(StreamEvent::classify(json!("text")).kind(), "notice");
        let j = StreamEvent::classify(delta).to_json();
        assert_eq!(j["type"], "delta");
        assert_eq!(j["machine_id"], "GADIAAAAAgABAAA=");
        assert_eq!(j["data"]["Xact"], "260.306");
        let r = StreamEvent::Reconnecting {
            attempt: 2,
            reason: "x".into(),
        }
        .to_json();
        assert_eq!(
            r,
            json!({"type": "reconnecting", "attempt": 2, "reason": "x"})
        );
    }

    #[test]
    fn options_parse_and_validate() {
        let o: StreamOptions =
            serde_json::from_str(r#"{"transport":"raw","overflow":"drop_newest"}"#).unwrap();
        assert_eq!(o.transport, StreamTransport::Raw);
        assert_eq!(o.overflow, Overflow::DropNewest);
        assert_eq!(o.queue_capacity, 4096);
        assert!(serde_json::from_str::<StreamOptions>(r#"{"queue":1}"#).is_err());
        let bad = StreamOptions {
            queue_capacity: 0,
            ..Default::default()
        };
        assert!(bad.validate().is_err());
        assert!(StreamOptions::default().backoff(30) <= Duration::from_millis(6250));
    }
}
