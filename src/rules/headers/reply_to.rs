//! `headers/reply-to`: the hosting guides ask scripts to use the same sending
//! address in From and Reply-To; a different Reply-To is a classic trait of
//! spam and phishing, and of contact forms that put the visitor's address
//! there. Information only: it is often deliberate.

use crate::grammar::address::parse_address_list;
use crate::i18n::Msg;
use crate::model::Message;
use crate::report::{Location, Severity};
use crate::rules::{Context, Draft, Example, ExampleInput, Group, Rule};

pub const RULE: Rule = Rule {
    id: "headers/reply-to",
    group: Group::Headers,
    default_severity: Severity::Info,
    default_score: 0,
    examples: &[
        Example::fails(
            "Reply-To differs from From",
            ExampleInput::Raw(
                "From: shop@example.com\nReply-To: visitor@mail.example\nTo: b@example.com\nSubject: Hi\n\nHello\n",
            ),
        ),
        Example::passes(
            "Same address, different case and display name",
            ExampleInput::Raw(
                "From: Shop <shop@example.com>\nReply-To: shop@EXAMPLE.com\nTo: b@example.com\nSubject: Hi\n\nHello\n",
            ),
        ),
        Example::passes(
            "No Reply-To",
            ExampleInput::Raw("From: shop@example.com\nTo: b@example.com\nSubject: Hi\n\nHello\n"),
        ),
    ],
    check,
};

/// `local@domain` with the domain lower-cased (RFC 5321 §2.4: domains are case-insensitive).
fn addresses(message: &Message, field: &crate::model::headers::HeaderField) -> Vec<String> {
    let value = field.raw_value(message.raw);
    parse_address_list(value)
        .mailboxes
        .iter()
        .map(|m| {
            let local = String::from_utf8_lossy(value.get(m.local_part.0..m.local_part.1).unwrap_or(&[])).into_owned();
            let domain = String::from_utf8_lossy(value.get(m.domain.0..m.domain.1).unwrap_or(&[])).to_lowercase();
            format!("{local}@{domain}")
        })
        .collect()
}

fn check(message: &Message, cx: &mut Context) {
    let (Some(from), Some(reply_to)) = (message.header("From"), message.header("Reply-To")) else { return };
    let from_addresses = addresses(message, from);
    let reply_addresses = addresses(message, reply_to);
    let differing: Vec<&String> = reply_addresses.iter().filter(|r| !from_addresses.contains(r)).collect();
    if from_addresses.is_empty() || differing.is_empty() {
        return;
    }
    cx.emit(
        Draft::new(
            Msg::new("headers/reply-to.differs")
                .text("replyTo", differing.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(", "))
                .text("from", from_addresses.join(", ")),
        )
        .evidence(super::field_text(message, reply_to))
        .at(Location::header(reply_to.name.clone(), reply_to.start, reply_to.end)),
    );
}
