//! `headers/reply-to`: the hosting guides ask scripts to use the same sending
//! address in From and Reply-To; a different Reply-To is a classic trait of
//! spam and phishing, and of contact forms that put the visitor's address
//! there. Information only: it is often deliberate.

use crate::i18n::Msg;
use crate::model::Message;
use crate::report::{Location, Severity};
use crate::rules::{Check, Context, Draft, Example, ExampleInput, Group, Rule};
use crate::settings::Evidence;
use crate::title;

crate::rule_texts! { "headers/reply-to";
    summary => {
        en: "Reply-To holds an address that is not in From.",
        fr: "Reply-To contient une adresse qui n'est pas dans From.",
        es: "Reply-To contiene una dirección que no está en From.",
        pl: "Reply-To zawiera adres, którego nie ma w From.",
    },
    why => {
        en: "The hosting guides ask scripts to use the same sending address in From and Reply-To. A different Reply-To is common in spam and phishing, so filters weigh it; it is also how contact forms forward visitors' addresses, which is fine when intended.",
        fr: "Les guides de l'hébergeur demandent aux scripts d'utiliser la même adresse d'envoi dans From et Reply-To. Un Reply-To différent est courant dans le spam et l'hameçonnage, et les filtres en tiennent compte ; c'est aussi ainsi que les formulaires de contact transmettent l'adresse du visiteur, ce qui est correct si c'est voulu.",
        es: "Las guías del alojamiento piden a los scripts usar la misma dirección de envío en From y Reply-To. Un Reply-To distinto es habitual en spam y phishing, y los filtros lo tienen en cuenta; también es la forma en que los formularios de contacto transmiten la dirección del visitante, lo cual es correcto si es intencionado.",
        pl: "Przewodniki hostingu proszą, by skrypty używały tego samego adresu nadawcy w From i Reply-To. Inny Reply-To jest typowy dla spamu i phishingu, więc filtry biorą go pod uwagę; w ten sposób formularze kontaktowe przekazują też adres odwiedzającego, co jest w porządku, jeśli jest zamierzone.",
    },
    fix => {
        en: "If it is not intended, use your sending address in Reply-To as the guides recommend; otherwise nothing to do.",
        fr: "Si ce n'est pas voulu, mettez votre adresse d'envoi dans Reply-To comme le recommandent les guides ; sinon, rien à faire.",
        es: "Si no es intencionado, ponga su dirección de envío en Reply-To como recomiendan las guías; si lo es, no hay nada que hacer.",
        pl: "Jeśli to niezamierzone, wpisz w Reply-To swój adres nadawcy, jak zalecają przewodniki; w przeciwnym razie nic nie trzeba robić.",
    },
    DIFFERS "differs" => {
        en: "Replies go to {replyTo}, not to the sender {from}.",
        fr: "Les réponses iront à {replyTo}, pas à l'expéditeur {from}.",
        es: "Las respuestas irán a {replyTo}, no al remitente {from}.",
        pl: "Odpowiedzi trafią do {replyTo}, a nie do nadawcy {from}.",
    },
}

pub const RULE: Rule = Rule {
    id: ID,
    group: Group::Headers,
    severity: Severity::Info,
    evidence: &[Evidence::Guide(
        "seed 002 (fr) l. 93: « Pour le `$headers`, renseignez deux fois la même adresse e-mail émettrice »",
    )],
    score: crate::rules::scores::NONE,
    texts: &TEXTS,
    thresholds: &[],
    examples: &[
        Example::fails(
            title! {
                en: "Reply-To differs from From",
                fr: "Reply-To diffère de From",
                es: "Reply-To distinto de From",
                pl: "Reply-To różni się od From",
            },
            ExampleInput::Raw(
                "From: shop@example.com\nReply-To: visitor@mail.example\nTo: b@example.com\nSubject: Hi\n\nHello\n",
            ),
        ),
        Example::passes(
            title! {
                en: "Same address, different case and display name",
                fr: "Même adresse, casse et nom affiché différents",
                es: "Misma dirección, con otras mayúsculas y otro nombre visible",
                pl: "Ten sam adres, inna wielkość liter i nazwa wyświetlana",
            },
            ExampleInput::Raw(
                "From: Shop <shop@example.com>\nReply-To: shop@EXAMPLE.com\nTo: b@example.com\nSubject: Hi\n\nHello\n",
            ),
        ),
        Example::passes(
            title! { en: "No Reply-To", fr: "Pas de Reply-To", es: "Sin Reply-To", pl: "Brak Reply-To" },
            ExampleInput::Raw("From: shop@example.com\nTo: b@example.com\nSubject: Hi\n\nHello\n"),
        ),
    ],
    check: Check::Message(check),
};

/// `local@domain` with the domain lower-cased (RFC 5321 §2.4: domains are case-insensitive).
fn addresses(message: &Message, field: &crate::model::headers::HeaderField) -> Vec<String> {
    let value = field.raw_value(message.raw);
    let Some(list) = message.addresses_of(field) else { return Vec::new() };
    // An address that does not read as one (`Mailbox::readable`) is address-syntax's finding, not a second address.
    list.mailboxes
        .iter()
        .filter(|m| m.readable)
        .map(|m| {
            let local = String::from_utf8_lossy(value.get(m.local_part.0..m.local_part.1).unwrap_or(&[])).into_owned();
            let domain = String::from_utf8_lossy(value.get(m.domain.0..m.domain.1).unwrap_or(&[])).to_lowercase();
            format!("{local}@{domain}")
        })
        .collect()
}

fn check(message: &Message, cx: &mut Context) {
    let (Some(from), Some(reply_to)) = (message.header("From"), message.header("Reply-To")) else { return };
    let from_addresses = addresses(message, from);
    let reply_addresses = addresses(message, reply_to);
    let differing: Vec<&String> = reply_addresses.iter().filter(|r| !from_addresses.contains(r)).collect();
    if from_addresses.is_empty() || differing.is_empty() {
        return;
    }
    cx.emit(
        Draft::new(
            Msg::of(&DIFFERS)
                .text("replyTo", differing.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(", "))
                .text("from", from_addresses.join(", ")),
        )
        .evidence(super::field_text(message, reply_to))
        .at(Location::header(reply_to.name.clone(), reply_to.start, reply_to.end)),
    );
}
