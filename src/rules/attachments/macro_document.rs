//! `attachment/macro-document`: the guides list "documents with macros" among the
//! executables that get the mail blocked, zipped or not. A macro is found by the
//! extension (`docm`, `xlsm`, …), by the VBA storages of an OLE2 document
//! ([MS-OVBA] §2.2), by an Excel 4.0 macro sheet in the sheet list of a legacy
//! workbook ([MS-XLS] BoundSheet8), and by `vbaProject.bin`, macro sheets or a
//! macro-enabled content type in an OOXML package, whatever the document is named.

use super::samples::{self, ZipEntry};
use crate::i18n::Msg;
use crate::inspect::{FactKind, MacroSign};
use crate::model::Message;
use crate::report::Severity;
use crate::rules::{Context, Draft, Example, ExampleInput, Group, Rule};

pub const RULE: Rule = Rule {
    id: "attachment/macro-document",
    group: Group::Attachments,
    default_severity: Severity::Error,
    default_score: 50,
    examples: &[
        Example::fails("A macro-enabled Word document renamed report.docx", ExampleInput::Generated(docm_renamed_docx)),
        Example::fails(
            "A Word 97 document with a VBA project (Macros storage)",
            ExampleInput::Generated(word_97_with_macros),
        ),
        Example::fails("A Word 97 document with macros inside a ZIP", ExampleInput::Generated(macro_document_in_zip)),
        Example::fails("A file named budget.xlsm", ExampleInput::Generated(xlsm_by_name)),
        Example::fails(
            "A legacy Excel workbook with a very hidden Excel 4.0 macro sheet",
            ExampleInput::Generated(excel_4_macro_sheet),
        ),
        Example::passes("A Word document without macros", ExampleInput::Generated(plain_docx)),
        Example::passes("A Word 97 document without macros", ExampleInput::Generated(plain_word_97)),
        Example::passes("A legacy Excel workbook of worksheets", ExampleInput::Generated(plain_excel_97)),
    ],
    check,
};

fn docm_renamed_docx() -> Vec<u8> {
    samples::docx_message("report.docx", true)
}
fn word_97_with_macros() -> Vec<u8> {
    samples::message_with("letter.doc", "application/msword", &samples::word_97_document(true))
}
fn macro_document_in_zip() -> Vec<u8> {
    let document = samples::word_97_document(true);
    samples::zip_message("letters.zip", &[ZipEntry::deflated("2026/letter.doc", &document)])
}
fn xlsm_by_name() -> Vec<u8> {
    samples::message_with("budget.xlsm", "application/vnd.ms-excel.sheet.macroEnabled.12", &samples::spreadsheet())
}
fn plain_docx() -> Vec<u8> {
    samples::docx_message("report.docx", false)
}
fn excel_4_macro_sheet() -> Vec<u8> {
    let book = samples::excel_97_workbook(&[("Sheet1", 0, 0), ("Macro1", 1, 2)]);
    samples::message_with("budget.xls", "application/vnd.ms-excel", &book)
}
fn plain_excel_97() -> Vec<u8> {
    let book = samples::excel_97_workbook(&[("Sheet1", 0, 0), ("Sheet2", 0, 1)]);
    samples::message_with("budget.xls", "application/vnd.ms-excel", &book)
}
fn plain_word_97() -> Vec<u8> {
    samples::message_with("letter.doc", "application/msword", &samples::word_97_document(false))
}

fn check(message: &Message, cx: &mut Context) {
    let inspected = &message.attachment_facts;
    // One finding per attachment: a macro document shows several signs at once.
    let mut reported = Vec::new();
    for (attachment, fact) in super::facts_where(inspected, |k| matches!(k, FactKind::MacroDocument(_))) {
        if reported.contains(&attachment.part) {
            continue;
        }
        reported.push(attachment.part);
        let FactKind::MacroDocument(sign) = &fact.kind else { continue };
        let msg = match sign {
            MacroSign::Extension(extension) => {
                Msg::new("attachment/macro-document.extension").text("extension", extension.clone())
            }
            MacroSign::VbaStorage(storage) => {
                Msg::new("attachment/macro-document.vba-storage").text("storage", storage.clone())
            }
            MacroSign::VbaProjectPart => Msg::new("attachment/macro-document.vba-project"),
            MacroSign::MacroSheets => Msg::new("attachment/macro-document.macro-sheets"),
            MacroSign::MacroEnabledContentType => Msg::new("attachment/macro-document.content-type"),
            MacroSign::Excel4MacroSheet { sheet, very_hidden: true } => {
                Msg::new("attachment/macro-document.xlm-sheet-hidden").text("sheet", sheet.clone())
            }
            MacroSign::Excel4MacroSheet { sheet, very_hidden: false } => {
                Msg::new("attachment/macro-document.xlm-sheet").text("sheet", sheet.clone())
            }
        };
        let msg = msg.text("path", fact.path.clone());
        cx.emit(Draft::new(msg).evidence(&fact.path).at(super::location(message, attachment, fact)));
    }
}
