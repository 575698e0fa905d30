//! `headers/charset`: RFC 2046 §4.1.2: a text part without a charset
//! parameter is US-ASCII. Non-ASCII text without a declared charset is shown
//! with whatever the reader guesses: accented letters turn into garbage.

use crate::i18n::Msg;
use crate::model::Message;
use crate::report::{Location, Severity};
use crate::rules::{Check, Context, Draft, Example, ExampleInput, Group, Rule};
use crate::settings::Evidence;
use crate::title;

crate::rule_texts! { "headers/charset";
    summary => {
        en: "A text part has non-ASCII characters but no charset parameter.",
        fr: "Une partie texte contient des caractères non ASCII mais pas de paramètre charset.",
        es: "Una parte de texto tiene caracteres no ASCII pero no tiene parámetro charset.",
        pl: "Część tekstowa zawiera znaki spoza ASCII, ale nie ma parametru charset.",
    },
    why => {
        en: "RFC 2046 §4.1.2: a text part without charset is US-ASCII. Readers must guess the real one, and accented letters turn into garbage for many recipients.",
        fr: "RFC 2046 §4.1.2 : une partie texte sans charset est en US-ASCII. Les lecteurs doivent deviner le vrai jeu de caractères, et les lettres accentuées deviennent illisibles chez beaucoup de destinataires.",
        es: "RFC 2046 §4.1.2: una parte de texto sin charset es US-ASCII. Los lectores deben adivinar el real, y las letras acentuadas se vuelven ilegibles para muchos destinatarios.",
        pl: "RFC 2046 §4.1.2: część tekstowa bez charset to US-ASCII. Czytniki muszą zgadywać faktyczne kodowanie, a litery z diakrytykami stają się u wielu odbiorców nieczytelne.",
    },
    fix => {
        en: "Declare the charset: Content-Type: text/html; charset=UTF-8 (RFC 2046 §4.1.2).",
        fr: "Déclarez le jeu de caractères : Content-Type: text/html; charset=UTF-8 (RFC 2046 §4.1.2).",
        es: "Declare el juego de caracteres: Content-Type: text/html; charset=UTF-8 (RFC 2046 §4.1.2).",
        pl: "Zadeklaruj kodowanie znaków: Content-Type: text/html; charset=UTF-8 (RFC 2046 §4.1.2).",
    },
    MISSING "missing" => {
        en: "This {type} part has {count, plural, one {# non-ASCII byte} other {# non-ASCII bytes}} and no charset.",
        fr: "Cette partie {type} contient {count, plural, one {# octet non ASCII} many {# d'octets non ASCII} other {# octets non ASCII}} et pas de charset.",
        es: "Esta parte {type} tiene {count, plural, one {# byte no ASCII} many {# de bytes no ASCII} other {# bytes no ASCII}} y no tiene charset.",
        pl: "Ta część {type} zawiera {count, plural, one {# bajt spoza ASCII} few {# bajty spoza ASCII} many {# bajtów spoza ASCII} other {# bajta spoza ASCII}} i nie ma charset.",
    },
}

pub const RULE: Rule = Rule {
    id: ID,
    group: Group::Headers,
    severity: Severity::Info,
    evidence: &[
        Evidence::Receiver("rspamd R_MISSING_CHARSET scores it 0.5: readers guess the charset, at worst some letters show wrong (info)"),
        Evidence::Rfc("RFC 2046 §4.1.2: a text part without a charset parameter is US-ASCII"),
    ],
    score: crate::rules::scores::NONE,
    texts: &TEXTS,
    thresholds: &[],
    examples: &[
        Example::fails(
            title! {
                en: "UTF-8 text/plain without charset",
                fr: "Du text/plain UTF-8 sans charset",
                es: "text/plain en UTF-8 sin charset",
                pl: "text/plain w UTF-8 bez charset",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Hi\nMIME-Version: 1.0\nContent-Type: text/plain\nContent-Transfer-Encoding: 8bit\n\nCaf\u{e9} ouvert\n"),
        ),
        Example::fails(
            title! {
                en: "A PHP HTML mail with accents and no Content-Type charset",
                fr: "Un e-mail HTML envoyé par PHP avec des accents et sans charset dans Content-Type",
                es: "Un correo HTML enviado con PHP con acentos y sin charset en Content-Type",
                pl: "Wiadomość HTML z PHP ze znakami diakrytycznymi i bez charset w Content-Type",
            },
            ExampleInput::PhpMail { to: "b@example.com", subject: "Hi", message: "<p>R\u{e9}servation confirm\u{e9}e</p>", headers: "From: a@example.com\r\nMIME-Version: 1.0\r\nContent-Type: text/html" },
        ),
        Example::passes(
            title! {
                en: "UTF-8 text with charset",
                fr: "Du texte UTF-8 avec charset",
                es: "Texto UTF-8 con charset",
                pl: "Tekst UTF-8 z charset",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Hi\nMIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\nCaf\u{e9} ouvert\n"),
        ),
        Example::passes(
            title! {
                en: "ASCII text without charset",
                fr: "Un texte ASCII sans charset",
                es: "Texto ASCII sin charset",
                pl: "Tekst ASCII bez charset",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Hi\n\nCafe open\n"),
        ),
    ],
    check: Check::Message(check),
};

fn check(message: &Message, cx: &mut Context) {
    for part in message
        .parts
        .iter()
        .filter(|p| p.content_type.starts_with("text/") && p.charset.is_none() && super::has_raw_offsets(p))
    {
        let decoded = part.decoded();
        let count = decoded.iter().filter(|&&b| b >= 0x80).count();
        if count == 0 {
            continue;
        }
        let field = part.headers.fields.iter().find(|f| f.is("Content-Type"));
        let mut location = match (field, &part.body_range) {
            (Some(f), _) => Location::header(f.name.clone(), f.start, f.end),
            (None, Some(r)) => Location::range(r.start, r.end),
            (None, None) => Location::message(),
        };
        if part.index > 0 {
            location = location.with_part(part.index);
        }
        let evidence = field.map(|f| super::field_text(message, f)).unwrap_or_else(|| part.content_type.clone());
        cx.emit(
            Draft::new(Msg::of(&MISSING).text("type", part.content_type.clone()).int("count", count))
                .evidence(evidence)
                .at(location),
        );
    }
}
