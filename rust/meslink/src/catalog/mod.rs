//! The one table of documented calls.
//!
//! Every surface is derived from [`CALLS`]: the generic JSON call validates parameters
//! and builds requests from it, the language layers list it, and the README's coverage
//! table is generated from it (`meslink catalog --coverage`). A call added here is
//! reachable from C, C#, Python and the CLI through the generic call at once.

use crate::datetime;
use crate::error::{Error, Result};
use crate::time_zone::ServerZone;
use serde_json::{Map, Value};
use std::sync::LazyLock;

/// The five documented servers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Server {
    /// MES ATE interface (seed 000).
    Ate,
    /// MES <-> capacity-grading cabinet (seed 001).
    Grading,
    /// Forward / reverse quality trace (seed 002).
    Trace,
    /// Machine-tool IoT open API (seed 003).
    Mgm,
    /// Energy-management platform (seed 004).
    Energy,
}

impl Server {
    pub const ALL: [Server; 5] = [
        Server::Ate,
        Server::Grading,
        Server::Trace,
        Server::Mgm,
        Server::Energy,
    ];

    /// The id prefix and configuration section name.
    pub fn name(self) -> &'static str {
        match self {
            Server::Ate => "ate",
            Server::Grading => "grading",
            Server::Trace => "trace",
            Server::Mgm => "mgm",
            Server::Energy => "energy",
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            Server::Ate => "MES ATE interface (seed 000)",
            Server::Grading => "MES - capacity-grading cabinet (seed 001)",
            Server::Trace => "Quality trace (seed 002)",
            Server::Mgm => "Machine-tool IoT open API (seed 003)",
            Server::Energy => "Energy-management platform (seed 004)",
        }
    }

    /// How many calls the server's document describes (`CALLS.md`): 74 in all.
    pub fn documented_calls(self) -> usize {
        match self {
            Server::Ate => 3,
            Server::Grading => 1,
            Server::Trace => 1,
            Server::Mgm => 6,
            Server::Energy => 63,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HttpMethod {
    Get,
    Post,
    Put,
    Delete,
    /// Not a request but a long-lived SockJS / WebSocket session (`mgm.realtime`,
    /// `mgm.file_transfer`): opened as a stream or transfer handle, not by the generic call.
    Socket,
}

impl HttpMethod {
    pub fn as_str(self) -> &'static str {
        match self {
            HttpMethod::Get => "GET",
            HttpMethod::Post => "POST",
            HttpMethod::Put => "PUT",
            HttpMethod::Delete => "DELETE",
            HttpMethod::Socket => "SOCKET",
        }
    }
}

/// How the body parameters travel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BodyEncoding {
    /// No body; body parameters are not allowed.
    None,
    /// `application/x-www-form-urlencoded`.
    Form,
    /// `application/json`.
    Json,
    /// `multipart/form-data` (a file upload).
    Multipart,
}

/// Where a parameter goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Location {
    /// Substituted into `{name}` in the path.
    Path,
    Query,
    Body,
}

/// What a parameter's value must be. Checked before any request is sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParamKind {
    /// A string (numbers are accepted and sent as their text).
    Text,
    /// A JSON number.
    Number,
    /// A date-time, sent as `yyyy-MM-dd HH:mm:ss`: a string in that form or ISO 8601, or
    /// a number of Unix seconds (what C and LabVIEW have at hand). See [`crate::datetime`].
    DateTime,
    /// An integral JSON number; a string of digits is accepted and sent as a number.
    Integer,
    /// `true` or `false`.
    Bool,
    /// A JSON array.
    List,
    /// A JSON object.
    Object,
    /// Any JSON value but null, passed through unchecked.
    Any,
}

#[derive(Debug, Clone, Copy)]
pub struct ParamSpec {
    pub name: &'static str,
    pub kind: ParamKind,
    pub location: Location,
    pub required: bool,
    /// What the document calls it.
    pub doc: &'static str,
    /// The enumeration (in [`enums_json`]) whose values it takes, for the typed surfaces.
    pub choice: Option<&'static str>,
}

impl ParamSpec {
    /// The same parameter, typed in the generated surfaces as the enumeration `name`.
    pub const fn choice(mut self, name: &'static str) -> ParamSpec {
        self.choice = Some(name);
        self
    }
}

/// What the typed method of a call answers (the generated surfaces' return type).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    /// The server's JSON as the generic call answers it.
    Json,
    /// Nothing: success is the answer (an SN upload).
    Nothing,
    /// The model of [`models::MODELS`] with this name.
    Model(&'static str),
    /// A JSON object whose every value is the named model (keyed by machine id, ...).
    ModelMap(&'static str),
}

/// Whether a failed attempt may be repeated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RetryClass {
    /// Repeating cannot change the outcome (reads, login, newest-record-wins saves):
    /// transient failures are retried with backoff.
    Safe,
    /// Repeating could record something twice (an SN upload): retried only when the
    /// request provably never reached the server (the connection was refused).
    UnsentOnly,
}

/// One documented call.
#[derive(Debug, Clone, Copy)]
pub struct CallSpec {
    /// The stable id (`CALLS.md`), e.g. `ate.sn_detail.get`.
    pub id: &'static str,
    pub server: Server,
    pub method: HttpMethod,
    /// Path below the server's base URL, with `{param}` placeholders.
    pub path: &'static str,
    pub body: BodyEncoding,
    pub params: &'static [ParamSpec],
    pub retry: RetryClass,
    /// Records production data; a store-and-forward spool may queue it.
    pub spoolable: bool,
    pub summary: &'static str,
    /// What the typed method answers.
    pub answer: Answer,
    /// The record type the typed surfaces take the parameters as (one object with a
    /// field per parameter, such as `GradingRecord`); none: one argument per parameter.
    pub record: Option<&'static str>,
    /// Whether the C ABI has a named export `meslink_<id>` for it (generated).
    pub c_export: bool,
    /// What its server module does beyond the table (a login, a token grant, ...).
    pub handling: Handling,
}

/// How a server module treats a call beyond building its request from the table: the
/// per-call special cases, as a column rather than as ids in the server modules.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Handling {
    /// Sent as the table says; the answer read in the server's format.
    Plain,
    /// Logs in (with the configured credentials unless the parameters name others); the
    /// token or session stays inside the client.
    Login,
    /// Ends the session.
    Logout,
    /// The machine-tool platform's token grant (`get_access_token`); tokens stay inside.
    TokenGet,
    /// The machine-tool platform's token refresh (`refresh_token`).
    TokenRefresh,
    /// A machine-tool platform `/resource` call with this `func`, behind the token and
    /// the call budget.
    Resource(&'static str),
    /// Done only when the answer's field is this text (the SN upload's `"msg": "OK"`);
    /// any other text is the server's refusal.
    AckWhen(&'static str, &'static str),
}

pub(crate) const fn p(
    name: &'static str,
    kind: ParamKind,
    location: Location,
    required: bool,
    doc: &'static str,
) -> ParamSpec {
    ParamSpec {
        name,
        kind,
        location,
        required,
        doc,
        choice: None,
    }
}

mod ate;
mod energy;
mod grading;
mod mgm;
pub mod models;
mod suggest;
mod trace;

pub use energy::{EnumSpec, ENUMS as ENERGY_ENUMS};

/// Every call this build implements, one table per server.
pub static CALLS: LazyLock<Vec<&'static CallSpec>> = LazyLock::new(|| {
    [
        ate::CALLS,
        grading::CALLS,
        trace::CALLS,
        mgm::CALLS,
        energy::CALLS,
    ]
    .into_iter()
    .flatten()
    .collect()
});

/// The spec of a call id. An unknown id is refused with at most five close ids (the
/// message stays short enough for a small error buffer).
pub fn find(id: &str) -> Result<&'static CallSpec> {
    CALLS.iter().copied().find(|c| c.id == id).ok_or_else(|| {
        let shown: String = id.chars().take(60).collect();
        let close = suggest::closest(id, CALLS.iter().map(|c| c.id), 5);
        let hint = if close.is_empty() {
            String::new()
        } else {
            format!("; did you mean {}?", close.join(", "))
        };
        Error::invalid(format!(
            "unknown call id {shown:?}{hint} (`meslink catalog` lists every call)"
        ))
    })
}

/// Implemented calls of one server.
pub fn implemented(server: Server) -> usize {
    CALLS.iter().filter(|c| c.server == server).count()
}

/// The longest text a path or query parameter may have: servers refuse request lines
/// past a few KB (8 KB is common), and a refusal there reads as a broken connection.
pub const MAX_URL_PARAM_BYTES: usize = 2048;

/// Parameters checked against the spec and normalised: the object the request is built from.
pub type Params = Map<String, Value>;

impl CallSpec {
    /// Checks `params` (a JSON object, or null for none) against the spec before anything
    /// is sent: unknown names, missing required values and wrong kinds are refused with the
    /// parameter named. Date-times are normalised to `yyyy-MM-dd HH:mm:ss` in the
    /// station's local zone.
    pub fn validate(&self, params: Value) -> Result<Params> {
        self.validate_in(params, ServerZone::Local)
    }

    /// [`CallSpec::validate`] for a server in `zone` (its section's `time_zone`):
    /// date-times with an offset and Unix seconds are converted to `zone`, date-times
    /// without one are taken as already in it.
    pub fn validate_in(&self, params: Value, zone: ServerZone) -> Result<Params> {
        let mut map = match params {
            Value::Object(m) => m,
            Value::Null => Map::new(),
            other => {
                return Err(self.err(format!(
                    "parameters must be a JSON object, got {}",
                    json_type(&other)
                )))
            }
        };
        if let Some(name) = map
            .keys()
            .find(|k| !self.params.iter().any(|p| p.name == *k))
        {
            let known: Vec<_> = self.params.iter().map(|p| p.name).collect();
            return Err(self.err(format!(
                "unknown parameter {name:?}; expected: {}",
                known.join(", ")
            )));
        }
        for spec in self.params {
            match map.get_mut(spec.name) {
                None | Some(Value::Null) => {
                    map.remove(spec.name);
                    if spec.required {
                        return Err(self.err(format!(
                            "missing required parameter {:?} ({})",
                            spec.name, spec.doc
                        )));
                    }
                }
                Some(v) => *v = self.check_value(spec, v, zone)?,
            }
        }
        Ok(map)
    }

    fn check_value(&self, spec: &ParamSpec, v: &Value, zone: ServerZone) -> Result<Value> {
        let bad = |what: &str| {
            self.err(format!(
                "parameter {:?} ({}) {what}, got {}",
                spec.name,
                spec.doc,
                json_type(v)
            ))
        };
        if let Value::String(s) = v {
            if s.contains('\0') {
                return Err(self.err(format!(
                    "parameter {:?} ({}) contains a NUL character",
                    spec.name, spec.doc
                )));
            }
            if spec.location != Location::Body && s.len() > MAX_URL_PARAM_BYTES {
                return Err(self.err(format!(
                    "parameter {:?} ({}) is {} bytes; a parameter in the URL may have at most {}",
                    spec.name,
                    spec.doc,
                    s.len(),
                    MAX_URL_PARAM_BYTES
                )));
            }
        }
        match spec.kind {
            ParamKind::Text => match v {
                Value::String(s) if spec.required && s.trim().is_empty() => {
                    Err(bad("must not be empty"))
                }
                Value::String(_) => Ok(v.clone()),
                Value::Number(n) => Ok(Value::String(n.to_string())),
                _ => Err(bad("must be a string")),
            },
            ParamKind::Number => match v {
                Value::Number(_) => Ok(v.clone()),
                _ => Err(bad("must be a number")),
            },
            ParamKind::Integer => match v {
                Value::Number(n) if n.is_i64() || n.is_u64() => Ok(v.clone()),
                Value::String(s) => s
                    .trim()
                    .parse::<i64>()
                    .map(Value::from)
                    .map_err(|_| bad("must be an integer")),
                _ => Err(bad("must be an integer")),
            },
            ParamKind::Bool => match v {
                Value::Bool(_) => Ok(v.clone()),
                _ => Err(bad("must be true or false")),
            },
            ParamKind::List => match v {
                Value::Array(_) => Ok(v.clone()),
                _ => Err(bad("must be an array")),
            },
            ParamKind::Object => match v {
                Value::Object(_) => Ok(v.clone()),
                _ => Err(bad("must be an object")),
            },
            ParamKind::Any => Ok(v.clone()),
            ParamKind::DateTime => match v {
                Value::String(s) => datetime::normalize_in(s, zone)
                    .map(Value::String)
                    .map_err(|e| self.err(format!("parameter {:?}: {}", spec.name, e.message))),
                Value::Number(n) => n
                    .as_f64()
                    .and_then(|n| datetime::from_unix_in(n, zone))
                    .map(Value::String)
                    .ok_or_else(|| bad("must be a Unix time in seconds")),
                _ => Err(bad("must be a date-time string or Unix seconds")),
            },
        }
    }

    fn err(&self, message: String) -> Error {
        Error::invalid(message).with_call(self.id)
    }

    /// Where the typed method of the call sits in every language: the groups below the
    /// client and the method's name, or none for a socket session (opened as a stream or
    /// transfer, not called). The energy platform's 63 calls are grouped as its document
    /// groups them (`energy.meters.create` is `client.energy.meters.create`); the other
    /// servers' calls are methods of the client named after their id
    /// (`ate.sn_detail.get` is `client.ate_sn_detail_get`).
    pub fn named_path(&self) -> Option<(Vec<&'static str>, String)> {
        if self.method == HttpMethod::Socket {
            return None;
        }
        if self.server == Server::Energy {
            let mut parts: Vec<&'static str> = self.id.split('.').collect();
            let method = parts.pop().unwrap_or_default().to_owned();
            return Some((parts, method));
        }
        Some((Vec::new(), self.id.replace('.', "_")))
    }

    /// The path with `{param}` placeholders filled in (percent-encoded).
    pub fn fill_path(&self, params: &Params) -> String {
        let mut path = self.path.to_owned();
        for spec in self.params.iter().filter(|p| p.location == Location::Path) {
            let value = params.get(spec.name).map(value_text).unwrap_or_default();
            path = path.replace(&format!("{{{}}}", spec.name), &percent_encode(&value));
        }
        path
    }

    /// The parameters that travel in `location`, as (name, value) pairs.
    pub fn located<'a>(
        &'a self,
        params: &'a Params,
        location: Location,
    ) -> impl Iterator<Item = (&'static str, &'a Value)> + 'a {
        self.params
            .iter()
            .filter(move |s| s.location == location)
            .filter_map(move |s| params.get(s.name).map(|v| (s.name, v)))
    }
}

/// A value as the text a form or URL carries.
pub fn value_text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn json_type(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

impl ParamKind {
    pub fn name(self) -> &'static str {
        match self {
            ParamKind::Text => "text",
            ParamKind::Number => "number",
            ParamKind::DateTime => "datetime",
            ParamKind::Integer => "integer",
            ParamKind::Bool => "bool",
            ParamKind::List => "list",
            ParamKind::Object => "object",
            ParamKind::Any => "any",
        }
    }
}

impl Location {
    pub fn name(self) -> &'static str {
        match self {
            Location::Path => "path",
            Location::Query => "query",
            Location::Body => "body",
        }
    }
}

impl BodyEncoding {
    pub fn name(self) -> &'static str {
        match self {
            BodyEncoding::None => "none",
            BodyEncoding::Form => "form",
            BodyEncoding::Json => "json",
            BodyEncoding::Multipart => "multipart",
        }
    }
}

/// The catalog as JSON: one object per call with its server, method, path, body
/// encoding, retry class, summary and parameters. Language layers generate their named
/// methods and checks from it (`meslink catalog --json`).
pub fn to_json() -> Value {
    let calls = CALLS.iter().map(|c| {
        let params: Vec<Value> = c
            .params
            .iter()
            .map(|p| {
                serde_json::json!({
                    "name": p.name,
                    "kind": p.kind.name(),
                    "location": p.location.name(),
                    "required": p.required,
                    "doc": p.doc,
                    "choice": p.choice,
                })
            })
            .collect();
        serde_json::json!({
            "id": c.id,
            "server": c.server.name(),
            "method": c.method.as_str(),
            "path": c.path,
            "body": c.body.name(),
            "retry": match c.retry { RetryClass::Safe => "safe", RetryClass::UnsentOnly => "unsent_only" },
            "spoolable": c.spoolable,
            "summary": c.summary,
            "params": params,
            "named": c.named_path().map(|(groups, method)| serde_json::json!({"groups": groups, "method": method})),
            "answer": match c.answer {
                Answer::Json => serde_json::json!({"kind": "json"}),
                Answer::Nothing => serde_json::json!({"kind": "nothing"}),
                Answer::Model(m) => serde_json::json!({"kind": "model", "model": m}),
                Answer::ModelMap(m) => serde_json::json!({"kind": "model_map", "model": m}),
            },
            "record": c.record,
            "c_export": c.c_export,
            "handling": format!("{:?}", c.handling),
        })
    });
    Value::Array(calls.collect())
}

/// The documented enumerations as JSON (`[{"server", "name", "param", "values":
/// [{"value", "name", "doc"}]}]`), for the language layers' enums. Kept apart from
/// [`to_json`] so that its shape stays as it is.
pub fn enums_json() -> Value {
    let enums = ENERGY_ENUMS.iter().map(|e| {
        let values: Vec<Value> = e
            .values
            .iter()
            .map(|(v, name, doc)| serde_json::json!({"value": v, "name": name, "doc": doc}))
            .collect();
        serde_json::json!({"server": "energy", "name": e.name, "param": e.param, "values": values})
    });
    Value::Array(enums.collect())
}

/// The coverage table of the README, generated from the catalog.
pub fn coverage_markdown() -> String {
    let mut out = String::from("| server | documented calls | implemented |\n|---|---:|---:|\n");
    let (mut doc, mut done) = (0, 0);
    for s in Server::ALL {
        let (d, i) = (s.documented_calls(), implemented(s));
        doc += d;
        done += i;
        out += &format!("| {} (`{}.*`) | {d} | {i} |\n", s.title(), s.name());
    }
    out += &format!("| **all** | **{doc}** | **{done} of {doc}** |\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn ids_are_unique_and_prefixed_by_server() {
        for (i, c) in CALLS.iter().enumerate() {
            assert!(
                c.id.starts_with(&format!("{}.", c.server.name())),
                "{}",
                c.id
            );
            assert!(
                CALLS[i + 1..].iter().all(|o| o.id != c.id),
                "{} twice",
                c.id
            );
            assert!(implemented(c.server) <= c.server.documented_calls());
        }
        let total: usize = Server::ALL.iter().map(|s| s.documented_calls()).sum();
        assert_eq!(total, 74);
    }

    #[test]
    fn validation_names_the_parameter() {
        let up = find("ate.sn_detail.upload").unwrap();
        let e = up.validate(json!({"work_order": "1"})).unwrap_err();
        assert!(e.message.contains("\"sn\""), "{e}");
        let e = up
            .validate(json!({"work_order": "1", "sn": "X", "sm": 1}))
            .unwrap_err();
        assert!(e.message.contains("unknown parameter \"sm\""), "{e}");
        let e = up.validate(json!([1])).unwrap_err();
        assert!(e.message.contains("JSON object"), "{e}");
        let ok = up
            .validate(json!({"work_order": 1037020031, "sn": "X"}))
            .unwrap();
        assert_eq!(ok["work_order"], json!("1037020031"));
    }

    #[test]
    fn datetime_is_normalised_and_numbers_checked() {
        let save = find("grading.save").unwrap();
        let base = json!({"batteryStation":"S","deviceCode":"D","barcode":"B","workStep":"W",
                          "testTime":"2024-05-06T07:08:09.5"});
        let ok = save.validate(base.clone()).unwrap();
        assert_eq!(ok["testTime"], json!("2024-05-06 07:08:09"));
        let mut bad = base.clone();
        bad["voltage"] = json!("3.2");
        assert!(save.validate(bad).unwrap_err().message.contains("voltage"));
        let mut bad = base;
        bad["testTime"] = json!("yesterday");
        assert!(save
            .validate(bad.clone())
            .unwrap_err()
            .message
            .contains("testTime"));
        bad["testTime"] = json!(0);
        let from_epoch = save.validate(bad.clone()).unwrap();
        assert_eq!(
            from_epoch["testTime"],
            json!(datetime::from_unix(0.0).unwrap())
        );
        bad["testTime"] = json!(true);
        assert!(save.validate(bad).unwrap_err().message.contains("testTime"));
    }

    #[test]
    fn path_is_filled_and_encoded() {
        let get = find("ate.sn_detail.get").unwrap();
        let params = get.validate(json!({"work_order": "10/37 x"})).unwrap();
        assert_eq!(get.fill_path(&params), "/api/sn_detail/10%2F37%20x/");
    }

    #[test]
    fn unknown_id_lists_known_ones() {
        let e = find("ate.nope").unwrap_err();
        assert!(e.message.contains("ate.sn_detail.get"));
    }
}
