//! `dkim/body-hash`: the body hash `bh=` recomputed under the declared
//! canonicalization (RFC 6376 §3.4, §3.7) does not match: the body changed
//! after signing — a footer added, lines re-wrapped, a transfer encoding
//! changed. The most common cause of `dkim=fail` (§6.1.3: "body hash did not
//! verify").

use super::{domain_of, evidence, location};
use crate::i18n::Msg;
use crate::model::Message;
use crate::report::Severity;
use crate::rules::{scores, Check, Context, Draft, Example, ExampleInput, Group, Rule};
use crate::settings::Evidence;
use crate::title;

crate::rule_texts! { "dkim/body-hash";
    summary => {
        en: "The body changed after it was DKIM-signed (bh= does not match).",
        fr: "Le corps a changé après la signature DKIM (bh= ne correspond pas).",
        es: "El cuerpo cambió después de la firma DKIM (bh= no coincide).",
        pl: "Treść zmieniła się po podpisaniu DKIM (bh= się nie zgadza).",
    },
    why => {
        en: "Verifiers recompute the body hash and ignore the signature when it differs (RFC 6376 §6.1.3): the message arrives with dkim=fail and, without an aligned SPF, fails DMARC. A footer, a disclaimer, re-wrapped lines or a new transfer encoding added after signing are the usual causes.",
        fr: "Les vérificateurs recalculent le hachage du corps et ignorent la signature s'il diffère (RFC 6376 §6.1.3) : le message arrive avec dkim=fail et, sans SPF aligné, échoue à DMARC. Un pied de page, une mention légale, des lignes recoupées ou un nouveau codage de transfert ajoutés après la signature en sont les causes habituelles.",
        es: "Los verificadores recalculan el hash del cuerpo e ignoran la firma si difiere (RFC 6376 §6.1.3): el mensaje llega con dkim=fail y, sin SPF alineado, falla DMARC. Un pie, un aviso legal, líneas recortadas o una nueva codificación de transferencia añadidos tras firmar son las causas habituales.",
        pl: "Weryfikatory obliczają skrót treści ponownie i ignorują podpis, gdy się różni (RFC 6376 §6.1.3): wiadomość dociera z dkim=fail i bez wyrównanego SPF nie przechodzi DMARC. Zwykle winna jest stopka, zastrzeżenie, ponownie złamane wiersze lub nowe kodowanie transferowe dodane po podpisaniu.",
    },
    fix => {
        en: "Sign last: add footers and choose the transfer encoding before the DKIM signer runs, and make sure nothing rewrites the body afterwards.",
        fr: "Signez en dernier : ajoutez les pieds de page et choisissez le codage de transfert avant la signature DKIM, et vérifiez que rien ne réécrit le corps ensuite.",
        es: "Firme al final: añada los pies y elija la codificación de transferencia antes del firmante DKIM, y asegúrese de que nada reescriba el cuerpo después.",
        pl: "Podpisuj na końcu: dodaj stopki i wybierz kodowanie transferowe przed podpisem DKIM i upewnij się, że nic potem nie przepisuje treści.",
    },
    MISMATCH "mismatch" => {
        en: "The body hash of the signature of {domain} ({canon}) is {declared}, but the body now hashes to {computed}.",
        fr: "Le hachage du corps de la signature de {domain} ({canon}) est {declared}, mais le corps donne maintenant {computed}.",
        es: "El hash del cuerpo de la firma de {domain} ({canon}) es {declared}, pero el cuerpo da ahora {computed}.",
        pl: "Skrót treści w podpisie {domain} ({canon}) to {declared}, ale treść daje teraz {computed}.",
    },
}

pub const RULE: Rule = Rule {
    id: ID,
    group: Group::Dkim,
    severity: Severity::Warning,
    evidence: &[
        Evidence::Rfc("RFC 6376 §6.1.3: when the computed body hash differs from bh=, the verifier MUST ignore the signature (PERMFAIL, body hash did not verify)"),
        Evidence::Ours("warning, not error: the message may still pass DMARC through an aligned SPF"),
    ],
    score: scores::NONE,
    texts: &TEXTS,
    thresholds: &[],
    examples: &[
        Example::fails(
            title! {
                en: "RFC 8463's signed message with one word of the body changed",
                fr: "Le message signé de la RFC 8463 avec un mot du corps changé",
                es: "El mensaje firmado del RFC 8463 con una palabra del cuerpo cambiada",
                pl: "Podpisana wiadomość z RFC 8463 ze zmienionym jednym słowem treści",
            },
            ExampleInput::Generated(changed_body),
        )
        .times(2),
        Example::passes(
            title! {
                en: "RFC 8463's signed message as published",
                fr: "Le message signé de la RFC 8463 tel que publié",
                es: "El mensaje firmado del RFC 8463 tal como se publicó",
                pl: "Podpisana wiadomość z RFC 8463 w opublikowanej postaci",
            },
            ExampleInput::Raw(super::RFC8463_MESSAGE),
        ),
    ],
    check: Check::Dkim(check),
};

fn changed_body() -> Vec<u8> {
    super::RFC8463_MESSAGE.replace("hungry yet?", "hungry now?").into_bytes()
}

fn check(message: &Message, cx: &mut Context) {
    for facts in &message.identity.dkim {
        if facts.body_hash_matches() != Some(false) {
            continue;
        }
        let (Some(declared), Some(computed)) = (&facts.signature.body_hash, &facts.computed_body_hash) else {
            continue;
        };
        let canon = match facts.signature.body_canon {
            Some(crate::dkim::canon::Canon::Relaxed) => "relaxed",
            _ => "simple",
        };
        cx.emit(
            Draft::new(
                Msg::of(&MISMATCH)
                    .text("domain", domain_of(facts))
                    .text("canon", canon)
                    .text("declared", crate::input::encode::base64(declared))
                    .text("computed", crate::input::encode::base64(&computed.hash)),
            )
            .evidence(evidence(message, facts, Some("bh")))
            .at(location(message, facts)),
        );
    }
}
