//! Every number of a scenario has a documented range (`queue::limits`, README
//! "Limits"): out of range is `invalid-scenario` naming the field — never an
//! overflow, a hang, or memory that grows with a number the user typed.

use mail_preflight::queue::limits::{MAX_SCENARIO_MAILS, MAX_SPAN_SECONDS, MAX_STREAMS};
use mail_preflight::queue::{simulate_json, Outcome};
use mail_preflight::Locale;

fn field_of(json: &str) -> (String, String) {
    let err = simulate_json(json).expect_err(json);
    (err.code().to_string(), err.field().unwrap_or_default().to_string())
}

#[test]
fn bucket_seconds_of_2_63_is_an_error_naming_the_field_not_a_hang() {
    for value in ["9223372036854775808", "18446744073709551615", "1e300", "-1", "0", "2.5"] {
        let json = format!(r#"{{"thresholds": {{"bucketSeconds": {value}}}, "streams": [{{"count": 10}}]}}"#);
        assert_eq!(field_of(&json), ("invalid-scenario".into(), "thresholds.bucketSeconds".into()), "{value}");
    }
    let err = simulate_json(r#"{"thresholds": {"bucketSeconds": 9223372036854775808}}"#).expect_err("too large");
    for locale in Locale::ALL {
        assert!(err.localized(locale).contains("thresholds.bucketSeconds"), "{locale:?}");
    }
}

#[test]
fn every_numeric_field_out_of_range_is_named() {
    let cases: &[(&str, &str)] = &[
        (r#"{"start": -1}"#, "start"),
        (r#"{"start": 99999999999}"#, "start"),
        (r#"{"takenAt": 1.5}"#, "takenAt"),
        (r#"{"until": 99999999999}"#, "until"),
        (r#"{"seed": 18446744073709551615}"#, "seed"),
        (r#"{"service": {"sent": -3}}"#, "service.sent"),
        (r#"{"service": {"bounce": 1e20}}"#, "service.bounce"),
        (r#"{"service": {"sentToday": 2000000000}}"#, "service.sentToday"),
        (r#"{"service": {"maxPerDay": -1}}"#, "service.maxPerDay"),
        (r#"{"volumes": [{"date": "2026-03-01", "volume": -1}]}"#, "volumes[0].volume"),
        (r#"{"thresholds": {"retentionSeconds": 0}}"#, "thresholds.retentionSeconds"),
        (r#"{"thresholds": {"purgeSeconds": 86401}}"#, "thresholds.purgeSeconds"),
        (r#"{"thresholds": {"unblockDelaySeconds": 1e10}}"#, "thresholds.unblockDelaySeconds"),
        (r#"{"thresholds": {"burstMaxMails": 0}}"#, "thresholds.burstMaxMails"),
        (r#"{"thresholds": {"burstWindowSeconds": 86401}}"#, "thresholds.burstWindowSeconds"),
        (r#"{"thresholds": {"bounceRatio": 1.5}}"#, "thresholds.bounceRatio"),
        (r#"{"thresholds": {"bounceWindowMails": 0}}"#, "thresholds.bounceWindowMails"),
        (r#"{"thresholds": {"bounceMinMails": -2}}"#, "thresholds.bounceMinMails"),
        (r#"{"thresholds": {"maxErrorsPerHour": 1e12}}"#, "thresholds.maxErrorsPerHour"),
        (r#"{"thresholds": {"spamMailsBeforeBlock": 0}}"#, "thresholds.spamMailsBeforeBlock"),
        (r#"{"thresholds": {"redistributionPerMinute": 0}}"#, "thresholds.redistributionPerMinute"),
        (r#"{"thresholds": {"smtpPerAccountPerHour": -1}}"#, "thresholds.smtpPerAccountPerHour"),
        (r#"{"thresholds": {"smtpPerIpPerHour": 1e10}}"#, "thresholds.smtpPerIpPerHour"),
        (r#"{"streams": [{"start": 99999999999}]}"#, "streams[0].start"),
        (r#"{"streams": [{}, {"duration": -5}]}"#, "streams[1].duration"),
        (r#"{"streams": [{"rate": -1}]}"#, "streams[0].rate"),
        (r#"{"streams": [{"rate": 1e9}]}"#, "streams[0].rate"),
        (r#"{"streams": [{"bounceShare": 1.01}]}"#, "streams[0].bounceShare"),
        (r#"{"streams": [{"count": -1}]}"#, "streams[0].count"),
        (r#"{"streams": [{"logStart": 99999999999, "log": "time,to,status"}]}"#, "streams[0].logStart"),
        (r#"{"actions": [{"at": -1, "action": "BLOCK"}]}"#, "actions[0].at"),
        (r#"{"actions": [{"at": 18446744073709551615, "action": "BLOCK"}]}"#, "actions[0].at"),
        (r#"{"questions": {"mails": -1}}"#, "questions.mails"),
        (r#"{"timeZone": "Mars/Olympus_Mons"}"#, "timeZone"),
    ];
    for (json, field) in cases {
        assert_eq!(field_of(json), ("invalid-scenario".to_string(), field.to_string()), "{json}");
    }
}

#[test]
fn the_total_number_of_mails_is_capped_with_a_named_limit() {
    let json = format!(r#"{{"streams": [{{"count": {}}}, {{"count": 1}}]}}"#, MAX_SCENARIO_MAILS);
    let err = simulate_json(&json).expect_err("one mail too many");
    assert_eq!(err.code(), "too-many-mails");
    assert!(err.localized(Locale::En).contains("5,000,000"), "{err}");
    // A rate over a long span counts as its mails.
    let err = simulate_json(r#"{"streams": [{"rate": 3600000, "duration": 34560000}]}"#).expect_err("rate × span");
    assert_eq!(err.code(), "too-many-mails");
    assert!(MAX_SPAN_SECONDS >= 400 * 86_400);
}

#[test]
fn too_many_streams_or_actions_are_refused_before_any_work() {
    let streams = vec!["{}"; MAX_STREAMS + 1].join(",");
    let err = simulate_json(&format!(r#"{{"streams": [{streams}]}}"#)).expect_err("streams");
    assert_eq!(err.code(), "too-many-streams");
    let actions = vec![r#"{"at": 0, "action": "BLOCK"}"#; 10_001].join(",");
    let err = simulate_json(&format!(r#"{{"actions": [{actions}]}}"#)).expect_err("actions");
    assert_eq!(err.code(), "too-many-actions");
}

#[test]
fn long_texts_are_refused_naming_the_field() {
    let name = "n".repeat(201);
    let (code, field) = field_of(&format!(r#"{{"streams": [{{"name": "{name}"}}]}}"#));
    assert_eq!((code.as_str(), field.as_str()), ("invalid-scenario", "streams[0].name"));
}

#[test]
fn a_log_stream_takes_its_mails_from_the_log_only() {
    let (code, field) = field_of(r#"{"streams": [{"log": "time,to,status\n2026-03-02 10:00,a@x,sent", "count": 5}]}"#);
    assert_eq!((code.as_str(), field.as_str()), ("invalid-scenario", "streams[0].count"));
}

#[test]
fn the_largest_values_in_range_run_without_overflow() {
    // Every delay and window at its maximum, a mail at the last second of the span.
    let json = format!(
        r#"{{"start": 4102444800, "until": {MAX_SPAN_SECONDS}, "seed": 9007199254740991,
            "thresholds": {{"retentionSeconds": {MAX_SPAN_SECONDS}, "purgeSeconds": 86400, "unblockDelaySeconds": 86400,
              "burstWindowSeconds": 86400, "bounceWindowMails": 1000000, "bucketSeconds": {MAX_SPAN_SECONDS},
              "redistributionPerMinute": 60000}},
            "service": {{"state": "ko", "sent": 1000000000000000, "bounce": 1000000000000000, "maxPerDay": 1000000000}},
            "streams": [{{"count": 3, "start": {MAX_SPAN_SECONDS}, "rate": 3600000}}],
            "actions": [{{"at": {MAX_SPAN_SECONDS}, "action": "UNBLOCK"}}]}}"#
    );
    let r = simulate_json(&json).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(r.counters.mails, 3);
    assert_eq!(r.outcomes.iter().find(|o| o.outcome == Outcome::Pending).map(|o| o.count), Some(3));
    assert_eq!(r.series.queue.len(), 1, "one bucket of the whole span");
}

#[test]
fn change_recipient_needs_a_valid_email() {
    for email in [r#""email": "not an email","#, ""] {
        let json = format!(r#"{{"actions": [{{"at": 60, {email} "action": "CHANGE_RECIPIENT"}}]}}"#);
        assert_eq!(field_of(&json), ("invalid-scenario".to_string(), "actions[0].email".to_string()), "{json}");
    }
    let fine = r#"{"actions": [{"at": 60, "action": "CHANGE_RECIPIENT", "email": "new@x.example"}]}"#;
    assert!(simulate_json(fine).is_ok());
}

#[test]
fn too_many_log_lines_name_the_log() {
    let mut log = String::with_capacity(20_000_000);
    for i in 0..=mail_preflight::queue::limits::MAX_LOG_LINES {
        log.push_str(&format!("{},a@x.example,sent\n", 1_772_442_000 + i / 1000));
    }
    let json = serde_json::json!({"streams": [{"name": "L", "log": log}]}).to_string();
    let err = simulate_json(&json).expect_err("one line too many");
    assert_eq!((err.code(), err.field()), ("invalid-scenario", Some("streams[0].log")));
    assert!(err.localized(Locale::En).contains("more than 1,000,000 lines"), "{err}");
}

#[test]
fn a_lone_surrogate_escape_in_scenario_text_reads_as_the_replacement_character() {
    // `JSON.stringify` writes a lone surrogate so, and a scenario given as an
    // object reads it as U+FFFD (`hygiene::lone_surrogates_replaced`); the
    // same scenario given as JSON text had been refused as "not valid JSON".
    let json = r#"{"domain": "shop.example", "streams": [{"name": "form \ud800 \udc00x", "count": 2, "verdict": "clean"},
        {"name": "pair \ud83d\ude00", "count": 1, "verdict": "clean"}]}"#;
    let result = simulate_json(json).expect("a lone surrogate reads as U+FFFD");
    assert_eq!(result.streams[0].name, "form \u{fffd} \u{fffd}x");
    // An escaped pair is one character, kept.
    assert_eq!(result.streams[1].name, "pair \u{1f600}");
    // An escaped backslash before `ud800` is text.
    let text = simulate_json(r#"{"streams": [{"name": "\\ud800", "count": 1}]}"#).expect("text");
    assert_eq!(text.streams[0].name, "\\ud800");
}
