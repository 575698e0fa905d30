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

/// One list says who is a mailbox provider: the sender rules' data file.
fn listed_provider_domains() -> Vec<String> {
    include_str!("../src/rules/sender/mailbox_providers.txt")
        .lines()
        .filter(|line| !line.starts_with('#'))
        .filter_map(|line| line.split_whitespace().next())
        .map(str::to_string)
        .collect()
}

fn other_provider_domain_of(check: &mail_preflight::smtp::SmtpSettingsCheck) -> Option<String> {
    let finding = check.findings.iter().find(|f| f.message_id == "config/smtp-security.other-provider-address")?;
    Some(finding.message.clone())
}

#[test]
fn port_587_from_any_listed_mailbox_provider_is_not_the_hostings_own_address() {
    let domains = listed_provider_domains();
    // The former list of the settings check is in it (yandex.com was its alone), and more.
    for former in ["gmail.com", "yandex.com", "mail.ru", "zoho.com", "onet.pl"] {
        assert!(domains.iter().any(|d| d == former), "{former} listed");
    }
    for domain in &domains {
        let json = format!(r#"{{"host":"ssl0.ovh.net","port":587,"security":"starttls","from":"Me <me@{}>"}}"#, domain.to_uppercase());
        let check = check_settings(&settings(&json), Locale::En);
        assert_eq!(check.verdict, Verdict::Warn, "{domain}");
        let message = other_provider_domain_of(&check).unwrap_or_else(|| panic!("{domain}: {:?}", check.findings));
        assert!(message.contains(&format!("({domain})")), "{message}");
    }
    let own = check_settings(&settings(r#"{"host":"ssl0.ovh.net","port":587,"security":"starttls","from":"me@my-site.example"}"#), Locale::En);
    assert_eq!(other_provider_domain_of(&own), None);
    assert_eq!(own.findings[0].severity, Severity::Info);
}

#[test]
fn the_port_587_check_reads_the_configured_mailbox_providers() {
    use mail_preflight::{lint, Options};
    let raw = b"From: me@seznam.cz\r\nTo: b@example.org\r\nSubject: Hi\r\nDate: Mon, 1 Jan 2024 00:00:00 +0000\r\nMessage-ID: <a@b.example>\r\n\r\nHello\r\n";
    let smtp = r#""smtp": {"host": "ssl0.ovh.net", "port": 587, "security": "starttls", "from": "me@seznam.cz"}"#;
    let ids = |options: &str| -> Vec<String> {
        let report = lint(raw, &Options::from_json(options).expect("options")).expect("lints");
        report.findings_of("config/smtp-security").map(|f| f.message_id.clone()).collect()
    };
    // Not listed by default: the benefit of the doubt (the provider's pair, info).
    assert_eq!(ids(&format!("{{{smtp}}}")), ["config/smtp-security.provider-pair"]);
    // Listed by the caller: another provider's address.
    let added = format!(r#"{{{smtp}, "thresholds": {{"sender": {{"mailboxProviders": ["seznam.cz unknown unverified"]}}}}}}"#);
    assert_eq!(ids(&added), ["config/smtp-security.other-provider-address"]);
}
