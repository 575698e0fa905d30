//! The calibration as one JSON object (`--json`), for tools: the same numbers
//! as the text, with counts and rates side by side.

use crate::corpus::Label;
use crate::fit::{FitResult, FitSettings, SPAM_THRESHOLD_POINTS};
use crate::measure::Sample;
use crate::stats::{self, percent, PerLabel};
use crate::targets::targets;
use crate::text::{in_cell, Run};
use crate::{Args, MAX_HAM_FAIL_RATE};
use serde_json::{json, Map, Value};

fn per_label(c: PerLabel, totals: PerLabel) -> Value {
    json!({
        "ham": c.ham, "spam": c.spam,
        "hamPercent": percent(c.ham, totals.ham), "spamPercent": percent(c.spam, totals.spam),
    })
}

fn fit_json(settings: &FitSettings, r: &FitResult) -> Value {
    json!({
        "features": settings.kind.as_str(),
        "folds": settings.folds,
        "seed": settings.seed,
        "l2": settings.l2,
        "heldOutAuc": r.held_out_auc,
        "foldAucs": r.fold_aucs,
        "heldOutThreshold": r.held_out_threshold.as_ref().map(|t| json!({
            "logit": t.at_least, "hamRate": t.ham_rate, "spamRate": t.spam_rate,
        })),
        "pointsThreshold": SPAM_THRESHOLD_POINTS,
        "intercept": r.intercept,
        "inSample": { "hamRate": r.in_sample_ham_rate, "spamRate": r.in_sample_spam_rate },
        "weights": r.features.iter().map(|f| json!({
            "feature": f.name, "points": f.points, "logOdds": f.weight, "ham": f.ham, "spam": f.spam,
        })).collect::<Vec<_>>(),
    })
}

pub fn calibration(run: &Run, samples: &[Sample], args: &Args, fitted: Option<(&FitSettings, &FitResult)>) -> Value {
    let totals = stats::totals(samples);
    let confusion = stats::confusion(samples);
    let scored: Vec<(f64, Label)> = samples.iter().map(|s| (s.score, s.label)).collect();
    let auc = stats::roc_auc(&scored);
    let rules: Vec<Value> = stats::rule_hits(samples)
        .iter()
        .map(|(id, h)| {
            let kinds: Map<String, Value> = h.by_kind.iter().map(|(k, c)| (k.clone(), per_label(*c, totals))).collect();
            json!({ "rule": id, "messages": per_label(h.messages, totals), "bySeverityAndMessage": kinds })
        })
        .collect();
    let mut out = json!({
        "engine": mail_preflight::VERSION,
        "corpus": run.dirs.iter().map(|d| d.display().to_string()).collect::<Vec<_>>(),
        "folders": run.folders(),
        "unlabelledSkipped": run.unlabelled,
        "seconds": run.seconds,
        "scoreField": run.score_field,
        "messages": { "ham": totals.ham, "spam": totals.spam },
        "confusion": confusion.iter().map(|(v, c)| (v.clone(), per_label(*c, totals))).collect::<Map<String, Value>>(),
        "auc": auc,
        "thresholdForHamRate": stats::threshold_for_ham_rate(&scored, MAX_HAM_FAIL_RATE).map(|t| json!({
            "maxHamRate": MAX_HAM_FAIL_RATE, "atLeast": t.at_least, "hamRate": t.ham_rate, "spamRate": t.spam_rate,
        })),
        "rules": rules,
        "targets": targets(&confusion, totals, auc).iter().map(|t| json!({
            "name": t.name, "value": t.value, "limit": t.limit,
            "comparison": if t.at_most { "<=" } else { ">=" }, "met": t.met(),
        })).collect::<Vec<_>>(),
    });
    if let Some((settings, result)) = fitted {
        out["fit"] = fit_json(settings, result);
    }
    if let Some(cell) = &args.list {
        out["list"] = samples
            .iter()
            .filter(|s| in_cell(s, cell, args.rule.as_deref()))
            .map(|s| {
                json!({
                    "file": s.name, "label": s.label.as_str(), "verdict": s.verdict, "score": s.score, "error": s.error,
                    "findings": s.hits.iter().map(|h| json!({
                        "ruleId": h.rule, "severity": h.severity, "messageId": h.message_id,
                        "message": h.message, "evidence": h.evidence,
                    })).collect::<Vec<_>>(),
                })
            })
            .collect();
    }
    out
}
