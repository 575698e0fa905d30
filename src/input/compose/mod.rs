//! Compose fields in the Nodemailer shape (the message options a script passes to
//! `transporter.sendMail`), rendered to the bytes Nodemailer would send over
//! SMTP: the MIME tree MailComposer builds (`tree.rs`), each node's headers
//! encoded and folded at 76 characters as MimeNode writes them (`headers.rs`),
//! bodies in 7bit, quoted-printable or base64 chosen as Nodemailer chooses, line
//! ends in CRLF as on the wire. Tests compare the rendering with Nodemailer's own
//! output (tests/node/compose-rendering.test.mjs).
//!
//! Nodemailer adds `Date` and `Message-ID` itself; the rendering leaves them out
//! (unless the script sets them) and the model records that the mailer adds them.

mod headers;
mod mail_message;
mod tree;

pub use mail_message::{List, ListField, ListUrl, ListValue, XMailer, MAX_LIST_FIELDS, MAX_LIST_URLS};

use crate::input::buffer;
use crate::input::words::TextEncoding;
use crate::model::{InputField, InputNotes, MAX_NOTED_KEYS};
use crate::LintError;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};
use std::fmt;

/// One address: `"Name <a@b>"`, `"a@b"`, a comma-separated list, or `{ name, address }`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged, expecting = "an address: \"Name <a@example.com>\" or { name, address }")]
pub enum Address {
    Text(String),
    Object {
        #[serde(default)]
        name: Option<String>,
        address: String,
    },
}

/// One address or a list of them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged, expecting = "an address (\"Name <a@example.com>\" or { name, address }) or a list of them")]
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

    /// Nodemailer sets a header only for a value JavaScript finds true: an empty
    /// string is no value (an empty list is one, which renders as nothing).
    fn is_given(&self) -> bool {
        !matches!(self, Addresses::One(Address::Text(t)) if t.is_empty())
    }
}

/// Attachment content: a string (text, or in `encoding`), bytes, or Node's JSON
/// form of a Buffer (`{"type":"Buffer","data":[…]}`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum Content {
    Text(String),
    Bytes(Vec<u8>),
}

impl Content {
    fn len(&self) -> usize {
        match self {
            Content::Text(t) => t.len(),
            Content::Bytes(b) => b.len(),
        }
    }

    /// JavaScript truthiness: an empty string is no content, any Buffer is.
    fn is_given(&self) -> bool {
        !matches!(self, Content::Text(t) if t.is_empty())
    }

    /// The content as mail-composer `_createContentNode` passes it on: a string
    /// in an `encoding` other than UTF-8 or ASCII becomes `Buffer.from(content,
    /// encoding)`. `Err`: the encoding's name, which Node does not know.
    pub(crate) fn decoded(&self, encoding: Option<&str>) -> Result<Content, String> {
        Ok(match (self, encoding.filter(|e| !e.is_empty())) {
            (Content::Text(text), Some(encoding)) => match buffer::from_string(text, encoding)? {
                buffer::Decoded::Text => Content::Text(text.clone()),
                buffer::Decoded::Bytes(bytes) => Content::Bytes(bytes),
            },
            (content, _) => content.clone(),
        })
    }

    /// The bytes sent: a text as UTF-8 (Node's default), bytes as they are.
    fn to_bytes(&self) -> Vec<u8> {
        match self {
            Content::Text(text) => text.as_bytes().to_vec(),
            Content::Bytes(bytes) => bytes.clone(),
        }
    }
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
                // A stream, `{ content }` or any other object: Nodemailer would pipe
                // or fail on it; the engine reads only bytes and texts.
                data.map(Content::Bytes).ok_or_else(|| de::Error::custom(crate::error::UNREADABLE_CONTENT))
            }
        }
        deserializer.deserialize_any(ContentVisitor)
    }
}

/// `text`, `html`, `watchHtml` or `amp` as Nodemailer takes them: a text, bytes
/// (a Buffer, a typed array, Node's JSON form of a Buffer), or the object form
/// `{ content, encoding }` (mail-composer `_createContentNode`). Nodemailer sends
/// bytes as they are in a part declared UTF-8; the engine reads them as UTF-8 (a
/// byte that is none becomes U+FFFD). `{ path }` and `{ href }` name a file or a
/// URL the engine cannot read; `{ raw }` and streams are refused as content.
struct BodyText(String);

impl<'de> Deserialize<'de> for BodyText {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<BodyText, D::Error> {
        struct BodyVisitor;
        impl<'de> Visitor<'de> for BodyVisitor {
            type Value = BodyText;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string, a byte array, a Buffer, or { content, encoding }")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<BodyText, E> {
                Ok(BodyText(v.to_string()))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<BodyText, E> {
                Ok(BodyText(v))
            }
            fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<BodyText, E> {
                Ok(BodyText(String::from_utf8_lossy(v).into_owned()))
            }
            fn visit_byte_buf<E: de::Error>(self, v: Vec<u8>) -> Result<BodyText, E> {
                Ok(BodyText(String::from_utf8(v).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<BodyText, A::Error> {
                let bytes: Vec<u8> = Deserialize::deserialize(de::value::SeqAccessDeserializer::new(seq))?;
                self.visit_byte_buf(bytes)
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<BodyText, A::Error> {
                let (mut data, mut content, mut encoding, mut source, mut other) = (None, None, None, false, false);
                while let Some(key) = map.next_key::<String>()? {
                    match key.as_str() {
                        // Node's JSON form of a Buffer: `{ "type": "Buffer", "data": [...] }`.
                        "data" => data = Some(map.next_value::<Vec<u8>>()?),
                        "content" => content = map.next_value::<Option<Content>>()?,
                        "encoding" => encoding = map.next_value::<Option<String>>()?,
                        "path" | "href" => source |= map.next_value::<Option<de::IgnoredAny>>()?.is_some(),
                        "raw" => other |= map.next_value::<Option<de::IgnoredAny>>()?.is_some(),
                        _ => {
                            map.next_value::<de::IgnoredAny>()?;
                        }
                    }
                }
                let content = match (data, content) {
                    (Some(bytes), _) => Content::Bytes(bytes),
                    (None, Some(content)) => content,
                    (None, None) if source => return Err(de::Error::custom(crate::error::UNREADABLE_SOURCE)),
                    (None, None) if other => return Err(de::Error::custom(crate::error::UNREADABLE_CONTENT)),
                    (None, None) => return Ok(BodyText(String::new())),
                };
                match content.decoded(encoding.as_deref()) {
                    Ok(Content::Text(text)) => Ok(BodyText(text)),
                    Ok(Content::Bytes(bytes)) => self.visit_byte_buf(bytes),
                    Err(name) => Err(de::Error::unknown_variant(&name, buffer::ENCODINGS)),
                }
            }
        }
        deserializer.deserialize_any(BodyVisitor)
    }
}

/// An attachment, as Nodemailer takes it (also an alternative, and the
/// object form of `icalEvent`).
///
/// A refused field is named in the error (`attachments[1].content`); a key
/// that is none of Nodemailer's is kept in `unknown` for the note
/// (`headers/compose-option`), as Nodemailer ignores it.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Attachment {
    pub filename: Option<String>,
    pub content: Option<Content>,
    /// How a string `content` is encoded, any of Node's Buffer encodings (`base64`,
    /// `hex`, `latin1`, `utf16le`…); text (`utf-8`) when absent.
    pub encoding: Option<String>,
    pub content_type: Option<String>,
    /// Content-ID for inline images referenced as `cid:` in the HTML.
    pub cid: Option<String>,
    /// `attachment` or `inline`.
    pub content_disposition: Option<String>,
    /// Headers of the attachment's part.
    pub headers: Option<Headers>,
    /// A file path or URL; the linter cannot read files or fetch URLs.
    pub path: Option<String>,
    pub href: Option<String>,
    /// The part whole, its own header fields and body (Nodemailer's `raw`):
    /// sent as it is, in place of a part built from the other fields.
    pub raw: Option<Content>,
    /// The part's Content-Transfer-Encoding (`7bit`, `quoted-printable`…),
    /// replacing the default (base64, 8bit for a message, none for an alternative).
    pub content_transfer_encoding: Option<TransferEncoding>,
    /// `icalEvent`'s iTIP method (`REQUEST`, `CANCEL`…), `PUBLISH` when absent.
    pub method: Option<String>,
    /// Keys that are none of Nodemailer's, as given (the first `MAX_NOTED_KEYS`).
    #[serde(skip)]
    pub unknown: Vec<String>,
}

/// The keys of a part Nodemailer reads (mail-composer `getAttachments`,
/// `getAlternatives`; `httpHeaders` goes with `href`). `method` only in `icalEvent`.
const PART_KEYS: &[&str] = &[
    "filename", "content", "encoding", "contentType", "cid", "contentDisposition", "headers", "path", "href", "raw",
    "contentTransferEncoding", "httpHeaders",
];

/// The keys of `icalEvent` Nodemailer reads (mail-composer copies them all to the two parts).
const ICAL_KEYS: &[&str] = &["content", "method", "filename", "encoding", "headers", "path", "href", "raw", "contentTransferEncoding", "httpHeaders"];

/// A part's fields, each error prefixed with the field's name; `ical`: `method` is one.
struct PartVisitor {
    ical: bool,
}

impl<'de> Visitor<'de> for PartVisitor {
    type Value = Attachment;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an object")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Attachment, A::Error> {
        let mut part = Attachment::default();
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "filename" => part.filename = field(&mut map, &key)?,
                "content" => part.content = field(&mut map, &key)?,
                "encoding" => part.encoding = field(&mut map, &key)?,
                "contentType" => part.content_type = field(&mut map, &key)?,
                "cid" => part.cid = field(&mut map, &key)?,
                "contentDisposition" => part.content_disposition = field(&mut map, &key)?,
                "headers" => part.headers = field(&mut map, &key)?,
                "path" => part.path = field(&mut map, &key)?,
                "href" => part.href = field(&mut map, &key)?,
                "raw" => part.raw = field(&mut map, &key)?,
                // Given as `null`, it is given (no field), not absent.
                "contentTransferEncoding" => part.content_transfer_encoding = Some(field(&mut map, &key)?),
                "method" if self.ical => part.method = field(&mut map, &key)?,
                "httpHeaders" => {
                    map.next_value::<de::IgnoredAny>()?;
                }
                _ => {
                    map.next_value::<de::IgnoredAny>()?;
                    if part.unknown.len() < MAX_NOTED_KEYS {
                        part.unknown.push(key);
                    }
                }
            }
        }
        Ok(part)
    }
}

impl<'de> Deserialize<'de> for Attachment {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Attachment, D::Error> {
        deserializer.deserialize_map(PartVisitor { ical: false })
    }
}

/// A part's `contentTransferEncoding` as mail-composer reads it: given at
/// all (`'contentTransferEncoding' in attachment`), even as `false` or
/// `null`, it replaces the default; a value JavaScript finds false sets no field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TransferEncoding(pub Option<String>);

impl<'de> Deserialize<'de> for TransferEncoding {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<TransferEncoding, D::Error> {
        struct EncodingVisitor;
        impl<'de> Visitor<'de> for EncodingVisitor {
            type Value = TransferEncoding;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a text or false")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<TransferEncoding, E> {
                Ok(TransferEncoding(Some(v.to_string()).filter(|v| !v.is_empty())))
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<TransferEncoding, E> {
                Ok(TransferEncoding(v.then(|| "true".to_string())))
            }
            fn visit_unit<E: de::Error>(self) -> Result<TransferEncoding, E> {
                Ok(TransferEncoding(None))
            }
            fn visit_none<E: de::Error>(self) -> Result<TransferEncoding, E> {
                Ok(TransferEncoding(None))
            }
        }
        deserializer.deserialize_any(EncodingVisitor)
    }
}

impl TransferEncoding {
    /// The field's value: given and true to JavaScript, else none.
    pub fn given(encoding: Option<&TransferEncoding>) -> Option<String> {
        encoding.and_then(|e| e.0.clone())
    }
}

/// A header value: text, several values (one field each), or Nodemailer's
/// `{ prepared: true, value }` written as given.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged, expecting = "a header value: a text, a number, a list of texts or { value, prepared }")]
pub enum HeaderValues {
    One(String),
    Number(f64),
    Many(Vec<String>),
    Prepared {
        value: String,
        #[serde(default)]
        prepared: bool,
        #[serde(default, rename = "foldLines")]
        fold_lines: bool,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KeyValue {
    pub key: String,
    pub value: HeaderValues,
}

/// Custom headers, in the order given: `{ "X-Name": "value" }` or `[{ key, value }]`.
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
                while let Some(key) = map.next_key::<String>()? {
                    // A refused value is named by its field (`headers.X-Campaign`)
                    // when the name reads as one: letters, digits, `-` and `_`.
                    let named = !key.is_empty()
                        && key.len() <= 76
                        && key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
                    let value = map.next_value::<HeaderValues>().map_err(|e| if named { prefixed(&key, e) } else { e })?;
                    pairs.push((key, value));
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
    fn pairs(&self) -> Vec<(String, String, bool)> {
        self.0
            .iter()
            .flat_map(|(k, v)| match v {
                HeaderValues::One(s) => vec![(k.clone(), s.clone(), false)],
                HeaderValues::Number(n) => vec![(k.clone(), n.to_string(), false)],
                HeaderValues::Many(list) => list.iter().map(|s| (k.clone(), s.clone(), false)).collect(),
                HeaderValues::Prepared { value, prepared, .. } => vec![(k.clone(), value.clone(), *prepared)],
            })
            .collect()
    }
}

/// Text or a list of texts (Nodemailer's `references`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged, expecting = "a text or a list of texts")]
pub enum TextOrList {
    One(String),
    Many(Vec<String>),
}

/// Nodemailer's `icalEvent`: the iCalendar text, or `{ content, method, filename, encoding, headers }`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged, expecting = "an iCalendar text or { content, method, filename, encoding, headers }")]
pub enum IcalEvent {
    Text(String),
    Object(IcalObject),
}

/// `icalEvent` as an object: a part's fields and `method`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct IcalObject(pub Attachment);

impl<'de> Deserialize<'de> for IcalObject {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<IcalObject, D::Error> {
        deserializer.deserialize_map(PartVisitor { ical: true }).map(IcalObject)
    }
}

/// The SMTP envelope (`envelope`): only its sender is read, the address a
/// receiver records as `Return-Path` (RFC 5321 §4.4) and SPF checks. A sender
/// JavaScript finds false (`from: false`) is none (mime-node `setEnvelope`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Envelope {
    pub from: Option<Addresses>,
    /// Keys that are none of Nodemailer's, as given (the first `MAX_NOTED_KEYS`).
    #[serde(skip)]
    pub unknown: Vec<String>,
}

/// The keys of `envelope` Nodemailer reads (mime-node `setEnvelope`, the SMTP transport).
const ENVELOPE_KEYS: &[&str] = &["from", "to", "cc", "bcc", "size", "use8BitMime", "dsn", "requireTLSExtensionEnabled"];

/// `envelope.from`: addresses, or `false` for none.
#[derive(Deserialize)]
#[serde(untagged, expecting = "an address (\"Name <a@example.com>\" or { name, address }) or a list of them")]
enum EnvelopeFrom {
    Addresses(Addresses),
    /// `true` or `false`: no address either way.
    #[allow(dead_code)]
    Flag(bool),
}

impl<'de> Deserialize<'de> for Envelope {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Envelope, D::Error> {
        struct EnvelopeVisitor;
        impl<'de> Visitor<'de> for EnvelopeVisitor {
            type Value = Envelope;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Envelope, A::Error> {
                let mut envelope = Envelope::default();
                while let Some(key) = map.next_key::<String>()? {
                    if key == "from" {
                        envelope.from = match field::<_, Option<EnvelopeFrom>>(&mut map, &key)? {
                            Some(EnvelopeFrom::Addresses(from)) => Some(from),
                            _ => None,
                        };
                        continue;
                    }
                    map.next_value::<de::IgnoredAny>()?;
                    if !ENVELOPE_KEYS.contains(&key.as_str()) && envelope.unknown.len() < MAX_NOTED_KEYS {
                        envelope.unknown.push(key);
                    }
                }
                Ok(envelope)
            }
        }
        deserializer.deserialize_map(EnvelopeVisitor)
    }
}

/// Most alternatives `alternatives` adds (ours: a message has a text, an HTML
/// and perhaps a calendar or AMP version; a hundred is far beyond any mailer's
/// use and bounds the parts a script makes this way).
pub const MAX_ALTERNATIVES: usize = 100;

/// Nodemailer message options that change nothing in the bytes sent over SMTP,
/// read and set aside: `dsn` (RFC 3461 parameters of the SMTP commands),
/// `disableFileAccess` and `disableUrlAccess` (whether a `path` or `href` may
/// be read: the engine reads none and refuses such content), `newline` (the
/// SMTP transport sends every line end as CRLF whatever it is, smtp-connection
/// `data-stream.js`).
const NO_CHANGE_IN_BYTES: &[&str] = &["dsn", "disableFileAccess", "disableUrlAccess", "newline"];

/// Nodemailer message options that change the bytes sent but that the
/// rendering leaves out, noted (`headers/compose-option`) when set: `dkim`
/// (Nodemailer signs the message: a DKIM-Signature field), `attachDataUrls`
/// (inline `data:` images become attachments), `normalizeHeaderKey` (a
/// function renaming every field).
const NOT_RENDERED: &[&str] = &["dkim", "attachDataUrls", "normalizeHeaderKey"];

/// Whether a top-level option is only noted as set (`NOT_RENDERED`), so any
/// value, a function included (`normalizeHeaderKey`), may be given as `true`.
pub fn is_noted_option(key: &str) -> bool {
    NOT_RENDERED.contains(&key)
}

/// The options `raw` replaces: with `raw`, MailComposer sends the raw message
/// as it is (mail-composer `compile`: a `message/rfc822` node whose raw content
/// is the whole output) and these are not in it. The addresses and `envelope`
/// still make the SMTP envelope.
const REPLACED_BY_RAW: &[&str] = &[
    "subject", "text", "html", "headers", "attachments", "date", "messageId", "inReplyTo", "references", "list",
    "priority", "xMailer", "alternatives", "watchHtml", "amp", "icalEvent", "encoding", "textEncoding",
    "baseBoundary", "boundaryPrefix",
];

/// The message fields a script passes to the mailer (Nodemailer's message options).
/// Read field by field (`Deserialize` below), so an error names the field.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Compose {
    pub from: Option<Addresses>,
    pub sender: Option<Addresses>,
    pub to: Option<Addresses>,
    pub cc: Option<Addresses>,
    pub bcc: Option<Addresses>,
    pub reply_to: Option<Addresses>,
    pub in_reply_to: Option<String>,
    pub references: Option<TextOrList>,
    pub subject: Option<String>,
    pub text: Option<String>,
    pub html: Option<String>,
    /// The Apple Watch version (`text/watch-html`).
    pub watch_html: Option<String>,
    /// The AMP for Email version (`text/x-amp-html`).
    pub amp: Option<String>,
    /// A calendar event: a `text/calendar` alternative and an `invite.ics` attachment.
    pub ical_event: Option<IcalEvent>,
    /// More alternatives, after the others (same fields as an attachment; `cid`
    /// and `contentDisposition` are not read).
    pub alternatives: Vec<Attachment>,
    pub headers: Option<Headers>,
    pub attachments: Vec<Attachment>,
    /// Date and Message-ID, when the script sets them itself.
    pub date: Option<String>,
    pub message_id: Option<String>,
    /// `List-*` fields (`mail_message::List`).
    pub list: Option<List>,
    /// `high`, `normal` or `low`: the X-Priority, X-MSMail-Priority and Importance fields.
    pub priority: Option<String>,
    pub x_mailer: Option<XMailer>,
    /// The Content-Transfer-Encoding of text parts (`quoted-printable` or `base64`).
    pub encoding: Option<String>,
    /// The encoding of encoded words and of text bodies that need one.
    #[serde(skip)]
    pub text_encoding: TextEncoding,
    /// A whole message, sent instead of one built from the fields.
    pub raw: Option<Content>,
    pub base_boundary: Option<String>,
    pub boundary_prefix: Option<String>,
    pub envelope: Option<Envelope>,
    /// What of the input the rendering does not show (`notes`).
    #[serde(skip)]
    pub notes: InputNotes,
}

/// `textEncoding` as mime-node reads it (`charAt(0).toUpperCase()` of the trimmed
/// text); any other letter than Q or B is refused (Nodemailer would write
/// `=?UTF-8?X?undefined?=` words).
fn text_encoding_option<'de, A: MapAccess<'de>>(map: &mut A) -> Result<TextEncoding, A::Error> {
    let given = field::<_, Option<String>>(map, "textEncoding")?.unwrap_or_default();
    match given.trim().chars().next().map(|c| c.to_ascii_uppercase()) {
        None => Ok(TextEncoding(None)),
        Some(letter @ ('Q' | 'B')) => Ok(TextEncoding(Some(letter))),
        Some(_) => Err(prefixed(
            "textEncoding",
            format_args!("unknown variant `{given}`, expected `quoted-printable` or `base64`"),
        )),
    }
}

/// Whether a value is true to JavaScript (`if (mail.dkim)`), its content skipped.
struct Truthy(bool);

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

impl<'de> Deserialize<'de> for Compose {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Compose, D::Error> {
        struct ComposeVisitor;
        impl<'de> Visitor<'de> for ComposeVisitor {
            type Value = Compose;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an object of message fields (from, to, subject, text, html, attachments…)")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Compose, A::Error> {
                let mut c = Compose::default();
                // The fields `raw` replaces, as given (each once).
                let mut replaced: Vec<String> = Vec::new();
                while let Some(key) = map.next_key::<String>()? {
                    match key.as_str() {
                        "from" => c.from = field(&mut map, &key)?,
                        "sender" => c.sender = field(&mut map, &key)?,
                        "to" => c.to = field(&mut map, &key)?,
                        "cc" => c.cc = field(&mut map, &key)?,
                        "bcc" => c.bcc = field(&mut map, &key)?,
                        "replyTo" => c.reply_to = field(&mut map, &key)?,
                        "inReplyTo" => c.in_reply_to = field(&mut map, &key)?,
                        "references" => c.references = field(&mut map, &key)?,
                        "subject" => c.subject = field(&mut map, &key)?,
                        "text" => c.text = body_field(&mut map, &key)?,
                        "html" => c.html = body_field(&mut map, &key)?,
                        "watchHtml" => c.watch_html = body_field(&mut map, &key)?,
                        "amp" => c.amp = body_field(&mut map, &key)?,
                        "icalEvent" => c.ical_event = field(&mut map, &key)?,
                        "headers" => c.headers = field(&mut map, &key)?,
                        "attachments" => c.attachments = list_field(&mut map, &key)?,
                        "alternatives" => c.alternatives = list_field(&mut map, &key)?,
                        "date" => c.date = field(&mut map, &key)?,
                        "messageId" => c.message_id = field(&mut map, &key)?,
                        "list" => c.list = field(&mut map, &key)?,
                        "priority" => c.priority = field(&mut map, &key)?,
                        "xMailer" => c.x_mailer = field(&mut map, &key)?,
                        "encoding" => c.encoding = field(&mut map, &key)?,
                        "textEncoding" => c.text_encoding = text_encoding_option(&mut map)?,
                        "raw" => c.raw = field(&mut map, &key)?,
                        "baseBoundary" => c.base_boundary = field(&mut map, &key)?,
                        "boundaryPrefix" => c.boundary_prefix = field(&mut map, &key)?,
                        "envelope" => c.envelope = field(&mut map, &key)?,
                        name if NO_CHANGE_IN_BYTES.contains(&name) => {
                            map.next_value::<de::IgnoredAny>()?;
                        }
                        name if NOT_RENDERED.contains(&name) => {
                            if map.next_value::<Truthy>()?.0 && !c.notes.not_rendered.contains(&key) {
                                c.notes.not_rendered.push(key.clone());
                            }
                        }
                        _ => {
                            map.next_value::<de::IgnoredAny>()?;
                            note_unknown(&mut c.notes, key.clone(), TOP_KEYS);
                        }
                    }
                    if REPLACED_BY_RAW.contains(&key.as_str()) && !replaced.contains(&key) {
                        replaced.push(key);
                    }
                }
                if c.sends_raw() {
                    c.notes.replaced_by_raw = replaced;
                }
                c.note_nested_unknown();
                Ok(c)
            }
        }
        deserializer.deserialize_map(ComposeVisitor)
    }
}

/// Every top-level key Nodemailer reads, for the closest to a misspelt one.
const TOP_KEYS: &[&str] = &[
    "from", "sender", "to", "cc", "bcc", "replyTo", "inReplyTo", "references", "subject", "text", "html", "watchHtml",
    "amp", "icalEvent", "headers", "attachments", "alternatives", "date", "messageId", "list", "priority", "xMailer",
    "encoding", "textEncoding", "raw", "baseBoundary", "boundaryPrefix", "envelope", "dsn", "disableFileAccess",
    "disableUrlAccess", "newline", "dkim", "attachDataUrls", "normalizeHeaderKey",
];

/// Notes a key Nodemailer does not read (`name`, its path), with the
/// closest of `known` when it is close enough to be a typo (`fileName` →
/// `filename`; a key under 4 characters gets none: two edits make `k1` of
/// `to`); the first `MAX_NOTED_KEYS`, then a count.
fn note_unknown(notes: &mut InputNotes, name: String, known: &[&str]) {
    let key = name.rsplit(['.', ']']).next().unwrap_or(&name);
    if notes.unknown.len() + notes.close.len() >= MAX_NOTED_KEYS {
        notes.unknown_more += 1;
        return;
    }
    match crate::text::distance::closest(key, known).filter(|_| key.chars().count() >= 4) {
        Some(suggestion) => notes.close.push((name, suggestion.to_string())),
        None => notes.unknown.push(name),
    }
}

/// A list field (`attachments`, `alternatives`), its element errors indexed;
/// `null` is none.
fn list_field<'de, A: MapAccess<'de>>(map: &mut A, key: &str) -> Result<Vec<Attachment>, A::Error> {
    Ok(field::<_, Option<Indexed<Attachment>>>(map, key)?.map_or_else(Vec::new, |l| l.0))
}

/// The text of a deserialisation error, natively or from serde-wasm-bindgen,
/// whose errors read "Error: …" once converted to text.
pub(crate) fn error_detail(error: impl fmt::Display) -> String {
    let text = error.to_string();
    match text.strip_prefix("Error: ") {
        Some(rest) => rest.to_string(),
        None => text,
    }
}

/// A body (`text`, `html`, `watchHtml`, `amp`) in any form Nodemailer takes, as text.
fn body_field<'de, A: MapAccess<'de>>(map: &mut A, key: &str) -> Result<Option<String>, A::Error> {
    Ok(field::<_, Option<BodyText>>(map, key)?.map(|body| body.0))
}

/// The value of `key`, its error prefixed with the key (`attachments[2]: …`).
fn field<'de, A: MapAccess<'de>, T: Deserialize<'de>>(map: &mut A, key: &str) -> Result<T, A::Error> {
    map.next_value::<T>().map_err(|e| prefixed(key, e))
}

/// An error of the value of `key`, prefixed with the key (`key: …`, `key[2]: …`).
fn prefixed<E: de::Error>(key: &str, error: impl fmt::Display) -> E {
    let text = error_detail(error);
    let joint = if text.starts_with('[') { "" } else { ": " };
    E::custom(format_args!("{key}{joint}{text}"))
}

/// A list whose element errors name their index (`[2]: …`).
struct Indexed<T>(Vec<T>);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Indexed<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Indexed<T>, D::Error> {
        struct ListVisitor<T>(std::marker::PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for ListVisitor<T> {
            type Value = Indexed<T>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a list")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Indexed<T>, A::Error> {
                let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(1024));
                loop {
                    let index = items.len();
                    match seq.next_element::<T>() {
                        Ok(Some(item)) => items.push(item),
                        Ok(None) => return Ok(Indexed(items)),
                        Err(e) => return Err(de::Error::custom(format_args!("[{index}]: {}", error_detail(e)))),
                    }
                }
            }
        }
        deserializer.deserialize_seq(ListVisitor(std::marker::PhantomData))
    }
}

impl Compose {
    /// The keys of parts and of `envelope` that Nodemailer does not read, by
    /// their path (`attachments[0].fileName`, `envelope.form`).
    fn note_nested_unknown(&mut self) {
        let mut found: Vec<(String, &[&str])> = Vec::new();
        for (list, parts) in [("attachments", &self.attachments), ("alternatives", &self.alternatives)] {
            for (index, part) in parts.iter().enumerate() {
                found.extend(part.unknown.iter().map(|key| (format!("{list}[{index}].{key}"), PART_KEYS)));
            }
        }
        if let Some(IcalEvent::Object(IcalObject(event))) = &self.ical_event {
            found.extend(event.unknown.iter().map(|key| (format!("icalEvent.{key}"), ICAL_KEYS)));
        }
        if let Some(envelope) = &self.envelope {
            found.extend(envelope.unknown.iter().map(|key| (format!("envelope.{key}"), ENVELOPE_KEYS)));
        }
        for (name, known) in found {
            note_unknown(&mut self.notes, name, known);
        }
    }

    /// Compose fields from JSON.
    pub fn from_json(json: &str) -> Result<Compose, LintError> {
        crate::error::Invalid::parse(json, "message").map_err(LintError::InvalidInput)
    }

    /// Size of the input in UTF-8 bytes, to refuse oversized input before
    /// rendering: bodies, alternatives, attachment contents and names, header
    /// values, addresses, the subject and the other texts, `list` and `raw`.
    /// The rendered message is measured again (encoded words and base64 make
    /// it larger).
    pub fn input_size(&self) -> usize {
        let texts: usize = [
            &self.text, &self.html, &self.watch_html, &self.amp, &self.subject, &self.in_reply_to, &self.date,
            &self.message_id, &self.priority, &self.encoding, &self.base_boundary, &self.boundary_prefix,
        ]
        .into_iter()
        .flatten()
        .map(String::len)
        .sum();
        let addresses: usize = [&self.from, &self.sender, &self.to, &self.cc, &self.bcc, &self.reply_to]
            .into_iter()
            .flatten()
            .flat_map(Addresses::list)
            .map(|a| match a {
                Address::Text(t) => t.len(),
                Address::Object { name, address } => name.as_ref().map_or(0, String::len) + address.len(),
            })
            .sum();
        let references: usize = match &self.references {
            Some(TextOrList::One(t)) => t.len(),
            Some(TextOrList::Many(list)) => list.iter().map(String::len).sum(),
            None => 0,
        };
        let names: usize = self
            .attachments
            .iter()
            .chain(&self.alternatives)
            .flat_map(|a| [&a.filename, &a.content_type, &a.cid, &a.content_disposition])
            .flatten()
            .map(String::len)
            .sum();
        let part_headers: usize =
            self.attachments.iter().chain(&self.alternatives).flat_map(|a| a.headers.iter().flat_map(Headers::pairs)).map(|(k, v, _)| k.len() + v.len()).sum();
        let contents: usize =
            self.attachments.iter().chain(&self.alternatives).flat_map(|a| [&a.content, &a.raw]).flatten().map(Content::len).sum();
        let ical = match &self.ical_event {
            Some(IcalEvent::Text(t)) => t.len(),
            Some(IcalEvent::Object(IcalObject(o))) => [&o.content, &o.raw].into_iter().flatten().map(Content::len).sum(),
            None => 0,
        };
        let headers: usize = self.headers.iter().flat_map(Headers::pairs).map(|(k, v, _)| k.len() + v.len()).sum();
        let list = self.list.as_ref().map_or(0, List::size);
        let raw = self.raw.as_ref().map_or(0, Content::len);
        texts + addresses + references + names + part_headers + contents + ical + headers + list + raw
    }

    /// The counts beyond which the input is refused (`MAX_ALTERNATIVES`,
    /// `MAX_LIST_FIELDS`, `MAX_LIST_URLS`), checked before rendering.
    pub fn check_bounds(&self) -> Result<(), LintError> {
        use crate::error::What;
        if self.alternatives.len() > MAX_ALTERNATIVES {
            return Err(LintError::input("alternatives", What::TooMany { count: self.alternatives.len(), max: MAX_ALTERNATIVES }));
        }
        let (fields, most_urls) = self.list.as_ref().map_or((0, 0), List::counts);
        if fields > MAX_LIST_FIELDS {
            return Err(LintError::input("list", What::TooMany { count: fields, max: MAX_LIST_FIELDS }));
        }
        if most_urls > MAX_LIST_URLS {
            return Err(LintError::input("list", What::TooMany { count: most_urls, max: MAX_LIST_URLS }));
        }
        Ok(())
    }

    /// The fields as given, for checks of what the rendering had to clean up.
    /// With `raw`, none: the raw message is sent as it is and checked as such.
    pub fn input_fields(&self) -> Vec<InputField> {
        let mut fields = Vec::new();
        if self.sends_raw() {
            return fields;
        }
        let mut push = |name: &str, value: String, written_as_given: bool| {
            fields.push(InputField { name: name.to_string(), value, written_as_given })
        };
        for (name, value) in [
            ("from", &self.from),
            ("sender", &self.sender),
            ("to", &self.to),
            ("cc", &self.cc),
            ("bcc", &self.bcc),
            ("replyTo", &self.reply_to),
        ] {
            if let Some(v) = value {
                push(name, v.as_given(), false);
            }
        }
        if let Some(s) = &self.subject {
            push("subject", s.clone(), false);
        }
        for (key, value, written_as_given) in self.headers.iter().flat_map(Headers::pairs) {
            push(&format!("header:{key}"), value, written_as_given);
        }
        if let Some(XMailer::Text(text)) = &self.x_mailer {
            push("header:X-Mailer", text.clone(), false);
        }
        // MailMessage writes a List-* value as given (`prepared`): a line break in a comment stays one.
        for (name, value) in self.list.iter().flat_map(List::fields) {
            let key = name.strip_prefix("list-").unwrap_or(&name);
            push(&format!("list.{key}"), value, true);
        }
        fields
    }

    /// `raw` is set: Nodemailer sends it instead of a message built from the fields.
    pub fn sends_raw(&self) -> bool {
        self.raw.as_ref().is_some_and(Content::is_given)
    }

    /// The fields Nodemailer adds to what it builds (Date, Message-ID); none to a `raw` message.
    pub fn mailer_adds(&self) -> &'static [&'static str] {
        if self.sends_raw() { &[] } else { crate::model::MAILER_ADDS }
    }

    /// The SMTP envelope sender set by `envelope.from` (its first address, as
    /// mime-node `setEnvelope` takes it): what a receiver records as
    /// Return-Path. None when not set: Nodemailer then takes From's, which is aligned.
    pub fn envelope_sender(&self) -> Option<String> {
        let from = self.envelope.as_ref()?.from.as_ref()?;
        from.list().into_iter().find_map(|address| {
            let parsed = match address {
                Address::Object { address, .. } => vec![crate::input::address::Parsed::Mailbox { name: String::new(), address: address.clone() }],
                Address::Text(text) => crate::input::address::parse(text),
            };
            parsed.into_iter().find_map(|p| match p {
                crate::input::address::Parsed::Mailbox { address, .. } if !address.is_empty() => {
                    Some(crate::input::address::normalize_address(&address))
                }
                _ => None,
            })
        })
    }

    /// The message Nodemailer would send, with CRLF line ends.
    pub fn render(&self) -> Result<Vec<u8>, LintError> {
        tree::render(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rendered(json: &str) -> String {
        String::from_utf8(Compose::from_json(json).unwrap().render().unwrap()).unwrap()
    }

    #[test]
    fn a_field_of_the_wrong_shape_is_named_in_the_error() {
        use crate::i18n::Locale;
        let error = |json: &str| match Compose::from_json(json) {
            Err(error @ LintError::InvalidInput(_)) => {
                let LintError::InvalidInput(invalid) = &error else { unreachable!() };
                assert!(invalid.is_worded(), "{json}: {invalid:?}");
                (error.localized(Locale::En), error.localized(Locale::Fr))
            }
            other => panic!("{other:?}"),
        };
        let (en, fr) = error(r#"{"from": 5}"#);
        assert!(en.ends_with(": from must be an address (\"Name <a@example.com>\" or { name, address }) or a list of them."), "{en}");
        assert!(fr.ends_with(" : from doit être une adresse (« Nom <a@example.com> » ou { name, address }) ou une liste d'adresses."), "{fr}");
        assert!(error(r#"{"to": [{"name": "B"}]}"#).0.contains(": to must be an address"));
        let (en, fr) = error(r#"{"subject": ["a"]}"#);
        assert!(en.ends_with(": subject is a list; it must be a text."), "{en}");
        assert!(fr.ends_with(" : subject est une liste ; il faut un texte."), "{fr}");
        let (en, _) = error(r#"{"attachments": [{"filename": "a.txt"}, {"content": 5}]}"#);
        assert!(en.ends_with(": attachments[1].content is a number (5); it must be a text, a byte array or a Buffer."), "{en}");
        let (en, _) = error(r#"{"attachments": [{"filename": ["a"]}]}"#);
        assert!(en.ends_with(": attachments[0].filename is a list; it must be a text."), "{en}");
        let (en, _) = error(r#"{"attachments": [{"headers": {"X-A": {"nope": 1}}}]}"#);
        assert!(en.contains(": attachments[0].headers.X-A must be a header value"), "{en}");
        assert!(error(r#"{"headers": {"X-A": {"nope": 1}}}"#).0.contains(": headers.X-A must be a header value"));
        assert!(error(r#"{"headers": {"X A:": {"nope": 1}}}"#).0.contains(": headers must be a header value"));
        let (en, _) = error("[1]");
        assert!(en.ends_with(": message is a list; it must be an object of message fields (from, to, subject, text, html, attachments…)."), "{en}");
        let (en, fr) = error("{\"subject\": ");
        assert_eq!(en, "The message fields are not valid: subject is not valid JSON (line 1, column 12).");
        assert_eq!(fr, "Les champs du message ne sont pas valides : subject n'est pas du JSON valide (ligne 1, colonne 12).");
        assert!(error(r#"{"envelope": {"from": 5}}"#).0.contains(": envelope.from must be an address"));
        assert!(error(r#"{"list": {"help": 5}}"#).0.contains(": list.help must be a URL"));
        assert!(error(r#"{"textEncoding": "uuencode"}"#).0.contains("textEncoding"));
        assert!(error(r#"{"alternatives": [{"content": 5}]}"#).0.contains(": alternatives[0].content is a number"));
        // Options that change nothing in the bytes are read and set aside; null is no list.
        let compose = Compose::from_json(r#"{"from": "a@example.com", "envelope": {"to": 5}, "dsn": {"notify": 1}, "attachments": null}"#).unwrap();
        assert!(compose.attachments.is_empty());
        assert_eq!(compose.notes, InputNotes::default());
    }

    #[test]
    fn text_and_html_render_as_alternative() {
        let raw = rendered(r#"{"from":"a@example.com","to":["b@example.com"],"subject":"Hi","text":"Hello","html":"<p>Hello</p>"}"#);
        assert!(raw.contains("Content-Type: multipart/alternative;"));
        assert!(raw.contains("To: b@example.com\r\n"));
    }

    #[test]
    fn a_long_recipient_list_is_folded_within_78_octets() {
        let to: Vec<String> = (0..40).map(|i| format!("\"Recipient {i}\" <recipient{i}@example.com>")).collect();
        let raw = rendered(&serde_json::json!({"from": "a@example.com", "to": to, "text": "x"}).to_string());
        assert!(raw.split("\r\n").all(|l| l.len() <= 78), "{raw}");
    }

    #[test]
    fn header_order_is_kept_as_given() {
        let raw = rendered(r#"{"from":"a@example.com","text":"x","headers":{"X-Zeta":"1","X-Alpha":"2"}}"#);
        assert!(raw.find("X-Zeta").unwrap() < raw.find("X-Alpha").unwrap());
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

    #[test]
    fn an_attached_message_is_sent_8bit_inline_as_nodemailer_sends_it() {
        let raw = rendered(r#"{"from":"a@example.com","text":"x","attachments":[{"filename":"fwd.eml","content":"Subject: Hi\r\n\r\nBody\r\n"}]}"#);
        assert!(raw.contains("Content-Type: message/rfc822; name=fwd.eml\r\nContent-Transfer-Encoding: 8bit\r\nContent-Disposition: inline; filename=fwd.eml\r\n\r\nSubject: Hi\r\n"), "{raw}");
    }

    #[test]
    fn latin1_attachment_content_is_encoded_as_latin1() {
        let raw = rendered(r#"{"from":"a@example.com","text":"x","attachments":[{"filename":"a.bin","content":"é","encoding":"latin1"}]}"#);
        assert!(raw.contains("\r\n\r\n6Q==\r\n"), "é in Latin-1 is the single byte E9: {raw}");
    }
}
