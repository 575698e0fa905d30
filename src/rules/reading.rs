//! What the content rules (`spam/adult-terms`, `spam/sales-language`, the body
//! and link factors) read of the analysed message, in one place: the texts a
//! reader sees (subject, visible text of each body, hidden text, image text),
//! the links, and where a stretch of those texts lies in the message.
//!
//! The HTML views (AMP for Email, Apple Watch: `Message::html_views`) are read
//! as a text alternative is, for what they say and link to: their visible,
//! hidden and image text, and the links the HTML bodies do not have already;
//! they are not counted with the bodies (they repeat them, mostly).
//!
//! The HTML facts are read here alone (`visible_text`, `runs[].text`/`.hidden`,
//! `images[].alt`, `links[]` and `conditional_links[]` with their element spans), so a change of their
//! shape is adapted in this file.

use crate::i18n::Msg;
use crate::model::html::{self, Honest, HtmlFacts, Span};
use crate::model::{HtmlBody, Message};
use crate::report::Location;
use crate::rules::spam::{element_location, part_location, subject_location};
use std::borrow::Cow;
use crate::hash::KeyedSet;
use std::ops::Range;

/// Where a text is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    Subject,
    /// The visible text of a body part: the rendered HTML, or the text part.
    Body {
        part: usize,
    },
    /// The preheader of an HTML body: hidden in the body, but the line inbox
    /// lists show after the subject (`model::html::honest`).
    Preheader {
        part: usize,
    },
    /// Text of an HTML body hidden from the reader.
    Hidden {
        part: usize,
    },
    /// Alternative text of images.
    ImageText {
        part: usize,
    },
}

impl Place {
    /// How the place is named in findings, as a message of the catalogue said
    /// in the reader's language ("the subject", "MIME part 1 (hidden text)").
    pub fn message(self) -> Msg {
        let (id, part) = match self {
            Place::Subject => return Msg::new("core.report.place.subject"),
            Place::Body { part } => ("core.report.place.body", part),
            Place::Preheader { part } => ("core.report.place.preheader", part),
            Place::Hidden { part } => ("core.report.place.hidden", part),
            Place::ImageText { part } => ("core.report.place.image-text", part),
        };
        Msg::new(id).int("part", part)
    }
}

/// A text a reader sees, and where.
#[derive(Debug, Clone)]
pub struct Text<'m> {
    pub place: Place,
    pub text: Cow<'m, str>,
    source: Source<'m>,
}

impl<'m> Text<'m> {
    /// Whether this is the text of a plain-text part (a body or a text
    /// alternative), where a reply quotes with `>` lines.
    pub fn is_plain_text(&self) -> bool {
        matches!((&self.place, &self.source), (Place::Body { .. }, Source::Raw { .. }))
    }

    /// The visible text of an HTML body or view without the message a reply or
    /// forward quotes (`HtmlFacts::quoted_ranges` blanked out: every other
    /// offset stays), or `None` when it quotes none. Only for the visible text as
    /// it is: a body read without its runs drawn in the background's colour
    /// (`drawn_bodies`) has other offsets, and keeps its quote.
    pub fn unquoted_html(&self) -> Option<&'m str> {
        let html = match (&self.place, &self.source) {
            (Place::Body { .. }, Source::Html(html)) => html,
            _ => return None,
        };
        if html.facts.quoted_ranges.is_empty() || *self.text != *html.facts.visible_text {
            return None;
        }
        html.unquoted_text()
    }

    /// The HTML body this text is the visible text of (not its preheader).
    pub fn html_body(&self) -> Option<&'m HtmlBody> {
        match (&self.place, &self.source) {
            (Place::Body { .. }, Source::Html(html)) => Some(html),
            _ => None,
        }
    }
}

/// Where the words of a text are written, to point at a term as written.
#[derive(Debug, Clone)]
enum Source<'m> {
    /// Bytes of the message: the Subject field's value, a text part's encoded body.
    Raw {
        range: Option<Range<usize>>,
        /// The text is these bytes as they are (a plain-text part in 7bit or
        /// 8bit, an unfolded Subject without encoded words): offsets carry over.
        verbatim: bool,
    },
    /// An HTML body: the text is rendered from its decoded HTML.
    Html(&'m HtmlBody),
}

/// Whether `message` answers or forwards another, so that what it quotes (its
/// `>` lines, the quote of its HTML: `Text::unquoted_html`) is that one's: it
/// carries In-Reply-To or References (RFC 5322 §3.6.4 asks them of a reply), or
/// its subject starts with a reply or forward marker (`Re:`, `Fwd:`, `TR :`…; a
/// forward carries neither field). A message that answers nothing keeps its
/// quotes: a pitch wrapped as a quote is the sender's.
pub fn answers_a_message(message: &Message) -> bool {
    message.header("In-Reply-To").is_some()
        || message.header("References").is_some()
        || message.subject.as_deref().is_some_and(|subject| {
            crate::rules::spam::subject_caps::strip_reply_prefixes(subject).len() != subject.trim_start().len()
        })
}

/// The Subject, decoded.
pub fn subject<'m>(message: &'m Message) -> Option<Text<'m>> {
    let subject = message.subject.as_deref()?;
    let source = message.header("Subject").map(|f| f.value_range());
    let verbatim = source
        .as_ref()
        .is_some_and(|r| message.raw.get(r.clone()).is_some_and(|raw| raw.trim_ascii() == subject.as_bytes()));
    let source = source.map(|r| match message.raw.get(r.clone()) {
        // `value_range` starts after the colon: skip the space before the text.
        Some(raw) => r.start + (raw.len() - raw.trim_ascii_start().len())..r.end,
        None => r,
    });
    Some(Text { place: Place::Subject, text: Cow::Borrowed(subject), source: Source::Raw { range: source, verbatim } })
}

/// The visible text of each body a reader sees: the HTML bodies rendered, or,
/// when there is no HTML body, the text bodies.
pub fn bodies<'m>(message: &'m Message) -> Vec<Text<'m>> {
    if !message.html.is_empty() {
        return message.html.iter().map(rendered).collect();
    }
    message.text_bodies().map(text_body).collect()
}

/// The text of each body as it is drawn, which the lexicons read: `bodies`,
/// but for an HTML body its text without the runs drawn in the background's
/// colour under `min_contrast` (`HtmlFacts::drawn_text`: `v<span
/// style="color:#fff">k</span>iagra` reads `viagra`).
pub fn drawn_bodies<'m>(message: &'m Message, min_contrast: f64) -> Vec<Text<'m>> {
    if !message.html.is_empty() {
        return message
            .html
            .iter()
            .map(|html| Text { text: html.facts.drawn_text(min_contrast), ..rendered(html) })
            .collect();
    }
    message.text_bodies().map(text_body).collect()
}

/// The visible text of an HTML body or view.
fn rendered(html: &HtmlBody) -> Text<'_> {
    Text {
        place: Place::Body { part: html.part },
        text: Cow::Borrowed(html.facts.visible_text.as_str()),
        source: Source::Html(html),
    }
}

/// The text bodies of a message with an HTML body (its text alternatives, as
/// a text-only client shows them); none when it has no HTML body, since
/// `bodies` reads its text bodies then.
pub fn text_alternatives<'m>(message: &'m Message) -> Vec<Text<'m>> {
    if message.html.is_empty() {
        return Vec::new();
    }
    message.text_bodies().map(text_body).collect()
}

/// The visible text of each HTML view (AMP, Apple Watch: `Message::html_views`),
/// another reader's version of the message, as `text_alternatives` is: read
/// for what it says, not counted with the bodies (it repeats them, mostly).
pub fn html_views<'m>(message: &'m Message) -> Vec<Text<'m>> {
    message.html_views.iter().map(rendered).collect()
}

/// The HTML a reader may be shown: the HTML bodies, then the HTML views.
pub fn html_documents<'m>(message: &'m Message) -> impl Iterator<Item = &'m HtmlBody> + 'm {
    message.html.iter().chain(&message.html_views)
}

/// Every link of the HTML bodies, in order, each body's links then those
/// only Outlook shows (its conditional comments, `HtmlFacts::conditional_links`),
/// then those of the HTML views whose target is not linked already: an AMP or
/// Apple Watch version repeats its HTML's links, which are judged once, where
/// most readers see them.
pub fn html_links<'m>(message: &'m Message) -> impl Iterator<Item = (&'m HtmlBody, &'m html::Link)> + 'm {
    let of = |html: &'m HtmlBody| html.facts.links.iter().chain(&html.facts.conditional_links).map(move |link| (html, link));
    let mut seen: KeyedSet<&str> = if message.html_views.is_empty() {
        KeyedSet::default()
    } else {
        message.html.iter().flat_map(of).map(|(_, l)| l.href.trim()).collect()
    };
    let views = message.html_views.iter().flat_map(of).filter(move |(_, link)| seen.insert(link.href.trim()));
    message.html.iter().flat_map(of).chain(views)
}

/// A text body as a reader sees it: a `format=flowed` one as its paragraphs
/// (`Part::reader_text`, RFC 3676), whose offsets are then not the bytes'.
fn text_body<'m>(part: &'m crate::model::Part<'m>) -> Text<'m> {
    let identity = matches!(part.transfer_encoding.as_deref(), None | Some("7bit" | "8bit" | "binary"));
    Text {
        place: Place::Body { part: part.index },
        text: Cow::Borrowed(part.reader_text().unwrap_or_default()),
        source: Source::Raw { range: part.body_range.clone(), verbatim: identity && part.unflowed.is_none() },
    }
}

/// Whether the message has an HTML body and no text alternative a reader's
/// client can show instead.
pub fn html_only(message: &Message) -> bool {
    !message.html.is_empty() && message.text_bodies().next().is_none()
}

/// The preheader of each HTML body, if any: hidden in the body, it is the
/// most read line of the message, shown after the subject in the inbox list.
pub fn preheader_texts<'m>(message: &'m Message) -> Vec<Text<'m>> {
    html_texts(
        message.html.iter(),
        |part| Place::Preheader { part },
        |facts| {
            facts.runs.iter().filter(|r| r.honest == Some(Honest::Preheader)).map(|r| r.text.as_str()).collect()
        },
    )
}

/// The text of each HTML body and view that is hidden from the reader, if
/// any (the preheader apart: `preheader_texts`): hidden by its style, or drawn
/// in its background's colour under `min_contrast`, which `drawn_bodies` leaves
/// out of the body's text (a term written white on white is still read, here).
pub fn hidden_texts<'m>(message: &'m Message, min_contrast: f64) -> Vec<Text<'m>> {
    html_texts(
        html_documents(message),
        |part| Place::Hidden { part },
        |facts| {
            facts
                .runs
                .iter()
                .filter(|r| (r.hidden.is_some() || r.in_background_colour(min_contrast)) && r.honest != Some(Honest::Preheader))
                .map(|r| r.text.as_str())
                .collect()
        },
    )
}

/// The alternative text of the images of each HTML body and view, if any.
pub fn image_texts<'m>(message: &'m Message) -> Vec<Text<'m>> {
    html_texts(
        html_documents(message),
        |part| Place::ImageText { part },
        |facts| facts.images.iter().filter_map(|i| i.alt.as_deref()).collect(),
    )
}

/// For each of `documents`, the pieces of text `pick` takes from its facts, joined, when there are any.
fn html_texts<'m>(
    documents: impl Iterator<Item = &'m HtmlBody>,
    place: impl Fn(usize) -> Place,
    pick: impl Fn(&'m HtmlFacts) -> Vec<&'m str>,
) -> Vec<Text<'m>> {
    documents
        .filter_map(|html| {
            let pieces = pick(&html.facts);
            (!pieces.is_empty()).then(|| Text {
                place: place(html.part),
                text: Cow::Owned(pieces.join(" ")),
                source: Source::Html(html),
            })
        })
        .collect()
}

/// A link: of an HTML body, or a URL written in a text body or in the visible
/// text of an HTML body (mail clients make those clickable, a reader copies
/// them, and filters read them as links: SpamAssassin's URI list parses the
/// rendered text of every part, rspamd the text content of text and HTML parts).
#[derive(Debug, Clone)]
pub struct Link<'m> {
    pub href: Cow<'m, str>,
    /// The text a reader sees for the link (for a written URL, the URL as written).
    pub text: &'m str,
    origin: LinkOrigin<'m>,
}

#[derive(Debug, Clone)]
enum LinkOrigin<'m> {
    /// The link's start tag in the decoded HTML.
    Html { html: &'m HtmlBody, link: &'m crate::model::html::Link },
    /// Written in a text body, at `range` of its text.
    Text { body: Text<'m>, range: Range<usize>, written: &'m crate::model::WrittenLink },
}

impl<'m> Link<'m> {
    /// A `<form action>`: an address what is typed in the form is sent to, no
    /// link to click (findings say "the form", not "the link").
    pub fn is_form(&self) -> bool {
        matches!(self.origin, LinkOrigin::Html { link, .. } if link.form)
    }

    /// The scheme and host of the link's URL (`url::Url::parse` of the
    /// trimmed href), parsed once for every rule that asks: each HTML link and
    /// each written URL keeps its own (`model::urls::LinkUrl`).
    pub fn url(&self) -> Option<&'m crate::model::urls::UrlFacts> {
        match self.origin {
            LinkOrigin::Html { link, .. } => link.url(),
            LinkOrigin::Text { written, .. } => written.parsed.get(&self.href),
        }
    }

    /// The link as a finding quotes it: the element, or the URL as written.
    pub fn evidence(&self) -> String {
        match self.origin {
            LinkOrigin::Html { link, .. } => link.markup(),
            LinkOrigin::Text { .. } => self.text.to_string(),
        }
    }
}

/// The texts a host written with a path and no scheme is read in (`bit.ly/x`,
/// `text::links::bare_host_paths`, which `links/shortener` reads for its hosts):
/// the bodies a reader sees, then the text alternatives.
pub fn bare_link_texts<'m>(message: &'m Message) -> Vec<Text<'m>> {
    let mut texts = bodies(message);
    texts.extend(text_alternatives(message));
    texts
}

/// Whether one of `bare_link_texts` writes a host with a path and no scheme.
pub fn writes_bare_host_paths(message: &Message) -> bool {
    bare_link_texts(message).iter().any(|text| !crate::text::links::bare_host_paths(&text.text, 1).is_empty())
}

/// URLs written in the text bodies and in the visible text of HTML bodies read
/// as links, per message (rspamd's `max_urls`, conf/options.inc: 10,240); the
/// rest of the text is not read for links.
pub const MAX_WRITTEN_LINKS: usize = 10_240;

/// Every link of every HTML body, in order, then those of the HTML views
/// (`html_links`), then the URLs written in the text bodies and in the visible
/// text of the HTML bodies (the first `MAX_WRITTEN_LINKS`) that no HTML body
/// links to already (a text alternative repeats its HTML's links, a link's
/// text often shows its own address).
pub fn links<'m>(message: &'m Message) -> impl Iterator<Item = Link<'m>> + 'm {
    let html = html_links(message).map(|(html, l)| Link {
        href: Cow::Borrowed(l.href.as_str()),
        text: &l.text,
        origin: LinkOrigin::Html { html, link: l },
    });
    let written = written_links(message).iter().filter_map(move |w| {
        let body = written_in(message, w)?;
        let written: &'m str = match body.text {
            Cow::Borrowed(text) => text.get(w.range.clone())?,
            Cow::Owned(_) => return None,
        };
        let href = if w.href_prefix.is_empty() { Cow::Borrowed(written) } else { Cow::Owned(format!("{}{written}", w.href_prefix)) };
        Some(Link { href, text: written, origin: LinkOrigin::Text { body, range: w.range.clone(), written: w } })
    });
    html.chain(written)
}

/// The text a written URL's range indexes: its text body, or the visible
/// text of its HTML body.
fn written_in<'m>(message: &'m Message, w: &crate::model::WrittenLink) -> Option<Text<'m>> {
    match w.in_html {
        Some(index) => message.html.get(index).map(rendered),
        None => message.parts.get(w.part).map(text_body),
    }
}

/// A written URL as a browser opens it: the scheme a mail client adds, then the URL as written.
fn written_href(message: &Message, w: &crate::model::WrittenLink) -> String {
    let body = written_in(message, w);
    let written = body.as_ref().and_then(|b| b.text.get(w.range.clone())).unwrap_or_default();
    format!("{}{written}", w.href_prefix)
}

/// The URLs written in the text bodies, found once per message for every link rule.
fn written_links<'m>(message: &'m Message) -> &'m [crate::model::WrittenLink] {
    message.written_links.get_or_init(|| {
        let mut written = Vec::new();
        for (position, part) in message.parts.iter().enumerate().filter(|(_, part)| part.is_text_body()) {
            // The text `text_body` reads, which the ranges index.
            let text = part.reader_text().unwrap_or_default();
            for (range, href_prefix) in crate::text::links::written_url_spans(text, MAX_WRITTEN_LINKS - written.len()) {
                written.push(crate::model::WrittenLink { part: position, in_html: None, range, href_prefix, parsed: Default::default() });
            }
        }
        // A text alternative often writes what its HTML writes: each URL once.
        let in_text: KeyedSet<String> = written.iter().map(|w| written_href(message, w)).collect();
        for (index, html) in message.html.iter().enumerate() {
            let text = html.facts.visible_text.as_str();
            for (range, href_prefix) in crate::text::links::written_url_spans(text, MAX_WRITTEN_LINKS - written.len()) {
                if !in_text.contains(&format!("{href_prefix}{}", text.get(range.clone()).unwrap_or_default())) {
                    written.push(crate::model::WrittenLink {
                        part: html.part,
                        in_html: Some(index),
                        range,
                        href_prefix,
                        parsed: Default::default(),
                    });
                }
            }
        }
        if !written.is_empty() && html_documents(message).next().is_some() {
            let linked: KeyedSet<&str> =
                html_documents(message).flat_map(|h| h.facts.links.iter().map(|l| l.href.trim())).collect();
            written.retain(|w| !linked.contains(written_href(message, w).as_str()));
        }
        written
    })
}

/// Where a link is: its start tag (in the message when the body is there as is,
/// else in the part's decoded HTML), or the URL as written in its text part.
pub fn link_location(message: &Message, link: &Link) -> Location {
    match &link.origin {
        LinkOrigin::Html { html, link } => element_location(message, html, link.tag),
        LinkOrigin::Text { body, range, .. } => location(message, body, range.clone()),
    }
}

/// Where a text is: the Subject field, or its MIME part.
pub fn place_location(message: &Message, text: &Text) -> Location {
    match text.place {
        Place::Subject => subject_location(message),
        Place::Body { part } | Place::Preheader { part } | Place::Hidden { part } | Place::ImageText { part } => {
            part_location(message, part)
        }
    }
}

/// Where `range` of a text lies in the message: the exact bytes when the text
/// is the message's bytes as they are; else the first place where the same
/// characters are written in its source (the decoded HTML of an HTML body, the
/// field or the part's bytes); else the whole place.
pub fn location(message: &Message, text: &Text, range: Range<usize>) -> Location {
    let whole = place_location(message, text);
    let Some(written) = text.text.get(range.clone()).filter(|w| !w.is_empty()) else { return whole };
    match &text.source {
        Source::Html(html) => {
            let decoded = message.parts.get(html.part).and_then(|p| p.text()).unwrap_or_default();
            match memchr::memmem::find(decoded.as_bytes(), written.as_bytes()) {
                Some(at) => element_location(message, html, Some(Span { start: at, end: at + written.len() })),
                None => whole,
            }
        }
        Source::Raw { range: Some(source), verbatim } => {
            let Some(raw) = message.raw.get(source.clone()) else { return whole };
            let written = written.as_bytes();
            let exact = source.start + range.start;
            if *verbatim && message.raw.get(exact..exact + written.len()) == Some(written) {
                return whole.with_range(exact, exact + written.len());
            }
            // memmem, not a comparison at every byte: a term found in a long
            // text part was a quarter million comparisons (#14, callgrind).
            match memchr::memmem::find(raw, written) {
                Some(at) => whole.with_range(source.start + at, source.start + at + written.len()),
                None => whole,
            }
        }
        Source::Raw { range: None, .. } => whole,
    }
}
