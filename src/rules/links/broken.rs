//! `links/broken`: the guides list "the link or links in the e-mail are
//! incorrect" among the things that get a mail flagged as spam. A link is
//! broken when it cannot be followed from a mail client: empty or `#`, relative
//! (a mail has no base URL), unparsable, a bad host, a scheme that runs code
//! (`javascript:`), an unknown scheme, or a `mailto:` without a valid address.

use super::{percent_decode, scheme_of};
use crate::i18n::Msg;
use crate::model::Message;
use crate::report::Severity;
use crate::rules::spam::element_location;
use crate::rules::{Context, Draft, Example, ExampleInput, Group, Rule};

pub const RULE: Rule = Rule {
    id: "links/broken",
    group: Group::Links,
    default_severity: Severity::Warning,
    default_score: 10,
    examples: &[
        Example::fails(
            "A relative link (a mail has no site to resolve it against)",
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Hi there\nContent-Type: text/html\n\n<a href=\"/account/confirm?id=7\">Confirm</a>\n"),
        ),
        Example::fails(
            "An empty href and a bare #",
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: News\nContent-Type: text/html\n\n<a href=\"\">Shop</a> <a href=\"#\">More</a>\n"),
        ),
        Example::fails(
            "A javascript: link",
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: News\nContent-Type: text/html\n\n<a href=\"javascript:alert(1)\">Open</a>\n"),
        ),
        Example::fails(
            "A host with a space and a mailto: without a domain",
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: News\nContent-Type: text/html\n\n<a href=\"https://exa mple.com/\">Site</a> <a href=\"mailto:contact@\">Write</a>\n"),
        ),
        Example::fails(
            "An unfilled template placeholder",
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: News\nContent-Type: text/html\n\n<a href=\"{{unsubscribe_url}}\">Unsubscribe</a>\n"),
        ),
        Example::passes(
            "Absolute https, mailto and tel links, and an in-page anchor",
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: News\nContent-Type: text/html\n\n<a href=\"https://www.example.com/shop?a=1&amp;b=%C3%A9\">Shop</a> <a href=\"mailto:contact@example.com?subject=Hi\">Write</a> <a href=\"tel:+33123456789\">Call</a> <a href=\"#top\">Top</a>\n"),
        ),
    ],
    check,
};

/// Why a link is broken; `None` when it is fine.
pub fn problem(href: &str, blocked: &[String], known: &[String]) -> Option<&'static str> {
    let href = href.trim();
    if href.is_empty() {
        return Some("links/broken.empty");
    }
    if href == "#" {
        return Some("links/broken.anchor-only");
    }
    if href.starts_with('#') {
        // An in-page anchor: clients that support it jump, others do nothing.
        return None;
    }
    let Some(scheme) = scheme_of(href) else { return Some("links/broken.relative") };
    if blocked.iter().any(|s| s.eq_ignore_ascii_case(&scheme)) {
        return Some("links/broken.blocked-scheme");
    }
    if !known.iter().any(|s| s.eq_ignore_ascii_case(&scheme)) {
        return Some("links/broken.unknown-scheme");
    }
    match scheme.as_str() {
        "mailto" => (!valid_mailto(href)).then_some("links/broken.bad-mailto"),
        "http" | "https" | "ftp" | "ftps" | "sftp" => match url::Url::parse(href) {
            Err(_) => Some("links/broken.unparsable"),
            Ok(url) => match url.host() {
                None => Some("links/broken.bad-host"),
                Some(url::Host::Domain(domain)) => (!plausible_domain(domain)).then_some("links/broken.bad-host"),
                Some(_) => None,
            },
        },
        _ => None,
    }
}

/// A public domain name: at least two labels, an alphabetic top-level label (or
/// an IDN one), labels of letters, digits and hyphens not at the ends.
fn plausible_domain(domain: &str) -> bool {
    let domain = domain.trim_end_matches('.');
    let labels: Vec<&str> = domain.split('.').collect();
    if labels.len() < 2 || domain.len() > 253 {
        return false;
    }
    let label_ok = |l: &&str| {
        !l.is_empty()
            && l.len() <= 63
            && !l.starts_with('-')
            && !l.ends_with('-')
            && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    };
    let tld = labels.last().copied().unwrap_or_default();
    labels.iter().all(label_ok) && (tld.chars().all(|c| c.is_ascii_alphabetic()) || tld.starts_with("xn--"))
}

/// `mailto:` with at least one address `local@domain` (RFC 6068), percent-decoded.
fn valid_mailto(href: &str) -> bool {
    let rest = href.trim().get(7..).unwrap_or_default();
    let (to, query) = rest.split_once('?').unwrap_or((rest, ""));
    let mut addresses: Vec<String> = to.split(',').map(percent_decode).collect();
    for pair in query.split('&') {
        if let Some(value) = pair.strip_prefix("to=").or_else(|| pair.strip_prefix("TO=")) {
            addresses.extend(value.split(',').map(percent_decode));
        }
    }
    let addresses: Vec<String> =
        addresses.into_iter().map(|a| a.trim().to_string()).filter(|a| !a.is_empty()).collect();
    !addresses.is_empty()
        && addresses.iter().all(|address| match address.rsplit_once('@') {
            Some((local, domain)) => {
                !local.is_empty()
                    && !local.contains(char::is_whitespace)
                    && idna::domain_to_ascii(domain).is_ok_and(|d| plausible_domain(&d))
            }
            None => false,
        })
}

fn check(message: &Message, cx: &mut Context) {
    let thresholds = &cx.options.thresholds.links;
    for html in &message.html {
        for link in &html.facts.links {
            let Some(id) = problem(&link.href, &thresholds.blocked_schemes, &thresholds.known_schemes) else {
                continue;
            };
            let scheme = scheme_of(&link.href).unwrap_or_default();
            cx.emit(
                Draft::new(
                    Msg::new(id).text("href", link.href.clone()).text("text", link.text.clone()).text("scheme", scheme),
                )
                    .evidence(format!("<a href=\"{}\">{}</a>", link.href, link.text))
                    .at(element_location(message, html, link.tag)),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::links::LinkThresholds;

    fn why(href: &str) -> Option<&'static str> {
        let t = LinkThresholds::default();
        problem(href, &t.blocked_schemes, &t.known_schemes)
    }

    #[test]
    fn each_kind_of_broken_link_is_named() {
        assert_eq!(why("  "), Some("links/broken.empty"));
        assert_eq!(why("#"), Some("links/broken.anchor-only"));
        assert_eq!(why("page.html"), Some("links/broken.relative"));
        assert_eq!(why("//cdn.example.com/x"), Some("links/broken.relative"));
        assert_eq!(why("java\nscript:alert(1)"), Some("links/broken.blocked-scheme"));
        assert_eq!(why("DATA:text/html,x"), Some("links/broken.blocked-scheme"));
        assert_eq!(why("htp://example.com"), Some("links/broken.unknown-scheme"));
        assert_eq!(why("http://exa mple.com"), Some("links/broken.unparsable"));
        assert_eq!(why("http://localhost/x"), Some("links/broken.bad-host"));
        assert_eq!(why("http://example.123"), Some("links/broken.unparsable"));
        assert_eq!(why("http://intranet/x"), Some("links/broken.bad-host"));
        assert_eq!(why("mailto:"), Some("links/broken.bad-mailto"));
        assert_eq!(why("mailto:a@b"), Some("links/broken.bad-mailto"));
        assert_eq!(why("mailto:%zz@example.com"), None);
        assert_eq!(why("https://example.com/%zz%"), None);
        assert_eq!(why("http://192.0.2.1/"), None);
        assert_eq!(why("https://bücher.de/"), None);
        assert_eq!(why("mailto:?to=a%40example.com"), None);
    }
}
