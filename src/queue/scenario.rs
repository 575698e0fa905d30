//! The scenario: what the simulation is given. Field names are camelCase in
//! JSON; unknown fields are refused so a typo is an error, not a silent default.
//! Every number has a documented range (`limits.rs`); out of range is an
//! `invalid-scenario` error naming the field.
//!
//! The provider API's snapshot loads as it is: `service` (GET
//! `/hosting/web/{serviceName}/email`), `bounces` (GET `…/email/bounces`, the
//! error log) and `volumes` (GET `…/email/volumes`, the history), with
//! `takenAt`, the moment it was read (SPEC §4; types `hosting.web.email`,
//! `hosting.web.mail.Bounce`, `hosting.web.mail.VolumeHistory` of
//! https://ca.api.ovh.com/1.0/hosting/web.json: date-times, `email`,
//! `message`, `to` and `volume` nullable).
//!
//! Times are seconds on a virtual clock: `start` is Unix seconds (or a
//! date-time) and every other time (`streams[].start`, `actions[].at`,
//! `until`) is seconds after it.

use super::lenient;
use crate::i18n::Locale;
use serde::{Deserialize, Serialize};

/// 2026-03-02T00:00:00+01:00 (Europe/Paris), a Monday: the default origin of the virtual clock.
pub const DEFAULT_START: i64 = 1_772_406_000;

/// A simulation input.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct Scenario {
    /// Origin of the virtual clock: Unix seconds or a date-time. Default:
    /// `takenAt`, else the local midnight of the first logged mail, else 2026-03-02 00:00 local.
    #[serde(deserialize_with = "lenient::instant", skip_serializing_if = "Option::is_none")]
    pub start: Option<When>,
    /// When the snapshot (`service`, `bounces`, `volumes`) was read: its
    /// `sentToday` belongs to that day. Default: `start`.
    #[serde(deserialize_with = "lenient::instant", skip_serializing_if = "Option::is_none")]
    pub taken_at: Option<When>,
    /// Seconds to simulate after `start`. Without it the simulation runs until
    /// every mail is settled and the last daily report is out; mails still held
    /// at `until` end as `pending`.
    #[serde(deserialize_with = "lenient::whole_opt", skip_serializing_if = "Option::is_none")]
    pub until: Option<u64>,
    /// Seed of the deterministic generator (the phase of each stream's bounce schedule).
    #[serde(deserialize_with = "lenient::whole")]
    pub seed: u64,
    /// Language of the notifications and messages in the result.
    pub locale: Locale,
    /// IANA time zone of the day boundary ("sent today", history, daily report).
    /// Default `Europe/Paris`, the provider's (ours: the guides name none).
    pub time_zone: String,
    /// The hosting's domain, for the abuse notice "Abuse with your hosting <domain>".
    pub domain: String,
    /// The starting point: the provider API's service object.
    pub service: ServiceSnapshot,
    /// The error log so far (API `bounces`); never reset, only appended to.
    #[serde(alias = "bounces")]
    pub error_log: Vec<ErrorLogEntry>,
    /// Volume per day so far (API `volumes`).
    #[serde(alias = "volumes")]
    pub history: Vec<HistoryEntry>,
    pub thresholds: QueueThresholds,
    pub streams: Vec<Stream>,
    /// User actions at given times.
    pub actions: Vec<ScheduledAction>,
    /// What the owner asks (the answers' inputs).
    pub questions: Questions,
    /// The field names as the input wrote them (the API's `bounces` and
    /// `volumes`, or ours), so that errors name what the user wrote.
    #[serde(skip)]
    pub spelling: Spelling,
}

/// What the input wrote: how it spelled the aliased fields, and whether it gave
/// the lifetime counter `service.sent` (a partial snapshot may leave it out).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Spelling {
    pub bounces: bool,
    pub volumes: bool,
    pub service_sent: bool,
}

impl Scenario {
    /// `errorLog`, or `bounces` when the input wrote that.
    pub fn error_log_field(&self) -> &'static str {
        if self.spelling.bounces { "bounces" } else { "errorLog" }
    }

    /// `history`, or `volumes` when the input wrote that.
    pub fn history_field(&self) -> &'static str {
        if self.spelling.volumes { "volumes" } else { "history" }
    }
}

impl Default for Scenario {
    fn default() -> Self {
        Scenario {
            start: None,
            taken_at: None,
            until: None,
            seed: 0,
            locale: Locale::En,
            time_zone: super::tz::DEFAULT_TIME_ZONE.to_string(),
            domain: "example.com".to_string(),
            service: ServiceSnapshot::default(),
            error_log: Vec::new(),
            history: Vec::new(),
            thresholds: QueueThresholds::default(),
            streams: Vec::new(),
            actions: Vec::new(),
            questions: Questions::default(),
            spelling: Spelling::default(),
        }
    }
}

/// A moment: Unix seconds, or a date-time read in the scenario's time zone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum When {
    Seconds(i64),
    Text(String),
}

/// States of the sending service, named as the provider's API names them
/// (`hosting.web.mail.StateEnum`). The panel shows `ok` as "Active" and `ko`
/// as "Disabled" (seed 002: green "Activé"/"Force", red "Désactivé"/"Bounce"/"SPAM");
/// `active` and `disabled` are accepted on input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize)]
pub enum State {
    #[default]
    #[serde(rename = "ok", alias = "active")]
    Active,
    #[serde(rename = "force")]
    Force,
    #[serde(rename = "ko", alias = "disabled")]
    Disabled,
    #[serde(rename = "bounce")]
    Bounce,
    #[serde(rename = "spam")]
    Spam,
    /// The old guide's "depuración" (seed 001): a purge under way.
    #[serde(rename = "purging")]
    Purging,
}

/// The provider API's service object (`hosting.web.email`):
/// `{ state, sent, sentToday, bounce, maxPerDay, email }`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct ServiceSnapshot {
    pub state: State,
    /// Total mails sent since the hosting was created: the mails sent today
    /// and those returned in error are among them (seed 002), so neither
    /// `sentToday` nor `bounce` can be larger (`limits::check`). Left out of
    /// a partial snapshot, it reads 0 and bounds nothing.
    #[serde(deserialize_with = "lenient::whole")]
    pub sent: u64,
    /// Mails sent today (reset at midnight).
    #[serde(deserialize_with = "lenient::whole")]
    pub sent_today: u64,
    /// Total mails returned in error since the hosting was created.
    #[serde(deserialize_with = "lenient::whole")]
    pub bounce: u64,
    /// Daily sending cap. Absent: 7,200 (ours, see `DEFAULT_MAX_PER_DAY`).
    #[serde(deserialize_with = "lenient::whole_opt")]
    pub max_per_day: Option<u64>,
    /// Recipient of the daily error report (nullable in the API).
    pub email: Option<String>,
}

/// Default daily cap (ours). The guides give none; the only sending rate they
/// state is the SMTP path's 300 mails per hour per IP (seed 003), so a day at
/// that rate, 300 × 24 = 7,200, is the default. An API snapshot carries the real value.
pub const DEFAULT_MAX_PER_DAY: u64 = 7_200;

impl Default for ServiceSnapshot {
    fn default() -> Self {
        ServiceSnapshot {
            state: State::Active,
            sent: 0,
            sent_today: 0,
            bounce: 0,
            max_per_day: None,
            email: Some("webmaster@example.com".to_string()),
        }
    }
}

/// One entry of the error log (API `hosting.web.mail.Bounce`; all nullable).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct ErrorLogEntry {
    /// Date-time, e.g. `2026-03-02T10:15:00+01:00`.
    pub date: Option<String>,
    /// The SMTP reply the remote server gave.
    pub message: Option<String>,
    pub to: Option<String>,
}

/// Mails sent on one day (API `hosting.web.mail.VolumeHistory`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct HistoryEntry {
    /// The day, as a date-time (local midnight) or a date.
    pub date: String,
    #[serde(deserialize_with = "lenient::whole_opt")]
    pub volume: Option<u64>,
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
/// seconds) spread evenly from `start`; or the mails of a send `log`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct Stream {
    pub name: String,
    /// Seconds after the scenario start of the first mail.
    #[serde(deserialize_with = "lenient::whole")]
    pub start: u64,
    /// Seconds over which the mails are spread.
    #[serde(deserialize_with = "lenient::whole")]
    pub duration: u64,
    /// Mails per hour (used when `count` is absent).
    pub rate: f64,
    /// Exactly this many mails, spread over `duration`.
    #[serde(deserialize_with = "lenient::whole_opt", skip_serializing_if = "Option::is_none")]
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
    /// A real raw message: classified (linted) once for the whole stream.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    /// A send log to replay, CSV or JSON lines (time, recipient, status or SMTP
    /// reply): one mail per line, at its logged time (`sendlog.rs`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub log: Option<String>,
    /// Seconds after the scenario start of the first logged mail (the others
    /// keep their spacing). Absent: the mails keep their logged times.
    #[serde(deserialize_with = "lenient::whole_opt", skip_serializing_if = "Option::is_none")]
    pub log_start: Option<u64>,
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
            log: None,
            log_start: None,
            recipient_domain: "example.net".to_string(),
            bounce_reply: "550 5.1.1 Recipient address rejected: User unknown".to_string(),
        }
    }
}

/// A user action: the panel's buttons, named as the API's
/// `hosting.web.mail.ActionEnum` (`BLOCK | UNBLOCK | PURGE`); the recipient
/// change is the API's `PUT /hosting/web/{serviceName}/email {email}`, written
/// `CHANGE_RECIPIENT` here. Lower-case names are accepted on input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Action {
    #[serde(rename = "BLOCK", alias = "block")]
    Block,
    #[serde(rename = "UNBLOCK", alias = "unblock")]
    Unblock,
    #[serde(rename = "PURGE", alias = "purge")]
    Purge,
    /// Change the recipient of the daily error report (`email`).
    #[serde(rename = "CHANGE_RECIPIENT", alias = "changeRecipient")]
    ChangeRecipient,
}

/// An action the user takes at a given time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ScheduledAction {
    /// Seconds after the scenario start.
    #[serde(deserialize_with = "lenient::whole")]
    pub at: u64,
    pub action: Action,
    /// New report recipient, for `CHANGE_RECIPIENT`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
}

/// How the error ratio of "Bounce" is measured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum RatioBasis {
    /// The guides' ratio "e-mails retournés en erreur / nombre total d'envoi
    /// d'e-mails envoyés" (seed 002): lifetime counters, the snapshot's included.
    #[default]
    Total,
    /// Ours: the last `bounceWindowMails` mails only.
    Recent,
}

/// Thresholds of the simulation. Numbers from the guides say so; the others are
/// our defaults (the guides give none) with the reasoning next to them, and
/// each is listed in the result's `assumptions` with the range to expect.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct QueueThresholds {
    /// Guides: mails generated after a block are kept "72 hours maximum".
    #[serde(deserialize_with = "lenient::whole")]
    pub retention_seconds: u64,
    /// Old guide (seed 001): purging "takes between 5 and 10 minutes"; the
    /// current guides: an action may take "several tens of minutes". Default
    /// 10 min (ours), expect 5 to 40 min.
    #[serde(deserialize_with = "lenient::whole")]
    pub purge_seconds: u64,
    /// Guides: after unblocking, "wait a few minutes" ("several tens of
    /// minutes" in some cases). Default 5 min (ours), expect 5 to 40 min.
    #[serde(deserialize_with = "lenient::whole")]
    pub unblock_delay_seconds: u64,
    /// "Too many mails sent very quickly" → `ko`: more than this many mails
    /// within `burstWindowSeconds`. Default 100 per 60 s (ours): twenty times
    /// the SMTP path's 300/h (5 per minute), far above any contact form, well
    /// below a script looping over a list.
    #[serde(deserialize_with = "lenient::whole")]
    pub burst_max_mails: u64,
    #[serde(deserialize_with = "lenient::whole")]
    pub burst_window_seconds: u64,
    /// "A percentage of mails returned in error" → `bounce`. Default 10 %
    /// (ours): bulk senders treat 5–10 % as a list problem; the upper end keeps
    /// an occasional mistyped address on a small form from blocking it.
    /// Doubled in `force` (guides).
    pub bounce_ratio: f64,
    /// What the ratio is measured on (default: the guides' total).
    pub bounce_ratio_basis: RatioBasis,
    /// `recent` basis: the last this many mails (default 100, ours).
    #[serde(deserialize_with = "lenient::whole")]
    pub bounce_window_mails: u64,
    /// No ratio is judged on fewer mails sent (default 20, ours), so 1 error
    /// in 3 mails does not block a new hosting's quiet form.
    #[serde(deserialize_with = "lenient::whole")]
    pub bounce_min_mails: u64,
    /// "Too many mails returned in error" → `ko`: more than this many errors
    /// within one hour (default 50, ours), whatever the ratio.
    #[serde(deserialize_with = "lenient::whole")]
    pub max_errors_per_hour: u64,
    /// Spam mails sent before the security robots block (→ `spam` + abuse
    /// notice). Default 10 (ours): one message misjudged by a filter is not an
    /// attack; a bot hitting a form sends hundreds.
    #[serde(deserialize_with = "lenient::whole")]
    pub spam_mails_before_block: u64,
    /// Rule-id prefixes whose error makes a linted message spam (SPEC §3: a
    /// `fail` verdict from spam rules).
    pub spam_rule_prefixes: Vec<String>,
    /// Held mails put back into distribution per minute after an unblock.
    /// Default 60 (ours): one a second stays under the burst threshold.
    #[serde(deserialize_with = "lenient::whole")]
    pub redistribution_per_minute: u64,
    /// Old guide (seed 001): "the service resumes when you send the next mail".
    /// When true, held mails wait for the next new mail after an unblock.
    pub resume_on_next_mail: bool,
    /// Seed 003, reply 555: 200 mails per hour per account on the SMTP path.
    #[serde(deserialize_with = "lenient::whole")]
    pub smtp_per_account_per_hour: u64,
    /// Seed 003, reply 555: 300 mails per hour per IP on the SMTP path.
    #[serde(deserialize_with = "lenient::whole")]
    pub smtp_per_ip_per_hour: u64,
    /// Width of the chart buckets; automatic (at most 500 buckets) when absent.
    #[serde(deserialize_with = "lenient::whole_opt", skip_serializing_if = "Option::is_none")]
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
            bounce_ratio_basis: RatioBasis::Total,
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

/// The owner's questions: how long `mails` mails take at the highest steady rate.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct Questions {
    /// Default: the mails of the scenario's `mail()` streams that are not spam.
    #[serde(deserialize_with = "lenient::whole_opt", skip_serializing_if = "Option::is_none")]
    pub mails: Option<u64>,
}
