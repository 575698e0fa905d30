//! The walk over the tree that builds the facts: visible text, text runs with
//! their computed style, hidden text grouped by the element that hides it,
//! links and images with their start tags. Iterative, so hostile nesting cannot
//! overflow the stack; every element and text node is charged to the budget,
//! and the walk stops (saying so) when the budget runs out.

use super::budget::{Budget, Exhausted, MAX_DERIVED_BYTES, MAX_HTML_STEPS};
use super::cascade::{Cascade, Hiding, Style};
use super::inline::InlineStyles;
use super::media::{ViewId, CLIENT_FEATURES, INTERACTIVE};
use super::names::{Names, MAX_NAMES_PER_BUCKET};
use super::sheet::{StyleSheet, MAX_STYLE_BYTES, MAX_STYLE_RULES};
use super::tags::{Span, TruncatedBy};
use super::tree::Parsed;
use super::{
    Hidden, HiddenText, Honest, HtmlFacts, Image, Link, Source, SourceId, SourceOrigin, StyleCut, StyleLimit,
    TextRun, Truncation,
};
use html5ever::{local_name, LocalName};
use scraper::{ElementRef, Node};
use crate::text::unicode::{self, is_invisible};

/// Longest hidden text kept per hiding element, in bytes (the rest is counted,
/// not kept): 500 characters of 4 bytes, more than a longest preheader
/// (`honest::MAX_PREHEADER_CHARS`), so that one is never cut. *(default, ours)*
pub const MAX_HIDDEN_WORDS_BYTES: usize = 2_000;

/// Elements that start a new line when rendered. A `match` on the name's atom
/// (numbers compared, `super::attr`), not a list searched for every element
/// entered and left (#14: 34 comparisons an element), nor the name's string.
pub(super) fn is_block(name: &LocalName) -> bool {
    matches!(
        *name,
        local_name!("address")
            | local_name!("article")
            | local_name!("aside")
            | local_name!("blockquote")
            | local_name!("br")
            | local_name!("dd")
            | local_name!("div")
            | local_name!("dl")
            | local_name!("dt")
            | local_name!("fieldset")
            | local_name!("figcaption")
            | local_name!("figure")
            | local_name!("footer")
            | local_name!("form")
            | local_name!("h1")
            | local_name!("h2")
            | local_name!("h3")
            | local_name!("h4")
            | local_name!("h5")
            | local_name!("h6")
            | local_name!("header")
            | local_name!("hr")
            | local_name!("li")
            | local_name!("main")
            | local_name!("nav")
            | local_name!("ol")
            | local_name!("p")
            | local_name!("pre")
            | local_name!("section")
            | local_name!("table")
            | local_name!("td")
            | local_name!("th")
            | local_name!("tr")
            | local_name!("ul")
    )
}

/// An open element on the walk's stack.
struct Open {
    /// Its style in each view of the sheet, the default view's first.
    styles: Vec<Style>,
    /// The class of `styles` (`cascade::StyleMemo`).
    class: u64,
    index: u32,
    name: LocalName,
    tag: Option<Span>,
    /// Visible words came before this element, more than a "View in browser"
    /// bar: over `honest::MAX_WORDS_BEFORE_PREHEADER`, or with no link among them.
    after_visible: bool,
    /// Element children, for selectors that walk siblings.
    children: usize,
}

/// A step of the iterative walk (generic so the tree's node type need not be named).
enum Step<N> {
    Enter(N),
    Leave(N),
}

struct Walker<'a> {
    facts: HtmlFacts,
    cascade_sheet: StyleSheet,
    rule_sources: Vec<SourceId>,
    parsed: &'a Parsed,
    link_stack: Vec<usize>,
    /// Hiding root element index and honest reason → entry in `facts.hidden`.
    hidden_entries: crate::hash::FastMap<(u32, Option<Honest>), usize>,
    /// Words of visible text so far.
    visible_words: usize,
    /// A link (`<a href>`, `<area href>`; not a form's action) came so far.
    seen_link: bool,
    last_offset: usize,
    /// The visible text's last run is drawn reversed (`Style::reversed`): an
    /// override is open in it.
    override_open: bool,
    /// Open code elements (`is_code`) around the current node.
    in_code: u32,
    /// Open elements that hold a quoted message (`Quote::Inside`) around the current node.
    in_quote: u32,
    /// Elements open around the current node, the one entered last counted.
    depth: usize,
    /// The depth of the element whose content from a quote's header on is the
    /// quoted message (`Quote::ToParentEnd`), while it is open.
    quote_until: Option<usize>,
    /// The custom properties set so far (`cascade::VarNode`).
    vars: Vec<super::cascade::VarNode>,
    /// The `style` attributes read so far (`super::inline`).
    inline: InlineStyles<'a>,
    /// A text node's collapsed run, its string kept from node to node (most text
    /// nodes of mail HTML are the white space between tags: no string made for each).
    run_buffer: String,
    /// The sources of `style` attribute declarations, shared (`cascade::InlineSources`).
    inline_sources: super::cascade::InlineSources,
    /// The style lists of the elements left, lent again to the next elements
    /// entered (`Cascade::compute`): as many as the deepest nesting at most.
    spare_styles: Vec<Vec<Style>>,
    /// The styles computed so far (`cascade::StyleMemo`).
    style_memo: super::cascade::StyleMemo<'a>,
}

/// Elements whose text is shown as code, on purpose as written (`HtmlFacts::code_ranges`).
fn is_code(name: &LocalName) -> bool {
    matches!(*name, local_name!("code") | local_name!("pre") | local_name!("kbd") | local_name!("samp"))
}

/// How a mail client marks the message a reply or forward quotes in its HTML
/// (`HtmlFacts::quoted_ranges`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Quote {
    /// The element holds the quoted message: `<blockquote type="cite">` (Apple
    /// Mail, Thunderbird; Mailgun's talon, `html_quotations.py`, cuts a reply's
    /// blockquote), an element of class `gmail_quote` (Gmail; talon's
    /// `cut_gmail_quote`) or `yahoo_quoted` (Yahoo Mail), or of id
    /// `OLK_SRC_BODY_SECTION` (Outlook for Mac; talon's `QUOTE_IDS`).
    Inside,
    /// The element is the quoted message's header, which the message follows up
    /// to its parent's end: Outlook's `<div id="divRplyFwdMsg">` and the
    /// `<div id="appendonsend">` before it (talon's `cut_microsoft_quote` cuts
    /// "splitter block and all following blocks").
    ToParentEnd,
}

/// How `element` marks a quoted message, if it does. Only `blockquote` and
/// `div` are asked for their attributes (a number compared for the others).
fn quote_of(element: &scraper::node::Element) -> Option<Quote> {
    let name = &element.name.local;
    let blockquote = *name == local_name!("blockquote");
    if !blockquote && *name != local_name!("div") {
        return None;
    }
    if blockquote && super::attr(element, &local_name!("type")).is_some_and(|t| t.trim().eq_ignore_ascii_case("cite")) {
        return Some(Quote::Inside);
    }
    let classes = super::attr(element, &local_name!("class")).unwrap_or_default();
    if classes.split_ascii_whitespace().any(|c| c.eq_ignore_ascii_case("gmail_quote") || c.eq_ignore_ascii_case("yahoo_quoted")) {
        return Some(Quote::Inside);
    }
    match super::attr(element, &local_name!("id")).map(str::trim) {
        Some(id) if id.eq_ignore_ascii_case("OLK_SRC_BODY_SECTION") => Some(Quote::Inside),
        Some(id) if id.eq_ignore_ascii_case("divRplyFwdMsg") || id.eq_ignore_ascii_case("appendonsend") => Some(Quote::ToParentEnd),
        _ => None,
    }
}

/// Walks the parsed document.
pub fn walk(parsed: &Parsed, total_bytes: usize, budget: &mut Budget, names: &mut Names) -> HtmlFacts {
    let (pieces, bytes_cut) = style_sheet_texts(parsed, budget);
    let sheet = StyleSheet::parse(&pieces, budget, names);
    let style_cut = if bytes_cut {
        Some(StyleCut { by: StyleLimit::Bytes, limit: MAX_STYLE_BYTES, selectors_left_out: sheet.selectors_past_rule_limit })
    } else if sheet.selectors_past_rule_limit > 0 {
        Some(StyleCut { by: StyleLimit::Rules, limit: MAX_STYLE_RULES, selectors_left_out: sheet.selectors_past_rule_limit })
    } else {
        None
    };
    let mut facts = HtmlFacts { ignored_selectors: sheet.ignored_selectors, style_cut, ..HtmlFacts::default() };
    let mut rule_sources = Vec::with_capacity(sheet.rules.len());
    for (index, rule) in sheet.rules.iter().enumerate() {
        facts.selectors.push(rule.selector_text.clone());
        rule_sources.push(facts.sources.len() as SourceId);
        for (declaration, text) in rule.declarations.iter().zip(&rule.texts) {
            facts.sources.push(Source {
                origin: SourceOrigin::Rule { selector: index },
                property: declaration.property.name(),
                value: text.clone(),
            });
        }
    }
    let mut walker = Walker {
        facts,
        cascade_sheet: sheet,
        rule_sources,
        parsed,
        link_stack: Vec::new(),
        hidden_entries: Default::default(),
        visible_words: 0,
        seen_link: false,
        last_offset: 0,
        override_open: false,
        in_code: 0,
        in_quote: 0,
        depth: 0,
        quote_until: None,
        vars: Vec::new(),
        inline: InlineStyles::default(),
        run_buffer: String::new(),
        spare_styles: Vec::new(),
        style_memo: Default::default(),
        inline_sources: Default::default(),
    };
    let classes_refused = walker.run(budget, names);
    let mut facts = walker.facts;
    if classes_refused {
        facts.truncated =
            Some(Truncation { by: TruncatedBy::Names, limit: MAX_NAMES_PER_BUCKET, analysed_bytes: walker.last_offset, total_bytes });
    } else if let Some(exhausted) = budget.exhausted() {
        let (by, limit) = match exhausted {
            Exhausted::Steps => (TruncatedBy::Steps, usize::try_from(MAX_HTML_STEPS).unwrap_or(usize::MAX)),
            Exhausted::DerivedBytes => (TruncatedBy::DerivedBytes, MAX_DERIVED_BYTES),
        };
        facts.truncated = Some(Truncation { by, limit, analysed_bytes: walker.last_offset, total_bytes });
    }
    // Trimmed: the code and quoted ranges move with the text's start and stay within its end.
    let lead = facts.visible_text.len() - facts.visible_text.trim_start().len();
    facts.visible_text = facts.visible_text.trim().to_string();
    let len = facts.visible_text.len();
    let moved = |ranges: Vec<std::ops::Range<usize>>| -> Vec<std::ops::Range<usize>> {
        ranges
            .into_iter()
            .map(|r| r.start.saturating_sub(lead).min(len)..r.end.saturating_sub(lead).min(len))
            .filter(|r| !r.is_empty())
            .collect()
    };
    facts.code_ranges = moved(std::mem::take(&mut facts.code_ranges));
    facts.quoted_ranges = moved(std::mem::take(&mut facts.quoted_ranges));
    for run in &mut facts.runs {
        run.shown_at = run.shown_at.start.saturating_sub(lead).min(len)..run.shown_at.end.saturating_sub(lead).min(len);
    }
    let mut paragraph_breaks = std::mem::take(&mut facts.paragraph_breaks);
    for at in &mut paragraph_breaks {
        *at = at.saturating_sub(lead).min(len);
    }
    paragraph_breaks.dedup();
    facts.paragraph_breaks = paragraph_breaks;
    for link in &mut facts.links {
        link.text = link.text.trim().to_string();
    }
    resolve_under_base(&mut facts.links);
    facts
}

/// Resolves the relative links and form actions against the document's
/// `<base href>` when it is an absolute URL (HTML §2.4.1, the document base
/// URL; Apple Mail and Thunderbird honour it), so that rules judge the address
/// a reader reaches. A base that is itself relative or unparsable resolves nothing.
fn resolve_under_base(links: &mut [Link]) {
    let Some(base) = links.iter().find(|l| l.base).and_then(|l| url::Url::parse(l.href.trim()).ok()) else { return };
    for link in links.iter_mut().filter(|l| !l.base && !l.href.trim().is_empty()) {
        if let Err(url::ParseError::RelativeUrlWithoutBase) = url::Url::parse(link.href.trim()) {
            if let Ok(resolved) = base.join(link.href.trim()) {
                link.href = resolved.to_string();
            }
        }
    }
}

/// The text of every `<style>` element, in document order, within
/// `MAX_STYLE_BYTES` not counting comments (each kept as an empty `/**/`, which
/// still separates tokens), and whether CSS was left out at that limit.
fn style_sheet_texts(parsed: &Parsed, budget: &mut Budget) -> (Vec<String>, bool) {
    let mut pieces = Vec::new();
    let mut room = MAX_STYLE_BYTES;
    let mut cut = false;
    for node in parsed.document.tree.nodes() {
        if !budget.step(1) {
            break;
        }
        let Node::Element(element) = node.value() else { continue };
        if element.name.local != local_name!("style") {
            continue;
        }
        let mut css = String::new();
        let mut scanner = CssScanner::default();
        for child in node.children() {
            if let Node::Text(text) = child.value() {
                // Linear in the text: one step per 64 bytes scanned.
                if !budget.step(1 + text.len() as u64 / 64) {
                    break;
                }
                cut |= scanner.copy_without_comments(text, &mut css, &mut room);
            }
        }
        pieces.push(css);
    }
    (pieces, cut)
}

/// Copies CSS without the text of its comments (CSS Syntax 3 §4.3.2; `/*`
/// inside a string is not one), across the text nodes of one `<style>`.
#[derive(Default)]
struct CssScanner {
    in_comment: bool,
    /// The quote of the string being read.
    in_string: Option<u8>,
    /// The previous byte was a backslash (the next one is escaped).
    escaped: bool,
}

impl CssScanner {
    /// Appends `text` to `css` within `room` bytes (comments as `/**/`);
    /// whether something was left out at the limit.
    fn copy_without_comments(&mut self, text: &str, css: &mut String, room: &mut usize) -> bool {
        let bytes = text.as_bytes();
        let mut run_start = 0;
        let mut i = 0;
        // Appends text[from..to] within the room; false once the room is used up.
        let push = |css: &mut String, room: &mut usize, from: usize, to: usize| -> bool {
            let piece = &text[from..to];
            let take = floor_char_boundary(piece, *room);
            css.push_str(&piece[..take]);
            *room -= take;
            take == piece.len()
        };
        while i < bytes.len() {
            let b = bytes[i];
            if self.in_comment {
                if b == b'*' && bytes.get(i + 1) == Some(&b'/') {
                    self.in_comment = false;
                    i += 2;
                    run_start = i;
                    if *room < 4 {
                        return true;
                    }
                    css.push_str("/**/");
                    *room -= 4;
                } else {
                    i += 1;
                }
                continue;
            }
            if self.escaped {
                self.escaped = false;
            } else if b == b'\\' {
                self.escaped = true;
            } else if let Some(quote) = self.in_string {
                if b == quote || b == b'\n' {
                    self.in_string = None;
                }
            } else if b == b'"' || b == b'\'' {
                self.in_string = Some(b);
            } else if b == b'/' && bytes.get(i + 1) == Some(&b'*') {
                if !push(css, room, run_start, i) {
                    return true;
                }
                self.in_comment = true;
                i += 2;
                continue;
            }
            i += 1;
        }
        if !self.in_comment && !push(css, room, run_start, bytes.len()) {
            return true;
        }
        false
    }
}

impl Walker<'_> {
    /// Walks the tree; `true` when it stopped at an element whose class names
    /// `names` refused (before the cascade interns them).
    fn run(&mut self, budget: &mut Budget, names: &mut Names) -> bool {
        let parsed = self.parsed;
        let root = parsed.document.tree.root();
        let mut stack: Vec<Open> = Vec::new();
        let mut steps = vec![Step::Enter(root)];
        let mut root_children = root.children().filter(|c| c.value().is_element()).count();
        let root_styles = vec![Style::root(); self.cascade_sheet.views.len().max(1)];
        let mut span_cursor = 0;
        while let Some(step) = steps.pop() {
            if !budget.step(1) {
                return false;
            }
            match step {
                Step::Enter(node) => match node.value() {
                    Node::Element(_) => {
                        let Some(element) = ElementRef::wrap(node) else { continue };
                        let tag = parsed.spans.find(node.id(), &mut span_cursor);
                        if let Some(tag) = tag {
                            self.last_offset = tag.start;
                        }
                        // scraper interns an element's class names when the cascade asks for them
                        // (the tokenizer keeps one `class` attribute; no foreign adjustment names one).
                        let classes = super::attr(element.value(), &local_name!("class")).unwrap_or_default();
                        if !classes.split_ascii_whitespace().all(|class| names.admit(class)) {
                            return true;
                        }
                        let index = self.facts.element_count as u32;
                        self.facts.element_count += 1;
                        let parents = stack.last().map_or(&root_styles[..], |o| &o.styles[..]);
                        let parent_class = stack.last().map_or(super::cascade::ROOT_CLASS, |o| o.class);
                        let siblings = stack.last().map_or(root_children, |o| o.children);
                        let children = node.children().filter(|c| c.value().is_element()).count();
                        if !budget.step(children as u64) {
                            return false;
                        }
                        let (styles, class) = Cascade {
                            sheet: &mut self.cascade_sheet,
                            inline: &mut self.inline,
                            sources: &mut self.facts.sources,
                            rule_sources: &self.rule_sources,
                            inline_sources: &mut self.inline_sources,
                            vars: &mut self.vars,
                            memo: &mut self.style_memo,
                            budget,
                        }
                        .compute(element, parents, parent_class, stack.len(), siblings, index, self.spare_styles.pop().unwrap_or_default());
                        if budget.is_exhausted() {
                            return false;
                        }
                        let Some(style) = styles.first() else { return false };
                        self.enter_element(element, style, tag, budget);
                        stack.push(Open {
                            styles,
                            class,
                            index,
                            name: element.value().name.local.clone(),
                            tag,
                            after_visible: self.visible_words > 0
                                && (self.visible_words > super::honest::MAX_WORDS_BEFORE_PREHEADER
                                    || !self.seen_link),
                            children,
                        });
                        steps.push(Step::Leave(node));
                        push_children(&mut steps, node);
                    }
                    Node::Text(text) => {
                        if let Some(style) = stack.last().and_then(|o| o.styles.first()) {
                            let style = *style;
                            self.text(text, &style, &stack, budget);
                        }
                    }
                    Node::Document | Node::Fragment => {
                        root_children = node.children().filter(|c| c.value().is_element()).count();
                        push_children(&mut steps, node);
                    }
                    _ => {}
                },
                Step::Leave(node) => {
                    if let Some(element) = ElementRef::wrap(node) {
                        let open = stack.pop();
                        self.leave_element(element, open.as_ref().and_then(|o| o.styles.first()));
                        if let Some(open) = open {
                            self.spare_styles.push(open.styles);
                        }
                    }
                }
            }
        }
        false
    }

    fn shown(style: &Style) -> bool {
        !style.never_shown && style.hidden.is_none()
    }

    /// Notes a paragraph element's start or end (`HtmlFacts::paragraph_breaks`),
    /// after the line break its block pushed.
    fn mark_paragraph(&mut self, name: &LocalName) {
        let paragraph = matches!(
            *name,
            local_name!("p")
                | local_name!("hr")
                | local_name!("blockquote")
                | local_name!("pre")
                | local_name!("listing")
                | local_name!("plaintext")
                | local_name!("xmp")
                | local_name!("title")
        );
        let at = self.facts.visible_text.len();
        if paragraph && self.facts.paragraph_breaks.last() != Some(&at) {
            self.facts.paragraph_breaks.push(at);
        }
    }

    fn enter_element(&mut self, element: ElementRef<'_>, style: &Style, tag: Option<Span>, budget: &mut Budget) {
        let value = element.value();
        let name = &value.name.local;
        if is_code(name) {
            self.in_code += 1;
        }
        self.depth += 1;
        match quote_of(value) {
            Some(Quote::Inside) => self.in_quote += 1,
            Some(Quote::ToParentEnd) if self.quote_until.is_none() => self.quote_until = Some(self.depth - 1),
            _ => {}
        }
        self.mark_paragraph(name);
        if *name == local_name!("br") && Self::shown(style) {
            // Each `<br>` is a line a reader sees, so runs of them count as blank.
            self.facts.visible_text.push('\n');
            self.facts.rendered_chars += 1;
            self.facts.rendered_blanks += 1;
        } else if is_block(name) && Self::shown(style) {
            push_break(&mut self.facts.visible_text);
        }
        let href = if *name == local_name!("a") || *name == local_name!("area") { super::attr(value, &local_name!("href")) } else { None };
        if let Some(href) = href {
            let title = super::attr(value, &local_name!("title"));
            let alt = if *name == local_name!("area") { super::attr(value, &local_name!("alt")).unwrap_or_default() } else { "" };
            if !budget.derive(href.len() + title.map_or(0, str::len) + alt.len()) {
                return;
            }
            let mut link = Link {
                href: href.to_string(),
                text: String::new(),
                title: title.map(str::to_string),
                tag,
                image: *name == local_name!("area"),
                form: false,
                base: false,
                conditional: false,
                parsed: Default::default(),
            };
            link.text.push_str(alt);
            self.facts.links.push(link);
            self.seen_link = true;
            self.link_stack.push(self.facts.links.len() - 1);
        }
        if *name == local_name!("base") && !self.facts.links.iter().any(|l| l.base) {
            if let Some(href) = super::attr(value, &local_name!("href")) {
                if !budget.derive(href.len()) {
                    return;
                }
                self.facts.links.push(Link { href: href.to_string(), tag, base: true, ..Link::default() });
            }
        }
        if *name == local_name!("form") {
            if let Some(action) = super::attr(value, &local_name!("action")) {
                if !budget.derive(action.len()) {
                    return;
                }
                self.facts.links.push(Link { href: action.to_string(), tag, form: true, ..Link::default() });
            }
        }
        if *name == local_name!("img") {
            if let Some(link) = self.link_stack.last().and_then(|&l| self.facts.links.get_mut(l)) {
                link.image = true;
            }
            let alt = super::attr(value, &local_name!("alt"));
            if let Some(src) = super::attr(value, &local_name!("src")) {
                if !budget.derive(src.len() + alt.map_or(0, str::len)) {
                    return;
                }
                let filled = |name: LocalName| super::attr(value, &name).is_some_and(|v: &str| !v.trim().is_empty());
                let is = |name: LocalName, words: &[&str]| {
                    super::attr(value, &name).is_some_and(|v: &str| words.iter().any(|w| v.trim().eq_ignore_ascii_case(w)))
                };
                self.facts.images.push(Image {
                    src: src.to_string(),
                    alt: alt.map(str::to_string),
                    tag,
                    honest: None,
                    named: filled(local_name!("aria-label")) || filled(local_name!("aria-labelledby")) || filled(local_name!("title")),
                    presentational: is(local_name!("role"), &["presentation", "none"]),
                    hidden: !Self::shown(style) || is(local_name!("aria-hidden"), &["true"]),
                });
                super::honest::mark_image(self.facts.images.last_mut(), style);
            }
            if let (Some(alt), Some(&link)) = (alt, self.link_stack.last()) {
                if let Some(l) = self.facts.links.get_mut(link) {
                    if budget.derive(alt.len()) {
                        append_visible(&mut l.text, alt);
                    }
                }
            }
        }
    }

    fn leave_element(&mut self, element: ElementRef<'_>, style: Option<&Style>) {
        let value = element.value();
        let name = &value.name.local;
        if is_code(name) {
            self.in_code = self.in_code.saturating_sub(1);
        }
        // Only an element inside a quote can close one (its attributes read again then only).
        if self.in_quote > 0 && quote_of(value) == Some(Quote::Inside) {
            self.in_quote -= 1;
        }
        self.depth = self.depth.saturating_sub(1);
        // The parent of a quote's header closes: the quoted message ends.
        if self.quote_until.is_some_and(|until| self.depth < until) {
            self.quote_until = None;
        }
        if (*name == local_name!("a") || *name == local_name!("area")) && super::attr(value, &local_name!("href")).is_some() {
            self.link_stack.pop();
        }
        if *name != local_name!("br") && is_block(name) && style.is_some_and(Self::shown) {
            push_break(&mut self.facts.visible_text);
        }
        self.mark_paragraph(name);
    }

    fn text(&mut self, text: &str, style: &Style, stack: &[Open], budget: &mut Budget) {
        if style.never_shown {
            return;
        }
        // Text is copied up to three times (visible text, run, link text).
        if !budget.derive(text.len().saturating_mul(3)) || !budget.step(1 + text.len() as u64 / 64) {
            return;
        }
        let mut run = std::mem::take(&mut self.run_buffer);
        run.clear();
        self.text_run(text, &mut run, style, stack);
        self.run_buffer = run;
    }

    /// `text` with `run`, an empty string to collapse it into.
    fn text_run(&mut self, text: &str, run: &mut String, style: &Style, stack: &[Open]) {
        // A link's text is what a reader sees of it: not its hidden words (but
        // those another view shows: a phone, a client, the reader's action), not
        // the invisible characters between letters.
        let shown = style.hidden.is_none()
            || (self.link_stack.last().is_some()
                && stack.last().is_some_and(|open| self.shown_in_another_view(&open.styles).is_some()));
        if let (true, Some(&link)) = (shown, self.link_stack.last()) {
            if let Some(l) = self.facts.links.get_mut(link) {
                append_visible(&mut l.text, text);
            }
        }
        // An ASCII text is collapsed a word at a time, counting what the
        // rendered characters and the visible words need on the way (#14).
        let ascii = if text.is_ascii() {
            Some(collapse_ascii(run, text))
        } else {
            append_collapsed(run, text);
            None
        };
        let run_text = run.trim();
        // Where the run is drawn in the visible text (a hidden one: where it is left out).
        let (mut start, mut end) = (self.facts.visible_text.len(), self.facts.visible_text.len());
        if style.hidden.is_none() {
            let (chars, blanks) = rendered(&self.facts.visible_text, text, style.preformatted, run, ascii);
            self.facts.rendered_chars += chars;
            self.facts.rendered_blanks += blanks;
            // Text drawn right to left letter by letter (`<bdo dir=rtl>`, CSS
            // `bidi-override`) is kept between the override and its pop, so
            // that readers read it as shown (`text::fold`).
            // One override for all the text nodes of the run, which is
            // reversed as a whole (a line break ends it, UAX #9 P1).
            let open = self.override_open && !self.facts.visible_text.ends_with('\n');
            if style.reversed && !open {
                self.facts.visible_text.push('\u{202e}');
            } else if !style.reversed && open {
                self.facts.visible_text.push('\u{202c}');
            }
            self.override_open = style.reversed;
            start = self.facts.visible_text.len();
            if style.preformatted {
                self.facts.visible_text.push_str(text);
            } else {
                append_run(&mut self.facts.visible_text, text, run);
            }
            end = self.facts.visible_text.len();
            if self.in_code > 0 && end > start {
                match self.facts.code_ranges.last_mut() {
                    Some(last) if last.end == start => last.end = end,
                    _ => self.facts.code_ranges.push(start..end),
                }
            }
            if (self.in_quote > 0 || self.quote_until.is_some()) && end > start {
                match self.facts.quoted_ranges.last_mut() {
                    Some(last) if last.end == start => last.end = end,
                    _ => self.facts.quoted_ranges.push(start..end),
                }
            }
            self.visible_words += match ascii {
                Some(counts) => counts.words,
                None => crate::text::count_words(run_text),
            };
        }
        if run_text.chars().all(unicode::is_blank) {
            return;
        }
        let Some(open) = stack.last() else { return };
        let hidden = style.hidden.map(|hiding| {
            let honest = self.shown_in_another_view(&open.styles);
            // Hidden letters glued to a visible word's end (`vi<span>zz</span>agra`).
            let glued = self.facts.visible_text.ends_with(char::is_alphanumeric) && text.starts_with(char::is_alphanumeric);
            let entry = self.hidden_entry(hiding, honest, stack, run_text, glued);
            Hidden { means: hiding.means, source: hiding.source, entry }
        });
        // A run is honest as its hiding is (the preheader is marked later, `honest::mark`).
        let honest = hidden.as_ref().and_then(|h| self.facts.hidden.get(h.entry)).and_then(|entry| entry.honest);
        self.facts.runs.push(TextRun {
            text: run_text.to_string(),
            element: open.name.clone(),
            tag: open.tag,
            color: style.drawn_color(),
            background: style.backdrop,
            color_source: style.drawn_color_source(),
            background_source: style.background_source,
            font_px: style.font_px,
            font_source: style.font_source,
            scale: style.scale,
            scale_source: style.scale_source,
            hidden,
            honest,
            shown_at: start..end,
            spaced: text.starts_with(collapses) || text.ends_with(collapses),
        });
    }

    /// Why text hidden in the default view is shown to some reader: the first
    /// other view (`media`) in which the element's text is drawn, read as the
    /// honest pattern its view stands for.
    fn shown_in_another_view(&self, styles: &[Style]) -> Option<Honest> {
        let views = &self.cascade_sheet.views;
        let (_, &view) = styles.iter().zip(views).skip(1).find(|(style, _)| style.hidden.is_none() && !style.never_shown)?;
        Some(honest_of_view(view))
    }

    /// The `facts.hidden` entry of the hiding that starts at element `root`
    /// (one per honest reason), with `words` added to it; `glued`: its text
    /// starts inside a visible word.
    fn hidden_entry(&mut self, hiding: Hiding, honest: Option<Honest>, stack: &[Open], words: &str, glued: bool) -> usize {
        let Hiding { root, means, source, screen_reader } = hiding;
        // A map, not a list searched from the end: a message of 100,000 hidden
        // elements made that search quadratic (7 of 9 s of a 10 MB hostile message).
        let entry = match self.hidden_entries.get(&(root, honest)) {
            Some(entry) => *entry,
            None => {
                let opened = stack.iter().rev().find(|o| o.index == root).or(stack.last());
                // Hidden letters inside a visible word (`vi<span hidden>zz</span>agra`)
                // are a split word, never a preheader.
                let in_word = self.facts.visible_text.ends_with(unicode::is_alphanumeric);
                self.facts.hidden.push(HiddenText {
                    words: String::new(),
                    cut: false,
                    means,
                    source,
                    element: opened.map_or_else(|| LocalName::from(""), |o| o.name.clone()),
                    tag: opened.and_then(|o| o.tag),
                    before_visible_text: opened.is_some_and(|o| !o.after_visible) && !in_word,
                    screen_reader: screen_reader && !glued,
                    honest,
                });
                let entry = self.facts.hidden.len() - 1;
                self.hidden_entries.insert((root, honest), entry);
                entry
            }
        };
        if let Some(hidden) = self.facts.hidden.get_mut(entry) {
            if !hidden.cut {
                hidden.cut = !append_unpadded(&mut hidden.words, words, MAX_HIDDEN_WORDS_BYTES);
                if hidden.cut {
                    hidden.words.push('…');
                }
            }
        }
        entry
    }
}

/// The characters a browser shows of `text` after the visible text `before`,
/// and of them the blank ones (`count_rendered`); `run`: its collapse, and
/// `ascii`: what `collapse_ascii` counted of it when it wrote that run.
fn rendered(before: &str, text: &str, preformatted: bool, run: &str, ascii: Option<Collapsed>) -> (usize, usize) {
    match ascii {
        Some(counts) if !preformatted => {
            // A leading run of white space is one blank unless `before` ended in one.
            let in_space = ends_in_space(before);
            let lead = usize::from(!in_space && starts_collapsible(text));
            (lead + run.len(), lead + counts.spaces)
        }
        _ => count_rendered(before, text, preformatted),
    }
}

/// Counts rendered and blank characters of `text` after `before` as a browser shows them.
fn count_rendered(before: &str, text: &str, preformatted: bool) -> (usize, usize) {
    let (mut chars, mut blanks) = (0, 0);
    let mut in_space = ends_in_space(before);
    for ch in text.chars() {
        let collapsible = collapses(ch);
        if collapsible && !preformatted {
            if !in_space {
                chars += 1;
                blanks += 1;
                in_space = true;
            }
        } else {
            chars += 1;
            // ASCII is blank when it collapses; past ASCII, the page cache answers.
            let blank = if ch.is_ascii() { collapsible } else { unicode::is_blank(ch) };
            if blank {
                blanks += 1;
            } else {
                in_space = false;
            }
        }
    }
    (chars, blanks)
}

/// The honest pattern a view stands for: the reader's action first, then a
/// client's own features, then a phone's width.
fn honest_of_view(view: ViewId) -> Honest {
    if view & INTERACTIVE != 0 {
        Honest::ShownOnInteraction
    } else if view & CLIENT_FEATURES != 0 {
        Honest::ShownInSomeClients
    } else {
        Honest::ShownOnSmallScreens
    }
}

fn push_children<'a>(steps: &mut Vec<Step<ego_tree::NodeRef<'a, Node>>>, node: ego_tree::NodeRef<'a, Node>) {
    let mut child = node.last_child();
    while let Some(c) = child {
        steps.push(Step::Enter(c));
        child = c.prev_sibling();
    }
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

/// Whether `c` is white space a browser collapses (a no-break space is not).
fn collapses(c: char) -> bool {
    c.is_whitespace() && c != '\u{a0}'
}

/// Whether white space appended to `out` would draw nothing: it is empty or
/// ends with a space or a line break.
fn ends_in_space(out: &str) -> bool {
    out.is_empty() || out.ends_with([' ', '\n'])
}

/// Appends text with runs of white space collapsed to one space, as a browser renders it.
fn append_collapsed(out: &mut String, text: &str) {
    // Whether `out` ends with a space is kept, not read back from its end for
    // each space of the text (the indentation of HTML sources is long).
    let mut after_space = ends_in_space(out);
    out.reserve(text.len());
    for ch in text.chars() {
        if collapses(ch) {
            if !after_space {
                out.push(' ');
                after_space = true;
            }
        } else {
            out.push(ch);
            after_space = false;
        }
    }
}

/// Whether `text` starts with white space that collapses (not a no-break space).
fn starts_collapsible(text: &str) -> bool {
    text.starts_with(collapses)
}

/// Appends `text` as `append_collapsed` does, given `run`, its collapse into
/// an empty string: the same characters, after one space when `text` starts
/// with white space and `out` does not end with a space or a line break.
fn append_run(out: &mut String, text: &str, run: &str) {
    if !ends_in_space(out) && starts_collapsible(text) {
        out.push(' ');
    }
    out.push_str(run);
}

/// What `collapse_ascii` counted: the spaces it wrote, and the words holding
/// a letter or a digit (`text::count_words`).
#[derive(Clone, Copy)]
struct Collapsed {
    spaces: usize,
    words: usize,
}

/// `append_collapsed` of an ASCII `text` into an empty `out`, a word at a
/// time where that reads and writes a character at a time, with the counts of
/// what it wrote (the text of mail HTML is mostly ASCII).
fn collapse_ascii(out: &mut String, text: &str) -> Collapsed {
    let class = |b: u8| crate::text::WORD_BYTE_CLASS[usize::from(b & 0x7f)];
    let bytes = text.as_bytes();
    let mut counts = Collapsed { spaces: 0, words: 0 };
    out.reserve(text.len());
    let mut at = 0;
    loop {
        let spaces = at;
        while at < bytes.len() && class(bytes[at]) == 0 {
            at += 1;
        }
        // White space after a word (`out` holds one) is one space.
        if at > spaces && !out.is_empty() {
            out.push(' ');
            counts.spaces += 1;
        }
        if at == bytes.len() {
            return counts;
        }
        let word = at;
        let mut letters = false;
        while at < bytes.len() && class(bytes[at]) != 0 {
            letters |= class(bytes[at]) == 1;
            at += 1;
        }
        out.push_str(&text[word..at]);
        counts.words += usize::from(letters);
    }
}

/// Appends `text` as `append_collapsed` does, without the characters that
/// draw nothing (`text::unicode::is_invisible`). An ASCII text, which has
/// none of them, is appended a word at a time (#14, callgrind: a character
/// at a time, the link texts and image `alt`s were 0.86 % of the 10 MB
/// newsletter's lint natively; a word at a time 0.62 %).
fn append_visible(out: &mut String, text: &str) {
    if text.is_ascii() {
        // ASCII's white space as `char::is_whitespace` reads it (a vertical tab too).
        let blank = |c: char| matches!(c, '\t' | '\n' | '\u{b}' | '\u{c}' | '\r' | ' ');
        let mut after_space = ends_in_space(out);
        for (i, word) in text.split(blank).enumerate() {
            // A separator came before every piece but the first.
            if i > 0 && !after_space {
                out.push(' ');
                after_space = true;
            }
            if !word.is_empty() {
                out.push_str(word);
                after_space = false;
            }
        }
        return;
    }
    for ch in text.chars() {
        if collapses(ch) {
            if !ends_in_space(out) {
                out.push(' ');
            }
        } else if !is_invisible(ch) {
            out.push(ch);
        }
    }
}

/// Appends hidden words as a reader would see them, after a space: each run of
/// white space and padding (`&zwnj;&nbsp;`, `&#847;`, `&#65279;`…) becomes
/// one space, invisible characters between letters are dropped. Preheaders
/// carry hundreds of padding characters after their text (Litmus, Stripo and
/// Cerberus templates), which must not fill the words' room. Returns false
/// when `out` would pass `max` bytes: it stops at a character boundary there.
fn append_unpadded(out: &mut String, words: &str, max: usize) -> bool {
    let mut space = !out.is_empty();
    for ch in words.chars() {
        if ch.is_whitespace() {
            space = true;
        } else if !is_invisible(ch) {
            let gap = std::mem::take(&mut space) && !out.is_empty();
            if out.len() + usize::from(gap) + ch.len_utf8() > max {
                return false;
            }
            if gap {
                out.push(' ');
            }
            out.push(ch);
        }
    }
    true
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
    use super::{append_collapsed, append_run, append_visible, collapse_ascii, count_rendered, is_block, is_code, rendered};
    use html5ever::LocalName;

    /// The element names matched as atoms (`is_block`, `is_code`, the
    /// cascade's `is_never_shown`, `super::attr`) against the lists of names
    /// as strings they replaced, for every HTML element and attribute name and
    /// names no atom is made for when the crate is compiled (interned at run
    /// time: a name is always interned the same way).
    #[test]
    fn names_are_matched_as_atoms_as_their_strings_are() {
        const BLOCKS: [&str; 34] = [
            "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "fieldset", "figcaption", "figure",
            "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre",
            "section", "table", "td", "th", "tr", "ul",
        ];
        const CODE: [&str; 4] = ["code", "pre", "kbd", "samp"];
        const NEVER_SHOWN: [&str; 8] = ["head", "script", "style", "template", "noscript", "title", "meta", "link"];
        let others = [
            "a", "abbr", "area", "b", "base", "bdo", "body", "button", "center", "font", "html", "i", "img", "input", "span",
            "strong", "svg", "tbody", "textarea", "u", "x-block", "my-element", "divx", "h7", "pre-wrap", "",
            "href", "alt", "src", "title", "style", "class", "aria-label", "data-x", "hreff",
        ];
        for name in BLOCKS.iter().chain(&CODE).chain(&NEVER_SHOWN).chain(&others) {
            let atom = LocalName::from(*name);
            assert_eq!(is_block(&atom), BLOCKS.contains(name), "{name}");
            assert_eq!(is_code(&atom), CODE.contains(name), "{name}");
            assert_eq!(super::super::cascade::is_never_shown(&atom), NEVER_SHOWN.contains(name), "{name}");
            let mut element = scraper::node::Element::new(
                html5ever::QualName::new(None, html5ever::ns!(), LocalName::from("img")),
                vec![html5ever::Attribute { name: html5ever::QualName::new(None, html5ever::ns!(), atom.clone()), value: "v".into() }],
            );
            for wanted in ["href", "alt", "src", "title", "style", "aria-label"] {
                let found = super::super::attr(&element, &LocalName::from(wanted));
                assert_eq!(found.is_some(), *name == wanted, "{name} {wanted}");
            }
            element.attrs.clear();
        }
    }

    /// A link's visible text appended a word at a time (`append_visible` of an
    /// ASCII text) against the character-at-a-time reading it replaced, after
    /// every kind of text, for texts of every kind of ASCII white space,
    /// controls, letters and the characters past ASCII the slow path reads.
    #[test]
    fn a_visible_text_is_appended_as_character_by_character() {
        let by_char = |out: &mut String, text: &str| {
            for ch in text.chars() {
                if super::collapses(ch) {
                    if !super::ends_in_space(out) {
                        out.push(' ');
                    }
                } else if !crate::text::unicode::is_invisible(ch) {
                    out.push(ch);
                }
            }
        };
        let pieces = [
            "a", "Zz", "9", "-", " ", "  ", "\t", "\n", "\r\n", "\u{b}", "\u{c}", "\u{1c}", "\u{0}", "\u{a0}", "\u{200b}", "é",
        ];
        let befores = ["", "a", "a ", "a\n", " ", "\n", "a\t", "a\r", "a\u{a0}"];
        let mut ascii_texts = 0;
        crate::text::generated_texts(&pieces, 4_000, 12, |text| {
            ascii_texts += usize::from(text.is_ascii());
            for before in befores {
                let mut expected = before.to_string();
                by_char(&mut expected, text);
                let mut got = before.to_string();
                append_visible(&mut got, text);
                assert_eq!(got, expected, "{before:?} {text:?}");
            }
        });
        assert!(ascii_texts > 300, "{ascii_texts}");
    }

    /// The text path read once (`collapse_ascii`, `append_run`, `rendered`)
    /// against the character-at-a-time reading it replaced: the visible text,
    /// the run, its words and the rendered and blank characters, for texts of
    /// every kind of white space, invisible characters and letters after every
    /// kind of visible text.
    #[test]
    fn a_text_read_once_is_read_as_character_by_character() {
        let pieces = [
            "a", "Zz", "9", "-", ".", " ", "  ", "\t", "\n", "\r\n", "\u{b}", "\u{c}", "\u{a0}", "\u{2003}", "\u{3000}",
            "\u{200b}", "\u{ad}", "é", "ł", "会", "😀", "\u{202e}",
        ];
        let befores = ["", "a", "a ", "a\n", " ", "\n", "a\u{a0}", "a\u{202e}", "a\u{200b}"];
        let mut ascii_texts = 0;
        crate::text::generated_texts(&pieces, 4_000, 12, |text| {
            let mut run = String::new();
            append_collapsed(&mut run, text);
            let words = run.trim().split_whitespace().filter(|w| w.chars().any(crate::text::unicode::is_alphanumeric)).count();
            let ascii = text.is_ascii().then(|| {
                ascii_texts += 1;
                let mut fast = String::new();
                let counts = collapse_ascii(&mut fast, text);
                assert_eq!(fast, run, "{text:?}");
                assert_eq!(counts.words, words, "{text:?}");
                assert_eq!(crate::text::count_words(run.trim()), words, "{text:?}");
                counts
            });
            for before in befores {
                let mut whole = before.to_string();
                append_collapsed(&mut whole, text);
                let mut once = before.to_string();
                append_run(&mut once, text, &run);
                assert_eq!(once, whole, "{before:?} {text:?}");
                for preformatted in [false, true] {
                    let expected = count_rendered(before, text, preformatted);
                    let got = rendered(before, text, preformatted, &run, ascii);
                    assert_eq!(got, expected, "{before:?} {text:?} {preformatted}");
                }
            }
        });
        assert!(ascii_texts > 300, "{ascii_texts}");
    }
}
