//! The tree builder, fed one start tag at a time so each element learns the
//! byte range of the start tag that made it. html5ever's tokenizer emits a tag
//! as soon as it reads its `>`, and the tree builder creates the element at
//! once; so the elements created while the chunk ending with start tag k is
//! fed are tag k's element and the elements the tree builder implies before it
//! (`tbody`, a re-opened `b`). Tag k's element is the last of them with its
//! name; implied elements have no source range.

use super::tags::{Span, StartTag};
use ego_tree::NodeId;
use html5ever::driver::{self, ParseOpts};
use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::{Attribute, QualName};
use scraper::{Html, HtmlTreeSink};
use std::borrow::Cow;
use std::cell::{Cell, Ref, RefCell};

/// A parsed document and the start tag of each element that has one.
pub struct Parsed {
    pub document: Html,
    pub spans: Spans,
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

/// Parses `html` (already cut by the pre-scan), feeding it chunk by chunk.
pub fn parse(html: &str, tags: &[StartTag]) -> Parsed {
    let sink = RecordingSink {
        inner: HtmlTreeSink::new(Html::new_document()),
        chunk: Cell::new(0),
        created: RefCell::new(Vec::new()),
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
    for (k, tag) in tags.iter().enumerate() {
        parser.tokenizer.sink.sink.chunk.set(k);
        if let Some(chunk) = chunk_of(fed..tag.span.end) {
            parser.process(chunk);
            fed = tag.span.end;
        }
    }
    parser.tokenizer.sink.sink.chunk.set(usize::MAX);
    if let Some(rest) = chunk_of(fed..html.len()) {
        parser.process(rest);
    }
    let created = std::mem::take(&mut *parser.tokenizer.sink.sink.created.borrow_mut());
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
    Parsed { document, spans: Spans(spans) }
}

/// scraper's tree sink, recording which chunk created each element.
struct RecordingSink {
    inner: HtmlTreeSink,
    chunk: Cell<usize>,
    created: RefCell<Vec<(NodeId, usize, html5ever::LocalName)>>,
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
        self.inner.same_node(x, y)
    }
    fn elem_name<'a>(&'a self, target: &'a NodeId) -> Ref<'a, QualName> {
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
            let parsed = parse(html, &scan.tags);
            assert!(!parsed.spans.0.is_empty(), "{html}");
            assert!(parsed.spans.0.windows(2).all(|w| w[0].0 < w[1].0), "{html}");
        }
    }

    #[test]
    fn find_gives_each_element_its_entry_in_any_order() {
        for html in DOCUMENTS {
            let scan = tags::prescan(html, &mut crate::model::html::names::Names::default());
            let parsed = parse(html, &scan.tags);
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
