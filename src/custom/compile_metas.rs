//! The metas of a SpamAssassin text, once its other rules are compiled:
//! parsed, resolved to rule indices (`rules_matching` globs expanded), refused
//! when they read a rule that is unknown, refused, on a cycle or at the end of
//! a chain deeper than `MAX_META_DEPTH`, and ordered so each runs after the
//! metas it reads.

use super::compile::{default_score, sa_rule, CompiledRule, Pending, Test};
use super::limits::{MAX_META_GLOB_NAMES, MAX_META_GLOB_STEPS};
use super::meta::{self, Expr, MetaError, Names, Unresolved};
use super::spamassassin::SaFile;
use super::{LoadReport, Problem, ProblemKind};
use std::cell::{Cell, RefCell};
use std::collections::{HashMap, HashSet};
use std::rc::Rc;

/// A meta rule as read, before its expression is parsed.
pub(super) struct Meta {
    pub name: String,
    pub line: usize,
    pub text: String,
    pub expression: String,
    pub column: usize,
}

/// Parses the metas, refuses those reading unknown or refused rules or on a
/// cycle, and adds the others after every rule they may read.
pub(super) fn resolve_metas(metas: Vec<Meta>, pending: &mut Vec<Pending>, file: &SaFile, load: &mut LoadReport) {
    let mut parsed: Vec<(String, usize, Expr)> = Vec::new();
    // One copy of each name for all the metas (260 metas of 4,999 names had held 1.3 million).
    let mut shared = Names::default();
    for Meta { name, line, text, expression, column } in metas {
        match meta::parse_with(&expression, &mut shared) {
            Ok(expr) => parsed.push((name, line, expr)),
            Err(MetaError::Syntax { offset }) => {
                load.refused.push(Problem::new(&name, ProblemKind::MetaSyntax).at_in(line, &text, column + offset));
            }
            Err(MetaError::TooDeep) => {
                load.refused.push(Problem::new(&name, ProblemKind::MetaTooDeep).at_in(line, &text, column))
            }
            Err(MetaError::TooLong) => {
                load.refused.push(Problem::new(&name, ProblemKind::MetaTooLong).at_in(line, &text, column))
            }
        }
    }
    // A meta reading a name that is not defined is refused, and so is every
    // meta reading it in turn (a work list over who reads whom). The names are
    // borrowed from the expressions, read again where needed: a meta is read
    // at most twice (once in turn, once when a name it reads is refused, which
    // refuses it), where a copy of every meta's names had been kept.
    let mut known: HashSet<&str> =
        pending.iter().map(|p| p.rule.name.as_str()).chain(parsed.iter().map(|m| m.0.as_str())).collect();
    let refused_names: HashSet<&str> =
        load.refused.iter().map(|p| p.rule.as_str()).chain(load.past_limit.iter().map(String::as_str)).collect();
    let mut names: Vec<&str> = Vec::new();
    // Each meta once under each name it reads.
    let mut readers: HashMap<&str, Vec<usize>> = HashMap::new();
    for (meta, (_, _, expr)) in parsed.iter().enumerate() {
        names.clear();
        expr.names(&mut names);
        for &name in &names {
            let list = readers.entry(name).or_default();
            if list.last() != Some(&meta) {
                list.push(meta);
            }
        }
    }
    let mut alive = vec![true; parsed.len()];
    // Names of the metas refused so far (a set: each refusal had looked through every meta).
    let mut dead: HashSet<&str> = HashSet::new();
    let mut refusals: Vec<Problem> = Vec::new();
    let mut work: Vec<usize> = (0..parsed.len()).rev().collect();
    while let Some(meta) = work.pop() {
        if !alive[meta] {
            continue;
        }
        let (name, line, expr) = &parsed[meta];
        names.clear();
        expr.names(&mut names);
        let Some(&missing) = names.iter().find(|n| !known.contains(*n)) else {
            continue;
        };
        let kind = if refused_names.contains(missing) || dead.contains(missing) {
            ProblemKind::MetaRefused { name: missing.to_string() }
        } else {
            ProblemKind::MetaUnknown { name: missing.to_string() }
        };
        alive[meta] = false;
        dead.insert(name.as_str());
        refusals.push(Problem::new(name, kind).at(*line, 0));
        known.remove(name.as_str());
        if let Some(list) = readers.get(name.as_str()) {
            work.extend(list.iter().copied());
        }
    }
    load.refused.extend(refusals);
    let parsed: Vec<(String, usize, Expr)> =
        parsed.into_iter().zip(alive).filter_map(|(meta, alive)| alive.then_some(meta)).collect();
    // Resolve names to indices: rules first, then the metas in `parsed` order.
    let base = pending.len();
    let index: HashMap<String, usize> = pending
        .iter()
        .map(|p| p.rule.name.clone())
        .chain(parsed.iter().map(|m| m.0.clone()))
        .enumerate()
        .map(|(i, n)| (n, i))
        .collect();
    let mut all_names: Vec<&String> = index.keys().collect();
    // In name order, as SpamAssassin sums them (`expand_ruleglob`: `join('+', sort @rules)`).
    all_names.sort();
    let globs = Globs::new(all_names);
    let mut resolved: Vec<(String, usize, Expr)> = Vec::new();
    for (name, line, expr) in parsed {
        let expand = |glob: &str| globs.expand(glob, &name, &index);
        match expr.resolve(&|n| index.get(n).copied(), &expand) {
            Ok(expr) => resolved.push((name, line, expr)),
            Err(Unresolved::Unknown(missing)) => {
                load.refused.push(Problem::new(&name, ProblemKind::MetaUnknown { name: missing }).at(line, 0))
            }
            Err(Unresolved::GlobLimit) => load.refused.push(Problem::new(&name, ProblemKind::MetaGlobLimit).at(line, 0)),
        }
    }
    // Cycles and chains too long: deps between metas only.
    let deps: Vec<Vec<usize>> = resolved
        .iter()
        .map(|(_, _, expr)| {
            let mut read = Vec::new();
            expr.indices(&mut read);
            read.into_iter().filter(|&i| i >= base).map(|i| i - base).collect()
        })
        .collect();
    let (_, failed) = meta::order(&deps);
    let failed_set: HashSet<usize> = failed.iter().map(|(m, _)| *m).collect();
    for (meta, path) in &failed {
        let (name, line, _) = &resolved[*meta];
        let names: Vec<&str> = path.iter().map(|&m| resolved[m].0.as_str()).collect();
        let kind = if path.len() >= super::limits::MAX_META_DEPTH {
            ProblemKind::MetaTooDeep
        } else if path.len() > 1 && path.first() == path.last() {
            ProblemKind::MetaCycle { path: names.join(" → ") }
        } else {
            // It reads a meta that failed.
            ProblemKind::MetaRefused { name: names.last().copied().unwrap_or_default().to_string() }
        };
        load.refused.push(Problem::new(name, kind).at(*line, 0));
    }
    // Metas that failed stay in the list (indices are fixed) but never run.
    for (at, (name, _, expr)) in resolved.into_iter().enumerate() {
        let tflags = file.tflags.get(&name).map(String::as_str).unwrap_or("");
        let score = file.scores.get(&name).copied().unwrap_or_else(|| default_score(&name, tflags));
        let mut rule = sa_rule(&name, "meta", score, tflags, file, Test::Meta(expr));
        if failed_set.contains(&at) {
            rule.runs = false;
            rule.kind = "refused";
        }
        pending.push(Pending { rule, pattern: None });
    }
}

/// The `rules_matching` globs of a rule file, expanded once each (SpamAssassin
/// keeps a cache by glob too, `ruleglob_cache`), within two limits of their own:
/// the names tested cost `MAX_META_GLOB_STEPS` in all, and the expansions of all
/// metas together hold at most `MAX_META_GLOB_NAMES` names. Past either, a glob
/// is not expanded and its meta is refused (`MetaGlobLimit`): every meta could
/// otherwise sum every rule several thousand times.
struct Globs<'n> {
    /// Every rule name, sorted.
    names: Vec<&'n String>,
    /// Names matching each glob met so far; `None` when the steps ran out on it.
    expanded: RefCell<HashMap<String, Option<Rc<Vec<&'n String>>>>>,
    steps_left: Cell<u64>,
    names_left: Cell<usize>,
}

impl<'n> Globs<'n> {
    fn new(names: Vec<&'n String>) -> Globs<'n> {
        Globs {
            names,
            expanded: RefCell::new(HashMap::new()),
            steps_left: Cell::new(MAX_META_GLOB_STEPS),
            names_left: Cell::new(MAX_META_GLOB_NAMES),
        }
    }

    /// The rules `glob` names for the meta `reader` (not itself, as in
    /// SpamAssassin), in name order; `None` past the limits.
    fn expand(&self, glob: &str, reader: &str, index: &HashMap<String, usize>) -> Option<Vec<usize>> {
        let matching = self.matching(glob)?;
        let out: Vec<usize> = matching.iter().filter(|n| n.as_str() != reader).filter_map(|n| index.get(*n).copied()).collect();
        let left = self.names_left.get().checked_sub(out.len())?;
        self.names_left.set(left);
        Some(out)
    }

    fn matching(&self, glob: &str) -> Option<Rc<Vec<&'n String>>> {
        if let Some(known) = self.expanded.borrow().get(glob) {
            return known.clone();
        }
        let mut steps = self.steps_left.get();
        let mut matching = Some(Vec::new());
        for name in &self.names {
            match glob_matches(glob, name, &mut steps) {
                Some(true) => matching.iter_mut().for_each(|m| m.push(*name)),
                Some(false) => {}
                None => {
                    matching = None;
                    break;
                }
            }
        }
        self.steps_left.set(steps);
        let matching = matching.map(Rc::new);
        self.expanded.borrow_mut().insert(glob.to_string(), matching.clone());
        matching
    }
}

/// SpamAssassin's `rules_matching` glob: `*` any run, `?` one character
/// (`expand_ruleglob`: `*` as `.*?`, `?` as `.`, the whole name). Read in one
/// pass that goes back to the last `*` on a mismatch, at most `glob × name`
/// steps, each taken from `steps`; `None` when they run out. (A recursive match
/// had tried every way the stars could split the name: `*a*a…*a*b` against a
/// name of a hundred `a` took exponential time.)
pub(super) fn glob_matches(glob: &str, name: &str, steps: &mut u64) -> Option<bool> {
    let (glob, name) = (glob.as_bytes(), name.as_bytes());
    if glob.len() > 128 {
        return Some(false);
    }
    let (mut g, mut n) = (0, 0);
    // Where the last `*` was (the glob after it) and the name's byte it stands at.
    let mut star: Option<(usize, usize)> = None;
    while n < name.len() {
        *steps = steps.checked_sub(1)?;
        match glob.get(g) {
            Some(b'*') => {
                star = Some((g + 1, n));
                g += 1;
            }
            Some(&b) if b == b'?' || b == name[n] => {
                g += 1;
                n += 1;
            }
            _ => match star {
                // The last `*` takes one more byte.
                Some((after, at)) => {
                    star = Some((after, at + 1));
                    g = after;
                    n = at + 1;
                }
                None => return Some(false),
            },
        }
    }
    Some(glob[g..].iter().all(|&b| b == b'*'))
}

/// Metas that run, each after the metas it reads (cycles were refused before).
pub(super) fn order_metas(rules: &[CompiledRule]) -> Vec<usize> {
    let metas: Vec<usize> =
        (0..rules.len()).filter(|&i| matches!(rules[i].test, Test::Meta(_)) && rules[i].kind == "meta").collect();
    let position: HashMap<usize, usize> = metas.iter().enumerate().map(|(k, &i)| (i, k)).collect();
    let deps: Vec<Vec<usize>> = metas
        .iter()
        .map(|&i| {
            let Test::Meta(expr) = &rules[i].test else {
                return Vec::new();
            };
            let mut read = Vec::new();
            expr.indices(&mut read);
            read.into_iter().filter_map(|r| position.get(&r).copied()).collect()
        })
        .collect();
    meta::order(&deps).0.into_iter().map(|k| metas[k]).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn globs_match_rule_names() {
        let matches = |glob: &str, name: &str| glob_matches(glob, name, &mut u64::MAX.clone()).expect("steps");
        assert!(matches("__FOO_*", "__FOO_BAR"));
        assert!(!matches("__FOO_?", "__FOO_BAR"));
        assert!(matches("*", "A") && matches("A*", "A") && matches("*A*B*", "XAYBZ") && matches("?*?", "AB"));
        assert!(!matches("A*B", "AXBX") && !matches("?", "") && !matches("A", "AB"));
        assert!(matches("*AB", "AAB") && matches("A*A*A", "AAA") && !matches("A*A*A", "AA"));
    }

    /// Stars that could split the name in many ways are read in one pass: a
    /// hundred `a` against `*a*a…*b` (40 stars) is at most glob × name steps.
    #[test]
    fn a_glob_of_many_stars_is_read_in_steps_bounded_by_glob_times_name() {
        let (glob, name) = (format!("{}b", "*a".repeat(40)), "a".repeat(100));
        let mut steps = (glob.len() as u64 + 1) * (name.len() as u64 + 1);
        assert_eq!(glob_matches(&glob, &name, &mut steps), Some(false));
        assert_eq!(glob_matches(&glob, &name, &mut 10), None, "the steps run out");
    }
}
