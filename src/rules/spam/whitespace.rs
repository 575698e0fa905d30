//! `spam/whitespace`: the guides list "the e-mail contains more than 70 % of
//! blank (abuse of the SPACE or ENTER key)" among the things that get a mail
//! flagged as spam. For HTML the blanks are counted as rendered: runs of spaces
//! collapse to one, each `&nbsp;` and each `<br>` counts.

use super::part_location;
use crate::i18n::{Localized, Msg};
use crate::text::unicode;
use crate::model::Message;
use crate::report::Severity;
use crate::rules::{Check, Context, Draft, Example, ExampleInput, Group, Rule};
use crate::settings::{Evidence, Kind, Threshold};
use crate::title;

crate::rule_texts! { "spam/whitespace";
    summary => {
        en: "More than 70% of the message is white space.",
        fr: "Le message contient plus de 70 % de blanc.",
        es: "El mensaje contiene más del 70 % de espacio en blanco.",
        pl: "Ponad 70% wiadomości to białe znaki.",
    },
    why => {
        en: "The hosting guides list \"the e-mail contains more than 70% of blank (abuse of the SPACE or ENTER key)\" among the things that make an e-mail look like spam. For HTML, blanks are counted as displayed: each &nbsp; and each <br> counts.",
        fr: "Les guides de l'hébergeur citent « l'e-mail contient plus de 70 % de blanc (abus sur la touche ESPACE ou ENTRÉE du clavier) » parmi les usages à éviter. Pour le HTML, les blancs sont comptés tels qu'affichés : chaque &nbsp; et chaque <br> compte.",
        es: "Las guías del alojamiento citan «el mensaje contiene más del 70 % de espacio en blanco (abuso de la tecla ESPACIO o ENTRADA)» entre los usos que se deben evitar. En HTML los blancos se cuentan tal como se muestran: cada &nbsp; y cada <br> cuentan.",
        pl: "Przewodniki hostingu wymieniają „e-mail zawiera więcej niż 70% białych znaków (nadużywanie klawisza SPACJA lub ENTER)” wśród sposobów, których należy unikać. W HTML białe znaki liczone są tak, jak są wyświetlane: liczy się każde &nbsp; i każde <br>.",
    },
    fix => {
        en: "Remove the runs of blank lines, spaces, &nbsp; and <br>; use CSS margins for layout.",
        fr: "Supprimez les suites de lignes vides, d'espaces, de &nbsp; et de <br> ; utilisez les marges CSS pour la mise en page.",
        es: "Elimine las series de líneas vacías, espacios, &nbsp; y <br>; use márgenes CSS para la maquetación.",
        pl: "Usuń ciągi pustych wierszy, spacji, &nbsp; i <br>; do układu używaj marginesów CSS.",
    },
    TOO_BLANK "too-blank" => {
        en: "{percent}% of the text is blank ({blanks} of {total, plural, one {# character} other {# characters}}); the guides flag over {limit}%.",
        fr: "{percent} % du texte est blanc ({blanks, plural, one {# caractère} many {# de caractères} other {# caractères}} sur {total}) ; les guides signalent au-delà de {limit} %.",
        es: "El {percent} % del texto es blanco ({blanks} de {total, plural, one {# carácter} many {# de caracteres} other {# caracteres}}); las guías lo señalan por encima del {limit} %.",
        pl: "{percent}% tekstu to białe znaki ({blanks} z {total, plural, one {# znaku} few {# znaków} many {# znaków} other {# znaku}}); przewodniki wskazują powyżej {limit}%.",
    },
    TOO_BLANK_CONFIGURED "too-blank-configured" => {
        en: "{percent}% of the text is blank ({blanks} of {total, plural, one {# character} other {# characters}}); the configured threshold flags over {limit}%.",
        fr: "{percent} % du texte est blanc ({blanks, plural, one {# caractère} many {# de caractères} other {# caractères}} sur {total}) ; le seuil configuré signale au-delà de {limit} %.",
        es: "El {percent} % del texto es blanco ({blanks} de {total, plural, one {# carácter} many {# de caracteres} other {# caracteres}}); el umbral configurado lo señala por encima del {limit} %.",
        pl: "{percent}% tekstu to białe znaki ({blanks} z {total, plural, one {# znaku} few {# znaków} many {# znaków} other {# znaku}}); skonfigurowany próg wskazuje powyżej {limit}%.",
    },
}

/// Share of blank characters over which a body is flagged.
pub const WHITESPACE_MAX_RATIO: Threshold = Threshold {
    key: "spam.whitespaceMaxRatio",
    kind: Kind::Number { default: 0.70, min: 0.0, max: 1.0 },
    doc: Localized {
        en: "Share of blank characters over which a body is flagged.",
        fr: "Part de caractères blancs au-delà de laquelle un corps est signalé.",
        es: "Proporción de caracteres en blanco por encima de la cual se informa de un cuerpo.",
        pl: "Udział białych znaków, powyżej którego treść jest zgłaszana.",
    },
    evidence: Evidence::Guide("seed 002 (fr) l. 172: « plus de 70 % de blanc »"),
};

/// Bodies with fewer rendered characters are not judged (a two-line note is mostly line breaks).
pub const WHITESPACE_MIN_CHARS: Threshold = Threshold {
    key: "spam.whitespaceMinChars",
    kind: Kind::Int { default: 100, min: 0, max: 1_000_000 },
    doc: Localized {
        en: "Bodies with fewer rendered characters are not judged (a two-line note is mostly line breaks).",
        fr: "Les corps ayant moins de caractères affichés ne sont pas jugés (un mot de deux lignes est surtout fait de sauts de ligne).",
        es: "Los cuerpos con menos caracteres mostrados no se juzgan (una nota de dos líneas es sobre todo saltos de línea).",
        pl: "Treści z mniejszą liczbą wyświetlanych znaków nie są oceniane (dwuwierszowa notka to głównie podziały wierszy).",
    },
    evidence: Evidence::Ours("100 characters: below that, a short note is mostly line breaks"),
};

pub const RULE: Rule = Rule {
    id: ID,
    group: Group::Spam,
    severity: Severity::Warning,
    evidence: &[
        Evidence::Guide("seed 002 (fr) l. 172: « L'e-mail contient plus de 70 % de blanc (abus sur la touche « ESPACE » ou « ENTRÉE » du clavier) »"),
    ],
    score: crate::rules::scores::WHITESPACE,
    texts: &TEXTS,
    thresholds: &[&WHITESPACE_MAX_RATIO, &WHITESPACE_MIN_CHARS],
    examples: &[
        Example::fails(
            title! {
                en: "A short text followed by hundreds of blank lines",
                fr: "Un texte court suivi de centaines de lignes vides",
                es: "Un texto corto seguido de cientos de líneas en blanco",
                pl: "Krótki tekst, po którym następują setki pustych wierszy",
            },
            ExampleInput::Generated(blank_lines),
        ),
        Example::fails(
            title! {
                en: "HTML padded with &nbsp; and <br> runs",
                fr: "Du HTML rembourré de suites de &nbsp; et de <br>",
                es: "HTML relleno de series de &nbsp; y <br>",
                pl: "HTML wypełniony ciągami &nbsp; i <br>",
            },
            ExampleInput::Generated(html_padding),
        ),
        Example::passes(
            title! { en: "Ordinary prose", fr: "Un texte ordinaire", es: "Un texto corriente", pl: "Zwykły tekst" },
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Order\n\nThank you for your order. It will ship on Monday and should reach you within three working days. Best regards, the shop.\n"),
        ),
        Example::passes(
            title! {
                en: "Spaces in HTML source collapse when rendered",
                fr: "Les espaces du source HTML se fondent à l'affichage",
                es: "Los espacios del código HTML se contraen al mostrarse",
                pl: "Spacje w źródle HTML zwijają się przy wyświetlaniu",
            },
            ExampleInput::Generated(indented_html),
        ),
    ],
    check: Check::Message(check),
};

fn blank_lines() -> Vec<u8> {
    format!("From: a@example.com\nTo: b@example.com\nSubject: Offer\n\nSee our site.{}Bye\n", "\n".repeat(300))
        .into_bytes()
}

fn html_padding() -> Vec<u8> {
    format!(
        "From: a@example.com\nTo: b@example.com\nSubject: Offer\nContent-Type: text/html\n\n<p>See our site.</p>{}{}\n",
        "&nbsp;".repeat(200),
        "<br>".repeat(200)
    )
    .into_bytes()
}

fn indented_html() -> Vec<u8> {
    format!(
        "From: a@example.com\nTo: b@example.com\nSubject: Order\nContent-Type: text/html\n\n<table>{}<tr><td>Thank you for your order, it ships on Monday.</td></tr></table>\n",
        format!("\n{}", " ".repeat(70)).repeat(20)
    )
    .into_bytes()
}

/// (blank characters, characters) of a plain text as a reader sees it (CRLF is one line break).
///
/// Counts over bytes: characters are the bytes that start one (all but UTF-8
/// continuation bytes) less the CRs; blanks are ASCII's white space (space and
/// 0x09–0x0C) and the characters past ASCII that are blank, decoded only at a
/// byte that can start one (`BLANK_LEADS`). #14: French, Spanish and Polish
/// text, an accent every dozen bytes, went a byte at a time through a class
/// table, 14 instructions a byte. Two ways, both held to the definition by the
/// tests: natively, chunks of `CHUNK` bytes counted into `u8`s, loops the compiler
/// vectorises (10 MB of English text: 17.6 M instructions for the rule against
/// 61.2 M by lanes); in the wasm, which has no SIMD and read those chunks a
/// byte at a time two or three times over (7.5 % of a 10 MB French lint in
/// Node, `--cpu-prof`), eight bytes a step as the lanes of a `u64`
/// (`blanks_by_lanes`: 10 MB of English, French or Polish text 3–4 % faster).
pub fn plain_text_blanks(text: &str) -> (usize, usize) {
    if crate::text::WASM { blanks_by_lanes(text) } else { blanks_by_chunks(text) }
}

/// `plain_text_blanks` in chunks of at most `CHUNK` bytes counted into `u8`s
/// (vectorised natively, and without a branch a byte in wasm): a chunk of ASCII
/// is read once, a chunk with bytes past ASCII again for them.
fn blanks_by_chunks(text: &str) -> (usize, usize) {
    let bytes = text.as_bytes();
    let (mut blanks, mut continuations, mut carriage_returns) = (0, 0, 0);
    let mut chunk_start = 0;
    for chunk in bytes.chunks(CHUNK) {
        let (mut b, mut cr, mut high) = (0u8, 0u8, 0u8);
        for &byte in chunk {
            b += u8::from(byte == b' ' || (b'\t'..=0x0c).contains(&byte));
            cr += u8::from(byte == b'\r');
            high |= byte;
        }
        blanks += usize::from(b);
        carriage_returns += usize::from(cr);
        if high >= 0x80 {
            // Only a chunk with bytes past ASCII is read again for them.
            let (mut c, mut leads) = (0u8, 0u8);
            for &byte in chunk {
                c += u8::from(byte & 0xC0 == 0x80);
                leads += u8::from(is_blank_lead(byte));
            }
            continuations += usize::from(c);
            if leads > 0 && may_hold_blanks(bytes, chunk_start, chunk) {
                blanks += decoded_blanks(text, chunk_start, chunk);
            }
        }
        chunk_start += chunk.len();
    }
    (blanks, bytes.len() - continuations - carriage_returns)
}

/// Whether `chunk`, the bytes of `bytes` from `start`, has a byte that may
/// start a blank with the byte after it (`may_start_blank`), read only for a
/// chunk with a lead (`is_blank_lead`): an emoji (`F0 9F`, `E2 9C`) leaves the
/// chunk unwalked. The text's last byte has none after it: `0`.
fn may_hold_blanks(bytes: &[u8], start: usize, chunk: &[u8]) -> bool {
    let Some(following) = bytes.get(start + 1..start + 1 + chunk.len()) else {
        let last = chunk.len() - 1;
        return chunk.iter().zip(&chunk[1..]).any(|(&b, &n)| may_start_blank(b, n)) || may_start_blank(chunk[last], 0);
    };
    let mut leads = 0u8;
    for (&byte, &next) in chunk.iter().zip(following) {
        leads += u8::from(may_start_blank(byte, next));
    }
    leads > 0
}

/// The blanks past ASCII among the characters that start in `chunk`, the bytes
/// of `text` from `start`: each character whose first byte may start a blank is
/// decoded from the text (it may end past the chunk).
fn decoded_blanks(text: &str, start: usize, chunk: &[u8]) -> usize {
    let mut blanks = 0;
    let bytes = text.as_bytes();
    for (at, &byte) in (start..).zip(chunk) {
        if BLANK_LEAD[usize::from(byte)] && may_start_blank(byte, bytes.get(at + 1).copied().unwrap_or(0)) {
            let c = text.get(at..).and_then(|rest| rest.chars().next());
            blanks += usize::from(c.is_some_and(unicode::is_blank));
        }
    }
    blanks
}

/// `plain_text_blanks` eight bytes a step without a branch a byte (SWAR: a
/// byte is a lane of a `u64`), each lane's counts kept in a lane of a `u64` and
/// added up every 255 blocks.
fn blanks_by_lanes(text: &str) -> (usize, usize) {
    use crate::text::{ascii_bytes_between, HIGH, ONES};
    const LOW: u64 = !HIGH;
    // The high bit of each byte of `y` that is zero, exactly (no carry crosses a byte).
    let zero_bytes = |y: u64| !(((y & LOW) + LOW) | y | LOW);
    let bytes = text.as_bytes();
    let (mut blanks, mut continuations, mut carriage_returns) = (0, 0, 0);
    let (blocks, rest) = bytes.as_chunks::<8>();
    // The last bytes, the rest of the eight zeros: no blank, no CR, nothing past ASCII.
    let mut tail = [0u8; 8];
    tail[..rest.len()].copy_from_slice(rest);
    let tail = [tail];
    let mut start = 0;
    // Per-byte counts in the lanes of a u64, added up every 255 blocks (no lane passes 255).
    for group in blocks.chunks(255).chain(std::iter::once(&tail[..])) {
        let (mut blank_lanes, mut cr_lanes, mut continuation_lanes) = (0u64, 0u64, 0u64);
        for (index, eight) in (start..).zip(group) {
            let x = u64::from_le_bytes(*eight);
            // 0x09 to 0x0C: tab, line feed, VT, FF.
            let controls = ascii_bytes_between(x, 0x08, 0x0d);
            blank_lanes += (zero_bytes(x ^ ONES * u64::from(b' ')) | controls) >> 7;
            cr_lanes += zero_bytes(x ^ ONES * u64::from(b'\r')) >> 7;
            let high = x & HIGH;
            if high != 0 {
                // 10xxxxxx continues a character, 11xxxxxx starts one: bit 6 shifted onto bit 7.
                continuation_lanes += (high & !(x << 1)) >> 7;
                // The first bytes of characters that may be blanks (`BLANK_LEADS`:
                // 0xC2, 0xCD, 0xD8, or 0xE1 and over, a lane whose low seven bits
                // reach 0x61), so that the accented letters of French and Polish
                // (0xC3 to 0xC5) are not looked up one by one.
                let over_e0 = (x & LOW) + ONES * 0x1f & x;
                let wanted = zero_bytes(x ^ ONES * 0xc2) | zero_bytes(x ^ ONES * 0xcd) | zero_bytes(x ^ ONES * 0xd8) | over_e0;
                let mut leads = high & x << 1 & wanted;
                while leads != 0 {
                    let lane = leads.trailing_zeros() as usize / 8;
                    leads &= leads - 1;
                    let at = index * 8 + lane;
                    if BLANK_LEAD[usize::from(eight[lane])] && may_start_blank(eight[lane], bytes.get(at + 1).copied().unwrap_or(0)) {
                        let c = text.get(at..).and_then(|rest| rest.chars().next());
                        blanks += usize::from(c.is_some_and(unicode::is_blank));
                    }
                }
            }
        }
        start += group.len();
        blanks += lanes(blank_lanes);
        carriage_returns += lanes(cr_lanes);
        continuations += lanes(continuation_lanes);
    }
    (blanks, bytes.len() - continuations - carriage_returns)
}

/// The sum of the eight byte lanes of `counts` (each at most 255, the sum at
/// most 2,040): a multiplication adds them up into the top two bytes' worth,
/// taken lane pairs first so that no partial sum passes a lane.
fn lanes(counts: u64) -> usize {
    const PAIRS: u64 = 0x00ff_00ff_00ff_00ff;
    let pairs = (counts & PAIRS) + (counts >> 8 & PAIRS);
    (pairs.wrapping_mul(0x0001_0001_0001_0001) >> 48) as usize
}

/// The first bytes in UTF-8 of every non-ASCII blank: white space (U+0085,
/// U+00A0, U+1680, U+2000–U+205F, U+3000), the invisible characters of
/// `unicode::is_invisible` and the empty cell of `unicode::draws_blank` (U+2800). A test holds every such character to this list.
const BLANK_LEADS: [u8; 9] = [0xC2, 0xCD, 0xD8, 0xE1, 0xE2, 0xE3, 0xEF, 0xF0, 0xF3];

/// The bytes of a chunk of `blanks_by_chunks`: at most 255 (the counts are
/// `u8`s), and a multiple of 32, which the loops as the compiler vectorises
/// them read whole, leaving no bytes to their tail a byte at a time (#14: on
/// 10 MB of Russian prose the two loops alone, measured apart under callgrind
/// (ours, rustc 1.95 at opt-level 3), 50.3 M instructions with chunks of 255,
/// 39.5 M with 240, 34.0 M with 224, 33.8 M with 192, 35.7 M with 128; the rule, after the lead test
/// below, 47.4 → 31.1 M, and on 10 MB of English prose 17.4 → 11.2 M).
const CHUNK: usize = 224;

/// Whether `byte` is one of `BLANK_LEADS`, by comparisons rather than a table:
/// a loop over a chunk vectorises them (#14: the table's lookups, a byte at a
/// time, had kept `blanks_by_chunks`' second pass over a chunk with bytes past
/// ASCII scalar; 10 MB of Russian prose, the rule 79.7 → 47.4 M instructions,
/// callgrind of the native build). A test holds it to `BLANK_LEAD`.
fn is_blank_lead(byte: u8) -> bool {
    // Non-short-circuit `|`: no branch a byte.
    (byte == 0xc2) | (byte == 0xcd) | (byte == 0xd8) | (byte.wrapping_sub(0xe1) < 3) | (byte == 0xef) | (byte == 0xf0) | (byte == 0xf3)
}

/// Whether a character whose first two bytes in UTF-8 are `byte` and `next`
/// may be blank: `is_blank_lead`, less the two leads of emoji whose second byte
/// says no blank follows. `F0 9F` (U+1F000–U+1FFFF, the emoji and pictographs;
/// the blanks starting with `F0` are U+1BCA0–U+1BCA3 and U+1D173–U+1D17A) and
/// `E2` but for `E2 80`, `E2 81` (U+2000–U+207F) and `E2 A0` (U+2800): the
/// arrows, dingbats and symbols (`✅` U+2705). A test holds every blank to it.
/// #14: 10 MB of English prose with an emoji every 15 characters had every
/// chunk walked a byte at a time and each emoji decoded and looked up; the
/// rule, callgrind of the native build, 150.9 → 61.3 M instructions (French
/// prose 31.1 → 31.0 M: read only for a chunk with a lead, `may_hold_blanks`;
/// counting these leads in place of `is_blank_lead`'s, in the first pass over
/// every chunk, had made it 47.0 M).
fn may_start_blank(byte: u8, next: u8) -> bool {
    // Non-short-circuit `|` and `&`: no branch a byte.
    let emoji = (byte == 0xf0) & (next == 0x9f);
    let symbol = (byte == 0xe2) & (next & 0xfe != 0x80) & (next != 0xa0);
    is_blank_lead(byte) & !emoji & !symbol
}

/// `BLANK_LEADS` as a table of bytes.
const BLANK_LEAD: [bool; 256] = {
    let mut table = [false; 256];
    let mut i = 0;
    while i < BLANK_LEADS.len() {
        table[BLANK_LEADS[i] as usize] = true;
        i += 1;
    }
    table
};

fn check(message: &Message, cx: &mut Context) {
    let (blanks, total, part) = if let Some(first) = message.html.first() {
        let blanks = message.html.iter().map(|h| h.facts.rendered_blanks).sum::<usize>();
        let total = message.html.iter().map(|h| h.facts.rendered_chars).sum::<usize>();
        (blanks, total, first.part)
    } else {
        let mut sums = (0, 0);
        let mut first = None;
        for body in message.text_bodies() {
            // uuencoded files are attachments to the reader, and their spaces are data:
            // the blocks the model found in this body are left out.
            let blocks = message.attachment_facts.iter().filter(|a| a.part == body.index).filter_map(|a| a.text_span.clone());
            let text = crate::inspect::uuencode::without_spans(body.text().unwrap_or_default(), blocks);
            // The line break that ends the body's last line ends it: no blank a
            // reader sees (it had made 30 letters and 70 spaces 71 blanks of 101,
            // "70 %" over the guides' "plus de 70 %").
            let text = text.strip_suffix('\n').unwrap_or(&text);
            let (b, t) = plain_text_blanks(text);
            sums = (sums.0 + b, sums.1 + t);
            first.get_or_insert(body.index);
        }
        let Some(first) = first else { return };
        (sums.0, sums.1, first)
    };
    if total < cx.settings.count(&WHITESPACE_MIN_CHARS) || total == 0 {
        return;
    }
    let ratio = blanks as f64 / total as f64;
    if ratio <= cx.settings.number(&WHITESPACE_MAX_RATIO) {
        return;
    }
    let text = message.visible_text();
    // The guides' number is theirs only when it is the one in force.
    let id = if cx.settings.is_default(&WHITESPACE_MAX_RATIO) { &TOO_BLANK } else { &TOO_BLANK_CONFIGURED };
    cx.emit(
        Draft::new(
            Msg::of(id)
                .int("percent", (ratio * 100.0).round() as i64)
                .int("blanks", blanks)
                .int("total", total)
                .int("limit", (cx.settings.number(&WHITESPACE_MAX_RATIO) * 100.0).round() as i64),
        )
        .evidence(format!("{} blank / {} characters: {}", blanks, total, text.trim()))
        .at(part_location(message, part)),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A blank by its definition, not the page cache: white space, a character
    /// that draws nothing, an empty cell.
    fn blank_by_definition(c: char) -> bool {
        c.is_whitespace() || unicode::is_invisible(c) || unicode::draws_blank(c)
    }

    /// The definition, a character at a time (the non-ASCII path).
    fn by_chars(text: &str) -> (usize, usize) {
        let chars = text.chars().filter(|&c| c != '\r');
        let total = chars.clone().count();
        (chars.filter(|&c| blank_by_definition(c)).count(), total)
    }

    /// Both ways of counting (`plain_text_blanks` takes one per target) say what the definition says.
    fn assert_both_ways(text: &str) {
        assert_eq!(blanks_by_chunks(text), by_chars(text), "chunks: {text:?}");
        assert_eq!(blanks_by_lanes(text), by_chars(text), "lanes: {text:?}");
    }

    #[test]
    fn the_ascii_path_counts_as_the_definition() {
        let every_ascii: String = (0u8..0x80).map(char::from).collect();
        for text in ["", "a b\tc\r\nd\x0be\x0cf", "   \r\n\r\n  x", every_ascii.as_str(), "no blanks"] {
            assert_both_ways(text);
        }
        assert_eq!(plain_text_blanks("a\u{200b}b c"), (2, 5));
        // Short ASCII runs between other characters (8-bit bytes read as U+FFFD).
        let mixed: String = (0u8..200).map(|i| if i % 2 == 0 { char::from(b' ' + i % 90) } else { '\u{fffd}' }).collect();
        assert_both_ways(&mixed);
        // Past one chunk of `CHUNK` bytes, and non-ASCII after several chunks.
        let long = " \t\r\nab".repeat(200);
        let late = format!("{}\u{a0}é\u{200b} ", " a".repeat(300));
        // Past 255 blocks of eight bytes, where a lane of counts would overflow.
        let (spaces, returns, accents) = (" ".repeat(5_000), "\r".repeat(5_000), "é".repeat(3_000));
        for text in [long.as_str(), late.as_str(), spaces.as_str(), returns.as_str(), accents.as_str()] {
            assert_both_ways(text);
        }
    }

    #[test]
    fn the_lead_test_is_the_table() {
        for byte in 0..=u8::MAX {
            assert_eq!(is_blank_lead(byte), BLANK_LEADS.contains(&byte), "{byte:#x}");
            assert_eq!(BLANK_LEAD[usize::from(byte)], BLANK_LEADS.contains(&byte), "{byte:#x}");
        }
    }

    #[test]
    fn every_blank_starts_with_a_byte_that_is_decoded() {
        for c in (0x80..=0x10FFFF).filter_map(char::from_u32).filter(|&c| blank_by_definition(c)) {
            let mut utf8 = [0; 4];
            let lead = c.encode_utf8(&mut utf8).as_bytes()[0];
            assert!(BLANK_LEADS.contains(&lead), "{c:?} starts with {lead:#x}");
        }
    }

    #[test]
    fn every_blank_passes_the_two_byte_test() {
        for c in (0x80..=0x10FFFF).filter_map(char::from_u32).filter(|&c| blank_by_definition(c)) {
            let mut utf8 = [0; 4];
            let bytes = c.encode_utf8(&mut utf8).as_bytes();
            assert!(may_start_blank(bytes[0], bytes[1]), "{c:?}");
        }
        // The emoji and symbols it passes over are what it is for.
        for c in ['🚀', '✅', '❤', '\u{1f3fb}', '\u{1f1eb}', '⭐'] {
            let mut utf8 = [0; 4];
            let bytes = c.encode_utf8(&mut utf8).as_bytes();
            assert!(!may_start_blank(bytes[0], bytes[1]), "{c:?}");
        }
    }

    #[test]
    fn emoji_text_counts_as_the_definition() {
        // Emoji, ZWJ sequences, skin tones, variation selectors, flags, keycaps,
        // the Unicode spaces and the blanks next to them, at every offset in a
        // chunk (`CHUNK`) and in the last bytes of the text.
        let pieces = [
            " ", "\r\n", "a", "Word", "🚀", "👉", "✅", "❤\u{fe0f}", "👩\u{200d}💻", "👍\u{1f3fd}", "🇫🇷", "1\u{fe0f}\u{20e3}",
            "\u{a0}", "\u{2000}", "\u{2009}", "\u{202f}", "\u{205f}", "\u{2028}", "\u{3000}", "\u{2800}", "\u{200b}",
            "\u{1d173}", "\u{1bca0}", "\u{e0041}", "５", "€", "Ж", "é", "ab cab cab cab cab cab cab cab cab cab c",
        ];
        crate::text::generated_texts(&pieces, 3_000, 200, |text| {
            assert_both_ways(text);
        });
        for piece in pieces {
            for before in 0..CHUNK + 2 {
                assert_both_ways(&format!("{}{piece}", "x".repeat(before)));
            }
        }
    }

    #[test]
    fn the_corpus_counts_as_the_definition() {
        crate::text::each_corpus_text("the_corpus_counts_as_the_definition", |_, text| assert_both_ways(text));
    }

    #[test]
    fn every_blank_is_counted_in_every_lane() {
        // Each blank past ASCII after 0 to 8 bytes, among accented letters whose
        // first bytes the lanes pass over.
        for c in (0x80..=0x10FFFF).filter_map(char::from_u32).filter(|&c| blank_by_definition(c)) {
            for before in 0..9 {
                let text = format!("{}{c}ążł{c}", "a".repeat(before));
                assert_both_ways(&text);
            }
        }
    }

    #[test]
    fn mixed_text_counts_as_the_definition() {
        // ASCII (blanks, CR, letters) in short and long runs between non-ASCII
        // characters, blank or not, of every length in UTF-8.
        let pieces = [
            " ", "\t", "\r\n", "\r", "a", "Z", "!", "\u{fffd}", "é", "\u{a0}", "\u{85}", "\u{200b}", "\u{3000}",
            "\u{2003}", "\u{feff}", "\u{fe0f}", "\u{e0020}", "\u{1d173}", "日", "𝐩", "\u{ad}", "\u{61c}", "\u{34f}",
            // A long ASCII run, past a chunk's bytes in a few pieces.
            "ab cab cab cab cab cab cab cab cab cab cab cab c",
            // The bytes either side of the ranges the lanes test: 0x08 and 0x0D around 0x09–0x0C, 0x1F and 0x21 around the space.
            "\x08", "\x09", "\x0c", "\x0e", "\x1f", "!", "\x7f", "\u{80}", "\u{7ff}", "\u{800}", "\u{ffff}", "\u{10000}",
            // Letters whose first bytes the lanes pass over (0xC3 to 0xC5, 0xD0, 0xE0), and blanks starting with 0xE1.
            "ą", "ł", "ż", "ж", "\u{e01}", "\u{1680}", "\u{17b4}", "\u{115f}",
        ];
        crate::text::generated_texts(&pieces, 3_000, 120, |text| {
            assert_both_ways(text);
        });
    }
}
