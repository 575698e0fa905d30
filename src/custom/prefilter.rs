//! Literals a pattern cannot match without: for `\bviagra\b`, "viagra". A
//! value that contains none of a pattern's literals (compared in ASCII
//! lowercase) cannot match it, so the pattern is not run on it.
//!
//! Why: the engine's `regex` build has no lazy DFA and no literal prefilters
//! (no `perf-*` features, for the size of the wasm), so a `RegexSet` runs the
//! PikeVM, whose time per byte grows with the number of patterns it holds.
//! SpamAssassin's 500 body patterns in one set took about 200 ms a message
//! on the corpus (measured here, `tests/custom_sa_agreement.rs`); most of them
//! need a literal, which a substring search (memchr's `memmem`) rules out in
//! microseconds. The patterns that need none stay in their target's `RegexSet`.

use super::limits::SEARCH_CALL_WORK;
use super::pattern::Pattern;
use memchr::memmem::Finder;
use regex_syntax::hir::{Class, Hir, HirKind};

/// Shortest literal worth searching for: shorter ones are in most texts.
const MIN_LITERAL_BYTES: usize = 3;
/// Most literals one pattern may need (one of them must be there).
const MAX_LITERALS: usize = 32;
/// Largest class read as one letter in either case (`[vV]`).
const MAX_CASE_CLASS: u32 = 4;

/// The literals a pattern needs (one of them), lowercased.
#[derive(Debug, Clone)]
pub struct Prefilter {
    finders: Vec<Finder<'static>>,
}

impl Prefilter {
    /// The prefilter of `pattern`, when it needs a literal of `MIN_LITERAL_BYTES` or more.
    pub fn of(pattern: &Pattern) -> Option<Prefilter> {
        Prefilter::of_parsed(&super::pattern::parse(pattern).ok()?)
    }

    /// `of`, from the pattern parsed.
    pub fn of_parsed(hir: &Hir) -> Option<Prefilter> {
        let literals = needs(hir).required?;
        if literals.is_empty() || literals.iter().any(|l| l.len() < MIN_LITERAL_BYTES) {
            return None;
        }
        Some(Prefilter { finders: literals.iter().map(|l| Finder::new(l).into_owned()).collect() })
    }

    /// Whether `lowered` (a text in ASCII lowercase) may match the pattern.
    pub fn may_match(&self, lowered: &[u8]) -> bool {
        self.finders.iter().any(|f| f.find(lowered).is_some())
    }

    /// The work of `may_match` over a text of `bytes`, in the units of
    /// `MAX_CUSTOM_RULE_WORK` (a thread stepped over a byte by the PikeVM): each
    /// literal searched for reads the text once, `SEARCHED_BYTES_PER_STEP` bytes a
    /// unit, and one unit more for its search; the search of the value,
    /// `SEARCH_CALL_WORK` more. Counted since a search costs time
    /// even where the pattern is then not run: 5,000 rules of 32 literals over
    /// a 10 MB `full` text are 1.6 × 10¹² bytes searched.
    pub fn search_work(&self, bytes: usize) -> u64 {
        let per_literal = (bytes / SEARCHED_BYTES_PER_STEP) as u64 + 1;
        (self.finders.len() as u64).saturating_mul(per_literal).saturating_add(SEARCH_CALL_WORK)
    }
}

/// Bytes of a substring search counted as one unit of work (ours): a unit is
/// priced for the PikeVM stepping one thread over one byte (17 million a second
/// in Node, `MAX_CUSTOM_RULE_WORK`), and memchr's search reads far more in that
/// time. Measured natively (`harden_probe`, 2026-12-07): five rules of 32
/// literals over a 10 MB `full` text, 1.6 GB searched, took about 85 ms beside
/// the lint's own 300 ms; in Node (the wasm's search has no SIMD) the same
/// 1.5 GB added 0.7 to 1.7 s on a loaded machine, about 1 GB a second: a unit
/// of 16 bytes is some 16 ns there, under the PikeVM's 59, and the 10⁸ units of
/// a message allow at most 1.6 GB of searching (64 such rules had searched 20 GB).
pub const SEARCHED_BYTES_PER_STEP: usize = 16;

/// What a piece of a pattern matches, as far as literals go.
#[derive(Debug, Clone, Default)]
struct Needs {
    /// It always matches exactly this text (lowercased).
    exact: Option<Vec<u8>>,
    /// Every match contains one of these (lowercased).
    required: Option<Vec<Vec<u8>>>,
}

/// The better of two requirements: the longer shortest literal, then fewer literals.
fn better(a: Option<Vec<Vec<u8>>>, b: Option<Vec<Vec<u8>>>) -> Option<Vec<Vec<u8>>> {
    let score = |s: &Vec<Vec<u8>>| (s.iter().map(Vec::len).min().unwrap_or(0), std::cmp::Reverse(s.len()));
    match (a, b) {
        (Some(a), Some(b)) => Some(if score(&b) > score(&a) { b } else { a }),
        (a, b) => a.or(b),
    }
}

fn exact(text: Vec<u8>) -> Needs {
    let lowered = text.to_ascii_lowercase();
    Needs { required: (!lowered.is_empty()).then(|| vec![lowered.clone()]), exact: Some(lowered) }
}

fn needs(hir: &Hir) -> Needs {
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => Needs { exact: Some(Vec::new()), required: None },
        HirKind::Literal(literal) => exact(literal.0.to_vec()),
        HirKind::Class(class) => one_letter(class).map_or_else(Needs::default, exact),
        HirKind::Capture(capture) => needs(&capture.sub),
        HirKind::Repetition(repetition) => {
            let inner = needs(&repetition.sub);
            match (repetition.min, repetition.max) {
                (1, Some(1)) => inner,
                (0, _) => Needs::default(),
                _ => Needs { exact: None, required: inner.required },
            }
        }
        HirKind::Concat(parts) => {
            let mut run: Vec<u8> = Vec::new();
            let mut all_exact = true;
            let mut best: Option<Vec<Vec<u8>>> = None;
            for part in parts {
                let part = needs(part);
                match part.exact {
                    Some(text) => run.extend_from_slice(&text),
                    None => {
                        all_exact = false;
                        best = better(best, (!run.is_empty()).then(|| vec![std::mem::take(&mut run)]));
                        best = better(best, part.required);
                    }
                }
            }
            if all_exact {
                return exact(run);
            }
            Needs { exact: None, required: better(best, (!run.is_empty()).then(|| vec![run])) }
        }
        HirKind::Alternation(branches) => {
            let mut union: Vec<Vec<u8>> = Vec::new();
            for branch in branches {
                let Some(required) = needs(branch).required else {
                    return Needs::default();
                };
                for literal in required {
                    if !union.contains(&literal) {
                        union.push(literal);
                    }
                }
                if union.len() > MAX_LITERALS {
                    return Needs::default();
                }
            }
            Needs { exact: None, required: Some(union) }
        }
    }
}

/// The text of a class that is one character in either ASCII case (`[vV]`, `[x]`).
pub(super) fn one_letter(class: &Class) -> Option<Vec<u8>> {
    let members: Vec<Vec<u8>> = match class {
        Class::Bytes(bytes) => {
            let count: u32 = bytes.ranges().iter().map(|r| u32::from(r.end() - r.start()) + 1).sum();
            if count > MAX_CASE_CLASS {
                return None;
            }
            bytes.iter().flat_map(|r| r.start()..=r.end()).map(|b| vec![b.to_ascii_lowercase()]).collect()
        }
        Class::Unicode(chars) => {
            let count: u32 = chars.ranges().iter().map(|r| u32::from(r.end()) - u32::from(r.start()) + 1).sum();
            if count > MAX_CASE_CLASS {
                return None;
            }
            chars
                .iter()
                .flat_map(|r| (u32::from(r.start())..=u32::from(r.end())).filter_map(char::from_u32))
                .map(|c| c.to_string().into_bytes().to_ascii_lowercase())
                .collect()
        }
    };
    let first = members.first()?.clone();
    members.iter().all(|m| *m == first).then_some(first)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn literals(text: &str, unicode: bool) -> Option<usize> {
        Prefilter::of(&Pattern { text: text.to_string(), unicode }).map(|p| p.finders.len())
    }

    #[test]
    fn words_of_a_pattern_are_needed() {
        let filter = Prefilter::of(&Pattern { text: r"(?i)\bviagra\b".into(), unicode: false }).unwrap();
        assert!(filter.may_match(b"buy viagra now"));
        assert!(!filter.may_match(b"buy flowers now"));
        assert_eq!(literals(r"(?i)\b(casino|payday loans?)\b", true), Some(2));
    }

    #[test]
    fn patterns_that_need_no_literal_get_no_prefilter() {
        assert_eq!(literals(r"^\s*$", false), None);
        assert_eq!(literals(r"(?:abc)?x", false), None);
        assert_eq!(literals(r"ab|cdef", false), None, "a branch shorter than the minimum");
    }
}
