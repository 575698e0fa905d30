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

/// Runs `f` on a thread with wasm's stack (1 MiB, the Rust wasm32 default): what
/// overflows here traps in the page and the package.
fn on_a_wasm_sized_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new().stack_size(1 << 20).spawn(f).unwrap().join().expect("no stack overflow")
}

#[test]
fn a_hundred_thousand_nested_attached_messages_give_a_report_on_a_wasm_sized_stack() {
    // Found by tests/bench/memory.mjs (its 10 MB `mime-nested-messages`): mail-parser
    // nests each message/rfc822 part in its parent without a depth limit, and the
    // chain was dropped recursively, one stack frame per level. The model reads
    // 64 levels (MAX_MIME_DEPTH) and now drops the rest level by level.
    let raw = format!(
        "From: a@example.com\r\nTo: b@example.com\r\nSubject: x\r\nMIME-Version: 1.0\r\nContent-Type: message/rfc822\r\n\r\n{}Subject: inner\r\n\r\nx\r\n",
        "Content-Type: message/rfc822\r\n\r\n".repeat(100_000)
    );
    let report = on_a_wasm_sized_stack(move || lints(raw.as_bytes()));
    assert!(
        report.findings.iter().any(|f| f.message_id == "headers/multipart-boundary.too-deep"),
        "the depth limit is reported: {:?}",
        report.findings.iter().map(|f| &f.message_id).collect::<Vec<_>>()
    );
}
