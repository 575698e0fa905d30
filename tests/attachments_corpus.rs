//! Golden findings of the `attachment/*` rules on the corpus messages that carry
//! attachments (`../shared/corpus`, third-party mail nobody here wrote).
//! `UPDATE_GOLDEN=1 cargo test --test attachments_corpus` rewrites the golden
//! file; review the diff: every finding must be right, not just recorded.

mod common;

use mail_preflight::model::{attachments, Message};
use mail_preflight::report::Origin;
use mail_preflight::{lint, Options};
use serde_json::{json, Value};
use std::path::PathBuf;

fn golden_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/golden/attachments/corpus.json")
}

/// For each corpus message with attachments: their names and types, and the
/// attachment findings (rule, severity, message id, evidence, path).
fn corpus_results() -> Option<Value> {
    let messages = common::corpus_messages();
    if messages.is_empty() {
        return None;
    }
    let mut results = serde_json::Map::new();
    let limits = mail_preflight::rules::attachments::default_limits();
    for (name, raw) in &messages {
        let message = Message::analyse(raw, Origin::Raw, Vec::new(), &limits);
        let attachments: Vec<String> = message
            .parts
            .iter()
            .filter(|p| attachments::is_inspected(p))
            .map(|p| format!("{} ({})", p.filename.as_deref().unwrap_or("unnamed"), p.content_type))
            .collect();
        if attachments.is_empty() {
            continue;
        }
        let report = lint(raw, &Options::default()).expect("corpus message lints");
        let findings: Vec<Value> = report
            .findings
            .iter()
            .filter(|f| f.rule_id.starts_with("attachment/"))
            .map(|f| {
                json!({
                    "ruleId": f.rule_id,
                    "severity": f.severity,
                    "messageId": f.message_id,
                    "evidence": f.evidence,
                    "part": f.location.part,
                })
            })
            .collect();
        results.insert(name.clone(), json!({ "attachments": attachments, "findings": findings }));
    }
    Some(Value::Object(results))
}

#[test]
fn corpus_attachment_findings_match_the_reviewed_golden_file() {
    let Some(actual) = corpus_results() else { return };
    let path = golden_path();
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, serde_json::to_string_pretty(&actual).unwrap() + "\n").unwrap();
        println!("wrote {}", path.display());
        return;
    }
    let expected: Value =
        serde_json::from_str(&std::fs::read_to_string(&path).expect("golden file; run with UPDATE_GOLDEN=1"))
            .expect("golden JSON");
    let (Value::Object(expected), Value::Object(actual)) = (&expected, &actual) else {
        panic!("golden is not an object")
    };
    let mut differences = Vec::new();
    for (name, value) in actual {
        if expected.get(name) != Some(value) {
            differences.push(format!("{name}: expected {:?}\n  got {value}", expected.get(name).map(Value::to_string)));
        }
    }
    for name in expected.keys().filter(|k| !actual.contains_key(*k)) {
        differences.push(format!("{name}: in the golden file, no longer has attachments"));
    }
    assert!(differences.is_empty(), "{}\n(UPDATE_GOLDEN=1 to accept after review)", differences.join("\n"));
}
