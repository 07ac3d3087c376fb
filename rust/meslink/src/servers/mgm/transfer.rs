//! `mgm.file_transfer`: one file sent to a machine over the `/trans_file` session, behind
//! a handle.
//!
//! The request is checked before anything is sent (size ≤ 50 MB, file name ≤ 180 ASCII or
//! 60 CJK characters, storage_type 0 or 1). The task then connects with the file's
//! description in the query, reads the server's first answer
//! `{code: 200, file_seek, file_id}`, seeks the file to `file_seek` (the bytes the server
//! already holds) and streams the rest as `{"content": base64, "file_md5": md5hex}`
//! messages of `chunk_size` bytes, until `{code: 200, request_id}`. If the connection
//! breaks, it connects again and resumes from the server's new `file_seek` (a few attempts
//! with backoff, counted afresh whenever the server got further). The file is read one
//! chunk at a time: memory stays at a few chunks whatever the file size.

use super::sockjs::{self, Incoming, Receiver, Sender, StreamTransport};
use super::transfer_codes::transfer_error;
use super::MgmCtx;
use crate::error::{Error, ErrorKind, Result};
use crate::runtime;
use crate::secret::Secret;
use base64::Engine;
use md5::{Digest, Md5};
use parking_lot::Mutex;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncSeekExt};
use tokio::sync::watch;

/// The server's file size limit (the document: 50M).
pub const MAX_FILE_BYTES: u64 = 50 * 1024 * 1024;
/// File name limit for names of ASCII characters only.
pub const MAX_NAME_ASCII: usize = 180;
/// File name limit for names holding CJK (or any other non-ASCII) characters.
pub const MAX_NAME_CJK: usize = 60;
/// The document's suggested chunk, the default of [`TransferRequest::chunk_size`].
pub const DEFAULT_CHUNK: usize = 64 * 1024;
/// Largest accepted chunk.
pub const MAX_CHUNK: usize = 4 * 1024 * 1024;
/// Sessions opened in a row without the server getting further before giving up.
const MAX_ATTEMPTS: u32 = 5;

/// What `file_md5` is the md5 of.
///
/// The document defines `content` as "文件内容对应的base64编码" (the base64 encoding of the
/// file content) and `file_md5` as "content经过md5散列后的值" (the value of `content` after
/// md5 hashing). Read literally, the hashed thing is `content`, i.e. the base64 text, and
/// that is also what the document's JavaScript client naturally does (it holds `content`
/// as a string and hashes that variable). So the default is [`Md5Of::Base64Text`]: the
/// lower-case hex md5 of the exact base64 string sent in `content`. A server that instead
/// checks the md5 of the decoded bytes is served by [`Md5Of::RawBytes`] (the hex md5 of
/// the chunk's raw bytes). Either way it is per chunk, the md5 of that message's content.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Md5Of {
    #[default]
    Base64Text,
    RawBytes,
}

impl Md5Of {
    /// The `file_md5` of a chunk whose bytes are `raw` and whose base64 text is `text`.
    pub fn digest(self, raw: &[u8], text: &str) -> String {
        let d = match self {
            Md5Of::Base64Text => Md5::digest(text.as_bytes()),
            Md5Of::RawBytes => Md5::digest(raw),
        };
        hex(&d)
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// One file to send. JSON: `{"path": "...", "cloud_path": "/nc", "storage_type": 0,
/// "machine_id": "..."}` plus the optional fields.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TransferRequest {
    /// The local file.
    pub path: PathBuf,
    /// The destination directory on the machine (`cloud_path`).
    pub cloud_path: String,
    /// The name on the machine; the local file's name when absent.
    #[serde(default)]
    pub file_name: Option<String>,
    /// 0: to the machine's external storage, 1: to its internal storage.
    pub storage_type: u8,
    pub machine_id: String,
    /// Bytes per message; 0 means 65536.
    #[serde(default)]
    pub chunk_size: usize,
    #[serde(default)]
    pub md5_of: Md5Of,
    #[serde(default)]
    pub transport: StreamTransport,
}

/// Where a transfer stands.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct TransferProgress {
    /// Bytes the server holds or that were handed to the socket (from the server's
    /// `file_seek` on).
    pub sent: u64,
    /// The file's size.
    pub total: u64,
    /// The server answered `request_id`: the file is complete.
    pub finished: bool,
    pub file_id: Option<String>,
    pub request_id: Option<String>,
}

/// A running (or finished) transfer. Cheap to clone. Dropping it does not stop the
/// transfer; [`Transfer::cancel`] does.
#[derive(Clone)]
pub struct Transfer {
    shared: Arc<Shared>,
}

impl std::fmt::Debug for Transfer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Transfer")
            .field("progress", &self.progress())
            .finish()
    }
}

struct Shared {
    total: u64,
    sent: AtomicU64,
    file_id: Mutex<Option<String>>,
    request_id: Mutex<Option<String>>,
    /// Set once: the final progress, or the error.
    outcome: watch::Sender<Option<Result<TransferProgress>>>,
    stop: watch::Sender<bool>,
}

impl Shared {
    fn progress(&self) -> TransferProgress {
        let request_id = self.request_id.lock().clone();
        TransferProgress {
            sent: self.sent.load(Ordering::Relaxed),
            total: self.total,
            finished: request_id.is_some(),
            file_id: self.file_id.lock().clone(),
            request_id,
        }
    }

    fn finish(&self, outcome: Result<TransferProgress>) {
        self.outcome.send_if_modified(|o| {
            if o.is_none() {
                *o = Some(outcome);
                true
            } else {
                false
            }
        });
    }
}

/// A request that passed the checks.
struct Checked {
    path: PathBuf,
    query: Vec<(&'static str, String)>,
    chunk: usize,
    md5_of: Md5Of,
    transport: StreamTransport,
}

impl TransferRequest {
    /// Checks the request against the server's limits (nothing is sent).
    fn check(&self) -> Result<(Checked, u64)> {
        if self.storage_type > 1 {
            return Err(Error::invalid(format!(
                "storage_type must be 0 (external storage) or 1 (internal storage), got {}",
                self.storage_type
            )));
        }
        if self.machine_id.trim().is_empty() {
            return Err(Error::invalid("machine_id is empty"));
        }
        if self.cloud_path.trim().is_empty() {
            return Err(Error::invalid("cloud_path is empty"));
        }
        let chunk = match self.chunk_size {
            0 => DEFAULT_CHUNK,
            n if n > MAX_CHUNK => {
                return Err(Error::invalid(format!(
                    "chunk_size must be at most {MAX_CHUNK} bytes, got {n}"
                )))
            }
            n => n,
        };
        let meta = std::fs::metadata(&self.path)
            .map_err(|e| Error::invalid(format!("cannot read {}: {e}", self.path.display())))?;
        if !meta.is_file() {
            return Err(Error::invalid(format!(
                "{} is not a regular file",
                self.path.display()
            )));
        }
        let size = meta.len();
        if size > MAX_FILE_BYTES {
            return Err(Error::invalid(format!(
                "the file is {size} bytes; the server takes at most 50 MB ({MAX_FILE_BYTES} bytes)"
            )));
        }
        if size == 0 {
            return Err(Error::invalid("the file is empty: nothing to transfer"));
        }
        let name = match &self.file_name {
            Some(n) => n.clone(),
            None => self
                .path
                .file_name()
                .and_then(|n| n.to_str())
                .map(str::to_owned)
                .ok_or_else(|| {
                    Error::invalid("the file's name is not valid UTF-8: give file_name")
                })?,
        };
        check_name(&name)?;
        let query = vec![
            ("cloud_path", self.cloud_path.clone()),
            ("file_size", size.to_string()),
            ("file_name", name),
            ("storage_type", self.storage_type.to_string()),
            ("machine_id", self.machine_id.clone()),
        ];
        Ok((
            Checked {
                path: self.path.clone(),
                query,
                chunk,
                md5_of: self.md5_of,
                transport: self.transport,
            },
            size,
        ))
    }
}

/// The file name rule: not empty, no path separators, at most 180 characters when all
/// ASCII, at most 60 when it holds CJK (or any other non-ASCII) characters.
pub fn check_name(name: &str) -> Result<()> {
    if name.is_empty() {
        return Err(Error::invalid("file_name is empty"));
    }
    if name.contains(['/', '\\', '\0']) {
        return Err(Error::invalid(
            "file_name must not contain '/', '\\' or NUL characters",
        ));
    }
    let chars = name.chars().count();
    if name.is_ascii() {
        if chars > MAX_NAME_ASCII {
            return Err(Error::invalid(format!(
                "file_name has {chars} characters; the limit is {MAX_NAME_ASCII} ASCII characters"
            )));
        }
    } else if chars > MAX_NAME_CJK {
        return Err(Error::invalid(format!(
            "file_name has {chars} characters; the limit is {MAX_NAME_CJK} for a name with CJK characters"
        )));
    }
    Ok(())
}

/// Starts sending a file (`mgm.file_transfer`). The request is checked first (an
/// `InvalidArgument` error names the limit, and nothing is sent); the transfer then
/// runs on the shared runtime: follow it with [`Transfer::progress`] and
/// [`Transfer::wait`].
pub(crate) async fn start(ctx: Arc<MgmCtx>, request: TransferRequest) -> Result<Transfer> {
    let (checked, total) = request
        .check()
        .map_err(|e| e.with_call("mgm.file_transfer"))?;
    sockjs::base_url(&ctx)?;
    let (outcome, _) = watch::channel(None);
    let (stop, stopped) = watch::channel(false);
    let shared = Arc::new(Shared {
        total,
        sent: AtomicU64::new(0),
        file_id: Mutex::new(None),
        request_id: Mutex::new(None),
        outcome,
        stop,
    });
    let task_shared = shared.clone();
    runtime::get().spawn(async move {
        let mut stopped = stopped;
        let outcome = tokio::select! {
            _ = async { let _ = stopped.wait_for(|s| *s).await; } => Err(cancelled()),
            r = run(&task_shared, &ctx, &checked) => r,
        };
        task_shared.finish(outcome);
    });
    Ok(Transfer { shared })
}

fn cancelled() -> Error {
    Error::new(ErrorKind::Closed, "the transfer was cancelled").with_call("mgm.file_transfer")
}

impl Transfer {
    /// The counters now; readable at any time from any thread.
    pub fn progress(&self) -> TransferProgress {
        self.shared.progress()
    }

    /// Waits up to `timeout` for the end: `Ok(Some(progress))` once the server confirmed
    /// the file, `Ok(None)` if it is still running, `Err` if it failed or was cancelled
    /// (kind `Closed`). Server refusals are `Business` errors with the 7xx code and meaning.
    pub async fn wait(&self, timeout: Duration) -> Result<Option<TransferProgress>> {
        let mut rx = self.shared.outcome.subscribe();
        let done = tokio::time::timeout(timeout, rx.wait_for(|o| o.is_some())).await;
        match done {
            Err(_) => Ok(None),
            Ok(Err(_)) => Err(Error::internal("the transfer task vanished")),
            Ok(Ok(o)) => match o.as_ref() {
                Some(Ok(p)) => Ok(Some(p.clone())),
                Some(Err(e)) => Err(e.clone()),
                None => Ok(None),
            },
        }
    }

    /// [`Transfer::wait`] for threads outside any async runtime.
    pub fn wait_blocking(&self, timeout: Duration) -> Result<Option<TransferProgress>> {
        runtime::block_on(self.wait(timeout))?
    }

    /// Stops the transfer (the server keeps what it got, so a later transfer of the same
    /// file resumes). Idempotent; no effect once finished.
    pub fn cancel(&self) {
        self.shared.finish(Err(cancelled()));
        let _ = self.shared.stop.send(true);
    }
}

/// How one session ended without finishing.
enum Failed {
    /// Give up with this error.
    Fatal(Error),
    /// Connect again; `true` when the token was refused.
    Retry(Error, bool),
}

async fn run(shared: &Shared, ctx: &MgmCtx, req: &Checked) -> Result<TransferProgress> {
    let mut file = tokio::fs::File::open(&req.path)
        .await
        .map_err(|e| Error::invalid(format!("cannot open {}: {e}", req.path.display())))?;
    let mut attempts = 0u32;
    let mut best_seek = 0u64;
    let mut token_refused: Option<Secret> = None;
    loop {
        if let Some(t) = token_refused.take() {
            super::token_rejected(ctx, &t).await;
        }
        // A failed implicit token request is the transfer's failure, its cause.
        let token = super::access_token(ctx)
            .await
            .map_err(|e| e.in_call("mgm.file_transfer"))?;
        match session(shared, ctx, req, &mut file, &token).await {
            Ok(request_id) => {
                *shared.request_id.lock() = Some(request_id);
                shared.sent.store(shared.total, Ordering::Relaxed);
                return Ok(shared.progress());
            }
            Err(Failed::Fatal(e)) => return Err(e.with_call("mgm.file_transfer")),
            Err(Failed::Retry(e, refused)) => {
                let seek = shared.sent.load(Ordering::Relaxed);
                if seek > best_seek {
                    best_seek = seek;
                    attempts = 0;
                }
                attempts += 1;
                if attempts >= MAX_ATTEMPTS {
                    return Err(e.with_call("mgm.file_transfer"));
                }
                tracing::info!(attempt = attempts, error = %e, "mgm transfer resumes");
                if refused {
                    token_refused = Some(token);
                }
                tokio::time::sleep(ctx.config.retry.backoff(attempts)).await;
            }
        }
    }
}

/// One session: connect, learn `file_seek`, send from there, wait for `request_id`.
async fn session(
    shared: &Shared,
    ctx: &MgmCtx,
    req: &Checked,
    file: &mut tokio::fs::File,
    token: &Secret,
) -> Result<String, Failed> {
    let mut query: Vec<(&str, &str)> = vec![("session_id", token.expose())];
    query.extend(req.query.iter().map(|(k, v)| (*k, v.as_str())));
    let (mut tx, mut rx) = sockjs::connect(ctx, "/trans_file", &query, req.transport)
        .await
        .map_err(|e| match e.kind {
            ErrorKind::Auth => Failed::Retry(e, true),
            _ if e.is_transient() => Failed::Retry(e, false),
            _ => Failed::Fatal(e),
        })?;
    let answer_timeout = Duration::from_millis(ctx.config.timeout_ms);
    let first = tokio::time::timeout(answer_timeout, next_answer(&mut rx))
        .await
        .map_err(|_| {
            Failed::Retry(
                Error::new(ErrorKind::Timeout, "no answer to the transfer session"),
                false,
            )
        })??;
    let seek = match first {
        Answer::Ready { file_seek, file_id } => {
            *shared.file_id.lock() = file_id;
            file_seek
        }
        Answer::Done(request_id) => return Ok(request_id),
    };
    if seek > shared.total {
        return Err(Failed::Fatal(Error::protocol(format!(
            "the server holds {seek} bytes of a {}-byte file",
            shared.total
        ))));
    }
    shared.sent.store(seek, Ordering::Relaxed);
    file.seek(std::io::SeekFrom::Start(seek))
        .await
        .map_err(|e| Failed::Fatal(Error::invalid(format!("cannot seek the file: {e}"))))?;

    let reader = async {
        loop {
            if let Answer::Done(id) = next_answer(&mut rx).await? {
                return Ok(id);
            }
        }
    };
    tokio::pin!(reader);
    let writer = send_chunks(shared, req, file, &mut tx, seek);
    tokio::select! {
        r = &mut reader => return r,
        w = writer => if let Err(e) = w {
            // The server may have said why it stopped listening; give it a moment.
            return match tokio::time::timeout(Duration::from_secs(1), &mut reader).await {
                Ok(Err(Failed::Fatal(fatal))) => Err(Failed::Fatal(fatal)),
                Ok(Ok(id)) => Ok(id),
                _ => Err(e),
            };
        },
    }
    tokio::time::timeout(answer_timeout, reader)
        .await
        .map_err(|_| {
            Failed::Retry(
                Error::new(ErrorKind::Timeout, "the server did not confirm the file"),
                false,
            )
        })?
}

async fn send_chunks(
    shared: &Shared,
    req: &Checked,
    file: &mut tokio::fs::File,
    tx: &mut Sender,
    mut offset: u64,
) -> Result<(), Failed> {
    let mut buf = vec![0u8; req.chunk];
    while offset < shared.total {
        let want = (shared.total - offset).min(req.chunk as u64) as usize;
        let mut filled = 0;
        while filled < want {
            let n = file
                .read(&mut buf[filled..want])
                .await
                .map_err(|e| Failed::Fatal(Error::invalid(format!("cannot read the file: {e}"))))?;
            if n == 0 {
                return Err(Failed::Fatal(Error::invalid(
                    "the file became shorter during the transfer",
                )));
            }
            filled += n;
        }
        let raw = &buf[..want];
        let content = base64::engine::general_purpose::STANDARD.encode(raw);
        let file_md5 = req.md5_of.digest(raw, &content);
        let message = chunk_message(&content, &file_md5);
        drop(content);
        tx.send(&[message])
            .await
            .map_err(|e| Failed::Retry(e, false))?;
        offset += want as u64;
        shared.sent.store(offset, Ordering::Relaxed);
    }
    Ok(())
}

/// `{"content": content, "file_md5": file_md5}` as JSON text, written directly: base64
/// and hex digits never need escaping, and a 64 KiB chunk is not copied into a `Value`
/// and scanned again.
fn chunk_message(content: &str, file_md5: &str) -> String {
    let mut m = String::with_capacity(content.len() + file_md5.len() + 30);
    m.push_str(r#"{"content":""#);
    m.push_str(content);
    m.push_str(r#"","file_md5":""#);
    m.push_str(file_md5);
    m.push_str(r#""}"#);
    m
}

/// A meaningful answer of the transfer session.
enum Answer {
    Ready {
        file_seek: u64,
        file_id: Option<String>,
    },
    Done(String),
}

/// The next `code: 200` answer; other codes and closes become [`Failed`].
async fn next_answer(rx: &mut Receiver) -> Result<Answer, Failed> {
    loop {
        match rx.recv().await {
            Err(e) => return Err(Failed::Retry(e, false)),
            Ok(Incoming::Closed { code, reason }) => {
                let e = sockjs::closed_error("the transfer session", code, &reason);
                let refused = code.is_some_and(|c| super::codes::is_token_rejection(c.into()));
                return Err(if refused {
                    Failed::Retry(e, true)
                } else if e.is_transient() || code == Some(3009) {
                    Failed::Retry(e, false)
                } else {
                    Failed::Fatal(e)
                });
            }
            Ok(Incoming::Message(v)) => {
                if let Some(reply) = read_reply(&v) {
                    return reply;
                }
            }
        }
    }
}

/// Reads one message of the transfer session: `None` for one without a `code` or with
/// code 200 but neither `request_id` nor `file_seek` (skipped), else the answer or failure.
fn read_reply(v: &Value) -> Option<Result<Answer, Failed>> {
    let code = v.get("code").and_then(code_of)?;
    if code != 200 {
        let message = v
            .get("message")
            .or_else(|| v.get("msg"))
            .and_then(Value::as_str);
        let e = transfer_error(code, message);
        return Some(Err(if super::codes::is_token_rejection(code) {
            Failed::Retry(e, true)
        } else {
            Failed::Fatal(e)
        }));
    }
    if let Some(id) = v.get("request_id").and_then(text_of) {
        return Some(Ok(Answer::Done(id)));
    }
    let seek = v.get("file_seek").and_then(code_of)?;
    Some(Ok(Answer::Ready {
        file_seek: seek.max(0) as u64,
        file_id: v.get("file_id").and_then(text_of),
    }))
}

/// [`read_reply`] for the fuzzing entry points: `None` when skipped, else the error or
/// a one-line description of the answer.
pub(crate) fn read_reply_summary(v: &Value) -> Option<Result<String, Error>> {
    read_reply(v).map(|r| match r {
        Ok(Answer::Done(id)) => Ok(format!("done {id}")),
        Ok(Answer::Ready { file_seek, .. }) => Ok(format!("ready at {file_seek}")),
        Err(Failed::Fatal(e)) | Err(Failed::Retry(e, _)) => Err(e),
    })
}

/// A number that may come as text.
fn code_of(v: &Value) -> Option<i64> {
    v.as_i64().or_else(|| v.as_str()?.trim().parse().ok())
}

fn text_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn name_limits() {
        assert!(check_name(&"a".repeat(180)).is_ok());
        let e = check_name(&"a".repeat(181)).unwrap_err();
        assert!(e.message.contains("180"), "{e}");
        assert!(check_name(&"程".repeat(60)).is_ok());
        let e = check_name(&"程".repeat(61)).unwrap_err();
        assert!(e.message.contains("60"), "{e}");
        assert!(check_name("a/b").is_err());
        assert!(check_name("").is_err());
    }

    #[test]
    fn chunk_messages_are_the_json_object() {
        let content = base64::engine::general_purpose::STANDARD.encode(b"\x00\xff+/ab");
        let m: Value = serde_json::from_str(&chunk_message(&content, "0a1b")).unwrap();
        assert_eq!(m, json!({"content": content, "file_md5": "0a1b"}));
    }

    #[test]
    fn md5_conventions() {
        let raw = b"hello";
        let text = base64::engine::general_purpose::STANDARD.encode(raw);
        assert_eq!(
            Md5Of::RawBytes.digest(raw, &text),
            "5d41402abc4b2a76b9719d911017c592"
        );
        assert_eq!(
            Md5Of::Base64Text.digest(raw, &text),
            hex(&Md5::digest(b"aGVsbG8="))
        );
        let m: Md5Of = serde_json::from_str("\"raw_bytes\"").unwrap();
        assert_eq!(m, Md5Of::RawBytes);
    }
}
