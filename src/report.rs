//! The report: what the linter tells its caller. JSON field names are stable
//! camelCase; rule ids and JSON fields are never translated.

use crate::i18n::{Locale, Param};
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// How bad a finding is. `error`: the host will refuse or block the message;
/// `warning`: raises the spam risk; `info`: worth knowing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// The overall outcome: `fail` when any finding is an error or the spam score
/// reaches the spam threshold, `warn` when any finding is a warning, `pass` otherwise.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    Pass,
    Warn,
    Fail,
}

/// Which of the three inputs of SPEC §1 the message came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Origin {
    /// RFC 5322 bytes as given.
    #[default]
    Raw,
    /// Compose fields (Nodemailer shape), rendered to MIME by us.
    Compose,
    /// A PHP `mail()` call, rendered as PHP hands it to sendmail.
    PhpMail,
}

/// Where a finding is. Byte offsets index the linted message (`Report::source`
/// when the input was rendered, the input itself otherwise); `end` is exclusive.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Location {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub header: Option<String>,
    /// Index of the MIME part (0 = the message itself, depth-first order).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub part: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end: Option<usize>,
    /// 1-based line of `start` in the linted message.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// 1-based column of `start` on its line, in Unicode code points (an invalid
    /// UTF-8 sequence counts as one), as SARIF and the CLI's formats count it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
    /// A path inside an attachment, e.g. `invoice.zip > docs/run.exe`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// For an element of a part whose body is encoded (quoted-printable, base64):
    /// its byte range in the part's decoded text (`start`/`end` then cover the part).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decoded_start: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decoded_end: Option<usize>,
}

impl Location {
    /// The whole message.
    pub fn message() -> Location {
        Location::default()
    }
    /// A header field of the top-level message.
    pub fn header(name: impl Into<String>, start: usize, end: usize) -> Location {
        Location { header: Some(name.into()), start: Some(start), end: Some(end), ..Location::default() }
    }
    /// A byte range of the linted message.
    pub fn range(start: usize, end: usize) -> Location {
        Location { start: Some(start), end: Some(end), ..Location::default() }
    }
    /// A MIME part, optionally with a byte range.
    pub fn part(part: usize) -> Location {
        Location { part: Some(part), ..Location::default() }
    }
    pub fn with_part(mut self, part: usize) -> Location {
        self.part = Some(part);
        self
    }
    pub fn with_range(mut self, start: usize, end: usize) -> Location {
        self.start = Some(start);
        self.end = Some(end);
        self
    }
    pub fn with_decoded_range(mut self, start: usize, end: usize) -> Location {
        self.decoded_start = Some(start);
        self.decoded_end = Some(end);
        self
    }
    pub fn with_path(mut self, path: impl Into<String>) -> Location {
        self.path = Some(path.into());
        self
    }
}

/// One problem found in the message.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Finding {
    /// Stable rule id, `group/name`.
    pub rule_id: String,
    pub severity: Severity,
    /// Spam points this finding adds to the report's `spamScore` (0 for
    /// findings that are not spam factors, and for info findings of rules
    /// that only score their warnings).
    pub score: f64,
    /// Catalogue id of `message`, for callers that localise themselves.
    pub message_id: String,
    /// What is wrong and why it matters, in the report's language.
    pub message: String,
    /// The named parameters of the message.
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub params: std::collections::BTreeMap<String, Param>,
    /// The offending text, quoted from the message (shortened when long).
    pub evidence: String,
    /// Catalogue id of `evidence` when the engine wrote it rather than quoted
    /// it ("body parts: text/html"), rendered from `params` like `message`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence_id: Option<String>,
    pub location: Location,
    /// Catalogue id of `fix`.
    pub fix_id: String,
    /// What to do about it, in the report's language.
    pub fix: String,
    /// A rule of your own (`customRules`, `spamassassinRules`): its texts in the
    /// languages it was given, which no catalogue holds, so that `renderReport`
    /// says it in another language as `lint` would have.
    /// Shared with the compiled rule (one copy, not one per finding).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_texts: Option<Arc<CustomTexts>>,
}

/// A text in the reader's languages: `{"en": "Banned word: {match}", "fr": "…"}`
/// (a custom rule's message or fix, `options.customRules`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Texts {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub en: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fr: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub es: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pl: Option<String>,
}

/// The texts of a rule of your own, as written.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CustomTexts {
    pub message: Texts,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fix: Option<Texts>,
    /// The message is said as written (SpamAssassin's `describe`), not a template with `{match}`.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub literal: bool,
}

/// Sizes of the linted message, in bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Sizes {
    /// The message as transmitted: headers, MIME structure and encoded bodies.
    pub encoded: u64,
    /// The header block of the top-level message.
    pub headers: u64,
    /// Sum of the decoded contents of the leaf parts (text and attachments).
    pub decoded: u64,
    /// The `size/total` limit in force.
    pub limit: u64,
}

/// Number of findings per severity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Counts {
    pub error: usize,
    pub warning: usize,
    pub info: usize,
}

/// The result of linting one message.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Report {
    /// Version of the engine that wrote the report.
    pub version: String,
    pub verdict: Verdict,
    /// Sum of the findings' spam points, one decimal (SpamAssassin-style); a
    /// rule counts once (`Report::count_each_rule_once`).
    pub spam_score: f64,
    /// The spam score at which the verdict is `fail` (`options.spamThreshold`).
    pub spam_threshold: f64,
    pub locale: Locale,
    pub origin: Origin,
    pub sizes: Sizes,
    pub counts: Counts,
    pub findings: Vec<Finding>,
    /// The message as the mailer would send it, when the input was compose
    /// fields or a PHP `mail()` call: the byte offsets of the findings index it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// Largest absolute number of points one finding adds to the spam score: the
/// range options give a rule's score (`options::MAX_RULE_SCORE`).
pub const MAX_FINDING_SCORE: f64 = 1_000.0;

impl Report {
    /// Verdict and counts from the findings: `fail` on any error or when the
    /// spam score reaches the threshold, `warn` on any warning, `pass` otherwise
    /// (SPEC §3).
    pub fn verdict_of(findings: &[Finding], spam_score: f64, spam_threshold: f64) -> (Verdict, Counts) {
        let mut counts = Counts::default();
        for f in findings {
            match f.severity {
                Severity::Error => counts.error += 1,
                Severity::Warning => counts.warning += 1,
                Severity::Info => counts.info += 1,
            }
        }
        let verdict = if counts.error > 0 || spam_score >= spam_threshold {
            Verdict::Fail
        } else if counts.warning > 0 {
            Verdict::Warn
        } else {
            Verdict::Pass
        };
        (verdict, counts)
    }

    /// The findings of one rule.
    pub fn findings_of<'r>(&'r self, rule_id: &'r str) -> impl Iterator<Item = &'r Finding> + 'r {
        self.findings.iter().filter(move |f| f.rule_id == rule_id)
    }

    /// A rule is one spam factor however many findings it has (SPEC §3: "one
    /// factor alone is a warning"; a SpamAssassin rule scores once per message
    /// however often it matches): its finding with the most points keeps them
    /// (the first of equals), its other findings show 0. Two mismatched links
    /// had added 3.5 + 3.5 and failed a newsletter on one factor (#14 review of
    /// the held-out hard ham: 9 of its 89 failures).
    pub fn count_each_rule_once(findings: &mut [Finding]) {
        // Linear in the findings: up to 50 per built-in rule and 1,000 custom hits
        // over 5,000 custom rules (custom::limits), so no scan per finding.
        let mut best: std::collections::HashMap<&str, (usize, f64)> = std::collections::HashMap::new();
        for (index, finding) in findings.iter().enumerate() {
            if finding.score <= 0.0 {
                continue;
            }
            let entry = best.entry(finding.rule_id.as_str()).or_insert((index, finding.score));
            if finding.score > entry.1 {
                *entry = (index, finding.score);
            }
        }
        let mut keeps = vec![false; findings.len()];
        for (index, _) in best.into_values() {
            if let Some(keep) = keeps.get_mut(index) {
                *keep = true;
            }
        }
        for (finding, keep) in findings.iter_mut().zip(keeps) {
            if !keep && finding.score > 0.0 {
                finding.score = 0.0;
            }
        }
    }

    /// The spam score of a message's findings: each rule counted once
    /// (`count_each_rule_once`, which sets the points the findings show), then
    /// summed (`spam_score_of`).
    pub fn settle_spam_score(findings: &mut [Finding]) -> f64 {
        Self::count_each_rule_once(findings);
        Self::spam_score_of(findings)
    }

    /// Sum of spam points, rounded to one decimal as shown to people. Never
    /// negative zero: a float `sum()` of nothing is -0.0, which JSON would show
    /// as `-0.0`; adding 0.0 to the rounded total makes it (and a rounded -0.04) 0.0.
    ///
    /// Never infinite or NaN either, whatever a finding carries: each finding's
    /// points are bounded to the range of a rule's score (`MAX_FINDING_SCORE`, NaN
    /// counting 0) before the sum, so the total of any number of findings is
    /// finite (JSON has no infinity: it was written as `null`).
    pub fn spam_score_of(findings: &[Finding]) -> f64 {
        let bounded = |score: f64| {
            if score.is_nan() {
                0.0
            } else {
                score.clamp(-MAX_FINDING_SCORE, MAX_FINDING_SCORE)
            }
        };
        let total: f64 = findings.iter().map(|f| bounded(f.score)).sum();
        (total * 10.0).round() / 10.0 + 0.0
    }

    /// Whether any finding comes from `rule_id`.
    pub fn has(&self, rule_id: &str) -> bool {
        self.findings.iter().any(|f| f.rule_id == rule_id)
    }
}
