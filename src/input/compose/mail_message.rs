//! The header fields Nodemailer's `sendMail` adds to the message MailComposer
//! built, before it is streamed (nodemailer `lib/mailer/index.js`: after
//! `compile()`, `setMailerHeader`, `setPriorityHeaders`, `setListHeaders` of
//! `lib/mailer/mail-message.js`): `X-Mailer`, the three priority fields, and one
//! `List-*` field per `list` entry, written as given (`prepared`) and folded.

use super::headers::{Fields, Value};
use super::{field, prefixed, Compose};
use crate::input::words::{encode_word_within, is_js_space, is_plain_text};
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};
use std::fmt;

/// Most `List-*` fields one `list` option makes (ours: RFC 2369 and RFC 2919
/// define seven List-* fields, RFC 8058 an eighth; a list sends one of each, a
/// hundred is far beyond any list and bounds the fields a script can add).
pub const MAX_LIST_FIELDS: usize = 100;
/// Most URLs in one `List-*` field (ours: RFC 2369 §2 allows a list of
/// alternatives, in practice one to three; the bound keeps one field's work small).
pub const MAX_LIST_URLS: usize = 100;

/// One URL of a `list` entry: a text, or `{ url, comment }`. A value that is
/// neither (`true`, `false`, a number, `null`) or an object without `url`
/// gives no URL, as in Nodemailer (`typeof value === 'string'`, then
/// `value && value.url`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum ListUrl {
    Url(String),
    Commented { url: Option<String>, comment: Option<String> },
    None,
}

/// One `List-*` field: a URL, or several written in one field, comma-separated.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum ListField {
    One(ListUrl),
    Many(Vec<ListUrl>),
}

/// The value of one `list` key: one field, or a list of fields.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum ListValue {
    One(ListUrl),
    Many(Vec<ListField>),
}

/// What a URL of `list` takes (`ListUrl`). MailMessage reads two levels of
/// lists (`[].concat(list[key])`, then `[].concat(value)`): a list at the
/// third makes no URL, so its URLs would be left out without a word.
const LIST_URL: &str = "a URL or { url, comment } (Nodemailer leaves out the URLs of a list nested deeper)";

/// Reads a `ListUrl`, or (`depth` lists still allowed) a list of them.
struct ListVisitor {
    depth: u8,
}

/// What `ListVisitor` read: a URL, or a list of what the next level reads.
enum Read {
    Url(ListUrl),
    Fields(Vec<ListField>),
    Urls(Vec<ListUrl>),
}

impl<'de> DeserializeSeed<'de> for ListVisitor {
    type Value = Read;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Read, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for ListVisitor {
    type Value = Read;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(if self.depth == 0 { LIST_URL } else { "a URL, { url, comment } or a list of them" })
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Read, E> {
        Ok(Read::Url(ListUrl::Url(v.to_string())))
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Read, E> {
        Ok(Read::Url(ListUrl::None))
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Read, E> {
        Ok(Read::Url(ListUrl::None))
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Read, E> {
        Ok(Read::Url(ListUrl::None))
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Read, E> {
        Ok(Read::Url(ListUrl::None))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Read, E> {
        Ok(Read::Url(ListUrl::None))
    }
    fn visit_none<E: de::Error>(self) -> Result<Read, E> {
        Ok(Read::Url(ListUrl::None))
    }
    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Read, D::Error> {
        deserializer.deserialize_any(self)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Read, A::Error> {
        if self.depth == 0 {
            return Err(de::Error::invalid_type(de::Unexpected::Seq, &self));
        }
        let (mut fields, mut urls) = (Vec::new(), Vec::new());
        loop {
            let index = fields.len() + urls.len();
            let item = match seq.next_element_seed(ListVisitor { depth: self.depth - 1 }) {
                Ok(Some(item)) => item,
                Ok(None) => break,
                Err(e) => return Err(prefixed(&format!("[{index}]"), e)),
            };
            match (self.depth, item) {
                (2, Read::Url(url)) => fields.push(ListField::One(url)),
                (2, Read::Urls(list)) => fields.push(ListField::Many(list)),
                (_, Read::Url(url)) => urls.push(url),
                // The next level reads no list at depth 1, and lists only at depth 2.
                (_, Read::Fields(_) | Read::Urls(_)) => {}
            }
        }
        Ok(if self.depth == 2 { Read::Fields(fields) } else { Read::Urls(urls) })
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Read, A::Error> {
        let (mut url, mut comment) = (None, None);
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "url" => url = field::<_, Option<ListText>>(&mut map, &key)?.and_then(|t| t.0),
                "comment" => comment = field::<_, Option<ListText>>(&mut map, &key)?.and_then(|t| t.0),
                _ => {
                    map.next_value::<de::IgnoredAny>()?;
                }
            }
        }
        Ok(Read::Url(ListUrl::Commented { url, comment }))
    }
}

/// A `url` or `comment` of `list`: a text, or a value JavaScript finds false
/// (none). Anything else MailMessage cannot write: `url.replace` throws on a
/// number, and a number as comment becomes an empty encoded word
/// (`=?UTF-8?Q??=`), the number lost.
struct ListText(Option<String>);

impl<'de> Deserialize<'de> for ListText {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<ListText, D::Error> {
        struct TextVisitor;
        impl<'de> Visitor<'de> for TextVisitor {
            type Value = ListText;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<ListText, E> {
                Ok(ListText(Some(v.to_string()).filter(|v| !v.is_empty())))
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<ListText, E> {
                if v { Err(de::Error::invalid_type(de::Unexpected::Bool(v), &self)) } else { Ok(ListText(None)) }
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<ListText, E> {
                self.visit_f64(v as f64)
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<ListText, E> {
                self.visit_f64(v as f64)
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<ListText, E> {
                if v == 0.0 || v.is_nan() { Ok(ListText(None)) } else { Err(de::Error::invalid_type(de::Unexpected::Float(v), &self)) }
            }
            fn visit_unit<E: de::Error>(self) -> Result<ListText, E> {
                Ok(ListText(None))
            }
        }
        deserializer.deserialize_any(TextVisitor)
    }
}

/// Nodemailer's `list` option, keys in the order given (`unsubscribe`, `id`,
/// `help`…, each making a `List-<Key>` field).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct List(pub Vec<(String, ListValue)>);

impl<'de> Deserialize<'de> for List {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<List, D::Error> {
        struct EntriesVisitor;
        impl<'de> Visitor<'de> for EntriesVisitor {
            type Value = List;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an object of List-* fields ({ unsubscribe, id, help… })")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<List, A::Error> {
                let mut entries = Vec::new();
                while let Some(key) = map.next_key::<String>()? {
                    let value = map.next_value_seed(ListVisitor { depth: 2 }).map_err(|e| prefixed(&key, e))?;
                    let value = match value {
                        Read::Url(url) => ListValue::One(url),
                        Read::Fields(fields) => ListValue::Many(fields),
                        Read::Urls(_) => ListValue::Many(Vec::new()),
                    };
                    entries.push((key, value));
                }
                Ok(List(entries))
            }
        }
        deserializer.deserialize_map(EntriesVisitor)
    }
}

impl List {
    /// The fields of each key, each a list of URLs, in order.
    fn entries(&self) -> impl Iterator<Item = (&str, Vec<&[ListUrl]>)> {
        self.0.iter().map(|(key, value)| {
            let fields: Vec<&[ListUrl]> = match value {
                ListValue::One(url) => vec![std::slice::from_ref(url)],
                ListValue::Many(list) => list
                    .iter()
                    .map(|field| match field {
                        ListField::One(url) => std::slice::from_ref(url),
                        ListField::Many(urls) => urls.as_slice(),
                    })
                    .collect(),
            };
            (key.as_str(), fields)
        })
    }

    /// MailMessage `_getListHeaders`: `(name, value)` of each field, in order,
    /// the value as written (`prepared`); an empty value is no field.
    pub fn fields(&self) -> Vec<(String, String)> {
        let mut fields = Vec::new();
        for (key, urls_of_fields) in self.entries() {
            let key = field_key(key);
            for urls in urls_of_fields {
                fields.push((format!("list-{key}"), written(urls, key == "id")));
            }
        }
        fields
    }

    /// The first count beyond its bound, with the path of what holds it: a
    /// key of more than `MAX_LIST_FIELDS` fields (`list.unsubscribe`), a field
    /// of more than `MAX_LIST_URLS` URLs (`list.unsubscribe[0]`), or more than
    /// `MAX_LIST_FIELDS` fields in all (`list`).
    pub fn beyond_bounds(&self) -> Option<(String, usize, usize)> {
        let mut total = 0;
        for (key, fields) in self.entries() {
            let path = format!("list.{}", crate::error::quoted(key));
            if fields.len() > MAX_LIST_FIELDS {
                return Some((path, fields.len(), MAX_LIST_FIELDS));
            }
            if let Some((index, urls)) = fields.iter().enumerate().find(|(_, urls)| urls.len() > MAX_LIST_URLS) {
                return Some((format!("{path}[{index}]"), urls.len(), MAX_LIST_URLS));
            }
            total += fields.len();
        }
        (total > MAX_LIST_FIELDS).then(|| ("list".to_string(), total, MAX_LIST_FIELDS))
    }

    /// Bytes of the keys, URLs and comments, for the input size.
    pub fn size(&self) -> usize {
        let url_size = |url: &ListUrl| match url {
            ListUrl::Url(u) => u.len(),
            ListUrl::None => 0,
            ListUrl::Commented { url, comment } => url.as_ref().map_or(0, String::len) + comment.as_ref().map_or(0, String::len),
        };
        self.entries().map(|(key, fields)| key.len() + fields.iter().flat_map(|urls| urls.iter()).map(url_size).sum::<usize>()).sum()
    }

    /// The keys that ask for RFC 8058's List-Unsubscribe-Post field
    /// (`unsubscribePost`, `unsubscribe-post`…), as given, with the field
    /// MailMessage writes for each (none when its value is empty): named after
    /// the key, its value a URL in angle brackets (`<http://List-Unsubscribe=One-Click>`).
    pub fn unsubscribe_post(&self) -> Vec<(String, Option<String>)> {
        let mut found = Vec::new();
        for (key, urls_of_fields) in self.entries() {
            let name = field_key(key);
            if name.chars().filter(|c| !matches!(c, '-' | '_')).ne("unsubscribepost".chars()) {
                continue;
            }
            let value = urls_of_fields.into_iter().map(|urls| written(urls, false)).find(|v| !v.trim().is_empty());
            let field = value.map(|v| format!("{}: {v}", super::headers::normalize_name(&format!("list-{name}"))));
            found.push((key.to_string(), field));
        }
        found
    }
}

/// A `list` key as MailMessage names its field (`'list-' + key.toLowerCase().trim()`).
fn field_key(key: &str) -> String {
    key.to_lowercase().trim_matches(is_js_space).to_string()
}

/// The URLs of one field as MailMessage writes them, comma-separated.
fn written(urls: &[ListUrl], id: bool) -> String {
    urls.iter().map(|url| list_url(url, id)).filter(|v| !v.is_empty()).collect::<Vec<_>>().join(", ")
}

/// One URL as MailMessage writes it: `<url> (comment)`, or for `List-ID`
/// `"comment" <id>`; a comment outside plain text as one Q encoded word.
fn list_url(url: &ListUrl, id: bool) -> String {
    let (url, comment) = match url {
        ListUrl::Url(url) => (url.as_str(), ""),
        ListUrl::None => return String::new(),
        ListUrl::Commented { url, comment } => (url.as_deref().unwrap_or_default(), comment.as_deref().unwrap_or_default()),
    };
    if url.is_empty() {
        return String::new();
    }
    let plain = is_plain_text(comment, false);
    if id {
        let id = without_list_id_prefix(format_list_url(url));
        if comment.is_empty() {
            return id;
        }
        let comment = if plain { format!("\"{comment}\"") } else { encode_word_within(comment, 'Q', 0) };
        return format!("{comment} {id}");
    }
    let url = format_list_url(url);
    if comment.is_empty() {
        return url;
    }
    let comment = if plain { comment.to_string() } else { encode_word_within(comment, 'Q', 0) };
    format!("{url} ({comment})")
}

/// MailMessage `_formatListUrl`: white space and angle brackets removed, then
/// `<url>` for http(s), mailto and ftp, `<mailto:…>` for an address, else `<http://…>`.
fn format_list_url(url: &str) -> String {
    let url: String = url.chars().filter(|&c| !is_js_space(c) && c != '<' && c != '>').collect();
    if ["http:", "https:", "mailto:", "ftp:"].iter().any(|scheme| url.starts_with(scheme)) {
        return format!("<{url}>");
    }
    let at_signs = url.matches('@').count();
    if at_signs == 1 && !url.starts_with('@') && !url.ends_with('@') {
        return format!("<mailto:{url}>");
    }
    format!("<http://{url}>")
}

/// MailMessage's `.replace(/^<[^:]+\/{,2}/, '')` on a List-ID: in JavaScript
/// `{,2}` is no quantifier but the text `{,2}`, so only a value holding
/// `/{,2}` after colon-free text loses that start. Nodemailer writes
/// `<http://list.example.com>`, and so does the rendering.
fn without_list_id_prefix(formatted: String) -> String {
    let Some(rest) = formatted.strip_prefix('<') else { return formatted };
    let colon_free = rest.find(':').unwrap_or(rest.len());
    match rest[..colon_free.min(rest.len())].rfind("/{,2}").filter(|&at| at > 0) {
        Some(at) => rest[at + "/{,2}".len()..].to_string(),
        None => formatted,
    }
}

/// `setMailerHeader`, `setPriorityHeaders` and `setListHeaders`, on the root's fields.
pub fn add_fields(compose: &Compose, fields: &mut Fields) {
    if let Some(text) = compose.x_mailer.as_deref().filter(|t| !t.is_empty()) {
        fields.set("X-Mailer", Value::Text(text.into()));
    }
    for (name, value) in priority_fields(compose.priority.as_deref()) {
        fields.set(name, Value::Text((*value).into()));
    }
    for (name, value) in compose.list.iter().flat_map(List::fields) {
        fields.add(&name, Value::Prepared { value, fold: true });
    }
}

/// MailMessage `setPriorityHeaders`: `high` and `low` (any case) set three
/// fields; any other value (`normal`) sets none, "since all messages are
/// 'Normal' by default".
pub fn priority_fields(priority: Option<&str>) -> &'static [(&'static str, &'static str)] {
    match priority.map(str::to_lowercase).as_deref() {
        Some("high") => &[("X-Priority", "1 (Highest)"), ("X-MSMail-Priority", "High"), ("Importance", "High")],
        Some("low") => &[("X-Priority", "5 (Lowest)"), ("X-MSMail-Priority", "Low"), ("Importance", "Low")],
        _ => &[],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(json: &str) -> Vec<(String, String)> {
        serde_json::from_str::<List>(json).unwrap().fields()
    }

    #[test]
    fn list_urls_are_bracketed_by_kind() {
        assert_eq!(format_list_url("https://e.example/u"), "<https://e.example/u>");
        assert_eq!(format_list_url(" <u@e.example> "), "<mailto:u@e.example>");
        assert_eq!(format_list_url("e.example/help"), "<http://e.example/help>");
    }

    #[test]
    fn a_list_of_lists_makes_one_field_per_inner_list() {
        let fields = list(r#"{"unsubscribe": [["https://e.example/u", "u@e.example"], {"url": "x@e.example", "comment": "Zażółć"}], "post": false}"#);
        assert_eq!(fields, [
            ("list-unsubscribe".to_string(), "<https://e.example/u>, <mailto:u@e.example>".to_string()),
            ("list-unsubscribe".to_string(), "<mailto:x@e.example> (=?UTF-8?Q?Za=C5=BC=C3=B3=C5=82=C4=87?=)".to_string()),
            ("list-post".to_string(), String::new()),
        ]);
    }

    #[test]
    fn a_list_id_keeps_nodemailers_http_prefix_and_quotes_its_comment() {
        assert_eq!(list(r#"{"ID": {"url": "list.example.com", "comment": "My list"}}"#), [("list-id".to_string(), "\"My list\" <http://list.example.com>".to_string())]);
        assert_eq!(list(r#"{"id": "list.example.com"}"#)[0].1, "<http://list.example.com>");
    }

    #[test]
    fn a_comment_with_a_line_break_is_written_as_given() {
        assert_eq!(list(r#"{"owner": {"url": "o.example", "comment": "a\r\nBcc: x@evil.example"}}"#)[0].1, "<http://o.example> (a\r\nBcc: x@evil.example)");
    }

    #[test]
    fn priority_high_and_low_set_three_fields_and_normal_none() {
        assert_eq!(priority_fields(Some("HIGH"))[0], ("X-Priority", "1 (Highest)"));
        assert_eq!(priority_fields(Some("low"))[2], ("Importance", "Low"));
        assert!(priority_fields(Some("normal")).is_empty());
    }
}
