//! `meslink._native`: the PyO3 binding of the meslink core.
//!
//! Deliberately thin. It holds the client, releases the GIL around every network call,
//! and turns core errors into the exception classes of `meslink.errors`. Parameters and
//! answers of the generic, typed and batch calls cross as Python values converted straight
//! to and from serde_json's (`values`), with `json`'s own mapping; the page walk and the
//! spool take JSON text. The core validates parameters against its catalog
//! anyway. The typed methods,
//! dataclasses and date-time handling live in the pure-Python package (`python/meslink`),
//! where they are easy to read and to type-check.

mod aio;
mod client;
mod errors;
mod log;
mod mgm;
mod spool;
mod values;
mod wait;

use pyo3::prelude::*;

/// The ids of every call this build implements, in catalog order.
#[pyfunction]
fn calls() -> Vec<&'static str> {
    meslink::catalog::CALLS.iter().map(|c| c.id).collect()
}

/// The catalog as JSON text: one object per call with its server, HTTP method, path,
/// body encoding, summary and parameters (name, kind, location, required, doc).
#[pyfunction]
fn catalog_json() -> String {
    meslink::catalog::to_json().to_string()
}

#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("CORE_VERSION", meslink::VERSION)?;
    m.add_class::<client::Client>()?;
    m.add_class::<aio::Op>()?;
    m.add_class::<aio::Completions>()?;
    m.add_class::<mgm::Stream>()?;
    m.add_class::<mgm::Transfer>()?;
    m.add_function(wrap_pyfunction!(calls, m)?)?;
    m.add_function(wrap_pyfunction!(log::log_set_level, m)?)?;
    m.add_function(wrap_pyfunction!(log::log_take, m)?)?;
    m.add_function(wrap_pyfunction!(log::log_wait, m)?)?;
    m.add_function(wrap_pyfunction!(catalog_json, m)?)?;
    m.add_function(wrap_pyfunction!(spool::spool_enqueue, m)?)?;
    m.add_function(wrap_pyfunction!(spool::spool_status, m)?)?;
    m.add_function(wrap_pyfunction!(spool::spool_list, m)?)?;
    m.add_function(wrap_pyfunction!(spool::spool_retry, m)?)?;
    m.add_function(wrap_pyfunction!(spool::spool_discard, m)?)?;
    m.add_function(wrap_pyfunction!(spool::spool_drain, m)?)?;
    Ok(())
}
