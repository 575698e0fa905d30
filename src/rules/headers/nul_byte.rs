//! `headers/nul-byte`: RFC 5322 §2.3 and RFC 2045 §2.7–2.8: NUL is not allowed
//! in a message, except in a part declared `binary` (RFC 3030). Many servers
//! cut the message at the first NUL or refuse it.

use crate::i18n::Msg;
use crate::model::Message;
use crate::report::{Location, Severity};
use crate::rules::{Context, Draft, Example, ExampleInput, Group, Rule};

pub const RULE: Rule = Rule {
    id: "headers/nul-byte",
    group: Group::Headers,
    default_severity: Severity::Error,
    default_score: 30,
    examples: &[
        Example::fails("A NUL in the Subject", ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Hi\u{0}there\n\nHello\n")),
        Example::fails("A NUL in a text body", ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Hi\n\nHel\u{0}lo\n")),
        Example::passes("No NUL", ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Hi\n\nHello\n")),
        Example::passes(
            "A NUL inside a part declared binary",
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Hi\nMIME-Version: 1.0\nContent-Type: application/octet-stream\nContent-Transfer-Encoding: binary\n\n\u{0}\u{1}\u{2}\n"),
        ),
    ],
    check,
};

fn check(message: &Message, cx: &mut Context) {
    let binary_ranges: Vec<_> = message
        .parts
        .iter()
        .filter(|p| p.transfer_encoding.as_deref() == Some("binary"))
        .filter_map(|p| p.body_range.clone())
        .collect();
    let mut count = 0usize;
    let mut first = None;
    for (i, &b) in message.raw.iter().enumerate() {
        if b == 0 && !binary_ranges.iter().any(|r| r.contains(&i)) {
            count += 1;
            first.get_or_insert(i);
        }
    }
    let Some(at) = first else { return };
    let in_header = at < message.header.end;
    let id = if in_header { "headers/nul-byte.in-header" } else { "headers/nul-byte.in-body" };
    let mut location = Location::range(at, at + 1);
    if in_header {
        location.header =
            message.header.fields.iter().find(|f| f.start <= at && at < f.end_with_break).map(|f| f.name.clone());
    }
    cx.emit(
        Draft::new(Msg::new(id).int("count", count))
            .evidence_bytes(super::line_breaks::context_around(message.raw, at))
            .at(location),
    );
}
