//! `headers/encoded-word`: RFC 2047 encoded words must be well formed: a
//! charset readers know, B or Q encoding with valid content, at most 75
//! characters (§2, a warning: most readers cope), and never inside a quoted
//! string, where they are not decoded (§5 (3)). A broken one shows as
//! `=?…?=` garbage in the inbox.

use crate::grammar::encoded_word::{check_encoded_words, contains_encoded_word, EncodedWordProblem};
use crate::grammar::lexer::{lex, TokenKind};
use crate::grammar::{Level, Problem};
use crate::i18n::Msg;
use crate::model::Message;
use crate::report::Severity;
use crate::rules::{Context, Draft, Example, ExampleInput, Group, Rule};

pub const RULE: Rule = Rule {
    id: "headers/encoded-word",
    group: Group::Headers,
    default_severity: Severity::Error,
    default_score: 15,
    examples: &[
        Example::fails("Base64 with a missing pad", ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: =?UTF-8?B?Q2Fmw6k?=\n\nHello\n")),
        Example::fails("An unknown charset", ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: =?x-klingon?Q?Qapla?=\n\nHello\n")),
        Example::fails("No closing ?=", ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: =?UTF-8?Q?Caf=C3=A9 open\n\nHello\n")),
        Example::fails(
            "An encoded word inside quotes",
            ExampleInput::Raw("From: \"=?UTF-8?Q?J=C3=B6rg?=\" <j@example.com>\nTo: b@example.com\nSubject: Hi\n\nHello\n"),
        ),
        Example::passes(
            "Well-formed B and Q words, in a Subject and a display name",
            ExampleInput::Raw("From: =?UTF-8?Q?J=C3=B6rg?= <j@example.com>\nTo: b@example.com\nSubject: =?UTF-8?B?Q2Fmw6k=?= =?ISO-8859-1?Q?caf=E9?=\n\nHello\n"),
        ),
        Example::passes("A subject that only mentions =?", ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: what =? means\n\nHello\n")),
    ],
    check,
};

fn is_unstructured(name: &str) -> bool {
    ["Subject", "Comments", "Content-Description", "Keywords", "Thread-Topic"]
        .iter()
        .any(|n| n.eq_ignore_ascii_case(name))
        || name.len() > 2 && name.as_bytes()[..2].eq_ignore_ascii_case(b"X-")
}

fn check(message: &Message, cx: &mut Context) {
    for (part, block) in super::header_blocks(message) {
        for field in &block.fields {
            let value = field.raw_value(message.raw);
            if !value.windows(2).any(|w| w == b"=?") {
                continue;
            }
            let problems: Vec<Problem<EncodedWordProblem>> = if is_unstructured(&field.name) {
                check_encoded_words(value)
            } else if super::ADDRESS_FIELDS.iter().any(|n| field.is(n)) {
                let mut found = Vec::new();
                for token in lex(value).tokens {
                    let text = &value[token.start..token.end];
                    match token.kind {
                        TokenKind::Atom => found.extend(
                            check_encoded_words(text)
                                .into_iter()
                                .map(|p| Problem::new(p.kind, p.start + token.start, p.end + token.start)),
                        ),
                        TokenKind::QuotedString => {
                            if let Some(at) = contains_encoded_word(text) {
                                found.push(Problem::new(
                                    EncodedWordProblem::InQuotedString,
                                    token.start + at,
                                    token.end,
                                ));
                            }
                        }
                        _ => {}
                    }
                }
                found
            } else {
                continue;
            };
            super::emit_grouped(cx, message, part, field, &problems, |cx, kind, count| {
                let problem = super::describe(cx, "encoded-word", kind.code());
                let draft = Draft::new(
                    Msg::new("headers/encoded-word.invalid")
                        .text("field", field.name.clone())
                        .text("problem", problem)
                        .int("count", count),
                );
                Some(if kind.level() == Level::Obsolete { draft.severity(Severity::Warning) } else { draft })
            });
        }
    }
}
