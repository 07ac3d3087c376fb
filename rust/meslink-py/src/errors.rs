//! Core errors as Python exceptions.
//!
//! The classes are defined in Python (`meslink/errors.py`): some have two bases
//! (`InvalidArgumentError` is also a `ValueError`, `TransportError` a `ConnectionError`),
//! which `create_exception!` cannot express. This module only hands the fields over.

use pyo3::exceptions::PyRuntimeError;
use pyo3::prelude::*;
use serde_json::Value;

/// The Python exception for a core error, built by `meslink.errors._from_native`.
pub(crate) fn to_py(py: Python<'_>, e: meslink::Error) -> PyErr {
    build(py, &e).unwrap_or_else(|_| PyRuntimeError::new_err(e.to_string()))
}

fn build(py: Python<'_>, e: &meslink::Error) -> PyResult<PyErr> {
    let factory = py.import("meslink.errors")?.getattr("_from_native")?;
    let exc = factory.call1((
        e.kind.name(),
        e.to_string(),
        e.message.as_str(),
        e.call,
        e.http_status,
        e.server_code.as_deref(),
        e.server_message.as_deref(),
    ))?;
    Ok(PyErr::from_value(exc))
}

/// Removes credentials from an error about the configuration.
///
/// The core never prints a secret it knows to be one, but serde's messages quote a
/// mistyped value (`"password": 12345678` gives "invalid type: integer `12345678`"), so
/// every quoted occurrence of a value under a password, secret or token key is blanked
/// out. Only quoted forms: a short password must not mangle the rest of the text.
pub(crate) fn scrub_secrets(mut e: meslink::Error, config_json: &str) -> meslink::Error {
    let Ok(config) = serde_json::from_str::<Value>(config_json) else {
        return e;
    };
    let mut secrets = Vec::new();
    collect_secrets(&config, false, &mut secrets);
    for s in secrets {
        for quoted in [format!("`{s}`"), format!("\"{s}\""), format!("{s:?}")] {
            let blank = format!("{}***{}", &quoted[..1], &quoted[quoted.len() - 1..]);
            e.message = e.message.replace(&quoted, &blank);
        }
    }
    e
}

fn collect_secrets(v: &Value, secret: bool, out: &mut Vec<String>) {
    match v {
        Value::Object(map) => {
            for (k, v) in map {
                let k = k.to_ascii_lowercase();
                let is_secret = secret
                    || k.contains("password")
                    || k.contains("secret")
                    || k == "token"
                    || k.ends_with("_token");
                collect_secrets(v, is_secret, out);
            }
        }
        Value::Array(items) => items.iter().for_each(|v| collect_secrets(v, secret, out)),
        Value::String(s) if secret && !s.is_empty() => out.push(s.clone()),
        Value::Null => {}
        other if secret => out.push(other.to_string()),
        _ => {}
    }
}
