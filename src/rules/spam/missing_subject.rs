//! `spam/missing-subject`: the guides list "no subject / text filled in the
//! e-mail" among the things that get a mail flagged as spam.

use super::subject_location;
use crate::i18n::Msg;
use crate::model::Message;
use crate::report::{Location, Severity};
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
    let draft = match message.header("Subject") {
        Some(field) => Draft::new(Msg::of(&BLANK))
            .evidence(String::from_utf8_lossy(field.raw_field(message.raw)))
            .at(subject_location(message)),
        // No field to quote or point at: the header block that lacks it, as
        // `headers/missing-field` locates it, quoted by the names of the fields it has.
        None => {
            let names: Vec<&str> = message.header.fields.iter().map(|f| f.name.as_str()).collect();
            Draft::new(Msg::of(&ABSENT)).evidence(names.join(", ")).at(Location::range(0, message.header.end))
        }
    };
    cx.emit(draft);
}

#[cfg(test)]
mod tests {
    use crate::Options;

    #[test]
    fn a_missing_subject_is_located_at_the_header_block_and_quotes_what_it_has() {
        let raw = "From: a@example.com\r\nTo: b@example.com\r\nDate: Sat, 05 Dec 2026 10:00:00 +0000\r\n\r\nHello, a cake for twelve?\r\n";
        let report = crate::lint(raw.as_bytes(), &Options::default()).expect("lints");
        let found: Vec<_> = report.findings_of(super::ID).collect();
        assert_eq!(found.len(), 1);
        let header_end = raw.find("\r\n\r\n").expect("header") + 2;
        assert_eq!((found[0].location.start, found[0].location.end), (Some(0), Some(header_end)));
        assert_eq!(found[0].location.line, Some(1));
        assert_eq!(found[0].evidence, "From, To, Date");
        assert!(!found[0].evidence.contains("Subject"));
    }

    #[test]
    fn a_blank_subject_is_located_and_quoted_at_its_field() {
        let raw = "From: a@example.com\r\nTo: b@example.com\r\nSubject:   \r\n\r\nHello.\r\n";
        let report = crate::lint(raw.as_bytes(), &Options::default()).expect("lints");
        let found: Vec<_> = report.findings_of(super::ID).collect();
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].location.header.as_deref(), Some("Subject"));
        assert!(found[0].evidence.starts_with("Subject:"), "{:?}", found[0].evidence);
    }
}
