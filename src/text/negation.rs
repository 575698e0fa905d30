//! Negated words in the short English texts mail servers and mailers write
//! (an SMTP reply's text, a send log's status): `Recipient not listed`,
//! `not delivered`, `unsent`, `non-delivered`. One matcher for the SMTP
//! explainer (`smtp::enhanced`: a cause named after a negation is no cause)
//! and the send log reader (`queue::sendlog`: a "sent" word negated is an error).

/// Words that turn the word after them into its opposite (ours). Not
/// `without`: what a server says a message came without (`sent without DKIM`,
/// `without TLS`) is the cause it names, and `delivered without delay` was
/// delivered.
pub const NEGATIONS: &[&str] = &["not", "no", "never", "non", "isn't", "wasn't", "aren't", "couldn't", "cannot"];

/// Prefixes that negate the rest of their own word: `unsent`, `nondelivered` (ours).
pub const NEGATING_PREFIXES: &[&str] = &["un", "non"];

/// A letter, digit or apostrophe: `isn't` is one word, `non-delivered` two.
pub fn is_word_char(c: char) -> bool {
    super::unicode::is_alphanumeric(c) || c == '\''
}

/// Whether the word that starts where `before` ends (a lower-case text cut
/// just before it) is negated: by the word before it (`not listed`,
/// `never delivered`, `(no) relay`), or, when the cut falls inside a word,
/// by that word's own beginning (`un|sent`, `non|delivered`).
pub fn negated(before: &str) -> bool {
    let word_start = before.trim_end_matches(is_word_char).len();
    let own_prefix = &before[word_start..];
    let earlier = before[..word_start].trim_end_matches(|c: char| !is_word_char(c));
    let previous = &earlier[earlier.trim_end_matches(is_word_char).len()..];
    NEGATING_PREFIXES.iter().any(|prefix| own_prefix.ends_with(prefix)) || NEGATIONS.contains(&previous)
}

#[cfg(test)]
mod tests {
    use super::negated;

    #[test]
    fn a_negation_word_before_negates() {
        for before in ["recipient not ", "never ", "isn't ", "(no) ", "not-", "cannot "] {
            assert!(negated(before), "{before:?}");
        }
        assert!(!negated("couldn't be "), "only the word just before counts");
        assert!(!negated("recipient "));
        assert!(!negated(""));
        assert!(!negated("knot "), "a word ending in a negation is not one");
    }

    #[test]
    fn a_negating_prefix_of_the_same_word_negates() {
        assert!(negated("un"));
        assert!(negated("status non"));
        assert!(negated("message non-"));
        assert!(!negated("re"), "resent was sent");
        assert!(!negated("message "));
    }

    #[test]
    fn without_does_not_negate() {
        assert!(!negated("sent without "));
    }
}
