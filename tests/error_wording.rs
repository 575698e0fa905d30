//! Every refusal of options, message fields or a scenario is said in the
//! catalogue's words, in each language: not serde's English. Each field of a
//! full example of each input gets every kind of wrong value, and every
//! object an unknown field; whatever is refused must be worded
//! (`Invalid::is_worded`) and render with no placeholder left.

use mail_preflight::error::{Invalid, Subject};
use mail_preflight::queue::{presets, Scenario, ScenarioError};
use mail_preflight::{Compose, LintError, Linter, Locale, Options};
use serde_json::{json, Value};

const LOCALES: [Locale; 4] = [Locale::En, Locale::Fr, Locale::Es, Locale::Pl];

fn wrong_values() -> Vec<Value> {
    vec![
        Value::Null,
        json!(true),
        json!(-1),
        json!(70000),
        json!(1.5),
        json!("x"),
        json!([]),
        json!([1]),
        json!({}),
        json!({"a": 1}),
        json!("a`b, expected c"),
    ]
}

/// `value` with one field replaced by each wrong value, or one unknown field
/// added to one object, for every field and object in it.
fn mutations(value: &Value) -> Vec<Value> {
    mutations_at(value).into_iter().map(|(_, v)| v).collect()
}

/// `mutations`, each with the path of what was changed (`attachments[0].content`;
/// the object's own path for an added field).
fn mutations_at(value: &Value) -> Vec<(String, Value)> {
    let mut out = Vec::new();
    mutate(value, "", &mut |path, replace| out.push((path, replace)), &|v| v.clone());
    out
}

fn mutate(value: &Value, at: &str, out: &mut dyn FnMut(String, Value), rebuild: &dyn Fn(Value) -> Value) {
    match value {
        Value::Object(map) => {
            let mut with_unknown = map.clone();
            with_unknown.insert("bogusField".into(), json!(1));
            out(at.to_string(), rebuild(Value::Object(with_unknown)));
            for (key, child) in map {
                let path = if at.is_empty() { key.clone() } else { format!("{at}.{key}") };
                for wrong in wrong_values() {
                    let mut changed = map.clone();
                    changed.insert(key.clone(), wrong);
                    out(path.clone(), rebuild(Value::Object(changed)));
                }
                let inner = |v: Value| {
                    let mut changed = map.clone();
                    changed.insert(key.clone(), v);
                    rebuild(Value::Object(changed))
                };
                mutate(child, &path, out, &inner);
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                let path = format!("{at}[{i}]");
                for wrong in wrong_values() {
                    let mut changed = items.clone();
                    changed[i] = wrong;
                    out(path.clone(), rebuild(Value::Array(changed)));
                }
                let inner = |v: Value| {
                    let mut changed = items.clone();
                    changed[i] = v;
                    rebuild(Value::Array(changed))
                };
                mutate(child, &path, out, &inner);
            }
        }
        _ => {}
    }
}

fn assert_worded(invalid: &Invalid, subject: Subject, input: &Value) {
    assert!(invalid.is_worded(), "not in the catalogue's words: {invalid:?}\nfor {input}");
    for locale in LOCALES {
        let text = invalid.message(subject).render(locale);
        assert!(!has_placeholder(&text), "{locale:?}: a placeholder is left in {text:?}");
        assert!(!text.contains("invalid type:") && !text.contains("unknown field `"), "{locale:?}: serde's words in {text:?}");
    }
}

/// A `{name}` left in a rendered text (a value quoted from the input, like
/// `{}` or `{ name, address }`, is not one).
fn has_placeholder(text: &str) -> bool {
    // `{name}`, or a plural left whole (`{limit, plural, …}`: its number was missing).
    text.split('{').skip(1).any(|rest| {
        let name: String = rest.chars().take_while(|c| c.is_ascii_alphabetic()).collect();
        let after = &rest[name.len()..];
        !name.is_empty() && (after.starts_with('}') || after.trim_start_matches([',', ' ']).starts_with("plural"))
    })
}

fn full_options() -> Value {
    json!({
        "$schema": "https://example.com/schema.json",
        "locale": "fr",
        "rules": {"spam/subject-caps": "off"},
        "scores": {"links/broken": 2},
        "spamThreshold": 6,
        "thresholds": {"spam": {"subjectCapsWords": 4, "subjectPrefixes": ["hi"]}, "links": {"reportPlainHttp": true}},
        "now": 1772442000,
        "listedIps": ["192.0.2.1"],
        "smtp": {"transport": "smtp", "host": "mail.example.com", "port": 465, "security": "ssl", "from": "a@example.com"},
        "php": {"platform": "unix"},
        "customRules": [{
            "id": "acme/no-draft", "target": "subject", "pattern": "(?i)draft", "expect": "absent",
            "severity": "warning", "score": 1, "message": {"en": "Draft"}, "fix": {"en": "Remove it"}
        }],
        "spamassassinRules": "header LOCAL_X Subject =~ /x/\nscore LOCAL_X 1\n",
        "senderDomains": ["example.com"],
        "dkimKeys": {"s1._domainkey.example.com": "v=DKIM1; p=AAAA"}
    })
}

#[test]
fn every_refused_option_is_said_in_the_catalogue_words() {
    let mut refused = 0;
    for options in mutations(&full_options()) {
        let result = Options::from_json(&options.to_string()).and_then(|o| Linter::new(&o).map(|_| ()));
        match result {
            Ok(()) => {}
            Err(LintError::InvalidOptions(invalid)) => {
                refused += 1;
                assert_worded(&invalid, Subject::Options, &options);
            }
            Err(other) => panic!("{other:?} for {options}"),
        }
    }
    assert!(refused > 200, "only {refused} refusals: the mutations no longer reach the fields");
}

fn full_compose() -> Value {
    json!({
        "from": {"name": "Shop", "address": "shop@example.com"},
        "sender": "shop@example.com",
        "to": ["a@example.com", {"name": "B", "address": "b@example.com"}],
        "cc": "c@example.com",
        "bcc": [],
        "replyTo": "help@example.com",
        "inReplyTo": "<1@example.com>",
        "references": ["<1@example.com>"],
        "subject": "Your order",
        "text": "Hello",
        "html": "<p>Hello</p>",
        "headers": {"X-Campaign": "a", "X-List": ["a", "b"], "X-Prepared": {"value": "v", "prepared": true}},
        "attachments": [
            {"filename": "a.txt", "content": "aGVsbG8=", "encoding": "base64", "contentType": "text/plain",
             "cid": "a@x", "contentDisposition": "attachment", "headers": {"X-A": "1"}},
            {"filename": "b.bin", "content": {"type": "Buffer", "data": [1, 2, 3]}}
        ],
        "date": "Mon, 2 Mar 2026 10:00:00 +0000",
        "messageId": "<2@example.com>"
    })
}

#[test]
fn every_refused_message_field_is_said_in_the_catalogue_words() {
    let mut refused = 0;
    let mut named_exactly = 0;
    for (path, fields) in mutations_at(&full_compose()) {
        let result = Compose::from_json(&fields.to_string()).and_then(|c| c.render().map(|_| ()));
        match result {
            Ok(()) => {}
            Err(LintError::InvalidInput(invalid)) => {
                refused += 1;
                assert_worded(&invalid, Subject::Input, &fields);
                // The refusal names the changed field, the field holding it (a
                // header's value is named by `headers`), or the part of it that
                // is wrong (`attachments[0]` of a list `[1]` given for `attachments`).
                let related = path.starts_with(&invalid.path) || invalid.path.starts_with(&path);
                assert!(related, "{path} refused as {:?} for {fields}", invalid.path);
                // Fields read by an untagged choice (an address or a list of
                // them, a header value, a Buffer object) are refused as a whole;
                // every other refusal names the field or the part of it.
                let whole = |field: &str| path == field || path.starts_with(&format!("{field}.")) || path.starts_with(&format!("{field}["));
                let untagged = ["from", "to", "cc", "bcc", "replyTo", "sender", "references", "inReplyTo", "headers"].iter().any(|f| whole(f))
                    || path.contains(".headers")
                    || path.contains(".content.");
                if !untagged {
                    assert!(invalid.path.starts_with(&path), "{path} refused as {:?} for {fields}", invalid.path);
                    named_exactly += 1;
                }
            }
            Err(other) => panic!("{other:?} for {fields}"),
        }
    }
    assert!(refused > 100, "only {refused} refusals");
    assert!(named_exactly > 100, "only {named_exactly} refusals of fields read one by one");
}

#[test]
fn every_refused_scenario_is_said_in_the_catalogue_words() {
    let mut refused = 0;
    for preset in presets() {
        let scenario: Value = serde_json::from_str(preset.json).unwrap();
        for changed in mutations(&scenario) {
            if let Err(ScenarioError::Json(invalid)) = Scenario::from_json(&changed.to_string()) {
                refused += 1;
                assert_worded(&invalid, Subject::Scenario, &changed);
            }
        }
    }
    assert!(refused > 100, "only {refused} refusals");
}

#[test]
fn text_that_is_not_json_is_named_by_line_and_column_in_each_language() {
    let LintError::InvalidOptions(invalid) = Options::from_json("{\n  \"locale\": fr\n}").unwrap_err() else { panic!() };
    let texts: Vec<String> = LOCALES.iter().map(|&l| invalid.message(Subject::Options).render(l)).collect();
    assert_eq!(texts[0], "The options are not valid: locale is not valid JSON (line 2, column 13).");
    assert_eq!(texts[1], "Les options ne sont pas valides : locale n'est pas du JSON valide (ligne 2, colonne 13).");
    assert_eq!(texts[2], "Las opciones no son válidas: locale no es JSON válido (línea 2, columna 13).");
    assert_eq!(texts[3], "Opcje są nieprawidłowe: locale nie jest poprawnym JSON-em (wiersz 2, kolumna 13).");
    let LintError::InvalidOptions(invalid) = Options::from_json("{} x").unwrap_err() else { panic!() };
    assert_eq!(invalid.to_string(), "options is not valid JSON (line 1, column 4).");
    let deep = format!(r#"{{"thresholds": {{"spam": {{"x": {}{}}}}}}}"#, "[".repeat(200), "]".repeat(200));
    let LintError::InvalidOptions(invalid) = Options::from_json(&deep).unwrap_err() else { panic!() };
    assert!(invalid.to_string().ends_with(" is nested more than 128 levels deep."), "{invalid}");
}

#[test]
fn an_error_renders_again_in_another_language_from_its_id_and_parameters() {
    let error = Options::from_json(r#"{"thresholds": {"spam": {"subjectCapsWords": "three"}}}"#)
        .and_then(|o| Linter::new(&o).map(|_| ()))
        .unwrap_err();
    let message = error.message();
    let params = message.params.iter().map(|(name, value)| (name.to_string(), value.clone())).collect();
    let again = mail_preflight::render_message(message.id, &params, Locale::Pl);
    assert_eq!(again, error.localized(Locale::Pl));
    assert_eq!(
        again,
        "Opcje są nieprawidłowe: thresholds.spam.subjectCapsWords: \"three\" nie jest liczbą całkowitą."
    );
}

#[test]
fn every_cut_or_broken_json_text_is_said_in_the_catalogue_words() {
    // Cut at every character, and each character replaced by one that breaks the syntax.
    for (full, input) in [(full_options().to_string(), true), (full_compose().to_string(), false)] {
        let mut texts: Vec<String> = (0..full.len()).filter(|&i| full.is_char_boundary(i)).map(|i| full[..i].to_string()).collect();
        for i in (0..full.len()).filter(|&i| full.is_char_boundary(i) && full.is_char_boundary(i + 1)) {
            for with in ["}", "\u{1}", "\\", "1e999", "\"", ","] {
                texts.push(format!("{}{with}{}", &full[..i], &full[i + 1..]));
            }
        }
        for text in texts {
            let (invalid, subject) = if input {
                match Options::from_json(&text) {
                    Err(LintError::InvalidOptions(invalid)) => (invalid, Subject::Options),
                    _ => continue,
                }
            } else {
                match Compose::from_json(&text) {
                    Err(LintError::InvalidInput(invalid)) => (invalid, Subject::Input),
                    _ => continue,
                }
            };
            assert_worded(&invalid, subject, &Value::String(text));
        }
    }
}

/// The refusal of `options` (checked and resolved) in each language, with its message id and field path.
fn refusal(options: &str) -> (String, &'static str, Vec<String>) {
    let error = Options::from_json(options).and_then(|o| Linter::new(&o).map(|_| ())).unwrap_err();
    let LintError::InvalidOptions(invalid) = &error else { panic!("{error:?} for {options}") };
    let texts = LOCALES.iter().map(|&locale| error.localized(locale)).collect();
    (invalid.path.clone(), error.message().id, texts)
}

/// Words of serde's (and the `regex` crate's) English that must not reach a
/// French, Spanish or Polish reader.
const ENGLISH_WORDS: [&str; 11] = [
    "invalid type", "expected", "unknown field", "unknown variant", "` or `", "one of", " or ",
    "not valid JSON", "whole number", "unclosed", "must be",
];

fn assert_refused(options: &str, path: &str, message_id: &str) -> Vec<String> {
    let (refused_path, id, texts) = refusal(options);
    assert_eq!((refused_path.as_str(), id), (path, message_id), "for {options}: {}", texts[0]);
    for text in &texts[1..] {
        assert!(!ENGLISH_WORDS.iter().any(|word| text.contains(word)), "English in {text:?} for {options}");
        assert!(!text.contains('`') && !has_placeholder(text), "{text:?}");
    }
    texts
}

#[test]
fn a_value_of_the_wrong_kind_names_its_own_field() {
    // JSON.stringify writes no spaces: the value's position is then the colon before it.
    for field in ["rules", "scores", "dkimKeys"] {
        assert_refused(&format!(r#"{{"locale":"es","{field}":["x"]}}"#), field, "core.invalid.wrong-type");
    }
    assert_refused(r#"{"locale":"fr","customRules":{"id":"acme/x"}}"#, "customRules", "core.invalid.wrong-type");
    assert_refused(r#"{"thresholds":{"size":[1]}}"#, "thresholds.size", "core.invalid.wrong-type");
    assert_refused(r#"{"listedIps":["a",[1]]}"#, "listedIps[1]", "core.invalid.wrong-type");
}

#[test]
fn the_possible_values_are_a_list_in_the_readers_language() {
    let texts = assert_refused(r#"{"php":{"platform":"mac"}}"#, "php.platform", "core.invalid.unknown-value");
    assert!(texts[0].ends_with("the possible values are unix or windows."), "{}", texts[0]);
    assert!(texts[1].ends_with("unix ou windows."), "{}", texts[1]);
    assert!(texts[2].ends_with("unix o windows."), "{}", texts[2]);
    assert!(texts[3].ends_with("unix lub windows."), "{}", texts[3]);
    // serde's "expected `a` or `b`" for two fields, "expected one of `a`, `b`, `c`" for more.
    let error = mail_preflight::fixes::FixOptions::from_json(r#"{"nw":5}"#).unwrap_err();
    let LintError::InvalidOptions(invalid) = &error else { panic!("{error:?}") };
    let known = match &invalid.what {
        mail_preflight::error::What::UnknownField { known, .. } => known.clone(),
        other => panic!("{other:?}"),
    };
    assert_eq!(known, ["now", "only"]);
    assert!(!error.localized(Locale::Fr).contains('`'), "{}", error.localized(Locale::Fr));
}

#[test]
fn a_locale_of_the_wrong_kind_is_said_to_be_one_and_the_locales_listed() {
    for (json, found) in [(r#"{"locale":5}"#, "a number"), (r#"{"locale":{}}"#, "an object")] {
        let texts = assert_refused(json, "locale", "core.invalid.wrong-type-choices");
        assert_eq!(texts[0], format!("The options are not valid: locale is {found}; it must be a text: en, fr, es or pl."));
        assert!(texts[1].ends_with("en, fr, es ou pl."), "{}", texts[1]);
    }
}

#[test]
fn a_whole_number_too_large_for_any_threshold_is_out_of_range() {
    let texts = assert_refused(
        r#"{"thresholds":{"size":{"maxMessageBytes":1e30}}}"#,
        "thresholds.size.maxMessageBytes",
        "core.invalid.range",
    );
    assert!(texts[0].contains("is outside 1 to"), "{}", texts[0]);
    assert_refused(r#"{"thresholds":{"size":{"maxMessageBytes":1.5}}}"#, "thresholds.size.maxMessageBytes", "core.invalid.not-whole-number");
}

#[test]
fn a_null_spam_threshold_is_refused_not_replaced_by_the_default() {
    // JSON.stringify writes Infinity and NaN as null.
    assert_refused(r#"{"spamThreshold":null}"#, "spamThreshold", "core.invalid.above-zero");
    assert!(Options::from_json("{}").and_then(|o| Linter::new(&o).map(|_| ())).is_ok());
}

#[test]
fn an_unknown_smtp_transport_is_refused_with_the_known_ones() {
    let texts = assert_refused(r#"{"smtp":{"transport":"pigeon","host":"x"}}"#, "smtp.transport", "core.invalid.unknown-value");
    assert!(texts[0].ends_with("the possible values are mail or smtp."), "{}", texts[0]);
    for transport in ["mail", "SMTP", " php ", "sendmail", ""] {
        let options = json!({"smtp": {"transport": transport}}).to_string();
        assert!(Options::from_json(&options).and_then(|o| Linter::new(&o).map(|_| ())).is_ok(), "{transport:?}");
    }
}

#[test]
fn a_pattern_error_is_said_in_the_readers_language() {
    for (pattern, french) in [
        ("(abc", "groupe non fermé"),
        ("abc)", "parenthèse fermante sans groupe ouvert"),
        ("*a", "opérateur de répétition sans rien à répéter"),
        ("[ab", "classe de caractères non fermée"),
        (r"\q", "séquence d'échappement inconnue"),
        ("(?Z)a", "option inconnue ou répétée"),
        ("(?=a)", "look-around"),
        (r"(a)\1", "références arrière"),
    ] {
        let options = json!({"customRules": [{"id": "acme/x", "target": "body", "pattern": pattern}]}).to_string();
        let texts = assert_refused(&options, "customRules", "core.invalid.custom-rules");
        assert!(texts[1].contains(french), "{pattern}: {}", texts[1]);
    }
}

#[test]
fn a_custom_rule_error_renders_again_in_another_language_from_its_id_and_parameters() {
    let options = json!({"locale": "es", "customRules": [
        {"id": "acme/x", "target": "body", "pattern": "a".repeat(40_000)},
        {"id": "acme/y", "target": "body", "pattern": "(abc"},
    ]})
    .to_string();
    let error = Options::from_json(&options).and_then(|o| Linter::new(&o).map(|_| ())).unwrap_err();
    let message = error.message();
    // Through JSON, as `renderMessage(error.messageId, error.params, locale)` gets them.
    let params: std::collections::BTreeMap<&str, &mail_preflight::i18n::Param> =
        message.params.iter().map(|(name, value)| (*name, value)).collect();
    let params = serde_json::from_str(&serde_json::to_string(&params).unwrap()).unwrap();
    for locale in LOCALES {
        let again = mail_preflight::render_message(message.id, &params, locale);
        assert_eq!(again, error.localized(locale));
    }
    let polish = mail_preflight::render_message(message.id, &params, Locale::Pl);
    assert!(polish.contains("acme/x: wzorzec") && polish.contains("niezamknięta grupa"), "{polish}");
    assert!(!polish.contains("patrón"), "{polish}");
}

#[test]
fn checking_custom_rules_that_are_not_a_list_names_custom_rules_in_the_readers_language() {
    let result = mail_preflight::custom::check_custom_rules(r#"{"customRules": {}}"#, Locale::Es);
    let problem = &result.problems[0];
    assert_eq!((problem.field.as_deref(), problem.reason.as_str()), (Some("customRules"), "rules-not-list"));
    assert!(problem.message.contains("customRules debe ser una lista"), "{}", problem.message);
    let result = mail_preflight::custom::check_custom_rules("5", Locale::Fr);
    assert!(result.problems[0].message.starts_with("Les règles doivent"), "{}", result.problems[0].message);
    assert_eq!(result.problems[0].field, None);
}

#[test]
fn an_unknown_rule_id_has_a_message_id_and_the_closest_id() {
    let texts = assert_refused(r#"{"rules":{"size/line-lenght":"off"}}"#, "rules", "core.invalid.unknown-name-close");
    assert!(texts[2].contains("size/line-length"), "{}", texts[2]);
    assert_refused(r#"{"scores":{"nothing/like-it":1}}"#, "scores", "core.invalid.unknown-name");
}

#[test]
fn a_list_where_an_object_goes_is_refused_as_a_list_naming_its_path() {
    // serde's derive read a struct from a list, field by field (hostile-input report, s35 item 11).
    let options = |json: &str| match Options::from_json(json) {
        Err(LintError::InvalidOptions(invalid)) => invalid,
        other => panic!("{json}: expected invalid-options, got {other:?}"),
    };
    let scenario = |json: &str| match Scenario::from_json(json) {
        Err(ScenarioError::Json(invalid)) => invalid,
        other => panic!("{json}: expected a refusal, got {other:?}"),
    };
    for (invalid, path) in [
        (options(r#"["$schema", "pl"]"#), "options"),
        (options("[[["), "options"),
        (options(r#"{"smtp": [[]]}"#), "smtp"),
        (scenario(r#"{"streams": [[]]}"#), "streams[0]"),
        (scenario(r#"{"streams": [{}, [1]]}"#), "streams[1]"),
        (scenario(r#"{"service": ["ok", 1, 0, 0, 10, "a@b.example"]}"#), "service"),
    ] {
        assert_eq!(invalid.path, path);
        let text = invalid.message(Subject::Options).render(Locale::En);
        assert!(text.ends_with(&format!("{path} is a list; it must be an object.")), "{text}");
    }
    let settings: Result<mail_preflight::options::SmtpSettings, _> = Invalid::parse("[]", "settings");
    assert_eq!(settings.unwrap_err().path, "settings");
}
