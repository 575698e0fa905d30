//! `dkim/body-length`: the `l=` tag signs only the first bytes of the body, so
//! anyone can append content that still verifies (RFC 6376 §8.2); anything
//! already past the signed length is unsigned now.

use super::{domain_of, evidence, location};
use crate::i18n::Msg;
use crate::model::Message;
use crate::report::Severity;
use crate::rules::{scores, Check, Context, Draft, Example, ExampleInput, Group, Rule};
use crate::settings::Evidence;
use crate::title;

crate::rule_texts! { "dkim/body-length";
    summary => {
        en: "A DKIM signature uses l= and signs only part of the body.",
        fr: "Une signature DKIM utilise l= et ne signe qu'une partie du corps.",
        es: "Una firma DKIM usa l= y solo firma parte del cuerpo.",
        pl: "Podpis DKIM używa l= i obejmuje tylko część treści.",
    },
    why => {
        en: "With l=, content appended after the signed length still verifies: an attacker can add a link or text under your signature (RFC 6376 §8.2), and some filters treat l= itself as a risk sign.",
        fr: "Avec l=, un contenu ajouté après la longueur signée reste valide : un attaquant peut ajouter un lien ou du texte sous votre signature (RFC 6376 §8.2), et certains filtres voient l= lui-même comme un signe de risque.",
        es: "Con l=, el contenido añadido tras la longitud firmada sigue siendo válido: un atacante puede añadir un enlace o texto bajo su firma (RFC 6376 §8.2), y algunos filtros ven el propio l= como señal de riesgo.",
        pl: "Z l= treść dopisana za podpisaną długością nadal przechodzi weryfikację: atakujący może dodać link lub tekst pod Twoim podpisem (RFC 6376 §8.2), a niektóre filtry traktują samo l= jako sygnał ryzyka.",
    },
    fix => {
        en: "Sign the whole body: turn off the body-length option of the DKIM signer.",
        fr: "Signez tout le corps : désactivez l'option de longueur du corps du signataire DKIM.",
        es: "Firme todo el cuerpo: desactive la opción de longitud del cuerpo del firmante DKIM.",
        pl: "Podpisuj całą treść: wyłącz opcję długości treści w narzędziu podpisującym DKIM.",
    },
    PARTIAL "partial" => {
        en: "The signature of {domain} signs the first {signed, plural, one {# byte} other {# bytes}} of the body (l=).",
        fr: "La signature de {domain} signe {signed, plural, one {# octet} many {# d'octets} other {# octets}} au début du corps (l=).",
        es: "La firma de {domain} firma {signed, plural, one {# byte} many {# de bytes} other {# bytes}} al principio del cuerpo (l=).",
        pl: "Podpis {domain} obejmuje {signed, plural, one {pierwszy # bajt} few {pierwsze # bajty} many {pierwszych # bajtów} other {pierwsze # bajtu}} treści (l=).",
    },
    UNSIGNED_TAIL "unsigned-tail" => {
        en: "The signature of {domain} signs {signed, plural, one {# byte} other {# bytes}} of the body (l=), but it has {total}: the end of the body is not signed.",
        fr: "La signature de {domain} signe {signed, plural, one {# octet} many {# d'octets} other {# octets}} du corps (l=), mais il en compte {total} : la fin du corps n'est pas signée.",
        es: "La firma de {domain} firma {signed, plural, one {# byte} many {# de bytes} other {# bytes}} del cuerpo (l=), pero tiene {total}: el final del cuerpo no está firmado.",
        pl: "Podpis {domain} obejmuje {signed, plural, one {# bajt} few {# bajty} many {# bajtów} other {# bajtu}} treści (l=), a treść ma ich {total}: koniec treści nie jest podpisany.",
    },
}

pub const RULE: Rule = Rule {
    id: ID,
    group: Group::Dkim,
    severity: Severity::Warning,
    evidence: &[Evidence::Rfc(
        "RFC 6376 §8.2: the l= tag lets an attacker append content that still verifies; §3.5: signers \"SHOULD NOT\" rely on it without understanding this risk",
    )],
    score: scores::NONE,
    texts: &TEXTS,
    thresholds: &[],
    examples: &[
        Example::fails(
            title! {
                en: "A signature with l=",
                fr: "Une signature avec l=",
                es: "Una firma con l=",
                pl: "Podpis z l=",
            },
            ExampleInput::Raw("DKIM-Signature: v=1; a=rsa-sha256; d=my-site.example; s=s1; h=from:to:subject; l=7;\n bh=Ba3gj8+xBPQLJTahTfzW6RbWQ/XPgESxkCi2B66PSQg=; b=AAAA\nFrom: contact@my-site.example\nTo: b@example.org\nSubject: Hi\n\nHello\n"),
        ),
        Example::passes(
            title! {
                en: "A signature over the whole body",
                fr: "Une signature sur tout le corps",
                es: "Una firma de todo el cuerpo",
                pl: "Podpis całej treści",
            },
            ExampleInput::Raw(super::RFC8463_MESSAGE),
        ),
    ],
    check: Check::Dkim(check),
};

fn check(message: &Message, cx: &mut Context) {
    for facts in &message.identity.dkim {
        let Some(signed) = facts.signature.length else { continue };
        let total = facts.computed_body_hash.as_ref().map(|h| h.canonical_len);
        let msg = match total {
            Some(total) if total > signed => Msg::of(&UNSIGNED_TAIL).int("signed", signed).int("total", total),
            _ => Msg::of(&PARTIAL).int("signed", signed),
        };
        let draft = Draft::new(msg.text("domain", domain_of(facts))).evidence(evidence(message, facts, Some("l")));
        cx.emit(draft.at(location(message, facts)));
    }
}
