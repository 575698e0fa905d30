//! `dkim/header-coverage`: what `h=` signs. The From field must be signed
//! (RFC 6376 §5.4; verifiers ignore a signature whose `h=` lacks it, §6.1.1),
//! and a one-click unsubscribe is honoured only when `List-Unsubscribe` and
//! `List-Unsubscribe-Post` are covered by a valid DKIM signature (RFC 8058 §4).
//! The unsubscribe findings follow the `bulk/*` rules' gate: information
//! unless `bulk.dailyVolume` says the site is a bulk sender, for whom the
//! one-click requirement binds; the same one-click is missing whether the
//! Post field is absent (`bulk/one-click`), unsigned, or the message unsigned
//! (information at any volume: it may be signed after it is written).

use super::{domain_of, evidence, location};
use crate::i18n::Msg;
use crate::model::Message;
use crate::report::Severity;
use crate::rules::{scores, Check, Context, Draft, Example, ExampleInput, Group, Rule};
use crate::settings::Evidence;
use crate::title;

crate::rule_texts! { "dkim/header-coverage";
    summary => {
        en: "A DKIM signature does not sign From, or leaves the unsubscribe fields unsigned.",
        fr: "Une signature DKIM ne signe pas From, ou laisse les champs de désabonnement non signés.",
        es: "Una firma DKIM no firma From, o deja sin firmar los campos de baja.",
        pl: "Podpis DKIM nie obejmuje From albo pozostawia niepodpisane pola wypisania.",
    },
    why => {
        en: "RFC 6376 requires the From field to be signed; verifiers ignore a signature whose h= list lacks it, so the message counts as unsigned. Gmail and Yahoo honour one-click unsubscribe only when List-Unsubscribe and List-Unsubscribe-Post are covered by a valid DKIM signature (RFC 8058).",
        fr: "La RFC 6376 exige que le champ From soit signé ; les vérificateurs ignorent une signature dont la liste h= ne le contient pas, et le message compte comme non signé. Gmail et Yahoo n'honorent le désabonnement en un clic que si List-Unsubscribe et List-Unsubscribe-Post sont couverts par une signature DKIM valide (RFC 8058).",
        es: "El RFC 6376 exige firmar el campo From; los verificadores ignoran una firma cuya lista h= no lo contiene, y el mensaje cuenta como no firmado. Gmail y Yahoo solo respetan la baja en un clic si List-Unsubscribe y List-Unsubscribe-Post están cubiertos por una firma DKIM válida (RFC 8058).",
        pl: "RFC 6376 wymaga podpisania pola From; weryfikatory ignorują podpis, którego lista h= go nie zawiera, i wiadomość liczy się jako niepodpisana. Gmail i Yahoo honorują wypisanie jednym kliknięciem tylko wtedy, gdy List-Unsubscribe i List-Unsubscribe-Post są objęte ważnym podpisem DKIM (RFC 8058).",
    },
    fix => {
        en: "Add the missing fields to the signer's list of signed headers (h=): From always, and List-Unsubscribe and List-Unsubscribe-Post for bulk mail.",
        fr: "Ajoutez les champs manquants à la liste des en-têtes signés (h=) : toujours From, et List-Unsubscribe et List-Unsubscribe-Post pour les envois en nombre.",
        es: "Añada los campos que faltan a la lista de cabeceras firmadas (h=): siempre From, y List-Unsubscribe y List-Unsubscribe-Post en envíos masivos.",
        pl: "Dodaj brakujące pola do listy podpisywanych nagłówków (h=): zawsze From, a przy wysyłce masowej List-Unsubscribe i List-Unsubscribe-Post.",
    },
    NO_FROM "no-from" => {
        en: "The signature of {domain} does not sign From (h={signed}): verifiers ignore it.",
        fr: "La signature de {domain} ne signe pas From (h={signed}) : les vérificateurs l'ignorent.",
        es: "La firma de {domain} no firma From (h={signed}): los verificadores la ignoran.",
        pl: "Podpis {domain} nie obejmuje From (h={signed}): weryfikatory go ignorują.",
    },
    UNSUBSCRIBE "unsubscribe" => {
        en: "No DKIM signature signs {field}: receivers do not offer one-click unsubscribe for this message.",
        fr: "Aucune signature DKIM ne signe {field} : les destinataires ne proposent pas le désabonnement en un clic pour ce message.",
        es: "Ninguna firma DKIM firma {field}: los destinatarios no ofrecen la baja en un clic para este mensaje.",
        pl: "Żaden podpis DKIM nie obejmuje {field}: odbiorcy nie zaoferują wypisania jednym kliknięciem dla tej wiadomości.",
    },
    UNSIGNED "unsigned" => {
        en: "The message has List-Unsubscribe-Post but no valid DKIM signature that signs From yet: receivers offer one-click unsubscribe only when a signature covers List-Unsubscribe and List-Unsubscribe-Post. If your mail server or provider signs it later, make sure its h= lists both.",
        fr: "Le message a List-Unsubscribe-Post mais pas encore de signature DKIM valide qui signe From : les destinataires ne proposent le désabonnement en un clic que si une signature couvre List-Unsubscribe et List-Unsubscribe-Post. Si votre serveur ou votre prestataire le signe ensuite, vérifiez que son h= contient les deux.",
        es: "El mensaje tiene List-Unsubscribe-Post pero aún ninguna firma DKIM válida que firme From: los destinatarios solo ofrecen la baja en un clic si una firma cubre List-Unsubscribe y List-Unsubscribe-Post. Si su servidor o su proveedor lo firma después, compruebe que su h= incluye los dos.",
        pl: "Wiadomość ma List-Unsubscribe-Post, ale jeszcze żadnego ważnego podpisu DKIM obejmującego From: odbiorcy oferują wypisanie jednym kliknięciem tylko wtedy, gdy podpis obejmuje List-Unsubscribe i List-Unsubscribe-Post. Jeśli Twój serwer lub dostawca podpisuje ją później, sprawdź, czy jego h= zawiera oba pola.",
    },
}

pub const RULE: Rule = Rule {
    id: ID,
    group: Group::Dkim,
    severity: Severity::Warning,
    evidence: &[
        Evidence::Rfc("RFC 6376 §5.4: \"The From header field MUST be signed\"; §6.1.1: verifiers MUST ignore a signature whose h= does not include From"),
        Evidence::Rfc("RFC 8058 §4: the List-Unsubscribe and List-Unsubscribe-Post header fields need to be covered by a valid DKIM signature"),
        crate::rules::bulk::GMAIL_EVIDENCE,
        crate::rules::bulk::YAHOO_EVIDENCE,
        Evidence::Ours("the unsubscribe findings are warnings only when bulk.dailyVolume reaches bulk.bulkSenderVolume, as for bulk/*: the one-click requirement binds bulk senders, and no receiver is documented to punish a smaller sender for a missing one-click unsubscribe; a message with no signature at all is information at any volume, since mail is often signed after it is written (by the sending server or the provider); the From finding is always a warning"),
    ],
    score: scores::NONE,
    texts: &TEXTS,
    thresholds: &[&crate::rules::bulk::DAILY_VOLUME, &crate::rules::bulk::BULK_SENDER_VOLUME],
    examples: &[
        Example::fails(
            title! {
                en: "h= without From",
                fr: "h= sans From",
                es: "h= sin From",
                pl: "h= bez From",
            },
            ExampleInput::Raw("DKIM-Signature: v=1; a=rsa-sha256; d=my-site.example; s=s1; h=to:subject;\n bh=Ba3gj8+xBPQLJTahTfzW6RbWQ/XPgESxkCi2B66PSQg=; b=AAAA\nFrom: contact@my-site.example\nTo: b@example.org\nSubject: Hi\n\nHello\n"),
        ),
        Example::fails(
            title! {
                en: "One-click unsubscribe fields left unsigned, by a bulk sender",
                fr: "Champs de désabonnement en un clic non signés, chez un expéditeur en nombre",
                es: "Campos de baja en un clic sin firmar, en un remitente masivo",
                pl: "Niepodpisane pola wypisania jednym kliknięciem u nadawcy masowego",
            },
            ExampleInput::Raw(UNSIGNED_FIELDS),
        )
        .with_options(r#"{"thresholds": {"bulk": {"dailyVolume": 20000}}}"#)
        .times(2),
        Example::fails(
            title! {
                en: "List-Unsubscribe-Post left unsigned (Nodemailer's default h=), volume not given",
                fr: "List-Unsubscribe-Post non signé (le h= par défaut de Nodemailer), volume non indiqué",
                es: "List-Unsubscribe-Post sin firmar (el h= por defecto de Nodemailer), volumen no indicado",
                pl: "Niepodpisane List-Unsubscribe-Post (domyślne h= Nodemailera), wolumen nie podany",
            },
            ExampleInput::Raw("DKIM-Signature: v=1; a=rsa-sha256; d=my-site.example; s=s1; h=from:to:subject:list-unsubscribe;\n bh=Ba3gj8+xBPQLJTahTfzW6RbWQ/XPgESxkCi2B66PSQg=; b=AAAA\nFrom: news@my-site.example\nTo: b@example.org\nSubject: News\nList-Unsubscribe: <https://my-site.example/u/1>\nList-Unsubscribe-Post: List-Unsubscribe=One-Click\n\nHello\n"),
        )
        .at(Severity::Info),
        Example::fails(
            title! {
                en: "One-click fields in a message with no DKIM signature",
                fr: "Champs de désabonnement en un clic dans un message sans signature DKIM",
                es: "Campos de baja en un clic en un mensaje sin firma DKIM",
                pl: "Pola wypisania jednym kliknięciem w wiadomości bez podpisu DKIM",
            },
            ExampleInput::Raw("From: news@my-site.example\nTo: b@example.org\nSubject: News\nList-Unsubscribe: <https://my-site.example/u/1>\nList-Unsubscribe-Post: List-Unsubscribe=One-Click\n\nHello\n"),
        )
        .at(Severity::Info),
        Example::passes(
            title! {
                en: "From and both unsubscribe fields signed",
                fr: "From et les deux champs de désabonnement signés",
                es: "From y los dos campos de baja firmados",
                pl: "Podpisane From i oba pola wypisania",
            },
            ExampleInput::Raw("DKIM-Signature: v=1; a=rsa-sha256; d=my-site.example; s=s1;\n h=from:to:subject:list-unsubscribe:list-unsubscribe-post;\n bh=Ba3gj8+xBPQLJTahTfzW6RbWQ/XPgESxkCi2B66PSQg=; b=AAAA\nFrom: news@my-site.example\nTo: b@example.org\nSubject: News\nList-Unsubscribe: <https://my-site.example/u/1>\nList-Unsubscribe-Post: List-Unsubscribe=One-Click\n\nHello\n"),
        ),
    ],
    check: Check::Message(check),
};

/// A message whose signature signs From but neither unsubscribe field (two examples).
const UNSIGNED_FIELDS: &str = "DKIM-Signature: v=1; a=rsa-sha256; d=my-site.example; s=s1; h=from:to:subject;\n bh=Ba3gj8+xBPQLJTahTfzW6RbWQ/XPgESxkCi2B66PSQg=; b=AAAA\nFrom: news@my-site.example\nTo: b@example.org\nSubject: News\nList-Unsubscribe: <https://my-site.example/u/1>\nList-Unsubscribe-Post: List-Unsubscribe=One-Click\n\nHello\n";

fn check(message: &Message, cx: &mut Context) {
    // Without a signature nothing is covered, and without List-Unsubscribe-Post
    // nothing needs to be: the rule has nothing to say.
    if message.identity.dkim.is_empty() && message.identity.unsubscribe.post.is_none() {
        return;
    }
    check_signatures(message, cx);
}

/// The findings of a message with a DKIM signature or a List-Unsubscribe-Post field.
/// Out of line, compiled only for a message that has either (#14 cold start: V8
/// compiles a wasm function whole at its first call; `check` went from 1,766 to
/// 38 bytes of body, `tests/bench/first-lint-compiles.mjs`).
#[inline(never)]
fn check_signatures(message: &Message, cx: &mut Context) {
    let signatures = &message.identity.dkim;
    for facts in signatures {
        if !facts.signature.signed_headers.is_empty() && !facts.signature.signs("from") {
            cx.emit(
                Draft::new(
                    Msg::of(&NO_FROM)
                        .text("domain", domain_of(facts))
                        .text("signed", facts.signature.signed_headers.join(":")),
                )
                .evidence(evidence(message, facts, Some("h")))
                .at(location(message, facts)),
            );
        }
    }
    // Only signatures that sign From count as valid for RFC 8058.
    let usable: Vec<_> =
        signatures.iter().filter(|f| f.signature.signs("from") && f.signature.problems.is_empty()).collect();
    let severity = crate::rules::bulk::requirement_severity(cx.settings);
    let unsubscribe = &message.identity.unsubscribe;
    if usable.is_empty() {
        // One finding for the message, not one per field: no signature covers either.
        if let Some((field, _)) = &unsubscribe.post {
            cx.emit(
                Draft::new(Msg::of(&UNSIGNED))
                    .evidence(crate::rules::bulk::unsubscribe_text(message, *field))
                    .at(crate::rules::sender::field_location(message, *field))
                    .severity(Severity::Info),
            );
        }
        return;
    }
    let present = [
        ("List-Unsubscribe", unsubscribe.field),
        ("List-Unsubscribe-Post", unsubscribe.post.as_ref().map(|(index, _)| *index)),
    ];
    for (name, field) in present {
        let Some(field) = field else { continue };
        if !usable.iter().any(|f| f.signature.signs(name)) {
            let quoted = message.header.fields.get(field).map(|f| crate::rules::headers::field_text(message, f));
            cx.emit(
                Draft::new(Msg::of(&UNSUBSCRIBE).text("field", name))
                    .evidence(quoted.unwrap_or_default())
                    .at(crate::rules::sender::field_location(message, field))
                    .severity(severity),
            );
        }
    }
}
