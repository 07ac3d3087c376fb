//! `meslink upload`: one file to a machine (`mgm.file_transfer`) with a progress bar,
//! resumed across broken connections (and across runs: the machine keeps what it got),
//! and the file's md5 at the end.

use crate::interrupt::Interrupt;
use crate::options::{unexpected, Args};
use crate::progress::{bytes, duration, Bar};
use md5::{Digest, Md5};
use meslink::mgm::{StreamTransport, TransferRequest};
use meslink::{Client, Error};
use std::io::{IsTerminal, Read};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

pub const USAGE: &str = "\
usage: meslink upload FILE --machine ID --cloud-path PATH [--storage-type 0|1]
                      [--name NAME] [--transport raw] (--config FILE | --config-json JSON)

Sends FILE to a machine of the machine-tool platform (mgm.file_transfer, at most 50 MB)
with a progress bar (bytes, rate, time left) on standard error. A broken connection is
resumed from the bytes the machine already holds; after Ctrl+C or a failure, the same
command resumes too. At the end it prints the file's md5 (of its bytes) and the server's
request id on standard output.

  FILE                 the local file
  --machine ID         the machine's id
  --cloud-path PATH    the directory on the machine, e.g. /nc_prog
  --storage-type 0|1   0: the machine's external storage (default), 1: internal
  --name NAME          the name on the machine (default: FILE's name)
  --transport raw      the plain websocket endpoint instead of SockJS (the default)
  --config FILE        the client configuration (JSON, with an \"mgm\" section)
  --config-json JSON   the client configuration given inline";

/// Exit status of an upload stopped by Ctrl+C (128 + SIGINT, as shells report it).
pub const INTERRUPTED: u8 = 130;

pub fn run(args: &[String]) -> Result<Option<u8>, Error> {
    let mut file: Option<PathBuf> = None;
    let mut request = TransferRequest {
        path: PathBuf::new(),
        cloud_path: String::new(),
        file_name: None,
        storage_type: 0,
        machine_id: String::new(),
        chunk_size: 0,
        md5_of: Default::default(),
        transport: StreamTransport::SockJs,
    };
    let mut args = Args::new(args);
    while let Some(a) = args.next()? {
        match a {
            "--machine" => request.machine_id = args.value(a)?.to_owned(),
            "--cloud-path" => request.cloud_path = args.value(a)?.to_owned(),
            "--name" => request.file_name = Some(args.value(a)?.to_owned()),
            "--storage-type" => {
                request.storage_type = match args.value(a)? {
                    "0" => 0,
                    "1" => 1,
                    other => {
                        return Err(Error::invalid(format!(
                            "--storage-type must be 0 (external storage) or 1 (internal storage), got {other:?}"
                        )))
                    }
                }
            }
            "--transport" => {
                request.transport = match args.value(a)? {
                    "raw" => StreamTransport::Raw,
                    "sockjs" => StreamTransport::SockJs,
                    other => {
                        return Err(Error::invalid(format!(
                            "--transport: {other:?} is neither raw nor sockjs"
                        )))
                    }
                }
            }
            other if other.starts_with("--") || file.is_some() => {
                return Err(unexpected(other, USAGE))
            }
            other => file = Some(PathBuf::from(other)),
        }
    }
    let missing = |what: &str| Error::invalid(format!("meslink upload needs {what}\n{USAGE}"));
    request.path = file.ok_or_else(|| missing("a FILE"))?;
    if request.machine_id.is_empty() {
        return Err(missing("--machine ID"));
    }
    if request.cloud_path.is_empty() {
        return Err(missing("--cloud-path PATH"));
    }
    let client = Client::from_json(&args.config("upload")?)?;
    let outcome = send(&client, request);
    let _ = meslink::runtime::block_on(client.close());
    outcome
}

fn send(client: &Client, request: TransferRequest) -> Result<Option<u8>, Error> {
    let path = request.path.clone();
    let interrupt = Interrupt::listen();
    let started = Instant::now();
    let transfer = client.mgm_transfer_start_blocking(request.clone())?;
    let total = transfer.progress().total;
    eprintln!(
        "{} ({}) to machine {}, {}",
        path.display(),
        bytes(total),
        request.machine_id,
        request.cloud_path
    );
    let mut bar = Bar::new(total, std::io::stderr().is_terminal());
    let mut last = 0u64;
    let done = loop {
        if interrupt.pressed() {
            transfer.cancel();
            bar.finish();
            let held = transfer.progress().sent;
            eprintln!(
                "stopped at {} of {}; the machine keeps what it received: the same command resumes",
                bytes(held),
                bytes(total)
            );
            return Ok(Some(INTERRUPTED));
        }
        let waited = transfer.wait_blocking(Duration::from_millis(100));
        let sent = match &waited {
            Ok(Some(p)) => p.sent,
            _ => transfer.progress().sent,
        };
        if sent < last {
            bar.finish();
            eprintln!(
                "connection lost; resuming from {} (what the machine holds)",
                bytes(sent)
            );
        }
        last = sent;
        bar.update(sent);
        match waited {
            Ok(Some(p)) => break p,
            Ok(None) => {}
            Err(e) => {
                bar.finish();
                if e.is_transient() {
                    eprintln!("the same command resumes from what the machine holds");
                }
                return Err(e);
            }
        }
    };
    bar.finish();
    let secs = started.elapsed().as_secs_f64();
    let md5 = file_md5(&path)?;
    eprintln!(
        "sent {} in {} ({}/s)",
        bytes(total),
        duration(secs),
        bytes((total as f64 / secs.max(0.001)) as u64)
    );
    println!("md5 {md5}");
    if let Some(id) = done.request_id {
        println!("request_id {id}");
    }
    Ok(None)
}

/// The hex md5 of a file's bytes, read in pieces.
fn file_md5(path: &Path) -> Result<String, Error> {
    let fail = |e: std::io::Error| Error::invalid(format!("cannot read {}: {e}", path.display()));
    let mut file = std::fs::File::open(path).map_err(fail)?;
    let mut md5 = Md5::new();
    let mut buf = vec![0u8; 256 * 1024];
    loop {
        let n = file.read(&mut buf).map_err(fail)?;
        if n == 0 {
            break;
        }
        md5.update(&buf[..n]);
    }
    Ok(md5.finalize().iter().map(|b| format!("{b:02x}")).collect())
}
