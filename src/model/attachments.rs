//! The attachment facts of the analysed message: every part that is a file is
//! handed to `inspect` (its name, declared type and bytes) once, while the
//! message is analysed, under the limits of the options. Rules only read them.

use super::{Body, Part};
use crate::inspect::{self, Fact, Limits};
use std::borrow::Cow;

/// The facts about one attachment (a MIME part).
#[derive(Debug, Clone, PartialEq)]
pub struct AttachmentFacts {
    /// Index of the part in `Message::parts`.
    pub part: usize,
    /// The attachment's name as shown in paths.
    pub name: String,
    pub facts: Vec<Fact>,
    /// For a file uuencoded in a text body: where its block is in the part's
    /// decoded text (`inspect::uuencode::Block::span`); `None` for a part's own file.
    pub text_span: Option<std::ops::Range<usize>>,
    /// The names of the entries its containers list, every level, as written
    /// (within `inspect::MAX_ENTRY_NAME_BYTES` a message): what `filename` custom rules read.
    pub entry_names: Vec<String>,
}

/// Whether a part is inspected: attachments, and any other leaf part that carries a file name.
pub fn is_inspected(part: &Part) -> bool {
    !part.is_multipart() && (part.is_attachment || part.filename.is_some())
}

/// Inspects every inspected part of a message, and the files uuencoded in its
/// text bodies; the inflate and fact budgets of `limits` are the message's,
/// shared by its attachments.
pub fn inspect_parts(raw: &[u8], parts: &[Part], limits: &Limits) -> Vec<AttachmentFacts> {
    let mut spent = inspect::Spent::default();
    let mut found: Vec<AttachmentFacts> = parts
        .iter()
        .filter(|p| is_inspected(p))
        .map(|part| {
            let name = within_attached_messages(parts, part, shown(part));
            let bytes = file_bytes(raw, part);
            let declared = Some(part.content_type.as_str());
            let mut facts = inspect::inspect_named(&name, part.filename.as_deref(), declared, &bytes, limits, &mut spent);
            let entry_names = std::mem::take(&mut spent.entry_names);
            // The part's other names (Content-Type `name` beside `filename`, a
            // second `filename`) are checked too: a client may show and save the
            // file under any of them.
            for (parameter, other) in &part.other_names {
                let shown = format!("{name} ({parameter}={})", inspect::shown_name(other));
                facts.extend(inspect::name_facts(&shown, other, limits, &mut spent));
            }
            AttachmentFacts { part: part.index, name, facts, text_span: None, entry_names }
        })
        .collect();
    // A program, archive or other binary file sent as the text of a body part
    // (`text/plain`, no name): the host's filter scans every decoded part, whatever
    // its disposition, and a client offers to save it; inspected as a file when its
    // first bytes are a binary format (a script or page stays text).
    for part in parts.iter().filter(|p| p.is_body && !is_inspected(p) && binary_content(raw, p)) {
        let name = within_attached_messages(parts, part, shown(part));
        let bytes = file_bytes(raw, part);
        let facts = inspect::inspect_named(&name, None, Some(part.content_type.as_str()), &bytes, limits, &mut spent);
        let entry_names = std::mem::take(&mut spent.entry_names);
        found.push(AttachmentFacts { part: part.index, name, facts, text_span: None, entry_names });
    }
    // Files uuencoded in a text body, which Thunderbird and Outlook show as
    // attachments and ClamAV decodes: inspected as attachments, their decoded
    // bytes counted in the message's budget.
    for part in parts.iter().filter(|p| p.is_text_body()) {
        let room = usize::try_from(limits.max_inflated_bytes.saturating_sub(spent.inflated)).unwrap_or(usize::MAX);
        let mut blocks = inspect::uuencode::blocks(part.text().unwrap_or_default(), room);
        // A body under a uuencode transfer encoding whose text blocks the model
        // decoded (`recover::uudecoded_text`): each file is still a file sent (a
        // script is text), read from the body as written, when the decoded text
        // holds fewer blocks; those left in it are then not located in it.
        let mut as_written = false;
        if part.transfer_encoding.as_deref().is_some_and(|te| super::recover::UUENCODE_ENCODINGS.contains(&te)) {
            let encoded = part.body_range.as_ref().and_then(|range| raw.get(range.clone())).unwrap_or_default();
            let written = inspect::uuencode::blocks(&String::from_utf8_lossy(encoded), room);
            if written.len() > blocks.len() {
                (blocks, as_written) = (written, true);
            }
        }
        for block in blocks {
            spent.inflated = spent.inflated.saturating_add(block.data.len() as u64);
            let name = within_attached_messages(parts, part, inspect::shown_name(&block.name));
            let facts = inspect::inspect_named(&name, Some(&block.name), None, &block.data, limits, &mut spent);
            let entry_names = std::mem::take(&mut spent.entry_names);
            let text_span = (!as_written).then_some(block.span);
            found.push(AttachmentFacts { part: part.index, name, facts, text_span, entry_names });
        }
    }
    found
}

/// A part's name as shown in paths: its file name, else its number and type.
fn shown(part: &Part) -> String {
    match &part.filename {
        Some(name) => inspect::shown_name(name),
        None => format!("part {} ({})", part.index, part.content_type),
    }
}

/// `name` after the names of the attached messages (message/rfc822 parts) the part
/// lies in, outermost first: `fwd.eml > setup.exe`, as the same message sent as a
/// file is walked (`inspect`'s `.eml` container). At most `model::MAX_MIME_DEPTH`
/// ancestors (the model's tree is no deeper).
fn within_attached_messages(parts: &[Part], part: &Part, name: String) -> String {
    let mut path = vec![name];
    let mut parent = part.parent;
    while let Some(index) = parent {
        let Some(ancestor) = parts.get(index) else { break };
        if matches!(ancestor.body, Body::Message) {
            path.push(shown(ancestor));
        }
        parent = ancestor.parent.filter(|&p| p < index);
    }
    path.reverse();
    path.join(" > ")
}

/// Whether a body part's first bytes, decoded as its transfer encoding says, are
/// a binary format (`inspect::magic::detect` on at most `SNIFF_BYTES`): a program,
/// an archive, a document or a picture, not text that reads like a script or a page.
fn binary_content(raw: &[u8], part: &Part) -> bool {
    use inspect::magic::{detect, Format, SNIFF_BYTES};
    let Some(encoded) = part.body_range.as_ref().and_then(|r| raw.get(r.clone())) else { return false };
    let head: Cow<'_, [u8]> = match part.transfer_encoding.as_deref() {
        // Four characters make three bytes; line breaks take a few more.
        Some("base64") => Cow::Owned(crate::base64::decode(&encoded[..encoded.len().min(SNIFF_BYTES * 2)], SNIFF_BYTES)),
        None | Some("7bit" | "8bit" | "binary") => Cow::Borrowed(&encoded[..encoded.len().min(SNIFF_BYTES)]),
        _ => return false,
    };
    // Binary bytes too: a text that begins with a format's signature ("%PDF-1.4 was
    // released…", "GIF89a is…") is still a text. Control bytes other than the text
    // ones (tab, line feed, form feed, carriage return) or bytes that are no UTF-8 say binary.
    let binary = head.iter().any(|&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\x0c' | b'\r'))
        || std::str::from_utf8(&head).is_err_and(|e| e.error_len().is_some());
    binary
        && !matches!(
            detect(&head),
            None | Some(Format::ShebangScript | Format::Hta | Format::WindowsScript | Format::Rtf | Format::Html)
        )
}

/// The bytes of the file a part carries. A text part's decoded body has been
/// converted to UTF-8 from its charset, which mangles binary content (a program
/// sent as `text/plain`); its file is the raw body, base64-decoded (mailers
/// encode binary content in base64, RFC 2045 §6.8), or as written under an
/// identity encoding. Quoted-printable text keeps its decoded body.
fn file_bytes<'p>(raw: &'p [u8], part: &'p Part) -> Cow<'p, [u8]> {
    let text = matches!(part.body, Body::Text(_) | Body::Html(_));
    let encoded = part.body_range.as_ref().and_then(|range| raw.get(range.clone()));
    match (text, encoded, part.transfer_encoding.as_deref()) {
        // uuencode as a transfer encoding (not registered, RFC 2045 §6.3 `x-` tokens;
        // Thunderbird and ClamAV decode it): the first block's file, mail-parser
        // leaving the body as written.
        (_, Some(encoded), Some("x-uuencode" | "uuencode" | "x-uue")) => {
            match inspect::uuencode::blocks(&String::from_utf8_lossy(encoded), encoded.len()).into_iter().next() {
                Some(block) => Cow::Owned(block.data),
                None => Cow::Borrowed(part.decoded()),
            }
        }
        (true, Some(encoded), Some("base64")) => Cow::Owned(crate::base64::decode(encoded, usize::MAX)),
        (true, Some(encoded), None | Some("7bit" | "8bit" | "binary")) => Cow::Borrowed(encoded),
        _ => Cow::Borrowed(part.decoded()),
    }
}
