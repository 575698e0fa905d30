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
    // A value the scenario changed is the scenario's; otherwise its default's source.
    let row = |field: &str,
               value: serde_json::Value,
               changed: bool,
               default: Source,
               expected: Option<[f64; 2]>,
               note: Msg| {
        let source = if changed { Source::Scenario } else { default };
        Assumption { field: field.to_string(), value, source, expected, note: note.render(locale) }
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
            note("queue.assumption.redistribution"),
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
