//! `meslink stats`: makes one call a number of times and prints the client's statistics
//! (`Client::stats`) as a table, or as JSON. Without a configuration it runs against the
//! built-in simulator, with a fault or two so that retries and re-logins show.

use meslink::{Client, Error};
use meslink_sim::{Sim, SimConfig};
use serde_json::{json, Value};

pub const USAGE: &str = "\
usage: meslink stats [ID [PARAMS_JSON]] [--repeat N] [--json] [--config FILE | --config-json JSON]

Makes the call ID (default ate.sn_detail.get of work order 1037020031) N times (default
100), then prints what the client counted: calls, errors by kind, retries, logins and token
refreshes, bytes, and per call id the latency p50 and p99. Failed calls are counted, not
fatal. --json prints the statistics as meslink_client_stats writes them.

Without --config or --config-json it starts the built-in simulator and injects two 503s
and a token expiry into the run, so retries and a re-login show in the counts.";

struct Options {
    id: String,
    params: Value,
    repeat: u32,
    json: bool,
    config: Option<String>,
}

fn parse(args: &[String]) -> Result<Options, Error> {
    let mut o = Options {
        id: "ate.sn_detail.get".into(),
        params: json!({"work_order": "1037020031"}),
        repeat: 100,
        json: false,
        config: None,
    };
    let (mut id, mut params) = (None, None);
    let mut rest = args.iter();
    while let Some(a) = rest.next() {
        let mut value = |what: &str| {
            rest.next()
                .cloned()
                .ok_or_else(|| Error::invalid(format!("{a} needs {what}")))
        };
        match a.as_str() {
            "--repeat" => {
                let n = value("a number")?;
                o.repeat = n.parse().ok().filter(|n| *n > 0).ok_or_else(|| {
                    Error::invalid(format!("--repeat wants a positive number, got {n:?}"))
                })?;
            }
            "--json" => o.json = true,
            "--config" => {
                let path = value("a file")?;
                o.config = Some(std::fs::read_to_string(&path).map_err(|e| {
                    Error::invalid(format!("cannot read the configuration {path}: {e}"))
                })?);
            }
            "--config-json" => o.config = Some(value("JSON")?),
            _ if a.starts_with("--") => return Err(Error::invalid(format!("unknown option {a}"))),
            _ if id.is_none() => id = Some(a.clone()),
            _ if params.is_none() => params = Some(serde_json::from_str(a)?),
            _ => return Err(Error::invalid(format!("unexpected argument {a:?}"))),
        }
    }
    if let Some(id) = id {
        o.id = id;
        o.params = params.unwrap_or_default();
    }
    Ok(o)
}

pub fn run(args: &[String]) -> Result<(), Error> {
    let o = parse(args)?;
    let sim = match &o.config {
        Some(_) => None,
        None => Some(
            Sim::start_background(SimConfig::default())
                .map_err(|e| Error::internal(format!("cannot start the simulator: {e}")))?,
        ),
    };
    let config = match (&o.config, &sim) {
        (Some(c), _) => c.clone(),
        (None, Some(sim)) => json!({
            "ate": {"base_url": sim.base_url(), "emp_no": "ate", "password": "Windows123."},
            "retry": {"max_attempts": 4, "initial_backoff_ms": 10, "max_backoff_ms": 50}
        })
        .to_string(),
        (None, None) => unreachable!("a simulator runs when no configuration is given"),
    };
    let client = Client::from_json(&config)?;
    for i in 0..o.repeat {
        if let Some(sim) = &sim {
            // A quarter and half way: a 503 (retried), then an expired token (re-login).
            if i == o.repeat / 4 {
                sim.state().fail_next_503(2);
            }
            if i == o.repeat / 2 {
                sim.state().expire_all_tokens();
            }
        }
        // Failures are what the statistics count.
        let _ = client.call_blocking(&o.id, o.params.clone());
    }
    let stats = client.stats();
    let _ = meslink::runtime::block_on(client.close());
    if o.json {
        println!(
            "{}",
            serde_json::to_string_pretty(&stats).unwrap_or_default()
        );
    } else {
        print!("{}", table(&stats));
    }
    Ok(())
}

/// The statistics as an aligned text table.
fn table(s: &Value) -> String {
    let n = |k: &str| s[k].as_u64().unwrap_or(0);
    let mut out = format!(
        "calls {}  retries {}  logins {}  token refreshes {}  reconnects {}  bytes sent {}  received {}\n",
        n("calls"),
        n("retries"),
        n("logins"),
        n("token_refreshes"),
        n("reconnects"),
        n("bytes_sent"),
        n("bytes_received"),
    );
    let errors: Vec<String> = s["errors"]
        .as_object()
        .map(|m| m.iter().map(|(k, v)| format!("{k} {v}")).collect())
        .unwrap_or_default();
    out += &format!(
        "errors {}\n\n",
        if errors.is_empty() {
            "none".to_owned()
        } else {
            errors.join(", ")
        }
    );
    out += &format!(
        "{:<28} {:>7} {:>7} {:>9} {:>9}\n",
        "CALL", "CALLS", "ERRORS", "P50 MS", "P99 MS"
    );
    if let Some(by) = s["by_call"].as_object() {
        for (id, c) in by {
            out += &format!(
                "{:<28} {:>7} {:>7} {:>9.2} {:>9.2}\n",
                id,
                c["calls"].as_u64().unwrap_or(0),
                c["errors"].as_u64().unwrap_or(0),
                c["p50_ms"].as_f64().unwrap_or(0.0),
                c["p99_ms"].as_f64().unwrap_or(0.0),
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(a: &[&str]) -> Vec<String> {
        a.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn options_and_mistakes() {
        let o = parse(&args(&[])).unwrap();
        assert_eq!(
            (o.id.as_str(), o.repeat, o.json),
            ("ate.sn_detail.get", 100, false)
        );
        let o = parse(&args(&[
            "grading.save",
            "{\"barcode\":\"X\"}",
            "--repeat",
            "3",
            "--json",
        ]))
        .unwrap();
        assert_eq!((o.id.as_str(), o.repeat, o.json), ("grading.save", 3, true));
        assert_eq!(o.params["barcode"], "X");
        for bad in [
            &["--repeat"][..],
            &["--repeat", "0"],
            &["--repeat", "x"],
            &["--nope"],
            &["a", "{", "c"],
        ] {
            assert!(parse(&args(bad)).is_err(), "{bad:?} accepted");
        }
    }

    #[test]
    fn the_table_shows_every_count() {
        let s = json!({"calls": 5, "errors": {"transport": 1}, "retries": 2, "logins": 1,
            "token_refreshes": 0, "reconnects": 0, "bytes_sent": 10, "bytes_received": 20,
            "by_call": {"ate.sn_detail.get": {"calls": 5, "errors": 1, "p50_ms": 1.5, "p99_ms": 9.25}}});
        let t = table(&s);
        for needle in [
            "calls 5",
            "retries 2",
            "logins 1",
            "transport 1",
            "ate.sn_detail.get",
            "9.25",
        ] {
            assert!(t.contains(needle), "{needle} missing from\n{t}");
        }
    }
}
