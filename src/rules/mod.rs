//! The rule engine. A rule is one file in the folder of its group, and that
//! file holds everything about it: its texts in en/fr/es/pl (`rule_texts!`),
//! its declaration (`Rule`: id, severity and the evidence for it, spam points,
//! thresholds, documented examples with the exact findings they raise) and one
//! check function, a pure function of the analysed message and the settings.

pub mod accessibility;
pub mod attachments;
pub mod body;
pub mod bulk;
pub mod config;
pub mod dkim;
pub mod headers;
pub mod links;
pub mod reading;
pub mod registry;
pub mod sender;
pub mod size;
pub mod spam;

mod context;
mod rule;
pub mod scores;

pub use context::{shorten, Context, Draft, MAX_EVIDENCE_CHARS, MAX_FINDINGS_PER_RULE};
pub use registry::{LABELS, REGISTRY};
pub use rule::{Check, Example, ExampleInput, Expect, Group, Rule};

use crate::model::Message;
use crate::report::Finding;
use crate::settings::Settings;

/// Runs every rule of the registry over the analysed message.
pub fn run_all(message: &Message, settings: &Settings) -> Vec<Finding> {
    let mut findings = Vec::new();
    for (_index, rule) in REGISTRY.iter().enumerate() {
        if let Some(mut cx) = Context::new(settings, rule, &mut findings, Some((&message.line_index, message.raw))) {
            #[cfg(feature = "rule-timing")]
            let started = timing::recording().then(std::time::Instant::now);
            match rule.check {
                Check::Message(check) => check(message, &mut cx),
                Check::Settings(check) => check(settings, &mut cx),
            }
            #[cfg(feature = "rule-timing")]
            if let Some(started) = started {
                timing::add(_index, started.elapsed());
            }
        }
    }
    findings
}

/// Time spent in each rule's check, for `make bench` (#14): the feature
/// `rule-timing` is on in the native bench build only (never in the wasm, whose
/// `Instant` does not exist), and records only between `start` and `stop` on the
/// calling thread. Work two rules share is charged to the first that asks for it
/// (the folded words of `spam/adult-terms` and `spam/sales-language`).
#[cfg(feature = "rule-timing")]
pub mod timing {
    use std::cell::RefCell;
    use std::time::Duration;

    thread_local! {
        static TOTALS: RefCell<Option<Vec<Duration>>> = const { RefCell::new(None) };
    }

    /// Starts recording on this thread, from zero (one total per `REGISTRY` entry).
    pub fn start() {
        TOTALS.with(|t| *t.borrow_mut() = Some(vec![Duration::ZERO; super::REGISTRY.len()]));
    }

    /// Stops recording; the totals, indexed like `REGISTRY` (empty when not started).
    pub fn stop() -> Vec<Duration> {
        TOTALS.with(|t| t.borrow_mut().take().unwrap_or_default())
    }

    pub(super) fn recording() -> bool {
        TOTALS.with(|t| t.borrow().is_some())
    }

    pub(super) fn add(index: usize, elapsed: Duration) {
        TOTALS.with(|t| {
            if let Some(total) = t.borrow_mut().as_mut().and_then(|totals| totals.get_mut(index)) {
                *total += elapsed;
            }
        });
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn records_only_between_start_and_stop() {
            let message = "From: a@example.com\nTo: b@example.com\nSubject: Hi\n\nHello\n";
            let _ = crate::lint(message.as_bytes(), &crate::Options::default());
            assert!(stop().is_empty(), "nothing is recorded before start");
            start();
            let _ = crate::lint(message.as_bytes(), &crate::Options::default());
            let totals = stop();
            assert_eq!(totals.len(), super::super::REGISTRY.len());
            let index = super::super::REGISTRY.iter().position(|r| r.id == "spam/adult-terms").unwrap();
            assert!(!totals[index].is_zero(), "a rule that ran has a time");
            assert!(stop().is_empty(), "stop ends the recording");
        }
    }
}

/// Runs the rules that read the settings alone (no message needed).
pub fn run_settings_rules(settings: &Settings) -> Vec<Finding> {
    let mut findings = Vec::new();
    for rule in REGISTRY {
        if let Check::Settings(check) = rule.check {
            if let Some(mut cx) = Context::new(settings, rule, &mut findings, None) {
                check(settings, &mut cx);
            }
        }
    }
    findings
}
