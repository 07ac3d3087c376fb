//! Grading cabinet MES API (seed document 001) as served by the simulator.

mod common;

use common::*;
use serde_json::{json, Value};

#[tokio::test]
async fn save_ok() {
    let sim = start().await;
    let body = grading_body("0AVCC26111121G95L0100500", 3.65);
    let resp = post(&sim, "/api/pick/volumeCollectData/save")
        .header("x-request-datasource", "FD01")
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    assert_eq!(
        resp.text().await.unwrap().parse::<Value>().unwrap(),
        json!({"state": 1, "msg": "保存成功", "resBody": []})
    );
    let state = sim.state();
    assert_eq!(
        state.grading_record("FD01", "0AVCC26111121G95L0100500"),
        Some(body)
    );
    assert_eq!(
        state.grading_record("OTHER", "0AVCC26111121G95L0100500"),
        None
    );
    assert_eq!(state.grading_record_count(), 1);
    assert_eq!(state.grading_save_count(), 1);
    assert_eq!(state.request_count("grading.save"), 1);
}

#[tokio::test]
async fn newest_record_per_barcode_and_datasource() {
    let sim = start().await;
    for (ds, barcode, v) in [
        ("FD01", "B1", 3.1),
        ("FD01", "B1", 3.2),
        ("FD01", "B2", 3.3),
        ("FD02", "B1", 3.4),
    ] {
        let (status, body) = grading_save(&sim, Some(ds), &grading_body(barcode, v)).await;
        assert_eq!(status, 200);
        assert_eq!(body["state"], 1);
    }
    let state = sim.state();
    assert_eq!(state.grading_record("FD01", "B1").unwrap()["voltage"], 3.2);
    assert_eq!(state.grading_record("FD01", "B2").unwrap()["voltage"], 3.3);
    assert_eq!(state.grading_record("FD02", "B1").unwrap()["voltage"], 3.4);
    assert_eq!(state.grading_record_count(), 3);
    assert_eq!(state.grading_save_count(), 4);
}

#[tokio::test]
async fn missing_required_fields() {
    let sim = start().await;
    for (key, name) in [
        ("batteryStation", "电池工位"),
        ("deviceCode", "设备编码"),
        ("barcode", "电芯条码"),
        ("testTime", "测试时间"),
        ("workStep", "工步"),
    ] {
        let mut body = grading_body("B1", 3.2);
        body.as_object_mut().unwrap().remove(key);
        let (status, resp) = grading_save(&sim, Some("FD01"), &body).await;
        assert_eq!(status, 200);
        assert_eq!(
            resp,
            json!({"state": -1, "msg": format!("{name}不能为空"), "resBody": null})
        );
        body[key] = json!("");
        let (_, resp) = grading_save(&sim, Some("FD01"), &body).await;
        assert_eq!(resp["msg"], format!("{name}不能为空"));
    }
    assert_eq!(sim.state().grading_save_count(), 0);
    assert_eq!(sim.state().request_count("grading.save"), 10);
}

#[tokio::test]
async fn missing_or_empty_datasource_header() {
    let sim = start().await;
    let expected = json!({"state": -1, "msg": "x-request-datasource 不能为空", "resBody": null});
    let (status, resp) = grading_save(&sim, None, &grading_body("B1", 3.2)).await;
    assert_eq!((status, resp), (200, expected.clone()));
    let (_, resp) = grading_save(&sim, Some(""), &grading_body("B1", 3.2)).await;
    assert_eq!(resp, expected);
    assert_eq!(sim.state().grading_record_count(), 0);
}

#[tokio::test]
async fn bad_time_numbers_and_json() {
    let sim = start().await;
    let mut body = grading_body("B1", 3.2);
    body["testTime"] = json!("2024/05/06 07:08:09");
    let (_, resp) = grading_save(&sim, Some("FD01"), &body).await;
    assert_eq!(resp["state"], -1);
    assert_eq!(resp["msg"], "测试时间格式错误，应为 yyyy-MM-dd HH:mm:ss");

    for (key, name) in [
        ("voltage", "电压"),
        ("electricity", "电流"),
        ("volume", "容量"),
        ("energy", "能量"),
    ] {
        let mut body = grading_body("B1", 3.2);
        body[key] = json!("n/a");
        let (_, resp) = grading_save(&sim, Some("FD01"), &body).await;
        assert_eq!(
            resp,
            json!({"state": -1, "msg": format!("{name}必须为数值"), "resBody": null})
        );
    }

    // Optional numbers may be absent.
    let mut body = grading_body("B1", 3.2);
    for key in ["voltage", "electricity", "volume", "energy"] {
        body.as_object_mut().unwrap().remove(key);
    }
    let (_, resp) = grading_save(&sim, Some("FD01"), &body).await;
    assert_eq!(resp["state"], 1);

    let resp = post(&sim, "/api/pick/volumeCollectData/save")
        .header("x-request-datasource", "FD01")
        .header("Content-Type", "application/json")
        .body("{not json")
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    assert_eq!(
        resp.json::<Value>().await.unwrap(),
        json!({"state": -1, "msg": "请求体不是有效的 JSON", "resBody": null})
    );
    assert_eq!(sim.state().grading_save_count(), 1);
}
