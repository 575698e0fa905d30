//! A stream whose message receivers refuse (SPEC §3 `error`: "a refusal or
//! block is known to happen") is sent by the hosting and comes back in error,
//! mail by mail: a bounce in the ratio, the error log, the counters and each
//! mail's outcome (seed 002: « un pourcentage d'e-mails renvoyés en erreur »
//! puts the service in Bounce).

use mail_preflight::queue::{
    generic_returned_reply, simulate_json, Cause, Classification, MailKind, Outcome, SimulationResult, State,
};

const HEAD: &str = "From: Site <contact@my-site.example>\r\nTo: owner@my-site.example\r\nSubject: Cake\r\nDate: Sat, 05 Dec 2026 10:00:00 +0000\r\n";
const GMAIL_MESSAGE_ID: &str = "550-5.7.1 Messages missing a valid messageId header are not accepted";
const GMAIL_RFC_5322: &str = "550-5.7.1 Our system has detected that this message is not RFC 5322 compliant";

fn message(extra_headers: &str, body: &str) -> String {
    format!("{HEAD}{extra_headers}MIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\n{body}\r\n")
}

fn long_line_message() -> String {
    // RFC 5322 §2.1.1: a line MUST be at most 998 octets.
    message("Message-ID: <a1@my-site.example>\r\n", &"x".repeat(1000))
}

fn run(scenario: serde_json::Value) -> SimulationResult {
    simulate_json(&scenario.to_string()).unwrap_or_else(|e| panic!("scenario does not run: {e}"))
}

fn count(result: &SimulationResult, outcome: Outcome) -> u64 {
    result.outcomes.iter().find(|o| o.outcome == outcome).map_or(0, |o| o.count)
}

#[test]
fn a_message_with_a_line_over_998_octets_comes_back_in_error_every_time() {
    let r = run(serde_json::json!({
        "service": {"state": "ok", "sent": 100000, "bounce": 0, "sentToday": 0, "maxPerDay": 10000, "email": null},
        "streams": [{"name": "form", "count": 20, "duration": 3600, "message": long_line_message()}],
    }));
    let stream = &r.streams[0];
    assert_eq!(stream.kind, MailKind::Returned);
    assert_eq!(r.counters.sent, 20, "the hosting sends them");
    assert_eq!(r.counters.errors, 20, "and every one comes back");
    assert_eq!(r.counters.refused, 0);
    assert_eq!(count(&r, Outcome::Bounced), 20);
    assert_eq!(count(&r, Outcome::Delivered), 0);
    assert_eq!(r.service.bounce, 20, "the API's bounce counter");
    // No receiver's own reply is quoted for the rule: a generic one naming it.
    let reply = generic_returned_reply("size/line-length");
    assert!(reply.starts_with("550 ") && reply.contains("size/line-length"), "{reply}");
    assert_eq!(stream.bounce_reply, reply);
    assert_eq!(r.error_log.len(), 20);
    assert!(r.error_log.iter().all(|e| e.message.as_deref() == Some(reply.as_str())));
    assert!(r.mails.iter().all(|m| m.outcome == Outcome::Bounced && m.reply.as_deref() == Some(reply.as_str())));
    let lint = stream.lint.as_ref().expect("linted");
    assert_eq!(lint.errors, vec!["size/line-length".to_string()]);
    let why = lint.returned.as_deref().expect("the lint summary says why");
    assert!(why.contains("size/line-length") && why.contains(&reply), "{why}");
}

#[test]
fn returned_mails_drive_the_service_to_bounce() {
    // A fresh hosting (no lifetime counters): 20 mails, 20 errors, over the 10 % ratio.
    let r = run(serde_json::json!({"streams": [{"count": 20, "duration": 3600, "message": long_line_message()}]}));
    assert_eq!(r.timeline.iter().map(|c| (c.to, c.cause)).collect::<Vec<_>>(), vec![(State::Bounce, Cause::BounceRatio)]);
}

#[test]
fn a_missing_message_id_comes_back_with_gmails_reply() {
    let r = run(serde_json::json!({"streams": [{"count": 3, "duration": 60, "message": message("", "Hello")}]}));
    let stream = &r.streams[0];
    assert_eq!(stream.kind, MailKind::Returned);
    assert_eq!(stream.bounce_reply, GMAIL_MESSAGE_ID);
    assert!(r.error_log.iter().all(|e| e.message.as_deref() == Some(GMAIL_MESSAGE_ID)));
    assert_eq!(r.error_log.len(), 3);
}

#[test]
fn a_duplicate_from_comes_back_with_gmails_rfc_5322_reply() {
    let extra = "From: other@my-site.example\r\nMessage-ID: <a2@my-site.example>\r\n";
    let r = run(serde_json::json!({"streams": [{"count": 2, "duration": 60, "message": message(extra, "Hello")}]}));
    assert_eq!(r.streams[0].kind, MailKind::Returned);
    assert_eq!(r.streams[0].bounce_reply, GMAIL_RFC_5322);
    assert_eq!(r.mails[0].reply.as_deref(), Some(GMAIL_RFC_5322));
}

#[test]
fn the_reason_is_said_in_the_scenarios_language() {
    for (locale, words) in [("en", "comes back in error"), ("fr", "revient en erreur"), ("es", "vuelve con error"), ("pl", "wraca z błędem")] {
        let r = run(serde_json::json!({"locale": locale, "streams": [{"count": 1, "message": long_line_message()}]}));
        let why = r.streams[0].lint.as_ref().and_then(|l| l.returned.clone()).expect("said");
        assert!(why.contains(words) && why.contains("size/line-length"), "{locale}: {why}");
    }
}

#[test]
fn a_clean_message_is_delivered_and_says_no_reason() {
    let r = run(serde_json::json!({"streams": [{"count": 5, "message": message("Message-ID: <a3@my-site.example>\r\n", "Hello, your cake is ready.")}]}));
    assert_eq!(r.streams[0].kind, MailKind::Clean);
    assert_eq!(count(&r, Outcome::Delivered), 5);
    assert_eq!(r.streams[0].lint.as_ref().and_then(|l| l.returned.clone()), None);
    assert_eq!(r.streams[0].bounce_reply, "550 5.1.1 Recipient address rejected: User unknown");
}

#[test]
fn a_declared_verdict_still_overrides_the_message() {
    let r = run(serde_json::json!({"streams": [{"count": 5, "verdict": "clean", "message": long_line_message()}]}));
    assert_eq!(r.streams[0].kind, MailKind::Clean);
    assert_eq!(count(&r, Outcome::Delivered), 5);
    assert!(r.streams[0].lint.is_none());
}

#[test]
fn an_error_of_a_spam_rule_is_spam_not_returned() {
    // A spam-rule error with a header error beside it: the host's spam filter decides first.
    let r = run(serde_json::json!({
        "thresholds": {"spamRulePrefixes": ["spam/", "links/", "attachment/", "size/"]},
        "streams": [{"count": 1, "message": long_line_message()}],
    }));
    assert_eq!(r.streams[0].kind, MailKind::Spam);
}

#[test]
fn over_10_mb_is_still_refused_at_submission() {
    let mut report = mail_preflight::lint(long_line_message().as_bytes(), &Default::default()).expect("lints");
    let size_error = mail_preflight::Finding {
        rule_id: "size/total".into(),
        severity: mail_preflight::Severity::Error,
        ..report.findings[0].clone()
    };
    report.findings.push(size_error);
    let c = Classification::from_report(&report, &[]);
    assert_eq!(c.kind, MailKind::Refused);
    assert_eq!(c.reply, None);
}

#[test]
fn returned_streams_keep_their_kind_in_the_captcha_comparison() {
    // The comparison re-runs without the spam stream: the returned stream still comes back.
    let r = run(serde_json::json!({
        "streams": [
            {"name": "bot", "count": 50, "duration": 600, "verdict": "spam"},
            {"name": "form", "count": 30, "duration": 600, "message": long_line_message()},
        ],
    }));
    let captcha = r.answers.captcha.as_ref().expect("a spam stream: the captcha answer");
    // Alone, its 20th error of 20 mails trips the ratio (Bounce).
    assert_eq!(captcha.b.returned, 20, "{captcha:?}");
    assert_eq!(captcha.b.delivered, 0, "{captcha:?}");
}
