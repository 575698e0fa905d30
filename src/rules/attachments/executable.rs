//! `attachment/executable`: the guides: "the e-mail contains an executable (EXE,
//! BAT, PIF, …), even if it is zipped": the host blocks the mail. Found by the
//! real extension (after undoing hidden characters and trailing dots; the list
//! includes every type Gmail blocks) and by the content (PE, ELF, Mach-O, Java
//! class, shebang script, shortcut, HTML application, MSI, and disk images,
//! which Windows mounts and runs from), at any depth inside archives, disk
//! images, OneNote sections and files smuggled in web pages.

use super::samples::{self, SevenZipHeader, ZipEntry};
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
        Example::fails("A Windows program sent as text/plain, notes.txt", ExampleInput::Generated(program_as_text)),
        Example::fails("invoice.zip holding docs/run.exe", ExampleInput::Generated(program_in_zip)),
        Example::fails(
            "A ZIP holding run.exe after 1 kB of other bytes (found by its end record)",
            ExampleInput::Generated(zip_after_other_bytes),
        ),
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
        Example::fails("An Excel add-in, tools.xll (Gmail's block list)", ExampleInput::Generated(excel_add_in)),
        Example::fails("An HTML application named invoice.html", ExampleInput::Generated(hta_as_page)),
        Example::fails("A shortcut named photo.jpg", ExampleInput::Generated(shortcut_as_picture)),
        Example::fails("An ISO image named backup.dat holding setup.exe", ExampleInput::Generated(iso_renamed)),
        Example::fails("A VHD disk image named disk.bin", ExampleInput::Generated(vhd_renamed)),
        Example::fails("A raw FAT disk image named backup.bin", ExampleInput::Generated(raw_image_renamed)),
        Example::fails("A OneNote section embedding a batch script", ExampleInput::Generated(onenote_with_script)),
        Example::fails(
            "A tar whose pax header gives a long name ending in .exe",
            ExampleInput::Generated(tar_with_long_program_name),
        ),
        Example::fails("A 7-Zip archive whose header lists setup.exe", ExampleInput::Generated(seven_zip_with_program)),
        Example::fails("A web page smuggling a ZIP that holds a program", ExampleInput::Generated(smuggled_program)),
        Example::passes("A PDF invoice", ExampleInput::Generated(pdf_invoice)),
        Example::passes("A ZIP of a PDF and a text file", ExampleInput::Generated(zip_of_documents)),
        Example::passes("A text file that starts with the letters MZ", ExampleInput::Generated(text_starting_with_mz)),
        Example::passes("A Word document without macros", ExampleInput::Generated(plain_word_document)),
        Example::passes("A saved web page with an inline picture", ExampleInput::Generated(page_with_picture)),
        Example::passes("A OneNote section embedding a picture", ExampleInput::Generated(onenote_with_picture)),
    ],
    check,
};

fn program_by_name() -> Vec<u8> {
    samples::attached("setup.exe", &samples::windows_program())
}
fn program_renamed_pdf() -> Vec<u8> {
    samples::message_with("invoice.pdf", "application/pdf", &samples::windows_program())
}
fn program_as_text() -> Vec<u8> {
    samples::message_with("notes.txt", "text/plain", &samples::windows_program())
}
fn program_in_zip() -> Vec<u8> {
    let program = samples::windows_program();
    samples::zip_message(
        "invoice.zip",
        &[ZipEntry::deflated("docs/readme.txt", b"Open run.exe"), ZipEntry::stored("docs/run.exe", &program)],
    )
}
fn zip_after_other_bytes() -> Vec<u8> {
    let mut file: Vec<u8> = (0..1024u32).map(|i| (i * 7 + 3) as u8).collect();
    file.extend(samples::zip(&[ZipEntry::stored("run.exe", &samples::windows_program())]));
    samples::attached("data.bin", &file)
}
fn elf_in_nested_zip() -> Vec<u8> {
    let inner = samples::zip(&[ZipEntry::deflated("bin/update", &samples::elf_program())]);
    samples::zip_message("files.zip", &[ZipEntry::deflated("inner.zip", &inner)])
}
fn macho_without_extension() -> Vec<u8> {
    samples::attached("readme", &samples::macho_program())
}
fn bidi_batch() -> Vec<u8> {
    samples::attached("invoice\u{202e}fdp.bat", b"@echo off\r\n")
}
fn trailing_dot() -> Vec<u8> {
    samples::attached("run.exe.", b"not a real program")
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
    samples::attached("update.dat", &samples::windows_installer())
}
fn excel_add_in() -> Vec<u8> {
    samples::attached("tools.xll", &samples::windows_program())
}
fn hta_as_page() -> Vec<u8> {
    samples::message_with("invoice.html", "text/html", &samples::hta_application())
}
fn shortcut_as_picture() -> Vec<u8> {
    samples::message_with("photo.jpg", "image/jpeg", &samples::windows_shortcut())
}
fn iso_renamed() -> Vec<u8> {
    let program = samples::windows_program();
    samples::attached("backup.dat", &samples::iso9660(&[("setup.exe", &program), ("readme.txt", b"hi")], true))
}
fn vhd_renamed() -> Vec<u8> {
    samples::attached("disk.bin", &samples::vhd_disk())
}
fn raw_image_renamed() -> Vec<u8> {
    samples::attached("backup.bin", &samples::fat_disk_image())
}
fn onenote_with_script() -> Vec<u8> {
    let script = b"@echo off\r\nstart https://example.com/\r\n";
    samples::attached("notes.one", &samples::onenote_section(&[&samples::pdf(), script]))
}
fn tar_with_long_program_name() -> Vec<u8> {
    let name = format!("{}/update.exe", "very-long-directory-name".repeat(5));
    samples::message_with("backup.tar", "application/x-tar", &samples::tar(&[(&name, b"x")]))
}
fn seven_zip_with_program() -> Vec<u8> {
    let archive = samples::seven_zip(&[("readme.txt", b"hi"), ("setup.exe", b"x")], SevenZipHeader::Plain);
    samples::message_with("files.7z", "application/x-7z-compressed", &archive)
}
fn smuggled_program() -> Vec<u8> {
    let program = samples::windows_program();
    let filler = "Terms and conditions. ".repeat(300);
    let payload =
        samples::zip(&[ZipEntry::stored("terms.txt", filler.as_bytes()), ZipEntry::stored("run.exe", &program)]);
    samples::message_with("invoice.html", "text/html", &samples::smuggling_page(&payload, "invoice.zip"))
}
fn pdf_invoice() -> Vec<u8> {
    samples::message_with("invoice.pdf", "application/pdf", &samples::pdf())
}
fn zip_of_documents() -> Vec<u8> {
    let pdf = samples::pdf();
    samples::zip_message(
        "documents.zip",
        &[ZipEntry::deflated("invoice.pdf", &pdf), ZipEntry::deflated("notes.txt", b"Thanks!")],
    )
}
fn text_starting_with_mz() -> Vec<u8> {
    samples::message_with("notes.txt", "text/plain", b"MZ is the code of the Mazowsze region.")
}
fn plain_word_document() -> Vec<u8> {
    samples::docx_message("letter.docx", false)
}
fn page_with_picture() -> Vec<u8> {
    samples::message_with("order.html", "text/html", &samples::page_with_inline_picture())
}
fn onenote_with_picture() -> Vec<u8> {
    let picture = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
    samples::attached("notes.one", &samples::onenote_section(&[picture]))
}

fn check(message: &Message, cx: &mut Context) {
    let inspected = &message.attachment_facts;
    let found = super::facts_where(inspected, |k| {
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
