//! `POST /v1/token` (`get_access_token`, `refresh_token`), token checks for every other
//! route, and the 200-calls-a-minute limit per app_key, with the document's semantics:
//!
//! * `get_access_token` issues a new access token and refresh token; every earlier access
//!   token of that app_key is then answered 3008 (only the latest token is valid) and the
//!   earlier refresh token 3004.
//! * `refresh_token` before the access token expired extends the same token; after it
//!   expired, it issues a new one. The refresh token stays the same.
//! * An expired access token is 3005, an unknown one 3003, a missing one 3007; an expired
//!   refresh token 3006.

use std::collections::{HashMap, VecDeque};
use std::time::{Duration, Instant};

use parking_lot::Mutex;
use serde_json::{json, Value};

use super::{oauth_error, MgmSimConfig};
use crate::SimState;

pub const KEY_ERROR: (i64, &str) = (3000, "invalid app_key");
pub const SECRET_ERROR: (i64, &str) = (3001, "invalid app_secret");
pub const KEY_DISABLE: (i64, &str) = (3002, "app key disabled");
pub const ACCESS_TOKEN_ERROR: (i64, &str) = (3003, "invalid access_token");
pub const REFRESH_TOKEN_ERROR: (i64, &str) = (3004, "invalid refresh_token");
pub const ACCESS_TOKEN_EXPIRED: (i64, &str) = (3005, "access_token expired");
pub const REFRESH_TOKEN_EXPIRED: (i64, &str) = (3006, "refresh_token expired");
pub const INVALID_TOKEN: (i64, &str) = (3007, "invalid token");
pub const NOT_LASTED_TOKEN: (i64, &str) = (3008, "not lasted token");
pub const CALL_FREQUENTLY: (i64, &str) = (3009, "api call too frequently");
pub const FORBID_APP_KEY: (i64, &str) = (3013, "app key disable");
pub const CONTENT_APP_KEY: (i64, &str) = (3010, "app_key must be str");
pub const CONTENT_APP_SECRET: (i64, &str) = (3010, "app_secret must be str");
pub const CONTENT_REFRESH_TOKEN: (i64, &str) = (3010, "refresh_token must be str");

pub(crate) type Refusal = (i64, &'static str);

/// Token state of every app, the limits and the counters.
pub(crate) struct TokenData {
    inner: Mutex<Registry>,
}

struct Registry {
    access_lifetime: Duration,
    refresh_lifetime: Duration,
    rate_limit: u32,
    rate_window: Duration,
    apps: HashMap<String, App>,
    /// Every access token ever issued, with its app_key (older ones answer 3008).
    issued: HashMap<String, String>,
    /// Accepted calls per app_key inside the current window.
    calls: HashMap<String, VecDeque<Instant>>,
    rate_limited: u64,
    tokens_issued: u64,
    tokens_extended: u64,
    /// Token calls count against the call limit too (a server counting every call).
    count_token_calls: bool,
}

struct App {
    secret: String,
    disabled: bool,
    access: Option<Issued>,
    refresh: Option<Issued>,
}

struct Issued {
    value: String,
    expires: Instant,
}

fn new_token() -> String {
    uuid::Uuid::new_v4().simple().to_string()
}

/// `expires_in` in seconds: whole seconds as an integer (as the document shows), shorter
/// test lifetimes as a fraction.
fn seconds(d: Duration) -> Value {
    if d.subsec_nanos() == 0 {
        json!(d.as_secs())
    } else {
        json!((d.as_millis() as f64) / 1000.0)
    }
}

impl TokenData {
    pub(crate) fn new(config: &MgmSimConfig) -> TokenData {
        let mut apps = HashMap::new();
        let all = std::iter::once((config.app_key.clone(), config.app_secret.clone()))
            .chain(config.extra_apps.iter().cloned());
        for (key, secret) in all {
            apps.insert(
                key,
                App {
                    secret,
                    disabled: false,
                    access: None,
                    refresh: None,
                },
            );
        }
        TokenData {
            inner: Mutex::new(Registry {
                access_lifetime: config.access_token_lifetime,
                refresh_lifetime: config.refresh_token_lifetime,
                rate_limit: config.rate_limit,
                rate_window: config.rate_window,
                apps,
                issued: HashMap::new(),
                calls: HashMap::new(),
                rate_limited: 0,
                tokens_issued: 0,
                tokens_extended: 0,
                count_token_calls: false,
            }),
        }
    }
}

impl Registry {
    fn grant(&self, access: &Issued, refresh: &Issued) -> Value {
        json!({
            "access_token": access.value,
            "expires_in": seconds(self.access_lifetime),
            "refresh_token": refresh.value,
        })
    }

    fn app(&mut self, data: &Value) -> Result<(String, &mut App), Refusal> {
        let key = data
            .get("app_key")
            .and_then(Value::as_str)
            .ok_or(CONTENT_APP_KEY)?
            .to_owned();
        let app = self.apps.get_mut(&key).ok_or(KEY_ERROR)?;
        if app.disabled {
            return Err(KEY_DISABLE);
        }
        Ok((key, app))
    }

    fn issue_access(&mut self, key: &str) -> Issued {
        let value = new_token();
        self.issued.insert(value.clone(), key.to_owned());
        self.tokens_issued += 1;
        Issued {
            value,
            expires: Instant::now() + self.access_lifetime,
        }
    }

    fn get(&mut self, data: &Value) -> Result<Value, Refusal> {
        let secret = data.get("app_secret").and_then(Value::as_str);
        let (key, app) = self.app(data)?;
        let secret = secret.ok_or(CONTENT_APP_SECRET)?;
        if app.secret != secret {
            return Err(SECRET_ERROR);
        }
        let access = self.issue_access(&key);
        let refresh = Issued {
            value: new_token(),
            expires: Instant::now() + self.refresh_lifetime,
        };
        let answer = self.grant(&access, &refresh);
        let app = self.apps.get_mut(&key).ok_or(KEY_ERROR)?;
        app.access = Some(access);
        app.refresh = Some(refresh);
        Ok(answer)
    }

    fn refresh(&mut self, data: &Value) -> Result<Value, Refusal> {
        let given = data.get("refresh_token").and_then(Value::as_str);
        let lifetime = self.access_lifetime;
        let (key, app) = self.app(data)?;
        let given = given.ok_or(CONTENT_REFRESH_TOKEN)?;
        let now = Instant::now();
        match &app.refresh {
            Some(r) if r.value == given && now >= r.expires => return Err(REFRESH_TOKEN_EXPIRED),
            Some(r) if r.value == given => {}
            _ => return Err(REFRESH_TOKEN_ERROR),
        }
        let live = app.access.as_mut().filter(|a| now < a.expires);
        if let Some(a) = live {
            // Before expiry: the same token, a new expiry.
            a.expires = now + lifetime;
            self.tokens_extended += 1;
        } else {
            let access = self.issue_access(&key);
            if let Some(app) = self.apps.get_mut(&key) {
                app.access = Some(access);
            }
        }
        let app = &self.apps[&key];
        match (&app.access, &app.refresh) {
            (Some(a), Some(r)) => Ok(self.grant(a, r)),
            _ => Err(REFRESH_TOKEN_ERROR),
        }
    }

    /// The app_key and expiry of a valid access token.
    fn check(&self, token: &str) -> Result<(String, Instant), Refusal> {
        if token.trim().is_empty() {
            return Err(INVALID_TOKEN);
        }
        let key = self.issued.get(token).ok_or(ACCESS_TOKEN_ERROR)?;
        let app = self.apps.get(key).ok_or(ACCESS_TOKEN_ERROR)?;
        if app.disabled {
            return Err(FORBID_APP_KEY);
        }
        match &app.access {
            Some(a) if a.value == token && Instant::now() < a.expires => {
                Ok((key.clone(), a.expires))
            }
            Some(a) if a.value == token => Err(ACCESS_TOKEN_EXPIRED),
            _ => Err(NOT_LASTED_TOKEN),
        }
    }

    /// Records one call of `key`, or refuses it when the window is full.
    fn count_call(&mut self, key: &str) -> Result<(), Refusal> {
        let (limit, window) = (self.rate_limit as usize, self.rate_window);
        let now = Instant::now();
        let calls = self.calls.entry(key.to_owned()).or_default();
        while calls
            .front()
            .is_some_and(|t| now.duration_since(*t) >= window)
        {
            calls.pop_front();
        }
        if calls.len() >= limit {
            self.rate_limited += 1;
            return Err(CALL_FREQUENTLY);
        }
        calls.push_back(now);
        Ok(())
    }
}

/// The `/v1/token` answer for `func` and `data`.
pub(crate) fn token_call(state: &SimState, func: &str, data: &Value) -> Value {
    let mut reg = state.mgm.tokens.inner.lock();
    if reg.count_token_calls {
        let key = data.get("app_key").and_then(Value::as_str).unwrap_or("");
        if let Err(refusal) = reg.count_call(key) {
            return oauth_error(refusal);
        }
    }
    let outcome = match func {
        "get_access_token" => reg.get(data),
        "refresh_token" => reg.refresh(data),
        _ => Err((3010, "func must be get_access_token or refresh_token")),
    };
    match outcome {
        Ok(data) => json!({ "code": 200, "data": data, "message": "success" }),
        Err(refusal) => oauth_error(refusal),
    }
}

/// Checks a resource call's token and counts it against its app_key's limit.
pub(crate) fn admit(state: &SimState, token: &str) -> Result<(), Refusal> {
    let mut reg = state.mgm.tokens.inner.lock();
    let (key, _) = reg.check(token)?;
    reg.count_call(&key)
}

/// Checks an access token as the server does: the moment it expires, or the OAuth code
/// and message of the refusal. Not counted against the call limit.
pub(crate) fn check_access_token(state: &SimState, token: &str) -> Result<Instant, Refusal> {
    state.mgm.tokens.inner.lock().check(token).map(|(_, at)| at)
}

impl SimState {
    /// Lifetime of access tokens issued or extended from now on (the document: 2 h).
    pub fn set_mgm_token_lifetime(&self, d: Duration) {
        self.mgm.tokens.inner.lock().access_lifetime = d;
    }

    /// Lifetime of refresh tokens issued from now on (the document: 30 days).
    pub fn set_mgm_refresh_token_lifetime(&self, d: Duration) {
        self.mgm.tokens.inner.lock().refresh_lifetime = d;
    }

    /// Every current access token expires now (3005 from now on; a refresh issues new ones).
    pub fn expire_mgm_tokens(&self) {
        let now = Instant::now();
        let mut reg = self.mgm.tokens.inner.lock();
        for a in reg.apps.values_mut().filter_map(|a| a.access.as_mut()) {
            a.expires = a.expires.min(now);
        }
    }

    /// Every refresh token expires now (3006 from now on).
    pub fn expire_mgm_refresh_tokens(&self) {
        let now = Instant::now();
        let mut reg = self.mgm.tokens.inner.lock();
        for r in reg.apps.values_mut().filter_map(|a| a.refresh.as_mut()) {
            r.expires = r.expires.min(now);
        }
    }

    /// `calls` resource calls per `window` and app_key; more are answered 3009.
    pub fn set_mgm_rate_limit(&self, calls: u32, window: Duration) {
        let mut reg = self.mgm.tokens.inner.lock();
        reg.rate_limit = calls;
        reg.rate_window = window;
    }

    /// Whether token calls count against the call limit too (the document counts only
    /// calls made with an access token; a server may count every call).
    pub fn set_mgm_rate_counts_token_calls(&self, on: bool) {
        self.mgm.tokens.inner.lock().count_token_calls = on;
    }

    /// Disables (3002 / 3013) or enables an app_key. False if the key is unknown.
    pub fn set_mgm_app_disabled(&self, app_key: &str, disabled: bool) -> bool {
        let mut reg = self.mgm.tokens.inner.lock();
        match reg.apps.get_mut(app_key) {
            Some(app) => {
                app.disabled = disabled;
                true
            }
            None => false,
        }
    }

    /// Whether `app_key` is one of the configured apps.
    pub fn mgm_has_app(&self, app_key: &str) -> bool {
        self.mgm.tokens.inner.lock().apps.contains_key(app_key)
    }

    /// Resource calls answered 3009.
    pub fn mgm_rate_limited_count(&self) -> u64 {
        self.mgm.tokens.inner.lock().rate_limited
    }

    /// New access tokens issued (by get_access_token or a refresh after expiry).
    pub fn mgm_tokens_issued(&self) -> u64 {
        self.mgm.tokens.inner.lock().tokens_issued
    }

    /// Refreshes that extended a live token.
    pub fn mgm_tokens_extended(&self) -> u64 {
        self.mgm.tokens.inner.lock().tokens_extended
    }
}

pub(crate) fn snapshot(state: &SimState) -> Value {
    let reg = state.mgm.tokens.inner.lock();
    let disabled: Vec<&String> = reg
        .apps
        .iter()
        .filter(|(_, a)| a.disabled)
        .map(|(k, _)| k)
        .collect();
    json!({
        "access_token_lifetime_ms": reg.access_lifetime.as_millis() as u64,
        "refresh_token_lifetime_ms": reg.refresh_lifetime.as_millis() as u64,
        "rate_limit": reg.rate_limit,
        "rate_window_ms": reg.rate_window.as_millis() as u64,
        "rate_limited": reg.rate_limited,
        "tokens_issued": reg.tokens_issued,
        "tokens_extended": reg.tokens_extended,
        "disabled_apps": disabled,
    })
}
