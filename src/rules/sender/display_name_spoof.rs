//! `sender/display-name-spoof`: a From display name that shows an address, or
//! a well-known brand's domain, other than the real one —
//! `"service@paypal.com" <x@evil.example>`. Most mail apps show only the
//! display name, so the reader believes what it says.

use super::{aligned, field_location, registrable_label};
use crate::i18n::{Localized, Msg};
use crate::model::Message;
use crate::report::Severity;
use crate::rules::{scores, Check, Context, Draft, Example, ExampleInput, Group, Rule};
use crate::settings::{Evidence, Kind, ListDefault, Threshold};
use crate::title;

crate::rule_texts! { "sender/display-name-spoof";
    summary => {
        en: "The From display name shows an address or a brand's domain other than the real sender.",
        fr: "Le nom affiché du From montre une adresse ou le domaine d'une marque autre que l'expéditeur réel.",
        es: "El nombre visible del From muestra una dirección o el dominio de una marca distinta del remitente real.",
        pl: "Nazwa wyświetlana w From pokazuje adres lub domenę marki inną niż prawdziwy nadawca.",
    },
    why => {
        en: "Most mail apps show only the display name. A name such as \"service@paypal.com\" on a message from another domain is the classic phishing disguise: Gmail's sender guidelines list deceptive display names as spoofing, and filters score it as phishing.",
        fr: "La plupart des logiciels de messagerie n'affichent que le nom. Un nom comme « service@paypal.com » sur un message venant d'un autre domaine est le déguisement classique de l'hameçonnage : les consignes de Gmail classent les noms trompeurs parmi l'usurpation, et les filtres les notent comme hameçonnage.",
        es: "La mayoría de los programas de correo solo muestran el nombre. Un nombre como «service@paypal.com» en un mensaje de otro dominio es el disfraz clásico del phishing: las directrices de Gmail clasifican los nombres engañosos como suplantación y los filtros los puntúan como phishing.",
        pl: "Większość programów pocztowych pokazuje tylko nazwę. Nazwa typu „service@paypal.com” w wiadomości z innej domeny to klasyczne przebranie phishingu: wytyczne Gmaila zaliczają mylące nazwy do podszywania się, a filtry oceniają je jak phishing.",
    },
    fix => {
        en: "Use a display name that names you or your organisation, without an address or another domain in it.",
        fr: "Utilisez un nom affiché qui vous désigne, vous ou votre organisation, sans adresse ni autre domaine.",
        es: "Use un nombre visible que le identifique a usted o a su organización, sin direcciones ni otros dominios.",
        pl: "Użyj nazwy wyświetlanej, która wskazuje Ciebie lub Twoją organizację, bez adresu ani innej domeny.",
    },
    ADDRESS "address" => {
        en: "The display name shows {shown}, but the message is from {address}.",
        fr: "Le nom affiché montre {shown}, mais le message vient de {address}.",
        es: "El nombre visible muestra {shown}, pero el mensaje viene de {address}.",
        pl: "Nazwa wyświetlana pokazuje {shown}, ale wiadomość pochodzi z {address}.",
    },
    BRAND "brand" => {
        en: "The display name shows the brand domain {shown}, but the message is from {address}.",
        fr: "Le nom affiché montre le domaine de marque {shown}, mais le message vient de {address}.",
        es: "El nombre visible muestra el dominio de marca {shown}, pero el mensaje viene de {address}.",
        pl: "Nazwa wyświetlana pokazuje domenę marki {shown}, ale wiadomość pochodzi z {address}.",
    },
}

/// Brand domains that phishing imitates most (`brand_domains.txt`).
pub const BRAND_DOMAINS: Threshold = Threshold {
    key: "sender.brandDomains",
    kind: Kind::List { default: ListDefault::Lines(include_str!("brand_domains.txt")), max_items: 10_000 },
    doc: Localized {
        en: "Domains of brands whose name in a display name, on mail from elsewhere, is a spoof.",
        fr: "Domaines de marques dont le nom dans un nom affiché, sur un courrier venu d'ailleurs, est une usurpation.",
        es: "Dominios de marcas cuyo nombre en un nombre visible, en correo que viene de otro sitio, es una suplantación.",
        pl: "Domeny marek, których nazwa w nazwie wyświetlanej, w poczcie z innego miejsca, jest podszyciem.",
    },
    evidence: Evidence::Measured(
        "Check Point Research Brand Phishing Reports 2020–2024, top-10 brands (sources in brand_domains.txt)",
    ),
};

pub const RULE: Rule = Rule {
    id: ID,
    group: Group::Sender,
    severity: Severity::Warning,
    evidence: &[
        Evidence::Receiver("Gmail Email sender guidelines, \"Spoofing and display names\": display names \"should never be used to attempt to deceive the recipient\"; \"Don't impersonate other domains or senders without permission ... Gmail might mark these messages as spam\""),
        Evidence::Receiver("rspamd's SPOOF_DISPLAY_NAME symbol scores a display name holding an address other than the sender's as phishing"),
    ],
    score: scores::DISPLAY_NAME_SPOOF,
    texts: &TEXTS,
    thresholds: &[&BRAND_DOMAINS],
    examples: &[
        Example::fails(
            title! {
                en: "An address in the display name, another one behind it",
                fr: "Une adresse dans le nom affiché, une autre derrière",
                es: "Una dirección en el nombre visible y otra detrás",
                pl: "Adres w nazwie wyświetlanej, a za nim inny",
            },
            ExampleInput::Raw("From: \"service@paypal.com\" <x@evil.example>\nTo: b@example.org\nSubject: Your account\n\nHello\n"),
        ),
        Example::fails(
            title! {
                en: "A brand's domain as the display name",
                fr: "Le domaine d'une marque comme nom affiché",
                es: "El dominio de una marca como nombre visible",
                pl: "Domena marki jako nazwa wyświetlana",
            },
            ExampleInput::Raw("From: Amazon.com Support <help@parcel-desk.example>\nTo: b@example.org\nSubject: Delivery\n\nHello\n"),
        ),
        Example::passes(
            title! {
                en: "The display name shows the real address",
                fr: "Le nom affiché montre l'adresse réelle",
                es: "El nombre visible muestra la dirección real",
                pl: "Nazwa wyświetlana pokazuje prawdziwy adres",
            },
            ExampleInput::Raw("From: \"contact@my-site.example\" <contact@my-site.example>\nTo: b@example.org\nSubject: Hi\n\nHello\n"),
        ),
        Example::passes(
            title! {
                en: "A brand writing from its own domain",
                fr: "Une marque qui écrit depuis son propre domaine",
                es: "Una marca que escribe desde su propio dominio",
                pl: "Marka pisząca z własnej domeny",
            },
            ExampleInput::Raw("From: PayPal.com <service@mail.paypal.com>\nTo: b@example.org\nSubject: Receipt\n\nHello\n"),
        ),
    ],
    check: Check::Message(check),
};

/// Characters of an address's local part and of a domain name.
fn local_char(c: char) -> bool {
    c.is_alphanumeric() || "._%+-'".contains(c)
}
fn domain_char(c: char) -> bool {
    c.is_alphanumeric() || c == '.' || c == '-'
}

/// A domain-looking token: dotted labels ending in letters (two at least).
fn looks_like_domain(token: &str) -> bool {
    let token = token.trim_matches('.');
    let Some((_, tld)) = token.rsplit_once('.') else { return false };
    tld.chars().count() >= 2 && tld.chars().all(char::is_alphabetic) && token.split('.').all(|l| !l.is_empty())
}

/// Addresses written in the display name, as `(address, domain)`.
fn addresses_in(name: &str) -> Vec<(String, String)> {
    let chars: Vec<char> = name.chars().collect();
    let mut out = Vec::new();
    for (at, _) in chars.iter().enumerate().filter(|(_, c)| **c == '@') {
        let start = (0..at).rev().take_while(|&i| local_char(chars[i])).last().unwrap_or(at);
        let end = (at + 1..chars.len()).take_while(|&i| domain_char(chars[i])).last().map_or(at + 1, |i| i + 1);
        let domain: String = chars[at + 1..end].iter().collect::<String>().trim_end_matches('.').to_string();
        if start < at && looks_like_domain(&domain) {
            out.push((chars[start..end].iter().collect::<String>().trim_end_matches('.').to_string(), domain));
        }
    }
    out
}

fn check(message: &Message, cx: &mut Context) {
    let Some(from) = message.identity.from.first() else { return };
    if from.display_name.is_empty() || from.domain.is_empty() {
        return;
    }
    let location = field_location(message, from.field);
    if let Some((shown, _)) = addresses_in(&from.display_name).into_iter().find(|(_, d)| !aligned(d, &from.domain)) {
        cx.emit(
            Draft::new(Msg::of(&ADDRESS).text("shown", shown).text("address", from.address.clone()))
                .evidence(&from.display_name)
                .at(location),
        );
        return;
    }
    let shown: Vec<&str> = from
        .display_name
        .split(|c: char| !domain_char(c))
        .map(|t| t.trim_matches(['.', '-']))
        .filter(|t| looks_like_domain(t))
        .collect();
    // Most display names show no domain: the brand list is read only for one that does
    // (#14: its labels, computed for every message, were 1.3 % of a lint).
    if shown.is_empty() {
        return;
    }
    let brands: Vec<String> = cx.settings.list(&BRAND_DOMAINS).iter().map(|b| registrable_label(b)).collect();
    let real_label = registrable_label(&super::ascii_domain(&from.domain));
    let brand = shown.into_iter().find(|t| {
        let label = registrable_label(&t.to_lowercase());
        brands.contains(&label) && label != real_label
    });
    if let Some(shown) = brand {
        cx.emit(
            Draft::new(Msg::of(&BRAND).text("shown", shown.to_string()).text("address", from.address.clone()))
                .evidence(&from.display_name)
                .at(location),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_are_found_inside_display_names() {
        assert_eq!(addresses_in("Jane (jane@gmail.com) via list"), vec![("jane@gmail.com".into(), "gmail.com".into())]);
        assert!(addresses_in("Price @ 5 dollars").is_empty());
        assert!(addresses_in("me@localhost").is_empty());
    }
}
