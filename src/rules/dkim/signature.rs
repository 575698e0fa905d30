//! `dkim/signature`: `b=` verified with the public key the caller passes in
//! `options.dkimKeys` (the TXT record of `selector._domainkey.domain`, RFC
//! 6376 §3.6.2.1): `rsa-sha256` / `rsa-sha1` (RSASSA-PKCS1-v1_5, RFC 8017)
//! and `ed25519-sha256` (RFC 8463). Without a key for a signature, nothing is
//! said: the engine never queries DNS.

use super::{domain_of, evidence, location};
use crate::dkim::{rsa::KeyProblem, verify, RecordProblem, Verification};
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
    UNREADABLE "unreadable" => {
        en: "The key record given for {name} cannot be read as a DKIM key ({problem}).",
        fr: "L'enregistrement de clé fourni pour {name} ne se lit pas comme une clé DKIM ({problem}).",
        es: "El registro de clave indicado para {name} no se puede leer como clave DKIM ({problem}).",
        pl: "Rekordu klucza podanego dla {name} nie da się odczytać jako klucza DKIM ({problem}).",
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
                es: "El mensaje de la RFC 8463 con el Subject cambiado tras la firma, claves indicadas",
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
                es: "El mensaje de la RFC 8463 se verifica con las dos claves publicadas",
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
    check: Check::Message(check),
};

/// The public keys of RFC 8463 §A.2.
const KEYS: &str = r#"{"dkimKeys": {"brisbane._domainkey.football.example.com": "v=DKIM1; k=ed25519; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=", "test._domainkey.football.example.com": "v=DKIM1; k=rsa; p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDkHlOQoBTzWRiGs5V6NpP3idY6Wk08a5qhdR6wy5bdOKb2jLQiY/J16JYi0Qvx/byYzCNb3W91y3FutACDfzwQ/BC/e/8uBsCR+yz1Lxj+PL6lHvqMKrM3rG4hstT5QjvHO9PzoxZyVYLzBfO2EeC3Ip3G+2kryOTIKT+l/K4w3QIDAQAB"}}"#;

fn changed_subject() -> Vec<u8> {
    super::RFC8463_MESSAGE.replace("Subject: Is dinner ready?", "Subject: Is dinner ready!").into_bytes()
}

fn check(message: &Message, cx: &mut Context) {
    if cx.settings.dkim_keys.is_empty() {
        return;
    }
    for facts in &message.identity.dkim {
        let (Some(domain), Some(selector)) = (&facts.signature.domain, &facts.signature.selector) else { continue };
        let name = format!("{}._domainkey.{domain}", selector.to_ascii_lowercase());
        let Some((_, record)) = cx.settings.dkim_keys.iter().find(|(n, _)| *n == name) else { continue };
        let base = |entry| Msg::of(entry).text("domain", domain_of(facts)).text("name", name.clone());
        // A key's problem quotes the selector that names the key; a bad signature its b=.
        let mut tag = "s";
        let msg = match record {
            Err(RecordProblem::Revoked) => base(&REVOKED),
            Err(problem) => base(&UNREADABLE).text("problem", format!("{problem:?}")),
            Ok(record) => match verify(facts, &record.key) {
                Verification::Valid | Verification::NotVerifiable => continue,
                Verification::Invalid => {
                    tag = "b";
                    base(&INVALID).text("selector", selector.clone())
                }
                Verification::KeyTypeMismatch => {
                    base(&KEY_TYPE).text("algorithm", facts.signature.algorithm.map_or("?", |a| a.name()))
                }
                Verification::UnusableKey(KeyProblem::TooShort(bits)) => base(&SHORT_KEY).int("bits", bits),
                Verification::UnusableKey(KeyProblem::Unsupported(bits)) => {
                    base(&UNREADABLE).text("problem", format!("unsupported RSA key of {bits} bits"))
                }
            },
        };
        cx.emit(Draft::new(msg).evidence(evidence(message, facts, Some(tag))).at(location(message, facts)));
    }
}
