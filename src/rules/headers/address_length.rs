//! `headers/address-length`: RFC 5321 §4.5.3.1: a local part is at most 64
//! octets, a domain at most 255 (253 in DNS text form, RFC 1035 §2.3.4), a
//! label at most 63, a path at most 256 with its angle brackets. Servers
//! refuse longer addresses at RCPT TO.

use crate::grammar::address::{
    AddressConcern, AddressProblem, MAX_ADDRESS_OCTETS, MAX_DOMAIN_OCTETS, MAX_LABEL_OCTETS, MAX_LOCAL_PART_OCTETS,
};
use crate::i18n::Msg;
use crate::model::Message;
use crate::report::Severity;
use crate::rules::{Context, Draft, Example, ExampleInput, Group, Rule};

pub const RULE: Rule = Rule {
    id: "headers/address-length",
    group: Group::Headers,
    default_severity: Severity::Error,
    default_score: 30,
    examples: &[
        Example::fails(
            "A local part of 65 octets",
            ExampleInput::Raw("From: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa@example.com\nTo: b@example.com\nSubject: Hi\n\nHello\n"),
        ),
        Example::fails(
            "A domain label of 64 octets",
            ExampleInput::Raw("From: a@aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.com\nTo: b@example.com\nSubject: Hi\n\nHello\n"),
        ),
        Example::passes(
            "A local part of exactly 64 octets",
            ExampleInput::Raw("From: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa@example.com\nTo: b@example.com\nSubject: Hi\n\nHello\n"),
        ),
        Example::passes("Ordinary addresses", ExampleInput::Raw("From: a@example.com\nTo: Bob <b@example.com>\nSubject: Hi\n\nHello\n")),
    ],
    check,
};

fn check(message: &Message, cx: &mut Context) {
    for (field, list) in super::address_fields(message) {
        let problems: Vec<_> =
            list.problems.iter().copied().filter(|p| p.kind.concern() == AddressConcern::Length).collect();
        super::emit_grouped(cx, message, 0, field, &problems, |_, kind, _| {
            let (what, limit) = match kind {
                AddressProblem::LocalPartTooLong => ("headers/address-length.local-part", MAX_LOCAL_PART_OCTETS),
                AddressProblem::DomainTooLong => ("headers/address-length.domain", MAX_DOMAIN_OCTETS),
                AddressProblem::LabelTooLong => ("headers/address-length.label", MAX_LABEL_OCTETS),
                _ => ("headers/address-length.address", MAX_ADDRESS_OCTETS),
            };
            Some(Draft::new(Msg::new(what).text("field", field.name.clone()).int("limit", limit)))
        });
    }
}
