//! `config/smtp-with-mail`: an SMTP server configured while the script sends
//! through PHP `mail()`. Guides: "make sure your sends do not use SMTP servers:
//! do not give any SMTP server in your scripts' settings when you use mail()".

use super::{describe, host_of, transport_of, Transport, EXAMPLE_MESSAGE};
use crate::i18n::Msg;
use crate::model::Message;
use crate::report::Severity;
use crate::rules::{Context, Draft, Example, ExampleInput, Group, Rule};

pub const RULE: Rule = Rule {
    id: "config/smtp-with-mail",
    group: Group::Config,
    default_severity: Severity::Error,
    default_score: 50,
    examples: &[
        Example::fails("mail() with an SMTP host configured", ExampleInput::Raw(EXAMPLE_MESSAGE))
            .with_options(r#"{"smtp": {"transport": "mail", "host": "smtp.example.com"}}"#),
        Example::fails("mail() with an SMTP host and port", ExampleInput::Raw(EXAMPLE_MESSAGE))
            .with_options(r#"{"smtp": {"transport": "MAIL", "host": "ssl0.ovh.net", "port": 465, "security": "ssl"}}"#),
        Example::passes("mail() and no SMTP server", ExampleInput::Raw(EXAMPLE_MESSAGE))
            .with_options(r#"{"smtp": {"transport": "mail"}}"#),
        Example::passes("mail() with an empty host field", ExampleInput::Raw(EXAMPLE_MESSAGE))
            .with_options(r#"{"smtp": {"transport": "mail", "host": "  "}}"#),
        Example::passes("An SMTP script with its host", ExampleInput::Raw(EXAMPLE_MESSAGE))
            .with_options(r#"{"smtp": {"transport": "smtp", "host": "ssl0.ovh.net", "port": 465, "security": "ssl"}}"#),
        Example::passes("No SMTP settings given", ExampleInput::Raw(EXAMPLE_MESSAGE)),
    ],
    check,
};

fn check(_message: &Message, cx: &mut Context) {
    let Some(settings) = cx.options.smtp.as_ref() else { return };
    if transport_of(settings) != Transport::Mail {
        return;
    }
    let Some(host) = host_of(settings) else { return };
    let draft = Draft::new(Msg::new("config/smtp-with-mail.host-with-mail").text("host", host.to_string()))
        .evidence(describe(settings));
    cx.emit(draft);
}
