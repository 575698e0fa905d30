//! `spam/invisible-text`: the guides list "the text colour and the background
//! colour are identical" among the things that get a mail flagged as spam.
//! Colours are resolved through the HTML tree (`model::html`); "identical"
//! means a contrast ratio under `invisibleMinContrast`. Text made invisible by
//! other means (a 0–1px font, `display:none`, `visibility:hidden`, `opacity:0`)
//! is the same trick and is reported here too. HTML too deep or too large to be
//! analysed whole is reported here, because its unread part could hide text.

use crate::settings::{Evidence, Threshold, Kind};
use crate::rules::scores;
use crate::title;
use super::part_location;
use crate::i18n::Msg;
use crate::model::html::{HiddenBy, TextRun, TruncatedBy};
use crate::model::Message;
use crate::report::Severity;
use crate::rules::{Context, Draft, Example, ExampleInput, Group, Rule, Check};

crate::rule_texts! { "spam/invisible-text";
    summary => {
        en: "Text has the same colour as its background, or is hidden.",
        fr: "Du texte a la même couleur que son fond, ou est masqué.",
        es: "Hay texto del mismo color que su fondo, u oculto.",
        pl: "Tekst ma ten sam kolor co tło lub jest ukryty.",
    },
    why => {
        en: "The hosting guides list \"the text colour and the background colour are identical\" among the things that make an e-mail look like spam: invisible words are a way to fool filters. Text hidden by a 0–1 px font, display:none or visibility:hidden is the same trick. Colours are resolved through the HTML as a browser does.",
        fr: "Les guides de l'hébergeur citent « la couleur d'écriture et la couleur de fond sont identiques » parmi les usages à éviter : des mots invisibles servent à tromper les filtres. Un texte masqué par une police de 0–1 px, display:none ou visibility:hidden relève de la même ruse. Les couleurs sont calculées à travers le HTML comme le fait un navigateur.",
        es: "Las guías del alojamiento citan «el color de escritura y el color de fondo son los mismos» entre los usos que se deben evitar: las palabras invisibles sirven para engañar a los filtros. El texto oculto con una letra de 0–1 px, display:none o visibility:hidden es el mismo truco. Los colores se calculan a través del HTML como lo hace un navegador.",
        pl: "Przewodniki hostingu wymieniają „kolor tekstu i tła są identyczne” wśród sposobów, których należy unikać: niewidoczne słowa służą do oszukiwania filtrów. Tekst ukryty czcionką 0–1 px, display:none lub visibility:hidden to ta sama sztuczka. Kolory są obliczane w całym HTML tak jak w przeglądarce.",
    },
    fix => {
        en: "Give text a colour that stands out from its background, and remove text the reader is not meant to see.",
        fr: "Donnez au texte une couleur qui se distingue de son fond, et supprimez le texte que le lecteur n'est pas censé voir.",
        es: "Dé al texto un color que destaque sobre su fondo y elimine el texto que el lector no debe ver.",
        pl: "Nadaj tekstowi kolor odróżniający się od tła i usuń tekst, którego czytelnik nie ma widzieć.",
    },
    SAME_COLOUR "same-colour" => {
        en: "Text in {color} on {background} (contrast {contrast}, under {limit}) cannot be seen: \"{words}\". Colour from {colorSource}, background from {backgroundSource}.",
        fr: "Le texte en {color} sur {background} (contraste {contrast}, sous {limit}) est invisible : « {words} ». Couleur fixée par {colorSource}, fond par {backgroundSource}.",
        es: "El texto en {color} sobre {background} (contraste {contrast}, por debajo de {limit}) no se ve: «{words}». Color fijado por {colorSource}, fondo por {backgroundSource}.",
        pl: "Tekst w kolorze {color} na tle {background} (kontrast {contrast}, poniżej {limit}) jest niewidoczny: „{words}”. Kolor ustawia {colorSource}, tło {backgroundSource}.",
    },
    HIDDEN "hidden" => {
        en: "{count} pieces of text are hidden by {css} ({source}): \"{words}\".",
        fr: "{count} fragments de texte sont masqués par {css} ({source}) : « {words} ».",
        es: "{count} fragmentos de texto están ocultos con {css} ({source}): «{words}».",
        pl: "{count} fragmentów tekstu ukrywa {css} ({source}): „{words}”.",
    },
    TOO_DEEP "too-deep" => {
        en: "The HTML nests more than {limit} elements deep; only its first {analysed} of {total} bytes were analysed, so the rest may hide text.",
        fr: "Le HTML imbrique plus de {limit} éléments ; seuls ses {analysed} premiers octets sur {total} ont été analysés, le reste peut donc masquer du texte.",
        es: "El HTML anida más de {limit} elementos; solo se analizaron sus primeros {analysed} de {total} bytes, así que el resto puede ocultar texto.",
        pl: "HTML zagnieżdża ponad {limit} elementów; przeanalizowano tylko pierwsze {analysed} z {total} bajtów, więc reszta może ukrywać tekst.",
    },
    TOO_MANY_ELEMENTS "too-many-elements" => {
        en: "The HTML has more than {limit} elements; only its first {analysed} of {total} bytes were analysed, so the rest may hide text.",
        fr: "Le HTML contient plus de {limit} éléments ; seuls ses {analysed} premiers octets sur {total} ont été analysés, le reste peut donc masquer du texte.",
        es: "El HTML tiene más de {limit} elementos; solo se analizaron sus primeros {analysed} de {total} bytes, así que el resto puede ocultar texto.",
        pl: "HTML ma ponad {limit} elementów; przeanalizowano tylko pierwsze {analysed} z {total} bajtów, więc reszta może ukrywać tekst.",
    },
    DEFAULT_SOURCE "default-source" => {
        en: "the mail client's default",
        fr: "la valeur par défaut du logiciel de messagerie",
        es: "el valor predeterminado del cliente de correo",
        pl: "domyślne ustawienie programu pocztowego",
    },
    FIX_SIMPLIFY "fix-simplify" => {
        en: "Simplify the HTML: real messages need a few dozen levels of nesting at most.",
        fr: "Simplifiez le HTML : un vrai message n'a besoin que de quelques dizaines de niveaux d'imbrication au plus.",
        es: "Simplifique el HTML: un mensaje real necesita como mucho unas decenas de niveles de anidamiento.",
        pl: "Uprość HTML: prawdziwa wiadomość potrzebuje najwyżej kilkudziesięciu poziomów zagnieżdżenia.",
    },
}

/// A WCAG contrast ratio below this between text and background counts as the same colour.
pub const INVISIBLE_MIN_CONTRAST: Threshold = Threshold {
    key: "spam.invisibleMinContrast",
    kind: Kind::Number { default: 1.25, min: 1.0, max: 21.0 },
    doc: "A WCAG contrast ratio below this between text and background counts as the same colour.",
    evidence: Evidence::Ours("1.25: identical is 1.0, #eeeeee on white 1.16, #cccccc on white 1.6"),
};

pub const RULE: Rule = Rule {
    id: ID,
    group: Group::Spam,
    severity: Severity::Error,
    evidence: &[
        Evidence::Guide("seed 002 (fr) l. 174: « La couleur d'écriture et la couleur de fond sont identiques pour rédiger l'e-mail »"),
        // TODO(evidence): error severity: the guides list it as a spam factor, not as a refusal
    ],
    score: crate::rules::scores::NONE, // TODO(score): was 40
    texts: &TEXTS,
    thresholds: &[&INVISIBLE_MIN_CONTRAST],
    examples: &[
        Example::fails(
            title! {
                en: "White text on a white background",
                fr: "Du texte blanc sur un fond blanc",
                es: "Texto blanco sobre un fondo blanco",
                pl: "Biały tekst na białym tle",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: News\nContent-Type: text/html\n\n<p>Hello</p><p style=\"color:#ffffff\">cheap pills casino</p>\n"),
        ),
        Example::fails(
            title! {
                en: "Near-equal colours through a style sheet and a table bgcolor",
                fr: "Des couleurs presque identiques via une feuille de style et un bgcolor de tableau",
                es: "Colores casi iguales mediante una hoja de estilos y un bgcolor de tabla",
                pl: "Prawie identyczne kolory z arkusza stylów i bgcolor tabeli",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: News\nContent-Type: text/html\n\n<style>.x { color: rgb(250, 250, 250) }</style><table bgcolor=\"white\"><tr><td class=\"x\">hidden words</td></tr></table>\n"),
        ),
        Example::fails(
            title! {
                en: "Text in a zero font size",
                fr: "Du texte en taille de police zéro",
                es: "Texto con tamaño de letra cero",
                pl: "Tekst o rozmiarze czcionki zero",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: News\nContent-Type: text/html\n\n<p>Hello<span style=\"font-size:0\">buy now</span></p>\n"),
        ),
        Example::fails(
            title! {
                en: "Words in display:none (warning)",
                fr: "Des mots en display:none (avertissement)",
                es: "Palabras en display:none (advertencia)",
                pl: "Słowa w display:none (ostrzeżenie)",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: News\nContent-Type: text/html\n\n<div style=\"display:none\">win a prize today</div><p>Hello</p>\n"),
        )
        .at(Severity::Warning),
        Example::passes(
            title! {
                en: "White text on a dark background",
                fr: "Du texte blanc sur un fond sombre",
                es: "Texto blanco sobre un fondo oscuro",
                pl: "Biały tekst na ciemnym tle",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: News\nContent-Type: text/html\n\n<div style=\"background:#1a1a1a\"><p style=\"color:#fff\">Hello</p></div>\n"),
        ),
        Example::passes(
            title! {
                en: "Light grey footer text, readable (contrast 2.8)",
                fr: "Un pied de page gris clair, lisible (contraste 2,8)",
                es: "Texto de pie gris claro, legible (contraste 2,8)",
                pl: "Jasnoszary tekst stopki, czytelny (kontrast 2,8)",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: News\nContent-Type: text/html\n\n<p>Hello</p><p style=\"color:#999999\">Unsubscribe</p>\n"),
        ),
        Example::passes(
            title! {
                en: "A background image makes the background unknown",
                fr: "Une image de fond rend le fond inconnu",
                es: "Una imagen de fondo hace que el fondo sea desconocido",
                pl: "Obraz tła sprawia, że tło jest nieznane",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: News\nContent-Type: text/html\n\n<table><tr><td style=\"background:url(https://example.com/bg.png)\"><p style=\"color:#fff\">Hello</p></td></tr></table>\n"),
        ),
    ],
    check: Check::Message(check),
};

/// Most hidden runs quoted in one finding.
const MAX_QUOTED_RUNS: usize = 10;

fn words_of(runs: &[&TextRun]) -> String {
    runs.iter().take(MAX_QUOTED_RUNS).map(|r| r.text.as_str()).collect::<Vec<_>>().join(" · ")
}

fn check(message: &Message, cx: &mut Context) {
    let min_contrast = cx.settings.number(&INVISIBLE_MIN_CONTRAST);
    for html in &message.html {
        let location = part_location(message, html.part);
        let readable = |r: &&TextRun| r.text.chars().any(char::is_alphanumeric);
        // Same colour as the background, grouped by where the two colours come from.
        let mut groups: Vec<(String, String, Vec<&TextRun>)> = Vec::new();
        for run in html.facts.runs.iter().filter(readable) {
            let Some(background) = run.background else { continue };
            if run.hidden.is_some() || run.color.contrast(background) >= min_contrast {
                continue;
            }
            match groups.iter_mut().find(|g| g.0 == run.color_source && g.1 == run.background_source) {
                Some(group) => group.2.push(run),
                None => groups.push((run.color_source.clone(), run.background_source.clone(), vec![run])),
            }
        }
        for (color_source, background_source, runs) in &groups {
            let first = runs[0];
            let background = first.background.unwrap_or(crate::model::html::Rgba::WHITE);
            let describe = |s: &str| if s.is_empty() { String::from("(default)") } else { s.to_string() };
            // An empty source: nothing in the HTML sets it, the mail client's default applies.
            let source = |msg: Msg, name: &'static str, source: &str| {
                if source.is_empty() {
                    msg.label(name, &DEFAULT_SOURCE)
                } else {
                    msg.text(name, source)
                }
            };
            let msg = Msg::of(&SAME_COLOUR)
                .text("color", first.color.hex())
                .text("background", background.hex())
                .float("contrast", first.color.contrast(background))
                .float("limit", min_contrast)
                .text("words", words_of(runs));
            let msg = source(source(msg, "colorSource", color_source), "backgroundSource", background_source);
            cx.emit(
                Draft::new(msg)
                .evidence(format!("{} / {}: {}", describe(color_source), describe(background_source), words_of(runs)))
                .at(location.clone()),
            );
        }
        // Hidden by CSS, grouped by the declaration that hides.
        let mut hidden: Vec<(HiddenBy, String, Vec<&TextRun>)> = Vec::new();
        for run in html.facts.runs.iter().filter(readable) {
            let Some(by) = run.hidden else { continue };
            match hidden.iter_mut().find(|g| g.0 == by && g.1 == run.hidden_source) {
                Some(group) => group.2.push(run),
                None => hidden.push((by, run.hidden_source.clone(), vec![run])),
            }
        }
        for (by, source, runs) in &hidden {
            let draft = Draft::new(
                Msg::of(&HIDDEN)
                    .text("css", by.css())
                    .text("source", source.clone())
                    .text("words", words_of(runs))
                    .int("count", runs.len()),
            )
            .evidence(format!("{source}: {}", words_of(runs)))
            .at(location.clone());
            // A 0–1px font is the classic trick; display/visibility/opacity also
            // hide preview text ("preheaders") in legitimate newsletters: a warning.
            cx.emit(if *by == HiddenBy::TinyFont { draft } else { draft.severity(Severity::Warning).score(scores::INVISIBLE_TEXT_HIDDEN) });
        }
        if let Some(cut) = html.facts.truncated {
            let id = match cut.by {
                TruncatedBy::Depth => &TOO_DEEP,
                TruncatedBy::Elements => &TOO_MANY_ELEMENTS,
            };
            cx.emit(
                Draft::new(
                    Msg::of(id)
                        .int("limit", cut.limit)
                        .int("analysed", cut.analysed_bytes)
                        .int("total", cut.total_bytes),
                )
                .evidence(format!("analysed {} of {} bytes of HTML", cut.analysed_bytes, cut.total_bytes))
                .at(location.clone())
                .severity(Severity::Warning)
                .score(scores::HTML_TRUNCATED)
                .fix(Msg::of(&FIX_SIMPLIFY)),
            );
        }
    }
}
