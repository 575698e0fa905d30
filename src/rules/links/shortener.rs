//! `links/shortener`: a link through a public link shortener (bit.ly,
//! tinyurl.com, …; the list is data, `data/shorteners.txt`). The reader cannot
//! see where it leads, and spammers use free shorteners to hide the
//! destinations that blocklists know; receivers have refused mail for them.

use super::{web_host, HostSet};
use crate::i18n::{Localized, Msg};
use crate::model::Message;
use crate::report::Severity;
use crate::rules::reading;
use crate::rules::scores;
use crate::rules::{Check, Context, Draft, Example, ExampleInput, Group, Rule};
use crate::settings::{Evidence, Kind, ListDefault, Threshold};
use crate::title;

crate::rule_texts! { "links/shortener";
    summary => {
        en: "A link goes through a public link shortener.",
        fr: "Un lien passe par un raccourcisseur de liens public.",
        es: "Un enlace pasa por un acortador de enlaces público.",
        pl: "Link prowadzi przez publiczny skracacz linków.",
    },
    why => {
        en: "A shortened link hides its destination from the reader and from filters, so spammers use free shorteners to get past blocklists; receivers such as Gmail have refused messages for them ('suspicious due to the nature of the content and/or the links within').",
        fr: "Un lien raccourci cache sa destination au lecteur et aux filtres, si bien que les spammeurs utilisent les raccourcisseurs gratuits pour passer les listes de blocage ; des destinataires comme Gmail ont refusé des messages à cause d'eux (« suspicious due to the nature of the content and/or the links within »).",
        es: "Un enlace acortado oculta su destino al lector y a los filtros, por lo que los spammers usan acortadores gratuitos para esquivar las listas de bloqueo; receptores como Gmail han rechazado mensajes por ello («suspicious due to the nature of the content and/or the links within»).",
        pl: "Skrócony link ukrywa cel przed czytelnikiem i filtrami, więc spamerzy używają darmowych skracaczy, by ominąć listy blokujące; odbiorcy tacy jak Gmail odrzucali przez nie wiadomości („suspicious due to the nature of the content and/or the links within”).",
    },
    fix => {
        en: "Link to the full address on your own domain; to count clicks, use your own domain or your mailing service's tracking.",
        fr: "Mettez un lien vers l'adresse complète sur votre propre domaine ; pour compter les clics, utilisez votre domaine ou le suivi de votre service d'envoi.",
        es: "Enlace a la dirección completa en su propio dominio; para contar clics, use su dominio o el seguimiento de su servicio de envío.",
        pl: "Linkuj do pełnego adresu we własnej domenie; do liczenia kliknięć użyj własnej domeny lub śledzenia swojej usługi wysyłkowej.",
    },
    SHORTENED "shortened" => {
        en: "The link goes through the shortener {host}: {href}.",
        fr: "Le lien passe par le raccourcisseur {host} : {href}.",
        es: "El enlace pasa por el acortador {host}: {href}.",
        pl: "Link prowadzi przez skracacz {host}: {href}.",
    },
    FORM_SHORTENED "form-shortened" => {
        en: "The form sends what is typed in it through the shortener {host}: {href}.",
        fr: "Le formulaire envoie ce qui y est saisi via le raccourcisseur {host} : {href}.",
        es: "El formulario envía lo que se escribe en él a través del acortador {host}: {href}.",
        pl: "Formularz wysyła to, co się w nim wpisze, przez skracacz {host}: {href}.",
    },
}

/// Hosts of link shorteners (in a caller's list a subdomain of one matches too).
pub const LINK_SHORTENERS: Threshold = Threshold {
    key: "links.shorteners",
    kind: Kind::List { default: ListDefault::Lines(include_str!("data/shorteners.txt")), max_items: 10_000 },
    doc: Localized {
        en: "Hosts of public link shorteners; a link to one of them, or to a subdomain, is reported. The default list reads its entries as SpamAssassin does: a host alone, or with a leading dot its subdomains (maps.app.goo.gl is Google Maps, not goo.gl).",
        fr: "Hôtes des raccourcisseurs de liens publics ; un lien vers l'un d'eux, ou vers un sous-domaine, est signalé. La liste par défaut lit ses entrées comme SpamAssassin : un hôte seul, ou avec un point initial ses sous-domaines (maps.app.goo.gl est Google Maps, pas goo.gl).",
        es: "Hosts de acortadores de enlaces públicos; se informa de un enlace a uno de ellos o a un subdominio. La lista por defecto lee sus entradas como SpamAssassin: un host solo, o con un punto inicial sus subdominios (maps.app.goo.gl es Google Maps, no goo.gl).",
        pl: "Hosty publicznych skracaczy linków; zgłaszany jest link do jednego z nich lub do subdomeny. Domyślna lista czyta wpisy jak SpamAssassin: sam host albo, z kropką na początku, jego subdomeny (maps.app.goo.gl to Google Maps, nie goo.gl).",
    },
    evidence: Evidence::Receiver("SpamAssassin 4.0.1 25_url_shortener.cf url_shortener list (Apache License 2.0), without the brands' own short hosts"),
};

pub const RULE: Rule = Rule {
    id: ID,
    group: Group::Links,
    severity: Severity::Warning,
    evidence: &[
        Evidence::Receiver("Postmark, \"URL shorteners hurt Gmail deliverability… quite a bit\": Gmail blocked messages with bit.ly links (\"Our system has detected that this message is suspicious due to the nature of the content and/or the links within\") until the links were replaced by the destinations"),
        Evidence::Receiver("SpamAssassin 4.0 treats shortened links apart (DecodeShortURLs plugin; URL_SHORTENER_DISABLED 2, MONEY_FRAUD_* exempt mail without them)"),
    ],
    score: scores::SHORTENER,
    texts: &TEXTS,
    thresholds: &[&LINK_SHORTENERS],
    examples: &[
        Example::fails(
            title! {
                en: "A bit.ly link",
                fr: "Un lien bit.ly",
                es: "Un enlace bit.ly",
                pl: "Link bit.ly",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: News\nContent-Type: text/html\n\n<a href=\"https://bit.ly/3xYz12\">See the offer</a>\n"),
        ),
        Example::passes(
            title! {
                en: "A link to the full address",
                fr: "Un lien vers l'adresse complète",
                es: "Un enlace a la dirección completa",
                pl: "Link do pełnego adresu",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: News\nContent-Type: text/html\n\n<a href=\"https://www.example.com/offers/spring\">See the offer</a> <a href=\"https://notbit.ly.example.com/\">x</a>\n"),
        ),
    ],
    check: Check::Links(check),
};

/// The default shorteners as a set, built once.
static DEFAULT_SHORTENERS: std::sync::OnceLock<HostSet> = std::sync::OnceLock::new();

fn check(message: &Message, cx: &mut Context) {
    // Read only for a message with a web link.
    let mut shorteners = None;
    // What was reported, without its scheme: a link's text that shows its own address is not said again.
    let mut reported: Vec<String> = Vec::new();
    for link in reading::links(message) {
        if cx.full() {
            break;
        }
        let Some(host) = link.url().and_then(web_host) else { continue };
        let Some(found) = shorteners.get_or_insert_with(|| HostSet::of_with(cx.settings, &LINK_SHORTENERS, &DEFAULT_SHORTENERS, HostSet::new_exact)).find(&host) else {
            continue;
        };
        let found = found.to_string();
        reported.push(without_scheme(&link.href).to_string());
        cx.emit(
            Draft::new(Msg::of(if link.is_form() { &FORM_SHORTENED } else { &SHORTENED }).text("host", found).text("href", link.href.to_string()))
                .evidence(link.evidence())
                .at(reading::link_location(message, &link)),
        );
    }
    // A shortener written without a scheme (`bit.ly/3xYzAb`): mail clients make it
    // a link (`text::links::bare_host_paths`). Only the shorteners' hosts are read so.
    let texts = reading::bare_link_texts(message);
    let mut budget = reading::MAX_WRITTEN_LINKS;
    let mut link_texts = None;
    for text in &texts {
        for (url, host) in crate::text::links::bare_host_paths(&text.text, budget) {
            budget -= 1;
            if cx.full() {
                return;
            }
            let set = shorteners.get_or_insert_with(|| HostSet::of_with(cx.settings, &LINK_SHORTENERS, &DEFAULT_SHORTENERS, HostSet::new_exact));
            let Some(found) = set.find(&text.text[host].to_ascii_lowercase()) else { continue };
            let written = &text.text[url.clone()];
            // A link's own text is judged by where the link goes (`links/mismatch`
            // says when it shows another address): a client links it nowhere else.
            let in_a_link = text.html_body().is_some()
                && link_texts
                    .get_or_insert_with(|| reading::html_links(message).map(|(_, l)| l.text.trim()).collect::<crate::hash::KeyedSet<&str>>())
                    .contains(written);
            if in_a_link || reported.iter().any(|r| r == written) {
                continue;
            }
            let found = found.to_string();
            reported.push(written.to_string());
            cx.emit(
                Draft::new(Msg::of(&SHORTENED).text("host", found).text("href", format!("http://{written}")))
                    .evidence(written.to_string())
                    .at(reading::location(message, text, url)),
            );
        }
    }
}

/// `href` without its `http://` or `https://`.
fn without_scheme(href: &str) -> &str {
    let trimmed = href.trim();
    for scheme in ["http://", "https://"] {
        if let Some(rest) = trimmed.get(..scheme.len()).filter(|p| p.eq_ignore_ascii_case(scheme)).map(|_| &trimmed[scheme.len()..]) {
            return rest;
        }
    }
    trimmed
}
