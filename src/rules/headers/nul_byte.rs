//! `headers/nul-byte`: RFC 5322 §2.3 and RFC 2045 §2.7–2.8: NUL is not allowed
//! in a message, except in a part declared `binary` (RFC 3030). Many servers
//! cut the message at the first NUL or refuse it.

use crate::i18n::Msg;
use crate::model::Message;
use crate::report::{Location, Severity};
use crate::rules::{Check, Context, Draft, Example, ExampleInput, Group, Rule};
use crate::settings::Evidence;
use crate::title;

crate::rule_texts! { "headers/nul-byte";
    summary => {
        en: "The message contains NUL bytes.",
        fr: "Le message contient des octets NUL.",
        es: "El mensaje contiene bytes NUL.",
        pl: "Wiadomość zawiera bajty NUL.",
    },
    why => {
        en: "RFC 5322 §2.3 and RFC 2045 §2.7 forbid NUL outside binary parts. Many servers cut the message at the first NUL or refuse it; it usually comes from a string copied with its C terminator.",
        fr: "La RFC 5322 §2.3 et la RFC 2045 §2.7 interdisent NUL hors des parties binaires. Beaucoup de serveurs coupent le message au premier NUL ou le refusent ; il provient souvent d'une chaîne copiée avec son terminateur C.",
        es: "El RFC 5322 §2.3 y el RFC 2045 §2.7 prohíben NUL fuera de las partes binarias. Muchos servidores cortan el mensaje en el primer NUL o lo rechazan; suele venir de una cadena copiada con su terminador C.",
        pl: "RFC 5322 §2.3 i RFC 2045 §2.7 zabraniają NUL poza częściami binarnymi. Wiele serwerów ucina wiadomość na pierwszym NUL lub ją odrzuca; zwykle pochodzi on z ciągu skopiowanego razem z terminatorem C.",
    },
    fix => {
        en: "Remove the NUL bytes from the text, or send binary data as a base64 attachment (RFC 2045 §6.8).",
        fr: "Retirez les octets NUL du texte, ou envoyez les données binaires en pièce jointe base64 (RFC 2045 §6.8).",
        es: "Quite los bytes NUL del texto, o envíe los datos binarios como adjunto en base64 (RFC 2045 §6.8).",
        pl: "Usuń bajty NUL z tekstu albo wyślij dane binarne jako załącznik base64 (RFC 2045 §6.8).",
    },
    IN_HEADER "in-header" => {
        en: "The header contains {count, plural, one {# NUL byte} other {# NUL bytes}}.",
        fr: "L'en-tête contient {count, plural, one {# octet NUL} many {# d'octets NUL} other {# octets NUL}}.",
        es: "La cabecera contiene {count, plural, one {# byte NUL} many {# de bytes NUL} other {# bytes NUL}}.",
        pl: "Nagłówek zawiera {count, plural, one {# bajt NUL} few {# bajty NUL} many {# bajtów NUL} other {# bajta NUL}}.",
    },
    IN_BODY "in-body" => {
        en: "The body contains {count, plural, one {# NUL byte} other {# NUL bytes}} outside binary parts.",
        fr: "Le corps contient {count, plural, one {# octet NUL} many {# d'octets NUL} other {# octets NUL}} hors des parties binaires.",
        es: "El cuerpo contiene {count, plural, one {# byte NUL} many {# de bytes NUL} other {# bytes NUL}} fuera de las partes binarias.",
        pl: "Treść zawiera {count, plural, one {# bajt NUL} few {# bajty NUL} many {# bajtów NUL} other {# bajta NUL}} poza częściami binarnymi.",
    },
}

pub const RULE: Rule = Rule {
    id: ID,
    group: Group::Headers,
    severity: Severity::Warning,
    evidence: &[
        Evidence::Receiver("SpamAssassin NULL_IN_BODY (0.5 points); servers may cut the message at the NUL"),
        Evidence::Rfc("RFC 5322 §2.3 and RFC 2045 §2.7–2.8: NUL is not allowed outside binary data (RFC 3030)"),
        Evidence::Guide("seed 002 (fr) l. 176: « L'entête de l'e-mail envoyé ne respecte pas les RFC « e-mails » (normes ou standards e-mails) »"),
    ],
    score: crate::rules::scores::NUL_BYTE,
    texts: &TEXTS,
    thresholds: &[],
    examples: &[
        Example::fails(
            title! {
                en: "A NUL in the Subject",
                fr: "Un NUL dans le Subject",
                es: "Un NUL en el Subject",
                pl: "NUL w polu Subject",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Hi\u{0}there\n\nHello\n"),
        ),
        Example::fails(
            title! {
                en: "A NUL in a text body",
                fr: "Un NUL dans un corps de texte",
                es: "Un NUL en un cuerpo de texto",
                pl: "NUL w treści tekstowej",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Hi\n\nHel\u{0}lo\n"),
        ),
        Example::passes(
            title! {
                en: "No NUL",
                fr: "Aucun NUL",
                es: "Ningún NUL",
                pl: "Brak NUL",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Hi\n\nHello\n"),
        ),
        Example::passes(
            title! {
                en: "A NUL inside a part declared binary",
                fr: "Un NUL dans une partie déclarée binary",
                es: "Un NUL dentro de una parte declarada binary",
                pl: "NUL w części zadeklarowanej jako binary",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Hi\nMIME-Version: 1.0\nContent-Type: application/octet-stream\nContent-Transfer-Encoding: binary\n\n\u{0}\u{1}\u{2}\n"),
        ),
    ],
    check: Check::Message(check),
};

fn check(message: &Message, cx: &mut Context) {
    // Most messages have none: one pass first, many bytes at a time
    // (`text::find_any`: memchr natively, where the standard library's `contains`
    // reads a byte; sixteen bytes a step in the wasm, where memchr's fallback
    // reads four).
    if crate::text::find_any([0], &message.raw).is_none() {
        return;
    }
    let binary_ranges: Vec<_> = message
        .parts
        .iter()
        .filter(|p| p.transfer_encoding.as_deref() == Some("binary"))
        .filter_map(|p| p.body_range.clone())
        .collect();
    let mut count = 0usize;
    let mut first = None;
    for (i, &b) in message.raw.iter().enumerate() {
        if b == 0 && !binary_ranges.iter().any(|r| r.contains(&i)) {
            count += 1;
            first.get_or_insert(i);
        }
    }
    let Some(at) = first else { return };
    let in_header = at < message.header.end;
    let id = if in_header { &IN_HEADER } else { &IN_BODY };
    let mut location = Location::range(at, at + 1);
    if in_header {
        location.header =
            message.header.fields.iter().find(|f| f.start <= at && at < f.end_with_break).map(|f| f.name.clone());
    }
    cx.emit(
        Draft::new(Msg::of(id).int("count", count))
            .evidence_at(message, super::line_breaks::context_range(message.raw.len(), at))
            .at(location),
    );
}
