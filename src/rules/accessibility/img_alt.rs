//! `accessibility/img-alt`: content images without an `alt` attribute (WCAG
//! 2.1 SC 1.1.1, level A). Many readers block images by default, and screen
//! readers read the file name instead. Tracking pixels and spacers are not
//! content; `alt=""` marks a decorative image and is fine. As axe-core's
//! `image-alt` rule (4.x): an image named by `aria-label`, `aria-labelledby`
//! or a non-empty `title`, one with `role="presentation"` or `"none"`, and a
//! hidden one (`display:none`, `hidden`, its own `aria-hidden="true"`) pass.
//! Unlike axe, the element an `aria-labelledby` names is not looked up.

use crate::i18n::Msg;
use crate::model::Message;
use crate::report::Severity;
use crate::rules::body::html_facts::{html_bodies, images};
use crate::rules::spam::part_location;
use crate::rules::{scores, Check, Context, Draft, Example, ExampleInput, Group, Rule};
use crate::settings::Evidence;
use crate::title;

crate::rule_texts! { "accessibility/img-alt";
    summary => {
        en: "Images that carry content have no alt text.",
        fr: "Des images porteuses de contenu n'ont pas de texte alt.",
        es: "Hay imágenes con contenido sin texto alt.",
        pl: "Obrazy niosące treść nie mają tekstu alt.",
    },
    why => {
        en: "Many mail apps block images until the reader allows them, and screen readers read the alt text (WCAG 2.1 success criterion 1.1.1). Without it, the reader sees an empty frame or hears a file name.",
        fr: "Beaucoup de logiciels de messagerie bloquent les images tant que le lecteur ne les autorise pas, et les lecteurs d'écran lisent le texte alt (WCAG 2.1, critère 1.1.1). Sans lui, le lecteur voit un cadre vide ou entend un nom de fichier.",
        es: "Muchos programas de correo bloquean las imágenes hasta que el lector las permite, y los lectores de pantalla leen el texto alt (WCAG 2.1, criterio 1.1.1). Sin él, el lector ve un marco vacío u oye un nombre de archivo.",
        pl: "Wiele programów pocztowych blokuje obrazy, dopóki czytelnik na nie nie zezwoli, a czytniki ekranu odczytują tekst alt (WCAG 2.1, kryterium 1.1.1). Bez niego czytelnik widzi pustą ramkę lub słyszy nazwę pliku.",
    },
    fix => {
        en: "Give each content image an alt text that says what it shows; give purely decorative images alt=\"\".",
        fr: "Donnez à chaque image de contenu un texte alt qui dit ce qu'elle montre ; donnez alt=\"\" aux images purement décoratives.",
        es: "Dé a cada imagen de contenido un texto alt que diga lo que muestra; ponga alt=\"\" a las imágenes puramente decorativas.",
        pl: "Każdemu obrazowi z treścią nadaj tekst alt opisujący, co pokazuje; obrazom czysto dekoracyjnym nadaj alt=\"\".",
    },
    MISSING "missing" => {
        en: "{count, plural, one {# image has} other {# images have}} no alt attribute, for example {src}.",
        fr: "{count, plural, one {# image n'a} many {# d'images n'ont} other {# images n'ont}} pas d'attribut alt, par exemple {src}.",
        es: "{count, plural, one {# imagen no tiene} many {# de imágenes no tienen} other {# imágenes no tienen}} atributo alt, por ejemplo {src}.",
        pl: "{count, plural, one {# obraz nie ma} few {# obrazy nie mają} many {# obrazów nie ma} other {# obrazu nie ma}} atrybutu alt, na przykład {src}.",
    },
}

pub const RULE: Rule = Rule {
    id: ID,
    group: Group::Accessibility,
    severity: Severity::Info,
    evidence: &[
        Evidence::Rfc("WCAG 2.1 SC 1.1.1 Non-text Content (level A): non-text content has a text alternative"),
        Evidence::Receiver("axe-core 4.14 rule image-alt: an img passes with any of has-alt, aria-label, aria-labelledby, non-empty-title, presentational-role; hidden elements are not checked"),
        Evidence::Ours("information: no receiver enforces it"),
    ],
    score: scores::NONE,
    texts: &TEXTS,
    thresholds: &[],
    examples: &[
        Example::fails(
            title! { en: "A banner image without alt", fr: "Une bannière sans alt", es: "Un banner sin alt", pl: "Baner bez alt" },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.org\nSubject: Hi\nContent-Type: text/html; charset=utf-8\n\n<html lang=\"en\"><body><img src=\"https://my-site.example/banner.png\"><p>Hello</p></body></html>\n"),
        ),
        Example::passes(
            title! {
                en: "Alt text, a decorative alt=\"\" and a tracking pixel",
                fr: "Un texte alt, un alt=\"\" décoratif et un pixel de suivi",
                es: "Un texto alt, un alt=\"\" decorativo y un píxel de seguimiento",
                pl: "Tekst alt, dekoracyjne alt=\"\" i piksel śledzący",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.org\nSubject: Hi\nContent-Type: text/html; charset=utf-8\n\n<html lang=\"en\"><body><img src=\"https://my-site.example/logo.png\" alt=\"My Site\"><img src=\"https://my-site.example/line.png\" alt=\"\"><p>Hello</p><img src=\"https://t.example/open/1x1.gif\" width=\"1\" height=\"1\"></body></html>\n"),
        ),
        Example::passes(
            title! {
                en: "Spacer images without alt (spacer.gif, Blank.GIF, clear.gif): they carry no content",
                fr: "Des images d'espacement sans alt (spacer.gif, Blank.GIF, clear.gif) : elles ne portent aucun contenu",
                es: "Imágenes espaciadoras sin alt (spacer.gif, Blank.GIF, clear.gif): no llevan contenido",
                pl: "Obrazy odstępu bez alt (spacer.gif, Blank.GIF, clear.gif): nie niosą treści",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.org\nSubject: Hi\nContent-Type: text/html; charset=utf-8\n\n<html lang=\"en\"><body><img src=\"https://my-site.example/img/spacer.gif\" width=\"20\" height=\"8\"><p>Hello</p><img src=\"https://my-site.example/Blank.GIF\"><img src=\"/clear.gif\"></body></html>\n"),
        ),
        Example::passes(
            title! {
                en: "Images named by aria-label, aria-labelledby or title, decorative by role, or hidden (as axe-core)",
                fr: "Images nommées par aria-label, aria-labelledby ou title, décoratives par role, ou masquées (comme axe-core)",
                es: "Imágenes con nombre por aria-label, aria-labelledby o title, decorativas por role, u ocultas (como axe-core)",
                pl: "Obrazy nazwane przez aria-label, aria-labelledby lub title, dekoracyjne przez role albo ukryte (jak w axe-core)",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.org\nSubject: Hi\nContent-Type: text/html; charset=utf-8\n\n<html lang=\"en\"><body><img src=\"https://my-site.example/a.png\" aria-label=\"My Site\"><img src=\"https://my-site.example/b.png\" aria-labelledby=\"cap\"><p id=\"cap\">Our shop</p><img src=\"https://my-site.example/c.png\" title=\"My Site\"><img src=\"https://my-site.example/d.png\" role=\"presentation\"><img src=\"https://my-site.example/e.png\" role=\"none\"><img src=\"https://my-site.example/f.png\" aria-hidden=\"true\"><img src=\"https://my-site.example/g.png\" style=\"display:none\"></body></html>\n"),
        ),
        Example::fails(
            title! {
                en: "An empty title or aria-label does not name an image",
                fr: "Un title ou un aria-label vide ne nomme pas une image",
                es: "Un title o un aria-label vacío no da nombre a una imagen",
                pl: "Pusty title lub aria-label nie nazywa obrazu",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.org\nSubject: Hi\nContent-Type: text/html; charset=utf-8\n\n<html lang=\"en\"><body><img src=\"https://my-site.example/a.png\" title=\" \" aria-label=\"\"><p>Hello</p></body></html>\n"),
        ),
    ],
    check: Check::Html(check),
};

fn check(message: &Message, cx: &mut Context) {
    for body in html_bodies(message) {
        let missing: Vec<_> = images(&body)
            .filter(|i| i.alt.is_none() && !i.named && !i.presentational && !i.hidden && !i.decorative())
            .collect();
        if let Some(first) = missing.first() {
            cx.emit(
                Draft::new(Msg::of(&MISSING).int("count", missing.len()).text("src", first.src))
                    .evidence(first.tag.unwrap_or(first.src))
                    .at(part_location(message, body.part)),
            );
        }
    }
}
