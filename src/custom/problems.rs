//! What is wrong with a custom rule, or why a SpamAssassin rule was not
//! loaded: a kind with its parameters, the rule, and where (line and column).
//! The texts are in the `core` catalogue (`core.custom.*`), in en/fr/es/pl.

use super::perl::PerlFeature;
use crate::hygiene::{visible, MAX_PARAM_CHARS};
use crate::i18n::{Locale, Msg};
use serde::Serialize;

/// What is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProblemKind {
    BadId,
    ReservedNamespace { namespace: String },
    DuplicateId,
    HeaderNameMissing,
    HeaderNameInvalid,
    HeaderNameUnused,
    ScoreOutOfRange,
    TextTooLong,
    /// `label`: the catalogue's words for the `regex` crate's error (`pattern::syntax_label`);
    /// without one (a rare kind), the crate's English `reason` is shown.
    PatternSyntax { reason: String, label: Option<&'static str> },
    PatternTooLong { size: usize, limit: usize },
    PatternTooBig { limit: usize },
    PatternNotUtf8,
    SetTooBig { limit: usize },
    /// The rules together compile past `MAX_COMPILED_RULES_BYTES`.
    RulesTooBig { limit: usize },
    Perl(PerlFeature),
    LineNotUtf8,
    Malformed,
    Delimiters,
    Eval,
    RuleType { kind: String },
    HeaderField { field: String },
    HeaderModifier { modifier: String },
    /// `include FILE`: another file, which a preflight of one text cannot read.
    Include,
    /// A line whose first word is no SpamAssassin setting this reader knows.
    UnknownSetting { keyword: String },
    MetaSyntax,
    MetaTooDeep,
    /// More tokens than `MAX_META_TOKENS`.
    MetaTooLong,
    /// A `rules_matching()` past `MAX_META_GLOB_NAMES` or `MAX_META_GLOB_STEPS`.
    MetaGlobLimit,
    MetaUnknown { name: String },
    MetaRefused { name: String },
    MetaCycle { path: String },
    NotRun { flag: String },
    TooManyRules { count: usize, limit: usize },
    /// The SpamAssassin rules from this one on (`count` of them) are past `MAX_RULES`: not loaded.
    RulesPastLimit { count: usize, limit: usize },
    RulesTextTooLong { size: usize, limit: usize },
    /// Not JSON: the problem's line and column say where it stops being JSON
    /// (serde_json's own reason is English, so it is not said).
    Json,
    /// A rule of `customRules` whose fields do not read (a field missing, of
    /// the wrong type…): said as the options' own refusals are.
    Spec(crate::error::Invalid),
    /// `customRules` given, but not a list.
    RulesNotList,
    /// The text checked is neither a list of rules nor an object with `customRules`.
    RulesShape,
    /// JSON nested deeper than `error::MAX_JSON_DEPTH`.
    JsonTooDeep,
}

impl ProblemKind {
    /// A stable key, to group refusals by reason (`perl.look-around`, `eval`, `rule-type.mimeheader`).
    pub fn key(&self) -> String {
        match self {
            ProblemKind::Perl(feature) => format!("perl.{}", feature.key()),
            ProblemKind::RuleType { kind } => format!("rule-type.{kind}"),
            ProblemKind::HeaderField { field } => format!("header-field.{field}"),
            ProblemKind::HeaderModifier { modifier } => format!("header-modifier.{modifier}"),
            ProblemKind::NotRun { flag } => format!("not-run.{flag}"),
            other => other.entry_id().trim_start_matches("core.custom.").to_string(),
        }
    }

    fn entry_id(&self) -> &'static str {
        match self {
            ProblemKind::BadId => "core.custom.bad-id",
            ProblemKind::ReservedNamespace { .. } => "core.custom.reserved-namespace",
            ProblemKind::DuplicateId => "core.custom.duplicate-id",
            ProblemKind::HeaderNameMissing => "core.custom.header-missing",
            ProblemKind::HeaderNameInvalid => "core.custom.header-invalid",
            ProblemKind::HeaderNameUnused => "core.custom.header-unused",
            ProblemKind::ScoreOutOfRange => "core.custom.score-range",
            ProblemKind::TextTooLong => "core.custom.text-too-long",
            ProblemKind::PatternSyntax { .. } => "core.custom.pattern-syntax",
            ProblemKind::PatternTooLong { .. } => "core.custom.pattern-too-long",
            ProblemKind::PatternTooBig { .. } => "core.custom.pattern-too-big",
            ProblemKind::PatternNotUtf8 => "core.custom.pattern-not-utf8",
            ProblemKind::SetTooBig { .. } => "core.custom.set-too-big",
            ProblemKind::RulesTooBig { .. } => "core.custom.rules-too-big",
            ProblemKind::Perl(_) => "core.custom.perl",
            ProblemKind::LineNotUtf8 => "core.custom.line-not-utf8",
            ProblemKind::Malformed => "core.custom.malformed",
            ProblemKind::Delimiters => "core.custom.delimiters",
            ProblemKind::Eval => "core.custom.eval",
            ProblemKind::RuleType { .. } => "core.custom.rule-type",
            ProblemKind::HeaderField { .. } => "core.custom.header-field",
            ProblemKind::HeaderModifier { .. } => "core.custom.header-modifier",
            ProblemKind::Include => "core.custom.include",
            ProblemKind::UnknownSetting { .. } => "core.custom.unknown-setting",
            ProblemKind::MetaSyntax => "core.custom.meta-syntax",
            ProblemKind::MetaTooDeep => "core.custom.meta-too-deep",
            ProblemKind::MetaTooLong => "core.custom.meta-too-long",
            ProblemKind::MetaGlobLimit => "core.custom.meta-glob-limit",
            ProblemKind::MetaUnknown { .. } => "core.custom.meta-unknown",
            ProblemKind::MetaRefused { .. } => "core.custom.meta-refused",
            ProblemKind::MetaCycle { .. } => "core.custom.meta-cycle",
            ProblemKind::NotRun { .. } => "core.custom.not-run",
            ProblemKind::TooManyRules { .. } => "core.custom.too-many-rules",
            ProblemKind::RulesPastLimit { .. } => "core.custom.rules-past-limit",
            ProblemKind::RulesTextTooLong { .. } => "core.custom.rules-text-too-long",
            ProblemKind::Json | ProblemKind::Spec(_) => "core.custom.json",
            ProblemKind::RulesNotList => "core.custom.rules-not-list",
            ProblemKind::RulesShape => "core.custom.rules-shape",
            ProblemKind::JsonTooDeep => "core.custom.json-too-deep",
        }
    }
}

/// A problem of one rule (or of the whole rule set when `rule` is empty).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The rule's id, SpamAssassin name, or `customRules[i]`.
    pub rule: String,
    /// 1-based line in the SpamAssassin text, or in the JSON text of `checkCustomRules`.
    pub line: Option<usize>,
    /// 1-based column, in characters, of the problem (in its line, or in the pattern when there is no line).
    pub column: Option<usize>,
    pub kind: ProblemKind,
    /// For a rule of `customRules`: its index and the field the problem is in
    /// (`id`, `header`, `pattern`, `score`, `message`).
    pub index: Option<usize>,
    pub field: Option<&'static str>,
    /// The character the message names ("not valid at character 4"), when
    /// `column` was moved to a position in another text (the editor's JSON).
    pub at_character: Option<usize>,
}

impl Problem {
    /// `rule` as written in the rule file, made visible: a name or id refused
    /// for its characters is quoted in the problem, never a control of it.
    pub fn new(rule: &str, kind: ProblemKind) -> Problem {
        let rule = visible(rule, MAX_PARAM_CHARS);
        Problem { rule, line: None, column: None, kind, index: None, field: None, at_character: None }
    }
    /// In field `field` of rule `index` of `customRules`.
    pub fn in_rule(mut self, index: usize, field: &'static str) -> Problem {
        self.index = Some(index);
        self.field = Some(field);
        self
    }
    /// At a 1-based line and a 0-based byte column in `text` (the line).
    pub fn at_in(mut self, line: usize, text: &str, byte_column: usize) -> Problem {
        self.line = Some(line);
        self.column = Some(char_column(text, byte_column));
        self
    }
    /// At a 1-based line, column unknown beyond `byte_column` (ASCII assumed).
    pub fn at(mut self, line: usize, byte_column: usize) -> Problem {
        self.line = Some(line);
        self.column = Some(byte_column + 1);
        self
    }
    /// At a 1-based column (characters) of the rule's pattern.
    pub fn at_column(mut self, column: usize) -> Problem {
        self.column = Some(column);
        self
    }

    /// The problem in the reader's language.
    pub fn message(&self, locale: Locale) -> String {
        self.msg().render(locale)
    }

    /// The problem as a message id and parameters, to say in any language
    /// (an `invalid-options` error holds them: `Param::Messages`).
    pub fn msg(&self) -> Msg {
        let id = self.kind.entry_id();
        let column = self.at_character.or(self.column).unwrap_or(1);
        let mut msg = match &self.kind {
            ProblemKind::Spec(invalid) => invalid.message(crate::error::Subject::Options),
            _ => Msg::new(id).text("rule", self.rule.clone()).int("column", column),
        };
        // Words quoted from the rule file, made visible as the rule's name is.
        let shown = |text: &String| visible(text, MAX_PARAM_CHARS);
        msg = match &self.kind {
            ProblemKind::ReservedNamespace { namespace } => msg.text("namespace", shown(namespace)),
            ProblemKind::ScoreOutOfRange => msg.int("limit", crate::options::MAX_RULE_SCORE as i64),
            ProblemKind::TextTooLong => msg.int("limit", super::limits::MAX_TEXT_BYTES),
            ProblemKind::PatternSyntax { label: Some(label), .. } => msg.label_id("reason", label),
            ProblemKind::PatternSyntax { reason, label: None } => msg.text("reason", shown(reason)),
            ProblemKind::PatternTooLong { size, limit }
            | ProblemKind::TooManyRules { count: size, limit }
            | ProblemKind::RulesPastLimit { count: size, limit }
            | ProblemKind::RulesTextTooLong { size, limit } => {
                msg.int("size", *size).int("count", *size).int("limit", *limit)
            }
            ProblemKind::PatternTooBig { limit } | ProblemKind::SetTooBig { limit } | ProblemKind::RulesTooBig { limit } => {
                msg.int("limit", *limit)
            }
            ProblemKind::Perl(feature) => msg.label_id("feature", feature_entry(*feature)),
            ProblemKind::RuleType { kind } => msg.text("kind", shown(kind)),
            ProblemKind::HeaderField { field } => msg.text("field", shown(field)),
            ProblemKind::HeaderModifier { modifier } => msg.text("modifier", shown(modifier)),
            ProblemKind::MetaTooDeep => msg.int("limit", super::limits::MAX_META_DEPTH),
            ProblemKind::MetaTooLong => msg.int("limit", super::limits::MAX_META_TOKENS),
            ProblemKind::MetaGlobLimit => msg.int("limit", super::limits::MAX_META_GLOB_NAMES),
            ProblemKind::JsonTooDeep => msg.int("limit", crate::error::MAX_JSON_DEPTH as i64),
            ProblemKind::MetaUnknown { name } | ProblemKind::MetaRefused { name } => msg.text("name", shown(name)),
            ProblemKind::MetaCycle { path } => msg.text("path", shown(path)),
            ProblemKind::NotRun { flag } => msg.text("flag", shown(flag)),
            ProblemKind::UnknownSetting { keyword } => msg.text("keyword", shown(keyword)),
            _ => msg,
        };
        match self.line {
            Some(line) => Msg::new("core.custom.at-line").int("line", line).messages("problem", vec![msg.nested()]),
            None => msg,
        }
    }
}

fn feature_entry(feature: PerlFeature) -> &'static str {
    match feature {
        PerlFeature::LookAround => "core.custom.perl.look-around",
        PerlFeature::BackReference => "core.custom.perl.back-reference",
        PerlFeature::PossessiveQuantifier => "core.custom.perl.possessive-quantifier",
        PerlFeature::AtomicGroup => "core.custom.perl.atomic-group",
        PerlFeature::Recursion => "core.custom.perl.recursion",
        PerlFeature::Conditional => "core.custom.perl.conditional",
        PerlFeature::EmbeddedCode => "core.custom.perl.embedded-code",
        PerlFeature::BranchReset => "core.custom.perl.branch-reset",
        PerlFeature::BacktrackingVerb => "core.custom.perl.backtracking-verb",
        PerlFeature::ContinueAnchor => "core.custom.perl.continue-anchor",
        PerlFeature::KeepOut => "core.custom.perl.keep-out",
        PerlFeature::CaseEscape => "core.custom.perl.case-escape",
        PerlFeature::UnicodeProperty => "core.custom.perl.unicode-property",
        PerlFeature::UnicodeName => "core.custom.perl.unicode-name",
    }
}

/// The 1-based character column of byte `offset` in `text`.
pub fn char_column(text: &str, offset: usize) -> usize {
    let mut end = offset.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text[..end].chars().count() + 1
}

/// A problem as the page and the npm API see it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ProblemReport {
    pub rule: String,
    /// Stable key of the reason (`perl.look-around`, `pattern-syntax`, …).
    pub reason: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
    /// Index of the rule in `customRules`, when it is one of them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub index: Option<usize>,
    /// Which field the problem is in: `id`, `header`, `pattern`, `score`, `message`, `spamassassinRules`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    pub message: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_problem_has_a_text_in_every_language() {
        let kinds = [
            ProblemKind::BadId,
            ProblemKind::Perl(PerlFeature::LookAround),
            ProblemKind::MetaCycle { path: "A → B → A".into() },
            ProblemKind::Json,
            ProblemKind::Spec(crate::error::Invalid::from_serde("missing field `target`", "customRules[0]")),
            ProblemKind::JsonTooDeep,
            ProblemKind::MetaTooDeep,
            ProblemKind::MetaTooLong,
            ProblemKind::MetaGlobLimit,
            ProblemKind::RulesNotList,
            ProblemKind::RulesShape,
            ProblemKind::Include,
            ProblemKind::RulesPastLimit { count: 1, limit: 5_000 },
            ProblemKind::RulesPastLimit { count: 5_001, limit: 5_000 },
            ProblemKind::UnknownSetting { keyword: "frobnicate".into() },
            ProblemKind::PatternSyntax { reason: "unclosed group".into(), label: Some("core.custom.regex.group-unclosed") },
        ];
        for kind in kinds {
            for locale in Locale::ALL {
                let text = Problem::new("acme/x", kind.clone()).at(3, 4).message(locale);
                assert!(!text.contains("core.custom") && !text.contains('{'), "{locale:?}: {text}");
            }
        }
    }

    #[test]
    fn perl_feature_labels_are_said_as_written_with_single_braces() {
        for (feature, written) in [
            (PerlFeature::BackReference, "\\g{…}"),
            (PerlFeature::EmbeddedCode, "(?{…})"),
            (PerlFeature::UnicodeProperty, "\\p{…}"),
            (PerlFeature::UnicodeName, "\\N{…}"),
        ] {
            for locale in Locale::ALL {
                let text = Problem::new("X", ProblemKind::Perl(feature)).at(1, 0).message(locale);
                assert!(text.contains(written) && !text.contains("{{"), "{locale:?}: {text}");
            }
        }
    }
}
