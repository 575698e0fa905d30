//! The analysed message: computed once from the input, read by every rule.
//!
//! mail-parser gives the MIME structure and the decoded bodies (large base64
//! attachments are decoded here instead, from a copy it reads without them:
//! `predecode`); our own scan (`headers`) keeps the raw header fields with their
//! byte offsets; the HTML bodies are parsed once (`html`).

pub mod attachments;
pub mod charsets;
mod delimiters;
pub mod fields;
pub mod envelope;
pub mod headers;
pub mod html;
pub mod identity;
pub(crate) mod predecode;
mod raw_text;
pub(crate) mod recover;
pub mod urls;

use crate::inspect;
use crate::report::Origin;
pub use attachments::AttachmentFacts;
use fields::FieldValues;
use predecode::Shifts;
use headers::HeaderBlock;
use mail_parser::{MessageParser, MimeHeaders, PartType};
use crate::text::lexicon::Hit;
use std::borrow::Cow;
use std::rc::Rc;
use std::ops::Range;
use std::sync::OnceLock;

/// Deepest MIME nesting (multiparts and attached messages) the model flattens;
/// deeper parts are left out and `Message::truncated_depth` is set.
pub const MAX_MIME_DEPTH: usize = 64;
/// Readings of a message by mail-parser for the places where it finds a
/// boundary that are no delimiter line (`delimiters`): the first, then one
/// more each time a reading's multiparts give other places (a multipart a cut
/// had hidden), up to this many in all (ours: each is a whole parse).
pub const MAX_DELIMITER_READINGS: usize = 3;
// What mail-parser is given whole (a layer below: the attachment walk opens attached messages with it too).
pub use crate::inspect::parser_guard::{LongMimeField, MAX_MIME_PARTS, MAX_PARSER_MIME_FIELD_BYTES, MAX_STRUCTURE_LINES};
pub use crate::inspect::parser_guard::MAX_PARSER_HEADER_BYTES;
pub(crate) use crate::inspect::parser_guard::{
    crowded_part_header_lines, drop_level_by_level, scan_structure_lines, PARSER_FIELDS,
};
pub use predecode::MIN_PREDECODED_BYTES;
/// Most bytes of decoded attached messages (`message/rfc822` sent in base64 or
/// quoted-printable, which RFC 2046 §5.2.1 forbids but Symfony Mime 5.4,
/// PHPMailer and some webmails write) that the model reads again itself, in
/// all, past mail-parser's own reading: one that mail-parser read as a message
/// but whose multiparts need close delimiters or changed lines (`delimiters`),
/// as a message in the input is read, and one nested deeper than the three
/// encoded levels mail-parser 0.11 opens (`MAX_NESTED_ENCODED` in its
/// `parsers/message.rs`: the fourth is left as bytes, its text and links read
/// by no rule). Python's `email` and SpamAssassin open such a message at any
/// depth. Each reading is charged every decoded byte it parses: the message's
/// own, and those of the (up to three) encoded levels mail-parser opens inside
/// it, which the reading of each of them parses again (each level of a
/// quoted-printable nest 64 deep was parsed about four times: 2.4 MB of it
/// took 3.5 s in wasm on a loaded machine, 2.1 s since; #13).
/// Past it `Message::truncated_reread` is set. Ours: eight times the 4 MiB
/// decoded text of a large message; each level of base64 is 3/4 of the one
/// around it, so only quoted-printable nests reach it (a level of it decodes
/// to about its own size), and the depth stays bounded by `MAX_MIME_DEPTH`.
pub const MAX_REREAD_MESSAGE_BYTES: usize = 32 * 1024 * 1024;



/// Most names kept for one part beside its file name (ours): a client uses one
/// of the first few; a part naming itself a thousand times is checked under
/// the first of them.
pub const MAX_OTHER_NAMES: usize = 8;

/// Every name a client may give a part besides `filename` (mail-parser's
/// choice: the first `filename`, else the first `name`): each `filename` and
/// `name` parameter, RFC 2231 forms included (mail-parser reads `filename*` as
/// `filename`), once each, at most `MAX_OTHER_NAMES`.
fn other_names(part: &mail_parser::MessagePart<'_>, filename: Option<&str>) -> Vec<(&'static str, String)> {
    let Some(filename) = filename else { return Vec::new() };
    fn values<'h>(
        header: Option<&'h mail_parser::ContentType<'_>>,
        key: &'static str,
    ) -> impl Iterator<Item = (&'static str, &'h str)> {
        let attributes = header.and_then(|h| h.attributes()).unwrap_or_default();
        attributes.iter().filter(move |a| a.name.eq_ignore_ascii_case(key)).map(move |a| (key, a.value.as_ref()))
    }
    let all = values(part.content_disposition(), "filename").chain(values(part.content_type(), "name"));
    let mut names: Vec<(&'static str, String)> = Vec::new();
    for (key, name) in all {
        if name.trim() != filename.trim() && !names.iter().any(|(_, n)| n.trim() == name.trim()) {
            if names.len() == MAX_OTHER_NAMES {
                break;
            }
            names.push((key, name.to_string()));
        }
    }
    names
}

/// Adds to each named part's `other_names` its plain `filename` (Content-Disposition)
/// and `name` (Content-Type) parameters as written, without RFC 2231's `*`, read from
/// the fields' values parsed once (`FieldValues::mime`): mail-parser reads
/// `filename="invoice.exe"` beside `filename*0="invoice"; filename*1=".pdf"` as one
/// name, `invoice.exe.pdf`, while a reader that ignores continuations saves
/// `invoice.exe` (RFC 2231 §3 makes them one parameter written twice). Each part's
/// dispositions first, then its types, at most `MAX_OTHER_NAMES` names a part in all;
/// values of encoded words are left to mail-parser's reading (`other_names`).
fn add_plain_names(parts: &mut [Part<'_>], mime: &[fields::MimeField]) {
    for is_type in [false, true] {
        let key = if is_type { "name" } else { "filename" };
        for field in mime.iter().filter(|f| f.is_type == is_type) {
            let Some(part) = parts.get_mut(field.part) else { continue };
            let Some(filename) = part.filename.as_deref().map(str::trim) else { continue };
            let written = field.value.params.iter().filter(|p| p.name == key).take(MAX_OTHER_NAMES);
            for param in written.filter(|p| memchr::memmem::find(&p.value, b"=?").is_none()) {
                let name = String::from_utf8_lossy(&param.value).into_owned();
                if part.other_names.len() == MAX_OTHER_NAMES {
                    break;
                }
                if name.trim() != filename && !part.other_names.iter().any(|(_, n)| n.trim() == name.trim()) {
                    part.other_names.push((key, name));
                }
            }
        }
    }
}

/// The type of a part whose Content-Type folds between the type and the subtype
/// (`application/` CRLF ` x-msdownload`): mail-parser 0.11 reads the type alone
/// there (`application`), so every rule that reads the declared type
/// (`attachments/executable`) missed it. RFC 5322 §2.2.3 unfolds a field by
/// removing each CRLF that precedes white space, and RFC 2045 §5.1 lets white
/// space stand between the tokens of the value (RFC 822's structured fields), so
/// the type is the one our grammar reads (`grammar::mime`): it replaces a type
/// without a subtype, from the part's last Content-Type (the one mail-parser
/// reads).
fn add_folded_types(parts: &mut [Part<'_>], mime: &[fields::MimeField]) {
    for field in mime.iter().filter(|f| f.is_type) {
        let Some(part) = parts.get_mut(field.part) else { continue };
        let parsed = field.value.value.as_str();
        let whole = parsed.split_once('/').is_some_and(|(t, s)| !t.is_empty() && !s.is_empty() && !s.contains('/'));
        if whole && !part.content_type.contains('/') && parsed.starts_with(part.content_type.as_str()) {
            part.content_type = parsed.to_string();
        }
    }
}

/// Most encoded words of one field looked at by `join_adjacent_encoded_words`
/// (ours: a file name is a few words; a field is at most
/// `MAX_PARSER_MIME_FIELD_BYTES` long when mail-parser reads it).
pub const MAX_JOINED_ENCODED_WORDS: usize = 64;

/// A name with the white space between two adjacent RFC 2047 encoded words
/// removed, as RFC 2047 §6.2 says a reader displays them ("any 'linear-white-space'
/// that separates a pair of adjacent 'encoded-word's is ignored"): mail-parser
/// keeps it inside a quoted parameter value, so `=?UTF-8?Q?invoice=2Etxt?=
/// =?UTF-8?Q?=2Evbs?=` read as `invoice.txt .vbs`, not `invoice.txt.vbs`. The
/// words are found in the part's raw Content-Disposition and Content-Type values
/// (`fields`); UTF-8 and US-ASCII words only, whose decoded text needs no table.
fn join_adjacent_encoded_words(name: &str, fields: &[&[u8]]) -> String {
    let mut name = name.to_string();
    for (first, separators, second, reach) in adjacent_encoded_words(fields) {
        // The pair's text lies in the name's first `reach` bytes: a byte of the
        // field up to the second word's end decodes to at most 3 bytes of
        // UTF-8 (a character of a single-byte charset, or U+FFFD for a byte
        // that is not text), and joins only shorten the name. So only that
        // prefix is searched (#13: a name of a million encoded `é` had been
        // searched whole and copied for each of the 63 pairs, 65 % of a 1.9 MB
        // message's lint).
        for separator in separators {
            let apart = format!("{first}{separator}{second}");
            let end = name.floor_char_boundary(reach.saturating_add(apart.len()));
            if let Some(at) = name[..end].find(&apart) {
                name.replace_range(at..at + apart.len(), &format!("{first}{second}"));
                break;
            }
        }
    }
    name
}

/// The pairs of adjacent closed UTF-8 or US-ASCII encoded words of `fields`
/// (the first `MAX_JOINED_ENCODED_WORDS` of each field), separated by white
/// space only: their decoded texts, the separators a name may show between
/// them (a space, or the white space unfolded), and 3 bytes a byte of the
/// field up to the second word's end.
fn adjacent_encoded_words(fields: &[&[u8]]) -> Vec<(String, [String; 2], String, usize)> {
    use crate::grammar::encoded_word;
    let mut pairs = Vec::new();
    for value in fields {
        let words: Vec<encoded_word::Word> = encoded_word::words(value).take(MAX_JOINED_ENCODED_WORDS).collect();
        for pair in words.windows(2) {
            let gap = &value[pair[0].end.min(pair[1].start)..pair[1].start];
            if gap.is_empty() || !gap.iter().all(u8::is_ascii_whitespace) || !pair.iter().all(|w| w.closed) {
                continue;
            }
            let text = |word: &encoded_word::Word| {
                let charset = String::from_utf8_lossy(&value[word.charset.clone()]).to_ascii_lowercase();
                let charset = charset.split('*').next().unwrap_or_default().to_string();
                let plain = matches!(charset.as_str(), "utf-8" | "utf8" | "us-ascii");
                plain.then(|| word.decoded(value)).flatten().and_then(|bytes| String::from_utf8(bytes).ok())
            };
            let (Some(first), Some(second)) = (text(&pair[0]), text(&pair[1])) else { continue };
            let unfolded: String = String::from_utf8_lossy(gap).chars().filter(|c| *c != '\r' && *c != '\n').collect();
            pairs.push((first, [" ".to_string(), unfolded], second, pair[1].end.saturating_mul(3)));
        }
    }
    pairs
}

/// The HTML versions of a message other than its HTML body, which clients
/// show instead of it from a multipart/alternative: AMP for Email
/// (`text/x-amp-html`, which Gmail renders; amp.dev "Structure and rendering
/// of AMP emails": "The text/x-amp-html part must be nested under a
/// multipart/alternative node") and Apple Watch's (`text/watch-html`, which
/// Nodemailer's `watchHtml` makes). SpamAssassin reads them as text
/// (`parse_content_type` makes every text/* type but calendar, x-vcard and
/// html text/plain: Mail::SpamAssassin::Util, bug 5399), rspamd as text
/// parts (GTUBE in either part of a message: `reject`, rspamd 3.4).
pub const HTML_VIEW_TYPES: &[&str] = &["text/x-amp-html", "text/watch-html"];

/// A field given to the mailer by a script (compose fields or `mail()` arguments),
/// kept as given so rules can see what the rendering had to clean up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputField {
    /// `to`, `subject`, `from`, `additional_headers`, or `header:<Name>`.
    pub name: String,
    pub value: String,
    /// The mailer writes the value as given, line breaks included (PHP's
    /// `additional_headers`, a Nodemailer header marked `prepared`); otherwise it
    /// turns a line break into a space (PHP `mail()`'s to and subject keep only a
    /// fold, Nodemailer flattens every other field).
    pub written_as_given: bool,
}

/// The fields Nodemailer and the MTA behind PHP mail() add to what they send.
pub const MAILER_ADDS: &[&str] = &["Date", "Message-ID"];

/// Most unknown compose keys kept by name (ours: a note names a few; an
/// object of a million keys is counted, not copied).
pub const MAX_NOTED_KEYS: usize = 100;

/// What a compose input holds that its rendering does not show, for the
/// `headers/compose-option` note (keys as given, in order).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct InputNotes {
    /// Options Nodemailer acts on that the rendering leaves out (`dkim`).
    pub not_rendered: Vec<String>,
    /// Keys that are no Nodemailer message option (a typo: `atachments`), which
    /// Nodemailer ignores as well: the first `MAX_NOTED_KEYS`, then a count.
    /// Nested keys are named by their path (`attachments[0].fileName`).
    pub unknown: Vec<String>,
    pub unknown_more: usize,
    /// Unknown keys close to a known one, with it (`fileName`, `filename`):
    /// said one by one with the suggestion, and not in `unknown`.
    pub close: Vec<(String, String)>,
    /// Fields given beside `raw`, which Nodemailer does not send.
    pub replaced_by_raw: Vec<String>,
    /// `list` keys that ask for RFC 8058's List-Unsubscribe-Post
    /// (`list.unsubscribePost`), with the field Nodemailer writes for each
    /// (`List-Unsubscribepost: <http://List-Unsubscribe=One-Click>`), if any.
    pub unsubscribe_post: Vec<(String, Option<String>)>,
    /// Address objects with no address (a group, `{ name, group }`), by path
    /// (`to[1]`): Nodemailer drops them, so their addresses receive nothing.
    pub address_groups: Vec<String>,
    /// Compose input whose SMTP envelope holds no recipient: no address in To,
    /// Cc or Bcc (or in `envelope` when given), with the options read, as the
    /// finding names them. Nodemailer's SMTP connection refuses it ("No
    /// recipients defined").
    pub no_recipient: Option<&'static str>,
}

/// Line-break statistics over the whole message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct LineBreaks {
    pub crlf: usize,
    pub bare_lf: usize,
    pub bare_cr: usize,
}

/// Maps byte offsets to 1-based line and column.
#[derive(Debug, Clone, Default)]
pub struct LineIndex {
    line_starts: Vec<usize>,
    /// Where a column count resumes on a line longer than `COLUMN_MARK_BYTES`:
    /// about every `COLUMN_MARK_BYTES` of it, a byte offset on a boundary of the
    /// line's lossy decoding and the 0-based column there. Made the first time a
    /// column is asked that far from its line's start, so a finding far along a
    /// 10 MB line no longer reads the line from its start (50 findings of each
    /// rule did: half of such a lint was counting columns, #14).
    column_marks: std::sync::OnceLock<Vec<(usize, usize)>>,
}

/// Bytes of a line read at most to give one column (ours: 4 KiB, a page of text).
pub const COLUMN_MARK_BYTES: usize = 4096;

impl PartialEq for LineIndex {
    /// The same lines; the column marks are a cache of them.
    fn eq(&self, other: &LineIndex) -> bool {
        self.line_starts == other.line_starts
    }
}

impl Eq for LineIndex {}

impl LineIndex {
    pub fn new(raw: &[u8]) -> LineIndex {
        scan_lines(raw, 0).0
    }
    /// Where each line starts: 0, then one past each LF (a last empty line
    /// starts at the end when the input ends with LF).
    pub fn line_starts(&self) -> &[usize] {
        &self.line_starts
    }
    /// The lines of `range` of `raw` (the bytes this index was made from), as
    /// (start, end) offsets in `raw` without their LF or CRLF: the first starts
    /// at the range's start, the last ends at the range's end (a CR just before
    /// it dropped too). Read from the index, not from the bytes again.
    pub fn lines_in<'a>(
        &'a self,
        raw: &'a [u8],
        range: Range<usize>,
    ) -> impl Iterator<Item = (usize, usize)> + Clone + 'a {
        let range_end = range.end.min(raw.len());
        let mut start = range.start;
        // The first line start after the range's start.
        let mut next = self.line_starts.partition_point(|&s| s <= range.start);
        std::iter::from_fn(move || {
            if start >= range_end {
                return None;
            }
            // The LF that ends the line (one before the next line's start), or the range's end.
            let line_break = self.line_starts.get(next).map_or(range_end, |&s| (s - 1).min(range_end));
            let end = if line_break > start && raw[line_break - 1] == b'\r' { line_break - 1 } else { line_break };
            let line = (start, end);
            start = line_break + 1;
            next += 1;
            Some(line)
        })
    }
    /// 1-based (line, column) of a byte offset of `raw` (the bytes this index
    /// was made from). The column counts Unicode code points, an invalid UTF-8
    /// sequence as one U+FFFD, as SARIF (§3.30) and the CLI's formats count it.
    pub fn line_column(&self, raw: &[u8], offset: usize) -> (usize, usize) {
        let line = match self.line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        };
        let offset = offset.min(raw.len());
        let mut from = self.line_starts.get(line).copied().unwrap_or(0).min(offset);
        let mut column = 0;
        if offset - from > COLUMN_MARK_BYTES {
            let marks = self.column_marks.get_or_init(|| self.marks(raw));
            // The last mark at or before the offset, when it is on this line.
            let at = marks.partition_point(|&(mark, _)| mark <= offset);
            if let Some(&(mark, mark_column)) = at.checked_sub(1).and_then(|i| marks.get(i)) {
                if mark >= from {
                    (from, column) = (mark, mark_column);
                }
            }
        }
        (line + 1, column + lossy_chars(&raw[from..offset]) + 1)
    }

    /// The column marks of every line of `raw` longer than `COLUMN_MARK_BYTES`.
    fn marks(&self, raw: &[u8]) -> Vec<(usize, usize)> {
        let mut marks = Vec::new();
        for (i, &start) in self.line_starts.iter().enumerate() {
            let end = self.line_starts.get(i + 1).copied().unwrap_or(raw.len()).min(raw.len());
            if end.saturating_sub(start) <= COLUMN_MARK_BYTES {
                continue;
            }
            // Utf8Chunks reads greedily from the left and starts afresh after each
            // character and each invalid sequence: counting again from one of those
            // boundaries gives what counting from the line's start gives.
            // `at`: where the chunk starts; `next`: where the next mark is due.
            let (mut at, mut column, mut next) = (start, 0, start + COLUMN_MARK_BYTES);
            for chunk in raw[start..end].utf8_chunks() {
                let valid = chunk.valid();
                // Bytes of `valid` counted so far.
                let mut done = 0;
                // An invalid sequence may have run past the due mark: it is due here.
                next = next.max(at);
                while next < end && at + valid.len() >= next {
                    let mut cut = next - at;
                    while !valid.is_char_boundary(cut) {
                        cut += 1;
                    }
                    if at + cut >= end {
                        break;
                    }
                    column += valid[done..cut].chars().count();
                    done = cut;
                    marks.push((at + cut, column));
                    next = at + cut + COLUMN_MARK_BYTES;
                }
                column += valid[done..].chars().count() + usize::from(!chunk.invalid().is_empty());
                at += valid.len() + chunk.invalid().len();
            }
        }
        marks
    }
}

/// Code points of `bytes` read as UTF-8, an invalid sequence as one U+FFFD (as
/// `String::from_utf8_lossy` writes it), without making the string.
fn lossy_chars(bytes: &[u8]) -> usize {
    if bytes.is_ascii() {
        return bytes.len();
    }
    bytes.utf8_chunks().map(|chunk| chunk.valid().chars().count() + usize::from(!chunk.invalid().is_empty())).sum()
}

/// The decoded body of a part.
#[derive(Debug, Clone, PartialEq)]
pub enum Body<'a> {
    /// A text/* part other than HTML, decoded to UTF-8.
    Text(Cow<'a, str>),
    /// A text/html part, decoded to UTF-8.
    Html(Cow<'a, str>),
    /// Any other leaf part, decoded bytes.
    Binary(Cow<'a, [u8]>),
    /// A multipart container; its children are in `Part::children`.
    Multipart,
    /// An attached message (message/rfc822); its parts are its children.
    Message,
}

/// One MIME part, in depth-first order; part 0 is the message itself.
#[derive(Debug, Clone, PartialEq)]
pub struct Part<'a> {
    pub index: usize,
    pub parent: Option<usize>,
    pub children: Vec<usize>,
    /// 0 for the message, 1 for its direct children, …
    pub depth: usize,
    /// `type/subtype`, lowercase; `text/plain` when absent (RFC 2045 §5.2).
    pub content_type: String,
    pub charset: Option<String>,
    pub boundary: Option<String>,
    /// Content-Transfer-Encoding as written, lowercase.
    pub transfer_encoding: Option<String>,
    /// `inline` or `attachment`, lowercase, when given.
    pub disposition: Option<String>,
    /// The file name (RFC 2231 and RFC 2047 decoded), from Content-Disposition
    /// `filename` or else Content-Type `name`.
    pub filename: Option<String>,
    /// The part's other names, when they differ from `filename`: Content-Type
    /// `name`, a second `filename` (RFC 2231's `filename*` beside a plain one,
    /// which Thunderbird prefers, or the same parameter twice, where Python's
    /// `email` takes the last), a second `name`. Clients differ in which one they
    /// show and save under. Each with its parameter's name (`filename`, `name`).
    pub other_names: Vec<(&'static str, String)>,
    /// Content-ID without angle brackets.
    pub content_id: Option<String>,
    /// The header block of this part as written. For part 0 it is the message header.
    /// Empty when the part is inside an encoded attached message (no raw offsets).
    /// Shared with `Message::header` for part 0 (a header of a million fields is kept once).
    pub headers: Rc<HeaderBlock>,
    /// Byte range of the raw (encoded) body, when the part lies in the input as is.
    pub body_range: Option<Range<usize>>,
    /// For a part of an encoded attached message (a `message/rfc822` part sent in
    /// base64 or quoted-printable, decoded and parsed on its own: no `body_range`),
    /// the encoded body of the attached message that holds it, the nearest one
    /// that lies in the input: where its findings point (`rules::spam::part_location`,
    /// `rules::attachments::location`).
    pub held_in: Option<Range<usize>>,
    pub body: Body<'a>,
    /// A `text/plain; format=flowed` body read as its paragraphs (RFC 3676,
    /// `text::flowed::unflow`, with its `delsp`), when that differs from the
    /// decoded text: what the content rules read (`Part::reader_text`).
    pub unflowed: Option<String>,
    /// mail-parser could not decode the body as declared.
    pub encoding_problem: bool,
    /// A base64 body the model decoded itself (`predecode`): where its run of
    /// base64 characters and white space ends and the white space in it.
    pub base64_prefix: Option<(usize, usize)>,
    /// Inside an attached message (message/rfc822).
    pub in_attached_message: bool,
    /// A body the reader sees (the text or HTML alternative), not an attachment.
    pub is_body: bool,
    /// An HTML view: an alternative of `HTML_VIEW_TYPES` that a client shows
    /// instead of the HTML body (`Message::html_views`); neither a body (the
    /// HTML body stays the one most clients show) nor an attachment.
    pub is_html_view: bool,
    /// An attachment (including inline images and parts of attached messages).
    pub is_attachment: bool,
    /// What its body is as sent, before its charset, for a text part whose
    /// declared charset is in doubt (`charsets::sent_bytes`), read while flattening.
    pub sent_bytes: Option<charsets::SentBytes>,
}

impl<'a> Part<'a> {
    /// The part with a body of its own, not borrowed from the bytes it was read from.
    fn detached(self) -> Part<'static> {
        let body = match self.body {
            Body::Text(text) => Body::Text(Cow::Owned(text.into_owned())),
            Body::Html(text) => Body::Html(Cow::Owned(text.into_owned())),
            Body::Binary(bytes) => Body::Binary(Cow::Owned(bytes.into_owned())),
            Body::Multipart => Body::Multipart,
            Body::Message => Body::Message,
        };
        Part {
            index: self.index,
            parent: self.parent,
            children: self.children,
            depth: self.depth,
            content_type: self.content_type,
            charset: self.charset,
            boundary: self.boundary,
            transfer_encoding: self.transfer_encoding,
            disposition: self.disposition,
            filename: self.filename,
            other_names: self.other_names,
            content_id: self.content_id,
            headers: self.headers,
            body_range: self.body_range,
            held_in: self.held_in,
            body,
            unflowed: self.unflowed,
            encoding_problem: self.encoding_problem,
            base64_prefix: self.base64_prefix,
            in_attached_message: self.in_attached_message,
            is_body: self.is_body,
            is_html_view: self.is_html_view,
            is_attachment: self.is_attachment,
            sent_bytes: self.sent_bytes,
        }
    }

    /// A part of type `content_type` with `body`, its `headers` and nothing
    /// else read: no parent, children, parameters or offsets.
    fn bare(content_type: String, depth: usize, headers: Rc<HeaderBlock>, body: Body<'a>) -> Part<'a> {
        Part {
            index: 0,
            parent: None,
            children: Vec::new(),
            depth,
            content_type,
            charset: None,
            boundary: None,
            transfer_encoding: None,
            disposition: None,
            filename: None,
            other_names: Vec::new(),
            content_id: None,
            headers,
            body_range: None,
            held_in: None,
            body,
            unflowed: None,
            encoding_problem: false,
            base64_prefix: None,
            in_attached_message: false,
            is_body: false,
            is_html_view: false,
            is_attachment: false,
            sent_bytes: None,
        }
    }

    /// What the flattening of an attached message read apart reads of the
    /// part that holds it (`Flattener::decoded_message`): its type, and the
    /// children it is given.
    fn placeholder(message: &Part<'_>) -> Part<'static> {
        Part {
            in_attached_message: message.in_attached_message,
            ..Part::bare(message.content_type.clone(), message.depth, Rc::new(HeaderBlock::default()), Body::Message)
        }
    }

    /// A body part of text other than HTML (`Message::text_bodies`).
    pub fn is_text_body(&self) -> bool {
        self.is_body && matches!(self.body, Body::Text(_))
    }

    /// Decoded length in bytes (0 for containers).
    pub fn decoded_len(&self) -> usize {
        match &self.body {
            Body::Text(t) | Body::Html(t) => t.len(),
            Body::Binary(b) => b.len(),
            Body::Multipart | Body::Message => 0,
        }
    }
    /// The decoded bytes (empty for containers).
    pub fn decoded(&self) -> &[u8] {
        match &self.body {
            Body::Text(t) | Body::Html(t) => t.as_bytes(),
            Body::Binary(b) => b,
            Body::Multipart | Body::Message => &[],
        }
    }
    /// The decoded text of a text part.
    pub fn text(&self) -> Option<&str> {
        match &self.body {
            Body::Text(t) | Body::Html(t) => Some(t),
            _ => None,
        }
    }
    /// The text a reader is shown of a text part: its paragraphs when it is
    /// written `format=flowed` (`unflowed`: a flowed-aware client joins its soft
    /// line breaks), else its decoded text.
    pub fn reader_text(&self) -> Option<&str> {
        self.unflowed.as_deref().or_else(|| self.text())
    }
    pub fn is_multipart(&self) -> bool {
        matches!(self.body, Body::Multipart)
    }
}

/// An HTML body with its facts.
#[derive(Debug, Clone, PartialEq)]
pub struct HtmlBody {
    pub part: usize,
    pub facts: html::HtmlFacts,
    /// Where the decoded HTML starts in the raw message, when the part's body is
    /// there as-is (identity transfer encoding, bytes equal to the decoded text).
    pub source_offset: Option<usize>,
    /// `facts.unquoted_text()`, made by the first rule that asks (`unquoted_text`).
    unquoted: OnceLock<Option<String>>,
}

impl HtmlBody {
    fn new(part: &Part<'_>, raw: &[u8], work: &mut html::Work) -> HtmlBody {
        let text = part.text().unwrap_or_default();
        let identity = matches!(part.transfer_encoding.as_deref(), None | Some("7bit") | Some("8bit") | Some("binary"));
        let source_offset = part
            .body_range
            .clone()
            .filter(|range| identity && raw.get(range.clone()).is_some_and(|body| starts_with_text(body, text)))
            .map(|range| range.start);
        HtmlBody { part: part.index, facts: html::analyse_within(text, work), source_offset, unquoted: OnceLock::new() }
    }

    /// The visible text without the message a reply or forward quotes
    /// (`HtmlFacts::unquoted_text`), made once for the rules that read it
    /// (`spam/body-caps` and `spam/sales-language` had each made a copy of the
    /// visible text).
    pub fn unquoted_text(&self) -> Option<&str> {
        self.unquoted.get_or_init(|| self.facts.unquoted_text()).as_deref()
    }

    /// The byte range of `span` (offsets in the decoded HTML) in the raw message,
    /// when the body is there as-is.
    pub fn message_range(&self, span: html::Span) -> Option<Range<usize>> {
        self.source_offset.map(|offset| offset + span.start..offset + span.end)
    }
}

/// Whether `body` starts with `text`: at once when `text` is borrowed from
/// those very bytes (two live slices at one address are the same memory), else
/// compared (#14: the comparison, a byte at a time in the wasm, was 1 % of a
/// 10 MB newsletter's lint in Node).
fn starts_with_text(body: &[u8], text: &str) -> bool {
    (std::ptr::eq(body.as_ptr(), text.as_ptr()) && text.len() <= body.len()) || body.starts_with(text.as_bytes())
}

/// Where the text a reader sees is: the one body that has it, read where it
/// is, or the bodies' texts joined one a line (#14: the copy of a 10 MB
/// message's only body was 1 % of its lint in Node, and 10 MB of memory).
#[derive(Debug, Clone, PartialEq)]
enum Visible {
    Joined(String),
    /// The text of `parts[index]`, the only text body with a text.
    Body(usize),
    /// The visible text of `html[0]`, the only HTML body.
    Html,
}

impl Visible {
    /// The HTML bodies' visible text when there is HTML, else the text bodies'
    /// texts, one body a line.
    fn of(message: &Message) -> Visible {
        match message.html.as_slice() {
            [_] => return Visible::Html,
            [] => {}
            several => return Visible::Joined(several.iter().map(|h| h.facts.visible_text.as_str()).collect::<Vec<_>>().join("\n")),
        }
        let mut texts = message.text_bodies().filter(|p| p.text().is_some());
        match (texts.next(), texts.next()) {
            (Some(only), None) => Visible::Body(only.index),
            _ => Visible::Joined(message.text_bodies().filter_map(Part::reader_text).collect::<Vec<_>>().join("\n")),
        }
    }
}

/// The analysed message.
#[derive(Debug, Clone, PartialEq)]
pub struct Message<'a> {
    /// The bytes that are checked (the input, or the rendered compose / `mail()` message),
    /// cut at the end of the first message of an mbox file.
    pub raw: &'a [u8],
    /// Where the message starts in `raw`: after an mbox envelope line, else 0.
    pub content_start: usize,
    /// The mbox framing of the input, when it has one.
    pub envelope: Option<envelope::Envelope>,
    pub origin: Origin,
    /// Compose fields or `mail()` arguments as the script gave them.
    pub input_fields: Vec<InputField>,
    /// Fields the mailer adds itself for this origin (not flagged when missing).
    pub mailer_adds: &'static [&'static str],
    /// What the compose input holds that the rendering does not show.
    pub input_notes: InputNotes,
    pub line_index: LineIndex,
    pub line_breaks: LineBreaks,
    /// The top-level header block (shared with `parts[0].headers`).
    pub header: Rc<HeaderBlock>,
    /// MIME parts in depth-first order; `parts[0]` is the message.
    pub parts: Vec<Part<'a>>,
    /// mail-parser found a message at all.
    pub parsed: bool,
    /// Parts were left out at `MAX_MIME_DEPTH`.
    pub truncated_depth: bool,
    /// Parts were left out at `MAX_MIME_PARTS`.
    pub truncated_parts: bool,
    /// An encoded attached message was left as mail-parser read it (unopened,
    /// or without the close delimiters it needs) at `MAX_REREAD_MESSAGE_BYTES`.
    pub truncated_reread: bool,
    /// Content-Type or Content-Disposition fields mail-parser read only up to
    /// `MAX_PARSER_MIME_FIELD_BYTES`, at their place in the input.
    pub cut_mime_fields: Vec<LongMimeField>,
    /// Lines that start like a delimiter without being one, changed in
    /// mail-parser's copy (`delimiters`); their bodies are decoded from the input.
    pub prefixed_lines: Option<delimiters::PrefixedLines>,
    /// The Subject, RFC 2047 decoded.
    pub subject: Option<String>,
    /// HTML bodies (not HTML attachments), each parsed once.
    pub html: Vec<HtmlBody>,
    /// The HTML views of a multipart/alternative (AMP for Email, Apple Watch),
    /// each parsed once: other readers' versions of the message, which the
    /// content rules read as they read a text alternative (`rules::reading`).
    pub html_views: Vec<HtmlBody>,
    /// What the analyses of `html` and `html_views` left of the message's HTML
    /// work (`html::Work`), for the other HTML leaves custom rules read.
    pub html_work: html::Work,
    /// Where the text a reader sees is (`Message::visible_text`).
    visible: Visible,
    /// Sum of the decoded sizes of the leaf parts.
    pub decoded_size: usize,
    /// What each attachment is (names, magic bytes, archives opened), inspected
    /// once under the limits `analyse` was given.
    pub attachment_facts: Vec<AttachmentFacts>,
    /// Header field values parsed by the strict grammar (addresses, date,
    /// message ids, MIME parameters), with offsets in their field's value.
    pub values: FieldValues,
    /// Sender identity, list markers and DKIM signatures with their hashes.
    pub identity: identity::Identity,
    /// The built-in lexicons' hits in the texts a reader sees, folded once for
    /// both lexicon rules by the first that runs (`rules::spam::terms`).
    pub lexicon_hits: OnceLock<LexiconHits>,
    /// The URLs written in the text bodies, found once for the link rules
    /// (`rules::reading::links`).
    pub written_links: OnceLock<Vec<WrittenLink>>,
}

/// A URL written in a text body: `parts[part]`'s text at `range`, with the
/// scheme a mail client gives a bare `www.` or `ftp.` host (`href_prefix`);
/// or written in the visible text of an HTML body, not as a link
/// (`html[index].facts.visible_text` at `range`, `in_html: Some(index)`).
#[derive(Debug, Clone, PartialEq)]
pub struct WrittenLink {
    pub part: usize,
    pub in_html: Option<usize>,
    pub range: std::ops::Range<usize>,
    pub href_prefix: &'static str,
    /// The scheme and host of its URL, parsed on the first ask (`rules::reading::Link::url`).
    pub parsed: urls::LinkUrl,
}

/// Hits of the two built-in lexicons in the texts a reader sees, one list per
/// text in the order of `rules::spam::terms::reader_texts`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct LexiconHits {
    /// `spam/adult-terms`: every text.
    pub adult: Vec<Vec<Hit>>,
    /// `spam/sales-language`: the subject and the bodies (the first texts).
    pub sales: Vec<Vec<Hit>>,
}

impl<'a> Message<'a> {
    /// The message's own bytes: without an mbox envelope line or later messages.
    pub fn content(&self) -> &'a [u8] {
        self.raw.get(self.content_start..).unwrap_or(&[])
    }
    /// Size of the message as it would be sent, in bytes: SMTP carries lines ended
    /// by CRLF (RFC 5321 §2.3.8), so the mailer's SMTP client sends each bare LF
    /// as CRLF, one byte more.
    pub fn encoded_size(&self) -> usize {
        self.content().len() + self.line_breaks.bare_lf
    }

    /// Ranges of `raw` known to be UTF-8, in order and apart: the text and
    /// HTML bodies mail-parser read as UTF-8 and kept borrowed from `raw` as
    /// they are (it checked each; #14: `size/line-length` checked every line of
    /// a 10 MB Polish body again, 7 % of its lint in Node), but for one that
    /// does not come after the one before (the parts are in the input's order).
    /// A borrowed body lies in `raw` exactly when its bytes are in `raw`'s
    /// range: two live slices that share an address are the same memory.
    pub fn utf8_ranges(&self) -> Vec<Range<usize>> {
        let base = self.raw.as_ptr() as usize;
        let mut ranges: Vec<Range<usize>> = Vec::new();
        for part in &self.parts {
            let (Body::Text(Cow::Borrowed(text)) | Body::Html(Cow::Borrowed(text))) = &part.body else { continue };
            let Some(start) = (text.as_ptr() as usize).checked_sub(base) else { continue };
            let end = start.saturating_add(text.len());
            if end <= self.raw.len() && ranges.last().is_none_or(|last| last.end <= start) {
                ranges.push(start..end);
            }
        }
        ranges
    }

    /// Analyses `raw`, attachments inspected under `limits`. Never fails: a
    /// message mail-parser cannot read still has its raw header scan and a single text part.
    pub fn analyse(
        raw: &'a [u8],
        origin: Origin,
        input_fields: Vec<InputField>,
        limits: &inspect::Limits,
    ) -> Message<'a> {
        // A file cut from an mbox: skip its envelope line, check its first message.
        let envelope = match origin {
            Origin::Raw => envelope::detect(raw),
            Origin::Compose | Origin::PhpMail => None,
        };
        let (content_start, raw) = match &envelope {
            Some(e) => (e.content_start, &raw[..e.message_end]),
            None => (0, raw),
        };
        let (line_index, line_breaks) = scan_lines(raw, content_start);
        let header = Rc::new(headers::scan(raw, content_start, raw.len()));
        let mut message = Message {
            raw,
            content_start,
            envelope,
            origin,
            input_fields,
            mailer_adds: match origin {
                Origin::Raw => &[],
                // Nodemailer and the MTA behind PHP mail() add these themselves.
                Origin::Compose | Origin::PhpMail => MAILER_ADDS,
            },
            input_notes: InputNotes::default(),
            line_index,
            line_breaks,
            header: Rc::clone(&header),
            parts: Vec::new(),
            parsed: false,
            truncated_depth: false,
            truncated_parts: false,
            truncated_reread: false,
            cut_mime_fields: Vec::new(),
            prefixed_lines: None,
            subject: None,
            html: Vec::new(),
            html_views: Vec::new(),
            html_work: html::Work::standard(),
            visible: Visible::Joined(String::new()),
            decoded_size: 0,
            attachment_facts: Vec::new(),
            values: FieldValues::default(),
            identity: identity::Identity::default(),
            lexicon_hits: OnceLock::new(),
            written_links: OnceLock::new(),
        };
        // The Subject decoded once (review mend): one whose encoded words name a
        // code page mail-parser has no name for (`=?cp950?B?…?=`:
        // `grammar::charset::CODE_PAGE_ALIASES`, whose bytes it reads as UTF-8)
        // is decoded by the model from the field as written, in its charset
        // (`encoded_word::decode_unstructured`), as the bodies in those charsets
        // are, and mail-parser, which decoded it too before, skips it
        // (`message_parser_skipping_subject`); any other is mail-parser's. The
        // last Subject, the one mail-parser reads.
        let code_page_subject = header.all("Subject").last().map(|field| field.raw_value(raw)).and_then(|value| {
            use crate::grammar::{charset, encoded_word};
            encoded_word::words(value)
                .any(|w| w.closed && charset::is_unnamed_code_page(&value[w.charset.clone()]))
                .then(|| encoded_word::decode_unstructured(value))
        });
        let parser = if code_page_subject.is_some() { message_parser_skipping_subject() } else { message_parser() };
        let line_starts = message.line_index.line_starts();
        let after_content = &line_starts[line_starts.partition_point(|&s| s <= content_start)..];
        let (cut, long_fields) =
            scan_structure_lines(&raw[content_start..], after_content.iter().map(|&s| s - content_start));
        let cut = cut.map(|at| content_start + at);
        let parsed_end = cut.unwrap_or(raw.len());
        let header_bytes = header.body_start.min(raw.len()).saturating_sub(content_start);
        // Fields too long for mail-parser's parameter joining, blanked in its
        // copy; part header fields past `MAX_PART_HEADER_FIELDS`, folded.
        let folds = crowded_part_header_lines(
            &raw[content_start..parsed_end],
            after_content.iter().map(|&s| s - content_start),
        );
        let blanked = (!long_fields.is_empty() || !folds.is_empty()).then(|| {
            let mut bytes = raw[..parsed_end].to_vec();
            for field in &long_fields {
                bytes[content_start + field.start + MAX_PARSER_MIME_FIELD_BYTES..content_start + field.end].fill(b' ');
            }
            for at in &folds {
                bytes[content_start + at] = b' ';
            }
            bytes
        });
        message.cut_mime_fields = long_fields
            .into_iter()
            .map(|field| LongMimeField { start: content_start + field.start, end: content_start + field.end, ..field })
            .collect();
        // One reading of the input (or of `blanked`, a copy of the same length).
        let read = |message: &mut Message<'a>, blanked: Option<&[u8]>| -> Option<()> {
            let source = blanked.unwrap_or(&raw[..parsed_end]);
            let compact = (header_bytes > MAX_PARSER_HEADER_BYTES).then(|| compact_header(source, &header));
            match (&compact, blanked) {
                (None, None) => {
                    // Large base64 attachments: mail-parser reads a copy without most of
                    // their lines, the model decodes them (`predecode`); when its answer
                    // does not confirm the cuts, the input is read whole.
                    let cuts = predecode::cuts(raw, &message.line_index, &header, content_start, parsed_end);
                    let predecoded = (!cuts.is_empty()).then(|| {
                        let (copy, shifts) = predecode::without(raw, content_start, parsed_end, &cuts);
                        let parsed = parser
                            .parse(&copy)
                            .map(|parsed| message.flatten_cut(parsed, content_start, owned, shifts, &cuts, parsed_end));
                        parsed.filter(|in_text| message.take_predecoded(&cuts, in_text)).map(|_| ())
                    });
                    match predecoded.flatten() {
                        Some(()) => Some(()),
                        None => {
                            message.forget_parse();
                            let parsed = parser.parse(&raw[content_start..parsed_end]);
                            parsed.map(|parsed| message.flatten(parsed, content_start, borrowed, Shifts::default()))
                        }
                    }
                }
                (None, Some(bytes)) => parser
                    .parse(&bytes[content_start..])
                    .map(|parsed| message.flatten(parsed, content_start, owned, Shifts::default())),
                // Offsets past the copied fields index the body, which lies `shift` bytes later in `raw`.
                (Some((bytes, shift)), _) => {
                    parser.parse(bytes.as_slice()).map(|parsed| message.flatten(parsed, *shift, owned, Shifts::default()))
                }
            }
        };
        let mut parsed = read(&mut message, blanked.as_deref());
        // Places where mail-parser finds the boundary of the multipart it reads
        // that are no delimiter line of it (`delimiters`): read again from a copy
        // where mail-parser finds no boundary there, their parts' bodies decoded
        // again from the input. Each reading's multiparts give the next one's
        // places (a multipart a cut had hidden is found in the reading after it),
        // until they are the same, `MAX_DELIMITER_READINGS` readings at most.
        for _ in 1..MAX_DELIMITER_READINGS {
            let multiparts: Vec<delimiters::Multipart> = message
                .parts
                .iter()
                .filter_map(|p| {
                    let body = p.body_range.as_ref()?;
                    Some(delimiters::Multipart { boundary: p.boundary.as_deref()?, start: body.start, end: body.end })
                })
                .collect();
            let source = blanked.as_deref().unwrap_or(&raw[..parsed_end]);
            let prefixed = delimiters::prefixed_lines(
                raw,
                source,
                &message.line_index,
                header.body_start,
                parsed_end,
                &multiparts,
                parser,
            );
            if prefixed.is_none() || prefixed == message.prefixed_lines {
                break;
            }
            let Some(prefixed) = prefixed else { break };
            let mut bytes = blanked.clone().unwrap_or_else(|| raw[..parsed_end].to_vec());
            for &at in &prefixed.positions {
                bytes[at] = prefixed.byte;
            }
            let bytes = prefixed.with_closes(bytes);
            message.forget_parse();
            message.prefixed_lines = Some(prefixed);
            parsed = read(&mut message, Some(&bytes));
        }
        message.truncated_parts |= cut.is_some();
        match parsed {
            Some(()) => {}
            None => {
                let body = raw.get(header.body_start..).unwrap_or(&[]);
                message.parts.push(Part {
                    body_range: Some(header.body_start..raw.len()),
                    is_body: true,
                    ..Part::bare("text/plain".into(), 0, Rc::clone(&header), Body::Text(String::from_utf8_lossy(body)))
                });
            }
        }
        if let Some(root) = message.parts.first_mut() {
            root.headers = header;
        }
        message.values = FieldValues::parse(raw, &message.header, &message.parts);
        // A Subject in a code page mail-parser has no name for, decoded above.
        if let Some(subject) = code_page_subject {
            message.subject = Some(subject);
        }
        add_plain_names(&mut message.parts, &message.values.mime);
        add_folded_types(&mut message.parts, &message.values.mime);
        message.identity = identity::analyse(raw, &message.header, &message.values);
        message.decoded_size = message.parts.iter().map(Part::decoded_len).sum();
        // One message's HTML shares one budget of work, whatever its parts.
        let mut work = html::Work::standard();
        message.html = message
            .parts
            .iter()
            .filter(|p| p.is_body && matches!(p.body, Body::Html(_)))
            .map(|p| HtmlBody::new(p, raw, &mut work))
            .collect();
        message.html_views =
            message.parts.iter().filter(|p| p.is_html_view).map(|p| HtmlBody::new(p, raw, &mut work)).collect();
        message.html_work = work;
        message.visible = Visible::of(&message);
        message.attachment_facts = attachments::inspect_parts(raw, &message.parts, limits);
        message
    }

    /// The parts of what mail-parser read, at `base` in `raw`, from a copy
    /// without the bytes `shifts` says (`predecode`).
    fn flatten<'p>(&mut self, parsed: mail_parser::Message<'p>, base: usize, leaf: Leaf<'p, 'a>, shifts: Shifts) {
        let end = self.raw.len();
        self.flatten_cut(parsed, base, leaf, shifts, &[], end);
    }

    /// `flatten`, of a copy without the ranges `cuts` of the input
    /// (`predecode::cuts`), ending at `end` in the input: which cuts lay in a
    /// text or HTML body mail-parser read as is or as quoted-printable, whose
    /// text was then taken from the input (`predecode::input_text`,
    /// `predecode::quoted_printable`).
    fn flatten_cut<'p>(
        &mut self,
        parsed: mail_parser::Message<'p>,
        base: usize,
        leaf: Leaf<'p, 'a>,
        shifts: Shifts,
        cuts: &[Range<usize>],
        end: usize,
    ) -> Vec<bool> {
        self.parsed = true;
        self.subject = parsed.subject().map(str::to_string);
        let mut flattener =
            Flattener {
                out: &mut self.parts,
                truncated_depth: false,
                truncated_parts: false,
                truncated_reread: false,
                raw: self.raw,
                leaf,
                shifts,
                prefixed_lines: self.prefixed_lines.as_ref(),
                outside: 0,
                reread_budget: reread_budget(),
                cuts,
                in_text: vec![false; cuts.len()],
                end,
            };
        flattener.message(parsed, None, 0, Some(base), None, false);
        self.truncated_depth = flattener.truncated_depth;
        self.truncated_parts = flattener.truncated_parts;
        self.truncated_reread = flattener.truncated_reread;
        flattener.in_text
    }

    /// What `flatten` set, for the input to be read again.
    fn forget_parse(&mut self) {
        self.parts.clear();
        self.parsed = false;
        self.subject = None;
        self.truncated_depth = false;
        self.truncated_parts = false;
    }

    /// Confirms the cuts of `predecode::cuts` on mail-parser's reading of the copy
    /// and gives their parts the bodies decoded from the input: each cut lies
    /// inside the body of a part mail-parser decoded as base64 into bytes,
    /// without an encoding problem, and that whole body holds only base64
    /// characters, `=` and white space. False when any of that fails (the input
    /// is then read whole). A cut that lay in a text body read as is
    /// (`in_text`, from `flatten_cut`) is confirmed already.
    fn take_predecoded(&mut self, cuts: &[Range<usize>], in_text: &[bool]) -> bool {
        // Every part found and its body checked before any is decoded: a message
        // whose last attachment is refused costs one read of the others, not a decoding.
        let mut checked: Vec<(usize, Range<usize>, (usize, usize))> = Vec::new();
        for (cut, _) in cuts.iter().zip(in_text).filter(|(_, &text)| !text) {
            let part = self.parts.iter().position(|p| {
                p.body_range.as_ref().is_some_and(|r| r.start < cut.start && cut.end < r.end)
                    && p.transfer_encoding.as_deref() == Some("base64")
                    && !p.encoding_problem
                    && matches!(p.body, Body::Binary(_))
            });
            let Some(index) = part else { return false };
            if checked.iter().any(|(i, _, _)| *i == index) {
                continue;
            }
            let Some(range) = self.parts[index].body_range.clone() else { return false };
            let Some(prefix) = predecode::check(&self.raw[range.clone()]) else { return false };
            checked.push((index, range, prefix));
        }
        let mut decoded = Vec::with_capacity(checked.len());
        for (index, range, prefix) in checked {
            let Some(bytes) = predecode::decode(&self.raw[range], prefix) else { return false };
            decoded.push((index, bytes, prefix));
        }
        for (index, bytes, prefix) in decoded {
            self.parts[index].body = Body::Binary(Cow::Owned(bytes));
            self.parts[index].base64_prefix = Some(prefix);
        }
        #[cfg(test)]
        predecode::confirmed();
        true
    }

    /// The first top-level header field with this name.
    pub fn header(&self, name: &str) -> Option<&headers::HeaderField> {
        self.header.first(name)
    }

    /// Whether the mailer of this origin adds the field `name` itself.
    pub fn mailer_adds(&self, name: &str) -> bool {
        self.mailer_adds.iter().any(|m| m.eq_ignore_ascii_case(name))
    }

    /// Completes the analysis of a rendered compose input with what its bytes
    /// do not say, before any rule reads it: the fields its mailer adds (none to
    /// a `raw` message), the notes, and the SMTP envelope sender the script set
    /// (`envelope.from`), which a receiver records as Return-Path (RFC 5321 §4.4).
    pub fn with_compose_input(
        mut self,
        mailer_adds: &'static [&'static str],
        notes: InputNotes,
        envelope_sender: Option<String>,
    ) -> Message<'a> {
        self.mailer_adds = mailer_adds;
        self.input_notes = notes;
        if let Some(address) = envelope_sender {
            self.identity.set_envelope_sender(address);
        }
        self
    }

    /// The text a reader sees: the HTML bodies' visible text when there is
    /// HTML, else the text bodies, one body a line.
    pub fn visible_text(&self) -> &str {
        match &self.visible {
            Visible::Joined(text) => text,
            Visible::Body(index) => self.parts.get(*index).and_then(Part::reader_text).unwrap_or_default(),
            Visible::Html => self.html.first().map_or("", |h| h.facts.visible_text.as_str()),
        }
    }

    /// The body parts a reader sees as text (text/plain and other non-HTML text).
    pub fn text_bodies(&self) -> impl Iterator<Item = &Part<'a>> {
        self.parts.iter().filter(|p| p.is_text_body())
    }

    /// The attachments, inline images included.
    pub fn attachments(&self) -> impl Iterator<Item = &Part<'a>> {
        self.parts.iter().filter(|p| p.is_attachment)
    }

}

/// The line starts of `raw` and the line breaks of `raw[content_start..]`, in
/// one pass (#14: a 10 MB message is one pass over its bytes, not two). A CR
/// before a LF makes a CRLF (not from before `content_start`); any other CR or
/// LF is bare.
/// Line starts reserved before a message's lines are indexed (ours: 32 KiB
/// natively, 16 KiB in wasm; a longer message grows the index as usual).
const LINES_RESERVED: usize = 4_096;

/// Bytes a line is taken to hold when the line index is reserved (ours: the dev
/// corpus's messages average 44 bytes a line, 36 at the 10th percentile; 41 of
/// its 1,249 messages average under 32).
const BYTES_PER_LINE_RESERVED: usize = 32;

fn scan_lines(raw: &[u8], content_start: usize) -> (LineIndex, LineBreaks) {
    // Room for the lines of an ordinary message from the start (RFC 5322 §2.1.1:
    // lines SHOULD be at most 78 characters), at most `LINES_RESERVED`: growing
    // the index from one entry was 0.7 % of a corpus pass (callgrind, #14).
    // One line for each `BYTES_PER_LINE_RESERVED` bytes: at one for each 64, 1,197 of the
    // 1,249 messages of the dev corpus grew the index once more (callgrind,
    // corpus pass, this function 21.56 -> 20.28 M: the growth 4.44 M gone, the
    // larger first allocation 2.97 M dearer); a vector grows by doubling, so
    // where lines average under 64 bytes this reserves no more than that growth made.
    let mut line_starts = Vec::with_capacity((raw.len() / BYTES_PER_LINE_RESERVED + 1).min(LINES_RESERVED));
    line_starts.push(0);
    let mut counts = LineBreaks::default();
    // `find_any` finds the next CR or LF many bytes at a time (SIMD natively,
    // sixteen bytes a step in wasm): lines are most of a message.
    let mut from = 0;
    while let Some(found) = raw.get(from..).and_then(|rest| crate::text::find_any([b'\n', b'\r'], rest)) {
        let i = from + found;
        from = i + 1;
        match raw[i] {
            b'\n' => {
                line_starts.push(i + 1);
                if i >= content_start {
                    if i > content_start && raw[i - 1] == b'\r' {
                        counts.crlf += 1;
                    } else {
                        counts.bare_lf += 1;
                    }
                }
            }
            // A CRLF at once, without a search for its LF (#14: half the searches of a CRLF text).
            _ if raw.get(i + 1) == Some(&b'\n') => {
                line_starts.push(i + 2);
                from = i + 2;
                match (i + 1).cmp(&content_start) {
                    std::cmp::Ordering::Greater => counts.crlf += 1,
                    std::cmp::Ordering::Equal => counts.bare_lf += 1,
                    std::cmp::Ordering::Less => {}
                }
            }
            _ if i >= content_start => counts.bare_cr += 1,
            _ => {}
        }
    }
    (LineIndex { line_starts, column_marks: std::sync::OnceLock::new() }, counts)
}

/// A copy of the top-level header's `PARSER_FIELDS` (the last of each, as
/// mail-parser reads the last), then the body, and how far the body lies
/// further in `raw` than in the copy. `raw` may end before the body
/// (`scan_structure`'s cut inside the header): the copy then has no body.
fn compact_header(raw: &[u8], header: &HeaderBlock) -> (Vec<u8>, usize) {
    let body_start = header.body_start.min(raw.len());
    let mut bytes = Vec::with_capacity(raw.len() - body_start + 4096);
    // Parts of the header copied as written, line breaks included: the copy is
    // never longer than what it copies, so the body lies `shift` ≥ 0 further in `raw`.
    let fields = header.fields.iter().filter(|f| f.end_with_break <= body_start.min(header.end));
    for name in PARSER_FIELDS {
        if let Some(field) = fields.clone().rev().find(|f| f.is(name)) {
            bytes.extend_from_slice(&raw[field.start..field.end_with_break]);
        }
    }
    // The blank line that ends the header (`HeaderBlock::end` is where it starts).
    bytes.extend_from_slice(&raw[header.end.min(body_start)..body_start]);
    let shift = body_start - bytes.len();
    bytes.extend_from_slice(&raw[body_start..]);
    (bytes, shift)
}

/// How a leaf part's body becomes the model's: borrowed from the input, or
/// owned when mail-parser read a copy (`compact_header`).
type Leaf<'p, 'a> = fn(PartType<'p>) -> Body<'a>;

fn borrowed(body: PartType<'_>) -> Body<'_> {
    match body {
        PartType::Text(t) => Body::Text(t),
        PartType::Html(t) => Body::Html(t),
        PartType::Binary(b) | PartType::InlineBinary(b) => Body::Binary(b),
        PartType::Multipart(_) => Body::Multipart,
        PartType::Message(_) => Body::Message,
    }
}

fn owned<'a>(body: PartType<'_>) -> Body<'a> {
    match body {
        PartType::Text(t) => Body::Text(Cow::Owned(t.into_owned())),
        PartType::Html(t) => Body::Html(Cow::Owned(t.into_owned())),
        PartType::Binary(b) | PartType::InlineBinary(b) => Body::Binary(Cow::Owned(b.into_owned())),
        PartType::Multipart(_) => Body::Multipart,
        PartType::Message(_) => Body::Message,
    }
}

/// Turns mail-parser's per-message part lists into one depth-first list.
struct Flattener<'o, 'a, 'p> {
    out: &'o mut Vec<Part<'a>>,
    truncated_depth: bool,
    truncated_parts: bool,
    /// An encoded attached message was left as mail-parser read it at `reread_budget`'s end.
    truncated_reread: bool,
    raw: &'a [u8],
    leaf: Leaf<'p, 'a>,
    /// Bytes of the input left out of mail-parser's copy (`predecode`).
    shifts: Shifts,
    /// Bytes changed in mail-parser's copy (`delimiters`).
    prefixed_lines: Option<&'o delimiters::PrefixedLines>,
    /// Parts already flattened outside `out` (a decoded attached message's
    /// parts are flattened apart, then grafted: `Flattener::decoded_message`).
    outside: usize,
    /// Bytes of decoded attached messages that may still be read again (`MAX_REREAD_MESSAGE_BYTES`).
    reread_budget: usize,
    /// Ranges of the input left out of mail-parser's copy (`predecode::cuts`).
    cuts: &'o [Range<usize>],
    /// Whether each cut lay in a text or HTML body mail-parser read as is,
    /// whose text was taken from the input.
    in_text: Vec<bool>,
    /// Where the bytes mail-parser read end in the input (its copy's end, past the cuts).
    end: usize,
}

impl<'o, 'a, 'p> Flattener<'o, 'a, 'p> {
    /// The boundary mail-parser looks for at the end of a body whose part is a
    /// child of `parent`: the nearest enclosing multipart's (an attached message
    /// read in the same stream takes its multipart's), None at the top.
    fn boundary_around(&self, parent: Option<usize>) -> Option<String> {
        let mut at = parent;
        while let Some(p) = at {
            let part = self.out.get(p)?;
            if matches!(part.body, Body::Multipart) {
                return part.boundary.clone();
            }
            at = part.parent;
        }
        None
    }

    /// Adds the parts of `message`. `base` is the offset of `message` in the
    /// input when its bytes lie there as is (None inside an encoded attached message).
    fn message(
        &mut self,
        message: mail_parser::Message<'p>,
        parent: Option<usize>,
        depth: usize,
        base: Option<usize>,
        held_in: Option<Range<usize>>,
        attached: bool,
    ) {
        // Which parts mail-parser reads as a body, by part id: asked once a part (the
        // lists searched for each part made a message of thousands of alternatives
        // quadratic, #14).
        let mut body_ids = vec![false; message.parts.len()];
        for &id in message.text_body.iter().chain(&message.html_body) {
            if let Some(slot) = body_ids.get_mut(id as usize) {
                *slot = true;
            }
        }
        let mut parts: Vec<Option<mail_parser::MessagePart<'p>>> = message.parts.into_iter().map(Some).collect();
        // Explicit stack of (part id in this message, parent index in out, depth).
        let mut stack: Vec<(usize, Option<usize>, usize)> = vec![(0, parent, depth)];
        while let Some((id, parent, depth)) = stack.pop() {
            if self.outside + self.out.len() >= MAX_MIME_PARTS {
                self.truncated_parts = true;
                return;
            }
            if depth > MAX_MIME_DEPTH {
                self.truncated_depth = true;
                continue;
            }
            let Some(part) = parts.get_mut(id).and_then(Option::take) else { continue };
            let index = self.out.len();
            if let Some(p) = parent {
                self.out[p].children.push(index);
            }
            let shifts = &self.shifts;
            // Close delimiters written into the copy (`delimiters`) lie before the offsets past them.
            let closes = self.prefixed_lines;
            let in_raw = |offset: u32| {
                base.map(|b| b + offset as usize + shifts.at(offset as usize))
                    .map(|at| closes.map_or(at, |c| c.input_offset(at)))
            };
            let header_start = in_raw(part.offset_header);
            let body_start = in_raw(part.offset_body);
            let body_end = in_raw(part.offset_end);
            let headers = match (header_start, body_start) {
                (Some(h), Some(b)) if id != 0 || parent.is_some() => headers::scan_part(self.raw, h, b.min(self.raw.len())),
                _ => HeaderBlock::default(),
            };
            // mail-parser's Content-Type, asked once: each `content_type()` compares
            // the name of every field of the part's header (#14: six times a part;
            // callgrind, the corpus pass, mail-parser's name comparisons 6.68 -> 4.96 M
            // with the address fields skipped, `Flattener::message` 43.02 -> 37.34 M).
            let declared = part.content_type();
            let content_type = declared
                .map(|ct| match ct.subtype() {
                    Some(sub) => format!("{}/{}", ct.ctype(), sub).to_ascii_lowercase(),
                    None => ct.ctype().to_ascii_lowercase(),
                })
                .unwrap_or_else(|| "text/plain".to_string());
            let charset = declared.and_then(|ct| ct.attribute("charset")).map(str::to_string);
            let boundary = declared.and_then(|ct| ct.attribute("boundary")).map(str::to_string);
            let named_type = declared.is_some_and(|ct| ct.attribute("name").is_some());
            // RFC 3676 §4.1: `format=flowed` is a parameter of text/plain; `delsp=yes` (§4.2)
            // deletes the space of each soft break. Values are case-insensitive (RFC 2045 §5.1).
            let parameter = |name: &str, value: &str| {
                declared.and_then(|ct| ct.attribute(name)).is_some_and(|v| v.trim().eq_ignore_ascii_case(value))
            };
            let (flowed, delsp) = (content_type == "text/plain" && parameter("format", "flowed"), parameter("delsp", "yes"));
            let disposition = part.content_disposition().map(|d| d.ctype().to_ascii_lowercase());
            let mime_fields: Vec<&[u8]> = ["content-disposition", "content-type"]
                .iter()
                .flat_map(|name| headers.all(name))
                .map(|field| field.raw_value(self.raw))
                .collect();
            let filename = part.attachment_name().map(|name| join_adjacent_encoded_words(name, &mime_fields));
            let other_names = other_names(&part, filename.as_deref())
                .into_iter()
                .map(|(key, name)| (key, join_adjacent_encoded_words(&name, &mime_fields)))
                .filter(|(_, name)| filename.as_deref().is_none_or(|f| f.trim() != name.trim()))
                .collect();
            let content_id = part.content_id().map(|s| s.trim_matches(['<', '>']).to_string());
            let transfer_encoding = part.content_transfer_encoding().map(|s| s.trim().to_ascii_lowercase());
            let is_body = !attached && body_ids.get(id).copied().unwrap_or(false);
            // mail-parser reads AMP and Apple Watch HTML as text other than HTML, and
            // neither as a body: as a leaf of the tree they are HTML, and a view
            // when they are an alternative, or the whole message (Nodemailer's
            // `amp` alone), unless sent as a file.
            let html_type = HTML_VIEW_TYPES.contains(&content_type.as_str());
            let is_html_view = html_type
                && !is_body
                && !attached
                && disposition.as_deref() != Some("attachment")
                && parent.map_or(true, |p| self.out[p].content_type == "multipart/alternative");
            let mut nested_message = None;
            let body = match part.body {
                PartType::Multipart(ref children) => {
                    for &child in children.iter().rev() {
                        stack.push((child as usize, Some(index), depth + 1));
                    }
                    Body::Multipart
                }
                PartType::Message(nested) => {
                    nested_message = Some(nested);
                    Body::Message
                }
                leaf => {
                    let quoted_printable = transfer_encoding.as_deref() == Some("quoted-printable");
                    // A text or HTML body read as is, with cuts (`predecode`): its text
                    // from the input, as mail-parser gives it from the bytes it read.
                    // callgrind (native bench, one lint): 10 MB of English prose
                    // 1,021.6 -> 950.2 M instructions, the 10 MB newsletter 2,466.0 -> 2,270.9 M.
                    let as_is = part.encoding == mail_parser::Encoding::None && !part.is_encoding_problem;
                    // A quoted-printable one the same way, decoded here from the input as
                    // mail-parser decodes it (`predecode::quoted_printable`), confirmed where
                    // mail-parser ended it. callgrind, the corpus pass: see `predecode::quoted_printable`.
                    let printable = part.encoding == mail_parser::Encoding::QuotedPrintable && !part.is_encoding_problem;
                    let text_leaf = matches!(leaf, PartType::Text(_) | PartType::Html(_));
                    let from_input = match (body_start, body_end) {
                        (Some(s), Some(e)) if text_leaf && (as_is || printable) && s <= e && e <= self.end => {
                            let inside: Vec<usize> =
                                (0..self.cuts.len()).filter(|&i| s < self.cuts[i].start && self.cuts[i].end < e).collect();
                            let text = match inside.is_empty() {
                                true => None,
                                false if as_is => Some(predecode::input_text(&self.raw[s..e], charset.as_deref())),
                                false => {
                                    let boundary = self.boundary_around(parent).unwrap_or_default();
                                    // Through the delimiter's `--` and boundary after the line break before it.
                                    let stop = self.end.min(e.saturating_add(boundary.len() + 4));
                                    predecode::quoted_printable(&self.raw[s..stop], boundary.as_bytes())
                                        .filter(|&(end, _)| s + end == e)
                                        .map(|(_, bytes)| Cow::Owned(predecode::decoded_text(bytes, charset.as_deref())))
                                }
                            };
                            if text.is_some() {
                                for i in inside {
                                    self.in_text[i] = true;
                                }
                            }
                            text
                        }
                        _ => None,
                    };
                    let body = match (from_input, leaf) {
                        (Some(text), PartType::Html(_)) => Body::Html(text),
                        (Some(text), _) => Body::Text(text),
                        (None, leaf) => (self.leaf)(leaf),
                    };
                    match body {
                        Body::Text(text) if quoted_printable => Body::Text(encoded_carriage_returns(text)),
                        Body::Html(text) if quoted_printable => Body::Html(encoded_carriage_returns(text)),
                        other => other,
                    }
                }
            };
            let body = match body {
                Body::Text(text) if html_type => Body::Html(text),
                other => other,
            };
            // A text or HTML part mail-parser could not decode (`recover`): decoded
            // again from its bytes as written, and a body where a well-formed one is.
            let recovered = part.is_encoding_problem
                && matches!(content_type.as_str(), "text/plain" | "text/html")
                && !matches!(body, Body::Multipart | Body::Message);
            // A body that holds a byte changed in mail-parser's copy (`delimiters`):
            // decoded again from the input, as a recovered one is.
            let rewritten = match (body_start, body_end, self.prefixed_lines) {
                (Some(s), Some(e), Some(prefixed)) => prefixed.touch(s, e),
                _ => false,
            };
            let body = match body {
                Body::Binary(_) if rewritten => match (body_start, body_end) {
                    (Some(s), Some(e)) if s <= e && e <= self.raw.len() => {
                        Body::Binary(Cow::Owned(recover::binary_body(&self.raw[s..e], transfer_encoding.as_deref())))
                    }
                    _ => body,
                },
                other => other,
            };
            let rewritten = rewritten && matches!(body, Body::Text(_) | Body::Html(_));
            // A text part in a code page mail-parser has no name for (`cp950`, `cp932`,
            // `cp949`: `grammar::charset::CODE_PAGE_ALIASES`), which it read as UTF-8:
            // decoded again from its bytes, in its charset.
            let misread_charset = matches!(body, Body::Text(_) | Body::Html(_))
                && matches!((body_start, body_end), (Some(s), Some(e)) if s <= e && e <= self.raw.len())
                && charset.as_deref().is_some_and(|c| {
                    mail_parser::decoders::charsets::map::charset_decoder(c.as_bytes()).is_none()
                        && crate::grammar::charset::decoder(c.trim().as_bytes()).is_some()
                });
            let body = if recovered || rewritten || misread_charset {
                let encoded: &[u8] = match (body_start, body_end) {
                    (Some(s), Some(e)) if s <= e && e <= self.raw.len() => &self.raw[s..e],
                    _ => match &body {
                        Body::Text(t) | Body::Html(t) => t.as_bytes(),
                        Body::Binary(b) => b,
                        Body::Multipart | Body::Message => &[],
                    },
                };
                let text = recover::text_body(encoded, transfer_encoding.as_deref(), charset.as_deref());
                let text = match transfer_encoding.as_deref() {
                    Some("quoted-printable") => encoded_carriage_returns(Cow::Owned(text)),
                    _ => Cow::Owned(text),
                };
                if content_type == "text/html" || matches!(body, Body::Html(_)) { Body::Html(text) } else { Body::Text(text) }
            } else {
                body
            };
            // A text body under a uuencode transfer encoding: read as the text it
            // carries (`recover::uudecoded_text`), as rspamd decodes it.
            let uuencoded = transfer_encoding.as_deref().is_some_and(|te| recover::UUENCODE_ENCODINGS.contains(&te));
            let in_input = matches!((body_start, body_end), (Some(s), Some(e)) if s <= e && e <= self.raw.len());
            let decoded = |text: &str| (uuencoded && in_input).then(|| recover::uudecoded_text(text, charset.as_deref())).flatten();
            let body = match body {
                Body::Text(text) => Body::Text(decoded(&text).map_or(text, Cow::Owned)),
                Body::Html(text) => Body::Html(decoded(&text).map_or(text, Cow::Owned)),
                body => body,
            };
            // As mail-parser reads a well-formed one: inline (no `attachment` disposition),
            // and no `name` on its Content-Type unless it is its multipart's first part.
            let first = parent.is_none_or(|p| self.out[p].children.len() == 1);
            let is_body = is_body
                || recovered && !attached && disposition.as_deref() != Some("attachment") && (first || !named_type);
            // An encoded attached message deeper than mail-parser opens (it keeps its
            // decoded bytes, as an encoding problem): opened here, as a message is
            // (`decoded_message`; a part again when it cannot be read).
            let identity = matches!(transfer_encoding.as_deref(), None | Some("7bit") | Some("8bit") | Some("binary"));
            let unopened = content_type == "message/rfc822" && !identity && part.is_encoding_problem;
            let (body, deeper) = match body {
                Body::Binary(bytes) if unopened && bytes.len() <= self.reread_budget => {
                    self.reread_budget -= bytes.len();
                    (Body::Message, Some(bytes.into_owned()))
                }
                Body::Binary(bytes) if unopened => {
                    self.truncated_reread = true;
                    (Body::Binary(bytes), None)
                }
                other => (other, None),
            };
            let is_container = matches!(body, Body::Multipart | Body::Message);
            let unflowed = match &body {
                Body::Text(text) if flowed => {
                    Some(crate::text::flowed::unflow(text, delsp)).filter(|u| u.as_str() != text.as_ref())
                }
                _ => None,
            };
            let body_range = match (body_start, body_end) {
                (Some(s), Some(e)) if s <= e && e <= self.raw.len() => Some(s..e),
                _ => None,
            };
            let sent_bytes = if attached {
                None
            } else {
                let decoded_ascii = || match &body {
                    Body::Text(t) | Body::Html(t) => t.is_ascii(),
                    Body::Binary(b) => b.is_ascii(),
                    Body::Multipart | Body::Message => true,
                };
                let (encoding, charset) = (transfer_encoding.as_deref(), charset.as_deref());
                charsets::sent_bytes(self.raw, &content_type, charset, encoding, body_range.as_ref(), decoded_ascii)
            };
            self.out.push(Part {
                index,
                parent,
                children: Vec::new(),
                depth,
                content_type,
                charset,
                boundary,
                transfer_encoding: transfer_encoding.clone(),
                disposition,
                filename,
                other_names,
                content_id,
                headers: Rc::new(headers),
                body_range,
                body,
                unflowed,
                encoding_problem: part.is_encoding_problem,
                base64_prefix: None,
                held_in: held_in.clone(),
                in_attached_message: attached,
                is_body,
                is_html_view,
                is_attachment: !is_container && !is_body && !is_html_view,
                sent_bytes,
            });
            // Under an identity transfer encoding (RFC 2046 §5.2.1 allows only
            // those) mail-parser parses the attached message inline, in the same
            // stream: its offsets are those of the enclosing buffer. An encoded
            // one is decoded and parsed on its own: its offsets index bytes that
            // are not in the input.
            let nested_base = if identity { base } else { None };
            // Parts of an encoded one point at its encoded body (or at the one holding it).
            let nested_held_in = match (identity, self.out[index].body_range.clone()) {
                (true, _) => held_in.clone(),
                (false, Some(range)) => Some(range),
                (false, None) => held_in.clone(),
            };
            if let Some(nested) = nested_message {
                // An encoded one whose multiparts mail-parser misreads is read again
                // from its decoded bytes as one in the input is (`delimiters`).
                let fix = match identity {
                    false => delimiter_fix(&nested.raw_message, &nested, None),
                    true => None,
                };
                // Past the budget it stays as mail-parser read it.
                let fix = match fix {
                    Some(_) if nested.raw_message.len() > self.reread_budget => {
                        self.truncated_reread = true;
                        None
                    }
                    fix => fix,
                };
                match fix {
                    None => self.message(nested, Some(index), depth + 1, nested_base, nested_held_in, true),
                    Some(fix) => {
                        self.reread_budget -= nested.raw_message.len();
                        let mail_parser::Message { raw_message, parts, .. } = nested;
                        drop_level_by_level(parts.into_iter());
                        self.decoded_message(&raw_message, Some(fix), index, depth + 1, nested_held_in);
                    }
                }
            } else if let Some(bytes) = deeper {
                if !self.decoded_message(&bytes, None, index, depth + 1, nested_held_in) {
                    // Not a message mail-parser reads: the part it was.
                    let part = &mut self.out[index];
                    part.body = Body::Binary(Cow::Owned(bytes));
                    part.is_attachment = !part.is_body && !part.is_html_view;
                }
            }
        }
        drop_level_by_level(parts.into_iter().flatten());
    }

    /// Flattens the attached message whose decoded bytes are `decoded` (not in
    /// the input) as the children of `self.out[index]`, read as a message in
    /// the input is: with the close delimiters and changed lines of `fix`
    /// (found here when None) written into mail-parser's copy, the bodies that
    /// hold a changed byte decoded again from `decoded`. Its parts are flattened
    /// apart, over `decoded`, then grafted, with no offsets in the input: they
    /// point at `held_in`, the encoded body that lies in the input. False when
    /// mail-parser reads no message in `decoded`.
    fn decoded_message(
        &mut self,
        decoded: &[u8],
        fix: Option<delimiters::PrefixedLines>,
        index: usize,
        depth: usize,
        held_in: Option<Range<usize>>,
    ) -> bool {
        let parser = message_parser();
        // Read as the input is (`Message::analyse`): each reading's multiparts
        // give the next one's places (a multipart a cut had hidden, found in
        // the reading after it, may hold places of its own), until they are the
        // same, `MAX_DELIMITER_READINGS` readings at most; mail-parser's own
        // reading (`fix` given) is the first. A reading past the second is a
        // parse of `decoded` again, taken from `reread_budget`.
        let mut readings = if fix.is_some() { 2 } else { 1 };
        let mut fix = fix;
        let mut copy = fix.as_ref().map(|f| f.applied(decoded.to_vec()));
        let parsed = loop {
            let Some(parsed) = parser.parse(copy.as_deref().unwrap_or(decoded)) else { return false };
            // The encoded levels mail-parser opened inside it were decoded and parsed too.
            self.reread_budget = self.reread_budget.saturating_sub(encoded_message_bytes(&parsed));
            if readings >= MAX_DELIMITER_READINGS {
                break parsed;
            }
            if readings >= 2 && self.reread_budget < decoded.len() {
                let next = delimiter_fix(decoded, &parsed, fix.as_ref());
                self.truncated_reread |= next.is_some() && next != fix;
                break parsed;
            }
            let next = delimiter_fix(decoded, &parsed, fix.as_ref());
            if next.is_none() || next == fix {
                break parsed;
            }
            drop_level_by_level(parsed.parts.into_iter());
            if readings >= 2 {
                self.reread_budget -= decoded.len();
            }
            readings += 1;
            fix = next;
            copy = fix.as_ref().map(|f| f.applied(decoded.to_vec()));
        };
        // The attached message's part, as the walk reads its parent.
        let mut apart = vec![Part::placeholder(&self.out[index])];
        let mut flattener = Flattener {
            out: &mut apart,
            truncated_depth: false,
            truncated_parts: false,
            truncated_reread: false,
            raw: decoded,
            leaf: owned,
            shifts: Shifts::default(),
            prefixed_lines: fix.as_ref(),
            outside: self.outside + self.out.len() - 1,
            reread_budget: self.reread_budget,
            cuts: &[],
            in_text: Vec::new(),
            end: decoded.len(),
        };
        flattener.message(parsed, Some(0), depth, Some(0), None, true);
        self.truncated_depth |= flattener.truncated_depth;
        self.truncated_parts |= flattener.truncated_parts;
        self.truncated_reread |= flattener.truncated_reread;
        self.reread_budget = flattener.reread_budget;
        let first = self.out.len();
        let place = |at: usize| if at == 0 { index } else { first + at - 1 };
        let mut apart = apart.into_iter();
        if let Some(root) = apart.next() {
            self.out[index].children.extend(root.children.iter().map(|&c| place(c)));
        }
        for part in apart {
            let part = part.detached();
            self.out.push(Part {
                index: place(part.index),
                parent: part.parent.map(place),
                children: part.children.iter().map(|&c| place(c)).collect(),
                // No offsets in the input: not its header's, not its body's.
                headers: Rc::new(HeaderBlock::default()),
                body_range: None,
                held_in: held_in.clone(),
                sent_bytes: None,
                ..part
            });
        }
        true
    }
}

/// The decoded bytes of the encoded attached messages mail-parser opened in
/// `parsed` (base64 or quoted-printable: decoded and parsed apart from it), at
/// every level it opened.
fn encoded_message_bytes(parsed: &mail_parser::Message<'_>) -> usize {
    parsed
        .parts
        .iter()
        .map(|part| match &part.body {
            PartType::Message(nested) if part.encoding != mail_parser::Encoding::None => {
                nested.raw_message.len() + encoded_message_bytes(nested)
            }
            PartType::Message(nested) => encoded_message_bytes(nested),
            _ => 0,
        })
        .sum()
}

/// `MAX_REREAD_MESSAGE_BYTES`, or less in a test of it.
fn reread_budget() -> usize {
    #[cfg(test)]
    if let Some(budget) = attached_message_tests::REREAD_BUDGET.with(std::cell::Cell::get) {
        return budget;
    }
    MAX_REREAD_MESSAGE_BYTES
}

/// The close delimiters and changed lines (`delimiters`) that mail-parser's
/// reading `parsed` of the decoded attached message `decoded` needs, as
/// `Message::analyse` finds them for the input (one reading): `parsed` read
/// the copy `previous` wrote (None: `decoded` itself), whose offsets map back.
fn delimiter_fix(
    decoded: &[u8],
    parsed: &mail_parser::Message<'_>,
    previous: Option<&delimiters::PrefixedLines>,
) -> Option<delimiters::PrefixedLines> {
    let at = |offset: u32| previous.map_or(offset as usize, |p| p.input_offset(offset as usize));
    let multiparts: Vec<delimiters::Multipart> = parsed
        .parts
        .iter()
        .filter_map(|p| {
            let boundary = p.content_type()?.attribute("boundary")?;
            Some(delimiters::Multipart { boundary, start: at(p.offset_body), end: at(p.offset_end) })
        })
        .collect();
    let lines = LineIndex::new(decoded);
    let header = headers::scan(decoded, 0, decoded.len());
    delimiters::prefixed_lines(decoded, decoded, &lines, header.body_start, decoded.len(), &multiparts, message_parser())
}

/// Quoted-printable text as a reader reads its encoded carriage returns. RFC
/// 2045 §6.7 (1) and (4): a line break of text is a line break of the encoding,
/// and `=0D` is a CR octet of the data outside any line break; RFC 2046 §4.1.1
/// gives a CR in text no meaning but as the start of a CRLF. An encoder that
/// quotes its local text without first making it canonical (§6.7's note)
/// writes the CR of each CRLF line end as `=0D` before the line break (MIME::Lite
/// on text given with CRLF, as form textareas send it): that CR is part of the
/// line break, so `CR CRLF` is read as one line break, and any other lone CR as
/// a line break too, as readers show it. The decoded text of a quoted-printable
/// part is not mapped back to raw offsets (`HtmlBody::source_offset`), so its
/// length may change.
fn encoded_carriage_returns(text: Cow<'_, str>) -> Cow<'_, str> {
    let lone = |bytes: &[u8]| memchr::memchr_iter(b'\r', bytes).any(|at| bytes.get(at + 1) != Some(&b'\n'));
    if !lone(text.as_bytes()) {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text.as_ref();
    while let Some(at) = rest.find('\r') {
        out.push_str(&rest[..at]);
        rest = &rest[at + 1..];
        if rest.starts_with('\n') {
            out.push('\r');
        } else if !rest.starts_with("\r\n") {
            out.push('\n');
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}


/// Limits for the model's own tests, which carry no archives.
#[cfg(test)]
pub(crate) fn test_limits() -> inspect::Limits {
    inspect::Limits {
        max_depth: 1,
        max_entries: 10,
        max_inflated_bytes: 1000,
        max_compression_ratio: 100,
        compression_ratio_min_bytes: 1000,
        executable_extensions: std::borrow::Cow::Borrowed(&[]),
        blocked_extensions: std::borrow::Cow::Borrowed(&[]),
    }
}

/// mail-parser's parser as the model reads with it: the MIME and date fields
/// parsed, the Subject as text so that RFC 2047 encoded words are decoded (the
/// default keeps it raw). Made once: a parser is a table of its
/// twenty field readers, which building for each message (twenty insertions
/// into a `HashMap` and its growth) was about 1 % of a corpus lint (#14).
///
/// Every other field (Received, Message-ID, X-…) is skipped, not kept as raw
/// text: the model reads those fields from the input (`headers::scan`), never
/// mail-parser's value of them, and mail-parser ends a skipped field where it
/// ends a raw one (`parse_and_ignore` and `parse_raw` stop at the same line
/// break), so every offset stays the same. Its raw text of them (a
/// `String::from_utf8_lossy` each, then freed) was 48.6 M instructions of the
/// corpus pass (callgrind, 3.1 %): its header reading 91.7 -> 58.7 M.
///
/// The address fields are skipped too (#14): the model parses them itself
/// (`FieldValues::parse`, `identity`) and never asked mail-parser's values,
/// and `parse_address` ends a field at the line break `parse_and_ignore` ends
/// it at (the first not followed by a space or a tab; an encoded word that
/// does not close before it is read again as text), while mail-parser's
/// structure asks only Content-Type, Content-Disposition and
/// Content-Transfer-Encoding (`skipped_fields_end_where_read_ones_end`).
/// callgrind, the corpus pass: `parse_address` was 11.1 M instructions, with
/// the lists it built and freed; mail-parser's parse 110.06 -> 100.48 M, the
/// pass 1,269.15 -> 1,254.02 M with the Subject, tables and header room mends. The date fields are still read: mail-parser's
/// `parse_date` reads past the end of a `Date: … UT` field into the lines
/// after it (two messages of the dev corpus, whose body then starts later: the
/// model reads the body where mail-parser does).
fn message_parser() -> &'static MessageParser {
    static PARSER: OnceLock<MessageParser> = OnceLock::new();
    PARSER.get_or_init(|| {
        MessageParser::new()
            .with_mime_headers()
            .with_date_headers()
            .header_text(mail_parser::HeaderName::Subject)
            .default_header_ignore()
    })
}

/// `message_parser` skipping the Subject as it skips the fields it does not
/// read: for a message whose Subject the model decodes itself (an encoded word
/// in a code page mail-parser has no name for), which mail-parser decoded too
/// (review mend: the Subject decoded once). `parse_unstructured` ends a field
/// at the line break `parse_and_ignore` ends it at (the first not followed by a
/// space or a tab; an encoded word is decoded only when it closes before it), so
/// every part and offset stays the same.
fn message_parser_skipping_subject() -> &'static MessageParser {
    static PARSER: OnceLock<MessageParser> = OnceLock::new();
    PARSER.get_or_init(|| MessageParser::new().with_mime_headers().with_date_headers().default_header_ignore())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A part as the model reads it from mail-parser: its offsets, content type
    /// and fields' names and offsets.
    type PartRead = (u32, u32, u32, Option<String>, Vec<(String, u32, u32, u32)>);

    /// What a parser makes of `bytes` that the model reads, attached messages' parts after their part.
    fn structure(parser: &MessageParser, bytes: &[u8]) -> Option<Vec<PartRead>> {
        fn each(message: &mail_parser::Message<'_>, out: &mut Vec<PartRead>) {
            for part in &message.parts {
                let content_type = part.content_type().map(|ct| format!("{}/{:?} {:?}", ct.ctype(), ct.subtype(), ct.attributes()));
                let fields =
                    part.headers.iter().map(|h| (h.name.as_str().to_string(), h.offset_field, h.offset_start, h.offset_end)).collect();
                out.push((part.offset_header, part.offset_body, part.offset_end, content_type, fields));
                if let PartType::Message(nested) = &part.body {
                    each(nested, out);
                }
            }
        }
        let mut out = Vec::new();
        each(&parser.parse(bytes)?, &mut out);
        Some(out)
    }

    /// The parsers the model reads with skip fields and end them as reading
    /// them does: the same parts, fields and offsets whether address and
    /// Subject fields are read or skipped, on mail as written (the shared
    /// corpus) and on Subjects and addresses that fold, hold encoded words cut
    /// by a line break, quotes left open, CR alone (and a `Date: … UT` field,
    /// which mail-parser reads past its end, read as it was).
    #[test]
    fn skipped_fields_end_where_read_ones_end() {
        let reading = MessageParser::new()
            .with_mime_headers()
            .with_address_headers()
            .with_date_headers()
            .header_text(mail_parser::HeaderName::Subject)
            .default_header_ignore();
        let mut messages: Vec<Vec<u8>> = Vec::new();
        let values = [
            "=?cp950?B?t3zEs7Nxqr4=?=",
            "=?utf-8?Q?caf=C3=A9?=\r\n =?utf-8?B?Y2Fmw6k=?= (2)",
            "=?utf-8?Q?cut\r\nX-Next: =?= after",
            "=?utf-8?B?Y2Fm\nTo: x@example.com",
            "\"open quote\r\n <a@example.com>",
            "\"open quote\nContent-Type: text/html",
            "a\rb =?iso-8859-1?Q?=E9?=\r\n\t<b@example.com>, \"c\\\"\" <c@x>",
            "(comment =?utf-8?Q?a?=\n (more)) d@example.com",
            "Mon, 2 Mar 2026 10:00:00 +0000 (=?utf-8?Q?x?=\r\n)",
            "Sun, 25 Aug 2002 16:50:54 UT\n\nOn Sat, 24 Aug 2002 11:07:00 -0700, \"J\" <j@example.net>\nsaid:",
        ];
        for value in values {
            for name in ["Subject", "From", "To", "Date", "Reply-To"] {
                messages.push(
                    format!(
                        "{name}: {value}\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\n\
                         Content-Type: message/rfc822\r\n\r\n{name}: {value}\r\nContent-Type: text/plain\r\n\r\nin\r\n--b--\r\n"
                    )
                    .into_bytes(),
                );
            }
        }
        let (corpus, paths) = crate::text::corpus_files();
        if paths.is_empty() {
            eprintln!("skipped_fields_end_where_read_ones_end: {} is absent, the corpus skipped", corpus.display());
        }
        messages.extend(paths.iter().map(|path| std::fs::read(path).unwrap_or_default()));
        for bytes in &messages {
            let read = structure(&reading, bytes);
            assert!(read == structure(message_parser(), bytes), "{}", String::from_utf8_lossy(bytes));
            assert!(read == structure(message_parser_skipping_subject(), bytes), "{}", String::from_utf8_lossy(bytes));
        }
    }

    #[test]
    fn a_subject_in_a_code_page_mail_parser_does_not_name_is_the_models() {
        let raw = b"From: a@example.com\r\nSubject: =?utf-8?Q?first?=\r\nSubject: =?cp950?B?t3zEs7Nxqr4=?= (2)\r\n\r\nHi\r\n";
        let message = Message::analyse(raw, crate::report::Origin::Raw, Vec::new(), &test_limits());
        assert_eq!(message.subject.as_deref(), Some("會議通知 (2)"));
        let raw = b"From: a@example.com\r\nSubject: =?cp950?B?t3zEs7Nxqr4=?=\r\nSubject: =?utf-8?Q?caf=C3=A9?=\r\n\r\nHi\r\n";
        let message = Message::analyse(raw, crate::report::Origin::Raw, Vec::new(), &test_limits());
        assert_eq!(message.subject.as_deref(), Some("café"));
    }

    /// `join_adjacent_encoded_words` as it was before it searched only the
    /// name's prefix that the words can reach: the whole name searched and
    /// copied, each time (the pairs are found the same way).
    fn join_searching_the_whole_name(name: &str, fields: &[&[u8]]) -> String {
        let mut name = name.to_string();
        for (first, separators, second, _) in adjacent_encoded_words(fields) {
            for separator in separators {
                let apart = format!("{first}{separator}{second}");
                if name.contains(&apart) {
                    name = name.replacen(&apart, &format!("{first}{second}"), 1);
                    break;
                }
            }
        }
        name
    }

    #[test]
    fn a_crowded_part_header_is_folded_for_mail_parser_and_its_mime_fields_kept() {
        use crate::inspect::parser_guard::MAX_PART_HEADER_FIELDS;
        // A part header of more fields than mail-parser is given, then its
        // Content-Type; an attached message's header the same.
        let crowd = "a:1\r\n".repeat(MAX_PART_HEADER_FIELDS + 1_000);
        let raw = format!(
            "From: a@example.com\r\nTo: b@example.com\r\nSubject: Hi\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n\
             --b\r\n{crowd}Content-Type: text/html; charset=utf-8\r\n\r\n<p>Hello</p>\r\n\
             --b\r\nContent-Type: message/rfc822\r\n\r\n{crowd}From: c@example.org\r\nContent-Type: text/plain\r\n\r\nInner\r\n--b--\r\n"
        );
        let message = Message::analyse(raw.as_bytes(), Origin::Raw, Vec::new(), &test_limits());
        let types: Vec<&str> = message.parts.iter().map(|p| p.content_type.as_str()).collect();
        assert_eq!(types, ["multipart/mixed", "text/html", "message/rfc822", "text/plain"], "{types:?}");
        assert_eq!(message.html.len(), 1);
        assert_eq!(message.parts[3].text().map(str::trim_end), Some("Inner"));
    }

    #[test]
    fn joining_encoded_words_searches_the_prefix_they_reach_and_finds_the_same() {
        // Fields of plain text, separators and words (UTF-8, US-ASCII and
        // Latin-1, Q and B, one unclosed); the name as a reader decodes the
        // field (words decoded, folds unfolded, separators kept), as
        // mail-parser gives it.
        let pieces: [(&str, &str); 12] = [
            ("=?UTF-8?Q?a=2E?=", "a."),
            ("=?utf-8?B?w6k=?=", "é"),
            ("=?us-ascii?Q?txt?=", "txt"),
            ("=?ISO-8859-1?Q?=E9?=", "é"),
            ("=?UTF-8?Q?=E2=82=AC?=", "€"),
            ("=?UTF-8?Q?x", "=?UTF-8?Q?x"),
            (" ", " "),
            ("\r\n ", " "),
            ("\t", "\t"),
            ("vbs", "vbs"),
            ("\u{e9}", "\u{e9}"),
            ("\u{fffd}", "\u{fffd}"),
        ];
        let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l"];
        crate::text::generated_texts(&names, 20_000, 10, |code| {
            let (mut field, mut name) = (String::new(), String::new());
            for letter in code.chars() {
                let (raw, shown) = pieces[(letter as u8 - b'a') as usize];
                field.push_str(raw);
                name.push_str(shown);
            }
            for fields in [vec![field.as_bytes()], vec![b"=?UTF-8?Q?a?= =?UTF-8?Q?b?=".as_slice(), field.as_bytes()]] {
                assert_eq!(join_adjacent_encoded_words(&name, &fields), join_searching_the_whole_name(&name, &fields), "{field:?}");
            }
        });
        // A name of many words: the first 64 are joined, the rest kept apart.
        let field = "=?UTF-8?B?w6nDqQ==?= ".repeat(100_000);
        let name = "éé ".repeat(100_000);
        let joined = join_adjacent_encoded_words(name.trim_end(), &[field.trim_end().as_bytes()]);
        assert_eq!(joined, join_searching_the_whole_name(name.trim_end(), &[field.trim_end().as_bytes()]));
        assert!(joined.starts_with(&format!("{} éé", "é".repeat(128))), "{}", &joined[..300]);
    }

    #[test]
    fn a_body_starts_with_its_own_text_or_an_equal_copy() {
        let raw = "Subject: x\r\n\r\n<p>Hello</p>\r\n";
        let body = &raw.as_bytes()[14..];
        assert!(starts_with_text(body, &raw[14..]));
        assert!(starts_with_text(body, &raw[14..26]));
        assert!(starts_with_text(body, &String::from("<p>Hello</p>")));
        assert!(!starts_with_text(body, "<p>Bye</p>"));
        // The same address, but the text runs past the body.
        assert!(!starts_with_text(&body[..5], &raw[14..]));
        assert!(starts_with_text(body, ""));
    }

    #[test]
    fn the_visible_text_is_the_bodies_texts_one_a_line() {
        // As the bodies' texts joined (the way before #14 kept one body's text
        // where it is): none, one or two text bodies, one or two HTML bodies,
        // and a text body beside HTML.
        let definition = |message: &Message| match message.html.is_empty() {
            true => message.text_bodies().filter_map(Part::reader_text).collect::<Vec<_>>().join("\n"),
            false => message.html.iter().map(|h| h.facts.visible_text.as_str()).collect::<Vec<_>>().join("\n"),
        };
        let part = |kind: &str, body: &str| format!("--X\r\nContent-Type: {kind}; charset=utf-8\r\n\r\n{body}\r\n");
        let multipart = |parts: &[String]| {
            format!("From: a@b.example\r\nContent-Type: multipart/mixed; boundary=X\r\n\r\n{}--X--\r\n", parts.concat())
        };
        let (text, html) = (part("text/plain", "Hello there"), part("text/html", "<p>Hi <b>you</b></p>"));
        let other_html = part("text/html", "<div>Second</div>");
        let cases = [
            "From: a@b.example\r\n\r\nOne body\r\n".to_string(),
            "From: a@b.example\r\nContent-Type: text/html\r\n\r\n<p>Only <i>HTML</i></p>\r\n".to_string(),
            "From: a@b.example\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\nAAEC\r\n".to_string(),
            multipart(&[text.clone()]),
            multipart(&[text.clone(), part("text/plain", "Second text")]),
            multipart(&[html.clone()]),
            multipart(&[html.clone(), other_html]),
            multipart(&[text, html]),
            multipart(&[]),
        ];
        let mut seen = std::collections::HashSet::new();
        for raw in &cases {
            let message = Message::analyse(raw.as_bytes(), Origin::Raw, Vec::new(), &test_limits());
            assert_eq!(message.visible_text(), definition(&message), "{raw:?}");
            seen.insert(std::mem::discriminant(&message.visible));
        }
        assert_eq!(seen.len(), 3, "each way is taken");
    }

    #[test]
    fn text_parts_mail_parser_could_not_decode_are_read_as_bodies() {
        // "Buy now at http://bit.ly/x" in base64 and quoted-printable.
        let head = "From: a@b.example\r\nSubject: Hi\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=X\r\n\r\n--X\r\n";
        let cases = [
            // No closing delimiter, each transfer encoding.
            ("Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\nQnV5IG5vdyBhdCBodHRwOi8vYml0Lmx5L3g=\r\n", "text/plain"),
            ("Content-Type: text/plain\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\nBuy now at http=3A//bit.ly/x\r\n", "text/plain"),
            ("Content-Type: text/plain\r\n\r\nBuy now at http://bit.ly/x\r\n", "text/plain"),
            ("Content-Type: text/html\r\nContent-Transfer-Encoding: base64\r\n\r\nPHA+QnV5IG5vdyBhdCBodHRwOi8vYml0Lmx5L3g8L3A+\r\n", "text/html"),
            // Closed, but a character outside the base64 alphabet (RFC 2045 §6.8: ignored).
            ("Content-Type: text/plain\r\nContent-Transfer-Encoding: base64\r\n\r\nQnV5IG5vdyBhdCBodHRwOi8vYml0Lmx5L3g=!\r\n--X--\r\n", "text/plain"),
        ];
        for (part, content_type) in cases {
            let raw = format!("{head}{part}");
            let message = Message::analyse(raw.as_bytes(), Origin::Raw, Vec::new(), &test_limits());
            let body = &message.parts[1];
            assert_eq!(body.content_type, content_type, "{part}");
            assert!(body.encoding_problem, "mail-parser still reports the problem: {part}");
            assert!(body.is_body && !body.is_attachment, "{part}");
            assert!(body.text().is_some_and(|t| t.contains("Buy now at http://bit.ly/x")), "{part}: {:?}", body.text());
            assert_eq!(matches!(body.body, Body::Html(_)), content_type == "text/html", "{part}");
        }
        // One sent as a file, or named by its type, stays an attachment (decoded all the
        // same), as mail-parser reads them well-formed; an inline one with a file name is a body.
        for (disposition, body) in [
            ("Content-Type: text/plain\r\nContent-Disposition: attachment\r\n", false),
            ("Content-Type: text/plain; name=a.txt\r\n", true),
            ("Content-Type: text/plain\r\nContent-Disposition: inline; filename=a.txt\r\n", true),
        ] {
            let raw = format!("{head}{disposition}Content-Transfer-Encoding: base64\r\n\r\nQnV5IG5vdyBhdCBodHRwOi8vYml0Lmx5L3g=\r\n");
            let message = Message::analyse(raw.as_bytes(), Origin::Raw, Vec::new(), &test_limits());
            assert_eq!(message.parts[1].is_body, body, "{disposition}");
            assert_eq!(message.parts[1].text(), Some("Buy now at http://bit.ly/x"), "{disposition}");
            // The same part well-formed (closed): mail-parser's own answer.
            let closed = format!("{raw}--X--\r\n");
            let message = Message::analyse(closed.as_bytes(), Origin::Raw, Vec::new(), &test_limits());
            assert_eq!(message.parts[1].is_body, body, "closed: {disposition}");
        }
        // A second part named by its type: an attachment, closed or not.
        let second = format!(
            "{head}Content-Type: text/plain\r\n\r\nHello\r\n--X\r\nContent-Type: text/plain; name=a.txt\r\nContent-Transfer-Encoding: base64\r\n\r\nQnV5IG5vdyBhdCBodHRwOi8vYml0Lmx5L3g=\r\n"
        );
        for raw in [second.clone(), format!("{second}--X--\r\n")] {
            let message = Message::analyse(raw.as_bytes(), Origin::Raw, Vec::new(), &test_limits());
            assert!(!message.parts[2].is_body && message.parts[2].is_attachment, "{raw}");
        }
        for disposition in ["Content-Disposition: attachment\r\n"] {
            let raw = format!("{head}Content-Type: text/plain\r\n{disposition}Content-Transfer-Encoding: base64\r\n\r\nQnV5IG5vdyBhdCBodHRwOi8vYml0Lmx5L3g=\r\n");
            let message = Message::analyse(raw.as_bytes(), Origin::Raw, Vec::new(), &test_limits());
            assert!(!message.parts[1].is_body && message.parts[1].is_attachment, "{disposition}");
            assert_eq!(message.parts[1].text(), Some("Buy now at http://bit.ly/x"), "{disposition}");
        }
    }

    #[test]
    fn multipart_parts_are_flattened_with_offsets() {
        let raw = b"From: a@b.example\r\nContent-Type: multipart/mixed; boundary=X\r\n\r\n--X\r\nContent-Type: text/plain\r\n\r\nhello\r\n--X\r\nContent-Type: application/octet-stream\r\nContent-Disposition: attachment; filename=a.bin\r\nContent-Transfer-Encoding: base64\r\n\r\nAAEC\r\n--X--\r\n";
        let message = Message::analyse(raw, Origin::Raw, Vec::new(), &test_limits());
        assert_eq!(message.parts.len(), 3);
        assert_eq!(message.parts[0].content_type, "multipart/mixed");
        assert_eq!(message.parts[0].children, vec![1, 2]);
        assert!(message.parts[1].is_body);
        let attachment = &message.parts[2];
        assert!(attachment.is_attachment);
        assert_eq!(attachment.filename.as_deref(), Some("a.bin"));
        assert_eq!(attachment.decoded(), &[0, 1, 2]);
        assert_eq!(attachment.headers.fields.len(), 3);
        let range = attachment.body_range.clone().unwrap();
        assert!(raw[range].starts_with(b"AAEC"));
    }

    #[test]
    fn an_encoded_cr_before_a_line_break_is_part_of_it_and_a_lone_one_is_a_line_break() {
        // MIME::Lite 3.033 quoting text given with CRLF line ends, as sent (CRLF) and as written (LF).
        for raw in [
            &b"From: a@b.example\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\nName: Jane=0D\r\n=0D\r\nHello=0Dagain=0D\r\n"[..],
            &b"From: a@b.example\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\nName: Jane=0D\n=0D\nHello=0Dagain=0D\n"[..],
        ] {
            let message = Message::analyse(raw, Origin::Raw, Vec::new(), &test_limits());
            let text = message.parts[0].text().unwrap();
            assert_eq!(text.replace("\r\n", "\n"), "Name: Jane\n\nHello\nagain\n", "{text:?}");
            assert!(!text.replace("\r\n", "").contains('\r'), "{text:?}");
        }
        // Not quoted-printable: the text as written.
        let raw = b"From: a@b.example\r\nContent-Type: text/plain\r\n\r\nab\r\r\ncd\r\n";
        assert_eq!(Message::analyse(raw, Origin::Raw, Vec::new(), &test_limits()).parts[0].text(), Some("ab\r\r\ncd\r\n"));
    }

    #[test]
    fn line_breaks_are_counted_from_the_content_start_in_one_pass() {
        // CR CR LF: a bare CR then a CRLF; a LF right after the content start is
        // bare even when a CR precedes it outside the content.
        let raw = b"env\r\nab\r\r\ncd\nef\rgh0123456789\r\n";
        let (index, breaks) = scan_lines(raw, 4);
        assert_eq!(breaks, LineBreaks { crlf: 2, bare_lf: 2, bare_cr: 2 });
        assert_eq!(index.line_starts(), &[0, 5, 10, 13, raw.len()]);
        let (_, whole) = scan_lines(raw, 0);
        assert_eq!(whole, LineBreaks { crlf: 3, bare_lf: 1, bare_cr: 2 });
        // Every content start of generated texts of CR, LF and letters, against a byte at a time.
        crate::text::generated_texts(&["\r", "\n", "\r\n", "a", "bc", "\r\r"], 2_000, 40, |text| {
            let raw = text.as_bytes();
            for content_start in 0..=raw.len() {
                let mut starts = vec![0];
                let mut counts = LineBreaks::default();
                for (i, &b) in raw.iter().enumerate() {
                    match b {
                        b'\n' => {
                            starts.push(i + 1);
                            match i > content_start && raw[i - 1] == b'\r' {
                                true => counts.crlf += 1,
                                false if i >= content_start => counts.bare_lf += 1,
                                false => {}
                            }
                        }
                        b'\r' if i >= content_start && raw.get(i + 1) != Some(&b'\n') => counts.bare_cr += 1,
                        _ => {}
                    }
                }
                let (index, breaks) = scan_lines(raw, content_start);
                assert_eq!((index.line_starts(), breaks), (&starts[..], counts), "{text:?} {content_start}");
            }
        });
    }

    #[test]
    fn the_lines_of_a_range_are_read_from_the_index() {
        // The walk the index replaces: from the range's start, each LF ends a
        // line (a CR before it dropped), the range's end ends the last.
        fn walked(body: &[u8]) -> Vec<(usize, usize)> {
            let mut lines = Vec::new();
            let mut start = 0;
            while start < body.len() {
                let nl = body[start..].iter().position(|&b| b == b'\n').map_or(body.len(), |p| start + p);
                let end = if nl > start && body[nl - 1] == b'\r' { nl - 1 } else { nl };
                lines.push((start, end));
                start = nl + 1;
            }
            lines
        }
        let raw = b"H: v\r\n\r\nab\r\n\r\ncd\nef\r\rgh\n\nij\r";
        let index = LineIndex::new(raw);
        for from in 0..=raw.len() {
            for to in from..=raw.len() {
                let read: Vec<(usize, usize)> =
                    index.lines_in(raw, from..to).map(|(start, end)| (start - from, end - from)).collect();
                assert_eq!(read, walked(&raw[from..to]), "{from}..{to}");
            }
        }
    }

    #[test]
    fn encoded_size_counts_a_bare_lf_as_the_crlf_smtp_sends() {
        let lf = Message::analyse(b"From: a@example.com\nSubject: Hi\n\nHello\n", Origin::Raw, Vec::new(), &test_limits());
        let crlf =
            Message::analyse(b"From: a@example.com\r\nSubject: Hi\r\n\r\nHello\r\n", Origin::Raw, Vec::new(), &test_limits());
        assert_eq!(lf.encoded_size(), crlf.encoded_size());
        assert_eq!(crlf.encoded_size(), crlf.raw.len());
    }

    #[test]
    fn line_index_maps_offsets() {
        let index = LineIndex::new(b"ab\ncd\r\nef");
        let raw = b"ab\ncd\r\nef";
        assert_eq!(index.line_column(raw, 0), (1, 1));
        assert_eq!(index.line_column(raw, 4), (2, 2));
        assert_eq!(index.line_column(raw, 7), (3, 1));
    }

    #[test]
    fn columns_far_along_long_lines_are_counted_from_marks_as_from_the_start() {
        // Invalid UTF-8 written as stand-ins: a lone byte, a cut sequence, a surrogate.
        let invalid = |text: &str| -> Vec<u8> {
            let mut bytes = Vec::with_capacity(text.len());
            for c in text.chars() {
                match c {
                    '§' => bytes.push(0xff),
                    '¶' => bytes.extend_from_slice(b"\xe2\x82"),
                    '†' => bytes.extend_from_slice(b"\xed\xa0\x80"),
                    _ => bytes.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes()),
                }
            }
            bytes
        };
        let from_the_start = |raw: &[u8], offset: usize| {
            let offset = offset.min(raw.len());
            let start = raw[..offset].iter().rposition(|&b| b == b'\n').map_or(0, |n| n + 1);
            let line = raw[..start].iter().filter(|&&b| b == b'\n').count() + 1;
            (line, String::from_utf8_lossy(&raw[start..offset]).chars().count() + 1)
        };
        let words = "abcdefghijklmnopqrstuvwxyz0123456789 ";
        let few_lines = ["a", "é", "😀", "§", "¶", "†", words, words, words, words, "\n", "\r\n"];
        let one_line = ["a", "é", "😀", "§", "¶", "†", words];
        let mut far = 0;
        for pieces in [&few_lines[..], &one_line[..]] {
            crate::text::generated_texts(pieces, 24, 2_000, |text| {
                let raw = invalid(text);
                let index = LineIndex::new(&raw);
                for offset in (0..=raw.len() + 2).step_by(1 + raw.len() % 29) {
                    let start = index.line_starts[index.line_starts.partition_point(|&s| s <= offset.min(raw.len())) - 1];
                    far += usize::from(offset.min(raw.len()) - start > COLUMN_MARK_BYTES);
                    assert_eq!(index.line_column(&raw, offset), from_the_start(&raw, offset), "{offset} of {}", raw.len());
                }
                assert_eq!(index.line_column(&raw, raw.len()), from_the_start(&raw, raw.len()));
            });
        }
        assert!(far > 1_000, "the offsets past a mark are {far}");
    }

    #[test]
    fn columns_count_code_points() {
        let raw = "Subject: Caf\u{e9} ouvert\n".as_bytes();
        let index = LineIndex::new(raw);
        // "ouvert" starts at byte 15, the 15th character (é is two bytes).
        assert_eq!(index.line_column(raw, 15), (1, 15));
        assert_eq!(index.line_column(b"\xff\xfeab", 2), (1, 3));
    }
}

#[cfg(test)]
mod attached_message_tests {
    use super::*;

    thread_local! {
        /// A smaller `MAX_REREAD_MESSAGE_BYTES` for the test of the limit.
        pub(super) static REREAD_BUDGET: std::cell::Cell<Option<usize>> = const { std::cell::Cell::new(None) };
    }

    /// `inner` attached to a message under base64, as Symfony Mime 5.4 writes it.
    fn in_base64(inner: &[u8], level: usize) -> Vec<u8> {
        let mut raw = format!(
            "From: a@example.com\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=L{level}\r\n\r\n--L{level}\r\nContent-Type: message/rfc822\r\nContent-Transfer-Encoding: base64\r\n\r\n"
        )
        .into_bytes();
        raw.extend_from_slice(crate::input::encode::base64_body(inner).as_bytes());
        raw.extend_from_slice(format!("\r\n--L{level}--\r\n").as_bytes());
        raw
    }

    /// The types of the parts of `raw`'s model, and the bytes of attached messages left unopened.
    fn read_with_budget(raw: &[u8], budget: Option<usize>) -> (Vec<String>, usize) {
        REREAD_BUDGET.with(|b| b.set(budget));
        let message = Message::analyse(raw, Origin::Raw, Vec::new(), &test_limits());
        REREAD_BUDGET.with(|b| b.set(None));
        let unopened = message
            .parts
            .iter()
            .filter(|p| p.content_type == "message/rfc822" && p.is_attachment)
            .map(Part::decoded_len)
            .sum();
        (message.parts.iter().map(|p| p.content_type.clone()).collect(), unopened)
    }

    #[test]
    fn encoded_attached_messages_past_mail_parsers_levels_are_opened_within_max_reread_message_bytes() {
        let mut raw = b"From: c@example.com\r\nContent-Type: text/plain\r\n\r\nThe deepest text.\r\n".to_vec();
        for level in 0..8 {
            raw = in_base64(&raw, level);
        }
        // Every level opened: eight attached messages, each a multipart's part, and the text.
        let (types, unopened) = read_with_budget(&raw, None);
        assert_eq!(types.len(), 8 * 2 + 1, "{types:?}");
        assert_eq!(types.last().map(String::as_str), Some("text/plain"), "{types:?}");
        assert_eq!(unopened, 0);
        // With no bytes to spend, mail-parser's three levels are read and the
        // fourth stays an attachment (which the attachment walk opens as a file).
        let (types, unopened) = read_with_budget(&raw, Some(0));
        assert_eq!(types.len(), 4 * 2, "{types:?}");
        assert_eq!(types.last().map(String::as_str), Some("message/rfc822"), "{types:?}");
        assert!(unopened > 0);
    }

    #[test]
    fn the_levels_mail_parser_opens_inside_a_reading_are_charged_to_max_reread_message_bytes() {
        let text = b"From: c@example.com\r\nContent-Type: text/plain\r\n\r\nThe deepest text.\r\n".to_vec();
        let mut levels = vec![text.clone()];
        for level in 0..8 {
            let inner = levels.last().expect("a level");
            levels.push(in_base64(inner, level));
        }
        // mail-parser opens the three levels under the input; the fourth (`levels[4]`) is
        // read again, and mail-parser opens three more inside it (`levels[3..1]`); the
        // text's message under them is read again last. Those two readings alone fit:
        // the three levels parsed inside the first, parsed once more each, do not.
        let readings_alone = levels[4].len() + text.len() + 16;
        assert!(readings_alone < levels[4].len() + levels[3].len());
        REREAD_BUDGET.with(|b| b.set(Some(readings_alone)));
        let message = Message::analyse(levels.last().expect("the input"), Origin::Raw, Vec::new(), &test_limits());
        REREAD_BUDGET.with(|b| b.set(None));
        let types: Vec<&str> = message.parts.iter().map(|p| p.content_type.as_str()).collect();
        assert_eq!(types.len(), 8 * 2, "{types:?}");
        assert_eq!(types.last(), Some(&"message/rfc822"), "{types:?}");
        assert!(message.truncated_reread);
        // Said in the report, quoting the attached message's type where the reading stopped.
        REREAD_BUDGET.with(|b| b.set(Some(readings_alone)));
        let report = crate::lint(levels.last().expect("the input"), &crate::Options::default()).expect("lints");
        REREAD_BUDGET.with(|b| b.set(None));
        let cut = report.findings.iter().find(|f| f.message_id == "headers/multipart-boundary.reread-cut");
        assert!(cut.is_some_and(|f| f.evidence.contains("message/rfc822")), "{:?}", report.findings);
        // Within the limit: every level opened, nothing left.
        let message = Message::analyse(levels.last().expect("the input"), Origin::Raw, Vec::new(), &test_limits());
        assert_eq!(message.parts.len(), 8 * 2 + 1);
        assert!(!message.truncated_reread);
    }

    #[test]
    fn parts_of_an_attached_message_keep_their_offsets_in_the_input() {
        let raw = b"From: a@example.com\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=X\r\n\r\n--X\r\nContent-Type: text/plain\r\n\r\nouter\r\n--X\r\nContent-Type: message/rfc822\r\n\r\nFrom: b@example.com\r\nSubject: inner\r\nContent-Type: text/plain\r\n\r\ninner body\r\n--X--\r\n";
        let message = Message::analyse(raw, Origin::Raw, Vec::new(), &test_limits());
        let inner = message.parts.iter().find(|p| p.in_attached_message && p.text().is_some()).expect("inner part");
        let range = inner.body_range.clone().expect("in the input");
        assert!(raw[range].starts_with(b"inner body"), "{:?}", inner.body_range);
        assert!(inner.headers.first("Subject").is_some());
    }
}
