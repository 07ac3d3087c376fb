//! The energy-management platform (seed 004): a session cookie from `/api/auth`, JSON in
//! and out, answers `{"Err_No","Err_Msg","Data","Total_Numbers"}`.
//!
//! * [`session`] – login on first use, cookie per client, re-login once on Err_No 4101,
//!   logout on close.
//! * [`codes`] – Err_No (string or number) into typed errors.
//! * [`upload`] – the multipart image upload.
//! * [`pages`] – [`crate::Client::energy_all_pages`].

pub mod codes;
pub(crate) mod pages;
mod session;
mod upload;

pub use crate::config::EnergyConfig;
pub use pages::FIRST_PAGE;

use crate::catalog::{BodyEncoding, CallSpec, Handling, Params};
pub(crate) type EnergyCtx = super::Ctx<EnergyState>;
use crate::config::ClientConfig;
use crate::error::{Error, Result};
use crate::servers::build_request;
use serde_json::Value;

/// The session of one client.
#[derive(Default)]
pub(crate) struct EnergyState {
    session: session::Session,
}

pub(crate) fn section(config: &ClientConfig) -> Result<&EnergyConfig> {
    config.energy.as_ref().ok_or_else(|| {
        Error::invalid("the client has no \"energy\" section (base_url, username, password)")
    })
}

pub(crate) async fn call(
    ctx: &EnergyCtx,
    spec: &'static CallSpec,
    params: Params,
) -> Result<Value> {
    let cfg = section(&ctx.config)?;
    match spec.handling {
        Handling::Login => return session::explicit_login(ctx, cfg, &params).await,
        Handling::Logout => return session::logout(ctx, cfg).await,
        _ => {}
    }
    let req = match spec.body {
        BodyEncoding::Multipart => upload::request(spec, &cfg.base_url, &params).await?,
        _ => build_request(spec, &cfg.base_url, &params),
    };
    session::send(ctx, cfg, req).await
}

/// Logs out if a session is open (called when the client is closed).
pub(crate) async fn close(ctx: &EnergyCtx) {
    if let Ok(cfg) = section(&ctx.config) {
        session::close(ctx, cfg).await;
    }
}
