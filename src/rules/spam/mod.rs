//! The `spam/*` rules (SPEC §2 Spam heuristics): the guides' list of "usages to
//! avoid so that an e-mail is not too easily considered SPAM". Their tunables
//! live here, named and documented, each with its source.

pub mod adult_terms;
pub mod body_caps;
pub mod empty_body;
pub mod exclamation_marks;
pub mod html_only;
pub mod huge_font;
pub mod image_only;
pub mod invisible_text;
pub mod listed_ip;
pub mod missing_subject;
pub mod priority_header;
pub mod money_amounts;
pub mod sales_language;
pub mod subject_caps;
pub mod subject_prefix;
pub mod terms;
pub mod whitespace;

use crate::model::html::Span;
use crate::model::{Body, HtmlBody, Message};
use crate::report::Location;

/// Words of the runs of `html` drawn in their background's colour (a contrast
/// under `min_contrast`), which its visible text holds but nobody sees.
pub(crate) fn unseen_words(html: &HtmlBody, min_contrast: f64) -> usize {
    html.facts.runs.iter().filter(|r| r.in_background_colour(min_contrast)).map(|r| crate::text::count_words(&r.text)).sum()
}

/// Where the Subject field is, for findings about it.
pub(crate) fn subject_location(message: &Message) -> Location {
    match message.header("Subject") {
        Some(field) => Location::header("Subject", field.start, field.end),
        None => Location::message(),
    }
}

/// A part, with its raw body range when it lies in the input.
pub(crate) fn part_location(message: &Message, part: usize) -> Location {
    // A part of an encoded attached message points at the encoded body that holds it.
    match message.parts.get(part).and_then(|p| p.body_range.clone().or_else(|| p.held_in.clone())) {
        Some(range) => Location::part(part).with_range(range.start, range.end),
        None => Location::part(part),
    }
}

/// An element of an HTML body: its start tag's byte range in the message when
/// the body is there as-is, else the part with the range in its decoded text.
pub(crate) fn element_location(message: &Message, html: &HtmlBody, tag: Option<Span>) -> Location {
    let part = part_location(message, html.part);
    let Some(tag) = tag else { return part };
    match html.message_range(tag) {
        Some(range) => Location::part(html.part).with_range(range.start, range.end),
        None => part.with_decoded_range(tag.start, tag.end),
    }
}

/// The first body part a reader sees (HTML first), for locations of whole-body findings.
pub(crate) fn main_body_part(message: &Message) -> Option<usize> {
    message.html.first().map(|h| h.part).or_else(|| message.text_bodies().next().map(|p| p.index))
}

/// The source of the main body as written (decoded), for evidence.
pub(crate) fn body_source<'m>(message: &'m Message) -> &'m str {
    let Some(index) = main_body_part(message) else { return "" };
    match message.parts.get(index).map(|p| &p.body) {
        Some(Body::Text(t)) | Some(Body::Html(t)) => t,
        _ => "",
    }
}
