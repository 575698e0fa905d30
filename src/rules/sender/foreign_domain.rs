//! `sender/foreign-domain`: the From domain is not one of the site's own
//! domains. The site's mail server can make SPF and DKIM pass only for the
//! site's domains, so DMARC alignment (RFC 7489 §3.1) with another From domain
//! fails; what the receiver then does depends on that domain's own policy.

use super::{aligned, field_location, provider, site_domains, SiteSource, MAILBOX_PROVIDERS};
use crate::i18n::Msg;
use crate::model::Message;
use crate::report::Severity;
use crate::rules::{scores, Check, Context, Draft, Example, ExampleInput, Group, Rule};
use crate::settings::Evidence;
use crate::title;

crate::rule_texts! { "sender/foreign-domain";
    summary => {
        en: "The From domain is not one of the site's own domains.",
        fr: "Le domaine du From n'est pas un des domaines du site.",
        es: "El dominio del From no es uno de los dominios del sitio.",
        pl: "Domena From nie jest jedną z domen witryny.",
    },
    why => {
        en: "Your server can make SPF and DKIM pass only for your own domains. With another domain in From, DMARC alignment (RFC 7489) fails, and Gmail and Yahoo require the From domain to be aligned with SPF or DKIM; if that domain publishes a strict DMARC policy the message is refused.",
        fr: "Votre serveur ne peut faire passer SPF et DKIM que pour vos propres domaines. Avec un autre domaine dans From, l'alignement DMARC (RFC 7489) échoue, alors que Gmail et Yahoo exigent que le domaine du From soit aligné avec SPF ou DKIM ; si ce domaine publie une politique DMARC stricte, le message est refusé.",
        es: "Su servidor solo puede hacer pasar SPF y DKIM para sus propios dominios. Con otro dominio en From, la alineación DMARC (RFC 7489) falla, y Gmail y Yahoo exigen que el dominio del From esté alineado con SPF o DKIM; si ese dominio publica una política DMARC estricta, el mensaje se rechaza.",
        pl: "Twój serwer może zapewnić poprawne SPF i DKIM tylko dla Twoich domen. Z inną domeną w From wyrównanie DMARC (RFC 7489) się nie udaje, a Gmail i Yahoo wymagają, by domena From była wyrównana z SPF lub DKIM; jeśli ta domena publikuje ścisłą politykę DMARC, wiadomość zostanie odrzucona.",
    },
    fix => {
        en: "Send from an address of your own domain; if the message speaks for someone else, put their address in Reply-To.",
        fr: "Envoyez depuis une adresse de votre domaine ; si le message parle au nom de quelqu'un d'autre, mettez son adresse dans Reply-To.",
        es: "Envíe desde una dirección de su dominio; si el mensaje habla en nombre de otra persona, ponga su dirección en Reply-To.",
        pl: "Wysyłaj z adresu we własnej domenie; jeśli wiadomość jest w czyimś imieniu, wpisz jego adres w Reply-To.",
    },
    FOREIGN "foreign" => {
        en: "From is {address}, but the site's domains are {domains}: DMARC alignment with {domain} fails.",
        fr: "From est {address}, mais les domaines du site sont {domains} : l'alignement DMARC avec {domain} échoue.",
        es: "From es {address}, pero los dominios del sitio son {domains}: la alineación DMARC con {domain} falla.",
        pl: "From to {address}, ale domeny witryny to {domains}: wyrównanie DMARC z {domain} się nie udaje.",
    },
}

pub const RULE: Rule = Rule {
    id: ID,
    group: Group::Sender,
    severity: Severity::Warning,
    evidence: &[
        Evidence::Rfc("RFC 7489 §3.1: DMARC passes only when SPF or DKIM authenticates a domain aligned with the From domain"),
        Evidence::Receiver("Gmail Email sender guidelines (5,000+/day): \"the domain in the sender's From: header must be aligned with either the SPF domain or the DKIM domain\"; Yahoo Sender requirements: the same for bulk senders"),
    ],
    score: scores::NONE,
    texts: &TEXTS,
    thresholds: &[&MAILBOX_PROVIDERS],
    examples: &[
        Example::fails(
            title! {
                en: "From is at a partner's domain, the site is my-site.example",
                fr: "From est au domaine d'un partenaire, le site est my-site.example",
                es: "From es del dominio de un socio, el sitio es my-site.example",
                pl: "From jest w domenie partnera, witryna to my-site.example",
            },
            ExampleInput::Raw("From: news@partner.example\nTo: b@example.org\nSubject: News\n\nHello\n"),
        )
        .with_options(r#"{"senderDomains": ["my-site.example"]}"#),
        Example::fails(
            title! {
                en: "The SMTP account is on my-site.example, From is elsewhere",
                fr: "Le compte SMTP est sur my-site.example, le From ailleurs",
                es: "La cuenta SMTP está en my-site.example, el From en otro sitio",
                pl: "Konto SMTP jest w my-site.example, From gdzie indziej",
            },
            ExampleInput::Compose(r#"{"from": "orders@other-shop.example", "to": "b@example.org", "subject": "Order", "text": "Hello"}"#),
        )
        .with_options(r#"{"smtp": {"transport": "smtp", "host": "ssl0.example.net", "port": 465, "security": "ssl", "from": "contact@my-site.example"}}"#),
        Example::passes(
            title! {
                en: "A subdomain of the site's domain is aligned",
                fr: "Un sous-domaine du domaine du site est aligné",
                es: "Un subdominio del dominio del sitio está alineado",
                pl: "Subdomena domeny witryny jest wyrównana",
            },
            ExampleInput::Raw("From: news@mail.my-site.example\nTo: b@example.org\nSubject: News\n\nHello\n"),
        )
        .with_options(r#"{"senderDomains": ["my-site.example"]}"#),
        Example::passes(
            title! {
                en: "Nothing says which domains are the site's",
                fr: "Rien n'indique quels domaines sont ceux du site",
                es: "Nada indica qué dominios son del sitio",
                pl: "Nic nie wskazuje, które domeny należą do witryny",
            },
            ExampleInput::Raw("From: news@partner.example\nTo: b@example.org\nSubject: News\n\nHello\n"),
        ),
    ],
    check: Check::Message(check),
};

fn check(message: &Message, cx: &mut Context) {
    let Some(from) = message.identity.from.first() else { return };
    let Some((domains, source)) = site_domains(message, cx.settings) else { return };
    // PHP mail(): the call's own From defines the site's domain; nothing to compare.
    if source == SiteSource::PhpFrom || domains.iter().any(|d| aligned(d, &from.domain)) {
        return;
    }
    // A mailbox provider's address is sender/visitor-from's finding.
    if provider(cx.settings, &from.domain).is_some() {
        return;
    }
    cx.emit(
        Draft::new(
            Msg::of(&FOREIGN)
                .text("address", from.address.clone())
                .text("domains", domains.join(", "))
                .text("domain", from.domain.clone()),
        )
        .evidence(from.address.as_str())
        .at(field_location(message, from.field)),
    );
}
