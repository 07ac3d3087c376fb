//! ATE MES API (seed document 000) as served by the simulator.

mod common;

use std::time::Duration;

use common::*;
use meslink_sim::{jwt, Sim, SimConfig, SimUser};
use serde_json::{json, Value};

#[tokio::test]
async fn login_ok_urlencoded() {
    let sim = start().await;
    let resp = post(&sim, "/api/login/")
        .form(&[("emp_no", "ate"), ("password", "Windows123.")])
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    let text = resp.text().await.unwrap();
    // Keys in the document's order, `epm_no` spelled as in the document.
    let keys: Vec<usize> = [
        "\"token\"",
        "\"epm_no\"",
        "\"emp_name\"",
        "\"company\"",
        "\"account\"",
    ]
    .iter()
    .map(|k| {
        text.find(k)
            .unwrap_or_else(|| panic!("{k} missing in {text}"))
    })
    .collect();
    assert!(keys.windows(2).all(|w| w[0] < w[1]), "{text}");
    let body: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(body["epm_no"], "ate");
    assert_eq!(body["emp_name"], "ate");
    assert_eq!(body["company"], "6300");
    assert_eq!(body["account"], false);
    assert!(body["token"]
        .as_str()
        .unwrap()
        .starts_with("eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9."));
    assert_eq!(sim.state().login_count(), 1);
    assert_eq!(sim.state().request_count("ate.login"), 1);
}

#[tokio::test]
async fn login_json_and_multipart() {
    let sim = start().await;
    let resp = post(&sim, "/api/login/")
        .json(&json!({"emp_no": "ate", "password": "Windows123."}))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);

    let (ct, body) = multipart(&[("emp_no", "ate"), ("password", "Windows123.")]);
    let resp = post(&sim, "/api/login/")
        .header("Content-Type", ct)
        .body(body)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    let v: Value = resp.json().await.unwrap();
    assert_eq!(v["epm_no"], "ate");
    assert_eq!(sim.state().login_count(), 2);
}

#[tokio::test]
async fn login_bad_password_and_missing_field() {
    let sim = start().await;
    let url = format!("{}/api/login/", sim.base_url());
    let resp = client()
        .post(&url)
        .form(&[("emp_no", "ate"), ("password", "wrong")])
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 400);
    assert_eq!(
        resp.text().await.unwrap(),
        r#"{"non_field_errors":["无法使用提供的认证信息登录。"]}"#
    );

    let resp = client()
        .post(&url)
        .form(&[("password", "Windows123.")])
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 400);
    let v: Value = resp.json().await.unwrap();
    assert_eq!(v, json!({"emp_no": ["该字段是必填项。"]}));

    let (ct, body) = multipart(&[("emp_no", "ate")]);
    let resp = client()
        .post(&url)
        .header("Content-Type", ct)
        .body(body)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 400);
    let v: Value = resp.json().await.unwrap();
    assert_eq!(v, json!({"password": ["该字段是必填项。"]}));

    assert_eq!(sim.state().login_count(), 0);
    assert_eq!(sim.state().request_count("ate.login"), 3);
}

#[tokio::test]
async fn configured_users() {
    let config = SimConfig {
        users: vec![SimUser::new("E1001", "pw1", "张三")],
        ..Default::default()
    };
    let sim = Sim::start(config).await.unwrap();
    let url = format!("{}/api/login/", sim.base_url());
    let resp = client()
        .post(&url)
        .form(&[("emp_no", "E1001"), ("password", "pw1")])
        .send()
        .await
        .unwrap();
    let v: Value = resp.json().await.unwrap();
    assert_eq!(v["emp_name"], "张三");
    let resp = client()
        .post(&url)
        .form(&[("emp_no", "ate"), ("password", "Windows123.")])
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 400);
}

#[tokio::test]
async fn jwt_verifies_and_exp_is_iat_plus_lifetime() {
    let sim = start().await;
    let token = login(&sim).await;
    let claims = jwt::decode(&token, sim.state().jwt_secret()).expect("valid HS256 signature");
    assert_eq!(claims.username, "ate");
    assert_eq!(claims.exp - claims.iat, 24 * 3600);
    assert_eq!(claims.orig_iat, claims.iat);
    assert_eq!(claims.jti.len(), 36);
    assert!(jwt::decode(&token, b"some other key").is_err());

    sim.state().set_token_lifetime(Duration::from_secs(90));
    let token = login(&sim).await;
    let claims = jwt::decode(&token, sim.state().jwt_secret()).unwrap();
    assert_eq!(claims.exp - claims.iat, 90);

    let sim = Sim::start(SimConfig {
        token_lifetime: Duration::from_secs(7),
        ..Default::default()
    })
    .await
    .unwrap();
    let claims = jwt::decode(&login(&sim).await, sim.state().jwt_secret()).unwrap();
    assert_eq!(claims.exp - claims.iat, 7);
}

#[tokio::test]
async fn sn_detail_get_ok_and_not_found() {
    let sim = start().await;
    let token = login(&sim).await;
    let (status, body) = get_json(
        &format!("{}/api/sn_detail/1037020031/", sim.base_url()),
        Some(&token),
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(
        body,
        json!({"SERIAL_NUMBER": "BZJ614KM901580Z", "FUNCTION_NAME": "HWR650RUSN", "TARGET_QTY": 928, "SN_QTY": 928})
    );
    let (status, body) = get_json(
        &format!("{}/api/sn_detail/9999999999/", sim.base_url()),
        Some(&token),
    )
    .await;
    assert_eq!(status, 404);
    assert_eq!(body, json!({"detail": "未找到。"}));
    assert_eq!(sim.state().request_count("ate.sn_detail.get"), 2);
}

#[tokio::test]
async fn auth_scheme_variants_and_errors() {
    let sim = start().await;
    let token = login(&sim).await;
    let url = format!("{}/api/sn_detail/1037020032/", sim.base_url());
    for scheme in ["BEARER", "Bearer", "bearer", "JWT"] {
        let resp = client()
            .get(&url)
            .header("Authorization", format!("{scheme} {token}"))
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), 200, "scheme {scheme}");
    }
    let (status, body) = get_json(&url, None).await;
    assert_eq!(status, 401);
    assert_eq!(body, json!({"detail": "身份认证信息未提供。"}));
    let (status, body) = get_json(&url, Some("garbage")).await;
    assert_eq!(status, 401);
    assert_eq!(body, json!({"detail": "Error decoding signature."}));
    // Tampered signature.
    let mut bad = token.clone();
    let last = bad.pop().unwrap();
    bad.push(if last == 'A' { 'B' } else { 'A' });
    let (status, body) = get_json(&url, Some(&bad)).await;
    assert_eq!(status, 401);
    assert_eq!(body, json!({"detail": "Error decoding signature."}));
}

#[tokio::test]
async fn upload_ok_increments_and_records_duplicates() {
    let sim = start().await;
    let token = login(&sim).await;
    let state = sim.state();
    let (status, body) = upload(&sim, Some(&token), "1037020032", "BAK615KM900007Z").await;
    assert_eq!((status, body), (200, json!({"msg": "OK"})));
    let (status, _) = upload(&sim, Some(&token), "1037020032", "BZK615KM900003Z").await;
    assert_eq!(status, 200);
    let (status, _) = upload(&sim, Some(&token), "1037020032", "BAK615KM900007Z").await;
    assert_eq!(status, 200);
    let wo = state.work_order("1037020032").unwrap();
    assert_eq!(wo["SN_QTY"], 3);
    assert_eq!(wo["TARGET_QTY"], 500);
    // Greatest SN seen ("BZK..." > "BAK...").
    assert_eq!(wo["SERIAL_NUMBER"], "BZK615KM900003Z");
    assert_eq!(
        state.uploads(),
        vec![
            ("1037020032".to_string(), "BAK615KM900007Z".to_string()),
            ("1037020032".to_string(), "BZK615KM900003Z".to_string()),
            ("1037020032".to_string(), "BAK615KM900007Z".to_string()),
        ]
    );
    let (_, got) = get_json(
        &format!("{}/api/sn_detail/1037020032/", sim.base_url()),
        Some(&token),
    )
    .await;
    assert_eq!(got, wo);
}

#[tokio::test]
async fn upload_multipart_and_json() {
    let sim = start().await;
    let token = login(&sim).await;
    let (ct, body) = multipart(&[("work_order", "1037020031"), ("sn", "BAJ614KM901584Z")]);
    let resp = post(&sim, "/api/sn_detail/")
        .header("Authorization", format!("BEARER {token}"))
        .header("Content-Type", ct)
        .body(body)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    assert_eq!(resp.json::<Value>().await.unwrap(), json!({"msg": "OK"}));
    let resp = post(&sim, "/api/sn_detail/")
        .header("Authorization", format!("BEARER {token}"))
        .json(&json!({"work_order": 1037020031u64, "sn": "BZJ614KM901590Z"}))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.json::<Value>().await.unwrap(), json!({"msg": "OK"}));
    let wo = sim.state().work_order("1037020031").unwrap();
    assert_eq!(wo["SN_QTY"], 930);
    assert_eq!(wo["SERIAL_NUMBER"], "BZJ614KM901590Z");
}

#[tokio::test]
async fn upload_rule_ng_missing_field_unknown_order() {
    let sim = start().await;
    let token = login(&sim).await;
    let (status, body) = upload(&sim, Some(&token), "1037020031", "XYZ123").await;
    assert_eq!(
        (status, body),
        (200, json!({"msg": "SN RULER CHECK NG!FIX"}))
    );
    // Right shape, wrong work order's rule.
    let (_, body) = upload(&sim, Some(&token), "1037020031", "BZK615KM900001Z").await;
    assert_eq!(body, json!({"msg": "SN RULER CHECK NG!FIX"}));
    assert_eq!(sim.state().work_order("1037020031").unwrap()["SN_QTY"], 928);

    let resp = post(&sim, "/api/sn_detail/")
        .header("Authorization", format!("BEARER {token}"))
        .form(&[("work_order", "1037020031")])
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 400);
    assert_eq!(
        resp.json::<Value>().await.unwrap(),
        json!({"sn": ["该字段是必填项。"]})
    );

    let (status, body) = upload(&sim, Some(&token), "424242", "BZJ614KM901590Z").await;
    assert_eq!((status, body), (404, json!({"detail": "未找到。"})));
    assert!(sim.state().uploads().is_empty());
    assert_eq!(sim.state().request_count("ate.sn_detail.upload"), 4);
}

#[tokio::test]
async fn upload_without_token_is_401() {
    let sim = start().await;
    let (status, body) = upload(&sim, None, "1037020031", "BAJ614KM901584Z").await;
    assert_eq!(
        (status, body),
        (401, json!({"detail": "身份认证信息未提供。"}))
    );
    assert!(sim.state().uploads().is_empty());
}

#[tokio::test]
async fn expire_all_tokens_rejects_older_tokens_only() {
    let sim = start().await;
    let token = login(&sim).await;
    let (status, _) = upload(&sim, Some(&token), "1037020031", "BAJ614KM901584Z").await;
    assert_eq!(status, 200);
    sim.state().expire_all_tokens();
    let (status, body) = upload(&sim, Some(&token), "1037020031", "BAJ614KM901585Z").await;
    assert_eq!(
        (status, body),
        (401, json!({"detail": "Signature has expired."}))
    );
    let fresh = login(&sim).await;
    let (status, _) = upload(&sim, Some(&fresh), "1037020031", "BAJ614KM901585Z").await;
    assert_eq!(status, 200);
    assert_eq!(sim.state().uploads().len(), 2);
}

#[tokio::test]
async fn short_lifetime_token_expires() {
    let sim = start().await;
    sim.state().set_token_lifetime(Duration::from_secs(1));
    let token = login(&sim).await;
    let url = format!("{}/api/sn_detail/1037020031/", sim.base_url());
    let (status, _) = get_json(&url, Some(&token)).await;
    assert_eq!(status, 200);
    tokio::time::sleep(Duration::from_millis(1100)).await;
    let (status, body) = get_json(&url, Some(&token)).await;
    assert_eq!(
        (status, body),
        (401, json!({"detail": "Signature has expired."}))
    );
    let (status, body) = upload(&sim, Some(&token), "1037020031", "BAJ614KM901585Z").await;
    assert_eq!(
        (status, body),
        (401, json!({"detail": "Signature has expired."}))
    );
}

#[tokio::test]
async fn added_work_order_is_served() {
    let sim = start().await;
    sim.state()
        .add_work_order("2000000001", "FN1", "A000", r"^A\d{3}$", 10, 0);
    let token = login(&sim).await;
    let (status, _) = upload(&sim, Some(&token), "2000000001", "A123").await;
    assert_eq!(status, 200);
    let (_, body) = get_json(
        &format!("{}/api/sn_detail/2000000001/", sim.base_url()),
        Some(&token),
    )
    .await;
    assert_eq!(
        body,
        json!({"SERIAL_NUMBER": "A123", "FUNCTION_NAME": "FN1", "TARGET_QTY": 10, "SN_QTY": 1})
    );
}

#[tokio::test]
async fn wrong_method_is_405() {
    let sim = start().await;
    let resp = get(&sim, "/api/login/").send().await.unwrap();
    assert_eq!(resp.status(), 405);
    assert_eq!(
        resp.json::<Value>().await.unwrap(),
        json!({"detail": "方法 “GET” 不被允许。"})
    );
}
