//! The README's rule table is generated from the registry: it fails here when
//! the two differ. `UPDATE_README=1 cargo test --test readme` rewrites the
//! marked section.

use mail_preflight::pipeline::docs::rules_table_markdown;
use mail_preflight::rules::REGISTRY;

const START: &str = "<!-- rules table: generated from the registry (UPDATE_README=1 cargo test --test readme) -->\n";
const END: &str = "<!-- end of the rules table -->\n";

fn readme_path() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")
}

#[test]
fn the_readme_rule_table_is_the_one_the_registry_generates() {
    let readme = std::fs::read_to_string(readme_path()).unwrap();
    let start = readme.find(START).expect("README.md has the start marker of the rules table") + START.len();
    let end = start + readme[start..].find(END).expect("README.md has the end marker of the rules table");
    let generated = rules_table_markdown();
    if std::env::var_os("UPDATE_README").is_some() {
        std::fs::write(readme_path(), format!("{}{generated}{}", &readme[..start], &readme[end..])).unwrap();
        return;
    }
    assert_eq!(
        &readme[start..end],
        generated,
        "README.md's rules table is stale: UPDATE_README=1 cargo test --test readme"
    );
}

#[test]
fn the_generated_table_names_every_rule_once() {
    let table = rules_table_markdown();
    for rule in REGISTRY {
        assert_eq!(table.matches(&format!("| `{}` |", rule.id)).count(), 1, "{}", rule.id);
    }
}
