//! `headers/mbox-envelope`: a file cut from an mbox starts with an envelope
//! line (`From user@host  Thu Aug 22 12:36:23 2002`) that is not part of the
//! message (RFC 4155). It is skipped, and said, so nobody mistakes it for a
//! broken header field; escaped `>From ` lines and further messages are said too.

use crate::i18n::Msg;
use crate::model::Message;
use crate::report::{Location, Severity};
use crate::rules::{Check, Context, Draft, Example, ExampleInput, Group, Rule};
use crate::settings::Evidence;
use crate::title;

crate::rule_texts! { "headers/mbox-envelope";
    summary => {
        en: "The file starts with an mbox envelope line, which is not part of the message.",
        fr: "Le fichier commence par une ligne d'enveloppe mbox, qui ne fait pas partie du message.",
        es: "El archivo empieza con una línea de sobre mbox, que no forma parte del mensaje.",
        pl: "Plik zaczyna się od wiersza koperty mbox, który nie należy do wiadomości.",
    },
    why => {
        en: "Mail programs store mailboxes as mbox files where each message starts with a line \"From sender date\" (RFC 4155); a message saved or cut from such a file keeps that line. It is not a header field and never reaches a receiver, so it is skipped; findings point into the file as given.",
        fr: "Les logiciels de messagerie rangent les boîtes aux lettres dans des fichiers mbox où chaque message commence par une ligne « From expéditeur date » (RFC 4155) ; un message enregistré ou extrait d'un tel fichier garde cette ligne. Ce n'est pas un champ d'en-tête et elle n'arrive jamais chez le destinataire : elle est ignorée, et les constats pointent dans le fichier tel qu'il est.",
        es: "Los programas de correo guardan los buzones en archivos mbox donde cada mensaje empieza con una línea «From remitente fecha» (RFC 4155); un mensaje guardado o extraído de ese archivo conserva esa línea. No es un campo de cabecera y nunca llega al destinatario, así que se omite; los resultados apuntan al archivo tal cual se proporcionó.",
        pl: "Programy pocztowe przechowują skrzynki w plikach mbox, w których każda wiadomość zaczyna się wierszem „From nadawca data” (RFC 4155); wiadomość zapisana lub wycięta z takiego pliku zachowuje ten wiersz. To nie jest pole nagłówka i nigdy nie trafia do odbiorcy, więc jest pomijany; wyniki wskazują miejsca w pliku takim, jaki jest.",
    },
    fix => {
        en: "Nothing to do for the check. To send the message, use it without the first line.",
        fr: "Rien à faire pour la vérification. Pour envoyer le message, utilisez-le sans la première ligne.",
        es: "Nada que hacer para la comprobación. Para enviar el mensaje, úselo sin la primera línea.",
        pl: "Dla sprawdzenia nic nie trzeba robić. Aby wysłać wiadomość, użyj jej bez pierwszego wiersza.",
    },
    SKIPPED "skipped" => {
        en: "The first line is an mbox envelope line and was skipped: {line}",
        fr: "La première ligne est une ligne d'enveloppe mbox et a été ignorée : {line}",
        es: "La primera línea es una línea de sobre mbox y se ha omitido: {line}",
        pl: "Pierwszy wiersz to wiersz koperty mbox i został pominięty: {line}",
    },
    ESCAPED "escaped" => {
        en: "{count, plural, one {# body line starts} other {# body lines start}} with \">From \": mbox escaping of lines that started with \"From \". The message as sent had no \">\" there.",
        fr: "{count, plural, one {# ligne du corps commence} many {# de lignes du corps commencent} other {# lignes du corps commencent}} par « >From » : l'échappement mbox des lignes qui commençaient par « From ». Le message envoyé n'avait pas ce « > ».",
        es: "{count, plural, one {# línea del cuerpo empieza} many {# de líneas del cuerpo empiezan} other {# líneas del cuerpo empiezan}} por «>From»: el escape mbox de las líneas que empezaban por «From». El mensaje enviado no tenía ese «>».",
        pl: "{count, plural, one {# wiersz treści zaczyna się} few {# wiersze treści zaczynają się} many {# wierszy treści zaczyna się} other {# wiersza treści zaczyna się}} od „>From”: to zabezpieczenie mbox wierszy zaczynających się od „From”. Wysłana wiadomość nie miała tam znaku „>”.",
    },
    MORE_MESSAGES "more-messages" => {
        en: "The file holds {count, plural, one {# more message} other {# more messages}} after this one; only the first was checked.",
        fr: "Le fichier contient {count, plural, one {# autre message} other {# autres messages}} après celui-ci ; seul le premier a été vérifié.",
        es: "El archivo contiene {count, plural, one {# mensaje más} many {# de mensajes más} other {# mensajes más}} después de este; solo se ha comprobado el primero.",
        pl: "Plik zawiera jeszcze {count, plural, one {# wiadomość} few {# wiadomości} many {# wiadomości} other {# wiadomości}} po tej; sprawdzono tylko pierwszą.",
    },
    FIX_MORE "fix-more" => {
        en: "Check each message of the mailbox on its own (the command-line tool takes one file per message).",
        fr: "Vérifiez chaque message de la boîte séparément (l'outil en ligne de commande prend un fichier par message).",
        es: "Compruebe cada mensaje del buzón por separado (la herramienta de línea de comandos toma un archivo por mensaje).",
        pl: "Sprawdź każdą wiadomość ze skrzynki osobno (narzędzie wiersza poleceń przyjmuje jeden plik na wiadomość).",
    },
}

pub const RULE: Rule = Rule {
    id: ID,
    group: Group::Headers,
    severity: Severity::Info,
    evidence: &[Evidence::Rfc(
        "RFC 4155 §2: in an mbox each message starts with a \"From \" line (sender and date) that is not part of the message; body lines starting with \"From \" are escaped as \">From \"",
    )],
    score: crate::rules::scores::NONE,
    texts: &TEXTS,
    thresholds: &[],
    examples: &[
        Example::fails(
            title! {
                en: "A message saved from an mbox file",
                fr: "Un message enregistré depuis un fichier mbox",
                es: "Un mensaje guardado desde un archivo mbox",
                pl: "Wiadomość zapisana z pliku mbox",
            },
            ExampleInput::Raw("From user@example.com  Thu Aug 22 12:36:23 2002\nFrom: a@example.com\nTo: b@example.com\nSubject: Hello\nDate: Thu, 22 Aug 2002 12:36:23 +0000\nMessage-ID: <1@example.com>\n\nHello.\n"),
        ),
        Example::fails(
            title! {
                en: "An mbox with two messages and an escaped From line",
                fr: "Un mbox de deux messages avec une ligne From échappée",
                es: "Un mbox con dos mensajes y una línea From escapada",
                pl: "Plik mbox z dwiema wiadomościami i zabezpieczonym wierszem From",
            },
            ExampleInput::Raw("From a@example.com Mon Jan  5 10:00:00 2026\nFrom: a@example.com\nTo: b@example.com\nSubject: One\nDate: Mon, 5 Jan 2026 10:00:00 +0000\nMessage-ID: <1@example.com>\n\nHello.\n>From the start, thanks.\n\nFrom c@example.com Mon Jan  5 10:00:01 2026\nFrom: c@example.com\nSubject: Two\n\nBye.\n"),
        )
        .times(3),
        Example::passes(
            title! {
                en: "A From header field is not an envelope line",
                fr: "Un champ d'en-tête From n'est pas une ligne d'enveloppe",
                es: "Un campo de cabecera From no es una línea de sobre",
                pl: "Pole nagłówka From nie jest wierszem koperty",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Hello\n\nHello.\n"),
        ),
    ],
    check: Check::Message(check),
};

fn check(message: &Message, cx: &mut Context) {
    let Some(envelope) = &message.envelope else { return };
    check_envelope(message, envelope, cx);
}

/// The findings of a message given with its mbox envelope.
/// Out of line, compiled only for a message that has an envelope (#14 cold start:
/// V8 compiles a wasm function whole at its first call; `check` went from 1,494
/// to 29 bytes of body, `tests/bench/first-lint-compiles.mjs`).
#[inline(never)]
fn check_envelope(message: &Message, envelope: &crate::model::envelope::Envelope, cx: &mut Context) {
    let line = &message.raw[envelope.line.clone()];
    let trimmed = line.strip_suffix(b"\n").unwrap_or(line);
    let trimmed = trimmed.strip_suffix(b"\r").unwrap_or(trimmed);
    cx.emit(
        Draft::new(Msg::of(&SKIPPED).text("line", String::from_utf8_lossy(trimmed)))
            .evidence_bytes(trimmed)
            .at(Location::range(envelope.line.start, envelope.line.start + trimmed.len())),
    );
    if envelope.escaped_from_lines > 0 {
        cx.emit(
            Draft::new(Msg::of(&ESCAPED).int("count", envelope.escaped_from_lines))
                .evidence(">From ")
                .at(Location::range(envelope.content_start, envelope.message_end)),
        );
    }
    if envelope.more_messages > 0 {
        cx.emit(
            Draft::new(Msg::of(&MORE_MESSAGES).int("count", envelope.more_messages))
                .evidence(format!("+{} messages", envelope.more_messages))
                .at(Location::range(envelope.message_end, envelope.message_end))
                .fix(Msg::of(&FIX_MORE)),
        );
    }
}
