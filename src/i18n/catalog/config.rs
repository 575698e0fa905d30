//! Messages of the `config/*` rules (SMTP settings of the sending script). The
//! guides' wording: seeds 000 (es), 002 (fr), 004 (pl).

crate::catalog! {
    "config/smtp-with-mail.summary" => {
        en: "An SMTP server is configured while the script sends with PHP mail().",
        fr: "Un serveur SMTP est configuré alors que le script envoie avec la fonction mail() de PHP.",
        es: "Hay un servidor SMTP configurado mientras el script envía con la función mail() de PHP.",
        pl: "Skonfigurowano serwer SMTP, choć skrypt wysyła funkcją mail() PHP.",
    },
    "config/smtp-with-mail.why" => {
        en: "The guides list it among the reasons script mails are not sent: with PHP mail() the hosting delivers the mail itself, and an SMTP server given in the script's or the site's settings gets in the way.",
        fr: "Les guides le citent parmi les raisons pour lesquelles les e-mails des scripts ne partent pas : avec mail() de PHP, l'hébergement distribue lui-même l'e-mail, et un serveur SMTP indiqué dans les paramètres du script ou du site fait obstacle.",
        es: "Las guías lo citan entre las razones por las que no se envían los mensajes de los scripts: con mail() de PHP el alojamiento entrega el mensaje por sí mismo, y un servidor SMTP indicado en la configuración del script o del sitio lo impide.",
        pl: "Przewodniki wymieniają to wśród powodów, dla których e-maile ze skryptów nie są wysyłane: przy mail() PHP hosting sam dostarcza wiadomość, a serwer SMTP podany w ustawieniach skryptu lub strony przeszkadza.",
    },
    "config/smtp-with-mail.host-with-mail" => {
        en: "The script sends with mail() but names the SMTP server {host}: do not specify any SMTP server when you use mail().",
        fr: "Le script envoie avec mail() mais indique le serveur SMTP {host} : ne spécifiez pas de serveur SMTP lorsque vous utilisez mail().",
        es: "El script envía con mail() pero indica el servidor SMTP {host}: no especifique ningún servidor SMTP cuando use mail().",
        pl: "Skrypt wysyła przez mail(), ale wskazuje serwer SMTP {host}: nie podawaj serwera SMTP, gdy używasz mail().",
    },
    "config/smtp-with-mail.fix" => {
        en: "Remove the SMTP server from the script's settings (or from the site's mail settings if an interface manages them), or switch the script to SMTP entirely.",
        fr: "Retirez le serveur SMTP des paramètres du script (ou de la configuration des envois du site si une interface les gère), ou passez entièrement le script en SMTP.",
        es: "Quite el servidor SMTP de la configuración del script (o de la configuración de envíos del sitio si una interfaz la administra), o pase el script por completo a SMTP.",
        pl: "Usuń serwer SMTP z ustawień skryptu (lub z konfiguracji wysyłki strony, jeśli zarządza nią interfejs) albo przełącz skrypt całkowicie na SMTP.",
    },
    "config/smtp-security.summary" => {
        en: "The SMTP port and security are not the recommended pair: port 465 with ssl.",
        fr: "Le port et la sécurité SMTP ne sont pas la paire recommandée : port 465 avec ssl.",
        es: "El puerto y la seguridad SMTP no son la pareja recomendada: puerto 465 con ssl.",
        pl: "Port i zabezpieczenie SMTP nie są zalecaną parą: port 465 z ssl.",
    },
    "config/smtp-security.why" => {
        en: "The guides give SMTPSecure \"ssl\" with Port 465 as the configuration to prefer; \"starttls\" or \"tls\" with port 587 is allowed only with one of the provider's own e-mail addresses. Other pairs send without encryption or do not connect. Mails sent over SMTP are not managed or followed in the hosting's panel, and are limited to 200 per hour per account and 300 per hour per IP.",
        fr: "Les guides donnent SMTPSecure « ssl » avec le Port 465 comme configuration à privilégier ; « starttls » ou « tls » avec le port 587 n'est permis qu'avec une adresse e-mail de l'hébergeur. Les autres paires envoient sans chiffrement ou ne se connectent pas. Les e-mails envoyés en SMTP ne sont ni gérés ni suivis dans l'espace client, et sont limités à 200 par heure et par compte et 300 par heure et par IP.",
        es: "Las guías indican SMTPSecure «ssl» con el Port 465 como la configuración que debe primar; «starttls» o «tls» con el puerto 587 solo se permite con una dirección de correo del proveedor. Las demás combinaciones envían sin cifrado o no conectan. Los mensajes enviados por SMTP no se gestionan ni se siguen desde el área de cliente, y están limitados a 200 por hora y cuenta y 300 por hora e IP.",
        pl: "Przewodniki wskazują SMTPSecure „ssl” z portem 465 jako konfigurację uprzywilejowaną; „starttls” lub „tls” z portem 587 jest dozwolone tylko z adresem e-mail dostawcy. Inne pary wysyłają bez szyfrowania lub się nie łączą. E-maile wysyłane przez SMTP nie są zarządzane ani monitorowane w panelu i są ograniczone do 200 na godzinę na konto i 300 na godzinę na IP.",
    },
    "config/smtp-security.not-recommended" => {
        en: "Port {port} with security \"{security}\" is not a supported pair; use port 465 with ssl.",
        fr: "Le port {port} avec la sécurité « {security} » n'est pas une paire prise en charge ; utilisez le port 465 avec ssl.",
        es: "El puerto {port} con la seguridad «{security}» no es una combinación admitida; use el puerto 465 con ssl.",
        pl: "Port {port} z zabezpieczeniem „{security}” nie jest obsługiwaną parą; użyj portu 465 z ssl.",
    },
    "config/smtp-security.provider-only" => {
        en: "Port {port} with \"{security}\" is allowed only with the provider's own e-mail addresses, and {host} is not one of its servers; use port 465 with ssl.",
        fr: "Le port {port} avec « {security} » n'est permis qu'avec les adresses e-mail de l'hébergeur, et {host} n'est pas l'un de ses serveurs ; utilisez le port 465 avec ssl.",
        es: "El puerto {port} con «{security}» solo se permite con las direcciones de correo del proveedor, y {host} no es uno de sus servidores; use el puerto 465 con ssl.",
        pl: "Port {port} z „{security}” jest dozwolony tylko z adresami e-mail dostawcy, a {host} nie jest jego serwerem; użyj portu 465 z ssl.",
    },
    "config/smtp-security.provider-pair" => {
        en: "Port {port} with \"{security}\" works with the provider's own addresses, but port 465 with ssl remains the configuration to prefer.",
        fr: "Le port {port} avec « {security} » fonctionne avec les adresses de l'hébergeur, mais le port 465 avec ssl reste à privilégier.",
        es: "El puerto {port} con «{security}» funciona con las direcciones del proveedor, pero el puerto 465 con ssl sigue siendo la configuración que debe primar.",
        pl: "Port {port} z „{security}” działa z adresami dostawcy, ale port 465 z ssl pozostaje konfiguracją uprzywilejowaną.",
    },
    "config/smtp-security.fix" => {
        en: "In the script, set SMTPSecure = \"ssl\" and Port = 465 (PHPMailer: $mail->SMTPSecure = \"ssl\"; $mail->Port = 465;).",
        fr: "Dans le script, réglez SMTPSecure = « ssl » et Port = 465 (PHPMailer : $mail->SMTPSecure = \"ssl\"; $mail->Port = 465;).",
        es: "En el script, configure SMTPSecure = «ssl» y Port = 465 (PHPMailer: $mail->SMTPSecure = \"ssl\"; $mail->Port = 465;).",
        pl: "W skrypcie ustaw SMTPSecure = „ssl” i Port = 465 (PHPMailer: $mail->SMTPSecure = \"ssl\"; $mail->Port = 465;).",
    },
}
