//! What a rule's check sees besides the message: the settings, and where to
//! put findings. A rule writes a `Draft`; the context localises it, applies the
//! caller's overrides and adds it to the report.

use super::Rule;
use crate::hygiene::{make_visible, MAX_PARAM_CHARS};
use crate::i18n::{Msg, Param};
use crate::model::Message;
use crate::report::{Finding, Location, Severity};
use crate::settings::{RuleOverride, Settings};
use std::collections::BTreeMap;
use std::ops::Range;

/// A finding being written by a rule, before the engine localises it and applies
/// the caller's overrides.
#[derive(Debug, Clone)]
pub struct Draft {
    message: Msg,
    fix: Option<Msg>,
    evidence: String,
    /// The evidence when the engine writes it (a catalogue text, not a quote).
    evidence_message: Option<Msg>,
    location: Location,
    severity: Option<Severity>,
    score: Option<f64>,
}

/// Longest evidence quoted in a finding, in characters; longer text is shortened
/// in the middle so both ends stay visible.
pub const MAX_EVIDENCE_CHARS: usize = 200;

impl Draft {
    pub fn new(message: Msg) -> Draft {
        Draft {
            message,
            fix: None,
            evidence: String::new(),
            evidence_message: None,
            location: Location::message(),
            severity: None,
            score: None,
        }
    }
    /// A fix other than the rule's default one.
    pub fn fix(mut self, fix: Msg) -> Draft {
        self.fix = Some(fix);
        self
    }
    /// Quotes the offending text (shortened to `MAX_EVIDENCE_CHARS`).
    pub fn evidence(mut self, evidence: impl AsRef<str>) -> Draft {
        self.evidence = shorten(evidence.as_ref(), MAX_EVIDENCE_CHARS);
        self
    }
    /// An evidence the engine writes rather than quotes ("body parts: text/html"):
    /// a text of the rule, said in the reader's language, and said again by
    /// `renderReport` in another (`Finding::evidence_id`).
    pub fn evidence_message(mut self, evidence: Msg) -> Draft {
        self.evidence_message = Some(evidence);
        self
    }
    /// Quotes offending bytes, lossily decoded.
    pub fn evidence_bytes(self, bytes: &[u8]) -> Draft {
        let head = &bytes[..bytes.len().min(MAX_EVIDENCE_CHARS * 4)];
        let text = String::from_utf8_lossy(head);
        self.evidence(text)
    }
    /// Quotes the bytes `range` of the message as a reader decodes them
    /// (`Message::text_at`): a body line in the charset of its part. A long range
    /// is quoted by its two ends (`MAX_EVIDENCE_CHARS` keeps both in view).
    pub fn evidence_at(self, message: &Message, range: Range<usize>) -> Draft {
        let window = MAX_EVIDENCE_CHARS * 2;
        if range.end.saturating_sub(range.start) <= 2 * window {
            return self.evidence(message.text_at(range));
        }
        let head = message.text_at(range.start..range.start + window);
        let tail = message.text_at(range.end - window..range.end);
        self.evidence(format!("{head}\u{2026}{tail}"))
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
    /// Spam points other than the rule's (a stronger or weaker form of the factor);
    /// the values come from `rules::scores`.
    pub fn score(mut self, score: f64) -> Draft {
        self.score = Some(score);
        self
    }
}

/// Shortens `text` to at most `max` characters, eliding the middle with "…",
/// and makes control characters visible (`hygiene::visible`).
pub fn shorten(text: &str, max: usize) -> String {
    crate::hygiene::visible(text, max)
}

/// Most findings one rule may add to one report; the last one says how many were left out.
pub const MAX_FINDINGS_PER_RULE: usize = 50;

/// What a rule's check sees besides the message.
pub struct Context<'run> {
    pub settings: &'run Settings,
    rule: &'static Rule,
    overrides: RuleOverride,
    findings: &'run mut Vec<Finding>,
    emitted: usize,
    /// The message's line index and the bytes it indexes.
    lines: Option<(&'run crate::model::LineIndex, &'run [u8])>,
}

impl<'run> Context<'run> {
    /// A context for `rule`, or `None` when the options turn the rule off.
    pub(crate) fn new(
        settings: &'run Settings,
        rule: &'static Rule,
        findings: &'run mut Vec<Finding>,
        lines: Option<(&'run crate::model::LineIndex, &'run [u8])>,
    ) -> Option<Context<'run>> {
        let overrides = settings.rule_override(rule.id);
        if overrides.off {
            return None;
        }
        Some(Context { settings, rule, overrides, findings, emitted: 0, lines })
    }

    /// The rule has reported `MAX_FINDINGS_PER_RULE` findings: what it would
    /// report next is dropped, so a rule reading many items stops here.
    pub fn full(&self) -> bool {
        self.emitted >= MAX_FINDINGS_PER_RULE
    }

    pub fn locale(&self) -> crate::i18n::Locale {
        self.settings.locale
    }

    /// Adds a finding of the current rule.
    pub fn emit(&mut self, draft: Draft) {
        if self.emitted >= MAX_FINDINGS_PER_RULE {
            return;
        }
        self.emitted += 1;
        debug_assert!(
            self.rule.texts.entries().any(|e| e.id == draft.message.id)
                && draft.fix.as_ref().is_none_or(|f| self.rule.texts.entries().any(|e| e.id == f.id)),
            "{}: message {} is not one of the rule's texts",
            self.rule.id,
            draft.message.id
        );
        let locale = self.settings.locale;
        let severity = self.overrides.severity.unwrap_or(draft.severity.unwrap_or(self.rule.severity));
        let score = match severity {
            Severity::Info => 0.0,
            _ => self.overrides.score.unwrap_or(draft.score.unwrap_or(self.rule.score)),
        };
        let mut location = draft.location;
        // Message-derived names reach people: make controls visible, cap them.
        for name in [&mut location.header, &mut location.path].into_iter().flatten() {
            make_visible(name, MAX_PARAM_CHARS);
        }
        if let (Some(start), None, Some((index, raw))) = (location.start, location.line, self.lines) {
            let (line, column) = index.line_column(raw, start);
            location.line = Some(line);
            location.column = Some(column);
        }
        let mut fix = draft.fix.unwrap_or_else(|| Msg::of(self.rule.texts.fix));
        let mut message = draft.message;
        let mut evidence_message = draft.evidence_message;
        let written = fix.params.iter_mut().chain(evidence_message.iter_mut().flat_map(|e| e.params.iter_mut()));
        for (_, value) in message.params.iter_mut().chain(written) {
            if let Param::Text(text) = value {
                make_visible(text, MAX_PARAM_CHARS);
            }
        }
        // The texts are rendered first, so their parameters move into the
        // finding's instead of being copied (#14: per-finding allocation).
        let (message_text, fix_text) = (message.render(locale), fix.render(locale));
        // The fix and a written evidence are rendered again from the finding's
        // parameters too (`render_report`): theirs join the message's.
        let (evidence, evidence_id) = match &evidence_message {
            Some(evidence) => (shorten(&evidence.render(locale), MAX_EVIDENCE_CHARS), Some(evidence.id.to_string())),
            None => (draft.evidence, None),
        };
        // Inserted one by one, the last of a name kept as `collect` keeps it,
        // and a name the message's text already has not copied for the fix's
        // (#14: `collect` gathered the pairs in a vector to sort them first,
        // and `entry` took a copy of every name; callgrind, corpus pass,
        // `emit` 48.58 -> 45.34 M with the findings' room in `run_all`).
        let mut params: BTreeMap<String, Param> = BTreeMap::new();
        for (name, value) in std::mem::take(&mut message.params) {
            params.insert(name.to_string(), value);
        }
        for (name, value) in fix.params.drain(..).chain(evidence_message.into_iter().flat_map(|e| e.params)) {
            debug_assert!(
                params.get(name).is_none_or(|v| *v == value),
                "{}: parameter {name} differs between texts of one finding",
                self.rule.id
            );
            if !params.contains_key(name) {
                params.insert(name.to_string(), value);
            }
        }
        let mut finding = Finding {
            rule_id: self.rule.id.to_string(),
            severity,
            score,
            message_id: message.id.to_string(),
            message: message_text,
            params,
            evidence,
            evidence_id,
            location,
            fix_id: fix.id.to_string(),
            fix: fix_text,
            custom_texts: None,
        };
        if self.emitted == MAX_FINDINGS_PER_RULE {
            finding.message = Msg::new("core.more-findings")
                .text("message", finding.message)
                .int("limit", MAX_FINDINGS_PER_RULE as i64)
                .render(locale);
        }
        self.findings.push(finding);
    }
}
