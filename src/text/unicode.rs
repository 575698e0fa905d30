//! Lookups over the generated Unicode tables (`tables.rs`): binary searches over
//! sorted arrays, no allocation; the questions asked of every character of a
//! text are answered from a per-page cache of them (`props`).

use super::tables::{COMPOSE, CONFUSABLE_ASCII, CONFUSABLE_STRINGS, NFKC_RUNS, NFKC_STRINGS, STRIP};
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::OnceLock;

/// What NFKC makes of one character, when it changes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Nfkc {
    Char(char),
    Str(&'static str),
}

/// The NFKC form of `c` when it differs and is Latin, Greek, Cyrillic, digits or
/// common punctuation (`ｐ` → `p`, `𝐩` → `p`, `ﬁ` → `fi`, `①` → `1`); `None` otherwise.
pub fn nfkc(c: char) -> Option<Nfkc> {
    if c.is_ascii() {
        return None;
    }
    Props::of(c).nfkc(c)
}

fn nfkc_search(c: char) -> Option<Nfkc> {
    let cp = c as u32;
    if cp < 0x80 {
        return None;
    }
    // Runs pack their first code point in the low 21 bits and their length above.
    const FIRST: u32 = (1 << 21) - 1;
    let run = NFKC_RUNS.partition_point(|&(packed, _)| packed & FIRST <= cp);
    if let Some(&(packed, target)) = run.checked_sub(1).and_then(|i| NFKC_RUNS.get(i)) {
        let (first, count) = (packed & FIRST, packed >> 21);
        if cp < first + count {
            return char::from_u32(target + (cp - first)).map(Nfkc::Char);
        }
    }
    NFKC_STRINGS.binary_search_by_key(&cp, |&(source, _)| source).ok().map(|i| Nfkc::Str(NFKC_STRINGS[i].1))
}

/// The ASCII prototype of `c` in UTS #39 `confusables.txt` (`а` Cyrillic → `a`,
/// `ο` Greek → `o`, `0` → `O`, `m` → `rn`), for characters NFKC leaves alone.
pub fn confusable(c: char) -> Option<Prototype> {
    Props::of(c).confusable(c)
}

/// The cached properties of a character (`props`), looked up once for a
/// reader that asks several of them (#14: the word folder asked seven, each
/// looked up again, for every letter of Cyrillic or Greek text).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Props(u8);

impl Props {
    pub fn of(c: char) -> Props {
        Props(props::of(c))
    }

    /// `char::is_alphabetic`.
    pub fn alphabetic(self) -> bool {
        self.0 & props::ALPHABETIC != 0
    }

    /// `char::is_alphanumeric`.
    pub fn alphanumeric(self) -> bool {
        self.0 & (props::ALPHABETIC | props::NUMERIC) != 0
    }

    /// `is_own_lowercase`.
    pub fn own_lowercase(self) -> bool {
        self.0 & props::OWN_LOWERCASE != 0
    }

    /// `is_plain_latin_letter` of a character past ASCII.
    pub fn plain_latin_letter(self) -> bool {
        self.0 & props::PLAIN_LATIN_LETTER != 0
    }

    /// `nfkc` of `c`, whose properties these are.
    pub fn nfkc(self, c: char) -> Option<Nfkc> {
        if c.is_ascii() || self.0 & props::NFKC == 0 {
            return None;
        }
        nfkc_search(c)
    }

    /// `confusable` of `c`, whose properties these are.
    pub fn confusable(self, c: char) -> Option<Prototype> {
        if self.0 & props::CONFUSABLE == 0 {
            return None;
        }
        match two_byte_prototype(c) {
            Some(ascii) => Some(Prototype::Char(char::from(ascii))),
            None => confusable_search(c),
        }
    }

    /// `script` of `c`, whose properties these are.
    pub fn script(self, c: char) -> Option<Script> {
        self.alphabetic().then(|| script_of_letter(c))
    }
}

/// The prototype of a look-alike of two UTF-8 bytes (U+0080 to U+07FF: the
/// Greek and Cyrillic letters drawn as Latin ones, `а` a, `ο` o) when it is
/// one ASCII character, from its `TwoByteTables`; `None` for another character or prototype (#14: the search
/// for each look-alike letter of a text was a third of a 10 MB Russian lint's
/// word folding in Node).
fn two_byte_prototype(c: char) -> Option<u8> {
    static TABLES: TwoByteTables = TwoByteTables::new();
    let cp = c as u32;
    if !(0x80..0x800).contains(&cp) {
        return None;
    }
    let ascii = TABLES.get(cp as usize, 0, |c| match confusable_search(c) {
        Some(Prototype::Char(p)) => u8::try_from(p).unwrap_or(0),
        _ => 0,
    });
    Some(ascii).filter(|&ascii| ascii != 0)
}

/// Answers about the characters of two UTF-8 bytes (U+0080 to U+07FF: the
/// letters of Latin, Greek, Cyrillic, Armenian, Hebrew and Arabic), a table of
/// 256 characters made on the first use of one of them: a first lint makes only
/// the tables of the letters it meets (#14 cold start: the whole range at once
/// asked every Greek, Cyrillic, Hebrew and Arabic letter, 1.5 M instructions).
pub(crate) struct TwoByteTables([OnceLock<[u8; 256]>; 8]);

impl TwoByteTables {
    pub(crate) const fn new() -> TwoByteTables {
        TwoByteTables([const { OnceLock::new() }; 8])
    }

    /// `answer` of the character at code point `point`; `none` for a point past
    /// two bytes, and in the table for one that is no character.
    #[inline(always)]
    pub(crate) fn get(&self, point: usize, none: u8, answer: fn(char) -> u8) -> u8 {
        self.page(point, none, answer).map_or(none, |table| table[point & 0xff])
    }

    /// The table of the page of `point` (`get` reads one answer of it), for a
    /// reader of several characters of one page; `None` past two bytes. A
    /// table made is read without `get_or_init`'s closure, whose captures
    /// were written to the stack at each call (#14, callgrind, 10 MB of
    /// Russian prose: 20 instructions a word at `fold::whole_foreign_word`).
    #[inline(always)]
    pub(crate) fn page(&self, point: usize, none: u8, answer: fn(char) -> u8) -> Option<&[u8; 256]> {
        let table = self.0.get(point >> 8)?;
        match table.get() {
            Some(table) => Some(table),
            None => Some(Self::first(table, point, none, answer)),
        }
    }

    /// The table of the page of `point`, made on its first use.
    #[cold]
    #[inline(never)]
    fn first(table: &OnceLock<[u8; 256]>, point: usize, none: u8, answer: fn(char) -> u8) -> &[u8; 256] {
        table.get_or_init(|| Self::make(point, none, answer))
    }

    /// The table of the page of `point`.
    #[cold]
    fn make(point: usize, none: u8, answer: fn(char) -> u8) -> [u8; 256] {
        let mut table = [none; 256];
        for (low, slot) in (0u32..).zip(table.iter_mut()) {
            if let Some(c) = char::from_u32((point as u32) & !0xff | low) {
                *slot = answer(c);
            }
        }
        table
    }
}

/// Answers below 128 about a range of characters, computed for each character
/// on its first use and kept, in a table of one byte a character made on the
/// first use of one of them. A character at a time, not a page of 256: a text
/// of one character from each page would ask its questions of every character.
pub(crate) struct CharAnswers(OnceLock<Box<[AtomicU8]>>);

/// `CharAnswers`' mark of an answer it holds (0 is one not asked yet).
const KNOWN: u8 = 128;

impl CharAnswers {
    pub(crate) const fn new() -> CharAnswers {
        CharAnswers(OnceLock::new())
    }

    /// `answer()` for the character at `index` of a range of `len` characters.
    #[inline(always)]
    pub(crate) fn get(&self, index: usize, len: usize, answer: impl FnOnce() -> u8) -> u8 {
        // A table made is read without `get_or_init` (as `TwoByteTables::page`).
        let table = match self.0.get() {
            Some(table) => table,
            None => Self::first(&self.0, len),
        };
        let Some(slot) = table.get(index) else { return answer() };
        // Relaxed: a character's answer is always the same, whoever computes it first.
        match slot.load(Ordering::Relaxed) {
            0 => {
                let answer = answer();
                slot.store(answer | KNOWN, Ordering::Relaxed);
                answer
            }
            known => known & !KNOWN,
        }
    }

    /// The table of `len` answers, made on its first use.
    #[cold]
    #[inline(never)]
    fn first(table: &OnceLock<Box<[AtomicU8]>>, len: usize) -> &[AtomicU8] {
        table.get_or_init(|| (0..len).map(|_| AtomicU8::new(0)).collect())
    }
}

fn confusable_search(c: char) -> Option<Prototype> {
    let cp = c as u32;
    let packed = CONFUSABLE_ASCII.partition_point(|&p| (p >> 8) < cp);
    if let Some(&p) = CONFUSABLE_ASCII.get(packed) {
        if p >> 8 == cp {
            return Some(Prototype::Char((p & 0xFF) as u8 as char));
        }
    }
    CONFUSABLE_STRINGS
        .binary_search_by_key(&cp, |&(source, _)| source)
        .ok()
        .map(|i| Prototype::Str(CONFUSABLE_STRINGS[i].1))
}

/// A confusable prototype: one ASCII character or several.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Prototype {
    Char(char),
    Str(&'static str),
}

/// The canonical composition of a lowercase letter and a combining mark
/// (`e` + U+0301 → `é`), for Latin, Greek and Cyrillic.
pub fn compose(base: char, mark: char) -> Option<char> {
    let (Ok(base), Ok(mark)) = (u16::try_from(base as u32), u16::try_from(mark as u32)) else { return None };
    COMPOSE
        .binary_search_by(|&(b, m, _)| (b, m).cmp(&(base, mark)))
        .ok()
        .and_then(|i| char::from_u32(u32::from(COMPOSE[i].2)))
}

/// A lowercase letter without its accents (`é` → `e`, `ą` → `a`, `ё` → `е`);
/// also the Latin letters whose stroke Unicode does not decompose (`ł`, `ø`, `đ`, `ħ`, `ŧ`).
pub fn strip_accents(c: char) -> char {
    if c.is_ascii() {
        return c;
    }
    match c {
        // Letters with a stroke or slash: no canonical decomposition, but read
        // as their base letter by anyone typing without the accent (ours).
        'ł' => return 'l',
        'ø' => return 'o',
        'đ' => return 'd',
        'ħ' => return 'h',
        'ŧ' => return 't',
        'ı' => return 'i',
        _ => {}
    }
    let Ok(cp) = u16::try_from(c as u32) else { return c };
    // Past the table's last letter (Greek Extended) none strips: CJK and the other
    // scripts of three bytes are not searched (#14: the search of each character
    // was a third of a 10 MB Chinese lint in Node).
    if STRIP.last().is_none_or(|&(last, _)| cp > last) {
        return c;
    }
    match STRIP.binary_search_by_key(&cp, |&(from, _)| from) {
        Ok(i) => char::from_u32(u32::from(STRIP[i].1)).unwrap_or(c),
        Err(_) => c,
    }
}

/// `text` with every letter's accents stripped (`strip_accents` of each
/// character), appended to `out`: ASCII a run at a time, a character of two
/// UTF-8 bytes (U+0080 to U+07FF: the accented letters of Latin, Greek and
/// Cyrillic) from a table made once (#14: a character at a time through the
/// table's binary search, the plain forms of words were 16 % of a 10 MB
/// Polish lint in Node, `--cpu-prof`).
pub fn push_stripped(text: &str, out: &mut String) {
    static TWO_BYTES: std::sync::OnceLock<[char; 0x800]> = std::sync::OnceLock::new();
    let two_bytes = TWO_BYTES.get_or_init(|| {
        let mut table = ['\0'; 0x800];
        for (cp, slot) in (0u32..).zip(table.iter_mut()) {
            *slot = char::from_u32(cp).map_or('\0', strip_accents);
        }
        table
    });
    let bytes = text.as_bytes();
    // Room for the text as long as it is (a stripped letter is seldom
    // longer), made once instead of at each character.
    out.reserve(bytes.len());
    let mut at = 0;
    while let Some(&b) = bytes.get(at) {
        if b.is_ascii() {
            let ascii = bytes[at..].iter().position(|b| !b.is_ascii()).unwrap_or(bytes.len() - at);
            out.push_str(&text[at..at + ascii]);
            at += ascii;
        } else if let (true, Some(&next)) = (b < 0xe0, bytes.get(at + 1)) {
            // Two bytes (the text is UTF-8: a continuation byte follows), read
            // from the table without decoding the character (#14, callgrind,
            // 10 MB of Russian prose: a word of Cyrillic letters took 90
            // instructions a letter here, ASCII looked for before each; the
            // 34,747 calls 38.0 → 23.8 M).
            let point = usize::from(b & 0x1f) << 6 | usize::from(next & 0x3f);
            out.push(two_bytes.get(point).copied().unwrap_or('\0'));
            at += 2;
        } else {
            let Some(c) = text.get(at..).and_then(|rest| rest.chars().next()) else { break };
            at += c.len_utf8();
            out.push(strip_accents(c));
        }
    }
}

/// Combining marks (Mn) of the blocks that accent Latin, Greek and Cyrillic
/// letters: Combining Diacritical Marks and their Extended and Supplement
/// blocks, marks for symbols, half marks, and the Cyrillic combining letters.
pub fn is_combining_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036f}' | '\u{0483}'..='\u{0489}' | '\u{1ab0}'..='\u{1aff}' | '\u{1dc0}'..='\u{1dff}'
        | '\u{20d0}'..='\u{20ff}' | '\u{fe20}'..='\u{fe2f}' | '\u{2de0}'..='\u{2dff}' | '\u{a66f}'..='\u{a67d}')
}

/// Characters that draw nothing and join or split nothing a reader sees: the
/// Default_Ignorable_Code_Point set of Unicode (DerivedCoreProperties.txt;
/// "should be rendered invisibly", The Unicode Standard §5.21): zero-width
/// space, non-joiner, joiner, word joiner, BOM, soft hyphen, combining grapheme
/// joiner, Mongolian free variation selectors and vowel separator, variation
/// selectors, invisible operators, the bidi marks, embeddings and overrides,
/// the Hangul fillers (U+115F, U+1160, U+3164, U+FFA0: letters by category,
/// blank on screen) and the tag characters (U+E0000–U+E0FFF).
pub fn is_invisible(c: char) -> bool {
    matches!(c, '\u{00ad}' | '\u{034f}' | '\u{061c}' | '\u{115f}' | '\u{1160}' | '\u{17b4}' | '\u{17b5}'
        | '\u{180b}'..='\u{180f}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{206f}'
        | '\u{3164}' | '\u{fe00}'..='\u{fe0f}' | '\u{feff}' | '\u{ffa0}' | '\u{fff0}'..='\u{fff8}'
        | '\u{1bca0}'..='\u{1bca3}' | '\u{1d173}'..='\u{1d17a}' | '\u{e0000}'..='\u{e0fff}')
}

/// The zero of each run of decimal digits (General_Category Nd, Numeric_Type
/// Decimal) of Unicode 16.0.0, ASCII's first: 76 runs, 760 digits. Unicode
/// encodes them in runs of ten in ascending value (UAX #44 §5.7.4,
/// Numeric_Type=Decimal; the Stability Policy keeps it so and never changes a
/// digit's value), so a digit is its distance from its zero; UTS #39 §5.3
/// (Mixed-Number Detection) reads them by the same runs. `char::to_digit`
/// reads ASCII alone.
///
/// The version is the one of the engine's other Nd table, `regex-syntax`
/// 0.8.12's `\d` (`perl_decimal.rs`, generated by `ucd-generate` from UCD
/// 16.0.0), which custom rules' patterns read digits by: the runs are its
/// ranges cut in tens. Node 20's ICU 78 (Unicode 17.0, `/\p{Nd}/u`) has these
/// and one more, U+11DE0 (Tolong Siki, 17.0), left out until a 17.0 table to
/// check it against is at hand. The other text tables (`tables.rs`, NFKC and
/// confusables) stay at 14.0.0, where the generator's Python is: a newer
/// table only adds digits 14.0 left unassigned, which those tables pass
/// through unchanged, and reads no older character otherwise; the ten runs
/// new since 14.0 are Kawi U+11F50 and Nag Mundari U+1E4F0 (15.0), Garay
/// U+10D40, Myanmar Extended-C U+116D0 and U+116DA, Sunuwar U+11BF0, Gurung
/// Khema U+16130, Kirat Rai U+16D70, the outlined digits U+1CCF0 (which NFKC
/// 16.0 maps to ASCII's) and Ol Onal U+1E5F1 (16.0).
const DECIMAL_ZEROS: [u32; 76] = [
    0x30, 0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6, 0xD66, 0xDE6, 0xE50, 0xED0, 0xF20,
    0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90, 0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900,
    0xA9D0, 0xA9F0, 0xAA50, 0xABF0, 0xFF10, 0x104A0, 0x10D30, 0x10D40, 0x11066, 0x110F0, 0x11136, 0x111D0, 0x112F0,
    0x11450, 0x114D0, 0x11650, 0x116C0, 0x116D0, 0x116DA, 0x11730, 0x118E0, 0x11950, 0x11BF0, 0x11C50, 0x11D50, 0x11DA0,
    0x11F50, 0x16130, 0x16A60, 0x16AC0, 0x16B50, 0x16D70, 0x1CCF0, 0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6, 0x1E140,
    0x1E2F0, 0x1E4F0, 0x1E5F1, 0x1E950, 0x1FBF0,
];

/// The ASCII digit a decimal digit of any script stands for (`٣`, `۳`, `३`,
/// `๓`: '3'); `None` for any other character. A binary search of 76 zeros.
pub fn decimal_digit(c: char) -> Option<char> {
    let code = u32::from(c);
    let zero = match DECIMAL_ZEROS.binary_search(&code) {
        Ok(at) => DECIMAL_ZEROS[at],
        Err(0) => return None,
        Err(at) => DECIMAL_ZEROS[at - 1],
    };
    let value = code - zero;
    (value < 10).then(|| char::from(b'0' + value as u8))
}

/// Symbols drawn as an empty cell although they are no white space: U+2800
/// BRAILLE PATTERN BLANK (category So, a cell with no dot raised), the filler
/// spammers and bots write where a blank subject or body would be refused. The
/// word folder reads it as the space it shows; the blank counts read it blank.
pub fn draws_blank(c: char) -> bool {
    c == '\u{2800}'
}

/// The capital a Latin small capital is drawn as (UnicodeData.txt names
/// "LATIN LETTER SMALL CAPITAL A" … "Z", "AE", "OE"): a capital at x-height,
/// which a reader reads as that letter (`ᴘᴏʀɴ`, `ꜰʀᴇᴇ`). Unicode gives them
/// no decomposition and UTS #39 maps only some (`ᴏ`, `ᴡ`) to a letter.
pub fn small_capital(c: char) -> Option<char> {
    Some(match c {
        '\u{1d00}' => 'A',
        '\u{0299}' => 'B',
        '\u{1d04}' => 'C',
        '\u{1d05}' => 'D',
        '\u{1d07}' => 'E',
        '\u{a730}' => 'F',
        '\u{0262}' => 'G',
        '\u{029c}' => 'H',
        '\u{026a}' => 'I',
        '\u{1d0a}' => 'J',
        '\u{1d0b}' => 'K',
        '\u{029f}' => 'L',
        '\u{1d0d}' => 'M',
        '\u{0274}' => 'N',
        '\u{1d0f}' => 'O',
        '\u{1d18}' => 'P',
        '\u{a7af}' => 'Q',
        '\u{0280}' => 'R',
        '\u{a731}' => 'S',
        '\u{1d1b}' => 'T',
        '\u{1d1c}' => 'U',
        '\u{1d20}' => 'V',
        '\u{1d21}' => 'W',
        '\u{028f}' => 'Y',
        '\u{1d22}' => 'Z',
        '\u{1d01}' => 'Æ',
        '\u{0276}' => 'Œ',
        _ => return None,
    })
}

/// The scripts that matter for look-alike letters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Script {
    Latin,
    Greek,
    Cyrillic,
    /// Any other script, or no script (digits, punctuation, marks: see `script`).
    Other,
}

/// The script of a letter, by block: Latin (Basic Latin, Latin-1, Extended-A/B,
/// IPA, Extended Additional, full-width), Greek (and Extended), Cyrillic (and
/// Supplement, Extended); `None` for characters that are not letters.
pub fn script(c: char) -> Option<Script> {
    if !is_alphabetic(c) {
        return None;
    }
    Some(script_of_letter(c))
}

/// The script of a letter (`script` once it knows `c` is one).
fn script_of_letter(c: char) -> Script {
    match c as u32 {
        0x0041..=0x024F | 0x0250..=0x02AF | 0x1E00..=0x1EFF | 0xFF21..=0xFF5A | 0x2C60..=0x2C7F | 0xA720..=0xA7FF => {
            Script::Latin
        }
        0x0370..=0x03FF | 0x1F00..=0x1FFF => Script::Greek,
        0x0400..=0x052F | 0x1C80..=0x1C8F | 0x2DE0..=0x2DFF | 0xA640..=0xA69F => Script::Cyrillic,
        _ => Script::Other,
    }
}

/// `char::is_alphabetic`, answered from the page cache for a non-ASCII character.
pub fn is_alphabetic(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    props::of(c) & props::ALPHABETIC != 0
}

/// `char::is_alphanumeric`, answered from the page cache for a non-ASCII character.
pub fn is_alphanumeric(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    props::of(c) & (props::ALPHABETIC | props::NUMERIC) != 0
}

/// Whether `c.to_lowercase()` is `c` itself (the page cache answers for a
/// non-ASCII character, where the standard library searches).
pub fn is_own_lowercase(c: char) -> bool {
    if c.is_ascii() {
        return !c.is_ascii_uppercase();
    }
    props::of(c) & props::OWN_LOWERCASE != 0
}

/// Whether `c` is blank to a reader: white space, a character that draws
/// nothing (`is_invisible`) or an empty cell (`draws_blank`); answered from the
/// page cache past ASCII.
pub fn is_blank(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_whitespace() || c == '\x0b';
    }
    props::of(c) & props::BLANK != 0
}

/// Whether the word folder reads `c`, a character past ASCII, as itself in
/// every form (`text::fold`): a lowercase letter of the Latin script that draws
/// something, composes with nothing before it, has no NFKC form and no
/// look-alike (`é`, `ą`, `ñ`, `ł`, `ß`; not `ı`, a look-alike of `i`, nor `É`,
/// which is lowercased): most letters past ASCII of French, Spanish and Polish text.
pub fn is_plain_latin_letter(c: char) -> bool {
    !c.is_ascii() && props::of(c) & props::PLAIN_LATIN_LETTER != 0
}

/// The properties the word readers ask of every character of a text, cached per
/// page of 256 code points of the Basic Multilingual Plane and filled on the
/// page's first use. The standard library's `is_alphabetic` past ASCII and our
/// NFKC and look-alike tables are searches, and so is `to_lowercase`: a native lint of 3 million accented
/// letters (`bench --profile-load file=…`, perf) spent 58 % of its time in them.
/// A page costs its 256 searches once; then each question is one index. Past
/// the BMP each character is computed on its first use (`past_the_bmp`).
/// Memory: at most 256 pages of 256 bytes and 16 planes of 64 KiB, whatever the input.
mod props {
    use std::sync::OnceLock;

    pub const ALPHABETIC: u8 = 1;
    pub const NUMERIC: u8 = 2;
    pub const NFKC: u8 = 4;
    pub const CONFUSABLE: u8 = 8;
    /// `to_lowercase` gives the character itself (every lowercase letter, and
    /// most characters that are no letters).
    pub const OWN_LOWERCASE: u8 = 16;
    /// `super::is_plain_latin_letter`.
    pub const PLAIN_LATIN_LETTER: u8 = 32;
    /// `super::is_blank`.
    pub const BLANK: u8 = 64;

    static PAGES: [OnceLock<[u8; 256]>; 256] = [const { OnceLock::new() }; 256];

    /// Pages 0 and 1 (U+0000 to U+01FF: Latin-1 and Latin Extended-A, the
    /// letters of French, Spanish and Polish), written here as `compute` makes
    /// them (the test `written_pages_are_computed`; a new Unicode version of the
    /// standard library fails it, and its message prints the pages to paste).
    /// Computed at a first lint they were 252 K of its 2.4 M instructions
    /// natively (#14 cold start: the default subject prefixes `vous avez gagné`,
    /// `cześć` and `wygrałeś`, read at a first lint, asked them, as does the
    /// first accented letter of any text).
    pub(super) const WRITTEN: [[u8; 256]; 2] = [
        [
            16, 16, 16, 16, 16, 16, 16, 16, 16, 80, 80, 80, 80, 80, 16, 16,
            16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16,
            80, 16, 24, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16,
            26, 26, 18, 18, 18, 18, 18, 18, 18, 18, 16, 16, 16, 16, 16, 16,
            16, 1, 1, 1, 1, 1, 1, 1, 1, 9, 1, 1, 1, 1, 1, 1,
            1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 16, 16, 16, 16, 16,
            24, 49, 49, 49, 49, 49, 49, 49, 49, 49, 49, 49, 49, 25, 49, 49,
            49, 49, 49, 49, 49, 49, 49, 49, 49, 49, 49, 16, 24, 16, 16, 16,
            16, 16, 16, 16, 16, 80, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16,
            16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16,
            84, 16, 16, 16, 16, 16, 16, 16, 20, 16, 21, 16, 16, 80, 16, 20,
            16, 16, 22, 22, 20, 21, 16, 16, 20, 22, 21, 16, 22, 22, 22, 16,
            1, 1, 1, 1, 1, 1, 9, 1, 1, 1, 1, 1, 1, 1, 1, 1,
            1, 1, 1, 1, 1, 1, 1, 24, 1, 1, 1, 1, 1, 1, 1, 49,
            49, 49, 49, 49, 49, 49, 25, 49, 49, 49, 49, 49, 49, 49, 49, 49,
            49, 49, 49, 49, 49, 49, 49, 16, 49, 49, 49, 49, 49, 49, 49, 49,
        ],
        [
            1, 49, 1, 49, 1, 49, 1, 49, 1, 49, 1, 49, 1, 49, 1, 49,
            1, 49, 1, 49, 1, 49, 1, 49, 1, 49, 1, 49, 1, 49, 1, 49,
            1, 49, 1, 49, 1, 49, 1, 49, 1, 49, 1, 49, 1, 49, 1, 49,
            1, 25, 5, 21, 1, 49, 1, 49, 49, 1, 49, 1, 49, 1, 49, 5,
            21, 1, 49, 1, 49, 1, 49, 1, 49, 25, 1, 49, 1, 49, 1, 49,
            1, 49, 9, 25, 1, 49, 1, 49, 1, 49, 1, 49, 1, 49, 1, 49,
            1, 49, 1, 49, 1, 49, 1, 49, 1, 49, 1, 49, 1, 49, 1, 49,
            1, 49, 1, 49, 1, 49, 1, 49, 1, 1, 49, 1, 49, 1, 49, 21,
            49, 9, 1, 49, 9, 49, 1, 9, 49, 1, 9, 1, 49, 25, 1, 1,
            1, 1, 49, 9, 1, 49, 9, 1, 9, 49, 49, 49, 1, 1, 49, 1,
            9, 25, 1, 49, 9, 49, 9, 9, 49, 1, 49, 49, 9, 49, 1, 1,
            49, 1, 1, 9, 49, 1, 49, 9, 1, 49, 49, 49, 9, 25, 49, 49,
            25, 25, 49, 25, 5, 5, 21, 5, 5, 21, 5, 5, 21, 1, 49, 1,
            49, 1, 49, 1, 49, 1, 49, 1, 49, 1, 49, 1, 49, 49, 1, 49,
            1, 49, 1, 49, 1, 49, 1, 49, 1, 49, 1, 49, 1, 49, 1, 49,
            49, 5, 5, 21, 1, 49, 1, 1, 1, 49, 1, 49, 1, 49, 1, 49,
        ],
    ];

    pub fn of(c: char) -> u8 {
        let cp = c as u32;
        if let Some(page) = WRITTEN.get((cp >> 8) as usize) {
            return page[(cp & 0xff) as usize];
        }
        let Some(page) = PAGES.get((cp >> 8) as usize) else { return past_the_bmp(c) };
        let page = page.get_or_init(|| {
            let mut flags = [0u8; 256];
            for (low, slot) in (0u32..).zip(flags.iter_mut()) {
                // Surrogates are no chars: their slots stay 0, and no char reads them.
                if let Some(c) = char::from_u32(cp & !0xff | low) {
                    *slot = compute(c);
                }
            }
            flags
        });
        page[(cp & 0xff) as usize]
    }

    /// The tables of planes 1 to 16 (emoji, mathematical letters, historic
    /// scripts, private use), 64 KiB each, made on the first use of one of
    /// the plane's characters: 1 MiB at most, whatever the input.
    static PLANES: [super::CharAnswers; 16] = [const { super::CharAnswers::new() }; 16];

    /// The flags of a character past the BMP, computed on its first use and kept
    /// (#14: each emoji of a text was searched for again in the tables at every
    /// use, 10 % of a 10 MB lint of HTML entities in Node). A character at a
    /// time, not a page of 256 as in the BMP: a text of one character from each
    /// of the 4,096 pages past it would have cost a million searches.
    fn past_the_bmp(c: char) -> u8 {
        let cp = c as u32;
        let Some(plane) = PLANES.get(((cp >> 16) as usize).wrapping_sub(1)) else { return compute(c) };
        plane.get((cp & 0xffff) as usize, 0x1_0000, || compute(c))
    }

    pub(super) fn compute(c: char) -> u8 {
        let mut flags = 0;
        if c.is_alphabetic() {
            flags |= ALPHABETIC;
        }
        if c.is_numeric() {
            flags |= NUMERIC;
        }
        if super::nfkc_search(c).is_some() {
            flags |= NFKC;
        }
        if super::confusable_search(c).is_some() {
            flags |= CONFUSABLE;
        }
        let mut lower = c.to_lowercase();
        if lower.next() == Some(c) && lower.next().is_none() {
            flags |= OWN_LOWERCASE;
        }
        // Asked here of the character itself: `script` and the folder's other
        // questions go through this cache, which is being filled.
        let plain = flags & (ALPHABETIC | OWN_LOWERCASE) == ALPHABETIC | OWN_LOWERCASE
            && flags & (NFKC | CONFUSABLE) == 0
            && matches!(super::script_of_letter(c), super::Script::Latin)
            && !super::is_invisible(c)
            && !super::is_combining_mark(c)
            && super::small_capital(c).is_none();
        if plain {
            flags |= PLAIN_LATIN_LETTER;
        }
        if c.is_whitespace() || super::is_invisible(c) || super::draws_blank(c) {
            flags |= BLANK;
        }
        flags
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The digits are those of the engine's other Nd table, `regex`'s `\d`
    /// (UCD 16.0.0): every code point, the same answer; the runs new since
    /// 14.0 (Kawi, Nag Mundari, Garay, the outlined digits…) among them.
    #[test]
    fn decimal_digits_are_regexs_unicode_digits() {
        let digit = regex::Regex::new(r"^\d$").expect("compiles");
        let mut buffer = [0u8; 4];
        for c in (0..=0x10_FFFF).filter_map(char::from_u32) {
            let read = decimal_digit(c);
            assert_eq!(read.is_some(), digit.is_match(c.encode_utf8(&mut buffer)), "U+{:04X}", c as u32);
        }
        for (c, value) in [('\u{11F53}', '3'), ('\u{1E4F9}', '9'), ('\u{10D40}', '0'), ('\u{116DA}', '0'), ('\u{1CCF5}', '5')] {
            assert_eq!(decimal_digit(c), Some(value), "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn cached_properties_are_the_searches() {
        // Every code point of the BMP and of plane 1 (emoji, mathematical letters),
        // a sample past them: the cache says what the standard library and the
        // table searches say, asked first and then again (past the BMP, a
        // character is computed when first asked, then read from its plane's table).
        for cp in (0..0x2_0000).chain((0x2_0000..0x11_0000).step_by(97)).chain([0x1d400, 0x1f17f, 0xe0041, 0x10ffff]) {
            let Some(c) = char::from_u32(cp) else { continue };
            assert_eq!(is_alphabetic(c), c.is_alphabetic(), "U+{cp:04X}");
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "U+{cp:04X}");
            assert_eq!(nfkc(c), nfkc_search(c), "U+{cp:04X}");
            assert_eq!(confusable(c), confusable_search(c), "U+{cp:04X}");
            assert_eq!(is_own_lowercase(c), c.to_lowercase().eq([c]), "U+{cp:04X}");
            let plain_latin_letter = !c.is_ascii()
                && c.is_alphabetic()
                && c.to_lowercase().eq([c])
                && nfkc_search(c).is_none()
                && confusable_search(c).is_none()
                && script(c) == Some(Script::Latin)
                && !is_invisible(c)
                && !is_combining_mark(c)
                && small_capital(c).is_none();
            assert_eq!(is_plain_latin_letter(c), plain_latin_letter, "U+{cp:04X}");
            assert_eq!(is_blank(c), c.is_whitespace() || is_invisible(c) || draws_blank(c), "U+{cp:04X}");
        }
    }

    /// `props::WRITTEN` is what `props::compute` makes; on a difference, the
    /// pages to paste in its place.
    #[test]
    fn written_pages_are_computed() {
        let computed: Vec<Vec<u8>> = (0..2u32)
            .map(|page| (0..256u32).map(|low| char::from_u32(page << 8 | low).map_or(0, props::compute)).collect())
            .collect();
        let mut pages = String::new();
        for page in &computed {
            pages.push_str("        [\n");
            for row in page.chunks(16) {
                let row: Vec<String> = row.iter().map(u8::to_string).collect();
                pages.push_str(&format!("            {},\n", row.join(", ")));
            }
            pages.push_str("        ],\n");
        }
        assert!(computed.iter().zip(&props::WRITTEN).all(|(c, w)| c[..] == w[..]), "props::WRITTEN should be:\n{pages}");
    }

    /// `confusable` answers a character of two UTF-8 bytes from its table:
    /// what the search says, for every one of them.
    #[test]
    fn two_byte_look_alikes_are_the_search() {
        for c in (0x80..0x800).filter_map(char::from_u32) {
            assert_eq!(confusable(c), confusable_search(c), "U+{:04X}", c as u32);
            let expected = match confusable_search(c) {
                Some(Prototype::Char(p)) => u8::try_from(p).ok(),
                _ => None,
            };
            assert_eq!(two_byte_prototype(c), expected, "U+{:04X}", c as u32);
        }
        for c in ['a', '\u{7f}', '\u{800}', 'ｐ', '𝐩', 'm'] {
            assert_eq!(two_byte_prototype(c), None, "{c:?}");
        }
    }

    #[test]
    fn compatibility_forms_fold_to_their_letters() {
        assert_eq!(nfkc('ｐ'), Some(Nfkc::Char('p')));
        assert_eq!(nfkc('𝐩'), Some(Nfkc::Char('p')));
        assert_eq!(nfkc('𝓟'), Some(Nfkc::Char('P')));
        assert_eq!(nfkc('ﬁ'), Some(Nfkc::Str("fi")));
        assert_eq!(nfkc('①'), Some(Nfkc::Char('1')));
        assert_eq!(nfkc('🅿'), Some(Nfkc::Char('P')));
        assert_eq!(nfkc('p'), None);
        assert_eq!(nfkc('é'), None);
        assert_eq!(nfkc('会'), None);
    }

    #[test]
    fn look_alikes_have_ascii_prototypes() {
        assert_eq!(confusable('а'), Some(Prototype::Char('a'))); // Cyrillic
        assert_eq!(confusable('ο'), Some(Prototype::Char('o'))); // Greek
        assert_eq!(confusable('Ρ'), Some(Prototype::Char('P'))); // Greek capital rho
        assert_eq!(confusable('m'), Some(Prototype::Str("rn")));
        assert_eq!(confusable('é'), None);
        assert_eq!(confusable('x'), None);
    }

    #[test]
    fn default_ignorable_code_points_are_invisible() {
        for c in ['\u{200b}', '\u{00ad}', '\u{2060}', '\u{feff}', '\u{034f}', '\u{115f}', '\u{3164}', '\u{ffa0}', '\u{180b}', '\u{202e}', '\u{2066}', '\u{fe0f}', '\u{1d173}', '\u{e0041}', '\u{e01ef}'] {
            assert!(is_invisible(c), "U+{:04X}", c as u32);
        }
        for c in ['a', ' ', '\u{a0}', '\u{2028}', '\u{1100}', '\u{17b6}', '\u{fff9}', '\u{301}'] {
            assert!(!is_invisible(c), "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn stripped_texts_are_their_characters_stripped() {
        let every: String = (0..0x3000).chain(0x1_0000..0x1_0100).filter_map(char::from_u32).collect();
        let mut out = String::from("kept ");
        push_stripped(&every, &mut out);
        let expected: String = every.chars().map(strip_accents).collect();
        assert_eq!(out, format!("kept {expected}"));
        let pieces = ["ab", "źródło", "ł", "É", "ё", "ǅ", " ", "会", "𝐩", "\u{301}", "x"];
        crate::text::generated_texts(&pieces, 2_000, 20, |text| {
            let mut out = String::new();
            push_stripped(text, &mut out);
            assert_eq!(out, text.chars().map(strip_accents).collect::<String>(), "{text:?}");
        });
    }

    #[test]
    fn accents_compose_and_strip() {
        assert_eq!(compose('e', '\u{301}'), Some('é'));
        assert_eq!(compose('a', '\u{328}'), Some('ą'));
        assert_eq!(compose('q', '\u{301}'), None);
        assert_eq!(strip_accents('é'), 'e');
        assert_eq!(strip_accents('ż'), 'z');
        assert_eq!(strip_accents('ł'), 'l');
        assert_eq!(strip_accents('ё'), 'е');
        assert_eq!(strip_accents('ǖ'), 'u');
        assert_eq!(strip_accents('ῷ'), 'ω');
        assert_eq!(strip_accents('会'), '会');
    }

    /// The table is in order, so a character past its last letter is in none of
    /// its entries (`strip_accents` does not search for it).
    #[test]
    fn the_strip_table_is_in_order() {
        assert!(STRIP.windows(2).all(|pair| pair[0].0 < pair[1].0));
    }
}
