//! The energy-management platform calls (seed 004).

#[allow(unused_imports)]
use super::{p, BodyEncoding, CallSpec, HttpMethod, Location::*, ParamKind::*, RetryClass, Server};

pub static CALLS: &[CallSpec] = &[];
