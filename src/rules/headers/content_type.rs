//! `headers/content-type`: Content-Type (RFC 2045 §5.1) and
//! Content-Disposition (RFC 2183 §2) values: `type/subtype` tokens, then
//! `; attribute=value` parameters, a value with special characters quoted.
//! A value readers cannot parse makes them fall back to text/plain, so the
//! reader sees raw HTML or MIME source.

use crate::i18n::Msg;
use crate::model::Message;
use crate::report::Severity;
use crate::rules::{Context, Draft, Example, ExampleInput, Group, Rule};

pub const RULE: Rule = Rule {
    id: "headers/content-type",
    group: Group::Headers,
    default_severity: Severity::Error,
    default_score: 20,
    examples: &[
        Example::fails("A type without subtype", ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Hi\nMIME-Version: 1.0\nContent-Type: html; charset=utf-8\n\n<p>Hello</p>\n")),
        Example::fails(
            "An unquoted file name with spaces",
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Hi\nMIME-Version: 1.0\nContent-Type: application/pdf; name=my invoice.pdf\n\nJVBERi0=\n"),
        ),
        Example::fails("A parameter without a value", ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Hi\nMIME-Version: 1.0\nContent-Type: text/plain; charset\n\nHello\n")),
        Example::passes(
            "Quoted values, folded parameters, a comment",
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Hi\nMIME-Version: 1.0\nContent-Type: text/plain;\n charset=\"utf-8\"; format=flowed (wrapped)\n\nHello\n"),
        ),
        Example::passes("A plain message", ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Hi\n\nHello\n")),
    ],
    check,
};

fn check(message: &Message, cx: &mut Context) {
    for (part, field, parsed) in super::mime_fields(message) {
        let problems: Vec<_> = parsed.problems.iter().filter(|p| !p.kind.is_rfc2231()).cloned().collect();
        super::emit_grouped(cx, message, part, field, &problems, |cx, kind, count| {
            let problem = super::describe(cx, "mime", kind.code());
            Some(Draft::new(
                Msg::new("headers/content-type.invalid")
                    .text("field", field.name.clone())
                    .text("problem", problem)
                    .int("count", count),
            ))
        });
    }
}
