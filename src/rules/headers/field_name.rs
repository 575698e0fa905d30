//! `headers/field-name`: RFC 5322 §3.6.8: a field name is printable US-ASCII
//! except the colon (`ftext`); white space between the name and the colon is
//! the obsolete form of §4.5 (warning); a header line that is neither a field
//! nor a fold ends the header early for strict readers, so the rest becomes body.

use crate::i18n::Msg;
use crate::model::headers::MalformedKind;
use crate::model::Message;
use crate::report::{Location, Severity};
use crate::rules::{Context, Draft, Example, ExampleInput, Group, Rule};

pub const RULE: Rule = Rule {
    id: "headers/field-name",
    group: Group::Headers,
    default_severity: Severity::Error,
    default_score: 30,
    examples: &[
        Example::fails(
            "A space inside a field name",
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nX Mailer: Form 1.0\nSubject: Hi\n\nHello\n"),
        ),
        Example::fails(
            "A header line without a colon",
            ExampleInput::Raw(
                "From: a@example.com\nTo: b@example.com\nSubject: Hi\nThank you for your order\n\nHello\n",
            ),
        ),
        Example::fails(
            "White space before the colon (obsolete: warning)",
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject : Hi\n\nHello\n"),
        ),
        Example::passes(
            "Names with digits, dashes and dots",
            ExampleInput::Raw(
                "From: a@example.com\nTo: b@example.com\nX-Mailer.Version-2: Form\nSubject: Hi\n\nHello\n",
            ),
        ),
        Example::passes(
            "A folded field",
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Hi\n there\n\nHello\n"),
        ),
    ],
    check,
};

/// RFC 5322 §3.6.8 ftext: %d33-57 / %d59-126.
fn is_ftext(b: u8) -> bool {
    (33..=126).contains(&b) && b != b':'
}

fn check(message: &Message, cx: &mut Context) {
    for (part, block) in super::header_blocks(message) {
        for field in &block.fields {
            let Some(raw_name) = message.raw.get(field.start..field.colon) else { continue };
            let trimmed_len = raw_name.iter().rposition(|&b| b != b' ' && b != b'\t').map_or(0, |p| p + 1);
            let name = &raw_name[..trimmed_len];
            let location = |s: usize, e: usize| {
                let l = Location::header(field.name.clone(), s, e);
                if part == 0 {
                    l
                } else {
                    l.with_part(part)
                }
            };
            if let Some(bad) = name.iter().position(|&b| !is_ftext(b)) {
                cx.emit(
                    Draft::new(
                        Msg::new("headers/field-name.bad-character")
                            .text("field", field.name.clone())
                            .int("position", bad + 1),
                    )
                    .evidence_bytes(raw_name)
                    .at(location(field.start, field.colon)),
                );
            } else if trimmed_len < raw_name.len() {
                cx.emit(
                    Draft::new(Msg::new("headers/field-name.space-before-colon").text("field", field.name.clone()))
                        .evidence_bytes(&message.raw[field.start..field.colon + 1])
                        .at(location(field.start + trimmed_len, field.colon))
                        .severity(Severity::Warning),
                );
            }
        }
        let count = block.malformed.len();
        if let Some(first) = block.malformed.first() {
            let id = match first.kind {
                MalformedKind::NoColon => "headers/field-name.not-a-field",
                MalformedKind::OrphanContinuation => "headers/field-name.orphan-continuation",
                MalformedKind::EmptyName => "headers/field-name.empty-name",
            };
            let location = Location::range(first.start, first.end);
            cx.emit(
                Draft::new(Msg::new(id).int("count", count))
                    .evidence_bytes(message.raw.get(first.start..first.end).unwrap_or(&[]))
                    .at(if part == 0 { location } else { location.with_part(part) }),
            );
        }
    }
}
