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
