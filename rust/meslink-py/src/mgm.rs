//! `meslink._native.Stream` and `meslink._native.Transfer`: the live machine stream
//! (`mgm.realtime`) and file transfers (`mgm.file_transfer`) of the machine-tool IoT
//! platform. `meslink.Stream` and `meslink.Transfer` wrap them; use those.
//!
//! Events, options, requests and progress cross as JSON text, like the calls. Every wait
//! releases the GIL and answers Ctrl+C (see [`crate::wait`]).

use crate::client::Client;
use crate::errors::to_py;
use crate::wait::wait;
use pyo3::prelude::*;
use std::time::Duration;

/// A wait with no timeout waits in slices of this length, so it never overflows a clock.
const FOREVER_SLICE: Duration = Duration::from_secs(3600);

/// `timeout` in seconds (`None`: no limit) as a duration; negative or NaN is refused.
fn timeout(seconds: Option<f64>) -> Result<Option<Duration>, meslink::Error> {
    match seconds {
        None => Ok(None),
        Some(s) => Duration::try_from_secs_f64(s).map(Some).map_err(|_| {
            meslink::Error::invalid(format!(
                "timeout must be a number of seconds, 0 or more, or None; got {s}"
            ))
        }),
    }
}

fn parse<T: serde::de::DeserializeOwned>(
    text: Option<&str>,
    what: &str,
) -> Result<Option<T>, meslink::Error> {
    text.map(|t| {
        serde_json::from_str(t).map_err(|e| meslink::Error::invalid(format!("invalid {what}: {e}")))
    })
    .transpose()
}

/// A live stream of one client's machines.
#[pyclass(module = "meslink._native", frozen)]
pub(crate) struct Stream {
    inner: meslink::mgm::Stream,
}

#[pymethods]
impl Stream {
    /// Opens the stream on `client` (connects before returning). `options_json`: the
    /// core's `StreamOptions` as JSON (`None` for the defaults).
    #[new]
    #[pyo3(signature = (client, options_json=None))]
    fn new(py: Python<'_>, client: &Client, options_json: Option<&str>) -> PyResult<Self> {
        let client = client.client().map_err(|e| to_py(py, e))?;
        let options = parse(options_json, "stream options")
            .map_err(|e| to_py(py, e))?
            .unwrap_or_default();
        let inner = wait(py, client.mgm_stream_open(options))?.map_err(|e| to_py(py, e))?;
        Ok(Stream { inner })
    }

    fn subscribe(&self, py: Python<'_>, machine_id: &str) -> PyResult<()> {
        self.inner.subscribe(machine_id).map_err(|e| to_py(py, e))
    }

    /// The next event as JSON text, waiting up to `timeout` seconds (`None`: until one
    /// comes); `None` when none came in time. Raises `ClosedError` once closed.
    #[pyo3(signature = (timeout=None))]
    fn next(&self, py: Python<'_>, timeout: Option<f64>) -> PyResult<Option<String>> {
        let limit = self::timeout(timeout).map_err(|e| to_py(py, e))?;
        // An event already queued is taken without releasing the GIL or entering the
        // runtime: under a flood of events that is the common case.
        if let Some(event) = self.inner.try_next().map_err(|e| to_py(py, e))? {
            return Ok(Some(event.to_json_text()));
        }
        let stream = self.inner.clone();
        let event = wait(py, async move {
            match limit {
                Some(limit) if limit.is_zero() => stream.try_next(),
                Some(limit) => stream.next(limit).await,
                None => loop {
                    if let Some(event) = stream.next(FOREVER_SLICE).await? {
                        break Ok(Some(event));
                    }
                },
            }
        })?
        .map_err(|e| to_py(py, e))?;
        Ok(event.map(|e| e.to_json_text()))
    }

    /// The counters as JSON text: `{"delivered", "dropped", "reconnects", "queued"}`.
    fn stats(&self) -> String {
        serde_json::to_string(&self.inner.stats()).unwrap_or_default()
    }

    /// The machines subscribed so far.
    fn machines(&self) -> Vec<String> {
        self.inner.machines()
    }

    /// Disconnects and wakes every waiter (they raise `ClosedError`). Idempotent.
    fn close(&self, py: Python<'_>) {
        py.allow_threads(|| self.inner.close());
    }

    #[getter]
    fn closed(&self) -> bool {
        self.inner.is_closed()
    }
}

/// A file transfer running in the background.
#[pyclass(module = "meslink._native", frozen)]
pub(crate) struct Transfer {
    inner: meslink::mgm::Transfer,
}

#[pymethods]
impl Transfer {
    /// Checks the request (the core's `TransferRequest` as JSON) and starts sending.
    #[new]
    fn new(py: Python<'_>, client: &Client, request_json: &str) -> PyResult<Self> {
        let client = client.client().map_err(|e| to_py(py, e))?;
        let request: meslink::mgm::TransferRequest = parse(Some(request_json), "transfer request")
            .map_err(|e| to_py(py, e))?
            .expect("Some in, Some out");
        let inner = wait(py, client.mgm_transfer_start(request))?.map_err(|e| to_py(py, e))?;
        Ok(Transfer { inner })
    }

    /// The progress now as JSON text: `{"sent", "total", "finished", "file_id",
    /// "request_id"}`. Never blocks.
    fn progress(&self) -> String {
        serde_json::to_string(&self.inner.progress()).unwrap_or_default()
    }

    /// Waits up to `timeout` seconds (`None`: until the end) and answers the final
    /// progress as JSON text, or `None` if still running. Raises the transfer's error.
    #[pyo3(signature = (timeout=None))]
    fn wait(&self, py: Python<'_>, timeout: Option<f64>) -> PyResult<Option<String>> {
        let limit = self::timeout(timeout).map_err(|e| to_py(py, e))?;
        let transfer = self.inner.clone();
        let done = wait(py, async move {
            match limit {
                Some(limit) => transfer.wait(limit).await,
                None => loop {
                    if let Some(done) = transfer.wait(FOREVER_SLICE).await? {
                        break Ok(Some(done));
                    }
                },
            }
        })?
        .map_err(|e| to_py(py, e))?;
        Ok(done.map(|p| serde_json::to_string(&p).unwrap_or_default()))
    }

    /// Stops sending; the transfer ends with `ClosedError` unless it finished first.
    fn cancel(&self) {
        self.inner.cancel();
    }
}
