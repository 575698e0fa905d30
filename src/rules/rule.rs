//! What a rule declares: everything a reader needs to know about it, in its
//! one file. The registry lists the declarations; the catalogue, the README's
//! rule table and the page's rules reference are generated from them.

use super::Context;
use crate::i18n::{Localized, RuleTexts};
use crate::model::Message;
use crate::report::Severity;
use crate::settings::{Evidence, Settings, Threshold};

/// The groups of rules, as in the rule ids.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Group {
    Size,
    Headers,
    Spam,
    Links,
    Attachment,
    Config,
    /// Who the message claims to be from (#16).
    Sender,
    /// DKIM signatures checked offline (#16).
    Dkim,
    /// Gmail's and Yahoo's bulk-sender requirements (#16).
    Bulk,
    /// What receivers do to the body: clipping, unrendered templates (#16).
    Body,
    /// Accessibility basics (#16).
    Accessibility,
}

impl Group {
    /// The group part of rule ids (`attachment/…`) and of threshold keys.
    pub fn name(self) -> &'static str {
        match self {
            Group::Size => "size",
            Group::Headers => "headers",
            Group::Spam => "spam",
            Group::Links => "links",
            Group::Attachment => "attachment",
            Group::Config => "config",
            Group::Sender => "sender",
            Group::Dkim => "dkim",
            Group::Bulk => "bulk",
            Group::Body => "body",
            Group::Accessibility => "accessibility",
        }
    }
    pub const ALL: [Group; 11] = [
        Group::Size,
        Group::Headers,
        Group::Spam,
        Group::Links,
        Group::Attachment,
        Group::Config,
        Group::Sender,
        Group::Dkim,
        Group::Bulk,
        Group::Body,
        Group::Accessibility,
    ];
}

/// The input of a documented example.
#[derive(Debug, Clone, Copy)]
pub enum ExampleInput {
    /// A raw RFC 5322 message (LF line ends are fine).
    Raw(&'static str),
    /// Compose fields as JSON (Nodemailer shape).
    Compose(&'static str),
    /// The four arguments of PHP `mail()`.
    PhpMail { to: &'static str, subject: &'static str, message: &'static str, headers: &'static str },
    /// A generated raw message, for inputs too large to write out (size rules)
    /// or binary (attachments); written with `generated!`.
    Generated(fn() -> Vec<u8>),
}

impl ExampleInput {
    /// The builder of every generated example in the wasm build, which never
    /// runs examples (`generated!`).
    #[cfg(target_arch = "wasm32")]
    pub fn not_built() -> Vec<u8> {
        Vec::new()
    }
}

/// `ExampleInput::Generated(builder)` in native builds, where the tests run the
/// examples. The wasm build never runs them (its pages show a generated
/// example's title), so there the builders and the sample files they make (the
/// attachment rules' archives, documents and programs) are left out: declare
/// builders under `#[cfg(not(target_arch = "wasm32"))]`.
#[cfg(not(target_arch = "wasm32"))]
#[macro_export]
macro_rules! generated {
    ($builder:path) => {
        $crate::rules::ExampleInput::Generated($builder)
    };
}

/// `ExampleInput::Generated` with an empty builder: the wasm build never runs examples.
#[cfg(target_arch = "wasm32")]
#[macro_export]
macro_rules! generated {
    ($builder:path) => {
        $crate::rules::ExampleInput::Generated($crate::rules::ExampleInput::not_built)
    };
}

/// What a documented example must produce for its rule: exactly `count`
/// findings, all of `severity` (the rule's default unless stated).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Expect {
    pub count: usize,
    /// `None`: the rule's default severity.
    pub severity: Option<Severity>,
}

/// A documented example. The tests run every one: a failing example must raise
/// exactly the findings it states, a passing one none of its rule.
#[derive(Debug, Clone, Copy)]
pub struct Example {
    /// What the example shows, in one line, in the four languages.
    pub title: Localized,
    pub input: ExampleInput,
    /// Options for this example, as JSON (thresholds, `now`, listed IPs, SMTP settings).
    pub options: Option<&'static str>,
    pub expect: Expect,
}

impl Example {
    /// An example that raises its rule once, at the rule's default severity.
    pub const fn fails(title: Localized, input: ExampleInput) -> Example {
        Example { title, input, options: None, expect: Expect { count: 1, severity: None } }
    }
    /// An example that does not raise its rule.
    pub const fn passes(title: Localized, input: ExampleInput) -> Example {
        Example { title, input, options: None, expect: Expect { count: 0, severity: None } }
    }
    pub const fn with_options(mut self, options: &'static str) -> Example {
        self.options = Some(options);
        self
    }
    /// The example raises its rule `count` times.
    pub const fn times(mut self, count: usize) -> Example {
        self.expect.count = count;
        self
    }
    /// The example's findings have this severity rather than the rule's default.
    pub const fn at(mut self, severity: Severity) -> Example {
        self.expect.severity = Some(severity);
        self
    }
    /// Whether the example raises its rule.
    pub const fn fails_rule(&self) -> bool {
        self.expect.count > 0
    }
}

/// A rule: one declaration carrying everything about it.
pub struct Rule {
    /// `group/name`, kebab-case, never renamed (the `ID` of the rule's `rule_texts!`).
    pub id: &'static str,
    pub group: Group,
    /// Default severity: `error` only where a refusal or block is known to
    /// happen, `warning` for a spam factor or a defect some receivers punish,
    /// `info` for a deviation no known receiver enforces (README "Severities").
    pub severity: Severity,
    /// Why the severity is what it is: guide lines, RFC sections, receivers' rules.
    pub evidence: &'static [Evidence],
    /// Spam points of each finding (0 for rules that are not spam factors);
    /// the values live in one table, `rules::scores`.
    pub score: f64,
    /// Summary, why, fix and every message, in en/fr/es/pl.
    pub texts: &'static RuleTexts,
    /// The tunables the rule reads, with defaults, ranges and sources.
    pub thresholds: &'static [&'static Threshold],
    /// Documented examples, at least one failing and one passing.
    pub examples: &'static [Example],
    pub check: Check,
}

/// What a rule reads.
#[derive(Clone, Copy)]
pub enum Check {
    /// The analysed message (and the settings, through the context).
    Message(fn(&Message, &mut Context)),
    /// The message's HTML documents alone (its HTML bodies and views, and what
    /// the analysis found in them): a message with none gives no finding, so
    /// the check is not called for it (nor compiled, in the wasm: V8 compiles a
    /// function at its first call, and a message's first lint compiled every
    /// rule, #14). `rules::tests` holds each such rule to it.
    Html(fn(&Message, &mut Context)),
    /// The message's DKIM-Signature fields alone (`identity.dkim`): not called
    /// for a message without one, as `Html`.
    Dkim(fn(&Message, &mut Context)),
    /// What the inspection of the attachments found (`attachment_facts`): not
    /// called for a message where it found nothing, as `Html`.
    Attachments(fn(&Message, &mut Context)),
    /// The links of the message (`reading::links`: those of its HTML documents
    /// and those written in its text bodies) alone: not called for a message
    /// with none, as `Html`.
    Links(fn(&Message, &mut Context)),
    /// The SMTP settings alone (`settings.smtp`): the `config/*` rules judge how
    /// a script sends, not what; not called when the settings give none.
    Settings(fn(&Settings, &mut Context)),
}

impl std::fmt::Debug for Rule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Rule").field("id", &self.id).finish()
    }
}
