//! Golden file of the content rules (`spam/*`, `links/*`) over the shared
//! corpus: for every message, the findings of these rules (rule, severity,
//! message id, evidence). `UPDATE_GOLDEN=1 cargo test --test content_golden`
//! rewrites `tests/golden/content/corpus.json`; review the diff, the findings
//! must be right, not just recorded.

mod common;

use mail_preflight::{lint, Options, Severity};
use serde_json::{json, Value};
use std::path::PathBuf;

fn golden_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/golden/content/corpus.json")
}

fn is_content_rule(rule_id: &str) -> bool {
    rule_id.starts_with("spam/") || rule_id.starts_with("links/")
}

/// The content findings of every corpus message, keyed by its path.
fn current() -> Value {
    let mut messages = serde_json::Map::new();
    for (name, raw) in common::corpus_messages() {
        // A file that is not a message (a digest's body alone) is recorded with its coded error.
        let report = match lint(&raw, &Options::default()) {
            Ok(report) => report,
            Err(error) => {
                messages.insert(name, json!({ "error": error.code() }));
                continue;
            }
        };
        let findings: Vec<Value> = report
            .findings
            .iter()
            .filter(|f| is_content_rule(&f.rule_id))
            .map(|f| {
                json!({
                    "ruleId": f.rule_id,
                    "severity": f.severity,
                    "messageId": f.message_id,
                    "evidence": f.evidence,
                })
            })
            .collect();
        messages.insert(name, Value::Array(findings));
    }
    Value::Object(messages)
}

#[test]
fn content_findings_match_the_reviewed_golden_file() {
    let actual = current();
    if actual.as_object().is_none_or(|m| m.is_empty()) {
        return; // no corpus: common::corpus_dir printed a NOTE
    }
    let path = golden_path();
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, serde_json::to_string_pretty(&actual).unwrap() + "\n").unwrap();
        println!("wrote {}", path.display());
        return;
    }
    let expected: Value =
        serde_json::from_str(&std::fs::read_to_string(&path).expect("golden file (UPDATE_GOLDEN=1 writes it)"))
            .unwrap();
    let (expected, actual) = (expected.as_object().unwrap(), actual.as_object().unwrap());
    let mut differences = Vec::new();
    for (name, findings) in actual {
        if expected.get(name) != Some(findings) {
            differences.push(format!(
                "{name}:\n  expected {}\n  actual   {}",
                expected.get(name).unwrap_or(&Value::Null),
                findings
            ));
        }
    }
    for name in expected.keys().filter(|n| !actual.contains_key(*n)) {
        differences.push(format!("{name}: in the golden file, not in the corpus"));
    }
    assert!(
        differences.is_empty(),
        "content findings changed (UPDATE_GOLDEN=1 after review):\n{}",
        differences.join("\n")
    );
}

/// Plain-text messages with an ordinary subject must raise no content error.
#[test]
fn text_plain_ham_gets_no_content_error() {
    let limits = mail_preflight::rules::attachments::default_limits();
    for (name, raw) in common::corpus_messages() {
        let Ok(report) = lint(&raw, &Options::default()) else { continue };
        let message = mail_preflight::model::Message::analyse(&raw, Default::default(), Vec::new(), &limits);
        if !message.html.is_empty() {
            continue;
        }
        let errors: Vec<_> = report
            .findings
            .iter()
            .filter(|f| is_content_rule(&f.rule_id) && f.severity == Severity::Error)
            .map(|f| format!("{} {}", f.rule_id, f.evidence))
            .collect();
        assert!(errors.is_empty(), "{name}: {errors:?}");
    }
}
