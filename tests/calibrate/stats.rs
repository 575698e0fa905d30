//! The numbers of #11: verdicts by label, the ROC AUC of the score, the rules'
//! hits on ham and on spam, and the lowest score threshold that keeps ham under
//! a given rate.

use crate::corpus::Label;
use crate::measure::Sample;
use std::collections::{BTreeMap, BTreeSet};

pub const VERDICTS: [&str; 4] = ["pass", "warn", "fail", "error"];

/// Counts of messages per label.
#[derive(Default, Clone, Copy)]
pub struct PerLabel {
    pub ham: usize,
    pub spam: usize,
}

impl PerLabel {
    pub fn add(&mut self, label: Label) {
        match label {
            Label::Ham => self.ham += 1,
            Label::Spam => self.spam += 1,
        }
    }
}

/// Share of `part` in `whole`, in percent (0 for an empty whole).
pub fn percent(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        100.0 * part as f64 / whole as f64
    }
}

/// Messages per label.
pub fn totals(samples: &[Sample]) -> PerLabel {
    let mut totals = PerLabel::default();
    samples.iter().for_each(|s| totals.add(s.label));
    totals
}

/// Verdict → messages per label.
pub fn confusion(samples: &[Sample]) -> BTreeMap<String, PerLabel> {
    let mut table: BTreeMap<String, PerLabel> = VERDICTS.iter().map(|v| (v.to_string(), PerLabel::default())).collect();
    for s in samples {
        table.entry(s.verdict.clone()).or_default().add(s.label);
    }
    table
}

/// ROC AUC of `scores` (higher = more spam-like) against the labels: the
/// probability that a random spam scores above a random ham, ties counting 0.5
/// (Mann–Whitney U with mid-ranks). `None` without both classes.
pub fn roc_auc(scored: &[(f64, Label)]) -> Option<f64> {
    let spam = scored.iter().filter(|(_, l)| *l == Label::Spam).count();
    let ham = scored.len() - spam;
    if spam == 0 || ham == 0 {
        return None;
    }
    let mut sorted: Vec<(f64, Label)> = scored.to_vec();
    sorted.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut spam_rank_sum = 0.0;
    let mut i = 0;
    while i < sorted.len() {
        let mut j = i;
        while j < sorted.len() && sorted[j].0 == sorted[i].0 {
            j += 1;
        }
        // Ranks i+1 ..= j share their mean.
        let mid_rank = (i + 1 + j) as f64 / 2.0;
        spam_rank_sum += mid_rank * sorted[i..j].iter().filter(|(_, l)| *l == Label::Spam).count() as f64;
        i = j;
    }
    let u = spam_rank_sum - (spam * (spam + 1)) as f64 / 2.0;
    Some(u / (spam as f64 * ham as f64))
}

/// The lowest threshold `t` such that at most `max_ham_rate` of ham scores
/// `≥ t`, with the share of ham and of spam at or above it.
pub struct Threshold {
    pub at_least: f64,
    pub ham_rate: f64,
    pub spam_rate: f64,
}

pub fn threshold_for_ham_rate(scored: &[(f64, Label)], max_ham_rate: f64) -> Option<Threshold> {
    let ham: Vec<f64> = scored.iter().filter(|(_, l)| *l == Label::Ham).map(|(s, _)| *s).collect();
    let spam: Vec<f64> = scored.iter().filter(|(_, l)| *l == Label::Spam).map(|(s, _)| *s).collect();
    if ham.is_empty() || spam.is_empty() {
        return None;
    }
    let rate = |scores: &[f64], t: f64| scores.iter().filter(|s| **s >= t).count() as f64 / scores.len() as f64;
    let mut candidates: Vec<f64> = scored.iter().map(|(s, _)| *s).collect();
    candidates.sort_by(f64::total_cmp);
    candidates.dedup();
    // Above every score: nothing is marked, which always meets the rate.
    let above_all = candidates.last().copied().unwrap_or(0.0) + 1.0;
    candidates.push(above_all);
    candidates.into_iter().find(|t| rate(&ham, *t) <= max_ham_rate).map(|t| Threshold {
        at_least: t,
        ham_rate: rate(&ham, t),
        spam_rate: rate(&spam, t),
    })
}

/// Hits of one rule (or one rule + severity + message id), in messages.
#[derive(Default)]
pub struct RuleHits {
    pub messages: PerLabel,
    /// `severity messageId` → messages, for rules with several.
    pub by_kind: BTreeMap<String, PerLabel>,
}

/// Rule id → messages it hit, per label (a message counts once per rule and
/// once per kind, however many findings it has).
pub fn rule_hits(samples: &[Sample]) -> BTreeMap<String, RuleHits> {
    let mut table: BTreeMap<String, RuleHits> = BTreeMap::new();
    for s in samples {
        let rules: BTreeSet<&str> = s.hits.iter().map(|h| h.rule.as_str()).collect();
        let kinds: BTreeSet<(&str, String)> =
            s.hits.iter().map(|h| (h.rule.as_str(), format!("{} {}", h.severity, h.message_id))).collect();
        for rule in rules {
            table.entry(rule.to_string()).or_default().messages.add(s.label);
        }
        for (rule, kind) in kinds {
            table.entry(rule.to_string()).or_default().by_kind.entry(kind).or_default().add(s.label);
        }
    }
    table
}

#[cfg(test)]
mod tests {
    use super::*;
    use Label::{Ham, Spam};

    #[test]
    fn auc_is_one_when_every_spam_scores_above_every_ham() {
        assert_eq!(roc_auc(&[(0.0, Ham), (1.0, Ham), (2.0, Spam), (5.0, Spam)]), Some(1.0));
    }

    #[test]
    fn auc_counts_a_tie_between_spam_and_ham_as_one_half() {
        assert_eq!(roc_auc(&[(3.0, Ham), (3.0, Spam)]), Some(0.5));
        // pairs: (s=2 vs h=1) 1, (s=2 vs h=2) 0.5, (s=0 vs h=1) 0, (s=0 vs h=2) 0 → 1.5 / 4
        assert_eq!(roc_auc(&[(1.0, Ham), (2.0, Ham), (2.0, Spam), (0.0, Spam)]), Some(0.375));
    }

    #[test]
    fn auc_needs_both_classes() {
        assert_eq!(roc_auc(&[(1.0, Ham)]), None);
    }

    #[test]
    fn threshold_is_the_lowest_score_that_keeps_ham_under_the_rate() {
        let scored: Vec<(f64, Label)> =
            (0..100).map(|i| (i as f64, Ham)).chain((0..10).map(|i| (95.0 + i as f64, Spam))).collect();
        let t = threshold_for_ham_rate(&scored, 0.01).unwrap();
        assert_eq!(t.at_least, 99.0);
        assert_eq!(t.ham_rate, 0.01);
        assert_eq!(t.spam_rate, 0.6);
    }
}
