//! SpamAssassin's own rule files (Debian's `spamassassin` package,
//! `/usr/share/spamassassin/*.cf`, Apache-2.0) loaded as `spamassassinRules`:
//! how many rules load, how many are refused and why. Run with `--nocapture`
//! to see the counts. Without the package the test says so and passes.

mod common;

use mail_preflight::custom::spamassassin::read_rules_dir;
use mail_preflight::custom::{CustomRules, LoadReport, MAX_CUSTOM_RULE_WORK};
use mail_preflight::model::Message;
use mail_preflight::report::Origin;
use mail_preflight::{Linter, Options};
use std::path::Path;

const RULES_DIR: &str = "/usr/share/spamassassin";

fn shipped_rules() -> Option<String> {
    let text = read_rules_dir(Path::new(RULES_DIR));
    if text.is_none() {
        eprintln!("NOTE: {RULES_DIR} has no .cf files (apt-get install spamassassin): this test is skipped.");
    }
    text
}

fn load(text: &str) -> LoadReport {
    CustomRules::compile(&[], Some(text)).expect("the shipped rules load").load
}

#[test]
fn the_shipped_rule_files_load_and_every_refusal_has_a_line_and_a_reason() {
    let Some(text) = shipped_rules() else { return };
    let load = load(&text);
    println!(
        "SpamAssassin rules in {RULES_DIR}: {} loaded {:?}, {} with score 0 (not run, as in SpamAssassin)",
        load.loaded_total(),
        load.loaded,
        load.disabled
    );
    println!("refused: {}", load.refused.len());
    for (reason, count) in load.refused_by_reason() {
        println!("  {count:5}  {reason}");
    }
    println!(
        "lines left out by if/ifplugin: {}; unreadable lines: {}",
        load.skipped_lines,
        load.unreadable_lines.len()
    );
    assert!(load.loaded_total() > 0);
    assert!(load.refused.iter().all(|p| p.line.is_some()), "a refusal without its line");
    assert!(load.loaded.contains_key("body") && load.loaded.contains_key("header") && load.loaded.contains_key("meta"));
}

#[test]
fn pattern_refusals_name_a_perl_feature_not_a_translation_error() {
    let Some(text) = shipped_rules() else { return };
    let load = load(&text);
    let syntax: Vec<String> = load
        .refused
        .iter()
        .filter(|p| p.kind.key() == "pattern-syntax")
        .map(|p| format!("line {:?}: {}", p.line, p.message(mail_preflight::Locale::En)))
        .collect();
    assert!(syntax.is_empty(), "patterns SpamAssassin accepts and the translation broke:\n{}", syntax.join("\n"));
}

#[test]
fn the_shipped_rules_compile_into_a_linter_that_lints() {
    let Some(text) = shipped_rules() else { return };
    let options = Options { spamassassin_rules: Some(text), ..Options::default() };
    let linter = Linter::new(&options).expect("options with the shipped rules");
    let message = b"From: a@example.com\r\nTo: b@example.com\r\nSubject: FREE VIAGRA!!! Act now\r\n\r\nClick here to buy cheap viagra now!!!\r\n";
    let report = linter.lint(message).expect("lints");
    assert!(report.findings.iter().any(|f| f.rule_id.starts_with("sa/")), "no SpamAssassin rule hit a spam sample");
}

/// Every `step`-th message of the SpamAssassin corpus (all of them with
/// `MAIL_PREFLIGHT_WORK_ALL=1`), then large messages built here: the work the
/// shipped rules need (`custom::MAX_CUSTOM_RULE_WORK`), printed. The median
/// corpus message is read whole; 20 parts of 500 kB (SpamAssassin's set took
/// 114 s on them in Node before the limit) stop at it.
#[test]
fn the_shipped_rules_stay_within_the_work_limit_on_real_mail() {
    let Some(text) = shipped_rules() else { return };
    let Some(corpus) = common::corpus_dir().map(|c| c.join("spamassassin-public-dev")) else { return };
    let rules = CustomRules::compile(&[], Some(&text)).expect("the shipped rules load");
    let settings = mail_preflight::Settings::default();
    let limits = mail_preflight::rules::attachments::default_limits();
    let analyse = |raw: &[u8]| {
        let message = Message::analyse(raw, Origin::Raw, Vec::new(), &limits);
        let needed = mail_preflight::custom::run::evaluate_within(&rules, &message, &settings, u64::MAX).work;
        (needed, rules.evaluate(&message, &settings).unfinished.len())
    };
    let step = if std::env::var_os("MAIL_PREFLIGHT_WORK_ALL").is_some() { 1 } else { 25 };
    let mut works: Vec<(u64, String)> = Vec::new();
    let mut stopped = 0;
    let mut paths: Vec<std::path::PathBuf> = ["ham-easy-1", "ham-easy-2", "spam-1", "spam-2"]
        .iter()
        .filter_map(|set| std::fs::read_dir(corpus.join(set)).ok())
        .flat_map(|entries| entries.flatten().map(|e| e.path()))
        .filter(|p| p.is_file())
        .collect();
    paths.sort();
    for path in paths.into_iter().step_by(step) {
        let raw = std::fs::read(&path).unwrap();
        let (work, unfinished) = analyse(&raw);
        if unfinished > 0 {
            stopped += 1;
            println!("{}: work {work}, {unfinished} rules stopped at the limit", path.display());
        }
        works.push((work, format!("{} ({} bytes)", path.display(), raw.len())));
    }
    works.sort();
    let (median, max) = (&works[works.len() / 2], works.last().unwrap());
    println!(
        "work of the shipped rules on {} corpus messages: median {} ({}), max {} ({}); limit {}; {stopped} stopped at it",
        works.len(),
        median.0,
        median.1,
        max.0,
        max.1,
        MAX_CUSTOM_RULE_WORK
    );
    // The estimate is an upper bound, 4 to 10 times what SpamAssassin's patterns really
    // keep alive: the heaviest fifth of the corpus stops some rules (README "Your own rules").
    assert!(median.0 < MAX_CUSTOM_RULE_WORK, "the median corpus message is read whole");
    assert!(stopped * 4 <= works.len(), "{stopped} of {} corpus messages stopped at the work limit", works.len());
    let prose = "Dear customer, your order has shipped and will arrive on Monday. Click here to track it.\n";
    for (name, raw) in [
        ("1 MB of text/plain", format!("From: a@b.example\nSubject: x\n\n{}", prose.repeat(11_000))),
        ("1 MB of HTML", format!("From: a@b.example\nSubject: x\nContent-Type: text/html\n\n<p>{}</p>", prose.repeat(11_000))),
        ("20 text parts of 500 kB (10 MB)", {
            let part = format!("--b\nContent-Type: text/plain\n\n{}\n", prose.repeat(5_500));
            format!("From: a@b.example\nSubject: x\nContent-Type: multipart/mixed; boundary=b\n\n{}--b--\n", part.repeat(20))
        }),
    ] {
        let (work, unfinished) = analyse(raw.as_bytes());
        println!("{name}: work {work}, {unfinished} rules stopped at the limit");
        if work > 100 * MAX_CUSTOM_RULE_WORK {
            assert!(unfinished > 0, "{name}");
        }
    }
}

