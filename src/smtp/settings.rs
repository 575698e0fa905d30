//! The SMTP settings check: the `config/*` rules run over settings alone
//! (the bindings' `checkSmtpSettings`), without a message to lint.

use super::SmtpSettingsCheck;
use crate::i18n::Locale;
use crate::model::Message;
use crate::options::{Options, SmtpSettings};
use crate::report::{Origin, Report};
use crate::rules::{config, Context, Group, REGISTRY};

/// Runs every `config/*` rule over `settings`.
pub fn check_settings(settings: &SmtpSettings, locale: Locale) -> SmtpSettingsCheck {
    let options = Options { locale, smtp: Some(settings.clone()), ..Options::default() };
    // The config rules read only the options; they still take a message.
    let message = Message::analyse(
        config::EXAMPLE_MESSAGE.as_bytes(),
        Origin::Raw,
        Vec::new(),
        &options.thresholds.attachments.limits(),
    );
    let mut findings = Vec::new();
    for rule in REGISTRY.iter().filter(|r| r.group == Group::Config) {
        if let Some(mut cx) = Context::new(&options, rule, &mut findings, &message.line_index) {
            (rule.check)(&message, &mut cx);
        }
    }
    let (verdict, _) = Report::verdict_of(&findings);
    SmtpSettingsCheck { locale, settings: settings.clone(), verdict, findings }
}
