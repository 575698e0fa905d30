//! A cross-validated weight fit, for the integrator: L2-regularised logistic
//! regression of the label (spam = 1) on binary "the message has a finding of
//! this kind" features, fitted by Newton's method (IRLS), with stratified k-fold
//! cross-validation under a fixed seed. It prints suggestions; it never writes
//! a weight anywhere.
//!
//! Points are scaled SpamAssassin-style: the held-out logit threshold that keeps
//! ham at or under the target rate maps to 5.0 points, so `Σ points ≥ 5.0`
//! reproduces that decision with the weights of the fit on the whole corpus.

use crate::corpus::Label;
use crate::measure::{Hit, Sample};
use crate::stats::{roc_auc, threshold_for_ham_rate, Threshold};
use std::collections::BTreeMap;

/// SpamAssassin's `required_score` default; the points are scaled to it.
pub const SPAM_THRESHOLD_POINTS: f64 = 5.0;

/// What one feature is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FeatureKind {
    /// The rule id.
    Rule,
    /// The rule id and the finding's severity.
    Severity,
    /// The finding's message id (one rule can have several).
    Message,
}

impl FeatureKind {
    pub fn parse(text: &str) -> Option<FeatureKind> {
        match text {
            "rule" => Some(FeatureKind::Rule),
            "severity" => Some(FeatureKind::Severity),
            "message" => Some(FeatureKind::Message),
            _ => None,
        }
    }
    pub fn as_str(self) -> &'static str {
        match self {
            FeatureKind::Rule => "rule",
            FeatureKind::Severity => "severity",
            FeatureKind::Message => "message",
        }
    }
    fn key(self, hit: &Hit) -> String {
        match self {
            FeatureKind::Rule => hit.rule.clone(),
            FeatureKind::Severity => format!("{} ({})", hit.rule, hit.severity),
            FeatureKind::Message => hit.message_id.clone(),
        }
    }
}

pub struct FitSettings {
    pub kind: FeatureKind,
    pub folds: usize,
    pub seed: u64,
    /// L2 penalty on the feature weights (not on the intercept).
    pub l2: f64,
    /// Largest share of ham allowed at or above the threshold (0.01 = #11's 1 %).
    pub max_ham_rate: f64,
}

pub struct Feature {
    pub name: String,
    pub ham: usize,
    pub spam: usize,
    /// Log-odds weight of the fit on the whole corpus.
    pub weight: f64,
    /// `weight` scaled so the held-out threshold is 5.0 points (None when the
    /// threshold does not lie above the intercept).
    pub points: Option<f64>,
}

pub struct FitResult {
    pub samples: usize,
    pub fold_aucs: Vec<f64>,
    /// AUC of the out-of-fold logits, pooled over the folds.
    pub held_out_auc: Option<f64>,
    /// On the pooled out-of-fold logits.
    pub held_out_threshold: Option<Threshold>,
    pub intercept: f64,
    pub features: Vec<Feature>,
    /// Whole corpus, fitted points: share of ham and of spam at ≥ 5.0.
    pub in_sample_ham_rate: f64,
    pub in_sample_spam_rate: f64,
}

/// A message as features: indices of the features it has, and its label.
struct Row {
    active: Vec<usize>,
    spam: bool,
}

fn sigmoid(z: f64) -> f64 {
    1.0 / (1.0 + (-z).exp())
}

fn logit(beta: &[f64], active: &[usize]) -> f64 {
    beta[0] + active.iter().map(|j| beta[j + 1]).sum::<f64>()
}

/// Solves `a x = b` for a symmetric positive-definite `a` (Cholesky); `None`
/// when `a` is not positive definite.
fn solve_spd(mut a: Vec<Vec<f64>>, mut b: Vec<f64>) -> Option<Vec<f64>> {
    let n = b.len();
    for j in 0..n {
        let diag = a[j][j] - (0..j).map(|k| a[j][k] * a[j][k]).sum::<f64>();
        if diag <= 0.0 || !diag.is_finite() {
            return None;
        }
        a[j][j] = diag.sqrt();
        for i in j + 1..n {
            let dot: f64 = (0..j).map(|k| a[i][k] * a[j][k]).sum();
            a[i][j] = (a[i][j] - dot) / a[j][j];
        }
    }
    for i in 0..n {
        b[i] = (b[i] - (0..i).map(|k| a[i][k] * b[k]).sum::<f64>()) / a[i][i];
    }
    for i in (0..n).rev() {
        b[i] = (b[i] - (i + 1..n).map(|k| a[k][i] * b[k]).sum::<f64>()) / a[i][i];
    }
    Some(b)
}

/// Newton's method on the penalised log-likelihood; returns [intercept, weights…].
fn fit_logistic(rows: &[&Row], features: usize, l2: f64) -> Vec<f64> {
    let d = features + 1;
    let mut beta = vec![0.0; d];
    for _ in 0..100 {
        let mut gradient = vec![0.0; d];
        let mut hessian = vec![vec![0.0; d]; d];
        for row in rows {
            let p = sigmoid(logit(&beta, &row.active));
            let residual = p - if row.spam { 1.0 } else { 0.0 };
            let curvature = (p * (1.0 - p)).max(1e-12);
            let columns: Vec<usize> = std::iter::once(0).chain(row.active.iter().map(|j| j + 1)).collect();
            for &a in &columns {
                gradient[a] += residual;
                for &b in &columns {
                    hessian[a][b] += curvature;
                }
            }
        }
        for j in 1..d {
            gradient[j] += l2 * beta[j];
            hessian[j][j] += l2;
        }
        hessian[0][0] += 1e-9;
        let Some(step) = solve_spd(hessian, gradient) else { break };
        let largest = step.iter().fold(0.0f64, |m, s| m.max(s.abs()));
        beta.iter_mut().zip(&step).for_each(|(b, s)| *b -= s);
        if largest < 1e-9 {
            break;
        }
    }
    beta
}

/// splitmix64: a fixed, dependency-free sequence for the fold assignment.
fn next_random(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// Fold of each row: each label shuffled apart (Fisher–Yates) and dealt round
/// the folds, so every fold has the corpus's share of spam.
fn stratified_folds(labels: &[bool], folds: usize, seed: u64) -> Vec<usize> {
    let mut state = seed;
    let mut fold_of = vec![0; labels.len()];
    for class in [false, true] {
        let mut members: Vec<usize> = (0..labels.len()).filter(|&i| labels[i] == class).collect();
        for i in (1..members.len()).rev() {
            let j = (next_random(&mut state) % (i as u64 + 1)) as usize;
            members.swap(i, j);
        }
        for (position, &row) in members.iter().enumerate() {
            fold_of[row] = position % folds;
        }
    }
    fold_of
}

pub fn cross_validated_fit(samples: &[Sample], settings: &FitSettings) -> FitResult {
    let mut index: BTreeMap<String, usize> = BTreeMap::new();
    for hit in samples.iter().flat_map(|s| &s.hits) {
        let next = index.len();
        index.entry(settings.kind.key(hit)).or_insert(next);
    }
    let rows: Vec<Row> = samples
        .iter()
        .map(|s| {
            let mut active: Vec<usize> = s.hits.iter().map(|h| index[&settings.kind.key(h)]).collect();
            active.sort_unstable();
            active.dedup();
            Row { active, spam: s.label == Label::Spam }
        })
        .collect();
    let labels: Vec<bool> = rows.iter().map(|r| r.spam).collect();
    let label_of = |spam: bool| if spam { Label::Spam } else { Label::Ham };
    let folds = settings.folds.max(2);
    let fold_of = stratified_folds(&labels, folds, settings.seed);

    let mut held_out = vec![0.0; rows.len()];
    let mut fold_aucs = Vec::new();
    for fold in 0..folds {
        let train: Vec<&Row> = rows.iter().zip(&fold_of).filter(|(_, f)| **f != fold).map(|(r, _)| r).collect();
        let beta = fit_logistic(&train, index.len(), settings.l2);
        let mut scored = Vec::new();
        for (i, row) in rows.iter().enumerate().filter(|(i, _)| fold_of[*i] == fold) {
            held_out[i] = logit(&beta, &row.active);
            scored.push((held_out[i], label_of(row.spam)));
        }
        fold_aucs.extend(roc_auc(&scored));
    }
    let pooled: Vec<(f64, Label)> = held_out.iter().zip(&rows).map(|(z, r)| (*z, label_of(r.spam))).collect();
    let held_out_threshold = threshold_for_ham_rate(&pooled, settings.max_ham_rate);

    let all: Vec<&Row> = rows.iter().collect();
    let beta = fit_logistic(&all, index.len(), settings.l2);
    let intercept = beta[0];
    // Points: 5.0 × w / (t − b), so Σ points ≥ 5 ⇔ b + Σ w ≥ t.
    let scale = held_out_threshold
        .as_ref()
        .map(|t| t.at_least - intercept)
        .filter(|span| *span > 0.0)
        .map(|span| SPAM_THRESHOLD_POINTS / span);
    let mut features: Vec<Feature> = index
        .iter()
        .map(|(name, &j)| Feature {
            name: name.clone(),
            ham: rows.iter().filter(|r| !r.spam && r.active.contains(&j)).count(),
            spam: rows.iter().filter(|r| r.spam && r.active.contains(&j)).count(),
            weight: beta[j + 1],
            points: scale.map(|s| s * beta[j + 1]),
        })
        .collect();
    features.sort_by(|a, b| b.weight.total_cmp(&a.weight));

    let rate = |spam: bool| {
        let Some(scale) = scale else { return 0.0 };
        let class: Vec<&Row> = rows.iter().filter(|r| r.spam == spam).collect();
        let marked = class
            .iter()
            .filter(|r| r.active.iter().map(|j| scale * beta[j + 1]).sum::<f64>() >= SPAM_THRESHOLD_POINTS - 1e-9)
            .count();
        marked as f64 / class.len().max(1) as f64
    };
    FitResult {
        samples: rows.len(),
        fold_aucs,
        held_out_auc: roc_auc(&pooled),
        held_out_threshold,
        intercept,
        features,
        in_sample_ham_rate: rate(false),
        in_sample_spam_rate: rate(true),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(active: &[usize], spam: bool) -> Row {
        Row { active: active.to_vec(), spam }
    }

    #[test]
    fn a_feature_seen_only_on_spam_gets_a_positive_weight_and_one_seen_only_on_ham_a_negative_one() {
        let rows: Vec<Row> =
            (0..20).map(|i| row(&[0], i % 4 != 0)).chain((0..20).map(|i| row(&[1], i % 4 == 0))).collect();
        let refs: Vec<&Row> = rows.iter().collect();
        let beta = fit_logistic(&refs, 2, 1.0);
        assert!(beta[1] > 0.5, "spam feature weight {}", beta[1]);
        assert!(beta[2] < -0.5, "ham feature weight {}", beta[2]);
    }

    #[test]
    fn a_stronger_penalty_gives_smaller_weights() {
        let rows: Vec<Row> = (0..30).map(|i| row(&[0], i % 3 != 0)).chain((0..30).map(|_| row(&[], false))).collect();
        let refs: Vec<&Row> = rows.iter().collect();
        assert!(fit_logistic(&refs, 1, 10.0)[1] < fit_logistic(&refs, 1, 0.1)[1]);
    }

    #[test]
    fn every_fold_gets_its_share_of_each_label_and_the_same_seed_gives_the_same_folds() {
        let labels: Vec<bool> = (0..50).map(|i| i < 20).collect();
        let folds = stratified_folds(&labels, 5, 7);
        for fold in 0..5 {
            let spam = (0..50).filter(|&i| folds[i] == fold && labels[i]).count();
            let ham = (0..50).filter(|&i| folds[i] == fold && !labels[i]).count();
            assert_eq!((spam, ham), (4, 6));
        }
        assert_eq!(folds, stratified_folds(&labels, 5, 7));
    }

    #[test]
    fn cholesky_solves_a_small_system() {
        let x = solve_spd(vec![vec![4.0, 2.0], vec![2.0, 3.0]], vec![2.0, 5.0]).unwrap();
        assert!((x[0] + 0.5).abs() < 1e-12 && (x[1] - 2.0).abs() < 1e-12, "{x:?}");
    }
}
