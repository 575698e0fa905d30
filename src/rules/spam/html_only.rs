//! `spam/html-only` *(SpamAssassin and rspamd MIME_HTML_ONLY)*: an HTML body
//! without a plain-text alternative. Filters score it a little: a mailer that
//! cares sends both. Legitimate transactional mail and newsletters are often
//! HTML-only too, so it is a warning with few points (`scores::HTML_ONLY`): a
//! hint that adds to other factors and never fails a message with one other
//! weak one. As information (no points) it would lose the score a ranking signal
//! (ROC AUC 0.966 → 0.956 on the dev corpus, 0.958 → 0.946 held out, measured
//! 2026-12-01 with `make calibrate`).

use crate::i18n::Msg;
use crate::model::Message;
use crate::report::Severity;
use crate::rules::reading;
use crate::rules::scores;
use crate::rules::spam::part_location;
use crate::rules::{Check, Context, Draft, Example, ExampleInput, Group, Rule};
use crate::settings::Evidence;
use crate::title;

crate::rule_texts! { "spam/html-only";
    summary => {
        en: "The message has an HTML body and no plain-text alternative.",
        fr: "Le message a un corps HTML sans version texte.",
        es: "El mensaje tiene un cuerpo HTML sin alternativa de texto plano.",
        pl: "Wiadomość ma treść HTML bez alternatywnej wersji tekstowej.",
    },
    why => {
        en: "Spam filters add a few points to a message that only has HTML (SpamAssassin and rspamd MIME_HTML_ONLY), and readers whose client shows plain text see nothing useful. Many legitimate transactional mails are HTML-only too, so this alone is only a hint.",
        fr: "Les filtres anti-spam ajoutent quelques points à un message qui n'a que du HTML (MIME_HTML_ONLY de SpamAssassin et rspamd), et les lecteurs dont le logiciel affiche le texte brut ne voient rien d'utile. Beaucoup d'e-mails transactionnels légitimes n'ont que du HTML, si bien que ce n'est qu'un indice.",
        es: "Los filtros antispam suman algunos puntos a un mensaje que solo tiene HTML (MIME_HTML_ONLY de SpamAssassin y rspamd), y los lectores cuyo programa muestra texto plano no ven nada útil. Muchos correos transaccionales legítimos solo tienen HTML, así que esto por sí solo es solo un indicio.",
        pl: "Filtry antyspamowe dodają kilka punktów wiadomości, która ma tylko HTML (MIME_HTML_ONLY w SpamAssassin i rspamd), a czytelnicy, których program pokazuje zwykły tekst, nie widzą nic przydatnego. Wiele legalnych e-maili transakcyjnych ma tylko HTML, więc to jedynie wskazówka.",
    },
    fix => {
        en: "Send a multipart/alternative message with a text/plain part that says the same as the HTML (most mailer libraries build it from the HTML with one option).",
        fr: "Envoyez un message multipart/alternative avec une partie text/plain qui dit la même chose que le HTML (la plupart des bibliothèques d'envoi la construisent à partir du HTML avec une option).",
        es: "Envíe un mensaje multipart/alternative con una parte text/plain que diga lo mismo que el HTML (la mayoría de las bibliotecas de envío la generan a partir del HTML con una opción).",
        pl: "Wyślij wiadomość multipart/alternative z częścią text/plain o tej samej treści co HTML (większość bibliotek pocztowych tworzy ją z HTML jedną opcją).",
    },
    NO_TEXT "no-text" => {
        en: "Part {part} is HTML and the message has no text/plain alternative.",
        fr: "La partie {part} est en HTML et le message n'a pas de version text/plain.",
        es: "La parte {part} es HTML y el mensaje no tiene alternativa text/plain.",
        pl: "Część {part} to HTML, a wiadomość nie ma alternatywy text/plain.",
    },
    // The evidence, in the reader's language: the types of the body parts.
    EVIDENCE_BODY_PARTS "evidence.body-parts" => {
        en: "body parts: {types}",
        fr: "parties du corps : {types}",
        es: "partes del cuerpo: {types}",
        pl: "części treści: {types}",
    },
}

pub const RULE: Rule = Rule {
    id: ID,
    group: Group::Spam,
    severity: Severity::Warning,
    evidence: &[
        Evidence::Receiver("SpamAssassin MIME_HTML_ONLY \"Message only has text/html MIME parts\" 0.1 (20_body_tests.cf, 72_scores); rspamd MIME_HTML_ONLY \"Messages that have only HTML part\" 0.2 (rules/html.lua)"),
        Evidence::Measured("make calibrate: HTML with no text alternative in 0 of 750 legitimate messages and 225 of 499 spam of the SpamAssassin public corpus; a warning with the points the calibration gives it"),
    ],
    score: scores::HTML_ONLY,
    texts: &TEXTS,
    thresholds: &[],
    examples: &[
        Example::fails(
            title! {
                en: "An HTML message without a text part",
                fr: "Un message HTML sans partie texte",
                es: "Un mensaje HTML sin parte de texto",
                pl: "Wiadomość HTML bez części tekstowej",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: News\nContent-Type: text/html; charset=utf-8\n\n<p>Our news of the month.</p>\n"),
        ),
        Example::passes(
            title! {
                en: "HTML with a text alternative",
                fr: "Du HTML avec une version texte",
                es: "HTML con una alternativa de texto",
                pl: "HTML z alternatywą tekstową",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: News\nMIME-Version: 1.0\nContent-Type: multipart/alternative; boundary=\"b\"\n\n--b\nContent-Type: text/plain; charset=utf-8\n\nOur news of the month.\n--b\nContent-Type: text/html; charset=utf-8\n\n<p>Our news of the month.</p>\n--b--\n"),
        ),
    ],
    check: Check::Html(check),
};

fn check(message: &Message, cx: &mut Context) {
    if !reading::html_only(message) {
        return;
    }
    let Some(html) = message.html.first() else { return };
    let types: Vec<&str> = message.parts.iter().filter(|p| p.is_body).map(|p| p.content_type.as_str()).collect();
    cx.emit(
        Draft::new(Msg::of(&NO_TEXT).int("part", html.part))
            .evidence_message(Msg::of(&EVIDENCE_BODY_PARTS).text("types", types.join(", ")))
            .at(part_location(message, html.part)),
    );
}
