//! The MES interface of the capacity-grading cabinet (分容机, seed 001).
//!
//! JSON in and out; the `x-request-datasource` header names the MES account set; the answer
//! is `{"state": 1 | -1, "msg", "resBody"}`. The MES keeps only the newest record per
//! barcode, so repeating a save is harmless and the call is retried like a read.

use super::{build_request, http_error};
use crate::catalog::{CallSpec, Params};
pub(crate) type GradingCtx = super::Ctx<()>;
use crate::error::{Error, ErrorKind, Result};
use serde_json::Value;

pub(crate) async fn call(
    ctx: &GradingCtx,
    spec: &'static CallSpec,
    params: Params,
) -> Result<Value> {
    let cfg = ctx.config.grading.as_ref().ok_or_else(|| {
        Error::invalid("the client has no \"grading\" section (base_url, datasource)")
    })?;
    let mut req = build_request(spec, &cfg.base_url, &params);
    req.headers
        .push(("x-request-datasource", cfg.datasource.clone()));
    let answer = ctx.http.send(&req).await?;
    read_answer(&answer)
}

/// The answer `{"state": 1 | -1, "msg", "resBody"}`: the value when `state` is 1, the
/// server's refusal otherwise, a protocol error without a numeric `state`.
pub(crate) fn read_answer(answer: &crate::transport::Answer) -> Result<Value> {
    if !answer.is_success() {
        return Err(http_error(answer));
    }
    let value = answer.json()?;
    let state = match value.get("state") {
        Some(Value::Number(n)) => n.as_i64(),
        Some(Value::String(s)) => s.trim().parse().ok(),
        _ => None,
    };
    let msg = value
        .get("msg")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned();
    match state {
        Some(1) => Ok(value),
        Some(code) => Err(Error::from_server(ErrorKind::Business, msg)
            .with_server_code(code.to_string())
            .with_status(answer.status)),
        None => Err(Error::protocol(format!(
            "the answer has no numeric \"state\": {}",
            crate::error::excerpt(&answer.body)
        ))
        .with_status(answer.status)),
    }
}
