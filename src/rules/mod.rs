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
    for rule in REGISTRY {
        if let Some(mut cx) = Context::new(settings, rule, &mut findings, Some(&message.line_index)) {
            match rule.check {
                Check::Message(check) => check(message, &mut cx),
                Check::Settings(check) => check(settings, &mut cx),
            }
        }
    }
    findings
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
