//! `headers/parameter-encoding`: RFC 2231 parameter values: an extended value
//! (`name*=charset'lang'%XX…`) names its charset and percent-encodes the rest;
//! continuations (`name*0`, `name*1`, …) start at 0 and have no gaps. A broken
//! one loses the file name or shows it as `%E2%82…`.

use crate::i18n::Msg;
use crate::model::Message;
use crate::report::{Location, Severity};
use crate::rules::{Check, Context, Draft, Example, ExampleInput, Group, Rule};
use crate::settings::Evidence;
use crate::title;

crate::rule_texts! { "headers/parameter-encoding";
    summary => {
        en: "An RFC 2231 encoded parameter (name*=, name*0=…) is broken.",
        fr: "Un paramètre encodé RFC 2231 (nom*=, nom*0=…) est cassé.",
        es: "Un parámetro codificado RFC 2231 (nombre*=, nombre*0=…) está roto.",
        pl: "Parametr kodowany RFC 2231 (nazwa*=, nazwa*0=…) jest uszkodzony.",
    },
    why => {
        en: "RFC 2231 carries long or non-ASCII parameter values, usually attachment names: charset'language'%XX… and numbered continuations. When it is broken readers lose the file name, show %E2%82… or name the file noname.",
        fr: "La RFC 2231 transporte les valeurs de paramètres longues ou non ASCII, le plus souvent les noms de pièces jointes : charset'langue'%XX… et des suites numérotées. Cassée, elle fait perdre le nom du fichier aux lecteurs, qui affichent %E2%82… ou noname.",
        es: "El RFC 2231 transporta valores de parámetros largos o no ASCII, normalmente nombres de adjuntos: charset'idioma'%XX… y continuaciones numeradas. Si está roto, los lectores pierden el nombre del archivo, muestran %E2%82… o lo llaman noname.",
        pl: "RFC 2231 przenosi długie wartości parametrów lub wartości spoza ASCII, zwykle nazwy załączników: charset'język'%XX… i numerowane kontynuacje. Gdy to kodowanie jest uszkodzone, czytniki gubią nazwę pliku, pokazują %E2%82… lub nazywają go noname.",
    },
    fix => {
        en: "Let your mail library encode file names, or write filename*=utf-8''%C3%A9… with every non-ASCII byte percent-encoded and continuations numbered from 0 (RFC 2231 §3–4).",
        fr: "Laissez votre bibliothèque d'envoi encoder les noms de fichier, ou écrivez filename*=utf-8''%C3%A9… avec chaque octet non ASCII encodé en %XX et des suites numérotées à partir de 0 (RFC 2231 §3–4).",
        es: "Deje que su biblioteca de correo codifique los nombres de archivo, o escriba filename*=utf-8''%C3%A9… con cada byte no ASCII codificado en %XX y continuaciones numeradas desde 0 (RFC 2231 §3–4).",
        pl: "Pozwól bibliotece pocztowej kodować nazwy plików albo zapisz filename*=utf-8''%C3%A9…, kodując każdy bajt spoza ASCII jako %XX i numerując kontynuacje od 0 (RFC 2231 §3–4).",
    },
    INVALID "invalid" => {
        en: "{field}: {problem} ({count} in this field).",
        fr: "{field} : {problem} ({count} dans ce champ).",
        es: "{field}: {problem} ({count} en este campo).",
        pl: "{field}: {problem} ({count} w tym polu).",
    },
    CUT "cut" => {
        en: "A {field} field is {size, plural, one {# byte} other {# bytes}} long with its folded lines: its parameters (type, boundary, file name) were read only up to {limit, plural, one {# byte} other {# bytes}}.",
        fr: "Un champ {field} fait {size, plural, one {# octet} many {# d'octets} other {# octets}} avec ses lignes repliées : ses paramètres (type, boundary, nom de fichier) n'ont été lus que jusqu'à {limit, plural, one {# octet} many {# d'octets} other {# octets}}.",
        es: "Un campo {field} ocupa {size, plural, one {# byte} many {# de bytes} other {# bytes}} con sus líneas plegadas: sus parámetros (tipo, boundary, nombre de archivo) solo se leyeron hasta {limit, plural, one {# byte} many {# de bytes} other {# bytes}}.",
        pl: "Pole {field} ma {size, plural, one {# bajt} few {# bajty} many {# bajtów} other {# bajta}} razem z zawiniętymi wierszami: jego parametry (typ, boundary, nazwa pliku) odczytano tylko do {limit, plural, one {# bajtu} few {# bajtów} many {# bajtów} other {# bajta}}.",
    },
}

pub const RULE: Rule = Rule {
    id: ID,
    group: Group::Headers,
    severity: Severity::Info,
    evidence: &[
        Evidence::Ours("a badly encoded parameter shows a wrong file name; no receiver refuses or scores it"),
        Evidence::Rfc("RFC 2231 §3 (parameter continuations) and §4 (charset and language in extended values)"),
        Evidence::Guide("seed 002 (fr) l. 176: « L'entête de l'e-mail envoyé ne respecte pas les RFC « e-mails » (normes ou standards e-mails) »"),
        Evidence::Ours("cut: a Content-Type or Content-Disposition field over model::MAX_PARSER_MIME_FIELD_BYTES (16 KiB, ours) has its parameters read only that far (mail-parser joins continuations in quadratic time); information, as no receiver is known to refuse it"),
    ],
    score: crate::rules::scores::NONE,
    texts: &TEXTS,
    thresholds: &[],
    examples: &[
        Example::fails(
            title! {
                en: "An extended value without charset",
                fr: "Une valeur étendue sans charset",
                es: "Un valor extendido sin charset",
                pl: "Wartość rozszerzona bez charset",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Hi\nMIME-Version: 1.0\nContent-Type: application/pdf\nContent-Disposition: attachment; filename*=r%C3%A9sum%C3%A9.pdf\n\nJVBERi0=\n"),
        ),
        Example::fails(
            title! {
                en: "A gap in the continuations",
                fr: "Un trou dans les suites",
                es: "Un hueco en las continuaciones",
                pl: "Luka w kontynuacjach",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Hi\nMIME-Version: 1.0\nContent-Type: application/pdf\nContent-Disposition: attachment; filename*0=\"annual\"; filename*2=\"report.pdf\"\n\nJVBERi0=\n"),
        ),
        Example::fails(
            title! {
                en: "A raw space in an extended value",
                fr: "Une espace non encodée dans une valeur étendue",
                es: "Un espacio sin codificar en un valor extendido",
                pl: "Niezakodowana spacja w wartości rozszerzonej",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Hi\nMIME-Version: 1.0\nContent-Type: application/pdf\nContent-Disposition: attachment; filename*=\"utf-8''my report.pdf\"\n\nJVBERi0=\n"),
        ),
        Example::passes(
            title! {
                en: "A correct extended value with continuations",
                fr: "Une valeur étendue correcte avec des suites",
                es: "Un valor extendido correcto con continuaciones",
                pl: "Poprawna wartość rozszerzona z kontynuacjami",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Hi\nMIME-Version: 1.0\nContent-Type: application/pdf\nContent-Disposition: attachment;\n filename*0*=utf-8''r%C3%A9sum;\n filename*1*=%C3%A9.pdf\n\nJVBERi0=\n"),
        ),
        Example::passes(
            title! {
                en: "A plain ASCII file name",
                fr: "Un nom de fichier en ASCII simple",
                es: "Un nombre de archivo en ASCII simple",
                pl: "Nazwa pliku w zwykłym ASCII",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Hi\nMIME-Version: 1.0\nContent-Type: application/pdf\nContent-Disposition: attachment; filename=\"report.pdf\"\n\nJVBERi0=\n"),
        ),
    ],
    check: Check::Message(check),
};

fn check(message: &Message, cx: &mut Context) {
    for field in &message.cut_mime_fields {
        cx.emit(
            Draft::new(
                Msg::of(&CUT)
                    .text("field", field.name.clone())
                    .int("size", (field.end - field.start) as i64)
                    .int("limit", crate::model::MAX_PARSER_MIME_FIELD_BYTES as i64),
            )
            .at(Location::header(field.name.clone(), field.start, field.end)),
        );
    }
    for (part, field, parsed) in super::mime_fields(message) {
        // RFC 2231 §3–4: every extended parameter has a `*` in its name.
        if !field.raw_value(message.raw).contains(&b'*') {
            continue;
        }
        let problems: Vec<_> = parsed.problems.iter().filter(|p| p.kind.is_rfc2231()).cloned().collect();
        super::emit_grouped(cx, message, part, field, &problems, |kind, count| {
            let problem = super::grammar_texts::mime_problem(kind);
            Some(Draft::new(
                Msg::of(&INVALID).text("field", field.name.clone()).label("problem", problem).int("count", count),
            ))
        });
    }
}
