//! Hostile inputs of the text layer, shared by `tests/text_hostile.rs` (which
//! checks the results) and `tests/bench/text.rs` (which prints the times).
#![allow(dead_code)]

use mail_preflight::rules::spam::{adult_terms, sales_language};

/// One word of about a megabyte.
pub fn one_megabyte_token() -> String {
    "a".repeat(1_000_000)
}

/// One word of a megabyte mixing letters and leet digits (`p0p0p0…`).
pub fn one_megabyte_leet_token() -> String {
    "p0".repeat(500_000)
}

/// 100,000 look-alike characters (Cyrillic, Greek, full-width, mathematical)
/// as four-letter words that read as Latin ones.
pub fn confusable_words() -> String {
    let words = ["ｐｏｒｎ", "𝐧𝐮𝐝𝐞𝐬", "ѕех", "ΧΧΧ", "𝐟𝐫𝐞𝐞", "gіft", "ΡΟΡΝ"];
    let mut out = String::new();
    let mut count = 0;
    while count < 100_000 {
        for word in words {
            out.push_str(word);
            out.push(' ');
            count += word.chars().count();
        }
    }
    out
}

/// 100,000 look-alike characters in one run (one overlong word).
pub fn confusable_run() -> String {
    "раура".repeat(20_000)
}

/// Every word of the two built-in lexicons, in lexicon order, repeated up to
/// about a megabyte: each word starts or continues partial matches.
pub fn lexicon_word_soup() -> String {
    let mut words: Vec<String> = Vec::new();
    for entry in adult_terms::lexicon().entries() {
        words.extend(entry.read.split(' ').map(str::to_string));
    }
    for entry in sales_language::lexicon().entries() {
        words.extend(entry.read.split(' ').map(str::to_string));
    }
    let once = words.join(" ");
    let mut out = String::with_capacity(1_100_000);
    while out.len() < 1_000_000 {
        out.push_str(&once);
        out.push(' ');
    }
    out
}

/// A megabyte of single letters spaced out (`a b c d …`).
pub fn spaced_letters() -> String {
    "p o r n f r e e ".repeat(62_500)
}

/// A plain-text message around `body`.
pub fn message(body: &str) -> Vec<u8> {
    let mut raw = b"From: a@example.com\r\nTo: b@example.com\r\nSubject: Test\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n".to_vec();
    raw.extend_from_slice(body.as_bytes());
    raw
}
