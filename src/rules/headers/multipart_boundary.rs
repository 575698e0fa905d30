//! `headers/multipart-boundary`: RFC 2046 §5.1.1: a multipart part declares a
//! boundary of 1 to 70 characters from a fixed set, its body has delimiter
//! lines `--boundary` and ends with the closing delimiter `--boundary--`.
//! Without them readers show the MIME source, or drop the last part.

use crate::i18n::{Localized, Msg};
use crate::model::Message;
use crate::report::{Location, Severity};
use crate::rules::{Check, Context, Draft, Example, ExampleInput, Group, Rule};
use crate::settings::{Evidence, Kind, Threshold};
use crate::title;

crate::rule_texts! { "headers/multipart-boundary";
    summary => {
        en: "A multipart part has no boundary, a boundary that is too long or never used, or no closing delimiter.",
        fr: "Une partie multipart n'a pas de boundary, un boundary trop long ou jamais utilisé, ou pas de délimiteur de fin.",
        es: "Una parte multipart no tiene boundary, tiene uno demasiado largo o nunca usado, o le falta el delimitador de cierre.",
        pl: "Część multipart nie ma boundary, ma zbyt długie lub nieużywane boundary albo nie ma ogranicznika zamykającego.",
    },
    why => {
        en: "RFC 2046 §5.1.1: the boundary parameter (1 to 70 characters) separates the parts with --boundary lines and --boundary-- closes them. Without it readers show the raw MIME source, or drop the last part and its attachment.",
        fr: "RFC 2046 §5.1.1 : le paramètre boundary (1 à 70 caractères) sépare les parties par des lignes --boundary, et --boundary-- les clôt. Sans lui, les lecteurs affichent la source MIME brute, ou perdent la dernière partie et sa pièce jointe.",
        es: "RFC 2046 §5.1.1: el parámetro boundary (de 1 a 70 caracteres) separa las partes con líneas --boundary y --boundary-- las cierra. Sin él los lectores muestran el código MIME en bruto o pierden la última parte y su adjunto.",
        pl: "RFC 2046 §5.1.1: parametr boundary (od 1 do 70 znaków) oddziela części wierszami --boundary, a --boundary-- je zamyka. Bez niego czytniki pokazują surowe źródło MIME albo gubią ostatnią część wraz z załącznikiem.",
    },
    fix => {
        en: "Let your mail library build multipart messages; by hand, declare boundary=\"…\" (at most 70 characters), start each part with --boundary and end with --boundary-- (RFC 2046 §5.1.1).",
        fr: "Laissez votre bibliothèque d'envoi construire les messages multipart ; à la main, déclarez boundary=\"…\" (70 caractères au plus), commencez chaque partie par --boundary et finissez par --boundary-- (RFC 2046 §5.1.1).",
        es: "Deje que su biblioteca de correo construya los mensajes multipart; a mano, declare boundary=\"…\" (70 caracteres como máximo), empiece cada parte con --boundary y termine con --boundary-- (RFC 2046 §5.1.1).",
        pl: "Pozwól bibliotece pocztowej budować wiadomości multipart; ręcznie zadeklaruj boundary=\"…\" (najwyżej 70 znaków), zaczynaj każdą część od --boundary i zakończ --boundary-- (RFC 2046 §5.1.1).",
    },
    MISSING "missing" => {
        en: "This multipart part has no boundary parameter: its parts cannot be found.",
        fr: "Cette partie multipart n'a pas de paramètre boundary : ses parties sont introuvables.",
        es: "Esta parte multipart no tiene parámetro boundary: sus partes no se pueden encontrar.",
        pl: "Ta część multipart nie ma parametru boundary: nie da się odnaleźć jej części.",
    },
    TOO_LONG "too-long" => {
        en: "The boundary has {length, plural, one {# character} other {# characters}}; at most {limit, plural, one {# is allowed} other {# are allowed}}.",
        fr: "Le boundary a {length, plural, one {# caractère} many {# de caractères} other {# caractères}} ; la limite est de {limit, plural, one {# caractère} many {# de caractères} other {# caractères}}.",
        es: "El boundary tiene {length, plural, one {# carácter} many {# de caracteres} other {# caracteres}}; {limit, plural, one {se permite # como máximo} other {se permiten # como máximo}}.",
        pl: "Boundary ma {length, plural, one {# znak} few {# znaki} many {# znaków} other {# znaku}}; {limit, plural, one {dozwolony jest najwyżej # znak} few {dozwolone są najwyżej # znaki} many {dozwolonych jest najwyżej # znaków} other {dozwolone jest najwyżej # znaku}}.",
    },
    BAD_CHARS "bad-chars" => {
        en: "The boundary has characters outside RFC 2046's set (letters, digits and ' ( ) + _ , - . / : = ? and space, not at the end), such as “{char}”.",
        fr: "Le boundary contient des caractères hors de l'ensemble de la RFC 2046 (lettres, chiffres et ' ( ) + _ , - . / : = ? et l'espace, sauf à la fin), par exemple « {char} ».",
        es: "El boundary contiene caracteres fuera del conjunto del RFC 2046 (letras, dígitos y ' ( ) + _ , - . / : = ? y el espacio, salvo al final), por ejemplo «{char}».",
        pl: "Boundary zawiera znaki spoza zestawu RFC 2046 (litery, cyfry i ' ( ) + _ , - . / : = ? oraz spacja, ale nie na końcu), np. „{char}”.",
    },
    SPACE_AT_END "space-at-end" => {
        en: "The boundary ends with a space, which RFC 2046 §5.1.1 does not allow.",
        fr: "Le boundary se termine par une espace, ce que la RFC 2046 §5.1.1 n'autorise pas.",
        es: "El boundary termina en un espacio, lo que el RFC 2046 §5.1.1 no permite.",
        pl: "Boundary kończy się spacją, na co RFC 2046 §5.1.1 nie pozwala.",
    },
    UNUSED "unused" => {
        en: "The declared boundary never appears in the body: readers find no parts.",
        fr: "Le boundary déclaré n'apparaît jamais dans le corps : les lecteurs ne trouvent aucune partie.",
        es: "El boundary declarado nunca aparece en el cuerpo: los lectores no encuentran ninguna parte.",
        pl: "Zadeklarowane boundary nigdy nie pojawia się w treści: czytniki nie znajdują żadnej części.",
    },
    TOO_DEEP "too-deep" => {
        en: "The MIME structure nests more than {limit, plural, one {# level} other {# levels}} deep: the parts below were not checked.",
        fr: "La structure MIME s'imbrique sur plus de {limit, plural, one {# niveau} many {# de niveaux} other {# niveaux}} : les parties plus profondes n'ont pas été vérifiées.",
        es: "La estructura MIME se anida en más de {limit, plural, one {# nivel} many {# de niveles} other {# niveles}}: las partes más profundas no se revisaron.",
        pl: "Struktura MIME ma ponad {limit, plural, one {# poziom} few {# poziomy} many {# poziomów} other {# poziomu}} zagnieżdżenia: głębszych części nie sprawdzono.",
    },
    TOO_MANY_PARTS "too-many-parts" => {
        en: "The message has more than {limit, plural, one {# MIME part} other {# MIME parts}}: the rest were not checked.",
        fr: "Le message a plus de {limit, plural, one {# partie MIME} many {# de parties MIME} other {# parties MIME}} : les suivantes n'ont pas été vérifiées.",
        es: "El mensaje tiene más de {limit, plural, one {# parte MIME} many {# de partes MIME} other {# partes MIME}}: las demás no se revisaron.",
        pl: "Wiadomość ma ponad {limit, plural, one {# część MIME} few {# części MIME} many {# części MIME} other {# części MIME}}: pozostałych nie sprawdzono.",
    },
    REREAD_CUT "reread-cut" => {
        en: "Attached messages sent in base64 or quoted-printable, nested one in another, take more than {limit, plural, one {# byte} other {# bytes}} of decoded text to read: the deeper ones were not checked.",
        fr: "Des messages joints envoyés en base64 ou en quoted-printable, imbriqués les uns dans les autres, demandent plus de {limit, plural, one {# octet} many {# d'octets} other {# octets}} de texte décodé à lire : les plus profonds n'ont pas été vérifiés.",
        es: "Los mensajes adjuntos enviados en base64 o quoted-printable, anidados unos en otros, requieren leer más de {limit, plural, one {# byte} many {# de bytes} other {# bytes}} de texto decodificado: los más profundos no se revisaron.",
        pl: "Załączone wiadomości wysłane w base64 lub quoted-printable, zagnieżdżone jedna w drugiej, wymagają odczytania ponad {limit, plural, one {# bajt} few {# bajty} many {# bajtów} other {# bajta}} zdekodowanego tekstu: najgłębszych nie sprawdzono.",
    },
    NESTED_PREFIX "nested-prefix" => {
        en: "The boundary {inner} of a nested multipart starts with {outer}, the boundary of a multipart around it: a reader that finds boundaries by their start (RFC 2046 §5.1.1) ends the outer part at the inner one's first delimiter line.",
        fr: "Le boundary {inner} d'un multipart imbriqué commence par {outer}, le boundary d'un multipart qui l'entoure : un lecteur qui repère les boundaries par leur début (RFC 2046 §5.1.1) termine la partie englobante à la première ligne de délimitation intérieure.",
        es: "El boundary {inner} de un multipart anidado empieza por {outer}, el boundary de un multipart que lo contiene: un lector que encuentra los boundaries por su comienzo (RFC 2046 §5.1.1) termina la parte exterior en la primera línea delimitadora interior.",
        pl: "Boundary {inner} zagnieżdżonego multipart zaczyna się od {outer}, boundary otaczającego go multipart: czytnik, który rozpoznaje boundary po ich początku (RFC 2046 §5.1.1), zakończy zewnętrzną część na pierwszym wewnętrznym wierszu ogranicznika.",
    },
    NO_PART "no-part" => {
        en: "The body has only the closing delimiter --{boundary}--, no part before it: readers find no parts.",
        fr: "Le corps n'a que le délimiteur de fin --{boundary}--, sans partie avant lui : les lecteurs ne trouvent aucune partie.",
        es: "El cuerpo solo tiene el delimitador de cierre --{boundary}--, sin ninguna parte antes: los lectores no encuentran ninguna parte.",
        pl: "Treść ma tylko ogranicznik zamykający --{boundary}--, bez żadnej części przed nim: czytniki nie znajdują żadnej części.",
    },
    PREFIXED_LINE "prefixed-line" => {
        en: "{count, plural, one {# line starts} other {# lines start}} with --{boundary} without being a delimiter line, such as {line}: RFC 2046 §5.1.1 forbids such lines inside a part, and readers differ on them (some end the part there and lose the rest of its text, others keep the line as text).",
        fr: "{count, plural, one {# ligne commence} many {# de lignes commencent} other {# lignes commencent}} par --{boundary} sans être une ligne de délimitation, par exemple {line} : la RFC 2046 §5.1.1 interdit de telles lignes dans une partie, et les lecteurs divergent (certains y terminent la partie et perdent la suite de son texte, d'autres gardent la ligne comme du texte).",
        es: "{count, plural, one {# línea empieza} many {# de líneas empiezan} other {# líneas empiezan}} por --{boundary} sin ser una línea delimitadora, por ejemplo {line}: el RFC 2046 §5.1.1 prohíbe esas líneas dentro de una parte, y los lectores no coinciden (unos terminan ahí la parte y pierden el resto de su texto, otros conservan la línea como texto).",
        pl: "{count, plural, one {# wiersz zaczyna} few {# wiersze zaczynają} many {# wierszy zaczyna} other {# wiersza zaczyna}} się od --{boundary}, nie będąc wierszem ogranicznika, np. {line}: RFC 2046 §5.1.1 zabrania takich wierszy wewnątrz części, a czytniki traktują je różnie (jedne kończą tam część i gubią resztę jej tekstu, inne zostawiają wiersz jako tekst).",
    },
    NO_CLOSE "no-close" => {
        en: "The closing delimiter --{boundary}-- is missing: the last part may be cut or lost.",
        fr: "Le délimiteur de fin --{boundary}-- manque : la dernière partie peut être tronquée ou perdue.",
        es: "Falta el delimitador de cierre --{boundary}--: la última parte puede cortarse o perderse.",
        pl: "Brak ogranicznika zamykającego --{boundary}--: ostatnia część może zostać ucięta lub utracona.",
    },
}

/// Longest multipart boundary, in characters.
pub const MAX_BOUNDARY_CHARS: Threshold = Threshold {
    key: "headers.maxBoundaryChars",
    kind: Kind::Int { default: 70, min: 1, max: 10_000 },
    doc: Localized {
        en: "Longest multipart boundary, in characters.",
        fr: "Plus long boundary multipart, en caractères.",
        es: "Boundary multipart más largo, en caracteres.",
        pl: "Najdłuższy boundary multipart, w znakach.",
    },
    evidence: Evidence::Rfc("RFC 2046 §5.1.1: boundary := 0*69<bchars> bcharsnospace (1 to 70 characters)"),
};

pub const RULE: Rule = Rule {
    id: ID,
    group: Group::Headers,
    severity: Severity::Warning,
    evidence: &[
        Evidence::Receiver("rspamd BROKEN_CONTENT_TYPE (1.5 points): a multipart whose parts cannot be found; a long boundary or a missing closing delimiter is read by every parser (info)"),
        Evidence::Rfc("RFC 2046 §5.1.1: a multipart declares a boundary of 1 to 70 characters, its body has delimiter lines and a closing delimiter"),
        Evidence::Rfc("RFC 2046 §5.1.1: \"the boundary delimiter MUST NOT appear inside any of the encapsulated parts\"; its note to implementors: \"Boundary string comparisons must compare the boundary value with the beginning of each candidate line. An exact match of the entire candidate line is not required\": a nested multipart's boundary that starts with an outer one (Eudora's `…==_` around `…==_.REL` did) writes the outer delimiter at the start of each of its delimiter lines, where such a reader ends the outer part; information, as the readers in use match the line whole and no receiver is known to punish it"),
        Evidence::Guide("seed 002 (fr) l. 176: « L'entête de l'e-mail envoyé ne respecte pas les RFC « e-mails » (normes ou standards e-mails) »"),
    ],
    score: crate::rules::scores::MULTIPART_BROKEN,
    texts: &TEXTS,
    thresholds: &[&MAX_BOUNDARY_CHARS],
    examples: &[
        Example::fails(
            title! {
                en: "A multipart without boundary",
                fr: "Un multipart sans boundary",
                es: "Un multipart sin boundary",
                pl: "Multipart bez boundary",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Hi\nMIME-Version: 1.0\nContent-Type: multipart/mixed\n\n--X\nContent-Type: text/plain\n\nHello\n--X--\n"),
        ),
        Example::fails(
            title! {
                en: "A boundary that never appears",
                fr: "Un boundary qui n'apparaît jamais",
                es: "Un boundary que nunca aparece",
                pl: "Boundary, które nigdzie się nie pojawia",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Hi\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"XYZ\"\n\n--ABC\nContent-Type: text/plain\n\nHello\n--ABC--\n"),
        ),
        Example::fails(
            title! {
                en: "No closing delimiter",
                fr: "Pas de délimiteur de fin",
                es: "Sin delimitador de cierre",
                pl: "Brak ogranicznika zamykającego",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Hi\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"X\"\n\n--X\nContent-Type: text/plain\n\nHello\n"),
        )
        .at(Severity::Info),
        Example::fails(
            title! {
                en: "A boundary of 71 characters",
                fr: "Un boundary de 71 caractères",
                es: "Un boundary de 71 caracteres",
                pl: "Boundary o długości 71 znaków",
            },
            ExampleInput::Generated(long_boundary),
        )
        .at(Severity::Info),
        Example::fails(
            title! {
                en: "Multiparts nested 65 levels deep",
                fr: "Des multiparts imbriqués sur 65 niveaux",
                es: "Multiparts anidados en 65 niveles",
                pl: "Multiparty zagnieżdżone na 65 poziomach",
            },
            ExampleInput::Generated(nested_too_deep),
        ),
        Example::fails(
            title! {
                en: "A nested boundary that starts with the outer one",
                fr: "Un boundary imbriqué qui commence par celui de l'extérieur",
                es: "Un boundary anidado que empieza por el exterior",
                pl: "Zagnieżdżone boundary zaczynające się od zewnętrznego",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Hi\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"b\"\n\n--b\nContent-Type: multipart/alternative; boundary=\"b2\"\n\n--b2\nContent-Type: text/plain\n\nHello\n--b2\nContent-Type: text/html\n\n<p>Hello</p>\n--b2--\n--b--\n"),
        )
        .at(Severity::Info),
        Example::fails(
            title! {
                en: "A line of the text that starts with the boundary",
                fr: "Une ligne du texte qui commence par le boundary",
                es: "Una línea del texto que empieza por el boundary",
                pl: "Wiersz tekstu zaczynający się od boundary",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Hi\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"XYZ\"\n\n--XYZ\nContent-Type: text/plain\n\nFirst line.\n--XYZ-this line is part of the text\nLast line.\n--XYZ--\n"),
        )
        .at(Severity::Info),
        Example::passes(
            title! {
                en: "Delimiters and closing delimiter",
                fr: "Des délimiteurs et le délimiteur de fin",
                es: "Delimitadores y delimitador de cierre",
                pl: "Ograniczniki i ogranicznik zamykający",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Hi\nMIME-Version: 1.0\nContent-Type: multipart/alternative; boundary=\"b1=_x\"\n\npreamble\n--b1=_x\nContent-Type: text/plain\n\nHello\n--b1=_x\nContent-Type: text/html\n\n<p>Hello</p>\n--b1=_x--\nepilogue\n"),
        ),
    ],
    check: Check::Message(check),
};

/// One level of nesting more than the model reads (`MAX_MIME_DEPTH`).
fn nested_too_deep() -> Vec<u8> {
    let depth = crate::model::MAX_MIME_DEPTH + 1;
    let mut raw = String::from("From: a@example.com\nTo: b@example.com\nSubject: Hi\nMIME-Version: 1.0\n");
    // `b{i}_` so that no boundary starts with another (`b1` and `b10` would).
    for i in 0..depth {
        raw.push_str(&format!("Content-Type: multipart/mixed; boundary=\"b{i}_\"\n\n--b{i}_\n"));
    }
    raw.push_str("Content-Type: text/plain\n\nHello\n");
    for i in (0..depth).rev() {
        raw.push_str(&format!("--b{i}_--\n"));
    }
    raw.into_bytes()
}

fn long_boundary() -> Vec<u8> {
    let b = "b".repeat(71);
    format!("From: a@example.com\nTo: b@example.com\nSubject: Hi\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"{b}\"\n\n--{b}\nContent-Type: text/plain\n\nHello\n--{b}--\n").into_bytes()
}

/// RFC 2046 §5.1.1 bchars.
fn is_bchar(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"'()+_,-./:=? ".contains(&b)
}

fn check(message: &Message, cx: &mut Context) {
    // A message of one part, whose parts the model did not cut (most first
    // lints), has nothing for the reading below: it is not called, nor compiled
    // by V8 then (#14).
    if !message.truncated_depth
        && !message.truncated_parts
        && !message.truncated_reread
        && !message.parts.iter().any(multipart_type)
    {
        return;
    }
    check_parts(message, cx);
}

/// Whether a part's media type is `multipart/*`: the parts whose boundaries are checked.
fn multipart_type(part: &crate::model::Part) -> bool {
    part.content_type.starts_with("multipart/")
}

/// `check` of a message that has multipart parts or was cut.
#[inline(never)]
fn check_parts(message: &Message, cx: &mut Context) {
    // The model's limits (`model::MAX_MIME_DEPTH`, `MAX_MIME_PARTS`): what lies beyond went unchecked.
    // Each quotes the Content-Type of the part where the checking stopped: the
    // deepest part kept, or the last.
    let content_type_of = |part: Option<&crate::model::Part>| {
        let part = part.unwrap_or(&message.parts[0]);
        let field = part.headers.fields.iter().find(|f| f.is("Content-Type"));
        field.map_or_else(|| part.content_type.clone(), |f| super::field_text(message, f))
    };
    if message.truncated_depth && !message.parts.is_empty() {
        let deepest = message.parts.iter().max_by_key(|p| p.depth);
        cx.emit(
            Draft::new(Msg::of(&TOO_DEEP).int("limit", crate::model::MAX_MIME_DEPTH as i64))
                .evidence(content_type_of(deepest)),
        );
    }
    if message.truncated_parts && !message.parts.is_empty() {
        cx.emit(
            Draft::new(Msg::of(&TOO_MANY_PARTS).int("limit", crate::model::MAX_MIME_PARTS as i64))
                .evidence(content_type_of(message.parts.last())),
        );
    }
    // `model::MAX_REREAD_MESSAGE_BYTES`: an encoded attached message left as mail-parser read it.
    if message.truncated_reread && !message.parts.is_empty() {
        let kept = message.parts.iter().filter(|p| p.content_type == "message/rfc822").max_by_key(|p| p.depth);
        cx.emit(
            Draft::new(Msg::of(&REREAD_CUT).int("limit", crate::model::MAX_REREAD_MESSAGE_BYTES as i64))
                .evidence(content_type_of(kept)),
        );
    }
    let max = cx.settings.count(&MAX_BOUNDARY_CHARS);
    let mut nested_prefix_said = false;
    let mut prefixed_line_said = false;
    // The multiparts' boundaries, each once, sorted: those that start with a
    // boundary and are longer follow it, in one run (`nested` below). Each
    // multipart had gone through all the parts for them: 4,000 multiparts in
    // a row never closed (0.28 MB) took 2.7 s in wasm, quadratic to the limit
    // of parts.
    let mut boundaries: Vec<&[u8]> = message
        .parts
        .iter()
        .filter(|p| multipart_type(p))
        .filter_map(|p| p.boundary.as_deref().map(str::as_bytes))
        .collect();
    boundaries.sort_unstable();
    boundaries.dedup();
    for part in message.parts.iter().filter(|p| multipart_type(p) && super::has_raw_offsets(p)) {
        let field = part.headers.fields.iter().find(|f| f.is("Content-Type"));
        let at = |start: usize, end: usize| -> Location {
            let l = match field {
                Some(f) => Location::header(f.name.clone(), start, end),
                None => Location::range(start, end),
            };
            if part.index == 0 {
                l
            } else {
                l.with_part(part.index)
            }
        };
        let (field_start, field_end) = field.map_or((0, 0), |f| (f.start, f.end));
        let evidence = field.map(|f| super::field_text(message, f)).unwrap_or_default();
        let Some(boundary) = part.boundary.as_deref().filter(|b| !b.is_empty()) else {
            if field.is_some() {
                cx.emit(Draft::new(Msg::of(&MISSING)).evidence(evidence).at(at(field_start, field_end)));
            }
            continue;
        };
        let bytes = boundary.as_bytes();
        // What is wrong with it, said once: its length, else a character out of the set, else a final space.
        let outside = boundary.chars().find(|&c| !c.is_ascii() || !is_bchar(c as u8));
        let bad = if bytes.len() > max {
            Some(Msg::of(&TOO_LONG).int("length", boundary.chars().count()).int("limit", max))
        } else if let Some(c) = outside {
            Some(Msg::of(&BAD_CHARS).text("char", c.to_string()))
        } else if boundary.ends_with(' ') {
            Some(Msg::of(&SPACE_AT_END))
        } else {
            None
        };
        if let Some(bad) = bad {
            cx.emit(Draft::new(bad).evidence(boundary).at(at(field_start, field_end)).severity(Severity::Info));
        }
        // An enclosing multipart's boundary that this one starts with (`b` around `b2`,
        // or the same), said once a message: information, since the readers in use
        // match a delimiter line whole (Python's email, mail-parser; Eudora wrote
        // `…==_` around `…==_.REL` for years) and no receiver is known to punish it,
        // though RFC 2046 §5.1.1 asks them to match its start.
        let mut ancestor = part.parent.and_then(|p| message.parts.get(p)).filter(|_| !nested_prefix_said);
        while let Some(outer) = ancestor {
            if let Some(outer_boundary) = outer.boundary.as_deref().filter(|b| !b.is_empty() && multipart_type(outer)) {
                if boundary.starts_with(outer_boundary) {
                    cx.emit(
                        Draft::new(Msg::of(&NESTED_PREFIX).text("inner", boundary).text("outer", outer_boundary))
                            .evidence(evidence.clone())
                            .at(at(field_start, field_end))
                            .severity(Severity::Info),
                    );
                    nested_prefix_said = true;
                    break;
                }
            }
            ancestor = outer.parent.and_then(|p| message.parts.get(p));
        }
        let Some(range) = part.body_range.clone() else { continue };
        // Scan up to the end of the enclosing part: a missing close makes
        // mail-parser end this part early.
        let limit = part
            .parent
            .and_then(|p| message.parts.get(p))
            .and_then(|p| p.body_range.as_ref().map(|r| r.end))
            .unwrap_or(message.raw.len())
            .max(range.end)
            .min(message.raw.len());
        let lines = message.line_index.lines_in(message.raw, range.start.min(limit)..limit);
        // The boundaries of the other multiparts that start with this one's (nested in
        // it, `nested-prefix` above, or around it, `a` inside `ab`): their delimiter
        // lines are no stray lines here.
        let nested = longer_with_prefix(&boundaries, bytes);
        // The nearest multipart around it: its delimiter line ends this one, closed
        // or not (RFC 2046 §5.1.2; Python's email, SpamAssassin), and the scan.
        let mut around = part.parent.and_then(|p| message.parts.get(p));
        while let Some(p) = around.filter(|p| !(multipart_type(p) && p.boundary.as_deref().is_some_and(|b| !b.is_empty()))) {
            around = p.parent.and_then(|p| message.parts.get(p));
        }
        let outer = around.and_then(|p| p.boundary.as_deref()).map(str::as_bytes).filter(|&b| b != bytes);
        let Delimiters { count: delimiters, closed, stray, first_stray } =
            count_delimiters(message.raw, lines, bytes, nested, outer);
        // Said once a message, and not when the model cut the tree (the boundaries of
        // the multiparts left out, whose delimiter lines these may be, are unknown).
        let tree_whole = !message.truncated_depth && !message.truncated_parts;
        if let Some((start, end)) = first_stray.filter(|_| tree_whole && !prefixed_line_said) {
            prefixed_line_said = true;
            // RFC 2046 §5.1.1: "Lines in a body-part must not start with the specified
            // dash-boundary"; information, as no receiver is known to punish it, though
            // mail-parser ends the part there and Python's email keeps the line as text.
            let line = String::from_utf8_lossy(&message.raw[start..end]).into_owned();
            cx.emit(
                Draft::new(Msg::of(&PREFIXED_LINE).int("count", stray).text("boundary", boundary).text("line", line))
                    .evidence_at(message, start..end)
                    .at(Location::part(part.index).with_range(start, end))
                    .severity(Severity::Info),
            );
        }
        if delimiters == 0 && !closed {
            cx.emit(Draft::new(Msg::of(&UNUSED)).evidence(boundary).at(at(field_start, field_end)));
        } else if delimiters == 0 {
            // RFC 2046 §5.1.1: a body of one part at least (`dash-boundary … body-part`
            // before any `close-delimiter`); rspamd's BROKEN_CONTENT_TYPE: parts cannot be found.
            cx.emit(
                Draft::new(Msg::of(&NO_PART).text("boundary", boundary))
                    .evidence(format!("--{boundary}--"))
                    .at(at(field_start, field_end)),
            );
        } else if !closed {
            let end = range.end.min(message.raw.len());
            let location = Location::part(part.index).with_range(end, end);
            cx.emit(
                Draft::new(Msg::of(&NO_CLOSE).text("boundary", boundary))
                    .evidence(format!("--{boundary}--"))
                    .at(location)
                    .severity(Severity::Info),
            );
        }
    }
}

/// What `count_delimiters` finds in a multipart's body.
#[derive(Debug, Default, PartialEq)]
struct Delimiters {
    /// Delimiter lines `--boundary` (transport padding, spaces and tabs, after it allowed).
    count: usize,
    /// Whether `--boundary--` closes the body.
    closed: bool,
    /// Lines before the close that start with `--boundary` and are neither (RFC 2046
    /// §5.1.1 forbids them in a part), nor a delimiter line of another multipart's
    /// boundary that starts with this one; the first of them, without its line break.
    stray: usize,
    first_stray: Option<(usize, usize)>,
}

/// Delimiter lines `--boundary`, whether `--boundary--` closes (RFC 2046 §5.1.1) and
/// the lines that only start like a delimiter, over `lines` of `raw` as the message's
/// line index has them (without their line break): read a line at a time from the
/// bytes, an attachment's base64 was a ninth of the lint of a 9.85 MB message in Node
/// (#14). `nested`: the boundaries of the other multiparts that start with `boundary`;
/// `outer`: the boundary of the multipart around it, whose delimiter line ends the scan
/// (a multipart never closed ends there: scanned to the end of the one around, each of
/// many such multiparts in a row had read all the lines after it).
fn count_delimiters(
    raw: &[u8],
    lines: impl Iterator<Item = (usize, usize)>,
    boundary: &[u8],
    nested: &[&[u8]],
    outer: Option<&[u8]>,
) -> Delimiters {
    let mut found = Delimiters::default();
    let delimiter_tail = |rest: &[u8]| rest.starts_with(b"--") || is_padding(rest);
    for (start, end) in lines {
        let line = &raw[start..end];
        if outer.is_some_and(|o| line.strip_prefix(b"--").and_then(|l| l.strip_prefix(o)).is_some_and(delimiter_tail)) {
            return found;
        }
        if let Some(rest) = line.strip_prefix(b"--").and_then(|l| l.strip_prefix(boundary)) {
            if rest.starts_with(b"--") {
                found.closed = true;
                return found;
            }
            if is_padding(rest) {
                found.count += 1;
            } else if !delimiter_of_longer(&line[2..], boundary.len(), nested, delimiter_tail) {
                found.stray += 1;
                found.first_stray.get_or_insert((start, end));
            }
        }
    }
    found
}

/// Whether `text` (a line after its `--`) is a delimiter line of one of `nested`:
/// one of them, then what `tail` accepts. `nested` is sorted, each once, and each
/// starts with `text[..from]` and is longer (`longer_with_prefix`). The run of
/// those that start with `text[..k]` is narrowed a byte at a time, each step two
/// binary searches: comparing the line with each of them in turn took time in
/// their count times the line's length, for every line that only starts like a
/// delimiter: a thousand nested multiparts whose long boundaries start with the
/// outer one's, and lines `--outer-boundary` and a letter, took 19.1 s for 5.1 MB
/// in wasm (0.9 s this way; a hundred of them, 3.5 MB: 10.0 s, now 0.3 s).
fn delimiter_of_longer(text: &[u8], from: usize, nested: &[&[u8]], tail: impl Fn(&[u8]) -> bool) -> bool {
    let (mut lo, mut hi) = (0, nested.len());
    let mut k = from;
    // Those in lo..hi start with `text[..k]` and are longer: sorted by their byte `k`.
    while lo < hi && k < text.len() {
        let run = &nested[lo..hi];
        let byte = text[k];
        let first = run.partition_point(|n| n[k] < byte);
        let end = run.partition_point(|n| n[k] <= byte);
        (lo, hi) = (lo + first, lo + end);
        k += 1;
        // The one exactly `text[..k]`, if any, sorts first of the run.
        if lo < hi && nested[lo].len() == k {
            if tail(&text[k..]) {
                return true;
            }
            lo += 1;
        }
    }
    false
}

/// The boundaries of `sorted` (sorted, each once) longer than `prefix` that
/// start with it: the run right after `prefix`'s place, found by two binary
/// searches (every string that starts with `prefix` sorts after it and before
/// any other string after it).
fn longer_with_prefix<'s>(sorted: &'s [&'s [u8]], prefix: &[u8]) -> &'s [&'s [u8]] {
    let first = sorted.partition_point(|&b| b <= prefix);
    let end = sorted.partition_point(|&b| b <= prefix || b.starts_with(prefix));
    &sorted[first..end.max(first)]
}

/// Whether `rest` (what follows `--boundary` in a line, its line break left
/// out) is transport padding: RFC 2046 §5.1.1's `*LWSP-char`, spaces and tabs
/// (RFC 822 §3.3), as the model reads a delimiter line
/// (`model::delimiters`, with Python's `email`). A form feed or a vertical
/// tab there makes the line no delimiter line for Python's `email` (its
/// boundary pattern allows `[ \t]*`) nor for rspamd (the line's rest up to its
/// line break is compared whole), while SpamAssassin's `\s*$` (Perl's `\s`
/// holds both) and mail-parser end the part there: such a line is one that
/// only starts like a delimiter (`prefixed-line`), not a delimiter line. Before,
/// a form feed was read as padding here (`is_ascii_whitespace`) while the
/// model read none: a multipart whose delimiters all end in one had no
/// finding, and its parts (an `.exe` among them) were read as the preamble.
fn is_padding(rest: &[u8]) -> bool {
    rest.iter().all(|&b| b == b' ' || b == b'\t')
}

#[cfg(test)]
mod tests {
    use crate::model::LineIndex;

    /// Messages nested as `message/rfc822` past `MAX_MIME_DEPTH` have no
    /// multipart part, and are still cut and said so: the check's first test
    /// (of a message with nothing for it) keeps the model's depth in it.
    #[test]
    fn attached_messages_nested_too_deep_are_reported_without_a_multipart_part() {
        let mut raw = String::from("From: a@example.com\r\nTo: b@example.com\r\nSubject: leaf\r\n\r\nHello.\r\n");
        for i in 0..crate::model::MAX_MIME_DEPTH + 6 {
            raw = format!(
                "From: a@example.com\r\nTo: b@example.com\r\nSubject: n{i}\r\nMIME-Version: 1.0\r\nContent-Type: message/rfc822\r\n\r\n{raw}"
            );
        }
        let report = crate::lint(raw.as_bytes(), &crate::Options::default()).expect("lints");
        let ids: Vec<&str> = report.findings.iter().map(|f| f.message_id.as_str()).collect();
        assert!(ids.contains(&"headers/multipart-boundary.too-deep"), "{ids:?}");
        assert!(!raw.contains("multipart/"));
    }

    /// The count over the line index of `body`, as the rule calls it.
    fn count_delimiters(body: &[u8], boundary: &[u8]) -> (usize, bool) {
        let index = LineIndex::new(body);
        let found = super::count_delimiters(body, index.lines_in(body, 0..body.len()), boundary, &[], None);
        (found.count, found.closed)
    }

    #[test]
    fn lines_that_only_start_like_a_delimiter_are_counted_apart() {
        let body = b"--b\r\ntext\r\n--b-not a delimiter\r\n--bX\r\n--b2\r\n--b2--\r\n--b \r\n--b--\r\n--bafter\r\n";
        let index = LineIndex::new(body);
        let found = super::count_delimiters(body, index.lines_in(body, 0..body.len()), b"b", &[b"b2"], None);
        assert_eq!(found.count, 2);
        assert!(found.closed);
        // `--b-not…` and `--bX`; `--b2`/`--b2--` are the nested multipart's, `--bafter` follows the close.
        assert_eq!(found.stray, 2);
        let (start, end) = found.first_stray.expect("a stray line");
        assert_eq!(&body[start..end], b"--b-not a delimiter");
        let without_nested = super::count_delimiters(body, index.lines_in(body, 0..body.len()), b"b", &[], None);
        assert_eq!(without_nested.stray, 4);
        // A delimiter line of the multipart around ends the scan: what follows is not this one's.
        let body = b"--b\r\ntext\r\n--o\r\n--b-x\r\n--b--\r\n";
        let index = LineIndex::new(body);
        let found = super::count_delimiters(body, index.lines_in(body, 0..body.len()), b"b", &[], Some(b"o"));
        assert_eq!((found.count, found.closed, found.stray), (1, false, 0));
    }

    /// The next of a xorshift32 sequence (Marsaglia 2003): the generated cases.
    fn xorshift(state: &mut u32) -> u32 {
        *state ^= *state << 13;
        *state ^= *state >> 17;
        *state ^= *state << 5;
        *state
    }

    #[test]
    fn the_longer_boundaries_with_a_prefix_are_those_a_filter_finds() {
        let mut state = 0x2545_f491_u32;
        for _ in 0..2_000 {
            let mut next = || xorshift(&mut state);
            // Short boundaries over three letters, so that prefixes are common.
            let count = (next() % 12) as usize;
            let mut owned: Vec<Vec<u8>> = (0..count).map(|_| (0..next() % 4).map(|_| b"ab-"[(next() % 3) as usize]).collect()).collect();
            owned.sort_unstable();
            owned.dedup();
            let sorted: Vec<&[u8]> = owned.iter().map(Vec::as_slice).collect();
            for prefix in sorted.iter().copied().chain([&b""[..], b"a", b"b-", b"zz"]) {
                let filtered: Vec<&[u8]> = sorted.iter().copied().filter(|b| b.len() > prefix.len() && b.starts_with(prefix)).collect();
                assert_eq!(super::longer_with_prefix(&sorted, prefix), filtered.as_slice(), "{sorted:?} {prefix:?}");
            }
        }
    }

    #[test]
    fn a_line_is_a_longer_boundarys_delimiter_as_a_comparison_with_each_finds() {
        let tail = |rest: &[u8]| rest.starts_with(b"--") || super::is_padding(rest);
        let mut state = 0x9e37_79b9_u32;
        for _ in 0..5_000 {
            let mut next = || xorshift(&mut state);
            // Boundaries over `a`, `b`, `-` and a space, so that prefixes and tails are common.
            let mut owned: Vec<Vec<u8>> =
                (0..next() % 10).map(|_| (0..next() % 6).map(|_| b"ab- "[(next() % 4) as usize]).collect()).collect();
            owned.sort_unstable();
            owned.dedup();
            let sorted: Vec<&[u8]> = owned.iter().map(Vec::as_slice).collect();
            let line: Vec<u8> = (0..next() % 10).map(|_| b"ab- \t"[(next() % 5) as usize]).collect();
            for from in 0..=line.len() {
                let nested = super::longer_with_prefix(&sorted, &line[..from]);
                let each = nested.iter().any(|n| line.strip_prefix(*n).is_some_and(tail));
                assert_eq!(super::delimiter_of_longer(&line, from, nested, tail), each, "{sorted:?} {line:?} {from}");
            }
        }
    }

    #[test]
    fn a_form_feed_or_vertical_tab_after_the_boundary_is_no_padding() {
        // RFC 2046 §5.1.1: only spaces and tabs may follow; `--b\x0c` and
        // `--b\x0b` only start like a delimiter, as the model reads them.
        let body = b"--b\x0c\r\nx\r\n--b\x0b\r\ny\r\n--b \t\r\nz\r\n--b--\x0c\r\n";
        let index = LineIndex::new(body);
        let found = super::count_delimiters(body, index.lines_in(body, 0..body.len()), b"b", &[], None);
        assert_eq!((found.count, found.closed, found.stray), (1, true, 2));
        let (start, end) = found.first_stray.expect("a stray line");
        assert_eq!(&body[start..end], b"--b\x0c");
        // The whole message: a multipart whose delimiters all end in a form feed is said to have none.
        let raw = "From: a@example.com\r\nTo: b@example.com\r\nSubject: s\r\nDate: Mon, 2 Mar 2026 10:00:00 +0000\r\n\
                   Message-ID: <a@example.com>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n\
                   --b\x0c\r\nContent-Type: text/plain\r\n\r\nHello\r\n--b\x0c\r\nContent-Type: application/octet-stream\r\n\r\nMZ\r\n--b--\x0c\r\n";
        let report = crate::lint(raw.as_bytes(), &crate::Options::default()).expect("lints");
        let ids: Vec<&str> = report.findings.iter().map(|f| f.message_id.as_str()).collect();
        assert!(ids.contains(&"headers/multipart-boundary.prefixed-line"), "{ids:?}");
        assert!(ids.contains(&"headers/multipart-boundary.no-part"), "{ids:?}");
    }

    /// The count a line at a time from the bytes, as the rule read it before: the oracle.
    fn by_lines(body: &[u8], boundary: &[u8]) -> (usize, bool) {
        let mut delimiters = 0;
        let mut start = 0;
        while start < body.len() {
            let end = body[start..].iter().position(|&b| b == b'\n').map_or(body.len(), |p| start + p);
            // The line without the CR of a CRLF.
            let line = body[start..end].strip_suffix(b"\r").unwrap_or(&body[start..end]);
            if let Some(rest) = line.strip_prefix(b"--").and_then(|l| l.strip_prefix(boundary)) {
                if rest.starts_with(b"--") {
                    return (delimiters, true);
                }
                if rest.iter().all(|&b| b == b' ' || b == b'\t') {
                    delimiters += 1;
                }
            }
            start = end + 1;
        }
        (delimiters, false)
    }

    #[test]
    fn the_line_index_counts_what_a_line_at_a_time_counts() {
        let cases: [&[u8]; 9] = [
            b"--b\r\nx\r\n--b\r\ny\r\n--b--\r\n",
            b"--b\nx\n--bb\n--b \t\n--b--",
            b"x--b\n--b-\n---b\n--b--x",
            b"\n\n--b",
            b"--b--",
            b"",
            b"--",
            b"\n--b\n--b\n",
            b"--b\r\n--b\r",
        ];
        for body in cases {
            for boundary in [&b"b"[..], b"bb", b"-b", b"", b"b\nx", b"--"] {
                assert_eq!(count_delimiters(body, boundary), by_lines(body, boundary), "{body:?} {boundary:?}");
            }
        }
        // Generated bodies from the bytes that matter (line breaks, dashes, the boundary's letters).
        let mut state = 0x9e37_79b9_u32;
        for _ in 0..20_000 {
            let len = (state % 40) as usize;
            let body: Vec<u8> = (0..len)
                .map(|_| {
                    state ^= state << 13;
                    state ^= state >> 17;
                    state ^= state << 5;
                    b"\n\n--bb \r-x"[(state % 10) as usize]
                })
                .collect();
            for boundary in [&b"b"[..], b"bb", b"b-", b"-"] {
                assert_eq!(count_delimiters(&body, boundary), by_lines(&body, boundary), "{body:?} {boundary:?}");
            }
        }
    }
}
