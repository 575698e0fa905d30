//! `headers/missing-field`: RFC 5322 §3.6: "The only required header fields
//! are the origination date field and the originator address field(s)."
//! Message-ID SHOULD be present (§3.6.4); a message without To reaches
//! nobody visible. For compose and PHP `mail()` input the mailer adds Date and
//! Message-ID itself: that is said as information instead.

use crate::i18n::Msg;
use crate::model::Message;
use crate::report::{Location, Severity};
use crate::rules::{Check, Context, Draft, Example, ExampleInput, Group, Rule};
use crate::settings::Evidence;
use crate::title;

crate::rule_texts! { "headers/missing-field";
    summary => {
        en: "A required header field (From, Date) or an expected one (Message-ID, To) is missing.",
        fr: "Un champ d'en-tête obligatoire (From, Date) ou attendu (Message-ID, To) est absent.",
        es: "Falta un campo de cabecera obligatorio (From, Date) o esperado (Message-ID, To).",
        pl: "Brakuje wymaganego pola nagłówka (From, Date) lub oczekiwanego (Message-ID, To).",
    },
    why => {
        en: "RFC 5322 §3.6 requires From and Date in every message, and Message-ID should be there too. The guides warn that a header that does not respect the e-mail RFCs gets the message treated as spam.",
        fr: "La RFC 5322 §3.6 impose From et Date dans chaque message, et Message-ID devrait y figurer. Les guides préviennent qu'un en-tête qui ne respecte pas les RFC du courrier fait traiter le message comme du spam.",
        es: "El RFC 5322 §3.6 exige From y Date en todo mensaje, y Message-ID debería estar también. Las guías advierten que una cabecera que no respeta los RFC del correo hace que el mensaje se trate como spam.",
        pl: "RFC 5322 §3.6 wymaga pól From i Date w każdej wiadomości, a Message-ID również powinno się pojawić. Przewodniki ostrzegają, że nagłówek niezgodny z RFC poczty sprawia, że wiadomość jest traktowana jako spam.",
    },
    fix => {
        en: "Add the missing field; most mail libraries set Date and Message-ID for you (RFC 5322 §3.6).",
        fr: "Ajoutez le champ manquant ; la plupart des bibliothèques d'envoi renseignent Date et Message-ID d'elles-mêmes (RFC 5322 §3.6).",
        es: "Añada el campo que falta; la mayoría de las bibliotecas de correo establecen Date y Message-ID por usted (RFC 5322 §3.6).",
        pl: "Dodaj brakujące pole; większość bibliotek pocztowych sama ustawia Date i Message-ID (RFC 5322 §3.6).",
    },
    REQUIRED "required" => {
        en: "The {field} field is missing; RFC 5322 §3.6 requires it in every message.",
        fr: "Le champ {field} est absent ; la RFC 5322 §3.6 l'exige dans tout message.",
        es: "Falta el campo {field}; el RFC 5322 §3.6 lo exige en todo mensaje.",
        pl: "Brakuje pola {field}; RFC 5322 §3.6 wymaga go w każdej wiadomości.",
    },
    NO_MESSAGE_ID "no-message-id" => {
        en: "The {field} field is missing; without it filters cannot spot duplicates and many of them score the message as spam.",
        fr: "Le champ {field} est absent ; sans lui, les filtres ne repèrent pas les doublons et beaucoup notent le message comme spam.",
        es: "Falta el campo {field}; sin él los filtros no detectan duplicados y muchos puntúan el mensaje como spam.",
        pl: "Brakuje pola {field}; bez niego filtry nie wykrywają duplikatów, a wiele z nich ocenia wiadomość jako spam.",
    },
    NO_TO "no-to" => {
        en: "There is no {field} field: recipients only appear in Cc or Bcc, or nowhere.",
        fr: "Il n'y a pas de champ {field} : les destinataires ne figurent qu'en Cc ou Bcc, ou nulle part.",
        es: "No hay campo {field}: los destinatarios solo aparecen en Cc o Bcc, o en ninguna parte.",
        pl: "Brak pola {field}: odbiorcy są tylko w Cc lub Bcc albo nigdzie.",
    },
    NO_RECIPIENT "no-recipient" => {
        en: "No recipient: none of {fields} holds an address, so Nodemailer refuses to send this message (\"No recipients defined\", EENVELOPE) before a byte is sent.",
        fr: "Aucun destinataire : aucun de {fields} ne contient d'adresse, donc Nodemailer refuse d'envoyer ce message (« No recipients defined », EENVELOPE) avant d'en transmettre un octet.",
        es: "Ningún destinatario: ninguno de {fields} contiene una dirección, así que Nodemailer se niega a enviar este mensaje («No recipients defined», EENVELOPE) antes de transmitir un solo byte.",
        pl: "Brak odbiorcy: żadne z {fields} nie zawiera adresu, więc Nodemailer odmawia wysłania tej wiadomości („No recipients defined”, EENVELOPE), zanim wyśle choćby bajt.",
    },
    FIX_NO_RECIPIENT "fix-no-recipient" => {
        en: "Give at least one address in to, cc or bcc: a text such as 'Name <name@example.com>', or { name, address }. A text with no address in it is dropped by Nodemailer.",
        fr: "Donnez au moins une adresse dans to, cc ou bcc : un texte comme 'Nom <nom@example.com>', ou { name, address }. Nodemailer abandonne un texte qui ne contient pas d'adresse.",
        es: "Indique al menos una dirección en to, cc o bcc: un texto como 'Nombre <nombre@example.com>', o { name, address }. Nodemailer descarta un texto que no contiene ninguna dirección.",
        pl: "Podaj co najmniej jeden adres w to, cc lub bcc: tekst w rodzaju 'Imię <imie@example.com>' albo { name, address }. Tekst bez adresu Nodemailer pomija.",
    },
    FIX_NO_RECIPIENT_ENVELOPE "fix-no-recipient-envelope" => {
        en: "With an envelope, Nodemailer sends only to envelope.to, cc and bcc, not to the message's to, cc and bcc: give the recipients in the envelope too, or leave the envelope out.",
        fr: "Avec une enveloppe (envelope), Nodemailer n'envoie qu'à envelope.to, cc et bcc, pas aux to, cc et bcc du message : donnez aussi les destinataires dans l'enveloppe, ou retirez-la.",
        es: "Con un sobre (envelope), Nodemailer solo envía a envelope.to, cc y bcc, no a los to, cc y bcc del mensaje: indique también los destinatarios en el sobre, o quítelo.",
        pl: "Z kopertą (envelope) Nodemailer wysyła tylko do envelope.to, cc i bcc, a nie do to, cc i bcc wiadomości: podaj odbiorców także w kopercie albo ją usuń.",
    },
    MAILER_ADDS "mailer-adds" => {
        en: "The mailer adds {fields} itself when it sends this message; nothing to do.",
        fr: "Le logiciel d'envoi ajoute lui-même {fields} en envoyant ce message ; rien à faire.",
        es: "El programa de envío añade por sí mismo {fields} al enviar este mensaje; no hay nada que hacer.",
        pl: "Program wysyłający sam doda {fields} przy wysyłce tej wiadomości; nic nie trzeba robić.",
    },
    FIX_MAILER_ADDS "fix-mailer-adds" => {
        en: "Nothing to change: only set these fields yourself if you need specific values.",
        fr: "Rien à changer : ne renseignez ces champs vous-même que si vous avez besoin de valeurs précises.",
        es: "Nada que cambiar: establezca estos campos usted mismo solo si necesita valores concretos.",
        pl: "Nic do zmiany: ustaw te pola samodzielnie tylko wtedy, gdy potrzebujesz konkretnych wartości.",
    },
}

pub const RULE: Rule = Rule {
    id: ID,
    group: Group::Headers,
    severity: Severity::Error,
    evidence: &[
        super::GMAIL_RFC_5322,
        super::GMAIL_MESSAGE_ID,
        Evidence::Receiver("SpamAssassin MISSING_DATE (2.7 points), MISSING_HEADERS for a missing To (0.9)"),
        Evidence::Rfc("RFC 5322 §3.6: the only required header fields are the origination date field and the originator address field(s)"),
        Evidence::Rfc("RFC 5322 §3.6.4: every message SHOULD have a Message-ID field"),
        Evidence::Receiver("Nodemailer 7 and 10, smtp-connection _setEnvelope: a message whose envelope has no recipient fails with \"No recipients defined\" (EENVELOPE) before MAIL FROM"),
        Evidence::Guide("seed 002 (fr) l. 176: « L'entête de l'e-mail envoyé ne respecte pas les RFC « e-mails » (normes ou standards e-mails) »"),
    ],
    score: crate::rules::scores::NONE,
    texts: &TEXTS,
    thresholds: &[],
    examples: &[
        Example::fails(
            title! {
                en: "No Date field",
                fr: "Pas de champ Date",
                es: "Sin campo Date",
                pl: "Brak pola Date",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Hi\nMessage-ID: <1@example.com>\n\nHello\n"),
        )
        .at(Severity::Warning),
        Example::fails(
            title! {
                en: "No From field",
                fr: "Pas de champ From",
                es: "Sin campo From",
                pl: "Brak pola From",
            },
            ExampleInput::Raw("Date: Mon, 2 Mar 2026 10:00:00 +0100\nTo: b@example.com\nSubject: Hi\nMessage-ID: <1@example.com>\n\nHello\n"),
        ),
        Example::fails(
            title! {
                en: "No Message-ID",
                fr: "Pas de Message-ID",
                es: "Sin Message-ID",
                pl: "Brak Message-ID",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nDate: Mon, 2 Mar 2026 10:00:00 +0100\nSubject: Hi\n\nHello\n"),
        ),
        Example::fails(
            title! {
                en: "No To field (info)",
                fr: "Pas de champ To (information)",
                es: "Sin campo To (información)",
                pl: "Brak pola To (informacja)",
            },
            ExampleInput::Raw("From: a@example.com\nBcc: b@example.com\nDate: Mon, 2 Mar 2026 10:00:00 +0100\nMessage-ID: <1@example.com>\nSubject: Hi\n\nHello\n"),
        )
        .at(Severity::Info),
        Example::passes(
            title! {
                en: "All of From, Date, Message-ID and To",
                fr: "From, Date, Message-ID et To, tous présents",
                es: "From, Date, Message-ID y To, todos presentes",
                pl: "Wszystkie pola From, Date, Message-ID i To",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nDate: Mon, 2 Mar 2026 10:00:00 +0100\nMessage-ID: <1@example.com>\nSubject: Hi\n\nHello\n"),
        ),
        Example::fails(
            title! {
                en: "A PHP mail() call without Date and Message-ID: the mailer adds them (info only)",
                fr: "Un appel PHP mail() sans Date ni Message-ID : le logiciel d'envoi les ajoute (simple information)",
                es: "Una llamada PHP mail() sin Date ni Message-ID: el programa de envío los añade (solo información)",
                pl: "Wywołanie PHP mail() bez Date i Message-ID: program wysyłający je dodaje (tylko informacja)",
            },
            ExampleInput::PhpMail { to: "b@example.com", subject: "Hi", message: "Hello", headers: "From: a@example.com" },
        )
        .at(Severity::Info),
        Example::fails(
            title! {
                en: "Compose fields whose to holds no address: Nodemailer refuses to send",
                fr: "Des champs de message dont le to ne contient aucune adresse : Nodemailer refuse d'envoyer",
                es: "Campos de mensaje cuyo to no contiene ninguna dirección: Nodemailer se niega a enviar",
                pl: "Pola wiadomości, w których to nie zawiera adresu: Nodemailer odmawia wysłania",
            },
            ExampleInput::Compose(r#"{"from": "contact@example.com", "to": "Site owner", "subject": "Contact form", "text": "Hello", "date": "Mon, 2 Mar 2026 10:00:00 +0100", "messageId": "<1@example.com>"}"#),
        ),
        Example::passes(
            title! {
                en: "Compose fields whose to is a group of addresses (RFC 5322 §3.4): Nodemailer sends to its members",
                fr: "Des champs de message dont le to est un groupe d'adresses (RFC 5322 §3.4) : Nodemailer envoie à ses membres",
                es: "Campos de mensaje cuyo to es un grupo de direcciones (RFC 5322 §3.4): Nodemailer envía a sus miembros",
                pl: "Pola wiadomości, w których to jest grupą adresów (RFC 5322 §3.4): Nodemailer wysyła do jej członków",
            },
            ExampleInput::Compose(r#"{"from": "news@example.com", "to": "Club members: a@example.org, b@example.org;", "subject": "Club news", "text": "Hello", "date": "Mon, 2 Mar 2026 10:00:00 +0100", "messageId": "<1@example.com>"}"#),
        ),
        Example::passes(
            title! {
                en: "Field names in any case (RFC 5322 §1.2.2)",
                fr: "Des noms de champ en majuscules ou minuscules (RFC 5322 §1.2.2)",
                es: "Nombres de campo en mayúsculas o minúsculas (RFC 5322 §1.2.2)",
                pl: "Nazwy pól pisane dowolną wielkością liter (RFC 5322 §1.2.2)",
            },
            ExampleInput::Raw("FROM: a@example.com\nto: b@example.com\ndate: Mon, 2 Mar 2026 10:00:00 +0100\nMESSAGE-ID: <1@example.com>\nSubject: Hi\n\nHello\n"),
        ),
    ],
    check: Check::Message(check),
};

/// What each field's absence means (RFC 5322 §3.6 table).
pub(super) const EXPECTED: &[(&str, Severity)] =
    // From: Gmail refuses without it. Message-ID: Gmail refuses without a valid one.
    // Date: SpamAssassin MISSING_DATE (2.7 points), rspamd scores it too: a warning.
    // To: may be absent (§3.6.3; SpamAssassin MISSING_HEADERS 0.9): info.
    &[("From", Severity::Error), ("Date", Severity::Warning), ("Message-ID", Severity::Error), ("To", Severity::Info)];

fn check(message: &Message, cx: &mut Context) {
    // Compose input with no recipient at all: Nodemailer refuses to send it, which
    // says more than a missing To (smtp-connection `_setEnvelope`, Nodemailer 7 and 10).
    if let Some(fields) = message.input_notes.no_recipient {
        cx.emit(
            Draft::new(Msg::of(&NO_RECIPIENT).text("fields", fields))
                .evidence(fields)
                .at(Location::range(0, message.header.end))
                .severity(Severity::Error)
                .fix(Msg::of(if fields.starts_with("envelope") { &FIX_NO_RECIPIENT_ENVELOPE } else { &FIX_NO_RECIPIENT })),
        );
    }
    let mut added_by_mailer = Vec::new();
    for &(name, severity) in EXPECTED {
        if message.header(name).is_some() || (name == "To" && message.input_notes.no_recipient.is_some()) {
            continue;
        }
        if message.mailer_adds(name) {
            added_by_mailer.push(name);
            continue;
        }
        // To may be replaced by Cc or Bcc (§3.6.3): only say so when all three are absent.
        if name == "To" && (message.header("Cc").is_some() || message.header("Bcc").is_some()) {
            cx.emit(
                Draft::new(Msg::of(&NO_TO).text("field", name))
                    .evidence(name)
                    .at(Location::range(0, message.header.end))
                    .severity(Severity::Info),
            );
            continue;
        }
        let id = match name {
            "To" => &NO_TO,
            "Message-ID" => &NO_MESSAGE_ID,
            _ => &REQUIRED,
        };
        cx.emit(
            Draft::new(Msg::of(id).text("field", name))
                .evidence(name)
                .at(Location::range(0, message.header.end))
                .severity(severity),
        );
    }
    if !added_by_mailer.is_empty() {
        cx.emit(
            Draft::new(Msg::of(&MAILER_ADDS).text("fields", added_by_mailer.join(", ")))
                .evidence(added_by_mailer.join(", "))
                .at(Location::range(0, message.header.end))
                .severity(Severity::Info)
                .fix(Msg::of(&FIX_MAILER_ADDS)),
        );
    }
}
