//! Arbitrary JSON through every HTTP answer reader (as a 200 body) and every reader of
//! parsed JSON (trace tree, organization tree, token grant, transfer reply, stream event,
//! energy pages).
#![no_main]

use libfuzzer_sys::fuzz_target;
use meslink::fuzzing;

fuzz_target!(|data: &[u8]| {
    let Ok(v) = serde_json::from_slice::<serde_json::Value>(data) else {
        return;
    };
    let results = fuzzing::json_value(&v)
        .into_iter()
        .chain(fuzzing::http_answer(200, data));
    for p in results {
        if let Err(e) = &p.result {
            assert!(fuzzing::is_clear(e), "{}: {e:?}", p.parser);
        }
    }
});
