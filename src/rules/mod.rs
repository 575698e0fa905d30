//! The rule engine. A rule is one file in the folder of its group, and that
//! file holds everything about it: its texts in en/fr/es/pl (`rule_texts!`),
//! its declaration (`Rule`: id, severity and the evidence for it, spam points,
//! thresholds, documented examples with the exact findings they raise) and one
//! check function, a pure function of the analysed message and the settings.

pub mod accessibility;
pub mod attachments;
pub mod body;
pub mod bulk;
pub mod config;
pub mod dkim;
pub mod headers;
pub mod links;
pub mod reading;
pub mod registry;
pub mod replies;
pub mod sender;
pub mod size;
pub mod spam;

mod context;
mod rule;
pub mod scores;

pub use context::{shorten, Context, Draft, MAX_EVIDENCE_CHARS, MAX_FINDINGS_PER_RULE};
pub use registry::{LABELS, REGISTRY};
pub use rule::{Check, Example, ExampleInput, Expect, Group, Rule};

use crate::model::Message;
use crate::report::Finding;
use crate::settings::Settings;

/// Findings a report has room for before its vector grows (ours: the dev
/// corpus's reports hold 6.2 findings on average, 10 at the 90th percentile;
/// 3 of its 1,249 hold more than 16).
const FINDINGS_RESERVED: usize = 16;

/// Runs every rule of the registry over the analysed message.
pub fn run_all(message: &Message, settings: &Settings) -> Vec<Finding> {
    // Room for an ordinary report's findings from the start (#14: grown from
    // empty, the vector moved every finding up to three times; callgrind,
    // corpus pass, the growth 1.97 M gone).
    let mut findings = Vec::with_capacity(FINDINGS_RESERVED);
    let inputs = Inputs::of(message, settings);
    for (_index, rule) in REGISTRY.iter().enumerate() {
        if !inputs.feed(&rule.check) {
            continue;
        }
        if let Some(mut cx) = Context::new(settings, rule, &mut findings, Some((&message.line_index, message.raw))) {
            #[cfg(feature = "rule-timing")]
            let started = timing::recording().then(std::time::Instant::now);
            match rule.check {
                Check::Message(check)
                | Check::Html(check)
                | Check::Dkim(check)
                | Check::Attachments(check)
                | Check::Links(check) => check(message, &mut cx),
                Check::Settings(check) => check(settings, &mut cx),
            }
            #[cfg(feature = "rule-timing")]
            if let Some(started) = started {
                timing::add(_index, started.elapsed());
            }
        }
    }
    findings
}

/// Time spent in each rule's check, for `make bench` (#14): the feature
/// `rule-timing` is on in the native bench build only (never in the wasm, whose
/// `Instant` does not exist), and records only between `start` and `stop` on the
/// calling thread. Work two rules share is charged to the first that asks for it
/// (the folded words of `spam/adult-terms` and `spam/sales-language`).
#[cfg(feature = "rule-timing")]
pub mod timing {
    use std::cell::RefCell;
    use std::time::Duration;

    thread_local! {
        static TOTALS: RefCell<Option<Vec<Duration>>> = const { RefCell::new(None) };
    }

    /// Starts recording on this thread, from zero (one total per `REGISTRY` entry).
    pub fn start() {
        TOTALS.with(|t| *t.borrow_mut() = Some(vec![Duration::ZERO; super::REGISTRY.len()]));
    }

    /// Stops recording; the totals, indexed like `REGISTRY` (empty when not started).
    pub fn stop() -> Vec<Duration> {
        TOTALS.with(|t| t.borrow_mut().take().unwrap_or_default())
    }

    pub(super) fn recording() -> bool {
        TOTALS.with(|t| t.borrow().is_some())
    }

    pub(super) fn add(index: usize, elapsed: Duration) {
        TOTALS.with(|t| {
            if let Some(total) = t.borrow_mut().as_mut().and_then(|totals| totals.get_mut(index)) {
                *total += elapsed;
            }
        });
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn records_only_between_start_and_stop() {
            let message = "From: a@example.com\nTo: b@example.com\nSubject: Hi\n\nHello\n";
            let _ = crate::lint(message.as_bytes(), &crate::Options::default());
            assert!(stop().is_empty(), "nothing is recorded before start");
            start();
            let _ = crate::lint(message.as_bytes(), &crate::Options::default());
            let totals = stop();
            assert_eq!(totals.len(), super::super::REGISTRY.len());
            let index = super::super::REGISTRY.iter().position(|r| r.id == "spam/adult-terms").unwrap();
            assert!(!totals[index].is_zero(), "a rule that ran has a time");
            assert!(stop().is_empty(), "stop ends the recording");
        }
    }
}

/// What a message holds of the inputs a rule may declare it reads alone (`Check`).
struct Inputs {
    html: bool,
    dkim: bool,
    attachments: bool,
    links: bool,
    smtp: bool,
}

impl Inputs {
    fn of(message: &Message, settings: &Settings) -> Inputs {
        Inputs {
            html: reading::html_documents(message).next().is_some(),
            dkim: !message.identity.dkim.is_empty(),
            attachments: message.attachment_facts.iter().any(|a| !a.facts.is_empty()),
            // A shortener written without a scheme is a link to `links/shortener` too.
            links: reading::links(message).next().is_some() || reading::writes_bare_host_paths(message),
            smtp: settings.smtp.is_some(),
        }
    }

    /// Whether the message (or the settings) holds what `check` reads: a rule
    /// of HTML, DKIM signatures, attachments, links or SMTP settings has
    /// nothing to read without them.
    fn feed(&self, check: &Check) -> bool {
        match check {
            Check::Html(_) => self.html,
            Check::Dkim(_) => self.dkim,
            Check::Attachments(_) => self.attachments,
            Check::Links(_) => self.links,
            Check::Settings(_) => self.smtp,
            Check::Message(_) => true,
        }
    }
}

/// Runs the rules that read the settings alone (no message needed).
pub fn run_settings_rules(settings: &Settings) -> Vec<Finding> {
    let mut findings = Vec::new();
    for rule in REGISTRY {
        if let Check::Settings(check) = rule.check {
            if let Some(mut cx) = Context::new(settings, rule, &mut findings, None) {
                check(settings, &mut cx);
            }
        }
    }
    findings
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Origin;

    /// Messages without HTML, DKIM signatures, attachment findings or links,
    /// of the kinds the declared rules might be tempted to read otherwise:
    /// links and markup in plain text, an unsubscribe header pair, images, HTML
    /// and AMP as attachments, signature-like field names, addresses and hosts
    /// that are no links (in headers, bare domains, a URL in an attachment's
    /// name, a Received field's address).
    const WITHOUT: &[&str] = &[
        "From: a@example.com\nTo: b@example.org\nSubject: Hi\n\nSee <a href=\"http://x.example\">http://x.example</a> and https://bit.ly/x, mailto:a@\n",
        "From: a@example.com\nTo: b@example.org\nSubject: Your account\n\nLog in at https://www.paypal.com@evil.example/login or http://192.0.2.1/x\nor https://xn--pypal-4ve.com/ or www.paypal.com (https://evil.example/)\n",
        "From: a@example.com\nTo: b@example.org\nSubject: News\nList-Unsubscribe: <https://x.example/u>\nList-Unsubscribe-Post: List-Unsubscribe=One-Click\nList-Id: <news.example.com>\n\n<p style=\"color:#fff\">hidden</p>\n",
        "From: a@example.com\nTo: b@example.org\nSubject: Files\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"b\"\n\n--b\nContent-Type: text/plain\n\nHello\n--b\nContent-Type: text/html; name=\"page.html\"\nContent-Disposition: attachment; filename=\"page.html\"\n\n<a href=\"/x\">x</a>\n--b\nContent-Type: image/png\nContent-Disposition: inline\nContent-Transfer-Encoding: base64\n\niVBORw0KGgo=\n--b--\n",
        "From: a@example.com\nTo: b@example.org\nSubject: AMP\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"b\"\n\n--b\nContent-Type: text/plain\n\nHello\n--b\nContent-Type: text/x-amp-html\nContent-Disposition: attachment; filename=\"amp.html\"\n\n<html amp4email><body><p style=\"color:#fff\">x</p><a href=\"#\">x</a></body></html>\n--b--\n",
        "From: a@example.com\nTo: b@example.org\nSubject: Hi\nX-DKIM-Signature: v=1; a=rsa-sha1; d=other.example; s=s; h=to; bh=x; b=y\nARC-Message-Signature: i=1; a=rsa-sha256; d=other.example; s=s; h=from; bh=x; b=y\n\nHello\n",
        "From: \"https://paypal.com@evil.example\" <a@xn--pypal-4ve.com>\nTo: b@192.0.2.1\nReply-To: c@bit.ly\nSubject: Visit paypal.com@evil.example or bit.ly/x or 192.0.2.1\nReceived: from [192.0.2.1] by mx.example.net; Mon, 2 Mar 2026 10:00:00 +0000\nList-Unsubscribe: <https://bit.ly/u>, <http://192.0.2.1/u>\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"b\"\n\n--b\nContent-Type: text/plain\n\nGo to paypal.com, xn--pypal-4ve.com or 192.0.2.1 (user@host.example)\n--b\nContent-Type: application/pdf; name=\"https://bit.ly/x.pdf\"\nContent-Disposition: attachment; filename=\"http://192.0.2.1/a.pdf\"\nContent-Transfer-Encoding: base64\n\nJVBERi0xLjQK\n--b--\n",
    ];

    /// A rule that declares it reads only the HTML documents (or the DKIM
    /// signatures, the attachments' inspection or the links) gives no finding
    /// for a message without them: its check, called anyway on every raw
    /// example of every rule that has none and on `WITHOUT`, finds nothing, so
    /// `run_all` not calling it changes no report.
    #[test]
    fn a_rule_of_html_dkim_attachments_or_links_finds_nothing_without_them() {
        let mut raws: Vec<Vec<u8>> = REGISTRY
            .iter()
            .flat_map(|rule| rule.examples.iter())
            .filter_map(|example| match example.input {
                ExampleInput::Raw(text) => Some(text.as_bytes().to_vec()),
                ExampleInput::Generated(make) => Some(make()),
                _ => None,
            })
            .collect();
        raws.extend(WITHOUT.iter().map(|text| text.as_bytes().to_vec()));
        let mut settings = Settings::default();
        settings.now = Some(1_900_000_000);
        // What the rules read of the settings is set, so that none returns for want of it.
        settings.listed_ips = vec!["192.0.2.0/24".to_string(), "2001:db8::/32".to_string()];
        let mut asked: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
        for raw in &raws {
            let message = Message::analyse(raw, Origin::Raw, Vec::new(), &crate::rules::attachments::default_limits());
            let inputs = Inputs::of(&message, &settings);
            for rule in REGISTRY {
                let check = match rule.check {
                    Check::Html(check) | Check::Dkim(check) | Check::Attachments(check) | Check::Links(check)
                        if !inputs.feed(&rule.check) =>
                    {
                        check
                    }
                    _ => continue,
                };
                let mut findings = Vec::new();
                if let Some(mut cx) = Context::new(&settings, rule, &mut findings, Some((&message.line_index, message.raw))) {
                    check(&message, &mut cx);
                }
                let ids: Vec<&str> = findings.iter().map(|f| f.message_id.as_str()).collect();
                assert!(ids.is_empty(), "{} found {ids:?} in\n{}", rule.id, String::from_utf8_lossy(raw));
                *asked.entry(rule.id).or_insert(0) += 1;
            }
        }
        // Every declared rule was asked about many messages.
        let declared = REGISTRY
            .iter()
            .filter(|r| matches!(r.check, Check::Html(_) | Check::Dkim(_) | Check::Attachments(_) | Check::Links(_)));
        assert!(declared.clone().count() >= 31);
        for rule in declared {
            assert!(asked.get(rule.id).copied().unwrap_or(0) > 100, "{} asked about {:?} messages", rule.id, asked.get(rule.id));
        }
    }

    /// The rules of the SMTP settings find nothing without them (`run_all`
    /// does not call them then), and are called with them.
    #[test]
    fn a_rule_of_the_smtp_settings_finds_nothing_without_them() {
        let rules: Vec<&Rule> = REGISTRY.iter().copied().filter(|r| matches!(r.check, Check::Settings(_))).collect();
        assert!(rules.len() >= 2);
        let message = Message::analyse(b"From: a@example.com\n\nx\n", Origin::Raw, Vec::new(), &attachments::default_limits());
        let findings_of = |settings: &Settings| {
            let mut findings = Vec::new();
            for rule in &rules {
                let Check::Settings(check) = rule.check else { unreachable!() };
                assert_eq!(Inputs::of(&message, settings).feed(&rule.check), settings.smtp.is_some(), "{}", rule.id);
                if let Some(mut cx) = Context::new(settings, rule, &mut findings, None) {
                    check(settings, &mut cx);
                }
            }
            findings
        };
        assert_eq!(findings_of(&Settings::default()), []);
        let mut with = Settings::default();
        let smtp = crate::options::SmtpSettings { transport: Some("smtp".into()), host: Some("localhost".into()), ..Default::default() };
        with.smtp = Some(smtp);
        assert!(!findings_of(&with).is_empty(), "a placeholder host is reported");
    }
}
