//! The bindings, run as wasm in Node and in headless Chromium
//! (`make test-wasm`); the plain-Rust parts also run natively.
#![cfg(target_arch = "wasm32")]

use js_sys::{Reflect, Uint8Array};
use mail_preflight::wasm::{
    check_smtp_settings_js, lint_js, lint_php_mail_js, messages_js, render_report_js, rules_js, version_js,
};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &JsValue::from_str(key)).unwrap()
}

fn rule_ids(report: &JsValue) -> Vec<String> {
    let findings: js_sys::Array = get(report, "findings").into();
    findings.iter().map(|f| get(&f, "ruleId").as_string().unwrap()).collect()
}

#[wasm_bindgen_test]
fn one_byte_over_ten_megabytes_is_a_size_total_error() {
    let raw = mail_preflight::rules::size::generated_message(10_000_001);
    let report = lint_js(Uint8Array::from(raw.as_slice()).into(), JsValue::UNDEFINED).unwrap();
    assert_eq!(get(&report, "verdict").as_string().unwrap(), "fail");
    assert!(rule_ids(&report).contains(&"size/total".to_string()));
    let at_limit = mail_preflight::rules::size::generated_message(10_000_000);
    let report = lint_js(Uint8Array::from(at_limit.as_slice()).into(), JsValue::UNDEFINED).unwrap();
    assert!(!rule_ids(&report).contains(&"size/total".to_string()));
}

#[wasm_bindgen_test]
fn a_string_message_is_linted_in_the_requested_language() {
    let raw = format!("From: a@example.com\nSubject: Hi\n\n{}\n", "x".repeat(1200));
    let options = js_sys::JSON::parse(r#"{"locale":"pl"}"#).unwrap();
    let report = lint_js(JsValue::from_str(&raw), options).unwrap();
    let findings: js_sys::Array = get(&report, "findings").into();
    let message = get(&findings.get(0), "message").as_string().unwrap();
    assert!(message.contains("Wiersz"), "{message}");
}

#[wasm_bindgen_test]
fn compose_objects_are_rendered_then_linted() {
    let compose =
        js_sys::JSON::parse(r#"{"from":"a@example.com","to":"b@example.com","subject":"Hello","text":"Hi"}"#).unwrap();
    let report = lint_js(compose, JsValue::UNDEFINED).unwrap();
    assert_eq!(get(&report, "origin").as_string().unwrap(), "compose");
    assert!(get(&report, "source").as_string().unwrap().contains("Subject: Hello\r\n"));
}

#[wasm_bindgen_test]
fn php_mail_arguments_are_linted() {
    let report = lint_php_mail_js(
        JsValue::from_str("b@example.com"),
        JsValue::from_str("Test"),
        JsValue::from_str("Hello"),
        JsValue::from_str("From: a@example.com\r\nReply-To: a@example.com"),
        JsValue::UNDEFINED,
    )
    .unwrap();
    assert_eq!(get(&report, "origin").as_string().unwrap(), "phpMail");
}

#[wasm_bindgen_test]
fn bad_input_from_javascript_is_a_clear_error_not_a_trap() {
    let err = lint_js(JsValue::from_f64(42.0), JsValue::UNDEFINED).unwrap_err();
    assert_eq!(get(&err, "code").as_string().unwrap(), "invalid-input");
    let err = lint_js(JsValue::from_str("x"), js_sys::JSON::parse(r#"{"bogus":1}"#).unwrap()).unwrap_err();
    assert_eq!(get(&err, "code").as_string().unwrap(), "invalid-options");
    let err = lint_js(JsValue::from_str("x"), JsValue::from_str("fr")).unwrap_err();
    assert_eq!(get(&err, "code").as_string().unwrap(), "invalid-options");
    let err = lint_js(js_sys::JSON::parse(r#"{"to": 5}"#).unwrap(), JsValue::UNDEFINED).unwrap_err();
    assert_eq!(get(&err, "code").as_string().unwrap(), "invalid-input");
    let err = lint_php_mail_js(JsValue::from_f64(1.0), JsValue::NULL, JsValue::NULL, JsValue::NULL, JsValue::NULL)
        .unwrap_err();
    assert_eq!(get(&err, "code").as_string().unwrap(), "invalid-input");
}

#[wasm_bindgen_test]
fn an_argument_of_the_wrong_kind_is_refused_in_the_callers_language() {
    let message = |err: JsValue| get(&err, "message").as_string().unwrap();
    let french = js_sys::JSON::parse(r#"{"locale": "fr"}"#).unwrap();
    assert_eq!(
        message(lint_js(JsValue::from_f64(42.0), french.clone()).unwrap_err()),
        "lint(input) : input doit être une chaîne de caractères, un Uint8Array ou un objet de champs du message"
    );
    // English as it was.
    assert_eq!(
        message(lint_js(JsValue::from_f64(42.0), JsValue::UNDEFINED).unwrap_err()),
        "lint(input): input must be a string, a Uint8Array, or an object of compose fields"
    );
    let spanish = js_sys::JSON::parse(r#"{"locale": "es"}"#).unwrap();
    let err = lint_php_mail_js(JsValue::from_f64(1.0), JsValue::NULL, JsValue::NULL, JsValue::NULL, spanish).unwrap_err();
    assert_eq!(message(err), "lintPhpMail: `to` debe ser una cadena de texto");
    let err = check_smtp_settings_js(JsValue::from_f64(5.0), JsValue::from_str("pl")).unwrap_err();
    assert_eq!(get(&err, "code").as_string().unwrap(), "invalid-options");
    assert_eq!(message(err), "checkSmtpSettings(settings): settings musi być: obiekt");
    // serde's "missing field `version` at line 1 column 2" was English.
    let err = render_report_js(js_sys::Object::new().into(), JsValue::from_str("fr")).unwrap_err();
    assert_eq!(get(&err, "code").as_string().unwrap(), "invalid-input");
    let text = message(err);
    assert!(text.starts_with("Le rapport n'est pas valide") && text.contains("version") && !text.contains("missing"), "{text}");
}

#[wasm_bindgen_test]
fn hostile_bytes_give_a_report_or_not_a_message_never_a_trap() {
    for raw in [&b""[..], b"\0\0\0", b"\xff\xfe\r\r\n\n:::", b"no separator at all", b"A: b\n\n\0\xff"] {
        match lint_js(Uint8Array::from(raw).into(), JsValue::UNDEFINED) {
            Ok(report) => assert!(get(&report, "verdict").is_string()),
            Err(error) => assert_eq!(get(&error, "code").as_string().unwrap(), "not-a-message"),
        }
    }
    let err = lint_js(Uint8Array::from(&b""[..]).into(), JsValue::UNDEFINED).unwrap_err();
    assert_eq!(get(&err, "code").as_string().unwrap(), "not-a-message");
}

#[wasm_bindgen_test]
fn catalogue_and_version_are_exposed() {
    let rules: js_sys::Array = rules_js(JsValue::from_str("es")).unwrap().into();
    assert!(rules.length() >= 3);
    let messages = messages_js(JsValue::from_str("fr")).unwrap();
    assert!(get(&messages, "core.verdict.pass").as_string().unwrap().contains("Prêt"));
    assert_eq!(version_js(), env!("CARGO_PKG_VERSION"));
}

#[wasm_bindgen_test]
fn a_sparse_list_of_length_four_billion_is_refused_as_too_many_before_it_is_walked() {
    // `attachments.length = 4e9` holds nothing; taking its members one by one ran out of memory.
    let attachments = js_sys::Array::new();
    Reflect::set(&attachments, &JsValue::from_str("length"), &JsValue::from_f64(4e9)).unwrap();
    let input = js_sys::JSON::parse(r#"{"from":"a@site.example","to":"b@site.example","subject":"Hi","text":"x"}"#).unwrap();
    Reflect::set(&input, &JsValue::from_str("attachments"), &attachments).unwrap();
    let err = lint_js(input, JsValue::UNDEFINED).unwrap_err();
    assert_eq!(get(&err, "code").as_string().unwrap(), "invalid-input");
    assert_eq!(get(&err, "messageId").as_string().unwrap(), "core.invalid.too-many");
    assert!(get(&err, "message").as_string().unwrap().contains("attachments"));
}
