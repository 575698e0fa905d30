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
//! Perl code, are refused with their line. Settings that are not rules
//! (`freemail_domains`, `report`, …) are counted and left.
//!
//! Conditions: `ifplugin P` and `plugin(P)` are true for the plugins Debian's
//! SpamAssassin 4.0 loads by default (`/etc/spamassassin/*.pre`), as on the
//! SpamAssassin this engine is compared with; `can(…)` and `has(…)` are true
//! (SpamAssassin 4.0.1 has every feature its own rules ask for), `version` is
//! 4.000001 and `local_tests_only` is 1 (the engine makes no network tests).

use super::perl::{self};
use super::spec::Texts;
use super::targets::{Modifier, Occurrence};
use super::{meta, Problem, ProblemKind};
use crate::i18n::Locale;
use std::collections::{BTreeMap, HashMap};

/// The plugins loaded by Debian's `spamassassin` 4.0 (`loadplugin` lines of `/etc/spamassassin/*.pre`).
pub const LOADED_PLUGINS: &[&str] = &[
    "AskDNS",
    "AutoLearnThreshold",
    "Bayes",
    "BodyEval",
    "Check",
    "DKIM",
    "DMARC",
    "DNSEval",
    "FreeMail",
    "HTMLEval",
    "HTTPSMismatch",
    "HashBL",
    "HeaderEval",
    "ImageInfo",
    "MIMEEval",
    "MIMEHeader",
    "Pyzor",
    "Razor2",
    "RelayEval",
    "ReplaceTags",
    "Rule2XSBody",
    "SPF",
    "SpamCop",
    "URIDNSBL",
    "URIDetail",
    "URIEval",
    "VBounce",
    "WLBLEval",
    "WelcomeListSubject",
];

/// SpamAssassin's version as its `if (version >= …)` conditions read it.
pub const SA_VERSION: f64 = 4.000001;

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

/// `replace_tag` and its kin (the ReplaceTags plugin).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Tags {
    pub tags: HashMap<String, String>,
    pub pre: HashMap<String, String>,
    pub inter: HashMap<String, String>,
    pub post: HashMap<String, String>,
    pub rules: std::collections::HashSet<String>,
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
            let trimmed = line.trim();
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
                    skip = conditions.iter().any(|&s| s) || !skip;
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
                    // One score, or four (score sets: no Bayes/no network first, the set used here).
                    let first = values.split_whitespace().next().map(|v| v.trim_matches(['(', ')']));
                    match first.and_then(|v| v.parse::<f64>().ok()).filter(|v| v.is_finite()) {
                        Some(score) => {
                            file.scores.insert(name.to_string(), score);
                        }
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
                    map.insert(tag.to_string(), value.trim().to_string());
                }
                "replace_rules" => file.tags.rules.extend(rest.split_whitespace().map(str::to_string)),
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
                other => *file.other_settings.entry(other.chars().take(40).collect()).or_default() += 1,
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
        self.descriptions.entry(name.to_string()).or_default().set(locale, text.trim().to_string());
    }
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

/// The first word and the rest, trimmed.
fn split_word(text: &str) -> (&str, &str) {
    let text = text.trim_start();
    match text.find(char::is_whitespace) {
        Some(at) => (&text[..at], text[at..].trim_start()),
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

fn plugin_loaded(name: &str) -> bool {
    let name = name.trim();
    let short = name.strip_prefix("Mail::SpamAssassin::Plugin::").unwrap_or(name);
    LOADED_PLUGINS.contains(&short)
}

/// The value of an `if` condition (see the module documentation).
fn condition(text: &str) -> bool {
    let mut expression = String::new();
    let mut rest = text;
    while !rest.is_empty() {
        let call = ["plugin", "can", "has"]
            .iter()
            .find(|f| rest.starts_with(*f) && rest[f.len()..].trim_start().starts_with('('));
        if let Some(function) = call {
            let open = rest.find('(').unwrap_or(0);
            let close = rest.find(')').unwrap_or(rest.len() - 1);
            let argument = &rest[open + 1..close.max(open + 1)];
            let holds = *function != "plugin" || plugin_loaded(argument);
            expression.push_str(if holds { " 1 " } else { " 0 " });
            rest = &rest[(close + 1).min(rest.len())..];
        } else if rest.starts_with("perl_version") {
            expression.push_str(" 5.036 ");
            rest = &rest["perl_version".len()..];
        } else if rest.starts_with("version") {
            expression.push_str(&format!(" {SA_VERSION} "));
            rest = &rest["version".len()..];
        } else if rest.starts_with("local_tests_only") {
            expression.push_str(" 1 ");
            rest = &rest["local_tests_only".len()..];
        } else {
            let c = rest.chars().next().unwrap_or(' ');
            expression.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    match meta::parse(&expression) {
        Ok(expr) => expr.eval(&|_| 0.0) != 0.0,
        // SpamAssassin refuses an `if` it cannot read; its lines are left out.
        Err(_) => false,
    }
}

/// The test of a rule definition (`definition` starts at byte `column` of its line).
fn read_test(kind: &str, definition: &str, column: usize) -> Result<SaTest, ProblemKind> {
    let definition = definition.trim_end();
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
        let field = field.trim().trim_end_matches(':');
        if field.is_empty() || !field.bytes().all(|b| b.is_ascii_alphanumeric() || b"_.-".contains(&b)) {
            return Err(ProblemKind::Malformed);
        }
        return Ok(SaTest::Exists { field: field.to_string() });
    }
    let operator = definition.find("=~").or_else(|| definition.find("!~")).ok_or(ProblemKind::Malformed)?;
    let negate = definition[operator..].starts_with("!~");
    let selector = definition[..operator].trim();
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
    let mut pattern_text = definition[operator + 2..].trim_start();
    let mut if_unset = None;
    if let Some(at) = pattern_text.rfind("[if-unset:") {
        if pattern_text.ends_with(']') {
            if_unset = Some(pattern_text[at + "[if-unset:".len()..pattern_text.len() - 1].trim().to_string());
            pattern_text = pattern_text[..at].trim_end();
        }
    }
    let offset = column + (pattern_text.as_ptr() as usize - definition.as_ptr() as usize);
    let pattern = read_pattern(pattern_text, offset)?;
    Ok(SaTest::Header { field: field.to_string(), raw, modifier, occurrence, negate, pattern, if_unset })
}

/// `/body/flags`, `m{body}flags`, `m!body!flags` (`Util::compile_regexp`).
fn read_pattern(text: &str, column: usize) -> Result<PerlPattern, ProblemKind> {
    let text = text.trim();
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
    if !flags.bytes().all(|b| b.is_ascii_lowercase() && b != b'e') {
        return Err(ProblemKind::Delimiters);
    }
    let body = &text[open..flags_start];
    if body.contains("(?{") || body.contains("(??{") {
        return Err(ProblemKind::Perl(perl::PerlFeature::EmbeddedCode));
    }
    Ok(PerlPattern { body: body.to_string(), flags: flags.to_string(), column: column + open })
}

/// The pattern of a `replace_rules` rule with its `<tags>` replaced
/// (`Plugin::ReplaceTags::finish_parsing_end`, delimiters `<` and `>`).
pub fn replace_tags(pattern: &str, tags: &Tags) -> String {
    let mut text = pattern.to_string();
    for _pass in 0..=5 {
        let take = |text: &mut String, kind: &str| -> Option<String> {
            let marker = format!("<{kind} ");
            let start = text.find(&marker)?;
            let end = start + text[start..].find('>')?;
            let name = text[start + marker.len()..end].to_string();
            text.replace_range(start..=end, "");
            Some(name)
        };
        let pre = take(&mut text, "pre").and_then(|n| tags.pre.get(&n).cloned());
        let post = take(&mut text, "post").and_then(|n| tags.post.get(&n).cloned());
        let inter = take(&mut text, "inter").and_then(|n| tags.inter.get(&n).cloned());
        // `split(/(<[^<>]+>)/)`: text and tags alternate, "" between adjacent tags.
        let mut pieces: Vec<(String, bool)> = Vec::new();
        let mut rest = text.as_str();
        while let Some(open) = rest.find('<') {
            let Some(len) =
                rest[open + 1..].find(['<', '>']).filter(|&n| n > 0 && rest.as_bytes()[open + 1 + n] == b'>')
            else {
                pieces.push((rest[..open + 1].to_string(), false));
                rest = &rest[open + 1..];
                continue;
            };
            pieces.push((rest[..open].to_string(), false));
            pieces.push((rest[open..open + len + 2].to_string(), true));
            rest = &rest[open + len + 2..];
        }
        // Perl's `split` drops trailing empty fields.
        if !rest.is_empty() {
            pieces.push((rest.to_string(), false));
        }
        let mut again = false;
        let mut joined = String::new();
        for (piece, is_tag) in pieces {
            if !is_tag {
                match (&inter, piece.is_empty()) {
                    (Some(inter), true) => joined.push_str(inter),
                    _ => joined.push_str(&piece),
                }
                continue;
            }
            let name = &piece[1..piece.len() - 1];
            let replaced = match tags.tags.get(name) {
                Some(value) => {
                    again |= value.contains('<');
                    value.clone()
                }
                None => piece.clone(),
            };
            if let Some(pre) = &pre {
                joined.push_str(pre);
            }
            joined.push_str(&replaced);
            if let Some(post) = &post {
                joined.push_str(post);
            }
        }
        text = joined;
        if !again {
            break;
        }
    }
    text
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
    fn a_later_definition_replaces_the_earlier_one() {
        let file = SaFile::parse("body A /one/\nbody A /two/\n");
        assert_eq!(file.rules.len(), 1);
        assert!(matches!(&file.rules[0].test, Ok(SaTest::Body(p)) if p.body == "two"));
    }

    #[test]
    fn escaped_hash_signs_are_not_comments() {
        let file = SaFile::parse("body A /\\#1 deal/ # comment\n");
        assert!(matches!(&file.rules[0].test, Ok(SaTest::Body(p)) if p.body == "#1 deal"));
    }

    #[test]
    fn replace_tags_follow_the_plugin() {
        let mut tags = Tags::default();
        tags.tags.insert("A".into(), "[aA@]".into());
        tags.tags.insert("B".into(), "[bB8]".into());
        tags.inter.insert("W1".into(), "\\W?".into());
        // As Perl's `split`, a leading empty field is there (and gets the inter tag).
        assert_eq!(replace_tags("<inter W1><A><B>c", &tags), "\\W?[aA@]\\W?[bB8]c");
        assert_eq!(replace_tags("x<Q>y", &tags), "x<Q>y");
    }
}
