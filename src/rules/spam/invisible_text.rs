//! `spam/invisible-text`: the guides list "the text colour and the background
//! colour are identical" among the things that get a mail flagged as spam.
//! Colours are resolved through the HTML tree (`model::html`), the glyphs'
//! `-webkit-text-fill-color` over `color`; "identical" means a contrast ratio
//! under `invisibleMinContrast`. Text made invisible by other means (a 0–1px
//! font, `display:none`, `visibility:hidden`, `opacity:0` or `filter:
//! opacity(0)`, a zero `transform: scale()` or `zoom`, moved off-screen) is the
//! same trick and is reported here too, when every view the analysis considers
//! hides it (desktop, phone, clients with their own media features, after the
//! reader's click or hover). HTML too deep or too large to be
//! analysed whole is reported here, because its unread part could hide text.

use super::{element_location, part_location};
use crate::i18n::{Localized, Msg};
use crate::model::html::{sheet, HiddenMeans, HiddenText, Rgba, SourceId, StyleLimit, TextRun, TruncatedBy};
use crate::model::Message;
use crate::report::Severity;
use crate::rules::scores;
use crate::rules::{Check, Context, Draft, Example, ExampleInput, Group, Rule};
use crate::settings::{Evidence, Kind, Threshold};
use crate::title;
use crate::text::unicode;

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
        en: "{count, plural, one {# piece of text is} other {# pieces of text are}} hidden by {css} ({source}): \"{words}\".",
        fr: "{count, plural, one {# fragment de texte est masqué} many {# de fragments de texte sont masqués} other {# fragments de texte sont masqués}} par {css} ({source}) : « {words} ».",
        es: "{count, plural, one {# fragmento de texto está oculto} many {# de fragmentos de texto están ocultos} other {# fragmentos de texto están ocultos}} con {css} ({source}): «{words}».",
        pl: "{count, plural, one {# fragment} few {# fragmenty} many {# fragmentów} other {# fragmentu}} tekstu ukrywa {css} ({source}): „{words}”.",
    },
    TOO_DEEP "too-deep" => {
        en: "The HTML nests more than {limit, plural, one {# element} other {# elements}} deep; the analysis stopped after {analysed, plural, one {# byte} other {# bytes}} of {total}, so the rest may hide text.",
        fr: "Le HTML imbrique plus de {limit, plural, one {# élément} many {# d'éléments} other {# éléments}} ; l'analyse s'est arrêtée après {analysed, plural, one {# octet} many {# d'octets} other {# octets}} sur {total}, le reste peut donc masquer du texte.",
        es: "El HTML anida más de {limit, plural, one {# elemento} many {# de elementos} other {# elementos}}; el análisis se detuvo tras {analysed, plural, one {# byte} many {# de bytes} other {# bytes}} de {total}, así que el resto puede ocultar texto.",
        pl: "HTML zagnieżdża ponad {limit, plural, one {# element} few {# elementy} many {# elementów} other {# elementu}}; przeanalizowano tylko {analysed, plural, one {pierwszy # bajt} few {pierwsze # bajty} many {pierwszych # bajtów} other {pierwsze # bajtu}} z {total}, więc reszta może ukrywać tekst.",
    },
    TOO_MANY_ELEMENTS "too-many-elements" => {
        en: "The HTML has more than {limit, plural, one {# element} other {# elements}}; the analysis stopped after {analysed, plural, one {# byte} other {# bytes}} of {total}, so the rest may hide text.",
        fr: "Le HTML contient plus de {limit, plural, one {# élément} many {# d'éléments} other {# éléments}} ; l'analyse s'est arrêtée après {analysed, plural, one {# octet} many {# d'octets} other {# octets}} sur {total}, le reste peut donc masquer du texte.",
        es: "El HTML tiene más de {limit, plural, one {# elemento} many {# de elementos} other {# elementos}}; el análisis se detuvo tras {analysed, plural, one {# byte} many {# de bytes} other {# bytes}} de {total}, así que el resto puede ocultar texto.",
        pl: "HTML ma ponad {limit, plural, one {# element} few {# elementy} many {# elementów} other {# elementu}}; przeanalizowano tylko {analysed, plural, one {pierwszy # bajt} few {pierwsze # bajty} many {pierwszych # bajtów} other {pierwsze # bajtu}} z {total}, więc reszta może ukrywać tekst.",
    },
    TOO_MANY_ATTRIBUTES "too-many-attributes" => {
        en: "A tag of the HTML has more than {limit, plural, one {# attribute} other {# attributes}}; the analysis stopped before it, after {analysed, plural, one {# byte} other {# bytes}} of {total}, so the rest may hide text.",
        fr: "Une balise du HTML a plus de {limit, plural, one {# attribut} many {# d'attributs} other {# attributs}} ; l'analyse s'est arrêtée avant elle, après {analysed, plural, one {# octet} many {# d'octets} other {# octets}} sur {total}, le reste peut donc masquer du texte.",
        es: "Una etiqueta del HTML tiene más de {limit, plural, one {# atributo} many {# de atributos} other {# atributos}}; el análisis se detuvo antes de ella, tras {analysed, plural, one {# byte} many {# de bytes} other {# bytes}} de {total}, así que el resto puede ocultar texto.",
        pl: "Znacznik HTML ma ponad {limit, plural, one {# atrybut} few {# atrybuty} many {# atrybutów} other {# atrybutu}}; przeanalizowano tylko {analysed, plural, one {pierwszy # bajt} few {pierwsze # bajty} many {pierwszych # bajtów} other {pierwsze # bajtu}} z {total}, do tego znacznika, więc reszta może ukrywać tekst.",
    },
    TOO_MANY_NAMES "too-many-names" => {
        en: "The HTML uses names (of tags, attributes or classes) that crowd the parser's table of names: more than {limit, plural, one {# name} other {# names}} in one of its buckets; the analysis stopped after {analysed, plural, one {# byte} other {# bytes}} of {total}, so the rest may hide text.",
        fr: "Le HTML utilise des noms (de balises, d'attributs ou de classes) qui encombrent la table de noms de l'analyseur : plus de {limit, plural, one {# nom} many {# de noms} other {# noms}} dans une même case ; l'analyse s'est arrêtée après {analysed, plural, one {# octet} many {# d'octets} other {# octets}} sur {total}, le reste peut donc masquer du texte.",
        es: "El HTML usa nombres (de etiquetas, atributos o clases) que saturan la tabla de nombres del analizador: más de {limit, plural, one {# nombre} many {# de nombres} other {# nombres}} en una misma casilla; el análisis se detuvo tras {analysed, plural, one {# byte} many {# de bytes} other {# bytes}} de {total}, así que el resto puede ocultar texto.",
        pl: "HTML używa nazw (znaczników, atrybutów lub klas), które zapełniają tablicę nazw parsera: ponad {limit, plural, one {# nazwę} few {# nazwy} many {# nazw} other {# nazwy}} w jednym jej koszyku; przeanalizowano tylko {analysed, plural, one {pierwszy # bajt} few {pierwsze # bajty} many {pierwszych # bajtów} other {pierwsze # bajtu}} z {total}, więc reszta może ukrywać tekst.",
    },
    TOO_MUCH_WORK "too-much-work" => {
        en: "The HTML and its style sheets take more than {limit, plural, one {# step} other {# steps}} to analyse; the analysis stopped after {analysed, plural, one {# byte} other {# bytes}} of {total}, so the rest may hide text.",
        fr: "Le HTML et ses feuilles de style demandent plus de {limit, plural, one {# étape} many {# d'étapes} other {# étapes}} d'analyse ; l'analyse s'est arrêtée après {analysed, plural, one {# octet} many {# d'octets} other {# octets}} sur {total}, le reste peut donc masquer du texte.",
        es: "El HTML y sus hojas de estilo requieren más de {limit, plural, one {# paso} many {# de pasos} other {# pasos}} de análisis; el análisis se detuvo tras {analysed, plural, one {# byte} many {# de bytes} other {# bytes}} de {total}, así que el resto puede ocultar texto.",
        pl: "Analiza HTML i jego arkuszy stylów wymaga ponad {limit, plural, one {# kroku} few {# kroków} many {# kroków} other {# kroku}}; przeanalizowano tylko {analysed, plural, one {pierwszy # bajt} few {pierwsze # bajty} many {pierwszych # bajtów} other {pierwsze # bajtu}} z {total}, więc reszta może ukrywać tekst.",
    },
    TOO_MUCH_TEXT "too-much-text" => {
        en: "The HTML yields more than {limit, plural, one {# byte} other {# bytes}} of text to analyse; the analysis stopped after {analysed, plural, one {# byte} other {# bytes}} of {total}, so the rest may hide text.",
        fr: "Le HTML produit plus de {limit, plural, one {# octet} many {# d'octets} other {# octets}} de texte à analyser ; l'analyse s'est arrêtée après {analysed, plural, one {# octet} many {# d'octets} other {# octets}} sur {total}, le reste peut donc masquer du texte.",
        es: "El HTML produce más de {limit, plural, one {# byte} many {# de bytes} other {# bytes}} de texto que analizar; el análisis se detuvo tras {analysed, plural, one {# byte} many {# de bytes} other {# bytes}} de {total}, así que el resto puede ocultar texto.",
        pl: "HTML daje ponad {limit, plural, one {# bajt} few {# bajty} many {# bajtów} other {# bajtu}} tekstu do analizy; przeanalizowano tylko {analysed, plural, one {pierwszy # bajt} few {pierwsze # bajty} many {pierwszych # bajtów} other {pierwsze # bajtu}} z {total}, więc reszta może ukrywać tekst.",
    },
    STYLE_TOO_LONG "style-too-long" => {
        en: "The style sheets hold more than {limit, plural, one {# byte} other {# bytes}} of CSS, comments not counted; the rest was not read, so text it hides may go undetected.",
        fr: "Les feuilles de style contiennent plus de {limit, plural, one {# octet} many {# d'octets} other {# octets}} de CSS, commentaires non comptés ; la suite n'a pas été lue, le texte qu'elle masque peut donc passer inaperçu.",
        es: "Las hojas de estilo contienen más de {limit, plural, one {# byte} many {# de bytes} other {# bytes}} de CSS, sin contar los comentarios; el resto no se leyó, así que el texto que oculte puede pasar desapercibido.",
        pl: "Arkusze stylów zawierają ponad {limit, plural, one {# bajt} few {# bajty} many {# bajtów} other {# bajtu}} CSS, nie licząc komentarzy; reszty nie odczytano, więc ukrywany przez nią tekst może zostać niewykryty.",
    },
    STYLE_TOO_MANY_RULES "style-too-many-rules" => {
        en: "The style sheets have more than {limit, plural, one {# rule} other {# rules}}; {count, plural, one {# selector after them was} other {# selectors after them were}} not applied, so text they hide may go undetected.",
        fr: "Les feuilles de style ont plus de {limit, plural, one {# règle} many {# de règles} other {# règles}} ; {count, plural, one {# sélecteur suivant n'a pas été appliqué} many {# de sélecteurs suivants n'ont pas été appliqués} other {# sélecteurs suivants n'ont pas été appliqués}}, le texte qu'ils masquent peut donc passer inaperçu.",
        es: "Las hojas de estilo tienen más de {limit, plural, one {# regla} many {# de reglas} other {# reglas}}; {count, plural, one {# selector posterior no se aplicó} many {# de selectores posteriores no se aplicaron} other {# selectores posteriores no se aplicaron}}, así que el texto que oculten puede pasar desapercibido.",
        pl: "Arkusze stylów mają ponad {limit, plural, one {# regułę} few {# reguły} many {# reguł} other {# reguły}}; {count, plural, one {# kolejnego selektora} few {# kolejnych selektorów} many {# kolejnych selektorów} other {# kolejnego selektora}} nie zastosowano, więc ukrywany przez nie tekst może zostać niewykryty.",
    },
    STYLE_SELECTORS_IGNORED "style-selectors-ignored" => {
        en: "{count, plural, one {# selector or block of the style sheets was} other {# selectors or blocks of the style sheets were}} not applied (more than {parts, plural, one {# part} other {# parts}}, nested more than {levels, plural, one {# level} other {# levels}}, :has(), or names crowding the parser's table of names); text they hide may go undetected.",
        fr: "{count, plural, one {# sélecteur ou bloc des feuilles de style n'a pas été appliqué} many {# de sélecteurs ou blocs des feuilles de style n'ont pas été appliqués} other {# sélecteurs ou blocs des feuilles de style n'ont pas été appliqués}} (plus de {parts, plural, one {# partie} many {# de parties} other {# parties}}, plus de {levels, plural, one {# niveau} many {# de niveaux} other {# niveaux}} d'imbrication, :has(), ou des noms qui encombrent la table de noms de l'analyseur) ; le texte qu'ils masquent peut passer inaperçu.",
        es: "{count, plural, one {# selector o bloque de las hojas de estilo no se aplicó} many {# de selectores o bloques de las hojas de estilo no se aplicaron} other {# selectores o bloques de las hojas de estilo no se aplicaron}} (más de {parts, plural, one {# parte} many {# de partes} other {# partes}}, más de {levels, plural, one {# nivel} many {# de niveles} other {# niveles}} de anidamiento, :has(), o nombres que saturan la tabla de nombres del analizador); el texto que oculten puede pasar desapercibido.",
        pl: "{count, plural, one {# selektora lub bloku arkuszy stylów} few {# selektorów lub bloków arkuszy stylów} many {# selektorów lub bloków arkuszy stylów} other {# selektora lub bloku arkuszy stylów}} nie zastosowano (ponad {parts, plural, one {# część} few {# części} many {# części} other {# części}}, ponad {levels, plural, one {# poziom} few {# poziomy} many {# poziomów} other {# poziomu}} zagnieżdżenia, :has() lub nazwy zapełniające tablicę nazw parsera); ukrywany przez nie tekst może zostać niewykryty.",
    },
    FIX_SHORTEN_STYLE "fix-shorten-style" => {
        en: "Keep the style sheets short and simple: a mail's CSS needs a few hundred rules at most.",
        fr: "Gardez des feuilles de style courtes et simples : le CSS d'un e-mail n'a besoin que de quelques centaines de règles au plus.",
        es: "Mantenga las hojas de estilo cortas y sencillas: el CSS de un correo necesita como mucho unos cientos de reglas.",
        pl: "Utrzymuj arkusze stylów krótkie i proste: CSS wiadomości potrzebuje najwyżej kilkuset reguł.",
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
    doc: Localized {
        en: "A WCAG contrast ratio below this between text and background counts as the same colour.",
        fr: "Un rapport de contraste WCAG inférieur à cette valeur entre le texte et le fond compte comme la même couleur.",
        es: "Una relación de contraste WCAG inferior a este valor entre el texto y el fondo cuenta como el mismo color.",
        pl: "Współczynnik kontrastu WCAG między tekstem a tłem poniżej tej wartości liczy się jako ten sam kolor.",
    },
    evidence: Evidence::Ours("1.25: identical is 1.0, #eeeeee on white 1.16, #cccccc on white 1.6"),
};

pub const RULE: Rule = Rule {
    id: ID,
    group: Group::Spam,
    severity: Severity::Warning,
    evidence: &[
        Evidence::Guide("seed 002 (fr) l. 174: « La couleur d'écriture et la couleur de fond sont identiques pour rédiger l'e-mail »"),
        Evidence::Receiver("SpamAssassin HTML_FONT_LOW_CONTRAST (0.7 points) and the HTML_*_HIDDEN family: filters score it, none is documented to refuse for it: a warning with points"),
    ],
    score: crate::rules::scores::INVISIBLE_TEXT,
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
                en: "Words in display:none after the visible text",
                fr: "Des mots en display:none après le texte visible",
                es: "Palabras en display:none después del texto visible",
                pl: "Słowa w display:none po widocznym tekście",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: News\nContent-Type: text/html\n\n<p>Hello</p><div style=\"display:none\">win a prize today</div>\n"),
        )
        .at(Severity::Warning),
        Example::fails(
            title! {
                en: "A zero size in the font shorthand (font: 0/0 a)",
                fr: "Une taille nulle dans le raccourci font (font: 0/0 a)",
                es: "Un tamaño cero en el atajo font (font: 0/0 a)",
                pl: "Zerowy rozmiar w skrócie font (font: 0/0 a)",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: News\nContent-Type: text/html\n\n<p>Hello</p><p style=\"font:0/0 a\">cheap pills casino</p>\n"),
        ),
        Example::fails(
            title! {
                en: "White through a custom property: color: var(--c)",
                fr: "Du blanc via une propriété personnalisée : color: var(--c)",
                es: "Blanco mediante una propiedad personalizada: color: var(--c)",
                pl: "Biel przez właściwość niestandardową: color: var(--c)",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: News\nContent-Type: text/html\n\n<style>:root { --c: #ffffff }</style><p>Hello</p><p style=\"color:var(--c)\">cheap pills casino</p>\n"),
        ),
        Example::fails(
            title! {
                en: "White through a var() fallback",
                fr: "Du blanc via la valeur de repli d'un var()",
                es: "Blanco mediante el valor de reserva de un var()",
                pl: "Biel przez wartość zastępczą var()",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: News\nContent-Type: text/html\n\n<p>Hello</p><p style=\"color:var(--undefined, #fff)\">cheap pills casino</p>\n"),
        ),
        Example::fails(
            title! {
                en: "Text in a zero-size SVG",
                fr: "Du texte dans un SVG de taille nulle",
                es: "Texto en un SVG de tamaño cero",
                pl: "Tekst w SVG o zerowym rozmiarze",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: News\nContent-Type: text/html\n\n<p>Hello</p><svg width=\"0\" height=\"0\"><text>cheap pills casino</text></svg>\n"),
        )
        .at(Severity::Warning),
        Example::fails(
            title! {
                en: "SVG text with font-size 0",
                fr: "Un texte SVG avec font-size 0",
                es: "Un texto SVG con font-size 0",
                pl: "Tekst SVG z font-size 0",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: News\nContent-Type: text/html\n\n<p>Hello</p><svg width=\"300\" height=\"40\"><text font-size=\"0\">cheap pills casino</text></svg>\n"),
        ),
        Example::fails(
            title! {
                en: "A gradient of one colour under text of that colour",
                fr: "Un dégradé d'une seule couleur sous un texte de cette couleur",
                es: "Un degradado de un solo color bajo un texto de ese color",
                pl: "Gradient jednego koloru pod tekstem w tym kolorze",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: News\nContent-Type: text/html\n\n<p>Hello</p><div style=\"background:linear-gradient(#123456, #123456)\"><span style=\"color:#123456\">cheap pills casino</span></div>\n"),
        ),
        Example::passes(
            title! {
                en: "A custom property set for dark mode only applies there",
                fr: "Une propriété personnalisée définie pour le mode sombre ne s'applique que là",
                es: "Una propiedad personalizada definida solo para el modo oscuro solo se aplica allí",
                pl: "Właściwość niestandardowa ustawiona dla trybu ciemnego działa tylko tam",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: News\nContent-Type: text/html\n\n<style>:root { --text: #222222 } @media (prefers-color-scheme: dark) { :root { --text: #ffffff } }</style><p style=\"color:var(--text)\">Hello, here is our news.</p>\n"),
        ),
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
        Example::fails(
            title! {
                en: "A CSS comment does not hide the second declaration",
                fr: "Un commentaire CSS ne masque pas la seconde déclaration",
                es: "Un comentario CSS no oculta la segunda declaración",
                pl: "Komentarz CSS nie ukrywa drugiej deklaracji",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: News\nContent-Type: text/html\n\n<p>Hello</p><p style=\"color:#000;/**/color:#fff\">cheap pills casino</p>\n"),
        ),
        Example::fails(
            title! {
                en: "A CSS escape in the property name (c\\olor)",
                fr: "Un échappement CSS dans le nom de la propriété (c\\olor)",
                es: "Un escape CSS en el nombre de la propiedad (c\\olor)",
                pl: "Sekwencja ucieczki CSS w nazwie właściwości (c\\olor)",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: News\nContent-Type: text/html\n\n<p>Hello</p><p style=\"c\\olor:#fff\">cheap pills casino</p>\n"),
        ),
        Example::fails(
            title! {
                en: "White written as hwb()",
                fr: "Du blanc écrit avec hwb()",
                es: "Blanco escrito con hwb()",
                pl: "Biel zapisana jako hwb()",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: News\nContent-Type: text/html\n\n<p>Hello</p><p style=\"color:hwb(0 100% 0%)\">cheap pills casino</p>\n"),
        ),
        Example::fails(
            title! {
                en: "White written as oklch() and lab()",
                fr: "Du blanc écrit avec oklch() et lab()",
                es: "Blanco escrito con oklch() y lab()",
                pl: "Biel zapisana jako oklch() i lab()",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: News\nContent-Type: text/html\n\n<p>Hello</p><p style=\"color:oklch(100% 0 0)\">cheap pills</p><p style=\"color:lab(100 0 0)\">casino</p>\n"),
        )
        .times(2),
        Example::fails(
            title! {
                en: "Transparent text",
                fr: "Du texte transparent",
                es: "Texto transparente",
                pl: "Przezroczysty tekst",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: News\nContent-Type: text/html\n\n<p>Hello</p><p style=\"color:transparent\">cheap pills casino</p>\n"),
        ),
        Example::fails(
            title! {
                en: "A sibling combinator: h6 + p",
                fr: "Un combinateur de voisin : h6 + p",
                es: "Un combinador de hermanos: h6 + p",
                pl: "Kombinator rodzeństwa: h6 + p",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: News\nContent-Type: text/html\n\n<style>h6 + p { color: #fefefe }</style><p>Hello</p><h6>News</h6><p>cheap pills casino</p>\n"),
        ),
        Example::fails(
            title! {
                en: "A :not() selector",
                fr: "Un sélecteur :not()",
                es: "Un selector :not()",
                pl: "Selektor :not()",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: News\nContent-Type: text/html\n\n<style>p:not(.shown) { color: #fff }</style><p class=\"shown\">Hello</p><p>cheap pills casino</p>\n"),
        ),
        Example::fails(
            title! {
                en: "A :first-child selector",
                fr: "Un sélecteur :first-child",
                es: "Un selector :first-child",
                pl: "Selektor :first-child",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: News\nContent-Type: text/html\n\n<style>td:first-child { color: #ffffff }</style><table><tr><td>cheap pills casino</td><td>Hello</td></tr></table>\n"),
        ),
        Example::fails(
            title! {
                en: "!important in a style sheet beats the inline colour",
                fr: "!important dans une feuille de style l'emporte sur la couleur en ligne",
                es: "!important en una hoja de estilo gana a el color en línea",
                pl: "!important w arkuszu stylów wygrywa z kolorem w atrybucie style",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: News\nContent-Type: text/html\n\n<style>.x { color: #fff !important }</style><p>Hello</p><p class=\"x\" style=\"color:#000\">cheap pills casino</p>\n"),
        ),
        Example::fails(
            title! {
                en: "Opacity multiplied down the tree to zero",
                fr: "Une opacité multipliée le long de l'arbre jusqu'à zéro",
                es: "Una opacidad multiplicada a lo largo del árbol hasta cero",
                pl: "Przezroczystość mnożona w dół drzewa aż do zera",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: News\nContent-Type: text/html\n\n<p>Hello</p><div style=\"opacity:0.1\"><p style=\"opacity:0.1\">cheap pills casino</p></div>\n"),
        )
        .at(Severity::Warning),
        Example::fails(
            title! {
                en: "visibility:hidden",
                fr: "Du texte en visibility:hidden",
                es: "Texto con visibility:hidden",
                pl: "Tekst z visibility:hidden",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: News\nContent-Type: text/html\n\n<p>Hello</p><p style=\"visibility:hidden\">cheap pills casino</p>\n"),
        )
        .at(Severity::Warning),
        Example::fails(
            title! {
                en: "Clipped to nothing",
                fr: "Du texte rogné jusqu'à disparaître",
                es: "Texto recortado hasta desaparecer",
                pl: "Tekst przycięty do zera",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: News\nContent-Type: text/html\n\n<p>Hello</p><span style=\"position:absolute;clip:rect(0 0 0 0)\">cheap pills casino</span>\n"),
        )
        .at(Severity::Warning),
        Example::fails(
            title! {
                en: "clip-path: inset(50%)",
                fr: "Du texte masqué par clip-path: inset(50%)",
                es: "Texto oculto con clip-path: inset(50%)",
                pl: "Tekst ukryty przez clip-path: inset(50%)",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: News\nContent-Type: text/html\n\n<p>Hello</p><span style=\"clip-path:inset(50%)\">cheap pills casino</span>\n"),
        )
        .at(Severity::Warning),
        Example::fails(
            title! {
                en: "Positioned off-screen",
                fr: "Du texte placé hors de l'écran",
                es: "Texto colocado fuera de la pantalla",
                pl: "Tekst umieszczony poza ekranem",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: News\nContent-Type: text/html\n\n<p>Hello</p><div style=\"position:absolute;left:-9999px\">cheap pills casino</div>\n"),
        )
        .at(Severity::Warning),
        Example::fails(
            title! {
                en: "text-indent: -9999px",
                fr: "Du texte décalé par text-indent: -9999px",
                es: "Texto desplazado con text-indent: -9999px",
                pl: "Tekst przesunięty przez text-indent: -9999px",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: News\nContent-Type: text/html\n\n<p>Hello</p><p style=\"text-indent:-9999px\">cheap pills casino</p>\n"),
        )
        .at(Severity::Warning),
        Example::fails(
            title! {
                en: "A zero-height box with its overflow hidden",
                fr: "Une boîte de hauteur nulle dont le débordement est masqué",
                es: "Una caja de altura cero con el desbordamiento oculto",
                pl: "Pole o zerowej wysokości z ukrytym nadmiarem",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: News\nContent-Type: text/html\n\n<p>Hello</p><div style=\"height:0;overflow:hidden\">cheap pills casino</div>\n"),
        )
        .at(Severity::Warning),
        Example::fails(
            title! {
                en: "max-height:0 with its overflow hidden",
                fr: "max-height:0 avec le débordement masqué",
                es: "max-height:0 con el desbordamiento oculto",
                pl: "max-height:0 z ukrytym nadmiarem",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: News\nContent-Type: text/html\n\n<p>Hello</p><div style=\"max-height:0px;overflow:hidden\">cheap pills casino</div>\n"),
        )
        .at(Severity::Warning),
        Example::fails(
            title! {
                en: "Shrunk to nothing by transform: scale(0)",
                fr: "Du texte réduit à rien par transform: scale(0)",
                es: "Texto reducido a nada con transform: scale(0)",
                pl: "Tekst zmniejszony do zera przez transform: scale(0)",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: News\nContent-Type: text/html\n\n<p>Hello</p><div style=\"transform:scale(0)\">cheap pills casino</div>\n"),
        )
        .at(Severity::Warning),
        Example::fails(
            title! {
                en: "Flattened by scaleY(0) in a style sheet",
                fr: "Du texte aplati par scaleY(0) dans une feuille de style",
                es: "Texto aplanado con scaleY(0) en una hoja de estilos",
                pl: "Tekst spłaszczony przez scaleY(0) w arkuszu stylów",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: News\nContent-Type: text/html\n\n<style>.x { transform: rotate(5deg) scaleY(0) }</style><p>Hello</p><p class=\"x\">cheap pills casino</p>\n"),
        )
        .at(Severity::Warning),
        Example::fails(
            title! {
                en: "The scale property at 0",
                fr: "La propriété scale à 0",
                es: "La propiedad scale a 0",
                pl: "Właściwość scale równa 0",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: News\nContent-Type: text/html\n\n<p>Hello</p><p style=\"scale:0\">cheap pills casino</p>\n"),
        )
        .at(Severity::Warning),
        Example::fails(
            title! {
                en: "zoom: 1%",
                fr: "Du texte réduit par zoom: 1%",
                es: "Texto reducido con zoom: 1%",
                pl: "Tekst zmniejszony przez zoom: 1%",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: News\nContent-Type: text/html\n\n<p>Hello</p><p style=\"zoom:1%\">cheap pills casino</p>\n"),
        )
        .at(Severity::Warning),
        Example::fails(
            title! {
                en: "Moved off-screen by transform: translateX(-9999px)",
                fr: "Du texte déplacé hors de l'écran par transform: translateX(-9999px)",
                es: "Texto desplazado fuera de la pantalla con transform: translateX(-9999px)",
                pl: "Tekst przesunięty poza ekran przez transform: translateX(-9999px)",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: News\nContent-Type: text/html\n\n<p>Hello</p><p style=\"transform:translateX(-9999px)\">cheap pills casino</p>\n"),
        )
        .at(Severity::Warning),
        Example::fails(
            title! {
                en: "filter: opacity(0)",
                fr: "Du texte masqué par filter: opacity(0)",
                es: "Texto oculto con filter: opacity(0)",
                pl: "Tekst ukryty przez filter: opacity(0)",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: News\nContent-Type: text/html\n\n<p>Hello</p><p style=\"filter:opacity(0)\">cheap pills casino</p>\n"),
        )
        .at(Severity::Warning),
        Example::fails(
            title! {
                en: "-webkit-text-fill-color: transparent over a readable colour",
                fr: "-webkit-text-fill-color: transparent par-dessus une couleur lisible",
                es: "-webkit-text-fill-color: transparent sobre un color legible",
                pl: "-webkit-text-fill-color: transparent ponad czytelnym kolorem",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: News\nContent-Type: text/html\n\n<p>Hello</p><p style=\"color:#222;-webkit-text-fill-color:transparent\">cheap pills casino</p>\n"),
        ),
        Example::fails(
            title! {
                en: "A fill colour near the background, inherited",
                fr: "Une couleur de remplissage proche du fond, héritée",
                es: "Un color de relleno cercano al fondo, heredado",
                pl: "Kolor wypełnienia bliski tłu, dziedziczony",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: News\nContent-Type: text/html\n\n<p>Hello</p><div style=\"-webkit-text-fill-color:#fefefe\"><p style=\"color:#222\">cheap pills casino</p></div>\n"),
        ),
        Example::fails(
            title! {
                en: "Hidden in every view: a phone rule that hides too, no preheader",
                fr: "Masqué dans toutes les vues : une règle pour téléphone qui masque aussi, pas de pré-en-tête",
                es: "Oculto en todas las vistas: una regla para teléfonos que también oculta, sin preencabezado",
                pl: "Ukryte w każdym widoku: reguła dla telefonów też ukrywa, brak preheadera",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: News\nContent-Type: text/html\n\n<style>.x { display: none } @media (max-width: 600px) { .x { display: none !important } }</style><p>Hello</p><div class=\"x\">win a prize today</div>\n"),
        )
        .at(Severity::Warning),
        Example::fails(
            title! {
                en: "A :hover on the hidden element itself never shows it",
                fr: "Un :hover sur l'élément masqué lui-même ne l'affiche jamais",
                es: "Un :hover sobre el propio elemento oculto nunca lo muestra",
                pl: ":hover na samym ukrytym elemencie nigdy go nie pokazuje",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: News\nContent-Type: text/html\n\n<style>.x { display: none } .x:hover { display: block }</style><p>Hello</p><div class=\"x\">win a prize today</div>\n"),
        )
        .at(Severity::Warning),
        Example::fails(
            title! {
                en: "A media feature no client knows shows nothing",
                fr: "Une caractéristique média qu'aucun logiciel ne connaît n'affiche rien",
                es: "Una característica de medio que ningún cliente conoce no muestra nada",
                pl: "Cecha mediów nieznana żadnemu programowi niczego nie pokazuje",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: News\nContent-Type: text/html\n\n<style>.x { display: none } @media (-x-made-up: 1) { .x { display: block !important } }</style><p>Hello</p><div class=\"x\">win a prize today</div>\n"),
        )
        .at(Severity::Warning),
        Example::fails(
            title! {
                en: "A long hidden text at the top is not a preheader",
                fr: "Un long texte masqué en haut n'est pas un pré-en-tête",
                es: "Un texto oculto largo al principio no es un preencabezado",
                pl: "Długi ukryty tekst na początku to nie preheader",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: News\nContent-Type: text/html\n\n<div style=\"display:none\">cheap pills casino viagra loans cheap pills casino viagra loans cheap pills casino viagra loans cheap pills casino viagra loans cheap pills casino viagra loans cheap pills casino viagra loans cheap pills casino viagra loans cheap pills casino viagra loans cheap pills casino viagra loans cheap pills casino viagra loans cheap pills casino viagra loans cheap pills casino viagra loans cheap pills casino viagra loans cheap pills casino viagra loans cheap pills casino viagra loans cheap pills casino viagra loans cheap pills casino viagra loans cheap pills casino viagra loans cheap pills casino viagra loans cheap pills casino viagra loans </div><p>Hello</p>\n"),
        )
        .at(Severity::Warning),
        Example::passes(
            title! {
                en: "An honest preheader: short, hidden, first in the body, with &zwnj;&nbsp; padding",
                fr: "Un pré-en-tête honnête : court, masqué, en tête du corps, avec un remplissage &zwnj;&nbsp;",
                es: "Un preencabezado honesto: corto, oculto, al principio del cuerpo, con relleno &zwnj;&nbsp;",
                pl: "Uczciwy preheader: krótki, ukryty, na początku treści, z wypełnieniem &zwnj;&nbsp;",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: News\nContent-Type: text/html\n\n<div style=\"display:none;max-height:0;overflow:hidden;mso-hide:all\">Three new recipes for spring, inside.</div><div style=\"display:none\">&zwnj;&nbsp;&zwnj;&nbsp;&zwnj;&nbsp;</div><p>Hello, here are this month\'s recipes.</p>\n"),
        ),
        Example::passes(
            title! {
                en: "A calendar invitation: a hidden event name for the client, then the hidden preview, both before the body",
                fr: "Une invitation d'agenda : un nom d'événement masqué pour le client, puis l'aperçu masqué, tous deux avant le corps",
                es: "Una invitación de calendario: un nombre de evento oculto para el cliente y después la vista previa oculta, ambos antes del cuerpo",
                pl: "Zaproszenie z kalendarza: ukryta nazwa wydarzenia dla klienta, potem ukryty podgląd, oba przed treścią",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Invitation: Team meeting\nContent-Type: text/html\n\n<span itemscope itemtype=\"http://schema.org/Event\"><span style=\"display:none\" itemprop=\"name\">Team meeting</span></span><div style=\"display:none;max-height:0;overflow:hidden\">You have been invited to Team meeting on Monday at 10:00.</div><p>Team meeting</p><p>Monday 10:00 to 11:00</p>\n"),
        ),
        Example::fails(
            title! {
                en: "Hidden text at the top longer than any inbox preview (278 characters) is not a preheader",
                fr: "Un texte masqué en haut plus long que tout aperçu de boîte de réception (278 caractères) n'est pas un pré-en-tête",
                es: "Un texto oculto al principio más largo que cualquier vista previa de la bandeja (278 caracteres) no es un preencabezado",
                pl: "Ukryty tekst na początku dłuższy niż jakikolwiek podgląd w skrzynce (278 znaków) to nie preheader",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: News\nContent-Type: text/html\n\n<div style=\"display:none;max-height:0;overflow:hidden\">meeting agenda quarterly report invoice attached thanks regards family weekend garden meeting agenda quarterly report invoice attached thanks regards family weekend garden meeting agenda quarterly report invoice attached thanks regards family weekend garden meeting agenda quarterly report invoice attached thanks regards family weekend garden </div><p>Thank you for your order, it ships today.</p>\n"),
        )
        .at(Severity::Warning),
        Example::passes(
            title! {
                en: "Screen-reader text: a link's purpose visually hidden (WCAG technique C7, Bootstrap's .visually-hidden)",
                fr: "Un texte pour lecteur d'écran : le but d'un lien masqué visuellement (technique WCAG C7, .visually-hidden de Bootstrap)",
                es: "Texto para lectores de pantalla: el propósito de un enlace oculto visualmente (técnica WCAG C7, .visually-hidden de Bootstrap)",
                pl: "Tekst dla czytników ekranu: cel linku ukryty wizualnie (technika WCAG C7, .visually-hidden z Bootstrapa)",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: News\nContent-Type: text/html\n\n<style>.vh { position: absolute; width: 1px; height: 1px; margin: -1px; overflow: hidden; clip: rect(0, 0, 0, 0); white-space: nowrap; border: 0 }</style><p>Our autumn collection is here. <a href=\"https://example.com/autumn\">See it<span class=\"vh\"> (opens in a new window)</span></a></p><p><a href=\"https://example.com/ig\"><img src=\"https://example.com/ig.png\" width=\"24\" height=\"24\" alt=\"\"><span class=\"vh\">Follow us on Instagram</span></a></p>\n"),
        ),
        Example::passes(
            title! {
                en: "Screen-reader text moved off-screen in a 1 px box (WCAG technique C7's own CSS)",
                fr: "Un texte pour lecteur d'écran déplacé hors de l'écran dans une boîte de 1 px (le CSS de la technique WCAG C7)",
                es: "Texto para lectores de pantalla desplazado fuera de la pantalla en una caja de 1 px (el CSS de la técnica WCAG C7)",
                pl: "Tekst dla czytników ekranu przesunięty poza ekran w polu 1 px (CSS techniki WCAG C7)",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: News\nContent-Type: text/html\n\n<p>Hello, here is our news. <a href=\"https://example.com/report.pdf\">Annual report<span style=\"position:absolute;left:-10000px;top:auto;width:1px;height:1px;overflow:hidden\"> (PDF, 2 MB)</span></a></p>\n"),
        ),
        Example::fails(
            title! {
                en: "The screen-reader shape holding a paragraph is read as hidden text",
                fr: "La forme d'un texte pour lecteur d'écran contenant un paragraphe est lue comme du texte masqué",
                es: "La forma de un texto para lectores de pantalla que contiene un párrafo se lee como texto oculto",
                pl: "Kształt tekstu dla czytników ekranu zawierający akapit jest czytany jako tekst ukryty",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: News\nContent-Type: text/html\n\n<style>.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0) }</style><p>Hello, here is our news.</p><span class=\"sr-only\">cheap pills casino bonus, win money today, cheap pills casino bonus, win money today, cheap pills casino bonus</span>\n"),
        )
        .at(Severity::Warning),
        Example::fails(
            title! {
                en: "A class named sr-only that hides with display:none is not the screen-reader shape",
                fr: "Une classe nommée sr-only qui masque par display:none n'a pas la forme d'un texte pour lecteur d'écran",
                es: "Una clase llamada sr-only que oculta con display:none no tiene la forma de un texto para lectores de pantalla",
                pl: "Klasa o nazwie sr-only ukrywająca przez display:none nie ma kształtu tekstu dla czytników ekranu",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: News\nContent-Type: text/html\n\n<style>.sr-only { display: none }</style><p>Hello, here is our news.</p><span class=\"sr-only\">win a prize</span>\n"),
        )
        .at(Severity::Warning),
        Example::passes(
            title! {
                en: "A preheader after a \"View in browser\" bar",
                fr: "Un pré-en-tête après une barre « Voir dans le navigateur »",
                es: "Un preencabezado tras una barra «Ver en el navegador»",
                pl: "Preheader po pasku „Zobacz w przeglądarce”",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: News\nContent-Type: text/html\n\n<p style=\"font-size:11px\"><a href=\"https://example.com/view\">View this email in your browser</a></p><div style=\"display:none;max-height:0;overflow:hidden\">Three new recipes for spring, inside.</div><p>Hello, here are this month\'s recipes.</p>\n"),
        ),
        Example::passes(
            title! {
                en: "An honest preheader in a 1px white font",
                fr: "Un pré-en-tête honnête en police blanche de 1 px",
                es: "Un preencabezado honesto en letra blanca de 1 px",
                pl: "Uczciwy preheader białą czcionką 1 px",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: News\nContent-Type: text/html\n\n<span style=\"font-size:1px;color:#ffffff\">Your invoice for March is ready.</span><p>Hello, your invoice is attached.</p>\n"),
        ),
        Example::passes(
            title! {
                en: "A block hidden on desktop that phones show (a responsive template's mobile-only footer)",
                fr: "Un bloc caché sur ordinateur que les téléphones affichent (le pied de page mobile d'un modèle adaptatif)",
                es: "Un bloque oculto en el ordenador que los teléfonos muestran (el pie móvil de una plantilla adaptable)",
                pl: "Blok ukryty na komputerze, który pokazują telefony (stopka mobilna szablonu responsywnego)",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: News\nContent-Type: text/html\n\n<style>@media only screen and (max-width: 600px) { .mobile { display: block !important } }</style><p>Hello, here is our news.</p><div class=\"mobile\" style=\"display:none\">Example Co, 1 Main Street, Springfield</div>\n"),
        ),
        Example::passes(
            title! {
                en: "Mobile first: a block desktop hides in a min-width query, phones show",
                fr: "Mobile d'abord : un bloc que l'ordinateur masque dans une requête min-width, affiché sur téléphone",
                es: "Primero el móvil: un bloque que el ordenador oculta en una consulta min-width y los teléfonos muestran",
                pl: "Najpierw telefon: blok ukryty na komputerze w zapytaniu min-width, widoczny na telefonach",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: News\nContent-Type: text/html\n\n<style>.desk { display: none } @media only screen and (min-width: 600px) { .mob { display: none !important } .desk { display: block !important } }</style><p>Hello, here is our news.</p><div class=\"mob\">Tap to call us: 503 555 0100</div><div class=\"desk\">Call us on 503 555 0100.</div>\n"),
        ),
        Example::passes(
            title! {
                en: "An MJML accordion: answers shown once the reader clicks (:checked)",
                fr: "Un accordéon MJML : les réponses s'affichent quand le lecteur clique (:checked)",
                es: "Un acordeón MJML: las respuestas se muestran cuando el lector hace clic (:checked)",
                pl: "Akordeon MJML: odpowiedzi pojawiają się po kliknięciu (:checked)",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: News\nContent-Type: text/html\n\n<style>@media only screen and (min-width: 0) { input.acc + * .answer { display: none } input.acc:checked + * .answer { display: block } }</style><p>Questions, answered.</p><label><input class=\"acc\" type=\"checkbox\" style=\"display:none\"><div><div>When is my coffee roasted?</div><div class=\"answer\">Every Tuesday.</div></div></label>\n"),
        ),
        Example::passes(
            title! {
                en: "Kinetic mail: a block only WebKit clients show (-webkit-min-device-pixel-ratio)",
                fr: "Un e-mail interactif : un bloc que seuls les logiciels WebKit affichent (-webkit-min-device-pixel-ratio)",
                es: "Correo interactivo: un bloque que solo muestran los clientes WebKit (-webkit-min-device-pixel-ratio)",
                pl: "Poczta interaktywna: blok widoczny tylko w programach WebKit (-webkit-min-device-pixel-ratio)",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: News\nContent-Type: text/html\n\n<style>.kin { display: none; max-height: 0; overflow: hidden } @media screen and (-webkit-min-device-pixel-ratio: 0) { .kin { display: block !important; max-height: none !important } .fb { display: none !important } }</style><p>Hello, here is our news.</p><div class=\"kin\">Light roast: bright and fruity.</div><div class=\"fb\">See both roasts on our site.</div>\n"),
        ),
        Example::passes(
            title! {
                en: "Gradient text: a transparent fill over a gradient clipped to the text",
                fr: "Un texte en dégradé : un remplissage transparent sur un dégradé découpé au texte",
                es: "Texto en degradado: un relleno transparente sobre un degradado recortado al texto",
                pl: "Tekst z gradientem: przezroczyste wypełnienie nad gradientem przyciętym do tekstu",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: News\nContent-Type: text/html\n\n<h1 style=\"background:linear-gradient(90deg, #e91e63, #3f51b5);-webkit-background-clip:text;-webkit-text-fill-color:transparent\">Spring sale</h1><p>Hello</p>\n"),
        ),
        Example::passes(
            title! {
                en: "A small rotation and a slide-in offset do not hide",
                fr: "Une petite rotation et un léger décalage ne masquent rien",
                es: "Una pequeña rotación y un ligero desplazamiento no ocultan nada",
                pl: "Mały obrót i lekkie przesunięcie niczego nie ukrywają",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: News\nContent-Type: text/html\n\n<p>Hello</p><p style=\"transform:rotate(-3deg) translateX(-20px) scale(0.9)\">New arrivals</p>\n"),
        ),
        Example::passes(
            title! {
                en: "A tracking pixel",
                fr: "Un pixel de suivi",
                es: "Un píxel de seguimiento",
                pl: "Piksel śledzący",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: News\nContent-Type: text/html\n\n<p>Hello</p><img src=\"https://t.example.com/open.gif\" width=\"1\" height=\"1\" alt=\"\" style=\"display:block\">\n"),
        ),
        Example::passes(
            title! {
                en: "A :hover colour never applies to the message as opened",
                fr: "Une couleur :hover ne s'applique jamais au message tel qu'il s'ouvre",
                es: "Un color :hover nunca se aplica al mensaje tal como se abre",
                pl: "Kolor :hover nigdy nie dotyczy otwartej wiadomości",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: News\nContent-Type: text/html\n\n<style>p:hover { color: #fff }</style><p>Hello</p>\n"),
        ),
        Example::passes(
            title! {
                en: "Print-only and mobile rules do not describe the default view",
                fr: "Les règles pour l'impression et le mobile ne décrivent pas l'affichage par défaut",
                es: "Las reglas solo para impresión y móvil no describen la vista por defecto",
                pl: "Reguły tylko do druku i dla telefonów nie opisują widoku domyślnego",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: News\nContent-Type: text/html\n\n<style>@media print { p { color: #fff } } @media (max-width: 480px) { p { display: none } }</style><p>Hello</p>\n"),
        ),
        Example::passes(
            title! {
                en: "A gradient background is not judged",
                fr: "Un fond en dégradé n'est pas jugé",
                es: "Un fondo degradado no se juzga",
                pl: "Tło z gradientem nie jest oceniane",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: News\nContent-Type: text/html\n\n<div style=\"background:linear-gradient(#000, #333)\"><p style=\"color:#fff\">Hello</p></div>\n"),
        ),
        Example::passes(
            title! {
                en: "A later declaration restores a readable colour",
                fr: "Une déclaration plus loin rétablit une couleur lisible",
                es: "Una declaración posterior restablece un color legible",
                pl: "Późniejsza deklaracja przywraca czytelny kolor",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: News\nContent-Type: text/html\n\n<p style=\"color:#fff;color:#222\">Hello</p>\n"),
        ),
    ],
    check: Check::Html(check),
};

/// Most hidden runs quoted in one finding.
const MAX_QUOTED_RUNS: usize = 10;

fn words_of<'t>(texts: impl Iterator<Item = &'t str>) -> String {
    texts.take(MAX_QUOTED_RUNS).collect::<Vec<_>>().join(" · ")
}

fn readable(text: &str) -> bool {
    text.chars().any(unicode::is_alphanumeric)
}

fn check(message: &Message, cx: &mut Context) {
    let min_contrast = cx.settings.number(&INVISIBLE_MIN_CONTRAST);
    // The HTML views (AMP, Apple Watch) are shown to their readers as they are.
    for html in crate::rules::reading::html_documents(message) {
        let facts = &html.facts;
        let describe = |source: Option<SourceId>| facts.describe(source);
        // An empty source: nothing in the HTML sets it, the mail client's default applies.
        let shown = |source: &str| if source.is_empty() { "(default)".to_string() } else { source.to_string() };
        let with_source = |msg: Msg, name: &'static str, source: &str| {
            if source.is_empty() {
                msg.label(name, &DEFAULT_SOURCE)
            } else {
                msg.text(name, source)
            }
        };
        // Same colour as the background, grouped by where the two colours come from.
        // An honest preheader is not reported; an unknown background is not judged.
        // Sources are compared as written: ten `<td bgcolor="#fff">` are one place.
        let mut groups: Vec<((String, String), Vec<&TextRun>)> = Vec::new();
        for run in facts.runs.iter().filter(|r| readable(&r.text) && r.in_background_colour(min_contrast)) {
            let key = (describe(run.color_source), describe(run.background_source));
            match groups.iter_mut().find(|g| g.0 == key) {
                Some(group) => group.1.push(run),
                None => groups.push((key, vec![run])),
            }
        }
        for ((color_source, background_source), runs) in &groups {
            let first = runs[0];
            let background = first.background.unwrap_or(Rgba::WHITE);
            let words = words_of(runs.iter().map(|r| r.text.as_str()));
            let msg = Msg::of(&SAME_COLOUR)
                .text("color", first.color.hex())
                .text("background", background.hex())
                .float("contrast", first.color.contrast(background))
                .float("limit", min_contrast)
                .text("words", words.clone());
            let msg = with_source(with_source(msg, "colorSource", color_source), "backgroundSource", background_source);
            cx.emit(
                Draft::new(msg)
                .evidence(format!("{} / {}: {words}", shown(color_source), shown(background_source)))
                .at(element_location(message, html, first.tag)),
            );
        }
        // Hidden by CSS, one entry per hiding element, grouped by the declaration that hides.
        let mut hidden: Vec<((HiddenMeans, String), Vec<&HiddenText>)> = Vec::new();
        for entry in facts.hidden.iter().filter(|h| h.honest.is_none() && readable(&h.words)) {
            let key = (entry.means, facts.describe(entry.source));
            match hidden.iter_mut().find(|g| g.0 == key) {
                Some(group) => group.1.push(entry),
                None => hidden.push((key, vec![entry])),
            }
        }
        for ((means, source), entries) in &hidden {
            let source = match source {
                s if s.is_empty() => format!("<{}>", entries[0].element),
                s => s.clone(),
            };
            let words = words_of(entries.iter().map(|h| h.words.as_str()));
            let draft = Draft::new(
                Msg::of(&HIDDEN)
                    .text("css", means.css())
                    .text("source", source.clone())
                    .text("words", words.clone())
                    .int("count", entries.len()),
            )
            .evidence(format!("{source}: {words}"))
            .at(element_location(message, html, entries[0].tag));
            // A 0–1px font is the classic trick; the other means also hide
            // accessible labels and the like in legitimate mail: a warning.
            cx.emit(if *means == HiddenMeans::TinyFont { draft } else { draft.severity(Severity::Warning).score(scores::INVISIBLE_TEXT_HIDDEN) });
        }
        // The style sheets' limits (`model::html::sheet`): what was not read may hide text.
        if let Some(cut) = facts.style_cut {
            let msg = match cut.by {
                StyleLimit::Bytes => Msg::of(&STYLE_TOO_LONG).int("limit", cut.limit),
                StyleLimit::Rules => Msg::of(&STYLE_TOO_MANY_RULES).int("limit", cut.limit).int("count", cut.selectors_left_out),
            };
            cx.emit(
                Draft::new(msg)
                    .evidence(format!("style sheets cut at {} {}", cut.limit, match cut.by {
                        StyleLimit::Bytes => "bytes",
                        StyleLimit::Rules => "rules",
                    }))
                    .at(part_location(message, html.part))
                    .severity(Severity::Warning)
                    .score(scores::HTML_TRUNCATED)
                    .fix(Msg::of(&FIX_SHORTEN_STYLE)),
            );
        }
        if facts.ignored_selectors > 0 {
            cx.emit(
                Draft::new(
                    Msg::of(&STYLE_SELECTORS_IGNORED)
                        .int("count", facts.ignored_selectors)
                        .int("parts", sheet::MAX_SELECTOR_COMPONENTS)
                        .int("levels", sheet::MAX_CSS_NESTING),
                )
                .evidence(format!("{} selectors not applied", facts.ignored_selectors))
                .at(part_location(message, html.part))
                .severity(Severity::Info)
                .fix(Msg::of(&FIX_SHORTEN_STYLE)),
            );
        }
        if let Some(cut) = facts.truncated {
            let id = match cut.by {
                TruncatedBy::Depth => &TOO_DEEP,
                TruncatedBy::Elements => &TOO_MANY_ELEMENTS,
                TruncatedBy::Attributes => &TOO_MANY_ATTRIBUTES,
                TruncatedBy::Names => &TOO_MANY_NAMES,
                TruncatedBy::Steps => &TOO_MUCH_WORK,
                TruncatedBy::DerivedBytes => &TOO_MUCH_TEXT,
            };
            cx.emit(
                Draft::new(
                    Msg::of(id)
                        .int("limit", cut.limit)
                        .int("analysed", cut.analysed_bytes)
                        .int("total", cut.total_bytes),
                )
                .evidence(format!("analysed {} of {} bytes of HTML", cut.analysed_bytes, cut.total_bytes))
                .at(part_location(message, html.part))
                .severity(Severity::Warning)
                .score(scores::HTML_TRUNCATED)
                .fix(Msg::of(&FIX_SIMPLIFY)),
            );
        }
    }
}
