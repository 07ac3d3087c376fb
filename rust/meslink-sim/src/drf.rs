//! Django REST framework conventions used by the ATE MES server: request
//! body parsing (urlencoded, multipart, JSON) and error answers.

use std::collections::HashMap;

use axum::extract::{FromRequest, Multipart, Request};
use axum::http::{header, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::{json, Map, Value};

pub const MSG_REQUIRED: &str = "该字段是必填项。";
pub const MSG_BLANK: &str = "该字段不能为空。";
pub const MSG_NOT_FOUND: &str = "未找到。";

/// `{"detail": msg}` with `status`; 401 answers carry `WWW-Authenticate`.
pub fn detail(status: StatusCode, msg: &str) -> Response {
    let mut resp = (status, Json(json!({ "detail": msg }))).into_response();
    if status == StatusCode::UNAUTHORIZED {
        resp.headers_mut().insert(
            header::WWW_AUTHENTICATE,
            header::HeaderValue::from_static("JWT realm=\"api\""),
        );
    }
    resp
}

/// 405 as DRF words it.
pub async fn method_not_allowed(method: Method) -> Response {
    detail(
        StatusCode::METHOD_NOT_ALLOWED,
        &format!("方法 “{}” 不被允许。", method.as_str()),
    )
}

/// Form fields of a request, whichever body encoding the client chose.
pub type Fields = HashMap<String, String>;

/// Reads the body as `multipart/form-data`, `application/json` or
/// `application/x-www-form-urlencoded` (also assumed when there is no
/// `Content-Type`). Errors are DRF's 400/415 answers.
pub async fn read_fields(req: Request) -> Result<Fields, Response> {
    let content_type = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();
    let media = content_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    match media.as_str() {
        "multipart/form-data" => read_multipart(req).await,
        "application/json" => {
            let bytes = body_bytes(req).await?;
            parse_json(&bytes)
        }
        "application/x-www-form-urlencoded" | "" => {
            let bytes = body_bytes(req).await?;
            Ok(parse_urlencoded(&bytes))
        }
        _ => Err(detail(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            &format!("不支持请求中的媒体类型 “{content_type}”。"),
        )),
    }
}

async fn body_bytes(req: Request) -> Result<axum::body::Bytes, Response> {
    axum::body::to_bytes(req.into_body(), 2 * 1024 * 1024)
        .await
        .map_err(|e| {
            detail(
                StatusCode::BAD_REQUEST,
                &format!("Request body error - {e}"),
            )
        })
}

async fn read_multipart(req: Request) -> Result<Fields, Response> {
    let parse_error = |e: &dyn std::fmt::Display| {
        detail(
            StatusCode::BAD_REQUEST,
            &format!("Multipart form parse error - {e}"),
        )
    };
    let mut mp = Multipart::from_request(req, &())
        .await
        .map_err(|e| parse_error(&e.body_text()))?;
    let mut fields = Fields::new();
    while let Some(field) = mp.next_field().await.map_err(|e| parse_error(&e))? {
        let Some(name) = field.name().map(str::to_string) else {
            continue;
        };
        let text = field.text().await.map_err(|e| parse_error(&e))?;
        fields.insert(name, text);
    }
    Ok(fields)
}

fn parse_json(bytes: &[u8]) -> Result<Fields, Response> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Ok(Fields::new());
    }
    let value: Value = serde_json::from_slice(bytes)
        .map_err(|e| detail(StatusCode::BAD_REQUEST, &format!("JSON parse error - {e}")))?;
    let Value::Object(map) = value else {
        return Err(detail(
            StatusCode::BAD_REQUEST,
            "无效数据。期待为字典类型，得到的是 list 。",
        ));
    };
    Ok(map
        .into_iter()
        .filter_map(|(k, v)| scalar_text(&v).map(|t| (k, t)))
        .collect())
}

/// Text of a JSON scalar as a form field would carry it; `null`, arrays and
/// objects count as absent.
pub fn scalar_text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// Decodes `a=1&b=x+y%20z`; the last value of a repeated key wins.
pub fn parse_urlencoded(bytes: &[u8]) -> Fields {
    bytes
        .split(|b| *b == b'&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let mut it = pair.splitn(2, |b| *b == b'=');
            let k = percent_decode(it.next().unwrap_or_default());
            let v = percent_decode(it.next().unwrap_or_default());
            (k, v)
        })
        .collect()
}

fn percent_decode(input: &[u8]) -> String {
    let hex = |b: u8| (b as char).to_digit(16).map(|d| d as u8);
    let mut out = Vec::with_capacity(input.len());
    let mut i = 0;
    while i < input.len() {
        match input[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < input.len() => match (hex(input[i + 1]), hex(input[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push(h * 16 + l);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Checks that each of `names` is present and not blank; the error answer
/// is DRF's `{"field": ["该字段是必填项。"]}` (400), listing every bad field.
pub fn require(fields: &Fields, names: &[&str]) -> Result<(), Response> {
    let mut errors = Map::new();
    for name in names {
        match fields.get(*name) {
            None => {
                errors.insert((*name).to_string(), json!([MSG_REQUIRED]));
            }
            Some(v) if v.trim().is_empty() => {
                errors.insert((*name).to_string(), json!([MSG_BLANK]));
            }
            Some(_) => {}
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err((StatusCode::BAD_REQUEST, Json(Value::Object(errors))).into_response())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urlencoded() {
        let f = parse_urlencoded(b"emp_no=ate&password=Windows123.&x=a+b%20c%2&y");
        assert_eq!(f["emp_no"], "ate");
        assert_eq!(f["password"], "Windows123.");
        assert_eq!(f["x"], "a b c%2");
        assert_eq!(f["y"], "");
        let f = parse_urlencoded("n=%E5%B7%A5".as_bytes());
        assert_eq!(f["n"], "工");
    }

    #[test]
    fn json_scalars() {
        let f = parse_json(br#"{"work_order": 1037020031, "sn": "B", "n": null}"#).unwrap();
        assert_eq!(f["work_order"], "1037020031");
        assert!(!f.contains_key("n"));
    }
}
