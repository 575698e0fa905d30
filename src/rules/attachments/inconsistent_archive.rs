//! Proposed rule `attachment/inconsistent-archive` (not in the registry yet: the
//! integrator declares it in the new rule shape). A ZIP whose parts disagree:
//! filters read the central directory, streaming extractors the local headers
//! (APPNOTE.TXT §4.3.6: both name each entry), so an archive whose two lists
//! differ shows the filter one file and the reader another; entries sharing
//! their bytes are the non-recursive zip bomb (D. Fifield, "A better zip bomb",
//! WOOT 2019); data before an archive that is not a self-extractor hides it
//! behind another format (a picture or document "polyglot").

use crate::i18n::Msg;
use crate::inspect::{FactKind, Inconsistency};
use crate::model::Message;
use crate::rules::{Context, Draft};

/// Reports each inconsistency of each archive.
pub fn check(message: &Message, cx: &mut Context) {
    for attachment in &message.attachment_facts {
        for fact in &attachment.facts {
            let FactKind::Inconsistent(inconsistency) = &fact.kind else { continue };
            let msg = match inconsistency {
                Inconsistency::NameMismatch { local, central } => {
                    Msg::new("attachment/inconsistent-archive.name-mismatch")
                        .text("local", crate::inspect::visible_name(local))
                        .text("central", crate::inspect::visible_name(central))
                }
                Inconsistency::UnlistedEntry => Msg::new("attachment/inconsistent-archive.unlisted-entry"),
                Inconsistency::OverlappingEntries { count } => {
                    Msg::new("attachment/inconsistent-archive.overlapping").int("count", *count)
                }
                Inconsistency::PrependedData { bytes, host: Some(host) } => {
                    Msg::new("attachment/inconsistent-archive.hidden-after")
                        .int("bytes", *bytes)
                        .text("format", super::format_label(host, cx.locale()))
                }
                Inconsistency::PrependedData { bytes, host: None } => {
                    Msg::new("attachment/inconsistent-archive.prepended").int("bytes", *bytes)
                }
            };
            let msg = msg.text("path", fact.path.clone());
            cx.emit(Draft::new(msg).evidence(&fact.path).at(super::location(message, attachment, fact)));
        }
    }
}

use super::samples::{self, ZipEntry};
use crate::rules::{Example, ExampleInput};

/// The examples of the proposed rule, for its declaration.
pub const EXAMPLES: &[Example] = &[
    Example::fails(
        "The local header names run.exe, the central directory readme.txt",
        ExampleInput::Generated(name_mismatch),
    ),
    Example::fails("An entry missing from the central directory", ExampleInput::Generated(unlisted_entry)),
    Example::fails("Eight entries sharing the same bytes", ExampleInput::Generated(shared_bytes)),
    Example::fails("A ZIP glued after a JPEG picture", ExampleInput::Generated(picture_with_zip)),
    Example::passes("A ZIP of two documents", ExampleInput::Generated(plain_zip)),
    Example::passes(
        "A self-extracting archive (attachment/executable reports its program)",
        ExampleInput::Generated(self_extractor),
    ),
];

fn name_mismatch() -> Vec<u8> {
    let program = samples::windows_program();
    samples::zip_message("files.zip", &[ZipEntry::stored("readme.txt", &program).named_locally("run.exe")])
}
fn unlisted_entry() -> Vec<u8> {
    let program = samples::windows_program();
    samples::zip_message(
        "files.zip",
        &[ZipEntry::stored("run.exe", &program).unlisted(), ZipEntry::deflated("readme.txt", b"Hello")],
    )
}
fn shared_bytes() -> Vec<u8> {
    samples::message_with("data.zip", "application/zip", &samples::zip_sharing_bytes(&[b'a'; 5000], 8))
}
fn picture_with_zip() -> Vec<u8> {
    let mut file = vec![0xff, 0xd8, 0xff, 0xe0, 0, 16, b'J', b'F', b'I', b'F', 0];
    file.resize(2048, 0x11);
    file.extend(samples::zip(&[ZipEntry::deflated("notes.txt", b"hidden")]));
    samples::message_with("photo.jpg", "image/jpeg", &file)
}
fn plain_zip() -> Vec<u8> {
    samples::zip_message("docs.zip", &[ZipEntry::deflated("a.txt", b"a"), ZipEntry::stored("b.pdf", &samples::pdf())])
}
fn self_extractor() -> Vec<u8> {
    let mut file = samples::windows_program();
    file.extend(samples::zip(&[ZipEntry::deflated("setup/readme.txt", b"Install")]));
    samples::attached("setup.exe", &file)
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_proposed_examples_hold() {
        super::super::check_proposed_examples("attachment/inconsistent-archive", super::check, super::EXAMPLES);
    }
}
