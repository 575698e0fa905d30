//! `attachment/type-mismatch`: the declared MIME type (RFC 2045 §5) or the
//! extension says one thing and the content is another. Filters treat such a
//! file as disguised; generic types (`application/octet-stream`) promise nothing
//! and never mismatch.

use super::samples;
use crate::i18n::Msg;
use crate::inspect::FactKind;
use crate::model::Message;
use crate::report::Severity;
use crate::rules::{Context, Draft, Example, ExampleInput, Group, Rule};

pub const RULE: Rule = Rule {
    id: "attachment/type-mismatch",
    group: Group::Attachments,
    default_severity: Severity::Warning,
    default_score: 15,
    examples: &[
        Example::fails("Declared application/pdf, the content is a ZIP", ExampleInput::Generated(zip_declared_pdf)),
        Example::fails("Named photo.jpg, the content is a Windows program", ExampleInput::Generated(program_named_jpg)),
        Example::fails(
            "Declared text/plain, the content is a Windows program",
            ExampleInput::Generated(program_as_text),
        ),
        Example::fails("Named report.iso, the content is a VHDX disk", ExampleInput::Generated(vhdx_named_iso)),
        Example::passes("A PDF declared as a PDF", ExampleInput::Generated(pdf_as_pdf)),
        Example::passes("A ZIP declared as application/octet-stream", ExampleInput::Generated(zip_as_octet_stream)),
        Example::passes("A web page declared text/plain", ExampleInput::Generated(page_as_text)),
        Example::passes(
            "A PNG declared image/jpeg (pictures are sniffed by every client)",
            ExampleInput::Generated(png_as_jpeg),
        ),
    ],
    check,
};

fn zip_declared_pdf() -> Vec<u8> {
    let archive = samples::zip(&[samples::ZipEntry::deflated("statement.txt", b"balance")]);
    samples::message_with("statement.pdf", "application/pdf", &archive)
}
fn program_named_jpg() -> Vec<u8> {
    samples::attached("photo.jpg", &samples::windows_program())
}
fn program_as_text() -> Vec<u8> {
    samples::message_with("notes.txt", "text/plain", &samples::windows_program())
}
fn vhdx_named_iso() -> Vec<u8> {
    samples::attached("report.iso", &samples::vhdx_disk())
}
fn page_as_text() -> Vec<u8> {
    samples::message_with("order.txt", "text/plain", b"<!DOCTYPE html><html><body>Order 1042</body></html>")
}
fn pdf_as_pdf() -> Vec<u8> {
    samples::message_with("statement.pdf", "application/pdf", &samples::pdf())
}
fn zip_as_octet_stream() -> Vec<u8> {
    let archive = samples::zip(&[samples::ZipEntry::deflated("statement.txt", b"balance")]);
    samples::attached("statement.zip", &archive)
}
fn png_as_jpeg() -> Vec<u8> {
    samples::message_with("logo.jpg", "image/jpeg", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR")
}

fn check(message: &Message, cx: &mut Context) {
    let inspected = &message.attachment_facts;
    for (attachment, fact) in super::facts_where(inspected, |k| matches!(k, FactKind::TypeMismatch { .. })) {
        let FactKind::TypeMismatch { declared, detected } = &fact.kind else { continue };
        let id = if declared.starts_with('.') {
            "attachment/type-mismatch.extension"
        } else {
            "attachment/type-mismatch.declared-type"
        };
        cx.emit(
            Draft::new(
                Msg::new(id)
                    .text("path", fact.path.clone())
                    .text("declared", declared.clone())
                    .text("detected", *detected),
            )
            .evidence(format!("{} ({declared})", fact.path))
            .at(super::location(message, attachment, fact)),
        );
    }
}
