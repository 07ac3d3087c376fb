//! Python values to and from the core's JSON values without JSON text in between.
//!
//! The same mapping as `json.dumps` / `json.loads` in the Python layer: dicts with text
//! keys, lists and tuples, text, ints, finite floats, bools and None. Any other value goes
//! through `meslink._wire.wire` first (date-times, enumerations, bytes, paths, decimals),
//! the one rule of the generic and typed calls; what it leaves unchanged cannot be sent.

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::sync::GILOnceCell;
use pyo3::types::{PyBool, PyDict, PyFloat, PyList, PyString, PyTuple};
use serde_json::{Map, Number, Value};

/// `meslink._wire.wire`, once imported.
static WIRE: GILOnceCell<PyObject> = GILOnceCell::new();

/// Nesting deeper than this is refused (as `json.dumps` refuses runaway recursion).
const MAX_DEPTH: usize = 128;

/// `value` as a JSON value; `TypeError` / `ValueError` for what JSON cannot carry.
pub(crate) fn to_value(value: &Bound<'_, PyAny>) -> PyResult<Value> {
    to_value_at(value, 0)
}

fn to_value_at(value: &Bound<'_, PyAny>, depth: usize) -> PyResult<Value> {
    if depth > MAX_DEPTH {
        return Err(PyValueError::new_err("the value is nested too deeply"));
    }
    if value.is_none() {
        return Ok(Value::Null);
    }
    if let Ok(s) = value.downcast_exact::<PyString>() {
        return Ok(Value::String(s.to_cow()?.into_owned()));
    }
    if let Ok(b) = value.downcast_exact::<PyBool>() {
        return Ok(Value::Bool(b.is_true()));
    }
    if value.is_exact_instance_of::<pyo3::types::PyInt>() {
        if let Ok(i) = value.extract::<i64>() {
            return Ok(Value::from(i));
        }
        if let Ok(u) = value.extract::<u64>() {
            return Ok(Value::from(u));
        }
        // Beyond 64 bits: as JSON text would carry it, a float (serde_json's own reading).
        let f: f64 = value.extract()?;
        return finite(f);
    }
    if let Ok(f) = value.downcast_exact::<PyFloat>() {
        return finite(f.value());
    }
    if let Ok(d) = value.downcast::<PyDict>() {
        let mut map = Map::with_capacity(d.len());
        for (k, v) in d.iter() {
            let key = match k.downcast::<PyString>() {
                Ok(s) => s.to_cow()?.into_owned(),
                Err(_) => {
                    return Err(PyTypeError::new_err(format!(
                        "keys must be str, not {}",
                        k.get_type().name()?
                    )))
                }
            };
            map.insert(key, to_value_at(&v, depth + 1)?);
        }
        return Ok(Value::Object(map));
    }
    if let Ok(l) = value.downcast::<PyList>() {
        return l.iter().map(|v| to_value_at(&v, depth + 1)).collect();
    }
    if let Ok(t) = value.downcast::<PyTuple>() {
        return t.iter().map(|v| to_value_at(&v, depth + 1)).collect();
    }
    // Subclasses of str, int and float (an IntEnum, a str Enum) and everything else: the
    // wire rule first, as `json.dumps(default=...)` applies it.
    let py = value.py();
    let wire = WIRE.get_or_try_init(py, || -> PyResult<PyObject> {
        Ok(py.import("meslink._wire")?.getattr("wire")?.unbind())
    })?;
    let wired = wire.bind(py).call1((value,))?;
    if wired.is(value) {
        // A subclass of a JSON type the rule leaves alone travels as its base type.
        if let Ok(s) = value.downcast::<PyString>() {
            return Ok(Value::String(s.to_cow()?.into_owned()));
        }
        if value.is_instance_of::<PyBool>() {
            return Ok(Value::Bool(value.is_truthy()?));
        }
        if value.is_instance_of::<pyo3::types::PyInt>() {
            return to_value_at(&value.call_method0("__index__")?, depth + 1);
        }
        if let Ok(f) = value.downcast::<PyFloat>() {
            return finite(f.value());
        }
        return Err(PyTypeError::new_err(format!(
            "{} is not JSON serialisable",
            value.get_type().name()?
        )));
    }
    to_value_at(&wired, depth + 1)
}

fn finite(f: f64) -> PyResult<Value> {
    Number::from_f64(f)
        .map(Value::Number)
        .ok_or_else(|| PyValueError::new_err("Out of range float values are not JSON compliant"))
}

/// A JSON value as Python's `json.loads` would build it.
pub(crate) fn to_py(py: Python<'_>, value: Value) -> PyResult<PyObject> {
    Ok(match value {
        Value::Null => py.None(),
        Value::Bool(b) => PyBool::new(py, b).to_owned().into_any().unbind(),
        Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                i.into_pyobject(py)?.into_any().unbind()
            } else if let Some(u) = n.as_u64() {
                u.into_pyobject(py)?.into_any().unbind()
            } else {
                n.as_f64()
                    .unwrap_or(f64::NAN)
                    .into_pyobject(py)?
                    .into_any()
                    .unbind()
            }
        }
        Value::String(s) => PyString::new(py, &s).into_any().unbind(),
        Value::Array(items) => {
            let list = PyList::empty(py);
            for item in items {
                list.append(to_py(py, item)?)?;
            }
            list.into_any().unbind()
        }
        Value::Object(map) => {
            let dict = PyDict::new(py);
            for (k, v) in map {
                dict.set_item(k, to_py(py, v)?)?;
            }
            dict.into_any().unbind()
        }
    })
}
