//! `meslink-bench`: the Rust rows of the benchmarks (bench/cases): meslink's API called
//! directly from Rust, through the same blocking entry points the C ABI uses.
//!
//! ```text
//! meslink-bench seq   URL N upload|get    N sequential calls, one client
//! meslink-bench batch URL N CONCURRENCY   one batch of N grading.save records
//! ```
//! Prints one JSON line: `{"row":..,"n":..,"secs":..,"p50_us":..,"p99_us":..}`, and for
//! `seq` the process CPU time of the timed loop (`cpu_s`)
//! (bench/lib/table.py turns these lines into a table).

use meslink::Client;
use serde_json::{json, Value};
use std::process::ExitCode;
use std::time::Instant;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(line) => {
            println!("{line}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("meslink-bench: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: &[String]) -> Result<Value, String> {
    let usage = "usage: meslink-bench seq URL N upload|get | batch URL N CONCURRENCY";
    let [mode, url, n, what] = args else {
        return Err(usage.into());
    };
    let n: usize = n.parse().map_err(|_| format!("bad N: {n}"))?;
    let client = Client::from_json(&config(url).to_string()).map_err(|e| e.to_string())?;
    match mode.as_str() {
        "seq" => sequential(&client, n, what),
        "batch" => {
            let c: usize = what
                .parse()
                .map_err(|_| format!("bad CONCURRENCY: {what}"))?;
            batch(&client, n, c)
        }
        _ => Err(usage.into()),
    }
}

/// The client configuration every row of the benchmarks uses.
fn config(url: &str) -> Value {
    json!({
        "ate": {"base_url": url, "emp_no": "ate", "password": "Windows123."},
        "grading": {"base_url": url, "datasource": "MES01"},
        "timeout_ms": 30000
    })
}

fn sequential(client: &Client, n: usize, what: &str) -> Result<Value, String> {
    let params = |i: usize| match what {
        "upload" => {
            Ok(json!({"work_order": "1037020031", "sn": format!("BRJ614KM9{:05}Z", i % 100_000)}))
        }
        "get" => Ok(json!({"work_order": "1037020031"})),
        other => Err(format!("unknown call {other:?}: upload or get")),
    };
    let id = if what == "upload" {
        "ate.sn_detail.upload"
    } else {
        "ate.sn_detail.get"
    };
    // Log in before timing, like every other row.
    client
        .call_blocking("ate.sn_detail.get", json!({"work_order": "1037020031"}))
        .map_err(|e| e.to_string())?;
    let mut lat = Vec::with_capacity(n);
    let csw0 = process_switches();
    let cpu0 = process_cpu_secs();
    let start = Instant::now();
    for i in 0..n {
        let p = params(i)?;
        let t = Instant::now();
        client.call_blocking(id, p).map_err(|e| e.to_string())?;
        lat.push(t.elapsed().as_secs_f64() * 1e6);
    }
    let secs = start.elapsed().as_secs_f64();
    let mut row = line(&format!("meslink Rust API ({what})"), n, secs, lat);
    if let (Some(a), Some(b)) = (cpu0, process_cpu_secs()) {
        row["cpu_s"] = json!(b - a);
    }
    if let (Some(a), Some(b)) = (csw0, process_switches()) {
        row["csw"] = json!(b - a);
    }
    Ok(row)
}

fn batch(client: &Client, n: usize, concurrency: usize) -> Result<Value, String> {
    let records: Vec<Value> = (0..n)
        .map(|i| {
            json!({"batteryStation": "ST01", "deviceCode": "FR-07", "barcode": format!("RS-{i:06}"),
                   "testTime": "2024-05-06 07:08:09", "workStep": "W1", "voltage": 3.2})
        })
        .collect();
    let start = Instant::now();
    let answers = client.call_batch_blocking("grading.save", records, concurrency);
    let secs = start.elapsed().as_secs_f64();
    if let Some(Err(e)) = answers.iter().find(|a| a.is_err()) {
        return Err(format!("a record failed: {e}"));
    }
    let mut row = line(
        &format!("meslink batch, Rust (c={concurrency})"),
        n,
        secs,
        vec![],
    );
    row["p50_us"] = Value::Null;
    row["p99_us"] = Value::Null;
    Ok(row)
}

/// User + system CPU time of this process so far (Linux `/proc/self/stat`, in clock
/// ticks of 10 ms), or `None` elsewhere.
fn process_cpu_secs() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    let after_comm = stat.rsplit_once(')')?.1;
    let fields: Vec<&str> = after_comm.split_whitespace().collect();
    let ticks: f64 = fields.get(11)?.parse::<f64>().ok()? + fields.get(12)?.parse::<f64>().ok()?;
    Some(ticks / 100.0)
}

/// Context switches of this process so far, voluntary + involuntary, summed over its
/// threads (Linux `/proc/self/task/*/status`), or `None` elsewhere.
fn process_switches() -> Option<u64> {
    let mut total = 0;
    for task in std::fs::read_dir("/proc/self/task").ok()? {
        let status = std::fs::read_to_string(task.ok()?.path().join("status")).ok()?;
        for line in status.lines() {
            if let Some(v) = line
                .strip_prefix("voluntary_ctxt_switches:")
                .or_else(|| line.strip_prefix("nonvoluntary_ctxt_switches:"))
            {
                total += v.trim().parse::<u64>().ok()?;
            }
        }
    }
    Some(total)
}

/// The result line of a row; `lat` the per-call latencies in µs (may be empty).
fn line(row: &str, n: usize, secs: f64, mut lat: Vec<f64>) -> Value {
    lat.sort_by(f64::total_cmp);
    let pct = |p: f64| -> Value {
        if lat.is_empty() {
            return Value::Null;
        }
        let i = ((lat.len() as f64 * p).ceil() as usize).clamp(1, lat.len()) - 1;
        json!((lat[i] * 10.0).round() / 10.0)
    };
    json!({"row": row, "n": n, "secs": secs, "p50_us": pct(0.50), "p99_us": pct(0.99)})
}
