//! Facts about an HTML body, computed once with scraper: the visible text, the
//! styled text runs (effective colour, background and font size), the links and
//! the images. Rules read these facts; none re-parses the HTML.
//!
//! Every walk over the tree is iterative, so hostile nesting cannot overflow the
//! stack. html5ever's tree builder costs O(elements × open elements) (scope
//! checks walk the stack of open elements), so a cheap pre-scan cuts the input
//! before `MAX_HTML_DEPTH` nested elements or `MAX_HTML_ELEMENTS` elements; the
//! rules are told (`HtmlFacts::truncated`) and say so in a finding.

use scraper::{Html, Node};
use std::collections::HashMap;

/// Deepest nesting of elements parsed; beyond it the HTML is cut. Real mail
/// rarely nests deeper than 60; html5ever's cost grows with this depth.
pub const MAX_HTML_DEPTH: usize = 512;
/// Most elements parsed; beyond it the HTML is cut.
pub const MAX_HTML_ELEMENTS: usize = 100_000;
/// Most `<style>` rules read; further rules are ignored.
pub const MAX_STYLE_RULES: usize = 2_000;
/// Longest CSS text (all `<style>` elements together) read, in bytes.
pub const MAX_STYLE_BYTES: usize = 256 * 1024;

/// Font size of the root, in px (browsers' and mail clients' default).
pub const ROOT_FONT_PX: f32 = 16.0;

/// An sRGB colour with alpha (0–1).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rgba {
    pub r: u8,
    pub g: u8,
    pub b: u8,
    pub a: f32,
}

impl Rgba {
    pub const WHITE: Rgba = Rgba { r: 255, g: 255, b: 255, a: 1.0 };
    pub const BLACK: Rgba = Rgba { r: 0, g: 0, b: 0, a: 1.0 };
    pub const TRANSPARENT: Rgba = Rgba { r: 0, g: 0, b: 0, a: 0.0 };
    /// Browsers' default link colour.
    pub const LINK_BLUE: Rgba = Rgba { r: 0, g: 0, b: 0xee, a: 1.0 };

    /// `self` drawn over the opaque colour `below`.
    pub fn over(self, below: Rgba) -> Rgba {
        let a = self.a.clamp(0.0, 1.0);
        let mix = |top: u8, bottom: u8| (top as f32 * a + bottom as f32 * (1.0 - a)).round().clamp(0.0, 255.0) as u8;
        Rgba { r: mix(self.r, below.r), g: mix(self.g, below.g), b: mix(self.b, below.b), a: 1.0 }
    }

    /// WCAG 2.x relative luminance.
    pub fn luminance(self) -> f64 {
        let channel = |c: u8| {
            let c = c as f64 / 255.0;
            if c <= 0.03928 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(self.r) + 0.7152 * channel(self.g) + 0.0722 * channel(self.b)
    }

    /// WCAG 2.x contrast ratio, 1 (identical) to 21 (black on white).
    pub fn contrast(self, other: Rgba) -> f64 {
        let (l1, l2) = (self.luminance(), other.luminance());
        let (hi, lo) = if l1 >= l2 { (l1, l2) } else { (l2, l1) };
        (hi + 0.05) / (lo + 0.05)
    }

    /// `#rrggbb`.
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.r, self.g, self.b)
    }
}

/// Why a text run is not shown at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HiddenBy {
    DisplayNone,
    VisibilityHidden,
    ZeroOpacity,
    /// A font size of at most `TINY_FONT_PX`.
    TinyFont,
}

impl HiddenBy {
    /// The CSS that hides the text, as a reader would search for it.
    pub fn css(self) -> &'static str {
        match self {
            HiddenBy::DisplayNone => "display: none",
            HiddenBy::VisibilityHidden => "visibility: hidden",
            HiddenBy::ZeroOpacity => "opacity: 0",
            HiddenBy::TinyFont => "font-size: 0–1px",
        }
    }
}

/// Text no reader can see at this size (px).
pub const TINY_FONT_PX: f32 = 1.0;

/// A run of text (one text node) with its effective style.
#[derive(Debug, Clone, PartialEq)]
pub struct TextRun {
    /// The text, white space collapsed, trimmed.
    pub text: String,
    /// The element holding the text (`td`, `span`, …).
    pub element: String,
    /// Effective text colour (opaque, composited over the background).
    pub color: Rgba,
    /// Effective background colour; `None` when a background image makes it unknown.
    pub background: Option<Rgba>,
    /// Where the colour comes from: `<span style="color:#fff">`, or empty for the default.
    pub color_source: String,
    /// Where the background comes from: `<td bgcolor="#fff">`, or empty for the default white.
    pub background_source: String,
    /// Effective font size in px.
    pub font_px: f32,
    /// Where the font size comes from: `<h1 style="font-size:72px">`, or empty for the default.
    pub font_source: String,
    pub hidden: Option<HiddenBy>,
    /// Where the hiding comes from.
    pub hidden_source: String,
}

/// A link (`<a href>` or `<area href>`).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Link {
    /// The `href` as written (entities decoded by the HTML parser).
    pub href: String,
    /// The text a reader sees for the link.
    pub text: String,
    pub title: Option<String>,
}

/// An image (`<img src>`).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Image {
    pub src: String,
    pub alt: Option<String>,
}

/// Why the HTML was cut before parsing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TruncatedBy {
    /// More than `MAX_HTML_DEPTH` nested elements.
    Depth,
    /// More than `MAX_HTML_ELEMENTS` elements.
    Elements,
}

/// Where and why the HTML was cut.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Truncation {
    pub by: TruncatedBy,
    /// The limit that was reached.
    pub limit: usize,
    /// Bytes of HTML analysed (the cut offset in the decoded HTML).
    pub analysed_bytes: usize,
    pub total_bytes: usize,
}

/// What an HTML body shows and references.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct HtmlFacts {
    /// The text a reader sees, with block elements separated by line breaks; text
    /// hidden by `display:none`, `visibility:hidden`, `opacity:0` or a 0–1px font is left out.
    pub visible_text: String,
    /// Every non-blank text node with its effective style, hidden ones included.
    pub runs: Vec<TextRun>,
    pub links: Vec<Link>,
    pub images: Vec<Image>,
    /// Number of elements in the document.
    pub element_count: usize,
    /// Rendered characters (white space collapsed as a browser does; `&nbsp;`
    /// and each `<br>` count as one blank each).
    pub rendered_chars: usize,
    /// Of `rendered_chars`, the blank ones.
    pub rendered_blanks: usize,
    /// Set when the input was cut before parsing.
    pub truncated: Option<Truncation>,
}

/// Elements whose content is never shown.
const HIDDEN_ELEMENTS: &[&str] = &["head", "script", "style", "template", "noscript", "title", "meta", "link"];

/// Elements that start a new line when rendered.
const BLOCK_ELEMENTS: &[&str] = &[
    "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "fieldset", "figcaption", "figure",
    "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre",
    "section", "table", "td", "th", "tr", "ul",
];

/// Elements without content (HTML §13.1.2), never open on the stack.
const VOID_ELEMENTS: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
];

/// Elements whose end tag may be omitted and that a parser closes when a sibling
/// opens (HTML §13.1.2.4), so an unclosed run of them does not nest.
const OPTIONAL_END_ELEMENTS: &[&str] =
    &["p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "tbody", "thead", "tfoot", "colgroup"];

/// Elements whose content is raw text: `<` inside them starts no tag.
const RAW_TEXT_ELEMENTS: &[&str] = &["script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes"];

/// The byte offset at which `html` must be cut so the parser sees at most
/// `MAX_HTML_DEPTH` nested elements and `MAX_HTML_ELEMENTS` elements.
/// One linear pass; approximates the tree builder (optional end tags and void
/// elements do not nest), erring on the side of cutting.
pub fn prescan_cut(html: &str) -> Option<(usize, TruncatedBy, usize)> {
    let bytes = html.as_bytes();
    let mut depth = 0usize;
    let mut elements = 0usize;
    let mut i = 0usize;
    while i < bytes.len() {
        let Some(offset) = memchr_lt(&bytes[i..]) else { break };
        let lt = i + offset;
        let rest = &bytes[lt + 1..];
        if rest.starts_with(b"!--") {
            i = find(bytes, lt + 4, b"-->").map_or(bytes.len(), |e| e + 3);
            continue;
        }
        let closing = rest.first() == Some(&b'/');
        let name_start = lt + 1 + usize::from(closing);
        let name_len = bytes[name_start.min(bytes.len())..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-')
            .count();
        if name_len == 0 || !bytes[name_start].is_ascii_alphabetic() {
            i = lt + 1;
            continue;
        }
        let name = html[name_start..name_start + name_len].to_ascii_lowercase();
        let tag_end = memchr_gt(&bytes[name_start..]).map_or(bytes.len(), |e| name_start + e + 1);
        if closing {
            if !VOID_ELEMENTS.contains(&name.as_str()) && !OPTIONAL_END_ELEMENTS.contains(&name.as_str()) {
                depth = depth.saturating_sub(1);
            }
            i = tag_end;
            continue;
        }
        elements += 1;
        if elements > MAX_HTML_ELEMENTS {
            return Some((lt, TruncatedBy::Elements, MAX_HTML_ELEMENTS));
        }
        let self_closing = tag_end >= 2 && bytes.get(tag_end - 2) == Some(&b'/');
        let nests = !VOID_ELEMENTS.contains(&name.as_str())
            && !OPTIONAL_END_ELEMENTS.contains(&name.as_str())
            && !self_closing;
        if nests {
            depth += 1;
            if depth > MAX_HTML_DEPTH {
                return Some((lt, TruncatedBy::Depth, MAX_HTML_DEPTH));
            }
        }
        i = tag_end;
        if RAW_TEXT_ELEMENTS.contains(&name.as_str()) {
            // Skip to the end tag: `<` inside raw text starts no tag.
            let closing_tag = format!("</{name}");
            i = find_ascii_ci(bytes, i, closing_tag.as_bytes()).unwrap_or(bytes.len());
        }
    }
    None
}

fn memchr_lt(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| b == b'<')
}

fn memchr_gt(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| b == b'>')
}

fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    bytes.get(from..)?.windows(needle.len()).position(|w| w == needle).map(|p| from + p)
}

fn find_ascii_ci(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    bytes.get(from..)?.windows(needle.len()).position(|w| w.eq_ignore_ascii_case(needle)).map(|p| from + p)
}

/// Parses `html` once and extracts its facts.
pub fn analyse(html: &str) -> HtmlFacts {
    let mut truncated = None;
    let mut source = html;
    if let Some((cut, by, limit)) = prescan_cut(html) {
        source = html.get(..cut).unwrap_or(html);
        truncated = Some(Truncation { by, limit, analysed_bytes: cut, total_bytes: html.len() });
    }
    let document = Html::parse_document(source);
    let sheet = StyleSheet::from_document(&document);
    let mut walker = Walker { facts: HtmlFacts { truncated, ..HtmlFacts::default() }, sheet, link_stack: Vec::new() };
    walker.walk(&document);
    let mut facts = walker.facts;
    facts.visible_text = facts.visible_text.trim().to_string();
    for link in &mut facts.links {
        link.text = link.text.trim().to_string();
    }
    facts
}

/// The effective style of an open element.
#[derive(Debug, Clone)]
struct Computed {
    color: Rgba,
    color_source: String,
    /// Opaque background, or `None` when an image makes it unknown.
    background: Option<Rgba>,
    background_source: String,
    font_px: f32,
    font_source: String,
    hidden: Option<HiddenBy>,
    hidden_source: String,
    preformatted: bool,
    /// Inside an element whose content is never shown (`head`, `script`, …).
    never_shown: bool,
    /// For selectors: the element's name, id and classes.
    name: String,
    id: String,
    classes: Vec<String>,
}

impl Computed {
    fn root() -> Computed {
        Computed {
            color: Rgba::BLACK,
            color_source: String::new(),
            background: Some(Rgba::WHITE),
            background_source: String::new(),
            font_px: ROOT_FONT_PX,
            font_source: String::new(),
            hidden: None,
            hidden_source: String::new(),
            preformatted: false,
            never_shown: false,
            name: String::new(),
            id: String::new(),
            classes: Vec::new(),
        }
    }
}

struct Walker {
    facts: HtmlFacts,
    sheet: StyleSheet,
    link_stack: Vec<usize>,
}

/// A step of the iterative walk (generic so the tree's node type need not be named).
enum Step<N> {
    Enter(N),
    Leave(N),
}

impl Walker {
    fn walk(&mut self, document: &Html) {
        let mut styles: Vec<Computed> = vec![Computed::root()];
        let mut stack = vec![Step::Enter(document.tree.root())];
        while let Some(step) = stack.pop() {
            match step {
                Step::Enter(node) => match node.value() {
                    Node::Element(element) => {
                        self.facts.element_count += 1;
                        let parent = styles.last().cloned().unwrap_or_else(Computed::root);
                        let computed = self.compute(element, &parent, &styles);
                        self.enter_element(element, &computed);
                        styles.push(computed);
                        stack.push(Step::Leave(node));
                        let mut child = node.last_child();
                        while let Some(c) = child {
                            stack.push(Step::Enter(c));
                            child = c.prev_sibling();
                        }
                    }
                    Node::Text(text) => {
                        if let Some(style) = styles.last() {
                            self.text(text, style);
                        }
                    }
                    Node::Document | Node::Fragment => {
                        let mut child = node.last_child();
                        while let Some(c) = child {
                            stack.push(Step::Enter(c));
                            child = c.prev_sibling();
                        }
                    }
                    _ => {}
                },
                Step::Leave(node) => {
                    if let Node::Element(element) = node.value() {
                        let style = styles.pop();
                        self.leave_element(element, style.as_ref());
                    }
                }
            }
        }
    }

    fn shown(style: &Computed) -> bool {
        !style.never_shown && style.hidden.is_none()
    }

    fn enter_element(&mut self, element: &scraper::node::Element, style: &Computed) {
        let name = element.name();
        if name == "br" && Self::shown(style) {
            // Each `<br>` is a line a reader sees, so runs of them count as blank.
            self.facts.visible_text.push('\n');
            self.facts.rendered_chars += 1;
            self.facts.rendered_blanks += 1;
        } else if BLOCK_ELEMENTS.contains(&name) && Self::shown(style) {
            push_break(&mut self.facts.visible_text);
        }
        if (name == "a" || name == "area") && element.attr("href").is_some() {
            let mut link = Link {
                href: element.attr("href").unwrap_or_default().to_string(),
                text: String::new(),
                title: element.attr("title").map(str::to_string),
            };
            if name == "area" {
                link.text.push_str(element.attr("alt").unwrap_or_default());
            }
            self.facts.links.push(link);
            self.link_stack.push(self.facts.links.len() - 1);
        }
        if name == "img" {
            if let Some(src) = element.attr("src") {
                self.facts.images.push(Image { src: src.to_string(), alt: element.attr("alt").map(str::to_string) });
            }
            if let (Some(alt), Some(&link)) = (element.attr("alt"), self.link_stack.last()) {
                if let Some(l) = self.facts.links.get_mut(link) {
                    append_collapsed(&mut l.text, alt);
                }
            }
        }
    }

    fn leave_element(&mut self, element: &scraper::node::Element, style: Option<&Computed>) {
        let name = element.name();
        if (name == "a" || name == "area") && element.attr("href").is_some() {
            self.link_stack.pop();
        }
        if name != "br" && BLOCK_ELEMENTS.contains(&name) && style.is_some_and(Self::shown) {
            push_break(&mut self.facts.visible_text);
        }
    }

    fn text(&mut self, text: &str, style: &Computed) {
        if style.never_shown {
            return;
        }
        if let Some(&link) = self.link_stack.last() {
            if let Some(l) = self.facts.links.get_mut(link) {
                append_collapsed(&mut l.text, text);
            }
        }
        let mut run_text = String::new();
        append_collapsed(&mut run_text, text);
        let run_text = run_text.trim().to_string();
        if style.hidden.is_none() {
            self.count_rendered(text, style.preformatted);
            if style.preformatted {
                self.facts.visible_text.push_str(text);
            } else {
                append_collapsed(&mut self.facts.visible_text, text);
            }
        }
        if run_text.chars().all(|c| c.is_whitespace()) {
            return;
        }
        let background = style.background;
        let color = match background {
            Some(bg) => style.color.over(bg),
            None => style.color.over(Rgba::WHITE),
        };
        self.facts.runs.push(TextRun {
            text: run_text,
            element: style.name.clone(),
            color,
            background,
            color_source: style.color_source.clone(),
            background_source: style.background_source.clone(),
            font_px: style.font_px,
            font_source: style.font_source.clone(),
            hidden: style.hidden,
            hidden_source: style.hidden_source.clone(),
        });
    }

    /// Counts rendered and blank characters as a browser shows them.
    fn count_rendered(&mut self, text: &str, preformatted: bool) {
        let mut in_space = self.facts.visible_text.ends_with([' ', '\n']) || self.facts.visible_text.is_empty();
        for ch in text.chars() {
            let collapsible = ch.is_whitespace() && ch != '\u{a0}';
            if collapsible && !preformatted {
                if !in_space {
                    self.facts.rendered_chars += 1;
                    self.facts.rendered_blanks += 1;
                    in_space = true;
                }
            } else {
                self.facts.rendered_chars += 1;
                if ch.is_whitespace() || is_invisible_char(ch) {
                    self.facts.rendered_blanks += 1;
                } else {
                    in_space = false;
                }
            }
        }
    }

    /// The effective style of `element` under `parent`.
    fn compute(&self, element: &scraper::node::Element, parent: &Computed, ancestors: &[Computed]) -> Computed {
        let name = element.name().to_string();
        let mut style = parent.clone();
        style.name = name.clone();
        style.id = element.id().unwrap_or_default().to_string();
        style.classes = element.classes().map(str::to_string).collect();
        if parent.hidden == Some(HiddenBy::TinyFont) {
            // A tiny font is not a hiding of its own: a child with a readable size shows again
            // (layouts set `font-size:0` on a cell to remove gaps, then size the content).
            style.hidden = None;
            style.hidden_source = String::new();
        }
        if HIDDEN_ELEMENTS.contains(&name.as_str()) {
            style.never_shown = true;
        }
        if name == "pre" || name == "textarea" {
            style.preformatted = true;
        }
        // Presentational attributes first (HTML §15.3: they lose to any CSS).
        let tag = |attr: &str, value: &str| format!("<{name} {attr}=\"{value}\">");
        if let Some(value) = element.attr("bgcolor") {
            if let Some(c) = parse_legacy_color(value) {
                style.background = Some(c.over(parent.background.unwrap_or(Rgba::WHITE)));
                style.background_source = tag("bgcolor", value);
            }
        }
        let color_attr = match name.as_str() {
            "font" => element.attr("color"),
            "body" => element.attr("text"),
            _ => None,
        };
        if let Some(value) = color_attr {
            if let Some(c) = parse_legacy_color(value) {
                style.color = c;
                style.color_source = tag(if name == "body" { "text" } else { "color" }, value);
            }
        }
        if name == "a" && element.attr("href").is_some() {
            // User-agent style: links are blue unless the author styles them.
            style.color = Rgba::LINK_BLUE;
            style.color_source = String::new();
        }
        if let Some(size) = heading_scale(&name) {
            style.font_px = parent.font_px * size;
            style.font_source = format!("<{name}>");
        }
        if name == "font" {
            if let Some(value) = element.attr("size") {
                if let Some(px) = font_element_px(value) {
                    style.font_px = px;
                    style.font_source = tag("size", value);
                }
            }
        }
        if element.attr("hidden").is_some() {
            style.hidden = Some(HiddenBy::DisplayNone);
            style.hidden_source = format!("<{name} hidden>");
        }
        // Then style sheet rules and the inline style, in cascade order.
        let mut declarations = self.sheet.matching(&style, ancestors);
        if let Some(inline) = element.attr("style") {
            for (order, decl) in parse_declarations(inline).into_iter().enumerate() {
                declarations.push((decl.important, (1, 0, 0, 0), usize::MAX / 2 + order, decl, String::new()));
            }
        }
        declarations.sort_by(|a, b| (a.0, a.1, a.2).cmp(&(b.0, b.1, b.2)));
        for (_, specificity, _, decl, selector) in declarations {
            let source = if specificity.0 == 1 {
                format!("<{name} style=\"{}: {}\">", decl.property, decl.value)
            } else {
                format!("{selector} {{ {}: {} }}", decl.property, decl.value)
            };
            apply(&mut style, parent, &decl, source);
        }
        if style.font_px <= TINY_FONT_PX && style.hidden.is_none() {
            style.hidden = Some(HiddenBy::TinyFont);
            style.hidden_source = style.font_source.clone();
        }
        style
    }
}

/// Applies one declaration to `style`.
fn apply(style: &mut Computed, parent: &Computed, decl: &Declaration, source: String) {
    let value = decl.value.trim();
    match decl.property.as_str() {
        "color" => {
            if let Some(c) = parse_color(value, parent.color) {
                style.color = c;
                style.color_source = source;
            }
        }
        "background-color" | "background" => {
            let below = parent.background.unwrap_or(Rgba::WHITE);
            if decl.property == "background" && value.to_ascii_lowercase().contains("url(") {
                style.background = None;
                style.background_source = source;
                return;
            }
            let colour = if decl.property == "background" {
                value.split_whitespace().find_map(|token| parse_color(token, style.color))
            } else {
                parse_color(value, style.color)
            };
            if let Some(c) = colour {
                style.background = match parent.background {
                    Some(_) => Some(c.over(below)),
                    None if c.a >= 1.0 => Some(c),
                    None => None,
                };
                style.background_source = source;
            }
        }
        "background-image" => {
            if value.to_ascii_lowercase().contains("url(") {
                style.background = None;
                style.background_source = source;
            }
        }
        "font-size" => {
            if let Some(px) = parse_font_size(value, parent.font_px) {
                style.font_px = px;
                style.font_source = source;
            }
        }
        "font" => {
            // `font: [style] [weight] size[/line-height] family`: the first token that is a size.
            let size = value.split_whitespace().find_map(|token| {
                let token = token.split('/').next().unwrap_or(token);
                parse_font_size(token, parent.font_px)
            });
            if let Some(px) = size {
                style.font_px = px;
                style.font_source = source;
            }
        }
        "display" => {
            if value.eq_ignore_ascii_case("none") {
                style.hidden = Some(HiddenBy::DisplayNone);
                style.hidden_source = source;
            }
        }
        "visibility" => {
            let v = value.to_ascii_lowercase();
            if v == "hidden" || v == "collapse" {
                if style.hidden.is_none() || style.hidden == Some(HiddenBy::VisibilityHidden) {
                    style.hidden = Some(HiddenBy::VisibilityHidden);
                    style.hidden_source = source;
                }
            } else if v == "visible" && style.hidden == Some(HiddenBy::VisibilityHidden) {
                // `visibility` is inherited but a child may show itself again.
                style.hidden = None;
                style.hidden_source = String::new();
            }
        }
        "opacity" => {
            let opacity = match value.strip_suffix('%') {
                Some(p) => p.trim().parse::<f32>().ok().map(|p| p / 100.0),
                None => value.parse::<f32>().ok(),
            };
            if opacity.is_some_and(|o| o.is_finite() && o <= 0.0) && style.hidden.is_none() {
                style.hidden = Some(HiddenBy::ZeroOpacity);
                style.hidden_source = source;
            }
        }
        _ => {}
    }
}

/// Default sizes of headings and size-changing phrase elements, relative to the parent (em).
fn heading_scale(name: &str) -> Option<f32> {
    Some(match name {
        "h1" => 2.0,
        "h2" => 1.5,
        "h3" => 1.17,
        "h5" => 0.83,
        "h6" => 0.67,
        "small" => 1.0 / 1.2,
        "big" => 1.2,
        _ => return None,
    })
}

/// `<font size>`: 1–7, or `+n`/`-n` relative to 3 (HTML §15.3.4 legacy font size).
pub fn font_element_px(value: &str) -> Option<f32> {
    const SIZES: [f32; 7] = [10.0, 13.0, 16.0, 18.0, 24.0, 32.0, 48.0];
    let value = value.trim();
    let digits: String = value.trim_start_matches(['+', '-']).chars().take_while(char::is_ascii_digit).collect();
    let n: i64 = digits.get(..digits.len().min(6))?.parse().ok()?;
    let size = if value.starts_with('+') {
        3 + n
    } else if value.starts_with('-') {
        3 - n
    } else {
        n
    };
    Some(SIZES[size.clamp(1, 7) as usize - 1])
}

/// A CSS font size in px, relative to the parent's size; `None` when not a size.
pub fn parse_font_size(value: &str, parent_px: f32) -> Option<f32> {
    let v = value.trim().trim_end_matches("!important").trim().to_ascii_lowercase();
    let keyword = match v.as_str() {
        "xx-small" => Some(9.0),
        "x-small" => Some(10.0),
        "small" => Some(13.0),
        "medium" => Some(16.0),
        "large" => Some(18.0),
        "x-large" => Some(24.0),
        "xx-large" => Some(32.0),
        "xxx-large" => Some(48.0),
        "smaller" => Some(parent_px / 1.2),
        "larger" => Some(parent_px * 1.2),
        _ => None,
    };
    if keyword.is_some() {
        return keyword;
    }
    let number_len = v.find(|c: char| !(c.is_ascii_digit() || c == '.' || c == '-' || c == '+')).unwrap_or(v.len());
    let (number, unit) = v.split_at(number_len);
    let n: f32 = number.parse().ok()?;
    if !n.is_finite() || n < 0.0 {
        return None;
    }
    let px = match unit.trim() {
        "px" => n,
        "" if n == 0.0 => 0.0,
        "pt" => n * 4.0 / 3.0,
        "pc" => n * 16.0,
        "in" => n * 96.0,
        "cm" => n * 96.0 / 2.54,
        "mm" => n * 96.0 / 25.4,
        "em" => n * parent_px,
        "rem" => n * ROOT_FONT_PX,
        "ex" | "ch" => n * parent_px * 0.5,
        "%" => n * parent_px / 100.0,
        _ => return None,
    };
    px.is_finite().then_some(px.min(1.0e9))
}

/// An HTML attribute colour (`bgcolor`, `color`, `text`): CSS colours, plus hex
/// without `#` as the legacy parsing rules accept (HTML §2.3.6.4, simplified).
pub fn parse_legacy_color(value: &str) -> Option<Rgba> {
    let v = value.trim();
    parse_color(v, Rgba::BLACK).or_else(|| {
        if (v.len() == 6 || v.len() == 3) && v.chars().all(|c| c.is_ascii_hexdigit()) {
            parse_color(&format!("#{v}"), Rgba::BLACK)
        } else {
            None
        }
    })
}

/// A CSS colour: named, `#rgb(a)`, `#rrggbb(aa)`, `rgb()`, `rgba()`, `hsl()`,
/// `hsla()`, `transparent`, `currentcolor`. Out-of-range components are clamped
/// (CSS Color 4 §4.1); anything else is `None`.
pub fn parse_color(value: &str, current: Rgba) -> Option<Rgba> {
    let v = value.trim().trim_end_matches("!important").trim().to_ascii_lowercase();
    if let Some(hex) = v.strip_prefix('#') {
        if !hex.chars().all(|c| c.is_ascii_hexdigit()) {
            return None;
        }
        let digit = |i: usize| u8::from_str_radix(hex.get(i..i + 1)?, 16).ok();
        let pair = |i: usize| u8::from_str_radix(hex.get(i..i + 2)?, 16).ok();
        return match hex.len() {
            3 | 4 => {
                let a = if hex.len() == 4 { digit(3)? as f32 * 17.0 / 255.0 } else { 1.0 };
                Some(Rgba { r: digit(0)? * 17, g: digit(1)? * 17, b: digit(2)? * 17, a })
            }
            6 | 8 => {
                let a = if hex.len() == 8 { pair(6)? as f32 / 255.0 } else { 1.0 };
                Some(Rgba { r: pair(0)?, g: pair(2)?, b: pair(4)?, a })
            }
            _ => None,
        };
    }
    if v == "transparent" {
        return Some(Rgba::TRANSPARENT);
    }
    if v == "currentcolor" {
        return Some(current);
    }
    if let Some(open) = v.find('(') {
        let function = v[..open].trim();
        let inner = v[open + 1..].trim_end_matches(')');
        let parts: Vec<&str> = inner.split([',', ' ', '/']).map(str::trim).filter(|s| !s.is_empty()).collect();
        if parts.len() < 3 || parts.len() > 4 {
            return None;
        }
        let alpha = match parts.get(3) {
            Some(a) => parse_fraction(a)?,
            None => 1.0,
        };
        return match function {
            "rgb" | "rgba" => {
                let channel = |s: &str| -> Option<u8> {
                    let n = match s.strip_suffix('%') {
                        Some(p) => p.parse::<f64>().ok()? * 2.55,
                        None => s.parse::<f64>().ok()?,
                    };
                    n.is_finite().then(|| n.round().clamp(0.0, 255.0) as u8)
                };
                Some(Rgba { r: channel(parts[0])?, g: channel(parts[1])?, b: channel(parts[2])?, a: alpha })
            }
            "hsl" | "hsla" => {
                let hue = parts[0].trim_end_matches("deg").parse::<f64>().ok().filter(|h| h.is_finite())?;
                let sat = parts[1].trim_end_matches('%').parse::<f64>().ok().filter(|s| s.is_finite())?;
                let light = parts[2].trim_end_matches('%').parse::<f64>().ok().filter(|l| l.is_finite())?;
                let (r, g, b) = hsl_to_rgb(hue, (sat / 100.0).clamp(0.0, 1.0), (light / 100.0).clamp(0.0, 1.0));
                Some(Rgba { r, g, b, a: alpha })
            }
            _ => None,
        };
    }
    named_color(&v)
}

/// An alpha value: `0.5` or `50%`, clamped to 0–1.
fn parse_fraction(s: &str) -> Option<f32> {
    let a = match s.strip_suffix('%') {
        Some(p) => p.parse::<f32>().ok()? / 100.0,
        None => s.parse::<f32>().ok()?,
    };
    a.is_finite().then(|| a.clamp(0.0, 1.0))
}

fn hsl_to_rgb(hue: f64, sat: f64, light: f64) -> (u8, u8, u8) {
    let h = hue.rem_euclid(360.0) / 360.0;
    let q = if light < 0.5 { light * (1.0 + sat) } else { light + sat - light * sat };
    let p = 2.0 * light - q;
    let channel = |t: f64| {
        let t = t.rem_euclid(1.0);
        let v = if t < 1.0 / 6.0 {
            p + (q - p) * 6.0 * t
        } else if t < 0.5 {
            q
        } else if t < 2.0 / 3.0 {
            p + (q - p) * (2.0 / 3.0 - t) * 6.0
        } else {
            p
        };
        (v * 255.0).round().clamp(0.0, 255.0) as u8
    };
    (channel(h + 1.0 / 3.0), channel(h), channel(h - 1.0 / 3.0))
}

/// CSS named colours (CSS Color 4 §6.1).
fn named_color(name: &str) -> Option<Rgba> {
    const NAMED: &[(&str, u32)] = &[
        ("aliceblue", 0xf0f8ff), ("antiquewhite", 0xfaebd7), ("aqua", 0x00ffff), ("aquamarine", 0x7fffd4),
        ("azure", 0xf0ffff), ("beige", 0xf5f5dc), ("bisque", 0xffe4c4), ("black", 0x000000),
        ("blanchedalmond", 0xffebcd), ("blue", 0x0000ff), ("blueviolet", 0x8a2be2), ("brown", 0xa52a2a),
        ("burlywood", 0xdeb887), ("cadetblue", 0x5f9ea0), ("chartreuse", 0x7fff00), ("chocolate", 0xd2691e),
        ("coral", 0xff7f50), ("cornflowerblue", 0x6495ed), ("cornsilk", 0xfff8dc), ("crimson", 0xdc143c),
        ("cyan", 0x00ffff), ("darkblue", 0x00008b), ("darkcyan", 0x008b8b), ("darkgoldenrod", 0xb8860b),
        ("darkgray", 0xa9a9a9), ("darkgreen", 0x006400), ("darkgrey", 0xa9a9a9), ("darkkhaki", 0xbdb76b),
        ("darkmagenta", 0x8b008b), ("darkolivegreen", 0x556b2f), ("darkorange", 0xff8c00), ("darkorchid", 0x9932cc),
        ("darkred", 0x8b0000), ("darksalmon", 0xe9967a), ("darkseagreen", 0x8fbc8f), ("darkslateblue", 0x483d8b),
        ("darkslategray", 0x2f4f4f), ("darkslategrey", 0x2f4f4f), ("darkturquoise", 0x00ced1),
        ("darkviolet", 0x9400d3), ("deeppink", 0xff1493), ("deepskyblue", 0x00bfff), ("dimgray", 0x696969),
        ("dimgrey", 0x696969), ("dodgerblue", 0x1e90ff), ("firebrick", 0xb22222), ("floralwhite", 0xfffaf0),
        ("forestgreen", 0x228b22), ("fuchsia", 0xff00ff), ("gainsboro", 0xdcdcdc), ("ghostwhite", 0xf8f8ff),
        ("gold", 0xffd700), ("goldenrod", 0xdaa520), ("gray", 0x808080), ("green", 0x008000),
        ("greenyellow", 0xadff2f), ("grey", 0x808080), ("honeydew", 0xf0fff0), ("hotpink", 0xff69b4),
        ("indianred", 0xcd5c5c), ("indigo", 0x4b0082), ("ivory", 0xfffff0), ("khaki", 0xf0e68c),
        ("lavender", 0xe6e6fa), ("lavenderblush", 0xfff0f5), ("lawngreen", 0x7cfc00), ("lemonchiffon", 0xfffacd),
        ("lightblue", 0xadd8e6), ("lightcoral", 0xf08080), ("lightcyan", 0xe0ffff),
        ("lightgoldenrodyellow", 0xfafad2), ("lightgray", 0xd3d3d3), ("lightgreen", 0x90ee90),
        ("lightgrey", 0xd3d3d3), ("lightpink", 0xffb6c1), ("lightsalmon", 0xffa07a), ("lightseagreen", 0x20b2aa),
        ("lightskyblue", 0x87cefa), ("lightslategray", 0x778899), ("lightslategrey", 0x778899),
        ("lightsteelblue", 0xb0c4de), ("lightyellow", 0xffffe0), ("lime", 0x00ff00), ("limegreen", 0x32cd32),
        ("linen", 0xfaf0e6), ("magenta", 0xff00ff), ("maroon", 0x800000), ("mediumaquamarine", 0x66cdaa),
        ("mediumblue", 0x0000cd), ("mediumorchid", 0xba55d3), ("mediumpurple", 0x9370db),
        ("mediumseagreen", 0x3cb371), ("mediumslateblue", 0x7b68ee), ("mediumspringgreen", 0x00fa9a),
        ("mediumturquoise", 0x48d1cc), ("mediumvioletred", 0xc71585), ("midnightblue", 0x191970),
        ("mintcream", 0xf5fffa), ("mistyrose", 0xffe4e1), ("moccasin", 0xffe4b5), ("navajowhite", 0xffdead),
        ("navy", 0x000080), ("oldlace", 0xfdf5e6), ("olive", 0x808000), ("olivedrab", 0x6b8e23),
        ("orange", 0xffa500), ("orangered", 0xff4500), ("orchid", 0xda70d6), ("palegoldenrod", 0xeee8aa),
        ("palegreen", 0x98fb98), ("paleturquoise", 0xafeeee), ("palevioletred", 0xdb7093),
        ("papayawhip", 0xffefd5), ("peachpuff", 0xffdab9), ("peru", 0xcd853f), ("pink", 0xffc0cb),
        ("plum", 0xdda0dd), ("powderblue", 0xb0e0e6), ("purple", 0x800080), ("rebeccapurple", 0x663399),
        ("red", 0xff0000), ("rosybrown", 0xbc8f8f), ("royalblue", 0x4169e1), ("saddlebrown", 0x8b4513),
        ("salmon", 0xfa8072), ("sandybrown", 0xf4a460), ("seagreen", 0x2e8b57), ("seashell", 0xfff5ee),
        ("sienna", 0xa0522d), ("silver", 0xc0c0c0), ("skyblue", 0x87ceeb), ("slateblue", 0x6a5acd),
        ("slategray", 0x708090), ("slategrey", 0x708090), ("snow", 0xfffafa), ("springgreen", 0x00ff7f),
        ("steelblue", 0x4682b4), ("tan", 0xd2b48c), ("teal", 0x008080), ("thistle", 0xd8bfd8),
        ("tomato", 0xff6347), ("turquoise", 0x40e0d0), ("violet", 0xee82ee), ("wheat", 0xf5deb3),
        ("white", 0xffffff), ("whitesmoke", 0xf5f5f5), ("yellow", 0xffff00), ("yellowgreen", 0x9acd32),
    ];
    let (_, rgb) = NAMED.iter().find(|(n, _)| *n == name)?;
    Some(Rgba { r: (rgb >> 16) as u8, g: (rgb >> 8) as u8, b: *rgb as u8, a: 1.0 })
}

/// One CSS declaration.
#[derive(Debug, Clone, PartialEq)]
pub struct Declaration {
    /// Lowercase property name.
    pub property: String,
    pub value: String,
    pub important: bool,
}

/// Properties the analysis reads; others are dropped while parsing.
const STYLE_PROPERTIES: &[&str] = &[
    "color", "background", "background-color", "background-image", "font", "font-size", "display", "visibility",
    "opacity",
];

/// Parses `a: b; c: d !important` (a `style` attribute or a rule body).
/// Malformed declarations are skipped, as CSS error recovery does.
pub fn parse_declarations(text: &str) -> Vec<Declaration> {
    let mut out = Vec::new();
    for item in text.split(';') {
        let Some((property, value)) = item.split_once(':') else { continue };
        let property = property.trim().to_ascii_lowercase();
        if !STYLE_PROPERTIES.contains(&property.as_str()) {
            continue;
        }
        let mut value = value.trim().to_string();
        let important = value.to_ascii_lowercase().ends_with("!important");
        if important {
            value.truncate(value.len() - "!important".len());
            value = value.trim().to_string();
        }
        if value.is_empty() {
            continue;
        }
        out.push(Declaration { property, value, important });
    }
    out
}

/// A compound selector: `p.note#x`, `*`, `.a.b`.
#[derive(Debug, Clone, PartialEq, Default)]
struct Compound {
    name: Option<String>,
    id: Option<String>,
    classes: Vec<String>,
}

impl Compound {
    fn matches(&self, style: &Computed) -> bool {
        self.name.as_ref().is_none_or(|n| *n == style.name)
            && self.id.as_ref().is_none_or(|i| *i == style.id)
            && self.classes.iter().all(|c| style.classes.contains(c))
    }
    fn specificity(&self) -> (u32, u32, u32) {
        (u32::from(self.id.is_some()), self.classes.len() as u32, u32::from(self.name.is_some()))
    }
}

/// A selector of compounds joined by descendant (` `) or child (`>`) combinators.
#[derive(Debug, Clone, PartialEq)]
struct Selector {
    /// Rightmost last; the bool says the compound must be the parent of the next.
    compounds: Vec<(Compound, bool)>,
    text: String,
}

impl Selector {
    /// Type, class and id selectors with descendant and child combinators;
    /// anything else (attributes, pseudo-classes, siblings) is `None` and the rule is skipped.
    fn parse(text: &str) -> Option<Selector> {
        let text = text.trim();
        if text.is_empty() || text.contains(['[', ':', '+', '~', '(', '@', '"', '\'']) {
            return None;
        }
        let mut compounds = Vec::new();
        let mut child_next = false;
        for token in text.replace('>', " > ").split_whitespace() {
            if token == ">" {
                child_next = true;
                continue;
            }
            let mut compound = Compound::default();
            let mut rest = token;
            let name_len = rest.find(['.', '#']).unwrap_or(rest.len());
            let name = &rest[..name_len];
            if !name.is_empty() && name != "*" {
                if !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
                    return None;
                }
                compound.name = Some(name.to_ascii_lowercase());
            }
            rest = &rest[name_len..];
            while !rest.is_empty() {
                let kind = rest.as_bytes()[0];
                let body = &rest[1..];
                let len = body.find(['.', '#']).unwrap_or(body.len());
                let ident = &body[..len];
                if ident.is_empty() {
                    return None;
                }
                if kind == b'.' {
                    compound.classes.push(ident.to_string());
                } else {
                    compound.id = Some(ident.to_string());
                }
                rest = &body[len..];
            }
            if let Some(last) = compounds.last_mut() {
                let (_, child): &mut (Compound, bool) = last;
                *child = child_next;
            }
            child_next = false;
            compounds.push((compound, false));
        }
        if compounds.is_empty() {
            return None;
        }
        Some(Selector { compounds, text: text.to_string() })
    }

    fn specificity(&self) -> (u32, u32, u32, u32) {
        self.compounds.iter().fold((0, 0, 0, 0), |acc, (c, _)| {
            let (a, b, d) = c.specificity();
            (0, acc.1 + a, acc.2 + b, acc.3 + d)
        })
    }

    /// Right to left: the last compound on the element, the others on its ancestors
    /// (greedy, which is exact for descendant-only selectors).
    fn matches(&self, element: &Computed, ancestors: &[Computed]) -> bool {
        let Some(((last, _), rest)) = self.compounds.split_last() else { return false };
        if !last.matches(element) {
            return false;
        }
        let mut level = ancestors.len();
        for (compound, is_parent) in rest.iter().rev() {
            if *is_parent {
                let Some(parent) = level.checked_sub(1) else { return false };
                if !ancestors.get(parent).is_some_and(|a| compound.matches(a)) {
                    return false;
                }
                level = parent;
            } else {
                match ancestors[..level].iter().rposition(|a| compound.matches(a)) {
                    Some(found) => level = found,
                    None => return false,
                }
            }
        }
        true
    }
}

/// One style rule: a selector and the declarations the analysis reads.
#[derive(Debug, Clone)]
struct StyleRule {
    selector: Selector,
    declarations: Vec<Declaration>,
    order: usize,
}

/// The `<style>` rules of a document, indexed by the key of their rightmost compound.
#[derive(Debug, Default)]
struct StyleSheet {
    rules: Vec<StyleRule>,
    by_id: HashMap<String, Vec<usize>>,
    by_class: HashMap<String, Vec<usize>>,
    by_name: HashMap<String, Vec<usize>>,
    universal: Vec<usize>,
}

/// A matched declaration: (important, specificity, order, declaration, selector text).
type Matched = (bool, (u32, u32, u32, u32), usize, Declaration, String);

impl StyleSheet {
    fn from_document(document: &Html) -> StyleSheet {
        let mut css = String::new();
        for node in document.tree.nodes() {
            if let Node::Element(element) = node.value() {
                if element.name() == "style" {
                    for child in node.children() {
                        if let Node::Text(text) = child.value() {
                            let room = MAX_STYLE_BYTES.saturating_sub(css.len());
                            let take = floor_char_boundary(text, room);
                            css.push_str(&text[..take]);
                            css.push('\n');
                        }
                    }
                }
            }
        }
        StyleSheet::parse(&css)
    }

    /// Parses CSS rules; at-rules (`@media`, `@font-face`, …) are skipped with their
    /// blocks, because their conditions (mobile widths, dark mode) do not describe
    /// the default view. Unbalanced braces end the sheet.
    fn parse(css: &str) -> StyleSheet {
        let css = strip_comments(css);
        let mut sheet = StyleSheet::default();
        let bytes = css.as_bytes();
        let mut i = 0;
        while i < bytes.len() && sheet.rules.len() < MAX_STYLE_RULES {
            let Some(open) = bytes[i..].iter().position(|&b| b == b'{' || b == b';').map(|p| i + p) else { break };
            let prelude = css[i..open].trim();
            if bytes[open] == b';' {
                // `@import …;` or stray text.
                i = open + 1;
                continue;
            }
            // Find the matching close brace, counting nesting.
            let mut depth = 0usize;
            let mut close = None;
            for (k, &b) in bytes[open..].iter().enumerate() {
                match b {
                    b'{' => depth += 1,
                    b'}' => {
                        depth = depth.saturating_sub(1);
                        if depth == 0 {
                            close = Some(open + k);
                            break;
                        }
                    }
                    _ => {}
                }
            }
            let Some(close) = close else { break };
            if !prelude.starts_with('@') {
                let declarations = parse_declarations(&css[open + 1..close]);
                if !declarations.is_empty() {
                    for selector in prelude.split(',').filter_map(Selector::parse) {
                        sheet.add(StyleRule { selector, declarations: declarations.clone(), order: sheet.rules.len() });
                        if sheet.rules.len() >= MAX_STYLE_RULES {
                            break;
                        }
                    }
                }
            }
            i = close + 1;
        }
        sheet
    }

    fn add(&mut self, rule: StyleRule) {
        let index = self.rules.len();
        let key = rule.selector.compounds.last().map(|(c, _)| c.clone()).unwrap_or_default();
        if let Some(id) = key.id {
            self.by_id.entry(id).or_default().push(index);
        } else if let Some(class) = key.classes.first() {
            self.by_class.entry(class.clone()).or_default().push(index);
        } else if let Some(name) = key.name {
            self.by_name.entry(name).or_default().push(index);
        } else {
            self.universal.push(index);
        }
        self.rules.push(rule);
    }

    /// Declarations of the rules matching `element` (whose ancestors are `ancestors`, root first).
    fn matching(&self, element: &Computed, ancestors: &[Computed]) -> Vec<Matched> {
        let mut candidates: Vec<usize> = Vec::new();
        if !element.id.is_empty() {
            candidates.extend(self.by_id.get(&element.id).into_iter().flatten());
        }
        for class in &element.classes {
            candidates.extend(self.by_class.get(class).into_iter().flatten());
        }
        candidates.extend(self.by_name.get(&element.name).into_iter().flatten());
        candidates.extend(&self.universal);
        candidates.sort_unstable();
        candidates.dedup();
        // The ancestors slice includes the synthetic root at index 0.
        let ancestors = ancestors.get(1..).unwrap_or(&[]);
        let mut out = Vec::new();
        for index in candidates {
            let Some(rule) = self.rules.get(index) else { continue };
            if rule.selector.matches(element, ancestors) {
                for decl in &rule.declarations {
                    let specificity = rule.selector.specificity();
                    out.push((decl.important, specificity, rule.order, decl.clone(), rule.selector.text.clone()));
                }
            }
        }
        out
    }
}

fn strip_comments(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(start) = rest.find("/*") {
        out.push_str(&rest[..start]);
        match rest[start + 2..].find("*/") {
            Some(end) => rest = &rest[start + 2 + end + 2..],
            None => return out,
        }
    }
    out.push_str(rest);
    out
}

/// The largest char boundary of `s` at or below `max`.
fn floor_char_boundary(s: &str, max: usize) -> usize {
    if max >= s.len() {
        return s.len();
    }
    let mut i = max;
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Zero-width and other characters that draw nothing.
pub fn is_invisible_char(ch: char) -> bool {
    matches!(ch, '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{00ad}' | '\u{034f}')
}

/// Appends text with runs of white space collapsed to one space, as a browser renders it.
fn append_collapsed(out: &mut String, text: &str) {
    for ch in text.chars() {
        if ch.is_whitespace() && ch != '\u{a0}' {
            if !out.is_empty() && !out.ends_with([' ', '\n']) {
                out.push(' ');
            }
        } else {
            out.push(ch);
        }
    }
}

fn push_break(out: &mut String) {
    while out.ends_with(' ') {
        out.pop();
    }
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn visible_text_skips_head_and_scripts() {
        let facts = analyse("<html><head><title>T</title><style>p{}</style></head><body><p>Hello  <b>world</b></p><script>x()</script><p>Bye</p></body></html>");
        assert_eq!(facts.visible_text, "Hello world\nBye");
    }

    #[test]
    fn links_and_images_are_collected() {
        let facts = analyse(r#"<a href="https://a.example/x" title="t">Go <img src="cid:logo" alt="logo"></a>"#);
        assert_eq!(facts.links.len(), 1);
        assert_eq!(facts.links[0].href, "https://a.example/x");
        assert_eq!(facts.links[0].text, "Go logo");
        assert_eq!(facts.images[0].src, "cid:logo");
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let html = "<div>".repeat(1_000) + "x" + &"</div>".repeat(1_000);
        let facts = analyse(&html);
        assert_eq!(facts.truncated.map(|t| t.by), Some(TruncatedBy::Depth));
    }

    #[test]
    fn nesting_under_the_limit_is_not_cut() {
        let html = "<div>".repeat(400) + "x" + &"</div>".repeat(400) + &"<p>para".repeat(2_000);
        let facts = analyse(&html);
        assert_eq!(facts.truncated, None);
        assert!(facts.visible_text.starts_with("x\npara"));
    }

    #[test]
    fn colours_parse_in_every_notation() {
        let white = Some(Rgba::WHITE);
        assert_eq!(parse_color("#fff", Rgba::BLACK), white);
        assert_eq!(parse_color("#FFFFFF", Rgba::BLACK), white);
        assert_eq!(parse_color("white", Rgba::BLACK), white);
        assert_eq!(parse_color("rgb(255, 255, 255)", Rgba::BLACK), white);
        assert_eq!(parse_color("rgb(300 999 256)", Rgba::BLACK), white);
        assert_eq!(parse_color("rgba(100%,100%,100%,1)", Rgba::BLACK), white);
        assert_eq!(parse_color("hsl(0, 0%, 100%)", Rgba::BLACK), white);
        assert_eq!(parse_color("hsl(120deg 100% 25%)", Rgba::BLACK), Some(Rgba { r: 0, g: 128, b: 0, a: 1.0 }));
        assert_eq!(parse_color("transparent", Rgba::BLACK).map(|c| c.a), Some(0.0));
        assert_eq!(parse_color("#ggg", Rgba::BLACK), None);
        assert_eq!(parse_color("rgb(nan, 1, 2)", Rgba::BLACK), None);
        assert_eq!(parse_legacy_color("ffffff"), white);
    }

    #[test]
    fn font_sizes_resolve_through_inheritance() {
        let facts = analyse(
            r#"<div style="font-size:20px"><p style="font-size:2em">big</p><font size="7">huge</font><span style="font:bold 12pt/1.5 Arial">pt</span><h1>head</h1><span style="font-size:150%">pct</span></div>"#,
        );
        let px = |t: &str| facts.runs.iter().find(|r| r.text == t).map(|r| r.font_px);
        assert_eq!(px("big"), Some(40.0));
        assert_eq!(px("huge"), Some(48.0));
        assert_eq!(px("pt"), Some(16.0));
        assert_eq!(px("head"), Some(40.0));
        assert_eq!(px("pct"), Some(30.0));
    }

    #[test]
    fn style_rules_with_type_class_and_id_selectors_apply() {
        let facts = analyse(
            r##"<style>/* c */ .ghost { color: #fff } td p { color: red } #x { font-size: 50px } @media (max-width:600px){ p { color: blue } }</style>
            <table bgcolor="#000"><tr><td><p class="ghost">a</p><p>b</p><span id="x">c</span></td></tr></table>"##,
        );
        let run = |t: &str| facts.runs.iter().find(|r| r.text == t).cloned().unwrap();
        assert_eq!(run("a").color, Rgba::WHITE);
        assert_eq!(run("a").background, Some(Rgba::BLACK));
        assert_eq!(run("b").color.hex(), "#ff0000");
        assert_eq!(run("c").font_px, 50.0);
        assert!(run("a").color_source.contains(".ghost"));
    }

    #[test]
    fn hidden_text_is_marked_and_left_out_of_visible_text() {
        let facts = analyse(
            r#"<p>shown</p><div style="display:none">gone</div><span style="font-size:0">tiny</span><p style="visibility:hidden">vh <b style="visibility:visible">back</b></p>"#,
        );
        assert_eq!(facts.visible_text, "shown\nback");
        let hidden: Vec<_> = facts.runs.iter().filter_map(|r| r.hidden.map(|h| (r.text.as_str(), h))).collect();
        assert_eq!(
            hidden,
            vec![("gone", HiddenBy::DisplayNone), ("tiny", HiddenBy::TinyFont), ("vh", HiddenBy::VisibilityHidden)]
        );
    }

    #[test]
    fn a_child_with_a_readable_size_under_a_zero_font_is_shown() {
        let facts = analyse(r#"<td style="font-size:0"><span style="font-size:14px">shown</span> </td>"#);
        assert_eq!(facts.visible_text, "shown");
        assert_eq!(facts.runs[0].hidden, None);
    }

    #[test]
    fn blanks_count_nbsp_and_br() {
        let facts = analyse("<p>ab</p>&nbsp;&nbsp;<br><br><br>");
        assert_eq!(facts.rendered_chars, 7);
        assert_eq!(facts.rendered_blanks, 5);
    }

    #[test]
    fn links_get_the_default_blue() {
        let facts = analyse(r#"<div style="color:#fff;background:#fff"><a href="https://a.example">x</a></div>"#);
        assert_eq!(facts.runs[0].color, Rgba::LINK_BLUE);
    }

    #[test]
    fn malformed_css_is_survived() {
        let facts = analyse(r#"<style>p { color: ; } } { .a { color: rgb(1,2 } @media { </style><p style="color:;;:red:">x</p>"#);
        assert_eq!(facts.visible_text, "x");
    }
}
