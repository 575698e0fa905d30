//! URLs written in a plain-text body, or in the visible text of an HTML body,
//! are links (mail clients make them clickable, readers copy them; SpamAssassin
//! and rspamd read them as URIs): the link rules that judge an address alone
//! read them too.

use mail_preflight::{lint, Options, Report};

fn report(raw: &str) -> Report {
    lint(raw.as_bytes(), &Options::default()).expect("lints")
}

fn ids(report: &Report, rule: &str) -> Vec<String> {
    report.findings_of(rule).map(|f| f.message_id.clone()).collect()
}

const HEAD: &str = "From: a@shop.example\nTo: b@example.org\nSubject: Your parcel\nDate: Tue, 01 Dec 2026 10:00:00 +0000\nMessage-ID: <1@shop.example>\n";

#[test]
fn addresses_written_in_plain_text_are_judged_as_links() {
    let r = report(&format!(
        "{HEAD}\nPay the fee at http://198.51.100.7/pay, https://bit.ly/3xYz or http://www.mybank.example@login.evil.example/x.\nOr www.shop.example/track.\n"
    ));
    assert_eq!(ids(&r, "links/numeric-host"), ["links/numeric-host.address"]);
    assert_eq!(ids(&r, "links/shortener"), ["links/shortener.shortened"]);
    assert_eq!(ids(&r, "links/userinfo"), ["links/userinfo.before-at"]);
    // The evidence is the URL as written, and the finding points at its bytes.
    let raw = format!("{HEAD}\nPay the fee at http://198.51.100.7/pay today.\n");
    let r = report(&raw);
    let finding = r.findings_of("links/numeric-host").next().expect("a finding");
    assert_eq!(finding.evidence, "http://198.51.100.7/pay");
    let (start, end) = (finding.location.start.expect("a start"), finding.location.end.expect("an end"));
    assert_eq!(&raw.as_bytes()[start..end], b"http://198.51.100.7/pay");
    // A clean plain-text message with ordinary links has none of these.
    let r = report(&format!("{HEAD}\nTrack it at https://www.shop.example/track?id=42 or write to help@shop.example.\n"));
    for rule in ["links/numeric-host", "links/shortener", "links/userinfo", "links/homograph"] {
        assert!(ids(&r, rule).is_empty(), "{rule}");
    }
}

#[test]
fn a_text_alternative_repeating_its_html_links_is_not_counted_twice() {
    let r = report(&format!(
        "{HEAD}MIME-Version: 1.0\nContent-Type: multipart/alternative; boundary=B\n\n--B\nContent-Type: text/plain\n\nPay at http://198.51.100.7/pay\n--B\nContent-Type: text/html\n\n<p>Pay <a href=\"http://198.51.100.7/pay\">here</a></p>\n--B--\n"
    ));
    assert_eq!(ids(&r, "links/numeric-host"), ["links/numeric-host.address"]);
}

#[test]
fn addresses_written_in_the_visible_text_of_html_are_judged_as_links() {
    // Not a link to click, but an address the reader is told to copy: SpamAssassin and
    // rspamd read URIs in the rendered text of HTML parts too.
    let html = |body: &str| format!("{HEAD}MIME-Version: 1.0\nContent-Type: text/html; charset=utf-8\n\n<p>Review it: {body}</p>\n");
    let raw = html("copy http://3325256711/account into your browser");
    let r = report(&raw);
    assert_eq!(ids(&r, "links/numeric-host"), ["links/numeric-host.disguised"]);
    let finding = r.findings_of("links/numeric-host").next().expect("a finding");
    assert_eq!(finding.evidence, "http://3325256711/account");
    let (start, end) = (finding.location.start.expect("a start"), finding.location.end.expect("an end"));
    assert_eq!(&raw.as_bytes()[start..end], b"http://3325256711/account");
    let r = report(&html("go to https://www.\u{440}\u{430}\u{443}\u{440}\u{430}l.com/signin"));
    assert_eq!(ids(&r, "links/homograph"), ["links/homograph.looks-like"]);
    // A link showing its own address is one link; an honest address written as text is none.
    let r = report(&html("<a href=\"http://198.51.100.7/pay\">http://198.51.100.7/pay</a>"));
    assert_eq!(ids(&r, "links/numeric-host"), ["links/numeric-host.address"]);
    let r = report(&html("see www.shop.example/track or https://www.shop.example/help"));
    for rule in ["links/numeric-host", "links/shortener", "links/userinfo", "links/homograph"] {
        assert!(ids(&r, rule).is_empty(), "{rule}");
    }
    // The same URL written in the text alternative and in the HTML is one finding.
    let r = report(&format!(
        "{HEAD}MIME-Version: 1.0\nContent-Type: multipart/alternative; boundary=B\n\n--B\nContent-Type: text/plain\n\nCopy http://198.51.100.7/pay\n--B\nContent-Type: text/html\n\n<p>Copy http://198.51.100.7/pay</p>\n--B--\n"
    ));
    assert_eq!(ids(&r, "links/numeric-host"), ["links/numeric-host.address"]);
}

#[test]
fn at_most_max_written_links_urls_of_the_text_are_read() {
    let limit = mail_preflight::rules::reading::MAX_WRITTEN_LINKS;
    let plain = "https://www.shop.example/a ".repeat(limit);
    // One past the limit: not read.
    let r = report(&format!("{HEAD}\n{plain}\nhttp://198.51.100.7/pay\n"));
    assert!(ids(&r, "links/numeric-host").is_empty());
    // At the limit: read.
    let plain = "https://www.shop.example/a ".repeat(limit - 1);
    let r = report(&format!("{HEAD}\n{plain}\nhttp://198.51.100.7/pay\n"));
    assert_eq!(ids(&r, "links/numeric-host"), ["links/numeric-host.address"]);
}

#[test]
fn a_shortener_written_without_a_scheme_is_a_shortened_link() {
    // Gmail and Outlook link `bit.ly/3xYzAb`; SpamAssassin reads schemeless URIs.
    let raw = format!("{HEAD}\nYour parcel is held: bit.ly/3xYzAb or TinyURL.com/pay-fee.\n");
    let r = report(&raw);
    assert_eq!(ids(&r, "links/shortener"), ["links/shortener.shortened", "links/shortener.shortened"]);
    let finding = r.findings_of("links/shortener").next().expect("a finding");
    assert_eq!(finding.evidence, "bit.ly/3xYzAb");
    assert!(finding.message.contains("http://bit.ly/3xYzAb"), "{}", finding.message);
    let (start, end) = (finding.location.start.expect("a start"), finding.location.end.expect("an end"));
    assert_eq!(&raw.as_bytes()[start..end], b"bit.ly/3xYzAb");
    // In the visible text of HTML too; a link showing its own address is one finding.
    let html = |body: &str| format!("{HEAD}MIME-Version: 1.0\nContent-Type: text/html; charset=utf-8\n\n<p>{body}</p>\n");
    assert_eq!(ids(&report(&html("Copy bit.ly/3xYzAb")), "links/shortener").len(), 1);
    assert_eq!(ids(&report(&html("<a href=\"https://bit.ly/3xYzAb\">bit.ly/3xYzAb</a>")), "links/shortener").len(), 1);
    // A link's own text showing a shortener is judged by where the link goes.
    assert!(ids(&report(&html("<a href=\"https://www.shop.example/x\">bit.ly/3xYzAb</a>")), "links/shortener").is_empty());
    // Other hosts written so, paths, addresses and the bare host alone are no shortened links.
    let r = report(&format!("{HEAD}\nSee shop.example/track, /usr/bin/bit.ly/x, me@bit.ly/x and bit.ly alone.\n"));
    assert!(ids(&r, "links/shortener").is_empty(), "{:?}", ids(&r, "links/shortener"));
}
