//! `attachment/encrypted-archive`: an encrypted ZIP or RAR entry (APPNOTE §4.4.4,
//! general-purpose bit 0; RAR file encryption records), an archive whose very
//! list of files is encrypted (RAR `-hp`, 7-Zip `-mhe`), or a password-protected
//! Office document (OLE2 EncryptedPackage, or a workbook's FILEPASS) cannot be
//! inspected, by us or by the host's filter; encrypted archives are how
//! executables are usually smuggled past filters, so hosts often hold them.

use super::samples::{self, RarProtection, SevenZipHeader, ZipEntry};
use crate::i18n::Msg;
use crate::inspect::FactKind;
use crate::model::Message;
use crate::report::Severity;
use crate::rules::{Context, Draft, Example, ExampleInput, Group, Rule};

pub const RULE: Rule = Rule {
    id: "attachment/encrypted-archive",
    group: Group::Attachments,
    default_severity: Severity::Warning,
    default_score: 15,
    examples: &[
        Example::fails("A ZIP whose entry is password protected", ExampleInput::Generated(encrypted_zip)),
        Example::fails(
            "A password-protected Excel file (OLE2 EncryptedPackage)",
            ExampleInput::Generated(encrypted_office),
        ),
        Example::fails("A RAR archive whose files are encrypted", ExampleInput::Generated(rar_with_encrypted_files)),
        Example::fails(
            "A RAR 4 archive whose headers are encrypted",
            ExampleInput::Generated(rar_with_encrypted_headers),
        ),
        Example::fails("A 7-Zip archive whose header is encrypted", ExampleInput::Generated(seven_zip_encrypted)),
        Example::passes("A ZIP without password", ExampleInput::Generated(plain_zip)),
        Example::passes("A RAR archive without password", ExampleInput::Generated(plain_rar)),
    ],
    check,
};

fn encrypted_zip() -> Vec<u8> {
    samples::zip_message("salaries.zip", &[ZipEntry::encrypted("salaries.pdf", &[0x5a; 64])])
}
fn encrypted_office() -> Vec<u8> {
    let document = samples::ole2(&["EncryptionInfo", "EncryptedPackage", "\u{6}DataSpaces"], [0; 16]);
    samples::message_with("salaries.xls", "application/vnd.ms-excel", &document)
}
fn plain_zip() -> Vec<u8> {
    samples::zip_message("salaries.zip", &[ZipEntry::deflated("salaries.csv", b"name,amount\r\n")])
}
const RAR_FILES: &[(&str, &[u8])] = &[("salaries.pdf", b"%PDF-1.4")];
fn rar_with_encrypted_files() -> Vec<u8> {
    samples::message_with("salaries.rar", "application/vnd.rar", &samples::rar5(RAR_FILES, RarProtection::Files))
}
fn rar_with_encrypted_headers() -> Vec<u8> {
    samples::message_with("salaries.rar", "application/vnd.rar", &samples::rar4(RAR_FILES, RarProtection::Headers))
}
fn plain_rar() -> Vec<u8> {
    samples::message_with("salaries.rar", "application/vnd.rar", &samples::rar5(RAR_FILES, RarProtection::None))
}
fn seven_zip_encrypted() -> Vec<u8> {
    let archive = samples::seven_zip(RAR_FILES, SevenZipHeader::Encrypted);
    samples::message_with("salaries.7z", "application/x-7z-compressed", &archive)
}

fn check(message: &Message, cx: &mut Context) {
    let inspected = &message.attachment_facts;
    for (attachment, fact) in super::facts_where(inspected, |k| matches!(k, FactKind::Encrypted { .. })) {
        let FactKind::Encrypted { container, names_hidden } = &fact.kind else { continue };
        let id = match (*container, names_hidden) {
            ("Office", _) => "attachment/encrypted-archive.office",
            (_, true) => "attachment/encrypted-archive.names-hidden",
            ("7z", false) => "attachment/encrypted-archive.archive",
            _ => "attachment/encrypted-archive.entry",
        };
        cx.emit(
            Draft::new(Msg::new(id).text("path", fact.path.clone()))
                .evidence(&fact.path)
                .at(super::location(message, attachment, fact)),
        );
    }
}
