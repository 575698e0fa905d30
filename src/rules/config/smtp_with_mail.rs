//! `config/smtp-with-mail`: an SMTP server configured while the script sends
//! through PHP `mail()`. Guides: "make sure your sends do not use SMTP servers:
//! do not give any SMTP server in your scripts' settings when you use mail()".
//! A PHP `mail()` call (`lint_php_mail`) is the `mail` transport: its settings
//! need not say so (`config::for_mail_call`).

use super::{describe, host_of, quoted_evidence, transport_of, Transport, EXAMPLE_MESSAGE};
use crate::i18n::Msg;
use crate::report::Severity;
use crate::rules::{Check, Context, Draft, Example, ExampleInput, Group, Rule};
use crate::settings::Evidence;
use crate::settings::Settings;
use crate::title;

crate::rule_texts! { "config/smtp-with-mail";
    summary => {
        en: "An SMTP server is configured while the script sends with PHP mail().",
        fr: "Un serveur SMTP est configuré alors que le script envoie avec la fonction mail() de PHP.",
        es: "Hay un servidor SMTP configurado mientras el script envía con la función mail() de PHP.",
        pl: "Skonfigurowano serwer SMTP, choć skrypt wysyła funkcją mail() PHP.",
    },
    why => {
        en: "The guides list it among the reasons script mails are not sent: with PHP mail() the hosting delivers the mail itself, and an SMTP server given in the script's or the site's settings gets in the way.",
        fr: "Les guides le citent parmi les raisons pour lesquelles les e-mails des scripts ne partent pas : avec mail() de PHP, l'hébergement distribue lui-même l'e-mail, et un serveur SMTP indiqué dans les paramètres du script ou du site fait obstacle.",
        es: "Las guías lo citan entre las razones por las que no se envían los mensajes de los scripts: con mail() de PHP el alojamiento entrega el mensaje por sí mismo, y un servidor SMTP indicado en la configuración del script o del sitio lo impide.",
        pl: "Przewodniki wymieniają to wśród powodów, dla których e-maile ze skryptów nie są wysyłane: przy mail() PHP hosting sam dostarcza wiadomość, a serwer SMTP podany w ustawieniach skryptu lub strony przeszkadza.",
    },
    fix => {
        en: "Remove the SMTP server from the script's settings (or from the site's mail settings if an interface manages them), or switch the script to SMTP entirely.",
        fr: "Retirez le serveur SMTP des paramètres du script (ou de la configuration des envois du site si une interface les gère), ou passez entièrement le script en SMTP.",
        es: "Quite el servidor SMTP de la configuración del script (o de la configuración de envíos del sitio si una interfaz la administra), o pase el script por completo a SMTP.",
        pl: "Usuń serwer SMTP z ustawień skryptu (lub z konfiguracji wysyłki strony, jeśli zarządza nią interfejs) albo przełącz skrypt całkowicie na SMTP.",
    },
    HOST_WITH_MAIL "host-with-mail" => {
        en: "The script sends with mail() but names the SMTP server {host}: do not specify any SMTP server when you use mail().",
        fr: "Le script envoie avec mail() mais indique le serveur SMTP {host} : ne spécifiez pas de serveur SMTP lorsque vous utilisez mail().",
        es: "El script envía con mail() pero indica el servidor SMTP {host}: no especifique ningún servidor SMTP cuando use mail().",
        pl: "Skrypt wysyła przez mail(), ale wskazuje serwer SMTP {host}: nie podawaj serwera SMTP, gdy używasz mail().",
    },
}

pub const RULE: Rule = Rule {
    id: ID,
    group: Group::Config,
    severity: Severity::Error,
    evidence: &[
        Evidence::Guide("seed 002 (fr) l. 97: « ne spécifiez pas de serveur SMTP dans les paramètres de vos scripts lorsque vous utilisez la fonction « mail() » de PHP »"),
    ],
    score: crate::rules::scores::NONE,
    texts: &TEXTS,
    thresholds: &[],
    examples: &[
        Example::fails(
            title! {
                en: "mail() with an SMTP host configured",
                fr: "mail() avec un hôte SMTP configuré",
                es: "mail() con un host SMTP configurado",
                pl: "mail() ze skonfigurowanym hostem SMTP",
            },
            ExampleInput::Raw(EXAMPLE_MESSAGE),
        )
            .with_options(r#"{"smtp": {"transport": "mail", "host": "smtp.example.com"}}"#),
        Example::fails(
            title! {
                en: "mail() with an SMTP host and port",
                fr: "mail() avec un hôte et un port SMTP",
                es: "mail() con un host y un puerto SMTP",
                pl: "mail() z hostem i portem SMTP",
            },
            ExampleInput::Raw(EXAMPLE_MESSAGE),
        )
            .with_options(r#"{"smtp": {"transport": "MAIL", "host": "ssl0.ovh.net", "port": 465, "security": "ssl"}}"#),
        Example::fails(
            title! {
                en: "A PHP mail() call whose settings name an SMTP server",
                fr: "Un appel PHP mail() dont les réglages indiquent un serveur SMTP",
                es: "Una llamada PHP mail() cuya configuración indica un servidor SMTP",
                pl: "Wywołanie PHP mail(), którego ustawienia wskazują serwer SMTP",
            },
            ExampleInput::PhpMail {
                to: "owner@example.com",
                subject: "Contact form",
                message: "Hello",
                headers: "From: contact@example.com",
            },
        )
            .with_options(r#"{"smtp": {"host": "ssl0.ovh.net", "port": 465, "security": "ssl"}}"#),
        Example::passes(
            title! {
                en: "A PHP mail() call whose settings say the script sends by SMTP",
                fr: "Un appel PHP mail() dont les réglages disent que le script envoie en SMTP",
                es: "Una llamada PHP mail() cuya configuración dice que el script envía por SMTP",
                pl: "Wywołanie PHP mail(), którego ustawienia mówią, że skrypt wysyła przez SMTP",
            },
            ExampleInput::PhpMail {
                to: "owner@example.com",
                subject: "Contact form",
                message: "Hello",
                headers: "From: contact@example.com",
            },
        )
            .with_options(r#"{"smtp": {"transport": "smtp", "host": "ssl0.ovh.net", "port": 465, "security": "ssl"}}"#),
        Example::passes(
            title! {
                en: "mail() and no SMTP server",
                fr: "mail() et aucun serveur SMTP",
                es: "mail() y ningún servidor SMTP",
                pl: "mail() i brak serwera SMTP",
            },
            ExampleInput::Raw(EXAMPLE_MESSAGE),
        )
            .with_options(r#"{"smtp": {"transport": "mail"}}"#),
        Example::passes(
            title! {
                en: "mail() with an empty host field",
                fr: "mail() avec un champ d'hôte vide",
                es: "mail() con el campo de host vacío",
                pl: "mail() z pustym polem hosta",
            },
            ExampleInput::Raw(EXAMPLE_MESSAGE),
        )
            .with_options(r#"{"smtp": {"transport": "mail", "host": "  "}}"#),
        Example::passes(
            title! {
                en: "An SMTP script with its host",
                fr: "Un script SMTP avec son hôte",
                es: "Un script SMTP con su host",
                pl: "Skrypt SMTP z własnym hostem",
            },
            ExampleInput::Raw(EXAMPLE_MESSAGE),
        )
            .with_options(r#"{"smtp": {"transport": "smtp", "host": "ssl0.ovh.net", "port": 465, "security": "ssl"}}"#),
        Example::passes(
            title! {
                en: "No SMTP settings given",
                fr: "Aucun réglage SMTP fourni",
                es: "Sin ajustes SMTP",
                pl: "Brak ustawień SMTP",
            },
            ExampleInput::Raw(EXAMPLE_MESSAGE),
        ),
    ],
    check: Check::Settings(check),
};

fn check(settings: &Settings, cx: &mut Context) {
    let Some(settings) = settings.smtp.as_ref() else { return };
    if transport_of(settings) != Transport::Mail {
        return;
    }
    let Some(host) = host_of(settings) else { return };
    let draft = Draft::new(Msg::of(&HOST_WITH_MAIL).text("host", host.to_string())).evidence(quoted_evidence(&describe(settings)));
    cx.emit(draft);
}
