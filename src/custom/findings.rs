//! Hits of custom rules made findings, like those of the engine's rules: the
//! caller's overrides (`options.rules`, `options.scores`), the message in the
//! report's language (else English, else the rule id) with `{match}`, the
//! evidence and every message-derived text through `hygiene::visible`, the
//! location with its line and column.

use super::compile::CustomRules;
use super::run::{runs, Evaluation};
use crate::hygiene::{visible, MAX_PARAM_CHARS};
use crate::i18n::{render_template, Locale, Msg, Param};
use crate::model::Message;
use crate::report::{CustomTexts, Finding, Location};
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
            location,
            fix_id: if rule.texts.fix.is_some() { rule.id.clone() } else { "core.custom.fix".to_string() },
            fix,
            custom_texts: Some(Arc::clone(&rule.texts)),
        });
    }
    out
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
    let message = match texts.message.get(locale) {
        Some(text) if texts.literal => text.to_string(),
        Some(template) => render_template(template, &params, locale),
        None => rule_id.to_string(),
    };
    let fix = match texts.fix.as_ref().and_then(|f| f.get(locale)) {
        Some(template) => render_template(template, &params, locale),
        None => Msg::new("core.custom.fix").render(locale),
    };
    (message, fix)
}
