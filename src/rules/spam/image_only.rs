//! `spam/image-only`: the guides list "the e-mail contains just an image over
//! 1 MB and a few words" among the things that get a mail flagged as spam.
//! The image size is its decoded size: an attached image, an inline `cid:`
//! image, or a `data:` URI in the HTML. The images are summed: one picture
//! sliced into pieces is the same message. Words drawn in their background's
//! colour are not "words" the reader sees (as `spam/invisible-text` reads them).

use super::{element_location, part_location};
use crate::text::count_words;
use crate::i18n::{Localized, Msg};
use crate::model::Message;
use crate::report::{Location, Severity};
use crate::rules::links::percent_decode;
use crate::rules::{Check, Context, Draft, Example, ExampleInput, Group, Rule};
use crate::settings::{Evidence, Kind, Threshold};
use crate::title;

crate::rule_texts! { "spam/image-only";
    summary => {
        en: "The message is an image over 1 MB with only a few words.",
        fr: "Le message se résume à une image de plus de 1 Mo et quelques mots.",
        es: "El mensaje se reduce a una imagen de más de 1 MB y unas pocas palabras.",
        pl: "Wiadomość to obraz większy niż 1 MB i kilka słów.",
    },
    why => {
        en: "The hosting guides list \"the e-mail contains just an image over 1 MB and a few words\" among the things that make an e-mail look like spam: spammers put their text in images so filters cannot read it.",
        fr: "Les guides de l'hébergeur citent « l'e-mail contient juste une image de taille supérieure à 1 Mo et quelques mots » parmi les usages à éviter : les spammeurs mettent leur texte dans des images pour que les filtres ne puissent pas le lire.",
        es: "Las guías del alojamiento citan «el mensaje solo contiene una imagen de más de 1 MB y unas pocas palabras» entre los usos que se deben evitar: los spammers ponen su texto en imágenes para que los filtros no puedan leerlo.",
        pl: "Przewodniki hostingu wymieniają „e-mail zawiera tylko obraz wielkości powyżej 1 MB i kilka słów” wśród sposobów, których należy unikać: spamerzy umieszczają tekst w obrazach, aby filtry nie mogły go odczytać.",
    },
    fix => {
        en: "Write the message as text and keep images as illustrations: compress the image under 1 MB, or link to it on your site.",
        fr: "Rédigez le message en texte et gardez les images comme illustrations : compressez l'image sous 1 Mo ou mettez un lien vers elle sur votre site.",
        es: "Escriba el mensaje como texto y use las imágenes como ilustración: comprima la imagen por debajo de 1 MB o enlácela desde su sitio.",
        pl: "Napisz wiadomość tekstem, a obrazy traktuj jako ilustracje: skompresuj obraz poniżej 1 MB albo podlinkuj go ze swojej strony.",
    },
    LARGE_IMAGES "large-images" => {
        en: "The message's {count, plural, one {# image weighs} other {# images weigh}} {size} together (over {limit}; the largest, {image}, is {largest}) and the message shows only {words, plural, one {# word} other {# words}} (fewer than {maxWords}).",
        fr: "{count, plural, one {L'image du message pèse} many {Les # d'images du message pèsent} other {Les # images du message pèsent}} {size} au total (plus de {limit} ; la plus grande, {image}, fait {largest}) et le message n'affiche que {words, plural, one {# mot} many {# de mots} other {# mots}} (moins de {maxWords}).",
        es: "{count, plural, one {La imagen del mensaje ocupa} many {Las # de imágenes del mensaje ocupan} other {Las # imágenes del mensaje ocupan}} {size} en total (más de {limit}; la mayor, {image}, ocupa {largest}) y el mensaje solo muestra {words, plural, one {# palabra} many {# de palabras} other {# palabras}} (menos de {maxWords}).",
        pl: "{count, plural, one {# obraz wiadomości waży} few {# obrazy wiadomości ważą} many {# obrazów wiadomości waży} other {# obrazu wiadomości waży}} razem {size} (ponad {limit}; największy, {image}, ma {largest}), a wiadomość wyświetla tylko {words, plural, one {# słowo} few {# słowa} many {# słów} other {# słowa}} (mniej niż {maxWords}).",
    },
    LARGE_IMAGE "large-image" => {
        en: "The image {image} is {size} (over {limit}) and the message shows only {words, plural, one {# word} other {# words}} (fewer than {maxWords}).",
        fr: "L'image {image} fait {size} (plus de {limit}) et le message n'affiche que {words, plural, one {# mot} many {# de mots} other {# mots}} (moins de {maxWords}).",
        es: "La imagen {image} ocupa {size} (más de {limit}) y el mensaje solo muestra {words, plural, one {# palabra} many {# de palabras} other {# palabras}} (menos de {maxWords}).",
        pl: "Obraz {image} ma {size} (ponad {limit}), a wiadomość wyświetla tylko {words, plural, one {# słowo} few {# słowa} many {# słów} other {# słowa}} (mniej niż {maxWords}).",
    },
}

/// Decoded size over which an image is large, in bytes.
pub const IMAGE_ONLY_MIN_BYTES: Threshold = Threshold {
    key: "spam.imageOnlyMinBytes",
    kind: Kind::Int { default: 1_000_000, min: 1, max: 1_000_000_000 },
    doc: Localized {
        en: "Decoded size over which an image is large, in bytes.",
        fr: "Taille décodée au-delà de laquelle une image est grande, en octets.",
        es: "Tamaño decodificado por encima del cual una imagen es grande, en bytes.",
        pl: "Rozmiar po zdekodowaniu, powyżej którego obraz jest duży, w bajtach.",
    },
    evidence: Evidence::Guide("seed 002 (fr) l. 170: « une image de taille supérieure à 1 Mo et quelques mots »"),
};

/// Fewer visible words than this is \"a few words\".
pub const IMAGE_ONLY_MAX_WORDS: Threshold = Threshold {
    key: "spam.imageOnlyMaxWords",
    kind: Kind::Int { default: 30, min: 0, max: 100_000 },
    doc: Localized {
        en: "Fewer visible words than this is \"a few words\".",
        fr: "Moins de mots visibles que ce nombre, c'est « quelques mots ».",
        es: "Menos palabras visibles que este número es «unas pocas palabras».",
        pl: "Mniej widocznych słów niż ta liczba to „kilka słów”.",
    },
    evidence: Evidence::Ours("30 words: a sentence or two, the guides say only \"a few words\""),
};

pub const RULE: Rule = Rule {
    id: ID,
    group: Group::Spam,
    severity: Severity::Warning,
    evidence: &[Evidence::Guide(
        "seed 002 (fr) l. 170: « L'e-mail contient juste une image de taille supérieure à 1 Mo et quelques mots »",
    )],
    score: crate::rules::scores::IMAGE_ONLY,
    texts: &TEXTS,
    thresholds: &[&IMAGE_ONLY_MIN_BYTES, &IMAGE_ONLY_MAX_WORDS, &super::invisible_text::INVISIBLE_MIN_CONTRAST],
    examples: &[
        Example::fails(
            title! {
                en: "A 1.2 MB inline image shown with three words",
                fr: "Une image intégrée de 1,2 Mo affichée avec trois mots",
                es: "Una imagen incrustada de 1,2 MB mostrada con tres palabras",
                pl: "Osadzony obraz 1,2 MB wyświetlony z trzema słowami",
            },
            ExampleInput::Generated(big_inline_image),
        ),
        Example::fails(
            title! {
                en: "A 1.2 MB attached image and no text",
                fr: "Une image jointe de 1,2 Mo et aucun texte",
                es: "Una imagen adjunta de 1,2 MB y ningún texto",
                pl: "Załączony obraz 1,2 MB i żadnego tekstu",
            },
            ExampleInput::Generated(big_attached_image),
        ),
        Example::fails(
            title! {
                en: "A 1.1 MB data: URI image in the HTML",
                fr: "Une image de 1,1 Mo en URI data: dans le HTML",
                es: "Una imagen de 1,1 MB como URI data: en el HTML",
                pl: "Obraz 1,1 MB jako URI data: w HTML",
            },
            ExampleInput::Generated(big_data_uri),
        ),
        Example::fails(
            title! {
                en: "One picture sliced into two images of 600 KB",
                fr: "Une image découpée en deux images de 600 Ko",
                es: "Una imagen cortada en dos imágenes de 600 KB",
                pl: "Jeden obraz pocięty na dwa obrazy po 600 KB",
            },
            ExampleInput::Generated(two_halves),
        ),
        Example::fails(
            title! {
                en: "Padding words in white on white do not count as text",
                fr: "Des mots de remplissage en blanc sur blanc ne comptent pas comme du texte",
                es: "Las palabras de relleno en blanco sobre blanco no cuentan como texto",
                pl: "Słowa-wypełniacze białe na białym nie liczą się jako tekst",
            },
            ExampleInput::Generated(white_padding),
        ),
        Example::passes(
            title! {
                en: "The same image with a real text of 40 words",
                fr: "La même image avec un vrai texte de 40 mots",
                es: "La misma imagen con un texto real de 40 palabras",
                pl: "Ten sam obraz z prawdziwym tekstem z 40 słów",
            },
            ExampleInput::Generated(big_image_with_text),
        ),
        Example::passes(
            title! {
                en: "A small logo and a short text",
                fr: "Un petit logo et un texte court",
                es: "Un logotipo pequeño y un texto corto",
                pl: "Małe logo i krótki tekst",
            },
            ExampleInput::Generated(small_image),
        ),
    ],
    check: Check::Message(check),
};

const IMAGE_BYTES: usize = 1_200_000;

fn image_message(html: &str, disposition: &str, bytes: usize) -> Vec<u8> {
    let base64_line = "A".repeat(76);
    let lines = bytes.div_ceil(57);
    let mut raw = format!(
        "From: a@example.com\nTo: b@example.com\nSubject: Our offer\nMIME-Version: 1.0\nContent-Type: multipart/related; boundary=B\n\n--B\nContent-Type: text/html; charset=utf-8\n\n{html}\n--B\nContent-Type: image/jpeg; name=offer.jpg\nContent-Disposition: {disposition}; filename=offer.jpg\nContent-ID: <offer@example.com>\nContent-Transfer-Encoding: base64\n\n"
    );
    for _ in 0..lines {
        raw.push_str(&base64_line);
        raw.push('\n');
    }
    raw.push_str("--B--\n");
    raw.into_bytes()
}

fn big_inline_image() -> Vec<u8> {
    image_message("<p>Click for details</p><img src=\"cid:offer@example.com\">", "inline", IMAGE_BYTES)
}

fn big_attached_image() -> Vec<u8> {
    image_message("<div></div>", "attachment", IMAGE_BYTES)
}

fn big_image_with_text() -> Vec<u8> {
    let text = "This month we present the new season of our catalogue with photos of every product, prices, sizes and the dates of the shop's opening hours during the holidays, plus a word from the team about what changes for deliveries.";
    image_message(&format!("<p>{text}</p><img src=\"cid:offer@example.com\">"), "inline", IMAGE_BYTES)
}

fn two_halves() -> Vec<u8> {
    let half = "A".repeat(76).repeat(IMAGE_BYTES / 2 / 57 + 1);
    let mut raw = String::from("From: a@example.com\nTo: b@example.com\nSubject: Our offer\nMIME-Version: 1.0\nContent-Type: multipart/related; boundary=B\n\n--B\nContent-Type: text/html; charset=utf-8\n\n<p>Click for details</p><img src=\"cid:top@example.com\"><img src=\"cid:bottom@example.com\">\n");
    for name in ["top", "bottom"] {
        raw.push_str(&format!("--B\nContent-Type: image/jpeg; name={name}.jpg\nContent-Disposition: inline; filename={name}.jpg\nContent-ID: <{name}@example.com>\nContent-Transfer-Encoding: base64\n\n"));
        for line in half.as_bytes().chunks(76) {
            raw.push_str(std::str::from_utf8(line).unwrap_or_default());
            raw.push('\n');
        }
    }
    raw.push_str("--B--\n");
    raw.into_bytes()
}

fn white_padding() -> Vec<u8> {
    let padding = "garden weekend family regards thanks attached invoice report quarterly agenda meeting ".repeat(5);
    image_message(&format!("<p>Click for details</p><img src=\"cid:offer@example.com\"><p style=\"color:#ffffff\">{padding}</p>"), "inline", IMAGE_BYTES)
}

fn big_data_uri() -> Vec<u8> {
    // 1,500,000 base64 characters decode to 1,125,000 bytes; the HTML part is
    // quoted-printable so no line is over 998 octets.
    let payload = "QUFB".repeat(375_000);
    let html = format!("<p>Our offer</p><img src=\"data:image/png;base64,{payload}\">");
    let mut encoded = String::new();
    for chunk in html.as_bytes().chunks(70) {
        for &b in chunk {
            if b == b'=' {
                encoded.push_str("=3D");
            } else {
                encoded.push(b as char);
            }
        }
        encoded.push_str("=\n");
    }
    format!("From: a@example.com\nTo: b@example.com\nSubject: Our offer\nMIME-Version: 1.0\nContent-Type: text/html; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\n{encoded}\n").into_bytes()
}

fn small_image() -> Vec<u8> {
    image_message("<p>Our logo</p><img src=\"cid:offer@example.com\">", "inline", 20_000)
}

/// An image and its decoded size.
struct SizedImage {
    name: String,
    /// How a part with no file name is named in the finding, in the reader's language.
    unnamed: Option<Msg>,
    bytes: u64,
    location: Location,
}

/// Decoded size of a `data:` URI's payload (base64 or percent-encoded).
fn data_uri_size(src: &str) -> Option<u64> {
    let rest = src.get(5..)?;
    let (meta, payload) = rest.split_once(',')?;
    if meta.to_ascii_lowercase().ends_with(";base64") {
        let chars = payload.bytes().filter(|b| b.is_ascii_alphanumeric() || *b == b'+' || *b == b'/').count();
        Some((chars as u64) * 3 / 4)
    } else {
        Some(payload.len() as u64)
    }
}

fn images(message: &Message) -> Vec<SizedImage> {
    let mut out = Vec::new();
    let mut referenced = Vec::new();
    for html in &message.html {
        for image in &html.facts.images {
            let src = image.src.trim();
            if src.len() > 4 && src.as_bytes()[..4].eq_ignore_ascii_case(b"cid:") {
                // RFC 2392 §2: a cid URL is the Content-ID, percent-encoded.
                let id = percent_decode(&src[4..]);
                let part = message.parts.iter().find(|p| p.content_id.as_deref() == Some(id.as_str()));
                // One part shown twice is one image.
                if let Some(part) = part.filter(|p| !referenced.contains(&p.index)) {
                    referenced.push(part.index);
                    out.push(SizedImage {
                        name: part.filename.clone().unwrap_or_else(|| src.to_string()),
                        unnamed: None,
                        bytes: part.decoded_len() as u64,
                        location: part_location(message, part.index),
                    });
                }
            } else if src.len() > 5 && src.as_bytes()[..5].eq_ignore_ascii_case(b"data:") {
                if let Some(bytes) = data_uri_size(src) {
                    let name: String = src.chars().take(40).collect();
                    let location = element_location(message, html, image.tag);
                    out.push(SizedImage { name: format!("{name}…"), unnamed: None, bytes, location });
                }
            }
        }
    }
    for part in message.attachments() {
        if image_type(part) && !referenced.contains(&part.index) && !part.in_attached_message {
            out.push(SizedImage {
                name: part.filename.clone().unwrap_or_else(|| format!("part {} ({})", part.index, part.content_type)),
                unnamed: part.filename.is_none().then(|| {
                    Msg::new("core.report.part-type").int("part", part.index).text("type", part.content_type.clone())
                }),
                bytes: part.decoded_len() as u64,
                location: part_location(message, part.index),
            });
        }
    }
    out
}

/// Whether a part's media type is `image/*`: the attachments `images` counts.
fn image_type(part: &crate::model::Part) -> bool {
    part.content_type.starts_with("image/")
}

fn check(message: &Message, cx: &mut Context) {
    // No image shown and none attached (most messages): `images` finds none, and
    // the reading below is not called, nor compiled by V8 for such a first lint (#14).
    if message.html.iter().all(|html| html.facts.images.is_empty()) && !message.attachments().any(image_type) {
        return;
    }
    check_images(message, cx);
}

/// `check` of a message that may have images.
#[inline(never)]
fn check_images(message: &Message, cx: &mut Context) {
    // Images first: they are few, while the visible text may be megabytes long.
    let images = images(message);
    let total: u64 = images.iter().map(|i| i.bytes).sum();
    let Some(largest) = images.iter().max_by_key(|i| i.bytes) else { return };
    let min_bytes = cx.settings.int(&IMAGE_ONLY_MIN_BYTES) as u64;
    if total <= min_bytes {
        return;
    }
    let text = message.visible_text();
    // Words drawn in their background's colour pad the count for the filter, not the reader.
    let min_contrast = cx.settings.number(&super::invisible_text::INVISIBLE_MIN_CONTRAST);
    let unseen: usize = message.html.iter().map(|html| super::unseen_words(html, min_contrast)).sum();
    let words = count_words(text).saturating_sub(unseen);
    if words >= cx.settings.count(&IMAGE_ONLY_MAX_WORDS) {
        return;
    }
    // The largest image by its name, or, without one, by its part in the reader's language.
    let with_image = |msg: Msg| match &largest.unnamed {
        Some(unnamed) => msg.messages("image", vec![unnamed.nested()]),
        None => msg.text("image", largest.name.clone()),
    };
    let msg = if largest.bytes > min_bytes {
        with_image(Msg::of(&LARGE_IMAGE)).megabytes("size", largest.bytes)
    } else {
        with_image(Msg::of(&LARGE_IMAGES).int("count", images.len()).megabytes("size", total)).megabytes("largest", largest.bytes)
    };
    cx.emit(
        Draft::new(
            msg.megabytes("limit", min_bytes)
                .int("words", words)
                .int("maxWords", cx.settings.count(&IMAGE_ONLY_MAX_WORDS)),
        )
        .evidence(format!(
            "{} image(s), {total} bytes, largest {} ({} bytes); {words} word(s) seen; text: {}",
            images.len(),
            largest.name,
            largest.bytes,
            text.trim()
        ))
        .at(largest.location.clone()),
    );
}

#[cfg(test)]
mod tests {
    use crate::{Locale, Options};

    #[test]
    fn an_attached_image_without_a_name_is_named_in_the_readers_language() {
        let raw = String::from_utf8(super::big_attached_image()).expect("ASCII").replace("; name=offer.jpg", "").replace("; filename=offer.jpg", "");
        let report = crate::lint(raw.as_bytes(), &Options::default()).expect("lints");
        let message = |locale| {
            let again = crate::render_report(&report, locale);
            again.findings_of(super::ID).map(|f| f.message.clone()).collect::<Vec<_>>()
        };
        let [fr] = &message(Locale::Fr)[..] else { panic!("one finding: {:?}", message(Locale::Fr)) };
        assert!(fr.starts_with("L'image partie MIME 2 (image/jpeg) fait"), "{fr}");
        let [pl] = &message(Locale::Pl)[..] else { panic!("one finding") };
        assert!(pl.starts_with("Obraz część MIME 2 (image/jpeg) ma"), "{pl}");
    }
}
