//! `attachment/encrypted-archive`: an encrypted ZIP entry (APPNOTE §4.4.4,
//! general-purpose bit 0) or a password-protected Office document cannot be
//! inspected, by us or by the host's filter; encrypted archives are how
//! executables are usually smuggled past filters, so hosts often hold them.

use super::samples::{self, ZipEntry};
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
        Example::passes("A ZIP without password", ExampleInput::Generated(plain_zip)),
    ],
    check,
};

fn encrypted_zip() -> Vec<u8> {
    let archive = samples::zip(&[ZipEntry::encrypted("salaries.pdf", &[0x5a; 64])]);
    samples::message_with("salaries.zip", "application/zip", &archive)
}
fn encrypted_office() -> Vec<u8> {
    let document = samples::ole2(&["EncryptionInfo", "EncryptedPackage", "\u{6}DataSpaces"], [0; 16]);
    samples::message_with("salaries.xls", "application/vnd.ms-excel", &document)
}
fn plain_zip() -> Vec<u8> {
    let archive = samples::zip(&[ZipEntry::deflated("salaries.csv", b"name,amount\r\n")]);
    samples::message_with("salaries.zip", "application/zip", &archive)
}

fn check(message: &Message, cx: &mut Context) {
    let inspected = super::inspect(message, &cx.options.thresholds.attachments);
    for (attachment, fact) in super::facts_where(&inspected, |k| matches!(k, FactKind::Encrypted { .. })) {
        let FactKind::Encrypted { container } = &fact.kind else { continue };
        let id = if *container == "Office" {
            "attachment/encrypted-archive.office"
        } else {
            "attachment/encrypted-archive.entry"
        };
        cx.emit(
            Draft::new(Msg::new(id).text("path", fact.path.clone()))
                .evidence(&fact.path)
                .at(super::location(message, attachment, fact)),
        );
    }
}
