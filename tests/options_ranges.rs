//! Every number the options take has a range (README "Limits"): a value out of
//! it, or of the wrong type, is `invalid-options` whose detail starts with the
//! field's name — never a wrap-around, a panic or a silent default. A table per
//! kind of field; the thresholds come from the registry, so a new one is covered
//! the day it is declared.

use mail_preflight::fixes::{fix, FixOptions};
use mail_preflight::options::{MAX_NOW_SECONDS, MAX_PORT};
use mail_preflight::pipeline::resolve::{all_thresholds, resolve, MAX_DKIM_KEYS, MAX_LIST_ITEMS};
use mail_preflight::settings::Kind;
use mail_preflight::{LintError, Options};

/// The `invalid-options` detail of options given as JSON, whether serde or the
/// resolver refuses them; `None` when they are accepted.
fn refusal(json: &str) -> Option<String> {
    let options = match Options::from_json(json) {
        Ok(options) => options,
        Err(LintError::InvalidOptions(detail)) => return Some(detail.to_string()),
        Err(other) => panic!("{json}: {other:?}"),
    };
    match resolve(&options) {
        Err(LintError::InvalidOptions(detail)) => Some(detail.to_string()),
        Err(other) => panic!("{json}: {other:?}"),
        Ok(_) => None,
    }
}

fn assert_refused_naming(json: &str, field: &str) {
    match refusal(json) {
        Some(detail) => {
            let named = detail.starts_with(&format!("{field}:")) || detail.starts_with(&format!("{field} "));
            assert!(named, "{json}: the detail does not name {field}: {detail}")
        }
        None => panic!("{json} is accepted"),
    }
}

/// Values just outside a threshold's range, and one of the wrong type.
fn outside(kind: &Kind) -> Vec<String> {
    match *kind {
        Kind::Int { min, max, .. } => {
            let mut values = vec!["\"1\"".to_string(), "1.5".to_string(), "1e300".to_string()];
            values.extend(min.checked_sub(1).map(|v| v.to_string()));
            values.push(max.checked_add(1).map_or_else(|| "9223372036854775808".to_string(), |v| v.to_string()));
            values
        }
        Kind::Number { min, max, .. } => {
            vec![
                "\"1\"".to_string(),
                "null".to_string(),
                format!("{:e}", min - (1.0 + min.abs())),
                format!("{:e}", max * 2.0 + 1.0),
            ]
        }
        Kind::Flag { .. } => vec!["1".to_string(), "\"yes\"".to_string()],
        Kind::List { .. } => vec!["\"a\"".to_string(), "[1]".to_string(), "{}".to_string()],
    }
}

#[test]
fn every_threshold_out_of_range_or_of_the_wrong_type_is_refused_naming_it() {
    let mut checked = 0;
    for threshold in all_thresholds() {
        for value in outside(&threshold.kind) {
            let json = format!(r#"{{"thresholds": {{"{}": {{"{}": {value}}}}}}}"#, threshold.group(), threshold.name());
            assert_refused_naming(&json, &format!("thresholds.{}", threshold.key));
            checked += 1;
        }
    }
    assert!(checked > 100, "{checked} values checked");
}

#[test]
fn every_numeric_threshold_at_either_end_of_its_range_is_accepted() {
    for threshold in all_thresholds() {
        let ends = match threshold.kind {
            Kind::Int { min, max, .. } => [min.to_string(), max.to_string()],
            Kind::Number { min, max, .. } => [format!("{min:?}"), format!("{max:?}")],
            _ => continue,
        };
        for value in ends {
            let json = format!(r#"{{"thresholds": {{"{}": {{"{}": {value}}}}}}}"#, threshold.group(), threshold.name());
            assert_eq!(refusal(&json), None, "{json}");
        }
    }
}

#[test]
fn top_level_numbers_out_of_range_are_refused_naming_the_field() {
    let too_many_ips = format!(r#"{{"listedIps": [{}]}}"#, vec!["\"192.0.2.1\""; MAX_LIST_ITEMS + 1].join(","));
    let too_many_domains =
        format!(r#"{{"senderDomains": [{}]}}"#, vec!["\"example.com\""; MAX_LIST_ITEMS + 1].join(","));
    let keys: Vec<String> = (0..=MAX_DKIM_KEYS).map(|i| format!(r#""s{i}._domainkey.example.com": "p=""#)).collect();
    let too_many_keys = format!(r#"{{"dkimKeys": {{{}}}}}"#, keys.join(","));
    let table: &[(&str, &str)] = &[
        (r#"{"now": -1}"#, "now"),
        (&format!(r#"{{"now": {}}}"#, MAX_NOW_SECONDS + 1), "now"),
        (r#"{"now": 9223372036854775807}"#, "now"),
        (r#"{"now": 9223372036854775808}"#, "now"),
        (r#"{"now": -9223372036854775808}"#, "now"),
        (r#"{"now": 1e300}"#, "now"),
        (r#"{"now": 1795600000.5}"#, "now"),
        (r#"{"now": "1795600000"}"#, "now"),
        (r#"{"smtp": {"port": 0}}"#, "smtp.port"),
        (&format!(r#"{{"smtp": {{"port": {}}}}}"#, MAX_PORT + 1), "smtp.port"),
        (r#"{"smtp": {"port": 4294967296}}"#, "smtp.port"),
        (r#"{"smtp": {"port": -465}}"#, "smtp.port"),
        (r#"{"smtp": {"port": 465.5}}"#, "smtp.port"),
        (r#"{"spamThreshold": 0}"#, "spamThreshold"),
        (r#"{"spamThreshold": -5}"#, "spamThreshold"),
        (r#"{"spamThreshold": 1000.5}"#, "spamThreshold"),
        (r#"{"spamThreshold": 1e308}"#, "spamThreshold"),
        (r#"{"scores": {"spam/subject-caps": 1000.5}}"#, "scores.spam/subject-caps"),
        (r#"{"scores": {"spam/subject-caps": -1e308}}"#, "scores.spam/subject-caps"),
        (&too_many_ips, "listedIps"),
        (&too_many_domains, "senderDomains"),
        (&too_many_keys, "dkimKeys"),
    ];
    for (json, field) in table {
        assert_refused_naming(json, field);
    }
}

#[test]
fn top_level_numbers_at_the_ends_of_their_ranges_are_accepted() {
    for json in [
        r#"{"now": 0}"#.to_string(),
        format!(r#"{{"now": {MAX_NOW_SECONDS}}}"#),
        r#"{"smtp": {"port": 1}}"#.to_string(),
        format!(r#"{{"smtp": {{"port": {MAX_PORT}}}}}"#),
        r#"{"spamThreshold": 1000}"#.to_string(),
        r#"{"scores": {"spam/subject-caps": -1000}}"#.to_string(),
    ] {
        assert_eq!(refusal(&json), None, "{json}");
    }
}

#[test]
fn the_fixes_refuse_a_now_out_of_range_naming_it() {
    let raw = b"From: a@example.com\r\n\r\nx\r\n";
    for now in [-1, MAX_NOW_SECONDS + 1, i64::MIN, i64::MAX] {
        match fix(raw, &FixOptions { now: Some(now), only: None }) {
            Err(LintError::InvalidOptions(detail)) => assert!(detail.to_string().starts_with("now:"), "{detail}"),
            other => panic!("now {now}: {:?}", other.map(|f| f.applied.len())),
        }
    }
    let error = FixOptions::from_json(r#"{"now": 1e300}"#).expect_err("not a whole number");
    assert!(error.to_string().contains("now:"), "{error}");
}
