//! The owner's questions: the highest steady sending rate that keeps the
//! service green, how long N mails take at that rate, and what a captcha
//! changes (the spam streams removed).
//!
//! The rate follows from the thresholds, for mails spread evenly (a queue or a
//! cron job sending one mail every 3,600 / r seconds):
//! - too fast: at most `burstMaxMails` in any `burstWindowSeconds`: with
//!   evenly spaced mails a window holds at most ⌈W·r/3600⌉ of them, so
//!   r ≤ burstMaxMails × 3600 / W;
//! - errors per hour: an hour holds r mails and, with the exact error
//!   schedule, at most ⌈r × share⌉ errors: r ≤ maxErrorsPerHour / share;
//! - the error ratio does not depend on the rate: the engine goes to Bounce
//!   when errors > limit × sent (not ≥), so over the limit no rate stays
//!   green; exactly at it, whether the errors run ahead of the share depends
//!   on where they fall (the seed's phase), so the answer walks each stream's
//!   own schedule as the engine would (ours: each stream alone); and a
//!   snapshot whose lifetime counters are already over the limit is Bounce at
//!   the next error, whatever the rate;
//! - the daily cap: beyond `maxPerDay` / 24 an hour, mails wait for the next day.

use super::compare::Comparison;
use super::engine::{initial_ratio_factor, ratio_exceeded, ratio_units};
use super::result::MailKind;
use super::scenario::{RatioBasis, State, Transport};
use crate::i18n::Msg;
use serde::{Deserialize, Serialize};

/// What bounds the steady rate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum RateLimit {
    /// "Too many mails very quickly" (`burstMaxMails` per `burstWindowSeconds`).
    Burst,
    /// "Too many mails returned in error" (`maxErrorsPerHour`).
    ErrorsPerHour,
    /// The share of errors is over the ratio (or runs ahead of it): no rate stays green.
    BounceRatio,
    /// The snapshot's lifetime counters are already over the ratio: the next error gives Bounce.
    LifetimeRatio,
    /// `maxPerDay`: beyond it mails wait for the next day.
    DailyCap,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RateBound {
    pub limit: RateLimit,
    /// Mails per hour this limit allows.
    pub mails_per_hour: u64,
}

/// The highest steady rate that keeps the service green.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SteadyRate {
    pub mails_per_hour: u64,
    pub limited_by: RateLimit,
    /// Every limit, lowest first.
    pub bounds: Vec<RateBound>,
    /// The share of errors of the scenario's `mail()` streams (weighted by their mails).
    pub bounce_share: f64,
    /// Localized answer.
    pub message: String,
}

/// How long N mails take at the steady rate.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TimeFor {
    pub mails: u64,
    /// From the first mail to the last; absent when no rate stays green.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub seconds: Option<u64>,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Answers {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_steady_rate: Option<SteadyRate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time_for: Option<TimeFor>,
    /// The run as given (A) against the same run without its spam streams (B):
    /// what a captcha on the form changes. Present when a stream is spam.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub captcha: Option<Comparison>,
}

/// The inputs of the rate: thresholds, the state's ratio factor, the streams' mix.
pub struct RateInputs {
    pub burst_max_mails: u64,
    pub burst_window_seconds: u64,
    pub max_errors_per_hour: u64,
    pub bounce_ratio: f64,
    pub basis: RatioBasis,
    pub state: State,
    pub max_per_day: u64,
    /// (mails, bounce share, kind, transport) of each stream.
    pub streams: Vec<(u64, f64, MailKind, Transport)>,
    /// Lifetime counters of the snapshot.
    pub sent: u64,
    pub bounce: u64,
    /// `bounceMinMails`: the engine judges the ratio from this many mails on.
    pub bounce_min_mails: u64,
    /// At a share exactly at the limit, whether a stream's own errors run
    /// ahead of it somewhere (see [`errors_run_ahead`]).
    pub errors_run_ahead: bool,
}

/// Whether, sent alone, a stream's errors ever exceed `limit` × the mails
/// counted — the engine's test (`errors > limit × sent`, from `min_mails`
/// mails on), on the lifetime counters (`basis` total, `sent`/`bounce` added)
/// or on the last `window` mails (recent).
pub fn errors_run_ahead(
    count: u64,
    bounces: impl Fn(u64) -> bool,
    limit: f64,
    basis: RatioBasis,
    window: u64,
    min_mails: u64,
    (sent, bounce): (u64, u64),
) -> bool {
    let (mut mails, mut errors) = if basis == RatioBasis::Total { (sent, bounce) } else { (0, 0) };
    for k in 0..count {
        let error = bounces(k);
        mails += 1;
        errors += error as u64;
        if basis == RatioBasis::Recent && mails > window.max(1) {
            mails -= 1;
            errors -= bounces(k - window.max(1)) as u64;
        }
        if error && ratio_exceeded(errors, mails, limit, min_mails) {
            return true;
        }
    }
    false
}

/// The highest steady rate, and its answer in `locale`.
pub fn steady_rate(inputs: &RateInputs, locale: crate::i18n::Locale) -> SteadyRate {
    let clean: Vec<_> = inputs
        .streams
        .iter()
        .filter(|(_, _, kind, transport)| *kind == MailKind::Clean && *transport == Transport::Mail)
        .collect();
    let mails: u64 = clean.iter().map(|(n, ..)| *n).sum();
    let share = if mails == 0 {
        clean.iter().map(|(_, s, ..)| *s).fold(0.0, f64::max)
    } else {
        clean.iter().map(|(n, s, ..)| *n as f64 * s).sum::<f64>() / mails as f64
    };
    let limit = (inputs.bounce_ratio * initial_ratio_factor(inputs.state)).min(1.0);
    // The engine's comparison, on the snapshot's own counters.
    let lifetime_over = inputs.basis == RatioBasis::Total
        && ratio_exceeded(inputs.bounce, inputs.sent, limit, inputs.bounce_min_mails);
    // Compared as the engine compares (parts per billion), not as doubles.
    let at_limit = ratio_units(share) == ratio_units(limit);
    let ratio_fails = ratio_units(share) > ratio_units(limit) || (at_limit && inputs.errors_run_ahead);
    let burst = (inputs.burst_max_mails as u128 * 3600 / inputs.burst_window_seconds.max(1) as u128) as u64;
    let mut bounds = vec![
        RateBound { limit: RateLimit::Burst, mails_per_hour: burst },
        RateBound { limit: RateLimit::DailyCap, mails_per_hour: inputs.max_per_day / 24 },
    ];
    if share > 0.0 {
        let errors = (inputs.max_errors_per_hour as f64 / share * (1.0 + 1e-12)).floor();
        bounds.push(RateBound { limit: RateLimit::ErrorsPerHour, mails_per_hour: errors.min(u64::MAX as f64) as u64 });
    }
    if share > 0.0 && lifetime_over {
        bounds.push(RateBound { limit: RateLimit::LifetimeRatio, mails_per_hour: 0 });
    }
    if share > 0.0 && ratio_fails {
        bounds.push(RateBound { limit: RateLimit::BounceRatio, mails_per_hour: 0 });
    }
    bounds.sort_by_key(|b| b.mails_per_hour);
    let lowest = bounds[0].clone();
    let message_id = match lowest.limit {
        RateLimit::BounceRatio if at_limit => "queue.answer.rate.at-limit",
        RateLimit::BounceRatio => "queue.answer.rate.none",
        RateLimit::LifetimeRatio => "queue.answer.rate.lifetime",
        RateLimit::Burst => "queue.answer.rate.burst",
        RateLimit::ErrorsPerHour => "queue.answer.rate.errors",
        RateLimit::DailyCap => "queue.answer.rate.daily-cap",
    };
    let message = Msg::new(message_id)
        .int("rate", lowest.mails_per_hour)
        .float("perMinute", lowest.mails_per_hour as f64 / 60.0)
        .float("share", share * 100.0)
        .float("limit", limit * 100.0)
        .int("burst", inputs.burst_max_mails)
        .int("window", inputs.burst_window_seconds)
        .int("errors", inputs.max_errors_per_hour)
        .int("cap", inputs.max_per_day)
        .int("sent", inputs.sent)
        .int("bounce", inputs.bounce)
        .float("ratio", inputs.bounce as f64 * 100.0 / inputs.sent.max(1) as f64)
        .render(locale);
    SteadyRate { mails_per_hour: lowest.mails_per_hour, limited_by: lowest.limit, bounds, bounce_share: share, message }
}

/// How long `mails` mails take at `rate` per hour (the first at 0).
pub fn time_for(mails: u64, rate: &SteadyRate, locale: crate::i18n::Locale) -> TimeFor {
    let per_hour = rate.mails_per_hour;
    if per_hour == 0 {
        let message = Msg::new("queue.answer.time.none").int("mails", mails).render(locale);
        return TimeFor { mails, seconds: None, message };
    }
    let seconds = (mails.saturating_sub(1) as u128 * 3600).div_ceil(per_hour as u128).min(u64::MAX as u128) as u64;
    // Minutes under two hours, hours under two days, days beyond.
    let message = if seconds < 7200 {
        Msg::new("queue.answer.time.minutes").int("minutes", seconds.div_ceil(60))
    } else if seconds < 2 * 86_400 {
        Msg::new("queue.answer.time.hours").float("hours", seconds as f64 / 3600.0)
    } else {
        Msg::new("queue.answer.time.days").float("days", seconds as f64 / 86_400.0)
    };
    let message = message.int("mails", mails).int("rate", per_hour).render(locale);
    TimeFor { mails, seconds: Some(seconds), message }
}
