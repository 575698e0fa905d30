//! AMP for Email (`text/x-amp-html`) and Apple Watch (`text/watch-html`)
//! alternatives are HTML some readers are shown instead of the HTML body
//! (Gmail renders the AMP part), and filters read them: SpamAssassin 4.0.1 as
//! text (`parse_content_type` makes them text/plain), rspamd 3.4 as text parts
//! (GTUBE in either part of a clean message: `reject` from both). The content
//! rules read them as they read a text alternative, for what they say and link
//! to, from raw mail and from compose input alike; rules that count bodies or
//! parts do not count them, and a view that repeats its HTML adds no finding
//! of the link rules nor any point.

use mail_preflight::{lint, lint_compose, Compose, Linter, Options, Report};

/// A multipart/alternative message: a plain text, a view of `view_type` holding `view`, and an HTML body.
fn message(view_type: &str, view: &str, html: &str) -> String {
    format!(
        "From: shop@example.com\r\nTo: b@example.org\r\nSubject: Your order\r\nDate: Tue, 1 Dec 2026 10:00:00 +0000\r\n\
         Message-ID: <order-12@example.com>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/alternative; boundary=\"B\"\r\n\r\n\
         --B\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nYour order ships today.\r\n\
         --B\r\nContent-Type: {view_type}; charset=utf-8\r\n\r\n{view}\r\n\
         --B\r\nContent-Type: text/html; charset=utf-8\r\n\r\n{html}\r\n--B--\r\n"
    )
}

fn lint_raw(raw: &str) -> Report {
    lint(raw.as_bytes(), &Options::default()).unwrap()
}

const CLEAN_HTML: &str = "<html lang=\"en\"><body><p>Your order ships today.</p></body></html>";

/// An AMP version with what the content rules look for: adult and sales terms,
/// text in the background's colour, a huge font, a broken link, a link whose text shows another domain.
const SPAMMY_VIEW: &str = "<!doctype html><html \u{26a1}4email lang=\"en\"><head><meta charset=\"utf-8\"></head><body>\
    <p>Hot xxx porn videos. Limited time offer, act now, buy now, 100% free, no credit check!</p>\
    <p style=\"color:#ffffff;background:#ffffff\">cheap pills casino bonus</p>\
    <p style=\"font-size:96px\">WIN</p>\
    <a href=\"javascript:alert(1)\">Claim</a> <a href=\"https://evil.example/x\">https://paypal.com</a></body></html>";

fn rules_at(report: &Report, part: usize) -> Vec<&str> {
    let mut ids: Vec<&str> = report
        .findings
        .iter()
        .filter(|f| f.location.part == Some(part))
        .map(|f| f.rule_id.as_str())
        .collect();
    ids.sort_unstable();
    ids.dedup();
    ids
}

#[test]
fn the_content_rules_read_an_amp_and_a_watch_alternative_of_raw_mail() {
    for view_type in ["text/x-amp-html", "text/watch-html"] {
        let report = lint_raw(&message(view_type, SPAMMY_VIEW, CLEAN_HTML));
        // Part 2: the view (part 0 is the message, 1 the text, 3 the HTML).
        let at_view = rules_at(&report, 2);
        for rule in ["spam/adult-terms", "spam/invisible-text", "spam/huge-font", "links/broken", "links/mismatch"] {
            assert!(at_view.contains(&rule), "{view_type}: {rule} not at the view: {at_view:?}");
        }
        assert!(report.findings.iter().any(|f| f.rule_id == "spam/sales-language"), "{view_type}");
        assert!(report.spam_score >= 5.0, "{view_type}: {}", report.spam_score);
        // The view is an alternative, no attachment: no attachment rule reads it.
        assert!(report.findings.iter().all(|f| !f.rule_id.starts_with("attachment/")), "{:?}", report.findings);
    }
    // The same HTML as a text/html body part is read the same: the view is read as HTML, not as text.
    let control = lint_raw(&message("text/html", SPAMMY_VIEW, CLEAN_HTML));
    assert!(control.spam_score >= 5.0);
}

#[test]
fn the_content_rules_read_the_amp_and_watch_html_of_compose_input() {
    for key in ["amp", "watchHtml"] {
        let fields = serde_json::json!({
            "from": "shop@example.com", "to": "b@example.org", "subject": "Your order",
            "text": "Your order ships today.", "html": CLEAN_HTML, key: SPAMMY_VIEW,
        });
        let report = lint_compose(&Compose::from_json(&fields.to_string()).unwrap(), &Options::default()).unwrap();
        let view = report.findings.iter().find(|f| f.rule_id == "spam/adult-terms").map(|f| f.location.part);
        assert_eq!(view, Some(Some(2)), "{key}: {:?}", report.findings);
        assert!(report.findings.iter().any(|f| f.rule_id == "links/broken"), "{key}");
        assert!(report.spam_score >= 5.0, "{key}: {}", report.spam_score);
    }
}

/// A newsletter with a sales phrase, a plain-http link, a broken link and a
/// mismatched link, in capitals enough to be said, as HTML.
const NEWSLETTER: &str = "<html lang=\"en\"><body><p>SPRING SALE: limited time offer on our garden tools.</p>\
    <p><a href=\"http://shop.example.com/spring\">See the offer</a> <a href=\"#\">top</a> \
    <a href=\"https://click.example.net/r/1\">https://shop.example.com</a></p></body></html>";

#[test]
fn a_view_that_repeats_its_html_adds_no_point_and_no_link_finding() {
    let without = lint_raw(&message("text/x-custom", "", NEWSLETTER));
    for rule in ["links/broken", "links/insecure", "links/mismatch", "spam/sales-language"] {
        assert!(without.findings.iter().any(|f| f.rule_id == rule), "control: {rule} {:?}", without.findings);
    }
    for view_type in ["text/x-amp-html", "text/watch-html"] {
        let with = lint_raw(&message(view_type, NEWSLETTER, NEWSLETTER));
        assert_eq!(with.spam_score, without.spam_score, "{view_type}");
        assert_eq!(with.verdict, without.verdict, "{view_type}");
        let count = |report: &Report, rule: &str| report.findings.iter().filter(|f| f.rule_id == rule).count();
        // Links the HTML has are judged once, where most readers see them.
        for rule in ["links/broken", "links/insecure", "links/mismatch", "spam/sales-language", "spam/body-caps", "spam/html-only"] {
            assert_eq!(count(&with, rule), count(&without, rule), "{view_type} {rule}: {:?}", with.findings);
        }
        // The sales phrases are counted once, and the words of the view do not dilute them.
        let said = |report: &Report| report.findings.iter().find(|f| f.rule_id == "spam/sales-language").map(|f| f.message.clone());
        assert_eq!(said(&with), said(&without), "{view_type}");
    }
}

#[test]
fn a_view_is_no_text_alternative_and_no_body() {
    // HTML and AMP without text: still HTML only (an AMP part is no text a text-only client shows).
    let raw = "From: a@example.com\r\nTo: b@example.org\r\nSubject: News\r\nMIME-Version: 1.0\r\n\
        Content-Type: multipart/alternative; boundary=\"B\"\r\n\r\n--B\r\nContent-Type: text/x-amp-html\r\n\r\n\
        <html \u{26a1}4email><body>News</body></html>\r\n--B\r\nContent-Type: text/html\r\n\r\n<p>News</p>\r\n--B--\r\n";
    let report = lint_raw(raw);
    assert_eq!(report.findings.iter().filter(|f| f.rule_id == "spam/html-only").count(), 1, "{:?}", report.findings);
    // A message whose only part is AMP: that part is its body, read as HTML (its markup is not text).
    let amp_only = "From: a@example.com\r\nTo: b@example.org\r\nSubject: News\r\nMIME-Version: 1.0\r\n\
        Content-Type: text/x-amp-html; charset=utf-8\r\n\r\n<html \u{26a1}4email><body><p style=\"color:#fff;background:#fff\">hidden words here</p><p>News</p></body></html>\r\n";
    let report = lint_raw(amp_only);
    assert!(report.findings.iter().any(|f| f.rule_id == "spam/invisible-text"), "{:?}", report.findings);
}

#[test]
fn the_model_marks_views_apart_from_bodies_and_attachments() {
    let raw = message("text/x-amp-html", SPAMMY_VIEW, CLEAN_HTML);
    let analysis = Linter::new(&Options::default()).unwrap().analyse(raw.as_bytes()).unwrap();
    let view = &analysis.parts[2];
    assert_eq!(view.content_type, "text/x-amp-html");
    assert!(!view.is_body && !view.is_attachment, "{view:?}");
    // An AMP part sent as a file stays an attachment.
    let attached = message("text/x-amp-html\r\nContent-Disposition: attachment; filename=page.html", "<p>x</p>", CLEAN_HTML);
    let analysis = Linter::new(&Options::default()).unwrap().analyse(attached.as_bytes()).unwrap();
    assert!(analysis.parts[2].is_attachment);
}

#[test]
fn custom_rules_read_a_view_as_their_reader_does() {
    let raw = message("text/x-amp-html", "<html><body><p>Visit our <b>casino</b> today</p></body></html>", CLEAN_HTML);
    let hits = |options: &str| {
        let report = lint(raw.as_bytes(), &Options::from_json(options).unwrap()).unwrap();
        report.findings.iter().filter(|f| f.rule_id.starts_with("acme/") || f.rule_id.starts_with("sa/")).count()
    };
    // `body`: the text a reader sees, the view's included.
    assert_eq!(hits(r#"{"customRules": [{"id": "acme/casino", "target": "body", "pattern": "our casino today"}]}"#), 1);
    // SpamAssassin's `body` reads the view as text/plain, markup and all (Util.pm parse_content_type).
    assert_eq!(hits(r#"{"spamassassinRules": "body CASINO /our <b>casino<\\/b> today/\nscore CASINO 1.0"}"#), 1);
}
