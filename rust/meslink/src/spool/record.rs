//! What the spool answers about its records: states, records and counts.

use crate::error::{Error, Result};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// The state of a spooled record, and which records [`super::Spool::list`] shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SpoolState {
    /// Waiting to be delivered, in order (in flight ones included).
    Pending,
    /// Failed transiently past its budget (`park_after_attempts` and `park_after_s`):
    /// set aside, tried again every `park_retry_s`; unrelated records go on meanwhile.
    Parked,
    /// Refused by the server, or out of attempts: kept until retried or discarded.
    Dead,
    /// Refused when sent again after an attempt whose answer was never read (in flight
    /// at a crash or a close, or timed out): the server probably has it already. Kept
    /// apart from the dead letters, with the server's words, until retried or discarded.
    ResentRefused,
}

impl SpoolState {
    pub const ALL: [SpoolState; 4] = [
        SpoolState::Pending,
        SpoolState::Parked,
        SpoolState::Dead,
        SpoolState::ResentRefused,
    ];

    pub fn name(self) -> &'static str {
        match self {
            SpoolState::Pending => "pending",
            SpoolState::Parked => "parked",
            SpoolState::Dead => "dead",
            SpoolState::ResentRefused => "resent_refused",
        }
    }
}

impl std::fmt::Display for SpoolState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

impl std::str::FromStr for SpoolState {
    type Err = Error;
    fn from_str(s: &str) -> Result<SpoolState> {
        SpoolState::ALL
            .into_iter()
            .find(|w| w.name() == s)
            .ok_or_else(|| {
                Error::invalid(format!(
                    "unknown spool list {s:?}; expected \"pending\", \"parked\", \"dead\" or \
                     \"resent_refused\""
                ))
            })
    }
}

/// One spooled record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SpoolRecord {
    /// The sequence number [`super::Spool::enqueue`] returned.
    pub seq: i64,
    pub state: SpoolState,
    pub call_id: String,
    /// The parameters as validated (date-times normalised).
    pub params: Value,
    /// What orders it: records with the same key (an SN, a barcode, a meter, a machine)
    /// are never delivered out of enqueue order.
    pub key: Option<String>,
    /// Attempts so far.
    pub attempts: u32,
    /// Sent, no answer recorded yet (pending and parked records only).
    pub in_flight: bool,
    /// An earlier attempt's answer was never read (found in flight when the file was
    /// opened, or timed out): it may have reached its server already.
    pub resent: bool,
    /// The last failure, as text.
    pub last_error: Option<String>,
    /// Dead and resent-refused records: the failure's kind, message, HTTP status and
    /// the server's own code and message
    /// (`{"kind","message","http_status","server_code","server_message"}`).
    pub answer: Option<Value>,
    /// UTC, `yyyy-MM-ddTHH:mm:ss.fffZ`.
    pub enqueued_at: String,
    /// Parked records: when the next attempt is due (UTC, same format).
    pub next_attempt_at: Option<String>,
    /// Dead and resent-refused records: when the record was given up.
    pub died_at: Option<String>,
}

/// The spool's counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpoolStatus {
    /// Waiting to be delivered (in flight included), parked ones excluded.
    pub pending: u64,
    /// Set aside after failing past their budget; tried again on their own schedule.
    pub parked: u64,
    /// In the dead letters.
    pub dead: u64,
    /// Refused when sent again after a crash or a timeout: probably delivered the first time.
    pub resent_refused: u64,
    /// Acknowledged by their server since the file was created.
    pub delivered: u64,
    /// Times the file was found damaged at an open, moved aside and rebuilt.
    pub repairs: u64,
    /// Records read back from damaged files into the rebuilt ones.
    pub salvaged: u64,
    /// Records that damaged files held and no repair could read back.
    pub lost: u64,
}
