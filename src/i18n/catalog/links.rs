//! Messages of the `links/*` rules. The fr/es/pl wording follows the hosting
//! guides' own list of "usages to avoid" where it can.

crate::catalog! {
    // ── links/broken ────────────────────────────────────────────────────
    "links/broken.summary" => {
        en: "A link cannot be followed from a mail client.",
        fr: "Un lien ne peut pas être suivi depuis un logiciel de messagerie.",
        es: "Un enlace no se puede seguir desde un cliente de correo.",
        pl: "Linku nie da się otworzyć z programu pocztowego.",
    },
    "links/broken.why" => {
        en: "The hosting guides list \"the link or links in the e-mail are incorrect\" among the things that make an e-mail look like spam. In a mail there is no site to resolve a relative link against, scripts in links are blocked, and a bad address leads nowhere.",
        fr: "Les guides de l'hébergeur citent « le ou les liens présents dans l'e-mail sont incorrects » parmi les usages à éviter. Dans un e-mail, aucun site ne permet de résoudre un lien relatif, les scripts dans les liens sont bloqués et une adresse erronée ne mène nulle part.",
        es: "Las guías del alojamiento citan «los enlaces del mensaje son incorrectos» entre los usos que se deben evitar. En un correo no hay sitio contra el que resolver un enlace relativo, los scripts en enlaces se bloquean y una dirección errónea no lleva a ninguna parte.",
        pl: "Przewodniki hostingu wymieniają „link lub linki w e-mailu są nieprawidłowe” wśród sposobów, których należy unikać. W wiadomości nie ma strony, względem której można rozwiązać link względny, skrypty w linkach są blokowane, a błędny adres prowadzi donikąd.",
    },
    "links/broken.empty" => {
        en: "The link \"{text}\" has an empty address.",
        fr: "Le lien « {text} » a une adresse vide.",
        es: "El enlace «{text}» tiene una dirección vacía.",
        pl: "Link „{text}” ma pusty adres.",
    },
    "links/broken.anchor-only" => {
        en: "The link \"{text}\" points to \"#\", which goes nowhere.",
        fr: "Le lien « {text} » pointe vers « # », qui ne mène nulle part.",
        es: "El enlace «{text}» apunta a «#», que no lleva a ninguna parte.",
        pl: "Link „{text}” wskazuje na „#”, który nigdzie nie prowadzi.",
    },
    "links/broken.relative" => {
        en: "The link \"{text}\" has the relative address {href}, which is always broken in a mail.",
        fr: "Le lien « {text} » a l'adresse relative {href}, toujours cassée dans un e-mail.",
        es: "El enlace «{text}» tiene la dirección relativa {href}, que siempre falla en un correo.",
        pl: "Link „{text}” ma adres względny {href}, który w wiadomości zawsze jest niedziałający.",
    },
    "links/broken.blocked-scheme" => {
        en: "The link \"{text}\" uses {scheme}:, which mail clients block.",
        fr: "Le lien « {text} » utilise {scheme}:, que les logiciels de messagerie bloquent.",
        es: "El enlace «{text}» usa {scheme}:, que los clientes de correo bloquean.",
        pl: "Link „{text}” używa schematu {scheme}:, który programy pocztowe blokują.",
    },
    "links/broken.unknown-scheme" => {
        en: "The link \"{text}\" uses the unknown scheme {scheme}: ({href}).",
        fr: "Le lien « {text} » utilise le schéma inconnu {scheme}: ({href}).",
        es: "El enlace «{text}» usa el esquema desconocido {scheme}: ({href}).",
        pl: "Link „{text}” używa nieznanego schematu {scheme}: ({href}).",
    },
    "links/broken.unparsable" => {
        en: "The address {href} of the link \"{text}\" is not a valid URL.",
        fr: "L'adresse {href} du lien « {text} » n'est pas une URL valide.",
        es: "La dirección {href} del enlace «{text}» no es una URL válida.",
        pl: "Adres {href} linku „{text}” nie jest prawidłowym adresem URL.",
    },
    "links/broken.bad-host" => {
        en: "The address {href} of the link \"{text}\" has no valid public host name.",
        fr: "L'adresse {href} du lien « {text} » n'a pas de nom d'hôte public valide.",
        es: "La dirección {href} del enlace «{text}» no tiene un nombre de host público válido.",
        pl: "Adres {href} linku „{text}” nie ma prawidłowej publicznej nazwy hosta.",
    },
    "links/broken.bad-mailto" => {
        en: "The mail link \"{text}\" ({href}) has no valid address.",
        fr: "Le lien de courriel « {text} » ({href}) n'a pas d'adresse valide.",
        es: "El enlace de correo «{text}» ({href}) no tiene una dirección válida.",
        pl: "Link pocztowy „{text}” ({href}) nie zawiera prawidłowego adresu.",
    },
    "links/broken.fix" => {
        en: "Use complete addresses such as https://www.example.com/page, check that template variables are filled, and remove javascript: links.",
        fr: "Utilisez des adresses complètes comme https://www.example.com/page, vérifiez que les variables du modèle sont remplies et supprimez les liens javascript:.",
        es: "Use direcciones completas como https://www.example.com/page, compruebe que las variables de la plantilla están rellenas y elimine los enlaces javascript:.",
        pl: "Używaj pełnych adresów, takich jak https://www.example.com/page, sprawdź, czy zmienne szablonu są wypełnione, i usuń linki javascript:.",
    },
    // ── links/insecure ──────────────────────────────────────────────────
    "links/insecure.summary" => {
        en: "A link says https:// but goes to http://.",
        fr: "Un lien annonce https:// mais mène à http://.",
        es: "Un enlace muestra https:// pero lleva a http://.",
        pl: "Link pokazuje https://, ale prowadzi do http://.",
    },
    "links/insecure.why" => {
        en: "The hosting guides list \"a URL in the e-mail is not secure (example: declared as https:// while the URL only exists as http://)\" among the things that make an e-mail look like spam. Plain http:// links are also reported, as information.",
        fr: "Les guides de l'hébergeur citent « une URL dans l'e-mail est non sécurisée (exemple : déclarée en https:// alors que l'URL n'existe qu'en http://) » parmi les usages à éviter. Les liens en simple http:// sont aussi signalés, pour information.",
        es: "Las guías del alojamiento citan «una URL en el correo no es segura (por ejemplo: declarada en https:// mientras que la URL solo existe en http://)» entre los usos que se deben evitar. Los enlaces en http:// simple también se indican, a título informativo.",
        pl: "Przewodniki hostingu wymieniają „adres URL w e-mailu jest niezabezpieczony (na przykład: podany jako https://, gdy adres istnieje tylko jako http://)” wśród sposobów, których należy unikać. Zwykłe linki http:// są też zgłaszane informacyjnie.",
    },
    "links/insecure.declared-https" => {
        en: "The link shows \"{shown}\" but goes to {href}, which is not secure.",
        fr: "Le lien affiche « {shown} » mais mène à {href}, qui n'est pas sécurisé.",
        es: "El enlace muestra «{shown}» pero lleva a {href}, que no es seguro.",
        pl: "Link pokazuje „{shown}”, ale prowadzi do {href}, który nie jest zabezpieczony.",
    },
    "links/insecure.plain-http" => {
        en: "{count} links use plain http://, for example {href}.",
        fr: "{count} liens utilisent le simple http://, par exemple {href}.",
        es: "{count} enlaces usan http:// simple, por ejemplo {href}.",
        pl: "{count} linków używa zwykłego http://, na przykład {href}.",
    },
    "links/insecure.fix" => {
        en: "Make the link go to the https:// address it shows, after checking that the page exists in https.",
        fr: "Faites pointer le lien vers l'adresse https:// qu'il affiche, après avoir vérifié que la page existe en https.",
        es: "Haga que el enlace apunte a la dirección https:// que muestra, tras comprobar que la página existe en https.",
        pl: "Ustaw link na adres https://, który wyświetla, po sprawdzeniu, że strona działa przez https.",
    },
    "links/insecure.fix-plain" => {
        en: "Nothing blocks the message; if your site has a certificate, link to its https:// pages.",
        fr: "Rien ne bloque le message ; si votre site a un certificat, faites pointer les liens vers ses pages en https://.",
        es: "Nada bloquea el mensaje; si su sitio tiene certificado, enlace a sus páginas en https://.",
        pl: "Nic nie blokuje wiadomości; jeśli Twoja strona ma certyfikat, linkuj do jej stron https://.",
    },
    // ── links/mismatch ──────────────────────────────────────────────────
    "links/mismatch.summary" => {
        en: "A link shows one domain and goes to another.",
        fr: "Un lien affiche un domaine et mène à un autre.",
        es: "Un enlace muestra un dominio y lleva a otro.",
        pl: "Link pokazuje jedną domenę, a prowadzi do innej.",
    },
    "links/mismatch.why" => {
        en: "A link whose text shows a different domain than its real address is the shape of a phishing link, and spam filters score it as one. Tracking redirects produce it too.",
        fr: "Un lien dont le texte montre un autre domaine que son adresse réelle a la forme d'un lien d'hameçonnage, et les filtres anti-spam le traitent comme tel. Les redirections de suivi le produisent aussi.",
        es: "Un enlace cuyo texto muestra un dominio distinto de su dirección real tiene la forma de un enlace de phishing, y los filtros antispam lo puntúan como tal. Las redirecciones de seguimiento también lo producen.",
        pl: "Link, którego tekst pokazuje inną domenę niż jego prawdziwy adres, wygląda jak link phishingowy i filtry antyspamowe tak go oceniają. Powodują to też przekierowania śledzące.",
    },
    "links/mismatch.other-domain" => {
        en: "The link shows {shown} but goes to {target}.",
        fr: "Le lien affiche {shown} mais mène à {target}.",
        es: "El enlace muestra {shown} pero lleva a {target}.",
        pl: "Link pokazuje {shown}, ale prowadzi do {target}.",
    },
    "links/mismatch.fix" => {
        en: "Make the link text and the address name the same site, or use a plain text such as \"Open my account\" instead of an address.",
        fr: "Faites en sorte que le texte du lien et l'adresse désignent le même site, ou utilisez un texte simple comme « Ouvrir mon compte » au lieu d'une adresse.",
        es: "Haga que el texto del enlace y la dirección indiquen el mismo sitio, o use un texto simple como «Abrir mi cuenta» en lugar de una dirección.",
        pl: "Niech tekst linku i adres wskazują tę samą stronę albo użyj zwykłego tekstu, np. „Otwórz moje konto”, zamiast adresu.",
    },
}
