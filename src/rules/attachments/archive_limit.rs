//! `attachment/archive-limit`: an archive reached one of the inspection limits
//! (`AttachmentThresholds`): nesting depth, entry count, bytes inflated, or
//! compression ratio. Zip bombs and deeply nested archives are built to exhaust
//! filters; the host's filter stops too and holds the mail, and what lies beyond
//! the limit was not checked.

use super::samples::{self, ZipEntry};
use crate::i18n::Msg;
use crate::inspect::{FactKind, Limit};
use crate::model::Message;
use crate::report::Severity;
use crate::rules::{Context, Draft, Example, ExampleInput, Group, Rule};

pub const RULE: Rule = Rule {
    id: "attachment/archive-limit",
    group: Group::Attachments,
    default_severity: Severity::Warning,
    default_score: 20,
    examples: &[
        Example::fails("A zip bomb: 5 MB of zeros deflated to 30 kB", ExampleInput::Generated(zip_bomb)),
        Example::fails("ZIPs nested 6 deep", ExampleInput::Generated(deeply_nested)),
        Example::fails("A ZIP of 12 entries with a limit of 10", ExampleInput::Generated(twelve_entries))
            .with_options(r#"{"thresholds":{"attachments":{"maxArchiveEntries":10}}}"#),
        Example::fails("A nested ZIP larger than the inflate budget", ExampleInput::Generated(deeply_nested))
            .with_options(r#"{"thresholds":{"attachments":{"maxInflatedBytes":200,"maxArchiveDepth":10}}}"#),
        Example::fails("A tar of 12 members with a limit of 10", ExampleInput::Generated(twelve_members_tar))
            .with_options(r#"{"thresholds":{"attachments":{"maxArchiveEntries":10}}}"#),
        Example::fails(
            "A zip bomb smuggled in a web page (decoded, then stopped at the ratio)",
            ExampleInput::Generated(smuggled_zip_bomb),
        ),
        Example::passes("ZIPs nested 2 deep", ExampleInput::Generated(nested_twice)),
        Example::passes("A ZIP of 12 entries", ExampleInput::Generated(twelve_entries)),
        Example::passes("A 2 MB log file in a ZIP", ExampleInput::Generated(compressible_text)),
    ],
    check,
};

/// ZIPs inside ZIPs, `levels` deep, the innermost holding a text file.
pub fn nested_zips(levels: usize) -> Vec<u8> {
    let mut archive = samples::zip(&[ZipEntry::deflated("core.txt", b"the end")]);
    for level in (1..levels).rev() {
        let name = format!("level{level}.zip");
        archive = samples::zip(&[ZipEntry::deflated(&name, &archive)]);
    }
    archive
}

fn zip_bomb() -> Vec<u8> {
    samples::zip_message("bomb.zip", &[ZipEntry::deflated("zeros.bin", &vec![0u8; 5_000_000])])
}
fn deeply_nested() -> Vec<u8> {
    samples::message_with("nested.zip", "application/zip", &nested_zips(6))
}
fn nested_twice() -> Vec<u8> {
    samples::message_with("nested.zip", "application/zip", &nested_zips(2))
}
fn twelve_entries() -> Vec<u8> {
    let names: Vec<String> = (1..=12).map(|i| format!("photo{i}.jpg")).collect();
    let entries: Vec<ZipEntry> = names.iter().map(|n| ZipEntry::stored(n, &[0xff, 0xd8, 0xff, 0xe0])).collect();
    samples::zip_message("photos.zip", &entries)
}
fn twelve_members_tar() -> Vec<u8> {
    let names: Vec<String> = (1..=12).map(|i| format!("photo{i}.jpg")).collect();
    let members: Vec<(&str, &[u8])> = names.iter().map(|n| (n.as_str(), &[0xff, 0xd8, 0xff, 0xe0][..])).collect();
    samples::message_with("photos.tar", "application/x-tar", &samples::tar(&members))
}
fn smuggled_zip_bomb() -> Vec<u8> {
    let payload = samples::zip(&[ZipEntry::deflated("zeros.bin", &vec![0u8; 2_000_000])]);
    samples::message_with("invoice.html", "text/html", &samples::smuggling_page(&payload, "invoice.zip"))
}
fn compressible_text() -> Vec<u8> {
    let mut text = String::new();
    let mut n = 0u64;
    while text.len() < 2_000_000 {
        n = n.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        text.push_str(&format!("2026-03-02 10:00:{:02} GET /page/{} 200\n", n >> 58, (n >> 40) % 500));
    }
    samples::zip_message("access.zip", &[ZipEntry::deflated("access.log", text.as_bytes())])
}

fn check(message: &Message, cx: &mut Context) {
    let inspected = &message.attachment_facts;
    for attachment in inspected {
        for fact in &attachment.facts {
            let FactKind::LimitReached { limit, value, max } = &fact.kind else { continue };
            let id = match limit {
                Limit::Depth => "attachment/archive-limit.depth",
                Limit::Entries => "attachment/archive-limit.entries",
                Limit::InflatedBytes => "attachment/archive-limit.inflated",
                Limit::CompressionRatio => "attachment/archive-limit.ratio",
                Limit::Facts => "attachment/archive-limit.facts",
            };
            cx.emit(
                Draft::new(Msg::new(id).text("path", fact.path.clone()).int("value", *value).int("limit", *max))
                    .evidence(&fact.path)
                    .at(super::location(message, attachment, fact)),
            );
        }
    }
}
