//! `bulk/list-id`: a `List-Id` field whose identifier is not RFC 2919's
//! `[phrase] "<" list-label "." list-id-namespace ">"`, a dot-atom in angle
//! brackets like a host name under the list owner's domain. Nodemailer's
//! `list.id` writes every value as a URL (`<http://news.example.com>`: its
//! `_formatListUrl` adds the scheme, and the `.replace()` meant to take it off
//! never matches), so a mailing written with it names no list.

use crate::grammar::lexer::{lex, TokenKind};
use crate::grammar::Level;
use crate::i18n::Msg;
use crate::model::Message;
use crate::report::{Origin, Severity};
use crate::rules::sender::field_location;
use crate::rules::{Check, Context, Draft, Example, ExampleInput, Group, Rule};
use crate::settings::Evidence;
use crate::title;

crate::rule_texts! { "bulk/list-id";
    summary => {
        en: "A List-Id field does not hold a list identifier in angle brackets (<label.your-domain>).",
        fr: "Un champ List-Id ne contient pas d'identifiant de liste entre chevrons (<nom.votre-domaine>).",
        es: "Un campo List-Id no contiene un identificador de lista entre corchetes angulares (<nombre.su-dominio>).",
        pl: "Pole List-Id nie zawiera identyfikatora listy w nawiasach ostrych (<nazwa.twoja-domena>).",
    },
    why => {
        en: "RFC 2919 defines List-Id as an optional name followed by an identifier in angle brackets, written like a host name under a domain the list owner controls: <news.your-domain.example>. Mail clients, Gmail's list: search and readers' filters key on that identifier; a URL, a mailto: address or a value without angle brackets is not one, and each tool reads it its own way. No receiver is known to refuse or score it: information.",
        fr: "La RFC 2919 définit List-Id comme un nom facultatif suivi d'un identifiant entre chevrons, écrit comme un nom d'hôte dans un domaine que le propriétaire de la liste contrôle : <actualites.votre-domaine.example>. Les logiciels de messagerie, la recherche « list: » de Gmail et les filtres des lecteurs s'appuient sur cet identifiant ; une URL, une adresse mailto: ou une valeur sans chevrons n'en est pas un, et chaque outil la lit à sa façon. Aucun destinataire connu ne la refuse ni ne la pénalise : information.",
        es: "El RFC 2919 define List-Id como un nombre opcional seguido de un identificador entre corchetes angulares, escrito como un nombre de host dentro de un dominio que controla el propietario de la lista: <noticias.su-dominio.example>. Los clientes de correo, la búsqueda list: de Gmail y los filtros de los lectores se basan en ese identificador; una URL, una dirección mailto: o un valor sin corchetes angulares no lo es, y cada herramienta lo lee a su manera. Ningún destinatario conocido lo rechaza ni lo puntúa: información.",
        pl: "RFC 2919 definiuje List-Id jako opcjonalną nazwę, po której następuje identyfikator w nawiasach ostrych, zapisany jak nazwa hosta w domenie kontrolowanej przez właściciela listy: <aktualnosci.twoja-domena.example>. Programy pocztowe, wyszukiwanie list: w Gmailu i filtry czytelników opierają się na tym identyfikatorze; URL, adres mailto: ani wartość bez nawiasów ostrych nim nie są i każde narzędzie odczytuje je po swojemu. Żaden znany odbiorca ich nie odrzuca ani nie punktuje: informacja.",
    },
    fix => {
        en: "Write List-Id: News <news.your-domain.example>: a short name, then in angle brackets a label, a dot and a domain you control, with no scheme, slash or space (RFC 2919).",
        fr: "Écrivez List-Id: Actualites <actualites.votre-domaine.example> : un nom court, puis entre chevrons un libellé, un point et un domaine que vous contrôlez, sans schéma, barre oblique ni espace (RFC 2919).",
        es: "Escriba List-Id: Noticias <noticias.su-dominio.example>: un nombre corto y, entre corchetes angulares, una etiqueta, un punto y un dominio que usted controle, sin esquema, barra ni espacios (RFC 2919).",
        pl: "Zapisz List-Id: Aktualnosci <aktualnosci.twoja-domena.example>: krótka nazwa, a w nawiasach ostrych etykieta, kropka i domena, którą kontrolujesz, bez schematu, ukośnika i spacji (RFC 2919).",
    },
    URL "url" => {
        en: "List-Id holds \"{value}\", a URL or an address, where RFC 2919 wants an identifier such as <news.your-domain.example>.",
        fr: "List-Id contient « {value} », une URL ou une adresse, là où la RFC 2919 attend un identifiant comme <actualites.votre-domaine.example>.",
        es: "List-Id contiene «{value}», una URL o una dirección, donde el RFC 2919 espera un identificador como <noticias.su-dominio.example>.",
        pl: "List-Id zawiera „{value}”, URL lub adres, tam gdzie RFC 2919 wymaga identyfikatora w rodzaju <aktualnosci.twoja-domena.example>.",
    },
    NO_BRACKETS "no-brackets" => {
        en: "List-Id \"{value}\" has no identifier in angle brackets.",
        fr: "List-Id « {value} » n'a pas d'identifiant entre chevrons.",
        es: "List-Id «{value}» no tiene identificador entre corchetes angulares.",
        pl: "List-Id „{value}” nie ma identyfikatora w nawiasach ostrych.",
    },
    NO_DOT "no-dot" => {
        en: "The List-Id identifier \"{value}\" has no dot: RFC 2919 wants a label and a domain, <label.your-domain.example>.",
        fr: "L'identifiant List-Id « {value} » n'a pas de point : la RFC 2919 attend un libellé et un domaine, <libelle.votre-domaine.example>.",
        es: "El identificador List-Id «{value}» no tiene punto: el RFC 2919 espera una etiqueta y un dominio, <etiqueta.su-dominio.example>.",
        pl: "Identyfikator List-Id „{value}” nie ma kropki: RFC 2919 wymaga etykiety i domeny, <etykieta.twoja-domena.example>.",
    },
    SYNTAX "syntax" => {
        en: "List-Id \"{value}\" is not an optional name followed by one <label.domain> identifier: spaces or characters the identifier cannot hold, or text after it.",
        fr: "List-Id « {value} » n'est pas un nom facultatif suivi d'un seul identifiant <libelle.domaine> : des espaces ou des caractères que l'identifiant ne peut pas contenir, ou du texte après lui.",
        es: "List-Id «{value}» no es un nombre opcional seguido de un único identificador <etiqueta.dominio>: espacios o caracteres que el identificador no admite, o texto después de él.",
        pl: "List-Id „{value}” nie jest opcjonalną nazwą, po której następuje jeden identyfikator <etykieta.domena>: spacje lub znaki niedozwolone w identyfikatorze albo tekst po nim.",
    },
    EMPTY "empty" => {
        en: "List-Id is empty: it names no list.",
        fr: "List-Id est vide : il ne désigne aucune liste.",
        es: "List-Id está vacío: no designa ninguna lista.",
        pl: "List-Id jest puste: nie wskazuje żadnej listy.",
    },
    TOO_LONG "too-long" => {
        en: "The List-Id identifier is longer than the 255 octets RFC 2919 allows (length: {length}).",
        fr: "L'identifiant List-Id dépasse les 255 octets qu'autorise la RFC 2919 (longueur : {length}).",
        es: "El identificador List-Id supera los 255 octetos que admite el RFC 2919 (longitud: {length}).",
        pl: "Identyfikator List-Id przekracza 255 oktetów dopuszczanych przez RFC 2919 (długość: {length}).",
    },
    FIX_NODEMAILER "fix-nodemailer" => {
        en: "Nodemailer's list.id writes every value as a URL (<http://…>). Give the field with the headers option instead, with a name free of quotes and accents (Nodemailer encodes the whole value otherwise): `headers: { 'List-ID': 'News <news.your-domain.example>' }`, or a prepared value: `{ prepared: true, value: '\"My news\" <news.your-domain.example>' }`.",
        fr: "list.id de Nodemailer écrit toute valeur comme une URL (<http://…>). Posez plutôt le champ avec l'option headers, avec un nom sans guillemets ni accents (sinon Nodemailer encode toute la valeur) : `headers: { 'List-ID': 'News <news.your-domain.example>' }`, ou une valeur préparée : `{ prepared: true, value: '\"My news\" <news.your-domain.example>' }`.",
        es: "list.id de Nodemailer escribe todo valor como una URL (<http://…>). Ponga el campo con la opción headers, con un nombre sin comillas ni acentos (si no, Nodemailer codifica el valor entero): `headers: { 'List-ID': 'News <news.your-domain.example>' }`, o un valor preparado: `{ prepared: true, value: '\"My news\" <news.your-domain.example>' }`.",
        pl: "list.id w Nodemailerze zapisuje każdą wartość jako URL (<http://…>). Ustaw pole opcją headers, z nazwą bez cudzysłowów i znaków diakrytycznych (inaczej Nodemailer koduje całą wartość): `headers: { 'List-ID': 'News <news.your-domain.example>' }` albo wartością przygotowaną: `{ prepared: true, value: '\"My news\" <news.your-domain.example>' }`.",
    },
}

/// Most octets of a list identifier (RFC 2919: "MUST NOT be longer than 255 octets").
pub const MAX_LIST_ID_OCTETS: usize = 255;

/// Most characters of a List-Id value quoted in a sentence (ours, as for
/// List-Unsubscribe: the evidence has the whole field).
const QUOTED_CHARS: usize = 80;

pub const RULE: Rule = Rule {
    id: ID,
    group: Group::Bulk,
    severity: Severity::Info,
    evidence: &[
        Evidence::Rfc("RFC 2919 §2–3: List-Id is [phrase] CFWS \"<\" list-id \">\", list-id = list-label \".\" list-id-namespace, both dot-atom-text, the namespace a domain the list owner controls (or localhost); a list-id MUST NOT be longer than 255 octets"),
        Evidence::Receiver("no receiver is documented to refuse or score a malformed List-Id: rspamd's maillist module only looks for <.+> in it to recognise list mail (MAILLIST); Gmail's feedback loop keys on Feedback-ID, not List-Id (support.google.com/mail/answer/6254652): information"),
    ],
    score: crate::rules::scores::NONE,
    texts: &TEXTS,
    thresholds: &[],
    examples: &[
        Example::fails(
            title! {
                en: "Nodemailer's list.id: a URL in angle brackets",
                fr: "list.id de Nodemailer : une URL entre chevrons",
                es: "list.id de Nodemailer: una URL entre corchetes angulares",
                pl: "list.id z Nodemailera: URL w nawiasach ostrych",
            },
            ExampleInput::Compose(r#"{"from":"news@my-site.example","to":"b@example.org","subject":"News","text":"Hello","list":{"id":{"url":"news.my-site.example","comment":"News"},"unsubscribe":"https://my-site.example/u/1"}}"#),
        ),
        Example::fails(
            title! {
                en: "The same field in a raw message",
                fr: "Le même champ dans un message brut",
                es: "El mismo campo en un mensaje en bruto",
                pl: "To samo pole w surowej wiadomości",
            },
            ExampleInput::Raw("From: news@my-site.example\nTo: b@example.org\nSubject: News\nList-ID: \"News\" <http://news.my-site.example>\nList-Unsubscribe: <https://my-site.example/u/1>\n\nHello\n"),
        ),
        Example::fails(
            title! {
                en: "An identifier without angle brackets",
                fr: "Un identifiant sans chevrons",
                es: "Un identificador sin corchetes angulares",
                pl: "Identyfikator bez nawiasów ostrych",
            },
            ExampleInput::Raw("From: news@my-site.example\nTo: b@example.org\nSubject: News\nList-Id: news.my-site.example\nList-Unsubscribe: <https://my-site.example/u/1>\n\nHello\n"),
        ),
        Example::fails(
            title! {
                en: "An identifier without a domain",
                fr: "Un identifiant sans domaine",
                es: "Un identificador sin dominio",
                pl: "Identyfikator bez domeny",
            },
            ExampleInput::Raw("From: news@my-site.example\nTo: b@example.org\nSubject: News\nList-Id: News <newsletter>\nList-Unsubscribe: <https://my-site.example/u/1>\n\nHello\n"),
        ),
        Example::passes(
            title! {
                en: "A name and an identifier under the sender's domain",
                fr: "Un nom et un identifiant sous le domaine de l'expéditeur",
                es: "Un nombre y un identificador bajo el dominio del remitente",
                pl: "Nazwa i identyfikator w domenie nadawcy",
            },
            ExampleInput::Raw("From: news@my-site.example\nTo: b@example.org\nSubject: News\nList-Id: \"My Site news\" <news.my-site.example>\nList-Unsubscribe: <https://my-site.example/u/1>\n\nHello\n"),
        ),
        Example::passes(
            title! {
                en: "Nodemailer with the field given in headers",
                fr: "Nodemailer avec le champ donné dans headers",
                es: "Nodemailer con el campo indicado en headers",
                pl: "Nodemailer z polem podanym w headers",
            },
            ExampleInput::Compose(r#"{"from":"news@my-site.example","to":"b@example.org","subject":"News","text":"Hello","headers":{"List-ID":"News <news.my-site.example>"},"list":{"unsubscribe":"https://my-site.example/u/1"}}"#),
        ),
    ],
    check: Check::Message(check),
};

/// What is wrong with a List-Id value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    Empty,
    /// No `<…>` at all.
    NoBrackets,
    /// A URL, a mailto: or an address in the brackets (a `:` or an `@`).
    Url,
    /// A single label: no namespace.
    NoDot,
    /// Anything else: spaces or specials in the identifier, text after it,
    /// a phrase that is not one, broken quoting.
    Syntax,
    /// Longer than `MAX_LIST_ID_OCTETS`.
    TooLong(usize),
}

/// Reads a List-Id value (RFC 2919 §2–3); `None` when it is well formed.
pub fn list_id_problem(v: &[u8]) -> Option<Problem> {
    let lexed = lex(v);
    if lexed.problems.iter().any(|p| p.kind.level() == Level::Invalid) {
        return Some(Problem::Syntax);
    }
    let tokens = &lexed.tokens;
    if tokens.is_empty() {
        return Some(Problem::Empty);
    }
    let Some(open) = tokens.iter().position(|t| t.is(b'<')) else {
        let text = &v[tokens[0].start..tokens[tokens.len() - 1].end];
        // One word that is a URL or an address; words with one in them are a description.
        let one_word = !text.iter().any(u8::is_ascii_whitespace);
        let url = one_word && (tokens.iter().any(|t| t.is(b':') || t.is(b'@')) || text.windows(3).any(|w| w == b"://"));
        return Some(if url { Problem::Url } else { Problem::NoBrackets });
    };
    // The phrase: words, quoted strings and (obs-phrase, RFC 5322 §4.1) dots.
    let phrase_ok = tokens[..open].iter().all(|t| matches!(t.kind, TokenKind::Atom | TokenKind::QuotedString) || t.is(b'.'));
    let Some(close) = tokens[open..].iter().position(|t| t.is(b'>')).map(|at| open + at) else {
        return Some(Problem::Syntax);
    };
    let inner = &tokens[open + 1..close];
    if inner.is_empty() {
        return Some(Problem::Empty);
    }
    if inner.iter().any(|t| t.is(b':') || t.is(b'@')) {
        return Some(Problem::Url);
    }
    if !phrase_ok || close + 1 != tokens.len() {
        return Some(Problem::Syntax);
    }
    // dot-atom-text: atoms joined by single dots, nothing between them.
    let dot_atom = inner.iter().enumerate().all(|(i, t)| {
        let expected = if i % 2 == 0 { t.kind == TokenKind::Atom } else { t.is(b'.') };
        expected && !t.cfws_before()
    }) && inner.len() % 2 == 1;
    if !dot_atom {
        return Some(Problem::Syntax);
    }
    if inner.len() < 3 {
        return Some(Problem::NoDot);
    }
    let octets = inner[inner.len() - 1].end - inner[0].start;
    (octets > MAX_LIST_ID_OCTETS).then_some(Problem::TooLong(octets))
}

fn check(message: &Message, cx: &mut Context) {
    for (index, field) in message.header.fields.iter().enumerate() {
        if !field.is("List-Id") {
            continue;
        }
        let Some(problem) = list_id_problem(field.raw_value(message.raw)) else { continue };
        let whole = field.unfolded_value(message.raw);
        let value = crate::hygiene::visible(whole.trim(), QUOTED_CHARS);
        // The identifier alone where the sentence is about it: `<http://…>`, not the name before it.
        let id = whole.rfind('<').map_or(whole.trim(), |at| whole[at..].split_inclusive('>').next().unwrap_or_default());
        let id = crate::hygiene::visible(id, QUOTED_CHARS);
        let msg = match problem {
            Problem::Empty => Msg::of(&EMPTY),
            Problem::NoBrackets => Msg::of(&NO_BRACKETS).text("value", value),
            Problem::Url => Msg::of(&URL).text("value", id),
            Problem::NoDot => Msg::of(&NO_DOT).text("value", id),
            Problem::Syntax => Msg::of(&SYNTAX).text("value", value),
            Problem::TooLong(octets) => Msg::of(&TOO_LONG).int("length", octets),
        };
        let mut draft =
            Draft::new(msg).evidence(crate::rules::headers::field_text(message, field)).at(field_location(message, index));
        // Through Nodemailer's compose fields the field comes from list.id (or headers).
        if message.origin == Origin::Compose {
            draft = draft.fix(Msg::of(&FIX_NODEMAILER));
        }
        cx.emit(draft);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problem(value: &str) -> Option<Problem> {
        list_id_problem(value.as_bytes())
    }

    #[test]
    fn well_formed_list_ids_pass() {
        for value in [
            " <news.example.com>",
            " News <news.example.com>",
            " \"My news\" <news.example.com>",
            " =?UTF-8?Q?Actualit=C3=A9s?= <news.example.com>",
            " Mr. Smith's list <list.localhost>",
            " (a comment) <a.b>",
            " My\r\n list <a.b.c>",
        ] {
            assert_eq!(problem(value), None, "{value:?}");
        }
    }

    #[test]
    fn nodemailer_forms_and_other_defects_are_named() {
        assert_eq!(problem(" \"News\" <http://news.example.com>"), Some(Problem::Url));
        assert_eq!(problem(" <https://example.com/lists/news>"), Some(Problem::Url));
        assert_eq!(problem(" <mailto:news@example.com>"), Some(Problem::Url));
        assert_eq!(problem(" http://news.example.com"), Some(Problem::Url));
        assert_eq!(problem(" news.example.com"), Some(Problem::NoBrackets));
        assert_eq!(problem(" Discussion of sitescooper - see http://sitescooper.org/"), Some(Problem::NoBrackets));
        assert_eq!(problem(" http://crackmice.com/ <crackmice.crackmice.com>"), Some(Problem::Syntax));
        assert_eq!(problem(" =?UTF-8?Q?=22News=22_=3Cnews=2Eexample=2Ecom=3E?="), Some(Problem::NoBrackets));
        assert_eq!(problem(" <news>"), Some(Problem::NoDot));
        assert_eq!(problem(" "), Some(Problem::Empty));
        assert_eq!(problem(" News <>"), Some(Problem::Empty));
        assert_eq!(problem(" <news list.example.com>"), Some(Problem::Syntax));
        assert_eq!(problem(" <news..example.com>"), Some(Problem::Syntax));
        assert_eq!(problem(" <news.example.com."), Some(Problem::Syntax));
        assert_eq!(problem(" <a.example.com> <b.example.com>"), Some(Problem::Syntax));
        assert_eq!(problem(" News, <a.example.com>"), Some(Problem::Syntax));
        assert_eq!(problem(" \"News <a.example.com>"), Some(Problem::Syntax));
    }

    #[test]
    fn an_identifier_over_255_octets_is_too_long() {
        let label = "a".repeat(MAX_LIST_ID_OCTETS - "example.com".len());
        assert_eq!(problem(&format!(" <{label}.example.com>")), Some(Problem::TooLong(MAX_LIST_ID_OCTETS + 1)));
        assert_eq!(problem(&format!(" <{}.example.com>", &label[1..])), None);
    }
}
