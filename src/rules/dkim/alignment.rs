//! `dkim/alignment`: the message is DKIM-signed, but by no domain aligned with
//! the From domain (RFC 7489 §3.1.1, relaxed: the same organizational domain).
//! Such a signature cannot carry DMARC; only an aligned SPF can.

use super::{evidence, location};
use crate::i18n::Msg;
use crate::model::Message;
use crate::report::Severity;
use crate::rules::sender::{aligned, org_domain};
use crate::rules::{scores, Check, Context, Draft, Example, ExampleInput, Group, Rule};
use crate::settings::Evidence;
use crate::title;

crate::rule_texts! { "dkim/alignment";
    summary => {
        en: "The message is DKIM-signed, but not by the From domain.",
        fr: "Le message est signé en DKIM, mais pas par le domaine du From.",
        es: "El mensaje tiene firma DKIM, pero no del dominio del From.",
        pl: "Wiadomość ma podpis DKIM, ale nie domeny From.",
    },
    why => {
        en: "DMARC counts a DKIM signature only when its d= domain has the From's organizational domain (RFC 7489). A signature by your mail provider's domain proves who relayed the message, not who wrote it; Gmail and Yahoo require bulk senders to align DKIM or SPF with From.",
        fr: "DMARC ne compte une signature DKIM que si son domaine d= a le même domaine organisationnel que le From (RFC 7489). Une signature du domaine de votre prestataire prouve qui a relayé le message, pas qui l'a écrit ; Gmail et Yahoo exigent des expéditeurs en nombre l'alignement de DKIM ou de SPF avec le From.",
        es: "DMARC solo cuenta una firma DKIM si su dominio d= tiene el dominio organizativo del From (RFC 7489). Una firma del dominio de su proveedor prueba quién retransmitió el mensaje, no quién lo escribió; Gmail y Yahoo exigen a los remitentes masivos alinear DKIM o SPF con el From.",
        pl: "DMARC uwzględnia podpis DKIM tylko wtedy, gdy jego domena d= ma domenę organizacyjną From (RFC 7489). Podpis domeny Twojego dostawcy dowodzi, kto przekazał wiadomość, a nie kto ją napisał; Gmail i Yahoo wymagają od nadawców masowych wyrównania DKIM lub SPF z From.",
    },
    fix => {
        en: "Have the message signed with a key of your own domain (most providers offer \"custom DKIM\" with a CNAME or TXT record in your DNS).",
        fr: "Faites signer le message avec une clé de votre propre domaine (la plupart des prestataires proposent un « DKIM personnalisé » par un enregistrement CNAME ou TXT dans votre DNS).",
        es: "Haga firmar el mensaje con una clave de su propio dominio (la mayoría de los proveedores ofrecen «DKIM personalizado» con un registro CNAME o TXT en su DNS).",
        pl: "Podpisuj wiadomość kluczem własnej domeny (większość dostawców oferuje „własny DKIM” przez rekord CNAME lub TXT w Twoim DNS).",
    },
    UNALIGNED "unaligned" => {
        en: "The message is signed by {domains}, {count, plural, one {which is not aligned} other {none of them aligned}} with the From domain {fromDomain}.",
        fr: "Le message est signé par {domains}, {count, plural, one {qui n'est pas aligné} other {dont aucun n'est aligné}} avec le domaine du From {fromDomain}.",
        es: "El mensaje está firmado por {domains}, {count, plural, one {que no está alineado} other {ninguno alineado}} con el dominio del From {fromDomain}.",
        pl: "{count, plural, one {Wiadomość podpisała domena {domains}, która nie jest wyrównana} few {Wiadomość podpisały domeny {domains}, z których żadna nie jest wyrównana} many {Wiadomość podpisały domeny {domains}, z których żadna nie jest wyrównana} other {Wiadomość podpisały domeny {domains}, z których żadna nie jest wyrównana}} z domeną From {fromDomain}.",
    },
    SPF_ALIGNED "spf-aligned" => {
        en: "The message is signed by {count, plural, one {the domain {domains}} other {the domains {domains}}}, not by {fromDomain}; its Return-Path at {returnPath} is aligned, so SPF can pass DMARC, but only an aligned signature still does after a forward.",
        fr: "Le message est signé par {count, plural, one {le domaine {domains}} other {les domaines {domains}}}, pas par {fromDomain} ; son Return-Path chez {returnPath} est aligné, donc SPF peut satisfaire DMARC, mais seule une signature alignée le fait encore après un transfert.",
        es: "El mensaje está firmado por {count, plural, one {el dominio {domains}} other {los dominios {domains}}}, no por {fromDomain}; su Return-Path en {returnPath} está alineado, así que SPF puede superar DMARC, pero solo una firma alineada lo sigue haciendo tras un reenvío.",
        pl: "{count, plural, one {Wiadomość podpisała domena {domains}} few {Wiadomość podpisały domeny {domains}} many {Wiadomość podpisały domeny {domains}} other {Wiadomość podpisały domeny {domains}}}, a nie {fromDomain}; jej Return-Path w {returnPath} jest wyrównany, więc SPF może spełnić DMARC, ale po przekazaniu dalej robi to już tylko wyrównany podpis.",
    },
}

pub const RULE: Rule = Rule {
    id: ID,
    group: Group::Dkim,
    severity: Severity::Warning,
    evidence: &[
        Evidence::Rfc("RFC 7489 §3.1.1: DKIM gives DMARC alignment only when d= has the From's organizational domain (relaxed mode, the default)"),
        Evidence::Receiver("Gmail Email sender guidelines: the From domain \"must be aligned with either the SPF domain or the DKIM domain\" (5,000+/day); GMX postmaster best practices: DKIM alignment with the From domain is mandatory for bulk mail"),
        Evidence::Rfc("RFC 7489 §4.2: DMARC passes when SPF or DKIM gives an aligned identifier, so an aligned Return-Path leaves the finding as information; RFC 7960 (DMARC and indirect mail flows): a forward that keeps the From but changes the sending host breaks SPF, not an intact DKIM signature"),
    ],
    score: scores::NONE,
    texts: &TEXTS,
    thresholds: &[&crate::rules::sender::MAILBOX_PROVIDERS],
    examples: &[
        Example::fails(
            title! {
                en: "Signed by the mail provider's domain only",
                fr: "Signé seulement par le domaine du prestataire",
                es: "Firmado solo por el dominio del proveedor",
                pl: "Podpisane tylko domeną dostawcy",
            },
            ExampleInput::Raw("DKIM-Signature: v=1; a=rsa-sha256; d=esp-mailer.example; s=s1; h=from:to:subject;\n bh=Ba3gj8+xBPQLJTahTfzW6RbWQ/XPgESxkCi2B66PSQg=; b=AAAA\nFrom: news@my-site.example\nTo: b@example.org\nSubject: News\n\nHello\n"),
        ),
        Example::fails(
            title! {
                en: "Signed by the provider, bounces on the From's own domain (SPF aligned): information",
                fr: "Signé par le prestataire, retours sur le domaine du From (SPF aligné) : information",
                es: "Firmado por el proveedor, rebotes en el dominio del From (SPF alineado): información",
                pl: "Podpis dostawcy, zwroty w domenie From (SPF wyrównany): informacja",
            },
            ExampleInput::Raw("Return-Path: <0100abc@bounce.my-site.example>\nDKIM-Signature: v=1; a=rsa-sha256; d=esp-mailer.example; s=s1; h=from:to:subject;\n bh=Ba3gj8+xBPQLJTahTfzW6RbWQ/XPgESxkCi2B66PSQg=; b=AAAA\nFrom: orders@my-site.example\nTo: b@example.org\nSubject: Your order\n\nHello\n"),
        )
        .at(Severity::Info),
        Example::passes(
            title! {
                en: "A second signature by a subdomain of the From domain",
                fr: "Une deuxième signature par un sous-domaine du domaine du From",
                es: "Una segunda firma de un subdominio del dominio del From",
                pl: "Drugi podpis subdomeny domeny From",
            },
            ExampleInput::Raw("DKIM-Signature: v=1; a=rsa-sha256; d=esp-mailer.example; s=s1; h=from:to:subject;\n bh=Ba3gj8+xBPQLJTahTfzW6RbWQ/XPgESxkCi2B66PSQg=; b=AAAA\nDKIM-Signature: v=1; a=rsa-sha256; d=mail.my-site.example; s=s1; h=from:to:subject;\n bh=Ba3gj8+xBPQLJTahTfzW6RbWQ/XPgESxkCi2B66PSQg=; b=AAAA\nFrom: news@my-site.example\nTo: b@example.org\nSubject: News\n\nHello\n"),
        ),
    ],
    check: Check::Dkim(check),
};

fn check(message: &Message, cx: &mut Context) {
    let signatures = &message.identity.dkim;
    let Some(from_domain) = message.identity.from_domain() else { return };
    let domains: Vec<&str> = signatures.iter().filter_map(|f| f.signature.domain.as_deref()).collect();
    if domains.is_empty() || domains.iter().any(|d| aligned(d, from_domain)) {
        return;
    }
    // A visitor's address in From is sender/visitor-from's finding, with the same fix.
    if crate::rules::sender::visitor_provider(message, cx.settings).is_some() {
        return;
    }
    // Each domain once, in order (a count for the plural forms).
    let mut shown: Vec<&str> = Vec::with_capacity(domains.len());
    for domain in &domains {
        if !shown.contains(domain) {
            shown.push(domain);
        }
    }
    let at = location(message, &signatures[0]);
    let quoted = evidence(message, &signatures[0], Some("d"));
    // SPF or DKIM passes DMARC (RFC 7489 §4.2): with the envelope on the From's
    // domain the message can pass; the signature matters after a forward.
    let return_path = message.identity.return_path.as_ref().map(|r| r.domain.as_str());
    if let Some(return_path) = return_path.filter(|r| aligned(r, from_domain)) {
        cx.emit(
            Draft::new(
                Msg::of(&SPF_ALIGNED)
                    .text("domains", shown.join(", "))
                    .int("count", shown.len())
                    .text("fromDomain", org_domain(from_domain))
                    .text("returnPath", return_path.to_string()),
            )
            .evidence(quoted)
            .at(at)
            .severity(Severity::Info),
        );
        return;
    }
    cx.emit(
        Draft::new(Msg::of(&UNALIGNED).text("domains", shown.join(", ")).int("count", shown.len()).text("fromDomain", org_domain(from_domain)))
            .evidence(quoted)
            .at(at),
    );
}
