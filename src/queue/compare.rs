//! Two runs side by side: what changes between scenario A and scenario B (a
//! captcha that removes the bot, a slower newsletter, a purge instead of an
//! unblock), measured on the numbers a site owner cares about.

use super::machine::{is_red, state_key};
use super::result::{MailKind, NotificationKind, Outcome, SimulationResult};
use super::scenario::State;
use crate::i18n::{Locale, Msg};
use serde::{Deserialize, Serialize};

/// The numbers of one run that a comparison looks at.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RunSummary {
    /// Final state, and whether it is red (`ko`, `bounce`, `spam`).
    pub state: State,
    pub red: bool,
    /// Seconds spent in a red state, and when the first red state began.
    pub red_seconds: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first_red_at: Option<i64>,
    pub mails: u64,
    /// Legitimate mails (every stream but the spam ones) sent and not
    /// returned, at once or after waiting.
    pub delivered: u64,
    /// The spam streams' mails that went out: not a gain, what a captcha stops.
    pub spam_delivered: u64,
    /// Returned in error (the panel's path and the SMTP path).
    pub returned: u64,
    /// Legitimate mails expired, purged or refused: visitors' mails that never
    /// reached anyone (the spam streams' are not a loss).
    pub lost: u64,
    pub pending: u64,
    pub held: u64,
    pub max_queue: u64,
    pub longest_hold_seconds: u64,
    pub spam_episodes: u32,
    pub abuse_notices: u64,
    /// State changes.
    pub changes: u64,
}

impl RunSummary {
    pub fn of(result: &SimulationResult) -> RunSummary {
        let count = |spam: bool, f: fn(Outcome) -> bool| -> u64 {
            let streams = result.streams.iter().filter(|s| (s.kind == MailKind::Spam) == spam);
            streams.flat_map(|s| s.outcomes.iter()).filter(|(o, _)| f(**o)).map(|(_, n)| n).sum()
        };
        let delivered = |o: Outcome| matches!(o, Outcome::Delivered | Outcome::HeldThenDelivered);
        RunSummary {
            state: result.state,
            red: is_red(result.state),
            red_seconds: result.counters.red_seconds,
            first_red_at: result.timeline.iter().find(|c| is_red(c.to)).map(|c| c.at).or_else(|| {
                (result.timeline.first().map_or(is_red(result.state), |c| is_red(c.from))).then_some(result.start)
            }),
            mails: result.counters.mails,
            delivered: count(false, delivered),
            spam_delivered: count(true, delivered),
            returned: result.outcomes.iter().filter(|o| o.outcome.is_error()).map(|o| o.count).sum(),
            lost: count(false, Outcome::is_lost),
            pending: result.counters.pending,
            held: result.counters.held,
            max_queue: result.counters.max_queue,
            longest_hold_seconds: result.counters.longest_hold_seconds,
            spam_episodes: result.counters.spam_episodes,
            abuse_notices: result.notifications.iter().filter(|n| n.kind == NotificationKind::AbuseNotice).count()
                as u64,
            changes: result.timeline.len() as u64,
        }
    }
}

/// A and B side by side, with one localized line per number that differs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Comparison {
    pub a: RunSummary,
    pub b: RunSummary,
    /// "Mails lost: 490 → 0", in the reader's language, for every number that differs.
    pub differences: Vec<String>,
}

/// Compares two results (already simulated).
pub fn compare_results(a: &SimulationResult, b: &SimulationResult, locale: Locale) -> Comparison {
    let (sa, sb) = (RunSummary::of(a), RunSummary::of(b));
    let mut differences = Vec::new();
    let line = |metric: &'static str, from: String, to: String| {
        Msg::new("queue.compare.line")
            .text("metric", Msg::new(metric).render(locale))
            .text("a", from)
            .text("b", to)
            .render(locale)
    };
    let state = |s: State| Msg::new(state_key(s)).render(locale);
    if sa.state != sb.state {
        differences.push(line("queue.compare.metric.state", state(sa.state), state(sb.state)));
    }
    let number = |n: u64| crate::i18n::format_int(i64::try_from(n).unwrap_or(i64::MAX), locale);
    // One decimal, as the CLI's summary line shows the same hours ("13.1 h").
    let hours = |s: u64| Msg::new("queue.compare.hours").fixed("hours", s as f64 / 3600.0, 1).render(locale);
    if sa.red_seconds != sb.red_seconds {
        differences.push(line("queue.compare.metric.red", hours(sa.red_seconds), hours(sb.red_seconds)));
    }
    for (metric, x, y) in [
        ("queue.compare.metric.delivered", sa.delivered, sb.delivered),
        ("queue.compare.metric.spam-delivered", sa.spam_delivered, sb.spam_delivered),
        ("queue.compare.metric.returned", sa.returned, sb.returned),
        ("queue.compare.metric.lost", sa.lost, sb.lost),
        ("queue.compare.metric.pending", sa.pending, sb.pending),
        ("queue.compare.metric.max-queue", sa.max_queue, sb.max_queue),
        ("queue.compare.metric.abuse", sa.abuse_notices, sb.abuse_notices),
    ] {
        if x != y {
            differences.push(line(metric, number(x), number(y)));
        }
    }
    if sa.longest_hold_seconds != sb.longest_hold_seconds {
        differences.push(line(
            "queue.compare.metric.longest-hold",
            hours(sa.longest_hold_seconds),
            hours(sb.longest_hold_seconds),
        ));
    }
    Comparison { a: sa, b: sb, differences }
}
