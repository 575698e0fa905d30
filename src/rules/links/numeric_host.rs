//! `links/numeric-host` *(SpamAssassin NUMERIC_HTTP_ADDR, rspamd
//! URL_NUMERIC_IP, HTTP_TO_IP)*: a web link to an IP address instead of a
//! name. Written as a whole number (`http://3232235777/`), in hex
//! (`0xC0A80001`) or octal, the address is disguised: every browser still
//! opens it, no reader recognises it, and filters score that harder.

use super::authority::numeric_host;
use crate::i18n::Msg;
use crate::model::Message;
use crate::report::Severity;
use crate::rules::reading;
use crate::rules::scores;
use crate::rules::{Check, Context, Draft, Example, ExampleInput, Group, Rule};
use crate::settings::Evidence;
use crate::title;

crate::rule_texts! { "links/numeric-host";
    summary => {
        en: "A link goes to an IP address instead of a domain name.",
        fr: "Un lien mène à une adresse IP au lieu d'un nom de domaine.",
        es: "Un enlace lleva a una dirección IP en lugar de un nombre de dominio.",
        pl: "Link prowadzi do adresu IP zamiast do nazwy domeny.",
    },
    why => {
        en: "Legitimate senders link to their domain; a link to a bare IP address is typical of compromised machines and phishing kits, and spam filters score it (SpamAssassin NUMERIC_HTTP_ADDR, rspamd URL_NUMERIC_IP and HTTP_TO_IP). An address written as one number, in hex or in octal hides even that it is an address: browsers still open it.",
        fr: "Les expéditeurs légitimes mettent des liens vers leur domaine ; un lien vers une adresse IP nue est typique des machines compromises et des kits d'hameçonnage, et les filtres anti-spam le notent (NUMERIC_HTTP_ADDR de SpamAssassin, URL_NUMERIC_IP et HTTP_TO_IP de rspamd). Une adresse écrite comme un seul nombre, en hexadécimal ou en octal cache même qu'il s'agit d'une adresse : les navigateurs l'ouvrent quand même.",
        es: "Los remitentes legítimos enlazan a su dominio; un enlace a una dirección IP desnuda es típico de máquinas comprometidas y kits de phishing, y los filtros antispam lo puntúan (NUMERIC_HTTP_ADDR de SpamAssassin, URL_NUMERIC_IP y HTTP_TO_IP de rspamd). Una dirección escrita como un solo número, en hexadecimal o en octal oculta incluso que es una dirección: los navegadores la abren igualmente.",
        pl: "Uczciwi nadawcy linkują do swojej domeny; link do gołego adresu IP jest typowy dla przejętych maszyn i zestawów phishingowych, a filtry antyspamowe go oceniają (NUMERIC_HTTP_ADDR w SpamAssassin, URL_NUMERIC_IP i HTTP_TO_IP w rspamd). Adres zapisany jako jedna liczba, szesnastkowo lub ósemkowo ukrywa nawet to, że jest adresem: przeglądarki i tak go otwierają.",
    },
    fix => {
        en: "Link to your site by its domain name.",
        fr: "Mettez un lien vers votre site par son nom de domaine.",
        es: "Enlace a su sitio por su nombre de dominio.",
        pl: "Linkuj do swojej strony przez jej nazwę domeny.",
    },
    ADDRESS "address" => {
        en: "The link goes to the IP address {address}.",
        fr: "Le lien mène à l'adresse IP {address}.",
        es: "El enlace lleva a la dirección IP {address}.",
        pl: "Link prowadzi do adresu IP {address}.",
    },
    DISGUISED "disguised" => {
        en: "The link's host {written} is the IP address {address} in disguise.",
        fr: "L'hôte du lien {written} est l'adresse IP {address} déguisée.",
        es: "El host del enlace {written} es la dirección IP {address} disfrazada.",
        pl: "Host linku {written} to zamaskowany adres IP {address}.",
    },
    FORM_ADDRESS "form-address" => {
        en: "The form sends what is typed in it to the IP address {address}.",
        fr: "Le formulaire envoie ce qui y est saisi à l'adresse IP {address}.",
        es: "El formulario envía lo que se escribe en él a la dirección IP {address}.",
        pl: "Formularz wysyła to, co się w nim wpisze, na adres IP {address}.",
    },
    FORM_DISGUISED "form-disguised" => {
        en: "The form's host {written} is the IP address {address} in disguise.",
        fr: "L'hôte du formulaire {written} est l'adresse IP {address} déguisée.",
        es: "El host del formulario {written} es la dirección IP {address} disfrazada.",
        pl: "Host formularza {written} to zamaskowany adres IP {address}.",
    },
}

pub const RULE: Rule = Rule {
    id: ID,
    group: Group::Links,
    severity: Severity::Warning,
    evidence: &[
        Evidence::Receiver("SpamAssassin NUMERIC_HTTP_ADDR \"Uses a numeric IP address in URL\" (1.242 in score set 3) and NORMAL_HTTP_TO_IP (20_uri_tests.cf); rspamd HTTP_TO_IP 1.0 (rules/html.lua), URL_NUMERIC_IP 1.5 (url_suspect)"),
        Evidence::Receiver("disguised forms: rspamd marks them obscured, R_SUSPICIOUS_URL \"Obfuscated or suspicious URL\" 5.0 (rules/misc.lua)"),
    ],
    score: scores::NUMERIC_HOST,
    texts: &TEXTS,
    thresholds: &[],
    examples: &[
        Example::fails(
            title! {
                en: "A link to a dotted IP address",
                fr: "Un lien vers une adresse IP pointée",
                es: "Un enlace a una dirección IP con puntos",
                pl: "Link do adresu IP z kropkami",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Account\nContent-Type: text/html\n\n<a href=\"http://198.51.100.7/login.php\">Log in</a>\n"),
        ),
        Example::fails(
            title! {
                en: "Addresses disguised as one number and in hex",
                fr: "Adresses déguisées en un seul nombre et en hexadécimal",
                es: "Direcciones disfrazadas como un solo número y en hexadecimal",
                pl: "Adresy zamaskowane jako jedna liczba i szesnastkowo",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Account\nContent-Type: text/html\n\n<a href=\"http://3325256711/\">Log in</a> <a href=\"http://0xC6336407/x\">Pay</a>\n"),
        )
        .times(2),
        Example::fails(
            title! {
                en: "An IP address written in a plain-text message",
                fr: "Une adresse IP écrite dans un message en texte brut",
                es: "Una dirección IP escrita en un mensaje de texto plano",
                pl: "Adres IP zapisany w wiadomości tekstowej",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Your parcel\n\nPay the customs fee at http://198.51.100.7/pay today.\n"),
        ),
        Example::fails(
            title! {
                en: "A form that sends a password to an IP address",
                fr: "Un formulaire qui envoie un mot de passe à une adresse IP",
                es: "Un formulario que envía una contraseña a una dirección IP",
                pl: "Formularz, który wysyła hasło na adres IP",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Account\nContent-Type: text/html\n\n<form action=\"http://198.51.100.7/login\" method=\"post\">Password: <input type=\"password\" name=\"p\"> <button>Confirm</button></form>\n"),
        ),
        Example::fails(
            title! {
                en: "A <base href> on a numeric host, which relative links resolve to",
                fr: "Un <base href> sur un hôte numérique, vers lequel se résolvent les liens relatifs",
                es: "Un <base href> en un host numérico, al que se resuelven los enlaces relativos",
                pl: "<base href> na hoście liczbowym, względem którego rozwiązywane są linki względne",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Account\nContent-Type: text/html\n\n<html><head><base href=\"http://3232235777/\"></head><body><p>Please check <a href=\"/login\">your account</a> today.</p></body></html>\n"),
        )
        .times(2),
        Example::passes(
            title! {
                en: "A search form that sends to a domain name",
                fr: "Un formulaire de recherche qui envoie à un nom de domaine",
                es: "Un formulario de búsqueda que envía a un nombre de dominio",
                pl: "Formularz wyszukiwania, który wysyła na nazwę domeny",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: News\nContent-Type: text/html\n\n<form action=\"https://shop.example.com/search\" method=\"get\"><input name=\"q\"> <button>Search</button></form>\n"),
        ),
        Example::passes(
            title! {
                en: "A link by domain name, and a domain that starts with digits",
                fr: "Un lien par nom de domaine, et un domaine qui commence par des chiffres",
                es: "Un enlace por nombre de dominio, y un dominio que empieza por cifras",
                pl: "Link przez nazwę domeny i domena zaczynająca się od cyfr",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Account\nContent-Type: text/html\n\n<a href=\"https://www.example.com/\">Site</a> <a href=\"https://123.example.com/\">Shop</a>\n"),
        ),
    ],
    check: Check::Links(check),
};

fn check(message: &Message, cx: &mut Context) {
    for link in reading::links(message) {
        if cx.full() {
            break;
        }
        let Some(host) = link.url().and_then(|url| numeric_host(&link.href, url)) else { continue };
        let form = link.is_form();
        let draft = if host.disguised {
            let msg = Msg::of(if form { &FORM_DISGUISED } else { &DISGUISED });
            Draft::new(msg.text("written", host.written).text("address", host.address.to_string()))
                .score(scores::NUMERIC_HOST_DISGUISED)
        } else {
            Draft::new(Msg::of(if form { &FORM_ADDRESS } else { &ADDRESS }).text("address", host.address.to_string()))
        };
        cx.emit(
            draft
                .evidence(link.evidence())
                .at(reading::link_location(message, &link)),
        );
    }
}
