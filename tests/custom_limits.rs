//! Bad input to custom rules: every limit named (`mail_preflight::custom::limits`),
//! a clear error or a refusal, never a panic, time bounded by the input
//! (matching is linear: no timing is asserted, the tests only finish).

use mail_preflight::custom::{
    CustomRules, ProblemKind, MAX_BODY_PART_BYTES, MAX_COMPILED_RULES_BYTES, MAX_CUSTOM_RULE_WORK,
    MAX_EXPANDED_PATTERN_BYTES, MAX_META_DEPTH, MAX_META_GLOB_NAMES, MAX_META_GLOB_STEPS, MAX_PATTERN_BYTES, MAX_RULES,
    MAX_RULES_TEXT_BYTES,
};
use mail_preflight::{LintError, Linter, Options};

fn custom(pattern: &str) -> Options {
    let rule = serde_json::json!({ "customRules": [{ "id": "acme/r", "target": "body", "pattern": pattern }] });
    Options::from_json(&rule.to_string()).unwrap()
}

fn refused_with(rules: &str) -> Vec<String> {
    let load = CustomRules::compile(&[], Some(rules)).expect("a rule file never fails as a whole").load;
    load.refused.iter().map(|p| p.kind.key()).collect()
}

fn invalid(options: &Options) -> String {
    match Linter::new(options) {
        Err(error @ LintError::InvalidOptions(_)) => error.to_string(),
        other => panic!("expected invalid-options, got {other:?}"),
    }
}

#[test]
fn a_pattern_of_one_megabyte_is_refused_by_max_pattern_bytes() {
    let text = invalid(&custom(&"a".repeat(1_000_000)));
    assert!(text.contains(&MAX_PATTERN_BYTES.to_string().replace(',', "")) || text.contains("32,768"), "{text}");
    assert_eq!(refused_with(&format!("body BIG /{}/\n", "a".repeat(1_000_000))), vec!["pattern-too-long"]);
}

#[test]
fn ten_thousand_rules_are_refused_by_max_rules() {
    let rules: Vec<serde_json::Value> = (0..10_000)
        .map(|i| serde_json::json!({ "id": format!("acme/r{i}"), "target": "body", "pattern": "x" }))
        .collect();
    let options = Options::from_json(&serde_json::json!({ "customRules": rules }).to_string()).unwrap();
    assert!(invalid(&options).contains(&format!("{}", MAX_RULES).replace(',', "")[..1]));
}

/// A SpamAssassin text defining more than `MAX_RULES` rules loads its first
/// ones; one problem at the first left out counts the rest. A meta reading a
/// rule left out is refused as reading a refused rule, and `options.scores`
/// may still name one (it is defined).
#[test]
fn spamassassin_rules_past_max_rules_are_left_out_with_one_problem_the_first_load() {
    let defined = MAX_RULES * 2 + 1;
    let mut file = String::from("meta EARLY R1 && R9000\n");
    file.extend((0..MAX_RULES * 2).map(|i| format!("body R{i} /\\bx{i}\\b/\n")));
    let load = CustomRules::compile(&[], Some(&file)).expect("the first rules load").load;
    assert_eq!(load.loaded_total(), MAX_RULES - 1, "every body rule before the limit; the meta refused");
    let past: Vec<_> = load.refused.iter().filter(|p| matches!(p.kind, ProblemKind::RulesPastLimit { .. })).collect();
    assert_eq!(past.len(), 1);
    // EARLY is the first rule, R0 on line 2: the first left out is R{MAX_RULES - 1}.
    let first_out = format!("R{}", MAX_RULES - 1);
    assert_eq!((past[0].rule.as_str(), past[0].line), (first_out.as_str(), Some(MAX_RULES + 1)));
    assert_eq!(past[0].kind, ProblemKind::RulesPastLimit { count: defined - MAX_RULES, limit: MAX_RULES });
    assert!(load.refused.iter().any(|p| p.rule == "EARLY" && p.kind.key() == "meta-refused"), "{:?}", load.refused);
    assert_eq!(load.refused_total(), defined - MAX_RULES + 1);
    // The editor's check says it, with the limit, and counts every rule left out.
    let json = serde_json::json!({ "spamassassinRules": file }).to_string();
    let checked = mail_preflight::custom::check_custom_rules(&json, mail_preflight::Locale::En);
    let summary = checked.spamassassin.expect("a summary");
    assert_eq!((summary.loaded_total, summary.refused), (MAX_RULES - 1, defined - MAX_RULES + 1));
    let problem = checked.problems.iter().find(|p| p.reason == "rules-past-limit").expect("the problem");
    // Numbers are written grouped by thousands in English ("5,001").
    let grouped = |n: usize| format!("{},{:03}", n / 1000, n % 1000);
    let said = [format!("Line {}", grouped(MAX_RULES + 1)), grouped(defined - MAX_RULES), grouped(MAX_RULES)];
    assert!(said.iter().all(|s| problem.message.contains(s.as_str())), "{}", problem.message);
    // With customRules, they share the limit: two of them leave two more SpamAssassin rules out.
    let two: Vec<serde_json::Value> =
        (0..2).map(|i| serde_json::json!({ "id": format!("acme/r{i}"), "target": "body", "pattern": "x" })).collect();
    let options = Options::from_json(
        &serde_json::json!({ "customRules": two, "spamassassinRules": file, "scores": { "sa/R9000": 2 } }).to_string(),
    )
    .expect("options");
    let linter = Linter::new(&options).expect("a score for a rule left out is no unknown rule");
    let load = &linter.custom_rules().load;
    assert_eq!(load.past_limit.len(), defined - MAX_RULES + 2);
    let message = format!("From: a@example.com\r\nSubject: x\r\n\r\nx{} x{}\r\n", MAX_RULES - 4, MAX_RULES - 3);
    let report = linter.lint(message.as_bytes()).unwrap();
    assert!(report.has(&format!("sa/R{}", MAX_RULES - 4)) && !report.has(&format!("sa/R{}", MAX_RULES - 3)));
}

#[test]
fn a_rules_text_over_max_rules_text_bytes_is_refused() {
    let text = "#".repeat(MAX_RULES_TEXT_BYTES + 1);
    let error = CustomRules::compile(&[], Some(&text)).unwrap_err();
    assert!(matches!(error[0].kind, ProblemKind::RulesTextTooLong { .. }));
}

#[test]
fn nested_repetition_matches_in_linear_time() {
    // `(a*)*b` and `(a|aa)*c` take exponential time in a backtracking engine on "aaa…a".
    let message = format!("From: a@example.com\r\nSubject: x\r\n\r\n{}\r\n", "a".repeat(200_000));
    for pattern in ["(a*)*b", "(a|aa)*c", "(?:a+)+$x", "^(a?){30}a{30}$"] {
        let report = Linter::new(&custom(pattern)).unwrap().lint(message.as_bytes()).unwrap();
        assert!(!report.has("acme/r"), "{pattern}");
    }
    assert!(refused_with("body NESTED /(a*)*b/\nrawbody NESTED2 /(?:x+x+)+y/\n").is_empty());
}

#[test]
fn rules_compiling_past_max_compiled_rules_bytes_together_are_refused() {
    // `\w{30}` compiles to about 527 KB of NFA: 1,250 of them had taken 50 s and
    // 823 MB of wasm memory to load; the limit stops the load at about 64.
    let rules: Vec<serde_json::Value> = (0..1_250)
        .map(|i| serde_json::json!({ "id": format!("acme/r{i}"), "target": "body", "pattern": format!(r"\w{{30}}{i}") }))
        .collect();
    let options = Options::from_json(&serde_json::json!({ "customRules": rules }).to_string()).unwrap();
    let text = invalid(&options);
    assert!(text.contains("not compiled") && text.contains(&MAX_COMPILED_RULES_BYTES.to_string()[..2]), "{text}");
    let error = CustomRules::compile(&options.custom_rules, None).unwrap_err();
    assert_eq!(error.len(), 1);
    let at = error[0].index.expect("the rule that passed the limit");
    assert!((32..128).contains(&at), "{at}");
    // The rules before it fit: the same set without it and after it loads.
    let fitting: Vec<serde_json::Value> = (0..at)
        .map(|i| serde_json::json!({ "id": format!("acme/r{i}"), "target": "body", "pattern": format!(r"\w{{30}}{i}") }))
        .collect();
    let options = Options::from_json(&serde_json::json!({ "customRules": fitting }).to_string()).unwrap();
    assert!(Linter::new(&options).is_ok());
    // SpamAssassin rules: refused with their lines from that rule on, the others load.
    // (SpamAssassin's `\w` reads ASCII: a long repetition of a class compiles as big.)
    let file: String = (0..200).map(|i| format!("body R{i} /{i}[a-z]{{20000}}/\n")).collect();
    let load = CustomRules::compile(&[], Some(&file)).expect("a rule file never fails as a whole").load;
    let refused: Vec<_> = load.refused.iter().filter(|p| p.kind.key() == "rules-too-big").collect();
    assert!((72..=200 - 32).contains(&refused.len()), "{}", refused.len());
    assert!(refused.iter().all(|p| p.line.is_some()));
    assert_eq!(load.loaded.get("body").copied().unwrap_or_default() + refused.len(), 200);
}

#[test]
fn a_pattern_that_compiles_too_big_is_refused() {
    let text = invalid(&custom(r"(?:\w{100}){100}"));
    assert!(text.contains("acme/r"), "{text}");
}

#[test]
fn deeply_nested_groups_are_an_error_not_a_stack_overflow() {
    let pattern = format!("{}a{}", "(".repeat(10_000), ")".repeat(10_000));
    assert!(invalid(&custom(&pattern)).contains("acme/r"));
    assert_eq!(refused_with(&format!("body DEEP /{pattern}/\n")), vec!["pattern-syntax"]);
}

#[test]
fn replace_tags_expanding_past_max_expanded_pattern_bytes_are_refused() {
    let tag = "x".repeat(10_000);
    let pattern: String = "<T>".repeat(MAX_EXPANDED_PATTERN_BYTES / 10_000 + 1);
    let rules = format!("replace_tag T {tag}\nbody BIG /{pattern}/\nreplace_rules BIG\n");
    assert_eq!(refused_with(&rules), vec!["pattern-too-long"]);
}

#[test]
fn replace_tags_holding_tags_stop_expanding_past_max_expanded_pattern_bytes() {
    // Six passes of a tag that holds itself 40 times had built 3 × 40^6 bytes (12 GB).
    let tag = "<A>".repeat(40);
    let rules = format!("replace_tag A {tag}\nbody BIG /<A>/\nreplace_rules BIG\nbody SMALL /prize/\n");
    assert_eq!(refused_with(&rules), vec!["pattern-too-long"]);
}

#[test]
fn bytes_that_are_not_utf8_refuse_their_lines_only() {
    let mut file = b"body GOOD /prize/\nbody BAD /caf".to_vec();
    file.extend_from_slice(b"\xe9/\nlang fr describe GOOD Un prix \xe0 gagner\nbody ALSO_GOOD /claim/\n");
    let text = String::from_utf8_lossy(&file);
    let load = CustomRules::compile(&[], Some(&text)).unwrap().load;
    assert_eq!(load.loaded_total(), 2);
    assert_eq!(
        (load.refused.len(), load.refused[0].line, load.refused[0].kind.key().as_str()),
        (1, Some(2), "line-not-utf8")
    );
    assert_eq!(load.unreadable_lines[0].line, Some(3), "the description in another encoding");
    assert!(invalid(&custom("caf\u{FFFD}")).contains("acme/r"), "a replacement character in a custom pattern");
}

#[test]
fn metas_that_read_themselves_or_unknown_names_are_refused() {
    assert_eq!(refused_with("meta SELF SELF || 1\n"), vec!["meta-cycle"]);
    assert_eq!(refused_with("meta A B\nmeta B A\n").len(), 2);
    assert_eq!(refused_with("meta UNKNOWN NOPE\n"), vec!["meta-unknown"]);
}

#[test]
fn deep_meta_expressions_and_long_chains_are_refused_by_max_meta_depth() {
    // 4,000 levels: far past the depth, within `MAX_META_TOKENS` (8,001 tokens).
    let deep = format!("meta DEEP {}1{}\n", "(".repeat(4_000), ")".repeat(4_000));
    assert_eq!(refused_with(&deep), vec!["meta-too-deep"]);
    let mut chain = String::from("body M0 /x/\n");
    for i in 1..=MAX_META_DEPTH + 5 {
        chain.push_str(&format!("meta M{i} M{}\n", i - 1));
    }
    let refused = refused_with(&chain);
    assert!(!refused.is_empty() && refused.iter().all(|r| r == "meta-too-deep" || r == "meta-refused"), "{refused:?}");
}

#[test]
fn a_long_meta_expression_is_refused_by_max_meta_tokens() {
    let long = format!("meta LONG {}\nbody X /x/\n", vec!["X"; 20_000].join(" + "));
    // A flat sum is long, not deep: its own reason and message.
    assert_eq!(refused_with(&long), vec!["meta-too-long"]);
}

#[test]
fn hostile_rule_lines_never_panic() {
    let lines = [
        "body",
        "body X",
        "body X /",
        "body X /a",
        "body X m",
        "body X m{a",
        "header X",
        "header X From",
        "header X From =~",
        "header X :raw =~ /a/",
        "header X From:bogus =~ /a/",
        "header X exists:",
        "meta X",
        "meta X (",
        "meta X )(",
        "meta X 1 ?",
        "meta X rules_matching(",
        "score",
        "score X",
        "score X nan",
        "tflags X multiple maxhits=99999999999999999999",
        "if",
        "if (",
        "endif",
        "else",
        "ifplugin",
        "lang",
        "lang fr",
        "lang fr describe",
        "replace_tag",
        "replace_rules",
        "body X /\\",
        "body X /[/",
        "body X /(?/",
        "body X /\\x{110000}/",
        "body X /\\o{999999999999}/",
        "body X /\\c/",
        "body X /a{99999999999}/",
        "body X /(?^/",
        "body X /(?P</",
    ];
    for line in lines {
        // An `if` left open leaves the following lines out, as in SpamAssassin: close it.
        let text = format!("{line}\nendif\nbody OK /ok/\n");
        let rules = CustomRules::compile(&[], Some(&text)).unwrap_or_else(|e| panic!("{line}: {e:?}"));
        assert!(rules.ids().any(|id| id == "sa/OK"), "{line}");
    }
}

fn options_with(rules: serde_json::Value) -> Options {
    Options::from_json(&serde_json::json!({ "customRules": rules }).to_string()).unwrap()
}

fn message_with_body(body: &str) -> Vec<u8> {
    format!("From: a@site.example\r\nTo: b@site.example\r\nSubject: x\r\nDate: Mon, 2 Mar 2026 10:00:00 +0000\r\nMessage-ID: <a@site.example>\r\n\r\n{body}").into_bytes()
}

/// A 936 kB message of `a`s (the hostile-input report's `heavy.cjs 1 full … 13000`), linted with `rules`.
fn lint_large(rules: serde_json::Value) -> mail_preflight::Report {
    let body = ("a".repeat(70) + "\r\n").repeat(13_000);
    Linter::new(&options_with(rules)).unwrap().lint(&message_with_body(&body)).unwrap()
}

fn limit_findings(report: &mail_preflight::Report) -> Vec<&mail_preflight::report::Finding> {
    report.findings_of(mail_preflight::custom::findings::LIMIT_RULE_ID).collect()
}

#[test]
fn a_wide_repetition_over_a_large_text_stops_at_max_custom_rule_work_and_names_the_rule() {
    // The hostile-input report's case: 902 threads a byte over 1 MB, 19.8 s in Node.
    let report = lint_large(serde_json::json!([
        { "id": "acme/slow", "target": "full", "pattern": "(?s).{900}I" },
        { "id": "acme/cheap", "target": "full", "pattern": "Subject: x" },
    ]));
    let limits = limit_findings(&report);
    let work = limits.iter().find(|f| f.message_id == "core.custom.limit.work").expect("a work-limit finding");
    assert_eq!(work.severity, mail_preflight::Severity::Info);
    assert!(work.message.contains("acme/slow") && !work.message.contains("acme/cheap"), "{}", work.message);
    assert!(work.message.contains("100,000,000"), "{}", work.message);
    assert!(report.has("acme/cheap"), "the rules within the limit still run");
    assert!(!report.has("acme/slow"));
}

#[test]
fn a_meta_reading_a_rule_the_work_limit_stopped_is_not_evaluated_and_is_listed() {
    // SpamAssassin's MIXED_HREF_CASE (`__HAS_HREF - __HAS_HREF_ONECASE > 0`) had fired
    // on two counts stopped at different places; here `!__SLOW` on a rule not run.
    let rules = "full __SLOW /(?s).{900}I/\nfull __CHEAP /Subject: x/\nmeta NOT_SLOW !__SLOW\nmeta ON_IT NOT_SLOW || __CHEAP\nmeta CHEAP_ONLY __CHEAP\n";
    let body = ("a".repeat(70) + "\r\n").repeat(13_000);
    let options = Options { spamassassin_rules: Some(rules.to_string()), ..Options::default() };
    let report = Linter::new(&options).unwrap().lint(&message_with_body(&body)).unwrap();
    assert!(!report.has("sa/NOT_SLOW") && !report.has("sa/ON_IT"), "not evaluated on a rule not run");
    assert!(report.has("sa/CHEAP_ONLY"), "a meta on rules that ran is evaluated");
    let limits = limit_findings(&report);
    let work = limits.iter().find(|f| f.message_id == "core.custom.limit.work").expect("a work-limit finding");
    assert!(work.message.contains("3 rules were not run on all of the message: sa/__SLOW, sa/NOT_SLOW, sa/ON_IT."), "{}", work.message);
    assert!(work.message.contains("2 of them are meta rules, not evaluated"), "{}", work.message);
    for locale in [mail_preflight::Locale::Fr, mail_preflight::Locale::Es, mail_preflight::Locale::Pl] {
        let again = mail_preflight::pipeline::docs::render_report(&report, locale);
        let work = limit_findings(&again).into_iter().find(|f| f.message_id == "core.custom.limit.work").unwrap();
        assert!(work.message.contains(" 2 ") && !work.message.contains("{metas"), "{locale:?}: {}", work.message);
    }
}

#[test]
fn ten_wide_rules_share_one_budget_and_the_first_ones_run() {
    let body = ("a".repeat(70) + "\r\n").repeat(13_000);
    let rules: Vec<serde_json::Value> = (0..10)
        .map(|i| serde_json::json!({ "id": format!("acme/r{i}"), "target": "full", "pattern": format!(r"\w{{20}}{i}\w{{20}}") }))
        .collect();
    let linter = Linter::new(&options_with(serde_json::Value::Array(rules))).unwrap();
    let evaluation = linter.custom_rules().evaluate(&analyse(&message_with_body(&body)), &Default::default());
    assert!(evaluation.work <= MAX_CUSTOM_RULE_WORK);
    assert!(!evaluation.unfinished.is_empty() && evaluation.unfinished.len() < 10, "{:?}", evaluation.unfinished);
    assert_eq!(evaluation.unfinished, (10 - evaluation.unfinished.len()..10).collect::<Vec<_>>(), "in rule order");
}

#[test]
fn an_expected_match_not_run_everywhere_does_not_report_its_absence() {
    let report =
        lint_large(serde_json::json!([{ "id": "acme/needs", "target": "full", "pattern": "(?s).{900}z", "expect": "match" }]));
    assert!(!report.has("acme/needs"), "not run: its match may be where it did not look");
    assert_eq!(limit_findings(&report).len(), 1);
}

#[test]
fn body_text_past_spamassassins_part_scan_size_is_said_not_read() {
    let body = format!("{} needle\r\n", "word ".repeat(MAX_BODY_PART_BYTES / 5 + 10));
    let rules = serde_json::json!([{ "id": "acme/needle", "target": "body", "pattern": "needle" }]);
    let report = Linter::new(&options_with(rules)).unwrap().lint(&message_with_body(&body)).unwrap();
    assert!(!report.has("acme/needle"), "past body_part_scan_size");
    let cut = limit_findings(&report);
    assert_eq!(cut.len(), 1);
    assert_eq!(cut[0].message_id, "core.custom.limit.part");
    assert!(cut[0].message.contains("body_part_scan_size") && cut[0].message.contains("50,000"), "{}", cut[0].message);
    assert_eq!(cut[0].location.part, Some(0));
    let short = Linter::new(&options_with(serde_json::json!([{ "id": "acme/x", "target": "body", "pattern": "x" }])))
        .unwrap()
        .lint(&message_with_body("short\r\n"))
        .unwrap();
    assert!(limit_findings(&short).is_empty(), "nothing cut, nothing said");
}

#[test]
fn the_limit_findings_render_in_every_language_without_placeholders() {
    let report = lint_large(serde_json::json!([
        { "id": "acme/slow", "target": "full", "pattern": "(?s).{900}I" },
        { "id": "acme/body", "target": "rawbody", "pattern": "b" },
    ]));
    assert_eq!(limit_findings(&report).len(), 2, "the work limit and rawbody_part_scan_size");
    for locale in [mail_preflight::Locale::Fr, mail_preflight::Locale::Es, mail_preflight::Locale::Pl] {
        let again = mail_preflight::pipeline::docs::render_report(&report, locale);
        for finding in limit_findings(&again) {
            for text in [&finding.message, &finding.fix] {
                assert!(!text.contains("{rules") && !text.contains("{count") && !text.contains("{limit"), "{locale:?}: {text}");
            }
            assert_ne!(finding.message, report.findings_of(&finding.rule_id).next().unwrap().message);
        }
    }
}

fn analyse(raw: &[u8]) -> mail_preflight::model::Message<'_> {
    let limits = mail_preflight::rules::attachments::default_limits();
    mail_preflight::model::Message::analyse(raw, mail_preflight::report::Origin::Raw, Vec::new(), &limits)
}

/// Runs `f` on a thread with wasm's stack (1 MiB, the Rust wasm32 default).
fn on_a_wasm_sized_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new().stack_size(1 << 20).spawn(f).unwrap().join().expect("no stack overflow")
}

#[test]
fn a_glob_of_many_stars_against_long_names_expands_in_one_pass() {
    // `*a*a…*a*b` (40 stars) against names of a hundred `a`: a recursive match
    // tries every way the stars can split the name (more than 10²⁵), which never ends.
    let long = "a".repeat(100);
    let glob = format!("{}b", "*a".repeat(40));
    let text = format!("body {long} /x/\nbody {long}b /y/\nmeta M rules_matching({glob})\n");
    let rules = CustomRules::compile(&[], Some(&text)).unwrap();
    assert!(rules.load.refused.is_empty(), "{:?}", rules.load.refused);
    let meta = rules.rules.iter().find(|r| r.name == "M").unwrap();
    let mut read = Vec::new();
    let mail_preflight::custom::compile::Test::Meta(expr) = &meta.test else { panic!("{meta:?}") };
    expr.indices(&mut read);
    let names: Vec<&str> = read.iter().map(|&i| rules.rules[i].name.as_str()).collect();
    assert_eq!(names, vec![format!("{long}b")], "the name ending in b, not the other");
}

#[test]
fn rules_matching_past_max_meta_glob_names_refuses_the_metas_past_it() {
    // 2,000 rules summed by each of 60 metas: 120,000 names, past the 100,000.
    let mut text: String = (0..2_000).map(|i| format!("body __A{i} /a{i}z/\n")).collect();
    text.extend((0..60).map(|i| format!("meta M{i} rules_matching(__A*) > 1\n")));
    let rules = CustomRules::compile(&[], Some(&text)).unwrap();
    let refused: Vec<&str> = rules.load.refused.iter().map(|p| p.rule.as_str()).collect();
    let expected: Vec<String> = (MAX_META_GLOB_NAMES / 2_000..60).map(|i| format!("M{i}")).collect();
    assert_eq!(refused, expected);
    assert!(rules.load.refused.iter().all(|p| p.kind == ProblemKind::MetaGlobLimit && p.line.is_some()));
    // Said in every language with the limit.
    for locale in mail_preflight::Locale::ALL {
        let text = rules.load.refused[0].message(locale);
        assert!(text.contains("rules_matching()") && !text.contains('{'), "{locale:?}: {text}");
    }
    // The metas within the limit load and run.
    let options = Options { spamassassin_rules: Some(text), ..Options::default() };
    let report = Linter::new(&options).unwrap().lint(&message_with_body("a1z a2z\r\n")).unwrap();
    assert!(report.has("sa/M0") && report.has("sa/M49") && !report.has("sa/M50"));
}

#[test]
fn rules_matching_past_max_meta_glob_steps_refuses_the_metas_of_the_globs_past_it() {
    // 200 distinct globs of 40 stars over 2,000 names of 100 bytes: each name
    // costs up to 81 × 101 steps, far past the 20 million steps in all.
    let mut text: String = (0..2_000).map(|i| format!("body {}{i} /x{i}z/\n", "A".repeat(100))).collect();
    text.extend((0..200).map(|i| format!("meta M{i} rules_matching({}{i}B)\n", "*A".repeat(40))));
    let rules = CustomRules::compile(&[], Some(&text)).unwrap();
    let refused: Vec<&str> = rules.load.refused.iter().map(|p| p.rule.as_str()).collect();
    assert!(!refused.is_empty() && !refused.contains(&"M0"), "{refused:?}");
    assert!(rules.load.refused.iter().all(|p| p.kind == ProblemKind::MetaGlobLimit));
    let last = refused.len();
    assert_eq!(refused, (200 - last..200).map(|i| format!("M{i}")).collect::<Vec<_>>(), "the globs after the steps ran out");
    let _ = MAX_META_GLOB_STEPS;
}

#[test]
fn a_glob_over_every_rule_is_a_flat_sum_evaluated_on_a_wasm_sized_stack() {
    // 4,999 rules in one `rules_matching`: as a chain of `+` it was an expression
    // 4,999 levels deep, which evaluating and dropping walk recursively.
    let mut text: String = (0..MAX_RULES - 1).map(|i| format!("body __A{i} /hello{i}z/\n")).collect();
    text.push_str("meta ALL rules_matching(__A*) >= 2\n");
    let report = on_a_wasm_sized_stack(move || {
        let options = Options { spamassassin_rules: Some(text), ..Options::default() };
        let linter = Linter::new(&options).unwrap();
        linter.lint(&message_with_body("hello1z hello2z hello3z\r\n")).unwrap()
    });
    assert!(report.has("sa/ALL"), "3 of the rules hit: {:?}", report.findings.iter().map(|f| &f.rule_id).collect::<Vec<_>>());
}

#[test]
fn searching_for_the_literals_of_rules_is_work_and_stops_at_max_custom_rule_work() {
    // 2,000 rules of 32 literals each, none in a 2.4 MB text: the searches alone
    // read 2,000 × 32 × 2.4 MB = 1.5 × 10¹¹ bytes, which no rule's match was charged for.
    let rules: Vec<serde_json::Value> = (0..2_000)
        .map(|i| {
            let words: Vec<String> = (0..32).map(|j| format!("q{i}z{j}w")).collect();
            serde_json::json!({ "id": format!("acme/r{i}"), "target": "full", "pattern": format!("(?:{})", words.join("|")) })
        })
        .collect();
    let body = ("hello world ".repeat(6) + "\r\n").repeat(32_000);
    let report = Linter::new(&options_with(serde_json::Value::Array(rules))).unwrap().lint(&message_with_body(&body)).unwrap();
    let limits = limit_findings(&report);
    let work = limits.iter().find(|f| f.message_id == "core.custom.limit.work").expect("a work-limit finding");
    let count = work.params.get("count").cloned();
    assert!(
        matches!(count, Some(mail_preflight::i18n::Param::Int(n)) if n > 1_900),
        "most rules are not run: {count:?}"
    );
    assert!(!work.message.contains("acme/r0"), "the first ones run: {}", work.message);
    // Within the work, a literal found still runs its rule.
    let one = serde_json::json!([{ "id": "acme/hello", "target": "full", "pattern": "(?:hello|bonjour) world" }]);
    assert!(Linter::new(&options_with(one)).unwrap().lint(&message_with_body(&body)).unwrap().has("acme/hello"));
}

#[test]
fn nested_conditions_with_else_are_read_in_time_linear_in_the_text() {
    // 200,000 nested true `if`, then as many `else` at the innermost level (3.2 MB):
    // each `else` had searched every enclosing `if` for a false one, 4 × 10¹⁰ reads.
    let levels = 200_000;
    let mut text = "if 1\n".repeat(levels);
    // An odd number of `else` leaves the innermost block skipped (SpamAssassin
    // toggles at each, "if/else/else won't get flagged"), one more reads it again.
    text.push_str(&"else\n".repeat(levels - 1));
    text.push_str("body INNER /x/\nelse\nbody OTHER /y/\n");
    text.push_str(&"endif\n".repeat(levels));
    text.push_str("body AFTER /z/\n");
    let rules = CustomRules::compile(&[], Some(&text)).unwrap();
    let ids: Vec<&str> = rules.ids().collect();
    assert_eq!(ids, vec!["sa/OTHER", "sa/AFTER"]);
}

#[test]
fn patterns_of_braces_and_flag_groups_are_translated_in_time_linear_in_them() {
    // Each `{` had searched the rest of its pattern for a `}`, and each `(?` for
    // the end of its flags: 32 KB of either, 5 × 10⁸ reads a rule.
    // The flag groups first: past the limit on compiled rules a rule is not translated.
    let mut text: String = (0..20).map(|i| format!("body F{i} /{}/\n", "(?".repeat(MAX_PATTERN_BYTES / 2 - 10))).collect();
    text.extend((0..100).map(|i| format!("body B{i} /{}x{i}/\n", "{".repeat(MAX_PATTERN_BYTES - 10))));
    let load = CustomRules::compile(&[], Some(&text)).unwrap().load;
    // Perl reads a `{` that starts no count as itself: the rules load, up to the
    // limit on compiled rules; `(?(` is a Perl conditional, refused once read.
    let loaded = load.loaded.get("body").copied().unwrap_or_default();
    let reasons: Vec<String> = load.refused.iter().map(|p| p.kind.key()).collect();
    assert!(loaded > 10, "{loaded}: {:?}", reasons.first());
    assert_eq!(reasons.iter().filter(|r| *r == "rules-too-big").count(), 100 - loaded);
    assert_eq!(reasons.iter().filter(|r| *r == "perl.conditional").count(), 20, "{reasons:?}");
}

#[test]
fn patterns_refused_as_too_big_count_towards_max_compiled_rules_bytes() {
    // Each is compiled up to `MAX_COMPILED_PATTERN_BYTES` before `regex` gives up
    // (3 ms natively): 5,000 of them had taken 16 s to refuse one by one.
    let text: String = (0..200).map(|i| format!("body R{i} /{i}[a-z]{{200000}}/\n")).collect();
    let reasons = refused_with(&text);
    let too_big = reasons.iter().filter(|r| *r == "pattern-too-big").count();
    let past_limit = reasons.iter().filter(|r| *r == "rules-too-big").count();
    let most = MAX_COMPILED_RULES_BYTES / mail_preflight::custom::MAX_COMPILED_PATTERN_BYTES + 1;
    assert_eq!((too_big, past_limit), (most, 200 - most), "{reasons:?}");
    // The same for `customRules`: the rules after the limit are not compiled, one problem says so.
    let rules: Vec<serde_json::Value> = (0..200)
        .map(|i| serde_json::json!({ "id": format!("acme/r{i}"), "target": "body", "pattern": format!("{i}[a-z]{{200000}}") }))
        .collect();
    let problems = CustomRules::compile(&options_with(serde_json::Value::Array(rules)).custom_rules, None).unwrap_err();
    let kinds: Vec<String> = problems.iter().map(|p| p.kind.key()).collect();
    assert_eq!(kinds.len(), most + 1, "{kinds:?}");
    assert_eq!(kinds.last().map(String::as_str), Some("rules-too-big"));
}

#[test]
fn a_flat_meta_as_long_as_max_meta_tokens_allows_is_evaluated_on_a_wasm_sized_stack() {
    // `__A0 + __A1 + …` and `__A0 || __A1 || …` of 4,900 terms each (within
    // `MAX_META_TOKENS`), and a chain of metas reading them up to `MAX_META_DEPTH`:
    // read as chains of two-operand nodes they were expressions 4,900 levels
    // deep, which resolving, evaluating and dropping walk recursively.
    let terms = 4_900;
    let mut text: String = (0..terms).map(|i| format!("body __A{i} /hello{i}z/\n")).collect();
    let names: Vec<String> = (0..terms).map(|i| format!("__A{i}")).collect();
    text.push_str(&format!("meta __SUM {} > 2\n", names.join(" + ")));
    text.push_str(&format!("meta __ANY {}\n", names.join(" || ")));
    text.push_str("meta __C0 __SUM && __ANY\n");
    for i in 1..MAX_META_DEPTH - 2 {
        text.push_str(&format!("meta __C{i} __C{} && __A{i}\n", i - 1));
    }
    text.push_str(&format!("meta TOP __C{}\n", MAX_META_DEPTH - 3));
    let (refused, report) = on_a_wasm_sized_stack(move || {
        let options = Options { spamassassin_rules: Some(text), ..Options::default() };
        let linter = Linter::new(&options).unwrap();
        let hello: String = (0..MAX_META_DEPTH).map(|i| format!("hello{i}z ")).collect();
        let report = linter.lint(&message_with_body(&hello)).unwrap();
        (linter.custom_rules().load.refused.len(), report)
    });
    assert_eq!(refused, 0);
    assert!(report.has("sa/TOP"), "{:?}", report.findings.iter().map(|f| &f.rule_id).collect::<Vec<_>>());
}

/// `count` rules on `uri` with `pattern(i)`, over a message of `links` links.
fn uri_rules_over_links(count: usize, pattern: impl Fn(usize) -> String, links: usize, work: u64) -> mail_preflight::custom::Evaluation {
    let rules: Vec<serde_json::Value> = (0..count)
        .map(|i| serde_json::json!({ "id": format!("acme/r{i}"), "target": "uri", "pattern": pattern(i) }))
        .collect();
    let linter = Linter::new(&options_with(serde_json::Value::Array(rules))).unwrap();
    // HTML links: each is a value (URLs written in text are read in the first 50,000 bytes).
    let body: String = (0..links).map(|i| format!("<a href=\"http://h{i}.example/p\">{i}</a>\r\n")).collect();
    let raw = format!("From: a@site.example\r\nTo: b@site.example\r\nSubject: x\r\nContent-Type: text/html\r\n\r\n{body}");
    let raw = raw.into_bytes();
    let message = analyse(&raw);
    mail_preflight::custom::run::evaluate_within(linter.custom_rules(), &message, &Default::default(), work)
}

#[test]
fn each_run_and_literal_search_on_a_short_value_costs_its_call() {
    // 4,096 rules whose literal no link holds, over 10,000 links of 22 bytes:
    // charged by the bytes alone, a search was 2 units, 8.2 × 10⁷ for the 4 × 10⁷
    // searches, which took 12.9 s natively. Each search now pays its call too.
    let evaluation = uri_rules_over_links(4_096, |i| format!(r"evil{i}\.test"), 10_000, MAX_CUSTOM_RULE_WORK);
    assert!(evaluation.work <= MAX_CUSTOM_RULE_WORK);
    let searches = 4_096 * 10_000u64;
    let most = MAX_CUSTOM_RULE_WORK / (mail_preflight::custom::SEARCH_CALL_WORK + 2);
    assert!(most < searches, "the calls alone are past the work");
    assert!(!evaluation.unfinished.is_empty(), "not every rule searched every link");
    assert_eq!(evaluation.unfinished, (4_096 - evaluation.unfinished.len()..4_096).collect::<Vec<_>>(), "the last rules");
}

#[test]
fn past_max_refused_runs_the_rules_left_are_skipped_at_once() {
    // 200 wide rules over 10,000 links, with work for a few links only: every
    // rule is refused on every link left, 2 × 10⁶ refusals, each a visit of the loop.
    let evaluation = uri_rules_over_links(200, |i| format!(r"(?s).{{{}}}I", 100 + i % 10), 10_000, 1_000_000);
    assert_eq!(evaluation.unfinished.len(), 200);
    let cap = mail_preflight::custom::MAX_REFUSED_RUNS;
    assert!(cap < 200 * 10_000);
    assert!((cap..=cap + 200).contains(&evaluation.refused), "{} refusals", evaluation.refused);
}

#[test]
fn each_byte_a_pattern_reads_costs_byte_work_beside_its_threads() {
    // `[xy][0-9]` keeps 2 threads and took 41 ns a byte natively: charged by
    // its threads alone, 20 ns a unit where alive threads cost 30 (`BYTE_WORK`).
    let rule = serde_json::json!([{ "id": "acme/light", "target": "full", "pattern": "[xy][0-9]" }]);
    let linter = Linter::new(&options_with(rule)).unwrap();
    let threads = linter.custom_rules().groups[0].sets[0].threads;
    let per_byte = threads + mail_preflight::custom::BYTE_WORK;
    let call = mail_preflight::custom::RUN_CALL_WORK;
    let evaluate = |lines: usize, work: u64| {
        let raw = message_with_body(&("a".repeat(70) + "\r\n").repeat(lines));
        mail_preflight::custom::run::evaluate_within(linter.custom_rules(), &analyse(&raw), &Default::default(), work)
    };
    let (short, long) = (evaluate(1_000, u64::MAX).work, evaluate(2_000, u64::MAX).work);
    assert_eq!(long - short, 1_000 * 72 * per_byte, "each byte: its threads and a step");
    let bytes = (short - call) / per_byte;
    assert_eq!(evaluate(1_000, short).unfinished, Vec::<usize>::new(), "its work paid: it runs");
    let threads_alone = evaluate(1_000, bytes * threads + call);
    assert_eq!(threads_alone.unfinished, vec![0], "work for its threads and call only: not run");
    assert_eq!(threads_alone.work, 0);
}

#[test]
fn two_hundred_sixty_flat_metas_of_4_999_names_load_as_flat_sums() {
    // 260 metas each adding 4,999 names of 2,000 rules (3.9 MB of text, within
    // `MAX_RULES_TEXT_BYTES` and `MAX_META_TOKENS`): each name read had been a
    // `String` of its own and a copy of it, 208 MB at the peak natively (88.6 MB
    // now: one copy of each name, the sums flat lists of indices).
    let alpha: Vec<char> = ('a'..='z').chain('A'..='Z').collect();
    let alnum: Vec<char> = ('a'..='z').chain('A'..='Z').chain('0'..='9').collect();
    let names: Vec<String> = (0..2_000).map(|i| format!("{}{}", alpha[i % 52], alnum[i / 52])).collect();
    let mut text: String = names.iter().enumerate().map(|(i, n)| format!("body {n} /q{i}z/\n")).collect();
    for m in 0..260 {
        let sum: Vec<&str> = (0..4_999).map(|t| names[(t + m) % names.len()].as_str()).collect();
        text.push_str(&format!("meta M{m} {}\n", sum.join("+")));
    }
    assert!(text.len() <= MAX_RULES_TEXT_BYTES);
    let rules = CustomRules::compile(&[], Some(&text)).unwrap();
    assert_eq!(rules.load.refused.len(), 0);
    use mail_preflight::custom::{compile::Test, meta::Expr};
    let sums: Vec<usize> = rules
        .rules
        .iter()
        .filter_map(|r| match &r.test {
            Test::Meta(Expr::Sum(read)) => Some(read.len()),
            _ => None,
        })
        .collect();
    assert_eq!(sums, vec![4_999; 260]);
    // They are evaluated: a message holding the first rule's text fires every meta.
    let options = Options { spamassassin_rules: Some(text), ..Options::default() };
    let report = Linter::new(&options).unwrap().lint(&message_with_body("q0z")).unwrap();
    assert!(report.has("sa/M0") && report.has("sa/M259"));
}
