//! `customRules`: your own patterns on a target of the message, reported like
//! the engine's findings (README "Your own rules").

use mail_preflight::rules::attachments::samples::{zip, zip_message, ZipEntry};
use mail_preflight::{Linter, Locale, Options, Report, Severity, Verdict};

const MESSAGE: &str = "From: \"Shop\" <news@shop.example>\r\nTo: a@example.com\r\nSubject: =?utf-8?q?Caf=C3=A9_deals?=\r\nDate: Mon, 2 Mar 2026 10:00:00 +0000\r\nMessage-ID: <1@shop.example>\r\nX-Acme-CRM: 123456\r\nMIME-Version: 1.0\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>Win at the <b>Casino</b> tonight!</p><p><a href=\"https://casino.example/go\">Play</a></p>\r\n";

fn options(json: &str) -> Options {
    Options::from_json(json).expect("options parse")
}

fn lint(raw: &str, json: &str) -> Report {
    Linter::new(&options(json)).expect("options are valid").lint(raw.as_bytes()).expect("lints")
}

fn rule(target: &str, pattern: &str, extra: &str) -> String {
    format!(
        r#"{{"id": "acme/r", "target": "{target}", "pattern": {}{extra}}}"#,
        serde_json::to_string(pattern).unwrap()
    )
}

fn hits(raw: &str, rule_json: &str) -> usize {
    lint(raw, &format!(r#"{{"customRules": [{rule_json}]}}"#)).findings_of("acme/r").count()
}

#[test]
fn a_body_rule_reports_what_it_found_with_its_place_in_the_message() {
    let json = r#"{"customRules": [{"id": "acme/banned-words", "target": "body", "pattern": "(?i)\\b(casino|payday loans?)\\b",
        "severity": "warning", "score": 2.5, "message": {"en": "Banned word: {match}", "fr": "Mot interdit : {match}"}}]}"#;
    let report = lint(MESSAGE, json);
    let finding = report.findings_of("acme/banned-words").next().expect("the rule hits");
    assert_eq!((finding.severity, finding.score), (Severity::Warning, 2.5));
    assert_eq!(finding.message, "Banned word: Casino");
    assert_eq!(finding.evidence, "Casino");
    let (start, end) = (finding.location.start.unwrap(), finding.location.end.unwrap());
    assert_eq!(&MESSAGE.as_bytes()[start..end], b"Casino", "byte offsets point at the match");
    assert!(finding.location.line.is_some());
}

#[test]
fn body_is_the_visible_text_and_rawbody_keeps_the_markup() {
    assert_eq!(hits(MESSAGE, &rule("body", "Casino tonight", "")), 1, "tags between words are not in the visible text");
    assert_eq!(hits(MESSAGE, &rule("body", "<b>", "")), 0);
    assert_eq!(hits(MESSAGE, &rule("rawbody", "<b>Casino</b>", "")), 1);
}

#[test]
fn expect_match_reports_a_missing_or_malformed_value_and_passes_a_good_one() {
    let crm = |raw: &str| {
        let json = r#"{"customRules": [{"id": "acme/crm-header", "target": "header", "header": "X-Acme-CRM", "pattern": "^[0-9]{6}$", "expect": "match", "severity": "error"}]}"#;
        lint(raw, json)
    };
    assert!(!crm(MESSAGE).has("acme/crm-header"));
    let malformed = crm(&MESSAGE.replace("X-Acme-CRM: 123456", "X-Acme-CRM: 12ab"));
    let finding = malformed.findings_of("acme/crm-header").next().expect("a malformed value is reported");
    assert_eq!((finding.severity, finding.evidence.as_str()), (Severity::Error, "12ab"));
    assert_eq!(finding.location.header.as_deref(), Some("X-Acme-CRM"));
    let missing = crm(&MESSAGE.replace("X-Acme-CRM: 123456\r\n", ""));
    assert!(missing.has("acme/crm-header"), "an absent header is reported");
    assert_eq!(missing.verdict, Verdict::Fail);
}

#[test]
fn header_rules_read_the_decoded_value_and_the_written_one() {
    let decoded = rule("header", "^Café deals$", r#", "header": "subject""#);
    let written = rule("header", r"=\?utf-8\?q\?", r#", "header": "Subject""#);
    assert_eq!(hits(MESSAGE, &decoded), 1);
    assert_eq!(hits(MESSAGE, &written), 1);
}

#[test]
fn subject_and_from_targets_read_their_fields() {
    assert_eq!(hits(MESSAGE, &rule("subject", "^Café", "")), 1);
    assert_eq!(hits(MESSAGE, &rule("from", r"^news@shop\.example$", "")), 1, "each address alone");
    assert_eq!(hits(MESSAGE, &rule("from", r#"^"Shop" <news@"#, "")), 1, "the decoded field");
}

#[test]
fn uri_rules_read_link_targets_and_urls_written_in_text() {
    assert_eq!(hits(MESSAGE, &rule("uri", r"^https://casino\.example/", "")), 1);
    let text =
        "From: a@example.com\r\nSubject: x\r\n\r\nSee www.deals.example/now or write to sales@deals.example.\r\n";
    assert_eq!(hits(text, &rule("uri", r"^http://www\.deals\.example/now$", "")), 1);
    assert_eq!(hits(text, &rule("uri", r"^mailto:sales@deals\.example$", "")), 1);
}

#[test]
fn filename_rules_read_attachment_names_and_archive_entries() {
    let raw = zip_message("invoice.zip", &[ZipEntry::stored("docs/setup.exe", b"MZ\x90\x00 not really")]);
    let raw = String::from_utf8(raw).expect("the sample message is ASCII");
    assert_eq!(hits(&raw, &rule("filename", r"(?i)^invoice\.zip$", "")), 1);
    assert_eq!(hits(&raw, &rule("filename", r"(?i)\.exe$", "")), 1, "an archive entry the inspection reports");
}

#[test]
fn filename_rules_read_every_archive_entry_at_every_level_not_only_those_with_a_finding() {
    let inner = zip(&[ZipEntry::stored("deep/notes.txt", b"plain text")]);
    let raw = zip_message(
        "files.zip",
        &[ZipEntry::stored("docs/readme.txt", b"plain text"), ZipEntry::stored("outer/inner.zip", &inner)],
    );
    let raw = String::from_utf8(raw).expect("the sample message is ASCII");
    assert_eq!(hits(&raw, &rule("filename", r"^docs/readme\.txt$", "")), 1, "an entry without a finding");
    assert_eq!(hits(&raw, &rule("filename", r"^outer/inner\.zip$", "")), 1, "an archive inside the archive");
    assert_eq!(hits(&raw, &rule("filename", r"^deep/notes\.txt$", "")), 1, "an entry of the inner archive");
    // `expect: match` sees them too: an attachment holding no .pdf reports, one holding a text passes.
    assert_eq!(hits(&raw, &rule("filename", r"\.pdf$", r#", "expect": "match""#)), 1);
    assert_eq!(hits(&raw, &rule("filename", r"notes\.txt$", r#", "expect": "match""#)), 0);
}

#[test]
fn filename_rules_read_entry_names_within_max_entry_name_bytes() {
    // 18 names of 60,002 bytes: 17 fit in the 1 MiB, the 18th does not, and no later name is kept.
    let long: Vec<String> = (0..18).map(|i| format!("{i:02}{}", "a".repeat(60_000))).collect();
    let mut entries: Vec<ZipEntry> = long.iter().map(|name| ZipEntry::stored(name, b"x")).collect();
    entries.push(ZipEntry::stored("zzz.txt", b"x"));
    let raw = String::from_utf8(zip_message("names.zip", &entries)).expect("the sample message is ASCII");
    assert_eq!(mail_preflight::inspect::MAX_ENTRY_NAME_BYTES, 1024 * 1024);
    assert_eq!(hits(&raw, &rule("filename", "^16a", "")), 1);
    assert_eq!(hits(&raw, &rule("filename", "^17a", "")), 0);
    assert_eq!(hits(&raw, &rule("filename", "^zzz", "")), 0);
}

#[test]
fn full_rules_read_the_message_as_transmitted() {
    assert_eq!(hits(MESSAGE, &rule("full", r"(?m)^X-Acme-CRM: \d+\r$", "")), 1);
}

#[test]
fn the_message_is_in_the_report_language_then_english_then_the_id() {
    let json = |locale: &str| {
        format!(
            r#"{{"locale": "{locale}", "customRules": [{{"id": "acme/banned-words", "target": "body", "pattern": "Casino", "message": {{"en": "Banned word: {{match}}", "fr": "Mot interdit : {{match}}"}}}}, {{"id": "acme/bare", "target": "body", "pattern": "Casino"}}]}}"#
        )
    };
    let french = lint(MESSAGE, &json("fr"));
    assert_eq!(french.findings_of("acme/banned-words").next().unwrap().message, "Mot interdit : Casino");
    let polish = lint(MESSAGE, &json("pl"));
    assert_eq!(polish.findings_of("acme/banned-words").next().unwrap().message, "Banned word: Casino");
    assert_eq!(polish.findings_of("acme/bare").next().unwrap().message, "acme/bare");
    let fix = &polish.findings_of("acme/bare").next().unwrap().fix;
    assert!(!fix.is_empty() && !fix.contains("core.custom"), "the default fix is translated: {fix}");
}

#[test]
fn custom_scores_count_in_the_spam_score_and_the_verdict() {
    let json = r#"{"spamThreshold": 5, "customRules": [{"id": "acme/casino", "target": "body", "pattern": "Casino", "score": 6}]}"#;
    let report = lint(MESSAGE, json);
    assert!(report.spam_score >= 6.0);
    assert_eq!(report.verdict, Verdict::Fail);
}

#[test]
fn the_rules_and_scores_options_accept_custom_ids() {
    let base = r#""customRules": [{"id": "acme/casino", "target": "body", "pattern": "Casino", "score": 2}]"#;
    let off = lint(MESSAGE, &format!(r#"{{{base}, "rules": {{"acme/casino": "off"}}}}"#));
    assert!(!off.has("acme/casino"));
    let error =
        lint(MESSAGE, &format!(r#"{{{base}, "rules": {{"acme/casino": "error"}}, "scores": {{"acme/casino": 0.5}}}}"#));
    let finding = error.findings_of("acme/casino").next().unwrap();
    assert_eq!((finding.severity, finding.score), (Severity::Error, 0.5));
    let unknown = Linter::new(&options(&format!(r#"{{{base}, "rules": {{"acme/casin": "off"}}}}"#))).unwrap_err();
    assert_eq!(unknown.code(), "invalid-options");
    assert!(unknown.to_string().contains("acme/casino"), "the closest id is suggested: {unknown}");
}

#[test]
fn ids_need_a_namespace_that_is_not_an_engine_group() {
    for id in ["casino", "spam/casino", "sa/casino", "Acme/Casino"] {
        let json = format!(r#"{{"customRules": [{{"id": "{id}", "target": "body", "pattern": "x"}}]}}"#);
        let error = Linter::new(&options(&json)).unwrap_err();
        assert_eq!(error.code(), "invalid-options", "{id}");
        assert!(error.to_string().contains(id), "{id}: {error}");
    }
}

#[test]
fn a_bad_pattern_is_invalid_options_naming_the_rule_and_the_position() {
    let json =
        r#"{"locale": "es", "customRules": [{"id": "acme/broken", "target": "body", "pattern": "ok|(unclosed"}]}"#;
    let error = Linter::new(&options(json)).unwrap_err();
    assert_eq!(error.code(), "invalid-options");
    let text = error.localized(Locale::Es);
    assert!(text.contains("acme/broken") && text.contains("carácter 4"), "{text}");
}

#[test]
fn matched_text_reaches_people_with_control_characters_made_visible() {
    let raw = "From: a@example.com\r\nSubject: x\r\nX-Note: a\x1b]52;c;eA==\x07b\r\n\r\nbody\r\n";
    let report = lint(raw, &format!(r#"{{"customRules": [{}]}}"#, rule("header", "a.*b", r#", "header": "X-Note""#)));
    let finding = report.findings_of("acme/r").next().unwrap();
    assert!(!finding.evidence.contains('\u{1b}') && finding.evidence.contains('␛'), "{}", finding.evidence);
}

#[test]
fn custom_rules_run_on_compose_and_php_mail_input() {
    let linter = Linter::new(&options(&format!(r#"{{"customRules": [{}]}}"#, rule("body", "(?i)casino", "")))).unwrap();
    let compose = mail_preflight::Compose::from_json(
        r#"{"from": "a@example.com", "to": "b@example.com", "subject": "x", "text": "Casino night"}"#,
    )
    .unwrap();
    assert!(linter.lint_compose(&compose).unwrap().has("acme/r"));
    let php = mail_preflight::PhpMail::new("b@example.com", "x", "casino night", "From: a@example.com");
    assert!(linter.lint_php_mail(&php).unwrap().has("acme/r"));
}

#[test]
fn render_report_says_a_custom_finding_in_the_other_language_as_lint_would() {
    let json = format!(
        r#"{{"customRules": [{}], "spamassassinRules": "body SA_CASINO /Casino/\ndescribe SA_CASINO Mentions a casino\nlang fr describe SA_CASINO Parle d'un casino\n"}}"#,
        rule("body", "Casino", r#", "message": {"en": "Casino: {match}", "fr": "Casino : {match}"}, "fix": {"en": "Remove it", "fr": "Retirez-le"}"#)
    );
    let english = lint(MESSAGE, &json);
    let french = lint(MESSAGE, &json.replacen('{', r#"{"locale": "fr", "#, 1));
    let rendered = mail_preflight::render_report(&english, Locale::Fr);
    for id in ["acme/r", "sa/SA_CASINO"] {
        let (linted, again) = (french.findings_of(id).next().unwrap(), rendered.findings_of(id).next().unwrap());
        assert_eq!((&again.message, &again.fix), (&linted.message, &linted.fix), "{id}");
    }
    assert_eq!(rendered.findings_of("acme/r").next().unwrap().message, "Casino : Casino");
    assert_eq!(rendered.findings_of("sa/SA_CASINO").next().unwrap().message, "Parle d'un casino");
}

#[test]
fn a_spamassassin_description_is_said_as_written_not_as_a_template() {
    let json = r#"{"spamassassinRules": "body SA_CASINO /Casino/\ndescribe SA_CASINO Literal {match} and {{braces}}\n"}"#;
    let report = lint(MESSAGE, json);
    assert_eq!(report.findings_of("sa/SA_CASINO").next().unwrap().message, "Literal {match} and {{braces}}");
    let rendered = mail_preflight::render_report(&report, Locale::Fr);
    assert_eq!(rendered.findings_of("sa/SA_CASINO").next().unwrap().message, "Literal {match} and {{braces}}");
}

#[test]
fn the_check_lists_the_rules_that_can_report_for_a_catalogue() {
    // SARIF's tool.driver.rules names every rule a result can come from.
    let json = serde_json::json!({
        "customRules": [{
            "id": "acme/casino", "target": "body", "pattern": "(?i)casino", "severity": "error", "score": 2,
            "message": {"en": "Casino: {match}", "fr": "Casino : {match}"}, "fix": {"en": "Remove it."}
        }],
        "spamassassinRules": "body __SUB /x/\nbody SHOWN /casino/i\ndescribe SHOWN Talks of a casino\nscore SHOWN 1.5\nbody SILENT /y/\nscore SILENT 0\nmeta META __SUB && SHOWN\nscore META 0.5\n"
    })
    .to_string();
    let result = mail_preflight::custom::check_custom_rules(&json, Locale::Fr);
    assert!(result.ok, "{:?}", result.problems);
    let listed: Vec<(&str, &str, Severity, f64, &str, Option<&str>)> = result
        .rules
        .iter()
        .map(|r| (r.id.as_str(), r.kind, r.default_severity, r.default_score, r.message.as_str(), r.fix.as_deref()))
        .collect();
    assert_eq!(
        listed,
        [
            ("acme/casino", "body", Severity::Error, 2.0, "Casino : {match}", Some("Remove it.")),
            ("sa/SHOWN", "body", Severity::Warning, 1.5, "Talks of a casino", None),
            ("sa/META", "meta", Severity::Warning, 0.5, "sa/META", None),
        ]
    );
    // Rules that cannot be used list nothing.
    let broken = mail_preflight::custom::check_custom_rules(r#"[{"id": "acme/x", "target": "body", "pattern": "("}]"#, Locale::En);
    assert!(!broken.ok && broken.rules.is_empty());
}

#[test]
fn findings_of_one_rule_share_its_texts_and_still_render_them() {
    let json = format!(
        r#"{{"customRules": [{}]}}"#,
        rule("body", "(?i)casino", r#", "message": {"en": "Found {match}", "fr": "Trouvé {match}"}"#)
    );
    let linter = Linter::new(&options(&json)).expect("options are valid");
    let texts_of = |report: &Report| report.findings_of("acme/r").next().and_then(|f| f.custom_texts.clone()).expect("texts");
    let first = linter.lint(MESSAGE.as_bytes()).expect("lints");
    let second = linter.lint(MESSAGE.replace("Casino", "CASINO").as_bytes()).expect("lints");
    assert!(std::sync::Arc::ptr_eq(&texts_of(&first), &texts_of(&second)), "one copy, not one per finding");
    assert_eq!(texts_of(&second).message.fr.as_deref(), Some("Trouvé {match}"));
    assert_eq!(second.findings_of("acme/r").next().unwrap().message, "Found CASINO");
    // The report still carries them as JSON, for renderReport.
    let json = serde_json::to_value(&first).unwrap();
    let finding = json["findings"].as_array().unwrap().iter().find(|f| f["ruleId"] == "acme/r").unwrap();
    assert_eq!(finding["customTexts"]["message"]["fr"], "Trouvé {match}");
}

/// The native `Options::from_json` reads an escaped lone surrogate as U+FFFD,
/// as the npm package reads the same options given as an object (its
/// `JSON.stringify` writes `\ud800`) and as `checkCustomRules` does: it had
/// refused them as "not valid JSON". An escaped pair is one character.
#[test]
fn options_from_json_read_a_lone_surrogate_escape_as_u_fffd() {
    let json = r#"{"customRules": [{"id": "acme/r", "target": "body", "pattern": "prize",
        "message": {"en": "Found \ud800 {match} \ud83d\ude00"}}], "spamassassinRules": "body A /x/\ndescribe A Says \udc00\n"}"#;
    let options = Options::from_json(json).expect("options with a lone surrogate read");
    assert_eq!(options.custom_rules[0].message.get(Locale::En), Some("Found \u{fffd} {match} \u{1f600}"));
    assert_eq!(options.spamassassin_rules.as_deref(), Some("body A /x/\ndescribe A Says \u{fffd}\n"));
    let raw = b"From: a@example.com\r\nTo: b@example.org\r\nSubject: x\r\n\r\nYou won a prize\r\n";
    let report = Linter::new(&options).unwrap().lint(raw).unwrap();
    let finding = report.findings_of("acme/r").next().expect("the rule runs");
    assert_eq!(finding.message, "Found \u{fffd} prize \u{1f600}");
    // A JSON error after one is still said at its place (the escape keeps its length).
    let error = Options::from_json("{\"senderDomains\": [\"\\ud800\"], \"nope\": 1}").unwrap_err();
    assert!(error.to_string().contains("nope"), "{error}");
}

/// `checkCustomRules` reads an escaped lone surrogate as U+FFFD, as the options
/// and a scenario do (`hygiene::lone_surrogates_replaced`): a pattern holding
/// one is refused at its character, a SpamAssassin line holding one with its
/// line, never "not valid JSON" for rules `lint` takes. An escaped pair is one character.
#[test]
fn lone_surrogate_escapes_read_as_u_fffd_where_they_are() {
    use mail_preflight::custom::check_custom_rules;
    let written = "{\"customRules\": [{\"id\": \"acme/r\", \"target\": \"body\", \"pattern\": \"ab\\ud800c\"},\n {\"id\": \"acme/s\", \"target\": \"body\", \"pattern\": \"\\ud83d\\ude00\\udc00?\"}],\n \"spamassassinRules\": \"body A /x/\\nbody B /\\uDBFF/\\n\"}";
    let replaced = written.replace("\\ud800", "\\ufffd").replace("\\udc00", "\\ufffd").replace("\\uDBFF", "\\ufffd");
    let checked = check_custom_rules(written, Locale::En);
    assert_eq!(checked, check_custom_rules(&replaced, Locale::En));
    let found: Vec<(&str, &str, Option<usize>, Option<usize>)> =
        checked.problems.iter().map(|p| (p.rule.as_str(), p.reason.as_str(), p.line, p.column)).collect();
    // Line 1, column 67 is the `\` of `\ud800`; line 2, column 61 that of `\udc00` (after the pair).
    assert_eq!(
        found,
        vec![
            ("acme/r", "pattern-not-utf8", Some(1), Some(67)),
            ("acme/s", "pattern-not-utf8", Some(2), Some(61)),
        ],
        "{:?}",
        checked.problems
    );
    let sa = check_custom_rules("{\"spamassassinRules\": \"body A /x/\\nbody B /\\uDBFF/\\n\"}", Locale::En);
    let found: Vec<(&str, &str, Option<usize>)> =
        sa.problems.iter().map(|p| (p.rule.as_str(), p.reason.as_str(), p.line)).collect();
    assert_eq!(found, vec![("B", "line-not-utf8", Some(2))]);
    assert_eq!(sa.spamassassin.map(|s| s.loaded_total), Some(1));
}
