//! `spamassassinRules`: a SpamAssassin `.cf` text run as `sa/NAME` rules,
//! with SpamAssassin's semantics where the engine can have them.

use mail_preflight::custom::CustomRules;
use mail_preflight::{Linter, Locale, Options, Report, Severity};

const SPAM: &str = "From: \"Prize\" <win@lottery.example>\r\nTo: you@example.com\r\nSubject: You WON a prize\r\nMIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\nClaim your prize now.\r\nClick here: http://claim.example/now\r\n";

fn lint_with(rules: &str, locale: &str) -> Report {
    let options = Options {
        spamassassin_rules: Some(rules.to_string()),
        locale: Locale::parse(locale).unwrap(),
        ..Options::default()
    };
    Linter::new(&options).expect("the rules load").lint(SPAM.as_bytes()).expect("lints")
}

fn lint(rules: &str) -> Report {
    lint_with(rules, "en")
}

fn refusals(rules: &str) -> Vec<(usize, String)> {
    let load = CustomRules::compile(&[], Some(rules)).expect("compiles").load;
    load.refused.iter().map(|p| (p.line.unwrap_or(0), p.kind.key())).collect()
}

#[test]
fn rules_report_as_sa_name_with_their_description_and_score() {
    let report = lint("body PRIZE /\\bclaim your prize\\b/i\ndescribe PRIZE Talks about a prize\nscore PRIZE 2.5\n");
    let finding = report.findings_of("sa/PRIZE").next().expect("hit");
    assert_eq!(
        (finding.severity, finding.score, finding.message.as_str()),
        (Severity::Warning, 2.5, "Talks about a prize")
    );
    assert_eq!(finding.evidence, "Claim your prize");
}

#[test]
fn descriptions_in_other_languages_come_from_lang_lines() {
    let rules = "body PRIZE /prize/\ndescribe PRIZE Talks about a prize\nlang fr describe PRIZE Parle d'un prix\n";
    assert_eq!(lint_with(rules, "fr").findings_of("sa/PRIZE").next().unwrap().message, "Parle d'un prix");
    assert_eq!(lint_with(rules, "pl").findings_of("sa/PRIZE").next().unwrap().message, "Talks about a prize");
}

#[test]
fn the_first_of_four_scores_is_used_as_spamassassin_does_without_bayes_and_network() {
    let report = lint("body PRIZE /prize/\nscore PRIZE 1.25 0 3 0\n");
    assert_eq!(report.findings_of("sa/PRIZE").next().unwrap().score, 1.25);
}

#[test]
fn score_lines_take_one_or_four_numbers_and_relative_scores_add_to_the_one_before() {
    // SpamAssassin 4.0 (`Mail::SpamAssassin::Conf`, `score`): "requires a symbolic rule name
    // and 1 or 4 scores", each numeric; `(n)` adds to the rule's score set before, and is
    // refused without one. A refused line leaves the rule its default score (1).
    let rules = "body PRIZE /prize/\nscore PRIZE 2.5 1\nscore PRIZE 2 1 1\nscore PRIZE 1 x 1 1\nbody CLAIM /claim/i\nscore CLAIM 2\nscore CLAIM (0.5)\nbody NOW /now/\nscore NOW (1.5)\n";
    let load = CustomRules::compile(&[], Some(rules)).expect("compiles").load;
    let lines: Vec<(usize, String)> =
        load.unreadable_lines.iter().map(|p| (p.line.unwrap_or(0), p.kind.key())).collect();
    assert_eq!(lines, vec![(2, "malformed".into()), (3, "malformed".into()), (4, "malformed".into()), (9, "malformed".into())]);
    let report = lint(rules);
    let score = |name: &str| report.findings_of(name).next().map(|f| f.score);
    assert_eq!((score("sa/PRIZE"), score("sa/CLAIM"), score("sa/NOW")), (Some(1.0), Some(2.5), Some(1.0)));
}

#[test]
fn score_values_are_the_numbers_spamassassin_reads() {
    // SpamAssassin 4.0.1 `Mail::SpamAssassin::Conf`, `score`: each value
    // `/^-?\d+(?:\.\d+)?$/`, or that in parentheses; one value in parentheses
    // makes the whole line relative. A refused line leaves the score before (2).
    let score_after = |value: &str| {
        let rules = format!("body PRIZE /prize/\nscore PRIZE 2\nscore PRIZE {value}\n");
        let load = CustomRules::compile(&[], Some(&rules)).expect("compiles").load;
        let refused = load.unreadable_lines.iter().any(|p| p.line == Some(3));
        (refused, lint(&rules).findings_of("sa/PRIZE").next().map(|f| f.score))
    };
    for (value, score) in [("3", 3.0), ("-2", -2.0), ("0.5", 0.5), ("-0.25", -0.25), ("007.50", 7.5), ("(1)", 3.0), ("(-0.5)", 1.5), ("1 (1) 1 1", 3.0), ("(1) 5 5 5", 3.0)] {
        assert_eq!(score_after(value), (false, Some(score)), "{value}");
    }
    for value in ["+1", "1e2", "1E2", ".5", "5.", "-.5", "inf", "NaN", "infinity", "(+1)", "1_0", "0x10", "--1", "(1", "1)", "\u{0663}", "1 2 3 +4"] {
        assert_eq!(score_after(value), (true, Some(2.0)), "{value}");
    }
}

#[test]
fn header_rules_match_and_negate_and_test_existence() {
    let rules = "header SUBJ_WON Subject =~ /\\bWON\\b/\nheader NO_DATE Date !~ /./\nheader HAS_TO exists:To\nheader FROM_LOTTERY From:addr =~ /\\@lottery\\.example$/\nheader NO_LIST List-Id =~ /^none$/ [if-unset: none]\n";
    let report = lint(rules);
    for name in ["SUBJ_WON", "NO_DATE", "HAS_TO", "FROM_LOTTERY", "NO_LIST"] {
        assert!(report.has(&format!("sa/{name}")), "{name} should hit");
    }
}

#[test]
fn body_rules_see_the_subject_then_one_paragraph_a_line() {
    let rules = "body SUBJECT_LINE /^You WON a prize$/\nbody JOINED /prize now\\. Click here/\nbody NOSUBJ /^You WON/\ntflags NOSUBJ nosubject\n";
    let report = lint(rules);
    assert!(report.has("sa/SUBJECT_LINE") && report.has("sa/JOINED"));
    assert!(!report.has("sa/NOSUBJ"), "tflags nosubject leaves the subject out");
}

#[test]
fn uri_rawbody_and_full_rules_read_their_targets() {
    let report = lint("uri CLAIM_URI /^http:\\/\\/claim\\.example\\//\nrawbody RAW_CLICK /Click here:/\nfull FULL_CT /^Content-Type: text\\/plain/m\n");
    assert!(report.has("sa/CLAIM_URI") && report.has("sa/RAW_CLICK") && report.has("sa/FULL_CT"));
}

#[test]
fn sub_rules_are_not_reported_but_metas_read_them() {
    let rules = "body __PRIZE /prize/\nbody __CLICK /click here/i\nmeta PRIZE_CLICK __PRIZE && __CLICK\nmeta COUNT (__PRIZE + __CLICK + __NOTHING) >= 2\nbody __NOTHING /zzz/\n";
    let report = lint(rules);
    assert!(!report.has("sa/__PRIZE"));
    assert!(report.has("sa/PRIZE_CLICK") && report.has("sa/COUNT"));
}

#[test]
fn a_rule_scored_zero_does_not_run_and_metas_see_it_as_not_hit() {
    let report = lint("body ZERO /prize/\nscore ZERO 0\nmeta READS_ZERO ZERO\n");
    assert!(!report.has("sa/ZERO") && !report.has("sa/READS_ZERO"));
}

#[test]
fn tflags_multiple_counts_each_hit_up_to_maxhits() {
    let report = lint("rawbody CLAIM /c[a-z]+/i\ntflags CLAIM multiple maxhits=2\nscore CLAIM 1\n");
    assert_eq!(report.findings_of("sa/CLAIM").next().unwrap().score, 2.0);
}

#[test]
fn a_negative_score_is_information_that_lowers_the_spam_score() {
    let report = lint("body NICE /prize/\ntflags NICE nice\nbody BAD /claim/i\nscore BAD 3\n");
    let nice = report.findings_of("sa/NICE").next().unwrap();
    assert_eq!((nice.severity, nice.score), (Severity::Info, -1.0));
    let of = |prefix: &str| -> f64 {
        report.findings.iter().filter(|f| f.rule_id.starts_with(prefix)).map(|f| f.score).sum()
    };
    assert_eq!(of("sa/"), 2.0);
    let all: f64 = report.findings.iter().map(|f| f.score).sum();
    assert_eq!(report.spam_score, (all * 10.0).round() / 10.0, "the negative points count in the spam score");
}

#[test]
fn perl_features_the_engine_lacks_are_refused_by_line_and_the_other_rules_load() {
    let rules = "body OK1 /prize/\nbody LOOK /prize(?! now)/\nbody BACK /(a)\\1/\nbody POSS /a++/\nbody OK2 /claim/i\nheader EV eval:check_for_forged_received_trail()\n";
    assert_eq!(
        refusals(rules),
        vec![
            (2, "perl.look-around".into()),
            (3, "perl.back-reference".into()),
            (4, "perl.possessive-quantifier".into()),
            (6, "eval".into())
        ]
    );
    let report = lint(rules);
    assert!(report.has("sa/OK1") && report.has("sa/OK2"));
}

#[test]
fn metas_on_refused_or_unknown_rules_or_on_a_cycle_are_refused() {
    let rules = "body LOOK /x(?=y)/\nmeta ON_REFUSED LOOK && 1\nmeta ON_UNKNOWN NOT_DEFINED || 1\nmeta SELF SELF\nmeta A_ B_\nmeta B_ C_\nmeta C_ A_\nmeta READS_CYCLE A_ + 1\nbody FINE /prize/\nmeta OK FINE\n";
    let refused = refusals(rules);
    let reason = |line: usize| refused.iter().find(|(l, _)| *l == line).map(|(_, r)| r.as_str());
    assert_eq!(reason(2), Some("meta-refused"));
    assert_eq!(reason(3), Some("meta-unknown"));
    assert_eq!(reason(4), Some("meta-cycle"));
    assert!(reason(5).is_some() && reason(6).is_some() && reason(7).is_some(), "{refused:?}");
    assert!(reason(8).is_some(), "a meta reading a cycle is refused: {refused:?}");
    assert!(lint(rules).has("sa/OK"));
}

#[test]
fn if_and_ifplugin_blocks_follow_spamassassin_4() {
    let rules = "ifplugin Mail::SpamAssassin::Plugin::FreeMail\nbody LOADED_PLUGIN /prize/\nendif\nifplugin Mail::SpamAssassin::Plugin::NotLoaded\nbody MISSING_PLUGIN /prize/\nelse\nbody ELSE_BRANCH /prize/\nendif\nif (version >= 4.000000)\nbody NEW_ENOUGH /prize/\nendif\nif (version >= 5.000000)\nbody TOO_NEW /prize/\nendif\n";
    let report = lint(rules);
    assert!(report.has("sa/LOADED_PLUGIN") && report.has("sa/ELSE_BRANCH") && report.has("sa/NEW_ENOUGH"));
    assert!(!report.has("sa/MISSING_PLUGIN") && !report.has("sa/TOO_NEW"));
}

#[test]
fn replace_tags_are_put_in_the_rules_that_ask_for_them() {
    let rules = "replace_tag P (?:p|\\xc3\\xbe)\nbody FUZZY /<P>rize/i\nreplace_rules FUZZY\n";
    assert!(lint(rules).has("sa/FUZZY"));
}

#[test]
fn a_problem_in_a_pattern_with_replace_tags_is_said_at_its_column_as_written() {
    // The expanded pattern is 42 bytes longer than the written one: its columns
    // had pointed past the end of the line.
    let tag = "a".repeat(40);
    let rules = format!("replace_tag LONG (?:{tag})\nreplace_rules TAGGED_PAREN TAGGED_LOOK\nbody TAGGED_PAREN /<LONG>x(y/\nbody TAGGED_LOOK  /<LONG>(?<=x)y/\nbody PLAIN_LOOK   /<LONG>(?<=x)y/\nbody TAGGED_ERR   /x(y<LONG>/\nreplace_rules TAGGED_ERR\n");
    let load = CustomRules::compile(&[], Some(&rules)).expect("compiles").load;
    let places: Vec<(usize, String, Option<usize>)> =
        load.refused.iter().map(|p| (p.line.unwrap_or(0), p.kind.key(), p.column)).collect();
    assert_eq!(
        places,
        vec![
            (3, "pattern-syntax".into(), Some(27)),
            (4, "perl.look-around".into(), Some(26)),
            (5, "perl.look-around".into(), Some(26)),
            (6, "pattern-syntax".into(), Some(21)),
        ]
    );
}

#[test]
fn the_readme_names_each_header_modifier_and_perl_feature_refused() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).expect("README.md");
    let section = &readme[readme.find("Refused, each with its line").expect("the list of what is refused")..];
    let section = &section[..section.find("\n\n").unwrap_or(section.len())];
    let rules = "header H From:addr:host =~ /x/\nheader D From:addr:domain =~ /x/\nheader I Received:ip =~ /x/\nheader R Received:revip =~ /x/\nbody P /caf\\p{L}/\nbody B /(?|(a)|(b))/\nbody V /a(*FAIL)|b/\n";
    let named: Vec<(String, &str)> = refusals(rules)
        .into_iter()
        .map(|(_, reason)| {
            let written = match reason.as_str() {
                "header-modifier.host" => "`:host`",
                "header-modifier.domain" => "`:domain`",
                "header-modifier.ip" => "`:ip`",
                "header-modifier.revip" => "`:revip`",
                "perl.unicode-property" => "`\\p{…}`",
                "perl.branch-reset" => "`(?|…)`",
                "perl.backtracking-verb" => "`(*FAIL)`",
                other => panic!("a refusal this test does not know: {other}"),
            };
            (reason, written)
        })
        .collect();
    assert_eq!(named.len(), 7, "{named:?}");
    for (reason, written) in named {
        assert!(section.contains(written), "{reason}: {written} is not in the README's list of what is refused");
    }
}

#[test]
fn the_rules_option_turns_a_spamassassin_rule_off() {
    let options =
        Options::from_json(r#"{"spamassassinRules": "body PRIZE /prize/\n", "rules": {"sa/PRIZE": "off"}}"#).unwrap();
    let report = Linter::new(&options).unwrap().lint(SPAM.as_bytes()).unwrap();
    assert!(!report.has("sa/PRIZE"));
}

#[test]
fn score_lines_out_of_the_custom_rules_range_are_refused_by_line_and_the_total_stays_finite() {
    // `score A 1e308` on two rules summed to infinity (JSON null, verdict fail,
    // the report could not be rendered again); -1e308 to -infinity (pass).
    // SpamAssassin writes no exponent: 10^308 is a 1 and 308 zeros.
    let (e308, e999) = (format!("1{}", "0".repeat(308)), format!("1{}", "0".repeat(999)));
    let rules = &format!("body A /prize/\nscore A {e308}\nbody B /claim/i\nscore B -{e308}\nscore C {e999}\nscore D 1000\n");
    let load = CustomRules::compile(&[], Some(rules)).expect("compiles").load;
    let lines: Vec<(usize, String)> =
        load.unreadable_lines.iter().map(|p| (p.line.unwrap_or(0), p.kind.key())).collect();
    assert_eq!(lines, vec![(2, "score-range".into()), (4, "score-range".into()), (5, "score-range".into())]);
    let problem = &load.unreadable_lines[0];
    assert_eq!(problem.column, Some(9), "the column points at the value");
    for (locale, text) in [
        (Locale::En, "Line 2: A: the score must be a number from -1"),
        (Locale::Fr, "le score doit être un nombre de -1"),
        (Locale::Es, "la puntuación debe ser un número de -1"),
        (Locale::Pl, "wynik musi być liczbą od -1"),
    ] {
        let message = problem.message(locale);
        assert!(message.contains(text), "{locale:?}: {message}");
    }
    for rules in [format!("body A /prize/\nscore A {e308}\nbody B /claim/i\nscore B {e308}\n"), format!("body A /prize/\nscore A -{e308}\n")] {
        let report = lint(&rules);
        assert!(report.spam_score.is_finite(), "{}", report.spam_score);
        assert!(report.findings.iter().all(|f| f.score.abs() <= 1000.0));
    }
}

#[test]
fn the_spam_score_of_any_findings_is_finite() {
    let mut report = lint("body A /prize/\n");
    let mut finding = report.findings_of("sa/A").next().unwrap().clone();
    finding.score = f64::MAX;
    report.findings = vec![finding.clone(), finding.clone(), finding.clone()];
    assert_eq!(Report::spam_score_of(&report.findings), 3000.0, "each finding counts at most MAX_RULE_SCORE");
    finding.score = f64::NAN;
    assert_eq!(Report::spam_score_of(&[finding.clone()]), 0.0);
    finding.score = f64::NEG_INFINITY;
    assert_eq!(Report::spam_score_of(&[finding]), -1000.0);
}

#[test]
fn rules_and_scores_may_name_a_refused_rule_to_no_effect() {
    let rules = "header T_EV eval:check_foo()\nbody T_A /prize/\n";
    let json = serde_json::json!({
        "spamassassinRules": rules, "rules": { "sa/T_EV": "off" }, "scores": { "sa/T_EV": 2 }
    });
    let options = Options::from_json(&json.to_string()).expect("options parse");
    let report = Linter::new(&options).expect("a refused rule is defined, not unknown").lint(SPAM.as_bytes()).unwrap();
    assert!(report.has("sa/T_A") && !report.has("sa/T_EV"));
    let unknown = serde_json::json!({ "spamassassinRules": rules, "rules": { "sa/T_NOPE": "off" } });
    assert!(Linter::new(&Options::from_json(&unknown.to_string()).unwrap()).is_err(), "a name in no line stays unknown");
}

const SEVERAL_FIELDS: &str = "From: \"Alice\" <a@b.example>\nTo: c@d.example\nCc: e@f.example\nSubject: =?utf-8?q?test?= here\nX-Multi: one\nX-Multi: two\nX-Fold: alpha\n  beta\n\nbody\n";

/// The field a finding's location covers, by the line it starts on.
fn located_field(rules: &str, id: &str) -> (Option<String>, String) {
    let options = Options { spamassassin_rules: Some(rules.to_string()), ..Options::default() };
    let report = Linter::new(&options).unwrap().lint(SEVERAL_FIELDS.as_bytes()).unwrap();
    let finding = report.findings_of(id).next().unwrap_or_else(|| panic!("{id} should hit"));
    let start = finding.location.start.expect("a location");
    let line = SEVERAL_FIELDS[start..].split('\n').next().unwrap().to_string();
    (finding.location.header.clone(), line)
}

#[test]
fn a_match_in_a_value_of_several_fields_points_at_the_field_it_is_in() {
    let (header, line) = located_field("header L_HDR X-Multi =~ /two/\n", "sa/L_HDR");
    assert_eq!((header.as_deref(), line.as_str()), (Some("X-Multi"), "two"));
    let (header, line) = located_field("header L_ALL ALL =~ /X-Fold: alpha beta/\n", "sa/L_ALL");
    assert_eq!((header.as_deref(), line.as_str()), (Some("X-Fold"), "X-Fold: alpha"));
    let (header, line) = located_field("header L_TOCC ToCc =~ /e\\@f/\n", "sa/L_TOCC");
    assert_eq!((header.as_deref(), line.as_str()), (Some("Cc"), "e@f.example"));
}

#[test]
fn a_body_hit_in_the_subject_and_an_exists_rule_point_at_their_field() {
    let (header, line) = located_field("body L_SUBJ /^test/\n", "sa/L_SUBJ");
    // The decoded subject's "test" is found in the encoded word.
    assert_eq!((header.as_deref(), line.as_str()), (Some("Subject"), "test?= here"));
    let (header, line) = located_field("header L_EX exists:X-Multi\n", "sa/L_EX");
    assert_eq!((header.as_deref(), line.as_str()), (Some("X-Multi"), "X-Multi: one"));
}

#[test]
fn header_values_end_with_a_line_break_and_dollar_is_perls() {
    // SPAM's subject is "You WON a prize": SpamAssassin matches "You WON a prize\n".
    let rules = "header NL Subject =~ /prize\\n/\nheader Z Subject =~ /prize\\z/\nheader DOLLAR Subject =~ /prize$/\nheader ADDR From:addr =~ /example$/\n";
    let report = lint(rules);
    let hits: Vec<bool> = ["NL", "Z", "DOLLAR", "ADDR"].iter().map(|n| report.has(&format!("sa/{n}"))).collect();
    assert_eq!(hits, vec![true, false, true, true]);
    assert_eq!(report.findings_of("sa/DOLLAR").next().unwrap().evidence, "prize", "the line break is no evidence");
    // `$` without /m is the end, or before the final line break: not the end of the first of two fields.
    let (header, _) = located_field("header ONE X-Multi =~ /one$/m\n", "sa/ONE");
    assert_eq!(header.as_deref(), Some("X-Multi"));
    let options = Options { spamassassin_rules: Some("header ONE X-Multi =~ /one$/\n".into()), ..Options::default() };
    assert!(!Linter::new(&options).unwrap().lint(SEVERAL_FIELDS.as_bytes()).unwrap().has("sa/ONE"));
}
