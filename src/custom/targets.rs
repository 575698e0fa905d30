//! What a custom rule reads: the values of its target, taken from the analysed
//! message once per message (only the targets some rule reads), each with where
//! it is in the message so a finding can point at the bytes.
//!
//! The reads of the HTML analysis (visible text, link targets) go through
//! `visible_text_of` and `link_targets_of` only.

use super::limits::{MAX_FULL_BYTES, MAX_RAWBODY_PART_BYTES};
use super::paragraphs::{body_paragraphs, rendered_parts, sa_body_lines, sa_chunks};
use super::text_links::{written_addresses, written_urls};
pub use crate::options::custom::Target;
use crate::model::{HtmlBody, Message};
use std::borrow::Cow;
use std::ops::Range;


impl Target {
    pub fn key(self) -> &'static str {
        match self {
            Target::Header => "header",
            Target::Subject => "subject",
            Target::From => "from",
            Target::Body => "body",
            Target::Rawbody => "rawbody",
            Target::Uri => "uri",
            Target::Filename => "filename",
            Target::Full => "full",
        }
    }
}

/// A SpamAssassin header modifier (`From:addr`, `Subject:raw`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Modifier {
    /// The addresses of an address field.
    Addr,
    /// The display names of an address field.
    Name,
}

/// Where values come from: a target of `customRules`, or a SpamAssassin rule
/// type with SpamAssassin's way of building its text. Rules with the same
/// source share one `RegexSet`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Source {
    /// `customRules` target other than `header`.
    Custom(Target),
    /// `customRules` `header`: each occurrence of the field (lowercase name).
    Field(String),
    /// SpamAssassin `header`: every occurrence, joined by line breaks (`PerMsgStatus::get`).
    SaHeader { field: String, raw: bool, modifier: Option<Modifier>, occurrence: Occurrence },
    /// SpamAssassin `body`: the subject then the rendered text, one paragraph a line.
    SaBody { subject: bool },
    /// SpamAssassin `rawbody`: decoded text parts in chunks (`split_into_array_of_short_paragraphs`).
    SaRawbody,
}

/// Which occurrences of a field a SpamAssassin header rule reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Occurrence {
    All,
    First,
    Last,
}

/// Where a value lies in the message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// A top-level header field (index in `Message::header.fields`).
    Field(usize),
    /// Several header fields joined, or a header field's derived value: each
    /// field (index in `Message::header.fields`) with the byte offset in the
    /// value where its text starts, in order; a match is in the last field
    /// starting at or before it.
    Fields(Vec<(usize, usize)>),
    /// A MIME part (its encoded body is searched for the match).
    Part(usize),
    /// The value is `raw[start..]` itself.
    Raw(usize),
    /// Nowhere in particular (the subject line SpamAssassin puts before the body).
    Message,
}

impl Place {
    /// The header field (index) holding byte `offset` of the value, for a value of header fields.
    pub fn field_at(&self, offset: usize) -> Option<usize> {
        match self {
            Place::Field(index) => Some(*index),
            Place::Fields(fields) => {
                fields.iter().rev().find(|(start, _)| *start <= offset).or(fields.first()).map(|&(_, index)| index)
            }
            _ => None,
        }
    }
}

/// One value of a target.
#[derive(Debug, Clone)]
pub struct Value<'m> {
    pub text: Cow<'m, [u8]>,
    pub place: Place,
}

impl<'m> Value<'m> {
    pub fn new(text: impl Into<Cow<'m, [u8]>>, place: Place) -> Value<'m> {
        Value { text: text.into(), place }
    }
}

/// The visible text of an HTML body (model accessor).
pub fn visible_text_of(html: &HtmlBody) -> &str {
    &html.facts.visible_text
}

/// Every URL an HTML body points at: link targets, then image sources (model accessor).
pub fn link_targets_of(html: &HtmlBody) -> impl Iterator<Item = &str> + '_ {
    html.facts.links.iter().map(|l| l.href.as_str()).chain(html.facts.images.iter().map(|i| i.src.as_str()))
}

/// Decoded values of the top-level header fields (RFC 2047 words decoded,
/// folds removed), by field index. The model keeps the decoded text of the
/// Subject only; the others are decoded here, once per message, when a rule reads headers.
pub fn decoded_fields(message: &Message) -> Vec<Option<String>> {
    let block = &message.header;
    let mut decoded = vec![None; block.fields.len()];
    let Some(bytes) = message.raw.get(block.start..block.body_start.min(message.raw.len())) else {
        return decoded;
    };
    // Every field as unstructured text: a parser with no field of its own
    // falls back to its built-in parsers, so one field is named.
    let parser = mail_parser::MessageParser::new().header_text(mail_parser::HeaderName::Subject).default_header_text();
    let Some(parsed) = parser.parse_headers(bytes) else {
        return decoded;
    };
    for header in parsed.headers() {
        let start = block.start + header.offset_field as usize;
        if let Some(index) = block.fields.iter().position(|f| f.start == start) {
            decoded[index] = header.value.as_text().map(str::to_string);
        }
    }
    decoded
}

/// The values of `source` in `message`; an empty list when the target is absent.
pub fn values<'m>(
    source: &Source,
    message: &'m Message,
    decoded: &[Option<String>],
    filenames: &[(usize, String)],
) -> Vec<Value<'m>> {
    match source {
        Source::Field(name) => field_values(message, decoded, name),
        Source::Custom(Target::Header) => Vec::new(),
        Source::Custom(Target::Subject) => subject_values(message),
        Source::Custom(Target::From) => from_values(message, decoded),
        Source::Custom(Target::Body) => body_paragraphs(message),
        Source::Custom(Target::Rawbody) => rawbody_values(message, false),
        Source::Custom(Target::Uri) => uri_values(message),
        Source::Custom(Target::Filename) => {
            filenames.iter().map(|(part, name)| Value::new(name.clone().into_bytes(), Place::Part(*part))).collect()
        }
        // The message without an mbox envelope line, which is no part of it (SpamAssassin drops it too).
        Source::Custom(Target::Full) => {
            let content = message.content();
            vec![Value::new(&content[..content.len().min(MAX_FULL_BYTES)], Place::Raw(message.content_start))]
        }
        Source::SaHeader { field, raw, modifier, occurrence } => {
            super::sa_headers::values(message, field, *raw, *modifier, *occurrence).into_iter().collect()
        }
        Source::SaBody { subject } => sa_body_lines(message, *subject),
        Source::SaRawbody => rawbody_values(message, true),
    }
}

/// Each occurrence of a field, decoded, and as written when that differs.
fn field_values<'m>(message: &'m Message, decoded: &[Option<String>], name: &str) -> Vec<Value<'m>> {
    let mut out = Vec::new();
    for (index, field) in message.header.fields.iter().enumerate().filter(|(_, f)| f.is(name)) {
        let written = field.unfolded_value(message.raw);
        let shown = decoded.get(index).cloned().flatten();
        if let Some(shown) = shown.filter(|d| *d != written) {
            out.push(Value::new(shown.into_bytes(), Place::Field(index)));
        }
        out.push(Value::new(written.into_bytes(), Place::Field(index)));
    }
    out
}

fn subject_values<'m>(message: &'m Message) -> Vec<Value<'m>> {
    message.subject.iter().map(|s| Value::new(s.clone().into_bytes(), subject_place(message))).collect()
}

/// The Subject field, where a match in the decoded subject is sought.
pub fn subject_place(message: &Message) -> Place {
    let field = message.header.fields.iter().position(|f| f.is("Subject"));
    field.map_or(Place::Message, |index| Place::Fields(vec![(0, index)]))
}

/// The From field decoded, then each address alone (`local@domain`).
fn from_values<'m>(message: &'m Message, decoded: &[Option<String>]) -> Vec<Value<'m>> {
    let mut out = Vec::new();
    for (index, field) in message.header.fields.iter().enumerate().filter(|(_, f)| f.is("From")) {
        let text = decoded.get(index).cloned().flatten().unwrap_or_else(|| field.unfolded_value(message.raw));
        out.push(Value::new(text.into_bytes(), Place::Field(index)));
        if let Some(list) = message.addresses_of(field) {
            let value = field.raw_value(message.raw);
            for mailbox in &list.mailboxes {
                let address = value.get(mailbox.addr_spec.0..mailbox.addr_spec.1).unwrap_or_default();
                out.push(Value::new(address.to_vec(), Place::Field(index)));
            }
        }
    }
    out
}

/// Decoded text parts, markup kept. SpamAssassin's form (`sa`) takes the
/// `text/*` leaves but `text/calendar`, in chunks of 2 to 4 KB cut at a line
/// break, a `>` or a space (`split_into_array_of_short_paragraphs`); ours takes
/// each body part whole.
fn rawbody_values<'m>(message: &'m Message, sa: bool) -> Vec<Value<'m>> {
    let mut out = Vec::new();
    for part in &message.parts {
        let Some(text) = part.text() else { continue };
        let wanted = if sa { part.content_type != "text/calendar" } else { part.is_body };
        if !wanted {
            continue;
        }
        let text = cut(text, MAX_RAWBODY_PART_BYTES);
        let place = identity_offset(message, part.index, text).map_or(Place::Part(part.index), Place::Raw);
        if !sa {
            out.push(Value::new(text.as_bytes(), place));
            continue;
        }
        for (start, chunk) in sa_chunks(text) {
            let place = match place {
                Place::Raw(base) => Place::Raw(base + start),
                ref other => other.clone(),
            };
            out.push(Value::new(chunk.as_bytes(), place));
        }
    }
    out
}

/// Where a part's decoded text lies in the message as is (no transfer encoding).
fn identity_offset(message: &Message, part: usize, text: &str) -> Option<usize> {
    let range = message.parts.get(part)?.body_range.clone()?;
    message.raw.get(range.clone())?.starts_with(text.as_bytes()).then_some(range.start)
}

/// Link targets of the HTML bodies and views (SpamAssassin finds a view's in
/// its text, which it reads markup and all), then URLs written in the text parts.
fn uri_values<'m>(message: &'m Message) -> Vec<Value<'m>> {
    let mut out = Vec::new();
    for html in message.html.iter().chain(&message.html_views) {
        for target in link_targets_of(html) {
            let target = target.trim();
            if !target.is_empty() {
                out.push(Value::new(target.to_string().into_bytes(), Place::Part(html.part)));
            }
        }
    }
    // URLs and addresses written in the text a reader sees (SpamAssassin reads them in its rendered text).
    for (part, text) in rendered_parts(message) {
        for url in written_urls(&text) {
            out.push(Value::new(url.into_owned().into_bytes(), Place::Part(part)));
        }
        for address in written_addresses(&text) {
            out.push(Value::new(format!("mailto:{address}").into_bytes(), Place::Part(part)));
        }
    }
    // Each link once, as SpamAssassin's list of unique URIs.
    let mut seen = std::collections::HashSet::new();
    out.retain(|v| seen.insert(v.text.to_vec()));
    out
}

/// At most `max` bytes of `text`, cut at a character boundary.
pub fn cut(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// Where a match in a value lies in the message: the byte range, when the
/// matched bytes are found where the value comes from.
pub fn locate(
    message: &Message,
    place: &Place,
    value: &[u8],
    found: Range<usize>,
) -> (Option<usize>, Option<Range<usize>>) {
    let needle = value.get(found.clone()).unwrap_or_default();
    let search = |range: Range<usize>| -> Option<Range<usize>> {
        let hay = message.raw.get(range.clone())?;
        if needle.is_empty() {
            return None;
        }
        memchr::memmem::find(hay, needle).map(|at| range.start + at..range.start + at + needle.len())
    };
    match place {
        Place::Raw(base) => (None, Some(base + found.start..base + found.end)),
        Place::Field(_) | Place::Fields(_) => {
            let Some(field) = place.field_at(found.start).and_then(|index| message.header.fields.get(index)) else {
                return (None, None);
            };
            (None, search(field.start..field.end).or(Some(field.start..field.end)))
        }
        Place::Part(part) => {
            let range = message.parts.get(*part).and_then(|p| p.body_range.clone());
            (Some(*part), range.clone().and_then(search).or(range))
        }
        Place::Message => (None, None),
    }
}

/// What the module tests of the targets share.
#[cfg(test)]
pub(crate) mod testing {
    use super::Value;
    use crate::model::Message;
    use crate::report::Origin;

    pub fn analyse(raw: &str) -> Message<'_> {
        Message::analyse(raw.as_bytes(), Origin::Raw, Vec::new(), &crate::rules::attachments::default_limits())
    }
    pub fn texts(values: &[Value]) -> Vec<String> {
        values.iter().map(|v| String::from_utf8_lossy(&v.text).into_owned()).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::testing::{analyse, texts};
    use super::*;

    #[test]
    fn decoded_header_values_come_with_the_written_ones() {
        let message = analyse("X-Crm: =?utf-8?q?caf=C3=A9?=\nSubject: x\n\nbody\n");
        let decoded = decoded_fields(&message);
        assert_eq!(texts(&field_values(&message, &decoded, "x-crm")), vec!["café", "=?utf-8?q?caf=C3=A9?="]);
    }
}
