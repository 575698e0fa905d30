//! One MIME node's header fields as Nodemailer's MimeNode keeps and writes them:
//! names normalised (`content-id` → `Content-ID`), `setHeader` replacing in place,
//! values encoded by field (addresses, message ids, references, dates, RFC 2047
//! text), each field folded at 76 characters.

use super::{Address, Addresses, TextOrList};
use std::borrow::Cow;
use crate::input::address::{self, Parsed};
use crate::input::words::{encode_words, fold_lines, TextEncoding, HEADER_LINE};

/// A field's value before encoding.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Text(String),
    Addresses(Addresses),
    References(TextOrList),
    /// `{ prepared: true }`: written as given, folded only when asked.
    Prepared { value: String, fold: bool },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    pub name: String,
    pub value: Value,
}

/// The fields of one node, in order.
#[derive(Debug, Clone, Default)]
pub struct Fields(pub Vec<Field>);

/// mime-node `_normalizeHeaderKey`: line breaks to spaces, trimmed, lower-cased,
/// then `MIME`/`DKIM`/`ARC`/`BIMI` at the start, the first letter, each letter after
/// `-`, and a final `-SPF`/`-FBL`/`-ID`/`-MD5` upper-cased (`X-SMTPAPI` whole).
pub fn normalize_name(name: &str) -> String {
    let lower = name.replace("\r\n", " ").replace(['\r', '\n'], " ").trim().to_lowercase();
    if lower == "x-smtpapi" {
        return "X-SMTPAPI".to_string();
    }
    if lower == "content-features" {
        return "Content-features".to_string();
    }
    let mut out = String::with_capacity(lower.len());
    let mut rest = lower.as_str();
    for prefix in ["mime", "dkim", "arc", "bimi"] {
        if let Some(after) = rest.strip_prefix(prefix) {
            if !after.starts_with(|c: char| c.is_ascii_alphanumeric() || c == '_') {
                out.push_str(&prefix.to_uppercase());
                rest = after;
                break;
            }
        }
    }
    let mut chars = rest.chars().peekable();
    if out.is_empty() {
        if let Some(first) = chars.next() {
            out.push(first.to_ascii_uppercase());
        }
    }
    while let Some(c) = chars.next() {
        out.push(c);
        if c == '-' {
            let remaining: String = chars.clone().collect();
            if let Some(suffix) = ["spf", "fbl", "id", "md5"].iter().find(|s| remaining == **s) {
                out.push_str(&suffix.to_uppercase());
                return out;
            }
            if let Some(next) = chars.next_if(char::is_ascii_lowercase) {
                out.push(next.to_ascii_uppercase());
            }
        }
    }
    out
}

impl Fields {
    pub fn get(&self, name: &str) -> Option<&Value> {
        let name = normalize_name(name);
        self.0.iter().find(|f| f.name == name).map(|f| &f.value)
    }

    pub fn text(&self, name: &str) -> Option<String> {
        match self.get(name)? {
            Value::Text(t) => Some(t.clone()),
            Value::Prepared { value, .. } => Some(value.clone()),
            _ => None,
        }
    }

    /// mime-node `setHeader`: replaces the first field of that name in place and
    /// removes the others, or appends.
    pub fn set(&mut self, name: &str, value: Value) {
        let name = normalize_name(name);
        let mut replaced = false;
        self.0.retain_mut(|field| {
            if field.name != name {
                return true;
            }
            if replaced {
                return false;
            }
            field.value = value.clone();
            replaced = true;
            true
        });
        if !replaced {
            self.0.push(Field { name, value });
        }
    }

    /// mime-node `addHeader`: always appends.
    pub fn add(&mut self, name: &str, value: Value) {
        self.0.push(Field { name: normalize_name(name), value });
    }
}

/// Line breaks to spaces (mime-node `.replace(/\r?\n|\r/g, ' ')`); the value
/// itself when it has none, as most have (a profile of a 5 MB subject spent
/// 7 % of the lint copying it twice here).
pub fn flatten(value: &str) -> Cow<'_, str> {
    if memchr::memchr2(b'\r', b'\n', value.as_bytes()).is_none() {
        return Cow::Borrowed(value);
    }
    Cow::Owned(value.replace("\r\n", " ").replace(['\r', '\n'], " "))
}

/// `flatten` of a value the caller owns, without a copy when it has no line break.
pub fn flattened(value: String) -> String {
    match flatten(&value) {
        Cow::Borrowed(_) => value,
        Cow::Owned(flat) => flat,
    }
}

/// `<id>`: angle brackets added where missing.
fn bracketed(value: &str) -> String {
    let value = flatten(value);
    let mut out = String::with_capacity(value.len() + 2);
    if !value.starts_with('<') {
        out.push('<');
    }
    out.push_str(&value);
    if !value.ends_with('>') {
        out.push('>');
    }
    out
}

/// mime-node `_parseAddresses`: objects as given (address normalised), strings parsed.
fn parse_addresses(value: &Value) -> Vec<Parsed> {
    let list: Vec<Address> = match value {
        Value::Text(t) | Value::Prepared { value: t, .. } => vec![Address::Text(t.clone())],
        Value::Addresses(Addresses::One(a)) => vec![a.clone()],
        Value::Addresses(Addresses::Many(list)) => list.clone(),
        Value::References(_) => Vec::new(),
    };
    list.into_iter()
        .flat_map(|a| match a {
            Address::Object { name, address } if !address.is_empty() => {
                vec![Parsed::Mailbox { name: name.unwrap_or_default(), address: address::normalize_address(&address) }]
            }
            // No address (a group object included): addressparser reads `[object Object]`, dropped.
            Address::Object { .. } | Address::NoAddress { .. } => Vec::new(),
            Address::Text(text) => address::parse(&text),
        })
        .collect()
}

/// mime-node `_encodeHeaderValue`: the value as written, by field, encoded words
/// in `encoding` (the `textEncoding` option).
pub fn encode_value(name: &str, value: &Value, encoding: TextEncoding) -> String {
    match name {
        "From" | "Sender" | "To" | "Cc" | "Bcc" | "Reply-To" => address::render(&parse_addresses(value), encoding),
        "Message-ID" | "In-Reply-To" => match value {
            Value::Text(t) => bracketed(t),
            _ => String::new(),
        },
        "References" => {
            let items: Vec<String> = match value {
                Value::References(TextOrList::Many(list)) => list.clone(),
                Value::References(TextOrList::One(t)) | Value::Text(t) => vec![t.clone()],
                _ => Vec::new(),
            };
            let ids: Vec<String> = items
                .iter()
                .flat_map(|item| {
                    let item = flatten(item);
                    let item = item.trim();
                    // White space inside <…> removed, then split on white space.
                    let mut compact = String::new();
                    let mut inside = false;
                    for c in item.chars() {
                        match c {
                            '<' => inside = true,
                            '>' => inside = false,
                            _ => {}
                        }
                        if !(inside && c.is_whitespace()) {
                            compact.push(c);
                        }
                    }
                    // `''.split(/\s+/)` is `['']`: an empty item is written `<>`.
                    if compact.is_empty() {
                        return vec!["<>".to_string()];
                    }
                    compact.split_whitespace().map(bracketed).collect::<Vec<_>>()
                })
                .collect();
            ids.join(" ").trim().to_string()
        }
        "Content-Type" | "Content-Disposition" => match value {
            Value::Text(t) => flatten(t).into_owned(),
            _ => String::new(),
        },
        _ => match value {
            Value::Text(t) => encode_words(&flatten(t), encoding),
            _ => String::new(),
        },
    }
}

/// The written field (`encoded`: its value as `encode_value` or the node wrote it),
/// folded, or None when its value is empty (mime-node skips those).
pub fn write_field(name: &str, value: &Value, encoded: String) -> Option<String> {
    if let Value::Prepared { value, fold } = value {
        if value.trim().is_empty() {
            return None;
        }
        let line = format!("{name}: {value}");
        return Some(if *fold { fold_lines(&line, HEADER_LINE) } else { line });
    }
    if encoded.trim().is_empty() {
        return None;
    }
    Some(fold_lines(&format!("{name}: {encoded}"), HEADER_LINE))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_normalised_as_nodemailer_normalises_them() {
        for (given, expected) in [
            ("content-id", "Content-ID"),
            ("mime-version", "MIME-Version"),
            ("x-mailer", "X-Mailer"),
            ("LIST-UNSUBSCRIBE", "List-Unsubscribe"),
            ("dkim-signature", "DKIM-Signature"),
            ("message-id", "Message-ID"),
            ("x-smtpapi", "X-SMTPAPI"),
            ("reply-to", "Reply-To"),
        ] {
            assert_eq!(normalize_name(given), expected);
        }
    }

    #[test]
    fn set_replaces_in_place_and_add_appends() {
        let mut fields = Fields::default();
        fields.add("Subject", Value::Text("a".into()));
        fields.add("X-A", Value::Text("1".into()));
        fields.add("subject", Value::Text("b".into()));
        fields.set("SUBJECT", Value::Text("c".into()));
        let names: Vec<&str> = fields.0.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(names, ["Subject", "X-A"]);
        assert_eq!(fields.text("subject").as_deref(), Some("c"));
    }

    #[test]
    fn references_are_bracketed_and_joined() {
        let value = Value::References(TextOrList::Many(vec!["a@x".into(), "<b@x> c@x".into()]));
        assert_eq!(encode_value("References", &value, TextEncoding::default()), "<a@x> <b@x> <c@x>");
    }
}
