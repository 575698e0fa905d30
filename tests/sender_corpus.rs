//! The #16 rules on real mail: the SpamAssassin public corpus in
//! `../shared/corpus` (2002–2005 ham and spam; much of the ham is mailing-list
//! traffic posted from Yahoo and Hotmail addresses). Legitimate mail must not
//! fail because of these rules: no ham message gets an error from them. The
//! test prints each rule's hits on ham and on spam, by severity.

mod common;

use mail_preflight::{lint, Options, Severity};
use std::collections::BTreeMap;

const GROUPS: &[&str] = &["sender/", "dkim/", "bulk/", "body/", "accessibility/"];

#[test]
fn no_ham_message_gets_an_error_from_the_sender_dkim_bulk_body_or_accessibility_rules() {
    // The corpus files keep their original names (no extension): read the folders.
    let mut messages: Vec<(String, Vec<u8>)> = Vec::new();
    if let Some(dir) = common::corpus_dir() {
        for folder in ["ham-easy-1", "ham-easy-2", "spam-1", "spam-2"] {
            let Ok(entries) = std::fs::read_dir(dir.join("spamassassin-public-dev").join(folder)) else { continue };
            for entry in entries.flatten() {
                if let Ok(raw) = std::fs::read(entry.path()) {
                    messages.push((format!("{folder}/{}", entry.file_name().to_string_lossy()), raw));
                }
            }
        }
    }
    messages.sort();
    let corpus: Vec<_> = messages.iter().collect();
    if corpus.is_empty() {
        eprintln!("NOTE: the SpamAssassin corpus is absent; nothing to count.");
        return;
    }
    // (rule, ham?) -> [info, warning, error] message counts.
    let mut hits: BTreeMap<(String, bool), [usize; 3]> = BTreeMap::new();
    let (mut ham_total, mut spam_total) = (0, 0);
    let mut ham_errors = Vec::new();
    for (rel, raw) in corpus {
        let ham = rel.starts_with("ham-");
        if ham {
            ham_total += 1;
        } else {
            spam_total += 1;
        }
        let Ok(report) = lint(raw, &Options::default()) else { continue };
        let mut seen: BTreeMap<&str, Severity> = BTreeMap::new();
        for f in report.findings.iter().filter(|f| GROUPS.iter().any(|g| f.rule_id.starts_with(g))) {
            let worst = seen.entry(f.rule_id.as_str()).or_insert(f.severity);
            if f.severity > *worst {
                *worst = f.severity;
            }
            if ham && f.severity == Severity::Error {
                ham_errors.push(format!("{rel}: {} {}", f.rule_id, f.message));
            }
        }
        for (rule, severity) in seen {
            let slot = match severity {
                Severity::Info => 0,
                Severity::Warning => 1,
                Severity::Error => 2,
            };
            hits.entry((rule.to_string(), ham)).or_default()[slot] += 1;
        }
    }
    println!("#16 rules on the SpamAssassin corpus: {ham_total} ham, {spam_total} spam (messages with a finding: info/warning/error)");
    let rules: std::collections::BTreeSet<&String> = hits.keys().map(|(r, _)| r).collect();
    for rule in rules {
        let ham = hits.get(&(rule.clone(), true)).copied().unwrap_or_default();
        let spam = hits.get(&(rule.clone(), false)).copied().unwrap_or_default();
        println!(
            "  {rule:28} ham {:>4}/{:>4}/{:>4}   spam {:>4}/{:>4}/{:>4}",
            ham[0], ham[1], ham[2], spam[0], spam[1], spam[2]
        );
    }
    assert!(ham_errors.is_empty(), "ham with errors from #16 rules:\n{}", ham_errors.join("\n"));
}
