//! `spam/subject-prefix`: the guides list "the subject starts with: Hi, FREE,
//! BUY, BUYING, …" among the things that get a mail flagged as spam.

use super::subject_location;
use crate::i18n::Msg;
use crate::model::Message;
use crate::report::Severity;
use crate::rules::{Context, Draft, Example, ExampleInput, Group, Rule};

pub const RULE: Rule = Rule {
    id: "spam/subject-prefix",
    group: Group::Spam,
    default_severity: Severity::Warning,
    default_score: 15,
    examples: &[
        Example::fails(
            "The guides' own example: FREE",
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: FREE shipping on all orders\n\nHello.\n"),
        ),
        Example::fails(
            "Hi, in any case",
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: hi! a message from the website\n\nHello.\n"),
        ),
        Example::fails(
            "A French equivalent: Gratuit",
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: =?utf-8?q?Gratuit_=3A_votre_essai?=\n\nBonjour.\n"),
        ),
        Example::fails(
            "A Polish equivalent of several words: Za darmo",
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Za darmo dla Ciebie\n\nCzesc.\n"),
        ),
        Example::passes(
            "A word that only begins like a listed one (Hiking, Freedom)",
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Hiking trip: Freedom trail\n\nHello.\n"),
        ),
        Example::passes(
            "A listed word later in the subject",
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Your order ships free\n\nHello.\n"),
        ),
        Example::passes(
            "A list of prefixes from options",
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Hi from the shop\n\nHello.\n"),
        )
        .with_options(r#"{"thresholds": {"spam": {"subjectPrefixes": ["buy"]}}}"#),
    ],
    check,
};

/// The listed prefix the subject starts with, if any (case-insensitive, on a word boundary).
pub fn listed_prefix<'p>(subject: &str, prefixes: &'p [String]) -> Option<&'p str> {
    let subject = subject.trim_start().to_lowercase();
    prefixes.iter().map(String::as_str).find(|prefix| {
        let prefix = prefix.trim().to_lowercase();
        if prefix.is_empty() {
            return false;
        }
        match subject.strip_prefix(&prefix) {
            Some(rest) => !rest.chars().next().is_some_and(char::is_alphanumeric),
            None => false,
        }
    })
}

fn check(message: &Message, cx: &mut Context) {
    let Some(subject) = message.subject.as_deref() else { return };
    let Some(prefix) = listed_prefix(subject, &cx.options.thresholds.spam.subject_prefixes) else { return };
    cx.emit(
        Draft::new(Msg::new("spam/subject-prefix.listed").text("prefix", prefix))
            .evidence(subject)
            .at(subject_location(message)),
    );
}
