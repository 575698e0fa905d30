//! JavaScript bindings. Conversion only: every function turns JavaScript values
//! into the plain Rust types, calls the engine, and turns the result back.
//! Bad input from JavaScript becomes a thrown `Error` with a `code`, never a trap.

use crate::error::{Expected, Invalid, Subject, What};
use crate::i18n::{Locale, Msg, Param};
use crate::input::{Compose, PhpMail};
use crate::options::Options;
use crate::pipeline::docs;
use crate::report::Report;
use crate::{LintError, Linter, MAX_INPUT_BYTES};
use js_sys::{Error as JsErrorObject, Reflect, Uint8Array};
use serde::Serialize;
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// A result as a JavaScript value: serialised to JSON text in the wasm and read
/// by `JSON.parse`, one call across the boundary (a serializer building the
/// object field by field crosses it for every field: 5 % of a lint in a
/// profile, #14), and one serializer in the wasm (serde_json, which the
/// options and the CLI's files need anyway).
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    let json = serde_json::to_string(value).map_err(|e| error("internal", &e.to_string()))?;
    js_sys::JSON::parse(&json).map_err(|_| error("internal", "the engine wrote JSON that JSON.parse refused"))
}

/// `to_js`, with byte fields (`serialize_bytes`) as `Uint8Array`s rather than
/// arrays of numbers: an analysis carries the decoded inline images.
fn to_js_with_bytes<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    let serializer = serde_wasm_bindgen::Serializer::json_compatible().serialize_bytes_as_arrays(false);
    value.serialize(&serializer).map_err(|e| error("internal", &e.to_string()))
}

/// A JavaScript `Error` whose `code` property is a stable machine-readable code.
fn error(code: &str, message: &str) -> JsValue {
    let err = JsErrorObject::new(message);
    let _ = Reflect::set(&err, &JsValue::from_str("code"), &JsValue::from_str(code));
    err.into()
}

/// A coded `Error` saying `message` in `locale`, which also carries its
/// `messageId` and `params` so a page can show it again in another language
/// (`renderMessage`).
fn coded_error(code: &str, message: &Msg, locale: Locale) -> JsValue {
    let err = error(code, &message.render(locale));
    let params: BTreeMap<&str, &Param> = message.params.iter().map(|(name, value)| (*name, value)).collect();
    let _ = Reflect::set(&err, &JsValue::from_str("messageId"), &JsValue::from_str(message.id));
    // An unknown rule id in `rules` also names the id and the closest known one as
    // `error.rule` and `error.suggestion` (README "API"), in every build alike.
    let text = |name: &str| match params.get(name) {
        Some(Param::Text(text)) => Some(text.as_str()),
        _ => None,
    };
    if message.id.starts_with("core.invalid.unknown-name") && text("path") == Some("rules") {
        for (field, param) in [("rule", "name"), ("suggestion", "suggestion")] {
            if let Some(value) = text(param) {
                let _ = Reflect::set(&err, &JsValue::from_str(field), &JsValue::from_str(value));
            }
        }
    }
    if let Ok(params) = to_js(&params) {
        let _ = Reflect::set(&err, &JsValue::from_str("params"), &params);
    }
    err
}

/// The coded error of an argument of the wrong kind, in `locale`: "`call`: `name`
/// must be `expected`" (`expected` a `core.error.call.expected.*` label).
fn must_be(code: &str, call: &str, name: &str, expected: &'static str, locale: Locale) -> JsValue {
    let msg = Msg::new("core.error.call.must-be").text("call", call).text("name", name).label_id("expected", expected);
    coded_error(code, &msg, locale)
}

fn lint_error(e: &LintError, locale: Locale) -> JsValue {
    coded_error(e.code(), &e.message(), locale)
}

/// A JavaScript value as JSON text, through `JSON.stringify` (so unknown fields
/// reach serde and are refused, as in the CLI's files).
fn json_of(value: &JsValue) -> Option<String> {
    let json = js_sys::JSON::stringify(value).ok().and_then(|s| s.as_string())?;
    Some(crate::hygiene::lone_surrogates_replaced(json))
}

/// The first number JSON cannot hold (`Infinity`, `-Infinity`, `NaN`) in a
/// value read as JSON (options, a scenario, SMTP settings), with its path
/// (`thresholds.size.maxMessageBytes`, `streams[0].rate`). `JSON.stringify`
/// writes them as `null`: the error then named a null the user never gave, and
/// an optional field (`service.maxPerDay`, `until`) took it as absent. The walk
/// is iterative and stops at `MAX_JSON_DEPTH` and after `MAX_COMPOSE_VALUES`
/// values (the reader refuses such values for their own reason).
fn non_finite_number(root: &JsValue) -> Option<Invalid> {
    // Containers met so far: (parent, key); a path is read back from them only on a find.
    let mut containers: Vec<(usize, String)> = Vec::new();
    let path = |containers: &Vec<(usize, String)>, mut at: usize, last: String| {
        let mut keys = vec![last];
        while at != usize::MAX {
            keys.push(containers[at].1.clone());
            at = containers[at].0;
        }
        keys.iter().rev().fold(String::new(), |path, key| match key.strip_prefix('[') {
            Some(_) => path + key,
            None if path.is_empty() => key.clone(),
            None => path + "." + key,
        })
    };
    // (value, its key, the container holding it, depth)
    let mut stack: Vec<(JsValue, String, usize, usize)> = vec![(root.clone(), String::new(), usize::MAX, 0)];
    let mut walked = 0usize;
    while let Some((value, key, parent, depth)) = stack.pop() {
        walked += 1;
        if walked > MAX_COMPOSE_VALUES {
            return None;
        }
        if let Some(number) = value.as_f64() {
            if !number.is_finite() {
                let written = if number.is_nan() { "NaN" } else if number > 0.0 { "Infinity" } else { "-Infinity" };
                return Some(Invalid::new(path(&containers, parent, key), What::NotFinite { value: written.into() }));
            }
            continue;
        }
        if !value.is_object() || js_sys::ArrayBuffer::is_view(&value) || depth >= crate::error::MAX_JSON_DEPTH {
            continue;
        }
        let here = if parent == usize::MAX && key.is_empty() {
            usize::MAX
        } else {
            containers.push((parent, key));
            containers.len() - 1
        };
        let members: Vec<(String, JsValue)> = if js_sys::Array::is_array(&value) {
            let list: &js_sys::Array = value.unchecked_ref();
            // Past the limit by its length alone: not walked (the reader refuses it for its own reason).
            if walked + stack.len() + list.length() as usize > MAX_COMPOSE_VALUES {
                return None;
            }
            list.iter().enumerate().map(|(i, v)| (format!("[{i}]"), v)).collect()
        } else {
            let object: &js_sys::Object = value.unchecked_ref();
            let (keys, values) = (js_sys::Object::keys(object), js_sys::Object::values(object));
            keys.iter().map(|k| k.as_string().unwrap_or_default()).zip(values.iter()).collect()
        };
        // Reversed, so the first member in the value is looked at first.
        stack.extend(members.into_iter().rev().map(|(k, v)| (v, k, here, depth + 1)));
    }
    None
}

/// Most linters kept, one per options value recently used: a page switching
/// between a few option sets never checks the same options twice.
const MAX_CACHED_LINTERS: usize = 8;

thread_local! {
    /// (options as JSON, its linter), most recently used first.
    static LINTERS: RefCell<Vec<(String, Rc<Linter>)>> = const { RefCell::new(Vec::new()) };
}

/// The linter for an options value: the options are checked and resolved once
/// per distinct value (the same JSON gives the same settings).
fn linter_for(value: &JsValue) -> Result<Rc<Linter>, JsValue> {
    let json = if value.is_undefined() || value.is_null() {
        String::new()
    } else if value.is_object() {
        // The locale the options ask for, read directly: JSON.stringify refused them.
        let locale = || Reflect::get(value, &JsValue::from_str("locale")).map(|l| locale_from(&l)).unwrap_or_default();
        if let Some(invalid) = non_finite_number(value) {
            return Err(lint_error(&LintError::InvalidOptions(invalid), locale()));
        }
        json_of(value).ok_or_else(|| lint_error(&LintError::options("options", What::NotJsonCompatible), locale()))?
    } else {
        let shape = What::Shape { expected: Expected::Label("core.invalid.expected.object") };
        return Err(lint_error(&LintError::options("options", shape), Locale::En));
    };
    let cached = LINTERS.with(|cache| {
        let mut cache = cache.borrow_mut();
        let at = cache.iter().position(|(key, _)| *key == json)?;
        let entry = cache.remove(at);
        let linter = Rc::clone(&entry.1);
        cache.insert(0, entry);
        Some(linter)
    });
    if let Some(linter) = cached {
        return Ok(linter);
    }
    let options = if json.is_empty() {
        Options::default()
    } else {
        Options::from_json(&json).map_err(|e| lint_error(&e, locale_in(&json)))?
    };
    let linter = Rc::new(Linter::new(&options).map_err(|e| lint_error(&e, options.locale))?);
    LINTERS.with(|cache| {
        let mut cache = cache.borrow_mut();
        cache.insert(0, (json, Rc::clone(&linter)));
        cache.truncate(MAX_CACHED_LINTERS);
    });
    Ok(linter)
}

/// The locale options ask for, read from their JSON even when the rest of
/// them does not fit, or is not JSON at all (so their error is said in it).
fn locale_in(json: &str) -> Locale {
    let parsed = serde_json::from_str::<serde_json::Value>(json)
        .ok()
        .and_then(|value| value.get("locale")?.as_str().and_then(Locale::parse));
    // Text that is not JSON: the first `"locale": "xx"` in it.
    parsed.or_else(|| Locale::written_in_json(json)).unwrap_or_default()
}

fn locale_from(value: &JsValue) -> Locale {
    value.as_string().and_then(|s| Locale::parse(&s)).unwrap_or_default()
}

fn too_large(size: usize, locale: Locale) -> JsValue {
    lint_error(&LintError::InputTooLarge { size, limit: MAX_INPUT_BYTES }, locale)
}

/// A text that is no message (`what`, a `core.too-large.*` label: rules, options,
/// message parameters) past MAX_INPUT_BYTES: the coded `input-too-large` naming
/// what it is, with `size` and `limit`; the message's own wording ("No host
/// accepts a message this large") is for messages only.
fn named_too_large(what: &'static str, size: usize, locale: Locale) -> JsValue {
    let msg = Msg::new("core.error.too-large")
        .label_id("what", what)
        .megabytes("size", size as u64)
        .megabytes("limit", MAX_INPUT_BYTES as u64);
    let err = coded_error("input-too-large", &msg, locale);
    for (field, value) in [("size", size), ("limit", MAX_INPUT_BYTES)] {
        let _ = Reflect::set(&err, &JsValue::from_str(field), &JsValue::from_f64(value as f64));
    }
    err
}

/// What `lint` and `analyse` accept.
enum Input {
    /// A raw message, from a string or a `Uint8Array`.
    Raw(Vec<u8>),
    /// Compose fields (Nodemailer message options).
    Compose(Compose),
}

fn input_from(input: JsValue, locale: Locale, function: &str) -> Result<Input, JsValue> {
    if let Some(text) = input.dyn_ref::<js_sys::JsString>() {
        // A UTF-16 length over the limit means at least that many UTF-8 bytes.
        let length = text.length() as usize;
        if length > MAX_INPUT_BYTES {
            return Err(too_large(length, locale));
        }
        let text: String = text.into();
        Ok(Input::Raw(text.into_bytes()))
    } else if let Some(bytes) = input.dyn_ref::<Uint8Array>() {
        let length = bytes.length() as usize;
        if length > MAX_INPUT_BYTES {
            return Err(too_large(length, locale));
        }
        Ok(Input::Raw(bytes.to_vec()))
    } else if input.is_object() && !js_sys::Array::is_array(&input) {
        if let Some(invalid) = beyond_bounds(&input) {
            return Err(lint_error(&LintError::InvalidInput(invalid), locale));
        }
        let compose: Compose = serde_wasm_bindgen::from_value(functions_as_flags(input))
            .map_err(|e| lint_error(&LintError::InvalidInput(Invalid::from_serde(&e.to_string(), "message")), locale))?;
        Ok(Input::Compose(compose))
    } else {
        Err(must_be("invalid-input", &format!("{function}(input)"), "input", "core.error.call.expected.input", locale))
    }
}

/// The compose object with a function given to an option the engine only
/// notes as set (Nodemailer's `normalizeHeaderKey`, `headers/compose-option`)
/// as `true`: the conversion refuses functions. A function anywhere else is
/// refused as one ("text is a function; it must be a text"). The input itself
/// is not changed; without such a function it is used as it is.
fn functions_as_flags(input: JsValue) -> JsValue {
    let object: &js_sys::Object = input.unchecked_ref();
    let entries = js_sys::Object::entries(object);
    let noted_function = |pair: &js_sys::Array| {
        pair.get(1).is_function() && pair.get(0).as_string().is_some_and(|key| crate::input::compose::is_noted_option(&key))
    };
    if !entries.iter().any(|entry| noted_function(&js_sys::Array::from(&entry))) {
        return input;
    }
    let copy = js_sys::Object::new();
    for entry in entries.iter() {
        let pair = js_sys::Array::from(&entry);
        let value = if noted_function(&pair) { JsValue::TRUE } else { pair.get(1) };
        // Own enumerable string keys of a plain object: defining them cannot fail.
        let _ = Reflect::set(&copy, &pair.get(0), &value);
    }
    copy.into()
}

/// Most objects, arrays and members of a compose input walked before it is
/// converted (ours: a hundred times the 10,000 header fields a message keeps;
/// shared objects are counted each time they are reached, as the conversion
/// copies them each time).
const MAX_COMPOSE_VALUES: usize = 1_000_000;

/// What keeps a JavaScript object from being converted in bounded stack and
/// memory: nesting deeper than `MAX_JSON_DEPTH` (a cycle is infinitely deep) or
/// more than `MAX_COMPOSE_VALUES` values, named by the top-level field it is in.
/// serde-wasm-bindgen converts by recursion, one Rust frame per level: a
/// 5,000-deep `headers` overflowed the wasm stack (V8: "Maximum call stack
/// size exceeded") and the next call on the instance trapped. The walk is
/// iterative; typed arrays and strings are leaves.
fn beyond_bounds(root: &JsValue) -> Option<Invalid> {
    let mut stack: Vec<(JsValue, usize, usize)> = Vec::new();
    let root: &js_sys::Object = root.unchecked_ref();
    let keys = js_sys::Object::keys(root);
    for (index, value) in js_sys::Object::values(root).iter().enumerate() {
        stack.push((value, 1, index));
    }
    let mut walked = 0usize;
    while let Some((value, depth, top)) = stack.pop() {
        walked += 1;
        let field = || keys.get(top as u32).as_string().unwrap_or_default();
        if walked > MAX_COMPOSE_VALUES {
            return Some(Invalid::new(field(), What::TooMany { count: walked, max: MAX_COMPOSE_VALUES }));
        }
        if !value.is_object() || js_sys::ArrayBuffer::is_view(&value) || value.is_instance_of::<js_sys::ArrayBuffer>() {
            continue;
        }
        if depth >= crate::error::MAX_JSON_DEPTH {
            return Some(Invalid::new(field(), What::TooDeep));
        }
        // Counted before they are taken: a sparse list of length 4e9 holds nothing, yet
        // taking its members one by one ran out of memory (every one a JsValue).
        let members = if js_sys::Array::is_array(&value) {
            value.unchecked_ref::<js_sys::Array>().clone()
        } else {
            js_sys::Object::values(value.unchecked_ref::<js_sys::Object>())
        };
        let waiting = walked + stack.len() + members.length() as usize;
        if waiting > MAX_COMPOSE_VALUES {
            return Some(Invalid::new(field(), What::TooMany { count: waiting, max: MAX_COMPOSE_VALUES }));
        }
        stack.extend(members.iter().map(|member| (member, depth + 1, top)));
    }
    None
}

/// Lints a message: a raw message as a string or a `Uint8Array`, or compose
/// fields (Nodemailer message options) as an object.
#[wasm_bindgen(js_name = lint)]
pub fn lint_js(input: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    to_js(&report_of(input, &options)?)
}

/// The report of `lint` and `lintJson`: raw bytes or compose fields, linted with the options.
fn report_of(input: JsValue, options: &JsValue) -> Result<Report, JsValue> {
    let linter = linter_for(options)?;
    let locale = linter.settings().locale;
    let report = match input_from(input, locale, "lint")? {
        Input::Raw(bytes) => linter.lint(&bytes),
        Input::Compose(compose) => linter.lint_compose(&compose),
    };
    report.map_err(|e| lint_error(&e, locale))
}

/// `lint`, with the report as the JSON text that `lint` would parse, and what a
/// caller adding reports up needs without parsing it: `[json, verdict, errors,
/// warnings, infos]`. The CLI's `json` and `jsonl` formats write the text as it
/// is: parsing each report, cloning it to the main thread and writing it out
/// again was a sixth of a corpus run's CPU (#14).
#[wasm_bindgen(js_name = lintJson)]
pub fn lint_json_js(input: JsValue, options: JsValue) -> Result<js_sys::Array, JsValue> {
    let report = report_of(input, &options)?;
    let json = serde_json::to_string(&report).map_err(|e| error("internal", &e.to_string()))?;
    let verdict = match report.verdict {
        crate::report::Verdict::Pass => "pass",
        crate::report::Verdict::Warn => "warn",
        crate::report::Verdict::Fail => "fail",
    };
    let counts = &report.counts;
    let summary = [
        JsValue::from_str(&json),
        JsValue::from_str(verdict),
        JsValue::from_f64(counts.error as f64),
        JsValue::from_f64(counts.warning as f64),
        JsValue::from_f64(counts.info as f64),
    ];
    Ok(summary.into_iter().collect())
}

/// The analysed parts of a message, for a page to show beside the report: MIME
/// tree, header fields with offsets, decoded text previews, hidden HTML text,
/// links and images, inline image parts as `Uint8Array`s (`pipeline::analysis`).
/// Same input and options as `lint`.
#[wasm_bindgen(js_name = analyse)]
pub fn analyse_js(input: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let linter = linter_for(&options)?;
    let locale = linter.settings().locale;
    let analysis = match input_from(input, locale, "analyse")? {
        Input::Raw(bytes) => linter.analyse(&bytes),
        Input::Compose(compose) => linter.analyse_compose(&compose),
    };
    analysis.map_err(|e| lint_error(&e, locale)).and_then(|a| to_js_with_bytes(&a))
}

/// Lints the message PHP `mail(to, subject, message, additional_headers)` would send.
#[wasm_bindgen(js_name = lintPhpMail)]
pub fn lint_php_mail_js(
    to: JsValue,
    subject: JsValue,
    message: JsValue,
    headers: JsValue,
    options: JsValue,
) -> Result<JsValue, JsValue> {
    let linter = linter_for(&options)?;
    let locale = linter.settings().locale;
    // serde's own reason is English: said is what `headers` takes.
    let headers_shape =
        || must_be("invalid-input", "lintPhpMail", "headers", "core.error.call.expected.php-headers", locale);
    let text = |value: &JsValue, name: &str| -> Result<String, JsValue> {
        if value.is_undefined() || value.is_null() {
            return Ok(String::new());
        }
        if let Some(s) = value.dyn_ref::<js_sys::JsString>() {
            if s.length() as usize > MAX_INPUT_BYTES {
                return Err(too_large(s.length() as usize, locale));
            }
            return Ok(s.into());
        }
        // A text the package copied in as its UTF-8 bytes (`wasmInput`: wasm-bindgen
        // reserves three bytes a UTF-16 unit for a string), or bytes given as they are.
        if let Some(bytes) = value.dyn_ref::<Uint8Array>() {
            if bytes.length() as usize > MAX_INPUT_BYTES {
                return Err(too_large(bytes.length() as usize, locale));
            }
            // Bytes that are not UTF-8 (given as they are) read as a JavaScript text of them would.
            return Ok(String::from_utf8(bytes.to_vec()).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()));
        }
        if js_sys::Array::is_array(value) && name == "headers" {
            // PHP ≥ 7.2 accepts an array of headers: ["From: a@b", …] or {From: "a@b"}.
            let list: Vec<String> = serde_wasm_bindgen::from_value(value.clone()).map_err(|_| headers_shape())?;
            return Ok(list.join("\r\n"));
        }
        if value.is_object() && name == "headers" {
            let map: BTreeMap<String, String> = serde_wasm_bindgen::from_value(value.clone()).map_err(|_| headers_shape())?;
            return Ok(map.iter().map(|(k, v)| format!("{k}: {v}")).collect::<Vec<_>>().join("\r\n"));
        }
        Err(must_be("invalid-input", "lintPhpMail", &format!("`{name}`"), "core.error.call.expected.string", locale))
    };
    let call = PhpMail {
        to: text(&to, "to")?,
        subject: text(&subject, "subject")?,
        message: text(&message, "message")?,
        headers: text(&headers, "headers")?,
    };
    linter.lint_php_mail(&call).map_err(|e| lint_error(&e, locale)).and_then(|r| to_js(&r))
}

/// The same report in another language, rendered from its message ids and
/// parameters without linting again.
#[wasm_bindgen(js_name = renderReport)]
pub fn render_report_js(report: JsValue, locale: JsValue) -> Result<JsValue, JsValue> {
    let locale = locale_from(&locale);
    let not_object = || must_be("invalid-input", "renderReport(report, locale)", "report", "core.invalid.expected.object", locale);
    let json = json_of(&report).filter(|_| report.is_object()).ok_or_else(not_object)?;
    // serde's own reason is English: the field it names, said in `locale`.
    let report: Report = Invalid::parse(&json, "report")
        .map_err(|invalid| coded_error("invalid-input", &invalid.message(Subject::Report), locale))?;
    to_js(&docs::render_report(&report, locale))
}

/// One message of the engine (a rule's, the page's, the CLI's…) by id, with
/// its parameters, in `locale`: the one template renderer. An unknown id is
/// returned as is.
#[wasm_bindgen(js_name = renderMessage)]
pub fn render_message_js(id: JsValue, params: JsValue, locale: JsValue) -> Result<JsValue, JsValue> {
    let invalid = |detail: &str| error("invalid-input", &format!("renderMessage(id, params, locale): {detail}"));
    let call = "renderMessage(id, params, locale)";
    let id = id.as_string().ok_or_else(|| must_be("invalid-input", call, "id", "core.error.call.expected.string", locale_from(&locale)))?;
    let params: BTreeMap<String, Param> = if params.is_undefined() || params.is_null() {
        BTreeMap::new()
    } else {
        let json = json_of(&params)
            .filter(|_| params.is_object())
            .ok_or_else(|| must_be("invalid-input", call, "params", "core.invalid.expected.object", locale_from(&locale)))?;
        if json.len() > MAX_INPUT_BYTES {
            return Err(named_too_large("core.too-large.params", json.len(), locale_from(&locale)));
        }
        docs::message_params(&json).map_err(|detail| invalid(&detail))?
    };
    Ok(JsValue::from_str(&docs::render_message(&id, &params, locale_from(&locale))))
}

/// Options as JSON text (a config file) checked as `lint` checks them: nothing
/// when they can be used, else the coded `invalid-options` error, in `locale`
/// or else the locale the text asks for, naming the field, or the line and
/// column where the text stops being JSON (`core.invalid.not-json`).
#[wasm_bindgen(js_name = checkOptions)]
pub fn check_options_js(json: JsValue, locale: JsValue) -> Result<(), JsValue> {
    let json = json
        .as_string()
        .ok_or_else(|| must_be("invalid-options", "checkOptions(json)", "json", "core.error.call.expected.string", locale_from(&locale)))?;
    if json.len() > MAX_INPUT_BYTES {
        // Not read for its own locale: too large to read at all.
        return Err(named_too_large("core.too-large.options", json.len(), locale_from(&locale)));
    }
    let locale = if locale.is_undefined() || locale.is_null() { locale_in(&json) } else { locale_from(&locale) };
    let options = Options::from_json(&json).map_err(|e| lint_error(&e, locale))?;
    Linter::new(&options).map(|_| ()).map_err(|e| lint_error(&e, locale))
}

/// The JSON Schema (draft 2020-12) of the options.
#[wasm_bindgen(js_name = optionsSchema)]
pub fn options_schema_js() -> Result<JsValue, JsValue> {
    to_js(&docs::options_schema())
}

/// Checks custom rules as the rules editor types them: `rules` is the JSON text
/// (or the object) of a list of rules, or of `{customRules, spamassassinRules}`;
/// the result lists every problem with its line and column (README "Your own rules").
#[wasm_bindgen(js_name = checkCustomRules)]
pub fn check_custom_rules_js(rules: JsValue, locale: JsValue) -> Result<JsValue, JsValue> {
    let json = if let Some(text) = rules.as_string() {
        text
    } else if rules.is_object() {
        js_sys::JSON::stringify(&rules).ok().and_then(|s| s.as_string()).unwrap_or_default()
    } else {
        let expected = "core.error.call.expected.json-or-object";
        return Err(must_be("invalid-input", "checkCustomRules(rules)", "rules", expected, locale_from(&locale)));
    };
    if json.len() > MAX_INPUT_BYTES {
        return Err(named_too_large("core.too-large.rules", json.len(), locale_from(&locale)));
    }
    to_js(&crate::custom::check_custom_rules(&json, locale_from(&locale)))
}

/// A SpamAssassin rule file's bytes as the text `spamassassinRules` takes
/// (`custom::sa_file`: translations in their language's charset); the CLI's
/// `--sa-rules` reads its file through it.
#[wasm_bindgen(js_name = spamassassinRulesText)]
pub fn spamassassin_rules_text_js(bytes: &[u8]) -> String {
    crate::custom::sa_file::rules_text(bytes)
}

/// Every rule with its documentation and examples, in one language.
#[wasm_bindgen(js_name = rules)]
pub fn rules_js(locale: JsValue) -> Result<JsValue, JsValue> {
    to_js(&crate::rule_docs(locale_from(&locale)))
}

/// Every catalogue message in one language, keyed by id.
#[wasm_bindgen(js_name = messages)]
pub fn messages_js(locale: JsValue) -> Result<JsValue, JsValue> {
    to_js(&crate::messages(locale_from(&locale)))
}

/// The engine version.
#[wasm_bindgen(js_name = version)]
pub fn version_js() -> String {
    crate::VERSION.to_string()
}

// ── queue simulation and SMTP (issue 6) ─────────────────────────────────────

/// A scenario from JavaScript: an object or a JSON string, read through JSON so
/// unknown fields are refused (as for options). `name` is the parameter
/// (`scenario`, `a`, `b`), which the errors name when the whole value is wrong.
fn scenario_from(value: &JsValue, name: &str) -> Result<crate::queue::Scenario, JsValue> {
    use crate::queue::{Scenario, ScenarioError};
    let refused = |invalid: Invalid| {
        let locale = Reflect::get(value, &JsValue::from_str("locale")).map(|l| locale_from(&l)).unwrap_or_default();
        scenario_error(&ScenarioError::Json(invalid), locale)
    };
    let json = if let Some(text) = value.as_string() {
        text
    } else if value.is_object() {
        if let Some(invalid) = non_finite_number(value) {
            return Err(refused(invalid));
        }
        json_of(value).ok_or_else(|| refused(Invalid::new(name, What::NotJsonCompatible)))?
    } else {
        let shape = What::Shape { expected: Expected::Label("core.invalid.expected.object-or-json") };
        return Err(refused(Invalid::new(name, shape)));
    };
    if json.len() > MAX_INPUT_BYTES {
        // Same code as a message too large, with the scenario's own words.
        let msg = Msg::new("queue.error.scenario-too-large")
            .megabytes("size", json.len() as u64)
            .megabytes("limit", MAX_INPUT_BYTES as u64);
        return Err(coded_error("input-too-large", &msg, Scenario::locale_in_json(&json)));
    }
    Scenario::from_json(&json).map_err(|e| scenario_error(&e, Scenario::locale_in_json(&json)))
}

/// A coded `Error` naming the scenario field at fault (`error.field`), with its
/// `messageId` and `params` as `lint`'s errors have them.
fn scenario_error(e: &crate::queue::ScenarioError, locale: Locale) -> JsValue {
    let err = coded_error(e.code(), &e.message(), locale);
    if let Some(field) = e.field() {
        let _ = Reflect::set(&err, &JsValue::from_str("field"), &JsValue::from_str(field));
    }
    err
}

/// Runs a sending-queue simulation: `scenario` is an object or a JSON string
/// (README "Queue simulation scenarios"). `options.mailTable: true` adds
/// `mailTable` — every mail as columns of typed arrays (`outcome` Uint8Array
/// (an index into `result.outcomes`), `stream` Uint16Array, `created`/`settled` Uint32Array
/// of seconds after `start`) for a list of a million rows.
#[wasm_bindgen(js_name = simulate)]
pub fn simulate_js(scenario: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let scenario = scenario_from(&scenario, "scenario")?;
    let want_table = !options.is_undefined()
        && !options.is_null()
        && Reflect::get(&options, &JsValue::from_str("mailTable")).ok().is_some_and(|v| v.is_truthy());
    let classifier = &crate::classify_for_queue;
    if !want_table {
        let result = crate::queue::simulate_with(&scenario, classifier).map_err(|e| scenario_error(&e, scenario.locale))?;
        return to_js(&result);
    }
    let (result, table) =
        crate::queue::simulate_with_mails(&scenario, classifier).map_err(|e| scenario_error(&e, scenario.locale))?;
    let value = to_js(&result)?;
    let columns = js_sys::Object::new();
    let set = |key: &str, v: &JsValue| Reflect::set(&columns, &JsValue::from_str(key), v).map(|_| ());
    set("outcome", &Uint8Array::from(table.outcome.as_slice()).into())?;
    set("stream", &js_sys::Uint16Array::from(table.stream.as_slice()).into())?;
    set("created", &js_sys::Uint32Array::from(table.created.as_slice()).into())?;
    set("settled", &js_sys::Uint32Array::from(table.settled.as_slice()).into())?;
    Reflect::set(&value, &JsValue::from_str("mailTable"), &columns)?;
    Ok(value)
}

/// Runs two scenarios and compares them: `{a, b, differences}`, in the language of `a`.
#[wasm_bindgen(js_name = compare)]
pub fn compare_js(a: JsValue, b: JsValue) -> Result<JsValue, JsValue> {
    let a = scenario_from(&a, "a")?;
    let b = scenario_from(&b, "b")?;
    let comparison = crate::queue::compare(&a, &b).map_err(|e| scenario_error(&e, a.locale))?;
    to_js(&comparison)
}

/// The time zones the simulation knows (`timeZone`), and the tz database release.
#[wasm_bindgen(js_name = queueTimeZones)]
pub fn queue_time_zones_js() -> Result<JsValue, JsValue> {
    let names: Vec<&str> = crate::queue::tz::Zone::names().collect();
    to_js(&serde_json::json!({ "version": crate::queue::tz::TZDATA_VERSION, "names": names }))
}

/// Explains an SMTP reply (`550 5.1.1 …`, a bare `451`, a multi-line reply),
/// read with the script's SMTP settings when they are given (`settings`, as
/// `checkSmtpSettings` takes them).
#[wasm_bindgen(js_name = explainSmtpReply)]
pub fn explain_smtp_reply_js(reply: JsValue, locale: JsValue, settings: JsValue) -> Result<JsValue, JsValue> {
    let locale = locale_from(&locale);
    // Named as the parameter of `index.d.ts`, in the reply's own words (it had
    // read "The message fields are not valid: text must be a text").
    let shape = What::Shape { expected: Expected::Label("core.invalid.expected.text") };
    let Some(text) = reply.as_string() else {
        return Err(coded_error("invalid-input", &Invalid::new("reply", shape).message(Subject::SmtpReply), locale));
    };
    if settings.is_undefined() || settings.is_null() {
        return to_js(&crate::smtp::explain(&text, locale));
    }
    let settings = smtp_settings_from(&settings, "explainSmtpReply(reply, locale, settings)", locale)?;
    to_js(&crate::smtp::explain_with_settings(&text, &settings, locale))
}

/// SMTP settings `{transport, host, port, security, from, auth}` from JavaScript.
fn smtp_settings_from(
    settings: &JsValue,
    call: &str,
    locale: crate::i18n::Locale,
) -> Result<crate::options::SmtpSettings, JsValue> {
    if let Some(invalid) = non_finite_number(settings) {
        return Err(lint_error(&LintError::InvalidOptions(invalid), locale));
    }
    let json = json_of(settings)
        .filter(|_| settings.is_object())
        .ok_or_else(|| must_be("invalid-options", call, "settings", "core.invalid.expected.object", locale))?;
    Invalid::parse(&json, "settings").map_err(|e| lint_error(&LintError::InvalidOptions(e), locale))
}

/// Runs the `config/*` rules over SMTP settings `{transport, host, port, security, from}`.
#[wasm_bindgen(js_name = checkSmtpSettings)]
pub fn check_smtp_settings_js(settings: JsValue, locale: JsValue) -> Result<JsValue, JsValue> {
    let locale = locale_from(&locale);
    let settings = smtp_settings_from(&settings, "checkSmtpSettings(settings)", locale)?;
    to_js(&crate::smtp::check_settings_owned(settings, locale))
}

/// `checkSmtpSettings` of the settings' JSON text, as `JSON.stringify` wrote it
/// from an object: the Node entry writes that text once, to measure the settings
/// and refuse what JSON cannot hold in the caller's words, and hands it over
/// here, where `checkSmtpSettings` wrote it a second time (15 ms of a 5 MB
/// field's 120). Not the API: the entry keeps `checkSmtpSettings(settings)`'s
/// contract (an object), and sends an object whose text lost a number
/// (`Infinity` written as null) to `checkSmtpSettings`, which names it.
#[wasm_bindgen(js_name = checkSmtpSettingsJson)]
pub fn check_smtp_settings_json_js(json: String, locale: JsValue) -> Result<JsValue, JsValue> {
    let locale = locale_from(&locale);
    let json = crate::hygiene::lone_surrogates_replaced(json);
    let settings = Invalid::parse(&json, "settings").map_err(|e| lint_error(&LintError::InvalidOptions(e), locale))?;
    to_js(&crate::smtp::check_settings_owned(settings, locale))
}

/// The worked example scenarios: `[{id, json}]`, their stream names in `locale`.
#[wasm_bindgen(js_name = queuePresets)]
pub fn queue_presets_js(locale: JsValue) -> Result<JsValue, JsValue> {
    let locale = locale_from(&locale);
    let presets: Vec<serde_json::Value> = crate::queue::presets()
        .iter()
        .map(|p| serde_json::json!({ "id": p.id, "json": p.json_in(locale) }))
        .collect();
    to_js(&presets)
}

// ── mechanical fixes (issue 20) ─────────────────────────────────────────────

/// Applies the mechanical fixes (`src/fixes/`) to a raw message (string or
/// `Uint8Array`): `{fixed: Uint8Array, applied: [{fix, ruleId, count, detail}]}`.
/// `options`: `{now?: unix seconds, only?: [fix ids]}`.
#[wasm_bindgen(js_name = fixMessage)]
pub fn fix_message_js(input: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let options = if options.is_undefined() || options.is_null() {
        crate::fixes::FixOptions::default()
    } else {
        if let Some(invalid) = non_finite_number(&options) {
            return Err(lint_error(&LintError::InvalidOptions(invalid), Locale::En));
        }
        let json = js_sys::JSON::stringify(&options).ok().and_then(|s| s.as_string()).filter(|_| options.is_object());
        let json = json.ok_or_else(|| error("invalid-options", "fixMessage(input, options): options must be an object"))?;
        crate::fixes::FixOptions::from_json(&json).map_err(|e| lint_error(&e, Locale::En))?
    };
    let bytes = if let Some(text) = input.dyn_ref::<js_sys::JsString>() {
        // A UTF-16 length over the limit means at least that many UTF-8 bytes.
        if text.length() as usize > MAX_INPUT_BYTES {
            return Err(too_large(text.length() as usize, Locale::En));
        }
        String::from(text).into_bytes()
    } else if let Some(array) = input.dyn_ref::<Uint8Array>() {
        if array.length() as usize > MAX_INPUT_BYTES {
            return Err(too_large(array.length() as usize, Locale::En));
        }
        array.to_vec()
    } else {
        return Err(error("invalid-input", "fixMessage(input): input must be a string or a Uint8Array"));
    };
    let fixed = crate::fixes::fix_owned(bytes, &options).map_err(|e| lint_error(&e, Locale::En))?;
    let out = js_sys::Object::new();
    let _ = Reflect::set(&out, &JsValue::from_str("fixed"), &Uint8Array::from(fixed.bytes.as_slice()));
    let _ = Reflect::set(&out, &JsValue::from_str("applied"), &to_js(&fixed.applied)?);
    Ok(out.into())
}
