//! The URLs of a message's links, parsed once per link.
//!
//! Six rules read a link's host through `url::Url::parse` (the WHATWG URL
//! Standard, as browsers read an address): `links/mismatch`, `links/shortener`,
//! `links/homograph`, `links/numeric-host`, `links/broken` and `spam/listed-ip`.
//! Each parsed every link again: in a 10 MB message of 180,000 links, four
//! parses a link. Now each link of an HTML body (`html::Link`) and each URL
//! written in a text (`WrittenLink`) keeps the scheme and host of its URL once
//! read (`LinkUrl`).

use std::borrow::Cow;
use std::net::IpAddr;
use std::sync::OnceLock;

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
        if let Some(facts) = plain_web_address(text) {
            return Some(facts);
        }
        let url = url::Url::parse(text).ok()?;
        let scheme = match url.scheme() {
            "http" => Scheme::Http,
            "https" => Scheme::Https,
            "ftp" => Scheme::Ftp,
            _ => Scheme::Other,
        };
        Some(UrlFacts { scheme, host: url.host().map(|host| host.to_owned()) })
    }

    /// The address of a host written as one (IPv4 in any form browsers read, IPv6).
    pub fn ip(&self) -> Option<IpAddr> {
        match self.host.as_ref()? {
            url::Host::Ipv4(v4) => Some(IpAddr::V4(*v4)),
            url::Host::Ipv6(v6) => Some(IpAddr::V6(*v6)),
            url::Host::Domain(_) => None,
        }
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

/// A link's URL, parsed on the first ask (`model::html::Link::url`,
/// `rules::reading::Link::url`).
#[derive(Default)]
pub struct LinkUrl(OnceLock<Option<UrlFacts>>);

impl LinkUrl {
    /// The facts of `href.trim()`, parsed the first time.
    pub fn get(&self, href: &str) -> Option<&UrlFacts> {
        self.0.get_or_init(|| UrlFacts::parse(href.trim())).as_ref()
    }
}

/// The facts of an address of the most common form, `http://` or `https://`
/// then a host of lowercase ASCII letters, digits and hyphens in non-empty
/// labels (one trailing dot allowed) whose last label does not start with a
/// digit, then the end or `/`, `?` or `#`: what `url::Url::parse` answers for
/// it without its work on the rest of the address (#14: the parse of every
/// link was 3 % of a 10 MB newsletter's lint in Node, 1 % of the corpus'), or
/// `None` for any other text, which the parser reads. After such a host, the
/// WHATWG URL Standard's path, query and fragment states never fail (they
/// percent-encode); a host of those characters maps to itself under UTS #46
/// unless a label is punycode (`xn--`), and is read as an IPv4 address only
/// when its last label is a number (§3.5, "ends in a number"), which starts
/// with a digit. `tests::the_plain_path_is_the_parsers` holds it to the parser.
fn plain_web_address(text: &str) -> Option<UrlFacts> {
    let (scheme, rest) = match text.strip_prefix("https://") {
        Some(rest) => (Scheme::Https, rest),
        None => (Scheme::Http, text.strip_prefix("http://")?),
    };
    let bytes = rest.as_bytes();
    let end = bytes.iter().position(|b| matches!(b, b'/' | b'?' | b'#')).unwrap_or(bytes.len());
    let host = rest.get(..end)?;
    let labels = host.strip_suffix('.').unwrap_or(host);
    let mut last = "";
    for label in labels.split('.') {
        let plain = !label.is_empty()
            && !label.starts_with("xn--")
            && label.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        if !plain {
            return None;
        }
        last = label;
    }
    if last.bytes().next().is_none_or(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(UrlFacts { scheme, host: Some(url::Host::Domain(host.to_string())) })
}

/// A copy starts unparsed: the copy's href may be changed before it is read.
impl Clone for LinkUrl {
    fn clone(&self) -> LinkUrl {
        LinkUrl::default()
    }
}

/// Two links are not told apart by whether their URL was read yet.
impl PartialEq for LinkUrl {
    fn eq(&self, _: &LinkUrl) -> bool {
        true
    }
}

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
            assert_eq!(facts.ip().is_some(), matches!(url.host(), Some(url::Host::Ipv4(_) | url::Host::Ipv6(_))), "{text:?}");
            let scheme = match facts.scheme {
                Scheme::Http => "http",
                Scheme::Https => "https",
                Scheme::Ftp => "ftp",
                Scheme::Other => "",
            };
            assert!(scheme == url.scheme() || (scheme.is_empty() && !matches!(url.scheme(), "http" | "https" | "ftp")), "{text:?}");
        }
    }

    /// `UrlFacts::parse` against the parser's own answer.
    fn assert_as_the_parser(text: &str) {
        let url = url::Url::parse(text).ok();
        let expected = url.as_ref().map(|url| UrlFacts {
            scheme: match url.scheme() {
                "http" => Scheme::Http,
                "https" => Scheme::Https,
                "ftp" => Scheme::Ftp,
                _ => Scheme::Other,
            },
            host: url.host().map(|host| host.to_owned()),
        });
        assert_eq!(UrlFacts::parse(text), expected, "{text:?}");
    }

    #[test]
    fn the_plain_path_is_the_parsers() {
        // Addresses the plain path answers, and near misses it leaves to the
        // parser: capitals, ports, user info, percent signs, punycode, numeric
        // last labels (IPv4 in any form), empty labels, other schemes, spaces,
        // tabs and backslashes, Unicode.
        let hosts = [
            "example.com", "example.com.", "a-b.example", "-a.example", "a-.example", "x", "1x.example", "example.1x",
            "example.123", "example.0x1f", "192.0.2.1", "0x7f.1", "example..com", ".example.com", "example.com..",
            "Example.com", "exa%6Dple.com", "xn--pypal-4ve.com", "a.xn--p1ai", "XN--p1ai.example", "pаypal.com",
            "user@example.com", "example.com:8080", "example.com:", "exa mple.com", "exa\tmple.com", "example.com\\x",
            "exa_mple.com", "", "localhost", "0", "a.b.c.d.e", "123example.com", "ex--ample.com", "müller.de",
        ];
        let tails = ["", "/", "/a/b?c=d&e=f#g", "?q", "#f", "/pa th", "/%zz", "/\u{1F600}", "\\x", "//x"];
        let schemes = ["http://", "https://", "HTTP://", "http:/", "http:///", "ftp://", "ws://", "https:", "http:\\\\"];
        let mut count = 0;
        for scheme in schemes {
            for host in hosts {
                for tail in tails {
                    assert_as_the_parser(&format!("{scheme}{host}{tail}"));
                    count += 1;
                }
            }
        }
        assert_eq!(count, schemes.len() * hosts.len() * tails.len());
        // Random hosts of the plain path's characters and a few others.
        let pieces = ["a", "b", "z", "0", "9", "-", ".", "A", "%", ":", "@", "_", "x"];
        crate::text::generated_texts(&pieces, 10_000, 11, |host| {
            for scheme in ["http://", "https://"] {
                assert_as_the_parser(&format!("{scheme}{host}/p"));
                assert_as_the_parser(&format!("{scheme}xn--{host}"));
            }
        });
    }

    #[test]
    fn a_links_cell_answers_as_the_parser_does() {
        for text in TEXTS {
            let cell = LinkUrl::default();
            let padded = format!("  {text}\n");
            assert_eq!(cell.get(&padded), UrlFacts::parse(text).as_ref(), "{text:?}");
            assert_eq!(cell.get("ignored once read"), UrlFacts::parse(text).as_ref(), "{text:?}");
            assert_eq!(cell.clone().get(text), UrlFacts::parse(text).as_ref(), "{text:?}");
        }
    }
}
