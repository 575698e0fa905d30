//! The value a SpamAssassin `header` rule matches (`PerMsgStatus::get` and
//! `Message::Node::get_header`): every occurrence of the field, decoded and
//! unfolded (`:raw`: as written, folds turned into a space), joined by line
//! breaks; `ALL` is every field as `Name: value`; `ToCc` is To then Cc;
//! `MESSAGEID` the message-id fields. The values end without their last line
//! break, so Perl's `$` (end, or before a final line break) is `regex`'s `$`.
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
    decoded: &[Option<String>],
    field: &str,
    raw: bool,
    modifier: Option<Modifier>,
    occurrence: Occurrence,
) -> Option<Value<'m>> {
    let fields = &message.header.fields;
    let text_of = |index: usize| -> String {
        let field = &fields[index];
        if raw || modifier.is_some() {
            // `s/\r?\n\s+/ /gs`: each fold becomes one space.
            let written = String::from_utf8_lossy(field.raw_value(message.raw)).into_owned();
            let mut out = String::with_capacity(written.len());
            let mut rest = written.as_str();
            while let Some(at) = rest.find('\n') {
                let before = rest[..at].strip_suffix('\r').unwrap_or(&rest[..at]);
                out.push_str(before);
                rest = rest[at + 1..].trim_start_matches([' ', '\t', '\n', '\r']);
                out.push(' ');
            }
            out.push_str(rest);
            // SpamAssassin keeps the raw value from after the colon: leading white space included.
            out
        } else {
            decoded.get(index).cloned().flatten().unwrap_or_else(|| field.unfolded_value(message.raw))
        }
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
    let mut lines: Vec<(usize, String)> = Vec::with_capacity(indices.len());
    for &index in &indices {
        let value = text_of(index);
        match modifier {
            None if field == "ALL" => lines.push((index, format!("{}: {}", fields[index].name, value))),
            None => lines.push((index, value)),
            Some(modifier) => lines.extend(address_parts(message, index, modifier).into_iter().map(|p| (index, p))),
        }
    }
    if lines.is_empty() {
        return None;
    }
    let mut text = String::new();
    let mut starts: Vec<(usize, usize)> = Vec::with_capacity(lines.len());
    for (n, (index, line)) in lines.iter().enumerate() {
        if n > 0 {
            text.push('\n');
        }
        starts.push((text.len(), *index));
        text.push_str(line);
    }
    let place = if indices.len() == 1 { Place::Field(indices[0]) } else { Place::Fields(starts) };
    Some(Value { text: text.into_bytes().into(), place })
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
        assert_eq!(value(raw, "Received", false, None).as_deref(), Some("a\nb c"));
        assert_eq!(value(raw, "Subject", false, None).as_deref(), Some("Réunion"));
        assert_eq!(value(raw, "Subject", true, None).as_deref(), Some(" =?utf-8?q?R=C3=A9union?="));
        assert_eq!(value(raw, "X-Absent", false, None), None);
    }

    #[test]
    fn address_modifiers_read_the_parsed_addresses() {
        let raw = "From: \"Jo Doe\" <jo@example.com>\nTo: a@example.com\nCc: b@example.com\n\nx\n";
        assert_eq!(value(raw, "From", false, Some(Modifier::Addr)).as_deref(), Some("jo@example.com"));
        assert_eq!(value(raw, "From", false, Some(Modifier::Name)).as_deref(), Some("Jo Doe"));
        assert_eq!(value(raw, "ToCc", false, None).as_deref(), Some("a@example.com\nb@example.com"));
    }
}
