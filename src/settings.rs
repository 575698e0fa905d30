//! Settings: the options of a lint run, validated once and resolved against
//! the rules' declared thresholds. Rules read their numbers here through the
//! threshold constants they declare, never through option structs.
//!
//! This module sits low: it knows thresholds and values, not rules. The
//! pipeline checks an `Options` value against the registry and builds a
//! `Settings` (`pipeline::resolve`).

use crate::i18n::Locale;
use crate::options::SmtpSettings;
use crate::report::Severity;
use std::borrow::Cow;
use crate::hash::FastMap;

/// Where a severity, a threshold or a limit comes from. Every rule and every
/// threshold names at least one; `Ours` marks a default we chose ourselves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Evidence {
    /// A statement of the hosting guides (`../shared/seeds/`), quoted.
    Guide(&'static str),
    /// An RFC section, e.g. "RFC 5322 §3.6: exactly one From field".
    Rfc(&'static str),
    /// A receiver's or filter's published rule (Gmail, Yahoo, Outlook, SpamAssassin, rspamd).
    Receiver(&'static str),
    /// A measurement in this repository (e.g. `make calibrate`).
    Measured(&'static str),
    /// A default of our own, with its reason.
    Ours(&'static str),
}

impl Evidence {
    /// `guide`, `rfc`, `receiver`, `measured` or `ours`.
    pub fn kind(&self) -> &'static str {
        match self {
            Evidence::Guide(_) => "guide",
            Evidence::Rfc(_) => "rfc",
            Evidence::Receiver(_) => "receiver",
            Evidence::Measured(_) => "measured",
            Evidence::Ours(_) => "ours",
        }
    }
    pub fn text(&self) -> &'static str {
        match self {
            Evidence::Guide(t)
            | Evidence::Rfc(t)
            | Evidence::Receiver(t)
            | Evidence::Measured(t)
            | Evidence::Ours(t) => t,
        }
    }
}

/// The type, default and accepted range of a threshold.
#[derive(Debug, Clone, Copy)]
pub enum Kind {
    /// A whole number (count, bytes, characters, seconds), `min..=max`.
    Int { default: i64, min: i64, max: i64 },
    /// A decimal number (ratio, px, contrast), `min..=max`.
    Number { default: f64, min: f64, max: f64 },
    /// On or off.
    Flag { default: bool },
    /// A list of words; the default is given inline or as a data file (one item
    /// a line, `#` starts a comment). At most `max_items` items.
    List { default: ListDefault, max_items: usize },
}

/// The default items of a list threshold.
#[derive(Debug, Clone, Copy)]
pub enum ListDefault {
    Items(&'static [&'static str]),
    /// The text of a data file (`include_str!`), one item a line, `#` comments.
    Lines(&'static str),
    /// Computed from the engine's own tables (e.g. every executable extension group).
    Computed(fn() -> Vec<String>),
}

impl ListDefault {
    pub fn items(&self) -> Vec<String> {
        match self {
            ListDefault::Items(items) => items.iter().map(|s| s.to_string()).collect(),
            // Each line up to its `#`, trimmed (a `\r` with it), if anything is left.
            ListDefault::Lines(text) => text
                .split('\n')
                .filter_map(|line| {
                    let item = line.find('#').map_or(line, |comment| &line[..comment]).trim();
                    (!item.is_empty()).then(|| item.to_string())
                })
                .collect(),
            ListDefault::Computed(make) => make(),
        }
    }
}

/// A tunable number or list: declared once, in the file of the rule (or the
/// analysis stage) that reads it, overridable in `options.thresholds`.
#[derive(Debug, Clone, Copy)]
pub struct Threshold {
    /// `group.name`, e.g. `spam.subjectCapsWords`: the option is
    /// `thresholds.spam.subjectCapsWords`.
    pub key: &'static str,
    pub kind: Kind,
    /// What it means, with its unit, in the four languages (the rules reference,
    /// SARIF's rule help; the options schema keeps the English).
    pub doc: crate::i18n::Localized,
    pub evidence: Evidence,
}

impl Threshold {
    /// The group part of the key (`spam`).
    pub fn group(&self) -> &'static str {
        self.key.split_once('.').map_or(self.key, |(g, _)| g)
    }
    /// The name part of the key (`subjectCapsWords`).
    pub fn name(&self) -> &'static str {
        self.key.split_once('.').map_or(self.key, |(_, n)| n)
    }
    /// The default value.
    pub fn default_value(&self) -> Value {
        match self.kind {
            Kind::Int { default, .. } => Value::Int(default),
            Kind::Number { default, .. } => Value::Number(default),
            Kind::Flag { default } => Value::Flag(default),
            Kind::List { default, .. } => Value::List(default.items()),
        }
    }
}

/// A resolved threshold value.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Int(i64),
    Number(f64),
    Flag(bool),
    List(Vec<String>),
}

/// How the options change one rule.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct RuleOverride {
    /// The rule does not run.
    pub off: bool,
    /// Every finding of the rule gets this severity.
    pub severity: Option<Severity>,
    /// Spam points of each finding instead of the rule's.
    pub score: Option<f64>,
}

/// The SpamAssassin-style threshold: a message whose spam score reaches it
/// fails. Calibrated on labelled real mail (`make calibrate`, README
/// "Calibration"); overridable with `options.spamThreshold`.
pub const DEFAULT_SPAM_THRESHOLD: f64 = 5.0;

/// Options, validated and resolved: what every rule reads.
#[derive(Debug, Clone)]
pub struct Settings {
    pub locale: Locale,
    /// "Now" for date checks, Unix seconds; the engine never reads the clock.
    pub now: Option<i64>,
    /// IPs and CIDRs known to be listed by reputation bodies.
    pub listed_ips: Vec<String>,
    /// SMTP settings of the sending script (`config/*` rules).
    pub smtp: Option<SmtpSettings>,
    /// Spam score at which the verdict is `fail`.
    pub spam_threshold: f64,
    /// The site's own domains as given (`options.senderDomains`), lower-cased.
    pub sender_domains: Vec<String>,
    /// DKIM public keys given in the options: the DNS name (lower-cased) and
    /// the record read, or why it cannot be read.
    pub dkim_keys: Vec<(String, Result<crate::dkim::Record, crate::dkim::RecordProblem>)>,
    /// The thresholds the caller's options set; one not set reads its declared
    /// default (`int`, `number`, `flag`, `list`). Keyed by the thresholds' own
    /// names, as `overrides` by rule ids (`crate::hash`).
    values: FastMap<&'static str, Value>,
    overrides: FastMap<String, RuleOverride>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            locale: Locale::En,
            now: None,
            listed_ips: Vec::new(),
            smtp: None,
            spam_threshold: DEFAULT_SPAM_THRESHOLD,
            sender_domains: Vec::new(),
            dkim_keys: Vec::new(),
            values: FastMap::default(),
            overrides: FastMap::default(),
        }
    }
}

impl Settings {
    /// Sets a threshold to the value the caller's options give (already validated).
    pub fn set_from_options(&mut self, threshold: &'static Threshold, value: Value) {
        self.values.insert(threshold.key, value);
    }
    /// Sets how the options change a rule.
    pub fn set_override(&mut self, rule_id: &str, rule_override: RuleOverride) {
        self.overrides.insert(rule_id.to_string(), rule_override);
    }
    /// How the options change a rule (nothing by default).
    pub fn rule_override(&self, rule_id: &str) -> RuleOverride {
        self.overrides.get(rule_id).copied().unwrap_or_default()
    }

    fn value(&self, threshold: &Threshold) -> Option<&Value> {
        self.values.get(threshold.key)
    }
    /// A whole-number threshold (its default when not set or of another kind).
    pub fn int(&self, threshold: &Threshold) -> i64 {
        match (self.value(threshold), threshold.kind) {
            (Some(Value::Int(v)), _) => *v,
            (_, Kind::Int { default, .. }) => default,
            _ => 0,
        }
    }
    /// A whole-number threshold as a count (never negative).
    pub fn count(&self, threshold: &Threshold) -> usize {
        usize::try_from(self.int(threshold).max(0)).unwrap_or(usize::MAX)
    }
    /// A decimal threshold.
    pub fn number(&self, threshold: &Threshold) -> f64 {
        match (self.value(threshold), threshold.kind) {
            (Some(Value::Number(v)), _) => *v,
            (Some(Value::Int(v)), _) => *v as f64,
            (_, Kind::Number { default, .. }) => default,
            (_, Kind::Int { default, .. }) => default as f64,
            _ => 0.0,
        }
    }
    /// An on/off threshold.
    pub fn flag(&self, threshold: &Threshold) -> bool {
        match (self.value(threshold), threshold.kind) {
            (Some(Value::Flag(v)), _) => *v,
            (_, Kind::Flag { default }) => default,
            _ => false,
        }
    }
    /// The caller's own items of a list threshold, when the options set it
    /// (`None`: the default list, which a rule may keep built once for all messages).
    pub fn own_list(&self, threshold: &Threshold) -> Option<&[String]> {
        match self.value(threshold) {
            Some(Value::List(items)) => Some(items.as_slice()),
            _ => None,
        }
    }
    /// Whether the threshold in force is its declared default: not set, or set
    /// to the default. A message may then credit the default's source ("the
    /// guides flag 3 or more"); a configured value is said to be the caller's.
    pub fn is_default(&self, threshold: &Threshold) -> bool {
        match (self.value(threshold), threshold.kind) {
            (None, _) => true,
            (Some(_), Kind::Int { default, .. }) => self.int(threshold) == default,
            (Some(_), Kind::Number { default, .. }) => self.number(threshold) == default,
            (Some(_), Kind::Flag { default }) => self.flag(threshold) == default,
            (Some(Value::List(items)), Kind::List { .. }) => items.as_slice() == default_list(threshold),
            (Some(_), Kind::List { .. }) => false,
        }
    }
    /// A list threshold: the caller's items, resolved with the settings, or
    /// the declared default, made once for the process (`default_items`);
    /// never parsed again either way.
    pub fn list(&self, threshold: &Threshold) -> Cow<'_, [String]> {
        Cow::Borrowed(self.own_list(threshold).unwrap_or_else(|| default_list(threshold)))
    }
}

/// The items of a list threshold's default (none for another kind), made once
/// for the process (`default_items`).
pub fn default_list(threshold: &Threshold) -> &'static [String] {
    match threshold.kind {
        Kind::List { default, .. } => default_items(threshold.key, &default),
        _ => &[],
    }
}

/// The items of a list threshold's default, made once for the process when a
/// rule first reads it (`Settings::list`), not for every settings resolved: a
/// lint reads few of them (the 1,233 redirectors only when a link disagrees
/// with its text), and making all twelve was a quarter of a first lint's
/// instructions (#14). One per list threshold, kept for the process.
fn default_items(key: &'static str, default: &ListDefault) -> &'static [String] {
    static MADE: std::sync::Mutex<Vec<(&'static str, &'static [String])>> = std::sync::Mutex::new(Vec::new());
    let mut made = MADE.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    if let Some(&(_, items)) = made.iter().find(|(made_key, _)| *made_key == key) {
        return items;
    }
    let items: &'static [String] = Box::leak(default.items().into_boxed_slice());
    made.push((key, items));
    items
}

#[cfg(test)]
mod tests {
    use super::*;

    const LINES: Threshold = Threshold {
        key: "test.lines",
        kind: Kind::List { default: ListDefault::Lines("a.example # a comment\n\n  b.example\n# c.example\n"), max_items: 10 },
        doc: crate::i18n::Localized { en: "a list read from lines", fr: "-", es: "-", pl: "-" },
        evidence: Evidence::Ours("a test"),
    };

    #[test]
    fn a_default_list_is_made_once_and_an_own_list_wins() {
        let settings = Settings::default();
        let first = settings.list(&LINES);
        assert_eq!(&*first, ["a.example", "b.example"]);
        assert!(std::ptr::eq(first.as_ptr(), settings.list(&LINES).as_ptr()), "made once");
        assert_eq!(settings.own_list(&LINES), None);
        let mut own = Settings::default();
        own.set_from_options(&LINES, Value::List(vec!["c.example".into()]));
        assert_eq!(&*own.list(&LINES), ["c.example"]);
        assert_eq!(own.own_list(&LINES), Some(&["c.example".to_string()][..]));
        // Settings resolved from options hold no default list: it is made when read.
        let resolved = crate::pipeline::resolve::resolve(&Default::default()).expect("default options");
        let redirectors = resolved.list(&crate::rules::links::mismatch::LINK_REDIRECTORS);
        assert_eq!(&*redirectors, ListDefault::Lines(include_str!("rules/links/data/redirectors.txt")).items());
    }

    #[test]
    fn a_threshold_is_default_when_not_set_or_set_to_its_default() {
        const WORDS: Threshold = Threshold {
            key: "test.words",
            kind: Kind::Int { default: 3, min: 1, max: 100 },
            doc: crate::i18n::Localized { en: "a count", fr: "un nombre", es: "un número", pl: "liczba" },
            evidence: Evidence::Ours("a test"),
        };
        const RATIO: Threshold = Threshold {
            key: "test.ratio",
            kind: Kind::Number { default: 0.7, min: 0.0, max: 1.0 },
            doc: crate::i18n::Localized { en: "a ratio", fr: "une proportion", es: "una proporción", pl: "proporcja" },
            evidence: Evidence::Ours("a test"),
        };
        let mut settings = Settings::default();
        assert!(settings.is_default(&WORDS) && settings.is_default(&RATIO) && settings.is_default(&LINES));
        settings.set_from_options(&WORDS, Value::Int(3));
        settings.set_from_options(&RATIO, Value::Number(0.7));
        settings.set_from_options(&LINES, Value::List(vec!["a.example".into(), "b.example".into()]));
        assert!(settings.is_default(&WORDS) && settings.is_default(&RATIO) && settings.is_default(&LINES));
        settings.set_from_options(&WORDS, Value::Int(2));
        settings.set_from_options(&RATIO, Value::Int(1));
        settings.set_from_options(&LINES, Value::List(vec!["a.example".into()]));
        assert!(!settings.is_default(&WORDS) && !settings.is_default(&RATIO) && !settings.is_default(&LINES));
    }

    #[test]
    fn every_default_list_reads_its_lines_as_before() {
        let as_before = |text: &str| -> Vec<String> {
            text.lines().map(|l| l.split('#').next().unwrap_or_default().trim()).filter(|l| !l.is_empty()).map(str::to_string).collect()
        };
        let mut read = 0;
        for threshold in crate::pipeline::resolve::all_thresholds() {
            if let Kind::List { default: default @ ListDefault::Lines(text), .. } = threshold.kind {
                assert_eq!(default.items(), as_before(text), "{}", threshold.key);
                read += 1;
            }
        }
        assert!(read >= 5, "{read}");
        for text in ["a\r\nb # c\r\n#d\n\n e \r", "", "#", "x#y#z"] {
            assert_eq!(ListDefault::Lines(text).items(), as_before(text), "{text:?}");
        }
    }
}
