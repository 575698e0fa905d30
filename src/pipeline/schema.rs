//! The JSON Schema (draft 2020-12) of the options, generated from `Options`'
//! fields and the registry: rule ids, every declared threshold with its type,
//! default, range and source. Editors and the page validate options with it;
//! `pipeline::resolve` enforces the same constraints.

use super::resolve::{all_thresholds, MAX_LIST_ITEMS, MAX_LIST_ITEM_BYTES, MAX_RULE_SCORE, MAX_SPAM_THRESHOLD};
use crate::i18n::Locale;
use crate::rules::REGISTRY;
use crate::settings::{Kind, Threshold, Value, DEFAULT_SPAM_THRESHOLD};
use serde_json::{json, Map, Value as Json};

/// The JSON Schema of `Options`.
pub fn options_schema() -> Json {
    let rule_ids: Vec<&str> = REGISTRY.iter().map(|r| r.id).collect();
    let locales: Vec<&str> = Locale::ALL.iter().map(|l| l.code()).collect();
    let (custom_rules, spamassassin_rules, custom_ids) = crate::custom::spec::json_schema();
    let rule_names = json!({ "anyOf": [{ "enum": rule_ids }, custom_ids] });
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "urn:mail-preflight:options",
        "title": "mail-preflight options",
        "description": "Options of a lint run. Unknown fields, rule ids and thresholds are refused.",
        "type": "object",
        "additionalProperties": false,
        "properties": {
            "locale": {
                "description": "Language of messages and fixes.",
                "enum": locales,
                "default": "en",
            },
            "rules": {
                "description": "Per-rule overrides: turn a rule off or force the severity of its findings.",
                "type": "object",
                "propertyNames": rule_names,
                "additionalProperties": { "enum": ["off", "info", "warning", "error"] },
            },
            "scores": {
                "description": "Spam points per rule id, replacing the rule's own.",
                "type": "object",
                "propertyNames": rule_names,
                "additionalProperties": { "type": "number", "minimum": -MAX_RULE_SCORE, "maximum": MAX_RULE_SCORE },
            },
            "spamThreshold": {
                "description": "The spam score at which the verdict is fail (null, JSON's writing of Infinity and NaN, is refused).",
                "type": "number",
                "exclusiveMinimum": 0,
                "maximum": MAX_SPAM_THRESHOLD,
                "default": DEFAULT_SPAM_THRESHOLD,
            },
            "thresholds": thresholds_schema(),
            "now": {
                "description": "\"Now\" for date checks, Unix seconds; without it no date is judged too far in the past or future.",
                "type": ["integer", "null"],
                "minimum": 0,
                "maximum": crate::options::MAX_NOW_SECONDS,
            },
            "listedIps": {
                "description": "IPs and CIDRs known to be listed by reputation bodies (spam/listed-ip).",
                "type": "array",
                "items": { "type": "string" },
                "maxItems": MAX_LIST_ITEMS,
                "default": [],
            },
            "smtp": {
                "description": "SMTP settings of the sending script (config/* rules).",
                "type": ["object", "null"],
                "additionalProperties": false,
                "properties": {
                    "transport": { "description": "mail (PHP mail(); php and sendmail too) or smtp, in any case; other values are refused. Absent with a host: smtp, except for a PHP mail() call (lintPhpMail), which is mail.", "type": ["string", "null"] },
                    "host": { "type": ["string", "null"] },
                    "port": { "type": ["integer", "null"], "minimum": 1, "maximum": crate::options::MAX_PORT },
                    "security": { "description": "ssl, tls, starttls or none (smtps, ssl/tls and true are read as ssl).", "type": ["string", "null"] },
                    "from": { "description": "The sending address.", "type": ["string", "null"] },
                    "auth": { "description": "Whether the script logs in (PHPMailer's SMTPAuth); false is judged against the hosting's servers.", "type": ["boolean", "null"] },
                },
            },
            "customRules": custom_rules,
            "spamassassinRules": spamassassin_rules,
            "php": {
                "description": "How PHP hands mail() to the system (lintPhpMail): unix pipes it to sendmail, windows speaks SMTP itself.",
                "type": ["object", "null"],
                "additionalProperties": false,
                "properties": {
                    "platform": { "enum": ["unix", "windows"], "default": "unix" },
                },
            },
            "$schema": {
                "description": "The address of this schema, for editors (ignored by the engine).",
                "type": "string",
            },
            "senderDomains": {
                "description": "The site's own domains (sender/* rules); default: the domain of smtp.from, or of the From of a PHP mail() call.",
                "type": "array",
                "items": { "type": "string", "maxLength": 253 },
                "maxItems": MAX_LIST_ITEMS,
                "default": [],
            },
            "dkimKeys": {
                "description": "DKIM public keys by DNS name (selector._domainkey.domain): the TXT record text, e.g. \"v=DKIM1; k=rsa; p=MIIB…\" (dkim/signature).",
                "type": "object",
                "maxProperties": super::resolve::MAX_DKIM_KEYS,
                "additionalProperties": { "type": "string", "maxLength": crate::dkim::key::MAX_RECORD_BYTES },
                "default": {},
            },
        },
    })
}

/// `thresholds`: one object per group, one property per declared threshold.
fn thresholds_schema() -> Json {
    let mut groups: Map<String, Json> = Map::new();
    for threshold in all_thresholds() {
        let group = groups
            .entry(threshold.group())
            .or_insert_with(|| json!({ "type": "object", "additionalProperties": false, "properties": {} }));
        group["properties"][threshold.name()] = threshold_schema(threshold);
    }
    json!({
        "description": "Thresholds by group and name; each is declared by the rule or analysis stage that reads it.",
        "type": "object",
        "additionalProperties": false,
        "properties": groups,
    })
}

fn threshold_schema(threshold: &Threshold) -> Json {
    let description =
        format!("{} Source ({}): {}", threshold.doc.en, threshold.evidence.kind(), threshold.evidence.text());
    let default = match threshold.default_value() {
        Value::Int(n) => json!(n),
        Value::Number(n) => json!(n),
        Value::Flag(b) => json!(b),
        Value::List(items) => json!(items),
    };
    let mut schema = match threshold.kind {
        Kind::Int { min, max, .. } => json!({ "type": "integer", "minimum": min, "maximum": max }),
        Kind::Number { min, max, .. } => json!({ "type": "number", "minimum": min, "maximum": max }),
        Kind::Flag { .. } => json!({ "type": "boolean" }),
        Kind::List { max_items, .. } => json!({
            "type": "array",
            // The engine counts bytes of UTF-8, JSON Schema characters: the schema is the looser one.
            "items": {
                "type": "string",
                "maxLength": MAX_LIST_ITEM_BYTES,
                "description": format!("at most {MAX_LIST_ITEM_BYTES} bytes of UTF-8"),
            },
            "maxItems": max_items.min(MAX_LIST_ITEMS),
        }),
    };
    schema["description"] = json!(description);
    schema["default"] = default;
    schema
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_threshold_and_rule_id_is_in_the_schema() {
        let schema = options_schema();
        for threshold in all_thresholds() {
            let property =
                &schema["properties"]["thresholds"]["properties"][threshold.group()]["properties"][threshold.name()];
            assert!(property.is_object(), "{}", threshold.key);
        }
        let ids = schema["properties"]["rules"]["propertyNames"]["anyOf"][0]["enum"].as_array().unwrap();
        assert_eq!(ids.len(), REGISTRY.len());
    }
}
