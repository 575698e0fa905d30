//! The mechanical fixes (`src/fixes/`): each one removes the findings of the
//! rule it fixes, changes nothing else a reader sees, and leaves a message that
//! needs no fix byte for byte.

mod common;

use mail_preflight::fixes::{fix, FixKind, FixOptions};
use mail_preflight::{lint, Options, Report};

const NOW: i64 = 1_772_445_600; // Mon, 2 Mar 2026 10:00:00 UTC

fn options() -> FixOptions {
    FixOptions { now: Some(NOW), only: None }
}

fn report(raw: &[u8]) -> Report {
    lint(raw, &Options { now: Some(NOW), ..Options::default() }).expect("lints")
}

fn raised(raw: &[u8], rule: &str) -> usize {
    report(raw).findings.iter().filter(|f| f.rule_id == rule).count()
}

fn missing(raw: &[u8], field: &str) -> bool {
    report(raw).findings.iter().any(|f| f.rule_id == "headers/missing-field" && f.evidence == field)
}

fn applied(raw: &[u8]) -> (Vec<u8>, Vec<FixKind>) {
    let fixed = fix(raw, &options()).expect("fixes");
    (fixed.bytes, fixed.applied.iter().map(|a| a.fix).collect())
}

/// A message with nothing to fix, to build the broken ones from.
const CLEAN: &str = "From: Bakery <contact@bakery.example>\r\nTo: owner@bakery.example\r\nSubject: Order 42\r\n\
Date: Mon, 2 Mar 2026 09:00:00 +0000\r\nMessage-ID: <order-42@bakery.example>\r\nMIME-Version: 1.0\r\n\
Content-Type: text/plain; charset=utf-8\r\n\r\nYour cake is ready.\r\n";

#[test]
fn a_message_that_needs_no_fix_is_left_byte_for_byte() {
    let (bytes, kinds) = applied(CLEAN.as_bytes());
    assert!(kinds.is_empty(), "{kinds:?}");
    assert_eq!(bytes, CLEAN.as_bytes());
}

#[test]
fn normalising_line_ends_removes_the_mixed_line_breaks_finding() {
    let raw = CLEAN.replace("Your cake is ready.\r\n", "Your cake\nis ready.\n");
    assert!(raised(raw.as_bytes(), "headers/line-breaks") > 0);
    let (bytes, kinds) = applied(raw.as_bytes());
    assert_eq!(kinds, [FixKind::LineEnds]);
    assert_eq!(raised(&bytes, "headers/line-breaks"), 0);
    assert!(bytes.ends_with(b"Your cake\r\nis ready.\r\n"));
}

#[test]
fn a_bare_cr_smuggled_into_the_subject_never_becomes_a_header_field() {
    let raw = CLEAN.replace("Subject: Order 42", "Subject: Order 42\rBcc: victim@elsewhere.example");
    assert!(raised(raw.as_bytes(), "headers/line-breaks") > 0);
    let (bytes, _) = applied(raw.as_bytes());
    assert_eq!(raised(&bytes, "headers/line-breaks"), 0);
    let text = String::from_utf8(bytes).unwrap();
    assert!(text.contains("Subject: Order 42 Bcc: victim@elsewhere.example\r\n"));
    assert!(!text.contains("\r\nBcc:"));
}

#[test]
fn encoding_a_raw_utf8_subject_removes_the_raw_8bit_finding_and_keeps_the_text() {
    let raw = CLEAN.replace("Subject: Order 42", "Subject: Zamówienie 42 — gotowe ☕");
    assert!(raised(raw.as_bytes(), "headers/raw-8bit") > 0);
    let (bytes, kinds) = applied(raw.as_bytes());
    assert_eq!(kinds, [FixKind::EncodeSubject]);
    assert_eq!(raised(&bytes, "headers/raw-8bit"), 0);
    assert_eq!(raised(&bytes, "headers/encoded-word"), 0);
    let decoded = mail_parser::MessageParser::default().parse(&bytes).unwrap();
    assert_eq!(decoded.subject(), Some("Zamówienie 42 — gotowe ☕"));
}

#[test]
fn folding_long_header_lines_removes_the_line_length_finding_and_keeps_the_value() {
    let subject = "Your order of three chocolate cakes and twelve croissants is ready for pick-up at the shop";
    let raw = CLEAN.replace("Subject: Order 42", &format!("Subject: {subject}"));
    assert!(raised(raw.as_bytes(), "size/line-length") > 0);
    let (bytes, kinds) = applied(raw.as_bytes());
    assert_eq!(kinds, [FixKind::FoldHeaders]);
    assert_eq!(raised(&bytes, "size/line-length"), 0);
    let decoded = mail_parser::MessageParser::default().parse(&bytes).unwrap();
    assert_eq!(decoded.subject(), Some(subject));
}

#[test]
fn a_header_line_over_998_octets_is_folded_under_the_hard_limit() {
    let words = "cake ".repeat(300);
    let raw = CLEAN.replace("Subject: Order 42", &format!("Subject: {}", words.trim_end()));
    let (bytes, _) = applied(raw.as_bytes());
    assert!(report(&bytes)
        .findings
        .iter()
        .all(|f| !(f.rule_id == "size/line-length" && f.severity == mail_preflight::Severity::Error)));
}

#[test]
fn adding_a_date_removes_the_missing_date_finding_and_uses_now() {
    let raw = CLEAN.replace("Date: Mon, 2 Mar 2026 09:00:00 +0000\r\n", "");
    assert!(missing(raw.as_bytes(), "Date"));
    let (bytes, kinds) = applied(raw.as_bytes());
    assert_eq!(kinds, [FixKind::AddDate]);
    assert!(!missing(&bytes, "Date"));
    assert_eq!(raised(&bytes, "headers/date"), 0);
    assert!(String::from_utf8(bytes).unwrap().contains("Date: Mon, 2 Mar 2026 10:00:00 +0000\r\n\r\n"));
}

#[test]
fn without_now_no_date_is_invented() {
    let raw = CLEAN.replace("Date: Mon, 2 Mar 2026 09:00:00 +0000\r\n", "");
    let fixed = fix(raw.as_bytes(), &FixOptions::default()).unwrap();
    assert!(fixed.applied.iter().all(|a| a.fix != FixKind::AddDate));
}

#[test]
fn adding_a_message_id_removes_the_missing_message_id_finding() {
    let raw = CLEAN.replace("Message-ID: <order-42@bakery.example>\r\n", "");
    assert!(missing(raw.as_bytes(), "Message-ID"));
    let (bytes, kinds) = applied(raw.as_bytes());
    assert_eq!(kinds, [FixKind::AddMessageId]);
    assert!(!missing(&bytes, "Message-ID"));
    assert_eq!(raised(&bytes, "headers/message-id"), 0);
    assert!(String::from_utf8(bytes).unwrap().contains("@bakery.example>\r\n"));
}

#[test]
fn an_html_only_message_gets_its_visible_text_as_a_first_alternative_which_removes_the_html_only_finding() {
    let raw = CLEAN
        .replace("Content-Type: text/plain; charset=utf-8", "Content-Type: text/html; charset=utf-8")
        .replace("Your cake is ready.", "<p>Your cake is <b>ready</b>.</p><p>See you soon</p>");
    let before: Vec<String> = report(raw.as_bytes()).findings.into_iter().map(|f| f.rule_id).collect();
    let (bytes, kinds) = applied(raw.as_bytes());
    assert_eq!(kinds, [FixKind::TextAlternative]);
    let parsed = mail_parser::MessageParser::default().parse(&bytes).unwrap();
    assert_eq!(
        parsed.body_text(0).map(|t| t.trim().replace("\r\n", "\n")).as_deref(),
        Some("Your cake is ready.\nSee you soon")
    );
    assert!(parsed.body_html(0).unwrap().contains("<b>ready</b>"));
    let after: Vec<String> = report(&bytes).findings.into_iter().map(|f| f.rule_id).collect();
    assert!(after.iter().all(|id| before.contains(id)), "new findings: {after:?} (before: {before:?})");
    let rule = FixKind::TextAlternative.rule_id().unwrap();
    assert!(before.iter().any(|id| id == rule) && !after.iter().any(|id| id == rule), "{rule}: {before:?} → {after:?}");
}

#[test]
fn only_the_fixes_asked_for_run() {
    let raw = CLEAN
        .replace("Date: Mon, 2 Mar 2026 09:00:00 +0000\r\n", "")
        .replace("Message-ID: <order-42@bakery.example>\r\n", "");
    let fixed = fix(raw.as_bytes(), &FixOptions { now: Some(NOW), only: Some(vec![FixKind::AddMessageId]) }).unwrap();
    assert_eq!(fixed.applied.iter().map(|a| a.fix).collect::<Vec<_>>(), [FixKind::AddMessageId]);
    assert!(missing(&fixed.bytes, "Date"));
}

#[test]
fn what_is_not_a_message_is_left_unchanged() {
    let pdf = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n";
    let fixed = fix(pdf, &options()).unwrap();
    assert!(fixed.applied.is_empty());
    assert_eq!(fixed.bytes, pdf);
    assert!(fix(b"", &options()).unwrap().applied.is_empty());
}

#[test]
fn fix_options_refuse_unknown_fields() {
    assert!(FixOptions::from_json(r#"{"now": 1, "only": ["add-date"]}"#).is_ok());
    assert!(FixOptions::from_json(r#"{"nwo": 1}"#).is_err());
    assert!(FixOptions::from_json(r#"{"only": ["rewrite-everything"]}"#).is_err());
}

#[test]
fn every_corpus_message_fixes_once_and_then_needs_nothing_more() {
    let messages = common::corpus_messages();
    for (name, raw) in &messages {
        let once = fix(raw, &options()).expect("fixes");
        assert!(once.bytes.len() <= raw.len() * 2 + 4096, "{name}: grew from {} to {}", raw.len(), once.bytes.len());
        let twice = fix(&once.bytes, &options()).expect("fixes again");
        // A long token can stay unfoldable; anything else is done in one pass.
        let left: Vec<_> = twice.applied.iter().filter(|a| a.fix != FixKind::FoldHeaders).collect();
        assert!(left.is_empty(), "{name}: a second pass still applied {left:?}");
        for applied in &once.applied {
            if matches!(applied.fix, FixKind::LineEnds | FixKind::EncodeSubject) {
                let rule = applied.fix.rule_id().unwrap();
                let still = report(&once.bytes).findings.into_iter().filter(|f| f.rule_id == rule);
                let subject_left =
                    still.filter(|f| rule != "headers/raw-8bit" || f.location.header.as_deref() == Some("Subject"));
                assert_eq!(subject_left.count(), 0, "{name}: {rule} still raised after {:?}", applied.fix);
            }
        }
    }
    eprintln!("fixes checked on {} corpus messages", messages.len());
}
