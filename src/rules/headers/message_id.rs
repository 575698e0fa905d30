//! `headers/message-id`: Message-ID, In-Reply-To and References hold
//! `<id-left@id-right>` identifiers (RFC 5322 §3.6.4); Message-ID exactly one.
//! Words between identifiers are the obsolete form of §4.5.4 (warning).
//! Threading and duplicate detection rely on these ids.

use crate::grammar::msg_id::parse_msg_ids;
use crate::grammar::Level;
use crate::i18n::Msg;
use crate::model::Message;
use crate::report::Severity;
use crate::rules::{Context, Draft, Example, ExampleInput, Group, Rule};

pub const RULE: Rule = Rule {
    id: "headers/message-id",
    group: Group::Headers,
    default_severity: Severity::Error,
    default_score: 15,
    examples: &[
        Example::fails("A Message-ID without angle brackets", ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nMessage-ID: 123@example.com\nSubject: Hi\n\nHello\n")),
        Example::fails("A Message-ID without @", ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nMessage-ID: <1234567>\nSubject: Hi\n\nHello\n")),
        Example::fails("Two ids in Message-ID", ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nMessage-ID: <1@example.com> <2@example.com>\nSubject: Hi\n\nHello\n")),
        Example::fails(
            "Words in In-Reply-To (obsolete: warning)",
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nIn-Reply-To: Your message of Monday <1@example.com>\nSubject: Re: Hi\n\nHello\n"),
        ),
        Example::passes(
            "Well-formed ids, References folded over lines",
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nMessage-ID: <abc.123@example.com>\nIn-Reply-To: <1@example.com>\nReferences: <0@example.com>\n <1@example.com>\nSubject: Re: Hi\n\nHello\n"),
        ),
        Example::passes("An id-right in brackets", ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nMessage-ID: <x@[192.0.2.1]>\nSubject: Hi\n\nHello\n")),
    ],
    check,
};

fn check(message: &Message, cx: &mut Context) {
    for field in message.header.fields.iter() {
        let single = field.is("Message-ID") || field.is("Resent-Message-ID");
        if !single && !field.is("In-Reply-To") && !field.is("References") {
            continue;
        }
        let ids = parse_msg_ids(field.raw_value(message.raw), single);
        super::emit_grouped(cx, message, 0, field, &ids.problems, |cx, kind, count| {
            let problem = super::describe(cx, "msg-id", kind.code());
            let draft = Draft::new(
                Msg::new("headers/message-id.invalid")
                    .text("field", field.name.clone())
                    .text("problem", problem)
                    .int("count", count),
            );
            Some(match kind.level() {
                Level::Obsolete => draft.severity(Severity::Warning),
                Level::Invalid => draft,
            })
        });
    }
}
