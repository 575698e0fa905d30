//! Hostile text the folding and the lexicons must survive: no panic, memory
//! bounded by the named limits (`fold::MAX_WORD_CHARS`,
//! `lexicon::MAX_ACTIVE_MATCHES`, `rules::MAX_FINDINGS_PER_RULE`) and results
//! that stay meaningful. Times are printed by `make bench` (tests/bench/text.rs),
//! never asserted here.

#[path = "text_inputs/mod.rs"]
mod text_inputs;

use mail_preflight::rules::spam::{adult_terms, sales_language};
use mail_preflight::text::fold::{fold_words, WordKind, MAX_WORD_CHARS};
use mail_preflight::{lint, Options};
use text_inputs::*;

fn kinds(text: &str) -> Vec<(WordKind, usize)> {
    let mut out = Vec::new();
    fold_words(text, |w| out.push((w.kind, w.read.chars().count())));
    out
}

#[test]
fn a_one_megabyte_word_is_one_overlong_word_without_text() {
    for token in [one_megabyte_token(), one_megabyte_leet_token()] {
        assert_eq!(kinds(&token), vec![(WordKind::TooLong, 0)]);
        assert!(adult_terms::lexicon().scan(&token).is_empty());
        assert!(sales_language::lexicon().scan(&token).is_empty());
    }
}

#[test]
fn a_hundred_thousand_look_alikes_are_read_as_latin_words() {
    let text = confusable_words();
    let hits = adult_terms::lexicon().scan(&text);
    let read: Vec<&str> =
        hits.iter().filter_map(|h| adult_terms::lexicon().entry(h.entry)).map(|e| &*e.read).collect();
    assert!(read.contains(&"porn") && read.contains(&"nudes"), "{read:?}");
    let sales = sales_language::lexicon().scan(&text);
    assert!(sales.iter().filter_map(|h| sales_language::lexicon().entry(h.entry)).any(|e| e.read == "free gift"));
    // One hit per entry, however many occurrences.
    assert!(hits.len() <= adult_terms::lexicon().len());
    assert!(hits.iter().any(|h| h.count >= 1_000));
}

#[test]
fn a_run_of_a_hundred_thousand_look_alikes_is_one_overlong_word() {
    let kinds = kinds(&confusable_run());
    assert_eq!(kinds.len(), 1);
    assert_eq!(kinds[0].0, WordKind::TooLong);
}

#[test]
fn a_lexicon_sized_word_soup_finds_each_entry_at_most_once() {
    let soup = lexicon_word_soup();
    let adult = adult_terms::lexicon().scan(&soup);
    let sales = sales_language::lexicon().scan(&soup);
    assert!(!adult.is_empty() && adult.len() <= adult_terms::lexicon().len());
    assert!(!sales.is_empty() && sales.len() <= sales_language::lexicon().len());
}

#[test]
fn spaced_letters_are_joined_in_words_of_bounded_length() {
    let text = spaced_letters();
    let mut longest = 0;
    fold_words(&text, |w| {
        if w.kind == WordKind::Spaced {
            longest = longest.max(w.read.chars().count());
        }
    });
    assert!(longest > 0 && longest <= MAX_WORD_CHARS, "{longest}");
}

#[test]
fn hostile_bodies_lint_with_bounded_findings() {
    for (name, body) in [
        ("1 MB token", one_megabyte_token()),
        ("10^5 look-alikes", confusable_words()),
        ("word soup", lexicon_word_soup()),
        ("spaced letters", spaced_letters()),
    ] {
        let report = lint(&message(&body), &Options::default()).expect("a report");
        for rule in [
            "spam/adult-terms",
            "spam/sales-language",
            "spam/body-caps",
            "spam/money-amounts",
            "spam/exclamation-marks",
        ] {
            let count = report.findings.iter().filter(|f| f.rule_id == rule).count();
            assert!(count <= mail_preflight::rules::MAX_FINDINGS_PER_RULE, "{name}: {rule} {count}");
        }
        if matches!(name, "10^5 look-alikes" | "word soup") {
            assert!(
                report.findings.iter().any(|f| f.rule_id == "spam/adult-terms" || f.rule_id == "spam/sales-language"),
                "{name}"
            );
        }
    }
}

/// The caller's extra terms (up to 10,000, `spam.adultTermsExtra`) may all end at
/// one node of the trie (one reading written many ways) or share one leet key:
/// the lexicon still builds in linear time and finds them (a chain appended at
/// its kept end; no timing is asserted, `make bench` prints times).
#[test]
fn ten_thousand_caller_terms_with_one_reading_or_one_leet_key_build_and_match() {
    use mail_preflight::text::lexicon::Lexicon;
    // The same reading: case, spacing and punctuation vary, the folded words do not.
    let same: Vec<(String, usize)> = (0..10_000)
        .map(|i| {
            let word = if i % 2 == 0 { "forbidden" } else { "FORBIDDEN" };
            (format!("{word}{} thing", ",".repeat(i % 7)), i)
        })
        .collect();
    let lexicon = Lexicon::new(same);
    let hits = lexicon.scan("a forbidden thing here");
    // One occurrence is one term, whose spellings are every entry of that reading.
    assert_eq!(hits.len(), 1);
    assert_eq!(lexicon.spellings(hits[0].term).count(), 10_000, "every entry of that reading is the term's");
    // Distinct words with one leet key: every 0/o and 1/i choice over 14 letters.
    let leet: Vec<(String, usize)> = (0..10_000u32)
        .map(|n| {
            let word: String =
                (0..14).map(|b| if n >> b & 1 == 1 { if b % 2 == 0 { '0' } else { '1' } } else if b % 2 == 0 { 'o' } else { 'i' }).collect();
            (word, n as usize)
        })
        .collect();
    let lexicon = Lexicon::new(leet);
    assert!(!lexicon.is_empty());
    assert!(!lexicon.scan("o1o1o1o1o1o1o1").is_empty());
}

/// 10,000 caller terms of one reading (`spam.adultTermsExtra`) are one term:
/// one mention of it is one term found, and comparing the terms that contain
/// others reads each term once, not each spelling against every other.
#[test]
fn ten_thousand_caller_spellings_of_one_term_are_one_term() {
    let terms: Vec<String> = (0..10_000).map(|i| format!("\"{}forbidden{} thing\"", if i % 2 == 0 { "" } else { "~" }, ",".repeat(i % 7))).collect();
    let options = Options::from_json(&format!(r#"{{"thresholds": {{"spam": {{"adultTermsExtra": [{}]}}}}}}"#, terms.join(","))).expect("options");
    let report = lint(&message("We saw a forbidden thing here."), &options).expect("a report");
    let found: Vec<_> = report.findings.iter().filter(|f| f.rule_id == "spam/adult-terms").collect();
    assert_eq!(found.len(), 1);
    assert!(found[0].message.starts_with("1 adult term found"), "{}", found[0].message);
}
