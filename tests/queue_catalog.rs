//! Every text the queue, the SMTP explainer, the simulation view and the CLI's
//! simulate/explain name exists in the catalogue, in the four languages. The
//! i18n test finds ids written as `Msg::new("…")`; these ids are also chosen in
//! tables (`change_keys`, `state_key`) and built in JavaScript (`t(\`…${x}\`)`).

use mail_preflight::i18n::{self, Locale};
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn files(dir: &Path, ext: &[&str]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if ext.iter().any(|e| path.extension().is_some_and(|x| x == *e)) {
                out.push(path);
            }
        }
    }
    out
}

/// Quoted literals starting with `prefix` (a whole id: letters, digits, `.`, `-`, `_`).
fn literal_ids(text: &str, prefix: &str) -> Vec<String> {
    let mut ids = Vec::new();
    for quote in ['"', '\''] {
        let needle = format!("{quote}{prefix}");
        let mut rest = text;
        while let Some(pos) = rest.find(&needle) {
            let tail = &rest[pos + 1..];
            let end = tail.find(|c: char| !(c.is_ascii_alphanumeric() || ".-_".contains(c))).unwrap_or(tail.len());
            if tail[end..].starts_with(quote) && !tail[..end].ends_with('.') {
                ids.push(tail[..end].to_string());
            }
            rest = &rest[pos + 1..];
        }
    }
    ids
}

fn missing(ids: impl IntoIterator<Item = String>) -> Vec<String> {
    let mut out: Vec<String> = ids
        .into_iter()
        .filter(|id| match i18n::entry(id) {
            None => true,
            Some(e) => Locale::ALL.iter().any(|l| e.text(*l).trim().is_empty()),
        })
        .collect();
    out.sort();
    out.dedup();
    out
}

#[test]
fn every_queue_and_smtp_id_named_in_the_engine_exists() {
    let mut ids = Vec::new();
    for dir in ["src/queue", "src/smtp"] {
        for file in files(&root().join(dir), &["rs"]) {
            let text = std::fs::read_to_string(&file).unwrap_or_default();
            ids.extend(literal_ids(&text, "queue."));
            ids.extend(literal_ids(&text, "smtp."));
        }
    }
    assert!(ids.len() > 50, "the scan finds the ids ({})", ids.len());
    let missing = missing(ids);
    assert!(missing.is_empty(), "{missing:?}");
}

#[test]
fn every_text_the_simulation_view_and_the_cli_name_exists() {
    let mut ids = Vec::new();
    let mut sources = files(&root().join("www/views/simulate"), &["mjs"]);
    sources.push(root().join("pkg-config/src/lib/simulate-command.cjs"));
    for file in &sources {
        let text = std::fs::read_to_string(file).unwrap_or_default();
        ids.extend(literal_ids(&text, "queue."));
        ids.extend(literal_ids(&text, "ui."));
    }
    // The ids the view builds from the engine's values (`t(\`queue.view.kind.${kind}\`)`).
    let families: &[(&str, &[&str])] = &[
        ("queue.state.", &["active", "force", "disabled", "bounce", "spam", "purging"]),
        ("queue.action.", &["block", "unblock", "purge", "change-recipient"]),
        (
            "queue.outcome.",
            &[
                "delivered",
                "bounced",
                "heldThenDelivered",
                "heldThenBounced",
                "expired",
                "purged",
                "refused",
                "pending",
            ],
        ),
        ("queue.view.kind.", &["clean", "spam", "refused", "returned"]),
        ("queue.view.transport.", &["mail", "smtp"]),
        ("queue.view.verdict.", &["pass", "warn", "fail"]),
        ("queue.view.source.", &["guide", "ours", "scenario"]),
        ("queue.view.origin.", &["example", "yours"]),
        ("queue.view.span.", &["changes", "day", "all"]),
        ("queue.view.streams.", &["name", "transport", "kind", "mails", "outcomes", "lint"]),
        ("queue.view.assumptions.", &["field", "value", "source", "note"]),
        ("queue.view.error-log.", &["date", "to", "message"]),
        ("queue.view.mails.column.", &["id", "stream", "created", "outcome", "settled", "reply"]),
        (
            "queue.view.counter.",
            &[
                "mails",
                "sent",
                "errors",
                "held",
                "expired",
                "purged",
                "refused",
                "pending",
                "maxQueue",
                "smtpAccepted",
                "smtpRefused",
                "smtpBounced",
                "redSeconds",
            ],
        ),
        (
            "queue.view.compare.row.",
            &[
                "state",
                "redSeconds",
                "mails",
                "delivered",
                "returned",
                "lost",
                "pending",
                "held",
                "maxQueue",
                "longestHoldSeconds",
                "abuseNotices",
                "spamEpisodes",
            ],
        ),
    ];
    for (prefix, names) in families {
        ids.extend(names.iter().map(|n| format!("{prefix}{n}")));
        for state in ["active", "force", "disabled", "bounce", "spam", "purging"] {
            ids.push(format!("queue.state.{state}.about"));
        }
    }
    for preset in mail_preflight::queue::presets() {
        ids.push(format!("queue.view.preset.{}", preset.id));
        ids.push(format!("queue.view.preset.{}.about", preset.id));
    }
    assert!(ids.len() > 100, "the scan finds the ids ({})", ids.len());
    let missing = missing(ids);
    assert!(missing.is_empty(), "{missing:?}");
}
