//! Every reader of an HTTP answer, on an arbitrary status and arbitrary bytes.
#![no_main]

use libfuzzer_sys::fuzz_target;
use meslink::fuzzing;

const STATUSES: [u16; 8] = [200, 201, 204, 400, 401, 404, 500, 503];

fuzz_target!(|data: &[u8]| {
    let Some((&first, body)) = data.split_first() else {
        return;
    };
    let status = STATUSES[first as usize % STATUSES.len()];
    for p in fuzzing::http_answer(status, body) {
        if let Err(e) = &p.result {
            assert!(fuzzing::is_clear(e), "{}: {e:?}", p.parser);
        }
    }
});
