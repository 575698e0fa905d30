//! Facts about an HTML body, computed once and complete when `analyse` returns:
//! the visible text, the styled text runs (effective colour, background and
//! font size), the text hidden from the reader and how, the links and the
//! images, each with the byte range of its element's start tag. Rules read
//! these facts; none re-parses the HTML.
//!
//! The layers, one file each: `tags` (pre-scan: start tags and where to cut),
//! `tree` (html5ever through scraper, fed tag by tag for offsets), `direct`
//! (the simple markup handed to html5ever's tree builder without its
//! tokenizer), `values`
//! (declarations read with cssparser), `color` (CSS Color 4), `sheet` (style
//! sheets and selector matching with `selectors`), `cascade` (computed style
//! per element), `walk` (the walk that builds the facts), `honest` (the
//! preheader and tracking-pixel patterns) and `conditional` (the links of
//! Outlook's conditional comments). The work is bounded by `budget`.

pub mod budget;
pub mod cascade;
pub mod color;
pub mod conditional;
mod direct;
mod honest;
mod inline;
pub mod media;
pub mod names;
mod past_cut;
pub mod sheet;
pub mod tags;
mod transform;
mod tree;
pub mod values;
mod walk;

pub use budget::{MAX_DERIVED_BYTES, MAX_HTML_STEPS};
pub use cascade::{font_element_px, TINY_FONT_PX};
pub use color::{parse_color, Rgba};
pub use tags::{Span, TruncatedBy, MAX_HTML_DEPTH, MAX_HTML_ELEMENTS, MAX_TAG_ATTRIBUTES};
pub use values::ROOT_FONT_PX;
pub use honest::{MAX_PREHEADER_CHARS, MAX_SCREEN_READER_CHARS, MAX_SCREEN_READER_TOTAL_CHARS};
pub use walk::MAX_HIDDEN_WORDS_BYTES;

use html5ever::LocalName;

/// The value of an element's attribute `name` (no namespace), as scraper's
/// `Element::attr`, without building an atom of `name` for every lookup: an
/// element has a few attributes, compared by their local name (#14: the atoms
/// built for 160,000 lookups on the SpamAssassin corpus were 1.5 % of a lint).
/// `name` is an atom made when the crate is compiled (`local_name!`): a string
/// is always interned the same way, so atoms are equal when their names are,
/// compared as one number where a name compared as a string was looked up in
/// the table of names first (#14: 2.7 % of a large newsletter's lint in Node).
fn attr<'e>(element: &'e scraper::node::Element, name: &LocalName) -> Option<&'e str> {
    element
        .attrs
        .iter()
        .find(|(q, _)| q.prefix.is_none() && q.ns.is_empty() && q.local == *name)
        .map(|(_, value)| &**value)
}

/// Index of a `Source` in `HtmlFacts::sources`.
pub type SourceId = u32;

/// How text is hidden from the reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HiddenMeans {
    /// `display: none` or the `hidden` attribute.
    DisplayNone,
    /// `visibility: hidden | collapse`.
    VisibilityHidden,
    /// `opacity` 0 or `filter: opacity(0)` (multiplied down the tree).
    ZeroOpacity,
    /// A font size of at most `TINY_FONT_PX`.
    TinyFont,
    /// `clip: rect(…)` or `clip-path` leaving nothing visible.
    Clipped,
    /// Moved out of the view: large negative `left`/`top` when positioned,
    /// negative margins, `text-indent`, or a `transform` / `translate`.
    OffScreen,
    /// Drawn shrunk to at most `TINY_FONT_PX` text by `transform: scale()`,
    /// `matrix()`, the `scale` property or `zoom` (multiplied down the tree).
    Shrunk,
    /// Inside a box of (max-)width or (max-)height 0–1 px whose overflow is cut.
    ZeroSizeBox,
}

impl HiddenMeans {
    /// The CSS that hides the text, as a reader would search for it: CSS
    /// notation only, the same in every language (the limits are
    /// `cascade::INVISIBLE_OPACITY`, `TINY_FONT_PX`, `OFFSCREEN_PX`, `ZERO_BOX_PX`).
    pub fn css(self) -> &'static str {
        match self {
            HiddenMeans::DisplayNone => "display: none",
            HiddenMeans::VisibilityHidden => "visibility: hidden",
            HiddenMeans::ZeroOpacity => "opacity ≤ 0.02",
            HiddenMeans::TinyFont => "font-size: 0–1px",
            HiddenMeans::Clipped => "clip / clip-path",
            HiddenMeans::OffScreen => "left / top / margin / text-indent / translate ≤ -500px",
            HiddenMeans::Shrunk => "transform: scale() / zoom → font-size ≤ 1px",
            HiddenMeans::ZeroSizeBox => "width / height: 0–1px; overflow: hidden",
        }
    }

    /// Whether the hidden text's white space still takes room in its line, so
    /// that it parts the drawn words on either side. Not for `display: none`,
    /// which makes no box at all (CSS Display 3 §2.5: the element and its
    /// content "generate no boxes"), so its white space is never in the line
    /// whose spaces CSS Text 3 §4 collapses; nor for a font of at most
    /// `TINY_FONT_PX`, whose space is a fraction of a pixel wide. The others
    /// keep their box (`visibility: hidden` and `opacity: 0` draw it empty, CSS 2
    /// §11.2 "still affect layout") or may, as positioning decides: they part
    /// the words, as before (ours).
    pub fn spaces_take_room(self) -> bool {
        !matches!(self, HiddenMeans::DisplayNone | HiddenMeans::TinyFont)
    }
}

/// An honest reason for text or an image to be hidden.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Honest {
    /// The preview text mail clients show after the subject: short, hidden, and
    /// first in the body, before any visible text.
    Preheader,
    /// A 1×1 image that counts opens.
    TrackingPixel,
    /// A short label visually hidden for screen readers ("opens in a new
    /// window", "on Instagram" beside an icon): WCAG technique C7, Bootstrap's
    /// `.visually-hidden`.
    ScreenReaderText,
    /// Hidden in the default view, shown on phones by the rules of a
    /// small-screen media query: responsive mail's mobile-only block.
    ShownOnSmallScreens,
    /// Hidden in the default view, shown by a media query on a feature some
    /// clients match (`-webkit-min-device-pixel-ratio`: WebKit-only "kinetic" mail).
    ShownInSomeClients,
    /// Hidden until the reader acts: shown by a rule on `:checked`, `:hover`,
    /// `:focus` or `:target` (MJML's accordion, a closed `<details>`).
    ShownOnInteraction,
}

/// Where a style value comes from.
#[derive(Debug, Clone, PartialEq)]
pub enum SourceOrigin {
    /// A declaration of the element's `style` attribute.
    Inline { element: LocalName },
    /// A declaration of a style sheet rule (index in `HtmlFacts::selectors`).
    Rule { selector: usize },
    /// A presentational attribute (`bgcolor`, `<font size>`, `hidden`).
    Attribute { element: LocalName, name: &'static str },
    /// The element's default style (`<h1>`).
    Element { element: LocalName },
}

/// One place a style value comes from, shared by every element it styles.
#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    pub origin: SourceOrigin,
    /// The CSS property (empty for attributes and elements).
    pub property: &'static str,
    /// The value as written, shortened to `sheet::MAX_QUOTED_VALUE` bytes.
    pub value: String,
}

/// How a text run is hidden.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Hidden {
    pub means: HiddenMeans,
    pub source: Option<SourceId>,
    /// Index of the hiding element's entry in `HtmlFacts::hidden`.
    pub entry: usize,
}

/// A run of text (one text node) with its effective style.
#[derive(Debug, Clone, PartialEq)]
pub struct TextRun {
    /// The text, white space collapsed, trimmed.
    pub text: String,
    /// The element holding the text (`td`, `span`, …).
    pub element: LocalName,
    /// Start tag of that element in the decoded HTML.
    pub tag: Option<Span>,
    /// Effective text colour (opaque: composited over the background and faded by opacity).
    pub color: Rgba,
    /// Effective background colour; `None` when an image or gradient makes it unknown.
    pub background: Option<Rgba>,
    pub color_source: Option<SourceId>,
    pub background_source: Option<SourceId>,
    /// Effective font size in px.
    pub font_px: f32,
    pub font_source: Option<SourceId>,
    /// The factor `transform: scale()`, `scale` and `zoom` draw the text at
    /// (multiplied down the tree; 1 when none), and where the last one is set.
    pub scale: f32,
    pub scale_source: Option<SourceId>,
    pub hidden: Option<Hidden>,
    /// The run is part of an honest pattern (a preheader shown in white on white, say).
    pub honest: Option<Honest>,
    /// Where the run is in `HtmlFacts::visible_text`: its bytes when it is
    /// drawn, the empty range where it is left out when it is hidden.
    pub shown_at: std::ops::Range<usize>,
    /// Its text starts or ends with white space: left out, it still parts the
    /// words on either side when that space takes room
    /// (`HiddenMeans::spaces_take_room`, `HtmlFacts::drawn_text`).
    pub spaced: bool,
}

impl TextRun {
    /// Drawn in its background's colour: shown by no hiding, part of no honest
    /// pattern, and its contrast with a known background under `min_contrast`
    /// (what `spam/invisible-text` reports as the same colour).
    pub fn in_background_colour(&self, min_contrast: f64) -> bool {
        self.hidden.is_none()
            && self.honest.is_none()
            && self.background.is_some_and(|background| self.color.contrast(background) < min_contrast)
    }
}

/// Text hidden from the reader: the words of one hiding element.
#[derive(Debug, Clone, PartialEq)]
pub struct HiddenText {
    /// The hidden words as a reader would see them: each run of white space and
    /// padding (`&zwnj;&nbsp;`, `&#847;`…) one space, invisible characters
    /// between letters dropped (shortened to `walk::MAX_HIDDEN_WORDS_BYTES`,
    /// then ending in `…`).
    pub words: String,
    /// `words` was shortened: more text is hidden there than it keeps.
    pub cut: bool,
    pub means: HiddenMeans,
    pub source: Option<SourceId>,
    /// The element where the hiding starts.
    pub element: LocalName,
    pub tag: Option<Span>,
    /// No visible text comes before it in the body, but for a "View in
    /// browser" bar (`honest::MAX_WORDS_BEFORE_PREHEADER` words at most).
    pub before_visible_text: bool,
    /// Hidden in the shape of text for screen readers (`honest::is_screen_reader_box`),
    /// and not starting with letters glued to a visible word's end.
    pub screen_reader: bool,
    pub honest: Option<Honest>,
}

/// A link (`<a href>` or `<area href>`), or where a form sends what is typed
/// in it (`<form action>`): SpamAssassin's HTML parser (HTML.pm `html_uri`)
/// puts form actions in the message's URI list beside links, so the rules that
/// judge an address read them too.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Link {
    /// The `href` (or the form's `action`) as written (entities decoded by the
    /// HTML parser), or, for a relative one under a `<base href>`, the address
    /// it resolves to (Apple Mail and Thunderbird follow the base: `walk::resolve_under_base`).
    pub href: String,
    /// The text a reader sees for the link: hidden text and invisible characters
    /// (`text::unicode::is_invisible`, e.g. `www.pay&#8203;pal.com`) left out,
    /// so the domain a text shows is the one a reader reads. Empty for a form.
    pub text: String,
    pub title: Option<String>,
    /// Start tag of the link element in the decoded HTML.
    pub tag: Option<Span>,
    /// An image is inside it, or it is an `<area>` of an image map: something to
    /// click even without text.
    pub image: bool,
    /// A `<form action>`: nothing to click as a link, an address to send to.
    pub form: bool,
    /// The document's `<base href>` (HTML §4.2.3: the first one): nothing to
    /// click, the address relative links are resolved against.
    pub base: bool,
    /// Inside an Outlook conditional comment (`<!--[if mso]> … <![endif]-->`,
    /// `HtmlFacts::conditional_links`): a link Outlook's readers alone see.
    pub conditional: bool,
    /// The scheme and host of `href`, parsed on the first ask (`url`).
    pub parsed: crate::model::urls::LinkUrl,
}

impl Link {
    /// The scheme and host of the URL (`url::Url::parse` of the trimmed
    /// href), parsed once for every rule that asks.
    pub fn url(&self) -> Option<&crate::model::urls::UrlFacts> {
        self.parsed.get(&self.href)
    }

    /// The element as a finding quotes it: `<a href="…">text</a>` or `<form action="…">`.
    pub fn markup(&self) -> String {
        if self.form {
            format!("<form action=\"{}\">", self.href)
        } else if self.base {
            format!("<base href=\"{}\">", self.href)
        } else if self.conditional {
            format!("<!--[if mso]> <a href=\"{}\">{}</a>", self.href, self.text)
        } else {
            format!("<a href=\"{}\">{}</a>", self.href, self.text)
        }
    }
}

/// An image (`<img src>`).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Image {
    pub src: String,
    pub alt: Option<String>,
    pub tag: Option<Span>,
    /// Honest when it is a tracking pixel.
    pub honest: Option<Honest>,
    /// A name other than `alt`: a non-empty `aria-label`, `aria-labelledby`
    /// or `title` (axe-core's image-alt checks aria-label, aria-labelledby,
    /// non-empty-title).
    pub named: bool,
    /// `role="presentation"` or `role="none"`: decorative (axe-core's presentational-role).
    pub presentational: bool,
    /// Hidden from every reader: `display:none`, `visibility:hidden`, the
    /// `hidden` attribute, or its own `aria-hidden="true"` (axe-core skips hidden elements).
    pub hidden: bool,
}

/// Where and why the HTML analysis was cut.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Truncation {
    pub by: TruncatedBy,
    /// The limit that was reached.
    pub limit: usize,
    /// Bytes of HTML analysed (the cut offset in the decoded HTML).
    pub analysed_bytes: usize,
    pub total_bytes: usize,
}

/// Which limit of the style sheets was reached.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StyleLimit {
    /// `sheet::MAX_STYLE_BYTES` of CSS, comments not counted.
    Bytes,
    /// `sheet::MAX_STYLE_RULES` rules.
    Rules,
}

/// Where the style sheets stopped being read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StyleCut {
    pub by: StyleLimit,
    /// The limit that was reached.
    pub limit: usize,
    /// Selectors of the rules past `MAX_STYLE_RULES` (0 when cut by bytes: the rest was not read).
    pub selectors_left_out: usize,
}

/// Longest run drawn in the background's colour read as letters hidden inside
/// a word (`v<span style="color:#fff">k</span>iagra` is `viagra`) when it
/// stands between two letters with no white space: a word of the fold at most
/// (`text::fold::MAX_WORD_CHARS`); a longer one parts the words. *(default, ours)*
pub const MAX_HIDDEN_IN_WORD_CHARS: usize = crate::text::fold::MAX_WORD_CHARS;

impl HtmlFacts {
    /// The text as it is drawn for a reader, which the lexicons read: the
    /// visible text without the runs drawn in their background's colour
    /// (`TextRun::in_background_colour` under `min_contrast`), as
    /// SpamAssassin's HTML renderer puts "invisible" text apart from the
    /// visible (`Mail::SpamAssassin::HTML`, `visible_text` / `invisible_text`).
    /// A run left out between two letters, without white space and of at most
    /// `MAX_HIDDEN_IN_WORD_CHARS`, joins them (`v<k>iagra` is `viagra`); one
    /// with white space at its edges, or a hidden one that had some whose
    /// space takes room in the line (`visibility: hidden`, …:
    /// `HiddenMeans::spaces_take_room`), leaves a space. A run hidden by
    /// `display: none` or a font of 0–1 px draws nothing, its spaces included:
    /// the drawn text on either side alone says whether a space parts them
    /// (`vi<span style="display:none"> zz </span>agra` is `viagra`, as a browser
    /// draws it), so that hidden filler between two words (`buy <span
    /// hidden>xxx</span> now`) never glues them. Borrowed when no run is left
    /// out; linear in the text and the runs.
    pub fn drawn_text(&self, min_contrast: f64) -> std::borrow::Cow<'_, str> {
        use std::borrow::Cow;
        let text = self.visible_text.as_str();
        let cut = |run: &TextRun| {
            run.in_background_colour(min_contrast) || (run.spaced && run.hidden.as_ref().is_some_and(|h| h.means.spaces_take_room()))
        };
        if !self.runs.iter().any(cut) {
            return Cow::Borrowed(text);
        }
        let mut out = String::with_capacity(text.len());
        let mut at = 0;
        for run in self.runs.iter().filter(|run| cut(run)) {
            let range = run.shown_at.clone();
            let (Some(before), Some(dropped), Some(after)) = (text.get(at..range.start), text.get(range.clone()), text.get(range.end..))
            else {
                continue;
            };
            if range.start < at {
                continue;
            }
            out.push_str(before);
            at = range.end;
            let in_word = !dropped.is_empty()
                && !dropped.contains(char::is_whitespace)
                && dropped.chars().nth(MAX_HIDDEN_IN_WORD_CHARS).is_none()
                && out.ends_with(char::is_alphanumeric)
                && after.starts_with(char::is_alphanumeric);
            let apart = out.is_empty() || out.ends_with(char::is_whitespace) || after.starts_with(char::is_whitespace);
            let parts = run.spaced || dropped.contains(char::is_whitespace) || !in_word;
            if parts && !apart && (!dropped.is_empty() || run.spaced) {
                out.push(' ');
            }
        }
        out.push_str(text.get(at..).unwrap_or_default());
        Cow::Owned(out)
    }

    /// `visible_text` with its `quoted_ranges` blanked out (each byte of them
    /// but a line feed a space, so every other offset stays), or `None` when it
    /// quotes nothing. The ranges hold whole characters: what is left is too.
    pub fn unquoted_text(&self) -> Option<String> {
        if self.quoted_ranges.is_empty() {
            return None;
        }
        let mut bytes = self.visible_text.as_bytes().to_vec();
        for range in &self.quoted_ranges {
            for byte in bytes.get_mut(range.clone()).into_iter().flatten() {
                if *byte != b'\n' {
                    *byte = b' ';
                }
            }
        }
        String::from_utf8(bytes).ok()
    }

    /// The visible text without the parts shown as code (`code_ranges`), each
    /// replaced by a line break.
    pub fn prose(&self) -> String {
        let mut out = String::with_capacity(self.visible_text.len());
        let mut at = 0;
        for range in &self.code_ranges {
            out.push_str(self.visible_text.get(at..range.start).unwrap_or_default());
            out.push('\n');
            at = range.end;
        }
        out.push_str(self.visible_text.get(at..).unwrap_or_default());
        out
    }
}

/// What an HTML body shows and references.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct HtmlFacts {
    /// The text a reader sees, with block elements separated by line breaks;
    /// hidden text is left out.
    pub visible_text: String,
    /// Byte ranges of `visible_text` shown as code (`<code>`, `<pre>`,
    /// `<kbd>`, `<samp>`): text a message shows on purpose, as written.
    pub code_ranges: Vec<std::ops::Range<usize>>,
    /// Byte ranges of `visible_text` inside the message a reply or forward
    /// quotes, as mail clients mark it (`<blockquote type="cite">`, Gmail's
    /// `gmail_quote`, Outlook's `divRplyFwdMsg` and what follows it: `walk::Quote`),
    /// in order: the quoted message's words, not the sender's. Whether the
    /// message answers one is the rules' to judge (`reading::answers_a_message`).
    pub quoted_ranges: Vec<std::ops::Range<usize>>,
    /// Offsets of `visible_text` where a paragraph element (`p`, `hr`,
    /// `blockquote`, `pre`, `listing`, `plaintext`, `xmp`, `title`) starts or
    /// ends, hidden or not, each once, in order: SpamAssassin's renderer writes a
    /// blank line there (`HTML::html_whitespace`), where `visible_text` has a line break.
    pub paragraph_breaks: Vec<usize>,
    /// Every non-blank text node with its effective style, hidden ones included.
    pub runs: Vec<TextRun>,
    /// The hidden text, one entry per hiding element, honest patterns marked.
    pub hidden: Vec<HiddenText>,
    pub links: Vec<Link>,
    /// The links only Outlook shows, in its conditional comments
    /// (`conditional::links`), those whose address `links` has left out.
    pub conditional_links: Vec<Link>,
    pub images: Vec<Image>,
    /// Where style values come from (`SourceId`s index it).
    pub sources: Vec<Source>,
    /// Selector text of each style sheet rule (`SourceOrigin::Rule`).
    pub selectors: Vec<String>,
    /// Number of elements in the document.
    pub element_count: usize,
    /// Rendered characters (white space collapsed as a browser does; `&nbsp;`
    /// and each `<br>` count as one blank each).
    pub rendered_chars: usize,
    /// Of `rendered_chars`, the blank ones.
    pub rendered_blanks: usize,
    /// Selectors (or `@media` blocks) not applied as too complex
    /// (`sheet::MAX_SELECTOR_COMPONENTS`, `sheet::MAX_CSS_NESTING`, `:has()`).
    pub ignored_selectors: usize,
    /// Set when the style sheets were read only up to a limit (`sheet::MAX_STYLE_BYTES`,
    /// `sheet::MAX_STYLE_RULES`): text the rest hides is not seen.
    pub style_cut: Option<StyleCut>,
    /// Work steps the analysis took (out of `MAX_HTML_STEPS`).
    pub steps: u64,
    /// Set when the analysis was cut (input too deep or large, or the budget ran out).
    pub truncated: Option<Truncation>,
}

impl HtmlFacts {
    /// Where a value comes from, as written: `<span style="color: #fff">`,
    /// `.ghost { color: #fff }`, `<td bgcolor="#000">`, `<h1>`; "" for the default.
    pub fn describe(&self, source: Option<SourceId>) -> String {
        let Some(source) = source.and_then(|s| self.sources.get(s as usize)) else { return String::new() };
        match &source.origin {
            SourceOrigin::Inline { element } => format!("<{element} style=\"{}: {}\">", source.property, source.value),
            SourceOrigin::Rule { selector } => {
                format!("{} {{ {}: {} }}", self.selectors.get(*selector).map_or("", String::as_str), source.property, source.value)
            }
            SourceOrigin::Attribute { element, name } if source.value.is_empty() => format!("<{element} {name}>"),
            SourceOrigin::Attribute { element, name } => format!("<{element} {name}=\"{}\">", source.value),
            SourceOrigin::Element { element } => format!("<{element}>"),
        }
    }
}

/// The work all the HTML of one message may take, its parts together (the
/// body, its alternative views, the leaves custom rules read): the walk's
/// steps and derived bytes (`budget::MAX_HTML_STEPS`, `budget::MAX_DERIVED_BYTES`)
/// and the tree builder's steps beyond its allowance a byte
/// (`tree::TREE_STEPS_BASE`). Each part had the whole of it: a message of
/// many HTML parts, each as costly as the limits let it be, took it as many
/// times (16 parts of a 92 kB style sheet each: 5.2 s in wasm, 10 MB of
/// them about 35 s).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Work {
    steps: u64,
    derived_bytes: usize,
    tree_steps: u64,
}

impl Work {
    /// The work of one message.
    pub fn standard() -> Work {
        Work::new(budget::MAX_HTML_STEPS, budget::MAX_DERIVED_BYTES, tree::TREE_STEPS_BASE)
    }

    /// Work of the walk's `steps` and `derived_bytes` and the tree builder's `tree_steps` beyond its allowance a byte.
    pub fn new(steps: u64, derived_bytes: usize, tree_steps: u64) -> Work {
        Work { steps, derived_bytes, tree_steps }
    }
}

impl Default for Work {
    fn default() -> Work {
        Work::standard()
    }
}

/// Parses `html` once and extracts its facts, within the standard work of a message.
pub fn analyse(html: &str) -> HtmlFacts {
    analyse_within(html, &mut Work::standard())
}

/// Parses `html` once and extracts its facts, within what is left of
/// `work`, and takes what it used from it.
pub fn analyse_within(html: &str, work: &mut Work) -> HtmlFacts {
    let mut budget = budget::Budget::new(work.steps, work.derived_bytes);
    let mut names = names::Names::default();
    let scan = tags::prescan(html, &mut names);
    budget.step(scan.tags.len() as u64);
    let mut truncated = None;
    let mut source = html;
    if let Some((cut, by, limit)) = scan.cut {
        source = html.get(..cut).unwrap_or(html);
        truncated = Some(Truncation { by, limit, analysed_bytes: cut, total_bytes: html.len() });
    }
    let parsed = tree::parse(source, &scan.tags, &scan.breaks, work.tree_steps);
    work.tree_steps = work.tree_steps.saturating_sub(parsed.base_used);
    if let Some((cut, by, limit)) = parsed.cut {
        truncated = Some(Truncation { by, limit, analysed_bytes: cut, total_bytes: html.len() });
    }
    let mut facts = walk::walk(&parsed, html.len(), &mut budget, &mut names);
    if facts.truncated.is_none() {
        facts.truncated = truncated;
    }
    // The text past a cut is still read (`past_cut`): a limit is no way to hide
    // words; but for the budget of derived text, which bounds the text itself.
    if let Some(cut) = facts.truncated.filter(|cut| cut.by != TruncatedBy::DerivedBytes) {
        let from = (cut.analysed_bytes..=html.len()).find(|&at| html.is_char_boundary(at)).unwrap_or(html.len());
        let from = past_cut::resume_at(html, from, &scan.tags);
        let mut rest = String::new();
        past_cut::append_text(&html[from..], &mut rest);
        let rest = rest.trim();
        if !rest.is_empty() {
            if !facts.visible_text.is_empty() {
                facts.visible_text.push('\n');
            }
            facts.visible_text.push_str(rest);
        }
    }
    honest::mark(&mut facts);
    facts.conditional_links = conditional::links(source, &scan.conditional_comments, &facts.links, &mut budget);
    facts.steps = budget.steps_used();
    (work.steps, work.derived_bytes) = budget.left();
    facts
}


#[cfg(test)]
mod quote_tests {
    /// The text of a quoted message, as the clients mark it, and only it.
    #[test]
    fn the_quote_of_a_reply_is_marked_in_the_visible_text() {
        let quoted = |html: &str| {
            let facts = super::analyse(html);
            let ranges: Vec<&str> = facts.quoted_ranges.iter().map(|r| &facts.visible_text[r.clone()]).collect();
            (ranges.join("|"), facts.unquoted_text())
        };
        let (ranges, unquoted) = quoted(r#"<p>Mine é.</p><blockquote type="cite"><p>Théirs</p><p>too</p></blockquote>"#);
        assert_eq!(ranges, "Théirs|too");
        assert_eq!(unquoted.as_deref().map(str::trim_end), Some("Mine é."));
        assert_eq!(quoted(r#"<p>Mine</p><BLOCKQUOTE TYPE=CITE>Theirs</BLOCKQUOTE><p>after</p>"#).0, "Theirs");
        assert_eq!(quoted(r#"<div class="x gmail_quote">On Monday: <b>theirs</b></div>mine"#).0, "On Monday: theirs");
        // Outlook: the header and what follows it, up to the end of their parent.
        let outlook = r#"<div><p>mine</p><div id="divRplyFwdMsg">From: Shop</div><div>theirs</div></div><p>mine again</p>"#;
        assert_eq!(quoted(outlook).0, "From: Shop|theirs");
        // An indent, a citation, no mark: nothing is quoted; hidden quoted text is no visible text.
        for html in ["<blockquote>Indented</blockquote>", r#"<blockquote cite="https://example.org">A saying</blockquote>"#,
                     r#"<p>mine</p><blockquote type="cite" style="display:none">theirs</blockquote>"#] {
            assert_eq!(quoted(html), (String::new(), None), "{html}");
        }
        // Leading white space trimmed from the text: the ranges move with it.
        let (ranges, unquoted) = quoted("  \n<blockquote type=cite>theirs</blockquote> mine");
        assert_eq!(ranges, "theirs");
        assert_eq!(unquoted.as_deref().map(str::trim), Some("mine"));
    }
}

#[cfg(test)]
mod drawn_tests {
    /// The text as drawn of a body: the runs in the background's colour left out,
    /// letters hidden inside a word joined, hidden filler between words no glue.
    #[test]
    fn the_text_as_drawn_leaves_out_text_in_the_background_colour() {
        let drawn = |html: &str| super::analyse(html).drawn_text(1.25).into_owned();
        assert_eq!(drawn(r#"<p>Buy v<span style="color:#fff">k</span>iagra now</p>"#), "Buy viagra now");
        assert_eq!(drawn(r#"<p style="background:#000;color:#fff">v<font color="black">zz</font>iagra</p>"#), "viagra");
        // Filler between words, in the colour or hidden, still parts them.
        assert_eq!(drawn(r#"<p>lowest<span style="color:#ffffff"> lorem ipsum </span>prices</p>"#), "lowest prices");
        assert_eq!(drawn(r#"<p>lowest<span style="visibility:hidden"> lorem </span>prices</p>"#), "lowest prices");
        assert_eq!(drawn(r#"<p>lowest<span style="display:none">lorem</span>prices</p>"#), "lowestprices");
        assert_eq!(drawn(r#"<p>lowest<span style="opacity:0"> lorem </span>prices</p>"#), "lowest prices");
        // Text that draws nothing, its spaces included: the drawn text around says whether words part.
        assert_eq!(drawn(r#"<p>Buy vi<span style="display:none"> zz </span>agra</p>"#), "Buy viagra");
        assert_eq!(drawn(r#"<p>Buy vi<span hidden> z z </span>agra</p>"#), "Buy viagra");
        assert_eq!(drawn(r#"<p>Buy vi<span style="font-size:0"> zz </span>agra</p>"#), "Buy viagra");
        assert_eq!(drawn(r#"<p>buy <span hidden>xxx</span> now, buy<span style="display:none"> xxx </span> now</p>"#), "buy now, buy now");
        assert_eq!(drawn(r#"<p>buy<span style="display:none"> xxx</span><br>now</p>"#), "buy\nnow");
        assert_eq!(drawn(r#"<p>lowest</p><p style="color:#fff">lorem</p><p>prices</p>"#), "lowest\n\nprices");
        // A long run between two letters is no letters of a word.
        let long = "x".repeat(super::MAX_HIDDEN_IN_WORD_CHARS + 1);
        assert_eq!(drawn(&format!(r#"<p>lowest<span style="color:#fff">{long}</span>prices</p>"#)), "lowest prices");
        // Nothing left out: the visible text itself.
        let facts = super::analyse("<p>Plain <b>text</b></p>");
        assert!(matches!(facts.drawn_text(1.25), std::borrow::Cow::Borrowed("Plain text")));
    }
}
