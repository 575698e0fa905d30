//! Your own rules: `customRules` (patterns on a target of the message, in the
//! options) and `spamassassinRules` (the text of a SpamAssassin `.cf` file),
//! compiled once per options value (`pipeline::Linter`), run over the analysed
//! message after the engine's rules, their findings made like the others
//! (severity, score in the spam score, evidence with byte offsets, message in
//! the report's language).
//!
//! Patterns use the `regex` crate: matching takes time linear in the text,
//! whatever the pattern, so no rule can hang the engine (a backtracking
//! engine, JavaScript's `RegExp` among them, can take exponential time on
//! `(a*)*b`). What a pattern may cost in memory is bounded by `limits`.
//!
//! The crate is built without its `perf-*` features (no lazy DFA, no literal
//! prefilters): only the PikeVM runs, for the size of the wasm. Its cost,
//! measured with `cargo build --release --target wasm32-unknown-unknown` and
//! `gzip -9`, is in the README ("Your own rules").
//!
//! - `spec`: the JSON shape of a rule; `targets`, `sa_headers`, `paragraphs`, `text_links`: the values rules read;
//! - `perl`, `perl_class`: SpamAssassin's Perl patterns in `regex` syntax;
//! - `spamassassin`, `sa_conditions`, `sa_tags`: `.cf` files;
//! - `pattern`: compiling with limits; `prefilter`: the literals a pattern needs;
//! - `work`: what matching may cost on one message (`MAX_CUSTOM_RULE_WORK`);
//! - `meta`: meta expressions; `compile`, `compile_metas`: all of it, once;
//! - `cuts`: where the rules read only the beginning of a text;
//! - `run`: the rules over one message; `findings`: hits made findings;
//! - `check`, `json_spans`: the editor's check with positions; `problems`: what is wrong, in four languages.

pub mod check;
pub mod compile;
pub mod cuts;
mod compile_metas;
pub mod findings;
pub mod json_spans;
pub mod limits;
pub mod meta;
pub mod paragraphs;
pub mod pattern;
pub mod perl;
mod perl_class;
pub mod prefilter;
pub mod problems;
pub mod run;
pub mod sa_conditions;
mod sa_decode;
pub mod sa_file;
pub mod sa_headers;
pub mod sa_tags;
pub mod spamassassin;
pub mod spec;
pub mod targets;
pub mod work;
pub use crate::text::links as text_links;

pub use check::{check_custom_rules, CheckResult};
pub use compile::{CustomRules, LoadReport};
pub use limits::*;
pub use problems::{Problem, ProblemKind, ProblemReport};
pub use run::Evaluation;
pub use spec::{CustomRuleSpec, CustomSeverity, Expect, Texts};
pub use targets::Target;

use crate::error::LintError;
use crate::model::Message;
use crate::options::Options;
use crate::report::Finding;
use crate::settings::Settings;

/// Most problems listed in one `invalid-options` error; the count of the others follows.
const MAX_LISTED_PROBLEMS: usize = 10;

impl CustomRules {
    /// The custom rules of `options`; `invalid-options` naming each problem
    /// (rule, and position in its pattern), in the options' language.
    pub fn from_options(options: &Options) -> Result<CustomRules, LintError> {
        if options.custom_rules.is_empty() && options.spamassassin_rules.is_none() {
            return Ok(CustomRules::default());
        }
        CustomRules::compile(&options.custom_rules, options.spamassassin_rules.as_deref())
            .map_err(|problems| LintError::options(field_of(&problems), described(&problems)))
    }

    /// Every rule's hits on `message` (for measurements; `findings` for reports).
    pub fn evaluate(&self, message: &Message, settings: &Settings) -> Evaluation {
        run::evaluate(self, message, settings)
    }

    /// The findings of the rules that hit `message`.
    pub fn findings(&self, message: &Message, settings: &Settings) -> Vec<Finding> {
        if self.is_empty() {
            return Vec::new();
        }
        let evaluation = self.evaluate(message, settings);
        let mut out = findings::findings(self, &evaluation, message, settings);
        out.extend(findings::limit_findings(self, &evaluation, settings.locale));
        out
    }
}

/// The problems as messages of their own, said in the language the error is rendered in.
fn described(problems: &[Problem]) -> crate::error::What {
    crate::error::What::Problems {
        problems: problems.iter().take(MAX_LISTED_PROBLEMS).map(|p| p.msg().nested()).collect(),
        more: problems.len().saturating_sub(MAX_LISTED_PROBLEMS),
    }
}

/// The option the problems are in: `customRules` when one is in a rule of it,
/// else `spamassassinRules`.
fn field_of(problems: &[Problem]) -> &'static str {
    if problems.iter().any(|p| p.index.is_some()) {
        "customRules"
    } else {
        "spamassassinRules"
    }
}
