//! The analysed message as a page shows it: the MIME tree, the header fields
//! with their byte offsets, a decoded preview of each text part, and the HTML
//! facts a reader cannot see (hidden runs) or may follow (links, images). The
//! page asks the engine for these instead of parsing the message again.
//!
//! Everything here is a view of `model::Message`, bounded by named limits so
//! the answer stays small whatever the input. Names, addresses and texts taken
//! from the message go through `hygiene::visible` (controls shown, length
//! capped), as in a report; the previews keep their line breaks.

use crate::hygiene::{visible, MAX_PARAM_CHARS, MAX_URL_CHARS};
use crate::model::headers::{HeaderBlock, HeaderField};
use crate::model::html::{Honest, HtmlFacts, Span};
use crate::model::{Body, HtmlBody, Message, Part};
use crate::report::Origin;
use crate::text::unicode;
use serde::Serialize;

/// Longest decoded preview of one text part, in characters; longer text is cut
/// and `truncated` is set. The page previews the whole HTML body of any real
/// message from it: Gmail clips a message past 102 KB ("[Message clipped]"), so
/// a million characters is ten times what any reader is shown (default, ours).
pub const MAX_PREVIEW_CHARS: usize = 1_000_000;
/// Largest image part whose decoded bytes come with the analysis (for a preview
/// to show `cid:` images). 5 MB: an inline image past it is past any sane mail,
/// and the message itself is refused at 10 MB (default, ours).
pub const MAX_PREVIEW_IMAGE_BYTES: usize = 5_000_000;
/// Most hidden runs, links and images listed per HTML body; `truncated` says
/// when more were left out.
pub const MAX_HTML_ITEMS: usize = 1_000;

/// The analysed parts of one message.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Analysis {
    pub origin: Origin,
    /// Bytes of the analysed message (the input, or the rendered message).
    pub size: usize,
    /// The rendered message, when the input was compose fields: offsets index it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// The top-level header fields, in order.
    pub headers: Vec<FieldView>,
    /// Every MIME part, depth-first; part 0 is the message.
    pub parts: Vec<PartView>,
    /// The decoded text of each text part (text/plain, text/html, …).
    pub texts: Vec<TextPreview>,
    /// The facts of each HTML body.
    pub html: Vec<HtmlView>,
    /// The decoded bytes of each image part an HTML body can show by `cid:`
    /// (a Content-ID, at most `MAX_PREVIEW_IMAGE_BYTES`).
    pub inline_images: Vec<InlineImage>,
}

/// An image part with a Content-ID, decoded.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct InlineImage {
    pub part: usize,
    pub content_type: String,
    /// The Content-ID without angle brackets, as written.
    pub content_id: String,
    /// Bytes as bytes: a `Uint8Array` through the JavaScript bindings.
    #[serde(serialize_with = "as_bytes")]
    pub bytes: Vec<u8>,
}

fn as_bytes<S: serde::Serializer>(bytes: &[u8], serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_bytes(bytes)
}

/// A header field as written, with byte offsets into the message.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FieldView {
    pub name: String,
    /// First byte of the name.
    pub start: usize,
    /// End of the field, before its line break.
    pub end: usize,
    /// First byte of the value (after the colon).
    pub value_start: usize,
}

/// One MIME part.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PartView {
    pub index: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parent: Option<usize>,
    pub depth: usize,
    pub content_type: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub charset: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub transfer_encoding: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub disposition: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub filename: Option<String>,
    /// The Content-ID without angle brackets.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub content_id: Option<String>,
    /// Byte range of the encoded body in the message, when it lies there as is.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub body_start: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub body_end: Option<usize>,
    pub decoded_size: usize,
    /// A body the reader sees (the text or HTML alternative).
    pub is_body: bool,
    pub is_attachment: bool,
    pub in_attached_message: bool,
    /// The part's own header fields (empty for part 0: see `Analysis::headers`).
    pub headers: Vec<FieldView>,
}

/// The decoded text of a text part, cut at `MAX_PREVIEW_CHARS`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TextPreview {
    pub part: usize,
    pub html: bool,
    pub text: String,
    /// Characters of the whole decoded text.
    pub chars: usize,
    pub truncated: bool,
}

/// What the HTML analysis found in one HTML body.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct HtmlView {
    pub part: usize,
    /// Text no reader sees: hidden by CSS, or in (nearly) the colour of its background.
    pub hidden_runs: Vec<HiddenRunView>,
    pub links: Vec<LinkView>,
    pub images: Vec<ImageView>,
    /// More than `MAX_HTML_ITEMS` runs, links or images: the rest are left out.
    pub truncated: bool,
    /// The HTML was too deep or too large to be analysed whole.
    pub analysis_truncated: bool,
}

/// Where the start tag of an element of an HTML body is: in the analysed message
/// when the body lies there as is, and always in the decoded text of its part
/// (UTF-8 byte offsets into the `TextPreview` of that part).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ElementAt {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decoded_start: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decoded_end: Option<usize>,
}

/// A run of text a reader cannot see.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct HiddenRunView {
    pub text: String,
    /// The element holding the text (`span`, `td`, …).
    pub element: String,
    /// The CSS that hides it (`display: none`), when it is hidden rather than camouflaged.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hidden_by: Option<&'static str>,
    /// Where the hiding or the colours come from (the declaration or attribute).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub color: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub background: Option<String>,
    /// WCAG contrast of the text on its background, when the background is known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contrast: Option<f64>,
    /// An honest pattern (`preheader`, `trackingPixel`, `screenReader`, `smallScreens`,
    /// `someClients`, `interaction`): hidden, but not reported.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub honest: Option<&'static str>,
    pub at: ElementAt,
}

/// A link of the HTML.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LinkView {
    pub href: String,
    pub text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    pub at: ElementAt,
}

/// An image of the HTML.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ImageView {
    pub src: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub alt: Option<String>,
    pub at: ElementAt,
}

/// The view of an analysed message. `min_contrast`: text under this contrast
/// with its background counts as hidden (`spam.invisibleMinContrast`).
pub fn analysis_of(message: &Message, source: Option<&[u8]>, min_contrast: f64) -> Analysis {
    Analysis {
        origin: message.origin,
        size: message.encoded_size(),
        source: source.map(|s| String::from_utf8_lossy(s).into_owned()),
        headers: fields_of(&message.header),
        parts: message.parts.iter().map(part_view).collect(),
        texts: message.parts.iter().filter_map(text_preview).collect(),
        html: message.html.iter().map(|html| html_view(html, min_contrast)).collect(),
        inline_images: message.parts.iter().filter_map(inline_image).collect(),
    }
}

fn inline_image(part: &Part) -> Option<InlineImage> {
    let Body::Binary(bytes) = &part.body else { return None };
    if !part.content_type.starts_with("image/") || bytes.len() > MAX_PREVIEW_IMAGE_BYTES {
        return None;
    }
    Some(InlineImage {
        part: part.index,
        content_type: part.content_type.clone(),
        content_id: part.content_id.clone()?,
        bytes: bytes.to_vec(),
    })
}

fn fields_of(block: &HeaderBlock) -> Vec<FieldView> {
    block.fields.iter().map(field_view).collect()
}

fn field_view(field: &HeaderField) -> FieldView {
    let name = visible(&field.name, MAX_PARAM_CHARS);
    FieldView { name, start: field.start, end: field.end, value_start: field.colon + 1 }
}

/// A name from the message (MIME parameter, file name), as people may see it.
fn name(text: &str) -> String {
    visible(text, MAX_PARAM_CHARS)
}

fn part_view(part: &Part) -> PartView {
    PartView {
        index: part.index,
        parent: part.parent,
        depth: part.depth,
        content_type: visible(&part.content_type, MAX_PARAM_CHARS),
        charset: part.charset.as_deref().map(name),
        transfer_encoding: part.transfer_encoding.as_deref().map(name),
        disposition: part.disposition.as_deref().map(name),
        filename: part.filename.as_deref().map(name),
        content_id: part.content_id.as_deref().map(name),
        body_start: part.body_range.as_ref().map(|r| r.start),
        body_end: part.body_range.as_ref().map(|r| r.end),
        decoded_size: part.decoded_len(),
        is_body: part.is_body,
        is_attachment: part.is_attachment,
        in_attached_message: part.in_attached_message,
        headers: if part.index == 0 { Vec::new() } else { fields_of(&part.headers) },
    }
}

fn text_preview(part: &Part) -> Option<TextPreview> {
    let (text, html) = match &part.body {
        Body::Text(text) => (text, false),
        Body::Html(text) => (text, true),
        _ => return None,
    };
    let chars = text.chars().count();
    Some(TextPreview {
        part: part.index,
        html,
        text: text.chars().take(MAX_PREVIEW_CHARS).collect(),
        chars,
        truncated: chars > MAX_PREVIEW_CHARS,
    })
}

/// The one place HTML facts become the page's view, with element offsets.
fn html_view(html: &HtmlBody, min_contrast: f64) -> HtmlView {
    let facts: &HtmlFacts = &html.facts;
    let at = |tag: Option<Span>| match tag {
        None => ElementAt { start: None, end: None, decoded_start: None, decoded_end: None },
        Some(tag) => {
            let in_message = html.message_range(tag);
            ElementAt {
                start: in_message.as_ref().map(|r| r.start),
                end: in_message.as_ref().map(|r| r.end),
                decoded_start: Some(tag.start),
                decoded_end: Some(tag.end),
            }
        }
    };
    let honest = |h: Option<Honest>| {
        h.map(|h| match h {
            Honest::Preheader => "preheader",
            Honest::TrackingPixel => "trackingPixel",
            Honest::ScreenReaderText => "screenReader",
            Honest::ShownOnSmallScreens => "smallScreens",
            Honest::ShownInSomeClients => "someClients",
            Honest::ShownOnInteraction => "interaction",
        })
    };
    let hidden = facts.hidden.iter().filter(|h| h.words.chars().any(unicode::is_alphanumeric)).map(|h| HiddenRunView {
        text: name(&h.words),
        element: h.element.to_string(),
        hidden_by: Some(h.means.css()),
        source: Some(facts.describe(h.source)).filter(|s| !s.is_empty()),
        color: None,
        background: None,
        contrast: None,
        honest: honest(h.honest),
        at: at(h.tag),
    });
    let camouflaged = facts
        .runs
        .iter()
        .filter(|run| run.text.chars().any(unicode::is_alphanumeric) && run.hidden.is_none())
        .filter(|run| run.background.is_some_and(|bg| run.color.contrast(bg) < min_contrast))
        .map(|run| HiddenRunView {
            text: name(&run.text),
            element: run.element.to_string(),
            hidden_by: None,
            source: Some(facts.describe(run.color_source)).filter(|s| !s.is_empty()),
            color: Some(run.color.hex()),
            background: run.background.map(|bg| bg.hex()),
            contrast: run.background.map(|bg| run.color.contrast(bg)),
            honest: honest(run.honest),
            at: at(run.tag),
        });
    let hidden_runs: Vec<HiddenRunView> = hidden.chain(camouflaged).take(MAX_HTML_ITEMS + 1).collect();
    let truncated =
        hidden_runs.len() > MAX_HTML_ITEMS || facts.links.len() > MAX_HTML_ITEMS || facts.images.len() > MAX_HTML_ITEMS;
    HtmlView {
        part: html.part,
        hidden_runs: hidden_runs.into_iter().take(MAX_HTML_ITEMS).collect(),
        links: facts
            .links
            .iter()
            .take(MAX_HTML_ITEMS)
            .map(|link| LinkView {
                href: visible(&link.href, MAX_URL_CHARS),
                text: name(&link.text),
                title: link.title.as_deref().map(name),
                at: at(link.tag),
            })
            .collect(),
        images: facts
            .images
            .iter()
            .take(MAX_HTML_ITEMS)
            .map(|image| ImageView {
                src: visible(&image.src, MAX_URL_CHARS),
                alt: image.alt.as_deref().map(name),
                at: at(image.tag),
            })
            .collect(),
        truncated,
        analysis_truncated: facts.truncated.is_some(),
    }
}
