//! `size/content`: the decoded content (texts and attachments) is over what the
//! guides allow once encapsulation is removed ("7/8 MB").

use crate::i18n::{Localized, Msg};
use crate::model::Message;
use crate::report::{Location, Severity};
use crate::rules::{Check, Context, Draft, Example, ExampleInput, Group, Rule};
use crate::settings::{Evidence, Kind, Threshold};
use crate::title;

crate::rule_texts! { "size/content";
    summary => {
        en: "The decoded content (texts and attachments) is over 7 MB.",
        fr: "Le contenu décodé (textes et pièces jointes) dépasse 7 Mo.",
        es: "El contenido decodificado (textos y adjuntos) supera los 7 MB.",
        pl: "Zdekodowana treść (teksty i załączniki) przekracza 7 MB.",
    },
    why => {
        en: "The guides say the content itself must not exceed 7/8 MB, because encoding it for transport brings it close to the 10 MB limit. Over 7 MB of content, the encoded message is likely to be refused.",
        fr: "Les guides indiquent que le contenu lui-même ne doit pas dépasser 7/8 Mo, car son encodage pour le transport l'approche de la limite de 10 Mo. Au-delà de 7 Mo de contenu, le message encodé risque d'être refusé.",
        es: "Las guías indican que el contenido en sí no debe superar los 7/8 MB, porque al codificarlo para el transporte se acerca al límite de 10 MB. Con más de 7 MB de contenido, es probable que el mensaje codificado sea rechazado.",
        pl: "Przewodniki mówią, że sama treść nie powinna przekraczać 7/8 MB, bo kodowanie do transportu zbliża ją do limitu 10 MB. Powyżej 7 MB treści zakodowana wiadomość prawdopodobnie zostanie odrzucona.",
    },
    fix => {
        en: "Remove or shrink the largest attachment, or replace it with a link to the file on your site.",
        fr: "Retirez ou réduisez la plus grosse pièce jointe, ou remplacez-la par un lien vers le fichier sur votre site.",
        es: "Elimine o reduzca el adjunto más grande, o sustitúyalo por un enlace al archivo en su sitio.",
        pl: "Usuń lub zmniejsz największy załącznik albo zastąp go linkiem do pliku na swojej stronie.",
    },
    TOO_LARGE "too-large" => {
        en: "The content is {size} ({sizeBytes, plural, one {# byte} other {# bytes}}) once decoded, over the {limit} the guides allow before encoding.",
        fr: "Le contenu fait {size} ({sizeBytes, plural, one {# octet} many {# d'octets} other {# octets}}) une fois décodé, au-delà des {limit} que les guides autorisent avant encodage.",
        es: "El contenido ocupa {size} ({sizeBytes, plural, one {# byte} many {# de bytes} other {# bytes}}) una vez decodificado, por encima de los {limit} que las guías permiten antes de codificar.",
        pl: "Po zdekodowaniu treść ma {size} ({sizeBytes, plural, one {# bajt} few {# bajty} many {# bajtów} other {# bajta}}), więcej niż {limit} dozwolone przez przewodniki przed kodowaniem.",
    },
    TOO_LARGE_CONFIGURED "too-large-configured" => {
        en: "The content is {size} ({sizeBytes, plural, one {# byte} other {# bytes}}) once decoded, over the configured limit of {limit}.",
        fr: "Le contenu fait {size} ({sizeBytes, plural, one {# octet} many {# d'octets} other {# octets}}) une fois décodé, au-delà de la limite configurée de {limit}.",
        es: "El contenido ocupa {size} ({sizeBytes, plural, one {# byte} many {# de bytes} other {# bytes}}) una vez decodificado, por encima del límite configurado de {limit}.",
        pl: "Po zdekodowaniu treść ma {size} ({sizeBytes, plural, one {# bajt} few {# bajty} many {# bajtów} other {# bajta}}), więcej niż skonfigurowany limit {limit}.",
    },
    // The evidence, in the reader's language: the largest part.
    EVIDENCE_FILE "evidence.file" => {
        en: "{name} ({type}, {bytes, plural, one {# byte} other {# bytes}})",
        fr: "{name} ({type}, {bytes, plural, one {# octet} many {# d'octets} other {# octets}})",
        es: "{name} ({type}, {bytes, plural, one {# byte} many {# de bytes} other {# bytes}})",
        pl: "{name} ({type}, {bytes, plural, one {# bajt} few {# bajty} many {# bajtów} other {# bajta}})",
    },
    EVIDENCE_PART "evidence.part" => {
        en: "part {part} ({type}, {bytes, plural, one {# byte} other {# bytes}})",
        fr: "partie {part} ({type}, {bytes, plural, one {# octet} many {# d'octets} other {# octets}})",
        es: "parte {part} ({type}, {bytes, plural, one {# byte} many {# de bytes} other {# bytes}})",
        pl: "część {part} ({type}, {bytes, plural, one {# bajt} few {# bajty} many {# bajtów} other {# bajta}})",
    },
}

/// Most bytes of decoded content (text and attachments).
pub const MAX_CONTENT_BYTES: Threshold = Threshold {
    key: "size.maxContentBytes",
    kind: Kind::Int { default: 7_000_000, min: 1, max: 1_000_000_000 },
    doc: Localized {
        en: "Most bytes of decoded content (text and attachments). The guides say 7 to 8 MB; we take the lower bound.",
        fr: "Nombre maximal d'octets de contenu décodé (texte et pièces jointes). Les guides disent 7 à 8 Mo ; nous prenons la borne basse.",
        es: "Máximo de bytes de contenido decodificado (texto y adjuntos). Las guías dicen de 7 a 8 MB; tomamos el límite inferior.",
        pl: "Najwięcej bajtów zdekodowanej treści (tekst i załączniki). Przewodniki mówią 7 do 8 MB; przyjmujemy dolną granicę.",
    },
    evidence: Evidence::Guide(
        "seed 002 (fr) l. 99: « Le contenu même de votre e-mail ne devra donc pas excéder les 7/8 Mo »",
    ),
};

pub const RULE: Rule = Rule {
    id: ID,
    group: Group::Size,
    severity: Severity::Warning,
    evidence: &[Evidence::Guide(
        "seed 002 (fr) l. 99: « Le contenu même de votre e-mail ne devra donc pas excéder les 7/8 Mo »",
    )],
    score: crate::rules::scores::NONE,
    texts: &TEXTS,
    thresholds: &[&MAX_CONTENT_BYTES],
    examples: &[
        Example::fails(
            title! {
                en: "An attachment of 7.5 MB decoded",
                fr: "Une pièce jointe de 7,5 Mo une fois décodée",
                es: "Un adjunto de 7,5 MB una vez decodificado",
                pl: "Załącznik o rozmiarze 7,5 MB po zdekodowaniu",
            },
            ExampleInput::Generated(large_attachment),
        ),
        Example::passes(
            title! {
                en: "A short text",
                fr: "Un texte court",
                es: "Un texto corto",
                pl: "Krótki tekst",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Hello\n\nSee you tomorrow.\n"),
        ),
    ],
    check: Check::Message(check),
};

/// A message whose base64 attachment decodes to 7.5 MB.
fn large_attachment() -> Vec<u8> {
    // 10,000,000 base64 characters decode to 7,500,000 bytes.
    super::generated_message(10_000_000 + 300)
}

fn check(message: &Message, cx: &mut Context) {
    let limit = cx.settings.int(&MAX_CONTENT_BYTES) as u64;
    let size = message.decoded_size as u64;
    if size <= limit {
        return;
    }
    let largest = message.parts.iter().filter(|p| p.decoded_len() > 0).max_by_key(|p| p.decoded_len());
    let evidence = largest.map(|part| {
        let described = match &part.filename {
            Some(name) => Msg::of(&EVIDENCE_FILE).text("name", name.clone()),
            None => Msg::of(&EVIDENCE_PART).int("part", part.index),
        };
        described.text("type", part.content_type.clone()).int("bytes", part.decoded_len())
    });
    let location = match largest {
        Some(part) => match &part.body_range {
            Some(range) => Location::part(part.index).with_range(range.start, range.end),
            None => Location::part(part.index),
        },
        None => Location::message(),
    };
    // The guides' number is theirs only when it is the one in force.
    let id = if cx.settings.is_default(&MAX_CONTENT_BYTES) { &TOO_LARGE } else { &TOO_LARGE_CONFIGURED };
    let draft = Draft::new(
        Msg::of(id)
            .megabytes("size", size)
            .int("sizeBytes", size)
            .megabytes("limit", limit)
            .int("limitBytes", limit),
    )
    .at(location);
    cx.emit(match evidence {
        Some(evidence) => draft.evidence_message(evidence),
        None => draft.evidence(size.to_string()),
    });
}
