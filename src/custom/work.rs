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
//! once (an upper bound found from the parsed pattern), and `BYTE_WORK` more
//! a byte for the PikeVM's own step of it; the runs of one message share
//! `MAX_CUSTOM_RULE_WORK`. A run that would pass it is not done:
//! its rules do not run on this message, and a finding says which.
//!
//! Wasm has no clock in plain Rust, and a clock would make a report depend on
//! the machine: the count is deterministic, the same on every run.

use super::limits::{BYTE_WORK, MAX_COMPILED_PATTERN_BYTES, MAX_REFUSED_RUNS, MAX_THREAD_BOUND_STEPS, RUN_CALL_WORK};
use super::prefilter::one_letter;
use regex_automata::nfa::thompson::{Compiler, State, NFA};
use regex_automata::util::look::Look;
use regex_automata::util::primitives::StateID;
use regex_syntax::hir::{Hir, HirKind};
use crate::hash::FastSet;
use std::collections::VecDeque;

/// The PikeVM threads `hir` keeps alive at one byte, at most: the exact most
/// (`nfa_threads`) when it is found within `MAX_THREAD_BOUND_STEPS`, else the
/// estimate from the parsed pattern (`pattern_threads`). Not the smaller of
/// the two: on SpamAssassin's rules the estimate is below the exact count for
/// 2 patterns of 1,192 (`__SUBJ_ADMIN` 8 for 9, `__BARRISTER` 4 for 5,
/// measured here), so only the exact count replaces it.
pub fn threads(hir: &Hir) -> u64 {
    cost(&compiler(), hir, MAX_THREAD_BOUND_STEPS).0
}

/// A pattern's `threads`, the bytes of its Thompson NFA (what
/// `MAX_COMPILED_RULES_BYTES` counts; `MAX_COMPILED_PATTERN_BYTES` when it does
/// not build within it) and the steps its search spent, from one NFA. The
/// exact threads are searched for within `steps` (at most
/// `MAX_THREAD_BOUND_STEPS`). `compiler` (made by `compiler`) is kept for many
/// patterns: a new one allocates and zeroes its UTF-8 cache (10,000 entries)
/// for the first Unicode class of each pattern, a quarter of the load of 2,000
/// rules of `\s` and `\b` (measured here).
pub fn cost(compiler: &Compiler, hir: &Hir, steps: u64) -> (u64, usize, u64) {
    match compiler.build_from_hir(hir).ok() {
        Some(nfa) => {
            let (most, spent) = most_threads(&nfa, steps.min(MAX_THREAD_BOUND_STEPS));
            (most.unwrap_or_else(|| pattern_threads(hir)), nfa.memory_usage(), spent)
        }
        None => (pattern_threads(hir), MAX_COMPILED_PATTERN_BYTES, 0),
    }
}

/// The compiler of the NFA `regex` builds a pattern into, read byte by byte.
pub fn compiler() -> Compiler {
    let mut compiler = Compiler::new();
    compiler.configure(NFA::config().utf8(false).nfa_size_limit(Some(MAX_COMPILED_PATTERN_BYTES)));
    compiler
}

/// The most threads the PikeVM can hold at one byte for `hir`, over every
/// text: the largest set of its Thompson NFA (the one `regex` builds) that
/// some text reaches, a new thread started at each byte as the PikeVM does.
/// Threads are the states that read a byte (and the match state): the PikeVM
/// steps each at each byte. `\w{1,40}` after a space keeps one alive, not 40,
/// because a text cannot be both; `(?m)^` starts only after a line break.
/// Look-arounds are decided by the byte before (after the byte to come: taken
/// as true), so the count is never below the PikeVM's. Found by visiting the
/// sets breadth first, one byte of each of the NFA's byte classes at a time;
/// `None` when that takes more than `steps` state steps (the sets of
/// `[ab]*a[ab]{20}` are 2²⁰) or the NFA does not build.
pub fn nfa_threads(hir: &Hir, steps: u64) -> Option<u64> {
    most_threads(&compiler().build_from_hir(hir).ok()?, steps).0
}

/// `nfa_threads` of a built NFA, and the steps spent (at most one step a set past `steps`).
fn most_threads(nfa: &NFA, steps: u64) -> (Option<u64>, u64) {
    let bytes = representatives(nfa);
    let mut closure = Closure::new(nfa);
    let first = closure.of(&[], None);
    let mut most = counted(nfa, &first);
    let mut spent: u64 = 0;
    // Keyed by sets of the rules' own patterns, not by a message: a fast hash
    // (SipHash and the sets' growth were half of the load of 5,000 rules of `\s\w+\b`).
    let mut seen: FastSet<Vec<StateID>> = FastSet::default();
    let mut queue: VecDeque<Vec<StateID>> = VecDeque::new();
    let mut stepped: Vec<StateID> = Vec::new();
    seen.insert(first.clone());
    queue.push_back(first);
    while let Some(set) = queue.pop_front() {
        spent = spent.saturating_add((set.len() as u64 + 1).saturating_mul(bytes.len() as u64));
        if spent > steps {
            return (None, spent);
        }
        for &byte in &bytes {
            stepped.clear();
            stepped.extend(set.iter().filter_map(|&id| step(nfa, id, byte)));
            let next = closure.of(&stepped, Some(byte));
            if !seen.contains(&next) {
                most = most.max(counted(nfa, &next));
                spent = spent.saturating_add(next.len() as u64);
                seen.insert(next.clone());
                queue.push_back(next);
            }
        }
    }
    (Some(most), spent)
}

/// One byte of each class that the NFA's transitions and the look-behinds
/// (`look_possible`) cannot tell apart.
fn representatives(nfa: &NFA) -> Vec<u8> {
    let classes = nfa.byte_classes();
    let kind = |b: u8| (classes.get(b), b == b'\n', b == b'\r', b.is_ascii() && is_word(b), b.is_ascii());
    let mut keys = Vec::new();
    let mut bytes = Vec::new();
    for byte in 0..=255u8 {
        let key = kind(byte);
        if !keys.contains(&key) {
            keys.push(key);
            bytes.push(byte);
        }
    }
    bytes
}

fn is_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// Whether `look` can hold after `before` (`None`: at the start of the text),
/// whatever byte comes next.
fn look_possible(look: Look, before: Option<u8>) -> bool {
    let word_before = before.is_some_and(is_word);
    // A byte outside ASCII may end a Unicode word or not.
    let other_before = before.is_some_and(|b| !b.is_ascii());
    match look {
        Look::Start => before.is_none(),
        Look::StartLF => matches!(before, None | Some(b'\n')),
        Look::StartCRLF => matches!(before, None | Some(b'\n' | b'\r')),
        Look::WordStartAscii | Look::WordStartHalfAscii => !word_before,
        Look::WordEndAscii => word_before,
        Look::WordStartUnicode | Look::WordStartHalfUnicode => !word_before || other_before,
        Look::WordEndUnicode => word_before || other_before,
        _ => true,
    }
}

/// The states a byte read from `id` leads to.
fn step(nfa: &NFA, id: StateID, byte: u8) -> Option<StateID> {
    match nfa.state(id) {
        State::ByteRange { trans } => trans.matches_byte(byte).then_some(trans.next),
        State::Sparse(sparse) => sparse.matches_byte(byte),
        State::Dense(dense) => dense.matches_byte(byte),
        _ => None,
    }
}

/// The states of a set that the PikeVM steps at each byte.
fn counted(nfa: &NFA, set: &[StateID]) -> u64 {
    let reads = |id: &&StateID| {
        matches!(nfa.state(**id), State::ByteRange { .. } | State::Sparse(_) | State::Dense(_) | State::Match { .. })
    };
    set.iter().filter(reads).count() as u64
}

/// Epsilon closures, with a new thread at the start state, as the PikeVM adds one at each byte.
struct Closure<'n> {
    nfa: &'n NFA,
    marked: Vec<bool>,
    stack: Vec<StateID>,
    /// The set being built, kept from call to call (it grew anew for each set).
    set: Vec<StateID>,
}

impl<'n> Closure<'n> {
    fn new(nfa: &'n NFA) -> Closure<'n> {
        Closure { nfa, marked: vec![false; nfa.states().len()], stack: Vec::new(), set: Vec::new() }
    }

    /// The closure of `from` and the start state after `before`, sorted.
    fn of(&mut self, from: &[StateID], before: Option<u8>) -> Vec<StateID> {
        let mut set = std::mem::take(&mut self.set);
        set.clear();
        self.stack.extend(from.iter().rev());
        self.stack.push(self.nfa.start_anchored());
        while let Some(id) = self.stack.pop() {
            if std::mem::replace(&mut self.marked[id.as_usize()], true) {
                continue;
            }
            set.push(id);
            match self.nfa.state(id) {
                State::Union { alternates } => self.stack.extend(alternates.iter()),
                State::BinaryUnion { alt1, alt2 } => self.stack.extend([*alt1, *alt2]),
                State::Capture { next, .. } => self.stack.push(*next),
                State::Look { look, next } if look_possible(*look, before) => self.stack.push(*next),
                _ => {}
            }
        }
        for id in &set {
            self.marked[id.as_usize()] = false;
        }
        set.sort_unstable();
        let out = set.to_vec();
        self.set = set;
        out
    }
}

/// The PikeVM threads `hir` keeps alive at one byte, at most, plus one for the
/// thread that starts a match at each byte. An estimate from the parsed
/// pattern: every copy of a repetition (`.{900}` is 900 places, all alive on
/// any text), a literal's borders (`literal_threads`); of an alternation, the
/// branch that keeps most alive, the repeated copies of the others (they too
/// can be alive at once) and one starting thread for each other branch (the
/// words of an alternation of phrases are alive only where the text spells them).
pub fn pattern_threads(hir: &Hir) -> u64 {
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
    /// Runs and searches not paid for (`MAX_REFUSED_RUNS`).
    refused: u64,
    /// Rules (indices in `CustomRules::rules`) that did not run on every value, in order.
    pub skipped: Vec<usize>,
    /// The same rules, by index, to ask in constant time: once the work is
    /// spent, every rule left is skipped on every value (10,000 links by 5,000
    /// rules), and a search of the list each time had made that quadratic.
    marked: Vec<bool>,
}

impl Budget {
    pub fn new(work: u64) -> Budget {
        Budget { left: work, spent: 0, refused: 0, skipped: Vec::new(), marked: Vec::new() }
    }

    /// Takes the work of running a pattern of `threads` over `bytes`, each byte
    /// `threads` and `BYTE_WORK` more (and `RUN_CALL_WORK` for the run), if it
    /// is left; else spends nothing and says no.
    pub fn take(&mut self, bytes: usize, threads: u64) -> bool {
        let per_byte = threads.saturating_add(BYTE_WORK);
        self.take_work((bytes as u64).max(1).saturating_mul(per_byte).saturating_add(RUN_CALL_WORK))
    }

    /// Takes `cost` units of work, if they are left; else spends nothing and says no.
    pub fn take_work(&mut self, cost: u64) -> bool {
        if cost > self.left || self.exhausted() {
            self.refused = self.refused.saturating_add(1);
            return false;
        }
        self.left -= cost;
        self.spent += cost;
        true
    }

    /// Whether nothing more is run: no work left, or `MAX_REFUSED_RUNS` refused.
    pub fn exhausted(&self) -> bool {
        self.left == 0 || self.refused >= MAX_REFUSED_RUNS
    }

    /// The work taken so far.
    pub fn spent(&self) -> u64 {
        self.spent
    }

    /// The runs and searches refused so far.
    pub fn refused(&self) -> u64 {
        self.refused
    }

    /// Notes that `rule` did not run on a value.
    pub fn skip(&mut self, rule: usize) {
        if self.was_skipped(rule) {
            return;
        }
        if rule >= self.marked.len() {
            self.marked.resize(rule + 1, false);
        }
        self.marked[rule] = true;
        self.skipped.push(rule);
    }

    /// Whether `rule` did not run on some value.
    pub fn was_skipped(&self, rule: usize) -> bool {
        self.marked.get(rule).copied().unwrap_or(false)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(pattern: &str) -> Hir {
        regex_syntax::ParserBuilder::new().utf8(false).build().parse(pattern).unwrap()
    }

    fn threads_of(pattern: &str) -> u64 {
        pattern_threads(&parsed(pattern))
    }

    /// The exact count with room to finish: these tests hold the search's
    /// answers, not the steps the engine gives it.
    fn exact(pattern: &str) -> u64 {
        nfa_threads(&parsed(pattern), 10 * MAX_THREAD_BOUND_STEPS).expect("found within the steps")
    }

    #[test]
    fn the_exact_count_keeps_every_copy_a_text_can_fill() {
        // `.` reads any byte: all 90 copies are alive on any text, and `I`.
        assert!((90..=92).contains(&exact("(?s-u).{90}I")), "{}", exact("(?s-u).{90}I"));
        assert_eq!(threads(&parsed("(?s).{900}I")), 902, "past the steps: the estimate");
        // `a{1,20}` after `b`: a run of a's has one `b` before it, so one copy is alive, not 20.
        assert!(exact("ba{1,20}c") <= 4, "{}", exact("ba{1,20}c"));
        // Without the `b`, a run of 20 a's fills every copy.
        assert!(exact("a{20}c") >= 20);
    }

    #[test]
    fn the_exact_count_reads_look_behinds_and_classes_that_exclude_each_other() {
        assert!(exact(r"(?m)^[^\r\n]{998}") <= 3, "one line start is alive at a time: {}", exact(r"(?m)^[^\r\n]{998}"));
        let comment = r#"(?i-u)<!--(?:\s{1,10}[-\w'"]{1,40}){100}"#;
        assert!(exact(comment) <= 8, "{}", exact(comment));
        assert!(exact(comment) < threads_of(comment) / 100);
        // Within the engine's own steps a short pattern is counted exactly; the
        // line of 998 octets and the comment's 100 groups are past them and keep
        // the estimate (`MAX_THREAD_BOUND_STEPS`: the load time it costs).
        assert!(threads(&parsed("ba{1,20}c")) <= 4);
        for pattern in [r"(?m)^[^\r\n]{998}", comment] {
            assert_eq!(threads(&parsed(pattern)), threads_of(pattern), "{pattern}");
        }
    }

    #[test]
    fn the_exact_count_gives_up_past_its_steps_and_the_estimate_stands() {
        let exploding = parsed("(?-u)[ab]*a[ab]{20}");
        assert_eq!(nfa_threads(&exploding, MAX_THREAD_BOUND_STEPS), None, "2^20 sets");
        assert_eq!(threads(&exploding), pattern_threads(&exploding));
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
        let (call, byte) = (RUN_CALL_WORK, BYTE_WORK);
        let mut budget = Budget::new(1_000 + 150 * byte + 2 * call);
        assert!(budget.take(100, 5));
        assert!(!budget.take(100, 6), "600 > 500 left");
        assert!(budget.take(50, 10));
        assert_eq!(budget.spent(), 1_000 + 150 * byte + 2 * call, "each byte costs its step, each run its call");
        assert!(!budget.take(0, 1), "an empty text costs one step and the call");
        assert_eq!(budget.refused(), 2);
    }

    #[test]
    fn past_max_refused_runs_nothing_more_runs() {
        let mut budget = Budget::new(MAX_REFUSED_RUNS * 10);
        for _ in 0..MAX_REFUSED_RUNS {
            assert!(!budget.take_work(u64::MAX));
        }
        assert!(budget.exhausted());
        assert!(!budget.take(1, 1), "work is left, but the refusals are spent");
        assert_eq!(budget.spent(), 0);
    }
}
