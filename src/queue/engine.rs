//! The event loop. One heap of timed events (each stream's next mail, user
//! actions, state timers, redistribution ticks, local midnights); chart
//! buckets and expiries are walked in time order before each event. Per mail:
//! one heap operation and O(1) work, no allocation (outcomes are one byte per
//! mail; the optional mail table adds ten).
//!
//! The states, buttons and transitions come from `machine.rs`; this file only
//! measures (windows, counters) and asks it.

use super::clock::iso_date;
use super::limits::{MAX_ADDRESS_CHARS, MAX_DOMAIN_CHARS, MAX_NAME_CHARS, MAX_REPLY_CHARS};
use super::machine::{action_key, actions_offered, change_keys, is_red, sends, state_key, transition_allowed};
use super::prepare::Plan;
use super::result::*;
use super::scenario::{Action, RatioBasis, State, Transport};
use super::held::{HeldMail, HeldQueue};
use super::windows::{RatioWindow, SlidingWindow};
use crate::hygiene::visible;
use crate::i18n::{Locale, Msg};
use std::cmp::Reverse;
use std::collections::{BinaryHeap, VecDeque};

/// Reply a script gets for a message over the size limit (RFC 3463 X.3.4,
/// IANA "Message too big for system"; seed 000: 10 MB).
pub const REPLY_TOO_LARGE: &str = "552 5.3.4 Message size exceeds fixed maximum message size";
/// Reply a script gets over the SMTP path's hourly limits (seed 003, code 555).
pub const REPLY_SMTP_LIMIT: &str = "555 5.5.4 MAIL FROM/RCPT TO parameters not recognized or not implemented \
     (limit: 200 mails per hour per account, 300 per hour per IP)";
/// The range to expect for an unblock or a purge, in seconds after the click:
/// the guides say "a few minutes" (unblock) and "between 5 and 10 minutes" (old
/// guide, purge), and "in some cases … several tens of minutes" (seed 002
/// « plusieurs dizaines de minutes »), read here as up to 40 minutes (ours).
pub const EXPECTED_DELAY_SECONDS: (i64, i64) = (300, 2400);

const UNSETTLED: u8 = u8::MAX;
const ARRIVAL_PRIORITY: u8 = 4;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum EventKind {
    /// A local midnight: history, daily report, "sent today" reset.
    Midnight,
    /// A pending state change (unblock delay, purge) with its generation.
    Timer(u64),
    Action(usize),
    Redistribute,
    Arrival(usize),
}

/// The factor on the allowed error ratio a run starts with: Force doubles it
/// (seed 002); the actions change it as the run goes.
pub fn initial_ratio_factor(state: State) -> f64 {
    if state == State::Force {
        2.0
    } else {
        1.0
    }
}

/// The scale a ratio is compared at: parts per billion, so that every ratio
/// written with up to nine decimals (`0.29`, Force's doubled `0.58`) is exact.
pub const RATIO_SCALE: u128 = 1_000_000_000;

/// A ratio of 0..=1 in parts per billion (rounded: `0.29` is 290,000,000, not
/// the 289,999,999.99… its double holds).
pub fn ratio_units(ratio: f64) -> u128 {
    (ratio.clamp(0.0, 1.0) * RATIO_SCALE as f64).round() as u128
}

/// The ratio test that sends a service to Bounce: more errors than `limit` ×
/// the mails counted, once `min_mails` are counted. Compared in integers
/// (errors × 10⁹ > limit in parts per billion × sent): exactly at the ratio
/// stays green at every ratio (README; a double's 0.29 × 100 is 28.999…).
pub fn ratio_exceeded(errors: u64, sent: u64, limit: f64, min_mails: u64) -> bool {
    sent >= min_mails.max(1) && errors as u128 * RATIO_SCALE > ratio_units(limit) * sent as u128
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
pub(super) enum Reply {
    None,
    /// The stream's `bounceReply` (or the logged reply).
    Bounce,
    Fixed(&'static str),
}

#[derive(Debug, Clone, Copy)]
pub(super) struct ErrorRecord {
    pub at: i64,
    pub stream: usize,
    pub index: u64,
}

/// The most held mails a redistribution at `per_minute` puts into any window
/// of `window` seconds: mail `k` goes at `t0 + ⌊60 k / rate⌋`, so the window's
/// W consecutive seconds hold the `k` of an interval of length W × rate / 60,
/// at most ⌈W × rate / 60⌉ of them.
pub fn redistributed_per_window(per_minute: u64, window: u64) -> u64 {
    (per_minute as u128 * window as u128).div_ceil(60).min(u64::MAX as u128) as u64
}

/// The new `mail()` mails a burst window can take while a redistribution runs
/// beside them, before "too fast" trips: the redistributed mails count with
/// them (seed 002 « trop d'e-mails ont été émis très rapidement » makes no
/// exception). Zero when the redistribution alone reaches the limit.
pub fn redistribution_room(per_minute: u64, burst_max_mails: u64, window: u64) -> u64 {
    burst_max_mails.saturating_sub(redistributed_per_window(per_minute, window))
}

/// Puts held mails back into distribution at exactly `redistributionPerMinute`:
/// mail `k` of a run goes at `t0 + ⌊60 k / rate⌋` seconds. It is not slowed
/// for the new mails sent meanwhile (the guides give no pace): together they
/// trip "too fast" once the window holds more than `burstMaxMails`.
#[derive(Debug, Clone, Copy)]
struct Redistribution {
    t0: i64,
    released: u64,
}

pub(super) struct Engine<'s> {
    pub plan: Plan<'s>,
    pub locale: Locale,
    heap: BinaryHeap<Reverse<(i64, u8, u64, EventKind)>>,
    sequence: u64,
    /// Events in the heap other than midnights (the run is idle at zero).
    pending_events: u64,
    pub now: i64,
    pub last_activity: i64,

    pub state: State,
    ratio_factor: f64,
    timer: Option<(u64, State, Cause)>,
    timer_generation: u64,
    /// The applied action (index in `applied`) whose change the timer brings.
    timer_owner: Option<usize>,
    waiting_for_next_mail: bool,
    redistribution: Option<Redistribution>,
    redistribution_scheduled: bool,
    pub recipient: Option<String>,
    pub spam_episodes: u32,
    red_since: Option<i64>,

    pub queue: HeldQueue,
    burst: SlidingWindow,
    /// The held mails put back into distribution within the burst window:
    /// they count in `burst` too, and a "too fast" change says how many.
    redistributed: SlidingWindow,
    errors_last_hour: SlidingWindow,
    ratio: RatioWindow,
    spam_since_purge: u64,
    smtp_accounts: Vec<SlidingWindow>,
    smtp_ips: Vec<SlidingWindow>,

    pub outcomes: Vec<u8>,
    pub table: Option<MailTable>,
    pub sample: Vec<MailRecord>,
    pub next_id: u64,
    pub counters: Counters,
    pub lifetime_sent: u64,
    pub lifetime_errors: u64,
    pub sent_today: u64,
    errors_today: u64,
    pub current_day_start: i64,
    next_midnight: i64,
    /// Days that ended during the run: (local date, volume).
    pub days: Vec<(String, u64)>,
    pub error_records: VecDeque<ErrorRecord>,
    pub simulated_errors: u64,

    pub timeline: Vec<StateChange>,
    pub applied: Vec<AppliedAction>,
    pub rejected: Vec<RejectedAction>,
    pub notifications: Vec<Notification>,
    pub series: Series,
    next_bucket_end: i64,
    bucket_index: usize,
}

/// Chart bucket width: the caller's, widened if needed so there are at most
/// `MAX_BUCKETS`; else the first round width that fits.
pub(super) fn bucket_width(span: u64, requested: Option<u64>) -> u64 {
    let minimum = span.div_ceil(MAX_BUCKETS as u64).max(1);
    if let Some(width) = requested {
        return width.max(minimum);
    }
    const ROUND: [u64; 11] = [60, 300, 600, 900, 1800, 3600, 7200, 21600, 43200, 86400, 604800];
    ROUND.iter().copied().find(|w| *w >= minimum).unwrap_or(minimum)
}

impl<'s> Engine<'s> {
    pub fn new(plan: Plan<'s>, want_table: bool) -> Engine<'s> {
        let scenario = plan.scenario;
        let t = &scenario.thresholds;
        let span = (plan.horizon - plan.start).max(1) as u64;
        let bucket_seconds = bucket_width(span, t.bucket_seconds);
        let buckets = span.div_ceil(bucket_seconds).clamp(1, MAX_BUCKETS as u64) as usize;
        let total = plan.total_mails as usize;
        let state = scenario.service.state;
        let accounts = plan.streams.iter().map(|s| s.account).max().map_or(0, |m| m + 1);
        let ips = plan.streams.iter().map(|s| s.ip).max().map_or(0, |m| m + 1);
        let start = plan.start;
        let table = want_table.then(|| MailTable {
            outcome: Vec::new(),
            stream: vec![0; total],
            created: vec![0; total],
            settled: vec![0; total],
        });
        let mut engine = Engine {
            locale: scenario.locale,
            heap: BinaryHeap::with_capacity(plan.streams.len() + scenario.actions.len() + 4),
            sequence: 0,
            pending_events: 0,
            now: start,
            last_activity: start,
            state,
            ratio_factor: initial_ratio_factor(state),
            timer: None,
            timer_generation: 0,
            timer_owner: None,
            waiting_for_next_mail: false,
            redistribution: None,
            redistribution_scheduled: false,
            recipient: plan.recipient.clone(),
            spam_episodes: u32::from(state == State::Spam),
            red_since: is_red(state).then_some(start),
            queue: HeldQueue::new(start),
            burst: SlidingWindow::new(t.burst_window_seconds),
            redistributed: SlidingWindow::new(t.burst_window_seconds),
            errors_last_hour: SlidingWindow::new(3600),
            ratio: RatioWindow::new(t.bounce_window_mails),
            spam_since_purge: 0,
            smtp_accounts: (0..accounts).map(|_| SlidingWindow::new(3600)).collect(),
            smtp_ips: (0..ips).map(|_| SlidingWindow::new(3600)).collect(),
            outcomes: vec![UNSETTLED; total],
            table,
            sample: Vec::new(),
            next_id: 0,
            counters: Counters::default(),
            lifetime_sent: scenario.service.sent,
            lifetime_errors: scenario.service.bounce,
            sent_today: plan.sent_today,
            errors_today: 0,
            current_day_start: plan.zone.day_start(start),
            next_midnight: plan.zone.next_day_start(start),
            days: Vec::new(),
            error_records: VecDeque::new(),
            simulated_errors: 0,
            timeline: Vec::new(),
            applied: Vec::new(),
            rejected: Vec::new(),
            notifications: Vec::new(),
            series: Series {
                start,
                bucket_seconds,
                queue: vec![0; buckets],
                generated: vec![0; buckets],
                sent: vec![0; buckets],
                errors: vec![0; buckets],
                dropped: vec![0; buckets],
            },
            next_bucket_end: start + bucket_seconds as i64,
            bucket_index: 0,
            plan,
        };
        for i in 0..engine.plan.streams.len() {
            if engine.plan.streams[i].count > 0 {
                let at = engine.plan.streams[i].time_of(0);
                engine.push_arrival(at, i);
            }
        }
        for (i, action) in scenario.actions.iter().enumerate() {
            engine.push(start + action.at as i64, EventKind::Action(i));
        }
        let first_midnight = engine.next_midnight;
        engine.push(first_midnight, EventKind::Midnight);
        if state == State::Purging {
            // A snapshot taken mid-purge: the purge's full length is still ahead (worst case).
            engine.set_timer(start + t.purge_seconds as i64, State::Active, Cause::PurgeDone);
        }
        engine
    }

    fn push(&mut self, at: i64, kind: EventKind) {
        self.sequence += 1;
        if kind != EventKind::Midnight {
            self.pending_events += 1;
        }
        self.heap.push(Reverse((at, priority(&kind), self.sequence, kind)));
    }

    fn push_arrival(&mut self, at: i64, stream: usize) {
        self.pending_events += 1;
        self.heap.push(Reverse((at, ARRIVAL_PRIORITY, stream as u64, EventKind::Arrival(stream))));
    }

    fn bucket_of(&self, at: i64) -> usize {
        let offset = (at - self.series.start).max(0) as u64 / self.series.bucket_seconds;
        (offset as usize).min(self.series.queue.len() - 1)
    }

    /// Nothing is left to happen but midnights: no event, no held mail, no change under way.
    fn idle(&self) -> bool {
        self.pending_events == 0 && self.queue.is_empty() && self.timer.is_none()
    }

    /// Runs to `until`, or (without it) until every mail is settled and the
    /// last daily report is out.
    pub fn run(&mut self) {
        while let Some(&Reverse((at, _, _, kind))) = self.heap.peek() {
            match self.plan.until {
                Some(until) if at > until => break,
                None if at > self.plan.horizon => break,
                None if kind == EventKind::Midnight && self.idle() && self.errors_today == 0 => break,
                _ => {}
            }
            self.heap.pop();
            if kind != EventKind::Midnight {
                self.pending_events -= 1;
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
        let end = self.end();
        self.advance_to(end);
        while let Some(mail) = self.queue.pop_front() {
            self.settle(mail.id, mail.stream, mail.index, mail.created, Outcome::Pending, end, Reply::None);
        }
        if let Some(since) = self.red_since.take() {
            self.counters.red_seconds += (end - since).max(0) as u64;
        }
    }

    /// The end of the run: `until`, else the last thing that happened.
    pub fn end(&self) -> i64 {
        self.plan.until.unwrap_or(self.last_activity.max(self.plan.start))
    }

    /// Walks expiries and chart buckets up to `at`, in time order.
    fn advance_to(&mut self, at: i64) {
        let retention = self.plan.scenario.thresholds.retention_seconds as i64;
        loop {
            // Mails an Unblock click released do not expire (see `HeldQueue`). A mail
            // held again by a later Block past its 72 h expires then, not before: time
            // in a mail's record never goes back.
            let expiry = self.queue.oldest_held().map(|m| (m.created + retention).max(self.now)).unwrap_or(i64::MAX);
            let next = expiry.min(self.next_bucket_end);
            if next > at {
                break;
            }
            self.now = next;
            if expiry == next {
                if let Some(mail) = self.queue.pop_oldest_held() {
                    // Guides: held "72 hours maximum".
                    self.counters.expired += 1;
                    self.settle(mail.id, mail.stream, mail.index, mail.created, Outcome::Expired, next, Reply::None);
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
        let day = iso_date(&self.plan.zone, self.current_day_start);
        self.days.push((day.clone(), self.sent_today));
        if self.errors_today > 0 {
            // Seed 001: « Si se producen errores … recibirá un informe al día siguiente. »
            self.notifications.push(Notification {
                at: self.next_midnight,
                kind: NotificationKind::DailyErrorReport,
                to: self.recipient.as_deref().map(|r| visible(r, MAX_ADDRESS_CHARS)),
                subject: Msg::new("queue.notice.daily-report")
                    .text("day", day.clone())
                    .int("errors", self.errors_today)
                    .render(self.locale),
                errors: self.errors_today,
                day: Some(day),
            });
            self.last_activity = self.now;
        }
        self.sent_today = 0;
        self.errors_today = 0;
        self.current_day_start = self.next_midnight;
        self.next_midnight = self.plan.zone.next_day_start(self.next_midnight);
        let next = self.next_midnight;
        self.push(next, EventKind::Midnight);
        self.schedule_redistribution();
    }

    fn set_timer(&mut self, at: i64, to: State, cause: Cause) {
        self.timer_generation += 1;
        self.timer = Some((self.timer_generation, to, cause));
        let generation = self.timer_generation;
        self.push(at, EventKind::Timer(generation));
    }

    fn on_timer(&mut self, generation: u64) {
        let Some((current, to, cause)) = self.timer else { return };
        if current != generation {
            return;
        }
        self.timer = None;
        self.timer_owner = None;
        self.change_state(to, cause, None, None);
        if cause == Cause::Unblock && self.plan.scenario.thresholds.resume_on_next_mail {
            self.waiting_for_next_mail = true;
        }
        self.schedule_redistribution();
    }

    fn render_state(&self, state: State) -> String {
        Msg::new(state_key(state)).render(self.locale)
    }

    fn change_state(&mut self, to: State, cause: Cause, trigger: Option<Trigger>, measure: Option<Measure>) {
        let from = self.state;
        debug_assert!(transition_allowed(from, to, cause), "{from:?} -> {to:?} by {cause:?}");
        self.state = to;
        self.last_activity = self.now;
        if cause == Cause::Spam {
            self.spam_episodes += 1;
        }
        match (is_red(from), is_red(to)) {
            (false, true) => self.red_since = Some(self.now),
            (true, false) => {
                if let Some(since) = self.red_since.take() {
                    self.counters.red_seconds += (self.now - since).max(0) as u64;
                }
            }
            _ => {}
        }
        let (mut message_id, mut advice_id) = change_keys(cause, self.spam_episodes);
        if cause == Cause::BounceRatio && self.plan.scenario.thresholds.bounce_ratio_basis == RatioBasis::Recent {
            message_id = "queue.change.bounce-ratio-recent";
        }
        if cause == Cause::TooFast && measure.as_ref().is_some_and(|m| m.redistributed.is_some()) {
            message_id = "queue.change.too-fast-redistribution";
            advice_id = "queue.advice.too-fast-redistribution";
        }
        let message = self.change_message(message_id, from, to, trigger.as_ref(), measure.as_ref());
        let advice = self.advice_message(advice_id);
        let actions = actions_offered(to, self.spam_episodes);
        self.timeline.push(StateChange { at: self.now, from, to, cause, message, advice, trigger, measure, actions });
        if cause == Cause::Spam {
            // Seed 002: « ce blocage est accompagné par l'envoi d'un e-mail intitulé
            // « Abus avec votre hébergement domain.tld » ».
            self.notifications.push(Notification {
                at: self.now,
                kind: NotificationKind::AbuseNotice,
                to: self.recipient.as_deref().map(|r| visible(r, MAX_ADDRESS_CHARS)),
                subject: Msg::new("queue.notice.abuse")
                    .text("domain", visible(&self.plan.scenario.domain, MAX_DOMAIN_CHARS))
                    .render(self.locale),
                errors: 0,
                day: None,
            });
        }
    }

    fn change_message(
        &self,
        id: &'static str,
        from: State,
        to: State,
        trigger: Option<&Trigger>,
        measure: Option<&Measure>,
    ) -> String {
        let t = &self.plan.scenario.thresholds;
        let mut msg = Msg::new(id).text("from", self.render_state(from)).text("to", self.render_state(to));
        if let Some(trigger) = trigger {
            msg = msg
                .int("mail", trigger.mail)
                .text("stream", trigger.stream_name.clone())
                .text("recipient", trigger.recipient.clone());
        }
        if let Some(m) = measure {
            msg = msg.int("value", m.value);
            if let Some(held) = m.redistributed {
                msg = msg
                    .int("held", held)
                    .int("new", m.value.saturating_sub(held))
                    .int("redistribution", t.redistribution_per_minute);
            }
            msg = match m.kind {
                MeasureKind::Ratio => {
                    let of = m.of.unwrap_or(0).max(1);
                    msg.int("of", of)
                        .float("percent", m.value as f64 * 100.0 / of as f64)
                        .float("limit", m.threshold * 100.0)
                }
                _ => msg.int("limit", m.threshold as u64).int("window", m.window_seconds.unwrap_or(0)),
            };
        }
        let minutes = |s: u64| (s / 60) as i64;
        msg.int("unblock", minutes(t.unblock_delay_seconds))
            .int("purge", minutes(t.purge_seconds))
            .int("earliest", EXPECTED_DELAY_SECONDS.0 / 60)
            .int("latest", EXPECTED_DELAY_SECONDS.1 / 60)
            .render(self.locale)
    }

    fn advice_message(&self, id: &'static str) -> String {
        let t = &self.plan.scenario.thresholds;
        Msg::new(id)
            .text("domain", visible(&self.plan.scenario.domain, MAX_DOMAIN_CHARS))
            .float("limit", t.bounce_ratio * 200.0)
            .int("rate", t.burst_max_mails)
            .int("window", t.burst_window_seconds)
            .int("redistribution", t.redistribution_per_minute)
            .int("room", redistribution_room(t.redistribution_per_minute, t.burst_max_mails, t.burst_window_seconds))
            .render(self.locale)
    }

    fn reject(&mut self, action: Action, reason: RejectReason) {
        let id = match reason {
            RejectReason::NotOffered => "queue.rejected.not-offered",
            RejectReason::InProgress => "queue.rejected.in-progress",
            RejectReason::Support => "queue.rejected.support",
        };
        let message = Msg::new(id)
            .text("action", Msg::new(action_key(action)).render(self.locale))
            .text("state", self.render_state(self.state))
            .render(self.locale);
        self.rejected.push(RejectedAction { at: self.now, action, state: self.state, reason, message });
    }

    fn expected(&self) -> Option<Expected> {
        Some(Expected { earliest: self.now + EXPECTED_DELAY_SECONDS.0, latest: self.now + EXPECTED_DELAY_SECONDS.1 })
    }

    /// The change under way is dropped by `by` (a block, or a purge during an
    /// unblock's delay): the action that started it never takes effect, and says so.
    fn cancel_pending(&mut self, by: Action) {
        self.timer = None;
        let Some(owner) = self.timer_owner.take() else { return };
        let Some(applied) = self.applied.get(owner) else { return };
        let message = Msg::new("queue.applied.superseded")
            .text("action", Msg::new(action_key(applied.action)).render(self.locale))
            .text("by", Msg::new(action_key(by)).render(self.locale))
            .render(self.locale);
        let applied = &mut self.applied[owner];
        applied.effective_at = None;
        applied.expected = None;
        applied.superseded = Some(Superseded { at: self.now, by, message });
    }

    fn on_action(&mut self, index: usize) {
        let scenario = self.plan.scenario;
        let scheduled = &scenario.actions[index];
        let action = scheduled.action;
        self.last_activity = self.now;
        if !actions_offered(self.state, self.spam_episodes).contains(&action) {
            let support = self.state == State::Spam && action == Action::Purge;
            self.reject(action, if support { RejectReason::Support } else { RejectReason::NotOffered });
            return;
        }
        let t = &scenario.thresholds;
        let mut effective_at = self.now;
        let mut expected = None;
        match action {
            Action::ChangeRecipient => {
                if let Some(email) = &scheduled.email {
                    self.recipient = Some(email.trim().to_string());
                }
            }
            Action::Block => {
                self.cancel_pending(action);
                // Every mail not sent yet is held by the block again, from its
                // arrival: an unblock superseded never released it (ours).
                self.queue.hold_all();
                self.ratio_factor = 1.0;
                self.change_state(State::Disabled, Cause::Block, None, None);
            }
            Action::Unblock => {
                if self.timer.is_some() {
                    self.reject(action, RejectReason::InProgress);
                    return;
                }
                // A fresh start: the windows that blocked must not block again at once.
                self.burst.clear();
                self.redistributed.clear();
                self.errors_last_hour.clear();
                self.ratio.clear();
                // Seed 001: the 72 h are the time to click (« Durante este periodo de
                // tiempo podrá, bien desbloquear el envío, bien eliminar los mensajes »),
                // and the click puts every mail held back into distribution (« Los
                // mensajes que estuvieran bloqueados volverán a entrar en la cola de
                // distribución »): none of them expires during the delay.
                self.queue.release_all();
                effective_at = self.now + t.unblock_delay_seconds as i64;
                expected = self.expected();
                if self.state == State::Bounce {
                    // Seed 002: « l'état du service passera en Force. Le ratio … autorisé
                    // avant un blocage sera doublé ».
                    self.ratio_factor = 2.0;
                    self.set_timer(effective_at, State::Force, Cause::Unblock);
                } else {
                    self.ratio_factor = 1.0;
                    self.set_timer(effective_at, State::Active, Cause::Unblock);
                }
            }
            Action::Purge => {
                self.cancel_pending(action);
                let now = self.now;
                while let Some(mail) = self.queue.pop_front() {
                    self.counters.purged += 1;
                    self.settle(mail.id, mail.stream, mail.index, mail.created, Outcome::Purged, now, Reply::None);
                }
                // Seed 002: purge returns to « Activé » « sans doubler le ratio ».
                self.ratio_factor = 1.0;
                self.burst.clear();
                self.redistributed.clear();
                self.errors_last_hour.clear();
                self.ratio.clear();
                self.spam_since_purge = 0;
                self.waiting_for_next_mail = false;
                self.change_state(State::Purging, Cause::Purge, None, None);
                effective_at = now + t.purge_seconds as i64;
                expected = self.expected();
                self.set_timer(effective_at, State::Active, Cause::PurgeDone);
            }
        }
        if expected.is_some() {
            self.timer_owner = Some(self.applied.len());
        }
        self.applied.push(AppliedAction {
            at: self.now,
            action,
            state: self.state,
            effective_at: Some(effective_at),
            expected,
            superseded: None,
        });
    }

    fn can_send(&self) -> bool {
        sends(self.state) && !self.waiting_for_next_mail && self.sent_today < self.plan.max_per_day
    }

    fn schedule_redistribution(&mut self) {
        if !self.redistribution_scheduled && !self.queue.is_empty() && self.can_send() {
            self.redistribution_scheduled = true;
            if self.redistribution.is_none() {
                self.redistribution = Some(Redistribution { t0: self.now, released: 0 });
            }
            let now = self.now;
            self.push(now, EventKind::Redistribute);
        }
    }

    /// Puts held mails back into distribution at `redistributionPerMinute`
    /// (seed 002: « Les e-mails présents dans la file d'attente seront également
    /// remis en distribution »).
    fn on_redistribute(&mut self) {
        self.redistribution_scheduled = false;
        let per_minute = self.plan.scenario.thresholds.redistribution_per_minute.max(1) as u128;
        loop {
            let Some(run) = self.redistribution else { return };
            if !self.can_send() || self.queue.is_empty() {
                self.redistribution = None;
                return;
            }
            let due = run.t0 + (60 * run.released as u128 / per_minute) as i64;
            if due > self.now {
                self.redistribution_scheduled = true;
                self.push(due, EventKind::Redistribute);
                return;
            }
            let Some(mail) = self.queue.pop_front() else { return };
            self.redistribution = Some(Redistribution { released: run.released + 1, ..run });
            self.send(mail.id, mail.stream, mail.index, mail.created, true);
        }
    }

    fn on_arrival(&mut self, stream_index: usize) {
        let now = self.now;
        let id = self.next_id;
        self.next_id += 1;
        self.last_activity = now;
        let (index, transport, kind, account, ip, next_at) = {
            let stream = &mut self.plan.streams[stream_index];
            let index = stream.next_index;
            stream.next_index += 1;
            if stream.first_id.is_none() {
                stream.first_id = Some(id);
            }
            let next_at = (stream.next_index < stream.count).then(|| stream.time_of(stream.next_index));
            (index, stream.transport, stream.kind, stream.account, stream.ip, next_at)
        };
        if let Some(at) = next_at {
            self.push_arrival(at, stream_index);
        }
        let bucket = self.bucket_of(now);
        self.series.generated[bucket] += 1;
        if kind == MailKind::Refused {
            self.counters.refused += 1;
            self.settle(id, stream_index, index, now, Outcome::Refused, now, Reply::Fixed(REPLY_TOO_LARGE));
            return;
        }
        if transport == Transport::Smtp {
            self.on_smtp_mail(id, stream_index, index, account, ip);
            return;
        }
        if self.waiting_for_next_mail && sends(self.state) {
            // Old guide (seed 001): « el servicio se reanudará cuando envíe el siguiente mensaje ».
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
        let t = &self.plan.scenario.thresholds;
        let over_account = self.smtp_accounts[account].count(now) >= t.smtp_per_account_per_hour;
        let over_ip = self.smtp_ips[ip].count(now) >= t.smtp_per_ip_per_hour;
        if over_account || over_ip {
            self.counters.refused += 1;
            self.counters.smtp_refused += 1;
            self.settle(id, stream, index, now, Outcome::Refused, now, Reply::Fixed(REPLY_SMTP_LIMIT));
            return;
        }
        self.smtp_accounts[account].push(now);
        self.smtp_ips[ip].push(now);
        self.counters.smtp_accepted += 1;
        if self.plan.streams[stream].bounces(index) {
            self.counters.smtp_bounced += 1;
            self.settle(id, stream, index, now, Outcome::Bounced, now, Reply::Bounce);
        } else {
            self.settle(id, stream, index, now, Outcome::Delivered, now, Reply::None);
        }
    }

    /// A mail leaves the hosting through `mail()`: counters, windows, then the
    /// automatic transitions in order of severity.
    fn send(&mut self, id: u64, stream: usize, index: u64, created: i64, held: bool) {
        let now = self.now;
        let error = self.plan.streams[stream].bounces(index);
        let spam = self.plan.streams[stream].kind == MailKind::Spam;
        self.lifetime_sent += 1;
        self.sent_today += 1;
        self.counters.sent += 1;
        let bucket = self.bucket_of(now);
        self.series.sent[bucket] += 1;
        self.burst.push(now);
        if held {
            self.redistributed.push(now);
        }
        self.ratio.push(error);
        if error {
            self.lifetime_errors += 1;
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
        self.settle(id, stream, index, created, outcome, now, reply);
        self.check_automatic_transitions(id, stream, index, error);
    }

    /// The recipient a trigger names: the logged address, else the stream's recipients' domain.
    fn recipient_of(&self, stream: usize, index: u64) -> String {
        match self.plan.streams[stream].logged_detail(index) {
            Some((to, _)) if !to.is_empty() => to.to_string(),
            _ => self.plan.scenario.streams[stream].recipient_domain.clone(),
        }
    }

    fn check_automatic_transitions(&mut self, id: u64, stream: usize, index: u64, error: bool) {
        if !sends(self.state) {
            return;
        }
        let t = &self.plan.scenario.thresholds;
        let now = self.now;
        let limit = (t.bounce_ratio * self.ratio_factor).min(1.0);
        let (ratio_errors, ratio_sent) = match t.bounce_ratio_basis {
            RatioBasis::Total => (self.lifetime_errors, self.lifetime_sent),
            RatioBasis::Recent => (self.ratio.errors, self.ratio.filled),
        };
        let burst = self.burst.count(now);
        let errors_hour = self.errors_last_hour.count(now);
        let measure = |kind, value, of, threshold, window_seconds, basis| Measure {
            kind,
            value,
            of,
            threshold,
            window_seconds,
            basis,
            redistributed: None,
        };
        let change = if self.spam_since_purge >= t.spam_mails_before_block.max(1) {
            let m = measure(
                MeasureKind::SpamMails,
                self.spam_since_purge,
                None,
                t.spam_mails_before_block as f64,
                None,
                None,
            );
            Some((State::Spam, Cause::Spam, m))
        } else if burst > t.burst_max_mails {
            let window = Some(t.burst_window_seconds);
            let held = self.redistributed.count(now);
            let m = Measure {
                redistributed: (held > 0).then_some(held),
                ..measure(MeasureKind::Burst, burst, None, t.burst_max_mails as f64, window, None)
            };
            Some((State::Disabled, Cause::TooFast, m))
        } else if error && ratio_exceeded(ratio_errors, ratio_sent, limit, t.bounce_min_mails) {
            let m =
                measure(MeasureKind::Ratio, ratio_errors, Some(ratio_sent), limit, None, Some(t.bounce_ratio_basis));
            Some((State::Bounce, Cause::BounceRatio, m))
        } else if errors_hour > t.max_errors_per_hour {
            let m =
                measure(MeasureKind::ErrorsPerHour, errors_hour, None, t.max_errors_per_hour as f64, Some(3600), None);
            Some((State::Disabled, Cause::TooManyErrors, m))
        } else {
            None
        };
        if let Some((to, cause, measure)) = change {
            let trigger = Trigger {
                mail: id,
                stream,
                stream_name: visible(&self.plan.scenario.streams[stream].name, MAX_NAME_CHARS),
                recipient: visible(&self.recipient_of(stream, index), MAX_ADDRESS_CHARS),
            };
            self.change_state(to, cause, Some(trigger), Some(measure));
        }
    }

    #[allow(clippy::too_many_arguments)]
    pub(super) fn settle(
        &mut self,
        id: u64,
        stream: usize,
        index: u64,
        created: i64,
        outcome: Outcome,
        at: i64,
        reply: Reply,
    ) {
        let code = outcome.code();
        if let Some(slot) = self.outcomes.get_mut(id as usize) {
            *slot = code;
        }
        if at > self.last_activity {
            self.last_activity = at;
        }
        let start = self.plan.start;
        if let Some(table) = self.table.as_mut() {
            let i = id as usize;
            if i < table.stream.len() {
                table.stream[i] = stream as u16;
                table.created[i] = (created - start).clamp(0, u32::MAX as i64) as u32;
                table.settled[i] = (at - start).clamp(0, u32::MAX as i64) as u32;
            }
        }
        if let Some(s) = self.plan.streams.get_mut(stream) {
            s.outcomes[code as usize] += 1;
        }
        if outcome.is_lost() {
            let bucket = self.bucket_of(at);
            self.series.dropped[bucket] += 1;
        }
        if outcome.was_held() {
            self.counters.longest_hold_seconds = self.counters.longest_hold_seconds.max((at - created).max(0) as u64);
        }
        if (id as usize) < MAX_SAMPLE_MAILS {
            let reply = match reply {
                Reply::Bounce => Some(self.bounce_reply(stream, index)),
                Reply::Fixed(text) => Some(text.to_string()),
                Reply::None => None,
            };
            self.sample.push(MailRecord { id, stream, created, outcome, settled: at, reply });
        }
    }

    /// The reply of a returned mail: the receivers' reply to a `Returned`
    /// stream's message, else the logged one, else the stream's `bounceReply`.
    pub(super) fn bounce_reply(&self, stream: usize, index: u64) -> String {
        if let Some(reply) = self.plan.streams.get(stream).and_then(|s| s.returned_reply.as_ref()) {
            return reply.clone();
        }
        match self.plan.streams.get(stream).and_then(|s| s.logged_detail(index)) {
            Some((_, reply)) if !reply.is_empty() => reply.to_string(),
            // The scenario's text, echoed: shown as text, never as controls (the log's is already).
            _ => self
                .plan
                .scenario
                .streams
                .get(stream)
                .map(|s| visible(&s.bounce_reply, MAX_REPLY_CHARS))
                .unwrap_or_default(),
        }
    }

    /// The recipient a returned mail shows in the error log.
    pub(super) fn error_recipient(&self, stream: usize, index: u64) -> String {
        match self.plan.streams.get(stream).and_then(|s| s.logged_detail(index)) {
            Some((to, _)) if !to.is_empty() => to.to_string(),
            _ => {
                let domain = self.plan.scenario.streams.get(stream).map_or("", |s| s.recipient_domain.as_str());
                format!("rcpt{index}@{}", visible(domain, MAX_DOMAIN_CHARS))
            }
        }
    }
}
