//! The cascade: the computed style of each element as a small `Copy` value
//! (colours, px sizes, flags), from the parent's, the presentational attributes
//! (HTML §15.3: they lose to any CSS), the matched style rules and the `style`
//! attribute, ordered by importance, origin, specificity and source order (CSS
//! Cascade 4 §6). Where a value comes from is a `SourceId` into one shared table
//! (`HtmlFacts::sources`), never a string copied per element.
//!
//! One style per view the sheet needs (`StyleSheet::views`, `media`): selectors
//! are matched once, and each view applies the declarations of the selectors
//! that apply in it, under that view's parent style.

use super::budget::Budget;
use super::color::{parse_legacy_color, ColorValue, Rgba};
use super::inline::InlineStyles;
use super::media::{Views, ALL_VIEWS};
use super::transform::Affine;
use super::sheet::{is_shortened, shorten, StyleSheet, MAX_QUOTED_VALUE};
use super::values::{
    parse_property_value, substitute_vars, Bidi, Declaration, Length, Property, Value, ROOT_FONT_PX,
};
use super::{HiddenMeans, Source, SourceId, SourceOrigin};
use html5ever::{local_name, LocalName};
use scraper::ElementRef;

/// Text no reader can see at this size (px). *(default, ours)*
pub const TINY_FONT_PX: f32 = 1.0;
/// An element's effective opacity at or under this is invisible. *(default, ours)*
pub const INVISIBLE_OPACITY: f32 = 0.02;
/// A box moved this far out of the view (negative offset, margin or
/// `text-indent`) is off-screen. *(default, ours)*: mail content columns are
/// about 600 px wide; honest layouts use small negative margins only.
pub const OFFSCREEN_PX: f32 = 500.0;
/// Largest drawing factor kept (`Style::scale`): past it, sizes are only "huge". *(default, ours)*
pub const MAX_SCALE: f32 = 1.0e4;
/// A box this small (width or height, px) with its overflow cut shows nothing. *(default, ours)*
pub const ZERO_BOX_PX: f32 = 1.0;

/// Most custom properties looked through for one `var()` name, nearest first
/// (`VarNode`): deeper definitions are not seen, and the `var()` is then left
/// unread. *(default, ours)*
pub const MAX_VAR_LOOKUP: usize = 64;

/// A custom property set on an element, in a list shared by its descendants
/// (`Style::vars` is the nearest; `next` the one before it, up the tree).
#[derive(Debug, Clone)]
pub struct VarNode {
    name: u64,
    value: String,
    next: Option<u32>,
}

/// Most sources of `style` attribute declarations shared by the elements that
/// repeat them (`InlineSources`). *(default, ours: a cache, not an input
/// limit; past it, each element makes its own, as before: only time and
/// memory change, at most about 150 kB of wasm memory for the table)*
pub const MAX_SHARED_INLINE_SOURCES: usize = 4_096;

/// The sources made for the declarations of `style` attributes, shared by the
/// elements of one name whose attribute repeats the text: each text met again
/// is read from its first parse (`super::inline`), whose declarations' texts
/// are where they were, so a declaration is known by where its text is (never
/// by the text itself, which a message chooses, `crate::hash`), its property
/// and the element's name, as the source says them (`SourceOrigin::Inline`).
/// The budget is charged for each element as when the source was made anew,
/// so the analysis is the same either way: a source's id only leads to its
/// description (`HtmlFacts::describe`). (#14, callgrind, natively: a source,
/// its shortened value copied, for every declaration of every element was
/// 0.85 % of the 10 MB newsletter's lint (`make bench`'s, 2,561 M
/// instructions), 0.08 % shared; with the atoms of `heading_scale`, the lint
/// took 20 M instructions fewer, 0.8 %, its facts' drop 6 M of them.)
#[derive(Default)]
pub struct InlineSources {
    made: crate::hash::FastMap<(LocalName, &'static str, usize, usize), (SourceId, usize)>,
}

/// Elements whose content is never shown.
pub(super) fn is_never_shown(name: &LocalName) -> bool {
    matches!(
        *name,
        local_name!("head")
            | local_name!("script")
            | local_name!("style")
            | local_name!("template")
            | local_name!("noscript")
            | local_name!("title")
            | local_name!("meta")
            | local_name!("link")
    )
}

/// How an element's content is hidden, and from where.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Hiding {
    pub means: HiddenMeans,
    pub source: Option<SourceId>,
    /// Index of the element where the hiding starts (`Walker::roots`).
    pub root: u32,
    /// The hiding element has the shape of visually hidden text for screen
    /// readers (`honest::is_screen_reader_box`): its text is a candidate label.
    pub screen_reader: bool,
}

/// The computed style of an element, as far as the analysis needs it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Style {
    pub color: Rgba,
    pub color_source: Option<SourceId>,
    /// `-webkit-text-fill-color` when it is not `currentcolor`: the glyphs'
    /// colour, over `color` (inherited).
    pub fill: Option<(Rgba, Option<SourceId>)>,
    /// The opaque colour behind the element; `None` when an image or gradient makes it unknown.
    pub backdrop: Option<Rgba>,
    pub background_source: Option<SourceId>,
    pub font_px: f32,
    pub font_source: Option<SourceId>,
    /// Product of the opacities of the element and its ancestors.
    pub opacity: f32,
    pub opacity_source: Option<SourceId>,
    /// Product of the factors `zoom` and the transforms of the element and its
    /// ancestors draw it at (`Affine::smallest_scale`): under 1 shrinks, over 1 enlarges.
    pub scale: f32,
    pub scale_source: Option<SourceId>,
    pub hidden: Option<Hiding>,
    pub preformatted: bool,
    /// Inside an element whose content is never shown (`head`, `script`, …).
    pub never_shown: bool,
    /// Width and height the element is drawn at, in px, when known (images).
    pub width_px: Option<f32>,
    pub height_px: Option<f32>,
    /// `direction: rtl` (inherited; the `dir` attribute sets it).
    pub rtl: bool,
    /// The text is drawn right to left letter by letter: under `unicode-bidi:
    /// bidi-override` (or `<bdo>`) with `direction: rtl` (CSS Writing Modes 3
    /// §2.2), up to an element that embeds or overrides anew.
    pub reversed: bool,
    /// The nearest custom property set on the element or an ancestor (`VarNode`).
    pub vars: Option<u32>,
    /// `<body link>`: the colour of links the author does not style (HTML §15.3.3).
    pub link: Option<(Rgba, Option<SourceId>)>,
}

impl Style {
    pub fn root() -> Style {
        Style {
            color: Rgba::BLACK,
            color_source: None,
            fill: None,
            backdrop: Some(Rgba::WHITE),
            background_source: None,
            font_px: ROOT_FONT_PX,
            font_source: None,
            opacity: 1.0,
            opacity_source: None,
            scale: 1.0,
            scale_source: None,
            hidden: None,
            preformatted: false,
            never_shown: false,
            width_px: None,
            height_px: None,
            rtl: false,
            reversed: false,
            vars: None,
            link: None,
        }
    }

    /// The text colour as drawn: the fill colour (`color` unless
    /// `-webkit-text-fill-color` sets one), composited over the backdrop (white
    /// when unknown) and faded by the opacity.
    pub fn drawn_color(&self) -> Rgba {
        let backdrop = self.backdrop.unwrap_or(Rgba::WHITE);
        let glyphs = self.fill.map_or(self.color, |(fill, _)| fill);
        glyphs.over(backdrop).mix(backdrop, self.opacity)
    }

    /// Where the drawn colour comes from: the fill colour's declaration when set.
    pub fn drawn_color_source(&self) -> Option<SourceId> {
        self.fill.map_or(self.color_source, |(_, source)| source)
    }
}

/// The sources an element's attributes make, recorded by its first view and
/// replayed by the others, so that each is made once.
#[derive(Default)]
struct SourceMemo {
    ids: Vec<Option<SourceId>>,
    at: usize,
}

/// A value set on the element itself (not inherited), with its source.
type Own<T> = Option<(T, Option<SourceId>)>;

/// The element's own values of the non-inherited properties.
#[derive(Default)]
struct OwnValues {
    background: Own<(Option<ColorValue>, bool)>,
    background_color: Own<ColorValue>,
    background_image: Own<bool>,
    display_none: Own<bool>,
    /// The winning `display` declaration was `!important`.
    display_important: bool,
    visibility_hidden: Own<bool>,
    opacity: Own<f32>,
    filter_opacity: Own<f32>,
    transform: Own<Affine>,
    scale: Own<Affine>,
    translate: Own<Affine>,
    zoom: Own<f32>,
    clipped: Own<bool>,
    out_of_flow: Own<bool>,
    left: Own<Length>,
    top: Own<Length>,
    right: Own<Length>,
    bottom: Own<Length>,
    margin_left: Own<Length>,
    margin_top: Own<Length>,
    text_indent: Own<Length>,
    width: Own<Length>,
    height: Own<Length>,
    max_width: Own<Length>,
    max_height: Own<Length>,
    overflow_clips: Own<bool>,
    unicode_bidi: Option<Bidi>,
}

/// What the cascade reads and writes besides the element (`'d`: the document's texts).
pub struct Cascade<'a, 'd> {
    pub sheet: &'a mut StyleSheet,
    /// The `style` attributes read so far, each distinct text once (`inline`).
    pub inline: &'a mut InlineStyles<'d>,
    pub sources: &'a mut Vec<Source>,
    /// `sources` index of each sheet rule's first declaration.
    pub rule_sources: &'a [SourceId],
    /// The sources of `style` attribute declarations made so far, to share.
    pub inline_sources: &'a mut InlineSources,
    /// The custom properties set so far (`Style::vars` points into it).
    pub vars: &'a mut Vec<VarNode>,
    /// The styles computed so far, to give an element that repeats one again (`StyleMemo`).
    pub memo: &'a mut StyleMemo<'d>,
    pub budget: &'a mut Budget,
}

/// The class of the root's styles (`StyleMemo`): `Style::root()` in every view.
pub const ROOT_CLASS: u64 = 0;

/// Slots of the memo of computed styles (`StyleMemo`), one entry each.
/// *(default, ours: a cache, not an input limit; a newsletter repeats a few
/// dozen shapes of element; a slot holds a style a view (8 views at most)
/// and at most `STYLE_MEMO_MAX_DECLARATIONS` declarations, under 4 kB, so
/// at most about 2 MB of memory)*
pub const STYLE_MEMO_SLOTS: usize = 512;

/// Most declarations applying to an element whose styles the memo keeps
/// (`StyleMemo`): an element under more is computed each time, so that the
/// memo holds no message-sized list. *(default, ours: the elements of the
/// newsletters of `make bench` have at most 6)*
pub const STYLE_MEMO_MAX_DECLARATIONS: usize = 32;

/// Elements of a document computed before the memo of styles is used
/// (`StyleMemo`): its table and the entries it keeps cost more than they save
/// on the short documents of most mail (callgrind, natively: kept from the
/// first element, the SpamAssassin corpus pass took 1,268.3 -> 1,282.2 M,
/// +1.1 %). *(default, ours)*
pub const STYLE_MEMO_AFTER_ELEMENTS: u32 = 512;

/// Where a declaration of `Cascade::compute`'s list comes from: it fixes the
/// declaration's property, value and importance (a rule's by its place in the
/// sheet; a `style` attribute's by where its text is in the document, which
/// does not change while the document is read, `InlineStyles` lending the
/// first parse of a text met again, and by its property).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DeclarationId {
    Rule(usize, usize),
    Inline { at: usize, len: usize, property: Property, important: bool },
}

/// The computed styles of elements met so far, given again to an element
/// computed from the same inputs (#14: most elements of a newsletter repeat
/// a few shapes). A style is a function of the parent's, the element's name,
/// the attributes `presentational` reads and the declarations that apply,
/// but for what `compute` also makes along the way: the sources of the
/// attributes (an entry is kept only when none was made, which depends only
/// on the name and those attributes), custom properties (never kept) and the
/// element's index in a hiding rooted there (kept only without a hiding).
/// The parent's styles are known by a class: elements given an entry's
/// styles share its class, any other computed element has a class of its
/// own, so one class is one list of styles. The budget's steps and charges
/// are taken as without the memo (the matching, the `style` attribute's
/// reading and sources, a step a view); the tests hold the facts and the
/// work left to the computation without it.
pub struct StyleMemo<'d> {
    slots: Vec<Option<MemoEntry<'d>>>,
    /// The last class given (`ROOT_CLASS` first).
    classes: u64,
}

struct MemoEntry<'d> {
    parent: u64,
    name: LocalName,
    attrs: [Option<&'d str>; 12],
    declarations: Vec<(DeclarationId, Option<SourceId>, Views)>,
    styles: Vec<Style>,
    class: u64,
}

#[cfg(test)]
thread_local! {
    /// The memo switched off on this thread (the tests compare the analysis without it).
    pub(super) static MEMO_OFF: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    /// Styles of a view given by the memo on this thread.
    pub(super) static MEMO_HITS: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
    /// `STYLE_MEMO_AFTER_ELEMENTS` on this thread (the tests use the memo from the first element).
    pub(super) static STYLE_MEMO_AFTER: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

impl Default for StyleMemo<'_> {
    fn default() -> Self {
        // The table is made when the first entry is kept.
        StyleMemo { slots: Vec::new(), classes: ROOT_CLASS }
    }
}

impl<'d> StyleMemo<'d> {
    fn new_class(&mut self) -> u64 {
        self.classes += 1;
        self.classes
    }

    /// The slot of an element of `name` under `parent` with `declarations` and a `style` attribute of `style_len` bytes.
    fn slot(parent: u64, name: &LocalName, declarations: usize, style_len: Option<usize>) -> usize {
        use std::hash::{Hash, Hasher};
        let mut hasher = fxhash::FxHasher::default();
        (parent, name, declarations, style_len).hash(&mut hasher);
        (hasher.finish() as usize) % STYLE_MEMO_SLOTS
    }
}

/// The attributes the cascade reads, found in one pass over an element's
/// attributes (looked up by name, they were a scan of them per name: about nine
/// scans an element, for every view, #14). As `super::attr`: attributes without
/// a namespace or prefix, the first of a name.
#[derive(Default)]
struct Attrs<'e> {
    style: Option<&'e str>,
    bgcolor: Option<&'e str>,
    background: Option<&'e str>,
    color: Option<&'e str>,
    text: Option<&'e str>,
    link: Option<&'e str>,
    href: Option<&'e str>,
    size: Option<&'e str>,
    dir: Option<&'e str>,
    font_size: Option<&'e str>,
    hidden: Option<&'e str>,
    width: Option<&'e str>,
    height: Option<&'e str>,
}

impl<'e> Attrs<'e> {
    /// The attributes `Cascade::presentational` reads, as it reads them (of
    /// `href`, only whether it is there): the memo's key (`StyleMemo`).
    fn presentational_key(&self) -> [Option<&'e str>; 12] {
        [
            self.bgcolor,
            self.background,
            self.color,
            self.text,
            self.link,
            self.href.map(|_| ""),
            self.size,
            self.dir,
            self.font_size,
            self.hidden,
            self.width,
            self.height,
        ]
    }

    fn of(element: &'e scraper::node::Element) -> Attrs<'e> {
        let mut attrs = Attrs::default();
        for (q, value) in element.attrs.iter() {
            if q.prefix.is_some() || !q.ns.is_empty() {
                continue;
            }
            // Atoms compared as numbers (`super::attr`).
            let slot = match q.local {
                local_name!("style") => &mut attrs.style,
                local_name!("bgcolor") => &mut attrs.bgcolor,
                local_name!("background") => &mut attrs.background,
                local_name!("color") => &mut attrs.color,
                local_name!("text") => &mut attrs.text,
                local_name!("link") => &mut attrs.link,
                local_name!("href") => &mut attrs.href,
                local_name!("size") => &mut attrs.size,
                local_name!("dir") => &mut attrs.dir,
                local_name!("font-size") => &mut attrs.font_size,
                local_name!("hidden") => &mut attrs.hidden,
                local_name!("width") => &mut attrs.width,
                local_name!("height") => &mut attrs.height,
                _ => continue,
            };
            if slot.is_none() {
                *slot = Some(&**value);
            }
        }
        attrs
    }
}

impl<'d> Cascade<'_, 'd> {
    fn source(&mut self, origin: SourceOrigin, property: &'static str, value: &str) -> Option<SourceId> {
        let value = shorten(value, MAX_QUOTED_VALUE);
        if !self.budget.derive(value.len() + 16) {
            return None;
        }
        self.sources.push(Source { origin, property, value });
        Some((self.sources.len() - 1) as SourceId)
    }

    /// The computed styles of `element`, one per view of the sheet
    /// (`parents` holds the parent's, in the same order), written in `styles`
    /// (emptied first: the list of an element the walk left is lent again;
    /// #14: a list allocated and freed an element was about 0.6 % of the 10 MB
    /// newsletter's lint natively, callgrind); a hiding that starts here is
    /// rooted at `root_index`. With the styles, their class (`StyleMemo`;
    /// `parent_class`: the parents').
    #[allow(clippy::too_many_arguments)]
    pub fn compute(
        &mut self,
        element: ElementRef<'d>,
        parents: &[Style],
        parent_class: u64,
        depth: usize,
        siblings: usize,
        root_index: u32,
        mut styles: Vec<Style>,
    ) -> (Vec<Style>, u64) {
        let value = element.value();
        let name = value.name.local.clone();
        // Style rules, then the `style` attribute, in cascade order.
        let mut matched = std::mem::take(&mut self.sheet.matched);
        self.sheet.matching(element, depth, siblings, self.budget, &mut matched);
        let attrs = Attrs::of(value);
        // (important, inline, specificity, order) — CSS Cascade 4 §6.
        type Key = (bool, bool, u32, (usize, usize));
        // A rule's custom properties and `var()` values are read from their whole text (`var_texts`).
        let mut rule_vars: Vec<String> = Vec::new();
        let mut order: Vec<(Key, Declaration<'_>, Option<SourceId>, Views, DeclarationId)> = Vec::new();
        for m in &matched {
            let Some(rule) = self.sheet.rules.get(m.rule) else { continue };
            let Some(declaration) = rule.declarations.get(m.declaration) else { continue };
            if matches!(declaration.value, Value::Custom { .. } | Value::Var) {
                rule_vars.push(rule.var_texts.get(m.declaration).cloned().unwrap_or_default());
            }
            let source = self.rule_sources.get(m.rule).map(|first| first + m.declaration as SourceId);
            let id = DeclarationId::Rule(m.rule, m.declaration);
            order.push(((m.important, false, m.specificity, m.order), *declaration, source, m.views, id));
        }
        let mut rule_vars = rule_vars.iter();
        for entry in order.iter_mut().filter(|e| matches!(e.1.value, Value::Custom { .. } | Value::Var)) {
            entry.1.text = rule_vars.next().map_or("", String::as_str);
        }
        if let Some(text) = attrs.style {
            for (i, declaration) in self.inline.declarations(text, self.budget).enumerate() {
                let (at, len) = (declaration.text.as_ptr() as usize, declaration.text.len());
                let id = DeclarationId::Inline { at, len, property: declaration.property, important: declaration.important };
                order.push(((declaration.important, true, 0, (0, i)), declaration, None, ALL_VIEWS, id));
            }
        }
        order.sort_by(|a, b| a.0.cmp(&b.0));
        // Sources are made once for every view: the attributes' (recorded by the
        // first view's pass and replayed), then the inline declarations'.
        let mut memo = SourceMemo::default();
        styles.clear();
        styles.reserve(parents.len());
        // Custom properties are defined anew in each view (`define_var`).
        let custom = order.iter().any(|e| matches!(e.1.value, Value::Custom { .. } | Value::Var));
        let first_view = self.sheet.views.first().copied().unwrap_or(0);
        // The memo (`StyleMemo`; #14, callgrind, one lint, native profile,
        // bef56d3 against it: the 10 MB newsletter of `make bench` 1,489.9 ->
        // 1,444.9 M instructions (-3.0 %; this function 248.7 -> 201.6 M, the
        // styles of about 100,000 of its 109,091 elements given by the memo),
        // the 348 KB one 67.5 -> 65.8 M (-2.5 %); the SpamAssassin corpus pass
        // 1,268.3 -> 1,271.6 M (+0.26 %: the declarations' identities and a
        // class an element, paid by documents too short for the memo).
        #[cfg(not(test))]
        let memo_on = !custom && root_index >= STYLE_MEMO_AFTER_ELEMENTS;
        #[cfg(test)]
        let memo_on = !custom && root_index >= STYLE_MEMO_AFTER.with(std::cell::Cell::get) && !MEMO_OFF.with(std::cell::Cell::get);
        let (key, slot) = match memo_on {
            true => (attrs.presentational_key(), StyleMemo::slot(parent_class, &name, order.len(), attrs.style.map(str::len))),
            false => Default::default(),
        };
        let mut inline_done = false;
        let mut hit = false;
        let known = |entry: &MemoEntry<'_>| entry.parent == parent_class && entry.name == name && entry.attrs == key;
        if memo_on && self.memo.slots.get(slot).and_then(Option::as_ref).is_some_and(known) {
            // This name and these attributes made no sources when the entry was
            // computed, so they make none now: the inline declarations' sources
            // are made here in the order the first view's pass makes them.
            for entry in order.iter_mut().filter(|e| e.2.is_none()) {
                entry.2 = self.inline_source(&name, entry.1.property.name(), entry.1.text);
            }
            inline_done = true;
            hit = self.memo.slots.get(slot).and_then(Option::as_ref).is_some_and(|entry| {
                entry.styles.len() == parents.len()
                    && entry.declarations.len() == order.len()
                    && entry.declarations.iter().zip(&order).all(|(kept, e)| *kept == (e.4, e.2, e.3))
            });
        }
        let mut degraded = false;
        for (i, parent) in parents.iter().enumerate() {
            let view = self.sheet.views.get(i).copied().unwrap_or(0);
            if i > 0 && !self.budget.step(1 + order.len() as u64) {
                styles.push(styles.first().copied().unwrap_or(*parent));
                degraded = true;
                continue;
            }
            if hit {
                if let Some(style) = self.memo.slots.get(slot).and_then(Option::as_ref).and_then(|e| e.styles.get(i)) {
                    #[cfg(test)]
                    MEMO_HITS.with(|hits| hits.set(hits.get() + 1));
                    styles.push(*style);
                    continue;
                }
            }
            // A view whose parent style is the first view's, as the element reads
            // it, and in which the same declarations apply computes the first
            // view's style again: it is copied (most elements of a responsive
            // newsletter, whose small-screen rules reach a few; #14).
            if let (Some(&first), Some(first_parent)) = (styles.first(), parents.first()) {
                let applies = |views: Views, view: super::media::ViewId| views & (1 << view) != 0;
                if !custom
                    && same_for_children(parent, first_parent)
                    && order.iter().all(|e| applies(e.3, view) == applies(e.3, first_view))
                {
                    styles.push(first);
                    continue;
                }
            }
            memo.at = 0;
            let mut style = *parent;
            style.width_px = None;
            style.height_px = None;
            if parent.hidden.is_some_and(|h| matches!(h.means, HiddenMeans::TinyFont)) {
                // A tiny font is not a hiding of its own: a child with a readable size shows again
                // (layouts set `font-size:0` on a cell to remove gaps, then size the content).
                style.hidden = None;
            }
            if is_never_shown(&name) {
                style.never_shown = true;
            }
            if name == local_name!("pre") || name == local_name!("textarea") {
                style.preformatted = true;
            }
            let mut own = OwnValues::default();
            self.presentational(&attrs, &name, parent, &mut style, &mut own, &mut memo);
            if i == 0 && !inline_done {
                for entry in order.iter_mut().filter(|e| e.2.is_none()) {
                    entry.2 = self.inline_source(&name, entry.1.property.name(), entry.1.text);
                }
            }
            // Custom properties first: a `var()` reads the element's own (CSS Variables 1 §3).
            for (_, declaration, _, views, _) in &order {
                if let (true, Value::Custom { name }) = (views & (1 << view) != 0, declaration.value) {
                    self.define_var(&mut style, name, declaration.text);
                }
            }
            for (_, declaration, source, views, _) in &order {
                if views & (1 << view) == 0 {
                    continue;
                }
                match declaration.value {
                    Value::Custom { .. } => {}
                    Value::Var => {
                        if let Some(value) = self.resolve_vars(&style, declaration) {
                            apply(&Declaration { value, ..*declaration }, *source, parent, &mut style, &mut own);
                        }
                    }
                    _ => apply(declaration, *source, parent, &mut style, &mut own),
                }
            }
            self.finish(&name, parent, &mut style, &own, root_index);
            styles.push(style);
        }
        self.sheet.matched = matched;
        let class = match self.memo.slots.get(slot).and_then(Option::as_ref) {
            Some(entry) if hit && !degraded => entry.class,
            _ => self.memo.new_class(),
        };
        // Kept when a list of the same inputs is certain to compute these styles again.
        if !hit
            && memo_on
            && !degraded
            && memo.ids.is_empty()
            && order.len() <= STYLE_MEMO_MAX_DECLARATIONS
            && styles.iter().all(|s| s.hidden.is_none())
        {
            if self.memo.slots.is_empty() {
                self.memo.slots.resize_with(STYLE_MEMO_SLOTS, || None);
            }
            if let Some(kept) = self.memo.slots.get_mut(slot) {
                let entry = kept.get_or_insert_with(|| MemoEntry {
                    parent: 0,
                    name: name.clone(),
                    attrs: key,
                    declarations: Vec::new(),
                    styles: Vec::new(),
                    class,
                });
                entry.parent = parent_class;
                entry.name = name;
                entry.attrs = key;
                entry.declarations.clear();
                entry.declarations.extend(order.iter().map(|e| (e.4, e.2, e.3)));
                entry.styles.clear();
                entry.styles.extend_from_slice(&styles);
                entry.class = class;
            }
        }
        (styles, class)
    }

    /// The source of the declaration of `property` whose value is `text` in
    /// the `style` attribute of an element named `element`: the one made for
    /// the same declaration of an earlier element when there is one, with the
    /// budget charged as `source` charges it (`InlineSources`).
    fn inline_source(&mut self, element: &LocalName, property: &'static str, text: &str) -> Option<SourceId> {
        let key = (element.clone(), property, text.as_ptr() as usize, text.len());
        // Its value read again, in case the place held another text (it never does
        // for an attribute's: the document's texts stay where they are while it is read).
        let made = self.inline_sources.made.get(&key).filter(|(id, _)| {
            self.sources.get(*id as usize).is_some_and(|source| is_shortened(text, MAX_QUOTED_VALUE, &source.value))
        });
        if let Some(&(id, charge)) = made {
            return self.budget.derive(charge).then_some(id);
        }
        let id = self.source(SourceOrigin::Inline { element: element.clone() }, property, text)?;
        if self.inline_sources.made.len() < MAX_SHARED_INLINE_SOURCES {
            // What `source` charged: the value as kept, and 16.
            let charge = self.sources.get(id as usize).map_or(0, |source| source.value.len()) + 16;
            self.inline_sources.made.insert(key, (id, charge));
        }
        Some(id)
    }

    /// Sets a custom property on `style` (and its descendants).
    fn define_var(&mut self, style: &mut Style, name: u64, value: &str) {
        if !self.budget.derive(value.len() + 16) {
            return;
        }
        self.vars.push(VarNode { name, value: value.to_string(), next: style.vars });
        style.vars = Some((self.vars.len() - 1) as u32);
    }

    /// The value of a declaration holding `var()`, its custom properties
    /// looked up from `style` (`None`: invalid at computed-value time, ignored).
    fn resolve_vars(&mut self, style: &Style, declaration: &Declaration<'_>) -> Option<Value> {
        let (vars, budget) = (&*self.vars, &mut *self.budget);
        let mut lookup = |name: u64| {
            let mut at = style.vars;
            for _ in 0..MAX_VAR_LOOKUP {
                let node = vars.get(at? as usize)?;
                if !budget.step(1) {
                    return None;
                }
                if node.name == name {
                    return Some(node.value.clone());
                }
                at = node.next;
            }
            None
        };
        let text = substitute_vars(declaration.text, &mut lookup, 0)?;
        parse_property_value(declaration.property, &text)
    }

    /// A source of the element made once for all its views (`SourceMemo`).
    fn memo_source(&mut self, memo: &mut SourceMemo, origin: SourceOrigin, property: &'static str, value: &str) -> Option<SourceId> {
        if let Some(id) = memo.ids.get(memo.at) {
            memo.at += 1;
            return *id;
        }
        let id = self.source(origin, property, value);
        memo.ids.push(id);
        memo.at += 1;
        id
    }

    fn presentational(
        &mut self,
        attrs: &Attrs<'_>,
        name: &LocalName,
        parent: &Style,
        style: &mut Style,
        own: &mut OwnValues,
        memo: &mut SourceMemo,
    ) {
        if let Some(text) = attrs.bgcolor {
            if let Some(c) = parse_legacy_color(text) {
                let source = self.memo_source(memo, SourceOrigin::Attribute { element: name.clone(), name: "bgcolor" }, "", text);
                own.background_color = Some((ColorValue::Rgba(c), source));
            }
        }
        // HTML Standard, Rendering ("The page", "Tables"): a non-empty `background` on
        // these elements is a presentational hint for `background-image: url(…)`. The image covers the
        // `bgcolor` (the "bulletproof background" of mail templates), so the colour
        // behind the text is unknown.
        if takes_background(name) {
            if let Some(text) = attrs.background.filter(|v| !v.trim().is_empty()) {
                let source = self.memo_source(memo, SourceOrigin::Attribute { element: name.clone(), name: "background" }, "", text);
                own.background_image = Some((true, source));
            }
        }
        let color_attr = match *name {
            local_name!("font") => attrs.color.map(|v| (v, "color")),
            local_name!("body") => attrs.text.map(|v| (v, "text")),
            _ => None,
        };
        if *name == local_name!("body") {
            if let Some(c) = attrs.link.and_then(parse_legacy_color) {
                let source = self.memo_source(memo, SourceOrigin::Attribute { element: name.clone(), name: "link" }, "", attrs.link.unwrap_or_default());
                style.link = Some((c, source));
            }
        }
        if let Some((text, attr)) = color_attr {
            if let Some(c) = parse_legacy_color(text) {
                style.color = c;
                style.color_source = self.memo_source(memo, SourceOrigin::Attribute { element: name.clone(), name: attr }, "", text);
            }
        }
        if *name == local_name!("a") && attrs.href.is_some() {
            // User-agent style: links are blue (or `<body link>`'s colour) unless the author styles them.
            (style.color, style.color_source) = parent.link.unwrap_or((Rgba::LINK_BLUE, None));
        }
        if let Some(scale) = heading_scale(name) {
            style.font_px = parent.font_px * scale;
            style.font_source = self.memo_source(memo, SourceOrigin::Element { element: name.clone() }, "", "");
        }
        if *name == local_name!("font") {
            if let Some(text) = attrs.size {
                if let Some(px) = font_element_px(text) {
                    style.font_px = px;
                    style.font_source = self.memo_source(memo, SourceOrigin::Attribute { element: name.clone(), name: "size" }, "", text);
                }
            }
        }
        // HTML Standard, Rendering §15.3.5: `dir` sets `direction`, and `bdo`
        // is `unicode-bidi: isolate-override`.
        match attrs.dir.map(str::trim) {
            Some(dir) if dir.eq_ignore_ascii_case("rtl") => style.rtl = true,
            Some(dir) if dir.eq_ignore_ascii_case("ltr") => style.rtl = false,
            _ => {}
        }
        if *name == local_name!("bdo") {
            own.unicode_bidi = Some(Bidi::Override);
        } else if attrs.dir.is_some() {
            own.unicode_bidi = Some(Bidi::Embed);
        }
        // SVG 2 §7.5 and the HTML rendering section: `svg:not(:root) { overflow: hidden }`.
        if *name == local_name!("svg") {
            own.overflow_clips = Some((true, None));
        }
        // SVG text's `font-size` presentation attribute (SVG 2 §6.6), under any CSS.
        if matches!(*name, local_name!("text") | local_name!("tspan")) {
            if let Some(text) = attrs.font_size {
                if let Some(px) = without_px(text.trim()).parse::<f32>().ok().filter(|p| p.is_finite() && *p >= 0.0) {
                    style.font_px = px;
                    style.font_source =
                        self.memo_source(memo, SourceOrigin::Attribute { element: name.clone(), name: "font-size" }, "", text);
                }
            }
        }
        if attrs.hidden.is_some() {
            let source = self.memo_source(memo, SourceOrigin::Attribute { element: name.clone(), name: "hidden" }, "", "");
            own.display_none = Some((true, source));
        }
        for (attr, slot) in [(attrs.width, &mut own.width), (attrs.height, &mut own.height)] {
            if let Some(px) = attr.and_then(|v| without_px(v.trim()).parse::<f32>().ok()) {
                if px.is_finite() {
                    *slot = Some((Length::Px(px), None));
                }
            }
        }
    }

    /// Resolves the element's own values into its style and decides whether it is hidden.
    fn finish(&mut self, name: &LocalName, parent: &Style, style: &mut Style, own: &OwnValues, root_index: u32) {
        match own.unicode_bidi {
            Some(Bidi::Override) => style.reversed = style.rtl,
            Some(Bidi::Embed) => style.reversed = false,
            // A block starts a paragraph of its own (UAX #9, P1): an override
            // reaches the inline content of its element only.
            Some(Bidi::Normal) | None if super::walk::is_block(name) => style.reversed = false,
            Some(Bidi::Normal) | None => {}
        }
        // Background: an image or gradient makes it unknown; a colour is drawn over the parent's.
        let mut color = None;
        let mut image = None;
        if let Some(((c, i), source)) = own.background {
            color = Some((c.unwrap_or(ColorValue::Rgba(Rgba::TRANSPARENT)), source));
            image = Some((i, source));
        }
        if let Some((c, source)) = own.background_color {
            color = Some((c, source));
        }
        if let Some((i, source)) = own.background_image {
            image = Some((i, source));
        }
        if let Some((true, source)) = image {
            style.backdrop = None;
            style.background_source = source;
        } else if let Some((c, source)) = color {
            let c = c.resolve(style.color);
            if c.a > 0.0 {
                style.backdrop = match parent.backdrop {
                    Some(below) => Some(c.over(below)),
                    None if c.a >= 1.0 => Some(Rgba { a: 1.0, ..c }),
                    None => None,
                };
                style.background_source = source;
            }
        }
        let fraction = |v: f32| if v.is_finite() { v.clamp(0.0, 1.0) } else { 1.0 };
        if own.opacity.is_some() || own.filter_opacity.is_some() {
            let (opacity, opacity_source) = own.opacity.map_or((1.0, None), |(o, s)| (fraction(o), s));
            let (filter, filter_source) = own.filter_opacity.map_or((1.0, None), |(f, s)| (fraction(f), s));
            style.opacity = parent.opacity * opacity * filter;
            if filter < opacity {
                style.opacity_source = filter_source;
            } else if own.opacity.is_some() {
                style.opacity_source = opacity_source;
            }
        }
        // CSS Transforms 2 §5: translate, then scale, then `transform` (rotate
        // does not shrink). Zoom multiplies as the transforms do. An element
        // with none of them keeps its parent's scale (every factor is 1: #14,
        // the three singular values of identity maps were 1 % of a 10 MB
        // newsletter's lint in Node).
        let identity = (Affine::IDENTITY, None);
        let (translate, scale, transform) =
            (own.translate.unwrap_or(identity), own.scale.unwrap_or(identity), own.transform.unwrap_or(identity));
        let map = translate.0.then(scale.0).then(transform.0);
        if own.translate.is_some() || own.scale.is_some() || own.transform.is_some() || own.zoom.is_some() {
            let zoom = own.zoom.map_or((1.0, None), |(z, s)| (if z.is_finite() && z > 0.0 { z } else { 1.0 }, s));
            // The declaration that shrinks most, or else enlarges most, is the source.
            let factors = [(scale.0.smallest_scale(), scale.1), (transform.0.smallest_scale(), transform.1), zoom];
            let shrink = factors.into_iter().filter(|(factor, _)| *factor < 1.0).min_by(|a, b| a.0.total_cmp(&b.0));
            let grow = factors.into_iter().filter(|(factor, _)| *factor > 1.0).max_by(|a, b| a.0.total_cmp(&b.0));
            let factor = map.smallest_scale() * zoom.0;
            if let (Some((_, source)), true) = (shrink.or(grow), factor.is_finite()) {
                style.scale = (parent.scale * factor).clamp(0.0, MAX_SCALE);
                style.scale_source = source;
            }
        }
        let px = |l: Own<Length>| l.and_then(|(l, s)| l.px(style.font_px, false).map(|px| (px, s)));
        style.width_px = px(own.width).map(|p| p.0);
        style.height_px = px(own.height).map(|p| p.0);

        if style.hidden.is_some_and(|h| h.means != HiddenMeans::VisibilityHidden) {
            return; // hidden by an ancestor: nothing here can show it again
        }
        if let Some((false, _)) = own.visibility_hidden {
            style.hidden = None;
        }
        // The shape of text visually hidden for screen readers: out of the flow, in
        // a 1×1 px box that cuts its overflow (`honest::is_screen_reader_box`).
        let screen_reader = super::honest::is_screen_reader_box(
            own.out_of_flow.is_some_and(|o| o.0),
            own.overflow_clips.is_some_and(|o| o.0),
            px(own.width).map(|p| p.0),
            px(own.height).map(|p| p.0),
        );
        let hide = |means: HiddenMeans, source: Option<SourceId>| {
            let screen_reader =
                screen_reader && matches!(means, HiddenMeans::Clipped | HiddenMeans::ZeroSizeBox | HiddenMeans::OffScreen);
            Some(Hiding { means, source, root: root_index, screen_reader })
        };
        let far = |l: Own<Length>| px(l).filter(|(p, _)| *p <= -OFFSCREEN_PX);
        // Moved by a transform: the composed map's offset, from the declaration that moves most.
        let moved = (map.e <= -OFFSCREEN_PX || map.f <= -OFFSCREEN_PX).then(|| {
            let far_of = |t: (Affine, Option<SourceId>)| t.1.filter(|_| t.0.e.min(t.0.f) <= -OFFSCREEN_PX);
            (map.e.min(map.f), far_of(transform).or(far_of(translate)).or(transform.1).or(translate.1))
        });
        let tiny_box = [own.height, own.width, own.max_height, own.max_width]
            .into_iter()
            .find_map(|l| px(l).filter(|(p, _)| *p <= ZERO_BOX_PX));
        let new = if let Some((true, source)) = own.display_none {
            hide(HiddenMeans::DisplayNone, source)
        } else if let Some((true, source)) = own.clipped {
            hide(HiddenMeans::Clipped, source)
        } else if let (Some((true, _)), Some((_, source))) = (own.overflow_clips, tiny_box) {
            hide(HiddenMeans::ZeroSizeBox, source)
        } else if let Some((_, source)) = (if own.out_of_flow.is_some_and(|o| o.0) {
            far(own.left).or(far(own.top)).or(far(own.right)).or(far(own.bottom))
        } else {
            None
        })
        .or(far(own.margin_left))
        .or(far(own.margin_top))
        .or(far(own.text_indent))
        .or(moved)
        {
            hide(HiddenMeans::OffScreen, source)
        } else if style.opacity <= INVISIBLE_OPACITY {
            hide(HiddenMeans::ZeroOpacity, style.opacity_source)
        } else if let Some((true, source)) = own.visibility_hidden {
            hide(HiddenMeans::VisibilityHidden, source)
        } else if style.hidden.is_some() {
            style.hidden // visibility:hidden inherited
        } else if style.font_px > TINY_FONT_PX && style.font_px * style.scale <= TINY_FONT_PX {
            // Drawn as small as a tiny font, by the same limit.
            hide(HiddenMeans::Shrunk, style.scale_source)
        } else if style.font_px <= TINY_FONT_PX {
            hide(HiddenMeans::TinyFont, style.font_source)
        } else {
            None
        };
        style.hidden = new;
        let _ = name;
    }
}

/// Applies one declaration.
fn apply(declaration: &Declaration<'_>, source: Option<SourceId>, parent: &Style, style: &mut Style, own: &mut OwnValues) {
    match (declaration.property, declaration.value) {
        (_, Value::Color(c)) => {
            // `color: currentcolor` is the parent's colour (CSS Color 4 §6.4).
            style.color = c.resolve(parent.color);
            style.color_source = source;
        }
        (_, Value::Background { color, image }) => {
            own.background = Some(((color, image), source));
            own.background_color = None;
            own.background_image = None;
        }
        (_, Value::BackgroundColor(c)) => own.background_color = Some((c, source)),
        (_, Value::BackgroundImage { image }) => own.background_image = Some((image, source)),
        (_, Value::FontSize(length)) => {
            if let Some(px) = length.px(parent.font_px, true).filter(|px| *px >= 0.0) {
                style.font_px = px;
                style.font_source = source;
            }
        }
        (_, Value::DisplayNone(none)) => {
            own.display_none = Some((none, source));
            own.display_important = declaration.important;
        }
        (_, Value::VisibilityHidden(hidden)) => own.visibility_hidden = Some((hidden, source)),
        (_, Value::Opacity(o)) => own.opacity = Some((o, source)),
        (_, Value::Clipped(c)) => own.clipped = Some((c, source)),
        (_, Value::OutOfFlow(o)) => own.out_of_flow = Some((o, source)),
        (_, Value::OverflowClips(c)) => own.overflow_clips = Some((c, source)),
        (Property::Scale, Value::Transform(map)) => own.scale = Some((map, source)),
        (Property::Translate, Value::Transform(map)) => own.translate = Some((map, source)),
        (_, Value::Transform(map)) => own.transform = Some((map, source)),
        (_, Value::Zoom(z)) => own.zoom = Some((z, source)),
        (_, Value::FilterOpacity(o)) => own.filter_opacity = Some((o, source)),
        // `currentcolor` (the initial value) fills glyphs with `color`.
        (_, Value::RightToLeft(rtl)) => style.rtl = rtl,
        (_, Value::UnicodeBidi(bidi)) => own.unicode_bidi = Some(bidi),
        (_, Value::TextFill(ColorValue::Current)) => style.fill = None,
        (_, Value::TextFill(ColorValue::Rgba(c))) => style.fill = Some((c, source)),
        // Read by `Cascade::compute` before (custom properties) or through `resolve_vars`.
        (_, Value::Custom { .. } | Value::Var) => {}
        (property, Value::Length(length)) => {
            let slot = match property {
                Property::Left => &mut own.left,
                Property::Top => &mut own.top,
                Property::Right => &mut own.right,
                Property::Bottom => &mut own.bottom,
                Property::MarginLeft => &mut own.margin_left,
                Property::MarginTop => &mut own.margin_top,
                Property::TextIndent => &mut own.text_indent,
                Property::Width => &mut own.width,
                Property::Height => &mut own.height,
                Property::MaxWidth => &mut own.max_width,
                Property::MaxHeight => &mut own.max_height,
                _ => return,
            };
            *slot = Some((length, source));
        }
    }
}

/// Whether a child computes the same style under either parent: a parent's
/// drawn width and height are not inherited (`compute` starts from the
/// parent's style without them) and nothing else reads them.
///
/// Compared field by field, as the derived `==` compares them, without the
/// two copies of the styles it had made to blank those two (#14, callgrind:
/// the line was 10.7 M instructions of the 10 MB newsletter's lint). Every
/// field is named, so a new one must be added here.
fn same_for_children(a: &Style, b: &Style) -> bool {
    let Style {
        color,
        color_source,
        fill,
        backdrop,
        background_source,
        font_px,
        font_source,
        opacity,
        opacity_source,
        scale,
        scale_source,
        hidden,
        preformatted,
        never_shown,
        width_px: _,
        height_px: _,
        rtl,
        reversed,
        vars,
        link,
    } = a;
    *color == b.color
        && *color_source == b.color_source
        && *fill == b.fill
        && *backdrop == b.backdrop
        && *background_source == b.background_source
        && *font_px == b.font_px
        && *font_source == b.font_source
        && *opacity == b.opacity
        && *opacity_source == b.opacity_source
        && *scale == b.scale
        && *scale_source == b.scale_source
        && *hidden == b.hidden
        && *preformatted == b.preformatted
        && *never_shown == b.never_shown
        && *rtl == b.rtl
        && *reversed == b.reversed
        && *vars == b.vars
        && *link == b.link
}

/// `text` without its trailing `px`s, as `trim_end_matches("px")`, which set
/// up a substring searcher at each call: for every `width` and `height`
/// attribute of every view (1 % of a newsletter's lint in Node, #14).
fn without_px(mut text: &str) -> &str {
    while let Some(rest) = text.strip_suffix("px") {
        text = rest;
    }
    text
}

/// Default sizes of headings and size-changing phrase elements, relative to the parent (em),
/// as in the HTML rendering section's user-agent style sheet (HTML §15.3.7).
/// A `match` on the name's atom, as the element names below (`super::attr`):
/// its string matched against each name was a table lookup and string
/// comparisons an element, for every view (#14; too little to measure
/// apart from `InlineSources`, which was measured with it).
fn heading_scale(name: &LocalName) -> Option<f32> {
    Some(match *name {
        local_name!("h1") => 2.0,
        local_name!("h2") => 1.5,
        local_name!("h3") => 1.17,
        local_name!("h5") => 0.83,
        local_name!("h6") => 0.67,
        local_name!("small") => 1.0 / 1.2,
        local_name!("big") => 1.2,
        _ => return None,
    })
}

/// Elements whose non-empty `background` attribute is a background image
/// (HTML Standard, Rendering: "The page", "Tables"), matched as atoms (`heading_scale`).
fn takes_background(name: &LocalName) -> bool {
    matches!(
        *name,
        local_name!("body")
            | local_name!("table")
            | local_name!("thead")
            | local_name!("tbody")
            | local_name!("tfoot")
            | local_name!("tr")
            | local_name!("td")
            | local_name!("th")
    )
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

#[cfg(test)]
mod tests {
    /// The element names matched as atoms (`heading_scale`, `takes_background`,
    /// SVG's text elements) against the strings they were matched as, for
    /// every name they list and others, some interned only at run time.
    #[test]
    fn element_names_are_matched_as_atoms_as_their_strings_are() {
        let by_string = |name: &str| match name {
            "h1" => Some(2.0),
            "h2" => Some(1.5),
            "h3" => Some(1.17),
            "h5" => Some(0.83),
            "h6" => Some(0.67),
            "small" => Some(1.0 / 1.2),
            "big" => Some(1.2),
            _ => None,
        };
        let names = [
            "h1", "h2", "h3", "h4", "h5", "h6", "h7", "small", "big", "body", "table", "thead", "tbody", "tfoot", "tr", "td",
            "th", "text", "tspan", "textarea", "div", "span", "font", "x-h1", "bigger", "TD", "Text", "",
        ];
        for name in names {
            let atom = html5ever::LocalName::from(name);
            assert_eq!(super::heading_scale(&atom), by_string(name), "{name}");
            assert_eq!(
                super::takes_background(&atom),
                matches!(name, "body" | "table" | "thead" | "tbody" | "tfoot" | "tr" | "td" | "th"),
                "{name}"
            );
            assert_eq!(
                matches!(atom, html5ever::local_name!("text") | html5ever::local_name!("tspan")),
                matches!(name, "text" | "tspan"),
                "{name}"
            );
        }
    }

    /// Elements of one name repeating a `style` text share the sources of its
    /// declarations (`InlineSources`), each charged to the budget as a source
    /// made anew, and described as its own; another name makes its own.
    #[test]
    fn elements_repeating_a_style_share_its_sources_at_the_same_charge() {
        let doc = |n: usize| {
            let span = r#"<span style="color:#333333; font-size:14px">a</span>"#;
            format!(r#"<div>{}</div><p style="color:#333333; font-size:14px">b</p>"#, span.repeat(n))
        };
        let analysed = |n: usize| {
            let mut work = super::super::Work::standard();
            let facts = super::super::analyse_within(&doc(n), &mut work);
            (facts, work.derived_bytes)
        };
        let ((one, left1), (two, left2), (three, left3)) = (analysed(1), analysed(2), analysed(3));
        // Each span is charged the same, its sources included (the value and 16 each).
        assert_eq!(left1 - left2, left2 - left3);
        assert!(left1 - left2 >= "#333333".len() + 16 + "14px".len() + 16, "{}", left1 - left2);
        assert_eq!(three.sources.len(), one.sources.len());
        assert_eq!(two.sources.len(), one.sources.len());
        assert_eq!(three.runs.len(), 4);
        for run in &three.runs {
            let element = if run.text == "a" { "span" } else { "p" };
            assert_eq!(three.describe(run.color_source), format!(r#"<{element} style="color: #333333">"#));
            assert_eq!(three.describe(run.font_source), format!(r#"<{element} style="font-size: 14px">"#));
        }
        let spans: Vec<_> = three.runs.iter().filter(|run| run.text == "a").map(|run| run.color_source).collect();
        assert!(spans.windows(2).all(|w| w[0] == w[1]) && spans[0].is_some(), "{spans:?}");
    }

    /// The facts of `html` and the work left, with the memo of styles or without it.
    fn analysed(html: &str, work: &super::super::Work, memo: bool) -> String {
        super::MEMO_OFF.with(|off| off.set(!memo));
        let mut work = super::super::Work::new(work.steps, work.derived_bytes, work.tree_steps);
        let facts = super::super::analyse_within(html, &mut work);
        super::MEMO_OFF.with(|off| off.set(false));
        // Debug text: floats compared as written (a -0 is not a 0, a NaN is a NaN).
        format!("{facts:?}\n{} {} {}", work.steps, work.derived_bytes, work.tree_steps)
    }

    fn hits() -> usize {
        super::MEMO_HITS.with(std::cell::Cell::get)
    }

    /// Documents of repeated blocks whose elements draw their attributes,
    /// `style` texts and classes from small sets, under a sheet of several
    /// views (media queries, interaction states), descendant, child, sibling
    /// and structural selectors, custom properties: the styles the memo gives
    /// are those computed anew (every fact, every source, the work left), and
    /// so under budgets that run out part way.
    #[test]
    fn memoised_styles_are_the_styles_computed_anew() {
        const SHEET: &str = "<style>.a td{color:#123456} .b > p{font-size:0} td + td{opacity:0.5} p:first-child{color:red} \
            span:nth-child(2){display:none} .c{--x:#fff} .c span{color:var(--x)} a:hover{color:#00ff00} h3{font-size:20px} \
            @media (max-width:600px){.a td{display:block;width:100% !important} .b{visibility:hidden}} \
            @media (prefers-color-scheme:dark){td{background:#000;color:#eee}}</style>";
        const STYLES: &[&str] = &[
            "", " style=\"color:#333333;font-size:14px\"", " style=\"padding:12px\"", " style=\"display:none\"", " style=\"font-size:0\"",
            " style=\"opacity:0.01\"", " style=\"color:#ffffff;background:#ffffff\"", " style=\"--y:1px;width:var(--y)\"",
            " style=\"transform:scale(0.001)\"", " style=\"position:absolute;left:-9999px\"", " style=\"visibility:visible\"",
            " style=\"margin:0 0 6px;font-size:16px;color:#111111\"", " style=\"direction:rtl;unicode-bidi:bidi-override\"",
            " style=\"opacity:-0\"", " style=\"width:1px;height:1px;overflow:hidden\"", " style=\"color:currentcolor\"",
        ];
        const ATTRS: &[&str] = &[
            "", "", " class=\"a\"", " class=\"b\"", " class=\"c\"", " bgcolor=\"#ffffff\"", " bgcolor=\"nonsense\"", " width=\"120\"",
            " height=\"0\"", " dir=\"rtl\"", " hidden", " href=\"https://x.example/\"", " color=\"red\"", " size=\"1\"",
            " background=\"a.png\"", " id=\"x\"",
        ];
        const NAMES: &[&str] = &["td", "table", "tr", "p", "span", "a", "h3", "font", "div", "b", "img", "bdo", "pre"];
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed >> 16) as usize % n
        };
        let before = hits();
        for document in 0..300 {
            // Every other document from its 20th element on (`STYLE_MEMO_AFTER_ELEMENTS`).
            super::STYLE_MEMO_AFTER.with(|after| after.set(if document % 2 == 1 { 20 } else { 0 }));
            // A block of nested elements, repeated with a few of its pieces drawn anew.
            let mut block = Vec::new();
            for _ in 0..6 + next(8) {
                let name = NAMES[next(NAMES.len())];
                block.push((name, ATTRS[next(ATTRS.len())], STYLES[next(STYLES.len())], next(3)));
            }
            let mut html = format!("<html><head>{}</head><body text=\"#222\" link=\"#00f\">", if document % 4 == 3 { "" } else { SHEET });
            for _ in 0..4 + next(12) {
                let mut open = Vec::new();
                for &(name, attrs, style, closes) in &block {
                    let (attrs, style) = if next(5) == 0 { (ATTRS[next(ATTRS.len())], style) } else { (attrs, style) };
                    html.push_str(&format!("<{name}{attrs}{style}>words {name} "));
                    open.push(name);
                    for _ in 0..closes.min(open.len()) {
                        html.push_str(&format!("text</{}>", open.pop().unwrap_or("b")));
                    }
                }
                while let Some(name) = open.pop() {
                    html.push_str(&format!("</{name}>"));
                }
            }
            html.push_str("</body></html>");
            let standard = super::super::Work::standard();
            assert_eq!(analysed(&html, &standard, true), analysed(&html, &standard, false), "{html}");
            for steps in [200, 1_000 + next(4_000) as u64] {
                let short = super::super::Work::new(steps, 600 + next(4_000), standard.tree_steps);
                assert_eq!(analysed(&html, &short, true), analysed(&html, &short, false), "{steps}: {html}");
            }
        }
        super::STYLE_MEMO_AFTER.with(|after| after.set(0));
        assert!(hits() - before > 4_000, "{}", hits() - before);
    }

    /// Elements repeating more declarations than `STYLE_MEMO_MAX_DECLARATIONS`
    /// are computed each time (no entry kept, no styles given by the memo), and
    /// the same as with fewer.
    #[test]
    fn styles_of_many_declarations_are_not_kept() {
        let doc = |n: usize| {
            let style: Vec<String> = (0..n).map(|i| format!("color:#{:06x}", i + 1)).collect();
            format!("<div>{}</div>", format!("<p style=\"{}\">x</p>", style.join(";")).repeat(50))
        };
        let standard = super::super::Work::standard();
        for (n, kept) in [(super::STYLE_MEMO_MAX_DECLARATIONS, true), (super::STYLE_MEMO_MAX_DECLARATIONS + 1, false)] {
            let before = hits();
            assert_eq!(analysed(&doc(n), &standard, true), analysed(&doc(n), &standard, false), "{n}");
            assert_eq!(hits() - before > 0, kept, "{n}");
        }
    }

    /// Mail as it is written, each message whole read as HTML: the same facts
    /// and work with the memo of styles as without it.
    #[test]
    fn memoised_styles_are_the_styles_computed_anew_on_the_corpus() {
        let standard = super::super::Work::standard();
        crate::text::each_corpus_text("memoised_styles_are_the_styles_computed_anew_on_the_corpus", |path, html| {
            assert!(analysed(html, &standard, true) == analysed(html, &standard, false), "{}", path.display());
        });
    }

    #[test]
    fn without_px_is_trim_end_matches() {
        for text in ["", "px", "pxpx", "10px", "10pxpx", "10 px", "10PX", "p", "x", "10pxp", "ppx", "xpx", "1.5px", "pxx"] {
            assert_eq!(super::without_px(text), text.trim_end_matches("px"), "{text:?}");
        }
    }

    /// `same_for_children` field by field against what it replaced: the two
    /// styles compared whole, width and height blanked in copies, on styles
    /// differing in one field, in several drawn at random, and in NaN sizes.
    #[test]
    fn styles_are_the_same_for_children_as_when_compared_whole() {
        use super::{HiddenMeans, Hiding, Rgba, Style};
        let whole = |a: &Style, b: &Style| {
            let own = |s: &Style| Style { width_px: None, height_px: None, ..*s };
            own(a) == own(b)
        };
        let hiding = Hiding { means: HiddenMeans::TinyFont, source: Some(3), root: 1, screen_reader: false };
        let changes: [fn(&mut Style); 22] = [
            |s| s.color = Rgba { r: 1, g: 2, b: 3, a: 1.0 },
            |s| s.color_source = Some(7),
            |s| s.fill = Some((Rgba::WHITE, None)),
            |s| s.backdrop = None,
            |s| s.background_source = Some(2),
            |s| s.font_px = 1.0,
            |s| s.font_px = f32::NAN,
            |s| s.font_source = Some(9),
            |s| s.opacity = 0.5,
            |s| s.opacity_source = Some(4),
            |s| s.scale = 0.01,
            |s| s.scale_source = Some(5),
            |s| s.hidden = Some(Hiding { means: HiddenMeans::DisplayNone, source: None, root: 0, screen_reader: true }),
            |s| s.preformatted = true,
            |s| s.never_shown = true,
            |s| s.width_px = Some(1.0),
            |s| s.height_px = Some(f32::NAN),
            |s| s.rtl = true,
            |s| s.reversed = true,
            |s| s.vars = Some(0),
            |s| s.link = Some((Rgba::BLACK, Some(1))),
            |s| s.width_px = None,
        ];
        let mut styles = vec![Style::root(), Style { hidden: Some(hiding), ..Style::root() }];
        for change in &changes {
            let mut style = Style::root();
            change(&mut style);
            styles.push(style);
        }
        // Several fields changed at once, drawn by a fixed xorshift sequence.
        let mut seed = 0x2545_f491_u64;
        for _ in 0..200 {
            let mut style = Style::root();
            for _ in 0..3 {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                changes[(seed % changes.len() as u64) as usize](&mut style);
            }
            styles.push(style);
        }
        for a in &styles {
            for b in &styles {
                assert_eq!(super::same_for_children(a, b), whole(a, b), "{a:?} {b:?}");
            }
        }
    }
}
