//! Inputs the coverage-guided fuzzer (`make fuzz`, `fuzz/`) found to panic, hang
//! or grow without bound, each reduced to what triggers it and fixed at its root
//! cause. One test per input, named after what the input does.

use mail_preflight::{lint, Options};

fn lints(raw: &[u8]) -> mail_preflight::Report {
    lint(raw, &Options::default()).expect("a report")
}

#[test]
fn a_list_unsubscribe_uri_with_a_multibyte_character_across_its_eighth_byte_is_read() {
    // `https:/é…`: the `https://` test sliced the URI at byte 8, inside the `é`.
    let raw = "From: a@example.com\r\nTo: b@example.com\r\nPrecedence: bulk\r\nList-Unsubscribe: <https:/\u{e9}x.example/u>\r\n\r\nx\r\n";
    let report = lints(raw.as_bytes());
    assert!(
        report.findings.iter().any(|f| f.rule_id == "bulk/list-unsubscribe"),
        "no https: address: {:?}",
        report.findings
    );
}

#[test]
fn a_list_unsubscribe_uri_with_a_multibyte_character_across_its_seventh_byte_is_read() {
    // `mailto` then `é`: the `mailto:` test sliced the URI at byte 7, inside the `é`.
    let raw = "From: a@example.com\r\nTo: b@example.com\r\nPrecedence: bulk\r\nList-Unsubscribe: <mailto\u{e9}x@example.com>\r\n\r\nx\r\n";
    let report = lints(raw.as_bytes());
    assert!(report.findings.iter().any(|f| f.rule_id == "bulk/list-unsubscribe"), "{:?}", report.findings);
}
