//! `meslink._native`: the PyO3 binding of the meslink core.
//!
//! Deliberately thin. It holds the client, releases the GIL around every network call,
//! and turns core errors into the exception classes of `meslink.errors`. Parameters and
//! answers cross as JSON text: Python's `json` module on one side and serde_json on the
//! other are both exact for nested dicts, lists, ints, floats, strings, bools and None,
//! and the core validates parameters against its catalog anyway. The typed methods,
//! dataclasses and date-time handling live in the pure-Python package (`python/meslink`),
//! where they are easy to read and to type-check.

mod client;
mod errors;
mod wait;

use pyo3::prelude::*;

/// The ids of every call this build implements, in catalog order.
#[pyfunction]
fn calls() -> Vec<&'static str> {
    meslink::catalog::CALLS.iter().map(|c| c.id).collect()
}

/// The catalog as JSON text: one object per call with its server, HTTP method, path,
/// summary and parameters (name, kind, location, required, doc).
#[pyfunction]
fn catalog_json() -> String {
    use meslink::catalog::{Location, ParamKind};
    let calls: Vec<serde_json::Value> = meslink::catalog::CALLS
        .iter()
        .map(|c| {
            let params: Vec<serde_json::Value> = c
                .params
                .iter()
                .map(|p| {
                    serde_json::json!({
                        "name": p.name,
                        "kind": match p.kind {
                            ParamKind::Text => "text",
                            ParamKind::Number => "number",
                            ParamKind::DateTime => "datetime",
                        },
                        "location": match p.location {
                            Location::Path => "path",
                            Location::Query => "query",
                            Location::Body => "body",
                        },
                        "required": p.required,
                        "doc": p.doc,
                    })
                })
                .collect();
            serde_json::json!({
                "id": c.id,
                "server": c.server.name(),
                "method": c.method.as_str(),
                "path": c.path,
                "summary": c.summary,
                "params": params,
            })
        })
        .collect();
    serde_json::Value::Array(calls).to_string()
}

#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("CORE_VERSION", meslink::VERSION)?;
    m.add_class::<client::Client>()?;
    m.add_function(wrap_pyfunction!(calls, m)?)?;
    m.add_function(wrap_pyfunction!(catalog_json, m)?)?;
    Ok(())
}
