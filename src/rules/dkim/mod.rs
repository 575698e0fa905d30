//! The `dkim/*` rules: DKIM signatures (RFC 6376) checked offline, from the
//! facts `model::identity` computed once (`crate::dkim`): tag syntax, what
//! `h=` covers, `l=`, alignment of `d=` with From, expiry, the body hash
//! recomputed, and `b=` when the caller gives the public key.

pub mod alignment;
pub mod body_hash;
pub mod body_length;
pub mod expired;
pub mod header_coverage;
pub mod malformed;
pub mod signature;

use crate::dkim::SignatureFacts;
use crate::model::Message;
use crate::report::Location;

/// The location of a signature's `DKIM-Signature` field.
pub(crate) fn location(message: &Message, facts: &SignatureFacts) -> Location {
    crate::rules::sender::field_location(message, facts.field)
}

/// What a finding about a signature quotes: its `tag=value` as written (folds
/// removed, white space collapsed) when the finding is about one tag that the
/// signature has, else the whole `DKIM-Signature` field.
pub(crate) fn evidence(message: &Message, facts: &SignatureFacts, tag: Option<&str>) -> String {
    let Some(field) = message.header.fields.get(facts.field) else { return String::new() };
    let value = field.unfolded_value(message.raw);
    let quoted = tag.and_then(|tag| {
        value.split(';').map(str::trim).find(|item| {
            item.get(..tag.len()).is_some_and(|name| name.eq_ignore_ascii_case(tag))
                && item[tag.len()..].trim_start().starts_with('=')
        })
    });
    match quoted {
        Some(item) => item.split_whitespace().collect::<Vec<_>>().join(" "),
        None => crate::rules::headers::field_text(message, field),
    }
}

/// `d=` and `s=` for messages, or "?" when absent.
pub(crate) fn domain_of(facts: &SignatureFacts) -> String {
    facts.signature.domain.clone().unwrap_or_else(|| "?".to_string())
}

/// The RFC 8463 A.3 message (signed with Ed25519 and RSA), for examples.
#[rustfmt::skip]
pub(crate) const RFC8463_MESSAGE: &str = "DKIM-Signature: v=1; a=ed25519-sha256; c=relaxed/relaxed;\r\n d=football.example.com; i=@football.example.com;\r\n q=dns/txt; s=brisbane; t=1528637909; h=from : to :\r\n subject : date : message-id : from : subject : date;\r\n bh=2jUSOH9NhtVGCQWNr9BrIAPreKQjO6Sn7XIkfJVOzv8=;\r\n b=/gCrinpcQOoIfuHNQIbq4pgh9kyIK3AQUdt9OdqQehSwhEIug4D11Bus\r\n Fa3bT3FY5OsU7ZbnKELq+eXdp1Q1Dw==\r\nDKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed;\r\n d=football.example.com; i=@football.example.com;\r\n q=dns/txt; s=test; t=1528637909; h=from : to : subject :\r\n date : message-id : from : subject : date;\r\n bh=2jUSOH9NhtVGCQWNr9BrIAPreKQjO6Sn7XIkfJVOzv8=;\r\n b=F45dVWDfMbQDGHJFlXUNB2HKfbCeLRyhDXgFpEL8GwpsRe0IeIixNTe3\r\n DhCVlUrSjV4BwcVcOF6+FF3Zo9Rpo1tFOeS9mPYQTnGdaSGsgeefOsk2Jz\r\n dA+L10TeYt9BgDfQNZtKdN1WO//KgIqXP7OdEFE4LjFYNcUxZQ4FADY+8=\r\nFrom: Joe SixPack <joe@football.example.com>\r\nTo: Suzie Q <suzie@shopping.example.net>\r\nSubject: Is dinner ready?\r\nDate: Fri, 11 Jul 2003 21:00:37 -0700 (PDT)\r\nMessage-ID: <20030712040037.46341.5F8J@football.example.com>\r\n\r\nHi.\r\n\r\nWe lost the game.  Are you hungry yet?\r\n\r\nJoe.\r\n";
