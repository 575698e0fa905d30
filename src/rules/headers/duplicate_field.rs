//! `headers/duplicate-field`: RFC 5322 §3.6 allows at most one Date, From,
//! Sender, Reply-To, To, Cc, Bcc, Message-ID, In-Reply-To, References and
//! Subject; RFC 2045 one Content-Type and Content-Transfer-Encoding per MIME
//! entity. Readers pick different copies; filters see a forged header.

use crate::i18n::Msg;
use crate::model::headers::HeaderField;
use crate::model::Message;
use crate::report::{Location, Severity};
use crate::rules::{Check, Context, Draft, Example, ExampleInput, Group, Rule};
use crate::settings::Evidence;
use crate::title;

crate::rule_texts! { "headers/duplicate-field";
    summary => {
        en: "A field that may appear only once (From, To, Subject, Date…) appears several times.",
        fr: "Un champ qui ne peut figurer qu'une fois (From, To, Subject, Date…) apparaît plusieurs fois.",
        es: "Un campo que solo puede aparecer una vez (From, To, Subject, Date…) aparece varias veces.",
        pl: "Pole, które może wystąpić tylko raz (From, To, Subject, Date…), pojawia się kilka razy.",
    },
    why => {
        en: "RFC 5322 §3.6 allows at most one of each of these fields. With two, each program picks a different one, and filters take the duplicate as a sign of forgery or header injection.",
        fr: "La RFC 5322 §3.6 n'autorise qu'un seul exemplaire de chacun de ces champs. Avec deux, chaque logiciel choisit le sien, et les filtres y voient un signe de falsification ou d'injection d'en-têtes.",
        es: "El RFC 5322 §3.6 permite como máximo uno de cada uno de estos campos. Con dos, cada programa elige uno distinto, y los filtros lo ven como señal de falsificación o de inyección de cabeceras.",
        pl: "RFC 5322 §3.6 dopuszcza najwyżej jedno wystąpienie każdego z tych pól. Przy dwóch każdy program wybiera inne, a filtry uznają duplikat za oznakę fałszerstwa lub wstrzyknięcia nagłówków.",
    },
    fix => {
        en: "Keep a single field; put several recipients in one To or Cc, separated by commas (RFC 5322 §3.6).",
        fr: "Ne gardez qu'un champ ; mettez plusieurs destinataires dans un seul To ou Cc, séparés par des virgules (RFC 5322 §3.6).",
        es: "Deje un solo campo; ponga varios destinatarios en un único To o Cc, separados por comas (RFC 5322 §3.6).",
        pl: "Zostaw jedno pole; wielu odbiorców wpisz w jednym polu To lub Cc, oddzielając ich przecinkami (RFC 5322 §3.6).",
    },
    REPEATED "repeated" => {
        en: "The {field} field appears {count, plural, one {# time} other {# times}}; RFC 5322 §3.6 allows it once.",
        fr: "Le champ {field} apparaît {count} fois ; la RFC 5322 §3.6 ne l'autorise qu'une fois.",
        es: "El campo {field} aparece {count, plural, one {# vez} many {# de veces} other {# veces}}; el RFC 5322 §3.6 lo permite una sola vez.",
        pl: "Pole {field} występuje {count, plural, one {# raz} few {# razy} many {# razy} other {# raza}}; RFC 5322 §3.6 dopuszcza je raz.",
    },
    REPEATED_MIME "repeated-mime" => {
        en: "The {field} field appears {count, plural, one {# time} other {# times}}; a MIME entity has one (RFC 2045 §5, §6), and readers that pick different copies decode the content differently.",
        fr: "Le champ {field} apparaît {count} fois ; une entité MIME n'en a qu'un (RFC 2045 §5, §6), et les logiciels qui en choisissent des exemplaires différents décodent le contenu différemment.",
        es: "El campo {field} aparece {count, plural, one {# vez} many {# de veces} other {# veces}}; una entidad MIME tiene uno (RFC 2045 §5, §6), y los programas que eligen copias distintas decodifican el contenido de forma distinta.",
        pl: "Pole {field} występuje {count, plural, one {# raz} few {# razy} many {# razy} other {# raza}}; encja MIME ma jedno takie pole (RFC 2045 §5, §6), a programy wybierające różne kopie różnie dekodują treść.",
    },
}

pub const RULE: Rule = Rule {
    id: ID,
    group: Group::Headers,
    severity: Severity::Error,
    evidence: &[
        Evidence::Rfc("RFC 5322 §3.6: Date, From, Sender, Reply-To, To, Cc, Bcc, Message-ID, In-Reply-To, References and Subject occur at most once"),
        super::GMAIL_RFC_5322,
        Evidence::Receiver("rspamd MULTIPLE_UNIQUE_HEADERS (7 points): repeated unique headers"),
        Evidence::Receiver("rspamd rules/headers_checks.lua headers_unique lists Content-Type and Content-Transfer-Encoding too, read in the message header only (task:get_header_full): a warning there"),
        Evidence::Ours("repeated in a MIME part's header: info (no receiver is documented to score it; RFC 2045 §5, §6 give an entity one of each)"),
        Evidence::Guide("seed 002 (fr) l. 176: « L'entête de l'e-mail envoyé ne respecte pas les RFC « e-mails » (normes ou standards e-mails) »"),
    ],
    score: crate::rules::scores::DUPLICATE_FIELD,
    texts: &TEXTS,
    thresholds: &[],
    examples: &[
        Example::fails(
            title! {
                en: "Two Subject fields",
                fr: "Deux champs Subject",
                es: "Dos campos Subject",
                pl: "Dwa pola Subject",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Hi\nSubject: Win money\n\nHello\n"),
        ),
        Example::fails(
            title! {
                en: "Two From fields",
                fr: "Deux champs From",
                es: "Dos campos From",
                pl: "Dwa pola From",
            },
            ExampleInput::Raw("From: a@example.com\nFrom: c@example.com\nTo: b@example.com\nSubject: Hi\n\nHello\n"),
        ),
        Example::fails(
            title! {
                en: "Two Content-Type fields in the message header (rspamd MULTIPLE_UNIQUE_HEADERS)",
                fr: "Deux champs Content-Type dans l'en-tête du message (rspamd MULTIPLE_UNIQUE_HEADERS)",
                es: "Dos campos Content-Type en la cabecera del mensaje (rspamd MULTIPLE_UNIQUE_HEADERS)",
                pl: "Dwa pola Content-Type w nagłówku wiadomości (rspamd MULTIPLE_UNIQUE_HEADERS)",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Hi\nMIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\nContent-Type: text/html; charset=utf-8\n\nHello\n"),
        )
        .at(Severity::Warning),
        Example::fails(
            title! {
                en: "Two Content-Transfer-Encoding fields in a MIME part (info)",
                fr: "Deux champs Content-Transfer-Encoding dans une partie MIME (information)",
                es: "Dos campos Content-Transfer-Encoding en una parte MIME (información)",
                pl: "Dwa pola Content-Transfer-Encoding w części MIME (informacja)",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Hi\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 7bit\nContent-Transfer-Encoding: base64\n\nHello\n--b--\n"),
        )
        .at(Severity::Info),
        Example::passes(
            title! {
                en: "Several Received and Comments fields are allowed",
                fr: "Plusieurs champs Received et Comments sont permis",
                es: "Se permiten varios campos Received y Comments",
                pl: "Wiele pól Received i Comments jest dozwolonych",
            },
            ExampleInput::Raw("Received: from a by b; Mon, 2 Mar 2026 10:00:00 +0100\nReceived: from c by d; Mon, 2 Mar 2026 10:00:00 +0100\nComments: one\nComments: two\nFrom: a@example.com\nTo: b@example.com\nSubject: Hi\n\nHello\n"),
        ),
        Example::passes(
            title! {
                en: "One of each",
                fr: "Un de chaque",
                es: "Uno de cada",
                pl: "Po jednym z każdego",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com, c@example.com\nSubject: Hi\n\nHello\n"),
        ),
    ],
    check: Check::Message(check),
};

/// Repeated fields Gmail is documented to refuse (its bounces name duplicate From,
/// Subject, Message-ID; Date and To are the other fields it checks): an error.
/// The other singletons repeated are a warning (rspamd scores them).
const REFUSED_WHEN_REPEATED: &[&str] = &["Date", "From", "To", "Message-ID", "Subject"];

/// RFC 5322 §3.6 table: fields with a maximum of one occurrence.
pub const AT_MOST_ONCE: &[&str] =
    &["Date", "From", "Sender", "Reply-To", "To", "Cc", "Bcc", "Message-ID", "In-Reply-To", "References", "Subject"];

/// RFC 2045 §5, §6: one Content-Type and one Content-Transfer-Encoding per MIME
/// entity; rspamd's headers_unique lists both (in the message header).
const MIME_AT_MOST_ONCE: &[&str] = &["Content-Type", "Content-Transfer-Encoding"];

/// The second of `fields` and how many there are, when there are two or more.
/// Counted as they come (#14: a `Vec` of them was collected for each of the 13
/// names, most there once, 13 allocations a message; callgrind, corpus pass,
/// this check 7.17 -> 5.55 M).
fn repeated<'f>(mut fields: impl Iterator<Item = &'f HeaderField>) -> Option<(&'f HeaderField, usize)> {
    fields.next()?;
    let second = fields.next()?;
    Some((second, 2 + fields.count()))
}

fn check(message: &Message, cx: &mut Context) {
    for (part, block) in super::header_blocks(message) {
        for name in MIME_AT_MOST_ONCE {
            let Some((second, count)) = repeated(block.all(name)) else { continue };
            let location = Location::header(second.name.clone(), second.start, second.end);
            cx.emit(
                Draft::new(Msg::of(&REPEATED_MIME).text("field", *name).int("count", count))
                    .evidence(super::field_text(message, second))
                    .at(if part == 0 { location } else { location.with_part(part) })
                    .severity(if part == 0 { Severity::Warning } else { Severity::Info }),
            );
        }
    }
    for name in AT_MOST_ONCE {
        let Some((second, count)) = repeated(message.header.all(name)) else { continue };
        cx.emit(
            Draft::new(Msg::of(&REPEATED).text("field", *name).int("count", count))
                .evidence(super::field_text(message, second))
                .at(Location::header(second.name.clone(), second.start, second.end))
                .severity(if REFUSED_WHEN_REPEATED.contains(name) { Severity::Error } else { Severity::Warning }),
        );
    }
}
