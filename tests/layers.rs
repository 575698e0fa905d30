//! The layering of `src/` (#12, README "How the code is laid out"): each
//! top-level module imports only modules of a lower layer. Read from the
//! sources (every `crate::module` path outside `#[cfg(test)]`), so a new import
//! that goes up, or a module this table does not place, fails here.

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

/// Each top-level module and its layer, lowest first. A module may import
/// only modules of a strictly lower layer.
const LAYERS: &[(&str, u32)] = &[
    // The hasher of the tables whose keys a message cannot choose: nothing of the crate.
    ("hash", 0),
    // The foundation: texts, text made visible, the report's shape, the caller's
    // options as JSON data. hygiene imports nothing of the crate; errors quote with it.
    // base64 neither: the one decoder of inspect, grammar and model.
    ("i18n", 1),
    ("hygiene", 1),
    ("base64", 1),
    ("report", 2),
    ("error", 2),
    ("grammar", 2),
    ("inspect", 2),
    ("text", 2),
    ("dkim", 2),
    ("options", 3),
    ("settings", 4),
    // The analysed message.
    ("model", 5),
    // Compose fields and PHP mail() rendered to MIME (the bytes a mailer sends).
    ("input", 6),
    // The engine's rules, then the caller's own rules.
    ("rules", 7),
    ("custom", 8),
    // Options → settings, input → report; mechanical fixes; the SMTP explainer.
    ("pipeline", 9),
    ("fixes", 9),
    ("smtp", 9),
    // The sending-queue simulation (its default classifier lints through the pipeline).
    ("queue", 10),
    // The JavaScript bindings (conversion only).
    ("wasm", 11),
];

fn layer(module: &str) -> Option<u32> {
    LAYERS.iter().find(|(name, _)| *name == module).map(|(_, layer)| *layer)
}

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The top-level modules a source text names through `crate::`.
fn imported(source: &str) -> BTreeSet<String> {
    // Test modules may reach anything.
    let code = source.split("#[cfg(test)]").next().unwrap_or("");
    let mut names = BTreeSet::new();
    let mut add = |name: &str| {
        let name: String = name.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
        if !name.is_empty() {
            names.insert(name);
        }
    };
    for (i, _) in code.match_indices("crate::") {
        let rest = &code[i + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            // `use crate::{a::b, c};`
            let group = &group[..group.find('}').unwrap_or(group.len())];
            for item in group.split(',') {
                add(item.trim());
            }
        } else {
            add(rest);
        }
    }
    names
}

#[test]
fn no_module_imports_one_above_it() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let lib = fs::read_to_string(src.join("lib.rs")).unwrap();
    let modules: BTreeSet<String> = lib
        .lines()
        .filter_map(|l| l.trim().strip_prefix("pub mod ").or_else(|| l.trim().strip_prefix("mod ")))
        .map(|l| l.trim_end_matches(';').to_string())
        .collect();
    for module in &modules {
        assert!(layer(module).is_some(), "src/{module} has no layer in tests/layers.rs: place it");
    }
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut upward = Vec::new();
    for file in &files {
        let relative = file.strip_prefix(&src).unwrap();
        let top = relative.components().next().unwrap().as_os_str().to_string_lossy();
        let top = top.trim_end_matches(".rs");
        let Some(own) = layer(top) else { continue }; // lib.rs: the top
        for name in imported(&fs::read_to_string(file).unwrap()) {
            if name == top || !modules.contains(&name) {
                continue; // its own module, or a macro or re-export at the crate root
            }
            let theirs = layer(&name).unwrap();
            if theirs >= own {
                upward.push(format!("src/{} (layer {own}) imports crate::{name} (layer {theirs})", relative.display()));
            }
        }
    }
    assert!(upward.is_empty(), "imports that go up or sideways:\n{}", upward.join("\n"));
}

#[test]
fn the_reader_finds_crate_paths() {
    let found = imported("use crate::{model::Message, report::{Finding}};\nlet x = crate::rules::run();\n#[cfg(test)]\nuse crate::wasm;");
    assert_eq!(found, ["model", "report", "rules"].iter().map(|s| s.to_string()).collect());
}
