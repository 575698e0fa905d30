//! `headers/raw-8bit`: RFC 5322 §2.2 header fields are US-ASCII; non-ASCII text
//! goes in RFC 2047 encoded words. Raw UTF-8 is allowed only by RFC 6532, when
//! every server on the way supports SMTPUTF8 (RFC 6531): a warning. Raw bytes
//! that are not even UTF-8 (Latin-1, Windows-1252) show as garbage: an error.
//! File names in MIME parameters are left to `headers/attachment-filename`.

use crate::grammar::mime::parse_mime_value;
use crate::i18n::Msg;
use crate::model::Message;
use crate::report::Severity;
use crate::rules::{Context, Draft, Example, ExampleInput, Group, Rule};

pub const RULE: Rule = Rule {
    id: "headers/raw-8bit",
    group: Group::Headers,
    default_severity: Severity::Error,
    default_score: 20,
    examples: &[
        Example::fails("A Latin-1 byte in the Subject", ExampleInput::Generated(latin1_subject)),
        Example::fails(
            "Raw UTF-8 in the Subject (RFC 6532 only: warning)",
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Caf\u{e9} ouvert\n\nHello\n"),
        ),
        Example::passes(
            "An RFC 2047 encoded Subject",
            ExampleInput::Raw(
                "From: a@example.com\nTo: b@example.com\nSubject: =?UTF-8?Q?Caf=C3=A9_ouvert?=\n\nHello\n",
            ),
        ),
        Example::passes(
            "ASCII only",
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Cafe open\n\nHello\n"),
        ),
    ],
    check,
};

fn latin1_subject() -> Vec<u8> {
    b"From: a@example.com\nTo: b@example.com\nSubject: Caf\xe9 ouvert\n\nHello\n".to_vec()
}

fn check(message: &Message, cx: &mut Context) {
    for (part, block) in super::header_blocks(message) {
        for field in &block.fields {
            let value = field.raw_value(message.raw);
            let Some(first) = value.iter().position(|&b| b >= 0x80) else { continue };
            // File names are `headers/attachment-filename`'s concern.
            let skipped: Vec<(usize, usize)> = if field.is("Content-Type") || field.is("Content-Disposition") {
                let parsed = parse_mime_value(value, field.is("Content-Type"));
                parsed
                    .params
                    .iter()
                    .filter(|p| p.base_name() == "name" || p.base_name() == "filename")
                    .map(|p| p.value_range)
                    .collect()
            } else {
                Vec::new()
            };
            let outside = |i: usize| !skipped.iter().any(|&(s, e)| s <= i && i < e);
            let eight_bit: Vec<usize> = (first..value.len()).filter(|&i| value[i] >= 0x80 && outside(i)).collect();
            let Some(&at) = eight_bit.first() else { continue };
            let utf8 = std::str::from_utf8(value).is_ok();
            let (id, severity) = if utf8 {
                ("headers/raw-8bit.utf8", Severity::Warning)
            } else {
                ("headers/raw-8bit.not-utf8", Severity::Error)
            };
            let end = eight_bit.last().map_or(at + 1, |&l| l + 1);
            cx.emit(
                Draft::new(Msg::new(id).text("field", field.name.clone()).int("count", eight_bit.len()))
                    .evidence(super::field_text(message, field))
                    .at(super::part_value_location(part, field, at, end))
                    .severity(severity),
            );
        }
    }
}
