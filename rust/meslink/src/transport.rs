//! HTTP: one keep-alive pool per client, bounded answers, retries by retry class.

use crate::catalog::{HttpMethod, RetryClass};
use crate::config::ClientConfig;
use crate::error::{excerpt, Error, ErrorKind, Result};
use std::time::Duration;

/// A request as meslink builds it; turned into a reqwest request for every attempt.
#[derive(Debug, Clone)]
pub(crate) struct Request {
    pub call: &'static str,
    pub method: HttpMethod,
    pub url: String,
    pub headers: Vec<(&'static str, String)>,
    pub body: Body,
    pub retry: RetryClass,
}

#[derive(Debug, Clone)]
pub(crate) enum Body {
    None,
    Form(Vec<(String, String)>),
    /// A JSON body, already serialised (see [`Body::json`]).
    Json(Vec<u8>),
    /// A body built by a server module (a multipart upload), with its content type.
    Raw {
        content_type: String,
        bytes: Vec<u8>,
    },
}

impl Body {
    /// `value` as a JSON body. Serialising a `Value` into memory cannot fail (its map keys
    /// are strings and it holds no non-finite numbers); the fallback is never taken.
    pub(crate) fn json(value: &serde_json::Value) -> Body {
        Body::Json(serde_json::to_vec(value).unwrap_or_else(|_| b"null".to_vec()))
    }
}

/// An HTTP answer, body read in full (up to the configured bound).
pub(crate) struct Answer {
    pub status: u16,
    pub body: Vec<u8>,
    /// The answer's headers (the energy platform's session cookie arrives in one).
    pub headers: reqwest::header::HeaderMap,
}

// Headers may carry cookies: Debug shows their names only.
impl std::fmt::Debug for Answer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Answer")
            .field("status", &self.status)
            .field("headers", &self.headers.keys().collect::<Vec<_>>())
            .field("body", &excerpt(&self.body))
            .finish()
    }
}

impl Answer {
    pub fn is_success(&self) -> bool {
        (200..300).contains(&self.status)
    }

    /// A header's value as text, if present and readable.
    pub fn header(&self, name: &str) -> Option<String> {
        self.headers
            .get(name)
            .map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned())
    }

    /// The body as JSON, or a protocol error quoting the start of what came instead.
    pub fn json(&self) -> Result<serde_json::Value> {
        serde_json::from_slice(&self.body).map_err(|_| {
            Error::protocol(format!(
                "the server answered HTTP {} with a body that is not JSON: {}",
                self.status,
                excerpt(&self.body)
            ))
            .with_status(self.status)
        })
    }
}

pub(crate) struct Http {
    /// The pool of the shared runtime: requests not driven by `runtime::block_on_here`
    /// (the spool, streams, transfers, async calls and operations). Blocking calls and
    /// blocking batches use their thread's own pool ([`Http::pool`]).
    client: reqwest::Client,
    /// What a pool of one calling thread is built from (see [`Http::pool`]).
    tls: std::sync::Arc<tokio_rustls::rustls::ClientConfig>,
    /// Alive as long as this client: the threads' pools of a dropped client are let go.
    alive: std::sync::Arc<()>,
    /// The URL sent last, parsed: a batch or a loop of calls sends one URL over and over,
    /// and parsing it (host names through IDNA) costs more than comparing the text.
    last_url: parking_lot::Mutex<Option<(String, reqwest::Url)>>,
    config: ClientConfig,
    /// The client's statistics (retries, bytes, logins are counted here).
    stats: std::sync::Arc<crate::stats::Stats>,
}

/// A failed attempt, and whether the request provably never left this machine.
struct Failure {
    error: Error,
    unsent: bool,
}

thread_local! {
    /// The connection pools of this thread's blocking calls, one per client: a
    /// connection is driven by the runtime that opened it, so the pool of a thread's own
    /// runtime (`runtime::block_on_here`) serves that thread only.
    static POOLS: std::cell::RefCell<Vec<ThreadPool>> = const { std::cell::RefCell::new(Vec::new()) };
}

struct ThreadPool {
    /// The client's [`Http::alive`]: which client, and whether it still exists.
    owner: std::sync::Weak<()>,
    client: reqwest::Client,
}

impl Http {
    pub fn new(config: &ClientConfig) -> Result<Http> {
        // The same verifier as the wss:// sessions (crate::tls): OS trust store, ca_file,
        // pins, and a self-signed CA:TRUE certificate given as ca_file.
        let tls = crate::tls::client_config(&config.tls, crate::tls::Alpn::Http)?;
        Ok(Http {
            client: build_client(config, &tls)?,
            tls,
            alive: std::sync::Arc::new(()),
            last_url: parking_lot::Mutex::new(None),
            config: config.clone(),
            stats: Default::default(),
        })
    }

    /// The pool to send with: on a thread inside `runtime::block_on_here`, the pool of
    /// that thread and this client (made on its first call); elsewhere the shared one.
    fn pool(&self) -> Result<reqwest::Client> {
        if !crate::runtime::driving_here() {
            return Ok(self.client.clone());
        }
        POOLS.with(|pools| {
            let mut pools = pools.borrow_mut();
            let me = std::sync::Arc::as_ptr(&self.alive);
            if let Some(p) = pools.iter().find(|p| p.owner.as_ptr() == me) {
                return Ok(p.client.clone());
            }
            // The pools of clients dropped since go with their connections.
            pools.retain(|p| p.owner.strong_count() > 0);
            let client = build_client(&self.config, &self.tls)?;
            pools.push(ThreadPool {
                owner: std::sync::Arc::downgrade(&self.alive),
                client: client.clone(),
            });
            Ok(client)
        })
    }

    /// The statistics of the client this pool belongs to.
    pub fn stats(&self) -> &crate::stats::Stats {
        &self.stats
    }

    /// `url` parsed, from [`Http::last_url`] when it is the same text; `None` when it does
    /// not parse (reqwest then reports it as it always did).
    fn parsed_url(&self, url: &str) -> Option<reqwest::Url> {
        if let Some((text, parsed)) = &*self.last_url.lock() {
            if text == url {
                return Some(parsed.clone());
            }
        }
        let parsed = reqwest::Url::parse(url).ok()?;
        *self.last_url.lock() = Some((url.to_owned(), parsed.clone()));
        Some(parsed)
    }

    /// Sends `req`, repeating transient failures as far as its retry class allows.
    pub async fn send(&self, req: &Request) -> Result<Answer> {
        let retry = &self.config.retry;
        let mut attempt = 1;
        loop {
            let outcome = self.once(req).await;
            let again = attempt < retry.max_attempts
                && match (&outcome, req.retry) {
                    (Ok(a), RetryClass::Safe) => matches!(a.status, 429 | 502 | 503 | 504),
                    (Ok(_), RetryClass::UnsentOnly) => false,
                    (Err(f), RetryClass::Safe) => f.error.is_transient(),
                    (Err(f), RetryClass::UnsentOnly) => f.unsent && f.error.is_transient(),
                };
            if !again {
                return outcome.map_err(|f| f.error);
            }
            let pause = retry.backoff(attempt);
            self.stats.retry();
            match &outcome {
                Ok(a) => tracing::info!(
                    call = req.call,
                    attempt,
                    status = a.status,
                    ?pause,
                    "retrying"
                ),
                Err(f) => {
                    tracing::info!(call = req.call, attempt, error = %f.error, ?pause, "retrying")
                }
            }
            tokio::time::sleep(pause).await;
            attempt += 1;
        }
    }

    async fn once(&self, req: &Request) -> Result<Answer, Failure> {
        let method =
            match req.method {
                HttpMethod::Get => reqwest::Method::GET,
                HttpMethod::Post => reqwest::Method::POST,
                HttpMethod::Put => reqwest::Method::PUT,
                HttpMethod::Delete => reqwest::Method::DELETE,
                HttpMethod::Socket => return Err(Failure {
                    error: Error::invalid(
                        "a socket session is not an HTTP request; open it as a stream or transfer",
                    ),
                    unsent: true,
                }),
            };
        let client = self.pool().map_err(|error| Failure {
            error,
            unsent: true,
        })?;
        let mut rb = match self.parsed_url(&req.url) {
            Some(url) => client.request(method, url),
            None => client.request(method, &req.url),
        };
        if !req
            .headers
            .iter()
            .any(|(n, _)| n.eq_ignore_ascii_case("accept"))
        {
            rb = rb.header("Accept", "application/json");
        }
        for (name, value) in &req.headers {
            rb = rb.header(*name, value);
        }
        rb = match &req.body {
            Body::None => rb,
            Body::Form(pairs) => rb.form(pairs),
            Body::Json(bytes) => rb
                .header("Content-Type", "application/json")
                .body(bytes.clone()),
            Body::Raw {
                content_type,
                bytes,
            } => rb.header("Content-Type", content_type).body(bytes.clone()),
        };
        let request = rb.build().map_err(|e| failure(req.call, e))?;
        let sent = request
            .body()
            .and_then(|b| b.as_bytes())
            .map_or(0, <[u8]>::len);
        let mut resp = client
            .execute(request)
            .await
            .map_err(|e| failure(req.call, e))?;
        let status = resp.status().as_u16();
        let headers = std::mem::take(resp.headers_mut());
        let max = self.config.max_answer_bytes;
        if resp.content_length().is_some_and(|n| n as usize > max) {
            return Err(Failure {
                error: too_large(max).with_status(status),
                unsent: false,
            });
        }
        let mut body = Vec::new();
        while let Some(chunk) = resp.chunk().await.map_err(|e| failure(req.call, e))? {
            if body.len() + chunk.len() > max {
                return Err(Failure {
                    error: too_large(max).with_status(status),
                    unsent: false,
                });
            }
            body.extend_from_slice(&chunk);
        }
        tracing::debug!(call = req.call, status, bytes = body.len(), "answer");
        self.stats.exchange(req.call, status, sent, body.len());
        Ok(Answer {
            status,
            body,
            headers,
        })
    }
}

/// A keep-alive pool with the client's settings.
fn build_client(
    config: &ClientConfig,
    tls: &std::sync::Arc<tokio_rustls::rustls::ClientConfig>,
) -> Result<reqwest::Client> {
    reqwest::Client::builder()
        .timeout(Duration::from_millis(config.timeout_ms))
        .connect_timeout(Duration::from_millis(config.connect_timeout_ms))
        .user_agent(config.user_agent.clone())
        .pool_idle_timeout(Duration::from_secs(60))
        .tcp_nodelay(true)
        .use_preconfigured_tls((**tls).clone())
        .build()
        .map_err(|e| Error::internal(format!("cannot build the HTTP client: {e}")))
}

fn too_large(max: usize) -> Error {
    Error::protocol(format!(
        "the answer is larger than max_answer_bytes ({max} bytes)"
    ))
}

/// Classifies a reqwest error. The URL is removed from the text (some servers carry
/// tokens in query strings); the cause chain is kept, since reqwest's own text is vague.
fn failure(call: &'static str, e: reqwest::Error) -> Failure {
    if let Some(text) = crate::tls::certificate_failure(&e) {
        // Not retried: the same certificate comes back on every attempt.
        return Failure {
            error: Error::new(ErrorKind::Transport, text)
                .with_call(call)
                .permanent(),
            unsent: true,
        };
    }
    let (kind, unsent) = if e.is_timeout() {
        (ErrorKind::Timeout, false)
    } else if e.is_connect() {
        (ErrorKind::Transport, true)
    } else {
        (ErrorKind::Transport, false)
    };
    let e = e.without_url();
    let mut text = e.to_string();
    append_causes(&mut text, &e);
    Failure {
        error: Error::new(kind, text).with_call(call),
        unsent,
    }
}

fn append_causes(text: &mut String, e: &reqwest::Error) {
    let mut cause = std::error::Error::source(e);
    while let Some(c) = cause {
        let s = c.to_string();
        if !text.contains(&s) {
            text.push_str(": ");
            text.push_str(&s);
        }
        cause = c.source();
    }
}
