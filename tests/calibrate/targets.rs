//! The numbers to reach of #11 ("Verdicts a sender can trust"), measured on a
//! labelled corpus. Printed, never asserted: they are goals for the rules and
//! weights, not properties of the code.

use crate::stats::{percent, PerLabel};
use std::collections::BTreeMap;

pub struct Target {
    pub name: &'static str,
    /// The measured value (percent, or the AUC itself); `None` when the corpus
    /// lacks the class it is measured on.
    pub value: Option<f64>,
    pub limit: f64,
    /// `true`: the value must be at most `limit`; `false`: at least.
    pub at_most: bool,
    pub unit: &'static str,
}

impl Target {
    pub fn met(&self) -> Option<bool> {
        self.value.map(|value| if self.at_most { value <= self.limit } else { value >= self.limit })
    }
}

pub fn targets(confusion: &BTreeMap<String, PerLabel>, totals: PerLabel, auc: Option<f64>) -> Vec<Target> {
    let count = |verdict: &str| confusion.get(verdict).copied().unwrap_or_default();
    let (warn, fail) = (count("warn"), count("fail"));
    let ham = |n: usize| (totals.ham > 0).then(|| percent(n, totals.ham));
    let spam = |n: usize| (totals.spam > 0).then(|| percent(n, totals.spam));
    vec![
        Target { name: "ham fail", value: ham(fail.ham), limit: 1.0, at_most: true, unit: "%" },
        Target { name: "ham warn", value: ham(warn.ham), limit: 12.0, at_most: true, unit: "%" },
        Target {
            name: "spam warn or fail",
            value: spam(warn.spam + fail.spam),
            limit: 85.0,
            at_most: false,
            unit: "%",
        },
        Target { name: "spam fail", value: spam(fail.spam), limit: 50.0, at_most: false, unit: "%" },
        Target { name: "ROC AUC of the score", value: auc, limit: 0.95, at_most: false, unit: "" },
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(rows: &[(&str, usize, usize)]) -> BTreeMap<String, PerLabel> {
        rows.iter().map(|(v, ham, spam)| (v.to_string(), PerLabel { ham: *ham, spam: *spam })).collect()
    }

    #[test]
    fn ham_fail_over_one_percent_misses_its_target() {
        let confusion = table(&[("pass", 97, 10), ("warn", 1, 10), ("fail", 2, 80)]);
        let all = targets(&confusion, PerLabel { ham: 100, spam: 100 }, Some(0.96));
        assert_eq!(all[0].met(), Some(false));
        assert_eq!(all.iter().skip(1).map(Target::met).collect::<Vec<_>>(), vec![Some(true); 4]);
    }

    #[test]
    fn a_target_on_a_class_the_corpus_lacks_is_neither_met_nor_missed() {
        let confusion = table(&[("fail", 0, 5)]);
        let all = targets(&confusion, PerLabel { ham: 0, spam: 5 }, None);
        assert_eq!(all[0].met(), None);
        assert_eq!(all[4].met(), None);
        assert_eq!(all[3].met(), Some(true));
    }
}
