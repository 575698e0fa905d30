//! Invariants of the simulation, checked on seeded random scenarios: every mail
//! ends in exactly one outcome; counters equal the sums of outcomes; no held
//! mail outlives 72 h; no state change the state table forbids; same input,
//! same output.

use mail_preflight::queue::{
    actions_offered, simulate, transition_allowed, Outcome, Scenario, ScheduledAction, SimulationResult, State, Stream,
    Transport,
};
use mail_preflight::queue::{Action, DeclaredVerdict};

/// SplitMix64, so the scenarios are the same on every run and machine.
struct Generator(u64);

impl Generator {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut x = self.0;
        x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        x ^ (x >> 31)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len() as u64) as usize]
    }
}

fn random_scenario(g: &mut Generator) -> Scenario {
    let mut scenario = Scenario { seed: g.next() >> 11, ..Scenario::default() };
    use State::*;
    scenario.service.state = g.pick(&[Active, Active, Disabled, Force, Bounce, Spam, Purging]);
    let sent = g.below(10_000);
    scenario.service.bounce = g.below(100);
    scenario.service.sent_today = g.below(50);
    // A real snapshot: the total sent counts the mails sent today and those in error.
    scenario.service.sent = sent.max(scenario.service.bounce).max(scenario.service.sent_today);
    scenario.service.max_per_day = Some(g.pick(&[50, 500, 7_200]));
    scenario.thresholds.bounce_min_mails = g.pick(&[5, 20]);
    scenario.thresholds.spam_mails_before_block = g.pick(&[1, 10]);
    scenario.thresholds.redistribution_per_minute = g.pick(&[1, 60, 600]);
    scenario.thresholds.resume_on_next_mail = g.below(4) == 0;
    for i in 0..1 + g.below(4) {
        scenario.streams.push(Stream {
            name: format!("stream {i}"),
            start: g.below(3 * 86_400),
            duration: g.below(2 * 86_400),
            count: Some(g.below(400)),
            bounce_share: g.pick(&[0.0, 0.02, 0.15, 0.3, 1.0]),
            transport: if g.below(5) == 0 { Transport::Smtp } else { Transport::Mail },
            account: g.pick(&["a@example.com", "b@example.com"]).to_string(),
            verdict: Some(g.pick(&[
                DeclaredVerdict::Clean,
                DeclaredVerdict::Clean,
                DeclaredVerdict::Spam,
                DeclaredVerdict::Refused,
            ])),
            ..Stream::default()
        });
    }
    for _ in 0..g.below(8) {
        let action = g.pick(&[Action::Block, Action::Unblock, Action::Purge, Action::ChangeRecipient]);
        let email = (action == Action::ChangeRecipient).then(|| "new@example.com".to_string());
        scenario.actions.push(ScheduledAction { at: g.below(5 * 86_400), action, email });
    }
    if g.below(5) == 0 {
        scenario.until = Some(g.below(4 * 86_400));
    }
    scenario.time_zone = g.pick(&["Europe/Paris", "UTC", "America/New_York", "Australia/Sydney"]).to_string();
    if g.below(3) == 0 {
        // Around a DST change in Europe (2026-03-29).
        scenario.start = Some(mail_preflight::queue::When::Seconds(1_774_652_400));
    }
    scenario
}

fn count(result: &SimulationResult, outcome: Outcome) -> u64 {
    result.outcomes.iter().find(|o| o.outcome == outcome).map_or(0, |o| o.count)
}

fn check(scenario: &Scenario, r: &SimulationResult) {
    // Every mail ends in exactly one outcome.
    let total: u64 = r.outcomes.iter().map(|o| o.count).sum();
    assert_eq!(total, r.counters.mails);
    for stream in &r.streams {
        assert_eq!(stream.outcomes.values().sum::<u64>(), stream.mails, "{}", stream.name);
    }
    let complete_outcomes = r.outcomes.iter().filter(|o| !o.truncated);
    let listed: u64 = complete_outcomes.flat_map(|o| o.ranges.iter()).map(|[a, b]| b - a + 1).sum();
    let complete: u64 = r.outcomes.iter().filter(|o| !o.truncated).map(|o| o.count).sum();
    assert_eq!(listed, complete, "ranges cover their outcome");
    // Counters equal the sums of outcomes.
    let mail_streams = r.streams.iter().filter(|s| s.transport == Transport::Mail);
    let (mut sent, mut errors) = (0, 0);
    for stream in mail_streams {
        for (outcome, n) in &stream.outcomes {
            if outcome.is_sent() {
                sent += n;
            }
            if outcome.is_error() {
                errors += n;
            }
        }
    }
    assert_eq!(r.counters.sent, sent);
    assert_eq!(r.counters.errors, errors);
    assert_eq!(r.service.sent, scenario.service.sent + sent);
    assert_eq!(r.service.bounce, scenario.service.bounce + errors);
    assert_eq!(r.counters.expired, count(r, Outcome::Expired));
    assert_eq!(r.counters.purged, count(r, Outcome::Purged));
    assert_eq!(r.counters.refused, count(r, Outcome::Refused));
    assert_eq!(r.counters.pending, count(r, Outcome::Pending));
    assert_eq!(
        r.counters.smtp_accepted
            + r.counters.smtp_refused
            + sent
            + count(r, Outcome::Expired)
            + count(r, Outcome::Purged)
            + count(r, Outcome::Pending)
            + r.counters.refused
            - r.counters.smtp_refused,
        r.counters.mails
    );
    let days: u64 = r.history.iter().map(|h| h.volume.unwrap_or(0)).sum();
    assert_eq!(days, scenario.service.sent_today + sent, "the history holds every mail sent");
    assert_eq!(r.error_log_total, errors + scenario.error_log.len() as u64);
    // No held mail outlives 72 h, unless an Unblock clicked within its 72 h put
    // it back into distribution (seed 001).
    let retention = scenario.thresholds.retention_seconds;
    let released = |created: i64| {
        r.applied_actions.iter().any(|a| a.action == Action::Unblock && a.at >= created && a.at <= created + retention as i64)
    };
    for mail in &r.mails {
        assert!(mail.settled >= mail.created);
        assert!((mail.settled - mail.created) as u64 <= retention || released(mail.created), "{mail:?}");
        if mail.outcome == Outcome::Expired {
            assert!((mail.settled - mail.created) as u64 >= retention, "{mail:?}");
        }
    }
    if r.counters.longest_hold_seconds > retention {
        assert!(r.applied_actions.iter().any(|a| a.action == Action::Unblock));
    }
    // No forbidden transition; the timeline is a chain from the initial state.
    let mut state = scenario.service.state;
    let mut spam_episodes = u32::from(state == State::Spam);
    for change in &r.timeline {
        assert_eq!(change.from, state);
        assert!(transition_allowed(change.from, change.to, change.cause), "{change:?}");
        if change.to == State::Spam {
            spam_episodes += 1;
        }
        assert_eq!(change.actions, actions_offered(change.to, spam_episodes));
        state = change.to;
    }
    assert_eq!(state, r.state);
    for rejected in &r.rejected_actions {
        assert!(
            !actions_offered(rejected.state, 1).contains(&rejected.action)
                || rejected.action == Action::Unblock
                || rejected.reason == mail_preflight::queue::RejectReason::Support
        );
    }
    // Every day appears once, in order, and no day follows the end.
    let dates: Vec<&str> = r.history.iter().map(|h| &h.date[..10]).collect();
    assert!(dates.windows(2).all(|w| w[0] < w[1]), "{dates:?}");
    // Nothing leaves the hosting in a red state: all sends fall in green spans.
    assert!(r.series.sent.iter().sum::<u64>() == sent);
}

#[test]
fn invariants_hold_on_random_scenarios() {
    let mut g = Generator(0x5EED);
    for _ in 0..300 {
        let scenario = random_scenario(&mut g);
        let result = simulate(&scenario).unwrap_or_else(|e| panic!("random scenarios are valid: {e}"));
        check(&scenario, &result);
    }
}

#[test]
fn same_scenario_same_result() {
    let mut g = Generator(42);
    for _ in 0..20 {
        let scenario = random_scenario(&mut g);
        assert_eq!(simulate(&scenario).ok(), simulate(&scenario).ok());
    }
}

#[test]
fn the_bounce_share_is_exact_and_the_seed_moves_its_phase() {
    let json = |seed: u64| {
        format!(
            r#"{{"seed": {seed}, "thresholds": {{"bounceRatio": 1}},
                "streams": [{{"count": 1000, "duration": 100000, "bounceShare": 0.1}}]}}"#
        )
    };
    let first_errors: Vec<Option<u64>> = (0..8)
        .map(|seed| {
            let r = mail_preflight::queue::simulate_json(&json(seed)).expect("runs");
            assert_eq!(r.counters.errors, 100, "exactly 10 % of 1,000 mails");
            r.mails.iter().find(|m| m.outcome == Outcome::Bounced).map(|m| m.id)
        })
        .collect();
    assert!(first_errors.iter().any(|f| *f != first_errors[0]), "{first_errors:?}");
}

#[test]
fn limits_are_enforced_with_an_error() {
    use mail_preflight::queue::limits::{MAX_SCENARIO_MAILS, MAX_STREAMS};
    let too_many = format!(r#"{{"streams": [{{"count": {}}}]}}"#, MAX_SCENARIO_MAILS + 1);
    let err = mail_preflight::queue::simulate_json(&too_many).expect_err("too many mails");
    assert_eq!(err.code(), "too-many-mails");
    let streams = vec![Stream::default(); MAX_STREAMS + 1];
    let err = simulate(&Scenario { streams, ..Scenario::default() }).expect_err("too many streams");
    assert_eq!(err.code(), "too-many-streams");
    for bad in [
        r#"{"streams": [{"bounceShare": 1.5}]}"#,
        r#"{"streams": [{"rate": -1}]}"#,
        r#"{"thresholds": {"redistributionPerMinute": 0}}"#,
        r#"{"thresholds": {"burstWindowSeconds": 86401}}"#,
        r#"{"thresholds": {"bounceWindowMails": 0}}"#,
        r#"{"start": 9223372036854775807}"#,
        r#"{"until": 18446744073709551615}"#,
        r#"{"unknownField": 1}"#,
        r#"{"actions": [{"at": 18446744073709551615, "action": "block"}]}"#,
    ] {
        let err = mail_preflight::queue::simulate_json(bad).expect_err(bad);
        assert_eq!(err.code(), "invalid-scenario", "{bad}");
        assert!(!err.localized(mail_preflight::Locale::Pl).is_empty());
    }
}

#[test]
fn a_big_scenario_stays_compact() {
    let json = r#"{"service": {"maxPerDay": 100000000}, "thresholds": {"bounceRatio": 1,
        "burstMaxMails": 100000000, "maxErrorsPerHour": 100000000},
        "streams": [{"count": 200000, "duration": 86400, "bounceShare": 0.05}]}"#;
    let r = mail_preflight::queue::simulate_json(json).expect("runs");
    assert_eq!(r.counters.mails, 200_000);
    assert!(r.mails.len() <= mail_preflight::queue::result::MAX_SAMPLE_MAILS);
    assert!(r.error_log.len() <= mail_preflight::queue::result::MAX_ERROR_LOG_ENTRIES);
    assert!(r.series.queue.len() <= mail_preflight::queue::result::MAX_BUCKETS);
    let bounced = r.outcomes.iter().find(|o| o.outcome == Outcome::Bounced).expect("bounced");
    assert_eq!(bounced.count, 10_000);
    assert_eq!(bounced.ranges.len(), mail_preflight::queue::result::MAX_RANGES_PER_OUTCOME);
    assert!(bounced.truncated);
}
