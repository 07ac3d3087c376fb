//! Core errors as Python exceptions.
//!
//! The classes are defined in Python (`meslink/errors.py`): some have two bases
//! (`InvalidArgumentError` is also a `ValueError`, `TransportError` a `ConnectionError`),
//! which `create_exception!` cannot express. This module only hands the fields over.

use pyo3::exceptions::PyRuntimeError;
use pyo3::prelude::*;

/// The Python exception for a core error, built by `meslink.errors._from_native`.
pub(crate) fn to_py(py: Python<'_>, e: meslink::Error) -> PyErr {
    build(py, &e).unwrap_or_else(|_| PyRuntimeError::new_err(e.to_string()))
}

fn build(py: Python<'_>, e: &meslink::Error) -> PyResult<PyErr> {
    let factory = py.import("meslink.errors")?.getattr("_from_native")?;
    // The failed implicit login (or token renewal) behind the error, as its own exception.
    let cause = match e.cause.as_deref() {
        Some(c) => Some(build(py, c)?.into_value(py)),
        None => None,
    };
    let exc = factory.call1((
        e.kind.name(),
        e.to_string(),
        e.message.as_str(),
        e.call,
        e.http_status,
        e.server_code.as_deref(),
        e.server_message.as_deref(),
        cause,
    ))?;
    Ok(PyErr::from_value(exc))
}
