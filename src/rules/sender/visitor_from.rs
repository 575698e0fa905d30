//! `sender/visitor-from`: the visitor's address in From — the classic
//! contact-form mistake. Receivers check the From domain with DMARC (RFC 7489
//! §6.6): mail claiming a mailbox provider's domain that leaves from a web host
//! fails it, and providers that publish `p=reject` or `p=quarantine` have it
//! refused or filed as spam.

use super::{field_location, leaves_from_site, visitor_provider, MAILBOX_PROVIDERS};
use crate::i18n::Msg;
use crate::model::Message;
use crate::report::Severity;
use crate::rules::{scores, Check, Context, Draft, Example, ExampleInput, Group, Rule};
use crate::settings::Evidence;
use crate::title;

crate::rule_texts! { "sender/visitor-from";
    summary => {
        en: "The From address is at a mailbox provider (Gmail, Yahoo, iCloud…): the visitor's address, not the site's.",
        fr: "L'adresse From est chez un fournisseur de messagerie (Gmail, Yahoo, iCloud…) : c'est l'adresse du visiteur, pas celle du site.",
        es: "La dirección From es de un proveedor de correo (Gmail, Yahoo, iCloud…): es la dirección del visitante, no la del sitio.",
        pl: "Adres From należy do dostawcy poczty (Gmail, Yahoo, iCloud…): to adres odwiedzającego, a nie witryny.",
    },
    why => {
        en: "Receivers check the From domain with DMARC (RFC 7489). A message that claims gmail.com, yahoo.com or icloud.com but leaves from your web host is neither signed by that provider nor sent from its servers, so it fails DMARC. Providers that publish a reject or quarantine policy have such mail refused or put in spam: the contact form's message silently disappears.",
        fr: "Les destinataires vérifient le domaine du From avec DMARC (RFC 7489). Un message qui se réclame de gmail.com, yahoo.com ou icloud.com mais part de votre hébergement n'est ni signé par ce fournisseur ni envoyé par ses serveurs : il échoue à DMARC. Les fournisseurs qui publient une politique reject ou quarantine font refuser ces messages ou les font classer en spam : le message du formulaire de contact disparaît sans bruit.",
        es: "Los destinatarios comprueban el dominio del From con DMARC (RFC 7489). Un mensaje que dice venir de gmail.com, yahoo.com o icloud.com pero sale de su alojamiento no está firmado por ese proveedor ni enviado desde sus servidores: falla DMARC. Los proveedores que publican una política reject o quarantine hacen que se rechace o vaya a spam: el mensaje del formulario de contacto desaparece sin aviso.",
        pl: "Odbiorcy sprawdzają domenę From za pomocą DMARC (RFC 7489). Wiadomość, która podaje się za gmail.com, yahoo.com lub icloud.com, ale wychodzi z Twojego hostingu, nie jest podpisana przez tego dostawcę ani wysłana z jego serwerów, więc nie przechodzi DMARC. Dostawcy publikujący politykę reject lub quarantine sprawiają, że taka poczta jest odrzucana lub trafia do spamu: wiadomość z formularza kontaktowego po cichu znika.",
    },
    fix => {
        en: "Put an address of your own domain in From (for example contact@your-domain) and the visitor's address in Reply-To: pressing Reply still answers the visitor.",
        fr: "Mettez une adresse de votre propre domaine dans From (par exemple contact@votre-domaine) et l'adresse du visiteur dans Reply-To : le bouton Répondre écrit toujours au visiteur.",
        es: "Ponga una dirección de su propio dominio en From (por ejemplo contacto@su-dominio) y la del visitante en Reply-To: el botón Responder sigue escribiendo al visitante.",
        pl: "Wpisz w From adres z własnej domeny (na przykład kontakt@twoja-domena), a adres odwiedzającego w Reply-To: przycisk Odpowiedz nadal odpisze odwiedzającemu.",
    },
    BLOCKED "blocked" => {
        en: "From is {address}, at {provider}, whose DMARC policy is {policy}: sent from your site, this message fails DMARC and is refused or put in spam.",
        fr: "From est {address}, chez {provider}, dont la politique DMARC est {policy} : envoyé depuis votre site, ce message échoue à DMARC et il est refusé ou classé en spam.",
        es: "From es {address}, de {provider}, cuya política DMARC es {policy}: enviado desde su sitio, este mensaje falla DMARC y se rechaza o va a spam.",
        pl: "From to {address}, u dostawcy {provider}, którego polityka DMARC to {policy}: wysłana z Twojej witryny wiadomość nie przechodzi DMARC i zostaje odrzucona lub trafia do spamu.",
    },
    BLOCKED_STATED "blocked-stated" => {
        en: "From is {address}, at {provider}, for which the provider states a DMARC {policy} enforcement: sent from your site, this message fails DMARC and is refused or put in spam.",
        fr: "From est {address}, chez {provider}, pour lequel le fournisseur annonce une application DMARC {policy} : envoyé depuis votre site, ce message échoue à DMARC et il est refusé ou classé en spam.",
        es: "From es {address}, de {provider}, para el que el proveedor declara una aplicación DMARC {policy}: enviado desde su sitio, este mensaje falla DMARC y se rechaza o va a spam.",
        pl: "From to {address}, u dostawcy {provider}, który deklaruje dla swojej domeny egzekwowanie DMARC {policy}: wysłana z Twojej witryny wiadomość nie przechodzi DMARC i zostaje odrzucona lub trafia do spamu.",
    },
    RISKY "risky" => {
        en: "From is {address}, at the mailbox provider {provider} (DMARC policy: {policy}): sent from your site, this message fails DMARC authentication and is likely to be treated as suspicious.",
        fr: "From est {address}, chez le fournisseur de messagerie {provider} (politique DMARC : {policy}) : envoyé depuis votre site, ce message échoue à l'authentification DMARC et risque d'être traité comme suspect.",
        es: "From es {address}, del proveedor de correo {provider} (política DMARC: {policy}): enviado desde su sitio, este mensaje falla la autenticación DMARC y probablemente se trate como sospechoso.",
        pl: "From to {address}, u dostawcy poczty {provider} (polityka DMARC: {policy}): wysłana z Twojej witryny wiadomość nie przechodzi uwierzytelnienia DMARC i prawdopodobnie zostanie uznana za podejrzaną.",
    },
    UNKNOWN_PATH "unknown-path" => {
        en: "From is {address}, at {provider}: if this message is sent from your site rather than through {provider}'s own servers, it fails DMARC (policy: {policy}).",
        fr: "From est {address}, chez {provider} : si ce message part de votre site et non des serveurs de {provider}, il échoue à DMARC (politique : {policy}).",
        es: "From es {address}, de {provider}: si este mensaje sale de su sitio y no de los servidores de {provider}, falla DMARC (política: {policy}).",
        pl: "From to {address}, u dostawcy {provider}: jeśli ta wiadomość wychodzi z Twojej witryny, a nie z serwerów {provider}, nie przejdzie DMARC (polityka: {policy}).",
    },
    RISKY_UNVERIFIED "risky-unverified" => {
        en: "From is {address}, at the mailbox provider {provider} (its DMARC policy is listed as {policy}, not verified): sent from your site, this message fails DMARC authentication and is likely to be treated as suspicious.",
        fr: "From est {address}, chez le fournisseur de messagerie {provider} (sa politique DMARC est indiquée comme {policy}, sans vérification) : envoyé depuis votre site, ce message échoue à l'authentification DMARC et risque d'être traité comme suspect.",
        es: "From es {address}, del proveedor de correo {provider} (su política DMARC figura como {policy}, sin verificar): enviado desde su sitio, este mensaje falla la autenticación DMARC y probablemente se trate como sospechoso.",
        pl: "From to {address}, u dostawcy poczty {provider} (jego polityka DMARC jest podana jako {policy}, niezweryfikowana): wysłana z Twojej witryny wiadomość nie przechodzi uwierzytelnienia DMARC i prawdopodobnie zostanie uznana za podejrzaną.",
    },
    UNKNOWN_PATH_UNVERIFIED "unknown-path-unverified" => {
        en: "From is {address}, at {provider}: if this message is sent from your site rather than through {provider}'s own servers, it fails DMARC (policy listed as {policy}, not verified).",
        fr: "From est {address}, chez {provider} : si ce message part de votre site et non des serveurs de {provider}, il échoue à DMARC (politique indiquée comme {policy}, sans vérification).",
        es: "From es {address}, de {provider}: si este mensaje sale de su sitio y no de los servidores de {provider}, falla DMARC (política indicada como {policy}, sin verificar).",
        pl: "From to {address}, u dostawcy {provider}: jeśli ta wiadomość wychodzi z Twojej witryny, a nie z serwerów {provider}, nie przejdzie DMARC (polityka podana jako {policy}, niezweryfikowana).",
    },
}

pub const RULE: Rule = Rule {
    id: ID,
    group: Group::Sender,
    severity: Severity::Error,
    evidence: &[
        Evidence::Rfc("RFC 7489 §6.6.2: a receiver applies the From domain's policy to mail that fails DMARC; §6.3: p=reject asks it to refuse the mail, p=quarantine to treat it as suspicious"),
        Evidence::Receiver("Yahoo Sender FAQ: \"If a domain is protected by DMARC with p=reject, any message without a proper DKIM signature or SPF alignment will be rejected by Yahoo's mail servers\"; Yahoo, Apple (iCloud) and Google (Gmail) state reject or quarantine for their own domains; AOL's p=reject is reported by spamresource.com (sources in mailbox_providers.txt)"),
        Evidence::Ours("error only for a provider whose reject/quarantine stance is confirmed by a cited page and when the mail is known to leave from the site; a provider with p=none or an unconfirmed policy is a warning; a raw message whose sending path is unknown is information"),
    ],
    score: scores::NONE,
    texts: &TEXTS,
    thresholds: &[&MAILBOX_PROVIDERS],
    examples: &[
        Example::fails(
            title! {
                en: "A contact form passes the visitor's Yahoo address to PHP mail() as From",
                fr: "Un formulaire de contact passe l'adresse Yahoo du visiteur comme From à mail() de PHP",
                es: "Un formulario de contacto pasa la dirección Yahoo del visitante como From a mail() de PHP",
                pl: "Formularz kontaktowy przekazuje adres Yahoo odwiedzającego jako From do mail() w PHP",
            },
            ExampleInput::PhpMail {
                to: "owner@my-site.example",
                subject: "Message from the contact form",
                message: "Hello, I would like a quote.",
                headers: "From: Jane <jane.visitor@yahoo.com>",
            },
        ),
        Example::fails(
            title! {
                en: "Compose fields with the visitor's iCloud address as From",
                fr: "Des champs de composition avec l'adresse iCloud du visiteur comme From",
                es: "Campos de redacción con la dirección iCloud del visitante como From",
                pl: "Pola wiadomości z adresem iCloud odwiedzającego jako From",
            },
            ExampleInput::Compose(r#"{"from": "visitor@icloud.com", "to": "owner@my-site.example", "subject": "Contact form", "text": "Hello"}"#),
        ),
        Example::fails(
            title! {
                en: "A Hotmail address (DMARC p=none) in a message the site sends",
                fr: "Une adresse Hotmail (DMARC p=none) dans un message envoyé par le site",
                es: "Una dirección Hotmail (DMARC p=none) en un mensaje que envía el sitio",
                pl: "Adres Hotmail (DMARC p=none) w wiadomości wysyłanej przez witrynę",
            },
            ExampleInput::Raw("From: sam@hotmail.com\nTo: owner@my-site.example\nSubject: Contact\n\nHello\n"),
        )
        .with_options(r#"{"senderDomains": ["my-site.example"]}"#)
        .at(Severity::Warning),
        Example::fails(
            title! {
                en: "A raw message from a Yahoo address, sending path unknown",
                fr: "Un message brut d'une adresse Yahoo, chemin d'envoi inconnu",
                es: "Un mensaje en bruto de una dirección Yahoo, ruta de envío desconocida",
                pl: "Surowa wiadomość z adresu Yahoo, nieznana droga wysyłki",
            },
            ExampleInput::Raw("From: jane@yahoo.com\nTo: owner@my-site.example\nSubject: Contact\n\nHello\n"),
        )
        .at(Severity::Info),
        Example::passes(
            title! {
                en: "The site's address in From, the visitor's in Reply-To",
                fr: "L'adresse du site dans From, celle du visiteur dans Reply-To",
                es: "La dirección del sitio en From, la del visitante en Reply-To",
                pl: "Adres witryny w From, adres odwiedzającego w Reply-To",
            },
            ExampleInput::PhpMail {
                to: "owner@my-site.example",
                subject: "Message from the contact form",
                message: "Hello, I would like a quote.",
                headers: "From: contact@my-site.example\r\nReply-To: jane.visitor@yahoo.com",
            },
        ),
        Example::passes(
            title! {
                en: "The script sends through the Gmail account it names as From",
                fr: "Le script envoie par le compte Gmail qu'il met en From",
                es: "El script envía por la cuenta de Gmail que pone en From",
                pl: "Skrypt wysyła przez konto Gmail, które podaje w From",
            },
            ExampleInput::Compose(r#"{"from": "club.secretary@gmail.com", "to": "member@example.org", "subject": "Meeting", "text": "Hello"}"#),
        )
        .with_options(r#"{"smtp": {"transport": "smtp", "host": "smtp.gmail.com", "port": 465, "security": "ssl", "from": "club.secretary@gmail.com"}}"#),
        Example::passes(
            title! {
                en: "A raw message signed by the provider itself (DKIM d=yahoo.com, body intact)",
                fr: "Un message brut signé par le fournisseur lui-même (DKIM d=yahoo.com, corps intact)",
                es: "Un mensaje en bruto firmado por el propio proveedor (DKIM d=yahoo.com, cuerpo intacto)",
                pl: "Surowa wiadomość podpisana przez samego dostawcę (DKIM d=yahoo.com, treść nienaruszona)",
            },
            ExampleInput::Raw("DKIM-Signature: v=1; a=rsa-sha256; c=simple/simple; d=yahoo.com; s=s2048;\n h=from:to:subject; bh=Ba3gj8+xBPQLJTahTfzW6RbWQ/XPgESxkCi2B66PSQg=; b=AAAA\nFrom: jane@yahoo.com\nTo: owner@my-site.example\nSubject: Contact\n\nHello\n"),
        ),
    ],
    check: Check::Message(check),
};

fn check(message: &Message, cx: &mut Context) {
    let Some(from) = message.identity.from.first() else { return };
    // Not when the caller says the site really sends as this domain (its SMTP
    // account, its domains), nor when the provider signed it, body intact: the
    // provider sent it and DMARC aligns.
    let Some(provider) = visitor_provider(message, cx.settings) else { return };
    let params = |entry| {
        Msg::of(entry)
            .text("address", from.address.clone())
            .text("provider", provider.domain.clone())
            .text("policy", provider.policy.clone())
    };
    // A policy mailbox_providers.txt marks unverified is named as such, never as a fact.
    let verified = provider.verified || provider.policy == "unknown";
    let draft = if !leaves_from_site(message, cx.settings) {
        Draft::new(params(if verified { &UNKNOWN_PATH } else { &UNKNOWN_PATH_UNVERIFIED })).severity(Severity::Info)
    } else if provider.blocks() {
        // A stance the provider states, its published record weaker, is said as stated.
        Draft::new(params(if provider.stated { &BLOCKED_STATED } else { &BLOCKED }))
    } else {
        Draft::new(params(if verified { &RISKY } else { &RISKY_UNVERIFIED })).severity(Severity::Warning)
    };
    cx.emit(draft.evidence(from.address.as_str()).at(field_location(message, from.field)));
}
