//! Sending-queue simulation (SPEC §4, seeds 000/002/004 "Scripts emails" panel,
//! 001 old guide, 003 SMTP limits): what the hosting's automated-mail service
//! does with the mails scripts send, over time, on a virtual clock.
//!
//! Deterministic: no wall time, no randomness but the scenario's seed; the same
//! scenario gives the same result. Event-driven, O(n log s) for n mails and s
//! streams, no allocation per mail.
//!
//! The files, one concern each: `scenario` (input types), `limits` (ranges),
//! `sendlog` (logs to replay), `tz`/`clock` (the day boundary), `prepare`
//! (scenario → plan), `machine` (the guides' state table), `windows`
//! (measuring), `engine` (the event loop), `results` and `assumptions` (the
//! output), `answers` and `compare` (the owner's questions).
//!
//! What a message *is* (clean, spam, too large) is not the queue's business: a
//! [`Classifier`] says it. The queue imports neither the crate's root nor its
//! rules; [`simulate`] is the one thin wrapper that binds the crate's lint.

mod answers;
mod assumptions;
mod clock;
mod compare;
mod engine;
mod error;
mod held;
mod lenient;
pub mod limits;
mod machine;
mod prepare;
pub mod result;
mod results;
pub mod scenario;
mod sendlog;
pub mod tz;
mod windows;

pub use answers::{Answers, RateBound, RateLimit, SteadyRate, TimeFor};
pub use clock::{iso_date, iso_datetime, parse_datetime};
pub use compare::{compare_results, Comparison, RunSummary};
pub use engine::{EXPECTED_DELAY_SECONDS, REPLY_SMTP_LIMIT, REPLY_TOO_LARGE};
pub use error::{LogProblem, Problem, ScenarioError};
pub use machine::{actions_offered, is_red, sends, transition_allowed};
pub use result::{
    AppliedAction, Assumption, Cause, Counters, Expected, LintFinding, LintSummary, MailKind, MailRecord, MailTable,
    Measure, MeasureKind, Notification, NotificationKind, Outcome, OutcomeSummary, RejectReason, RejectedAction,
    Series, SimulationResult, Source, StateChange, StreamSummary, Trigger,
};
pub use scenario::{
    Action, DeclaredVerdict, ErrorLogEntry, HistoryEntry, Questions, QueueThresholds, RatioBasis, Scenario,
    ScheduledAction, ServiceSnapshot, State, Stream, Transport, When, DEFAULT_MAX_PER_DAY, DEFAULT_START,
};
pub use sendlog::status_is_error;

use crate::i18n::Locale;
use crate::report::{Finding, Report, Severity, Verdict};

/// What the host makes of a message a stream sends.
#[derive(Debug, Clone, PartialEq)]
pub struct Classification {
    pub kind: MailKind,
    /// The lint facts behind it, shown per stream.
    pub lint: Option<LintSummary>,
    /// The reply the receivers give to each mail of kind `Returned`.
    pub reply: Option<String>,
}

/// Turns a stream's message into clean, spam, refused or returned (SPEC §3), once per stream.
pub trait Classifier {
    /// `Err` carries a localized reason (the message cannot be read at all).
    fn classify(&self, message: &[u8], locale: Locale, spam_rule_prefixes: &[String])
        -> Result<Classification, String>;
}

impl<F> Classifier for F
where
    F: Fn(&[u8], Locale, &[String]) -> Result<Classification, String>,
{
    fn classify(
        &self,
        message: &[u8],
        locale: Locale,
        spam_rule_prefixes: &[String],
    ) -> Result<Classification, String> {
        self(message, locale, spam_rule_prefixes)
    }
}

/// The reply of a returned mail when the rule's evidence quotes no receiver's
/// own: a permanent refusal (RFC 5321 §4.2.1, 5yz) for the message's content
/// (RFC 3463 X.6.0 "Other or undefined media error"), naming the rule. A
/// reply as a server writes it: in English, like [`REPLY_TOO_LARGE`].
pub fn generic_returned_reply(rule_id: &str) -> String {
    format!("550 5.6.0 Message not accepted: it breaks {rule_id}")
}

impl Classification {
    /// SPEC §3 applied to a lint report, with no receiver's reply known (see
    /// [`Classification::from_report_with`]).
    pub fn from_report(report: &Report, spam_rule_prefixes: &[String]) -> Classification {
        Self::from_report_with(report, spam_rule_prefixes, &|_| None)
    }

    /// SPEC §3 applied to a lint report: a `size/total` error is refused at
    /// submission (seed 000: 10 MB); a `fail` verdict reached by the spam score
    /// (the filter's sum of every finding's points) or with an error from a rule
    /// whose id starts with one of `spam_rule_prefixes` is spam; any other
    /// error is one "a refusal or block is known to happen" for: the hosting
    /// sends the mail, the receivers refuse it, and it comes back in error
    /// (returned). Its reply is the first such finding's `documented_reply`,
    /// else [`generic_returned_reply`]; the lint summary says why, in the
    /// report's language. Anything else is clean.
    pub fn from_report_with(
        report: &Report,
        spam_rule_prefixes: &[String],
        documented_reply: &dyn Fn(&Finding) -> Option<String>,
    ) -> Classification {
        let mut errors: Vec<String> = Vec::new();
        for finding in report.findings.iter().filter(|f| f.severity == Severity::Error) {
            if !errors.contains(&finding.rule_id) {
                errors.push(finding.rule_id.clone());
            }
        }
        let is_spam_rule = |id: &str| spam_rule_prefixes.iter().any(|p| id.starts_with(p.as_str()));
        // The errors receivers refuse: neither the hosting's size limit nor a spam factor.
        let refusing: Vec<&Finding> = report
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Error && f.rule_id != "size/total" && !is_spam_rule(&f.rule_id))
            .collect();
        let kind = if errors.iter().any(|id| id == "size/total") {
            MailKind::Refused
        } else if report.verdict == Verdict::Fail
            && (report.spam_score >= report.spam_threshold || errors.iter().any(|id| is_spam_rule(id)))
        {
            MailKind::Spam
        } else if !refusing.is_empty() {
            MailKind::Returned
        } else {
            MailKind::Clean
        };
        let (reply, returned) = match refusing.first() {
            Some(first) if kind == MailKind::Returned => {
                let reply = documented_reply(first).unwrap_or_else(|| generic_returned_reply(&first.rule_id));
                let mut rules: Vec<&str> = Vec::new();
                for finding in &refusing {
                    if !rules.contains(&finding.rule_id.as_str()) {
                        rules.push(&finding.rule_id);
                    }
                }
                let said = crate::i18n::Msg::new("queue.lint.returned")
                    .text("rules", rules.join(", "))
                    .text("reply", reply.clone())
                    .render(report.locale);
                (Some(reply), Some(said))
            }
            _ => (None, None),
        };
        let mut findings: Vec<LintFinding> = report
            .findings
            .iter()
            .map(|f| LintFinding { rule_id: f.rule_id.clone(), severity: f.severity, message: f.message.clone() })
            .collect();
        findings.sort_by_key(|f| match f.severity {
            Severity::Error => 0,
            Severity::Warning => 1,
            _ => 2,
        });
        findings.truncate(result::MAX_LINT_FINDINGS);
        Classification {
            kind,
            lint: Some(LintSummary { verdict: report.verdict, score: report.spam_score, errors, findings, returned }),
            reply,
        }
    }
}

/// A worked example scenario, shipped with the engine (README "Queue simulation scenarios").
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Preset {
    pub id: &'static str,
    /// The scenario as JSON.
    pub json: &'static str,
}

/// The stream names of the presets, as their files write them (English), and
/// the catalogue text that says each in the reader's language: the names are
/// shown in results, answers and the page like the engine's other texts.
const PRESET_STREAM_NAMES: &[(&str, &str)] = &[
    ("contact form", "queue.preset.stream.contact-form"),
    ("real visitors", "queue.preset.stream.real-visitors"),
    ("bot on the contact form (no captcha)", "queue.preset.stream.bot"),
    ("newsletter to a 5-year-old list", "queue.preset.stream.stale-list"),
    ("last Monday's send log, replayed from now", "queue.preset.stream.replayed-log"),
];

impl Preset {
    /// The scenario as JSON with its stream names in `locale` (the file's layout kept).
    pub fn json_in(&self, locale: Locale) -> String {
        let mut json = self.json.to_string();
        for (english, id) in PRESET_STREAM_NAMES {
            let written = format!("\"name\": \"{english}\"");
            let said = crate::i18n::Msg::new(id).render(locale);
            let localized = format!("\"name\": {}", serde_json::to_string(&said).unwrap_or_default());
            json = json.replace(&written, &localized);
        }
        json
    }

    /// The stream names of the presets and their catalogue ids (English as the files write them).
    pub fn stream_names() -> &'static [(&'static str, &'static str)] {
        PRESET_STREAM_NAMES
    }
}

/// The worked examples: a quiet contact form, a bot attack on a form without
/// captcha, a newsletter to a stale list, and an API snapshot with last
/// week's send log replayed.
pub fn presets() -> &'static [Preset] {
    const PRESETS: &[Preset] = &[
        Preset { id: "quiet-contact-form", json: include_str!("presets/quiet-contact-form.json") },
        Preset { id: "bot-attack", json: include_str!("presets/bot-attack.json") },
        Preset { id: "stale-newsletter", json: include_str!("presets/stale-newsletter.json") },
        Preset { id: "api-snapshot", json: include_str!("presets/api-snapshot.json") },
    ];
    PRESETS
}

impl Scenario {
    /// A scenario from JSON, unknown fields refused. A bare provider API
    /// service object (`{state, sent, sentToday, bounce, maxPerDay, email}`)
    /// loads as the scenario's `service`. An escaped lone surrogate (`"\ud800"`)
    /// reads as U+FFFD, as it does in a scenario given as an object
    /// (`hygiene::lone_surrogates_replaced`): JSON's readers refuse it.
    pub fn from_json(json: &str) -> Result<Scenario, ScenarioError> {
        let json = &*crate::hygiene::lone_surrogates_replaced_in(json);
        match crate::error::Invalid::parse::<Scenario>(json, "scenario") {
            Ok(mut scenario) => {
                scenario.spelling = Self::spelling_in_json(json);
                Ok(scenario)
            }
            Err(error) => {
                // Not a scenario: maybe the API's service object on its own.
                let service: Result<ServiceSnapshot, _> = crate::error::objects_only::from_str(json);
                match service {
                    Ok(service) if json.contains("\"maxPerDay\"") && json.contains("\"state\"") => {
                        let spelling = scenario::Spelling {
                            service_sent: Self::writes_sent(serde_json::from_str::<Skim>(json).ok()),
                            ..scenario::Spelling::default()
                        };
                        Ok(Scenario { service, spelling, ..Scenario::default() })
                    }
                    _ => Err(ScenarioError::Json(error)),
                }
            }
        }
    }

    /// Which aliases the JSON wrote (`bounces`, `volumes`) and whether it gave
    /// `service.sent`: skimmed, values unread.
    fn spelling_in_json(json: &str) -> scenario::Spelling {
        #[derive(serde::Deserialize)]
        struct Written {
            #[serde(default)]
            bounces: Option<serde::de::IgnoredAny>,
            #[serde(default)]
            volumes: Option<serde::de::IgnoredAny>,
            #[serde(default)]
            service: Option<Skim>,
        }
        match serde_json::from_str::<Written>(json) {
            Ok(w) => scenario::Spelling {
                bounces: w.bounces.is_some(),
                volumes: w.volumes.is_some(),
                service_sent: Self::writes_sent(w.service),
            },
            Err(_) => scenario::Spelling::default(),
        }
    }

    /// Whether a skimmed service object gives `sent` (a number: `null` is not one).
    fn writes_sent(service: Option<Skim>) -> bool {
        service.is_some_and(|s| s.sent.is_some())
    }

    /// The `locale` field of a scenario that may not load (to report its errors in its language).
    pub fn locale_in_json(json: &str) -> Locale {
        #[derive(serde::Deserialize)]
        struct OnlyLocale {
            #[serde(default)]
            locale: Option<Locale>,
        }
        match serde_json::from_str::<OnlyLocale>(json) {
            Ok(only) => only.locale.unwrap_or_default(),
            Err(_) => Locale::written_in_json(json).unwrap_or_default(),
        }
    }
}

/// A service object skimmed for the fields it gives.
#[derive(serde::Deserialize)]
struct Skim {
    #[serde(default)]
    sent: Option<serde::de::IgnoredAny>,
}

/// Runs a scenario, classifying stream messages with `classifier`.
pub fn simulate_with(scenario: &Scenario, classifier: &dyn Classifier) -> Result<SimulationResult, ScenarioError> {
    run(scenario, classifier, false).map(|(result, _)| result)
}

/// Runs a scenario and also returns every mail as table columns (a list of a million rows).
pub fn simulate_with_mails(
    scenario: &Scenario,
    classifier: &dyn Classifier,
) -> Result<(SimulationResult, MailTable), ScenarioError> {
    run(scenario, classifier, true).map(|(result, table)| (result, table.unwrap_or_default()))
}

fn run(
    scenario: &Scenario,
    classifier: &dyn Classifier,
    want_table: bool,
) -> Result<(SimulationResult, Option<MailTable>), ScenarioError> {
    let plan = prepare::prepare(scenario, classifier)?;
    let inputs = rate_inputs(&plan);
    let mails_asked = scenario.questions.mails.unwrap_or_else(|| {
        plan.streams
            .iter()
            .filter(|s| s.kind == MailKind::Clean && s.transport == Transport::Mail)
            .map(|s| s.count)
            .sum()
    });
    let spam_streams: Vec<usize> =
        plan.streams.iter().enumerate().filter(|(_, s)| s.kind == MailKind::Spam).map(|(i, _)| i).collect();
    let kinds: Vec<MailKind> = plan.streams.iter().map(|s| s.kind).collect();
    let mut engine = engine::Engine::new(plan, want_table);
    engine.run();
    let (mut result, table) = engine.finish();
    let rate = answers::steady_rate(&inputs, scenario.locale);
    result.answers.time_for = Some(answers::time_for(mails_asked, &rate, scenario.locale));
    result.answers.max_steady_rate = Some(rate);
    if !spam_streams.is_empty() {
        // The same scenario with the spam streams removed (a captcha stops the bot);
        // the other streams keep what they were classified as.
        let mut without = scenario.clone();
        let mut kept = Vec::new();
        for (i, (stream, kind)) in scenario.streams.iter().zip(&kinds).enumerate() {
            if !spam_streams.contains(&i) {
                let mut stream = stream.clone();
                // A returned stream keeps its message: no declared verdict
                // says returned, and its reply comes from the lint.
                let declared = match kind {
                    MailKind::Clean => Some(DeclaredVerdict::Clean),
                    MailKind::Spam => Some(DeclaredVerdict::Spam),
                    MailKind::Refused => Some(DeclaredVerdict::Refused),
                    MailKind::Returned => None,
                };
                if stream.verdict.is_none() && stream.message.is_some() && declared.is_some() {
                    stream.verdict = declared;
                    stream.message = None;
                }
                kept.push(stream);
            }
        }
        without.streams = kept;
        let plan = prepare::prepare(&without, classifier)?;
        let mut engine = engine::Engine::new(plan, false);
        engine.run();
        let (other, _) = engine.finish();
        result.answers.captcha = Some(compare::compare_results(&result, &other, scenario.locale));
    }
    Ok((result, table))
}

fn rate_inputs(plan: &prepare::Plan) -> answers::RateInputs {
    let t = &plan.scenario.thresholds;
    answers::RateInputs {
        burst_max_mails: t.burst_max_mails,
        burst_window_seconds: t.burst_window_seconds,
        max_errors_per_hour: t.max_errors_per_hour,
        bounce_ratio: t.bounce_ratio,
        basis: t.bounce_ratio_basis,
        state: plan.scenario.service.state,
        max_per_day: plan.max_per_day,
        streams: plan
            .streams
            .iter()
            .zip(&plan.scenario.streams)
            .map(|(p, s)| {
                let share = match &p.schedule {
                    _ if p.kind == MailKind::Returned => 1.0,
                    prepare::Schedule::Logged { log, .. } if !log.errors.is_empty() => {
                        log.errors.iter().filter(|e| **e).count() as f64 / log.errors.len() as f64
                    }
                    _ => s.bounce_share,
                };
                (p.count, share, p.kind, p.transport)
            })
            .collect(),
        sent: plan.scenario.service.sent,
        bounce: plan.scenario.service.bounce,
        bounce_min_mails: t.bounce_min_mails,
        errors_run_ahead: plan.streams.iter().any(|p| {
            let factor = engine::initial_ratio_factor(plan.scenario.service.state);
            p.kind == MailKind::Clean
                && p.transport == Transport::Mail
                && answers::errors_run_ahead(
                    p.count,
                    |i| p.bounces(i),
                    (t.bounce_ratio * factor).min(1.0),
                    t.bounce_ratio_basis,
                    t.bounce_window_mails,
                    t.bounce_min_mails,
                    (plan.scenario.service.sent, plan.scenario.service.bounce),
                )
        }),
    }
}

/// Runs two scenarios and compares them (`simulate --compare A.json B.json`),
/// in the language of A.
pub fn compare_with(a: &Scenario, b: &Scenario, classifier: &dyn Classifier) -> Result<Comparison, ScenarioError> {
    let ra = simulate_with(a, classifier)?;
    let rb = simulate_with(b, classifier)?;
    Ok(compare::compare_results(&ra, &rb, a.locale))
}

// ── the crate's lint as the default classifier ───────────────────────────────
// The one place the queue names the crate root: the thin wrappers callers use.

/// Runs a scenario; stream messages are linted by the crate (SPEC §3).
pub fn simulate(scenario: &Scenario) -> Result<SimulationResult, ScenarioError> {
    simulate_with(scenario, &classify_for_queue)
}

/// Parses and runs a scenario given as JSON (the CLI and the bindings).
pub fn simulate_json(json: &str) -> Result<SimulationResult, ScenarioError> {
    simulate(&Scenario::from_json(json)?)
}

/// Runs and compares two scenarios with the crate's lint.
pub fn compare(a: &Scenario, b: &Scenario) -> Result<Comparison, ScenarioError> {
    compare_with(a, b, &classify_for_queue)
}

/// The queue's default classifier (SPEC §3): a stream's message linted once,
/// with the default options in `locale`.
pub fn classify_for_queue(
    message: &[u8],
    locale: crate::Locale,
    spam_rule_prefixes: &[String],
) -> Result<Classification, String> {
    let options = crate::options::Options { locale, ..crate::options::Options::default() };
    let report = crate::pipeline::lint(message, &options).map_err(|e| e.localized(locale))?;
    Ok(Classification::from_report_with(&report, spam_rule_prefixes, &documented_reply))
}

/// The reply a receiver documents for a finding's rule (its evidence quotes
/// it), for the finding's field when the rule quotes several.
fn documented_reply(finding: &Finding) -> Option<String> {
    let field = match finding.params.get("field") {
        Some(crate::i18n::Param::Text(field)) => Some(field.as_str()),
        _ => None,
    };
    crate::rules::replies::documented_reply(&finding.rule_id, field).map(str::to_string)
}
