//! The catalogues: every message exists in en, fr, es and pl, none is empty,
//! every language uses the same named parameters, and every rule has its texts.

use mail_preflight::i18n::{self, template_params, Locale};
use mail_preflight::rules::REGISTRY;

#[test]
fn every_message_has_every_language_with_the_same_parameters() {
    let mut problems = Vec::new();
    let mut ids = std::collections::HashSet::new();
    for entry in i18n::all_entries() {
        if !ids.insert(entry.id) {
            problems.push(format!("{}: duplicate id", entry.id));
        }
        let mut english = template_params(entry.en);
        english.sort();
        for locale in Locale::ALL {
            let text = entry.text(locale);
            if text.trim().is_empty() {
                problems.push(format!("{}: missing in {}", entry.id, locale.code()));
                continue;
            }
            let mut params = template_params(text);
            params.sort();
            if params != english {
                problems.push(format!("{}: {} uses {:?}, en uses {:?}", entry.id, locale.code(), params, english));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_rule_has_summary_why_and_fix_in_every_language() {
    let mut missing = Vec::new();
    for rule in REGISTRY {
        for key in [format!("{}.summary", rule.id), format!("{}.why", rule.id), format!("{}.fix", rule.id)] {
            if i18n::entry(&key).is_none() {
                missing.push(key);
            }
        }
    }
    assert!(missing.is_empty(), "missing catalogue keys: {missing:?}");
}

#[test]
fn every_message_id_used_by_the_code_is_in_the_catalogue() {
    // Scan the sources for Msg::new("…") ids so a typo fails here, not in front of a user.
    let mut missing = Vec::new();
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut stack = vec![src];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap_or_default();
            let mut rest = text.as_str();
            while let Some(pos) = rest.find("Msg::new(\"") {
                rest = &rest[pos + 10..];
                let id = &rest[..rest.find('"').unwrap_or(0)];
                if i18n::entry(id).is_none() {
                    missing.push(format!("{id} ({})", path.display()));
                }
            }
        }
    }
    assert!(missing.is_empty(), "ids used in code but missing from the catalogue: {missing:?}");
}

#[test]
fn numbers_follow_the_readers_language() {
    assert_eq!(i18n::format_int(10_485_760, Locale::En), "10,485,760");
    assert_eq!(i18n::format_int(10_485_760, Locale::Es), "10.485.760");
    assert_eq!(i18n::format_megabytes(10_500_000, Locale::Fr), "10,50\u{a0}MB");
}

#[test]
fn locales_parse_from_browser_tags() {
    assert_eq!(Locale::parse("fr-CA"), Some(Locale::Fr));
    assert_eq!(Locale::parse("pl_PL.UTF-8"), Some(Locale::Pl));
    assert_eq!(Locale::parse("de"), None);
}
