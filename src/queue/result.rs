//! The simulation result. Compact by design: a million mails do not become a
//! million JSON entries. Per-mail outcomes are given as counts plus the mail ids
//! as ranges (`[first, last]`, at most `MAX_RANGES_PER_OUTCOME` per outcome), a
//! detailed sample of the first `MAX_SAMPLE_MAILS` mails, and on request the
//! `MailTable` (one row per mail, as columns, for a virtualised list).
//!
//! States and actions are written as the provider API writes them (`ok`, `ko`,
//! `force`, `bounce`, `spam`, `purging`; `BLOCK`, `UNBLOCK`, `PURGE`), in the
//! API-shaped objects (`service`, `history`, `errorLog`) and everywhere else.

use super::answers::Answers;
use super::scenario::{Action, ErrorLogEntry, HistoryEntry, RatioBasis, ServiceSnapshot, State, Transport};
use crate::report::{Severity, Verdict};
use serde::{Deserialize, Serialize};

/// Most id ranges listed per outcome; `truncated` tells when more exist.
pub const MAX_RANGES_PER_OUTCOME: usize = 50;
/// Mails described one by one in `mails` (the first ones, in id order).
pub const MAX_SAMPLE_MAILS: usize = 200;
/// Newest error-log entries kept in the result (the panel shows "the latest
/// mails in error"); `errorLogTotal` counts them all.
pub const MAX_ERROR_LOG_ENTRIES: usize = 100;
/// Most buckets of the chart series.
pub const MAX_BUCKETS: usize = 500;
/// Most findings listed per stream's lint summary.
pub const MAX_LINT_FINDINGS: usize = 20;

/// What became of one mail. Every mail ends in exactly one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Outcome {
    /// Sent as soon as it was generated.
    Delivered,
    /// Sent, then returned in error.
    Bounced,
    /// Held in the queue (red state or daily cap), sent later.
    HeldThenDelivered,
    /// Held, sent later, returned in error.
    HeldThenBounced,
    /// Held for 72 h and dropped.
    Expired,
    /// Deleted from the queue by a purge.
    Purged,
    /// Refused at submission: too large, or an SMTP limit (with the reply).
    Refused,
    /// Still held when the simulation stopped (`until`).
    Pending,
}

impl Outcome {
    pub const ALL: [Outcome; 8] = [
        Outcome::Delivered,
        Outcome::Bounced,
        Outcome::HeldThenDelivered,
        Outcome::HeldThenBounced,
        Outcome::Expired,
        Outcome::Purged,
        Outcome::Refused,
        Outcome::Pending,
    ];
    /// Index in `ALL` (the byte of the mail table's `outcome` column).
    pub fn code(self) -> u8 {
        Outcome::ALL.iter().position(|o| *o == self).unwrap_or(0) as u8
    }
    /// The mail left the hosting (counted in "sent").
    pub fn is_sent(self) -> bool {
        matches!(self, Outcome::Delivered | Outcome::Bounced | Outcome::HeldThenDelivered | Outcome::HeldThenBounced)
    }
    /// The mail spent time in the queue (and then left, expired or was purged).
    pub fn was_held(self) -> bool {
        matches!(self, Outcome::HeldThenDelivered | Outcome::HeldThenBounced | Outcome::Expired | Outcome::Purged)
    }
    /// The mail came back in error (counted in "errors").
    pub fn is_error(self) -> bool {
        matches!(self, Outcome::Bounced | Outcome::HeldThenBounced)
    }
    /// The mail never reached anyone: expired, purged or refused.
    pub fn is_lost(self) -> bool {
        matches!(self, Outcome::Expired | Outcome::Purged | Outcome::Refused)
    }
}

/// Why the state changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Cause {
    /// The user clicked "block".
    Block,
    /// The unblock delay ("a few minutes") elapsed.
    Unblock,
    /// The user clicked "purge".
    Purge,
    /// The purge finished.
    PurgeDone,
    /// Too many mails too fast.
    TooFast,
    /// Too many mails returned in error.
    TooManyErrors,
    /// The error ratio went over the threshold.
    BounceRatio,
    /// Mails judged spam were sent.
    Spam,
}

/// The mail that tripped an automatic change.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Trigger {
    /// Mail id (ids follow the order of generation).
    pub mail: u64,
    /// Index of its stream in `streams`.
    pub stream: usize,
    pub stream_name: String,
    /// Its recipient (a logged mail) or its recipients' domain.
    pub recipient: String,
}

/// What an automatic change measured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum MeasureKind {
    /// Mails sent within `windowSeconds` against `burstMaxMails`.
    Burst,
    /// Errors within one hour against `maxErrorsPerHour`.
    ErrorsPerHour,
    /// Errors over mails sent against `bounceRatio` (doubled in force).
    Ratio,
    /// Spam mails sent since the last purge against `spamMailsBeforeBlock`.
    SpamMails,
}

/// The measured value against the threshold: "14 errors in the last 100 mails (14 %), limit 10 %".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Measure {
    pub kind: MeasureKind,
    /// Mails (burst, spam) or errors (ratio, errors per hour) counted.
    pub value: u64,
    /// Ratio: the mails sent it is measured on.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub of: Option<u64>,
    /// The limit: a count, or a ratio 0–1 (already doubled in force).
    pub threshold: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub window_seconds: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub basis: Option<RatioBasis>,
    /// Burst: how many of the mails counted were held mails put back into
    /// distribution (absent when none were). They count with the new mails:
    /// the guides' « trop d'e-mails ont été émis très rapidement » makes no
    /// exception for them (seed 002).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub redistributed: Option<u64>,
}

/// When a delayed change is expected: the simulated moment, and the range the
/// guides allow ("a few minutes", "5 to 10 minutes", "several tens of minutes").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Expected {
    pub earliest: i64,
    pub latest: i64,
}

/// One state change, with the actions the new state offers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct StateChange {
    /// Unix seconds.
    pub at: i64,
    pub from: State,
    pub to: State,
    pub cause: Cause,
    /// Localized: what happened, with the mail and the measure.
    pub message: String,
    /// Localized: what to do now.
    pub advice: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub trigger: Option<Trigger>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub measure: Option<Measure>,
    pub actions: Vec<Action>,
}

/// Why an action was not applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum RejectReason {
    /// The state does not offer it (e.g. unblock in `spam`).
    NotOffered,
    /// A change is already under way (unblock delay).
    InProgress,
    /// SPAM again: the purge goes through support.
    Support,
}

/// A scheduled action the state did not offer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RejectedAction {
    pub at: i64,
    pub action: Action,
    pub state: State,
    pub reason: RejectReason,
    pub message: String,
}

/// An action accepted, and when it takes effect.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AppliedAction {
    pub at: i64,
    pub action: Action,
    pub state: State,
    /// When the resulting state change happens in the simulation; null when a
    /// later action cancelled it before then (see `superseded`).
    pub effective_at: Option<i64>,
    /// The range to expect in reality (the guides' wording; see `assumptions`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expected: Option<Expected>,
    /// A later action that cancelled this one while it was still in progress
    /// (a purge clicked during an unblock's delay): it never took effect.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub superseded: Option<Superseded>,
}

/// The action that cancelled an applied one in progress, and the sentence that says so.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Superseded {
    pub at: i64,
    pub by: Action,
    pub message: String,
}

/// Mails the hosting sends to its customer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum NotificationKind {
    /// "Abuse with your hosting <domain>", sent by the security robots with the `spam` state.
    AbuseNotice,
    /// The daily report of mails returned in error, sent the next day.
    DailyErrorReport,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Notification {
    pub at: i64,
    pub kind: NotificationKind,
    /// The report recipient at that time; `null` when the service gives none
    /// (the API's `email` is nullable): the page and the CLI say so in words.
    pub to: Option<String>,
    /// Localized subject.
    pub subject: String,
    /// Errors listed (daily report) — 0 for the abuse notice.
    pub errors: u64,
    /// The day the report covers (daily report), local date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub day: Option<String>,
}

/// Mail ids of one outcome.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OutcomeSummary {
    pub outcome: Outcome,
    pub count: u64,
    /// Runs of consecutive mail ids, `[first, last]` inclusive.
    pub ranges: Vec<[u64; 2]>,
    /// More ranges exist than listed.
    pub truncated: bool,
}

/// One finding of a stream's message.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LintFinding {
    pub rule_id: String,
    pub severity: Severity,
    /// Localized, in the scenario's language.
    pub message: String,
}

/// The result of classifying (linting) a stream's message once.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LintSummary {
    pub verdict: Verdict,
    /// The report's spam score.
    pub score: f64,
    /// Rules with an error finding.
    pub errors: Vec<String>,
    /// The findings (at most `MAX_LINT_FINDINGS`, errors first).
    pub findings: Vec<LintFinding>,
    /// Why the mails are returned in error (kind `returned`): the rules whose
    /// errors receivers refuse, said in the scenario's language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub returned: Option<String>,
}

/// How the host treats a stream's mails.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum MailKind {
    Clean,
    Spam,
    /// Refused at submission (too large).
    Refused,
    /// Accepted by the hosting, refused by the receivers: every mail comes
    /// back in error (SPEC §3 `error`: "a refusal or block is known to
    /// happen"), and counts like any bounce toward the Bounce ratio (seed 002:
    /// « un pourcentage d'e-mails renvoyés en erreur »).
    Returned,
}

/// Per-stream totals.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct StreamSummary {
    pub name: String,
    pub transport: Transport,
    pub mails: u64,
    /// First and last mail id of the stream (ids are given in order of generation).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ids: Option<[u64; 2]>,
    pub kind: MailKind,
    /// Present when the stream carried a message and no declared verdict.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lint: Option<LintSummary>,
    /// The stream replays a send log.
    pub logged: bool,
    /// The reply its returned mails carry.
    pub bounce_reply: String,
    /// The reply its refused mails get (too large, or the SMTP path's hourly limits).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub refused_reply: Option<String>,
    /// Count per outcome (outcomes with zero mails left out).
    pub outcomes: std::collections::BTreeMap<Outcome, u64>,
}

/// One mail, in detail (the sample).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MailRecord {
    pub id: u64,
    pub stream: usize,
    /// When the script generated it (Unix seconds).
    pub created: i64,
    pub outcome: Outcome,
    /// When its outcome was settled.
    pub settled: i64,
    /// SMTP reply for refused and returned mails.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reply: Option<String>,
}

/// Every mail as columns (row = mail id), for a list of a million rows.
/// Times are seconds after `start`. Built on request only (`simulate_with_mails`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct MailTable {
    pub outcome: Vec<u8>,
    pub stream: Vec<u16>,
    pub created: Vec<u32>,
    pub settled: Vec<u32>,
}

/// Panel counters for the simulated span.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Counters {
    /// Mails generated by all streams (up to `until` when it is given).
    pub mails: u64,
    /// Through `mail()` (the panel's counters) — sent during the simulation.
    pub sent: u64,
    /// Returned in error during the simulation.
    pub errors: u64,
    /// Mails judged spam that left the hosting.
    pub spam_sent: u64,
    /// Mails that spent time in the queue.
    pub held: u64,
    pub expired: u64,
    pub purged: u64,
    pub refused: u64,
    pub pending: u64,
    /// SMTP path (not counted by the panel): accepted, refused by the hourly limits, returned.
    pub smtp_accepted: u64,
    pub smtp_refused: u64,
    pub smtp_bounced: u64,
    /// Largest queue length seen.
    pub max_queue: u64,
    /// Longest time a mail spent in the queue, in seconds: over the 72 h
    /// retention only for a mail an Unblock clicked within its 72 h released.
    pub longest_hold_seconds: u64,
    /// Seconds spent in a red state (`ko`, `bounce`, `spam`).
    pub red_seconds: u64,
    /// Times the service went to SPAM (the snapshot's state included).
    pub spam_episodes: u32,
}

/// Chart series, one value per bucket of `bucketSeconds` from `start`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Series {
    pub start: i64,
    pub bucket_seconds: u64,
    /// Queue length at the end of each bucket.
    pub queue: Vec<u64>,
    pub generated: Vec<u64>,
    pub sent: Vec<u64>,
    pub errors: Vec<u64>,
    /// Expired, purged and refused mails.
    pub dropped: Vec<u64>,
}

/// Where a value of the simulation comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Source {
    /// A number the guides state (with the quote's id).
    Guide,
    /// Our default: the guides give none.
    Ours,
    /// Given by the scenario (or its API snapshot).
    Scenario,
}

/// One value the simulation relies on, where it comes from, and what to expect in reality.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Assumption {
    /// The scenario field (`thresholds.purgeSeconds`, `service.maxPerDay`, `timeZone`).
    pub field: String,
    /// The value used.
    pub value: serde_json::Value,
    pub source: Source,
    /// The range a user should expect, in the field's unit, when the guides give one or we can.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expected: Option<[f64; 2]>,
    /// `value` in the reader's language with its unit ("72 h", "100 mails in 60 s", "10%").
    pub shown: String,
    /// `expected` in the reader's language with its unit ("5–40 min").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expected_shown: Option<String>,
    /// Localized explanation with the guide's words or our reasoning.
    pub note: String,
}

/// Everything the simulation tells.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SimulationResult {
    pub version: String,
    pub start: i64,
    pub end: i64,
    /// The IANA zone of the day boundary, and the tz database it comes from.
    pub time_zone: String,
    pub tzdata: String,
    /// The final service object, provider API shape.
    pub service: ServiceSnapshot,
    /// The final state (as `service.state`).
    pub state: State,
    /// Actions the final state offers.
    pub actions: Vec<Action>,
    pub counters: Counters,
    pub outcomes: Vec<OutcomeSummary>,
    pub streams: Vec<StreamSummary>,
    pub timeline: Vec<StateChange>,
    pub applied_actions: Vec<AppliedAction>,
    pub rejected_actions: Vec<RejectedAction>,
    pub notifications: Vec<Notification>,
    /// Input history plus the simulated days (provider API shape).
    pub history: Vec<HistoryEntry>,
    /// Newest entries (input log plus simulated errors), provider API shape.
    pub error_log: Vec<ErrorLogEntry>,
    pub error_log_total: u64,
    pub series: Series,
    pub mails: Vec<MailRecord>,
    /// Every value the run relies on, guide or ours, with the range to expect.
    pub assumptions: Vec<Assumption>,
    /// The owner's questions answered.
    pub answers: Answers,
}
