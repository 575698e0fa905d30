//! Helpers shared by the integration tests.
#![allow(dead_code)]

use mail_preflight::rules::{Example, ExampleInput};
use mail_preflight::{Compose, Options, PhpMail, Report};
use std::path::PathBuf;

/// Runs a documented example through the public API.
pub fn run_example(example: &Example) -> Report {
    let options = match example.options {
        Some(json) => Options::from_json(json).expect("example options parse"),
        None => Options::default(),
    };
    match example.input {
        ExampleInput::Raw(text) => mail_preflight::lint(text.as_bytes(), &options),
        ExampleInput::Generated(make) => mail_preflight::lint(&make(), &options),
        ExampleInput::Compose(json) => {
            mail_preflight::lint_compose(&Compose::from_json(json).expect("example compose parses"), &options)
        }
        ExampleInput::PhpMail { to, subject, message, headers } => {
            mail_preflight::lint_php_mail(&PhpMail::new(to, subject, message, headers), &options)
        }
    }
    .expect("example lints")
}

/// `../shared/corpus` beside the project, if present.
pub fn corpus_dir() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!("NOTE: ../shared/corpus is absent: corpus tests are skipped (CI always has it).");
        None
    }
}

/// Every message file of the corpus (.eml, .txt, .mbox), sorted, relative paths.
pub fn corpus_messages() -> Vec<(String, Vec<u8>)> {
    let Some(dir) = corpus_dir() else { return Vec::new() };
    let mut out = Vec::new();
    let mut stack = vec![dir.clone()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else { continue };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if let Some(ext) = path.extension().and_then(|e| e.to_str()) {
                let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default();
                let is_message = matches!(ext, "eml" | "mbox") || (ext == "txt" && name.starts_with("msg_"));
                if is_message {
                    let rel = path.strip_prefix(&dir).unwrap().to_string_lossy().replace('\\', "/");
                    out.push((rel, std::fs::read(&path).unwrap()));
                }
            }
        }
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}
