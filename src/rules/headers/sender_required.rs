//! `headers/sender-required`: RFC 5322 §3.6.2: "If the from field contains
//! more than one mailbox specification in the mailbox-list, then the sender
//! field, containing the field of the agent responsible for the actual
//! transmission of the message, MUST appear in the message." Sender itself
//! holds exactly one mailbox.

use crate::i18n::Msg;
use crate::model::Message;
use crate::report::{Location, Severity};
use crate::rules::{Check, Context, Draft, Example, ExampleInput, Group, Rule};
use crate::settings::Evidence;
use crate::title;

crate::rule_texts! { "headers/sender-required";
    summary => {
        en: "From holds several mailboxes but there is no single-mailbox Sender field.",
        fr: "From contient plusieurs adresses mais il n'y a pas de champ Sender à adresse unique.",
        es: "From contiene varias direcciones pero no hay un campo Sender con una sola dirección.",
        pl: "From zawiera kilka adresów, a brak pola Sender z jednym adresem.",
    },
    why => {
        en: "RFC 5322 §3.6.2: when From lists several authors, Sender MUST name the one mailbox that actually sent the message. Without it, servers cannot tell who is responsible for the mail.",
        fr: "RFC 5322 §3.6.2 : quand From liste plusieurs auteurs, Sender DOIT désigner l'unique adresse qui a réellement envoyé le message. Sans lui, les serveurs ne savent pas qui est responsable du courrier.",
        es: "RFC 5322 §3.6.2: cuando From enumera varios autores, Sender DEBE indicar la única dirección que envió realmente el mensaje. Sin él, los servidores no saben quién es responsable del correo.",
        pl: "RFC 5322 §3.6.2: gdy From wymienia kilku autorów, Sender MUSI wskazać jeden adres, z którego faktycznie wysłano wiadomość. Bez niego serwery nie wiedzą, kto odpowiada za pocztę.",
    },
    fix => {
        en: "Put one address in From, or add a Sender field with the single address that sends (RFC 5322 §3.6.2).",
        fr: "Mettez une seule adresse dans From, ou ajoutez un champ Sender avec l'unique adresse qui envoie (RFC 5322 §3.6.2).",
        es: "Ponga una sola dirección en From, o añada un campo Sender con la única dirección que envía (RFC 5322 §3.6.2).",
        pl: "Wpisz jeden adres w From albo dodaj pole Sender z jednym adresem, który wysyła (RFC 5322 §3.6.2).",
    },
    MISSING "missing" => {
        en: "From holds {count, plural, one {# mailbox} other {# mailboxes}} and there is no Sender field.",
        fr: "From contient {count, plural, one {# adresse} many {# d'adresses} other {# adresses}} et il n'y a pas de champ Sender.",
        es: "From contiene {count, plural, one {# dirección} many {# de direcciones} other {# direcciones}} y no hay campo Sender.",
        pl: "From zawiera {count, plural, one {# adres} few {# adresy} many {# adresów} other {# adresu}}, a brak pola Sender.",
    },
    SEVERAL "several" => {
        en: "Sender holds {count, plural, one {# mailbox} other {# mailboxes}}; it must hold exactly one.",
        fr: "Sender contient {count, plural, one {# adresse} many {# d'adresses} other {# adresses}} ; il doit en contenir exactement une.",
        es: "Sender contiene {count, plural, one {# dirección} many {# de direcciones} other {# direcciones}}; debe contener exactamente una.",
        pl: "Sender zawiera {count, plural, one {# adres} few {# adresy} many {# adresów} other {# adresu}}; musi zawierać dokładnie jeden.",
    },
}

pub const RULE: Rule = Rule {
    id: ID,
    group: Group::Headers,
    severity: Severity::Error,
    evidence: &[
        Evidence::Rfc("RFC 5322 §3.6.2: if From holds more than one mailbox, the Sender field MUST appear; Sender holds one mailbox"),
        Evidence::Guide("seed 002 (fr) l. 176: « L'entête de l'e-mail envoyé ne respecte pas les RFC « e-mails » (normes ou standards e-mails) »"),
    ],
    score: crate::rules::scores::NONE,
    texts: &TEXTS,
    thresholds: &[],
    examples: &[
        Example::fails(
            title! {
                en: "Two From mailboxes and no Sender",
                fr: "Deux adresses dans From et pas de Sender",
                es: "Dos direcciones en From y ningún Sender",
                pl: "Dwa adresy w From i brak pola Sender",
            },
            ExampleInput::Raw("From: a@example.com, c@example.com\nTo: b@example.com\nSubject: Hi\n\nHello\n"),
        ),
        Example::fails(
            title! {
                en: "A Sender with two mailboxes",
                fr: "Un Sender avec deux adresses",
                es: "Un Sender con dos direcciones",
                pl: "Sender z dwoma adresami",
            },
            ExampleInput::Raw("From: a@example.com, c@example.com\nSender: a@example.com, c@example.com\nTo: b@example.com\nSubject: Hi\n\nHello\n"),
        ),
        Example::passes(
            title! {
                en: "Two From mailboxes and a Sender",
                fr: "Deux adresses dans From et un Sender",
                es: "Dos direcciones en From y un Sender",
                pl: "Dwa adresy w From i pole Sender",
            },
            ExampleInput::Raw("From: a@example.com, c@example.com\nSender: a@example.com\nTo: b@example.com\nSubject: Hi\n\nHello\n"),
        ),
        Example::passes(
            title! {
                en: "One From mailbox",
                fr: "Une seule adresse dans From",
                es: "Una sola dirección en From",
                pl: "Jeden adres w polu From",
            },
            ExampleInput::Raw("From: Alice <a@example.com>\nTo: b@example.com\nSubject: Hi\n\nHello\n"),
        ),
    ],
    check: Check::Message(check),
};

fn check(message: &Message, cx: &mut Context) {
    let Some(from) = message.header("From") else { return };
    let mailboxes = message.addresses_of(from).map_or(0, |list| list.mailboxes.len());
    match message.header("Sender") {
        None if mailboxes > 1 => cx.emit(
            Draft::new(Msg::of(&MISSING).int("count", mailboxes))
                .evidence(super::field_text(message, from))
                .at(Location::header(from.name.clone(), from.start, from.end)),
        ),
        Some(sender) => {
            let count = message.addresses_of(sender).map_or(0, |list| list.mailboxes.len());
            if count > 1 {
                cx.emit(
                    Draft::new(Msg::of(&SEVERAL).int("count", count))
                        .evidence(super::field_text(message, sender))
                        .at(Location::header(sender.name.clone(), sender.start, sender.end)),
                );
            }
        }
        None => {}
    }
}
