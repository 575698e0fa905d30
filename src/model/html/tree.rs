//! The tree builder, fed one start tag at a time so each element learns the
//! byte range of the start tag that made it. html5ever's tokenizer emits a tag
//! as soon as it reads its `>`, and the tree builder creates the element at
//! once; so the elements created while the chunk ending with start tag k is
//! fed are tag k's element and the elements the tree builder implies before it
//! (`tbody`, a re-opened `b`). Tag k's element is the last of them with its
//! name; implied elements have no source range.

use super::tags::{Span, StartTag, TruncatedBy, MAX_HTML_ELEMENTS};
use ego_tree::NodeId;
use html5ever::driver::{self, ParseOpts};
use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::{Attribute, QualName};
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
    let sink = RecordingSink {
        inner: HtmlTreeSink::new(Html::new_document()),
        chunk: Cell::new(0),
        created: RefCell::new(Vec::new()),
        steps: Cell::new(0),
        base,
    };
    let mut parser = driver::parse_document(sink, ParseOpts::default());
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
            parser.tokenizer.sink.sink.chunk.set(usize::MAX);
            if let Some(chunk) = chunk_of(fed..at) {
                parser.process(chunk);
                fed = at;
            }
            cut = parser.tokenizer.sink.sink.over_limit(fed);
            if cut.is_some() {
                break 'feeding;
            }
        }
        parser.tokenizer.sink.sink.chunk.set(end.map_or(usize::MAX, |(k, _)| k));
        if let Some(chunk) = chunk_of(fed..until) {
            parser.process(chunk);
            fed = until;
        }
        cut = parser.tokenizer.sink.sink.over_limit(fed);
        if cut.is_some() {
            break;
        }
    }
    let sink = &parser.tokenizer.sink.sink;
    let base_used = sink.steps.get().saturating_sub(TREE_STEPS_PER_BYTE.saturating_mul(fed as u64)).min(base);
    let created = std::mem::take(&mut *sink.created.borrow_mut());
    let document = parser.finish();
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
    Parsed { document, spans: Spans(spans), cut, base_used }
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
