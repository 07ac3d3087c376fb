//! `meslink demo`: a station's shift on the ATE MES and the grading MES, then the
//! machine-tool platform ([`crate::demo_mgm`]), the quality trace, the energy platform and
//! a network outage survived by the spool ([`crate::demo_spool`]), against the simulator
//! started in this process.

use meslink::{Client, Error, ErrorKind, GradingRecord, SnDetail};
use meslink_sim::{Sim, SimConfig};
use serde_json::json;
use std::time::Instant;

const WORK_ORDER: &str = "1037020032";
/// The fourth SN carries a letter where the rule wants a digit: the MES refuses it.
const SNS: [&str; 5] = [
    "BZK615KM900001Z",
    "BZK615KM900002Z",
    "BZK615KM900003Z",
    "BZK615KM9A0004Z",
    "BZK615KM900005Z",
];
const CELLS: usize = 24;

pub fn run() -> Result<(), Error> {
    let started = Instant::now();
    let sim = Sim::start_background(SimConfig::default())
        .map_err(|e| Error::internal(format!("cannot start the simulator: {e}")))?;
    println!("meslink demo: a station's shift against the built-in simulator");
    println!(
        "simulator  {} (ATE MES, grading MES, machine-tool platform)\n",
        sim.base_url()
    );
    let client = Client::from_json(
        &json!({
            "ate": {"base_url": sim.base_url(), "emp_no": "ate", "password": "Windows123."},
            "grading": {"base_url": sim.base_url(), "datasource": "MES01"}
        })
        .to_string(),
    )?;

    let who = client.call_blocking("ate.login", json!({}))?;
    println!(
        "1. log in                 {} ({}), company {}",
        who["epm_no"].as_str().unwrap_or("?"),
        who["emp_name"].as_str().unwrap_or("?"),
        who["company"].as_str().unwrap_or("?")
    );
    let wo = work_order(&client)?;
    println!(
        "2. work order {WORK_ORDER}   rule {}, {} of {} produced, last SN {}",
        wo.function_name, wo.sn_qty, wo.target_qty, wo.serial_number
    );

    println!("3. upload serial numbers");
    let (mut accepted, mut rejected) = (0, 0);
    for sn in SNS {
        let params = json!({"work_order": WORK_ORDER, "sn": sn});
        match client.call_blocking("ate.sn_detail.upload", params) {
            Ok(_) => {
                accepted += 1;
                println!("     {sn}  OK");
            }
            Err(e) if e.kind == ErrorKind::Business => {
                rejected += 1;
                println!(
                    "     {sn}  NG  business error, the MES says: {}",
                    e.server_message.as_deref().unwrap_or("?")
                );
            }
            Err(e) => return Err(e),
        }
    }
    let after = work_order(&client)?;
    println!(
        "4. work order {WORK_ORDER}   {} of {} produced, last SN {}",
        after.sn_qty, after.target_qty, after.serial_number
    );

    let t0 = Instant::now();
    let now = chrono::Local::now().naive_local();
    for i in 0..CELLS {
        let record = GradingRecord {
            battery_station: "ST01".into(),
            device_code: "FR-07".into(),
            barcode: format!("0AVCC26111121G95L01{i:05}"),
            test_time: now.into(),
            work_step: "分容".into(),
            voltage: Some(3.28 + i as f64 * 0.001),
            electricity: Some(1.5),
            volume: Some(2.95),
            energy: Some(9.7),
        };
        client.call_blocking("grading.save", record.to_params())?;
    }
    println!(
        "5. grading data           {CELLS} cell records saved in {:.0} ms (state 1 each)",
        t0.elapsed().as_secs_f64() * 1e3
    );

    let state = sim.state();
    let stored = state.grading_record_count();
    println!(
        "\nsummary: {accepted} SNs accepted, {rejected} refused by the SN rule check; \
         {stored} cell records on the MES; {} login(s); {:.2} s",
        state.login_count(),
        started.elapsed().as_secs_f64()
    );
    // What the station's client counted (client.stats(), meslink_client_stats).
    println!("client stats: {}", client.stats());
    if accepted != 4 || rejected != 1 || stored != CELLS || after.sn_qty != wo.sn_qty + 4 {
        return Err(Error::internal(
            "the shift did not go as expected (see the lines above)",
        ));
    }
    crate::demo_mgm::run(&sim)?;
    crate::demo_trace::run(&sim, SNS[0])?;
    crate::demo_energy::run(&sim)?;
    crate::demo_spool::run(&sim)?;
    println!(
        "\ndemo finished in {:.2} s",
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

fn work_order(client: &Client) -> Result<SnDetail, Error> {
    let v = client.call_blocking("ate.sn_detail.get", json!({ "work_order": WORK_ORDER }))?;
    serde_json::from_value(v).map_err(|e| Error::protocol(format!("work order: {e}")))
}
