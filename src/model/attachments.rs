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
            // The part's other names (Content-Type `name` beside `filename`, a
            // second `filename`) are checked too: a client may show and save the
            // file under any of them.
            for (parameter, other) in &part.other_names {
                let shown = format!("{name} ({parameter}={})", inspect::shown_name(other));
                facts.extend(inspect::name_facts(&shown, other, limits, &mut spent));
            }
            AttachmentFacts { part: part.index, name, facts, text_span: None }
        })
        .collect();
    // Files uuencoded in a text body, which Thunderbird and Outlook show as
    // attachments and ClamAV decodes: inspected as attachments, their decoded
    // bytes counted in the message's budget.
    for part in parts.iter().filter(|p| p.is_text_body()) {
        let room = usize::try_from(limits.max_inflated_bytes.saturating_sub(spent.inflated)).unwrap_or(usize::MAX);
        for block in inspect::uuencode::blocks(part.text().unwrap_or_default(), room) {
            spent.inflated = spent.inflated.saturating_add(block.data.len() as u64);
            let name = within_attached_messages(parts, part, inspect::shown_name(&block.name));
            let facts = inspect::inspect_named(&name, Some(&block.name), None, &block.data, limits, &mut spent);
            found.push(AttachmentFacts { part: part.index, name, facts, text_span: Some(block.span) });
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

/// The bytes of the file a part carries. A text part's decoded body has been
/// converted to UTF-8 from its charset, which mangles binary content (a program
/// sent as `text/plain`); its file is the raw body, base64-decoded (mailers
/// encode binary content in base64, RFC 2045 §6.8), or as written under an
/// identity encoding. Quoted-printable text keeps its decoded body.
fn file_bytes<'p>(raw: &'p [u8], part: &'p Part) -> Cow<'p, [u8]> {
    let text = matches!(part.body, Body::Text(_) | Body::Html(_));
    let encoded = part.body_range.as_ref().and_then(|range| raw.get(range.clone()));
    match (text, encoded, part.transfer_encoding.as_deref()) {
        (true, Some(encoded), Some("base64")) => Cow::Owned(crate::base64::decode(encoded, usize::MAX)),
        (true, Some(encoded), None | Some("7bit" | "8bit" | "binary")) => Cow::Borrowed(encoded),
        _ => Cow::Borrowed(part.decoded()),
    }
}
