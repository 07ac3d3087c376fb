//! The machine-tool IoT part of `meslink demo`: the organization tree and the machines'
//! metadata, a live stream across an access-token expiry, and a file transfer with a
//! progress bar, against the simulator the demo started.

use meslink::mgm::{StreamEvent, StreamOptions, TransferProgress, TransferRequest};
use meslink::{runtime, Client, Error};
use meslink_sim::Sim;
use serde_json::json;
use std::collections::BTreeMap;
use std::io::{IsTerminal, Write};
use std::time::{Duration, Instant};

/// How long the live stream runs, and the token lifetime that makes it expire meanwhile.
const STREAM_FOR: Duration = Duration::from_secs(5);
const SHORT_TOKEN: Duration = Duration::from_millis(2000);
const FILE_BYTES: usize = 1024 * 1024;

pub fn run(sim: &Sim) -> Result<(), Error> {
    let client = Client::from_json(
        &json!({"mgm": {"base_url": format!("{}/v1", sim.base_url()),
                        "app_key": "meslink-app", "app_secret": "meslink-secret"}})
        .to_string(),
    )?;
    let machines = organization(&client)?;
    let reconnects = live_stream(&client, sim, &machines)?;
    transfer(&client, sim, &machines[0])?;
    if reconnects == 0 {
        return Err(Error::internal(
            "the stream did not reconnect across the token expiry",
        ));
    }
    Ok(())
}

/// Step 6: the tree and each machine's sys_info. Answers the machine ids.
fn organization(client: &Client) -> Result<Vec<String>, Error> {
    let tree = runtime::block_on(client.mgm_organization())??;
    println!(
        "\n6. machine-tool platform   organization of factory {}",
        tree.factory_id()
    );
    let ids: Vec<String> = tree
        .machines()
        .iter()
        .filter_map(|m| m.machine_id.clone())
        .collect();
    let refs: Vec<&str> = ids.iter().map(String::as_str).collect();
    let info = runtime::block_on(client.mgm_sys_info(&refs))??;
    for line in tree.outline().lines() {
        let id = line.rsplit('(').next().unwrap_or("").trim_end_matches(')');
        let cnc: Vec<&str> = info
            .get(id)
            .map(|i| {
                [
                    i.cnc_system.as_str(),
                    i.cnc_class.as_str(),
                    i.cnc_model.as_str(),
                ]
            })
            .unwrap_or_default()
            .into_iter()
            .filter(|t| !t.is_empty())
            .collect();
        if cnc.is_empty() {
            println!("     {line}");
        } else {
            println!("     {line}  {}", cnc.join(" "));
        }
    }
    Ok(ids)
}

/// Step 7: a few seconds of live data while the access token expires under the stream.
/// Answers how many times the stream reconnected.
fn live_stream(client: &Client, sim: &Sim, machines: &[String]) -> Result<u32, Error> {
    let state = sim.state();
    state.set_mgm_token_lifetime(SHORT_TOKEN);
    // A fresh token with the short lifetime; nothing renews it while the stream runs, so
    // the server closes the session when it expires and the stream reconnects.
    client.call_blocking("mgm.token.get", json!({}))?;
    let stream = client.mgm_stream_open_blocking(StreamOptions::default())?;
    for id in machines.iter().take(2) {
        stream.subscribe(id)?;
    }
    println!(
        "7. live stream            {} s of machines {} (token lifetime {} ms)",
        STREAM_FOR.as_secs(),
        machines
            .iter()
            .take(2)
            .cloned()
            .collect::<Vec<_>>()
            .join(", "),
        SHORT_TOKEN.as_millis()
    );
    let started = Instant::now();
    let mut counts: BTreeMap<&'static str, u64> = BTreeMap::new();
    let mut reconnects = 0;
    let mut after_reconnect = 0u64;
    while started.elapsed() < STREAM_FOR {
        let Some(event) = stream.next_blocking(Duration::from_millis(200))? else {
            continue;
        };
        *counts.entry(event.kind()).or_insert(0) += 1;
        match &event {
            StreamEvent::Reconnecting { attempt, reason } => println!(
                "     {:>5.2} s  reconnecting (attempt {attempt}): {reason}",
                started.elapsed().as_secs_f64()
            ),
            StreamEvent::Reconnected { attempt } => {
                reconnects += 1;
                after_reconnect = 0;
                println!(
                    "     {:>5.2} s  reconnected (attempt {attempt}), machines subscribed again",
                    started.elapsed().as_secs_f64()
                );
            }
            StreamEvent::Notice { raw } => println!(
                "     {:>5.2} s  server notice {raw}",
                started.elapsed().as_secs_f64()
            ),
            _ => after_reconnect += 1,
        }
    }
    let stats = stream.stats();
    stream.close();
    state.set_mgm_token_lifetime(Duration::from_secs(7200));
    let summary: Vec<String> = counts.iter().map(|(k, n)| format!("{n} {k}")).collect();
    println!(
        "     events: {}; {} dropped; {after_reconnect} data events since the last reconnect",
        summary.join(", "),
        stats.dropped
    );
    Ok(reconnects)
}

/// Step 8: an NC program to a machine, with a progress bar.
fn transfer(client: &Client, sim: &Sim, machine: &str) -> Result<(), Error> {
    let path = std::env::temp_dir().join(format!("meslink-demo-{}.nc", std::process::id()));
    let mut program = String::with_capacity(FILE_BYTES + 64);
    let mut n = 0;
    while program.len() < FILE_BYTES {
        n += 1;
        program.push_str(&format!(
            "N{n:06} G01 X{:.3} Y{:.3} F1200\n",
            n as f64 * 0.5,
            n as f64 * 0.25
        ));
    }
    std::fs::write(&path, &program)
        .map_err(|e| Error::internal(format!("cannot write {}: {e}", path.display())))?;
    let request = TransferRequest {
        path: path.clone(),
        cloud_path: "/nc".into(),
        file_name: Some("O1001.nc".into()),
        storage_type: 0,
        machine_id: machine.to_owned(),
        chunk_size: 16 * 1024,
        md5_of: Default::default(),
        transport: Default::default(),
    };
    println!(
        "8. file transfer          O1001.nc ({} KB) to {machine}",
        program.len() / 1024
    );
    let started = Instant::now();
    let outcome = (|| -> Result<TransferProgress, Error> {
        let transfer = client.mgm_transfer_start_blocking(request)?;
        let mut quarter = 0;
        loop {
            let done = transfer.wait_blocking(Duration::from_millis(40))?;
            let p = done.clone().unwrap_or_else(|| transfer.progress());
            bar(p.sent, p.total, &mut quarter);
            if let Some(p) = done {
                return Ok(p);
            }
        }
    })();
    let _ = std::fs::remove_file(&path);
    let progress = outcome?;
    if std::io::stdout().is_terminal() {
        println!();
    }
    let received = sim
        .state()
        .mgm_received_files()
        .into_iter()
        .find(|f| Some(&f.request_id) == progress.request_id.as_ref());
    match received {
        Some(f) if f.size == program.len() as u64 => println!(
            "     done in {:.2} s: the machine holds {} bytes, md5 {}",
            started.elapsed().as_secs_f64(),
            f.size,
            f.md5
        ),
        _ => {
            return Err(Error::internal(
                "the machine did not receive the whole file",
            ))
        }
    }
    Ok(())
}

/// Redraws the bar in place on a terminal; elsewhere (a log) prints a line at each
/// quarter.
fn bar(sent: u64, total: u64, last_quarter: &mut u64) {
    const WIDTH: u64 = 40;
    let filled = (sent * WIDTH)
        .checked_div(total)
        .unwrap_or(WIDTH)
        .min(WIDTH);
    let percent = (sent * 100).checked_div(total).unwrap_or(100);
    let text = format!(
        "     [{}{}] {percent:>3} %  {} / {} KB",
        "#".repeat(filled as usize),
        ".".repeat((WIDTH - filled) as usize),
        sent / 1024,
        total / 1024
    );
    let mut out = std::io::stdout();
    if out.is_terminal() {
        print!("\r{text}");
        let _ = out.flush();
    } else if percent / 25 > *last_quarter || (*last_quarter == 0 && sent == 0) {
        *last_quarter = percent / 25;
        println!("{text}");
    }
}
