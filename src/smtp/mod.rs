//! SMTP reply explainer (SPEC §5, seed 003) and SMTP settings check (SPEC §2
//! Sending configuration).

pub mod codes;
pub mod reply;
pub mod settings;

pub use reply::{class_of, explain, parse, ParsedReply, MAX_REPLY_BYTES, MAX_REPLY_LINES};
pub use settings::check_settings;

use crate::i18n::Locale;
use crate::options::SmtpSettings;
use crate::report::{Finding, Verdict};
use serde::{Deserialize, Serialize};

/// The class of a reply, from its first digit (RFC 5321 §4.2.1, seed 003).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum ReplyClass {
    /// 2xx: the requested action was completed.
    Success,
    /// 3xx: accepted, more information expected.
    Intermediate,
    /// 4xx: not done, the condition is temporary — retry later.
    Transient,
    /// 5xx: not done — do not repeat the same request.
    Permanent,
    /// Not a reply code we can read.
    Unknown,
}

/// The RFC 3463 enhanced status code `class.subject.detail`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EnhancedCode {
    /// As written, e.g. `5.1.1`.
    pub code: String,
    /// Localized meaning of the class digit (2 success, 4 persistent transient, 5 permanent).
    pub class: String,
    /// Localized meaning of the subject (RFC 3463 §3: addressing, mailbox, mail system, …).
    pub subject: String,
    /// Localized meaning of subject.detail when RFC 3463 defines it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
}

/// What an SMTP reply means and what to do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SmtpExplanation {
    pub locale: Locale,
    /// The three-digit reply code, when the text starts with one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<u16>,
    pub class: ReplyClass,
    /// Localized meaning of the class ("permanent failure: do not retry").
    pub class_meaning: String,
    /// Whether retrying the same request later can succeed (4xx).
    pub retry: bool,
    /// The code is in the guide's table (211–555); otherwise meaning and action come from the class.
    pub known: bool,
    /// Localized meaning of the code.
    pub meaning: String,
    /// Localized action to take.
    pub action: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub enhanced: Option<EnhancedCode>,
    /// The server's own text, continuation lines joined with a newline.
    pub text: String,
    /// Localized problem with the input (empty reply, no code), if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub problem: Option<String>,
}

/// The `config/*` rules run over SMTP settings alone.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SmtpSettingsCheck {
    pub locale: Locale,
    pub settings: SmtpSettings,
    pub verdict: Verdict,
    pub findings: Vec<Finding>,
}
