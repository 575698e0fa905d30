//! `links/userinfo` *(RFC 3986 §7.6; rspamd URL_USER_PASSWORD)*: a web link
//! with something before an `@` in its authority, `https://bank.example@evil.example/`.
//! A reader sees the bank; the browser treats it as a user name and goes to
//! what follows the `@`.

use super::authority::authority;
use super::scheme_of;
use crate::i18n::Msg;
use crate::model::Message;
use crate::report::Severity;
use crate::rules::reading;
use crate::rules::scores;
use crate::rules::{Check, Context, Draft, Example, ExampleInput, Group, Rule};
use crate::settings::Evidence;
use crate::title;

crate::rule_texts! { "links/userinfo";
    summary => {
        en: "A link hides its real destination behind a name and an @.",
        fr: "Un lien cache sa vraie destination derrière un nom et un @.",
        es: "Un enlace oculta su destino real detrás de un nombre y una @.",
        pl: "Link ukrywa prawdziwy cel za nazwą i znakiem @.",
    },
    why => {
        en: "In https://bank.example@evil.example/ the reader sees the bank, but the browser takes everything before the @ as a user name and opens evil.example. RFC 3986 §7.6 describes this trick, and spam filters score it (rspamd URL_USER_PASSWORD).",
        fr: "Dans https://banque.example@pirate.example/, le lecteur voit la banque, mais le navigateur prend tout ce qui précède le @ pour un nom d'utilisateur et ouvre pirate.example. La RFC 3986 §7.6 décrit cette ruse, et les filtres anti-spam la notent (URL_USER_PASSWORD de rspamd).",
        es: "En https://banco.example@malo.example/ el lector ve el banco, pero el navegador toma todo lo que precede a la @ como nombre de usuario y abre malo.example. El RFC 3986 §7.6 describe este truco, y los filtros antispam lo puntúan (URL_USER_PASSWORD de rspamd).",
        pl: "W https://bank.example@zly.example/ czytelnik widzi bank, ale przeglądarka traktuje wszystko przed @ jako nazwę użytkownika i otwiera zly.example. RFC 3986 §7.6 opisuje tę sztuczkę, a filtry antyspamowe ją oceniają (URL_USER_PASSWORD w rspamd).",
    },
    fix => {
        en: "Link directly to the page, without a user name or password in the address.",
        fr: "Mettez un lien direct vers la page, sans nom d'utilisateur ni mot de passe dans l'adresse.",
        es: "Enlace directamente a la página, sin nombre de usuario ni contraseña en la dirección.",
        pl: "Linkuj bezpośrednio do strony, bez nazwy użytkownika i hasła w adresie.",
    },
    BEFORE_AT "before-at" => {
        en: "The link shows {shown} before an @ but goes to {host}.",
        fr: "Le lien affiche {shown} avant un @ mais mène à {host}.",
        es: "El enlace muestra {shown} antes de una @ pero lleva a {host}.",
        pl: "Link pokazuje {shown} przed @, ale prowadzi do {host}.",
    },
    FORM_BEFORE_AT "form-before-at" => {
        en: "The form's address shows {shown} before an @ but sends what is typed to {host}.",
        fr: "L'adresse du formulaire affiche {shown} avant un @ mais envoie ce qui est saisi à {host}.",
        es: "La dirección del formulario muestra {shown} antes de una @ pero envía lo que se escribe a {host}.",
        pl: "Adres formularza pokazuje {shown} przed @, ale wysyła to, co się wpisze, do {host}.",
    },
}

pub const RULE: Rule = Rule {
    id: ID,
    group: Group::Links,
    severity: Severity::Warning,
    evidence: &[
        Evidence::Rfc("RFC 3986 §7.6 (Semantic Attacks): a userinfo such as `ftp://cnn.example.com&story=breaking_news@10.0.0.1/` misleads the reader about the host"),
        Evidence::Receiver("rspamd url_suspect URL_USER_PASSWORD 2.0, URL_NUMERIC_IP_USER 4.0 (conf/scores.d/url_suspect_group.conf)"),
    ],
    score: scores::LINK_USERINFO,
    texts: &TEXTS,
    thresholds: &[],
    examples: &[
        Example::fails(
            title! {
                en: "A bank's name before the @ of another site",
                fr: "Le nom d'une banque avant le @ d'un autre site",
                es: "El nombre de un banco antes de la @ de otro sitio",
                pl: "Nazwa banku przed @ innej strony",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Account\nContent-Type: text/html\n\n<a href=\"https://www.mybank.example@login.evil.example/verify\">Verify your account</a>\n"),
        ),
        Example::passes(
            title! {
                en: "A plain link, and an @ in the path or in a mailto: link",
                fr: "Un lien simple, et un @ dans le chemin ou dans un lien mailto:",
                es: "Un enlace simple, y una @ en la ruta o en un enlace mailto:",
                pl: "Zwykły link oraz @ w ścieżce lub w linku mailto:",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Account\nContent-Type: text/html\n\n<a href=\"https://www.example.com/users/@anna\">Profile</a> <a href=\"mailto:anna@example.com\">Write</a>\n"),
        ),
    ],
    check: Check::Links(check),
};

fn check(message: &Message, cx: &mut Context) {
    for link in reading::links(message) {
        if cx.full() {
            break;
        }
        // No `@`, no user info (a `%40` is no delimiter): most links are not parsed.
        if !link.href.contains('@') || !matches!(scheme_of(&link.href).as_deref(), Some("http" | "https" | "ftp")) {
            continue;
        }
        let Some(parts) = authority(&link.href) else { continue };
        let Some(userinfo) = parts.userinfo.filter(|u| !u.is_empty()) else { continue };
        cx.emit(
            Draft::new(Msg::of(if link.is_form() { &FORM_BEFORE_AT } else { &BEFORE_AT }).text("shown", userinfo).text("host", parts.host))
                .evidence(link.evidence())
                .at(reading::link_location(message, &link)),
        );
    }
}
