//! SpamAssassin rule files (`.cf`), read as SpamAssassin's `Conf::Parser`
//! reads them: `#` starts a comment unless escaped, `lang xx` lines give the
//! other languages, `if`/`ifplugin`/`else`/`endif` choose lines, a later
//! definition of a rule replaces the earlier one, `score`, `describe` and
//! `tflags` may come before or after the rule.
//!
//! Rule types read: `header` (`Field =~ /re/`, `!~`, `exists:Field`, the
//! modifiers `:raw`, `:addr`, `:name`, `:first`, `:last`, `[if-unset: …]`),
//! `body`, `rawbody`, `uri`, `full` and `meta`. Other rule types (`mimeheader`,
//! `askdns`, `uri_detail`, the DNS-list types) and `eval:` tests, which call
//! Perl code, are refused with their line, as is `include` (another file).
//! Settings SpamAssassin knows that are not rules (`freemail_domains`,
//! `report`, …) are counted and left; an unknown first word is a problem.
//!
//! Conditions are read as `sa_conditions` says; `replace_tag`s as `sa_tags` says.

use super::perl::{self};
use super::sa_conditions::{condition, plugin_loaded};
use super::sa_tags::Tags;
use super::spec::Texts;
use super::targets::{Modifier, Occurrence};
use super::{Problem, ProblemKind};
use crate::i18n::Locale;
use std::collections::{BTreeMap, HashMap};

pub use super::sa_tags::replace_tags;

/// Rule types that name a rule but that the engine does not run.
const OTHER_RULE_TYPES: &[&str] = &[
    "mimeheader",
    "uri_detail",
    "askdns",
    "urirhssub",
    "urirhsbl",
    "uridnsbl",
    "uridnssub",
    "urinsrhsbl",
    "urinsrhssub",
    "urifullnsrhsbl",
    "urifullnsrhssub",
    "urirhsbl_a",
    "hashbl_email",
    "hashbl_uri",
    "check_hashbl",
];

/// Settings SpamAssassin knows that change nothing a rule finds in one message
/// read alone: address lists (welcomelist, freemail, URI hosts), the report and
/// headers it writes, the score threshold, Bayes, DNS and network settings,
/// plugin loading, rule tests and priorities. Names from Mail::SpamAssassin::Conf
/// (4.0) and its plugins' documentation, and every setting in Debian's 4.0 rule
/// files (`/usr/share/spamassassin`). Skipped, counted by name (`otherSettings`
/// of checkCustomRules). Any other first word is a problem with its line.
const SETTINGS_NOT_APPLYING: &[&str] = &[
    "add_header", "adsp_override", "allow_user_rules", "asn_lookup", "asn_lookup_ipv6", "asn_prefix",
    "bayes_auto_expire", "bayes_auto_learn", "bayes_path", "clear_headers", "clear_originating_ip_headers",
    "clear_report_template", "clear_trusted_networks", "clear_internal_networks", "clear_msa_networks",
    "clear_unsafe_report_template", "clear_util_rb", "dns_available", "dns_block_rule", "dns_local_ports_avoid",
    "dns_server", "envelope_sender_header", "fold_headers", "freemail_domains", "freemail_whitelist",
    "freemail_welcomelist", "internal_networks", "loadplugin", "lock_method", "msa_networks",
    "normalize_charset", "ok_languages", "ok_locales", "originating_ip_headers", "priority",
    "redirector_pattern", "remove_header", "report", "report_charset", "report_contact", "report_safe",
    "require_version", "required_hits", "required_score", "reuse", "rewrite_header", "shortcircuit",
    "skip_rbl_checks", "test", "trusted_networks", "tryplugin", "unsafe_report", "url_shortener",
    "url_shortener_get", "use_auto_whitelist", "use_auto_welcomelist", "use_bayes", "use_bayes_rules",
    "use_learner", "util_rb_tld", "util_rb_2tld", "util_rb_3tld",
];

/// Prefixes of the families of such settings (`whitelist_from`, `bayes_ignore_header`, `dkim_*`, …).
const SETTING_PREFIXES_NOT_APPLYING: &[&str] = &[
    "whitelist_", "welcomelist_", "blacklist_", "blocklist_", "unwhitelist_", "unwelcomelist_",
    "unblacklist_", "unblocklist_", "def_whitelist_", "def_welcomelist_", "bayes_", "auto_whitelist_",
    "auto_welcomelist_", "txrep_", "dkim_", "spf_", "fns_", "enlist_", "delist_", "uridnsbl_", "razor_",
    "pyzor_", "dcc_", "hashcash_", "report_", "clear_", "dns_", "util_rb_", "shortcircuit_", "askdns_",
];

/// SpamAssassin knows `keyword` as a setting that does not apply to a preflight.
fn setting_not_applying(keyword: &str) -> bool {
    SETTINGS_NOT_APPLYING.contains(&keyword) || SETTING_PREFIXES_NOT_APPLYING.iter().any(|p| keyword.starts_with(p))
}

/// A pattern as written in a rule: `/body/flags`, and the column of its body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PerlPattern {
    pub body: String,
    pub flags: String,
    /// Byte offset of `body` in its line.
    pub column: usize,
}

/// What a SpamAssassin rule tests.
#[derive(Debug, Clone, PartialEq)]
pub enum SaTest {
    Header {
        field: String,
        raw: bool,
        modifier: Option<Modifier>,
        occurrence: Occurrence,
        negate: bool,
        pattern: PerlPattern,
        if_unset: Option<String>,
    },
    Exists {
        field: String,
    },
    Body(PerlPattern),
    Rawbody(PerlPattern),
    Uri(PerlPattern),
    Full(PerlPattern),
    Meta {
        expression: String,
        column: usize,
    },
}

/// A rule of the file: its last definition, or why that definition is refused.
#[derive(Debug, Clone, PartialEq)]
pub struct SaRule {
    pub name: String,
    /// 1-based line of the definition.
    pub line: usize,
    /// The line without its comment (columns of problems count in it).
    pub text: String,
    pub test: Result<SaTest, Problem>,
}

/// A `.cf` text, read.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SaFile {
    pub rules: Vec<SaRule>,
    pub scores: HashMap<String, f64>,
    pub descriptions: HashMap<String, Texts>,
    pub tflags: HashMap<String, String>,
    pub tags: Tags,
    /// Lines that could not be read (not UTF-8, malformed settings of rules).
    pub problems: Vec<Problem>,
    /// Lines left out by a false `if`/`ifplugin`.
    pub skipped_lines: usize,
    /// Settings that are not rules, by name, with how many lines.
    pub other_settings: BTreeMap<String, usize>,
}

impl SaFile {
    /// Reads a `.cf` text. Never fails: what cannot be read is a problem with its line.
    pub fn parse(text: &str) -> SaFile {
        let mut file = SaFile::default();
        let mut positions: HashMap<String, usize> = HashMap::new();
        let mut conditions: Vec<bool> = Vec::new(); // skip state before each open `if`
        let mut skip = false;
        for (index, original) in text.split('\n').enumerate() {
            let line_number = index + 1;
            let line = strip_comment(original);
            let trimmed = line.trim_matches(perl_space);
            if trimmed.is_empty() {
                continue;
            }
            let (keyword, rest) = split_word(trimmed);
            let keyword = keyword.to_ascii_lowercase().replace('-', "_");
            match keyword.as_str() {
                "endif" => {
                    skip = conditions.pop().unwrap_or(false);
                    continue;
                }
                // SpamAssassin refuses a condition-less `if` and a lone `else`; so does this reader.
                "if" | "ifplugin" | "else"
                    if (rest.is_empty()) != (keyword == "else") || (keyword == "else" && conditions.is_empty()) =>
                {
                    file.problems.push(Problem::new(&keyword, ProblemKind::Malformed).at(line_number, 0));
                    continue;
                }
                "if" | "ifplugin" => {
                    conditions.push(skip);
                    let holds = if keyword == "if" { condition(rest) } else { plugin_loaded(rest) };
                    skip = skip || !holds;
                    continue;
                }
                "else" => {
                    // SpamAssassin's `else` (Bug 7848): skipped when any enclosing `if` is,
                    // else the other branch. The skip state pushed at each `if` includes
                    // the enclosing ones, so the last says it: a search of the whole stack
                    // at each `else` had made nested blocks quadratic (as SpamAssassin's
                    // `grep` is).
                    skip = conditions.last().copied().unwrap_or(false) || !skip;
                    continue;
                }
                _ => {}
            }
            if skip {
                file.skipped_lines += 1;
                continue;
            }
            // Columns are byte offsets in `line` (the line without its comment), where the slices point.
            let column_of =
                |part: &str| (part.as_ptr() as usize).saturating_sub(line.as_ptr() as usize).min(line.len());
            if keyword == "lang" {
                // Only descriptions are read in other languages.
                let (lang, rest) = split_word(rest);
                let (directive, rest) = split_word(rest);
                let locale = Locale::parse(lang)
                    .filter(|l| Locale::parse(lang).map(Locale::code) == Some(lang) && *l != Locale::En);
                match (locale, directive.eq_ignore_ascii_case("describe")) {
                    (Some(locale), true) => file.describe(locale, rest, line_number),
                    _ => *file.other_settings.entry(format!("lang {directive}")).or_default() += 1,
                }
                continue;
            }
            match keyword.as_str() {
                "header" | "body" | "rawbody" | "uri" | "full" | "meta" => {
                    let (name, definition) = split_word(rest);
                    if !is_rule_name(name) {
                        let problem =
                            Problem::new(name, ProblemKind::Malformed).at_in(line_number, &line, column_of(name));
                        file.problems.push(problem);
                        continue;
                    }
                    let test = if original.contains('\u{FFFD}') {
                        Err(ProblemKind::LineNotUtf8)
                    } else {
                        read_test(&keyword, definition, column_of(definition))
                    };
                    let rule = SaRule {
                        name: name.to_string(),
                        line: line_number,
                        text: line.clone(),
                        test: test
                            .map_err(|kind| Problem::new(name, kind).at_in(line_number, &line, column_of(definition))),
                    };
                    match positions.get(name) {
                        Some(&at) => file.rules[at] = rule,
                        None => {
                            positions.insert(name.to_string(), file.rules.len());
                            file.rules.push(rule);
                        }
                    }
                }
                "describe" => file.describe(Locale::En, rest, line_number),
                "score" => {
                    let (name, values) = split_word(rest);
                    // One score, or four (score sets: no Bayes/no network first, the set used
                    // here); each a number, in parentheses when relative to the rule's score
                    // set before. Any other count, a value that is no number, or a relative
                    // score with none before refuses the line, as SpamAssassin 4.0 does
                    // (`Mail::SpamAssassin::Conf`, `score`: "requires a symbolic rule name and
                    // 1 or 4 scores", "relative score without previous setting").
                    // One value in parentheses makes the whole line relative, as there.
                    let scores: Vec<Option<(f64, bool)>> = perl_words(values).map(score_value).collect();
                    let relative = scores.iter().flatten().any(|&(_, relative)| relative);
                    let first = match scores.as_slice() {
                        [Some((first, _))] | [Some((first, _)), Some(_), Some(_), Some(_)] => Some((*first, relative)),
                        _ => None,
                    };
                    let first = match first {
                        Some((delta, true)) => file.scores.get(name).map(|before| before + delta),
                        Some((score, false)) => Some(score),
                        None => None,
                    };
                    // The range of `customRules` scores (`MAX_RULE_SCORE`): `1e308` on two
                    // rules summed to infinity, which JSON writes as null.
                    match first {
                        Some(score) if score.is_finite() && score.abs() <= crate::options::MAX_RULE_SCORE => {
                            file.scores.insert(name.to_string(), score);
                        }
                        Some(_) => file.problems.push(
                            Problem::new(name, ProblemKind::ScoreOutOfRange).at_in(
                                line_number,
                                &line,
                                column_of(values),
                            ),
                        ),
                        None => file.problems.push(Problem::new(name, ProblemKind::Malformed).at(line_number, 0)),
                    }
                }
                "tflags" => {
                    let (name, flags) = split_word(rest);
                    file.tflags.insert(name.to_string(), flags.to_string());
                }
                "replace_tag" | "replace_pre" | "replace_inter" | "replace_post" => {
                    let (tag, value) = split_word(rest);
                    let map = match keyword.as_str() {
                        "replace_tag" => &mut file.tags.tags,
                        "replace_pre" => &mut file.tags.pre,
                        "replace_inter" => &mut file.tags.inter,
                        _ => &mut file.tags.post,
                    };
                    map.insert(tag.to_string(), value.trim_matches(perl_space).to_string());
                }
                "replace_rules" => file.tags.rules.extend(perl_words(rest).map(str::to_string)),
                other if OTHER_RULE_TYPES.contains(&other) => {
                    let (name, _) = split_word(rest);
                    let rule = SaRule {
                        name: name.to_string(),
                        line: line_number,
                        text: String::new(),
                        test: Err(
                            Problem::new(name, ProblemKind::RuleType { kind: other.to_string() }).at(line_number, 0)
                        ),
                    };
                    match positions.get(name) {
                        Some(&at) => file.rules[at] = rule,
                        None => {
                            positions.insert(name.to_string(), file.rules.len());
                            file.rules.push(rule);
                        }
                    }
                }
                // Mail::SpamAssassin::Conf::Parser reads `include` as another file's lines, here.
                "include" => {
                    let named: String = split_word(rest).0.chars().take(200).collect();
                    file.problems.push(Problem::new(&named, ProblemKind::Include).at(line_number, 0))
                }
                other if setting_not_applying(other) => *file.other_settings.entry(other.to_string()).or_default() += 1,
                _ => {
                    let keyword: String = split_word(trimmed).0.chars().take(40).collect();
                    file.problems.push(Problem::new(&keyword, ProblemKind::UnknownSetting { keyword: keyword.clone() }).at(line_number, 0))
                }
            }
        }
        file
    }

    fn describe(&mut self, locale: Locale, rest: &str, line: usize) {
        let (name, text) = split_word(rest);
        if rest.contains('\u{FFFD}') {
            self.problems.push(Problem::new(name, ProblemKind::LineNotUtf8).at(line, 0));
            return;
        }
        self.descriptions.entry(name.to_string()).or_default().set(locale, text.trim_matches(perl_space).to_string());
    }
}

/// Every `.cf` file of a directory as one text, in the order SpamAssassin
/// reads them (by name), each read by `sa_file::rules_text`: translations in
/// their language's charset, other bytes that are not UTF-8 as U+FFFD, whose
/// lines are then refused with their numbers. `None` when there is no such file.
pub fn read_rules_dir(dir: &std::path::Path) -> Option<String> {
    let mut files: Vec<std::path::PathBuf> = std::fs::read_dir(dir)
        .ok()?
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|e| e == "cf"))
        .collect();
    files.sort();
    let mut text = String::new();
    for file in &files {
        text.push_str(&super::sa_file::rules_text(&std::fs::read(file).ok()?));
        text.push('\n');
    }
    (!files.is_empty()).then_some(text)
}

/// `s/(?<!\\)#.*$//; s/\\#/#/g` (SpamAssassin's comment rule).
fn strip_comment(line: &str) -> String {
    let bytes = line.as_bytes();
    let mut end = bytes.len();
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'#' && (i == 0 || bytes[i - 1] != b'\\') {
            end = i;
            break;
        }
    }
    line[..end].replace("\\#", "#").trim_end_matches('\r').to_string()
}

/// One value of a `score` line: the number and whether it is relative (in
/// parentheses, `(1.5)`: added to the rule's score before); `None` for no number.
/// A number is what SpamAssassin 4.0's `score` takes (`Mail::SpamAssassin::Conf`:
/// `/^-?\d+(?:\.\d+)?$/`, the parentheses `/^\((-?\d+(?:\.\d+)?)\)$/`), ASCII
/// digits as Perl reads the file's bytes: no `+`, exponent, `.5`, `5.`, `inf` or
/// `NaN`, which Rust's `f64` parsing takes and SpamAssassin refuses.
fn score_value(value: &str) -> Option<(f64, bool)> {
    let (number, relative) = match value.strip_prefix('(').and_then(|v| v.strip_suffix(')')) {
        Some(inner) => (inner, true),
        None => (value, false),
    };
    let digits = |part: &str| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit());
    let unsigned = number.strip_prefix('-').unwrap_or(number);
    let spamassassin_number = match unsigned.split_once('.') {
        Some((whole, fraction)) => digits(whole) && digits(fraction),
        None => digits(unsigned),
    };
    spamassassin_number.then(|| number.parse::<f64>().ok().map(|n| (n, relative))).flatten()
}

/// Perl's `\s` on the bytes of a rule file: space, tab, line feed, vertical
/// tab, form feed and carriage return. SpamAssassin reads its files as bytes
/// (`open(IN, "<".$path)`, no decoding layer) and splits a line with
/// `split(/\s+/, …)` (`Conf::Parser::parse`: a setting and its value;
/// `Conf.pm`'s `score`: the rule and its scores), which on a byte string
/// matches no byte past ASCII: a no-break space (U+00A0), an em space (U+2003)
/// or U+0085 is part of a word there (checked with Perl 5.36, Debian's).
pub(super) fn perl_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\u{0B}' | '\u{0C}' | '\r')
}

/// The words of `text`, as Perl's `split(/\s+/, …)` gives them.
pub(super) fn perl_words(text: &str) -> impl Iterator<Item = &str> {
    text.split(perl_space).filter(|word| !word.is_empty())
}

/// The first word and the rest, trimmed (`split(/\s+/, $line, 2)`).
fn split_word(text: &str) -> (&str, &str) {
    let text = text.trim_start_matches(perl_space);
    match text.find(perl_space) {
        Some(at) => (&text[..at], text[at..].trim_start_matches(perl_space)),
        None => (text, ""),
    }
}

/// `[_a-zA-Z][_a-zA-Z0-9]{0,127}` (`RULENAME_RE`).
pub fn is_rule_name(name: &str) -> bool {
    let mut bytes = name.bytes();
    name.len() <= 128
        && bytes.next().is_some_and(|b| b.is_ascii_alphabetic() || b == b'_')
        && bytes.all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

/// The test of a rule definition (`definition` starts at byte `column` of its line).
fn read_test(kind: &str, definition: &str, column: usize) -> Result<SaTest, ProblemKind> {
    let definition = definition.trim_end_matches(perl_space);
    if definition.starts_with("eval:")
        || definition.starts_with("rbleval:")
        || (kind == "header" && eval_after_field(definition))
    {
        return Err(ProblemKind::Eval);
    }
    match kind {
        "meta" => Ok(SaTest::Meta { expression: definition.to_string(), column }),
        "header" => read_header(definition, column),
        _ => {
            let pattern = read_pattern(definition, column)?;
            Ok(match kind {
                "body" => SaTest::Body(pattern),
                "rawbody" => SaTest::Rawbody(pattern),
                "uri" => SaTest::Uri(pattern),
                _ => SaTest::Full(pattern),
            })
        }
    }
}

/// `header NAME Field eval:…` is not a form SpamAssassin has, but `header NAME eval:…` with spaces is.
fn eval_after_field(definition: &str) -> bool {
    let (_, rest) = split_word(definition);
    rest.starts_with("eval:")
}

/// `Field[:modifier…] =~ /re/flags [if-unset: text]`, `!~`, or `exists:Field`.
fn read_header(definition: &str, column: usize) -> Result<SaTest, ProblemKind> {
    if let Some(field) = definition.strip_prefix("exists:") {
        let field = field.trim_matches(perl_space).trim_end_matches(':');
        if field.is_empty() || !field.bytes().all(|b| b.is_ascii_alphanumeric() || b"_.-".contains(&b)) {
            return Err(ProblemKind::Malformed);
        }
        return Ok(SaTest::Exists { field: field.to_string() });
    }
    let operator = definition.find("=~").or_else(|| definition.find("!~")).ok_or(ProblemKind::Malformed)?;
    let negate = definition[operator..].starts_with("!~");
    let selector = definition[..operator].trim_matches(perl_space);
    let mut parts = selector.split(':');
    let field = parts.next().unwrap_or_default();
    if field.is_empty() || !field.bytes().all(|b| b.is_ascii_alphanumeric() || b"_.-".contains(&b)) {
        return Err(ProblemKind::Malformed);
    }
    if super::sa_headers::UNAVAILABLE_FIELDS.contains(&field) {
        return Err(ProblemKind::HeaderField { field: field.to_string() });
    }
    let (mut raw, mut modifier, mut occurrence) = (false, None, Occurrence::All);
    for part in parts.filter(|p| !p.is_empty()) {
        match part {
            "raw" => raw = true,
            "addr" => modifier = Some(Modifier::Addr),
            "name" => modifier = Some(Modifier::Name),
            "first" => occurrence = Occurrence::First,
            "last" => occurrence = Occurrence::Last,
            other => return Err(ProblemKind::HeaderModifier { modifier: other.to_string() }),
        }
    }
    let mut pattern_text = definition[operator + 2..].trim_start_matches(perl_space);
    let mut if_unset = None;
    // Conf::Parser: `s/\s+\[if-unset:\s+(.+)\]$//`: white space before the tag and
    // after the colon, then at least one character, kept as written up to the `]`.
    if let Some(at) = pattern_text.rfind("[if-unset:") {
        let inner = pattern_text.get(at + "[if-unset:".len()..pattern_text.len().saturating_sub(1)).unwrap_or("");
        let spaced = pattern_text[..at].ends_with(|c: char| c.is_ascii_whitespace())
            && inner.starts_with(|c: char| c.is_ascii_whitespace());
        let value = match inner.trim_start_matches(|c: char| c.is_ascii_whitespace()) {
            // `\s+` gives back its last character when nothing else follows it.
            "" => inner.get(inner.len().saturating_sub(1)..).filter(|_| inner.len() >= 2).unwrap_or(""),
            rest => rest,
        };
        if pattern_text.ends_with(']') && spaced && !value.is_empty() {
            if_unset = Some(value.to_string());
            pattern_text = pattern_text[..at].trim_end_matches(perl_space);
        }
    }
    let offset = column + (pattern_text.as_ptr() as usize - definition.as_ptr() as usize);
    let pattern = read_pattern(pattern_text, offset)?;
    Ok(SaTest::Header { field: field.to_string(), raw, modifier, occurrence, negate, pattern, if_unset })
}

/// `/body/flags`, `m{body}flags`, `m!body!flags` (`Util::compile_regexp`).
fn read_pattern(text: &str, column: usize) -> Result<PerlPattern, ProblemKind> {
    let text = text.trim_matches(perl_space);
    let (open, close) = if text.starts_with('/') {
        (1, '/')
    } else {
        let after = text.strip_prefix("qr").or_else(|| text.strip_prefix('m')).ok_or(ProblemKind::Delimiters)?;
        let delimiter = after.chars().next().ok_or(ProblemKind::Delimiters)?;
        if delimiter.is_alphanumeric() || delimiter.is_whitespace() || delimiter == '\\' {
            return Err(ProblemKind::Delimiters);
        }
        let close = match delimiter {
            '{' => '}',
            '(' => ')',
            '<' => '>',
            '[' => ']',
            other => other,
        };
        (text.len() - after.len() + delimiter.len_utf8(), close)
    };
    // The flags: letters after the last closing delimiter (`[a-df-z]*`, no `e`).
    let flags_start = text.rfind(close).filter(|&at| at >= open).ok_or(ProblemKind::Delimiters)?;
    let flags = &text[flags_start + 1..];
    // Util::compile_regexp puts the flags in `(?flags)`: Perl takes m, s, i, x,
    // p, n, a, d, l, u there and warns (the rule is dropped) at g, c, o, ….
    if !flags.bytes().all(|b| b"msixpnadlu".contains(&b)) {
        return Err(ProblemKind::Delimiters);
    }
    let body = &text[open..flags_start];
    if body.contains("(?{") || body.contains("(??{") {
        return Err(ProblemKind::Perl(perl::PerlFeature::EmbeddedCode));
    }
    Ok(PerlPattern { body: body.to_string(), flags: flags.to_string(), column: column + open })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_scores_and_descriptions_are_read() {
        let file = SaFile::parse(
            "body FOO /\\bfoo\\b/i  # a comment\ndescribe FOO Says foo\nlang fr describe FOO Dit foo\nscore FOO 1.5 2.0 1.5 2.0\n",
        );
        assert_eq!(file.rules.len(), 1);
        assert!(matches!(&file.rules[0].test, Ok(SaTest::Body(p)) if p.body == "\\bfoo\\b" && p.flags == "i"));
        assert_eq!(file.scores["FOO"], 1.5);
        assert_eq!(file.descriptions["FOO"].get(Locale::Fr), Some("Dit foo"));
    }

    #[test]
    fn header_rules_keep_field_modifiers_and_if_unset() {
        let file = SaFile::parse("header X From:addr:first !~ m{\\@example\\.com$}i [if-unset: none]\n");
        let Ok(SaTest::Header { field, modifier, occurrence, negate, pattern, if_unset, .. }) = &file.rules[0].test
        else {
            panic!("{:?}", file.rules[0]);
        };
        assert_eq!(
            (field.as_str(), *modifier, *occurrence, *negate),
            ("From", Some(Modifier::Addr), Occurrence::First, true)
        );
        assert_eq!(
            (pattern.body.as_str(), pattern.flags.as_str(), if_unset.as_deref()),
            ("\\@example\\.com$", "i", Some("none"))
        );
    }

    #[test]
    fn if_unset_needs_a_character_as_spamassassin_reads_it() {
        let if_unset = |line: &str| match &SaFile::parse(line).rules[0].test {
            Ok(SaTest::Header { if_unset, .. }) => Ok(if_unset.clone()),
            Err(problem) => Err(problem.kind.clone()),
            Ok(other) => panic!("{other:?}"),
        };
        assert_eq!(if_unset("header A X =~ /x/ [if-unset: none ]\n"), Ok(Some("none ".to_string())));
        // An empty value leaves the tag in the pattern, which then does not read, as SpamAssassin drops the rule.
        assert!(if_unset("header A X =~ /x/ [if-unset: ]\n").is_err());
    }

    #[test]
    fn flags_perl_does_not_take_inline_are_refused_as_spamassassin_drops_the_rule() {
        let file = SaFile::parse("body A /prize/gc\nbody B /prize/ixn\n");
        assert_eq!(file.rules[0].test.as_ref().unwrap_err().kind, ProblemKind::Delimiters);
        assert!(file.rules[1].test.is_ok());
    }

    #[test]
    fn conditions_choose_lines() {
        let text = "ifplugin Mail::SpamAssassin::Plugin::FreeMail\nbody A /a/\nendif\nifplugin Mail::SpamAssassin::Plugin::Nope\nbody B /b/\nelse\nbody C /c/\nendif\nif (version >= 3.004000)\nbody D /d/\nendif\nif !can(Mail::SpamAssassin::Conf::feature_x)\nbody E /e/\nendif\n";
        let file = SaFile::parse(text);
        let names: Vec<&str> = file.rules.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(names, vec!["A", "C", "D"]);
    }

    #[test]
    fn eval_tests_and_other_rule_types_are_refused_with_their_line() {
        let file = SaFile::parse("body A eval:check_stuff()\n\nmimeheader B Content-Type =~ /x/\n");
        assert_eq!(file.rules[0].test.as_ref().unwrap_err().kind, ProblemKind::Eval);
        let refusal = file.rules[1].test.as_ref().unwrap_err();
        assert_eq!((refusal.line, &refusal.kind), (Some(3), &ProblemKind::RuleType { kind: "mimeheader".into() }));
    }

    #[test]
    fn include_and_unknown_first_words_are_problems_with_their_line() {
        let file = SaFile::parse("include other.cf\nbody A /a/\nfrobnicate A\n");
        let found: Vec<(Option<usize>, &ProblemKind)> = file.problems.iter().map(|p| (p.line, &p.kind)).collect();
        assert_eq!(
            found,
            vec![(Some(1), &ProblemKind::Include), (Some(3), &ProblemKind::UnknownSetting { keyword: "frobnicate".into() })]
        );
        assert_eq!(file.rules.len(), 1);
    }

    #[test]
    fn settings_that_do_not_apply_to_a_preflight_are_counted_not_refused() {
        let file = SaFile::parse("whitelist_from *@example.com\nrequired_score 4\nreport_safe 0\nbayes_ignore_header X\n");
        assert!(file.problems.is_empty(), "{:?}", file.problems);
        let names: Vec<&str> = file.other_settings.keys().map(String::as_str).collect();
        assert_eq!(names, vec!["bayes_ignore_header", "report_safe", "required_score", "whitelist_from"]);
    }

    #[test]
    fn a_later_definition_replaces_the_earlier_one() {
        let file = SaFile::parse("body A /one/\nbody A /two/\n");
        assert_eq!(file.rules.len(), 1);
        assert!(matches!(&file.rules[0].test, Ok(SaTest::Body(p)) if p.body == "two"));
    }

    /// SpamAssassin splits a line with Perl's `\s` on bytes: a vertical tab or a
    /// form feed parts words, a no-break space (U+00A0), an em space (U+2003) or
    /// U+0085 does not (checked with `perl -e 'split(/\s+/, …)'`, Perl 5.36).
    #[test]
    fn lines_are_split_on_perls_white_space_as_spamassassin_reads_bytes() {
        let file = SaFile::parse("body A /a/\nbody B /b/\nscore A\u{0B}2\x0C3 3 3\nscore B\u{A0}4\n");
        assert_eq!(file.scores.get("A"), Some(&2.0), "a vertical tab and a form feed split");
        // `B\u{A0}4` is one word: a rule name and no score, refused as SpamAssassin refuses it.
        assert_eq!(file.scores.get("B"), None);
        assert_eq!(file.problems.iter().map(|p| (p.line, p.kind.clone())).collect::<Vec<_>>(), vec![(Some(4), ProblemKind::Malformed)]);
        for space in ['\u{A0}', '\u{2003}', '\u{85}'] {
            let file = SaFile::parse(&format!("body A /a/\nscore A 1{space}2\nbody{space}C /c/\n"));
            assert_eq!(file.scores.get("A"), None, "U+{:04X} is no separator: one value `1…2`, no number", space as u32);
            assert!(matches!(&file.problems[1].kind, ProblemKind::UnknownSetting { keyword } if keyword.starts_with("body")), "{:?}", file.problems);
            // A description keeps it at its end, as SpamAssassin trims `\s` only.
            let file = SaFile::parse(&format!("describe A Prize{space}\n"));
            assert_eq!(file.descriptions["A"].get(Locale::En), Some(format!("Prize{space}").as_str()));
        }
    }

    #[test]
    fn escaped_hash_signs_are_not_comments() {
        let file = SaFile::parse("body A /\\#1 deal/ # comment\n");
        assert!(matches!(&file.rules[0].test, Ok(SaTest::Body(p)) if p.body == "#1 deal"));
    }
}
