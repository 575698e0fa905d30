//! `dkim/expired`: the signature's `x=` lies before `options.now`. Verifiers
//! may treat an expired signature as invalid (RFC 6376 §3.5 `x=`) and in
//! practice do (PERMFAIL "signature expired", §6.1.1).

use super::{domain_of, evidence, location};
use crate::i18n::Msg;
use crate::model::Message;
use crate::report::Severity;
use crate::rules::{scores, Check, Context, Draft, Example, ExampleInput, Group, Rule};
use crate::settings::Evidence;
use crate::title;

crate::rule_texts! { "dkim/expired";
    summary => {
        en: "A DKIM signature has expired (x=).",
        fr: "Une signature DKIM a expiré (x=).",
        es: "Una firma DKIM ha caducado (x=).",
        pl: "Podpis DKIM wygasł (x=).",
    },
    why => {
        en: "A signature past its x= expiry time is treated as invalid by verifiers (RFC 6376 §3.5): a message queued or resent after that time arrives unsigned.",
        fr: "Une signature dont l'heure d'expiration x= est passée est traitée comme invalide par les vérificateurs (RFC 6376 §3.5) : un message mis en file ou renvoyé après cette heure arrive non signé.",
        es: "Los verificadores tratan como no válida una firma que ha pasado su hora de caducidad x= (RFC 6376 §3.5): un mensaje encolado o reenviado después llega sin firma.",
        pl: "Weryfikatory traktują podpis po czasie wygaśnięcia x= jako nieważny (RFC 6376 §3.5): wiadomość zakolejkowana lub wysłana ponownie po tym czasie dociera bez podpisu.",
    },
    fix => {
        en: "Sign the message again just before sending, or give the signer a longer validity (or none).",
        fr: "Signez le message à nouveau juste avant l'envoi, ou donnez au signataire une durée de validité plus longue (ou aucune).",
        es: "Vuelva a firmar el mensaje justo antes de enviarlo, o dé al firmante una validez más larga (o ninguna).",
        pl: "Podpisz wiadomość ponownie tuż przed wysłaniem albo ustaw dłuższą ważność podpisu (lub żadnej).",
    },
    EXPIRED "expired" => {
        en: "The signature of {domain} expired {ago, plural, one {# second} other {# seconds}} before the time checked (x={expiry}).",
        fr: "La signature de {domain} a expiré {ago, plural, one {# seconde} many {# de secondes} other {# secondes}} avant l'heure vérifiée (x={expiry}).",
        es: "La firma de {domain} caducó {ago, plural, one {# segundo} many {# de segundos} other {# segundos}} antes de la hora comprobada (x={expiry}).",
        pl: "Podpis {domain} wygasł {ago, plural, one {# sekundę} few {# sekundy} many {# sekund} other {# sekundy}} przed sprawdzaną chwilą (x={expiry}).",
    },
}

pub const RULE: Rule = Rule {
    id: ID,
    group: Group::Dkim,
    severity: Severity::Warning,
    evidence: &[Evidence::Rfc(
        "RFC 6376 §3.5 x=: \"Signatures MAY be considered invalid if the verification time at the Verifier is past the expiration date\"; checked against options.now only (the engine never reads the clock)",
    )],
    score: scores::NONE,
    texts: &TEXTS,
    thresholds: &[],
    examples: &[
        Example::fails(
            title! {
                en: "x= one day before now",
                fr: "x= un jour avant maintenant",
                es: "x= un día antes de ahora",
                pl: "x= dzień przed chwilą obecną",
            },
            ExampleInput::Raw("DKIM-Signature: v=1; a=rsa-sha256; d=my-site.example; s=s1; h=from:to:subject; t=1772323200; x=1772409600;\n bh=Ba3gj8+xBPQLJTahTfzW6RbWQ/XPgESxkCi2B66PSQg=; b=AAAA\nFrom: contact@my-site.example\nTo: b@example.org\nSubject: Hi\n\nHello\n"),
        )
        .with_options(r#"{"now": 1772496000}"#),
        Example::passes(
            title! {
                en: "Without options.now nothing is judged",
                fr: "Sans options.now rien n'est jugé",
                es: "Sin options.now no se juzga nada",
                pl: "Bez options.now nic nie jest oceniane",
            },
            ExampleInput::Raw("DKIM-Signature: v=1; a=rsa-sha256; d=my-site.example; s=s1; h=from:to:subject; t=1772323200; x=1772409600;\n bh=Ba3gj8+xBPQLJTahTfzW6RbWQ/XPgESxkCi2B66PSQg=; b=AAAA\nFrom: contact@my-site.example\nTo: b@example.org\nSubject: Hi\n\nHello\n"),
        ),
    ],
    check: Check::Dkim(check),
};

fn check(message: &Message, cx: &mut Context) {
    let Some(now) = cx.settings.now else { return };
    for facts in &message.identity.dkim {
        let Some(expiry) = facts.signature.expiration else { continue };
        if expiry < now {
            cx.emit(
                Draft::new(
                    Msg::of(&EXPIRED)
                        .text("domain", domain_of(facts))
                        .int("ago", now.saturating_sub(expiry))
                        .text("expiry", expiry.to_string()),
                )
                .evidence(evidence(message, facts, Some("x")))
                .at(location(message, facts)),
            );
        }
    }
}
