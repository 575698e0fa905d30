//! `spam/listed-ip`: the guides list "the public IP address (the IP of your
//! internet access point, for example) is listed by reputation bodies" among
//! the things that get a mail flagged as spam. The engine works offline: the
//! caller gives the listed IPs and CIDRs (`options.listedIps`, IPv4 and IPv6),
//! and the rule checks the IPs the message shows: in `Received` and
//! `X-Originating-IP` fields and in links (HTML links and URLs written in
//! plain-text bodies) whose host is an IP literal.

use crate::model::urls::UrlFacts;
use crate::i18n::Msg;
use crate::model::Message;
use crate::report::{Location, Severity};
use crate::rules::{Check, Context, Draft, Example, ExampleInput, Group, Rule};
use crate::settings::Evidence;
use crate::title;
use std::net::IpAddr;

crate::rule_texts! { "spam/listed-ip";
    summary => {
        en: "An IP address in the message is on your list of listed IPs.",
        fr: "Une adresse IP du message figure dans votre liste d'adresses IP sur liste noire.",
        es: "Una dirección IP del mensaje figura en su lista de IP en listas negras.",
        pl: "Adres IP z wiadomości jest na Twojej liście adresów IP z czarnych list.",
    },
    why => {
        en: "The hosting guides list \"the public IP address (the IP of your internet access point, for example) is listed by reputation bodies\" among the things that make an e-mail look like spam. mail-preflight works offline: it checks the IPs in Received and X-Originating-IP and in links to IP addresses against the list you give (IPs and CIDR ranges, e.g. from a Spamhaus lookup).",
        fr: "Les guides de l'hébergeur citent « l'adresse IP publique (IP de votre point d'accès internet par exemple) est listée chez des organismes de réputation » parmi les usages à éviter. mail-preflight fonctionne hors ligne : il compare les IP des champs Received et X-Originating-IP et des liens vers des adresses IP à la liste que vous fournissez (IP et plages CIDR, par exemple issues d'une vérification Spamhaus).",
        es: "Las guías del alojamiento citan «la dirección IP pública (IP de su punto de acceso a internet, por ejemplo) está listada en organismos de reputación» entre los usos que se deben evitar. mail-preflight funciona sin conexión: compara las IP de los campos Received y X-Originating-IP y de los enlaces a direcciones IP con la lista que usted indique (IP y rangos CIDR, por ejemplo de una consulta en Spamhaus).",
        pl: "Przewodniki hostingu wymieniają „publiczny adres IP (np. adres IP Twojego punktu dostępu do internetu) jest na listach organizacji reputacyjnych” wśród sposobów, których należy unikać. mail-preflight działa offline: porównuje adresy IP z pól Received i X-Originating-IP oraz z linków do adresów IP z podaną przez Ciebie listą (adresy IP i zakresy CIDR, np. ze sprawdzenia w Spamhaus).",
    },
    fix => {
        en: "Ask for the IP to be delisted (Spamhaus lookup), send from another connection or through your hosting's SMTP, and remove links to bare IP addresses.",
        fr: "Demandez le retrait de l'IP des listes (vérification Spamhaus), envoyez depuis une autre connexion ou par le SMTP de votre hébergement, et retirez les liens vers des adresses IP.",
        es: "Solicite la retirada de la IP de las listas (consulta en Spamhaus), envíe desde otra conexión o por el SMTP de su alojamiento, y elimine los enlaces a direcciones IP.",
        pl: "Poproś o usunięcie adresu IP z list (sprawdzenie w Spamhaus), wysyłaj z innego łącza lub przez SMTP hostingu i usuń linki do samych adresów IP.",
    },
    IN_HEADER "in-header" => {
        en: "The {header} field shows the IP {ip}, which is listed ({entry}).",
        fr: "Le champ {header} montre l'IP {ip}, qui est listée ({entry}).",
        es: "El campo {header} muestra la IP {ip}, que está listada ({entry}).",
        pl: "Pole {header} zawiera adres IP {ip}, który jest na liście ({entry}).",
    },
    IN_LINK "in-link" => {
        en: "A link points to the IP {ip}, which is listed ({entry}).",
        fr: "Un lien pointe vers l'IP {ip}, qui est listée ({entry}).",
        es: "Un enlace apunta a la IP {ip}, que está listada ({entry}).",
        pl: "Link prowadzi do adresu IP {ip}, który jest na liście ({entry}).",
    },
    INVALID_ENTRY "invalid-entry" => {
        en: "The listed-IP entry \"{entry}\" is neither an IP address nor a CIDR range; it was ignored.",
        fr: "L'entrée « {entry} » de la liste d'IP n'est ni une adresse IP ni une plage CIDR ; elle a été ignorée.",
        es: "La entrada «{entry}» de la lista de IP no es ni una dirección IP ni un rango CIDR; se ha ignorado.",
        pl: "Wpis „{entry}” na liście adresów IP nie jest ani adresem IP, ani zakresem CIDR; został pominięty.",
    },
    FIX_ENTRY "fix-entry" => {
        en: "Write each entry as an IP (203.0.113.7, 2001:db8::1) or a CIDR range (203.0.113.0/24, 2001:db8::/32).",
        fr: "Écrivez chaque entrée sous forme d'IP (203.0.113.7, 2001:db8::1) ou de plage CIDR (203.0.113.0/24, 2001:db8::/32).",
        es: "Escriba cada entrada como una IP (203.0.113.7, 2001:db8::1) o un rango CIDR (203.0.113.0/24, 2001:db8::/32).",
        pl: "Zapisz każdy wpis jako adres IP (203.0.113.7, 2001:db8::1) lub zakres CIDR (203.0.113.0/24, 2001:db8::/32).",
    },
}

pub const RULE: Rule = Rule {
    id: ID,
    group: Group::Spam,
    severity: Severity::Warning,
    evidence: &[
        Evidence::Guide("seed 002 (fr) l. 175: « L'adresse IP publique (IP de votre point d'accès internet par exemple) est listée chez des organismes de réputation »"),
        Evidence::Receiver("filters score listed relays and link IPs (SpamAssassin RCVD_IN_* and URIBL_* rules); a listed hosting server IP would be refused at connection, but the IPs a message carries are the visitor's or a relay's: a warning with points"),
    ],
    score: crate::rules::scores::LISTED_IP,
    texts: &TEXTS,
    thresholds: &[],
    examples: &[
        Example::fails(
            title! {
                en: "The sending IP in Received is in a listed range",
                fr: "L'IP d'envoi dans Received est dans une plage listée",
                es: "La IP de envío en Received está en un rango listado",
                pl: "Adres IP nadawcy w Received należy do zakresu z listy",
            },
            ExampleInput::Raw("Received: from pc (host.example.net [203.0.113.45]) by mx.example.com; Mon, 2 Mar 2026 10:00:00 +0100\nFrom: a@example.com\nTo: b@example.com\nSubject: Hello\n\nHello.\n"),
        )
        .with_options(r#"{"listedIps": ["203.0.113.0/24"]}"#),
        Example::fails(
            title! {
                en: "An IPv6 X-Originating-IP that is listed",
                fr: "Un X-Originating-IP IPv6 qui est listé",
                es: "Un X-Originating-IP IPv6 que está listado",
                pl: "X-Originating-IP w IPv6, który jest na liście",
            },
            ExampleInput::Raw("X-Originating-IP: [2001:db8:5::17]\nFrom: a@example.com\nTo: b@example.com\nSubject: Hello\n\nHello.\n"),
        )
        .with_options(r#"{"listedIps": ["2001:db8::/32"]}"#),
        Example::fails(
            title! {
                en: "A link to a listed IP literal",
                fr: "Un lien vers une adresse IP listée",
                es: "Un enlace a una dirección IP listada",
                pl: "Link do adresu IP z listy",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Hello\nContent-Type: text/html\n\n<a href=\"http://198.51.100.7/login\">Log in</a>\n"),
        )
        .with_options(r#"{"listedIps": ["198.51.100.7"]}"#),
        Example::fails(
            title! {
                en: "A URL to a listed IPv6 literal in a plain-text body",
                fr: "Une URL vers une adresse IPv6 listée, dans un corps en texte brut",
                es: "Una URL hacia una dirección IPv6 listada en un cuerpo de texto sin formato",
                pl: "URL do adresu IPv6 z listy w treści tekstowej",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Hello\n\nDownload it from <http://[2001:db8::7]/file.zip>.\n"),
        )
        .with_options(r#"{"listedIps": ["2001:db8::/48"]}"#),
        Example::passes(
            title! {
                en: "An IP outside every listed range",
                fr: "Une IP hors de toutes les plages listées",
                es: "Una IP fuera de todos los rangos listados",
                pl: "Adres IP spoza wszystkich zakresów z listy",
            },
            ExampleInput::Raw("Received: from pc ([192.0.2.10]) by mx.example.com; Mon, 2 Mar 2026 10:00:00 +0100\nFrom: a@example.com\nTo: b@example.com\nSubject: Hello\n\nHello.\n"),
        )
        .with_options(r#"{"listedIps": ["203.0.113.0/24", "2001:db8::/32"]}"#),
        Example::passes(
            title! {
                en: "Without a list nothing is listed",
                fr: "Sans liste, rien n'est listé",
                es: "Sin lista, nada está listado",
                pl: "Bez listy nic nie jest na liście",
            },
            ExampleInput::Raw("Received: from pc ([203.0.113.45]) by mx.example.com; Mon, 2 Mar 2026 10:00:00 +0100\nFrom: a@example.com\nTo: b@example.com\nSubject: Hello\n\nHello.\n"),
        ),
    ],
    check: Check::Message(check),
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

fn check(message: &Message, cx: &mut Context) {
    // No list given (the default): nothing to read or to find, and the reading
    // below is not called, nor compiled by V8 for the first lint (#14).
    if cx.settings.listed_ips.is_empty() {
        return;
    }
    check_listed(message, cx);
}

/// `check` with a list of addresses given.
#[inline(never)]
fn check_listed(message: &Message, cx: &mut Context) {
    let mut networks = Vec::new();
    for entry in &cx.settings.listed_ips {
        match Network::parse(entry) {
            Some(network) => networks.push((network, entry.trim().to_string())),
            None => cx.emit(
                Draft::new(Msg::of(&INVALID_ENTRY).text("entry", entry.clone()))
                    .evidence(entry)
                    .severity(Severity::Info)
                    .fix(Msg::of(&FIX_ENTRY)),
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
                        Msg::of(&IN_HEADER)
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
    // Every link a reader may click: the HTML links (of the views too), and
    // the URLs written in the text bodies and in the visible text, which
    // clients make links of; each located where it is, as `links/numeric-host` does.
    for link in crate::rules::reading::links(message) {
        if cx.full() {
            break;
        }
        let Some(ip) = link.url().and_then(UrlFacts::ip) else { continue };
        if let Some(entry) = listed(ip) {
            cx.emit(
                Draft::new(Msg::of(&IN_LINK).text("ip", ip.to_string()).text("entry", entry))
                    .evidence(link.evidence())
                    .at(crate::rules::reading::link_location(message, &link)),
            );
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

    /// The listed-ip findings of a raw message with `listed` given: (evidence, location start, end, column).
    fn link_findings(raw: &str, listed: &str) -> Vec<(String, Option<usize>, Option<usize>, Option<usize>)> {
        let options = crate::Options::from_json(&format!(r#"{{"listedIps": ["{listed}"]}}"#)).expect("options");
        let report = crate::lint(raw.as_bytes(), &options).expect("lints");
        report.findings_of(ID).map(|f| (f.evidence.clone(), f.location.start, f.location.end, f.location.column)).collect()
    }

    #[test]
    fn a_listed_ip_in_a_link_is_located_at_the_link() {
        let head = "From: a@example.com\r\nTo: b@example.com\r\nSubject: Cake\r\n";
        // Written in a text body: the URL as written, where it is.
        let text = format!("{head}\r\nHello, the menu is at http://198.51.100.9/menu today.\r\n");
        let found = link_findings(&text, "198.51.100.0/24");
        assert_eq!(found.len(), 1, "{found:?}");
        let at = text.find("http://198.51.100.9/menu").expect("url");
        assert_eq!(found[0].0, "http://198.51.100.9/menu");
        assert_eq!((found[0].1, found[0].2), (Some(at), Some(at + "http://198.51.100.9/menu".len())), "{found:?}");
        // An HTML link: its start tag.
        let html = format!("{head}Content-Type: text/html\r\n\r\n<p>Hello, our menu:</p><p><a href=\"http://198.51.100.9/menu\">menu</a></p>\r\n");
        let found = link_findings(&html, "198.51.100.9");
        assert_eq!(found.len(), 1, "{found:?}");
        let at = html.find("<a href").expect("tag");
        assert_eq!((found[0].1, found[0].2), (Some(at), Some(at + "<a href=\"http://198.51.100.9/menu\">".len())), "{found:?}");
    }

    #[test]
    fn addresses_are_found_in_received_values() {
        let ips =
            addresses_in("from x.example ([203.0.113.45]) by mx (IPv6:2001:db8::1); Mon, 2 Mar 2026 10:00:00 +0100");
        assert_eq!(ips, vec!["203.0.113.45".parse::<IpAddr>().unwrap(), "2001:db8::1".parse().unwrap()]);
    }
}
