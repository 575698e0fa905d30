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

pub mod distance;
pub mod fold;
pub mod links;
pub mod lexicon;
pub mod negation;
pub mod skeleton;
mod tables;
pub mod unicode;

pub use tables::UNICODE_VERSION;
