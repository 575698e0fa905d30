//! `size/content`: the decoded content (texts and attachments) is over what the
//! guides allow once encapsulation is removed ("7/8 MB").

use crate::i18n::Msg;
use crate::model::Message;
use crate::report::{Location, Severity};
use crate::rules::{Context, Draft, Example, ExampleInput, Group, Rule};

pub const RULE: Rule = Rule {
    id: "size/content",
    group: Group::Size,
    default_severity: Severity::Warning,
    default_score: 20,
    examples: &[
        Example::fails("An attachment of 7.5 MB decoded", ExampleInput::Generated(large_attachment)),
        Example::passes("A short text", ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Hello\n\nSee you tomorrow.\n")),
    ],
    check,
};

/// A message whose base64 attachment decodes to 7.5 MB.
fn large_attachment() -> Vec<u8> {
    // 10,000,000 base64 characters decode to 7,500,000 bytes.
    super::generated_message(10_000_000 + 300)
}

fn check(message: &Message, cx: &mut Context) {
    let limit = cx.options.thresholds.size.max_content_bytes;
    let size = message.decoded_size as u64;
    if size <= limit {
        return;
    }
    let largest = message.parts.iter().filter(|p| p.decoded_len() > 0).max_by_key(|p| p.decoded_len());
    let evidence = match largest {
        Some(part) => format!(
            "{} ({}, {} bytes)",
            part.filename.clone().unwrap_or_else(|| format!("part {}", part.index)),
            part.content_type,
            part.decoded_len()
        ),
        None => format!("{size} bytes"),
    };
    let location = match largest {
        Some(part) => match &part.body_range {
            Some(range) => Location::part(part.index).with_range(range.start, range.end),
            None => Location::part(part.index),
        },
        None => Location::message(),
    };
    cx.emit(
        Draft::new(
            Msg::new("size/content.too-large")
                .megabytes("size", size)
                .int("sizeBytes", size)
                .megabytes("limit", limit)
                .int("limitBytes", limit),
        )
        .evidence(evidence)
        .at(location),
    );
}
