//! `headers/address-idn`: an internationalised domain (UTF-8, RFC 6531, or an
//! `xn--` A-label) must be valid under IDNA (RFC 5891, UTS #46): an invalid one
//! cannot be resolved, so the mail bounces.

use crate::grammar::address::AddressConcern;
use crate::i18n::Msg;
use crate::model::Message;
use crate::report::Severity;
use crate::rules::{Check, Context, Draft, Example, ExampleInput, Group, Rule};
use crate::settings::Evidence;
use crate::title;

crate::rule_texts! { "headers/address-idn";
    summary => {
        en: "An internationalised domain name in an address is not valid IDNA.",
        fr: "Un nom de domaine internationalisé dans une adresse n'est pas un IDNA valide.",
        es: "Un nombre de dominio internacionalizado en una dirección no es IDNA válido.",
        pl: "Umiędzynarodowiona nazwa domeny w adresie nie jest poprawną nazwą IDNA.",
    },
    why => {
        en: "Domains with accented or non-Latin letters travel as xn-- A-labels (RFC 5891). One that IDNA refuses cannot be looked up, so the message cannot be delivered or answered.",
        fr: "Les domaines avec des lettres accentuées ou non latines circulent sous forme de labels xn-- (RFC 5891). Un domaine refusé par IDNA ne peut pas être résolu : on ne peut ni distribuer le message ni y répondre.",
        es: "Los dominios con letras acentuadas o no latinas circulan como etiquetas xn-- (RFC 5891). Uno que IDNA rechaza no puede resolverse, así que el mensaje no puede entregarse ni responderse.",
        pl: "Domeny ze znakami diakrytycznymi lub literami niełacińskimi są przesyłane jako etykiety xn-- (RFC 5891). Domeny odrzuconej przez IDNA nie da się rozwiązać, więc wiadomości nie można dostarczyć ani na nią odpowiedzieć.",
    },
    fix => {
        en: "Check the spelling of the domain, or write it in its xn-- form as your registrar shows it (RFC 5891, RFC 6531).",
        fr: "Vérifiez l'orthographe du domaine, ou écrivez-le sous sa forme xn-- telle que l'affiche votre registraire (RFC 5891, RFC 6531).",
        es: "Compruebe la ortografía del dominio, o escríbalo en su forma xn-- tal como la muestra su registrador (RFC 5891, RFC 6531).",
        pl: "Sprawdź pisownię domeny albo zapisz ją w formie xn-- podanej przez rejestratora (RFC 5891, RFC 6531).",
    },
    INVALID "invalid" => {
        en: "{field}: the domain is not a valid internationalised domain name.",
        fr: "{field} : le domaine n'est pas un nom de domaine internationalisé valide.",
        es: "{field}: el dominio no es un nombre de dominio internacionalizado válido.",
        pl: "{field}: domena nie jest poprawną umiędzynarodowioną nazwą domeny.",
    },
}

pub const RULE: Rule = Rule {
    id: ID,
    group: Group::Headers,
    severity: Severity::Error,
    evidence: &[
        Evidence::Rfc(
            "RFC 5891 (IDNA 2008) and UTS #46: an internationalised domain name must be valid to be resolved",
        ),
        Evidence::Rfc("RFC 6531: SMTPUTF8 carries UTF-8 domains"),
        Evidence::Ours("a warning outside From: an invalid domain in a recipient field loses that recipient (its RCPT TO or delivery fails), not the whole message; an xn-- A-label is ASCII and passes through every server"),
        Evidence::Ours("an error only in From, as for headers/address-syntax: a refusal is documented for a From receivers cannot use (Gmail), none for Sender, which no SMTP command carries and DMARC does not read (RFC 7489 §3.1)"),
        Evidence::Rfc("RFC 6531 §3.2 and §3.7.4: a non-ASCII address travels only between servers that announce SMTPUTF8; otherwise the sending server refuses it (5.6.7, RFC 6531 §3.7.4.2)"),
    ],
    score: crate::rules::scores::NONE,
    texts: &TEXTS,
    thresholds: &[],
    examples: &[
        Example::fails(
            title! {
                en: "A broken punycode label",
                fr: "Un label punycode cassé",
                es: "Una etiqueta punycode rota",
                pl: "Uszkodzona etykieta punycode",
            },
            ExampleInput::Raw("From: a@xn--zz.example\nTo: b@example.com\nSubject: Hi\n\nHello\n"),
        ),
        Example::fails(
            title! {
                en: "A label starting with a combining accent",
                fr: "Un label qui commence par un accent combinant",
                es: "Una etiqueta que empieza por un acento combinante",
                pl: "Etykieta zaczynająca się od znaku łączącego (akcentu)",
            },
            ExampleInput::Raw("From: a@\u{301}example.com\nTo: b@example.com\nSubject: Hi\n\nHello\n"),
        ),
        Example::fails(
            title! {
                en: "A broken punycode label in To (warning: only that recipient is lost)",
                fr: "Un label punycode cassé dans To (avertissement : seul ce destinataire est perdu)",
                es: "Una etiqueta punycode rota en To (advertencia: solo se pierde ese destinatario)",
                pl: "Uszkodzona etykieta punycode w To (ostrzeżenie: przepada tylko ten odbiorca)",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@xn--zz.example\nSubject: Hi\n\nHello\n"),
        )
        .at(Severity::Warning),
        Example::fails(
            title! {
                en: "A broken punycode label in Sender (warning: no refusal is documented for Sender)",
                fr: "Un label punycode cassé dans Sender (avertissement : aucun refus n'est documenté pour Sender)",
                es: "Una etiqueta punycode rota en Sender (advertencia: no hay rechazo documentado para Sender)",
                pl: "Uszkodzona etykieta punycode w Sender (ostrzeżenie: dla Sender nie udokumentowano odrzuceń)",
            },
            ExampleInput::Raw("From: a@example.com\nSender: s@xn--zz.example\nTo: b@example.com\nSubject: Hi\n\nHello\n"),
        )
        .at(Severity::Warning),
        Example::passes(
            title! {
                en: "A valid UTF-8 domain",
                fr: "Un domaine UTF-8 valide",
                es: "Un dominio UTF-8 válido",
                pl: "Poprawna domena UTF-8",
            },
            ExampleInput::Raw("From: a@b\u{fc}cher.example\nTo: b@example.com\nSubject: Hi\n\nHello\n"),
        ),
        Example::passes(
            title! {
                en: "A valid A-label",
                fr: "Un A-label valide",
                es: "Una A-label válida",
                pl: "Poprawna etykieta A (A-label)",
            },
            ExampleInput::Raw("From: a@xn--bcher-kva.example\nTo: b@example.com\nSubject: Hi\n\nHello\n"),
        ),
    ],
    check: Check::Message(check),
};

fn check(message: &Message, cx: &mut Context) {
    for (field, list) in message.address_fields() {
        let problems: Vec<_> =
            list.problems.iter().copied().filter(|p| p.kind.concern() == AddressConcern::Idn).collect();
        super::emit_grouped(cx, message, 0, field, &problems, |_, _| {
            let severity = if super::refused_when_unusable(field) { Severity::Error } else { Severity::Warning };
            Some(Draft::new(Msg::of(&INVALID).text("field", field.name.clone())).severity(severity))
        });
    }
}
