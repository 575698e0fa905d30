//! `spam/priority-header` *(SpamAssassin XPRIO family)*: `X-Priority: 1` or
//! `X-MSMail-Priority: High` (or `Priority: urgent`, `Importance: high`) on a
//! message. Bulk-mail tools set the highest priority to catch the eye; filters
//! score it. Priorities 3 (normal) and lower are what mail clients write by
//! default and are not reported.

use crate::i18n::Msg;
use crate::model::Message;
use crate::report::{Location, Severity};
use crate::rules::scores;
use crate::rules::{Check, Context, Draft, Example, ExampleInput, Group, Rule};
use crate::settings::Evidence;
use crate::title;

crate::rule_texts! { "spam/priority-header";
    summary => {
        en: "The message is marked as highest priority.",
        fr: "Le message est marqué comme de priorité maximale.",
        es: "El mensaje está marcado con la prioridad más alta.",
        pl: "Wiadomość jest oznaczona najwyższym priorytetem.",
    },
    why => {
        en: "Bulk-mail tools mark messages as urgent to catch the eye, and spam filters score the highest priority on mail that is not otherwise trusted (SpamAssassin's XPRIO rules). A newsletter or a form notification is never urgent for its reader.",
        fr: "Les outils d'envoi en masse marquent les messages comme urgents pour attirer l'œil, et les filtres anti-spam notent la priorité maximale d'un courrier qui n'est pas par ailleurs de confiance (règles XPRIO de SpamAssassin). Une lettre d'information ou une notification de formulaire n'est jamais urgente pour son lecteur.",
        es: "Las herramientas de envío masivo marcan los mensajes como urgentes para llamar la atención, y los filtros antispam puntúan la prioridad máxima en el correo que no es de confianza por otros motivos (reglas XPRIO de SpamAssassin). Un boletín o una notificación de formulario nunca es urgente para su lector.",
        pl: "Narzędzia do masowej wysyłki oznaczają wiadomości jako pilne, aby przyciągnąć uwagę, a filtry antyspamowe oceniają najwyższy priorytet poczty, która nie jest zaufana z innych powodów (reguły XPRIO SpamAssassin). Biuletyn czy powiadomienie z formularza nigdy nie jest pilne dla czytelnika.",
    },
    fix => {
        en: "Remove the priority header fields (X-Priority, X-MSMail-Priority, Importance, Priority), or leave the normal priority.",
        fr: "Retirez les champs d'en-tête de priorité (X-Priority, X-MSMail-Priority, Importance, Priority), ou laissez la priorité normale.",
        es: "Quite los campos de cabecera de prioridad (X-Priority, X-MSMail-Priority, Importance, Priority), o deje la prioridad normal.",
        pl: "Usuń pola nagłówka priorytetu (X-Priority, X-MSMail-Priority, Importance, Priority) albo zostaw priorytet normalny.",
    },
    HIGHEST "highest" => {
        en: "{field}: {value} marks the message as highest priority.",
        fr: "{field}: {value} marque le message comme de priorité maximale.",
        es: "{field}: {value} marca el mensaje con la prioridad más alta.",
        pl: "{field}: {value} oznacza wiadomość najwyższym priorytetem.",
    },
}

pub const RULE: Rule = Rule {
    id: ID,
    group: Group::Spam,
    severity: Severity::Warning,
    evidence: &[
        Evidence::Receiver("SpamAssassin 4.0 XPRIO \"Has X-Priority header\" (72_active.cf, score limit 2.25, when the mail is not DKIM-signed or SPF-passed), XPRIO_SHORT_SUBJ, FROM_MISSP_XPRIO; rspamd HAS_X_PRIO_ONE (rules/headers_checks.lua) feeds its composites"),
        Evidence::Measured("spamassassin-public-dev: X-Priority 1 or X-MSMail-Priority High on 0 ham of 750, 21 spam of 499 (4.2 %); X-Priority of any value on 144 ham, so only the highest is reported"),
    ],
    score: scores::PRIORITY_HEADER,
    texts: &TEXTS,
    thresholds: &[],
    examples: &[
        Example::fails(
            title! {
                en: "X-Priority 1 and X-MSMail-Priority High",
                fr: "X-Priority 1 et X-MSMail-Priority High",
                es: "X-Priority 1 y X-MSMail-Priority High",
                pl: "X-Priority 1 i X-MSMail-Priority High",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Offer\nX-Priority: 1 (Highest)\nX-MSMail-Priority: High\n\nHello.\n"),
        ),
        Example::passes(
            title! {
                en: "The normal priority a mail client writes",
                fr: "La priorité normale qu'écrit un logiciel de messagerie",
                es: "La prioridad normal que escribe un cliente de correo",
                pl: "Normalny priorytet zapisywany przez program pocztowy",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Notes\nX-Priority: 3 (Normal)\nX-MSMail-Priority: Normal\nImportance: Normal\n\nHello.\n"),
        ),
    ],
    check: Check::Message(check),
};

/// Whether a priority field's value is the highest: `X-Priority` 1 (RFC-less,
/// Outlook/Eudora), `X-MSMail-Priority`/`Importance` High (RFC 4021 §2.1.54),
/// `Priority` urgent (RFC 2156 §5.3.6).
fn is_highest(name: &str, value: &str) -> bool {
    let value = value.trim().to_ascii_lowercase();
    match name.to_ascii_lowercase().as_str() {
        "x-priority" => value.split(|c: char| !c.is_ascii_digit()).next() == Some("1"),
        "x-msmail-priority" | "importance" => value.starts_with("high"),
        "priority" => value.starts_with("urgent"),
        _ => false,
    }
}

fn check(message: &Message, cx: &mut Context) {
    // One finding for the message: the first field that says "highest".
    for field in &message.header.fields {
        // The name first: only these fields are unfolded (`is_highest` reads no other).
        if !["x-priority", "x-msmail-priority", "importance", "priority"].iter().any(|n| field.name.eq_ignore_ascii_case(n))
        {
            continue;
        }
        let value = field.unfolded_value(message.raw);
        if is_highest(&field.name, &value) {
            cx.emit(
                Draft::new(Msg::of(&HIGHEST).text("field", field.name.clone()).text("value", value.trim()))
                    .evidence(String::from_utf8_lossy(field.raw_field(message.raw)))
                    .at(Location::header(field.name.clone(), field.start, field.end)),
            );
            return;
        }
    }
}
