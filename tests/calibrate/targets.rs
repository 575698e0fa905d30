//! The numbers to reach of #11 ("Verdicts a sender can trust"), measured on a
//! labelled corpus. Printed, never asserted: they are goals for the rules and
//! weights, not properties of the code.

use crate::stats::{percent, PerLabel};
use std::collections::BTreeMap;

pub struct Target {
    pub name: &'static str,
    /// The measured value (percent, or the AUC itself).
    pub value: f64,
    pub limit: f64,
    /// `true`: the value must be at most `limit`; `false`: at least.
    pub at_most: bool,
    pub unit: &'static str,
}

impl Target {
    pub fn met(&self) -> bool {
        if self.at_most {
            self.value <= self.limit
        } else {
            self.value >= self.limit
        }
    }
}

pub fn targets(confusion: &BTreeMap<String, PerLabel>, totals: PerLabel, auc: Option<f64>) -> Vec<Target> {
    let count = |verdict: &str| confusion.get(verdict).copied().unwrap_or_default();
    let (warn, fail) = (count("warn"), count("fail"));
    vec![
        Target { name: "ham fail", value: percent(fail.ham, totals.ham), limit: 1.0, at_most: true, unit: "%" },
        Target { name: "ham warn", value: percent(warn.ham, totals.ham), limit: 12.0, at_most: true, unit: "%" },
        Target {
            name: "spam warn or fail",
            value: percent(warn.spam + fail.spam, totals.spam),
            limit: 85.0,
            at_most: false,
            unit: "%",
        },
        Target { name: "spam fail", value: percent(fail.spam, totals.spam), limit: 50.0, at_most: false, unit: "%" },
        Target { name: "ROC AUC of the score", value: auc.unwrap_or(0.0), limit: 0.95, at_most: false, unit: "" },
    ]
}
