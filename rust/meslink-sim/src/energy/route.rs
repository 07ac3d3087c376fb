//! One table row per documented call, and the dispatcher every call goes through:
//! session check, parameter parsing (query, JSON body or multipart), handler, envelope.

use std::sync::Arc;

use axum::body::{to_bytes, Bytes};
use axum::extract::{FromRequest, Multipart, Query, Request};
use axum::http::header::COOKIE;
use axum::http::HeaderMap;
use axum::response::Response;
use axum::routing::MethodFilter;

use super::collection::{crud, Op, Resource};
use super::envelope::{respond, ErrNo, Reply};
use super::params::Params;
use crate::SimState;

/// The session cookie's name.
pub(crate) const SESSION_COOKIE: &str = "session";

/// Largest accepted request body (machine images included).
pub(crate) const BODY_LIMIT: usize = 16 * 1024 * 1024;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Verb {
    Get,
    Post,
    Put,
    Delete,
}

impl Verb {
    pub fn filter(self) -> MethodFilter {
        match self {
            Verb::Get => MethodFilter::GET,
            Verb::Post => MethodFilter::POST,
            Verb::Put => MethodFilter::PUT,
            Verb::Delete => MethodFilter::DELETE,
        }
    }
}

/// A plain handler: the state and the parsed call.
pub(crate) type Handle = fn(&SimState, &Call) -> Reply;

pub(crate) enum Handler {
    Fn(Handle),
    /// One of the generic list / create / update / delete operations on a resource.
    Crud(Op, &'static Resource),
}

/// How the request body is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum BodyKind {
    /// Query string plus JSON body.
    Json,
    /// `multipart/form-data`: text parts become parameters, file parts [`Call::files`].
    Multipart,
}

/// One documented call.
pub(crate) struct Route {
    /// The call id of CALLS.md; requests are counted under it.
    pub id: &'static str,
    pub verb: Verb,
    pub path: &'static str,
    pub handler: Handler,
    pub body: BodyKind,
    /// False only for the login itself.
    pub login: bool,
}

/// A call with a JSON (or empty) body that needs a session.
pub(crate) const fn call(id: &'static str, verb: Verb, path: &'static str, f: Handle) -> Route {
    Route {
        id,
        verb,
        path,
        handler: Handler::Fn(f),
        body: BodyKind::Json,
        login: true,
    }
}

/// A generic resource operation.
pub(crate) const fn crud_call(
    id: &'static str,
    verb: Verb,
    path: &'static str,
    op: Op,
    resource: &'static Resource,
) -> Route {
    Route {
        id,
        verb,
        path,
        handler: Handler::Crud(op, resource),
        body: BodyKind::Json,
        login: true,
    }
}

/// A file part of a multipart request; the content is not kept, only its size.
#[derive(Debug, Clone)]
pub(crate) struct UploadedFile {
    pub field: String,
    pub file_name: String,
    pub size: usize,
}

/// What a handler gets.
pub(crate) struct Call {
    pub params: Params,
    /// The user id of the caller's session (`None` only for the login).
    pub user: Option<i64>,
    /// The caller's session cookie value, if any.
    pub session: Option<String>,
    pub files: Vec<UploadedFile>,
}

/// The `session` cookie's value.
pub(crate) fn session_cookie(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == SESSION_COOKIE)
        .map(|(_, value)| value.trim().to_string())
        .filter(|v| !v.is_empty())
}

pub(crate) async fn dispatch(
    route: &'static Route,
    state: Arc<SimState>,
    req: Request,
) -> Response {
    let session = session_cookie(req.headers());
    let user = session
        .as_deref()
        .and_then(|s| state.energy.sessions.user(s));
    if route.login && user.is_none() {
        return respond(Err(ErrNo::NOT_LOGGED_IN));
    }
    let call = match read_call(route.body, req).await {
        Ok((params, files)) => Call {
            params,
            user,
            session,
            files,
        },
        Err(e) => return respond(Err(e)),
    };
    let reply = match &route.handler {
        Handler::Fn(f) => f(&state, &call),
        Handler::Crud(op, resource) => crud(*op, resource, &state, &call),
    };
    respond(reply)
}

async fn read_call(kind: BodyKind, req: Request) -> Result<(Params, Vec<UploadedFile>), ErrNo> {
    let query: Vec<(String, String)> = Query::try_from_uri(req.uri())
        .map(|Query(q)| q)
        .map_err(|_| ErrNo::BAD_PARAMS)?;
    match kind {
        BodyKind::Json => {
            let body: Bytes = to_bytes(req.into_body(), BODY_LIMIT)
                .await
                .map_err(|_| ErrNo::BAD_PARAMS)?;
            Ok((Params::parse(query, &body)?, Vec::new()))
        }
        BodyKind::Multipart => {
            let mut params = Params::parse(query, b"")?;
            let mut files = Vec::new();
            let mut multipart = Multipart::from_request(req, &())
                .await
                .map_err(|_| ErrNo::BAD_PARAMS)?;
            while let Some(field) = multipart
                .next_field()
                .await
                .map_err(|_| ErrNo::BAD_PARAMS)?
            {
                let name = field.name().unwrap_or_default().to_string();
                let file_name = field.file_name().map(str::to_string);
                let content = field.bytes().await.map_err(|_| ErrNo::BAD_PARAMS)?;
                match file_name {
                    Some(file_name) => files.push(UploadedFile {
                        field: name,
                        file_name,
                        size: content.len(),
                    }),
                    None => params.insert(
                        &name,
                        serde_json::Value::String(String::from_utf8_lossy(&content).into_owned()),
                    ),
                }
            }
            Ok((params, files))
        }
    }
}
