//! `attachment/blocked-type`: the guides list XML and XLSX with the executables
//! that get a mail blocked. They run nothing, so this is a warning that the host
//! blocks them, not a malware alarm. Found by extension, and for workbooks also
//! by content (an OOXML package with `xl/workbook.xml`), zipped or not.

use super::samples::{self, ZipEntry};
use crate::i18n::Msg;
use crate::inspect::FactKind;
use crate::model::Message;
use crate::report::Severity;
use crate::rules::{Context, Draft, Example, ExampleInput, Group, Rule};

pub const RULE: Rule = Rule {
    id: "attachment/blocked-type",
    group: Group::Attachments,
    default_severity: Severity::Warning,
    default_score: 20,
    examples: &[
        Example::fails("An Excel workbook, report.xlsx", ExampleInput::Generated(workbook)),
        Example::fails("An XML export", ExampleInput::Generated(xml_export)),
        Example::fails("A workbook inside a ZIP", ExampleInput::Generated(workbook_in_zip)),
        Example::fails("A workbook renamed report.dat", ExampleInput::Generated(workbook_renamed)),
        Example::passes("A CSV export", ExampleInput::Generated(csv_export)),
        Example::passes("A Word document (its package holds XML parts)", ExampleInput::Generated(word_document)),
        Example::passes("XLSX allowed by the caller", ExampleInput::Generated(workbook))
            .with_options(r#"{"thresholds":{"attachments":{"blockedExtensions":["xml"]}}}"#),
    ],
    check,
};

fn workbook() -> Vec<u8> {
    samples::message_with("report.xlsx", samples::XLSX_TYPE, &samples::spreadsheet())
}
fn xml_export() -> Vec<u8> {
    samples::message_with("orders.xml", "application/xml", b"<?xml version=\"1.0\"?><orders><order id=\"1\"/></orders>")
}
fn workbook_in_zip() -> Vec<u8> {
    samples::zip_message("exports.zip", &[ZipEntry::stored("march/report.xlsx", &samples::spreadsheet())])
}
fn workbook_renamed() -> Vec<u8> {
    samples::attached("report.dat", &samples::spreadsheet())
}
fn csv_export() -> Vec<u8> {
    samples::message_with("orders.csv", "text/csv", b"id,total\r\n1,20.00\r\n")
}
fn word_document() -> Vec<u8> {
    samples::docx_message("letter.docx", false)
}

fn check(message: &Message, cx: &mut Context) {
    let inspected = &message.attachment_facts;
    for (attachment, fact) in super::facts_where(inspected, |k| matches!(k, FactKind::BlockedType { .. })) {
        let FactKind::BlockedType { what } = &fact.kind else { continue };
        cx.emit(
            Draft::new(
                Msg::new("attachment/blocked-type.blocked").text("path", fact.path.clone()).text("type", what.clone()),
            )
            .evidence(&fact.path)
            .at(super::location(message, attachment, fact)),
        );
    }
}
