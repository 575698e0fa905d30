//! Every documented example of every rule is executed: a failing example must
//! raise its rule, a passing one must not. So the documentation cannot lie.

mod common;

use mail_preflight::rules::REGISTRY;

#[test]
fn every_rule_has_a_failing_and_a_passing_example() {
    for rule in REGISTRY {
        assert!(rule.examples.iter().any(|e| e.fails), "{} has no failing example", rule.id);
        assert!(rule.examples.iter().any(|e| !e.fails), "{} has no passing example", rule.id);
    }
}

#[test]
fn failing_examples_raise_their_rule_and_passing_ones_do_not() {
    let mut problems = Vec::new();
    for rule in REGISTRY {
        for example in rule.examples {
            let report = common::run_example(example);
            let raised = report.has(rule.id);
            if example.fails && !raised {
                problems.push(format!("{}: failing example \"{}\" does not raise it", rule.id, example.title));
            }
            if !example.fails && raised {
                let found: Vec<_> = report.findings_of(rule.id).map(|f| f.message.clone()).collect();
                problems.push(format!("{}: passing example \"{}\" raises it: {:?}", rule.id, example.title, found));
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
        assert!(["size", "headers", "spam", "links", "attachment", "config"].contains(&group), "{}", rule.id);
        assert!(name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'), "{}", rule.id);
    }
}
