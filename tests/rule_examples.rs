//! Every documented example of every rule is executed and must raise exactly
//! the findings it states (`Expect`: how many findings of its rule, at which
//! severity). So the documentation cannot lie.

mod common;

use mail_preflight::i18n::{template_params, Locale};
use mail_preflight::pipeline::docs::render_report;
use mail_preflight::rules::{Example, Rule, REGISTRY};
use mail_preflight::Report;
use std::sync::OnceLock;

/// Every example of every rule, run once for all the tests of this file.
fn run_all() -> &'static [(&'static Rule, &'static Example, Report)] {
    static RUNS: OnceLock<Vec<(&'static Rule, &'static Example, Report)>> = OnceLock::new();
    RUNS.get_or_init(|| {
        REGISTRY
            .iter()
            .flat_map(|rule| rule.examples.iter().map(move |example| (*rule, example)))
            .map(|(rule, example)| (rule, example, common::run_example(example)))
            .collect()
    })
}

#[test]
fn every_rule_has_a_failing_and_a_passing_example() {
    for rule in REGISTRY {
        assert!(rule.examples.iter().any(Example::fails_rule), "{} has no failing example", rule.id);
        assert!(rule.examples.iter().any(|e| !e.fails_rule()), "{} has no passing example", rule.id);
    }
}

#[test]
fn each_example_raises_exactly_the_findings_it_states() {
    let mut problems = Vec::new();
    for (rule, example, report) in run_all() {
        let (rule, example) = (*rule, *example);
        let findings: Vec<_> = report.findings_of(rule.id).collect();
        let severity = example.expect.severity.unwrap_or(rule.severity);
        let wrong_count = findings.len() != example.expect.count;
        let wrong_severity = findings.iter().any(|f| f.severity != severity);
        if wrong_count || wrong_severity {
            let found: Vec<String> =
                findings.iter().map(|f| format!("{:?} {}: {}", f.severity, f.message_id, f.message)).collect();
            problems.push(format!(
                "{}: \"{}\" states {} finding(s) at {:?}, raises {}: {:#?}",
                rule.id,
                example.title.en,
                example.expect.count,
                severity,
                findings.len(),
                found
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn findings_of_examples_use_only_the_texts_their_rule_declares() {
    let mut problems = Vec::new();
    for (rule, example, report) in run_all() {
        let (rule, example) = (*rule, *example);
        for finding in report.findings_of(rule.id) {
            let declared = |id: &str| rule.texts.entries().any(|e| e.id == id);
            if !declared(&finding.message_id) {
                problems.push(format!("{} (\"{}\"): message {}", rule.id, example.title.en, finding.message_id));
            }
            if !declared(&finding.fix_id) {
                problems.push(format!("{} (\"{}\"): fix {}", rule.id, example.title.en, finding.fix_id));
            }
        }
    }
    assert!(problems.is_empty(), "texts not declared by the rule:\n{}", problems.join("\n"));
}

#[test]
fn every_message_of_every_example_is_rendered_with_all_its_parameters_in_every_language() {
    let mut problems = Vec::new();
    for (_, example, report) in run_all() {
        for locale in Locale::ALL {
            let rendered = render_report(&report, locale);
            for finding in &rendered.findings {
                let Some(entry) = mail_preflight::pipeline::docs::entry(&finding.message_id) else {
                    problems.push(format!("\"{}\": unknown message {}", example.title.en, finding.message_id));
                    continue;
                };
                for param in template_params(entry.text(locale)) {
                    if !finding.params.contains_key(param) {
                        problems.push(format!(
                            "\"{}\" ({}): {} leaves {{{param}}} unreplaced: {}",
                            example.title.en,
                            locale.code(),
                            finding.message_id,
                            finding.message
                        ));
                    }
                }
                if finding.message.trim().is_empty() || finding.fix.trim().is_empty() {
                    problems.push(format!("\"{}\" ({}): empty message or fix", example.title.en, locale.code()));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Whether a title is prose (and so must be translated): it holds at least one
/// ordinary word — three letters or more, letters only, not an acronym in
/// capitals — rather than technical tokens alone (`Content-Type:`, `a.zip`,
/// `mail()`, `RFC 6532`, `7bit`), which read the same in every language.
fn is_prose(title: &str) -> bool {
    title.split_whitespace().any(|token| {
        if token.contains("()") {
            return false; // a function: mail()
        }
        let word = token.trim_matches(|c: char| matches!(c, '(' | ')' | ',' | ';' | '.' | '!' | '?'));
        let acronym = word.chars().all(char::is_uppercase);
        word.chars().count() >= 3 && word.chars().all(char::is_alphabetic) && !acronym
    })
}

#[test]
fn example_titles_are_translated_unless_they_are_only_technical_tokens() {
    assert!(is_prose("A short message"));
    assert!(!is_prose("Content-Type: text/plain"));
    assert!(!is_prose("PHP mail(), SMTP, RFC 6532"));
    assert!(is_prose("UTF-8 in From"));
    let mut problems = Vec::new();
    for rule in REGISTRY {
        for example in rule.examples {
            let title = example.title;
            for locale in [Locale::Fr, Locale::Es, Locale::Pl] {
                let text = title.text(locale);
                if text.trim().is_empty() {
                    problems.push(format!("{}: \"{}\" has no {} title", rule.id, title.en, locale.code()));
                } else if text == title.en && is_prose(title.en) {
                    problems.push(format!("{}: \"{}\" is not translated into {}", rule.id, title.en, locale.code()));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn rule_ids_are_unique_kebab_case_and_grouped() {
    let mut seen = std::collections::HashSet::new();
    for rule in REGISTRY {
        assert!(seen.insert(rule.id), "duplicate rule id {}", rule.id);
        let (group, name) = rule.id.split_once('/').expect("group/name");
        assert_eq!(group, rule.group.name(), "{}", rule.id);
        assert!(name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'), "{}", rule.id);
    }
}

#[test]
fn every_rule_and_threshold_cites_its_evidence() {
    for rule in REGISTRY {
        assert!(!rule.evidence.is_empty(), "{} cites no evidence", rule.id);
        for evidence in rule.evidence.iter().chain(rule.thresholds.iter().map(|t| &t.evidence)) {
            assert!(evidence.text().len() > 10, "{}: {:?}", rule.id, evidence);
        }
    }
}

#[test]
fn every_finding_of_an_example_quotes_what_it_is_about() {
    let mut problems = Vec::new();
    for (rule, example, report) in run_all() {
        for finding in report.findings_of(rule.id) {
            if finding.evidence.trim().is_empty() {
                let title = example.title.en;
                problems.push(format!("{} (\"{title}\"): {} has no evidence", rule.id, finding.message_id));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
