//! The server's time zone (`"time_zone"` of a section): a station whose zone is UTC sends
//! `2024-06-03T16:00:00+08:00` to a server configured `"+08:00"` (or `"Asia/Shanghai"`)
//! and the server receives `2024-06-03 16:00:00`; Unix seconds are converted to the
//! server's zone; a naive date-time is taken as already in it; without `time_zone` the
//! station's zone applies (UTC here: `08:00:00`). Through the generic call, the typed
//! method, the batch call and the spool.
//!
//! One test function: it sets `TZ` for the whole process.

mod common;

use meslink::{Client, ClientConfig, GradingRecord};
use serde_json::{json, Value};
use std::time::Duration;

fn config(base: &str, zone: Option<&str>, spool: Option<&std::path::Path>) -> ClientConfig {
    let mut grading = json!({"base_url": base, "datasource": "MES01"});
    if let Some(z) = zone {
        grading["time_zone"] = json!(z);
    }
    let mut c = json!({"grading": grading, "retry": {"max_attempts": 2, "initial_backoff_ms": 10, "max_backoff_ms": 20}});
    if let Some(p) = spool {
        c["spool"] = json!({"path": p});
    }
    ClientConfig::from_json(&c.to_string()).unwrap()
}

fn cell(barcode: &str, test_time: Value) -> Value {
    json!({"batteryStation": "ST01", "deviceCode": "FR-07", "barcode": barcode,
           "testTime": test_time, "workStep": "分容"})
}

#[test]
fn dates_in_the_servers_zone_from_a_utc_station() {
    // Before anything reads the local zone.
    std::env::set_var("TZ", "UTC");
    assert_eq!(
        chrono::Local::now().offset().local_minus_utc(),
        0,
        "the process's zone is UTC"
    );
    let rt = tokio::runtime::Runtime::new().unwrap();
    let sim = rt.block_on(common::sim());
    let base = sim.base_url();
    let stored = |barcode: &str| {
        sim.state()
            .grading_record("MES01", barcode)
            .unwrap_or_else(|| panic!("{barcode} not stored"))["testTime"]
            .clone()
    };

    for zone in ["+08:00", "Asia/Shanghai"] {
        let c = Client::new(config(&base, Some(zone), None)).unwrap();
        let tag = if zone.starts_with('+') { "F" } else { "N" };
        let run = |barcode: String, t: Value| {
            rt.block_on(c.call("grading.save", cell(&barcode, t)))
                .unwrap();
            stored(&barcode)
        };
        // An offset: converted to the server's zone.
        assert_eq!(
            run(format!("TZ-{tag}-1"), json!("2024-06-03T16:00:00+08:00")),
            "2024-06-03 16:00:00",
            "{zone}"
        );
        assert_eq!(
            run(format!("TZ-{tag}-2"), json!("2024-06-03T08:00:00Z")),
            "2024-06-03 16:00:00",
            "{zone}"
        );
        // Unix seconds (2024-06-03 08:00:00 UTC): converted to the server's zone.
        assert_eq!(
            run(format!("TZ-{tag}-3"), json!(1_717_401_600)),
            "2024-06-03 16:00:00",
            "{zone}"
        );
        // Naive: already the server's time.
        assert_eq!(
            run(format!("TZ-{tag}-4"), json!("2024-06-03T16:00:00")),
            "2024-06-03 16:00:00",
            "{zone}"
        );
    }

    // The typed method, the batch call and the spool take the same path.
    let dir = std::env::temp_dir().join(format!("meslink-tz-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let c = Client::new(config(&base, Some("+08:00"), Some(&dir.join("spool.db")))).unwrap();
    let t = chrono::DateTime::parse_from_rfc3339("2024-06-03T16:00:00+08:00").unwrap();
    let record = GradingRecord {
        battery_station: "ST01".into(),
        device_code: "FR-07".into(),
        barcode: "TZ-TYPED".into(),
        test_time: t.into(),
        work_step: "W1".into(),
        voltage: None,
        electricity: None,
        volume: None,
        energy: None,
    };
    rt.block_on(c.grading_save(&record)).unwrap();
    assert_eq!(stored("TZ-TYPED"), "2024-06-03 16:00:00");
    let answers = rt.block_on(c.call_batch(
        "grading.save",
        vec![cell("TZ-BATCH", json!("2024-06-03T16:00:00+08:00"))],
        1,
    ));
    assert!(answers[0].is_ok(), "{answers:?}");
    assert_eq!(stored("TZ-BATCH"), "2024-06-03 16:00:00");
    let spool = c.spool().unwrap();
    spool
        .enqueue(
            "grading.save",
            cell("TZ-SPOOL", json!("2024-06-03T16:00:00+08:00")),
        )
        .unwrap();
    assert!(rt.block_on(spool.drain(Duration::from_secs(10))).unwrap());
    assert_eq!(stored("TZ-SPOOL"), "2024-06-03 16:00:00");
    rt.block_on(c.close());
    drop(c);
    let _ = std::fs::remove_dir_all(&dir);

    // Without time_zone: the station's zone, UTC here (today's behaviour).
    let c = Client::new(config(&base, None, None)).unwrap();
    rt.block_on(c.call(
        "grading.save",
        cell("TZ-LOCAL", json!("2024-06-03T16:00:00+08:00")),
    ))
    .unwrap();
    assert_eq!(stored("TZ-LOCAL"), "2024-06-03 08:00:00");

    // A zone that is neither: refused with the reason.
    let e = ClientConfig::from_json(
        &json!({"grading": {"base_url": base, "datasource": "MES01", "time_zone": "China"}})
            .to_string(),
    )
    .unwrap_err();
    assert!(e.message.contains("IANA"), "{e}");
}
