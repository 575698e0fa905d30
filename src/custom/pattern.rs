//! Patterns compiled with the `regex` crate, within named limits, and the
//! position of a pattern's error. Matching is on bytes (`regex::bytes`):
//! `customRules` patterns in Unicode mode, SpamAssassin's with Unicode off
//! (Perl's byte semantics, see `perl`).

use super::limits::{
    MAX_COMPILED_PATTERN_BYTES, MAX_COMPILED_SET_BYTES, MAX_DFA_CACHE_BYTES, MAX_EXPANDED_PATTERN_BYTES,
    MAX_PATTERN_BYTES, MAX_PATTERN_NESTING,
};
use super::ProblemKind;
use regex::bytes::{Regex, RegexBuilder, RegexSet, RegexSetBuilder};

/// A pattern ready to compile: its text in `regex` syntax and its mode.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pattern {
    pub text: String,
    /// Unicode mode (`customRules`) or bytes (SpamAssassin).
    pub unicode: bool,
}

impl Pattern {
    /// The text with its mode written in, so patterns of both modes can share a set.
    fn with_mode(&self) -> String {
        format!("{}{}", if self.unicode { "(?u)" } else { "(?-u)" }, self.text)
    }
}

/// Why a pattern did not compile, with the byte offset of the error in `text` when known.
#[derive(Debug, Clone, PartialEq)]
pub struct PatternError {
    pub kind: ProblemKind,
    pub offset: Option<usize>,
}

/// Whether a pattern as written is short enough (`MAX_PATTERN_BYTES`).
pub fn check_length(written: &str) -> Result<(), PatternError> {
    if written.len() > MAX_PATTERN_BYTES {
        let kind = ProblemKind::PatternTooLong { size: written.len(), limit: MAX_PATTERN_BYTES };
        return Err(PatternError { kind, offset: None });
    }
    Ok(())
}

/// Compiles one pattern (its text as translated or expanded: `MAX_EXPANDED_PATTERN_BYTES`).
pub fn compile(pattern: &Pattern) -> Result<Regex, PatternError> {
    if pattern.text.len() > MAX_EXPANDED_PATTERN_BYTES {
        let kind = ProblemKind::PatternTooLong { size: pattern.text.len(), limit: MAX_EXPANDED_PATTERN_BYTES };
        return Err(PatternError { kind, offset: None });
    }
    if let Some(offset) = pattern.text.find('\u{FFFD}') {
        // What a file that is not UTF-8 becomes once read as text.
        return Err(PatternError { kind: ProblemKind::PatternNotUtf8, offset: Some(offset) });
    }
    // The parser first: it says where an error is, which `regex` does not.
    syntax_check(pattern)?;
    RegexBuilder::new(&pattern.text)
        .unicode(pattern.unicode)
        .size_limit(MAX_COMPILED_PATTERN_BYTES)
        .dfa_size_limit(MAX_DFA_CACHE_BYTES)
        .nest_limit(MAX_PATTERN_NESTING)
        .build()
        .map_err(|error| match error {
            regex::Error::CompiledTooBig(limit) => {
                PatternError { kind: ProblemKind::PatternTooBig { limit }, offset: None }
            }
            other => PatternError {
                kind: ProblemKind::PatternSyntax { reason: first_line(&other.to_string()), label: None },
                offset: None,
            },
        })
}

/// Compiles the patterns of one target into one set (they compiled one by one).
pub fn compile_set(patterns: &[&Pattern]) -> Result<RegexSet, ProblemKind> {
    RegexSetBuilder::new(patterns.iter().map(|p| p.with_mode()))
        .size_limit(MAX_COMPILED_SET_BYTES)
        .dfa_size_limit(MAX_DFA_CACHE_BYTES)
        .nest_limit(MAX_PATTERN_NESTING + 1)
        .build()
        .map_err(|error| match error {
            regex::Error::CompiledTooBig(limit) => ProblemKind::SetTooBig { limit },
            other => ProblemKind::PatternSyntax { reason: first_line(&other.to_string()), label: None },
        })
}

/// The pattern parsed as `regex` parses it (within `MAX_PATTERN_NESTING`), for
/// what the engine reads in it: its literals (`prefilter`), its work (`work`).
pub fn parse(pattern: &Pattern) -> Result<regex_syntax::hir::Hir, regex_syntax::Error> {
    let mut parser =
        regex_syntax::ParserBuilder::new().unicode(pattern.unicode).utf8(false).nest_limit(MAX_PATTERN_NESTING).build();
    parser.parse(&pattern.text)
}

/// Parses the pattern as `regex` will, to report an error at its offset.
fn syntax_check(pattern: &Pattern) -> Result<(), PatternError> {
    parse(pattern).map(|_| ()).map_err(|error| {
        let (offset, reason, label) = match &error {
            regex_syntax::Error::Parse(e) => (e.span().start.offset, e.kind().to_string(), parse_error_label(e.kind())),
            regex_syntax::Error::Translate(e) => {
                (e.span().start.offset, e.kind().to_string(), translate_error_label(e.kind()))
            }
            other => (0, first_line(&other.to_string()), None),
        };
        PatternError { kind: ProblemKind::PatternSyntax { reason, label }, offset: Some(offset) }
    })
}

/// The catalogue's words (`core.custom.regex.*`) for the parser's common
/// errors; None for the rare ones, shown in the crate's English.
fn parse_error_label(kind: &regex_syntax::ast::ErrorKind) -> Option<&'static str> {
    use regex_syntax::ast::ErrorKind as E;
    Some(match kind {
        E::GroupUnclosed => "core.custom.regex.group-unclosed",
        E::GroupUnopened => "core.custom.regex.group-unopened",
        E::GroupNameDuplicate { .. } | E::GroupNameEmpty | E::GroupNameInvalid => "core.custom.regex.group-name",
        E::RepetitionMissing => "core.custom.regex.repetition-missing",
        E::RepetitionCountInvalid | E::RepetitionCountUnclosed | E::RepetitionCountDecimalEmpty | E::DecimalEmpty
        | E::DecimalInvalid => "core.custom.regex.repetition-count",
        E::ClassUnclosed => "core.custom.regex.class-unclosed",
        E::ClassRangeInvalid | E::ClassRangeLiteral => "core.custom.regex.class-range",
        E::EscapeUnrecognized | E::ClassEscapeInvalid => "core.custom.regex.escape-unrecognized",
        E::EscapeHexEmpty | E::EscapeHexInvalid | E::EscapeHexInvalidDigit => "core.custom.regex.escape-hex",
        E::FlagUnrecognized | E::FlagDuplicate { .. } | E::FlagRepeatedNegation { .. } | E::FlagDanglingNegation => {
            "core.custom.regex.flag"
        }
        E::EscapeUnexpectedEof
        | E::FlagUnexpectedEof
        | E::GroupNameUnexpectedEof
        | E::SpecialWordOrRepetitionUnexpectedEof => "core.custom.regex.unexpected-end",
        E::UnsupportedLookAround => "core.custom.regex.look-around",
        E::UnsupportedBackreference => "core.custom.regex.backreference",
        E::NestLimitExceeded(_) => "core.custom.regex.nest-limit",
        E::CaptureLimitExceeded => "core.custom.regex.capture-limit",
        E::UnicodeClassInvalid => "core.custom.regex.unicode-class",
        _ => return None,
    })
}

/// `parse_error_label` for the errors met turning the parsed pattern into its matcher.
fn translate_error_label(kind: &regex_syntax::hir::ErrorKind) -> Option<&'static str> {
    use regex_syntax::hir::ErrorKind as E;
    match kind {
        E::UnicodePropertyNotFound | E::UnicodePropertyValueNotFound | E::UnicodePerlClassNotFound => {
            Some("core.custom.regex.unicode-class")
        }
        _ => None,
    }
}

fn first_line(text: &str) -> String {
    text.lines().rev().find(|l| !l.trim().is_empty()).unwrap_or(text).trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unicode(text: &str) -> Pattern {
        Pattern { text: text.to_string(), unicode: true }
    }

    #[test]
    fn a_syntax_error_has_its_offset() {
        let error = compile(&unicode("ab(c")).unwrap_err();
        assert!(matches!(error.kind, ProblemKind::PatternSyntax { .. }));
        assert_eq!(error.offset, Some(2));
    }

    #[test]
    fn bytes_mode_reads_hex_escapes_as_bytes() {
        let regex = compile(&Pattern { text: r"caf\xC3\xA9".into(), unicode: false }).unwrap();
        assert!(regex.is_match("café".as_bytes()));
    }

    #[test]
    fn patterns_of_both_modes_share_a_set() {
        let (a, b) = (unicode(r"(?i)\bcafé\b"), Pattern { text: r"\xC3\xA9".into(), unicode: false });
        let set = compile_set(&[&a, &b]).unwrap();
        assert_eq!(set.matches("un CAFÉ".as_bytes()).iter().collect::<Vec<_>>(), vec![0]);
        assert_eq!(set.matches("é".as_bytes()).iter().collect::<Vec<_>>(), vec![1]);
    }
}
