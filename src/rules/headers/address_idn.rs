//! `headers/address-idn`: an internationalised domain (UTF-8, RFC 6531, or an
//! `xn--` A-label) must be valid under IDNA (RFC 5891, UTS #46): an invalid one
//! cannot be resolved, so the mail bounces.

use crate::grammar::address::AddressConcern;
use crate::i18n::Msg;
use crate::model::Message;
use crate::report::Severity;
use crate::rules::{Context, Draft, Example, ExampleInput, Group, Rule};

pub const RULE: Rule = Rule {
    id: "headers/address-idn",
    group: Group::Headers,
    default_severity: Severity::Error,
    default_score: 20,
    examples: &[
        Example::fails(
            "A broken punycode label",
            ExampleInput::Raw("From: a@xn--zz.example\nTo: b@example.com\nSubject: Hi\n\nHello\n"),
        ),
        Example::fails(
            "A label starting with a combining accent",
            ExampleInput::Raw("From: a@\u{301}example.com\nTo: b@example.com\nSubject: Hi\n\nHello\n"),
        ),
        Example::passes(
            "A valid UTF-8 domain",
            ExampleInput::Raw("From: a@b\u{fc}cher.example\nTo: b@example.com\nSubject: Hi\n\nHello\n"),
        ),
        Example::passes(
            "A valid A-label",
            ExampleInput::Raw("From: a@xn--bcher-kva.example\nTo: b@example.com\nSubject: Hi\n\nHello\n"),
        ),
    ],
    check,
};

fn check(message: &Message, cx: &mut Context) {
    for (field, list) in super::address_fields(message) {
        let problems: Vec<_> =
            list.problems.iter().copied().filter(|p| p.kind.concern() == AddressConcern::Idn).collect();
        super::emit_grouped(cx, message, 0, field, &problems, |_, _, _| {
            Some(Draft::new(Msg::new("headers/address-idn.invalid").text("field", field.name.clone())))
        });
    }
}
