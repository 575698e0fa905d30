//! The shape of `options.customRules` as JSON: data only. What the rules mean,
//! their checks and their compilation are in `src/custom` (its `impl` blocks).

use serde::{Deserialize, Serialize};

/// The targets of `customRules`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Target {
    /// One header field, by name: each occurrence, RFC 2047 decoded and as written.
    Header,
    /// The Subject, decoded.
    Subject,
    /// The From field, decoded, and each of its addresses.
    From,
    /// The text a reader sees: text parts and the visible text of HTML parts,
    /// white space collapsed, one paragraph a value.
    Body,
    /// The decoded text parts, markup kept.
    Rawbody,
    /// Every link target: HTML links and images, URLs written in text parts.
    Uri,
    /// Attachment names, and the names of archive entries the inspection reports.
    Filename,
    /// The whole message as transmitted.
    Full,
}

/// What a rule asks of its target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Expect {
    /// Report where the pattern matches (something unwanted was found).
    #[default]
    Absent,
    /// Report when no value of the target matches, and when the target is absent.
    Match,
}

/// A text in the reader's languages (defined with the report, which carries
/// it for `renderReport`).
pub use crate::report::Texts;

/// Severity of a custom rule's findings (`off` is set in `options.rules`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CustomSeverity {
    Info,
    #[default]
    Warning,
    Error,
}

/// One rule of `options.customRules`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CustomRuleSpec {
    /// `namespace/name`, the namespace not one of the engine's groups: `acme/banned-words`.
    pub id: String,
    pub target: Target,
    /// The header field a `header` rule reads (case-insensitive).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub header: Option<String>,
    /// A pattern in the syntax of the Rust `regex` crate (linear-time matching).
    pub pattern: String,
    #[serde(default)]
    pub expect: Expect,
    #[serde(default)]
    pub severity: CustomSeverity,
    /// Spam points of a finding; `0` (default, ours): the rule reports without
    /// adding to the spam score, which only its author can weigh.
    #[serde(default)]
    pub score: f64,
    /// The finding's message in the reader's languages; `{match}` is the text
    /// found (or, for `"expect": "match"`, the value that did not match).
    /// Falls back to English, then to the rule id.
    #[serde(default)]
    pub message: Texts,
    /// What to do, in the reader's languages.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fix: Option<Texts>,
}
