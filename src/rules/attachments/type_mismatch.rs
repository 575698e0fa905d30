//! `attachment/type-mismatch`: the declared MIME type (RFC 2045 §5) or the
//! extension says one thing and the content is another. Filters treat such a
//! file as disguised; generic types (`application/octet-stream`) promise nothing
//! and never mismatch.

use crate::generated;
use crate::i18n::Msg;
use crate::inspect::FactKind;
use crate::model::Message;
use crate::report::Severity;
use crate::rules::{Check, Context, Draft, Example, Group, Rule};
use crate::settings::Evidence;
use crate::title;

crate::rule_texts! { "attachment/type-mismatch";
    summary => {
        en: "An attachment's content is not what its declared type or extension says.",
        fr: "Le contenu d'une pièce jointe ne correspond pas à son type déclaré ou à son extension.",
        es: "El contenido de un adjunto no es lo que dicen su tipo declarado o su extensión.",
        pl: "Zawartość załącznika nie odpowiada zadeklarowanemu typowi ani rozszerzeniu.",
    },
    why => {
        en: "A file whose content disagrees with its Content-Type or its extension looks disguised, and mail filters score it as such. It may also fail to open for the recipient.",
        fr: "Un fichier dont le contenu contredit son Content-Type ou son extension semble déguisé, et les filtres de messagerie le notent comme tel. Le destinataire risque aussi de ne pas pouvoir l'ouvrir.",
        es: "Un archivo cuyo contenido contradice su Content-Type o su extensión parece disfrazado, y los filtros de correo lo puntúan como tal. Además, puede que el destinatario no consiga abrirlo.",
        pl: "Plik, którego zawartość jest sprzeczna z Content-Type lub rozszerzeniem, wygląda na zamaskowany i filtry pocztowe tak go oceniają. Odbiorca może też nie móc go otworzyć.",
    },
    fix => {
        en: "Attach the file under its real name and type; let your mail library choose the Content-Type from the file.",
        fr: "Joignez le fichier sous son vrai nom et son vrai type ; laissez votre bibliothèque d'envoi choisir le Content-Type d'après le fichier.",
        es: "Adjunte el archivo con su nombre y tipo reales; deje que su biblioteca de correo elija el Content-Type a partir del archivo.",
        pl: "Dołącz plik pod prawdziwą nazwą i typem; pozwól bibliotece pocztowej dobrać Content-Type na podstawie pliku.",
    },
    DECLARED_TYPE "declared-type" => {
        en: "{path} is declared as {declared} but its content is: {detected}.",
        fr: "{path} est déclaré comme {declared} mais son contenu est de type : {detected}.",
        es: "{path} está declarado como {declared} pero su contenido es de tipo: {detected}.",
        pl: "{path} jest zadeklarowany jako {declared}, ale jego zawartość to: {detected}.",
    },
    EXTENSION "extension" => {
        en: "{path} has the extension {declared} but its content is: {detected}.",
        fr: "{path} porte l'extension {declared} mais son contenu est de type : {detected}.",
        es: "{path} lleva la extensión {declared} pero su contenido es de tipo: {detected}.",
        pl: "{path} ma rozszerzenie {declared}, ale jego zawartość to: {detected}.",
    },
}

pub const RULE: Rule = Rule {
    id: ID,
    group: Group::Attachment,
    severity: Severity::Warning,
    evidence: &[
        Evidence::Rfc("RFC 2045 §5: Content-Type describes the data in the body"),
        Evidence::Ours("a file whose content is not what its type or name says is treated as disguised"),
        Evidence::Receiver("rspamd MIME_BAD_ATTACHMENT (4 points): an attachment whose declared type does not match its content"),
    ],
    score: crate::rules::scores::NONE,
    texts: &TEXTS,
    thresholds: &[],
    examples: &[
        Example::fails(
            title! {
                en: "Declared application/pdf, the content is a ZIP",
                fr: "Déclaré application/pdf, le contenu est un ZIP",
                es: "Declarado application/pdf, el contenido es un ZIP",
                pl: "Zadeklarowany jako application/pdf, a zawartość to ZIP",
            },
            generated!(inputs::zip_declared_pdf),
        ),
        Example::fails(
            title! {
                en: "Named photo.jpg, the content is a Windows program",
                fr: "Nommé photo.jpg, le contenu est un programme Windows",
                es: "Llamado photo.jpg, el contenido es un programa de Windows",
                pl: "Nazwany photo.jpg, a zawartość to program Windows",
            },
            generated!(inputs::program_named_jpg),
        ),
        Example::fails(
            title! {
                en: "Declared text/plain, the content is a Windows program",
                fr: "Déclaré text/plain, le contenu est un programme Windows",
                es: "Declarado text/plain, el contenido es un programa de Windows",
                pl: "Zadeklarowany jako text/plain, a zawartość to program Windows",
            },
            generated!(inputs::program_as_text),
        ),
        Example::fails(
            title! {
                en: "Named report.iso, the content is a VHDX disk",
                fr: "Nommé report.iso, le contenu est un disque VHDX",
                es: "Llamado report.iso, el contenido es un disco VHDX",
                pl: "Nazwany report.iso, a zawartość to dysk VHDX",
            },
            generated!(inputs::vhdx_named_iso),
        ),
        Example::passes(
            title! {
                en: "A PDF declared as a PDF",
                fr: "Un PDF déclaré comme PDF",
                es: "Un PDF declarado como PDF",
                pl: "PDF zadeklarowany jako PDF",
            },
            generated!(inputs::pdf_as_pdf),
        ),
        Example::passes(
            title! {
                en: "A ZIP declared as application/octet-stream",
                fr: "Un ZIP déclaré application/octet-stream",
                es: "Un ZIP declarado como application/octet-stream",
                pl: "ZIP zadeklarowany jako application/octet-stream",
            },
            generated!(inputs::zip_as_octet_stream),
        ),
        Example::passes(
            title! {
                en: "A web page declared text/plain",
                fr: "Une page web déclarée text/plain",
                es: "Una página web declarada como text/plain",
                pl: "Strona WWW zadeklarowana jako text/plain",
            },
            generated!(inputs::page_as_text),
        ),
        Example::passes(
            title! {
                en: "A PNG declared image/jpeg (pictures are sniffed by every client)",
                fr: "Un PNG déclaré image/jpeg (tous les logiciels reconnaissent les images à leur contenu)",
                es: "Un PNG declarado image/jpeg (todos los clientes reconocen las imágenes por su contenido)",
                pl: "PNG zadeklarowany jako image/jpeg (każdy program rozpoznaje obrazy po zawartości)",
            },
            generated!(inputs::png_as_jpeg),
        ),
    ],
    check: Check::Attachments(check),
};

fn check(message: &Message, cx: &mut Context) {
    for (attachment, fact) in
        super::facts_where(&message.attachment_facts, |k| matches!(k, FactKind::TypeMismatch { .. }))
    {
        let FactKind::TypeMismatch { declared, detected } = &fact.kind else { continue };
        let id = if declared.starts_with('.') { &EXTENSION } else { &DECLARED_TYPE };
        let msg = Msg::of(id).text("path", fact.path.clone()).text("declared", declared.clone());
        cx.emit(
            Draft::new(super::with_format(msg, "detected", detected))
                .evidence(format!("{} ({declared})", fact.path))
                .at(super::location(message, attachment, fact)),
        );
    }
}

/// The example inputs. The wasm build, which never runs examples, leaves them
/// and the sample files they build out (`generated!`).
#[cfg(not(target_arch = "wasm32"))]
mod inputs {
    use crate::rules::attachments::samples;

    pub(super) fn zip_declared_pdf() -> Vec<u8> {
        let archive = samples::zip(&[samples::ZipEntry::deflated("statement.txt", b"balance")]);
        samples::message_with("statement.pdf", "application/pdf", &archive)
    }
    pub(super) fn program_named_jpg() -> Vec<u8> {
        samples::attached("photo.jpg", &samples::windows_program())
    }
    pub(super) fn program_as_text() -> Vec<u8> {
        samples::message_with("notes.txt", "text/plain", &samples::windows_program())
    }
    pub(super) fn vhdx_named_iso() -> Vec<u8> {
        samples::attached("report.iso", &samples::vhdx_disk())
    }
    pub(super) fn page_as_text() -> Vec<u8> {
        samples::message_with("order.txt", "text/plain", b"<!DOCTYPE html><html><body>Order 1042</body></html>")
    }
    pub(super) fn pdf_as_pdf() -> Vec<u8> {
        samples::message_with("statement.pdf", "application/pdf", &samples::pdf())
    }
    pub(super) fn zip_as_octet_stream() -> Vec<u8> {
        let archive = samples::zip(&[samples::ZipEntry::deflated("statement.txt", b"balance")]);
        samples::attached("statement.zip", &archive)
    }
    pub(super) fn png_as_jpeg() -> Vec<u8> {
        samples::message_with("logo.jpg", "image/jpeg", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR")
    }
}
