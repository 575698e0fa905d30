//! `if` and `ifplugin` in SpamAssassin rule files (`Conf::Parser::handle_conditional`):
//! `ifplugin P` and `plugin(P)` hold for the plugins Debian's SpamAssassin 4.0
//! loads by default (`/etc/spamassassin/*.pre`), as on the SpamAssassin this
//! engine is compared with; `can(…)` and `has(…)` hold (SpamAssassin 4.0.1 has
//! every feature its own rules ask for); `version` is 4.000001,
//! `perl_version` 5.036 and `local_tests_only` 1 (the engine makes no network tests).

use super::meta;

/// The plugins loaded by Debian's `spamassassin` 4.0 (`loadplugin` lines of `/etc/spamassassin/*.pre`).
pub const LOADED_PLUGINS: &[&str] = &[
    "AskDNS",
    "AutoLearnThreshold",
    "Bayes",
    "BodyEval",
    "Check",
    "DKIM",
    "DMARC",
    "DNSEval",
    "FreeMail",
    "HTMLEval",
    "HTTPSMismatch",
    "HashBL",
    "HeaderEval",
    "ImageInfo",
    "MIMEEval",
    "MIMEHeader",
    "Pyzor",
    "Razor2",
    "RelayEval",
    "ReplaceTags",
    "Rule2XSBody",
    "SPF",
    "SpamCop",
    "URIDNSBL",
    "URIDetail",
    "URIEval",
    "VBounce",
    "WLBLEval",
    "WelcomeListSubject",
];

/// SpamAssassin's version as its `if (version >= …)` conditions read it.
pub const SA_VERSION: f64 = 4.000001;

pub fn plugin_loaded(name: &str) -> bool {
    let name = name.trim();
    let short = name.strip_prefix("Mail::SpamAssassin::Plugin::").unwrap_or(name);
    LOADED_PLUGINS.contains(&short)
}

/// The value of an `if` condition (see the module documentation).
pub fn condition(text: &str) -> bool {
    let mut expression = String::new();
    let mut rest = text;
    while !rest.is_empty() {
        let call = ["plugin", "can", "has"]
            .iter()
            .find(|f| rest.starts_with(*f) && rest[f.len()..].trim_start().starts_with('('));
        if let Some(function) = call {
            let open = rest.find('(').unwrap_or(0);
            let close = rest.find(')').unwrap_or(rest.len() - 1);
            let argument = &rest[open + 1..close.max(open + 1)];
            let holds = *function != "plugin" || plugin_loaded(argument);
            expression.push_str(if holds { " 1 " } else { " 0 " });
            rest = &rest[(close + 1).min(rest.len())..];
        } else if rest.starts_with("perl_version") {
            expression.push_str(" 5.036 ");
            rest = &rest["perl_version".len()..];
        } else if rest.starts_with("version") {
            expression.push_str(&format!(" {SA_VERSION} "));
            rest = &rest["version".len()..];
        } else if rest.starts_with("local_tests_only") {
            expression.push_str(" 1 ");
            rest = &rest["local_tests_only".len()..];
        } else {
            let c = rest.chars().next().unwrap_or(' ');
            expression.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    match meta::parse(&expression) {
        Ok(expr) => expr.eval(&|_| 0.0) != 0.0,
        // SpamAssassin refuses an `if` it cannot read; its lines are left out.
        Err(_) => false,
    }
}
