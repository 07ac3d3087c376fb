//! The machine-tool IoT open API calls (seed 003).

#[allow(unused_imports)]
use super::{p, BodyEncoding, CallSpec, HttpMethod, Location::*, ParamKind::*, RetryClass, Server};

pub static CALLS: &[CallSpec] = &[];
