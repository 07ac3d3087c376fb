//! The login session: `POST /api/auth` on first use, the session cookie kept per client
//! (the shared HTTP client has no cookie store), one new login and one repeat on Err_No
//! 4101, `DELETE /api/auth` on logout and close. The cookie is a [`Secret`]: it is never
//! logged, returned or shown in an error.

use super::codes::{self, NOT_LOGGED_IN};
use super::EnergyConfig;
use super::EnergyCtx;
use crate::catalog::{self, Params};
use crate::error::{Error, Result};
use crate::secret::Secret;
use crate::servers::build_request;
use crate::token::{Token, TokenCache};
use crate::transport::{Answer, Body, Request};
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::time::Duration;

/// Sessions carry no documented lifetime: the cookie is kept until the server answers
/// 4101 (then the client logs in again) or the client logs out.
const SESSION_LIFETIME: Duration = Duration::from_secs(365 * 24 * 3600);

/// The session of one client: the `Cookie` header value, single-flight login.
#[derive(Default)]
pub(crate) struct Session {
    cookie: TokenCache,
}

/// Sends `req` inside the session: logs in first when there is none, and on Err_No 4101
/// logs in again once and repeats (the server refused without doing anything, so even a
/// create may be repeated).
pub(crate) async fn send(ctx: &EnergyCtx, cfg: &EnergyConfig, mut req: Request) -> Result<Value> {
    let session = &ctx.state.session;
    let cookie = session.cookie.get(|| login(ctx, cfg, None)).await?;
    let answer = send_with_cookie(ctx, &mut req, Some(&cookie)).await?;
    match codes::read(&answer) {
        Err(e) if e.server_code.as_deref() == Some(&NOT_LOGGED_IN.to_string()) => {
            tracing::info!(call = req.call, "session refused (4101); logging in again");
            session.cookie.invalidate(&cookie);
            let cookie = session.cookie.get(|| login(ctx, cfg, None)).await?;
            let answer = send_with_cookie(ctx, &mut req, Some(&cookie)).await?;
            codes::read(&answer)
        }
        other => other,
    }
}

async fn send_with_cookie(
    ctx: &EnergyCtx,
    req: &mut Request,
    cookie: Option<&Secret>,
) -> Result<Answer> {
    req.headers.retain(|(name, _)| *name != "Cookie");
    if let Some(c) = cookie {
        req.headers.push(("Cookie", c.expose().to_owned()));
    }
    ctx.http.send(req).await
}

/// `energy.auth.login` called by name: logs in as the named user and makes that session
/// the client's. Answers the server's envelope (Usr_Name, Usr_ID); the cookie stays inside.
pub(crate) async fn explicit_login(
    ctx: &EnergyCtx,
    cfg: &EnergyConfig,
    params: &Params,
) -> Result<Value> {
    let name = params.get("Usr_Name").and_then(Value::as_str);
    let password = params.get("Usr_Password").and_then(Value::as_str);
    let creds = name
        .zip(password)
        .map(|(n, p)| (n.to_owned(), Secret::from(p)));
    let (token, value) = login_answer(ctx, cfg, creds).await?;
    ctx.state.session.cookie.store(token);
    Ok(value)
}

async fn login(
    ctx: &EnergyCtx,
    cfg: &EnergyConfig,
    creds: Option<(String, Secret)>,
) -> Result<Token> {
    login_answer(ctx, cfg, creds).await.map(|(t, _)| t)
}

/// `POST /api/auth` with the given or the configured credentials.
async fn login_answer(
    ctx: &EnergyCtx,
    cfg: &EnergyConfig,
    creds: Option<(String, Secret)>,
) -> Result<(Token, Value)> {
    let spec = catalog::find("energy.auth.login")?;
    let (name, password) = creds.unwrap_or_else(|| (cfg.username.clone(), cfg.password.clone()));
    let mut req = build_request(spec, &cfg.base_url, &Params::new());
    req.body = Body::json(&json!({"Usr_Name": name, "Usr_Password": password.expose()}));
    let answer = ctx
        .http
        .send(&req)
        .await
        .map_err(|e| e.with_call(spec.id))?;
    let value = codes::read(&answer).map_err(|e| e.with_call(spec.id))?;
    let jar = merge_cookies(&BTreeMap::new(), &answer);
    if jar.is_empty() {
        return Err(Error::protocol("the login answer set no session cookie")
            .with_call(spec.id)
            .with_status(answer.status));
    }
    tracing::info!(cookies = jar.len(), "energy platform login succeeded");
    Ok((Token::new(cookie_header(&jar), SESSION_LIFETIME), value))
}

/// `energy.auth.logout` called by name: never logs in first; sends the session's cookie
/// (or none, and the server answers 4101) and forgets the session whatever the answer.
pub(crate) async fn logout(ctx: &EnergyCtx, cfg: &EnergyConfig) -> Result<Value> {
    let cookie = ctx.state.session.cookie.take();
    let spec = catalog::find("energy.auth.logout")?;
    let mut req = build_request(spec, &cfg.base_url, &Params::new());
    let answer = send_with_cookie(ctx, &mut req, cookie.as_ref()).await?;
    codes::read(&answer)
}

/// Logs out if a session is open; errors are only logged (the client is closing).
pub(crate) async fn close(ctx: &EnergyCtx, cfg: &EnergyConfig) {
    let Some(cookie) = ctx.state.session.cookie.take() else {
        return;
    };
    let Ok(spec) = catalog::find("energy.auth.logout") else {
        return;
    };
    let mut req = build_request(spec, &cfg.base_url, &Params::new());
    match send_with_cookie(ctx, &mut req, Some(&cookie)).await {
        Ok(answer) => {
            if let Err(e) = codes::read(&answer) {
                tracing::debug!(error = %e, "energy platform logout refused");
            }
        }
        Err(e) => tracing::debug!(error = %e, "energy platform logout failed"),
    }
}

/// The cookies of `jar` updated by the answer's `Set-Cookie` headers. A cookie set empty
/// or with `Max-Age=0` is removed.
fn merge_cookies(jar: &BTreeMap<String, String>, answer: &Answer) -> BTreeMap<String, String> {
    let mut jar = jar.clone();
    for header in answer.headers.get_all("set-cookie") {
        let Ok(text) = header.to_str() else { continue };
        let mut parts = text.split(';').map(str::trim);
        let Some((name, value)) = parts.next().and_then(|kv| kv.split_once('=')) else {
            continue;
        };
        let (name, value) = (name.trim(), value.trim().trim_matches('"'));
        if name.is_empty() {
            continue;
        }
        let expired = parts.any(|a| a.eq_ignore_ascii_case("max-age=0"));
        if value.is_empty() || expired {
            jar.remove(name);
        } else {
            jar.insert(name.to_owned(), value.to_owned());
        }
    }
    jar
}

/// The `Cookie` header value of a jar.
fn cookie_header(jar: &BTreeMap<String, String>) -> Secret {
    Secret::new(
        jar.iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("; "),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::header::{HeaderMap, HeaderValue};

    fn answer(cookies: &[&str]) -> Answer {
        let mut headers = HeaderMap::new();
        for c in cookies {
            headers.append("set-cookie", HeaderValue::from_str(c).unwrap());
        }
        Answer {
            status: 200,
            body: Vec::new(),
            headers,
        }
    }

    #[test]
    fn set_cookie_is_parsed_and_merged() {
        let jar = merge_cookies(
            &BTreeMap::new(),
            &answer(&[
                "session=abc123; Path=/; HttpOnly",
                "csrftoken=\"x y\"; Max-Age=31449600",
                "broken",
            ]),
        );
        assert_eq!(
            cookie_header(&jar).expose(),
            "csrftoken=x y; session=abc123"
        );
        let jar = merge_cookies(&jar, &answer(&["csrftoken=; Max-Age=0", "session=new"]));
        assert_eq!(cookie_header(&jar).expose(), "session=new");
        let jar = merge_cookies(&jar, &answer(&["session=gone; Path=/; Max-Age=0"]));
        assert!(jar.is_empty());
        assert_eq!(
            format!("{:?}", cookie_header(&[("a".into(), "b".into())].into())),
            "\"***\""
        );
    }
}
