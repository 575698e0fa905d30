//! Sending-queue simulation (SPEC §4, seeds 000/002/004 "Scripts emails" panel,
//! 001 old guide, 003 SMTP limits): what the hosting's automated-mail service
//! does with the mails scripts send, over time, on a virtual clock.
//!
//! Deterministic: no wall time, no randomness but the scenario's seed; the same
//! scenario gives the same result. Event-driven, O(n log s) for n mails and s
//! streams, no allocation per mail.

mod clock;
pub mod engine;
pub mod result;
pub mod scenario;

pub use clock::{iso_date, iso_datetime};
pub use engine::{actions_offered, sends, simulate, transition_allowed};

pub use result::{
    AppliedAction, Cause, Counters, LintSummary, MailKind, MailRecord, Notification, NotificationKind, Outcome,
    OutcomeSummary, RejectedAction, Series, SimulationResult, State, StateChange, StreamSummary,
};
pub use scenario::{
    Action, ApiState, DeclaredVerdict, ErrorLogEntry, HistoryEntry, QueueThresholds, Scenario, ScheduledAction,
    ServiceSnapshot, Stream, Transport,
};

/// A worked example scenario, shipped with the engine (README "Queue simulation scenarios").
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Preset {
    pub id: &'static str,
    /// The scenario as JSON.
    pub json: &'static str,
}

/// The three worked examples: a quiet contact form, a bot attack on a form
/// without captcha, a newsletter to a stale list.
pub fn presets() -> &'static [Preset] {
    const PRESETS: &[Preset] = &[
        Preset { id: "quiet-contact-form", json: include_str!("presets/quiet-contact-form.json") },
        Preset { id: "bot-attack", json: include_str!("presets/bot-attack.json") },
        Preset { id: "stale-newsletter", json: include_str!("presets/stale-newsletter.json") },
    ];
    PRESETS
}

/// Why a scenario cannot be simulated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScenarioError {
    /// The JSON does not parse or has unknown fields.
    Json(String),
    /// A value out of range.
    Invalid(String),
    TooManyMails { count: u64, limit: u64 },
    TooManyStreams { count: usize, limit: usize },
    TooManyActions { count: usize, limit: usize },
    /// A stream's message could not be linted (too large), with the reason.
    Message(String),
}

impl ScenarioError {
    /// A stable machine-readable code.
    pub fn code(&self) -> &'static str {
        match self {
            ScenarioError::Json(_) => "invalid-scenario",
            ScenarioError::Invalid(_) => "invalid-scenario",
            ScenarioError::TooManyMails { .. } => "too-many-mails",
            ScenarioError::TooManyStreams { .. } => "too-many-streams",
            ScenarioError::TooManyActions { .. } => "too-many-actions",
            ScenarioError::Message(_) => "invalid-message",
        }
    }

    /// The error in the reader's language.
    pub fn localized(&self, locale: crate::Locale) -> String {
        use crate::i18n::Msg;
        match self {
            ScenarioError::Json(detail) | ScenarioError::Invalid(detail) => {
                Msg::new("queue.error.invalid").text("detail", detail.clone()).render(locale)
            }
            ScenarioError::TooManyMails { count, limit } => {
                Msg::new("queue.error.too-many-mails").int("count", *count).int("limit", *limit).render(locale)
            }
            ScenarioError::TooManyStreams { count, limit } => {
                Msg::new("queue.error.too-many-streams").int("count", *count).int("limit", *limit).render(locale)
            }
            ScenarioError::TooManyActions { count, limit } => {
                Msg::new("queue.error.too-many-actions").int("count", *count).int("limit", *limit).render(locale)
            }
            ScenarioError::Message(detail) => {
                Msg::new("queue.error.message").text("detail", detail.clone()).render(locale)
            }
        }
    }
}

impl std::fmt::Display for ScenarioError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.localized(crate::Locale::En))
    }
}

impl std::error::Error for ScenarioError {}

impl Scenario {
    /// A scenario from JSON, unknown fields refused.
    pub fn from_json(json: &str) -> Result<Scenario, ScenarioError> {
        serde_json::from_str(json).map_err(|e| ScenarioError::Json(e.to_string()))
    }
}

/// Parses and runs a scenario given as JSON (the CLI and the bindings).
pub fn simulate_json(json: &str) -> Result<SimulationResult, ScenarioError> {
    simulate(&Scenario::from_json(json)?)
}
