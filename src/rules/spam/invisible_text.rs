//! `spam/invisible-text`: the guides list "the text colour and the background
//! colour are identical" among the things that get a mail flagged as spam.
//! Colours are resolved through the HTML tree (`model::html`); "identical"
//! means a contrast ratio under `invisibleMinContrast`. Text made invisible by
//! other means (a 0–1px font, `display:none`, `visibility:hidden`, `opacity:0`)
//! is the same trick and is reported here too. HTML too deep or too large to be
//! analysed whole is reported here, because its unread part could hide text.

use super::{element_location, part_location};
use crate::i18n::Msg;
use crate::model::html::{HiddenMeans, HiddenText, Rgba, SourceId, TextRun, TruncatedBy};
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
            "Words in display:none after the visible text (warning)",
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: News\nContent-Type: text/html\n\n<p>Hello</p><div style=\"display:none\">win a prize today</div>\n"),
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
        Example::fails(
            "A CSS comment does not hide the second declaration",
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: News\nContent-Type: text/html\n\n<p>Hello</p><p style=\"color:#000;/**/color:#fff\">cheap pills casino</p>\n"),
        ),
        Example::fails(
            "A CSS escape in the property name (c\\olor)",
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: News\nContent-Type: text/html\n\n<p>Hello</p><p style=\"c\\olor:#fff\">cheap pills casino</p>\n"),
        ),
        Example::fails(
            "White written as hwb()",
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: News\nContent-Type: text/html\n\n<p>Hello</p><p style=\"color:hwb(0 100% 0%)\">cheap pills casino</p>\n"),
        ),
        Example::fails(
            "White written as oklch() and lab()",
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: News\nContent-Type: text/html\n\n<p>Hello</p><p style=\"color:oklch(100% 0 0)\">cheap pills</p><p style=\"color:lab(100 0 0)\">casino</p>\n"),
        ),
        Example::fails(
            "Transparent text",
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: News\nContent-Type: text/html\n\n<p>Hello</p><p style=\"color:transparent\">cheap pills casino</p>\n"),
        ),
        Example::fails(
            "A sibling combinator: h6 + p",
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: News\nContent-Type: text/html\n\n<style>h6 + p { color: #fefefe }</style><p>Hello</p><h6>News</h6><p>cheap pills casino</p>\n"),
        ),
        Example::fails(
            "A :not() selector",
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: News\nContent-Type: text/html\n\n<style>p:not(.shown) { color: #fff }</style><p class=\"shown\">Hello</p><p>cheap pills casino</p>\n"),
        ),
        Example::fails(
            "A :first-child selector",
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: News\nContent-Type: text/html\n\n<style>td:first-child { color: #ffffff }</style><table><tr><td>cheap pills casino</td><td>Hello</td></tr></table>\n"),
        ),
        Example::fails(
            "!important in a style sheet beats the inline colour",
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: News\nContent-Type: text/html\n\n<style>.x { color: #fff !important }</style><p>Hello</p><p class=\"x\" style=\"color:#000\">cheap pills casino</p>\n"),
        ),
        Example::fails(
            "Opacity multiplied down the tree to zero (warning)",
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: News\nContent-Type: text/html\n\n<p>Hello</p><div style=\"opacity:0.1\"><p style=\"opacity:0.1\">cheap pills casino</p></div>\n"),
        ),
        Example::fails(
            "visibility:hidden (warning)",
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: News\nContent-Type: text/html\n\n<p>Hello</p><p style=\"visibility:hidden\">cheap pills casino</p>\n"),
        ),
        Example::fails(
            "Clipped to nothing (warning)",
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: News\nContent-Type: text/html\n\n<p>Hello</p><span style=\"position:absolute;clip:rect(0 0 0 0)\">cheap pills casino</span>\n"),
        ),
        Example::fails(
            "clip-path: inset(50%) (warning)",
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: News\nContent-Type: text/html\n\n<p>Hello</p><span style=\"clip-path:inset(50%)\">cheap pills casino</span>\n"),
        ),
        Example::fails(
            "Positioned off-screen (warning)",
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: News\nContent-Type: text/html\n\n<p>Hello</p><div style=\"position:absolute;left:-9999px\">cheap pills casino</div>\n"),
        ),
        Example::fails(
            "text-indent: -9999px (warning)",
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: News\nContent-Type: text/html\n\n<p>Hello</p><p style=\"text-indent:-9999px\">cheap pills casino</p>\n"),
        ),
        Example::fails(
            "A zero-height box with its overflow hidden (warning)",
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: News\nContent-Type: text/html\n\n<p>Hello</p><div style=\"height:0;overflow:hidden\">cheap pills casino</div>\n"),
        ),
        Example::fails(
            "max-height:0 with its overflow hidden (warning)",
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: News\nContent-Type: text/html\n\n<p>Hello</p><div style=\"max-height:0px;overflow:hidden\">cheap pills casino</div>\n"),
        ),
        Example::fails(
            "A long hidden text at the top is not a preheader (warning)",
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: News\nContent-Type: text/html\n\n<div style=\"display:none\">cheap pills casino viagra loans cheap pills casino viagra loans cheap pills casino viagra loans cheap pills casino viagra loans cheap pills casino viagra loans cheap pills casino viagra loans cheap pills casino viagra loans cheap pills casino viagra loans cheap pills casino viagra loans cheap pills casino viagra loans cheap pills casino viagra loans cheap pills casino viagra loans </div><p>Hello</p>\n"),
        ),
        Example::passes(
            "An honest preheader: short, hidden, first in the body, with &zwnj;&nbsp; padding",
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: News\nContent-Type: text/html\n\n<div style=\"display:none;max-height:0;overflow:hidden;mso-hide:all\">Three new recipes for spring, inside.</div><div style=\"display:none\">&zwnj;&nbsp;&zwnj;&nbsp;&zwnj;&nbsp;</div><p>Hello, here are this month\'s recipes.</p>\n"),
        ),
        Example::passes(
            "An honest preheader in a 1px white font",
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: News\nContent-Type: text/html\n\n<span style=\"font-size:1px;color:#ffffff\">Your invoice for March is ready.</span><p>Hello, your invoice is attached.</p>\n"),
        ),
        Example::passes(
            "A tracking pixel",
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: News\nContent-Type: text/html\n\n<p>Hello</p><img src=\"https://t.example.com/open.gif\" width=\"1\" height=\"1\" alt=\"\" style=\"display:block\">\n"),
        ),
        Example::passes(
            "A :hover colour never applies to the message as opened",
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: News\nContent-Type: text/html\n\n<style>p:hover { color: #fff }</style><p>Hello</p>\n"),
        ),
        Example::passes(
            "Print-only and mobile rules do not describe the default view",
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: News\nContent-Type: text/html\n\n<style>@media print { p { color: #fff } } @media (max-width: 480px) { p { display: none } }</style><p>Hello</p>\n"),
        ),
        Example::passes(
            "A gradient background is not judged",
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: News\nContent-Type: text/html\n\n<div style=\"background:linear-gradient(#000, #333)\"><p style=\"color:#fff\">Hello</p></div>\n"),
        ),
        Example::passes(
            "A later declaration restores a readable colour",
            ExampleInput::Raw("From: a@example.com\nTo: b@example.com\nSubject: News\nContent-Type: text/html\n\n<p style=\"color:#fff;color:#222\">Hello</p>\n"),
        ),
    ],
    check,
};

/// Most hidden runs quoted in one finding.
const MAX_QUOTED_RUNS: usize = 10;

fn words_of<'t>(texts: impl Iterator<Item = &'t str>) -> String {
    texts.take(MAX_QUOTED_RUNS).collect::<Vec<_>>().join(" · ")
}

fn readable(text: &str) -> bool {
    text.chars().any(char::is_alphanumeric)
}

fn check(message: &Message, cx: &mut Context) {
    let min_contrast = cx.options.thresholds.spam.invisible_min_contrast;
    for html in &message.html {
        let facts = &html.facts;
        let describe = |source: Option<SourceId>| match facts.describe(source) {
            s if s.is_empty() => String::from("(default)"),
            s => s,
        };
        // Same colour as the background, grouped by where the two colours come from.
        // An honest preheader is not reported; an unknown background is not judged.
        // Sources are compared as written: ten `<td bgcolor="#fff">` are one place.
        let mut groups: Vec<((String, String), Vec<&TextRun>)> = Vec::new();
        for run in facts.runs.iter().filter(|r| readable(&r.text) && r.hidden.is_none() && r.honest.is_none()) {
            let Some(background) = run.background else { continue };
            if run.color.contrast(background) >= min_contrast {
                continue;
            }
            let key = (describe(run.color_source), describe(run.background_source));
            match groups.iter_mut().find(|g| g.0 == key) {
                Some(group) => group.1.push(run),
                None => groups.push((key, vec![run])),
            }
        }
        for ((color_source, background_source), runs) in &groups {
            let first = runs[0];
            let background = first.background.unwrap_or(Rgba::WHITE);
            let words = words_of(runs.iter().map(|r| r.text.as_str()));
            cx.emit(
                Draft::new(
                    Msg::new("spam/invisible-text.same-colour")
                        .text("color", first.color.hex())
                        .text("background", background.hex())
                        .float("contrast", first.color.contrast(background))
                        .text("limit", crate::i18n::format_float(min_contrast, cx.locale(), 2))
                        .text("words", words.clone())
                        .text("colorSource", color_source.clone())
                        .text("backgroundSource", background_source.clone()),
                )
                .evidence(format!("{color_source} / {background_source}: {words}"))
                .at(element_location(message, html, first.tag)),
            );
        }
        // Hidden by CSS, one entry per hiding element, grouped by the declaration that hides.
        let mut hidden: Vec<((HiddenMeans, String), Vec<&HiddenText>)> = Vec::new();
        for entry in facts.hidden.iter().filter(|h| h.honest.is_none() && readable(&h.words)) {
            let key = (entry.means, facts.describe(entry.source));
            match hidden.iter_mut().find(|g| g.0 == key) {
                Some(group) => group.1.push(entry),
                None => hidden.push((key, vec![entry])),
            }
        }
        for ((means, source), entries) in &hidden {
            let source = match source {
                s if s.is_empty() => format!("<{}>", entries[0].element),
                s => s.clone(),
            };
            let words = words_of(entries.iter().map(|h| h.words.as_str()));
            let draft = Draft::new(
                Msg::new("spam/invisible-text.hidden")
                    .text("css", means.css())
                    .text("source", source.clone())
                    .text("words", words.clone())
                    .int("count", entries.len()),
            )
            .evidence(format!("{source}: {words}"))
            .at(element_location(message, html, entries[0].tag));
            // A 0–1px font is the classic trick; the other means also hide
            // accessible labels and the like in legitimate mail: a warning.
            cx.emit(if *means == HiddenMeans::TinyFont { draft } else { draft.severity(Severity::Warning).score(15) });
        }
        if let Some(cut) = facts.truncated {
            let id = match cut.by {
                TruncatedBy::Depth => "spam/invisible-text.too-deep",
                TruncatedBy::Elements => "spam/invisible-text.too-many-elements",
                TruncatedBy::Steps => "spam/invisible-text.too-much-work",
                TruncatedBy::DerivedBytes => "spam/invisible-text.too-much-text",
            };
            cx.emit(
                Draft::new(
                    Msg::new(id)
                        .int("limit", cut.limit)
                        .int("analysed", cut.analysed_bytes)
                        .int("total", cut.total_bytes),
                )
                .evidence(format!("analysed {} of {} bytes of HTML", cut.analysed_bytes, cut.total_bytes))
                .at(part_location(message, html.part))
                .severity(Severity::Warning)
                .score(15)
                .fix(Msg::new("spam/invisible-text.fix-simplify")),
            );
        }
    }
}
