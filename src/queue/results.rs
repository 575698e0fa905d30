//! From a finished run to the result: outcomes as id ranges, per-stream
//! totals, the history and error log in the API's shape, the series cut to
//! the span that happened.

use super::answers::Answers;
use super::assumptions::assumptions;
use super::clock::{iso_datetime, parse_datetime};
use super::engine::{Engine, REPLY_SMTP_LIMIT, REPLY_TOO_LARGE};
use super::limits::{MAX_ADDRESS_CHARS, MAX_NAME_CHARS, MAX_REPLY_CHARS};
use super::machine::actions_offered;
use super::result::*;
use super::scenario::{ErrorLogEntry, HistoryEntry, ServiceSnapshot, Transport};
use super::tz::TZDATA_VERSION;
use crate::hygiene::visible;

/// The engine version (the crate's).
const VERSION: &str = env!("CARGO_PKG_VERSION");

impl Engine<'_> {
    pub fn finish(mut self) -> (SimulationResult, Option<MailTable>) {
        let end = self.end();
        let zone = &self.plan.zone;
        let scenario = self.plan.scenario;
        // Mails a stream would generate after `until` never exist.
        self.outcomes.truncate(self.next_id as usize);
        self.counters.mails = self.next_id;
        self.counters.pending = count_of(&self.outcomes, Outcome::Pending);
        self.counters.spam_episodes = self.spam_episodes;

        // The day under way joins the history, unless it begins exactly at the end
        // with nothing sent: a mail sent at that very midnight belongs to it, and
        // the history's days then add up to the mails sent.
        if self.current_day_start < end || self.sent_today > 0 {
            self.days.push((super::clock::iso_date(zone, self.current_day_start), self.sent_today));
        }
        let mut days: Vec<(String, Option<u64>)> =
            self.plan.history.iter().filter(|(d, _)| !self.days.iter().any(|(s, _)| s == d)).cloned().collect();
        days.extend(self.days.iter().map(|(d, v)| (d.clone(), Some(*v))));
        days.sort_by(|a, b| a.0.cmp(&b.0));
        let history = days
            .into_iter()
            .map(|(date, volume)| HistoryEntry {
                date: parse_datetime(&date, zone).map_or(date, |at| iso_datetime(zone, at)),
                volume,
            })
            .collect();

        let mut error_log: Vec<ErrorLogEntry> = scenario.error_log.clone();
        for record in &self.error_records {
            error_log.push(ErrorLogEntry {
                date: Some(iso_datetime(zone, record.at)),
                message: Some(self.bounce_reply(record.stream, record.index)),
                to: Some(self.error_recipient(record.stream, record.index)),
            });
        }
        let keep_from = error_log.len().saturating_sub(MAX_ERROR_LOG_ENTRIES);
        // Replies and recipients come from remote servers and logs: shown as text, never as controls.
        let error_log = error_log
            .split_off(keep_from)
            .into_iter()
            .map(|e| ErrorLogEntry {
                date: e.date.map(|d| visible(&d, MAX_NAME_CHARS)),
                message: e.message.map(|m| visible(&m, MAX_REPLY_CHARS)),
                to: e.to.map(|t| visible(&t, MAX_ADDRESS_CHARS)),
            })
            .collect();

        let outcomes = Outcome::ALL.iter().map(|&o| outcome_summary(&self.outcomes, o)).collect();
        self.sample.sort_by_key(|m| m.id);
        let streams = self
            .plan
            .streams
            .iter()
            .zip(&scenario.streams)
            .map(|(p, s)| StreamSummary {
                name: visible(&s.name, MAX_NAME_CHARS),
                transport: p.transport,
                mails: p.next_index,
                ids: p.first_id.map(|first| [first, first + p.next_index.saturating_sub(1)]),
                kind: p.kind,
                lint: p.lint.clone(),
                logged: s.log.is_some(),
                bounce_reply: visible(p.returned_reply.as_deref().unwrap_or(&s.bounce_reply), MAX_REPLY_CHARS),
                refused_reply: match (p.kind, p.transport) {
                    (MailKind::Refused, _) => Some(REPLY_TOO_LARGE.to_string()),
                    (_, Transport::Smtp) => Some(REPLY_SMTP_LIMIT.to_string()),
                    _ => None,
                },
                outcomes: Outcome::ALL
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| p.outcomes[*i] > 0)
                    .map(|(i, o)| (*o, p.outcomes[i]))
                    .collect(),
            })
            .collect();
        let service = ServiceSnapshot {
            state: self.state,
            sent: self.lifetime_sent,
            sent_today: self.sent_today,
            bounce: self.lifetime_errors,
            max_per_day: Some(self.plan.max_per_day),
            email: self.recipient.as_deref().map(|r| visible(r, MAX_ADDRESS_CHARS)),
        };
        let buckets = ((end - self.series.start).max(1) as u64).div_ceil(self.series.bucket_seconds).max(1) as usize;
        for values in [
            &mut self.series.queue,
            &mut self.series.generated,
            &mut self.series.sent,
            &mut self.series.errors,
            &mut self.series.dropped,
        ] {
            values.truncate(buckets);
        }
        let table = self.table.take().map(|mut table| {
            table.stream.truncate(self.outcomes.len());
            table.created.truncate(self.outcomes.len());
            table.settled.truncate(self.outcomes.len());
            table.outcome = self.outcomes.clone();
            table
        });
        let result = SimulationResult {
            version: VERSION.to_string(),
            start: self.plan.start,
            end,
            time_zone: zone.name().to_string(),
            tzdata: TZDATA_VERSION.to_string(),
            service,
            state: self.state,
            actions: actions_offered(self.state, self.spam_episodes),
            counters: self.counters,
            outcomes,
            streams,
            timeline: self.timeline,
            applied_actions: self.applied,
            rejected_actions: self.rejected,
            notifications: self.notifications,
            history,
            error_log,
            error_log_total: scenario.error_log.len() as u64 + self.simulated_errors,
            series: self.series,
            mails: self.sample,
            assumptions: assumptions(&self.plan),
            answers: Answers::default(),
        };
        (result, table)
    }
}

fn count_of(outcomes: &[u8], outcome: Outcome) -> u64 {
    let code = outcome.code();
    outcomes.iter().filter(|&&o| o == code).count() as u64
}

fn outcome_summary(outcomes: &[u8], outcome: Outcome) -> OutcomeSummary {
    let code = outcome.code();
    let mut count = 0u64;
    let mut ranges: Vec<[u64; 2]> = Vec::new();
    let mut truncated = false;
    let mut run_start: Option<u64> = None;
    for (i, &o) in outcomes.iter().enumerate() {
        let i = i as u64;
        if o == code {
            count += 1;
            if run_start.is_none() {
                run_start = Some(i);
            }
        } else if let Some(first) = run_start.take() {
            if ranges.len() < MAX_RANGES_PER_OUTCOME {
                ranges.push([first, i - 1]);
            } else {
                truncated = true;
            }
        }
    }
    if let Some(first) = run_start {
        if ranges.len() < MAX_RANGES_PER_OUTCOME {
            ranges.push([first, outcomes.len() as u64 - 1]);
        } else {
            truncated = true;
        }
    }
    OutcomeSummary { outcome, count, ranges, truncated }
}
