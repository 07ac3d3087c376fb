//! The answer envelope `{"Err_No": "0", "Err_Msg": "ok", "Data": ..., "Total_Numbers": n}`
//! and the status codes of the document's appendix IV.
//!
//! `Err_No` is a string, as in the document's example; `Total_Numbers` is a number (the
//! document's template shows an empty placeholder). Every answer is HTTP 200: the envelope
//! carries the outcome.

use axum::http::header::SET_COOKIE;
use axum::http::HeaderValue;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::{Map, Value};

/// An `Err_No` of appendix IV.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct ErrNo(pub u16);

/// Appendix IV, in the document's order.
pub(crate) const CODES: &[(u16, &str)] = &[
    (4001, "数据库查询出错"),
    (4002, "无数据"),
    (4003, "数据已存在"),
    (4004, "数据错误"),
    (4101, "用户未登录"),
    (4102, "用户登录失败"),
    (4103, "参数错误"),
    (4104, "用户不存在"),
    (4105, "用户权限不足"),
    (4106, "密码错误"),
    (4107, "数据库记录新增或修改出错"),
    (4201, "非法请求或请求次数受限"),
    (4202, "IP受限"),
    (4302, "文件读写错误"),
    (4501, "未知错误"),
];

impl ErrNo {
    /// No record with the given id (update, delete, lookups).
    pub const NO_DATA: ErrNo = ErrNo(4002);
    /// A record with the same unique name exists.
    pub const EXISTS: ErrNo = ErrNo(4003);
    /// A referenced record (machine, meter, product, batch …) does not exist.
    pub const BAD_DATA: ErrNo = ErrNo(4004);
    pub const NOT_LOGGED_IN: ErrNo = ErrNo(4101);
    /// A required parameter is missing or has the wrong type or range.
    pub const BAD_PARAMS: ErrNo = ErrNo(4103);
    pub const NO_SUCH_USER: ErrNo = ErrNo(4104);
    pub const BAD_PASSWORD: ErrNo = ErrNo(4106);

    pub fn message(self) -> &'static str {
        CODES
            .iter()
            .find(|(code, _)| *code == self.0)
            .map_or("未知错误", |(_, msg)| msg)
    }
}

/// A successful answer.
#[derive(Debug, Default)]
pub(crate) struct Answer {
    pub data: Option<Value>,
    pub total: Option<usize>,
    /// A `Set-Cookie` header value (login and logout).
    pub cookie: Option<String>,
}

impl Answer {
    /// `{"Err_No": "0", "Err_Msg": "ok"}` and nothing else.
    pub fn ok() -> Answer {
        Answer::default()
    }

    pub fn data(data: Value) -> Answer {
        Answer {
            data: Some(data),
            ..Answer::default()
        }
    }

    /// A list answer: one page of rows and the number of rows on all pages.
    pub fn list(rows: Vec<Value>, total: usize) -> Answer {
        Answer {
            data: Some(Value::Array(rows)),
            total: Some(total),
            cookie: None,
        }
    }

    /// A list answer with every row (no pagination documented for the call).
    pub fn all(rows: Vec<Value>) -> Answer {
        let total = rows.len();
        Answer::list(rows, total)
    }
}

pub(crate) type Reply = Result<Answer, ErrNo>;

pub(crate) fn respond(reply: Reply) -> Response {
    let mut body = Map::new();
    let answer = match reply {
        Ok(answer) => answer,
        Err(e) => {
            body.insert("Err_No".into(), Value::String(e.0.to_string()));
            body.insert("Err_Msg".into(), Value::String(e.message().into()));
            return Json(Value::Object(body)).into_response();
        }
    };
    body.insert("Err_No".into(), Value::String("0".into()));
    body.insert("Err_Msg".into(), Value::String("ok".into()));
    if let Some(data) = answer.data {
        body.insert("Data".into(), data);
    }
    if let Some(total) = answer.total {
        body.insert("Total_Numbers".into(), Value::from(total));
    }
    let mut resp = Json(Value::Object(body)).into_response();
    if let Some(cookie) = answer.cookie.and_then(|c| HeaderValue::from_str(&c).ok()) {
        resp.headers_mut().insert(SET_COOKIE, cookie);
    }
    resp
}
