//! What else reads a raw message: `analyse` (the page's view of the parts) and
//! the mechanical fixes, whose output is linted again (a fix must never make a
//! message the engine cannot read).
#![no_main]

use libfuzzer_sys::fuzz_target;
use mail_preflight::fixes::{fix, FixOptions};
use mail_preflight::{Linter, Options};
use std::sync::OnceLock;

fn linter() -> &'static Linter {
    static LINTER: OnceLock<Linter> = OnceLock::new();
    LINTER.get_or_init(|| Linter::new(&Options::default()).unwrap())
}

fuzz_target!(|data: &[u8]| {
    if let Ok(analysis) = linter().analyse(data) {
        fuzz_checks::check_analysis(&analysis, data.len());
    }
    let options = FixOptions { now: Some(1_795_600_000), only: None };
    if let Ok(fixed) = fix(data, &options) {
        if let Ok(report) = linter().lint(&fixed.bytes) {
            fuzz_checks::check_report(&report);
        }
    }
});
