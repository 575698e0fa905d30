//! The rule engine. A rule is one file in the folder of its group; it declares
//! its id, default severity and score, and its documented examples (run by
//! `tests/rule_examples.rs`: a failing example must raise the rule, a passing
//! one must not), and one check function that reads the analysed message.
//!
//! Text for people lives in the catalogues: a rule `group/name` has
//! `group/name.summary` (one line) and `group/name.why` (why it matters) there,
//! plus the messages and fixes its findings use.

pub mod attachments;
pub mod config;
pub mod headers;
pub mod links;
pub mod registry;
pub mod size;
pub mod spam;

use crate::i18n::{Locale, Msg, Param};
use crate::model::Message;
use crate::options::Options;
use crate::report::{Finding, Location, Severity};
use std::collections::BTreeMap;

pub use registry::REGISTRY;

/// The groups of rules, as in the rule ids.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Group {
    Size,
    Headers,
    Spam,
    Links,
    Attachments,
    Config,
}

/// The input of a documented example.
#[derive(Debug, Clone, Copy)]
pub enum ExampleInput {
    /// A raw RFC 5322 message (LF line ends are fine).
    Raw(&'static str),
    /// Compose fields as JSON (Nodemailer shape).
    Compose(&'static str),
    /// The four arguments of PHP `mail()`.
    PhpMail { to: &'static str, subject: &'static str, message: &'static str, headers: &'static str },
    /// A generated raw message, for inputs too large to write out (size rules).
    Generated(fn() -> Vec<u8>),
}

/// A documented example: `fails` examples must raise the rule, the others must not.
#[derive(Debug, Clone, Copy)]
pub struct Example {
    pub fails: bool,
    /// What the example shows, in one line (English; documentation for developers).
    pub title: &'static str,
    pub input: ExampleInput,
    /// Options for this example, as JSON (thresholds, `now`, listed IPs, SMTP settings).
    pub options: Option<&'static str>,
}

impl Example {
    pub const fn fails(title: &'static str, input: ExampleInput) -> Example {
        Example { fails: true, title, input, options: None }
    }
    pub const fn passes(title: &'static str, input: ExampleInput) -> Example {
        Example { fails: false, title, input, options: None }
    }
    pub const fn with_options(mut self, options: &'static str) -> Example {
        self.options = Some(options);
        self
    }
}

/// A rule: metadata, documentation and its check.
pub struct Rule {
    /// `group/name`, kebab-case, never renamed.
    pub id: &'static str,
    pub group: Group,
    pub default_severity: Severity,
    /// Added to the report's score by each warning or error finding.
    pub default_score: u32,
    /// Documented examples, at least one failing and one passing.
    pub examples: &'static [Example],
    pub check: fn(&Message, &mut Context),
}

impl Rule {
    /// Catalogue id of the one-line summary.
    pub fn summary_id(&self) -> String {
        format!("{}.summary", self.id)
    }
    /// Catalogue id of the explanation of why the rule matters.
    pub fn why_id(&self) -> String {
        format!("{}.why", self.id)
    }
}

impl std::fmt::Debug for Rule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Rule").field("id", &self.id).finish()
    }
}

/// A finding being written by a rule, before the engine localises it and applies
/// the caller's overrides.
#[derive(Debug, Clone)]
pub struct Draft {
    message: Msg,
    fix: Option<Msg>,
    evidence: String,
    location: Location,
    severity: Option<Severity>,
    score: Option<u32>,
}

/// Longest evidence quoted in a finding, in characters; longer text is shortened
/// in the middle so both ends stay visible.
pub const MAX_EVIDENCE_CHARS: usize = 200;

impl Draft {
    pub fn new(message: Msg) -> Draft {
        Draft { message, fix: None, evidence: String::new(), location: Location::message(), severity: None, score: None }
    }
    pub fn fix(mut self, fix: Msg) -> Draft {
        self.fix = Some(fix);
        self
    }
    /// Quotes the offending text (shortened to `MAX_EVIDENCE_CHARS`).
    pub fn evidence(mut self, evidence: impl AsRef<str>) -> Draft {
        self.evidence = shorten(evidence.as_ref(), MAX_EVIDENCE_CHARS);
        self
    }
    /// Quotes offending bytes, lossily decoded.
    pub fn evidence_bytes(self, bytes: &[u8]) -> Draft {
        let head = &bytes[..bytes.len().min(MAX_EVIDENCE_CHARS * 4)];
        let text = String::from_utf8_lossy(head);
        self.evidence(text)
    }
    pub fn at(mut self, location: Location) -> Draft {
        self.location = location;
        self
    }
    /// A severity other than the rule's default (e.g. `size/line-length` info at 78).
    pub fn severity(mut self, severity: Severity) -> Draft {
        self.severity = Some(severity);
        self
    }
    pub fn score(mut self, score: u32) -> Draft {
        self.score = Some(score);
        self
    }
}

/// Shortens `text` to at most `max` characters, eliding the middle with "…",
/// and makes control characters visible.
pub fn shorten(text: &str, max: usize) -> String {
    let visible: String = text
        .chars()
        .map(|c| match c {
            '\r' => '␍',
            '\n' => '␊',
            '\0' => '␀',
            c if c.is_control() && c != '\t' => '�',
            c => c,
        })
        .collect();
    let count = visible.chars().count();
    if count <= max {
        return visible;
    }
    let keep = max.saturating_sub(1);
    let head: String = visible.chars().take(keep - keep / 3).collect();
    let tail: String = visible.chars().skip(count - keep / 3).collect();
    format!("{head}…{tail}")
}

/// What a rule's check sees besides the message: the options, and where to put findings.
pub struct Context<'run> {
    pub options: &'run Options,
    rule: &'static Rule,
    forced: Option<Severity>,
    findings: &'run mut Vec<Finding>,
    line_index: &'run crate::model::LineIndex,
}

/// Most findings one rule may add to one report; the last one says how many were left out.
pub const MAX_FINDINGS_PER_RULE: usize = 50;

impl<'run> Context<'run> {
    pub(crate) fn new(
        options: &'run Options,
        rule: &'static Rule,
        findings: &'run mut Vec<Finding>,
        line_index: &'run crate::model::LineIndex,
    ) -> Option<Context<'run>> {
        let forced = match options.rules.get(rule.id) {
            Some(setting) => Some(setting.severity()?),
            None => None,
        };
        Some(Context { options, rule, forced, findings, line_index })
    }

    pub fn locale(&self) -> Locale {
        self.options.locale
    }

    /// Adds a finding of the current rule.
    pub fn emit(&mut self, draft: Draft) {
        let already = self.findings.iter().filter(|f| f.rule_id == self.rule.id).count();
        if already >= MAX_FINDINGS_PER_RULE {
            return;
        }
        let locale = self.options.locale;
        let severity = self.forced.unwrap_or(draft.severity.unwrap_or(self.rule.default_severity));
        let score = match severity {
            Severity::Info => 0,
            _ => draft.score.unwrap_or(self.rule.default_score),
        };
        let mut location = draft.location;
        if let (Some(start), None) = (location.start, location.line) {
            let (line, column) = self.line_index.line_column(start);
            location.line = Some(line);
            location.column = Some(column);
        }
        let fix = draft.fix.unwrap_or_else(|| Msg::new(leak_fix_id(self.rule.id)));
        let params: BTreeMap<String, Param> =
            draft.message.params.iter().map(|(k, v)| (k.to_string(), v.clone())).collect();
        let mut finding = Finding {
            rule_id: self.rule.id.to_string(),
            severity,
            score,
            message_id: draft.message.id.to_string(),
            message: draft.message.render(locale),
            params,
            evidence: draft.evidence,
            location,
            fix: fix.render(locale),
        };
        if already + 1 == MAX_FINDINGS_PER_RULE {
            finding.message = Msg::new("core.more-findings")
                .text("message", finding.message)
                .int("limit", MAX_FINDINGS_PER_RULE as i64)
                .render(locale);
        }
        self.findings.push(finding);
    }
}

/// The default fix id of a rule is `<id>.fix`; ids are static so look it up in the catalogue.
fn leak_fix_id(rule_id: &str) -> &'static str {
    let wanted = format!("{rule_id}.fix");
    crate::i18n::entry(&wanted).map(|e| e.id).unwrap_or("core.no-fix")
}

/// Runs every rule of the registry over the analysed message.
pub(crate) fn run_all(message: &Message, options: &Options) -> Vec<Finding> {
    let mut findings = Vec::new();
    for rule in REGISTRY {
        if let Some(mut cx) = Context::new(options, rule, &mut findings, &message.line_index) {
            (rule.check)(message, &mut cx);
        }
    }
    findings
}

/// Looks a rule up by id.
pub fn find(id: &str) -> Option<&'static Rule> {
    REGISTRY.iter().copied().find(|r| r.id == id)
}
