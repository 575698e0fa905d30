//! `headers/duplicate-field`: RFC 5322 §3.6 allows at most one Date, From,
//! Sender, Reply-To, To, Cc, Bcc, Message-ID, In-Reply-To, References and
//! Subject. Readers pick different copies; filters see a forged header.

use crate::i18n::Msg;
use crate::model::Message;
use crate::report::{Location, Severity};
use crate::rules::{Context, Draft, Example, ExampleInput, Group, Rule};

pub const RULE: Rule = Rule {
    id: "headers/duplicate-field",
    group: Group::Headers,
    default_severity: Severity::Error,
    default_score: 30,
    examples: &[
        Example::fails("Two Subject fields", ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Hi\nSubject: Win money\n\nHello\n")),
        Example::fails("Two From fields", ExampleInput::Raw("From: a@example.com\nFrom: c@example.com\nTo: b@example.com\nSubject: Hi\n\nHello\n")),
        Example::passes(
            "Several Received and Comments fields are allowed",
            ExampleInput::Raw("Received: from a by b; Mon, 2 Mar 2026 10:00:00 +0100\nReceived: from c by d; Mon, 2 Mar 2026 10:00:00 +0100\nComments: one\nComments: two\nFrom: a@example.com\nTo: b@example.com\nSubject: Hi\n\nHello\n"),
        ),
        Example::passes("One of each", ExampleInput::Raw("From: a@example.com\nTo: b@example.com, c@example.com\nSubject: Hi\n\nHello\n")),
    ],
    check,
};

/// RFC 5322 §3.6 table: fields with a maximum of one occurrence.
pub const AT_MOST_ONCE: &[&str] =
    &["Date", "From", "Sender", "Reply-To", "To", "Cc", "Bcc", "Message-ID", "In-Reply-To", "References", "Subject"];

fn check(message: &Message, cx: &mut Context) {
    for name in AT_MOST_ONCE {
        let fields: Vec<_> = message.header.all(name).collect();
        if fields.len() < 2 {
            continue;
        }
        let second = fields[1];
        cx.emit(
            Draft::new(Msg::new("headers/duplicate-field.repeated").text("field", *name).int("count", fields.len()))
                .evidence(super::field_text(message, second))
                .at(Location::header(second.name.clone(), second.start, second.end)),
        );
    }
}
