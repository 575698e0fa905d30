//! `spam/huge-font`: the guides list "the font used to write the e-mail is
//! extremely large" among the things that get a mail flagged as spam. Sizes are
//! resolved through the HTML tree (`model::html`): CSS `font-size` and `font`
//! in px/pt/em/rem/%/keywords, `<font size>`, headings.

use super::element_location;
use crate::i18n::Msg;
use crate::model::Message;
use crate::report::Severity;
use crate::rules::{Context, Draft, Example, ExampleInput, Group, Rule};

pub const RULE: Rule = Rule {
    id: "spam/huge-font",
    group: Group::Spam,
    default_severity: Severity::Warning,
    default_score: 15,
    examples: &[
        Example::fails(
            "A paragraph in 72px",
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Sale\nContent-Type: text/html\n\n<p style=\"font-size:72px\">Big sale today</p>\n"),
        ),
        Example::fails(
            "A heading whose inherited em size grows to 64px",
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Sale\nContent-Type: text/html\n\n<div style=\"font-size:2em\"><h1>Big sale</h1></div>\n"),
        ),
        Example::fails(
            "A style sheet class in points",
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Sale\nContent-Type: text/html\n\n<style>.promo { font-size: 40pt }</style><p class=\"promo\">Big sale</p>\n"),
        ),
        Example::passes(
            "A default h1 (32px) and <font size=6>",
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Sale\nContent-Type: text/html\n\n<h1>Welcome</h1><font size=\"6\">News</font><p>Text</p>\n"),
        ),
        Example::passes(
            "A huge size on hidden text is for spam/invisible-text, and a huge size with no text is nothing",
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Sale\nContent-Type: text/html\n\n<p style=\"font-size:90px\"> </p><p>Text</p>\n"),
        ),
        Example::fails(
            "A size in rem (4rem = 64px)",
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Sale\nContent-Type: text/html\n\n<p style=\"font-size:4rem\">Big sale today</p>\n"),
        ),
        Example::fails(
            "A percentage of an inherited size",
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Sale\nContent-Type: text/html\n\n<div style=\"font-size:30px\"><p style=\"font-size:200%\">Big sale today</p></div>\n"),
        ),
        Example::fails(
            "A keyword: xxx-large (48px)",
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Sale\nContent-Type: text/html\n\n<p style=\"font-size:xxx-large\">Big sale today</p>\n"),
        ),
        Example::fails(
            "An em size on an enlarged block (3em = 48px)",
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Sale\nContent-Type: text/html\n\n<div style=\"font-size:3em\"><b>Big sale today</b></div>\n"),
        ),
        Example::fails(
            "A sibling selector in a style sheet",
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Sale\nContent-Type: text/html\n\n<style>h6 + p { font-size: 60px }</style><h6>News</h6><p>Big sale today</p>\n"),
        ),
        Example::fails(
            "A CSS escape in the property name",
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Sale\nContent-Type: text/html\n\n<p style=\"font-s\\ize:72px\">Big sale today</p>\n"),
        ),
        Example::passes(
            "A huge size in a print-only style sheet",
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Sale\nContent-Type: text/html\n\n<style>@media print { p { font-size: 72px } }</style><p>Text</p>\n"),
        ),
        Example::passes(
            "A huge size on a :hover state",
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Sale\nContent-Type: text/html\n\n<style>p:hover { font-size: 72px }</style><p>Text</p>\n"),
        ),
        Example::passes(
            "A higher threshold from options",
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Sale\nContent-Type: text/html\n\n<p style=\"font-size:72px\">Big sale today</p>\n"),
        )
        .with_options(r#"{"thresholds": {"spam": {"hugeFontPx": 80}}}"#),
    ],
    check,
};

fn check(message: &Message, cx: &mut Context) {
    let limit = cx.options.thresholds.spam.huge_font_px;
    for html in &message.html {
        // One finding per place that sets the size, quoting the text it enlarges.
        // Sources are compared as written: ten `<font size="7">` are one place.
        let mut reported: Vec<String> = Vec::new();
        for run in &html.facts.runs {
            if run.hidden.is_some() || f64::from(run.font_px) <= limit || !run.text.chars().any(char::is_alphanumeric) {
                continue;
            }
            let source = html.facts.describe(run.font_source);
            if reported.contains(&source) {
                continue;
            }
            reported.push(source.clone());
            cx.emit(
                Draft::new(
                    Msg::new("spam/huge-font.too-large")
                        .int("size", run.font_px.round() as i64)
                        .int("limit", limit.round() as i64)
                        .text("source", source.clone())
                        .text("element", run.element.to_string()),
                )
                .evidence(format!("{source} → {}", run.text))
                .at(element_location(message, html, run.tag)),
            );
        }
    }
}
