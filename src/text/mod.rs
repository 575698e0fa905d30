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
    let bytes = text.as_bytes();
    let (mut words, mut in_word, mut counted, mut i) = (0, false, false, 0);
    while let Some(&b) = bytes.get(i) {
        let (space, alphanumeric, width) = match b.is_ascii() {
            // U+000B is White_Space too (`char::is_whitespace`), not `is_ascii_whitespace`.
            true => (b.is_ascii_whitespace() || b == 0x0b, b.is_ascii_alphanumeric(), 1),
            false => match text.get(i..).and_then(|rest| rest.chars().next()) {
                Some(c) => (c.is_whitespace(), c.is_alphanumeric(), c.len_utf8()),
                None => (false, false, 1),
            },
        };
        if space {
            in_word = false;
        } else {
            if !in_word {
                (in_word, counted) = (true, false);
            }
            if alphanumeric && !counted {
                (words, counted) = (words + 1, true);
            }
        }
        i += width;
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
            let slow = text.split(char::is_whitespace).filter(|w| w.chars().any(char::is_alphanumeric)).count();
            assert_eq!(count_words(text), slow, "{text:?}");
        }
    }
}
