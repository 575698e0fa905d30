//! Honest reasons to hide: the patterns legitimate mail uses, told apart from
//! hidden spam text so honest senders are not punished for them.
//!
//! - The **preheader**: the preview text mail clients show after the subject,
//!   hidden in the body (`display:none; max-height:0; overflow:hidden`, often
//!   followed by `&zwnj;&nbsp;` padding). It is short and comes first, before
//!   any visible text (Litmus and Email on Acid guides: 40–130 characters shown
//!   in previews), or after no more than a "View in browser" bar.
//! - **Tracking pixels**: 1×1 images that count opens.
//! - **Text another view shows** (`media`): hidden in the default view, drawn
//!   on phones (responsive mail's mobile-only content), in the clients a media
//!   feature picks (WebKit-only "kinetic" mail) or once the reader acts (MJML's
//!   accordion, `:hover` cards, `:target`). The walk marks it (`Walker::
//!   shown_in_another_view`): text is hidden only when every view hides it.

use super::cascade::Style;
use super::{HtmlFacts, Honest, Image};

/// Longest hidden text taken for a preheader, in characters, white space
/// collapsed and padding not counted. Inbox previews show at most about 140
/// characters, but Cerberus, the MIT-licensed responsive template
/// (emailmonday/Cerberus), recommends "extended text preheaders (~490
/// characters)" for screen readers and voice assistants, and ships a sample of
/// 490. *(default, ours: that recommendation, rounded up)*
pub const MAX_PREHEADER_CHARS: usize = 500;

/// Most words of visible text before a preheader: the "View in browser" bar
/// some templates put above it ("View this email in your browser", 6 words;
/// "Having trouble viewing this email? View it in your browser.", 10), which
/// holds a link; words before it with no link make the hidden text no preheader.
/// *(default, ours)* Words in a preheader are read by the lexicon rules all
/// the same (`rules::reading::preheader_texts`).
pub const MAX_WORDS_BEFORE_PREHEADER: usize = 12;

/// Largest width and height (px) of a tracking pixel.
pub const MAX_PIXEL_PX: f32 = 1.0;

/// Marks the preheader among the hidden text and its runs.
pub fn mark(facts: &mut HtmlFacts) {
    let Some(first) = facts.hidden.first() else { return };
    // The words are kept as a preview reads them (padding one space: `walk`).
    let chars = first.words.chars().count();
    if !first.before_visible_text || chars > MAX_PREHEADER_CHARS || first.cut {
        return;
    }
    facts.hidden[0].honest = Some(Honest::Preheader);
    for run in &mut facts.runs {
        if run.hidden.is_some_and(|h| h.entry == 0) {
            run.honest = Some(Honest::Preheader);
        }
    }
}

/// Marks an image drawn at most 1×1 px as a tracking pixel.
pub fn mark_image(image: Option<&mut Image>, style: &Style) {
    let Some(image) = image else { return };
    let tiny = |px: Option<f32>| px.is_some_and(|p| p <= MAX_PIXEL_PX);
    if tiny(style.width_px) && tiny(style.height_px) {
        image.honest = Some(Honest::TrackingPixel);
    }
}
