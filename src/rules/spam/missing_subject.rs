//! `spam/missing-subject`: the guides list "no subject / text filled in the
//! e-mail" among the things that get a mail flagged as spam.

use super::subject_location;
use crate::i18n::Msg;
use crate::model::Message;
use crate::report::Severity;
use crate::rules::{Check, Context, Draft, Example, ExampleInput, Group, Rule};
use crate::settings::Evidence;
use crate::title;

crate::rule_texts! { "spam/missing-subject";
    summary => {
        en: "The message has no subject.",
        fr: "Le message n'a pas de sujet.",
        es: "El mensaje no tiene asunto.",
        pl: "Wiadomość nie ma tematu.",
    },
    why => {
        en: "The hosting guides list \"no subject/text filled in the e-mail\" among the things that make an e-mail look like spam. Readers also ignore or delete mail without a subject.",
        fr: "Les guides de l'hébergeur citent « pas de sujet/texte renseigné dans l'e-mail » parmi les usages à éviter pour ne pas être considéré comme du SPAM. Les destinataires ignorent aussi les e-mails sans sujet.",
        es: "Las guías del alojamiento citan «no hay asunto/texto que se indique en el mensaje» entre los usos que se deben evitar para no ser considerado spam. Los destinatarios también ignoran los mensajes sin asunto.",
        pl: "Przewodniki hostingu wymieniają „brak tematu/tekstu wpisanego w e-mailu” wśród sposobów, których należy unikać, aby wiadomość nie została uznana za SPAM. Odbiorcy również pomijają wiadomości bez tematu.",
    },
    fix => {
        en: "Give every message a short subject that says what it is about, e.g. \"Your quote request of 12 March\".",
        fr: "Donnez à chaque message un sujet court qui dit de quoi il s'agit, par exemple « Votre demande de devis du 12 mars ».",
        es: "Dé a cada mensaje un asunto breve que diga de qué trata, por ejemplo «Su solicitud de presupuesto del 12 de marzo».",
        pl: "Nadaj każdej wiadomości krótki temat mówiący, czego dotyczy, np. „Twoje zapytanie ofertowe z 12 marca”.",
    },
    ABSENT "absent" => {
        en: "The message has no Subject field.",
        fr: "Le message n'a pas de champ Subject (sujet).",
        es: "El mensaje no tiene campo Subject (asunto).",
        pl: "Wiadomość nie ma pola Subject (temat).",
    },
    BLANK "blank" => {
        en: "The Subject field is empty or only white space or characters that draw nothing.",
        fr: "Le champ Subject (sujet) est vide ou ne contient que des espaces ou des caractères qui ne s'affichent pas.",
        es: "El campo Subject (asunto) está vacío o solo contiene espacios o caracteres que no se muestran.",
        pl: "Pole Subject (temat) jest puste lub zawiera same spacje albo niewidoczne znaki.",
    },
}

pub const RULE: Rule = Rule {
    id: ID,
    group: Group::Spam,
    severity: Severity::Warning,
    evidence: &[Evidence::Guide("seed 002 (fr) l. 169: « Pas de sujet/texte renseigné dans l'e-mail »")],
    score: crate::rules::scores::MISSING_SUBJECT,
    texts: &TEXTS,
    thresholds: &[],
    examples: &[
        Example::fails(
            title! {
                en: "No Subject field",
                fr: "Pas de champ Subject",
                es: "Sin campo Subject",
                pl: "Brak pola Subject",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\n\nHello.\n"),
        ),
        Example::fails(
            title! {
                en: "A subject of spaces only",
                fr: "Un sujet fait seulement d'espaces",
                es: "Un asunto formado solo por espacios",
                pl: "Temat złożony tylko ze spacji",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject:    \n\nHello.\n"),
        ),
        Example::fails(
            title! {
                en: "A subject of zero-width spaces only",
                fr: "Un sujet fait seulement d'espaces de largeur nulle",
                es: "Un asunto formado solo por espacios de ancho cero",
                pl: "Temat złożony tylko ze spacji zerowej szerokości",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: =?utf-8?B?4oCL4oCL?=\n\nHello.\n"),
        ),
        Example::fails(
            title! {
                en: "A PHP mail() call with an empty subject",
                fr: "Un appel PHP mail() avec un sujet vide",
                es: "Una llamada PHP mail() con el asunto vacío",
                pl: "Wywołanie PHP mail() z pustym tematem",
            },
            ExampleInput::PhpMail {
                to: "b@example.com",
                subject: "",
                message: "Hello.",
                headers: "From: a@example.com",
            },
        ),
        Example::passes(
            title! { en: "A subject", fr: "Un sujet", es: "Un asunto", pl: "Temat" },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Your quote\n\nHello.\n"),
        ),
    ],
    check: Check::Message(check),
};

fn check(message: &Message, cx: &mut Context) {
    let subject = message.subject.as_deref().unwrap_or_default();
    // Characters that draw nothing (zero-width spaces, soft hyphens: Default_Ignorable)
    // or an empty cell (U+2800) leave the reader as blank a subject as spaces do.
    if subject.chars().any(|c| !crate::text::unicode::is_blank(c)) {
        return;
    }
    let id = match message.header("Subject") {
        Some(_) => &BLANK,
        None => &ABSENT,
    };
    let evidence = match message.header("Subject") {
        Some(field) => String::from_utf8_lossy(field.raw_field(message.raw)).into_owned(),
        None => String::from("Subject:"),
    };
    cx.emit(Draft::new(Msg::of(id)).evidence(evidence).at(subject_location(message)));
}
