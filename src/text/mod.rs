//! Text as a reader reads it. A layer below `model`: strings in, no message.
//!
//! - `unicode`: lookups over the generated tables (`tables.rs`, Unicode 14.0.0,
//!   made by `generate_tables.py`): NFKC for Latin/Greek/Cyrillic text, UTS #39
//!   confusable prototypes, composition and accent stripping.
//! - `fold`: splits a text into words folded the way a reader sees them
//!   (full-width, mathematical and styled letters, look-alike Cyrillic and Greek
//!   letters, zero-width characters, spaced-out letters), each with its byte
//!   range in the original text.
//! - `lexicon`: whole-word matching of word-sequence lexicons on folded words,
//!   with leetspeak read against each entry's own letters.
//! - `skeleton`: UTS #39 skeletons and scripts of domain names, for homographs.
//! - `links`: URLs and addresses written in plain text, with their byte ranges,
//!   and the top-level domains a host name written in text ends in.
//! - `flowed`: RFC 3676 `format=flowed` text read as its paragraphs (soft line
//!   breaks joined).
//! - `distance`: edit distance, for names a reader could take for one another.
//! - `negation`: whether a word of a server's or mailer's English is negated
//!   (`not listed`, `unsent`).
//! - `count_words`: how many words a reader sees in a text.
//! - `find_byte`: the next byte of a kind, 16 bytes tested at a time.
//! - `find_any`, `find_digit`: the next of one to three bytes, the next ASCII
//!   digit: memchr and `find_byte` natively, sixteen bytes a step in the wasm.

pub mod distance;
pub mod flowed;
pub mod fold;
pub mod links;
pub mod lexicon;
pub mod negation;
pub mod skeleton;
mod tables;
pub mod unicode;

pub use tables::UNICODE_VERSION;

/// Generated texts for differential tests of the text scans: `count` texts, each
/// of up to `most` pieces drawn from `pieces` by a fixed xorshift sequence.
#[cfg(test)]
pub(crate) fn generated_texts(pieces: &[&str], count: usize, most: u32, mut each: impl FnMut(&str)) {
    let mut seed = 0x9e37_79b9_u32;
    let mut text = String::new();
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 17;
        seed ^= seed << 5;
        seed
    };
    for _ in 0..count {
        text.clear();
        // Each text's length is drawn too, so one empty text is not followed by empty texts only.
        for _ in 0..next() % (most + 1) {
            text.push_str(pieces[next() as usize % pieces.len()]);
        }
        each(&text);
    }
}

/// The files of the shared corpus, for differential tests over mail as it is
/// written: `../shared/corpus` beside the project (`MAIL_PREFLIGHT_CORPUS` names
/// another folder), sorted; none when it is absent, which the caller says.
#[cfg(test)]
pub(crate) fn corpus_files() -> (std::path::PathBuf, Vec<std::path::PathBuf>) {
    let root = std::env::var_os("MAIL_PREFLIGHT_CORPUS")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus"));
    let (mut dirs, mut files) = (vec![root.clone()], Vec::new());
    while let Some(dir) = dirs.pop() {
        for path in std::fs::read_dir(&dir).into_iter().flatten().flatten().map(|entry| entry.path()) {
            match path.is_dir() {
                true => dirs.push(path),
                false => files.push(path),
            }
        }
    }
    files.sort();
    (root, files)
}

/// Each file of the shared corpus as text (its bytes read as UTF-8, lossily:
/// mail as it is written, a message whole), for the equivalence tests of
/// shortcuts; `test` names the test that says when the corpus is absent.
#[cfg(test)]
pub(crate) fn each_corpus_text(test: &str, mut each: impl FnMut(&std::path::Path, &str)) {
    let (corpus, paths) = corpus_files();
    if paths.is_empty() {
        eprintln!("{test}: {} is absent, the corpus skipped", corpus.display());
    }
    for path in paths {
        each(&path, &String::from_utf8_lossy(&std::fs::read(&path).unwrap_or_default()));
    }
}

/// The first byte at `from` or after it for which `wanted` holds. Bytes are
/// tested 16 at a time with no exit inside a chunk, a loop the compiler
/// vectorises natively (wasm without SIMD tests them one by one, still without
/// a branch each); a byte at a time, such searches were most of the time of
/// the rules that skip to a mark or a digit (#14).
pub fn find_byte(bytes: &[u8], from: usize, wanted: impl Fn(u8) -> bool) -> Option<usize> {
    const CHUNK: usize = 16;
    let mut at = from;
    for chunk in bytes.get(from..)?.chunks_exact(CHUNK) {
        if chunk.iter().fold(false, |hit, &b| hit | wanted(b)) {
            break;
        }
        at += CHUNK;
    }
    bytes.get(at..)?.iter().position(|&b| wanted(b)).map(|p| at + p)
}

/// A byte in each lane of a `u64` (SWAR: eight bytes a step, each a lane),
/// and the high bit of each lane, where the lane tests below mark a byte.
pub(crate) const ONES: u64 = 0x0101_0101_0101_0101;
pub(crate) const HIGH: u64 = ONES * 0x80;

/// Whether the wasm build is running: the scans take its way (eight bytes a
/// step as the lanes of a `u64`) there, and the vector loops natively.
pub(crate) const WASM: bool = cfg!(target_arch = "wasm32");

/// The high bit of each byte of `x` over `after` and under `before` (both at
/// most 0x80) that has no high bit itself, exactly ("hasbetween" of the bit
/// twiddling hacks: neither difference borrows nor carries out of its byte).
#[inline(always)]
pub(crate) fn ascii_bytes_between(x: u64, after: u8, before: u8) -> u64 {
    let low = x & !HIGH;
    (ONES * (127 + u64::from(before)) - low) & !x & (low + ONES * (127 - u64::from(after))) & HIGH
}

/// How many lanes `bits` marks (only high bits set): the multiplication adds
/// the eight one-bit lanes into the top byte (at most 8, no carry); a `popcnt`
/// is not in the baseline x86-64 the native build targets.
#[inline(always)]
pub(crate) fn marked_lanes(bits: u64) -> usize {
    ((bits >> 7).wrapping_mul(ONES) >> 56) as usize
}

/// The characters of `bytes`, which are UTF-8: the bytes that are no
/// continuation byte (`10xxxxxx`), eight a step as the lanes of a `u64` (a
/// continuation byte has its high bit set and the next one clear, which the
/// shift by one brings to the high bit of its lane). In the wasm and natively
/// alike: the compiler did not vectorise a filtered count of the bytes, which
/// took 49.0 M instructions where this takes 13.6 M on the 10 MB newsletter's
/// lines (callgrind).
pub fn utf8_chars(bytes: &[u8]) -> usize {
    let is_continuation = |b: &&u8| **b & 0xc0 == 0x80;
    let (blocks, rest) = bytes.as_chunks::<8>();
    let continuations: usize = blocks
        .iter()
        .map(|block| {
            let x = u64::from_le_bytes(*block);
            marked_lanes(x & !(x << 1) & HIGH)
        })
        .sum();
    bytes.len() - continuations - rest.iter().filter(is_continuation).count()
}

/// Where the first of `needles` (one to three bytes) is in `haystack`. memchr's
/// searches natively (SIMD); in the wasm, which has no SIMD and where memchr
/// reads a 32-bit word a step, sixteen bytes a step as the lanes of two `u64`s
/// (#14: memchr2 and memchr3 were 8 % of a 10 MB English lint in Node,
/// `--cpu-prof`: line ends, URL marks, template tags and exclamation marks
/// searched in text that has few).
pub fn find_any<const N: usize>(needles: [u8; N], haystack: &[u8]) -> Option<usize> {
    match needles.as_slice() {
        _ if WASM => find_any_by_lanes(needles, haystack),
        [a] => memchr::memchr(*a, haystack),
        [a, b] => memchr::memchr2(*a, *b, haystack),
        [a, b, c] => memchr::memchr3(*a, *b, *c, haystack),
        _ => find_any_by_lanes(needles, haystack),
    }
}

/// `find_any` sixteen bytes a step: a byte equal to a needle is a zero byte of
/// `x ^ needle`, and the lowest bit of `(y - ONES) & !y & HIGH` is the first
/// zero byte of `y` exactly (a borrow only sets bits above a zero byte), so the
/// lowest bit of their union over the needles is the first hit.
fn find_any_by_lanes<const N: usize>(needles: [u8; N], haystack: &[u8]) -> Option<usize> {
    let hits = |eight: &[u8; 8]| {
        let x = u64::from_le_bytes(*eight);
        needles.iter().fold(0, |all, &needle| all | first_zero_lanes(x ^ ONES * u64::from(needle))) & HIGH
    };
    first_hit(haystack, hits, |b| needles.contains(&b))
}

/// The lanes of `y` that are zero bytes, as high bits once masked with
/// `HIGH`: exact up to the first (a borrow only sets bits above a zero byte),
/// so the lowest bit of a union of them is the first zero byte of any.
#[inline(always)]
pub(crate) fn first_zero_lanes(y: u64) -> u64 {
    y.wrapping_sub(ONES) & !y
}

/// The first ASCII digit in `bytes` at `from` or after it: `find_byte` natively
/// (vectorised), in the wasm sixteen bytes a step as the lanes of two `u64`s
/// (#14: the money-amounts rule's search for a number was 3 % of a 10 MB English lint in Node).
pub fn find_digit(bytes: &[u8], from: usize) -> Option<usize> {
    if WASM { first_digit_by_lanes(bytes, from) } else { find_byte(bytes, from, |b| b.is_ascii_digit()) }
}

/// `find_digit` sixteen bytes a step.
fn first_digit_by_lanes(bytes: &[u8], from: usize) -> Option<usize> {
    let hits = |eight: &[u8; 8]| ascii_bytes_between(u64::from_le_bytes(*eight), b'0' - 1, b'9' + 1);
    first_hit(bytes.get(from..)?, hits, |b| b.is_ascii_digit()).map(|at| from + at)
}

/// The first byte of `bytes` that `hits` marks in its block of eight (the high
/// bit of its lane; bits above the first may be wrong) and `wanted` holds for,
/// two blocks a step, the last bytes one by one.
pub(crate) fn first_hit(bytes: &[u8], hits: impl Fn(&[u8; 8]) -> u64, wanted: impl Fn(u8) -> bool) -> Option<usize> {
    let (blocks, _) = bytes.as_chunks::<8>();
    let (pairs, _) = blocks.as_chunks::<2>();
    for (index, [first, second]) in pairs.iter().enumerate() {
        let (a, b) = (hits(first), hits(second));
        if a | b != 0 {
            let lane = if a != 0 { a.trailing_zeros() } else { 64 + b.trailing_zeros() };
            return Some(index * 16 + lane as usize / 8);
        }
    }
    let done = pairs.len() * 16;
    bytes[done..].iter().position(|&b| wanted(b)).map(|at| done + at)
}

/// The class of an ASCII byte for the word counts: 0 white space (U+000B
/// too, as `char::is_whitespace`), 1 a letter or a digit, 2 anything else.
pub(crate) const WORD_BYTE_CLASS: [u8; 128] = {
    let mut classes = [2u8; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        if c.is_ascii_whitespace() || c == 0x0b {
            classes[b] = 0;
        } else if c.is_ascii_alphanumeric() {
            classes[b] = 1;
        }
        b += 1;
    }
    classes
};

/// Whether `line` is a line a reply quotes: its first character past white
/// space is `>` (RFC 3676 §4.5). The quoted message's words, not the sender's
/// (`spam/body-caps`, `spam/sales-language`).
pub fn is_quoted_line(line: &str) -> bool {
    line.trim_start().starts_with('>')
}

/// Words a reader sees: runs of characters between white space (Unicode's
/// `White_Space`, so a no-break space parts words too) holding a letter or a
/// digit; a lone `—`, `|` or `*` is no word. One pass, ASCII read byte by
/// byte: texts may be megabytes long.
pub fn count_words(text: &str) -> usize {
    let bytes = text.as_bytes();
    // State: 0 between words, 1 in a run not yet counted, 2 in a counted word.
    let (mut words, mut state, mut i) = (0, 0u8, 0);
    while let Some(&b) = bytes.get(i) {
        let class = match WORD_BYTE_CLASS.get(usize::from(b)) {
            Some(&class) => {
                i += 1;
                class
            }
            None => match text.get(i..).and_then(|rest| rest.chars().next()) {
                Some(c) => {
                    i += c.len_utf8();
                    if c.is_whitespace() { 0 } else if unicode::is_alphanumeric(c) { 1 } else { 2 }
                }
                None => {
                    i += 1;
                    2
                }
            },
        };
        words += usize::from(class == 1 && state != 2);
        state = match (class, state) {
            (0, _) => 0,
            (1, _) | (_, 2) => 2,
            _ => 1,
        };
    }
    words
}

#[cfg(test)]
mod tests {
    use super::{count_words, find_any, find_any_by_lanes, find_byte, find_digit, utf8_chars};

    #[test]
    fn utf8_characters_are_counted_as_the_standard_library_counts_them() {
        // Characters of one to four bytes at every place of texts up to four blocks long.
        let pieces = ["a", "é", "ł", "€", "会", "😀", "\u{7f}", "\u{80}", "\u{7ff}", "\u{800}", "\u{ffff}", "\u{10000}", "\u{10ffff}", " ", "\n"];
        let mut texts = 0;
        crate::text::generated_texts(&pieces, 3_000, 24, |text| {
            let chars = text.chars().count();
            assert_eq!(utf8_chars(text.as_bytes()), chars, "{text:?}");
            texts += 1;
        });
        assert_eq!(texts, 3_000);
    }

    #[test]
    fn the_lane_searches_find_what_a_byte_at_a_time_finds() {
        // Needles at every place of texts of every length up to three blocks of
        // sixteen, among the bytes either side of each needle and of the digit
        // range (borrows and carries), high bytes and zeros.
        let fillers = [b'a', 0x00, 0x01, 0x7f, 0x80, 0xff, b'/', b':', b';', b'9' + 1, b'0' - 1, b'\n' + 1, b'\r' - 1];
        let needles_of = [[b'\n', b'\r', b'!'], [b':', b'.', b'.'], [0x80, 0xe2, 0xef], [b'0', b'{', 0x00]];
        for len in 0..50 {
            for filler in fillers {
                for at in (0..len).chain([usize::MAX]) {
                    for second in [usize::MAX, at.wrapping_add(1), at.wrapping_add(9), at.wrapping_add(17)] {
                        for needles in needles_of {
                            let mut bytes = vec![filler; len];
                            for (place, byte) in [(at, needles[0]), (second, needles[2]), (at.wrapping_add(3), b'7')] {
                                if let Some(slot) = bytes.get_mut(place) {
                                    *slot = byte;
                                }
                            }
                            let one_by_one = |n: &[u8]| bytes.iter().position(|b| n.contains(b));
                            assert_eq!(find_any_by_lanes(needles, &bytes), one_by_one(&needles), "{bytes:?} {needles:?}");
                            assert_eq!(find_any_by_lanes([needles[1]], &bytes), one_by_one(&needles[1..2]), "{bytes:?}");
                            assert_eq!(find_any(needles, &bytes), one_by_one(&needles), "{bytes:?} {needles:?}");
                            assert_eq!(find_any([needles[0], needles[1]], &bytes), one_by_one(&needles[..2]), "{bytes:?}");
                            for from in [0, 1, 7, 8, 9, 16, 17] {
                                let digit = bytes.iter().skip(from).position(u8::is_ascii_digit).map(|p| from + p);
                                assert_eq!(find_digit(&bytes, from), digit, "{bytes:?} {from}");
                                assert_eq!(super::first_digit_by_lanes(&bytes, from), digit, "{bytes:?} {from}");
                            }
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn find_byte_finds_what_a_byte_at_a_time_finds() {
        let wanted = |b: u8| b == b'!' || !b.is_ascii();
        let one_by_one = |bytes: &[u8], from: usize| bytes[from..].iter().position(|&b| wanted(b)).map(|p| from + p);
        for len in [0, 1, 15, 16, 17, 31, 32, 33, 47, 100] {
            for mark in ["!", "é", "！"] {
                for at in [0, 1, 14, 15, 16, 17, 31, 32, 33, 50, 99] {
                    let mut text = "a".repeat(len);
                    if at <= text.len() {
                        text.insert_str(at, mark);
                    }
                    for from in [0, 1, 15, 16, 17, 40] {
                        if from <= text.len() {
                            let found = find_byte(text.as_bytes(), from, wanted);
                            assert_eq!(found, one_by_one(text.as_bytes(), from), "{len} {mark} {at} {from}");
                        }
                    }
                }
            }
        }
        assert_eq!(find_byte(b"abc", 4, wanted), None);
        assert_eq!(find_byte(b"a1", 0, |b| b.is_ascii_digit()), Some(1));
    }

    #[test]
    fn words_are_runs_holding_a_letter_or_a_digit() {
        assert_eq!(count_words(""), 0);
        assert_eq!(count_words("  Hello,  world!\n"), 2);
        assert_eq!(count_words("Prix — 20 € | offre * spéciale"), 4);
        // A no-break space and an ideographic space part words; a zero-width space does not.
        assert_eq!(count_words("prix\u{a0}net\u{3000}税込 a\u{200b}b"), 4);
        assert_eq!(count_words("Zażółć gęślą jaźń"), 3);
        // The same count as the definition read character by character.
        for text in ["a\u{b}b\u{1f}c", "— – …", "١٢٣ abc\u{2028}def", "x\u{85}y"] {
            let slow = text.split(char::is_whitespace).filter(|w| w.chars().any(crate::text::unicode::is_alphanumeric)).count();
            assert_eq!(count_words(text), slow, "{text:?}");
        }
    }
}
