//! `size/line-length`: RFC 5322 §2.1.1: "Each line of characters MUST be no
//! more than 998 characters, and SHOULD be no more than 78 characters,
//! excluding the CRLF." Servers may cut or refuse longer lines.

use crate::i18n::Msg;
use crate::model::Message;
use crate::report::{Location, Severity};
use crate::rules::{Context, Draft, Example, ExampleInput, Group, Rule};

pub const RULE: Rule = Rule {
    id: "size/line-length",
    group: Group::Size,
    default_severity: Severity::Error,
    default_score: 30,
    examples: &[
        Example::fails("A body line of 1,200 characters", ExampleInput::Generated(long_line)),
        Example::fails("A body line of 100 characters (info)", ExampleInput::Generated(medium_line)),
        Example::passes(
            "Lines of at most 78 characters",
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Hello\n\nSee you tomorrow.\nBest regards\n"),
        ),
        Example::passes(
            "A long line split with quoted-printable soft breaks",
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Hello\nMIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\nThis sentence is long enough that a careful mailer splits it with a soft=\n line break.\n"),
        ),
    ],
    check,
};

fn long_line() -> Vec<u8> {
    format!("From: a@example.com\nTo: b@example.com\nSubject: Data\n\n{}\n", "x".repeat(1200)).into_bytes()
}

fn medium_line() -> Vec<u8> {
    format!("From: a@example.com\nTo: b@example.com\nSubject: Data\n\n{}\n", "word ".repeat(20)).into_bytes()
}

/// Most long lines named individually; the rest are counted in the last finding.
const MAX_LINES_REPORTED: usize = 20;

fn check(message: &Message, cx: &mut Context) {
    let hard = cx.options.thresholds.size.max_line_octets as usize;
    let soft = cx.options.thresholds.size.recommended_line_octets as usize;
    let raw = message.raw;
    let mut over_hard = Vec::new();
    let mut over_soft = 0usize;
    let mut first_soft: Option<(usize, usize, usize)> = None;
    let mut longest_soft = 0usize;
    let mut start = 0usize;
    let mut line_no = 1usize;
    while start <= raw.len() {
        let next_nl = raw[start..].iter().position(|&b| b == b'\n').map(|i| start + i);
        let mut end = next_nl.unwrap_or(raw.len());
        if end > start && raw[end - 1] == b'\r' {
            end -= 1;
        }
        let len = end - start;
        if len > hard {
            over_hard.push((line_no, start, end));
        } else if len > soft {
            over_soft += 1;
            longest_soft = longest_soft.max(len);
            if first_soft.is_none() {
                first_soft = Some((line_no, start, end));
            }
        }
        match next_nl {
            Some(nl) => start = nl + 1,
            None => break,
        }
        line_no += 1;
    }
    let total_hard = over_hard.len();
    for (i, &(line, start, end)) in over_hard.iter().take(MAX_LINES_REPORTED).enumerate() {
        let id = if i + 1 == MAX_LINES_REPORTED && total_hard > MAX_LINES_REPORTED {
            "size/line-length.too-long-more"
        } else {
            "size/line-length.too-long"
        };
        cx.emit(
            Draft::new(
                Msg::new(id)
                    .int("line", line)
                    .int("length", end - start)
                    .int("limit", hard)
                    .int("more", total_hard - MAX_LINES_REPORTED.min(total_hard)),
            )
            .evidence_bytes(&raw[start..end])
            .at(location_of(message, start, end)),
        );
    }
    if let Some((line, start, end)) = first_soft {
        cx.emit(
            Draft::new(
                Msg::new("size/line-length.over-recommended")
                    .int("count", over_soft)
                    .int("line", line)
                    .int("longest", longest_soft)
                    .int("limit", soft),
            )
            .evidence_bytes(&raw[start..end])
            .at(location_of(message, start, end))
            .severity(Severity::Info)
            .fix(Msg::new("size/line-length.fix-recommended")),
        );
    }
}

fn location_of(message: &Message, start: usize, end: usize) -> Location {
    let in_header = end <= message.header.end;
    let mut location = Location::range(start, end);
    if in_header {
        if let Some(field) = message.header.fields.iter().find(|f| f.start <= start && start < f.end_with_break) {
            location.header = Some(field.name.clone());
        }
    } else if let Some(part) = message
        .parts
        .iter()
        .filter(|p| p.body_range.as_ref().is_some_and(|r| r.start <= start && start <= r.end) && !p.is_multipart())
        .last()
    {
        location.part = Some(part.index);
    }
    location
}
