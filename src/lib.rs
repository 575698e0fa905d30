//! mail-preflight: checks an outgoing e-mail before it is sent and tells the
//! sender what a shared-hosting mail pipeline will do with it.
//!
//! ```
//! use mail_preflight::{lint, Options};
//! let report = lint(b"From: a@example.com\r\nSubject: Hello\r\n\r\nHi there\r\n", &Options::default()).unwrap();
//! assert!(report.findings.iter().all(|f| f.rule_id != "size/total"));
//! ```
//!
//! The main line (`pipeline`): options → `Settings` (checked once) → input →
//! `model::Message::analyse` (everything rules read, computed once) → every rule
//! of `rules::REGISTRY` → `Report`.

pub mod base64;
pub mod custom;
pub mod dkim;
pub mod error;
pub mod fixes;
pub mod grammar;
pub mod hash;
pub mod hygiene;
pub mod i18n;
pub mod input;
pub mod inspect;
pub mod model;
pub mod options;
pub mod pipeline;
pub mod queue;
pub mod report;
pub mod rules;
pub mod settings;
pub mod smtp;
pub mod text;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use error::{LintError, NotAMessage, MAX_INPUT_BYTES};
pub use i18n::Locale;
pub use input::{Compose, PhpMail};
pub use options::Options;
pub use pipeline::docs::{messages, render_message, render_report, rule_docs, ExampleDoc, RuleDoc};
pub use pipeline::analysis::Analysis;
pub use pipeline::{lint, lint_compose, lint_php_mail, Linter, VERSION};
pub use queue::classify_for_queue;
pub use report::{Finding, Location, Report, Severity, Verdict};
pub use settings::Settings;
