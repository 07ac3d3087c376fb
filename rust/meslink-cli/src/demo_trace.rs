//! The demo's quality-trace part: a signed forward and reverse trace of a serial number
//! uploaded earlier in the same run.

use meslink::{Client, Error, GradingRecord, TraceNode, TraceType};
use meslink_sim::Sim;
use serde_json::json;

/// Gives `sn` an end-of-line test record and one graded cell (the assembly step, which
/// no documented server records, goes straight into the simulator), then traces `sn`
/// forward (what it is made of) and reverse (where it went).
pub fn run(sim: &Sim, sn: &str) -> Result<(), Error> {
    let trace = sim.state();
    let client = Client::from_json(
        &json!({
            "grading": {"base_url": sim.base_url(), "datasource": "MES01"},
            "trace": {"base_url": sim.base_url(), "app_key": "meslink-trace",
                      "app_secret": "meslink-trace-secret", "source": "SAAS"}
        })
        .to_string(),
    )?;
    let cell = trace
        .grading_records()
        .into_iter()
        .map(|(_, barcode, _)| barcode)
        .find(|b| b != sn)
        .ok_or_else(|| Error::internal("no graded cell to assemble"))?;
    trace.trace_bind(sn, &cell);
    let eol = GradingRecord {
        battery_station: "EOL".into(),
        device_code: "EOL-01".into(),
        barcode: sn.into(),
        test_time: chrono::Local::now().naive_local().into(),
        work_step: "EOL".into(),
        voltage: Some(3.3),
        electricity: None,
        volume: None,
        energy: None,
    };
    meslink::runtime::block_on(client.grading_save(&eol))??;

    println!("\ntrace: cell {cell} assembled into {sn}, end-of-line record saved");
    for (label, kind) in [
        ("forward", TraceType::Forward),
        ("reverse", TraceType::Reverse),
    ] {
        let result = meslink::runtime::block_on(client.trace_query(sn, kind))??;
        println!(
            "  {label} trace of {sn} (signed request, answer {})",
            result.id
        );
        for root in &result.tree_list {
            print_node(root, 2);
        }
        let reached_sn = result
            .nodes()
            .iter()
            .any(|n| n.unique_code == sn && n.kind == "ProductionReport");
        if result.tree_list.is_empty() || !reached_sn {
            return Err(Error::internal(format!(
                "the {label} trace of {sn} did not find it"
            )));
        }
    }
    Ok(())
}

fn print_node(node: &TraceNode, depth: usize) {
    let via = match (&node.from, node.id) {
        (Some(from), Some(id)) => format!("  ({from} #{id})"),
        _ => String::new(),
    };
    println!(
        "{:indent$}{:<20} {:<26} step {}{via}",
        "",
        node.kind,
        node.unique_code,
        node.step_code,
        indent = depth * 2
    );
    for child in &node.children {
        print_node(child, depth + 1);
    }
}
