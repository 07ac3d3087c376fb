//! The quality-trace API (seed 002) behind an Alibaba Cloud API Gateway: signed requests,
//! an envelope around the parameters, and a tree inside a JSON string in the answer.
//!
//! * [`sign`]: the gateway's HmacSHA256 signature (`X-Ca-*` headers, `Content-MD5`).
//! * [`envelope`]: `{"id","version","request":{"apiVer"},"params"}` and [`TraceType`].
//! * [`tree`]: the `data` string parsed into [`TraceNode`]s.
//! * [`codes`]: the document's error table as typed errors.
//!
//! What the generic call (`trace.query`) returns: the server's answer
//! `{"id","code","message","localizedMsg","data"}` with `data` replaced by the parsed,
//! normalised tree `{"treeList":[node...]}` (children of each node under `trees`, always an
//! array) and the original `data` string added as `data_raw` (null when the server sent
//! none). [`crate::Client::trace_query`] gives the same as a typed [`TraceResult`].
//!
//! Every attempt is signed afresh (new nonce and timestamp): the gateway refuses a nonce it
//! has seen, so a retry never repeats a request byte for byte. Only answers 429/502/503/504
//! and timeouts are repeated here; refused connections are repeated by the transport.

pub mod codes;
pub mod envelope;
pub mod sign;
pub mod tree;

pub use envelope::TraceType;

use super::join_url;
use crate::catalog::{CallSpec, HttpMethod, Params, RetryClass};
pub(crate) type TraceCtx = super::Ctx<()>;
pub use crate::config::TraceConfig;
use crate::error::{Error, ErrorKind, Result};
use crate::transport::{Answer, Body, Request};
use serde_json::Value;

impl TraceConfig {
    /// Configured values of the optional parameters, by parameter name.
    fn defaults(&self) -> [(&'static str, Option<&String>); 3] {
        [
            ("corpId", self.corp_id.as_ref()),
            ("userId", self.user_id.as_ref()),
            ("source", self.source.as_ref()),
        ]
    }
}

pub(crate) async fn call(
    ctx: &TraceCtx,
    spec: &'static CallSpec,
    mut params: Params,
) -> Result<Value> {
    let cfg = ctx.config.trace.as_ref().ok_or_else(|| {
        Error::invalid("the client has no \"trace\" section (base_url, app_key, app_secret)")
    })?;
    // The catalog made traceType a required text; here it must also be one of the two.
    let trace_type: TraceType = params
        .get("traceType")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .parse()?;
    params.insert("traceType".into(), trace_type.as_str().into());
    for (name, value) in cfg.defaults() {
        if let (false, Some(v)) = (params.contains_key(name), value) {
            params.insert(name.into(), v.clone().into());
        }
    }
    let body = serde_json::to_vec(&envelope::envelope(params))
        .map_err(|e| Error::internal(format!("cannot encode the envelope: {e}")))?;
    let url = reqwest::Url::parse(&join_url(&cfg.base_url, spec.path))
        .map_err(|e| Error::invalid(format!("trace.base_url: {e}")))?;
    let answer = send_signed(ctx, cfg, spec, &url, body).await?;
    read_answer(&answer)
}

/// Sends the body signed, re-signing every attempt.
async fn send_signed(
    ctx: &TraceCtx,
    cfg: &TraceConfig,
    spec: &'static CallSpec,
    url: &reqwest::Url,
    body: Vec<u8>,
) -> Result<Answer> {
    let retry = &ctx.config.retry;
    let mut attempt = 1;
    loop {
        let nonce = uuid::Uuid::new_v4().to_string();
        let now_ms = chrono::Utc::now().timestamp_millis();
        let headers = sign::signed_headers(
            &cfg.app_key,
            &cfg.app_secret,
            spec.method.as_str(),
            url,
            &body,
            now_ms,
            &nonce,
        );
        // The signed Content-Type travels as the raw body's content type.
        let (content_type, headers): (Vec<_>, Vec<_>) = headers
            .into_iter()
            .partition(|(name, _)| name.eq_ignore_ascii_case("content-type"));
        let content_type = content_type
            .into_iter()
            .next()
            .map(|(_, v)| v)
            .unwrap_or_else(|| "application/json".to_owned());
        let req = Request {
            call: spec.id,
            method: HttpMethod::Post,
            url: url.to_string(),
            headers,
            body: Body::Raw {
                content_type,
                bytes: body.clone(),
            },
            // A request that never arrived may go again with the same nonce.
            retry: RetryClass::UnsentOnly,
        };
        let outcome = ctx.http.send(&req).await;
        let again = spec.retry == RetryClass::Safe
            && attempt < retry.max_attempts
            && match &outcome {
                Ok(a) => matches!(a.status, 429 | 502 | 503 | 504),
                Err(e) => e.kind == ErrorKind::Timeout,
            };
        if !again {
            return outcome;
        }
        let pause = retry.backoff(attempt);
        tracing::debug!(
            call = spec.id,
            attempt,
            ?pause,
            "retrying with a new signature"
        );
        tokio::time::sleep(pause).await;
        attempt += 1;
    }
}

/// The answer with `data` parsed, or the typed error of the document's table.
pub(crate) fn read_answer(answer: &Answer) -> Result<Value> {
    if !answer.is_success() {
        return Err(codes::gateway_error(answer));
    }
    let mut value = answer.json()?;
    let code = match value.get("code") {
        Some(Value::Number(n)) => n.as_i64(),
        Some(Value::String(s)) => s.trim().parse().ok(),
        _ => None,
    }
    .ok_or_else(|| {
        Error::protocol(format!(
            "the answer has no numeric \"code\": {}",
            crate::error::excerpt(&answer.body)
        ))
        .with_status(answer.status)
    })?;
    if code != 200 {
        return Err(codes::answer_error(code, &value, answer.status));
    }
    let Some(obj) = value.as_object_mut() else {
        return Err(Error::protocol("the answer is not a JSON object"));
    };
    let data = obj.remove("data").unwrap_or(Value::Null);
    let parsed = tree::parse_data(&data).map_err(|e| e.with_status(answer.status))?;
    let raw = match data {
        Value::Null | Value::String(_) => data,
        other => Value::String(other.to_string()),
    };
    obj.insert("data".into(), parsed.normalized);
    obj.insert("data_raw".into(), raw);
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn ok(body: Value) -> Answer {
        Answer {
            status: 200,
            body: body.to_string().into_bytes(),
            headers: Default::default(),
        }
    }

    #[test]
    fn data_is_replaced_and_kept() {
        let data = r#"{"treeList":[{"stepCode":"P2","type":"ProductionReport","uniqueCode":"W"}]}"#;
        let v = read_answer(&ok(json!({"id": "x", "code": 200, "data": data}))).unwrap();
        assert_eq!(v["data"]["treeList"][0]["uniqueCode"], "W");
        assert_eq!(v["data"]["treeList"][0]["trees"], json!([]));
        assert_eq!(v["data_raw"], data);
        let v = read_answer(&ok(json!({"code": "200", "data": null}))).unwrap();
        assert_eq!(v["data"], json!({"treeList": []}));
        assert_eq!(v["data_raw"], Value::Null);
    }

    #[test]
    fn codes_and_shapes() {
        let e = read_answer(&ok(
            json!({"code": 20004, "message": "Backend Service Error"}),
        ))
        .unwrap_err();
        assert_eq!(
            (e.kind, e.server_code.as_deref()),
            (ErrorKind::Http, Some("20004"))
        );
        let e = read_answer(&ok(json!({"data": ""}))).unwrap_err();
        assert_eq!(e.kind, ErrorKind::Protocol);
    }

    #[test]
    fn config_defaults_and_checks() {
        let c: TraceConfig = serde_json::from_value(
            json!({"base_url": "http://h", "app_key": "k", "app_secret": "s", "source": "SAAS"}),
        )
        .unwrap();
        c.validate().unwrap();
        assert_eq!(c.defaults()[2].1.map(String::as_str), Some("SAAS"));
        assert!(c.corp_id.is_none());
        assert!(!format!("{c:?}").contains("\"s\""));
        let empty: TraceConfig = serde_json::from_value(
            json!({"base_url": "http://h", "app_key": "k", "app_secret": ""}),
        )
        .unwrap();
        assert!(empty.validate().unwrap_err().message.contains("app_secret"));
    }
}
