//! `headers/sender-required`: RFC 5322 §3.6.2: "If the from field contains
//! more than one mailbox specification in the mailbox-list, then the sender
//! field, containing the field of the agent responsible for the actual
//! transmission of the message, MUST appear in the message." Sender itself
//! holds exactly one mailbox.

use crate::grammar::address::parse_address_list;
use crate::i18n::Msg;
use crate::model::Message;
use crate::report::{Location, Severity};
use crate::rules::{Context, Draft, Example, ExampleInput, Group, Rule};

pub const RULE: Rule = Rule {
    id: "headers/sender-required",
    group: Group::Headers,
    default_severity: Severity::Error,
    default_score: 20,
    examples: &[
        Example::fails("Two From mailboxes and no Sender", ExampleInput::Raw("From: a@example.com, c@example.com\nTo: b@example.com\nSubject: Hi\n\nHello\n")),
        Example::fails("A Sender with two mailboxes", ExampleInput::Raw("From: a@example.com, c@example.com\nSender: a@example.com, c@example.com\nTo: b@example.com\nSubject: Hi\n\nHello\n")),
        Example::passes("Two From mailboxes and a Sender", ExampleInput::Raw("From: a@example.com, c@example.com\nSender: a@example.com\nTo: b@example.com\nSubject: Hi\n\nHello\n")),
        Example::passes("One From mailbox", ExampleInput::Raw("From: Alice <a@example.com>\nTo: b@example.com\nSubject: Hi\n\nHello\n")),
    ],
    check,
};

fn check(message: &Message, cx: &mut Context) {
    let Some(from) = message.header("From") else { return };
    let mailboxes = parse_address_list(from.raw_value(message.raw)).mailboxes.len();
    match message.header("Sender") {
        None if mailboxes > 1 => cx.emit(
            Draft::new(Msg::new("headers/sender-required.missing").int("count", mailboxes))
                .evidence(super::field_text(message, from))
                .at(Location::header(from.name.clone(), from.start, from.end)),
        ),
        Some(sender) => {
            let count = parse_address_list(sender.raw_value(message.raw)).mailboxes.len();
            if count > 1 {
                cx.emit(
                    Draft::new(Msg::new("headers/sender-required.several").int("count", count))
                        .evidence(super::field_text(message, sender))
                        .at(Location::header(sender.name.clone(), sender.start, sender.end)),
                );
            }
        }
        None => {}
    }
}
