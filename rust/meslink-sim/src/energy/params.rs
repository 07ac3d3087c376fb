//! Request parameters: the query string (GET) merged with the JSON body (POST, PUT,
//! DELETE), checked against per-call field tables.

use chrono::NaiveDateTime;
use serde_json::{Map, Value};

use super::envelope::ErrNo;

/// The documented parameter types.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Kind {
    /// Text; numbers are taken in their text form.
    Str,
    /// An integer, as a JSON number or a numeric string.
    Int,
    /// A number, as a JSON number or a numeric string.
    Float,
    /// `YYYY-MM-DD HH:MM:SS`.
    DateTime,
    /// An integer within an inclusive range (documented enumerations such as levels).
    IntIn(i64, i64),
    /// One of the listed codes, kept as text (`Time_Type`, `Amount_Type` …).
    StrIn(&'static [&'static str]),
    /// A JSON list or object (the provincial platform's structures).
    Json,
}

/// A default filled in on create for an absent optional field.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Fill {
    None,
    Str(&'static str),
    Int(i64),
}

/// One documented parameter.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Field {
    pub name: &'static str,
    pub kind: Kind,
    pub required: bool,
    pub default: Fill,
}

/// A required parameter.
pub(crate) const fn req(name: &'static str, kind: Kind) -> Field {
    Field {
        name,
        kind,
        required: true,
        default: Fill::None,
    }
}

/// An optional parameter.
pub(crate) const fn opt(name: &'static str, kind: Kind) -> Field {
    Field {
        name,
        kind,
        required: false,
        default: Fill::None,
    }
}

/// An optional parameter with a documented default.
pub(crate) const fn opt_or(name: &'static str, kind: Kind, default: Fill) -> Field {
    Field {
        name,
        kind,
        required: false,
        default,
    }
}

/// `1`-年, `2`-月, `3`-天.
pub(crate) const TIME_TYPES: Kind = Kind::StrIn(&["1", "2", "3"]);
/// Energy kinds 0–8 (电 … 天然气).
pub(crate) const ENERGY_KINDS: Kind = Kind::StrIn(&["0", "1", "2", "3", "4", "5", "6", "7", "8"]);

const TIME_FORMAT: &str = "%Y-%m-%d %H:%M:%S";

pub(crate) fn parse_time(s: &str) -> Option<NaiveDateTime> {
    let s = s.trim();
    // chrono accepts unpadded fields; the documented format is zero-padded.
    if s.len() != 19 {
        return None;
    }
    NaiveDateTime::parse_from_str(s, TIME_FORMAT).ok()
}

pub(crate) fn fmt_time(t: NaiveDateTime) -> String {
    t.format(TIME_FORMAT).to_string()
}

/// A value as text: strings as they are, numbers and booleans in their JSON form.
pub(crate) fn text_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.trim().to_string()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// `v` converted to `kind`'s stored form, or `None` when it does not fit.
pub(crate) fn normalize(kind: Kind, v: &Value) -> Option<Value> {
    match kind {
        Kind::Str => text_of(v).map(Value::String),
        Kind::Int => int_of(v).map(Value::from),
        Kind::Float => float_of(v).map(Value::from),
        Kind::DateTime => {
            let s = text_of(v)?;
            parse_time(&s).map(|t| Value::String(fmt_time(t)))
        }
        Kind::IntIn(lo, hi) => int_of(v).filter(|n| (lo..=hi).contains(n)).map(Value::from),
        Kind::StrIn(codes) => text_of(v)
            .filter(|s| codes.contains(&s.as_str()))
            .map(Value::String),
        Kind::Json => match v {
            Value::Array(_) | Value::Object(_) => Some(v.clone()),
            _ => None,
        },
    }
}

fn int_of(v: &Value) -> Option<i64> {
    match v {
        Value::Number(n) => n
            .as_i64()
            .or_else(|| n.as_f64().filter(|f| f.fract() == 0.0).map(|f| f as i64)),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

fn float_of(v: &Value) -> Option<f64> {
    match v {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => s.trim().parse::<f64>().ok().filter(|f| f.is_finite()),
        _ => None,
    }
}

/// One call's parameters.
#[derive(Debug, Default)]
pub(crate) struct Params(Map<String, Value>);

impl Params {
    pub fn new(map: Map<String, Value>) -> Params {
        Params(map)
    }

    /// The query pairs, then the JSON body's members over them. An empty body is no
    /// body; a body that is not a JSON object is a parameter error.
    pub fn parse(query: Vec<(String, String)>, body: &[u8]) -> Result<Params, ErrNo> {
        let mut map: Map<String, Value> = query
            .into_iter()
            .map(|(k, v)| (k, Value::String(v)))
            .collect();
        if !body.iter().all(u8::is_ascii_whitespace) {
            match serde_json::from_slice::<Value>(body) {
                Ok(Value::Object(members)) => map.extend(members),
                _ => return Err(ErrNo::BAD_PARAMS),
            }
        }
        Ok(Params(map))
    }

    pub fn insert(&mut self, name: &str, v: Value) {
        self.0.insert(name.to_string(), v);
    }

    /// A parameter's raw value; `null` and blank strings count as absent.
    pub fn raw(&self, name: &str) -> Option<&Value> {
        match self.0.get(name)? {
            Value::Null => None,
            Value::String(s) if s.trim().is_empty() => None,
            v => Some(v),
        }
    }

    /// One field, normalized: `Ok(None)` when absent and optional; the parameter error
    /// when absent and required or of the wrong type.
    pub fn field(&self, f: &Field) -> Result<Option<Value>, ErrNo> {
        match self.raw(f.name) {
            None if f.required => Err(ErrNo::BAD_PARAMS),
            None => Ok(None),
            Some(v) => normalize(f.kind, v).map(Some).ok_or(ErrNo::BAD_PARAMS),
        }
    }

    /// A required integer field checked against `kind` (a range, a choice).
    pub fn checked_int(&self, name: &'static str, kind: Kind) -> Result<i64, ErrNo> {
        Ok(self
            .field(&req(name, kind))?
            .and_then(|v| v.as_i64())
            .unwrap_or_default())
    }

    /// A required text field checked against `kind`.
    pub fn checked_text(&self, name: &'static str, kind: Kind) -> Result<String, ErrNo> {
        Ok(self
            .field(&req(name, kind))?
            .and_then(|v| text_of(&v))
            .unwrap_or_default())
    }

    /// Every listed field that is present, normalized, after checking them all; with
    /// `defaults`, absent optional fields get their documented defaults.
    pub fn take(&self, fields: &[Field], defaults: bool) -> Result<Map<String, Value>, ErrNo> {
        let mut out = Map::new();
        for f in fields {
            match self.field(f)? {
                Some(v) => {
                    out.insert(f.name.to_string(), v);
                }
                None if defaults => {
                    let v = match f.default {
                        Fill::None => continue,
                        Fill::Str(s) => Value::String(s.to_string()),
                        Fill::Int(n) => Value::from(n),
                    };
                    out.insert(f.name.to_string(), v);
                }
                None => {}
            }
        }
        Ok(out)
    }

    /// A required text parameter.
    pub fn str(&self, name: &str) -> Result<String, ErrNo> {
        self.opt_str(name).ok_or(ErrNo::BAD_PARAMS)
    }

    pub fn opt_str(&self, name: &str) -> Option<String> {
        self.raw(name).and_then(text_of)
    }

    /// A required code out of `codes`.
    pub fn code(&self, name: &str, codes: &[&str]) -> Result<String, ErrNo> {
        let s = self.str(name)?;
        if codes.contains(&s.as_str()) {
            Ok(s)
        } else {
            Err(ErrNo::BAD_PARAMS)
        }
    }

    /// A required integer.
    pub fn int(&self, name: &str) -> Result<i64, ErrNo> {
        self.opt_int(name)?.ok_or(ErrNo::BAD_PARAMS)
    }

    /// An optional integer; present but not an integer is a parameter error.
    pub fn opt_int(&self, name: &str) -> Result<Option<i64>, ErrNo> {
        match self.raw(name) {
            None => Ok(None),
            Some(v) => int_of(v).map(Some).ok_or(ErrNo::BAD_PARAMS),
        }
    }

    /// A required `YYYY-MM-DD HH:MM:SS`.
    pub fn time(&self, name: &str) -> Result<NaiveDateTime, ErrNo> {
        self.str(name)
            .ok()
            .and_then(|s| parse_time(&s))
            .ok_or(ErrNo::BAD_PARAMS)
    }

    /// `Time_Start` and `Time_End`, the end not before the start.
    pub fn range(&self) -> Result<(NaiveDateTime, NaiveDateTime), ErrNo> {
        let (start, end) = (self.time("Time_Start")?, self.time("Time_End")?);
        if end < start {
            return Err(ErrNo::BAD_PARAMS);
        }
        Ok((start, end))
    }

    /// A comma-separated list (`,` or the full-width `，` the document writes).
    pub fn list(&self, name: &str) -> Option<Vec<String>> {
        let s = self.opt_str(name)?;
        let items: Vec<String> = s
            .split([',', '，'])
            .map(|p| p.trim().to_string())
            .filter(|p| !p.is_empty())
            .collect();
        (!items.is_empty()).then_some(items)
    }

    /// `Per_Page_Counts` (default 10) and `Page_Counts`. Pages count from 1; the
    /// document's default 0 (sections 6–8) names the first page as well.
    pub fn page(&self) -> Result<(usize, usize), ErrNo> {
        let per = self.opt_int("Per_Page_Counts")?.unwrap_or(10);
        let page = self.opt_int("Page_Counts")?.unwrap_or(1);
        if per < 1 || page < 0 {
            return Err(ErrNo::BAD_PARAMS);
        }
        Ok((per as usize, page.max(1) as usize))
    }
}

/// One page of `rows` (see [`Params::page`]) and the total.
pub(crate) fn paginate(rows: Vec<Value>, params: &Params) -> Result<(Vec<Value>, usize), ErrNo> {
    let (per, page) = params.page()?;
    let total = rows.len();
    let skip = per.saturating_mul(page - 1);
    Ok((rows.into_iter().skip(skip).take(per).collect(), total))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn kinds_normalize() {
        assert_eq!(normalize(Kind::Int, &json!("12")), Some(json!(12)));
        assert_eq!(normalize(Kind::Int, &json!(12.0)), Some(json!(12)));
        assert_eq!(normalize(Kind::Int, &json!("x")), None);
        assert_eq!(normalize(Kind::Str, &json!(5)), Some(json!("5")));
        assert_eq!(normalize(Kind::Float, &json!("1.5")), Some(json!(1.5)));
        assert_eq!(normalize(Kind::IntIn(1, 3), &json!(4)), None);
        assert_eq!(normalize(TIME_TYPES, &json!(2)), Some(json!("2")));
        assert_eq!(
            normalize(Kind::DateTime, &json!("2019-04-01 13:53:59")),
            Some(json!("2019-04-01 13:53:59"))
        );
        assert_eq!(
            normalize(Kind::DateTime, &json!("2019-4-01 13:53:59")),
            None
        );
        assert_eq!(normalize(Kind::Json, &json!("[]")), None);
    }

    #[test]
    fn query_and_body_merge() {
        let p = Params::parse(
            vec![("a".into(), "1".into()), ("b".into(), "2".into())],
            br#"{"b": 3}"#,
        )
        .unwrap();
        assert_eq!(p.int("a"), Ok(1));
        assert_eq!(p.int("b"), Ok(3));
        assert_eq!(
            Params::parse(vec![], b"[1]").unwrap_err(),
            ErrNo::BAD_PARAMS
        );
        assert!(Params::parse(vec![], b"  ").is_ok());
    }

    #[test]
    fn pages() {
        let rows: Vec<Value> = (1..=25).map(Value::from).collect();
        let p = Params::new(
            json!({"Per_Page_Counts": 10, "Page_Counts": 3})
                .as_object()
                .unwrap()
                .clone(),
        );
        assert_eq!(
            paginate(rows.clone(), &p).unwrap(),
            (
                vec![json!(21), json!(22), json!(23), json!(24), json!(25)],
                25
            )
        );
        let p = Params::new(json!({"Page_Counts": 0}).as_object().unwrap().clone());
        assert_eq!(paginate(rows, &p).unwrap().0.len(), 10);
        let p = Params::new(json!({"Per_Page_Counts": 0}).as_object().unwrap().clone());
        assert_eq!(p.page(), Err(ErrNo::BAD_PARAMS));
    }
}
