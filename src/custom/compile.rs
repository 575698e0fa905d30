//! From options to compiled rules, once per options value: `customRules`
//! checked (any problem refuses the options), `spamassassinRules` read (a rule
//! that cannot be used is refused with its line, the others load), patterns
//! compiled, one `RegexSet` per source, metas resolved and ordered.

use super::compile_metas::{order_metas, resolve_metas, Meta};
use super::limits::{
    MAX_COMPILED_PATTERN_BYTES, MAX_COMPILED_RULES_BYTES, MAX_HITS, MAX_RULES, MAX_RULES_TEXT_BYTES,
    MAX_THREAD_BOUND_TOTAL_STEPS,
};
#[cfg(test)]
use super::limits::MAX_THREAD_BOUND_STEPS;
use super::meta::Expr;
use super::pattern::{self, Pattern};
use super::perl;
use super::prefilter::Prefilter;
use super::problems::char_column;
use super::sa_tags::replace_tags_mapped;
use super::spamassassin::{perl_words, PerlPattern, SaFile, SaTest};
use super::spec::{check_spec, label, CustomRuleSpec, Expect};
use super::targets::{Source, Target};
use super::work;
use super::{Problem, ProblemKind};
use crate::report::{CustomTexts, Severity, Texts};
use regex::bytes::{Regex, RegexSet};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::Arc;

/// Most patterns in one `RegexSet`; a source with more gets several sets
/// (default, ours: keeps each compiled set well under `MAX_COMPILED_SET_BYTES`).
pub const MAX_SET_PATTERNS: usize = 500;

/// The value a SpamAssassin header rule matches when the field is absent:
/// Perl's `undef`, matched as the empty string, or the rule's `[if-unset: …]`.
#[derive(Debug, Clone, PartialEq)]
pub enum WhenAbsent {
    /// No value: the rule does not match (`customRules`; `expect: match` reports it).
    Nothing,
    /// This text is matched instead.
    Text(Vec<u8>),
}

/// What a compiled rule tests.
#[derive(Debug, Clone)]
pub enum Test {
    Pattern {
        /// Index in `CustomRules::groups`, and of the rule's pattern in that group.
        group: usize,
        member: usize,
        /// Fires when no value matches (`expect: match`, SpamAssassin's `!~`).
        negate: bool,
        absent: WhenAbsent,
    },
    /// SpamAssassin's `exists:Field`.
    Exists {
        field: String,
    },
    Meta(Expr),
}

/// A rule ready to run.
#[derive(Debug, Clone)]
pub struct CompiledRule {
    /// `acme/banned-words`, or `sa/NAME` for SpamAssassin rules.
    pub id: String,
    /// The name metas use: the SpamAssassin name, or the id.
    pub name: String,
    /// `header`, `body`, … (`customRules` targets and SpamAssassin rule types, `meta`).
    pub kind: &'static str,
    pub severity: Severity,
    pub score: f64,
    /// Its message and fix as written, shared by every finding it raises (a
    /// finding carries them for `renderReport`). `literal`: the message is said
    /// as written: SpamAssassin's `describe` is plain text
    /// (Mail::SpamAssassin::Conf, "describe SYMBOL description"); only the
    /// messages of `customRules` are templates with `{match}` (README).
    pub texts: Arc<CustomTexts>,
    /// Findings are reported (not for SpamAssassin's `__` sub-rules).
    pub reported: bool,
    /// The rule runs (SpamAssassin runs no rule whose score is 0).
    pub runs: bool,
    /// Hits counted: 1, or more with `tflags multiple` (each adds the score, as in SpamAssassin).
    pub max_hits: usize,
    pub test: Test,
}

/// One pattern of a group.
#[derive(Debug, Clone)]
pub struct Member {
    /// The rule (index in `CustomRules::rules`).
    pub rule: usize,
    /// The pattern alone, to find where it matched.
    pub regex: Regex,
    /// The literals it needs; `None`: it is in the group's `RegexSet`.
    pub prefilter: Option<Prefilter>,
    /// The most threads it keeps alive at one byte (`work::threads`).
    pub threads: u64,
}

/// The patterns of one source: one `RegexSet` for those that need no literal
/// (in chunks of `MAX_SET_PATTERNS`), the others tried where their literal is.
#[derive(Debug, Clone)]
pub struct Group {
    pub source: Source,
    pub members: Vec<Member>,
    /// Each set with the members (indices in `members`) it holds, in order.
    pub sets: Vec<MemberSet>,
}

/// A `RegexSet` and the members (indices in `Group::members`) it holds, in order.
#[derive(Debug, Clone)]
pub struct MemberSet {
    pub set: RegexSet,
    pub members: Vec<usize>,
    /// The threads of its members together (`work::threads`).
    pub threads: u64,
}

/// How a SpamAssassin text loaded.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LoadReport {
    /// Rules loaded, by type (`header`, `body`, `rawbody`, `uri`, `full`, `meta`, `exists`).
    pub loaded: BTreeMap<String, usize>,
    /// Loaded rules SpamAssassin would not run either: score 0.
    pub disabled: usize,
    /// Rules not loaded, each with its line and reason.
    pub refused: Vec<Problem>,
    /// Lines read but not rules (a description in a language we lack, a setting).
    pub unreadable_lines: Vec<Problem>,
    /// Lines left out by a false `if`/`ifplugin`.
    pub skipped_lines: usize,
    /// Settings that are not rules, by name, with their number of lines.
    pub other_settings: BTreeMap<String, usize>,
    /// `sa/NAME` of the rules refused: defined, so `options.rules` and
    /// `options.scores` may name them (to no effect) rather than be refused as unknown.
    pub refused_ids: Vec<String>,
    /// Names of the SpamAssassin rules defined past `MAX_RULES`, not loaded: one
    /// problem in `refused` (`RulesPastLimit`, at the first) stands for them all.
    pub past_limit: Vec<String>,
}

impl LoadReport {
    pub fn loaded_total(&self) -> usize {
        self.loaded.values().sum()
    }
    /// Rules not loaded: each refusal one, `RulesPastLimit` all it stands for.
    pub fn refused_total(&self) -> usize {
        self.refused.iter().map(Self::rules_of).sum()
    }
    fn rules_of(problem: &Problem) -> usize {
        match problem.kind {
            ProblemKind::RulesPastLimit { count, .. } => count,
            _ => 1,
        }
    }
    /// Refused rules grouped by reason key, most frequent first.
    pub fn refused_by_reason(&self) -> Vec<(String, usize)> {
        let mut counts: BTreeMap<String, usize> = BTreeMap::new();
        for problem in &self.refused {
            *counts.entry(problem.kind.key()).or_default() += Self::rules_of(problem);
        }
        let mut out: Vec<(String, usize)> = counts.into_iter().collect();
        out.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        out
    }
}

/// Every custom rule of one options value, compiled.
#[derive(Debug, Clone, Default)]
pub struct CustomRules {
    pub rules: Vec<CompiledRule>,
    pub groups: Vec<Group>,
    /// Metas (indices in `rules`), each after the metas it reads.
    pub meta_order: Vec<usize>,
    pub load: LoadReport,
}

/// A rule whose pattern compiled, before the sets are built.
pub(super) struct Pending {
    pub rule: CompiledRule,
    pub pattern: Option<PendingPattern>,
}

/// A compiled pattern and what its parse tells (`Compiled::count`).
pub(super) struct PendingPattern {
    source: Source,
    pattern: Pattern,
    regex: Regex,
    measured: Measured,
}

/// What a pattern's parse tells: its threads (`work::threads`) and the
/// literals it needs (`Prefilter`).
struct Measured {
    threads: u64,
    prefilter: Option<Prefilter>,
}

/// Bytes of NFA the rules' patterns compiled to so far (`MAX_COMPILED_RULES_BYTES`),
/// the steps left for their threads (`MAX_THREAD_BOUND_TOTAL_STEPS`), and the
/// compiler that measures them, kept from pattern to pattern.
struct Compiled {
    bytes: usize,
    steps_left: u64,
    compiler: regex_automata::nfa::thompson::Compiler,
}

impl Default for Compiled {
    fn default() -> Compiled {
        Compiled { bytes: 0, steps_left: MAX_THREAD_BOUND_TOTAL_STEPS, compiler: work::compiler() }
    }
}

impl Compiled {
    fn over(&self) -> bool {
        self.bytes > MAX_COMPILED_RULES_BYTES
    }

    /// Counts a pattern refused for compiling past `MAX_COMPILED_PATTERN_BYTES`
    /// as that many bytes: it was compiled up to there before `regex` gave up,
    /// which takes the time of a pattern that size (3 ms natively), and
    /// 5,000 such rules had taken 16 s to refuse one by one. Past
    /// `MAX_COMPILED_RULES_BYTES` the rules after it are not compiled.
    fn count_refused(&mut self, kind: &ProblemKind) {
        if matches!(kind, ProblemKind::PatternTooBig { .. }) {
            self.bytes = self.bytes.saturating_add(MAX_COMPILED_PATTERN_BYTES);
        }
    }

    /// Counts a compiled pattern, parsed once for its size, threads and
    /// literals; `None` when the rules are now over the limit.
    fn count(&mut self, pattern: &Pattern) -> Option<Measured> {
        // It compiled, so it parses.
        let parsed = pattern::parse(pattern).ok();
        let (threads, bytes, spent) = parsed
            .as_ref()
            .map_or((u64::MAX, MAX_COMPILED_PATTERN_BYTES, 0), |hir| work::cost(&self.compiler, hir, self.steps_left));
        self.bytes = self.bytes.saturating_add(bytes);
        self.steps_left = self.steps_left.saturating_sub(spent);
        let prefilter = parsed.as_ref().and_then(Prefilter::of_parsed);
        (!self.over()).then_some(Measured { threads, prefilter })
    }
}

impl CustomRules {
    /// Compiles `customRules` and `spamassassinRules`. `Err`: the problems that
    /// make the options unusable (any problem of `customRules`, the limits).
    pub fn compile(custom: &[CustomRuleSpec], spamassassin: Option<&str>) -> Result<CustomRules, Vec<Problem>> {
        if custom.len() > MAX_RULES {
            return Err(vec![Problem::new(
                "customRules",
                ProblemKind::TooManyRules { count: custom.len(), limit: MAX_RULES },
            )]);
        }
        let mut compiled = Compiled::default();
        let mut pending = compile_custom(custom, &mut compiled)?;
        let mut load = LoadReport::default();
        if let Some(text) = spamassassin {
            if text.len() > MAX_RULES_TEXT_BYTES {
                let kind = ProblemKind::RulesTextTooLong { size: text.len(), limit: MAX_RULES_TEXT_BYTES };
                return Err(vec![Problem::new("spamassassinRules", kind)]);
            }
            let mut file = SaFile::parse(text);
            // Past `MAX_RULES` with `customRules`, the rules defined later are not
            // loaded (one problem at the first, with their count): the limit bounds the
            // rules kept and run per message, the text was bounded before it
            // (`MAX_RULES_TEXT_BYTES`); their names stay known for metas and options.
            let room = MAX_RULES.saturating_sub(custom.len());
            if file.rules.len() > room {
                let cut = file.rules.split_off(room);
                let kind = ProblemKind::RulesPastLimit { count: cut.len(), limit: MAX_RULES };
                load.refused.push(Problem::new(&cut[0].name, kind).at(cut[0].line, 0));
                load.past_limit = cut.into_iter().map(|rule| rule.name).collect();
            }
            let taken: HashSet<String> = pending.iter().map(|p| p.rule.name.clone()).collect();
            pending.extend(compile_spamassassin(&file, &taken, &mut load, &mut compiled));
            load.refused_ids = load
                .refused
                .iter()
                .filter(|p| !matches!(p.kind, ProblemKind::RulesPastLimit { .. }))
                .map(|p| &p.rule)
                .chain(&load.past_limit)
                .map(|name| format!("sa/{name}"))
                .collect();
            load.unreadable_lines = file.problems;
            load.skipped_lines = file.skipped_lines;
            load.other_settings = file.other_settings;
        }
        build(pending, load)
    }

    /// Ids of every rule, for `options.rules` and `options.scores`: those that
    /// run and the SpamAssassin rules refused (defined in the text, so not unknown).
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.rules.iter().map(|r| r.id.as_str()).chain(self.load.refused_ids.iter().map(String::as_str))
    }
    pub fn is_empty(&self) -> bool {
        self.rules.is_empty()
    }
}

fn compile_custom(specs: &[CustomRuleSpec], compiled: &mut Compiled) -> Result<Vec<Pending>, Vec<Problem>> {
    let mut problems = Vec::new();
    let mut pending = Vec::new();
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (index, spec) in specs.iter().enumerate() {
        let rule = label(spec, index);
        check_spec(spec, index, &mut problems);
        if seen.insert(spec.id.as_str(), index).is_some() {
            problems.push(Problem::new(&rule, ProblemKind::DuplicateId).in_rule(index, "id"));
        }
        let source = match (spec.target, &spec.header) {
            (Target::Header, Some(name)) => Source::Field(name.to_ascii_lowercase()),
            (target, _) => Source::Custom(target),
        };
        let pattern = Pattern { text: spec.pattern.clone(), unicode: true };
        if compiled.over() {
            // Past the limit the rules left are not compiled (one problem says it).
            let limit = MAX_COMPILED_RULES_BYTES;
            problems.push(Problem::new(&rule, ProblemKind::RulesTooBig { limit }).in_rule(index, "pattern"));
            break;
        }
        match pattern::check_length(&spec.pattern).and_then(|()| pattern::compile(&pattern)) {
            Ok(regex) => {
                let Some(measured) = compiled.count(&pattern) else {
                    let limit = MAX_COMPILED_RULES_BYTES;
                    problems.push(Problem::new(&rule, ProblemKind::RulesTooBig { limit }).in_rule(index, "pattern"));
                    break;
                };
                pending.push(Pending {
                    rule: CompiledRule {
                        id: spec.id.clone(),
                        name: spec.id.clone(),
                        kind: spec.target.key(),
                        severity: spec.severity.severity(),
                        score: spec.score,
                        texts: Arc::new(CustomTexts {
                            message: spec.message.made_visible(),
                            fix: spec.fix.as_ref().map(Texts::made_visible),
                            literal: false,
                        }),
                        reported: true,
                        runs: true,
                        max_hits: 1,
                        test: Test::Pattern {
                            group: 0,
                            member: 0,
                            negate: spec.expect == Expect::Match,
                            absent: WhenAbsent::Nothing,
                        },
                    },
                    pattern: Some(PendingPattern { source, pattern, regex, measured }),
                });
            }
            Err(error) => {
                compiled.count_refused(&error.kind);
                let mut problem = Problem::new(&rule, error.kind).in_rule(index, "pattern");
                if let Some(offset) = error.offset {
                    problem = problem.at_column(char_column(&spec.pattern, offset));
                }
                problems.push(problem);
            }
        }
    }
    if problems.is_empty() {
        Ok(pending)
    } else {
        Err(problems)
    }
}

/// SpamAssassin's default score (`Conf::Parser::fix_tests`): 1, 0.01 for `T_`
/// rules, negative with `tflags nice`.
pub(super) fn default_score(name: &str, tflags: &str) -> f64 {
    let score = if name.starts_with("T_") { 0.01 } else { 1.0 };
    if perl_words(tflags).any(|f| f == "nice") {
        -score
    } else {
        score
    }
}

/// `maxhits=N` with `multiple`, else 1.
fn max_hits(tflags: &str) -> usize {
    let flags: Vec<&str> = perl_words(tflags).collect();
    if !flags.contains(&"multiple") {
        return 1;
    }
    flags
        .iter()
        .find_map(|f| f.strip_prefix("maxhits=").and_then(|n| n.parse::<usize>().ok()))
        .unwrap_or(MAX_HITS)
        .clamp(1, MAX_HITS)
}

fn compile_spamassassin(file: &SaFile, taken: &HashSet<String>, load: &mut LoadReport, compiled: &mut Compiled) -> Vec<Pending> {
    let mut pending = Vec::new();
    let mut metas: Vec<Meta> = Vec::new();
    for rule in &file.rules {
        let test = match &rule.test {
            Ok(test) => test,
            Err(problem) => {
                load.refused.push(problem.clone());
                continue;
            }
        };
        let tflags = file.tflags.get(&rule.name).map(String::as_str).unwrap_or("");
        if let Some(flag) = perl_words(tflags).find(|f| matches!(*f, "net" | "learn")) {
            load.refused
                .push(Problem::new(&rule.name, ProblemKind::NotRun { flag: flag.to_string() }).at(rule.line, 0));
            continue;
        }
        let score = file.scores.get(&rule.name).copied().unwrap_or_else(|| default_score(&rule.name, tflags));
        let id = format!("sa/{}", rule.name);
        if taken.contains(&id) {
            continue;
        }
        let (kind, source, perl_pattern, negate, absent) = match test {
            SaTest::Meta { expression, column } => {
                metas.push(Meta {
                    name: rule.name.clone(),
                    line: rule.line,
                    text: rule.text.clone(),
                    expression: expression.clone(),
                    column: *column,
                });
                continue;
            }
            SaTest::Exists { field } => {
                let compiled =
                    sa_rule(&rule.name, "exists", score, tflags, file, Test::Exists { field: field.clone() });
                pending.push(Pending { rule: compiled, pattern: None });
                continue;
            }
            SaTest::Header { field, raw, modifier, occurrence, negate, pattern, if_unset } => {
                let source =
                    Source::SaHeader { field: field.clone(), raw: *raw, modifier: *modifier, occurrence: *occurrence };
                let absent = WhenAbsent::Text(if_unset.clone().unwrap_or_default().into_bytes());
                ("header", source, pattern, *negate, absent)
            }
            SaTest::Body(p) => {
                let subject = !perl_words(tflags).any(|f| f == "nosubject");
                ("body", Source::SaBody { subject }, p, false, WhenAbsent::Nothing)
            }
            SaTest::Rawbody(p) => ("rawbody", Source::SaRawbody, p, false, WhenAbsent::Nothing),
            SaTest::Uri(p) => ("uri", Source::Custom(Target::Uri), p, false, WhenAbsent::Nothing),
            SaTest::Full(p) => ("full", Source::Custom(Target::Full), p, false, WhenAbsent::Nothing),
        };
        // With its tags replaced, each byte's place in the pattern as written (`origins`).
        let (body, origins) = if file.tags.rules.contains(&rule.name) {
            let (body, origins) = replace_tags_mapped(&perl_pattern.body, &file.tags);
            (body, Some(origins))
        } else {
            (perl_pattern.body.clone(), None)
        };
        let too_big = || Problem::new(&rule.name, ProblemKind::RulesTooBig { limit: MAX_COMPILED_RULES_BYTES });
        if compiled.over() {
            // Past the limit, the rules left are not compiled: that is its bound on the load.
            load.refused.push(too_big().at_in(rule.line, &rule.text, perl_pattern.column));
            continue;
        }
        match perl_to_regex(&body, perl_pattern) {
            Ok((pattern, regex)) => {
                let Some(measured) = compiled.count(&pattern) else {
                    load.refused.push(too_big().at_in(rule.line, &rule.text, perl_pattern.column));
                    continue;
                };
                let test = Test::Pattern { group: 0, member: 0, negate, absent };
                let rule = sa_rule(&rule.name, kind, score, tflags, file, test);
                pending.push(Pending { rule, pattern: Some(PendingPattern { source, pattern, regex, measured }) });
            }
            Err((kind, offset)) => {
                compiled.count_refused(&kind);
                // Said in the rule as written: a tag's text at its `<`.
                let written = match &origins {
                    Some(origins) => origins.get(offset).copied().unwrap_or(perl_pattern.body.len()),
                    None => offset,
                };
                let column = perl_pattern.column + written.min(perl_pattern.body.len());
                load.refused.push(Problem::new(&rule.name, kind).at_in(rule.line, &rule.text, column));
            }
        }
    }
    resolve_metas(metas, &mut pending, file, load);
    pending
}

/// Translates and compiles a SpamAssassin pattern; the error with its byte offset in `body`.
fn perl_to_regex(body: &str, written: &PerlPattern) -> Result<(Pattern, Regex), (ProblemKind, usize)> {
    pattern::check_length(&written.body).map_err(|e| (e.kind, 0))?;
    let translated = perl::translate(body, &written.flags).map_err(|u| (ProblemKind::Perl(u.feature), u.offset))?;
    let pattern = Pattern { text: translated.pattern.clone(), unicode: false };
    match pattern::compile(&pattern) {
        Ok(regex) => Ok((pattern, regex)),
        Err(error) => Err((error.kind, error.offset.map_or(0, |o| translated.origin(o)))),
    }
}

pub(super) fn sa_rule(
    name: &str,
    kind: &'static str,
    score: f64,
    tflags: &str,
    file: &SaFile,
    test: Test,
) -> CompiledRule {
    CompiledRule {
        id: format!("sa/{name}"),
        name: name.to_string(),
        kind,
        // A spam sign is a warning; a ham sign (negative score) is information.
        severity: if score > 0.0 { Severity::Warning } else { Severity::Info },
        score,
        texts: Arc::new(CustomTexts {
            message: file.descriptions.get(name).map(Texts::made_visible).unwrap_or_default(),
            fix: None,
            literal: true,
        }),
        reported: !name.starts_with("__"),
        runs: score != 0.0,
        max_hits: max_hits(tflags),
        test,
    }
}

/// Groups patterns by source into sets, in order, and fixes each rule's place.
fn build(pending: Vec<Pending>, mut load: LoadReport) -> Result<CustomRules, Vec<Problem>> {
    let mut rules: Vec<CompiledRule> = Vec::with_capacity(pending.len());
    let mut by_source: BTreeMap<Source, Vec<(usize, PendingPattern)>> = BTreeMap::new();
    for Pending { rule, pattern } in pending {
        let index = rules.len();
        if let Some(pattern) = pattern {
            by_source.entry(pattern.source.clone()).or_default().push((index, pattern));
        }
        if rule.id.starts_with("sa/") && rule.kind != "refused" {
            *load.loaded.entry(rule.kind.to_string()).or_default() += 1;
            load.disabled += usize::from(!rule.runs);
        }
        rules.push(rule);
    }
    let mut groups = Vec::new();
    for (source, patterns) in by_source {
        let group_index = groups.len();
        let mut members = Vec::with_capacity(patterns.len());
        let mut unfiltered: Vec<(usize, Pattern)> = Vec::new();
        for (member, (rule, PendingPattern { pattern, regex, measured, .. })) in patterns.into_iter().enumerate() {
            if let Test::Pattern { group, member: m, .. } = &mut rules[rule].test {
                *group = group_index;
                *m = member;
            }
            let Measured { threads, prefilter } = measured;
            if prefilter.is_none() {
                unfiltered.push((member, pattern));
            }
            members.push(Member { rule, regex, prefilter, threads });
        }
        let mut sets = compile_sets(&unfiltered)
            .map_err(|(member, kind)| vec![Problem::new(&rules[members[member].rule].id, kind)])?;
        for set in &mut sets {
            set.threads = set.members.iter().map(|&m| members[m].threads).fold(0, u64::saturating_add);
        }
        groups.push(Group { source, members, sets });
    }
    let meta_order = order_metas(&rules);
    Ok(CustomRules { rules, groups, meta_order, load })
}

/// `RegexSet`s of at most `MAX_SET_PATTERNS`; a chunk over `MAX_COMPILED_SET_BYTES`
/// is halved (each pattern compiled alone within the smaller per-pattern limit).
fn compile_sets(patterns: &[(usize, Pattern)]) -> Result<Vec<MemberSet>, (usize, ProblemKind)> {
    let mut sets = Vec::new();
    let mut chunks: Vec<&[(usize, Pattern)]> = patterns.chunks(MAX_SET_PATTERNS).rev().collect();
    while let Some(chunk) = chunks.pop() {
        let texts: Vec<&Pattern> = chunk.iter().map(|(_, p)| p).collect();
        match pattern::compile_set(&texts) {
            Ok(set) => sets.push(MemberSet { set, members: chunk.iter().map(|(m, _)| *m).collect(), threads: 0 }),
            Err(ProblemKind::SetTooBig { .. }) if chunk.len() > 1 => {
                let (first, second) = chunk.split_at(chunk.len() / 2);
                chunks.push(second);
                chunks.push(first);
            }
            Err(kind) => return Err((chunk[0].0, kind)),
        }
    }
    Ok(sets)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Past `MAX_THREAD_BOUND_TOTAL_STEPS`, a pattern's threads are its
    /// estimate, not the exact count a search would find within its own steps.
    #[test]
    fn the_searches_for_threads_share_one_budget() {
        let cheap = Pattern { text: "ba{1,20}c".to_string(), unicode: true };
        let hir = pattern::parse(&cheap).expect("parses");
        let (exact, estimate) = (work::threads(&hir), work::pattern_threads(&hir));
        assert_ne!(exact, estimate, "the pattern tells the two apart");
        let costly = |i: usize| Pattern { text: format!("{i}[ab]*a[ab]{{20}}"), unicode: true };
        let mut compiled = Compiled::default();
        assert_eq!(compiled.count(&cheap).map(|m| m.threads), Some(exact));
        // Each costly pattern spends its own steps and a set more.
        let most = (MAX_THREAD_BOUND_TOTAL_STEPS / MAX_THREAD_BOUND_STEPS + 1) as usize;
        let searched = (0..=most).take_while(|&i| compiled.steps_left > 0 && compiled.count(&costly(i)).is_some()).count();
        assert_eq!(compiled.steps_left, 0, "{searched} searches");
        assert!(searched <= most, "{searched}");
        assert_eq!(compiled.count(&cheap).map(|m| m.threads), Some(estimate));
    }

    #[test]
    fn sa_defaults_follow_spamassassin() {
        assert_eq!(default_score("FOO", ""), 1.0);
        assert_eq!(default_score("T_FOO", ""), 0.01);
        assert_eq!(default_score("FOO", "nice"), -1.0);
        assert_eq!(max_hits("multiple maxhits=3"), 3);
        assert_eq!(max_hits("publish"), 1);
    }
}
