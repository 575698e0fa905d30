//! Terminal injection (#13): every string taken from a message that reaches a
//! person — finding messages and parameters, evidence, header names, archive
//! paths, file names, the analysis view — has its C0/C1/DEL/bidi controls made
//! visible and its length capped, in the engine. Each message below carries an
//! escape sequence where a naive report would print it raw; each test also
//! checks that the sequence did reach the report (made visible), so none passes
//! by finding nothing.

use mail_preflight::hygiene::{is_unsafe, MAX_PARAM_CHARS, MAX_URL_CHARS};
use mail_preflight::i18n::Param;
use mail_preflight::rules::attachments::samples::{self, ZipEntry};
use mail_preflight::rules::MAX_EVIDENCE_CHARS;
use mail_preflight::{lint, Analysis, Linter, Options, Report};

/// OSC 52: writes the reader's clipboard in xterm-like terminals.
const OSC_52: &str = "\u{1b}]52;c;ZXZpbA==\u{7}";
/// Erase the line, then return to its start: what follows overwrites it.
const ERASE_LINE: &str = "\u{1b}[2K\r";
/// A line break then a GitHub Actions workflow command: a forged annotation.
const FORGED_ANNOTATION: &str = "a\n::error file=x::ok";

/// Every message-derived string of `report`, with what it is.
fn strings_of(report: &Report) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for f in &report.findings {
        let id = &f.rule_id;
        out.push((format!("{id} message"), f.message.clone()));
        out.push((format!("{id} fix"), f.fix.clone()));
        out.push((format!("{id} evidence"), f.evidence.clone()));
        out.extend(f.location.header.clone().map(|h| (format!("{id} location.header"), h)));
        out.extend(f.location.path.clone().map(|p| (format!("{id} location.path"), p)));
        for (name, value) in &f.params {
            if let Param::Text(text) = value {
                out.push((format!("{id} params.{name}"), text.clone()));
            }
        }
    }
    out
}

fn assert_clean(report: &Report) {
    for (what, text) in strings_of(report) {
        assert!(!text.chars().any(is_unsafe), "{what} holds a control character: {text:?}");
    }
    for f in &report.findings {
        assert!(f.evidence.chars().count() <= MAX_EVIDENCE_CHARS, "{}: evidence too long", f.rule_id);
        for text in [&f.location.header, &f.location.path].into_iter().flatten() {
            assert!(text.chars().count() <= MAX_PARAM_CHARS, "{}: {} characters", f.rule_id, text.chars().count());
        }
        for value in f.params.values() {
            if let Param::Text(text) = value {
                assert!(
                    text.chars().count() <= MAX_PARAM_CHARS,
                    "{}: a parameter of {} characters",
                    f.rule_id,
                    text.len()
                );
            }
        }
    }
}

/// Whether some report string shows `visible` (the made-visible form of a sequence).
fn shows(report: &Report, visible: &str) -> bool {
    strings_of(report).iter().any(|(_, text)| text.contains(visible))
}

fn report_of(raw: &[u8]) -> Report {
    let report = lint(raw, &Options::default()).expect("a report");
    assert_clean(&report);
    report
}

#[test]
fn a_header_name_holding_osc_52_is_shown_with_its_escape_visible() {
    let raw =
        format!("From: a@example.com\r\nTo: b@example.com\r\nSubject: Hi\r\nX-{OSC_52}Bad: value\r\n\r\nHello\r\n");
    let report = report_of(raw.as_bytes());
    assert!(
        shows(&report, "␛]52;c;ZXZpbA==␇"),
        "the header name reaches the report, made visible: {:?}",
        strings_of(&report)
    );
}

#[test]
fn erase_line_and_carriage_return_in_a_subject_are_shown_visible() {
    let raw = format!(
        "From: a@example.com\r\nTo: b@example.com\r\nSubject: FREE {ERASE_LINE}MONEY NOW TODAY\r\n\r\nHello\r\n"
    );
    let report = report_of(raw.as_bytes());
    assert!(shows(&report, "␛[2K"), "{:?}", strings_of(&report));
}

#[test]
fn a_zip_entry_named_to_forge_a_ci_annotation_is_shown_on_one_line() {
    let name = format!("{FORGED_ANNOTATION}.exe");
    let raw = samples::zip_message("invoice.zip", &[ZipEntry::stored(&name, b"MZ\x90\x00")]);
    let report = report_of(&raw);
    let path = report
        .findings
        .iter()
        .find_map(|f| f.location.path.clone().filter(|p| p.contains("::error")))
        .expect("a finding points into the archive");
    assert!(path.contains("a␊::error file=x::ok"), "{path}");
}

#[test]
fn bidi_overrides_in_a_file_name_are_shown_as_code_points() {
    // "invoice" + U+202E + "fdp.exe" shows as "invoiceexe.pdf" once the override reorders it.
    let raw = samples::attached("invoice\u{202e}fdp.exe", b"MZ\x90\x00");
    let report = report_of(&raw);
    assert!(shows(&report, "<U+202E>"), "{:?}", strings_of(&report));
}

#[test]
fn c1_controls_and_line_separators_in_a_header_name_are_shown_visible() {
    // U+009B is CSI on its own in terminals that read C1 controls; U+2028 breaks lines in some viewers.
    let raw =
        "From: a@example.com\r\nTo: b@example.com\r\nSubject: Hi\r\nX-\u{9b}2J\u{2028}Bad: value\r\n\r\nHello\r\n";
    let report = report_of(raw.as_bytes());
    assert!(shows(&report, "<U+009B>") && shows(&report, "<U+2028>"), "{:?}", strings_of(&report));
}

#[test]
fn a_hundred_kilobyte_header_name_is_capped_with_both_ends_kept() {
    let name = format!("X-{}{OSC_52}end", "N".repeat(100_000));
    let raw = format!("From: a@example.com\r\nTo: b@example.com\r\nSubject: Hi\r\n{name}: value\r\n\r\nHello\r\n");
    let report = report_of(raw.as_bytes());
    let header = report.findings.iter().find_map(|f| f.location.header.clone().filter(|h| h.starts_with("X-NNN")));
    let header = header.expect("a finding names the field");
    assert!(header.contains('…') && header.ends_with("end"), "{header}");
}

#[test]
fn a_hundred_kilobyte_zip_entry_name_is_capped_in_the_path() {
    let name = format!("{}{FORGED_ANNOTATION}.exe", "d/".repeat(30_000));
    let raw = samples::zip_message("a.zip", &[ZipEntry::stored(&name, b"MZ\x90\x00")]);
    let report = report_of(&raw);
    assert!(report.findings.iter().any(|f| f.location.path.as_ref().is_some_and(|p| p.contains('…'))));
}

#[test]
fn compose_and_php_mail_inputs_are_shown_visible_too() {
    let linter = Linter::new(&Options::default()).unwrap();
    let compose = mail_preflight::Compose::from_json(
        &serde_json::json!({
            "from": "a@example.com",
            "to": format!("b@example.com\r\nBcc: {OSC_52}x@evil.example"),
            "subject": format!("Hi {ERASE_LINE}there"),
            "text": "x",
            "headers": { format!("X-{OSC_52}"): "1" },
            "attachments": [{"filename": format!("{FORGED_ANNOTATION}.exe"), "content": "MZ"}],
        })
        .to_string(),
    )
    .unwrap();
    let report = linter.lint_compose(&compose).expect("a report");
    assert_clean(&report);
    assert!(shows(&report, "␛]52"), "{:?}", strings_of(&report));
    let call = mail_preflight::PhpMail::new(
        "b@example.com",
        &format!("Hi\r\nBcc: {OSC_52}x@evil.example"),
        "x",
        &format!("From: a@example.com\r\nX-{OSC_52}: 1"),
    );
    let report = linter.lint_php_mail(&call).expect("a report");
    assert_clean(&report);
    assert!(shows(&report, "␛]52"), "{:?}", strings_of(&report));
}

fn analysis_of(raw: &[u8]) -> Analysis {
    Linter::new(&Options::default()).unwrap().analyse(raw).expect("an analysis")
}

#[test]
fn the_analysis_view_shows_names_and_addresses_visible_and_capped() {
    let long_href = format!("https://example.com/{}", "p".repeat(100_000));
    let raw = format!(
        "From: a@example.com\r\nX-{OSC_52}: 1\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n\
         --b\r\nContent-Type: text/html; charset=\"utf-8{ERASE_LINE}\"\r\n\r\n\
         <a href=\"https://example.com/{ERASE_LINE}\" title=\"{OSC_52}\">x{OSC_52}</a><a href=\"{long_href}\">y</a><img src=\"cid:{OSC_52}\">\r\n\
         --b\r\nContent-Type: application/octet-stream; name*=utf-8''a%0A::error%20file=x::ok.bin\r\n\r\nxx\r\n--b--\r\n"
    );
    let analysis = analysis_of(raw.as_bytes());
    let mut strings: Vec<&str> = analysis.headers.iter().map(|h| h.name.as_str()).collect();
    for part in &analysis.parts {
        strings.push(&part.content_type);
        strings.extend(part.charset.as_deref());
        strings.extend(part.filename.as_deref());
        strings.extend(part.headers.iter().map(|h| h.name.as_str()));
    }
    for html in &analysis.html {
        for link in &html.links {
            strings.extend([link.href.as_str(), link.text.as_str()]);
            strings.extend(link.title.as_deref());
            assert!(link.href.chars().count() <= MAX_URL_CHARS, "a link of {} characters", link.href.len());
        }
        strings.extend(html.images.iter().map(|i| i.src.as_str()));
    }
    for text in &strings {
        assert!(!text.chars().any(is_unsafe), "{text:?}");
        assert!(text.chars().count() <= MAX_URL_CHARS);
    }
    let joined = strings.join(" ");
    for visible in ["X-␛]52", "utf-8␛[2K", "a␊::error file=x::ok.bin", "cid:␛]52"] {
        assert!(joined.contains(visible), "{visible} not in {joined}");
    }
}

/// Every string in a JSON value, with its path.
fn json_strings(value: &serde_json::Value, path: String, out: &mut Vec<(String, String)>) {
    match value {
        serde_json::Value::String(s) => out.push((path, s.clone())),
        serde_json::Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                json_strings(item, format!("{path}[{i}]"), out);
            }
        }
        serde_json::Value::Object(map) => {
            for (key, item) in map {
                json_strings(item, format!("{path}.{key}"), out);
            }
        }
        _ => {}
    }
}

#[test]
fn a_simulation_shows_the_scenario_and_log_texts_it_echoes_visible() {
    let scenario = serde_json::json!({
        "domain": format!("shop{OSC_52}.example"),
        "service": {"state": "ok", "sent": 300, "sentToday": 0, "bounce": 2, "maxPerDay": 7200,
                    "email": format!("owner{ERASE_LINE}@shop.example")},
        "errorLog": [{"date": "2026-03-01T10:00:00+01:00", "message": format!("550 {FORGED_ANNOTATION}"), "to": format!("x{OSC_52}@a.example")}],
        "streams": [
            {"name": format!("newsletter{ERASE_LINE}forged"), "start": 0, "duration": 7200, "count": 1200, "bounceShare": 0.25,
             "verdict": "clean", "recipientDomain": format!("members{OSC_52}.example"), "bounceReply": format!("550 5.1.1 {FORGED_ANNOTATION}")},
            {"name": "log", "log": format!("time,to,status\n2026-03-02 10:00,a{OSC_52}@b.example,550 5.1.1 {ERASE_LINE}gone\n")}
        ],
        "actions": [{"at": 3600, "action": "CHANGE_RECIPIENT", "email": "new@shop.example"}]
    });
    // An action's address with control characters is refused, and the refusal shows them visibly.
    let mut hostile = scenario.clone();
    hostile["actions"][0]["email"] = serde_json::json!(format!("new{OSC_52}@shop.example"));
    let refused = mail_preflight::queue::simulate_json(&hostile.to_string()).expect_err("an invalid address");
    for locale in [mail_preflight::Locale::En, mail_preflight::Locale::Pl] {
        let said = refused.localized(locale);
        assert!(!said.chars().any(is_unsafe), "{said:?}");
    }
    let result = mail_preflight::queue::simulate_json(&scenario.to_string()).expect("a result");
    let mut strings = Vec::new();
    json_strings(&serde_json::to_value(&result).unwrap(), String::new(), &mut strings);
    for (path, text) in &strings {
        assert!(!text.chars().any(is_unsafe), "{path} holds a control character: {text:?}");
    }
    let joined: String = strings.iter().map(|(_, t)| t.as_str()).collect::<Vec<_>>().join(" ");
    for visible in ["newsletter␛[2K␍forged", "550 5.1.1 a␊::error", "members␛]52", "550 a␊::error"] {
        assert!(joined.contains(visible), "{visible} is echoed, made visible");
    }
}

#[test]
fn scenario_errors_quote_the_input_visible() {
    for json in [
        format!(r#"{{"timeZone": "Europe/{OSC_52}"}}"#),
        format!(r#"{{"{OSC_52}": 1}}"#).replace('\u{1b}', "\\u001b").replace('\u{7}', "\\u0007"),
        format!(r#"{{"start": "2026-03-02 {}"}}"#, "\\u001b]52;c;x\\u0007"),
    ] {
        let error = mail_preflight::queue::simulate_json(&json).expect_err(&json);
        for locale in mail_preflight::Locale::ALL {
            let text = error.localized(locale);
            assert!(!text.chars().any(is_unsafe), "{json}: {text:?}");
        }
    }
}

#[test]
fn an_smtp_reply_is_echoed_visible_line_by_line() {
    // Its lines stay lines (`text` joins them with LF, as documented); inside a line
    // every control is shown.
    let reply = format!("550-5.7.1 {OSC_52}rejected\r\n550 5.7.1 {ERASE_LINE}{FORGED_ANNOTATION}\u{9b}2J");
    let explanation = mail_preflight::smtp::explain(&reply, mail_preflight::Locale::En);
    let lines: Vec<&str> = explanation.text.split('\n').collect();
    assert_eq!(lines, ["␛]52;c;ZXZpbA==␇rejected", "␛[2K␍a", "::error file=x::ok<U+009B>2J"]);
}

/// U+202E RIGHT-TO-LEFT OVERRIDE: what follows it reads backwards ("Trojan Source").
const RLO: &str = "\u{202e}";

#[test]
fn texts_of_your_own_rules_are_shown_visible_in_the_report_the_catalogue_and_render_report() {
    // Escaped, not refused: the same as a message's own text, in one place (the rules are
    // compiled with their texts made visible) whatever output reads them — JSON, SARIF,
    // JUnit, text, the page; and a SpamAssassin file SpamAssassin loads still loads.
    let hostile = format!("Casino{ERASE_LINE}{FORGED_ANNOTATION}{OSC_52}{RLO}gpj\u{85}.exe");
    // A SpamAssassin line ends at its LF: a `describe` holds the rest (CR, ESC, U+202E, NEL).
    let one_line = hostile.replace('\n', "\u{b}");
    let rules = serde_json::json!({
        "customRules": [{"id": "acme/casino", "target": "body", "pattern": "Casino",
            "message": {"en": format!("{hostile} {{match}}"), "fr": hostile}, "fix": {"en": hostile, "pl": hostile}}],
        "spamassassinRules": format!("body SA_CASINO /Casino/\ndescribe SA_CASINO {one_line}\nlang fr describe SA_CASINO {one_line}\n"),
    });
    let raw = b"From: a@example.com\r\nTo: b@example.com\r\nSubject: Hi\r\n\r\nCasino tonight\r\n";
    for locale in ["en", "fr"] {
        let mut options = rules.clone();
        options["locale"] = serde_json::json!(locale);
        let linter = Linter::new(&Options::from_json(&options.to_string()).expect("options")).expect("valid rules");
        let report = linter.lint(raw).expect("a report");
        assert_clean(&report);
        for (id, line_break) in [("acme/casino", "␊"), ("sa/SA_CASINO", "␋")] {
            let finding = report.findings_of(id).next().unwrap_or_else(|| panic!("{id} hits"));
            let shown = format!("Casino␛[2K␍a{line_break}::error file=x::ok␛]52");
            assert!(finding.message.contains(&shown), "{id}: {}", finding.message);
            assert!(finding.message.contains("<U+202E>gpj<U+0085>.exe"), "{id}: {}", finding.message);
        }
        // The texts the report carries for renderReport, and the report said again.
        let mut strings = Vec::new();
        json_strings(&serde_json::to_value(&report).unwrap(), String::new(), &mut strings);
        for (path, text) in &strings {
            assert!(!text.chars().any(is_unsafe), "{path} holds a control character: {text:?}");
        }
        assert_clean(&mail_preflight::render_report(&report, mail_preflight::Locale::Pl));
    }
    // What the check lists for a catalogue (SARIF's tool.driver.rules, the page).
    let checked = mail_preflight::custom::check_custom_rules(&rules.to_string(), mail_preflight::Locale::Fr);
    assert!(checked.ok, "{:?}", checked.problems);
    let mut strings = Vec::new();
    json_strings(&serde_json::to_value(&checked).unwrap(), String::new(), &mut strings);
    assert!(strings.iter().any(|(_, text)| text.contains("<U+202E>gpj<U+0085>.exe")), "{strings:?}");
    for (path, text) in &strings {
        assert!(!text.chars().any(is_unsafe), "{path} holds a control character: {text:?}");
    }
}

#[test]
fn a_report_given_back_to_render_report_shows_its_rule_texts_visible() {
    let rules = r#"{"customRules": [{"id": "acme/casino", "target": "body", "pattern": "Casino", "message": {"en": "x"}}]}"#;
    let linter = Linter::new(&Options::from_json(rules).expect("options")).expect("valid rules");
    let report = linter.lint(b"From: a@example.com\r\nTo: b@example.com\r\n\r\nCasino\r\n").expect("a report");
    let mut json = serde_json::to_value(&report).unwrap();
    let index = report.findings.iter().position(|f| f.rule_id == "acme/casino").expect("the rule hits");
    json["findings"][index]["customTexts"]["message"]["fr"] = serde_json::json!(format!("{FORGED_ANNOTATION}{RLO}"));
    let edited: Report = serde_json::from_value(json).expect("a report");
    let again = mail_preflight::render_report(&edited, mail_preflight::Locale::Fr);
    assert_eq!(again.findings[index].message, "a␊::error file=x::ok<U+202E>");
}

#[test]
fn a_rule_refused_for_its_name_is_quoted_visible_in_the_problem() {
    let custom = serde_json::json!({"customRules": [{"id": format!("acme/{OSC_52}"), "target": "body", "pattern": "x"}]});
    let spamassassin = serde_json::json!({
        "spamassassinRules": format!("body BAD{ERASE_LINE}NAME /x/\nbodyx{RLO} X /y/\nheader H X-{OSC_52} =~ /z/\n"),
    });
    for (rules, refused, shown) in [(custom, 1, "acme/␛]52"), (spamassassin, 3, "BAD␛[2K")] {
        let checked = mail_preflight::custom::check_custom_rules(&rules.to_string(), mail_preflight::Locale::En);
        assert_eq!(checked.problems.len(), refused, "{:?}", checked.problems);
        let mut strings = Vec::new();
        json_strings(&serde_json::to_value(&checked).unwrap(), String::new(), &mut strings);
        for (path, text) in &strings {
            assert!(!text.chars().any(is_unsafe), "{path} holds a control character: {text:?}");
        }
        let joined: String = strings.iter().map(|(_, t)| t.as_str()).collect::<Vec<_>>().join(" ");
        assert!(joined.contains(shown), "the refused name is quoted, made visible: {joined}");
    }
}

#[test]
fn an_escaped_surrogate_pair_is_one_character_and_kept() {
    // JSON text (a scenario given as text) may spell a character outside the BMP so.
    let text = r#"{"a":"\ud83d\ude00","b":"\uD83D\uDE00x","c":"\ud800\ud83d\ude00","d":"\ude00\ud83d"}"#;
    let fixed = mail_preflight::hygiene::lone_surrogates_replaced_in(text);
    assert_eq!(fixed, r#"{"a":"\ud83d\ude00","b":"\uD83D\uDE00x","c":"\ufffd\ud83d\ude00","d":"\ufffd\ufffd"}"#);
    let value: serde_json::Value = serde_json::from_str(&fixed).expect("JSON");
    assert_eq!(value["a"], "\u{1f600}");
    assert_eq!(value["c"], "\u{fffd}\u{1f600}");
    assert!(matches!(mail_preflight::hygiene::lone_surrogates_replaced_in(r#"{"a":"\ud83d\ude00"}"#), std::borrow::Cow::Borrowed(_)));
}
