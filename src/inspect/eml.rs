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
        let source = fold_crowded_part_headers(parser_input(&item.bytes));
        let Some(message) = mime_parser().parse(&source[..]) else {
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

/// What mail-parser is given of an attached message: the message, or when its
/// header is larger than `MAX_PARSER_HEADER_BYTES` (102,400 bytes, Postfix's
/// `header_size_limit`; the model's cap of the top-level header) a copy of the
/// header's MIME fields and Subject (the last of each, as mail-parser reads
/// the last) and the body (`parser_guard::compact_long_header`; the walk reads
/// the parts' contents, not their offsets). mail-parser keeps a record per
/// field: an attached message of `a:1` lines took 36 times its size in wasm
/// memory (581 MB for 16 MB).
fn parser_input(bytes: &[u8]) -> Cow<'_, [u8]> {
    super::parser_guard::compact_long_header(bytes).map_or(Cow::Borrowed(bytes), Cow::Owned)
}

/// `bytes` with the part header fields past `MAX_PART_HEADER_FIELDS` folded,
/// as the model folds the message's (`parser_guard::crowded_part_header_lines`).
fn fold_crowded_part_headers(bytes: Cow<'_, [u8]>) -> Cow<'_, [u8]> {
    let folds = super::parser_guard::crowded_part_header_lines(&bytes, memchr::memchr_iter(b'\n', &bytes).map(|at| at + 1));
    if folds.is_empty() {
        return bytes;
    }
    let mut owned = bytes.into_owned();
    for at in folds {
        owned[at] = b' ';
    }
    Cow::Owned(owned)
}

/// mail-parser's parser of an attached message's MIME structure, made once (a
/// table of six field readers; `model::message_parser`).
fn mime_parser() -> &'static mail_parser::MessageParser {
    static PARSER: std::sync::OnceLock<mail_parser::MessageParser> = std::sync::OnceLock::new();
    PARSER.get_or_init(|| mail_parser::MessageParser::new().with_mime_headers())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::inspect::parser_guard::MAX_PARSER_HEADER_BYTES;
    use crate::inspect::{inspect_file, FactKind};
    use crate::rules::attachments::default_limits;

    /// A message of `header_lines` `a:1` lines, then a multipart/mixed header and
    /// an attachment `payload.exe`.
    fn attached_message(header_lines: usize) -> Vec<u8> {
        let mut message = "a:1\r\n".repeat(header_lines).into_bytes();
        message.extend_from_slice(
            b"Subject: hi\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n\
              --b\r\nContent-Type: text/plain\r\n\r\nhello\r\n\
              --b\r\nContent-Type: application/octet-stream\r\n\
              Content-Disposition: attachment; filename=\"payload.exe\"\r\n\r\nMZ\r\n--b--\r\n",
        );
        message
    }

    #[test]
    fn a_huge_header_gives_mail_parser_its_structure_fields_only() {
        let small = attached_message(10);
        assert!(matches!(parser_input(&small), Cow::Borrowed(_)));
        // 200,000 `a:1` lines (1 MB): only the MIME fields and the body go to mail-parser.
        let huge = attached_message(200_000);
        let input = parser_input(&huge);
        let body_start = huge.windows(4).position(|w| w == b"\r\n\r\n").unwrap() + 4;
        assert!(input.len() < 200 + huge.len() - body_start, "{} bytes", input.len());
        assert!(input.starts_with(b"Content-Type: multipart/mixed; boundary=\"b\"\r\nMIME-Version: 1.0\r\nSubject: hi\r\n\r\n--b"), "{}", String::from_utf8_lossy(&input[..200]));
        // The attachment is found all the same, under its name.
        for message in [&small, &huge] {
            let facts = inspect_file(Some("fwd.eml"), None, message, &default_limits());
            let paths: Vec<&str> = facts.iter().map(|f| f.path.as_str()).collect();
            assert!(paths.contains(&"fwd.eml > payload.exe"), "{paths:?}");
            assert!(facts.iter().any(|f| matches!(f.kind, FactKind::ExecutableContent { .. }) || f.path.ends_with("payload.exe")));
        }
        // The cut is where the model's is: a header of exactly the cap is given whole.
        // (the header and its blank line: `MAX_PARSER_HEADER_BYTES` bytes, then one more).
        let header = |bytes: usize| [vec![b'x'; bytes - 7], b": 1\r\n\r\nbody".to_vec()].concat();
        assert!(matches!(parser_input(&header(MAX_PARSER_HEADER_BYTES)), Cow::Borrowed(_)));
        assert_eq!(parser_input(&header(MAX_PARSER_HEADER_BYTES + 1)).as_ref(), b"\r\nbody");
    }
}
