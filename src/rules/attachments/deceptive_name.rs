//! `attachment/deceptive-name`: a file name built to show another extension than
//! its real one: bidirectional controls such as U+202E RIGHT-TO-LEFT OVERRIDE
//! (UAX #9) that draw `invoice\u{202e}fdp.exe` as `invoiceexe.pdf`, trailing dots
//! and spaces that Windows drops, a decoy extension before a dangerous one
//! (`invoice.pdf.exe`), or spaces pushing the real extension out of view.

use super::samples;
use crate::i18n::Msg;
use crate::inspect::names::NameTrick;
use crate::inspect::FactKind;
use crate::model::Message;
use crate::report::Severity;
use crate::rules::{Context, Draft, Example, ExampleInput, Group, Rule};

pub const RULE: Rule = Rule {
    id: "attachment/deceptive-name",
    group: Group::Attachments,
    default_severity: Severity::Warning,
    default_score: 20,
    examples: &[
        Example::fails("A right-to-left override in the name", ExampleInput::Generated(right_to_left_override)),
        Example::fails("A double extension, invoice.pdf.exe", ExampleInput::Generated(double_extension)),
        Example::fails("Trailing dots and spaces, run.bat. .", ExampleInput::Generated(trailing_dots)),
        Example::fails("Spaces pushing the extension away", ExampleInput::Generated(padding)),
        Example::fails(
            "A decoy before a type only Gmail's block list names, invoice.pdf.xll",
            ExampleInput::Generated(decoy_before_gmail_type),
        ),
        Example::passes("A version number in the name, report.v2.pdf", ExampleInput::Generated(version_number)),
        Example::passes("A compressed tar, backup.tar.gz", ExampleInput::Generated(tar_gz_name)),
    ],
    check,
};

fn right_to_left_override() -> Vec<u8> {
    samples::attached("photo\u{202e}gpj.js", b"var a = 1;")
}
fn double_extension() -> Vec<u8> {
    samples::attached("invoice.pdf.exe", b"text")
}
fn trailing_dots() -> Vec<u8> {
    samples::attached("run.bat. .", b"@echo off")
}
fn padding() -> Vec<u8> {
    samples::attached("invoice.pdf                    .scr", b"text")
}
fn decoy_before_gmail_type() -> Vec<u8> {
    samples::attached("invoice.pdf.xll", b"text")
}
fn version_number() -> Vec<u8> {
    samples::message_with("report.v2.pdf", "application/pdf", &samples::pdf())
}
fn tar_gz_name() -> Vec<u8> {
    let tar = samples::tar(&[("notes.txt", b"hello\n")]);
    samples::message_with("backup.tar.gz", "application/gzip", &samples::gzip(&tar, None))
}

fn check(message: &Message, cx: &mut Context) {
    let inspected = &message.attachment_facts;
    for attachment in inspected {
        for fact in &attachment.facts {
            let FactKind::DeceptiveName(trick) = &fact.kind else { continue };
            let msg = match trick {
                NameTrick::HiddenCharacters(codes) => {
                    Msg::new("attachment/deceptive-name.hidden-characters").text("characters", codes.clone())
                }
                NameTrick::TrailingDotsOrSpaces => Msg::new("attachment/deceptive-name.trailing"),
                NameTrick::DoubleExtension(decoy) => {
                    Msg::new("attachment/deceptive-name.double-extension").text("decoy", decoy.clone())
                }
                NameTrick::Padding => Msg::new("attachment/deceptive-name.padding"),
            };
            cx.emit(
                Draft::new(msg.text("path", fact.path.clone()))
                    .evidence(&fact.path)
                    .at(super::location(message, attachment, fact)),
            );
        }
    }
}
