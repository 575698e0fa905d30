//! Every value the simulation relies on, labelled: stated by the guides,
//! given by the scenario, or ours (the guides give no number), with the range
//! a user should expect in reality. The page and the CLI show this list next
//! to the result, so no default of ours passes for a fact.

use super::engine::{redistributed_per_window, redistribution_room, EXPECTED_DELAY_SECONDS};
use super::prepare::Plan;
use super::result::{Assumption, Source};
use super::scenario::{QueueThresholds, RatioBasis};
use super::tz::DEFAULT_TIME_ZONE;
use crate::i18n::{format_decimal, format_int, Locale, Msg};
use serde_json::json;

pub fn assumptions(plan: &Plan) -> Vec<Assumption> {
    let scenario = plan.scenario;
    let t = &scenario.thresholds;
    let d = QueueThresholds::default();
    let locale = scenario.locale;
    // A value the scenario changed is the scenario's; otherwise its default's source.
    let row = |field: &str,
               value: serde_json::Value,
               changed: bool,
               default: Source,
               expected: Option<[f64; 2]>,
               note: Msg| {
        let source = if changed { Source::Scenario } else { default };
        let (shown, expected_shown) = shown(field, &value, expected, locale);
        Assumption { field: field.to_string(), value, source, expected, shown, expected_shown, note: note.render(locale) }
    };
    let delay = Some([EXPECTED_DELAY_SECONDS.0 as f64, EXPECTED_DELAY_SECONDS.1 as f64]);
    let note = Msg::new;
    let basis_changed = t.bounce_ratio_basis != RatioBasis::Total;
    let burst_changed = t.burst_max_mails != d.burst_max_mails || t.burst_window_seconds != d.burst_window_seconds;
    let smtp_changed =
        t.smtp_per_account_per_hour != d.smtp_per_account_per_hour || t.smtp_per_ip_per_hour != d.smtp_per_ip_per_hour;
    vec![
        row(
            "thresholds.retentionSeconds",
            json!(t.retention_seconds),
            t.retention_seconds != d.retention_seconds,
            Source::Guide,
            None,
            note("queue.assumption.retention"),
        ),
        row(
            "thresholds.unblockDelaySeconds",
            json!(t.unblock_delay_seconds),
            t.unblock_delay_seconds != d.unblock_delay_seconds,
            Source::Ours,
            delay,
            note("queue.assumption.unblock-delay"),
        ),
        row(
            "thresholds.purgeSeconds",
            json!(t.purge_seconds),
            t.purge_seconds != d.purge_seconds,
            Source::Ours,
            delay,
            note("queue.assumption.purge"),
        ),
        row(
            "thresholds.burstMaxMails",
            json!({"mails": t.burst_max_mails, "windowSeconds": t.burst_window_seconds}),
            burst_changed,
            Source::Ours,
            None,
            note("queue.assumption.burst"),
        ),
        row(
            "thresholds.bounceRatio",
            json!(t.bounce_ratio),
            t.bounce_ratio != d.bounce_ratio,
            Source::Ours,
            Some([0.05, 0.10]),
            note("queue.assumption.bounce-ratio"),
        ),
        row(
            "thresholds.bounceRatioBasis",
            json!(t.bounce_ratio_basis),
            basis_changed,
            Source::Guide,
            None,
            note("queue.assumption.ratio-basis"),
        ),
        row(
            "thresholds.bounceMinMails",
            json!(t.bounce_min_mails),
            t.bounce_min_mails != d.bounce_min_mails,
            Source::Ours,
            None,
            note("queue.assumption.bounce-min"),
        ),
        row(
            "thresholds.maxErrorsPerHour",
            json!(t.max_errors_per_hour),
            t.max_errors_per_hour != d.max_errors_per_hour,
            Source::Ours,
            None,
            note("queue.assumption.errors-per-hour"),
        ),
        row(
            "thresholds.spamMailsBeforeBlock",
            json!(t.spam_mails_before_block),
            t.spam_mails_before_block != d.spam_mails_before_block,
            Source::Ours,
            Some([1.0, 10.0]),
            note("queue.assumption.spam"),
        ),
        row(
            "thresholds.redistributionPerMinute",
            json!(t.redistribution_per_minute),
            t.redistribution_per_minute != d.redistribution_per_minute,
            Source::Ours,
            None,
            redistribution_note(t),
        ),
        row(
            "thresholds.smtpPerAccountPerHour",
            json!({"account": t.smtp_per_account_per_hour, "ip": t.smtp_per_ip_per_hour}),
            smtp_changed,
            Source::Guide,
            None,
            note("queue.assumption.smtp"),
        ),
        row(
            "service.maxPerDay",
            json!(plan.max_per_day),
            scenario.service.max_per_day.is_some(),
            Source::Ours,
            None,
            note("queue.assumption.max-per-day"),
        ),
        row(
            "timeZone",
            json!(plan.zone.name()),
            plan.zone.name() != DEFAULT_TIME_ZONE,
            Source::Ours,
            None,
            note("queue.assumption.time-zone").text("tzdata", super::tz::TZDATA_VERSION),
        ),
    ]
}

/// What the redistribution pace means for the "too fast" threshold: how many
/// held mails it puts in a burst window alone, and how many new mails the
/// window still takes beside them (ours: the guides give no pace, and their
/// « trop d'e-mails ont été émis très rapidement », seed 002, makes no
/// exception for redistributed mails).
fn redistribution_note(t: &QueueThresholds) -> Msg {
    let held = redistributed_per_window(t.redistribution_per_minute, t.burst_window_seconds);
    let id = if held > t.burst_max_mails {
        "queue.assumption.redistribution-over"
    } else {
        "queue.assumption.redistribution"
    };
    Msg::new(id)
        .int("rate", t.redistribution_per_minute)
        .int("held", held)
        .int("burst", t.burst_max_mails)
        .int("window", t.burst_window_seconds)
        .int("room", redistribution_room(t.redistribution_per_minute, t.burst_max_mails, t.burst_window_seconds))
}

/// A whole number or a decimal as the catalogue writes it (7200, 12.5).
fn number(value: f64, locale: Locale) -> String {
    // 0.1 × 100 is 10.000000000000002 in a double: six decimals are plenty here.
    let value = (value * 1e6).round() / 1e6;
    if value.fract() == 0.0 && value.abs() < 1e15 {
        format_int(value as i64, locale)
    } else {
        format_decimal(value, locale)
    }
}

/// The unit a span of seconds reads best in: hours, minutes or seconds, the
/// largest that divides every value.
fn time_unit(values: &[f64]) -> (f64, &'static str) {
    let whole = |unit: f64| values.iter().all(|v| *v >= unit && v % unit == 0.0);
    if whole(3600.0) {
        (3600.0, "h")
    } else if whole(60.0) {
        (60.0, "min")
    } else {
        (1.0, "s")
    }
}

/// An assumption's value and expected range in the reader's words, with units:
/// durations in h/min/s, ratios in percent, rates per minute, hour or day.
fn shown(field: &str, value: &serde_json::Value, expected: Option<[f64; 2]>, locale: Locale) -> (String, Option<String>) {
    let n = |key: &str| value.get(key).and_then(serde_json::Value::as_f64).unwrap_or(0.0);
    let v = value.as_f64().unwrap_or(0.0);
    let per = |id: &'static str| Msg::new(id).text("n", number(v, locale)).render(locale);
    let shown = match field {
        f if f.ends_with("Seconds") => {
            let (size, unit) = time_unit(&[v]);
            Msg::new("queue.value.duration").text("n", number(v / size, locale)).text("unit", unit).render(locale)
        }
        "thresholds.burstMaxMails" => Msg::new("queue.value.burst")
            .int("mails", n("mails") as u64)
            .text("window", number(n("windowSeconds"), locale))
            .render(locale),
        "thresholds.bounceRatio" => {
            Msg::new("queue.value.percent").text("n", number(v * 100.0, locale)).render(locale)
        }
        "thresholds.smtpPerAccountPerHour" => Msg::new("queue.value.smtp")
            .text("account", number(n("account"), locale))
            .text("ip", number(n("ip"), locale))
            .render(locale),
        "thresholds.maxErrorsPerHour" => per("queue.value.per-hour"),
        "thresholds.redistributionPerMinute" => per("queue.value.per-minute"),
        "service.maxPerDay" => per("queue.value.per-day"),
        // A word of the scenario's language (`total`, `recent`) is no text for the reader: said in theirs.
        "thresholds.bounceRatioBasis" => match value.as_str() {
            Some("recent") => Msg::new("queue.value.basis.recent").render(locale),
            _ => Msg::new("queue.value.basis.total").render(locale),
        },
        _ => match value {
            serde_json::Value::String(text) => text.clone(),
            serde_json::Value::Number(_) => number(v, locale),
            other => other.to_string(),
        },
    };
    let expected_shown = expected.map(|[from, to]| match field {
        f if f.ends_with("Seconds") => {
            let (size, unit) = time_unit(&[from, to]);
            Msg::new("queue.value.range")
                .text("from", number(from / size, locale))
                .text("to", number(to / size, locale))
                .text("unit", unit)
                .render(locale)
        }
        "thresholds.bounceRatio" => Msg::new("queue.value.percent-range")
            .text("from", number(from * 100.0, locale))
            .text("to", number(to * 100.0, locale))
            .render(locale),
        _ => Msg::new("queue.value.count-range")
            .text("from", number(from, locale))
            .text("to", number(to, locale))
            .render(locale),
    });
    (shown, expected_shown)
}
