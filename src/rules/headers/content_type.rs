//! `headers/content-type`: Content-Type (RFC 2045 §5.1) and
//! Content-Disposition (RFC 2183 §2) values: `type/subtype` tokens, then
//! `; attribute=value` parameters, a value with special characters quoted.
//! A value readers cannot parse makes them fall back to text/plain, so the
//! reader sees raw HTML or MIME source.

use crate::i18n::Msg;
use crate::model::Message;
use crate::report::Severity;
use crate::rules::{Check, Context, Draft, Example, ExampleInput, Group, Rule};
use crate::settings::Evidence;
use crate::title;

crate::rule_texts! { "headers/content-type";
    summary => {
        en: "A Content-Type or Content-Disposition value is malformed.",
        fr: "Une valeur Content-Type ou Content-Disposition est mal formée.",
        es: "Un valor de Content-Type o Content-Disposition está mal formado.",
        pl: "Wartość Content-Type lub Content-Disposition jest błędna.",
    },
    why => {
        en: "RFC 2045 §5.1 and RFC 2183: type/subtype, then ; name=value parameters, quoted when they contain spaces or special characters. A value readers cannot parse falls back to text/plain: the reader sees source code, or loses the attachment's name.",
        fr: "RFC 2045 §5.1 et RFC 2183 : type/sous-type, puis des paramètres ; nom=valeur, entre guillemets s'ils contiennent des espaces ou des caractères spéciaux. Une valeur que les lecteurs ne savent pas analyser est lue comme text/plain : le destinataire voit du code source, ou perd le nom de la pièce jointe.",
        es: "RFC 2045 §5.1 y RFC 2183: tipo/subtipo y luego parámetros ; nombre=valor, entre comillas si contienen espacios o caracteres especiales. Un valor que los lectores no pueden analizar se trata como text/plain: el destinatario ve el código fuente o pierde el nombre del adjunto.",
        pl: "RFC 2045 §5.1 i RFC 2183: typ/podtyp, a następnie parametry ; nazwa=wartość, ujęte w cudzysłów, gdy zawierają spacje lub znaki specjalne. Wartości, której nie da się odczytać, czytniki traktują jako text/plain: odbiorca widzi kod źródłowy lub traci nazwę załącznika.",
    },
    fix => {
        en: "Write type/subtype; name=\"value\", quoting every value that has spaces or any of ()<>@,;:\\\"/[]?= (RFC 2045 §5.1).",
        fr: "Écrivez type/sous-type; nom=\"valeur\", en mettant entre guillemets toute valeur contenant des espaces ou l'un de ()<>@,;:\\\"/[]?= (RFC 2045 §5.1).",
        es: "Escriba tipo/subtipo; nombre=\"valor\", poniendo entre comillas todo valor que tenga espacios o alguno de ()<>@,;:\\\"/[]?= (RFC 2045 §5.1).",
        pl: "Zapisz typ/podtyp; nazwa=\"wartość\", ujmując w cudzysłów każdą wartość ze spacjami lub znakami ()<>@,;:\\\"/[]?= (RFC 2045 §5.1).",
    },
    INVALID "invalid" => {
        en: "{field}: {problem} ({count} in this field).",
        fr: "{field} : {problem} ({count} dans ce champ).",
        es: "{field}: {problem} ({count} en este campo).",
        pl: "{field}: {problem} ({count} w tym polu).",
    },
}

pub const RULE: Rule = Rule {
    id: ID,
    group: Group::Headers,
    severity: Severity::Warning,
    evidence: &[
        Evidence::Receiver("rspamd BROKEN_CONTENT_TYPE (1.5 points): a part with a broken content type"),
        Evidence::Rfc("RFC 2045 §5.1 Content-Type syntax; RFC 2183 §2 Content-Disposition syntax"),
        Evidence::Guide("seed 002 (fr) l. 176: « L'entête de l'e-mail envoyé ne respecte pas les RFC « e-mails » (normes ou standards e-mails) »"),
    ],
    score: crate::rules::scores::CONTENT_TYPE_INVALID,
    texts: &TEXTS,
    thresholds: &[],
    examples: &[
        Example::fails(
            title! {
                en: "A type without subtype",
                fr: "Un type sans sous-type",
                es: "Un tipo sin subtipo",
                pl: "Typ bez podtypu",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Hi\nMIME-Version: 1.0\nContent-Type: html; charset=utf-8\n\n<p>Hello</p>\n"),
        ),
        Example::fails(
            title! {
                en: "An accented letter in the type (a token is US-ASCII, RFC 2045 §5.1)",
                fr: "Une lettre accentuée dans le type (un token est en US-ASCII, RFC 2045 §5.1)",
                es: "Una letra acentuada en el tipo (un token es US-ASCII, RFC 2045 §5.1)",
                pl: "Litera ze znakiem diakrytycznym w typie (token to US-ASCII, RFC 2045 §5.1)",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Hi\nMIME-Version: 1.0\nContent-Type: t\u{e9}xt/plain; charset=utf-8\n\nHello\n"),
        ),
        Example::fails(
            title! {
                en: "An unquoted file name with spaces",
                fr: "Un nom de fichier avec des espaces, sans guillemets",
                es: "Un nombre de archivo con espacios, sin comillas",
                pl: "Nazwa pliku ze spacjami, bez cudzysłowu",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Hi\nMIME-Version: 1.0\nContent-Type: application/pdf; name=my invoice.pdf\n\nJVBERi0=\n"),
        ),
        Example::fails(
            title! {
                en: "A parameter without a value",
                fr: "Un paramètre sans valeur",
                es: "Un parámetro sin valor",
                pl: "Parametr bez wartości",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Hi\nMIME-Version: 1.0\nContent-Type: text/plain; charset\n\nHello\n"),
        ),
        Example::passes(
            title! {
                en: "Quoted values, folded parameters, a comment",
                fr: "Des valeurs entre guillemets, des paramètres repliés, un commentaire",
                es: "Valores entre comillas, parámetros plegados, un comentario",
                pl: "Wartości w cudzysłowie, zawinięte parametry, komentarz",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Hi\nMIME-Version: 1.0\nContent-Type: text/plain;\n charset=\"utf-8\"; format=flowed (wrapped)\n\nHello\n"),
        ),
        Example::passes(
            title! {
                en: "A plain message",
                fr: "Un message simple",
                es: "Un mensaje simple",
                pl: "Zwykła wiadomość",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Hi\n\nHello\n"),
        ),
    ],
    check: Check::Message(check),
};

fn check(message: &Message, cx: &mut Context) {
    for (part, field, parsed) in super::mime_fields(message) {
        let problems: Vec<_> = parsed.problems.iter().filter(|p| !p.kind.is_rfc2231()).cloned().collect();
        super::emit_grouped(cx, message, part, field, &problems, |kind, count| {
            let problem = super::grammar_texts::mime_problem(kind);
            Some(Draft::new(
                Msg::of(&INVALID).text("field", field.name.clone()).label("problem", problem).int("count", count),
            ))
        });
    }
}
