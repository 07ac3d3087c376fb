//! Energy-management platform (seed document 004) as served by the simulator.

mod common;

use common::*;
use meslink_sim::{EnergySimConfig, EnergySimUser, Sim, SimConfig};
use serde_json::{json, Value};

const ADMIN: &str = "admin";

thread_local! {
    /// One client per test (each test runs on its own thread and runtime): building a
    /// client loads the system's root certificates, too slow to repeat per request.
    static HTTP: reqwest::Client = reqwest::Client::builder()
        .timeout(std::time::Duration::from_secs(10))
        .build()
        .unwrap();
}

fn http() -> reqwest::Client {
    HTTP.with(reqwest::Client::clone)
}
const ADMIN_PASSWORD: &str = "admin123";

/// One request: GET parameters in the query string, others as a JSON body.
async fn send(
    sim: &Sim,
    cookie: Option<&str>,
    method: &str,
    path: &str,
    params: &Value,
) -> (reqwest::header::HeaderMap, Value) {
    let url = format!("{}{path}", sim.base_url());
    let client = http();
    let mut req = match method {
        "GET" => {
            let pairs: Vec<(String, String)> = params
                .as_object()
                .map(|m| {
                    m.iter()
                        .map(|(k, v)| {
                            (
                                k.clone(),
                                v.as_str().map_or_else(|| v.to_string(), str::to_string),
                            )
                        })
                        .collect()
                })
                .unwrap_or_default();
            client.get(&url).query(&pairs)
        }
        "POST" => client.post(&url).json(params),
        "PUT" => client.put(&url).json(params),
        "DELETE" => client.delete(&url).json(params),
        other => panic!("unknown method {other}"),
    };
    if let Some(c) = cookie {
        req = req.header("Cookie", format!("session={c}"));
    }
    let resp = req.send().await.unwrap();
    assert_eq!(resp.status(), 200, "{method} {path}");
    let headers = resp.headers().clone();
    (headers, resp.json().await.unwrap())
}

async fn call(sim: &Sim, cookie: &str, method: &str, path: &str, params: Value) -> Value {
    send(sim, Some(cookie), method, path, &params).await.1
}

/// Logs in as the default user; returns the session cookie's value.
async fn login(sim: &Sim) -> String {
    let (headers, body) = send(
        sim,
        None,
        "POST",
        "/api/auth",
        &json!({"Usr_Name": ADMIN, "Usr_Password": ADMIN_PASSWORD}),
    )
    .await;
    assert_eq!(body["Err_No"], "0", "{body}");
    let cookie = headers["set-cookie"].to_str().unwrap().to_string();
    let value = cookie
        .strip_prefix("session=")
        .and_then(|c| c.split(';').next())
        .expect("session cookie")
        .to_string();
    assert!(!value.is_empty());
    value
}

fn ok(body: &Value) {
    assert_eq!(body["Err_No"], "0", "{body}");
    assert_eq!(body["Err_Msg"], "ok", "{body}");
}

fn err(body: &Value, code: &str, msg: &str) {
    assert_eq!(body["Err_No"], code, "{body}");
    assert_eq!(body["Err_Msg"], msg, "{body}");
}

#[tokio::test]
async fn login_sets_cookie_and_calls_need_a_session() {
    let sim = start().await;
    let (_, body) = send(&sim, None, "GET", "/api_3/meters", &json!({})).await;
    err(&body, "4101", "用户未登录");
    let (_, body) = send(&sim, Some("forged"), "GET", "/api_3/meters", &json!({})).await;
    err(&body, "4101", "用户未登录");

    let (_, body) = send(
        &sim,
        None,
        "POST",
        "/api/auth",
        &json!({"Usr_Name": ADMIN, "Usr_Password": "wrong"}),
    )
    .await;
    err(&body, "4106", "密码错误");
    let (_, body) = send(
        &sim,
        None,
        "POST",
        "/api/auth",
        &json!({"Usr_Name": "nobody", "Usr_Password": "x"}),
    )
    .await;
    err(&body, "4104", "用户不存在");
    let (_, body) = send(&sim, None, "POST", "/api/auth", &json!({"Usr_Name": ADMIN})).await;
    err(&body, "4103", "参数错误");
    assert_eq!(sim.state().energy_login_count(), 0);

    let (headers, body) = send(
        &sim,
        None,
        "POST",
        "/api/auth",
        &json!({"Usr_Name": ADMIN, "Usr_Password": ADMIN_PASSWORD}),
    )
    .await;
    ok(&body);
    assert_eq!(body["Data"], json!({"Usr_Name": "admin", "Usr_ID": "1"}));
    let set_cookie = headers["set-cookie"].to_str().unwrap();
    assert!(set_cookie.starts_with("session="), "{set_cookie}");
    assert!(
        set_cookie.contains("HttpOnly") && set_cookie.contains("Path=/"),
        "{set_cookie}"
    );
    let cookie = set_cookie["session=".len()..]
        .split(';')
        .next()
        .unwrap()
        .to_string();

    let body = call(&sim, &cookie, "GET", "/api_3/meters", json!({})).await;
    ok(&body);
    assert_eq!(body["Total_Numbers"], 5);
    let state = sim.state();
    assert_eq!(state.energy_login_count(), 1);
    assert_eq!(state.energy_session_count(), 1);

    // The knob, through the control API.
    let resp = post(&sim, "/_sim/energy/expire_sessions")
        .send()
        .await
        .unwrap();
    assert_eq!(resp.json::<Value>().await.unwrap()["expired"], 1);
    err(
        &call(&sim, &cookie, "GET", "/api_3/meters", json!({})).await,
        "4101",
        "用户未登录",
    );

    let cookie = login(&sim).await;
    ok(&call(&sim, &cookie, "GET", "/api/users", json!({})).await);
    let body = call(&sim, &cookie, "DELETE", "/api/auth", json!({})).await;
    ok(&body);
    err(
        &call(&sim, &cookie, "GET", "/api/users", json!({})).await,
        "4101",
        "用户未登录",
    );
    assert_eq!(state.energy_logout_count(), 1);
    let snapshot = state.snapshot();
    assert_eq!(snapshot["energy"]["login_count"], 2);
    assert_eq!(snapshot["energy"]["logout_count"], 1);
    assert_eq!(snapshot["energy"]["session_count"], 0);
    // Passwords and session values stay out of the snapshot.
    let text = snapshot.to_string();
    assert!(!text.contains(ADMIN_PASSWORD) && !text.contains(&cookie));
    assert_eq!(state.request_count("energy.auth.login"), 5);
    assert_eq!(state.request_count("energy.meters.list"), 4);
}

#[tokio::test]
async fn registered_users_log_in_and_update() {
    let sim = start().await;
    let cookie = login(&sim).await;
    let body = call(
        &sim,
        &cookie,
        "POST",
        "/api/users",
        json!({"Usr_Name": "op1", "Usr_Password": "pw1", "Usr_Email": "op1@example.com"}),
    )
    .await;
    ok(&body);
    let id = body["Data"]["id"].as_i64().unwrap();
    err(
        &call(
            &sim,
            &cookie,
            "POST",
            "/api/users",
            json!({"Usr_Name": "op1", "Usr_Password": "pw", "Usr_Email": "x@example.com"}),
        )
        .await,
        "4003",
        "数据已存在",
    );
    let (_, body) = send(
        &sim,
        None,
        "POST",
        "/api/auth",
        &json!({"Usr_Name": "op1", "Usr_Password": "pw1"}),
    )
    .await;
    ok(&body);
    assert_eq!(body["Data"]["Usr_ID"], id.to_string());
    ok(&call(
        &sim,
        &cookie,
        "PUT",
        "/api/users",
        json!({"id": id, "Usr_Name": "op1", "Usr_Email": "new@example.com", "Usr_City": "常州市"}),
    )
    .await);
    let body = call(&sim, &cookie, "GET", "/api/users", json!({"id": id})).await;
    ok(&body);
    assert_eq!(body["Data"]["Usr_Email"], "new@example.com");
    assert_eq!(body["Data"]["Usr_City"], "常州市");
    assert!(body["Data"].get("Usr_Password").is_none());
    err(
        &call(
            &sim,
            &cookie,
            "PUT",
            "/api/users",
            json!({"id": 999, "Usr_Name": "x", "Usr_Email": "x"}),
        )
        .await,
        "4002",
        "无数据",
    );
}

#[tokio::test]
async fn meters_crud_round_trip_with_pagination() {
    let sim = start().await;
    let cookie = login(&sim).await;
    let body = call(&sim, &cookie, "POST", "/api_3/metersuperiors", json!({"Meter_Superior": "烘干机", "Meter_Department": "西车间", "equipmentCode": "03", "equipmentUnitCode": "0003"})).await;
    ok(&body);
    let machine = body["Data"]["id"].as_i64().unwrap();

    let mut ids = Vec::new();
    for i in 0..12 {
        let body = call(&sim, &cookie, "POST", "/api_3/meters", json!({"Meter_Name": format!("烘干电表{i:02}"), "Meter_Type": "0", "Meter_Superior_id": machine.to_string()})).await;
        ok(&body);
        ids.push(body["Data"]["id"].as_i64().unwrap());
    }
    assert_eq!(sim.state().energy_record_count("meters"), 17);

    let page = |n: i64| json!({"Meter_Superior": "烘干机", "Per_Page_Counts": 5, "Page_Counts": n});
    let body = call(&sim, &cookie, "GET", "/api_3/meters", page(3)).await;
    ok(&body);
    assert_eq!(body["Total_Numbers"], 12);
    let rows = body["Data"].as_array().unwrap();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0]["Meter_Name"], "烘干电表10");
    assert_eq!(rows[0]["Meter_Department"], "西车间");
    assert_eq!(rows[0]["Meter_IsVirtual"], "0");
    assert_eq!(rows[0]["Is_HandWork"], 0);
    let first = call(&sim, &cookie, "GET", "/api_3/meters", page(1)).await;
    assert_eq!(first["Data"].as_array().unwrap().len(), 5);
    assert_eq!(
        first["Data"],
        call(&sim, &cookie, "GET", "/api_3/meters", page(0)).await["Data"]
    );
    let beyond = call(&sim, &cookie, "GET", "/api_3/meters", page(4)).await;
    assert_eq!(
        (beyond["Data"].clone(), beyond["Total_Numbers"].clone()),
        (json!([]), json!(12))
    );

    let id = ids[0];
    ok(&call(&sim, &cookie, "PUT", "/api_3/meters", json!({"id": id, "Meter_Name": "烘干主电表", "Meter_Type": "0", "Meter_Superior_id": machine, "Meter_IsCount": "1"})).await);
    let body = call(&sim, &cookie, "GET", "/api_3/meters", json!({"id": id})).await;
    assert_eq!(body["Total_Numbers"], 1);
    assert_eq!(body["Data"][0]["Meter_Name"], "烘干主电表");
    assert_eq!(body["Data"][0]["Meter_IsCount"], "1");
    let counted = call(
        &sim,
        &cookie,
        "GET",
        "/api_3/meters",
        json!({"Meter_IsCount": 1, "Meter_Superior": "烘干机"}),
    )
    .await;
    assert_eq!(counted["Total_Numbers"], 1);

    ok(&call(&sim, &cookie, "DELETE", "/api_3/meters", json!({"id": id})).await);
    let body = call(&sim, &cookie, "GET", "/api_3/meters", json!({"id": id})).await;
    assert_eq!(
        (body["Data"].clone(), body["Total_Numbers"].clone()),
        (json!([]), json!(0))
    );
    err(
        &call(&sim, &cookie, "DELETE", "/api_3/meters", json!({"id": id})).await,
        "4002",
        "无数据",
    );
    err(
        &call(
            &sim,
            &cookie,
            "PUT",
            "/api_3/meters",
            json!({"id": id, "Meter_Name": "x", "Meter_Type": "0", "Meter_Superior_id": machine}),
        )
        .await,
        "4002",
        "无数据",
    );
    err(
        &call(
            &sim,
            &cookie,
            "POST",
            "/api_3/meters",
            json!({"Meter_Name": "烘干电表01", "Meter_Type": "0", "Meter_Superior_id": machine}),
        )
        .await,
        "4003",
        "数据已存在",
    );
    err(
        &call(
            &sim,
            &cookie,
            "POST",
            "/api_3/meters",
            json!({"Meter_Name": "孤儿表", "Meter_Type": "0", "Meter_Superior_id": 999}),
        )
        .await,
        "4004",
        "数据错误",
    );
    assert_eq!(sim.state().energy_record_count("meters"), 16);
    assert_eq!(sim.state().request_count("energy.meters.create"), 14);
}

#[tokio::test]
async fn parameter_errors_change_nothing() {
    let sim = start().await;
    let cookie = login(&sim).await;
    let before = sim.state().energy_record_count("meters");
    for params in [
        json!({"Meter_Type": "0", "Meter_Superior_id": 1}),
        json!({"Meter_Name": "x", "Meter_Type": "0", "Meter_Superior_id": "abc"}),
        json!({"Meter_Name": "x", "Meter_Type": "0", "Meter_Superior_id": 1, "Is_HandWork": "yes"}),
        json!({"Meter_Name": "", "Meter_Type": "0", "Meter_Superior_id": 1}),
    ] {
        err(
            &call(&sim, &cookie, "POST", "/api_3/meters", params).await,
            "4103",
            "参数错误",
        );
    }
    assert_eq!(sim.state().energy_record_count("meters"), before);
    err(
        &call(&sim, &cookie, "DELETE", "/api_3/meters", json!({})).await,
        "4103",
        "参数错误",
    );
    err(
        &call(
            &sim,
            &cookie,
            "GET",
            "/api_3/meters",
            json!({"Per_Page_Counts": "ten"}),
        )
        .await,
        "4103",
        "参数错误",
    );
    err(
        &call(&sim, &cookie, "GET", "/api_3/allenergy", json!({"Time_Type": "9", "Time_Start": "2024-01-01 00:00:00", "Time_End": "2024-01-02 00:00:00", "Amount_Type": "1"})).await,
        "4103",
        "参数错误",
    );
    err(
        &call(&sim, &cookie, "GET", "/api_3/allenergy", json!({"Time_Type": "3", "Time_Start": "2024/01/01", "Time_End": "2024-01-02 00:00:00", "Amount_Type": "1"})).await,
        "4103",
        "参数错误",
    );
    err(&call(&sim, &cookie, "POST", "/api_3/alarm_status", json!({"Alarm_Name": "a", "Alarm_Type": 1, "Alarm_Level": 4, "Alarm_Notify": 1, "Notify_Address": ""})).await, "4103", "参数错误");
    err(&call(&sim, &cookie, "PUT", "/api_3/personalise", json!({"Year_Start": "13", "Year_End": "1", "Month_Start": "1", "Month_End": "1", "Day_Start": "07:30:00", "Day_End": "07:30:00"})).await, "4103", "参数错误");
    let resp = http()
        .post(format!("{}/api_3/products", sim.base_url()))
        .header("Cookie", format!("session={cookie}"))
        .header("Content-Type", "application/json")
        .body("{not json")
        .send()
        .await
        .unwrap();
    err(&resp.json::<Value>().await.unwrap(), "4103", "参数错误");
    assert_eq!(sim.state().energy_record_count("products"), 2);
}

/// A `multipart/form-data` body with one text part and one file part.
fn image_upload(machine: &str, file_field: &str, bytes: &[u8]) -> (String, Vec<u8>) {
    let boundary = "----meslinkEnergyBoundary7MA4YWxk";
    let mut body = Vec::new();
    body.extend_from_slice(format!("--{boundary}\r\nContent-Disposition: form-data; name=\"Meter_Superior_id\"\r\n\r\n{machine}\r\n").as_bytes());
    body.extend_from_slice(
        format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{file_field}\"; filename=\"dyer.png\"\r\nContent-Type: image/png\r\n\r\n").as_bytes(),
    );
    body.extend_from_slice(bytes);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

async fn upload(sim: &Sim, cookie: &str, machine: &str, file_field: &str, bytes: &[u8]) -> Value {
    let (content_type, body) = image_upload(machine, file_field, bytes);
    http()
        .post(format!("{}/api_3/metersuperior_image", sim.base_url()))
        .header("Cookie", format!("session={cookie}"))
        .header("Content-Type", content_type)
        .body(body)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap()
}

#[tokio::test]
async fn machine_image_upload_stores_the_size() {
    let sim = start().await;
    let cookie = login(&sim).await;
    let image: Vec<u8> = (0..1234u32).map(|i| (i % 251) as u8).collect();
    let body = upload(&sim, &cookie, "2", "Machine_Image", &image).await;
    ok(&body);
    assert_eq!(body["Data"]["Size"], 1234);
    assert_eq!(sim.state().energy_image_size(2), Some(1234));
    let machine = call(
        &sim,
        &cookie,
        "GET",
        "/api_3/metersuperiors",
        json!({"id": 2}),
    )
    .await;
    assert_eq!(
        machine["Data"][0]["Machine_Image_Url"],
        body["Data"]["Machine_Image_Url"]
    );
    assert!(machine["Data"][0]["Machine_Image_Url"]
        .as_str()
        .unwrap()
        .ends_with("dyer.png"));

    err(
        &upload(&sim, &cookie, "2", "Other_Field", &image).await,
        "4103",
        "参数错误",
    );
    err(
        &upload(&sim, &cookie, "999", "Machine_Image", &image).await,
        "4002",
        "无数据",
    );
    err(
        &upload(&sim, "stale", "2", "Machine_Image", &image).await,
        "4101",
        "用户未登录",
    );
    assert_eq!(sim.state().energy_image_size(999), None);
    assert_eq!(sim.state().request_count("energy.machines.upload_image"), 4);
}

fn f(v: &Value) -> f64 {
    v.as_str()
        .map_or_else(|| v.as_f64().unwrap(), |s| s.parse().unwrap())
}

#[tokio::test]
async fn statistics_follow_the_stored_data() {
    let sim = start().await;
    let c = login(&sim).await;
    let day = json!({"Time_Type": "3", "Time_Start": "2024-03-01 00:00:00", "Time_End": "2024-03-02 00:00:00"});
    let with = |extra: Value| {
        let mut p = day.clone();
        p.as_object_mut()
            .unwrap()
            .extend(extra.as_object().unwrap().clone());
        p
    };

    // Consumption: the day's total is the sum of the hourly detail.
    let total = call(
        &sim,
        &c,
        "GET",
        "/api_3/allenergy",
        with(json!({"Amount_Type": "2", "Amount_SortName": "染色机电表"})),
    )
    .await;
    ok(&total);
    assert_eq!(total["Data"].as_array().unwrap().len(), 1);
    assert_eq!(total["Data"][0]["Ene_Name"], "电");
    let detail = call(
        &sim,
        &c,
        "GET",
        "/api_3/detailenergy",
        with(json!({"Amount_Type": "2", "Amount_SortName": "染色机电表"})),
    )
    .await;
    let rows = detail["Data"].as_array().unwrap();
    assert_eq!(rows.len(), 24);
    let sum: f64 = rows.iter().map(|r| f(&r["Total_Amount"])).sum();
    assert!(
        (sum - f(&total["Data"][0]["Total_Amount"])).abs() < 0.05,
        "{sum} vs {total}"
    );
    let report = call(
        &sim,
        &c,
        "POST",
        "/api_3/form_detailenergy",
        with(json!({"Amount_Type": "2", "Amount_SortName": "染色机电表"})),
    )
    .await;
    let shifts = &report["Data"][0]["Shift_Amounts"];
    assert!((f(&shifts[0]["Shift_Amount"]) + f(&shifts[1]["Shift_Amount"]) - sum).abs() < 0.05);

    // Hand-filled meter: its consumption is what was reported, and the report was uploaded.
    for (time, amount) in [
        ("2024-03-01 09:00:00", "12.5"),
        ("2024-03-01 21:00:00", "7.5"),
        ("2024-03-05 09:00:00", "100"),
    ] {
        ok(&call(
            &sim,
            &c,
            "POST",
            "/api_3/PRP_manual_energy_measure_datas",
            json!({"Meter_id": 5, "Date_Time": time, "Date_Type": "3", "Data_Amount": amount}),
        )
        .await);
    }
    let steam = call(
        &sim,
        &c,
        "GET",
        "/api_3/allenergy",
        with(json!({"Amount_Type": "2", "Amount_SortName": "蒸汽手工表"})),
    )
    .await;
    assert_eq!(steam["Data"][0]["Total_Amount"], "20.00");
    let uploads = call(
        &sim,
        &c,
        "GET",
        "/api_3/PRP_uploaded_energy_measure_datas",
        json!({"Time_Start": "2000-01-01 00:00:00", "Time_End": "2099-01-01 00:00:00"}),
    )
    .await;
    assert_eq!(uploads["Total_Numbers"], 3);
    assert_eq!(uploads["Data"][0]["Original_Data"]["Meter_id"], 5);

    // Output statistics sum the stored output.
    let batch = call(&sim, &c, "POST", "/api_3/productsBatch", json!({"Production_Batch": "B-T1", "Time_Start": "2024-03-01 00:00:00", "Time_End": "2024-03-01 23:59:59"})).await["Data"]["id"].clone();
    for amount in [100, 250] {
        ok(&call(&sim, &c, "POST", "/api_3/product_output", json!({"Product_id": 1, "Total_Amount": amount, "Meter_Superior_id": 2, "Time_Start": "2024-03-01 08:00:00", "Time_End": "2024-03-01 12:00:00", "ProductBatch_id": batch})).await);
    }
    let stats = call(
        &sim,
        &c,
        "GET",
        "/api_3/product_output_energy_statistic",
        with(json!({"Summary_Type": 1, "Return_Format": 1, "Amount_Type": 1})),
    )
    .await;
    ok(&stats);
    assert_eq!(
        stats["Data"],
        json!([{"Product_Name": "棉布", "Meter_Superior": "", "Time": "2024-03-01 00:00:00", "Total_Amount": 350}])
    );
    let batch_stats = call(
        &sim,
        &c,
        "GET",
        "/api_3/productsBatch_output_energy_statistic",
        json!({"Production_Batch": "B-T1", "Summary_Type": 3, "Amount_Type": 6}),
    )
    .await;
    assert_eq!(batch_stats["Data"][0]["Total_Amount"], json!(43.75));
    err(
        &call(
            &sim,
            &c,
            "GET",
            "/api_3/productsBatch_output_energy_statistic",
            json!({"Production_Batch": "B-T1", "Summary_Type": 3, "Amount_Type": 2}),
        )
        .await,
        "4103",
        "参数错误",
    );

    // Alarm counts agree with the alarm messages.
    let range = json!({"Time_Start": "2024-03-01 00:00:00", "Time_End": "2024-03-08 00:00:00"});
    let mut msg_params = range.clone();
    msg_params["Per_Page_Counts"] = json!(100);
    let messages = call(&sim, &c, "DELETE", "/api_3/alarm_message", msg_params).await;
    ok(&messages);
    assert_eq!(messages["Total_Numbers"], 14);
    let mut count_params = range.clone();
    count_params.as_object_mut().unwrap().extend(
        json!({"Time_Type": "2", "Statistic_Method": 1, "Return_Format": 1})
            .as_object()
            .unwrap()
            .clone(),
    );
    let counts = call(&sim, &c, "GET", "/api_3/alarm_statistic_nums", count_params).await;
    let by_level: Vec<i64> = counts["Data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["Total_Amount"].as_i64().unwrap())
        .collect();
    assert_eq!(by_level, vec![0, 7, 7]);

    // OEE: the status seconds of a day add up to the day.
    let oee = call(
        &sim,
        &c,
        "GET",
        "/api_3/OEE_statistic",
        with(json!({"Return_Format": 2, "Meter_Superior_id": 1})),
    )
    .await;
    ok(&oee);
    let seconds: i64 = oee["Data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["Total_Amount"].as_i64().unwrap())
        .sum();
    assert_eq!(seconds, 86_400);
    let year = call(&sim, &c, "GET", "/api_3/OEE_statistic", json!({"Time_Type": "2", "Time_Start": "2024-01-01 00:00:00", "Time_End": "2025-01-01 00:00:00", "Return_Format": 2, "Meter_Superior_id": 2})).await;
    let rows = year["Data"].as_array().unwrap();
    assert_eq!(rows.len(), 366 * 3);
    let seconds: i64 = rows
        .iter()
        .map(|r| r["Total_Amount"].as_i64().unwrap())
        .sum();
    assert_eq!(seconds, 366 * 86_400);
    let records = call(&sim, &c, "GET", "/api_3/OEE_statistic_records", json!({"Time_Start": "2024-03-01 00:00:00", "Time_End": "2024-03-01 12:00:00", "Meter_Superior_id": 1})).await;
    assert_eq!(records["Data"][0]["Time"], "2024-03-01 00:00:00");
    err(&call(&sim, &c, "GET", "/api_3/OEE_statistic_records", json!({"Time_Start": "2024-03-01 00:00:00", "Time_End": "2024-03-03 00:00:00", "Meter_Superior_id": 1})).await, "4103", "参数错误");
}

/// Every documented call: id, method, path (as in the document), and valid parameters.
/// `"$id"` stands for the id the last create on the same path answered.
fn documented_calls() -> Vec<(&'static str, &'static str, &'static str, Value)> {
    let day = |extra: Value| {
        let mut p = json!({"Time_Type": "3", "Time_Start": "2024-01-02 00:00:00", "Time_End": "2024-01-03 00:00:00"});
        p.as_object_mut()
            .unwrap()
            .extend(extra.as_object().unwrap().clone());
        p
    };
    let machine = json!({"Meter_Superior": "新机器", "Meter_Department": "新车间", "equipmentCode": "09", "equipmentUnitCode": "0009"});
    let meter = json!({"Meter_Name": "新电表", "Meter_Type": "0", "Meter_Superior_id": "1"});
    let alarm = json!({"Alarm_Name": "新报警", "Alarm_Type": 2, "Alarm_Level": 1, "Alarm_Notify": 3, "Notify_Address": "ops@example.com"});
    let alarm_rule = json!({"Rule_Name": "新规则", "Alarm_id": 1, "Meter_id": 1, "Meter_Parameter": "UB", "LowerLimit": 1.5, "UpperLimit": 9.5});
    let oee_rule = json!({"Rule_Name": "新OEE", "Status_Name": "运行", "Meter_id": 1, "Meter_Parameter": "IA", "LowerLimit": 1, "UpperLimit": 2, "Meter_Superior_id": "1"});
    let output = json!({"Product_id": 1, "Total_Amount": 10, "Meter_Superior_id": 1, "Time_Start": "2024-01-05 08:00:00", "Time_End": "2024-01-05 09:00:00", "ProductBatch_id": 1});
    let batch = json!({"Production_Batch": "B-NEW", "Time_Start": "2024-02-01 00:00:00", "Time_End": "2024-02-02 00:00:00"});
    let with_id = |v: &Value| {
        let mut v = v.clone();
        v["id"] = json!("$id");
        v
    };
    vec![
        (
            "energy.auth.login",
            "POST",
            "/api/auth",
            json!({"Usr_Name": ADMIN, "Usr_Password": ADMIN_PASSWORD}),
        ),
        (
            "energy.users.register",
            "POST",
            "/api/users",
            json!({"Usr_Name": "u2", "Usr_Password": "p2", "Usr_Email": "u2@example.com"}),
        ),
        (
            "energy.users.update",
            "PUT",
            "/api/users",
            json!({"id": "$id", "Usr_Name": "u2", "Usr_Email": "u2@example.org"}),
        ),
        ("energy.users.get", "GET", "/api/users", json!({})),
        (
            "energy.meters.create",
            "POST",
            "/api_3/meters",
            meter.clone(),
        ),
        (
            "energy.meters.update",
            "PUT",
            "/api_3/meters",
            with_id(&meter),
        ),
        (
            "energy.meters.list",
            "GET",
            "/api_3/meters",
            json!({"Meter_Type": "0", "Per_Page_Counts": 2, "Page_Counts": 1}),
        ),
        (
            "energy.meters.delete",
            "DELETE",
            "/api_3/meters",
            json!({"id": "$id"}),
        ),
        (
            "energy.machines.list",
            "GET",
            "/api_3/metersuperiors",
            json!({"Meter_Department": "东车间"}),
        ),
        (
            "energy.machines.create",
            "POST",
            "/api_3/metersuperiors",
            machine.clone(),
        ),
        (
            "energy.machines.update",
            "PUT",
            "/api_3/metersuperiors",
            with_id(&machine),
        ),
        (
            "energy.machines.delete",
            "DELETE",
            "/api_3/metersuperiors",
            json!({"id": "$id"}),
        ),
        (
            "energy.machines.upload_image",
            "MULTIPART",
            "/api_3/metersuperior_image",
            json!({}),
        ),
        (
            "energy.consumption.total",
            "GET",
            "/api_3/allenergy",
            day(json!({"Amount_Type": "3", "Amount_Combination": "2", "Amount_Value": "0,8"})),
        ),
        (
            "energy.consumption.detail",
            "GET",
            "/api_3/detailenergy",
            day(json!({"Amount_Type": "1", "Time_Interval": "120"})),
        ),
        (
            "energy.measure.query",
            "GET",
            "/api_3/measure",
            day(json!({"Meter_Name": "染色机电表", "Measure_Name": "UA,IA"})),
        ),
        (
            "energy.report.generate",
            "POST",
            "/api_3/report",
            day(json!({"Amount_Type": "4"})),
        ),
        (
            "energy.consumption.detail_report",
            "POST",
            "/api_3/form_detailenergy",
            day(json!({"Amount_Type": "4", "Amount_Combination": "2"})),
        ),
        (
            "energy.rate.update",
            "PUT",
            "/api_3/rate",
            json!({"id": 1, "Rate_Name": "工业电价", "Rate_Type": "0", "Rate_Value": "0.90", "isSegmentation": "1", "Rate_Unit": "元/千瓦时"}),
        ),
        ("energy.rate.get", "GET", "/api_3/rate", json!({})),
        (
            "energy.personalise.get",
            "GET",
            "/api_3/personalise",
            json!({}),
        ),
        (
            "energy.personalise.update",
            "PUT",
            "/api_3/personalise",
            json!({"Year_Start": "-1", "Year_End": "1", "Month_Start": "1", "Month_End": "1", "Day_Start": "-07:30:00", "Day_End": "07:30:00"}),
        ),
        (
            "energy.prp.base_infos",
            "GET",
            "/api_3/PRP_base_infos",
            json!({}),
        ),
        (
            "energy.prp.organization.upload",
            "PUT",
            "/api_3/PRP_organization_infos",
            json!({
                "collectItemConfig": [{"name": "全厂-电力", "Meter_id": 1, "Energy_Code": "023300", "dataUsageCode": "11", "inputType": "1", "statType": "1", "scope": 1}],
                "enterprise": {"name": "示例", "typeCode": "159", "industryCode": "C3120", "regionCode": "410481", "center": false, "jgzh": false, "energyConsumeLevel": 4, "latitude": 33.28, "longitude": 113.5, "phone": "0375-8111111"},
                "group": {"name": "集团"},
            }),
        ),
        (
            "energy.prp.organization.get",
            "GET",
            "/api_3/PRP_organization_infos",
            json!({}),
        ),
        (
            "energy.prp.version.get",
            "GET",
            "/api_3/PRP_version",
            json!({}),
        ),
        (
            "energy.prp.version.update",
            "POST",
            "/api_3/PRP_version",
            json!({"enterpriseCode": "91410000MA000000X", "region": "410481"}),
        ),
        (
            "energy.prp.manual_data.add",
            "POST",
            "/api_3/PRP_manual_energy_measure_datas",
            json!({"Meter_id": 5, "Date_Time": "2024-01-02 10:00:00", "Date_Type": "3", "Data_Amount": "3.5"}),
        ),
        (
            "energy.prp.uploaded_data.list",
            "GET",
            "/api_3/PRP_uploaded_energy_measure_datas",
            json!({"Time_Start": "2000-01-01 00:00:00", "Time_End": "2099-01-01 00:00:00"}),
        ),
        (
            "energy.prp.operation_result",
            "GET",
            "/api_3/PRP_operation_result",
            json!({"Operation_Type": 2}),
        ),
        (
            "energy.alarms.list",
            "GET",
            "/api_3/alarm_status",
            json!({"Per_Page_Counts": 10, "Page_Counts": 0}),
        ),
        (
            "energy.alarms.create",
            "POST",
            "/api_3/alarm_status",
            alarm.clone(),
        ),
        (
            "energy.alarms.update",
            "PUT",
            "/api_3/alarm_status",
            with_id(&alarm),
        ),
        (
            "energy.alarms.delete",
            "DELETE",
            "/api_3/alarm_status",
            json!({"id": "$id"}),
        ),
        (
            "energy.alarm_rules.list",
            "GET",
            "/api_3/alarm_status_rules",
            json!({"Alarm_id": "1"}),
        ),
        (
            "energy.alarm_rules.create",
            "POST",
            "/api_3/alarm_status_rules",
            alarm_rule.clone(),
        ),
        (
            "energy.alarm_rules.update",
            "PUT",
            "/api_3/alarm_status_rules",
            with_id(&alarm_rule),
        ),
        (
            "energy.alarm_rules.delete",
            "DELETE",
            "/api_3/alarm_status_rules",
            json!({"id": "$id"}),
        ),
        (
            "energy.alarm_messages.list",
            "DELETE",
            "/api_3/alarm_message",
            json!({"Time_Start": "2024-01-01 00:00:00", "Time_End": "2024-01-03 00:00:00", "Alarm_Level": 3}),
        ),
        (
            "energy.alarms.statistics",
            "GET",
            "/api_3/alarm_statistic_nums",
            day(json!({"Statistic_Method": 2, "Return_Format": 2})),
        ),
        (
            "energy.oee_rules.list",
            "GET",
            "/api_3/OEE_status_rules",
            json!({}),
        ),
        (
            "energy.oee_rules.create",
            "POST",
            "/api_3/OEE_status_rules",
            oee_rule.clone(),
        ),
        (
            "energy.oee_rules.update",
            "PUT",
            "/api_3/OEE_status_rules",
            with_id(&oee_rule),
        ),
        (
            "energy.oee_rules.delete",
            "DELETE",
            "/api_3/OEE_status_rules",
            json!({"id": "$id"}),
        ),
        (
            "energy.oee.records",
            "GET",
            "/api_3/OEE_statistic_records",
            json!({"Time_Start": "2024-01-02 00:00:00", "Time_End": "2024-01-03 00:00:00", "Meter_Superior_id": 1}),
        ),
        (
            "energy.oee.statistics",
            "GET",
            "/api_3/OEE_statistic",
            day(json!({"Return_Format": 1, "Meter_Superior_id": 1})),
        ),
        ("energy.products.list", "GET", "/api_3/products", json!({})),
        (
            "energy.products.create",
            "POST",
            "/api_3/products",
            json!({"Product_Name": "新产品", "Product_Unit": "件"}),
        ),
        (
            "energy.products.update",
            "PUT",
            "/api_3/products",
            json!({"id": "$id", "Product_Name": "新产品二", "Remarks": "改名"}),
        ),
        (
            "energy.products.delete",
            "DELETE",
            "/api_3/products",
            json!({"id": "$id"}),
        ),
        (
            "energy.product_output.list",
            "GET",
            "/api_3/product_output",
            json!({"Production_Batch": "B2024001", "Product_Name": "棉布"}),
        ),
        (
            "energy.product_output.create",
            "POST",
            "/api_3/product_output",
            output.clone(),
        ),
        (
            "energy.product_output.update",
            "PUT",
            "/api_3/product_output",
            with_id(&output),
        ),
        (
            "energy.product_output.delete",
            "DELETE",
            "/api_3/product_output",
            json!({"id": "$id"}),
        ),
        (
            "energy.product_output.statistics",
            "GET",
            "/api_3/product_output_energy_statistic",
            json!({"Time_Type": "2", "Time_Start": "2024-01-01 00:00:00", "Time_End": "2024-02-01 00:00:00", "Summary_Type": 0, "Return_Format": 1, "Amount_Type": 4, "Energy_Type": "0", "Is_Order": 1, "Order_Type": 2, "Limit": 5}),
        ),
        (
            "energy.batches.list",
            "GET",
            "/api_3/productsBatch",
            json!({}),
        ),
        (
            "energy.batches.create",
            "POST",
            "/api_3/productsBatch",
            batch.clone(),
        ),
        (
            "energy.batches.update",
            "PUT",
            "/api_3/productsBatch",
            with_id(&batch),
        ),
        (
            "energy.batches.delete",
            "DELETE",
            "/api_3/productsBatch",
            json!({"id": "$id"}),
        ),
        (
            "energy.batches.statistics",
            "GET",
            "/api_3/productsBatch_output_energy_statistic",
            json!({"Production_Batch": "B2024001", "Summary_Type": 1, "Amount_Type": 5}),
        ),
        (
            "energy.miniprogram.bind",
            "POST",
            "/api_3/xcx_info_bind",
            json!({"code": "081abc", "encryptedData": "ZW5j", "iv": "aXY="}),
        ),
        (
            "energy.regions.list",
            "GET",
            "/api_3/province_city_list",
            json!({}),
        ),
        ("energy.auth.logout", "DELETE", "/api/auth", json!({})),
    ]
}

#[tokio::test]
async fn every_documented_call_answers_the_envelope() {
    let sim = start().await;
    let calls = documented_calls();
    assert_eq!(calls.len(), 63);
    let ids: std::collections::BTreeSet<&str> = calls.iter().map(|c| c.0).collect();
    assert_eq!(ids.len(), 63);

    // Without a session every call but the login answers 4101 and changes nothing.
    let records_before = sim.state().snapshot()["energy"]["records"].clone();
    for (id, method, path, params) in &calls {
        if *id == "energy.auth.login" {
            continue;
        }
        let body = if *method == "MULTIPART" {
            upload(&sim, "none", "1", "Machine_Image", b"png").await
        } else {
            send(&sim, None, method, path, params).await.1
        };
        err(&body, "4101", "用户未登录");
    }
    assert_eq!(sim.state().snapshot()["energy"]["records"], records_before);

    let cookie = login(&sim).await;
    let mut last_id: std::collections::BTreeMap<&str, Value> = Default::default();
    for (id, method, path, params) in &calls {
        let mut params = params.clone();
        if params.get("id") == Some(&json!("$id")) {
            params["id"] = last_id
                .get(path)
                .cloned()
                .unwrap_or_else(|| panic!("{id}: nothing created on {path}"));
        }
        let body = match *method {
            "MULTIPART" => upload(&sim, &cookie, "1", "Machine_Image", b"\x89PNG....").await,
            _ => call(&sim, &cookie, method, path, params).await,
        };
        assert_eq!(body["Err_No"], "0", "{id}: {body}");
        assert_eq!(body["Err_Msg"], "ok", "{id}: {body}");
        if let Some(total) = body.get("Total_Numbers") {
            assert!(total.is_u64(), "{id}: {body}");
            assert!(body["Data"].is_array(), "{id}: {body}");
        }
        if *method == "POST" && body["Data"]["id"].is_i64() {
            last_id.insert(path, body["Data"]["id"].clone());
        }
        if id.ends_with(".list") || id.ends_with(".get") && *method == "GET" {
            assert!(body.get("Data").is_some(), "{id}: {body}");
        }
        // Twice per call: refused then served (the login: by `login`, then from the table).
        assert_eq!(sim.state().request_count(id), 2, "{id}");
    }
    // The logout at the end ended this session (the table's own login left another).
    err(
        &call(&sim, &cookie, "GET", "/api_3/rate", json!({})).await,
        "4101",
        "用户未登录",
    );
    assert_eq!(sim.state().energy_session_count(), 1);
}

#[tokio::test]
async fn configured_users_and_no_seed_data() {
    let sim = Sim::start(SimConfig {
        seed_data: false,
        energy: EnergySimConfig {
            users: vec![EnergySimUser::new("op", "s3cret", "op@example.com")],
        },
        ..SimConfig::default()
    })
    .await
    .unwrap();
    let (_, body) = send(
        &sim,
        None,
        "POST",
        "/api/auth",
        &json!({"Usr_Name": ADMIN, "Usr_Password": ADMIN_PASSWORD}),
    )
    .await;
    err(&body, "4104", "用户不存在");
    let (headers, body) = send(
        &sim,
        None,
        "POST",
        "/api/auth",
        &json!({"Usr_Name": "op", "Usr_Password": "s3cret"}),
    )
    .await;
    ok(&body);
    let cookie = headers["set-cookie"].to_str().unwrap()["session=".len()..]
        .split(';')
        .next()
        .unwrap()
        .to_string();
    let meters = call(&sim, &cookie, "GET", "/api_3/meters", json!({})).await;
    assert_eq!(
        (meters["Data"].clone(), meters["Total_Numbers"].clone()),
        (json!([]), json!(0))
    );
    assert!(!format!("{:?}", EnergySimConfig::default()).contains(ADMIN_PASSWORD));
}
