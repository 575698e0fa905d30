//! Every corpus message is linted without panic, and its `headers/*` findings
//! (rule id, message id, severity, location) match the reviewed golden file
//! `tests/golden/headers/corpus.json` (`UPDATE_GOLDEN=1` regenerates it).

mod common;

use mail_preflight::{lint, Options};
use serde_json::{json, Map, Value};
use std::collections::BTreeMap;
use std::io::Write as _;
use std::path::PathBuf;

fn golden_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/golden/headers/corpus.json")
}

#[test]
fn header_findings_on_the_corpus_match_the_reviewed_golden_file() {
    let corpus = common::corpus_messages();
    if corpus.is_empty() {
        return;
    }
    let mut per_message = Map::new();
    let mut per_rule: BTreeMap<String, usize> = BTreeMap::new();
    for (name, raw) in &corpus {
        // A file that is not a message (a digest's body alone) is recorded with its coded error.
        let report = match lint(raw, &Options::default()) {
            Ok(report) => report,
            Err(error) => {
                per_message.insert(name.clone(), json!({ "error": error.code() }));
                continue;
            }
        };
        let findings: Vec<Value> = report
            .findings
            .iter()
            .filter(|f| f.rule_id.starts_with("headers/"))
            .map(|f| {
                *per_rule.entry(f.rule_id.clone()).or_default() += 1;
                let mut entry = json!({
                    "ruleId": f.rule_id,
                    "messageId": f.message_id,
                    "severity": f.severity.as_str(),
                });
                let location = &f.location;
                for (key, value) in [
                    ("header", location.header.clone().map(Value::from)),
                    ("part", location.part.map(Value::from)),
                    ("start", location.start.map(Value::from)),
                    ("end", location.end.map(Value::from)),
                ] {
                    if let Some(v) = value {
                        entry[key] = v;
                    }
                }
                entry
            })
            .collect();
        per_message.insert(name.clone(), Value::Array(findings));
    }
    let mut stderr = std::io::stderr();
    let total: usize = per_rule.values().sum();
    let _ = writeln!(stderr, "headers findings over {} corpus messages: {total}", corpus.len());
    for (rule, count) in &per_rule {
        let _ = writeln!(stderr, "  {rule}: {count}");
    }
    let text = serde_json::to_string_pretty(&Value::Object(per_message)).expect("serialise") + "\n";
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(golden_path(), &text).expect("write golden");
        return;
    }
    let golden = std::fs::read_to_string(golden_path()).expect("golden file exists (UPDATE_GOLDEN=1 creates it)");
    if golden != text {
        let expected: Value = serde_json::from_str(&golden).expect("golden parses");
        let actual: Value = serde_json::from_str(&text).expect("json");
        let mut changed = Vec::new();
        if let (Some(e), Some(a)) = (expected.as_object(), actual.as_object()) {
            for (name, value) in a {
                if e.get(name) != Some(value) {
                    changed.push(name.clone());
                }
            }
        }
        panic!("header findings changed for {} messages (review, then UPDATE_GOLDEN=1): {:?}", changed.len(), changed);
    }
}
