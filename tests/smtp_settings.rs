//! SMTP settings check (SPEC §2 Sending configuration), through `check_settings`.

use mail_preflight::options::SmtpSettings;
use mail_preflight::smtp::check_settings;
use mail_preflight::{Locale, Severity, Verdict};

fn settings(json: &str) -> SmtpSettings {
    serde_json::from_str(json).expect("settings")
}

#[test]
fn port_465_with_ssl_passes() {
    let json = r#"{"transport":"smtp","host":"ssl0.ovh.net","port":465,"security":"ssl"}"#;
    let check = check_settings(&settings(json), Locale::En);
    assert_eq!(check.verdict, Verdict::Pass);
    assert!(check.findings.is_empty());
}

#[test]
fn port_587_with_tls_is_info_on_the_providers_server_and_a_warning_elsewhere() {
    let own = check_settings(&settings(r#"{"host":"ssl0.ovh.net","port":587,"security":"tls"}"#), Locale::En);
    assert_eq!(own.findings.len(), 1);
    assert_eq!(own.findings[0].severity, Severity::Info);
    let other = check_settings(&settings(r#"{"host":"smtp.gmail.com","port":587,"security":"starttls"}"#), Locale::Fr);
    assert_eq!(other.verdict, Verdict::Warn);
    assert!(other.findings[0].message.contains("smtp.gmail.com"));
    assert!(other.findings[0].fix.contains("465"));
}

#[test]
fn an_smtp_host_with_mail_is_an_error() {
    let check = check_settings(&settings(r#"{"transport":"mail","host":"smtp.example.com"}"#), Locale::Es);
    assert_eq!(check.verdict, Verdict::Fail);
    assert_eq!(check.findings[0].rule_id, "config/smtp-with-mail");
    assert!(check.findings[0].message.contains("smtp.example.com"));
}

#[test]
fn anything_else_is_flagged_with_the_fix() {
    for json in [
        r#"{"transport":"smtp","host":"ssl0.ovh.net","port":25}"#,
        r#"{"transport":"smtp","host":"ssl0.ovh.net","port":465,"security":"tls"}"#,
        r#"{"transport":"smtp","host":"ssl0.ovh.net","port":587,"security":"ssl"}"#,
        r#"{"transport":"smtp","host":"ssl0.ovh.net","port":2525,"security":"ssl"}"#,
    ] {
        let check = check_settings(&settings(json), Locale::Pl);
        assert_eq!(check.verdict, Verdict::Warn, "{json}");
        assert_eq!(check.findings[0].rule_id, "config/smtp-security", "{json}");
        assert!(check.findings[0].fix.contains("465"), "{json}");
    }
}

#[test]
fn empty_settings_raise_nothing() {
    assert!(check_settings(&SmtpSettings::default(), Locale::En).findings.is_empty());
}
