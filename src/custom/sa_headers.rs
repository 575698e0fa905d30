//! The value a SpamAssassin `header` rule matches (`PerMsgStatus::get` and
//! `Message::Node::get_header`): every occurrence of the field, decoded and
//! unfolded as `sa_decode` says (`:raw`: as written, folds kept), joined by
//! line breaks; `ALL` is every field as `Name: value`; `ToCc` is To then Cc;
//! `MESSAGEID` the message-id fields. Each value ends with a line break, as
//! SpamAssassin's; `perl` translates `$` as Perl's (the end, or before a
//! final line break), so `/test$/` hits `test\n` and `/test\z/` does not.
//! `None`: the field is absent (SpamAssassin's `undef`).

use super::targets::{Modifier, Occurrence, Place, Value};
use crate::model::Message;

/// Field names with a meaning of their own in SpamAssassin that this module builds.
pub const SPECIAL_FIELDS: &[&str] = &["ALL", "ToCc", "MESSAGEID"];

/// Field names SpamAssassin computes from what only it knows (the SMTP
/// envelope, its parse of the Received chain, the trust path).
pub const UNAVAILABLE_FIELDS: &[&str] = &[
    "EnvelopeFrom",
    "X-Spam-Relays-Untrusted",
    "X-Spam-Relays-Trusted",
    "X-Spam-Relays-External",
    "X-Spam-Relays-Internal",
    "ALL-TRUSTED",
    "ALL-UNTRUSTED",
    "ALL-INTERNAL",
    "ALL-EXTERNAL",
];

/// The joined value of `field` for a SpamAssassin header rule.
pub fn values<'m>(
    message: &'m Message,
    field: &str,
    raw: bool,
    modifier: Option<Modifier>,
    occurrence: Occurrence,
) -> Option<Value<'m>> {
    let fields = &message.header.fields;
    let squash = squashes_crlf(message.content());
    // `ToCc:raw` and `MESSAGEID:raw` are read by `get_header($name, 1)`, which unfolds.
    let unfolds_raw = raw && matches!(field, "ToCc" | "MESSAGEID");
    // Each value with its line break, as `PerMsgStatus::_get` gives them.
    let text_of = |index: usize| -> Vec<u8> {
        let field = &fields[index];
        let written = squashed(field.raw_value(message.raw), squash);
        if unfolds_raw {
            let mut text = unfold(&written);
            text.push(b'\n');
            return text;
        }
        if raw || modifier.is_some() {
            // raw_header: the bytes as written from after the colon, folds kept
            // (a line break and the white space after it), with the line's end.
            let mut text = written;
            text.push(b'\n');
            return text;
        }
        let mut text = decoded_value(message, index);
        text.push(b'\n');
        text
    };
    let names: Vec<&str> = match field {
        "ToCc" => vec!["To", "Cc"],
        "MESSAGEID" => vec!["X-Message-Id", "Resent-Message-Id", "X-Original-Message-ID", "Message-Id"],
        other => vec![other],
    };
    let mut indices: Vec<usize> = Vec::new();
    if field == "ALL" {
        indices.extend(0..fields.len());
    } else {
        for name in &names {
            indices.extend(fields.iter().enumerate().filter(|(_, f)| f.is(name)).map(|(i, _)| i));
        }
    }
    if indices.is_empty() {
        return None;
    }
    indices = match occurrence {
        Occurrence::All => indices,
        Occurrence::First => indices[..1].to_vec(),
        Occurrence::Last => indices[indices.len() - 1..].to_vec(),
    };
    // Each line with its field, so that a match points at the field it is in.
    let mut lines: Vec<(usize, Vec<u8>)> = Vec::with_capacity(indices.len());
    for &index in &indices {
        match modifier {
            // `ALL:raw`: each field as written, name, folds and line break
            // (`get_pristine_header`); `ALL`: `Name: value` decoded (`get_all_headers`).
            None if field == "ALL" && raw => {
                let field = &fields[index];
                let end = field.end_with_break.max(field.end);
                let mut line = message.raw.get(field.start..end).unwrap_or_default().to_vec();
                if end == field.end {
                    line.push(b'\n');
                }
                lines.push((index, line))
            }
            None if field == "ALL" => {
                lines.push((index, [format!("{}: ", fields[index].name).into_bytes(), text_of(index)].concat()))
            }
            None => lines.push((index, text_of(index))),
            Some(modifier) => {
                lines.extend(address_parts(message, index, modifier).into_iter().map(|p| (index, p.into_bytes())))
            }
        }
    }
    if lines.is_empty() {
        return None;
    }
    // Each value ends with its line break (get_header adds "\n", a raw value
    // keeps its own) and Plugin::Check joins them as they are; `:addr` and
    // `:name` give values without one, joined by "\n" (Check.pm, Bug 8121).
    let mut text: Vec<u8> = Vec::new();
    let mut starts: Vec<(usize, usize)> = Vec::with_capacity(lines.len());
    for (n, (index, line)) in lines.iter().enumerate() {
        if n > 0 && modifier.is_some() {
            text.push(b'\n');
        }
        starts.push((text.len(), *index));
        text.extend_from_slice(line);
    }
    let place = if indices.len() == 1 { Place::Field(indices[0]) } else { Place::Fields(starts) };
    Some(Value { text: text.into(), place })
}

/// The decoded value of header field `index` (`Node::header`, `_decode_header`),
/// without the line break SpamAssassin's `get_header` adds.
pub fn decoded_value(message: &Message, index: usize) -> Vec<u8> {
    let Some(field) = message.header.fields.get(index) else { return Vec::new() };
    let written = squashed(field.raw_value(message.raw), squashes_crlf(message.content()));
    super::sa_decode::decode(&field.name, &written)
}

/// Whether SpamAssassin reads the message's line ends as CRLF and squashes them
/// to LF in header values and body lines: its first or its last line ends
/// with CRLF (`Message::new`, bug 4363).
pub(super) fn squashes_crlf(content: &[u8]) -> bool {
    let first = memchr::memchr(b'\n', content).map_or(content, |end| &content[..=end]);
    let last_start = content.strip_suffix(b"\n").and_then(|c| memchr::memrchr(b'\n', c)).map_or(0, |at| at + 1);
    first.ends_with(b"\r\n") || content[last_start..].ends_with(b"\r\n")
}

/// `written` with CRLF made LF when SpamAssassin squashes them.
fn squashed(written: &[u8], squash: bool) -> Vec<u8> {
    if !squash {
        return written.to_vec();
    }
    let mut out = Vec::with_capacity(written.len());
    for (index, &b) in written.iter().enumerate() {
        if !(b == b'\r' && written.get(index + 1) == Some(&b'\n')) {
            out.push(b);
        }
    }
    out
}

/// `s/\r?\n\s+/ /gs`: each fold (a line break and the white space after it) becomes one space.
fn unfold(written: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(written.len());
    let mut i = 0;
    while i < written.len() {
        match written[i] {
            b'\r' if written.get(i + 1) == Some(&b'\n') => i += 1,
            b'\n' => {
                i += 1;
                while i < written.len() && matches!(written[i], b' ' | b'\t' | b'\n' | b'\r') {
                    i += 1;
                }
                out.push(b' ');
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    out
}

/// `:addr` (each address) or `:name` (each display name, decoded) of a field,
/// read as an address list whatever its name (`Return-Path:addr` too), as
/// SpamAssassin's `parse_header_addresses` does.
fn address_parts(message: &Message, index: usize, modifier: Modifier) -> Vec<String> {
    let field = &message.header.fields[index];
    let mut block = b"From:".to_vec();
    block.extend_from_slice(field.raw_value(message.raw));
    block.extend_from_slice(b"\r\n\r\n");
    let Some(parsed) = mail_parser::MessageParser::new().parse_headers(&block) else {
        return Vec::new();
    };
    let Some(list) = parsed.headers().first().and_then(|h| h.value.as_address()) else {
        return Vec::new();
    };
    list.iter()
        .filter_map(|address| match modifier {
            Modifier::Addr => address.address().map(str::to_string),
            Modifier::Name => address.name().map(|n| n.split_whitespace().collect::<Vec<_>>().join(" ")),
        })
        .filter(|text| !text.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Origin;

    fn value(raw: &str, field: &str, raw_mode: bool, modifier: Option<Modifier>) -> Option<String> {
        let message =
            Message::analyse(raw.as_bytes(), Origin::Raw, Vec::new(), &crate::rules::attachments::default_limits());
        values(&message, field, raw_mode, modifier, Occurrence::All)
            .map(|v| String::from_utf8_lossy(&v.text).into_owned())
    }

    #[test]
    fn every_occurrence_is_joined_by_line_breaks() {
        let raw = "Received: a\nReceived: b\n c\nSubject: =?utf-8?q?R=C3=A9union?=\n\nx\n";
        assert_eq!(value(raw, "Received", false, None).as_deref(), Some("a\nb c\n"));
        assert_eq!(value(raw, "Subject", false, None).as_deref(), Some("Réunion\n"));
        assert_eq!(value(raw, "Subject", true, None).as_deref(), Some(" =?utf-8?q?R=C3=A9union?=\n"));
        assert_eq!(value(raw, "X-Absent", false, None), None);
    }

    #[test]
    fn an_eight_bit_value_that_is_not_utf8_is_read_as_windows_1252_and_raw_keeps_the_bytes() {
        let raw = b"Subject: caf\xe9 news\nX-Utf8: caf\xc3\xa9\n\nx\n";
        let message = Message::analyse(raw, Origin::Raw, Vec::new(), &crate::rules::attachments::default_limits());
        let text = |field: &str, raw_mode: bool| {
            values(&message, field, raw_mode, None, Occurrence::All).map(|v| v.text.into_owned())
        };
        assert_eq!(text("Subject", false).as_deref(), Some("caf\u{e9} news\n".as_bytes()));
        assert_eq!(text("Subject", true).as_deref(), Some(&b" caf\xe9 news\n"[..]));
        assert_eq!(text("X-Utf8", false).as_deref(), Some("caf\u{e9}\n".as_bytes()));
    }

    #[test]
    fn address_modifiers_read_the_parsed_addresses() {
        let raw = "From: \"Jo Doe\" <jo@example.com>\nTo: a@example.com\nCc: b@example.com\n\nx\n";
        assert_eq!(value(raw, "From", false, Some(Modifier::Addr)).as_deref(), Some("jo@example.com"));
        assert_eq!(value(raw, "From", false, Some(Modifier::Name)).as_deref(), Some("Jo Doe"));
        assert_eq!(value(raw, "ToCc", false, None).as_deref(), Some("a@example.com\nb@example.com\n"));
        assert_eq!(value(raw, "ToCc", false, Some(Modifier::Addr)).as_deref(), Some("a@example.com\nb@example.com"));
    }
}
