//! Options of a lint run: language, per-rule overrides, thresholds and the
//! facts the message alone cannot tell (the current time, a list of listed IPs,
//! the SMTP settings a script uses). Field names are camelCase in JSON.

pub mod custom;
pub mod php;

use crate::i18n::Locale;
use crate::report::Severity;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Latest `now` accepted, in Unix seconds: 9999-12-31T23:59:59Z, the last
/// instant a four-digit year names (RFC 5322 §3.3 `year = 4*DIGIT`). Earlier
/// than 0 (1970) is refused too: no mail is dated before Unix time.
pub const MAX_NOW_SECONDS: i64 = 253_402_300_799;
/// Largest absolute number of points a rule may be given (`scores`, a custom
/// rule's `score`, a SpamAssassin `score` line): the bound of a finding's points
/// in the spam score (`report::MAX_FINDING_SCORE`).
pub const MAX_RULE_SCORE: f64 = crate::report::MAX_FINDING_SCORE;
/// Highest TCP port (RFC 793 §3.1: 16 bits); 0 is reserved (RFC 6335 §6).
pub const MAX_PORT: u32 = 65_535;

/// `now`, when given, within 0 to `MAX_NOW_SECONDS`; the error names the field.
pub fn check_now(now: Option<i64>) -> Result<(), crate::error::LintError> {
    match now {
        Some(n) if !(0..=MAX_NOW_SECONDS).contains(&n) => {
            Err(crate::error::LintError::options(
                "now",
                crate::error::What::Range { value: n.to_string(), min: "0".into(), max: MAX_NOW_SECONDS.to_string() },
            ))
        }
        _ => Ok(()),
    }
}

/// `now` from JSON: any number is read, so a value that is no whole number of
/// seconds is refused naming the field (serde alone would not name it).
pub(crate) fn now_field<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Option<i64>, D::Error> {
    whole_number(deserializer, "now", 0, MAX_NOW_SECONDS)
}

/// `spamThreshold` from JSON: a number, or a null kept as NaN (see the field).
fn spam_threshold_field<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Option<f64>, D::Error> {
    Ok(Some(Option::<f64>::deserialize(deserializer)?.unwrap_or(f64::NAN)))
}

/// `smtp.port` from JSON, refused naming the field when it is no port number.
fn port_field<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Option<u32>, D::Error> {
    let port = whole_number(deserializer, "smtp.port", 1, i64::from(MAX_PORT))?;
    Ok(port.map(|p| p as u32))
}

/// A whole number in `min..=max`, or null; otherwise an error naming `field`.
fn whole_number<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
    field: &str,
    min: i64,
    max: i64,
) -> Result<Option<i64>, D::Error> {
    use serde::de::Error;
    match serde_json::Value::deserialize(deserializer)? {
        serde_json::Value::Null => Ok(None),
        serde_json::Value::Number(n) => match n.as_i64() {
            Some(n) if (min..=max).contains(&n) => Ok(Some(n)),
            _ => Err(D::Error::custom(format!("{field}: {n} is outside {min} to {max}"))),
        },
        other => Err(D::Error::custom(format!(
            "{field}: {} is not a whole number",
            crate::hygiene::visible(&other.to_string(), 100)
        ))),
    }
}

/// A per-rule override: turn a rule off or force the severity of its findings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RuleSetting {
    Off,
    Info,
    Warning,
    Error,
}

impl RuleSetting {
    pub fn severity(self) -> Option<Severity> {
        match self {
            RuleSetting::Off => None,
            RuleSetting::Info => Some(Severity::Info),
            RuleSetting::Warning => Some(Severity::Warning),
            RuleSetting::Error => Some(Severity::Error),
        }
    }
}

/// How a script sends its mail, for the `config/*` rules.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct SmtpSettings {
    /// `mail` (PHP `mail()`) or `smtp`. Absent (or blank) with a `host`: `smtp`,
    /// except for a PHP `mail()` call (`lint_php_mail`), which is `mail`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub transport: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub host: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", deserialize_with = "port_field")]
    pub port: Option<u32>,
    /// `ssl`, `tls`, `starttls` or `none`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub security: Option<String>,
    /// The sending address, to tell the provider's own mailboxes from others.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    /// Whether the script logs in (PHPMailer's `SMTPAuth`; Nodemailer's `auth`
    /// given): `false` is judged against the hosting's servers, which send only
    /// for a logged-in mailbox (seed 002: `SMTPAuth = true`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub auth: Option<bool>,
}

/// Everything a lint run can be told.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct Options {
    /// The JSON Schema a config file names for editors (`"$schema"`); ignored.
    #[serde(rename = "$schema", skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// Language of messages and fixes.
    pub locale: Locale,
    /// Per-rule overrides, keyed by rule id: `{"size/line-length": "off"}`.
    /// An unknown id is refused (with the closest known id suggested).
    pub rules: BTreeMap<String, RuleSetting>,
    /// Spam points per rule id, replacing the rule's own (`rules::scores`).
    pub scores: BTreeMap<String, f64>,
    /// The spam score at which the verdict is `fail` (default 5.0, calibrated).
    /// A null is kept as NaN and refused by `pipeline::resolve`: `JSON.stringify`
    /// writes Infinity and NaN as null, which must not silently mean the default.
    #[serde(skip_serializing_if = "Option::is_none", deserialize_with = "spam_threshold_field")]
    pub spam_threshold: Option<f64>,
    /// Thresholds by group and name, e.g. `{"spam": {"subjectCapsWords": 4}}`.
    /// Every threshold is declared by the rule that reads it, with its type,
    /// default and range; unknown names and values out of range are refused.
    pub thresholds: BTreeMap<String, BTreeMap<String, serde_json::Value>>,
    /// "Now" for date checks, as Unix seconds; without it no date is judged
    /// too far in the past or future (the engine never reads the clock).
    #[serde(skip_serializing_if = "Option::is_none", deserialize_with = "now_field")]
    pub now: Option<i64>,
    /// IPs and CIDRs known to be listed by reputation bodies (`spam/listed-ip`).
    pub listed_ips: Vec<String>,
    /// SMTP settings of the sending script (`config/*` rules).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub smtp: Option<SmtpSettings>,
    /// PHP settings of the sending script: `platform` decides what `mail()` hands on (`lintPhpMail`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub php: Option<php::PhpSettings>,
    /// Your own rules: a pattern on a target of the message (`src/custom`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub custom_rules: Vec<custom::CustomRuleSpec>,
    /// The text of a SpamAssassin rule file (`.cf`); its rules are `sa/NAME`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spamassassin_rules: Option<String>,
    /// The site's own domains (`sender/*` rules). Without it, the domain of
    /// `smtp.from`, or for a PHP `mail()` call the domain of its `From`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sender_domains: Vec<String>,
    /// DKIM public keys by DNS name, as published in TXT records:
    /// `{"s1._domainkey.example.com": "v=DKIM1; k=rsa; p=MIIB…"}` (`dkim/signature`).
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub dkim_keys: BTreeMap<String, String>,
}

impl Options {
    /// Options from JSON, with a clear error for unknown fields or bad values.
    pub fn from_json(json: &str) -> Result<Options, crate::error::LintError> {
        crate::error::Invalid::parse(json, "options").map_err(crate::error::LintError::InvalidOptions)
    }

    pub fn with_locale(mut self, locale: Locale) -> Options {
        self.locale = locale;
        self
    }
}
