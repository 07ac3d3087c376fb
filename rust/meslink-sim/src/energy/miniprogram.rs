//! Mini-program binding (9.1): binds the caller to a WeChat mini-program user. Only a
//! derived open id is kept, never the encrypted data.

use serde_json::json;

use super::envelope::{Answer, ErrNo, Reply};
use super::model::{noise, text_key};
use super::route::{call, Call, Route, Verb};
use crate::SimState;

pub(super) static ROUTES: &[Route] = &[call(
    "energy.miniprogram.bind",
    Verb::Post,
    "/api_3/xcx_info_bind",
    bind,
)];

fn bind(state: &SimState, call: &Call) -> Reply {
    let code = call.params.str("code")?;
    call.params.str("encryptedData")?;
    call.params.str("iv")?;
    let user = call.user.ok_or(ErrNo::NOT_LOGGED_IN)?;
    let open_id = format!("o{:016x}", (noise(&[text_key(&code)]) * 1e16) as u64);
    let record = json!({ "Usr_ID": user, "openid": open_id });
    state
        .energy
        .bindings
        .insert(record.as_object().cloned().unwrap_or_default(), None)?;
    Ok(Answer::ok())
}
