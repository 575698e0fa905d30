//! The queue's edges, each as the
//! behaviour the README and the guides give: the ratio exactly at the limit
//! stays green at every ratio, a byte order mark and a headerless first row
//! are read, a mail sent at midnight is in its day's history, an action that a
//! later click cancels says so, and the send-log and snapshot gaps are read or
//! refused with their field.

use mail_preflight::queue::{simulate_json, Action, LogProblem, Problem, ScenarioError, SimulationResult, State};
use serde_json::json;

fn run(scenario: &serde_json::Value) -> SimulationResult {
    simulate_json(&scenario.to_string()).unwrap_or_else(|e| panic!("scenario does not run: {e}"))
}

fn refused(scenario: &serde_json::Value) -> ScenarioError {
    simulate_json(&scenario.to_string()).expect_err("refused")
}

/// 100 mails in total (99 in the snapshot, one sent in error), `errors` of them in error,
/// at a ratio written `ratio` (as a person writes it in JSON: "0.29").
fn ratio_run(ratio: &str, errors: u64, state: &str) -> SimulationResult {
    let text = format!(
        r#"{{"takenAt": "2026-03-02T10:00:00+01:00",
            "service": {{"state": "{state}", "sent": 99, "sentToday": 0, "bounce": {}, "maxPerDay": 7200}},
            "thresholds": {{"bounceRatio": {ratio}}},
            "streams": [{{"start": 60, "count": 1, "duration": 1, "bounceShare": 1, "verdict": "clean"}}]}}"#,
        errors - 1
    );
    simulate_json(&text).unwrap_or_else(|e| panic!("{ratio}: {e}"))
}

#[test]
fn exactly_at_the_ratio_stays_green_at_every_ratio_and_one_more_error_trips() {
    for n in 1..=99u64 {
        let ratio = format!("0.{n:02}");
        let at = ratio_run(&ratio, n, "ok");
        assert_eq!(at.state, State::Active, "{n} errors of 100 at {ratio} is not more than the ratio");
        if n < 99 {
            let over = ratio_run(&ratio, n + 1, "ok");
            assert_eq!(over.state, State::Bounce, "{} errors of 100 at {ratio} is more", n + 1);
        }
    }
}

#[test]
fn forces_doubled_ratio_is_exact_too() {
    // Force doubles the ratio (seed 002): at 0.29 the limit is 58 of 100.
    for n in 1..=49u64 {
        let ratio = format!("0.{n:02}");
        let at = ratio_run(&ratio, 2 * n, "force");
        assert_eq!(at.state, State::Force, "{} errors of 100 at twice {ratio}", 2 * n);
        let over = ratio_run(&ratio, 2 * n + 1, "force");
        assert_eq!(over.state, State::Bounce, "{} errors of 100 at twice {ratio}", 2 * n + 1);
    }
}

const ROW: &str = "2026-03-02T10:00:00+01:00,a@b.example,sent";

fn log_run(log: &str) -> Result<SimulationResult, ScenarioError> {
    simulate_json(&json!({"timeZone": "Europe/Paris", "streams": [{"name": "log", "log": log}]}).to_string())
}

#[test]
fn a_byte_order_mark_is_skipped_in_csv_and_json_lines() {
    for log in [
        format!("\u{feff}time,to,status\n{ROW}\n"),
        format!("\u{feff}time,to,status\r\n{ROW}\r\n"),
        format!("\u{feff}{ROW}\n"),
        format!("\u{feff}{}\n", json!({"time": "2026-03-02T10:00:00+01:00", "to": "a@b.example", "status": "sent"})),
    ] {
        let r = log_run(&log).unwrap_or_else(|e| panic!("{log:?}: {e}"));
        assert_eq!(r.counters.mails, 1, "{log:?}");
        assert_eq!(r.counters.sent, 1, "{log:?}");
    }
}

#[test]
fn a_first_row_that_reads_as_a_mail_is_never_taken_for_a_header() {
    // Every cell of the row is tried: a time anywhere makes it data.
    let r = log_run("a@b.example,2026-03-02T10:00:00+01:00,sent\n").map(|r| r.counters.mails);
    assert!(matches!(
        r,
        Err(ScenarioError::Invalid { problem: Problem::LogLine { line: 1, detail: LogProblem::Time }, .. })
    ), "a data row out of order is refused with its line, not dropped: {r:?}");
    let r = log_run(&format!("{ROW}\n2026-03-02T10:05:00+01:00,c@b.example,550 5.1.1 unknown\n")).expect("reads");
    assert_eq!((r.counters.mails, r.counters.errors), (2, 1));
}

#[test]
fn a_mail_sent_at_local_midnight_at_the_end_is_in_its_days_history() {
    for (duration, zone, start) in [
        (14_400, "Europe/Paris", "2026-03-02T22:00:00+01:00"),
        (7_200, "Europe/Paris", "2026-03-02T22:00:00+01:00"),
        (7_201, "Europe/Paris", "2026-03-02T22:00:00+01:00"),
        (14_400, "America/New_York", "2026-03-02T22:00:00-05:00"),
    ] {
        let r = run(&json!({"start": start, "timeZone": zone,
            "streams": [{"start": 0, "duration": duration, "count": 2, "verdict": "clean"}]}));
        let days: u64 = r.history.iter().map(|h| h.volume.unwrap_or(0)).sum();
        assert_eq!(days, r.counters.sent, "{duration} s in {zone}: {:?}", r.history);
        assert_eq!(r.service.sent_today, r.history.last().and_then(|h| h.volume).unwrap_or(0));
    }
}

#[test]
fn the_history_adds_up_to_the_mails_sent_over_summer_time_changes() {
    for start in ["2026-10-24T22:00:00+02:00", "2026-03-28T22:00:00+01:00"] {
        let r = run(&json!({"start": start, "timeZone": "Europe/Paris", "thresholds": {"bounceRatio": 1},
            "streams": [{"start": 0, "duration": 187_200, "rate": 1, "bounceShare": 0.5, "verdict": "clean"}]}));
        let days: u64 = r.history.iter().map(|h| h.volume.unwrap_or(0)).sum();
        assert_eq!(days, r.counters.sent, "{start}: {:?}", r.history);
    }
}

#[test]
fn a_purge_during_an_unblocks_delay_cancels_it_and_says_so() {
    let r = run(&json!({"start": "2026-03-02T10:00:00+01:00", "locale": "fr",
        "service": {"state": "ko", "sent": 1000, "bounce": 0},
        "actions": [{"at": 20, "action": "UNBLOCK"}, {"at": 30, "action": "PURGE"}]}));
    let unblock = &r.applied_actions[0];
    assert_eq!(unblock.action, Action::Unblock);
    assert_eq!(unblock.effective_at, None, "the unblock never takes effect");
    assert_eq!(unblock.expected, None);
    let superseded = unblock.superseded.as_ref().expect("said cancelled");
    assert_eq!((superseded.at, superseded.by), (r.start + 30, Action::Purge));
    assert!(superseded.message.contains("Débloquer l'envoi") && superseded.message.contains("Purger les e-mails"),
        "{}", superseded.message);
    let purge = &r.applied_actions[1];
    assert!(purge.superseded.is_none() && purge.effective_at.is_some());
    // The timeline never shows the unblock's change.
    let changes: Vec<_> = r.timeline.iter().map(|c| (c.from, c.to)).collect();
    assert_eq!(changes, vec![(State::Disabled, State::Purging), (State::Purging, State::Active)]);
    // An unblock that runs its course stays as it was.
    let alone = run(&json!({"start": "2026-03-02T10:00:00+01:00", "service": {"state": "ko"},
        "actions": [{"at": 20, "action": "UNBLOCK"}]}));
    assert!(alone.applied_actions[0].superseded.is_none());
    assert_eq!(alone.applied_actions[0].effective_at, Some(alone.timeline[0].at));
}

#[test]
fn an_unquoted_reply_with_the_separator_is_read_whole_when_it_ends_the_row() {
    let r = log_run("time,to,status\n2026-03-02T10:00:00+01:00,a@b.example,550 5.1.1 rejected, user unknown\n")
        .expect("reads");
    assert_eq!(r.error_log.last().and_then(|e| e.message.as_deref()), Some("550 5.1.1 rejected, user unknown"));
    // Trailing separators are empty cells, not a reply.
    let r = log_run("time,to,status\n2026-03-02T10:00:00+01:00,a@b.example,550 5.1.1 no,,\n").expect("reads");
    assert_eq!(r.error_log.last().and_then(|e| e.message.as_deref()), Some("550 5.1.1 no"));
    // The status before another column: the cells cannot be told apart, refused with the line.
    let err = log_run("time,status,to\n2026-03-02T10:00:00+01:00,550 rejected, user unknown,a@b.example\n")
        .expect_err("ambiguous");
    assert!(matches!(err, ScenarioError::Invalid { problem: Problem::LogLine { line: 2, detail: LogProblem::Unquoted }, .. }),
        "{err:?}");
    assert!(err.to_string().contains("double quotes"), "{err}");
}

#[test]
fn a_missing_status_is_named_as_missing() {
    for log in ["time,to,status\n2026-03-02T10:00:00+01:00,a@b.example\n", "time,to\n2026-03-02T10:00:00+01:00,a@b.example\n"]
    {
        let err = log_run(log).expect_err("no status");
        assert!(matches!(err, ScenarioError::Invalid { problem: Problem::LogLine { line: 2, detail: LogProblem::NoStatus }, .. }),
            "{log:?}: {err:?}");
    }
    let err = log_run("{\"time\": 1772442000, \"to\": \"a@b.example\"}\n").expect_err("no status");
    assert!(matches!(err, ScenarioError::Invalid { problem: Problem::LogLine { line: 1, detail: LogProblem::NoStatus }, .. }));
}

#[test]
fn dsn_statuses_read() {
    let r = log_run("time,to,status\n\
        2026-03-02T10:00:00+01:00,a@b.example,smtp; 550 5.1.1 user unknown\n\
        2026-03-02T10:01:00+01:00,b@b.example,5.1.1 user unknown\n\
        2026-03-02T10:02:00+01:00,c@b.example,Status: 5.2.2\n\
        2026-03-02T10:03:00+01:00,d@b.example,2.0.0 Ok\n\
        2026-03-02T10:04:00+01:00,e@b.example,smtp; 250 2.0.0 queued\n\
        2026-03-02T10:05:00+01:00,f@b.example,4.4.1 no answer\n")
    .expect("reads");
    assert_eq!((r.counters.mails, r.counters.errors), (6, 3));
    // Something that only looks like a code is no status.
    assert!(log_run("time,to,status\n2026-03-02T10:00:00+01:00,a@b.example,5.1\n").is_err());
    assert!(log_run("time,to,status\n2026-03-02T10:00:00+01:00,a@b.example,5.1.1.1\n").is_err());
}

#[test]
fn logged_times_outside_the_range_of_start_are_refused() {
    for time in ["9999-01-01T00:00:00Z", "2101-01-01T00:00:00Z"] {
        let err = log_run(&format!("time,to,status\n{time},a@b.example,sent\n")).expect_err("after 2100");
        assert!(matches!(err, ScenarioError::Invalid { problem: Problem::LogLine { line: 2, detail: LogProblem::TimeRange }, .. }),
            "{time}: {err:?}");
    }
}

fn snapshot(volumes: serde_json::Value) -> serde_json::Value {
    json!({"takenAt": "2026-03-02T09:30:00+01:00",
        "service": {"state": "ok", "sent": 1000, "sentToday": 5, "bounce": 3, "maxPerDay": 7200, "email": null},
        "bounces": [{"date": "2026-03-01T14:02:11+01:00", "message": "550 5.1.1 user unknown", "to": "a@b.example"}],
        "volumes": volumes})
}

#[test]
fn snapshot_volumes_duplicates_unknowns_and_days_after_the_snapshot() {
    let duplicate = refused(&snapshot(json!([{"date": "2026-03-01T00:00:00+01:00", "volume": 12},
        {"date": "2026-03-01T00:00:00+01:00", "volume": 3}])));
    assert_eq!(duplicate.field(), Some("volumes[1].date"));
    assert!(matches!(duplicate, ScenarioError::Invalid { problem: Problem::DuplicateDay { .. }, .. }));
    let after = refused(&snapshot(json!([{"date": "2026-03-05T00:00:00+01:00", "volume": 3}])));
    assert_eq!(after.field(), Some("volumes[0].date"));
    assert!(matches!(after, ScenarioError::Invalid { problem: Problem::AfterSnapshot, .. }));
    // A null volume stays unknown; the snapshot's own day is allowed.
    let r = run(&snapshot(json!([{"date": "2026-03-01T00:00:00+01:00", "volume": null},
        {"date": "2026-03-02T00:00:00+01:00", "volume": 4}])));
    let first = r.history.iter().find(|h| h.date.starts_with("2026-03-01")).expect("the day");
    assert_eq!(first.volume, None, "{:?}", r.history);
    // Snapshot dates in the range of start.
    let mut late = snapshot(json!([]));
    late["bounces"][0]["date"] = json!("2101-01-01T00:00:00Z");
    assert_eq!(refused(&late).field(), Some("bounces[0].date"));
}

/// A sending cap of `cap` mails a day, the run's texts in `locale`.
fn capped(cap: u64, locale: &str) -> SimulationResult {
    run(&json!({"locale": locale,
        "service": {"state": "ok", "sent": 0, "sentToday": 0, "bounce": 0, "maxPerDay": cap, "email": null},
        "streams": [{"start": 0, "duration": 3600, "rate": 10, "verdict": "clean"}]}))
}

#[test]
fn quantities_in_the_queues_sentences_are_grouped_as_each_language_groups_them() {
    // CLDR minimumGroupingDigits (as Intl.NumberFormat writes): English and French group a
    // four-digit number, Spanish and Polish from five digits on.
    let cases = [
        ("en", "the daily cap is 7,200 mails", "the daily cap is 72,000 mails", "to 3,600,000."),
        ("fr", "est de 7\u{202f}200 e-mails", "est de 72\u{202f}000 e-mails", "à 3\u{202f}600\u{202f}000."),
        ("es", "es de 7200 mensajes", "es de 72.000 mensajes", "a 3.600.000."),
        ("pl", "limit to 7200 e-maili", "limit to 72\u{202f}000 e-maili", "do 3\u{202f}600\u{202f}000."),
    ];
    for (locale, four, five, limit) in cases {
        let answer = |cap| capped(cap, locale).answers.max_steady_rate.expect("a rate").message;
        assert!(answer(7200).contains(four), "{locale}: {}", answer(7200));
        assert!(answer(72_000).contains(five), "{locale}: {}", answer(72_000));
        let over = refused(&json!({"streams": [{"start": 0, "duration": 60, "rate": 4e6, "verdict": "clean"}]}));
        let said = over.localized(mail_preflight::Locale::parse(locale).expect("a locale"));
        assert!(said.ends_with(limit), "{locale}: {said}");
    }
}

#[test]
fn the_smtp_hour_is_any_3600_seconds_not_a_clock_hour_and_says_so() {
    // Seed 003 (reply 555): « 200 mensajes por hora y cuenta ». 200 mails in the last ten
    // minutes of the first hour, then one 100 s into the second clock hour: refused, as
    // 200 were sent in the 3,600 s before it; one 3,600 s after the first of them passes.
    let smtp = |start: u64, count: u64, duration: u64| json!({"transport": "smtp", "count": count, "start": start, "duration": duration, "verdict": "clean"});
    let r = run(&json!({"streams": [smtp(3000, 200, 599), smtp(3700, 1, 0)]}));
    assert_eq!((r.counters.smtp_accepted, r.counters.smtp_refused), (200, 1));
    let r = run(&json!({"streams": [smtp(3000, 200, 599), smtp(6600, 1, 0)]}));
    assert_eq!((r.counters.smtp_accepted, r.counters.smtp_refused), (201, 0));
    // The window's shape is ours, and the assumptions say so in every language.
    for locale in ["en", "fr", "es", "pl"] {
        let r = run(&json!({"locale": locale, "streams": [smtp(0, 1, 0)]}));
        let note = r.assumptions.iter().find(|a| a.field == "thresholds.smtpPerAccountPerHour").map(|a| a.note.clone()).expect("the SMTP limit is an assumption");
        assert!(note.contains("3600") || note.contains("3,600") || note.contains("3 600"), "{locale}: {note}");
    }
}

#[test]
fn a_leap_second_a_dst_gap_and_a_reply_of_megabytes_in_a_send_log_are_read_within_limits() {
    // RFC 3339 §5.6 allows a second of 60 (a leap second): it reads as the second before,
    // so the next minute's mail still comes after it. Times in the Paris zone.
    let leap = log_run("time,to,status\n2026-06-30T23:59:60Z,a@b.example,sent\n2026-07-01T00:00:00Z,c@b.example,sent\n")
        .expect("a leap second reads");
    let times: Vec<i64> = leap.mails.iter().map(|m| m.created).collect();
    assert_eq!(times, vec![1_782_863_999, 1_782_864_000]);
    // 02:30 on the spring-forward night does not exist in Paris; 02:30 on the autumn night
    // exists twice: each reads as one instant, in order, an hour from the next.
    let dst = log_run("time,to,status\n2026-03-29T02:30:00,a@b.example,sent\n2026-03-29T03:30:00,a@b.example,sent\n\
        2026-10-25T02:30:00,a@b.example,sent\n2026-10-25T03:30:00,a@b.example,sent\n")
        .expect("DST days read");
    let t: Vec<i64> = dst.mails.iter().map(|m| m.created).collect();
    assert!(t.windows(2).all(|w| w[0] <= w[1]), "{t:?}");
    assert!(t[1] - t[0] <= 3600 && t[3] - t[2] <= 2 * 3600, "{t:?}");
    // NaN-like and negative times are no time; the line is named.
    for time in ["NaN", "-1", "Infinity", "1e9", "2026-02-30T00:00:00Z"] {
        let err = log_run(&format!("time,to,status\n{time},a@b.example,sent\n")).expect_err(time);
        assert!(matches!(err, ScenarioError::Invalid { problem: Problem::LogLine { line: 2, detail: LogProblem::Time }, .. }),
            "{time}: {err:?}");
    }
    // A reply of two megabytes with control characters: kept as a short text without controls.
    let reply = format!("550 5.1.1 \u{1b}[31m\u{202e}{}", "x".repeat(2_000_000));
    let r = log_run(&format!("time,to,status\n2026-03-02T10:00:00+01:00,a@b.example,\"{reply}\"\n")).expect("reads");
    assert_eq!(r.counters.errors, 1);
    let kept = r.error_log.iter().filter_map(|e| e.message.as_deref()).next().expect("logged");
    assert!(kept.chars().count() <= 1_000 && !kept.chars().any(|c| c.is_control() || c == '\u{202e}'), "{}", kept.len());
}
