//! Values Nodemailer turns into text as JavaScript does, and the custom
//! headers that hold them. mime-node writes a header value with
//! `(value || '').toString()` (`_encodeHeaderValue`), MailComposer sets a field
//! only for a value JavaScript finds true (`if (this.mail[key])`), MailMessage
//! reads `priority` the same way: so `subject: 123` is `Subject: 123`,
//! `subject: 1e21` is `Subject: 1e+21`, `subject: true` is `Subject: true`, and
//! `0`, `false`, `NaN`, `null` and `""` are no value at all.
//!
//! A list or an object in a field of one text is none of these: mime-node
//! writes no field for it (its `value` property, absent, is empty), so the
//! script's value would vanish without a word; it is refused, naming the field.

use super::prefixed;
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};
use std::fmt;

/// JavaScript's `String(number)` (ECMA-262 Number::toString): the shortest
/// digits that read back as the number, in plain notation from 1e-6 to
/// below 1e21, else as `d.ddde±n`.
pub fn number_text(number: f64) -> String {
    if number.is_nan() {
        return "NaN".into();
    }
    if number.is_infinite() {
        return if number > 0.0 { "Infinity".into() } else { "-Infinity".into() };
    }
    if number == 0.0 {
        // -0 too: String(-0) is "0".
        return "0".into();
    }
    let sign = if number < 0.0 { "-" } else { "" };
    // Rust's `{:e}` writes the shortest round-trip digits, as ECMA-262 asks.
    let scientific = format!("{:e}", number.abs());
    let (mantissa, exponent) = scientific.split_once('e').unwrap_or((&scientific, "0"));
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let k = digits.len() as i64;
    // The decimal point sits after `n` digits: value = 0.digits × 10^n.
    let n = exponent.parse::<i64>().unwrap_or(0) + 1;
    let text = if k <= n && n <= 21 {
        format!("{digits}{}", "0".repeat((n - k) as usize))
    } else if 0 < n && n <= 21 {
        format!("{}.{}", &digits[..n as usize], &digits[n as usize..])
    } else if -6 < n && n <= 0 {
        format!("0.{}{digits}", "0".repeat((-n) as usize))
    } else {
        let e = n - 1;
        let mantissa = if k == 1 { digits.clone() } else { format!("{}.{}", &digits[..1], &digits[1..]) };
        format!("{mantissa}e{}{}", if e < 0 { '-' } else { '+' }, e.abs())
    };
    format!("{sign}{text}")
}

/// A value mime-node writes as text: a string as it is, a number or `true` as
/// JavaScript writes it, and a value JavaScript finds false (`0`, `NaN`,
/// `false`, `null`) as no text (""), which writes no field.
pub struct JsText(pub String);

impl<'de> Deserialize<'de> for JsText {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<JsText, D::Error> {
        // Numbers and true are taken too, but a text is what to give.
        deserializer.deserialize_any(JsTextVisitor("a string"))
    }
}

/// What a field of one text takes (`subject`, `messageId`, `inReplyTo`):
/// mime-node writes no field at all for a list or an object in it.
pub const FIELD_TEXT: &str = "a text (Nodemailer writes no field for a list or an object)";

/// `JsText` in a field of its own (`FIELD_TEXT`).
pub struct FieldText(pub String);

impl<'de> Deserialize<'de> for FieldText {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<FieldText, D::Error> {
        deserializer.deserialize_any(JsTextVisitor(FIELD_TEXT)).map(|text| FieldText(text.0))
    }
}

/// `xMailer`: a text, or `false` for no field (`true` is written "true").
pub struct MailerText(pub String);

impl<'de> Deserialize<'de> for MailerText {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<MailerText, D::Error> {
        deserializer.deserialize_any(JsTextVisitor("a text or false")).map(|text| MailerText(text.0))
    }
}

/// Reads a `JsText`; `.0` is what the field takes, said when it is refused.
struct JsTextVisitor(&'static str);

impl<'de> Visitor<'de> for JsTextVisitor {
    type Value = JsText;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(self.0)
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<JsText, E> {
        Ok(JsText(v.to_string()))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<JsText, E> {
        Ok(JsText(v))
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<JsText, E> {
        Ok(JsText(if v { "true".into() } else { String::new() }))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<JsText, E> {
        self.visit_f64(v as f64)
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<JsText, E> {
        self.visit_f64(v as f64)
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<JsText, E> {
        Ok(JsText(if v == 0.0 || v.is_nan() { String::new() } else { number_text(v) }))
    }
    fn visit_unit<E: de::Error>(self) -> Result<JsText, E> {
        Ok(JsText(String::new()))
    }
    fn visit_none<E: de::Error>(self) -> Result<JsText, E> {
        Ok(JsText(String::new()))
    }
    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<JsText, D::Error> {
        deserializer.deserialize_any(self)
    }
}

/// Whether a value is true to JavaScript (`if (mail.dkim)`), its content skipped.
pub struct Truthy(pub bool);

impl<'de> Deserialize<'de> for Truthy {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Truthy, D::Error> {
        struct TruthyVisitor;
        impl<'de> Visitor<'de> for TruthyVisitor {
            type Value = Truthy;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("any value")
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<Truthy, E> {
                Ok(Truthy(v))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Truthy, E> {
                Ok(Truthy(v != 0))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Truthy, E> {
                Ok(Truthy(v != 0))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Truthy, E> {
                Ok(Truthy(v != 0.0 && !v.is_nan()))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Truthy, E> {
                Ok(Truthy(!v.is_empty()))
            }
            fn visit_bytes<E: de::Error>(self, _: &[u8]) -> Result<Truthy, E> {
                Ok(Truthy(true))
            }
            fn visit_none<E: de::Error>(self) -> Result<Truthy, E> {
                Ok(Truthy(false))
            }
            fn visit_unit<E: de::Error>(self) -> Result<Truthy, E> {
                Ok(Truthy(false))
            }
            fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Truthy, D::Error> {
                Truthy::deserialize(deserializer)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Truthy, A::Error> {
                while seq.next_element::<de::IgnoredAny>()?.is_some() {}
                Ok(Truthy(true))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Truthy, A::Error> {
                while map.next_entry::<de::IgnoredAny, de::IgnoredAny>()?.is_some() {}
                Ok(Truthy(true))
            }
        }
        deserializer.deserialize_any(TruthyVisitor)
    }
}

/// Text or a list of texts (Nodemailer's `references`), each a `JsText`:
/// mime-node writes `(item || '').toString()` of each, `<>` for an empty one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum TextOrList {
    One(String),
    Many(Vec<String>),
}

impl<'de> Deserialize<'de> for TextOrList {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<TextOrList, D::Error> {
        struct ReferencesVisitor;
        impl<'de> Visitor<'de> for ReferencesVisitor {
            type Value = TextOrList;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a text or a list of texts")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<TextOrList, E> {
                Ok(TextOrList::One(v.to_string()))
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<TextOrList, E> {
                Ok(TextOrList::One(JsTextVisitor("a string").visit_bool::<E>(v)?.0))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<TextOrList, E> {
                self.visit_f64(v as f64)
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<TextOrList, E> {
                self.visit_f64(v as f64)
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<TextOrList, E> {
                Ok(TextOrList::One(JsTextVisitor("a string").visit_f64::<E>(v)?.0))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<TextOrList, A::Error> {
                let mut items = Vec::new();
                loop {
                    let index = items.len();
                    match seq.next_element::<JsText>() {
                        Ok(Some(item)) => items.push(item.0),
                        Ok(None) => return Ok(TextOrList::Many(items)),
                        Err(e) => return Err(prefixed(&format!("[{index}]"), e)),
                    }
                }
            }
        }
        deserializer.deserialize_any(ReferencesVisitor)
    }
}

/// One field's value as mime-node `addHeader` keeps it: a text (`JsText`),
/// or the object form `{ value, prepared, foldLines }`, whose `prepared`
/// value is written as given (folded when `foldLines`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum HeaderValue {
    Text(String),
    Prepared { value: String, fold_lines: bool },
}

impl HeaderValue {
    /// The value as the script wrote it.
    pub fn text(&self) -> &str {
        match self {
            HeaderValue::Text(value) | HeaderValue::Prepared { value, .. } => value,
        }
    }
}

/// The values of one custom header, one field each, in order. mime-node
/// `addHeader` takes a list of values as one field each and goes into a list
/// inside the list the same way, so lists at any depth are flattened; a value
/// JavaScript finds false keeps its place as an empty field, which mime-node
/// does not write (a `setHeader` of the same name later replaces it in place).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct HeaderValues(pub Vec<HeaderValue>);

impl HeaderValues {
    pub fn one(value: &str) -> HeaderValues {
        HeaderValues(vec![HeaderValue::Text(value.to_string())])
    }
}

/// Most levels of lists read in one header's values (ours: mime-node
/// `addHeader` goes into lists at any depth, but no script nests a header's
/// values more than twice; the bound keeps the reading's recursion small).
pub const MAX_HEADER_LIST_DEPTH: usize = 8;

impl<'de> Deserialize<'de> for HeaderValues {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<HeaderValues, D::Error> {
        deserializer.deserialize_any(ValuesVisitor { lists: MAX_HEADER_LIST_DEPTH })
    }
}

/// Reads `HeaderValues`, `lists` levels of lists still allowed.
struct ValuesVisitor {
    lists: usize,
}

impl<'de> DeserializeSeed<'de> for ValuesVisitor {
    type Value = HeaderValues;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<HeaderValues, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for ValuesVisitor {
    type Value = HeaderValues;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a header value: a text, a number, a list of texts or { value, prepared }")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<HeaderValues, E> {
        Ok(HeaderValues::one(v))
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<HeaderValues, E> {
        Ok(HeaderValues(vec![HeaderValue::Text(JsTextVisitor("a string").visit_bool::<E>(v)?.0)]))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<HeaderValues, E> {
        self.visit_f64(v as f64)
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<HeaderValues, E> {
        self.visit_f64(v as f64)
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<HeaderValues, E> {
        Ok(HeaderValues(vec![HeaderValue::Text(JsTextVisitor("a string").visit_f64::<E>(v)?.0)]))
    }
    fn visit_unit<E: de::Error>(self) -> Result<HeaderValues, E> {
        Ok(HeaderValues::one(""))
    }
    fn visit_none<E: de::Error>(self) -> Result<HeaderValues, E> {
        Ok(HeaderValues::one(""))
    }
    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<HeaderValues, D::Error> {
        deserializer.deserialize_any(self)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<HeaderValues, A::Error> {
        if self.lists == 0 {
            return Err(de::Error::invalid_type(de::Unexpected::Seq, &self));
        }
        let mut values = Vec::new();
        for index in 0.. {
            match seq.next_element_seed(ValuesVisitor { lists: self.lists - 1 }) {
                Ok(Some(inner)) => values.extend(inner.0),
                Ok(None) => break,
                Err(e) => return Err(prefixed(&format!("[{index}]"), e)),
            }
        }
        Ok(HeaderValues(values))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<HeaderValues, A::Error> {
        let (mut value, mut prepared, mut fold_lines) = (String::new(), false, false);
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "value" => value = map.next_value::<JsText>().map_err(|e| prefixed("value", e))?.0,
                "prepared" => prepared = map.next_value::<Truthy>()?.0,
                "foldLines" => fold_lines = map.next_value::<Truthy>()?.0,
                // mime-node keeps the other keys as options it does not read.
                _ => {
                    map.next_value::<de::IgnoredAny>()?;
                }
            }
        }
        Ok(HeaderValues(vec![if prepared { HeaderValue::Prepared { value, fold_lines } } else { HeaderValue::Text(value) }]))
    }
}

/// A member of a `headers` object: its values, whether JavaScript finds it
/// true, and its text as a field name when it is a text, a number or `true`
/// (what mime-node `_normalizeHeaderKey` makes of `key.key`; a list or an
/// object names no field here).
struct Member {
    values: HeaderValues,
    truthy: bool,
    name: Option<String>,
}

impl<'de> Deserialize<'de> for Member {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Member, D::Error> {
        deserializer.deserialize_any(MemberVisitor)
    }
}

/// Reads a `Member` through `ValuesVisitor`, noting the kind of value read.
struct MemberVisitor;

impl MemberVisitor {
    fn scalar(values: HeaderValues) -> Member {
        let text = values.0.first().map(HeaderValue::text).unwrap_or_default().to_string();
        Member { values, truthy: !text.is_empty(), name: Some(text).filter(|t| !t.is_empty()) }
    }
}

impl<'de> Visitor<'de> for MemberVisitor {
    type Value = Member;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        ValuesVisitor { lists: MAX_HEADER_LIST_DEPTH }.expecting(f)
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Member, E> {
        Ok(Self::scalar(HeaderValues::one(v)))
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Member, E> {
        ValuesVisitor { lists: MAX_HEADER_LIST_DEPTH }.visit_bool(v).map(Self::scalar)
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Member, E> {
        self.visit_f64(v as f64)
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Member, E> {
        self.visit_f64(v as f64)
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Member, E> {
        ValuesVisitor { lists: MAX_HEADER_LIST_DEPTH }.visit_f64(v).map(Self::scalar)
    }
    fn visit_unit<E: de::Error>(self) -> Result<Member, E> {
        Ok(Self::scalar(HeaderValues::one("")))
    }
    fn visit_none<E: de::Error>(self) -> Result<Member, E> {
        self.visit_unit()
    }
    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Member, D::Error> {
        deserializer.deserialize_any(self)
    }
    // A list or an object is true to JavaScript, even empty.
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Member, A::Error> {
        let values = ValuesVisitor { lists: MAX_HEADER_LIST_DEPTH }.visit_seq(seq)?;
        Ok(Member { values, truthy: true, name: None })
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Member, A::Error> {
        let values = ValuesVisitor { lists: MAX_HEADER_LIST_DEPTH }.visit_map(map)?;
        Ok(Member { values, truthy: true, name: None })
    }
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
struct KeyValue {
    key: String,
    value: HeaderValues,
}

/// Custom headers, in the order given: `{ "X-Name": "value" }`, `[{ key, value }]`,
/// or one `{ key, value }`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Headers(pub Vec<(String, HeaderValues)>);

impl<'de> Deserialize<'de> for Headers {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Headers, D::Error> {
        struct HeadersVisitor;
        impl<'de> Visitor<'de> for HeadersVisitor {
            type Value = Headers;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an object of header values or a list of { key, value }")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Headers, A::Error> {
                // A JavaScript object's keys in their order (a BTreeMap would sort them).
                let mut pairs = Vec::new();
                // The members named `key` and `value`, for the `{ key, value }` form.
                let (mut one_key, mut one_value) = (None, None);
                while let Some(key) = map.next_key::<String>()? {
                    // A refused value is named by its field (`headers.X-Campaign`)
                    // when the name reads as one: letters, digits, `-` and `_`.
                    let named = !key.is_empty()
                        && key.len() <= 76
                        && key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
                    let value = map.next_value::<Member>().map_err(|e| if named { prefixed(&key, e) } else { e })?;
                    match key.as_str() {
                        "key" => one_key = Some(value.name.clone()),
                        "value" => one_value = Some((value.values.clone(), value.truthy)),
                        _ => {}
                    }
                    pairs.push((key, value.values));
                }
                // mime-node `addHeader`: an object whose `key` and `value` are both true
                // to JavaScript (`if (key.key && key.value)`) is one field, its other
                // members not read; any other object is one field per member.
                if let (Some(Some(name)), Some((values, true))) = (one_key, one_value) {
                    return Ok(Headers(vec![(name, values)]));
                }
                Ok(Headers(pairs))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Headers, A::Error> {
                let mut pairs = Vec::new();
                while let Some(KeyValue { key, value }) = seq.next_element::<KeyValue>()? {
                    pairs.push((key, value));
                }
                Ok(Headers(pairs))
            }
        }
        deserializer.deserialize_any(HeadersVisitor)
    }
}

impl Headers {
    /// `(name, value, written as given)` of every field, lists expanded, as the
    /// script wrote them. mime-node writes a `prepared` value as given, line breaks
    /// included; it flattens every other one (`headers::flatten`).
    pub fn pairs(&self) -> impl Iterator<Item = (&str, &str, bool)> + '_ {
        self.0.iter().flat_map(|(name, values)| {
            values.0.iter().map(move |value| (name.as_str(), value.text(), matches!(value, HeaderValue::Prepared { .. })))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_written_as_javascript_writes_them() {
        for (number, text) in [
            (123.0, "123"),
            (-5.0, "-5"),
            (1.5, "1.5"),
            (0.1, "0.1"),
            (-0.0, "0"),
            (1e21, "1e+21"),
            (1.5e21, "1.5e+21"),
            (123456789012345680000.0, "123456789012345680000"),
            (0.000001, "0.000001"),
            (1e-7, "1e-7"),
            (1.25e-7, "1.25e-7"),
            (2f64.powi(53), "9007199254740992"),
            (f64::INFINITY, "Infinity"),
            (f64::NEG_INFINITY, "-Infinity"),
            (f64::NAN, "NaN"),
            (f64::MAX, "1.7976931348623157e+308"),
            (5e-324, "5e-324"),
        ] {
            assert_eq!(number_text(number), text, "{number:e}");
        }
    }

    #[test]
    fn a_value_javascript_finds_false_is_no_text() {
        let text = |json: &str| serde_json::from_str::<JsText>(json).unwrap().0;
        assert_eq!(text("123"), "123");
        assert_eq!(text("true"), "true");
        for falsy in ["0", "-0", "false", "null", "\"\""] {
            assert_eq!(text(falsy), "", "{falsy}");
        }
        assert!(serde_json::from_str::<JsText>("[1]").is_err());
        assert!(serde_json::from_str::<JsText>("{\"a\": 1}").is_err());
    }

    #[test]
    fn header_lists_mix_texts_numbers_and_objects_and_flatten_as_add_header_does() {
        let values = serde_json::from_str::<HeaderValues>(
            r#"["a", {"value": "b", "prepared": true, "foldLines": 1}, 5, 0, true, ["c", ["d"]], {"foo": 1}, null]"#,
        )
        .unwrap();
        let texts: Vec<&str> = values.0.iter().map(HeaderValue::text).collect();
        assert_eq!(texts, ["a", "b", "5", "", "true", "c", "d", "", ""]);
        assert_eq!(values.0[1], HeaderValue::Prepared { value: "b".into(), fold_lines: true });
        let error = serde_json::from_str::<HeaderValues>(r#"["a", ["b"], {"value": [1]}]"#).unwrap_err().to_string();
        assert!(error.starts_with("[2]: value: invalid type: sequence, expected a string"), "{error}");
        let deep = |levels: usize| serde_json::from_str::<HeaderValues>(&format!("{}\"a\"{}", "[".repeat(levels), "]".repeat(levels)));
        assert_eq!(deep(MAX_HEADER_LIST_DEPTH).unwrap(), HeaderValues::one("a"));
        let error = deep(MAX_HEADER_LIST_DEPTH + 1).unwrap_err().to_string();
        assert!(error.starts_with(&format!("{}: invalid type: sequence", "[0]".repeat(MAX_HEADER_LIST_DEPTH))), "{error}");
    }
}
