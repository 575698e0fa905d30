//! `attachment/blocked-type`: the guides list XML and XLSX with the executables
//! that get a mail blocked. They run nothing, so this is a warning that the host
//! blocks them, not a malware alarm. Found by extension, and for workbooks also
//! by content (an OOXML package with `xl/workbook.xml`), zipped or not.

use crate::generated;
use crate::i18n::Msg;
use crate::inspect::FactKind;
use crate::model::Message;
use crate::report::Severity;
use crate::rules::{Check, Context, Draft, Example, Group, Rule};
use crate::settings::Evidence;
use crate::title;

crate::rule_texts! { "attachment/blocked-type";
    summary => {
        en: "An attachment is an XLSX or XML file, types the host blocks although they are not programs.",
        fr: "Une pièce jointe est un fichier XLSX ou XML, types que l'hébergeur bloque bien que ce ne soient pas des programmes.",
        es: "Un adjunto es un archivo XLSX o XML, tipos que el alojamiento bloquea aunque no sean programas.",
        pl: "Załącznik jest plikiem XLSX lub XML — hosting blokuje te typy, choć nie są programami.",
    },
    why => {
        en: "The hosting guides put XML and XLSX in the same list as EXE, BAT and PIF: mail carrying them can be blocked, even zipped. The file itself is harmless data, so this is a warning about the host's policy, not a malware alarm.",
        fr: "Les guides de l'hébergeur placent XML et XLSX dans la même liste que EXE, BAT et PIF : un e-mail qui en contient peut être bloqué, même « zippé ». Le fichier lui-même ne contient que des données inoffensives : il s'agit d'un avertissement sur la politique de l'hébergeur, pas d'une alerte de logiciel malveillant.",
        es: "Las guías del alojamiento incluyen XML y XLSX en la misma lista que EXE, BAT y PIF: un correo que los contenga puede bloquearse, aunque esté comprimido en zip. El archivo en sí son datos inofensivos: es un aviso sobre la política del alojamiento, no una alerta de malware.",
        pl: "Przewodniki hostingu umieszczają XML i XLSX na tej samej liście co EXE, BAT i PIF: wiadomość, która je zawiera, może zostać zablokowana, nawet spakowana. Sam plik to nieszkodliwe dane, więc jest to ostrzeżenie o zasadach hostingu, a nie alarm o złośliwym oprogramowaniu.",
    },
    fix => {
        en: "Send the data as PDF or CSV, or put the file on your site and send a link.",
        fr: "Envoyez les données en PDF ou en CSV, ou déposez le fichier sur votre site et envoyez un lien.",
        es: "Envíe los datos en PDF o CSV, o suba el archivo a su sitio y envíe un enlace.",
        pl: "Wyślij dane jako PDF lub CSV albo umieść plik na swojej stronie i wyślij link.",
    },
    BLOCKED "blocked" => {
        en: "{path} is {type}: it is not a program, but the host's guides list this type among the attachments that get mail blocked.",
        fr: "{path} est de type {type} : ce n'est pas un programme, mais les guides de l'hébergeur citent ce type parmi les pièces jointes qui font bloquer les e-mails.",
        es: "{path} es de tipo {type}: no es un programa, pero las guías del alojamiento citan este tipo entre los adjuntos que provocan el bloqueo de los correos.",
        pl: "{path} jest typu {type}: to nie program, ale przewodniki hostingu wymieniają ten typ wśród załączników, przez które wiadomości są blokowane.",
    },
    BLOCKED_EXTENSION "blocked-extension" => {
        en: "{path} has the extension {extension}: it is not a program, but the host's guides list this type among the attachments that get mail blocked.",
        fr: "{path} porte l'extension {extension} : ce n'est pas un programme, mais les guides de l'hébergeur citent ce type parmi les pièces jointes qui font bloquer les e-mails.",
        es: "{path} tiene la extensión {extension}: no es un programa, pero las guías del alojamiento citan este tipo entre los adjuntos que provocan el bloqueo de los correos.",
        pl: "{path} ma rozszerzenie {extension}: to nie program, ale przewodniki hostingu wymieniają ten typ wśród załączników, przez które wiadomości są blokowane.",
    },
    BLOCKED_EXTENSION_CONFIGURED "blocked-extension-configured" => {
        en: "{path} has the extension {extension}: it is not a program, but your configured list of blocked extensions names it (the guides name XLSX and XML).",
        fr: "{path} porte l'extension {extension} : ce n'est pas un programme, mais votre liste configurée d'extensions bloquées la cite (les guides citent XLSX et XML).",
        es: "{path} tiene la extensión {extension}: no es un programa, pero su lista configurada de extensiones bloqueadas la incluye (las guías citan XLSX y XML).",
        pl: "{path} ma rozszerzenie {extension}: to nie program, ale skonfigurowana lista blokowanych rozszerzeń je wymienia (przewodniki wymieniają XLSX i XML).",
    },
}

pub const RULE: Rule = Rule {
    id: ID,
    group: Group::Attachment,
    severity: Severity::Warning,
    evidence: &[
        Evidence::Guide("seed 002 (fr) l. 180: « L'e-mail contient un exécutable (EXE, BAT, PIF, XML, XLSX ou des documents avec des « macros »), même s'il est « zippé » »"),
    ],
    score: crate::rules::scores::NONE,
    texts: &TEXTS,
    thresholds: &[&super::BLOCKED_EXTENSIONS],
    examples: &[
        Example::fails(
            title! {
                en: "An Excel workbook, report.xlsx",
                fr: "Un classeur Excel, report.xlsx",
                es: "Un libro de Excel, report.xlsx",
                pl: "Skoroszyt Excel, report.xlsx",
            },
            generated!(inputs::workbook),
        ),
        Example::fails(
            title! {
                en: "An XML export",
                fr: "Un export XML",
                es: "Una exportación XML",
                pl: "Eksport XML",
            },
            generated!(inputs::xml_export),
        ),
        Example::fails(
            title! {
                en: "A workbook inside a ZIP",
                fr: "Un classeur dans un ZIP",
                es: "Un libro de cálculo dentro de un ZIP",
                pl: "Skoroszyt w archiwum ZIP",
            },
            generated!(inputs::workbook_in_zip),
        ),
        Example::fails(
            title! {
                en: "A workbook renamed report.dat",
                fr: "Un classeur renommé report.dat",
                es: "Un libro de cálculo renombrado report.dat",
                pl: "Skoroszyt przemianowany na report.dat",
            },
            generated!(inputs::workbook_renamed),
        ),
        Example::passes(
            title! {
                en: "A CSV export",
                fr: "Un export CSV",
                es: "Una exportación CSV",
                pl: "Eksport CSV",
            },
            generated!(inputs::csv_export),
        ),
        Example::passes(
            title! {
                en: "A Word document (its package holds XML parts)",
                fr: "Un document Word (son paquet contient des parties XML)",
                es: "Un documento Word (su paquete contiene partes XML)",
                pl: "Dokument Word (jego pakiet zawiera części XML)",
            },
            generated!(inputs::word_document),
        ),
        Example::passes(
            title! {
                en: "XLSX allowed by the caller",
                fr: "XLSX autorisé par l'appelant",
                es: "XLSX permitido por quien llama",
                pl: "XLSX dozwolony przez wywołującego",
            },
            generated!(inputs::workbook),
        )
        .with_options(r#"{"thresholds":{"attachments":{"blockedExtensions":["xml"]}}}"#),
    ],
    check: Check::Attachments(check),
};

fn check(message: &Message, cx: &mut Context) {
    for (attachment, fact) in
        super::facts_where(&message.attachment_facts, |k| matches!(k, FactKind::BlockedType { .. }))
    {
        let FactKind::BlockedType { what } = &fact.kind else { continue };
        // The inspector names a workbook found by its content in English; an
        // extension (`.xlsx`) is said as one ("has the extension .xlsx").
        let msg = match what.as_str() {
            "Excel workbook (XLSX)" => {
                Msg::of(&BLOCKED).text("path", fact.path.clone()).label("type", &super::labels::FORMAT_XLSX_WORKBOOK)
            }
            // The guides name only their own extensions (the default list); one the
            // caller added is said to be the caller's.
            other => {
                let guides = crate::settings::default_list(&super::BLOCKED_EXTENSIONS);
                let theirs = guides.iter().any(|e| other.strip_prefix('.') == Some(e.as_str()));
                let id = if theirs { &BLOCKED_EXTENSION } else { &BLOCKED_EXTENSION_CONFIGURED };
                Msg::of(id).text("path", fact.path.clone()).text("extension", other)
            }
        };
        cx.emit(Draft::new(msg).evidence(&fact.path).at(super::location(message, attachment, fact)));
    }
}

/// The example inputs. The wasm build, which never runs examples, leaves them
/// and the sample files they build out (`generated!`).
#[cfg(not(target_arch = "wasm32"))]
mod inputs {
    use crate::rules::attachments::samples::{self, ZipEntry};

    pub(super) fn workbook() -> Vec<u8> {
        samples::message_with("report.xlsx", samples::XLSX_TYPE, &samples::spreadsheet())
    }
    pub(super) fn xml_export() -> Vec<u8> {
        samples::message_with(
            "orders.xml",
            "application/xml",
            b"<?xml version=\"1.0\"?><orders><order id=\"1\"/></orders>",
        )
    }
    pub(super) fn workbook_in_zip() -> Vec<u8> {
        samples::zip_message("exports.zip", &[ZipEntry::stored("march/report.xlsx", &samples::spreadsheet())])
    }
    pub(super) fn workbook_renamed() -> Vec<u8> {
        samples::attached("report.dat", &samples::spreadsheet())
    }
    pub(super) fn csv_export() -> Vec<u8> {
        samples::message_with("orders.csv", "text/csv", b"id,total\r\n1,20.00\r\n")
    }
    pub(super) fn word_document() -> Vec<u8> {
        samples::docx_message("letter.docx", false)
    }
}
