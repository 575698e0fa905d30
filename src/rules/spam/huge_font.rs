//! `spam/huge-font`: the guides list "the font used to write the e-mail is
//! extremely large" among the things that get a mail flagged as spam. Sizes are
//! resolved through the HTML tree (`model::html`): CSS `font-size` and `font`
//! in px/pt/em/rem/%/vw/keywords and `calc()`, `<font size>`, headings, times
//! the factor `transform: scale()`, `scale` and `zoom` draw the text at.

use super::element_location;
use crate::i18n::{Localized, Msg};
use crate::model::Message;
use crate::report::Severity;
use crate::rules::{Check, Context, Draft, Example, ExampleInput, Group, Rule};
use crate::settings::{Evidence, Kind, Threshold};
use crate::title;
use crate::text::unicode;

crate::rule_texts! { "spam/huge-font";
    summary => {
        en: "Text is written in an extremely large font.",
        fr: "Du texte est écrit dans une police extrêmement grande.",
        es: "Hay texto escrito con un tipo de letra extremadamente grande.",
        pl: "Tekst jest napisany bardzo dużą czcionką.",
    },
    why => {
        en: "The hosting guides list \"the font used to write the e-mail is extremely large\" among the things that make an e-mail look like spam. Sizes are resolved as a browser does: CSS font-size, <font size>, headings and inheritance.",
        fr: "Les guides de l'hébergeur citent « la police d'écriture utilisée pour la rédaction de l'e-mail est extrêmement grande » parmi les usages à éviter. Les tailles sont calculées comme le fait un navigateur : font-size CSS, <font size>, titres et héritage.",
        es: "Las guías del alojamiento citan «el tipo de letra utilizado para escribir el correo es extremadamente grande» entre los usos que se deben evitar. Los tamaños se calculan como lo hace un navegador: font-size de CSS, <font size>, títulos y herencia.",
        pl: "Przewodniki hostingu wymieniają „czcionka używana do pisania e-maila jest bardzo duża” wśród sposobów, których należy unikać. Rozmiary są obliczane tak jak w przeglądarce: CSS font-size, <font size>, nagłówki i dziedziczenie.",
    },
    fix => {
        en: "Use ordinary sizes (14–16 px for text, up to about 32 px for a title).",
        fr: "Utilisez des tailles ordinaires (14 à 16 px pour le texte, jusqu'à environ 32 px pour un titre).",
        es: "Use tamaños normales (de 14 a 16 px para el texto, hasta unos 32 px para un título).",
        pl: "Używaj zwykłych rozmiarów (14–16 px dla tekstu, do około 32 px dla tytułu).",
    },
    TOO_LARGE "too-large" => {
        en: "Text in <{element}> is shown at {size} px (over {limit} px), set by {source}.",
        fr: "Le texte de <{element}> s'affiche en {size} px (plus de {limit} px), fixé par {source}.",
        es: "El texto de <{element}> se muestra a {size} px (más de {limit} px), fijado por {source}.",
        pl: "Tekst w <{element}> jest wyświetlany w rozmiarze {size} px (ponad {limit} px), ustawionym przez {source}.",
    },
}

/// Font size in px over which text is extremely large.
pub const HUGE_FONT_PX: Threshold = Threshold {
    key: "spam.hugeFontPx",
    kind: Kind::Number { default: 47.0, min: 1.0, max: 10_000.0 },
    doc: Localized {
        en: "Font size in px over which text is extremely large.",
        fr: "Taille de police en px au-delà de laquelle un texte est extrêmement grand.",
        es: "Tamaño de fuente en px por encima del cual un texto es extremadamente grande.",
        pl: "Rozmiar czcionki w px, powyżej którego tekst jest skrajnie duży.",
    },
    evidence: Evidence::Receiver("SpamAssassin HTML_FONT_SIZE_HUGE (20_html_tests.cf): the largest <font size> over 6, that is size 7, 48 px (xxx-large); sizes up to 47 px pass. Measured 2026-12-01: 40 px flagged the 42-45 px hero headings of 3 of mjmlio/email-templates' 25 designs, and 47 px keeps every hit that 40 px had on the 1,896 spam of the SpamAssassin corpus (dev and held-out)"),
};

pub const RULE: Rule = Rule {
    id: ID,
    group: Group::Spam,
    severity: Severity::Warning,
    evidence: &[
        Evidence::Guide("seed 002 (fr) l. 173: « La police d’écriture utilisée pour la rédaction de l'e-mail est extrêmement grande »"),
    ],
    score: crate::rules::scores::HUGE_FONT,
    texts: &TEXTS,
    thresholds: &[&HUGE_FONT_PX],
    examples: &[
        Example::fails(
            title! {
                en: "A paragraph in 72px",
                fr: "Un paragraphe en 72px",
                es: "Un párrafo en 72px",
                pl: "Akapit w rozmiarze 72px",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Sale\nContent-Type: text/html\n\n<p style=\"font-size:72px\">Big sale today</p>\n"),
        ),
        Example::fails(
            title! {
                en: "A heading whose inherited em size grows to 64px",
                fr: "Un titre dont la taille en em héritée atteint 64px",
                es: "Un título cuyo tamaño en em heredado llega a 64px",
                pl: "Nagłówek, którego dziedziczony rozmiar w em rośnie do 64px",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Sale\nContent-Type: text/html\n\n<div style=\"font-size:2em\"><h1>Big sale</h1></div>\n"),
        ),
        Example::fails(
            title! {
                en: "A style sheet class in points",
                fr: "Une classe de feuille de style en points",
                es: "Una clase de hoja de estilos en puntos",
                pl: "Klasa arkusza stylów w punktach",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Sale\nContent-Type: text/html\n\n<style>.promo { font-size: 40pt }</style><p class=\"promo\">Big sale</p>\n"),
        ),
        Example::passes(
            title! {
                en: "A default h1 (32px) and <font size=6>",
                fr: "Un h1 par défaut (32px) et <font size=6>",
                es: "Un h1 predeterminado (32px) y <font size=6>",
                pl: "Domyślny h1 (32px) i <font size=6>",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Sale\nContent-Type: text/html\n\n<h1>Welcome</h1><font size=\"6\">News</font><p>Text</p>\n"),
        ),
        Example::passes(
            title! {
                en: "A 45px hero heading, as mail templates draw one",
                fr: "Un grand titre d'accroche en 45px, comme les modèles d'e-mails",
                es: "Un gran titular de 45px, como los dibujan las plantillas de correo",
                pl: "Duży nagłówek 45px, jak w szablonach e-maili",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Welcome\nContent-Type: text/html\n\n<div style=\"font-size:45px\">Welcome aboard</div><p style=\"font-size:16px\">Thanks for joining us.</p>\n"),
        ),
        Example::passes(
            title! {
                en: "A huge size on hidden text is for spam/invisible-text, and a huge size with no text is nothing",
                fr: "Une taille énorme sur du texte masqué relève de spam/invisible-text, et une taille énorme sans texte n'est rien",
                es: "Un tamaño enorme en texto oculto corresponde a spam/invisible-text, y un tamaño enorme sin texto no es nada",
                pl: "Ogromny rozmiar ukrytego tekstu to sprawa spam/invisible-text, a ogromny rozmiar bez tekstu to nic",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Sale\nContent-Type: text/html\n\n<p style=\"font-size:90px\"> </p><p>Text</p>\n"),
        ),
        Example::fails(
            title! {
                en: "A size in rem (4rem = 64px)",
                fr: "Une taille en rem (4rem = 64px)",
                es: "Un tamaño en rem (4rem = 64px)",
                pl: "Rozmiar w rem (4rem = 64px)",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Sale\nContent-Type: text/html\n\n<p style=\"font-size:4rem\">Big sale today</p>\n"),
        ),
        Example::fails(
            title! {
                en: "A percentage of an inherited size",
                fr: "Un pourcentage d'une taille héritée",
                es: "Un porcentaje de un tamaño heredado",
                pl: "Procent odziedziczonego rozmiaru",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Sale\nContent-Type: text/html\n\n<div style=\"font-size:30px\"><p style=\"font-size:200%\">Big sale today</p></div>\n"),
        ),
        Example::fails(
            title! {
                en: "A keyword: xxx-large (48px)",
                fr: "Un mot-clé : xxx-large (48px)",
                es: "Una palabra clave: xxx-large (48px)",
                pl: "Słowo kluczowe: xxx-large (48px)",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Sale\nContent-Type: text/html\n\n<p style=\"font-size:xxx-large\">Big sale today</p>\n"),
        ),
        Example::fails(
            title! {
                en: "An em size on an enlarged block (3em = 48px)",
                fr: "Une taille en em dans un bloc agrandi (3em = 48px)",
                es: "Un tamaño en em en un bloque ampliado (3em = 48px)",
                pl: "Rozmiar w em w powiększonym bloku (3em = 48px)",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Sale\nContent-Type: text/html\n\n<div style=\"font-size:3em\"><b>Big sale today</b></div>\n"),
        ),
        Example::fails(
            title! {
                en: "A sibling selector in a style sheet",
                fr: "Un sélecteur de voisin dans une feuille de style",
                es: "Un selector de hermanos en una hoja de estilo",
                pl: "Selektor rodzeństwa w arkuszu stylów",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Sale\nContent-Type: text/html\n\n<style>h6 + p { font-size: 60px }</style><h6>News</h6><p>Big sale today</p>\n"),
        ),
        Example::fails(
            title! {
                en: "A CSS escape in the property name",
                fr: "Un échappement CSS dans le nom de la propriété",
                es: "Un escape CSS en el nombre de la propiedad",
                pl: "Sekwencja ucieczki CSS w nazwie właściwości",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Sale\nContent-Type: text/html\n\n<p style=\"font-s\\ize:72px\">Big sale today</p>\n"),
        ),
        Example::fails(
            title! {
                en: "Ordinary text enlarged six times by transform: scale(6)",
                fr: "Un texte ordinaire agrandi six fois par transform: scale(6)",
                es: "Un texto normal ampliado seis veces con transform: scale(6)",
                pl: "Zwykły tekst powiększony sześciokrotnie przez transform: scale(6)",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Sale\nContent-Type: text/html\n\n<p style=\"transform:scale(6)\">Big sale today</p>\n"),
        ),
        Example::fails(
            title! {
                en: "zoom: 6 on a block",
                fr: "zoom: 6 sur un bloc",
                es: "zoom: 6 en un bloque",
                pl: "zoom: 6 na bloku",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Sale\nContent-Type: text/html\n\n<div style=\"zoom:6\"><p>Big sale today</p></div>\n"),
        ),
        Example::fails(
            title! {
                en: "A size written as calc(60px + 10px)",
                fr: "Une taille écrite calc(60px + 10px)",
                es: "Un tamaño escrito como calc(60px + 10px)",
                pl: "Rozmiar zapisany jako calc(60px + 10px)",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Sale\nContent-Type: text/html\n\n<p style=\"font-size:calc(60px + 10px)\">Big sale today</p>\n"),
        ),
        Example::fails(
            title! {
                en: "A size in vw, of the 1,024 px reading pane the analysis assumes (12vw = 123px)",
                fr: "Une taille en vw, rapportée au volet de lecture de 1 024 px que l'analyse suppose (12vw = 123px)",
                es: "Un tamaño en vw, sobre el panel de lectura de 1024 px que supone el análisis (12vw = 123px)",
                pl: "Rozmiar w vw, względem zakładanego przez analizę panelu odczytu 1024 px (12vw = 123px)",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Sale\nContent-Type: text/html\n\n<p style=\"font-size:12vw\">Big sale today</p>\n"),
        ),
        Example::passes(
            title! {
                en: "A slight hover-style enlargement (scale 1.05) of ordinary text",
                fr: "Un léger agrandissement (scale 1.05) d'un texte ordinaire",
                es: "Una ligera ampliación (scale 1.05) de un texto normal",
                pl: "Lekkie powiększenie (scale 1.05) zwykłego tekstu",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Sale\nContent-Type: text/html\n\n<p style=\"transform:scale(1.05)\">New arrivals</p>\n"),
        ),
        Example::passes(
            title! {
                en: "A huge size in a print-only style sheet",
                fr: "Une taille énorme dans une feuille de style pour l'impression seulement",
                es: "Un tamaño enorme en una hoja de estilo solo para impresión",
                pl: "Ogromny rozmiar w arkuszu stylów tylko do druku",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Sale\nContent-Type: text/html\n\n<style>@media print { p { font-size: 72px } }</style><p>Text</p>\n"),
        ),
        Example::passes(
            title! {
                en: "A huge size on a :hover state",
                fr: "Une taille énorme sur un état :hover",
                es: "Un tamaño enorme en un estado :hover",
                pl: "Ogromny rozmiar w stanie :hover",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Sale\nContent-Type: text/html\n\n<style>p:hover { font-size: 72px }</style><p>Text</p>\n"),
        ),
        Example::passes(
            title! {
                en: "A higher threshold from options",
                fr: "Un seuil plus élevé dans les options",
                es: "Un umbral más alto en las opciones",
                pl: "Wyższy próg w opcjach",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Sale\nContent-Type: text/html\n\n<p style=\"font-size:72px\">Big sale today</p>\n"),
        )
        .with_options(r#"{"thresholds": {"spam": {"hugeFontPx": 80}}}"#),
    ],
    check: Check::Html(check),
};

fn check(message: &Message, cx: &mut Context) {
    let limit = cx.settings.number(&HUGE_FONT_PX);
    // The HTML views (AMP, Apple Watch) are shown to their readers as they are.
    for html in crate::rules::reading::html_documents(message) {
        // One finding per place that sets the size, quoting the text it enlarges.
        // Sources are compared as written: ten `<font size="7">` are one place.
        let mut reported: Vec<String> = Vec::new();
        for run in &html.facts.runs {
            // The size drawn: the font size times the scale of `transform`, `scale` and `zoom`.
            let px = run.font_px * run.scale;
            if run.hidden.is_some() || f64::from(px) <= limit || !run.text.chars().any(unicode::is_alphanumeric) {
                continue;
            }
            let font = html.facts.describe(run.font_source);
            let source = match html.facts.describe(run.scale_source) {
                scale if run.scale > 1.0 && font.is_empty() => scale,
                scale if run.scale > 1.0 => format!("{font} × {scale}"),
                _ => font,
            };
            if reported.contains(&source) {
                continue;
            }
            reported.push(source.clone());
            cx.emit(
                Draft::new(
                    Msg::of(&TOO_LARGE)
                        .int("size", px.round() as i64)
                        .int("limit", limit.round() as i64)
                        .text("source", source.clone())
                        .text("element", run.element.to_string()),
                )
                .evidence(format!("{source} → {}", run.text))
                .at(element_location(message, html, run.tag)),
            );
        }
    }
}
