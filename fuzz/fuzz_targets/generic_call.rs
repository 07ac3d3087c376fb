//! The generic call with an arbitrary id and arbitrary JSON parameters, through a client
//! whose servers are all at an address where nothing listens: refused before sending, or
//! failing to connect; never a panic, never an internal error.
//!
//! Input: the first byte picks a catalog id (or, when it is 255, the text up to the first
//! newline is the id); the rest is the parameters' JSON (not JSON: sent as a string).
#![no_main]

use libfuzzer_sys::fuzz_target;
use meslink::fuzzing;
use std::sync::OnceLock;

fn client() -> &'static meslink::Client {
    static CLIENT: OnceLock<meslink::Client> = OnceLock::new();
    CLIENT.get_or_init(fuzzing::offline_client)
}

fuzz_target!(|data: &[u8]| {
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    let ids = fuzzing::call_ids();
    let (id, params) = if first == 255 {
        let cut = rest.iter().position(|&b| b == b'\n').unwrap_or(rest.len());
        let id = String::from_utf8_lossy(&rest[..cut]).into_owned();
        (id, &rest[(cut + 1).min(rest.len())..])
    } else {
        (ids[first as usize % ids.len()].to_owned(), rest)
    };
    let params = serde_json::from_slice(params).unwrap_or_else(|_| {
        serde_json::Value::String(String::from_utf8_lossy(params).into_owned())
    });
    if let Err(e) = fuzzing::generic_call(client(), &id, params) {
        assert!(fuzzing::is_clear(&e), "{id}: {e:?}");
    }
});
