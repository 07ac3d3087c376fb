//! `meslink spool --file PATH status|list [--state S] [--limit N]|retry SEQ|discard SEQ|enqueue ID PARAMS_JSON`:
//! a spool file inspected and acted on while the station's client forwards it
//! ([`meslink::Spool::open_offline`]: nothing is sent from here).

use meslink::{Error, Spool, SpoolState};
use serde_json::Value;

pub const USAGE: &str = "\
  meslink spool --file PATH status     the counts: {\"pending\",\"parked\",\"dead\",
                                       \"resent_refused\",\"delivered\",\"repairs\",
                                       \"salvaged\",\"lost\"}
  meslink spool --file PATH list [--state S] [--limit N]
                                       records in state S as JSON, oldest first: pending
                                       (the default), parked, dead or resent_refused
                                       (--parked, --dead, --resent-refused for short)
  meslink spool --file PATH retry SEQ  a record sent again, whatever its state (a parked
                                       one at once, a dead one back into the queue)
  meslink spool --file PATH discard SEQ
                                       a record deleted for good, whatever its state
  meslink spool --file PATH enqueue ID PARAMS_JSON
                                       a record added (the station's client sends it)";

pub fn run(args: &[String]) -> Result<(), Error> {
    let mut file = None;
    let mut words = Vec::new();
    let mut state = SpoolState::Pending;
    let mut limit = 100usize;
    let mut rest = args.iter();
    while let Some(a) = rest.next() {
        match a.as_str() {
            "--file" => {
                file = Some(
                    rest.next()
                        .ok_or_else(|| Error::invalid("--file needs a path"))?
                        .clone(),
                )
            }
            "--dead" => state = SpoolState::Dead,
            "--parked" => state = SpoolState::Parked,
            "--resent-refused" => state = SpoolState::ResentRefused,
            "--state" => {
                state = rest
                    .next()
                    .ok_or_else(|| {
                        Error::invalid("--state needs pending, parked, dead or resent_refused")
                    })?
                    .parse()?
            }
            "--limit" => {
                let n = rest
                    .next()
                    .ok_or_else(|| Error::invalid("--limit needs a number"))?;
                limit = n
                    .parse()
                    .map_err(|_| Error::invalid(format!("--limit: not a number: {n:?}")))?;
            }
            other if other.starts_with("--") => {
                return Err(Error::invalid(format!(
                    "unknown option {other}\nusage:\n{USAGE}"
                )))
            }
            other => words.push(other.to_owned()),
        }
    }
    let file =
        file.ok_or_else(|| Error::invalid(format!("--file PATH is required\nusage:\n{USAGE}")))?;
    let spool = Spool::open_offline(&file)?;
    let seq = |w: Option<&String>| -> Result<i64, Error> {
        let w = w.ok_or_else(|| Error::invalid("a sequence number is required"))?;
        w.parse()
            .map_err(|_| Error::invalid(format!("not a sequence number: {w:?}")))
    };
    match words.first().map(String::as_str) {
        Some("status") => print(serde_json::to_value(spool.status()?)?),
        Some("list") => print(serde_json::to_value(spool.list(state, limit)?)?),
        Some("retry") => {
            let seq = seq(words.get(1))?;
            let was = spool.retry(seq)?;
            println!("record {seq} ({was}) is pending again; the station's client sends it next");
            Ok(())
        }
        Some("discard") => {
            let seq = seq(words.get(1))?;
            let was = spool.discard(seq)?;
            println!("record {seq} ({was}) discarded");
            Ok(())
        }
        Some("enqueue") => {
            let id = words
                .get(1)
                .ok_or_else(|| Error::invalid("enqueue needs a call id"))?;
            let params: Value = match words.get(2) {
                Some(text) => serde_json::from_str(text)?,
                None => Value::Null,
            };
            println!("{}", spool.enqueue(id, params)?);
            Ok(())
        }
        _ => Err(Error::invalid(format!(
            "spool needs status, list, retry, discard or enqueue\nusage:\n{USAGE}"
        ))),
    }
}

fn print(v: Value) -> Result<(), Error> {
    println!(
        "{}",
        serde_json::to_string_pretty(&v).map_err(|e| Error::internal(e.to_string()))?
    );
    Ok(())
}
