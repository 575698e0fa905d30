//! `make bench` (native part): throughput of the engine over the public corpus
//! and over a generated 9.9 MB message, plus per-area measurements. It prints
//! numbers; nothing here is asserted.

#[path = "../common.rs"]
mod common;

// The inputs shared with the Node bench (#14).
mod inputs;

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
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let Some(at) = args.iter().position(|a| a == "--profile-load") {
        return profile_load(args.get(at + 1).map_or("corpus", String::as_str), args.get(at + 2));
    }
    let corpus = common::corpus_messages();
    println!("mail-preflight {} — native benchmark (release build)", mail_preflight::VERSION);
    speed(&options);
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

/// Time inside each rule's check (`rules::timing`, measured in the engine around
/// each check, so no difference of two noisy runs): µs per message over the
/// SpamAssassin corpus and over the three largest messages of the parser corpus,
/// the ten costliest rules of each,
/// after one warm-up pass. Work two rules share is charged to the first that asks.
#[cfg(feature = "rule-timing")]
fn per_rule_costs(corpus: &[(String, Vec<u8>)]) {
    use mail_preflight::rules::{timing, REGISTRY};
    const PASSES: usize = 3;
    let options = Options::default();
    let mut largest: Vec<&(String, Vec<u8>)> = corpus.iter().collect();
    largest.sort_by_key(|(_, raw)| std::cmp::Reverse(raw.len()));
    largest.truncate(3);
    let spamassassin = inputs::spamassassin_messages();
    let labelled: Vec<&(String, Vec<u8>)> = spamassassin.iter().collect();
    let sa_label = format!("spamassassin-public-dev ({} messages)", labelled.len());
    let large_label = format!("the {} largest messages of the corpus", largest.len());
    for (label, messages) in [(sa_label, labelled), (large_label, largest)] {
        if messages.is_empty() {
            continue;
        }
        for (_, raw) in &messages {
            let _ = lint(raw, &options);
        }
        timing::start();
        let started = Instant::now();
        for _ in 0..PASSES {
            for (_, raw) in &messages {
                let _ = std::hint::black_box(lint(raw, &options));
            }
        }
        let elapsed = started.elapsed();
        let totals = timing::stop();
        let per_message = |d: Duration| d.as_secs_f64() * 1e6 / (PASSES * messages.len()) as f64;
        let rules: Duration = totals.iter().sum();
        println!();
        println!(
            "per-rule time inside the engine on {label}, µs/msg: lint {:.1}, of which the {} rules {:.1}",
            per_message(elapsed),
            REGISTRY.len(),
            per_message(rules)
        );
        let mut ranked: Vec<(Duration, &str)> = totals.iter().copied().zip(REGISTRY.iter().map(|r| r.id)).collect();
        ranked.sort_by(|a, b| b.0.cmp(&a.0));
        for (total, id) in ranked.iter().take(10) {
            println!(
                "  {id:<36} {:>9.2} µs/msg {:>5.1} % of the rules",
                per_message(*total),
                100.0 * total.as_secs_f64() / rules.as_secs_f64().max(f64::MIN_POSITIVE)
            );
        }
    }
}

/// Without the `rule-timing` feature (`cargo test` builds this example too).
#[cfg(not(feature = "rule-timing"))]
fn per_rule_costs(_: &[(String, Vec<u8>)]) {
    println!();
    println!("per-rule time: build with --features rule-timing (make bench does)");
}

/// Where a lint's time goes on `messages` (#14): the bare parse (the floor), the
/// analysis with every rule off (parse, model, report), the two lexicon rules
/// (`spam/adult-terms` and `spam/sales-language`, which fold each text once for
/// both) and the other rules; µs per message, medians of five interleaved rounds
/// (single rules are below this machine's noise, so they are not listed one by one).
fn where_the_time_goes(messages: &[Vec<u8>], floor_us: f64, lint_us: f64) {
    use mail_preflight::options::RuleSetting;
    use mail_preflight::rules::REGISTRY;
    let all_off: Options = Options {
        rules: REGISTRY.iter().map(|r| (r.id.to_string(), RuleSetting::Off)).collect(),
        ..Options::default()
    };
    let mut lexicons = all_off.clone();
    lexicons.rules.remove("spam/adult-terms");
    lexicons.rules.remove("spam/sales-language");
    // Interleaved rounds, medians: the two figures see the same machine.
    let (mut analysis, mut with_lexicons) = (Vec::new(), Vec::new());
    for _ in 0..5 {
        for (options, out) in [(&all_off, &mut analysis), (&lexicons, &mut with_lexicons)] {
            let (n, elapsed) = lint_all(messages, options, Duration::from_millis(250));
            out.push(elapsed.as_secs_f64() * 1e6 / n as f64);
        }
    }
    let analysis = median(&mut analysis);
    let lexicons = (median(&mut with_lexicons) - analysis).max(0.0);
    println!(
        "  where the time goes, µs/msg: lint {lint_us:.0} = parse floor {floor_us:.0} + the rest of the analysis {:.0} \
         + the two lexicon rules {lexicons:.0} + the other {} rules {:.0}",
        (analysis - floor_us).max(0.0),
        REGISTRY.len() - 2,
        (lint_us - analysis - lexicons).max(0.0)
    );
}

/// Lints `messages` for at least `min`: (messages linted, elapsed).
fn lint_all(messages: &[Vec<u8>], options: &Options, min: Duration) -> (usize, Duration) {
    let (runs, elapsed) = time_for(min, || {
        for raw in messages {
            let _ = std::hint::black_box(lint(raw, options));
        }
    });
    (messages.len() * runs as usize, elapsed)
}

/// The floor (#14): mail-parser and scraper alone over the same messages, the
/// parse every lint starts with (MIME structure and decoded bodies, the HTML bodies as trees).
fn bare_parse(messages: &[Vec<u8>]) {
    for raw in messages {
        let Some(parsed) = mail_parser::MessageParser::default().parse(raw.as_slice()) else { continue };
        for part in &parsed.parts {
            if let mail_parser::PartType::Html(html) = &part.body {
                std::hint::black_box(scraper::Html::parse_document(html));
            }
        }
        std::hint::black_box(parsed);
    }
}

/// The #14 figures: the SpamAssassin corpus beside the bare-parse floor, and
/// the largest messages (a generated 9.9 MB message, a 9.85 MB message with a
/// PDF attachment, an HTML newsletter).
fn speed(options: &Options) {
    let spamassassin: Vec<Vec<u8>> = inputs::spamassassin_messages().into_iter().map(|(_, raw)| raw).collect();
    if !spamassassin.is_empty() {
        let bytes: usize = spamassassin.iter().map(Vec::len).sum();
        let label = format!("spamassassin-public-dev ({} messages, {:.1} MB)", spamassassin.len(), bytes as f64 / 1e6);
        // Medians of five rounds: the machine is shared.
        let mut lint_rates = Vec::new();
        let mut floor_rates = Vec::new();
        for _ in 0..5 {
            let (n, elapsed) = lint_all(&spamassassin, options, Duration::from_millis(600));
            lint_rates.push(n as f64 / elapsed.as_secs_f64());
            let (runs, elapsed) = time_for(Duration::from_millis(300), || bare_parse(&spamassassin));
            floor_rates.push(spamassassin.len() as f64 * runs as f64 / elapsed.as_secs_f64());
        }
        let (lint_rate, floor_rate) = (median(&mut lint_rates), median(&mut floor_rates));
        println!("{label:<44} {lint_rate:>10.1} msg/s (lint, median of 5)");
        println!(
            "{:<44} {floor_rate:>10.1} msg/s (mail-parser + scraper parse alone); lint takes {:.2}× the floor",
            "  floor",
            floor_rate / lint_rate
        );
        where_the_time_goes(&spamassassin, 1e6 / floor_rate, 1e6 / lint_rate);
    }
    let largest = [
        ("generated 9.9 MB message", mail_preflight::rules::size::generated_message(9_900_000)),
        ("9.85 MB message with a PDF attachment", inputs::pdf_message(9_850_000)),
        ("HTML newsletter (400 blocks)", inputs::html_message()),
    ];
    for (label, raw) in &largest {
        let mut times: Vec<f64> = (0..5)
            .map(|_| {
                let started = Instant::now();
                let _ = std::hint::black_box(lint(raw, options));
                started.elapsed().as_secs_f64() * 1e3
            })
            .collect();
        println!("{:<44} {:>10.1} ms ({} bytes, median of 5)", label, median(&mut times), raw.len());
    }
}

fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    values.get(values.len() / 2).copied().unwrap_or(0.0)
}

/// `--profile-load KIND [SECONDS]`: lints one input kind in a loop for a
/// profiler (perf record, valgrind --tool=callgrind): `corpus` (spamassassin),
/// `big`, `pdf`, `html`, `floor` (the bare parse of the corpus). Prints what it ran.
fn profile_load(kind: &str, seconds: Option<&String>) {
    let seconds: f64 = seconds.and_then(|s| s.parse().ok()).unwrap_or(5.0);
    let messages: Vec<Vec<u8>> = match kind {
        "big" => vec![mail_preflight::rules::size::generated_message(9_900_000)],
        "pdf" => vec![inputs::pdf_message(9_850_000)],
        "html" => vec![inputs::html_message()],
        // file=PATH: one message read from disk (a hostile input's profile);
        // compose=PATH: compose fields (JSON) read from disk, rendered and linted.
        path if path.starts_with("file=") || path.starts_with("compose=") => match std::fs::read(&path[path.find('=').map_or(0, |i| i + 1)..]) {
            Ok(raw) => vec![raw],
            Err(error) => return eprintln!("{path}: {error}"),
        },
        _ => inputs::spamassassin_messages().into_iter().map(|(_, raw)| raw).collect(),
    };
    // MAIL_PREFLIGHT_ONLY=id,id: only those rules on (every other off), to profile them.
    let mut options = Options::default();
    if let Ok(only) = std::env::var("MAIL_PREFLIGHT_ONLY") {
        use mail_preflight::options::RuleSetting;
        let keep: Vec<&str> = only.split(',').filter(|id| !id.is_empty()).collect();
        options.rules = mail_preflight::rules::REGISTRY
            .iter()
            .filter(|r| !keep.contains(&r.id))
            .map(|r| (r.id.to_string(), RuleSetting::Off))
            .collect();
    }
    let started = Instant::now();
    let mut count = 0;
    // 0 seconds: exactly one pass (a fixed amount of work, for instruction
    // counts under `valgrind --tool=callgrind`, which a shared machine's noise does not move).
    while !messages.is_empty() && (count == 0 || started.elapsed().as_secs_f64() < seconds) {
        if kind == "floor" {
            bare_parse(&messages);
        } else {
            for raw in &messages {
                if kind.starts_with("compose=") {
                    let compose = mail_preflight::Compose::from_json(&String::from_utf8_lossy(raw));
                    let _ = std::hint::black_box(compose.map(|c| mail_preflight::lint_compose(&c, &options)));
                } else {
                    let _ = std::hint::black_box(lint(raw, &options));
                }
            }
        }
        count += messages.len();
    }
    println!("{kind}: {count} messages in {:.1} s", started.elapsed().as_secs_f64());
}
