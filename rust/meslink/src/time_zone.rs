//! The time zone a server reads its date-times in: the `"time_zone"` of its section.

use crate::error::{Error, Result};
use chrono::{DateTime, FixedOffset, Local, NaiveDateTime, Offset, TimeZone, Utc};
use serde::{Deserialize, Deserializer};
use std::fmt;

/// A server's time zone: the station's local zone (the default), a fixed offset
/// (`"+08:00"`), or an IANA zone (`"Asia/Shanghai"`, with its daylight-saving rules).
///
/// Date-times with an offset (and Unix seconds) are converted to it before they are sent
/// as `yyyy-MM-dd HH:mm:ss`; date-times without one are taken as already in it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ServerZone {
    /// The zone of the machine meslink runs on (`TZ`, the system setting).
    #[default]
    Local,
    /// A fixed offset from UTC.
    Fixed(FixedOffset),
    /// An IANA zone of the tz database compiled in.
    Named(chrono_tz::Tz),
}

impl ServerZone {
    /// `"local"`, `"+08:00"` / `"-05:30"` / `"+0800"` / `"Z"`, or an IANA name
    /// (`"Asia/Shanghai"`, `"UTC"`).
    pub fn parse(text: &str) -> Result<ServerZone> {
        let t = text.trim();
        if t.eq_ignore_ascii_case("local") {
            return Ok(ServerZone::Local);
        }
        if t == "Z" {
            return Ok(ServerZone::Fixed(Utc.fix()));
        }
        if t.starts_with(['+', '-']) {
            return fixed(t).map(ServerZone::Fixed).ok_or_else(|| {
                Error::invalid(format!(
                    "time_zone {text:?} is not an offset: use +HH:MM or -HH:MM (at most 23:59)"
                ))
            });
        }
        t.parse::<chrono_tz::Tz>()
            .map(ServerZone::Named)
            .map_err(|_| {
                Error::invalid(format!(
                    "time_zone {text:?} is neither an offset (+08:00) nor an IANA time zone \
                     name (Asia/Shanghai) nor \"local\""
                ))
            })
    }

    /// The wall-clock time in this zone of the instant `t`.
    pub fn wall_time<Tz: TimeZone>(&self, t: &DateTime<Tz>) -> NaiveDateTime {
        match self {
            ServerZone::Local => t.with_timezone(&Local).naive_local(),
            ServerZone::Fixed(offset) => t.with_timezone(offset).naive_local(),
            ServerZone::Named(tz) => t.with_timezone(tz).naive_local(),
        }
    }
}

/// `+HH:MM`, `-HH:MM`, `+HHMM` or `+HH`.
fn fixed(t: &str) -> Option<FixedOffset> {
    let (sign, rest) = t.split_at(1);
    let digits: String = rest.chars().filter(|c| *c != ':').collect();
    if !digits.chars().all(|c| c.is_ascii_digit()) || rest.matches(':').count() > 1 {
        return None;
    }
    let (h, m) = match digits.len() {
        2 => (digits.parse::<i32>().ok()?, 0),
        4 => (
            digits[..2].parse::<i32>().ok()?,
            digits[2..].parse::<i32>().ok()?,
        ),
        _ => return None,
    };
    if h > 23 || m > 59 {
        return None;
    }
    let seconds = (h * 3600 + m * 60) * if sign == "-" { -1 } else { 1 };
    FixedOffset::east_opt(seconds)
}

impl fmt::Display for ServerZone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ServerZone::Local => f.write_str("local"),
            ServerZone::Fixed(o) => write!(f, "{o}"),
            ServerZone::Named(tz) => f.write_str(tz.name()),
        }
    }
}

impl<'de> Deserialize<'de> for ServerZone {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        ServerZone::parse(&text).map_err(|e| serde::de::Error::custom(e.message))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_offsets_names_and_local() {
        let east8 = ServerZone::Fixed(FixedOffset::east_opt(8 * 3600).unwrap());
        for t in ["+08:00", "+0800", "+08", " +08:00 "] {
            assert_eq!(ServerZone::parse(t).unwrap(), east8, "{t}");
        }
        let west = ServerZone::parse("-05:30").unwrap();
        assert_eq!(west.to_string(), "-05:30");
        assert_eq!(
            ServerZone::parse("Asia/Shanghai").unwrap(),
            ServerZone::Named(chrono_tz::Asia::Shanghai)
        );
        assert_eq!(ServerZone::parse("local").unwrap(), ServerZone::Local);
        assert_eq!(ServerZone::parse("Z").unwrap().to_string(), "+00:00");
        for bad in [
            "",
            "+24:00",
            "+08:60",
            "8",
            "Mars/Olympus",
            "+08:00:00",
            "+8:0",
        ] {
            assert!(ServerZone::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn wall_times() {
        let t = DateTime::parse_from_rfc3339("2024-06-03T16:00:00+08:00").unwrap();
        let show = |z: &str| ServerZone::parse(z).unwrap().wall_time(&t).to_string();
        assert_eq!(show("+08:00"), "2024-06-03 16:00:00");
        assert_eq!(show("Asia/Shanghai"), "2024-06-03 16:00:00");
        assert_eq!(show("UTC"), "2024-06-03 08:00:00");
        // Daylight saving: New York is UTC-4 in June, UTC-5 in January.
        assert_eq!(show("America/New_York"), "2024-06-03 04:00:00");
        let winter = DateTime::parse_from_rfc3339("2024-01-03T16:00:00+08:00").unwrap();
        let ny = ServerZone::parse("America/New_York").unwrap();
        assert_eq!(ny.wall_time(&winter).to_string(), "2024-01-03 03:00:00");
    }
}
