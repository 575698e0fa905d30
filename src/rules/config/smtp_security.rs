//! `config/smtp-security`: the port and security pair of an SMTP script.
//! Guides: `SMTPSecure "ssl"` with `Port 465` is the configuration to prefer;
//! `"starttls"` or `"tls"` with port 587 only with one of the provider's own
//! addresses; anything else is flagged.

use super::{
    describe, host_of, is_provider_host, security_of, transport_of, Transport, DEFAULT_PORT, EXAMPLE_MESSAGE,
    PROVIDER_ONLY_PORT, RECOMMENDED_PORT, RECOMMENDED_SECURITY,
};
use crate::i18n::Msg;
use crate::model::Message;
use crate::report::Severity;
use crate::rules::{Context, Draft, Example, ExampleInput, Group, Rule};

const RAW: ExampleInput = ExampleInput::Raw(EXAMPLE_MESSAGE);

pub const RULE: Rule = Rule {
    id: "config/smtp-security",
    group: Group::Config,
    default_severity: Severity::Warning,
    default_score: 20,
    examples: &[
        Example::passes("Port 465 with ssl, the recommended pair", RAW)
            .with_options(r#"{"smtp": {"transport": "smtp", "host": "ssl0.ovh.net", "port": 465, "security": "ssl"}}"#),
        Example::passes("Port 465 with SSL in capitals, host implied SMTP", RAW)
            .with_options(r#"{"smtp": {"host": "smtp.example.org", "port": 465, "security": "SSL"}}"#),
        Example::passes("PHP mail(): no SMTP pair to judge", RAW).with_options(r#"{"smtp": {"transport": "mail"}}"#),
        Example::fails("Port 587 with starttls on the provider's server: info, 465 with ssl preferred", RAW)
            .with_options(r#"{"smtp": {"host": "ssl0.ovh.net", "port": 587, "security": "starttls"}}"#),
        Example::fails("Port 587 with tls on another server", RAW)
            .with_options(r#"{"smtp": {"host": "smtp.example.org", "port": 587, "security": "tls"}}"#),
        Example::fails("Port 25 without encryption", RAW)
            .with_options(r#"{"smtp": {"host": "ssl0.ovh.net", "port": 25, "security": "none"}}"#),
        Example::fails("Port 465 with starttls (465 expects ssl from the first byte)", RAW)
            .with_options(r#"{"smtp": {"host": "ssl0.ovh.net", "port": 465, "security": "starttls"}}"#),
        Example::fails("SMTP with no port nor security (PHPMailer defaults: 25, none)", RAW)
            .with_options(r#"{"smtp": {"transport": "smtp", "host": "ssl0.ovh.net"}}"#),
    ],
    check,
};

fn check(_message: &Message, cx: &mut Context) {
    let Some(settings) = cx.options.smtp.as_ref() else { return };
    if transport_of(settings) != Transport::Smtp {
        return;
    }
    let port = settings.port.unwrap_or(DEFAULT_PORT);
    let security = security_of(settings);
    if port == RECOMMENDED_PORT && security == RECOMMENDED_SECURITY {
        return;
    }
    let host = host_of(settings).unwrap_or("").to_string();
    let evidence = describe(settings);
    if port == PROVIDER_ONLY_PORT && (security == "tls" || security == "starttls") {
        if is_provider_host(&host) {
            cx.emit(
                Draft::new(Msg::new("config/smtp-security.provider-pair").int("port", port).text("security", security))
                    .evidence(evidence)
                    .severity(Severity::Info),
            );
        } else {
            cx.emit(
                Draft::new(
                    Msg::new("config/smtp-security.provider-only")
                        .int("port", port)
                        .text("security", security)
                        .text("host", host),
                )
                .evidence(evidence),
            );
        }
        return;
    }
    cx.emit(
        Draft::new(Msg::new("config/smtp-security.not-recommended").int("port", port).text("security", security))
            .evidence(evidence),
    );
}
