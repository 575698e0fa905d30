//! `links/insecure`: the guides list "a URL in the e-mail is not secure
//! (example: declared as `https://` while the URL only exists as `http://`)".
//! A link whose visible text or title shows `https://` while its href is
//! `http://` is that case (warning); other plain `http://` links are info.

use super::scheme_of;
use crate::i18n::Msg;
use crate::model::Message;
use crate::report::Severity;
use crate::rules::spam::element_location;
use crate::rules::{Context, Draft, Example, ExampleInput, Group, Rule};

pub const RULE: Rule = Rule {
    id: "links/insecure",
    group: Group::Links,
    default_severity: Severity::Warning,
    default_score: 10,
    examples: &[
        Example::fails(
            "The guides' example: text says https://, the link is http://",
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: News\nContent-Type: text/html\n\n<a href=\"http://shop.example.com/\">https://shop.example.com/</a>\n"),
        ),
        Example::fails(
            "The title says https://",
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: News\nContent-Type: text/html\n\n<a href=\"HTTP://shop.example.com/\" title=\"https://shop.example.com\">Shop</a>\n"),
        ),
        Example::fails(
            "A plain http:// link (info)",
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: News\nContent-Type: text/html\n\n<a href=\"http://shop.example.com/\">Shop</a>\n"),
        ),
        Example::passes(
            "https links",
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: News\nContent-Type: text/html\n\n<a href=\"https://shop.example.com/\">https://shop.example.com/</a>\n"),
        ),
        Example::passes(
            "A plain http:// link with the info turned off",
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: News\nContent-Type: text/html\n\n<a href=\"http://shop.example.com/\">Shop</a>\n"),
        )
        .with_options(r#"{"thresholds": {"links": {"reportPlainHttp": false}}}"#),
    ],
    check,
};

fn check(message: &Message, cx: &mut Context) {
    let report_plain = cx.options.thresholds.links.report_plain_http;
    for html in &message.html {
        let mut plain: Vec<&crate::model::html::Link> = Vec::new();
        for link in &html.facts.links {
            if scheme_of(&link.href).as_deref() != Some("http") {
                continue;
            }
            let says_https = |s: &str| s.to_ascii_lowercase().contains("https://");
            let declared = if says_https(&link.text) {
                Some(link.text.as_str())
            } else {
                link.title.as_deref().filter(|t| says_https(t))
            };
            match declared {
                Some(shown) => cx.emit(
                    Draft::new(
                        Msg::new("links/insecure.declared-https").text("href", link.href.clone()).text("shown", shown),
                    )
                        .evidence(format!("<a href=\"{}\">{}</a>", link.href, shown))
                        .at(element_location(message, html, link.tag)),
                ),
                None => plain.push(link),
            }
        }
        if report_plain && !plain.is_empty() {
            cx.emit(
                Draft::new(Msg::new("links/insecure.plain-http").int("count", plain.len()).text("href", plain[0].href.as_str()))
                    .evidence(plain.iter().take(5).map(|l| l.href.as_str()).collect::<Vec<_>>().join(" "))
                    .at(element_location(message, html, plain[0].tag))
                    .severity(Severity::Info)
                    .fix(Msg::new("links/insecure.fix-plain")),
            );
        }
    }
}
