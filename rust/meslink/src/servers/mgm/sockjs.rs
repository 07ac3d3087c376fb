//! The sessions' wire: SockJS over its websocket transport, as the documented JS client
//! (sockjs-client) speaks it, or the plain websocket endpoint.
//!
//! * SockJS: `<base><path>/<server_id>/<session_id>/websocket?<query>`; `server_id` is three
//!   random digits and `session_id` eight random characters, as sockjs-client picks them.
//!   The server sends `o` (open), `h` (heartbeat), `a["...",...]` (messages, each a JSON
//!   string) and `c[code,"reason"]` (close); the client sends a JSON array of strings.
//! * Raw: `<base><path>/websocket?<query>`, one JSON text per websocket message.
//!
//! Websocket pings are answered by tungstenite while the receiver keeps reading.

use super::MgmCtx;
use crate::error::{Error, ErrorKind, Result};
use futures_util::stream::{SplitSink, SplitStream};
use futures_util::{SinkExt, StreamExt};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::VecDeque;
use std::time::Duration;
use tokio::io::{AsyncRead, AsyncWrite};
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use tokio_tungstenite::tungstenite::protocol::WebSocketConfig;
use tokio_tungstenite::tungstenite::{self, Message};
use tokio_tungstenite::WebSocketStream;

/// How a live session reaches the server.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StreamTransport {
    /// SockJS framing over its websocket transport (what the documented JS client uses).
    #[default]
    #[serde(rename = "sockjs")]
    SockJs,
    /// The plain websocket endpoint `.../websocket`: one JSON text per message.
    Raw,
}

trait Io: AsyncRead + AsyncWrite + Unpin + Send {}
impl<T: AsyncRead + AsyncWrite + Unpin + Send> Io for T {}

type Ws = WebSocketStream<Box<dyn Io>>;

/// What the receiving half yields.
#[derive(Debug)]
pub(crate) enum Incoming {
    /// One application message (a JSON value; a text that is not JSON becomes a string).
    Message(Value),
    /// The server closed the session (`c[code,reason]` or a close frame), or the connection
    /// ended (`code` None).
    Closed { code: Option<u16>, reason: String },
}

pub(crate) struct Sender {
    sink: SplitSink<Ws, Message>,
    transport: StreamTransport,
}

pub(crate) struct Receiver {
    stream: SplitStream<Ws>,
    transport: StreamTransport,
    pending: VecDeque<Value>,
    /// When the last frame of any kind (heartbeats and pongs included) arrived.
    last_frame: std::time::Instant,
}

/// Opens a session at `path` (e.g. `/real_time`) of the configured mgm base URL, with
/// `query` percent-encoded. For SockJS, waits for the `o` frame. The URL carries the
/// access token: it never appears in an error.
pub(crate) async fn connect(
    ctx: &MgmCtx,
    path: &str,
    query: &[(&str, &str)],
    transport: StreamTransport,
) -> Result<(Sender, Receiver)> {
    let url = session_url(base_url(ctx)?, path, query, transport);
    let timeout = Duration::from_millis(ctx.config.connect_timeout_ms);
    let what = format!("the {path} session");
    let ws = tokio::time::timeout(timeout, open(ctx, &url, &what))
        .await
        .map_err(|_| Error::new(ErrorKind::Timeout, format!("{what}: connecting timed out")))??;
    let (sink, stream) = ws.split();
    let mut rx = Receiver {
        stream,
        transport,
        pending: VecDeque::new(),
        last_frame: std::time::Instant::now(),
    };
    if transport == StreamTransport::SockJs {
        match tokio::time::timeout(timeout, rx.next_frame()).await {
            Err(_) => {
                return Err(Error::new(
                    ErrorKind::Timeout,
                    format!("{what}: no SockJS open frame"),
                ))
            }
            Ok(frame) => match frame? {
                Frame::Open => {}
                Frame::Closed(code, reason) => return Err(closed_error(&what, code, &reason)),
                other => {
                    return Err(Error::protocol(format!(
                        "{what}: expected the SockJS open frame, got {other:?}"
                    )))
                }
            },
        }
    }
    Ok((Sender { sink, transport }, rx))
}

/// The configured `mgm.base_url`.
pub(crate) fn base_url(ctx: &MgmCtx) -> Result<&str> {
    ctx.config
        .mgm
        .as_ref()
        .map(|m| m.base_url.as_str())
        .ok_or_else(|| Error::invalid("the configuration has no mgm section"))
}

/// The error of a session the server refused or closed right away (the one code table:
/// [`super::close_codes::close_error`]).
pub(crate) fn closed_error(what: &str, code: Option<u16>, reason: &str) -> Error {
    super::close_codes::close_error(what, code, reason)
}

fn session_url(base: &str, path: &str, query: &[(&str, &str)], t: StreamTransport) -> String {
    let base = base.trim_end_matches('/');
    let base = if let Some(rest) = base.strip_prefix("https://") {
        format!("wss://{rest}")
    } else if let Some(rest) = base.strip_prefix("http://") {
        format!("ws://{rest}")
    } else {
        base.to_string()
    };
    let mut url = match t {
        StreamTransport::SockJs => {
            format!(
                "{base}{path}/{:03}/{}/websocket",
                fastrand::u32(0..1000),
                random_session_id()
            )
        }
        StreamTransport::Raw => format!("{base}{path}/websocket"),
    };
    for (i, (k, v)) in query.iter().enumerate() {
        url.push(if i == 0 { '?' } else { '&' });
        url.push_str(&percent_encode(k));
        url.push('=');
        url.push_str(&percent_encode(v));
    }
    url
}

/// Eight random characters, as sockjs-client's session ids.
fn random_session_id() -> String {
    const ALPHABET: &[u8] = b"abcdefghijklmnopqrstuvwxyz012345";
    (0..8)
        .map(|_| ALPHABET[fastrand::usize(..ALPHABET.len())] as char)
        .collect()
}

/// Percent-encodes everything but RFC 3986's unreserved characters.
pub(crate) fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

async fn open(ctx: &MgmCtx, url: &str, what: &str) -> Result<Ws> {
    let mut request = url
        .into_client_request()
        .map_err(|_| Error::invalid(format!("{what}: mgm.base_url does not make a valid URL")))?;
    if let Ok(agent) = ctx.config.user_agent.parse() {
        request.headers_mut().insert("User-Agent", agent);
    }
    let uri = request.uri().clone();
    let secure = uri.scheme_str() == Some("wss");
    let host = uri
        .host()
        .ok_or_else(|| Error::invalid(format!("{what}: mgm.base_url has no host")))?
        .trim_start_matches('[')
        .trim_end_matches(']')
        .to_string();
    let port = uri.port_u16().unwrap_or(if secure { 443 } else { 80 });
    let tcp = tokio::net::TcpStream::connect((host.as_str(), port))
        .await
        .map_err(|e| Error::new(ErrorKind::Transport, format!("{what}: cannot connect: {e}")))?;
    let _ = tcp.set_nodelay(true);
    let io: Box<dyn Io> = if secure {
        let config = crate::tls::client_config(&ctx.config.tls, crate::tls::Alpn::Http1)?;
        let name = tokio_rustls::rustls::pki_types::ServerName::try_from(host.clone())
            .map_err(|_| Error::invalid(format!("{what}: {host:?} is not a TLS server name")))?;
        let tls = tokio_rustls::TlsConnector::from(config)
            .connect(name, tcp)
            .await
            .map_err(|e| match crate::tls::certificate_failure(&e) {
                Some(text) => {
                    Error::new(ErrorKind::Transport, format!("{what}: {text}")).permanent()
                }
                None => Error::new(ErrorKind::Transport, format!("{what}: TLS failed: {e}")),
            })?;
        Box::new(tls)
    } else {
        Box::new(tcp)
    };
    let config = WebSocketConfig::default()
        .max_message_size(Some(ctx.config.max_answer_bytes))
        .max_frame_size(Some(ctx.config.max_answer_bytes));
    let (ws, _response) = tokio_tungstenite::client_async_with_config(request, io, Some(config))
        .await
        .map_err(|e| handshake_error(what, e))?;
    Ok(ws)
}

/// A handshake failure, without the URL (it carries the token).
fn handshake_error(what: &str, e: tungstenite::Error) -> Error {
    match e {
        tungstenite::Error::Http(resp) => {
            let status = resp.status().as_u16();
            let body = resp
                .body()
                .as_deref()
                .map(crate::error::excerpt)
                .unwrap_or_default();
            let kind = if matches!(status, 401 | 403) {
                ErrorKind::Auth
            } else {
                ErrorKind::Http
            };
            Error::new(
                kind,
                format!("{what}: the server refused the websocket ({status}) {body}"),
            )
            .with_status(status)
        }
        other => Error::new(
            ErrorKind::Transport,
            format!("{what}: websocket handshake failed: {other}"),
        ),
    }
}

impl Sender {
    /// Sends `messages` (each one JSON text): one SockJS frame, or one websocket message
    /// each.
    pub(crate) async fn send(&mut self, messages: &[String]) -> Result<()> {
        match self.transport {
            StreamTransport::SockJs => {
                let frame = serde_json::to_string(messages)?;
                self.sink
                    .send(Message::text(frame))
                    .await
                    .map_err(send_error)
            }
            StreamTransport::Raw => {
                for m in messages {
                    self.sink
                        .feed(Message::text(m.clone()))
                        .await
                        .map_err(send_error)?;
                }
                self.sink.flush().await.map_err(send_error)
            }
        }
    }

    /// A websocket ping (the server's pong shows the connection is alive).
    pub(crate) async fn ping(&mut self) -> Result<()> {
        self.sink
            .send(Message::Ping(Default::default()))
            .await
            .map_err(send_error)
    }

    /// Sends a close frame (best effort).
    pub(crate) async fn close(&mut self) {
        let _ = self.sink.send(Message::Close(None)).await;
        let _ = self.sink.close().await;
    }
}

fn send_error(e: tungstenite::Error) -> Error {
    Error::new(
        ErrorKind::Transport,
        format!("sending on the session failed: {e}"),
    )
}

/// One SockJS frame as the receiver sees it.
#[derive(Debug)]
pub(crate) enum Frame {
    Open,
    Heartbeat,
    Messages(Vec<Value>),
    Closed(Option<u16>, String),
}

impl Receiver {
    /// How long since the server sent anything at all.
    pub(crate) fn silence(&self) -> Duration {
        self.last_frame.elapsed()
    }

    /// The next application message, or the close. Heartbeats and pings are absorbed.
    /// Cancel-safe: the only await is the websocket's `next`.
    pub(crate) async fn recv(&mut self) -> Result<Incoming> {
        loop {
            if let Some(v) = self.pending.pop_front() {
                return Ok(Incoming::Message(v));
            }
            match self.next_frame().await? {
                Frame::Open | Frame::Heartbeat => {}
                Frame::Messages(list) => self.pending.extend(list),
                Frame::Closed(code, reason) => return Ok(Incoming::Closed { code, reason }),
            }
        }
    }

    async fn next_frame(&mut self) -> Result<Frame> {
        loop {
            let msg = match self.stream.next().await {
                None => return Ok(Frame::Closed(None, "the connection ended".into())),
                Some(Err(e)) => {
                    return Ok(Frame::Closed(None, format!("the connection broke: {e}")));
                }
                Some(Ok(m)) => m,
            };
            self.last_frame = std::time::Instant::now();
            let text = match msg {
                Message::Text(t) => t.as_str().to_owned(),
                Message::Binary(b) => String::from_utf8_lossy(&b).into_owned(),
                Message::Close(frame) => {
                    return Ok(match frame {
                        Some(f) => Frame::Closed(Some(u16::from(f.code)), f.reason.to_string()),
                        None => Frame::Closed(None, "closed without a code".into()),
                    })
                }
                Message::Ping(_) | Message::Pong(_) | Message::Frame(_) => continue,
            };
            return match self.transport {
                StreamTransport::Raw => Ok(Frame::Messages(vec![parse_message(&text)])),
                StreamTransport::SockJs => parse_sockjs(&text),
            };
        }
    }
}

/// A message's JSON; a text that is not JSON is kept as a string.
pub(crate) fn parse_message(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|_| Value::String(text.to_string()))
}

pub(crate) fn parse_sockjs(text: &str) -> Result<Frame> {
    let bad = || Error::protocol(format!("not a SockJS frame: {}", excerpt(text)));
    // The frame type is one ASCII letter; a text starting with anything else (a
    // multi-byte character included) is not a frame.
    let Some(kind) = text.get(..1) else {
        return Err(bad());
    };
    let rest = &text[1..];
    match kind {
        "o" => Ok(Frame::Open),
        "h" => Ok(Frame::Heartbeat),
        "a" | "m" => {
            let payload: Value = serde_json::from_str(rest).map_err(|_| bad())?;
            let items = match payload {
                Value::Array(items) if kind == "a" => items,
                Value::Array(_) => return Err(bad()),
                one => vec![one],
            };
            Ok(Frame::Messages(
                items
                    .into_iter()
                    .map(|item| match item {
                        Value::String(s) => parse_message(&s),
                        other => other,
                    })
                    .collect(),
            ))
        }
        "c" => {
            let payload: Value = serde_json::from_str(rest).map_err(|_| bad())?;
            let code = payload.get(0).and_then(Value::as_u64).map(|c| c as u16);
            let reason = payload
                .get(1)
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string();
            Ok(Frame::Closed(code, reason))
        }
        _ => Err(bad()),
    }
}

fn excerpt(text: &str) -> String {
    crate::error::excerpt(text.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_follow_sockjs_client() {
        let u = session_url(
            "https://h.example/v1/",
            "/real_time",
            &[("session_id", "a b&c")],
            StreamTransport::SockJs,
        );
        let parts: Vec<&str> = u.split('/').collect();
        assert_eq!(&u[..18], "wss://h.example/v1");
        assert_eq!(parts[5].len(), 3);
        assert!(parts[5].chars().all(|c| c.is_ascii_digit()));
        assert_eq!(parts[6].len(), 8);
        assert_eq!(parts[7], "websocket?session_id=a%20b%26c");
        let raw = session_url("http://h/v1", "/x", &[("a", "1")], StreamTransport::Raw);
        assert_eq!(raw, "ws://h/v1/x/websocket?a=1");
    }

    #[test]
    fn frames() {
        assert!(matches!(parse_sockjs("o").unwrap(), Frame::Open));
        assert!(matches!(parse_sockjs("h").unwrap(), Frame::Heartbeat));
        match parse_sockjs(r#"a["{\"id\":\"m\"}","plain"]"#).unwrap() {
            Frame::Messages(v) => {
                assert_eq!(v[0]["id"], "m");
                assert_eq!(v[1], "plain");
            }
            other => panic!("{other:?}"),
        }
        match parse_sockjs(r#"c[3005,"access_token expired"]"#).unwrap() {
            Frame::Closed(Some(3005), r) => assert_eq!(r, "access_token expired"),
            other => panic!("{other:?}"),
        }
        assert!(parse_sockjs("x").is_err());
        assert!(parse_sockjs("").is_err());
    }
}
