//! The `bulk/*` rules: Gmail's and Yahoo's requirements for bulk mail since
//! February 2024 — one-click unsubscribe with `List-Unsubscribe` (RFC 2369) and
//! `List-Unsubscribe-Post: List-Unsubscribe=One-Click` (RFC 8058).

pub mod list_id;
pub mod list_unsubscribe;
pub mod one_click;

use crate::i18n::Localized;
use crate::model::Message;
use crate::settings::{Evidence, Kind, Settings, Threshold};

/// Visible recipients from which one message is mass mail.
pub const BULK_RECIPIENTS: Threshold = Threshold {
    key: "bulk.recipients",
    kind: Kind::Int { default: 50, min: 2, max: 100_000 },
    doc: Localized {
        en: "Mailboxes in To, Cc and Bcc from which a message counts as bulk mail even without List-Id or Precedence: bulk.",
        fr: "Nombre d'adresses dans To, Cc et Bcc à partir duquel un message compte comme envoi en masse, même sans List-Id ni Precedence: bulk.",
        es: "Buzones en To, Cc y Bcc a partir de los cuales un mensaje cuenta como envío masivo aun sin List-Id ni Precedence: bulk.",
        pl: "Liczba skrzynek w To, Cc i Bcc, od której wiadomość liczy się jako masowa, nawet bez List-Id lub Precedence: bulk.",
    },
    evidence: Evidence::Ours(
        "Gmail defines bulk senders by volume (about 5,000 messages a day to Gmail accounts), which one message cannot show; 50 visible recipients is a mass mailing by any reading",
    ),
};

/// How many messages a day the site sends to Gmail accounts, when the caller says so.
pub const DAILY_VOLUME: Threshold = Threshold {
    key: "bulk.dailyVolume",
    kind: Kind::Int { default: 0, min: 0, max: 1_000_000_000 },
    doc: Localized {
        en: "Messages the site sends a day (0: not known). From `bulk.bulkSenderVolume` on, the bulk rules are warnings: Gmail's and Yahoo's requirements bind bulk senders.",
        fr: "Messages que le site envoie par jour (0 : inconnu). À partir de `bulk.bulkSenderVolume`, les règles d'envoi en masse sont des avertissements : les exigences de Gmail et de Yahoo s'imposent aux expéditeurs en masse.",
        es: "Mensajes que el sitio envía al día (0: desconocido). A partir de `bulk.bulkSenderVolume`, las reglas de envío masivo son advertencias: los requisitos de Gmail y Yahoo obligan a los remitentes masivos.",
        pl: "Wiadomości wysyłane przez witrynę dziennie (0: nieznane). Od `bulk.bulkSenderVolume` reguły wysyłki masowej są ostrzeżeniami: wymagania Gmaila i Yahoo wiążą nadawców masowych.",
    },
    evidence: Evidence::Ours("a message cannot show the sender's daily volume: the caller tells it"),
};

/// The daily volume from which Gmail treats a sender as a bulk sender.
pub const BULK_SENDER_VOLUME: Threshold = Threshold {
    key: "bulk.bulkSenderVolume",
    kind: Kind::Int { default: 5_000, min: 1, max: 1_000_000_000 },
    doc: Localized {
        en: "Messages a day from which a sender is a bulk sender and must offer one-click unsubscribe.",
        fr: "Messages par jour à partir desquels un expéditeur est un expéditeur en masse et doit proposer le désabonnement en un clic.",
        es: "Mensajes al día a partir de los cuales un remitente es un remitente masivo y debe ofrecer la baja con un clic.",
        pl: "Wiadomości dziennie, od których nadawca jest nadawcą masowym i musi oferować wypisanie jednym kliknięciem.",
    },
    evidence: Evidence::Receiver(
        "Gmail Email sender guidelines: bulk senders are those who send \"close to 5,000 messages or more to personal Gmail accounts within a 24-hour period\"",
    ),
};

/// The severity of a missing unsubscribe: a warning for a bulk sender (the
/// requirement binds it), information otherwise (good practice every list
/// should follow; a discussion list's messages are not refused for it).
pub(crate) fn requirement_severity(settings: &Settings) -> crate::report::Severity {
    let volume = settings.int(&DAILY_VOLUME);
    if volume > 0 && volume >= settings.int(&BULK_SENDER_VOLUME) {
        crate::report::Severity::Warning
    } else {
        crate::report::Severity::Info
    }
}

/// Why a message counts as bulk mail: the marker as named in findings, and
/// the field that shows it, quoted as their evidence.
pub(crate) struct Bulk {
    /// The field name, or "To/Cc/Bcc (N)".
    pub marker: String,
    pub evidence: String,
}

/// Why a message counts as bulk mail (None: not bulk). An automatic message
/// (RFC 3834 §5: `Auto-Submitted` other than `no`, as a vacation reply sets)
/// goes to one person: its `Precedence: bulk` is there so other responders
/// keep quiet, not because it is a mailing.
pub(crate) fn bulk_marker(message: &Message, settings: &Settings) -> Option<Bulk> {
    let identity = &message.identity;
    let (marker, field) = if identity.list_id {
        ("List-Id".to_string(), message.header("List-Id"))
    } else if identity.precedence_bulk && !identity.auto_submitted {
        ("Precedence".to_string(), message.header("Precedence"))
    } else if identity.recipients >= settings.count(&BULK_RECIPIENTS).max(2) {
        let first = ["To", "Cc", "Bcc"].iter().find_map(|name| message.header(name));
        (format!("To/Cc/Bcc ({})", identity.recipients), first)
    } else {
        return None;
    };
    let evidence = field.map(|f| crate::rules::headers::field_text(message, f)).unwrap_or_else(|| marker.clone());
    Some(Bulk { marker, evidence })
}

/// The `List-Unsubscribe` field as written, for evidence.
pub(crate) fn unsubscribe_text(message: &Message, field: usize) -> String {
    message.header.fields.get(field).map(|f| crate::rules::headers::field_text(message, f)).unwrap_or_default()
}

pub(crate) const GMAIL_EVIDENCE: Evidence = Evidence::Receiver(
    "Gmail Email sender guidelines (support.google.com/mail/answer/81126, archived 2026-03-11): \"Marketing messages and subscribed messages must support one-click unsubscribe\"; \"include both of these headers: List-Unsubscribe-Post: List-Unsubscribe=One-Click, List-Unsubscribe: <https://…>\"",
);
pub(crate) const YAHOO_EVIDENCE: Evidence = Evidence::Receiver(
    "Yahoo Sender requirements (senders.yahooinc.com/best-practices, archived 2025-04-10): bulk senders must \"Implement a functioning list-unsubscribe header, which supports one-click unsubscribe\"; FAQ: \"your mail may be sent to the spam folder or rejected\"; enforced since June 2024",
);
