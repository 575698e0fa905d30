//! Options are checked once, against what the registry declares: unknown rule
//! ids, threshold groups and names are refused with the closest known name
//! suggested, values out of range or of the wrong type are refused naming the
//! field, and every rule lists the thresholds it reads.

use mail_preflight::pipeline::docs::options_schema;
use mail_preflight::pipeline::resolve::{all_thresholds, resolve};
use mail_preflight::rules::REGISTRY;
use mail_preflight::{lint, LintError, Options};

/// The `invalid-options` detail of options given as JSON.
fn refusal(json: &str) -> String {
    let options = match Options::from_json(json) {
        Ok(options) => options,
        Err(LintError::InvalidOptions(detail)) => return detail.to_string(),
        Err(other) => panic!("{json}: {other:?}"),
    };
    match resolve(&options) {
        Err(LintError::InvalidOptions(detail)) => detail.to_string(),
        other => panic!("{json} is accepted: {other:?}"),
    }
}

#[test]
fn an_unknown_rule_id_is_refused_with_the_closest_id_suggested() {
    let detail = refusal(r#"{"rules": {"spam/subject-cap": "off"}}"#);
    assert!(detail.starts_with("rules:"), "{detail}");
    assert!(detail.contains("did you mean \"spam/subject-caps\""), "{detail}");
}

#[test]
fn an_unknown_rule_id_in_scores_is_refused_with_a_suggestion() {
    let detail = refusal(r#"{"scores": {"links/brokn": 2}}"#);
    assert!(detail.starts_with("scores:") && detail.contains("\"links/broken\""), "{detail}");
}

#[test]
fn an_unknown_threshold_group_is_refused_with_a_suggestion() {
    let detail = refusal(r#"{"thresholds": {"attachment": {"maxArchiveDepth": 2}}}"#);
    assert!(detail.starts_with("thresholds:") && detail.contains("\"attachments\""), "{detail}");
}

#[test]
fn an_unknown_threshold_name_is_refused_with_a_suggestion() {
    let detail = refusal(r#"{"thresholds": {"spam": {"subjectCapWords": 4}}}"#);
    assert!(detail.starts_with("thresholds.spam:") && detail.contains("\"subjectCapsWords\""), "{detail}");
}

#[test]
fn a_name_far_from_every_known_one_gets_no_suggestion() {
    let detail = refusal(r#"{"rules": {"something/else-entirely": "off"}}"#);
    assert!(!detail.contains("did you mean"), "{detail}");
}

#[test]
fn a_value_out_of_range_is_refused_naming_the_field_and_the_range() {
    let detail = refusal(r#"{"thresholds": {"spam": {"subjectCapsWords": 0}}}"#);
    assert!(detail.starts_with("thresholds.spam.subjectCapsWords:"), "{detail}");
    assert!(detail.contains("outside 1 to 100"), "{detail}");
    let detail = refusal(r#"{"thresholds": {"spam": {"whitespaceMaxRatio": 1.5}}}"#);
    assert!(detail.starts_with("thresholds.spam.whitespaceMaxRatio:"), "{detail}");
}

#[test]
fn a_value_of_the_wrong_type_is_refused_naming_the_field() {
    let detail = refusal(r#"{"thresholds": {"size": {"maxMessageBytes": "10MB"}}}"#);
    assert!(
        detail.starts_with("thresholds.size.maxMessageBytes:") && detail.contains("not a whole number"),
        "{detail}"
    );
    let detail = refusal(r#"{"thresholds": {"links": {"reportPlainHttp": 1}}}"#);
    assert!(detail.starts_with("thresholds.links.reportPlainHttp:"), "{detail}");
    let detail = refusal(r#"{"thresholds": {"spam": {"subjectPrefixes": ["ok", 3]}}}"#);
    assert!(detail.contains("item 1 is not a text"), "{detail}");
}

#[test]
fn the_spam_threshold_and_scores_are_bounded() {
    assert!(refusal(r#"{"spamThreshold": 0}"#).starts_with("spamThreshold:"));
    assert!(refusal(r#"{"scores": {"spam/subject-caps": 1e9}}"#).starts_with("scores.spam/subject-caps:"));
}

#[test]
fn an_unknown_top_level_field_is_refused() {
    let error = Options::from_json(r#"{"tresholds": {}}"#).unwrap_err();
    assert_eq!(error.code(), "invalid-options");
    assert!(error.to_string().contains("tresholds"), "{error}");
}

#[test]
fn a_threshold_from_options_reaches_its_rule() {
    let raw = b"From: a@example.com\r\nTo: b@example.com\r\nSubject: LAST CHANCE TODAY\r\n\r\nHello\r\n";
    assert!(lint(raw, &Options::default()).unwrap().has("spam/subject-caps"));
    let options = Options::from_json(r#"{"thresholds": {"spam": {"subjectCapsWords": 4}}}"#).unwrap();
    assert!(!lint(raw, &options).unwrap().has("spam/subject-caps"));
}

#[test]
fn every_declared_default_is_within_its_own_range() {
    resolve(&Options::default()).expect("defaults resolve");
    for threshold in all_thresholds() {
        let json = options_schema()["properties"]["thresholds"]["properties"][threshold.group()]["properties"]
            [threshold.name()]["default"]
            .clone();
        let options = Options::from_json(&format!(
            r#"{{"thresholds": {{"{}": {{"{}": {json}}}}}}}"#,
            threshold.group(),
            threshold.name()
        ))
        .unwrap();
        assert!(resolve(&options).is_ok(), "{}: its default {json} is refused", threshold.key);
    }
}

#[test]
fn the_readme_options_example_is_accepted() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let example = readme_options_example(&readme);
    let options = Options::from_json(&example).expect("the README's options parse");
    resolve(&options).expect("the README's options resolve");
}

/// The first ```json block after the "## Options" heading of the README.
fn readme_options_example(readme: &str) -> String {
    let section = &readme[readme.find("## Options").expect("an Options section")..];
    let start = section.find("```json\n").expect("a json block") + 8;
    section[start..start + section[start..].find("```").unwrap()].to_string()
}

/// Every `settings.int|count|number|flag|list(&NAME)` a rule file reads names a
/// threshold its declaration lists (`thresholds: &[…]`).
#[test]
fn every_rule_lists_the_thresholds_its_file_reads() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/rules");
    let mut problems = Vec::new();
    for rule in REGISTRY {
        let (group_dir, name) = rule.id.split_once('/').unwrap();
        let dir = if group_dir == "attachment" { "attachments" } else { group_dir };
        let path = root.join(dir).join(format!("{}.rs", name.replace('-', "_")));
        let source = std::fs::read_to_string(&path).unwrap_or_else(|_| panic!("{}", path.display()));
        let declared: Vec<&str> = rule.thresholds.iter().map(|t| t.key).collect();
        for read in ["settings.int(&", "settings.count(&", "settings.number(&", "settings.flag(&", "settings.list(&"] {
            for (at, _) in source.match_indices(read) {
                let name: String = source[at + read.len()..]
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == ':')
                    .collect();
                let name = name.rsplit("::").next().unwrap_or_default();
                let listed = rule.thresholds.iter().any(|t| constant_name_of(t.key) == name);
                if !listed {
                    problems.push(format!("{} reads {name} but lists {declared:?}", rule.id));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The constant name a threshold is declared under, from its key's declaration
/// in the sources (`pub const NAME: Threshold = Threshold { key: "…"`).
fn constant_name_of(key: &str) -> String {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/rules");
    let mut stack = vec![root];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let source = std::fs::read_to_string(&path).unwrap_or_default();
            if let Some(at) = source.find(&format!("key: \"{key}\"")) {
                let head = &source[..at];
                let declaration = head.rfind("pub const ").unwrap();
                let rest = &head[declaration + 10..];
                return rest[..rest.find(':').unwrap()].to_string();
            }
        }
    }
    String::new()
}
