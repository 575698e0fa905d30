//! Compose fields as JSON (the Nodemailer message options), rendered as
//! Nodemailer renders them and linted.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mail_preflight::{Compose, Linter, Options};
use std::sync::OnceLock;

fn linter() -> &'static Linter {
    static LINTER: OnceLock<Linter> = OnceLock::new();
    LINTER.get_or_init(|| Linter::new(&Options::default()).unwrap())
}

fuzz_target!(|data: &[u8]| {
    let Ok(json) = std::str::from_utf8(data) else { return };
    let compose = match Compose::from_json(json) {
        Ok(compose) => compose,
        Err(error) => {
            // A refusal is read from serde's text and worded, never a panic.
            let _ = error.localized(mail_preflight::Locale::Fr);
            return;
        }
    };
    if let Ok(report) = linter().lint_compose(&compose) {
        fuzz_checks::check_report(&report);
    }
    if let Ok(analysis) = linter().analyse_compose(&compose) {
        fuzz_checks::check_analysis(&analysis, 0);
    }
});
