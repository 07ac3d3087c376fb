//! The typed methods of every request call, generated from the catalog by
//! `tools/gen_surfaces.py` into `generated.rs` (`client.ate_sn_detail_get(wo)`,
//! `client.energy().meters().list().per_page_counts(10).await`), and what they share:
//! the parameter map, the typed answers, and [`Client::call_typed`] for the language
//! layers.

#[rustfmt::skip]
mod generated;

pub use generated::*;

use crate::catalog;
use crate::client::Client;
use crate::error::{Error, Result};
use crate::models::FromAnswer;
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// The parameters of a typed call as it collects them; a value that cannot be JSON is
/// kept as the error the call answers.
#[derive(Debug, Default)]
pub struct Args {
    params: Map<String, Value>,
    error: Option<Error>,
}

impl Args {
    pub fn new() -> Args {
        Args::default()
    }

    pub fn put(&mut self, name: &str, value: Value) {
        self.params.insert(name.to_owned(), value);
    }

    /// [`Args::put`] of a conversion that may fail (a serialisable list or object).
    pub fn try_put(&mut self, name: &str, value: Result<Value>) {
        match value {
            Ok(v) => self.put(name, v),
            Err(e) => {
                self.error
                    .get_or_insert(Error::invalid(format!("parameter {name:?} {}", e.message)));
            }
        }
    }

    pub fn into_value(self) -> Result<Value> {
        match self.error {
            Some(e) => Err(e),
            None => Ok(Value::Object(self.params)),
        }
    }
}

/// A serialisable argument (lists, objects) as JSON.
pub(crate) fn to_value<T: serde::Serialize + ?Sized>(v: &T) -> Result<Value> {
    serde_json::to_value(v).map_err(|e| Error::invalid(format!("cannot be sent as JSON: {e}")))
}

pub(crate) fn nothing(_answer: Value) -> Result<()> {
    Ok(())
}

pub(crate) fn model<T: FromAnswer>(call: &'static str, answer: Value) -> Result<T> {
    T::from_answer(answer).map_err(|e| e.with_call(call))
}

pub(crate) fn model_map<T: FromAnswer>(
    call: &'static str,
    answer: Value,
) -> Result<BTreeMap<String, T>> {
    let Value::Object(map) = answer else {
        return Err(Error::protocol("the answer is not a JSON object").with_call(call));
    };
    map.into_iter()
        .map(|(k, v)| Ok((k, model(call, v)?)))
        .collect()
}

impl Client {
    /// The call `id` answering its typed model as JSON (`catalog::Answer`): the model's
    /// keys for a model, an object of models for a model map, null for nothing, the
    /// server's JSON otherwise. What the Python and C# typed methods read their models
    /// from, so that every normalisation happens here, once.
    pub async fn call_typed(&self, id: &str, params: Value) -> Result<Value> {
        let spec = catalog::find(id)?;
        let answer = self.call(id, params).await?;
        crate::client::typed_answer(spec, answer)
    }

    /// [`Client::call_typed`] for threads outside any async runtime.
    pub fn call_typed_blocking(&self, id: &str, params: Value) -> Result<Value> {
        self.block_on_here(self.call_typed(id, params))
            .map_err(|e| Self::name_call(e, id))
    }
}

impl EnergyMachines<'_> {
    /// `energy.machines.upload_image` with the image's bytes (`file_name` gives the part's
    /// file name and, by its extension, the content type).
    pub async fn upload_image_bytes(
        &self,
        meter_superior_id: i64,
        file_name: &str,
        bytes: &[u8],
    ) -> Result<Value> {
        use base64::Engine;
        let data = base64::engine::general_purpose::STANDARD.encode(bytes);
        self.upload_image(
            meter_superior_id,
            serde_json::json!({"base64": data, "file_name": file_name}),
        )
        .await
    }

    /// `energy.machines.upload_image` from a file.
    pub async fn upload_image_file(
        &self,
        meter_superior_id: i64,
        path: impl AsRef<std::path::Path>,
    ) -> Result<Value> {
        let path = path.as_ref().to_str().ok_or_else(|| {
            Error::new(
                crate::error::ErrorKind::Encoding,
                "the image path is not UTF-8",
            )
        })?;
        self.upload_image(meter_superior_id, path).await
    }
}
