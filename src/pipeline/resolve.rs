//! Options → settings: every field checked against what the registry declares
//! (rule ids, thresholds with their types and ranges), once per options value.
//! A mistake is `invalid-options` naming the field, with the closest known
//! name suggested.

use crate::error::{LintError, What};
use crate::options::Options;
use crate::rules::REGISTRY;
use crate::text::distance::closest;
use crate::settings::{Kind, RuleOverride, Settings, Threshold, Value, DEFAULT_SPAM_THRESHOLD};

/// Longest list a list threshold accepts from options, in items, whatever the
/// threshold says (a bound on the work per message).
pub const MAX_LIST_ITEMS: usize = 10_000;
/// Longest item of a list threshold, in bytes.
pub const MAX_LIST_ITEM_BYTES: usize = 1_000;
/// Highest spam threshold accepted (SpamAssassin's scale: 5 is its default, 20+ is never reached).
pub const MAX_SPAM_THRESHOLD: f64 = 1_000.0;
pub use crate::options::MAX_RULE_SCORE;

/// Every threshold the engine declares: those of the rules, then those of the
/// analysis stages, each once.
pub fn all_thresholds() -> Vec<&'static Threshold> {
    let mut out: Vec<&'static Threshold> = Vec::new();
    for threshold in
        REGISTRY.iter().flat_map(|r| r.thresholds.iter().copied()).chain(super::ANALYSIS_LIMITS.iter().copied())
    {
        if !out.iter().any(|t| t.key == threshold.key) {
            out.push(threshold);
        }
    }
    out
}

/// Validates `options` and resolves every threshold (defaults where not given).
pub fn resolve(options: &Options) -> Result<Settings, LintError> {
    resolve_with(options, &[])
}

/// `resolve`, with the ids of the caller's own rules (`customRules`,
/// `spamassassinRules`) accepted in `rules` and `scores`.
pub fn resolve_with(options: &Options, custom_ids: &[&str]) -> Result<Settings, LintError> {
    let thresholds = all_thresholds();
    let mut settings = Settings::default();
    settings.locale = options.locale;
    crate::options::check_now(options.now)?;
    settings.now = options.now;
    if let Some(port) = options.smtp.as_ref().and_then(|smtp| smtp.port) {
        if !(1..=crate::options::MAX_PORT).contains(&port) {
            let range = What::Range { value: port.to_string(), min: "1".into(), max: crate::options::MAX_PORT.to_string() };
            return Err(LintError::options("smtp.port", range));
        }
    }
    settings.listed_ips = options.listed_ips.clone();
    if settings.listed_ips.len() > MAX_LIST_ITEMS {
        let count = settings.listed_ips.len();
        return Err(LintError::options("listedIps", What::TooMany { count, max: MAX_LIST_ITEMS }));
    }
    if let Some(transport) = options.smtp.as_ref().and_then(|smtp| smtp.transport.as_deref()) {
        if crate::rules::config::transport_named(transport).is_none() {
            let known = crate::rules::config::TRANSPORT_NAMES.iter().map(|name| name.to_string()).collect();
            let what = What::UnknownValue { name: crate::error::quoted(transport), known };
            return Err(LintError::options("smtp.transport", what));
        }
    }
    settings.smtp = options.smtp.clone();
    settings.sender_domains = sender_domains(&options.sender_domains)?;
    settings.dkim_keys = dkim_keys(&options.dkim_keys)?;
    if let Some(threshold) = options.spam_threshold {
        if !threshold.is_finite() || threshold <= 0.0 || threshold > MAX_SPAM_THRESHOLD {
            // NaN is how `spam_threshold_field` keeps a null (JSON's writing of it, and of Infinity).
            let value = if threshold.is_nan() { "null".to_string() } else { threshold.to_string() };
            let range = What::AboveZero { value, max: MAX_SPAM_THRESHOLD.to_string() };
            return Err(LintError::options("spamThreshold", range));
        }
        settings.spam_threshold = threshold;
    } else {
        settings.spam_threshold = DEFAULT_SPAM_THRESHOLD;
    }

    let known_ids: Vec<&str> = REGISTRY.iter().map(|r| r.id).chain(custom_ids.iter().copied()).collect();
    for (id, setting) in &options.rules {
        if !known_ids.contains(&id.as_str()) {
            return Err(unknown("rules", id, &known_ids));
        }
        let mut rule_override = settings.rule_override(id);
        rule_override.off = setting.severity().is_none();
        rule_override.severity = setting.severity();
        settings.set_override(id, rule_override);
    }
    for (id, score) in &options.scores {
        if !known_ids.contains(&id.as_str()) {
            return Err(unknown("scores", id, &known_ids));
        }
        if !score.is_finite() || score.abs() > MAX_RULE_SCORE {
            let range = What::Range {
                value: score.to_string(),
                min: format!("-{MAX_RULE_SCORE}"),
                max: MAX_RULE_SCORE.to_string(),
            };
            return Err(LintError::options(format!("scores.{id}"), range));
        }
        let rule_override = RuleOverride { score: Some(*score), ..settings.rule_override(id) };
        settings.set_override(id, rule_override);
    }

    // A threshold the options do not set reads its declared default (`Settings::int`
    // and the others): none is stored, so with default options every read is
    // answered without a lookup, and a list is made only when a rule reads it.
    let groups: Vec<&str> = {
        let mut g: Vec<&str> = thresholds.iter().map(|t| t.group()).collect();
        g.sort_unstable();
        g.dedup();
        g
    };
    for (group, values) in &options.thresholds {
        if !groups.contains(&group.as_str()) {
            return Err(unknown("thresholds", group, &groups));
        }
        let names: Vec<&str> = thresholds.iter().filter(|t| t.group() == group).map(|t| t.name()).collect();
        for (name, json) in values {
            let Some(threshold) = thresholds.iter().find(|t| t.group() == group && t.name() == name) else {
                return Err(unknown(&format!("thresholds.{group}"), name, &names));
            };
            let value = value_of(threshold, json).map_err(|what| LintError::options(format!("thresholds.{}", threshold.key), what))?;
            settings.set_from_options(threshold, value);
        }
    }
    Ok(settings)
}

/// Most DKIM keys accepted in `options.dkimKeys` (a bound on the work per message; default, ours).
pub const MAX_DKIM_KEYS: usize = 100;

/// `options.senderDomains`: host names (RFC 1035 §2.3.1 LDH labels, 253 octets at most), lower-cased;
/// an internationalised name is accepted as written (`bücher.de`) when its A-labels are one.
fn sender_domains(domains: &[String]) -> Result<Vec<String>, LintError> {
    if domains.len() > MAX_LIST_ITEMS {
        return Err(LintError::options("senderDomains", What::TooMany { count: domains.len(), max: MAX_LIST_ITEMS }));
    }
    domains
        .iter()
        .map(|d| {
            let domain = d.trim().trim_end_matches('.').to_lowercase();
            if is_host_name(&crate::rules::sender::ascii_domain(&domain)) {
                Ok(domain)
            } else {
                Err(LintError::options("senderDomains", What::NotDomain { text: crate::error::quoted(d) }))
            }
        })
        .collect()
}

/// `options.dkimKeys`: names `selector._domainkey.domain` (RFC 6376 §3.6.2.1), records read.
fn dkim_keys(
    keys: &std::collections::BTreeMap<String, String>,
) -> Result<Vec<(String, Result<crate::dkim::Record, crate::dkim::RecordProblem>)>, LintError> {
    if keys.len() > MAX_DKIM_KEYS {
        return Err(LintError::options("dkimKeys", What::TooMany { count: keys.len(), max: MAX_DKIM_KEYS }));
    }
    keys.iter()
        .map(|(name, record)| {
            let lower = name.trim().trim_end_matches('.').to_ascii_lowercase();
            let valid = lower
                .split_once("._domainkey.")
                .is_some_and(|(selector, domain)| is_host_name(selector) && is_host_name(domain));
            if !valid {
                return Err(LintError::options("dkimKeys", What::NotDkimKeyName { text: crate::error::quoted(name) }));
            }
            Ok((lower, crate::dkim::parse_record(record)))
        })
        .collect()
}

fn is_host_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 253
        && name.split('.').all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && label.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        })
}

/// A JSON value checked against a threshold's kind and range.
fn value_of(threshold: &Threshold, json: &serde_json::Value) -> Result<Value, What> {
    match threshold.kind {
        Kind::Int { min, max, .. } => {
            let range = || What::Range { value: quoted_json(json), min: min.to_string(), max: max.to_string() };
            let n = match (json.as_i64(), json.as_f64()) {
                (Some(n), _) => n,
                // A whole number past i64 (`1e30`, `18446744073709551615`) is out of range, not fractional.
                (None, Some(f)) if f.is_finite() && f.fract() == 0.0 => return Err(range()),
                _ => return Err(What::NotWholeNumber { value: quoted_json(json) }),
            };
            if n < min || n > max {
                return Err(What::Range { value: n.to_string(), min: min.to_string(), max: max.to_string() });
            }
            Ok(Value::Int(n))
        }
        Kind::Number { min, max, .. } => {
            let n = json.as_f64().ok_or_else(|| What::NotNumber { value: quoted_json(json) })?;
            if !n.is_finite() || n < min || n > max {
                return Err(What::Range { value: n.to_string(), min: min.to_string(), max: max.to_string() });
            }
            Ok(Value::Number(n))
        }
        Kind::Flag { .. } => json.as_bool().map(Value::Flag).ok_or_else(|| What::NotFlag { value: quoted_json(json) }),
        Kind::List { max_items, .. } => {
            let items = json.as_array().ok_or(What::NotTextList)?;
            let limit = max_items.min(MAX_LIST_ITEMS);
            if items.len() > limit {
                return Err(What::TooMany { count: items.len(), max: limit });
            }
            let mut out = Vec::with_capacity(items.len());
            for (i, item) in items.iter().enumerate() {
                let text = item.as_str().ok_or(What::ItemNotText { index: i })?;
                if text.len() > MAX_LIST_ITEM_BYTES {
                    return Err(What::ItemTooLong { index: i, bytes: text.len(), max: MAX_LIST_ITEM_BYTES });
                }
                out.push(text.to_string());
            }
            Ok(Value::List(out))
        }
    }
}

/// "rules: unknown name "spam/subject-cap"; did you mean "spam/subject-caps"?"
fn unknown(field: &str, name: &str, known: &[&str]) -> LintError {
    let suggestion = closest(name, known).map(str::to_string);
    LintError::options(field, What::UnknownName { name: crate::error::quoted(name), suggestion })
}

/// A JSON value as an error quotes it.
fn quoted_json(json: &serde_json::Value) -> String {
    crate::error::quoted(&json.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typos_get_the_closest_known_name() {
        assert_eq!(closest("spam/subject-cap", &["spam/subject-caps", "size/total"]), Some("spam/subject-caps"));
        assert_eq!(closest("completely-else", &["spam/subject-caps"]), None);
    }

    #[test]
    fn a_rule_name_without_its_group_gets_the_whole_id() {
        assert_eq!(closest("line-length", &["size/total", "size/line-length"]), Some("size/line-length"));
        assert_eq!(closest("Line-Length", &["size/line-length"]), Some("size/line-length"));
    }
}
