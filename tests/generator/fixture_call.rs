//! The fixture call's generated Rust method, called against the stub server.

#[tokio::test]
async fn the_generated_method_of_the_new_row_calls_the_stub() {
    let url = std::env::var("MESLINK_FIXTURE_URL").expect("MESLINK_FIXTURE_URL");
    let config = format!(r#"{{"grading": {{"base_url": "{url}", "datasource": "FIX"}}}}"#);
    let client = meslink::Client::from_json(&config).unwrap();
    let answer = client
        .grading_fixture_echo("RUST-1")
        .capacity_mah(3.5)
        .await
        .unwrap();
    assert_eq!(answer["resBody"]["cellCode"], "RUST-1");
    assert_eq!(answer["resBody"]["capacityMah"], 3.5);
}
