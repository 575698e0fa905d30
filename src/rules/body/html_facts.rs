//! The few reads the `body/*` and `accessibility/*` rules make of the HTML
//! facts, in one place, so a change of the HTML analysis is adapted here only.
//! Where the facts lack something (the `<html lang>` attribute), the function
//! says how it reads it.

use crate::model::html::{Honest, HtmlFacts, Rgba};
use crate::model::Message;

/// One HTML body: its part index, its decoded HTML and its facts.
pub struct HtmlBody<'m> {
    pub part: usize,
    pub html: &'m str,
    pub facts: &'m HtmlFacts,
}

/// The HTML bodies of the message (not HTML attachments).
pub fn html_bodies<'m>(message: &'m Message) -> impl Iterator<Item = HtmlBody<'m>> + 'm {
    message.html.iter().filter_map(|h| {
        let html = message.parts.get(h.part)?.text()?;
        Some(HtmlBody { part: h.part, html, facts: &h.facts })
    })
}

/// A link with where its start tag begins in the decoded HTML (`Link::tag`).
pub fn links_with_offsets<'m>(body: &HtmlBody<'m>) -> Vec<(&'m str, &'m str, Option<usize>)> {
    body.facts.links.iter().map(|link| (link.href.as_str(), link.text.as_str(), link.tag.map(|t| t.start))).collect()
}

/// An image as the accessibility rules see it.
pub struct ImageFact<'m> {
    pub src: &'m str,
    pub alt: Option<&'m str>,
    /// The `<img …>` start tag as written, when the analysis placed it.
    pub tag: Option<&'m str>,
    /// A 1×1 tracking pixel (`Honest::TrackingPixel`).
    pub tracking_pixel: bool,
    /// Named otherwise than by `alt`, marked presentational, or hidden (see `model::html::Image`).
    pub named: bool,
    pub presentational: bool,
    pub hidden: bool,
}

/// File names of spacer images, which carry no content (the HTML analysis
/// marks 1×1 tracking pixels itself, `Honest::TrackingPixel`).
const SPACER_NAMES: &[&str] = &["spacer.", "blank.gif", "clear.gif", "shim.gif", "transparent.gif"];

pub fn images<'m>(body: &HtmlBody<'m>) -> impl Iterator<Item = ImageFact<'m>> + 'm {
    let html = body.html;
    body.facts.images.iter().map(move |image| ImageFact {
        src: &image.src,
        alt: image.alt.as_deref(),
        tag: image.tag.and_then(|tag| html.get(tag.start..tag.end)),
        tracking_pixel: image.honest == Some(Honest::TrackingPixel),
        named: image.named,
        presentational: image.presentational,
        hidden: image.hidden,
    })
}

impl ImageFact<'_> {
    /// A tracking pixel or spacer (a name of `SPACER_NAMES` in its address, in
    /// any case): it carries no content. Asked only of the images it may decide
    /// (asked of every image, it was 1 % of a newsletter's lint in Node, #14).
    pub fn decorative(&self) -> bool {
        self.tracking_pixel
            || SPACER_NAMES.iter().any(|n| crate::inspect::bytes::contains_ignore_case(self.src.as_bytes(), n.as_bytes()))
    }
}

/// A text run the reader sees, with its colours.
pub struct RunFact<'m> {
    pub text: &'m str,
    pub color: Rgba,
    /// `None` when a background image or gradient makes it unknown.
    pub background: Option<Rgba>,
    pub font_px: f32,
}

/// The visible text runs (hidden ones are `spam/invisible-text`'s business).
pub fn visible_runs<'m>(body: &HtmlBody<'m>) -> impl Iterator<Item = RunFact<'m>> + 'm {
    body.facts.runs.iter().filter(|r| r.hidden.is_none()).map(|r| RunFact {
        text: &r.text,
        color: r.color,
        background: r.background,
        font_px: r.font_px,
    })
}

/// Bytes of the document start searched for `<html …>` (default, ours: the
/// tag comes first, after a doctype and comments).
pub const HTML_TAG_LOOKAHEAD: usize = 64 * 1024;

/// The `<html …>` start tag as written (with its `>` when the lookahead holds
/// it): `None` when the start of the document has none. The facts do not carry
/// it yet, so the start of the document is read here, bounded.
pub fn html_start_tag<'m>(body: &HtmlBody<'m>) -> Option<&'m str> {
    let head = &body.html[..floor_char_boundary(body.html, HTML_TAG_LOOKAHEAD)];
    let lower = head.to_ascii_lowercase();
    let start = lower
        .match_indices("<html")
        .map(|(i, _)| i)
        .find(|&i| lower[i + 5..].chars().next().is_none_or(|c| c.is_ascii_whitespace() || c == '>' || c == '/'))?;
    let end = lower[start..].find('>').map_or(lower.len(), |e| start + e + 1);
    Some(&head[start..end])
}

/// The `<html>` start tag's `lang` (or `xml:lang`) value: `None` when there is
/// no `<html>` tag, `Some("")` when the tag has no language.
pub fn html_lang(body: &HtmlBody) -> Option<String> {
    html_lang_attribute(body).map(Option::unwrap_or_default)
}

/// The `<html>` start tag's `lang` (or `xml:lang`) attribute: `None` when
/// there is no `<html>` tag, `Some(None)` when the tag has no such attribute,
/// `Some(Some(value))` (trimmed, perhaps empty) otherwise.
pub fn html_lang_attribute(body: &HtmlBody) -> Option<Option<String>> {
    let tag = html_start_tag(body)?;
    let tag = tag.strip_suffix('>').unwrap_or(tag);
    let tag_lower = tag.to_ascii_lowercase();
    for name in ["xml:lang", "lang"] {
        let mut from = 0;
        while let Some(pos) = tag_lower[from..].find(name) {
            let at = from + pos;
            from = at + name.len();
            let before_ok = tag_lower[..at].chars().last().is_some_and(|c| c.is_ascii_whitespace());
            let rest = tag_lower[at + name.len()..].trim_start();
            if !before_ok || !rest.starts_with('=') {
                continue;
            }
            let value_start = tag.len() - rest.len() + 1;
            let value = tag[value_start..].trim_start();
            let value = match value.chars().next() {
                Some(q @ ('"' | '\'')) => value[1..].split(q).next().unwrap_or_default(),
                _ => value.split(|c: char| c.is_ascii_whitespace()).next().unwrap_or_default(),
            };
            return Some(Some(value.trim().to_string()));
        }
    }
    Some(None)
}

fn floor_char_boundary(text: &str, max: usize) -> usize {
    let mut end = max.min(text.len());
    while end > 0 && !text.is_char_boundary(end) {
        end -= 1;
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lang_of(html: &str) -> Option<String> {
        let facts = HtmlFacts::default();
        html_lang(&HtmlBody { part: 0, html, facts: &facts })
    }

    #[test]
    fn the_html_tag_language_is_read() {
        assert_eq!(lang_of("<!doctype html><HTML Lang=\"fr-FR\"><body>x"), Some("fr-FR".into()));
        assert_eq!(lang_of("<html xml:lang='pl'>"), Some("pl".into()));
        assert_eq!(lang_of("<html><body>x</body></html>"), Some(String::new()));
        assert_eq!(lang_of("<p>fragment</p>"), None);
        assert_eq!(lang_of("<htmlx lang=en>"), None);
        assert_eq!(lang_of("<html data-lang=en>"), Some(String::new()));
    }
}
