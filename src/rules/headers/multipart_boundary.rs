//! `headers/multipart-boundary`: RFC 2046 §5.1.1: a multipart part declares a
//! boundary of 1 to 70 characters from a fixed set, its body has delimiter
//! lines `--boundary` and ends with the closing delimiter `--boundary--`.
//! Without them readers show the MIME source, or drop the last part.

use crate::i18n::Msg;
use crate::model::Message;
use crate::report::{Location, Severity};
use crate::rules::{Context, Draft, Example, ExampleInput, Group, Rule};

pub const RULE: Rule = Rule {
    id: "headers/multipart-boundary",
    group: Group::Headers,
    default_severity: Severity::Error,
    default_score: 30,
    examples: &[
        Example::fails(
            "A multipart without boundary",
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Hi\nMIME-Version: 1.0\nContent-Type: multipart/mixed\n\n--X\nContent-Type: text/plain\n\nHello\n--X--\n"),
        ),
        Example::fails(
            "A boundary that never appears",
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Hi\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"XYZ\"\n\n--ABC\nContent-Type: text/plain\n\nHello\n--ABC--\n"),
        ),
        Example::fails(
            "No closing delimiter",
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Hi\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"X\"\n\n--X\nContent-Type: text/plain\n\nHello\n"),
        ),
        Example::fails("A boundary of 71 characters", ExampleInput::Generated(long_boundary)),
        Example::passes(
            "Delimiters and closing delimiter",
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Hi\nMIME-Version: 1.0\nContent-Type: multipart/alternative; boundary=\"b1=_x\"\n\npreamble\n--b1=_x\nContent-Type: text/plain\n\nHello\n--b1=_x\nContent-Type: text/html\n\n<p>Hello</p>\n--b1=_x--\nepilogue\n"),
        ),
    ],
    check,
};

fn long_boundary() -> Vec<u8> {
    let b = "b".repeat(71);
    format!("From: a@example.com\nTo: b@example.com\nSubject: Hi\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"{b}\"\n\n--{b}\nContent-Type: text/plain\n\nHello\n--{b}--\n").into_bytes()
}

/// RFC 2046 §5.1.1 bchars.
fn is_bchar(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"'()+_,-./:=? ".contains(&b)
}

fn check(message: &Message, cx: &mut Context) {
    let max = cx.options.thresholds.headers.max_boundary_chars;
    for part in message.parts.iter().filter(|p| p.content_type.starts_with("multipart/") && super::has_raw_offsets(p)) {
        let field = part.headers.fields.iter().find(|f| f.is("Content-Type"));
        let at = |start: usize, end: usize| -> Location {
            let l = match field {
                Some(f) => Location::header(f.name.clone(), start, end),
                None => Location::range(start, end),
            };
            if part.index == 0 {
                l
            } else {
                l.with_part(part.index)
            }
        };
        let (field_start, field_end) = field.map_or((0, 0), |f| (f.start, f.end));
        let evidence = field.map(|f| super::field_text(message, f)).unwrap_or_default();
        let Some(boundary) = part.boundary.as_deref().filter(|b| !b.is_empty()) else {
            if field.is_some() {
                cx.emit(
                    Draft::new(Msg::new("headers/multipart-boundary.missing"))
                        .evidence(evidence)
                        .at(at(field_start, field_end)),
                );
            }
            continue;
        };
        let bytes = boundary.as_bytes();
        if bytes.len() > max || !bytes.iter().all(|&b| is_bchar(b)) || bytes.last() == Some(&b' ') {
            cx.emit(
                Draft::new(
                    Msg::new("headers/multipart-boundary.bad")
                        .int("length", boundary.chars().count())
                        .int("limit", max),
                )
                .evidence(boundary)
                .at(at(field_start, field_end)),
            );
        }
        let Some(range) = part.body_range.clone() else { continue };
        // Scan up to the end of the enclosing part: a missing close makes
        // mail-parser end this part early.
        let limit = part
            .parent
            .and_then(|p| message.parts.get(p))
            .and_then(|p| p.body_range.as_ref().map(|r| r.end))
            .unwrap_or(message.raw.len())
            .max(range.end)
            .min(message.raw.len());
        let body = &message.raw[range.start.min(limit)..limit];
        let (delimiters, closed) = count_delimiters(body, bytes);
        if delimiters == 0 && !closed {
            cx.emit(
                Draft::new(Msg::new("headers/multipart-boundary.unused"))
                    .evidence(boundary)
                    .at(at(field_start, field_end)),
            );
        } else if !closed {
            let end = range.end.min(message.raw.len());
            let location = Location::part(part.index).with_range(end, end);
            cx.emit(
                Draft::new(Msg::new("headers/multipart-boundary.no-close").text("boundary", boundary))
                    .evidence(format!("--{boundary}--"))
                    .at(location),
            );
        }
    }
}

/// Delimiter lines `--boundary` and whether `--boundary--` closes (RFC 2046 §5.1.1).
fn count_delimiters(body: &[u8], boundary: &[u8]) -> (usize, bool) {
    let mut delimiters = 0;
    let mut start = 0;
    while start < body.len() {
        let end = body[start..].iter().position(|&b| b == b'\n').map_or(body.len(), |p| start + p);
        let line = &body[start..end];
        if let Some(rest) = line.strip_prefix(b"--").and_then(|l| l.strip_prefix(boundary)) {
            if rest.starts_with(b"--") {
                return (delimiters, true);
            }
            if rest.iter().all(|b| b.is_ascii_whitespace()) {
                delimiters += 1;
            }
        }
        start = end + 1;
    }
    (delimiters, false)
}
