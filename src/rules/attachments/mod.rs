//! The `attachment/*` rules (SPEC §2 `attachment/executable`). The guides: "the
//! e-mail contains an executable (EXE, BAT, PIF, XML, XLSX or documents with
//! macros), even if it is zipped". The facts come from `crate::inspect`, which
//! reads names, magic bytes and archive directories; the tunables live here.

pub mod archive_limit;
pub mod blocked_type;
pub mod deceptive_name;
pub mod encrypted_archive;
pub mod executable;
pub mod macro_document;
pub mod type_mismatch;
pub mod uninspectable_archive;

// Checks of proposed rules, not in the registry yet (see each file).
pub mod html_smuggling;
pub mod inconsistent_archive;

pub mod samples;

use crate::i18n::{self, Locale};
use crate::inspect::{names, Fact, FactKind, Limits};
use crate::model::{AttachmentFacts, Message};
use crate::report::Location;
use serde::{Deserialize, Serialize};

/// Thresholds of the `attachments` group (overridable in `Options::thresholds.attachments`).
///
/// The guides give no numbers for archives; these defaults *(default)* follow what
/// mail scanners ship with (ClamAV: 10,000 files per archive, recursion limits)
/// scaled to what a 10 MB message can legitimately hold.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct AttachmentThresholds {
    /// Archive levels opened (`a.zip > b.zip > c.exe` is 2). Real mail rarely nests
    /// beyond 2; deeper nesting is a way to tire scanners.
    pub max_archive_depth: usize,
    /// Archive entries listed per attachment, all levels together (ClamAV's MaxFiles default).
    pub max_archive_entries: usize,
    /// Bytes inflated out of archives per message, all attachments together (a
    /// message of many small bombs must not multiply it). A 10 MB message legitimately
    /// holds a few times that once inflated; only nested archives and the first
    /// bytes of each entry are inflated, so this budget is rarely spent.
    pub max_inflated_bytes: u64,
    /// Largest inflated/compressed ratio of one entry. Deflate peaks near 1,032:1 on
    /// zeros; real documents stay under 20:1 and even log files rarely pass 100:1.
    pub max_compression_ratio: u64,
    /// The ratio is judged only for entries inflating past this many bytes, so tiny
    /// repetitive files do not count as bombs.
    pub compression_ratio_min_bytes: u64,
    /// Extensions (lowercase, no dot) that run code. Defaults to every executable
    /// group of `inspect::names::EXTENSION_GROUPS` and every type Gmail blocks
    /// (`inspect/data/gmail-blocked-types.txt`).
    pub executable_extensions: Vec<String>,
    /// Extensions the host blocks although they run nothing. The guides name XLSX and XML.
    pub blocked_extensions: Vec<String>,
}

impl Default for AttachmentThresholds {
    fn default() -> Self {
        AttachmentThresholds {
            max_archive_depth: 4,
            max_archive_entries: 10_000,
            max_inflated_bytes: 32_000_000,
            max_compression_ratio: 100,
            compression_ratio_min_bytes: 1_000_000,
            executable_extensions: names::default_executable_extensions(),
            blocked_extensions: vec!["xlsx".into(), "xml".into()],
        }
    }
}

impl AttachmentThresholds {
    /// The limits handed to the inspector.
    pub fn limits(&self) -> Limits {
        Limits {
            max_depth: self.max_archive_depth,
            max_entries: self.max_archive_entries,
            max_inflated_bytes: self.max_inflated_bytes,
            max_compression_ratio: self.max_compression_ratio,
            compression_ratio_min_bytes: self.compression_ratio_min_bytes,
            executable_extensions: self.executable_extensions.iter().map(|e| normalise_extension(e)).collect(),
            blocked_extensions: self.blocked_extensions.iter().map(|e| normalise_extension(e)).collect(),
        }
    }
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

/// The label of a format key (`Format::key`) in the reader's language, from the
/// catalogue entry `attachment/format.<key>`; an unknown key is shown as is.
pub fn format_label(key: &str, locale: Locale) -> String {
    let id = format!("attachment/format.{key}");
    i18n::entry(&id).map(|e| e.text(locale).to_string()).unwrap_or_else(|| key.to_string())
}

/// The label of an extension group (`ExtensionGroup::name`, or `configured`) in the reader's language.
pub fn group_label(name: &str, locale: Locale) -> String {
    let id = format!("attachment/group.{name}");
    i18n::entry(&id).map(|e| e.text(locale).to_string()).unwrap_or_else(|| name.to_string())
}

/// Runs the examples of a proposed rule (a check not in the registry yet)
/// through the analysis and its check: failing ones must raise it, passing ones not.
#[cfg(test)]
fn check_proposed_examples(
    id: &'static str,
    check: fn(&Message, &mut crate::rules::Context),
    examples: &[crate::rules::Example],
) {
    use crate::report::{Origin, Severity};
    use crate::rules::{Context, ExampleInput, Group, Rule};
    let rule: &'static Rule = Box::leak(Box::new(Rule {
        id,
        group: Group::Attachments,
        default_severity: Severity::Warning,
        default_score: 0,
        examples: &[],
        check,
    }));
    for example in examples {
        let options = example.options.map(|json| crate::Options::from_json(json).expect("options")).unwrap_or_default();
        let ExampleInput::Generated(make) = example.input else { panic!("generated examples only") };
        let raw = make();
        let message = Message::analyse(&raw, Origin::Raw, Vec::new(), &options.thresholds.attachments.limits());
        let mut findings = Vec::new();
        let mut cx = Context::new(&options, rule, &mut findings, &message.line_index).expect("rule on");
        check(&message, &mut cx);
        assert_eq!(!findings.is_empty(), example.fails, "{id}: \"{}\": {findings:?}", example.title);
    }
}
