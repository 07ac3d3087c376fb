//! `meslink doctor`: every configured server checked the way a connection needs it, as a
//! table; the first thing to run on a station that cannot reach its servers.

use crate::doctor_checks::{self, Outcome, Row};
use crate::options::{unexpected, Args};
use crate::style::{paint, stdout_colour, Colour};
use meslink::{Client, ClientConfig, Error};

pub const USAGE: &str = "\
usage: meslink doctor (--config FILE | --config-json JSON)

Checks every server the configuration names (ate, grading, trace, mgm, energy) and prints
a table, one row a check:

  name resolution   the host of base_url resolves to an address
  tcp connect       a connection to its port is accepted (connect_timeout_ms)
  tls               for https://, the server's certificate passes the checks the calls
                    use (the system's roots, tls.ca_file, tls.pinned_cert); what is wrong
                    with it otherwise, in plain words (for http://, a failed request
                    is an \"http\" row)
  login             the configured credentials are accepted (ate.login, mgm.token.get,
                    energy.auth.login; the energy session is logged out again)
  clock             this machine's clock against the server's Date header (a warning
                    past 30 s, a failure past 5 minutes)
  call limit        mgm only: the client-side call budget against the documented limit

Exit status 0 when nothing failed (warnings allowed), 1 otherwise.";

pub fn run(args: &[String]) -> Result<bool, Error> {
    let mut args = Args::new(args);
    if let Some(a) = args.next()? {
        return Err(unexpected(a, USAGE));
    }
    let mut config = ClientConfig::from_json(&args.config("doctor")?)?;
    let servers = doctor_checks::servers(&config);
    if servers.is_empty() {
        return Err(Error::invalid(
            "the configuration names no server (ate, grading, trace, mgm or energy)",
        ));
    }
    // One attempt a request: the doctor reports a failure, it does not wait it out. No
    // spool: the doctor records nothing.
    config.retry.max_attempts = 1;
    config.spool = None;
    let client = Client::new(config.clone())?;
    let mut rows: Vec<Row> = Vec::new();
    for server in &servers {
        rows.extend(doctor_checks::check(server, &config, &client));
    }
    let _ = meslink::runtime::block_on(client.close());
    print!("{}", table(&rows, stdout_colour()));
    let failed = rows.iter().filter(|r| r.outcome == Outcome::Fail).count();
    let warned = rows.iter().filter(|r| r.outcome == Outcome::Warn).count();
    match failed {
        0 if warned == 0 => println!("\nall checks passed"),
        0 => println!("\nno check failed; {warned} warning(s)"),
        n => println!("\n{n} check(s) failed"),
    }
    Ok(failed == 0)
}

/// The rows as aligned columns: server, check, result, detail.
fn table(rows: &[Row], colour: bool) -> String {
    let server_w = rows
        .iter()
        .map(|r| r.server.len())
        .max()
        .unwrap_or(0)
        .max(6);
    let check_w = rows.iter().map(|r| r.check.len()).max().unwrap_or(0);
    let mut out = format!(
        "{:<server_w$}  {:<check_w$}  {:<6}  DETAIL\n",
        "SERVER", "CHECK", "RESULT"
    );
    for r in rows {
        let (word, c) = match r.outcome {
            Outcome::Ok => ("ok", Colour::Green),
            Outcome::Warn => ("WARN", Colour::Yellow),
            Outcome::Fail => ("FAIL", Colour::Red),
            Outcome::Skipped => ("-", Colour::Dim),
        };
        out.push_str(&format!(
            "{:<server_w$}  {:<check_w$}  {}  {}\n",
            r.server,
            r.check,
            paint(&format!("{word:<6}"), c, colour),
            r.detail
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_aligns_and_colours_only_when_asked() {
        let rows = vec![
            Row {
                server: "ate",
                check: "tcp connect",
                outcome: Outcome::Fail,
                detail: "refused".into(),
            },
            Row {
                server: "energy",
                check: "tls",
                outcome: Outcome::Ok,
                detail: "accepted".into(),
            },
        ];
        let plain = table(&rows, false);
        assert!(
            plain.contains("ate     tcp connect  FAIL    refused\n"),
            "{plain}"
        );
        assert!(!plain.contains('\x1b'));
        assert!(table(&rows, true).contains("\x1b[31;1mFAIL  \x1b[0m"));
    }
}
