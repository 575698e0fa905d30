//! `spam/empty-body`: the guides list "no subject / text filled in the e-mail"
//! among the things that get a mail flagged as spam. For HTML, the text that
//! counts is what a reader sees once the HTML is rendered.

use super::{body_source, main_body_part, part_location};
use crate::i18n::Msg;
use crate::text::unicode;
use crate::model::{Body, Message};
use crate::report::{Location, Severity};
use crate::rules::{Check, Context, Draft, Example, ExampleInput, Group, Rule};
use crate::settings::Evidence;
use crate::title;

crate::rule_texts! { "spam/empty-body";
    summary => {
        en: "The message has no text a reader can see.",
        fr: "Le message ne contient aucun texte visible pour le lecteur.",
        es: "El mensaje no contiene ningún texto visible para el lector.",
        pl: "Wiadomość nie zawiera tekstu widocznego dla czytelnika.",
    },
    why => {
        en: "The hosting guides list \"no subject/text filled in the e-mail\" among the things that make an e-mail look like spam. For HTML, what counts is the text shown once the HTML is rendered: markup, comments and hidden text do not count.",
        fr: "Les guides de l'hébergeur citent « pas de sujet/texte renseigné dans l'e-mail » parmi les usages à éviter. Pour le HTML, seul compte le texte affiché une fois le HTML rendu : balises, commentaires et texte masqué ne comptent pas.",
        es: "Las guías del alojamiento citan «no hay asunto/texto que se indique en el mensaje» entre los usos que se deben evitar. En HTML solo cuenta el texto que se muestra una vez representado: etiquetas, comentarios y texto oculto no cuentan.",
        pl: "Przewodniki hostingu wymieniają „brak tematu/tekstu wpisanego w e-mailu” wśród sposobów, których należy unikać. W HTML liczy się tylko tekst wyświetlony po wyrenderowaniu: znaczniki, komentarze i ukryty tekst się nie liczą.",
    },
    fix => {
        en: "Check that the script fills the message text (a template variable may be empty) and write a few sentences that say why you are writing.",
        fr: "Vérifiez que le script remplit bien le texte du message (une variable du modèle est peut-être vide) et écrivez quelques phrases qui expliquent l'objet de l'e-mail.",
        es: "Compruebe que el script rellena el texto del mensaje (una variable de la plantilla puede estar vacía) y escriba algunas frases que expliquen el motivo del correo.",
        pl: "Sprawdź, czy skrypt wypełnia treść wiadomości (zmienna szablonu może być pusta), i napisz kilka zdań wyjaśniających, o co chodzi.",
    },
    NO_TEXT "no-text" => {
        en: "The message body is empty or only white space.",
        fr: "Le corps du message est vide ou ne contient que des blancs.",
        es: "El cuerpo del mensaje está vacío o solo contiene espacios en blanco.",
        pl: "Treść wiadomości jest pusta lub zawiera same białe znaki.",
    },
    NO_VISIBLE_TEXT "no-visible-text" => {
        en: "Once the HTML is rendered, the message shows no text at all.",
        fr: "Une fois le HTML rendu, le message n'affiche aucun texte.",
        es: "Una vez representado el HTML, el mensaje no muestra ningún texto.",
        pl: "Po wyrenderowaniu HTML wiadomość nie wyświetla żadnego tekstu.",
    },
    BESIDE_A_FILE "beside-a-file" => {
        en: "The message has no text of its own beside its attached file ({file}); filters do not count an empty body against a message that carries a file (SpamAssassin's EMPTY_MESSAGE), but a sentence saying what the file is helps the reader.",
        fr: "Le message n'a pas de texte en dehors de son fichier joint ({file}) ; les filtres ne comptent pas un corps vide contre un message qui porte un fichier (EMPTY_MESSAGE de SpamAssassin), mais une phrase qui dit ce qu'est le fichier aide le lecteur.",
        es: "El mensaje no tiene texto propio aparte de su archivo adjunto ({file}); los filtros no cuentan un cuerpo vacío en contra de un mensaje que lleva un archivo (EMPTY_MESSAGE de SpamAssassin), pero una frase que diga qué es el archivo ayuda al lector.",
        pl: "Wiadomość nie ma własnego tekstu poza załączonym plikiem ({file}); filtry nie liczą pustej treści przeciw wiadomości, która niesie plik (EMPTY_MESSAGE w SpamAssassin), ale zdanie o tym, czym jest plik, pomaga czytelnikowi.",
    },
    // The evidence of a body that is empty, in the reader's language.
    EVIDENCE_NO_TEXT "evidence.no-text" => {
        en: "(no text)",
        fr: "(aucun texte)",
        es: "(ningún texto)",
        pl: "(brak tekstu)",
    },
}

pub const RULE: Rule = Rule {
    id: ID,
    group: Group::Spam,
    severity: Severity::Warning,
    evidence: &[
        Evidence::Guide("seed 002 (fr) l. 169: « Pas de sujet/texte renseigné dans l'e-mail »"),
    ],
    score: crate::rules::scores::EMPTY_BODY,
    texts: &TEXTS,
    thresholds: &[],
    examples: &[
        Example::fails(
            title! {
                en: "A body of blank lines",
                fr: "Un corps fait de lignes vides",
                es: "Un cuerpo hecho de líneas en blanco",
                pl: "Treść złożona z pustych wierszy",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Contact form\n\n   \n\n\n"),
        ),
        Example::fails(
            title! {
                en: "HTML whose only content is markup and a comment",
                fr: "Du HTML fait uniquement de balises et d'un commentaire",
                es: "HTML cuyo único contenido son etiquetas y un comentario",
                pl: "HTML zawierający tylko znaczniki i komentarz",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Contact form\nContent-Type: text/html\n\n<html><body><div><!-- message --></div>&#8203;</body></html>\n"),
        ),
        Example::fails(
            title! {
                en: "HTML whose only text is hidden",
                fr: "Du HTML dont le seul texte est masqué",
                es: "HTML cuyo único texto está oculto",
                pl: "HTML, którego jedyny tekst jest ukryty",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Contact form\nContent-Type: text/html\n\n<p style=\"display:none\">Hello</p>\n"),
        ),
        Example::fails(
            title! {
                en: "Text of characters that draw nothing (Hangul fillers, bidi marks, a variation selector)",
                fr: "Un texte de caractères qui ne dessinent rien (remplissages hangûl, marques bidi, sélecteur de variante)",
                es: "Un texto de caracteres que no dibujan nada (rellenos hangul, marcas bidi, un selector de variante)",
                pl: "Tekst ze znaków, które nic nie rysują (wypełniacze hangul, znaczniki bidi, selektor wariantu)",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Contact form\nContent-Type: text/html; charset=utf-8\n\n<p>\u{3164}\u{200e}\u{3164}\u{fe0f}\u{115f}</p>\n"),
        ),
        Example::fails(
            title! {
                en: "Compose fields with neither text nor html",
                fr: "Des champs de formulaire sans text ni html",
                es: "Campos de formulario sin text ni html",
                pl: "Pola formularza bez text i bez html",
            },
            ExampleInput::Compose(r#"{"from": "a@example.com", "to": "b@example.com", "subject": "Contact form"}"#),
        ),
        Example::passes(
            title! {
                en: "A forwarded message whose own text is in the attached message",
                fr: "Un message transféré dont le texte est dans le message joint",
                es: "Un mensaje reenviado cuyo texto está en el mensaje adjunto",
                pl: "Przekazana wiadomość, której tekst jest w załączonej wiadomości",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Fwd: order\nMIME-Version: 1.0\nContent-Type: message/rfc822\n\nFrom: c@example.com\nSubject: order\n\nThe order text.\n"),
        ),
        Example::passes(
            title! {
                en: "A PGP/MIME encrypted message: its text is in the ciphertext",
                fr: "Un message chiffré PGP/MIME : son texte est dans le chiffré",
                es: "Un mensaje cifrado PGP/MIME: su texto está en el cifrado",
                pl: "Wiadomość zaszyfrowana PGP/MIME: jej tekst jest w szyfrogramie",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: ...\nMIME-Version: 1.0\nContent-Type: multipart/encrypted; protocol=\"application/pgp-encrypted\"; boundary=b\n\n--b\nContent-Type: application/pgp-encrypted\n\nVersion: 1\n\n--b\nContent-Type: application/octet-stream; name=\"encrypted.asc\"\n\n-----BEGIN PGP MESSAGE-----\n\nhQEMA5x3c2VjcmV0AQf/\n-----END PGP MESSAGE-----\n\n--b--\n"),
        ),
        Example::passes(
            title! {
                en: "An S/MIME encrypted message",
                fr: "Un message chiffré S/MIME",
                es: "Un mensaje cifrado S/MIME",
                pl: "Wiadomość zaszyfrowana S/MIME",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Contract\nMIME-Version: 1.0\nContent-Type: application/pkcs7-mime; smime-type=enveloped-data; name=smime.p7m\nContent-Transfer-Encoding: base64\nContent-Disposition: attachment; filename=smime.p7m\n\nMIAGCSqGSIb3DQEHA6CAMIACAQAxggFAMIIBPAIBADAkMBAxDjAMBgNVBAMTBWNhcmwC\n"),
        ),
        Example::fails(
            title! {
                en: "A file sent with an empty text, as mail clients send one (information only)",
                fr: "Un fichier envoyé avec un texte vide, comme l'envoient les clients de messagerie (information seulement)",
                es: "Un archivo enviado con un texto vacío, como lo envían los clientes de correo (solo información)",
                pl: "Plik wysłany z pustym tekstem, tak jak wysyłają go programy pocztowe (tylko informacja)",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Invoice 2024-118\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: text/plain\n\n\n--b\nContent-Type: application/pdf; name=\"invoice.pdf\"\nContent-Disposition: attachment; filename=\"invoice.pdf\"\nContent-Transfer-Encoding: base64\n\nJVBERi0xLjQK\n--b--\n"),
        )
        .at(Severity::Info),
        Example::passes(
            title! { en: "A short text", fr: "Un texte court", es: "Un texto corto", pl: "Krótki tekst" },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Contact form\n\nOk.\n"),
        ),
        Example::passes(
            title! {
                en: "HTML with visible text",
                fr: "Du HTML avec du texte visible",
                es: "HTML con texto visible",
                pl: "HTML z widocznym tekstem",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Contact form\nContent-Type: text/html\n\n<table><tr><td>Thank you</td></tr></table>\n"),
        ),
    ],
    check: Check::Message(check),
};

fn has_text(text: &str) -> bool {
    text.chars().any(|c| !unicode::is_blank(c))
}

/// Text a reader sees although mail-parser does not list it as a body: a text
/// part of an attached (forwarded) message, a `text/x-…` part, a `Content-Type:
/// text` without subtype (RFC 2045 §5.2 reads it as text/plain). Attachments
/// by disposition do not count.
fn other_readable_text(message: &Message) -> bool {
    message.parts.iter().any(|part| {
        part.disposition.as_deref() != Some("attachment")
            && match &part.body {
                Body::Text(text) => has_text(text),
                // HTML outside the bodies (inside an attached message) is not
                // analysed; any content counts, so it never makes a false alarm.
                Body::Html(html) => !part.is_body && has_text(html),
                _ => false,
            }
    })
}

/// Text that the MIME structure hides from the parser but not from the
/// message: a multipart without a boundary, or whose boundary no line uses,
/// has no parts, yet its body holds the text the sender wrote (clients show
/// it raw, filters read its lines). The body is not empty;
/// `headers/multipart-boundary` reports the structure. Lines that are
/// delimiters (`--…`) or MIME fields (`Content-…:`, `MIME-Version:`) are no text.
/// One pass over the body's bytes, nothing copied.
fn text_behind_structure(message: &Message) -> bool {
    message.parts.iter().any(|part| {
        let unparsed_multipart = part.content_type.starts_with("multipart/") && part.children.is_empty();
        let Some(body) = part.body_range.clone().filter(|_| unparsed_multipart).and_then(|r| message.raw.get(r)) else {
            return false;
        };
        body.split(|&b| b == b'\n').any(|line| {
            let line = line.trim_ascii();
            let field = |name: &[u8]| line.len() >= name.len() && line[..name.len()].eq_ignore_ascii_case(name);
            !line.is_empty() && !line.starts_with(b"--") && !field(b"content-") && !field(b"mime-version:")
        })
    })
}

/// The name of a file the sender attached, when the message carries one: a
/// part with `Content-Disposition: attachment` (SpamAssassin's
/// `mime_attachment`, MIMEEval.pm, which keeps EMPTY_MESSAGE from firing:
/// 20_meta_tests.cf `!__MIME_ATTACHMENT && !__NONEMPTY_BODY`), or a named part
/// that is a file rather than text, an image, a message or a multipart (Outlook
/// Express sends a lone file as the message's only part, with no disposition).
/// An image without that disposition is not taken: a picture in place of text
/// is the guides' image-only shape (`spam/image-only`), and so is an HTML body
/// that draws pictures in place of words (rspamd's R_EMPTY_IMAGE, html.lua:
/// text parts with images and no text): beside a file, such a body stays a
/// warning. Parts of an attached message are that message's, not the sender's.
/// Nor is a web page (`.html`, `.svg`, `text/html`…) a file that excuses the
/// empty body: a page attached with no word beside it is the shape of HTML
/// attachment phishing and HTML smuggling (MITRE ATT&CK T1027.006; SpamAssassin
/// 4's ScriptInfo plugin reads the scripts of HTML attachments for it), whose
/// page may show no password field or redirect (`attachment/active-page`) nor
/// a blob long enough to be a carried file; beside a page the body stays a warning,
/// as it was before an empty body beside a file was information.
/// `None` when there is no file.
fn attached_file<'m>(message: &'m Message) -> Option<&'m str> {
    let draws_pictures = message.html.iter().any(|body| body.facts.images.iter().any(|image| image.honest.is_none() && !image.hidden));
    if draws_pictures {
        return None;
    }
    message.parts.iter().filter(|part| !part.in_attached_message && !part.is_body).find_map(|part| {
        let t = part.content_type.as_str();
        if crate::inspect::is_page_by_name_or_type(part.filename.as_deref(), t) {
            return None;
        }
        let named_file = part.filename.is_some()
            && !["text/", "image/", "multipart/", "message/"].iter().any(|kind| t.starts_with(kind));
        (part.disposition.as_deref() == Some("attachment") || named_file).then(|| part.filename.as_deref().unwrap_or(t))
    })
}

/// An encrypted message (PGP/MIME, RFC 3156 `multipart/encrypted`; S/MIME,
/// RFC 8551 `application/pkcs7-mime`): its text is inside the ciphertext, by
/// design. SpamAssassin exempts the same (72_active.cf: `__CT_ENCRYPTED`,
/// `multipart/(x-)?(pgp-)?encrypted|application/(x-)?pkcs7-mime`, in
/// MIME_NO_TEXT; `!__SMIME_MESSAGE` in __EMPTY_BODY).
fn encrypted(message: &Message) -> bool {
    message.parts.iter().any(|part| {
        let t = part.content_type.as_str();
        let multipart = t.strip_prefix("multipart/").map(|s| s.strip_prefix("x-").unwrap_or(s));
        let multipart = multipart.map(|s| s.strip_prefix("pgp-").unwrap_or(s));
        let application = t.strip_prefix("application/").map(|s| s.strip_prefix("x-").unwrap_or(s));
        multipart == Some("encrypted") || application == Some("pkcs7-mime")
    })
}

fn check(message: &Message, cx: &mut Context) {
    if has_text(message.visible_text()) || other_readable_text(message) || encrypted(message) || text_behind_structure(message) {
        return;
    }
    // The body the reader should see: the main body part, else the message's own body.
    let location = match main_body_part(message) {
        Some(part) => part_location(message, part),
        None if message.parts.first().is_some_and(|p| p.body_range.is_some()) => part_location(message, 0),
        None => Location::range(message.header.end, message.raw.len()),
    };
    let source = body_source(message);
    // A file with no words beside it is how clients send a document ("here it
    // is" left unsaid): said, not counted as a spam factor (`attached_file`).
    let draft = match attached_file(message) {
        Some(file) => Draft::new(Msg::of(&BESIDE_A_FILE).text("file", file)).severity(Severity::Info),
        None if message.html.is_empty() => Draft::new(Msg::of(&NO_TEXT)),
        None => Draft::new(Msg::of(&NO_VISIBLE_TEXT)),
    }
    .at(location);
    // Quoted as it is (`evidence` shortens it): no copy of a body that may be megabytes.
    cx.emit(match source.trim() {
        "" => draft.evidence_message(Msg::of(&EVIDENCE_NO_TEXT)),
        text => draft.evidence(text),
    });
}

#[cfg(test)]
mod tests {
    use crate::Options;

    fn findings(raw: &str) -> Vec<crate::Finding> {
        let report = crate::lint(raw.as_bytes(), &Options::default()).expect("lints");
        report.findings_of(super::ID).cloned().collect()
    }

    const HEAD: &str = "From: a@example.com\r\nTo: b@example.com\r\nSubject: Cake order\r\nMIME-Version: 1.0\r\n";

    /// A multipart whose boundary is missing or never used has no parts, but
    /// the text is in its body: the structure is reported (`headers/multipart-boundary`),
    /// the body is not called empty.
    #[test]
    fn text_behind_a_missing_or_unused_boundary_is_no_empty_body() {
        let body = "--x\r\nContent-Type: text/plain\r\n\r\nHello, could you make a chocolate cake for us?\r\n--x--\r\n";
        for content_type in ["multipart/mixed", "multipart/alternative", "multipart/mixed; boundary=y", "multipart/related; boundary=\"\""] {
            let raw = format!("{HEAD}Content-Type: {content_type}\r\n\r\n{body}");
            assert_eq!(findings(&raw).len(), 0, "{content_type}");
            let report = crate::lint(raw.as_bytes(), &Options::default()).expect("lints");
            assert!(report.findings_of("headers/multipart-boundary").count() > 0, "{content_type}");
        }
    }

    #[test]
    fn a_multipart_of_delimiters_and_fields_alone_is_empty_and_located_at_its_body() {
        let raw = format!("{HEAD}Content-Type: multipart/mixed\r\n\r\n--x\r\nContent-Type: text/plain\r\n\r\n\r\n--x--\r\n");
        let found = findings(&raw);
        assert_eq!(found.len(), 1);
        let body_start = raw.find("--x").expect("body");
        assert_eq!(found[0].location.start, Some(body_start), "{:?}", found[0].location);
        assert_eq!(found[0].location.end, Some(raw.len()), "{:?}", found[0].location);
    }

    /// A file sent with no words (a client's "attach and send"): said as
    /// information, as SpamAssassin's EMPTY_MESSAGE skips a message with an
    /// attachment; a picture without an attachment disposition stays a warning.
    #[test]
    fn an_empty_body_beside_an_attached_file_is_information_only() {
        use crate::report::Severity;
        let severity = |raw: &str| findings(raw).iter().map(|f| (f.severity, f.message_id.clone())).collect::<Vec<_>>();
        let beside = vec![(Severity::Info, "spam/empty-body.beside-a-file".to_string())];
        // An HTML body of an empty line beside a document, as webmail writes it.
        let attached = format!(
            "{HEAD}Content-Type: multipart/mixed; boundary=m\r\n\r\n--m\r\nContent-Type: text/html\r\n\r\n<div dir=\"ltr\"><br></div>\r\n--m\r\nContent-Type: application/octet-stream; name=report\r\nContent-Disposition: attachment; filename=report\r\nContent-Transfer-Encoding: base64\r\n\r\nAAAA\r\n--m--\r\n"
        );
        assert_eq!(severity(&attached), beside);
        let report = crate::lint(attached.as_bytes(), &Options::default()).expect("lints");
        assert_eq!(report.findings_of(super::ID).map(|f| f.score).sum::<f64>(), 0.0);
        // A lone named file as the message's only part, with no disposition.
        let lone = format!("{HEAD}Content-Type: application/msword; name=\"notes.doc\"\r\nContent-Transfer-Encoding: base64\r\n\r\n0M8R4KGxGuE=\r\n");
        assert_eq!(severity(&lone), beside);
        // An inline picture with no words is no attached file: still a warning.
        let picture = format!(
            "{HEAD}Content-Type: multipart/mixed; boundary=m\r\n\r\n--m\r\nContent-Type: text/plain\r\n\r\n\r\n--m\r\nContent-Type: image/png; name=a.png\r\nContent-Disposition: inline; filename=a.png\r\nContent-Transfer-Encoding: base64\r\n\r\niVBORw0KGgo=\r\n--m--\r\n"
        );
        assert_eq!(severity(&picture), vec![(Severity::Warning, "spam/empty-body.no-text".to_string())]);
        // An HTML body of pictures beside a file draws images in place of words: still a warning.
        let pictures = attached.replace("<div dir=\"ltr\"><br></div>", "<img src=\"cid:offer.jpg\" width=\"600\" height=\"800\">");
        assert_eq!(severity(&pictures), vec![(Severity::Warning, "spam/empty-body.no-visible-text".to_string())]);
        // A web page beside an empty body, by its name or its type, is the shape of
        // HTML attachment phishing: still a warning.
        let no_text = vec![(Severity::Warning, "spam/empty-body.no-visible-text".to_string())];
        for (kind, name) in [("application/octet-stream", "Invoice.htm"), ("text/html", "scan"), ("image/svg+xml", "a.svg"), ("application/octet-stream", "DOC.HTML")] {
            let page = attached.replace("application/octet-stream; name=report", &format!("{kind}; name=\"{name}\"")).replace("filename=report", &format!("filename=\"{name}\""));
            assert_eq!(severity(&page), no_text, "{kind} {name}");
        }
    }

    #[test]
    fn an_empty_text_body_is_located_at_its_part() {
        let raw = format!("{HEAD}Content-Type: text/plain\r\n\r\n   \r\n");
        let found = findings(&raw);
        assert_eq!(found.len(), 1);
        assert!(found[0].location.start.is_some() && found[0].location.line.is_some(), "{:?}", found[0].location);
    }
}
