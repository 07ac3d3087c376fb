//! `meslink stream`: a machine's live events (`mgm.realtime`) until Ctrl+C, the stream's
//! reconnects shown as they happen.

use crate::interrupt::Interrupt;
use crate::options::{unexpected, Args};
use crate::style::{paint, stdout_colour, Colour};
use meslink::mgm::{StreamEvent, StreamOptions, StreamTransport};
use meslink::{Client, Error};
use std::io::Write;
use std::time::Duration;

pub const USAGE: &str = "\
usage: meslink stream --machine ID [--machine ID ...] [--transport raw] [--json]
                      (--config FILE | --config-json JSON)

Prints the live events of machine-tool platform machines (mgm.realtime) until Ctrl+C:
status changes, full snapshots, deltas and server notices, one line each. When the
access token expires or the connection drops the stream renews the token, reconnects and
subscribes again; those moments are printed too (\"reconnecting\", \"reconnected\").
On Ctrl+C it closes the stream, prints its counts on standard error and exits with 0.

  --machine ID         a machine id (repeat for more machines)
  --transport raw      the plain websocket endpoint instead of SockJS (the default)
  --json               one JSON object a line, as the C ABI delivers events:
                       {\"type\":\"delta\",\"machine_id\":...,\"data\":{...}}
  --config FILE        the client configuration (JSON, with an \"mgm\" section)
  --config-json JSON   the client configuration given inline";

pub fn run(args: &[String]) -> Result<(), Error> {
    let mut machines = Vec::new();
    let mut options = StreamOptions::default();
    let mut json = false;
    let mut args = Args::new(args);
    while let Some(a) = args.next()? {
        match a {
            "--machine" => machines.push(args.value("--machine")?.to_owned()),
            "--json" => json = true,
            "--transport" => {
                options.transport = match args.value("--transport")? {
                    "raw" => StreamTransport::Raw,
                    "sockjs" => StreamTransport::SockJs,
                    other => {
                        return Err(Error::invalid(format!(
                            "--transport: {other:?} is neither raw nor sockjs"
                        )))
                    }
                }
            }
            other => return Err(unexpected(other, USAGE)),
        }
    }
    if machines.is_empty() {
        return Err(Error::invalid(format!(
            "meslink stream needs --machine ID\n{USAGE}"
        )));
    }
    let client = Client::from_json(&args.config("stream")?)?;
    let interrupt = Interrupt::listen();
    let stream = client.mgm_stream_open_blocking(options)?;
    for id in &machines {
        stream.subscribe(id)?;
    }
    let colour = stdout_colour();
    if !json {
        eprintln!("streaming machine {}; Ctrl+C stops", machines.join(", "));
    }
    let mut out = std::io::stdout().lock();
    let outcome = loop {
        if interrupt.pressed() {
            break Ok(());
        }
        let event = match stream.next_blocking(Duration::from_millis(200)) {
            Ok(Some(event)) => event,
            Ok(None) => continue,
            Err(e) => break Err(e),
        };
        let line = if json {
            event.to_json_text()
        } else {
            human(&event, colour)
        };
        // A closed pipe (`| head`) ends the command quietly.
        if writeln!(out, "{line}").and_then(|_| out.flush()).is_err() {
            break Ok(());
        }
    };
    let stats = stream.stats();
    stream.close();
    let _ = meslink::runtime::block_on(client.close());
    eprintln!(
        "stream closed: {} events, {} reconnects, {} dropped (queue full)",
        stats.delivered, stats.reconnects, stats.dropped
    );
    outcome
}

/// One event as a line: the local time, the kind, the machine and the server's JSON.
fn human(event: &StreamEvent, colour: bool) -> String {
    let now = chrono::Local::now().format("%H:%M:%S%.3f");
    let kind = format!("{:<12}", event.kind());
    match event {
        StreamEvent::Status { machine_id, raw }
        | StreamEvent::Snapshot { machine_id, raw }
        | StreamEvent::Delta { machine_id, raw } => {
            format!("{now}  {kind} {machine_id}  {raw}")
        }
        StreamEvent::Notice { raw } => {
            format!("{now}  {}  {raw}", paint(&kind, Colour::Yellow, colour))
        }
        StreamEvent::Reconnecting { attempt, reason } => format!(
            "{now}  {}  attempt {attempt}: {reason}",
            paint(&kind, Colour::Yellow, colour)
        ),
        StreamEvent::Reconnected { attempt } => format!(
            "{now}  {}  attempt {attempt}; machines subscribed again",
            paint(&kind, Colour::Green, colour)
        ),
    }
}
