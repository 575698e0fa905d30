//! `links/insecure`: the guides list "a URL in the e-mail is not secure
//! (example: declared as `https://` while the URL only exists as `http://`)".
//! A link whose visible text or title shows `https://` while its href is
//! `http://` is that case (warning); other plain `http://` links are info.

use super::scheme_of;
use crate::i18n::{Localized, Msg};
use crate::model::Message;
use crate::report::Severity;
use crate::rules::spam::element_location;
use crate::rules::{Check, Context, Draft, Example, ExampleInput, Group, Rule};
use crate::settings::{Evidence, Kind, Threshold};
use crate::title;

crate::rule_texts! { "links/insecure";
    summary => {
        en: "A link says https:// but goes to http://.",
        fr: "Un lien annonce https:// mais mène à http://.",
        es: "Un enlace muestra https:// pero lleva a http://.",
        pl: "Link pokazuje https://, ale prowadzi do http://.",
    },
    why => {
        en: "The hosting guides list \"a URL in the e-mail is not secure (example: declared as https:// while the URL only exists as http://)\" among the things that make an e-mail look like spam. Plain http:// links are also reported, as information.",
        fr: "Les guides de l'hébergeur citent « une URL dans l'e-mail est non sécurisée (exemple : déclarée en https:// alors que l'URL n'existe qu'en http://) » parmi les usages à éviter. Les liens en simple http:// sont aussi signalés, pour information.",
        es: "Las guías del alojamiento citan «una URL en el correo no es segura (por ejemplo: declarada en https:// mientras que la URL solo existe en http://)» entre los usos que se deben evitar. Los enlaces en http:// simple también se indican, a título informativo.",
        pl: "Przewodniki hostingu wymieniają „adres URL w e-mailu jest niezabezpieczony (na przykład: podany jako https://, gdy adres istnieje tylko jako http://)” wśród sposobów, których należy unikać. Zwykłe linki http:// są też zgłaszane informacyjnie.",
    },
    fix => {
        en: "Make the link go to the https:// address it shows, after checking that the page exists in https.",
        fr: "Faites pointer le lien vers l'adresse https:// qu'il affiche, après avoir vérifié que la page existe en https.",
        es: "Haga que el enlace apunte a la dirección https:// que muestra, tras comprobar que la página existe en https.",
        pl: "Ustaw link na adres https://, który wyświetla, po sprawdzeniu, że strona działa przez https.",
    },
    DECLARED_HTTPS "declared-https" => {
        en: "The link shows \"{shown}\" but goes to {href}, which is not secure.",
        fr: "Le lien affiche « {shown} » mais mène à {href}, qui n'est pas sécurisé.",
        es: "El enlace muestra «{shown}» pero lleva a {href}, que no es seguro.",
        pl: "Link pokazuje „{shown}”, ale prowadzi do {href}, który nie jest zabezpieczony.",
    },
    TITLE_HTTPS "title-https" => {
        en: "The link's title says \"{shown}\" but the link goes to {href}, which is not secure.",
        fr: "Le title du lien annonce « {shown} » mais le lien mène à {href}, qui n'est pas sécurisé.",
        es: "El title del enlace dice «{shown}» pero el enlace lleva a {href}, que no es seguro.",
        pl: "Atrybut title linku mówi „{shown}”, ale link prowadzi do {href}, który nie jest zabezpieczony.",
    },
    PLAIN_HTTP "plain-http" => {
        en: "{count, plural, one {# link uses} other {# links use}} plain http://, for example {href}.",
        fr: "{count, plural, one {# lien utilise} many {# de liens utilisent} other {# liens utilisent}} le simple http://, par exemple {href}.",
        es: "{count, plural, one {# enlace usa} many {# de enlaces usan} other {# enlaces usan}} http:// simple, por ejemplo {href}.",
        pl: "{count, plural, one {# link używa} few {# linki używają} many {# linków używa} other {# linku używa}} zwykłego http://, na przykład {href}.",
    },
    FIX_PLAIN "fix-plain" => {
        en: "Nothing blocks the message; if your site has a certificate, link to its https:// pages.",
        fr: "Rien ne bloque le message ; si votre site a un certificat, faites pointer les liens vers ses pages en https://.",
        es: "Nada bloquea el mensaje; si su sitio tiene certificado, enlace a sus páginas en https://.",
        pl: "Nic nie blokuje wiadomości; jeśli Twoja strona ma certyfikat, linkuj do jej stron https://.",
    },
}

/// Also report plain `http://` links (as info).
pub const REPORT_PLAIN_HTTP: Threshold = Threshold {
    key: "links.reportPlainHttp",
    kind: Kind::Flag { default: true },
    doc: Localized {
        en: "Also report plain `http://` links (as info).",
        fr: "Signaler aussi les liens `http://` simples (en info).",
        es: "Informar también de los enlaces `http://` simples (como info).",
        pl: "Zgłaszaj też zwykłe linki `http://` (jako info).",
    },
    evidence: Evidence::Ours("plain http is worth knowing, no receiver refuses it"),
};

pub const RULE: Rule = Rule {
    id: ID,
    group: Group::Links,
    severity: Severity::Warning,
    evidence: &[
        Evidence::Guide("seed 002 (fr) l. 178: « Une URL dans l'e-mail est non sécurisée (exemple: déclarée en `https://` alors que l'URL n'existe qu'en `http://`) »"),
    ],
    score: crate::rules::scores::INSECURE_LINK,
    texts: &TEXTS,
    thresholds: &[&REPORT_PLAIN_HTTP],
    examples: &[
        Example::fails(
            title! {
                en: "The guides' example: text says https://, the link is http://",
                fr: "L'exemple des guides : le texte dit https://, le lien est en http://",
                es: "El ejemplo de las guías: el texto dice https://, el enlace es http://",
                pl: "Przykład z przewodników: tekst mówi https://, a link to http://",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: News\nContent-Type: text/html\n\n<a href=\"http://shop.example.com/\">https://shop.example.com/</a>\n"),
        ),
        Example::fails(
            title! {
                en: "The title says https://",
                fr: "Le title annonce https://",
                es: "El title dice https://",
                pl: "Atrybut title mówi https://",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: News\nContent-Type: text/html\n\n<a href=\"HTTP://shop.example.com/\" title=\"https://shop.example.com\">Shop</a>\n"),
        ),
        Example::fails(
            title! {
                en: "A plain http:// link (info)",
                fr: "Un simple lien http:// (information)",
                es: "Un enlace http:// sin cifrar (información)",
                pl: "Zwykły link http:// (informacja)",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: News\nContent-Type: text/html\n\n<a href=\"http://shop.example.com/\">Shop</a>\n"),
        )
        .at(Severity::Info),
        Example::passes(
            title! { en: "https links", fr: "Des liens https", es: "Enlaces https", pl: "Linki https" },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: News\nContent-Type: text/html\n\n<a href=\"https://shop.example.com/\">https://shop.example.com/</a>\n"),
        ),
        Example::passes(
            title! {
                en: "A plain http:// link with the info turned off",
                fr: "Un simple lien http:// avec l'information désactivée",
                es: "Un enlace http:// sin cifrar con la información desactivada",
                pl: "Zwykły link http:// z wyłączoną informacją",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: News\nContent-Type: text/html\n\n<a href=\"http://shop.example.com/\">Shop</a>\n"),
        )
        .with_options(r#"{"thresholds": {"links": {"reportPlainHttp": false}}}"#),
    ],
    check: Check::Html(check),
};

fn check(message: &Message, cx: &mut Context) {
    let report_plain = cx.settings.flag(&REPORT_PLAIN_HTTP);
    // Each document's links in turn: the HTML bodies', then the HTML views'
    // (AMP, Apple Watch) the bodies do not have.
    let mut documents: Vec<(&crate::model::HtmlBody, Vec<&crate::model::html::Link>)> = Vec::new();
    for (html, link) in crate::rules::reading::html_links(message) {
        match documents.last_mut() {
            Some((last, links)) if last.part == html.part => links.push(link),
            _ => documents.push((html, vec![link])),
        }
    }
    for (html, links) in documents {
        let mut plain: Vec<&crate::model::html::Link> = Vec::new();
        for link in links {
            if cx.full() {
                return;
            }
            if scheme_of(&link.href).as_deref() != Some("http") {
                continue;
            }
            let says_https = |s: &str| s.to_ascii_lowercase().contains("https://");
            let draft = if says_https(&link.text) {
                Draft::new(Msg::of(&DECLARED_HTTPS).text("href", link.href.clone()).text("shown", link.text.as_str()))
                    .evidence(link.markup())
            } else if let Some(title) = link.title.as_deref().filter(|t| says_https(t)) {
                // The link shows its text; the https:// address is in its title
                // (a tooltip): said so, and quoted from the start tag as written.
                let written = start_tag_as_written(message, html, link.tag);
                Draft::new(Msg::of(&TITLE_HTTPS).text("href", link.href.clone()).text("shown", title)).evidence(
                    written.map_or_else(|| format!("<a href=\"{}\" title=\"{title}\">", link.href), str::to_string),
                )
            } else {
                plain.push(link);
                continue;
            };
            cx.emit(draft.at(element_location(message, html, link.tag)));
        }
        if report_plain && !plain.is_empty() {
            cx.emit(
                Draft::new(Msg::of(&PLAIN_HTTP).int("count", plain.len()).text("href", plain[0].href.as_str()))
                    .evidence(plain.iter().take(5).map(|l| l.href.as_str()).collect::<Vec<_>>().join(" "))
                    .at(element_location(message, html, plain[0].tag))
                    .severity(Severity::Info)
                    .fix(Msg::of(&FIX_PLAIN)),
            );
        }
    }
}

/// The start tag `tag` of `html` as the message writes it (decoded HTML).
fn start_tag_as_written<'m>(message: &'m Message, html: &crate::model::HtmlBody, tag: Option<crate::model::html::Span>) -> Option<&'m str> {
    let tag = tag?;
    match &message.parts.get(html.part)?.body {
        crate::model::Body::Html(source) => source.get(tag.start..tag.end),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use crate::{Locale, Options};

    /// The insecure-link findings of an HTML body: message id, message, evidence and location start.
    fn findings(body: &str, locale: Locale) -> (String, Vec<(String, String, String, Option<usize>)>) {
        let raw = format!("From: a@example.com\r\nTo: b@example.com\r\nSubject: Cake\r\nContent-Type: text/html\r\n\r\n{body}\r\n");
        let report = crate::lint(raw.as_bytes(), &Options { locale, ..Options::default() }).expect("lints");
        let found = report
            .findings_of(super::ID)
            .map(|f| (f.message_id.clone(), f.message.clone(), f.evidence.clone(), f.location.start))
            .collect();
        (raw, found)
    }

    #[test]
    fn https_in_the_title_alone_is_said_from_the_title_and_quoted_as_written() {
        let tag = r#"<a title="https://my-site.example" href="http://my-site.example/">"#;
        let (raw, found) = findings(&format!("<p>{tag}site</a></p>"), Locale::En);
        assert_eq!(found.len(), 1, "{found:?}");
        let (id, message, evidence, start) = &found[0];
        assert_eq!(id, "links/insecure.title-https");
        assert_eq!(message, "The link's title says \"https://my-site.example\" but the link goes to http://my-site.example/, which is not secure.");
        assert_eq!(evidence, tag);
        assert!(raw.contains(evidence.as_str()));
        assert_eq!(*start, raw.find(tag));
        for (locale, expected) in [(Locale::Fr, "Le title du lien"), (Locale::Es, "El title del enlace"), (Locale::Pl, "Atrybut title linku")] {
            let (_, found) = findings(&format!("<p>{tag}site</a></p>"), locale);
            assert!(found[0].1.starts_with(expected), "{locale:?}: {found:?}");
        }
    }

    #[test]
    fn https_in_the_text_is_what_the_link_shows() {
        let (_, found) = findings(r#"<a href="http://my-site.example/">https://my-site.example</a>"#, Locale::En);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0, "links/insecure.declared-https");
        assert!(found[0].1.starts_with("The link shows \"https://my-site.example\""), "{found:?}");
    }
}
