//! The calibration as text for people: tables that read like #11's targets.
//! Written into a `String` that `main` prints at once, so a closed pipe
//! (`make calibrate | head`) ends the output instead of a panic.

/// `writeln!` into the output text (writing to a `String` cannot fail).
macro_rules! say {
    ($out:expr) => {
        $out.push('\n')
    };
    ($out:expr, $($arg:tt)*) => {{
        use std::fmt::Write as _;
        let _ = writeln!($out, $($arg)*);
    }};
}

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

pub fn print_calibration(out: &mut String, run: &Run, samples: &[Sample]) {
    let totals = stats::totals(samples);
    say!(out, "mail-preflight {} — calibration (#11)", mail_preflight::VERSION);
    for dir in run.dirs {
        say!(out, "corpus: {}", dir.canonicalize().unwrap_or_else(|_| dir.clone()).display());
    }
    let folders: Vec<String> = run.folders().iter().map(|(f, n)| format!("{f} {n}")).collect();
    say!(
        out,
        "{} messages: {} ham, {} spam ({}); {} unlabelled file(s) skipped; linted in {:.2} s",
        samples.len(),
        totals.ham,
        totals.spam,
        folders.join(", "),
        run.unlabelled,
        run.seconds
    );
    say!(out, "spam score: the report's `{}` field", run.score_field);

    say!(out, "\nverdict          ham                spam");
    let confusion = stats::confusion(samples);
    for verdict in stats::VERDICTS {
        let counts = confusion.get(verdict).copied().unwrap_or_default();
        if verdict == "error" && counts.ham + counts.spam == 0 {
            continue;
        }
        say!(out, "{verdict:<8} {}   {}", cell(counts.ham, totals.ham), cell(counts.spam, totals.spam));
    }

    let scored: Vec<(f64, Label)> = samples.iter().map(|s| (s.score, s.label)).collect();
    let auc = stats::roc_auc(&scored);
    say!(
        out,
        "\nROC AUC of `{}`: {} (ties count 0.5)",
        run.score_field,
        auc.map_or("n/a".into(), |a| format!("{a:.4}"))
    );
    if let Some(t) = stats::threshold_for_ham_rate(&scored, MAX_HAM_FAIL_RATE) {
        say!(
            out,
            "lowest `{}` threshold with ham ≤ {:.0} %: ≥ {} → ham {:.1} %, spam {:.1} % at or above it",
            run.score_field,
            MAX_HAM_FAIL_RATE * 100.0,
            t.at_least,
            t.ham_rate * 100.0,
            t.spam_rate * 100.0
        );
    }

    print_rule_hits(out, &stats::rule_hits(samples), totals);

    say!(out, "\ntargets of #11");
    for target in targets(&confusion, totals, auc) {
        let value = match target.value {
            None => "n/a".to_string(),
            Some(v) if target.unit.is_empty() => format!("{v:.4}"),
            Some(v) => format!("{v:.1} {}", target.unit),
        };
        let unit = if target.unit.is_empty() { String::new() } else { format!(" {}", target.unit) };
        let limit = format!("{} {}{unit}", if target.at_most { "≤" } else { "≥" }, target.limit);
        let mark = match target.met() {
            Some(true) => "✓",
            Some(false) => "✗",
            None => "?",
        };
        say!(out, "  {mark} {:<22} {:>9}   (target {limit})", target.name, value);
    }
}

fn print_rule_hits(out: &mut String, hits: &BTreeMap<String, stats::RuleHits>, totals: PerLabel) {
    say!(out, "\nrule (messages hit; sub-rows: severity and message id)        ham                spam       spam÷ham");
    let mut rules: Vec<(&String, &stats::RuleHits)> = hits.iter().collect();
    rules
        .sort_by_key(|(id, h)| (std::cmp::Reverse(h.messages.ham), std::cmp::Reverse(h.messages.spam), id.to_string()));
    let ratio = |c: PerLabel| {
        // Smoothed likelihood ratio P(hit | spam) / P(hit | ham); > 1: the rule points at spam.
        let spam = (c.spam as f64 + 0.5) / (totals.spam as f64 + 1.0);
        let ham = (c.ham as f64 + 0.5) / (totals.ham as f64 + 1.0);
        spam / ham
    };
    for (id, h) in rules {
        let kinds = &h.by_kind;
        let only =
            if kinds.len() == 1 { kinds.keys().next().map(|k| k.split(' ').next().unwrap_or_default()) } else { None };
        let label = format!("{id}{}", only.map(|s| format!(" ({s})")).unwrap_or_default());
        say!(
            out,
            "{label:<60} {}   {}   {:>7.2}",
            cell(h.messages.ham, totals.ham),
            cell(h.messages.spam, totals.spam),
            ratio(h.messages)
        );
        if kinds.len() > 1 {
            for (kind, c) in kinds {
                say!(
                    out,
                    "    {kind:<56} {}   {}   {:>7.2}",
                    cell(c.ham, totals.ham),
                    cell(c.spam, totals.spam),
                    ratio(*c)
                );
            }
        }
    }
}

pub fn print_list(out: &mut String, samples: &[Sample], cell: &str, rule: Option<&str>) {
    let listed: Vec<&Sample> = samples.iter().filter(|s| in_cell(s, cell, rule)).collect();
    say!(out, "{} file(s) in {cell}{}", listed.len(), rule.map(|r| format!(" with {r}")).unwrap_or_default());
    // Which rules make this cell what it is: files with a warning or error of each.
    let mut by_rule: BTreeMap<&str, usize> = BTreeMap::new();
    for s in &listed {
        let rules: std::collections::BTreeSet<&str> =
            s.hits.iter().filter(|h| h.severity != "info").map(|h| h.rule.as_str()).collect();
        rules.into_iter().for_each(|r| *by_rule.entry(r).or_insert(0) += 1);
    }
    let mut by_rule: Vec<(&str, usize)> = by_rule.into_iter().collect();
    by_rule.sort_by_key(|(rule, files)| (std::cmp::Reverse(*files), *rule));
    for (rule, files) in by_rule {
        say!(out, "  {files:>5} file(s) with a warning or error of {rule}");
    }
    for s in listed {
        say!(out, "\n{}  {}  score {}", s.name, s.verdict, s.score);
        if let Some(error) = &s.error {
            say!(out, "  not linted: {error}");
        }
        for h in s.hits.iter().filter(|h| h.severity != "info") {
            say!(out, "  {:<7} {}  [{}]", h.severity, h.rule, h.message_id);
            say!(out, "          evidence: {}", h.evidence.replace('\n', "⏎"));
            say!(out, "          {}", h.message);
        }
        let infos: Vec<&str> = s.hits.iter().filter(|h| h.severity == "info").map(|h| h.rule.as_str()).collect();
        if !infos.is_empty() {
            say!(out, "  info    {}", infos.join(", "));
        }
    }
}

pub fn print_fit(out: &mut String, settings: &FitSettings, result: &FitResult) {
    say!(
        out,
        "\nweight fit: L2 logistic regression (λ = {}) of spam on {} features, {} messages, {}-fold stratified cross-validation (seed {})",
        settings.l2,
        settings.kind.as_str(),
        result.samples,
        settings.folds,
        settings.seed
    );
    let aucs: Vec<String> = result.fold_aucs.iter().map(|a| format!("{a:.4}")).collect();
    say!(
        out,
        "held-out ROC AUC: {} (pooled out-of-fold logits); per fold: {}",
        result.held_out_auc.map_or("n/a".into(), |a| format!("{a:.4}")),
        aucs.join(", ")
    );
    match &result.held_out_threshold {
        Some(t) => say!(
            out,
            "held-out threshold for ham ≤ {:.0} %: logit ≥ {:.3} → held out: ham {:.1} %, spam {:.1} % marked (= {SPAM_THRESHOLD_POINTS} points below)",
            settings.max_ham_rate * 100.0,
            t.at_least,
            t.ham_rate * 100.0,
            t.spam_rate * 100.0
        ),
        None => say!(out, "held-out threshold: n/a (one class only)"),
    }
    let threshold_above_intercept = result.held_out_threshold.as_ref().is_some_and(|t| t.at_least > result.intercept);
    if !threshold_above_intercept {
        // Σ points ≥ 5 cannot mark a message with no finding; this fit would.
        let commonest = result.features.iter().max_by_key(|f| f.ham);
        say!(
            out,
            "no points: the intercept ({:.3}) is not below the threshold, so a message with no finding would be marked. \
             A feature on nearly every message stands in for \"no finding\"{}; \
             try again with it off: --config with {{\"rules\": {{\"RULE\": \"off\"}}}}.",
            result.intercept,
            commonest.map(|f| format!(" (the commonest on ham: {}, {} messages)", f.name, f.ham)).unwrap_or_default()
        );
    } else {
        say!(
            out,
            "with the points below (fit on all messages), Σ ≥ {SPAM_THRESHOLD_POINTS}: ham {:.1} %, spam {:.1} % (in sample); intercept {:.3}",
            result.in_sample_ham_rate * 100.0,
            result.in_sample_spam_rate * 100.0,
            result.intercept
        );
    }
    say!(out, "\n{:<60} {:>8} {:>8} {:>6} {:>6}", "feature", "points", "log-odds", "ham", "spam");
    for f in &result.features {
        say!(out, "{:<60} {:>8} {:>+8.3} {:>6} {:>6}", f.name, points(f.points), f.weight, f.ham, f.spam);
    }
    say!(out, "(suggestions for the weight table; negative points: the finding is commoner on ham than on spam)");
}
