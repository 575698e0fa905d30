//! `attachment/html-smuggling`: an attached web page that carries a file as a
//! long base64 string and rebuilds it in the browser with a download call
//! (MITRE ATT&CK T1027.006; Microsoft Threat Intelligence, "HTML smuggling
//! surges", 2021): the file reaches the reader without crossing the mail filter
//! as an attachment. The carried file is decoded and inspected like any other
//! (`page.html > [base64]`), so a program inside is also an
//! `attachment/executable` finding. Found by `inspect::smuggling`.

use crate::generated;
use crate::i18n::Msg;
use crate::inspect::FactKind;
use crate::model::Message;
use crate::report::Severity;
use crate::rules::{Check, Context, Draft, Example, Group, Rule};
use crate::settings::Evidence;
use crate::title;

crate::rule_texts! { "attachment/html-smuggling";
    summary => {
        en: "An attached web page carries a file and a script that rebuilds it for download (HTML smuggling).",
        fr: "Une page web jointe transporte un fichier et un script qui le reconstitue pour le télécharger (« HTML smuggling »).",
        es: "Una página web adjunta lleva un archivo y un script que lo reconstruye para descargarlo («HTML smuggling»).",
        pl: "Załączona strona WWW zawiera plik i skrypt, który odtwarza go do pobrania („HTML smuggling”).",
    },
    why => {
        en: "A page that holds a file as a long base64 string and calls the browser's download functions delivers that file when it is opened, without the file ever crossing the mail filter as an attachment. Malware campaigns use it to slip programs and archives past filters; receivers treat such pages as an attack.",
        fr: "Une page qui contient un fichier sous forme d'une longue chaîne base64 et appelle les fonctions de téléchargement du navigateur livre ce fichier à l'ouverture, sans que le fichier passe jamais le filtre de messagerie en tant que pièce jointe. Des campagnes de logiciels malveillants s'en servent pour faire passer programmes et archives ; les destinataires traitent ces pages comme une attaque.",
        es: "Una página que contiene un archivo como una larga cadena base64 y llama a las funciones de descarga del navegador entrega ese archivo al abrirse, sin que el archivo pase nunca por el filtro de correo como adjunto. Las campañas de malware lo usan para colar programas y archivos comprimidos; los receptores tratan estas páginas como un ataque.",
        pl: "Strona, która zawiera plik jako długi ciąg base64 i wywołuje funkcje pobierania przeglądarki, dostarcza ten plik po otwarciu, a plik nigdy nie przechodzi przez filtr pocztowy jako załącznik. Kampanie złośliwego oprogramowania używają tego do przemycania programów i archiwów; odbiorcy traktują takie strony jak atak.",
    },
    fix => {
        en: "Attach the file itself (not a page that builds it), or send a link to it on your site.",
        fr: "Joignez le fichier lui-même (et non une page qui le fabrique), ou envoyez un lien vers celui-ci sur votre site.",
        es: "Adjunte el propio archivo (no una página que lo genere) o envíe un enlace a él en su sitio.",
        pl: "Dołącz sam plik (a nie stronę, która go tworzy) albo wyślij link do niego na swojej stronie.",
    },
    FOUND "found" => {
        en: "{path} carries about {size, plural, one {# byte} other {# bytes}} as base64 and rebuilds that data as a download in the browser ({signals}).",
        fr: "{path} transporte environ {size, plural, one {# octet} many {# d'octets} other {# octets}} en base64 et reconstitue ces données en téléchargement dans le navigateur ({signals}).",
        es: "{path} lleva alrededor de {size, plural, one {# byte} many {# de bytes} other {# bytes}} en base64 y reconstruye esos datos como descarga en el navegador ({signals}).",
        pl: "{path} zawiera około {size, plural, one {# bajtu} few {# bajtów} many {# bajtów} other {# bajtu}} w base64 i odtwarza te dane w przeglądarce jako plik do pobrania ({signals}).",
    },
}

pub const RULE: Rule = Rule {
    id: ID,
    group: Group::Attachment,
    severity: Severity::Warning,
    evidence: &[
        Evidence::Ours("MITRE ATT&CK T1027.006 (Obfuscated Files or Information: HTML Smuggling): a file carried in a page as base64 and rebuilt by a script or a data: URL reaches the reader without crossing the mail filter"),
        Evidence::Receiver("Microsoft Threat Intelligence, \"HTML smuggling surges: highly evasive loader technique increasingly used in banking malware, targeted attacks\" (November 2021): the technique delivers malware past mail filters"),
        Evidence::Receiver("rspamd mime_types.lua: htm, html, shtm and shtml are bad extensions (MIME_BAD_EXTENSION, 2 points): \"dedicated HTML attachments are considered harmful\""),
    ],
    score: crate::rules::scores::NONE,
    texts: &TEXTS,
    thresholds: &[],
    examples: &[
        Example::fails(
            title! {
                en: "A page that rebuilds a ZIP from base64 and downloads it",
                fr: "Une page qui reconstitue un ZIP à partir de base64 et le télécharge",
                es: "Una página que reconstruye un ZIP a partir de base64 y lo descarga",
                pl: "Strona, która odtwarza ZIP z base64 i go pobiera",
            },
            generated!(inputs::smuggled_zip),
        ),
        Example::fails(
            title! {
                en: "A page whose link downloads a long data: URL, without a script",
                fr: "Une page dont le lien télécharge une longue URL data:, sans script",
                es: "Una página cuyo enlace descarga una URL data: larga, sin script",
                pl: "Strona, której link pobiera długi adres URL data:, bez skryptu",
            },
            generated!(inputs::data_url_download),
        ),
        Example::passes(
            title! {
                en: "A saved web page with an inline picture",
                fr: "Une page web enregistrée avec une image intégrée",
                es: "Una página web guardada con una imagen incrustada",
                pl: "Zapisana strona WWW z osadzonym obrazem",
            },
            generated!(inputs::inline_picture),
        ),
        Example::passes(
            title! {
                en: "A page with a download link and no carried file",
                fr: "Une page avec un lien de téléchargement et sans fichier transporté",
                es: "Una página con un enlace de descarga y sin archivo incluido",
                pl: "Strona z linkiem do pobrania, bez przenoszonego pliku",
            },
            generated!(inputs::download_link),
        ),
    ],
    check: Check::Attachments(check),
};

fn check(message: &Message, cx: &mut Context) {
    for (attachment, fact) in
        super::facts_where(&message.attachment_facts, |k| matches!(k, FactKind::HtmlSmuggling { .. }))
    {
        let FactKind::HtmlSmuggling { blob_bytes, signals } = &fact.kind else { continue };
        // The signals are the calls and attributes found (`atob(`, `createObjectURL`): code, not prose.
        let signals = signals.iter().map(|s| s.trim()).collect::<Vec<_>>().join(", ");
        let msg =
            Msg::of(&FOUND).text("path", fact.path.clone()).int("size", *blob_bytes).text("signals", signals.clone());
        let evidence = format!("{} ({signals})", fact.path);
        cx.emit(Draft::new(msg).evidence(evidence).at(super::location(message, attachment, fact)));
    }
}

/// The example inputs. The wasm build, which never runs examples, leaves them
/// and the sample files they build out (`generated!`).
#[cfg(not(target_arch = "wasm32"))]
mod inputs {
    use crate::rules::attachments::samples::{self, ZipEntry};

    pub(super) fn smuggled_zip() -> Vec<u8> {
        let text = "Quarterly figures. ".repeat(400);
        let payload = samples::zip(&[ZipEntry::deflated("figures.txt", text.as_bytes())]);
        samples::message_with("statement.html", "text/html", &samples::smuggling_page(&payload, "statement.zip"))
    }
    pub(super) fn data_url_download() -> Vec<u8> {
        let payload = samples::base64(&"%PDF-1.4 statement ".repeat(400).into_bytes());
        let page = format!(
            "<html><body><a download=\"statement.pdf\" href=\"data:application/octet-stream;base64,{payload}\">Open</a></body></html>"
        );
        samples::message_with("statement.htm", "text/html", page.as_bytes())
    }
    pub(super) fn inline_picture() -> Vec<u8> {
        samples::message_with("order.html", "text/html", &samples::page_with_inline_picture())
    }
    pub(super) fn download_link() -> Vec<u8> {
        let page = "<html><body><a href=\"https://shop.example/invoice.pdf\" download>Invoice</a></body></html>";
        samples::message_with("order.html", "text/html", page.as_bytes())
    }
}
