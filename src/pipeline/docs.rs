//! What the engine says about itself: the rules reference (generated from the
//! registry), the whole catalogue of texts, and rendering of any message or
//! report in any language — so the page and the CLI never render templates
//! themselves.

use crate::i18n::{self, Entry, Locale, Msg, Param};
use crate::report::{Report, Severity};
use crate::rules::{ExampleInput, LABELS, REGISTRY};
use crate::hash::FastMap;
use std::collections::BTreeMap;
use std::sync::OnceLock;

pub use super::schema::options_schema;

/// Everything the page and the docs show about one rule, in one language.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RuleDoc {
    pub id: String,
    pub group: String,
    pub default_severity: Severity,
    /// Spam points of each finding (0 when the rule is not a spam factor).
    pub default_score: f64,
    /// The evidence for the severity: `{kind, text}` (kind: guide, rfc, receiver, measured, ours).
    pub evidence: Vec<EvidenceDoc>,
    pub summary: String,
    pub why: String,
    pub fix: String,
    pub thresholds: Vec<ThresholdDoc>,
    pub examples: Vec<ExampleDoc>,
}

/// One piece of evidence.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct EvidenceDoc {
    pub kind: &'static str,
    pub text: &'static str,
}

/// A threshold a rule reads: its option path, default, range and source.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ThresholdDoc {
    /// `thresholds.spam.subjectCapsWords`
    pub option: String,
    pub default: serde_json::Value,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
    /// What it means, with its unit, in the reader's language.
    pub doc: &'static str,
    pub evidence: EvidenceDoc,
}

/// A documented example, for display.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ExampleDoc {
    pub fails: bool,
    pub title: String,
    /// `raw`, `compose`, `phpMail` or `generated`.
    pub kind: String,
    /// The example input (raw message, compose JSON, or the `mail()` arguments as JSON);
    /// a generated example shows a description.
    pub input: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub options: Option<String>,
    /// Findings of the rule the example raises, and their severity.
    pub expected_count: usize,
    pub expected_severity: Severity,
}

/// The documentation of one threshold, in one language.
pub fn threshold_doc(threshold: &crate::settings::Threshold, locale: Locale) -> ThresholdDoc {
    use crate::settings::{Kind, Value};
    let (min, max) = match threshold.kind {
        Kind::Int { min, max, .. } => (Some(min as f64), Some(max as f64)),
        Kind::Number { min, max, .. } => (Some(min), Some(max)),
        _ => (None, None),
    };
    let default = match threshold.default_value() {
        Value::Int(n) => serde_json::json!(n),
        Value::Number(n) => serde_json::json!(n),
        Value::Flag(b) => serde_json::json!(b),
        Value::List(items) => serde_json::json!(items),
    };
    ThresholdDoc {
        option: format!("thresholds.{}", threshold.key),
        default,
        min,
        max,
        doc: threshold.doc.text(locale),
        evidence: EvidenceDoc { kind: threshold.evidence.kind(), text: threshold.evidence.text() },
    }
}

/// The catalogue of rules with their documentation, in one language.
pub fn rule_docs(locale: Locale) -> Vec<RuleDoc> {
    REGISTRY
        .iter()
        .map(|rule| RuleDoc {
            id: rule.id.to_string(),
            group: rule.group.name().to_string(),
            default_severity: rule.severity,
            default_score: rule.score,
            evidence: rule.evidence.iter().map(|e| EvidenceDoc { kind: e.kind(), text: e.text() }).collect(),
            summary: rule.texts.summary.text(locale).to_string(),
            why: rule.texts.why.text(locale).to_string(),
            fix: rule.texts.fix.text(locale).to_string(),
            thresholds: rule.thresholds.iter().map(|t| threshold_doc(t, locale)).collect(),
            examples: rule
                .examples
                .iter()
                .map(|ex| {
                    let (kind, input) = match ex.input {
                        ExampleInput::Raw(s) => ("raw", s.to_string()),
                        ExampleInput::Compose(s) => ("compose", s.to_string()),
                        ExampleInput::PhpMail { to, subject, message, headers } => (
                            "phpMail",
                            serde_json::json!({"to": to, "subject": subject, "message": message, "headers": headers})
                                .to_string(),
                        ),
                        ExampleInput::Generated(_) => ("generated", ex.title.text(locale).to_string()),
                    };
                    ExampleDoc {
                        fails: ex.fails_rule(),
                        title: ex.title.text(locale).to_string(),
                        kind: kind.to_string(),
                        input,
                        options: ex.options.map(str::to_string),
                        expected_count: ex.expect.count,
                        expected_severity: ex.expect.severity.unwrap_or(rule.severity),
                    }
                })
                .collect(),
        })
        .collect()
}

/// Every text entry: the catalogues (page, CLI, queue, SMTP, core), every
/// rule's texts and the groups' labels.
pub fn all_entries() -> impl Iterator<Item = &'static Entry> {
    i18n::all_entries()
        .chain(REGISTRY.iter().flat_map(|r| r.texts.entries()))
        .chain(LABELS.iter().flat_map(|labels| labels.iter().copied()))
}

fn index() -> &'static FastMap<&'static str, &'static Entry> {
    static INDEX: OnceLock<FastMap<&'static str, &'static Entry>> = OnceLock::new();
    INDEX.get_or_init(|| all_entries().map(|e| (e.id, e)).collect())
}

/// The entry of any message id (catalogue or rule text).
pub fn entry(id: &str) -> Option<&'static Entry> {
    index().get(id).copied()
}

/// Every text in one language, keyed by id (for pages and CLIs that show the engine's strings).
pub fn messages(locale: Locale) -> BTreeMap<&'static str, &'static str> {
    all_entries().map(|e| (e.id, e.text(locale))).collect()
}

/// The parameters of `renderMessage`, from JSON text. Each value is read alone,
/// so one that is no kind of parameter is named, where serde said only "data
/// did not match any variant of untagged enum Param".
pub fn message_params(json: &str) -> Result<BTreeMap<String, Param>, String> {
    let values: BTreeMap<String, serde_json::Value> = serde_json::from_str(json).map_err(|e| e.to_string())?;
    values
        .into_iter()
        // Read from the value in place: a copy of each had doubled the memory of
        // a parameter of 400,000 nested messages (27 MB of JSON: 834 MB of wasm memory).
        .map(|(name, value)| match <Param as serde::Deserialize>::deserialize(&value) {
            Ok(param) => Ok((name, param)),
            Err(_) => Err(format!(
                "params.{}: {} is not a parameter value: a number, a text, or an object such as {{\"megabytes\": 1000000}} (a whole number of bytes), {{\"number\": 6.5, \"decimals\": 1}}, {{\"label\": \"…\"}}, {{\"choices\": [\"…\"]}}",
                crate::hygiene::visible(&name, crate::hygiene::MAX_PARAM_CHARS),
                crate::hygiene::visible(&value.to_string(), crate::hygiene::MAX_PARAM_CHARS),
            )),
        })
        .collect()
}

/// Renders any message id with its parameters in `locale` (the one template renderer).
pub fn render_message(id: &str, params: &BTreeMap<String, Param>, locale: Locale) -> String {
    let Some(entry) = entry(id) else { return id.to_string() };
    let params: Vec<(&str, Param)> = params.iter().map(|(k, v)| (k.as_str(), v.clone())).collect();
    i18n::render_template_with(entry.text(locale), &params, locale, &self::entry)
}

/// The same report in another language: messages, fixes and written evidence
/// rendered again from their ids and parameters, without linting again.
pub fn render_report(report: &Report, locale: Locale) -> Report {
    let mut out = report.clone();
    out.locale = locale;
    for finding in &mut out.findings {
        if let Some(texts) = &finding.custom_texts {
            (finding.message, finding.fix) =
                crate::custom::findings::custom_texts_in(texts, &finding.rule_id, &finding.params, locale);
            continue;
        }
        if entry(&finding.message_id).is_some() {
            let message = render_message(&finding.message_id, &finding.params, locale);
            // The last finding a rule may give says how many more were left out (`core.more-findings`).
            let cut = more_findings(&render_message(&finding.message_id, &finding.params, report.locale), report.locale);
            finding.message = if finding.message == cut { more_findings(&message, locale) } else { message };
        }
        if entry(&finding.fix_id).is_some() {
            finding.fix = render_message(&finding.fix_id, &finding.params, locale);
        }
        if let Some(id) = finding.evidence_id.as_deref().filter(|id| entry(id).is_some()) {
            finding.evidence =
                crate::hygiene::visible(&render_message(id, &finding.params, locale), crate::rules::MAX_EVIDENCE_CHARS);
        }
    }
    out
}

/// The README's table of thresholds (`options.thresholds`): every one the
/// engine declares, grouped as the options are, with its type, default,
/// range, the rules that read it and the kind of its source. `tests/readme.rs`
/// fails when the README's copy is stale, so the README cannot lag the engine.
pub fn thresholds_table_markdown() -> String {
    use crate::settings::Kind;
    let mut thresholds = super::resolve::all_thresholds();
    thresholds.sort_by_key(|t| (t.group(), t.name()));
    let mut out = String::from("| option | type | default | range | read by | source | what it sets |\n|---|---|---|---|---|---|---|\n");
    for threshold in thresholds {
        let (kind, default, range) = match threshold.kind {
            Kind::Int { default, min, max } => ("whole number", default.to_string(), format!("{min} to {max}")),
            Kind::Number { default, min, max } => ("number", default.to_string(), format!("{min} to {max}")),
            Kind::Flag { default } => ("true or false", default.to_string(), String::new()),
            Kind::List { max_items, .. } => {
                let items = crate::settings::default_list(threshold);
                let default = match items.len() {
                    0 => "none".to_string(),
                    // A short list is shown; a long one is counted (`rules()` gives it).
                    1..=6 => items.iter().map(|i| format!("`{i}`")).collect::<Vec<_>>().join(", "),
                    n => format!("{n} built-in"),
                };
                ("list of texts", default, format!("at most {max_items} items"))
            }
        };
        let readers: Vec<String> = REGISTRY
            .iter()
            .filter(|r| r.thresholds.iter().any(|t| t.key == threshold.key))
            .map(|r| format!("`{}`", r.id))
            .collect();
        out.push_str(&format!(
            "| `{}` | {kind} | {default} | {range} | {} | {} | {} |\n",
            threshold.key,
            if readers.is_empty() { "the analysis".to_string() } else { readers.join(", ") },
            threshold.evidence.kind(),
            threshold.doc.en.replace('|', "\\|"),
        ));
    }
    out
}

/// A rule's last finding, which says how many more were left out.
fn more_findings(message: &str, locale: Locale) -> String {
    Msg::new("core.more-findings")
        .text("message", message)
        .int("limit", crate::rules::MAX_FINDINGS_PER_RULE as i64)
        .render(locale)
}

/// The README's rule table (Markdown, English), generated from the registry:
/// id, default severity, spam points, one-line summary, kinds of evidence.
pub fn rules_table_markdown() -> String {
    let mut out = String::from("| rule | severity | points | what it finds | evidence |\n|---|---|---|---|---|\n");
    for rule in REGISTRY {
        let mut kinds: Vec<&str> = Vec::new();
        for evidence in rule.evidence {
            if !kinds.contains(&evidence.kind()) {
                kinds.push(evidence.kind());
            }
        }
        let points = if rule.score == 0.0 { "—".to_string() } else { format!("{}", rule.score) };
        out.push_str(&format!(
            "| `{}` | {} | {} | {} | {} |\n",
            rule.id,
            rule.severity.as_str(),
            points,
            rule.texts.summary.en.replace('|', "\\|"),
            kinds.join(", ")
        ));
    }
    out
}
