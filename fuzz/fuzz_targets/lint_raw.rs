//! Raw lint: any bytes as a message, with the default options. A report or a
//! coded error; every message-derived string in the report visible and capped.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mail_preflight::{Linter, Options};
use std::sync::OnceLock;

fn linter() -> &'static Linter {
    static LINTER: OnceLock<Linter> = OnceLock::new();
    // `now` set, so the date rules judge the distance to it.
    LINTER.get_or_init(|| Linter::new(&Options { now: Some(1_795_600_000), ..Options::default() }).unwrap())
}

fuzz_target!(|data: &[u8]| {
    if let Ok(report) = linter().lint(data) {
        fuzz_checks::check_report(&report);
    }
});
