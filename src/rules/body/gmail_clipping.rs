//! `body/gmail-clipping`: Gmail shows only the first ~102 KB of an HTML body
//! and hides the rest behind "[Message clipped] View entire message" — often
//! the unsubscribe link and the open-tracking pixel with it.

use super::html_facts::{html_bodies, links_with_offsets};
use crate::i18n::{Localized, Msg};
use crate::model::Message;
use crate::report::Severity;
use crate::rules::spam::part_location;
use crate::rules::{scores, Check, Context, Draft, Example, ExampleInput, Group, Rule};
use crate::settings::{Evidence, Kind, Threshold};
use crate::title;

crate::rule_texts! { "body/gmail-clipping";
    summary => {
        en: "The HTML body is over the size at which Gmail clips messages (about 102 kB).",
        fr: "Le corps HTML dépasse la taille à partir de laquelle Gmail coupe les messages (environ 102 ko).",
        es: "El cuerpo HTML supera el tamaño a partir del cual Gmail recorta los mensajes (unos 102 kB).",
        pl: "Treść HTML przekracza rozmiar, od którego Gmail przycina wiadomości (około 102 kB).",
    },
    why => {
        en: "Gmail displays only the first 102 kB or so of a message's HTML and hides the rest behind \"[Message clipped] View entire message\". Whatever comes after — usually the footer, the unsubscribe link and the tracking pixel — is not seen; readers who cannot find the unsubscribe link press \"Report spam\" instead.",
        fr: "Gmail n'affiche qu'environ les 102 premiers ko du HTML d'un message et masque le reste derrière « [Message tronqué] Afficher l'intégralité du message ». Ce qui suit — en général le pied de page, le lien de désabonnement et le pixel de suivi — n'est pas vu ; le lecteur qui ne trouve pas le lien de désabonnement clique sur « Signaler comme spam ».",
        es: "Gmail solo muestra unos 102 kB iniciales del HTML de un mensaje y oculta el resto tras «[Mensaje recortado] Ver todo el mensaje». Lo que viene después —normalmente el pie, el enlace de baja y el píxel de seguimiento— no se ve; quien no encuentra el enlace de baja pulsa «Denunciar spam».",
        pl: "Gmail wyświetla tylko około 102 pierwszych kB kodu HTML wiadomości, a resztę ukrywa pod „[Wiadomość przycięta] Wyświetl całą wiadomość”. To, co dalej — zwykle stopka, link wypisania i piksel śledzący — nie jest widoczne; czytelnik, który nie znajdzie linku wypisania, klika „Zgłoś spam”.",
    },
    fix => {
        en: "Shrink the HTML: remove unused CSS and comments, shorten tracking URLs, link to long content on your site; keep the unsubscribe link near the top if the message stays long.",
        fr: "Allégez le HTML : retirez le CSS inutile et les commentaires, raccourcissez les URL de suivi, renvoyez vers le contenu long sur votre site ; placez le lien de désabonnement plus haut si le message reste long.",
        es: "Aligere el HTML: quite CSS sin uso y comentarios, acorte las URL de seguimiento, enlace el contenido largo en su sitio; ponga el enlace de baja más arriba si el mensaje sigue siendo largo.",
        pl: "Odchudź HTML: usuń nieużywany CSS i komentarze, skróć adresy śledzące, odsyłaj do dłuższych treści na stronie; jeśli wiadomość pozostaje długa, umieść link wypisania wyżej.",
    },
    CLIPPED "clipped" => {
        en: "The HTML body is {size, plural, one {# byte} other {# bytes}}; Gmail clips after about {limit}.",
        fr: "Le corps HTML fait {size, plural, one {# octet} many {# d'octets} other {# octets}} ; Gmail coupe après environ {limit}.",
        es: "El cuerpo HTML tiene {size, plural, one {# byte} many {# de bytes} other {# bytes}}; Gmail recorta a partir de unos {limit}.",
        pl: "Treść HTML ma {size, plural, one {# bajt} few {# bajty} many {# bajtów} other {# bajtu}}; Gmail przycina po około {limit}.",
    },
    UNSUBSCRIBE_CUT "unsubscribe-cut" => {
        en: "The HTML body is {size, plural, one {# byte} other {# bytes}}; Gmail clips after about {limit}, and the unsubscribe link (at byte {offset}) falls after the cut.",
        fr: "Le corps HTML fait {size, plural, one {# octet} many {# d'octets} other {# octets}} ; Gmail coupe après environ {limit}, et le lien de désabonnement (à l'octet {offset}) tombe après la coupure.",
        es: "El cuerpo HTML tiene {size, plural, one {# byte} many {# de bytes} other {# bytes}}; Gmail recorta a partir de unos {limit}, y el enlace de baja (en el byte {offset}) queda tras el corte.",
        pl: "Treść HTML ma {size, plural, one {# bajt} few {# bajty} many {# bajtów} other {# bajtu}}; Gmail przycina po około {limit}, a link wypisania (bajt {offset}) znajduje się za miejscem przycięcia.",
    },
}

/// HTML bytes Gmail shows before clipping.
pub const CLIP_BYTES: Threshold = Threshold {
    key: "body.clipBytes",
    kind: Kind::Int { default: 102_000, min: 1_000, max: 100_000_000 },
    doc: Localized {
        en: "Bytes of decoded HTML after which Gmail clips the message (decimal kilobytes: the stricter reading of \"102 KB\").",
        fr: "Octets de HTML décodé au-delà desquels Gmail tronque le message (kilo-octets décimaux : la lecture la plus stricte de « 102 KB »).",
        es: "Bytes de HTML decodificado a partir de los cuales Gmail recorta el mensaje (kilobytes decimales: la lectura más estricta de «102 KB»).",
        pl: "Bajty zdekodowanego HTML, po których Gmail przycina wiadomość (kilobajty dziesiętne: surowsze odczytanie „102 KB”).",
    },
    evidence: Evidence::Measured("Gmail clips at about 102 KB of HTML: measured and documented by Email on Acid (\"Notes from the Dev: Gmail Clipping\") and Litmus; Google publishes no number"),
};

pub const RULE: Rule = Rule {
    id: ID,
    group: Group::Body,
    severity: Severity::Warning,
    evidence: &[
        Evidence::Measured("Email on Acid, Gmail clipping: \"When a message is more than 102kb, it's very likely that Gmail will truncate the content\"; shkspr.mobi (2019): a newsletter \"cut off just before the unsubscribe link\""),
        Evidence::Receiver("Gmail Email sender guidelines: subscribed messages must \"include a clearly visible unsubscribe link in the message body\""),
    ],
    score: scores::NONE,
    texts: &TEXTS,
    thresholds: &[&CLIP_BYTES],
    examples: &[
        Example::fails(
            title! {
                en: "A 120 kB newsletter whose unsubscribe link is in the footer",
                fr: "Une lettre de 120 ko dont le lien de désabonnement est dans le pied de page",
                es: "Un boletín de 120 kB con el enlace de baja en el pie",
                pl: "Newsletter 120 kB z linkiem wypisania w stopce",
            },
            ExampleInput::Generated(long_newsletter),
        ),
        Example::passes(
            title! {
                en: "A short HTML message",
                fr: "Un message HTML court",
                es: "Un mensaje HTML corto",
                pl: "Krótka wiadomość HTML",
            },
            ExampleInput::Raw("From: news@my-site.example\nTo: b@example.org\nSubject: News\nContent-Type: text/html; charset=utf-8\n\n<p>Hello</p><p><a href=\"https://my-site.example/u\">Unsubscribe</a></p>\n"),
        ),
    ],
    check: Check::Html(check),
};

fn long_newsletter() -> Vec<u8> {
    let mut html = String::from("<html><body>");
    for i in 0..1_200 {
        html.push_str(&format!(
            "<p style=\"margin:0 0 12px 0;font-family:Arial\">Article {i}: news of the week for our readers.</p>\n"
        ));
    }
    html.push_str("<p><a href=\"https://my-site.example/unsubscribe?id=42\">Unsubscribe</a></p></body></html>");
    format!("From: news@my-site.example\r\nTo: b@example.org\r\nSubject: News\r\nMIME-Version: 1.0\r\nContent-Type: text/html; charset=utf-8\r\n\r\n{html}\r\n")
        .into_bytes()
}

/// Words of unsubscribe links in the guides' languages and English.
const UNSUBSCRIBE_WORDS: &[&str] = &[
    "unsubscribe",
    "opt-out",
    "opt out",
    "désabonner",
    "désinscri",
    "desabonner",
    "desinscri",
    "darse de baja",
    "darme de baja",
    "cancelar suscripci",
    "wypisz",
    "wypisanie",
    "rezygnacja",
    "abmelden",
];

fn check(message: &Message, cx: &mut Context) {
    let limit = cx.settings.count(&CLIP_BYTES);
    let header_uris = &message.identity.unsubscribe.uris;
    for body in html_bodies(message) {
        let size = body.html.len();
        if size <= limit {
            continue;
        }
        let joined: Vec<String> = UNSUBSCRIBE_WORDS.iter().map(|w| w.replace(' ', "")).collect();
        let text_words = Words::new(UNSUBSCRIBE_WORDS.iter().copied());
        let href_words = Words::new(joined.iter().map(String::as_str));
        let mut lowered = String::new();
        let unsubscribe = links_with_offsets(&body)
            .into_iter()
            .filter(|(href, text, _)| {
                header_uris.iter().any(|u| u == href)
                    || text_words.in_lowercased(text, &mut lowered)
                    || href_words.in_lowercased(href, &mut lowered)
            })
            .filter_map(|(href, _, offset)| offset.map(|offset| (offset, href)))
            .min();
        // The unsubscribe link past the cut, or the HTML where Gmail cuts it.
        let (msg, quoted) = match unsubscribe {
            Some((offset, href)) if offset > limit => (Msg::of(&UNSUBSCRIBE_CUT).int("offset", offset), href.to_string()),
            _ => (Msg::of(&CLIPPED), clipped_at(body.html, limit)),
        };
        let draft = Draft::new(msg.int("size", size).int("limit", limit)).evidence(quoted);
        cx.emit(draft.at(part_location(message, body.part)));
    }
}

/// Lowercase words looked for in the lowercase form of texts (link texts and
/// addresses: many in a long message). A text is lowercased once for all of
/// them, ASCII without a search of the case tables (searching each word
/// ignoring case was most of this rule's time), then read once: at each byte,
/// only the words starting with that byte are compared (a searcher a word, each
/// set up and run over the text, took 6 % of a 10 MB message of links in Node, #14).
struct Words<'w> {
    /// The words, in the order of their first bytes.
    sorted: Vec<&'w [u8]>,
    /// `sorted[starts[b]..starts[b + 1]]`: the words whose first byte is `b`.
    starts: [usize; 257],
    /// An empty word is in every text.
    empty: bool,
    /// Bit `a * 256 + b` set: a word starts with the bytes `a`, `b`. Most
    /// bytes of a text start no word of two bytes or more, and are passed on
    /// one look at this table (#14, callgrind: the words of each first byte
    /// compared at each byte were 43.2 M instructions of the 10 MB
    /// newsletter's lint, 36,360 link texts and addresses; 31.8 M with it).
    pairs: Vec<u64>,
    /// The words of one byte, by that byte.
    single: [bool; 256],
}

impl<'w> Words<'w> {
    fn new(words: impl Iterator<Item = &'w str>) -> Words<'w> {
        let words: Vec<&[u8]> = words.map(str::as_bytes).collect();
        let mut sorted = Vec::with_capacity(words.len());
        let mut starts = [0; 257];
        for (b, start) in (0..=u8::MAX).zip(starts.iter_mut()) {
            *start = sorted.len();
            sorted.extend(words.iter().filter(|w| w.first() == Some(&b)));
        }
        starts[256] = sorted.len();
        let (mut pairs, mut single) = (vec![0u64; 65_536 / 64], [false; 256]);
        for word in &words {
            match **word {
                [] => {}
                [b] => single[usize::from(b)] = true,
                [a, b, ..] => {
                    let pair = usize::from(a) << 8 | usize::from(b);
                    if let Some(bits) = pairs.get_mut(pair >> 6) {
                        *bits |= 1 << (pair & 63);
                    }
                }
            }
        }
        Words { sorted, starts, empty: words.iter().any(|w| w.is_empty()), pairs, single }
    }

    /// Whether `text.to_lowercase()` contains one of the words (`lowered` is a
    /// buffer kept from one text to the next).
    fn in_lowercased(&self, text: &str, lowered: &mut String) -> bool {
        lowered.clear();
        if text.is_ascii() {
            lowered.push_str(text);
            lowered.make_ascii_lowercase();
        } else {
            lowered.push_str(&text.to_lowercase());
        }
        let bytes = lowered.as_bytes();
        self.empty
            || bytes.iter().enumerate().any(|(at, &b)| {
                if self.single[usize::from(b)] {
                    return true;
                }
                let Some(&next) = bytes.get(at + 1) else { return false };
                let pair = usize::from(b) << 8 | usize::from(next);
                if self.pairs.get(pair >> 6).is_none_or(|bits| bits & (1 << (pair & 63)) == 0) {
                    return false;
                }
                let (from, to) = (self.starts[usize::from(b)], self.starts[usize::from(b) + 1]);
                let rest = bytes.get(at..).unwrap_or_default();
                self.sorted.get(from..to).unwrap_or_default().iter().any(|word| rest.starts_with(word))
            })
    }
}

/// Characters of the HTML quoted from where Gmail cuts it (ours).
const QUOTED_CUT_CHARS: usize = 80;

/// The HTML from byte `limit` on, where the clipped part starts (at a character boundary).
fn clipped_at(html: &str, limit: usize) -> String {
    let mut start = limit.min(html.len());
    while !html.is_char_boundary(start) {
        start -= 1;
    }
    html[start..].chars().take(QUOTED_CUT_CHARS).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_found_as_in_the_lowercased_text() {
        let texts = [
            "Unsubscribe", "UNSUBSCRIBE here", "click to unsub", "Se DÉSABONNER", "désinscription", "Darse de BAJA",
            "opt-OUT", "Opt Out", "WYPISZ SIĘ", "", "u", "https://x.example/Unsubscribe?id=1", "https://x.example/DarseDeBaja",
            "İ unsubscribe", "\u{212A}", "abmeldenabmelden", "Abmelde", "unsubscrib", "xunsubscribe", "opt-opt out",
            "désdésabonner", "darse de bajadarme de", "cancelar suscripcion", "WYPISANIE.", "a", "rezygnacj",
        ];
        let mut words: Vec<String> = UNSUBSCRIBE_WORDS.iter().map(|w| w.to_string()).collect();
        words.extend(UNSUBSCRIBE_WORDS.iter().map(|w| w.replace(' ', "")));
        words.push("k".to_string());
        words.push(String::new());
        words.push("ésa".to_string());
        words.push("ę".to_string());
        let mut lowered = String::new();
        for text in texts {
            for word in &words {
                let one = Words::new(std::iter::once(word.as_str()));
                assert_eq!(one.in_lowercased(text, &mut lowered), text.to_lowercase().contains(word.as_str()), "{text:?} {word:?}");
            }
            let all = Words::new(words.iter().map(String::as_str));
            let any = words.iter().any(|word| text.to_lowercase().contains(word.as_str()));
            assert_eq!(all.in_lowercased(text, &mut lowered), any, "{text:?}");
        }
    }
}
