//! `meslink._native.Client`: one core client behind a lock that `close` empties.

use crate::errors::to_py;
use crate::wait::{wait, wait_here};
use parking_lot::Mutex;
use pyo3::prelude::*;
use serde_json::Value;

/// A core client. `meslink.Client` wraps it; use that.
///
/// Every method that may touch the network releases the GIL while it waits, so other
/// Python threads run meanwhile and many threads may call one client at once.
#[pyclass(module = "meslink._native", frozen)]
pub(crate) struct Client {
    /// `None` once closed. A call clones the core client out first (a cheap `Arc` clone),
    /// so `close` from another thread never waits for, nor breaks, a call in flight.
    inner: Mutex<Option<meslink::Client>>,
}

impl Client {
    /// The generic or the typed call with Python values both ways (no JSON text), run on
    /// the calling thread with the GIL released once.
    fn answer_value(
        &self,
        py: Python<'_>,
        id: &str,
        params: Option<&Bound<'_, PyAny>>,
        typed: bool,
    ) -> PyResult<PyObject> {
        let params = match params {
            Some(p) if !p.is_none() => crate::values::to_value(p)?,
            _ => Value::Null,
        };
        let client = self.client().map_err(|e| to_py(py, e))?;
        let answer = client.cancellable(id, async {
            if typed {
                client.call_typed(id, params).await
            } else {
                client.call(id, params).await
            }
        });
        match wait_here(py, answer)? {
            Ok(v) => crate::values::to_py(py, v),
            Err(e) => Err(to_py(py, e)),
        }
    }

    /// The core client, or a `Closed` error once closed.
    pub(crate) fn client(&self) -> Result<meslink::Client, meslink::Error> {
        self.inner
            .lock()
            .clone()
            .ok_or_else(|| meslink::Error::new(meslink::ErrorKind::Closed, "the client is closed"))
    }
}

#[pymethods]
impl Client {
    /// `config_json`: the JSON form of the core's `ClientConfig`.
    #[new]
    fn new(py: Python<'_>, config_json: &str) -> PyResult<Self> {
        // Building the HTTP client reads the system's CA certificates: no GIL needed.
        crate::log::before(py);
        let opened = py.allow_threads(|| meslink::Client::from_json(config_json));
        // The TLS-off warning, if any.
        crate::log::after(py);
        match opened {
            Ok(client) => Ok(Client {
                inner: Mutex::new(Some(client)),
            }),
            // The core names a mistyped secret's place, never its value.
            Err(e) => Err(to_py(py, e)),
        }
    }

    /// The generic call: a catalog id and its parameters as Python values (a mapping of
    /// JSON-able values; other values through `meslink._wire.wire`); answers the server's
    /// JSON as Python values: what `meslink.Client.call` uses. A value JSON cannot carry raises `TypeError` or
    /// `ValueError`.
    #[pyo3(signature = (id, params=None))]
    fn call_value(
        &self,
        py: Python<'_>,
        id: &str,
        params: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<PyObject> {
        self.answer_value(py, id, params, false)
    }

    /// The typed call: as `call_value`, but answers the call's model as normalised by the
    /// core (what the generated typed methods read their models from).
    #[pyo3(signature = (id, params=None))]
    fn call_typed_value(
        &self,
        py: Python<'_>,
        id: &str,
        params: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<PyObject> {
        self.answer_value(py, id, params, true)
    }

    /// Every item of a paged list (energy `*.list` calls with `Per_Page_Counts` /
    /// `Page_Counts`), walked page after page by the core; answers a JSON array as text.
    #[pyo3(signature = (id, params_json=None, per_page=100))]
    fn call_all_pages(
        &self,
        py: Python<'_>,
        id: &str,
        params_json: Option<&str>,
        per_page: u32,
    ) -> PyResult<String> {
        let client = self.client().map_err(|e| to_py(py, e))?;
        let params = match params_json {
            Some(text) => {
                serde_json::from_str(text).map_err(|e| to_py(py, meslink::Error::from(e)))?
            }
            None => Value::Null,
        };
        wait(py, client.energy_all_pages(id, params, per_page))?
            .map(|items| Value::Array(items).to_string())
            .map_err(|e| to_py(py, e))
    }

    /// The batch call: the records as a Python list of mappings (values as `call_value`
    /// takes them), sent as the call `id` at most `concurrency` at a time (0 = the core's
    /// default). Answers one item per record, in order: the answer as Python values, or the
    /// exception object of the record's error (not raised).
    #[pyo3(signature = (id, records, concurrency=meslink::DEFAULT_BATCH_CONCURRENCY))]
    fn call_batch_value(
        &self,
        py: Python<'_>,
        id: &str,
        records: &Bound<'_, pyo3::types::PyList>,
        concurrency: usize,
    ) -> PyResult<Vec<PyObject>> {
        let records = records
            .iter()
            .map(|r| crate::values::to_value(&r))
            .collect::<PyResult<Vec<Value>>>()?;
        let client = self.client().map_err(|e| to_py(py, e))?;
        let batch = async { Ok(client.call_batch(id, records, concurrency).await) };
        let answers = wait_here(py, batch)?.map_err(|e| to_py(py, e))?;
        answers
            .into_iter()
            .map(|a| match a {
                Ok(v) => crate::values::to_py(py, v),
                Err(e) => Ok(to_py(py, e).into_value(py).into_any()),
            })
            .collect()
    }

    /// Starts the call `id` on meslink's runtime and returns at once: a `_native.Op`.
    /// `mode` is `"call"` (the server's JSON), `"typed"` (the typed model's JSON) or
    /// `"pages"` (every item of a paged list, `per_page` a page). The id and parameters
    /// are checked now (raising as `call` does); nothing waits.
    #[pyo3(signature = (id, params_json=None, mode="typed", per_page=100))]
    fn start(
        &self,
        py: Python<'_>,
        id: &str,
        params_json: Option<&str>,
        mode: &str,
        per_page: u32,
    ) -> PyResult<crate::aio::Op> {
        let client = self.client().map_err(|e| to_py(py, e))?;
        let params = match params_json {
            Some(text) => {
                serde_json::from_str(text).map_err(|e| to_py(py, meslink::Error::from(e)))?
            }
            None => Value::Null,
        };
        let op = match mode {
            "call" => client.start(id, params, false),
            "typed" => client.start(id, params, true),
            "pages" => client.start_all_pages(id, params, per_page),
            other => Err(meslink::Error::invalid(format!(
                "mode must be \"call\", \"typed\" or \"pages\", not {other:?}"
            ))),
        };
        op.map(crate::aio::Op::new).map_err(|e| to_py(py, e))
    }

    /// Cancels every call of this client in flight (blocking ones on other threads and
    /// started ones): each raises its cancellation.
    fn cancel_all(&self, py: Python<'_>) -> PyResult<()> {
        self.client().map_err(|e| to_py(py, e))?.cancel_all();
        Ok(())
    }

    /// Drops the client (its connection pool and tokens). Idempotent. Calls already in
    /// flight on other threads finish; later calls raise `ClosedError`. Server sessions
    /// (the energy platform's login) are ended in the background.
    fn close(&self, py: Python<'_>) {
        let client = self.inner.lock().take();
        if let Some(c) = &client {
            let closing = c.clone();
            meslink::runtime::get().spawn(async move { closing.close().await });
        }
        // Closing pooled connections needs no GIL.
        py.allow_threads(move || drop(client));
    }

    /// The client's statistics as JSON text (`meslink::Client::stats`).
    fn stats(&self, py: Python<'_>) -> PyResult<String> {
        let client = self.client().map_err(|e| to_py(py, e))?;
        Ok(client.stats().to_string())
    }

    #[getter]
    fn closed(&self) -> bool {
        self.inner.lock().is_none()
    }

    /// The base URLs configured, for `repr` (never the credentials).
    fn describe(&self) -> String {
        match &*self.inner.lock() {
            None => "closed".to_owned(),
            Some(c) => {
                let cfg = c.config();
                let mut parts = Vec::new();
                if let Some(ate) = &cfg.ate {
                    parts.push(format!("ate={} emp_no={}", ate.base_url, ate.emp_no));
                }
                if let Some(g) = &cfg.grading {
                    parts.push(format!(
                        "grading={} datasource={}",
                        g.base_url, g.datasource
                    ));
                }
                parts.join(" ")
            }
        }
    }
}
