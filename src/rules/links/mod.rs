//! The `links/*` rules: the guides list "the link or links in the e-mail are
//! incorrect" and "a URL in the e-mail is not secure (e.g. declared as
//! `https://` while the URL only exists as `http://`)". They read the links of
//! the HTML analysis (`model::html`); the rules that judge an address alone
//! (`numeric-host`, `userinfo`, `shortener`, `homograph`) also read the URLs
//! written in text bodies and in the visible text of HTML bodies
//! (`reading::links`). Their tunables live here.

pub mod authority;
pub mod broken;
pub mod homograph;
pub mod insecure;
pub mod mismatch;
pub mod numeric_host;
pub mod shortener;
pub mod userinfo;

use crate::model::urls::{Scheme, UrlFacts};
use std::borrow::Cow;

/// The scheme of an href, lowercased, with the tabs and line breaks browsers
/// strip (WHATWG URL §4.4) removed; `None` for a relative reference.
/// Read up to the first `:`, and no further where a character cannot be a
/// scheme's: no copy of the whole href, and none of the scheme where it is
/// written in lowercase without a tab or line break (most links; a `String`
/// pushed a character at a time for every link was 1 % of a newsletter's lint, #14).
pub fn scheme_of(href: &str) -> Option<Cow<'_, str>> {
    let href = href.trim();
    let colon = href.bytes().position(|b| !(b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'+' | b'-' | b'.')));
    if let Some(colon) = colon.filter(|&at| href.as_bytes()[at] == b':') {
        return href.as_bytes().first().is_some_and(u8::is_ascii_alphabetic).then(|| Cow::Borrowed(&href[..colon]));
    }
    let mut scheme = String::new();
    for c in href.chars() {
        match c {
            '\t' | '\n' | '\r' => {}
            ':' => return scheme.starts_with(|c: char| c.is_ascii_alphabetic()).then(|| Cow::Owned(scheme.to_ascii_lowercase())),
            c if c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.') => scheme.push(c),
            _ => return None,
        }
    }
    None
}

/// The host of an http(s) URL, lowercased and without a leading `www.` (the
/// URL parsed once per link: `reading::Link::url`).
pub fn web_host(url: &UrlFacts) -> Option<String> {
    if !matches!(url.scheme, Scheme::Http | Scheme::Https) {
        return None;
    }
    let host = url.host_text()?.trim_end_matches('.').to_ascii_lowercase();
    Some(host.strip_prefix("www.").map(str::to_string).unwrap_or(host))
}

/// A host list (`links.shorteners`, `links.redirectors`), read for a host's
/// entry: each of the host's parent domains is looked up once, instead of each
/// entry compared with the host (a message of 160,000 disagreeing links had
/// made 190 million comparisons). A leading dot in an entry is ignored; an
/// empty entry matches nothing. Its keys are the list's entries, which a
/// message cannot choose; a message only looks hosts up (`crate::hash`). A
/// lookup starts from the longest parent domain no longer than the longest
/// entry: a host of 40,000 one-letter labels had hashed each of its 20,000
/// parents, 400 MB of hashing (1.2 s in wasm for an 80 kB message).
#[derive(Debug, Clone)]
pub struct HostSet {
    /// Each key's entry as the list writes it, and what it matches.
    entries: crate::hash::FastMap<String, (String, Reach)>,
    /// The length of the longest key, in bytes.
    longest: usize,
}

/// What a `HostSet` entry matches: the host itself, its subdomains, or both.
#[derive(Debug, Clone, Copy, Default)]
struct Reach {
    host: bool,
    subdomains: bool,
}

impl HostSet {
    /// The set of a list threshold: the default list's is built once for all
    /// messages (in `default`), a caller's own list for the message that reads it.
    pub fn of(
        settings: &crate::settings::Settings,
        threshold: &crate::settings::Threshold,
        default: &'static std::sync::OnceLock<HostSet>,
    ) -> std::borrow::Cow<'static, HostSet> {
        Self::of_with(settings, threshold, default, HostSet::new)
    }

    /// `of`, the default list built by `build_default` (a caller's own list is `new`'s).
    pub fn of_with(
        settings: &crate::settings::Settings,
        threshold: &crate::settings::Threshold,
        default: &'static std::sync::OnceLock<HostSet>,
        build_default: fn(&[String]) -> HostSet,
    ) -> std::borrow::Cow<'static, HostSet> {
        match settings.own_list(threshold) {
            Some(items) => std::borrow::Cow::Owned(HostSet::new(items)),
            None => std::borrow::Cow::Borrowed(default.get_or_init(|| build_default(&settings.list(threshold)))),
        }
    }

    /// Each entry matches its host and the host's subdomains (a caller's own list).
    pub fn new(list: &[String]) -> HostSet {
        Self::build(list, |_| Reach { host: true, subdomains: true })
    }

    /// As SpamAssassin's `url_shortener` list reads its entries (DecodeShortURLs,
    /// `25_url_shortener.cf`): an entry matches that host alone (a `www.` before it
    /// is read off the host first, `host_of`), one with a leading dot its subdomains
    /// (`\w+\.page\.link`): Google Maps' `maps.app.goo.gl` is not the shortener `goo.gl`.
    pub fn new_exact(list: &[String]) -> HostSet {
        Self::build(list, |dotted| Reach { host: !dotted, subdomains: dotted })
    }

    fn build(list: &[String], reach: impl Fn(bool) -> Reach) -> HostSet {
        let mut entries: crate::hash::FastMap<String, (String, Reach)> = Default::default();
        for item in list {
            let name = item.trim_start_matches('.');
            if name.is_empty() {
                continue;
            }
            let add = reach(name.len() < item.len());
            let slot = entries.entry(name.to_ascii_lowercase()).or_insert_with(|| (name.to_string(), Reach::default()));
            slot.1.host |= add.host;
            slot.1.subdomains |= add.subdomains;
        }
        let longest = entries.keys().map(String::len).max().unwrap_or(0);
        HostSet { entries, longest }
    }

    /// The entry that `host` is, or is a subdomain of (case-insensitive), as the list writes it.
    pub fn find(&self, host: &str) -> Option<&str> {
        let host = host.to_ascii_lowercase();
        let mut rest = host.as_str();
        if rest.len() > self.longest {
            // Only a parent after a dot at `from` or later is short enough to be a key.
            let from = rest.len() - self.longest - 1;
            let dot = rest.as_bytes()[from..].iter().position(|&b| b == b'.')?;
            rest = &rest[from + dot + 1..];
        }
        loop {
            let parent = rest.len() < host.len();
            if let Some((entry, reach)) = self.entries.get(rest) {
                if (parent && reach.subdomains) || (!parent && reach.host) {
                    return Some(entry);
                }
            }
            match rest.split_once('.') {
                Some((_, parent)) if !parent.is_empty() => rest = parent,
                _ => return None,
            }
        }
    }
}

/// Percent-decodes lossily; an invalid escape is kept as written.
pub fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let escape = bytes
            .get(i + 1..i + 3)
            .filter(|h| h.iter().all(u8::is_ascii_hexdigit))
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], escape) {
            (b'%', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `scheme_of` as it was, a character at a time into a `String`.
    fn scheme_by_chars(href: &str) -> Option<String> {
        let mut scheme = String::new();
        for c in href.trim().chars() {
            match c {
                '\t' | '\n' | '\r' => {}
                ':' => return scheme.starts_with(|c: char| c.is_ascii_alphabetic()).then(|| scheme.to_ascii_lowercase()),
                c if c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.') => scheme.push(c),
                _ => return None,
            }
        }
        None
    }

    #[test]
    fn the_scheme_is_read_as_a_character_at_a_time() {
        let hrefs = [
            "https://example.com/", "HTTP://x", "mailto:a@b", " ftp:x", "h\ttp://x", "ht\ntps:", "1http:x", "+x:y", "-:", ":x",
            "", ":", "x", "x:", "javascript:alert(1)", "data:text/html,x", "web+app:x", "a.b-c+d:e", "é:x", "x é:", "#top",
            "/path", "?q", "//host", "tel:+33", "sms:", "Mailto:", "\u{0}:", "x\u{b}:", "  https:  ", "https", "a1:", "1:",
        ];
        for href in hrefs {
            assert_eq!(scheme_of(href).map(Cow::into_owned), scheme_by_chars(href), "{href:?}");
        }
        // Random hrefs over the characters that matter.
        let pieces = ["a", "Z", "0", "9", "+", "-", ".", ":", "\t", "\n", "\r", " ", "/", "é", "#"];
        crate::text::generated_texts(&pieces, 20_000, 8, |href| {
            assert_eq!(scheme_of(href).map(Cow::into_owned), scheme_by_chars(href), "{href:?}");
        });
        assert!(matches!(scheme_of("https://example.com/"), Some(Cow::Borrowed("https"))));
    }

    #[test]
    fn hosts_and_their_subdomains_match_not_lookalikes() {
        let list: Vec<String> = ["bit.ly", ".page.link", "List-Manage.com"].iter().map(|s| s.to_string()).collect();
        let set = HostSet::new(&list);
        assert_eq!(set.find("bit.ly"), Some("bit.ly"));
        assert_eq!(set.find("go.bit.ly"), Some("bit.ly"));
        assert_eq!(set.find("GO.BIT.LY"), Some("bit.ly"));
        assert_eq!(set.find("app.page.link"), Some("page.link"));
        assert_eq!(set.find("us21.list-manage.com"), Some("List-Manage.com"));
        assert_eq!(set.find("habit.ly"), None);
        assert_eq!(set.find("bit.ly.example.com"), None);
        for host in ["ly", "", "."] {
            assert_eq!(set.find(host), None, "{host}");
        }
        // An empty entry matches nothing.
        assert_eq!(HostSet::new(&["".to_string(), ".".to_string()]).find("example.com"), None);
    }

    /// `find` as it was before it skipped the parents longer than every entry:
    /// each parent domain looked up in turn.
    fn find_every_parent<'a>(set: &'a HostSet, host: &str) -> Option<&'a str> {
        let host = host.to_ascii_lowercase();
        let mut rest = host.as_str();
        loop {
            let parent = rest.len() < host.len();
            if let Some((entry, reach)) = set.entries.get(rest) {
                if (parent && reach.subdomains) || (!parent && reach.host) {
                    return Some(entry);
                }
            }
            match rest.split_once('.') {
                Some((_, parent)) if !parent.is_empty() => rest = parent,
                _ => return None,
            }
        }
    }

    #[test]
    fn a_lookup_skipping_the_parents_longer_than_every_entry_finds_the_same() {
        let lists: [&[&str]; 4] = [&["bit.ly", ".page.link", "é.cc", "a.b.c"], &["x"], &[], &["ab.é", "b"]];
        let pieces = ["a", "b", "c", ".", "é", "x", "ly", "bit", "cc", "B", "A"];
        for list in lists {
            let set = HostSet::new(&list.iter().map(|s| s.to_string()).collect::<Vec<_>>());
            crate::text::generated_texts(&pieces, 20_000, 9, |host| {
                assert_eq!(set.find(host), find_every_parent(&set, host), "{list:?} {host:?}");
            });
        }
    }

    #[test]
    fn spamassassins_shortener_entries_match_their_host_or_with_a_dot_its_subdomains() {
        let set = HostSet::new_exact(&["goo.gl".to_string(), ".page.link".to_string(), "alturl.com".to_string(), ".alturl.com".to_string()]);
        assert_eq!(set.find("goo.gl"), Some("goo.gl"));
        assert_eq!(set.find("GOO.GL"), Some("goo.gl"));
        assert_eq!(set.find("maps.app.goo.gl"), None);
        assert_eq!(set.find("x.page.link"), Some("page.link"));
        assert_eq!(set.find("page.link"), None);
        assert_eq!((set.find("alturl.com"), set.find("a.alturl.com")), (Some("alturl.com"), Some("alturl.com")));
        // A caller's own list: the host and its subdomains.
        let own = HostSet::new(&["goo.gl".to_string()]);
        assert_eq!(own.find("maps.app.goo.gl"), Some("goo.gl"));
        // Through the rule: Google Maps' share links are no shortened links, www. is read off.
        let shortened = |href: &str| {
            let raw = format!("From: a@example.com\r\nTo: b@example.org\r\nSubject: Map\r\n\r\nFind us: {href}\r\n");
            let report = crate::lint(raw.as_bytes(), &crate::Options::default()).expect("lints");
            report.findings_of("links/shortener").count()
        };
        assert_eq!(shortened("https://maps.app.goo.gl/AbCd12"), 0);
        assert_eq!(shortened("https://goo.gl/maps/AbCd12"), 1);
        assert_eq!(shortened("https://www.goo.gl/AbCd12"), 1);
        assert_eq!(shortened("https://shop.page.link/x"), 1);
    }

    #[test]
    fn a_host_of_many_labels_is_read_once() {
        // 200,000 labels: looking up each parent would hash 40 GB.
        let set = HostSet::new(&["bit.ly".to_string()]);
        let host = format!("{}bit.ly", "a.".repeat(200_000));
        assert_eq!(set.find(&host), Some("bit.ly"));
        assert_eq!(set.find(&format!("{}bit.ly.x", "é.".repeat(200_000))), None);
        assert_eq!(set.find(&"é".repeat(100_000)), None);
    }

    #[test]
    fn a_callers_host_list_replaces_the_default_one_built_once() {
        let shortened = |options: &str| {
            let raw = "From: a@example.com\r\nTo: b@example.org\r\nSubject: News\r\n\r\nSee https://bit.ly/x and https://go.example.net/y\r\n";
            let report = crate::lint(raw.as_bytes(), &crate::Options::from_json(options).expect("options")).expect("lints");
            let hosts: Vec<String> = report.findings_of("links/shortener").map(|f| f.evidence.clone()).collect();
            hosts
        };
        assert_eq!(shortened("{}"), ["https://bit.ly/x"]);
        assert_eq!(shortened(r#"{"thresholds": {"links": {"shorteners": ["Example.NET"]}}}"#), ["https://go.example.net/y"]);
        // The default list again after a caller's own: the shared set is the default's.
        assert_eq!(shortened("{}"), ["https://bit.ly/x"]);
    }
}
