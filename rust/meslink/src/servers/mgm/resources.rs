//! `/resource` calls: `get_organization` and `get_sys_info`, behind the access token and
//! the rate limit, and their typed answers (the organization tree with ordered children).

use super::MgmCtx;
use super::{codes, read_answer, tokens, MgmConfig, Session};
use crate::catalog::{CallSpec, Handling, Params, RetryClass};
use crate::error::{Error, Result};
use crate::models::{FromAnswer, OrgLevel, OrgNode, SysInfo};
use crate::servers::build_request;
use crate::transport::Body;
use serde_json::{json, Value};
use std::time::Duration;

/// How long, in windows, the client keeps waiting and repeating while the server answers
/// 3009 before the caller gets the error. `timeout_ms` bounds the wait as well: whichever
/// ends first.
const MAX_3009_WINDOWS: u32 = 2;

/// Sends one resource call: takes a rate-limit slot, puts the access token in, renews
/// the token and repeats once when the server refuses it (3003, 3005, 3007, 3008), and
/// waits and repeats while the server answers 3009. Answers the answer's `data`.
///
/// `timeout_ms` is the deadline of the whole call: token renewal, the wait for a slot of
/// the call budget, every attempt, the pauses between them and the waits after a 3009.
/// When it passes, or a pause would end after it, the call ends with a `timeout` error
/// (carrying code 3009 when that is what it was waiting out).
pub(crate) async fn call(
    ctx: &MgmCtx,
    cfg: &MgmConfig,
    session: &Session,
    spec: &'static CallSpec,
    data: Value,
) -> Result<Value> {
    let Handling::Resource(func) = spec.handling else {
        return Err(Error::internal(format!(
            "{} is not a resource call",
            spec.id
        )));
    };
    let mut req = build_request(spec, &cfg.base_url, &Params::new());
    // Every attempt that may reach the server must hold a slot of the call budget, so the
    // transport repeats only requests that never left (a refused connection); transient
    // failures are repeated here, each repeat with a slot of its own.
    req.retry = RetryClass::UnsentOnly;
    let retry = &ctx.config.retry;
    let mut attempt = 1;
    let window = session.limiter.window();
    let mut pause = (window / 20).max(Duration::from_millis(10));
    let mut waited = Duration::ZERO;
    let mut renewed = false;
    let deadline = Deadline::new(spec.id, ctx.config.timeout_ms);
    loop {
        let token = deadline.bound(tokens::access(ctx, cfg, session)).await??;
        req.body = Body::json(&json!({
            "func": func,
            "access_token": token.expose(),
            "data": data,
        }));
        let answer = {
            let _slot = deadline
                .bound(session.limiter.acquire())
                .await
                .map_err(|e| Error {
                    message: format!("{} (waiting for the call budget)", e.message),
                    ..e
                })?;
            deadline.bound(ctx.http.send(&req)).await?
        };
        let err = match answer.and_then(|a| read_answer(&a)) {
            Ok(v) => return Ok(v),
            Err(e) => e,
        };
        if err.is_transient() && spec.retry == RetryClass::Safe && attempt < retry.max_attempts {
            tracing::info!(call = spec.id, attempt, error = %err, "retrying");
            deadline.sleep(retry.backoff(attempt), &err).await?;
            attempt += 1;
            continue;
        }
        let code: Option<i64> = err.server_code.as_deref().and_then(|c| c.parse().ok());
        match code {
            Some(c) if codes::is_token_rejection(c) && !renewed => {
                tracing::info!(call = spec.id, code = c, "access token refused; renewing");
                session.tokens.reject(&token);
                renewed = true;
            }
            Some(codes::CALL_FREQUENTLY) if waited < window * MAX_3009_WINDOWS => {
                tracing::info!(call = spec.id, ?pause, "the server says 3009; waiting");
                deadline.sleep(pause, &err).await?;
                waited += pause;
                pause = (pause * 2).min(window / 2);
            }
            _ => return Err(err),
        }
    }
}

/// The end of a whole call (`timeout_ms` from its start).
struct Deadline {
    call: &'static str,
    at: tokio::time::Instant,
    timeout_ms: u64,
}

impl Deadline {
    fn new(call: &'static str, timeout_ms: u64) -> Deadline {
        Deadline {
            call,
            at: tokio::time::Instant::now() + Duration::from_millis(timeout_ms),
            timeout_ms,
        }
    }

    fn expired(&self, waiting_out: Option<&Error>) -> Error {
        let mut e = Error::new(
            crate::error::ErrorKind::Timeout,
            format!(
                "the call did not complete within timeout_ms ({} ms)",
                self.timeout_ms
            ),
        )
        .with_call(self.call);
        if let Some(last) = waiting_out {
            e.message = format!("{}; the last answer: {}", e.message, last.message);
            e.server_code = last.server_code.clone();
            e.server_message = last.server_message.clone();
        }
        e
    }

    /// `f`, or a timeout error once the deadline passes.
    async fn bound<T>(&self, f: impl std::future::Future<Output = T>) -> Result<T> {
        tokio::time::timeout_at(self.at, f)
            .await
            .map_err(|_| self.expired(None))
    }

    /// Sleeps `pause`, unless the deadline comes first: then the timeout error at once
    /// (carrying `last`, the answer being waited out).
    async fn sleep(&self, pause: Duration, last: &Error) -> Result<()> {
        if tokio::time::Instant::now() + pause >= self.at {
            return Err(self.expired(Some(last)));
        }
        tokio::time::sleep(pause).await;
        Ok(())
    }
}

impl OrgLevel {
    fn at(depth: usize, is_machine: bool) -> OrgLevel {
        match (is_machine, depth) {
            (true, _) => OrgLevel::Machine,
            (false, 0) => OrgLevel::Factory,
            (false, 1) => OrgLevel::Area,
            (false, 2) => OrgLevel::Workshop,
            (false, 3) => OrgLevel::Line,
            _ => OrgLevel::Other,
        }
    }
}

impl FromAnswer for OrgNode {
    /// The tree from the answer's `data`: the root (the factory) with its `factory_id` as
    /// its id when it has none.
    fn from_answer(data: Value) -> Result<OrgNode> {
        if !data.is_object() {
            return Err(Error::protocol(
                "the organization answer's data is not an object",
            ));
        }
        let mut root = OrgNode::build(&data, String::new(), 0);
        if root.id.is_empty() {
            root.id = text(&data, "factory_id");
        }
        Ok(root)
    }
}

impl OrgNode {
    /// `factory_id` of the answer (set on the root).
    pub fn factory_id(&self) -> String {
        text(&self.raw, "factory_id")
    }

    /// Every machine at or below this node, depth first in the children's order.
    pub fn machines(&self) -> Vec<&OrgNode> {
        let mut out = Vec::new();
        self.collect(&mut |n| n.level == OrgLevel::Machine, &mut out);
        out
    }

    /// The node with this `id` or `machine_id`.
    pub fn find(&self, id: &str) -> Option<&OrgNode> {
        let mut out = Vec::new();
        self.collect(
            &mut |n| n.id == id || n.machine_id.as_deref() == Some(id),
            &mut out,
        );
        out.into_iter().next()
    }

    /// The tree as an indented outline, one node a line (for demos and logs).
    pub fn outline(&self) -> String {
        let mut out = String::new();
        self.outline_into(0, &mut out);
        out
    }

    fn build(v: &Value, key: String, depth: usize) -> OrgNode {
        let machine_id = v
            .get("machine_id")
            .and_then(Value::as_str)
            .map(str::to_owned);
        let mut id = text(v, "id");
        if id.is_empty() {
            id = machine_id.clone().unwrap_or_default();
        }
        let children = ordered_members(v.get("members"))
            .into_iter()
            .map(|(k, child)| OrgNode::build(child, k, depth + 1))
            .collect();
        OrgNode {
            id,
            name: text(v, "name"),
            level: OrgLevel::at(depth, machine_id.is_some()),
            machine_id,
            key,
            children,
            raw: v.clone(),
        }
    }

    fn collect<'a>(&'a self, pick: &mut dyn FnMut(&OrgNode) -> bool, out: &mut Vec<&'a OrgNode>) {
        if pick(self) {
            out.push(self);
        }
        for c in &self.children {
            c.collect(pick, out);
        }
    }

    fn outline_into(&self, indent: usize, out: &mut String) {
        out.push_str(&format!(
            "{:width$}{} {} ({})\n",
            "",
            self.level.as_str(),
            if self.name.is_empty() {
                "-"
            } else {
                &self.name
            },
            self.id,
            width = indent * 2
        ));
        for c in &self.children {
            c.outline_into(indent + 1, out);
        }
    }
}

/// `members` as (key, node) pairs: a map keyed "0", "1", ... in numeric order (other
/// keys after them, in text order), or an array in its order.
fn ordered_members(members: Option<&Value>) -> Vec<(String, &Value)> {
    match members {
        Some(Value::Object(map)) => {
            let mut items: Vec<(String, &Value)> =
                map.iter().map(|(k, v)| (k.clone(), v)).collect();
            items.sort_by(|(a, _), (b, _)| {
                match (a.trim().parse::<u64>(), b.trim().parse::<u64>()) {
                    (Ok(x), Ok(y)) => x.cmp(&y),
                    (Ok(_), Err(_)) => std::cmp::Ordering::Less,
                    (Err(_), Ok(_)) => std::cmp::Ordering::Greater,
                    (Err(_), Err(_)) => a.cmp(b),
                }
            });
            items
        }
        Some(Value::Array(items)) => items
            .iter()
            .enumerate()
            .map(|(i, v)| (i.to_string(), v))
            .collect(),
        _ => Vec::new(),
    }
}

fn text(v: &Value, key: &str) -> String {
    match v.get(key) {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Null) | None => String::new(),
        Some(other) => other.to_string(),
    }
}

impl FromAnswer for SysInfo {
    fn from_answer(v: Value) -> Result<SysInfo> {
        Ok(SysInfo {
            cnc_system: text(&v, "cnc_system"),
            cnc_class: text(&v, "cnc_class"),
            cnc_model: text(&v, "cnc_model"),
            raw: v,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn members_become_ordered_children_with_levels() {
        let data = json!({
            "factory_id": "8wCx", "id": "8wCx",
            "members": {
                "10": {"id": "A10", "name": "ten"},
                "2": {"id": "A2", "name": "two", "members": {"0": {"id": "W", "name": "车间1",
                    "members": {"1": {"id": "L", "name": "生产线",
                        "members": {"0": {"name": "m", "machine_id": "M="}}}}}}},
                "x": {"id": "AX", "name": "x"}
            }
        });
        let t = OrgNode::from_answer(data.clone()).unwrap();
        let keys: Vec<&str> = t.children.iter().map(|c| c.key.as_str()).collect();
        assert_eq!(keys, ["2", "10", "x"]);
        assert_eq!(t.level, OrgLevel::Factory);
        assert_eq!(t.factory_id(), "8wCx");
        let m = t.find("M=").unwrap();
        assert_eq!(m.level, OrgLevel::Machine);
        assert_eq!(m.id, "M=");
        assert_eq!(t.find("L").unwrap().level, OrgLevel::Line);
        assert_eq!(t.find("W").unwrap().level, OrgLevel::Workshop);
        assert_eq!(t.machines().len(), 1);
        assert_eq!(t.raw, data);
        assert!(t.outline().contains("    workshop 车间1 (W)"));
        assert!(OrgNode::from_answer(json!([1])).is_err());
    }
}
