//! The energy-management platform against the simulator (and a scripted server for the
//! answers the simulator never gives).

mod energy_common;

use energy_common::*;
use meslink::catalog;
use meslink::named::NAMED_METHODS;
use meslink::{Client, ErrorKind};
use serde_json::{json, Value};

fn data(v: &Value) -> &Value {
    &v["Data"]
}

#[tokio::test]
async fn meter_round_trip_create_list_update_delete() {
    let sim = sim().await;
    let c = client(&sim.base_url());
    let e = c.energy();
    let machine = c
        .call(
            "energy.machines.create",
            json!({"Meter_Superior": "测试机", "Meter_Department": "西车间",
                       "equipmentCode": "03", "equipmentUnitCode": "0003"}),
        )
        .await
        .unwrap();
    let machine_id = data(&machine)["id"].as_i64().expect("machine id");
    let before = sim.state().energy_record_count("meters");
    // The typed method: required parameters in order, optional ones set on the request.
    let created = e
        .meters()
        .create("测试电表", "0", &machine_id.to_string())
        .is_hand_work(meslink::models::YesNo::Yes)
        .await
        .unwrap();
    assert_eq!(created["Err_No"], "0");
    let id = data(&created)["id"].as_i64().expect("meter id");
    assert_eq!(sim.state().energy_record_count("meters"), before + 1);

    let got = c
        .call("energy.meters.list", json!({"id": id}))
        .await
        .unwrap();
    let row = &data(&got)[0];
    assert_eq!(row["Meter_Name"], "测试电表");
    assert_eq!(row["Meter_Superior"], "测试机");

    c.call(
        "energy.meters.update",
        json!({"id": id, "Meter_Name": "改名电表", "Meter_Type": "0",
                       "Meter_Superior_id": machine_id}),
    )
    .await
    .unwrap();
    let got = c
        .call("energy.meters.list", json!({"id": id}))
        .await
        .unwrap();
    assert_eq!(data(&got)[0]["Meter_Name"], "改名电表");

    c.call("energy.meters.delete", json!({"id": id}))
        .await
        .unwrap();
    assert_eq!(sim.state().energy_record_count("meters"), before);
    // Deleting it again: the platform has no such row any more.
    let err = c
        .call("energy.meters.delete", json!({"id": id}))
        .await
        .unwrap_err();
    assert_eq!(err.kind, ErrorKind::Business, "{err}");
    assert_eq!(err.server_code.as_deref(), Some("4002"));
    assert_eq!(err.server_message.as_deref(), Some("无数据"));
    assert_eq!(err.call, Some("energy.meters.delete"));
    // One login served all of it.
    assert_eq!(sim.state().energy_login_count(), 1);
}

#[tokio::test]
async fn all_pages_walks_every_page_once() {
    let sim = sim().await;
    let c = client(&sim.base_url());
    for i in 0..23 {
        c.call(
            "energy.products.create",
            json!({"Product_Name": format!("产品{i:02}"), "Product_Unit": "件"}),
        )
        .await
        .unwrap();
    }
    let total = sim.state().energy_record_count("products");
    assert!(total >= 23);
    let one_page = c
        .call(
            "energy.products.list",
            json!({"Per_Page_Counts": 10, "Page_Counts": 1}),
        )
        .await
        .unwrap();
    assert_eq!(data(&one_page).as_array().unwrap().len(), 10);
    assert_eq!(
        one_page["Total_Numbers"].to_string().trim_matches('"'),
        total.to_string()
    );

    let all = c
        .energy_all_pages("energy.products.list", Value::Null, 10)
        .await
        .unwrap();
    assert_eq!(all.len(), total);
    let mut ids: Vec<i64> = all.iter().map(|r| r["id"].as_i64().unwrap()).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), total, "every row exactly once");
    // A page size that divides nothing and one larger than everything.
    assert_eq!(
        c.energy_all_pages("energy.products.list", json!({}), 7)
            .await
            .unwrap()
            .len(),
        total
    );
    assert_eq!(
        c.energy_all_pages("energy.products.list", Value::Null, 1000)
            .await
            .unwrap()
            .len(),
        total
    );
    let e = c
        .energy_all_pages("energy.rate.get", Value::Null, 10)
        .await
        .unwrap_err();
    assert_eq!(e.kind, ErrorKind::InvalidArgument);
}

#[tokio::test]
async fn missing_or_wrong_parameters_are_refused_before_any_request() {
    let sim = sim().await;
    let c = client(&sim.base_url());
    let e = c
        .call(
            "energy.meters.create",
            json!({"Meter_Type": "0", "Meter_Superior_id": 1}),
        )
        .await
        .unwrap_err();
    assert_eq!(e.kind, ErrorKind::InvalidArgument);
    assert!(e.message.contains("\"Meter_Name\""), "{e}");
    assert!(e.message.contains("仪表名"), "{e}");
    let e = c
        .call(
            "energy.consumption.total",
            json!({"Time_Type": "3", "Time_Start": "yesterday", "Time_End": "2024-01-01 01:00:00", "Amount_Type": "1"}),
        )
        .await
        .unwrap_err();
    assert!(e.message.contains("Time_Start"), "{e}");
    let e = c
        .call(
            "energy.alarms.create",
            json!({"Alarm_Name": "x", "Alarm_Type": "high",
              "Alarm_Level": 1, "Alarm_Notify": 1, "Notify_Address": "a"}),
        )
        .await
        .unwrap_err();
    assert!(e.message.contains("Alarm_Type"), "{e}");
    let e = c
        .call(
            "energy.products.create",
            json!({"Product_Name": "x", "Colour": "red"}),
        )
        .await
        .unwrap_err();
    assert!(e.message.contains("unknown parameter \"Colour\""), "{e}");
    for id in [
        "energy.meters.create",
        "energy.consumption.total",
        "energy.alarms.create",
        "energy.products.create",
        "energy.auth.login",
    ] {
        assert_eq!(sim.state().request_count(id), 0, "{id} reached the server");
    }
    assert_eq!(sim.state().energy_login_count(), 0);
}

#[tokio::test]
async fn server_refusals_are_typed_errors() {
    let sim = sim().await;
    // A wrong password and an unknown user: Auth errors with the server's code and words.
    let bad = Client::new(config_for(&sim.base_url(), USER, "wrong-password")).unwrap();
    let e = bad.call("energy.rate.get", Value::Null).await.unwrap_err();
    assert_eq!(e.kind, ErrorKind::Auth);
    assert_eq!(e.server_code.as_deref(), Some("4106"));
    assert_eq!(e.server_message.as_deref(), Some("密码错误"));
    assert_eq!(
        e.call,
        Some("energy.rate.get"),
        "the call made, not the implicit login"
    );
    assert!(
        e.message
            .starts_with("the implicit energy.auth.login failed: "),
        "{e}"
    );
    assert_eq!(e.cause.as_ref().unwrap().call, Some("energy.auth.login"));
    assert!(!e.to_string().contains("wrong-password"));
    let nobody = Client::new(config_for(&sim.base_url(), "nobody", "x")).unwrap();
    let e = nobody.energy().regions().list().await.unwrap_err();
    assert_eq!(
        (e.kind, e.server_code.as_deref()),
        (ErrorKind::Auth, Some("4104"))
    );

    // A machine name that exists already.
    let c = client(&sim.base_url());
    let m = json!({"Meter_Superior": "重复机", "Meter_Department": "A", "equipmentCode": "1", "equipmentUnitCode": "1"});
    c.call("energy.machines.create", m.clone()).await.unwrap();
    let e = c.call("energy.machines.create", m).await.unwrap_err();
    assert_eq!(
        (e.kind, e.server_code.as_deref()),
        (ErrorKind::Business, Some("4003"))
    );
    assert_eq!(e.server_message.as_deref(), Some("数据已存在"));
}

#[tokio::test]
async fn numeric_err_no_and_wrong_shapes() {
    let server = scripted(|_, target| {
        if target.starts_with("/api/auth") {
            login_ok("s3cr3t-cookie-value")
        } else if target.starts_with("/api_3/meters") {
            (
                String::new(),
                json!({"Err_No": 4103, "Err_Msg": "参数错误"}).to_string(),
            )
        } else if target.starts_with("/api_3/rate") {
            (String::new(), "<html>gateway</html>".into())
        } else if target.starts_with("/api_3/products") {
            (String::new(), json!({"Data": []}).to_string())
        } else {
            (
                String::new(),
                json!({"Err_No": 0, "Err_Msg": "ok", "Data": [], "Total_Numbers": ""}).to_string(),
            )
        }
    })
    .await;
    let c = client(&server.url);
    let e = c
        .call("energy.meters.delete", json!({"id": 3}))
        .await
        .unwrap_err();
    assert_eq!(e.kind, ErrorKind::InvalidArgument);
    assert_eq!(e.server_code.as_deref(), Some("4103"));
    assert_eq!(e.server_message.as_deref(), Some("参数错误"));
    let e = c.call("energy.rate.get", Value::Null).await.unwrap_err();
    assert_eq!(e.kind, ErrorKind::Protocol, "{e}");
    let e = c
        .call("energy.products.list", Value::Null)
        .await
        .unwrap_err();
    assert_eq!(e.kind, ErrorKind::Protocol, "{e}");
    assert!(e.message.contains("Err_No"), "{e}");
    assert!(c.call("energy.regions.list", Value::Null).await.is_ok());

    // The session cookie went along with every call and shows up nowhere.
    let seen = server.seen.lock().clone();
    assert_eq!(seen.iter().filter(|s| s.target == "/api/auth").count(), 1);
    for s in seen.iter().filter(|s| s.target != "/api/auth") {
        assert!(
            s.head
                .to_ascii_lowercase()
                .contains("cookie: sid=s3cr3t-cookie-value"),
            "{}",
            s.head
        );
    }
    assert!(!format!("{c:?}").contains("s3cr3t"));
    assert!(!format!("{c:?}").contains(PASSWORD));
    // The login sent the configured credentials as JSON.
    let login: Value = serde_json::from_slice(&seen[0].body).unwrap();
    assert_eq!(login, json!({"Usr_Name": USER, "Usr_Password": PASSWORD}));
}

#[tokio::test]
async fn get_in_query_string_and_delete_in_json_body() {
    let server = scripted(|method, target| {
        if target.starts_with("/api/auth") && method == "POST" {
            login_ok("abc")
        } else {
            (
                String::new(),
                json!({"Err_No": "0", "Err_Msg": "ok", "Data": []}).to_string(),
            )
        }
    })
    .await;
    let c = client(&server.url);
    c.call("energy.consumption.total", json!({"Time_Type": 3, "Time_Start": "2024-01-02T03:04:05", "Time_End": "2024-01-02 04:00:00",
                      "Amount_Type": 1, "Amount_Value": "0,8"}))
        .await
        .unwrap();
    // 6.9 is a read documented as DELETE: sent as DELETE with a JSON body.
    c.call("energy.alarm_messages.list", json!({"Time_Start": "2024-01-01 00:00:00", "Time_End": "2024-01-02 00:00:00", "Alarm_Level": 3}))
        .await
        .unwrap();
    let seen = server.seen.lock().clone();
    let get = seen.iter().find(|s| s.method == "GET").unwrap();
    assert_eq!(
        get.target,
        "/api_3/allenergy?Time_Type=3&Time_Start=2024-01-02+03%3A04%3A05&Time_End=2024-01-02+04%3A00%3A00&Amount_Type=1&Amount_Value=0%2C8"
    );
    assert!(get.body.is_empty());
    let del = seen.iter().find(|s| s.method == "DELETE").unwrap();
    assert_eq!(del.target, "/api_3/alarm_message");
    let body: Value = serde_json::from_slice(&del.body).unwrap();
    assert_eq!(
        body,
        json!({"Time_Start": "2024-01-01 00:00:00", "Time_End": "2024-01-02 00:00:00", "Alarm_Level": 3})
    );
    assert!(del
        .head
        .to_ascii_lowercase()
        .contains("content-type: application/json"));
}

#[tokio::test]
async fn expired_session_logs_in_again_once() {
    let sim = sim().await;
    let c = client(&sim.base_url());
    c.call("energy.products.list", Value::Null).await.unwrap();
    assert_eq!(sim.state().energy_login_count(), 1);
    assert_eq!(sim.state().energy_expire_sessions(), 1);
    // A create after expiry: refused with 4101, logged in again, repeated once.
    let before = sim.state().energy_record_count("products");
    c.call(
        "energy.products.create",
        json!({"Product_Name": "续会话产品"}),
    )
    .await
    .unwrap();
    assert_eq!(sim.state().energy_login_count(), 2);
    assert_eq!(sim.state().energy_record_count("products"), before + 1);
    assert_eq!(sim.state().request_count("energy.products.create"), 2);

    // A server that never keeps the session: one new login, one repeat, then the error.
    let server = scripted(|_, target| {
        if target.starts_with("/api/auth") {
            login_ok("x")
        } else {
            (
                String::new(),
                json!({"Err_No": "4101", "Err_Msg": "用户未登录"}).to_string(),
            )
        }
    })
    .await;
    let c = client(&server.url);
    let e = c
        .call("energy.regions.list", Value::Null)
        .await
        .unwrap_err();
    assert_eq!(
        (e.kind, e.server_code.as_deref()),
        (ErrorKind::Auth, Some("4101"))
    );
    assert_eq!(e.server_message.as_deref(), Some("用户未登录"));
    assert_eq!(server.count("POST", "/api/auth"), 2);
    assert_eq!(server.count("GET", "/api_3/province_city_list"), 2);
}

#[tokio::test]
async fn close_logs_out_and_a_later_call_logs_in_again() {
    let sim = sim().await;
    let c = client(&sim.base_url());
    // Closing a client that never logged in sends nothing.
    c.close().await;
    assert_eq!(sim.state().request_count("energy.auth.logout"), 0);
    c.call("energy.rate.get", Value::Null).await.unwrap();
    assert_eq!(sim.state().energy_session_count(), 1);
    c.close().await;
    assert_eq!(sim.state().energy_logout_count(), 1);
    assert_eq!(sim.state().energy_session_count(), 0);
    c.close().await;
    assert_eq!(sim.state().request_count("energy.auth.logout"), 1);
    c.call("energy.rate.get", Value::Null).await.unwrap();
    assert_eq!(sim.state().energy_login_count(), 2);

    // Explicit logout through the generic call, then an explicit login.
    let out = c.call("energy.auth.logout", Value::Null).await.unwrap();
    assert_eq!(out["Err_No"], "0");
    assert_eq!(sim.state().energy_session_count(), 0);
    let who = c.energy().auth().login(USER, PASSWORD).await.unwrap();
    assert_eq!(who["Data"]["Usr_Name"], USER);
    assert!(!who.to_string().contains("session"), "{who}");
    c.call("energy.regions.list", Value::Null).await.unwrap();
    assert_eq!(sim.state().energy_login_count(), 3);
}

#[tokio::test]
async fn machine_image_upload_from_bytes_path_and_base64() {
    let sim = sim().await;
    let c = client(&sim.base_url());
    let machine = c.call("energy.machines.create", json!({"Meter_Superior": "图片机", "Meter_Department": "A", "equipmentCode": "1", "equipmentUnitCode": "9"}))
        .await
        .unwrap();
    let id = machine["Data"]["id"].as_i64().unwrap();

    let up = c
        .energy()
        .machines()
        .upload_image_bytes(id, "pump.png", PNG)
        .await
        .unwrap();
    assert_eq!(up["Err_No"], "0");
    assert_eq!(sim.state().energy_image_size(id), Some(PNG.len()));

    let dir = std::env::temp_dir().join(format!("meslink-energy-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("机器.jpg");
    let big: Vec<u8> = (0..70_000u32).map(|i| (i % 251) as u8).collect();
    std::fs::write(&path, &big).unwrap();
    c.call(
        "energy.machines.upload_image",
        json!({"Meter_Superior_id": id, "Machine_Image": path.to_str().unwrap()}),
    )
    .await
    .unwrap();
    assert_eq!(sim.state().energy_image_size(id), Some(big.len()));
    let listed = c
        .call("energy.machines.list", json!({"id": id}))
        .await
        .unwrap();
    let url = listed["Data"][0]["Machine_Image_Url"].as_str().unwrap();
    assert!(url.ends_with("机器.jpg"), "{url}");
    std::fs::remove_dir_all(&dir).ok();

    // A bad image is refused before anything is sent.
    let before = sim.state().request_count("energy.machines.upload_image");
    for bad in [
        json!("/nonexistent/x.png"),
        json!({"base64": "!!"}),
        json!(12),
    ] {
        let e = c
            .call(
                "energy.machines.upload_image",
                json!({"Meter_Superior_id": id, "Machine_Image": bad}),
            )
            .await
            .unwrap_err();
        assert_eq!(e.kind, ErrorKind::InvalidArgument);
        assert!(e.message.contains("Machine_Image"), "{e}");
    }
    assert_eq!(
        sim.state().request_count("energy.machines.upload_image"),
        before
    );
    // An unknown machine: the server's 4002.
    let e = c
        .energy()
        .machines()
        .upload_image_bytes(99_999, "x.png", PNG)
        .await
        .unwrap_err();
    assert_eq!(e.server_code.as_deref(), Some("4002"));
}

/// Every documented call, with the catalog's required parameters filled with documented
/// values, answers success or a documented Err_No: never NotImplemented or Protocol.
#[tokio::test]
async fn every_energy_call_is_reachable_through_the_generic_call() {
    let sim = sim().await;
    let c = client(&sim.base_url());
    let documented = catalog::ENERGY_ENUMS
        .iter()
        .find(|e| e.name == "ErrNo")
        .unwrap();
    let calls = energy_calls();
    assert_eq!(calls.len(), 63);
    let mut failures = Vec::new();
    for spec in &calls {
        match c.call(spec.id, minimal(spec)).await {
            Ok(v) => assert_eq!(v["Err_No"], "0", "{}", spec.id),
            Err(e) => {
                let code: Option<i64> = e.server_code.as_deref().and_then(|s| s.parse().ok());
                let ok = code.is_some_and(|c| documented.values.iter().any(|(v, _, _)| *v == c))
                    && !matches!(e.kind, ErrorKind::NotImplemented | ErrorKind::Protocol);
                if !ok {
                    failures.push(format!("{}: {e}", spec.id));
                }
            }
        }
        assert!(
            sim.state().request_count(spec.id) >= 1,
            "{} never reached the server",
            spec.id
        );
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn named_methods_cover_every_request_call_once_grouped_as_the_document() {
    // Every request call of every server has exactly one typed method.
    let mut named: Vec<&str> = NAMED_METHODS.iter().map(|(_, id)| *id).collect();
    named.sort();
    let before = named.len();
    named.dedup();
    assert_eq!(before, named.len(), "an id has two named methods");
    let mut expected: Vec<&str> = catalog::CALLS
        .iter()
        .filter(|c| c.method != catalog::HttpMethod::Socket)
        .map(|c| c.id)
        .collect();
    expected.sort();
    assert_eq!(named, expected);
    assert_eq!(named.len(), 72);
    // The energy platform's methods sit where its document groups them: the path is the id.
    for (path, id) in NAMED_METHODS {
        if id.starts_with("energy.") {
            assert_eq!(path, id);
        } else {
            assert_eq!(*path, id.replace('.', "_"));
        }
    }
    assert!(energy_calls().iter().all(|c| named.contains(&c.id)));
}

#[test]
fn catalog_rows_follow_the_conventions() {
    use catalog::{BodyEncoding, HttpMethod, Location, RetryClass};
    for spec in energy_calls() {
        for p in spec.params {
            let expected = if spec.method == HttpMethod::Get {
                Location::Query
            } else {
                Location::Body
            };
            assert_eq!(p.location, expected, "{} {}", spec.id, p.name);
        }
        match spec.method {
            HttpMethod::Get => {
                assert_eq!(spec.body, BodyEncoding::None, "{}", spec.id);
                assert_eq!(spec.retry, RetryClass::Safe, "{}", spec.id);
            }
            _ if spec.id == "energy.machines.upload_image" => {
                assert_eq!(spec.body, BodyEncoding::Multipart)
            }
            _ => assert_eq!(spec.body, BodyEncoding::Json, "{}", spec.id),
        }
        let creates = spec.id.ends_with(".create")
            || spec.id.ends_with(".delete")
            || spec.id.ends_with(".add");
        if creates {
            assert_eq!(spec.retry, RetryClass::UnsentOnly, "{}", spec.id);
        }
        assert_eq!(
            spec.spoolable,
            matches!(
                spec.id,
                "energy.product_output.create" | "energy.prp.manual_data.add"
            ),
            "{}",
            spec.id
        );
    }
}

#[test]
fn enums_are_exported_as_json() {
    let enums = catalog::enums_json();
    let names: Vec<&str> = enums
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["name"].as_str().unwrap())
        .collect();
    for n in [
        "TimeType",
        "AmountType",
        "EnergyKind",
        "AlarmLevel",
        "ErrNo",
    ] {
        assert!(names.contains(&n), "{n}");
    }
    let kinds = enums
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["name"] == "EnergyKind")
        .unwrap();
    assert_eq!(kinds["values"].as_array().unwrap().len(), 9);
    assert_eq!(
        kinds["values"][8],
        json!({"value": 8, "name": "NaturalGas", "doc": "天然气"})
    );
    // The calls' JSON keeps its shape: an array of call objects.
    assert!(catalog::to_json()
        .as_array()
        .unwrap()
        .iter()
        .all(|c| c.get("id").is_some()));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_calls_share_one_login_and_one_renewal() {
    let sim = sim().await;
    let c = client(&sim.base_url());
    let burst = |c: Client| async move {
        let tasks: Vec<_> = (0..8)
            .map(|_| {
                let c = c.clone();
                tokio::spawn(async move { c.call("energy.products.list", Value::Null).await })
            })
            .collect();
        for t in tasks {
            t.await.unwrap().unwrap();
        }
    };
    burst(c.clone()).await;
    assert_eq!(sim.state().energy_login_count(), 1);
    sim.state().energy_expire_sessions();
    burst(c.clone()).await;
    assert_eq!(sim.state().energy_login_count(), 2);
    assert_eq!(sim.state().energy_session_count(), 1);
}

#[tokio::test]
async fn explicit_login_switches_the_session_to_another_user() {
    let sim = sim().await;
    let c = client(&sim.base_url());
    c.call(
        "energy.users.register",
        json!({"Usr_Name": "operator", "Usr_Password": "op-pass-1", "Usr_Email": "op@example.com"}),
    )
    .await
    .unwrap();
    let who = c
        .call(
            "energy.auth.login",
            json!({"Usr_Name": "operator", "Usr_Password": "op-pass-1"}),
        )
        .await
        .unwrap();
    assert_eq!(who["Data"]["Usr_Name"], "operator");
    // A refused login leaves the current session as it was.
    let logins = sim.state().energy_login_count();
    let e = c
        .call(
            "energy.auth.login",
            json!({"Usr_Name": "operator", "Usr_Password": "nope"}),
        )
        .await
        .unwrap_err();
    assert_eq!(
        (e.kind, e.server_code.as_deref()),
        (ErrorKind::Auth, Some("4106"))
    );
    c.call("energy.regions.list", Value::Null).await.unwrap();
    assert_eq!(sim.state().energy_login_count(), logins);
}

/// The document counts pages from 0 in the call tables and from 1 in appendix I: the
/// walk gets every row once from a server of either kind.
#[tokio::test]
async fn page_walk_works_whether_pages_count_from_zero_or_one() {
    for first in [0usize, 1] {
        let server = scripted(move |_, target| {
            if target.starts_with("/api/auth") {
                return login_ok("p");
            }
            let arg = |name: &str| -> usize {
                target
                    .split(['?', '&'])
                    .find_map(|kv| kv.strip_prefix(&format!("{name}=")))
                    .and_then(|v| v.parse().ok())
                    .unwrap()
            };
            let (per, page) = (arg("Per_Page_Counts"), arg("Page_Counts"));
            let rows: Vec<Value> = (1..=5)
                .map(|i| json!({"id": i}))
                .skip(per * page.saturating_sub(first))
                .take(if page < first { 0 } else { per })
                .collect();
            let body = json!({"Err_No": "0", "Err_Msg": "ok", "Data": rows, "Total_Numbers": "5"});
            (String::new(), body.to_string())
        })
        .await;
        let c = client(&server.url);
        let all = c
            .energy_all_pages("energy.alarms.list", Value::Null, 2)
            .await
            .unwrap();
        let ids: Vec<i64> = all.iter().map(|r| r["id"].as_i64().unwrap()).collect();
        assert_eq!(ids, [1, 2, 3, 4, 5], "pages counted from {first}");
    }
}
