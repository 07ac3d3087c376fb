//! Stream handles: the live machine data of `mgm.realtime`, by polling or by callback.
//!
//! A stream is opened on a client, told which machines to follow, and then read with
//! `meslink_stream_next` (one event's JSON per call) or handed to a callback. Token
//! expiry, dropped connections, reconnecting and subscribing again all happen inside:
//! the reader only sees `reconnecting` / `reconnected` events between the data.

use crate::buffer::Out;
use crate::error::Failure;
use crate::handles::Registry;
use crate::status::{MESLINK_CLOSED, MESLINK_NO_EVENT, MESLINK_OK};
use crate::text::{self, Encoding};
use crate::worker::{self, User, Worker};
use crate::{client, guard};
use meslink::mgm::{Stream, StreamEvent, StreamOptions};
use meslink::ErrorKind;
use parking_lot::Mutex;
use std::collections::VecDeque;
use std::ffi::{c_char, c_void};
use std::sync::Arc;
use std::time::Duration;

/// An open stream: the core stream, the encoding of the client it was opened on, and
/// its callback worker when one is set.
struct OpenStream {
    stream: Stream,
    encoding: Encoding,
    /// Events a callback worker took from the queue but was stopped before handing
    /// over; `meslink_stream_next` (or the next callback) delivers them first, so turning
    /// a callback off never loses an event.
    held: Arc<Mutex<VecDeque<StreamEvent>>>,
    callback: Mutex<Option<Worker>>,
}

impl OpenStream {
    /// The next held event, else the next queued one within `timeout` (none when 0).
    fn next(&self, timeout: Duration) -> meslink::Result<Option<StreamEvent>> {
        next_of(&self.stream, &self.held, timeout)
    }

    /// The event as the JSON text handed out, in the stream's encoding (no NUL).
    fn encode(&self, event: &StreamEvent) -> Vec<u8> {
        text::encode_out_owned(event.to_json_text(), self.encoding)
    }
}

fn next_of(
    stream: &Stream,
    held: &Mutex<VecDeque<StreamEvent>>,
    timeout: Duration,
) -> meslink::Result<Option<StreamEvent>> {
    if let Some(event) = held.lock().pop_front() {
        return Ok(Some(event));
    }
    // An event already queued is taken without entering the runtime: under a flood of
    // events this is the common case, and `block_on` costs more than the event itself.
    let queued = stream.try_next()?;
    if queued.is_some() || timeout.is_zero() {
        return Ok(queued);
    }
    meslink::runtime::block_on(stream.next(timeout))?
}

/// Every open stream. As for clients, a call holds the `Arc` for its whole duration.
static STREAMS: Registry<OpenStream> = Registry::new();

fn get(id: i32) -> Result<Arc<OpenStream>, Failure> {
    STREAMS.get(id).ok_or_else(|| {
        Failure::handle(format!(
            "stream handle {id} is not open (never issued, already closed, or stale)"
        ))
    })
}

/// The body of an export on the stream `id`; a failure after the lookup is in the
/// stream's encoding.
fn on_stream(
    id: i32,
    body: impl FnOnce(&OpenStream) -> Result<i32, Failure>,
) -> Result<i32, Failure> {
    let open = get(id)?;
    body(&open).map_err(|f| f.in_encoding(open.encoding))
}

/// Opens a live stream (`mgm.realtime`) on `client`, whose configuration must have an
/// `mgm` section. Gets an access token if needed and connects before returning; machines
/// are added with `meslink_stream_subscribe`. The stream's strings (machine ids in,
/// events and errors out) are in the client's encoding.
///
/// `options_json` may be NULL for the defaults, or a JSON object with any of:
/// `{"transport":"sockjs"|"raw", "queue_capacity":4096,
/// "overflow":"drop_oldest"|"drop_newest", "reconnect_initial_ms":200,
/// "reconnect_max_ms":5000}`. `transport` "sockjs" (the default) speaks SockJS framing
/// over its websocket transport, as the platform's JS client does; "raw" uses the plain
/// websocket endpoint. The queue between the socket and the reader holds
/// `queue_capacity` events; when it is full, `overflow` says which event is dropped (the
/// oldest queued, by default, so a slow reader sees the newest state), and
/// `meslink_stream_stats` counts them. Unknown keys are refused.
///
/// On `MESLINK_OK`, `*out_stream` receives the handle, a positive id; close it with
/// `meslink_stream_close`. On any failure `*out_stream` is 0 when `out_stream` is not
/// NULL. The stream does not depend on the client handle staying open: closing the
/// client first is safe, and the stream keeps running until it is closed itself.
///
/// Thread-safe; the handle may be used from any number of threads at once.
///
/// Returns `MESLINK_OK`, `MESLINK_E_INVALID_ARGUMENT` (NULL `out_stream`, malformed or
/// unknown options, no `mgm` section), `MESLINK_E_INVALID_HANDLE` (the client),
/// `MESLINK_E_ENCODING`, `MESLINK_E_TRANSPORT`, `MESLINK_E_TIMEOUT`, `MESLINK_E_AUTH`
/// (the app key or secret was refused), `MESLINK_E_BUSINESS`, `MESLINK_E_PROTOCOL`,
/// `MESLINK_E_NOT_IMPLEMENTED`, `MESLINK_E_INTERNAL`.
///
/// # Safety
/// `options_json` must be NULL or a NUL-terminated string; `out_stream` must be NULL or
/// point to a writable `int32_t`.
#[no_mangle]
pub unsafe extern "C" fn meslink_stream_open(
    client: i32,
    options_json: *const c_char,
    out_stream: *mut i32,
) -> i32 {
    guard::call("meslink_stream_open", || {
        if !out_stream.is_null() {
            // SAFETY: non-NULL; writable per the caller's contract.
            unsafe { out_stream.write_unaligned(0) };
        }
        let open = client::get(client)?;
        let opened = || {
            if out_stream.is_null() {
                return Err(Failure::invalid("`out_stream` is NULL"));
            }
            let options: StreamOptions = if options_json.is_null() {
                StreamOptions::default()
            } else {
                // SAFETY: the caller's contract above.
                let value = unsafe { text::json_arg(options_json, "options_json", open.encoding) }?;
                serde_json::from_value(value)
                    .map_err(|e| Failure::invalid(format!("`options_json`: {e}")))?
            };
            let stream = meslink::runtime::block_on(open.client.mgm_stream_open(options))??;
            let entry = OpenStream {
                stream: stream.clone(),
                encoding: open.encoding,
                held: Arc::default(),
                callback: Mutex::new(None),
            };
            let Some(id) = STREAMS.insert(entry) else {
                stream.close();
                return Err(Failure::internal(
                    "65,535 streams are open; close some with meslink_stream_close",
                ));
            };
            // SAFETY: checked non-NULL above; writable per the caller's contract.
            unsafe { out_stream.write_unaligned(id) };
            Ok(MESLINK_OK)
        };
        opened().map_err(|f| f.in_encoding(open.encoding))
    })
}

/// Follows the machine `machine_id` (e.g. `8wCxAAAAAAABAAA=`, from `mgm.organization`)
/// on the stream: its status, full snapshots and deltas are delivered from now on. The
/// subscription is remembered and sent again after every reconnect. Call once per
/// machine; a machine already followed is not followed twice.
///
/// `machine_id` is read in the stream's encoding; the caller keeps ownership.
/// Thread-safe.
///
/// Returns `MESLINK_OK`, `MESLINK_E_INVALID_ARGUMENT` (NULL or empty `machine_id`),
/// `MESLINK_E_INVALID_HANDLE`, `MESLINK_E_ENCODING`, `MESLINK_E_CLOSED` (the stream was
/// closed meanwhile), `MESLINK_E_INTERNAL`.
///
/// # Safety
/// `machine_id` must be NULL or a NUL-terminated string.
#[no_mangle]
pub unsafe extern "C" fn meslink_stream_subscribe(stream: i32, machine_id: *const c_char) -> i32 {
    guard::call("meslink_stream_subscribe", || {
        on_stream(stream, |s| {
            // SAFETY: the caller's contract above.
            let machine = unsafe { text::arg(machine_id, "machine_id", s.encoding) }?;
            if machine.is_empty() {
                return Err(Failure::invalid("`machine_id` is empty"));
            }
            s.stream.subscribe(&machine)?;
            Ok(MESLINK_OK)
        })
    })
}

/// Takes the next event of the stream, waiting up to `timeout_ms` milliseconds for one
/// (0: do not wait), and writes it into `buf` as one JSON object:
/// `{"type":"status","machine_id":"8wCxAAAAAAABAAA=","data":{...the server's message...}}`
/// where `type` is `status` (machine status, with the alarm fields when the server sends
/// them), `snapshot` (a full axis/spindle record), `delta` (a partial change), `notice`
/// (any other server message, e.g. the token-expiry notice; no `machine_id`),
/// `reconnecting` (`"attempt"`, `"reason"`: the connection was lost and is being
/// restored) or `reconnected` (`"attempt"`: subscriptions are sent again and data
/// follows). `data` is the server's JSON unchanged.
///
/// Buffer rules as `meslink_client_call`: when `cap` is too small the event is not lost;
/// it is kept (`MESLINK_E_BUFFER_TOO_SMALL`, `*out_len` = length needed) and
/// `meslink_answer_fetch` hands it over. On other statuses `*out_len` is 0 and `buf` "".
///
/// With a callback set (`meslink_stream_set_callback`) the events go to the callback and
/// this function refuses with `MESLINK_E_INVALID_ARGUMENT`.
///
/// Thread-safe: several threads may wait on one stream; each event goes to one of them.
/// Blocks the calling thread for at most `timeout_ms`.
///
/// Returns `MESLINK_OK` (an event is in `buf`), `MESLINK_NO_EVENT` (none came within
/// `timeout_ms`), `MESLINK_CLOSED` (the stream was closed by `meslink_stream_close` on
/// another thread while this call waited), `MESLINK_E_BUFFER_TOO_SMALL`,
/// `MESLINK_E_INVALID_ARGUMENT`, `MESLINK_E_INVALID_HANDLE`, `MESLINK_E_INTERNAL`.
///
/// # Safety
/// `buf`: NULL or `cap` writable bytes. `out_len`: NULL or a writable `uint32_t`.
#[no_mangle]
pub unsafe extern "C" fn meslink_stream_next(
    stream: i32,
    timeout_ms: u32,
    buf: *mut c_char,
    cap: u32,
    out_len: *mut u32,
) -> i32 {
    guard::call("meslink_stream_next", || {
        // SAFETY: the caller's contract above.
        let out = unsafe { Out::new(buf, cap, out_len) }?;
        let open = get(stream).inspect_err(|_| out.blank())?;
        let delivered = || {
            if open.callback.lock().is_some() {
                return Err(Failure::invalid(
                    "a callback is set on this stream and receives its events; turn it off \
                     with meslink_stream_set_callback(stream, NULL, NULL) to poll",
                ));
            }
            match open.next(Duration::from_millis(timeout_ms.into())) {
                Ok(Some(event)) => out.write_or_keep(open.encode(&event)),
                Ok(None) => {
                    out.blank();
                    Ok(MESLINK_NO_EVENT)
                }
                Err(e) if e.kind == ErrorKind::Closed => {
                    out.blank();
                    Ok(MESLINK_CLOSED)
                }
                Err(e) => Err(e.into()),
            }
        };
        delivered()
            .inspect_err(|f| {
                if f.status != crate::status::MESLINK_E_BUFFER_TOO_SMALL {
                    out.blank();
                }
            })
            .map_err(|f| f.in_encoding(open.encoding))
    })
}

/// Sets (or, with `callback` NULL, removes) the callback that receives every event of
/// the stream instead of `meslink_stream_next`.
///
/// `callback(user, event_json, len)` is called once per event, in order, on a thread of
/// meslink's (one per stream with a callback; never the caller's, never a runtime
/// thread), with the event's JSON as `meslink_stream_next` writes it: NUL-terminated,
/// `len` bytes without the NUL, in the stream's encoding. `event_json` is valid only
/// during the call: copy what you keep. The callback should return quickly (events
/// queue meanwhile, see `queue_capacity`); it may call any meslink function, including
/// this one or `meslink_stream_close` on its own stream.
///
/// When this function returns, the previous callback is not running and will not be
/// called again (unless this is called from inside that callback, which then finishes
/// its current event), so its `user` data may be freed. An event taken but not yet
/// delivered when a callback is removed is kept for the next reader. `user` is passed
/// back unchanged; meslink never reads it.
///
/// Thread-safe.
///
/// Returns `MESLINK_OK`, `MESLINK_E_INVALID_HANDLE`, `MESLINK_E_INTERNAL` (no thread
/// could be started).
///
/// # Safety
/// `callback` must be NULL or a function safe to call from another thread with these
/// arguments until it is replaced or the stream closed; the same for `user`'s use there.
#[no_mangle]
pub unsafe extern "C" fn meslink_stream_set_callback(
    stream: i32,
    callback: Option<unsafe extern "C" fn(user: *mut c_void, event_json: *const c_char, len: u32)>,
    user: *mut c_void,
) -> i32 {
    guard::call("meslink_stream_set_callback", || {
        on_stream(stream, |s| {
            // The lock is never held while a worker is joined: its callback may call
            // into this stream (next, close, set_callback) and would wait for it.
            let old = s.callback.lock().take();
            if let Some(old) = old {
                old.stop();
            }
            if let Some(cb) = callback {
                let worker = spawn_callback(s, cb, User(user))?;
                let raced = s.callback.lock().replace(worker);
                if let Some(raced) = raced {
                    raced.stop();
                }
            }
            Ok(MESLINK_OK)
        })
    })
}

/// How long the callback worker waits per poll: the delay of noticing a stop while idle.
const CALLBACK_POLL: Duration = Duration::from_millis(100);

fn spawn_callback(
    s: &OpenStream,
    cb: unsafe extern "C" fn(*mut c_void, *const c_char, u32),
    user: User,
) -> Result<Worker, Failure> {
    let stream = s.stream.clone();
    let held = s.held.clone();
    let encoding = s.encoding;
    Worker::spawn("meslink-stream-cb", move |stop| {
        let user = user;
        while !worker::stopped(stop) {
            let event = match next_of(&stream, &held, CALLBACK_POLL) {
                Ok(Some(event)) => event,
                Ok(None) => continue,
                // Closed (the only error a live stream gives): nothing more will come.
                Err(_) => break,
            };
            if worker::stopped(stop) {
                held.lock().push_front(event);
                break;
            }
            let mut bytes = text::encode_out_owned(event.to_json_text(), encoding);
            let len = bytes.len() as u32;
            bytes.push(0);
            // SAFETY: the caller promised `cb` may be called so from this thread; the
            // text is NUL-terminated and lives until the call returns.
            unsafe { cb(user.0, bytes.as_ptr().cast(), len) };
        }
    })
}

/// Writes the stream's counters as JSON into `buf`:
/// `{"delivered":120,"dropped":0,"reconnects":3,"queued":2}`: events handed to the reader
/// (or callback), events dropped because the queue was full (see `overflow` in
/// `meslink_stream_open`), reconnections made, events waiting now.
///
/// Buffer rules as `meslink_client_call`. Thread-safe; never blocks.
///
/// Returns `MESLINK_OK`, `MESLINK_E_BUFFER_TOO_SMALL`, `MESLINK_E_INVALID_ARGUMENT`,
/// `MESLINK_E_INVALID_HANDLE`.
///
/// # Safety
/// `buf`: NULL or `cap` writable bytes. `out_len`: NULL or a writable `uint32_t`.
#[no_mangle]
pub unsafe extern "C" fn meslink_stream_stats(
    stream: i32,
    buf: *mut c_char,
    cap: u32,
    out_len: *mut u32,
) -> i32 {
    guard::call("meslink_stream_stats", || {
        // SAFETY: the caller's contract above.
        let out = unsafe { Out::new(buf, cap, out_len) }?;
        let open = get(stream).inspect_err(|_| out.blank())?;
        out.deliver(|| {
            let mut stats = serde_json::to_value(open.stream.stats())
                .map_err(|e| Failure::internal(e.to_string()))?;
            let held = open.held.lock().len();
            if let Some(queued) = stats.get_mut("queued") {
                *queued = (queued.as_u64().unwrap_or(0) + held as u64).into();
            }
            Ok(text::encode_out(&stats.to_string(), open.encoding))
        })
        .map_err(|f| f.in_encoding(open.encoding))
    })
}

/// Closes the stream: disconnects, stops its callback (waiting for a running callback
/// to return, unless called from inside it), drops the queued events and frees the
/// handle. Threads waiting in `meslink_stream_next` on it return `MESLINK_CLOSED`; a
/// later call with the id returns `MESLINK_E_INVALID_HANDLE`.
///
/// Thread-safe.
///
/// Returns `MESLINK_OK`, `MESLINK_E_INVALID_HANDLE`.
#[no_mangle]
pub extern "C" fn meslink_stream_close(stream: i32) -> i32 {
    guard::call("meslink_stream_close", || {
        let open = STREAMS.remove(stream).ok_or_else(|| {
            Failure::handle(format!(
                "stream handle {stream} is not open (never issued, already closed, or stale)"
            ))
        })?;
        // Closing first wakes the worker's poll, so the join below is quick.
        open.stream.close();
        let worker = open.callback.lock().take();
        if let Some(worker) = worker {
            worker.stop();
        }
        Ok(MESLINK_OK)
    })
}
