//! `accessibility/contrast`: visible text whose contrast with its background
//! is under WCAG 2.1 AA's 4.5:1 (3:1 for large text, SC 1.4.3). Text so faint
//! it is invisible is `spam/invisible-text`'s finding, not this one.

use crate::i18n::{Localized, Msg};
use crate::model::html::Rgba;
use crate::model::Message;
use crate::report::Severity;
use crate::rules::body::html_facts::{html_bodies, visible_runs};
use crate::rules::spam::invisible_text::INVISIBLE_MIN_CONTRAST;
use crate::rules::spam::part_location;
use crate::rules::{scores, Check, Context, Draft, Example, ExampleInput, Group, Rule};
use crate::settings::{Evidence, Kind, Threshold};
use crate::title;
use crate::text::unicode;

crate::rule_texts! { "accessibility/contrast";
    summary => {
        en: "Text contrast is under WCAG AA (4.5:1).",
        fr: "Le contraste du texte est sous le niveau AA des WCAG (4,5:1).",
        es: "El contraste del texto está por debajo del nivel AA de WCAG (4,5:1).",
        pl: "Kontrast tekstu jest poniżej poziomu AA WCAG (4,5:1).",
    },
    why => {
        en: "Light grey on white is hard to read for many people and on phones in daylight; WCAG 2.1 AA asks for a contrast of at least 4.5:1 for normal text and 3:1 for large text (success criterion 1.4.3).",
        fr: "Du gris clair sur blanc est difficile à lire pour beaucoup de personnes, et sur un téléphone en plein jour ; le niveau AA des WCAG 2.1 demande un contraste d'au moins 4,5:1 pour le texte normal et 3:1 pour le grand texte (critère 1.4.3).",
        es: "El gris claro sobre blanco es difícil de leer para mucha gente y en el móvil a pleno sol; el nivel AA de WCAG 2.1 pide un contraste de al menos 4,5:1 para texto normal y 3:1 para texto grande (criterio 1.4.3).",
        pl: "Jasnoszary tekst na białym tle jest trudny do odczytania dla wielu osób i na telefonie w słońcu; poziom AA WCAG 2.1 wymaga kontrastu co najmniej 4,5:1 dla zwykłego tekstu i 3:1 dla dużego (kryterium 1.4.3).",
    },
    fix => {
        en: "Darken the text or lighten the background until the contrast reaches 4.5:1 (for example #595959 or darker on white).",
        fr: "Foncez le texte ou éclaircissez le fond jusqu'à un contraste de 4,5:1 (par exemple #595959 ou plus foncé sur blanc).",
        es: "Oscurezca el texto o aclare el fondo hasta un contraste de 4,5:1 (por ejemplo #595959 o más oscuro sobre blanco).",
        pl: "Przyciemnij tekst lub rozjaśnij tło, aż kontrast osiągnie 4,5:1 (na przykład #595959 lub ciemniejszy na białym).",
    },
    LOW "low" => {
        en: "{count, plural, one {# piece of text has} other {# pieces of text have}} a contrast under {limit}:1; the lowest is {contrast}:1, {color} on {background}: \"{words}\".",
        fr: "{count, plural, one {# passage de texte a} many {# de passages de texte ont} other {# passages de texte ont}} un contraste sous {limit}:1 ; le plus faible est {contrast}:1, {color} sur {background} : « {words} ».",
        es: "{count, plural, one {# fragmento de texto tiene} many {# de fragmentos de texto tienen} other {# fragmentos de texto tienen}} un contraste por debajo de {limit}:1; el más bajo es {contrast}:1, {color} sobre {background}: «{words}».",
        pl: "{count, plural, one {# fragment tekstu ma} few {# fragmenty tekstu mają} many {# fragmentów tekstu ma} other {# fragmentu tekstu ma}} kontrast poniżej {limit}:1; najniższy to {contrast}:1, {color} na {background}: „{words}”.",
    },
}

/// WCAG AA contrast for normal text.
pub const MIN_CONTRAST: Threshold = Threshold {
    key: "accessibility.minContrast",
    kind: Kind::Number { default: 4.5, min: 1.0, max: 21.0 },
    doc: Localized {
        en: "Contrast ratio under which normal-size text is hard to read.",
        fr: "Rapport de contraste sous lequel un texte de taille normale est difficile à lire.",
        es: "Relación de contraste por debajo de la cual un texto de tamaño normal es difícil de leer.",
        pl: "Współczynnik kontrastu, poniżej którego tekst normalnej wielkości jest trudny do odczytania.",
    },
    evidence: Evidence::Rfc("WCAG 2.1 SC 1.4.3 Contrast (Minimum), level AA: 4.5:1"),
};
/// WCAG AA contrast for large text.
pub const MIN_CONTRAST_LARGE: Threshold = Threshold {
    key: "accessibility.minContrastLarge",
    kind: Kind::Number { default: 3.0, min: 1.0, max: 21.0 },
    doc: Localized {
        en: "Contrast ratio under which large text (24 px and more) is hard to read.",
        fr: "Rapport de contraste sous lequel un grand texte (24 px et plus) est difficile à lire.",
        es: "Relación de contraste por debajo de la cual un texto grande (24 px o más) es difícil de leer.",
        pl: "Współczynnik kontrastu, poniżej którego duży tekst (24 px i więcej) jest trudny do odczytania.",
    },
    evidence: Evidence::Rfc(
        "WCAG 2.1 SC 1.4.3: large-scale text (18 pt, i.e. 24 px; bold is not known here) needs 3:1",
    ),
};
/// WCAG's "large scale" text: 18 points = 24 CSS px.
const LARGE_TEXT_PX: f32 = 24.0;

pub const RULE: Rule = Rule {
    id: ID,
    group: Group::Accessibility,
    severity: Severity::Info,
    evidence: &[Evidence::Rfc("WCAG 2.1 SC 1.4.3 Contrast (Minimum), level AA"), Evidence::Ours("information: no receiver enforces it")],
    score: scores::NONE,
    texts: &TEXTS,
    thresholds: &[&MIN_CONTRAST, &MIN_CONTRAST_LARGE, &INVISIBLE_MIN_CONTRAST],
    examples: &[
        Example::fails(
            title! { en: "Light grey text on white", fr: "Texte gris clair sur blanc", es: "Texto gris claro sobre blanco", pl: "Jasnoszary tekst na białym tle" },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.org\nSubject: Hi\nContent-Type: text/html; charset=utf-8\n\n<html lang=\"en\"><body><p>Hello</p><p style=\"color:#aaaaaa\">You receive this because you subscribed.</p></body></html>\n"),
        ),
        Example::passes(
            title! { en: "Dark grey text on white", fr: "Texte gris foncé sur blanc", es: "Texto gris oscuro sobre blanco", pl: "Ciemnoszary tekst na białym tle" },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.org\nSubject: Hi\nContent-Type: text/html; charset=utf-8\n\n<html lang=\"en\"><body><p style=\"color:#595959\">You receive this because you subscribed.</p></body></html>\n"),
        ),
        Example::passes(
            title! { en: "Links in the colour <body link> gives them", fr: "Des liens de la couleur que leur donne <body link>", es: "Enlaces del color que les da <body link>", pl: "Linki w kolorze nadanym przez <body link>" },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.org\nSubject: Hi\nContent-Type: text/html; charset=utf-8\n\n<html lang=\"en\"><body bgcolor=\"#0000ee\" text=\"#ffffff\" link=\"#ffffff\"><p>Our autumn collection is here.</p><p><a href=\"https://example.com/\">See the collection</a></p></body></html>\n"),
        ),
    ],
    check: Check::Html(check),
};

fn check(message: &Message, cx: &mut Context) {
    let limit = cx.settings.number(&MIN_CONTRAST);
    let limit_large = cx.settings.number(&MIN_CONTRAST_LARGE);
    let invisible = cx.settings.number(&INVISIBLE_MIN_CONTRAST);
    for body in html_bodies(message) {
        let mut count = 0;
        let mut worst: Option<(f64, Rgba, Rgba, String)> = None;
        for run in visible_runs(&body) {
            let background = run.background.unwrap_or(Rgba::WHITE);
            if run.background.is_none() || run.text.chars().all(|c| !unicode::is_alphanumeric(c)) {
                continue;
            }
            let ratio = run.color.contrast(background);
            let needed = if run.font_px >= LARGE_TEXT_PX { limit_large } else { limit };
            if ratio >= needed || ratio < invisible {
                continue;
            }
            count += 1;
            if worst.as_ref().is_none_or(|(w, ..)| ratio < *w) {
                worst = Some((ratio, run.color, background, run.text.chars().take(60).collect()));
            }
        }
        if let Some((ratio, color, background, words)) = worst {
            cx.emit(
                Draft::new(
                    Msg::of(&LOW)
                        .int("count", count)
                        .float("limit", limit)
                        .float("contrast", (ratio * 100.0).round() / 100.0)
                        .text("color", color.hex())
                        .text("background", background.hex())
                        .text("words", words.clone()),
                )
                .evidence(words)
                .at(part_location(message, body.part)),
            );
        }
    }
}
