//! `links/homograph` *(UTS #39; rspamd OMOGRAPH_URL, URL_HOMOGRAPH_ATTACK)*:
//! a link whose internationalised host (an `xn--` label, or Unicode) draws the
//! same letters as another name: a well-known domain (`раураl.com` in
//! Cyrillic for paypal.com; list in `data/well_known_domains.txt`), the domain
//! its own text shows, a label that mixes Latin with Cyrillic or Greek
//! letters, or a label written wholly in Cyrillic letters that look like Latin
//! ones (`аррӏе.com`) outside the TLDs where Cyrillic names are common.
//! Names are compared by their UTS #39 skeletons (`text::skeleton`).
//! An honest internationalised name (`bücher.de`, `пример.рф`) draws no other name.

use super::mismatch::shown_domain;
use super::web_host;
use crate::i18n::{Localized, Msg};
use crate::model::Message;
use crate::report::Severity;
use crate::rules::reading;
use crate::rules::scores;
use crate::rules::{Check, Context, Draft, Example, ExampleInput, Group, Rule};
use crate::settings::{Evidence, Kind, ListDefault, Threshold};
use crate::text::skeleton::{mixes_scripts, skeleton, whole_script_latin_alike};
use crate::title;

crate::rule_texts! { "links/homograph";
    summary => {
        en: "A link's address imitates another domain with look-alike letters.",
        fr: "L'adresse d'un lien imite un autre domaine avec des lettres d'apparence identique.",
        es: "La dirección de un enlace imita otro dominio con letras de aspecto idéntico.",
        pl: "Adres linku naśladuje inną domenę identycznie wyglądającymi literami.",
    },
    why => {
        en: "Unicode has letters that look exactly like Latin ones (Cyrillic а, о, р, Greek ο…). A domain written with them reads like a bank or a well-known site but belongs to someone else: the classic homograph attack of phishing. Filters compare such names by their UTS #39 skeleton and score them heavily (rspamd URL_HOMOGRAPH_ATTACK, OMOGRAPH_URL).",
        fr: "Unicode contient des lettres identiques aux lettres latines (а, о, р cyrilliques, ο grec…). Un domaine écrit avec elles se lit comme une banque ou un site connu mais appartient à quelqu'un d'autre : c'est l'attaque par homographe classique de l'hameçonnage. Les filtres comparent ces noms par leur squelette UTS #39 et les notent lourdement (URL_HOMOGRAPH_ATTACK, OMOGRAPH_URL de rspamd).",
        es: "Unicode tiene letras idénticas a las latinas (а, о, р cirílicas, ο griega…). Un dominio escrito con ellas se lee como un banco o un sitio conocido pero pertenece a otro: es el clásico ataque homográfico del phishing. Los filtros comparan esos nombres por su esqueleto UTS #39 y los puntúan fuertemente (URL_HOMOGRAPH_ATTACK, OMOGRAPH_URL de rspamd).",
        pl: "Unicode ma litery wyglądające dokładnie jak łacińskie (cyrylickie а, о, р, greckie ο…). Domena zapisana nimi czyta się jak bank lub znana strona, ale należy do kogoś innego: to klasyczny atak homograficzny w phishingu. Filtry porównują takie nazwy według szkieletu UTS #39 i mocno je oceniają (URL_HOMOGRAPH_ATTACK, OMOGRAPH_URL w rspamd).",
    },
    fix => {
        en: "Link to your real domain, written with the letters of its registration.",
        fr: "Mettez un lien vers votre vrai domaine, écrit avec les lettres de son enregistrement.",
        es: "Enlace a su dominio real, escrito con las letras con que está registrado.",
        pl: "Linkuj do swojej prawdziwej domeny, zapisanej literami, z którymi ją zarejestrowano.",
    },
    LOOKS_LIKE "looks-like" => {
        en: "The link goes to {host} ({ascii}), which reads like {imitated}.",
        fr: "Le lien mène à {host} ({ascii}), qui se lit comme {imitated}.",
        es: "El enlace lleva a {host} ({ascii}), que se lee como {imitated}.",
        pl: "Link prowadzi do {host} ({ascii}), co czyta się jak {imitated}.",
    },
    MIXED_SCRIPTS "mixed-scripts" => {
        en: "The link's host {host} ({ascii}) mixes Latin letters with Cyrillic or Greek ones.",
        fr: "L'hôte du lien {host} ({ascii}) mélange des lettres latines avec des lettres cyrilliques ou grecques.",
        es: "El host del enlace {host} ({ascii}) mezcla letras latinas con cirílicas o griegas.",
        pl: "Host linku {host} ({ascii}) miesza litery łacińskie z cyrylicą lub greką.",
    },
    FORM_LOOKS_LIKE "form-looks-like" => {
        en: "The form sends what is typed in it to {host} ({ascii}), which reads like {imitated}.",
        fr: "Le formulaire envoie ce qui y est saisi à {host} ({ascii}), qui se lit comme {imitated}.",
        es: "El formulario envía lo que se escribe en él a {host} ({ascii}), que se lee como {imitated}.",
        pl: "Formularz wysyła to, co się w nim wpisze, do {host} ({ascii}), co czyta się jak {imitated}.",
    },
    WHOLE_SCRIPT "whole-script" => {
        en: "The link's host {host} ({ascii}) is written wholly in Cyrillic letters that look like Latin ones ({label}); browsers show such a name as {ascii}.",
        fr: "L'hôte du lien {host} ({ascii}) est écrit entièrement en lettres cyrilliques qui ressemblent à des lettres latines ({label}) ; les navigateurs affichent un tel nom sous la forme {ascii}.",
        es: "El host del enlace {host} ({ascii}) está escrito enteramente con letras cirílicas que parecen latinas ({label}); los navegadores muestran un nombre así como {ascii}.",
        pl: "Host linku {host} ({ascii}) jest zapisany wyłącznie cyrylicą podobną do liter łacińskich ({label}); przeglądarki pokazują taką nazwę jako {ascii}.",
    },
    FORM_WHOLE_SCRIPT "form-whole-script" => {
        en: "The form's host {host} ({ascii}) is written wholly in Cyrillic letters that look like Latin ones ({label}); browsers show such a name as {ascii}.",
        fr: "L'hôte du formulaire {host} ({ascii}) est écrit entièrement en lettres cyrilliques qui ressemblent à des lettres latines ({label}) ; les navigateurs affichent un tel nom sous la forme {ascii}.",
        es: "El host del formulario {host} ({ascii}) está escrito enteramente con letras cirílicas que parecen latinas ({label}); los navegadores muestran un nombre así como {ascii}.",
        pl: "Host formularza {host} ({ascii}) jest zapisany wyłącznie cyrylicą podobną do liter łacińskich ({label}); przeglądarki pokazują taką nazwę jako {ascii}.",
    },
    FORM_MIXED_SCRIPTS "form-mixed-scripts" => {
        en: "The form's host {host} ({ascii}) mixes Latin letters with Cyrillic or Greek ones.",
        fr: "L'hôte du formulaire {host} ({ascii}) mélange des lettres latines avec des lettres cyrilliques ou grecques.",
        es: "El host del formulario {host} ({ascii}) mezcla letras latinas con cirílicas o griegas.",
        pl: "Host formularza {host} ({ascii}) miesza litery łacińskie z cyrylicą lub greką.",
    },
}

/// Domains that phishing imitates; an internationalised host reading like one is reported.
pub const WELL_KNOWN_DOMAINS: Threshold = Threshold {
    key: "links.wellKnownDomains",
    kind: Kind::List { default: ListDefault::Lines(include_str!("data/well_known_domains.txt")), max_items: 100_000 },
    doc: Localized {
        en: "Domains that phishing imitates (lowercase ASCII); an internationalised link host whose skeleton equals one of them is reported.",
        fr: "Domaines que l'hameçonnage imite (ASCII en minuscules) ; un hôte de lien internationalisé dont le squelette égale l'un d'eux est signalé.",
        es: "Dominios que imita el phishing (ASCII en minúsculas); se informa de un host de enlace internacionalizado cuyo esqueleto es igual a uno de ellos.",
        pl: "Domeny naśladowane przez phishing (ASCII małymi literami); zgłaszany jest umiędzynarodowiony host linku, którego szkielet równa się jednej z nich.",
    },
    evidence: Evidence::Receiver("Check Point Research Brand Phishing Reports 2020–2024 (most imitated brands), with the guides' countries' banks, mail and delivery companies; compiled 2026-11-30 (data/well_known_domains.txt)"),
};

pub const RULE: Rule = Rule {
    id: ID,
    group: Group::Links,
    severity: Severity::Warning,
    evidence: &[
        Evidence::Receiver("rspamd URL_HOMOGRAPH_ATTACK \"URL uses homograph attack (mixed scripts)\" 5.0 (url_suspect_group.conf), OMOGRAPH_URL 5.0 (rules/misc.lua)"),
        Evidence::Rfc("UTS #39 §4 (confusable detection: equal skeletons) and §5.1 (mixed-script detection), Unicode 14.0.0 data"),
        Evidence::Receiver("whole-script look-alikes: Chromium's IDN spoof checker shows a label made only of Cyrillic letters that look like Latin ones (аррӏе.com) as punycode, outside Cyrillic TLDs and bg, by, kz, pyc, ru, su, ua, uz (components/url_formatter/spoof_checks/idn_spoof_checker.cc, IsMadeOfLatinAlikeCyrillic)"),
    ],
    score: scores::HOMOGRAPH,
    texts: &TEXTS,
    thresholds: &[&WELL_KNOWN_DOMAINS],
    examples: &[
        Example::fails(
            title! {
                en: "PayPal written with Cyrillic letters",
                fr: "PayPal écrit avec des lettres cyrilliques",
                es: "PayPal escrito con letras cirílicas",
                pl: "PayPal zapisany literami cyrylicy",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Account\nContent-Type: text/html; charset=utf-8\n\n<a href=\"https://xn--l-7sba6dbr.com/login\">Log in</a>\n"),
        ),
        Example::fails(
            title! {
                en: "The text shows a domain, the link goes to its look-alike",
                fr: "Le texte affiche un domaine, le lien mène à son sosie",
                es: "El texto muestra un dominio, el enlace lleva a su imitación",
                pl: "Tekst pokazuje domenę, link prowadzi do jej sobowtóra",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Account\nContent-Type: text/html; charset=utf-8\n\n<a href=\"https://shop.ex\u{430}mple.org/\">shop.example.org</a>\n"),
        ),
        Example::fails(
            title! {
                en: "Apple written wholly in Cyrillic letters",
                fr: "Apple écrit entièrement en lettres cyrilliques",
                es: "Apple escrito enteramente con letras cirílicas",
                pl: "Apple zapisany wyłącznie literami cyrylicy",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Account\nContent-Type: text/html; charset=utf-8\n\n<a href=\"https://www.xn--80ak6aa92e.com/id\">Apple ID</a>\n"),
        ),
        Example::passes(
            title! {
                en: "Honest internationalised names (German, Russian)",
                fr: "Noms internationalisés honnêtes (allemand, russe)",
                es: "Nombres internacionalizados honestos (alemán, ruso)",
                pl: "Uczciwe nazwy umiędzynarodowione (niemiecka, rosyjska)",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Links\nContent-Type: text/html; charset=utf-8\n\n<a href=\"https://xn--bcher-kva.de/\">bücher.de</a> <a href=\"https://xn--e1afmkfd.xn--p1ai/\">пример.рф</a> <a href=\"https://www.paypal.com/\">PayPal</a>\n"),
        ),
    ],
    check: Check::Links(check),
};

/// The Unicode form of an ASCII host: its `xn--` labels decoded (RFC 3492);
/// a label that does not decode stays as written.
fn unicode_form(ascii: &str) -> String {
    ascii
        .split('.')
        .map(|label| match label.strip_prefix("xn--").and_then(idna::punycode::decode_to_string) {
            Some(decoded) => decoded,
            None => label.to_string(),
        })
        .collect::<Vec<_>>()
        .join(".")
}

/// The last `count` labels of a host.
fn last_labels(host: &str, count: usize) -> &str {
    let mut dots = host.rmatch_indices('.').map(|(i, _)| i);
    match dots.nth(count.saturating_sub(1)) {
        Some(i) if count > 0 => &host[i + 1..],
        _ => host,
    }
}

/// The well-known domain `unicode_host` imitates: same skeleton on the same
/// number of last labels, other letters.
fn imitated<'l>(unicode_host: &str, known: &'l [String]) -> Option<&'l str> {
    known.iter().map(String::as_str).find(|domain| {
        let labels = domain.matches('.').count() + 1;
        let tail = last_labels(unicode_host, labels);
        tail != *domain && skeleton(tail) == skeleton(domain)
    })
}

fn check(message: &Message, cx: &mut Context) {
    // Read at the first link in punycode (#14 cold start: most messages have
    // none, and reading the list was 69 K of a first lint's instructions).
    let mut known = None;
    for link in reading::links(message) {
        if cx.full() {
            break;
        }
        // A host in punycode is written so, or in Unicode, or percent-encoded
        // (which the URL parser decodes): any other link is not parsed.
        let href = link.href.as_bytes();
        if href.is_ascii() && !href.contains(&b'%') && !href.windows(4).any(|w| w.eq_ignore_ascii_case(b"xn--")) {
            continue;
        }
        let Some(ascii) = link.url().and_then(web_host) else { continue };
        if !ascii.split('.').any(|label| label.starts_with("xn--")) {
            continue;
        }
        let unicode = unicode_form(&ascii);
        let shown = shown_domain(link.text).map(|d| unicode_form(&d));
        let (looks_like, mixed, whole) = if link.is_form() {
            (&FORM_LOOKS_LIKE, &FORM_MIXED_SCRIPTS, &FORM_WHOLE_SCRIPT)
        } else {
            (&LOOKS_LIKE, &MIXED_SCRIPTS, &WHOLE_SCRIPT)
        };
        let known = known.get_or_insert_with(|| cx.settings.list(&WELL_KNOWN_DOMAINS));
        let draft = if let Some(domain) = imitated(&unicode, known) {
            Draft::new(
                Msg::of(looks_like)
                    .text("host", unicode.clone())
                    .text("ascii", ascii.clone())
                    .text("imitated", domain),
            )
        } else if let Some(shown) = shown.filter(|s| *s != unicode && skeleton(s) == skeleton(&unicode)) {
            Draft::new(
                Msg::of(looks_like).text("host", unicode.clone()).text("ascii", ascii.clone()).text("imitated", shown),
            )
        } else if unicode.split('.').any(mixes_scripts) {
            Draft::new(Msg::of(mixed).text("host", unicode.clone()).text("ascii", ascii.clone()))
        } else if let Some(label) = whole_script_latin_alike(&unicode) {
            Draft::new(Msg::of(whole).text("host", unicode.clone()).text("ascii", ascii.clone()).text("label", label))
        } else {
            continue;
        };
        cx.emit(
            draft
                .evidence(link.evidence())
                .at(reading::link_location(message, &link)),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn punycode_labels_are_decoded() {
        assert_eq!(unicode_form("xn--e1afmkfd.xn--p1ai"), "пример.рф");
        assert_eq!(unicode_form("www.xn--bcher-kva.de"), "www.bücher.de");
    }

    #[test]
    fn well_known_domains_are_found_by_skeleton_on_their_last_labels() {
        let known: Vec<String> = ["paypal.com", "amazon.co.uk"].iter().map(|s| s.to_string()).collect();
        assert_eq!(imitated("раураl.com", &known), Some("paypal.com"));
        assert_eq!(imitated("login.раураl.com", &known), Some("paypal.com"));
        assert_eq!(imitated("аmazon.co.uk", &known), Some("amazon.co.uk"));
        assert_eq!(imitated("paypal.com", &known), None);
        assert_eq!(imitated("bücher.de", &known), None);
    }

    #[test]
    fn a_look_alike_host_is_found_however_the_link_writes_it() {
        let ids = |href: &str| {
            let raw = format!("From: a@example.com\r\nTo: b@example.org\r\nSubject: Account\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<a href=\"{href}\">Log in</a>\r\n");
            let report = crate::lint(raw.as_bytes(), &crate::Options::default()).expect("lints");
            let found: Vec<String> = report.findings_of(ID).map(|f| f.message_id.clone()).collect();
            found
        };
        // In Unicode, in punycode (any case), percent-encoded (the URL parser decodes the host).
        for href in ["https://p\u{430}ypal.com/", "https://xn--pypal-4ve.com/", "https://XN--PYPAL-4VE.com/", "https://p%D0%B0ypal.com/"] {
            assert_eq!(ids(href), ["links/homograph.looks-like"], "{href}");
        }
        assert!(ids("https://www.paypal.com/").is_empty());
        // A label wholly of Cyrillic look-alikes, whether or not a known domain reads like it.
        assert_eq!(ids("https://www.xn--80ak6aa92e.com/"), ["links/homograph.whole-script"]);
        assert_eq!(ids("https://xn--80aa0cbo65f.com/signin"), ["links/homograph.whole-script"]);
        assert!(ids("https://xn--80ak6aa92e.ru/").is_empty(), "a Cyrillic name under .ru is common");
    }
}
