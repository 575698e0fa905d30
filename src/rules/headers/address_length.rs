//! `headers/address-length`: RFC 5321 §4.5.3.1: a local part is at most 64
//! octets, a domain at most 255 (253 in DNS text form, RFC 1035 §2.3.4), a
//! label at most 63, a path at most 256 with its angle brackets. Servers
//! refuse longer addresses at RCPT TO.

use crate::grammar::address::{
    AddressProblem, MAX_ADDRESS_OCTETS, MAX_DOMAIN_OCTETS, MAX_LABEL_OCTETS, MAX_LOCAL_PART_OCTETS,
};
use crate::grammar::Problem;
use crate::i18n::{Localized, Msg};
use crate::model::Message;
use crate::report::Severity;
use crate::rules::{Check, Context, Draft, Example, ExampleInput, Group, Rule};
use crate::settings::{Evidence, Kind, Settings, Threshold};
use crate::title;

crate::rule_texts! { "headers/address-length";
    summary => {
        en: "An address is longer than SMTP allows (local part 64, domain 253, label 63, address 254 octets).",
        fr: "Une adresse dépasse ce que SMTP autorise (partie locale 64, domaine 253, label 63, adresse 254 octets).",
        es: "Una dirección supera lo que permite SMTP (parte local 64, dominio 253, etiqueta 63, dirección 254 octetos).",
        pl: "Adres jest dłuższy, niż pozwala SMTP (część lokalna 64, domena 253, etykieta 63, adres 254 oktety).",
    },
    why => {
        en: "RFC 5321 §4.5.3.1 sets these limits and servers enforce them when the message is handed over: a longer address is refused and the mail bounces.",
        fr: "La RFC 5321 §4.5.3.1 fixe ces limites et les serveurs les appliquent à la remise du message : une adresse plus longue est refusée et le courrier revient en erreur.",
        es: "El RFC 5321 §4.5.3.1 fija estos límites y los servidores los aplican al entregar el mensaje: una dirección más larga se rechaza y el correo se devuelve.",
        pl: "RFC 5321 §4.5.3.1 ustala te limity, a serwery egzekwują je przy przekazaniu wiadomości: dłuższy adres zostaje odrzucony, a poczta wraca z błędem.",
    },
    fix => {
        en: "Use a shorter address: at most 64 octets before the @, 63 per domain label (RFC 5321 §4.5.3.1).",
        fr: "Utilisez une adresse plus courte : au plus 64 octets avant le @, 63 par label de domaine (RFC 5321 §4.5.3.1).",
        es: "Use una dirección más corta: como máximo 64 octetos antes de la @ y 63 por etiqueta de dominio (RFC 5321 §4.5.3.1).",
        pl: "Użyj krótszego adresu: najwyżej 64 oktety przed @ i 63 na etykietę domeny (RFC 5321 §4.5.3.1).",
    },
    LOCAL_PART "local-part" => {
        en: "{field}: the part before the @ is longer than {limit, plural, one {# octet} other {# octets}}.",
        fr: "{field} : la partie avant le @ dépasse {limit, plural, one {# octet} many {# d'octets} other {# octets}}.",
        es: "{field}: la parte anterior a la @ supera {limit, plural, one {# octeto} many {los # de octetos} other {los # octetos}}.",
        pl: "{field}: część przed @ ma więcej niż {limit, plural, one {# oktet} few {# oktety} many {# oktetów} other {# oktetu}}.",
    },
    DOMAIN "domain" => {
        en: "{field}: the domain is longer than {limit, plural, one {# octet} other {# octets}}.",
        fr: "{field} : le domaine dépasse {limit, plural, one {# octet} many {# d'octets} other {# octets}}.",
        es: "{field}: el dominio supera {limit, plural, one {# octeto} many {los # de octetos} other {los # octetos}}.",
        pl: "{field}: domena ma więcej niż {limit, plural, one {# oktet} few {# oktety} many {# oktetów} other {# oktetu}}.",
    },
    LABEL "label" => {
        en: "{field}: a domain label is longer than {limit, plural, one {# octet} other {# octets}}.",
        fr: "{field} : un label du domaine dépasse {limit, plural, one {# octet} many {# d'octets} other {# octets}}.",
        es: "{field}: una etiqueta del dominio supera {limit, plural, one {# octeto} many {los # de octetos} other {los # octetos}}.",
        pl: "{field}: etykieta domeny ma więcej niż {limit, plural, one {# oktet} few {# oktety} many {# oktetów} other {# oktetu}}.",
    },
    ADDRESS "address" => {
        en: "{field}: the address is longer than {limit, plural, one {# octet} other {# octets}}.",
        fr: "{field} : l'adresse dépasse {limit, plural, one {# octet} many {# d'octets} other {# octets}}.",
        es: "{field}: la dirección supera {limit, plural, one {# octeto} many {los # de octetos} other {los # octetos}}.",
        pl: "{field}: adres ma więcej niż {limit, plural, one {# oktet} few {# oktety} many {# oktetów} other {# oktetu}}.",
    },
}

/// Largest limit a length threshold takes: no address part comes near it (a
/// header field is read whole, but `MAX_INPUT_BYTES` bounds the message); ours.
const MAX_LENGTH_LIMIT: i64 = 1_000_000;

/// Longest local part (before the @), in octets as sent.
pub const MAX_LOCAL_PART: Threshold = Threshold {
    key: "headers.maxLocalPartOctets",
    kind: Kind::Int { default: MAX_LOCAL_PART_OCTETS as i64, min: 1, max: MAX_LENGTH_LIMIT },
    doc: Localized {
        en: "Longest local part (before the @), in octets as sent (comments and folds left out).",
        fr: "Partie locale la plus longue (avant le @), en octets tels qu'envoyés (commentaires et replis exclus).",
        es: "Parte local más larga (antes de la @), en octetos tal como se envía (sin comentarios ni plegados).",
        pl: "Najdłuższa część lokalna (przed @), w oktetach w postaci wysyłanej (bez komentarzy i zawinięć).",
    },
    evidence: Evidence::Rfc("RFC 5321 §4.5.3.1.1: the maximum total length of a user name or other local-part is 64 octets"),
};

/// Longest domain, in octets as sent (an IDN in its A-label form).
pub const MAX_DOMAIN: Threshold = Threshold {
    key: "headers.maxDomainOctets",
    kind: Kind::Int { default: MAX_DOMAIN_OCTETS as i64, min: 1, max: MAX_LENGTH_LIMIT },
    doc: Localized {
        en: "Longest domain, in octets as sent (an internationalised domain in its A-label form).",
        fr: "Domaine le plus long, en octets tels qu'envoyés (un domaine internationalisé sous sa forme A-label).",
        es: "Dominio más largo, en octetos tal como se envía (un dominio internacionalizado en su forma A-label).",
        pl: "Najdłuższa domena, w oktetach w postaci wysyłanej (domena umiędzynarodowiona w formie A-label).",
    },
    evidence: Evidence::Rfc("RFC 5321 §4.5.3.1.2: a domain is at most 255 octets; RFC 1035 §2.3.4 makes it 253 in text form, the limit isemail and most validators use"),
};

/// Longest domain label, in octets as sent.
pub const MAX_LABEL: Threshold = Threshold {
    key: "headers.maxLabelOctets",
    kind: Kind::Int { default: MAX_LABEL_OCTETS as i64, min: 1, max: MAX_LENGTH_LIMIT },
    doc: Localized {
        en: "Longest label of a domain (between dots), in octets as sent (A-label form).",
        fr: "Étiquette de domaine la plus longue (entre deux points), en octets tels qu'envoyés (forme A-label).",
        es: "Etiqueta de dominio más larga (entre puntos), en octetos tal como se envía (forma A-label).",
        pl: "Najdłuższa etykieta domeny (między kropkami), w oktetach w postaci wysyłanej (forma A-label).",
    },
    evidence: Evidence::Rfc("RFC 1035 §2.3.4: labels are 63 octets or less"),
};

/// Longest address (local part, @ and domain), in octets as sent.
pub const MAX_ADDRESS: Threshold = Threshold {
    key: "headers.maxAddressOctets",
    kind: Kind::Int { default: MAX_ADDRESS_OCTETS as i64, min: 1, max: MAX_LENGTH_LIMIT },
    doc: Localized {
        en: "Longest address (local part, @ and domain), in octets as sent; judged only when no part of it is over its own limit.",
        fr: "Adresse la plus longue (partie locale, @ et domaine), en octets tels qu'envoyés ; jugée seulement quand aucune de ses parties ne dépasse sa propre limite.",
        es: "Dirección más larga (parte local, @ y dominio), en octetos tal como se envía; solo se juzga cuando ninguna de sus partes supera su propio límite.",
        pl: "Najdłuższy adres (część lokalna, @ i domena), w oktetach w postaci wysyłanej; oceniany tylko wtedy, gdy żadna jego część nie przekracza własnego limitu.",
    },
    evidence: Evidence::Rfc("RFC 5321 §4.5.3.1.3: a path is at most 256 octets including the angle brackets, so the address is at most 254"),
};

pub const RULE: Rule = Rule {
    id: ID,
    group: Group::Headers,
    severity: Severity::Error,
    evidence: &[
        Evidence::Rfc("RFC 5321 §4.5.3.1: local part at most 64 octets, domain at most 255, path at most 256; RFC 1035 §2.3.4: labels at most 63"),
        Evidence::Rfc("a warning outside From: RFC 5321 §4.5.3.1 lets servers accept longer objects (\"implementation techniques that impose no limits … should be used\"), and a refused RCPT TO loses that recipient, not the message"),
        Evidence::Ours("an error only in From, as for headers/address-syntax: a refusal is documented for a From receivers cannot use (Gmail), none for Sender, which no SMTP command carries and DMARC does not read (RFC 7489 §3.1)"),
        Evidence::Guide("seed 002 (fr) l. 176: « L'entête de l'e-mail envoyé ne respecte pas les RFC « e-mails » (normes ou standards e-mails) »"),
    ],
    score: crate::rules::scores::NONE,
    texts: &TEXTS,
    thresholds: &[&MAX_LOCAL_PART, &MAX_DOMAIN, &MAX_LABEL, &MAX_ADDRESS],
    examples: &[
        Example::fails(
            title! {
                en: "A local part of 65 octets",
                fr: "Une partie locale de 65 octets",
                es: "Una parte local de 65 octetos",
                pl: "Część lokalna o długości 65 oktetów",
            },
            ExampleInput::Raw("From: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa@example.com\nTo: b@example.com\nSubject: Hi\n\nHello\n"),
        ),
        Example::fails(
            title! {
                en: "A domain label of 64 octets",
                fr: "Un label de domaine de 64 octets",
                es: "Una etiqueta de dominio de 64 octetos",
                pl: "Etykieta domeny o długości 64 oktetów",
            },
            ExampleInput::Raw("From: a@aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.com\nTo: b@example.com\nSubject: Hi\n\nHello\n"),
        ),
        Example::fails(
            title! {
                en: "A local part of 65 octets in To (warning: only that recipient is lost)",
                fr: "Une partie locale de 65 octets dans To (avertissement : seul ce destinataire est perdu)",
                es: "Una parte local de 65 octetos en To (advertencia: solo se pierde ese destinatario)",
                pl: "Część lokalna o długości 65 oktetów w To (ostrzeżenie: przepada tylko ten odbiorca)",
            },
            ExampleInput::Raw("From: a@example.com\nTo: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa@example.com\nSubject: Hi\n\nHello\n"),
        )
        .at(Severity::Warning),
        Example::fails(
            title! {
                en: "A local part of 65 octets in Sender (warning: no refusal is documented for Sender)",
                fr: "Une partie locale de 65 octets dans Sender (avertissement : aucun refus n'est documenté pour Sender)",
                es: "Una parte local de 65 octetos en Sender (advertencia: no hay rechazo documentado para Sender)",
                pl: "Część lokalna o długości 65 oktetów w Sender (ostrzeżenie: dla Sender nie udokumentowano odrzuceń)",
            },
            ExampleInput::Raw("From: a@example.com\nSender: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa@example.com\nTo: b@example.com\nSubject: Hi\n\nHello\n"),
        )
        .at(Severity::Warning),
        Example::passes(
            title! {
                en: "A local part of exactly 64 octets",
                fr: "Une partie locale d'exactement 64 octets",
                es: "Una parte local de exactamente 64 octetos",
                pl: "Część lokalna o długości dokładnie 64 oktetów",
            },
            ExampleInput::Raw("From: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa@example.com\nTo: b@example.com\nSubject: Hi\n\nHello\n"),
        ),
        Example::fails(
            title! {
                en: "A local part of 20 octets with thresholds.headers.maxLocalPartOctets 16",
                fr: "Une partie locale de 20 octets avec thresholds.headers.maxLocalPartOctets à 16",
                es: "Una parte local de 20 octetos con thresholds.headers.maxLocalPartOctets en 16",
                pl: "Część lokalna o długości 20 oktetów przy thresholds.headers.maxLocalPartOctets równym 16",
            },
            ExampleInput::Raw("From: aaaaaaaaaaaaaaaaaaaa@example.com\nTo: b@example.com\nSubject: Hi\n\nHello\n"),
        )
        .with_options(r#"{"thresholds": {"headers": {"maxLocalPartOctets": 16}}}"#),
        Example::passes(
            title! {
                en: "A domain label of 64 octets with thresholds.headers.maxLabelOctets 64",
                fr: "Un label de domaine de 64 octets avec thresholds.headers.maxLabelOctets à 64",
                es: "Una etiqueta de dominio de 64 octetos con thresholds.headers.maxLabelOctets en 64",
                pl: "Etykieta domeny o długości 64 oktetów przy thresholds.headers.maxLabelOctets równym 64",
            },
            ExampleInput::Raw("From: a@aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.com\nTo: b@example.com\nSubject: Hi\n\nHello\n"),
        )
        .with_options(r#"{"thresholds": {"headers": {"maxLabelOctets": 64}}}"#),
        Example::passes(
            title! {
                en: "Ordinary addresses",
                fr: "Des adresses ordinaires",
                es: "Direcciones corrientes",
                pl: "Zwykłe adresy",
            },
            ExampleInput::Raw("From: a@example.com\nTo: Bob <b@example.com>\nSubject: Hi\n\nHello\n"),
        ),
    ],
    check: Check::Message(check),
};

/// The limit in force for a measured length.
fn limit_of(settings: &Settings, kind: AddressProblem) -> usize {
    settings.count(match kind {
        AddressProblem::LocalPartTooLong => &MAX_LOCAL_PART,
        AddressProblem::DomainTooLong => &MAX_DOMAIN,
        AddressProblem::LabelTooLong => &MAX_LABEL,
        _ => &MAX_ADDRESS,
    })
}

fn check(message: &Message, cx: &mut Context) {
    let settings = cx.settings;
    for (field, list) in message.address_fields() {
        // The lengths the parse measured, judged against the limits in force; as
        // the parse does, the whole address only when none of its parts is over.
        let mut problems: Vec<Problem<AddressProblem>> = Vec::new();
        for mailbox in &list.mailboxes {
            let over = |m: &&crate::grammar::address::MeasuredLength| m.octets > limit_of(settings, m.kind);
            let before = problems.len();
            let parts = mailbox.lengths.iter().filter(|m| m.kind != AddressProblem::AddressTooLong);
            problems.extend(parts.filter(over).map(|m| Problem::new(m.kind, m.start, m.end)));
            if problems.len() == before {
                let whole = mailbox.lengths.iter().filter(|m| m.kind == AddressProblem::AddressTooLong);
                problems.extend(whole.filter(over).map(|m| Problem::new(m.kind, m.start, m.end)));
            }
        }
        super::emit_grouped(cx, message, 0, field, &problems, |kind, _| {
            let what = match kind {
                AddressProblem::LocalPartTooLong => &LOCAL_PART,
                AddressProblem::DomainTooLong => &DOMAIN,
                AddressProblem::LabelTooLong => &LABEL,
                _ => &ADDRESS,
            };
            let limit = limit_of(settings, kind);
            let severity = if super::refused_when_unusable(field) { Severity::Error } else { Severity::Warning };
            Some(Draft::new(Msg::of(what).text("field", field.name.clone()).int("limit", limit)).severity(severity))
        });
    }
}
