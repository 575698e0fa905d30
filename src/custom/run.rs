//! Custom rules over one analysed message: the values of each source built
//! once, each `RegexSet` run once per value, then the rules that need more (a
//! match's place, a count, an absent field, an expected match), then the metas
//! in order. The result says, for every rule, how many times it hit and where.

use super::compile::{CompiledRule, CustomRules, Member, Test, WhenAbsent};
use super::cuts::{self, Cut};
use super::targets::{self, decoded_fields, locate, Place, Source, Target, Value};
use super::limits::MAX_CUSTOM_RULE_WORK;
use super::work::Budget;
use crate::hygiene::MAX_PARAM_CHARS;
use crate::inspect::{FactKind, PATH_SEPARATOR};
use crate::model::Message;
use crate::settings::Settings;
use std::collections::HashMap;
use std::ops::Range;

/// Where a rule hit: the text it matched (or the value that did not match),
/// and where that is in the message.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Found {
    pub text: String,
    pub part: Option<usize>,
    pub range: Option<Range<usize>>,
    /// The header field, when the value is one.
    pub header: Option<String>,
}

/// Every rule's hits on one message.
#[derive(Debug, Clone, Default)]
pub struct Evaluation {
    /// Hit value per rule (`CustomRules::rules` order): 0 when it did not hit.
    pub hits: Vec<f64>,
    pub found: Vec<Option<Found>>,
    /// Rules not run on all of the message: the work limit (`MAX_CUSTOM_RULE_WORK`) was reached.
    pub unfinished: Vec<usize>,
    /// Parts whose text the rules read only the beginning of.
    pub cuts: Vec<Cut>,
    /// The work the matching took (`work::Budget`), for measurements.
    pub work: u64,
    /// Runs and literal searches the work left could not pay for (`work::MAX_REFUSED_RUNS`).
    pub refused: u64,
}

impl Evaluation {
    /// Whether rule `index` hit.
    pub fn hit(&self, index: usize) -> bool {
        self.hits.get(index).is_some_and(|&h| h != 0.0)
    }
}

/// Whether a rule runs under these settings: off in `options.rules`, or a
/// SpamAssassin rule whose score is 0 (SpamAssassin runs no such rule), does not.
pub fn runs(rule: &CompiledRule, settings: &Settings) -> bool {
    let over = settings.rule_override(&rule.id);
    let score = over.score.unwrap_or(rule.score);
    let is_sa = rule.id.starts_with("sa/");
    !over.off && rule.runs && !(is_sa && score == 0.0)
}

/// The names of the attachments and of the entries their archives list (every
/// entry, at every level, not only those with a finding; the names an archive
/// that cannot be opened shows), by part, each once.
fn filenames(message: &Message) -> Vec<(usize, String)> {
    let mut out: Vec<(usize, String)> = Vec::new();
    let mut seen: std::collections::HashSet<(usize, &str)> = std::collections::HashSet::new();
    for part in message.parts.iter().filter(|p| crate::model::attachments::is_inspected(p)) {
        if let Some(name) = &part.filename {
            if seen.insert((part.index, name.as_str())) {
                out.push((part.index, name.clone()));
            }
        }
    }
    for attachment in &message.attachment_facts {
        let mut names: Vec<&str> = attachment.entry_names.iter().map(String::as_str).collect();
        for fact in &attachment.facts {
            if fact.path.contains(PATH_SEPARATOR) {
                names.extend(fact.path.rsplit(PATH_SEPARATOR).next());
            }
            if let FactKind::Uninspectable { names: listed, .. } = &fact.kind {
                names.extend(listed.iter().map(String::as_str));
            }
        }
        for name in names {
            if seen.insert((attachment.part, name)) {
                out.push((attachment.part, name.to_string()));
            }
        }
    }
    out
}

/// Runs every rule over `message`, within `MAX_CUSTOM_RULE_WORK`.
pub fn evaluate(rules: &CustomRules, message: &Message, settings: &Settings) -> Evaluation {
    evaluate_within(rules, message, settings, MAX_CUSTOM_RULE_WORK)
}

/// `evaluate` within `work` (`work::Budget`): to measure what a rule set needs.
pub fn evaluate_within(rules: &CustomRules, message: &Message, settings: &Settings, work: u64) -> Evaluation {
    let count = rules.rules.len();
    let mut evaluation = Evaluation { hits: vec![0.0; count], found: vec![None; count], ..Evaluation::default() };
    let active: Vec<bool> = rules.rules.iter().map(|r| runs(r, settings)).collect();
    let reads_headers = rules
        .groups
        .iter()
        .any(|g| matches!(g.source, Source::Field(_) | Source::Custom(Target::From)));
    let decoded = if reads_headers { decoded_fields(message) } else { Vec::new() };
    let reads_names = rules.groups.iter().any(|g| g.source == Source::Custom(Target::Filename));
    let names = if reads_names { filenames(message) } else { Vec::new() };
    let mut values: HashMap<&Source, Vec<Value>> = HashMap::new();
    // Per rule: matched at all.
    let mut matched = vec![false; count];
    let mut budget = Budget::new(work);
    for group in &rules.groups {
        if !group.members.iter().any(|m| active[m.rule]) {
            continue;
        }
        if !values.contains_key(&group.source) {
            for cut in cuts::cuts(&group.source, message) {
                if !evaluation.cuts.contains(&cut) {
                    evaluation.cuts.push(cut);
                }
            }
        }
        let values =
            values.entry(&group.source).or_insert_with(|| targets::values(&group.source, message, &decoded, &names));
        if values.is_empty() {
            continue;
        }
        // Members with a prefilter are tried only on the values that hold their literal.
        let prefiltered: Vec<usize> = (0..group.members.len())
            .filter(|&m| active[group.members[m].rule] && group.members[m].prefilter.is_some())
            .collect();
        let mut lowered: Vec<u8> = Vec::new();
        for value in values.iter() {
            if budget.exhausted() {
                // Nothing more runs (no work left, or `MAX_REFUSED_RUNS` refused): the
                // group's rules are skipped on the values left at once, not refused one
                // by one on each (5,000 rules × 10⁶ links were 5 × 10⁹ refusals).
                for member in group.members.iter().filter(|m| active[m.rule]) {
                    budget.skip(member.rule);
                }
                break;
            }
            let bytes = value.text.len();
            let mut hits_here: Vec<usize> = Vec::new();
            // The members of a set the work left cannot pay for are tried one by one, in order.
            let mut alone: Vec<usize> = Vec::new();
            for member_set in &group.sets {
                if budget.take(bytes, member_set.threads) {
                    hits_here.extend(member_set.set.matches(&value.text).iter().map(|i| member_set.members[i]));
                } else {
                    alone.extend(member_set.members.iter().copied().filter(|&m| active[group.members[m].rule]));
                }
            }
            // Then the members that need a literal, where the value holds one.
            let mut candidates: Vec<usize> = Vec::new();
            if !prefiltered.is_empty() {
                lowered.clear();
                lowered.extend(value.text.iter().map(u8::to_ascii_lowercase));
                for &m in &prefiltered {
                    let member = &group.members[m];
                    let Some(prefilter) = &member.prefilter else { continue };
                    // The search for its literals is work too: past the budget the rule
                    // is not run here, as when its match cannot be paid for.
                    if !budget.take_work(prefilter.search_work(bytes)) {
                        budget.skip(member.rule);
                    } else if prefilter.may_match(&lowered) {
                        candidates.push(m);
                    }
                }
            }
            for &candidate in alone.iter().chain(&candidates) {
                let member = &group.members[candidate];
                if !budget.take(bytes, member.threads) {
                    budget.skip(member.rule);
                } else if member.regex.is_match(&value.text) {
                    hits_here.push(candidate);
                }
            }
            for member in hits_here {
                let rule = group.members[member].rule;
                if !active[rule] {
                    continue;
                }
                let Member { regex, threads, .. } = &group.members[member];
                let definition = &rules.rules[rule];
                let hits = if definition.max_hits <= 1 {
                    1
                } else if budget.take(bytes, *threads) {
                    regex.find_iter(&value.text).take(definition.max_hits).count()
                } else {
                    // It hit; how many times is not counted.
                    budget.skip(rule);
                    1
                };
                let is_negative = matches!(definition.test, Test::Pattern { negate: true, .. });
                if !matched[rule] && !is_negative {
                    // Where it matched, when that work is left; else a finding without evidence.
                    let place = budget.take(bytes, *threads).then(|| regex.find(&value.text)).flatten();
                    evaluation.found[rule] = Some(found(message, value, place.map_or(0..0, |m| m.range())));
                }
                matched[rule] = true;
                let total = evaluation.hits[rule] + hits as f64;
                evaluation.hits[rule] = total.min(definition.max_hits as f64);
            }
        }
    }
    let mut negated_found: HashMap<&Source, Found> = HashMap::new();
    for (index, rule) in rules.rules.iter().enumerate() {
        if !active[index] {
            evaluation.hits[index] = 0.0;
            continue;
        }
        match &rule.test {
            Test::Pattern { group, member, negate, absent } => {
                let source = &rules.groups[*group].source;
                let present = values.get(source).is_some_and(|v| !v.is_empty());
                if !present {
                    if let WhenAbsent::Text(text) = absent {
                        // SpamAssassin matches an absent field as `undef` (the empty string) or its `if-unset` text.
                        let regex = &rules.groups[*group].members[*member].regex;
                        matched[index] = regex.is_match(text);
                        evaluation.hits[index] = f64::from(u8::from(matched[index]));
                    }
                }
                if *negate {
                    // A rule not run on every value may have matched where it did not run.
                    let fires = !matched[index] && !budget.was_skipped(index);
                    evaluation.hits[index] = f64::from(u8::from(fires));
                    if fires {
                        // Every such rule of a source quotes its first value whole: found
                        // once a source (3,200 of them on a 1.6 MB `full` had each
                        // decoded and kept it: 20 s, then out of wasm memory).
                        let quoted = negated_found.entry(source).or_insert_with(|| {
                            let first = values.get(source).and_then(|v| v.first());
                            first.map_or_else(Found::default, |v| found(message, v, 0..v.text.len()))
                        });
                        evaluation.found[index] = Some(quoted.clone());
                    }
                }
            }
            Test::Exists { field } => {
                // The first field that exists is where the finding points.
                let first = if super::sa_headers::SPECIAL_FIELDS.contains(&field.as_str()) {
                    super::sa_headers::values(message, field, true, None, super::targets::Occurrence::All)
                        .and_then(|value| value.place.field_at(0))
                } else {
                    message.header.fields.iter().position(|f| f.is(field))
                };
                evaluation.hits[index] = f64::from(u8::from(first.is_some()));
                if let Some(field) = first.and_then(|i| message.header.fields.get(i)) {
                    evaluation.found[index] = Some(Found {
                        text: String::new(),
                        part: None,
                        range: Some(field.start..field.end),
                        header: Some(field.name.clone()),
                    });
                }
            }
            Test::Meta(_) => {}
        }
    }
    // A meta reading a rule not run on all of the message (or such a meta) is not
    // evaluated: on partial counts it could fire where SpamAssassin does not
    // (`__HAS_HREF - __HAS_HREF_ONECASE > 0` on two counts stopped at different
    // places). It is listed with the rules the limit stopped.
    let mut incomplete = vec![false; count];
    for &rule in &budget.skipped {
        if let Some(flag) = incomplete.get_mut(rule) {
            *flag = true;
        }
    }
    let mut read: Vec<usize> = Vec::new();
    for &index in &rules.meta_order {
        if !active[index] {
            continue;
        }
        let Test::Meta(expr) = &rules.rules[index].test else {
            continue;
        };
        read.clear();
        expr.indices(&mut read);
        if read.iter().any(|&i| incomplete.get(i).copied().unwrap_or(false)) {
            incomplete[index] = true;
            evaluation.hits[index] = 0.0;
            // Once: each meta is visited once, and the patterns' skips hold no meta.
            budget.skip(index);
            continue;
        }
        let value = expr.eval(&|i| evaluation.hits.get(i).copied().unwrap_or(0.0));
        if value != 0.0 && !value.is_nan() {
            // SpamAssassin counts a meta's value as its hits (at least 1).
            evaluation.hits[index] = if value > 0.0 { value } else { 1.0 };
        }
    }
    evaluation.work = budget.spent();
    evaluation.refused = budget.refused();
    evaluation.unfinished = budget.skipped.into_iter().filter(|&rule| active[rule]).collect();
    evaluation.unfinished.sort_unstable();
    evaluation
}

/// Characters of a quoted text kept from each end: more than a finding shows
/// (`hygiene::visible` shows at most `MAX_PARAM_CHARS`, its two ends).
const QUOTED_END_CHARS: usize = 4 * MAX_PARAM_CHARS;

/// `text`, or when longer than `QUOTED_END_CHARS` twice, its first and last
/// `QUOTED_END_CHARS` characters around `…`: what `visible` shows of both is the
/// same, since it reads a text too long to show whole only from its ends, and a
/// finding keeps kilobytes, not the megabytes a rule on `full` may quote.
fn kept_ends(text: String) -> String {
    if text.len() <= 2 * QUOTED_END_CHARS {
        return text;
    }
    let head_end = text.char_indices().nth(QUOTED_END_CHARS).map_or(text.len(), |(at, _)| at);
    let tail_start = text.char_indices().rev().nth(QUOTED_END_CHARS - 1).map_or(0, |(at, _)| at);
    if tail_start <= head_end {
        return text;
    }
    format!("{}\u{2026}{}", &text[..head_end], &text[tail_start..])
}

/// The evidence of a match at `range` of `value`.
fn found(message: &Message, value: &Value, mut range: Range<usize>) -> Found {
    // A header value's final line break (SpamAssassin's, which `$` may take) is no evidence.
    if range.end == value.text.len() && range.end > range.start && value.text.ends_with(b"\n") {
        range.end -= 1;
    }
    // Bytes of the message as written (`full`, a body as is) are quoted in their
    // part's charset, as the engine's rules quote them (`Message::text_at`).
    let text = match value.place {
        Place::Raw(base) => message.text_at(base + range.start..base + range.end).into_owned(),
        _ => String::from_utf8_lossy(value.text.get(range.clone()).unwrap_or_default()).into_owned(),
    };
    let text = kept_ends(text);
    let header = value.place.field_at(range.start).and_then(|i| message.header.fields.get(i)).map(|f| f.name.clone());
    let (part, place_range) = locate(message, &value.place, &value.text, range);
    Found { text, part, range: place_range, header }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::hygiene::visible;
    use crate::rules::MAX_EVIDENCE_CHARS;

    /// A finding shows the same of a kept text as of the whole one, for texts
    /// of every kind of character around the cut.
    #[test]
    fn a_text_s_kept_ends_show_as_the_whole_text() {
        let pieces = ["a", " ", "é", "\u{202e}", "\u{0}", "😀", "\r\n", "\u{fffd}", "\t"];
        let mut cut = 0;
        crate::text::generated_texts(&pieces, 400, 6_000, |text| {
            let kept = kept_ends(text.to_string());
            cut += usize::from(kept.len() < text.len());
            assert!(kept.chars().count() <= 2 * QUOTED_END_CHARS + 1);
            for max in [MAX_PARAM_CHARS, MAX_EVIDENCE_CHARS] {
                assert_eq!(visible(&kept, max), visible(text, max), "{} bytes, shown in {max}", text.len());
            }
        });
        assert!(cut > 100, "{cut}");
    }
}
