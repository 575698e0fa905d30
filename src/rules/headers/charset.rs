//! `headers/charset`: RFC 2046 §4.1.2: a text part without a charset
//! parameter is US-ASCII. Non-ASCII text without a declared charset is shown
//! with whatever the reader guesses: accented letters turn into garbage.

use crate::i18n::Msg;
use crate::model::Message;
use crate::report::{Location, Severity};
use crate::rules::{Context, Draft, Example, ExampleInput, Group, Rule};

pub const RULE: Rule = Rule {
    id: "headers/charset",
    group: Group::Headers,
    default_severity: Severity::Warning,
    default_score: 10,
    examples: &[
        Example::fails(
            "UTF-8 text/plain without charset",
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Hi\nMIME-Version: 1.0\nContent-Type: text/plain\nContent-Transfer-Encoding: 8bit\n\nCaf\u{e9} ouvert\n"),
        ),
        Example::fails(
            "A PHP HTML mail with accents and no Content-Type charset",
            ExampleInput::PhpMail { to: "b@example.com", subject: "Hi", message: "<p>R\u{e9}servation confirm\u{e9}e</p>", headers: "From: a@example.com\r\nMIME-Version: 1.0\r\nContent-Type: text/html" },
        ),
        Example::passes(
            "UTF-8 text with charset",
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Hi\nMIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\nCaf\u{e9} ouvert\n"),
        ),
        Example::passes("ASCII text without charset", ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Hi\n\nCafe open\n")),
    ],
    check,
};

fn check(message: &Message, cx: &mut Context) {
    for part in message
        .parts
        .iter()
        .filter(|p| p.content_type.starts_with("text/") && p.charset.is_none() && super::has_raw_offsets(p))
    {
        let decoded = part.decoded();
        let count = decoded.iter().filter(|&&b| b >= 0x80).count();
        if count == 0 {
            continue;
        }
        let field = part.headers.fields.iter().find(|f| f.is("Content-Type"));
        let mut location = match (field, &part.body_range) {
            (Some(f), _) => Location::header(f.name.clone(), f.start, f.end),
            (None, Some(r)) => Location::range(r.start, r.end),
            (None, None) => Location::message(),
        };
        if part.index > 0 {
            location = location.with_part(part.index);
        }
        let evidence = field.map(|f| super::field_text(message, f)).unwrap_or_else(|| part.content_type.clone());
        cx.emit(
            Draft::new(Msg::new("headers/charset.missing").text("type", part.content_type.clone()).int("count", count))
                .evidence(evidence)
                .at(location),
        );
    }
}
