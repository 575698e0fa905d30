//! Why the engine could not lint an input at all: a coded error, in the
//! reader's language. Findings describe a message; these describe an input
//! that is not one, or options that cannot be used.

use crate::i18n::{Locale, Msg};

mod invalid;
pub mod objects_only;
pub use invalid::{quoted, Expected, Found, Invalid, Subject, What, MAX_JSON_DEPTH, UNREADABLE_CONTENT, UNREADABLE_SOURCE};

/// Largest input the engine reads at all. Far above the 10 MB the host accepts,
/// so oversized messages still get a `size/total` finding; beyond it the input
/// is refused before anything is allocated for it.
pub const MAX_INPUT_BYTES: usize = 32 * 1024 * 1024;

/// Why the engine could not lint an input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LintError {
    /// The input is larger than `MAX_INPUT_BYTES`.
    InputTooLarge { size: usize, limit: usize },
    /// Options that cannot be used (unknown field or rule id, value out of range).
    InvalidOptions(Invalid),
    /// Compose fields or `mail()` arguments that do not make a message.
    InvalidInput(Invalid),
    /// The input is not an e-mail message (empty, or a file of another kind).
    NotAMessage(NotAMessage),
}

/// What the input looks like instead of a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotAMessage {
    /// Nothing but white space.
    Empty,
    /// A file of another kind, recognised by its first bytes (`PDF`, `ZIP`, …).
    File(&'static str),
    /// No header field (`Name: value`) where a message starts.
    NoHeader,
    /// Header fields, but after blank or white-space lines: a message starts
    /// with its header (RFC 5322 §2.1), so those fields would be read as body.
    BlankFirstLine,
}

impl LintError {
    /// The error in the reader's language.
    pub fn localized(&self, locale: Locale) -> String {
        self.message().render(locale)
    }
    /// The error as a message id and its parameters, to render in any language.
    pub fn message(&self) -> Msg {
        match self {
            LintError::InputTooLarge { size, limit } => Msg::new("core.error.input-too-large")
                .megabytes("size", *size as u64)
                .megabytes("limit", *limit as u64),
            LintError::InvalidOptions(invalid) => invalid.message(Subject::Options),
            LintError::InvalidInput(invalid) => invalid.message(Subject::Input),
            LintError::NotAMessage(NotAMessage::Empty) => Msg::new("core.error.not-a-message.empty"),
            LintError::NotAMessage(NotAMessage::File(kind)) => {
                Msg::new("core.error.not-a-message.file").text("kind", *kind)
            }
            LintError::NotAMessage(NotAMessage::NoHeader) => Msg::new("core.error.not-a-message.no-header"),
            LintError::NotAMessage(NotAMessage::BlankFirstLine) => {
                Msg::new("core.error.not-a-message.blank-first-line")
            }
        }
    }
    /// A stable machine-readable code.
    pub fn code(&self) -> &'static str {
        match self {
            LintError::InputTooLarge { .. } => "input-too-large",
            LintError::InvalidOptions(_) => "invalid-options",
            LintError::InvalidInput(_) => "invalid-input",
            LintError::NotAMessage(_) => "not-a-message",
        }
    }
}

impl LintError {
    /// Options that cannot be used: `what` is wrong at `path`.
    pub fn options(path: impl Into<String>, what: What) -> LintError {
        LintError::InvalidOptions(Invalid::new(path, what))
    }
    /// Compose fields that do not make a message: `what` is wrong at `path`.
    pub fn input(path: impl Into<String>, what: What) -> LintError {
        LintError::InvalidInput(Invalid::new(path, what))
    }
}

impl std::fmt::Display for LintError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.localized(Locale::En))
    }
}

impl std::error::Error for LintError {}
