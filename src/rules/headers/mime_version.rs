//! `headers/mime-version`: RFC 2045 §4: a message that uses MIME fields
//! (Content-Type, Content-Transfer-Encoding) must say `MIME-Version: 1.0` in
//! its header, or readers treat the body as plain US-ASCII text. PHP scripts
//! that add `Content-Type: text/html` alone are the usual case.

use crate::i18n::Msg;
use crate::model::Message;
use crate::report::{Location, Severity};
use crate::rules::{Check, Context, Draft, Example, ExampleInput, Group, Rule};
use crate::settings::Evidence;
use crate::title;

crate::rule_texts! { "headers/mime-version";
    summary => {
        en: "MIME fields are used without MIME-Version: 1.0, or with another version.",
        fr: "Des champs MIME sont utilisés sans MIME-Version: 1.0, ou avec une autre version.",
        es: "Se usan campos MIME sin MIME-Version: 1.0, o con otra versión.",
        pl: "Pola MIME są używane bez MIME-Version: 1.0 lub z inną wersją.",
    },
    why => {
        en: "RFC 2045 §4: without MIME-Version: 1.0 readers may ignore Content-Type, showing HTML as source code and attachments as text, and filters flag the mismatch.",
        fr: "RFC 2045 §4 : sans MIME-Version: 1.0, les lecteurs peuvent ignorer Content-Type, afficher le HTML en code source et les pièces jointes en texte, et les filtres signalent l'incohérence.",
        es: "RFC 2045 §4: sin MIME-Version: 1.0 los lectores pueden ignorar Content-Type, mostrando el HTML como código fuente y los adjuntos como texto, y los filtros señalan la incoherencia.",
        pl: "RFC 2045 §4: bez MIME-Version: 1.0 czytniki mogą zignorować Content-Type, pokazując HTML jako kod źródłowy, a załączniki jako tekst, a filtry wychwytują niespójność.",
    },
    fix => {
        en: "Add the header line MIME-Version: 1.0 (in PHP, in additional_headers before Content-Type) (RFC 2045 §4).",
        fr: "Ajoutez la ligne d'en-tête MIME-Version: 1.0 (en PHP, dans additional_headers avant Content-Type) (RFC 2045 §4).",
        es: "Añada la línea de cabecera MIME-Version: 1.0 (en PHP, en additional_headers antes de Content-Type) (RFC 2045 §4).",
        pl: "Dodaj wiersz nagłówka MIME-Version: 1.0 (w PHP w additional_headers przed Content-Type) (RFC 2045 §4).",
    },
    MISSING "missing" => {
        en: "The header has {field} but no MIME-Version: 1.0.",
        fr: "L'en-tête contient {field} mais pas MIME-Version: 1.0.",
        es: "La cabecera tiene {field} pero no MIME-Version: 1.0.",
        pl: "Nagłówek zawiera {field}, ale nie ma MIME-Version: 1.0.",
    },
    MISSING_PLAIN "missing-plain-text" => {
        en: "The header has {field} but no MIME-Version: 1.0; for plain text that readers show as it is, this is only a deviation from RFC 2045.",
        fr: "L'en-tête contient {field} mais pas MIME-Version: 1.0 ; pour du texte brut que les lecteurs affichent tel quel, ce n'est qu'un écart à la RFC 2045.",
        es: "La cabecera tiene {field} pero no MIME-Version: 1.0; en texto plano que los lectores muestran tal cual, solo es una desviación del RFC 2045.",
        pl: "Nagłówek zawiera {field}, ale nie ma MIME-Version: 1.0; przy zwykłym tekście, który czytniki pokazują bez zmian, to tylko odstępstwo od RFC 2045.",
    },
    NOT_1_0 "not-1-0" => {
        en: "MIME-Version is not 1.0, the only version there is.",
        fr: "MIME-Version n'est pas 1.0, la seule version qui existe.",
        es: "MIME-Version no es 1.0, la única versión que existe.",
        pl: "MIME-Version nie jest równe 1.0, jedynej istniejącej wersji.",
    },
}

pub const RULE: Rule = Rule {
    id: ID,
    group: Group::Headers,
    severity: Severity::Warning,
    evidence: &[
        Evidence::Receiver("rspamd MISSING_MIME_VERSION (2 points); SpamAssassin MIME_HEADER_CTYPE_ONLY"),
        Evidence::Rfc("RFC 2045 §4: messages composed with MIME MUST include MIME-Version: 1.0"),
        Evidence::Receiver("information only for plain text (Content-Type text/plain, no transfer encoding beyond 7bit/8bit): SpamAssassin 4.0's MIME_HEADER_CTYPE_ONLY leaves text/plain out (20_head_tests.cf, 0.1 points), and a reader that ignores the field shows the same text"),
    ],
    score: crate::rules::scores::MIME_VERSION_MISSING,
    texts: &TEXTS,
    thresholds: &[],
    examples: &[
        Example::fails(
            title! {
                en: "A PHP mail() call with Content-Type and no MIME-Version",
                fr: "Un appel PHP mail() avec Content-Type et sans MIME-Version",
                es: "Una llamada PHP mail() con Content-Type y sin MIME-Version",
                pl: "Wywołanie PHP mail() z Content-Type i bez MIME-Version",
            },
            ExampleInput::PhpMail { to: "b@example.com", subject: "Hi", message: "<p>Hello</p>", headers: "From: a@example.com\r\nContent-Type: text/html; charset=UTF-8" },
        ),
        Example::fails(
            title! {
                en: "Plain text with a Content-Type and no MIME-Version (a feed gateway's output)",
                fr: "Du texte brut avec un Content-Type et sans MIME-Version (la sortie d'une passerelle de flux)",
                es: "Texto plano con Content-Type y sin MIME-Version (la salida de una pasarela de feeds)",
                pl: "Zwykły tekst z Content-Type i bez MIME-Version (wynik bramki kanałów)",
            },
            ExampleInput::Raw("From: feeds@my-site.example\nTo: b@example.com\nSubject: Today's headlines\nContent-Type: text/plain; encoding=utf-8\n\nHello\n"),
        )
        .at(Severity::Info),
        Example::fails(
            title! {
                en: "A version other than 1.0",
                fr: "Une version autre que 1.0",
                es: "Una versión distinta de 1.0",
                pl: "Wersja inna niż 1.0",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Hi\nMIME-Version: 2.0\nContent-Type: text/plain\n\nHello\n"),
        ),
        Example::passes(
            title! {
                en: "MIME-Version with a comment",
                fr: "MIME-Version avec un commentaire",
                es: "MIME-Version con un comentario",
                pl: "MIME-Version z komentarzem",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Hi\nMIME-Version: 1.0 (produced by a form)\nContent-Type: text/plain; charset=utf-8\n\nHello\n"),
        ),
        Example::passes(
            title! {
                en: "A comment and white space between the version's tokens (RFC 2045 §4's own example)",
                fr: "Un commentaire et des blancs entre les éléments de la version (l'exemple même de la RFC 2045 §4)",
                es: "Un comentario y espacios entre los elementos de la versión (el propio ejemplo del RFC 2045 §4)",
                pl: "Komentarz i białe znaki między elementami wersji (przykład z samego RFC 2045 §4)",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Hi\nMIME-Version: 1.(produced by MetaSend Vx.x)0\nContent-Type: text/plain; charset=utf-8\n\nHello\n"),
        ),
        Example::passes(
            title! {
                en: "A plain message without MIME fields",
                fr: "Un message simple sans champs MIME",
                es: "Un mensaje simple sin campos MIME",
                pl: "Zwykła wiadomość bez pól MIME",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Hi\n\nHello\n"),
        ),
    ],
    check: Check::Message(check),
};

fn check(message: &Message, cx: &mut Context) {
    match message.header("MIME-Version") {
        Some(field) => {
            let value = field.raw_value(message.raw);
            if version_of(value).as_deref() != Some(b"1.0".as_slice()) {
                cx.emit(
                    Draft::new(Msg::of(&NOT_1_0))
                        .evidence(super::field_text(message, field))
                        .at(super::value_location(field, 0, value.len())),
                );
            }
        }
        None => {
            let first_mime_field =
                message.header.fields.iter().find(|f| f.is("Content-Type") || f.is("Content-Transfer-Encoding"));
            if let Some(first) = first_mime_field {
                let plain = reads_as_plain_text(message);
                let draft = Draft::new(Msg::of(if plain { &MISSING_PLAIN } else { &MISSING }).text("field", first.name.clone()))
                    .evidence(super::field_text(message, first))
                    .at(Location::header(first.name.clone(), first.start, first.end));
                cx.emit(if plain { draft.severity(Severity::Info) } else { draft });
            }
        }
    }
}

/// The version as `major.minor` with the comments and white space RFC 2045 §4
/// allows between its tokens (`1.(produced by MetaSend Vx.x)0` is 1.0) left out;
/// None when the value is not `1*DIGIT "." 1*DIGIT`.
fn version_of(value: &[u8]) -> Option<Vec<u8>> {
    let mut problems = Vec::new();
    let skip = |i: usize, problems: &mut Vec<_>| crate::grammar::lexer::skip_cfws(value, i, problems);
    let digits = |i: usize| i + value[i..].iter().take_while(|b| b.is_ascii_digit()).count();
    let major_start = skip(0, &mut problems);
    let major_end = digits(major_start);
    let dot = skip(major_end, &mut problems);
    if major_end == major_start || value.get(dot) != Some(&b'.') {
        return None;
    }
    let minor_start = skip(dot + 1, &mut problems);
    let minor_end = digits(minor_start);
    if minor_end == minor_start || skip(minor_end, &mut problems) < value.len() {
        return None;
    }
    Some([&value[major_start..major_end], b".", &value[minor_start..minor_end]].concat())
}

/// Whether the message still reads the same to a reader that ignores its MIME
/// fields for want of `MIME-Version` (RFC 2045 §4 defaults): its content type, as
/// analysed, is `text/plain` and its transfer encoding, if any, 7bit or 8bit.
fn reads_as_plain_text(message: &Message) -> bool {
    message.parts.first().is_some_and(|root| {
        root.content_type == "text/plain" && matches!(root.transfer_encoding.as_deref(), None | Some("7bit" | "8bit"))
    })
}

#[cfg(test)]
mod tests {
    use super::version_of;

    #[test]
    fn comments_and_white_space_between_the_tokens_are_left_out() {
        for value in ["1.0", " 1.0 (produced by a form)", "1.(produced by MetaSend Vx.x)0", "1 . 0", "(c) 1\r\n .0"] {
            assert_eq!(version_of(value.as_bytes()).as_deref(), Some(b"1.0".as_slice()), "{value}");
        }
    }

    #[test]
    fn other_versions_and_other_text_are_not_1_0() {
        assert_eq!(version_of(b"2.0").as_deref(), Some(b"2.0".as_slice()));
        for value in ["1", "1.", ".0", "1.0 x", "1.0a", "one.zero", ""] {
            assert_eq!(version_of(value.as_bytes()), None, "{value}");
        }
    }
}
