//! The demo's signed forward and reverse trace of a serial number it uploaded.

use std::process::Command;

#[test]
fn demo_traces_an_uploaded_serial_number_both_ways() {
    let out = Command::new(env!("CARGO_BIN_EXE_meslink"))
        .arg("demo")
        .output()
        .expect("meslink runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{text}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let forward = text
        .find("forward trace of BZK615KM900001Z")
        .expect("forward trace");
    let reverse = text
        .find("reverse trace of BZK615KM900001Z")
        .expect("reverse trace");
    let (fwd, rev) = (&text[forward..reverse], &text[reverse..]);
    assert!(fwd.contains("ProductionReport     1037020032"), "{text}");
    assert!(
        fwd.contains("MaterialConsumption  0AVCC26111121G95L0100000"),
        "{text}"
    );
    assert!(
        rev.contains("ProductionReport     BZK615KM900001Z"),
        "{text}"
    );
}
