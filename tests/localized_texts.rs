//! Texts said in the reader's language with nothing English left in them, and
//! one way of writing a thing per language (the audit of the fr/es/pl outputs).

use mail_preflight::i18n::{Locale, Param};
use mail_preflight::pipeline::docs;
use std::collections::BTreeMap;

fn render(id: &str, params: &[(&str, Param)], locale: Locale) -> String {
    let params: BTreeMap<String, Param> = params.iter().map(|(k, v)| (k.to_string(), v.clone())).collect();
    docs::render_message(id, &params, locale)
}

#[test]
fn rules_that_are_not_json_are_said_without_the_json_parsers_english() {
    let said = |locale| mail_preflight::custom::check_custom_rules(r#"[{"id":"a/b",}]"#, locale).problems[0].message.clone();
    assert_eq!(said(Locale::En), "Line 1: The rules stop being valid JSON at column 14 of this line.");
    assert_eq!(said(Locale::Fr), "Ligne 1 : Les règles cessent d'être du JSON valide à la colonne 14 de cette ligne.");
    for locale in Locale::ALL {
        let text = said(locale);
        assert!(!text.contains("trailing comma") && !text.contains(" at line "), "{text}");
    }
}

#[test]
fn a_persistent_transient_failure_does_not_open_as_a_permanent_one() {
    for locale in Locale::ALL {
        let class = |reply: &str| mail_preflight::smtp::explain(reply, locale).enhanced.expect("an enhanced code").class;
        let (transient, permanent) = (class("451 4.3.0 try later"), class("550 5.3.0 refused"));
        // "Permanent failure", "Échec permanent", "Fallo permanente", "Trwały błąd": not in the transient class.
        let permanent_words: Vec<String> = permanent.split_whitespace().take(2).map(|w| w.trim_matches(':').to_lowercase()).collect();
        let permanent_words = permanent_words.join(" ");
        assert!(!transient.to_lowercase().contains(&permanent_words), "{}: {transient} / {permanent}", locale.code());
    }
}

#[test]
fn the_iana_registry_as_a_codes_reference_is_said_in_the_readers_language() {
    let reference = |locale| mail_preflight::smtp::explain("451 4.7.28 flood", locale).enhanced.unwrap().reference;
    assert_eq!(reference(Locale::En).as_deref(), Some("IANA registry"));
    assert_eq!(reference(Locale::Fr).as_deref(), Some("registre IANA"));
    assert_eq!(reference(Locale::Es).as_deref(), Some("registro IANA"));
    assert_eq!(reference(Locale::Pl).as_deref(), Some("rejestr IANA"));
    // A document is a document's name in every language.
    assert_eq!(mail_preflight::smtp::explain("550 5.7.27 x", Locale::Fr).enhanced.unwrap().reference.as_deref(), Some("RFC 7505"));
}

#[test]
fn held_mails_over_the_too_fast_limit_are_declined_by_their_number() {
    let params = |burst: i64| {
        vec![("rate", Param::Int(60)), ("held", Param::Int(100)), ("burst", Param::Int(burst)), ("window", Param::Int(60))]
    };
    let said = |burst, locale| render("queue.assumption.redistribution-over", &params(burst), locale);
    assert!(said(3, Locale::Pl).contains("ponad 3 wstrzymane e-maile go przekracza"), "{}", said(3, Locale::Pl));
    assert!(said(5, Locale::Pl).contains("ponad 5 wstrzymanych e-maili go przekracza"), "{}", said(5, Locale::Pl));
    assert!(said(1, Locale::Pl).contains("ponad 1 wstrzymany e-mail go przekracza"), "{}", said(1, Locale::Pl));
    assert!(said(1, Locale::En).contains("more than 1 held mail trips it"), "{}", said(1, Locale::En));
    assert!(said(1, Locale::Fr).contains("plus de 1 e-mail retenu la franchit"), "{}", said(1, Locale::Fr));
    assert!(said(1, Locale::Es).contains("más de 1 mensaje retenido lo supera"), "{}", said(1, Locale::Es));
}

/// Every word boundary a text has `word` at.
fn has_word(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + word.len()..].chars().next();
        !before.is_some_and(|c| c.is_alphanumeric() || c == '-') && !after.is_some_and(|c| c.is_alphanumeric() || c == '-')
    })
}

#[test]
fn each_language_writes_a_thing_one_way_in_every_text() {
    let mut found = Vec::new();
    for entry in docs::all_entries() {
        let (en, es, pl) = (entry.en, entry.es, entry.pl);
        // Percentages: "70%" in English and Polish, as `queue.value.percent` writes them.
        for (locale, text) in [(Locale::En, en), (Locale::Pl, pl)] {
            if text.match_indices(" %").any(|(at, _)| text[..at].ends_with(|c: char| c.is_ascii_digit() || c == '}')) {
                found.push(format!("{} ({}): a space before %", entry.id, locale.code()));
            }
        }
        // Spanish: "el RFC" (el documento).
        if ["la RFC", "La RFC"].iter().any(|w| es.contains(w)) {
            found.push(format!("{} (es): la RFC, write el RFC", entry.id));
        }
        // Polish: the capitalised polite Twój/Twoje; "twoja-domena" in an example address is a name.
        for word in ["twój", "twoje", "twoja", "twojego", "twojej", "twoich", "twoim", "twoją"] {
            if has_word(pl, word) {
                found.push(format!("{} (pl): {word}, write it capitalised", entry.id));
            }
        }
        // Polish: "JSON-em" after "poprawnym", as `cli.error.config-not-json` declines it.
        if pl.contains("poprawnym JSON") && !pl.contains("poprawnym JSON-em") {
            found.push(format!("{} (pl): poprawnym JSON, write poprawnym JSON-em", entry.id));
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
    let text = |id: &str, locale| docs::entry(id).unwrap().text(locale);
    // French: the findings say "sujet"; the page's field and search word say it too.
    assert_eq!(text("ui.compose.subject", Locale::Fr), "Sujet");
    assert!(text("ui.rules.search-placeholder", Locale::Fr).contains("sujet"));
    // The state names of the guides, one per language (ES guide: "Inactivo", PL guide: "Nieaktywny").
    for locale in Locale::ALL {
        assert_eq!(text("ui.state.disabled", locale), text("queue.state.disabled", locale), "{}", locale.code());
    }
}
