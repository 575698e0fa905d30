//! `headers/address-syntax`: the address fields follow RFC 5322 §3.4 (mailbox,
//! name-addr, addr-spec, group). Obsolete forms of §4.4 (source routes, dots
//! in unquoted display names, comments inside addresses) are warnings: readers
//! accept them, generators must not produce them. From is a mailbox list and
//! Sender one mailbox (§3.6.2): a group there is an error.

use crate::grammar::address::{AddressConcern, AddressProblem};
use crate::grammar::lexer::LexProblem;
use crate::grammar::Level;
use crate::i18n::Msg;
use crate::model::Message;
use crate::report::Severity;
use crate::rules::{Context, Draft, Example, ExampleInput, Group, Rule};

pub const RULE: Rule = Rule {
    id: "headers/address-syntax",
    group: Group::Headers,
    default_severity: Severity::Error,
    default_score: 30,
    examples: &[
        Example::fails("A name without an address", ExampleInput::Raw("From: Website Contact Form\nTo: b@example.com\nSubject: Hi\n\nHello\n")),
        Example::fails("An unquoted display name with an @", ExampleInput::Raw("From: a@example.com <a@example.com>\nTo: b@example.com\nSubject: Hi\n\nHello\n")),
        Example::fails("Two dots in a row", ExampleInput::Raw("From: a..b@example.com\nTo: b@example.com\nSubject: Hi\n\nHello\n")),
        Example::fails("An unclosed angle bracket", ExampleInput::Raw("From: Alice <a@example.com\nTo: b@example.com\nSubject: Hi\n\nHello\n")),
        Example::fails("An underscore in the domain", ExampleInput::Raw("From: a@mail_server.example.com\nTo: b@example.com\nSubject: Hi\n\nHello\n")),
        Example::fails("A dot in an unquoted display name (obsolete: warning)", ExampleInput::Raw("From: J. Smith <j@example.com>\nTo: b@example.com\nSubject: Hi\n\nHello\n")),
        Example::fails("A group in From", ExampleInput::Raw("From: Team: a@example.com, c@example.com;\nSender: a@example.com\nTo: b@example.com\nSubject: Hi\n\nHello\n")),
        Example::passes(
            "Quoted display name with a comma, a group in To, a comment",
            ExampleInput::Raw("From: \"Smith, John\" <john@example.com>\nTo: undisclosed-recipients:;\nCc: a@example.com (Alice), \"B. Jones\" <b@example.org>\nSubject: Hi\n\nHello\n"),
        ),
        Example::passes("UTF-8 address (RFC 6532)", ExampleInput::Raw("From: j\u{f6}rg@b\u{fc}cher.example\nTo: b@example.com\nSubject: Hi\n\nHello\n")),
        Example::passes("An empty Bcc (RFC 5322 §3.6.3)", ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nBcc:\nSubject: Hi\n\nHello\n")),
    ],
    check,
};

fn check(message: &Message, cx: &mut Context) {
    for (field, list) in super::address_fields(message) {
        let is_bcc = field.is("Bcc");
        let problems: Vec<_> = list
            .problems
            .iter()
            .copied()
            .filter(|p| p.kind.concern() == AddressConcern::Syntax)
            .filter(|p| !(is_bcc && p.kind == AddressProblem::Empty))
            // Raw 8-bit bytes are `headers/raw-8bit`'s concern.
            .filter(|p| p.kind != AddressProblem::Lex(LexProblem::InvalidUtf8))
            .collect();
        super::emit_grouped(cx, message, 0, field, &problems, |cx, kind, count| {
            let problem = super::describe(cx, "address", kind.code());
            let (id, severity) = match kind.level() {
                Level::Invalid => ("headers/address-syntax.invalid", Severity::Error),
                Level::Obsolete => ("headers/address-syntax.obsolete", Severity::Warning),
            };
            let mut draft =
                Draft::new(Msg::new(id).text("field", field.name.clone()).text("problem", problem).int("count", count))
                    .severity(severity);
            if kind.level() == Level::Obsolete {
                draft = draft.fix(Msg::new("headers/address-syntax.fix-obsolete"));
            }
            Some(draft)
        });
        let mailbox_only =
            field.is("From") || field.is("Sender") || field.is("Resent-From") || field.is("Resent-Sender");
        if let (true, Some(&(start, end))) = (mailbox_only, list.groups.first()) {
            cx.emit(
                Draft::new(Msg::new("headers/address-syntax.group-not-allowed").text("field", field.name.clone()))
                    .evidence(super::field_text(message, field))
                    .at(super::value_location(field, start, end)),
            );
        }
    }
}
