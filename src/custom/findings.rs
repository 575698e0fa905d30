//! Hits of custom rules made findings, like those of the engine's rules: the
//! caller's overrides (`options.rules`, `options.scores`), the message in the
//! report's language (else English, else the rule id) with `{match}`, the
//! evidence and every message-derived text through `hygiene::visible`, the
//! location with its line and column.

use super::compile::{CustomRules, Test};
use super::cuts::Cut;
use super::limits::MAX_CUSTOM_RULE_WORK;
use super::run::{runs, Evaluation};
use super::spec::shown_text;
use crate::hygiene::{visible, MAX_PARAM_CHARS};
use crate::i18n::{render_template, Locale, Msg, Param};
use crate::model::Message;
use crate::report::{CustomTexts, Finding, Location, Severity};
use crate::rules::MAX_EVIDENCE_CHARS;
use crate::settings::Settings;
use std::collections::BTreeMap;
use std::sync::Arc;

/// The findings of the rules that hit, in rule order.
pub fn findings(rules: &CustomRules, evaluation: &Evaluation, message: &Message, settings: &Settings) -> Vec<Finding> {
    let locale = settings.locale;
    let mut out = Vec::new();
    for (index, rule) in rules.rules.iter().enumerate() {
        if !rule.reported || !evaluation.hit(index) || !runs(rule, settings) {
            continue;
        }
        let over = settings.rule_override(&rule.id);
        let severity = over.severity.unwrap_or(rule.severity);
        // `tflags multiple`: SpamAssassin adds the score once per hit; a meta's value counts once.
        let times = if rule.max_hits > 1 { evaluation.hits[index] } else { 1.0 };
        let score = over.score.unwrap_or(rule.score) * times;
        let found = evaluation.found[index].clone().unwrap_or_default();
        let shown = visible(&found.text, MAX_PARAM_CHARS);
        let params = BTreeMap::from([("match".to_string(), Param::Text(shown))]);
        let (message_text, fix) = custom_texts_in(&rule.texts, &rule.id, &params, locale);
        let mut location =
            Location { header: found.header.map(|h| visible(&h, MAX_PARAM_CHARS)), ..Location::default() };
        location.part = found.part;
        if let Some(range) = found.range {
            let (line, column) = message.line_index.line_column(message.raw, range.start);
            location.start = Some(range.start);
            location.end = Some(range.end);
            location.line = Some(line);
            location.column = Some(column);
        }
        out.push(Finding {
            rule_id: rule.id.clone(),
            severity,
            score: (score * 1000.0).round() / 1000.0,
            message_id: rule.id.clone(),
            message: message_text,
            params,
            evidence: visible(&found.text, MAX_EVIDENCE_CHARS),
            evidence_id: None,
            location,
            fix_id: if rule.texts.fix.is_some() { rule.id.clone() } else { "core.custom.fix".to_string() },
            fix,
            custom_texts: Some(Arc::clone(&rule.texts)),
        });
    }
    out
}

/// The id of the findings that say where custom rules stopped reading: the
/// work limit, or a text read only up to its limit (`custom/` is kept for the engine).
pub const LIMIT_RULE_ID: &str = "custom/limit";

/// Most rule names listed in the work-limit finding; the count of the others follows.
const MAX_NAMED_RULES: usize = 10;

/// Where the custom rules stopped on this message (`Evaluation::unfinished`,
/// `Evaluation::cuts`): information, no points.
pub fn limit_findings(rules: &CustomRules, evaluation: &Evaluation, locale: Locale) -> Vec<Finding> {
    let mut out = Vec::new();
    if !evaluation.unfinished.is_empty() {
        let names: Vec<&str> =
            evaluation.unfinished.iter().take(MAX_NAMED_RULES).map(|&i| rules.rules[i].id.as_str()).collect();
        let more = evaluation.unfinished.len().saturating_sub(MAX_NAMED_RULES);
        let metas = evaluation.unfinished.iter().filter(|&&i| matches!(rules.rules[i].test, Test::Meta(_))).count();
        let msg = Msg::new("core.custom.limit.work")
            .int("limit", MAX_CUSTOM_RULE_WORK)
            .int("count", evaluation.unfinished.len())
            .text("rules", visible(&names.join(", "), MAX_PARAM_CHARS))
            .int("more", more)
            .int("metas", metas);
        out.push(limit_finding(msg, "core.custom.limit.work.fix", None, locale));
    }
    for target in ["body", "rawbody", "full"] {
        let cuts: Vec<&Cut> = evaluation.cuts.iter().filter(|c| c.target == target).collect();
        let Some(first) = cuts.first() else { continue };
        let msg = match first.part {
            Some(part) => Msg::new("core.custom.limit.part")
                .text("target", target)
                .int("limit", first.limit)
                .int("count", cuts.len())
                .int("part", part)
                .int("size", first.size),
            None => Msg::new("core.custom.limit.full").int("limit", first.limit).int("size", first.size),
        };
        out.push(limit_finding(msg, "core.custom.limit.part.fix", first.part, locale));
    }
    out
}

fn limit_finding(msg: Msg, fix_id: &'static str, part: Option<usize>, locale: Locale) -> Finding {
    Finding {
        rule_id: LIMIT_RULE_ID.to_string(),
        severity: Severity::Info,
        score: 0.0,
        message_id: msg.id.to_string(),
        message: msg.render(locale),
        params: msg.params.iter().map(|(name, value)| (name.to_string(), value.clone())).collect(),
        evidence: String::new(),
        evidence_id: None,
        location: Location { part, ..Location::default() },
        fix_id: fix_id.to_string(),
        fix: Msg::new(fix_id).render(locale),
        custom_texts: None,
    }
}

/// A custom finding's message and fix in `locale`: the message in that language,
/// else English, else the rule id; a template with `{match}` unless it is a
/// SpamAssassin description (`literal`), said as written. `renderReport` says a
/// finding again in another language with it.
pub fn custom_texts_in(
    texts: &CustomTexts,
    rule_id: &str,
    params: &BTreeMap<String, Param>,
    locale: Locale,
) -> (String, String) {
    let params: Vec<(&str, Param)> = params.iter().map(|(k, v)| (k.as_str(), v.clone())).collect();
    // Texts compiled here are already visible; those of a report given to `renderReport` may not be.
    let message = match texts.message.get(locale) {
        Some(text) if texts.literal => shown_text(text),
        Some(template) => render_template(&shown_text(template), &params, locale),
        None => visible(rule_id, MAX_PARAM_CHARS),
    };
    let fix = match texts.fix.as_ref().and_then(|f| f.get(locale)) {
        Some(template) => render_template(&shown_text(template), &params, locale),
        None => Msg::new("core.custom.fix").render(locale),
    };
    (message, fix)
}
