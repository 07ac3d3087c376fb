//! One forwarded log record and its JSON form.

use serde_json::{json, Map, Value};
use std::time::SystemTime;

/// A record's level, from the least to the most verbose. `0` (no level) means off.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[repr(u8)]
pub enum Level {
    Error = 1,
    Warn = 2,
    Info = 3,
    Debug = 4,
    Trace = 5,
}

impl Level {
    /// The level of a number as the C ABI numbers them (1 error … 5 trace); 0 and
    /// anything else is `None` (off).
    pub fn from_number(n: i64) -> Option<Level> {
        Some(match n {
            1 => Level::Error,
            2 => Level::Warn,
            3 => Level::Info,
            4 => Level::Debug,
            5 => Level::Trace,
            _ => return None,
        })
    }

    pub(crate) fn from_tracing(level: &tracing::Level) -> Level {
        match *level {
            tracing::Level::ERROR => Level::Error,
            tracing::Level::WARN => Level::Warn,
            tracing::Level::INFO => Level::Info,
            tracing::Level::DEBUG => Level::Debug,
            tracing::Level::TRACE => Level::Trace,
        }
    }

    /// "error", "warn", "info", "debug", "trace".
    pub fn name(self) -> &'static str {
        match self {
            Level::Error => "error",
            Level::Warn => "warn",
            Level::Info => "info",
            Level::Debug => "debug",
            Level::Trace => "trace",
        }
    }
}

/// One log record as every host receives it.
#[derive(Clone, Debug)]
pub struct Record {
    pub time: SystemTime,
    pub level: Level,
    /// `meslink`, or `meslink.<part>`: the server (`meslink.ate`, `meslink.mgm`, ...) of
    /// the call the record belongs to, else the part of meslink (`meslink.spool`,
    /// `meslink.tls`, `meslink.transport`).
    pub target: String,
    /// The event's message followed by its fields as `name=value`.
    pub message: String,
    /// The call id the record belongs to (`ate.sn_detail.get`), when any.
    pub call: Option<String>,
    /// The client's id: the C handle in the C ABI, a process-unique number elsewhere.
    pub client: Option<i64>,
}

impl Record {
    /// Seconds since the Unix epoch, with the fraction.
    pub fn unix_time(&self) -> f64 {
        self.time
            .duration_since(SystemTime::UNIX_EPOCH)
            .map(|d| d.as_secs_f64())
            .unwrap_or(0.0)
    }

    /// `{"time":"2026-12-03T10:05:31.123Z","level":"info","target":"meslink.ate",
    /// "message":"...","call":"ate.sn_detail.get","client":65537}`; `call` and `client`
    /// are null when unknown.
    pub fn to_json(&self) -> Value {
        let time = chrono::DateTime::<chrono::Utc>::from(self.time)
            .to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
        let mut m = Map::new();
        m.insert("time".into(), json!(time));
        m.insert("level".into(), json!(self.level.name()));
        m.insert("target".into(), json!(self.target));
        m.insert("message".into(), json!(self.message));
        m.insert("call".into(), json!(self.call));
        m.insert("client".into(), json!(self.client));
        Value::Object(m)
    }
}
