//! The `attachment/*` rules (SPEC §2 `attachment/executable`). The guides: "the
//! e-mail contains an executable (EXE, BAT, PIF, XML, XLSX or documents with
//! macros), even if it is zipped". The facts come from `crate::inspect`, which
//! reads names, magic bytes and archive directories; the tunables live here.

pub mod active_page;
pub mod archive_limit;
pub mod blocked_type;
pub mod deceptive_name;
pub mod encrypted_archive;
pub mod executable;
pub mod html_smuggling;
pub mod inconsistent_archive;
pub mod macro_document;
pub mod type_mismatch;
pub mod uninspectable_archive;

pub mod labels;
// Sample files for the examples and the tests; the wasm build runs no examples.
#[cfg(not(target_arch = "wasm32"))]
pub mod samples;

use crate::i18n::Msg;
use crate::inspect::{names, Fact, FactKind, Limits};
use crate::model::{AttachmentFacts, Message};
use crate::report::Location;
use crate::settings::{Evidence, Kind, ListDefault, Settings, Threshold};

// The guides give no numbers for archives; these defaults (ours) follow what
// mail scanners ship with (ClamAV: 10,000 files per archive, recursion limits)
// scaled to what a 10 MB message can legitimately hold. They bound the
// inspection, an analysis stage (`pipeline::ANALYSIS_LIMITS`).

/// Archive levels opened (`a.zip > b.zip > c.exe` is 2).
pub const MAX_ARCHIVE_DEPTH: Threshold = Threshold {
    key: "attachments.maxArchiveDepth",
    kind: Kind::Int { default: 4, min: 0, max: 16 },
    doc: "Archive levels opened (`a.zip > b.zip > c.exe` is 2). Real mail rarely nests beyond 2; deeper nesting is a way to tire scanners.",
    evidence: Evidence::Ours("ClamAV's recursion limits, scaled to what a 10 MB message holds"),
};
/// Archive entries listed per attachment, all levels together.
pub const MAX_ARCHIVE_ENTRIES: Threshold = Threshold {
    key: "attachments.maxArchiveEntries",
    kind: Kind::Int { default: 10_000, min: 1, max: 100_000 },
    doc: "Archive entries listed per attachment, all levels together.",
    evidence: Evidence::Receiver("ClamAV MaxFiles default: 10,000"),
};
/// Bytes inflated out of archives per message, all attachments together.
pub const MAX_INFLATED_BYTES: Threshold = Threshold {
    key: "attachments.maxInflatedBytes",
    kind: Kind::Int { default: 32_000_000, min: 0, max: 256_000_000 },
    doc: "Bytes inflated or copied out of archives per message, all attachments together, so a message of many small bombs does not multiply it; nested archives, documents and pages are inflated whole, so are entries whose first bytes name no format, or a PDF, when their declared size fits (formats found at a file's end: disk image footers, an archive glued after a document); of the rest the first bytes.",
    evidence: Evidence::Ours("a few times the 10 MB a message may carry"),
};
/// Largest inflated/compressed ratio of one entry.
pub const MAX_COMPRESSION_RATIO: Threshold = Threshold {
    key: "attachments.maxCompressionRatio",
    kind: Kind::Int { default: 100, min: 1, max: 100_000 },
    doc: "Largest inflated/compressed ratio of one entry: deflate peaks near 1,032:1 on zeros; real documents stay under 20:1 and log files rarely pass 100:1.",
    evidence: Evidence::Ours("100:1, above real documents and logs"),
};
/// The ratio is judged only for entries inflating past this many bytes.
pub const COMPRESSION_RATIO_MIN_BYTES: Threshold = Threshold {
    key: "attachments.compressionRatioMinBytes",
    kind: Kind::Int { default: 1_000_000, min: 0, max: 256_000_000 },
    doc: "The ratio is judged only for entries inflating past this many bytes, so tiny repetitive files do not count as bombs.",
    evidence: Evidence::Ours("1 MB: a smaller entry cannot exhaust a filter whatever its ratio"),
};
/// Extensions (lowercase, no dot) that run code.
pub const EXECUTABLE_EXTENSIONS: Threshold = Threshold {
    key: "attachments.executableExtensions",
    kind: Kind::List { default: ListDefault::Computed(names::default_executable_extensions), max_items: 10_000 },
    doc: "Extensions (lowercase, no dot) that run code; by default every executable group of the inspector's extension table and every type Gmail blocks (support.google.com/mail/answer/6590, `src/inspect/data/gmail-blocked-types.txt`) or Outlook blocks (OWA's default BlockedFileTypes and \"Blocked attachments in Outlook\", `src/inspect/data/outlook-blocked-types.txt`).",
    evidence: Evidence::Guide("seed 002 (fr) l. 180: « L'e-mail contient un exécutable (EXE, BAT, PIF, …) »"),
};
/// Extensions the host blocks although they run nothing.
pub const BLOCKED_EXTENSIONS: Threshold = Threshold {
    key: "attachments.blockedExtensions",
    kind: Kind::List { default: ListDefault::Items(&["xlsx", "xml"]), max_items: 10_000 },
    doc: "Extensions the host blocks although they run nothing. The guides name XLSX and XML.",
    evidence: Evidence::Guide(
        "seed 002 (fr) l. 180: « un exécutable (EXE, BAT, PIF, XML, XLSX ou des documents avec des « macros ») »",
    ),
};

/// Every threshold of the inspection, for `pipeline::ANALYSIS_LIMITS`.
pub const INSPECTION_LIMITS: &[&Threshold] = &[
    &MAX_ARCHIVE_DEPTH,
    &MAX_ARCHIVE_ENTRIES,
    &MAX_INFLATED_BYTES,
    &MAX_COMPRESSION_RATIO,
    &COMPRESSION_RATIO_MIN_BYTES,
    &EXECUTABLE_EXTENSIONS,
    &BLOCKED_EXTENSIONS,
];

/// The limits handed to the inspector.
pub fn limits(settings: &Settings) -> Limits {
    Limits {
        max_depth: settings.count(&MAX_ARCHIVE_DEPTH),
        max_entries: settings.count(&MAX_ARCHIVE_ENTRIES),
        max_inflated_bytes: settings.int(&MAX_INFLATED_BYTES) as u64,
        max_compression_ratio: settings.int(&MAX_COMPRESSION_RATIO) as u64,
        compression_ratio_min_bytes: settings.int(&COMPRESSION_RATIO_MIN_BYTES) as u64,
        executable_extensions: extensions(settings, &EXECUTABLE_EXTENSIONS),
        blocked_extensions: extensions(settings, &BLOCKED_EXTENSIONS),
    }
}

/// A list of extensions as the inspector compares them (lowercase, no dot):
/// the caller's own list normalised; the default list as it is, written so
/// already (the test `default_extension_lists_are_written_as_compared`) and
/// shared for the process, not copied for each settings resolved (#14: copying
/// the 300 default extensions one by one was 0.8 ms of a first lint in Node).
fn extensions(settings: &Settings, threshold: &Threshold) -> std::borrow::Cow<'static, [String]> {
    match settings.own_list(threshold) {
        Some(items) => std::borrow::Cow::Owned(items.iter().map(|e| normalise_extension(e)).collect()),
        None => std::borrow::Cow::Borrowed(crate::settings::default_list(threshold)),
    }
}

/// The limits handed to the inspector when the options set none.
pub fn default_limits() -> Limits {
    limits(&Settings::default())
}

fn normalise_extension(extension: &str) -> String {
    extension.trim().trim_start_matches('.').to_ascii_lowercase()
}

/// Where a fact is: the part, its encoded body, and the path inside archives.
pub fn location(message: &Message, attachment: &AttachmentFacts, fact: &Fact) -> Location {
    let mut location = Location::part(attachment.part);
    if let Some(range) = message.parts.get(attachment.part).and_then(|p| p.body_range.clone()) {
        location = location.with_range(range.start, range.end);
    }
    location.with_path(fact.path.clone())
}

/// The facts of one kind, with their attachment, at most one per path.
/// No more than a rule reports (`MAX_FINDINGS_PER_RULE`): the search for
/// duplicates stays linear in the facts however many there are.
pub fn facts_where(inspected: &[AttachmentFacts], wanted: fn(&FactKind) -> bool) -> Vec<(&AttachmentFacts, &Fact)> {
    let mut out: Vec<(&AttachmentFacts, &Fact)> = Vec::new();
    for attachment in inspected {
        for fact in attachment.facts.iter().filter(|f| wanted(&f.kind)) {
            if out.len() >= crate::rules::MAX_FINDINGS_PER_RULE {
                return out;
            }
            if !out.iter().any(|(a, f)| a.part == attachment.part && f.path == fact.path) {
                out.push((attachment, fact));
            }
        }
    }
    out
}

/// `msg` with the label of a format key (`Format::key`) as parameter `name`,
/// or the key itself when it has no label.
pub fn with_format(msg: Msg, name: &'static str, key: &str) -> Msg {
    match labels::format_label(key) {
        Some(label) => msg.label(name, label),
        None => msg.text(name, key),
    }
}

/// `msg` with the label of an extension group (`ExtensionGroup::name`, or
/// `configured`) as parameter `name`, or the name itself when it has no label.
pub fn with_group(msg: Msg, name: &'static str, group: &str) -> Msg {
    match labels::group_label(group) {
        Some(label) => msg.label(name, label),
        None => msg.text(name, group),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The default lists are shared as they are (`extensions`): each item must
    /// already be what `normalise_extension` makes of it.
    #[test]
    fn default_extension_lists_are_written_as_compared() {
        for threshold in [&EXECUTABLE_EXTENSIONS, &BLOCKED_EXTENSIONS] {
            let defaults = crate::settings::default_list(threshold);
            assert!(defaults.len() >= 2, "{}", threshold.key);
            for extension in defaults {
                assert_eq!(normalise_extension(extension), *extension, "{}", threshold.key);
            }
        }
        assert!(crate::settings::default_list(&MAX_ARCHIVE_DEPTH).is_empty());
    }

    /// A caller's own list is normalised; the default is the shared one.
    #[test]
    fn own_extension_lists_are_normalised() {
        let options = crate::options::Options::from_json(
            r#"{"thresholds":{"attachments":{"executableExtensions":[" .EXE","Js "]}}}"#,
        )
        .expect("options");
        let settings = crate::pipeline::resolve::resolve(&options).expect("settings");
        let own = limits(&settings);
        assert_eq!(&*own.executable_extensions, ["exe", "js"]);
        assert!(matches!(own.blocked_extensions, std::borrow::Cow::Borrowed(_)));
        let defaults = default_limits();
        assert!(matches!(defaults.executable_extensions, std::borrow::Cow::Borrowed(_)));
        assert!(defaults.executable_extensions.iter().any(|e| e == "exe"));
    }
}
