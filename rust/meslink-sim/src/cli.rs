//! The simulator as a command (`meslink-sim`, and `meslink sim`): runs it as a process for
//! C, Python and C# tests. Prints `MESLINK_SIM_URL=http://127.0.0.1:PORT` as its first line.

use std::io::{Read, Write};
use std::process::ExitCode;
use std::time::Duration;

use crate::{Sim, SimConfig};

const USAGE: &str = "\
Usage: meslink-sim [--port N] [--token-lifetime-secs S] [--ignore-stdin]

Serves the ATE MES and grading cabinet MES simulators on 127.0.0.1.
The first line on stdout is MESLINK_SIM_URL=http://127.0.0.1:PORT.
Serves until killed or until stdin reaches EOF (unless --ignore-stdin).

Options:
  --port N                  port to bind (default 0: a free port)
  --token-lifetime-secs S   ATE token lifetime in seconds (default 86400)
  --ignore-stdin            keep serving after stdin reaches EOF
  -h, --help                print this help

Control API: GET /_sim/state, POST /_sim/faults, POST /_sim/expire_tokens,
POST /_sim/reset_faults, POST /_sim/work_orders, GET /_sim/health.
";

struct Args {
    config: SimConfig,
    watch_stdin: bool,
}

fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Option<Args>, String> {
    let mut parsed = Args {
        config: SimConfig::default(),
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
            "--ignore-stdin" => parsed.watch_stdin = false,
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
}
