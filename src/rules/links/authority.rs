//! The authority of a link as written (`user@host:port` between `scheme://`
//! and the path), and what a browser makes of its host: what the deceptive-link
//! rules compare.

use crate::model::urls::{Scheme, UrlFacts};
use std::net::IpAddr;

/// The parts of a link's authority, as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Authority {
    /// What comes before the last `@` (`bank.example` in `https://bank.example@evil.example/`).
    pub userinfo: Option<String>,
    /// The host as written (brackets of an IPv6 literal included).
    pub host: String,
}

/// The authority of a hierarchical link (`scheme://…`), with the tabs and line
/// breaks browsers strip (WHATWG URL §4.4) removed; `None` for other links.
pub fn authority(href: &str) -> Option<Authority> {
    let cleaned: String = href.trim().chars().filter(|c| !matches!(c, '\t' | '\n' | '\r')).collect();
    let (_, rest) = cleaned.split_once("://")?;
    // A browser ends the authority at `/`, `?`, `#` and, for web links, `\`.
    let end = rest.find(['/', '?', '#', '\\']).unwrap_or(rest.len());
    let authority = &rest[..end];
    let (userinfo, host_port) = match authority.rfind('@') {
        Some(at) => (Some(authority[..at].to_string()), &authority[at + 1..]),
        None => (None, authority),
    };
    let host = if host_port.starts_with('[') {
        host_port.find(']').map_or(host_port, |close| &host_port[..=close])
    } else {
        host_port.rsplit_once(':').map_or(host_port, |(host, _port)| host)
    };
    Some(Authority { userinfo, host: host.to_string() })
}

/// A web link whose host is an IP address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NumericHost {
    /// The host as written (`3232235777`, `0xC0A80001`, `192.168.1.1`, `[::1]`).
    pub written: String,
    /// The address a browser connects to, in its usual form.
    pub address: IpAddr,
    /// Written otherwise than the usual dotted form: a whole number, hex, octal
    /// or fewer than four parts, which every browser still reads as an address.
    pub disguised: bool,
}

/// The IP address a web link goes to, if its host is one (WHATWG URL §3.5
/// IPv4 parser, as browsers apply it: decimal, `0x` hex and `0` octal parts),
/// `url` being the link's URL as parsed (`reading::Link::url`).
pub fn numeric_host(href: &str, url: &UrlFacts) -> Option<NumericHost> {
    if !matches!(url.scheme, Scheme::Http | Scheme::Https | Scheme::Ftp) {
        return None;
    }
    let address = url.ip()?;
    let written = authority(href).map(|a| a.host).unwrap_or_default();
    let disguised = match address {
        IpAddr::V4(v4) => written.trim_end_matches('.') != v4.to_string(),
        IpAddr::V6(_) => false,
    };
    Some(NumericHost { written, address, disguised })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn authority_is_read_as_a_browser_reads_it() {
        let a = authority("https://bank.example@evil.example:8443/login").unwrap();
        assert_eq!(a.userinfo.as_deref(), Some("bank.example"));
        assert_eq!(a.host, "evil.example");
        assert_eq!(authority("http://[2001:db8::1]:80/").unwrap().host, "[2001:db8::1]");
        assert_eq!(authority("https://a@b@c.example\\x").unwrap().userinfo.as_deref(), Some("a@b"));
        assert!(authority("mailto:a@example.com").is_none());
    }

    fn numeric_host(href: &str) -> Option<NumericHost> {
        super::numeric_host(href, &UrlFacts::parse(href.trim())?)
    }

    #[test]
    fn disguised_ipv4_forms_are_recognised() {
        for written in ["3232235777", "0xC0A80101", "0300.0250.01.01", "192.168.257", "0xc0.168.1.1"] {
            let host = numeric_host(&format!("http://{written}/x")).unwrap();
            assert_eq!(host.address.to_string(), "192.168.1.1", "{written}");
            assert!(host.disguised, "{written}");
        }
        let plain = numeric_host("http://192.168.1.1/").unwrap();
        assert!(!plain.disguised);
        assert!(numeric_host("https://[2001:db8::1]/").is_some());
        assert!(numeric_host("https://example.com/").is_none());
    }
}
