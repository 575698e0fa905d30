//! `links/broken`: the guides list "the link or links in the e-mail are
//! incorrect" among the things that get a mail flagged as spam. A link is
//! broken when it cannot be followed from a mail client: empty or `#`, relative
//! (a mail has no base URL), unparsable, a bad host, a scheme that runs code
//! (`javascript:`), an unknown scheme, or a `mailto:` without a valid address.

use super::{percent_decode, scheme_of};
use crate::i18n::{Localized, Msg};
use crate::model::urls::UrlFacts;
use crate::model::Message;
use crate::report::Severity;
use crate::rules::reading;
use crate::rules::spam::element_location;
use crate::rules::{Check, Context, Draft, Example, ExampleInput, Group, Rule};
use crate::settings::{Evidence, Kind, ListDefault, Threshold};
use crate::title;

crate::rule_texts! { "links/broken";
    summary => {
        en: "A link cannot be followed from a mail client.",
        fr: "Un lien ne peut pas être suivi depuis un logiciel de messagerie.",
        es: "Un enlace no se puede seguir desde un cliente de correo.",
        pl: "Linku nie da się otworzyć z programu pocztowego.",
    },
    why => {
        en: "The hosting guides list \"the link or links in the e-mail are incorrect\" among the things that make an e-mail look like spam. In a mail there is no site to resolve a relative link against, scripts in links are blocked, and a bad address leads nowhere.",
        fr: "Les guides de l'hébergeur citent « le ou les liens présents dans l'e-mail sont incorrects » parmi les usages à éviter. Dans un e-mail, aucun site ne permet de résoudre un lien relatif, les scripts dans les liens sont bloqués et une adresse erronée ne mène nulle part.",
        es: "Las guías del alojamiento citan «los enlaces del mensaje son incorrectos» entre los usos que se deben evitar. En un correo no hay sitio contra el que resolver un enlace relativo, los scripts en enlaces se bloquean y una dirección errónea no lleva a ninguna parte.",
        pl: "Przewodniki hostingu wymieniają „link lub linki w e-mailu są nieprawidłowe” wśród sposobów, których należy unikać. W wiadomości nie ma strony, względem której można rozwiązać link względny, skrypty w linkach są blokowane, a błędny adres prowadzi donikąd.",
    },
    fix => {
        en: "Use complete addresses such as https://www.example.com/page, check that template variables are filled, and remove javascript: links.",
        fr: "Utilisez des adresses complètes comme https://www.example.com/page, vérifiez que les variables du modèle sont remplies et supprimez les liens javascript:.",
        es: "Use direcciones completas como https://www.example.com/page, compruebe que las variables de la plantilla están rellenas y elimine los enlaces javascript:.",
        pl: "Używaj pełnych adresów, takich jak https://www.example.com/page, sprawdź, czy zmienne szablonu są wypełnione, i usuń linki javascript:.",
    },
    EMPTY "empty" => {
        en: "The link \"{text}\" has an empty address.",
        fr: "Le lien « {text} » a une adresse vide.",
        es: "El enlace «{text}» tiene una dirección vacía.",
        pl: "Link „{text}” ma pusty adres.",
    },
    ANCHOR_ONLY "anchor-only" => {
        en: "The link \"{text}\" points to \"#\", which goes nowhere.",
        fr: "Le lien « {text} » pointe vers « # », qui ne mène nulle part.",
        es: "El enlace «{text}» apunta a «#», que no lleva a ninguna parte.",
        pl: "Link „{text}” wskazuje na „#”, który nigdzie nie prowadzi.",
    },
    RELATIVE "relative" => {
        en: "The link \"{text}\" has the relative address {href}, which is always broken in a mail.",
        fr: "Le lien « {text} » a l'adresse relative {href}, toujours cassée dans un e-mail.",
        es: "El enlace «{text}» tiene la dirección relativa {href}, que siempre falla en un correo.",
        pl: "Link „{text}” ma adres względny {href}, który w wiadomości zawsze jest niedziałający.",
    },
    NOTHING_TO_CLICK "nothing-to-click" => {
        en: "A link with nothing to click (no text, no image) has the address \"{href}\", which goes nowhere in a mail; no reader sees it.",
        fr: "Un lien sans rien à cliquer (ni texte, ni image) a l'adresse « {href} », qui ne mène nulle part dans un e-mail ; aucun lecteur ne le voit.",
        es: "Un enlace sin nada que pulsar (ni texto ni imagen) tiene la dirección «{href}», que no lleva a ninguna parte en un correo; ningún lector lo ve.",
        pl: "Link bez niczego do kliknięcia (bez tekstu i obrazu) ma adres „{href}”, który w wiadomości nigdzie nie prowadzi; żaden czytelnik go nie widzi.",
    },
    BLOCKED_SCHEME "blocked-scheme" => {
        en: "The link \"{text}\" uses {scheme}:, which mail clients block.",
        fr: "Le lien « {text} » utilise {scheme}:, que les logiciels de messagerie bloquent.",
        es: "El enlace «{text}» usa {scheme}:, que los clientes de correo bloquean.",
        pl: "Link „{text}” używa schematu {scheme}:, który programy pocztowe blokują.",
    },
    UNKNOWN_SCHEME "unknown-scheme" => {
        en: "The link \"{text}\" uses the unknown scheme {scheme}: ({href}).",
        fr: "Le lien « {text} » utilise le schéma inconnu {scheme}: ({href}).",
        es: "El enlace «{text}» usa el esquema desconocido {scheme}: ({href}).",
        pl: "Link „{text}” używa nieznanego schematu {scheme}: ({href}).",
    },
    UNPARSABLE "unparsable" => {
        en: "The address {href} of the link \"{text}\" is not a valid URL.",
        fr: "L'adresse {href} du lien « {text} » n'est pas une URL valide.",
        es: "La dirección {href} del enlace «{text}» no es una URL válida.",
        pl: "Adres {href} linku „{text}” nie jest prawidłowym adresem URL.",
    },
    BAD_HOST "bad-host" => {
        en: "The address {href} of the link \"{text}\" has no valid public host name.",
        fr: "L'adresse {href} du lien « {text} » n'a pas de nom d'hôte public valide.",
        es: "La dirección {href} del enlace «{text}» no tiene un nombre de host público válido.",
        pl: "Adres {href} linku „{text}” nie ma prawidłowej publicznej nazwy hosta.",
    },
    BAD_MAILTO "bad-mailto" => {
        en: "The mail link \"{text}\" ({href}) has no valid address.",
        fr: "Le lien de courriel « {text} » ({href}) n'a pas d'adresse valide.",
        es: "El enlace de correo «{text}» ({href}) no tiene una dirección válida.",
        pl: "Link pocztowy „{text}” ({href}) nie zawiera prawidłowego adresu.",
    },
}

/// Schemes that run code or embed content instead of linking (mail clients block them).
pub const BLOCKED_SCHEMES: Threshold = Threshold {
    key: "links.blockedSchemes",
    kind: Kind::List { default: ListDefault::Items(&["javascript", "vbscript", "data"]), max_items: 1_000 },
    doc: Localized {
        en: "Schemes that run code or embed content instead of linking (mail clients block them).",
        fr: "Schémas qui exécutent du code ou intègrent un contenu au lieu de faire un lien (les clients de messagerie les bloquent).",
        es: "Esquemas que ejecutan código o incrustan contenido en lugar de enlazar (los clientes de correo los bloquean).",
        pl: "Schematy, które uruchamiają kod lub osadzają treść zamiast linkować (programy pocztowe je blokują).",
    },
    evidence: Evidence::Ours("mail clients (Gmail, Outlook) remove javascript:, vbscript: and data: links"),
};

/// Schemes a mail client can follow; any other scheme (`htp:`, `hxxp:`) is a broken link.
pub const KNOWN_SCHEMES: Threshold = Threshold {
    key: "links.knownSchemes",
    kind: Kind::List {
        default: ListDefault::Items(&[
            "http",
            "https",
            "mailto",
            "tel",
            "sms",
            "ftp",
            "ftps",
            "sftp",
            "callto",
            "skype",
            "whatsapp",
            "tg",
            "viber",
            "facetime",
            "geo",
            "maps",
            "webcal",
            "market",
            "itms-apps",
            "irc",
            "news",
            "cid",
            "fax",
        ]),
        max_items: 1_000,
    },
    doc: Localized {
        en: "Schemes a mail client can follow; any other scheme (`htp:`, `hxxp:`) is a broken link.",
        fr: "Schémas qu'un client de messagerie peut suivre ; tout autre schéma (`htp:`, `hxxp:`) est un lien cassé.",
        es: "Esquemas que un cliente de correo puede seguir; cualquier otro esquema (`htp:`, `hxxp:`) es un enlace roto.",
        pl: "Schematy, za którymi program pocztowy może podążyć; każdy inny schemat (`htp:`, `hxxp:`) to zepsuty link.",
    },
    evidence: Evidence::Ours("the schemes registered with IANA that mail clients open"),
};

pub const RULE: Rule = Rule {
    id: ID,
    group: Group::Links,
    severity: Severity::Warning,
    evidence: &[
        Evidence::Guide("seed 002 (fr) l. 177: « Le ou les liens présents dans l'e-mail sont incorrects »"),
        Evidence::Ours("information only for a link with nothing to click (no text, no image, not an image-map area) whose address leads nowhere (empty, #, relative): no reader sees it; measured: 14.8 % of the SpamAssassin hard ham (250 newsletters) carried one, 0.3 % of 1,146 spam"),
    ],
    score: crate::rules::scores::BROKEN_LINK,
    texts: &TEXTS,
    thresholds: &[&BLOCKED_SCHEMES, &KNOWN_SCHEMES],
    examples: &[
        Example::fails(
            title! {
                en: "A relative link (a mail has no site to resolve it against)",
                fr: "Un lien relatif (un e-mail n'a pas de site par rapport auquel le résoudre)",
                es: "Un enlace relativo (un correo no tiene sitio contra el que resolverlo)",
                pl: "Link względny (wiadomość nie ma strony, względem której można go rozwiązać)",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Hi there\nContent-Type: text/html\n\n<a href=\"/account/confirm?id=7\">Confirm</a>\n"),
        ),
        Example::fails(
            title! {
                en: "An empty href and a bare #",
                fr: "Un href vide et un # seul",
                es: "Un href vacío y un # solo",
                pl: "Pusty href i samotny #",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: News\nContent-Type: text/html\n\n<a href=\"\">Shop</a> <a href=\"#\">More</a>\n"),
        )
        .times(2),
        Example::fails(
            title! {
                en: "Links with nothing to click (no text, no image): information",
                fr: "Des liens sans rien à cliquer (ni texte, ni image) : une information",
                es: "Enlaces sin nada que pulsar (ni texto ni imagen): información",
                pl: "Linki bez niczego do kliknięcia (bez tekstu i obrazu): informacja",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: News\nContent-Type: text/html\n\n<a href=\"top\"></a><a href=\"#\"> </a><p>News of the week.</p>\n"),
        )
        .at(Severity::Info)
        .times(2),
        Example::fails(
            title! {
                en: "A relative link around an image: the image is there to be clicked",
                fr: "Un lien relatif autour d'une image : l'image est là pour être cliquée",
                es: "Un enlace relativo alrededor de una imagen: la imagen está para pulsarla",
                pl: "Link względny wokół obrazu: obraz jest po to, by go kliknąć",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: News\nContent-Type: text/html\n\n<p>News of the week.</p><a href=\"/shop\"><img src=\"https://www.example.com/banner.png\" alt=\"\"></a>\n"),
        ),
        Example::fails(
            title! {
                en: "A javascript: link",
                fr: "Un lien javascript:",
                es: "Un enlace javascript:",
                pl: "Link javascript:",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: News\nContent-Type: text/html\n\n<a href=\"javascript:alert(1)\">Open</a>\n"),
        ),
        Example::fails(
            title! {
                en: "A host with a space and a mailto: without a domain",
                fr: "Un hôte avec une espace et un mailto: sans domaine",
                es: "Un host con un espacio y un mailto: sin dominio",
                pl: "Host ze spacją i mailto: bez domeny",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: News\nContent-Type: text/html\n\n<a href=\"https://exa mple.com/\">Site</a> <a href=\"mailto:contact@\">Write</a>\n"),
        )
        .times(2),
        Example::fails(
            title! {
                en: "An unfilled template placeholder",
                fr: "Une variable de modèle non remplie",
                es: "Una variable de plantilla sin rellenar",
                pl: "Niewypełniona zmienna szablonu",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: News\nContent-Type: text/html\n\n<a href=\"{{unsubscribe_url}}\">Unsubscribe</a>\n"),
        ),
        Example::passes(
            title! {
                en: "A relative link under a <base href> (Apple Mail and Thunderbird follow it)",
                fr: "Un lien relatif sous un <base href> (Apple Mail et Thunderbird le suivent)",
                es: "Un enlace relativo bajo un <base href> (Apple Mail y Thunderbird lo siguen)",
                pl: "Link względny pod <base href> (Apple Mail i Thunderbird go stosują)",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: News\nContent-Type: text/html\n\n<html><head><base href=\"https://www.example.com/news/\"></head><body><p><a href=\"spring.html\">Our spring news</a></p></body></html>\n"),
        ),
        Example::passes(
            title! {
                en: "Absolute https, mailto and tel links, and an in-page anchor",
                fr: "Des liens absolus https, mailto et tel, et une ancre dans la page",
                es: "Enlaces absolutos https, mailto y tel, y un ancla dentro de la página",
                pl: "Bezwzględne linki https, mailto i tel oraz kotwica na stronie",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: News\nContent-Type: text/html\n\n<a href=\"https://www.example.com/shop?a=1&amp;b=%C3%A9\">Shop</a> <a href=\"mailto:contact@example.com?subject=Hi\">Write</a> <a href=\"tel:+33123456789\">Call</a> <a href=\"#top\">Top</a>\n"),
        ),
    ],
    check: Check::Html(check),
};

/// Why a link is broken; `None` when it is fine (`url`: the link's URL as
/// parsed, `html::Link::url`).
pub fn problem(href: &str, url: Option<&UrlFacts>, blocked: &[String], known: &[String]) -> Option<&'static crate::i18n::Entry> {
    let href = href.trim();
    if href.is_empty() {
        return Some(&EMPTY);
    }
    if href == "#" {
        return Some(&ANCHOR_ONLY);
    }
    if href.starts_with('#') {
        // An in-page anchor: clients that support it jump, others do nothing.
        return None;
    }
    let Some(scheme) = scheme_of(href) else { return Some(&RELATIVE) };
    if blocked.iter().any(|s| s.eq_ignore_ascii_case(&scheme)) {
        return Some(&BLOCKED_SCHEME);
    }
    if !known.iter().any(|s| s.eq_ignore_ascii_case(&scheme)) {
        return Some(&UNKNOWN_SCHEME);
    }
    match &*scheme {
        "mailto" => (!valid_mailto(href)).then_some(&BAD_MAILTO),
        "http" | "https" | "ftp" | "ftps" | "sftp" => match url {
            None => Some(&UNPARSABLE),
            Some(url) => match url.host.as_ref() {
                None => Some(&BAD_HOST),
                Some(url::Host::Domain(domain)) => (!plausible_domain(domain)).then_some(&BAD_HOST),
                Some(_) => None,
            },
        },
        _ => None,
    }
}

/// A public domain name: at least two labels, an alphabetic top-level label (or
/// an IDN one), labels of letters, digits and hyphens not at the ends.
fn plausible_domain(domain: &str) -> bool {
    let domain = domain.trim_end_matches('.');
    if domain.len() > 253 {
        return false;
    }
    let label_ok = |l: &str| {
        !l.is_empty()
            && l.len() <= 63
            && !l.starts_with('-')
            && !l.ends_with('-')
            && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    };
    // The labels read in one pass, without a list of them (a `Vec` for every link, #14).
    let (mut labels, mut tld) = (0, "");
    for label in domain.split('.') {
        if !label_ok(label) {
            return false;
        }
        (labels, tld) = (labels + 1, label);
    }
    labels >= 2 && (tld.bytes().all(|b| b.is_ascii_alphabetic()) || tld.starts_with("xn--"))
}

/// `mailto:` whose addresses are all `local@domain` (RFC 6068), percent-decoded:
/// at least one, or none and header fields for the draft. RFC 6068 §2 makes the
/// address optional (`mailtoURI = "mailto:" [ to ] [ hfields ]`): a "tell a
/// friend" link `mailto:?subject=…&body=…` opens a draft whose To the reader
/// fills; a bare `mailto:` says nothing.
fn valid_mailto(href: &str) -> bool {
    let rest = href.trim().get(7..).unwrap_or_default();
    let (to, query) = rest.split_once('?').unwrap_or((rest, ""));
    let mut addresses: Vec<String> = to.split(',').map(percent_decode).collect();
    for pair in query.split('&') {
        if let Some(value) = pair.strip_prefix("to=").or_else(|| pair.strip_prefix("TO=")) {
            addresses.extend(value.split(',').map(percent_decode));
        }
    }
    let addresses: Vec<String> =
        addresses.into_iter().map(|a| a.trim().to_string()).filter(|a| !a.is_empty()).collect();
    if addresses.is_empty() {
        // A field of the draft other than an empty `to`.
        return query
            .split('&')
            .any(|pair| pair.split_once('=').is_some_and(|(name, _)| !name.trim().is_empty() && !name.trim().eq_ignore_ascii_case("to")));
    }
    addresses.iter().all(|address| match address.rsplit_once('@') {
            Some((local, domain)) => {
                !local.is_empty()
                    && !local.contains(char::is_whitespace)
                    && idna::domain_to_ascii(domain).is_ok_and(|d| plausible_domain(&d))
            }
            None => false,
        })
}

fn check(message: &Message, cx: &mut Context) {
    // A form's action is an address to send to, not a link to follow: the
    // rules that judge an address read it (`reading::links`), this one not.
    // The links of the HTML views (AMP, Apple Watch) are judged too, once.
    let (blocked, known) = (cx.settings.list(&BLOCKED_SCHEMES), cx.settings.list(&KNOWN_SCHEMES));
    for (html, link) in reading::html_links(message).filter(|(_, l)| !l.form) {
        if cx.full() {
            break;
        }
        let Some(id) = problem(&link.href, link.url(), &blocked, &known) else {
            continue;
        };
        let scheme = scheme_of(&link.href).unwrap_or_default().into_owned();
        let evidence = link.markup();
        let location = element_location(message, html, link.tag);
        // An anchor with no text and no image (`<a href="top"></a>`, a leftover
        // of an editor) leads nowhere, but no reader can click it either.
        let leads_nowhere = [&EMPTY, &ANCHOR_ONLY, &RELATIVE].iter().any(|e| e.id == id.id);
        if leads_nowhere && !link.image && link.text.trim().is_empty() {
            cx.emit(
                Draft::new(Msg::of(&NOTHING_TO_CLICK).text("href", link.href.clone()))
                    .evidence(evidence)
                    .at(location)
                    .severity(Severity::Info),
            );
            continue;
        }
        // A link with no text (an image without alt, an image-map `<area>`) is named by its address.
        let text = if link.text.trim().is_empty() { link.href.trim() } else { link.text.as_str() };
        cx.emit(
            Draft::new(Msg::of(id).text("href", link.href.clone()).text("text", text.to_string()).text("scheme", scheme))
            .evidence(evidence)
            .at(location),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `plausible_domain` as it was, with a list of the labels.
    fn plausible_by_list(domain: &str) -> bool {
        let domain = domain.trim_end_matches('.');
        let labels: Vec<&str> = domain.split('.').collect();
        if labels.len() < 2 || domain.len() > 253 {
            return false;
        }
        let label_ok = |l: &&str| {
            !l.is_empty() && l.len() <= 63 && !l.starts_with('-') && !l.ends_with('-') && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        };
        let tld = labels.last().copied().unwrap_or_default();
        labels.iter().all(label_ok) && (tld.chars().all(|c| c.is_ascii_alphabetic()) || tld.starts_with("xn--"))
    }

    #[test]
    fn a_domain_is_judged_as_with_a_list_of_its_labels() {
        let long_label = "a".repeat(64);
        let long_domain = format!("{}com", "ab.".repeat(90));
        let fixed = [
            "example.com", "example.com.", "example.com..", "com", "", ".", "a.b", "-a.com", "a-.com", "a_b.com", "a.1com",
            "a.com1", "a.xn--p1ai", "xn--a.b", "a..com", ".a.com", "é.com", "a.é", &long_label, &format!("{long_label}.com"),
            &long_domain, "a.b.c.d.example", "a b.com",
        ];
        for domain in fixed {
            assert_eq!(plausible_domain(domain), plausible_by_list(domain), "{domain:?}");
        }
        let pieces = ["a", "b", "1", "-", "_", ".", "x", "n", "é", " ", "xn--", "com"];
        crate::text::generated_texts(&pieces, 20_000, 11, |domain| {
            assert_eq!(plausible_domain(domain), plausible_by_list(domain), "{domain:?}");
        });
    }
    use crate::settings::Settings;

    fn why(href: &str) -> Option<&'static crate::i18n::Entry> {
        let settings = Settings::default();
        problem(href, UrlFacts::parse(href.trim()).as_ref(), &settings.list(&BLOCKED_SCHEMES), &settings.list(&KNOWN_SCHEMES))
    }

    #[test]
    fn each_kind_of_broken_link_is_named() {
        assert_eq!(why("  "), Some(&EMPTY));
        assert_eq!(why("#"), Some(&ANCHOR_ONLY));
        assert_eq!(why("page.html"), Some(&RELATIVE));
        assert_eq!(why("//cdn.example.com/x"), Some(&RELATIVE));
        assert_eq!(why("java\nscript:alert(1)"), Some(&BLOCKED_SCHEME));
        assert_eq!(why("DATA:text/html,x"), Some(&BLOCKED_SCHEME));
        assert_eq!(why("htp://example.com"), Some(&UNKNOWN_SCHEME));
        assert_eq!(why("http://exa mple.com"), Some(&UNPARSABLE));
        assert_eq!(why("http://localhost/x"), Some(&BAD_HOST));
        assert_eq!(why("http://example.123"), Some(&UNPARSABLE));
        assert_eq!(why("http://intranet/x"), Some(&BAD_HOST));
        assert_eq!(why("mailto:"), Some(&BAD_MAILTO));
        assert_eq!(why("mailto:a@b"), Some(&BAD_MAILTO));
        assert_eq!(why("mailto:%zz@example.com"), None);
        assert_eq!(why("https://example.com/%zz%"), None);
        assert_eq!(why("http://192.0.2.1/"), None);
        assert_eq!(why("https://bücher.de/"), None);
        assert_eq!(why("mailto:?to=a%40example.com"), None);
        // RFC 6068 §2: the address is optional; a draft's fields alone are a link.
        assert_eq!(why("mailto:?subject=A%20gift&body=See%20https%3A%2F%2Fshop.example%2F"), None);
        assert_eq!(why("mailto:?body=x"), None);
        assert_eq!(why("mailto:?"), Some(&BAD_MAILTO));
        assert_eq!(why("mailto:?to="), Some(&BAD_MAILTO));
        assert_eq!(why("mailto:?subject=x&to=a@b"), Some(&BAD_MAILTO));
    }
}
