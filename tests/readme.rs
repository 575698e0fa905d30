//! The README's rule table is generated from the registry: it fails here when
//! the two differ. `UPDATE_README=1 cargo test --test readme` rewrites the
//! marked section.

use mail_preflight::pipeline::docs::{rules_table_markdown, thresholds_table_markdown};
use mail_preflight::pipeline::resolve::all_thresholds;
use mail_preflight::rules::REGISTRY;

const START: &str = "<!-- rules table: generated from the registry (UPDATE_README=1 cargo test --test readme) -->\n";
const END: &str = "<!-- end of the rules table -->\n";

/// Held while a test reads or rewrites README.md: the tests run in parallel, and
/// with UPDATE_README=1 two of them rewrite it.
static README: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn readme_path() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")
}

/// The README's section between `start` and `end` must be `generated`; with
/// UPDATE_README=1 it is rewritten instead. `what` names it in the messages.
fn readme_section_is(start: &str, end: &str, generated: &str, what: &str) {
    let _readme = README.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let readme = std::fs::read_to_string(readme_path()).unwrap();
    let from = readme.find(start).unwrap_or_else(|| panic!("README.md has the start marker of the {what}")) + start.len();
    let to = from + readme[from..].find(end).unwrap_or_else(|| panic!("README.md has the end marker of the {what}"));
    if std::env::var_os("UPDATE_README").is_some() {
        std::fs::write(readme_path(), format!("{}{generated}{}", &readme[..from], &readme[to..])).unwrap();
        return;
    }
    assert_eq!(&readme[from..to], generated, "README.md's {what} is stale: UPDATE_README=1 cargo test --test readme");
}

#[test]
fn the_readme_rule_table_is_the_one_the_registry_generates() {
    readme_section_is(START, END, &rules_table_markdown(), "rules table");
}

#[test]
fn the_generated_table_names_every_rule_once() {
    let table = rules_table_markdown();
    for rule in REGISTRY {
        assert_eq!(table.matches(&format!("| `{}` |", rule.id)).count(), 1, "{}", rule.id);
    }
}

const THRESHOLDS_START: &str =
    "<!-- thresholds table: generated from the registry (UPDATE_README=1 cargo test --test readme) -->\n";
const THRESHOLDS_END: &str = "<!-- end of the thresholds table -->\n";

#[test]
fn the_readme_thresholds_table_is_the_one_the_registry_generates() {
    readme_section_is(THRESHOLDS_START, THRESHOLDS_END, &thresholds_table_markdown(), "thresholds table");
}

#[test]
fn the_thresholds_table_names_every_threshold_once_and_the_options_section_every_group() {
    let table = thresholds_table_markdown();
    let _readme = README.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let readme = std::fs::read_to_string(readme_path()).unwrap();
    let options = &readme[readme.find("\n## Options\n").expect("README.md has an Options section")..];
    let options = &options[..options[1..].find("\n## ").map_or(options.len(), |end| end + 1)];
    for threshold in all_thresholds() {
        assert_eq!(table.matches(&format!("| `{}` |", threshold.key)).count(), 1, "{}", threshold.key);
        assert!(options.contains(&format!("`{}`", threshold.group())), "the Options section names the group {}", threshold.group());
    }
}
