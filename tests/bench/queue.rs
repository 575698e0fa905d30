//! Queue simulation throughput: a million-mail scenario, printed as mails per
//! second. Wired into `tests/bench/main.rs` with `mod queue;` and `queue::run(&corpus)`.

use mail_preflight::queue::{simulate, Scenario};
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
            {"at": 20000, "action": "block"}, {"at": 30000, "action": "unblock"},
            {"at": 50000, "action": "block"}, {"at": 60000, "action": "purge"}
        ]
    }"#;
    serde_json::from_str(json).unwrap_or_default()
}

pub fn run(_corpus: &[(String, Vec<u8>)]) {
    let scenario = million_mail_scenario();
    let mails: u64 = scenario.streams.iter().filter_map(|s| s.count).sum();
    // One warm-up run, then the best of three.
    let _ = simulate(&scenario);
    let mut best = f64::MAX;
    let mut settled = 0;
    for _ in 0..3 {
        let started = Instant::now();
        let result = simulate(&scenario);
        best = best.min(started.elapsed().as_secs_f64());
        settled = result.map(|r| r.outcomes.iter().map(|o| o.count).sum::<u64>()).unwrap_or(0);
    }
    println!(
        "queue: {mails} mails simulated in {:.1} ms ({:.1} M mails/s), {settled} outcomes",
        best * 1e3,
        mails as f64 / best / 1e6
    );
}
