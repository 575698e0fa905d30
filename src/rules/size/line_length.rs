//! `size/line-length`: RFC 5322 §2.1.1: "Each line of characters MUST be no
//! more than 998 characters, and SHOULD be no more than 78 characters,
//! excluding the CRLF." Servers may cut or refuse longer lines.

use crate::i18n::{Localized, Msg};
use crate::model::Message;
use crate::report::{Location, Severity};
use crate::rules::{Check, Context, Draft, Example, ExampleInput, Group, Rule};
use crate::settings::{Evidence, Kind, Threshold};
use crate::text;
use crate::title;
use std::ops::Range;

crate::rule_texts! { "size/line-length";
    summary => {
        en: "A line is longer than 998 octets (error) or 78 characters (info).",
        fr: "Une ligne dépasse 998 octets (erreur) ou 78 caractères (information).",
        es: "Una línea supera los 998 octetos (error) o los 78 caracteres (información).",
        pl: "Wiersz jest dłuższy niż 998 oktetów (błąd) lub 78 znaków (informacja).",
    },
    why => {
        en: "RFC 5322 §2.1.1 limits each line to 998 octets plus CRLF; servers may cut longer lines, corrupting the text, or refuse the message as not RFC compliant. Lines should also stay under 78 characters so every mail client shows them well.",
        fr: "La RFC 5322 §2.1.1 limite chaque ligne à 998 octets plus CRLF ; les serveurs peuvent couper les lignes plus longues, ce qui abîme le texte, ou refuser le message comme non conforme aux RFC. Les lignes devraient aussi rester sous 78 caractères pour bien s'afficher partout.",
        es: "El RFC 5322 §2.1.1 limita cada línea a 998 octetos más CRLF; los servidores pueden cortar las líneas más largas, dañando el texto, o rechazar el mensaje por no respetar los RFC. Las líneas también deberían quedarse por debajo de 78 caracteres para verse bien en cualquier cliente.",
        pl: "RFC 5322 §2.1.1 ogranicza każdy wiersz do 998 oktetów plus CRLF; serwery mogą ucinać dłuższe wiersze, psując tekst, albo odrzucić wiadomość jako niezgodną z RFC. Wiersze powinny też mieć mniej niż 78 znaków, aby dobrze wyświetlały się w każdym programie pocztowym.",
    },
    fix => {
        en: "Encode long text with quoted-printable or base64 (any mail library does it when asked), or break the lines: RFC 5322 §2.1.1.",
        fr: "Encodez le texte long en quoted-printable ou en base64 (toute bibliothèque d'envoi le fait sur demande), ou coupez les lignes : RFC 5322 §2.1.1.",
        es: "Codifique el texto largo en quoted-printable o base64 (cualquier biblioteca de correo lo hace si se lo pide), o divida las líneas: RFC 5322 §2.1.1.",
        pl: "Zakoduj długi tekst jako quoted-printable lub base64 (każda biblioteka pocztowa zrobi to na życzenie) albo podziel wiersze: RFC 5322 §2.1.1.",
    },
    TOO_LONG "too-long" => {
        en: "Line {line} is {length, plural, one {# octet} other {# octets}} long; RFC 5322 §2.1.1 allows at most {limit}.",
        fr: "La ligne {line} fait {length, plural, one {# octet} many {# d'octets} other {# octets}} ; la RFC 5322 §2.1.1 en autorise au plus {limit}.",
        es: "La línea {line} tiene {length, plural, one {# octeto} many {# de octetos} other {# octetos}}; el RFC 5322 §2.1.1 permite como máximo {limit}.",
        pl: "Wiersz {line} ma {length, plural, one {# oktet} few {# oktety} many {# oktetów} other {# oktetu}}; RFC 5322 §2.1.1 dopuszcza najwyżej {limit}.",
    },
    TOO_LONG_MORE "too-long-more" => {
        en: "Line {line} is {length, plural, one {# octet} other {# octets}} long; RFC 5322 §2.1.1 allows at most {limit}. {more, plural, one {# more line is too long} other {# more lines are too long}}.",
        fr: "La ligne {line} fait {length, plural, one {# octet} many {# d'octets} other {# octets}} ; la RFC 5322 §2.1.1 en autorise au plus {limit}. {more, plural, one {# autre ligne est trop longue} other {# autres lignes sont trop longues}}.",
        es: "La línea {line} tiene {length, plural, one {# octeto} many {# de octetos} other {# octetos}}; el RFC 5322 §2.1.1 permite como máximo {limit}. {more, plural, one {# línea más es demasiado larga} many {Otras # de líneas son demasiado largas} other {Otras # líneas son demasiado largas}}.",
        pl: "Wiersz {line} ma {length, plural, one {# oktet} few {# oktety} many {# oktetów} other {# oktetu}}; RFC 5322 §2.1.1 dopuszcza najwyżej {limit}. Jeszcze {more, plural, one {# wiersz jest za długi} few {# wiersze są za długie} many {# wierszy jest za długich} other {# wiersza jest za długiego}}.",
    },
    OVER_RECOMMENDED "over-recommended" => {
        en: "{count, plural, one {# line is} other {# lines are}} longer than the recommended {limit, plural, one {# character} other {# characters}} (the longest has {longest}); the first is line {line}.",
        fr: "{count, plural, one {# ligne dépasse} many {# de lignes dépassent} other {# lignes dépassent}} {limit, plural, one {le # caractère recommandé} many {les # de caractères recommandés} other {les # caractères recommandés}} (la plus longue en a {longest}) ; la première est la ligne {line}.",
        es: "{count, plural, one {# línea supera} many {# de líneas superan} other {# líneas superan}} {limit, plural, one {el # carácter recomendado} many {los # de caracteres recomendados} other {los # caracteres recomendados}} (la más larga tiene {longest}); la primera es la línea {line}.",
        pl: "{count, plural, one {# wiersz przekracza} few {# wiersze przekraczają} many {# wierszy przekracza} other {# wiersza przekracza}} {limit, plural, one {zalecany # znak} few {zalecane # znaki} many {zalecane # znaków} other {zalecane # znaku}} (najdłuższy ma {longest}); pierwszy to wiersz {line}.",
    },
    FIX_RECOMMENDED "fix-recommended" => {
        en: "Nothing blocks the message; for best display, let your mail library wrap or encode the text (quoted-printable), RFC 5322 §2.1.1.",
        fr: "Rien ne bloque le message ; pour un meilleur affichage, laissez votre bibliothèque d'envoi couper ou encoder le texte (quoted-printable), RFC 5322 §2.1.1.",
        es: "Nada bloquea el mensaje; para una mejor visualización, deje que su biblioteca de correo ajuste o codifique el texto (quoted-printable), RFC 5322 §2.1.1.",
        pl: "Nic nie blokuje wiadomości; dla lepszego wyświetlania pozwól bibliotece pocztowej zawinąć lub zakodować tekst (quoted-printable), RFC 5322 §2.1.1.",
    },
}

/// Longest line in octets, excluding CRLF; longer is an error.
pub const MAX_LINE_OCTETS: Threshold = Threshold {
    key: "size.maxLineOctets",
    kind: Kind::Int { default: 998, min: 78, max: 1_000_000 },
    doc: Localized {
        en: "Longest line in octets, excluding CRLF; longer is an error.",
        fr: "Plus longue ligne en octets, CRLF non compris ; au-delà, c'est une erreur.",
        es: "Línea más larga en octetos, sin contar CRLF; más larga es un error.",
        pl: "Najdłuższy wiersz w oktetach, bez CRLF; dłuższy to błąd.",
    },
    evidence: Evidence::Rfc("RFC 5322 §2.1.1: each line MUST be no more than 998 characters, excluding the CRLF"),
};

/// Longest recommended line in characters (the key keeps its first name), excluding CRLF; longer is info.
pub const RECOMMENDED_LINE_OCTETS: Threshold = Threshold {
    key: "size.recommendedLineOctets",
    kind: Kind::Int { default: 78, min: 1, max: 1_000_000 },
    doc: Localized {
        en: "Longest recommended line in characters (a UTF-8 line's code points, otherwise octets), excluding CRLF; longer is info.",
        fr: "Plus longue ligne recommandée en caractères (les points de code d'une ligne UTF-8, sinon les octets), CRLF non compris ; au-delà, c'est une info.",
        es: "Línea recomendada más larga en caracteres (los puntos de código de una línea UTF-8, si no los octetos), sin contar CRLF; más larga es info.",
        pl: "Najdłuższy zalecany wiersz w znakach (punkty kodowe wiersza UTF-8, w przeciwnym razie oktety), bez CRLF; dłuższy to info.",
    },
    evidence: Evidence::Rfc("RFC 5322 §2.1.1: each line SHOULD be no more than 78 characters, excluding the CRLF; RFC 6532 §3.4: with UTF-8 the 998 limit stays in octets, the 78 is in characters"),
};

pub const RULE: Rule = Rule {
    id: ID,
    group: Group::Size,
    severity: Severity::Error,
    evidence: &[
        Evidence::Rfc("RFC 5322 §2.1.1: each line MUST be no more than 998 characters, and SHOULD be no more than 78 characters, excluding the CRLF"),
        Evidence::Guide("seed 002 (fr) l. 176: « L'entête de l'e-mail envoyé ne respecte pas les RFC « e-mails » (normes ou standards e-mails) »"),
        Evidence::Receiver("KumoMTA refuses a line over 998 octets by default (line_length_hard_limit: \"line too long\"); Oracle Messaging Server can refuse, wrap or truncate it (rejectsmtplonglines, truncatesmtplonglines by default); Exim sites deny it at DATA (Exim bug 1684): an error over 998, info over 78"),
    ],
    score: crate::rules::scores::NONE,
    texts: &TEXTS,
    thresholds: &[&MAX_LINE_OCTETS, &RECOMMENDED_LINE_OCTETS],
    examples: &[
        Example::fails(
            title! {
                en: "A body line of 1,200 characters",
                fr: "Une ligne de corps de 1 200 caractères",
                es: "Una línea del cuerpo de 1200 caracteres",
                pl: "Wiersz treści o długości 1200 znaków",
            },
            ExampleInput::Generated(long_line),
        ),
        Example::fails(
            title! {
                en: "A body line of 100 characters (info)",
                fr: "Une ligne de corps de 100 caractères (information)",
                es: "Una línea del cuerpo de 100 caracteres (información)",
                pl: "Wiersz treści o długości 100 znaków (informacja)",
            },
            ExampleInput::Generated(medium_line),
        )
        .at(Severity::Info),
        Example::passes(
            title! {
                en: "A line of 70 accented characters (140 octets, RFC 6532 §3.4 counts characters)",
                fr: "Une ligne de 70 caractères accentués (140 octets ; la RFC 6532 §3.4 compte des caractères)",
                es: "Una línea de 70 caracteres acentuados (140 octetos; el RFC 6532 §3.4 cuenta caracteres)",
                pl: "Wiersz z 70 znaków z akcentami (140 oktetów; RFC 6532 §3.4 liczy znaki)",
            },
            ExampleInput::Generated(accented_line),
        ),
        Example::passes(
            title! {
                en: "Lines of at most 78 characters",
                fr: "Des lignes de 78 caractères au plus",
                es: "Líneas de 78 caracteres como máximo",
                pl: "Wiersze o długości najwyżej 78 znaków",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Hello\n\nSee you tomorrow.\nBest regards\n"),
        ),
        Example::passes(
            title! {
                en: "A long line split with quoted-printable soft breaks",
                fr: "Une longue ligne coupée par des sauts doux quoted-printable",
                es: "Una línea larga dividida con saltos suaves quoted-printable",
                pl: "Długi wiersz podzielony miękkimi podziałami quoted-printable",
            },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Hello\nMIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\nThis sentence is long enough that a careful mailer splits it with a soft=\n line break.\n"),
        ),
    ],
    check: Check::Message(check),
};

fn long_line() -> Vec<u8> {
    format!("From: a@example.com\nTo: b@example.com\nSubject: Data\n\n{}\n", "x".repeat(1200)).into_bytes()
}

fn accented_line() -> Vec<u8> {
    format!(
        "From: a@example.com\nTo: b@example.com\nSubject: Data\nMIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n{}\n",
        "\u{e9}".repeat(70)
    )
    .into_bytes()
}

fn medium_line() -> Vec<u8> {
    format!("From: a@example.com\nTo: b@example.com\nSubject: Data\n\n{}\n", "word ".repeat(20)).into_bytes()
}

/// Most long lines named individually; the rest are counted in the last finding.
const MAX_LINES_REPORTED: usize = 20;

fn check(message: &Message, cx: &mut Context) {
    let hard = cx.settings.count(&MAX_LINE_OCTETS);
    let soft = cx.settings.count(&RECOMMENDED_LINE_OCTETS);
    let raw = message.raw;
    let mut over_hard = Vec::new();
    let mut over_soft = 0usize;
    let mut first_soft: Option<(usize, usize, usize)> = None;
    let mut longest_soft = 0usize;
    let mut characters = LineCharacters::new(message);
    // The lines as the message's line index found them (no second pass over the bytes).
    for (index, (start, end)) in message.line_index.lines_in(raw, 0..raw.len()).enumerate() {
        let line_no = index + 1;
        let len = end - start;
        if len > hard {
            over_hard.push((line_no, start, end));
        } else if len > soft {
            let chars = characters.count(start, end);
            if chars <= soft {
                continue;
            }
            over_soft += 1;
            longest_soft = longest_soft.max(chars);
            if first_soft.is_none() {
                first_soft = Some((line_no, start, end));
            }
        }
    }
    let total_hard = over_hard.len();
    for (i, &(line, start, end)) in over_hard.iter().take(MAX_LINES_REPORTED).enumerate() {
        let id =
            if i + 1 == MAX_LINES_REPORTED && total_hard > MAX_LINES_REPORTED { &TOO_LONG_MORE } else { &TOO_LONG };
        cx.emit(
            Draft::new(
                Msg::of(id)
                    .int("line", line)
                    .int("length", end - start)
                    .int("limit", hard)
                    .int("more", total_hard - MAX_LINES_REPORTED.min(total_hard)),
            )
            .evidence_at(message, start..end)
            .at(location_of(message, start, end)),
        );
    }
    if let Some((line, start, end)) = first_soft {
        cx.emit(
            Draft::new(
                Msg::of(&OVER_RECOMMENDED)
                    .int("count", over_soft)
                    .int("line", line)
                    .int("longest", longest_soft)
                    .int("limit", soft),
            )
            .evidence_at(message, start..end)
            .at(location_of(message, start, end))
            .severity(Severity::Info)
            .fix(Msg::of(&FIX_RECOMMENDED)),
        );
    }
}

/// The characters of the lines of a message, asked in order: a line inside a
/// body mail-parser read as UTF-8 (`Message::utf8_ranges`) is counted without
/// checking it again, any other by `characters`.
struct LineCharacters<'m> {
    raw: &'m [u8],
    utf8: std::iter::Peekable<std::vec::IntoIter<Range<usize>>>,
}

impl<'m> LineCharacters<'m> {
    fn new(message: &Message<'m>) -> LineCharacters<'m> {
        LineCharacters { raw: message.raw, utf8: message.utf8_ranges().into_iter().peekable() }
    }

    /// The characters of the line at `start..end`, after the lines asked before it.
    fn count(&mut self, start: usize, end: usize) -> usize {
        // Ranges ending before this line end before every later one too.
        while self.utf8.next_if(|range| range.end < end).is_some() {}
        match self.utf8.peek() {
            Some(range) if range.start <= start => utf8_line_chars(&self.raw[start..end]),
            _ => characters(&self.raw[start..end]),
        }
    }
}

/// The characters of `line`, which is UTF-8: natively its bytes less its
/// continuation bytes (`10xxxxxx`) counted into `u8`s in chunks of at most
/// `CHUNK` bytes, a loop the compiler vectorises; in the wasm, which has no
/// SIMD, `text::utf8_chars` (eight bytes a step as the lanes of a `u64`).
/// #14: every line of Russian or Polish prose is longer than 78 octets and is
/// counted; on 10 MB of prose the rule (this inlined) 20.3 → 13.2 M instructions
/// in Russian, 18.2 → 13.8 M in Polish, 10.8 → 8.8 M in French, English 5.0 both
/// ways, the corpus 5.8 → 5.5 M (callgrind of the native build).
fn utf8_line_chars(line: &[u8]) -> usize {
    if text::WASM {
        return text::utf8_chars(line);
    }
    /// At most 255 (the counts are `u8`s), a multiple of 32 (ours, as
    /// `spam::whitespace`'s chunks).
    const CHUNK: usize = 224;
    let mut continuations = 0;
    for chunk in line.chunks(CHUNK) {
        let mut c = 0u8;
        for &byte in chunk {
            c += u8::from(byte & 0xc0 == 0x80);
        }
        continuations += usize::from(c);
    }
    line.len() - continuations
}

/// The characters of a line: its code points when it is UTF-8 (RFC 6532 §3.4
/// counts the 78 in characters), otherwise its octets (one 8-bit charset byte,
/// one character).
fn characters(line: &[u8]) -> usize {
    match std::str::from_utf8(line) {
        Ok(text) => text.chars().count(),
        Err(_) => line.len(),
    }
}

fn location_of(message: &Message, start: usize, end: usize) -> Location {
    let in_header = end <= message.header.end;
    let mut location = Location::range(start, end);
    if in_header {
        if let Some(field) = message.header.fields.iter().find(|f| f.start <= start && start < f.end_with_break) {
            location.header = Some(field.name.clone());
        }
    } else if let Some(part) = message
        .parts
        .iter()
        .filter(|p| p.body_range.as_ref().is_some_and(|r| r.start <= start && start <= r.end) && !p.is_multipart())
        .last()
    {
        location.part = Some(part.index);
    }
    location
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Origin;

    #[test]
    fn lines_of_utf8_bodies_are_counted_as_lines_checked_one_by_one() {
        let head = "From: a@example.com\nTo: b@example.com\nSubject: Zażółć gęślą jaźń, déjà vu, ñandú, 会议 and more words to pass the line\nMIME-Version: 1.0\n";
        let accented = "zażółć gęślą jaźń déjà été ñandú ".repeat(4);
        let mut inputs: Vec<Vec<u8>> = vec![
            format!("{head}Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n{accented}\n{accented}\r\nshort\n{accented}").into_bytes(),
            format!("{head}Content-Type: text/html; charset=utf-8\n\n<p>{accented}</p>\n").into_bytes(),
            format!("{head}Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\n{accented}=\n{accented}\n").into_bytes(),
            format!(
                "{head}Content-Type: multipart/mixed; boundary=B\n\n--B\nContent-Type: text/plain; charset=utf-8\n\n{accented}\n--B\nContent-Type: application/octet-stream\n\n{accented}\n--B\nContent-Type: text/plain\n\n{accented}\n--B--\n{accented}\n"
            )
            .into_bytes(),
        ];
        // Bytes that are not UTF-8: Latin-1 without a charset, and with one, and declared UTF-8;
        // in a header and in a part before a UTF-8 body.
        let latin1: Vec<u8> = accented.chars().map(|c| if (c as u32) < 0x100 { c as u8 } else { b'?' }).collect();
        let mut raw = b"From: a@example.com\nSubject: ".to_vec();
        raw.extend_from_slice(&latin1);
        raw.extend_from_slice(b"\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=B\n\n--B\nContent-Type: application/octet-stream\n\n");
        raw.extend_from_slice(&latin1);
        raw.extend_from_slice(format!("\n--B\nContent-Type: text/plain; charset=utf-8\n\n{accented}\n--B--\n").as_bytes());
        inputs.push(raw);
        for content_type in ["", "Content-Type: text/plain; charset=iso-8859-1\n", "Content-Type: text/plain; charset=utf-8\n"] {
            let mut raw = format!("{head}{content_type}Content-Transfer-Encoding: 8bit\n\n").into_bytes();
            raw.extend_from_slice(&latin1);
            raw.extend_from_slice(b"\n");
            raw.extend_from_slice(accented.as_bytes());
            inputs.push(raw);
        }
        let mut fast = 0;
        for raw in &inputs {
            let message = Message::analyse(raw, Origin::Raw, Vec::new(), &crate::model::test_limits());
            for range in message.utf8_ranges() {
                assert!(std::str::from_utf8(&raw[range]).is_ok());
            }
            let mut counted = LineCharacters::new(&message);
            for (start, end) in message.line_index.lines_in(raw, 0..raw.len()) {
                let inside = message.utf8_ranges().iter().any(|r| r.start <= start && end <= r.end);
                fast += usize::from(inside && end - start > 78);
                assert_eq!(counted.count(start, end), characters(&raw[start..end]), "{:?}", String::from_utf8_lossy(&raw[start..end]));
            }
        }
        // The UTF-8 bodies' long lines took the way without the check.
        assert!(fast >= 7, "{fast}");
    }

    #[test]
    fn utf8_lines_count_as_their_characters() {
        let pieces = ["a", " ", "é", "ż", "Ж", "会", "𝐀", "\u{301}", "€", "xyz", "\r"];
        crate::text::generated_texts(&pieces, 4_000, 400, |line| {
            assert_eq!(utf8_line_chars(line.as_bytes()), line.chars().count(), "{line:?}");
            assert_eq!(utf8_line_chars(line.as_bytes()), text::utf8_chars(line.as_bytes()), "{line:?}");
        });
    }

    #[test]
    fn a_line_is_counted_without_the_check_only_when_a_utf8_range_holds_all_of_it() {
        // Lines 0..5, 6..15 and 16..21; the first range ends inside the second
        // line, before a byte that makes it no UTF-8 (then it is 9 octets, not 5 characters).
        let mut raw = "été\nééété\nété".as_bytes().to_vec();
        raw[13] = 0xe9;
        let mut counted = LineCharacters { raw: &raw, utf8: vec![0..13, 16..21].into_iter().peekable() };
        assert_eq!([counted.count(0, 5), counted.count(6, 15), counted.count(16, 21)], [3, 9, 3]);
    }
}
