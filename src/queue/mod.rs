//! Sending-queue simulation (SPEC §4, seeds 000/002/004 "Scripts emails" panel,
//! 001 old guide, 003 SMTP limits): what the hosting's automated-mail service
//! does with the mails scripts send, over time, on a virtual clock.
//!
//! Deterministic: no wall time, no randomness but the scenario's seed; the same
//! scenario gives the same result. Event-driven, O(n log s) for n mails and s
//! streams, no allocation per mail.

pub mod result;
pub mod scenario;

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
