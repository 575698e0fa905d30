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
fn port_587_with_tls_is_info_on_the_providers_server_and_passes_elsewhere() {
    let own = check_settings(&settings(r#"{"host":"ssl0.ovh.net","port":587,"security":"tls"}"#), Locale::En);
    assert_eq!(own.findings.len(), 1);
    assert_eq!(own.findings[0].severity, Severity::Info);
    // Seed 002 l. 215 binds the hosting's own addresses only: another provider's documented pair passes.
    let other = check_settings(&settings(r#"{"host":"smtp.gmail.com","port":587,"security":"starttls"}"#), Locale::Fr);
    assert_eq!(other.verdict, Verdict::Pass);
    assert!(other.findings.is_empty(), "{:?}", other.findings);
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

fn messages(json: &str) -> Vec<(String, Severity, String)> {
    let check = check_settings(&settings(json), Locale::En);
    check.findings.into_iter().map(|f| (f.message_id, f.severity, f.message)).collect()
}

#[test]
fn common_third_party_settings_pass() {
    for json in [
        r#"{"transport":"smtp","host":"smtp.office365.com","port":587,"security":"starttls","from":"me@corp.example"}"#,
        r#"{"transport":"smtp","host":"smtp.gmail.com","port":587,"security":"tls","from":"me@gmail.com"}"#,
        r#"{"transport":"smtp","host":"smtp.gmail.com","port":465,"security":"ssl","from":"me@gmail.com"}"#,
        r#"{"transport":"smtp","host":"smtp.mailgun.org","port":2525,"security":"tls","from":"me@corp.example"}"#,
        r#"{"transport":"smtp","host":"localhost","port":25,"security":"none"}"#,
        r#"{"transport":"smtp","host":"tls://smtp.example.org:587;ssl://backup.example.org:465","port":587,"security":"tls"}"#,
    ] {
        let check = check_settings(&settings(json), Locale::En);
        assert_eq!(check.verdict, Verdict::Pass, "{json}: {:?}", check.findings);
        assert!(check.findings.iter().all(|f| f.severity == Severity::Info), "{json}: {:?}", check.findings);
    }
    // An unusual pair on another host is at most an info that the guides do not cover it.
    let unusual = messages(r#"{"host":"smtp.example.org","port":8025,"security":"ssl"}"#);
    assert_eq!(unusual.len(), 1, "{unusual:?}");
    assert_eq!(unusual[0].0, "config/smtp-security.other-host-pair");
    assert_eq!(unusual[0].1, Severity::Info);
}

#[test]
fn a_wrong_pair_says_why() {
    for (json, id, words) in [
        (r#"{"host":"ssl0.ovh.net","port":465,"security":"starttls"}"#, "implicit-tls-starttls", "RFC 8314 §3.3"),
        (r#"{"host":"smtp.office365.com","port":465,"security":"tls"}"#, "implicit-tls-starttls", "first byte"),
        (r#"{"host":"ssl0.ovh.net","port":465,"security":"none"}"#, "implicit-tls-none", "first byte"),
        (r#"{"host":"ssl0.ovh.net","port":587,"security":"ssl"}"#, "starttls-port-ssl", "RFC 6409"),
        (r#"{"host":"smtp.office365.com","port":587,"security":"ssl"}"#, "starttls-port-ssl", "STARTTLS port"),
        (r#"{"host":"ssl0.ovh.net","port":25,"security":"none"}"#, "clear-text", "in clear"),
        (r#"{"host":"smtp.example.org","port":587}"#, "clear-text", "password"),
    ] {
        let found = messages(json);
        let warning = found.iter().find(|(_, s, _)| *s == Severity::Warning).unwrap_or_else(|| panic!("{json}: {found:?}"));
        assert_eq!(warning.0, format!("config/smtp-security.{id}"), "{json}");
        assert!(warning.2.contains(words), "{json}: {}", warning.2);
    }
}

#[test]
fn an_assumed_default_is_said() {
    let found = messages(r#"{"transport":"smtp","host":"ssl0.ovh.net"}"#);
    let assumed = found.iter().find(|(id, _, _)| id == "config/smtp-security.defaults-assumed").expect("said");
    assert_eq!(assumed.1, Severity::Info);
    assert!(assumed.2.contains("Port, SMTPSecure") && assumed.2.contains("PHPMailer"), "{}", assumed.2);
    assert!(found.iter().any(|(id, _, _)| id == "config/smtp-security.clear-text"), "{found:?}");
    let port_only = messages(r#"{"host":"ssl0.ovh.net","security":"ssl"}"#);
    assert!(port_only.iter().any(|(id, _, m)| id.ends_with("defaults-assumed") && m.contains("give Port:")), "{port_only:?}");
    assert!(port_only.iter().any(|(id, _, _)| id.ends_with("starttls-port-ssl")), "{port_only:?}");
    assert!(messages(r#"{"host":"ssl0.ovh.net","port":465,"security":"ssl"}"#).is_empty());
}

#[test]
fn a_port_and_a_prefix_written_in_the_host_are_the_ones_used() {
    // PHPMailer::smtpConnect: a Host entry's `:port` replaces Port, `ssl://` and `tls://`
    // replace SMTPSecure, for that entry.
    for json in [
        r#"{"transport":"smtp","host":"ssl://ssl0.ovh.net:465"}"#,
        r#"{"transport":"smtp","host":"ssl0.ovh.net:465","security":"ssl"}"#,
        r#"{"transport":"smtp","host":"ssl://ssl0.ovh.net","port":465,"security":"tls"}"#,
        // Not a port: Port is kept.
        r#"{"transport":"smtp","host":"ssl0.ovh.net:99999","port":465,"security":"ssl"}"#,
        r#"{"transport":"smtp","host":"[2001:db8::1]:465","security":"ssl"}"#,
    ] {
        assert_eq!(messages(json), [], "{json}");
    }
    let starttls = messages(r#"{"transport":"smtp","host":"tls://ssl0.ovh.net:587"}"#);
    let ids: Vec<&str> = starttls.iter().map(|(id, _, _)| id.as_str()).collect();
    assert_eq!(ids, ["config/smtp-security.provider-pair"], "{starttls:?}");
    assert_eq!(starttls[0].1, Severity::Info);
    // What the entry does not say is still assumed, and judged.
    let no_security = messages(r#"{"transport":"smtp","host":"ssl0.ovh.net:465"}"#);
    assert!(no_security.iter().any(|(id, _, m)| id.ends_with("defaults-assumed") && m.contains("do not give SMTPSecure:")), "{no_security:?}");
    assert!(no_security.iter().any(|(id, _, _)| id.ends_with("implicit-tls-none")), "{no_security:?}");
    let prefix_over_port = messages(r#"{"transport":"smtp","host":"tls://ssl0.ovh.net","port":465,"security":"ssl"}"#);
    assert!(prefix_over_port.iter().any(|(id, _, _)| id.ends_with("implicit-tls-starttls")), "{prefix_over_port:?}");
    // Each entry is judged with its own pair: the clear one is said once.
    let two = messages(r#"{"transport":"smtp","host":"ssl0.ovh.net:25;ssl://ssl0.ovh.net:465;ssl0.ovh.net:25","security":"none"}"#);
    let warnings: Vec<&str> = two.iter().filter(|(_, s, _)| *s == Severity::Warning).map(|(id, _, _)| id.as_str()).collect();
    assert_eq!(warnings, ["config/smtp-security.clear-text"], "{two:?}");
}

#[test]
fn a_host_that_is_no_host_name_is_an_error_with_its_reason() {
    let long_label = format!("{}.example.com", "a".repeat(64));
    let long_name = format!("{}.com", "abcdefghi.".repeat(26));
    let huge = format!("{}.com", "a".repeat(100_000));
    for (host, id, words) in [
        ("contact@bakery.example", "host-address", "e-mail address"),
        ("ssl0 .ovh.net", "host-space", "space"),
        (long_name.as_str(), "host-too-long", "RFC 1035 §2.3.4"),
        (long_label.as_str(), "host-label-too-long", "63"),
        (huge.as_str(), "host-too-long", "255"),
        ("ssl0..ovh.net", "host-empty-label", "two dots"),
        ("smtp/ovh.net", "host-character", "\"/\""),
    ] {
        let json = serde_json::json!({"transport": "smtp", "host": host, "port": 465, "security": "ssl"}).to_string();
        let check = check_settings(&settings(&json), Locale::En);
        assert_eq!(check.verdict, Verdict::Fail, "{id}");
        let finding = &check.findings[0];
        assert_eq!(finding.message_id, format!("config/smtp-security.{id}"));
        assert_eq!(finding.severity, Severity::Error);
        assert!(finding.message.contains(words), "{id}: {}", finding.message);
        assert!(finding.message.chars().count() < 600, "the host is quoted short: {}", finding.message.len());
    }
    // Host names as PHPMailer reads them pass: a prefix, a port, several hosts, an IP, a trailing dot.
    for host in ["ssl://ssl0.ovh.net", "ssl0.ovh.net:465", "a.example.org;b.example.org", "192.0.2.10", "[2001:db8::1]:465", "ssl0.ovh.net.", "SSL0.OVH.NET"] {
        let json = serde_json::json!({"transport": "smtp", "host": host, "port": 465, "security": "ssl"}).to_string();
        let check = check_settings(&settings(&json), Locale::En);
        assert!(check.findings.is_empty(), "{host}: {:?}", check.findings);
    }
    // An unknown top-level domain is no error (the list of TLDs changes; at most the connection fails).
    assert!(messages(r#"{"host":"ssl0.ovh.nt","port":465,"security":"ssl"}"#).is_empty());
}

#[test]
fn a_top_level_domain_that_holds_no_mail_server_is_said_without_a_list_of_them() {
    for (host, id, severity, words) in [
        ("smtp.example.123", "host-numeric-tld", Severity::Error, "RFC 1123 §2.1"),
        ("ssl0.ovh.net.25", "host-numeric-tld", Severity::Error, "\".25\""),
        ("smtp.example.c", "host-one-letter-tld", Severity::Warning, "\".c\""),
        ("smtp.example.invalid", "host-reserved", Severity::Warning, "RFC 2606 §2"),
        ("SMTP.MY-SITE.TEST.", "host-reserved", Severity::Warning, "\".test\""),
        ("mail.example", "host-reserved", Severity::Warning, "\".example\""),
        ("tls://smtp.example.invalid:587", "host-reserved", Severity::Warning, "RFC 6761 §6"),
    ] {
        let json = serde_json::json!({"transport": "smtp", "host": host, "port": 465, "security": "ssl"}).to_string();
        let found = messages(&json);
        assert_eq!(found.len(), 1, "{host}: {found:?}");
        assert_eq!(found[0].0, format!("config/smtp-security.{id}"), "{host}");
        assert_eq!(found[0].1, severity, "{host}");
        assert!(found[0].2.contains(words), "{host}: {}", found[0].2);
        for locale in Locale::ALL {
            let check = check_settings(&settings(&json), locale);
            assert!(check.findings[0].message.contains(&host.replace("tls://", "")[..4]), "{locale:?}: {}", check.findings[0].message);
        }
    }
    // Without a list, an unknown top-level domain is not judged; addresses, one-label
    // names and localhost (this machine, RFC 6761 §6.3) are no top-level domain to judge.
    for host in ["smtp.example.invalidtld", "ssl0.ovh.nt", "smtp.example.co", "192.0.2.10", "127.1", "mailhog", "smtp.localhost", "smtp.xn--p1ai", "[2001:db8::1]"] {
        let json = serde_json::json!({"transport": "smtp", "host": host, "port": 465, "security": "ssl"}).to_string();
        assert!(messages(&json).is_empty(), "{host}: {:?}", messages(&json));
    }
}

#[test]
fn every_new_settings_message_exists_in_every_language() {
    for json in [
        r#"{"host":"ssl0.ovh.net","port":465,"security":"starttls"}"#,
        r#"{"host":"ssl0.ovh.net","port":465,"security":"none"}"#,
        r#"{"host":"ssl0.ovh.net","port":587,"security":"ssl"}"#,
        r#"{"host":"smtp.example.org"}"#,
        r#"{"host":"smtp.example.org","port":8025,"security":"ssl"}"#,
        r#"{"host":"a@b.example","port":465,"security":"ssl"}"#,
        r#"{"host":"a b","port":465,"security":"ssl"}"#,
        r#"{"host":"a..b","port":465,"security":"ssl"}"#,
        r#"{"host":"a/b","port":465,"security":"ssl"}"#,
    ] {
        for locale in Locale::ALL {
            let check = check_settings(&settings(json), locale);
            assert!(!check.findings.is_empty(), "{json}");
            for f in &check.findings {
                assert!(!f.message.contains('{') && !f.message.is_empty(), "{json} {locale:?}: {}", f.message);
            }
        }
    }
}

#[test]
fn ports_and_reply_codes_are_written_as_is_in_every_language() {
    // A port or a reply code names something: never grouped ("port 2,525" would be
    // another number), even where quantities of four or five digits are.
    for locale in [Locale::En, Locale::Fr, Locale::Es, Locale::Pl] {
        let check = check_settings(&settings(r#"{"host":"ssl0.ovh.net","port":2525,"security":"ssl"}"#), locale);
        assert!(check.findings[0].message.contains(" 2525 "), "{locale:?}: {}", check.findings[0].message);
        let clear = check_settings(&settings(r#"{"host":"smtp.example.org","port":10025,"security":"none"}"#), locale);
        assert!(clear.findings[0].message.contains(" 10025 "), "{locale:?}: {}", clear.findings[0].message);
        let reply = mail_preflight::smtp::explain("550 Requested action not taken", locale);
        assert!(reply.basis_text.contains("550"), "{locale:?}: {}", reply.basis_text);
    }
}

#[test]
fn other_names_of_implicit_tls_read_as_ssl() {
    // "smtps" is PHPMailer's own name for "ssl" (ENCRYPTION_SMTPS) and Symfony Mailer's
    // DSN scheme for TLS from the first byte; "SSL/TLS" is the mail clients' label for it;
    // "true" is Nodemailer's `secure: true`.
    for security in ["smtps", "SMTPS", " smtps ", "SSL/TLS", "ssl/tls", "true"] {
        let json = serde_json::json!({"transport": "smtp", "host": "ssl0.ovh.net", "port": 465, "security": security}).to_string();
        let check = check_settings(&settings(&json), Locale::En);
        assert_eq!(check.verdict, Verdict::Pass, "{security}: {:?}", check.findings);
        assert!(check.findings.is_empty(), "{security}: {:?}", check.findings);
        // On a STARTTLS port it is the same mistake as "ssl" there.
        let json = serde_json::json!({"host": "ssl0.ovh.net", "port": 587, "security": security}).to_string();
        let found = messages(&json);
        assert_eq!(found[0].0, "config/smtp-security.starttls-port-ssl", "{security}: {found:?}");
    }
}

#[test]
fn a_script_that_does_not_log_in_to_the_hostings_server_is_refused() {
    // Seed 002: the guides' script sets SMTPAuth = true with the mailbox and its password.
    let found = messages(r#"{"transport":"smtp","host":"ssl0.ovh.net","port":465,"security":"ssl","auth":false}"#);
    let ids: Vec<&str> = found.iter().map(|(id, _, _)| id.as_str()).collect();
    assert_eq!(ids, ["config/smtp-security.no-login"], "{found:?}");
    assert_eq!(found[0].1, Severity::Warning);
    assert!(found[0].2.contains("530 5.7.0"), "{}", found[0].2);
    // Logged in, not said, or another host's server: nothing about it.
    for json in [
        r#"{"transport":"smtp","host":"ssl0.ovh.net","port":465,"security":"ssl","auth":true}"#,
        r#"{"transport":"smtp","host":"ssl0.ovh.net","port":465,"security":"ssl"}"#,
        r#"{"transport":"smtp","host":"localhost","port":25,"security":"none","auth":false}"#,
    ] {
        assert!(messages(json).iter().all(|(id, _, _)| !id.ends_with("no-login")), "{json}");
    }
    // Not a boolean: refused, as any field of the wrong kind.
    let bad: Result<SmtpSettings, _> = serde_json::from_str(r#"{"auth":"yes"}"#);
    assert!(bad.is_err());
}

// ── a PHP mail() call is the mail transport (seed 002 l. 97, seeds 000 and 004) ──

fn php_mail_with(smtp: &str) -> mail_preflight::Report {
    let call = mail_preflight::PhpMail::new("owner@my-site.example", "Test", "Body text here for you.", "From: contact@my-site.example");
    let options = mail_preflight::Options::from_json(&format!(r#"{{"smtp": {smtp}}}"#)).expect("options");
    mail_preflight::lint_php_mail(&call, &options).expect("lints")
}

fn config_findings(report: &mail_preflight::Report) -> Vec<(&str, Severity)> {
    report.findings.iter().filter(|f| f.rule_id.starts_with("config/")).map(|f| (f.rule_id.as_str(), f.severity)).collect()
}

#[test]
fn a_php_mail_call_whose_settings_name_an_smtp_host_is_an_error_without_a_transport() {
    for smtp in [r#"{"host":"ssl0.ovh.net","port":465,"security":"ssl"}"#, r#"{"host":"ssl0.ovh.net"}"#, r#"{"transport":"","host":"ssl0.ovh.net"}"#] {
        let report = php_mail_with(smtp);
        assert_eq!(config_findings(&report), vec![("config/smtp-with-mail", Severity::Error)], "{smtp}");
        assert_eq!(report.verdict, Verdict::Fail, "{smtp}");
        let finding = report.findings.iter().find(|f| f.rule_id == "config/smtp-with-mail").expect("found");
        assert!(finding.message.contains("ssl0.ovh.net"), "{}", finding.message);
    }
}

#[test]
fn a_php_mail_call_is_not_judged_as_an_smtp_script() {
    // No "port 25 … the password travels in clear": mail() sends no password over SMTP.
    let report = php_mail_with(r#"{"host":"ssl0.ovh.net"}"#);
    assert!(report.findings.iter().all(|f| f.rule_id != "config/smtp-security"), "{:?}", report.findings);
}

#[test]
fn a_php_mail_call_keeps_an_explicit_transport() {
    // `transport` says how the script sends (README "Options"): said explicitly, it is kept.
    let smtp = php_mail_with(r#"{"transport":"smtp","host":"ssl0.ovh.net","port":465,"security":"ssl"}"#);
    assert_eq!(config_findings(&smtp), vec![]);
    let clear = php_mail_with(r#"{"transport":"SMTP","host":"ssl0.ovh.net","port":25,"security":"none"}"#);
    assert!(config_findings(&clear).iter().all(|(id, _)| *id == "config/smtp-security"), "{:?}", clear.findings);
    assert!(!config_findings(&clear).is_empty());
    let mail = php_mail_with(r#"{"transport":"mail","host":"ssl0.ovh.net"}"#);
    assert_eq!(config_findings(&mail), vec![("config/smtp-with-mail", Severity::Error)]);
    let no_host = php_mail_with(r#"{"port":465,"security":"ssl"}"#);
    assert_eq!(config_findings(&no_host), vec![]);
}

#[test]
fn a_raw_message_still_reads_a_host_without_transport_as_an_smtp_script() {
    let raw = "From: contact@my-site.example\r\nTo: owner@my-site.example\r\nSubject: Test\r\nDate: Mon, 2 Mar 2026 10:00:00 +0000\r\nMessage-ID: <a@my-site.example>\r\n\r\nBody\r\n";
    let options = mail_preflight::Options::from_json(r#"{"smtp": {"host":"ssl0.ovh.net","port":465,"security":"ssl"}}"#).expect("options");
    let report = mail_preflight::lint(raw.as_bytes(), &options).expect("lints");
    assert_eq!(config_findings(&report), vec![]);
}

#[test]
fn a_mailbox_reading_port_cannot_send_on_any_server_and_a_reading_host_is_a_hint() {
    // IANA: 110 pop3, 143 imap, 993 imaps, 995 pop3s (RFC 8314 §3.2); no SMTP greeting there.
    for (port, security, protocol) in [(993, "ssl", "IMAP (TLS)"), (995, "ssl", "POP3 (TLS)"), (143, "tls", "IMAP"), (110, "none", "POP3")] {
        for host in ["ssl0.ovh.net", "mail.example.org"] {
            let json = format!(r#"{{"host":"{host}","port":{port},"security":"{security}"}}"#);
            let check = check_settings(&settings(&json), Locale::En);
            assert_eq!(check.findings.len(), 1, "{json}: {:?}", check.findings);
            assert_eq!(check.findings[0].severity, Severity::Warning, "{json}");
            assert!(check.findings[0].message.contains(&format!("the {protocol} port")), "{json}: {}", check.findings[0].message);
            assert!(check.findings[0].message.contains("465 with ssl"), "{json}");
        }
    }
    // A PHPMailer Host entry's own :port is read the same way.
    let entry = check_settings(&settings(r#"{"host":"ssl://mail.example.org:993"}"#), Locale::Pl);
    assert!(entry.findings.iter().any(|f| f.severity == Severity::Warning && f.message.contains("993")), "{:?}", entry.findings);
    // A host named for IMAP or POP3 with the right pair: information only.
    for host in ["imap.example.org", "POP3.mail.example.org", "pop.example.org"] {
        let json = format!(r#"{{"host":"{host}","port":465,"security":"ssl"}}"#);
        let check = check_settings(&settings(&json), Locale::En);
        assert_eq!(check.verdict, Verdict::Pass, "{json}");
        assert_eq!(check.findings.len(), 1, "{json}: {:?}", check.findings);
        assert_eq!(check.findings[0].severity, Severity::Info, "{json}");
        assert!(check.findings[0].message.contains(host), "{json}");
    }
    // Not for a name that only starts with those letters, nor a single label.
    for host in ["imapper.example.org", "smtp.imap.example.org", "popular.example.org", "imap"] {
        let json = format!(r#"{{"host":"{host}","port":465,"security":"ssl"}}"#);
        assert!(check_settings(&settings(&json), Locale::En).findings.is_empty(), "{json}");
    }
}

/// Megabyte fields and a `Host` of 300,000 entries (measured at 694 ns a byte in
/// the wasm before the entries were read once, #14) still get their findings,
/// each quoted short: the evidence of `config/smtp-with-mail` quoted the
/// settings whole (a 1 MB host came back as 1 MB of evidence).
#[test]
fn megabyte_fields_and_many_host_entries_get_their_findings_quoted_short() {
    let max = mail_preflight::rules::config::MAX_EVIDENCE_QUOTED;
    let short = |check: &mail_preflight::smtp::SmtpSettingsCheck| {
        for f in &check.findings {
            assert!(f.evidence.chars().count() <= max, "{}: evidence of {} characters", f.message_id, f.evidence.len());
            assert!(f.message.chars().count() < 1_000, "{}: message of {} bytes", f.message_id, f.message.len());
        }
    };
    let ids = |check: &mail_preflight::smtp::SmtpSettingsCheck| {
        check.findings.iter().map(|f| f.message_id.rsplit('.').next().unwrap_or("").to_string()).collect::<Vec<_>>()
    };
    let big = "a".repeat(1 << 20);
    let with_mail = serde_json::json!({"transport": "mail", "host": big}).to_string();
    let check = check_settings(&settings(&with_mail), Locale::En);
    assert_eq!(check.findings.len(), 1, "{:?}", ids(&check));
    short(&check);
    for (json, id) in [
        (serde_json::json!({"transport": "smtp", "host": format!("{big}.com"), "port": 465, "security": "ssl"}), "host-too-long"),
        (serde_json::json!({"transport": "smtp", "host": "a;".repeat(300_000), "port": 25, "security": "ssl"}), "starttls-port-ssl"),
        (serde_json::json!({"transport": " SMTP ", "host": "ssl0.ovh.net", "port": 465, "security": big.clone()}), "not-recommended"),
        (serde_json::json!({"transport": "smtp", "host": "ssl0.ovh.net", "port": 587, "security": "tls", "from": format!("{big}@gmail.com")}), "other-provider-address"),
    ] {
        let check = check_settings(&settings(&json.to_string()), Locale::En);
        assert!(ids(&check).iter().any(|i| i == id), "{id}: {:?}", ids(&check));
        short(&check);
    }
    // Entries of their own ports are each judged once, in order: the first clear one is said.
    let ports: String = (1..=20_000).map(|p| format!("ssl0.ovh.net:{p};")).collect();
    let check = check_settings(&settings(&serde_json::json!({"host": ports, "security": "none"}).to_string()), Locale::En);
    let clear = check.findings.iter().find(|f| f.message_id == "config/smtp-security.clear-text").expect("clear-text");
    assert!(clear.message.starts_with("Port 1 "), "{}", clear.message);
    short(&check);
}
