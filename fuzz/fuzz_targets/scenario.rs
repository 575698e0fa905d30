//! Sending-queue scenarios as JSON: a result or `invalid-scenario` naming the
//! field, within the scenario limits (never a loop without end).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(json) = std::str::from_utf8(data) else { return };
    let _ = mail_preflight::queue::simulate_json(json);
});
