//! `headers/attachment-filename`: a file name with non-ASCII characters goes in
//! a MIME parameter encoded per RFC 2231 (`filename*=utf-8''%C3%A9…`; RFC 2047
//! encoded words are the older, widespread form). Raw 8-bit bytes in
//! `filename=` or `name=` are shown garbled or replaced by `noname`.

use crate::i18n::Msg;
use crate::model::Message;
use crate::report::Severity;
use crate::rules::{Context, Draft, Example, ExampleInput, Group, Rule};

pub const RULE: Rule = Rule {
    id: "headers/attachment-filename",
    group: Group::Headers,
    default_severity: Severity::Warning,
    default_score: 10,
    examples: &[
        Example::fails(
            "A raw UTF-8 file name",
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Hi\nMIME-Version: 1.0\nContent-Type: application/pdf; name=\"r\u{e9}sum\u{e9}.pdf\"\nContent-Disposition: attachment; filename=\"r\u{e9}sum\u{e9}.pdf\"\nContent-Transfer-Encoding: base64\n\nJVBERi0=\n"),
        ),
        Example::passes(
            "The same name RFC 2231 encoded",
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Hi\nMIME-Version: 1.0\nContent-Type: application/pdf\nContent-Disposition: attachment; filename*=utf-8''r%C3%A9sum%C3%A9.pdf\nContent-Transfer-Encoding: base64\n\nJVBERi0=\n"),
        ),
        Example::passes(
            "A compose attachment with an accented name (the mailer encodes it)",
            ExampleInput::Compose(r#"{"from":"a@example.com","to":"b@example.com","subject":"Hi","text":"See attached","attachments":[{"filename":"résumé.pdf","content":"JVBERi0=","encoding":"base64"}]}"#),
        ),
    ],
    check,
};

fn check(message: &Message, cx: &mut Context) {
    for (part, field, parsed) in super::mime_fields(message) {
        if field.raw_value(message.raw).iter().all(|&b| b < 0x80) {
            continue;
        }
        for param in parsed.params.iter().filter(|p| matches!(p.name.as_str(), "name" | "filename")) {
            if param.value.iter().any(|&b| b >= 0x80) {
                cx.emit(
                    Draft::new(
                        Msg::new("headers/attachment-filename.raw-8bit")
                            .text("field", field.name.clone())
                            .text("parameter", param.name.clone()),
                    )
                    .evidence_bytes(&param.value)
                    .at(super::part_value_location(part, field, param.value_range.0, param.value_range.1)),
                );
            }
        }
    }
}
