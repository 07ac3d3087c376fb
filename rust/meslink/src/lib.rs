//! meslink core: one client for the plant's servers.
//!
//! * [`Client`] holds the configuration, one keep-alive HTTP connection pool and the
//!   authentication state of every server it talks to.
//! * [`catalog`] is the one table of every documented call; the generic JSON call
//!   ([`Client::call`]) and every language layer are driven by it.
//! * [`runtime`] owns the process-wide tokio runtime used by blocking callers
//!   (the C ABI, Python, C#).

mod batch;
pub mod catalog;
mod client;
pub mod config;
pub mod datetime;
mod error;
/// Entry points for property tests and fuzz targets; not part of the API.
#[doc(hidden)]
pub mod fuzzing;
mod jwt;
pub mod log;
pub mod models;
pub mod named;
pub mod op;
mod probe;
pub mod runtime;
mod secret;
pub mod servers;
pub mod spool;
mod stats;
pub mod time_zone;
mod tls;
mod token;
mod transport;

pub use batch::DEFAULT_BATCH_CONCURRENCY;
pub use client::Client;
pub use config::ClientConfig;
pub use datetime::DateTimeArg;
pub use error::{Error, ErrorKind, Result};
pub use models::{GradingRecord, LoginInfo, SnDetail, TraceNode, TraceResult, TraceType};
pub use op::Op;
pub use probe::Probe;
pub use secret::Secret;
pub use spool::{Spool, SpoolConfig, SpoolRecord, SpoolState, SpoolStatus};
pub use time_zone::ServerZone;

/// The machine-tool IoT open API's types (seed 003).
pub mod mgm {
    pub use crate::models::{OrgLevel, OrgNode, SysInfo};
    pub use crate::servers::mgm::{codes, MgmConfig};
    pub use crate::servers::mgm::{
        transfer_code_meaning, Md5Of, Overflow, Stream, StreamEvent, StreamOptions, StreamStats,
        StreamTransport, Transfer, TransferProgress, TransferRequest, TRANSFER_CODES,
    };
}

/// The library version, as in Cargo.toml.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
