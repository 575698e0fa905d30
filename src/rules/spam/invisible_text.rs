//! `spam/invisible-text`: the guides list "the text colour and the background
//! colour are identical" among the things that get a mail flagged as spam.
//! Colours are resolved through the HTML tree (`model::html`); "identical"
//! means a contrast ratio under `invisibleMinContrast`. Text made invisible by
//! other means (a 0–1px font, `display:none`, `visibility:hidden`, `opacity:0`)
//! is the same trick and is reported here too. HTML too deep or too large to be
//! analysed whole is reported here, because its unread part could hide text.

use super::part_location;
use crate::i18n::Msg;
use crate::model::html::{HiddenBy, TextRun, TruncatedBy};
use crate::model::Message;
use crate::report::Severity;
use crate::rules::{Context, Draft, Example, ExampleInput, Group, Rule};

pub const RULE: Rule = Rule {
    id: "spam/invisible-text",
    group: Group::Spam,
    default_severity: Severity::Error,
    default_score: 40,
    examples: &[
        Example::fails(
            "White text on a white background",
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: News\nContent-Type: text/html\n\n<p>Hello</p><p style=\"color:#ffffff\">cheap pills casino</p>\n"),
        ),
        Example::fails(
            "Near-equal colours through a style sheet and a table bgcolor",
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: News\nContent-Type: text/html\n\n<style>.x { color: rgb(250, 250, 250) }</style><table bgcolor=\"white\"><tr><td class=\"x\">hidden words</td></tr></table>\n"),
        ),
        Example::fails(
            "Text in a zero font size",
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: News\nContent-Type: text/html\n\n<p>Hello<span style=\"font-size:0\">buy now</span></p>\n"),
        ),
        Example::fails(
            "Words in display:none (warning)",
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: News\nContent-Type: text/html\n\n<div style=\"display:none\">win a prize today</div><p>Hello</p>\n"),
        ),
        Example::passes(
            "White text on a dark background",
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: News\nContent-Type: text/html\n\n<div style=\"background:#1a1a1a\"><p style=\"color:#fff\">Hello</p></div>\n"),
        ),
        Example::passes(
            "Light grey footer text, readable (contrast 2.8)",
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: News\nContent-Type: text/html\n\n<p>Hello</p><p style=\"color:#999999\">Unsubscribe</p>\n"),
        ),
        Example::passes(
            "A background image makes the background unknown",
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: News\nContent-Type: text/html\n\n<table><tr><td style=\"background:url(https://example.com/bg.png)\"><p style=\"color:#fff\">Hello</p></td></tr></table>\n"),
        ),
    ],
    check,
};

/// Most hidden runs quoted in one finding.
const MAX_QUOTED_RUNS: usize = 10;

fn words_of(runs: &[&TextRun]) -> String {
    runs.iter().take(MAX_QUOTED_RUNS).map(|r| r.text.as_str()).collect::<Vec<_>>().join(" · ")
}

fn check(message: &Message, cx: &mut Context) {
    let min_contrast = cx.options.thresholds.spam.invisible_min_contrast;
    for html in &message.html {
        let location = part_location(message, html.part);
        let readable = |r: &&TextRun| r.text.chars().any(char::is_alphanumeric);
        // Same colour as the background, grouped by where the two colours come from.
        let mut groups: Vec<(String, String, Vec<&TextRun>)> = Vec::new();
        for run in html.facts.runs.iter().filter(readable) {
            let Some(background) = run.background else { continue };
            if run.hidden.is_some() || run.color.contrast(background) >= min_contrast {
                continue;
            }
            match groups.iter_mut().find(|g| g.0 == run.color_source && g.1 == run.background_source) {
                Some(group) => group.2.push(run),
                None => groups.push((run.color_source.clone(), run.background_source.clone(), vec![run])),
            }
        }
        for (color_source, background_source, runs) in &groups {
            let first = runs[0];
            let background = first.background.unwrap_or(crate::model::html::Rgba::WHITE);
            let describe = |s: &str| if s.is_empty() { String::from("(default)") } else { s.to_string() };
            cx.emit(
                Draft::new(
                    Msg::new("spam/invisible-text.same-colour")
                        .text("color", first.color.hex())
                        .text("background", background.hex())
                        .float("contrast", first.color.contrast(background))
                        .text("limit", crate::i18n::format_float(min_contrast, cx.locale(), 2))
                        .text("words", words_of(runs))
                        .text("colorSource", describe(color_source))
                        .text("backgroundSource", describe(background_source)),
                )
                .evidence(format!("{} / {}: {}", describe(color_source), describe(background_source), words_of(runs)))
                .at(location.clone()),
            );
        }
        // Hidden by CSS, grouped by the declaration that hides.
        let mut hidden: Vec<(HiddenBy, String, Vec<&TextRun>)> = Vec::new();
        for run in html.facts.runs.iter().filter(readable) {
            let Some(by) = run.hidden else { continue };
            match hidden.iter_mut().find(|g| g.0 == by && g.1 == run.hidden_source) {
                Some(group) => group.2.push(run),
                None => hidden.push((by, run.hidden_source.clone(), vec![run])),
            }
        }
        for (by, source, runs) in &hidden {
            let draft = Draft::new(
                Msg::new("spam/invisible-text.hidden")
                    .text("css", by.css())
                    .text("source", source.clone())
                    .text("words", words_of(runs))
                    .int("count", runs.len()),
            )
            .evidence(format!("{source}: {}", words_of(runs)))
            .at(location.clone());
            // A 0–1px font is the classic trick; display/visibility/opacity also
            // hide preview text ("preheaders") in legitimate newsletters: a warning.
            cx.emit(if *by == HiddenBy::TinyFont { draft } else { draft.severity(Severity::Warning).score(15) });
        }
        if let Some(cut) = html.facts.truncated {
            let id = match cut.by {
                TruncatedBy::Depth => "spam/invisible-text.too-deep",
                TruncatedBy::Elements => "spam/invisible-text.too-many-elements",
            };
            cx.emit(
                Draft::new(
                    Msg::new(id)
                        .int("limit", cut.limit)
                        .int("analysed", cut.analysed_bytes)
                        .int("total", cut.total_bytes),
                )
                .evidence(format!("analysed {} of {} bytes of HTML", cut.analysed_bytes, cut.total_bytes))
                .at(location.clone())
                .severity(Severity::Warning)
                .score(15)
                .fix(Msg::new("spam/invisible-text.fix-simplify")),
            );
        }
    }
}
