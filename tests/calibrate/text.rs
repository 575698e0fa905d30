//! The calibration as text for people: tables that read like #11's targets.

use crate::corpus::{Label, LabelledFile};
use crate::fit::{FitResult, FitSettings, SPAM_THRESHOLD_POINTS};
use crate::measure::Sample;
use crate::stats::{self, percent, PerLabel};
use crate::targets::targets;
use crate::MAX_HAM_FAIL_RATE;
use std::collections::BTreeMap;
use std::path::PathBuf;

/// What was run, for the heading.
pub struct Run<'a> {
    pub dirs: &'a [PathBuf],
    pub files: &'a [LabelledFile],
    pub unlabelled: usize,
    pub score_field: &'static str,
    pub seconds: f64,
}

impl Run<'_> {
    /// Messages per labelled folder, in name order.
    pub fn folders(&self) -> BTreeMap<&str, usize> {
        let mut folders = BTreeMap::new();
        self.files.iter().for_each(|f| *folders.entry(f.folder.as_str()).or_insert(0) += 1);
        folders
    }
}

/// Whether `sample` belongs to `cell` (`ham`, `spam-fail`, …) and, with a
/// rule, has a finding of it.
pub fn in_cell(sample: &Sample, cell: &str, rule: Option<&str>) -> bool {
    let (label, verdict) = cell.split_once('-').unwrap_or((cell, ""));
    Label::of_folder(label) == Some(sample.label)
        && (verdict.is_empty() || sample.verdict == verdict)
        && rule.is_none_or(|r| sample.hits.iter().any(|h| h.rule == r))
}

fn cell(count: usize, total: usize) -> String {
    format!("{count:>5} ({:>5.1} %)", percent(count, total))
}

/// `5 × w / (t − b)` points (or `n/a`).
fn points(value: Option<f64>) -> String {
    value.map_or("n/a".to_string(), |p| format!("{p:+.2}"))
}

pub fn print_calibration(run: &Run, samples: &[Sample]) {
    let totals = stats::totals(samples);
    println!("mail-preflight {} — calibration (#11)", mail_preflight::VERSION);
    for dir in run.dirs {
        println!("corpus: {}", dir.display());
    }
    let folders: Vec<String> = run.folders().iter().map(|(f, n)| format!("{f} {n}")).collect();
    println!(
        "{} messages: {} ham, {} spam ({}); {} unlabelled file(s) skipped; linted in {:.2} s",
        samples.len(),
        totals.ham,
        totals.spam,
        folders.join(", "),
        run.unlabelled,
        run.seconds
    );
    println!("spam score: the report's `{}` field", run.score_field);

    println!("\nverdict          ham                spam");
    let confusion = stats::confusion(samples);
    for verdict in stats::VERDICTS {
        let counts = confusion.get(verdict).copied().unwrap_or_default();
        if verdict == "error" && counts.ham + counts.spam == 0 {
            continue;
        }
        println!("{verdict:<8} {}   {}", cell(counts.ham, totals.ham), cell(counts.spam, totals.spam));
    }

    let scored: Vec<(f64, Label)> = samples.iter().map(|s| (s.score, s.label)).collect();
    let auc = stats::roc_auc(&scored);
    println!("\nROC AUC of `{}`: {} (ties count 0.5)", run.score_field, auc.map_or("n/a".into(), |a| format!("{a:.4}")));
    if let Some(t) = stats::threshold_for_ham_rate(&scored, MAX_HAM_FAIL_RATE) {
        println!(
            "lowest `{}` threshold with ham ≤ {:.0} %: ≥ {} → ham {:.1} %, spam {:.1} % at or above it",
            run.score_field,
            MAX_HAM_FAIL_RATE * 100.0,
            t.at_least,
            t.ham_rate * 100.0,
            t.spam_rate * 100.0
        );
    }

    print_rule_hits(&stats::rule_hits(samples), totals);

    println!("\ntargets of #11");
    for target in targets(&confusion, totals, auc) {
        let value =
            if target.unit.is_empty() { format!("{:.4}", target.value) } else { format!("{:.1} {}", target.value, target.unit) };
        let limit = format!("{} {} {}", if target.at_most { "≤" } else { "≥" }, target.limit, target.unit);
        println!("  {} {:<22} {:>9}   (target {limit})", if target.met() { "✓" } else { "✗" }, target.name, value);
    }
}

fn print_rule_hits(hits: &BTreeMap<String, stats::RuleHits>, totals: PerLabel) {
    println!("\nrule (messages hit; sub-rows: severity and message id)        ham                spam       spam÷ham");
    let mut rules: Vec<(&String, &stats::RuleHits)> = hits.iter().collect();
    rules.sort_by_key(|(id, h)| (std::cmp::Reverse(h.messages.ham), std::cmp::Reverse(h.messages.spam), id.to_string()));
    let ratio = |c: PerLabel| {
        // Smoothed likelihood ratio P(hit | spam) / P(hit | ham); > 1: the rule points at spam.
        let spam = (c.spam as f64 + 0.5) / (totals.spam as f64 + 1.0);
        let ham = (c.ham as f64 + 0.5) / (totals.ham as f64 + 1.0);
        spam / ham
    };
    for (id, h) in rules {
        let kinds = &h.by_kind;
        let only = if kinds.len() == 1 { kinds.keys().next().map(|k| k.split(' ').next().unwrap_or_default()) } else { None };
        let label = format!("{id}{}", only.map(|s| format!(" ({s})")).unwrap_or_default());
        println!(
            "{label:<60} {}   {}   {:>7.2}",
            cell(h.messages.ham, totals.ham),
            cell(h.messages.spam, totals.spam),
            ratio(h.messages)
        );
        if kinds.len() > 1 {
            for (kind, c) in kinds {
                println!("    {kind:<56} {}   {}   {:>7.2}", cell(c.ham, totals.ham), cell(c.spam, totals.spam), ratio(*c));
            }
        }
    }
}

pub fn print_list(samples: &[Sample], cell: &str, rule: Option<&str>) {
    let listed: Vec<&Sample> = samples.iter().filter(|s| in_cell(s, cell, rule)).collect();
    println!("{} file(s) in {cell}{}", listed.len(), rule.map(|r| format!(" with {r}")).unwrap_or_default());
    for s in listed {
        println!("\n{}  {}  score {}", s.name, s.verdict, s.score);
        if let Some(error) = &s.error {
            println!("  not linted: {error}");
        }
        for h in s.hits.iter().filter(|h| h.severity != "info") {
            println!("  {:<7} {}  [{}]", h.severity, h.rule, h.message_id);
            println!("          evidence: {}", h.evidence.replace('\n', "⏎"));
            println!("          {}", h.message);
        }
        let infos: Vec<&str> = s.hits.iter().filter(|h| h.severity == "info").map(|h| h.rule.as_str()).collect();
        if !infos.is_empty() {
            println!("  info    {}", infos.join(", "));
        }
    }
}

pub fn print_fit(settings: &FitSettings, result: &FitResult) {
    println!(
        "\nweight fit: L2 logistic regression (λ = {}) of spam on {} features, {} messages, {}-fold stratified cross-validation (seed {})",
        settings.l2,
        settings.kind.as_str(),
        result.samples,
        settings.folds,
        settings.seed
    );
    let aucs: Vec<String> = result.fold_aucs.iter().map(|a| format!("{a:.4}")).collect();
    println!(
        "held-out ROC AUC: {} (pooled out-of-fold logits); per fold: {}",
        result.held_out_auc.map_or("n/a".into(), |a| format!("{a:.4}")),
        aucs.join(", ")
    );
    match &result.held_out_threshold {
        Some(t) => println!(
            "held-out threshold for ham ≤ {:.0} %: logit ≥ {:.3} → held out: ham {:.1} %, spam {:.1} % marked (= {SPAM_THRESHOLD_POINTS} points below)",
            settings.max_ham_rate * 100.0,
            t.at_least,
            t.ham_rate * 100.0,
            t.spam_rate * 100.0
        ),
        None => println!("held-out threshold: n/a (one class only)"),
    }
    let threshold_above_intercept = result.held_out_threshold.as_ref().is_some_and(|t| t.at_least > result.intercept);
    if !threshold_above_intercept {
        // Σ points ≥ 5 cannot mark a message with no finding; this fit would.
        let commonest = result.features.iter().max_by_key(|f| f.ham);
        println!(
            "no points: the intercept ({:.3}) is not below the threshold, so a message with no finding would be marked. \
             A feature on nearly every message stands in for \"no finding\"{}; \
             try again with it off: --config with {{\"rules\": {{\"RULE\": \"off\"}}}}.",
            result.intercept,
            commonest.map(|f| format!(" (the commonest on ham: {}, {} messages)", f.name, f.ham)).unwrap_or_default()
        );
    }
    println!(
        "with the points below (fit on all messages), Σ ≥ {SPAM_THRESHOLD_POINTS}: ham {:.1} %, spam {:.1} % (in sample); intercept {:.3}",
        result.in_sample_ham_rate * 100.0,
        result.in_sample_spam_rate * 100.0,
        result.intercept
    );
    println!("\n{:<60} {:>8} {:>8} {:>6} {:>6}", "feature", "points", "log-odds", "ham", "spam");
    for f in &result.features {
        println!("{:<60} {:>8} {:>+8.3} {:>6} {:>6}", f.name, points(f.points), f.weight, f.ham, f.spam);
    }
    println!("(suggestions for the weight table; negative points: the finding is commoner on ham than on spam)");
}
