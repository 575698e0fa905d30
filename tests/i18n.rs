//! Every text: the catalogues (core, page, CLI, queue, SMTP), every rule's
//! texts and the groups' labels exist in en, fr, es and pl, none is empty,
//! every language uses the same named parameters, and no id is declared twice.

use mail_preflight::i18n::{self, template_params, Locale};
use mail_preflight::pipeline::docs;
use mail_preflight::rules::{LABELS, REGISTRY};

#[test]
fn every_text_has_every_language_with_the_same_parameters_and_a_unique_id() {
    let mut problems = Vec::new();
    let mut ids = std::collections::HashSet::new();
    let entries = i18n::all_entries()
        .chain(REGISTRY.iter().flat_map(|rule| rule.texts.entries()))
        .chain(LABELS.iter().flat_map(|labels| labels.iter().copied()));
    let mut count = 0;
    for entry in entries {
        count += 1;
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
            for problem in i18n::plural_problems(text, locale) {
                problems.push(format!("{}: {}: {problem}", entry.id, locale.code()));
            }
            let mut params = template_params(text);
            params.sort();
            if params != english {
                problems.push(format!("{}: {} uses {:?}, en uses {:?}", entry.id, locale.code(), params, english));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert_eq!(count, docs::all_entries().count(), "docs::all_entries lists every text");
}

#[test]
fn every_rule_text_is_named_after_its_rule() {
    for rule in REGISTRY {
        let texts = rule.texts;
        assert_eq!(texts.summary.id, format!("{}.summary", rule.id));
        assert_eq!(texts.why.id, format!("{}.why", rule.id));
        assert_eq!(texts.fix.id, format!("{}.fix", rule.id));
        for entry in texts.messages {
            assert!(entry.id.starts_with(&format!("{}.", rule.id)), "{} in {}", entry.id, rule.id);
        }
    }
}

#[test]
fn every_threshold_doc_is_in_every_language_with_its_numbers_and_code() {
    // SARIF's rule help and `rules(locale)` show them: an English one in a French file is a defect.
    let mut problems = Vec::new();
    let digits = |text: &str| {
        let mut digits: Vec<char> = text.chars().filter(char::is_ascii_digit).collect();
        digits.sort();
        digits
    };
    let code = |text: &'static str| text.split('`').skip(1).step_by(2).collect::<Vec<_>>();
    let mut count = 0;
    let mut seen = std::collections::HashSet::new();
    for threshold in REGISTRY.iter().flat_map(|rule| rule.thresholds.iter()).filter(|t| seen.insert(t.key)) {
        count += 1;
        let doc = threshold.doc;
        for locale in [Locale::Fr, Locale::Es, Locale::Pl] {
            let text = doc.text(locale);
            if text.trim().is_empty() || text == doc.en {
                problems.push(format!("{}: no {} doc", threshold.key, locale.code()));
            } else if digits(text) != digits(doc.en) || code(text) != code(doc.en) {
                problems.push(format!("{} ({}): numbers or code differ from the English: {text}", threshold.key, locale.code()));
            }
        }
        assert_eq!(docs::rule_docs(Locale::Es).iter().flat_map(|r| &r.thresholds).find(|t| t.option == format!("thresholds.{}", threshold.key)).unwrap().doc, doc.es);
    }
    assert!(count >= 53, "{count} thresholds");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_catalogues_keep_only_core_page_cli_queue_and_smtp_texts() {
    for area in i18n::catalog::AREAS {
        assert!(["core", "queue", "queue-view", "smtp", "smtp-enhanced", "ui", "cli"].contains(&area.name), "{}", area.name);
        for entry in area.entries {
            let rule_like = REGISTRY.iter().any(|rule| entry.id.starts_with(&format!("{}.", rule.id)));
            assert!(!rule_like, "{} belongs in its rule's file", entry.id);
        }
    }
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
fn counted_words_agree_with_their_number_in_each_language() {
    // CLDR plural rules: English and Spanish singular for exactly 1, French for
    // 0 and 1 (and 1.5), Polish one / few (2–4, 22–24, not 12–14) / many / other
    // (fractions).
    let template = "{n, plural, =0 {none} one {# line} few {# lines (few)} many {# lines (many)} other {# lines}}";
    let render = |value: i18n::Param, locale| i18n::render_template(template, &[("n", value)], locale);
    let ints = [0, 1, 2, 5, 12, 22, 25, 112, 1_000_000, 1_000_001];
    let rendered = |locale| ints.iter().map(|&n| render(i18n::Param::Int(n), locale)).collect::<Vec<_>>();
    assert_eq!(
        rendered(Locale::En),
        ["none", "1 line", "2 lines", "5 lines", "12 lines", "22 lines", "25 lines", "112 lines", "1,000,000 lines", "1,000,001 lines"]
    );
    let pl = rendered(Locale::Pl);
    let pl: Vec<&str> = pl.iter().map(|t| t.rsplit(['(', ' ']).next().unwrap_or_default().trim_end_matches(')')).collect();
    assert_eq!(pl, ["none", "line", "few", "many", "many", "few", "many", "many", "many", "many"]);
    assert_eq!(render(i18n::Param::Int(1_000_000), Locale::Fr), "1\u{202f}000\u{202f}000 lines (many)");
    assert_eq!(render(i18n::Param::Int(1), Locale::Fr), "1 line");
    assert_eq!(render(i18n::Param::Float(1.5), Locale::Fr), "1,5 line");
    assert_eq!(render(i18n::Param::Float(1.5), Locale::En), "1.5 lines");
    assert_eq!(render(i18n::Param::Float(1.5), Locale::Pl), "1,5 lines");
    assert_eq!(render(i18n::Param::Fixed { number: 1.0, decimals: 1 }, Locale::En), "1.0 lines");
    assert_eq!(render(i18n::Param::Fixed { number: 1.0, decimals: 1 }, Locale::Es), "1,0 line");
    // Other parameters inside a branch, two choices in one text, a missing parameter left visible.
    let two = "{a, plural, one {# phrase in {where}} other {# phrases in {where}}}, {b, plural, one {# category} other {# categories}}";
    let params = [("a", i18n::Param::Int(1)), ("b", i18n::Param::Int(3)), ("where", i18n::Param::Text("x".into()))];
    assert_eq!(i18n::render_template(two, &params, Locale::En), "1 phrase in x, 3 categories");
    assert_eq!(template_params(two), ["a", "where", "b"]);
    assert_eq!(i18n::render_template(two, &params[1..], Locale::En), "{a, plural, one {# phrase in {where}} other {# phrases in {where}}}, 3 categories");
    assert_eq!(i18n::plural_problems("{n, plural, one {#} other {#}}", Locale::Pl), ["n: no few branch", "n: no many branch"]);
    assert_eq!(i18n::plural_problems("{n, plural, one {#} two {#} other {#}}", Locale::En), ["n: no category two in en"]);
    assert_eq!(i18n::plural_problems("{n, plurall, one {#}}", Locale::En), ["{n, plurall, one {#}: not a plural construct"]);
}

#[test]
fn every_count_of_one_reads_in_the_singular_in_english() {
    // Every text rendered with its numeric parameters at 1 (and the others as
    // words) must not say "1 <word>s", a plural noun after one: the plural
    // choice is missing there. Numeric parameters: those the engine passes as
    // numbers (`.int`, `.float`, `.fixed` in src/) and those any text chooses a
    // plural on.
    let entries: Vec<_> = i18n::all_entries().chain(REGISTRY.iter().flat_map(|rule| rule.texts.entries())).collect();
    let mut numeric = numeric_params_in(std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src")));
    for entry in &entries {
        for locale in Locale::ALL {
            let mut rest = entry.text(locale);
            while let Some(at) = rest.find('{') {
                if let Some(plural) = i18n::Plural::parse(&rest[at..]) {
                    numeric.insert(plural.name.to_string());
                }
                rest = &rest[at + 1..];
            }
        }
    }
    assert!(numeric.contains("count") && numeric.contains("categoryCount"), "{numeric:?}");
    let mut problems = Vec::new();
    for entry in &entries {
        let params: Vec<(&str, i18n::Param)> = template_params(entry.en)
            .into_iter()
            .map(|name| (name, if numeric.contains(name) { i18n::Param::Int(1) } else { i18n::Param::Text("x".into()) }))
            .collect();
        let text = i18n::render_template(entry.en, &params, Locale::En);
        for (at, _) in text.match_indices("1 ") {
            if text[..at].chars().next_back().is_some_and(|c| c.is_ascii_alphanumeric() || ".,§-".contains(c)) {
                continue;
            }
            let word: String = text[at + 2..].chars().take_while(|c| c.is_alphabetic()).collect();
            let plural = word.len() > 2 && word.ends_with('s') && !["ss", "us", "is"].iter().any(|e| word.ends_with(e));
            if plural && !NOT_PLURAL.contains(&word.as_str()) {
                problems.push(format!("{}: \"{}\"", entry.id, text));
                break;
            }
        }
    }
    assert!(problems.is_empty(), "{} text(s) say one of a plural:\n{}", problems.len(), problems.join("\n"));
}

/// Words ending in s after "1" that are no plural noun: a factor ("1 times
/// its size"), verbs ("1 does not fit", the header value "1 marks"), "sales" of
/// "1 sales or pressure phrase".
const NOT_PLURAL: &[&str] = &["times", "does", "marks", "sales"];

/// Names the engine passes as numbers: `.int("name"`, `.float("name"`, `.fixed("name"` in `dir`.
fn numeric_params_in(dir: &std::path::Path) -> std::collections::HashSet<String> {
    let mut names = std::collections::HashSet::new();
    for entry in std::fs::read_dir(dir).expect("src/ is readable").flatten() {
        let path = entry.path();
        if path.is_dir() {
            names.extend(numeric_params_in(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            let code = std::fs::read_to_string(&path).unwrap_or_default();
            for call in [".int(", ".float(", ".fixed("] {
                for (at, _) in code.match_indices(call) {
                    let args = code[at + call.len()..].trim_start();
                    if let Some(name) = args.strip_prefix('"').and_then(|a| a.split('"').next()) {
                        names.insert(name.to_string());
                    }
                }
            }
        }
    }
    names
}

#[test]
fn numbers_follow_the_readers_language() {
    assert_eq!(i18n::format_int(10_485_760, Locale::En), "10,485,760");
    assert_eq!(i18n::format_int(10_485_760, Locale::Es), "10.485.760");
    // Every digit of the extremes, written without a string of their own (#14).
    assert_eq!(i18n::format_int(0, Locale::En), "0");
    assert_eq!(i18n::format_int(-1_234, Locale::En), "-1,234");
    assert_eq!(i18n::format_int(i64::MIN, Locale::En), "-9,223,372,036,854,775,808");
    assert_eq!(i18n::format_int(i64::MAX, Locale::Es), "9.223.372.036.854.775.807");
    let params = [("n", i18n::Param::Int(-1_234_567)), ("t", i18n::Param::Text("x".into()))];
    assert_eq!(i18n::render_template("{n} {t}", &params, Locale::En), "-1,234,567 x");
    assert_eq!(i18n::format_megabytes(10_500_000, Locale::Fr), "10,50\u{a0}Mo");
    // A decimal's whole part is grouped as an integer is (a custom rule's score, a ratio).
    let render = |json: &str, locale| docs::render_message("core.error.input-too-large", &docs::message_params(json).unwrap(), locale);
    let huge = r#"{"size": 1e20, "limit": 12345.5}"#;
    assert!(render(huge, Locale::En).starts_with("The input is 100,000,000,000,000,000,000.0; mail-preflight reads at most 12,345.5."));
    assert!(render(huge, Locale::Es).starts_with("La entrada ocupa 100.000.000.000.000.000.000,0; mail-preflight lee como máximo 12.345,5."));
}

#[test]
fn sizes_one_byte_apart_do_not_read_as_the_same_size() {
    // 32 MiB + 1 against its limit: "33.55 MB; at most 33.55 MB" said nothing.
    let params = docs::message_params(r#"{"size": {"megabytes": 33554433}, "limit": {"megabytes": 33554432}}"#).unwrap();
    let text = docs::render_message("core.error.input-too-large", &params, Locale::En);
    assert!(text.starts_with("The input is 33.554433\u{a0}MB; mail-preflight reads at most 33.554432\u{a0}MB."), "{text}");
    let text = docs::render_message("core.error.input-too-large", &params, Locale::Fr);
    assert!(text.starts_with("L'entrée fait 33,554433\u{a0}Mo ; mail-preflight lit au plus 33,554432\u{a0}Mo."), "{text}");
    // Sizes that read apart keep the usual rounding.
    let params = docs::message_params(r#"{"size": {"megabytes": 40000000}, "limit": {"megabytes": 33554432}}"#).unwrap();
    let text = docs::render_message("core.error.input-too-large", &params, Locale::En);
    assert!(text.starts_with("The input is 40.00\u{a0}MB; mail-preflight reads at most 33.55\u{a0}MB."), "{text}");
}

#[test]
fn each_language_spells_its_size_units_one_way_in_every_text_and_in_formatted_sizes() {
    // Page and engine texts, rule texts and the sizes the engine formats: the French page said
    // "12,00 Mo" of a file and "40,00 MB" in the error under it (hostile-input report, item 17).
    let spelling = |locale| match locale {
        Locale::Fr => ["Mo", "ko"],
        Locale::En | Locale::Es | Locale::Pl => ["MB", "kB"],
    };
    let units = ["MB", "Mo", "KB", "Ko", "kB", "ko", "kb", "Mb"];
    let entries = i18n::all_entries().chain(REGISTRY.iter().flat_map(|rule| rule.texts.entries()));
    let mut problems = Vec::new();
    for entry in entries {
        for locale in Locale::ALL {
            let text = entry.text(locale);
            let words: Vec<&str> = text.split(|c: char| !c.is_alphanumeric() && c != '}').filter(|w| !w.is_empty()).collect();
            for pair in words.windows(2) {
                let after_a_number = pair[0].ends_with(|c: char| c.is_ascii_digit() || c == '}');
                if after_a_number && units.contains(&pair[1]) && !spelling(locale).contains(&pair[1]) {
                    problems.push(format!("{} ({}): \"{} {}\"", entry.id, locale.code(), pair[0], pair[1]));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    for locale in Locale::ALL {
        let formatted = i18n::format_megabytes(12_000_000, locale);
        assert!(formatted.ends_with(&format!("\u{a0}{}", spelling(locale)[0])), "{formatted}");
        assert_eq!(i18n::megabyte_symbol(locale), spelling(locale)[0]);
    }
}

#[test]
fn a_parameter_of_no_kind_is_named_by_render_message() {
    let error = docs::message_params(r#"{"limit": 5, "size": {"megabytes": 10000001.5}}"#).unwrap_err();
    assert!(error.starts_with("params.size: {\"megabytes\":10000001.5} is not a parameter value"), "{error}");
    assert!(!error.contains("untagged"), "{error}");
}

#[test]
fn a_spam_score_reads_as_spamassassin_writes_it_with_one_decimal_in_the_readers_language() {
    // The page and the CLI pass the score and threshold as `{"number": …, "decimals": 1}`.
    let params: std::collections::BTreeMap<String, i18n::Param> =
        serde_json::from_str(r#"{"score": {"number": 6.5, "decimals": 1}, "threshold": {"number": 5, "decimals": 1}}"#)
            .unwrap();
    let expected = [
        (Locale::En, "Spam score 6.5 of 5.0"),
        (Locale::Fr, "Score de spam 6,5 sur 5,0"),
        (Locale::Es, "Puntuación de spam 6,5 de 5,0"),
        (Locale::Pl, "Wynik spamu 6,5 z 5,0"),
    ];
    for (locale, text) in expected {
        assert_eq!(docs::render_message("core.report.score", &params, locale), text);
    }
}

#[test]
fn locales_parse_from_browser_tags() {
    assert_eq!(Locale::parse("fr-CA"), Some(Locale::Fr));
    assert_eq!(Locale::parse("pl_PL.UTF-8"), Some(Locale::Pl));
    assert_eq!(Locale::parse("de"), None);
}

#[test]
fn a_report_rendered_in_another_language_renders_its_labels_in_that_language_too() {
    let raw = b"From: Alice <a@example.com\r\nTo: b@example.com\r\nSubject: Hi\r\n\r\nHello\r\n";
    let options = mail_preflight::Options::default().with_locale(Locale::Fr);
    let french = mail_preflight::lint(raw, &options).unwrap();
    let english = mail_preflight::lint(raw, &mail_preflight::Options::default()).unwrap();
    let rendered = docs::render_report(&french, Locale::En);
    let messages = |report: &mail_preflight::Report| -> Vec<String> {
        report.findings.iter().map(|f| format!("{} | {}", f.message, f.fix)).collect()
    };
    assert_eq!(messages(&rendered), messages(&english));
    assert_ne!(messages(&french), messages(&english));
    assert!(english.findings.iter().any(|f| f.params.values().any(|p| matches!(p, i18n::Param::Label { .. }))));
}

#[test]
fn a_report_read_back_from_json_renders_the_same() {
    let raw = mail_preflight::rules::size::generated_message(10_000_001);
    let report = mail_preflight::lint(&raw, &mail_preflight::Options::default()).unwrap();
    let json = serde_json::to_string(&report).unwrap();
    let back: mail_preflight::Report = serde_json::from_str(&json).unwrap();
    for locale in Locale::ALL {
        assert_eq!(docs::render_report(&back, locale), docs::render_report(&report, locale));
    }
    assert!(report.findings.iter().any(|f| f.message.contains("10.00\u{a0}MB")));
}

#[test]
fn a_custom_rule_message_nesting_plural_choices_renders_without_harm() {
    // A custom rule's message is the user's template (at most
    // `custom::limits::MAX_TEXT_BYTES`): plural choices nested in each other,
    // unbalanced or cut, render in bounded time and depth, as text.
    let max = mail_preflight::custom::limits::MAX_TEXT_BYTES;
    let nested = |depth: usize| format!("{}#{}", "{match, plural, other {".repeat(depth), "}}".repeat(depth));
    let params = [("match", i18n::Param::Text("FREE".into()))];
    let mut depth = 1;
    while nested(depth).len() <= max {
        depth += 1;
    }
    assert_eq!(i18n::render_template(&nested(depth - 1), &params, Locale::En), "FREE");
    for template in [nested(depth - 1)[..max / 2].to_string(), "{match, plural, one {".repeat(80), "}{#{, plural,}".repeat(140)] {
        let text = i18n::render_template(&template, &params, Locale::Pl);
        assert!(text.len() <= template.len() * 4, "{template:.40}");
    }
}

#[test]
fn an_exact_million_takes_de_in_french_and_spanish() {
    // CLDR's `many` category of fr and es (exact millions): "1 000 000 d'octets",
    // "1.000.000 de bytes", as the number is read ("un million d'octets").
    let bytes = |n: i64, locale| i18n::render_template(i18n::text("ui.unit.b", locale), &[("n", i18n::Param::Int(n))], locale);
    assert_eq!(bytes(1_000_000, Locale::Fr), "1\u{202f}000\u{202f}000 d'octets");
    assert_eq!(bytes(3_000_000, Locale::Es), "3.000.000 de bytes");
    assert_eq!(bytes(1_000_001, Locale::Fr), "1\u{202f}000\u{202f}001 octets");
    assert_eq!(bytes(1, Locale::Es), "1 byte");
    assert_eq!(bytes(1_000_000, Locale::En), "1,000,000 bytes");
}

#[test]
fn polish_counts_in_sentences_are_declined_not_listed() {
    let refused = |errors: i64, warnings: i64| {
        let params = [("errors", i18n::Param::Int(errors)), ("warnings", i18n::Param::Int(warnings))];
        i18n::render_template(i18n::text("cli.plugin.refused", Locale::Pl), &params, Locale::Pl)
    };
    assert!(refused(1, 2).ends_with("(1 błąd, 2 ostrzeżenia)."), "{}", refused(1, 2));
    assert!(refused(5, 22).ends_with("(5 błędów, 22 ostrzeżenia)."), "{}", refused(5, 22));
    assert!(refused(12, 25).ends_with("(12 błędów, 25 ostrzeżeń)."), "{}", refused(12, 25));
}

#[test]
fn header_attachment_and_smtp_texts_keep_one_word_for_each_thing() {
    // The sentence-by-sentence read of headers/*, attachment/* and the SMTP
    // explainer settled one word per thing, the one the rest of the catalogue
    // (or the hosting guide) uses; a word on the left must not come back.
    let replaced: &[(Locale, &str, &str)] = &[
        (Locale::Fr, "étiquette", "label, as the other domain-label texts"),
        (Locale::Fr, "frontière", "boundary, the parameter's name as the messages write it"),
        (Locale::Fr, "jeton", "token"),
        (Locale::Fr, " Cci", "Bcc, the field's name"),
        (Locale::Es, "la RFC", "el RFC"),
        (Locale::Es, " Cco", "Bcc, the field's name"),
        (Locale::Es, "robo de credenciales", "phishing de credenciales"),
        (Locale::Es, "delimitador que", "boundary (a delimiter is the --boundary line)"),
        (Locale::Pl, "krzaki", "nieczytelne znaki"),
        (Locale::Pl, "sprawdzarka", "narzędzie"),
        (Locale::Pl, "nawias ostry", "nawias ostrokątny"),
        (Locale::Pl, "ranica", "boundary"),
        (Locale::Pl, "ranicy", "boundary"),
    ];
    let family = |id: &str| ["headers/", "attachment/", "smtp.", "ui.explain."].iter().any(|p| id.starts_with(p));
    let mut found = Vec::new();
    for entry in docs::all_entries().filter(|e| family(e.id)) {
        for (locale, word, instead) in replaced {
            if entry.text(*locale).contains(word) {
                found.push(format!("{} ({}): \"{word}\", write {instead}", entry.id, locale.code()));
            }
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn counted_clauses_of_header_and_smtp_texts_agree_with_their_number() {
    let render = |id: &str, params: &[(&str, i18n::Param)], locale| {
        let params = params.iter().map(|(k, v)| (k.to_string(), v.clone())).collect();
        docs::render_message(id, &params, locale)
    };
    let text = |s: &str| i18n::Param::Text(s.into());
    let int = i18n::Param::Int;
    // The Polish relative pronoun follows the number of options.
    let not_rendered = |n| render("headers/compose-option.not-rendered", &[("options", text("dkim")), ("count", int(n))], Locale::Pl);
    assert!(not_rendered(1).contains("zgodnie z tą opcją, której sprawdzenie nie buduje"), "{}", not_rendered(1));
    assert!(not_rendered(2).contains("zgodnie z tymi opcjami, których sprawdzenie nie buduje"), "{}", not_rendered(2));
    // One line past the limit is "the next line", not "la 1 suivante".
    let too_many = |n, locale| render("headers/field-name.too-many", &[("limit", int(10_000)), ("count", int(n))], locale);
    assert!(too_many(1, Locale::Fr).contains(" : la ligne suivante n'a pas été vérifiée ;"), "{}", too_many(1, Locale::Fr));
    assert!(too_many(3, Locale::Fr).contains(" : les 3 suivantes n'ont pas été vérifiées ;"), "{}", too_many(3, Locale::Fr));
    assert!(too_many(1, Locale::Es).contains(": la línea siguiente no se revisó;"), "{}", too_many(1, Locale::Es));
    // Polish: the first lines and the first bytes of a long SMTP reply, in the accusative.
    let truncated = |lines, bytes| render("smtp.problem.truncated", &[("lines", int(lines)), ("bytes", int(bytes))], Locale::Pl);
    assert!(truncated(3, 4).ends_with("odczytano tylko pierwsze 3 wiersze i pierwsze 4 bajty."), "{}", truncated(3, 4));
    assert!(truncated(1, 16_385).ends_with("odczytano tylko pierwszy wiersz i pierwsze 16\u{202f}385 bajtów."), "{}", truncated(1, 16_385));
    // Polish: bare LF line ends keep "bare" and take the instrumental after "z".
    let mixed = render("headers/line-breaks.mixed", &[("bareLf", int(2)), ("crlf", int(5))], Locale::Pl);
    assert_eq!(mixed, "Wiadomość miesza 2 końce wiersza z samym LF z 5 końcami CRLF.");
}
