//! The README's rules table names every rule of the registry.

use mail_preflight::rules::REGISTRY;

#[test]
fn the_readme_lists_every_rule() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let missing: Vec<_> = REGISTRY.iter().map(|r| r.id).filter(|id| !readme.contains(&format!("`{id}`"))).collect();
    assert!(missing.is_empty(), "README.md does not mention {missing:?}");
}
