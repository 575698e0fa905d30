//! SpamAssassin's own rule files (Debian's `spamassassin` package,
//! `/usr/share/spamassassin/*.cf`, Apache-2.0) loaded as `spamassassinRules`:
//! how many rules load, how many are refused and why. Run with `--nocapture`
//! to see the counts. Without the package the test says so and passes.

use mail_preflight::custom::spamassassin::read_rules_dir;
use mail_preflight::custom::{CustomRules, LoadReport};
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
