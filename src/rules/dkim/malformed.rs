//! `dkim/malformed`: a `DKIM-Signature` that verifiers cannot use as written —
//! tag syntax (RFC 6376 §3.2), required tags (§3.5), unknown algorithm or
//! canonicalization, bad values, or SHA-1 (RFC 8301 §3.1). Verifiers return
//! PERMFAIL (§6.1.1): the message is treated as unsigned.

use super::{domain_of, evidence, location};
use crate::dkim::{signature::Problem, tags::TagProblem};
use crate::i18n::Msg;
use crate::model::Message;
use crate::report::Severity;
use crate::rules::{scores, Check, Context, Draft, Example, ExampleInput, Group, Rule};
use crate::settings::Evidence;
use crate::title;

crate::rule_texts! { "dkim/malformed";
    summary => {
        en: "A DKIM-Signature cannot be used as written.",
        fr: "Une DKIM-Signature est inutilisable telle qu'elle est écrite.",
        es: "Una DKIM-Signature no se puede usar tal como está escrita.",
        pl: "Pola DKIM-Signature nie da się użyć w obecnej postaci.",
    },
    why => {
        en: "Verifiers reject a signature whose tags are malformed or incomplete (RFC 6376 §6.1.1, PERMFAIL) and must not accept SHA-1 signatures (RFC 8301): the message then counts as unsigned, and DMARC can only pass through SPF.",
        fr: "Les vérificateurs rejettent une signature dont les balises sont mal formées ou incomplètes (RFC 6376 §6.1.1, PERMFAIL) et ne doivent pas accepter les signatures SHA-1 (RFC 8301) : le message compte alors comme non signé, et DMARC ne peut passer que par SPF.",
        es: "Los verificadores rechazan una firma con etiquetas mal formadas o incompletas (RFC 6376 §6.1.1, PERMFAIL) y no deben aceptar firmas SHA-1 (RFC 8301): el mensaje cuenta entonces como no firmado y DMARC solo puede pasar por SPF.",
        pl: "Weryfikatory odrzucają podpis o błędnych lub niepełnych znacznikach (RFC 6376 §6.1.1, PERMFAIL) i nie mogą akceptować podpisów SHA-1 (RFC 8301): wiadomość liczy się wtedy jako niepodpisana, a DMARC może przejść tylko przez SPF.",
    },
    fix => {
        en: "Fix the signing configuration: use a DKIM library (rsa-sha256 or ed25519-sha256) rather than writing the field by hand.",
        fr: "Corrigez la configuration de signature : utilisez une bibliothèque DKIM (rsa-sha256 ou ed25519-sha256) plutôt que d'écrire le champ à la main.",
        es: "Corrija la configuración de firma: use una biblioteca DKIM (rsa-sha256 o ed25519-sha256) en lugar de escribir el campo a mano.",
        pl: "Popraw konfigurację podpisywania: użyj biblioteki DKIM (rsa-sha256 lub ed25519-sha256) zamiast pisać pole ręcznie.",
    },
    MISSING "missing" => {
        en: "The signature of {domain} has no {tag}= tag, which RFC 6376 §3.5 requires.",
        fr: "La signature de {domain} n'a pas de balise {tag}=, que la RFC 6376 §3.5 exige.",
        es: "La firma de {domain} no tiene la etiqueta {tag}=, que exige el RFC 6376 §3.5.",
        pl: "Podpis {domain} nie ma znacznika {tag}=, którego wymaga RFC 6376 §3.5.",
    },
    SYNTAX "syntax" => {
        en: "The signature of {domain} breaks the tag-list syntax (RFC 6376 §3.2) at {tag}.",
        fr: "La signature de {domain} enfreint la syntaxe des balises (RFC 6376 §3.2) à {tag}.",
        es: "La firma de {domain} rompe la sintaxis de etiquetas (RFC 6376 §3.2) en {tag}.",
        pl: "Podpis {domain} narusza składnię listy znaczników (RFC 6376 §3.2) przy {tag}.",
    },
    DUPLICATE "duplicate" => {
        en: "The signature of {domain} gives the {tag}= tag twice, which makes the whole signature invalid (RFC 6376 §3.2).",
        fr: "La signature de {domain} donne deux fois la balise {tag}=, ce qui invalide toute la signature (RFC 6376 §3.2).",
        es: "La firma de {domain} da dos veces la etiqueta {tag}=, lo que invalida toda la firma (RFC 6376 §3.2).",
        pl: "Podpis {domain} podaje znacznik {tag}= dwa razy, co unieważnia cały podpis (RFC 6376 §3.2).",
    },
    BAD_VALUE "bad-value" => {
        en: "The signature of {domain} has an invalid {tag}= value: {value}.",
        fr: "La signature de {domain} a une valeur {tag}= invalide : {value}.",
        es: "La firma de {domain} tiene un valor {tag}= no válido: {value}.",
        pl: "Podpis {domain} ma nieprawidłową wartość {tag}=: {value}.",
    },
    SHA1 "sha1" => {
        en: "The signature of {domain} uses rsa-sha1, which verifiers must not accept (RFC 8301 §3.1).",
        fr: "La signature de {domain} utilise rsa-sha1, que les vérificateurs ne doivent pas accepter (RFC 8301 §3.1).",
        es: "La firma de {domain} usa rsa-sha1, que los verificadores no deben aceptar (RFC 8301 §3.1).",
        pl: "Podpis {domain} używa rsa-sha1, którego weryfikatory nie mogą akceptować (RFC 8301 §3.1).",
    },
    EXPIRES_FIRST "expires-first" => {
        en: "The signature of {domain} expires (x=) before or when it was made (t=).",
        fr: "La signature de {domain} expire (x=) avant ou au moment de sa création (t=).",
        es: "La firma de {domain} caduca (x=) antes o en el momento de crearse (t=).",
        pl: "Podpis {domain} wygasa (x=) przed chwilą jego utworzenia (t=) lub w tej samej chwili.",
    },
    IDENTITY "identity" => {
        en: "The signature's i= is not in its domain {domain} or a subdomain (RFC 6376 §3.5).",
        fr: "Le i= de la signature n'est pas dans son domaine {domain} ni dans un sous-domaine (RFC 6376 §3.5).",
        es: "El i= de la firma no está en su dominio {domain} ni en un subdominio (RFC 6376 §3.5).",
        pl: "Znacznik i= podpisu nie należy do jego domeny {domain} ani subdomeny (RFC 6376 §3.5).",
    },
}

pub const RULE: Rule = Rule {
    id: ID,
    group: Group::Dkim,
    severity: Severity::Warning,
    evidence: &[
        Evidence::Rfc("RFC 6376 §6.1.1: a signature with a missing required tag or a bad value is ignored (PERMFAIL); §3.2: a duplicated tag invalidates the tag list"),
        Evidence::Rfc("RFC 8301 §3.1: \"Verifiers MUST NOT consider signatures using SHA-1 to be valid\""),
    ],
    score: scores::NONE,
    texts: &TEXTS,
    thresholds: &[],
    examples: &[
        Example::fails(
            title! {
                en: "No body hash (bh=) in the signature",
                fr: "Pas de hachage du corps (bh=) dans la signature",
                es: "Sin hash del cuerpo (bh=) en la firma",
                pl: "Brak skrótu treści (bh=) w podpisie",
            },
            ExampleInput::Raw("DKIM-Signature: v=1; a=rsa-sha256; d=my-site.example; s=s1; h=from:to:subject; b=AAAA\nFrom: contact@my-site.example\nTo: b@example.org\nSubject: Hi\n\nHello\n"),
        ),
        Example::fails(
            title! {
                en: "An rsa-sha1 signature",
                fr: "Une signature rsa-sha1",
                es: "Una firma rsa-sha1",
                pl: "Podpis rsa-sha1",
            },
            ExampleInput::Raw("DKIM-Signature: v=1; a=rsa-sha1; d=my-site.example; s=s1; h=from:to:subject; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=AAAA\nFrom: contact@my-site.example\nTo: b@example.org\nSubject: Hi\n\nHello\n"),
        ),
        Example::passes(
            title! {
                en: "The signatures of RFC 8463's example",
                fr: "Les signatures de l'exemple de la RFC 8463",
                es: "Las firmas del ejemplo del RFC 8463",
                pl: "Podpisy z przykładu RFC 8463",
            },
            ExampleInput::Raw(super::RFC8463_MESSAGE),
        ),
    ],
    check: Check::Dkim(check),
};

fn check(message: &Message, cx: &mut Context) {
    for facts in &message.identity.dkim {
        let domain = domain_of(facts);
        for problem in &facts.signature.problems {
            // The tag the problem is about, quoted as evidence (a missing tag: the whole signature).
            let (msg, tag) = match problem {
                Problem::Missing(tag) => (Msg::of(&MISSING).text("tag", *tag), None),
                Problem::TagList(TagProblem::Duplicate(tag)) => {
                    (Msg::of(&DUPLICATE).text("tag", tag.clone()), Some(tag.as_str()))
                }
                Problem::TagList(
                    TagProblem::NoEquals(text) | TagProblem::BadName(text) | TagProblem::BadValue(text),
                ) => (Msg::of(&SYNTAX).text("tag", text.clone()), None),
                Problem::Version(v) => (Msg::of(&BAD_VALUE).text("tag", "v").text("value", v.clone()), Some("v")),
                Problem::UnknownAlgorithm(a) => {
                    (Msg::of(&BAD_VALUE).text("tag", "a").text("value", a.clone()), Some("a"))
                }
                Problem::Canonicalization(c) => {
                    (Msg::of(&BAD_VALUE).text("tag", "c").text("value", c.clone()), Some("c"))
                }
                Problem::BadValue(tag, value) => {
                    (Msg::of(&BAD_VALUE).text("tag", *tag).text("value", value.clone()), Some(*tag))
                }
                Problem::Sha1 => (Msg::of(&SHA1), Some("a")),
                Problem::ExpiresBeforeSigned => (Msg::of(&EXPIRES_FIRST), Some("x")),
                Problem::IdentityOutsideDomain => (Msg::of(&IDENTITY), Some("i")),
            };
            let draft = Draft::new(msg.text("domain", domain.clone())).evidence(evidence(message, facts, tag));
            cx.emit(draft.at(location(message, facts)));
        }
    }
}
