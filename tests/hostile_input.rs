//! Bad input the engine must survive: no panic, a report or a clear error.

mod common;

use mail_preflight::{lint, LintError, Options, MAX_INPUT_BYTES};
use std::time::{Duration, Instant};

fn lints(raw: &[u8]) -> mail_preflight::Report {
    lint(raw, &Options::default()).expect("a report")
}

#[test]
fn empty_input_gives_a_report() {
    let report = lints(b"");
    assert_eq!(report.sizes.encoded, 0);
}

#[test]
fn binary_garbage_gives_a_report() {
    let mut state: u64 = 0x9e3779b97f4a7c15;
    let garbage: Vec<u8> = (0..200_000)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state as u8
        })
        .collect();
    lints(&garbage);
}

#[test]
fn input_over_the_hard_limit_is_refused_with_a_clear_error() {
    let big = vec![b'a'; 60 * 1024 * 1024];
    match lint(&big, &Options::default()) {
        Err(LintError::InputTooLarge { size, limit }) => {
            assert_eq!(size, big.len());
            assert_eq!(limit, MAX_INPUT_BYTES);
        }
        other => panic!("expected InputTooLarge, got {other:?}"),
    }
    let text = LintError::InputTooLarge { size: big.len(), limit: MAX_INPUT_BYTES }.localized(mail_preflight::Locale::Fr);
    assert!(text.contains("62,91"), "{text}");
}

#[test]
fn message_without_separator_gives_a_report() {
    lints(b"From: a@example.com\nSubject: no body and no blank line");
    lints(b"just a line of text without any header");
}

#[test]
fn invalid_utf8_and_nul_bytes_give_a_report() {
    lints(b"From: \xff\xfe <a@example.com>\r\nSubject: \x00\x01\r\n\r\n\xc3\x28 body \x00 with nul\r\n");
}

#[test]
fn deeply_nested_multiparts_stop_at_the_limit() {
    let mut raw = String::from("From: a@example.com\r\nMIME-Version: 1.0\r\n");
    let depth = 2_000;
    for i in 0..depth {
        raw.push_str(&format!("Content-Type: multipart/mixed; boundary=\"b{i}\"\r\n\r\n--b{i}\r\n"));
    }
    raw.push_str("Content-Type: text/plain\r\n\r\nhello\r\n");
    let report = lints(raw.as_bytes());
    assert!(report.sizes.encoded > 0);
}

#[test]
fn every_corpus_message_lints_without_panic_in_under_a_second() {
    let messages = common::corpus_messages();
    for (name, raw) in &messages {
        let started = Instant::now();
        let result = std::panic::catch_unwind(|| lint(raw, &Options::default()));
        assert!(result.is_ok(), "{name}: panicked");
        assert!(result.unwrap().is_ok(), "{name}: refused");
        // A guard against runaway work, not a benchmark (see `make bench`).
        assert!(started.elapsed() < Duration::from_secs(5), "{name}: took {:?}", started.elapsed());
    }
    if !messages.is_empty() {
        println!("linted {} corpus messages", messages.len());
    }
}
