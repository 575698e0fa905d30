//! `headers/field-name`: RFC 5322 §3.6.8: a field name is printable US-ASCII
//! except the colon (`ftext`); white space between the name and the colon is
//! the obsolete form of §4.5 (warning); a header line that is neither a field
//! nor a fold ends the header early for strict readers, so the rest becomes body.

use crate::i18n::Msg;
use crate::model::headers::MalformedKind;
use crate::model::Message;
use crate::report::{Location, Severity};
use crate::rules::{Check, Context, Draft, Example, ExampleInput, Group, Rule};
use crate::settings::Evidence;
use crate::title;

crate::rule_texts! { "headers/field-name";
    summary => {
        en: "A header line is not a well-formed field: a bad name, white space before the colon, or no colon at all.",
        fr: "Une ligne d'en-tête n'est pas un champ bien formé : nom incorrect, espace avant les deux-points, ou pas de deux-points du tout.",
        es: "Una línea de cabecera no es un campo bien formado: nombre incorrecto, espacio antes de los dos puntos o sin dos puntos.",
        pl: "Wiersz nagłówka nie jest poprawnym polem: zła nazwa, spacja przed dwukropkiem lub brak dwukropka.",
    },
    why => {
        en: "RFC 5322 §3.6.8: a field name is printable ASCII without spaces, followed by a colon. Strict servers end the header at a line that is not a field, so the following fields become body text, or refuse the message as not RFC compliant.",
        fr: "RFC 5322 §3.6.8 : un nom de champ est de l'ASCII imprimable sans espace, suivi de deux-points. Devant une ligne qui n'est pas un champ, les serveurs stricts soit terminent l'en-tête (les champs suivants deviennent du texte du corps), soit refusent le message comme non conforme aux RFC.",
        es: "RFC 5322 §3.6.8: un nombre de campo es ASCII imprimible sin espacios, seguido de dos puntos. Ante una línea que no es un campo, los servidores estrictos o bien terminan ahí la cabecera (los campos siguientes pasan al cuerpo), o bien rechazan el mensaje por no cumplir los RFC.",
        pl: "RFC 5322 §3.6.8: nazwa pola to drukowalne znaki ASCII bez spacji, po których następuje dwukropek. Na wierszu, który nie jest polem, ścisłe serwery albo kończą nagłówek (kolejne pola trafiają wtedy do treści), albo odrzucają wiadomość jako niezgodną z RFC.",
    },
    fix => {
        en: "Write each header as Name: value on its own line, with no space in the name or before the colon; continue long values on lines that start with a space (RFC 5322 §2.2, §3.6.8).",
        fr: "Écrivez chaque en-tête sous la forme Nom: valeur sur sa propre ligne, sans espace dans le nom ni avant les deux-points ; poursuivez les valeurs longues sur des lignes qui commencent par une espace (RFC 5322 §2.2, §3.6.8).",
        es: "Escriba cada cabecera como Nombre: valor en su propia línea, sin espacios en el nombre ni antes de los dos puntos; continúe los valores largos en líneas que empiecen con un espacio (RFC 5322 §2.2, §3.6.8).",
        pl: "Zapisz każdy nagłówek jako Nazwa: wartość w osobnym wierszu, bez spacji w nazwie i przed dwukropkiem; długie wartości kontynuuj w wierszach zaczynających się od spacji (RFC 5322 §2.2, §3.6.8).",
    },
    BAD_CHARACTER "bad-character" => {
        en: "The field name {field} has a character that is not allowed at position {position} (a space or a control character).",
        fr: "Le nom de champ {field} contient un caractère interdit en position {position} (une espace ou un caractère de contrôle).",
        es: "El nombre de campo {field} tiene un carácter no permitido en la posición {position} (un espacio o un carácter de control).",
        pl: "Nazwa pola {field} zawiera niedozwolony znak na pozycji {position} (spację lub znak sterujący).",
    },
    BOM "bom" => {
        en: "The header starts with a byte order mark (EF BB BF, U+FEFF) before {field}: an editor's mark for text files, not part of mail, so strict readers see a field named with it.",
        fr: "L'en-tête commence par une marque d'ordre des octets (EF BB BF, U+FEFF) avant {field} : une marque d'éditeur pour les fichiers texte, étrangère au courrier, et les lecteurs stricts voient un champ dont le nom la contient.",
        es: "La cabecera empieza con una marca de orden de bytes (EF BB BF, U+FEFF) antes de {field}: una marca de editor para archivos de texto, ajena al correo, así que los lectores estrictos ven un campo cuyo nombre la contiene.",
        pl: "Nagłówek zaczyna się od znacznika kolejności bajtów (EF BB BF, U+FEFF) przed {field}: to znacznik edytora dla plików tekstowych, nie część poczty, więc ścisłe czytniki widzą pole, którego nazwa go zawiera.",
    },
    SPACE_BEFORE_COLON "space-before-colon" => {
        en: "White space between the field name {field} and its colon is obsolete syntax (RFC 5322 §4.5).",
        fr: "Un blanc entre le nom de champ {field} et ses deux-points est une syntaxe obsolète (RFC 5322 §4.5).",
        es: "Un espacio entre el nombre de campo {field} y sus dos puntos es sintaxis obsoleta (RFC 5322 §4.5).",
        pl: "Biały znak między nazwą pola {field} a dwukropkiem to przestarzała składnia (RFC 5322 §4.5).",
    },
    NOT_A_FIELD "not-a-field" => {
        en: "A header line has no colon, so it is not a field ({count, plural, one {# such line} other {# such lines}}): strict servers end the header there.",
        fr: "Une ligne d'en-tête n'a pas de deux-points, ce n'est donc pas un champ ({count, plural, one {# ligne de ce type} many {# de lignes de ce type} other {# lignes de ce type}}) : les serveurs stricts y terminent l'en-tête.",
        es: "Una línea de cabecera no tiene dos puntos, así que no es un campo ({count, plural, one {# línea así} many {# de líneas así} other {# líneas así}}): los servidores estrictos terminan ahí la cabecera.",
        pl: "Wiersz nagłówka nie ma dwukropka, więc nie jest polem ({count, plural, one {# taki wiersz} few {# takie wiersze} many {# takich wierszy} other {# takiego wiersza}}): ścisłe serwery kończą w tym miejscu nagłówek.",
    },
    HIDES_FIELDS "hides-fields" => {
        en: "A header line has no colon, so it is not a field ({count, plural, one {# such line} other {# such lines}}): strict parsers end the header there, and {fields}, below it, {fieldCount, plural, one {is} other {are}} lost; without {fieldCount, plural, one {it} other {them}} the message is refused.",
        fr: "Une ligne d'en-tête n'a pas de deux-points, ce n'est donc pas un champ ({count, plural, one {# ligne de ce type} many {# de lignes de ce type} other {# lignes de ce type}}) : les analyseurs stricts y terminent l'en-tête, et {fields}, plus bas, {fieldCount, plural, one {est perdu} other {sont perdus}} ; sans {fieldCount, plural, one {lui} other {eux}}, le message est refusé.",
        es: "Una línea de cabecera no tiene dos puntos, así que no es un campo ({count, plural, one {# línea así} many {# de líneas así} other {# líneas así}}): los analizadores estrictos terminan ahí la cabecera, y {fields}, más abajo, {fieldCount, plural, one {se pierde} other {se pierden}}; sin {fieldCount, plural, one {él} other {ellos}}, el mensaje se rechaza.",
        pl: "Wiersz nagłówka nie ma dwukropka, więc nie jest polem ({count, plural, one {# taki wiersz} few {# takie wiersze} many {# takich wierszy} other {# takiego wiersza}}): ścisłe parsery kończą w tym miejscu nagłówek, a {fields}, niżej, {fieldCount, plural, one {ginie} few {giną} many {giną} other {giną}}; bez {fieldCount, plural, one {niego} few {nich} many {nich} other {nich}} wiadomość zostaje odrzucona.",
    },
    ORPHAN_CONTINUATION "orphan-continuation" => {
        en: "The header starts with an indented line that continues no field ({count, plural, one {# such line} other {# such lines}}).",
        fr: "L'en-tête commence par une ligne indentée qui ne prolonge aucun champ ({count, plural, one {# ligne de ce type} many {# de lignes de ce type} other {# lignes de ce type}}).",
        es: "La cabecera empieza con una línea sangrada que no continúa ningún campo ({count, plural, one {# línea así} many {# de líneas así} other {# líneas así}}).",
        pl: "Nagłówek zaczyna się od wciętego wiersza, który nie kontynuuje żadnego pola ({count, plural, one {# taki wiersz} few {# takie wiersze} many {# takich wierszy} other {# takiego wiersza}}).",
    },
    TOO_MANY "too-many" => {
        en: "The header has more than {limit, plural, one {# line} other {# lines}}: {count, plural, one {the # after them was not checked} other {the # after them were not checked}}; beyond them, the first From, To, Date, Message-ID, Subject and MIME fields were still read.",
        fr: "L'en-tête a plus de {limit, plural, one {# ligne} many {# de lignes} other {# lignes}} : {count, plural, one {la ligne suivante n'a pas été vérifiée} other {les # suivantes n'ont pas été vérifiées}} ; au-delà, les premiers champs From, To, Date, Message-ID, Subject et MIME ont tout de même été lus.",
        es: "La cabecera tiene más de {limit, plural, one {# línea} many {# de líneas} other {# líneas}}: {count, plural, one {la línea siguiente no se revisó} other {las # siguientes no se revisaron}}; más allá, se leyeron igualmente los primeros campos From, To, Date, Message-ID, Subject y los de MIME.",
        pl: "Nagłówek ma ponad {limit, plural, one {# wiersz} few {# wiersze} many {# wierszy} other {# wiersza}}: {count, plural, one {# kolejnego wiersza} few {# kolejnych wierszy} many {# kolejnych wierszy} other {# kolejnego wiersza}} nie sprawdzono; dalej odczytano jednak pierwsze pola From, To, Date, Message-ID, Subject i pola MIME.",
    },
    EMPTY_NAME "empty-name" => {
        en: "A header line starts with a colon: the field has no name ({count, plural, one {# such line} other {# such lines}}).",
        fr: "Une ligne d'en-tête commence par deux-points : le champ n'a pas de nom ({count, plural, one {# ligne de ce type} many {# de lignes de ce type} other {# lignes de ce type}}).",
        es: "Una línea de cabecera empieza con dos puntos: el campo no tiene nombre ({count, plural, one {# línea así} many {# de líneas así} other {# líneas así}}).",
        pl: "Wiersz nagłówka zaczyna się od dwukropka: pole nie ma nazwy ({count, plural, one {# taki wiersz} few {# takie wiersze} many {# takich wierszy} other {# takiego wiersza}}).",
    },
}

pub const RULE: Rule = Rule {
    id: ID,
    group: Group::Headers,
    severity: Severity::Warning,
    evidence: &[
        Evidence::Receiver("rspamd BROKEN_HEADERS (10 points) when the header block cannot be read; parsers end the header at the first line that is not a field, so the fields after it are lost"),
        Evidence::Receiver("error when a From or Message-ID comes only after the line: a strict parser (Python email: MissingHeaderBodySeparatorDefect, msg['From'] is None) ends the header there and reads a message without them, which Gmail refuses (headers/missing-field's evidence)"),
        Evidence::Rfc("RFC 5322 §3.6.8: a field name is printable US-ASCII except the colon; §4.5: white space before the colon is obsolete"),
        Evidence::Guide("seed 002 (fr) l. 176: « L'entête de l'e-mail envoyé ne respecte pas les RFC « e-mails » (normes ou standards e-mails) »"),
    ],
    score: crate::rules::scores::FIELD_NAME_INVALID,
    texts: &TEXTS,
    thresholds: &[],
    examples: &[
        Example::fails(
            title! {
                en: "A space inside a field name",
                fr: "Une espace dans un nom de champ",
                es: "Un espacio dentro de un nombre de campo",
                pl: "Spacja w nazwie pola",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nX Mailer: Form 1.0\nSubject: Hi\n\nHello\n"),
        ),
        Example::fails(
            title! {
                en: "A header line without a colon",
                fr: "Une ligne d'en-tête sans deux-points",
                es: "Una línea de cabecera sin dos puntos",
                pl: "Wiersz nagłówka bez dwukropka",
            },
            ExampleInput::Raw(
                "From: a@example.com\nTo: b@example.com\nSubject: Hi\nThank you for your order\n\nHello\n",
            ),
        ),
        Example::fails(
            title! {
                en: "A line without a colon before From and Message-ID: a strict parser loses them (error)",
                fr: "Une ligne sans deux-points avant From et Message-ID : un analyseur strict les perd (erreur)",
                es: "Una línea sin dos puntos antes de From y Message-ID: un analizador estricto los pierde (error)",
                pl: "Wiersz bez dwukropka przed From i Message-ID: ścisły parser je gubi (błąd)",
            },
            ExampleInput::Raw(
                "Subject: Hi\nThank you for your order\nFrom: a@example.com\nTo: b@example.com\nMessage-ID: <1@example.com>\n\nHello\n",
            ),
        )
        .at(Severity::Error),
        Example::fails(
            title! {
                en: "White space before the colon (obsolete: info)",
                fr: "Une espace avant les deux-points (obsolète : information)",
                es: "Espacio antes de los dos puntos (obsoleto: información)",
                pl: "Biały znak przed dwukropkiem (przestarzałe: informacja)",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject : Hi\n\nHello\n"),
        )
        .at(Severity::Info),
        Example::fails(
            title! {
                en: "A header of 10,001 fields",
                fr: "Un en-tête de 10 001 champs",
                es: "Una cabecera de 10.001 campos",
                pl: "Nagłówek z 10 001 polami",
            },
            ExampleInput::Generated(too_many_lines),
        ),
        Example::fails(
            title! {
                en: "A byte order mark before the first field (a file saved by a text editor)",
                fr: "Une marque d'ordre des octets avant le premier champ (un fichier enregistré par un éditeur de texte)",
                es: "Una marca de orden de bytes antes del primer campo (un archivo guardado por un editor de texto)",
                pl: "Znacznik kolejności bajtów przed pierwszym polem (plik zapisany w edytorze tekstu)",
            },
            ExampleInput::Raw("\u{feff}From: a@example.com\nTo: b@example.com\nSubject: Hi\n\nHello\n"),
        ),
        Example::passes(
            title! {
                en: "Names with digits, dashes and dots",
                fr: "Des noms avec des chiffres, des tirets et des points",
                es: "Nombres con cifras, guiones y puntos",
                pl: "Nazwy z cyframi, łącznikami i kropkami",
            },
            ExampleInput::Raw(
                "From: a@example.com\nTo: b@example.com\nX-Mailer.Version-2: Form\nSubject: Hi\n\nHello\n",
            ),
        ),
        Example::passes(
            title! {
                en: "A folded field",
                fr: "Un champ replié sur plusieurs lignes",
                es: "Un campo plegado en varias líneas",
                pl: "Pole zawinięte na kilka wierszy",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Hi\n there\n\nHello\n"),
        ),
    ],
    check: Check::Message(check),
};

/// One header line more than the model keeps (`MAX_HEADER_LINES`).
fn too_many_lines() -> Vec<u8> {
    // The last line is one the model does not look for past the limit (`FIELDS_LOCATED_PAST_LIMIT`).
    let fields = "X-Tag: 1\n".repeat(crate::model::headers::MAX_HEADER_LINES - 3);
    format!("From: a@example.com\nTo: b@example.com\nSubject: Hi\n{fields}X-Last: 1\n\nHello\n").into_bytes()
}

/// U+FEFF in UTF-8: the byte order mark editors put at the start of a text file.
const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// RFC 5322 §3.6.8 ftext: %d33-57 / %d59-126.
fn is_ftext(b: u8) -> bool {
    (33..=126).contains(&b) && b != b':'
}

fn check(message: &Message, cx: &mut Context) {
    for (part, block) in super::header_blocks(message) {
        // The model's limit (`model::headers::MAX_HEADER_LINES`): what lies beyond went unchecked.
        if block.omitted > 0 {
            let limit = crate::model::headers::MAX_HEADER_LINES;
            let location = Location::range(block.start, block.end);
            // The first line left unchecked.
            let (start, end) = block.first_omitted.unwrap_or((block.end, block.end));
            cx.emit(
                Draft::new(Msg::of(&TOO_MANY).int("limit", limit as i64).int("count", block.omitted as i64))
                    .evidence_at(message, start..end)
                    .at(if part == 0 { location } else { location.with_part(part) }),
            );
        }
        for field in &block.fields {
            let Some(raw_name) = message.raw.get(field.start..field.colon) else { continue };
            let trimmed_len = raw_name.iter().rposition(|&b| b != b' ' && b != b'\t').map_or(0, |p| p + 1);
            let name = &raw_name[..trimmed_len];
            let location = |s: usize, e: usize| {
                let l = Location::header(field.name.clone(), s, e);
                if part == 0 {
                    l
                } else {
                    l.with_part(part)
                }
            };
            if let (true, Some(rest)) = (field.start == block.start, name.strip_prefix(UTF8_BOM)) {
                let named = String::from_utf8_lossy(rest).into_owned();
                cx.emit(
                    Draft::new(Msg::of(&BOM).text("field", named))
                        .evidence_bytes(raw_name)
                        .at(location(field.start, field.start + UTF8_BOM.len())),
                );
            } else if let Some(bad) = name.iter().position(|&b| !is_ftext(b)) {
                cx.emit(
                    Draft::new(Msg::of(&BAD_CHARACTER).text("field", field.name.clone()).int("position", bad + 1))
                        .evidence_bytes(raw_name)
                        .at(location(field.start, field.colon)),
                );
            } else if trimmed_len < raw_name.len() {
                cx.emit(
                    Draft::new(Msg::of(&SPACE_BEFORE_COLON).text("field", field.name.clone()))
                        .evidence_bytes(&message.raw[field.start..field.colon + 1])
                        .at(location(field.start + trimmed_len, field.colon))
                        .severity(Severity::Info),
                );
            }
        }
        // A part's header that mail-parser starts inside a line (after `--boundary`
        // on a line that only starts like a delimiter, `--XYZX`): that line's tail is no
        // header line the sender wrote; `headers/multipart-boundary` reports the line.
        let mid_line = |start: usize| part != 0 && start > 0 && message.raw.get(start - 1) != Some(&b'\n');
        let malformed: Vec<_> = block.malformed.iter().filter(|m| !mid_line(m.start)).collect();
        let count = malformed.len();
        if let Some(first) = malformed.first() {
            let id = match first.kind {
                MalformedKind::NoColon => &NOT_A_FIELD,
                MalformedKind::OrphanContinuation => &ORPHAN_CONTINUATION,
                MalformedKind::EmptyName => &EMPTY_NAME,
            };
            let location = Location::range(first.start, first.end);
            let lost = match (part, first.kind) {
                (0, MalformedKind::NoColon) => lost_fields(message, block, first.start),
                _ => Vec::new(),
            };
            let draft = if lost.is_empty() {
                Draft::new(Msg::of(id).int("count", count))
            } else {
                let hides = Msg::of(&HIDES_FIELDS).int("count", count);
                Draft::new(hides.text("fields", lost.join(", ")).int("fieldCount", lost.len())).severity(Severity::Error)
            };
            cx.emit(
                draft
                    .evidence_bytes(message.raw.get(first.start..first.end).unwrap_or(&[]))
                    .at(if part == 0 { location } else { location.with_part(part) }),
            );
        }
    }
}

/// The fields whose absence gets a message refused (From, and Message-ID unless
/// the mailer adds it: `headers/missing-field`) that a strict parser, ending the
/// header at the line at `broken`, does not read: present only after that line.
fn lost_fields(message: &Message, block: &crate::model::headers::HeaderBlock, broken: usize) -> Vec<&'static str> {
    super::missing_field::EXPECTED
        .iter()
        .filter(|(_, severity)| *severity == crate::report::Severity::Error)
        .map(|&(name, _)| name)
        .filter(|name| !message.mailer_adds(name))
        .filter(|name| {
            let mut fields = block.all(name).peekable();
            fields.peek().is_some() && fields.all(|f| f.start > broken)
        })
        .collect()
}
