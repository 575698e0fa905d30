//! The metas of a SpamAssassin text, once its other rules are compiled:
//! parsed, resolved to rule indices (`rules_matching` globs expanded), refused
//! when they read a rule that is unknown, refused, on a cycle or at the end of
//! a chain deeper than `MAX_META_DEPTH`, and ordered so each runs after the
//! metas it reads.

use super::compile::{default_score, sa_rule, CompiledRule, Pending, Test};
use super::meta::{self, Expr, MetaError};
use super::spamassassin::SaFile;
use super::{LoadReport, Problem, ProblemKind};
use std::collections::{HashMap, HashSet};

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
    for Meta { name, line, text, expression, column } in metas {
        match meta::parse(&expression) {
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
    // meta reading it in turn (a work list over who reads whom).
    let mut known: HashSet<String> =
        pending.iter().map(|p| p.rule.name.clone()).chain(parsed.iter().map(|m| m.0.clone())).collect();
    let refused_names: HashSet<String> =
        load.refused.iter().map(|p| p.rule.clone()).chain(load.past_limit.iter().cloned()).collect();
    let reads: Vec<Vec<String>> = parsed
        .iter()
        .map(|(_, _, expr)| {
            let mut names = Vec::new();
            expr.names(&mut names);
            names
        })
        .collect();
    let mut readers: HashMap<&str, Vec<usize>> = HashMap::new();
    for (meta, names) in reads.iter().enumerate() {
        for name in names {
            readers.entry(name.as_str()).or_default().push(meta);
        }
    }
    let mut alive = vec![true; parsed.len()];
    let mut work: Vec<usize> = (0..parsed.len()).rev().collect();
    while let Some(meta) = work.pop() {
        if !alive[meta] {
            continue;
        }
        let Some(missing) = reads[meta].iter().find(|n| !known.contains(*n)) else {
            continue;
        };
        let kind = if refused_names.contains(missing) || !alive.iter().zip(&parsed).all(|(a, m)| *a || &m.0 != missing)
        {
            ProblemKind::MetaRefused { name: missing.clone() }
        } else {
            ProblemKind::MetaUnknown { name: missing.clone() }
        };
        alive[meta] = false;
        let (name, line, _) = &parsed[meta];
        load.refused.push(Problem::new(name, kind).at(*line, 0));
        known.remove(name);
        if let Some(list) = readers.get(name.as_str()) {
            work.extend(list.iter().copied());
        }
    }
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
    let all_names: Vec<String> = index.keys().cloned().collect();
    let mut resolved: Vec<(String, usize, Expr)> = Vec::new();
    for (name, line, expr) in parsed {
        let expand = |glob: &str| -> Vec<usize> {
            let mut matching: Vec<&String> =
                all_names.iter().filter(|n| **n != name && glob_matches(glob, n)).collect();
            matching.sort();
            matching.iter().filter_map(|n| index.get(*n).copied()).collect()
        };
        match expr.resolve(&|n| index.get(n).copied(), &expand) {
            Ok(expr) => resolved.push((name, line, expr)),
            Err(missing) => {
                load.refused.push(Problem::new(&name, ProblemKind::MetaUnknown { name: missing }).at(line, 0))
            }
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
    let failed_set: Vec<usize> = failed.iter().map(|(m, _)| *m).collect();
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

/// SpamAssassin's `rules_matching` glob: `*` any run, `?` one character.
pub(super) fn glob_matches(glob: &str, name: &str) -> bool {
    fn go(g: &[u8], n: &[u8]) -> bool {
        match (g.first(), n.first()) {
            (None, None) => true,
            (Some(b'*'), _) => go(&g[1..], n) || (!n.is_empty() && go(g, &n[1..])),
            (Some(b'?'), Some(_)) => go(&g[1..], &n[1..]),
            (Some(a), Some(b)) if a == b => go(&g[1..], &n[1..]),
            _ => false,
        }
    }
    glob.len() <= 128 && go(glob.as_bytes(), name.as_bytes())
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
        assert!(glob_matches("__FOO_*", "__FOO_BAR"));
        assert!(!glob_matches("__FOO_?", "__FOO_BAR"));
    }
}
