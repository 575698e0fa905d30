//! `accessibility/html-lang`: an HTML body whose `<html>` element declares no
//! language (WCAG 2.1 SC 3.1.1, level A): screen readers then read it with
//! the reader's default voice and rules. An empty `lang`, and one that is
//! not shaped as a BCP 47 language tag (`lang="english"`, `en_US`), are said
//! as such, as axe-core's `html-lang-valid` does (the registry is not read).

use crate::i18n::Msg;
use crate::model::Message;
use crate::report::Severity;
use crate::rules::body::html_facts::{html_bodies, html_lang_attribute, html_start_tag};
use crate::rules::spam::part_location;
use crate::rules::{scores, Check, Context, Draft, Example, ExampleInput, Group, Rule};
use crate::settings::Evidence;
use crate::title;

crate::rule_texts! { "accessibility/html-lang";
    summary => {
        en: "The HTML body does not declare its language (<html lang>).",
        fr: "Le corps HTML ne déclare pas sa langue (<html lang>).",
        es: "El cuerpo HTML no declara su idioma (<html lang>).",
        pl: "Treść HTML nie deklaruje języka (<html lang>).",
    },
    why => {
        en: "Screen readers choose pronunciation from the lang attribute (WCAG 2.1 success criterion 3.1.1); without it a French message may be read with English rules.",
        fr: "Les lecteurs d'écran choisissent la prononciation d'après l'attribut lang (WCAG 2.1, critère 3.1.1) ; sans lui, un message en français peut être lu avec les règles de l'anglais.",
        es: "Los lectores de pantalla eligen la pronunciación según el atributo lang (WCAG 2.1, criterio 3.1.1); sin él, un mensaje en español puede leerse con reglas del inglés.",
        pl: "Czytniki ekranu dobierają wymowę według atrybutu lang (WCAG 2.1, kryterium 3.1.1); bez niego polska wiadomość może zostać odczytana według zasad angielskich.",
    },
    fix => {
        en: "Start the HTML with <html lang=\"en\"> (or the message's language: fr, es, pl…).",
        fr: "Commencez le HTML par <html lang=\"fr\"> (ou la langue du message : en, es, pl…).",
        es: "Empiece el HTML con <html lang=\"es\"> (o el idioma del mensaje: en, fr, pl…).",
        pl: "Zacznij HTML od <html lang=\"pl\"> (lub języka wiadomości: en, fr, es…).",
    },
    NO_LANG "no-lang" => {
        en: "The <html> element has no lang attribute.",
        fr: "L'élément <html> n'a pas d'attribut lang.",
        es: "El elemento <html> no tiene atributo lang.",
        pl: "Element <html> nie ma atrybutu lang.",
    },
    EMPTY_LANG "empty-lang" => {
        en: "The lang attribute of the <html> element is empty.",
        fr: "L'attribut lang de l'élément <html> est vide.",
        es: "El atributo lang del elemento <html> está vacío.",
        pl: "Atrybut lang elementu <html> jest pusty.",
    },
    INVALID_LANG "invalid-lang" => {
        en: "The lang attribute of the <html> element, \"{lang}\", is not a language tag (BCP 47, RFC 5646): write a code such as en, fr or pt-BR.",
        fr: "L'attribut lang de l'élément <html>, « {lang} », n'est pas une étiquette de langue (BCP 47, RFC 5646) : écrivez un code comme fr, en ou pt-BR.",
        es: "El atributo lang del elemento <html>, «{lang}», no es una etiqueta de idioma (BCP 47, RFC 5646): escriba un código como es, en o pt-BR.",
        pl: "Atrybut lang elementu <html>, „{lang}”, nie jest znacznikiem języka (BCP 47, RFC 5646): wpisz kod taki jak pl, en albo pt-BR.",
    },
    NO_HTML "no-html" => {
        en: "The HTML body has no <html> element to carry a lang attribute.",
        fr: "Le corps HTML n'a pas d'élément <html> pour porter un attribut lang.",
        es: "El cuerpo HTML no tiene elemento <html> que lleve un atributo lang.",
        pl: "Treść HTML nie ma elementu <html>, który mógłby mieć atrybut lang.",
    },
}

pub const RULE: Rule = Rule {
    id: ID,
    group: Group::Accessibility,
    severity: Severity::Info,
    evidence: &[
        Evidence::Rfc("WCAG 2.1 SC 3.1.1 Language of Page (level A): the default human language of each page can be programmatically determined"),
        Evidence::Rfc("RFC 5646 §2.1, §2.2.1: a language tag starts with a 2- or 3-letter language subtag (4 letters are reserved, 5 to 8 letters are for registered subtags, of which the IANA registry has none), or x- (private use) or i- (grandfathered); subtags are 1 to 8 letters or digits joined by hyphens"),
        Evidence::Receiver("axe-core 4.14 rule html-lang-valid: the lang of <html> must be a valid language"),
        Evidence::Ours("information: no receiver enforces it"),
    ],
    score: scores::NONE,
    texts: &TEXTS,
    thresholds: &[],
    examples: &[
        Example::fails(
            title! { en: "<html> without lang", fr: "<html> sans lang", es: "<html> sin lang", pl: "<html> bez lang" },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.org\nSubject: Hi\nContent-Type: text/html; charset=utf-8\n\n<html><body><p>Hello</p></body></html>\n"),
        ),
        Example::fails(
            title! { en: "<html lang=\"\">", fr: "<html lang=\"\">", es: "<html lang=\"\">", pl: "<html lang=\"\">" },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.org\nSubject: Hi\nContent-Type: text/html; charset=utf-8\n\n<html lang=\"\"><body><p>Hello</p></body></html>\n"),
        ),
        Example::fails(
            title! {
                en: "A language name instead of its code: lang=\"english\"",
                fr: "Un nom de langue au lieu de son code : lang=\"english\"",
                es: "Un nombre de idioma en lugar de su código: lang=\"english\"",
                pl: "Nazwa języka zamiast kodu: lang=\"english\"",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.org\nSubject: Hi\nContent-Type: text/html; charset=utf-8\n\n<html lang=\"english\"><body><p>Hello</p></body></html>\n"),
        ),
        Example::passes(
            title! { en: "lang=\"pt-BR\" and lang=\"zh-Hant-TW\"", fr: "lang=\"pt-BR\" et lang=\"zh-Hant-TW\"", es: "lang=\"pt-BR\" y lang=\"zh-Hant-TW\"", pl: "lang=\"pt-BR\" i lang=\"zh-Hant-TW\"" },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.org\nSubject: Hi\nContent-Type: multipart/alternative; boundary=b\n\n--b\nContent-Type: text/html; charset=utf-8\n\n<html lang=\"pt-BR\"><body><p>Olá</p></body></html>\n--b\nContent-Type: text/html; charset=utf-8\n\n<html lang=\"zh-Hant-TW\"><body><p>你好</p></body></html>\n--b--\n"),
        ),
        Example::passes(
            title! { en: "<html lang=\"fr\">", fr: "<html lang=\"fr\">", es: "<html lang=\"fr\">", pl: "<html lang=\"fr\">" },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.org\nSubject: Salut\nContent-Type: text/html; charset=utf-8\n\n<html lang=\"fr\"><body><p>Bonjour</p></body></html>\n"),
        ),
    ],
    check: Check::Html(check),
};

/// Characters of the document start quoted when it has no `<html>` tag (ours).
const QUOTED_START_CHARS: usize = 80;

fn check(message: &Message, cx: &mut Context) {
    for body in html_bodies(message) {
        // The `<html>` tag without a language, or the start of a document without
        // one (an empty document: its part's Content-Type).
        let (entry, quoted) = match (html_lang_attribute(&body), html_start_tag(&body)) {
            (Some(Some(lang)), _) if well_formed(&lang) => continue,
            (Some(Some(lang)), Some(tag)) if !lang.is_empty() => {
                let msg = Msg::of(&INVALID_LANG).text("lang", crate::hygiene::visible(&lang, QUOTED_START_CHARS));
                cx.emit(Draft::new(msg).evidence(tag).at(part_location(message, body.part)));
                continue;
            }
            (Some(Some(_)), Some(tag)) => (&EMPTY_LANG, tag.to_string()),
            (Some(None), Some(tag)) => (&NO_LANG, tag.to_string()),
            _ => (&NO_HTML, body.html.trim_start().chars().take(QUOTED_START_CHARS).collect::<String>()),
        };
        let quoted = match message.parts.get(body.part) {
            Some(part) if quoted.trim().is_empty() => part
                .headers
                .first("Content-Type")
                .map_or_else(|| part.content_type.clone(), |f| crate::rules::headers::field_text(message, f)),
            _ => quoted,
        };
        cx.emit(Draft::new(Msg::of(entry)).evidence(quoted).at(part_location(message, body.part)));
    }
}

/// Whether `tag` has the shape of an RFC 5646 language tag (§2.1): subtags of
/// 1 to 8 letters or digits joined by hyphens, the first a 2- or 3-letter
/// language (§2.2.1; 4 letters are reserved and no 5-to-8-letter one is
/// registered), or `x` (private use) or `i` (grandfathered) followed by more.
/// The registry itself is not consulted: `lang="zz"` passes.
pub(crate) fn well_formed(tag: &str) -> bool {
    let mut subtags = tag.split('-');
    let first = subtags.next().unwrap_or_default();
    let rest: Vec<&str> = subtags.collect();
    let subtags_ok = rest.iter().all(|s| (1..=8).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric()));
    let first_ok = match first.len() {
        2 | 3 => first.bytes().all(|b| b.is_ascii_alphabetic()),
        1 => first.eq_ignore_ascii_case("x") || first.eq_ignore_ascii_case("i") && !rest.is_empty(),
        _ => false,
    };
    first_ok && subtags_ok && (first.len() > 1 || !rest.is_empty())
}

#[cfg(test)]
mod tests {
    use super::well_formed;

    #[test]
    fn language_tags_are_told_from_names_and_locales() {
        for tag in ["en", "EN", "fr", "pt-BR", "zh-Hant-TW", "sr-Latn", "de-CH-1901", "x-klingon", "i-navajo", "gsw"] {
            assert!(well_formed(tag), "{tag}");
        }
        for tag in ["english", "en_US", "e", "x", "en-", "-en", "abcd", "en-toolongsubtag", "fr FR", "1a"] {
            assert!(!well_formed(tag), "{tag}");
        }
    }
}
