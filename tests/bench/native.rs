//! `make bench` (native part): throughput of the engine over the public corpus
//! and over a generated 9.9 MB message, plus per-area measurements. It prints
//! numbers; nothing here is asserted.

#[path = "../common.rs"]
mod common;

// Per-area measurements, one module per group of rules.
mod attachments;
mod content;
mod headers;
mod queue;
mod text;

use mail_preflight::{lint, Options};
use std::time::{Duration, Instant};

/// Runs `f` repeatedly for at least `min` (and at least once), returns (runs, elapsed).
fn time_for(min: Duration, mut f: impl FnMut()) -> (u32, Duration) {
    let started = Instant::now();
    let mut runs = 0;
    while runs == 0 || started.elapsed() < min {
        f();
        runs += 1;
    }
    (runs, started.elapsed())
}

fn report(label: &str, messages: usize, bytes: usize, elapsed: Duration) {
    let secs = elapsed.as_secs_f64().max(1e-9);
    println!(
        "{label:<44} {:>10.1} msg/s {:>9.2} MB/s {:>10.3} ms/msg",
        messages as f64 / secs,
        bytes as f64 / 1e6 / secs,
        secs * 1e3 / messages.max(1) as f64
    );
}

fn main() {
    let options = Options::default();
    let corpus = common::corpus_messages();
    println!("mail-preflight {} — native benchmark (release build)", mail_preflight::VERSION);
    if !corpus.is_empty() {
        let bytes: usize = corpus.iter().map(|(_, raw)| raw.len()).sum();
        let (runs, elapsed) = time_for(Duration::from_secs(3), || {
            for (_, raw) in &corpus {
                let _ = lint(raw, &options);
            }
        });
        report(
            &format!("corpus ({} messages, {:.1} MB)", corpus.len(), bytes as f64 / 1e6),
            corpus.len() * runs as usize,
            bytes * runs as usize,
            elapsed,
        );
        let mut slowest: Vec<(Duration, &str, usize)> = corpus
            .iter()
            .map(|(name, raw)| {
                let (runs, elapsed) = time_for(Duration::from_millis(20), || {
                    let _ = lint(raw, &options);
                });
                (elapsed / runs, name.as_str(), raw.len())
            })
            .collect();
        slowest.sort_by(|a, b| b.0.cmp(&a.0));
        for (per, name, len) in slowest.iter().take(3) {
            println!("  slowest: {name} ({len} bytes): {:.3} ms", per.as_secs_f64() * 1e3);
        }
    }
    let big = mail_preflight::rules::size::generated_message(9_900_000);
    let (runs, elapsed) = time_for(Duration::from_secs(2), || {
        let _ = lint(&big, &options);
    });
    report("generated 9.9 MB message", runs as usize, big.len() * runs as usize, elapsed);
    per_rule_costs(&corpus);
    println!();
    attachments::run(&corpus);
    println!();
    content::run(&corpus);
    println!();
    headers::run(&corpus);
    println!();
    queue::run(&corpus);
    println!();
    text::run(&corpus);
}

/// Cost of each rule alone on the three largest corpus messages, above the cost
/// of analysing the message with every rule off.
fn per_rule_costs(corpus: &[(String, Vec<u8>)]) {
    use mail_preflight::options::RuleSetting;
    use mail_preflight::rules::REGISTRY;
    let mut largest: Vec<&(String, Vec<u8>)> = corpus.iter().collect();
    largest.sort_by_key(|(_, raw)| std::cmp::Reverse(raw.len()));
    largest.truncate(3);
    if largest.is_empty() {
        return;
    }
    let all_off: Options = Options {
        rules: REGISTRY.iter().map(|r| (r.id.to_string(), RuleSetting::Off)).collect(),
        ..Options::default()
    };
    let per_message = |options: &Options| -> f64 {
        let (runs, elapsed) = time_for(Duration::from_millis(150), || {
            for (_, raw) in &largest {
                let _ = lint(raw, options);
            }
        });
        elapsed.as_secs_f64() * 1e3 / (runs as f64 * largest.len() as f64)
    };
    let base = per_message(&all_off);
    println!();
    println!("per-rule cost on the {} largest corpus messages (analysis alone: {base:.2} ms/msg)", largest.len());
    let mut costs: Vec<(f64, &str)> = REGISTRY
        .iter()
        .map(|rule| {
            let mut options = all_off.clone();
            options.rules.remove(rule.id);
            ((per_message(&options) - base).max(0.0), rule.id)
        })
        .collect();
    costs.sort_by(|a, b| b.0.total_cmp(&a.0));
    for (cost, id) in costs.iter().take(8) {
        println!("  {id:<36} {cost:>8.3} ms/msg");
    }
}
