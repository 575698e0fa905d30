//! JSON nested far deeper than anyone writes, given to every entry point that
//! reads JSON: a worded error naming the field, in bounded stack (each test
//! runs on a thread with a `TEST_STACK_BYTES` stack), never a stack overflow. The engine
//! reads JSON with serde_json, whose recursion limit (`MAX_JSON_DEPTH`, 128
//! levels) stops before the nesting costs stack; the wasm bindings check the
//! depth of a JavaScript value before converting it (`src/wasm.rs`).

use mail_preflight::error::{Invalid, What, MAX_JSON_DEPTH};
use mail_preflight::i18n::Locale;
use mail_preflight::{Compose, LintError, Options};

const DEPTH: usize = 100_000;

/// `{"key": {"key": … 0 …}}` nested `DEPTH` deep, inside `outer` at `{}`.
fn nested(outer: &str, key: &str) -> String {
    let inner = format!("{}0{}", format!("{{\"{key}\":").repeat(DEPTH), "}".repeat(DEPTH));
    outer.replacen("{}", &inner, 1)
}

/// The stack of each test's thread: 512 KiB, half of the 1 MiB a Rust program
/// on wasm32 gets (rust-lld's default), where the package runs the engine. A
/// recursion per level of 100,000 would overflow it many times over; serde's
/// 128 levels (`MAX_JSON_DEPTH`) of a `from` nested in `name` took 248–252 KiB
/// in a debug build (stop 68, measured), so the 256 KiB it had failed or passed
/// by a few frames of the test harness. A release build takes far less.
const TEST_STACK_BYTES: usize = 512 * 1024;

/// Runs `check` on a thread with a small stack: a recursion per level would overflow it.
fn on_small_stack(check: impl FnOnce() + Send + 'static) {
    std::thread::Builder::new().stack_size(TEST_STACK_BYTES).spawn(check).expect("thread").join().expect("no overflow, no panic");
}

/// A worded refusal naming `field`: nested too deep where the field takes any
/// value, else what the field expects (a typed field fails at its first level).
fn assert_refused(invalid: &Invalid, field: &str) {
    assert!(invalid.path.starts_with(field), "{field}: {invalid:?}");
    assert!(invalid.is_worded(), "{invalid:?}");
    assert!(!matches!(invalid.what, What::Unworded(_) | What::NotJson { .. }), "{invalid:?}");
}

fn refused(error: &LintError, field: &str, too_deep: bool) {
    match error {
        LintError::InvalidOptions(invalid) | LintError::InvalidInput(invalid) => {
            assert_refused(invalid, field);
            assert_eq!(invalid.what == What::TooDeep, too_deep, "{invalid:?}");
        }
        other => panic!("{field}: {other:?}"),
    }
    if too_deep {
        for locale in [Locale::En, Locale::Fr, Locale::Es, Locale::Pl] {
            let text = error.localized(locale);
            assert!(text.contains(&MAX_JSON_DEPTH.to_string()), "{locale:?}: {text}");
        }
    }
}

#[test]
fn options_nested_deep_are_refused_naming_the_field() {
    on_small_stack(|| {
        let json = nested(r#"{"locale": "fr", "thresholds": {}}"#, "a");
        refused(&Options::from_json(&json).expect_err("refused"), "thresholds", true);
        let json = nested(r#"{"rules": {}}"#, "a");
        refused(&Options::from_json(&json).expect_err("refused"), "rules", false);
        let json = nested(r#"{"customRules": [{"id": "acme/x", "target": "body", "pattern": "x", "message": {}}]}"#, "en");
        refused(&Options::from_json(&json).expect_err("refused"), "customRules", false);
    });
}

#[test]
fn compose_fields_nested_deep_are_refused_naming_the_field() {
    on_small_stack(|| {
        // mime-node's addHeader goes into lists inside lists; the engine reads `MAX_HEADER_LIST_DEPTH` levels.
        let lists = format!("{}0{}", "[".repeat(DEPTH), "]".repeat(DEPTH));
        let json = format!(r#"{{"from": "a@example.com", "headers": {{"X-A": {lists}}}}}"#);
        refused(&Compose::from_json(&json).expect_err("refused"), "headers.X-A[0][0]", false);
        // An object of a header is read for its `value` alone: the rest is skipped.
        let json = nested(r#"{"from": "a@example.com", "headers": {}}"#, "headers");
        assert!(Compose::from_json(&json).is_ok());
        let json = nested(r#"{"from": "a@example.com", "attachments": [{"content": {}}]}"#, "content");
        refused(&Compose::from_json(&json).expect_err("refused"), "attachments[0].content", false);
        // Nodemailer's options the checks do not read are skipped (serde_json skips without recursion).
        let json = nested(r#"{"from": "a@example.com", "envelope": {}}"#, "x");
        assert!(Compose::from_json(&json).is_ok());
        let json = nested(r#"{"from": {}}"#, "name");
        refused(&Compose::from_json(&json).expect_err("refused"), "from", true);
    });
}

#[test]
fn scenarios_nested_deep_are_refused_naming_the_field() {
    on_small_stack(|| {
        let json = nested(r#"{"locale": "pl", "service": {}}"#, "service");
        let error = mail_preflight::queue::Scenario::from_json(&json).expect_err("refused");
        assert_eq!(mail_preflight::queue::Scenario::locale_in_json(&json), Locale::Pl);
        assert_eq!(mail_preflight::queue::Scenario::locale_in_json(&format!("{json}x")), Locale::Pl, "not JSON");
        // `service` is an object of known fields: its first unknown one is refused.
        let text = error.localized(Locale::Pl);
        assert_eq!(error.field(), Some("service"), "{error:?} {text}");
        assert!(text.contains("„service”"), "{text}");
        let json = nested(r#"{"streams": {}}"#, "a");
        let error = mail_preflight::queue::Scenario::from_json(&json).expect_err("refused");
        assert!(error.field().is_some_and(|f| f.starts_with("streams")), "{error:?}");
    });
}

#[test]
fn smtp_settings_and_fix_options_nested_deep_are_refused_naming_the_field() {
    on_small_stack(|| {
        let json = nested(r#"{"host": {}}"#, "host");
        let invalid = Invalid::parse::<mail_preflight::options::SmtpSettings>(&json, "settings").expect_err("refused");
        assert_refused(&invalid, "host");
        let json = nested(r#"{"only": {}}"#, "a");
        refused(&mail_preflight::fixes::FixOptions::from_json(&json).expect_err("refused"), "only", false);
    });
}

#[test]
fn custom_rules_reports_and_message_parameters_nested_deep_are_refused() {
    on_small_stack(|| {
        let json = nested(r#"{"customRules": {}}"#, "a");
        let result = mail_preflight::custom::check_custom_rules(&json, Locale::Es);
        assert!(!result.ok);
        assert!(result.problems[0].message.contains("128"), "{}", result.problems[0].message);
        // renderReport and renderMessage read their JSON with serde_json too.
        let json = nested(r#"{"findings": {}}"#, "a");
        assert!(serde_json::from_str::<mail_preflight::Report>(&json).is_err());
        let json = nested(r#"{"size": {}}"#, "a");
        assert!(serde_json::from_str::<std::collections::BTreeMap<String, mail_preflight::i18n::Param>>(&json).is_err());
    });
}
