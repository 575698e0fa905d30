//! Honest reasons to hide: the patterns legitimate mail uses, told apart from
//! hidden spam text so honest senders are not punished for them.
//!
//! - The **preheader**: the preview text mail clients show after the subject,
//!   hidden in the body (`display:none; max-height:0; overflow:hidden`, often
//!   followed by `&zwnj;&nbsp;` padding). It is short and comes first, before
//!   any visible text, or after no more than a "View in browser" bar; its words
//!   fit the longest preview an inbox shows (`MAX_PREHEADER_CHARS`). Longer
//!   hidden text is no preview: it is read as hidden.
//! - **Screen-reader text**: a short label visually hidden for screen readers
//!   (WCAG 2 technique C7; Bootstrap's `.visually-hidden`, the A11Y Project's
//!   `.visually-hidden`): out of the flow, in a 1×1 px box that cuts its
//!   overflow, and clipped or moved away. Told by that shape, never by a class
//!   name, and bounded (`MAX_SCREEN_READER_CHARS`, `MAX_SCREEN_READER_TOTAL_CHARS`)
//!   so it cannot become a hiding place; its words are read by the lexicon
//!   rules all the same (`rules::reading::hidden_texts`).
//! - **Tracking pixels**: 1×1 images that count opens.
//! - **Text another view shows** (`media`): hidden in the default view, drawn
//!   on phones (responsive mail's mobile-only content), in the clients a media
//!   feature picks (WebKit-only "kinetic" mail) or once the reader acts (MJML's
//!   accordion, `:hover` cards, `:target`). The walk marks it (`Walker::
//!   shown_in_another_view`): text is hidden only when every view hides it.

use super::cascade::Style;
use super::{HtmlFacts, Honest, Image};

/// Longest hidden text taken for a preheader, in characters, white space
/// collapsed and padding (`&zwnj;`, `&nbsp;`, `&#847;`, U+200C, U+034F runs)
/// not counted: the longest preview an inbox shows. Litmus, "The Ultimate
/// Guide to Preview Text": a reader "could see anywhere from 5 lines of preview
/// text (that's about 278 characters) to 0 lines"; the widest client in the
/// published tables shows 255 (Outlook, Newsletter2Go's list) and Email on
/// Acid gives 30–80 on phones, 40–120 in webmail. Hidden text past that is not
/// shown by any preview: it is read as hidden. (Cerberus's "extended text
/// preheaders (~490 characters)" for voice assistants are therefore reported.)
pub const MAX_PREHEADER_CHARS: usize = 278;

/// Longest text taken for one screen-reader label, in characters (white space
/// collapsed): a link's purpose or an icon's name ("(opens in a new
/// window)", "on Instagram", "PDF, 2 MB"), not paragraphs. *(default, ours:
/// about the length of a long link text)*
pub const MAX_SCREEN_READER_CHARS: usize = 100;

/// Most characters of screen-reader labels taken in one HTML body: twenty
/// "(opens in a new window)" labels of a newsletter's links. Past it, the
/// labels are read as hidden text. *(default, ours)*
pub const MAX_SCREEN_READER_TOTAL_CHARS: usize = 500;

/// Most words of visible text before a preheader: the "View in browser" bar
/// some templates put above it ("View this email in your browser", 6 words;
/// "Having trouble viewing this email? View it in your browser.", 10), which
/// holds a link; words before it with no link make the hidden text no preheader.
/// *(default, ours)* Words in a preheader are read by the lexicon rules all
/// the same (`rules::reading::preheader_texts`).
pub const MAX_WORDS_BEFORE_PREHEADER: usize = 12;

/// Largest width and height (px) of a tracking pixel.
pub const MAX_PIXEL_PX: f32 = 1.0;

/// Marks the preheader and the screen-reader labels among the hidden text and its runs.
pub fn mark(facts: &mut HtmlFacts) {
    mark_preheader(facts);
    mark_screen_reader_text(facts);
}

/// The preview a client shows is the text the body starts with, hidden or
/// not: when several hidden elements come before any visible text (Google
/// Calendar's invitations hide a schema.org microdata event name, then their
/// preheader), the preview reads them in a row. They are the preheader
/// together while their words, counted as one preview (a space between
/// them), fit `MAX_PREHEADER_CHARS`; the first one that would pass it, and
/// every one after it, is read as hidden. One hidden text alone is judged as
/// before: no more room to hide words than a single preheader has.
fn mark_preheader(facts: &mut HtmlFacts) {
    let mut preview_chars = 0;
    let mut leading = Vec::new();
    for (index, entry) in facts.hidden.iter().enumerate() {
        // Text another view shows (`Walker::shown_in_another_view`) is seen
        // there, so what follows it is no longer the start of that view.
        if !entry.before_visible_text || entry.cut || entry.honest.is_some() {
            break;
        }
        // The words are kept as a preview reads them (padding one space: `walk`).
        let chars = entry.words.chars().count() + usize::from(preview_chars > 0);
        if preview_chars + chars > MAX_PREHEADER_CHARS {
            break;
        }
        preview_chars += chars;
        leading.push(index);
    }
    for index in leading {
        mark_entry(facts, index, Honest::Preheader);
    }
}

/// Marks the hidden texts in the shape of screen-reader labels, each short,
/// within a total for the body (in document order).
fn mark_screen_reader_text(facts: &mut HtmlFacts) {
    let mut total = 0;
    for index in 0..facts.hidden.len() {
        let entry = &facts.hidden[index];
        if !entry.screen_reader || entry.honest.is_some() || entry.cut {
            continue;
        }
        let chars = entry.words.chars().count();
        if chars > MAX_SCREEN_READER_CHARS || total + chars > MAX_SCREEN_READER_TOTAL_CHARS {
            continue;
        }
        total += chars;
        mark_entry(facts, index, Honest::ScreenReaderText);
    }
}

fn mark_entry(facts: &mut HtmlFacts, index: usize, honest: Honest) {
    if let Some(entry) = facts.hidden.get_mut(index) {
        entry.honest = Some(honest);
    }
    for run in &mut facts.runs {
        if run.hidden.is_some_and(|h| h.entry == index) {
            run.honest = Some(honest);
        }
    }
}

/// The shape of text visually hidden for screen readers, as WCAG 2 technique
/// C7 writes it (`position:absolute; left:-10000px; width:1px; height:1px;
/// overflow:hidden`) and Bootstrap's and the A11Y Project's `.visually-hidden`
/// (`position:absolute; width:1px; height:1px; overflow:hidden; clip:rect(0 0 0 0)`
/// or `clip-path: inset(50%)`): taken out of the flow so it moves nothing, in a
/// box of at most 1×1 px that cuts its overflow. The cascade asks it of the
/// element that hides (clipped, in that box, or moved off-screen).
pub fn is_screen_reader_box(out_of_flow: bool, overflow_clips: bool, width_px: Option<f32>, height_px: Option<f32>) -> bool {
    let tiny = |px: Option<f32>| px.is_some_and(|p| (0.0..=MAX_PIXEL_PX).contains(&p));
    out_of_flow && overflow_clips && tiny(width_px) && tiny(height_px)
}

/// Marks an image drawn at most 1×1 px as a tracking pixel.
pub fn mark_image(image: Option<&mut Image>, style: &Style) {
    let Some(image) = image else { return };
    let tiny = |px: Option<f32>| px.is_some_and(|p| p <= MAX_PIXEL_PX);
    if tiny(style.width_px) && tiny(style.height_px) {
        image.honest = Some(Honest::TrackingPixel);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn honest_of(html: &str) -> Vec<(String, Option<Honest>)> {
        crate::model::html::analyse(html).hidden.into_iter().map(|h| (h.words, h.honest)).collect()
    }

    const VH: &str = "<style>.vh { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%) }</style>";

    #[test]
    fn screen_reader_labels_are_honest_within_their_bounds() {
        let one = honest_of(&format!("{VH}<p>Hello, here is our news for the whole month of May, with many new things. <a href=\"https://example.com\">More<span class=\"vh\"> about our shop</span></a></p>"));
        assert_eq!(one, vec![("about our shop".to_string(), Some(Honest::ScreenReaderText))]);
        // Past MAX_SCREEN_READER_CHARS, a "label" is hidden text.
        let long = "word ".repeat(MAX_SCREEN_READER_CHARS / 5 + 1);
        let hidden = honest_of(&format!("{VH}<p>Hello</p><span class=\"vh\">{long}</span>"));
        assert_eq!(hidden[0].1, None);
        // Past MAX_SCREEN_READER_TOTAL_CHARS in the body, the next labels are hidden text.
        let label = "x".repeat(MAX_SCREEN_READER_CHARS);
        let many = (0..MAX_SCREEN_READER_TOTAL_CHARS / MAX_SCREEN_READER_CHARS + 1)
            .map(|i| format!("<p>Hello {i}<span class=\"vh\"> {label}</span></p>"))
            .collect::<String>();
        let marks: Vec<_> = honest_of(&format!("{VH}{many}")).into_iter().map(|h| h.1).collect();
        assert_eq!(marks.iter().filter(|h| h.is_some()).count(), MAX_SCREEN_READER_TOTAL_CHARS / MAX_SCREEN_READER_CHARS);
        assert_eq!(marks.last(), Some(&None));
    }

    #[test]
    fn the_screen_reader_shape_needs_every_part() {
        for style in [
            "width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0)",      // in the flow
            "position: absolute; width: 1px; height: 1px; clip: rect(0 0 0 0)",    // overflow shown
            "position: absolute; width: 10px; height: 1px; overflow: hidden; clip: rect(0 0 0 0)",
            "position: absolute; width: 1px; height: 1px; overflow: hidden; display: none",
        ] {
            let hidden = honest_of(&format!("<p>Hello</p><span style=\"{style}\">label</span>"));
            assert_eq!(hidden.first().map(|h| h.1), Some(None), "{style}");
        }
        // Letters glued to a visible word are a split word, never a label.
        let split = honest_of(&format!("{VH}<p>Hello vi<span class=\"vh\">zz</span>agra</p>"));
        assert_eq!(split[0].1, None);
    }

    #[test]
    fn a_preheader_fits_the_longest_inbox_preview() {
        let padding = "&zwnj;&nbsp;".repeat(200);
        let fits = "a".repeat(MAX_PREHEADER_CHARS);
        let marks = honest_of(&format!("<div style=\"display:none\">{fits}{padding}</div><p>Hello</p>"));
        assert_eq!(marks[0].1, Some(Honest::Preheader));
        let over = format!("{fits} b");
        let marks = honest_of(&format!("<div style=\"display:none\">{over}</div><p>Hello</p>"));
        assert_eq!(marks[0].1, None);
    }

    /// A calendar invitation's shape: a hidden structured-data name, then the
    /// hidden preview text, then the visible body. The preview reads both.
    #[test]
    fn hidden_texts_in_a_row_before_the_body_are_one_preheader_within_the_bound() {
        let hide = "display: none; max-height: 0; overflow: hidden";
        let marks = honest_of(&format!(
            "<span style=\"{hide}\">Team meeting</span><div style=\"{hide}\">You have been invited to Team meeting on Monday.</div><p>Team meeting</p><p>Monday 10:00</p>"
        ));
        assert_eq!(marks.len(), 2, "{marks:?}");
        assert!(marks.iter().all(|m| m.1 == Some(Honest::Preheader)), "{marks:?}");
        // Together they may not pass the bound one preheader has: the one that
        // would, and those after it, are hidden text.
        let half = "a".repeat(MAX_PREHEADER_CHARS / 2);
        let marks = honest_of(&format!(
            "<span style=\"{hide}\">{half}</span><span style=\"{hide}\">{half}</span><span style=\"{hide}\">b</span><p>Hello</p>"
        ));
        let marks: Vec<_> = marks.into_iter().map(|m| m.1).collect();
        assert_eq!(marks, vec![Some(Honest::Preheader), None, None]);
        // Hidden text after visible text is never part of the preheader.
        let marks = honest_of(&format!("<span style=\"{hide}\">Preview</span><p>Hello, this is the body of the message with several words in it to read.</p><span style=\"{hide}\">later</span>"));
        let marks: Vec<_> = marks.into_iter().map(|m| m.1).collect();
        assert_eq!(marks, vec![Some(Honest::Preheader), None]);
    }
}
