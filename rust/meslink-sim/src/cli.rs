//! The simulator as a command (`meslink-sim`, and `meslink sim`): runs it as a process for
//! C, Python and C# tests. Prints `MESLINK_SIM_URL=http://127.0.0.1:PORT` as its first line.

use std::io::{Read, Write};
use std::process::ExitCode;
use std::time::Duration;

use crate::{FaultsRequest, Sim, SimConfig};

const USAGE: &str = "\
Usage: meslink-sim [--port N] [--token-lifetime-secs S] [--journal PATH]
                   [FAULT OPTIONS] [--ignore-stdin]

Serves the simulated MES servers (ATE MES, grading cabinet MES, quality
trace gateway, machine-tool IoT platform, energy platform) on 127.0.0.1.
The first line on stdout is MESLINK_SIM_URL=http://127.0.0.1:PORT.
Serves until killed or until stdin reaches EOF (unless --ignore-stdin).

Options:
  --port N                  port to bind (default 0: a free port)
  --token-lifetime-secs S   ATE token lifetime in seconds (default 86400)
  --journal PATH            append one JSON line per accepted production record
                            to PATH: {\"kind\":\"ate.sn_detail.upload\",\"work_order\",\"sn\"},
                            {\"kind\":\"grading.save\",\"datasource\",\"barcode\"},
                            {\"kind\":\"energy.product_output.create\"|
                            \"energy.prp.manual_data.add\",\"id\",\"row\"}; each line
                            also has \"pid\" and \"at\". Written before the answer,
                            one write per line: a killed simulator loses none.
  --ignore-stdin            keep serving after stdin reaches EOF
  -h, --help                print this help

Fault options (API routes only; also settable at run time, same names, by
POST /_sim/faults with a JSON body; counters of every injected fault are
under \"faults\".\"injected\" in GET /_sim/state):
  --latency-ms N            delay before every API answer
  --error-503-ratio R       share (0..1) of requests answered 503, unprocessed
  --drop-ratio R            share of requests whose connection is closed
                            without an answer (FIN), unprocessed
  --reset-ratio R           share of requests whose connection is reset
                            (SO_LINGER 0: TCP RST), unprocessed
  --stall-ratio R           share of requests whose answer is held --stall-ms
  --stall-ms N              how long a stalled answer is held (the request is
                            processed first: a client that gives up sooner
                            sees a timeout although the record was accepted)
  --refuse-repeated-sn      refuse an ATE upload of an SN already received (by
                            this process, or in --journal from earlier runs)
                            with {\"msg\": \"SN REPEATED NG! ALREADY UPLOADED\"}
                            (the simulator's words: the documents give none)
  Run time only: fail_next_503, drop_next, reset_next, garbage_next (counts of
  the next requests so faulted), token_lifetime_secs.

Control API: GET /_sim/state, POST /_sim/faults, POST /_sim/expire_tokens,
POST /_sim/reset_faults, POST /_sim/work_orders, GET /_sim/health.
";

struct Args {
    config: SimConfig,
    faults: FaultsRequest,
    watch_stdin: bool,
}

fn ratio(name: &str, v: &str) -> Result<f64, String> {
    v.parse::<f64>()
        .ok()
        .filter(|r| (0.0..=1.0).contains(r))
        .ok_or_else(|| format!("bad {name}: {v} (a number from 0 to 1)"))
}

fn millis(name: &str, v: &str) -> Result<u64, String> {
    v.parse::<u64>()
        .map_err(|_| format!("bad {name}: {v} (whole milliseconds)"))
}

fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Option<Args>, String> {
    let mut parsed = Args {
        config: SimConfig::default(),
        faults: FaultsRequest::default(),
        watch_stdin: true,
    };
    while let Some(arg) = args.next() {
        let (name, inline) = match arg.split_once('=') {
            Some((n, v)) if n.starts_with("--") => (n.to_string(), Some(v.to_string())),
            _ => (arg.clone(), None),
        };
        let mut value = |what: &str| {
            inline
                .clone()
                .or_else(|| args.next())
                .ok_or_else(|| format!("{name} needs {what}"))
        };
        match name.as_str() {
            "-h" | "--help" => return Ok(None),
            "--port" => {
                let v = value("a port number")?;
                parsed.config.port = v.parse().map_err(|_| format!("bad --port: {v}"))?;
            }
            "--token-lifetime-secs" => {
                let v = value("a number of seconds")?;
                let secs: f64 = v
                    .parse()
                    .ok()
                    .filter(|s: &f64| s.is_finite() && *s >= 0.0)
                    .ok_or_else(|| format!("bad --token-lifetime-secs: {v}"))?;
                parsed.config.token_lifetime = Duration::from_secs_f64(secs);
            }
            "--journal" => {
                let v = value("a file path")?;
                if v.is_empty() {
                    return Err("--journal needs a file path".to_string());
                }
                parsed.config.journal = Some(v.into());
            }
            "--latency-ms" => parsed.faults.latency_ms = Some(millis(&name, &value("N")?)?),
            "--stall-ms" => parsed.faults.stall_ms = Some(millis(&name, &value("N")?)?),
            "--error-503-ratio" => {
                parsed.faults.error_503_ratio = Some(ratio(&name, &value("a ratio")?)?)
            }
            "--drop-ratio" => parsed.faults.drop_ratio = Some(ratio(&name, &value("a ratio")?)?),
            "--reset-ratio" => parsed.faults.reset_ratio = Some(ratio(&name, &value("a ratio")?)?),
            "--stall-ratio" => parsed.faults.stall_ratio = Some(ratio(&name, &value("a ratio")?)?),
            "--ignore-stdin" => parsed.watch_stdin = false,
            "--refuse-repeated-sn" => parsed.faults.refuse_repeated_sn = Some(true),
            other => return Err(format!("unknown argument: {other}")),
        }
    }
    Ok(Some(parsed))
}

/// Runs the simulator command with `args` (without the program name).
pub fn main_with_args(args: impl Iterator<Item = String>) -> ExitCode {
    let args = match parse_args(args) {
        Ok(Some(a)) => a,
        Ok(None) => {
            print!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            eprintln!("meslink-sim: {e}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let sim = match Sim::start_background(args.config) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("meslink-sim: cannot start: {e}");
            return ExitCode::FAILURE;
        }
    };
    if let Err(e) = sim.state().apply_faults(&args.faults) {
        eprintln!("meslink-sim: {e}");
        return ExitCode::from(2);
    }
    {
        let mut out = std::io::stdout().lock();
        let _ = writeln!(out, "MESLINK_SIM_URL={}", sim.base_url());
        let _ = out.flush();
    }
    if args.watch_stdin {
        // Serve until stdin reaches EOF (the parent closed it or died).
        let mut stdin = std::io::stdin().lock();
        let mut buf = [0u8; 1024];
        loop {
            match stdin.read(&mut buf) {
                Ok(0) => break,
                Ok(_) => {}
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(_) => break,
            }
        }
    } else {
        loop {
            std::thread::park();
        }
    }
    sim.shutdown();
    ExitCode::SUCCESS
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(v: &[&str]) -> Result<Option<Args>, String> {
        parse_args(v.iter().map(|s| s.to_string()))
    }

    #[test]
    fn args() {
        let a = parse(&["--port", "8123", "--token-lifetime-secs=5"])
            .unwrap()
            .unwrap();
        assert_eq!(a.config.port, 8123);
        assert_eq!(a.config.token_lifetime, Duration::from_secs(5));
        assert!(a.watch_stdin);
        assert!(parse(&["--help"]).unwrap().is_none());
        assert!(parse(&["--port"]).is_err());
        assert!(parse(&["--bogus"]).is_err());
        assert!(!parse(&["--ignore-stdin"]).unwrap().unwrap().watch_stdin);
    }

    #[test]
    fn journal_and_fault_args() {
        let a = parse(&[
            "--journal",
            "/tmp/j.jsonl",
            "--reset-ratio=0.1",
            "--stall-ratio",
            "0.05",
            "--stall-ms",
            "2000",
            "--error-503-ratio",
            "0.3",
            "--drop-ratio",
            "0",
            "--latency-ms",
            "5",
        ])
        .unwrap()
        .unwrap();
        assert_eq!(
            a.config.journal.as_deref(),
            Some(std::path::Path::new("/tmp/j.jsonl"))
        );
        assert_eq!(a.faults.reset_ratio, Some(0.1));
        assert_eq!(a.faults.stall_ratio, Some(0.05));
        assert_eq!(a.faults.stall_ms, Some(2000));
        assert_eq!(a.faults.error_503_ratio, Some(0.3));
        assert_eq!(a.faults.drop_ratio, Some(0.0));
        assert_eq!(a.faults.latency_ms, Some(5));
        assert!(parse(&["--reset-ratio", "1.5"]).is_err());
        assert!(parse(&["--stall-ratio", "x"]).is_err());
        assert!(parse(&["--stall-ms", "-1"]).is_err());
        assert!(parse(&["--journal"]).is_err());
        assert!(parse(&["--journal="]).is_err());
        let a = parse(&["--refuse-repeated-sn"]).unwrap().unwrap();
        assert_eq!(a.faults.refuse_repeated_sn, Some(true));
    }
}
