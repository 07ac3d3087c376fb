//! The quality-trace call (seed 002).

#[allow(unused_imports)]
use super::{p, BodyEncoding, CallSpec, HttpMethod, Location::*, ParamKind::*, RetryClass, Server};

pub static CALLS: &[CallSpec] = &[];
