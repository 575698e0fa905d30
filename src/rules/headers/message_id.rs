//! `headers/message-id`: Message-ID, In-Reply-To and References hold
//! `<id-left@id-right>` identifiers (RFC 5322 §3.6.4); Message-ID exactly one.
//! Words between identifiers are the obsolete form of §4.5.4 (warning).
//! Threading and duplicate detection rely on these ids.

use crate::grammar::Level;
use crate::i18n::Msg;
use crate::model::Message;
use crate::report::Severity;
use crate::rules::{Check, Context, Draft, Example, ExampleInput, Group, Rule};
use crate::settings::Evidence;
use crate::title;

crate::rule_texts! { "headers/message-id";
    summary => {
        en: "Message-ID, In-Reply-To or References does not hold well-formed <id@domain> identifiers.",
        fr: "Message-ID, In-Reply-To ou References ne contient pas d'identifiants <id@domaine> bien formés.",
        es: "Message-ID, In-Reply-To o References no contiene identificadores <id@dominio> bien formados.",
        pl: "Message-ID, In-Reply-To lub References nie zawiera poprawnych identyfikatorów <id@domena>.",
    },
    why => {
        en: "RFC 5322 §3.6.4 defines these identifiers; threading, duplicate detection and filters rely on them, and a malformed Message-ID is a known spam sign.",
        fr: "La RFC 5322 §3.6.4 définit ces identifiants ; le regroupement en fils, la détection des doublons et les filtres s'en servent, et un Message-ID mal formé est un signe de spam connu.",
        es: "El RFC 5322 §3.6.4 define estos identificadores; el agrupamiento en hilos, la detección de duplicados y los filtros dependen de ellos, y un Message-ID mal formado es una señal de spam conocida.",
        pl: "RFC 5322 §3.6.4 definiuje te identyfikatory; opierają się na nich wątki, wykrywanie duplikatów i filtry, a błędny Message-ID to znana oznaka spamu.",
    },
    fix => {
        en: "Write each identifier as <unique-part@your-domain>, one in Message-ID; or let your mail library create it (RFC 5322 §3.6.4).",
        fr: "Écrivez chaque identifiant sous la forme <partie-unique@votre-domaine>, un seul dans Message-ID ; ou laissez votre bibliothèque d'envoi le créer (RFC 5322 §3.6.4).",
        es: "Escriba cada identificador como <parte-única@su-dominio>, uno solo en Message-ID; o deje que su biblioteca de correo lo cree (RFC 5322 §3.6.4).",
        pl: "Zapisz każdy identyfikator jako <unikalna-część@twoja-domena>, jeden w Message-ID; albo pozwól bibliotece pocztowej go utworzyć (RFC 5322 §3.6.4).",
    },
    INVALID "invalid" => {
        en: "{field}: {problem} ({count} in this field).",
        fr: "{field} : {problem} ({count} dans ce champ).",
        es: "{field}: {problem} ({count} en este campo).",
        pl: "{field}: {problem} ({count} w tym polu).",
    },
    LOCAL_HOST "local-host" => {
        en: "The Message-ID ends in {host}, a machine's name or address rather than your domain; rspamd adds points for it (MID_RHS_NOT_FQDN, MID_BARE_IP). Set your mail library's host name to your domain.",
        fr: "Le Message-ID se termine par {host}, le nom ou l'adresse d'une machine plutôt que votre domaine ; rspamd ajoute des points pour cela (MID_RHS_NOT_FQDN, MID_BARE_IP). Donnez votre domaine comme nom d'hôte à votre bibliothèque d'envoi.",
        es: "El Message-ID termina en {host}, el nombre o la dirección de una máquina en lugar de su dominio; rspamd suma puntos por ello (MID_RHS_NOT_FQDN, MID_BARE_IP). Indique su dominio como nombre de host a su biblioteca de correo.",
        pl: "Message-ID kończy się na {host}, nazwie lub adresie maszyny zamiast Twojej domeny; rspamd dolicza za to punkty (MID_RHS_NOT_FQDN, MID_BARE_IP). Ustaw swoją domenę jako nazwę hosta w bibliotece pocztowej.",
    },
}

pub const RULE: Rule = Rule {
    id: ID,
    group: Group::Headers,
    severity: Severity::Error,
    evidence: &[
        super::GMAIL_MESSAGE_ID,
        Evidence::Receiver("rspamd INVALID_MSGID (1.7 points); In-Reply-To and References are read leniently by every client (info)"),
        Evidence::Receiver("rspamd rules/mid.lua: MID_RHS_NOT_FQDN (0.5 points) for an id-right without a dot (`localhost`: JavaMail and scripts on a machine without a host name), MID_BARE_IP (2 points) for an IPv4 address; a score, not a refusal, and common in ham (info): measured on the SpamAssassin sets, 10 % of the dev ham, 9 % of the held-out ham and 47 % of the hard ham, against 18 % and 15 % of the spam"),
        Evidence::Rfc("RFC 5322 §3.6.4: msg-id is \"<\" id-left \"@\" id-right \">\"; Message-ID holds exactly one; §4.5.4 obsolete forms"),
        Evidence::Guide("seed 002 (fr) l. 176: « L'entête de l'e-mail envoyé ne respecte pas les RFC « e-mails » (normes ou standards e-mails) »"),
    ],
    score: crate::rules::scores::NONE,
    texts: &TEXTS,
    thresholds: &[],
    examples: &[
        Example::fails(
            title! {
                en: "A Message-ID without angle brackets",
                fr: "Un Message-ID sans chevrons",
                es: "Un Message-ID sin corchetes angulares",
                pl: "Message-ID bez nawiasów ostrokątnych",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nMessage-ID: 123@example.com\nSubject: Hi\n\nHello\n"),
        ),
        Example::fails(
            title! {
                en: "A Message-ID without @",
                fr: "Un Message-ID sans @",
                es: "Un Message-ID sin @",
                pl: "Message-ID bez @",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nMessage-ID: <1234567>\nSubject: Hi\n\nHello\n"),
        ),
        Example::fails(
            title! {
                en: "Two ids in Message-ID",
                fr: "Deux identifiants dans Message-ID",
                es: "Dos identificadores en Message-ID",
                pl: "Dwa identyfikatory w Message-ID",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nMessage-ID: <1@example.com> <2@example.com>\nSubject: Hi\n\nHello\n"),
        ),
        Example::fails(
            title! {
                en: "Words in In-Reply-To (obsolete: info)",
                fr: "Des mots dans In-Reply-To (obsolète : information)",
                es: "Palabras en In-Reply-To (obsoleto: información)",
                pl: "Słowa w In-Reply-To (przestarzałe: informacja)",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nIn-Reply-To: Your message of Monday <1@example.com>\nSubject: Re: Hi\n\nHello\n"),
        )
        .at(Severity::Info),
        Example::passes(
            title! {
                en: "Well-formed ids, References folded over lines",
                fr: "Des identifiants bien formés, References replié sur plusieurs lignes",
                es: "Identificadores bien formados, References plegado en varias líneas",
                pl: "Poprawne identyfikatory, References zawinięte na kilka wierszy",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nMessage-ID: <abc.123@example.com>\nIn-Reply-To: <1@example.com>\nReferences: <0@example.com>\n <1@example.com>\nSubject: Re: Hi\n\nHello\n"),
        ),
        Example::fails(
            title! {
                en: "A Message-ID made on a machine called localhost (info)",
                fr: "Un Message-ID créé sur une machine nommée localhost (information)",
                es: "Un Message-ID creado en una máquina llamada localhost (información)",
                pl: "Message-ID utworzony na maszynie o nazwie localhost (informacja)",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nMessage-ID: <1252585652.3.1796134954190@localhost>\nSubject: Hi\n\nHello\n"),
        )
        .at(Severity::Info),
        Example::passes(
            title! {
                en: "An id-right in brackets",
                fr: "Un id-right entre crochets",
                es: "Un id-right entre corchetes",
                pl: "id-right w nawiasach kwadratowych",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nMessage-ID: <x@[192.0.2.1]>\nSubject: Hi\n\nHello\n"),
        ),
    ],
    check: Check::Message(check),
};

fn check(message: &Message, cx: &mut Context) {
    for (field, ids) in message.message_id_fields() {
        super::emit_grouped(cx, message, 0, field, &ids.problems, |kind, count| {
            let problem = super::grammar_texts::msg_id_problem(kind);
            let draft = Draft::new(
                Msg::of(&INVALID).text("field", field.name.clone()).label("problem", problem).int("count", count),
            );
            // Gmail refuses a message whose Message-ID is not valid; In-Reply-To and
            // References carry free text in many mailers and nobody refuses that.
            Some(match (kind.level(), field.is("Message-ID")) {
                (Level::Invalid, true) => draft,
                _ => draft.severity(Severity::Info),
            })
        });
        if field.is("Message-ID") && ids.problems.is_empty() {
            if let Some(&(start, end)) = ids.ids.first() {
                local_host(message, field, start, end, cx);
            }
        }
    }
}

/// A well-formed Message-ID whose id-right is a machine: a name without a dot
/// (rspamd MID_RHS_NOT_FQDN) or a bare IPv4 address (MID_BARE_IP). An address
/// literal in brackets (`[192.0.2.1]`) is the RFC's own form and is left alone.
fn local_host(message: &Message, field: &super::HeaderField, start: usize, end: usize, cx: &mut Context) {
    let id = super::value_slice(message, field, start, end);
    let Some(at) = id.iter().rposition(|&b| b == b'@') else { return };
    let Some(host) = id.get(at + 1..id.len().saturating_sub(1)) else { return };
    // rspamd's `@%d+%.%d+%.%d+%.%d+>$`, with numbers of one to three digits.
    let labels: Vec<&[u8]> = host.split(|&b| b == b'.').collect();
    let bare_ip = labels.len() == 4 && labels.iter().all(|n| (1..=3).contains(&n.len()) && n.iter().all(u8::is_ascii_digit));
    if host.is_empty() || host.first() == Some(&b'[') || (host.contains(&b'.') && !bare_ip) {
        return;
    }
    let at_value = start + at + 1;
    let location = super::value_location(field, at_value, at_value + host.len());
    let host = String::from_utf8_lossy(host).into_owned();
    cx.emit(
        Draft::new(Msg::of(&LOCAL_HOST).text("host", host.clone())).severity(Severity::Info).evidence(host).at(location),
    );
}
