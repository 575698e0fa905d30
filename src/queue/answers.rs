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
//! - the error ratio does not depend on the rate: at a share of errors at or
//!   over the limit no rate stays green;
//! - the daily cap: beyond `maxPerDay` / 24 an hour, mails wait for the next day.

use super::compare::Comparison;
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
    /// The share of errors is at or over the ratio: no rate stays green.
    BounceRatio,
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
    // Force doubles the allowed ratio (seed 002).
    let factor = if inputs.state == State::Force { 2.0 } else { 1.0 };
    let limit = (inputs.bounce_ratio * factor).min(1.0);
    let lifetime_over =
        inputs.basis == RatioBasis::Total && inputs.sent > 0 && inputs.bounce as f64 > limit * inputs.sent as f64;
    let ratio_fails = share > 0.0 && (share >= limit || lifetime_over);
    let burst = (inputs.burst_max_mails as u128 * 3600 / inputs.burst_window_seconds.max(1) as u128) as u64;
    let mut bounds = vec![
        RateBound { limit: RateLimit::Burst, mails_per_hour: burst },
        RateBound { limit: RateLimit::DailyCap, mails_per_hour: inputs.max_per_day / 24 },
    ];
    if share > 0.0 {
        let errors = (inputs.max_errors_per_hour as f64 / share * (1.0 + 1e-12)).floor();
        bounds.push(RateBound { limit: RateLimit::ErrorsPerHour, mails_per_hour: errors.min(u64::MAX as f64) as u64 });
    }
    if ratio_fails {
        bounds.push(RateBound { limit: RateLimit::BounceRatio, mails_per_hour: 0 });
    }
    bounds.sort_by_key(|b| b.mails_per_hour);
    let lowest = bounds[0].clone();
    let message_id = match lowest.limit {
        RateLimit::BounceRatio => "queue.answer.rate.none",
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
