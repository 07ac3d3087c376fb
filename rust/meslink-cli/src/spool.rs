//! `meslink spool --file PATH status|list [--dead] [--limit N]|retry SEQ|discard SEQ|enqueue ID PARAMS_JSON`:
//! a spool file inspected and acted on while the station's client forwards it
//! ([`meslink::Spool::open_offline`]: nothing is sent from here).

use meslink::{Error, Spool, SpoolState};
use serde_json::Value;

pub const USAGE: &str = "\
  meslink spool --file PATH status     the counts: {\"pending\",\"dead\",\"delivered\"}
  meslink spool --file PATH list [--dead] [--limit N]
                                       pending (or dead) records as JSON, oldest first
  meslink spool --file PATH retry SEQ  a dead record back into the queue
  meslink spool --file PATH discard SEQ
                                       a dead record deleted for good
  meslink spool --file PATH enqueue ID PARAMS_JSON
                                       a record added (the station's client sends it)";

pub fn run(args: &[String]) -> Result<(), Error> {
    let mut file = None;
    let mut words = Vec::new();
    let mut dead = false;
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
            "--dead" => dead = true,
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
        Some("list") => {
            let which = if dead {
                SpoolState::Dead
            } else {
                SpoolState::Pending
            };
            print(serde_json::to_value(spool.list(which, limit)?)?)
        }
        Some("retry") => {
            let seq = seq(words.get(1))?;
            spool.retry(seq)?;
            println!("record {seq} is pending again");
            Ok(())
        }
        Some("discard") => {
            let seq = seq(words.get(1))?;
            spool.discard(seq)?;
            println!("record {seq} discarded");
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
