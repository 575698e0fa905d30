//! `headers/mime-version`: RFC 2045 §4: a message that uses MIME fields
//! (Content-Type, Content-Transfer-Encoding) must say `MIME-Version: 1.0` in
//! its header, or readers treat the body as plain US-ASCII text. PHP scripts
//! that add `Content-Type: text/html` alone are the usual case.

use crate::i18n::Msg;
use crate::model::Message;
use crate::report::{Location, Severity};
use crate::rules::{Context, Draft, Example, ExampleInput, Group, Rule};

pub const RULE: Rule = Rule {
    id: "headers/mime-version",
    group: Group::Headers,
    default_severity: Severity::Warning,
    default_score: 10,
    examples: &[
        Example::fails(
            "A PHP mail() call with Content-Type and no MIME-Version",
            ExampleInput::PhpMail { to: "b@example.com", subject: "Hi", message: "<p>Hello</p>", headers: "From: a@example.com\r\nContent-Type: text/html; charset=UTF-8" },
        ),
        Example::fails(
            "A version other than 1.0",
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Hi\nMIME-Version: 2.0\nContent-Type: text/plain\n\nHello\n"),
        ),
        Example::passes(
            "MIME-Version with a comment",
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Hi\nMIME-Version: 1.0 (produced by a form)\nContent-Type: text/plain; charset=utf-8\n\nHello\n"),
        ),
        Example::passes("A plain message without MIME fields", ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Hi\n\nHello\n")),
    ],
    check,
};

fn check(message: &Message, cx: &mut Context) {
    match message.header("MIME-Version") {
        Some(field) => {
            let value = field.raw_value(message.raw);
            let mut problems = Vec::new();
            let start = crate::grammar::lexer::skip_cfws(value, 0, &mut problems);
            let version: Vec<u8> =
                value[start..].iter().copied().take_while(|b| !b.is_ascii_whitespace() && *b != b'(').collect();
            let rest = crate::grammar::lexer::skip_cfws(value, start + version.len(), &mut problems);
            if version.as_slice() != b"1.0" || rest < value.len() {
                cx.emit(
                    Draft::new(Msg::new("headers/mime-version.not-1-0"))
                        .evidence(super::field_text(message, field))
                        .at(super::value_location(field, 0, value.len())),
                );
            }
        }
        None => {
            let mime_fields: Vec<_> = message
                .header
                .fields
                .iter()
                .filter(|f| f.is("Content-Type") || f.is("Content-Transfer-Encoding"))
                .collect();
            if let Some(first) = mime_fields.first() {
                cx.emit(
                    Draft::new(Msg::new("headers/mime-version.missing").text("field", first.name.clone()))
                        .evidence(super::field_text(message, first))
                        .at(Location::header(first.name.clone(), first.start, first.end)),
                );
            }
        }
    }
}
