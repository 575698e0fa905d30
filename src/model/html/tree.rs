//! The tree builder, fed one start tag at a time so each element learns the
//! byte range of the start tag that made it. html5ever's tokenizer emits a tag
//! as soon as it reads its `>`, and the tree builder creates the element at
//! once; so the elements created while the chunk ending with start tag k is
//! fed are tag k's element and the elements the tree builder implies before it
//! (`tbody`, a re-opened `b`). Tag k's element is the last of them with its
//! name; implied elements have no source range.

use super::direct;
use super::tags::{Span, StartTag, TruncatedBy, MAX_HTML_ELEMENTS};
use ego_tree::NodeId;
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{
    BufferQueue, StartTag as StartTagKind, TagToken, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use html5ever::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeBuilder, TreeBuilderOpts, TreeSink};
use html5ever::{Attribute, LocalName, QualName, TokenizerResult};
use scraper::{Html, HtmlTreeSink};
use std::borrow::Cow;
use std::cell::{Cell, Ref, RefCell};

/// Steps the tree builder may take over its stack of open elements and its
/// list of active formatting elements, counted as it reads them: each read
/// asks the sink for an element's name or compares two of its nodes. Scope
/// checks walk the stack from its top to a boundary, so an end tag whose
/// element is not open (`</li>`, `</h1>`, `</body>`, `</x>` under `<span>`s)
/// walks the whole stack and makes no element, and an end tag the tree
/// builder ignores leaves the stack deeper than the pre-scan counts
/// (`<div></h1>` repeated: 80 kB took 1.2 s in wasm, a megabyte minutes). The
/// tokenizer also reads the current node's name once or twice a token, so the
/// steps allowed grow with the bytes fed: `TREE_STEPS_BASE` and
/// `TREE_STEPS_PER_BYTE` a byte. *(defaults, ours: of the 1,660 messages of
/// `../shared/corpus`, the HTML of 2 kB or more took at most 0.69 steps a byte
/// and 394,235 steps (`outofmemory.eml`, 1.1 MB); the 10 MB newsletter of
/// `make bench` 909,056; 9 MB of text broken by a CR every other byte, which
/// splits it into a token a character, 2 steps a byte)*
pub const TREE_STEPS_BASE: u64 = 2_000_000;
/// See `TREE_STEPS_BASE`.
pub const TREE_STEPS_PER_BYTE: u64 = 4;

/// Elements the tree builder may make, the ones it implies included (`html`,
/// `tbody`, formatting elements re-opened or cloned: those have no tag the
/// pre-scan counts). *(default, ours: twice `MAX_HTML_ELEMENTS`, as each
/// written element may imply about one more)*
pub const MAX_TREE_ELEMENTS: usize = 2 * MAX_HTML_ELEMENTS;

/// A parsed document and the start tag of each element that has one.
pub struct Parsed {
    pub document: Html,
    pub spans: Spans,
    /// Where the tree builder was no longer fed, why, and the limit reached.
    pub cut: Option<(usize, TruncatedBy, usize)>,
    /// The steps taken beyond `TREE_STEPS_PER_BYTE` a byte fed (at most the `base` given).
    pub base_used: u64,
    /// The steps taken in all (the tests compare them).
    #[cfg(test)]
    pub steps: u64,
}

/// The start tag of each element that has one, in the order of the elements'
/// node ids, which is the order the tree builder made them in, and so, but
/// for the elements it moves (a table's misplaced content, misnested
/// formatting), the document order in which the walk asks for them (#14: in a
/// hash map keyed by node id, each element's lookup was a cache miss in a
/// table of 10 MB for a 10 MB newsletter, 3.5 % of its lint natively).
#[derive(Debug, Default)]
pub struct Spans(Vec<(NodeId, Span)>);

impl Spans {
    /// The start tag of element `node`. `cursor` is where the last lookup of
    /// a walk ended: the entry there is tried first (the next element made),
    /// then all of them by binary search.
    pub fn find(&self, node: NodeId, cursor: &mut usize) -> Option<Span> {
        if let Some(&(id, span)) = self.0.get(*cursor) {
            if id == node {
                *cursor += 1;
                return Some(span);
            }
        }
        let at = self.0.binary_search_by_key(&node, |&(id, _)| id).ok()?;
        *cursor = at + 1;
        self.0.get(at).map(|&(_, span)| span)
    }
}

/// Parses `html` (already cut by the pre-scan), feeding it chunk by chunk:
/// up to each start tag of `tags` and each end of `breaks` (both in source
/// order). After each chunk the tree builder's work is counted, and it is fed
/// no more once over its steps (`base` and `TREE_STEPS_PER_BYTE` a byte fed:
/// `base` is what is left of the message's `TREE_STEPS_BASE`) or
/// `MAX_TREE_ELEMENTS` elements.
pub fn parse(html: &str, tags: &[StartTag], breaks: &[usize], base: u64) -> Parsed {
    parse_with(html, tags, breaks, base, true)
}

/// `parse`, with the simple markup handed to the tree builder without the
/// tokenizer (`shortcut`: `direct::emit`) or not (all of it through the
/// tokenizer, as before: the tests compare the two).
///
/// (#14, `shortcut`: callgrind, one lint, native profile, bcda654 against it:
/// the 10 MB newsletter of `make bench` 2,252.3 → 1,521.5 M instructions
/// (−32.4 %; this parse 1,181.1 → 480.8 M, html5ever's tokenizer 1,134.5 M
/// before), the 348 KB one 101.2 → 68.8 M (−32.0 %); four HTML messages of
/// the SpamAssassin corpus −0.2 to −5.3 %.)
fn parse_with(html: &str, tags: &[StartTag], breaks: &[usize], base: u64, shortcut: bool) -> Parsed {
    let sink = RecordingSink {
        inner: HtmlTreeSink::new(Html::new_document()),
        chunk: Cell::new(0),
        created: RefCell::new(Vec::new()),
        steps: Cell::new(0),
        base,
    };
    // html5ever's `driver::parse_document` and `Parser::process`, with the
    // tree builder behind a watch (`Watched`) and reachable for `shortcut`.
    let builder = TreeBuilder::new(sink, TreeBuilderOpts::default());
    let tokenizer = Tokenizer::new(Watched { builder, last: RefCell::new(None) }, TokenizerOpts::default());
    let input = BufferQueue::default();
    let process = |chunk: StrTendril| {
        input.push_back(chunk);
        while let TokenizerResult::Script(_) = tokenizer.feed(&input) {}
    };
    // The tokenizer is in its data state with nothing read ahead, so that the
    // next tokens may be handed to the tree builder directly (`direct::emit`):
    // after a chunk that it ended with the chunk's start tag (the last token it
    // made, the tree builder going on in the data state), or after tokens
    // handed directly. Not at the start (a byte order mark, a doctype).
    let mut idle = false;
    // The chunks are slices of one copy of the text, sharing its buffer (a
    // copy and an allocation per start tag before, #14); `None` where `html`
    // cannot be cut there, as slicing it would refuse.
    let whole = StrTendril::from_slice(html);
    let chunk_of = |range: std::ops::Range<usize>| -> Option<StrTendril> {
        let text = html.get(range.clone())?;
        let shared = u32::try_from(range.start)
            .ok()
            .zip(u32::try_from(range.len()).ok())
            .and_then(|(start, len)| whole.try_subtendril(start, len).ok());
        Some(shared.unwrap_or_else(|| StrTendril::from_slice(text)))
    };
    let mut fed = 0usize;
    let mut cut = None;
    let mut breaks = breaks.iter().copied().peekable();
    'feeding: for end in tags.iter().map(|tag| tag.span.end).enumerate().map(Some).chain([None]) {
        // The end tags' chunks before this start tag, then its own (or the rest).
        let until = end.map_or(html.len(), |(_, end)| end);
        while let Some(at) = breaks.next_if(|&at| at < until) {
            tokenizer.sink.builder.sink.chunk.set(usize::MAX);
            if html.get(fed..at).is_some() {
                let done = if idle && shortcut { direct::emit(&tokenizer.sink.builder, &whole, html, fed, at, None) } else { fed };
                if done < at {
                    if let Some(chunk) = chunk_of(done..at) {
                        process(chunk);
                    }
                    // Ended by an end tag: read by the tokenizer, it leaves no start tag to know it by.
                    idle = false;
                }
                fed = at;
            }
            cut = tokenizer.sink.builder.sink.over_limit(fed);
            if cut.is_some() {
                break 'feeding;
            }
        }
        tokenizer.sink.builder.sink.chunk.set(end.map_or(usize::MAX, |(k, _)| k));
        if html.get(fed..until).is_some() {
            let start = end.and_then(|(k, _)| tags.get(k));
            let done = if idle && shortcut {
                direct::emit(&tokenizer.sink.builder, &whole, html, fed, until, start.map(|tag| tag.span.start))
            } else {
                fed
            };
            if done < until {
                tokenizer.sink.last.take();
                if let Some(chunk) = chunk_of(done..until) {
                    process(chunk);
                }
                let last = tokenizer.sink.last.take();
                idle = matches!((start, last), (Some(tag), Some(name)) if tag.name(html).eq_ignore_ascii_case(&name));
            }
            fed = until;
        }
        cut = tokenizer.sink.builder.sink.over_limit(fed);
        if cut.is_some() {
            break;
        }
    }
    let sink = &tokenizer.sink.builder.sink;
    let steps = sink.steps.get();
    let base_used = steps.saturating_sub(TREE_STEPS_PER_BYTE.saturating_mul(fed as u64)).min(base);
    let created = std::mem::take(&mut *sink.created.borrow_mut());
    // `Parser::finish`.
    while let TokenizerResult::Script(_) = tokenizer.feed(&input) {}
    tokenizer.end();
    let document = tokenizer.sink.builder.sink.finish();
    // The last element created in chunk k whose name is tag k's name is tag k's element.
    let mut spans = Vec::new();
    let mut taken = vec![false; tags.len()];
    for (node, chunk, name) in created.iter().rev() {
        let Some(tag) = tags.get(*chunk) else { continue };
        if !taken[*chunk] && tag.name(html).eq_ignore_ascii_case(name) {
            taken[*chunk] = true;
            spans.push((*node, tag.span));
        }
    }
    // The tree numbers its nodes in the order they are made, and `created` is
    // in that order: read backwards, the entries came in descending order of
    // id, so reversed they ascend (a test holds it), each id in one entry at most.
    spans.reverse();
    Parsed {
        document,
        spans: Spans(spans),
        cut,
        base_used,
        #[cfg(test)]
        steps,
    }
}

/// html5ever's tree builder as its tokenizer's sink, keeping the last token
/// it was handed when that was a start tag after which the tokenizer stays in
/// its data state (the tree builder answered `Continue`): its name.
struct Watched {
    builder: TreeBuilder<NodeId, RecordingSink>,
    last: RefCell<Option<LocalName>>,
}

impl TokenSink for Watched {
    type Handle = NodeId;

    fn process_token(&self, token: Token, line_number: u64) -> TokenSinkResult<NodeId> {
        let start = match &token {
            TagToken(tag) if tag.kind == StartTagKind => Some(tag.name.clone()),
            _ => None,
        };
        let result = self.builder.process_token(token, line_number);
        *self.last.borrow_mut() = start.filter(|_| matches!(result, TokenSinkResult::Continue));
        result
    }
    fn end(&self) {
        self.builder.end()
    }
    fn adjusted_current_node_present_but_not_in_html_namespace(&self) -> bool {
        self.builder.adjusted_current_node_present_but_not_in_html_namespace()
    }
}

/// scraper's tree sink, recording which chunk created each element and
/// counting the tree builder's steps (`TREE_STEPS_BASE`).
struct RecordingSink {
    inner: HtmlTreeSink,
    chunk: Cell<usize>,
    created: RefCell<Vec<(NodeId, usize, html5ever::LocalName)>>,
    steps: Cell<u64>,
    /// The steps allowed beyond `TREE_STEPS_PER_BYTE` a byte fed.
    base: u64,
}

impl RecordingSink {
    /// The cut at `fed` bytes when the work so far is over a limit.
    fn over_limit(&self, fed: usize) -> Option<(usize, TruncatedBy, usize)> {
        let allowed = self.base.saturating_add(TREE_STEPS_PER_BYTE.saturating_mul(fed as u64));
        if self.steps.get() > allowed {
            Some((fed, TruncatedBy::Steps, usize::try_from(allowed).unwrap_or(usize::MAX)))
        } else if self.created.borrow().len() > MAX_TREE_ELEMENTS {
            Some((fed, TruncatedBy::Elements, MAX_TREE_ELEMENTS))
        } else {
            None
        }
    }

    fn step(&self) {
        self.steps.set(self.steps.get() + 1);
    }
}

impl TreeSink for RecordingSink {
    type Output = Html;
    type Handle = NodeId;
    type ElemName<'a> = Ref<'a, QualName>;

    fn finish(self) -> Html {
        self.inner.finish()
    }
    fn parse_error(&self, msg: Cow<'static, str>) {
        self.inner.parse_error(msg)
    }
    fn set_quirks_mode(&self, mode: QuirksMode) {
        self.inner.set_quirks_mode(mode)
    }
    fn get_document(&self) -> NodeId {
        self.inner.get_document()
    }
    fn same_node(&self, x: &NodeId, y: &NodeId) -> bool {
        self.step();
        self.inner.same_node(x, y)
    }
    fn elem_name<'a>(&'a self, target: &'a NodeId) -> Ref<'a, QualName> {
        self.step();
        self.inner.elem_name(target)
    }
    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> NodeId {
        let local = name.local.clone();
        let node = self.inner.create_element(name, attrs, flags);
        self.created.borrow_mut().push((node, self.chunk.get(), local));
        node
    }
    fn create_comment(&self, text: StrTendril) -> NodeId {
        self.inner.create_comment(text)
    }
    fn create_pi(&self, target: StrTendril, data: StrTendril) -> NodeId {
        self.inner.create_pi(target, data)
    }
    fn append(&self, parent: &NodeId, child: NodeOrText<NodeId>) {
        self.inner.append(parent, child)
    }
    fn append_based_on_parent_node(&self, element: &NodeId, prev_element: &NodeId, child: NodeOrText<NodeId>) {
        self.inner.append_based_on_parent_node(element, prev_element, child)
    }
    fn append_doctype_to_document(&self, name: StrTendril, public_id: StrTendril, system_id: StrTendril) {
        self.inner.append_doctype_to_document(name, public_id, system_id)
    }
    fn get_template_contents(&self, target: &NodeId) -> NodeId {
        self.inner.get_template_contents(target)
    }
    fn append_before_sibling(&self, sibling: &NodeId, new_node: NodeOrText<NodeId>) {
        self.inner.append_before_sibling(sibling, new_node)
    }
    fn add_attrs_if_missing(&self, target: &NodeId, attrs: Vec<Attribute>) {
        self.inner.add_attrs_if_missing(target, attrs)
    }
    fn remove_from_parent(&self, target: &NodeId) {
        self.inner.remove_from_parent(target)
    }
    fn reparent_children(&self, node: &NodeId, new_parent: &NodeId) {
        self.inner.reparent_children(node, new_parent)
    }
    fn mark_script_already_started(&self, node: &NodeId) {
        self.inner.mark_script_already_started(node)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::html::tags;

    /// Documents where the tree builder implies, moves and re-opens elements.
    const DOCUMENTS: [&str; 8] = [
        "<p>one<p>two<table><tr><td>cell</table>",
        "<table><b>fostered<tr><td>x</td></tr></b></table><i>after",
        "<b>bold<i>both</b>italic</i><p>para<b>again",
        "<a href=x>one<div>block<a href=y>two</a></div></a>",
        "<html><head><title>t</title></head><body><ul><li>a<li>b</ul><select><option>o<option>p</select>",
        "<template><td>in template</td></template><frameset><frame></frameset>",
        "<svg><foreignObject><p>html in svg</p></foreignObject></svg><math><mi>x</mi></math>",
        "text only, <br> a break and <img src=a.png alt=''> an image",
    ];

    #[test]
    fn spans_are_in_ascending_order_of_node_id() {
        for html in DOCUMENTS {
            let scan = tags::prescan(html, &mut crate::model::html::names::Names::default());
            let parsed = parse(html, &scan.tags, &scan.breaks, TREE_STEPS_BASE);
            assert!(!parsed.spans.0.is_empty(), "{html}");
            assert!(parsed.spans.0.windows(2).all(|w| w[0].0 < w[1].0), "{html}");
        }
    }

    fn parsed(html: &str) -> Parsed {
        let scan = tags::prescan(html, &mut crate::model::html::names::Names::default());
        assert_eq!(scan.cut, None, "the pre-scan cuts none of these");
        parse(html, &scan.tags, &scan.breaks, TREE_STEPS_BASE)
    }

    #[test]
    fn end_tags_that_walk_the_stack_are_cut_by_its_steps() {
        // Under 500 open elements, each end tag whose element is not open
        // walks them all (scope checks) and makes no element; so does
        // `<div></h1>`, whose ignored `</h1>` the pre-scan takes to close the `div`.
        let deep = "<div>".repeat(500);
        for html in [
            format!("{deep}{}", "</li>".repeat(20_000)),
            format!("{deep}{}", "</h1>".repeat(20_000)),
            format!("{deep}{}", "</body>".repeat(20_000)),
            format!("{deep}{}<p>x", "</form>".repeat(20_000)),
            "<div></h1>".repeat(20_000),
            "<span></x>".repeat(20_000),
        ] {
            let cut = parsed(&html).cut;
            let Some((at, TruncatedBy::Steps, limit)) = cut else { panic!("{cut:?}: {}", &html[..30]) };
            assert!(at < html.len() / 2, "{at} of {}: {}", html.len(), &html[..30]);
            assert_eq!(limit as u64, TREE_STEPS_BASE + TREE_STEPS_PER_BYTE * at as u64);
        }
    }

    #[test]
    fn documents_of_many_tokens_or_elements_are_not_cut() {
        // Text split into a token a character (2 steps a byte), shallow
        // elements, a table of many cells: none is near the limits.
        for html in [
            "a\r".repeat(1_000_000),
            "a&amp;".repeat(200_000),
            "<p>para <b>bold</b> <a href=x>link</a></p>".repeat(20_000),
            format!("<table>{}</table>", "<tr><td>a</td><td>b</td></tr>".repeat(20_000)),
            format!("{}{}", "<div>".repeat(400), "<span>x</span>".repeat(50_000)),
        ] {
            assert_eq!(parsed(&html).cut, None, "{}", &html[..20]);
        }
    }

    #[test]
    fn each_read_of_a_name_or_comparison_of_nodes_is_a_step() {
        let sink = RecordingSink {
            inner: HtmlTreeSink::new(Html::new_document()),
            chunk: Cell::new(0),
            created: RefCell::new(Vec::new()),
            steps: Cell::new(0),
            base: TREE_STEPS_BASE,
        };
        let document = sink.get_document();
        let name = QualName::new(None, html5ever::ns!(html), html5ever::local_name!("div"));
        let div = sink.create_element(name, Vec::new(), ElementFlags::default());
        assert_eq!(sink.steps.get(), 0);
        assert!(!sink.same_node(&document, &div));
        assert_eq!(&*sink.elem_name(&div).local, "div");
        assert_eq!(sink.steps.get(), 2);
        let over = usize::try_from((TREE_STEPS_BASE - 2) / TREE_STEPS_PER_BYTE).unwrap_or(usize::MAX);
        sink.steps.set(TREE_STEPS_BASE + 1);
        assert_eq!(sink.over_limit(0), Some((0, TruncatedBy::Steps, TREE_STEPS_BASE as usize)));
        assert_eq!(sink.over_limit(1), None);
        sink.steps.set(TREE_STEPS_BASE + TREE_STEPS_PER_BYTE * over as u64 + 1);
        assert!(sink.over_limit(over).is_some() && sink.over_limit(over + 1).is_none());
    }

    #[test]
    fn the_elements_the_tree_builder_implies_are_counted() {
        // A cell directly in a table implies a `tbody` and a `tr`; the
        // pre-scan counts only the written tags (`<td>` and `<table>`).
        let cells = "<table><td>x</table>".repeat(MAX_TREE_ELEMENTS / 4 + 10);
        let scan = tags::prescan(&cells, &mut crate::model::html::names::Names::default());
        let parsed = parse(&cells, &scan.tags, &scan.breaks, TREE_STEPS_BASE);
        assert!(matches!(parsed.cut, Some((_, TruncatedBy::Elements, MAX_TREE_ELEMENTS))), "{:?}", parsed.cut);
    }

    /// Pieces of markup the generated documents are made of: simple tags and
    /// text, and every kind of markup `direct` leaves to the tokenizer.
    const PIECES: &[&str] = &[
        "<div>", "</div>", "<p>", "</p>", "<table>", "</table>", "<tr>", "</tr>", "<td style=\"color:#fff;font-size:0\">", "</td>",
        "<tbody>", "<b>", "</b>", "<i>", "</i>", "<a href=\"https://x.example/?a=1&amp;b=2\">", "<a href='/u'>", "</a>",
        "<img src=x.png alt='A &quot;q&quot; &lt;&gt;'>", "<br/>", "<br>", "</br>", "<span class=c id=x>", "</span>",
        "<span hidden>", "<font color=red size=1>", "</font>", "<h3 style='margin:0'>", "</h3>", "<ul>", "<li>", "</ul>",
        "<!-- comment <b> -->", "<!-->", "<!DOCTYPE html>", "<?php x ?>", "&amp;", "&nbsp;", "&amp", "&#233;", "& x", "text ",
        "words here", "\n", "\n\n  ", "\r\n", "\r", "\0", "\u{feff}", "é", "<é>", "<p é=1>", "<style>p{color:red}</style>",
        "<title>T<b></title>", "<textarea>a<b>c</textarea>", "<script>if(a<b){}</script>", "</script>", "<xmp><i></xmp>",
        "<noscript><b>n</b></noscript>", "<iframe><p></iframe>", "<svg><rect/><![CDATA[x<y]]><style><b></style></svg>",
        "<math><mi>x</mi></math>", "<select><option>o<style>s</style></select>", "<pre>\nline</pre>", "<listing>\nx",
        "<DIV CLASS=\"X\" Style='A'>", "</DIV>", "<a href=x href=y>", "<p a=\"1\"b=\"2\">", "<p a=>", "<p =a>", "<p a=`b`>",
        "<p a = \"spaced\" b>", "<p a b c=d>", "< p>", "a < b", "</ p>", "</p foo>", "</p/>", "<p/ >", "<p / >", "<o:p>",
        "</o:p>", "<x-custom data-a='1' aria-label=\"l\">", "</x-custom>", "<body bgcolor=#fff>", "<html lang=en>", "<head>",
        "</head>", "<body>", "</body>", "</html>", "<form action=/x>", "</form>", "<input value=a/>", "<p title=\"a\nb\">",
        "<p title='&amp'>", "<p title=\"&ampx\">", "<p title=\"x\r\ny\">", "<p title=\"\0\">", "<frameset>", "<plaintext>",
        "<template><td>t</template>", "<p\ttitle=t\x0c>", "<a\nhref=x\n>", "<p title=\"", "<p ", "<", "</", "<!--", "<p a='>'>",
        "<ABBR TITLE=AbC>", "<h1 title=t/>", "<img/>", "<p title=a/b>", "<tr><td>x", "<table><b>fostered", "<caption>c</caption>",
    ];

    /// A document of `n` pieces drawn by `seed`.
    fn generated(seed: &mut u64, n: usize) -> String {
        let mut html = String::new();
        for _ in 0..n {
            *seed ^= *seed << 13;
            *seed ^= *seed >> 7;
            *seed ^= *seed << 17;
            html.push_str(PIECES[(*seed >> 16) as usize % PIECES.len()]);
        }
        html
    }

    /// Everything of a parse: the nodes in the order made, with their parents
    /// and values, the quirks mode, the spans, the cut, the steps (scraper keeps
    /// no parse errors without its `errors` feature).
    fn described(parsed: &Parsed) -> String {
        let document = &parsed.document;
        let nodes: Vec<String> = document
            .tree
            .nodes()
            .map(|n| format!("{:?} < {:?}: {:?}", n.id(), n.parent().map(|p| p.id()), n.value()))
            .collect();
        format!(
            "{}\n{:?}\n{:?}\n{:?} {} {}",
            nodes.join("\n"),
            document.quirks_mode,
            parsed.spans,
            parsed.cut,
            parsed.base_used,
            parsed.steps
        )
    }

    fn both(html: &str, base: u64) -> (String, String) {
        let scan = tags::prescan(html, &mut crate::model::html::names::Names::default());
        let source = scan.cut.map_or(html, |(cut, _, _)| &html[..cut]);
        let direct = parse_with(source, &scan.tags, &scan.breaks, base, true);
        let tokenizer = parse_with(source, &scan.tags, &scan.breaks, base, false);
        (described(&direct), described(&tokenizer))
    }

    /// The tokens `direct` handed to the tree builder so far on this thread.
    fn handed() -> usize {
        direct::HANDED.with(std::cell::Cell::get)
    }

    #[test]
    fn direct_tokens_build_what_the_tokenizer_builds() {
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        let before = handed();
        for round in 0..4_000 {
            let html = generated(&mut seed, 1 + round % 60);
            let (direct, tokenizer) = both(&html, TREE_STEPS_BASE);
            assert_eq!(direct, tokenizer, "{html:?}");
        }
        // Some of them after every kind of markup the tokenizer reads.
        assert!(handed() - before > 20_000, "{}", handed() - before);
        for html in DOCUMENTS {
            let (direct, tokenizer) = both(html, TREE_STEPS_BASE);
            assert_eq!(direct, tokenizer, "{html:?}");
        }
    }

    #[test]
    fn direct_tokens_build_what_the_tokenizer_builds_of_the_corpus() {
        // Mail as it is written, each message whole read as HTML (its markup
        // as sent: quoted-printable and base64 bodies are read as text).
        crate::text::each_corpus_text("direct_tokens_build_what_the_tokenizer_builds_of_the_corpus", |path, html| {
            let (direct, tokenizer) = both(html, TREE_STEPS_BASE);
            assert!(direct == tokenizer, "{}", path.display());
        });
    }

    #[test]
    fn direct_tokens_are_cut_where_the_tokenizer_is() {
        // The work limits, reached after chunks read directly: the same cut, the same steps.
        let block = "<tr><td class=\"item\" style=\"padding:12px\"><table role=\"presentation\" width=\"100%\" cellpadding=\"0\" \
                     cellspacing=\"0\"><tr><td width=\"120\"><a href=\"https://shop.example.com/p/1?utm_source=news&amp;utm_medium=email\">\
                     <img src=\"https://cdn.example.com/img/1.jpg\" width=\"120\" height=\"90\" alt=\"Product 1\" style=\"display:block\"></a>\
                     </td><td style=\"color:#333333\"><h3 style=\"margin:0\">Garden chair</h3><p style=\"margin:0\">Teak,\nfolds flat.</p>\
                     <a href=\"https://shop.example.com/p/1\">See</a></td></tr></table></td></tr>\n";
        let newsletter = format!("<!DOCTYPE html><html><head><style>p{{}}</style></head><body><table>{}</table></body></html>", block.repeat(300));
        let deep = "<div>".repeat(500);
        for (html, base) in [
            (newsletter.clone(), TREE_STEPS_BASE),
            (newsletter, 1_000),
            (format!("{deep}{}", "</li>".repeat(20_000)), TREE_STEPS_BASE),
            ("<div></h1>".repeat(20_000), TREE_STEPS_BASE),
            (format!("<table>{}</table>", "<tr><td>a</td><td>b</td></tr>".repeat(20_000)), TREE_STEPS_BASE),
            ("<table><td>x</table>".repeat(MAX_TREE_ELEMENTS / 4 + 10), TREE_STEPS_BASE),
        ] {
            let before = handed();
            let (direct, tokenizer) = both(&html, base);
            assert_eq!(direct, tokenizer, "{}", &html[..40]);
            assert!(handed() > before, "{}", &html[..40]);
        }
    }

    #[test]
    fn find_gives_each_element_its_entry_in_any_order() {
        for html in DOCUMENTS {
            let scan = tags::prescan(html, &mut crate::model::html::names::Names::default());
            let parsed = parse(html, &scan.tags, &scan.breaks, TREE_STEPS_BASE);
            let expected: std::collections::HashMap<NodeId, Span> = parsed.spans.0.iter().copied().collect();
            let ids: Vec<NodeId> = parsed.document.tree.nodes().map(|n| n.id()).collect();
            // The order of creation, document order (the walk's), creation
            // reversed, and every other node.
            let document_order: Vec<NodeId> = parsed.document.tree.root().descendants().map(|n| n.id()).collect();
            let orders = [ids.clone(), document_order, ids.iter().rev().copied().collect(), ids.iter().step_by(2).copied().collect()];
            for order in orders {
                let mut cursor = 0;
                for id in order {
                    assert_eq!(parsed.spans.find(id, &mut cursor), expected.get(&id).copied(), "{html}");
                }
            }
        }
    }
}
