//! The request envelope of the trace API:
//! `{"id": <uuid>, "version": "1.0", "request": {"apiVer": "1.0.0"}, "params": {...}}`.

use std::fmt;
use std::str::FromStr;

use serde_json::{json, Map, Value};

use crate::error::{Error, Result};

/// The envelope's `version`.
pub const VERSION: &str = "1.0";
/// The API's version (`request.apiVer`), as the document gives it.
pub const API_VER: &str = "1.0.0";

pub use crate::models::TraceType;

impl fmt::Display for TraceType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for TraceType {
    type Err = Error;

    /// `forward` or `reverse`, any case, surrounding blanks ignored.
    fn from_str(s: &str) -> Result<TraceType> {
        match s.trim().to_ascii_lowercase().as_str() {
            "forward" => Ok(TraceType::Forward),
            "reverse" => Ok(TraceType::Reverse),
            _ => Err(Error::invalid(format!(
                "traceType must be \"forward\" or \"reverse\", got {s:?}"
            ))),
        }
    }
}

/// The envelope around `params`, with a fresh request id.
pub fn envelope(params: Map<String, Value>) -> Value {
    json!({
        "id": uuid::Uuid::new_v4().to_string(),
        "version": VERSION,
        "request": { "apiVer": API_VER },
        "params": params,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trace_type_round_trip() {
        for t in [TraceType::Forward, TraceType::Reverse] {
            assert_eq!(t.as_str().parse::<TraceType>().unwrap(), t);
        }
        assert_eq!(
            " Reverse ".parse::<TraceType>().unwrap(),
            TraceType::Reverse
        );
        let e = "backward".parse::<TraceType>().unwrap_err();
        assert!(e.message.contains("backward"), "{e}");
    }

    #[test]
    fn envelope_shape() {
        let mut p = Map::new();
        p.insert("uniqueCode".into(), json!("SN1"));
        let e = envelope(p);
        assert_eq!(e["version"], "1.0");
        assert_eq!(e["request"]["apiVer"], "1.0.0");
        assert_eq!(e["params"]["uniqueCode"], "SN1");
        let id = e["id"].as_str().unwrap();
        assert_eq!(uuid::Uuid::parse_str(id).unwrap().get_version_num(), 4);
        assert_ne!(envelope(Map::new())["id"], e["id"]);
    }
}
