//! Date-times as the servers want them: `yyyy-MM-dd HH:mm:ss`, plant local time.

use crate::error::{Error, Result};
use crate::time_zone::ServerZone;
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
    if is_wire_format(t) {
        // Already as the server wants it (a batch of records from a file): as it is.
        return Ok(t.to_owned());
    }
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

/// Whether `t` is a valid date-time in exactly the wire format, `yyyy-MM-dd HH:mm:ss`
/// (what parsing and formatting it again would give back unchanged).
fn is_wire_format(t: &str) -> bool {
    let b = t.as_bytes();
    if b.len() != 19 {
        return false;
    }
    let shape = b"dddd-dd-dd dd:dd:dd";
    if !b.iter().zip(shape).all(|(c, s)| match s {
        b'd' => c.is_ascii_digit(),
        _ => c == s,
    }) {
        return false;
    }
    let num =
        |r: std::ops::Range<usize>| b[r].iter().fold(0u32, |n, d| n * 10 + u32::from(d - b'0'));
    chrono::NaiveDate::from_ymd_opt(num(0..4) as i32, num(5..7), num(8..10)).is_some()
        && chrono::NaiveTime::from_hms_opt(num(11..13), num(14..16), num(17..19)).is_some()
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
    fn the_wire_format_passes_through_as_parsing_would_give_it() {
        for t in [
            "2024-05-06 07:08:09",
            "1999-12-31 23:59:59",
            "2024-02-29 00:00:00",
        ] {
            assert!(is_wire_format(t), "{t}");
            assert_eq!(normalize(t).unwrap(), t);
            assert_eq!(normalize(&format!("  {t} ")).unwrap(), t);
        }
        // Not the exact shape, or not a valid date: the parser decides.
        for t in [
            "2023-02-29 00:00:00",
            "2024-13-01 00:00:00",
            "2024-05-06 24:00:00",
        ] {
            assert!(!is_wire_format(t), "{t}");
            assert!(normalize(t).is_err(), "{t}");
        }
        assert!(!is_wire_format("2024-05-06T07:08:09"));
        assert!(!is_wire_format("2024-05-06 07:08:09.5"));
    }

    #[test]
    fn refuses_the_rest() {
        for bad in ["", "2024-13-02 03:04:05", "02/01/2024 03:04", "now"] {
            assert!(normalize(bad).is_err(), "{bad}");
        }
    }
}
