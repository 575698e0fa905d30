//! The documented range of every scenario field, and the check. Out of range
//! is an `invalid-scenario` error naming the field (`thresholds.bucketSeconds`,
//! `streams[2].rate`); nothing can overflow the clock, hang the event loop or
//! grow memory past these limits. The README's "Limits" table lists the same.

use super::error::{Problem, ScenarioError};
use super::scenario::{Action, Scenario, When};
use super::tz::Zone;

pub const SECONDS_PER_DAY: u64 = 86_400;
/// Longest simulated span, and the largest offset of any time in a scenario: 400 days.
pub const MAX_SPAN_SECONDS: u64 = 400 * SECONDS_PER_DAY;
/// Most mails one scenario may generate (streams and logs together): five
/// times the million-mail benchmark; each costs a byte of outcome.
pub const MAX_SCENARIO_MAILS: u64 = 5_000_000;
/// Most streams in one scenario (a stream index fits the mail table's 16 bits).
pub const MAX_STREAMS: usize = 1_000;
/// Most scheduled actions in one scenario (ours: a click a minute for a week;
/// 10,000 ran in 0.6–1.4 s in the wasm, each leaving its entry in the result).
pub const MAX_ACTIONS: usize = 10_000;
/// `start` and `takenAt`: from 1970-01-01 to 2100-01-01 (Unix seconds).
pub const MAX_START: i64 = 4_102_444_800;
/// `seed`: integers JavaScript keeps exact (2⁵³ − 1).
pub const MAX_SEED: u64 = 9_007_199_254_740_991;
/// Lifetime counters (`service.sent`, `service.bounce`): exact in a double.
pub const MAX_LIFETIME_COUNT: u64 = 1_000_000_000_000_000;
/// Per-day counts (`sentToday`, `maxPerDay`, history volumes) and per-threshold counts.
pub const MAX_DAY_COUNT: u64 = 1_000_000_000;
/// Delays of a state change (purge, unblock): one day.
pub const MAX_DELAY_SECONDS: u64 = SECONDS_PER_DAY;
/// Ratio window (`bounceWindowMails`): one bit of memory each.
pub const MAX_WINDOW_MAILS: u64 = 1_000_000;
/// Widest "too fast" window: one day (the guides speak of mails sent "very quickly").
pub const MAX_BURST_WINDOW_SECONDS: u64 = SECONDS_PER_DAY;
/// Fastest redistribution: 1,000 mails a second.
pub const MAX_REDISTRIBUTION_PER_MINUTE: u64 = 60_000;
/// Fastest stream: 1,000 mails a second.
pub const MAX_RATE_PER_HOUR: f64 = 3_600_000.0;
/// Input error-log entries and history days (ours: 100,000 entries of a
/// 200-character reply are 28.6 MB of JSON, about the input limit, read in
/// 3.3 s with 66 MB of wasm memory; 10,000 days are 27 years of the API's `volumes`).
pub const MAX_ERROR_LOG_INPUT: usize = 100_000;
pub const MAX_HISTORY_INPUT: usize = 10_000;
/// Largest message or send log, in bytes (the engine's input limit).
pub const MAX_TEXT_BYTES: usize = 32 * 1024 * 1024;
/// Lines of all send logs together (each line is a mail).
pub const MAX_LOG_LINES: u64 = 1_000_000;
/// Short texts, in characters: names, addresses, domains, replies.
pub const MAX_NAME_CHARS: usize = 200;
pub const MAX_ADDRESS_CHARS: usize = 320;
pub const MAX_DOMAIN_CHARS: usize = 253;
pub const MAX_REPLY_CHARS: usize = 1_000;
/// `spamRulePrefixes`: entries and length.
pub const MAX_PREFIXES: usize = 50;

fn whole(field: impl Into<String>, value: u64, min: u64, max: u64) -> Result<(), ScenarioError> {
    if value < min || value > max {
        return Err(ScenarioError::invalid(field, Problem::Range { min: min as i128, max: max as i128 }));
    }
    Ok(())
}

fn number(field: impl Into<String>, value: f64, min: f64, max: f64) -> Result<(), ScenarioError> {
    if !value.is_finite() || value < min || value > max {
        return Err(ScenarioError::invalid(field, Problem::Number { min, max }));
    }
    Ok(())
}

fn text(field: impl Into<String>, value: &str, max_chars: usize) -> Result<(), ScenarioError> {
    text_named(|| field.into(), value, max_chars)
}

/// `text`, the field's name written only when it is refused: a list of 100,000
/// `bounces` had its three names per entry formatted for nothing (a tenth of a
/// simulation's time in the wasm).
fn text_named(field: impl FnOnce() -> String, value: &str, max_chars: usize) -> Result<(), ScenarioError> {
    // Bytes bound characters from above: only long texts are counted.
    if value.len() > max_chars && value.chars().count() > max_chars {
        return Err(ScenarioError::invalid(field(), Problem::TooLong { max: max_chars }));
    }
    Ok(())
}

/// Longest `timeZone`, in characters (ours: the longest tz database name,
/// `America/Argentina/ComodRivadavia`, has 32).
pub const MAX_TIME_ZONE_CHARS: usize = 64;

/// The scenario's time zone.
pub fn zone_of(scenario: &Scenario) -> Result<Zone, ScenarioError> {
    text("timeZone", &scenario.time_zone, MAX_TIME_ZONE_CHARS)?;
    Zone::named(scenario.time_zone.trim())
        .ok_or_else(|| ScenarioError::invalid("timeZone", Problem::TimeZone { name: scenario.time_zone.clone() }))
}

/// A `start`/`takenAt` value as Unix seconds, in range.
pub fn instant(field: &str, when: &When, zone: &Zone) -> Result<i64, ScenarioError> {
    let seconds = match when {
        When::Seconds(s) => *s,
        When::Text(t) => super::clock::parse_datetime(t, zone)
            .ok_or_else(|| ScenarioError::invalid(field, Problem::DateTime { text: t.clone() }))?,
    };
    if !(0..=MAX_START).contains(&seconds) {
        return Err(ScenarioError::invalid(field, Problem::Range { min: 0, max: MAX_START as i128 }));
    }
    Ok(seconds)
}

/// Checks every field against its documented range.
pub fn check(s: &Scenario) -> Result<(), ScenarioError> {
    if s.streams.len() > MAX_STREAMS {
        return Err(ScenarioError::TooManyStreams { count: s.streams.len(), limit: MAX_STREAMS });
    }
    if s.actions.len() > MAX_ACTIONS {
        return Err(ScenarioError::TooManyActions { count: s.actions.len(), limit: MAX_ACTIONS });
    }
    if let Some(until) = s.until {
        whole("until", until, 0, MAX_SPAN_SECONDS)?;
    }
    whole("seed", s.seed, 0, MAX_SEED)?;
    text("domain", &s.domain, MAX_DOMAIN_CHARS)?;

    let service = &s.service;
    whole("service.sent", service.sent, 0, MAX_LIFETIME_COUNT)?;
    whole("service.bounce", service.bounce, 0, MAX_LIFETIME_COUNT)?;
    whole("service.sentToday", service.sent_today, 0, MAX_DAY_COUNT)?;
    if let Some(max) = service.max_per_day {
        whole("service.maxPerDay", max, 0, MAX_DAY_COUNT)?;
    }
    if let Some(email) = &service.email {
        text("service.email", email, MAX_ADDRESS_CHARS)?;
    }
    if s.error_log.len() > MAX_ERROR_LOG_INPUT {
        return Err(ScenarioError::invalid(s.error_log_field(), Problem::TooMany { max: MAX_ERROR_LOG_INPUT }));
    }
    counters_within_sent(s)?;
    for (i, entry) in s.error_log.iter().enumerate() {
        let field = |name: &str| format!("{}[{i}].{name}", s.error_log_field());
        text_named(|| field("message"), entry.message.as_deref().unwrap_or(""), MAX_REPLY_CHARS)?;
        text_named(|| field("to"), entry.to.as_deref().unwrap_or(""), MAX_ADDRESS_CHARS)?;
        text_named(|| field("date"), entry.date.as_deref().unwrap_or(""), 64)?;
    }
    if s.history.len() > MAX_HISTORY_INPUT {
        return Err(ScenarioError::invalid(s.history_field(), Problem::TooMany { max: MAX_HISTORY_INPUT }));
    }
    for (i, day) in s.history.iter().enumerate() {
        text_named(|| format!("{}[{i}].date", s.history_field()), &day.date, 64)?;
        if day.volume.is_some_and(|v| v > MAX_DAY_COUNT) {
            whole(format!("{}[{i}].volume", s.history_field()), day.volume.unwrap_or(0), 0, MAX_DAY_COUNT)?;
        }
    }

    let t = &s.thresholds;
    whole("thresholds.retentionSeconds", t.retention_seconds, 1, MAX_SPAN_SECONDS)?;
    whole("thresholds.purgeSeconds", t.purge_seconds, 0, MAX_DELAY_SECONDS)?;
    whole("thresholds.unblockDelaySeconds", t.unblock_delay_seconds, 0, MAX_DELAY_SECONDS)?;
    whole("thresholds.burstMaxMails", t.burst_max_mails, 1, MAX_DAY_COUNT)?;
    whole("thresholds.burstWindowSeconds", t.burst_window_seconds, 1, MAX_BURST_WINDOW_SECONDS)?;
    number("thresholds.bounceRatio", t.bounce_ratio, 0.0, 1.0)?;
    whole("thresholds.bounceWindowMails", t.bounce_window_mails, 1, MAX_WINDOW_MAILS)?;
    whole("thresholds.bounceMinMails", t.bounce_min_mails, 0, MAX_DAY_COUNT)?;
    whole("thresholds.maxErrorsPerHour", t.max_errors_per_hour, 0, MAX_DAY_COUNT)?;
    whole("thresholds.spamMailsBeforeBlock", t.spam_mails_before_block, 1, MAX_DAY_COUNT)?;
    whole("thresholds.redistributionPerMinute", t.redistribution_per_minute, 1, MAX_REDISTRIBUTION_PER_MINUTE)?;
    whole("thresholds.smtpPerAccountPerHour", t.smtp_per_account_per_hour, 0, MAX_DAY_COUNT)?;
    whole("thresholds.smtpPerIpPerHour", t.smtp_per_ip_per_hour, 0, MAX_DAY_COUNT)?;
    if let Some(bucket) = t.bucket_seconds {
        whole("thresholds.bucketSeconds", bucket, 1, MAX_SPAN_SECONDS)?;
    }
    if t.spam_rule_prefixes.len() > MAX_PREFIXES {
        return Err(ScenarioError::invalid("thresholds.spamRulePrefixes", Problem::TooMany { max: MAX_PREFIXES }));
    }
    for (i, prefix) in t.spam_rule_prefixes.iter().enumerate() {
        text(format!("thresholds.spamRulePrefixes[{i}]"), prefix, MAX_NAME_CHARS)?;
    }

    let mut declared = 0u64;
    for (i, stream) in s.streams.iter().enumerate() {
        let f = |name: &str| format!("streams[{i}].{name}");
        text(f("name"), &stream.name, MAX_NAME_CHARS)?;
        whole(f("start"), stream.start, 0, MAX_SPAN_SECONDS)?;
        whole(f("duration"), stream.duration, 0, MAX_SPAN_SECONDS)?;
        number(f("rate"), stream.rate, 0.0, MAX_RATE_PER_HOUR)?;
        number(f("bounceShare"), stream.bounce_share, 0.0, 1.0)?;
        if let Some(count) = stream.count {
            // Over the scenario's limit is `too-many-mails` (below); only a value that is
            // not a whole number at all is out of range here.
            whole(f("count"), count, 0, u64::MAX - 1)?;
        }
        if let Some(at) = stream.log_start {
            whole(f("logStart"), at, 0, MAX_SPAN_SECONDS)?;
        }
        text(f("account"), &stream.account, MAX_ADDRESS_CHARS)?;
        text(f("ip"), &stream.ip, MAX_ADDRESS_CHARS)?;
        text(f("recipientDomain"), &stream.recipient_domain, MAX_DOMAIN_CHARS)?;
        text(f("bounceReply"), &stream.bounce_reply, MAX_REPLY_CHARS)?;
        if stream.message.as_ref().is_some_and(|m| m.len() > MAX_TEXT_BYTES) {
            return Err(ScenarioError::invalid(f("message"), Problem::TooLong { max: MAX_TEXT_BYTES }));
        }
        if let Some(log) = &stream.log {
            if log.len() > MAX_TEXT_BYTES {
                return Err(ScenarioError::invalid(f("log"), Problem::TooLong { max: MAX_TEXT_BYTES }));
            }
            // A logged stream takes its mails, times and errors from the log.
            for (given, name) in [
                (stream.count.is_some(), "count"),
                (stream.rate != 0.0, "rate"),
                (stream.duration != 0, "duration"),
                (stream.bounce_share != 0.0, "bounceShare"),
            ] {
                if given {
                    return Err(ScenarioError::invalid(f(name), Problem::Conflict { with: "log" }));
                }
            }
        } else {
            declared = declared.saturating_add(stream_mail_count(stream.count, stream.rate, stream.duration));
            if declared > MAX_SCENARIO_MAILS {
                return Err(ScenarioError::TooManyMails { count: declared, limit: MAX_SCENARIO_MAILS });
            }
        }
    }
    for (i, action) in s.actions.iter().enumerate() {
        whole(format!("actions[{i}].at"), action.at, 0, MAX_SPAN_SECONDS)?;
        text(format!("actions[{i}].email"), action.email.as_deref().unwrap_or(""), MAX_ADDRESS_CHARS)?;
        // The panel's "change the recipient" asks for an address (seed 002); without a
        // valid one the notifications would go nowhere.
        if action.action == Action::ChangeRecipient {
            let email = action.email.as_deref().unwrap_or("");
            if !is_email(email) {
                let problem = Problem::Email { text: email.to_string() };
                return Err(ScenarioError::invalid(format!("actions[{i}].email"), problem));
            }
        }
    }
    if let Some(mails) = s.questions.mails {
        whole("questions.mails", mails, 0, MAX_LIFETIME_COUNT)?;
    }
    Ok(())
}

/// The snapshot's counters as the panel keeps them: "total des e-mails
/// envoyés … depuis la création", "e-mails envoyés aujourd'hui" and "total des
/// e-mails … revenus en erreur" (seed 002) count the same mails, so the mails
/// sent today, those in error and the error log's entries are among the total
/// sent. A snapshot where one is larger cannot have been read from one panel:
/// it is refused, naming the counter. A partial snapshot that leaves `sent`
/// out (0 from code) states no total and is read as given.
fn counters_within_sent(s: &Scenario) -> Result<(), ScenarioError> {
    let service = &s.service;
    if !s.spelling.service_sent && service.sent == 0 {
        return Ok(());
    }
    for (field, value) in [
        ("service.sentToday", service.sent_today),
        ("service.bounce", service.bounce),
        (s.error_log_field(), s.error_log.len() as u64),
    ] {
        if value > service.sent {
            let problem = Problem::AboveSent { value, sent: service.sent };
            return Err(ScenarioError::invalid(field, problem));
        }
    }
    Ok(())
}

/// Mails of a generated stream: `count`, or `rate` per hour over `duration`.
/// The product is rounded to 9 significant digits before the floor, so a
/// rate written in decimal is read as written (0.7/h over 100 h is 70 mails,
/// where the binary 0.7 × 360,000 / 3,600 gives 69.999…).
pub fn stream_mail_count(count: Option<u64>, rate: f64, duration: u64) -> u64 {
    if let Some(n) = count {
        return n;
    }
    let exact = rate * duration as f64 / 3600.0;
    if !exact.is_finite() || exact <= 0.0 {
        return 0;
    }
    let tolerance = exact * 1e-9;
    let mails = (exact + tolerance).floor();
    if mails >= u64::MAX as f64 {
        u64::MAX
    } else {
        mails as u64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_decimal_rate_gives_the_mails_it_says() {
        assert_eq!(stream_mail_count(None, 0.7, 360_000), 70);
        assert_eq!(stream_mail_count(None, 1.0, 259_200), 72);
        assert_eq!(stream_mail_count(None, 2.5, 3_599), 2);
        assert_eq!(stream_mail_count(Some(5), 1e9, 1), 5);
    }
}

/// Whether `text` is one bare address `local@domain` (RFC 5322 §3.4.1 addr-spec).
fn is_email(text: &str) -> bool {
    use crate::grammar::{address::check_addr_spec, Level};
    !text.trim().is_empty() && check_addr_spec(text.trim().as_bytes()).worst() != Some(Level::Invalid)
}
