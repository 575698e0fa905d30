//! `config/smtp-security`: the port and security pair of an SMTP script.
//! Guides: `SMTPSecure "ssl"` with `Port 465` is the configuration to prefer;
//! `"starttls"` or `"tls"` with port 587 only with one of the provider's own
//! addresses; anything else is flagged.

use super::{
    describe, host_of, is_provider_host, other_provider_domain, security_of, transport_of, Transport, DEFAULT_PORT,
    EXAMPLE_MESSAGE, PLACEHOLDER_HOSTS, PROVIDER_ONLY_PORT, RECOMMENDED_PORT, RECOMMENDED_SECURITY,
};
use crate::i18n::Msg;
use crate::report::Severity;
use crate::rules::{Check, Context, Draft, Example, ExampleInput, Group, Rule};
use crate::rules::sender::MAILBOX_PROVIDERS;
use crate::settings::Evidence;
use crate::settings::Settings;
use crate::title;

const RAW: ExampleInput = ExampleInput::Raw(EXAMPLE_MESSAGE);

crate::rule_texts! { "config/smtp-security";
    summary => {
        en: "The SMTP port and security are not the recommended pair: port 465 with ssl.",
        fr: "Le port et la sécurité SMTP ne sont pas la paire recommandée : port 465 avec ssl.",
        es: "El puerto y la seguridad SMTP no son la pareja recomendada: puerto 465 con ssl.",
        pl: "Port i zabezpieczenie SMTP nie są zalecaną parą: port 465 z ssl.",
    },
    why => {
        en: "The guides give SMTPSecure \"ssl\" with Port 465 as the configuration to prefer; \"starttls\" or \"tls\" with port 587 is allowed only with one of the provider's own e-mail addresses. Other pairs send without encryption or do not connect. Mails sent over SMTP are not managed or followed in the hosting's panel, and are limited to 200 per hour per account and 300 per hour per IP.",
        fr: "Les guides donnent SMTPSecure « ssl » avec le Port 465 comme configuration à privilégier ; « starttls » ou « tls » avec le port 587 n'est permis qu'avec une adresse e-mail de l'hébergeur. Les autres paires envoient sans chiffrement ou ne se connectent pas. Les e-mails envoyés en SMTP ne sont ni gérés ni suivis dans l'espace client, et sont limités à 200 par heure et par compte et 300 par heure et par IP.",
        es: "Las guías indican SMTPSecure «ssl» con el Port 465 como la configuración que debe primar; «starttls» o «tls» con el puerto 587 solo se permite con una dirección de correo del proveedor. Las demás combinaciones envían sin cifrado o no conectan. Los mensajes enviados por SMTP no se gestionan ni se siguen desde el área de cliente, y están limitados a 200 por hora y cuenta y 300 por hora e IP.",
        pl: "Przewodniki wskazują SMTPSecure „ssl” z portem 465 jako konfigurację uprzywilejowaną; „starttls” lub „tls” z portem 587 jest dozwolone tylko z adresem e-mail dostawcy. Inne pary wysyłają bez szyfrowania lub się nie łączą. E-maile wysyłane przez SMTP nie są zarządzane ani monitorowane w panelu i są ograniczone do 200 na godzinę na konto i 300 na godzinę na IP.",
    },
    fix => {
        en: "In the script, set SMTPSecure = \"ssl\" and Port = 465 (PHPMailer: $mail->SMTPSecure = \"ssl\"; $mail->Port = 465;).",
        fr: "Dans le script, réglez SMTPSecure = « ssl » et Port = 465 (PHPMailer : $mail->SMTPSecure = \"ssl\"; $mail->Port = 465;).",
        es: "En el script, configure SMTPSecure = «ssl» y Port = 465 (PHPMailer: $mail->SMTPSecure = \"ssl\"; $mail->Port = 465;).",
        pl: "W skrypcie ustaw SMTPSecure = „ssl” i Port = 465 (PHPMailer: $mail->SMTPSecure = \"ssl\"; $mail->Port = 465;).",
    },
    NOT_RECOMMENDED "not-recommended" => {
        en: "Port {port} with security \"{security}\" is not a supported pair; use port 465 with ssl.",
        fr: "Le port {port} avec la sécurité « {security} » n'est pas une paire prise en charge ; utilisez le port 465 avec ssl.",
        es: "El puerto {port} con la seguridad «{security}» no es una combinación admitida; use el puerto 465 con ssl.",
        pl: "Port {port} z zabezpieczeniem „{security}” nie jest obsługiwaną parą; użyj portu 465 z ssl.",
    },
    PROVIDER_ONLY "provider-only" => {
        en: "Port {port} with \"{security}\" is allowed only with the provider's own e-mail addresses, and {host} is not one of its servers; use port 465 with ssl.",
        fr: "Le port {port} avec « {security} » n'est permis qu'avec les adresses e-mail de l'hébergeur, et {host} n'est pas l'un de ses serveurs ; utilisez le port 465 avec ssl.",
        es: "El puerto {port} con «{security}» solo se permite con las direcciones de correo del proveedor, y {host} no es uno de sus servidores; use el puerto 465 con ssl.",
        pl: "Port {port} z „{security}” jest dozwolony tylko z adresami e-mail dostawcy, a {host} nie jest jego serwerem; użyj portu 465 z ssl.",
    },
    OTHER_PROVIDER_ADDRESS "other-provider-address" => {
        en: "Port {port} with \"{security}\" is allowed only with the provider's own e-mail addresses, and {from} is an address of another mail provider ({domain}); use port 465 with ssl.",
        fr: "Le port {port} avec « {security} » n'est permis qu'avec les adresses e-mail de l'hébergeur, et {from} est une adresse d'un autre fournisseur de messagerie ({domain}) ; utilisez le port 465 avec ssl.",
        es: "El puerto {port} con «{security}» solo se permite con las direcciones de correo del proveedor, y {from} es una dirección de otro proveedor de correo ({domain}); use el puerto 465 con ssl.",
        pl: "Port {port} z „{security}” jest dozwolony tylko z adresami e-mail dostawcy, a {from} to adres innego dostawcy poczty ({domain}); użyj portu 465 z ssl.",
    },
    NO_HOST "no-host" => {
        en: "The SMTP transport has no server (host): the script cannot connect; set the host of your SMTP settings.",
        fr: "Le transport SMTP n'a pas de serveur (host) : le script ne peut pas se connecter ; renseignez l'hôte de vos paramètres SMTP.",
        es: "El transporte SMTP no tiene servidor (host): el script no puede conectarse; indique el host de sus parámetros SMTP.",
        pl: "Transport SMTP nie ma serwera (host): skrypt nie może się połączyć; ustaw host w ustawieniach SMTP.",
    },
    PLACEHOLDER_HOST "placeholder-host" => {
        en: "The host \"{host}\" is the guide's example, left as is: the script connects nowhere; replace it with your SMTP server, as the guide says for Host, Username and Password.",
        fr: "L'hôte « {host} » est l'exemple du guide, laissé tel quel : le script ne se connecte nulle part ; remplacez-le par votre serveur SMTP, comme le guide le dit pour Host, Username et Password.",
        es: "El host «{host}» es el ejemplo de la guía, sin cambiar: el script no se conecta a ningún sitio; sustitúyalo por su servidor SMTP, como indica la guía para Host, Username y Password.",
        pl: "Host „{host}” to przykład z przewodnika pozostawiony bez zmian: skrypt nigdzie się nie połączy; zastąp go swoim serwerem SMTP, jak przewodnik mówi o Host, Username i Password.",
    },
    PROVIDER_PAIR "provider-pair" => {
        en: "Port {port} with \"{security}\" works with the provider's own addresses, but port 465 with ssl remains the configuration to prefer.",
        fr: "Le port {port} avec « {security} » fonctionne avec les adresses de l'hébergeur, mais le port 465 avec ssl reste à privilégier.",
        es: "El puerto {port} con «{security}» funciona con las direcciones del proveedor, pero el puerto 465 con ssl sigue siendo la configuración que debe primar.",
        pl: "Port {port} z „{security}” działa z adresami dostawcy, ale port 465 z ssl pozostaje konfiguracją uprzywilejowaną.",
    },
}

pub const RULE: Rule = Rule {
    id: ID,
    group: Group::Config,
    severity: Severity::Warning,
    evidence: &[
        Evidence::Guide("seed 002 (fr) l. 202–205: « en remplaçant uniquement les valeurs `Host`, `Username` et `Password` par vos propres paramètres SMTP : $mail->Host = \"your.smtp.server\"; »"),
        Evidence::Guide("seed 002 (fr) l. 215: « Si vous utilisez une adresse mail OVHcloud et uniquement dans ce cas, vous pouvez également utiliser le `SMTPSecure` *\"starttls\"* ou *\"tls\"* avec le `Port` **587**. Toutefois, le `SMTPSecure` *\"ssl\"* avec le `Port` **465** restent à privilégier »"),
    ],
    score: crate::rules::scores::NONE,
    texts: &TEXTS,
    thresholds: &[&MAILBOX_PROVIDERS],
    examples: &[
        Example::passes(
            title! {
                en: "Port 465 with ssl, the recommended pair",
                fr: "Port 465 avec ssl, la paire recommandée",
                es: "Puerto 465 con ssl, el par recomendado",
                pl: "Port 465 z ssl, zalecana para",
            },
            RAW,
        )
            .with_options(r#"{"smtp": {"transport": "smtp", "host": "ssl0.ovh.net", "port": 465, "security": "ssl"}}"#),
        Example::passes(
            title! {
                en: "Port 465 with SSL in capitals, host implied SMTP",
                fr: "Port 465 avec SSL en majuscules, l'hôte implique SMTP",
                es: "Puerto 465 con SSL en mayúsculas, el host implica SMTP",
                pl: "Port 465 z SSL wielkimi literami, host oznacza SMTP",
            },
            RAW,
        )
            .with_options(r#"{"smtp": {"host": "smtp.example.org", "port": 465, "security": "SSL"}}"#),
        Example::passes(
            title! {
                en: "PHP mail(): no SMTP pair to judge",
                fr: "PHP mail() : aucune paire SMTP à juger",
                es: "PHP mail(): ningún par SMTP que juzgar",
                pl: "PHP mail(): brak pary SMTP do oceny",
            },
            RAW,
        ).with_options(r#"{"smtp": {"transport": "mail"}}"#),
        Example::fails(
            title! {
                en: "Port 587 with starttls on the provider's server: info, 465 with ssl preferred",
                fr: "Port 587 avec starttls sur le serveur de l'hébergeur : information, 465 avec ssl est préférable",
                es: "Puerto 587 con starttls en el servidor del proveedor: información, es preferible 465 con ssl",
                pl: "Port 587 ze starttls na serwerze dostawcy: informacja, lepiej 465 z ssl",
            },
            RAW,
        )
            .with_options(r#"{"smtp": {"host": "ssl0.ovh.net", "port": 587, "security": "starttls"}}"#)
            .at(Severity::Info),
        Example::fails(
            title! {
                en: "Port 587 with tls on another server",
                fr: "Port 587 avec tls sur un autre serveur",
                es: "Puerto 587 con tls en otro servidor",
                pl: "Port 587 z tls na innym serwerze",
            },
            RAW,
        )
            .with_options(r#"{"smtp": {"host": "smtp.example.org", "port": 587, "security": "tls"}}"#),
        Example::fails(
            title! {
                en: "Port 587 with starttls on the provider's server, but from a Gmail address",
                fr: "Port 587 avec starttls sur le serveur de l'hébergeur, mais depuis une adresse Gmail",
                es: "Puerto 587 con starttls en el servidor del proveedor, pero desde una dirección de Gmail",
                pl: "Port 587 ze starttls na serwerze dostawcy, ale z adresu Gmail",
            },
            RAW,
        )
            .with_options(
                r#"{"smtp": {"host": "ssl0.ovh.net", "port": 587, "security": "starttls", "from": "me@gmail.com"}}"#,
            ),
        Example::fails(
            title! {
                en: "The guide's example host left as is",
                fr: "L'hôte d'exemple du guide laissé tel quel",
                es: "El host de ejemplo de la guía sin cambiar",
                pl: "Przykładowy host z przewodnika pozostawiony bez zmian",
            },
            RAW,
        )
            .with_options(r#"{"smtp": {"transport": "smtp", "host": "your.smtp.server", "port": 465, "security": "ssl"}}"#),
        Example::fails(
            title! {
                en: "SMTP declared with an empty host",
                fr: "SMTP déclaré avec un hôte vide",
                es: "SMTP declarado con un host vacío",
                pl: "SMTP zadeklarowany z pustym hostem",
            },
            RAW,
        )
            .with_options(r#"{"smtp": {"transport": "smtp", "host": "", "port": 465, "security": "ssl"}}"#),
        Example::fails(
            title! {
                en: "Port 25 without encryption",
                fr: "Port 25 sans chiffrement",
                es: "Puerto 25 sin cifrado",
                pl: "Port 25 bez szyfrowania",
            },
            RAW,
        )
            .with_options(r#"{"smtp": {"host": "ssl0.ovh.net", "port": 25, "security": "none"}}"#),
        Example::fails(
            title! {
                en: "Port 465 with starttls (465 expects ssl from the first byte)",
                fr: "Port 465 avec starttls (465 attend ssl dès le premier octet)",
                es: "Puerto 465 con starttls (465 espera ssl desde el primer byte)",
                pl: "Port 465 ze starttls (465 oczekuje ssl od pierwszego bajtu)",
            },
            RAW,
        )
            .with_options(r#"{"smtp": {"host": "ssl0.ovh.net", "port": 465, "security": "starttls"}}"#),
        Example::fails(
            title! {
                en: "SMTP with no port nor security (PHPMailer defaults: 25, none)",
                fr: "SMTP sans port ni sécurité (valeurs par défaut de PHPMailer : 25, aucune)",
                es: "SMTP sin puerto ni seguridad (valores por defecto de PHPMailer: 25, ninguna)",
                pl: "SMTP bez portu i zabezpieczeń (domyślne w PHPMailer: 25, brak)",
            },
            RAW,
        )
            .with_options(r#"{"smtp": {"transport": "smtp", "host": "ssl0.ovh.net"}}"#),
    ],
    check: Check::Settings(check),
};

fn check(options: &Settings, cx: &mut Context) {
    let Some(settings) = options.smtp.as_ref() else { return };
    if transport_of(settings) != Transport::Smtp {
        return;
    }
    let evidence = describe(settings);
    match host_of(settings) {
        None => cx.emit(Draft::new(Msg::of(&NO_HOST)).evidence(evidence.clone())),
        Some(host) if PLACEHOLDER_HOSTS.contains(&host.trim_end_matches('.').to_ascii_lowercase().as_str()) => {
            cx.emit(Draft::new(Msg::of(&PLACEHOLDER_HOST).text("host", host)).evidence(evidence.clone()))
        }
        Some(_) => {}
    }
    let port = settings.port.unwrap_or(DEFAULT_PORT);
    let security = security_of(settings);
    if port == RECOMMENDED_PORT && security == RECOMMENDED_SECURITY {
        return;
    }
    let host = host_of(settings).unwrap_or("").to_string();
    if port == PROVIDER_ONLY_PORT && (security == "tls" || security == "starttls") {
        // Seed 002 l. 215 conditions the pair on the sending address, not the server.
        let from = settings.from.as_deref().unwrap_or("");
        if let Some(domain) = other_provider_domain(options, from) {
            let msg = Msg::of(&OTHER_PROVIDER_ADDRESS).int("port", port).text("security", security);
            cx.emit(Draft::new(msg.text("from", from.trim()).text("domain", domain)).evidence(evidence));
        } else if is_provider_host(&host) {
            cx.emit(
                Draft::new(Msg::of(&PROVIDER_PAIR).int("port", port).text("security", security))
                    .evidence(evidence)
                    .severity(Severity::Info),
            );
        } else {
            cx.emit(
                Draft::new(Msg::of(&PROVIDER_ONLY).int("port", port).text("security", security).text("host", host))
                    .evidence(evidence),
            );
        }
        return;
    }
    cx.emit(Draft::new(Msg::of(&NOT_RECOMMENDED).int("port", port).text("security", security)).evidence(evidence));
}
