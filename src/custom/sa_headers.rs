//! The value a SpamAssassin `header` rule matches (`PerMsgStatus::get` and
//! `Message::Node::get_header`): every occurrence of the field, decoded and
//! unfolded (`:raw`: as written, folds turned into a space), joined by line
//! breaks; `ALL` is every field as `Name: value`; `ToCc` is To then Cc;
//! `MESSAGEID` the message-id fields. Each value ends with a line break, as
//! SpamAssassin's; `perl` translates `$` as Perl's (the end, or before a
//! final line break), so `/test$/` hits `test\n` and `/test\z/` does not.
//! `None`: the field is absent (SpamAssassin's `undef`).

use super::targets::{Modifier, Occurrence, Place, Value};
use mail_parser::decoders::charsets::map::charset_decoder;
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
    decoded: &[Option<String>],
    field: &str,
    raw: bool,
    modifier: Option<Modifier>,
    occurrence: Occurrence,
) -> Option<Value<'m>> {
    let fields = &message.header.fields;
    let text_of = |index: usize| -> Vec<u8> {
        let field = &fields[index];
        let written = field.raw_value(message.raw);
        if raw || modifier.is_some() {
            // raw_header: the bytes as written, from after the colon (leading white space kept).
            return unfold(written);
        }
        if std::str::from_utf8(written).is_err() {
            // Node::_decode_header → _normalize: 8-bit text that is not UTF-8 is
            // decoded as Windows-1252 (its guess, and its last resort without
            // Encode::Detect, as Debian installs it), then folds and ends trimmed.
            let text = match charset_decoder(b"windows-1252") {
                Some(decode) => decode(written),
                None => String::from_utf8_lossy(written).into_owned(),
            };
            return unfold(text.as_bytes()).trim_ascii().to_vec();
        }
        decoded.get(index).cloned().flatten().unwrap_or_else(|| field.unfolded_value(message.raw)).into_bytes()
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
    // Message::Node::get_header ends each value with "\n" (a raw value keeps
    // its own) and Plugin::Check joins them as they are; `:addr` and `:name`
    // give values without one, joined by "\n" (Check.pm, Bug 8121).
    let mut text: Vec<u8> = Vec::new();
    let mut starts: Vec<(usize, usize)> = Vec::with_capacity(lines.len());
    for (n, (index, line)) in lines.iter().enumerate() {
        if n > 0 && modifier.is_some() {
            text.push(b'\n');
        }
        starts.push((text.len(), *index));
        text.extend_from_slice(line);
        if modifier.is_none() {
            text.push(b'\n');
        }
    }
    let place = if indices.len() == 1 { Place::Field(indices[0]) } else { Place::Fields(starts) };
    Some(Value { text: text.into(), place })
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
    use crate::custom::targets::decoded_fields;
    use crate::report::Origin;

    fn value(raw: &str, field: &str, raw_mode: bool, modifier: Option<Modifier>) -> Option<String> {
        let message =
            Message::analyse(raw.as_bytes(), Origin::Raw, Vec::new(), &crate::rules::attachments::default_limits());
        let decoded = decoded_fields(&message);
        values(&message, &decoded, field, raw_mode, modifier, Occurrence::All)
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
        let decoded = decoded_fields(&message);
        let text = |field: &str, raw_mode: bool| {
            values(&message, &decoded, field, raw_mode, None, Occurrence::All).map(|v| v.text.into_owned())
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
