//! The SMTP settings check: the `config/*` rules read the settings alone
//! (the bindings' `checkSmtpSettings`), no message needed.

use super::SmtpSettingsCheck;
use crate::i18n::Locale;
use crate::options::SmtpSettings;
use crate::report::Report;
use crate::settings::Settings;

/// Runs every rule that reads the settings alone (the `config/*` rules) over `settings`.
pub fn check_settings(settings: &SmtpSettings, locale: Locale) -> SmtpSettingsCheck {
    check_settings_owned(settings.clone(), locale)
}

/// `check_settings` of settings the caller gives away: they are read and then
/// echoed in the result without a copy (a field may hold megabytes).
pub fn check_settings_owned(settings: SmtpSettings, locale: Locale) -> SmtpSettingsCheck {
    let mut resolved = Settings::default();
    resolved.locale = locale;
    resolved.smtp = Some(settings);
    let mut findings = crate::rules::run_settings_rules(&resolved);
    let spam_score = Report::settle_spam_score(&mut findings);
    let (verdict, _) = Report::verdict_of(&findings, spam_score, resolved.spam_threshold);
    let settings = resolved.smtp.take().unwrap_or_default();
    SmtpSettingsCheck { locale, settings, verdict, findings }
}
