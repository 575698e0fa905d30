//! mail-preflight: checks an outgoing e-mail before it is sent and tells the
//! sender what a shared-hosting mail pipeline will do with it.
//!
//! ```
//! use mail_preflight::{lint, Options};
//! let report = lint(b"From: a@example.com\r\nSubject: Hello\r\n\r\nHi there\r\n", &Options::default()).unwrap();
//! assert!(report.findings.iter().all(|f| f.rule_id != "size/total"));
//! ```

pub mod fixes;
pub mod i18n;
pub mod input;
pub mod inspect;
pub mod model;
pub mod options;
pub mod queue;
pub mod report;
pub mod rules;
pub mod smtp;
pub mod grammar;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use i18n::Locale;
pub use input::{Compose, PhpMail};
pub use options::Options;
pub use report::{Finding, Location, Report, Severity, Verdict};

use model::Message;
use report::{Origin, Sizes};

/// Largest input the engine reads at all. Far above the 10 MB the host accepts,
/// so oversized messages still get a `size/total` finding; beyond it the input
/// is refused before anything is allocated for it.
pub const MAX_INPUT_BYTES: usize = 32 * 1024 * 1024;

/// Version of the engine (the crate version).
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Why the engine could not lint an input at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LintError {
    /// The input is larger than `MAX_INPUT_BYTES`.
    InputTooLarge { size: usize, limit: usize },
    /// Options that do not parse (unknown field, bad value).
    InvalidOptions(String),
    /// Compose fields or `mail()` arguments that do not make a message.
    InvalidInput(String),
}

impl LintError {
    /// The error in the reader's language.
    pub fn localized(&self, locale: Locale) -> String {
        match self {
            LintError::InputTooLarge { size, limit } => i18n::Msg::new("core.error.input-too-large")
                .megabytes("size", *size as u64)
                .megabytes("limit", *limit as u64)
                .render(locale),
            LintError::InvalidOptions(detail) => {
                i18n::Msg::new("core.error.invalid-options").text("detail", detail.clone()).render(locale)
            }
            LintError::InvalidInput(detail) => {
                i18n::Msg::new("core.error.invalid-input").text("detail", detail.clone()).render(locale)
            }
        }
    }
    /// A stable machine-readable code.
    pub fn code(&self) -> &'static str {
        match self {
            LintError::InputTooLarge { .. } => "input-too-large",
            LintError::InvalidOptions(_) => "invalid-options",
            LintError::InvalidInput(_) => "invalid-input",
        }
    }
}

impl std::fmt::Display for LintError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.localized(Locale::En))
    }
}

impl std::error::Error for LintError {}

fn check_input_size(len: usize) -> Result<(), LintError> {
    if len > MAX_INPUT_BYTES {
        return Err(LintError::InputTooLarge { size: len, limit: MAX_INPUT_BYTES });
    }
    Ok(())
}

/// Lints a raw RFC 5322 message.
pub fn lint(raw: &[u8], options: &Options) -> Result<Report, LintError> {
    check_input_size(raw.len())?;
    let message = Message::analyse(raw, Origin::Raw, Vec::new());
    Ok(report_for(&message, options, None))
}

/// Lints the message a mailer would build from compose fields (Nodemailer shape).
pub fn lint_compose(compose: &Compose, options: &Options) -> Result<Report, LintError> {
    check_input_size(compose.input_size())?;
    let rendered = compose.render()?;
    check_input_size(rendered.len())?;
    let message = Message::analyse(&rendered, Origin::Compose, compose.input_fields());
    Ok(report_for(&message, options, Some(&rendered)))
}

/// Lints the message PHP `mail(to, subject, message, additional_headers)` hands to sendmail.
pub fn lint_php_mail(call: &PhpMail, options: &Options) -> Result<Report, LintError> {
    check_input_size(call.input_size())?;
    let rendered = call.render_on(options.php.as_ref().map(|php| php.platform).unwrap_or_default());
    check_input_size(rendered.len())?;
    let message = Message::analyse(&rendered, Origin::PhpMail, call.input_fields());
    Ok(report_for(&message, options, Some(&rendered)))
}

/// Runs the rules over an analysed message and builds the report.
pub fn report_for(message: &Message, options: &Options, rendered: Option<&[u8]>) -> Report {
    let findings = rules::run_all(message, options);
    let (verdict, counts) = Report::verdict_of(&findings);
    let score = findings.iter().map(|f| f.score).fold(0u32, u32::saturating_add);
    Report {
        version: VERSION.to_string(),
        verdict,
        score,
        locale: options.locale,
        origin: message.origin,
        sizes: Sizes {
            encoded: message.raw.len() as u64,
            headers: message.header.body_start.min(message.raw.len()) as u64,
            decoded: message.decoded_size as u64,
            limit: options.thresholds.size.max_message_bytes,
        },
        counts,
        findings,
        source: rendered.map(|r| String::from_utf8_lossy(r).into_owned()),
    }
}

/// Everything the page and the docs show about one rule, in one language.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RuleDoc {
    pub id: String,
    pub group: String,
    pub default_severity: Severity,
    pub default_score: u32,
    pub summary: String,
    pub why: String,
    pub fix: String,
    pub examples: Vec<ExampleDoc>,
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
}

/// The catalogue of rules with their documentation, in one language.
pub fn rule_docs(locale: Locale) -> Vec<RuleDoc> {
    use rules::ExampleInput;
    rules::REGISTRY
        .iter()
        .map(|rule| RuleDoc {
            id: rule.id.to_string(),
            group: rule.id.split('/').next().unwrap_or_default().to_string(),
            default_severity: rule.default_severity,
            default_score: rule.default_score,
            summary: i18n::text(&rule.summary_id(), locale).to_string(),
            why: i18n::text(&rule.why_id(), locale).to_string(),
            fix: i18n::text(&format!("{}.fix", rule.id), locale).to_string(),
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
                        ExampleInput::Generated(_) => ("generated", ex.title.to_string()),
                    };
                    ExampleDoc {
                        fails: ex.fails,
                        title: ex.title.to_string(),
                        kind: kind.to_string(),
                        input,
                        options: ex.options.map(str::to_string),
                    }
                })
                .collect(),
        })
        .collect()
}

/// Every catalogue message in one language, keyed by id (for pages and CLIs
/// that show the engine's strings).
pub fn messages(locale: Locale) -> std::collections::BTreeMap<&'static str, &'static str> {
    i18n::all_entries().map(|e| (e.id, e.text(locale))).collect()
}
