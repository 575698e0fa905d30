//! `config/smtp-security`: the host, port and security of an SMTP script.
//! A host that is no host name is an error (RFC 1035 §2.3.4). A pair that cannot
//! work is a warning with its reason on any server (465 is TLS from the first
//! byte, 587 expects STARTTLS: RFC 8314 §3.3; no security sends in clear).
//! On the hosting's own servers the guides' pairs apply: `SMTPSecure "ssl"`
//! with `Port 465` to prefer, `"starttls"` or `"tls"` with port 587 only with
//! one of the provider's own addresses. Another host's documented pair passes.

use super::{
    describe, host_entries, host_of, host_problem, is_provider_host, other_provider_domain, quoted_evidence,
    quoted_host, security_of, transport_of, unreachable_tld, HostEntry, HostProblem, Transport, UnreachableTld, DEFAULT_PORT,
    EXAMPLE_MESSAGE, IMPLICIT_TLS_PORT, LOCAL_HOSTS, PLACEHOLDER_HOSTS, PROVIDER_ONLY_PORT, RECOMMENDED_PORT,
    RECOMMENDED_SECURITY, STARTTLS_PORTS,
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
        en: "On the hosting's SMTP server, set SMTPSecure = \"ssl\" and Port = 465 (PHPMailer: $mail->SMTPSecure = \"ssl\"; $mail->Port = 465;). On another provider's server, use the pair it documents: \"ssl\" on port 465, or \"tls\" (STARTTLS) on port 587.",
        fr: "Sur le serveur SMTP de l'hébergeur, réglez SMTPSecure = « ssl » et Port = 465 (PHPMailer : $mail->SMTPSecure = \"ssl\"; $mail->Port = 465;). Sur le serveur d'un autre fournisseur, utilisez la paire qu'il documente : « ssl » sur le port 465, ou « tls » (STARTTLS) sur le port 587.",
        es: "En el servidor SMTP del alojamiento, configure SMTPSecure = «ssl» y Port = 465 (PHPMailer: $mail->SMTPSecure = \"ssl\"; $mail->Port = 465;). En el servidor de otro proveedor, use la combinación que este documente: «ssl» en el puerto 465, o «tls» (STARTTLS) en el puerto 587.",
        pl: "Na serwerze SMTP hostingu ustaw SMTPSecure = „ssl” i Port = 465 (PHPMailer: $mail->SMTPSecure = \"ssl\"; $mail->Port = 465;). Na serwerze innego dostawcy użyj pary, którą ten dokumentuje: „ssl” na porcie 465 lub „tls” (STARTTLS) na porcie 587.",
    },
    NOT_RECOMMENDED "not-recommended" => {
        en: "Port {port} with security \"{security}\" is not a supported pair; use port 465 with ssl.",
        fr: "Le port {port} avec la sécurité « {security} » n'est pas une paire prise en charge ; utilisez le port 465 avec ssl.",
        es: "El puerto {port} con la seguridad «{security}» no es una combinación admitida; use el puerto 465 con ssl.",
        pl: "Port {port} z zabezpieczeniem „{security}” nie jest obsługiwaną parą; użyj portu 465 z ssl.",
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
    IMPLICIT_TLS_STARTTLS "implicit-tls-starttls" => {
        en: "Port 465 expects TLS from the first byte (implicit TLS, RFC 8314 §3.3), but \"{security}\" starts in clear and then asks for STARTTLS: the connection hangs or fails; set security \"ssl\" with port 465.",
        fr: "Le port 465 attend TLS dès le premier octet (TLS implicite, RFC 8314 §3.3), mais « {security} » commence en clair puis demande STARTTLS : la connexion se bloque ou échoue ; réglez la sécurité « ssl » avec le port 465.",
        es: "El puerto 465 espera TLS desde el primer byte (TLS implícito, RFC 8314 §3.3), pero «{security}» empieza sin cifrar y luego pide STARTTLS: la conexión se queda colgada o falla; configure la seguridad «ssl» con el puerto 465.",
        pl: "Port 465 oczekuje TLS od pierwszego bajtu (niejawny TLS, RFC 8314 §3.3), a „{security}” zaczyna bez szyfrowania i dopiero potem prosi o STARTTLS: połączenie się zawiesza lub nie udaje; ustaw zabezpieczenie „ssl” z portem 465.",
    },
    IMPLICIT_TLS_NONE "implicit-tls-none" => {
        en: "Port 465 expects TLS from the first byte (implicit TLS, RFC 8314 §3.3): without security the script cannot talk to it; set security \"ssl\" with port 465.",
        fr: "Le port 465 attend TLS dès le premier octet (TLS implicite, RFC 8314 §3.3) : sans sécurité, le script ne peut pas dialoguer avec lui ; réglez la sécurité « ssl » avec le port 465.",
        es: "El puerto 465 espera TLS desde el primer byte (TLS implícito, RFC 8314 §3.3): sin seguridad el script no puede comunicarse con él; configure la seguridad «ssl» con el puerto 465.",
        pl: "Port 465 oczekuje TLS od pierwszego bajtu (niejawny TLS, RFC 8314 §3.3): bez zabezpieczenia skrypt nie może się z nim porozumieć; ustaw zabezpieczenie „ssl” z portem 465.",
    },
    STARTTLS_PORT_SSL "starttls-port-ssl" => {
        en: "Port {port} is a STARTTLS port (RFC 6409, RFC 8314 §3.3): the server first answers in clear, while \"ssl\" opens TLS at once, so the connection hangs or fails; use \"ssl\" on port 465, or \"tls\" on port {port}.",
        fr: "Le port {port} attend STARTTLS (RFC 6409, RFC 8314 §3.3) : le serveur répond d'abord en clair, alors que « ssl » ouvre TLS d'emblée, si bien que la connexion se bloque ou échoue ; utilisez « ssl » sur le port 465, ou « tls » sur le port {port}.",
        es: "El puerto {port} espera STARTTLS (RFC 6409, RFC 8314 §3.3): el servidor responde primero sin cifrar, mientras que «ssl» abre TLS de inmediato, así que la conexión se queda colgada o falla; use «ssl» en el puerto 465, o «tls» en el puerto {port}.",
        pl: "Port {port} oczekuje STARTTLS (RFC 6409, RFC 8314 §3.3): serwer najpierw odpowiada bez szyfrowania, a „ssl” od razu otwiera TLS, więc połączenie się zawiesza lub nie udaje; użyj „ssl” na porcie 465 albo „tls” na porcie {port}.",
    },
    CLEAR_TEXT "clear-text" => {
        en: "Port {port} without security: unless the mail library starts STARTTLS by itself, the password and the mail travel in clear; use \"ssl\" on port 465 (or \"tls\" on port 587).",
        fr: "Port {port} sans sécurité : à moins que la bibliothèque d'envoi ne lance STARTTLS d'elle-même, le mot de passe et le message circulent en clair ; utilisez « ssl » sur le port 465 (ou « tls » sur le port 587).",
        es: "Puerto {port} sin seguridad: a menos que la biblioteca de envío inicie STARTTLS por sí sola, la contraseña y el mensaje viajan sin cifrar; use «ssl» en el puerto 465 (o «tls» en el puerto 587).",
        pl: "Port {port} bez zabezpieczenia: jeśli biblioteka wysyłająca sama nie uruchomi STARTTLS, hasło i wiadomość są przesyłane otwartym tekstem; użyj „ssl” na porcie 465 (lub „tls” na porcie 587).",
    },
    OTHER_HOST_PAIR "other-host-pair" => {
        en: "The guides cover only the hosting's own SMTP servers, not {host}: port {port} with \"{security}\" is none of the usual pairs (\"ssl\" on 465, \"tls\" on 587); use the pair its provider documents.",
        fr: "Les guides ne couvrent que les serveurs SMTP de l'hébergeur, pas {host} : le port {port} avec « {security} » n'est aucune des paires habituelles (« ssl » sur 465, « tls » sur 587) ; utilisez la paire que son fournisseur documente.",
        es: "Las guías solo cubren los servidores SMTP del alojamiento, no {host}: el puerto {port} con «{security}» no es ninguna de las combinaciones habituales («ssl» en 465, «tls» en 587); use la combinación que documente su proveedor.",
        pl: "Przewodniki obejmują tylko serwery SMTP hostingu, nie {host}: port {port} z „{security}” nie jest żadną ze zwykłych par („ssl” na 465, „tls” na 587); użyj pary, którą dokumentuje jego dostawca.",
    },
    DEFAULTS_ASSUMED "defaults-assumed" => {
        en: "The settings do not give {assumed}: this check assumed PHPMailer's default (Port 25, SMTPSecure \"\", no encryption); say the port and the security your script sets.",
        fr: "Les réglages ne donnent pas {assumed} : cette vérification a supposé la valeur par défaut de PHPMailer (Port 25, SMTPSecure \"\", sans chiffrement) ; indiquez le port et la sécurité que votre script règle.",
        es: "Los ajustes no indican {assumed}: esta comprobación ha supuesto el valor por defecto de PHPMailer (Port 25, SMTPSecure \"\", sin cifrado); indique el puerto y la seguridad que configura su script.",
        pl: "Ustawienia nie podają {assumed}: ta kontrola przyjęła wartość domyślną PHPMailer (Port 25, SMTPSecure \"\", bez szyfrowania); podaj port i zabezpieczenie ustawione w skrypcie.",
    },
    HOST_ADDRESS "host-address" => {
        en: "The host \"{host}\" is an e-mail address, not a server name: put the SMTP server's name in Host (the address goes in Username).",
        fr: "L'hôte « {host} » est une adresse e-mail, pas un nom de serveur : mettez le nom du serveur SMTP dans Host (l'adresse va dans Username).",
        es: "El host «{host}» es una dirección de correo, no un nombre de servidor: ponga el nombre del servidor SMTP en Host (la dirección va en Username).",
        pl: "Host „{host}” to adres e-mail, a nie nazwa serwera: wpisz nazwę serwera SMTP w Host (adres należy do Username).",
    },
    HOST_SPACE "host-space" => {
        en: "The host \"{host}\" contains a space: a host name has none, and the script connects nowhere; remove it.",
        fr: "L'hôte « {host} » contient un espace : un nom d'hôte n'en a pas, et le script ne se connecte nulle part ; supprimez-le.",
        es: "El host «{host}» contiene un espacio: un nombre de host no lleva ninguno y el script no se conecta a ningún sitio; elimínelo.",
        pl: "Host „{host}” zawiera spację: nazwa hosta jej nie ma, a skrypt nigdzie się nie połączy; usuń ją.",
    },
    HOST_TOO_LONG "host-too-long" => {
        en: "The host \"{host}\" is {octets, plural, one {# octet} other {# octets}} long, and a host name has at most 255 (RFC 1035 §2.3.4): it is no server name.",
        fr: "L'hôte « {host} » fait {octets, plural, one {# octet} many {# d'octets} other {# octets}}, et un nom d'hôte en a au plus 255 (RFC 1035 §2.3.4) : ce n'est pas un nom de serveur.",
        es: "El host «{host}» tiene {octets, plural, one {# octeto} many {# de octetos} other {# octetos}}, y un nombre de host tiene como máximo 255 (RFC 1035 §2.3.4): no es un nombre de servidor.",
        pl: "Host „{host}” ma {octets, plural, one {# oktet} few {# oktety} many {# oktetów} other {# oktetu}}, a nazwa hosta ma najwyżej 255 (RFC 1035 §2.3.4): to nie jest nazwa serwera.",
    },
    HOST_LABEL_TOO_LONG "host-label-too-long" => {
        en: "The host \"{host}\" has a part of {octets, plural, one {# octet} other {# octets}} between dots, and a label has at most 63 (RFC 1035 §2.3.4): it is no server name.",
        fr: "L'hôte « {host} » a une partie de {octets, plural, one {# octet} many {# d'octets} other {# octets}} entre deux points, et une étiquette en a au plus 63 (RFC 1035 §2.3.4) : ce n'est pas un nom de serveur.",
        es: "El host «{host}» tiene una parte de {octets, plural, one {# octeto} many {# de octetos} other {# octetos}} entre puntos, y una etiqueta tiene como máximo 63 (RFC 1035 §2.3.4): no es un nombre de servidor.",
        pl: "Host „{host}” ma część o długości {octets, plural, one {# oktetu} few {# oktetów} many {# oktetów} other {# oktetu}} między kropkami, a etykieta ma najwyżej 63 (RFC 1035 §2.3.4): to nie jest nazwa serwera.",
    },
    HOST_EMPTY_LABEL "host-empty-label" => {
        en: "The host \"{host}\" has two dots in a row or starts with a dot: it is no server name; check how it is written.",
        fr: "L'hôte « {host} » a deux points de suite ou commence par un point : ce n'est pas un nom de serveur ; vérifiez son écriture.",
        es: "El host «{host}» tiene dos puntos seguidos o empieza por un punto: no es un nombre de servidor; compruebe cómo está escrito.",
        pl: "Host „{host}” ma dwie kropki z rzędu lub zaczyna się od kropki: to nie jest nazwa serwera; sprawdź jego zapis.",
    },
    HOST_CHARACTER "host-character" => {
        en: "The host \"{host}\" contains \"{character}\", which no host name has (letters, digits, hyphens and dots only): it is no server name.",
        fr: "L'hôte « {host} » contient « {character} », qu'aucun nom d'hôte ne contient (lettres, chiffres, tirets et points seulement) : ce n'est pas un nom de serveur.",
        es: "El host «{host}» contiene «{character}», que ningún nombre de host lleva (solo letras, cifras, guiones y puntos): no es un nombre de servidor.",
        pl: "Host „{host}” zawiera „{character}”, którego nie ma żadna nazwa hosta (tylko litery, cyfry, łączniki i kropki): to nie jest nazwa serwera.",
    },
    HOST_NUMERIC_TLD "host-numeric-tld" => {
        en: "The host \"{host}\" ends in \".{tld}\", a top-level domain of digits only, which no host name has (RFC 1123 §2.1, RFC 3696 §2): it is no server name; an IP address has four numbers.",
        fr: "L'hôte « {host} » se termine par « .{tld} », un domaine de premier niveau fait de chiffres seulement, ce qu'aucun nom d'hôte n'a (RFC 1123 §2.1, RFC 3696 §2) : ce n'est pas un nom de serveur ; une adresse IP compte quatre nombres.",
        es: "El host «{host}» termina en «.{tld}», un dominio de nivel superior solo de cifras, que ningún nombre de host tiene (RFC 1123 §2.1, RFC 3696 §2): no es un nombre de servidor; una dirección IP tiene cuatro números.",
        pl: "Host „{host}” kończy się na „.{tld}”, domenę najwyższego poziomu złożoną z samych cyfr, jakiej nie ma żadna nazwa hosta (RFC 1123 §2.1, RFC 3696 §2): to nie jest nazwa serwera; adres IP ma cztery liczby.",
    },
    HOST_ONE_LETTER_TLD "host-one-letter-tld" => {
        en: "The host \"{host}\" ends in \".{tld}\", a top-level domain of one letter: none exists (country codes have two letters, the others at least three), so no mail server can be there; check the server's name.",
        fr: "L'hôte « {host} » se termine par « .{tld} », un domaine de premier niveau d'une seule lettre : il n'en existe aucun (les codes de pays ont deux lettres, les autres au moins trois), donc aucun serveur de messagerie ne peut s'y trouver ; vérifiez le nom du serveur.",
        es: "El host «{host}» termina en «.{tld}», un dominio de nivel superior de una sola letra: no existe ninguno (los códigos de país tienen dos letras, los demás al menos tres), así que ningún servidor de correo puede estar ahí; compruebe el nombre del servidor.",
        pl: "Host „{host}” kończy się na „.{tld}”, jednoliterową domenę najwyższego poziomu: takiej nie ma (kody krajów mają dwie litery, pozostałe co najmniej trzy), więc nie może tam być żaden serwer poczty; sprawdź nazwę serwera.",
    },
    HOST_RESERVED "host-reserved" => {
        en: "The host \"{host}\" is under \".{tld}\", a name reserved for tests and documentation (RFC 2606 §2, RFC 6761 §6) that resolvers do not look up on the Internet: no mail server can be there; put your SMTP server's name.",
        fr: "L'hôte « {host} » est sous « .{tld} », un nom réservé aux tests et à la documentation (RFC 2606 §2, RFC 6761 §6) que les résolveurs ne cherchent pas sur Internet : aucun serveur de messagerie ne peut s'y trouver ; indiquez le nom de votre serveur SMTP.",
        es: "El host «{host}» está bajo «.{tld}», un nombre reservado para pruebas y documentación (RFC 2606 §2, RFC 6761 §6) que los resolvedores no buscan en Internet: ningún servidor de correo puede estar ahí; ponga el nombre de su servidor SMTP.",
        pl: "Host „{host}” leży pod „.{tld}”, nazwą zarezerwowaną dla testów i dokumentacji (RFC 2606 §2, RFC 6761 §6), której resolwery nie szukają w Internecie: nie może tam być żaden serwer poczty; wpisz nazwę swojego serwera SMTP.",
    },
    NO_LOGIN "no-login" => {
        en: "The settings say the script does not log in (SMTPAuth off): the hosting's SMTP servers send only for a mailbox that logs in, and refuse the mail (530 5.7.0 Authentication required, RFC 4954 §6).",
        fr: "Les réglages indiquent que le script ne s'authentifie pas (SMTPAuth désactivé) : les serveurs SMTP de l'hébergeur n'envoient que pour une adresse e-mail authentifiée et refusent le message (530 5.7.0 Authentication required, RFC 4954 §6).",
        es: "Los ajustes indican que el script no se autentica (SMTPAuth desactivado): los servidores SMTP del proveedor solo envían para un buzón autenticado y rechazan el mensaje (530 5.7.0 Authentication required, RFC 4954 §6).",
        pl: "Ustawienia mówią, że skrypt się nie loguje (SMTPAuth wyłączone): serwery SMTP hostingu wysyłają tylko dla zalogowanej skrzynki i odrzucają wiadomość (530 5.7.0 Authentication required, RFC 4954 §6).",
    },
    FIX_NO_LOGIN "fix-no-login" => {
        en: "Set SMTPAuth = true with the mailbox address as Username and its password, as the guides' script does.",
        fr: "Mettez SMTPAuth = true avec l'adresse e-mail en Username et son mot de passe, comme le script des guides.",
        es: "Ponga SMTPAuth = true con la dirección del buzón como Username y su contraseña, como el script de las guías.",
        pl: "Ustaw SMTPAuth = true z adresem skrzynki jako Username i jej hasłem, jak w skrypcie z poradników.",
    },
    MAILBOX_PORT "mailbox-port" => {
        en: "Port {port} is the {protocol} port, for reading a mailbox, not for sending (IANA service names; RFC 8314 §3.3 gives SMTP submission 465 and 587): an SMTP script gets no SMTP greeting there and cannot send; use port 465 with ssl.",
        fr: "Le port {port} est celui de {protocol}, pour lire une boîte, pas pour envoyer (registre IANA des services ; la RFC 8314 §3.3 donne à la soumission SMTP les ports 465 et 587) : un script SMTP n'y reçoit aucun accueil SMTP et ne peut pas envoyer ; utilisez le port 465 avec ssl.",
        es: "El puerto {port} es el de {protocol}, para leer un buzón, no para enviar (registro de servicios de la IANA; el RFC 8314 §3.3 asigna al envío SMTP los puertos 465 y 587): un script SMTP no recibe ahí ningún saludo SMTP y no puede enviar; use el puerto 465 con ssl.",
        pl: "Port {port} to port {protocol}, do odczytu skrzynki, nie do wysyłania (rejestr usług IANA; RFC 8314 §3.3 daje wysyłce SMTP porty 465 i 587): skrypt SMTP nie dostaje tam powitania SMTP i nie może wysłać; użyj portu 465 z ssl.",
    },
    MAILBOX_HOST "mailbox-host" => {
        en: "The host \"{host}\" is named for {protocol}, a server for reading mail: if the script cannot connect or send, look up your provider's SMTP server name (the guides' script sets it in Host).",
        fr: "L'hôte « {host} » porte le nom de {protocol}, un serveur pour lire le courrier : si le script ne peut pas se connecter ou envoyer, cherchez le nom du serveur SMTP de votre fournisseur (le script des guides le met dans Host).",
        es: "El host «{host}» lleva el nombre de {protocol}, un servidor para leer el correo: si el script no puede conectarse o enviar, busque el nombre del servidor SMTP de su proveedor (el script de las guías lo pone en Host).",
        pl: "Host „{host}” nosi nazwę {protocol}, serwera do odczytu poczty: jeśli skrypt nie może się połączyć lub wysłać, sprawdź nazwę serwera SMTP swojego dostawcy (skrypt z przewodników ustawia ją w Host).",
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
        Evidence::Guide("seed 002 (fr) l. 206–210: the guides' script logs in: « $mail->SMTPAuth = true; … $mail->Username = \"e-mail@adress.tld\"; $mail->Password = \"YourEmailPassword\"; » (auth false against the hosting's servers: warning; RFC 4954 §6: 530 5.7.0 Authentication required)"),
        Evidence::Rfc("RFC 8314 §3.3: port 465 is implicit TLS (TLS from the connection's first byte); port 587 uses STARTTLS (RFC 6409)"),
        Evidence::Rfc("RFC 1035 §2.3.4: a name is at most 255 octets, a label at most 63"),
        Evidence::Rfc("RFC 1123 §2.1, RFC 3696 §2: a top-level domain is never all-numeric (error); a one-letter one does not exist: country codes have two letters (RFC 1591 §2), the others at least three (ICANN gTLD Applicant Guidebook 2012 §2.2.1.3.2) (warning)"),
        Evidence::Rfc("RFC 2606 §2, RFC 6761 §6.2/§6.4/§6.5: .test, .example and .invalid are reserved and not looked up on the Internet: no mail server can be there (warning)"),
        Evidence::Rfc("IANA Service Name and Transport Protocol Port Number Registry: 110 pop3, 143 imap, 993 imaps, 995 pop3s (RFC 8314 §3.2: implicit TLS for IMAP on 993 and POP on 995); an SMTP client gets no 220 greeting there (RFC 5321 §4.3.1) (warning on any server)"),
        Evidence::Ours("a host whose first label is imap, imaps, pop, pop3 or pop3s is named for reading mail: a hint (information), since the guides give no host names and some servers serve both"),
        Evidence::Ours("PHPMailer's defaults when a script sets none: Port 25, SMTPSecure \"\" (PHPMailer::$Port, ::$SMTPSecure); the guides' pairs bind only the hosting's own servers, another host's documented pair passes"),
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
        Example::passes(
            title! {
                en: "A PHP mail() call: the SMTP host in its settings is not used",
                fr: "Un appel PHP mail() : l'hôte SMTP de ses réglages n'est pas utilisé",
                es: "Una llamada PHP mail(): el host SMTP de su configuración no se usa",
                pl: "Wywołanie PHP mail(): host SMTP z jego ustawień nie jest używany",
            },
            ExampleInput::PhpMail {
                to: "owner@example.com",
                subject: "Contact form",
                message: "Hello",
                headers: "From: contact@example.com",
            },
        ).with_options(r#"{"smtp": {"host": "ssl0.ovh.net"}}"#),
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
        Example::passes(
            title! {
                en: "Port 587 with starttls on another provider's server: the guides bind only the hosting's",
                fr: "Port 587 avec starttls sur le serveur d'un autre fournisseur : les guides ne lient que ceux de l'hébergeur",
                es: "Puerto 587 con starttls en el servidor de otro proveedor: las guías solo rigen los del alojamiento",
                pl: "Port 587 ze starttls na serwerze innego dostawcy: przewodniki dotyczą tylko serwerów hostingu",
            },
            RAW,
        )
            .with_options(r#"{"smtp": {"host": "smtp.office365.com", "port": 587, "security": "starttls", "from": "me@corp.example"}}"#),
        Example::fails(
            title! {
                en: "An e-mail address given as the host",
                fr: "Une adresse e-mail donnée comme hôte",
                es: "Una dirección de correo indicada como host",
                pl: "Adres e-mail podany jako host",
            },
            RAW,
        )
            .with_options(r#"{"smtp": {"host": "contact@bakery.example", "port": 465, "security": "ssl"}}"#)
            .at(Severity::Error),
        Example::fails(
            title! {
                en: "A host under .invalid, a name reserved for tests",
                fr: "Un hôte sous .invalid, un nom réservé aux tests",
                es: "Un host bajo .invalid, un nombre reservado para pruebas",
                pl: "Host pod .invalid, nazwą zarezerwowaną dla testów",
            },
            RAW,
        )
            .with_options(r#"{"smtp": {"host": "smtp.example.invalid", "port": 465, "security": "ssl"}}"#),
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
                en: "SMTP with no port (PHPMailer's default 25 assumed, and said)",
                fr: "SMTP sans port (la valeur par défaut 25 de PHPMailer est supposée, et dite)",
                es: "SMTP sin puerto (se supone el valor por defecto 25 de PHPMailer, y se indica)",
                pl: "SMTP bez portu (przyjęto domyślny port 25 PHPMailer, z informacją o tym)",
            },
            RAW,
        )
            .with_options(r#"{"smtp": {"transport": "smtp", "host": "smtp.example.org", "security": "tls"}}"#)
            .at(Severity::Info),
    ],
    check: Check::Settings(check),
};

fn check(options: &Settings, cx: &mut Context) {
    let Some(settings) = options.smtp.as_ref() else { return };
    if transport_of(settings) != Transport::Smtp {
        return;
    }
    let evidence = describe(settings);
    let host = host_of(settings).unwrap_or("");
    // PHPMailer's `Host` entries, read once: a field of many entries was read
    // five times over, each entry's prefix searched anew (#14: 300,000 `;`).
    let entries: Vec<HostEntry> =
        if host.is_empty() { vec![HostEntry { name: "", security: None, port: None }] } else { host_entries(host).collect() };
    let names = || entries.iter().map(|e| e.name).filter(|_| !host.is_empty());
    match host_of(settings) {
        None => cx.emit(Draft::new(Msg::of(&NO_HOST)).evidence(evidence.clone())),
        Some(host) if PLACEHOLDER_HOSTS.iter().any(|p| host.trim_end_matches('.').eq_ignore_ascii_case(p)) => {
            cx.emit(Draft::new(Msg::of(&PLACEHOLDER_HOST).text("host", host)).evidence(evidence.clone()))
        }
        Some(host) => {
            if let Some(problem) = names().find_map(host_problem) {
                let msg = match problem {
                    HostProblem::Address => Msg::of(&HOST_ADDRESS),
                    HostProblem::Space => Msg::of(&HOST_SPACE),
                    HostProblem::TooLong(octets) => Msg::of(&HOST_TOO_LONG).int("octets", octets),
                    HostProblem::LabelTooLong(octets) => Msg::of(&HOST_LABEL_TOO_LONG).int("octets", octets),
                    HostProblem::EmptyLabel => Msg::of(&HOST_EMPTY_LABEL),
                    HostProblem::Character(c) => Msg::of(&HOST_CHARACTER).text("character", c.to_string()),
                    HostProblem::NumericTld(tld) => Msg::of(&HOST_NUMERIC_TLD).text("tld", quoted_host(&tld)),
                };
                let draft = Draft::new(msg.text("host", quoted_host(host))).evidence(quoted_evidence(&evidence));
                cx.emit(draft.severity(Severity::Error));
            } else if let Some(unreachable) = names().find_map(unreachable_tld) {
                let msg = match unreachable {
                    UnreachableTld::OneLetter(tld) => Msg::of(&HOST_ONE_LETTER_TLD).text("tld", tld),
                    UnreachableTld::Reserved(tld) => Msg::of(&HOST_RESERVED).text("tld", tld),
                };
                cx.emit(Draft::new(msg.text("host", quoted_host(host))).evidence(quoted_evidence(&evidence)));
            } else if let Some((name, protocol)) = names().find_map(|n| mailbox_protocol(n).map(|p| (n, p))) {
                let msg = Msg::of(&MAILBOX_HOST).text("host", quoted_host(name)).text("protocol", protocol);
                cx.emit(Draft::new(msg).evidence(quoted_evidence(&evidence)).severity(Severity::Info));
            }
        }
    }
    // PHPMailer's defaults when the script sets none: Port 25, SMTPSecure "".
    // A `Host` entry's own `:port` and `ssl://`/`tls://` prefix take their place
    // for that entry (PHPMailer::smtpConnect), so a default is assumed only for
    // an entry that has none.
    let security_given = settings.security.as_deref().is_some_and(|s| !s.trim().is_empty());
    let assumed: Vec<&str> = [
        (settings.port.is_none() && entries.iter().any(|e| e.port.is_none())).then_some("Port"),
        (!security_given && entries.iter().any(|e| e.security.is_none())).then_some("SMTPSecure"),
    ]
    .into_iter()
    .flatten()
    .collect();
    if !assumed.is_empty() {
        let msg = Msg::of(&DEFAULTS_ASSUMED).text("assumed", assumed.join(", "));
        cx.emit(Draft::new(msg).evidence(quoted_evidence(&evidence)).severity(Severity::Info));
    }
    // Quoted once, at the length a finding keeps (`Draft::evidence` shortens it
    // again, already short): each pair judged quoted it anew, and a `Host` of
    // thousands of entries, each with its own `:port`, spent 20 µs a pair on it.
    let evidence = crate::rules::shorten(&quoted_evidence(&evidence), crate::rules::MAX_EVIDENCE_CHARS);
    // The hosting's servers send for a logged-in mailbox only (seed 002 l. 205–210:
    // the guides' script sets `SMTPAuth = true`, `Username`, `Password`).
    let own = |e: &HostEntry| e.name.is_empty() || is_provider_host(e.name);
    if settings.auth == Some(false) && entries.iter().any(own) {
        cx.emit(Draft::new(Msg::of(&NO_LOGIN)).fix(Msg::of(&FIX_NO_LOGIN)).evidence(evidence.clone()));
    }
    let declared_security = security_of(settings);
    // Each entry with the pair it connects with; one judgement per pair and kind of server.
    // A set: a field of thousands of entries, each with its own `:port`, made a list's search quadratic.
    let mut judged: std::collections::HashSet<(u32, &str, bool)> = std::collections::HashSet::new();
    let mut previous: Option<(u32, &str, bool)> = None;
    for entry in &entries {
        // The rule has said all it may (`MAX_FINDINGS_PER_RULE`): what follows would be dropped.
        if cx.full() {
            break;
        }
        let port = entry.port.or(settings.port).unwrap_or(DEFAULT_PORT);
        let security = entry.security.unwrap_or(&declared_security);
        // The guides' pairs bind only the hosting's own servers (seed 002 l. 215:
        // « Si vous utilisez une adresse mail OVHcloud et uniquement dans ce cas »);
        // without a host the script is judged by them too.
        let own_server = own(entry);
        // The previous entry's pair first: entries of one pair, the usual case, hash nothing.
        if previous == Some((port, security, own_server)) || !judged.insert((port, security, own_server)) {
            continue;
        }
        previous = Some((port, security, own_server));
        let security = security.to_string();
        let shown = if entry.name.is_empty() { host } else { entry.name };
        judge_pair(options, settings, cx, (shown, own_server), port, security, &evidence);
    }
}

/// The ports the IANA registry gives the mailbox-reading protocols, with their
/// names (RFC 8314 §3.2 for 993 and 995, RFC 9051 for IMAP, RFC 1939 for POP3).
pub const MAILBOX_PORTS: &[(u32, &str)] = &[(110, "POP3"), (143, "IMAP"), (993, "IMAP (TLS)"), (995, "POP3 (TLS)")];

/// First labels that name a host for reading mail (ours).
pub const MAILBOX_HOST_LABELS: &[(&str, &str)] =
    &[("imap", "IMAP"), ("imaps", "IMAP"), ("pop", "POP3"), ("pop3", "POP3"), ("pop3s", "POP3")];

/// The protocol a host name's first label names for reading mail, if it does.
fn mailbox_protocol(name: &str) -> Option<&'static str> {
    let first = name.split('.').next()?;
    // A single label ("imap") is no host of the Internet, and says nothing.
    if !name.contains('.') {
        return None;
    }
    MAILBOX_HOST_LABELS.iter().find(|(label, _)| first.eq_ignore_ascii_case(label)).map(|(_, protocol)| *protocol)
}

/// What connecting to `host` (its name, and whether it is the hosting's own
/// server) with `port` and `security` does.
fn judge_pair(
    options: &Settings,
    settings: &crate::options::SmtpSettings,
    cx: &mut Context,
    (host, own_server): (&str, bool),
    port: u32,
    security: String,
    evidence: &str,
) {
    if port == RECOMMENDED_PORT && security == RECOMMENDED_SECURITY {
        return;
    }
    if let Some((_, protocol)) = MAILBOX_PORTS.iter().find(|(p, _)| *p == port) {
        cx.emit(Draft::new(Msg::of(&MAILBOX_PORT).digits("port", port).text("protocol", *protocol)).evidence(evidence));
        return;
    }
    let starttls = security == "tls" || security == "starttls";
    // What a pair does on any server (RFC 8314 §3.3, RFC 6409).
    let wrong = if port == IMPLICIT_TLS_PORT && starttls {
        Some(Msg::of(&IMPLICIT_TLS_STARTTLS).text("security", security.clone()))
    } else if port == IMPLICIT_TLS_PORT && security == "none" {
        Some(Msg::of(&IMPLICIT_TLS_NONE))
    } else if STARTTLS_PORTS.contains(&port) && security == RECOMMENDED_SECURITY {
        Some(Msg::of(&STARTTLS_PORT_SSL).digits("port", port))
    } else if security == "none" && !LOCAL_HOSTS.contains(&host.trim_end_matches('.').to_ascii_lowercase().as_str()) {
        Some(Msg::of(&CLEAR_TEXT).digits("port", port))
    } else {
        None
    };
    if let Some(msg) = wrong {
        cx.emit(Draft::new(msg).evidence(evidence));
        return;
    }
    if !own_server {
        if security == "none" || (STARTTLS_PORTS.contains(&port) && starttls) {
            return;
        }
        let msg = Msg::of(&OTHER_HOST_PAIR).text("host", quoted_host(host)).digits("port", port).text("security", security);
        cx.emit(Draft::new(msg).evidence(evidence).severity(Severity::Info));
        return;
    }
    if port == PROVIDER_ONLY_PORT && starttls {
        // Seed 002 l. 215 conditions the pair on the sending address.
        let from = settings.from.as_deref().unwrap_or("");
        if let Some(domain) = other_provider_domain(options, from) {
            let msg = Msg::of(&OTHER_PROVIDER_ADDRESS).digits("port", port).text("security", security);
            cx.emit(Draft::new(msg.text("from", from.trim()).text("domain", domain)).evidence(evidence));
        } else {
            let msg = Msg::of(&PROVIDER_PAIR).digits("port", port).text("security", security);
            cx.emit(Draft::new(msg).evidence(evidence).severity(Severity::Info));
        }
        return;
    }
    cx.emit(Draft::new(Msg::of(&NOT_RECOMMENDED).digits("port", port).text("security", security)).evidence(evidence));
}
