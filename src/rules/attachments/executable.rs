//! `attachment/executable`: the guides: "the e-mail contains an executable (EXE,
//! BAT, PIF, …), even if it is zipped": the host blocks the mail. Found by the
//! real extension (after undoing hidden characters and trailing dots) and by the
//! content (PE, ELF, Mach-O, Java class, shebang script, shortcut, MSI), at any
//! depth inside archives.

use super::samples::{self, ZipEntry};
use crate::i18n::Msg;
use crate::inspect::FactKind;
use crate::model::Message;
use crate::report::Severity;
use crate::rules::{Context, Draft, Example, ExampleInput, Group, Rule};

pub const RULE: Rule = Rule {
    id: "attachment/executable",
    group: Group::Attachments,
    default_severity: Severity::Error,
    default_score: 50,
    examples: &[
        Example::fails("A Windows program named setup.exe", ExampleInput::Generated(program_by_name)),
        Example::fails("A Windows program renamed invoice.pdf", ExampleInput::Generated(program_renamed_pdf)),
        Example::fails("invoice.zip holding docs/run.exe", ExampleInput::Generated(program_in_zip)),
        Example::fails(
            "An ELF program without extension, deflated in a ZIP inside a ZIP",
            ExampleInput::Generated(elf_in_nested_zip),
        ),
        Example::fails("A Mach-O program named readme", ExampleInput::Generated(macho_without_extension)),
        Example::fails(
            "A batch file named with a right-to-left override (invoice\u{202e}fdp.bat)",
            ExampleInput::Generated(bidi_batch),
        ),
        Example::fails("run.exe. with a trailing dot, which Windows drops", ExampleInput::Generated(trailing_dot)),
        Example::fails(
            "A .pif name given only in Content-Type name=, RFC 2047 encoded",
            ExampleInput::Generated(rfc2047_name),
        ),
        Example::fails("A .vbs name in RFC 2231 encoding (filename*=)", ExampleInput::Generated(rfc2231_name)),
        Example::fails("An MSI installer named update.dat", ExampleInput::Generated(installer_renamed)),
        Example::passes("A PDF invoice", ExampleInput::Generated(pdf_invoice)),
        Example::passes("A ZIP of a PDF and a text file", ExampleInput::Generated(zip_of_documents)),
        Example::passes("A text file that starts with the letters MZ", ExampleInput::Generated(text_starting_with_mz)),
        Example::passes("A Word document without macros", ExampleInput::Generated(plain_word_document)),
    ],
    check,
};

fn program_by_name() -> Vec<u8> {
    samples::message_with("setup.exe", "application/octet-stream", &samples::windows_program())
}
fn program_renamed_pdf() -> Vec<u8> {
    samples::message_with("invoice.pdf", "application/pdf", &samples::windows_program())
}
fn program_in_zip() -> Vec<u8> {
    let program = samples::windows_program();
    let archive = samples::zip(&[
        ZipEntry::deflated("docs/readme.txt", b"Open run.exe"),
        ZipEntry::stored("docs/run.exe", &program),
    ]);
    samples::message_with("invoice.zip", "application/zip", &archive)
}
fn elf_in_nested_zip() -> Vec<u8> {
    let inner = samples::zip(&[ZipEntry::deflated("bin/update", &samples::elf_program())]);
    let outer = samples::zip(&[ZipEntry::deflated("inner.zip", &inner)]);
    samples::message_with("files.zip", "application/zip", &outer)
}
fn macho_without_extension() -> Vec<u8> {
    samples::message_with("readme", "application/octet-stream", &samples::macho_program())
}
fn bidi_batch() -> Vec<u8> {
    samples::message_with("invoice\u{202e}fdp.bat", "application/octet-stream", b"@echo off\r\n")
}
fn trailing_dot() -> Vec<u8> {
    samples::message_with("run.exe.", "application/octet-stream", b"not a real program")
}
fn rfc2047_name() -> Vec<u8> {
    // "=?utf-8?B?…?=" is "faktura.pif"; no Content-Disposition file name.
    samples::message_with_header(
        "Content-Type: application/octet-stream; name=\"=?utf-8?B?ZmFrdHVyYS5waWY=?=\"",
        b"data",
    )
}
fn rfc2231_name() -> Vec<u8> {
    samples::message_with_header(
        concat!(
            "Content-Type: application/octet-stream\r\n",
            "Content-Disposition: attachment; filename*=utf-8''factura%20%C3%BAltima.vbs",
        ),
        b"MsgBox 1",
    )
}
fn installer_renamed() -> Vec<u8> {
    samples::message_with("update.dat", "application/octet-stream", &samples::windows_installer())
}
fn pdf_invoice() -> Vec<u8> {
    samples::message_with("invoice.pdf", "application/pdf", &samples::pdf())
}
fn zip_of_documents() -> Vec<u8> {
    let pdf = samples::pdf();
    let archive = samples::zip(&[ZipEntry::deflated("invoice.pdf", &pdf), ZipEntry::deflated("notes.txt", b"Thanks!")]);
    samples::message_with("documents.zip", "application/zip", &archive)
}
fn text_starting_with_mz() -> Vec<u8> {
    samples::message_with("notes.txt", "text/plain", b"MZ is the code of the Mazowsze region.")
}
fn plain_word_document() -> Vec<u8> {
    samples::message_with(
        "letter.docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        &samples::word_document(false),
    )
}

fn check(message: &Message, cx: &mut Context) {
    let inspected = super::inspect(message, &cx.options.thresholds.attachments);
    let found = super::facts_where(&inspected, |k| {
        matches!(k, FactKind::ExecutableName { .. } | FactKind::ExecutableContent { .. })
    });
    for (attachment, fact) in found {
        let same_path = attachment.facts.iter().filter(|f| f.path == fact.path);
        let mut by_name = None;
        let mut by_content = None;
        for other in same_path {
            match &other.kind {
                FactKind::ExecutableName { extension, group } => by_name = by_name.or(Some((extension, *group))),
                FactKind::ExecutableContent { format } => by_content = by_content.or(Some(*format)),
                _ => {}
            }
        }
        let locale = cx.locale();
        let msg = match (by_name, by_content) {
            (Some((extension, group)), Some(format)) => Msg::new("attachment/executable.by-name-and-content")
                .text("path", fact.path.clone())
                .text("extension", extension.clone())
                .text("group", super::group_label(group, locale))
                .text("format", super::format_label(format, locale)),
            (Some((extension, group)), None) => Msg::new("attachment/executable.by-name")
                .text("path", fact.path.clone())
                .text("extension", extension.clone())
                .text("group", super::group_label(group, locale)),
            (None, Some(format)) => Msg::new("attachment/executable.by-content")
                .text("path", fact.path.clone())
                .text("format", super::format_label(format, locale)),
            (None, None) => continue,
        };
        cx.emit(Draft::new(msg).evidence(&fact.path).at(super::location(message, attachment, fact)));
    }
}
