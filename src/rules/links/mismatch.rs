//! `links/mismatch` *(ours)*: the visible text of a link shows a domain other
//! than the one the link goes to, the shape of a phishing link. Spam filters
//! score it; the guides' "incorrect links" covers it. A subdomain of the shown
//! domain (`shop.example.com` for `example.com`) is the same site. A link
//! through a known redirector (a mailing service's click tracking, a security
//! gateway's link rewriting, `data/redirectors.txt`: rspamd's list and the
//! mailing services' tracking hosts it lacks) is information only, as
//! rspamd's phishing module exempts it. The text is read as a reader sees it
//! (`model::html::Link::text`): a zero-width space in `www.pay&#8203;pal.com`
//! or hidden letters do not change the domain it shows.

use super::{web_host, HostSet};
use crate::rules::sender::display_name_spoof::BRAND_DOMAINS;
use crate::rules::sender::{aligned, org_domain, provider, registrable_label, MAILBOX_PROVIDERS};
use crate::i18n::{Localized, Msg};
use crate::model::Message;
use crate::report::Severity;
use crate::rules::reading;
use crate::rules::spam::element_location;
use crate::rules::{Check, Context, Draft, Example, ExampleInput, Group, Rule};
use crate::settings::{Evidence, Kind, ListDefault, Threshold};
use crate::title;

crate::rule_texts! { "links/mismatch";
    summary => {
        en: "A link shows one domain and goes to another.",
        fr: "Un lien affiche un domaine et mène à un autre.",
        es: "Un enlace muestra un dominio y lleva a otro.",
        pl: "Link pokazuje jedną domenę, a prowadzi do innej.",
    },
    why => {
        en: "A link whose text shows a different domain than its real address is the shape of a phishing link, and spam filters score it as one. Tracking redirects produce it too.",
        fr: "Un lien dont le texte montre un autre domaine que son adresse réelle a la forme d'un lien d'hameçonnage, et les filtres anti-spam le traitent comme tel. Les redirections de suivi le produisent aussi.",
        es: "Un enlace cuyo texto muestra un dominio distinto de su dirección real tiene la forma de un enlace de phishing, y los filtros antispam lo puntúan como tal. Las redirecciones de seguimiento también lo producen.",
        pl: "Link, którego tekst pokazuje inną domenę niż jego prawdziwy adres, wygląda jak link phishingowy i filtry antyspamowe tak go oceniają. Powodują to też przekierowania śledzące.",
    },
    fix => {
        en: "Make the link text and the address name the same site, or use a plain text such as \"Open my account\" instead of an address.",
        fr: "Faites en sorte que le texte du lien et l'adresse désignent le même site, ou utilisez un texte simple comme « Ouvrir mon compte » au lieu d'une adresse.",
        es: "Haga que el texto del enlace y la dirección indiquen el mismo sitio, o use un texto simple como «Abrir mi cuenta» en lugar de una dirección.",
        pl: "Niech tekst linku i adres wskazują tę samą stronę albo użyj zwykłego tekstu, np. „Otwórz moje konto”, zamiast adresu.",
    },
    TRACKED "tracked" => {
        en: "The link shows {shown} and goes through {target}, a known redirector (click tracking or link protection); filters do not score that as phishing.",
        fr: "Le lien affiche {shown} et passe par {target}, un redirecteur connu (suivi des clics ou protection des liens) ; les filtres ne le comptent pas comme de l'hameçonnage.",
        es: "El enlace muestra {shown} y pasa por {target}, un redirector conocido (seguimiento de clics o protección de enlaces); los filtros no lo puntúan como phishing.",
        pl: "Link pokazuje {shown} i prowadzi przez {target}, znany serwis przekierowań (śledzenie kliknięć lub ochrona linków); filtry nie oceniają tego jako phishingu.",
    },
    TRACKED_FIX "tracked.fix" => {
        en: "Nothing is required. A link text such as \"Visit our shop\" instead of an address keeps the text and the tracked address from disagreeing.",
        fr: "Rien n'est nécessaire. Un texte de lien comme « Visitez notre boutique » au lieu d'une adresse évite que le texte et l'adresse suivie se contredisent.",
        es: "No hace falta nada. Un texto de enlace como «Visite nuestra tienda» en lugar de una dirección evita que el texto y la dirección con seguimiento se contradigan.",
        pl: "Nic nie jest wymagane. Tekst linku, np. „Odwiedź nasz sklep”, zamiast adresu sprawia, że tekst i śledzony adres sobie nie przeczą.",
    },
    OWN_DOMAIN "own-domain" => {
        en: "The link shows {shown} and goes to {target}, on the sender's own domain ({fromDomain}): the shape of a site's own click tracking. rspamd does not score a link to the From domain as phishing when the message passes DMARC.",
        fr: "Le lien affiche {shown} et mène à {target}, sur le domaine même de l'expéditeur ({fromDomain}) : la forme du suivi des clics d'un site. rspamd ne compte pas un lien vers le domaine du From comme de l'hameçonnage quand le message passe DMARC.",
        es: "El enlace muestra {shown} y lleva a {target}, en el propio dominio del remitente ({fromDomain}): la forma del seguimiento de clics de un sitio. rspamd no puntúa como phishing un enlace al dominio del From cuando el mensaje pasa DMARC.",
        pl: "Link pokazuje {shown} i prowadzi do {target}, we własnej domenie nadawcy ({fromDomain}): tak wygląda śledzenie kliknięć samej strony. rspamd nie ocenia linku do domeny From jako phishingu, gdy wiadomość przechodzi DMARC.",
    },
    OWN_DOMAIN_FIX "own-domain.fix" => {
        en: "Make sure the message passes DMARC for {fromDomain} (a DKIM signature of that domain, or a Return-Path on it with SPF). A link text such as \"Visit the shop\" instead of an address keeps the text and the address from disagreeing.",
        fr: "Assurez-vous que le message passe DMARC pour {fromDomain} (une signature DKIM de ce domaine, ou un Return-Path sur celui-ci avec SPF). Un texte de lien comme « Visitez la boutique » au lieu d'une adresse évite que le texte et l'adresse se contredisent.",
        es: "Asegúrese de que el mensaje pasa DMARC para {fromDomain} (una firma DKIM de ese dominio, o un Return-Path en él con SPF). Un texto de enlace como «Visite la tienda» en lugar de una dirección evita que el texto y la dirección se contradigan.",
        pl: "Upewnij się, że wiadomość przechodzi DMARC dla {fromDomain} (podpis DKIM tej domeny albo Return-Path w niej z SPF). Tekst linku, np. „Odwiedź sklep”, zamiast adresu sprawia, że tekst i adres sobie nie przeczą.",
    },
    OTHER_DOMAIN "other-domain" => {
        en: "The link shows {shown} but goes to {target}.",
        fr: "Le lien affiche {shown} mais mène à {target}.",
        es: "El enlace muestra {shown} pero lleva a {target}.",
        pl: "Link pokazuje {shown}, ale prowadzi do {target}.",
    },
}

/// Hosts of known redirectors (a subdomain of one matches too).
pub const LINK_REDIRECTORS: Threshold = Threshold {
    key: "links.redirectors",
    kind: Kind::List { default: ListDefault::Lines(include_str!("data/redirectors.txt")), max_items: 10_000 },
    doc: Localized {
        en: "Hosts of known redirectors (mailing services' click tracking, security gateways' link rewriting, shorteners); a link whose text shows another domain and whose address is one of them, or a subdomain, is information only.",
        fr: "Hôtes de redirecteurs connus (suivi des clics des services d'envoi, réécriture des liens par les passerelles de sécurité, raccourcisseurs) ; un lien dont le texte montre un autre domaine et dont l'adresse est l'un d'eux, ou un sous-domaine, n'est qu'une information.",
        es: "Hosts de redirectores conocidos (seguimiento de clics de los servicios de envío, reescritura de enlaces de las pasarelas de seguridad, acortadores); un enlace cuyo texto muestra otro dominio y cuya dirección es uno de ellos, o un subdominio, es solo información.",
        pl: "Hosty znanych przekierowań (śledzenie kliknięć serwisów wysyłkowych, przepisywanie linków przez bramki bezpieczeństwa, skracacze); link, którego tekst pokazuje inną domenę, a adres jest jednym z nich lub subdomeną, to tylko informacja.",
    },
    evidence: Evidence::Receiver("rspamd phishing module: exceptions.REDIRECTOR_FALSE (weight 0, \"Phishing exclusion symbol for known redirectors\"), conf/maps.d/redirectors.inc (Apache License 2.0)"),
};

pub const RULE: Rule = Rule {
    id: ID,
    group: Group::Links,
    severity: Severity::Warning,
    evidence: &[
        Evidence::Guide("seed 002 (fr) l. 177: « Le ou les liens présents dans l'e-mail sont incorrects »"),
        Evidence::Ours("a link showing one domain and going to another is the shape of phishing"),
        Evidence::Receiver("rspamd PHISHING (4 points): the text of a link shows another domain than its target"),
        Evidence::Receiver("rspamd phishing module: no PHISHING when the target is a known redirector (REDIRECTOR_FALSE, weight 0), e.g. a mailing service's click tracking"),
        Evidence::Receiver("rspamd phishing module (src/plugins/lua/phishing.lua, \"exclude phishing … by dmarc domain\"): no PHISHING when the target's registrable domain is the From domain of a message that passes DMARC; information here when the target is on the From's organizational domain, unless the From is a mailbox provider's (its users do not own it), the text shows a brand of sender.brandDomains, or the two names look alike (one holds the other, or an edit distance of at most 0.3 of their length, rspamd's full-weight band)"),
        Evidence::Measured("make calibrate, 2026-12-01: the warning fired on 7.6 % of the SpamAssassin hard ham (newsletters whose links go through their own tracker, e.g. newsletter.online.com to clickthru.online.com) against 1.7 % of spam-2; 17 of those 19 newsletters link to their From domain, 4 of 21 spam do"),
    ],
    score: crate::rules::scores::LINK_MISMATCH,
    texts: &TEXTS,
    thresholds: &[&LINK_REDIRECTORS, &BRAND_DOMAINS, &MAILBOX_PROVIDERS],
    examples: &[
        Example::fails(
            title! {
                en: "The text shows the bank, the link goes elsewhere",
                fr: "Le texte montre la banque, le lien mène ailleurs",
                es: "El texto muestra el banco, el enlace lleva a otro sitio",
                pl: "Tekst pokazuje bank, a link prowadzi gdzie indziej",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Account\nContent-Type: text/html\n\n<a href=\"https://login.evil.example.net/bank\">https://www.mybank.com/login</a>\n"),
        ),
        Example::fails(
            title! {
                en: "A domain inside the link's sentence: \"Log in at paypal.com\"",
                fr: "Un domaine dans la phrase du lien : « Log in at paypal.com »",
                es: "Un dominio dentro de la frase del enlace: «Log in at paypal.com»",
                pl: "Domena wewnątrz zdania linku: „Log in at paypal.com”",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Account\nContent-Type: text/html\n\n<p>Please check <a href=\"https://evil.example/login\">Log in at paypal.com</a> today.</p>\n"),
        ),
        Example::fails(
            title! {
                en: "A domain written with an ideographic full stop (paypal。com), which IDNA reads as a dot",
                fr: "Un domaine écrit avec un point idéographique (paypal。com), qu'IDNA lit comme un point",
                es: "Un dominio escrito con un punto ideográfico (paypal。com), que IDNA lee como un punto",
                pl: "Domena zapisana z kropką ideograficzną (paypal。com), którą IDNA czyta jako kropkę",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Account\nContent-Type: text/html; charset=utf-8\n\n<p>Please check <a href=\"https://evil.example/login\">paypal\u{3002}com</a> today.</p>\n"),
        ),
        Example::fails(
            title! {
                en: "A bare domain as text",
                fr: "Un simple nom de domaine comme texte du lien",
                es: "Un dominio a secas como texto del enlace",
                pl: "Sama domena jako tekst linku",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Account\nContent-Type: text/html\n\n<a href=\"http://198.51.100.7/\">paypal.com</a>\n"),
        ),
        Example::fails(
            title! {
                en: "An invisible character splits the shown domain",
                fr: "Un caractère invisible coupe le domaine affiché",
                es: "Un carácter invisible parte el dominio mostrado",
                pl: "Niewidoczny znak dzieli wyświetlaną domenę",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Account\nContent-Type: text/html\n\n<a href=\"https://evil-login.example/verify\">www.pay&#8203;pal.com</a>\n"),
        ),
        Example::fails(
            title! {
                en: "Hidden letters lengthen the shown domain into the address's",
                fr: "Des lettres cachées allongent le domaine affiché jusqu'à celui de l'adresse",
                es: "Letras ocultas alargan el dominio mostrado hasta el de la dirección",
                pl: "Ukryte litery wydłużają wyświetlaną domenę do domeny z adresu",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Account\nContent-Type: text/html\n\n<a href=\"https://paypal.com.evil.example/\">paypal.com<span style=\"display:none\">.evil.example</span></a>\n"),
        ),
        Example::passes(
            title! {
                en: "A subdomain of the shown domain, and a link text that is not a domain",
                fr: "Un sous-domaine du domaine affiché, et un texte de lien qui n'est pas un domaine",
                es: "Un subdominio del dominio mostrado y un texto de enlace que no es un dominio",
                pl: "Subdomena wyświetlanej domeny i tekst linku, który nie jest domeną",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Account\nContent-Type: text/html\n\n<a href=\"https://shop.example.com/x\">www.example.com</a> <a href=\"https://tracker.example.org/x\">Read more</a>\n"),
        ),
        Example::fails(
            title! {
                en: "A mailing service's click tracking (information only)",
                fr: "Le suivi des clics d'un service d'envoi (information seulement)",
                es: "El seguimiento de clics de un servicio de envío (solo información)",
                pl: "Śledzenie kliknięć usługi wysyłkowej (tylko informacja)",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: News\nContent-Type: text/html\n\n<a href=\"https://shop.us21.list-manage.com/track/click?u=1&id=2\">www.example.com</a>\n"),
        )
        .at(Severity::Info),
        Example::fails(
            title! {
                en: "Brevo's click tracking (information only)",
                fr: "Le suivi des clics de Brevo (information seulement)",
                es: "El seguimiento de clics de Brevo (solo información)",
                pl: "Śledzenie kliknięć Brevo (tylko informacja)",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: News\nContent-Type: text/html\n\n<a href=\"https://shop.r.sp1-brevo.net/mk/cl/f/sh/1t6Af4OiGsFR8Z\">www.example.com</a>\n"),
        )
        .at(Severity::Info),
        Example::fails(
            title! {
                en: "A newsletter's own click tracking on its From domain (information only)",
                fr: "Le suivi des clics d'une lettre d'information sur le domaine de son From (information seulement)",
                es: "El seguimiento de clics propio de un boletín en el dominio de su From (solo información)",
                pl: "Własne śledzenie kliknięć newslettera w domenie jego From (tylko informacja)",
            },
            ExampleInput::Raw("From: news@newsletter.example.com\nTo: b@example.org\nSubject: News\nContent-Type: text/html\n\n<a href=\"https://click.example.com/c?q=7f3a\">www.partner-shop.example</a>\n"),
        )
        .at(Severity::Info),
        Example::fails(
            title! {
                en: "A brand shown, the sender's own domain in the address",
                fr: "Une marque affichée, le domaine de l'expéditeur dans l'adresse",
                es: "Una marca mostrada, el dominio del remitente en la dirección",
                pl: "Marka w tekście, domena nadawcy w adresie",
            },
            ExampleInput::Raw("From: security@account-check.example\nTo: b@example.org\nSubject: Account\nContent-Type: text/html\n\n<a href=\"https://login.account-check.example/\">https://www.paypal.com/signin</a>\n"),
        ),
        Example::passes(
            title! {
                en: "An internationalised domain shown in Unicode",
                fr: "Un domaine internationalisé affiché en Unicode",
                es: "Un dominio internacionalizado mostrado en Unicode",
                pl: "Domena umiędzynarodowiona wyświetlona w Unicode",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Account\nContent-Type: text/html; charset=utf-8\n\n<a href=\"https://xn--bcher-kva.de/\">bücher.de</a>\n"),
        ),
        Example::passes(
            title! {
                en: "The punycode form shown, the Unicode form in the address",
                fr: "La forme punycode affichée, la forme Unicode dans l'adresse",
                es: "La forma punycode mostrada, la forma Unicode en la dirección",
                pl: "Forma punycode w tekście, forma Unicode w adresie",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Account\nContent-Type: text/html; charset=utf-8\n\n<a href=\"https://пример.рф/\">xn--e1afmkfd.xn--p1ai</a>\n"),
        ),
        Example::fails(
            title! {
                en: "An internationalised domain in punycode shown, another site in the address",
                fr: "Un domaine internationalisé affiché en punycode, un autre site dans l'adresse",
                es: "Un dominio internacionalizado mostrado en punycode, otro sitio en la dirección",
                pl: "Domena umiędzynarodowiona pokazana w punycode, inna strona w adresie",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Account\nContent-Type: text/html; charset=utf-8\n\n<a href=\"https://evil.example.net/\">xn--e1afmkfd.xn--p1ai</a>\n"),
        ),
    ],
    check: Check::Html(check),
};

/// Top-level domains a bare `name.tld` link text must end with to be read as a
/// domain (so `report.pdf` or `v1.2` is not); texts with `www.` or a scheme always count.
const COMMON_TLDS: &[&str] = &[
    "com", "net", "org", "info", "biz", "io", "co", "eu", "fr", "es", "pl", "de", "it", "pt", "uk", "be", "ch", "nl",
    "at", "ca", "us", "br", "mx", "ar", "cl", "ru", "app", "shop", "online", "site", "store", "me", "tv", "gov", "edu",
];

/// Reads `[http(s)://][www.]label.label…tld[.][/:?#…]` from a lowercased text:
/// labels of letters or digits of any script and inner hyphens (1–63 characters),
/// a top-level label of 2–63 letters. Returns (explicit scheme or `www.`, domain).
fn parse_shown(text: &str) -> Option<(bool, &str)> {
    let mut rest = text;
    let mut explicit = false;
    for scheme in ["https://", "http://"] {
        if let Some(r) = rest.strip_prefix(scheme) {
            rest = r;
            explicit = true;
            break;
        }
    }
    if let Some(r) = rest.strip_prefix("www.") {
        rest = r;
        explicit = true;
    }
    let end = rest.find(['/', ':', '?', '#']).unwrap_or(rest.len());
    let (host, tail) = rest.split_at(end);
    if tail.chars().any(char::is_whitespace) {
        return None;
    }
    let host = host.strip_suffix('.').unwrap_or(host);
    let labels: Vec<&str> = host.split('.').collect();
    if labels.len() < 2 {
        return None;
    }
    let (tld, names) = labels.split_last()?;
    let letter_or_digit = |c: char| c.is_alphanumeric() && c != '_';
    let label_ok = |label: &&str| {
        let count = label.chars().count();
        (1..=63).contains(&count)
            && label.chars().next().is_some_and(letter_or_digit)
            && label.chars().all(|c| letter_or_digit(c) || c == '-')
    };
    let tld_count = tld.chars().count();
    // A top-level label of letters, or its ASCII form (`xn--p1ai` for `рф`): the
    // text may show a domain in its punycode form as well as in Unicode.
    let ace = tld.strip_prefix("xn--").is_some_and(|rest| !rest.is_empty() && rest.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'));
    let tld_ok = (2..=63).contains(&tld_count) && (tld.chars().all(|c| c.is_alphabetic()) || ace);
    (tld_ok && names.iter().all(label_ok)).then_some((explicit, host))
}

/// The full stops UTS #46 maps to '.' (IDNA label separators): the
/// ideographic (U+3002), fullwidth (U+FF0E) and halfwidth ideographic (U+FF61) ones.
const LABEL_SEPARATORS: [char; 3] = ['\u{3002}', '\u{ff0e}', '\u{ff61}'];

/// Most words of a link text searched for a domain shown inside a sentence. *(default, ours)*
const MAX_SENTENCE_WORDS: usize = 32;

/// The domains a link text shows: the whole text when it is a URL or a domain
/// (`shown_domain`), else each word of a sentence written as an address ("Log
/// in at paypal.com"), its surrounding punctuation left out. Inside a sentence,
/// a word with capitals is a name, not an address ("CNET News.com",
/// "Crucial.com", "ASP.NET": hard-ham newsletters of the SpamAssassin corpus),
/// unless it starts with a scheme or `www.`. *(ours)*
pub fn shown_domains(text: &str) -> Vec<String> {
    // A domain has two labels at least: a text without a dot shows none.
    if !text.contains('.') && !text.contains(LABEL_SEPARATORS) {
        return Vec::new();
    }
    if let Some(domain) = shown_domain(text).filter(|_| !text.trim_start().starts_with('@')) {
        return vec![domain];
    }
    let edges = |c: char| !(c.is_alphanumeric() || c == '/' || LABEL_SEPARATORS.contains(&c));
    let written_as_address = |word: &&str| {
        let lower = word.to_lowercase();
        lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with("www.") || lower == *word
    };
    // `@name.es` is a social handle (Instagram, TikTok, X allow dots in a user
    // name), not the domain of an address: a shop's `@bistro.es` links to its page
    // on the network. An address (`help@example.com`) has its `@` inside the word.
    let handle = |word: &&str| word.trim_start_matches(|c: char| !c.is_alphanumeric() && c != '@').starts_with('@');
    text.split_whitespace()
        .take(MAX_SENTENCE_WORDS)
        .filter(|word| !handle(word))
        .map(|word| word.trim_matches(edges))
        .filter(written_as_address)
        .filter_map(shown_domain)
        .collect()
}

/// The domain a link text shows, ASCII (IDNA) and without `www.`, if the text is a URL or a domain.
pub fn shown_domain(text: &str) -> Option<String> {
    let text = text.trim().to_lowercase().replace(LABEL_SEPARATORS, ".");
    let (explicit, domain) = parse_shown(&text)?;
    let ascii = idna::domain_to_ascii(domain).ok()?.to_ascii_lowercase();
    let tld = ascii.rsplit('.').next().unwrap_or_default();
    (explicit || COMMON_TLDS.contains(&tld) || tld.starts_with("xn--")).then_some(ascii)
}

/// Same site: equal, or one is a subdomain of the other.
fn same_site(a: &str, b: &str) -> bool {
    a == b || a.ends_with(&format!(".{b}")) || b.ends_with(&format!(".{a}"))
}

/// The default redirectors as a set, built once.
static DEFAULT_REDIRECTORS: std::sync::OnceLock<HostSet> = std::sync::OnceLock::new();

fn check(message: &Message, cx: &mut Context) {
    // Read only when a link disagrees with its text: most messages have none.
    let settings = cx.settings;
    let mut redirectors = None;
    let mut own_domain = None;
    // The links of the HTML views (AMP, Apple Watch) too, once.
    for (html, link) in reading::html_links(message) {
        if cx.full() {
            break;
        }
        let Some(target) = link.url().and_then(web_host) else { continue };
        let target = target.trim_matches(['[', ']']).to_string();
        // The first domain the text shows that is not the target's site; a text
        // that also shows the target's site says where the link goes.
        let shown = shown_domains(&link.text);
        if shown.iter().any(|shown| same_site(shown, &target)) {
            continue;
        }
        let Some(shown) = shown.into_iter().next() else { continue };
        let tracked = redirectors.get_or_insert_with(|| HostSet::of(settings, &LINK_REDIRECTORS, &DEFAULT_REDIRECTORS)).find(&target).is_some();
        let own = if tracked { None } else { own_domain.get_or_insert_with(|| OwnDomain::new(message, settings)).of(&shown, &target) };
        let draft = match (tracked, own) {
            (true, _) => Draft::new(Msg::of(&TRACKED).text("shown", shown).text("target", target))
                .fix(Msg::of(&TRACKED_FIX))
                .severity(Severity::Info),
            (false, Some(from)) => {
                Draft::new(Msg::of(&OWN_DOMAIN).text("shown", shown).text("target", target).text("fromDomain", from.clone()))
                    .fix(Msg::of(&OWN_DOMAIN_FIX).text("fromDomain", from))
                    .severity(Severity::Info)
            }
            (false, None) => Draft::new(Msg::of(&OTHER_DOMAIN).text("shown", shown).text("target", target)),
        };
        cx.emit(
            draft
                .evidence(link.markup())
                .at(element_location(message, html, link.tag)),
        );
    }
}

/// What a link to the sender's own domain is judged against, read once per
/// message and only when a link disagrees with its text.
struct OwnDomain {
    /// The From's domain, unless it is a mailbox provider's (its users do not
    /// own it: a Google Forms link from a Gmail address is no site's tracking).
    from: Option<String>,
    /// The registrable labels of the brands phishing imitates.
    brands: Vec<String>,
}

impl OwnDomain {
    fn new(message: &Message, settings: &crate::settings::Settings) -> OwnDomain {
        let from = message
            .identity
            .from_domain()
            .map(str::to_ascii_lowercase)
            .filter(|from| provider(settings, from).is_none());
        let brands = if from.is_some() { settings.list(&BRAND_DOMAINS).iter().map(|b| registrable_label(b)).collect() } else { Vec::new() };
        OwnDomain { from, brands }
    }

    /// The From's organizational domain when `target` is on it: the site's own
    /// redirect, unless the text shows a brand that phishing imitates or the
    /// target's name looks like the shown one (`secure-mybank-login.example`
    /// for `mybank.example`).
    fn of(&self, shown: &str, target: &str) -> Option<String> {
        let from = self.from.as_deref()?;
        if !aligned(target, from) {
            return None;
        }
        let shown_label = registrable_label(shown);
        if self.brands.contains(&shown_label) || looks_alike(&shown_label, &registrable_label(target)) {
            return None;
        }
        Some(org_domain(from))
    }
}

/// Two registrable labels a reader could take for one another: one holds the
/// other (of 3 letters or more), or their edit distance is at most 0.3 of their
/// mean length, where rspamd's phishing module gives a mismatch its full weight.
fn looks_alike(a: &str, b: &str) -> bool {
    let a: Vec<char> = a.chars().take(63).collect();
    let b: Vec<char> = b.chars().take(63).collect();
    let (short, long) = if a.len() <= b.len() { (&a, &b) } else { (&b, &a) };
    if short.len() >= 3 && long.windows(short.len()).any(|w| w == short.as_slice()) {
        return true;
    }
    let distance = crate::text::distance::edit_distance(&a, &b);
    (2 * distance) as f64 <= 0.3 * (a.len() + b.len()) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shown_domains_are_read_from_link_texts() {
        assert_eq!(shown_domain("https://www.MyBank.com/login").as_deref(), Some("mybank.com"));
        assert_eq!(shown_domain("example.fr").as_deref(), Some("example.fr"));
        assert_eq!(shown_domain("report.pdf"), None);
        assert_eq!(shown_domain("Click here"), None);
        assert_eq!(shown_domain("www.example.museum").as_deref(), Some("example.museum"));
        assert_eq!(shown_domain("bücher.de").as_deref(), Some("xn--bcher-kva.de"));
        assert_eq!(shown_domain("xn--e1afmkfd.xn--p1ai").as_deref(), Some("xn--e1afmkfd.xn--p1ai"));
        assert_eq!(shown_domain("пример.рф").as_deref(), Some("xn--e1afmkfd.xn--p1ai"));
        assert_eq!(shown_domain("www.xn--bcher-kva.de/shop").as_deref(), Some("xn--bcher-kva.de"));
        // UTS #46 maps these full stops to '.'.
        assert_eq!(shown_domain("paypal\u{3002}com").as_deref(), Some("paypal.com"));
        assert_eq!(shown_domain("paypal\u{ff0e}com").as_deref(), Some("paypal.com"));
        assert_eq!(shown_domain("paypal\u{ff61}com").as_deref(), Some("paypal.com"));
    }

    #[test]
    fn domains_inside_a_sentence_are_read() {
        assert_eq!(shown_domains("Log in at paypal.com"), vec!["paypal.com".to_string()]);
        assert_eq!(shown_domains("Log in at paypal.com."), vec!["paypal.com".to_string()]);
        assert_eq!(shown_domains("(see www.example.org/help)"), vec!["example.org".to_string()]);
        assert_eq!(shown_domains("Learn ASP.NET today"), Vec::<String>::new());
        assert_eq!(shown_domains("CNET News.com: Top CIOs"), Vec::<String>::new());
        assert_eq!(shown_domains("Go to WWW.Example.org now"), vec!["example.org".to_string()]);
        assert_eq!(shown_domains("Download report.pdf now"), Vec::<String>::new());
        assert_eq!(shown_domains("Write to help@example.com"), Vec::<String>::new());
        // Social handles with dots are no domains; a domain beside one still is.
        assert_eq!(shown_domains("@bistrodelpuerto.es"), Vec::<String>::new());
        assert_eq!(shown_domains("Follow us: @greenleafstudio.co.uk"), Vec::<String>::new());
        assert_eq!(shown_domains("(@shop.pl) or shop.pl"), vec!["shop.pl".to_string()]);
        assert_eq!(shown_domains("Read more"), Vec::<String>::new());
    }

    /// The links/mismatch findings of an HTML body: message id, severity, points.
    fn findings(html: &str, options: &crate::Options) -> Vec<(String, Severity, f64)> {
        let raw = format!("From: a@example.com\r\nTo: b@example.com\r\nSubject: News\r\nContent-Type: text/html\r\n\r\n{html}\r\n");
        let report = crate::lint(raw.as_bytes(), options).expect("lints");
        report.findings_of(ID).map(|f| (f.message_id.clone(), f.severity, f.score)).collect()
    }

    #[test]
    fn known_redirectors_are_information_and_their_lookalikes_are_not() {
        let defaults = crate::Options::default();
        // Information carries no spam points.
        let tracked = ("links/mismatch.tracked".to_string(), Severity::Info, 0.0);
        let other = ("links/mismatch.other-domain".to_string(), Severity::Warning, crate::rules::scores::LINK_MISMATCH);
        // Mailchimp, SendGrid and Amazon SES click tracking, Microsoft Safe Links.
        for href in [
            "https://shop.us21.list-manage.com/track/click?u=1",
            "https://u123.ct.sendgrid.net/ls/click?upn=x",
            "https://abc.r.us-east-1.awstrack.me/L0/https:%2F%2Fshop.example.com",
            "https://eur01.safelinks.protection.outlook.com/?url=https%3A%2F%2Fshop.example.com",
            // Keap (Infusionsoft) tracks every link of its emails.
            "https://shop.infusionsoft.com/app/linkClick/12674/8adb113c7450d5e9/4852414/3fd76deeb52f82ce",
        ] {
            assert_eq!(findings(&format!("<a href=\"{href}\">www.shop.example.com</a>"), &defaults), vec![tracked.clone()], "{href}");
        }
        // A host that only ends like a redirector, or has one as a label, is another site.
        for href in ["https://evil-list-manage.com/x", "https://list-manage.com.evil.example/x", "https://sendgrid.net.example.org/", "https://infusionsoft.com.evil.example/app/linkClick/1"] {
            assert_eq!(findings(&format!("<a href=\"{href}\">www.shop.example.com</a>"), &defaults), vec![other.clone()], "{href}");
        }
    }

    #[test]
    fn the_redirector_list_is_the_callers_to_replace() {
        let html = "<a href=\"https://click.example.net/x\">www.shop.example.com</a>";
        let options = crate::Options::from_json(r#"{"thresholds": {"links": {"redirectors": ["click.example.net"]}}}"#).expect("options");
        let ids = |options: &crate::Options| findings(html, options).into_iter().map(|(id, ..)| id).collect::<Vec<_>>();
        assert_eq!(ids(&options), ["links/mismatch.tracked"]);
        assert_eq!(ids(&crate::Options::default()), ["links/mismatch.other-domain"]);
    }

    #[test]
    fn a_link_to_the_from_domain_is_the_senders_own_unless_it_shows_a_brand_or_the_from_is_a_providers() {
        let defaults = crate::Options::default();
        let lint = |from: &str, href: &str, text: &str| {
            let raw = format!("From: {from}\r\nTo: b@example.org\r\nSubject: News\r\nContent-Type: text/html\r\n\r\n<a href=\"{href}\">{text}</a>\r\n");
            let report = crate::lint(raw.as_bytes(), &defaults).expect("lints");
            report.findings_of(ID).map(|f| (f.message_id.clone(), f.severity, f.score)).collect::<Vec<_>>()
        };
        let own = vec![("links/mismatch.own-domain".to_string(), Severity::Info, 0.0)];
        let other = vec![("links/mismatch.other-domain".to_string(), Severity::Warning, crate::rules::scores::LINK_MISMATCH)];
        // The newsletter's tracker on its From's organizational domain, a subdomain of it, or the From host itself.
        assert_eq!(lint("news@newsletter.example.com", "http://clickthru.example.com/Click?q=4e", "ReadyHosting.com"), own);
        assert_eq!(lint("2.20@ummail4.example.com", "http://ummail4.example.com:80/Click?q=02", "Dilbert.com"), own);
        assert_eq!(lint("shop@grocer.co.uk", "https://t.grocer.co.uk/x", "www.partner-shop.org"), own);
        // Another organization, a brand phishing imitates, a mailbox provider's From.
        assert_eq!(lint("news@example.com", "https://click.example.net/x", "www.partner.example.org"), other);
        assert_eq!(lint("alerts@account-check.example", "https://login.account-check.example/", "www.paypal.com"), other);
        assert_eq!(lint("alerts@account-check.example", "https://account-check.example/", "https://www.PayPal.co.uk/"), other);
        assert_eq!(lint("someone@gmail.com", "https://gmail.com/x", "www.mybank.example.org"), other);
        // A target named like the text: the phisher's own lookalike domain.
        assert_eq!(lint("alerts@secure-mybank-login.example", "https://secure-mybank-login.example/", "www.mybank.example"), other);
        assert_eq!(lint("alerts@mybamk.example", "https://mybamk.example/", "www.mybank.example"), other);
        // Under a different multi-label suffix the organizations differ.
        assert_eq!(lint("shop@example.co.uk", "https://t.other.co.uk/x", "www.partner.example.org"), other);
        let own_text = crate::lint(
            b"From: news@newsletter.example.com\r\nTo: b@example.org\r\nSubject: News\r\nContent-Type: text/html\r\n\r\n<a href=\"http://click.example.com/c\">www.partner-shop.org</a>\r\n",
            &defaults,
        )
        .expect("lints");
        let finding = own_text.findings_of(ID).next().expect("a finding");
        assert!(finding.message.contains("example.com") && finding.fix.contains("DMARC"), "{finding:?}");
    }
}
