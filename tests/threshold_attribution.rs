//! A finding credits a number to the guides (or the host) only when that number
//! is the one in force: with a configured threshold the message says it is the
//! configured one, in every language; with the default it says the guides, as
//! before (the corpus reports do not change).

use mail_preflight::{lint, Options, Report};

const LOCALES: [&str; 4] = ["en", "fr", "es", "pl"];

/// The words that credit the guides (or the host) in each language.
const GUIDES: [&str; 4] = ["guides", "guides", "guías", "przewodnik"];
const HOST: [&str; 4] = ["host's limit", "limite de l'hébergement", "límite del alojamiento", "limit hostingu"];
/// The words that say a number is the caller's, in each language.
const CONFIGURED: [&str; 4] = ["configured", "configuré", "configurad", "skonfigurowan"];

fn message(subject: &str, extra_header: &str, body: &str) -> String {
    format!(
        "From: Site <contact@my-site.example>\r\nTo: owner@my-site.example\r\nSubject: {subject}\r\n\
         Date: Sat, 05 Dec 2026 10:00:00 +0000\r\nMessage-ID: <a1@my-site.example>\r\nMIME-Version: 1.0\r\n\
         {extra_header}\r\n{body}\r\n"
    )
}

fn text_message(subject: &str, body: &str) -> String {
    message(subject, "Content-Type: text/plain; charset=utf-8\r\n", body)
}

/// A message with a text part and an attachment named `name`.
fn with_attachment(name: &str) -> String {
    message(
        "Export",
        "Content-Type: multipart/mixed; boundary=\"b1\"\r\n",
        &format!(
            "--b1\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nThe export of this week is attached.\r\n\
             --b1\r\nContent-Type: application/octet-stream\r\nContent-Disposition: attachment; filename=\"{name}\"\r\n\r\n\
             id;name\r\n1;cake\r\n--b1--"
        ),
    )
}

fn run(raw: &str, locale: &str, thresholds: &str) -> Report {
    let options = Options::from_json(&format!(r#"{{"locale": "{locale}", "thresholds": {thresholds}}}"#)).unwrap();
    lint(raw.as_bytes(), &options).unwrap()
}

/// The one finding of `rule`: its message id and message.
fn finding(report: &Report, rule: &str) -> (String, String) {
    let found: Vec<_> = report.findings.iter().filter(|f| f.rule_id == rule).collect();
    assert_eq!(found.len(), 1, "{rule}: {:#?}", report.findings);
    (found[0].message_id.clone(), found[0].message.clone())
}

/// With `configured` thresholds the finding of `rule` names the configured
/// limit and not the guides; with `default` thresholds (none, or the default
/// value set) it keeps the guides' message id and words.
fn assert_attribution(raw: &str, rule: &str, configured: &str, defaults: &[&str], credited: &[&str; 4]) {
    for (i, locale) in LOCALES.iter().enumerate() {
        let (id, text) = finding(&run(raw, locale, configured), rule);
        assert!(id.ends_with("-configured"), "{locale} {rule}: {id}");
        assert!(text.contains(CONFIGURED[i]), "{locale} {rule} says the configured limit: {text}");
        assert!(!text.to_lowercase().contains(&credited[i].to_lowercase()), "{locale} {rule} credits the guides: {text}");
        for default in defaults {
            let (id, text) = finding(&run(raw, locale, default), rule);
            assert!(!id.ends_with("-configured"), "{locale} {rule} with {default}: {id}");
            assert!(text.contains(credited[i]), "{locale} {rule} with {default} credits the guides: {text}");
            assert!(!text.contains(CONFIGURED[i]), "{locale} {rule} with {default}: {text}");
        }
    }
}

#[test]
fn subject_caps_says_the_configured_word_count_is_the_callers() {
    let raw = text_message("NEW OFFER TODAY for you", "Hello, the cake order for Saturday is ready.");
    assert_attribution(
        &raw,
        "spam/subject-caps",
        r#"{"spam": {"subjectCapsWords": 2}}"#,
        &["{}", r#"{"spam": {"subjectCapsWords": 3}}"#],
        &GUIDES,
    );
    let (_, text) = finding(&run(&raw, "en", r#"{"spam": {"subjectCapsWords": 2}}"#), "spam/subject-caps");
    assert!(text.ends_with("the configured threshold flags 2 or more."), "{text}");
}

#[test]
fn whitespace_says_the_configured_ratio_is_the_callers() {
    // 150 spaces and 40 line ends around 160 visible characters: about 80 % blank.
    let raw = text_message("Order", &format!("Hello cake order for Saturday please.{}{}{}", " ".repeat(150), "\r\n".repeat(20), "x ".repeat(60)));
    assert_attribution(
        &raw,
        "spam/whitespace",
        r#"{"spam": {"whitespaceMaxRatio": 0.5}}"#,
        &["{}", r#"{"spam": {"whitespaceMaxRatio": 0.7}}"#],
        &GUIDES,
    );
    let (_, text) = finding(&run(&raw, "en", r#"{"spam": {"whitespaceMaxRatio": 0.5}}"#), "spam/whitespace");
    assert!(text.ends_with("the configured threshold flags over 50%."), "{text}");
}

#[test]
fn content_size_says_the_configured_limit_is_the_callers() {
    let raw = text_message("Order", &"The cake order for Saturday. ".repeat(300));
    // The default (7 MB) is never reached by a small message: the guides' words are
    // checked with the default value set and a limit of the same size otherwise.
    let (id, text) = finding(&run(&raw, "en", r#"{"size": {"maxContentBytes": 1000}}"#), "size/content");
    assert_eq!(id, "size/content.too-large-configured");
    assert!(text.contains("over the configured limit of 0.001"), "{text}");
    for (i, locale) in LOCALES.iter().enumerate() {
        let (_, text) = finding(&run(&raw, locale, r#"{"size": {"maxContentBytes": 1000}}"#), "size/content");
        assert!(text.contains(CONFIGURED[i]) && !text.contains(GUIDES[i]), "{locale}: {text}");
    }
    let big = text_message("Order", &"The cake order for Saturday.\r\n".repeat(250_000));
    for (i, locale) in LOCALES.iter().enumerate() {
        for default in ["{}", r#"{"size": {"maxContentBytes": 7000000}}"#] {
            let (id, text) = finding(&run(&big, locale, default), "size/content");
            assert_eq!(id, "size/content.too-large", "{locale} {default}");
            assert!(text.contains(GUIDES[i]) && !text.contains(CONFIGURED[i]), "{locale}: {text}");
        }
    }
}

#[test]
fn total_size_says_the_configured_limit_is_the_callers_not_the_hosts() {
    let raw = text_message("Order", &"The cake order for Saturday. ".repeat(40));
    for (i, locale) in LOCALES.iter().enumerate() {
        let (id, text) = finding(&run(&raw, locale, r#"{"size": {"maxMessageBytes": 500}}"#), "size/total");
        assert_eq!(id, "size/total.too-large-configured", "{locale}");
        assert!(text.contains(CONFIGURED[i]) && !text.contains(HOST[i]), "{locale}: {text}");
    }
    let big = text_message("Order", &"The cake order for Saturday.\r\n".repeat(350_000));
    for (i, locale) in LOCALES.iter().enumerate() {
        for default in ["{}", r#"{"size": {"maxMessageBytes": 10000000}}"#] {
            let (id, text) = finding(&run(&big, locale, default), "size/total");
            assert_eq!(id, "size/total.too-large", "{locale} {default}");
            assert!(text.contains(HOST[i]) && !text.contains(CONFIGURED[i]), "{locale}: {text}");
        }
    }
}

#[test]
fn a_blocked_extension_the_caller_added_is_not_credited_to_the_guides() {
    let configured = r#"{"attachments": {"blockedExtensions": ["xlsx", "xml", "csv"]}}"#;
    for (i, locale) in LOCALES.iter().enumerate() {
        let (id, text) = finding(&run(&with_attachment("export.csv"), locale, configured), "attachment/blocked-type");
        assert_eq!(id, "attachment/blocked-type.blocked-extension-configured", "{locale}");
        assert!(text.contains(CONFIGURED[i]), "{locale}: {text}");
        // The guides' own extension keeps the guides' words, whatever the list.
        for thresholds in ["{}", configured] {
            let (id, text) = finding(&run(&with_attachment("export.xml"), locale, thresholds), "attachment/blocked-type");
            assert_eq!(id, "attachment/blocked-type.blocked-extension", "{locale} {thresholds}");
            assert!(text.contains(GUIDES[i]) && !text.contains(CONFIGURED[i]), "{locale}: {text}");
        }
    }
}
