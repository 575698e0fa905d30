//! `headers/parameter-encoding`: RFC 2231 parameter values: an extended value
//! (`name*=charset'lang'%XX…`) names its charset and percent-encodes the rest;
//! continuations (`name*0`, `name*1`, …) start at 0 and have no gaps. A broken
//! one loses the file name or shows it as `%E2%82…`.

use crate::i18n::Msg;
use crate::model::Message;
use crate::report::Severity;
use crate::rules::{Context, Draft, Example, ExampleInput, Group, Rule};

pub const RULE: Rule = Rule {
    id: "headers/parameter-encoding",
    group: Group::Headers,
    default_severity: Severity::Error,
    default_score: 15,
    examples: &[
        Example::fails(
            "An extended value without charset",
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Hi\nMIME-Version: 1.0\nContent-Type: application/pdf\nContent-Disposition: attachment; filename*=r%C3%A9sum%C3%A9.pdf\n\nJVBERi0=\n"),
        ),
        Example::fails(
            "A gap in the continuations",
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Hi\nMIME-Version: 1.0\nContent-Type: application/pdf\nContent-Disposition: attachment; filename*0=\"annual\"; filename*2=\"report.pdf\"\n\nJVBERi0=\n"),
        ),
        Example::fails(
            "A raw space in an extended value",
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Hi\nMIME-Version: 1.0\nContent-Type: application/pdf\nContent-Disposition: attachment; filename*=\"utf-8''my report.pdf\"\n\nJVBERi0=\n"),
        ),
        Example::passes(
            "A correct extended value with continuations",
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Hi\nMIME-Version: 1.0\nContent-Type: application/pdf\nContent-Disposition: attachment;\n filename*0*=utf-8''r%C3%A9sum;\n filename*1*=%C3%A9.pdf\n\nJVBERi0=\n"),
        ),
        Example::passes(
            "A plain ASCII file name",
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Hi\nMIME-Version: 1.0\nContent-Type: application/pdf\nContent-Disposition: attachment; filename=\"report.pdf\"\n\nJVBERi0=\n"),
        ),
    ],
    check,
};

fn check(message: &Message, cx: &mut Context) {
    for (part, field, parsed) in super::mime_fields(message) {
        // RFC 2231 §3–4: every extended parameter has a `*` in its name.
        if !field.raw_value(message.raw).contains(&b'*') {
            continue;
        }
        let problems: Vec<_> = parsed.problems.iter().filter(|p| p.kind.is_rfc2231()).cloned().collect();
        super::emit_grouped(cx, message, part, field, &problems, |cx, kind, count| {
            let problem = super::describe(cx, "mime", kind.code());
            Some(Draft::new(
                Msg::new("headers/parameter-encoding.invalid")
                    .text("field", field.name.clone())
                    .text("problem", problem)
                    .int("count", count),
            ))
        });
    }
}
