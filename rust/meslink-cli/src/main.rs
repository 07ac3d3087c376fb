//! `meslink`: run a station's shift against the built-in simulator, call any documented
//! call from the shell, stream a machine's live data, upload a file to a machine, check
//! the configured servers, run the simulator, list the catalog, act on a spool.

mod demo;
mod demo_energy;
mod demo_mgm;
mod demo_spool;
mod demo_trace;
mod doctor;
mod doctor_checks;
mod interrupt;
mod options;
mod progress;
mod spool;
mod stats;
mod stream;
mod style;
mod upload;

use meslink::{catalog, Client, Error};
use std::process::ExitCode;

const USAGE: &str = "\
usage:
  meslink demo                         a station's shift against the built-in simulator
  meslink call <id> [PARAMS_JSON] (--config FILE | --config-json JSON)
                                       one documented call; prints the answer as JSON
  meslink stream --machine ID [--transport raw] [--json] (--config FILE | --config-json JSON)
                                       a machine's live events until Ctrl+C, reconnects
                                       shown
  meslink upload FILE --machine ID --cloud-path PATH [--storage-type 0|1] (--config ...)
                                       a file to a machine with a progress bar, resumed
                                       after a broken connection; its md5 at the end
  meslink doctor (--config FILE | --config-json JSON)
                                       every configured server checked: name, TCP, TLS,
                                       login, clock, call limit; a table
  meslink stats [ID [PARAMS_JSON]] [--repeat N] [--json] [--config ...]
                                       a call made N times, then the client's counts and
                                       latencies (the built-in simulator without --config)
  meslink sim [simulator options]      run the simulator (see meslink sim --help)
  meslink catalog [--coverage|--json|--enums|--models]
                                       the implemented calls, the README coverage table,
                                       the catalog as JSON, the documented enumerations,
                                       or the answer models' schema
  meslink spool --file PATH status|list [--dead] [--limit N]|retry SEQ|discard SEQ
                                       inspect a store-and-forward spool file (also while
                                       its station runs); see meslink spool --help
  meslink --version

Set RUST_LOG=meslink=debug to see every request (secrets are never logged).
Every command has its own help: meslink COMMAND --help.";

const DEMO_USAGE: &str = "\
usage: meslink demo

Starts the built-in simulator and runs a station's shift against it: ATE work orders and
SN uploads (one refused by the SN rule check), capacity-grading records, the quality
trace, the machine-tool stream and a file transfer, the energy platform, and a network
outage survived by the store-and-forward spool, and the client's statistics. Needs no
configuration.";

const CALL_USAGE: &str = "\
usage: meslink call <id> [PARAMS_JSON] (--config FILE | --config-json JSON)

Makes one documented call and prints the server's answer as JSON (exit status 0), or the
error as \"error (KIND): ...\" on standard error (exit status 1).

  <id>                 a call id, e.g. ate.sn_detail.get (meslink catalog lists them)
  PARAMS_JSON          the call's parameters as one JSON object, e.g.
                       '{\"work_order\":\"1037020031\"}' (default: none)
  --config FILE        the client configuration (JSON; a byte order mark is allowed)
  --config-json JSON   the client configuration given inline

The client is closed before the command ends (an energy-platform login is logged out).";

const CATALOG_USAGE: &str = "\
usage: meslink catalog [--coverage | --json | --enums]

  (no option)          one line per implemented call: id, method, path, summary
  --coverage           the README's coverage table (markdown)
  --json               the whole catalog as JSON (parameters, kinds, locations)
  --enums              the documented enumerations as JSON";

fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::from_default_env())
        .with_writer(std::io::stderr)
        .init();
    let args = match utf8_args(std::env::args_os().skip(1)) {
        Ok(args) => args,
        Err(e) => {
            eprintln!("error ({}): {e}", e.kind.name());
            return ExitCode::from(2);
        }
    };
    let help_asked = args.iter().skip(1).any(|a| a == "--help" || a == "-h");
    let result = match args.first().map(String::as_str) {
        Some("demo") if help_asked => help(DEMO_USAGE),
        Some("call") if help_asked => help(CALL_USAGE),
        Some("catalog") if help_asked => help(CATALOG_USAGE),
        Some("stream") if help_asked => help(stream::USAGE),
        Some("upload") if help_asked => help(upload::USAGE),
        Some("doctor") if help_asked => help(doctor::USAGE),
        Some("stats") if help_asked => help(stats::USAGE),
        Some("stats") => stats::run(&args[1..]),
        Some("stream") => stream::run(&args[1..]),
        Some("upload") => match upload::run(&args[1..]) {
            Ok(Some(status)) => return ExitCode::from(status),
            other => other.map(|_| ()),
        },
        Some("doctor") => match doctor::run(&args[1..]) {
            Ok(false) => return ExitCode::FAILURE,
            other => other.map(|_| ()),
        },
        Some("demo") => demo::run(),
        Some("call") => call(&args[1..]),
        Some("spool") if args[1..].iter().any(|a| a == "--help" || a == "-h") => {
            println!("usage:\n{}", spool::USAGE);
            Ok(())
        }
        Some("spool") => spool::run(&args[1..]),
        Some("sim") => return meslink_sim::cli::main_with_args(args[1..].iter().cloned()),
        Some("catalog") => {
            catalog(&args[1..]);
            Ok(())
        }
        Some("--version" | "-V") => {
            println!("meslink {}", meslink::VERSION);
            Ok(())
        }
        Some("--help" | "-h" | "help") => {
            println!("{USAGE}");
            Ok(())
        }
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error ({}): {e}", e.kind.name());
            ExitCode::FAILURE
        }
    }
}

fn help(text: &str) -> Result<(), Error> {
    println!("{text}");
    Ok(())
}

/// The arguments as text; one that is not valid UTF-8 is an error naming its position
/// (never a panic, as `std::env::args` would).
fn utf8_args(args: impl Iterator<Item = std::ffi::OsString>) -> Result<Vec<String>, Error> {
    args.enumerate()
        .map(|(i, a)| {
            a.into_string().map_err(|a| {
                Error::invalid(format!(
                    "argument {} is not valid UTF-8: {}",
                    i + 1,
                    a.to_string_lossy()
                ))
            })
        })
        .collect()
}

fn call(args: &[String]) -> Result<(), Error> {
    let mut id = None;
    let mut params = None;
    let mut config = None;
    let mut rest = args.iter();
    while let Some(a) = rest.next() {
        match a.as_str() {
            "--config" => {
                let path = rest
                    .next()
                    .ok_or_else(|| Error::invalid("--config needs a file"))?;
                config = Some(std::fs::read_to_string(path).map_err(|e| {
                    Error::invalid(format!("cannot read the configuration {path}: {e}"))
                })?);
            }
            "--config-json" => {
                config = Some(
                    rest.next()
                        .ok_or_else(|| Error::invalid("--config-json needs JSON"))?
                        .clone(),
                )
            }
            _ if id.is_none() => id = Some(a.clone()),
            _ if params.is_none() => params = Some(serde_json::from_str(a)?),
            _ => return Err(Error::invalid(format!("unexpected argument {a:?}"))),
        }
    }
    let id = id.ok_or_else(|| Error::invalid("meslink call needs a call id"))?;
    // The two socket sessions have their own commands.
    let command = match id.as_str() {
        "mgm.realtime" => Some("meslink stream --machine ID (see meslink stream --help)"),
        "mgm.file_transfer" => {
            Some("meslink upload FILE --machine ID --cloud-path PATH (see meslink upload --help)")
        }
        _ => None,
    };
    if let Some(command) = command {
        return Err(Error::invalid(format!(
            "{id} is a live socket session, not a request; from the shell: {command}"
        )));
    }
    let config =
        config.ok_or_else(|| Error::invalid("meslink call needs --config or --config-json"))?;
    let client = Client::from_json(&config)?;
    let answer = client.call_blocking(&id, params.unwrap_or_default());
    // Whatever the outcome: server sessions (an energy login) must not outlive the command.
    let _ = meslink::runtime::block_on(client.close());
    let answer = answer?;
    println!(
        "{}",
        serde_json::to_string_pretty(&answer).unwrap_or_default()
    );
    Ok(())
}

fn catalog(args: &[String]) {
    if args.iter().any(|a| a == "--coverage") {
        print!("{}", catalog::coverage_markdown());
        return;
    }
    if args.iter().any(|a| a == "--enums") {
        println!(
            "{}",
            serde_json::to_string_pretty(&catalog::enums_json()).unwrap_or_default()
        );
        return;
    }
    if args.iter().any(|a| a == "--models") {
        println!(
            "{}",
            serde_json::to_string_pretty(&catalog::models::to_json()).unwrap_or_default()
        );
        return;
    }
    if args.iter().any(|a| a == "--json") {
        println!(
            "{}",
            serde_json::to_string_pretty(&catalog::to_json()).unwrap_or_default()
        );
        return;
    }
    for c in catalog::CALLS.iter() {
        println!(
            "{:<24} {:<6} {:<36} {}",
            c.id,
            c.method.as_str(),
            c.path,
            c.summary
        );
    }
}
