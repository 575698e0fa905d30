//! `headers/injection`: in compose and PHP `mail()` input, a CR or LF inside
//! To, Subject, From or a header value lets whoever typed it add header
//! fields (`Bcc:` to thousands of addresses) or a body: the classic contact
//! form abuse that gets a hosting account blocked for spam. In PHP's
//! `additional_headers`, a blank line or a line that is not a header field is
//! the same attack.

use crate::i18n::Msg;
use crate::model::Message;
use crate::report::{Location, Origin, Severity};
use crate::rules::{Context, Draft, Example, ExampleInput, Group, Rule};

pub const RULE: Rule = Rule {
    id: "headers/injection",
    group: Group::Headers,
    default_severity: Severity::Error,
    default_score: 100,
    examples: &[
        Example::fails(
            "A Bcc smuggled into the subject of a PHP mail() call",
            ExampleInput::PhpMail {
                to: "b@example.com",
                subject: "Hi\r\nBcc: victims@example.net",
                message: "Hello",
                headers: "From: a@example.com",
            },
        ),
        Example::fails(
            "A blank line in PHP additional_headers",
            ExampleInput::PhpMail {
                to: "b@example.com",
                subject: "Hi",
                message: "Hello",
                headers: "From: a@example.com\r\n\r\nInjected body",
            },
        ),
        Example::fails(
            "A line that is not a header in additional_headers",
            ExampleInput::PhpMail {
                to: "b@example.com",
                subject: "Hi",
                message: "Hello",
                headers: "From: a@example.com\r\nvisitor text",
            },
        ),
        Example::fails(
            "A line break in a compose Reply-To",
            ExampleInput::Compose(
                r#"{"from":"a@example.com","to":"b@example.com","replyTo":"v@example.org\nBcc: x@example.net","subject":"Hi","text":"Hello"}"#,
            ),
        ),
        Example::passes(
            "Several headers joined by CRLF, one folded",
            ExampleInput::PhpMail {
                to: "b@example.com",
                subject: "Hi",
                message: "Hello",
                headers: "From: a@example.com\r\nReply-To: a@example.com\r\nX-Note: long\r\n continued",
            },
        ),
        Example::passes(
            "Clean compose fields",
            ExampleInput::Compose(
                r#"{"from":"a@example.com","to":"b@example.com","subject":"Hi","text":"Hello\nwith a line break in the body"}"#,
            ),
        ),
        Example::passes(
            "A raw message (no script input to inspect)",
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Hi\n\nHello\n"),
        ),
    ],
    check,
};

fn field_location(message: &Message, input_name: &str) -> Location {
    let header_name = match input_name {
        "replyTo" => "Reply-To",
        other => other.strip_prefix("header:").unwrap_or(other),
    };
    match message.header(header_name) {
        Some(f) => Location::header(f.name.clone(), f.start, f.end),
        None => Location::message(),
    }
}

fn check(message: &Message, cx: &mut Context) {
    if message.origin == Origin::Raw {
        return;
    }
    for field in &message.input_fields {
        if field.name == "additional_headers" {
            check_additional_headers(message, cx, &field.value);
            continue;
        }
        let key_has_break = field.name.starts_with("header:") && field.name.contains(['\r', '\n']);
        if let Some(at) = field.value.find(['\r', '\n']).or(if key_has_break { Some(0) } else { None }) {
            let smuggled = field.value[at..]
                .trim_start_matches(['\r', '\n'])
                .split(['\r', '\n'])
                .next()
                .unwrap_or_default()
                .to_string();
            cx.emit(
                Draft::new(
                    Msg::new("headers/injection.line-break")
                        .text("field", field.name.clone())
                        .text("smuggled", smuggled),
                )
                .evidence(&field.value)
                .at(field_location(message, &field.name)),
            );
        }
    }
}

fn check_additional_headers(message: &Message, cx: &mut Context, headers: &str) {
    let trimmed = headers.trim_end_matches(['\r', '\n']);
    let lines: Vec<&str> = trimmed.split('\n').map(|l| l.strip_suffix('\r').unwrap_or(l)).collect();
    for (i, line) in lines.iter().enumerate() {
        if line.is_empty() {
            let rest = lines[i + 1..].join("\n");
            cx.emit(
                Draft::new(Msg::new("headers/injection.blank-line").int("line", i + 1))
                    .evidence(rest)
                    .at(Location::range(message.header.end, message.header.body_start)),
            );
            return;
        }
        if line.starts_with([' ', '\t']) && i > 0 {
            continue;
        }
        let is_field = match line.find(':') {
            Some(colon) if colon > 0 => line[..colon].trim_end().bytes().all(|b| (33..=126).contains(&b)),
            _ => false,
        };
        if !is_field {
            let location = message
                .header
                .malformed
                .first()
                .map(|m| Location::range(m.start, m.end))
                .unwrap_or_else(Location::message);
            cx.emit(
                Draft::new(Msg::new("headers/injection.not-a-header").int("line", i + 1)).evidence(*line).at(location),
            );
            return;
        }
    }
}
