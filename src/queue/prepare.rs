//! From a scenario to a plan the event loop runs: ranges checked, the clock's
//! origin and zone resolved, the snapshot's day placed, each stream's mails
//! counted and scheduled, each message classified once.

use super::clock::iso_date;
use super::error::{Problem, ScenarioError};
use super::limits::{self, MAX_LOG_LINES, MAX_SCENARIO_MAILS, MAX_SPAN_SECONDS};
use super::result::{LintSummary, MailKind};
use super::scenario::{DeclaredVerdict, Scenario, Stream, Transport, When, DEFAULT_MAX_PER_DAY, DEFAULT_START};
use super::sendlog::{self, SendLog};
use super::tz::Zone;
use super::Classifier;

/// When a stream's mails are generated.
pub enum Schedule {
    /// `count` mails spread evenly over `duration` seconds from `start`.
    Even { start: i64, duration: u64 },
    /// A send log: each mail at its logged time, shifted by `shift` seconds.
    Logged { log: SendLog, shift: i64 },
}

/// A stream ready to run: its mail count, timing, kind and bounce schedule,
/// and its running totals.
pub struct PreparedStream {
    pub count: u64,
    pub schedule: Schedule,
    pub kind: MailKind,
    pub transport: Transport,
    pub bounce_share: f64,
    pub bounce_phase: f64,
    pub account: usize,
    pub ip: usize,
    pub lint: Option<LintSummary>,
    /// The reply receivers give to every mail of a `Returned` stream (from its lint).
    pub returned_reply: Option<String>,
    pub next_index: u64,
    pub first_id: Option<u64>,
    pub outcomes: [u64; 8],
}

impl PreparedStream {
    /// Unix seconds of mail `index`.
    pub fn time_of(&self, index: u64) -> i64 {
        match &self.schedule {
            Schedule::Even { start, duration } => {
                if self.count <= 1 {
                    return *start;
                }
                let offset = (index as u128 * *duration as u128) / self.count as u128;
                start + offset as i64
            }
            Schedule::Logged { log, shift } => log.times.get(index as usize).map_or(0, |t| t + shift),
        }
    }

    /// Whether mail `index` comes back in error. Generated streams use an exact
    /// error-diffusion schedule: mail `i` comes back when the running total
    /// `i × share + phase` crosses an integer, so any `n` consecutive mails hold
    /// `n × share` errors within one. Every mail of a `Returned` stream.
    pub fn bounces(&self, index: u64) -> bool {
        // Receivers refuse the message itself: every mail comes back.
        if self.kind == MailKind::Returned {
            return true;
        }
        if let Schedule::Logged { log, .. } = &self.schedule {
            return log.errors.get(index as usize).copied().unwrap_or(false);
        }
        if self.bounce_share <= 0.0 {
            return false;
        }
        let before = (index as f64 * self.bounce_share + self.bounce_phase).floor();
        let after = ((index + 1) as f64 * self.bounce_share + self.bounce_phase).floor();
        after > before
    }

    /// The logged recipient and reply of mail `index` (a logged mail in error).
    pub fn logged_detail(&self, index: u64) -> Option<(&str, &str)> {
        match &self.schedule {
            Schedule::Logged { log, .. } => log.detail(index),
            Schedule::Even { .. } => None,
        }
    }
}

/// Everything the event loop needs, resolved.
pub struct Plan<'s> {
    pub scenario: &'s Scenario,
    pub zone: Zone,
    pub start: i64,
    pub max_per_day: u64,
    /// The report recipient (`service.email`); `None` when the snapshot gives none.
    pub recipient: Option<String>,
    /// "Sent today" at the start (0 when the snapshot was taken on an earlier day).
    pub sent_today: u64,
    /// The input history by local date (a volume of null unknown), with the
    /// snapshot's day added when it is over.
    pub history: Vec<(String, Option<u64>)>,
    pub streams: Vec<PreparedStream>,
    /// The end the user asked for (`until`).
    pub until: Option<i64>,
    /// No event can happen after this (the upper bound of the run, and of the charts).
    pub horizon: i64,
    pub total_mails: u64,
}

/// SplitMix64: the seeded generator (a fixed, portable sequence).
pub fn splitmix64(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

fn intern(names: &mut Vec<String>, name: &str) -> usize {
    match names.iter().position(|n| n == name) {
        Some(i) => i,
        None => {
            names.push(name.to_string());
            names.len() - 1
        }
    }
}

/// Checks and resolves a scenario.
pub fn prepare<'s>(scenario: &'s Scenario, classifier: &dyn Classifier) -> Result<Plan<'s>, ScenarioError> {
    limits::check(scenario)?;
    let zone = limits::zone_of(scenario)?;
    let start_given = scenario.start.as_ref().map(|w| limits::instant("start", w, &zone)).transpose()?;
    let taken_given = scenario.taken_at.as_ref().map(|w| limits::instant("takenAt", w, &zone)).transpose()?;

    let mut logs: Vec<Option<SendLog>> = Vec::with_capacity(scenario.streams.len());
    let mut lines = 0u64;
    for (i, stream) in scenario.streams.iter().enumerate() {
        let log = match &stream.log {
            Some(text) => {
                let field = format!("streams[{i}].log");
                let log = sendlog::parse(text, &zone, &field, MAX_LOG_LINES - lines, MAX_LOG_LINES)?;
                lines += log.times.len() as u64;
                Some(log)
            }
            None => None,
        };
        logs.push(log);
    }
    // Logs kept at their logged times place the clock's origin when nothing else does.
    let first_logged = scenario
        .streams
        .iter()
        .zip(&logs)
        .filter(|(s, _)| s.log_start.is_none())
        .filter_map(|(_, log)| log.as_ref().and_then(|l| l.times.first().copied()))
        .min();
    let start = start_given.or(taken_given).or(first_logged.map(|t| zone.day_start(t))).unwrap_or(DEFAULT_START);
    let taken_at = taken_given.unwrap_or(start);
    if taken_at > start {
        return Err(ScenarioError::invalid("start", Problem::BeforeStart));
    }

    // The snapshot's dates: readable, and within the range of `start` (1970–2100).
    let snapshot_date = |field: String, date: &str| limits::instant(&field, &When::Text(date.to_string()), &zone);
    for (i, entry) in scenario.error_log.iter().enumerate() {
        if let Some(date) = &entry.date {
            snapshot_date(format!("{}[{i}].date", scenario.error_log_field()), date)?;
        }
    }
    // A volume of null is unknown (kept null, never 0). One entry per local day: the
    // API lists each day once, so a second entry for a day is two readings that
    // cannot both be right (summing could count the day twice): refused, named.
    // A day after the snapshot's cannot have been counted by it: refused too.
    let taken_day = taken_given.map(|at| zone.day_start(at));
    let mut history: Vec<(String, Option<u64>)> = Vec::with_capacity(scenario.history.len() + 1);
    let mut seen = std::collections::HashSet::with_capacity(scenario.history.len());
    for (i, day) in scenario.history.iter().enumerate() {
        let field = format!("{}[{i}].date", scenario.history_field());
        let at = snapshot_date(field.clone(), &day.date)?;
        let date = iso_date(&zone, at);
        if taken_day.is_some_and(|taken| zone.day_start(at) > taken) {
            return Err(ScenarioError::invalid(field, Problem::AfterSnapshot));
        }
        if !seen.insert(date.clone()) {
            return Err(ScenarioError::invalid(field, Problem::DuplicateDay { date }));
        }
        history.push((date, day.volume));
    }
    // The snapshot's "sent today" belongs to the day it was taken.
    let service = &scenario.service;
    let sent_today = if zone.day_start(taken_at) == zone.day_start(start) {
        service.sent_today
    } else {
        // The API may also list that day in `volumes`, counted earlier or later:
        // the larger of the two is the day's count at the latest.
        let day = iso_date(&zone, taken_at);
        match history.iter_mut().find(|(d, _)| *d == day) {
            Some(entry) => entry.1 = Some(entry.1.unwrap_or(0).max(service.sent_today)),
            None => history.push((day, Some(service.sent_today))),
        }
        0
    };
    history.sort();

    let mut accounts = Vec::new();
    let mut ips = Vec::new();
    let mut total = 0u64;
    let mut last_input = start;
    let mut streams = Vec::with_capacity(scenario.streams.len());
    for (i, (stream, log)) in scenario.streams.iter().zip(logs).enumerate() {
        let (count, schedule) = match log {
            Some(log) => {
                let first = log.times.first().copied().unwrap_or(start);
                let shift = match stream.log_start {
                    Some(at) => start + at as i64 - first,
                    None => 0,
                };
                let field = format!("streams[{i}].log");
                if first + shift < start {
                    return Err(ScenarioError::invalid(field, Problem::BeforeStart));
                }
                if log.times.last().is_some_and(|t| t + shift - start > MAX_SPAN_SECONDS as i64) {
                    return Err(ScenarioError::invalid(field, Problem::OutsideSpan { max: MAX_SPAN_SECONDS }));
                }
                (log.times.len() as u64, Schedule::Logged { log, shift })
            }
            None => (
                limits::stream_mail_count(stream.count, stream.rate, stream.duration),
                Schedule::Even { start: start + stream.start as i64, duration: stream.duration },
            ),
        };
        total = total.saturating_add(count);
        if total > MAX_SCENARIO_MAILS {
            return Err(ScenarioError::TooManyMails { count: total, limit: MAX_SCENARIO_MAILS });
        }
        let (kind, lint, returned_reply) = classify(i, stream, scenario, classifier)?;
        let phase_bits = splitmix64(scenario.seed ^ (i as u64).wrapping_mul(0xA24B_AED4_963E_E407));
        let prepared = PreparedStream {
            count,
            schedule,
            kind,
            transport: stream.transport,
            bounce_share: stream.bounce_share,
            bounce_phase: (phase_bits >> 11) as f64 / (1u64 << 53) as f64,
            account: intern(&mut accounts, &stream.account),
            ip: intern(&mut ips, &stream.ip),
            lint,
            returned_reply,
            next_index: 0,
            first_id: None,
            outcomes: [0; 8],
        };
        if count > 0 {
            last_input = last_input.max(prepared.time_of(count - 1));
        }
        streams.push(prepared);
    }
    for action in &scenario.actions {
        last_input = last_input.max(start + action.at as i64);
    }
    let t = &scenario.thresholds;
    let until = scenario.until.map(|u| start + u as i64);
    // Every held mail is settled 72 h after the last input at the latest (plus
    // the delays of a change under way), and that day's report goes out at the
    // next midnight (at most 25 h away with a DST change).
    let settled = last_input + (t.retention_seconds + t.unblock_delay_seconds + t.purge_seconds) as i64 + 1;
    let horizon = until.unwrap_or(settled + 2 * 86_400);
    Ok(Plan {
        scenario,
        zone,
        start,
        max_per_day: service.max_per_day.unwrap_or(DEFAULT_MAX_PER_DAY),
        // The API's `email` is nullable: no address (or a blank one) is no recipient, said as such.
        recipient: service.email.as_deref().map(str::trim).filter(|e| !e.is_empty()).map(str::to_string),
        sent_today,
        history,
        streams,
        until,
        horizon,
        total_mails: total,
    })
}

/// What the host makes of a stream's mails: the declared verdict, else the
/// message classified once (SPEC §3), else an ordinary mail.
fn classify(
    index: usize,
    stream: &Stream,
    scenario: &Scenario,
    classifier: &dyn Classifier,
) -> Result<(MailKind, Option<LintSummary>, Option<String>), ScenarioError> {
    if let Some(verdict) = stream.verdict {
        let kind = match verdict {
            DeclaredVerdict::Clean => MailKind::Clean,
            DeclaredVerdict::Spam => MailKind::Spam,
            DeclaredVerdict::Refused => MailKind::Refused,
        };
        return Ok((kind, None, None));
    }
    let Some(message) = &stream.message else {
        return Ok((MailKind::Clean, None, None));
    };
    let classification = classifier
        .classify(message.as_bytes(), scenario.locale, &scenario.thresholds.spam_rule_prefixes)
        .map_err(|detail| ScenarioError::Message { field: format!("streams[{index}].message"), detail })?;
    Ok((classification.kind, classification.lint, classification.reply))
}
