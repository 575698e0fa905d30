//! The spam score (SPEC §3): factors add up, one factor alone never fails a message.

use mail_preflight::rules::{scores, REGISTRY};
use mail_preflight::settings::DEFAULT_SPAM_THRESHOLD;

#[test]
fn no_factor_reaches_the_spam_threshold_alone() {
    assert!(scores::MAX_POINTS < DEFAULT_SPAM_THRESHOLD);
    for rule in REGISTRY {
        assert!(rule.score >= 0.0, "{}: a factor never lowers the score", rule.id);
        assert!(rule.score <= scores::MAX_POINTS, "{}: {} points reach the threshold alone", rule.id, rule.score);
    }
}

#[test]
fn info_findings_add_no_points_and_two_strong_factors_fail() {
    let report = mail_preflight::lint(
        b"From: a@example.com\r\nTo: b@example.com\r\nSubject: LAST CHANCE TODAY\r\nDate: Mon, 2 Mar 2026 10:00:00 +0000\r\nMessage-ID: <1@example.com>\r\n\r\nAct now: click here to claim your free gift!!! Limited time offer!!!\r\n",
        &mail_preflight::Options::default(),
    )
    .unwrap();
    assert!(report.findings.iter().filter(|f| f.severity == mail_preflight::Severity::Info).all(|f| f.score == 0.0));
    assert!(report.spam_score >= report.spam_threshold, "{report:#?}");
    assert_eq!(report.verdict, mail_preflight::Verdict::Fail);
}
