//! The `config/*` rules: they read the SMTP settings given in `Options::smtp`
//! and raise nothing when none are given.
//!
//! Guides (seeds 000/002/004, "Sending e-mails with an SMTP script"): the
//! recommended pair is `SMTPSecure = "ssl"` with `Port = 465`; `"starttls"` or
//! `"tls"` with port 587 only when the address is one of the provider's own.

pub mod smtp_security;
pub mod smtp_with_mail;

use crate::options::SmtpSettings;
use crate::rules::sender::provider;
use crate::settings::Settings;

/// The recommended pair (guides: "ssl" with port 465 "remains the preferred configuration").
pub const RECOMMENDED_PORT: u32 = 465;
pub const RECOMMENDED_SECURITY: &str = "ssl";
/// The pair allowed for the provider's own mailboxes only.
pub const PROVIDER_ONLY_PORT: u32 = 587;
/// PHPMailer's defaults when a script sets no port or no security: port 25, no encryption.
pub const DEFAULT_PORT: u32 = 25;

/// Host names of the provider's own mail servers (its mailboxes send through
/// them): `ssl0.ovh.net`, `pro1.mail.ovh.net`, `smtp.mail.ovh.ca`, …
pub const PROVIDER_SMTP_HOST_SUFFIXES: &[&str] = &[".ovh.net", ".ovh.ca", ".ovh.com"];

/// The guide's example host (seed 002 l. 205: `$mail->Host = "your.smtp.server";`,
/// « en remplaçant uniquement les valeurs `Host`, `Username` et `Password` »):
/// left as is, the script connects nowhere.
pub const PLACEHOLDER_HOSTS: &[&str] = &["your.smtp.server"];

/// The domain of `from` when it is at a public mailbox provider, not one of the
/// hosting's own mailboxes, which alone may use port 587 (seed 002 l. 215). The
/// providers are the configured `sender.mailboxProviders` list, the one the
/// sender rules read: a domain a caller adds there (or removes) is a provider
/// for this check too. An address at any other domain may be hosted by the
/// provider; the settings cannot tell, so it is given the benefit of the doubt.
pub fn other_provider_domain(settings: &Settings, from: &str) -> Option<String> {
    let (_, domain) = from.trim().trim_end_matches('>').rsplit_once('@')?;
    let domain = domain.trim_end_matches('.').to_ascii_lowercase();
    provider(settings, &domain).map(|provider| provider.domain)
}

/// How the script sends, read from the settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Transport {
    /// PHP `mail()`.
    Mail,
    /// SMTP (declared, or implied by a host).
    Smtp,
    /// Not said and no host: nothing to judge.
    Unknown,
}

/// The values of `smtp.transport` an error lists (`php` and `sendmail` are
/// read as `mail` too).
pub const TRANSPORT_NAMES: &[&str] = &["mail", "smtp"];

/// `smtp.transport` as declared, case and spaces aside: `Unknown` when empty
/// (not said), None when it is no transport (`options` refuse it).
pub fn transport_named(text: &str) -> Option<Transport> {
    match text.trim().to_ascii_lowercase().as_str() {
        "mail" | "php" | "sendmail" => Some(Transport::Mail),
        "smtp" => Some(Transport::Smtp),
        "" => Some(Transport::Unknown),
        _ => None,
    }
}

pub fn transport_of(settings: &SmtpSettings) -> Transport {
    match settings.transport.as_deref().and_then(transport_named) {
        Some(declared @ (Transport::Mail | Transport::Smtp)) => declared,
        _ if host_of(settings).is_some() => Transport::Smtp,
        _ => Transport::Unknown,
    }
}

/// The configured host, trimmed, when not empty.
pub fn host_of(settings: &SmtpSettings) -> Option<&str> {
    settings.host.as_deref().map(str::trim).filter(|h| !h.is_empty())
}

/// `ssl`, `tls`, `starttls` or `none` (empty and absent are `none`, PHPMailer's default).
pub fn security_of(settings: &SmtpSettings) -> String {
    let value = settings.security.as_deref().unwrap_or("").trim().to_ascii_lowercase();
    if value.is_empty() || value == "false" {
        "none".to_string()
    } else {
        value
    }
}

/// Whether the host is one of the provider's mail servers.
pub fn is_provider_host(host: &str) -> bool {
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    PROVIDER_SMTP_HOST_SUFFIXES.iter().any(|suffix| host.ends_with(suffix))
}

/// A short quote of the settings for the evidence.
pub fn describe(settings: &SmtpSettings) -> String {
    let mut parts = Vec::new();
    if let Some(t) = &settings.transport {
        parts.push(format!("transport={t}"));
    }
    if let Some(h) = &settings.host {
        parts.push(format!("host={h}"));
    }
    if let Some(p) = settings.port {
        parts.push(format!("port={p}"));
    }
    if let Some(s) = &settings.security {
        parts.push(format!("security={s}"));
    }
    if let Some(f) = &settings.from {
        parts.push(format!("from={f}"));
    }
    parts.join(" ")
}

/// A tiny message for the examples: the config rules read only the options.
pub const EXAMPLE_MESSAGE: &str = "From: contact@example.com\nTo: owner@example.com\nSubject: Contact form\n\
     Date: Mon, 2 Mar 2026 10:00:00 +0000\nMessage-ID: <form@example.com>\n\nHello\n";
