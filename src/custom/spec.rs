//! The shape of a rule in `options.customRules`, as JSON, and its checks
//! (id, texts). Patterns are checked when they are compiled (`pattern`).

pub use crate::options::custom::{CustomRuleSpec, CustomSeverity, Expect, Texts};
use super::targets::Target;
use super::{Problem, ProblemKind, MAX_ID_BYTES, MAX_TEXT_BYTES};
use crate::i18n::Locale;
use crate::report::Severity;
use crate::rules::Group;



impl Texts {
    /// The text in `locale`, else in English.
    pub fn get(&self, locale: Locale) -> Option<&str> {
        let local = match locale {
            Locale::En => &self.en,
            Locale::Fr => &self.fr,
            Locale::Es => &self.es,
            Locale::Pl => &self.pl,
        };
        local.as_deref().or(self.en.as_deref()).filter(|t| !t.trim().is_empty())
    }
    pub fn set(&mut self, locale: Locale, text: String) {
        match locale {
            Locale::En => self.en = Some(text),
            Locale::Fr => self.fr = Some(text),
            Locale::Es => self.es = Some(text),
            Locale::Pl => self.pl = Some(text),
        }
    }
    fn all(&self) -> impl Iterator<Item = &String> {
        [&self.en, &self.fr, &self.es, &self.pl].into_iter().flatten()
    }
    /// The texts with their control and bidi characters made visible, as a
    /// message's own text is (`hygiene::visible`: `␍`, `␛`, `<U+202E>`): a rule
    /// file cannot forge a line of a CI log, move a terminal's cursor or reorder
    /// what a reader sees, in any output, since every output reads these.
    pub fn made_visible(&self) -> Texts {
        let shown = |text: &Option<String>| text.as_deref().map(shown_text);
        Texts { en: shown(&self.en), fr: shown(&self.fr), es: shown(&self.es), pl: shown(&self.pl) }
    }
}

/// Most characters of a rule's text once made visible: a text of
/// `MAX_TEXT_BYTES` shown whole, as a character becomes at most four per byte
/// of it (`<U+0085>`: eight characters for two bytes).
const MAX_SHOWN_TEXT_CHARS: usize = 4 * MAX_TEXT_BYTES;

/// A rule's text (message, fix, SpamAssassin `describe`) with its control and
/// bidi characters made visible; a longer text (a report given to
/// `renderReport`) keeps its ends around "…".
pub fn shown_text(text: &str) -> String {
    crate::hygiene::visible(text, MAX_SHOWN_TEXT_CHARS)
}


impl CustomSeverity {
    pub fn severity(self) -> Severity {
        match self {
            CustomSeverity::Info => Severity::Info,
            CustomSeverity::Warning => Severity::Warning,
            CustomSeverity::Error => Severity::Error,
        }
    }
}


/// Whether `id` is `namespace/name` with a namespace of the caller's own: lowercase
/// ASCII letters, digits, `-`, `_` and `.` in both parts, one `/`.
pub fn check_id(id: &str, rule: &str, index: usize, problems: &mut Vec<Problem>) {
    let well_formed = id.len() <= MAX_ID_BYTES
        && id.split_once('/').is_some_and(|(namespace, name)| {
            let part = |s: &str| {
                !s.is_empty()
                    && s.bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'-' | b'_' | b'.'))
            };
            part(namespace) && part(name) && !name.contains('/')
        });
    if !well_formed {
        problems.push(Problem::new(rule, ProblemKind::BadId).in_rule(index, "id"));
        return;
    }
    let namespace = id.split('/').next().unwrap_or_default();
    if Group::ALL.iter().any(|g| g.name() == namespace) || RESERVED_NAMESPACES.contains(&namespace) {
        let kind = ProblemKind::ReservedNamespace { namespace: namespace.to_string() };
        problems.push(Problem::new(rule, kind).in_rule(index, "id"));
    }
}

/// Namespaces the engine keeps for itself besides its rule groups: `sa/` holds
/// the rules of `spamassassinRules`, `core/` its own messages.
pub const RESERVED_NAMESPACES: &[&str] = &["sa", "core", "custom"];

/// Checks what a spec says besides its pattern: id, header name, score, texts.
pub fn check_spec(spec: &CustomRuleSpec, index: usize, problems: &mut Vec<Problem>) {
    let rule = label(spec, index);
    check_id(&spec.id, &rule, index, problems);
    let header = match (spec.target, spec.header.as_deref()) {
        (Target::Header, None) => Some(ProblemKind::HeaderNameMissing),
        (Target::Header, Some(name)) if !is_field_name(name) => Some(ProblemKind::HeaderNameInvalid),
        (Target::Header, Some(_)) | (_, None) => None,
        (_, Some(_)) => Some(ProblemKind::HeaderNameUnused),
    };
    if let Some(kind) = header {
        problems.push(Problem::new(&rule, kind).in_rule(index, "header"));
    }
    if !spec.score.is_finite() || spec.score.abs() > crate::options::MAX_RULE_SCORE {
        problems.push(Problem::new(&rule, ProblemKind::ScoreOutOfRange).in_rule(index, "score"));
    }
    let too_long = spec.message.all().chain(spec.fix.iter().flat_map(Texts::all)).any(|t| t.len() > MAX_TEXT_BYTES);
    if too_long {
        problems.push(Problem::new(&rule, ProblemKind::TextTooLong).in_rule(index, "message"));
    }
}

/// How a rule is named in problems: its id (made visible by `Problem::new`:
/// an id refused for its characters is quoted), or its position when the id is unusable.
pub fn label(spec: &CustomRuleSpec, index: usize) -> String {
    if spec.id.is_empty() || spec.id.len() > MAX_ID_BYTES {
        format!("customRules[{index}]")
    } else {
        spec.id.clone()
    }
}

/// RFC 5322 §2.2: a field name is printable ASCII except the colon.
fn is_field_name(name: &str) -> bool {
    !name.is_empty() && name.len() <= MAX_ID_BYTES && name.bytes().all(|b| (33..=126).contains(&b) && b != b':')
}

/// The JSON Schema (draft 2020-12) of `customRules` and `spamassassinRules`,
/// and of the ids of custom rules in `rules` and `scores` (`pipeline::docs::options_schema`).
pub fn json_schema() -> (serde_json::Value, serde_json::Value, serde_json::Value) {
    use super::limits::{MAX_PATTERN_BYTES, MAX_RULES, MAX_RULES_TEXT_BYTES};
    let texts = serde_json::json!({
        "type": "object",
        "additionalProperties": false,
        "properties": { "en": { "type": "string" }, "fr": { "type": "string" }, "es": { "type": "string" }, "pl": { "type": "string" } },
    });
    let custom_rules = serde_json::json!({
        "description": "Your own rules: a pattern (Rust regex syntax, linear-time matching) on a target of the message.",
        "type": "array",
        "maxItems": MAX_RULES,
        "items": {
            "type": "object",
            "additionalProperties": false,
            "required": ["id", "target", "pattern"],
            "properties": {
                "id": { "description": "namespace/name, the namespace your own.", "type": "string", "pattern": CUSTOM_ID_PATTERN, "maxLength": MAX_ID_BYTES },
                "target": { "enum": ["header", "subject", "from", "body", "rawbody", "uri", "filename", "full"] },
                "header": { "description": "The header field a header rule reads.", "type": "string" },
                "pattern": { "type": "string", "maxLength": MAX_PATTERN_BYTES },
                "expect": { "enum": ["absent", "match"], "default": "absent" },
                "severity": { "enum": ["info", "warning", "error"], "default": "warning" },
                "score": { "type": "number", "default": 0 },
                "message": texts,
                "fix": texts,
            },
        },
    });
    let spamassassin = serde_json::json!({
        "description": "The text of a SpamAssassin rule file (.cf); its rules report as sa/NAME.",
        "type": ["string", "null"],
        "maxLength": MAX_RULES_TEXT_BYTES,
    });
    let ids = serde_json::json!({ "anyOf": [{ "pattern": CUSTOM_ID_PATTERN }, { "pattern": "^sa/[A-Za-z_][A-Za-z0-9_]*$" }] });
    (custom_rules, spamassassin, ids)
}

/// The form of a custom rule's id (`check_id`): not in a namespace of the engine.
const CUSTOM_ID_PATTERN: &str =
    "^(?!(?:size|headers|spam|links|attachment|config|sa|core|custom)/)[a-z0-9._-]+/[a-z0-9._-]+$";

#[cfg(test)]
mod tests {
    use super::*;

    fn id_problems(id: &str) -> Vec<ProblemKind> {
        let mut problems = Vec::new();
        check_id(id, id, 0, &mut problems);
        problems.into_iter().map(|p| p.kind).collect()
    }

    #[test]
    fn ids_need_a_namespace_of_their_own() {
        assert!(id_problems("acme/banned-words").is_empty());
        assert_eq!(id_problems("banned-words"), vec![ProblemKind::BadId]);
        assert_eq!(id_problems("Acme/X"), vec![ProblemKind::BadId]);
        assert_eq!(id_problems("spam/banned"), vec![ProblemKind::ReservedNamespace { namespace: "spam".into() }]);
        assert_eq!(id_problems("sa/FOO"), vec![ProblemKind::BadId]);
        assert_eq!(id_problems("sa/foo"), vec![ProblemKind::ReservedNamespace { namespace: "sa".into() }]);
    }

    #[test]
    fn the_schema_pattern_of_ids_agrees_with_the_check() {
        // The schema's pattern is ECMAScript (look-ahead); the part after it is checked here.
        let pattern = regex::Regex::new(
            CUSTOM_ID_PATTERN.replace("(?!(?:size|headers|spam|links|attachment|config|sa|core|custom)/)", "").as_str(),
        )
        .unwrap();
        for id in ["acme/banned-words", "a.b/c_d-1"] {
            assert!(pattern.is_match(id) && id_problems(id).is_empty(), "{id}");
        }
        for id in ["Acme/x", "acme", "a/b/c"] {
            assert!(!pattern.is_match(id) && !id_problems(id).is_empty(), "{id}");
        }
    }

    #[test]
    fn texts_fall_back_to_english() {
        let texts = Texts { en: Some("Found {match}".into()), fr: Some("Trouvé {match}".into()), ..Texts::default() };
        assert_eq!(texts.get(Locale::Fr), Some("Trouvé {match}"));
        assert_eq!(texts.get(Locale::Pl), Some("Found {match}"));
        assert_eq!(Texts::default().get(Locale::En), None);
    }
}
