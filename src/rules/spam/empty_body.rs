//! `spam/empty-body`: the guides list "no subject / text filled in the e-mail"
//! among the things that get a mail flagged as spam. For HTML, the text that
//! counts is what a reader sees once the HTML is rendered.

use super::{body_source, main_body_part, part_location};
use crate::i18n::Msg;
use crate::model::html::is_invisible_char;
use crate::model::{Body, Message};
use crate::report::{Location, Severity};
use crate::rules::{Context, Draft, Example, ExampleInput, Group, Rule};

pub const RULE: Rule = Rule {
    id: "spam/empty-body",
    group: Group::Spam,
    default_severity: Severity::Warning,
    default_score: 15,
    examples: &[
        Example::fails(
            "A body of blank lines",
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Contact form\n\n   \n\n\n"),
        ),
        Example::fails(
            "HTML whose only content is markup and a comment",
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Contact form\nContent-Type: text/html\n\n<html><body><div><!-- message --></div>&#8203;</body></html>\n"),
        ),
        Example::fails(
            "HTML whose only text is hidden",
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Contact form\nContent-Type: text/html\n\n<p style=\"display:none\">Hello</p>\n"),
        ),
        Example::fails(
            "Compose fields with neither text nor html",
            ExampleInput::Compose(r#"{"from": "a@example.com", "to": "b@example.com", "subject": "Contact form"}"#),
        ),
        Example::passes(
            "A forwarded message whose own text is in the attached message",
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Fwd: order\nMIME-Version: 1.0\nContent-Type: message/rfc822\n\nFrom: c@example.com\nSubject: order\n\nThe order text.\n"),
        ),
        Example::passes(
            "A short text",
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Contact form\n\nOk.\n"),
        ),
        Example::passes(
            "HTML with visible text",
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Contact form\nContent-Type: text/html\n\n<table><tr><td>Thank you</td></tr></table>\n"),
        ),
    ],
    check,
};

fn has_text(text: &str) -> bool {
    text.chars().any(|c| !c.is_whitespace() && !is_invisible_char(c))
}

/// Text a reader sees although mail-parser does not list it as a body: a text
/// part of an attached (forwarded) message, a `text/x-…` part, a `Content-Type:
/// text` without subtype (RFC 2045 §5.2 reads it as text/plain). Attachments
/// by disposition do not count.
fn other_readable_text(message: &Message) -> bool {
    message.parts.iter().any(|part| {
        part.disposition.as_deref() != Some("attachment")
            && match &part.body {
                Body::Text(text) => has_text(text),
                // HTML outside the bodies (inside an attached message) is not
                // analysed; any content counts, so it never makes a false alarm.
                Body::Html(html) => !part.is_body && has_text(html),
                _ => false,
            }
    })
}

fn check(message: &Message, cx: &mut Context) {
    if has_text(&message.visible_text()) || other_readable_text(message) {
        return;
    }
    let location = match main_body_part(message) {
        Some(part) => part_location(message, part),
        None => Location::message(),
    };
    let source = body_source(message);
    let evidence = if source.trim().is_empty() { String::from("(no text)") } else { source.trim().to_string() };
    let id = if message.html.is_empty() { "spam/empty-body.no-text" } else { "spam/empty-body.no-visible-text" };
    cx.emit(Draft::new(Msg::new(id)).evidence(evidence).at(location));
}
