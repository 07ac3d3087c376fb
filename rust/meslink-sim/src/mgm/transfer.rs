//! `/v1/trans_file`: file transfer to a machine. The query describes the file
//! (`session_id, cloud_path, file_size, file_name, storage_type, machine_id`); the session
//! answers `{code:200, file_seek, file_id}` (`file_seek` = bytes already held of that same
//! file, so a broken transfer resumes), takes `{"content": base64, "file_md5": md5hex}`
//! messages (each md5 checked), and answers `{code:200, request_id}` once the file is
//! whole. Refusals use the document's codes: 719 bad file name, 731 too large, 732 bad
//! content. Partial files are kept as a running md5 and a length, never as bytes.
//!
//! Knobs: `POST /_sim/mgm/transfer` `{"fail_after_bytes", "fail_with_code", "md5_of"}` or
//! the `SimState` methods below. Received files: `GET /_sim/state` → `mgm.transfer.files`.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;

use axum::extract::rejection::JsonRejection;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::{Json, Router};
use base64::Engine;
use md5::{Digest, Md5};
use parking_lot::Mutex;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use super::realtime::close_code;
use super::sockjs::{self, SessionQuery, SimSocket};
use crate::SimState;

/// The document's limit: 50M.
pub const MAX_FILE_BYTES: u64 = 50 * 1024 * 1024;

/// A file the simulated machine received in full.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MgmReceivedFile {
    pub machine_id: String,
    pub cloud_path: String,
    pub file_name: String,
    pub storage_type: u8,
    pub size: u64,
    /// Lower-case hex md5 of the whole file.
    pub md5: String,
    pub file_id: String,
    pub request_id: String,
    /// The `file_seek` answered to each session that carried part of it (a resumed
    /// transfer has more than one, the later ones above 0).
    pub seeks: Vec<u64>,
}

/// Identifies a file across sessions.
type Key = (String, String, String, u64);

struct Partial {
    file_id: String,
    hasher: Md5,
    len: u64,
    seeks: Vec<u64>,
}

/// Transfer knobs and results.
#[derive(Default)]
pub(crate) struct TransferData {
    partials: Mutex<HashMap<Key, Partial>>,
    files: Mutex<Vec<MgmReceivedFile>>,
    /// One-shot: drop the next session once the file's held bytes reach this (0 = off).
    fail_after: AtomicU64,
    /// One-shot: answer the next session with this code instead of 200 (0 = off).
    fail_with: Mutex<Option<i64>>,
    /// Check `file_md5` against the raw bytes instead of the base64 text.
    md5_of_raw: AtomicBool,
    sessions: AtomicU64,
    cuts: AtomicU64,
}

impl SimState {
    fn transfer(&self) -> &TransferData {
        &self.mgm.transfer
    }

    /// Drops the next transfer session (no close frame) once the file's held bytes reach
    /// `bytes`: the "cut half way" of a resumable transfer. One shot.
    pub fn mgm_transfer_fail_after(&self, bytes: u64) {
        self.transfer().fail_after.store(bytes, Ordering::Relaxed);
    }

    /// Answers the next transfer session `{"code": code, "message": <meaning>}` and closes.
    /// One shot.
    pub fn mgm_transfer_fail_with(&self, code: i64) {
        *self.transfer().fail_with.lock() = Some(code);
    }

    /// Which md5 convention the server checks: false (default) the md5 of the base64 text
    /// of `content`, true the md5 of its decoded bytes.
    pub fn set_mgm_md5_of_raw_bytes(&self, raw: bool) {
        self.transfer().md5_of_raw.store(raw, Ordering::Relaxed);
    }

    /// Files received in full, oldest first.
    pub fn mgm_received_files(&self) -> Vec<MgmReceivedFile> {
        self.transfer().files.lock().clone()
    }

    /// Transfer sessions opened.
    pub fn mgm_transfer_sessions(&self) -> u64 {
        self.transfer().sessions.load(Ordering::Relaxed)
    }

    /// Sessions dropped by [`SimState::mgm_transfer_fail_after`].
    pub fn mgm_transfer_cuts(&self) -> u64 {
        self.transfer().cuts.load(Ordering::Relaxed)
    }
}

pub(crate) fn snapshot(state: &SimState) -> Value {
    let t = state.transfer();
    let partials: Vec<Value> = t
        .partials
        .lock()
        .iter()
        .map(|((machine_id, cloud_path, file_name, size), p)| {
            json!({ "machine_id": machine_id, "cloud_path": cloud_path,
                    "file_name": file_name, "size": size, "held": p.len })
        })
        .collect();
    json!({
        "files": state.mgm_received_files(),
        "partials": partials,
        "sessions": t.sessions.load(Ordering::Relaxed),
        "cuts": t.cuts.load(Ordering::Relaxed),
        "fail_after_bytes": t.fail_after.load(Ordering::Relaxed),
        "md5_of": if t.md5_of_raw.load(Ordering::Relaxed) { "raw_bytes" } else { "base64_text" },
    })
}

pub(crate) fn routes(state: &Arc<SimState>) -> Router {
    sockjs::endpoint("/v1/trans_file", Some(16 << 20), session)
        .route("/_sim/mgm/transfer", post(knobs))
        .with_state(state.clone())
}

/// What the query says about the file.
struct Description {
    key: Key,
    storage_type: u8,
}

fn describe(q: &HashMap<String, String>) -> Result<Description, (i64, String)> {
    let text = |k: &str| {
        q.get(k)
            .map(|v| v.trim().to_string())
            .filter(|v| !v.is_empty())
            .ok_or((3010, format!("{k} is required")))
    };
    let machine_id = text("machine_id")?;
    let cloud_path = text("cloud_path")?;
    let file_name = text("file_name")?;
    let size: u64 = text("file_size")?
        .parse()
        .map_err(|_| (3010, "file_size must be a number".to_string()))?;
    let storage_type: u8 = match text("storage_type")?.as_str() {
        "0" => 0,
        "1" => 1,
        _ => return Err((3010, "storage_type must be 0 or 1".to_string())),
    };
    if size > MAX_FILE_BYTES {
        return Err((731, "文件过大".to_string()));
    }
    let chars = file_name.chars().count();
    let limit = if file_name.is_ascii() { 180 } else { 60 };
    if chars > limit || file_name.contains(['/', '\\']) {
        return Err((719, "文件名不合法".to_string()));
    }
    Ok(Description {
        key: (machine_id, cloud_path, file_name, size),
        storage_type,
    })
}

/// The documented meaning of a code the simulator can be told to answer.
fn meaning(code: i64) -> &'static str {
    match code {
        711 | 723 => "系统出错",
        712 => "没有足够的存储空间",
        713 => "内部存储已有该文件或路径",
        714 => "外部存储已有该文件或路径",
        715 => "内部存储无该文件或路径",
        716 => "外部存储无该文件或路径",
        717 => "内部存储无该路径",
        718 => "外部存储无该路径",
        719 => "文件名不合法",
        720 => "响应超时",
        721 => "该系统型号暂不支持创建文件夹",
        722 => "该机床暂不支持",
        724 => "盒子与机床连接异常",
        730 => "盒子与机床断开连接",
        731 => "文件过大",
        732 => "文件内容格式不合法",
        733 => "文件已经存在",
        734 => "未获取到存储",
        3010 => "the request content is invalid",
        3012 => "the machine does not exist",
        _ => "操作失败",
    }
}

async fn refuse(mut sock: SimSocket, code: i64, message: &str) {
    sock.send(&[json!({ "code": code, "message": message })])
        .await;
    sock.close(close_code(code), message).await;
}

async fn session(state: Arc<SimState>, mut sock: SimSocket, q: SessionQuery) {
    let t = state.transfer();
    t.sessions.fetch_add(1, Ordering::Relaxed);
    let token = q.get("session_id").map(String::as_str).unwrap_or_default();
    if let Err((code, message)) = super::check_access_token(&state, token) {
        return refuse(sock, code, message).await;
    }
    let desc = match describe(&q) {
        Ok(d) => d,
        Err((code, message)) => return refuse(sock, code, &message).await,
    };
    let fail_with = t.fail_with.lock().take();
    if let Some(code) = fail_with {
        return refuse(sock, code, meaning(code)).await;
    }
    let fail_after = t.fail_after.swap(0, Ordering::Relaxed);
    let (seek, file_id) = {
        let mut partials = t.partials.lock();
        let p = partials.entry(desc.key.clone()).or_insert_with(|| Partial {
            file_id: uuid::Uuid::new_v4().simple().to_string(),
            hasher: Md5::new(),
            len: 0,
            seeks: Vec::new(),
        });
        p.seeks.push(p.len);
        (p.len, p.file_id.clone())
    };
    if !sock
        .send(&[json!({ "code": 200, "file_seek": seek, "file_id": file_id })])
        .await
    {
        return;
    }
    while let Some(text) = sock.recv().await {
        let bytes = match chunk(&text, t.md5_of_raw.load(Ordering::Relaxed)) {
            Ok(b) => b,
            Err(()) => {
                t.partials.lock().remove(&desc.key);
                return refuse(sock, 732, meaning(732)).await;
            }
        };
        match append(t, &desc, &bytes, fail_after) {
            Step::More => {}
            Step::Gone => return,
            Step::Cut => {
                t.cuts.fetch_add(1, Ordering::Relaxed);
                // Dropping the socket ends the connection without a close frame.
                return;
            }
            Step::TooLong => return refuse(sock, 732, meaning(732)).await,
            Step::Done(file) => {
                let request_id = file.request_id.clone();
                t.files.lock().push(file);
                sock.send(&[json!({ "code": 200, "request_id": request_id })])
                    .await;
                sock.close(1000, "").await;
                return;
            }
        }
    }
}

/// What one chunk did to the file.
enum Step {
    More,
    /// The partial file vanished (another session finished or refused it).
    Gone,
    /// The fail-after knob fired.
    Cut,
    TooLong,
    Done(MgmReceivedFile),
}

fn append(t: &TransferData, desc: &Description, bytes: &[u8], fail_after: u64) -> Step {
    let mut partials = t.partials.lock();
    let Some(p) = partials.get_mut(&desc.key) else {
        return Step::Gone;
    };
    p.hasher.update(bytes);
    p.len += bytes.len() as u64;
    let size = desc.key.3;
    if p.len > size {
        partials.remove(&desc.key);
        Step::TooLong
    } else if p.len == size {
        let p = partials.remove(&desc.key).expect("present");
        Step::Done(received(desc, p))
    } else if fail_after > 0 && p.len >= fail_after {
        Step::Cut
    } else {
        Step::More
    }
}

fn received(desc: &Description, p: Partial) -> MgmReceivedFile {
    let (machine_id, cloud_path, file_name, size) = desc.key.clone();
    let md5: String = p
        .hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let request_id = format!(
        "{}{}",
        chrono::Utc::now().timestamp_millis(),
        uuid::Uuid::new_v4().simple()
    );
    MgmReceivedFile {
        machine_id,
        cloud_path,
        file_name,
        storage_type: desc.storage_type,
        size,
        md5,
        file_id: p.file_id,
        request_id,
        seeks: p.seeks,
    }
}

/// The bytes of a `{"content", "file_md5"}` message whose md5 checks out.
fn chunk(text: &str, md5_of_raw: bool) -> Result<Vec<u8>, ()> {
    let v: Value = serde_json::from_str(text).map_err(|_| ())?;
    let content = v.get("content").and_then(Value::as_str).ok_or(())?;
    let claimed = v.get("file_md5").and_then(Value::as_str).ok_or(())?;
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(content)
        .map_err(|_| ())?;
    let digest = if md5_of_raw {
        Md5::digest(&bytes)
    } else {
        Md5::digest(content.as_bytes())
    };
    let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    if hex.eq_ignore_ascii_case(claimed) {
        Ok(bytes)
    } else {
        Err(())
    }
}

/// Body of `POST /_sim/mgm/transfer`; every field is optional.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Knobs {
    fail_after_bytes: Option<u64>,
    fail_with_code: Option<i64>,
    md5_of: Option<String>,
}

async fn knobs(
    State(state): State<Arc<SimState>>,
    body: Result<Json<Knobs>, JsonRejection>,
) -> Response {
    let bad =
        |msg: String| (StatusCode::BAD_REQUEST, Json(json!({ "error": msg }))).into_response();
    let k = match body {
        Ok(Json(k)) => k,
        Err(e) => return bad(e.body_text()),
    };
    match k.md5_of.as_deref() {
        None => {}
        Some("base64_text") => state.set_mgm_md5_of_raw_bytes(false),
        Some("raw_bytes") => state.set_mgm_md5_of_raw_bytes(true),
        Some(other) => {
            return bad(format!(
                "md5_of must be \"base64_text\" or \"raw_bytes\", got {other:?}"
            ))
        }
    }
    if let Some(n) = k.fail_after_bytes {
        state.mgm_transfer_fail_after(n);
    }
    if let Some(code) = k.fail_with_code {
        state.mgm_transfer_fail_with(code);
    }
    Json(snapshot(&state)).into_response()
}
