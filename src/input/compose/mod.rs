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

mod body;
mod headers;
mod mail_message;
mod tree;
mod values;

pub use body::BodyInput;
pub use mail_message::{List, ListField, ListUrl, ListValue, MAX_LIST_FIELDS, MAX_LIST_URLS};
pub use values::{number_text, HeaderValue, HeaderValues, Headers, TextOrList, MAX_HEADER_LIST_DEPTH};

use values::{FieldText, JsText, MailerText, Truthy};

use crate::input::buffer;
use crate::input::encode;
use crate::input::words::TextEncoding;
use crate::model::{InputField, InputNotes, MAX_NOTED_KEYS};
use crate::LintError;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};
use std::fmt;

/// One address: `"Name <a@b>"`, `"a@b"`, a comma-separated list, `{ name, address }`,
/// or a group object `{ name, group: [...] }`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged, expecting = "an address: \"Name <a@example.com>\" or { name, address }")]
pub enum Address {
    Text(String),
    Object {
        #[serde(default)]
        name: Option<String>,
        address: String,
    },
    /// An address object with no address: an address group, the shape
    /// Nodemailer's addressparser gives for `Team: a@b, c@d;` and its types
    /// declare (Nodemailer 10's `MimeNodeAddress`, whose `address` is optional
    /// beside `group`; @types/nodemailer's `addressparser.Group`), or a name
    /// alone. Nodemailer sends none of it: mime-node `_parseAddresses` keeps an
    /// object only when its `address` is set, and hands any other to
    /// addressparser, which reads it as the text `[object Object]`, a mailbox
    /// with no address that `_convertAddresses` drops. So it is rendered as
    /// nothing, neither in the field nor in the envelope (Nodemailer 7.0.13 and
    /// 10.6.1 alike), and the `headers/compose-option` note says so. A group
    /// given as text (`to: 'Team: a@b, c@d;'`) is written as RFC 5322 §3.4
    /// group syntax, `Team:a@b, c@d;`. An `address` of another kind than a text
    /// (a number) stays refused: Nodemailer would fail on it.
    NoAddress {
        #[serde(default)]
        name: Option<String>,
        #[serde(default)]
        group: Option<Vec<Address>>,
        /// Absent or `null` only (`()` reads nothing else).
        #[serde(default)]
        address: Option<()>,
    },
}

impl Address {
    /// The bytes of its texts (names, addresses, members), for `input_size`.
    fn size(&self) -> usize {
        match self {
            Address::Text(t) => t.len(),
            Address::Object { name, address } => name.as_ref().map_or(0, String::len) + address.len(),
            Address::NoAddress { name, group, .. } => {
                name.as_ref().map_or(0, String::len) + group.iter().flatten().map(Address::size).sum::<usize>()
            }
        }
    }
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
                // Not sent (`Address::NoAddress`): nothing of it reaches a header.
                Address::NoAddress { .. } => String::new(),
            })
            .filter(|given| !given.is_empty())
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
    /// A Node Buffer (or a byte list, or a Buffer's JSON).
    Bytes(Vec<u8>),
    /// A byte view that is not a Buffer (a plain `Uint8Array`), which the
    /// package hands over as `{"type":"Uint8Array","data":…}`: mime-node's
    /// `getTransferEncoding` cannot look into it (`content instanceof Buffer`
    /// is false), so a text part of it is quoted-printable, or base64 with
    /// `textEncoding: 'base64'`, never 7bit; the bytes are sent as they are.
    View(Vec<u8>),
}

/// The `type` that marks a byte view that is not a Buffer (`Content::View`).
pub const VIEW_TYPE: &str = "Uint8Array";

/// The `data` of a byte object (`{ type, data }`): a byte list (a Buffer's
/// JSON) or bytes (a `Uint8Array`, read whole rather than byte by byte).
pub(crate) struct Data(pub Vec<u8>);

impl<'de> Deserialize<'de> for Data {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Data, D::Error> {
        struct DataVisitor;
        impl<'de> Visitor<'de> for DataVisitor {
            type Value = Data;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a byte array")
            }
            fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<Data, E> {
                Ok(Data(v.to_vec()))
            }
            fn visit_byte_buf<E: de::Error>(self, v: Vec<u8>) -> Result<Data, E> {
                Ok(Data(v))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Data, A::Error> {
                Deserialize::deserialize(de::value::SeqAccessDeserializer::new(seq)).map(Data)
            }
        }
        deserializer.deserialize_any(DataVisitor)
    }
}

/// The `type` of a byte object when it is a text (anything else is no type).
pub(crate) struct Kind(pub Option<String>);

impl<'de> Deserialize<'de> for Kind {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Kind, D::Error> {
        struct KindVisitor;
        impl<'de> Visitor<'de> for KindVisitor {
            type Value = Kind;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("any value")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Kind, E> {
                Ok(Kind(Some(v.to_string())))
            }
            fn visit_bool<E: de::Error>(self, _: bool) -> Result<Kind, E> {
                Ok(Kind(None))
            }
            fn visit_i64<E: de::Error>(self, _: i64) -> Result<Kind, E> {
                Ok(Kind(None))
            }
            fn visit_u64<E: de::Error>(self, _: u64) -> Result<Kind, E> {
                Ok(Kind(None))
            }
            fn visit_f64<E: de::Error>(self, _: f64) -> Result<Kind, E> {
                Ok(Kind(None))
            }
            fn visit_unit<E: de::Error>(self) -> Result<Kind, E> {
                Ok(Kind(None))
            }
            fn visit_bytes<E: de::Error>(self, _: &[u8]) -> Result<Kind, E> {
                Ok(Kind(None))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Kind, A::Error> {
                while seq.next_element::<de::IgnoredAny>()?.is_some() {}
                Ok(Kind(None))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Kind, A::Error> {
                while map.next_entry::<de::IgnoredAny, de::IgnoredAny>()?.is_some() {}
                Ok(Kind(None))
            }
        }
        deserializer.deserialize_any(KindVisitor)
    }
}

impl Content {
    /// A byte object's content: a view when its `type` says so, else a Buffer's bytes.
    pub(crate) fn of_data(kind: Option<&str>, data: Vec<u8>) -> Content {
        if kind == Some(VIEW_TYPE) { Content::View(data) } else { Content::Bytes(data) }
    }
}

impl Content {
    fn len(&self) -> usize {
        match self {
            Content::Text(t) => t.len(),
            Content::Bytes(b) | Content::View(b) => b.len(),
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
    fn as_bytes(&self) -> &[u8] {
        match self {
            Content::Text(text) => text.as_bytes(),
            Content::Bytes(bytes) | Content::View(bytes) => bytes,
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
                let (mut data, mut kind) = (None, None);
                while let Some(key) = map.next_key::<String>()? {
                    match key.as_str() {
                        "data" => data = Some(map.next_value::<Data>()?.0),
                        "type" => kind = map.next_value::<Kind>()?.0,
                        _ => {
                            map.next_value::<de::IgnoredAny>()?;
                        }
                    }
                }
                // A stream, `{ content }` or any other object: Nodemailer would pipe
                // or fail on it; the engine reads only bytes and texts.
                data.map(|data| Content::of_data(kind.as_deref(), data))
                    .ok_or_else(|| de::Error::custom(crate::error::UNREADABLE_CONTENT))
            }
        }
        deserializer.deserialize_any(ContentVisitor)
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
    /// `filename: false`: an attachment sent with no file name (Nodemailer's
    /// mail-composer `getAttachments` draws one from the path or
    /// `attachment-N.ext` only when `filename !== false`).
    #[serde(skip)]
    pub filename_off: bool,
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
            read_part_field(&mut map, key, &mut part, self.ical)?;
        }
        read_data_url(&mut part);
        Ok(part)
    }
}

/// Nodemailer's `_processDataUrl` (mail-composer, run on every attachment and
/// alternative before its part is built; `parseDataURI` in lib/shared, 7.0.13):
/// a `path` (else `href`) starting `data:` and holding a comma becomes the part's
/// content, decoded as base64 when the last `;` entry before the comma is
/// `base64` (Node's lenient decoder), else percent-decoded as
/// `decodeURIComponent` does (the text as written when that would throw); its
/// media type (the first entry, `application/octet-stream` when empty) becomes
/// `contentType` when none is given; `path` and `href` are then no more.
/// Anything else (`DATA:`, no comma) stays a path or URL the engine cannot read.
/// Nodemailer's own bound (a data URL over 50 MB is sent empty) is never reached:
/// the input, URL included, is at most `MAX_INPUT_BYTES` (32 MiB), and the
/// decoded content is never longer than the URL.
fn read_data_url(part: &mut Attachment) {
    let source = match (&part.path, &part.href) {
        (Some(path), _) if !path.is_empty() => path,
        (_, Some(href)) => href,
        _ => return,
    };
    let Some(rest) = source.strip_prefix("data:") else { return };
    let Some((meta, data)) = rest.split_once(',') else { return };
    let mut entries: Vec<&str> = meta.split(';').collect();
    let js_trim = |s: &str| s.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}').to_lowercase();
    let base64 = match entries.last().map(|last| js_trim(last)) {
        Some(last) if matches!(last.as_str(), "base64" | "utf8" | "utf-8") => {
            entries.pop();
            last == "base64"
        }
        _ => false,
    };
    let media_type = entries.first().copied().filter(|t| !t.is_empty()).unwrap_or("application/octet-stream");
    let bytes = if base64 { encode::base64_decode_lenient(data) } else { decode_uri_component(data) };
    part.content = Some(Content::Bytes(bytes));
    if part.content_type.as_deref().is_none_or(str::is_empty) {
        part.content_type = Some(media_type.to_string());
    }
    part.path = None;
    part.href = None;
}

/// `Buffer.from(decodeURIComponent(text))`, or `Buffer.from(text)` where
/// decodeURIComponent throws (a `%` without two hex digits after it, escapes
/// that are not UTF-8).
fn decode_uri_component(text: &str) -> Vec<u8> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = bytes.get(i + 1..i + 3).and_then(|h| std::str::from_utf8(h).ok()).and_then(|h| u8::from_str_radix(h, 16).ok());
            match hex {
                Some(byte) if bytes[i + 1].is_ascii_hexdigit() && bytes[i + 2].is_ascii_hexdigit() => {
                    out.push(byte);
                    i += 3;
                }
                _ => return bytes.to_vec(),
            }
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    if std::str::from_utf8(&out).is_ok() { out } else { bytes.to_vec() }
}

/// One field of a part (`key`), into `part`; a key none of Nodemailer's is
/// kept in `part.unknown`. `ical`: `method` is a field.
fn read_part_field<'de, A: MapAccess<'de>>(map: &mut A, key: String, part: &mut Attachment, ical: bool) -> Result<(), A::Error> {
    match key.as_str() {
        "filename" => {
            let FileName(name) = field(map, &key)?;
            part.filename_off = name == Some(None);
            part.filename = name.flatten();
        }
        "content" => part.content = field(map, &key)?,
        "encoding" => part.encoding = field(map, &key)?,
        "contentType" => part.content_type = field(map, &key)?,
        "cid" => part.cid = field(map, &key)?,
        "contentDisposition" => part.content_disposition = field(map, &key)?,
        "headers" => part.headers = field(map, &key)?,
        "path" => part.path = field(map, &key)?,
        "href" => part.href = field(map, &key)?,
        "raw" => part.raw = field(map, &key)?,
        // Given as `null`, it is given (no field), not absent.
        "contentTransferEncoding" => part.content_transfer_encoding = Some(field(map, &key)?),
        "method" if ical => part.method = field(map, &key)?,
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
    Ok(())
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

/// A part's `filename` as Nodemailer takes it: a text, `false` (no file name:
/// `Some(None)`), or null (absent: `None`). `true` is refused, as any other value.
struct FileName(Option<Option<String>>);

impl<'de> Deserialize<'de> for FileName {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<FileName, D::Error> {
        Ok(FileName(match deserializer.deserialize_any(TextOrFalseVisitor { true_is_text: false })? {
            TextOrFalse::Absent => None,
            TextOrFalse::False => Some(None),
            TextOrFalse::Text(name) => Some(Some(name)),
        }))
    }
}

impl<'de> Deserialize<'de> for TransferEncoding {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<TransferEncoding, D::Error> {
        Ok(TransferEncoding(match deserializer.deserialize_any(TextOrFalseVisitor { true_is_text: true })? {
            TextOrFalse::Text(encoding) if !encoding.is_empty() => Some(encoding),
            _ => None,
        }))
    }
}

/// A field Nodemailer takes as "a text or false": absent (null or undefined),
/// `false`, or a text.
enum TextOrFalse {
    Absent,
    False,
    Text(String),
}

/// Reads [`TextOrFalse`]. What `true` means differs by field: mail-composer
/// sets a transfer encoding given as `true` as the field's value, which
/// mime-node reads back with `toString()` as the text "true"; a file name
/// `true` is no name Nodemailer writes, and is refused.
struct TextOrFalseVisitor {
    true_is_text: bool,
}

impl<'de> Visitor<'de> for TextOrFalseVisitor {
    type Value = TextOrFalse;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a text or false")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<TextOrFalse, E> {
        Ok(TextOrFalse::Text(v.to_string()))
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<TextOrFalse, E> {
        match (v, self.true_is_text) {
            (false, _) => Ok(TextOrFalse::False),
            (true, true) => Ok(TextOrFalse::Text("true".to_string())),
            (true, false) => Err(de::Error::invalid_type(de::Unexpected::Bool(v), &self)),
        }
    }
    fn visit_unit<E: de::Error>(self) -> Result<TextOrFalse, E> {
        Ok(TextOrFalse::Absent)
    }
    fn visit_none<E: de::Error>(self) -> Result<TextOrFalse, E> {
        Ok(TextOrFalse::Absent)
    }
}

impl TransferEncoding {
    /// The field's value: given and true to JavaScript, else none.
    pub fn given(encoding: Option<&TransferEncoding>) -> Option<String> {
        encoding.and_then(|e| e.0.clone())
    }
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
    /// Whether `to`, `cc` or `bcc` holds an address: with an `envelope`, these
    /// alone are the recipients (mime-node `setEnvelope`; the fields' are not read).
    #[serde(skip)]
    pub has_recipient: bool,
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
                    if matches!(key.as_str(), "to" | "cc" | "bcc") {
                        // Any other value (a number, `true`) is read by addressparser as a text with no address.
                        if let Some(EnvelopeRecipients::Addresses(list)) = field::<_, Option<EnvelopeRecipients>>(&mut map, &key)? {
                            envelope.has_recipient |= holds_address(&list);
                        }
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

/// `envelope.to`, `cc` or `bcc`: addresses, or any other value, which holds none.
#[derive(Deserialize)]
#[serde(untagged)]
enum EnvelopeRecipients {
    Addresses(Addresses),
    #[allow(dead_code)]
    Other(de::IgnoredAny),
}

/// Whether `list` holds an address Nodemailer sends to: mime-node
/// `_convertAddresses` keeps a mailbox only with its address, a group's members alike.
fn holds_address(list: &Addresses) -> bool {
    fn any(parsed: &[crate::input::address::Parsed]) -> bool {
        parsed.iter().any(|p| match p {
            crate::input::address::Parsed::Mailbox { address, .. } => !address.is_empty(),
            crate::input::address::Parsed::Group { members, .. } => any(members),
        })
    }
    list.list().into_iter().any(|address| match address {
        Address::Object { address, .. } => !address.is_empty(),
        // addressparser keeps no address without an `@` (`<abc>` is a name): such a
        // text is not parsed again (a header of 4 million `a,` had doubled its time).
        Address::Text(text) => memchr::memchr(b'@', text.as_bytes()).is_some() && any(&crate::input::address::parse(text)),
        Address::NoAddress { .. } => false,
    })
}

/// A custom header field Nodemailer reads recipients from (mime-node `getEnvelope`).
fn is_recipient_header(name: &str) -> bool {
    ["to", "cc", "bcc"].iter().any(|n| name.trim().eq_ignore_ascii_case(n))
}

/// The message Nodemailer would send for compose fields.
pub struct Rendered {
    /// The bytes, with CRLF line ends.
    pub bytes: Vec<u8>,
    /// They are bytes the script gave, sent as they are: `raw`, or a raw
    /// part that is the only part. Nodemailer adds no field to them (not
    /// Date, not Message-ID), and the fields given beside are not in them.
    pub as_given: bool,
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
/// `data-stream.js`); and the options of `sendMail` beside the message's
/// (Nodemailer 10's `SendMailOptions`, lib/mailer/mail-message.d.ts): `auth` (a
/// login for this message, smtp-transport `getAuth`), `requireTLSExtensionEnabled`
/// (RFC 8689 REQUIRETLS on MAIL FROM), `ses` (the SES request's own parameters),
/// `signal` (an AbortSignal that stops the send) and `maxRecipients` (a send over
/// it fails before any byte is sent, mailer `sendMail`).
const NO_CHANGE_IN_BYTES: &[&str] = &[
    "dsn", "disableFileAccess", "disableUrlAccess", "newline", "auth", "requireTLSExtensionEnabled", "ses", "signal",
    "maxRecipients",
];

/// Nodemailer message options that change the bytes sent but that the
/// rendering leaves out, noted (`headers/compose-option`) when set: `dkim`
/// (Nodemailer signs the message: a DKIM-Signature field), `attachDataUrls`
/// (inline `data:` images become attachments), `normalizeHeaderKey` (a
/// function renaming every field), `otp` (Nodemailer 10 writes an `OTP-Token`
/// field from it, draft-goto-otp-token, mail-composer `formatOtpToken`, and
/// refuses an origin that is no https URL; Nodemailer 7 ignores it).
const NOT_RENDERED: &[&str] = &["dkim", "attachDataUrls", "normalizeHeaderKey", "otp"];

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
    /// Texts of a field each (a number as JavaScript writes it: `values::JsText`).
    pub in_reply_to: Option<String>,
    pub references: Option<TextOrList>,
    pub subject: Option<String>,
    pub text: Option<BodyInput>,
    pub html: Option<BodyInput>,
    /// The Apple Watch version (`text/watch-html`).
    pub watch_html: Option<BodyInput>,
    /// The AMP for Email version (`text/x-amp-html`).
    pub amp: Option<BodyInput>,
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
    /// The X-Mailer field (`false`, the default, for none).
    pub x_mailer: Option<String>,
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
                        "from" => set(&mut map, &key, &mut c.from)?,
                        "sender" => set(&mut map, &key, &mut c.sender)?,
                        "to" => set(&mut map, &key, &mut c.to)?,
                        "cc" => set(&mut map, &key, &mut c.cc)?,
                        "bcc" => set(&mut map, &key, &mut c.bcc)?,
                        "replyTo" => set(&mut map, &key, &mut c.reply_to)?,
                        "inReplyTo" => c.in_reply_to = field::<_, Option<FieldText>>(&mut map, &key)?.map(|t| t.0),
                        "references" => set(&mut map, &key, &mut c.references)?,
                        "subject" => c.subject = field::<_, Option<FieldText>>(&mut map, &key)?.map(|t| t.0),
                        "text" => set(&mut map, &key, &mut c.text)?,
                        "html" => set(&mut map, &key, &mut c.html)?,
                        "watchHtml" => set(&mut map, &key, &mut c.watch_html)?,
                        "amp" => set(&mut map, &key, &mut c.amp)?,
                        "icalEvent" => set(&mut map, &key, &mut c.ical_event)?,
                        "headers" => set(&mut map, &key, &mut c.headers)?,
                        "attachments" => c.attachments = list_field(&mut map, &key)?,
                        "alternatives" => c.alternatives = list_field(&mut map, &key)?,
                        // mime-node writes a date that is no Date object as text
                        // (`(value || '').toString()`): `1700000000000` is sent as is.
                        "date" => c.date = field::<_, Option<FieldText>>(&mut map, &key)?.map(|t| t.0),
                        "messageId" => c.message_id = field::<_, Option<FieldText>>(&mut map, &key)?.map(|t| t.0),
                        "list" => set(&mut map, &key, &mut c.list)?,
                        "priority" => c.priority = field::<_, Option<JsText>>(&mut map, &key)?.map(|t| t.0),
                        "xMailer" => c.x_mailer = field::<_, Option<MailerText>>(&mut map, &key)?.map(|t| t.0),
                        "encoding" => set(&mut map, &key, &mut c.encoding)?,
                        "textEncoding" => c.text_encoding = text_encoding_option(&mut map)?,
                        "raw" => set(&mut map, &key, &mut c.raw)?,
                        "baseBoundary" => set(&mut map, &key, &mut c.base_boundary)?,
                        "boundaryPrefix" => set(&mut map, &key, &mut c.boundary_prefix)?,
                        "envelope" => set(&mut map, &key, &mut c.envelope)?,
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
                } else {
                    c.notes.unsubscribe_post =
                        c.list.iter().flat_map(List::unsubscribe_post).map(|(key, field)| (format!("list.{key}"), field)).collect();
                    c.note_address_groups();
                }
                c.note_nested_unknown();
                if c.recipient_meant() && !c.has_recipient() {
                    c.notes.no_recipient =
                        Some(if c.envelope.is_some() { "envelope.to, envelope.cc, envelope.bcc" } else { "to, cc, bcc" });
                }
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
    "disableUrlAccess", "newline", "dkim", "attachDataUrls", "normalizeHeaderKey", "otp", "auth",
    "requireTLSExtensionEnabled", "ses", "signal", "maxRecipients",
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

/// `field` into `slot`. The value's temporaries (a part, a body, an event are
/// hundreds of bytes) stay in this call's frame, not in the compose visitor's,
/// under which another field's nested value recurses once per level of its
/// nesting (tests/deep_json.rs reads 128 levels on a 256 KB stack).
fn set<'de, A: MapAccess<'de>, T: Deserialize<'de>>(map: &mut A, key: &str, slot: &mut T) -> Result<(), A::Error> {
    *slot = field(map, key)?;
    Ok(())
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
        for (name, body) in self.bodies() {
            if let Some(BodyInput::Part(part)) = body {
                found.extend(part.unknown.iter().map(|key| (format!("{name}.{key}"), PART_KEYS)));
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

    /// The address objects with no address (groups), by path (`to`, `cc[1]`),
    /// which Nodemailer sends to no one (`Address::NoAddress`): the first `MAX_NOTED_KEYS`.
    fn note_address_groups(&mut self) {
        let envelope_from = self.envelope.as_ref().and_then(|envelope| envelope.from.as_ref());
        let fields = [
            ("from", self.from.as_ref()), ("sender", self.sender.as_ref()), ("to", self.to.as_ref()), ("cc", self.cc.as_ref()),
            ("bcc", self.bcc.as_ref()), ("replyTo", self.reply_to.as_ref()), ("envelope.from", envelope_from),
        ];
        let mut found = Vec::new();
        for (name, addresses) in fields {
            match addresses {
                Some(Addresses::One(Address::NoAddress { .. })) => found.push(name.to_string()),
                Some(Addresses::Many(list)) => found.extend(
                    list.iter().enumerate().filter(|(_, a)| matches!(a, Address::NoAddress { .. })).map(|(i, _)| format!("{name}[{i}]")),
                ),
                _ => {}
            }
        }
        found.truncate(MAX_NOTED_KEYS);
        self.notes.address_groups = found;
    }

    /// The four bodies by their option's name, in the order mail-composer
    /// `getAlternatives` makes their parts (text, watchHtml, amp, html).
    pub fn bodies(&self) -> [(&'static str, Option<&BodyInput>); 4] {
        [("text", self.text.as_ref()), ("watchHtml", self.watch_html.as_ref()), ("amp", self.amp.as_ref()), ("html", self.html.as_ref())]
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
            &self.subject, &self.in_reply_to, &self.date, &self.message_id, &self.priority, &self.x_mailer,
            &self.encoding, &self.base_boundary, &self.boundary_prefix,
        ]
        .into_iter()
        .flatten()
        .map(String::len)
        .sum();
        let bodies: usize = self.bodies().into_iter().filter_map(|(_, body)| body).map(BodyInput::size).sum();
        let addresses: usize = [&self.from, &self.sender, &self.to, &self.cc, &self.bcc, &self.reply_to]
            .into_iter()
            .flatten()
            .flat_map(Addresses::list)
            .map(Address::size)
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
        let part_headers: usize = self
            .attachments
            .iter()
            .chain(&self.alternatives)
            .flat_map(|a| a.headers.iter().flat_map(Headers::pairs))
            .map(|(k, v, _)| k.len() + v.len())
            .sum();
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
        texts + bodies + addresses + references + names + part_headers + contents + ical + headers + list + raw
    }

    /// The counts beyond which the input is refused (`MAX_ALTERNATIVES`,
    /// `MAX_LIST_FIELDS`, `MAX_LIST_URLS`), checked before rendering.
    pub fn check_bounds(&self) -> Result<(), LintError> {
        use crate::error::What;
        if self.alternatives.len() > MAX_ALTERNATIVES {
            return Err(LintError::input("alternatives", What::TooMany { count: self.alternatives.len(), max: MAX_ALTERNATIVES }));
        }
        match self.list.as_ref().and_then(List::beyond_bounds) {
            Some((path, count, max)) => Err(LintError::input(path, What::TooMany { count, max })),
            None => Ok(()),
        }
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
            push(&format!("header:{key}"), value.to_string(), written_as_given);
        }
        if let Some(text) = self.x_mailer.as_ref().filter(|t| !t.is_empty()) {
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


    /// The SMTP envelope sender set by `envelope.from` (its first address, as
    /// mime-node `setEnvelope` takes it): what a receiver records as
    /// Return-Path. None when not set: Nodemailer then takes From's, which is aligned.
    pub fn envelope_sender(&self) -> Option<String> {
        let from = self.envelope.as_ref()?.from.as_ref()?;
        from.list().into_iter().find_map(|address| {
            let parsed = match address {
                Address::Object { address, .. } => vec![crate::input::address::Parsed::Mailbox { name: String::new(), address: address.clone() }],
                Address::Text(text) => crate::input::address::parse(text),
                Address::NoAddress { .. } => Vec::new(),
            };
            parsed.into_iter().find_map(|p| match p {
                crate::input::address::Parsed::Mailbox { address, .. } if !address.is_empty() => {
                    Some(crate::input::address::normalize_address(&address))
                }
                _ => None,
            })
        })
    }

    /// Whether the SMTP envelope Nodemailer makes holds a recipient: those of
    /// `envelope` when it is given (mime-node `setEnvelope`), else the addresses
    /// of To, Cc and Bcc, custom `headers` of those names included (mime-node
    /// `getEnvelope`, over the node's fields). With none, its SMTP connection
    /// refuses the message before a byte is sent: "No recipients defined"
    /// (`EENVELOPE`, smtp-connection `_setEnvelope`).
    fn has_recipient(&self) -> bool {
        if let Some(envelope) = &self.envelope {
            return envelope.has_recipient;
        }
        self.field_recipients()
    }

    /// Whether the script meant the message for someone: a recipient option
    /// given, or an `envelope`. With neither the message is a draft without
    /// recipients, said by the missing To alone. `raw` alone is not counted,
    /// though Nodemailer reads no recipient from it (the raw message is not
    /// parsed): `{ raw }` is how a message's bytes are handed to the engine as
    /// compose input (the Nodemailer plugin, streams), its envelope elsewhere.
    fn recipient_meant(&self) -> bool {
        self.envelope.is_some()
            || [&self.to, &self.cc, &self.bcc].into_iter().flatten().any(Addresses::is_given)
            || self.headers.iter().flat_map(Headers::pairs).any(|(name, _, _)| is_recipient_header(name))
    }

    /// Whether To, Cc or Bcc, custom `headers` of those names included, holds an address.
    fn field_recipients(&self) -> bool {
        [&self.to, &self.cc, &self.bcc].into_iter().flatten().any(holds_address)
            || self.headers.iter().flat_map(Headers::pairs).any(|(name, value, _)| {
                is_recipient_header(name) && holds_address(&Addresses::One(Address::Text(value.to_string())))
            })
    }

    /// The message Nodemailer would send, with CRLF line ends.
    pub fn render(&self) -> Result<Vec<u8>, LintError> {
        tree::render(self).map(|rendered| rendered.bytes)
    }

    /// The message Nodemailer would send, and whether it is given bytes sent as
    /// they are (`Rendered::as_given`).
    pub fn rendered(&self) -> Result<Rendered, LintError> {
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
        assert!(error(r#"{"to": [{"name": "B", "address": 5}]}"#).0.contains(": to must be an address"));
        let (en, fr) = error(r#"{"subject": ["a"]}"#);
        assert!(en.ends_with(": subject is a list; it must be a text (Nodemailer writes no field for a list or an object)."), "{en}");
        assert!(fr.ends_with(" : subject est une liste ; il faut un texte (Nodemailer n'écrit aucun champ pour une liste ou un objet)."), "{fr}");
        let (en, _) = error(r#"{"attachments": [{"filename": "a.txt"}, {"content": 5}]}"#);
        assert!(en.ends_with(": attachments[1].content is a number (5); it must be a text, a byte array or a Buffer."), "{en}");
        let (en, _) = error(r#"{"attachments": [{"filename": ["a"]}]}"#);
        assert!(en.ends_with(": attachments[0].filename is a list; it must be a text or false."), "{en}");
        let (en, _) = error(r#"{"attachments": [{"headers": {"X-A": {"value": {"a": 1}}}}]}"#);
        assert!(en.ends_with(": attachments[0].headers.X-A.value is an object; it must be a text."), "{en}");
        assert!(error(r#"{"headers": {"X-A": "a\u0000", "X-B": {"value": [1]}}}"#).0.contains(": headers.X-B.value is a list"));
        let (en, _) = error(r#"{"headers": {"X A:": {"value": [1]}}}"#);
        assert!(en.contains(": headers.value is a list"), "{en}");
        let (en, _) = error("[1]");
        assert!(en.ends_with(": message is a list; it must be an object of message fields (from, to, subject, text, html, attachments…)."), "{en}");
        let (en, fr) = error("{\"subject\": ");
        assert_eq!(en, "The message fields are not valid: subject is not valid JSON (line 1, column 12).");
        assert_eq!(fr, "Les champs du message ne sont pas valides : subject n'est pas du JSON valide (ligne 1, colonne 12).");
        assert!(error(r#"{"envelope": {"from": 5}}"#).0.contains(": envelope.from must be an address"));
        assert!(error(r#"{"list": {"help": {"url": 5}}}"#).0.ends_with(": list.help.url is a number (5); it must be a text."));
        assert!(error(r#"{"list": "x"}"#).0.contains(": list is a text"));
        assert!(error(r#"{"textEncoding": "uuencode"}"#).0.contains("textEncoding"));
        assert!(error(r#"{"alternatives": [{"content": 5}]}"#).0.contains(": alternatives[0].content is a number"));
        // Options that change nothing in the bytes are read and set aside; null is no list.
        let compose = Compose::from_json(r#"{"from": "a@example.com", "envelope": {"to": 5}, "dsn": {"notify": 1}, "attachments": null}"#).unwrap();
        assert!(compose.attachments.is_empty());
        // An envelope whose to is no address has no recipient (Nodemailer: "No recipients defined").
        assert_eq!(compose.notes, InputNotes { no_recipient: Some("envelope.to, envelope.cc, envelope.bcc"), ..InputNotes::default() });
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
