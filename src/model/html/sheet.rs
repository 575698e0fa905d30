//! The document's style sheets (`<style>` elements) read with cssparser, and
//! their selectors matched by the `selectors` crate through scraper's
//! `ElementRef` (combinators `>`, ` `, `+`, `~`; `:not()`, `:is()`, `:first-child`,
//! `:nth-child()`, `:last-child`, attribute selectors…). Dynamic pseudo-classes
//! (`:hover`, `:focus`, `:visited`) and pseudo-elements never match: a reader
//! opening the message sees the static state.
//!
//! `@media`: a rule inside applies when its query matches the default view, a
//! screen `DEFAULT_VIEWPORT_PX` wide in light mode (mail clients apply most
//! media queries; print-only rules and mobile breakpoints are not what a reader
//! sees first). The rules only a `SMALL_VIEWPORT_PX` screen applies are read for
//! one thing: which elements they show with `display: … !important`, so that a
//! responsive template's mobile-only block is not taken for hidden text (at most
//! `MAX_SMALL_SCREEN_REVEALS` selectors). Other at-rules (`@font-face`, `@import`,
//! `@supports`) are skipped.

use super::budget::Budget;
use super::values::{parse_declarations, Declaration};
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
use std::collections::HashMap;

/// Longest CSS text read from all `<style>` elements together, in bytes. *(default, ours)*
pub const MAX_STYLE_BYTES: usize = 256 * 1024;
/// Most style rules (selector × block) read; further ones are ignored. *(default, ours)*
pub const MAX_STYLE_RULES: usize = 4_000;
/// Most simple selectors in one selector, nested ones included; a longer one is
/// ignored (counted in `ignored_selectors`). Real style sheets stay under 20. *(default, ours)*
pub const MAX_SELECTOR_COMPONENTS: usize = 64;
/// Deepest nesting of `:not(:is(…))` or of `@media` blocks read. *(default, ours)*
pub const MAX_CSS_NESTING: usize = 8;
/// The width of the default view, for `@media (max-width…)`. *(default, ours)*:
/// a desktop mail client's reading pane.
pub const DEFAULT_VIEWPORT_PX: f32 = 1024.0;
/// The width of a phone's mail app, for the rules that show on small screens what
/// the default view hides (`@media (max-width: 600px) { .mobile { display: block } }`).
/// *(default, ours)*: 320–480 px phones; templates break at 480–640 px.
pub const SMALL_VIEWPORT_PX: f32 = 400.0;
/// Most selectors kept from small-screen rules that show an element. *(default, ours)*
pub const MAX_SMALL_SCREEN_REVEALS: usize = 1_000;

/// A selector of the sheet, indexed by its rightmost compound.
struct IndexedSelector {
    selector: Selector<Simple>,
    rule: usize,
    specificity: u32,
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
}

/// The parsed style sheets of a document.
#[derive(Default)]
pub struct StyleSheet {
    pub rules: Vec<SheetRule>,
    selectors: Vec<IndexedSelector>,
    by_id: HashMap<String, Vec<usize>>,
    by_class: HashMap<String, Vec<usize>>,
    by_name: HashMap<String, Vec<usize>>,
    universal: Vec<usize>,
    /// Selectors ignored as too complex or beyond `MAX_STYLE_RULES`.
    pub ignored_selectors: usize,
    /// Selectors of rules that only a small screen applies and that set `display`
    /// to a shown value with `!important`: what they match is hidden in the default
    /// view but shown on phones (responsive mail's mobile-only blocks).
    small_screen_reveals: Vec<(Selector<Simple>, ComponentCounter)>,
    caches: SelectorCaches,
}

impl StyleSheet {
    /// Reads the CSS of every `<style>` element (`pieces`, in document order;
    /// each is parsed alone, as a browser does).
    pub fn parse(pieces: &[String], budget: &mut Budget) -> StyleSheet {
        let mut sheet = StyleSheet::default();
        for css in pieces {
            let mut input = ParserInput::new(css);
            let mut parser = Parser::new(&mut input);
            let mut rules = RuleParser { sheet: &mut sheet, budget, nesting: 0, small_screen_only: false };
            let mut stream = StyleSheetParser::new(&mut parser, &mut rules);
            while stream.next().is_some() {}
        }
        sheet
    }

    fn add(&mut self, selectors: Vec<Selector<Simple>>, selector_text: &str, declarations: Vec<Declaration<'_>>) {
        if declarations.is_empty() {
            return;
        }
        if self.rules.len() >= MAX_STYLE_RULES {
            self.ignored_selectors += selectors.len();
            return;
        }
        let rule = self.rules.len();
        let texts = declarations.iter().map(|d| shorten(d.text, MAX_QUOTED_VALUE)).collect();
        let declarations = declarations.into_iter().map(|d| Declaration { text: "", ..d }).collect();
        self.rules.push(SheetRule { selector_text: shorten(selector_text, MAX_QUOTED_SELECTOR), declarations, texts });
        for selector in selectors {
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
                Key::Name(name) => self.by_name.entry(name).or_default().push(index),
                Key::Universal => self.universal.push(index),
            }
            self.selectors.push(IndexedSelector {
                specificity: selector.specificity(),
                selector,
                rule,
                counter,
            });
        }
    }

    /// The declarations of the rules matching `element`. Each selector tried is
    /// charged what its match may walk: its simple selectors times the ancestors
    /// (and siblings, when it looks at them) it may visit.
    pub fn matching(&mut self, element: ElementRef<'_>, depth: usize, siblings: usize, budget: &mut Budget) -> Vec<Matched> {
        let mut candidates: Vec<usize> = Vec::new();
        let value = element.value();
        if let Some(id) = value.id() {
            candidates.extend(self.by_id.get(id).into_iter().flatten());
        }
        for class in value.classes() {
            candidates.extend(self.by_class.get(class).into_iter().flatten());
        }
        candidates.extend(self.by_name.get(value.name()).into_iter().flatten());
        candidates.extend(&self.universal);
        candidates.sort_unstable();
        candidates.dedup();
        let mut out = Vec::new();
        let mut context = static_context(&mut self.caches);
        for index in candidates {
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
                    });
                }
            }
        }
        out
    }

    /// Whether a rule that only small screens apply sets `display` to a shown
    /// value on `element` (charged to `budget` as `matching` is).
    pub fn shown_on_small_screens(&mut self, element: ElementRef<'_>, depth: usize, siblings: usize, budget: &mut Budget) -> bool {
        if self.small_screen_reveals.is_empty() {
            return false;
        }
        let mut context = static_context(&mut self.caches);
        for (selector, counter) in &self.small_screen_reveals {
            if !budget.step(counter.cost(depth, siblings)) {
                return false;
            }
            if matches_selector(selector, 0, None, &element, &mut context) {
                return true;
            }
        }
        false
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

    /// Keeps the selectors of a small-screen rule that shows what it matches with
    /// `display: … !important` (what overrides a template's inline `display:none`).
    fn add_small_screen_rule(&mut self, selectors: Vec<Selector<Simple>>, declarations: &[Declaration<'_>]) {
        let shows = declarations.iter().any(|d| d.important && matches!(d.value, super::values::Value::DisplayNone(false)));
        if !shows {
            return;
        }
        for selector in selectors {
            if self.small_screen_reveals.len() >= MAX_SMALL_SCREEN_REVEALS {
                self.ignored_selectors += 1;
                continue;
            }
            let Some(counter) = self.admit(&selector) else { continue };
            self.small_screen_reveals.push((selector, counter));
        }
    }
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
    nesting: usize,
    /// Inside an `@media` block that applies to a small screen and not to the
    /// default view: its rules only tell what phones show.
    small_screen_only: bool,
}

/// The selectors of a rule's prelude, one by one: a selector with a dynamic
/// pseudo-class never matches, while a list with an unknown one is dropped whole.
enum Prelude {
    Selectors(Vec<Selector<Simple>>, String),
    Invalid,
}

impl<'i> QualifiedRuleParser<'i> for RuleParser<'_, '_> {
    type Prelude = Prelude;
    type QualifiedRule = ();
    type Error = ();

    fn parse_prelude<'t>(&mut self, input: &mut Parser<'i, 't>) -> Result<Prelude, ParseError<'i, ()>> {
        let start = input.position();
        let pieces = input.parse_comma_separated(|piece| {
            let from = piece.position();
            let mut depth_ok = true;
            while let Ok(token) = piece.next() {
                if matches!(token, Token::Function(_) | Token::ParenthesisBlock | Token::SquareBracketBlock) {
                    depth_ok &= nesting_within(piece, MAX_CSS_NESTING);
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
            let mut input = ParserInput::new(piece);
            match SelectorList::parse(&SelectorParser, &mut Parser::new(&mut input), ParseRelative::No) {
                Ok(list) => selectors.extend(list.slice().iter().cloned()),
                Err(_) if is_dynamic(piece) => {}
                Err(_) => return Ok(Prelude::Invalid),
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
            if self.small_screen_only {
                self.sheet.add_small_screen_rule(selectors, &declarations);
            } else {
                self.sheet.add(selectors, &text, declarations);
            }
        }
        Ok(())
    }
}

/// Whether the nested block just read nests at most `levels` deep (read with
/// cssparser; the recursion stops at `levels`).
fn nesting_within(input: &mut Parser<'_, '_>, levels: usize) -> bool {
    if levels == 0 {
        return false;
    }
    input
        .parse_nested_block(|inner| {
            let mut ok = true;
            while let Ok(token) = inner.next() {
                if matches!(token, Token::Function(_) | Token::ParenthesisBlock | Token::SquareBracketBlock) {
                    ok &= nesting_within(inner, levels - 1);
                }
            }
            Ok::<_, ParseError<'_, ()>>(ok)
        })
        .unwrap_or(false)
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

/// Which view an `@media` block applies to.
#[derive(Clone, Copy, PartialEq)]
enum MediaView {
    /// The default view (and maybe phones too): its rules apply.
    Default,
    /// Only a small screen: its rules only tell what phones show.
    SmallScreenOnly,
    /// Neither (print, dark mode, an unknown feature): skipped.
    None,
}

impl<'i> AtRuleParser<'i> for RuleParser<'_, '_> {
    type Prelude = MediaView;
    type AtRule = ();
    type Error = ();

    fn parse_prelude<'t>(
        &mut self,
        name: CowRcStr<'i>,
        input: &mut Parser<'i, 't>,
    ) -> Result<MediaView, ParseError<'i, ()>> {
        let view = if !name.eq_ignore_ascii_case("media") {
            MediaView::None
        } else {
            let start = input.state();
            let default = media_applies(input, DEFAULT_VIEWPORT_PX);
            input.reset(&start);
            let small = media_applies(input, SMALL_VIEWPORT_PX);
            match (default, small) {
                (true, _) => MediaView::Default,
                (false, true) => MediaView::SmallScreenOnly,
                (false, false) => MediaView::None,
            }
        };
        while input.next().is_ok() {}
        Ok(view)
    }

    fn rule_without_block(&mut self, _prelude: MediaView, _start: &ParserState) -> Result<(), ()> {
        Ok(())
    }

    fn parse_block<'t>(
        &mut self,
        view: MediaView,
        _start: &ParserState,
        input: &mut Parser<'i, 't>,
    ) -> Result<(), ParseError<'i, ()>> {
        if view != MediaView::None && self.nesting < MAX_CSS_NESTING {
            let small_screen_only = self.small_screen_only || view == MediaView::SmallScreenOnly;
            let mut nested =
                RuleParser { sheet: self.sheet, budget: self.budget, nesting: self.nesting + 1, small_screen_only };
            let mut stream = StyleSheetParser::new(input, &mut nested);
            while stream.next().is_some() {}
        }
        Ok(())
    }
}

/// Whether a media query list matches a screen `viewport` px wide in light mode
/// (Media Queries 4 §3): any query of the comma-separated list; `only` ignored,
/// `not` negates.
fn media_applies(input: &mut Parser<'_, '_>, viewport: f32) -> bool {
    input
        .parse_comma_separated(|query| Ok::<_, ParseError<'_, ()>>(query_applies(query, viewport)))
        .map(|results| results.into_iter().any(|r| r))
        .unwrap_or(false)
}

fn query_applies(query: &mut Parser<'_, '_>, viewport: f32) -> bool {
    let mut negated = false;
    let mut result = true;
    while let Ok(token) = query.next() {
        match token.clone() {
            Token::Ident(id) => match id.to_ascii_lowercase().as_str() {
                "not" => negated = true,
                "only" | "and" => {}
                "screen" | "all" => {}
                _ => result = false, // print, speech, or an unknown type
            },
            Token::ParenthesisBlock => {
                let feature =
                    query.parse_nested_block(|f| Ok::<_, ParseError<'_, ()>>(feature_applies(f, viewport))).unwrap_or(false);
                result &= feature;
            }
            _ => result = false,
        }
    }
    result != negated
}

/// One `(feature: value)` against a screen `viewport` px wide; unknown features do not match.
fn feature_applies(input: &mut Parser<'_, '_>, viewport: f32) -> bool {
    let Ok(name) = input.expect_ident_cloned() else { return false };
    let name = name.to_ascii_lowercase();
    if input.expect_colon().is_err() {
        return false;
    }
    let value = input.next().ok().cloned();
    let px = match value {
        Some(Token::Dimension { value, ref unit, .. }) => match unit.to_ascii_lowercase().as_str() {
            "px" => Some(value),
            "em" | "rem" => Some(value * 16.0),
            _ => None,
        },
        Some(Token::Number { value, .. }) if value == 0.0 => Some(0.0),
        _ => None,
    };
    let ident = match value {
        Some(Token::Ident(ref id)) => id.to_ascii_lowercase(),
        _ => String::new(),
    };
    match (name.as_str(), px) {
        ("max-width" | "max-device-width", Some(px)) => viewport <= px,
        ("min-width" | "min-device-width", Some(px)) => viewport >= px,
        ("prefers-color-scheme", _) => ident == "light",
        ("orientation", _) => ident == "landscape",
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sheet(css: &str) -> StyleSheet {
        StyleSheet::parse(&[css.to_string()], &mut Budget::unlimited())
    }

    #[test]
    fn rules_are_read_through_comments_and_at_rules() {
        let s = sheet("/* c */ .a { color: #fff } @font-face { font-family: x } p, div > span { font-size: 2em }");
        assert_eq!(s.rules.len(), 2);
        assert_eq!(s.selectors.len(), 3);
    }

    #[test]
    fn small_screen_reveals_are_kept_up_to_their_limit() {
        let mut css = String::from("@media (max-width: 600px) {");
        for i in 0..=MAX_SMALL_SCREEN_REVEALS {
            css.push_str(&format!(" .m{i} {{ display: block !important }}"));
        }
        css.push_str(" .plain { display: block } .shown { color: red } }");
        let s = sheet(&css);
        assert_eq!(s.small_screen_reveals.len(), MAX_SMALL_SCREEN_REVEALS);
        assert_eq!(s.ignored_selectors, 1, "the one over the limit is counted");
        assert!(s.rules.is_empty(), "small-screen rules never style the default view");
    }

    #[test]
    fn media_queries_apply_to_the_default_view_only() {
        let s = sheet("@media screen { .a { color: red } } @media print { .b { color: red } } @media (max-width: 600px) { .c { color: red } } @media (prefers-color-scheme: dark) { .d { color: red } } @media all and (min-width: 480px) { .e { color: red } }");
        let texts: Vec<&str> = s.rules.iter().map(|r| r.selector_text.as_str()).collect();
        assert_eq!(texts, [".a", ".e"]);
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
