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

/// RFC 1035 §2.3.4: a domain name is at most 255 octets (a label at most 63:
/// `MAX_LABEL_OCTETS`, the address grammar's).
pub const MAX_HOST_OCTETS: usize = 255;
pub use crate::grammar::address::MAX_LABEL_OCTETS;
/// Longest host quoted back in a message (ours: the rest is elided).
pub const MAX_HOST_QUOTED: usize = 80;

/// Ports that expect STARTTLS, not TLS from the first byte (RFC 8314 §3.3:
/// 587 submission, RFC 6409; 25 relay; 2525 the sending services' alternative).
pub const STARTTLS_PORTS: &[u32] = &[25, 587, 2525];
/// Port 465: implicit TLS, the client starts TLS at connect (RFC 8314 §3.3).
pub const IMPLICIT_TLS_PORT: u32 = 465;

/// Hosts that are this machine: a clear connection to them never leaves it.
pub const LOCAL_HOSTS: &[&str] = &["localhost", "127.0.0.1", "::1"];

/// Why a configured host is no host name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HostProblem {
    /// `contact@example.com`: an address where the server goes.
    Address,
    /// A space or other white space inside the name.
    Space,
    /// Longer than `MAX_HOST_OCTETS`.
    TooLong(usize),
    /// A label longer than `MAX_LABEL_OCTETS`.
    LabelTooLong(usize),
    /// Two dots in a row, or a dot first.
    EmptyLabel,
    /// A character no host name has (letters, digits, `-`, `_` and dots only).
    Character(char),
    /// An all-numeric top-level domain (`smtp.example.123`): RFC 1123 §2.1, "the
    /// highest-level component label will be alphabetic"; RFC 3696 §2.
    NumericTld(String),
}

/// Why a host name, well formed, names no server a script can reach.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UnreachableTld {
    /// A top-level domain of one letter (`smtp.example.c`): none exists. Country codes
    /// have two letters (RFC 1591 §2, ISO 3166-1), other top-level domains at least three
    /// (ICANN gTLD Applicant Guidebook 2012, §2.2.1.3.2: "three or more visually distinct
    /// characters").
    OneLetter(String),
    /// A top-level domain reserved for tests and documentation (`RESERVED_TLDS`).
    Reserved(String),
}

/// Top-level domains no public mail server can be under: RFC 2606 §2 reserves them and
/// RFC 6761 §6.2, §6.4, §6.5 say resolvers do not look them up on the Internet ("invalid":
/// "always return immediately with a negative response"). `localhost` (RFC 6761 §6.3) is
/// not here: it is this machine, where a local server may well listen (`LOCAL_HOSTS`).
pub const RESERVED_TLDS: &[&str] = &["test", "example", "invalid"];

/// The names in PHPMailer's `Host`: `host1;host2`, each optionally with a
/// `ssl://` or `tls://` prefix and a `:port` (PHPMailer::smtpConnect).
pub fn host_names(host: &str) -> impl Iterator<Item = &str> {
    host_entries(host).map(|entry| entry.name)
}

/// One entry of PHPMailer's `Host`, as `smtpConnect` reads it
/// (`/^(?:(ssl|tls):\/\/)?(.+?)(?::(\d+))?$/`): its name, and the prefix and
/// port that take the place of `SMTPSecure` and `Port` for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HostEntry<'a> {
    pub name: &'a str,
    /// `ssl` for `ssl://` (TLS from the first byte), `tls` for `tls://` (STARTTLS).
    pub security: Option<&'static str>,
    /// The `:port`, when it is one (1 to 65535; PHPMailer keeps `Port` otherwise).
    pub port: Option<u32>,
}

/// The entries of PHPMailer's `Host` (`host1;host2`).
pub fn host_entries(host: &str) -> impl Iterator<Item = HostEntry<'_>> {
    host.split(';').map(str::trim).filter(|h| !h.is_empty()).map(|entry| {
        // The first "://", found through its ':' (a searcher for the whole
        // pattern, built anew for each of many entries, made a field of 300,000
        // entries slow).
        let scheme = entry.match_indices(':').find(|(at, _)| entry[at + 1..].starts_with("//"));
        let (security, entry) = match scheme.map(|(at, _)| (&entry[..at], &entry[at + 3..])) {
            // PHPMailer knows these two, written in lower case; another scheme
            // is no prefix to it, but it is no part of a host name either.
            Some(("ssl", rest)) => (Some("ssl"), rest),
            Some(("tls", rest)) => (Some("tls"), rest),
            Some((scheme, rest)) if scheme.bytes().all(|b| b.is_ascii_alphabetic()) => (None, rest),
            _ => (None, entry),
        };
        if let Some(literal) = entry.strip_prefix('[') {
            let name = literal.split(']').next().unwrap_or(literal);
            let port = literal.split_once("]:").and_then(|(_, port)| port_number(port));
            return HostEntry { name, security, port };
        }
        match entry.rsplit_once(':') {
            Some((name, port)) if !port.is_empty() && port.bytes().all(|b| b.is_ascii_digit()) && !name.contains(':') => {
                HostEntry { name, security, port: port_number(port) }
            }
            _ => HostEntry { name: entry, security, port: None },
        }
    })
}

/// A port PHPMailer takes from `Host`: digits of a number from 1 to 65535.
fn port_number(digits: &str) -> Option<u32> {
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse::<u16>().ok().filter(|&port| port > 0).map(u32::from)
}

/// Why `name` (one of `host_names`) is not a host name, if it is not one.
/// An IPv6 literal (with `:`) is left alone.
pub fn host_problem(name: &str) -> Option<HostProblem> {
    if name.contains('@') {
        return Some(HostProblem::Address);
    }
    // Byte by byte for ASCII (`char::is_whitespace` there is TAB to CR and
    // space): decoding every character of a megabyte field was the slow part.
    let space = if name.is_ascii() {
        name.bytes().any(|b| matches!(b, b'\t'..=b'\r' | b' '))
    } else {
        name.chars().any(char::is_whitespace)
    };
    if space {
        return Some(HostProblem::Space);
    }
    if name.contains(':') {
        return None;
    }
    let name = name.strip_suffix('.').unwrap_or(name);
    if name.len() > MAX_HOST_OCTETS {
        return Some(HostProblem::TooLong(name.len()));
    }
    for label in name.split('.') {
        if label.is_empty() {
            return Some(HostProblem::EmptyLabel);
        }
        if label.len() > MAX_LABEL_OCTETS {
            return Some(HostProblem::LabelTooLong(label.len()));
        }
        if let Some(c) = label.chars().find(|&c| !(c.is_alphanumeric() || c == '-' || c == '_')) {
            return Some(HostProblem::Character(c));
        }
    }
    match top_level_domain(name) {
        Some(tld) if tld.bytes().all(|b| b.is_ascii_digit()) => Some(HostProblem::NumericTld(tld.to_string())),
        _ => None,
    }
}

/// The last label of a name of several labels (a single label, `localhost` or a
/// container's `mailhog`, is read through the machine's own resolver), unless every
/// label is a number: an IPv4 address, whole (`192.0.2.10`) or short (`127.1`).
fn top_level_domain(name: &str) -> Option<&str> {
    let name = name.strip_suffix('.').unwrap_or(name);
    let (_, tld) = name.rsplit_once('.')?;
    let address = name.split('.').all(|label| !label.is_empty() && label.bytes().all(|b| b.is_ascii_digit()));
    (!address && !name.contains(':')).then_some(tld)
}

/// Why `name` (one of `host_names`, without a `host_problem`) names no server a
/// script can reach, without a list of top-level domains (it changes): one letter,
/// or reserved for tests.
pub fn unreachable_tld(name: &str) -> Option<UnreachableTld> {
    let tld = top_level_domain(name)?.to_ascii_lowercase();
    if RESERVED_TLDS.contains(&tld.as_str()) {
        Some(UnreachableTld::Reserved(tld))
    } else if tld.len() == 1 && tld.bytes().all(|b| b.is_ascii_alphabetic()) {
        Some(UnreachableTld::OneLetter(tld))
    } else {
        None
    }
}

/// `host` cut to `MAX_HOST_QUOTED` characters for a message.
pub fn quoted_host(host: &str) -> String {
    crate::hygiene::visible(host, MAX_HOST_QUOTED)
}

/// Longest quote of the settings in a finding's evidence (ours).
pub const MAX_EVIDENCE_QUOTED: usize = 400;

/// The settings' quote (`describe`) cut to `MAX_EVIDENCE_QUOTED` characters.
pub fn quoted_evidence(evidence: &str) -> String {
    crate::hygiene::visible(evidence, MAX_EVIDENCE_QUOTED)
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
    // Compared without a lowercased copy: the field may be megabytes.
    let text = text.trim();
    let is = |name: &str| text.eq_ignore_ascii_case(name);
    if is("mail") || is("php") || is("sendmail") {
        Some(Transport::Mail)
    } else if is("smtp") {
        Some(Transport::Smtp)
    } else if text.is_empty() {
        Some(Transport::Unknown)
    } else {
        None
    }
}

/// The settings of a PHP `mail()` call (`lint_php_mail`): the call is the
/// `mail` transport, so a transport left unsaid (absent or blank) is `mail`,
/// and a host given beside it is one named while sending with `mail()`
/// (`config/smtp-with-mail`), not an SMTP script's. A transport said
/// explicitly is kept (README "Options": `smtp.transport` says how the script
/// sends). `None` when nothing changes.
pub fn for_mail_call(settings: &SmtpSettings) -> Option<SmtpSettings> {
    let declared = settings.transport.as_deref().and_then(transport_named);
    match declared {
        Some(Transport::Mail | Transport::Smtp) => None,
        _ => Some(SmtpSettings { transport: Some("mail".to_string()), ..settings.clone() }),
    }
}

/// How the settings say the script sends: as declared, else SMTP when a host
/// is given (a script that names its server), else unknown.
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

/// Other names mailers give implicit TLS (TLS from the first byte, port 465), read as `ssl`:
/// - `smtps`: PHPMailer's own name for "ssl" (`PHPMailer::ENCRYPTION_SMTPS = 'ssl'`), the
///   scheme of a Symfony Mailer DSN (`smtps://…`: EsmtpTransportFactory sets `$tls = true`)
///   and of a Nodemailer URL ("smtps: for connections that use TLS from the start",
///   nodemailer.com/smtp);
/// - `ssl/tls`: the mail clients' label for it (Thunderbird's connection security
///   "None / STARTTLS / SSL/TLS"), which hosting help pages copy;
/// - `true`: Nodemailer's `secure: true` ("the connection will use TLS when connecting
///   to server"), written as text as its `false` is.
pub const IMPLICIT_TLS_NAMES: &[&str] = &["smtps", "ssl/tls", "true"];

/// `ssl`, `tls`, `starttls` or `none` (empty and absent are `none`, PHPMailer's default;
/// `IMPLICIT_TLS_NAMES` are `ssl`); another value as given, lowercased.
pub fn security_of(settings: &SmtpSettings) -> String {
    let value = settings.security.as_deref().unwrap_or("").trim().to_ascii_lowercase();
    if value.is_empty() || value == "false" {
        "none".to_string()
    } else if IMPLICIT_TLS_NAMES.contains(&value.as_str()) {
        RECOMMENDED_SECURITY.to_string()
    } else {
        value
    }
}

/// The port and security the script first connects with: the first `Host`
/// entry's own `:port` and `ssl://`/`tls://` prefix, else `Port` and
/// `SMTPSecure`, else PHPMailer's defaults (25, none) — PHPMailer::smtpConnect
/// tries the entries in order. `None` when the settings give no host, port or
/// security: nothing is known of the connection.
pub fn first_connection(settings: &SmtpSettings) -> Option<(u32, String)> {
    let given = host_of(settings).is_some()
        || settings.port.is_some()
        || settings.security.as_deref().is_some_and(|s| !s.trim().is_empty());
    if !given {
        return None;
    }
    let entry = host_of(settings).and_then(|host| host_entries(host).next());
    let port = entry.and_then(|e| e.port).or(settings.port).unwrap_or(DEFAULT_PORT);
    let security = entry.and_then(|e| e.security).map_or_else(|| security_of(settings), str::to_string);
    Some((port, security))
}

/// Whether the host is one of the provider's mail servers.
pub fn is_provider_host(host: &str) -> bool {
    let host = host.trim_end_matches('.').as_bytes();
    // Compared without a lowercased copy of the whole host.
    PROVIDER_SMTP_HOST_SUFFIXES.iter().any(|suffix| {
        host.len() >= suffix.len() && host[host.len() - suffix.len()..].eq_ignore_ascii_case(suffix.as_bytes())
    })
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
    if let Some(auth) = settings.auth {
        parts.push(format!("auth={auth}"));
    }
    if let Some(f) = &settings.from {
        parts.push(format!("from={f}"));
    }
    parts.join(" ")
}

/// A tiny message for the examples: the config rules read only the options.
pub const EXAMPLE_MESSAGE: &str = "From: contact@example.com\nTo: owner@example.com\nSubject: Contact form\n\
     Date: Mon, 2 Mar 2026 10:00:00 +0000\nMessage-ID: <form@example.com>\n\nHello\n";
