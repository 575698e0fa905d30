//! `dkim/signature`: `b=` verified with the public key the caller passes in
//! `options.dkimKeys` (the TXT record of `selector._domainkey.domain`, RFC
//! 6376 §3.6.2.1): `rsa-sha256` / `rsa-sha1` (RSASSA-PKCS1-v1_5, RFC 8017)
//! and `ed25519-sha256` (RFC 8463). Without a key for a signature, nothing is
//! said: the engine never queries DNS.

use super::{domain_of, evidence, location};
use crate::dkim::{rsa::KeyProblem, tags::TagProblem, verify, Record, RecordProblem, SignatureFacts, Verification};
use crate::settings::Settings;
use crate::i18n::Msg;
use crate::model::Message;
use crate::report::Severity;
use crate::rules::{scores, Check, Context, Draft, Example, ExampleInput, Group, Rule};
use crate::settings::Evidence;
use crate::title;

crate::rule_texts! { "dkim/signature";
    summary => {
        en: "A DKIM signature does not verify with the public key given.",
        fr: "Une signature DKIM ne se vérifie pas avec la clé publique fournie.",
        es: "Una firma DKIM no se verifica con la clave pública indicada.",
        pl: "Podpis DKIM nie przechodzi weryfikacji podanym kluczem publicznym.",
    },
    why => {
        en: "Receivers verify b= with the key published in DNS (RFC 6376 §6.1.3). When it does not verify — a signed header field changed after signing, or the key in DNS is not the one that signed — the message arrives with dkim=fail.",
        fr: "Les destinataires vérifient b= avec la clé publiée dans le DNS (RFC 6376 §6.1.3). Si elle ne se vérifie pas — un champ d'en-tête signé a changé après la signature, ou la clé du DNS n'est pas celle qui a signé —, le message arrive avec dkim=fail.",
        es: "Los destinatarios verifican b= con la clave publicada en el DNS (RFC 6376 §6.1.3). Si no se verifica —un campo de cabecera firmado cambió tras la firma, o la clave del DNS no es la que firmó—, el mensaje llega con dkim=fail.",
        pl: "Odbiorcy weryfikują b= kluczem opublikowanym w DNS (RFC 6376 §6.1.3). Jeśli weryfikacja się nie uda — podpisane pole nagłówka zmieniło się po podpisaniu albo klucz w DNS nie jest tym, który podpisał — wiadomość dociera z dkim=fail.",
    },
    fix => {
        en: "Publish the public key of the private key the signer uses, under the selector of s=, and do not change signed header fields after signing.",
        fr: "Publiez la clé publique de la clé privée qu'utilise le signataire, sous le sélecteur de s=, et ne modifiez pas les champs signés après la signature.",
        es: "Publique la clave pública de la clave privada que usa el firmante, bajo el selector de s=, y no cambie los campos firmados tras la firma.",
        pl: "Opublikuj klucz publiczny pary, której prywatnego klucza używa podpisujący, pod selektorem z s=, i nie zmieniaj podpisanych pól po podpisaniu.",
    },
    INVALID "invalid" => {
        en: "The signature of {domain} (s={selector}) does not verify with the key given for {name}.",
        fr: "La signature de {domain} (s={selector}) ne se vérifie pas avec la clé fournie pour {name}.",
        es: "La firma de {domain} (s={selector}) no se verifica con la clave indicada para {name}.",
        pl: "Podpis {domain} (s={selector}) nie przechodzi weryfikacji kluczem podanym dla {name}.",
    },
    REVOKED "revoked" => {
        en: "The key record given for {name} has an empty p=: the key is revoked, and the signature of {domain} cannot verify.",
        fr: "L'enregistrement de clé fourni pour {name} a un p= vide : la clé est révoquée, et la signature de {domain} ne peut pas se vérifier.",
        es: "El registro de clave indicado para {name} tiene p= vacío: la clave está revocada y la firma de {domain} no puede verificarse.",
        pl: "Rekord klucza podany dla {name} ma puste p=: klucz jest unieważniony i podpis {domain} nie może przejść weryfikacji.",
    },
    TOO_LONG "too-long" => {
        en: "The key record given for {name} is longer than {max, plural, one {# byte} other {# bytes}}: it is not a DKIM key record (a 4096-bit RSA key takes about 800).",
        fr: "L'enregistrement de clé fourni pour {name} dépasse {max, plural, one {# octet} other {# octets}} : ce n'est pas un enregistrement de clé DKIM (une clé RSA de 4096 bits en occupe environ 800).",
        es: "El registro de clave indicado para {name} supera {max, plural, one {el # byte} other {los # bytes}}: no es un registro de clave DKIM (una clave RSA de 4096 bits ocupa unos 800).",
        pl: "Rekord klucza podany dla {name} jest dłuższy niż {max, plural, one {# bajt} few {# bajty} many {# bajtów} other {# bajta}}: to nie jest rekord klucza DKIM (klucz RSA 4096-bitowy zajmuje około 800).",
    },
    PEM "pem" => {
        en: "The key given for {name} is a PEM file (-----BEGIN …-----), not the DNS TXT record: give the record as published, \"v=DKIM1; k=rsa; p=\" followed by the base64 lines of the PEM joined, without the BEGIN and END lines.",
        fr: "La clé fournie pour {name} est un fichier PEM (-----BEGIN …-----), pas l'enregistrement TXT du DNS : donnez l'enregistrement tel qu'il est publié, « v=DKIM1; k=rsa; p= » suivi des lignes base64 du PEM mises bout à bout, sans les lignes BEGIN et END.",
        es: "La clave indicada para {name} es un archivo PEM (-----BEGIN …-----), no el registro TXT del DNS: indique el registro tal como se publica, «v=DKIM1; k=rsa; p=» seguido de las líneas base64 del PEM unidas, sin las líneas BEGIN y END.",
        pl: "Klucz podany dla {name} to plik PEM (-----BEGIN …-----), a nie rekord TXT z DNS: podaj rekord w opublikowanej postaci, „v=DKIM1; k=rsa; p=” i dalej połączone wiersze base64 z pliku PEM, bez wierszy BEGIN i END.",
    },
    TAG_LIST "tag-list" => {
        en: "The key record given for {name} is not a list of tag=value pairs separated by semicolons: \"{text}\" is not one (RFC 6376 §3.2).",
        fr: "L'enregistrement de clé fourni pour {name} n'est pas une liste de paires tag=valeur séparées par des points-virgules : « {text} » n'en est pas une (RFC 6376 §3.2).",
        es: "El registro de clave indicado para {name} no es una lista de pares etiqueta=valor separados por punto y coma: «{text}» no lo es (RFC 6376 §3.2).",
        pl: "Rekord klucza podany dla {name} nie jest listą par znacznik=wartość rozdzielonych średnikami: „{text}” nie jest taką parą (RFC 6376 §3.2).",
    },
    DUPLICATE_TAG "duplicate-tag" => {
        en: "The key record given for {name} gives {tag}= twice: RFC 6376 §3.2 makes the whole record invalid.",
        fr: "L'enregistrement de clé fourni pour {name} donne {tag}= deux fois : la RFC 6376 §3.2 rend alors tout l'enregistrement invalide.",
        es: "El registro de clave indicado para {name} da {tag}= dos veces: el RFC 6376 §3.2 invalida entonces todo el registro.",
        pl: "Rekord klucza podany dla {name} podaje {tag}= dwukrotnie: według RFC 6376 §3.2 cały rekord jest wtedy nieważny.",
    },
    VERSION "version" => {
        en: "The key record given for {name} has v={version}: v=, when present, must be DKIM1 and the first tag (RFC 6376 §3.6.1).",
        fr: "L'enregistrement de clé fourni pour {name} a v={version} : v=, s'il est présent, doit valoir DKIM1 et venir en premier (RFC 6376 §3.6.1).",
        es: "El registro de clave indicado para {name} tiene v={version}: v=, si está presente, debe ser DKIM1 y la primera etiqueta (RFC 6376 §3.6.1).",
        pl: "Rekord klucza podany dla {name} ma v={version}: v=, jeśli występuje, musi mieć wartość DKIM1 i być pierwszym znacznikiem (RFC 6376 §3.6.1).",
    },
    NO_KEY "no-key" => {
        en: "The key record given for {name} has no p= tag, the tag that holds the public key (RFC 6376 §3.6.1).",
        fr: "L'enregistrement de clé fourni pour {name} n'a pas de tag p=, celui qui contient la clé publique (RFC 6376 §3.6.1).",
        es: "El registro de clave indicado para {name} no tiene etiqueta p=, la que contiene la clave pública (RFC 6376 §3.6.1).",
        pl: "Rekord klucza podany dla {name} nie ma znacznika p=, który zawiera klucz publiczny (RFC 6376 §3.6.1).",
    },
    UNKNOWN_TYPE "unknown-type" => {
        en: "The key record given for {name} has k={type}, a key type verifiers do not know: DKIM keys are k=rsa or k=ed25519.",
        fr: "L'enregistrement de clé fourni pour {name} a k={type}, un type de clé que les vérificateurs ne connaissent pas : les clés DKIM sont k=rsa ou k=ed25519.",
        es: "El registro de clave indicado para {name} tiene k={type}, un tipo de clave que los verificadores no conocen: las claves DKIM son k=rsa o k=ed25519.",
        pl: "Rekord klucza podany dla {name} ma k={type}, typ klucza nieznany weryfikatorom: klucze DKIM to k=rsa albo k=ed25519.",
    },
    KEY_MISMATCH "key-mismatch" => {
        en: "The key record given for {name} says k={declared} (no k= means rsa), but p= holds a key of type {found}: write k={found}.",
        fr: "L'enregistrement de clé fourni pour {name} indique k={declared} (sans k=, c'est rsa), mais p= contient une clé de type {found} : écrivez k={found}.",
        es: "El registro de clave indicado para {name} indica k={declared} (sin k=, es rsa), pero p= contiene una clave de tipo {found}: escriba k={found}.",
        pl: "Rekord klucza podany dla {name} ma k={declared} (brak k= oznacza rsa), ale p= zawiera klucz typu {found}: wpisz k={found}.",
    },
    BAD_KEY "bad-key" => {
        en: "The p= of the key record given for {name} is not a base64 {type} public key.",
        fr: "Le p= de l'enregistrement de clé fourni pour {name} n'est pas une clé publique {type} en base64.",
        es: "El p= del registro de clave indicado para {name} no es una clave pública {type} en base64.",
        pl: "p= w rekordzie klucza podanym dla {name} nie jest kluczem publicznym {type} w base64.",
    },
    UNSUPPORTED_KEY "unsupported-key" => {
        en: "The RSA key given for {name} cannot be used: its modulus has more than {max, plural, one {# bit} other {# bits}}, or its exponent is not an odd number from 3 to 64 bits long.",
        fr: "La clé RSA fournie pour {name} est inutilisable : son module dépasse {max, plural, one {# bit} other {# bits}}, ou son exposant n'est pas un nombre impair de 3 à 64 bits.",
        es: "La clave RSA indicada para {name} no se puede usar: su módulo supera {max, plural, one {el # bit} other {los # bits}}, o su exponente no es un número impar de entre 3 y 64 bits.",
        pl: "Klucza RSA podanego dla {name} nie da się użyć: jego moduł ma więcej niż {max, plural, one {# bit} few {# bity} many {# bitów} other {# bita}} albo wykładnik nie jest liczbą nieparzystą od 3 do 64 bitów.",
    },
    HASH_NOT_ALLOWED "hash-not-allowed" => {
        en: "The key record given for {name} allows only h={hashes}, and the signature of {domain} uses {algorithm}: verifiers ignore the signature (RFC 6376 §3.6.1, §6.1.2).",
        fr: "L'enregistrement de clé fourni pour {name} n'autorise que h={hashes}, et la signature de {domain} utilise {algorithm} : les vérificateurs ignorent la signature (RFC 6376 §3.6.1, §6.1.2).",
        es: "El registro de clave indicado para {name} solo admite h={hashes}, y la firma de {domain} usa {algorithm}: los verificadores ignoran la firma (RFC 6376 §3.6.1, §6.1.2).",
        pl: "Rekord klucza podany dla {name} dopuszcza tylko h={hashes}, a podpis {domain} używa {algorithm}: weryfikatory ignorują ten podpis (RFC 6376 §3.6.1, §6.1.2).",
    },
    STRICT_SUBDOMAIN "strict-subdomain" => {
        en: "The key record given for {name} has t=s, so the domain of i= must be exactly {domain}, but the signature has i={identity}: verifiers ignore the signature (RFC 6376 §3.6.1).",
        fr: "L'enregistrement de clé fourni pour {name} a t=s : le domaine de i= doit alors être exactement {domain}, mais la signature a i={identity} ; les vérificateurs ignorent la signature (RFC 6376 §3.6.1).",
        es: "El registro de clave indicado para {name} tiene t=s: el dominio de i= debe ser exactamente {domain}, pero la firma tiene i={identity}; los verificadores ignoran la firma (RFC 6376 §3.6.1).",
        pl: "Rekord klucza podany dla {name} ma t=s, więc domena w i= musi być dokładnie {domain}, a podpis ma i={identity}: weryfikatory ignorują ten podpis (RFC 6376 §3.6.1).",
    },
    SERVICE "service" => {
        en: "The key record given for {name} has s={services}, which does not include email (or *): verifiers of mail ignore the record, so the signature of {domain} cannot verify (RFC 6376 §3.6.1).",
        fr: "L'enregistrement de clé fourni pour {name} a s={services}, qui ne comprend pas email (ni *) : les vérificateurs de courrier ignorent l'enregistrement, et la signature de {domain} ne peut pas se vérifier (RFC 6376 §3.6.1).",
        es: "El registro de clave indicado para {name} tiene s={services}, que no incluye email (ni *): los verificadores de correo ignoran el registro, y la firma de {domain} no puede verificarse (RFC 6376 §3.6.1).",
        pl: "Rekord klucza podany dla {name} ma s={services}, bez email (ani *): weryfikatory poczty ignorują ten rekord, więc podpis {domain} nie może przejść weryfikacji (RFC 6376 §3.6.1).",
    },
    SHORT_KEY "short-key" => {
        en: "The key given for {name} has {bits, plural, one {# bit} other {# bits}}; verifiers must not accept RSA keys under 1024 bits (RFC 8301), and Gmail requires 1024 or more.",
        fr: "La clé fournie pour {name} a {bits, plural, one {# bit} many {# de bits} other {# bits}} ; les vérificateurs ne doivent pas accepter de clés RSA de moins de 1024 bits (RFC 8301), et Gmail exige 1024 ou plus.",
        es: "La clave indicada para {name} tiene {bits, plural, one {# bit} many {# de bits} other {# bits}}; los verificadores no deben aceptar claves RSA de menos de 1024 bits (RFC 8301), y Gmail exige 1024 o más.",
        pl: "Klucz podany dla {name} ma {bits, plural, one {# bit} few {# bity} many {# bitów} other {# bita}}; weryfikatory nie mogą akceptować kluczy RSA krótszych niż 1024 bity (RFC 8301), a Gmail wymaga co najmniej 1024.",
    },
    KEY_TYPE "key-type" => {
        en: "The signature of {domain} uses {algorithm}, but the key given for {name} is of another type.",
        fr: "La signature de {domain} utilise {algorithm}, mais la clé fournie pour {name} est d'un autre type.",
        es: "La firma de {domain} usa {algorithm}, pero la clave indicada para {name} es de otro tipo.",
        pl: "Podpis {domain} używa {algorithm}, ale klucz podany dla {name} jest innego typu.",
    },
}

pub const RULE: Rule = Rule {
    id: ID,
    group: Group::Dkim,
    severity: Severity::Warning,
    evidence: &[
        Evidence::Rfc("RFC 6376 §6.1.3: a signature that does not verify is ignored (PERMFAIL); RFC 8301 §3.2: RSA keys under 1024 bits MUST NOT be accepted"),
        Evidence::Rfc("RFC 6376 §3.6.1: a key record's h= lists the hash algorithms it may be used with, t=s forbids a subdomain in i=, s= must include email or *; §6.1.2: a signature whose key record does not allow it is ignored (PERMFAIL)"),
        Evidence::Receiver("Gmail Email sender guidelines: \"Sending to personal Gmail accounts requires a DKIM key of 1024 bits or longer\""),
    ],
    score: scores::NONE,
    texts: &TEXTS,
    thresholds: &[],
    examples: &[
        Example::fails(
            title! {
                en: "RFC 8463's message with its Subject changed after signing, keys given",
                fr: "Le message de la RFC 8463 dont le Subject a changé après la signature, clés fournies",
                es: "El mensaje del RFC 8463 con el Subject cambiado tras la firma, claves indicadas",
                pl: "Wiadomość z RFC 8463 ze zmienionym po podpisaniu Subject, klucze podane",
            },
            ExampleInput::Generated(changed_subject),
        )
        .with_options(KEYS)
        .times(2),
        Example::fails(
            title! {
                en: "A revoked key (empty p=)",
                fr: "Une clé révoquée (p= vide)",
                es: "Una clave revocada (p= vacío)",
                pl: "Unieważniony klucz (puste p=)",
            },
            ExampleInput::Raw(super::RFC8463_MESSAGE),
        )
        .with_options(r#"{"dkimKeys": {"test._domainkey.football.example.com": "v=DKIM1; k=rsa; p="}}"#),
        Example::passes(
            title! {
                en: "RFC 8463's message verifies with both published keys",
                fr: "Le message de la RFC 8463 se vérifie avec les deux clés publiées",
                es: "El mensaje del RFC 8463 se verifica con las dos claves publicadas",
                pl: "Wiadomość z RFC 8463 przechodzi weryfikację obydwoma opublikowanymi kluczami",
            },
            ExampleInput::Raw(super::RFC8463_MESSAGE),
        )
        .with_options(KEYS),
        Example::passes(
            title! {
                en: "No key given: nothing is claimed",
                fr: "Aucune clé fournie : rien n'est affirmé",
                es: "Sin clave indicada: no se afirma nada",
                pl: "Brak klucza: nic nie jest stwierdzane",
            },
            ExampleInput::Generated(changed_subject),
        ),
    ],
    check: Check::Dkim(check),
};

/// The public keys of RFC 8463 §A.2.
pub(crate) const KEYS: &str = r#"{"dkimKeys": {"brisbane._domainkey.football.example.com": "v=DKIM1; k=ed25519; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=", "test._domainkey.football.example.com": "v=DKIM1; k=rsa; p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDkHlOQoBTzWRiGs5V6NpP3idY6Wk08a5qhdR6wy5bdOKb2jLQiY/J16JYi0Qvx/byYzCNb3W91y3FutACDfzwQ/BC/e/8uBsCR+yz1Lxj+PL6lHvqMKrM3rG4hstT5QjvHO9PzoxZyVYLzBfO2EeC3Ip3G+2kryOTIKT+l/K4w3QIDAQAB"}}"#;

fn changed_subject() -> Vec<u8> {
    super::RFC8463_MESSAGE.replace("Subject: Is dinner ready?", "Subject: Is dinner ready!").into_bytes()
}

/// What the key given for a signature says of it (`key_outcome`).
pub(crate) enum Outcome<'a> {
    /// The record gives no usable key.
    Record(&'a RecordProblem),
    /// `s=` does not include email (§3.6.1).
    Service(&'a Record),
    /// `h=` does not allow the signature's hash (§3.6.1, §6.1.2).
    Hash(&'a Record),
    /// `t=s` and an `i=` on a subdomain of `d=` (§3.6.1).
    Strict,
    Verified(Verification),
}

/// The key record name of a signature and what its key given says of it
/// (`None`: no key given for it, or no `d=`/`s=`).
pub(crate) fn key_outcome<'a>(facts: &SignatureFacts, settings: &'a Settings) -> Option<(String, Outcome<'a>)> {
    let (Some(domain), Some(selector)) = (&facts.signature.domain, &facts.signature.selector) else { return None };
    let name = format!("{}._domainkey.{domain}", selector.to_ascii_lowercase());
    let (_, record) = settings.dkim_keys.iter().find(|(n, _)| *n == name)?;
    let outcome = match record {
        Err(problem) => Outcome::Record(problem),
        Ok(record) => {
            let hash = facts.signature.algorithm.map(|a| a.name().rsplit('-').next().unwrap_or_default());
            let subdomain = facts.signature.identity.as_deref().and_then(|i| i.rsplit_once('@')).map(|(_, d)| d);
            if !record.serves_email() {
                Outcome::Service(record)
            } else if hash.is_some_and(|h| !record.allows_hash(h)) {
                Outcome::Hash(record)
            } else if record.strict && subdomain.is_some_and(|d| !d.eq_ignore_ascii_case(domain)) {
                Outcome::Strict
            } else {
                Outcome::Verified(verify(facts, &record.key))
            }
        }
    };
    Some((name, outcome))
}

/// Whether the key given for the signature shows that it does not verify
/// (`sender/*` then does not count it as the From domain's signature).
pub(crate) fn fails_with_given_key(facts: &SignatureFacts, settings: &Settings) -> bool {
    key_outcome(facts, settings)
        .is_some_and(|(_, o)| !matches!(o, Outcome::Verified(Verification::Valid | Verification::NotVerifiable)))
}

fn check(message: &Message, cx: &mut Context) {
    if cx.settings.dkim_keys.is_empty() {
        return;
    }
    for facts in &message.identity.dkim {
        let Some((name, outcome)) = key_outcome(facts, cx.settings) else { continue };
        let base = |entry| Msg::of(entry).text("domain", domain_of(facts)).text("name", name.clone());
        let algorithm = facts.signature.algorithm.map_or("?", |a| a.name());
        // A key's problem quotes the selector that names the key; a bad signature its b=.
        let mut tag = "s";
        let msg = match outcome {
            Outcome::Record(problem) => record_problem(problem, base),
            Outcome::Service(record) => base(&SERVICE).text("services", record.services.join(":")),
            Outcome::Hash(record) => {
                tag = "a";
                base(&HASH_NOT_ALLOWED).text("hashes", record.hashes.join(":")).text("algorithm", algorithm)
            }
            Outcome::Strict => {
                tag = "i";
                base(&STRICT_SUBDOMAIN).text("identity", facts.signature.identity.clone().unwrap_or_default())
            }
            Outcome::Verified(Verification::Valid | Verification::NotVerifiable) => continue,
            Outcome::Verified(Verification::Invalid) => {
                tag = "b";
                base(&INVALID).text("selector", facts.signature.selector.clone().unwrap_or_default())
            }
            Outcome::Verified(Verification::KeyTypeMismatch) => base(&KEY_TYPE).text("algorithm", algorithm),
            Outcome::Verified(Verification::UnusableKey(KeyProblem::TooShort(bits))) => {
                base(&SHORT_KEY).int("bits", bits)
            }
            Outcome::Verified(Verification::UnusableKey(KeyProblem::Unsupported(_))) => {
                base(&UNSUPPORTED_KEY).int("max", crate::dkim::rsa::MAX_MODULUS_BITS)
            }
        };
        cx.emit(Draft::new(msg).evidence(evidence(message, facts, Some(tag))).at(location(message, facts)));
    }
}

/// The sentence for a key record that gives no usable key, one per cause.
fn record_problem(problem: &RecordProblem, base: impl Fn(&'static crate::i18n::Entry) -> Msg) -> Msg {
    match problem {
        RecordProblem::Revoked => base(&REVOKED),
        RecordProblem::TooLong => base(&TOO_LONG).int("max", crate::dkim::key::MAX_RECORD_BYTES),
        RecordProblem::Pem => base(&PEM),
        RecordProblem::Tags(TagProblem::Duplicate(tag)) => base(&DUPLICATE_TAG).text("tag", tag.clone()),
        RecordProblem::Tags(
            TagProblem::NoEquals(text) | TagProblem::BadName(text) | TagProblem::BadValue(text),
        ) => base(&TAG_LIST).text("text", crate::hygiene::visible(text, QUOTED_CHARS)),
        RecordProblem::Version(version) => base(&VERSION).text("version", crate::hygiene::visible(version, QUOTED_CHARS)),
        RecordProblem::NoKey => base(&NO_KEY),
        RecordProblem::KeyType(kind) => base(&UNKNOWN_TYPE).text("type", crate::hygiene::visible(kind, QUOTED_CHARS)),
        RecordProblem::KeyMismatch { declared, found } => {
            base(&KEY_MISMATCH).text("declared", *declared).text("found", *found)
        }
        RecordProblem::BadKey(kind) => base(&BAD_KEY).text("type", if *kind == "rsa" { "RSA" } else { "Ed25519" }),
    }
}

/// Most characters of a key record quoted back in a finding (ours: enough to
/// recognise the part, never a whole pasted key).
const QUOTED_CHARS: usize = 40;
