//! What custom rules may cost on one message, counted before each match is
//! run, so that no rule set can hold a report up (the contract: a report in
//! 10 s for any input within the documented limits).
//!
//! The engine's `regex` build runs only the PikeVM (no `perf-*` features): for
//! each byte of text it steps every thread alive, and a thread lives at each
//! place of the pattern the text read so far can have reached. `(?s).{900}I`
//! keeps 900 threads alive on any text: 1 MB of it took 19.8 s in Node (the
//! hostile-input report, s35 item 1), `.{315}` 17.4 s. So the cost of one run is counted as the
//! bytes read times `threads`, the most threads the pattern can keep alive at
//! once (an upper bound found from the parsed pattern), and the runs of one
//! message share `MAX_CUSTOM_RULE_WORK`. A run that would pass it is not done:
//! its rules do not run on this message, and a finding says which.
//!
//! Wasm has no clock in plain Rust, and a clock would make a report depend on
//! the machine: the count is deterministic, the same on every run.

use super::prefilter::one_letter;
use regex_syntax::hir::{Hir, HirKind};

/// The PikeVM threads `hir` keeps alive at one byte, at most, plus one for the
/// thread that starts a match at each byte. An estimate from the parsed
/// pattern: every copy of a repetition (`.{900}` is 900 places, all alive on
/// any text), a literal's borders (`literal_threads`); of an alternation, the
/// branch that keeps most alive, the repeated copies of the others (they too
/// can be alive at once) and one starting thread for each other branch (the
/// words of an alternation of phrases are alive only where the text spells them).
pub fn threads(hir: &Hir) -> u64 {
    threads_in(hir).all.saturating_add(1)
}

/// Threads of a piece of a pattern: all of them, and those in repeated copies.
#[derive(Clone, Copy, Default)]
struct Threads {
    all: u64,
    repeated: u64,
}

impl Threads {
    fn plus(self, other: Threads) -> Threads {
        Threads { all: self.all.saturating_add(other.all), repeated: self.repeated.saturating_add(other.repeated) }
    }
    fn single(all: u64) -> Threads {
        Threads { all, repeated: 0 }
    }
}

fn threads_in(hir: &Hir) -> Threads {
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => Threads::default(),
        HirKind::Literal(literal) => Threads::single(literal_threads(&literal.0.to_ascii_lowercase())),
        HirKind::Class(_) => Threads::single(1),
        HirKind::Capture(capture) => threads_in(&capture.sub),
        HirKind::Repetition(repetition) => {
            // `x{n,m}` is compiled as m copies of x; `x{n,}` as n copies and a loop.
            let copies = u64::from(repetition.max.unwrap_or(repetition.min).max(1));
            let sub = threads_in(&repetition.sub);
            let all = copies.saturating_mul(sub.all);
            Threads { all, repeated: if copies > 1 { all } else { sub.repeated } }
        }
        HirKind::Alternation(branches) => {
            let each: Vec<Threads> = branches.iter().map(threads_in).collect();
            let widest = (0..each.len()).max_by_key(|&i| each[i].all).unwrap_or(0);
            let mut total = each.get(widest).copied().unwrap_or_default();
            for (_, branch) in each.iter().enumerate().filter(|&(i, _)| i != widest) {
                total = total.plus(Threads { all: branch.repeated.saturating_add(1), repeated: branch.repeated });
            }
            total
        }
        HirKind::Concat(parts) => {
            // Letters in a row (`(?i)viagra` is six classes of two) are read as one literal.
            let mut total = Threads::default();
            let mut run: Vec<u8> = Vec::new();
            for part in parts {
                let letters = match part.kind() {
                    HirKind::Literal(literal) => Some(literal.0.to_ascii_lowercase()),
                    HirKind::Class(class) => one_letter(class),
                    _ => None,
                };
                match letters {
                    Some(letters) => run.extend_from_slice(&letters),
                    None => {
                        total = total.plus(Threads::single(literal_threads(&std::mem::take(&mut run))));
                        total = total.plus(threads_in(part));
                    }
                }
            }
            total.plus(Threads::single(literal_threads(&run)))
        }
    }
}

/// Threads alive at once inside a literal: after the text read so far, the
/// places alive are the prefixes of the literal that end the text, which are
/// the longest one and its borders (prefixes that are also suffixes). `viagra`
/// keeps 1 alive, `aaaa` 4 (on "aaaa"). Knuth–Morris–Pratt's failure function.
fn literal_threads(literal: &[u8]) -> u64 {
    let mut failure = vec![0usize; literal.len() + 1];
    let mut chain = vec![0u64; literal.len() + 1];
    let mut most = 0;
    let mut border = 0usize;
    for end in 1..=literal.len() {
        if end > 1 {
            while border > 0 && literal[border] != literal[end - 1] {
                border = failure[border];
            }
            if literal[border] == literal[end - 1] {
                border += 1;
            }
        }
        failure[end] = border;
        chain[end] = chain[border] + 1;
        most = most.max(chain[end]);
    }
    most
}

/// The work left for the custom rules of one message, and the rules it did not cover.
#[derive(Debug, Clone)]
pub struct Budget {
    left: u64,
    spent: u64,
    /// Rules (indices in `CustomRules::rules`) that did not run on every value, in order.
    pub skipped: Vec<usize>,
}

impl Budget {
    pub fn new(work: u64) -> Budget {
        Budget { left: work, spent: 0, skipped: Vec::new() }
    }

    /// Takes the work of running a pattern of `threads` over `bytes`, if it is
    /// left; else spends nothing and says no.
    pub fn take(&mut self, bytes: usize, threads: u64) -> bool {
        let cost = (bytes as u64).max(1).saturating_mul(threads);
        if cost > self.left {
            return false;
        }
        self.left -= cost;
        self.spent += cost;
        true
    }

    /// The work taken so far.
    pub fn spent(&self) -> u64 {
        self.spent
    }

    /// Notes that `rule` did not run on a value.
    pub fn skip(&mut self, rule: usize) {
        if !self.skipped.contains(&rule) {
            self.skipped.push(rule);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn threads_of(pattern: &str) -> u64 {
        let hir = regex_syntax::ParserBuilder::new().utf8(false).build().parse(pattern).unwrap();
        threads(&hir)
    }

    #[test]
    fn a_wide_repetition_keeps_a_thread_per_copy() {
        assert_eq!(threads_of("(?s).{900}I"), 902);
        assert_eq!(threads_of(r"\w{20}N\w{20}"), 42);
        assert_eq!(threads_of("a{900}"), 901);
    }

    #[test]
    fn a_word_keeps_one_thread_and_a_periodic_literal_one_per_period() {
        assert_eq!(threads_of("viagra"), 2);
        assert_eq!(threads_of(r"(?i)\bviagra\b"), 2);
        assert_eq!(threads_of("aaaa"), 5);
        assert_eq!(threads_of("abcabc"), 3);
        assert_eq!(threads_of("free|money"), 3);
        assert_eq!(threads_of("(?:.{900}a|.{900}b)"), 1803, "repeated copies of every branch count");
    }

    #[test]
    fn the_budget_refuses_a_run_it_cannot_pay_and_keeps_the_rest() {
        let mut budget = Budget::new(1_000);
        assert!(budget.take(100, 5));
        assert!(!budget.take(100, 6), "600 > 500 left");
        assert!(budget.take(50, 10));
        assert!(!budget.take(0, 1), "even an empty text costs one step");
    }
}
