//! Messages attached as files: a part named `.eml`, or declared
//! `message/rfc822`, that the MIME parser did not open (sent as
//! `application/octet-stream`, or found inside an archive). Mail clients open
//! it as a message with its attachments, so its attachments are walked like the
//! entries of an archive: each is a level of the walk, so the depth limit bounds
//! messages inside messages as it bounds archives inside archives.

use super::walk::{Inspection, Item};
use super::{join, FactKind};
use std::borrow::Cow;

/// The declared type of an attached message (RFC 2046 §5.2.1).
const MESSAGE_TYPE: &str = "message/rfc822";

/// Whether a file is a message to open: named `.eml` (the extension Outlook,
/// Thunderbird and Apple Mail save and open messages under) or declared `message/rfc822`.
pub(super) fn is_message(extension: Option<&str>, declared_type: Option<&str>) -> bool {
    extension == Some("eml") || declared_type.is_some_and(|t| t.trim().eq_ignore_ascii_case(MESSAGE_TYPE))
}

impl Inspection<'_> {
    /// Walks the attachments of the message in `item`. A message whose
    /// structure is past what mail-parser is given whole at the top level (too
    /// many part delimiters, a MIME field too long: `parser_guard::scan_structure`) is
    /// not parsed, and said to be uninspectable.
    pub(super) fn open_message<'b>(&mut self, item: &Item<'b>, stack: &mut Vec<Item<'b>>) {
        let (cut, long_fields) = super::parser_guard::scan_structure(&item.bytes);
        if cut.is_some() || !long_fields.is_empty() {
            let format = "message-structure".to_string();
            self.add(&item.path, FactKind::Uninspectable { format, names: Vec::new() });
            return;
        }
        let Some(message) = mime_parser().parse(&item.bytes[..]) else {
            return;
        };
        for (index, part) in message.attachments().enumerate() {
            if self.room() == 0 {
                self.count_entries(&item.path, 0, true);
                break;
            }
            let name = mail_parser::MimeHeaders::attachment_name(part).map(str::to_string);
            let declared = mail_parser::MimeHeaders::content_type(part).map(|ct| match ct.subtype() {
                Some(sub) => format!("{}/{sub}", ct.ctype()).to_ascii_lowercase(),
                None => ct.ctype().to_ascii_lowercase(),
            });
            let label = name.clone().unwrap_or_else(|| format!("[part {}]", index + 1));
            let path = join(&item.path, &label);
            let data = part.contents();
            let whole = self.extract(0, data, data.len() as u64, &path);
            self.count_entries(&item.path, 1, false);
            stack.push(Item {
                path,
                name,
                declared_type: declared,
                bytes: Cow::Owned(whole.bytes),
                complete: whole.complete,
                depth: item.depth + 1,
                in_package: false,
            });
        }
        super::parser_guard::drop_level_by_level(message.parts.into_iter());
    }
}

/// mail-parser's parser of an attached message's MIME structure, made once (a
/// table of six field readers; `model::message_parser`).
fn mime_parser() -> &'static mail_parser::MessageParser {
    static PARSER: std::sync::OnceLock<mail_parser::MessageParser> = std::sync::OnceLock::new();
    PARSER.get_or_init(|| mail_parser::MessageParser::new().with_mime_headers())
}
