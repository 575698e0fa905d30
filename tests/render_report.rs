//! `renderReport` (the page calls it when the reader changes language) says a
//! report in another language as `lint` says it in that language: the
//! messages, the fixes and the evidence the engine writes, with their decimals,
//! also after the report went through JavaScript (where `4.0` reads `4`).

mod common;

use mail_preflight::i18n::{Locale, Msg, Nested};
use mail_preflight::pipeline::docs::{render_message, render_report};
use mail_preflight::rules::{ExampleInput, REGISTRY};
use mail_preflight::{Compose, Options, PhpMail, Report};

/// A value as JavaScript gives it back: `JSON.parse` then `JSON.stringify`,
/// whole numbers losing their `.0`.
fn through_javascript_value(value: &mut serde_json::Value) {
    match value {
        serde_json::Value::Number(n) => {
            if let Some(f) = n.as_f64().filter(|f| n.is_f64() && f.fract() == 0.0 && f.abs() < 9.0e15) {
                *value = serde_json::json!(f as i64);
            }
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(through_javascript_value),
        serde_json::Value::Object(map) => map.values_mut().for_each(through_javascript_value),
        _ => {}
    }
}

/// The report as the page holds it and gives it to `renderReport`.
fn through_javascript(report: &Report) -> Report {
    let mut value = serde_json::to_value(report).unwrap();
    through_javascript_value(&mut value);
    serde_json::from_value(value).unwrap()
}

/// What a reader reads of each finding.
fn said(report: &Report) -> Vec<String> {
    report.findings.iter().map(|f| format!("{}\n  {}\n  {}\n  {}", f.rule_id, f.message, f.fix, f.evidence)).collect()
}

/// `input` linted in English, rendered in each language, against `input` linted in it.
fn differences(name: &str, lint: &dyn Fn(Locale) -> Report, problems: &mut Vec<String>) {
    let english = through_javascript(&lint(Locale::En));
    for locale in Locale::ALL {
        let direct = said(&lint(locale));
        let rendered = said(&render_report(&english, locale));
        for (d, r) in direct.iter().zip(&rendered) {
            if d != r {
                problems.push(format!("{name} [{}]\n lint:         {d}\n renderReport: {r}", locale.code()));
            }
        }
        assert_eq!(direct.len(), rendered.len(), "{name}");
    }
}

#[test]
fn every_example_rendered_again_in_each_language_reads_as_linted_in_it() {
    let mut problems = Vec::new();
    for rule in REGISTRY {
        for example in rule.examples {
            let options = match example.options {
                Some(json) => Options::from_json(json).expect("example options parse"),
                None => Options::default(),
            };
            let lint = |locale: Locale| {
                let options = options.clone().with_locale(locale);
                match example.input {
                    ExampleInput::Raw(text) => mail_preflight::lint(text.as_bytes(), &options),
                    ExampleInput::Generated(make) => mail_preflight::lint(&make(), &options),
                    ExampleInput::Compose(json) => mail_preflight::lint_compose(&Compose::from_json(json).unwrap(), &options),
                    ExampleInput::PhpMail { to, subject, message, headers } => {
                        mail_preflight::lint_php_mail(&PhpMail::new(to, subject, message, headers), &options)
                    }
                }
                .expect("example lints")
            };
            differences(&format!("{} \"{}\"", rule.id, example.title.en), &lint, &mut problems);
        }
    }
    assert!(problems.is_empty(), "{} differences:\n{}", problems.len(), problems.join("\n"));
}

#[test]
fn every_corpus_message_rendered_again_in_each_language_reads_as_linted_in_it() {
    let mut problems = Vec::new();
    for (name, raw) in common::corpus_messages() {
        // Some files of the corpus are no message (an mbox's "From " line first): no report to render.
        if mail_preflight::lint(&raw, &Options::default()).is_err() {
            continue;
        }
        let lint = |locale: Locale| mail_preflight::lint(&raw, &Options::default().with_locale(locale)).unwrap();
        differences(&name, &lint, &mut problems);
    }
    assert!(problems.is_empty(), "{} differences:\n{}", problems.len(), problems.join("\n"));
}

#[test]
fn evidence_the_engine_writes_is_said_again_in_the_other_language() {
    let raw = b"From: a@example.com\r\nTo: b@example.com\r\nSubject: Hi\r\nDate: Thu, 1 Jan 2026 00:00:00 +0000\r\nMessage-ID: <1@example.com>\r\nMIME-Version: 1.0\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>Hello there, this is the news.</p>\r\n";
    let english = mail_preflight::lint(raw, &Options::default()).unwrap();
    let finding = english.findings_of("spam/html-only").next().expect("an html-only finding");
    assert_eq!(finding.evidence, "body parts: text/html");
    assert_eq!(finding.evidence_id.as_deref(), Some("spam/html-only.evidence.body-parts"));
    let french = render_report(&through_javascript(&english), Locale::Fr);
    assert_eq!(french.findings_of("spam/html-only").next().unwrap().evidence, "parties du corps : text/html");
}

#[test]
fn a_fix_with_parameters_is_said_again_with_them() {
    // A link on the sender's own domain whose text shows another (a newsletter's tracker).
    let raw = b"From: news@newsletter.example.com\r\nTo: b@example.org\r\nSubject: News\r\nContent-Type: text/html\r\n\r\n<a href=\"http://clickthru.example.com/Click?q=4e\">ReadyHosting.com</a>\r\n";
    let english = mail_preflight::lint(raw, &Options::default()).unwrap();
    let finding = english.findings_of("links/mismatch").next().expect("a links/mismatch finding");
    assert_eq!(finding.fix_id, "links/mismatch.own-domain.fix");
    for locale in Locale::ALL {
        let rendered = render_report(&english, locale);
        let fix = &rendered.findings_of("links/mismatch").next().unwrap().fix;
        assert!(!fix.contains('{') && fix.contains("example.com"), "{fix}");
    }
}

#[test]
fn a_whole_decimal_keeps_its_decimal_after_javascript() {
    // `accessibility/contrast.low` said "4,0:1" in lint and "4:1" once the report went through JavaScript.
    let message = Msg::new("core.report.score").float("score", 4.0).float("threshold", 1.25);
    let mut value = serde_json::to_value(message.nested()).unwrap();
    through_javascript_value(&mut value);
    let back: Nested = serde_json::from_value(value).unwrap();
    assert_eq!(message.render(Locale::Fr), "Score de spam 4,0 sur 1,25");
    assert_eq!(render_message(&back.id, &back.params, Locale::Fr), "Score de spam 4,0 sur 1,25");
    assert_eq!(render_message(&back.id, &back.params, Locale::En), "Spam score 4.0 of 1.25");
}

#[test]
fn a_rules_last_finding_still_says_how_many_were_left_out_in_the_other_language() {
    let links: String = (0..60).map(|i| format!("<p><a href=\"htp://site{i}.example/\">page {i}</a></p>")).collect();
    let raw = format!(
        "From: a@example.com\r\nTo: b@example.com\r\nSubject: Hi\r\nDate: Thu, 1 Jan 2026 00:00:00 +0000\r\nMessage-ID: <1@example.com>\r\nMIME-Version: 1.0\r\nContent-Type: text/html; charset=utf-8\r\n\r\n{links}\r\n"
    );
    let lint = |locale| mail_preflight::lint(raw.as_bytes(), &Options::default().with_locale(locale)).unwrap();
    let english = lint(Locale::En);
    let last = |report: &Report| report.findings_of("links/broken").last().expect("links/broken findings").message.clone();
    assert_eq!(english.findings_of("links/broken").count(), mail_preflight::rules::MAX_FINDINGS_PER_RULE);
    for locale in Locale::ALL {
        assert_eq!(last(&render_report(&through_javascript(&english), locale)), last(&lint(locale)));
    }
}
