//! Compose fields in the Nodemailer shape, rendered to the MIME message
//! Nodemailer would send: text and HTML as `multipart/alternative`, inline
//! `cid:` images as `multipart/related`, attachments in `multipart/mixed`,
//! bodies in quoted-printable or 7bit, attachments in base64 with 76-column lines.
//!
//! Nodemailer adds `Date` and `Message-ID` itself; the rendering leaves them out
//! and the model records that the mailer adds them.

use super::encode;
use crate::model::InputField;
use crate::LintError;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

/// One address: `"Name <a@b>"`, `"a@b"`, or `{ name, address }`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Address {
    Text(String),
    Object {
        #[serde(default)]
        name: Option<String>,
        address: String,
    },
}

/// One address or a list of them (Nodemailer also accepts a comma-separated string).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Addresses {
    One(Address),
    Many(Vec<Address>),
}

impl Addresses {
    fn list(&self) -> Vec<&Address> {
        match self {
            Addresses::One(a) => vec![a],
            Addresses::Many(v) => v.iter().collect(),
        }
    }

    /// The header value: display names RFC 2047 encoded or quoted as needed.
    fn render(&self) -> String {
        self.list().iter().map(|a| render_address(a)).collect::<Vec<_>>().join(", ")
    }

    /// The value as the script gave it, for the header-injection check.
    fn as_given(&self) -> String {
        self.list()
            .iter()
            .map(|a| match a {
                Address::Text(t) => t.clone(),
                Address::Object { name, address } => match name {
                    Some(n) => format!("{n} <{address}>"),
                    None => address.clone(),
                },
            })
            .collect::<Vec<_>>()
            .join(", ")
    }
}

fn render_address(address: &Address) -> String {
    match address {
        Address::Text(text) => flatten_line_breaks(text),
        Address::Object { name, address } => {
            let address = flatten_line_breaks(address);
            match name.as_deref().map(flatten_line_breaks) {
                Some(name) if !name.is_empty() => {
                    let display = if !name.is_ascii() {
                        encode::header_text(&name)
                    } else if name.bytes().any(|b| b"()<>[]:;@\\,.\"".contains(&b)) {
                        format!("\"{}\"", name.replace('\\', "\\\\").replace('"', "\\\""))
                    } else {
                        name
                    };
                    format!("{display} <{address}>")
                }
                _ => address,
            }
        }
    }
}

/// Nodemailer replaces line breaks in header values by spaces.
fn flatten_line_breaks(value: &str) -> String {
    value.replace("\r\n", " ").replace(['\r', '\n'], " ")
}

/// Attachment content: a string (text, or base64/hex with `encoding`), bytes,
/// or Node's JSON form of a Buffer (`{"type":"Buffer","data":[…]}`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum Content {
    Text(String),
    Bytes(Vec<u8>),
}

impl<'de> Deserialize<'de> for Content {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Content, D::Error> {
        struct ContentVisitor;
        impl<'de> Visitor<'de> for ContentVisitor {
            type Value = Content;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string, a byte array, or a Buffer")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Content, E> {
                Ok(Content::Text(v.to_string()))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Content, E> {
                Ok(Content::Text(v))
            }
            fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<Content, E> {
                Ok(Content::Bytes(v.to_vec()))
            }
            fn visit_byte_buf<E: de::Error>(self, v: Vec<u8>) -> Result<Content, E> {
                Ok(Content::Bytes(v))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Content, A::Error> {
                let mut bytes = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(1 << 20));
                while let Some(b) = seq.next_element::<u8>()? {
                    bytes.push(b);
                }
                Ok(Content::Bytes(bytes))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Content, A::Error> {
                let mut data = None;
                while let Some(key) = map.next_key::<String>()? {
                    if key == "data" {
                        data = Some(map.next_value::<Vec<u8>>()?);
                    } else {
                        map.next_value::<de::IgnoredAny>()?;
                    }
                }
                data.map(Content::Bytes).ok_or_else(|| de::Error::missing_field("data"))
            }
        }
        deserializer.deserialize_any(ContentVisitor)
    }
}

/// An attachment, as Nodemailer takes it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Attachment {
    pub filename: Option<String>,
    pub content: Option<Content>,
    /// How a string `content` is encoded: `base64`, `hex`, or text (`utf-8`, default).
    pub encoding: Option<String>,
    pub content_type: Option<String>,
    /// Content-ID for inline images referenced as `cid:` in the HTML.
    pub cid: Option<String>,
    /// `attachment` or `inline`.
    pub content_disposition: Option<String>,
    /// A file path or URL; the linter cannot read files or fetch URLs.
    pub path: Option<String>,
    pub href: Option<String>,
}

/// Custom headers: `{ "X-Name": "value" }` (values may be lists) or `[{ key, value }]`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Headers {
    Map(BTreeMap<String, HeaderValues>),
    List(Vec<KeyValue>),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum HeaderValues {
    One(String),
    Many(Vec<String>),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyValue {
    pub key: String,
    pub value: String,
}

/// The message fields a script passes to the mailer (Nodemailer's message options).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Compose {
    pub from: Option<Addresses>,
    pub sender: Option<Addresses>,
    pub to: Option<Addresses>,
    pub cc: Option<Addresses>,
    pub bcc: Option<Addresses>,
    pub reply_to: Option<Addresses>,
    pub in_reply_to: Option<String>,
    pub references: Option<String>,
    pub subject: Option<String>,
    pub text: Option<String>,
    pub html: Option<String>,
    pub headers: Option<Headers>,
    pub attachments: Vec<Attachment>,
    /// Date and Message-ID, when the script sets them itself.
    pub date: Option<String>,
    pub message_id: Option<String>,
}

impl Compose {
    /// Compose fields from JSON.
    pub fn from_json(json: &str) -> Result<Compose, LintError> {
        serde_json::from_str(json).map_err(|e| LintError::InvalidInput(e.to_string()))
    }

    /// Rough size of the input, to refuse oversized input before rendering.
    pub fn input_size(&self) -> usize {
        let text = self.text.as_ref().map_or(0, String::len) + self.html.as_ref().map_or(0, String::len);
        let attachments: usize = self
            .attachments
            .iter()
            .map(|a| match &a.content {
                Some(Content::Text(t)) => t.len(),
                Some(Content::Bytes(b)) => b.len(),
                None => 0,
            })
            .sum();
        text + attachments
    }

    /// The fields as given, for checks of what the rendering had to clean up.
    pub fn input_fields(&self) -> Vec<InputField> {
        let mut fields = Vec::new();
        let mut push = |name: &str, value: String| fields.push(InputField { name: name.to_string(), value });
        for (name, value) in [
            ("from", &self.from),
            ("sender", &self.sender),
            ("to", &self.to),
            ("cc", &self.cc),
            ("bcc", &self.bcc),
            ("replyTo", &self.reply_to),
        ] {
            if let Some(v) = value {
                push(name, v.as_given());
            }
        }
        if let Some(s) = &self.subject {
            push("subject", s.clone());
        }
        for (key, value) in self.header_pairs() {
            push(&format!("header:{key}"), value);
        }
        fields
    }

    fn header_pairs(&self) -> Vec<(String, String)> {
        match &self.headers {
            None => Vec::new(),
            Some(Headers::List(list)) => list.iter().map(|kv| (kv.key.clone(), kv.value.clone())).collect(),
            Some(Headers::Map(map)) => map
                .iter()
                .flat_map(|(k, v)| match v {
                    HeaderValues::One(s) => vec![(k.clone(), s.clone())],
                    HeaderValues::Many(list) => list.iter().map(|s| (k.clone(), s.clone())).collect(),
                })
                .collect(),
        }
    }

    /// The MIME message the mailer would send, with CRLF line ends.
    pub fn render(&self) -> Result<Vec<u8>, LintError> {
        let mut out = String::new();
        let mut header = |name: &str, value: &str| {
            out.push_str(name);
            out.push_str(": ");
            out.push_str(value);
            out.push_str("\r\n");
        };
        for (name, value) in [
            ("From", &self.from),
            ("Sender", &self.sender),
            ("To", &self.to),
            ("Cc", &self.cc),
            ("Reply-To", &self.reply_to),
        ] {
            if let Some(v) = value {
                header(name, &v.render());
            }
        }
        if let Some(v) = &self.in_reply_to {
            header("In-Reply-To", &flatten_line_breaks(v));
        }
        if let Some(v) = &self.references {
            header("References", &flatten_line_breaks(v));
        }
        if let Some(subject) = &self.subject {
            header("Subject", &encode::header_text(&flatten_line_breaks(subject)));
        }
        if let Some(v) = &self.message_id {
            header("Message-ID", &flatten_line_breaks(v));
        }
        if let Some(v) = &self.date {
            header("Date", &flatten_line_breaks(v));
        }
        for (key, value) in self.header_pairs() {
            header(&flatten_line_breaks(&key), &flatten_line_breaks(&value));
        }
        header("MIME-Version", "1.0");

        let mut inline = Vec::new();
        let mut attached = Vec::new();
        for (i, a) in self.attachments.iter().enumerate() {
            if a.path.is_some() || a.href.is_some() {
                if a.content.is_none() {
                    return Err(LintError::InvalidInput(format!(
                        "attachments[{i}]: `path` and `href` cannot be read here; pass the file as `content`"
                    )));
                }
            }
            let rendered = render_attachment(a, i)?;
            if a.cid.is_some() && self.html.is_some() && a.content_disposition.as_deref() != Some("attachment") {
                inline.push(rendered);
            } else {
                attached.push(rendered);
            }
        }

        let mut boundaries = Boundaries::new(self);
        let text = self.text.as_deref().map(|t| text_part("text/plain", t));
        let html = self.html.as_deref().map(|h| text_part("text/html", h));
        let html = match html {
            Some(h) if !inline.is_empty() => {
                let mut parts = vec![h];
                parts.extend(inline);
                Some(multipart("related", &boundaries.next(), &parts))
            }
            other => {
                attached.extend(inline);
                other
            }
        };
        let body = match (text, html) {
            (Some(t), Some(h)) => Some(multipart("alternative", &boundaries.next(), &[t, h])),
            (Some(t), None) => Some(t),
            (None, Some(h)) => Some(h),
            (None, None) => None,
        };
        let root = if attached.is_empty() {
            body.unwrap_or_else(|| text_part("text/plain", ""))
        } else {
            let mut parts = Vec::new();
            parts.extend(body);
            parts.extend(attached);
            multipart("mixed", &boundaries.next(), &parts)
        };
        out.push_str(&root);
        Ok(out.into_bytes())
    }
}

/// Deterministic boundaries: the same fields always render the same bytes.
struct Boundaries {
    seed: u64,
    count: u32,
}

impl Boundaries {
    fn new(compose: &Compose) -> Boundaries {
        // FNV-1a over the subject and bodies; good enough to avoid collisions with content.
        let mut seed: u64 = 0xcbf29ce484222325;
        for s in [&compose.subject, &compose.text, &compose.html].into_iter().flatten() {
            for b in s.bytes() {
                seed ^= u64::from(b);
                seed = seed.wrapping_mul(0x100000001b3);
            }
        }
        Boundaries { seed, count: 0 }
    }
    fn next(&mut self) -> String {
        self.count += 1;
        format!("--_NmP-{:016x}-Part_{}", self.seed, self.count)
    }
}

/// A text part: 7bit when plain ASCII with short lines, quoted-printable otherwise.
fn text_part(content_type: &str, text: &str) -> String {
    let plain = text.is_ascii() && text.lines().all(|l| l.len() <= 76) && !text.contains('\r');
    let mut out = format!("Content-Type: {content_type}; charset=utf-8\r\n");
    if plain {
        out.push_str("Content-Transfer-Encoding: 7bit\r\n\r\n");
        out.push_str(&text.replace('\n', "\r\n"));
        if !text.is_empty() && !text.ends_with('\n') {
            out.push_str("\r\n");
        }
    } else {
        out.push_str("Content-Transfer-Encoding: quoted-printable\r\n\r\n");
        out.push_str(&encode::quoted_printable(text));
    }
    out
}

fn multipart(subtype: &str, boundary: &str, parts: &[String]) -> String {
    let mut out = format!("Content-Type: multipart/{subtype};\r\n boundary=\"{boundary}\"\r\n\r\n");
    for part in parts {
        out.push_str("--");
        out.push_str(boundary);
        out.push_str("\r\n");
        out.push_str(part);
        if !part.ends_with("\r\n") {
            out.push_str("\r\n");
        }
    }
    out.push_str("--");
    out.push_str(boundary);
    out.push_str("--\r\n");
    out
}

fn attachment_bytes(a: &Attachment, index: usize) -> Result<Vec<u8>, LintError> {
    match &a.content {
        None => Ok(Vec::new()),
        Some(Content::Bytes(b)) => Ok(b.clone()),
        Some(Content::Text(t)) => match a.encoding.as_deref().map(str::to_ascii_lowercase).as_deref() {
            Some("base64") => encode::base64_decode(t)
                .ok_or_else(|| LintError::InvalidInput(format!("attachments[{index}]: content is not valid base64"))),
            Some("hex") => {
                let clean: Vec<u8> = t.bytes().filter(|b| !b.is_ascii_whitespace()).collect();
                if clean.len() % 2 != 0 {
                    return Err(LintError::InvalidInput(format!("attachments[{index}]: content is not valid hex")));
                }
                clean
                    .chunks(2)
                    .map(|pair| {
                        std::str::from_utf8(pair).ok().and_then(|s| u8::from_str_radix(s, 16).ok()).ok_or_else(|| {
                            LintError::InvalidInput(format!("attachments[{index}]: content is not valid hex"))
                        })
                    })
                    .collect()
            }
            _ => Ok(t.as_bytes().to_vec()),
        },
    }
}

fn render_attachment(a: &Attachment, index: usize) -> Result<String, LintError> {
    let bytes = attachment_bytes(a, index)?;
    let content_type = a
        .content_type
        .clone()
        .unwrap_or_else(|| guess_type(a.filename.as_deref().unwrap_or_default()).to_string());
    let mut out = format!("Content-Type: {}", flatten_line_breaks(&content_type));
    if let Some(name) = &a.filename {
        out.push_str("; ");
        out.push_str(&encode::mime_parameter("name", name));
    }
    out.push_str("\r\n");
    let disposition = a.content_disposition.clone().unwrap_or_else(|| {
        if a.cid.is_some() { "inline".to_string() } else { "attachment".to_string() }
    });
    out.push_str("Content-Transfer-Encoding: base64\r\n");
    out.push_str(&format!("Content-Disposition: {}", flatten_line_breaks(&disposition)));
    if let Some(name) = &a.filename {
        out.push_str("; ");
        out.push_str(&encode::mime_parameter("filename", name));
    }
    out.push_str("\r\n");
    if let Some(cid) = &a.cid {
        out.push_str(&format!("Content-ID: <{}>\r\n", flatten_line_breaks(cid).trim_matches(['<', '>'])));
    }
    out.push_str("\r\n");
    out.push_str(&encode::base64_lines(&bytes));
    Ok(out)
}

/// The content type Nodemailer guesses from a file name (a short table of the
/// common cases; anything else is `application/octet-stream`).
pub fn guess_type(filename: &str) -> &'static str {
    let ext = filename.rsplit('.').next().unwrap_or_default().to_ascii_lowercase();
    match ext.as_str() {
        "txt" => "text/plain",
        "html" | "htm" => "text/html",
        "csv" => "text/csv",
        "xml" => "application/xml",
        "pdf" => "application/pdf",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "svg" => "image/svg+xml",
        "webp" => "image/webp",
        "zip" => "application/zip",
        "gz" => "application/gzip",
        "doc" => "application/msword",
        "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xls" => "application/vnd.ms-excel",
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "ics" => "text/calendar",
        "exe" | "dll" => "application/octet-stream",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_html_render_as_alternative() {
        let compose = Compose::from_json(r#"{"from":"a@example.com","to":["b@example.com"],"subject":"Hi","text":"Hello","html":"<p>Hello</p>"}"#).unwrap();
        let raw = String::from_utf8(compose.render().unwrap()).unwrap();
        assert!(raw.contains("Content-Type: multipart/alternative;"));
        assert!(raw.contains("To: b@example.com\r\n"));
    }

    #[test]
    fn attachments_are_base64_in_76_columns() {
        let compose = Compose::from_json(r#"{"from":"a@example.com","text":"x","attachments":[{"filename":"a.bin","content":"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA","encoding":"base64"}]}"#).unwrap();
        let raw = String::from_utf8(compose.render().unwrap()).unwrap();
        assert!(raw.contains("Content-Disposition: attachment; filename=a.bin"));
        assert!(raw.lines().all(|l| l.len() <= 78));
    }

    #[test]
    fn buffer_json_is_accepted() {
        let compose = Compose::from_json(r#"{"attachments":[{"filename":"a.txt","content":{"type":"Buffer","data":[104,105]}}]}"#).unwrap();
        assert_eq!(compose.attachments[0].content, Some(Content::Bytes(b"hi".to_vec())));
    }

    #[test]
    fn line_breaks_in_subject_are_flattened_but_kept_as_input() {
        let compose = Compose::from_json(r#"{"from":"a@example.com","subject":"Hi\r\nBcc: x@evil.example","text":"x"}"#).unwrap();
        let raw = String::from_utf8(compose.render().unwrap()).unwrap();
        assert!(raw.contains("Subject: Hi Bcc: x@evil.example\r\n"));
        assert!(compose.input_fields().iter().any(|f| f.name == "subject" && f.value.contains('\n')));
    }
}
