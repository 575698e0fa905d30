//! `spam/missing-subject`: the guides list "no subject / text filled in the
//! e-mail" among the things that get a mail flagged as spam.

use super::subject_location;
use crate::i18n::Msg;
use crate::model::Message;
use crate::report::Severity;
use crate::rules::{Context, Draft, Example, ExampleInput, Group, Rule};

pub const RULE: Rule = Rule {
    id: "spam/missing-subject",
    group: Group::Spam,
    default_severity: Severity::Warning,
    default_score: 15,
    examples: &[
        Example::fails("No Subject field", ExampleInput::Raw("From: a@example.com\nTo: b@example.com\n\nHello.\n")),
        Example::fails(
            "A subject of spaces only",
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject:    \n\nHello.\n"),
        ),
        Example::fails(
            "A PHP mail() call with an empty subject",
            ExampleInput::PhpMail { to: "b@example.com", subject: "", message: "Hello.", headers: "From: a@example.com" },
        ),
        Example::passes(
            "A subject",
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Your quote\n\nHello.\n"),
        ),
    ],
    check,
};

fn check(message: &Message, cx: &mut Context) {
    let subject = message.subject.as_deref().unwrap_or_default();
    if !subject.trim().is_empty() {
        return;
    }
    let id = match message.header("Subject") {
        Some(_) => "spam/missing-subject.blank",
        None => "spam/missing-subject.absent",
    };
    let evidence = match message.header("Subject") {
        Some(field) => String::from_utf8_lossy(field.raw_field(message.raw)).into_owned(),
        None => String::from("Subject:"),
    };
    cx.emit(Draft::new(Msg::new(id)).evidence(evidence).at(subject_location(message)));
}
