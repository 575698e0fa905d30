//! `accessibility/html-lang`: an HTML body whose `<html>` element declares no
//! language (WCAG 2.1 SC 3.1.1, level A): screen readers then read it with
//! the reader's default voice and rules.

use crate::i18n::Msg;
use crate::model::Message;
use crate::report::Severity;
use crate::rules::body::html_facts::{html_bodies, html_lang, html_start_tag};
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
    evidence: &[Evidence::Rfc("WCAG 2.1 SC 3.1.1 Language of Page (level A): the default human language of each page can be programmatically determined"), Evidence::Ours("information: no receiver enforces it")],
    score: scores::NONE,
    texts: &TEXTS,
    thresholds: &[],
    examples: &[
        Example::fails(
            title! { en: "<html> without lang", fr: "<html> sans lang", es: "<html> sin lang", pl: "<html> bez lang" },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.org\nSubject: Hi\nContent-Type: text/html; charset=utf-8\n\n<html><body><p>Hello</p></body></html>\n"),
        ),
        Example::passes(
            title! { en: "<html lang=\"fr\">", fr: "<html lang=\"fr\">", es: "<html lang=\"fr\">", pl: "<html lang=\"fr\">" },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.org\nSubject: Salut\nContent-Type: text/html; charset=utf-8\n\n<html lang=\"fr\"><body><p>Bonjour</p></body></html>\n"),
        ),
    ],
    check: Check::Message(check),
};

/// Characters of the document start quoted when it has no `<html>` tag (ours).
const QUOTED_START_CHARS: usize = 80;

fn check(message: &Message, cx: &mut Context) {
    for body in html_bodies(message) {
        // The `<html>` tag without a language, or the start of a document without
        // one (an empty document: its part's Content-Type).
        let (entry, quoted) = match (html_lang(&body), html_start_tag(&body)) {
            (Some(lang), _) if !lang.is_empty() => continue,
            (Some(_), Some(tag)) => (&NO_LANG, tag.to_string()),
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
