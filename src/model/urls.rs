//! The URLs of a message's links, parsed once per message.
//!
//! Six rules read a link's host through `url::Url::parse` (the WHATWG URL
//! Standard, as browsers read an address): `links/mismatch`, `links/shortener`,
//! `links/homograph`, `links/numeric-host`, `links/broken` and `spam/listed-ip`.
//! Each parsed every link again: in a 10 MB message of 180,000 links, four
//! parses a link. Now each link of an HTML body keeps the scheme and host of
//! its URL once read (`LinkUrl`), and the URLs written in text bodies are
//! remembered per message (`UrlMemo`).

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::{Mutex, OnceLock, PoisonError};

/// Clone and PartialEq for what holds work done on demand: a copy starts
/// without it, and two values are never told apart by it.
macro_rules! work_not_fact {
    ($type:ident) => {
        impl Clone for $type {
            fn clone(&self) -> $type {
                $type::default()
            }
        }

        impl PartialEq for $type {
            fn eq(&self, _: &$type) -> bool {
                true
            }
        }
    };
}

/// The schemes the rules tell apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scheme {
    Http,
    Https,
    Ftp,
    Other,
}

/// What the rules read of a parsed URL: its scheme and its host.
#[derive(Debug, Clone, PartialEq)]
pub struct UrlFacts {
    pub scheme: Scheme,
    pub host: Option<url::Host<String>>,
}

impl UrlFacts {
    /// `url::Url::parse(text)`'s scheme and host; `None` where it fails.
    pub fn parse(text: &str) -> Option<UrlFacts> {
        let url = url::Url::parse(text).ok()?;
        let scheme = match url.scheme() {
            "http" => Scheme::Http,
            "https" => Scheme::Https,
            "ftp" => Scheme::Ftp,
            _ => Scheme::Other,
        };
        Some(UrlFacts { scheme, host: url.host().map(|host| host.to_owned()) })
    }

    /// The host as the URL serializes it (`url::Url::host_str`: an IPv6
    /// address in brackets).
    pub fn host_text(&self) -> Option<Cow<'_, str>> {
        match self.host.as_ref()? {
            url::Host::Domain(domain) => Some(Cow::Borrowed(domain)),
            other => Some(Cow::Owned(other.to_string())),
        }
    }
}

/// Distinct texts the memo keeps (ours: the URLs written in text bodies are
/// read up to `rules::reading::MAX_WRITTEN_LINKS`, 10,240, rspamd's `max_urls`).
pub const MAX_MEMO_URLS: usize = 16_384;

/// Bytes of text the memo keeps, keys alone (ours: a few MiB at most with
/// what each holds).
pub const MAX_MEMO_BYTES: usize = 4 * 1024 * 1024;

/// The URLs written in text bodies, parsed once per message within the two
/// bounds above; past them a text is parsed each time it is asked for, with
/// the same answer. (A link of an HTML body keeps its own: `LinkUrl`.)
#[derive(Default)]
pub struct UrlMemo(Mutex<Memo>);

#[derive(Default)]
struct Memo {
    parsed: HashMap<Box<str>, Option<UrlFacts>>,
    bytes: usize,
}

impl UrlMemo {
    /// `UrlFacts::parse(text)`; a text the memo holds is not parsed again.
    pub fn facts(&self, text: &str) -> Option<UrlFacts> {
        let mut memo = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(parsed) = memo.parsed.get(text) {
            return parsed.clone();
        }
        let parsed = UrlFacts::parse(text);
        if memo.parsed.len() < MAX_MEMO_URLS && memo.bytes + text.len() <= MAX_MEMO_BYTES {
            memo.bytes += text.len();
            memo.parsed.insert(text.into(), parsed.clone());
        }
        parsed
    }

    /// Texts held, and their bytes.
    fn size(&self) -> (usize, usize) {
        let memo = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        (memo.parsed.len(), memo.bytes)
    }
}

// A copy starts empty: what the memo remembers is work, not a fact of the message.
work_not_fact!(UrlMemo);

impl std::fmt::Debug for UrlMemo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (urls, bytes) = self.size();
        write!(f, "UrlMemo({urls} URLs, {bytes} bytes)")
    }
}

/// An HTML link's URL, parsed on the first ask (`model::html::Link::url`).
#[derive(Default)]
pub struct LinkUrl(OnceLock<Option<UrlFacts>>);

impl LinkUrl {
    /// The facts of `href.trim()`, parsed the first time.
    pub fn get(&self, href: &str) -> Option<&UrlFacts> {
        self.0.get_or_init(|| UrlFacts::parse(href.trim())).as_ref()
    }
}

// A copy starts unparsed: the copy's href may be changed before it is read.
work_not_fact!(LinkUrl);

impl std::fmt::Debug for LinkUrl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "LinkUrl({:?})", self.0.get())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXTS: &[&str] = &[
        "https://example.com/a?b=c", "http://192.0.2.1/", "HTTP://WWW.Example.COM./x", "ftp://[2001:db8::1]:21/f",
        "http://0xC0A80101/", "http://3232235777", "not a url", "", "https://exa mple.com/", "mailto:a@b.example",
        "https://xn--pypal-4ve.com/", "https://pаypal.com/", "file:///etc/passwd", "http://[::ffff:192.0.2.1]/", "tel:+33",
    ];

    #[test]
    fn the_facts_are_the_parsers() {
        for text in TEXTS {
            let url = url::Url::parse(text).ok();
            let facts = UrlFacts::parse(text);
            assert_eq!(facts.is_some(), url.is_some(), "{text:?}");
            let (Some(url), Some(facts)) = (url, facts) else { continue };
            assert_eq!(facts.host_text().as_deref(), url.host_str(), "{text:?}");
            assert_eq!(facts.host, url.host().map(|h| h.to_owned()), "{text:?}");
            let scheme = match facts.scheme {
                Scheme::Http => "http",
                Scheme::Https => "https",
                Scheme::Ftp => "ftp",
                Scheme::Other => "",
            };
            assert!(scheme == url.scheme() || (scheme.is_empty() && !matches!(url.scheme(), "http" | "https" | "ftp")), "{text:?}");
        }
    }

    #[test]
    fn the_memo_and_a_links_cell_answer_as_the_parser_does() {
        let memo = UrlMemo::default();
        for text in TEXTS {
            for _ in 0..2 {
                assert_eq!(memo.facts(text), UrlFacts::parse(text), "{text:?}");
            }
            let cell = LinkUrl::default();
            let padded = format!("  {text}\n");
            assert_eq!(cell.get(&padded), UrlFacts::parse(text).as_ref(), "{text:?}");
            assert_eq!(cell.clone().get(text), UrlFacts::parse(text).as_ref(), "{text:?}");
        }
        assert_eq!(memo.size().0, TEXTS.len());
    }

    #[test]
    fn the_memo_stays_within_its_bounds_and_still_answers() {
        let memo = UrlMemo::default();
        for i in 0..MAX_MEMO_URLS + 10 {
            assert!(memo.facts(&format!("https://h{i}.example/")).is_some());
        }
        assert_eq!(memo.size().0, MAX_MEMO_URLS);
        // A text past the byte bound is parsed, not kept.
        let memo = UrlMemo::default();
        let long = format!("https://example.com/{}", "a".repeat(MAX_MEMO_BYTES));
        assert!(memo.facts(&long).is_some());
        assert!(memo.facts(&long).is_some());
        assert_eq!(memo.size(), (0, 0));
    }
}
