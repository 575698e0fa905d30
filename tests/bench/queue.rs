//! Queue simulation throughput: a million-mail scenario, printed as mails per
//! second. Wired into `tests/bench/native.rs` with `mod queue;` and `queue::run(&corpus)`.

use mail_preflight::queue::{simulate, simulate_with_mails, Scenario};
use std::time::Instant;

/// A million mails over a day: a steady form, a newsletter with stale
/// addresses, a bot burst, block/unblock/purge clicks, an SMTP script.
fn million_mail_scenario() -> Scenario {
    let json = r#"{
        "service": {"maxPerDay": 2000000},
        "thresholds": {"burstMaxMails": 1000000, "maxErrorsPerHour": 1000000, "spamMailsBeforeBlock": 1000000},
        "streams": [
            {"name": "form", "duration": 86400, "count": 400000, "bounceShare": 0.01},
            {"name": "newsletter", "start": 3600, "duration": 36000, "count": 400000, "bounceShare": 0.05},
            {"name": "bot", "start": 40000, "duration": 600, "count": 100000, "verdict": "spam"},
            {"name": "smtp script", "transport": "smtp", "duration": 86400, "count": 100000}
        ],
        "actions": [
            {"at": 20000, "action": "BLOCK"}, {"at": 30000, "action": "UNBLOCK"},
            {"at": 50000, "action": "BLOCK"}, {"at": 60000, "action": "PURGE"}
        ]
    }"#;
    serde_json::from_str(json).unwrap_or_default()
}

/// Best of three runs, in seconds, after one warm-up.
fn best_of_three(mut run: impl FnMut()) -> f64 {
    run();
    let mut best = f64::MAX;
    for _ in 0..3 {
        let started = Instant::now();
        run();
        best = best.min(started.elapsed().as_secs_f64());
    }
    best
}

pub fn run(_corpus: &[(String, Vec<u8>)]) {
    let scenario = million_mail_scenario();
    let mails: u64 = scenario.streams.iter().filter_map(|s| s.count).sum();
    let mut settled = 0;
    // The whole answer: the run, its answers, and the same run without the bot (the captcha answer).
    let full = best_of_three(|| {
        settled = simulate(&scenario).map(|r| r.outcomes.iter().map(|o| o.count).sum::<u64>()).unwrap_or(0);
    });
    let mut rows = 0;
    let table = best_of_three(|| {
        rows = simulate_with_mails(&scenario, &mail_preflight::classify_for_queue)
            .map(|(_, t)| t.outcome.len())
            .unwrap_or(0);
    });
    println!(
        "queue: {mails} mails simulated in {:.1} ms ({:.1} M mails/s, the captcha re-run included), {settled} outcomes; \
         with the mail table ({rows} rows): {:.1} ms",
        full * 1e3,
        mails as f64 / full / 1e6,
        table * 1e3
    );
}
