//! `spam/whitespace`: the guides list "the e-mail contains more than 70 % of
//! blank (abuse of the SPACE or ENTER key)" among the things that get a mail
//! flagged as spam. For HTML the blanks are counted as rendered: runs of spaces
//! collapse to one, each `&nbsp;` and each `<br>` counts.

use super::part_location;
use crate::i18n::Msg;
use crate::model::html::is_invisible_char;
use crate::model::Message;
use crate::report::Severity;
use crate::rules::{Context, Draft, Example, ExampleInput, Group, Rule};

pub const RULE: Rule = Rule {
    id: "spam/whitespace",
    group: Group::Spam,
    default_severity: Severity::Warning,
    default_score: 15,
    examples: &[
        Example::fails("A short text followed by hundreds of blank lines", ExampleInput::Generated(blank_lines)),
        Example::fails("HTML padded with &nbsp; and <br> runs", ExampleInput::Generated(html_padding)),
        Example::passes(
            "Ordinary prose",
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: Order\n\nThank you for your order. It will ship on Monday and should reach you within three working days. Best regards, the shop.\n"),
        ),
        Example::passes(
            "Spaces in HTML source collapse when rendered",
            ExampleInput::Generated(indented_html),
        ),
    ],
    check,
};

fn blank_lines() -> Vec<u8> {
    format!("From: a@example.com\nTo: b@example.com\nSubject: Offer\n\nSee our site.{}Bye\n", "\n".repeat(300)).into_bytes()
}

fn html_padding() -> Vec<u8> {
    format!(
        "From: a@example.com\nTo: b@example.com\nSubject: Offer\nContent-Type: text/html\n\n<p>See our site.</p>{}{}\n",
        "&nbsp;".repeat(200),
        "<br>".repeat(200)
    )
    .into_bytes()
}

fn indented_html() -> Vec<u8> {
    format!(
        "From: a@example.com\nTo: b@example.com\nSubject: Order\nContent-Type: text/html\n\n<table>{}<tr><td>Thank you for your order, it ships on Monday.</td></tr></table>\n",
        format!("\n{}", " ".repeat(70)).repeat(20)
    )
    .into_bytes()
}

/// (blank characters, characters) of a plain text as a reader sees it (CRLF is one line break).
pub fn plain_text_blanks(text: &str) -> (usize, usize) {
    let mut blanks = 0;
    let mut total = 0;
    for ch in text.chars().filter(|&c| c != '\r') {
        total += 1;
        if ch.is_whitespace() || is_invisible_char(ch) {
            blanks += 1;
        }
    }
    (blanks, total)
}

fn check(message: &Message, cx: &mut Context) {
    let thresholds = &cx.options.thresholds.spam;
    let (blanks, total, part) = if let Some(first) = message.html.first() {
        let blanks = message.html.iter().map(|h| h.facts.rendered_blanks).sum::<usize>();
        let total = message.html.iter().map(|h| h.facts.rendered_chars).sum::<usize>();
        (blanks, total, first.part)
    } else {
        let mut sums = (0, 0);
        let mut first = None;
        for body in message.text_bodies() {
            let (b, t) = plain_text_blanks(body.text().unwrap_or_default());
            sums = (sums.0 + b, sums.1 + t);
            first.get_or_insert(body.index);
        }
        let Some(first) = first else { return };
        (sums.0, sums.1, first)
    };
    if total < thresholds.whitespace_min_chars || total == 0 {
        return;
    }
    let ratio = blanks as f64 / total as f64;
    if ratio <= thresholds.whitespace_max_ratio {
        return;
    }
    let text = message.visible_text();
    cx.emit(
        Draft::new(
            Msg::new("spam/whitespace.too-blank")
                .int("percent", (ratio * 100.0).round() as i64)
                .int("blanks", blanks)
                .int("total", total)
                .int("limit", (thresholds.whitespace_max_ratio * 100.0).round() as i64),
        )
        .evidence(format!("{} blank / {} characters: {}", blanks, total, text.trim()))
        .at(part_location(message, part)),
    );
}
