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

#[test]
fn a_rule_counts_once_however_many_findings_it_has() {
    // Two links that show one domain and go to another: one factor (a warning), not 3.5 + 3.5.
    let raw = b"From: news@shop.example\r\nTo: b@example.com\r\nSubject: Our news\r\nDate: Mon, 2 Mar 2026 10:00:00 +0000\r\nMessage-ID: <1@shop.example>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/alternative; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nSee our news.\r\n--b\r\nContent-Type: text/html\r\n\r\n<p>See <a href=\"https://tracker.example.net/c/1\">www.shop.example</a> and <a href=\"https://tracker.example.net/c/2\">www.partner.example</a>.</p>\r\n--b--\r\n";
    let report = mail_preflight::lint(raw, &mail_preflight::Options::default()).unwrap();
    let mismatch: Vec<_> = report.findings_of("links/mismatch").collect();
    assert_eq!(mismatch.len(), 2, "{report:#?}");
    assert_eq!(mismatch.iter().filter(|f| f.score > 0.0).count(), 1, "the first of equals keeps the points");
    assert_eq!(mismatch.iter().map(|f| f.score).sum::<f64>(), scores::LINK_MISMATCH);
    assert_eq!(report.spam_score, report.findings.iter().map(|f| f.score).sum::<f64>(), "the score is the findings' sum");
    assert!(report.spam_score < report.spam_threshold);
    assert_eq!(report.verdict, mail_preflight::Verdict::Warn);
}

/// The report of a short, otherwise clean message with this subject.
fn report_with_subject(subject: &str) -> mail_preflight::Report {
    let raw = format!("From: a@example.com\r\nTo: b@example.com\r\nSubject: {subject}\r\nDate: Mon, 2 Mar 2026 10:00:00 +0000\r\nMessage-ID: <1@example.com>\r\n\r\nHello.\r\n");
    mail_preflight::lint(raw.as_bytes(), &mail_preflight::Options::default()).unwrap()
}

#[test]
fn a_subject_of_acronyms_among_lowercase_weighs_less_than_one_in_capitals() {
    let lint = |subject: &str| {
        let report = report_with_subject(subject);
        report.findings_of("spam/subject-caps").map(|f| (f.severity, f.score)).collect::<Vec<_>>()
    };
    use mail_preflight::Severity::Warning;
    assert_eq!(lint("LAST CHANCE TODAY for you"), [(Warning, scores::SUBJECT_CAPS)]);
    assert_eq!(lint("CNET NEWS UPDATE: Cable companies cracking down on Wi-Fi"), [(Warning, scores::SUBJECT_CAPS_AMONG_LOWERCASE)]);
    // A domain name is one name, not shouted words: "NEWS.COM" leaves one capital word here.
    assert_eq!(lint("CNET NEWS.COM: Cable companies cracking down on Wi-Fi"), []);
}

#[test]
fn a_clean_message_scores_zero_not_negative_zero() {
    // A float sum of no points is -0.0, which JSON shows as "-0.0".
    let report = report_with_subject("Meeting on Monday");
    assert!(report.findings.iter().all(|f| f.score == 0.0), "{report:#?}");
    assert!(report.spam_score == 0.0 && report.spam_score.is_sign_positive(), "{}", report.spam_score);
    let json = serde_json::to_string(&report).unwrap();
    assert!(json.contains("\"spamScore\":0.0"), "{json}");
}

#[test]
fn utf8_text_declared_7bit_weighs_less_than_another_charsets_bytes() {
    // rspamd R_BAD_CTE_7BIT: 3.5 points, 0.3 of that for a part declared UTF-8
    // (Node's emailjs and mimetext write UTF-8 text as 7bit).
    let points = |charset: &str, body: &[u8]| {
        let mut raw = format!(
            "From: a@example.com\nTo: b@example.org\nSubject: Hi\nMIME-Version: 1.0\nContent-Type: text/plain; charset={charset}\nContent-Transfer-Encoding: 7bit\n\n"
        )
        .into_bytes();
        raw.extend_from_slice(body);
        let report = mail_preflight::lint(&raw, &mail_preflight::Options::default()).unwrap();
        let found: Vec<(String, f64)> = report
            .findings_of("headers/transfer-encoding")
            .map(|f| (f.message_id.clone(), f.score))
            .collect();
        found
    };
    let id = "headers/transfer-encoding.eight-bit-in-7bit".to_string();
    assert_eq!(points("utf-8", "Réservation confirmée\n".as_bytes()), vec![(id.clone(), 1.0)]);
    assert_eq!(points("\"UTF-8\"", "Zażółć\n".as_bytes()), vec![(id.clone(), 1.0)]);
    // Another charset, or bytes that are not UTF-8 under a UTF-8 label: full points.
    assert_eq!(points("iso-8859-1", b"R\xe9servation\n"), vec![(id.clone(), 2.5)]);
    assert_eq!(points("utf-8", b"R\xe9servation\n"), vec![(id, 2.5)]);
}
