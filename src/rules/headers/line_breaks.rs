//! `headers/line-breaks`: RFC 5322 §2.1 and §2.3: CR and LF only occur together
//! as CRLF. A bare CR is always wrong; a bare LF in a message that otherwise
//! uses CRLF means two programs built it, and servers split or join its lines
//! differently (the origin of header smuggling). A message written entirely with
//! LF (pasted text) is normal: the mailer converts it.

use crate::i18n::Msg;
use crate::model::Message;
use crate::report::{Location, Severity};
use crate::rules::{Context, Draft, Example, ExampleInput, Group, Rule};

pub const RULE: Rule = Rule {
    id: "headers/line-breaks",
    group: Group::Headers,
    default_severity: Severity::Error,
    default_score: 30,
    examples: &[
        Example::fails(
            "A bare CR inside the Subject",
            ExampleInput::Raw(
                "From: a@example.com\r\nTo: b@example.com\r\nSubject: Hi\rBcc: c@example.com\r\n\r\nHello\r\n",
            ),
        ),
        Example::fails(
            "A bare LF in a CRLF message",
            ExampleInput::Raw("From: a@example.com\r\nTo: b@example.com\nSubject: Hi\r\n\r\nHello\r\n"),
        ),
        Example::passes(
            "CRLF everywhere",
            ExampleInput::Raw("From: a@example.com\r\nTo: b@example.com\r\nSubject: Hi\r\n\r\nHello\r\n"),
        ),
        Example::passes(
            "LF everywhere (pasted text)",
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Hi\n\nHello\n"),
        ),
    ],
    check,
};

fn check(message: &Message, cx: &mut Context) {
    let raw = message.raw;
    let breaks = message.line_breaks;
    if breaks.bare_cr > 0 {
        let first = (0..raw.len()).find(|&i| raw[i] == b'\r' && raw.get(i + 1) != Some(&b'\n'));
        if let Some(at) = first {
            cx.emit(
                Draft::new(Msg::new("headers/line-breaks.bare-cr").int("count", breaks.bare_cr))
                    .evidence_bytes(context_around(raw, at))
                    .at(Location::range(at, at + 1)),
            );
        }
    }
    if breaks.bare_lf > 0 && breaks.crlf > 0 {
        let first = (0..raw.len()).find(|&i| raw[i] == b'\n' && (i == 0 || raw[i - 1] != b'\r'));
        if let Some(at) = first {
            cx.emit(
                Draft::new(
                    Msg::new("headers/line-breaks.mixed").int("bareLf", breaks.bare_lf).int("crlf", breaks.crlf),
                )
                .evidence_bytes(context_around(raw, at))
                .at(Location::range(at, at + 1)),
            );
        }
    }
}

/// Up to 30 bytes on each side of `at`, for evidence.
pub fn context_around(raw: &[u8], at: usize) -> &[u8] {
    let start = at.saturating_sub(30);
    let end = (at + 30).min(raw.len());
    raw.get(start..end).unwrap_or(&[])
}
