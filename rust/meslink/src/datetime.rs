//! Date-times as the servers want them: `yyyy-MM-dd HH:mm:ss`, plant local time.

use crate::time_zone::ServerZone;
use crate::{Error, Result};
use chrono::{DateTime, NaiveDateTime};

/// The wire format of every documented date-time field.
pub const WIRE_FORMAT: &str = "%Y-%m-%d %H:%M:%S";

/// Accepts `yyyy-MM-dd HH:mm:ss`, the ISO 8601 / RFC 3339 forms that Python's
/// `datetime.isoformat()` and .NET's `DateTime.ToString("o")` produce (a `T`
/// separator, fractional seconds), and returns the wire format. A value with a UTC
/// offset is converted to this machine's local time, the plant time the MES expects;
/// a value without one is taken as local time already. Fractions are truncated.
pub fn normalize(text: &str) -> Result<String> {
    normalize_in(text, ServerZone::Local)
}

/// [`normalize`] for a server in `zone`: a value with an offset is converted to `zone`;
/// a value without one is taken as already in it.
pub fn normalize_in(text: &str, zone: ServerZone) -> Result<String> {
    let t = text.trim();
    if let Ok(dt) = DateTime::parse_from_rfc3339(t) {
        return Ok(format(&zone.wall_time(&dt)));
    }
    for fmt in ["%Y-%m-%d %H:%M:%S%.f", "%Y-%m-%dT%H:%M:%S%.f"] {
        if let Ok(dt) = NaiveDateTime::parse_from_str(t, fmt) {
            return Ok(format(&dt));
        }
    }
    Err(Error::invalid(format!(
        "{text:?} is not a date-time; expected yyyy-MM-dd HH:mm:ss or ISO 8601"
    )))
}

/// Unix seconds as this machine's local time in the wire format (`None` when out of range).
pub fn from_unix(seconds: f64) -> Option<String> {
    from_unix_in(seconds, ServerZone::Local)
}

/// Unix seconds as the wall-clock time of `zone` in the wire format.
pub fn from_unix_in(seconds: f64, zone: ServerZone) -> Option<String> {
    if !seconds.is_finite() {
        return None;
    }
    let dt = DateTime::from_timestamp(seconds.floor() as i64, 0)?;
    Some(format(&zone.wall_time(&dt)))
}

/// Formats a local date-time for the wire.
pub fn format(dt: &NaiveDateTime) -> String {
    dt.format(WIRE_FORMAT).to_string()
}

/// A date-time argument of a typed method: what each language's layer hands the core.
/// The one rule: a value with an offset travels as ISO 8601 with that offset, a value
/// without one as ISO 8601 without (taken as plant time), Unix seconds as a number; the
/// core alone turns it into the server's format ([`normalize`], [`from_unix`]).
#[derive(Debug, Clone, PartialEq)]
pub enum DateTimeArg {
    /// ISO 8601 text, with or without an offset, or `yyyy-MM-dd HH:mm:ss`.
    Text(String),
    /// Unix seconds.
    Unix(i64),
}

impl From<NaiveDateTime> for DateTimeArg {
    fn from(t: NaiveDateTime) -> Self {
        DateTimeArg::Text(t.format("%Y-%m-%dT%H:%M:%S").to_string())
    }
}

impl<Tz: chrono::TimeZone> From<DateTime<Tz>> for DateTimeArg
where
    Tz::Offset: std::fmt::Display,
{
    fn from(t: DateTime<Tz>) -> Self {
        DateTimeArg::Text(t.to_rfc3339_opts(chrono::SecondsFormat::Secs, false))
    }
}

impl From<&str> for DateTimeArg {
    fn from(t: &str) -> Self {
        DateTimeArg::Text(t.to_owned())
    }
}

impl From<String> for DateTimeArg {
    fn from(t: String) -> Self {
        DateTimeArg::Text(t)
    }
}

impl From<i64> for DateTimeArg {
    fn from(unix_seconds: i64) -> Self {
        DateTimeArg::Unix(unix_seconds)
    }
}

impl From<DateTimeArg> for serde_json::Value {
    fn from(t: DateTimeArg) -> Self {
        match t {
            DateTimeArg::Text(s) => serde_json::Value::String(s),
            DateTimeArg::Unix(n) => serde_json::Value::from(n),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Local;

    #[test]
    fn accepts_the_usual_forms() {
        assert_eq!(
            normalize("2024-01-02 03:04:05").unwrap(),
            "2024-01-02 03:04:05"
        );
        assert_eq!(
            normalize("2024-01-02T03:04:05").unwrap(),
            "2024-01-02 03:04:05"
        );
        assert_eq!(
            normalize("2024-01-02T03:04:05.1234567").unwrap(),
            "2024-01-02 03:04:05"
        );
        let utc = normalize("2024-01-02T03:04:05Z").unwrap();
        let expected = DateTime::parse_from_rfc3339("2024-01-02T03:04:05Z")
            .unwrap()
            .with_timezone(&Local)
            .format(WIRE_FORMAT)
            .to_string();
        assert_eq!(utc, expected);
    }

    #[test]
    fn unix_seconds() {
        let expected = DateTime::from_timestamp(1_700_000_000, 0)
            .unwrap()
            .with_timezone(&Local)
            .format(WIRE_FORMAT)
            .to_string();
        assert_eq!(from_unix(1_700_000_000.9).unwrap(), expected);
        assert_eq!(from_unix(f64::NAN), None);
        assert_eq!(from_unix(1e30), None);
    }

    #[test]
    fn refuses_the_rest() {
        for bad in ["", "2024-13-02 03:04:05", "02/01/2024 03:04", "now"] {
            assert!(normalize(bad).is_err(), "{bad}");
        }
    }
}
