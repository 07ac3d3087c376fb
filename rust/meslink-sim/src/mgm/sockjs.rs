//! The server side of the sessions' wire: SockJS over its websocket transport
//! (`<prefix>/{server}/{session}/websocket`: frames `o`, `h`, `a[...]`, `c[code,"reason"]`;
//! the client sends JSON arrays of strings) and the raw endpoint (`<prefix>/websocket`: one
//! JSON text per message), plus the SockJS `<prefix>/info` answer.
//!
//! [`endpoint`] mounts all three routes of one session kind over a session function.

use std::collections::{HashMap, VecDeque};
use std::future::Future;
use std::sync::Arc;

use axum::extract::ws::{CloseFrame, Message, WebSocket, WebSocketUpgrade};
use axum::extract::{Path, Query, State};
use axum::response::Response;
use axum::routing::{any, get};
use axum::{Json, Router};
use serde_json::{json, Value};

use crate::SimState;

/// The query of a session's upgrade request (`session_id`, the file's fields...).
pub(crate) type SessionQuery = HashMap<String, String>;

/// The routes of one session kind under `prefix` (e.g. `/v1/real_time`): `info`, the raw
/// websocket and the SockJS websocket transport. Each upgraded socket (after its `o` frame,
/// for SockJS) is handed to `session` with the request's query. `max_message` caps a
/// client message (bytes; `None`: axum's default).
pub(crate) fn endpoint<F, Fut>(
    prefix: &str,
    max_message: Option<usize>,
    session: F,
) -> Router<Arc<SimState>>
where
    F: Fn(Arc<SimState>, SimSocket, SessionQuery) -> Fut + Clone + Send + Sync + 'static,
    Fut: Future<Output = ()> + Send + 'static,
{
    let raw = {
        let session = session.clone();
        move |State(state): State<Arc<SimState>>,
              Query(q): Query<SessionQuery>,
              ws: WebSocketUpgrade| {
            let session = session.clone();
            async move { upgrade(state, q, ws, Framing::Raw, max_message, session) }
        }
    };
    let framed = move |State(state): State<Arc<SimState>>,
                       Path(_): Path<(String, String)>,
                       Query(q): Query<SessionQuery>,
                       ws: WebSocketUpgrade| {
        let session = session.clone();
        async move { upgrade(state, q, ws, Framing::SockJs, max_message, session) }
    };
    Router::new()
        .route(&format!("{prefix}/info"), get(info))
        .route(&format!("{prefix}/websocket"), any(raw))
        .route(
            &format!("{prefix}/{{server}}/{{session}}/websocket"),
            any(framed),
        )
}

fn upgrade<F, Fut>(
    state: Arc<SimState>,
    q: SessionQuery,
    ws: WebSocketUpgrade,
    framing: Framing,
    max_message: Option<usize>,
    session: F,
) -> Response
where
    F: Fn(Arc<SimState>, SimSocket, SessionQuery) -> Fut + Send + 'static,
    Fut: Future<Output = ()> + Send + 'static,
{
    let ws = match max_message {
        Some(n) => ws.max_message_size(n),
        None => ws,
    };
    ws.on_upgrade(move |socket| async move {
        if framing == Framing::SockJs && super::realtime::take_go_away(&state) {
            let sock = SimSocket {
                ws: socket,
                framing,
                pending: VecDeque::new(),
            };
            return sock.close(3000, "Go away!").await;
        }
        if let Some(sock) = SimSocket::open(socket, framing).await {
            session(state, sock, q).await;
        }
    })
}

/// Which wire a session speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Framing {
    SockJs,
    Raw,
}

/// `GET <prefix>/info`, as SockJS servers answer it.
async fn info() -> Json<Value> {
    Json(json!({
        "websocket": true,
        "cookie_needed": false,
        "origins": ["*:*"],
        "entropy": fastrand::u32(..),
    }))
}

/// One open session.
pub(crate) struct SimSocket {
    ws: WebSocket,
    framing: Framing,
    pending: VecDeque<String>,
}

impl SimSocket {
    /// Takes over an upgraded websocket; SockJS sessions get their `o` frame.
    pub(crate) async fn open(ws: WebSocket, framing: Framing) -> Option<SimSocket> {
        let mut s = SimSocket {
            ws,
            framing,
            pending: VecDeque::new(),
        };
        if framing == Framing::SockJs {
            s.ws.send(Message::text("o")).await.ok()?;
        }
        Some(s)
    }

    /// Sends `messages`: one `a[...]` frame of JSON strings, or one text message each.
    /// False once the client is gone.
    pub(crate) async fn send(&mut self, messages: &[Value]) -> bool {
        let texts: Vec<String> = messages.iter().map(Value::to_string).collect();
        self.send_texts(&texts).await
    }

    /// [`SimSocket::send`] of messages already written as JSON text.
    pub(crate) async fn send_texts(&mut self, texts: &[String]) -> bool {
        if texts.is_empty() {
            return true;
        }
        match self.framing {
            Framing::SockJs => {
                let mut frame =
                    String::with_capacity(2 + texts.iter().map(|t| t.len() + 8).sum::<usize>());
                frame.push('a');
                frame.push_str(&serde_json::to_string(texts).unwrap_or_default());
                self.ws.send(Message::text(frame)).await.is_ok()
            }
            Framing::Raw => {
                for t in texts {
                    if self.ws.send(Message::text(t.as_str())).await.is_err() {
                        return false;
                    }
                }
                true
            }
        }
    }

    /// A heartbeat: SockJS `h`, or a websocket ping on the raw endpoint.
    pub(crate) async fn heartbeat(&mut self) -> bool {
        let msg = match self.framing {
            Framing::SockJs => Message::text("h"),
            Framing::Raw => Message::Ping(Default::default()),
        };
        self.ws.send(msg).await.is_ok()
    }

    /// The next message text from the client; `None` once it closed or went away.
    /// Cancel-safe (the only await is the websocket's `recv`).
    pub(crate) async fn recv(&mut self) -> Option<String> {
        loop {
            if let Some(m) = self.pending.pop_front() {
                return Some(m);
            }
            let text = match self.ws.recv().await? {
                Ok(Message::Text(t)) => t.as_str().to_owned(),
                Ok(Message::Binary(b)) => String::from_utf8_lossy(&b).into_owned(),
                Ok(Message::Close(_)) | Err(_) => return None,
                Ok(_) => continue,
            };
            match self.framing {
                Framing::Raw => return Some(text),
                // SockJS clients send a JSON array of strings (a bare string is accepted too).
                Framing::SockJs => match serde_json::from_str::<Value>(&text) {
                    Ok(Value::Array(items)) => {
                        self.pending
                            .extend(items.into_iter().map(|item| match item {
                                Value::String(s) => s,
                                other => other.to_string(),
                            }))
                    }
                    Ok(Value::String(s)) => return Some(s),
                    _ => tracing::debug!("ignoring a malformed SockJS frame"),
                },
            }
        }
    }

    /// Closes with `code` and `reason`: `c[code,"reason"]` then a close frame (SockJS), or a
    /// close frame carrying them (raw).
    pub(crate) async fn close(mut self, code: u16, reason: &str) {
        if self.framing == Framing::SockJs {
            let frame = format!("c{}", json!([code, reason]));
            let _ = self.ws.send(Message::text(frame)).await;
        }
        let _ = self
            .ws
            .send(Message::Close(Some(CloseFrame {
                code,
                reason: reason.into(),
            })))
            .await;
        // Let the client answer the close before the connection goes.
        let _ = tokio::time::timeout(std::time::Duration::from_millis(500), async {
            while let Some(Ok(m)) = self.ws.recv().await {
                if matches!(m, Message::Close(_)) {
                    break;
                }
            }
        })
        .await;
    }
}
