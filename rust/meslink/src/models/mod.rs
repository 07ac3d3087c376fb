//! The typed answers, records and enumerations, generated from the catalog's one schema
//! ([`crate::catalog::models`]) by `tools/gen_surfaces.py` into `generated.rs`, with what
//! the generator cannot write: how a model is read from a server's answer.
//!
//! A model whose schema source is `answer` is read straight from the answer by its keys
//! ([`read_answer`]); a `normalised` one by its server module (`impl FromAnswer` next to
//! the server's code: the org tree's order and levels, the trace tree inside a string).

#[rustfmt::skip]
mod generated;

pub(crate) use generated::typed_json;
pub use generated::*;

use crate::error::{Error, Result};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

/// How a model is made from a call's answer (as the generic call answers it).
pub trait FromAnswer: Sized {
    fn from_answer(answer: Value) -> Result<Self>;
}

/// A model read from the answer by its keys, with the answer itself as its `raw`.
pub(crate) fn read_answer<T: DeserializeOwned>(answer: Value) -> Result<T> {
    let Value::Object(map) = &answer else {
        return Err(Error::protocol(format!(
            "the answer is not a JSON object: {}",
            crate::error::excerpt(answer.to_string().as_bytes())
        )));
    };
    let mut with_raw = map.clone();
    with_raw.insert("raw".into(), answer.clone());
    serde_json::from_value(Value::Object(with_raw))
        .map_err(|e| Error::protocol(format!("the answer has the wrong shape: {e}")))
}

/// A model as the JSON the Python and C# layers read.
pub(crate) fn to_json<T: Serialize>(model: T) -> Result<Value> {
    serde_json::to_value(model).map_err(|e| Error::internal(format!("a model as JSON: {e}")))
}
