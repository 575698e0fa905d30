//! The queue and SMTP bindings, run as wasm (`wasm-bindgen-test-runner`):
//! `CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
//!  cargo test --target wasm32-unknown-unknown --test queue_wasm`.
#![cfg(target_arch = "wasm32")]

use js_sys::Reflect;
use mail_preflight::wasm::{
    check_smtp_settings_js, compare_js, explain_smtp_reply_js, queue_presets_js, queue_time_zones_js, simulate_js,
};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &JsValue::from_str(key)).unwrap()
}

#[wasm_bindgen_test]
fn every_preset_simulates_from_an_object_and_from_a_string() {
    let presets: js_sys::Array = queue_presets_js(JsValue::UNDEFINED).unwrap().into();
    assert!(presets.length() >= 4);
    // The same scenarios in the reader's language (their streams' names).
    let french: js_sys::Array = queue_presets_js(JsValue::from_str("fr")).unwrap().into();
    assert_eq!(french.length(), presets.length());
    assert_ne!(get(&french.get(0), "json").as_string(), get(&presets.get(0), "json").as_string());
    for preset in presets.iter() {
        let json = get(&preset, "json").as_string().unwrap();
        let from_string = simulate_js(JsValue::from_str(&json), JsValue::UNDEFINED).unwrap();
        let from_object = simulate_js(js_sys::JSON::parse(&json).unwrap(), JsValue::UNDEFINED).unwrap();
        assert_eq!(
            js_sys::JSON::stringify(&from_string).unwrap().as_string(),
            js_sys::JSON::stringify(&from_object).unwrap().as_string()
        );
    }
}

#[wasm_bindgen_test]
fn a_bad_scenario_throws_an_error_with_a_code() {
    let err = simulate_js(js_sys::JSON::parse(r#"{"streamz": []}"#).unwrap(), JsValue::UNDEFINED).unwrap_err();
    assert_eq!(get(&err, "code").as_string().unwrap(), "invalid-scenario");
    let err = simulate_js(JsValue::from_f64(3.0), JsValue::UNDEFINED).unwrap_err();
    assert_eq!(get(&err, "code").as_string().unwrap(), "invalid-scenario");
    let bucket =
        js_sys::JSON::parse(r#"{"locale": "fr", "thresholds": {"bucketSeconds": 9223372036854775808}}"#).unwrap();
    let err = simulate_js(bucket, JsValue::UNDEFINED).unwrap_err();
    assert_eq!(get(&err, "field").as_string().unwrap(), "thresholds.bucketSeconds");
    assert!(get(&err, "message").as_string().unwrap().contains("doit être"), "in the scenario's language");
}

#[wasm_bindgen_test]
fn the_mail_table_comes_as_typed_arrays() {
    let scenario = js_sys::JSON::parse(r#"{"streams": [{"count": 1000, "duration": 3600}]}"#).unwrap();
    let options = js_sys::JSON::parse(r#"{"mailTable": true}"#).unwrap();
    let result = simulate_js(scenario, options).unwrap();
    let table = get(&result, "mailTable");
    assert_eq!(js_sys::Uint8Array::from(get(&table, "outcome")).length(), 1000);
    assert_eq!(js_sys::Uint32Array::from(get(&table, "settled")).length(), 1000);
}

#[wasm_bindgen_test]
fn two_scenarios_compare_and_the_time_zones_are_listed() {
    let a = js_sys::JSON::parse(r#"{"streams": [{"count": 100, "duration": 600, "verdict": "spam"}]}"#).unwrap();
    let b = js_sys::JSON::parse(r#"{"streams": [{"count": 100, "duration": 600}]}"#).unwrap();
    let comparison = compare_js(a, b).unwrap();
    assert_eq!(get(&get(&comparison, "a"), "state").as_string().unwrap(), "spam");
    let zones = queue_time_zones_js().unwrap();
    assert!(js_sys::Array::from(&get(&zones, "names")).includes(&JsValue::from_str("Europe/Paris"), 0));
}

#[wasm_bindgen_test]
fn a_reply_is_explained_in_the_requested_language() {
    let reply = JsValue::from_str("550 5.1.1 <a@b>: Recipient address rejected");
    let e = explain_smtp_reply_js(reply, JsValue::from_str("fr"), JsValue::UNDEFINED).unwrap();
    assert_eq!(get(&e, "code").as_f64(), Some(550.0));
    assert_eq!(get(&e, "class").as_string().unwrap(), "permanent");
    assert_eq!(get(&get(&e, "enhanced"), "code").as_string().unwrap(), "5.1.1");
    assert_eq!(get(&e, "basis").as_string().unwrap(), "enhanced");
    assert!(get(&e, "meaning").as_string().unwrap().contains("boîte"));
}

#[wasm_bindgen_test]
fn a_starttls_demand_is_explained_with_the_settings_given() {
    let reply = || JsValue::from_str("530 5.7.0 Must issue a STARTTLS command first");
    let settings = js_sys::JSON::parse(r#"{"host": "ssl0.ovh.net", "port": 25, "security": ""}"#).unwrap();
    let with = explain_smtp_reply_js(reply(), JsValue::from_str("en"), settings).unwrap();
    assert!(get(&with, "action").as_string().unwrap().contains("port 25"));
    let without = explain_smtp_reply_js(reply(), JsValue::from_str("en"), JsValue::NULL).unwrap();
    assert_ne!(get(&with, "action").as_string(), get(&without, "action").as_string());
    assert!(explain_smtp_reply_js(reply(), JsValue::from_str("en"), JsValue::from_f64(5.0)).is_err());
}

#[wasm_bindgen_test]
fn smtp_settings_are_checked() {
    // The guides' port rules bind the hosting's own servers: 587 with implicit TLS is wrong there;
    // 587 with STARTTLS on another host is a usual pair and passes.
    let check = |json: &str| {
        let settings = js_sys::JSON::parse(json).unwrap();
        let check = check_smtp_settings_js(settings, JsValue::from_str("en")).unwrap();
        get(&check, "verdict").as_string().unwrap()
    };
    assert_eq!(check(r#"{"transport":"smtp","host":"ssl0.ovh.net","port":587,"security":"ssl"}"#), "warn");
    assert_eq!(check(r#"{"transport":"smtp","host":"smtp.example.org","port":587,"security":"tls"}"#), "pass");
    let bad = js_sys::JSON::parse(r#"{"hots":"x"}"#).unwrap();
    assert!(check_smtp_settings_js(bad, JsValue::UNDEFINED).is_err());
}
