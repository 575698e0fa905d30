//! `size/total`: the encoded message, headers and MIME structure included, is
//! over the host's limit (guides: 10 MB "encapsulation and header included").

use crate::i18n::{Localized, Msg};
use crate::model::Message;
use crate::report::{Location, Severity};
use crate::rules::{Check, Context, Draft, Example, ExampleInput, Group, Rule};
use crate::settings::{Evidence, Kind, Threshold};
use crate::title;

crate::rule_texts! { "size/total";
    summary => {
        en: "The encoded message is larger than the host accepts (10 MB, headers and encoding included).",
        fr: "Le message encodé dépasse ce que l'hébergement accepte (10 Mo, en-têtes et encodage compris).",
        es: "El mensaje codificado supera lo que acepta el alojamiento (10 MB, cabeceras y codificación incluidas).",
        pl: "Zakodowana wiadomość jest większa, niż przyjmuje hosting (10 MB łącznie z nagłówkami i kodowaniem).",
    },
    why => {
        en: "The hosting guides set a 10 MB limit on the whole message as sent: headers, MIME structure and attachments after base64 encoding, which adds about a third to every file. A larger message is refused and never delivered. mail-preflight counts 1 MB as 1,000,000 bytes, the stricter reading, and each line end as the CRLF that SMTP sends (RFC 5321 §2.3.8), so a line ended by LF alone counts one byte more.",
        fr: "Les guides de l'hébergeur fixent une limite de 10 Mo pour le message entier tel qu'il est envoyé : en-têtes, structure MIME et pièces jointes après encodage base64, qui ajoute environ un tiers à chaque fichier. Un message plus gros est refusé et jamais distribué. mail-preflight compte 1 Mo = 1 000 000 octets, la lecture la plus stricte, et chaque fin de ligne comme le CRLF que SMTP envoie (RFC 5321 §2.3.8) : une ligne terminée par un seul LF compte un octet de plus.",
        es: "Las guías del alojamiento fijan un límite de 10 MB para el mensaje completo tal como se envía: cabeceras, estructura MIME y adjuntos tras la codificación base64, que añade cerca de un tercio a cada archivo. Un mensaje mayor se rechaza y nunca se entrega. mail-preflight cuenta 1 MB como 1.000.000 bytes, la lectura más estricta, y cada fin de línea como el CRLF que envía SMTP (RFC 5321 §2.3.8): una línea terminada solo en LF cuenta un byte más.",
        pl: "Przewodniki hostingu ustalają limit 10 MB dla całej wysyłanej wiadomości: nagłówków, struktury MIME i załączników po kodowaniu base64, które powiększa każdy plik o około jedną trzecią. Większa wiadomość zostaje odrzucona i nigdy nie dociera. mail-preflight liczy 1 MB jako 1 000 000 bajtów, czyli ściślej, a każdy koniec wiersza jako CRLF wysyłany przez SMTP (RFC 5321 §2.3.8): wiersz zakończony samym LF liczy się o bajt więcej.",
    },
    fix => {
        en: "Put large files on your site and send a download link, or compress and resize them; remember that base64 encoding makes each attachment a third larger.",
        fr: "Déposez les gros fichiers sur votre site et envoyez un lien de téléchargement, ou compressez-les et réduisez-les ; l'encodage base64 grossit chaque pièce jointe d'un tiers.",
        es: "Suba los archivos grandes a su sitio y envíe un enlace de descarga, o comprímalos y redúzcalos; la codificación base64 aumenta cada adjunto en un tercio.",
        pl: "Umieść duże pliki na swojej stronie i wyślij link do pobrania albo je skompresuj i zmniejsz; kodowanie base64 powiększa każdy załącznik o jedną trzecią.",
    },
    TOO_LARGE "too-large" => {
        en: "The message is {size} ({sizeBytes, plural, one {# byte} other {# bytes}}) once encoded, {over, plural, one {# byte} other {# bytes}} over the host's limit of {limit} ({limitBytes, plural, one {# byte} other {# bytes}}): it will be refused.",
        fr: "Le message fait {size} ({sizeBytes, plural, one {# octet} many {# d'octets} other {# octets}}) une fois encodé, soit {over, plural, one {# octet} many {# d'octets} other {# octets}} au-delà de la limite de l'hébergement, {limit} ({limitBytes, plural, one {# octet} many {# d'octets} other {# octets}}) : il sera refusé.",
        es: "El mensaje ocupa {size} ({sizeBytes, plural, one {# byte} many {# de bytes} other {# bytes}}) una vez codificado, {over, plural, one {# byte} many {# de bytes} other {# bytes}} por encima del límite del alojamiento de {limit} ({limitBytes, plural, one {# byte} many {# de bytes} other {# bytes}}): será rechazado.",
        pl: "Po zakodowaniu wiadomość ma {size} ({sizeBytes, plural, one {# bajt} few {# bajty} many {# bajtów} other {# bajta}}), o {over, plural, one {# bajt} few {# bajty} many {# bajtów} other {# bajta}} więcej niż limit hostingu {limit} ({limitBytes, plural, one {# bajt} few {# bajty} many {# bajtów} other {# bajta}}): zostanie odrzucona.",
    },
    TOO_LARGE_CONFIGURED "too-large-configured" => {
        en: "The message is {size} ({sizeBytes, plural, one {# byte} other {# bytes}}) once encoded, {over, plural, one {# byte} other {# bytes}} over the configured limit of {limit} ({limitBytes, plural, one {# byte} other {# bytes}}).",
        fr: "Le message fait {size} ({sizeBytes, plural, one {# octet} many {# d'octets} other {# octets}}) une fois encodé, soit {over, plural, one {# octet} many {# d'octets} other {# octets}} au-delà de la limite configurée, {limit} ({limitBytes, plural, one {# octet} many {# d'octets} other {# octets}}).",
        es: "El mensaje ocupa {size} ({sizeBytes, plural, one {# byte} many {# de bytes} other {# bytes}}) una vez codificado, {over, plural, one {# byte} many {# de bytes} other {# bytes}} por encima del límite configurado de {limit} ({limitBytes, plural, one {# byte} many {# de bytes} other {# bytes}}).",
        pl: "Po zakodowaniu wiadomość ma {size} ({sizeBytes, plural, one {# bajt} few {# bajty} many {# bajtów} other {# bajta}}), o {over, plural, one {# bajt} few {# bajty} many {# bajtów} other {# bajta}} więcej niż skonfigurowany limit {limit} ({limitBytes, plural, one {# bajt} few {# bajty} many {# bajtów} other {# bajta}}).",
    },
}

/// Most bytes of the encoded message (decimal MB: 1 MB = 1,000,000 bytes, the stricter reading).
pub const MAX_MESSAGE_BYTES: Threshold = Threshold {
    key: "size.maxMessageBytes",
    kind: Kind::Int { default: 10_000_000, min: 1, max: 1_000_000_000 },
    doc: Localized {
        en: "Most bytes of the encoded message (decimal MB: 1 MB = 1,000,000 bytes, the stricter reading).",
        fr: "Nombre maximal d'octets du message encodé (Mo décimaux : 1 Mo = 1\u{202f}000\u{202f}000 octets, la lecture la plus stricte).",
        es: "Máximo de bytes del mensaje codificado (MB decimales: 1 MB = 1.000.000 bytes, la lectura más estricta).",
        pl: "Najwięcej bajtów zakodowanej wiadomości (MB dziesiętne: 1 MB = 1\u{202f}000\u{202f}000 bajtów, surowsze odczytanie).",
    },
    evidence: Evidence::Guide("seed 002 (fr) l. 99: « L'e-mail evoyé ne doit pas dépasser la taille totale de 10 Mo (encapsulation et en-tête inclus) »"),
};

pub const RULE: Rule = Rule {
    id: ID,
    group: Group::Size,
    severity: Severity::Error,
    evidence: &[
        Evidence::Guide("seed 002 (fr) l. 99: « L'e-mail evoyé ne doit pas dépasser la taille totale de 10 Mo (encapsulation et en-tête inclus) »"),
    ],
    score: crate::rules::scores::NONE,
    texts: &TEXTS,
    thresholds: &[&MAX_MESSAGE_BYTES],
    examples: &[
        Example::fails(
            title! {
                en: "A message one byte over 10 MB",
                fr: "Un message qui dépasse 10 Mo d'un octet",
                es: "Un mensaje que supera los 10 MB en un byte",
                pl: "Wiadomość o jeden bajt większa niż 10 MB",
            },
            ExampleInput::Generated(one_byte_over),
        ),
        Example::passes(
            title! {
                en: "A message of exactly 10 MB",
                fr: "Un message d'exactement 10 Mo",
                es: "Un mensaje de exactamente 10 MB",
                pl: "Wiadomość o rozmiarze dokładnie 10 MB",
            },
            ExampleInput::Generated(exactly_at_limit),
        ),
        Example::passes(
            title! {
                en: "A short message",
                fr: "Un message court",
                es: "Un mensaje corto",
                pl: "Krótka wiadomość",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Hello\n\nSee you tomorrow.\n"),
        ),
        Example::fails(
            title! {
                en: "A small message under a lowered limit",
                fr: "Un petit message avec une limite abaissée",
                es: "Un mensaje pequeño con un límite rebajado",
                pl: "Mała wiadomość przy obniżonym limicie",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Hello\n\nSee you tomorrow.\n"),
        )
        .with_options(r#"{"thresholds": {"size": {"maxMessageBytes": 50}}}"#),
        Example::fails(
            title! {
                en: "72 bytes with LF line ends, 77 as SMTP sends them (CRLF), under a 72-byte limit",
                fr: "72 octets avec des fins de ligne LF, 77 tels que SMTP les envoie (CRLF), avec une limite de 72 octets",
                es: "72 bytes con finales de línea LF, 77 tal como los envía SMTP (CRLF), con un límite de 72 bytes",
                pl: "72 bajty z końcami wierszy LF, 77 w postaci wysyłanej przez SMTP (CRLF), przy limicie 72 bajtów",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Hello\n\nSee you tomorrow.\n"),
        )
        .with_options(r#"{"thresholds": {"size": {"maxMessageBytes": 72}}}"#),
    ],
    check: Check::Message(check),
};

fn one_byte_over() -> Vec<u8> {
    super::generated_message(10_000_001)
}

fn exactly_at_limit() -> Vec<u8> {
    super::generated_message(10_000_000)
}

fn check(message: &Message, cx: &mut Context) {
    let limit = cx.settings.int(&MAX_MESSAGE_BYTES) as u64;
    let size = message.encoded_size() as u64;
    if size <= limit {
        return;
    }
    // The host's limit, and its refusal, are the guides' only when their 10 MB is in force.
    let id = if cx.settings.is_default(&MAX_MESSAGE_BYTES) { &TOO_LARGE } else { &TOO_LARGE_CONFIGURED };
    cx.emit(
        Draft::new(
            Msg::of(id)
                .megabytes("size", size)
                .int("sizeBytes", size)
                .megabytes("limit", limit)
                .int("limitBytes", limit)
                .int("over", size - limit),
        )
        .evidence(format!("{size} > {limit}"))
        .at(Location::range(message.content_start, message.raw.len())),
    );
}
