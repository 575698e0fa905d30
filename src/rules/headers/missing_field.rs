//! `headers/missing-field`: RFC 5322 §3.6: "The only required header fields
//! are the origination date field and the originator address field(s)."
//! Message-ID SHOULD be present (§3.6.4); a message without To reaches
//! nobody visible. For compose and PHP `mail()` input the mailer adds Date and
//! Message-ID itself: that is said as information instead.

use crate::i18n::Msg;
use crate::model::Message;
use crate::report::{Location, Severity};
use crate::rules::{Context, Draft, Example, ExampleInput, Group, Rule};

pub const RULE: Rule = Rule {
    id: "headers/missing-field",
    group: Group::Headers,
    default_severity: Severity::Error,
    default_score: 30,
    examples: &[
        Example::fails("No Date field", ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Hi\nMessage-ID: <1@example.com>\n\nHello\n")),
        Example::fails("No From field", ExampleInput::Raw("Date: Mon, 2 Mar 2026 10:00:00 +0100\nTo: b@example.com\nSubject: Hi\nMessage-ID: <1@example.com>\n\nHello\n")),
        Example::fails("No Message-ID (warning)", ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nDate: Mon, 2 Mar 2026 10:00:00 +0100\nSubject: Hi\n\nHello\n")),
        Example::fails(
            "No To field (info)",
            ExampleInput::Raw("From: a@example.com\nBcc: b@example.com\nDate: Mon, 2 Mar 2026 10:00:00 +0100\nMessage-ID: <1@example.com>\nSubject: Hi\n\nHello\n"),
        ),
        Example::passes(
            "All of From, Date, Message-ID and To",
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nDate: Mon, 2 Mar 2026 10:00:00 +0100\nMessage-ID: <1@example.com>\nSubject: Hi\n\nHello\n"),
        ),
        Example::fails(
            "A PHP mail() call without Date and Message-ID: the mailer adds them (info only)",
            ExampleInput::PhpMail { to: "b@example.com", subject: "Hi", message: "Hello", headers: "From: a@example.com" },
        ),
        Example::passes(
            "Field names in any case (RFC 5322 §1.2.2)",
            ExampleInput::Raw("FROM: a@example.com\nto: b@example.com\ndate: Mon, 2 Mar 2026 10:00:00 +0100\nMESSAGE-ID: <1@example.com>\nSubject: Hi\n\nHello\n"),
        ),
    ],
    check,
};

/// What each field's absence means (RFC 5322 §3.6 table).
const EXPECTED: &[(&str, Severity)] =
    &[("From", Severity::Error), ("Date", Severity::Error), ("Message-ID", Severity::Warning), ("To", Severity::Info)];

fn check(message: &Message, cx: &mut Context) {
    let mut added_by_mailer = Vec::new();
    for &(name, severity) in EXPECTED {
        if message.header(name).is_some() {
            continue;
        }
        if message.mailer_adds.iter().any(|m| m.eq_ignore_ascii_case(name)) {
            added_by_mailer.push(name);
            continue;
        }
        // To may be replaced by Cc or Bcc (§3.6.3): only say so when all three are absent.
        if name == "To" && (message.header("Cc").is_some() || message.header("Bcc").is_some()) {
            cx.emit(
                Draft::new(Msg::new("headers/missing-field.no-to").text("field", name))
                    .evidence(name)
                    .at(Location::range(0, message.header.end))
                    .severity(Severity::Info),
            );
            continue;
        }
        let id = match name {
            "To" => "headers/missing-field.no-to",
            "Message-ID" => "headers/missing-field.no-message-id",
            _ => "headers/missing-field.required",
        };
        cx.emit(
            Draft::new(Msg::new(id).text("field", name))
                .evidence(name)
                .at(Location::range(0, message.header.end))
                .severity(severity),
        );
    }
    if !added_by_mailer.is_empty() {
        cx.emit(
            Draft::new(Msg::new("headers/missing-field.mailer-adds").text("fields", added_by_mailer.join(", ")))
                .evidence(added_by_mailer.join(", "))
                .at(Location::range(0, message.header.end))
                .severity(Severity::Info)
                .fix(Msg::new("headers/missing-field.fix-mailer-adds")),
        );
    }
}
