//! `headers/transfer-encoding`: RFC 2045 §6: Content-Transfer-Encoding is one
//! of 7bit, 8bit, binary, quoted-printable, base64, and the body matches it:
//! 7bit data has no byte over 127 (§2.7), base64 uses its alphabet with
//! correct padding (§6.8), quoted-printable lines are at most 76 characters
//! and `=` starts a valid escape (§6.7). Multipart and message parts only take
//! 7bit, 8bit or binary (§6.4). A mismatch corrupts the content in transit.

use crate::i18n::Msg;
use crate::model::Message;
use crate::report::{Location, Severity};
use crate::rules::{Context, Draft, Example, ExampleInput, Group, Rule};

pub const RULE: Rule = Rule {
    id: "headers/transfer-encoding",
    group: Group::Headers,
    default_severity: Severity::Error,
    default_score: 20,
    examples: &[
        Example::fails(
            "UTF-8 text declared 7bit",
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Hi\nMIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 7bit\n\nCaf\u{e9}\n"),
        ),
        Example::fails(
            "Invalid characters in base64",
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Hi\nMIME-Version: 1.0\nContent-Type: application/pdf\nContent-Transfer-Encoding: base64\n\nJVBE*Ri0!\n"),
        ),
        Example::fails("A quoted-printable line of 80 characters", ExampleInput::Generated(long_qp_line)),
        Example::fails(
            "An unknown encoding",
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Hi\nMIME-Version: 1.0\nContent-Type: text/plain\nContent-Transfer-Encoding: utf-8\n\nHello\n"),
        ),
        Example::passes(
            "Correct base64 and quoted-printable",
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Hi\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=X\n\n--X\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\nCaf=C3=A9 soft=\n break\n--X\nContent-Type: application/pdf\nContent-Transfer-Encoding: base64\n\nJVBERi0xLjQK\n--X--\n"),
        ),
        Example::passes("Plain ASCII without declaration", ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Hi\n\nHello\n")),
    ],
    check,
};

fn long_qp_line() -> Vec<u8> {
    format!(
        "From: a@example.com\nTo: b@example.com\nSubject: Hi\nMIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\n{}\n",
        "a".repeat(80)
    )
    .into_bytes()
}

const KNOWN: &[&str] = &["7bit", "8bit", "binary", "quoted-printable", "base64"];

fn check(message: &Message, cx: &mut Context) {
    let max_qp = cx.options.thresholds.headers.max_quoted_printable_line;
    for part in message.parts.iter().filter(|p| super::has_raw_offsets(p)) {
        let field = part.headers.fields.iter().find(|f| f.is("Content-Transfer-Encoding"));
        let declared = field.map(|f| f.unfolded_value(message.raw).to_ascii_lowercase());
        let declared = declared.as_deref().map(|d| d.split('(').next().unwrap_or_default().trim().to_string());
        let on_field = |f: Option<&crate::model::headers::HeaderField>| -> Location {
            let l = match f {
                Some(f) => Location::header(f.name.clone(), f.start, f.end),
                None => Location::part(part.index),
            };
            if part.index == 0 {
                l
            } else {
                l.with_part(part.index)
            }
        };
        if let Some(d) = declared.as_deref() {
            if !KNOWN.contains(&d) {
                // RFC 2045 §6.3 allows private `x-` encodings (x-uuencode): readers may
                // still know them, so they are a warning; anything else is an error.
                let severity = if d.starts_with("x-") { Severity::Warning } else { Severity::Error };
                cx.emit(
                    Draft::new(Msg::new("headers/transfer-encoding.unknown").text("encoding", d))
                        .evidence(d)
                        .at(on_field(field))
                        .severity(severity),
                );
                continue;
            }
            let container = part.content_type.starts_with("multipart/") || part.content_type == "message/rfc822";
            if container && !matches!(d, "7bit" | "8bit" | "binary") {
                cx.emit(
                    Draft::new(
                        Msg::new("headers/transfer-encoding.container")
                            .text("encoding", d)
                            .text("type", part.content_type.clone()),
                    )
                    .evidence(d)
                    .at(on_field(field)),
                );
                continue;
            }
        }
        if part.is_multipart() || matches!(part.body, crate::model::Body::Message) {
            continue;
        }
        let Some(range) = part.body_range.clone() else { continue };
        let body = &message.raw[range.clone()];
        let at = |offset: usize, len: usize| {
            Location::part(part.index).with_range(range.start + offset, range.start + offset + len)
        };
        match declared.as_deref().unwrap_or("7bit") {
            "7bit" => {
                let count = body.iter().filter(|&&b| b >= 0x80).count();
                if let Some(first) = body.iter().position(|&b| b >= 0x80) {
                    cx.emit(
                        Draft::new(Msg::new("headers/transfer-encoding.eight-bit-in-7bit").int("count", count))
                            .evidence_bytes(super::line_breaks::context_around(body, first))
                            .at(at(first, 1)),
                    );
                }
            }
            "base64" => check_base64(cx, body, &at),
            "quoted-printable" => check_quoted_printable(cx, body, max_qp, &at),
            _ => {}
        }
    }
}

fn check_base64(cx: &mut Context, body: &[u8], at: &dyn Fn(usize, usize) -> Location) {
    let is_alphabet = |b: u8| b.is_ascii_alphanumeric() || b == b'+' || b == b'/';
    let bad: Vec<usize> = (0..body.len())
        .filter(|&i| !is_alphabet(body[i]) && body[i] != b'=' && !body[i].is_ascii_whitespace())
        .collect();
    if let Some(&first) = bad.first() {
        cx.emit(
            Draft::new(Msg::new("headers/transfer-encoding.base64-alphabet").int("count", bad.len()))
                .evidence_bytes(super::line_breaks::context_around(body, first))
                .at(at(first, 1)),
        );
        return;
    }
    // RFC 2045 §6.8: groups of 4; `=` only as the final padding.
    let data: Vec<(usize, u8)> = body.iter().copied().enumerate().filter(|(_, b)| !b.is_ascii_whitespace()).collect();
    let first_pad = data.iter().position(|&(_, b)| b == b'=');
    let padding_ok = match first_pad {
        None => data.len() % 4 == 0,
        Some(p) => data.len() % 4 == 0 && data.len() - p <= 2 && data[p..].iter().all(|&(_, b)| b == b'='),
    };
    if !padding_ok {
        let offset = first_pad.and_then(|p| data.get(p)).or(data.last()).map_or(0, |&(i, _)| i);
        cx.emit(
            Draft::new(Msg::new("headers/transfer-encoding.base64-padding").int("length", data.len()))
                .evidence_bytes(super::line_breaks::context_around(body, offset))
                .at(at(offset, 1)),
        );
    }
}

fn check_quoted_printable(cx: &mut Context, body: &[u8], max: usize, at: &dyn Fn(usize, usize) -> Location) {
    let mut long_lines = 0usize;
    let mut first_long = None;
    let mut bad_escapes = 0usize;
    let mut first_bad = None;
    let mut start = 0;
    while start < body.len() {
        let nl = body[start..].iter().position(|&b| b == b'\n').map_or(body.len(), |p| start + p);
        let end = if nl > start && body[nl - 1] == b'\r' { nl - 1 } else { nl };
        let line = &body[start..end];
        if line.len() > max {
            long_lines += 1;
            first_long.get_or_insert((start, line.len()));
        }
        let mut i = 0;
        while i < line.len() {
            if line[i] == b'=' {
                let rest = &line[i + 1..];
                let soft_break = rest.iter().all(|b| *b == b' ' || *b == b'\t');
                let escape = rest.len() >= 2 && rest[0].is_ascii_hexdigit() && rest[1].is_ascii_hexdigit();
                if !soft_break && !escape {
                    bad_escapes += 1;
                    first_bad.get_or_insert(start + i);
                }
                i += if escape { 3 } else { 1 };
            } else {
                i += 1;
            }
        }
        start = nl + 1;
    }
    if let Some((offset, length)) = first_long {
        cx.emit(
            Draft::new(
                Msg::new("headers/transfer-encoding.qp-line-too-long")
                    .int("count", long_lines)
                    .int("length", length)
                    .int("limit", max),
            )
            .evidence_bytes(&body[offset..(offset + length).min(body.len())])
            .at(at(offset, length)),
        );
    }
    if let Some(offset) = first_bad {
        cx.emit(
            Draft::new(Msg::new("headers/transfer-encoding.qp-bad-escape").int("count", bad_escapes))
                .evidence_bytes(super::line_breaks::context_around(body, offset))
                .at(at(offset, 1)),
        );
    }
}
