//! The scenario: what the simulation is given. Field names are camelCase in
//! JSON; unknown fields are refused so a typo is an error, not a silent default.
//!
//! Times are seconds on a virtual clock: `start` is Unix seconds (UTC) and every
//! other time (`streams[].start`, `actions[].at`, `until`) is seconds after it.

use crate::i18n::Locale;
use serde::{Deserialize, Serialize};

/// 2026-03-02T00:00:00Z, a Monday: the default origin of the virtual clock.
pub const DEFAULT_START: i64 = 1_772_409_600;

/// A simulation input.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct Scenario {
    /// Origin of the virtual clock, Unix seconds (UTC). Days (for "sent today",
    /// the history and the daily error report) are UTC days.
    pub start: i64,
    /// Seconds to simulate after `start`. Without it the simulation runs until
    /// every mail is settled (held mails included: at most 72 h after the last
    /// one) and the last daily report is out; mails still held at `until` end
    /// as `pending`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub until: Option<u64>,
    /// Seed of the deterministic generator (the phase of each stream's bounce schedule).
    pub seed: u64,
    /// Language of the notifications and messages in the result.
    pub locale: Locale,
    /// The hosting's domain, for the abuse notice "Abuse with your hosting <domain>".
    pub domain: String,
    /// The starting point: the provider API's service object.
    pub service: ServiceSnapshot,
    /// The error log so far (provider API shape); never reset, only appended to.
    pub error_log: Vec<ErrorLogEntry>,
    /// Volume per day so far (provider API shape).
    pub history: Vec<HistoryEntry>,
    pub thresholds: QueueThresholds,
    pub streams: Vec<Stream>,
    /// User actions at given times.
    pub actions: Vec<ScheduledAction>,
}

impl Default for Scenario {
    fn default() -> Self {
        Scenario {
            start: DEFAULT_START,
            until: None,
            seed: 0,
            locale: Locale::En,
            domain: "example.com".to_string(),
            service: ServiceSnapshot::default(),
            error_log: Vec::new(),
            history: Vec::new(),
            thresholds: QueueThresholds::default(),
            streams: Vec::new(),
            actions: Vec::new(),
        }
    }
}

/// Service states as the provider's API names them (`ok` is our `active`,
/// `ko` our `disabled`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ApiState {
    #[default]
    Ok,
    Ko,
    Force,
    Bounce,
    Spam,
    Purging,
}

/// The provider API's service object: `{ state, sent, sentToday, bounce, maxPerDay, email }`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct ServiceSnapshot {
    pub state: ApiState,
    /// Total mails sent since the hosting was created.
    pub sent: u64,
    /// Mails sent today (reset at midnight).
    pub sent_today: u64,
    /// Total mails returned in error since the hosting was created.
    pub bounce: u64,
    /// Daily sending cap; mails over it wait in the queue for the next day.
    pub max_per_day: u64,
    /// Recipient of the daily error report.
    pub email: String,
}

/// Default daily cap. The guides give none; the only sending rate they state is
/// the SMTP path's 300 mails per hour per IP (seed 003), so a day at that rate,
/// 300 × 24 = 7,200, is the default. An API snapshot carries the real value.
pub const DEFAULT_MAX_PER_DAY: u64 = 7_200;

impl Default for ServiceSnapshot {
    fn default() -> Self {
        ServiceSnapshot {
            state: ApiState::Ok,
            sent: 0,
            sent_today: 0,
            bounce: 0,
            max_per_day: DEFAULT_MAX_PER_DAY,
            email: "webmaster@example.com".to_string(),
        }
    }
}

/// One entry of the error log (provider API shape).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct ErrorLogEntry {
    /// ISO 8601 date and time (UTC), e.g. `2026-03-02T10:15:00Z`.
    pub date: String,
    /// The SMTP reply the remote server gave.
    pub message: String,
    pub to: String,
}

/// Mails sent on one day (provider API shape).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct HistoryEntry {
    /// ISO 8601 date, e.g. `2026-03-02`.
    pub date: String,
    pub volume: u64,
}

/// How a stream's script sends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Transport {
    /// PHP `mail()`: goes through the hosting's queue, states and counters.
    #[default]
    Mail,
    /// A script speaking SMTP to a mail server: not managed or counted by the
    /// panel (guides), limited to 200 mails/h per account and 300/h per IP (seed 003).
    Smtp,
}

/// What the host makes of a stream's message, when declared instead of linted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DeclaredVerdict {
    /// An ordinary mail.
    Clean,
    /// Judged spam by the host's robots.
    Spam,
    /// Refused at submission (too large).
    Refused,
}

/// Mails a script sends: `count` mails (or `rate` per hour for `duration`
/// seconds) spread evenly from `start`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct Stream {
    pub name: String,
    /// Seconds after the scenario start of the first mail.
    pub start: u64,
    /// Seconds over which the mails are spread.
    pub duration: u64,
    /// Mails per hour (used when `count` is absent).
    pub rate: f64,
    /// Exactly this many mails, spread over `duration`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub count: Option<u64>,
    /// Share of the mails returned in error, 0 to 1 (exact, spread evenly).
    pub bounce_share: f64,
    pub transport: Transport,
    /// SMTP login (SMTP transport: 200 mails/h per account).
    pub account: String,
    /// Sending IP (SMTP transport: 300 mails/h per IP).
    pub ip: String,
    /// What the host makes of the message; overrides `message`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verdict: Option<DeclaredVerdict>,
    /// A real raw message: linted once for the whole stream.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    /// Domain of the recipients, for the error log's `to`.
    pub recipient_domain: String,
    /// The reply a returned mail carries in the error log.
    pub bounce_reply: String,
}

impl Default for Stream {
    fn default() -> Self {
        Stream {
            name: String::new(),
            start: 0,
            duration: 0,
            rate: 0.0,
            count: None,
            bounce_share: 0.0,
            transport: Transport::Mail,
            account: "contact@example.com".to_string(),
            ip: "192.0.2.10".to_string(),
            verdict: None,
            message: None,
            recipient_domain: "example.net".to_string(),
            bounce_reply: "550 5.1.1 Recipient address rejected: User unknown".to_string(),
        }
    }
}

/// A user action (the panel's buttons; the API's `BLOCK | UNBLOCK | PURGE`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Action {
    #[serde(alias = "BLOCK")]
    Block,
    #[serde(alias = "UNBLOCK")]
    Unblock,
    #[serde(alias = "PURGE")]
    Purge,
    /// Change the recipient of the daily error report (`email`).
    ChangeRecipient,
}

/// An action the user takes at a given time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ScheduledAction {
    /// Seconds after the scenario start.
    pub at: u64,
    pub action: Action,
    /// New report recipient, for `changeRecipient`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
}

/// Thresholds of the simulation. Numbers from the guides say so; the others are
/// our defaults (the guides give none) with the reasoning next to them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct QueueThresholds {
    /// Guides: mails generated after a block are kept "72 hours maximum".
    pub retention_seconds: u64,
    /// Old guide (seed 001): purging "takes between 5 and 10 minutes". Default
    /// 10 min, the upper bound, so a plan built on the simulation is never optimistic.
    pub purge_seconds: u64,
    /// Guides: after unblocking, "wait a few minutes". Default 5 min.
    pub unblock_delay_seconds: u64,
    /// "Too many mails sent very quickly" → `disabled`: more than this many
    /// mails within `burstWindowSeconds`. Default 100 per 60 s: twenty times the
    /// SMTP path's 300/h (5 per minute), far above any contact form, well
    /// below a script looping over a list.
    pub burst_max_mails: u64,
    pub burst_window_seconds: u64,
    /// "A percentage of mails returned in error" → `bounce`: errors / sent over
    /// the last `bounceWindowMails` mails above this ratio. Default 10 %: bulk
    /// senders treat 5–10 % as a list problem; the upper end keeps an occasional
    /// mistyped address on a small form from blocking it. Doubled in `force`.
    pub bounce_ratio: f64,
    /// Default 100 mails: the ratio is judged on recent mails, not on a
    /// lifetime total that an old hosting would never move.
    pub bounce_window_mails: u64,
    /// No ratio is judged on fewer mails (default 20), so 1 error in 3 mails
    /// does not block a quiet form.
    pub bounce_min_mails: u64,
    /// "Too many mails returned in error" → `disabled`: more than this many
    /// errors within one hour (default 50), whatever the ratio: a large volume
    /// at a ratio under the bounce threshold still floods the error log.
    pub max_errors_per_hour: u64,
    /// Spam mails sent before the security robots block (→ `spam` + abuse
    /// notice). Default 10: one message misjudged by a filter is not an attack;
    /// a bot hitting a form sends hundreds.
    pub spam_mails_before_block: u64,
    /// Rule-id prefixes whose error makes a linted message spam (SPEC §3: a
    /// `fail` verdict from spam rules).
    pub spam_rule_prefixes: Vec<String>,
    /// Held mails put back into distribution per minute after an unblock.
    /// Default 60: one a second stays under the burst threshold.
    pub redistribution_per_minute: u64,
    /// Old guide (seed 001): "the service resumes when you send the next mail".
    /// When true, held mails wait for the next new mail after an unblock.
    pub resume_on_next_mail: bool,
    /// Seed 003, reply 555: 200 mails per hour per account on the SMTP path.
    pub smtp_per_account_per_hour: u64,
    /// Seed 003, reply 555: 300 mails per hour per IP on the SMTP path.
    pub smtp_per_ip_per_hour: u64,
    /// Width of the chart buckets; automatic (at most 500 buckets) when absent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bucket_seconds: Option<u64>,
}

impl Default for QueueThresholds {
    fn default() -> Self {
        QueueThresholds {
            retention_seconds: 72 * 3600,
            purge_seconds: 600,
            unblock_delay_seconds: 300,
            burst_max_mails: 100,
            burst_window_seconds: 60,
            bounce_ratio: 0.10,
            bounce_window_mails: 100,
            bounce_min_mails: 20,
            max_errors_per_hour: 50,
            spam_mails_before_block: 10,
            spam_rule_prefixes: vec!["spam/".to_string(), "links/".to_string(), "attachment/".to_string()],
            redistribution_per_minute: 60,
            resume_on_next_mail: false,
            smtp_per_account_per_hour: 200,
            smtp_per_ip_per_hour: 300,
            bucket_seconds: None,
        }
    }
}
