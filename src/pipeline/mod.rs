//! The main line: input → settings (options checked once) → analysed message
//! → every rule → report. `lib.rs` re-exports what callers use.

pub mod analysis;
pub mod docs;
mod recognise;
pub mod resolve;
mod schema;

use crate::custom::CustomRules;
use crate::error::{LintError, MAX_INPUT_BYTES};
use crate::input::{Compose, PhpMail, PhpPlatform};
use crate::inspect;
use crate::model::Message;
use crate::options::Options;
use crate::report::{Origin, Report, Sizes};
use crate::rules;
use crate::settings::{Settings, Threshold};
use analysis::Analysis;

pub use recognise::recognise;
pub use resolve::resolve;

/// The version of the engine (the crate version).
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Thresholds of the analysis stages (MIME, HTML, attachments), resolved with
/// the rules' own (`thresholds.<group>.<name>` in the options).
pub const ANALYSIS_LIMITS: &[&Threshold] = rules::attachments::INSPECTION_LIMITS;

/// A linter for one options value: the options are checked and resolved once,
/// the custom rules compiled once, then any number of messages are linted with them.
#[derive(Debug, Clone)]
pub struct Linter {
    settings: Settings,
    /// `customRules` and `spamassassinRules`, compiled (`src/custom`).
    custom: CustomRules,
    /// The attachment inspection's limits, from the settings (`ANALYSIS_LIMITS`).
    inspection: inspect::Limits,
    /// Where PHP runs, for `lint_php_mail` (`options.php.platform`).
    php_platform: PhpPlatform,
}

impl Linter {
    /// Checks `options` (unknown fields, rule ids and thresholds, values out of
    /// range) and compiles the custom rules.
    pub fn new(options: &Options) -> Result<Linter, LintError> {
        let php_platform = options.php.as_ref().map(|php| php.platform).unwrap_or_default();
        let custom = CustomRules::from_options(options)?;
        let custom_ids: Vec<&str> = custom.ids().collect();
        let settings = resolve::resolve_with(options, &custom_ids)?;
        let inspection = rules::attachments::limits(&settings);
        Ok(Linter { settings, custom, inspection, php_platform })
    }
    pub fn settings(&self) -> &Settings {
        &self.settings
    }
    /// The compiled custom rules (and how a SpamAssassin text loaded).
    pub fn custom_rules(&self) -> &CustomRules {
        &self.custom
    }

    /// Lints a raw RFC 5322 message.
    pub fn lint(&self, raw: &[u8]) -> Result<Report, LintError> {
        with_raw(raw, &self.inspection, |message| self.report_for(message, None))
    }

    /// Lints the message a mailer would build from compose fields (Nodemailer shape).
    pub fn lint_compose(&self, compose: &Compose) -> Result<Report, LintError> {
        with_compose(compose, &self.inspection, |message, rendered| self.report_for(message, Some(rendered)))
    }

    /// Lints the message PHP `mail(to, subject, message, additional_headers)` hands to sendmail.
    pub fn lint_php_mail(&self, call: &PhpMail) -> Result<Report, LintError> {
        check_input_size(call.input_size())?;
        let rendered = call.render_on(self.php_platform);
        check_input_size(rendered.len())?;
        let message = Message::analyse(&rendered, Origin::PhpMail, call.input_fields(), &self.inspection);
        // The call is PHP mail(): SMTP settings given without a transport are judged as mail()'s.
        let for_mail_call = self.settings.smtp.as_ref().and_then(rules::config::for_mail_call);
        match for_mail_call {
            Some(smtp) => {
                let mut settings = self.settings.clone();
                settings.smtp = Some(smtp);
                Ok(self.report_with(&settings, &message, Some(&rendered)))
            }
            None => Ok(self.report_for(&message, Some(&rendered))),
        }
    }

    /// The analysed parts of a raw message (MIME tree, header offsets, text
    /// previews, hidden HTML text, links): what a page shows beside the report.
    pub fn analyse(&self, raw: &[u8]) -> Result<Analysis, LintError> {
        with_raw(raw, &self.inspection, |message| self.analysis_for(message, None))
    }

    /// The analysed parts of the message a mailer would build from compose fields.
    pub fn analyse_compose(&self, compose: &Compose) -> Result<Analysis, LintError> {
        with_compose(compose, &self.inspection, |message, rendered| self.analysis_for(message, Some(rendered)))
    }

    fn analysis_for(&self, message: &Message, rendered: Option<&[u8]>) -> Analysis {
        let min_contrast = self.settings.number(&rules::spam::invisible_text::INVISIBLE_MIN_CONTRAST);
        analysis::analysis_of(message, rendered, min_contrast)
    }

    /// Runs the rules over an analysed message and builds the report.
    pub fn report_for(&self, message: &Message, rendered: Option<&[u8]>) -> Report {
        self.report_with(&self.settings, message, rendered)
    }

    /// The report with `settings` (the linter's, or those of a `mail()` call).
    fn report_with(&self, settings: &Settings, message: &Message, rendered: Option<&[u8]>) -> Report {
        let mut findings = rules::run_all(message, settings);
        findings.extend(self.custom.findings(message, settings));
        let spam_score = Report::settle_spam_score(&mut findings);
        let spam_threshold = settings.spam_threshold;
        let (verdict, counts) = Report::verdict_of(&findings, spam_score, spam_threshold);
        Report {
            version: VERSION.to_string(),
            verdict,
            spam_score,
            spam_threshold,
            locale: settings.locale,
            origin: message.origin,
            sizes: Sizes {
                encoded: message.encoded_size() as u64,
                headers: message.header.body_start.min(message.raw.len()).saturating_sub(message.content_start) as u64,
                decoded: message.decoded_size as u64,
                limit: settings.count(&rules::size::total::MAX_MESSAGE_BYTES) as u64,
            },
            counts,
            findings,
            source: rendered.map(|r| String::from_utf8_lossy(r).into_owned()),
        }
    }
}

/// `then` over the analysed raw message. Empty input or a file of another kind
/// is a coded error, not a page of findings about missing headers; rendered
/// compose and `mail()` input always has a header, so only raw input is checked.
fn with_raw<T>(raw: &[u8], limits: &inspect::Limits, then: impl FnOnce(&Message) -> T) -> Result<T, LintError> {
    check_input_size(raw.len())?;
    recognise(raw)?;
    Ok(then(&Message::analyse(raw, Origin::Raw, Vec::new(), limits)))
}

/// `then` over the analysed message a mailer would build from `compose`, and its bytes.
fn with_compose<T>(
    compose: &Compose,
    limits: &inspect::Limits,
    then: impl FnOnce(&Message, &[u8]) -> T,
) -> Result<T, LintError> {
    check_input_size(compose.input_size())?;
    compose.check_bounds()?;
    let rendered = compose.rendered()?;
    check_input_size(rendered.bytes.len())?;
    // `raw`, or a raw part that is the whole message, is sent as it is: it must
    // be a message like any raw input, the fields given beside are not in it
    // and Nodemailer adds none.
    let (input_fields, mailer_adds) = if rendered.as_given {
        recognise(&rendered.bytes)?;
        (Vec::new(), &[][..])
    } else {
        (compose.input_fields(), crate::model::MAILER_ADDS)
    };
    let message = Message::analyse(&rendered.bytes, Origin::Compose, input_fields, limits).with_compose_input(
        mailer_adds,
        compose.notes.clone(),
        compose.envelope_sender(),
    );
    Ok(then(&message, &rendered.bytes))
}

fn check_input_size(len: usize) -> Result<(), LintError> {
    if len > MAX_INPUT_BYTES {
        return Err(LintError::InputTooLarge { size: len, limit: MAX_INPUT_BYTES });
    }
    Ok(())
}

/// Lints a raw RFC 5322 message.
pub fn lint(raw: &[u8], options: &Options) -> Result<Report, LintError> {
    check_input_size(raw.len())?;
    linter_for(options)?.lint(raw)
}

/// The linter for `options`: the last one this thread made when the options are
/// the same (resolving options builds every default list: 15 % of a lint of a
/// corpus message when done each time, #14), else a new one.
fn linter_for(options: &Options) -> Result<std::rc::Rc<Linter>, LintError> {
    thread_local! {
        static LAST: std::cell::RefCell<Option<(Options, std::rc::Rc<Linter>)>> = const { std::cell::RefCell::new(None) };
    }
    if let Some(linter) = LAST.with(|last| last.borrow().as_ref().filter(|(o, _)| o == options).map(|(_, l)| l.clone())) {
        return Ok(linter);
    }
    let linter = std::rc::Rc::new(Linter::new(options)?);
    LAST.with(|last| *last.borrow_mut() = Some((options.clone(), linter.clone())));
    Ok(linter)
}

/// Lints the message a mailer would build from compose fields (Nodemailer shape).
pub fn lint_compose(compose: &Compose, options: &Options) -> Result<Report, LintError> {
    linter_for(options)?.lint_compose(compose)
}

/// Lints the message PHP `mail(to, subject, message, additional_headers)` hands to sendmail.
pub fn lint_php_mail(call: &PhpMail, options: &Options) -> Result<Report, LintError> {
    linter_for(options)?.lint_php_mail(call)
}

