//! SockJS frames of the live-stream and transfer sessions, and JWTs, on arbitrary text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use meslink::fuzzing;

fuzz_target!(|text: &str| {
    for p in fuzzing::text(text) {
        if let Err(e) = &p.result {
            assert!(fuzzing::is_clear(e), "{}: {e:?}", p.parser);
        }
    }
});
