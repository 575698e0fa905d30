//! `attachment/uninspectable-archive`: archives whose content cannot be read here
//! (RAR, 7-Zip, bzip2, xz, Zstandard, ISO images, cabinets, ZIP entries with
//! exotic compression): the host's filter may not read them either, and "even
//! zipped" executables are blocked, so the sender should know nothing was checked
//! inside. Names are listed when the format's headers are plain (RAR, cabinets,
//! 7-Zip with an uncompressed header), and checked by the other rules; a 7-Zip
//! header compressed with LZMA (7-Zip's default) is said to be unread.

use super::samples::{self, SevenZipHeader};
use crate::i18n::Msg;
use crate::inspect::FactKind;
use crate::model::Message;
use crate::report::Severity;
use crate::rules::{Context, Draft, Example, ExampleInput, Group, Rule};

pub const RULE: Rule = Rule {
    id: "attachment/uninspectable-archive",
    group: Group::Attachments,
    default_severity: Severity::Warning,
    default_score: 10,
    examples: &[
        Example::fails("A RAR archive", ExampleInput::Generated(rar_archive)),
        Example::fails("A 7-Zip archive named backup.dat", ExampleInput::Generated(seven_zip_renamed)),
        Example::fails("A cabinet listing its file names", ExampleInput::Generated(cabinet)),
        Example::fails(
            "A 7-Zip archive whose header is compressed (its names cannot be read here)",
            ExampleInput::Generated(seven_zip_compressed_header),
        ),
        Example::fails("A 7-Zip archive listing its names", ExampleInput::Generated(seven_zip_plain_header)),
        Example::passes("A ZIP archive (its directory is read)", ExampleInput::Generated(zip_archive)),
        Example::passes("A gzip-compressed tar archive (inflated and read)", ExampleInput::Generated(tar_gz)),
        Example::passes("An ISO 9660 image of documents (its directory is read)", ExampleInput::Generated(iso_of_pdf)),
        Example::passes("A OneNote section (its embedded files are read)", ExampleInput::Generated(onenote)),
    ],
    check,
};

fn rar_archive() -> Vec<u8> {
    samples::message_with(
        "photos.rar",
        "application/vnd.rar",
        b"Rar!\x1a\x07\x01\x00\x33\x92\xb5\xe5\x0a\x01\x05\x06\x00",
    )
}
fn seven_zip_renamed() -> Vec<u8> {
    samples::attached("backup.dat", &[b'7', b'z', 0xbc, 0xaf, 0x27, 0x1c, 0, 4, 0, 0])
}
fn cabinet() -> Vec<u8> {
    samples::message_with(
        "drivers.cab",
        "application/vnd.ms-cab-compressed",
        &samples::cabinet(&["readme.txt", "setup.inf"]),
    )
}
fn zip_archive() -> Vec<u8> {
    samples::zip_message("photos.zip", &[samples::ZipEntry::deflated("photo.jpg", &[0xff, 0xd8, 0xff, 0xe0])])
}
const FILES: &[(&str, &[u8])] = &[("photos/1.jpg", &[0xff, 0xd8, 0xff, 0xe0])];
fn seven_zip_compressed_header() -> Vec<u8> {
    let archive = samples::seven_zip(FILES, SevenZipHeader::Lzma);
    samples::message_with("photos.7z", "application/x-7z-compressed", &archive)
}
fn seven_zip_plain_header() -> Vec<u8> {
    let archive = samples::seven_zip(FILES, SevenZipHeader::Plain);
    samples::message_with("photos.7z", "application/x-7z-compressed", &archive)
}
fn iso_of_pdf() -> Vec<u8> {
    samples::attached("documents.iso", &samples::iso9660(&[("invoice.pdf", &samples::pdf())], false))
}
fn onenote() -> Vec<u8> {
    samples::attached("notes.one", &samples::onenote_section(&[&samples::pdf()]))
}
fn tar_gz() -> Vec<u8> {
    let tar = samples::tar(&[("logs/app.log", b"started\n")]);
    samples::message_with("logs.tar.gz", "application/gzip", &samples::gzip(&tar, None))
}

fn check(message: &Message, cx: &mut Context) {
    let inspected = &message.attachment_facts;
    for (attachment, fact) in super::facts_where(inspected, |k| matches!(k, FactKind::Uninspectable { .. })) {
        let FactKind::Uninspectable { format, names } = &fact.kind else { continue };
        let format = super::format_label(format, cx.locale());
        let msg = if names.is_empty() {
            Msg::new("attachment/uninspectable-archive.format")
                .text("path", fact.path.clone())
                .text("format", format.clone())
        } else {
            Msg::new("attachment/uninspectable-archive.with-names")
                .text("path", fact.path.clone())
                .text("format", format.clone())
                .int("count", names.len())
                .text("names", names.iter().take(10).cloned().collect::<Vec<_>>().join(", "))
        };
        cx.emit(Draft::new(msg).evidence(&fact.path).at(super::location(message, attachment, fact)));
    }
}
