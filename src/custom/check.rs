//! `checkCustomRules(json)`: the rules editor's check as you type. The text
//! is a list of rules, or an object with `customRules` and `spamassassinRules`
//! (other option fields are left to the options check). Every problem comes
//! with where it is: line and column in the JSON text (a pattern's error at
//! its character), or in the SpamAssassin text.

use super::compile::CustomRules;
use super::json_spans::{offset_in_string, spans, Positions};
use super::problems::ProblemReport;
use super::spec::CustomRuleSpec;
use super::{Problem, ProblemKind};
use crate::i18n::Locale;
use crate::report::Severity;
use serde::Serialize;

/// How a SpamAssassin text loaded, in numbers.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SpamAssassinSummary {
    /// Rules loaded, by type.
    pub loaded: std::collections::BTreeMap<String, usize>,
    pub loaded_total: usize,
    /// Loaded rules with score 0 (SpamAssassin does not run them either).
    pub disabled: usize,
    pub refused: usize,
    /// Refusals by reason, most frequent first.
    pub refused_by_reason: Vec<ReasonCount>,
    /// Lines left out by a false `if`/`ifplugin`.
    pub skipped_lines: usize,
    /// Settings SpamAssassin knows that do not apply to a preflight (`whitelist_from`,
    /// `required_score`, `report`, …), skipped: their lines, by name.
    pub other_settings: std::collections::BTreeMap<String, usize>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReasonCount {
    pub reason: String,
    pub count: usize,
}

/// A rule of your own that can report, as a catalogue lists it (the CLI's
/// SARIF `tool.driver.rules`): what `rules()` says of the engine's rules.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RuleEntry {
    /// `acme/banned-words`, or `sa/NAME`.
    pub id: String,
    /// `header`, `body`, … (`customRules` targets, SpamAssassin rule types, `meta`).
    pub kind: &'static str,
    pub default_severity: Severity,
    pub default_score: f64,
    /// The message in the reader's language, else English, else the id: a
    /// template with `{match}` for `customRules`, SpamAssassin's `describe` as written.
    pub message: String,
    /// The fix in the reader's language (else English), when the rule has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fix: Option<String>,
}

/// The result of a check.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CheckResult {
    /// The rules can be used (SpamAssassin refusals leave the other rules usable).
    pub ok: bool,
    /// Rules of `customRules` that compiled.
    pub custom_rules: usize,
    pub problems: Vec<ProblemReport>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spamassassin: Option<SpamAssassinSummary>,
    /// The rules that can report a finding, in load order (`customRules`, then
    /// SpamAssassin's): none whose score 0 keeps it from running, no `__` sub-rule.
    pub rules: Vec<RuleEntry>,
}

/// Checks the rules in `json`, texts in `locale`.
pub fn check_custom_rules(json: &str, locale: Locale) -> CheckResult {
    // An escaped lone surrogate (`"\ud800"`, which `JSON.stringify` writes for a
    // string holding one) reads as U+FFFD, as in the options and a scenario
    // (`hygiene::lone_surrogates_replaced`): serde_json refuses it, which made
    // rules `lint` takes "not valid JSON" here. Same length: positions hold.
    let json = &*crate::hygiene::lone_surrogates_replaced_in(json);
    let mut problems: Vec<Problem> = Vec::new();
    let value: serde_json::Value = match serde_json::from_str(json) {
        Ok(value) => value,
        Err(error) => {
            let kind = if error.to_string().starts_with("recursion limit exceeded") {
                ProblemKind::JsonTooDeep
            } else {
                ProblemKind::Json
            };
            let mut problem = Problem::new("customRules", kind);
            problem.line = Some(error.line().max(1));
            problem.column = Some(error.column().max(1));
            return result(vec![problem], 0, None, locale);
        }
    };
    let (rules_path, rules_value, sa_text) = match &value {
        serde_json::Value::Array(_) => (String::new(), Some(value.clone()), None),
        serde_json::Value::Object(map) => (
            "customRules".to_string(),
            map.get("customRules").cloned(),
            map.get("spamassassinRules").and_then(|v| v.as_str()).map(str::to_string),
        ),
        _ => {
            return result(vec![Problem::new("customRules", ProblemKind::RulesShape)], 0, None, locale);
        }
    };
    let positions = spans(json);
    let positions_of_json = Positions::new(json);
    let path_of = |index: usize, field: &str| {
        let element = if rules_path.is_empty() { index.to_string() } else { format!("{rules_path}/{index}") };
        if field.is_empty() {
            element
        } else {
            format!("{element}/{field}")
        }
    };
    // Each rule alone, so one rule of the wrong shape does not hide the others' problems.
    let mut specs: Vec<CustomRuleSpec> = Vec::new();
    let items = match rules_value {
        Some(serde_json::Value::Array(items)) => items,
        Some(serde_json::Value::Null) | None => Vec::new(),
        Some(_) => {
            let mut problem = Problem::new("customRules", ProblemKind::RulesNotList);
            problem.field = Some("customRules");
            if let Some(&(start, _)) = positions.get(&rules_path) {
                let (line, column) = positions_of_json.line_column(start);
                (problem.line, problem.column) = (Some(line), Some(column));
            }
            return result(vec![problem], 0, None, locale);
        }
    };
    let mut indices: Vec<usize> = Vec::new();
    for (index, item) in items.into_iter().enumerate() {
        match crate::error::objects_only::from_value::<CustomRuleSpec>(item) {
            Ok(spec) => {
                specs.push(spec);
                indices.push(index);
            }
            Err(error) => {
                let rule = format!("customRules[{index}]");
                let invalid = crate::error::Invalid::from_serde(&error.to_string(), &rule);
                let mut problem = Problem::new(&rule, ProblemKind::Spec(invalid));
                problem.index = Some(index);
                if let Some(&(start, _)) = positions.get(&path_of(index, "")) {
                    let (line, column) = positions_of_json.line_column(start);
                    (problem.line, problem.column) = (Some(line), Some(column));
                }
                problems.push(problem);
            }
        }
    }
    let compiled = CustomRules::compile(&specs, sa_text.as_deref());
    let custom_count = specs.len();
    let (compiled, mut rule_problems) = match compiled {
        Ok(rules) => (Some(rules), Vec::new()),
        Err(found) => (None, found),
    };
    // A problem's rule index is its index among the well-formed rules: back to the JSON's.
    for problem in &mut rule_problems {
        problem.index = problem.index.and_then(|i| indices.get(i).copied());
        let (Some(index), Some(field)) = (problem.index, problem.field) else {
            continue;
        };
        let Some(&span) = positions.get(&path_of(index, field)).or_else(|| positions.get(&path_of(index, ""))) else {
            continue;
        };
        let offset = match (field, problem.column) {
            ("pattern", Some(column)) => offset_in_string(json, span, column),
            _ => span.0,
        };
        let (line, column) = positions_of_json.line_column(offset);
        problem.at_character = problem.column;
        (problem.line, problem.column) = (Some(line), Some(column));
    }
    problems.extend(rule_problems);
    let ok = problems.is_empty();
    let summary = compiled.as_ref().filter(|_| sa_text.is_some()).map(|rules| {
        let load = &rules.load;
        // In the order of the text's lines, as a reader goes through it.
        let mut refusals: Vec<&Problem> = load.refused.iter().chain(&load.unreadable_lines).collect();
        refusals.sort_by_key(|p| p.line);
        problems.extend(refusals.into_iter().cloned());
        SpamAssassinSummary {
            loaded: load.loaded.clone(),
            loaded_total: load.loaded_total(),
            disabled: load.disabled,
            refused: load.refused_total(),
            refused_by_reason: load
                .refused_by_reason()
                .into_iter()
                .map(|(reason, count)| ReasonCount { reason, count })
                .collect(),
            skipped_lines: load.skipped_lines,
            other_settings: load.other_settings.clone(),
        }
    });
    let mut out = result(problems, custom_count, summary, locale);
    out.ok = ok;
    if let Some(rules) = &compiled {
        out.rules = rule_entries(rules, locale);
    }
    out
}

/// The catalogue entries of the rules that can report.
fn rule_entries(rules: &CustomRules, locale: Locale) -> Vec<RuleEntry> {
    rules
        .rules
        .iter()
        .filter(|rule| rule.reported && rule.runs)
        .map(|rule| RuleEntry {
            id: rule.id.clone(),
            kind: rule.kind,
            default_severity: rule.severity,
            default_score: rule.score,
            message: rule.texts.message.get(locale).unwrap_or(&rule.id).to_string(),
            fix: rule.texts.fix.as_ref().and_then(|f| f.get(locale)).map(str::to_string),
        })
        .collect()
}

fn result(
    problems: Vec<Problem>,
    custom_rules: usize,
    spamassassin: Option<SpamAssassinSummary>,
    locale: Locale,
) -> CheckResult {
    let ok = problems.is_empty();
    let problems = problems
        .into_iter()
        .map(|p| ProblemReport {
            message: p.message(locale),
            reason: p.kind.key(),
            // A problem of no rule of `customRules` (nor of the whole text) is one of the SpamAssassin text.
            field: p
                .field
                .map(str::to_string)
                .or_else(|| (p.index.is_none() && p.rule != "customRules").then(|| "spamassassinRules".to_string())),
            rule: p.rule,
            line: p.line,
            column: p.column,
            index: p.index,
        })
        .collect();
    CheckResult { ok, custom_rules, problems, spamassassin, rules: Vec::new() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rule_whose_fields_do_not_read_is_said_in_the_readers_language() {
        let json = r#"[{"id": "acme/x", "pattern": "a", "message": {"en": "x"}}]"#;
        let result = check_custom_rules(json, Locale::Fr);
        let problem = &result.problems[0];
        assert_eq!(problem.index, Some(0));
        assert!(problem.message.contains("customRules[0]") && problem.message.contains("« target » manque"), "{}", problem.message);
        assert!(!problem.message.contains("missing field"), "{}", problem.message);
    }

    #[test]
    fn a_pattern_error_is_reported_at_its_character_in_the_json() {
        let json = "[\n  {\"id\": \"acme/x\", \"target\": \"body\", \"pattern\": \"ab(c\"}\n]";
        let result = check_custom_rules(json, Locale::En);
        assert!(!result.ok);
        let problem = &result.problems[0];
        assert_eq!((problem.line, problem.field.as_deref(), problem.index), (Some(2), Some("pattern"), Some(0)));
        let column = problem.column.unwrap();
        assert_eq!(json.lines().nth(1).unwrap().chars().nth(column - 1), Some('('));
    }

    #[test]
    fn json_syntax_errors_have_their_line() {
        let result = check_custom_rules("[\n{\"id\": }", Locale::Fr);
        assert_eq!(result.problems[0].line, Some(2));
        assert!(result.problems[0].message.starts_with("Ligne 2"));
    }
}
