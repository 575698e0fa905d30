//! A send log replayed as a stream (so a site owner replays last week), and the
//! day boundary in the scenario's IANA time zone, summer time included: the
//! history, "sent today" and the daily report follow local days, and the run
//! ends when the last thing happens (no padded days, no empty extra day).

use mail_preflight::queue::{simulate_json, NotificationKind, Outcome, SimulationResult, State};

fn run(json: &str) -> SimulationResult {
    simulate_json(json).unwrap_or_else(|e| panic!("scenario does not run: {e}"))
}

fn days(r: &SimulationResult) -> Vec<(String, u64)> {
    r.history.iter().map(|h| (h.date.clone(), h.volume.unwrap_or(0))).collect()
}

const CSV: &str = "time;to;status\n\
    2026-02-23 09:00:00;anna@example.net;250 2.0.0 OK\n\
    2026-02-23 09:05:00;bob@example.org;550 5.1.1 <bob@example.org>: User unknown\n\
    2026-02-23 09:10:00;carl@example.com;bounced\n\
    2026-02-23 18:00:00;dora@example.net;451 4.7.1 try later\n\
    2026-02-24 08:00:00;emma@example.net;delivered\n";

#[test]
fn a_csv_send_log_replays_at_its_logged_times_and_starts_the_clock_on_its_first_day() {
    let scenario = serde_json::json!({"streams": [{"name": "last week", "log": CSV}]});
    let r = run(&scenario.to_string());
    assert_eq!(r.counters.mails, 5);
    assert_eq!(r.counters.errors, 2, "550 and bounced; a 451 is a retry, delivered");
    assert_eq!(r.start, 1_771_801_200, "2026-02-23 00:00 in Europe/Paris");
    assert_eq!(r.mails[0].created, r.start + 9 * 3600);
    let log: Vec<(Option<&str>, Option<&str>)> =
        r.error_log.iter().map(|e| (e.to.as_deref(), e.message.as_deref())).collect();
    assert_eq!(log[0], (Some("bob@example.org"), Some("550 5.1.1 <bob@example.org>: User unknown")));
    assert_eq!(log[1].0, Some("carl@example.com"));
    assert_eq!(days(&r), vec![("2026-02-23T00:00:00+01:00".into(), 4), ("2026-02-24T00:00:00+01:00".into(), 1)]);
    assert!(r.streams[0].logged);
}

#[test]
fn json_lines_replay_from_a_chosen_moment_keeping_their_spacing() {
    let jsonl = "{\"time\": \"2026-02-23T09:00:00+01:00\", \"to\": \"a@x.example\", \"status\": \"sent\"}\n\
                 {\"time\": \"2026-02-23T09:30:00+01:00\", \"to\": \"b@x.example\", \"status\": \"550 5.2.1 disabled\"}\n";
    let scenario =
        serde_json::json!({"start": "2026-03-02T08:00:00+01:00", "streams": [{"log": jsonl, "logStart": 3600}]});
    let r = run(&scenario.to_string());
    assert_eq!(r.mails.iter().map(|m| m.created - r.start).collect::<Vec<_>>(), vec![3600, 3600 + 1800]);
    assert_eq!(r.mails[1].outcome, Outcome::Bounced);
    assert_eq!(r.mails[1].reply.as_deref(), Some("550 5.2.1 disabled"));
}

#[test]
fn a_log_line_that_does_not_read_is_named_with_its_line() {
    let scenario = serde_json::json!({"streams": [{}, {"log": "time,to,status\n2026-02-23 09:00,a@x,sent\nnot a date,b@x,sent\n"}]});
    let err = simulate_json(&scenario.to_string()).expect_err("bad line");
    assert_eq!(err.code(), "invalid-scenario");
    assert_eq!(err.field(), Some("streams[1].log"));
    assert!(err.to_string().contains("line 3"), "{err}");
    let before = serde_json::json!({"start": "2026-03-02T00:00:00+01:00", "streams": [{"log": CSV}]});
    let err = simulate_json(&before.to_string()).expect_err("logged before the start");
    assert_eq!(err.field(), Some("streams[0].log"));
}

#[test]
fn a_day_with_a_spring_change_has_23_hours_of_mails() {
    // Europe/Paris, 29 March 2026: 02:00 becomes 03:00.
    let r =
        run(r#"{"start": "2026-03-28T00:00:00+01:00", "until": 259200, "streams": [{"rate": 1, "duration": 259200}]}"#);
    let d = days(&r);
    assert_eq!(d[0], ("2026-03-28T00:00:00+01:00".into(), 24));
    assert_eq!(d[1], ("2026-03-29T00:00:00+01:00".into(), 23));
    assert_eq!(d[2].0, "2026-03-30T00:00:00+02:00");
}

#[test]
fn days_follow_the_chosen_zone() {
    // The same instants: 23:30 in Paris is 17:30 in New York, the same day there.
    let json = |zone: &str| {
        format!(
            r#"{{"timeZone": "{zone}", "start": 1772490600, "until": 3000, "streams": [{{"count": 2, "duration": 3600}}]}}"#
        )
    };
    let paris = run(&json("Europe/Paris"));
    let new_york = run(&json("America/New_York"));
    assert_eq!(paris.history.len(), 2, "{:?}", days(&paris));
    assert_eq!(new_york.history.len(), 1, "{:?}", days(&new_york));
    assert_eq!(new_york.time_zone, "America/New_York");
    assert!(new_york.history[0].date.ends_with("-05:00"));
    let utc = run(&json("UTC"));
    assert_eq!(utc.history.len(), 1);
}

#[test]
fn the_daily_report_goes_at_local_midnight() {
    let r = run(r#"{"timeZone": "America/New_York", "start": "2026-03-02T10:00:00",
        "streams": [{"count": 2, "duration": 60, "bounceShare": 1}]}"#);
    let report = r.notifications.iter().find(|n| n.kind == NotificationKind::DailyErrorReport).expect("report");
    assert_eq!(report.day.as_deref(), Some("2026-03-02"));
    assert_eq!(
        mail_preflight::queue::iso_datetime(
            &mail_preflight::queue::tz::Zone::named("America/New_York").expect("zone"),
            report.at
        ),
        "2026-03-03T00:00:00-05:00"
    );
}

#[test]
fn an_end_on_midnight_adds_no_empty_day() {
    // until = exactly two local days.
    let r = run(r#"{"until": 172800, "streams": [{"rate": 1, "duration": 172800}]}"#);
    assert_eq!(r.history.len(), 2, "{:?}", days(&r));
}

#[test]
fn no_zero_days_follow_the_last_mail() {
    // Without until: the run ends with its last event (here the last mail at 10:00),
    // not 72 hours later.
    let r = run(r#"{"streams": [{"count": 3, "start": 28800, "duration": 7200}]}"#);
    assert_eq!(r.history.len(), 1, "{:?}", days(&r));
    assert_eq!(r.end, r.start + 28800 + 4800);
    // Held mails keep the run going until they expire, day after day.
    let held = run(r#"{"service": {"state": "ko"}, "streams": [{"count": 1, "start": 3600}]}"#);
    assert_eq!(held.end, held.start + 3600 + 72 * 3600);
    assert_eq!(held.history.len(), 4);
    assert_eq!(held.state, State::Disabled);
}

#[test]
fn a_decimal_rate_gives_every_mail() {
    // 0.7 an hour for 100 hours: 70 mails (binary floating point alone gives 69).
    let r = run(r#"{"until": 400000, "streams": [{"rate": 0.7, "duration": 360000}]}"#);
    assert_eq!(r.counters.mails, 70);
}

#[test]
fn redistribution_keeps_its_rate_between_60_and_120_a_minute() {
    // 90 a minute: 180 held mails take two minutes, not three.
    let r = run(r#"{"thresholds": {"redistributionPerMinute": 90, "burstMaxMails": 1000},
        "actions": [{"at": 0, "action": "block"}, {"at": 600, "action": "unblock"}],
        "streams": [{"count": 180, "start": 60, "duration": 180}]}"#);
    let resent: Vec<i64> =
        r.mails.iter().filter(|m| m.outcome == Outcome::HeldThenDelivered).map(|m| m.settled).collect();
    assert_eq!(resent.len(), 180);
    let first = resent.iter().min().copied().unwrap_or_default();
    let last = resent.iter().max().copied().unwrap_or_default();
    assert_eq!(last - first, 119, "180 mails at 90 a minute: the last one in the 120th second");
    let in_first_minute = resent.iter().filter(|t| **t < first + 60).count();
    assert_eq!(in_first_minute, 90);
}
