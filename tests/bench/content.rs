//! Content benchmark (issue 4): the cost of the HTML analysis (`model::html::analyse`:
//! pre-scan, parse, style cascade, runs, links) per corpus message, and the
//! throughput of a whole lint on the two stress messages of the corpus. Prints
//! numbers only; nothing here asserts a time.

use mail_preflight::model::{html, Body, Message};
use mail_preflight::{lint, Options};
use std::time::{Duration, Instant};

/// Runs `work` until it has taken at least `budget` (and at least once); the mean time.
fn mean_time(budget: Duration, mut work: impl FnMut()) -> Duration {
    let started = Instant::now();
    let mut runs = 0u32;
    while runs == 0 || started.elapsed() < budget {
        work();
        runs += 1;
    }
    started.elapsed() / runs
}

fn html_bodies(raw: &[u8]) -> Vec<String> {
    let limits = mail_preflight::rules::attachments::default_limits();
    let message = Message::analyse(raw, Default::default(), Vec::new(), &limits);
    message
        .parts
        .iter()
        .filter(|p| p.is_body)
        .filter_map(|p| match &p.body {
            Body::Html(text) => Some(text.to_string()),
            _ => None,
        })
        .collect()
}

pub fn run(corpus: &[(String, Vec<u8>)]) {
    println!("== content: HTML analysis per corpus message ==");
    let mut costs: Vec<(Duration, usize, &str)> = Vec::new();
    for (name, raw) in corpus {
        for body in html_bodies(raw) {
            let cost = mean_time(Duration::from_millis(20), || {
                std::hint::black_box(html::analyse(&body));
            });
            costs.push((cost, body.len(), name));
        }
    }
    if costs.is_empty() {
        println!("no HTML bodies (corpus absent?)");
    } else {
        costs.sort();
        let total: Duration = costs.iter().map(|c| c.0).sum();
        let bytes: usize = costs.iter().map(|c| c.1).sum();
        let median = costs[costs.len() / 2].0;
        let (max, max_bytes, max_name) = costs[costs.len() - 1];
        println!(
            "{} HTML bodies in {} messages: mean {:?}, median {:?}, max {:?} ({} bytes, {}); {:.1} MB/s overall",
            costs.len(),
            corpus.len(),
            total / costs.len() as u32,
            median,
            max,
            max_bytes,
            max_name,
            bytes as f64 / total.as_secs_f64() / 1e6
        );
    }
    println!("== content: throughput on the stress messages ==");
    for wanted in ["nodemailer-mailparser/large_text.eml", "nodemailer-mailparser/htmllargecallstack.eml"] {
        let Some((name, raw)) = corpus.iter().find(|(n, _)| n == wanted) else {
            println!("{wanted}: absent");
            continue;
        };
        let options = Options::default();
        let lint_time = mean_time(Duration::from_millis(500), || {
            std::hint::black_box(lint(raw, &options).ok());
        });
        let bodies = html_bodies(raw);
        let html_bytes: usize = bodies.iter().map(String::len).sum();
        let html_time = mean_time(Duration::from_millis(500), || {
            for body in &bodies {
                std::hint::black_box(html::analyse(body));
            }
        });
        println!(
            "{name}: {} bytes, whole lint {:?} ({:.1} MB/s); HTML analysis of {} bytes {:?}{}",
            raw.len(),
            lint_time,
            raw.len() as f64 / lint_time.as_secs_f64() / 1e6,
            html_bytes,
            html_time,
            if html_bytes > 0 { format!(" ({:.1} MB/s)", html_bytes as f64 / html_time.as_secs_f64() / 1e6) } else { String::new() }
        );
    }
}
