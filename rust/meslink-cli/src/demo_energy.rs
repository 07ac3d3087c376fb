//! The demo's energy part: the platform's meters (every page) and yesterday-to-now
//! consumption by energy kind, through the named methods.

use meslink::models::{AmountType, TimeType};
use meslink::{Client, Error};
use meslink_sim::Sim;
use serde_json::{json, Value};

pub fn run(sim: &Sim) -> Result<(), Error> {
    let client = Client::from_json(
        &json!({"energy": {"base_url": sim.base_url(), "username": "admin", "password": "admin123"}})
            .to_string(),
    )?;
    let energy = client.energy();
    let meters =
        meslink::runtime::block_on(client.energy_all_pages("energy.meters.list", json!({}), 2))??;
    println!(
        "\nenergy: {} meters on the platform (walked 2 a page): {}",
        meters.len(),
        meters
            .iter()
            .filter_map(|m| m["Meter_Name"].as_str())
            .collect::<Vec<_>>()
            .join(", ")
    );
    let now = chrono::Local::now().naive_local();
    let since = now - chrono::Duration::days(1);
    let total = meslink::runtime::block_on(energy.consumption().total(
        TimeType::Day,
        since.date().and_hms_opt(0, 0, 0).unwrap_or(since),
        now,
        AmountType::ByMeterType,
    ))??;
    println!("  consumption since yesterday, by energy kind:");
    for row in total["Data"].as_array().into_iter().flatten() {
        println!(
            "    {:>10}  {}",
            text(&row["Total_Amount"]),
            row["Ene_Name"].as_str().unwrap_or("?")
        );
    }
    meslink::runtime::block_on(client.close())?;
    if meters.is_empty() {
        return Err(Error::internal("the energy platform listed no meters"));
    }
    Ok(())
}

fn text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}
