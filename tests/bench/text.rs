//! Text benchmark (issue 15): the cost of folding and of the lexicon scans on
//! hostile inputs (a one-megabyte word, 10^5 look-alike characters, a
//! lexicon-sized word soup, spaced letters) and of a whole lint of each, and
//! the cost of the two lexicon rules over the corpus. Prints numbers only.

#[path = "../text_inputs/mod.rs"]
mod text_inputs;

use mail_preflight::rules::spam::{adult_terms, sales_language};
use mail_preflight::text::fold::fold_words;
use mail_preflight::{lint, Options};
use std::time::{Duration, Instant};
use text_inputs::*;

/// The mean time of `work`, run for at least `budget` (`time_for` of the bench).
fn mean_time(budget: Duration, work: impl FnMut()) -> Duration {
    let (runs, elapsed) = super::time_for(budget, work);
    elapsed / runs.max(1)
}

pub fn run(corpus: &[(String, Vec<u8>)]) {
    println!("== text: folding and lexicons ==");
    // Build the lexicons once, outside the timings.
    let build = Instant::now();
    let (adult, sales) = (adult_terms::lexicon(), sales_language::lexicon());
    println!("lexicons built in {:?} ({} adult terms, {} sales phrases)", build.elapsed(), adult.len(), sales.len());
    let inputs = [
        ("1 MB single word", one_megabyte_token()),
        ("1 MB single leet word", one_megabyte_leet_token()),
        ("10^5 look-alikes as words", confusable_words()),
        ("10^5 look-alikes in one run", confusable_run()),
        ("1 MB lexicon word soup", lexicon_word_soup()),
        ("1 MB spaced letters", spaced_letters()),
    ];
    println!("{:<30} {:>10} {:>12} {:>12} {:>12} {:>12}", "input", "bytes", "fold", "adult scan", "sales scan", "whole lint");
    for (name, text) in &inputs {
        let fold = mean_time(Duration::from_millis(300), || {
            let mut words = 0usize;
            fold_words(text, |_| words += 1);
            std::hint::black_box(words);
        });
        let adult_scan = mean_time(Duration::from_millis(300), || {
            std::hint::black_box(adult.scan(text));
        });
        let sales_scan = mean_time(Duration::from_millis(300), || {
            std::hint::black_box(sales.scan(text));
        });
        let raw = message(text);
        let whole = mean_time(Duration::from_millis(300), || {
            std::hint::black_box(lint(&raw, &Options::default()).ok());
        });
        println!("{name:<30} {:>10} {:>12.2?} {:>12.2?} {:>12.2?} {:>12.2?}", text.len(), fold, adult_scan, sales_scan, whole);
    }
    if corpus.is_empty() {
        return;
    }
    let only = |rule: &str| {
        let mut rules = serde_json::Map::new();
        for r in mail_preflight::rules::REGISTRY {
            if r.id != rule {
                rules.insert(r.id.to_string(), serde_json::json!("off"));
            }
        }
        Options::from_json(&serde_json::json!({ "rules": rules }).to_string()).expect("options")
    };
    let none = only("none");
    let base = mean_time(Duration::from_secs(1), || {
        for (_, raw) in corpus {
            std::hint::black_box(lint(raw, &none).ok());
        }
    });
    for rule in ["spam/adult-terms", "spam/sales-language"] {
        let options = only(rule);
        let with = mean_time(Duration::from_secs(1), || {
            for (_, raw) in corpus {
                std::hint::black_box(lint(raw, &options).ok());
            }
        });
        let per_message = with.saturating_sub(base) / corpus.len().max(1) as u32;
        println!("{rule} over the corpus: {per_message:.2?} per message above the analysis alone");
    }
}
