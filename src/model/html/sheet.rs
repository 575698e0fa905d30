//! The document's style sheets (`<style>` elements) read with cssparser, and
//! their selectors matched by the `selectors` crate through scraper's
//! `ElementRef` (combinators `>`, ` `, `+`, `~`; `:not()`, `:is()`, `:first-child`,
//! `:nth-child()`, `:last-child`, attribute selectors…).
//!
//! Each selector applies in a set of views (`media`): an `@media` block's rules
//! in the views its query matches (print-only and dark-mode rules in none), a
//! rule that needs the reader's action (`input:checked + * .answer`,
//! `.card:hover .details`, `#faq:target`) in the interactive views only, that
//! state taken as reached. Such a state on the element itself (`.x:hover`), and
//! other dynamic pseudo-classes (`:visited`) and pseudo-elements, never match:
//! what draws nothing cannot be pointed at or clicked. Other at-rules
//! (`@font-face`, `@import`, `@supports`) are skipped.

use super::budget::Budget;
use super::media::{media_views, ViewId, Views, ALL_VIEWS, INTERACTIVE_VIEWS, VIEW_COUNT};
use super::values::{parse_declarations, Declaration, Value};
use cssparser::{
    AtRuleParser, CowRcStr, ParseError, Parser, ParserInput, ParserState, QualifiedRuleParser, StyleSheetParser, Token,
};
use scraper::selector::{Parser as SelectorParser, Simple};
use scraper::ElementRef;
use selectors::matching::{
    matches_selector, MatchingContext, MatchingForInvalidation, MatchingMode, NeedsSelectorFlags, QuirksMode,
    SelectorCaches,
};
use selectors::parser::{Component, ParseRelative, Selector, SelectorList};
use super::names::Names;
use crate::hash::KeyedMap;
use html5ever::LocalName;

/// Longest CSS text read from all `<style>` elements together, in bytes,
/// comments not counted (they cost nothing to skip: a 300 KB comment had used
/// the whole room before the rules after it). *(default, ours)*
pub const MAX_STYLE_BYTES: usize = 256 * 1024;
/// Most style rules (selector × block) read; further ones are ignored. *(default, ours)*
pub const MAX_STYLE_RULES: usize = 4_000;
/// Most simple selectors in one selector, nested ones included; a longer one is
/// ignored (counted in `ignored_selectors`). Real style sheets stay under 20. *(default, ours)*
pub const MAX_SELECTOR_COMPONENTS: usize = 64;
/// Deepest nesting of `:not(:is(…))` or of `@media` blocks read. *(default, ours)*
pub const MAX_CSS_NESTING: usize = 8;
/// Interaction states a reader reaches by clicking, pointing or following a
/// link: a rule that needs one applies in the interactive views.
const INTERACTION_STATES: &[&str] = &[
    "checked", "hover", "focus", "focus-within", "focus-visible", "active", "target",
];

/// A selector of the sheet, indexed by its rightmost compound.
struct IndexedSelector {
    selector: Selector<Simple>,
    rule: usize,
    specificity: u32,
    /// The views it applies in.
    views: Views,
    /// Its simple selectors (nested ones included) and whether it walks siblings
    /// (`+`, `~`, `:nth-*`, `:last-child`…).
    counter: ComponentCounter,
}

/// Longest selector quoted in evidence, in bytes. *(default, ours)*
pub const MAX_QUOTED_SELECTOR: usize = 120;
/// Longest declaration value quoted in evidence, in bytes. *(default, ours)*
pub const MAX_QUOTED_VALUE: usize = 60;

/// One rule: its selector text and declaration values (shortened, for
/// evidence) and its declarations (their `text` is empty: see `texts`).
pub struct SheetRule {
    pub selector_text: String,
    pub declarations: Vec<Declaration<'static>>,
    pub texts: Vec<String>,
    /// The whole value of each custom property and each value holding `var()`
    /// (read by the cascade: `values::substitute_vars`); empty for the others.
    pub var_texts: Vec<String>,
}

/// A declaration matched on an element, with its cascade order.
#[derive(Debug, Clone, Copy)]
pub struct Matched {
    pub important: bool,
    pub specificity: u32,
    /// Rule order, then declaration order inside the rule.
    pub order: (usize, usize),
    pub rule: usize,
    pub declaration: usize,
    /// The views the matching selector applies in.
    pub views: Views,
}

/// The parsed style sheets of a document.
#[derive(Default)]
pub struct StyleSheet {
    pub rules: Vec<SheetRule>,
    selectors: Vec<IndexedSelector>,
    by_id: KeyedMap<String, Vec<usize>>,
    by_class: KeyedMap<String, Vec<usize>>,
    by_name: KeyedMap<String, Vec<usize>>,
    /// The bits (`name_bit`) of the names `by_name` holds: an element whose
    /// name's bit is not set is not looked up there.
    name_bits: u64,
    /// `by_class` and `by_name` again when they hold at most `FEW_KEYS` keys
    /// (made by `parse`; `None`: look in the tables), read by comparing keys (`few`).
    few_classes: Option<Vec<(String, Vec<usize>)>>,
    few_names: Option<Vec<(LocalName, Vec<usize>)>>,
    universal: Vec<usize>,
    /// Selectors not applied as too complex (too many parts, nested too deep, `:has()`).
    pub ignored_selectors: usize,
    /// The views the cascade computes, default first: one of each set of views
    /// in which the same selectors apply.
    pub views: Vec<ViewId>,
    /// Selectors of the rules past `MAX_STYLE_RULES`, not applied.
    pub selectors_past_rule_limit: usize,
    caches: SelectorCaches,
    /// `matching`'s list of candidate selectors, kept from one element to the next.
    candidates: Vec<usize>,
    /// The list `matching` fills, lent to the cascade for an element and given back (`Cascade::compute`).
    pub matched: Vec<Matched>,
}

impl StyleSheet {
    /// Reads the CSS of every `<style>` element (`pieces`, in document order;
    /// each is parsed alone, as a browser does).
    pub fn parse(pieces: &[String], budget: &mut Budget, names: &mut Names) -> StyleSheet {
        let mut sheet = StyleSheet::default();
        for css in pieces {
            let mut input = ParserInput::new(css);
            let mut parser = Parser::new(&mut input);
            let mut rules = RuleParser { sheet: &mut sheet, budget, names: &mut *names, nesting: 0, views: ALL_VIEWS };
            let mut stream = StyleSheetParser::new(&mut parser, &mut rules);
            while stream.next().is_some() {}
        }
        sheet.views = sheet.distinct_views();
        sheet.few_classes = few(&sheet.by_class, |class| class.clone());
        sheet.few_names = few(&sheet.by_name, |name| LocalName::from(name.as_str()));
        sheet
    }

    /// The views to compute: view 0, then each view in which the selectors that
    /// apply differ from those of every view before it.
    fn distinct_views(&self) -> Vec<ViewId> {
        let mut kept: Vec<ViewId> = vec![0];
        for view in 1..VIEW_COUNT as ViewId {
            let same_as = |other: ViewId| self.selectors.iter().all(|s| (s.views >> view) & 1 == (s.views >> other) & 1);
            if !kept.iter().any(|&other| same_as(other)) {
                kept.push(view);
            }
        }
        kept
    }

    fn add(&mut self, selectors: Vec<Admitted>, selector_text: &str, declarations: Vec<Declaration<'_>>, views: Views) {
        if declarations.is_empty() || views == 0 {
            return;
        }
        if self.rules.len() >= MAX_STYLE_RULES {
            self.selectors_past_rule_limit += selectors.len().max(1);
            return;
        }
        let rule = self.rules.len();
        let texts = declarations.iter().map(|d| shorten(d.text, MAX_QUOTED_VALUE)).collect();
        let var_texts = declarations
            .iter()
            .map(|d| if matches!(d.value, Value::Custom { .. } | Value::Var) { d.text.to_string() } else { String::new() })
            .collect();
        let declarations = declarations.into_iter().map(|d| Declaration { text: "", ..d }).collect();
        self.rules.push(SheetRule { selector_text: shorten(selector_text, MAX_QUOTED_SELECTOR), declarations, texts, var_texts });
        for Admitted { selector, views: only_in, specificity_bonus } in selectors {
            let views = views & only_in;
            if views == 0 {
                continue;
            }
            let Some(counter) = self.admit(&selector) else { continue };
            let index = self.selectors.len();
            let mut key = Key::Universal;
            for component in selector.iter() {
                key = match component {
                    Component::ID(id) => Key::Id(id.0.to_string()),
                    Component::Class(class) if !matches!(key, Key::Id(_)) => Key::Class(class.0.to_string()),
                    Component::LocalName(name) if matches!(key, Key::Universal) => Key::Name(name.lower_name.0.to_string()),
                    _ => continue,
                };
            }
            match key {
                Key::Id(id) => self.by_id.entry(id).or_default().push(index),
                Key::Class(class) => self.by_class.entry(class).or_default().push(index),
                Key::Name(name) => {
                    self.name_bits |= name_bit(&LocalName::from(name.as_str()));
                    self.by_name.entry(name).or_default().push(index)
                }
                Key::Universal => self.universal.push(index),
            }
            self.selectors.push(IndexedSelector {
                specificity: selector.specificity().saturating_add(specificity_bonus),
                views,
                selector,
                rule,
                counter,
            });
        }
    }

    /// The declarations of the rules matching `element`. Each selector tried is
    /// charged what its match may walk: its simple selectors times the ancestors
    /// (and siblings, when it looks at them) it may visit. Written in `out`
    /// (emptied first): the lists are kept from one element to the next (an
    /// allocation or two an element, #14).
    pub fn matching(&mut self, element: ElementRef<'_>, depth: usize, siblings: usize, budget: &mut Budget, out: &mut Vec<Matched>) {
        out.clear();
        let mut candidates = std::mem::take(&mut self.candidates);
        candidates.clear();
        let value = element.value();
        // The tables are looked up only when they may hold the key: each
        // lookup hashes it with SipHash (`KeyedMap`), and scraper finds an
        // element's id and classes on the first ask (#14, callgrind: the
        // lookups of the 10 MB newsletter, whose sheet names three elements
        // and no id, were 2.2 % of its lint natively; 22 M instructions fewer
        // of 2,561 M, 0.9 %).
        if !self.by_id.is_empty() {
            if let Some(id) = value.id() {
                candidates.extend(self.by_id.get(id).into_iter().flatten());
            }
        }
        // A sheet keying a few classes or names (`FEW_KEYS`) is searched by
        // comparing them, names as atoms (one number each), not by hashing the
        // element's with SipHash; an element without a `class` attribute (any
        // namespace, as scraper reads them) has no classes to intern (#14,
        // callgrind, 10 MB newsletter, whose sheet keys one class and three
        // names: 63,641 SipHash lookups and 109,091 class lists made for
        // 109,091 elements, lint 1,516.2 -> 1,488.1 M, -1.9 %, the cascade
        // 276.2 -> 248.5 M; 348 KB newsletter 68.6 -> 67.4 M).
        if !self.by_class.is_empty() {
            match &self.few_classes {
                Some(few) => {
                    if value.attrs.iter().any(|(q, _)| q.local == html5ever::local_name!("class")) {
                        for class in value.classes() {
                            candidates.extend(few.iter().filter(|(key, _)| key == class).flat_map(|(_, list)| list));
                        }
                    }
                }
                None => {
                    for class in value.classes() {
                        candidates.extend(self.by_class.get(class).into_iter().flatten());
                    }
                }
            }
        }
        if self.name_bits & name_bit(&value.name.local) != 0 {
            match &self.few_names {
                Some(few) => {
                    let name = &value.name.local;
                    candidates.extend(few.iter().filter(|(key, _)| key == name).flat_map(|(_, list)| list));
                }
                None => candidates.extend(self.by_name.get(value.name()).into_iter().flatten()),
            }
        }
        candidates.extend(&self.universal);
        candidates.sort_unstable();
        candidates.dedup();
        let mut context = static_context(&mut self.caches);
        for &index in &candidates {
            let Some(indexed) = self.selectors.get(index) else { continue };
            if !budget.step(indexed.counter.cost(depth, siblings)) {
                break;
            }
            if matches_selector(&indexed.selector, 0, None, &element, &mut context) {
                let Some(rule) = self.rules.get(indexed.rule) else { continue };
                for (declaration, d) in rule.declarations.iter().enumerate() {
                    out.push(Matched {
                        important: d.important,
                        specificity: indexed.specificity,
                        order: (indexed.rule, declaration),
                        rule: indexed.rule,
                        declaration,
                        views: indexed.views,
                    });
                }
            }
        }
        self.candidates = candidates;
    }

    /// What a selector is made of, or `None` (counted in `ignored_selectors`) when
    /// it has more than `MAX_SELECTOR_COMPONENTS` parts or a `:has()`, whose cost
    /// is not bounded.
    fn admit(&mut self, selector: &Selector<Simple>) -> Option<ComponentCounter> {
        let mut counter = ComponentCounter::default();
        selector.visit(&mut counter);
        if counter.components > MAX_SELECTOR_COMPONENTS as u64 || counter.has {
            self.ignored_selectors += 1;
            return None;
        }
        Some(counter)
    }

}

/// Most keys of a selector table (`by_class`, `by_name`) searched by comparing
/// each, not hashed (`StyleSheet::few_classes`). *(default, ours)*: 8 compares
/// of a short string or one number cost less than one SipHash-1-3 of the key
/// (about 290 instructions a lookup measured on the 10 MB newsletter), and a
/// sheet keying more is looked up in the table as before, so no sheet makes
/// the search longer than 8 compares.
pub const FEW_KEYS: usize = 8;

/// The entries of `table` with their keys made by `key`, when it holds at most `FEW_KEYS`.
fn few<K>(table: &KeyedMap<String, Vec<usize>>, key: impl Fn(&String) -> K) -> Option<Vec<(K, Vec<usize>)>> {
    (table.len() <= FEW_KEYS).then(|| table.iter().map(|(k, list)| (key(k), list.clone())).collect())
}

/// The bit of an element name in `StyleSheet::name_bits`: one of 64, from the
/// hash its atom keeps (a name is always interned the same way, so two names
/// of different bits differ). A sheet that sets every bit (64 names chosen
/// for it) is looked up for every element, as before the bits.
fn name_bit(name: &LocalName) -> u64 {
    1 << (name.get_hash() & 63)
}

/// Matching as a reader's client does: the static document, no quirks.
fn static_context(caches: &mut SelectorCaches) -> MatchingContext<'_, Simple> {
    MatchingContext::new(
        MatchingMode::Normal,
        None,
        caches,
        QuirksMode::NoQuirks,
        NeedsSelectorFlags::No,
        MatchingForInvalidation::No,
    )
}

enum Key {
    Id(String),
    Class(String),
    Name(String),
    Universal,
}

/// `text` cut to `max` bytes on a char boundary, with `…` when cut.
pub fn shorten(text: &str, max: usize) -> String {
    let text = text.trim();
    if text.len() <= max {
        return text.to_string();
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}…", &text[..end])
}

/// Whether `kept` is `shorten(text, max)`, without making it.
pub fn is_shortened(text: &str, max: usize, kept: &str) -> bool {
    let text = text.trim();
    if text.len() <= max {
        return text == kept;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    kept.strip_suffix('…') == Some(&text[..end])
}

/// Counts simple selectors (nested ones included) and notes `:has()` and sibling walks.
#[derive(Default)]
struct ComponentCounter {
    components: u64,
    has: bool,
    walks_siblings: bool,
}

impl ComponentCounter {
    /// What matching the selector may walk, charged to the budget: its simple
    /// selectors times the ancestors (and siblings, when it looks at them).
    fn cost(&self, depth: usize, siblings: usize) -> u64 {
        let reach = 1 + depth as u64 + if self.walks_siblings { siblings as u64 } else { 0 };
        self.components.saturating_mul(reach)
    }
}

impl selectors::visitor::SelectorVisitor for ComponentCounter {
    type Impl = Simple;

    fn visit_simple_selector(&mut self, component: &Component<Simple>) -> bool {
        self.components += 1;
        match component {
            // `:has()` matches by walking the subtree; its cost is not bounded here.
            Component::Has(_) => self.has = true,
            Component::Nth(_) | Component::NthOf(_) => self.walks_siblings = true,
            Component::Combinator(c) if c.is_sibling() => self.walks_siblings = true,
            _ => {}
        }
        true
    }

    fn visit_complex_selector(&mut self, combinator: Option<selectors::parser::Combinator>) -> bool {
        if combinator.is_some_and(|c| c.is_sibling()) {
            self.walks_siblings = true;
        }
        true
    }
}

struct RuleParser<'s, 'b> {
    sheet: &'s mut StyleSheet,
    budget: &'b mut Budget,
    /// The document's interned names (`names`): a selector naming one refused is ignored.
    names: &'b mut Names,
    nesting: usize,
    /// The views the enclosing `@media` blocks apply in.
    views: Views,
}

/// A selector of a rule's prelude, with the views it is limited to and what its
/// interaction states add to its specificity.
pub(super) struct Admitted {
    selector: Selector<Simple>,
    views: Views,
    specificity_bonus: u32,
}

/// The selectors of a rule's prelude, one by one: a selector with a dynamic
/// pseudo-class that no view reaches never matches, while a list with an
/// unknown one is dropped whole.
enum Prelude {
    Selectors(Vec<Admitted>, String),
    Invalid,
}

impl<'i> QualifiedRuleParser<'i> for RuleParser<'_, '_> {
    type Prelude = Prelude;
    type QualifiedRule = ();
    type Error = ();

    fn parse_prelude<'t>(&mut self, input: &mut Parser<'i, 't>) -> Result<Prelude, ParseError<'i, ()>> {
        let start = input.position();
        let names = &mut *self.names;
        let pieces = input.parse_comma_separated(|piece| {
            let from = piece.position();
            let mut depth_ok = true;
            while let Ok(token) = piece.next() {
                if matches!(token, Token::Function(_) | Token::ParenthesisBlock | Token::SquareBracketBlock) {
                    depth_ok &= nesting_within(piece, MAX_CSS_NESTING, names);
                } else {
                    // Before selectors interns them (a selector of a refused name is ignored).
                    depth_ok &= admit_identifier(token, names);
                }
            }
            Ok::<_, ParseError<'i, ()>>((piece.slice_from(from), depth_ok))
        })?;
        let text = input.slice_from(start).to_string();
        let mut selectors = Vec::new();
        for (piece, depth_ok) in pieces {
            if !self.budget.step(1 + piece.len() as u64 / 16) {
                return Ok(Prelude::Invalid);
            }
            if !depth_ok || piece.len() > MAX_SELECTOR_COMPONENTS * 32 {
                self.sheet.ignored_selectors += 1;
                continue;
            }
            match parse_selector_list(piece) {
                Some(list) => selectors.extend(list.into_iter().map(|selector| Admitted {
                    selector,
                    views: ALL_VIEWS,
                    specificity_bonus: 0,
                })),
                None if is_dynamic(piece) => {
                    let Some((reached, states)) = with_states_reached(piece) else { continue };
                    // Each pseudo-class counts as a class (Selectors 4 §17).
                    let specificity_bonus = states << 10;
                    let list = parse_selector_list(&reached).unwrap_or_default();
                    selectors.extend(list.into_iter().map(|selector| Admitted {
                        selector,
                        views: INTERACTIVE_VIEWS,
                        specificity_bonus,
                    }));
                }
                None => return Ok(Prelude::Invalid),
            }
        }
        Ok(Prelude::Selectors(selectors, text))
    }

    fn parse_block<'t>(
        &mut self,
        prelude: Prelude,
        _start: &ParserState,
        input: &mut Parser<'i, 't>,
    ) -> Result<(), ParseError<'i, ()>> {
        let declarations = parse_declarations(input, self.budget);
        if let Prelude::Selectors(selectors, text) = prelude {
            self.sheet.add(selectors, &text, declarations, self.views);
        }
        Ok(())
    }
}

fn parse_selector_list(text: &str) -> Option<Vec<Selector<Simple>>> {
    let mut input = ParserInput::new(text);
    SelectorList::parse(&SelectorParser, &mut Parser::new(&mut input), ParseRelative::No)
        .ok()
        .map(|list| list.slice().to_vec())
}

/// The selector with its interaction states (`INTERACTION_STATES`) taken as
/// reached (each becomes `:is(*)`), and how many there were; `None` when it has
/// none, or one no reader can reach: on the element itself (`.x:hover`: what is
/// hidden cannot be pointed at; `:target` excepted, which a link reaches) or
/// inside a negation.
fn with_states_reached(selector: &str) -> Option<(String, u32)> {
    let selector = selector.trim();
    let bytes = selector.as_bytes();
    // Where the rightmost compound starts: after the last combinator outside brackets.
    let mut depth = 0i32;
    let mut subject_start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b'(' | b'[' => depth += 1,
            b')' | b']' => depth -= 1,
            b' ' | b'\t' | b'\n' | b'>' | b'+' | b'~' if depth == 0 => subject_start = i + 1,
            _ => {}
        }
    }
    let mut out = String::with_capacity(selector.len());
    let mut copied = 0;
    let mut states = 0;
    let mut depth = 0i32;
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b'(' | b'[' => depth += 1,
            b')' | b']' => depth -= 1,
            _ => {}
        }
        if b != b':' || i < copied || bytes.get(i + 1) == Some(&b':') || (i > 0 && bytes[i - 1] == b':') {
            continue;
        }
        let end = bytes[i + 1..].iter().position(|c| !(c.is_ascii_alphanumeric() || *c == b'-')).map_or(bytes.len(), |p| i + 1 + p);
        let name = selector[i + 1..end].to_ascii_lowercase();
        if INTERACTION_STATES.contains(&name.as_str()) {
            if depth > 0 || (i >= subject_start && name != "target") {
                return None;
            }
            out.push_str(&selector[copied..i]);
            out.push_str(":is(*)");
            copied = end;
            states += 1;
        }
    }
    out.push_str(&selector[copied..]);
    (states > 0).then_some((out, states))
}

/// Whether the nested block just read nests at most `levels` deep (read with
/// cssparser; the recursion stops at `levels`).
fn nesting_within(input: &mut Parser<'_, '_>, levels: usize, names: &mut Names) -> bool {
    if levels == 0 {
        return false;
    }
    input
        .parse_nested_block(|inner| {
            let mut ok = true;
            while let Ok(token) = inner.next() {
                if matches!(token, Token::Function(_) | Token::ParenthesisBlock | Token::SquareBracketBlock) {
                    ok &= nesting_within(inner, levels - 1, names);
                } else {
                    ok &= admit_identifier(token, names);
                }
            }
            Ok::<_, ParseError<'_, ()>>(ok)
        })
        .unwrap_or(false)
}

/// Whether the names a selector token may intern are admitted (`names`): an
/// identifier (a type, class or attribute name, and its lowercase, which
/// selectors keeps beside it) or an id; other tokens intern nothing.
fn admit_identifier(token: &Token<'_>, names: &mut Names) -> bool {
    match token {
        Token::Ident(name) | Token::IDHash(name) | Token::Hash(name) => {
            names.admit(name) && (!name.bytes().any(|b| b.is_ascii_uppercase()) || names.admit(&name.to_ascii_lowercase()))
        }
        _ => true,
    }
}

/// Dynamic pseudo-classes and pseudo-elements: the selector is valid CSS but
/// never matches the static message.
fn is_dynamic(selector: &str) -> bool {
    const DYNAMIC: &[&str] = &[
        ":hover", ":focus", ":active", ":visited", ":link", ":any-link", ":target", ":checked", ":focus-within",
        ":focus-visible", "::", ":before", ":after", ":first-line", ":first-letter", ":placeholder",
    ];
    let lower = selector.to_ascii_lowercase();
    DYNAMIC.iter().any(|d| lower.contains(d))
}

impl<'i> AtRuleParser<'i> for RuleParser<'_, '_> {
    /// The views an `@media` block applies in (none for other at-rules).
    type Prelude = Views;
    type AtRule = ();
    type Error = ();

    fn parse_prelude<'t>(&mut self, name: CowRcStr<'i>, input: &mut Parser<'i, 't>) -> Result<Views, ParseError<'i, ()>> {
        let views = if name.eq_ignore_ascii_case("media") { media_views(input) } else { 0 };
        while input.next().is_ok() {}
        Ok(views)
    }

    fn rule_without_block(&mut self, _prelude: Views, _start: &ParserState) -> Result<(), ()> {
        Ok(())
    }

    fn parse_block<'t>(&mut self, views: Views, _start: &ParserState, input: &mut Parser<'i, 't>) -> Result<(), ParseError<'i, ()>> {
        let views = self.views & views;
        if views != 0 && self.nesting >= MAX_CSS_NESTING {
            // The block's rules are not read: counted as one selector left out.
            self.sheet.ignored_selectors += 1;
        }
        if views != 0 && self.nesting < MAX_CSS_NESTING {
            let mut nested = RuleParser { sheet: self.sheet, budget: self.budget, names: self.names, nesting: self.nesting + 1, views };
            let mut stream = StyleSheetParser::new(input, &mut nested);
            while stream.next().is_some() {}
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The bits of the names a sheet keys its selectors by (`name_bits`) let
    /// every element of those names through, whatever kind of atom its name
    /// is (HTML's own, short and inlined, interned at run time), alone or
    /// among 80 other names (which set most of the 64 bits); an element of
    /// another name gets no rule of theirs.
    #[test]
    fn type_selectors_reach_their_elements_through_the_name_bits() {
        let others: String = (0..80).map(|i| format!("x-other-{i} {{ color: #00ff00 }}")).collect();
        for name in ["p", "span", "font", "section", "abc", "x-y", "custom-element-of-a-long-name"] {
            for sheet in [String::new(), others.clone()] {
                let html = format!("<style>{sheet}{name} {{ color: #ff0000 }}</style><div><{name}>word</{name}><i>other</i></div>");
                let facts = crate::model::html::analyse(&html);
                let run = |text: &str| facts.runs.iter().find(|r| r.text == text).map(|r| facts.describe(r.color_source));
                assert_eq!(run("word"), Some(format!("{name} {{ color: #ff0000 }}")), "{name}");
                assert_eq!(run("other"), Some(String::new()), "{name}");
            }
        }
    }

    /// The selectors `matching` finds for each element through the short lists
    /// of a sheet keying few classes and names (`FEW_KEYS`) are those the
    /// tables find, on 600 generated documents and sheets keying 1 to 12 of
    /// them (both sides of the limit), classes written in every case, repeated,
    /// on foreign elements and in prefixed attributes.
    #[test]
    fn few_keys_find_what_the_tables_find() {
        const NAMES: [&str; 12] = ["td", "p", "h3", "span", "a", "div", "x-y", "table", "tr", "li", "svg", "font"];
        const CLASSES: [&str; 12] = ["item", "Item", "a", "b-c", "footer", "x", "long-class-name", "y", "z1", "k", "m", "n"];
        const ATTRS: [&str; 8] = ["", " class=item", " class=\"a  item Item\"", " class=\"x x\"", " class=''", " xml:class=a", " CLASS=footer", " id=x class=k"];
        let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
        let mut next = move |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed >> 16) as usize % n
        };
        let (mut elements, mut few_sheets, mut listed) = (0, 0, 0);
        for round in 0..600 {
            let keys = 1 + round % 12;
            let mut css = String::new();
            for i in 0..keys {
                let rule = match next(4) {
                    0 => format!(".{} {{ color: #ff0000 }}", CLASSES[next(12)]),
                    1 => format!("{} {{ color: #00ff00 }}", NAMES[next(12)]),
                    2 => format!(".{} {} {{ font-size: {}px }}", CLASSES[next(12)], NAMES[next(12)], i + 1),
                    _ => format!("{}.{} {{ opacity: 0.5 }}", NAMES[next(12)], CLASSES[next(12)]),
                };
                css.push_str(&rule);
            }
            let mut html = String::new();
            for _ in 0..40 {
                let name = NAMES[next(12)];
                html.push_str(&format!("<{name}{}>w", ATTRS[next(8)]));
                if next(3) == 0 {
                    html.push_str(&format!("</{name}>"));
                }
            }
            let mut budget = Budget::unlimited();
            let mut sheet = StyleSheet::parse(&[css.clone()], &mut budget, &mut Names::default());
            few_sheets += usize::from(sheet.few_classes.is_some() || sheet.few_names.is_some());
            let document = scraper::Html::parse_document(&html);
            for node in document.tree.nodes() {
                let Some(element) = ElementRef::wrap(node) else { continue };
                let (mut few, mut tables) = (Vec::new(), Vec::new());
                sheet.matching(element, 1, 1, &mut budget, &mut few);
                let kept = (sheet.few_classes.take(), sheet.few_names.take());
                sheet.matching(element, 1, 1, &mut budget, &mut tables);
                (sheet.few_classes, sheet.few_names) = kept;
                let key = |m: &Matched| (m.rule, m.declaration, m.specificity, m.views, m.important, m.order);
                assert_eq!(few.iter().map(key).collect::<Vec<_>>(), tables.iter().map(key).collect::<Vec<_>>(), "{css} {html}");
                elements += 1;
                listed += few.len();
            }
        }
        assert!(elements > 20_000 && listed > 5_000 && few_sheets > 300, "{elements} {listed} {few_sheets}");
    }

    #[test]
    fn is_shortened_is_shorten_compared() {
        let mut texts: Vec<String> = ["", " a ", "#333333", "  padded  "].map(str::to_string).to_vec();
        texts.extend(["x".repeat(60), "x".repeat(61), "é".repeat(40), format!("{}…", "x".repeat(59))]);
        for text in &texts {
            for kept in &texts {
                for max in [0, 1, 2, 59, 60, 61] {
                    assert_eq!(is_shortened(text, max, kept), shorten(text, max) == *kept, "{text:?} {kept:?} {max}");
                    assert!(is_shortened(text, max, &shorten(text, max)), "{text:?} {max}");
                }
            }
        }
    }

    fn sheet(css: &str) -> StyleSheet {
        StyleSheet::parse(&[css.to_string()], &mut Budget::unlimited(), &mut Names::default())
    }

    #[test]
    fn rules_are_read_through_comments_and_at_rules() {
        let s = sheet("/* c */ .a { color: #fff } @font-face { font-family: x } p, div > span { font-size: 2em }");
        assert_eq!(s.rules.len(), 2);
        assert_eq!(s.selectors.len(), 3);
    }

    fn views_of(s: &StyleSheet, selector: &str) -> Views {
        let rule = s.rules.iter().position(|r| r.selector_text == selector).expect("the rule is kept");
        s.selectors.iter().find(|i| i.rule == rule).map_or(0, |i| i.views)
    }

    #[test]
    fn media_queries_choose_the_views_their_rules_apply_in() {
        let s = sheet("@media screen { .a { color: red } } @media print { .b { color: red } } @media (max-width: 600px) { .c { color: red } } @media (prefers-color-scheme: dark) { .d { color: red } } @media all and (min-width: 480px) { .e { color: red } }");
        let texts: Vec<&str> = s.rules.iter().map(|r| r.selector_text.as_str()).collect();
        assert_eq!(texts, [".a", ".c", ".e"], "print and dark-mode rules apply in no view");
        assert_eq!(views_of(&s, ".a"), ALL_VIEWS);
        assert_eq!(views_of(&s, ".c") & 1, 0, "not in the default view");
        assert_eq!(views_of(&s, ".c") | views_of(&s, ".e"), ALL_VIEWS, "phone and desktop rules split the views");
        assert_eq!(s.views, [0, super::super::media::PHONE]);
    }

    #[test]
    fn a_sheet_without_view_dependent_rules_has_the_default_view_only() {
        assert_eq!(sheet(".a { color: red } @media screen { .b { display: none } }").views, [0]);
    }

    #[test]
    fn rules_needing_an_interaction_apply_in_the_interactive_views() {
        let s = sheet("input:checked + * .answer { display: block } .card:hover .details { display: block } #faq:target { display: block } .x:hover { display: block } .y:not(:checked) { display: none }");
        assert_eq!(views_of(&s, "input:checked + * .answer"), INTERACTIVE_VIEWS);
        assert_eq!(views_of(&s, ".card:hover .details"), INTERACTIVE_VIEWS);
        assert_eq!(views_of(&s, "#faq:target"), INTERACTIVE_VIEWS, "a link reaches a target");
        assert_eq!(views_of(&s, ".x:hover"), 0, "a state of the element itself is never reached");
        assert_eq!(views_of(&s, ".y:not(:checked)"), 0);
        let checked = s.selectors.iter().find(|i| i.views == INTERACTIVE_VIEWS).map(|i| i.specificity);
        assert_eq!(checked, Some((2 << 10) | 1), "the state counts as a class");
    }

    #[test]
    fn interaction_states_are_replaced_outside_strings_of_other_scripts() {
        assert_eq!(with_states_reached("li.é:hover > .ü"), Some(("li.é:is(*) > .ü".to_string(), 1)));
        assert_eq!(with_states_reached("a::before"), None);
    }

    #[test]
    fn dynamic_pseudo_classes_never_match_and_unknown_ones_drop_the_rule() {
        let s = sheet("a:hover, .x { color: red } .y:unknown-thing, .z { color: red }");
        assert_eq!(s.rules.len(), 1);
        assert_eq!(s.selectors.len(), 1);
    }

    #[test]
    fn selectors_with_thousands_of_compounds_are_ignored() {
        let long = "div ".repeat(5_000) + "{ color: red }";
        let s = sheet(&long);
        assert_eq!(s.selectors.len(), 0);
        assert_eq!(s.ignored_selectors, 1);
        let nested = ":not(".repeat(2_000) + "p" + &")".repeat(2_000) + "{ color: red }";
        assert_eq!(sheet(&nested).selectors.len(), 0);
    }
}
