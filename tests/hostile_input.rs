//! Bad input the engine must survive: no panic, a report or a clear error.

mod common;

use mail_preflight::model::Message;
use mail_preflight::report::Origin;
use mail_preflight::{lint, LintError, Linter, NotAMessage, Options, MAX_INPUT_BYTES};
use std::time::Instant;

fn lints(raw: &[u8]) -> mail_preflight::Report {
    lint(raw, &Options::default()).expect("a report")
}

/// Every rule run over `raw` analysed as it is, past the `not-a-message`
/// check: the rules themselves must survive whatever reaches them.
fn rules_survive(raw: &[u8]) -> mail_preflight::Report {
    let linter = Linter::new(&Options::default()).expect("default options");
    let limits = mail_preflight::rules::attachments::limits(linter.settings());
    linter.report_for(&Message::analyse(raw, Origin::Raw, Vec::new(), &limits), None)
}

#[test]
fn empty_input_is_not_a_message() {
    for raw in [&b""[..], b"   \r\n\t\n"] {
        let error = lint(raw, &Options::default()).expect_err("refused");
        assert_eq!(error, LintError::NotAMessage(NotAMessage::Empty));
        assert_eq!(error.code(), "not-a-message");
    }
    assert_eq!(rules_survive(b"").sizes.encoded, 0);
}

#[test]
fn a_file_of_another_kind_is_not_a_message_and_says_which() {
    let error = lint(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", &Options::default()).expect_err("refused");
    assert_eq!(error, LintError::NotAMessage(NotAMessage::File("PDF")));
    assert!(error.localized(mail_preflight::Locale::Fr).contains("PDF"));
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
    match lint(&garbage, &Options::default()) {
        Ok(_) | Err(LintError::NotAMessage(_)) => {}
        Err(other) => panic!("garbage gives a report or not-a-message, got {other:?}"),
    }
    rules_survive(&garbage);
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
    let text =
        LintError::InputTooLarge { size: big.len(), limit: MAX_INPUT_BYTES }.localized(mail_preflight::Locale::Fr);
    assert!(text.contains("62,91"), "{text}");
}

#[test]
fn message_without_separator_gives_a_report() {
    lints(b"From: a@example.com\nSubject: no body and no blank line");
}

#[test]
fn text_without_any_header_field_is_not_a_message() {
    let raw = b"just a line of text without any header";
    assert_eq!(lint(raw, &Options::default()), Err(LintError::NotAMessage(NotAMessage::NoHeader)));
    assert!(rules_survive(raw).has("headers/missing-field"));
}

#[test]
fn invalid_utf8_and_nul_bytes_give_a_report() {
    lints(b"From: \xff\xfe <a@example.com>\r\nSubject: \x00\x01\r\n\r\n\xc3\x28 body \x00 with nul\r\n");
    rules_survive(b"\x00\xff\r\r\n:\n\xc3");
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
    assert!(report.has("headers/multipart-boundary"), "the depth limit is a finding");
    assert!(report.findings.iter().any(|f| f.message_id == "headers/multipart-boundary.too-deep"));
}

#[test]
fn more_parts_than_the_model_keeps_stop_at_the_limit_with_a_finding() {
    let parts = mail_preflight::model::MAX_MIME_PARTS + 1;
    let raw = format!(
        "From: a@example.com\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n{}--b--\r\n",
        "--b\r\nContent-Type: text/plain\r\n\r\nx\r\n".repeat(parts)
    );
    let report = lints(raw.as_bytes());
    assert!(report.findings.iter().any(|f| f.message_id == "headers/multipart-boundary.too-many-parts"));
}

/// Every corpus message lints, or is refused as no message, without a panic. Its
/// time is printed when over a second, never asserted (`make bench` measures speed).
#[test]
fn every_corpus_message_lints_without_panic() {
    let messages = common::corpus_messages();
    for (name, raw) in &messages {
        let started = Instant::now();
        let result = std::panic::catch_unwind(|| lint(raw, &Options::default()));
        assert!(result.is_ok(), "{name}: panicked");
        // A corpus file may be a fragment (a digest's body alone): refused as
        // not a message, recorded so in the golden files; never any other error.
        match result.unwrap() {
            Ok(_) => {}
            Err(LintError::NotAMessage(_)) => assert!(!rules_survive(raw).findings.is_empty(), "{name}"),
            Err(other) => panic!("{name}: refused with {other:?}"),
        }
        // Printed, never asserted (`make bench` measures the corpus).
        if started.elapsed().as_secs() >= 1 {
            println!("{name}: {:?}", started.elapsed());
        }
    }
    if !messages.is_empty() {
        println!("linted {} corpus messages", messages.len());
    }
}

/// The findings saying a field is missing.
fn missing(report: &mail_preflight::Report) -> Vec<&str> {
    let absent = |id: &str| {
        (id.starts_with("headers/missing-field") && id != "headers/missing-field.mailer-adds") || id == "spam/missing-subject.absent"
    };
    report.findings.iter().map(|f| f.message_id.as_str()).filter(|id| absent(id)).collect()
}

#[test]
fn fields_past_the_header_line_limit_are_not_reported_missing() {
    // Ten thousand Received lines, then the fields: From, Message-ID, Date and
    // Subject had been reported missing although they were there, unread.
    let received = "Received: from a.example by b.example; Mon, 2 Mar 2026 10:00:00 +0000\r\n".repeat(10_000);
    let raw = format!(
        "{received}From: a@example.com\r\nTo: b@example.com\r\nSubject: Hello\r\n there\r\nDate: Mon, 2 Mar 2026 10:00:00 +0000\r\nMessage-ID: <x@example.com>\r\nMIME-Version: 1.0\r\nX-Late: 1\r\nFrom: second@example.com\r\n\r\nHello\r\n"
    );
    let report = lints(raw.as_bytes());
    assert!(missing(&report).is_empty(), "{:?}", missing(&report));
    let too_many = report.findings.iter().find(|f| f.message_id == "headers/field-name.too-many").expect("the cut is said");
    // X-Late and the second From were left out; the fold of the Subject was read with it.
    assert!(too_many.message.contains("the 2 after them were not checked"), "{}", too_many.message);
    let linter = Linter::new(&Options::default()).expect("default options");
    let limits = mail_preflight::rules::attachments::limits(linter.settings());
    let message = Message::analyse(raw.as_bytes(), Origin::Raw, Vec::new(), &limits);
    assert_eq!(message.header.omitted, 2);
    assert_eq!(message.subject.as_deref(), Some("Hello there"));
    assert_eq!(message.header.fields.len(), 10_000 + 6, "one of each located name, no more");
}

#[test]
fn fields_absent_past_the_header_line_limit_are_still_reported_missing() {
    let raw = format!("{}From: a@example.com\r\n\r\nHello\r\n", "X-Tag: 1\r\n".repeat(20_000));
    let ids = missing(&lints(raw.as_bytes())).join(" ");
    assert!(ids.contains("headers/missing-field.required") && ids.contains("no-message-id"), "{ids}");
}

#[test]
fn compose_headers_past_the_header_line_limit_do_not_hide_the_fields() {
    let headers: Vec<String> = (0..100_000).map(|i| format!("{{\"key\":\"X-Tag-{i}\",\"value\":\"1\"}}")).collect();
    let json = format!(
        "{{\"from\":\"a@example.com\",\"to\":\"b@example.com\",\"subject\":\"Hello\",\"text\":\"Hi\",\"headers\":[{}]}}",
        headers.join(",")
    );
    let compose = mail_preflight::Compose::from_json(&json).expect("compose fields");
    let report = mail_preflight::lint_compose(&compose, &Options::default()).expect("a report");
    assert!(missing(&report).is_empty(), "{:?}", missing(&report));
    assert!(report.findings.iter().any(|f| f.message_id == "headers/field-name.too-many"));
}

/// `filename*0*=…; filename*1*=…` continuations over `lines` lines.
fn continuations(name: &str, lines: usize) -> String {
    (0..lines).map(|i| format!(";\r\n {name}*{i}*=%C3%A9%C3%A9%C3%A9%C3%A9%C3%A9%C3%A9")).collect()
}

#[test]
fn a_mime_field_of_many_rfc2231_continuations_is_read_up_to_its_limit_and_said() {
    // mail-parser joins continuations in quadratic time (6.4 MB took 2.8 s in wasm):
    // past MAX_PARSER_MIME_FIELD_BYTES it does not see them; the rest of the message is read as usual.
    let raw = format!(
        "From: a@example.com\r\nTo: b@example.com\r\nSubject: x\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b{}\r\n\r\n\
         --b\r\nContent-Type: text/plain\r\n\r\nHello\r\n\
         --b\r\nContent-Type: application/octet-stream\r\nContent-Disposition: attachment{}\r\n\r\nAAAA\r\n\
         --b\r\nContent-Type: application/octet-stream; name=\"setup.exe\"\r\nContent-Disposition: attachment; filename=\"setup.exe\"\r\nContent-Transfer-Encoding: base64\r\n\r\nTVqQAAMAAAAEAAAA\r\n--b--\r\n",
        continuations("x", 20_000),
        continuations("filename", 200_000),
    );
    let report = lints(raw.as_bytes());
    let cut: Vec<_> = report.findings.iter().filter(|f| f.message_id == "headers/parameter-encoding.cut").collect();
    assert_eq!(cut.len(), 2, "{:#?}", report.findings.iter().map(|f| &f.message_id).collect::<Vec<_>>());
    let limit = mail_preflight::model::MAX_PARSER_MIME_FIELD_BYTES;
    for finding in &cut {
        let (start, end) = (finding.location.start.unwrap(), finding.location.end.unwrap());
        assert!(end - start > limit);
        assert!(raw[start..].starts_with("Content-"), "{}", &raw[start..start + 30]);
        assert!(raw[..end].ends_with("%C3%A9"), "the field up to its last value");
    }
    // The boundary came before the cut; the part after the long field is still read, at its place.
    let exe = report.findings.iter().find(|f| f.rule_id == "attachment/executable").expect("the .exe is found");
    assert_eq!(exe.severity, mail_preflight::Severity::Error);
    assert!(report.findings.iter().all(|f| f.rule_id != "headers/multipart-boundary"));
}

#[test]
fn a_mime_field_under_the_limit_is_read_whole() {
    let raw = format!(
        "From: a@example.com\r\nTo: b@example.com\r\nSubject: x\r\nMIME-Version: 1.0\r\nContent-Type: application/pdf\r\nContent-Disposition: attachment{}\r\n\r\nJVBERi0=\r\n",
        continuations("filename", 100),
    );
    let report = lints(raw.as_bytes());
    assert!(report.findings.iter().all(|f| f.message_id != "headers/parameter-encoding.cut"));
}
