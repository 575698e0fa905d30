//! A real account loads as it is: the provider API's snapshot (SPEC §4) —
//! `service` (GET /hosting/web/{serviceName}/email), `bounces` and `volumes`
//! (date-times, nullable fields) and the moment it was taken — and the result
//! speaks the API's vocabulary.

use mail_preflight::queue::{simulate_json, Action, Scenario, State};

/// What the API returns, copied as is: `email`, `message`, `to` and `volume` may be null.
const SNAPSHOT: &str = r#"{
  "takenAt": "2026-03-02T15:45:00+01:00",
  "service": {"bounce": 40, "email": null, "maxPerDay": 5000, "sent": 8000, "sentToday": 120, "state": "ok"},
  "bounces": [
    {"date": "2026-03-01T18:02:11+01:00", "message": "550 5.1.1 <a@example.net>: Recipient address rejected", "to": "a@example.net"},
    {"date": "2026-03-02T09:12:40+01:00", "message": null, "to": null}
  ],
  "volumes": [
    {"date": "2026-02-28T00:00:00+01:00", "volume": 310},
    {"date": "2026-03-01T00:00:00+01:00", "volume": null}
  ]
}"#;

#[test]
fn the_api_snapshot_loads_without_edits() {
    let r = simulate_json(SNAPSHOT).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(r.start, 1_772_462_700, "the clock starts when the snapshot was taken");
    assert_eq!(r.service.sent, 8000);
    assert_eq!(r.service.bounce, 40);
    assert_eq!(r.service.max_per_day, Some(5000));
    assert_eq!(r.error_log.len(), 2, "the API's bounces are the error log");
    assert_eq!(r.error_log[1].message, None);
    let days: Vec<(&str, Option<u64>)> = r.history.iter().map(|h| (&h.date[..10], h.volume)).collect();
    // A null volume stays unknown (null), not 0.
    assert_eq!(days, vec![("2026-02-28", Some(310)), ("2026-03-01", None), ("2026-03-02", Some(120))]);
}

#[test]
fn the_snapshots_sent_today_belongs_to_the_day_it_was_taken() {
    // Taken yesterday evening, simulated from this morning: yesterday's 120 join the
    // history, and today starts at zero.
    let json = SNAPSHOT.replace(
        r#""takenAt": "2026-03-02T15:45:00+01:00","#,
        r#""takenAt": "2026-03-01T21:00:00+01:00", "start": "2026-03-02T08:00:00+01:00","#,
    );
    let r = simulate_json(&json).unwrap_or_else(|e| panic!("{e}"));
    let days: Vec<(&str, u64)> = r.history.iter().map(|h| (&h.date[..10], h.volume.unwrap_or(0))).collect();
    assert!(days.contains(&("2026-03-01", 120)), "the larger of the API's volume and sentToday: {days:?}");
    assert!(!days.iter().any(|(d, v)| *d == "2026-03-02" && *v == 120), "{days:?}");
    let json = SNAPSHOT.replace(
        r#""takenAt": "2026-03-02T15:45:00+01:00","#,
        r#""takenAt": "2026-02-27T21:00:00+01:00", "start": "2026-03-02T08:00:00+01:00","#,
    );
    // Its volumes are dated after it: a reading cannot count days that had not begun.
    let err = simulate_json(&json).expect_err("volumes after takenAt");
    assert_eq!(err.field(), Some("volumes[0].date"));
    let json = json.replace(r#"{"date": "2026-02-28T00:00:00+01:00", "volume": 310},"#, "")
        .replace(r#"{"date": "2026-03-01T00:00:00+01:00", "volume": null}"#, "");
    let r = simulate_json(&json).unwrap_or_else(|e| panic!("{e}"));
    assert!(r.history.iter().any(|h| h.date.starts_with("2026-02-27") && h.volume == Some(120)));
    assert_eq!(r.service.sent_today, 0);
}

#[test]
fn a_snapshot_taken_after_the_start_is_refused_naming_the_field() {
    let json = SNAPSHOT.replace(
        r#""takenAt": "2026-03-02T15:45:00+01:00","#,
        r#""takenAt": "2026-03-02T15:45:00+01:00", "start": 0,"#,
    );
    let err = simulate_json(&json).expect_err("start before takenAt");
    assert_eq!(err.code(), "invalid-scenario");
    assert_eq!(err.field(), Some("start"));
}

#[test]
fn the_services_lifetime_counters_count_in_the_bounce_ratio() {
    // Seed 002: the ratio is "e-mails retournés en erreur / nombre total d'envoi".
    // 40 errors in 8,000 sent: 30 % of 300 more mails leaves 130 / 8,300 = 1.6 %.
    let json = SNAPSHOT
        .replace(r#""volumes""#, r#""streams": [{"count": 300, "duration": 30000, "bounceShare": 0.3}], "volumes""#);
    let r = simulate_json(&json).unwrap_or_else(|e| panic!("{e}"));
    assert!(r.timeline.is_empty(), "{:?}", r.timeline);
    // A hosting already over the ratio goes to Bounce at its next error.
    let over = SNAPSHOT
        .replace(r#""bounce": 40"#, r#""bounce": 900"#)
        .replace(r#""volumes""#, r#""streams": [{"count": 30, "duration": 3000, "bounceShare": 0.1}], "volumes""#);
    let r = simulate_json(&over).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(r.timeline[0].to, State::Bounce);
    let measure = r.timeline[0].measure.as_ref().expect("measured");
    assert!(measure.of.unwrap_or(0) > 8000, "measured on the total: {measure:?}");
}

#[test]
fn the_service_object_alone_is_a_scenario() {
    let service = r#"{"bounce": 3, "email": null, "maxPerDay": 7200, "sent": 120, "sentToday": 4, "state": "ko"}"#;
    let scenario = Scenario::from_json(service).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(scenario.service.state, State::Disabled);
    assert_eq!(scenario.service.sent, 120);
}

#[test]
fn results_speak_the_apis_vocabulary() {
    let r = simulate_json(r#"{"service": {"state": "active"}, "actions": [{"at": 0, "action": "block"}]}"#)
        .unwrap_or_else(|e| panic!("{e}"));
    let value = serde_json::to_value(&r).unwrap_or_default();
    assert_eq!(value["state"], "ko");
    assert_eq!(value["service"]["state"], "ko");
    assert_eq!(value["timeline"][0]["from"], "ok");
    assert_eq!(value["appliedActions"][0]["action"], "BLOCK");
    assert_eq!(value["actions"], serde_json::json!(["UNBLOCK", "PURGE", "CHANGE_RECIPIENT"]));
    assert_eq!(r.actions, vec![Action::Unblock, Action::Purge, Action::ChangeRecipient]);
}

#[test]
fn a_date_that_does_not_read_is_named_as_the_user_wrote_the_field() {
    let err =
        simulate_json(r#"{"bounces": [{"date": "yesterday", "message": null, "to": null}]}"#).expect_err("bad date");
    assert_eq!(err.field(), Some("bounces[0].date"));
    let err = simulate_json(r#"{"volumes": [{"date": "2026-02-30", "volume": 1}]}"#).expect_err("bad date");
    assert_eq!(err.field(), Some("volumes[0].date"));
    let err = simulate_json(r#"{"errorLog": [{"date": "27/02/2026"}]}"#).expect_err("bad date");
    assert_eq!(err.field(), Some("errorLog[0].date"));
    let err = simulate_json(r#"{"history": [{"date": "2026-02-30", "volume": 1}]}"#).expect_err("bad date");
    assert_eq!(err.field(), Some("history[0].date"));
    let err = simulate_json(r#"{"takenAt": "soon"}"#).expect_err("bad date");
    assert_eq!(err.field(), Some("takenAt"));
}

/// The panel counts the mails sent today and those in error among the total sent
/// (seed 002: "Total des e-mails envoyés", "E-mails envoyés aujourd'hui", "Total des
/// e-mails en erreur"): a snapshot where one is larger cannot be real.
#[test]
fn a_counter_above_the_total_sent_is_refused_naming_the_counter() {
    let cases = [
        (r#"{"service": {"sent": 10, "sentToday": 11}}"#, "service.sentToday"),
        (r#"{"service": {"sent": 10, "bounce": 40}}"#, "service.bounce"),
        (r#"{"service": {"sent": 0, "sentToday": 1}}"#, "service.sentToday"),
        (r#"{"service": {"sent": 1}, "bounces": [{"to": "a@example.net"}, {"to": "b@example.net"}]}"#, "bounces"),
        (r#"{"service": {"sent": 1}, "errorLog": [{}, {}]}"#, "errorLog"),
        // The API's service object alone.
        (r#"{"bounce": 3, "email": null, "maxPerDay": 7200, "sent": 2, "sentToday": 0, "state": "ok"}"#, "service.bounce"),
    ];
    for (json, field) in cases {
        let err = simulate_json(json).expect_err(json);
        assert_eq!((err.code(), err.field()), ("invalid-scenario", Some(field)), "{json}");
        for locale in mail_preflight::Locale::ALL {
            let text = err.localized(locale);
            assert!(text.contains(field) && text.contains("service.sent"), "{locale:?}: {text}");
        }
    }
    let err = simulate_json(r#"{"service": {"sent": 10, "sentToday": 11}}"#).expect_err("above");
    assert!(err.localized(mail_preflight::Locale::En).starts_with("service.sentToday counts 11 mails, more than service.sent (10)"), "{err}");
}

#[test]
fn counters_up_to_the_total_sent_run() {
    let r = simulate_json(r#"{"service": {"sent": 10, "sentToday": 10, "bounce": 10}, "errorLog": [{}]}"#)
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(r.service.sent, 10);
}

/// A partial snapshot states no total: `sent` left out bounds nothing (the guide
/// test `sent_today_resets_and_history_keeps_each_day` gives `sentToday` alone).
#[test]
fn a_partial_snapshot_without_the_total_runs_as_given() {
    for json in [r#"{"service": {"sentToday": 7}}"#, r#"{"service": {"bounce": 3}}"#, r#"{"bounces": [{}]}"#] {
        assert!(simulate_json(json).is_ok(), "{json}");
    }
    let r = simulate_json(r#"{"service": {"sentToday": 7}}"#).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(r.service.sent_today, 7);
}

/// The API's `email` is nullable: with none, the result keeps it null (as the API
/// would) and the reports have no recipient, said in words by the page and the CLI
/// (`queue.view.notification.no-recipient`), never "sent to -".
#[test]
fn a_service_without_a_report_address_keeps_it_null_and_says_so() {
    for email in ["null", "\"\"", "\"  \""] {
        let json = format!(
            r#"{{"service": {{"sent": 0, "email": {email}}}, "streams": [{{"count": 2, "duration": 60, "bounceShare": 1}}]}}"#
        );
        let r = simulate_json(&json).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(r.service.email, None, "{email}");
        let value = serde_json::to_value(&r).unwrap_or_default();
        assert_eq!(value["service"]["email"], serde_json::Value::Null);
        assert!(!r.notifications.is_empty(), "a day with errors gets its report");
        assert!(r.notifications.iter().all(|n| n.to.is_none()), "{:?}", r.notifications);
        assert_eq!(value["notifications"][0]["to"], serde_json::Value::Null);
    }
    let said = mail_preflight::i18n::Msg::new("queue.view.notification.no-recipient").text("subject", "Report");
    assert_eq!(
        said.render(mail_preflight::Locale::En),
        "E-mail “Report”: the service's report address is not given (email is null), so no one receives it; set one with “Change the recipient”."
    );
    for locale in mail_preflight::Locale::ALL {
        assert!(!said.render(locale).contains(" -"), "{locale:?}");
    }
    // Given, it is the recipient.
    let r = simulate_json(r#"{"service": {"email": " owner@example.com "}, "streams": [{"count": 1, "bounceShare": 1}]}"#)
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(r.notifications[0].to.as_deref(), Some("owner@example.com"));
    assert_eq!(r.service.email.as_deref(), Some("owner@example.com"));
}
