//! SMTP reply explainer (SPEC §5, seed 003) and SMTP settings check (SPEC §2
//! Sending configuration).

pub mod codes;
pub mod enhanced;
pub mod reply;
pub mod settings;

pub use reply::{class_of, explain, explain_with_settings, parse, ParsedReply, MAX_REPLY_BYTES, MAX_REPLY_LINES};
pub use settings::{check_settings, check_settings_owned};

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
    /// Localized meaning of subject.detail when the IANA registry enumerates it
    /// and the reply's text bears it out (X.1.10 and X.7.27 a null MX, X.7.9 a
    /// weak AUTH mechanism, X.7.29 ARC, X.7.30 REQUIRETLS: servers send these
    /// codes for other causes).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// The code is enumerated in the IANA registry, and by which document.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
}

/// What the explanation rests on, most specific first: the enhanced code (RFC
/// 3463, IANA registry), the server's own words when they name a cause, the
/// basic reply code (the guide's table), or only its first digit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Basis {
    Enhanced,
    Text,
    Code,
    Class,
}

/// A cause the server's own text names ("rejected as spam", "mailbox full").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NamedCause {
    /// Stable id: `spam`, `virus`, `not-rfc5322`, `bare-linefeed`, `listed`, `permanently-deferred`, `expired`,
    /// `reverse-dns`, `sending-blocked`, `size`, `full`, `sender-login`, `sender`, `host-unknown`, `disabled`,
    /// `unknown-user`, `loop`, `auth-required`, `rate`, `greylisting`, `authentication`, `login`,
    /// `relay`, `tls`, `starttls-misuse`, `reputation`, `helo`, `duplicate-header`, `internal-only`,
    /// `inbound-server`, `forwarding-blocked`, `organization-block`, `recipient-block`.
    pub id: String,
    pub meaning: String,
    pub action: String,
}

/// The guide's table entry for the basic reply code (seed 003).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GuideEntry {
    pub meaning: String,
    pub action: String,
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
    /// The code is in the guide's table (211–555).
    pub known: bool,
    /// Localized meaning, from the most specific `basis`.
    pub meaning: String,
    /// Localized action to take, from the same basis.
    pub action: String,
    pub basis: Basis,
    /// Localized: what the explanation rests on ("From the enhanced status code 5.3.4 (IANA registry)").
    pub basis_text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub enhanced: Option<EnhancedCode>,
    /// The cause the server's own text names, when it names one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cause: Option<NamedCause>,
    /// The guide's table entry for the basic code, when it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub guide: Option<GuideEntry>,
    /// Rule ids (or groups ending with `/`) of this linter that explain or prevent the reply.
    pub related_rules: Vec<String>,
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
