//! PHP `mail(to, subject, message, additional_headers)`: the input is the four
//! arguments separated by NUL bytes (PHP strings hold none that survive to
//! sendmail), then the platform in the first byte (`unix` or `windows`).
#![no_main]

use libfuzzer_sys::fuzz_target;
use mail_preflight::{Linter, Options, PhpMail};
use std::sync::OnceLock;

fn linters() -> &'static [Linter; 2] {
    static LINTERS: OnceLock<[Linter; 2]> = OnceLock::new();
    LINTERS.get_or_init(|| {
        ["unix", "windows"].map(|platform| {
            let json = format!(r#"{{"php": {{"platform": "{platform}"}}}}"#);
            Linter::new(&Options::from_json(&json).unwrap()).unwrap()
        })
    })
}

fuzz_target!(|data: &[u8]| {
    let Some((&platform, rest)) = data.split_first() else { return };
    let text = String::from_utf8_lossy(rest);
    let mut args = text.splitn(4, '\0');
    let mut next = || args.next().unwrap_or_default();
    let call = PhpMail::new(next(), next(), next(), next());
    if let Ok(report) = linters()[usize::from(platform & 1)].lint_php_mail(&call) {
        fuzz_checks::check_report(&report);
    }
});
