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
//! - `links`: URLs and addresses written in plain text, with their byte ranges.
//! - `distance`: edit distance, for names a reader could take for one another.
//! - `negation`: whether a word of a server's or mailer's English is negated
//!   (`not listed`, `unsent`).
//! - `count_words`: how many words a reader sees in a text.
//! - `find_byte`: the next byte of a kind, 16 bytes tested at a time.

pub mod distance;
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

/// Words a reader sees: runs of characters between white space (Unicode's
/// `White_Space`, so a no-break space parts words too) holding a letter or a
/// digit; a lone `—`, `|` or `*` is no word. One pass, ASCII read byte by
/// byte: texts may be megabytes long.
pub fn count_words(text: &str) -> usize {
    // The class of an ASCII byte: 0 white space (U+000B too, as `char::is_whitespace`),
    // 1 a letter or a digit, 2 anything else.
    const ASCII: [u8; 128] = {
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
    let bytes = text.as_bytes();
    // State: 0 between words, 1 in a run not yet counted, 2 in a counted word.
    let (mut words, mut state, mut i) = (0, 0u8, 0);
    while let Some(&b) = bytes.get(i) {
        let class = match ASCII.get(usize::from(b)) {
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
    use super::{count_words, find_byte};

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
