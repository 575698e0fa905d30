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
use crate::hash::FastMap;

/// A parsed document and the start tag of each element that has one.
pub struct Parsed {
    pub document: Html,
    /// Keyed by the tree's own node ids (`crate::hash`).
    pub spans: FastMap<NodeId, Span>,
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
    let mut spans = FastMap::default();
    let mut taken = vec![false; tags.len()];
    for (node, chunk, name) in created.iter().rev() {
        let Some(tag) = tags.get(*chunk) else { continue };
        if !taken[*chunk] && tag.name(html).eq_ignore_ascii_case(name) {
            taken[*chunk] = true;
            spans.insert(*node, tag.span);
        }
    }
    Parsed { document, spans }
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
