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

pub mod distance;
pub mod fold;
pub mod links;
pub mod lexicon;
pub mod negation;
pub mod skeleton;
mod tables;
pub mod unicode;

pub use tables::UNICODE_VERSION;

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
    use super::count_words;

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
