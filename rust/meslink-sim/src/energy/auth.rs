//! Sessions: `POST /api/auth` (1.1) sets the `session` cookie, `DELETE /api/auth` (1.2)
//! ends it; every other call needs a live one (`Err_No` 4101).

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};

use parking_lot::Mutex;
use serde_json::json;

use super::envelope::{Answer, ErrNo, Reply};
use super::params::text_of;
use super::route::{call, BodyKind, Call, Handler, Route, Verb, SESSION_COOKIE};
use crate::SimState;

pub(super) static ROUTES: &[Route] = &[
    Route {
        id: "energy.auth.login",
        verb: Verb::Post,
        path: "/api/auth",
        handler: Handler::Fn(login),
        body: BodyKind::Json,
        login: false,
    },
    call("energy.auth.logout", Verb::Delete, "/api/auth", logout),
];

/// Live sessions (cookie value → user id) and the login / logout counters.
#[derive(Default)]
pub(crate) struct Sessions {
    live: Mutex<HashMap<String, i64>>,
    logins: AtomicU64,
    logouts: AtomicU64,
}

impl Sessions {
    pub fn user(&self, session: &str) -> Option<i64> {
        self.live.lock().get(session).copied()
    }

    fn open(&self, user: i64) -> String {
        let session = uuid::Uuid::new_v4().simple().to_string();
        self.live.lock().insert(session.clone(), user);
        self.logins.fetch_add(1, Ordering::Relaxed);
        session
    }

    fn close(&self, session: &str) {
        if self.live.lock().remove(session).is_some() {
            self.logouts.fetch_add(1, Ordering::Relaxed);
        }
    }

    /// Forgets every session; returns how many there were.
    pub fn expire_all(&self) -> usize {
        let mut live = self.live.lock();
        let n = live.len();
        live.clear();
        n
    }

    pub fn len(&self) -> usize {
        self.live.lock().len()
    }

    pub fn logins(&self) -> u64 {
        self.logins.load(Ordering::Relaxed)
    }

    pub fn logouts(&self) -> u64 {
        self.logouts.load(Ordering::Relaxed)
    }
}

/// 1.1: an unknown name answers 4104, a wrong password 4106.
fn login(state: &SimState, call: &Call) -> Reply {
    let name = call.params.str("Usr_Name")?;
    let password = call
        .params
        .raw("Usr_Password")
        .and_then(text_of)
        .ok_or(ErrNo::BAD_PARAMS)?;
    let user = state
        .energy
        .users
        .find("Usr_Name", &name)
        .ok_or(ErrNo::NO_SUCH_USER)?;
    if user.get("Usr_Password").and_then(text_of).as_deref() != Some(password.as_str()) {
        return Err(ErrNo::BAD_PASSWORD);
    }
    let id = user.get("id").and_then(|v| v.as_i64()).unwrap_or_default();
    let session = state.energy.sessions.open(id);
    Ok(Answer {
        cookie: Some(format!("{SESSION_COOKIE}={session}; HttpOnly; Path=/")),
        ..Answer::data(json!({ "Usr_Name": name, "Usr_ID": id.to_string() }))
    })
}

/// 1.2: ends the caller's session and clears the cookie.
fn logout(state: &SimState, call: &Call) -> Reply {
    if let Some(session) = &call.session {
        state.energy.sessions.close(session);
    }
    Ok(Answer {
        cookie: Some(format!("{SESSION_COOKIE}=; HttpOnly; Path=/; Max-Age=0")),
        ..Answer::ok()
    })
}
