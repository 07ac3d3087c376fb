//! The store-and-forward spool of a client: `meslink.spool.Spool` wraps these functions.

use crate::client::Client;
use crate::errors::to_py;
use crate::wait::wait;
use pyo3::prelude::*;
use serde_json::Value;
use std::time::Duration;

/// Runs `body` on the client's spool (`InvalidArgumentError` "no spool configured"
/// without one, `ClosedError` once the client is closed).
fn with_spool<T>(
    py: Python<'_>,
    client: &Client,
    body: impl FnOnce(&meslink::Spool) -> meslink::Result<T> + Send,
) -> PyResult<T>
where
    T: Send,
{
    let core = client.client().map_err(|e| to_py(py, e))?;
    // SQLite writes wait for the disk (synchronous=FULL): no GIL meanwhile.
    crate::log::before(py);
    let outcome = py.allow_threads(|| core.spool().and_then(body));
    crate::log::after(py);
    outcome.map_err(|e| to_py(py, e))
}

/// Stores a record of a spoolable call; answers its sequence number once on disk.
#[pyfunction]
pub(crate) fn spool_enqueue(
    py: Python<'_>,
    client: PyRef<'_, Client>,
    id: &str,
    params_json: &str,
) -> PyResult<i64> {
    let params: Value =
        serde_json::from_str(params_json).map_err(|e| to_py(py, meslink::Error::from(e)))?;
    with_spool(py, &client, |s| s.enqueue(id, params))
}

/// `{"pending", "parked", "dead", "resent_refused", "delivered", "repairs", "salvaged",
/// "lost"}` counts as JSON text.
#[pyfunction]
pub(crate) fn spool_status(py: Python<'_>, client: PyRef<'_, Client>) -> PyResult<String> {
    let status = with_spool(py, &client, |s| s.status())?;
    Ok(serde_json::to_string(&status).unwrap_or_default())
}

/// Pending, parked, dead or resent-refused records as a JSON array.
#[pyfunction]
pub(crate) fn spool_list(
    py: Python<'_>,
    client: PyRef<'_, Client>,
    which: &str,
    limit: usize,
) -> PyResult<String> {
    let which: meslink::SpoolState = which.parse().map_err(|e| to_py(py, e))?;
    let records = with_spool(py, &client, |s| s.list(which, limit))?;
    Ok(serde_json::to_string(&records).unwrap_or_default())
}

/// Sends a record again, whatever its state; answers the state it had.
#[pyfunction]
pub(crate) fn spool_retry(
    py: Python<'_>,
    client: PyRef<'_, Client>,
    seq: i64,
) -> PyResult<&'static str> {
    with_spool(py, &client, |s| s.retry(seq)).map(meslink::SpoolState::name)
}

/// Deletes a record for good, whatever its state; answers the state it had.
#[pyfunction]
pub(crate) fn spool_discard(
    py: Python<'_>,
    client: PyRef<'_, Client>,
    seq: i64,
) -> PyResult<&'static str> {
    with_spool(py, &client, |s| s.discard(seq)).map(meslink::SpoolState::name)
}

/// Waits (GIL released, Ctrl+C answered) until nothing is pending or `timeout` seconds
/// have passed; True when nothing is pending.
#[pyfunction]
pub(crate) fn spool_drain(
    py: Python<'_>,
    client: PyRef<'_, Client>,
    timeout: f64,
) -> PyResult<bool> {
    if !timeout.is_finite() || timeout < 0.0 {
        return Err(to_py(
            py,
            meslink::Error::invalid(format!(
                "timeout must be a number of seconds >= 0, got {timeout}"
            )),
        ));
    }
    let core = client.client().map_err(|e| to_py(py, e))?;
    let timeout = Duration::from_secs_f64(timeout.min(1e9));
    wait(py, async {
        let spool = core.spool()?;
        spool.drain(timeout).await
    })?
    .map_err(|e| to_py(py, e))
}
