//! `size/total`: the encoded message, headers and MIME structure included, is
//! over the host's limit (guides: 10 MB "encapsulation and header included").

use crate::i18n::Msg;
use crate::model::Message;
use crate::report::{Location, Severity};
use crate::rules::{Context, Draft, Example, ExampleInput, Group, Rule};

pub const RULE: Rule = Rule {
    id: "size/total",
    group: Group::Size,
    default_severity: Severity::Error,
    default_score: 100,
    examples: &[
        Example::fails("A message one byte over 10 MB", ExampleInput::Generated(one_byte_over)),
        Example::passes("A message of exactly 10 MB", ExampleInput::Generated(exactly_at_limit)),
        Example::passes("A short message", ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Hello\n\nSee you tomorrow.\n")),
        Example::fails(
            "A small message under a lowered limit",
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Hello\n\nSee you tomorrow.\n"),
        )
        .with_options(r#"{"thresholds": {"size": {"maxMessageBytes": 50}}}"#),
    ],
    check,
};

fn one_byte_over() -> Vec<u8> {
    super::generated_message(10_000_001)
}

fn exactly_at_limit() -> Vec<u8> {
    super::generated_message(10_000_000)
}

fn check(message: &Message, cx: &mut Context) {
    let limit = cx.options.thresholds.size.max_message_bytes;
    let size = message.raw.len() as u64;
    if size <= limit {
        return;
    }
    cx.emit(
        Draft::new(
            Msg::new("size/total.too-large")
                .megabytes("size", size)
                .int("sizeBytes", size)
                .megabytes("limit", limit)
                .int("limitBytes", limit)
                .int("over", size - limit),
        )
        .evidence(format!("{size} > {limit}"))
        .at(Location::range(0, message.raw.len())),
    );
}
