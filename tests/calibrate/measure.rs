//! Lints each labelled file and keeps what calibration reads of its report.
//! The report is read through its JSON form (the stable public shape), so the
//! tool keeps working whatever the report's Rust struct gains: the spam score
//! is `spamScore` when the report has one, `score` otherwise.

use crate::corpus::{Label, LabelledFile};
use mail_preflight::Options;
use serde_json::Value;

/// One finding, as calibration sees it.
pub struct Hit {
    pub rule: String,
    pub severity: String,
    pub message_id: String,
    pub message: String,
    pub evidence: String,
}

/// One linted message.
pub struct Sample {
    pub name: String,
    pub label: Label,
    /// `pass`, `warn`, `fail`, or `error` when the engine refused the input.
    pub verdict: String,
    pub score: f64,
    pub hits: Vec<Hit>,
    /// The engine's coded error, when it refused the input.
    pub error: Option<String>,
}

/// The report field that holds the spam score.
pub fn score_field(report: &Value) -> &'static str {
    if report.get("spamScore").is_some_and(Value::is_number) {
        "spamScore"
    } else {
        "score"
    }
}

fn text(value: &Value, key: &str) -> String {
    value.get(key).and_then(Value::as_str).unwrap_or_default().to_string()
}

/// Lints every file; returns the samples and the score field the reports used.
pub fn lint_all(files: &[LabelledFile], options: &Options) -> (Vec<Sample>, &'static str) {
    let mut field = "score";
    let samples = files
        .iter()
        .map(|file| {
            let mut sample = Sample {
                name: file.name.clone(),
                label: file.label,
                verdict: "error".to_string(),
                score: 0.0,
                hits: Vec::new(),
                error: None,
            };
            let raw = match std::fs::read(&file.path) {
                Ok(raw) => raw,
                Err(e) => {
                    sample.error = Some(format!("io: {e}"));
                    return sample;
                }
            };
            match mail_preflight::lint(&raw, options) {
                Err(e) => sample.error = Some(e.code().to_string()),
                Ok(report) => {
                    let report = serde_json::to_value(&report).unwrap_or(Value::Null);
                    field = score_field(&report);
                    sample.verdict = text(&report, "verdict");
                    sample.score = report.get(field).and_then(Value::as_f64).unwrap_or(0.0);
                    sample.hits = report
                        .get("findings")
                        .and_then(Value::as_array)
                        .map(|findings| {
                            findings
                                .iter()
                                .map(|f| Hit {
                                    rule: text(f, "ruleId"),
                                    severity: text(f, "severity"),
                                    message_id: text(f, "messageId"),
                                    message: text(f, "message"),
                                    evidence: text(f, "evidence"),
                                })
                                .collect()
                        })
                        .unwrap_or_default();
                }
            }
            sample
        })
        .collect();
    (samples, field)
}
