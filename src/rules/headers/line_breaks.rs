//! `headers/line-breaks`: RFC 5322 §2.1 and §2.3: CR and LF only occur together
//! as CRLF. A bare CR is always wrong; a bare LF in a message that otherwise
//! uses CRLF means two programs built it, and servers split or join its lines
//! differently (the origin of header smuggling). A message written entirely with
//! LF (pasted text) is normal: the mailer converts it.

use crate::i18n::Msg;
use crate::model::Message;
use crate::report::{Location, Severity};
use crate::rules::{Check, Context, Draft, Example, ExampleInput, Group, Rule};
use crate::settings::Evidence;
use crate::title;

crate::rule_texts! { "headers/line-breaks";
    summary => {
        en: "A bare CR, or bare LF line ends mixed with CRLF.",
        fr: "Un CR isolé, ou des fins de ligne LF seules mélangées à des CRLF.",
        es: "Un CR suelto, o finales de línea LF solos mezclados con CRLF.",
        pl: "Samotny znak CR albo końce wierszy LF pomieszane z CRLF.",
    },
    why => {
        en: "RFC 5322 §2.1 and §2.3: lines end with CRLF and CR or LF never appear alone. A bare CR is refused by strict servers (Sendmail 8.18 by default, since the SMTP smuggling fixes): it is an error. LF line ends mixed with CRLF are only noted: the mailer's SMTP client, or sendmail for PHP mail(), sends CRLF whatever the file holds.",
        fr: "RFC 5322 §2.1 et §2.3 : les lignes finissent par CRLF, et CR ou LF n'apparaissent jamais seuls. Un CR isolé est refusé par les serveurs stricts (Sendmail 8.18 par défaut, depuis les correctifs de la contrebande SMTP) : c'est une erreur. Des fins de ligne LF mêlées à des CRLF sont seulement signalées : le client SMTP du logiciel d'envoi, ou sendmail pour mail() de PHP, envoie des CRLF quel que soit le contenu du fichier.",
        es: "RFC 5322 §2.1 y §2.3: las líneas terminan en CRLF y CR o LF nunca aparecen solos. Un CR suelto lo rechazan los servidores estrictos (Sendmail 8.18 por defecto, desde las correcciones del contrabando SMTP): es un error. Los finales de línea LF mezclados con CRLF solo se señalan: el cliente SMTP del programa de envío, o sendmail para mail() de PHP, envía CRLF sea cual sea el contenido del archivo.",
        pl: "RFC 5322 §2.1 i §2.3: wiersze kończą się CRLF, a CR ani LF nigdy nie występują samodzielnie. Samotny CR odrzucają ścisłe serwery (Sendmail 8.18 domyślnie, od poprawek przemytu SMTP): to błąd. Końce LF pomieszane z CRLF są tylko odnotowywane: klient SMTP programu wysyłającego, a dla mail() w PHP sendmail, wysyła CRLF niezależnie od zawartości pliku.",
    },
    fix => {
        en: "Build the message with one kind of line end: \\r\\n everywhere, or \\n everywhere and let the mailer convert; remove stray \\r from values (RFC 5322 §2.1).",
        fr: "Construisez le message avec un seul type de fin de ligne : \\r\\n partout, ou \\n partout en laissant le logiciel d'envoi convertir ; retirez les \\r égarés des valeurs (RFC 5322 §2.1).",
        es: "Construya el mensaje con un único tipo de fin de línea: \\r\\n en todas partes, o \\n en todas partes dejando que el programa de envío convierta; quite los \\r sueltos de los valores (RFC 5322 §2.1).",
        pl: "Buduj wiadomość z jednym rodzajem końca wiersza: wszędzie \\r\\n albo wszędzie \\n, pozostawiając konwersję programowi wysyłającemu; usuń zabłąkane \\r z wartości (RFC 5322 §2.1).",
    },
    BARE_CR "bare-cr" => {
        en: "{count, plural, one {# CR character is not followed by LF} other {# CR characters are not followed by LF}}.",
        fr: "{count, plural, one {# caractère CR n'est pas suivi de LF} many {# de caractères CR ne sont pas suivis de LF} other {# caractères CR ne sont pas suivis de LF}}.",
        es: "{count, plural, one {# carácter CR no va seguido de LF} many {# de caracteres CR no van seguidos de LF} other {# caracteres CR no van seguidos de LF}}.",
        pl: "Po {count, plural, one {# znaku CR} few {# znakach CR} many {# znakach CR} other {# znaku CR}} nie następuje LF.",
    },
    MIXED "mixed" => {
        en: "The message mixes {bareLf, plural, one {# bare LF line end} other {# bare LF line ends}} with {crlf, plural, one {# CRLF line end} other {# CRLF line ends}}.",
        fr: "Le message mélange {bareLf, plural, one {# fin de ligne LF seule} many {# de fins de ligne LF seules} other {# fins de ligne LF seules}} et {crlf, plural, one {# fin de ligne CRLF} many {# de fins de ligne CRLF} other {# fins de ligne CRLF}}.",
        es: "El mensaje mezcla {bareLf, plural, one {# final de línea LF solo} many {# de finales de línea LF solos} other {# finales de línea LF solos}} con {crlf, plural, one {# final CRLF} many {# de finales CRLF} other {# finales CRLF}}.",
        pl: "Wiadomość miesza {bareLf, plural, one {# koniec wiersza z samym LF} few {# końce wiersza z samym LF} many {# końców wiersza z samym LF} other {# końca wiersza z samym LF}} z {crlf, plural, one {# końcem CRLF} few {# końcami CRLF} many {# końcami CRLF} other {# końca CRLF}}.",
    },
}

pub const RULE: Rule = Rule {
    id: ID,
    group: Group::Headers,
    severity: Severity::Error,
    evidence: &[
        Evidence::Rfc("RFC 5322 §2.1 and §2.3: CR and LF MUST only occur together as CRLF"),
        super::SENDMAIL_BARE_CR,
        super::MAILERS_NORMALISE_LINE_ENDS,
        Evidence::Guide("seed 002 (fr) l. 176: « L'entête de l'e-mail envoyé ne respecte pas les RFC « e-mails » (normes ou standards e-mails) »"),
    ],
    score: crate::rules::scores::NONE,
    texts: &TEXTS,
    thresholds: &[],
    examples: &[
        Example::fails(
            title! {
                en: "A bare CR inside the Subject",
                fr: "Un CR seul dans le Subject",
                es: "Un CR suelto dentro del Subject",
                pl: "Samotny CR w polu Subject",
            },
            ExampleInput::Raw(
                "From: a@example.com\r\nTo: b@example.com\r\nSubject: Hi\rBcc: c@example.com\r\n\r\nHello\r\n",
            ),
        ),
        Example::fails(
            title! {
                en: "A bare LF in a CRLF message",
                fr: "Un LF seul dans un message en CRLF",
                es: "Un LF suelto en un mensaje CRLF",
                pl: "Samotny LF w wiadomości z CRLF",
            },
            ExampleInput::Raw("From: a@example.com\r\nTo: b@example.com\nSubject: Hi\r\n\r\nHello\r\n"),
        )
        .at(Severity::Info),
        Example::passes(
            title! { en: "CRLF everywhere", fr: "CRLF partout", es: "CRLF en todas partes", pl: "Wszędzie CRLF" },
            ExampleInput::Raw("From: a@example.com\r\nTo: b@example.com\r\nSubject: Hi\r\n\r\nHello\r\n"),
        ),
        Example::passes(
            title! {
                en: "LF everywhere (pasted text)",
                fr: "LF partout (texte collé)",
                es: "LF en todas partes (texto pegado)",
                pl: "Wszędzie LF (wklejony tekst)",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Hi\n\nHello\n"),
        ),
    ],
    check: Check::Message(check),
};

fn check(message: &Message, cx: &mut Context) {
    let raw = message.raw;
    let breaks = message.line_breaks;
    if breaks.bare_cr > 0 {
        let first = (0..raw.len()).find(|&i| raw[i] == b'\r' && raw.get(i + 1) != Some(&b'\n'));
        if let Some(at) = first {
            cx.emit(
                Draft::new(Msg::of(&BARE_CR).int("count", breaks.bare_cr))
                    .evidence_at(message, context_range(raw.len(), at))
                    .at(Location::range(at, at + 1)),
            );
        }
    }
    if breaks.bare_lf > 0 && breaks.crlf > 0 {
        let first = (0..raw.len()).find(|&i| raw[i] == b'\n' && (i == 0 || raw[i - 1] != b'\r'));
        if let Some(at) = first {
            cx.emit(
                Draft::new(Msg::of(&MIXED).int("bareLf", breaks.bare_lf).int("crlf", breaks.crlf))
                    .evidence_at(message, context_range(raw.len(), at))
                    .at(Location::range(at, at + 1))
                    // The mailer's SMTP client (or sendmail -t for PHP mail()) sends
                    // CRLF line ends whatever the file holds: nothing reaches a receiver.
                    .severity(Severity::Info),
            );
        }
    }
}

/// Bytes on each side of a place quoted as its evidence.
const CONTEXT_BYTES: usize = 30;

/// The range of up to 30 bytes on each side of `at` in bytes of length `len`:
/// evidence quoted with `Draft::evidence_at`, in the charset of its part.
pub fn context_range(len: usize, at: usize) -> std::ops::Range<usize> {
    at.saturating_sub(CONTEXT_BYTES).min(len)..(at + CONTEXT_BYTES).min(len)
}
