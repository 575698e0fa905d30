//! `bulk/list-unsubscribe`: bulk mail (a `List-Id`, `Precedence: bulk`, or
//! many recipients) without a `List-Unsubscribe` field holding an `https:` URI,
//! the only kind a one-click unsubscribe can POST to (RFC 8058 §3.1). A
//! `List-Unsubscribe` written as RFC 2047 encoded words is reported whenever it
//! occurs: the field itself says the message is one a reader unsubscribes from,
//! and receivers cannot read its URIs.

use super::{bulk_marker, BULK_RECIPIENTS, GMAIL_EVIDENCE, YAHOO_EVIDENCE};
use crate::i18n::Msg;
use crate::model::Message;
use crate::report::Severity;
use crate::rules::sender::field_location;
use crate::rules::{scores, Check, Context, Draft, Example, ExampleInput, Group, Rule};
use crate::settings::Evidence;
use crate::title;

crate::rule_texts! { "bulk/list-unsubscribe";
    summary => {
        en: "Bulk mail without a List-Unsubscribe field holding an https: address.",
        fr: "Un envoi en nombre sans champ List-Unsubscribe contenant une adresse https:.",
        es: "Un envío masivo sin campo List-Unsubscribe con una dirección https:.",
        pl: "Wysyłka masowa bez pola List-Unsubscribe z adresem https:.",
    },
    why => {
        en: "Since 2024 Gmail and Yahoo require bulk senders to support one-click unsubscribe through the List-Unsubscribe header; mail that does not may be put in spam or rejected. One-click needs an https: URI there (RFC 8058): a mailto: or http: address alone does not qualify for Gmail. The requirement binds senders of about 5,000 messages a day or more: the finding is a warning when the option bulk.dailyVolume says so, information otherwise.",
        fr: "Depuis 2024, Gmail et Yahoo exigent des expéditeurs en nombre le désabonnement en un clic par l'en-tête List-Unsubscribe ; les messages qui ne le proposent pas peuvent être classés en spam ou refusés. Le clic unique exige une URI https: dans ce champ (RFC 8058) : une adresse mailto: ou http: seule ne suffit pas pour Gmail. L'exigence vise les expéditeurs d'environ 5 000 messages par jour ou plus : le constat est un avertissement quand l'option bulk.dailyVolume l'indique, une information sinon.",
        es: "Desde 2024 Gmail y Yahoo exigen a los remitentes masivos la baja en un clic mediante la cabecera List-Unsubscribe; el correo que no la ofrece puede ir a spam o rechazarse. El clic único exige una URI https: en ella (RFC 8058): una dirección mailto: o http: sola no basta para Gmail. El requisito obliga a quien envía unos 5.000 mensajes al día o más: el resultado es una advertencia cuando la opción bulk.dailyVolume lo indica, una información en otro caso.",
        pl: "Od 2024 r. Gmail i Yahoo wymagają od nadawców masowych wypisania jednym kliknięciem przez nagłówek List-Unsubscribe; poczta bez niego może trafić do spamu lub zostać odrzucona. Jedno kliknięcie wymaga tam URI https: (RFC 8058): sam adres mailto: lub http: nie wystarcza Gmailowi. Wymóg dotyczy nadawców około 5000 wiadomości dziennie lub więcej: wynik jest ostrzeżeniem, gdy opcja bulk.dailyVolume to wskazuje, a informacją w przeciwnym razie.",
    },
    fix => {
        en: "Add List-Unsubscribe: <https://your-site/unsubscribe?id=…> (a mailto: may follow) and List-Unsubscribe-Post: List-Unsubscribe=One-Click, and unsubscribe on the POST without asking anything.",
        fr: "Ajoutez List-Unsubscribe: <https://votre-site/desabonnement?id=…> (un mailto: peut suivre) et List-Unsubscribe-Post: List-Unsubscribe=One-Click, et désabonnez sur le POST sans rien demander.",
        es: "Añada List-Unsubscribe: <https://su-sitio/baja?id=…> (puede seguir un mailto:) y List-Unsubscribe-Post: List-Unsubscribe=One-Click, y dé de baja con el POST sin preguntar nada.",
        pl: "Dodaj List-Unsubscribe: <https://twoja-witryna/wypisz?id=…> (może po nim być mailto:) i List-Unsubscribe-Post: List-Unsubscribe=One-Click, a po żądaniu POST wypisuj bez dodatkowych pytań.",
    },
    MISSING "missing" => {
        en: "This is bulk mail ({marker}) but it has no List-Unsubscribe field.",
        fr: "C'est un envoi en nombre ({marker}) mais il n'a pas de champ List-Unsubscribe.",
        es: "Es un envío masivo ({marker}) pero no tiene campo List-Unsubscribe.",
        pl: "To wysyłka masowa ({marker}), ale nie ma pola List-Unsubscribe.",
    },
    ENCODED "encoded" => {
        en: "This is bulk mail ({marker}) but List-Unsubscribe is written as RFC 2047 encoded words, which receivers do not decode there: its addresses cannot be used.",
        fr: "C'est un envoi en nombre ({marker}) mais List-Unsubscribe est écrit en mots encodés RFC 2047, que les destinataires ne décodent pas à cet endroit : ses adresses sont inutilisables.",
        es: "Es un envío masivo ({marker}) pero List-Unsubscribe está escrito con palabras codificadas RFC 2047, que los destinatarios no decodifican ahí: sus direcciones no se pueden usar.",
        pl: "To wysyłka masowa ({marker}), ale List-Unsubscribe zapisano słowami kodowanymi RFC 2047, których odbiorcy w tym polu nie dekodują: jego adresów nie da się użyć.",
    },
    ENCODED_FIELD "encoded-field" => {
        en: "List-Unsubscribe is written as RFC 2047 encoded words, which receivers do not decode there: its addresses cannot be used, and receivers offer no unsubscribe link for this message.",
        fr: "List-Unsubscribe est écrit en mots encodés RFC 2047, que les destinataires ne décodent pas à cet endroit : ses adresses sont inutilisables, et aucun lien de désabonnement n'est proposé pour ce message.",
        es: "List-Unsubscribe está escrito con palabras codificadas RFC 2047, que los destinatarios no decodifican ahí: sus direcciones no se pueden usar y no se ofrece ningún enlace de baja para este mensaje.",
        pl: "List-Unsubscribe zapisano słowami kodowanymi RFC 2047, których odbiorcy w tym polu nie dekodują: jego adresów nie da się użyć i dla tej wiadomości nie pojawi się żaden link do wypisania.",
    },
    FIX_ENCODED "fix-encoded" => {
        en: "Write List-Unsubscribe as it is, never encoded: <https://your-site/unsubscribe?id=…>, <mailto:…> (RFC 2369 §2). PHPMailer's addCustomHeader() Q-encodes a value longer than about 47 characters when it sends with mail(): send with isSMTP(), or keep the value shorter.",
        fr: "Écrivez List-Unsubscribe tel quel, jamais encodé : <https://votre-site/desabonnement?id=…>, <mailto:…> (RFC 2369 §2). addCustomHeader() de PHPMailer encode en Q toute valeur de plus de 47 caractères environ quand il envoie avec mail() : envoyez avec isSMTP(), ou raccourcissez la valeur.",
        es: "Escriba List-Unsubscribe tal cual, nunca codificado: <https://su-sitio/baja?id=…>, <mailto:…> (RFC 2369 §2). addCustomHeader() de PHPMailer codifica en Q todo valor de más de unos 47 caracteres cuando envía con mail(): envíe con isSMTP() o acorte el valor.",
        pl: "Zapisz List-Unsubscribe bez kodowania: <https://twoja-witryna/wypisz?id=…>, <mailto:…> (RFC 2369 §2). addCustomHeader() w PHPMailer koduje Q każdą wartość dłuższą niż około 47 znaków przy wysyłce przez mail(): wysyłaj przez isSMTP() albo skróć wartość.",
    },
    NO_HTTPS "no-https" => {
        en: "This is bulk mail ({marker}) but List-Unsubscribe has no https: address ({uris}).",
        fr: "C'est un envoi en nombre ({marker}) mais List-Unsubscribe n'a pas d'adresse https: ({uris}).",
        es: "Es un envío masivo ({marker}) pero List-Unsubscribe no tiene dirección https: ({uris}).",
        pl: "To wysyłka masowa ({marker}), ale List-Unsubscribe nie ma adresu https: ({uris}).",
    },
    NO_BRACKETS "no-brackets" => {
        en: "This is bulk mail ({marker}) but List-Unsubscribe is not written in angle brackets ({value}): RFC 2369 §2 tells receivers to ignore such a field, so the address is not used. Write it as <https://…>.",
        fr: "C'est un envoi en nombre ({marker}) mais List-Unsubscribe n'est pas écrit entre chevrons ({value}) : la RFC 2369 §2 demande aux destinataires d'ignorer un tel champ, et l'adresse n'est pas utilisée. Écrivez-la sous la forme <https://…>.",
        es: "Es un envío masivo ({marker}) pero List-Unsubscribe no está escrito entre corchetes angulares ({value}): el RFC 2369 §2 pide a los destinatarios ignorar un campo así, y la dirección no se usa. Escríbala como <https://…>.",
        pl: "To wysyłka masowa ({marker}), ale List-Unsubscribe nie jest zapisany w nawiasach ostrych ({value}): RFC 2369 §2 każe odbiorcom ignorować takie pole, więc adres nie zostanie użyty. Zapisz go jako <https://…>.",
    },
    EMPTY "empty" => {
        en: "This is bulk mail ({marker}) but its List-Unsubscribe field is empty.",
        fr: "C'est un envoi en nombre ({marker}) mais son champ List-Unsubscribe est vide.",
        es: "Es un envío masivo ({marker}) pero su campo List-Unsubscribe está vacío.",
        pl: "To wysyłka masowa ({marker}), ale jej pole List-Unsubscribe jest puste.",
    },
}

/// Most characters of a List-Unsubscribe value quoted in a sentence (ours: a
/// long URL is recognised by its start; the evidence has the whole field).
const QUOTED_CHARS: usize = 80;

/// Bulk mail (Precedence) whose only unsubscribe is a mailto: address: information
/// for most senders, a warning for a bulk sender (two examples).
const MAILTO_ONLY: &str = "From: news@my-site.example\nTo: b@example.org\nSubject: News\nPrecedence: bulk\nList-Unsubscribe: <mailto:unsubscribe@my-site.example>\n\nHello\n";

/// A newsletter whose long List-Unsubscribe PHPMailer Q-encoded (it does with
/// mail() past 47 characters), with nothing else marking it as bulk (two examples).
const ENCODED_ONE_CLICK: &str = "From: news@my-site.example\nTo: b@example.org\nSubject: News\nList-Unsubscribe: =?us-ascii?Q?<https://www.my-site.example/unsubscrib?=\n =?us-ascii?Q?e=3Fu=3D77>?=\nList-Unsubscribe-Post: List-Unsubscribe=One-Click\n\nHello\n";

pub const RULE: Rule = Rule {
    id: ID,
    group: Group::Bulk,
    // Information by default: a warning only for a bulk sender (bulk.dailyVolume), as each finding says.
    severity: Severity::Info,
    evidence: &[
        GMAIL_EVIDENCE,
        YAHOO_EVIDENCE,
        Evidence::Receiver("Yahoo Sender requirements: \"The Post (RFC 8058) method is highly recommended; The mail-to: method is acceptable\": a mailto: alone is information, not a warning, below Gmail's bulk-sender volume; from it, Gmail's one-click (an https: URI, RFC 8058) binds the sender and a mailto: alone is the warning"),
        Evidence::Rfc("RFC 2369 §2: the field holds URLs in angle brackets; RFC 8058 §3.1: the one-click POST goes to an https URI of List-Unsubscribe, which receivers read as written (RFC 2047 §5: no encoded word inside a URI): an encoded List-Unsubscribe (PHPMailer 6.6 Q-encodes a custom header value over 63 characters with its overhead when it sends with mail()) offers no unsubscribe, said whatever marks the message as bulk, even beside List-Unsubscribe-Post"),
        Evidence::Receiver("the encoded field's severity: a warning for a bulk sender (bulk.dailyVolume), whom Gmail's and Yahoo's requirement of a working one-click unsubscribe binds (above), information otherwise: no receiver is documented to punish a smaller sender for a missing unsubscribe"),
    ],
    score: scores::NONE,
    texts: &TEXTS,
    thresholds: &[&BULK_RECIPIENTS, &super::DAILY_VOLUME, &super::BULK_SENDER_VOLUME],
    examples: &[
        Example::fails(
            title! {
                en: "A newsletter with List-Id and no List-Unsubscribe",
                fr: "Une lettre d'information avec List-Id et sans List-Unsubscribe",
                es: "Un boletín con List-Id y sin List-Unsubscribe",
                pl: "Newsletter z List-Id i bez List-Unsubscribe",
            },
            ExampleInput::Raw("From: news@my-site.example\nTo: b@example.org\nSubject: News\nList-Id: News <news.my-site.example>\n\nHello\n"),
        )
        .with_options(r#"{"thresholds": {"bulk": {"dailyVolume": 20000}}}"#)
        .at(Severity::Warning),
        Example::fails(
            title! {
                en: "Precedence: bulk with a mailto: address only",
                fr: "Precedence: bulk avec seulement une adresse mailto:",
                es: "Precedence: bulk con solo una dirección mailto:",
                pl: "Precedence: bulk tylko z adresem mailto:",
            },
            ExampleInput::Raw(MAILTO_ONLY),
        )
        .at(Severity::Info),
        Example::fails(
            title! {
                en: "A bulk sender (20,000 a day) whose unsubscribe is a mailto: address only",
                fr: "Un expéditeur en nombre (20 000 par jour) dont le désabonnement n'est qu'une adresse mailto:",
                es: "Un remitente masivo (20.000 al día) cuya baja es solo una dirección mailto:",
                pl: "Nadawca masowy (20 000 dziennie), którego wypisanie to tylko adres mailto:",
            },
            ExampleInput::Raw(MAILTO_ONLY),
        )
        .with_options(r#"{"thresholds": {"bulk": {"dailyVolume": 20000}}}"#)
        .at(Severity::Warning),
        Example::fails(
            title! {
                en: "Bulk mail whose only unsubscribe address is http:",
                fr: "Un envoi en nombre dont la seule adresse de désabonnement est en http:",
                es: "Un envío masivo cuya única dirección de baja es http:",
                pl: "Wysyłka masowa, której jedyny adres wypisania to http:",
            },
            ExampleInput::Raw("From: news@my-site.example\nTo: b@example.org\nSubject: News\nList-Id: News <news.my-site.example>\nList-Unsubscribe: <http://my-site.example/u/1>\n\nHello\n"),
        )
        .at(Severity::Info),
        Example::fails(
            title! {
                en: "A List-Unsubscribe Q-encoded as PHPMailer writes a long custom header",
                fr: "Un List-Unsubscribe encodé en Q comme PHPMailer écrit un long en-tête personnalisé",
                es: "Un List-Unsubscribe codificado en Q como PHPMailer escribe una cabecera personalizada larga",
                pl: "List-Unsubscribe zakodowany Q, jak PHPMailer zapisuje długi własny nagłówek",
            },
            ExampleInput::Raw("From: news@my-site.example\nTo: b@example.org\nSubject: News\nList-Id: News <news.my-site.example>\nList-Unsubscribe: =?us-ascii?Q?<https://www.my-site.example/unsubscribe=3Fid?=\n =?us-ascii?Q?=3D42>?=\nList-Unsubscribe-Post: List-Unsubscribe=One-Click\n\nHello\n"),
        )
        .at(Severity::Info),
        Example::fails(
            title! {
                en: "An encoded List-Unsubscribe beside List-Unsubscribe-Post, no other bulk marker",
                fr: "Un List-Unsubscribe encodé à côté de List-Unsubscribe-Post, sans autre marque d'envoi en nombre",
                es: "Un List-Unsubscribe codificado junto a List-Unsubscribe-Post, sin otra marca de envío masivo",
                pl: "Zakodowany List-Unsubscribe obok List-Unsubscribe-Post, bez innego znacznika wysyłki masowej",
            },
            ExampleInput::Raw(ENCODED_ONE_CLICK),
        )
        .at(Severity::Info),
        Example::fails(
            title! {
                en: "The same from a bulk sender (20,000 a day): a warning",
                fr: "La même chose chez un expéditeur en nombre (20 000 par jour) : un avertissement",
                es: "Lo mismo en un remitente masivo (20.000 al día): una advertencia",
                pl: "To samo u nadawcy masowego (20 000 dziennie): ostrzeżenie",
            },
            ExampleInput::Raw(ENCODED_ONE_CLICK),
        )
        .with_options(r#"{"thresholds": {"bulk": {"dailyVolume": 20000}}}"#)
        .at(Severity::Warning),
        Example::fails(
            title! {
                en: "An https: address written without angle brackets",
                fr: "Une adresse https: écrite sans chevrons",
                es: "Una dirección https: escrita sin corchetes angulares",
                pl: "Adres https: zapisany bez nawiasów ostrych",
            },
            ExampleInput::Raw("From: news@my-site.example\nTo: b@example.org\nSubject: News\nList-Id: News <news.my-site.example>\nList-Unsubscribe: https://my-site.example/u/1\n\nHello\n"),
        )
        .at(Severity::Info),
        Example::passes(
            title! {
                en: "A vacation reply: Precedence: bulk with Auto-Submitted: auto-replied is no mailing",
                fr: "Une réponse d'absence : Precedence: bulk avec Auto-Submitted: auto-replied n'est pas un envoi en nombre",
                es: "Una respuesta de ausencia: Precedence: bulk con Auto-Submitted: auto-replied no es un envío masivo",
                pl: "Autoodpowiedź urlopowa: Precedence: bulk z Auto-Submitted: auto-replied to nie wysyłka masowa",
            },
            ExampleInput::Raw("From: anna@my-site.example\nTo: b@example.org\nSubject: Out of office: Your question\nIn-Reply-To: <q1@example.org>\nAuto-Submitted: auto-replied\nPrecedence: bulk\n\nI am away until Monday.\n"),
        )
        .with_options(r#"{"thresholds": {"bulk": {"dailyVolume": 20000}}}"#),
        Example::passes(
            title! {
                en: "An https: address in List-Unsubscribe",
                fr: "Une adresse https: dans List-Unsubscribe",
                es: "Una dirección https: en List-Unsubscribe",
                pl: "Adres https: w List-Unsubscribe",
            },
            ExampleInput::Raw("From: news@my-site.example\nTo: b@example.org\nSubject: News\nList-Id: News <news.my-site.example>\nList-Unsubscribe: <https://my-site.example/u/1>, <mailto:u@my-site.example>\nList-Unsubscribe-Post: List-Unsubscribe=One-Click\n\nHello\n"),
        ),
        Example::passes(
            title! {
                en: "A contact form message is not bulk mail",
                fr: "Un message de formulaire de contact n'est pas un envoi en nombre",
                es: "Un mensaje de formulario de contacto no es un envío masivo",
                pl: "Wiadomość z formularza kontaktowego nie jest wysyłką masową",
            },
            ExampleInput::Raw("From: contact@my-site.example\nTo: owner@my-site.example\nSubject: Contact\n\nHello\n"),
        ),
    ],
    check: Check::Message(check),
};

fn check(message: &Message, cx: &mut Context) {
    let unsubscribe = &message.identity.unsubscribe;
    let severity = super::requirement_severity(cx.settings);
    let bulk = bulk_marker(message, cx.settings);
    // An encoded List-Unsubscribe is said whatever marks the message as bulk:
    // the field marks it, and receivers cannot read it (RFC 2369 §2, RFC 8058 §3.1).
    if let (Some(field), true) = (unsubscribe.field, unsubscribe.encoded) {
        let draft = match &bulk {
            Some(bulk) => Draft::new(Msg::of(&ENCODED).text("marker", bulk.marker.clone())),
            None => Draft::new(Msg::of(&ENCODED_FIELD)),
        };
        let quoted = super::unsubscribe_text(message, field);
        let draft = draft.fix(Msg::of(&FIX_ENCODED)).evidence(quoted).at(field_location(message, field));
        cx.emit(draft.severity(severity));
        return;
    }
    let Some(bulk) = bulk else { return };
    match unsubscribe.field {
        None => {
            cx.emit(Draft::new(Msg::of(&MISSING).text("marker", bulk.marker)).evidence(bulk.evidence).severity(severity))
        }
        Some(field) if unsubscribe.uris.is_empty() => {
            let value = message.header.fields.get(field).map(|f| f.unfolded_value(message.raw)).unwrap_or_default();
            let value = value.trim();
            let msg = if value.is_empty() {
                Msg::of(&EMPTY)
            } else {
                Msg::of(&NO_BRACKETS).text("value", crate::hygiene::visible(value, QUOTED_CHARS))
            };
            cx.emit(
                Draft::new(msg.text("marker", bulk.marker))
                    .evidence(super::unsubscribe_text(message, field))
                    .at(field_location(message, field))
                    .severity(severity),
            )
        }
        Some(field) if unsubscribe.https().next().is_none() => {
            let mut draft =
                Draft::new(Msg::of(&NO_HTTPS).text("marker", bulk.marker).text("uris", unsubscribe.uris.join(", ")))
                    .evidence(super::unsubscribe_text(message, field))
                    .at(field_location(message, field))
                    .severity(severity);
            // Yahoo accepts a mailto: unsubscribe ("The mail-to: method is acceptable"); only
            // Gmail's one-click needs https:, so a working mailto: is information, unless
            // the sender is a bulk sender, whom Gmail's requirement binds.
            let mailto =
                unsubscribe.uris.iter().any(|u| u.len() > 7 && u.as_bytes()[..7].eq_ignore_ascii_case(b"mailto:"));
            if mailto && severity != Severity::Warning {
                draft = draft.severity(Severity::Info);
            }
            cx.emit(draft)
        }
        Some(_) => {}
    }
}
