//! The queue and SMTP bindings, run as wasm (`wasm-bindgen-test-runner`):
//! `CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
//!  cargo test --target wasm32-unknown-unknown --test queue_wasm`.
#![cfg(target_arch = "wasm32")]

use js_sys::Reflect;
use mail_preflight::wasm::{check_smtp_settings_js, explain_smtp_reply_js, queue_presets_js, simulate_js};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &JsValue::from_str(key)).unwrap()
}

#[wasm_bindgen_test]
fn every_preset_simulates_from_an_object_and_from_a_string() {
    let presets: js_sys::Array = queue_presets_js().unwrap().into();
    assert_eq!(presets.length(), 3);
    for preset in presets.iter() {
        let json = get(&preset, "json").as_string().unwrap();
        let from_string = simulate_js(JsValue::from_str(&json)).unwrap();
        let from_object = simulate_js(js_sys::JSON::parse(&json).unwrap()).unwrap();
        assert_eq!(
            js_sys::JSON::stringify(&from_string).unwrap().as_string(),
            js_sys::JSON::stringify(&from_object).unwrap().as_string()
        );
    }
}

#[wasm_bindgen_test]
fn a_bad_scenario_throws_an_error_with_a_code() {
    let err = simulate_js(js_sys::JSON::parse(r#"{"streamz": []}"#).unwrap()).unwrap_err();
    assert_eq!(get(&err, "code").as_string().unwrap(), "invalid-scenario");
    let err = simulate_js(JsValue::from_f64(3.0)).unwrap_err();
    assert_eq!(get(&err, "code").as_string().unwrap(), "invalid-scenario");
}

#[wasm_bindgen_test]
fn a_reply_is_explained_in_the_requested_language() {
    let reply = JsValue::from_str("550 5.1.1 <a@b>: Recipient address rejected");
    let e = explain_smtp_reply_js(reply, JsValue::from_str("fr")).unwrap();
    assert_eq!(get(&e, "code").as_f64(), Some(550.0));
    assert_eq!(get(&e, "class").as_string().unwrap(), "permanent");
    assert_eq!(get(&get(&e, "enhanced"), "code").as_string().unwrap(), "5.1.1");
    assert!(get(&e, "meaning").as_string().unwrap().contains("boîte aux lettres"));
}

#[wasm_bindgen_test]
fn smtp_settings_are_checked() {
    let json = r#"{"transport":"smtp","host":"smtp.example.org","port":587,"security":"tls"}"#;
    let settings = js_sys::JSON::parse(json).unwrap();
    let check = check_smtp_settings_js(settings, JsValue::from_str("en")).unwrap();
    assert_eq!(get(&check, "verdict").as_string().unwrap(), "warn");
    let bad = js_sys::JSON::parse(r#"{"hots":"x"}"#).unwrap();
    assert!(check_smtp_settings_js(bad, JsValue::UNDEFINED).is_err());
}
