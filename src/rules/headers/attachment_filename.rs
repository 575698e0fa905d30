//! `headers/attachment-filename`: a file name with non-ASCII characters goes in
//! a MIME parameter encoded per RFC 2231 (`filename*=utf-8''%C3%A9…`; RFC 2047
//! encoded words are the older, widespread form). Raw 8-bit bytes in
//! `filename=` or `name=` are shown garbled or replaced by `noname`.

use crate::i18n::Msg;
use crate::model::Message;
use crate::report::Severity;
use crate::rules::{Check, Context, Draft, Example, ExampleInput, Group, Rule};
use crate::settings::Evidence;
use crate::title;

crate::rule_texts! { "headers/attachment-filename";
    summary => {
        en: "An attachment name has raw non-ASCII characters instead of RFC 2231 (or RFC 2047) encoding.",
        fr: "Un nom de pièce jointe contient des caractères non ASCII bruts au lieu d'un encodage RFC 2231 (ou RFC 2047).",
        es: "Un nombre de adjunto tiene caracteres no ASCII en bruto en lugar de codificación RFC 2231 (o RFC 2047).",
        pl: "Nazwa załącznika zawiera surowe znaki spoza ASCII zamiast kodowania RFC 2231 (lub RFC 2047).",
    },
    why => {
        en: "MIME parameters are ASCII; a file name with accents must be encoded (RFC 2231). Raw bytes make readers show a garbled name, or replace it with noname so the recipient cannot open the file.",
        fr: "Les paramètres MIME sont en ASCII ; un nom de fichier accentué doit être encodé (RFC 2231). Des octets bruts font afficher un nom illisible, ou le remplacent par noname, et le destinataire ne peut pas ouvrir le fichier.",
        es: "Los parámetros MIME son ASCII; un nombre de archivo con acentos debe codificarse (RFC 2231). Los bytes en bruto hacen que se muestre un nombre ilegible, o lo sustituyen por noname y el destinatario no puede abrir el archivo.",
        pl: "Parametry MIME są w ASCII; nazwę pliku ze znakami diakrytycznymi trzeba zakodować (RFC 2231). Surowe bajty sprawiają, że nazwa wyświetla się jako nieczytelne znaki lub zostaje zastąpiona przez noname i odbiorca nie może otworzyć pliku.",
    },
    fix => {
        en: "Let your mail library add the attachment, or write filename*=utf-8''r%C3%A9sum%C3%A9.pdf (RFC 2231 §4).",
        fr: "Laissez votre bibliothèque d'envoi ajouter la pièce jointe, ou écrivez filename*=utf-8''r%C3%A9sum%C3%A9.pdf (RFC 2231 §4).",
        es: "Deje que su biblioteca de correo añada el adjunto, o escriba filename*=utf-8''r%C3%A9sum%C3%A9.pdf (RFC 2231 §4).",
        pl: "Pozwól bibliotece pocztowej dodać załącznik albo zapisz filename*=utf-8''r%C3%A9sum%C3%A9.pdf (RFC 2231 §4).",
    },
    RAW_8BIT "raw-8bit" => {
        en: "{field}: the {parameter} parameter holds raw non-ASCII bytes.",
        fr: "{field} : le paramètre {parameter} contient des octets non ASCII bruts.",
        es: "{field}: el parámetro {parameter} contiene bytes no ASCII en bruto.",
        pl: "{field}: parametr {parameter} zawiera surowe bajty spoza ASCII.",
    },
}

pub const RULE: Rule = Rule {
    id: ID,
    group: Group::Headers,
    severity: Severity::Info,
    evidence: &[
        Evidence::Ours("clients decode raw UTF-8 file names; an unreadable name is shown garbled, nothing is refused"),
        Evidence::Rfc("RFC 2231 §4 (and RFC 2047, the older form): non-ASCII parameter values are encoded; RFC 2045 §5.1 parameter values are US-ASCII"),
    ],
    score: crate::rules::scores::NONE,
    texts: &TEXTS,
    thresholds: &[],
    examples: &[
        Example::fails(
            title! {
                en: "A raw UTF-8 file name",
                fr: "Un nom de fichier en UTF-8 brut",
                es: "Un nombre de archivo en UTF-8 sin codificar",
                pl: "Nazwa pliku w surowym UTF-8",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Hi\nMIME-Version: 1.0\nContent-Type: application/pdf; name=\"r\u{e9}sum\u{e9}.pdf\"\nContent-Disposition: attachment; filename=\"r\u{e9}sum\u{e9}.pdf\"\nContent-Transfer-Encoding: base64\n\nJVBERi0=\n"),
        )
        .times(2),
        Example::passes(
            title! {
                en: "The same name RFC 2231 encoded",
                fr: "Le même nom encodé RFC 2231",
                es: "El mismo nombre codificado RFC 2231",
                pl: "Ta sama nazwa zakodowana według RFC 2231",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Hi\nMIME-Version: 1.0\nContent-Type: application/pdf\nContent-Disposition: attachment; filename*=utf-8''r%C3%A9sum%C3%A9.pdf\nContent-Transfer-Encoding: base64\n\nJVBERi0=\n"),
        ),
        Example::passes(
            title! {
                en: "A compose attachment with an accented name (the mailer encodes it)",
                fr: "Une pièce jointe de formulaire au nom accentué (le logiciel d'envoi l'encode)",
                es: "Un adjunto de formulario con un nombre acentuado (el programa de envío lo codifica)",
                pl: "Załącznik formularza z nazwą ze znakami diakrytycznymi (program wysyłający ją koduje)",
            },
            ExampleInput::Compose(r#"{"from":"a@example.com","to":"b@example.com","subject":"Hi","text":"See attached","attachments":[{"filename":"résumé.pdf","content":"JVBERi0=","encoding":"base64"}]}"#),
        ),
    ],
    check: Check::Message(check),
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
                        Msg::of(&RAW_8BIT).text("field", field.name.clone()).text("parameter", param.name.clone()),
                    )
                    .evidence_bytes(&param.value)
                    .at(super::part_value_location(
                        part,
                        field,
                        param.value_range.0,
                        param.value_range.1,
                    )),
                );
            }
        }
    }
}
