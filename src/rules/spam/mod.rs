//! The `spam/*` rules (SPEC §2 Spam heuristics): the guides' list of "usages to
//! avoid so that an e-mail is not too easily considered SPAM". Their tunables
//! live here, named and documented, each with its source.

pub mod adult_terms;
pub mod empty_body;
pub mod huge_font;
pub mod image_only;
pub mod invisible_text;
pub mod listed_ip;
pub mod missing_subject;
pub mod subject_caps;
pub mod subject_prefix;
pub mod whitespace;

use crate::model::html::Span;
use crate::model::{Body, HtmlBody, Message};
use crate::report::Location;
use serde::{Deserialize, Serialize};

/// The default subject prefixes (`subject_prefixes.txt`: one per line, `#` comments).
const SUBJECT_PREFIXES: &str = include_str!("subject_prefixes.txt");

/// Thresholds of the `spam` group (overridable in `Options::thresholds.spam`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct SpamThresholds {
    /// `spam/subject-caps`: words in capitals that make a subject shout. Guides: "3 or more".
    pub subject_caps_words: usize,
    /// `spam/subject-prefix`: words a subject must not start with, matched
    /// case-insensitively on a word boundary. Guides: "Hi, FREE, BUY, BUYING, …";
    /// the rest are common equivalents in en/fr/es/pl/de.
    pub subject_prefixes: Vec<String>,
    /// `spam/image-only`: decoded size over which an image is "large". Guides: 1 MB (decimal).
    pub image_only_min_bytes: u64,
    /// `spam/image-only`: fewer visible words than this is "a few words". *(default)* 30.
    pub image_only_max_words: usize,
    /// `spam/whitespace`: share of blank characters over which a body is flagged. Guides: 70 %.
    pub whitespace_max_ratio: f64,
    /// `spam/whitespace`: bodies with fewer rendered characters are not judged
    /// (a two-line note is mostly line breaks). *(default)* 100.
    pub whitespace_min_chars: usize,
    /// `spam/huge-font`: font size in px over which text is "extremely large".
    /// *(default)* 40 px: above a default `<h1>` (32 px) and `<font size=6>`.
    pub huge_font_px: f64,
    /// `spam/invisible-text`: a WCAG contrast ratio below this between text and
    /// background counts as "the same colour". *(default)* 1.25 (identical is 1.0,
    /// #eeeeee on white is 1.16, #cccccc on white 1.6).
    pub invisible_min_contrast: f64,
    /// `spam/adult-terms`: terms added to the built-in lexicon.
    pub adult_terms_extra: Vec<String>,
    /// `spam/adult-terms`: terms of the built-in lexicon not to report.
    pub adult_terms_allowed: Vec<String>,
}

impl Default for SpamThresholds {
    fn default() -> Self {
        SpamThresholds {
            subject_caps_words: 3,
            subject_prefixes: SUBJECT_PREFIXES
                .lines()
                .map(|l| l.split('#').next().unwrap_or_default().trim())
                .filter(|l| !l.is_empty())
                .map(str::to_string)
                .collect(),
            image_only_min_bytes: 1_000_000,
            image_only_max_words: 30,
            whitespace_max_ratio: 0.70,
            whitespace_min_chars: 100,
            huge_font_px: 40.0,
            invisible_min_contrast: 1.25,
            adult_terms_extra: Vec::new(),
            adult_terms_allowed: Vec::new(),
        }
    }
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
    match message.parts.get(part).and_then(|p| p.body_range.clone()) {
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

/// Words a reader sees: white-space separated tokens holding a letter or digit.
pub(crate) fn count_words(text: &str) -> usize {
    text.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)).count()
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
