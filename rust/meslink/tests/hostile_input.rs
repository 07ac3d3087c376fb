//! Hostile input, bounded property tests (the long runs are the cargo-fuzz targets in
//! `fuzz/`): the generic call with arbitrary ids and parameters, and every answer parser
//! of every server on arbitrary bytes, arbitrary JSON and JSON shaped like the servers'
//! answers. Nothing may panic; every refusal is a clear error (never `internal`);
//! bytes that are not JSON are protocol errors (HTTP errors for a non-2xx status).

use meslink::fuzzing::{self, Parsed};
use meslink::ErrorKind;
use proptest::prelude::*;
use serde_json::{json, Map, Value};

/// Arbitrary JSON, a few levels deep.
fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(|f| json!(f)),
        prop_oneof![
            Just(1e300),
            Just(-1e300),
            Just(1.8e19),
            Just(u64::MAX as f64)
        ]
        .prop_map(|f| json!(f)),
        ".{0,24}".prop_map(Value::String),
        "[0-9eE+.-]{1,12}".prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((key(), inner), 0..6)
                .prop_map(|kv| Value::Object(kv.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

/// The keys the servers' answers and the catalog's parameters use, and some others.
fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::sample::select(vec![
            "code", "data", "message", "msg", "state", "resBody", "Err_No", "Err_Msg",
            "Total_Numbers", "Data", "token", "detail", "non_field_errors", "treeList",
            "trees", "uniqueCode", "type", "stepCode", "access_token", "refresh_token",
            "expires_in", "file_seek", "file_id", "request_id", "id", "status",
            "machine_id", "program", "time", "children", "factory_id", "name", "level",
            "SERIAL_NUMBER", "TARGET_QTY", "work_order", "sn", "exp", "page", "size",
        ])
        .prop_map(str::to_owned),
        1 => ".{0,10}",
    ]
}

/// JSON objects shaped like answers: known keys with arbitrary values.
fn answer_like() -> impl Strategy<Value = Value> {
    prop::collection::vec((key(), any_json()), 0..8)
        .prop_map(|kv| Value::Object(kv.into_iter().collect::<Map<_, _>>()))
}

fn check_clear(results: &[Parsed], input: &dyn std::fmt::Debug) {
    for p in results {
        if let Err(e) = &p.result {
            assert!(
                fuzzing::is_clear(e),
                "{}: unclear error {e:?} for {input:?}",
                p.parser
            );
        }
    }
}

const STATUSES: [u16; 8] = [200, 201, 204, 400, 401, 404, 500, 503];

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    /// Bytes that are not JSON: every answer reader refuses them, as a protocol error on
    /// a 2xx status and as the status's error otherwise.
    #[test]
    fn garbage_bytes_are_protocol_errors(
        body in prop::collection::vec(any::<u8>(), 0..256),
        status in prop::sample::select(STATUSES.to_vec()),
    ) {
        let results = fuzzing::http_answer(status, &body);
        check_clear(&results, &body);
        if serde_json::from_slice::<Value>(&body).is_err() {
            for p in &results {
                let e = p.result.as_ref().expect_err(p.parser);
                if (200..300).contains(&status) && p.parser != "trace gateway error"
                    && p.parser != "http error"
                {
                    prop_assert_eq!(e.kind, ErrorKind::Protocol, "{}: {:?}", p.parser, e);
                } else {
                    // A non-2xx status without a body to read: the status's meaning (the
                    // trace gateway documents 400 as a request format error, 401/403 as auth).
                    prop_assert_ne!(e.kind, ErrorKind::Internal, "{}: {:?}", p.parser, e);
                }
            }
        }
    }

    /// Truncated answers: a valid answer cut anywhere is refused, never half-read.
    #[test]
    fn truncated_answers_are_refused(v in answer_like(), cut in 0.0f64..1.0) {
        let text = v.to_string();
        let at = ((text.len() as f64) * cut) as usize;
        let body = &text.as_bytes()[..at.min(text.len().saturating_sub(1))];
        let results = fuzzing::http_answer(200, body);
        check_clear(&results, &body);
        if serde_json::from_slice::<Value>(body).is_err() {
            for p in results.iter().filter(|p| p.parser != "trace gateway error" && p.parser != "http error") {
                prop_assert_eq!(p.result.as_ref().expect_err(p.parser).kind, ErrorKind::Protocol);
            }
        }
    }

    /// JSON of the wrong shape, and arbitrary JSON in the servers' own keys, through every
    /// answer reader and every reader of parsed JSON.
    #[test]
    fn answer_shaped_json_never_panics(
        v in prop_oneof![answer_like(), any_json()],
        status in prop::sample::select(STATUSES.to_vec()),
    ) {
        let body = v.to_string();
        check_clear(&fuzzing::http_answer(status, body.as_bytes()), &body);
        check_clear(&fuzzing::json_value(&v), &v);
    }

    /// SockJS frames and JWTs: arbitrary text, and text that starts like a frame.
    #[test]
    fn frames_and_tokens_never_panic(
        text in prop_oneof![
            ".{0,64}",
            ("[oahmc]", any_json()).prop_map(|(k, v)| format!("{k}{v}")),
            ("[A-Za-z0-9_-]{0,20}", any_json()).prop_map(|(h, claims)| {
                use base64::Engine;
                let e = base64::engine::general_purpose::URL_SAFE_NO_PAD;
                format!("{h}.{}.sig", e.encode(claims.to_string()))
            }),
        ],
    ) {
        check_clear(&fuzzing::text(&text), &text);
    }
}

proptest! {
    // Each case is one call (most refused before sending; the rest fail to connect at
    // once): few cases keep the file fast.
    #![proptest_config(ProptestConfig { cases: 160, failure_persistence: None, ..ProptestConfig::default() })]

    /// The generic call with arbitrary ids (every catalog id included) and arbitrary
    /// parameters: never a panic; a clear refusal, or a network error from the attempt.
    #[test]
    fn generic_call_never_panics(
        id in prop_oneof![
            3 => prop::sample::select(fuzzing::call_ids()).prop_map(str::to_owned),
            1 => ".{0,30}",
        ],
        params in prop_oneof![answer_like(), any_json()],
    ) {
        let client = client();
        match fuzzing::generic_call(client, &id, params.clone()) {
            Ok(_) => {}
            Err(e) => prop_assert!(
                fuzzing::is_clear(&e)
                    && matches!(e.kind, ErrorKind::InvalidArgument | ErrorKind::NotImplemented
                        | ErrorKind::Transport | ErrorKind::Timeout | ErrorKind::Encoding),
                "{id} {params}: {e:?}"
            ),
        }
    }
}

fn client() -> &'static meslink::Client {
    static CLIENT: std::sync::OnceLock<meslink::Client> = std::sync::OnceLock::new();
    CLIENT.get_or_init(fuzzing::offline_client)
}

/// Every catalog id once with no parameters and with the wrong kind of parameters: the
/// sweep the random cases may miss.
#[test]
fn every_call_id_with_bad_params() {
    let client = client();
    for id in fuzzing::call_ids() {
        for params in [
            Value::Null,
            json!([]),
            json!("x"),
            json!({"\u{0}": 1}),
            json!(1),
        ] {
            if let Err(e) = fuzzing::generic_call(client, id, params.clone()) {
                assert!(fuzzing::is_clear(&e), "{id} {params}: {e:?}");
                assert_ne!(e.kind, ErrorKind::Internal, "{id}");
            }
        }
    }
}

/// The cases the first fuzzing runs found (each panicked before its fix).
#[test]
fn regressions_found_by_fuzzing() {
    // A SockJS frame whose first character is more than one byte.
    check_clear(&fuzzing::text("é[1]"), &"é[1]");
    assert_eq!(
        fuzzing::text("é")[0].result.as_ref().unwrap_err().kind,
        ErrorKind::Protocol
    );
    // A JWT whose exp is far beyond what a Duration holds.
    use base64::Engine;
    let e = base64::engine::general_purpose::URL_SAFE_NO_PAD;
    for exp in ["1e300", "18446744073709551615", "1e19"] {
        let jwt = format!("h.{}.s", e.encode(format!("{{\"exp\":{exp}}}")));
        check_clear(&fuzzing::text(&jwt), &jwt);
    }
    // A token answer whose expires_in is finite but does not fit a Duration.
    for v in [json!(1e300), json!("1e300"), json!(1.8e19)] {
        let grant = json!({"access_token": "a", "expires_in": v});
        check_clear(&fuzzing::json_value(&grant), &grant);
    }
}
