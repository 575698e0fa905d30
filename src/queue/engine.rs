//! The event loop. One heap of timed events (each stream's next mail, user
//! actions, state timers, redistribution ticks); midnights, chart buckets and
//! expiries are walked in time order before each event. Per mail: one heap
//! operation and O(1) work, no allocation (outcomes are one byte per mail).

use super::clock::{day_start, iso_date, iso_datetime, SECONDS_PER_DAY};
use super::result::*;
use super::scenario::*;
use super::ScenarioError;
use crate::i18n::{Locale, Msg};
use crate::report::{Severity, Verdict};
use std::cmp::Reverse;
use std::collections::{BinaryHeap, VecDeque};

/// Most streams in one scenario.
pub const MAX_STREAMS: usize = 1_000;
/// Most scheduled actions in one scenario.
pub const MAX_ACTIONS: usize = 10_000;
/// Most mails in one scenario (one byte of outcome each).
pub const MAX_SCENARIO_MAILS: u64 = 20_000_000;
/// Longest simulated span: 400 days.
pub const MAX_SPAN_SECONDS: u64 = 400 * SECONDS_PER_DAY as u64;
/// Largest sliding window (bounce ratio) kept in memory.
pub const MAX_WINDOW_MAILS: u64 = 1_000_000;
/// Widest "too fast" window: one day (the guides speak of mails sent "very quickly").
pub const MAX_BURST_WINDOW_SECONDS: u64 = 86_400;

/// Reply a script gets for a message over the size limit (RFC 3463 5.3.4).
pub const REPLY_TOO_LARGE: &str = "552 5.3.4 Message size exceeds fixed maximum message size";
/// Reply a script gets over the SMTP path's hourly limits (seed 003, code 555).
pub const REPLY_SMTP_LIMIT: &str =
    "555 5.5.4 MAIL FROM/RCPT TO parameters not recognized or not implemented \
     (limit: 200 mails per hour per account, 300 per hour per IP)";

/// The green states send; the others hold (guides: green "Active"/"Force", red "Disabled"/"Bounce"/"SPAM").
pub fn sends(state: State) -> bool {
    matches!(state, State::Active | State::Force)
}

/// The actions the panel offers in each state (SPEC §4).
pub fn actions_offered(state: State) -> Vec<Action> {
    match state {
        State::Active => vec![Action::Block, Action::ChangeRecipient],
        State::Force => vec![Action::Block, Action::Purge, Action::ChangeRecipient],
        State::Disabled | State::Bounce => vec![Action::Unblock, Action::Purge, Action::ChangeRecipient],
        // Guides: in SPAM a purge is mandatory; unblocking is not offered.
        State::Spam => vec![Action::Purge, Action::ChangeRecipient],
        State::Purging => vec![Action::ChangeRecipient],
    }
}

/// Every state change the guides describe, as (from, to, cause). Nothing else happens.
pub fn transition_allowed(from: State, to: State, cause: Cause) -> bool {
    use State::*;
    match cause {
        Cause::Block => matches!(from, Active | Force) && to == Disabled,
        Cause::Unblock => (from == Disabled && to == Active) || (from == Bounce && to == Force),
        Cause::Purge => matches!(from, Force | Disabled | Bounce | Spam) && to == Purging,
        Cause::PurgeDone => from == Purging && to == Active,
        Cause::TooFast | Cause::TooManyErrors => matches!(from, Active | Force) && to == Disabled,
        Cause::BounceRatio => matches!(from, Active | Force) && to == Bounce,
        Cause::Spam => matches!(from, Active | Force) && to == Spam,
    }
}

pub(super) fn state_of(api: ApiState) -> State {
    match api {
        ApiState::Ok => State::Active,
        ApiState::Ko => State::Disabled,
        ApiState::Force => State::Force,
        ApiState::Bounce => State::Bounce,
        ApiState::Spam => State::Spam,
        ApiState::Purging => State::Purging,
    }
}

fn api_state_of(state: State) -> ApiState {
    match state {
        State::Active => ApiState::Ok,
        State::Disabled => ApiState::Ko,
        State::Force => ApiState::Force,
        State::Bounce => ApiState::Bounce,
        State::Spam => ApiState::Spam,
        State::Purging => ApiState::Purging,
    }
}

pub(super) fn state_key(state: State) -> &'static str {
    match state {
        State::Active => "queue.state.active",
        State::Force => "queue.state.force",
        State::Disabled => "queue.state.disabled",
        State::Bounce => "queue.state.bounce",
        State::Spam => "queue.state.spam",
        State::Purging => "queue.state.purging",
    }
}

pub(super) fn action_key(action: Action) -> &'static str {
    match action {
        Action::Block => "queue.action.block",
        Action::Unblock => "queue.action.unblock",
        Action::Purge => "queue.action.purge",
        Action::ChangeRecipient => "queue.action.change-recipient",
    }
}

fn change_message(cause: Cause) -> Msg {
    match cause {
        Cause::Block => Msg::new("queue.change.block"),
        Cause::Unblock => Msg::new("queue.change.unblock"),
        Cause::Purge => Msg::new("queue.change.purge"),
        Cause::PurgeDone => Msg::new("queue.change.purge-done"),
        Cause::TooFast => Msg::new("queue.change.too-fast"),
        Cause::TooManyErrors => Msg::new("queue.change.too-many-errors"),
        Cause::BounceRatio => Msg::new("queue.change.bounce-ratio"),
        Cause::Spam => Msg::new("queue.change.spam"),
    }
}

const UNSETTLED: u8 = u8::MAX;
const ARRIVAL_PRIORITY: u8 = 4;

fn outcome_code(outcome: Outcome) -> u8 {
    Outcome::ALL.iter().position(|o| *o == outcome).unwrap_or(0) as u8
}

/// A stream ready to run: its mail count, timing, kind and bounce schedule.
struct PreparedStream {
    count: u64,
    start: i64,
    duration: u64,
    kind: MailKind,
    transport: Transport,
    bounce_share: f64,
    bounce_phase: f64,
    account: usize,
    ip: usize,
    next_index: u64,
    first_id: Option<u64>,
    outcomes: [u64; 8],
    lint: Option<LintSummary>,
}

impl PreparedStream {
    fn time_of(&self, index: u64) -> i64 {
        if self.count <= 1 {
            return self.start;
        }
        let offset = (index as u128 * self.duration as u128) / self.count as u128;
        self.start + offset as i64
    }
    /// Exact error-diffusion schedule: mail `i` comes back when the running
    /// total `i × share + phase` crosses an integer, so any `n` consecutive mails
    /// hold `n × share` errors within one.
    fn bounces(&self, index: u64) -> bool {
        if self.bounce_share <= 0.0 {
            return false;
        }
        let before = (index as f64 * self.bounce_share + self.bounce_phase).floor();
        let after = ((index + 1) as f64 * self.bounce_share + self.bounce_phase).floor();
        after > before
    }
}

/// SplitMix64: the seeded generator (a fixed, portable sequence).
fn splitmix64(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum EventKind {
    /// UTC midnight: history, daily report, "sent today" reset.
    Midnight,
    /// A pending state change (unblock delay, purge) with its generation.
    Timer(u64),
    Action(usize),
    Redistribute,
    Arrival(usize),
}

fn priority(kind: &EventKind) -> u8 {
    match kind {
        EventKind::Midnight => 0,
        EventKind::Timer(_) => 1,
        EventKind::Action(_) => 2,
        EventKind::Redistribute => 3,
        EventKind::Arrival(_) => ARRIVAL_PRIORITY,
    }
}

/// The SMTP reply a settled mail carries in the sample.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reply {
    None,
    /// The stream's `bounceReply`.
    Bounce,
    Fixed(&'static str),
}

#[derive(Debug, Clone, Copy)]
struct HeldMail {
    id: u64,
    stream: usize,
    index: u64,
    created: i64,
}

#[derive(Debug, Clone, Copy)]
struct ErrorRecord {
    at: i64,
    stream: usize,
    index: u64,
}

/// Events in a sliding window of `width` seconds, run-length encoded by
/// second: memory is bounded by the window width, not by the mail count.
struct SlidingWindow {
    width: i64,
    seconds: VecDeque<(i64, u64)>,
    total: u64,
}

impl SlidingWindow {
    fn new(width: u64) -> SlidingWindow {
        SlidingWindow { width: width.max(1) as i64, seconds: VecDeque::new(), total: 0 }
    }
    fn forget_before(&mut self, now: i64) {
        while let Some(&(at, n)) = self.seconds.front() {
            if at > now - self.width {
                break;
            }
            self.total -= n;
            self.seconds.pop_front();
        }
    }
    fn count(&mut self, now: i64) -> u64 {
        self.forget_before(now);
        self.total
    }
    fn push(&mut self, now: i64) {
        self.forget_before(now);
        match self.seconds.back_mut() {
            Some((at, n)) if *at == now => *n += 1,
            _ => self.seconds.push_back((now, 1)),
        }
        self.total += 1;
    }
    fn clear(&mut self) {
        self.seconds.clear();
        self.total = 0;
    }
}

/// The last N send results, for the error ratio.
struct RatioWindow {
    results: Vec<bool>,
    next: usize,
    filled: usize,
    errors: usize,
}

impl RatioWindow {
    fn new(size: u64) -> RatioWindow {
        RatioWindow { results: vec![false; size.clamp(1, MAX_WINDOW_MAILS) as usize], next: 0, filled: 0, errors: 0 }
    }
    fn push(&mut self, error: bool) {
        let len = self.results.len();
        if self.filled == len {
            if self.results[self.next] {
                self.errors -= 1;
            }
        } else {
            self.filled += 1;
        }
        self.results[self.next] = error;
        if error {
            self.errors += 1;
        }
        self.next = (self.next + 1) % len;
    }
    fn clear(&mut self) {
        self.results.iter_mut().for_each(|r| *r = false);
        self.next = 0;
        self.filled = 0;
        self.errors = 0;
    }
}

struct Simulation<'s> {
    scenario: &'s Scenario,
    thresholds: &'s QueueThresholds,
    locale: Locale,
    streams: Vec<PreparedStream>,
    end: i64,
    heap: BinaryHeap<Reverse<(i64, u8, u64, EventKind)>>,
    sequence: u64,
    now: i64,

    state: State,
    ratio_factor: f64,
    timer: Option<(u64, State, Cause)>,
    timer_generation: u64,
    waiting_for_next_mail: bool,
    redistribution_scheduled: bool,
    recipient: String,

    queue: VecDeque<HeldMail>,
    burst: SlidingWindow,
    errors_last_hour: SlidingWindow,
    ratio: RatioWindow,
    spam_since_purge: u64,
    smtp_accounts: Vec<SlidingWindow>,
    smtp_ips: Vec<SlidingWindow>,

    outcomes: Vec<u8>,
    sample: Vec<MailRecord>,
    next_id: u64,
    counters: Counters,
    total_sent: u64,
    total_errors: u64,
    sent_today: u64,
    errors_today: u64,
    next_midnight: i64,
    days: Vec<HistoryEntry>,
    error_records: VecDeque<ErrorRecord>,
    simulated_errors: u64,

    timeline: Vec<StateChange>,
    applied: Vec<AppliedAction>,
    rejected: Vec<RejectedAction>,
    notifications: Vec<Notification>,
    series: Series,
    next_bucket_end: i64,
    bucket_index: usize,
}

/// Runs a scenario.
pub fn simulate(scenario: &Scenario) -> Result<SimulationResult, ScenarioError> {
    let streams = prepare(scenario)?;
    let mut sim = Simulation::new(scenario, streams)?;
    sim.run();
    Ok(sim.finish())
}

fn check_finite(value: f64, field: &str, max: f64) -> Result<(), ScenarioError> {
    if !value.is_finite() || value < 0.0 || value > max {
        return Err(ScenarioError::Invalid(format!("{field} must be a number from 0 to {max}, not {value}")));
    }
    Ok(())
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

fn prepare(scenario: &Scenario) -> Result<Vec<PreparedStream>, ScenarioError> {
    let t = &scenario.thresholds;
    if scenario.streams.len() > MAX_STREAMS {
        return Err(ScenarioError::TooManyStreams { count: scenario.streams.len(), limit: MAX_STREAMS });
    }
    if scenario.actions.len() > MAX_ACTIONS {
        return Err(ScenarioError::TooManyActions { count: scenario.actions.len(), limit: MAX_ACTIONS });
    }
    // The clock must stay far from i64 limits whatever is added to it.
    if scenario.start.unsigned_abs() > 1 << 40 {
        return Err(ScenarioError::Invalid(format!("start {} is not a plausible Unix time", scenario.start)));
    }
    check_finite(t.bounce_ratio, "thresholds.bounceRatio", 1.0)?;
    for (name, value) in [
        ("thresholds.retentionSeconds", t.retention_seconds),
        ("thresholds.purgeSeconds", t.purge_seconds),
        ("thresholds.unblockDelaySeconds", t.unblock_delay_seconds),
    ] {
        if value > MAX_SPAN_SECONDS {
            return Err(ScenarioError::Invalid(format!("{name} is over {MAX_SPAN_SECONDS} seconds")));
        }
    }
    if t.burst_window_seconds == 0 || t.burst_window_seconds > MAX_BURST_WINDOW_SECONDS {
        return Err(ScenarioError::Invalid(format!(
            "thresholds.burstWindowSeconds must be 1 to {MAX_BURST_WINDOW_SECONDS}"
        )));
    }
    if t.bounce_window_mails == 0 || t.bounce_window_mails > MAX_WINDOW_MAILS {
        return Err(ScenarioError::Invalid(format!("thresholds.bounceWindowMails must be 1 to {MAX_WINDOW_MAILS}")));
    }
    if t.redistribution_per_minute == 0 {
        return Err(ScenarioError::Invalid("thresholds.redistributionPerMinute must be at least 1".to_string()));
    }
    for action in &scenario.actions {
        if action.at > MAX_SPAN_SECONDS {
            return Err(ScenarioError::Invalid(format!("an action at {} s is past {MAX_SPAN_SECONDS} s", action.at)));
        }
    }
    let mut accounts = Vec::new();
    let mut ips = Vec::new();
    let mut total = 0u64;
    let mut prepared = Vec::with_capacity(scenario.streams.len());
    for (i, stream) in scenario.streams.iter().enumerate() {
        check_finite(stream.bounce_share, "bounceShare", 1.0)?;
        check_finite(stream.rate, "rate", MAX_SCENARIO_MAILS as f64 * 3600.0)?;
        if stream.start > MAX_SPAN_SECONDS || stream.duration > MAX_SPAN_SECONDS {
            return Err(ScenarioError::Invalid(format!(
                "stream {i}: start and duration must be under {MAX_SPAN_SECONDS} s"
            )));
        }
        let count = match stream.count {
            Some(n) => n,
            None => (stream.rate * stream.duration as f64 / 3600.0).floor() as u64,
        };
        total = total.saturating_add(count);
        if total > MAX_SCENARIO_MAILS {
            return Err(ScenarioError::TooManyMails { count: total, limit: MAX_SCENARIO_MAILS });
        }
        let (kind, lint) = classify(stream, scenario)?;
        let phase_bits = splitmix64(scenario.seed ^ (i as u64).wrapping_mul(0xA24B_AED4_963E_E407));
        prepared.push(PreparedStream {
            count,
            start: scenario.start + stream.start as i64,
            duration: stream.duration,
            kind,
            transport: stream.transport,
            bounce_share: stream.bounce_share,
            bounce_phase: (phase_bits >> 11) as f64 / (1u64 << 53) as f64,
            account: intern(&mut accounts, &stream.account),
            ip: intern(&mut ips, &stream.ip),
            next_index: 0,
            first_id: None,
            outcomes: [0; 8],
            lint,
        });
    }
    Ok(prepared)
}

/// What the host makes of a stream's mails: the declared verdict, else the
/// message linted once (SPEC §3), else an ordinary mail.
fn classify(stream: &Stream, scenario: &Scenario) -> Result<(MailKind, Option<LintSummary>), ScenarioError> {
    if let Some(verdict) = stream.verdict {
        let kind = match verdict {
            DeclaredVerdict::Clean => MailKind::Clean,
            DeclaredVerdict::Spam => MailKind::Spam,
            DeclaredVerdict::Refused => MailKind::Refused,
        };
        return Ok((kind, None));
    }
    let Some(message) = &stream.message else {
        return Ok((MailKind::Clean, None));
    };
    let options = crate::Options { locale: scenario.locale, ..crate::Options::default() };
    let report = crate::lint(message.as_bytes(), &options)
        .map_err(|e| ScenarioError::Message(e.localized(scenario.locale)))?;
    let mut errors: Vec<String> = Vec::new();
    for finding in report.findings.iter().filter(|f| f.severity == Severity::Error) {
        if !errors.contains(&finding.rule_id) {
            errors.push(finding.rule_id.clone());
        }
    }
    let prefixes = &scenario.thresholds.spam_rule_prefixes;
    let kind = if errors.iter().any(|id| id == "size/total") {
        MailKind::Refused
    } else if report.verdict == Verdict::Fail
        && errors.iter().any(|id| prefixes.iter().any(|p| id.starts_with(p.as_str())))
    {
        MailKind::Spam
    } else {
        MailKind::Clean
    };
    Ok((kind, Some(LintSummary { verdict: report.verdict, score: report.spam_score, errors })))
}

impl<'s> Simulation<'s> {
    fn new(scenario: &'s Scenario, streams: Vec<PreparedStream>) -> Result<Simulation<'s>, ScenarioError> {
        let t = &scenario.thresholds;
        let mut last = scenario.start;
        for s in &streams {
            if s.count > 0 {
                last = last.max(s.time_of(s.count - 1));
            }
        }
        for a in &scenario.actions {
            last = last.max(scenario.start + a.at as i64);
        }
        let end = match scenario.until {
            Some(until) if until <= MAX_SPAN_SECONDS => scenario.start + until as i64,
            Some(_) => return Err(ScenarioError::Invalid(format!("until must be under {MAX_SPAN_SECONDS} s"))),
            None => {
                // Every held mail is settled 72 h after the last input at the latest;
                // then run to the next midnight so that day's report goes out.
                let settled = last + (t.retention_seconds + t.unblock_delay_seconds + t.purge_seconds) as i64 + 1;
                day_start(settled) + SECONDS_PER_DAY
            }
        };
        let span = (end - scenario.start).max(1) as u64;
        let bucket_seconds = bucket_width(span, t.bucket_seconds);
        let buckets = span.div_ceil(bucket_seconds).clamp(1, MAX_BUCKETS as u64) as usize;
        let total: u64 = streams.iter().map(|s| s.count).sum();
        let service = &scenario.service;
        let state = state_of(service.state);
        let accounts = streams.iter().map(|s| s.account).max().map_or(0, |m| m + 1);
        let ips = streams.iter().map(|s| s.ip).max().map_or(0, |m| m + 1);
        let mut sim = Simulation {
            scenario,
            thresholds: t,
            locale: scenario.locale,
            end,
            heap: BinaryHeap::with_capacity(streams.len() + scenario.actions.len() + 4),
            sequence: 0,
            now: scenario.start,
            state,
            ratio_factor: if state == State::Force { 2.0 } else { 1.0 },
            timer: None,
            timer_generation: 0,
            waiting_for_next_mail: false,
            redistribution_scheduled: false,
            recipient: service.email.clone(),
            queue: VecDeque::new(),
            burst: SlidingWindow::new(t.burst_window_seconds),
            errors_last_hour: SlidingWindow::new(3600),
            ratio: RatioWindow::new(t.bounce_window_mails),
            spam_since_purge: 0,
            smtp_accounts: (0..accounts).map(|_| SlidingWindow::new(3600)).collect(),
            smtp_ips: (0..ips).map(|_| SlidingWindow::new(3600)).collect(),
            outcomes: vec![UNSETTLED; total as usize],
            sample: Vec::new(),
            next_id: 0,
            counters: Counters { mails: total, ..Counters::default() },
            total_sent: service.sent,
            total_errors: service.bounce,
            sent_today: service.sent_today,
            errors_today: 0,
            next_midnight: day_start(scenario.start) + SECONDS_PER_DAY,
            days: Vec::new(),
            error_records: VecDeque::new(),
            simulated_errors: 0,
            timeline: Vec::new(),
            applied: Vec::new(),
            rejected: Vec::new(),
            notifications: Vec::new(),
            series: Series {
                start: scenario.start,
                bucket_seconds,
                queue: vec![0; buckets],
                generated: vec![0; buckets],
                sent: vec![0; buckets],
                errors: vec![0; buckets],
                dropped: vec![0; buckets],
            },
            next_bucket_end: scenario.start + bucket_seconds as i64,
            bucket_index: 0,
            streams,
        };
        for i in 0..sim.streams.len() {
            if sim.streams[i].count > 0 {
                let at = sim.streams[i].time_of(0);
                sim.heap.push(Reverse((at, ARRIVAL_PRIORITY, i as u64, EventKind::Arrival(i))));
            }
        }
        for (i, action) in scenario.actions.iter().enumerate() {
            sim.push(scenario.start + action.at as i64, EventKind::Action(i));
        }
        let first_midnight = sim.next_midnight;
        sim.push(first_midnight, EventKind::Midnight);
        if state == State::Purging {
            // A snapshot taken mid-purge: the purge's full length is still ahead (worst case).
            sim.set_timer(scenario.start + t.purge_seconds as i64, State::Active, Cause::PurgeDone);
        }
        Ok(sim)
    }

    fn push(&mut self, at: i64, kind: EventKind) {
        self.sequence += 1;
        self.heap.push(Reverse((at, priority(&kind), self.sequence, kind)));
    }

    fn bucket_of(&self, at: i64) -> usize {
        let offset = (at - self.series.start).max(0) as u64 / self.series.bucket_seconds;
        (offset as usize).min(self.series.queue.len() - 1)
    }

    fn run(&mut self) {
        while let Some(Reverse((at, _, _, kind))) = self.heap.pop() {
            if at > self.end {
                break;
            }
            self.advance_to(at);
            match kind {
                EventKind::Midnight => self.on_midnight(),
                EventKind::Timer(generation) => self.on_timer(generation),
                EventKind::Action(i) => self.on_action(i),
                EventKind::Redistribute => self.on_redistribute(),
                EventKind::Arrival(stream) => self.on_arrival(stream),
            }
        }
        self.advance_to(self.end);
        while let Some(mail) = self.queue.pop_front() {
            self.settle(mail.id, mail.stream, mail.created, Outcome::Pending, self.end, Reply::None);
        }
    }

    /// Walks expiries and chart buckets up to `at`, in time order.
    fn advance_to(&mut self, at: i64) {
        let retention = self.thresholds.retention_seconds as i64;
        loop {
            let expiry = self.queue.front().map(|m| m.created + retention).unwrap_or(i64::MAX);
            let next = expiry.min(self.next_bucket_end);
            if next > at {
                break;
            }
            self.now = next;
            if expiry == next {
                if let Some(mail) = self.queue.pop_front() {
                    self.counters.expired += 1;
                    self.settle(mail.id, mail.stream, mail.created, Outcome::Expired, next, Reply::None);
                }
            } else {
                let bucket = self.bucket_index.min(self.series.queue.len() - 1);
                self.series.queue[bucket] = self.queue.len() as u64;
                self.bucket_index += 1;
                self.next_bucket_end += self.series.bucket_seconds as i64;
            }
        }
        self.now = at;
    }

    fn on_midnight(&mut self) {
        let day = self.next_midnight - SECONDS_PER_DAY;
        self.days.push(HistoryEntry { date: iso_date(day), volume: self.sent_today });
        if self.errors_today > 0 {
            // Guides: "if errors occur … you will receive a report the next day".
            self.notifications.push(Notification {
                at: self.next_midnight,
                kind: NotificationKind::DailyErrorReport,
                to: self.recipient.clone(),
                subject: Msg::new("queue.notice.daily-report")
                    .text("day", iso_date(day))
                    .int("errors", self.errors_today)
                    .render(self.locale),
                errors: self.errors_today,
                day: Some(iso_date(day)),
            });
        }
        self.sent_today = 0;
        self.errors_today = 0;
        self.next_midnight += SECONDS_PER_DAY;
        let next = self.next_midnight;
        self.push(next, EventKind::Midnight);
        self.schedule_redistribution();
    }

    fn set_timer(&mut self, at: i64, to: State, cause: Cause) {
        self.timer_generation += 1;
        self.timer = Some((self.timer_generation, to, cause));
        self.push(at, EventKind::Timer(self.timer_generation));
    }

    fn on_timer(&mut self, generation: u64) {
        let Some((current, to, cause)) = self.timer else { return };
        if current != generation {
            return;
        }
        self.timer = None;
        self.change_state(to, cause);
        if cause == Cause::Unblock && self.thresholds.resume_on_next_mail {
            self.waiting_for_next_mail = true;
        }
        self.schedule_redistribution();
    }

    fn change_state(&mut self, to: State, cause: Cause) {
        let from = self.state;
        debug_assert!(transition_allowed(from, to, cause), "{from:?} -> {to:?} by {cause:?}");
        self.state = to;
        let message = change_message(cause)
            .text("from", Msg::new(state_key(from)).render(self.locale))
            .text("to", Msg::new(state_key(to)).render(self.locale))
            .render(self.locale);
        self.timeline.push(StateChange { at: self.now, from, to, cause, message, actions: actions_offered(to) });
        if cause == Cause::Spam {
            // Guides: the block usually comes with "Abuse with your hosting domain.tld".
            self.notifications.push(Notification {
                at: self.now,
                kind: NotificationKind::AbuseNotice,
                to: self.recipient.clone(),
                subject: Msg::new("queue.notice.abuse")
                    .text("domain", self.scenario.domain.clone())
                    .render(self.locale),
                errors: 0,
                day: None,
            });
        }
    }

    fn reject(&mut self, action: Action, reason: &'static str) {
        let message = Msg::new(reason)
            .text("action", Msg::new(action_key(action)).render(self.locale))
            .text("state", Msg::new(state_key(self.state)).render(self.locale))
            .render(self.locale);
        self.rejected.push(RejectedAction { at: self.now, action, state: self.state, message });
    }

    fn on_action(&mut self, index: usize) {
        let scheduled = &self.scenario.actions[index];
        let action = scheduled.action;
        if !actions_offered(self.state).contains(&action) {
            self.reject(action, "queue.rejected.not-offered");
            return;
        }
        let delay = self.thresholds.unblock_delay_seconds as i64;
        let mut effective_at = self.now;
        match action {
            Action::ChangeRecipient => {
                if let Some(email) = &scheduled.email {
                    self.recipient = email.clone();
                }
            }
            Action::Block => {
                self.timer = None;
                self.ratio_factor = 1.0;
                self.change_state(State::Disabled, Cause::Block);
            }
            Action::Unblock => {
                if self.timer.is_some() {
                    self.reject(action, "queue.rejected.in-progress");
                    return;
                }
                // A fresh start: the windows that blocked must not block again at once.
                self.burst.clear();
                self.errors_last_hour.clear();
                self.ratio.clear();
                effective_at = self.now + delay;
                if self.state == State::Bounce {
                    // Guides: unblocking from Bounce gives Force, the allowed ratio doubled.
                    self.ratio_factor = 2.0;
                    self.set_timer(effective_at, State::Force, Cause::Unblock);
                } else {
                    self.ratio_factor = 1.0;
                    self.set_timer(effective_at, State::Active, Cause::Unblock);
                }
            }
            Action::Purge => {
                let now = self.now;
                while let Some(mail) = self.queue.pop_front() {
                    self.counters.purged += 1;
                    self.settle(mail.id, mail.stream, mail.created, Outcome::Purged, now, Reply::None);
                }
                // Guides: purge returns to Active "without doubling the ratio".
                self.ratio_factor = 1.0;
                self.burst.clear();
                self.errors_last_hour.clear();
                self.ratio.clear();
                self.spam_since_purge = 0;
                self.waiting_for_next_mail = false;
                self.change_state(State::Purging, Cause::Purge);
                effective_at = now + self.thresholds.purge_seconds as i64;
                self.set_timer(effective_at, State::Active, Cause::PurgeDone);
            }
        }
        self.applied.push(AppliedAction { at: self.now, action, state: self.state, effective_at });
    }

    fn can_send(&self) -> bool {
        sends(self.state) && !self.waiting_for_next_mail && self.sent_today < self.scenario.service.max_per_day
    }

    fn schedule_redistribution(&mut self) {
        if !self.redistribution_scheduled && !self.queue.is_empty() && self.can_send() {
            self.redistribution_scheduled = true;
            let now = self.now;
            self.push(now, EventKind::Redistribute);
        }
    }

    /// Puts held mails back into distribution at `redistributionPerMinute`.
    fn on_redistribute(&mut self) {
        self.redistribution_scheduled = false;
        let per_minute = self.thresholds.redistribution_per_minute;
        let (batch, interval) = if per_minute >= 60 { (per_minute / 60, 1) } else { (1, 60 / per_minute) };
        for _ in 0..batch {
            if !self.can_send() {
                return;
            }
            let Some(mail) = self.queue.pop_front() else { return };
            self.send(mail.id, mail.stream, mail.index, mail.created, true);
        }
        if !self.queue.is_empty() && self.can_send() {
            self.redistribution_scheduled = true;
            let at = self.now + interval as i64;
            self.push(at, EventKind::Redistribute);
        }
    }

    fn on_arrival(&mut self, stream_index: usize) {
        let now = self.now;
        let id = self.next_id;
        self.next_id += 1;
        let (index, transport, kind, account, ip) = {
            let stream = &mut self.streams[stream_index];
            let index = stream.next_index;
            stream.next_index += 1;
            if stream.first_id.is_none() {
                stream.first_id = Some(id);
            }
            if stream.next_index < stream.count {
                let at = stream.time_of(stream.next_index);
                self.heap.push(Reverse((at, ARRIVAL_PRIORITY, stream_index as u64, EventKind::Arrival(stream_index))));
            }
            (index, stream.transport, stream.kind, stream.account, stream.ip)
        };
        let bucket = self.bucket_of(now);
        self.series.generated[bucket] += 1;
        if kind == MailKind::Refused {
            self.counters.refused += 1;
            self.settle(id, stream_index, now, Outcome::Refused, now, Reply::Fixed(REPLY_TOO_LARGE));
            return;
        }
        if transport == Transport::Smtp {
            self.on_smtp_mail(id, stream_index, index, account, ip);
            return;
        }
        if self.waiting_for_next_mail && sends(self.state) {
            // Old guide: "the service resumes when you send the next mail".
            self.waiting_for_next_mail = false;
        }
        if self.can_send() {
            self.send(id, stream_index, index, now, false);
        } else {
            self.queue.push_back(HeldMail { id, stream: stream_index, index, created: now });
            self.counters.held += 1;
            self.counters.max_queue = self.counters.max_queue.max(self.queue.len() as u64);
        }
        self.schedule_redistribution();
    }

    /// The SMTP path: not the panel's queue; 200/h per account, 300/h per IP (seed 003).
    fn on_smtp_mail(&mut self, id: u64, stream: usize, index: u64, account: usize, ip: usize) {
        let now = self.now;
        let over_account = self.smtp_accounts[account].count(now) >= self.thresholds.smtp_per_account_per_hour;
        let over_ip = self.smtp_ips[ip].count(now) >= self.thresholds.smtp_per_ip_per_hour;
        if over_account || over_ip {
            self.counters.refused += 1;
            self.counters.smtp_refused += 1;
            self.settle(id, stream, now, Outcome::Refused, now, Reply::Fixed(REPLY_SMTP_LIMIT));
            return;
        }
        self.smtp_accounts[account].push(now);
        self.smtp_ips[ip].push(now);
        self.counters.smtp_accepted += 1;
        if self.streams[stream].bounces(index) {
            self.counters.smtp_bounced += 1;
            self.settle(id, stream, now, Outcome::Bounced, now, Reply::Bounce);
        } else {
            self.settle(id, stream, now, Outcome::Delivered, now, Reply::None);
        }
    }

    /// A mail leaves the hosting through `mail()`: counters, windows, then the
    /// automatic transitions in order of severity.
    fn send(&mut self, id: u64, stream: usize, index: u64, created: i64, held: bool) {
        let now = self.now;
        let error = self.streams[stream].bounces(index);
        let spam = self.streams[stream].kind == MailKind::Spam;
        self.total_sent += 1;
        self.sent_today += 1;
        self.counters.sent += 1;
        let bucket = self.bucket_of(now);
        self.series.sent[bucket] += 1;
        self.burst.push(now);
        self.ratio.push(error);
        if error {
            self.total_errors += 1;
            self.errors_today += 1;
            self.counters.errors += 1;
            self.series.errors[bucket] += 1;
            self.errors_last_hour.push(now);
            self.simulated_errors += 1;
            if self.error_records.len() == MAX_ERROR_LOG_ENTRIES {
                self.error_records.pop_front();
            }
            self.error_records.push_back(ErrorRecord { at: now, stream, index });
        }
        if spam {
            self.counters.spam_sent += 1;
            self.spam_since_purge += 1;
        }
        let outcome = match (held, error) {
            (false, false) => Outcome::Delivered,
            (false, true) => Outcome::Bounced,
            (true, false) => Outcome::HeldThenDelivered,
            (true, true) => Outcome::HeldThenBounced,
        };
        let reply = if error { Reply::Bounce } else { Reply::None };
        self.settle(id, stream, created, outcome, now, reply);
        self.check_automatic_transitions();
    }

    fn check_automatic_transitions(&mut self) {
        if !sends(self.state) {
            return;
        }
        let t = self.thresholds;
        let now = self.now;
        if self.spam_since_purge >= t.spam_mails_before_block.max(1) {
            self.change_state(State::Spam, Cause::Spam);
        } else if self.burst.count(now) > t.burst_max_mails {
            self.change_state(State::Disabled, Cause::TooFast);
        } else if self.ratio.filled as u64 >= t.bounce_min_mails.max(1)
            && self.ratio.errors as f64 > (t.bounce_ratio * self.ratio_factor).min(1.0) * self.ratio.filled as f64
        {
            self.change_state(State::Bounce, Cause::BounceRatio);
        } else if self.errors_last_hour.count(now) > t.max_errors_per_hour {
            self.change_state(State::Disabled, Cause::TooManyErrors);
        }
    }

    fn settle(&mut self, id: u64, stream: usize, created: i64, outcome: Outcome, at: i64, reply: Reply) {
        if let Some(slot) = self.outcomes.get_mut(id as usize) {
            *slot = outcome_code(outcome);
        }
        if let Some(s) = self.streams.get_mut(stream) {
            s.outcomes[outcome_code(outcome) as usize] += 1;
        }
        if matches!(outcome, Outcome::Expired | Outcome::Purged | Outcome::Refused) {
            let bucket = self.bucket_of(at);
            self.series.dropped[bucket] += 1;
        }
        if outcome.was_held() {
            self.counters.longest_hold_seconds = self.counters.longest_hold_seconds.max((at - created).max(0) as u64);
        }
        if (id as usize) < MAX_SAMPLE_MAILS {
            let reply = match reply {
                Reply::Bounce => self.scenario.streams.get(stream).map(|s| s.bounce_reply.clone()),
                Reply::Fixed(text) => Some(text.to_string()),
                Reply::None => None,
            };
            self.sample.push(MailRecord { id, stream, created, outcome, settled: at, reply });
        }
    }

    fn finish(mut self) -> SimulationResult {
        // Mails a stream would generate after `until` never exist.
        self.outcomes.truncate(self.next_id as usize);
        self.counters.mails = self.next_id;
        self.counters.pending = self.outcomes.iter().filter(|&&o| o == outcome_code(Outcome::Pending)).count() as u64;
        // The last, partial day joins the history too.
        let today = day_start(self.end.min(self.next_midnight - 1));
        if self.days.last().map(|d| d.date.as_str()) != Some(iso_date(today).as_str()) {
            self.days.push(HistoryEntry { date: iso_date(today), volume: self.sent_today });
        }
        let mut history: Vec<HistoryEntry> =
            self.scenario.history.iter().filter(|h| !self.days.iter().any(|d| d.date == h.date)).cloned().collect();
        history.extend(self.days.iter().cloned());

        let mut error_log: Vec<ErrorLogEntry> = self.scenario.error_log.clone();
        for record in &self.error_records {
            let stream = &self.scenario.streams[record.stream];
            error_log.push(ErrorLogEntry {
                date: iso_datetime(record.at),
                message: stream.bounce_reply.clone(),
                to: format!("rcpt{}@{}", record.index, stream.recipient_domain),
            });
        }
        let keep_from = error_log.len().saturating_sub(MAX_ERROR_LOG_ENTRIES);
        let error_log = error_log.split_off(keep_from);

        let outcomes = Outcome::ALL.iter().map(|&o| outcome_summary(&self.outcomes, o)).collect();
        self.sample.sort_by_key(|m| m.id);
        let streams = self
            .streams
            .iter()
            .zip(&self.scenario.streams)
            .map(|(p, s)| StreamSummary {
                name: s.name.clone(),
                transport: p.transport,
                mails: p.next_index,
                ids: p.first_id.map(|first| [first, first + p.next_index.saturating_sub(1)]),
                kind: p.kind,
                lint: p.lint.clone(),
                outcomes: Outcome::ALL
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| p.outcomes[*i] > 0)
                    .map(|(i, o)| (*o, p.outcomes[i]))
                    .collect(),
            })
            .collect();
        let service = ServiceSnapshot {
            state: api_state_of(self.state),
            sent: self.total_sent,
            sent_today: self.sent_today,
            bounce: self.total_errors,
            max_per_day: self.scenario.service.max_per_day,
            email: self.recipient.clone(),
        };
        SimulationResult {
            version: crate::VERSION.to_string(),
            start: self.scenario.start,
            end: self.end,
            service,
            state: self.state,
            actions: actions_offered(self.state),
            counters: self.counters,
            outcomes,
            streams,
            timeline: self.timeline,
            applied_actions: self.applied,
            rejected_actions: self.rejected,
            notifications: self.notifications,
            history,
            error_log,
            error_log_total: self.scenario.error_log.len() as u64 + self.simulated_errors,
            series: self.series,
            mails: self.sample,
        }
    }
}

/// Chart bucket width: the caller's, widened if needed so there are at most
/// `MAX_BUCKETS`; else the first round width that fits.
fn bucket_width(span: u64, requested: Option<u64>) -> u64 {
    let minimum = span.div_ceil(MAX_BUCKETS as u64).max(1);
    if let Some(width) = requested {
        return width.max(minimum);
    }
    const ROUND: [u64; 11] = [60, 300, 600, 900, 1800, 3600, 7200, 21600, 43200, 86400, 604800];
    ROUND.iter().copied().find(|w| *w >= minimum).unwrap_or(minimum)
}

fn outcome_summary(outcomes: &[u8], outcome: Outcome) -> OutcomeSummary {
    let code = outcome_code(outcome);
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
