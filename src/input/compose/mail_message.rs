//! The header fields Nodemailer's `sendMail` adds to the message MailComposer
//! built, before it is streamed (nodemailer `lib/mailer/index.js`: after
//! `compile()`, `setMailerHeader`, `setPriorityHeaders`, `setListHeaders` of
//! `lib/mailer/mail-message.js`): `X-Mailer`, the three priority fields, and one
//! `List-*` field per `list` entry, written as given (`prepared`) and folded.

use super::headers::{Fields, Value};
use super::{field, Compose};
use crate::input::words::{encode_word_within, is_js_space, is_plain_text};
use serde::de::{Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize};
use std::fmt;

/// Most `List-*` fields one `list` option makes (ours: RFC 2369 and RFC 2919
/// define seven List-* fields, RFC 8058 an eighth; a list sends one of each, a
/// hundred is far beyond any list and bounds the fields a script can add).
pub const MAX_LIST_FIELDS: usize = 100;
/// Most URLs in one `List-*` field (ours: RFC 2369 §2 allows a list of
/// alternatives, in practice one to three; the bound keeps one field's work small).
pub const MAX_LIST_URLS: usize = 100;

/// One URL of a `list` entry: a text, or `{ url, comment }`; `true`/`false`
/// and an object without `url` give nothing, as in Nodemailer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged, expecting = "a URL, { url, comment } or a list of them")]
pub enum ListUrl {
    Url(String),
    Flag(bool),
    Commented {
        #[serde(default)]
        url: Option<String>,
        #[serde(default)]
        comment: Option<String>,
    },
}

/// One `List-*` field: a URL, or several written in one field, comma-separated.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged, expecting = "a URL, { url, comment } or a list of them")]
pub enum ListField {
    One(ListUrl),
    Many(Vec<Option<ListUrl>>),
}

/// The value of one `list` key: one field, or a list of fields.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged, expecting = "a URL, { url, comment } or a list of them")]
pub enum ListValue {
    One(ListUrl),
    Many(Vec<Option<ListField>>),
}

/// Nodemailer's `list` option, keys in the order given (`unsubscribe`, `id`,
/// `help`…, each making a `List-<Key>` field).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct List(pub Vec<(String, Option<ListValue>)>);

impl<'de> Deserialize<'de> for List {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<List, D::Error> {
        struct ListVisitor;
        impl<'de> Visitor<'de> for ListVisitor {
            type Value = List;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an object of List-* fields ({ unsubscribe, id, help… })")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<List, A::Error> {
                let mut entries = Vec::new();
                while let Some(key) = map.next_key::<String>()? {
                    let value = field::<_, Option<ListValue>>(&mut map, &key)?;
                    entries.push((key, value));
                }
                Ok(List(entries))
            }
        }
        deserializer.deserialize_map(ListVisitor)
    }
}

impl List {
    /// MailMessage `_getListHeaders`: `(name, value)` of each field, in order,
    /// the value as written (`prepared`); an empty value is no field.
    pub fn fields(&self) -> Vec<(String, String)> {
        let mut fields = Vec::new();
        for (key, value) in &self.0 {
            let key = key.to_lowercase();
            let key = key.trim_matches(is_js_space);
            let entries: Vec<Vec<&ListUrl>> = match value {
                None => Vec::new(),
                Some(ListValue::One(url)) => vec![vec![url]],
                Some(ListValue::Many(list)) => list
                    .iter()
                    .map(|entry| match entry {
                        None => Vec::new(),
                        Some(ListField::One(url)) => vec![url],
                        Some(ListField::Many(urls)) => urls.iter().flatten().collect(),
                    })
                    .collect(),
            };
            for urls in entries {
                let written: Vec<String> =
                    urls.into_iter().map(|url| list_url(url, key == "id")).filter(|v| !v.is_empty()).collect();
                fields.push((format!("list-{key}"), written.join(", ")));
            }
        }
        fields
    }

    /// How many fields and URLs the option holds, for the bounds.
    pub fn counts(&self) -> (usize, usize) {
        let mut fields = 0;
        let mut most_urls = 0;
        for (_, value) in &self.0 {
            match value {
                None => {}
                Some(ListValue::One(_)) => fields += 1,
                Some(ListValue::Many(list)) => {
                    fields += list.len();
                    for entry in list.iter().flatten() {
                        if let ListField::Many(urls) = entry {
                            most_urls = most_urls.max(urls.len());
                        }
                    }
                }
            }
        }
        (fields, most_urls)
    }

    /// Bytes of the keys, URLs and comments, for the input size.
    pub fn size(&self) -> usize {
        let url_size = |url: &ListUrl| match url {
            ListUrl::Url(u) => u.len(),
            ListUrl::Flag(_) => 0,
            ListUrl::Commented { url, comment } => url.as_ref().map_or(0, String::len) + comment.as_ref().map_or(0, String::len),
        };
        self.0
            .iter()
            .map(|(key, value)| {
                key.len()
                    + match value {
                        None => 0,
                        Some(ListValue::One(url)) => url_size(url),
                        Some(ListValue::Many(list)) => list
                            .iter()
                            .flatten()
                            .map(|entry| match entry {
                                ListField::One(url) => url_size(url),
                                ListField::Many(urls) => urls.iter().flatten().map(url_size).sum(),
                            })
                            .sum(),
                    }
            })
            .sum()
    }
}

/// One URL as MailMessage writes it: `<url> (comment)`, or for `List-ID`
/// `"comment" <id>`; a comment outside plain text as one Q encoded word.
fn list_url(url: &ListUrl, id: bool) -> String {
    let (url, comment) = match url {
        ListUrl::Url(url) => (url.as_str(), ""),
        ListUrl::Flag(_) => return String::new(),
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

/// Nodemailer's `xMailer`: a text for `X-Mailer`, or `false` (no field, the default).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged, expecting = "a text or false")]
pub enum XMailer {
    Text(String),
    Flag(bool),
}

/// `setMailerHeader`, `setPriorityHeaders` and `setListHeaders`, on the root's fields.
pub fn add_fields(compose: &Compose, fields: &mut Fields) {
    match &compose.x_mailer {
        Some(XMailer::Text(text)) if !text.is_empty() => fields.set("X-Mailer", Value::Text(text.clone())),
        Some(XMailer::Flag(true)) => fields.set("X-Mailer", Value::Text("true".into())),
        _ => {}
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
