//! Cost of the header and MIME conformance checks per message: each corpus
//! message is linted with only the `headers/*` rules on, and with every rule
//! off (the shared analysis alone); the difference is what the header checks
//! add. Prints numbers; asserts nothing.

use mail_preflight::options::RuleSetting;
use mail_preflight::rules::{Group, REGISTRY};
use mail_preflight::{lint, Options};
use std::time::{Duration, Instant};

/// Passes over the corpus per measurement (the fastest pass counts).
const PASSES: usize = 5;

fn options(headers_on: bool) -> Options {
    let mut options = Options::default();
    for rule in REGISTRY {
        let on = headers_on && rule.group == Group::Headers;
        if !on {
            options.rules.insert(rule.id.to_string(), RuleSetting::Off);
        }
    }
    options
}

fn fastest_per_message(corpus: &[(String, Vec<u8>)], options: &Options) -> Vec<Duration> {
    let mut best = vec![Duration::MAX; corpus.len()];
    for _ in 0..PASSES {
        for (i, (_, raw)) in corpus.iter().enumerate() {
            let start = Instant::now();
            let report = lint(raw, options);
            let elapsed = start.elapsed();
            std::hint::black_box(report.ok());
            best[i] = best[i].min(elapsed);
        }
    }
    best
}

pub fn run(corpus: &[(String, Vec<u8>)]) {
    if corpus.is_empty() {
        println!("headers: no corpus, nothing measured");
        return;
    }
    let analysis = fastest_per_message(corpus, &options(false));
    let with_headers = fastest_per_message(corpus, &options(true));
    let costs: Vec<(Duration, &str, usize)> = analysis
        .iter()
        .zip(&with_headers)
        .zip(corpus)
        .map(|((a, h), (name, raw))| (h.saturating_sub(*a), name.as_str(), raw.len()))
        .collect();
    let total: Duration = costs.iter().map(|c| c.0).sum();
    let bytes: usize = corpus.iter().map(|(_, raw)| raw.len()).sum();
    let mut sorted: Vec<Duration> = costs.iter().map(|c| c.0).collect();
    sorted.sort();
    let median = sorted[sorted.len() / 2];
    let p95 = sorted[(sorted.len() * 95 / 100).min(sorted.len() - 1)];
    let rules = REGISTRY.iter().filter(|r| r.group == Group::Headers).count();
    println!("headers: {rules} rules over {} messages ({:.1} MB)", corpus.len(), bytes as f64 / 1e6);
    println!(
        "headers: header checks per message: mean {:.1} µs, median {:.1} µs, p95 {:.1} µs (analysis alone: mean {:.1} µs)",
        total.as_secs_f64() * 1e6 / corpus.len() as f64,
        median.as_secs_f64() * 1e6,
        p95.as_secs_f64() * 1e6,
        analysis.iter().sum::<Duration>().as_secs_f64() * 1e6 / corpus.len() as f64,
    );
    if let Some((cost, name, size)) = costs.iter().max_by_key(|c| c.0) {
        println!("headers: slowest message {name} ({size} bytes): {:.1} µs", cost.as_secs_f64() * 1e6);
    }
    println!("headers: throughput of the header checks {:.1} MB/s", bytes as f64 / 1e6 / total.as_secs_f64().max(1e-9));
}
