//! `spam/listed-ip`: the guides list "the public IP address (the IP of your
//! internet access point, for example) is listed by reputation bodies" among
//! the things that get a mail flagged as spam. The engine works offline: the
//! caller gives the listed IPs and CIDRs (`options.listedIps`, IPv4 and IPv6),
//! and the rule checks the IPs the message shows: in `Received` and
//! `X-Originating-IP` fields and in links (HTML links and URLs written in
//! plain-text bodies) whose host is an IP literal.

use super::part_location;
use crate::i18n::Msg;
use crate::model::Message;
use crate::report::{Location, Severity};
use crate::rules::{Context, Draft, Example, ExampleInput, Group, Rule};
use std::net::IpAddr;

pub const RULE: Rule = Rule {
    id: "spam/listed-ip",
    group: Group::Spam,
    default_severity: Severity::Error,
    default_score: 50,
    examples: &[
        Example::fails(
            "The sending IP in Received is in a listed range",
            ExampleInput::Raw("Received: from pc (host.example.net [203.0.113.45]) by mx.example.com; Mon, 2 Mar 2026 10:00:00 +0100\nFrom: a@example.com\nTo: b@example.com\nSubject: Hello\n\nHello.\n"),
        )
        .with_options(r#"{"listedIps": ["203.0.113.0/24"]}"#),
        Example::fails(
            "An IPv6 X-Originating-IP that is listed",
            ExampleInput::Raw("X-Originating-IP: [2001:db8:5::17]\nFrom: a@example.com\nTo: b@example.com\nSubject: Hello\n\nHello.\n"),
        )
        .with_options(r#"{"listedIps": ["2001:db8::/32"]}"#),
        Example::fails(
            "A link to a listed IP literal",
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Hello\nContent-Type: text/html\n\n<a href=\"http://198.51.100.7/login\">Log in</a>\n"),
        )
        .with_options(r#"{"listedIps": ["198.51.100.7"]}"#),
        Example::fails(
            "A URL to a listed IPv6 literal in a plain-text body",
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Hello\n\nDownload it from <http://[2001:db8::7]/file.zip>.\n"),
        )
        .with_options(r#"{"listedIps": ["2001:db8::/48"]}"#),
        Example::passes(
            "An IP outside every listed range",
            ExampleInput::Raw("Received: from pc ([192.0.2.10]) by mx.example.com; Mon, 2 Mar 2026 10:00:00 +0100\nFrom: a@example.com\nTo: b@example.com\nSubject: Hello\n\nHello.\n"),
        )
        .with_options(r#"{"listedIps": ["203.0.113.0/24", "2001:db8::/32"]}"#),
        Example::passes(
            "Without a list nothing is listed",
            ExampleInput::Raw("Received: from pc ([203.0.113.45]) by mx.example.com; Mon, 2 Mar 2026 10:00:00 +0100\nFrom: a@example.com\nTo: b@example.com\nSubject: Hello\n\nHello.\n"),
        ),
    ],
    check,
};

/// An IP network: an address and a prefix length.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Network {
    pub address: IpAddr,
    pub prefix: u8,
}

impl Network {
    /// `203.0.113.7`, `203.0.113.0/24`, `2001:db8::/32`, `[2001:db8::1]`.
    pub fn parse(text: &str) -> Option<Network> {
        let text = text.trim();
        let (address, prefix) = match text.split_once('/') {
            Some((a, p)) => (a, Some(p.trim().parse::<u8>().ok()?)),
            None => (text, None),
        };
        let address: IpAddr = address.trim().trim_matches(['[', ']']).parse().ok()?;
        let max = if address.is_ipv4() { 32 } else { 128 };
        let prefix = prefix.unwrap_or(max);
        (prefix <= max).then_some(Network { address, prefix })
    }

    pub fn contains(&self, ip: IpAddr) -> bool {
        let ip = match (self.address, ip) {
            // An IPv4-mapped IPv6 address is the IPv4 address (RFC 4291 §2.5.5.2).
            (IpAddr::V4(_), IpAddr::V6(v6)) => v6.to_ipv4_mapped().map(IpAddr::V4).unwrap_or(ip),
            _ => ip,
        };
        match (self.address, ip) {
            (IpAddr::V4(net), IpAddr::V4(ip)) => {
                let mask = if self.prefix == 0 { 0 } else { u32::MAX << (32 - u32::from(self.prefix)) };
                u32::from(net) & mask == u32::from(ip) & mask
            }
            (IpAddr::V6(net), IpAddr::V6(ip)) => {
                let mask = if self.prefix == 0 { 0 } else { u128::MAX << (128 - u32::from(self.prefix)) };
                u128::from(net) & mask == u128::from(ip) & mask
            }
            _ => false,
        }
    }
}

/// Every IPv4 and IPv6 address written in `text` (header values: `[203.0.113.7]`,
/// `(IPv6:2001:db8::1)`, bare addresses). Times such as `10:00:00` are not addresses.
pub fn addresses_in(text: &str) -> Vec<IpAddr> {
    let cleaned = text.replace("IPv6:", " ").replace("ipv6:", " ");
    let mut out = Vec::new();
    for token in cleaned.split(|c: char| !(c.is_ascii_hexdigit() || c == '.' || c == ':')) {
        let token = token.trim_matches('.');
        if token.len() < 3 {
            continue;
        }
        let candidate = if token.contains('.') && !token.contains(':') { token } else { token.trim_end_matches(':') };
        if let Ok(ip) = candidate.parse::<IpAddr>() {
            if !out.contains(&ip) {
                out.push(ip);
            }
        }
    }
    out
}

/// Host of an http(s)/ftp URL when it is an IP literal.
pub fn link_ip(href: &str) -> Option<IpAddr> {
    let url = url::Url::parse(href.trim()).ok()?;
    match url.host()? {
        url::Host::Ipv4(v4) => Some(IpAddr::V4(v4)),
        url::Host::Ipv6(v6) => Some(IpAddr::V6(v6)),
        url::Host::Domain(_) => None,
    }
}

fn check(message: &Message, cx: &mut Context) {
    let mut networks = Vec::new();
    for entry in &cx.options.listed_ips {
        match Network::parse(entry) {
            Some(network) => networks.push((network, entry.trim().to_string())),
            None => cx.emit(
                Draft::new(Msg::new("spam/listed-ip.invalid-entry").text("entry", entry.clone()))
                    .evidence(entry)
                    .severity(Severity::Info)
                    .fix(Msg::new("spam/listed-ip.fix-entry")),
            ),
        }
    }
    if networks.is_empty() {
        return;
    }
    let listed = |ip: IpAddr| networks.iter().find(|(n, _)| n.contains(ip)).map(|(_, e)| e.clone());
    for field in message.header.fields.iter().filter(|f| f.is("Received") || f.is("X-Originating-IP")) {
        let value = field.unfolded_value(message.raw);
        for ip in addresses_in(&value) {
            if let Some(entry) = listed(ip) {
                cx.emit(
                    Draft::new(
                        Msg::new("spam/listed-ip.in-header")
                            .text("ip", ip.to_string())
                            .text("entry", entry)
                            .text("header", field.name.clone()),
                    )
                    .evidence(String::from_utf8_lossy(field.raw_field(message.raw)))
                    .at(Location::header(field.name.clone(), field.start, field.end)),
                );
            }
        }
    }
    // URLs written in plain-text bodies are links too for the reader's client.
    for part in message.text_bodies() {
        let text = part.text().unwrap_or_default();
        for url in text.split_whitespace().filter(|w| w.contains("://")) {
            let url = url.trim_matches(|c: char| matches!(c, '<' | '>' | '(' | ')' | '"' | '\'' | ',' | '.'));
            let Some(ip) = link_ip(url) else { continue };
            if let Some(entry) = listed(ip) {
                cx.emit(
                    Draft::new(Msg::new("spam/listed-ip.in-link").text("ip", ip.to_string()).text("entry", entry))
                        .evidence(url)
                        .at(part_location(message, part.index)),
                );
            }
        }
    }
    for html in &message.html {
        for link in &html.facts.links {
            let Some(ip) = link_ip(&link.href) else { continue };
            if let Some(entry) = listed(ip) {
                cx.emit(
                    Draft::new(Msg::new("spam/listed-ip.in-link").text("ip", ip.to_string()).text("entry", entry))
                        .evidence(&link.href)
                        .at(part_location(message, html.part)),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn networks_parse_and_contain() {
        let net = Network::parse("203.0.113.0/24").unwrap();
        assert!(net.contains("203.0.113.255".parse().unwrap()));
        assert!(!net.contains("203.0.114.1".parse().unwrap()));
        assert!(net.contains("::ffff:203.0.113.9".parse().unwrap()));
        let v6 = Network::parse("2001:db8::/32").unwrap();
        assert!(v6.contains("2001:db8:ffff::1".parse().unwrap()));
        assert!(!v6.contains("2001:db9::1".parse().unwrap()));
        assert!(Network::parse("0.0.0.0/0").unwrap().contains("8.8.8.8".parse().unwrap()));
        assert_eq!(Network::parse("10.0.0.0/33"), None);
        assert_eq!(Network::parse("not an ip"), None);
    }

    #[test]
    fn addresses_are_found_in_received_values() {
        let ips = addresses_in("from x.example ([203.0.113.45]) by mx (IPv6:2001:db8::1); Mon, 2 Mar 2026 10:00:00 +0100");
        assert_eq!(ips, vec!["203.0.113.45".parse::<IpAddr>().unwrap(), "2001:db8::1".parse().unwrap()]);
    }
}
