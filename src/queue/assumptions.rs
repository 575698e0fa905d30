//! Every value the simulation relies on, labelled: stated by the guides,
//! given by the scenario, or ours (the guides give no number), with the range
//! a user should expect in reality. The page and the CLI show this list next
//! to the result, so no default of ours passes for a fact.

use super::engine::EXPECTED_DELAY_SECONDS;
use super::prepare::Plan;
use super::result::{Assumption, Source};
use super::scenario::{QueueThresholds, RatioBasis};
use super::tz::DEFAULT_TIME_ZONE;
use crate::i18n::Msg;
use serde_json::json;

pub fn assumptions(plan: &Plan) -> Vec<Assumption> {
    let scenario = plan.scenario;
    let t = &scenario.thresholds;
    let d = QueueThresholds::default();
    let locale = scenario.locale;
    let note = |id: &'static str| Msg::new(id);
    // A value the scenario changed is the scenario's; otherwise its default's source.
    let source = |changed: bool, default: Source| if changed { Source::Scenario } else { default };
    let delay = Some([EXPECTED_DELAY_SECONDS.0 as f64, EXPECTED_DELAY_SECONDS.1 as f64]);
    let mut list = vec![
        (
            "thresholds.retentionSeconds",
            json!(t.retention_seconds),
            source(t.retention_seconds != d.retention_seconds, Source::Guide),
            None,
            note("queue.assumption.retention"),
        ),
        (
            "thresholds.unblockDelaySeconds",
            json!(t.unblock_delay_seconds),
            source(t.unblock_delay_seconds != d.unblock_delay_seconds, Source::Ours),
            delay,
            note("queue.assumption.unblock-delay"),
        ),
        (
            "thresholds.purgeSeconds",
            json!(t.purge_seconds),
            source(t.purge_seconds != d.purge_seconds, Source::Ours),
            delay,
            note("queue.assumption.purge"),
        ),
        (
            "thresholds.burstMaxMails",
            json!({"mails": t.burst_max_mails, "windowSeconds": t.burst_window_seconds}),
            source(t.burst_max_mails != d.burst_max_mails || t.burst_window_seconds != d.burst_window_seconds, Source::Ours),
            None,
            note("queue.assumption.burst"),
        ),
        (
            "thresholds.bounceRatio",
            json!(t.bounce_ratio),
            source(t.bounce_ratio != d.bounce_ratio, Source::Ours),
            Some([0.05, 0.10]),
            note("queue.assumption.bounce-ratio"),
        ),
        (
            "thresholds.bounceRatioBasis",
            json!(t.bounce_ratio_basis),
            if t.bounce_ratio_basis == RatioBasis::Total { Source::Guide } else { Source::Scenario },
            None,
            note("queue.assumption.ratio-basis"),
        ),
        (
            "thresholds.bounceMinMails",
            json!(t.bounce_min_mails),
            source(t.bounce_min_mails != d.bounce_min_mails, Source::Ours),
            None,
            note("queue.assumption.bounce-min"),
        ),
        (
            "thresholds.maxErrorsPerHour",
            json!(t.max_errors_per_hour),
            source(t.max_errors_per_hour != d.max_errors_per_hour, Source::Ours),
            None,
            note("queue.assumption.errors-per-hour"),
        ),
        (
            "thresholds.spamMailsBeforeBlock",
            json!(t.spam_mails_before_block),
            source(t.spam_mails_before_block != d.spam_mails_before_block, Source::Ours),
            Some([1.0, 10.0]),
            note("queue.assumption.spam"),
        ),
        (
            "thresholds.redistributionPerMinute",
            json!(t.redistribution_per_minute),
            source(t.redistribution_per_minute != d.redistribution_per_minute, Source::Ours),
            None,
            note("queue.assumption.redistribution"),
        ),
        (
            "thresholds.smtpPerAccountPerHour",
            json!({"account": t.smtp_per_account_per_hour, "ip": t.smtp_per_ip_per_hour}),
            source(
                t.smtp_per_account_per_hour != d.smtp_per_account_per_hour || t.smtp_per_ip_per_hour != d.smtp_per_ip_per_hour,
                Source::Guide,
            ),
            None,
            note("queue.assumption.smtp"),
        ),
        (
            "service.maxPerDay",
            json!(plan.max_per_day),
            source(scenario.service.max_per_day.is_some(), Source::Ours),
            None,
            note("queue.assumption.max-per-day"),
        ),
        (
            "timeZone",
            json!(plan.zone.name()),
            source(plan.zone.name() != DEFAULT_TIME_ZONE, Source::Ours),
            None,
            note("queue.assumption.time-zone").text("tzdata", super::tz::TZDATA_VERSION),
        ),
    ];
    list.drain(..)
        .map(|(field, value, source, expected, note)| Assumption {
            field: field.to_string(),
            value,
            source,
            expected,
            note: note.render(locale),
        })
        .collect()
}
