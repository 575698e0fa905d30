//! `bulk/one-click`: bulk mail with an `https:` unsubscribe URI but without
//! `List-Unsubscribe-Post: List-Unsubscribe=One-Click` exactly (RFC 8058
//! §3.1: "MUST contain the single key/value pair"). Without it, receivers do
//! not POST, and Gmail's one-click requirement is not met.

use super::{bulk_marker, BULK_RECIPIENTS, GMAIL_EVIDENCE, YAHOO_EVIDENCE};
use crate::i18n::Msg;
use crate::model::Message;
use crate::report::Severity;
use crate::rules::sender::field_location;
use crate::rules::{scores, Check, Context, Draft, Example, ExampleInput, Group, Rule};
use crate::settings::Evidence;
use crate::title;

/// The one value RFC 8058 §3.1 allows.
pub const ONE_CLICK: &str = "List-Unsubscribe=One-Click";

crate::rule_texts! { "bulk/one-click";
    summary => {
        en: "Bulk mail without List-Unsubscribe-Post: List-Unsubscribe=One-Click.",
        fr: "Un envoi en nombre sans List-Unsubscribe-Post: List-Unsubscribe=One-Click.",
        es: "Un envío masivo sin List-Unsubscribe-Post: List-Unsubscribe=One-Click.",
        pl: "Wysyłka masowa bez List-Unsubscribe-Post: List-Unsubscribe=One-Click.",
    },
    why => {
        en: "One-click unsubscribe (RFC 8058) needs both fields: the https: address in List-Unsubscribe and List-Unsubscribe-Post with exactly List-Unsubscribe=One-Click. Without the second, Gmail does not offer its one-click unsubscribe and the bulk-sender requirement is not met. The requirement binds senders of about 5,000 messages a day or more: the finding is a warning when the option bulk.dailyVolume says so, information otherwise.",
        fr: "Le désabonnement en un clic (RFC 8058) exige les deux champs : l'adresse https: dans List-Unsubscribe et List-Unsubscribe-Post avec exactement List-Unsubscribe=One-Click. Sans le second, Gmail ne propose pas son désabonnement en un clic et l'exigence pour les expéditeurs en nombre n'est pas remplie. L'exigence vise les expéditeurs d'environ 5 000 messages par jour ou plus : le constat est un avertissement quand l'option bulk.dailyVolume l'indique, une information sinon.",
        es: "La baja en un clic (RFC 8058) necesita los dos campos: la dirección https: en List-Unsubscribe y List-Unsubscribe-Post con exactamente List-Unsubscribe=One-Click. Sin el segundo, Gmail no ofrece su baja en un clic y no se cumple el requisito para remitentes masivos. El requisito obliga a quien envía unos 5.000 mensajes al día o más: el resultado es una advertencia cuando la opción bulk.dailyVolume lo indica, una información en otro caso.",
        pl: "Wypisanie jednym kliknięciem (RFC 8058) wymaga obu pól: adresu https: w List-Unsubscribe i List-Unsubscribe-Post z dokładnie List-Unsubscribe=One-Click. Bez drugiego Gmail nie oferuje wypisania jednym kliknięciem i wymóg dla nadawców masowych nie jest spełniony. Wymóg dotyczy nadawców około 5000 wiadomości dziennie lub więcej: wynik jest ostrzeżeniem, gdy opcja bulk.dailyVolume to wskazuje, a informacją w przeciwnym razie.",
    },
    fix => {
        en: "Add the field List-Unsubscribe-Post: List-Unsubscribe=One-Click, exactly so, and sign it with DKIM.",
        fr: "Ajoutez le champ List-Unsubscribe-Post: List-Unsubscribe=One-Click, exactement ainsi, et signez-le en DKIM.",
        es: "Añada el campo List-Unsubscribe-Post: List-Unsubscribe=One-Click, exactamente así, y fírmelo con DKIM.",
        pl: "Dodaj pole List-Unsubscribe-Post: List-Unsubscribe=One-Click dokładnie w tej postaci i podpisz je DKIM.",
    },
    MISSING "missing" => {
        en: "This is bulk mail ({marker}) with an https: unsubscribe address, but there is no List-Unsubscribe-Post field.",
        fr: "C'est un envoi en nombre ({marker}) avec une adresse de désabonnement https:, mais il n'y a pas de champ List-Unsubscribe-Post.",
        es: "Es un envío masivo ({marker}) con una dirección de baja https:, pero no hay campo List-Unsubscribe-Post.",
        pl: "To wysyłka masowa ({marker}) z adresem wypisania https:, ale brak pola List-Unsubscribe-Post.",
    },
    WRONG "wrong" => {
        en: "List-Unsubscribe-Post is \"{value}\"; RFC 8058 allows only \"List-Unsubscribe=One-Click\".",
        fr: "List-Unsubscribe-Post vaut « {value} » ; la RFC 8058 n'autorise que « List-Unsubscribe=One-Click ».",
        es: "List-Unsubscribe-Post es «{value}»; el RFC 8058 solo permite «List-Unsubscribe=One-Click».",
        pl: "List-Unsubscribe-Post ma wartość „{value}”; RFC 8058 dopuszcza tylko „List-Unsubscribe=One-Click”.",
    },
}

pub const RULE: Rule = Rule {
    id: ID,
    group: Group::Bulk,
    // Information by default: a warning only for a bulk sender (bulk.dailyVolume), as each finding says.
    severity: Severity::Info,
    evidence: &[
        Evidence::Rfc("RFC 8058 §3.1: \"The List-Unsubscribe-Post header field MUST contain the single key/value pair List-Unsubscribe=One-Click\""),
        GMAIL_EVIDENCE,
        YAHOO_EVIDENCE,
    ],
    score: scores::NONE,
    texts: &TEXTS,
    thresholds: &[&BULK_RECIPIENTS, &super::DAILY_VOLUME, &super::BULK_SENDER_VOLUME],
    examples: &[
        Example::fails(
            title! {
                en: "An https: address without List-Unsubscribe-Post",
                fr: "Une adresse https: sans List-Unsubscribe-Post",
                es: "Una dirección https: sin List-Unsubscribe-Post",
                pl: "Adres https: bez List-Unsubscribe-Post",
            },
            ExampleInput::Raw("From: news@my-site.example\nTo: b@example.org\nSubject: News\nList-Id: News <news.my-site.example>\nList-Unsubscribe: <https://my-site.example/u/1>\n\nHello\n"),
        )
        .with_options(r#"{"thresholds": {"bulk": {"dailyVolume": 20000}}}"#)
        .at(Severity::Warning),
        Example::fails(
            title! {
                en: "A List-Unsubscribe-Post with another value",
                fr: "Un List-Unsubscribe-Post avec une autre valeur",
                es: "Un List-Unsubscribe-Post con otro valor",
                pl: "List-Unsubscribe-Post z inną wartością",
            },
            ExampleInput::Raw("From: news@my-site.example\nTo: b@example.org\nSubject: News\nPrecedence: bulk\nList-Unsubscribe: <https://my-site.example/u/1>\nList-Unsubscribe-Post: One-Click=yes\n\nHello\n"),
        )
        .at(Severity::Warning),
        Example::passes(
            title! {
                en: "Both fields as RFC 8058 writes them",
                fr: "Les deux champs comme les écrit la RFC 8058",
                es: "Los dos campos como los escribe el RFC 8058",
                pl: "Oba pola tak, jak zapisuje je RFC 8058",
            },
            ExampleInput::Raw("From: news@my-site.example\nTo: b@example.org\nSubject: News\nList-Id: News <news.my-site.example>\nList-Unsubscribe: <https://my-site.example/u/1>\nList-Unsubscribe-Post: List-Unsubscribe=One-Click\n\nHello\n"),
        ),
    ],
    check: Check::Message(check),
};

fn check(message: &Message, cx: &mut Context) {
    let Some(bulk) = bulk_marker(message, cx.settings) else { return };
    let unsubscribe = &message.identity.unsubscribe;
    // Without an https: URI, bulk/list-unsubscribe says what is missing.
    if unsubscribe.https().next().is_none() {
        return;
    }
    let severity = super::requirement_severity(cx.settings);
    match &unsubscribe.post {
        // The https: address that has no List-Unsubscribe-Post beside it.
        None => cx.emit(
            Draft::new(Msg::of(&MISSING).text("marker", bulk.marker))
                .evidence(unsubscribe.field.map_or(bulk.evidence, |f| super::unsubscribe_text(message, f)))
                .at(unsubscribe.field.map_or(crate::report::Location::message(), |f| field_location(message, f)))
                .severity(severity),
        ),
        Some((field, value)) if value.trim() != ONE_CLICK => cx.emit(
            // A value receivers do not act on is a warning at any volume: the sender meant one-click.
            Draft::new(Msg::of(&WRONG).text("value", value.clone()))
                .evidence(value)
                .at(field_location(message, *field))
                .severity(Severity::Warning),
        ),
        Some(_) => {}
    }
}
