//! The demo's network outage: serial numbers spooled to a SQLite file while the ATE MES
//! answers nothing but 503, forwarded in order once it is back; the one the rule check
//! refuses lands in the dead letters with the MES's words.

use meslink::{Client, Error, SpoolState};
use meslink_sim::Sim;
use serde_json::json;
use std::path::PathBuf;
use std::time::Duration;

const WORK_ORDER: &str = "1037020032";
/// Ten SNs the rule accepts, and one it refuses (a letter where a digit belongs).
const GOOD: usize = 10;
const BAD_SN: &str = "BZK615KM9B0011Z";

pub fn run(sim: &Sim) -> Result<(), Error> {
    let dir = SpoolDir::new()?;
    let path = dir.0.join("station.spool.db");
    let client = Client::from_json(
        &json!({
            "ate": {"base_url": sim.base_url(), "emp_no": "ate", "password": "Windows123."},
            "retry": {"max_attempts": 1},
            "spool": {"path": path, "backoff_initial_ms": 50, "backoff_max_ms": 200}
        })
        .to_string(),
    )?;
    let state = sim.state();
    let uploads_before = state.uploads().len();
    state.set_503_ratio(1.0);
    println!("\nspool: the ATE MES answers only 503 (a network outage)");
    let spool = client.spool()?;
    let mut sns: Vec<String> = (1..=GOOD).map(|i| format!("BZK615KM91{i:04}Z")).collect();
    sns.insert(5, BAD_SN.to_string());
    for sn in &sns {
        spool.enqueue(
            "ate.sn_detail.upload",
            json!({"work_order": WORK_ORDER, "sn": sn}),
        )?;
    }
    std::thread::sleep(Duration::from_millis(400));
    let during = spool.status()?;
    println!(
        "  {} SN uploads on disk in {}: {} pending, {} delivered, {} refused answers from the MES so far",
        sns.len(),
        path.file_name().and_then(|n| n.to_str()).unwrap_or("?"),
        during.pending,
        during.delivered,
        state.injected_fault_counts().error_503
    );

    state.set_503_ratio(0.0);
    println!("  the MES is back");
    let drained = spool.drain_blocking(Duration::from_secs(30))?;
    let after = spool.status()?;
    let arrived: Vec<String> = state.uploads()[uploads_before..]
        .iter()
        .map(|(_, sn)| sn.clone())
        .collect();
    println!(
        "  drained: {} delivered in order, {} pending, {} dead letter",
        after.delivered, after.pending, after.dead
    );
    for dead in spool.list(SpoolState::Dead, 10)? {
        let said = dead
            .answer
            .as_ref()
            .and_then(|a| a["server_message"].as_str())
            .unwrap_or("?");
        println!(
            "    dead letter #{}  {}  the MES says: {said}",
            dead.seq, dead.params["sn"]
        );
    }
    meslink::runtime::block_on(client.close())?;
    let expected: Vec<String> = sns.into_iter().filter(|s| s != BAD_SN).collect();
    if !drained || after.dead != 1 || arrived != expected {
        return Err(Error::internal(
            "the spooled uploads did not all arrive in order (see the lines above)",
        ));
    }
    Ok(())
}

/// A fresh temporary directory, removed at the end of the demo.
struct SpoolDir(PathBuf);

impl SpoolDir {
    fn new() -> Result<SpoolDir, Error> {
        let dir = std::env::temp_dir().join(format!("meslink-demo-spool-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir)
            .map_err(|e| Error::internal(format!("cannot create {}: {e}", dir.display())))?;
        Ok(SpoolDir(dir))
    }
}

impl Drop for SpoolDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}
