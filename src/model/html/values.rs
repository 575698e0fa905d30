//! CSS declarations read with cssparser (comments, escapes such as `c\olor`,
//! `!important` and error recovery are cssparser's, as in a browser), kept only
//! for the properties the analysis reads, as small typed values.

use super::budget::Budget;
use super::color::{parse_color_value, read_color, ColorValue};
use super::transform::{parse_filter_opacity, parse_scale, parse_transform, parse_translate, parse_zoom, Affine};
use cssparser::{
    AtRuleParser, CowRcStr, DeclarationParser, Delimiter, ParseError, Parser, ParserInput, ParserState,
    QualifiedRuleParser, RuleBodyItemParser, RuleBodyParser, Token,
};

/// Font size of the root, in px (browsers' and mail clients' default).
pub const ROOT_FONT_PX: f32 = 16.0;

/// Most tokens read in one shorthand value (`background`, `font`); the rest is ignored.
const MAX_VALUE_TOKENS: usize = 64;

/// The properties the analysis reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Property {
    Color,
    Background,
    BackgroundColor,
    BackgroundImage,
    FontSize,
    Font,
    Display,
    Visibility,
    Opacity,
    Clip,
    ClipPath,
    Position,
    Left,
    Top,
    Right,
    Bottom,
    MarginLeft,
    MarginTop,
    TextIndent,
    Width,
    Height,
    MaxWidth,
    MaxHeight,
    Overflow,
    Transform,
    Scale,
    Translate,
    Zoom,
    Filter,
    /// `-webkit-text-fill-color`: the colour glyphs are filled with, over `color`
    /// (WebKit, Blink and Gecko; CSS Compatibility §5.1).
    TextFillColor,
    /// `direction` (inherited) and `unicode-bidi`: text drawn right to left
    /// letter by letter when both say so (CSS Writing Modes 3 §2).
    Direction,
    UnicodeBidi,
    /// A custom property (`--name`), read for `var()` (CSS Variables 1).
    Custom,
}

impl Property {
    const ALL: [(&'static str, Property); 35] = [
        ("color", Property::Color),
        ("background", Property::Background),
        ("background-color", Property::BackgroundColor),
        ("background-image", Property::BackgroundImage),
        ("font-size", Property::FontSize),
        ("font", Property::Font),
        ("display", Property::Display),
        ("visibility", Property::Visibility),
        ("opacity", Property::Opacity),
        ("clip", Property::Clip),
        ("clip-path", Property::ClipPath),
        ("position", Property::Position),
        ("left", Property::Left),
        ("top", Property::Top),
        ("right", Property::Right),
        ("bottom", Property::Bottom),
        ("margin-left", Property::MarginLeft),
        ("margin-top", Property::MarginTop),
        ("text-indent", Property::TextIndent),
        ("width", Property::Width),
        ("height", Property::Height),
        ("max-width", Property::MaxWidth),
        ("max-height", Property::MaxHeight),
        ("overflow", Property::Overflow),
        ("overflow-y", Property::Overflow),
        ("transform", Property::Transform),
        ("-webkit-transform", Property::Transform),
        ("scale", Property::Scale),
        ("translate", Property::Translate),
        ("zoom", Property::Zoom),
        ("filter", Property::Filter),
        ("-webkit-filter", Property::Filter),
        ("-webkit-text-fill-color", Property::TextFillColor),
        ("direction", Property::Direction),
        ("unicode-bidi", Property::UnicodeBidi),
    ];

    fn from_name(name: &str) -> Option<Property> {
        if name.starts_with("--") && name.len() > 2 {
            return Some(Property::Custom);
        }
        Property::ALL.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, p)| *p)
    }

    /// The property's name as written in CSS.
    pub fn name(self) -> &'static str {
        if self == Property::Custom {
            return "--*";
        }
        Property::ALL.iter().find(|(_, p)| *p == self).map_or("", |(n, _)| n)
    }
}

/// A length as written; resolved to px by the cascade.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Length {
    Px(f32),
    Em(f32),
    Rem(f32),
    /// A percentage as a fraction.
    Percent(f32),
    /// `larger` / `smaller` (font sizes, CSS Fonts 4 §2.5: a ratio of 1.2).
    Scale(f32),
    /// `auto`, `none`: no limit.
    Auto,
}

impl Length {
    /// The length in px; `em` and font-size percentages are relative to `font_px`.
    /// `None` for percentages of a box whose size is unknown (unless 0%).
    pub fn px(self, font_px: f32, percent_of_font: bool) -> Option<f32> {
        let px = match self {
            Length::Px(v) => v,
            Length::Em(v) => v * font_px,
            Length::Rem(v) => v * ROOT_FONT_PX,
            Length::Percent(p) if percent_of_font => p * font_px,
            Length::Percent(p) if p == 0.0 => 0.0,
            Length::Scale(s) if percent_of_font => s * font_px,
            _ => return None,
        };
        px.is_finite().then_some(px.clamp(-1.0e9, 1.0e9))
    }
}

/// A declaration's value, typed by its property.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Value {
    Color(ColorValue),
    /// `background`: the colour it sets (transparent when none) and whether an
    /// image or gradient paints over it (the background is then unknown).
    Background { color: Option<ColorValue>, image: bool },
    BackgroundColor(ColorValue),
    BackgroundImage { image: bool },
    FontSize(Length),
    DisplayNone(bool),
    VisibilityHidden(bool),
    Opacity(f32),
    /// `clip` or `clip-path` leaves nothing (or at most a pixel) visible.
    Clipped(bool),
    /// `position: absolute | fixed`.
    OutOfFlow(bool),
    Length(Length),
    /// `overflow` cuts what does not fit the box.
    OverflowClips(bool),
    /// `transform`, `scale` or `translate`: how the box is drawn shrunk or moved.
    Transform(Affine),
    /// `zoom`: a factor on the box and its content.
    Zoom(f32),
    /// `filter`: the product of its `opacity()` functions.
    FilterOpacity(f32),
    /// `-webkit-text-fill-color`.
    TextFill(ColorValue),
    /// `direction: rtl` (true) or `ltr`.
    RightToLeft(bool),
    UnicodeBidi(Bidi),
    /// A custom property's declaration: its name hashed (`custom_name`); the
    /// value is the declaration's text.
    Custom { name: u64 },
    /// A value with `var()` in it, read once the custom properties it names are
    /// known (`substitute_vars`, then `parse_property_value`).
    Var,
}

/// Longest custom property value kept, and longest value after `var()`
/// substitution, in bytes. *(default, ours: colours and lengths are short)*
pub const MAX_VAR_BYTES: usize = 256;
/// Most nested `var()` substitutions (a custom property naming another). *(default, ours)*
pub const MAX_VAR_DEPTH: usize = 8;

/// A custom property's name, hashed (FNV-1a, 64 bits): names are compared as
/// written (CSS Variables 1 §2: case-sensitive), never kept as text.
pub fn custom_name(name: &str) -> u64 {
    name.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

/// `text` with each `var(--name[, fallback])` replaced by `lookup(name)` or its
/// fallback, substituted again inside (at most `MAX_VAR_DEPTH` levels, at most
/// `MAX_VAR_BYTES` long); `None` when a name has no value and no fallback (the
/// declaration is then invalid at computed-value time) or a bound is reached.
pub fn substitute_vars(text: &str, lookup: &mut dyn FnMut(u64) -> Option<String>, depth: usize) -> Option<String> {
    if depth > MAX_VAR_DEPTH {
        return None;
    }
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.to_ascii_lowercase().find("var(") {
        out.push_str(&rest[..at]);
        let inner = &rest[at + 4..];
        // The closing parenthesis of this var(), nested ones skipped.
        let mut level = 0usize;
        let end = inner.char_indices().find_map(|(i, c)| match c {
            '(' => {
                level += 1;
                None
            }
            ')' if level == 0 => Some(i),
            ')' => {
                level -= 1;
                None
            }
            _ => None,
        })?;
        let args = &inner[..end];
        let (name, fallback) = match args.split_once(',') {
            Some((name, fallback)) => (name.trim(), Some(fallback.trim())),
            None => (args.trim(), None),
        };
        let value = match lookup(custom_name(name)) {
            Some(value) => value,
            None => fallback?.to_string(),
        };
        out.push_str(&substitute_vars(&value, lookup, depth + 1)?);
        if out.len() > MAX_VAR_BYTES {
            return None;
        }
        rest = &inner[end + 1..];
    }
    out.push_str(rest);
    (out.len() <= MAX_VAR_BYTES).then_some(out)
}

/// The value of `property` written as `text` (after `var()` substitution):
/// `None` when it is not one the analysis reads, or still holds a `var()`.
pub fn parse_property_value(property: Property, text: &str) -> Option<Value> {
    let mut input = ParserInput::new(text);
    let mut parser = Parser::new(&mut input);
    let value = parse_value(property, &mut parser)?;
    (value != Value::Var && parser.is_exhausted()).then_some(value)
}

/// What `unicode-bidi` does to the letters inside the element.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bidi {
    /// `normal`: an inline element stays in its parent's ordering.
    Normal,
    /// `embed`, `isolate`, `plaintext`: a new level, no override.
    Embed,
    /// `bidi-override`, `isolate-override`: every letter in `direction`'s order.
    Override,
}

/// A parsed declaration; `text` is its value as written (for the evidence).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Declaration<'i> {
    pub property: Property,
    pub value: Value,
    pub important: bool,
    pub text: &'i str,
}

/// Parses a declaration list (a `style` attribute or a rule body), keeping the
/// declarations of the properties the analysis reads; malformed ones are
/// skipped as CSS error recovery does.
pub fn parse_declarations<'i>(input: &mut Parser<'i, '_>, budget: &mut Budget) -> Vec<Declaration<'i>> {
    let mut out = Vec::new();
    each_declaration(input, budget, |_, declaration| out.push(declaration));
    out
}

/// Parses a `style` attribute on its own: the reading `inline::InlineStyles`
/// answers with (the cascade reads `style` attributes through it, each distinct
/// text once); the tests hold the two to each other.
#[cfg(test)]
pub fn parse_style_attribute<'i>(text: &'i str, budget: &mut Budget) -> Vec<Declaration<'i>> {
    let mut input = ParserInput::new(text);
    let mut parser = Parser::new(&mut input);
    parse_declarations(&mut parser, budget)
}

/// `parse_declarations`, handing each kept declaration to `keep` with the
/// number of its item in the list (a malformed or unread item counts too: a
/// budget step each). Returns how many items were read, and whether the list
/// was read to its end (`false`: the budget ran out before item `items`).
pub fn each_declaration<'i>(
    input: &mut Parser<'i, '_>,
    budget: &mut Budget,
    mut keep: impl FnMut(u32, Declaration<'i>),
) -> (u32, bool) {
    let mut parser = DeclarationsParser;
    let mut items = 0u32;
    for item in RuleBodyParser::new(input, &mut parser) {
        if !budget.step(1) {
            return (items, false);
        }
        if let Ok(Some(declaration)) = item {
            keep(items, declaration);
        }
        items = items.saturating_add(1);
    }
    (items, true)
}

struct DeclarationsParser;

impl<'i> DeclarationParser<'i> for DeclarationsParser {
    type Declaration = Option<Declaration<'i>>;
    type Error = ();

    fn parse_value<'t>(
        &mut self,
        name: CowRcStr<'i>,
        input: &mut Parser<'i, 't>,
        _start: &ParserState,
    ) -> Result<Self::Declaration, ParseError<'i, ()>> {
        let Some(property) = Property::from_name(&name) else {
            while input.next().is_ok() {}
            return Ok(None);
        };
        let start = input.position();
        let state = input.state();
        input.parse_until_before(Delimiter::Bang, |value| {
            while value.next().is_ok() {}
            Ok::<_, ParseError<'i, ()>>(())
        })?;
        let text = input.slice_from(start).trim();
        // A custom property keeps its text; a value with var() is read once
        // the custom properties are known (the cascade: `substitute_vars`).
        let value = if property == Property::Custom {
            (text.len() <= MAX_VAR_BYTES).then_some(Value::Custom { name: custom_name(&name) })
        } else if text.to_ascii_lowercase().contains("var(") {
            (text.len() <= MAX_VAR_BYTES).then_some(Value::Var)
        } else {
            input.reset(&state);
            input.parse_until_before(Delimiter::Bang, |value| Ok::<_, ParseError<'i, ()>>(parse_value(property, value)))?
        };
        let important = input.try_parse(cssparser::parse_important).is_ok();
        input.expect_exhausted()?;
        Ok(value.map(|value| Declaration { property, value, important, text }))
    }
}

impl<'i> AtRuleParser<'i> for DeclarationsParser {
    type Prelude = ();
    type AtRule = Option<Declaration<'i>>;
    type Error = ();
}

impl<'i> QualifiedRuleParser<'i> for DeclarationsParser {
    type Prelude = ();
    type QualifiedRule = Option<Declaration<'i>>;
    type Error = ();
}

impl<'i> RuleBodyItemParser<'i, Option<Declaration<'i>>, ()> for DeclarationsParser {
    fn parse_declarations(&self) -> bool {
        true
    }
    fn parse_qualified(&self) -> bool {
        false
    }
}

/// The value of `property`, or `None` when it is not one the analysis can read
/// (the declaration is then ignored, as an invalid one is by a browser).
fn parse_value(property: Property, input: &mut Parser<'_, '_>) -> Option<Value> {
    let value = match property {
        Property::Color => Value::Color(parse_color_value(input)?),
        Property::BackgroundColor => Value::BackgroundColor(parse_color_value(input)?),
        Property::Background => parse_background(input),
        Property::BackgroundImage => {
            let none = input.try_parse(|i| i.expect_ident_matching("none")).is_ok() && input.is_exhausted();
            while input.next().is_ok() {}
            Value::BackgroundImage { image: !none }
        }
        Property::FontSize => Value::FontSize(parse_font_size(input)?),
        Property::Font => Value::FontSize(parse_font_shorthand(input)?),
        Property::Display => Value::DisplayNone(ident_is(input, &["none"])?),
        Property::Visibility => match ident(input)?.as_str() {
            "hidden" | "collapse" => Value::VisibilityHidden(true),
            "visible" => Value::VisibilityHidden(false),
            _ => return None,
        },
        Property::Opacity => Value::Opacity(match *input.next().ok()? {
            Token::Number { value, .. } => value,
            Token::Percentage { unit_value, .. } => unit_value,
            _ => return None,
        }),
        Property::Clip => Value::Clipped(parse_clip_rect(input)?),
        Property::ClipPath => Value::Clipped(parse_clip_path(input)?),
        Property::Position => Value::OutOfFlow(ident_is(input, &["absolute", "fixed"])?),
        Property::Overflow => Value::OverflowClips(ident_is(input, &["hidden", "clip", "scroll", "auto"])?),
        Property::Transform => Value::Transform(parse_transform(input)?),
        Property::Scale => Value::Transform(parse_scale(input)?),
        Property::Translate => Value::Transform(parse_translate(input)?),
        Property::Zoom => Value::Zoom(parse_zoom(input)?),
        Property::Direction => Value::RightToLeft(match ident(input)?.as_str() {
            "rtl" => true,
            "ltr" => false,
            _ => return None,
        }),
        Property::UnicodeBidi => Value::UnicodeBidi(match ident(input)?.as_str() {
            "normal" => Bidi::Normal,
            "embed" | "isolate" | "plaintext" => Bidi::Embed,
            "bidi-override" | "isolate-override" => Bidi::Override,
            _ => return None,
        }),
        Property::Filter => Value::FilterOpacity(parse_filter_opacity(input)?),
        Property::Custom => return None,
        Property::TextFillColor => Value::TextFill(parse_color_value(input)?),
        Property::Left
        | Property::Top
        | Property::Right
        | Property::Bottom
        | Property::MarginLeft
        | Property::MarginTop
        | Property::TextIndent
        | Property::Width
        | Property::Height
        | Property::MaxWidth
        | Property::MaxHeight => Value::Length(parse_length(input)?),
    };
    Some(value)
}

fn ident(input: &mut Parser<'_, '_>) -> Option<String> {
    input.expect_ident().ok().map(|i| i.to_ascii_lowercase())
}

fn ident_is(input: &mut Parser<'_, '_>, any_of: &[&str]) -> Option<bool> {
    let id = ident(input)?;
    Some(any_of.contains(&id.as_str()))
}

/// `background`: a colour anywhere among its components; `url()`, gradients
/// and `image-set()` paint an image over it.
fn parse_background(input: &mut Parser<'_, '_>) -> Value {
    let mut color = None;
    let mut image = false;
    for _ in 0..MAX_VALUE_TOKENS {
        if input.is_exhausted() {
            break;
        }
        if color.is_none() {
            if let Ok(c) = input.try_parse(|i| read_color(i).ok_or(())) {
                color = Some(c);
                continue;
            }
        }
        if let Ok(c) = input.try_parse(|i| uniform_gradient(i).ok_or(())) {
            // A gradient of one colour paints that colour (over the `background-color` layer).
            color = Some(c);
            continue;
        }
        match input.next() {
            Ok(Token::UnquotedUrl(_)) => image = true,
            Ok(Token::Function(name)) if !name.eq_ignore_ascii_case("var") => image = true,
            Ok(Token::Function(_)) => return Value::Background { color: None, image: true },
            Ok(_) => {}
            Err(_) => break,
        }
    }
    if !input.is_exhausted() {
        // Too long to read whole: what paints the background is unknown.
        image = true;
        while input.next().is_ok() {}
    }
    Value::Background { color, image }
}

/// Most colour stops read in a gradient. *(default, ours)*
const MAX_GRADIENT_STOPS: usize = 16;

/// A `linear-gradient()` / `radial-gradient()` (or `repeating-`, `conic-`)
/// whose colour stops are all one opaque colour: it paints that colour.
fn uniform_gradient(input: &mut Parser<'_, '_>) -> Option<ColorValue> {
    let name = match input.next().ok()? {
        Token::Function(name) => name.to_ascii_lowercase(),
        _ => return None,
    };
    if !name.ends_with("-gradient") {
        return None;
    }
    input
        .parse_nested_block(|args| {
            let mut colors = Vec::new();
            let mut steps = 0;
            while !args.is_exhausted() && steps < MAX_VALUE_TOKENS {
                steps += 1;
                if let Ok(c) = args.try_parse(|i| read_color(i).ok_or(())) {
                    colors.push(c);
                    if colors.len() > MAX_GRADIENT_STOPS {
                        break;
                    }
                } else if args.next().is_err() {
                    break;
                }
            }
            let first = colors.first().copied();
            let uniform = args.is_exhausted()
                && matches!(first, Some(ColorValue::Rgba(c)) if c.a >= 1.0)
                && colors.iter().all(|c| Some(*c) == first);
            Ok::<_, ParseError<'_, ()>>(if uniform { first } else { None })
        })
        .ok()?
}

/// A length: `12px`, `1.5em`, `50%`, `0`, `auto`, `none`, `calc(…)`.
fn parse_length(input: &mut Parser<'_, '_>) -> Option<Length> {
    let token = input.next().ok()?.clone();
    match token {
        Token::Function(ref name) if name.eq_ignore_ascii_case("calc") => parse_calc(input),
        ref other => length_of(other),
    }
}

/// Deepest nesting of parentheses read in a `calc()`. *(default, ours)*
const MAX_CALC_DEPTH: usize = 8;

/// A `calc()` sum as px, em and percentage parts, and a bare number.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct Calc {
    px: f32,
    em: f32,
    percent: f32,
    number: f32,
    /// Holds a length (not a bare number).
    length: bool,
}

impl Calc {
    fn scaled(self, k: f32) -> Calc {
        Calc { px: self.px * k, em: self.em * k, percent: self.percent * k, number: self.number * k, length: self.length }
    }
}

/// The inside of a `calc()` (CSS Values 4 §10): sums and products of lengths
/// and numbers, read as one `Length` when its parts are of one kind (px, em
/// or %); `None` for mixed kinds, divisions by a length, or other functions.
fn parse_calc(input: &mut Parser<'_, '_>) -> Option<Length> {
    let sum = nested_sum(input, 0)?;
    let finite = |v: f32| v.is_finite().then_some(v);
    match (sum.px != 0.0, sum.em != 0.0, sum.percent != 0.0) {
        _ if !sum.length => None,
        (_, false, false) => Some(Length::Px(finite(sum.px)?)),
        (false, true, false) => Some(Length::Em(finite(sum.em)?)),
        (false, false, true) => Some(Length::Percent(finite(sum.percent)?)),
        _ => None,
    }
}

/// The sum inside the parentheses or function just read.
fn nested_sum(input: &mut Parser<'_, '_>, depth: usize) -> Option<Calc> {
    input.parse_nested_block(|i| calc_sum(i, depth).ok_or_else(|| i.new_custom_error::<(), ()>(()))).ok()
}

fn calc_sum(input: &mut Parser<'_, '_>, depth: usize) -> Option<Calc> {
    let mut total = calc_product(input, depth)?;
    while !input.is_exhausted() {
        let sign = match input.next().ok()? {
            Token::Delim('+') => 1.0,
            Token::Delim('-') => -1.0,
            _ => return None,
        };
        let term = calc_product(input, depth)?.scaled(sign);
        total = Calc {
            px: total.px + term.px,
            em: total.em + term.em,
            percent: total.percent + term.percent,
            number: total.number + term.number,
            length: total.length || term.length,
        };
    }
    Some(total)
}

fn calc_product(input: &mut Parser<'_, '_>, depth: usize) -> Option<Calc> {
    let mut value = calc_value(input, depth)?;
    loop {
        let state = input.state();
        match input.next() {
            Ok(Token::Delim('*')) => {
                let other = calc_value(input, depth)?;
                value = match (value.length, other.length) {
                    (false, _) => other.scaled(value.number),
                    (true, false) => value.scaled(other.number),
                    (true, true) => return None,
                };
            }
            Ok(Token::Delim('/')) => {
                let other = calc_value(input, depth)?;
                if other.length || other.number == 0.0 {
                    return None;
                }
                value = value.scaled(1.0 / other.number);
            }
            _ => {
                input.reset(&state);
                return Some(value);
            }
        }
    }
}

fn calc_value(input: &mut Parser<'_, '_>, depth: usize) -> Option<Calc> {
    let token = input.next().ok()?.clone();
    let nested = |input: &mut Parser<'_, '_>| {
        if depth >= MAX_CALC_DEPTH {
            return None;
        }
        nested_sum(input, depth + 1)
    };
    match token {
        Token::Number { value, .. } => Some(Calc { number: value, ..Calc::default() }),
        Token::ParenthesisBlock => nested(input),
        Token::Function(ref name) if name.eq_ignore_ascii_case("calc") => nested(input),
        ref other => {
            let length = Calc { length: true, ..Calc::default() };
            match length_of(other)? {
                Length::Px(v) => Some(Calc { px: v, ..length }),
                Length::Em(v) => Some(Calc { em: v, ..length }),
                Length::Rem(v) => Some(Calc { px: v * ROOT_FONT_PX, ..length }),
                Length::Percent(v) => Some(Calc { percent: v, ..length }),
                Length::Scale(_) | Length::Auto => None,
            }
        }
    }
}

pub(super) fn length_of(token: &Token<'_>) -> Option<Length> {
    let length = match *token {
        Token::Dimension { value, ref unit, .. } => {
            let unit = unit.to_ascii_lowercase();
            match unit.as_str() {
                "px" => Length::Px(value),
                // CSS Values 4 §6.2: absolute units at 96 px per inch.
                "pt" => Length::Px(value * 4.0 / 3.0),
                "pc" => Length::Px(value * 16.0),
                "in" => Length::Px(value * 96.0),
                "cm" => Length::Px(value * 96.0 / 2.54),
                "mm" => Length::Px(value * 96.0 / 25.4),
                "q" => Length::Px(value * 96.0 / 101.6),
                "em" => Length::Em(value),
                "rem" => Length::Rem(value),
                "ex" | "ch" => Length::Em(value * 0.5),
                // Of the width the default view assumes (`media::DEFAULT_VIEWPORT_PX`,
                // a desktop reading pane); no height is assumed.
                "vw" => Length::Px(value * super::media::DEFAULT_VIEWPORT_PX / 100.0),
                "vh" | "vmin" | "vmax" if value == 0.0 => Length::Px(0.0),
                _ => return None,
            }
        }
        Token::Percentage { unit_value, .. } => Length::Percent(unit_value),
        Token::Number { value, .. } if value == 0.0 => Length::Px(0.0),
        Token::Ident(ref id) if id.eq_ignore_ascii_case("auto") || id.eq_ignore_ascii_case("none") => Length::Auto,
        _ => return None,
    };
    Some(length)
}

/// CSS Fonts 4 §2.5 absolute-size keywords (the table of the "medium" = 16 px scale).
fn font_keyword(id: &str) -> Option<Length> {
    Some(match id {
        "xx-small" => Length::Px(9.0),
        "x-small" => Length::Px(10.0),
        "small" => Length::Px(13.0),
        "medium" => Length::Px(16.0),
        "large" => Length::Px(18.0),
        "x-large" => Length::Px(24.0),
        "xx-large" => Length::Px(32.0),
        "xxx-large" => Length::Px(48.0),
        "larger" => Length::Scale(1.2),
        "smaller" => Length::Scale(1.0 / 1.2),
        _ => return None,
    })
}

fn parse_font_size(input: &mut Parser<'_, '_>) -> Option<Length> {
    let token = input.next().ok()?.clone();
    let size = match token {
        Token::Ident(ref id) => font_keyword(&id.to_ascii_lowercase())?,
        Token::Function(ref name) if name.eq_ignore_ascii_case("calc") => parse_calc(input)?,
        ref other => length_of(other).filter(|l| *l != Length::Auto)?,
    };
    input.is_exhausted().then_some(size)
}

/// `font: [style] [weight] size[/line-height] family`: the first size token.
fn parse_font_shorthand(input: &mut Parser<'_, '_>) -> Option<Length> {
    for _ in 0..MAX_VALUE_TOKENS {
        let token = input.next().ok()?.clone();
        let size = match token {
            Token::Ident(ref id) => font_keyword(&id.to_ascii_lowercase()),
            // `font: 0/0 a`, the image-replacement hack: a bare 0 is a size (a
            // weight is 1–1000, CSS Fonts 4 §2.2).
            Token::Dimension { .. } | Token::Percentage { .. } | Token::Number { value: 0.0, .. } => length_of(&token),
            Token::Function(ref name) if name.eq_ignore_ascii_case("calc") => parse_calc(input),
            _ => None,
        };
        if size.is_some() {
            while input.next().is_ok() {}
            return size;
        }
    }
    None
}

/// `clip: rect(top, right, bottom, left)` leaving at most one pixel (CSS 2.1 §11.1.2).
fn parse_clip_rect(input: &mut Parser<'_, '_>) -> Option<bool> {
    let token = input.next().ok()?.clone();
    match token {
        Token::Ident(ref id) if id.eq_ignore_ascii_case("auto") => Some(false),
        Token::Function(ref name) if name.eq_ignore_ascii_case("rect") => input
            .parse_nested_block(|args| {
                let mut edges = Vec::new();
                while let Ok(token) = args.next() {
                    if *token == Token::Comma {
                        continue;
                    }
                    let length = length_of(token);
                    edges.push(length);
                    if edges.len() > 4 {
                        break;
                    }
                }
                let px = |i: usize, auto: f32| match edges.get(i).copied().flatten() {
                    Some(Length::Auto) => Some(auto),
                    Some(l) => l.px(ROOT_FONT_PX, false),
                    None => None,
                };
                let clipped = (|| {
                    let (top, right, bottom, left) = (px(0, 0.0)?, px(1, 1.0e9)?, px(2, 1.0e9)?, px(3, 0.0)?);
                    Some(bottom - top <= 1.0 || right - left <= 1.0)
                })();
                Ok::<_, ParseError<'_, ()>>(clipped.filter(|_| edges.len() == 4))
            })
            .ok()?,
        _ => None,
    }
}

/// `clip-path: inset(50%)`, `circle(0)` and the like, which leave nothing visible.
fn parse_clip_path(input: &mut Parser<'_, '_>) -> Option<bool> {
    let token = input.next().ok()?.clone();
    match token {
        Token::Ident(ref id) if id.eq_ignore_ascii_case("none") => Some(false),
        Token::Function(ref name) => {
            let name = name.to_ascii_lowercase();
            input
                .parse_nested_block(|args| {
                    let mut lengths = Vec::new();
                    while let Ok(token) = args.next() {
                        if let Token::Ident(_) = token {
                            break; // `round …`, `at …`: the shape is read from the sizes before
                        }
                        lengths.push(length_of(token));
                        if lengths.len() > 4 {
                            break;
                        }
                    }
                    let fraction = |l: Option<Length>| match l {
                        Some(Length::Percent(p)) => Some(p),
                        Some(Length::Px(v)) if v == 0.0 => Some(0.0),
                        _ => None,
                    };
                    let hides = match name.as_str() {
                        // inset(t r b l), CSS box shorthand order.
                        "inset" if !lengths.is_empty() => {
                            let at = |i: usize| fraction(lengths.get(i).copied().flatten());
                            let (t, r) = (at(0), at(1).or(at(0)));
                            let (b, l) = (at(2).or(at(0)), at(3).or(at(1)).or(at(0)));
                            matches!((t, b), (Some(t), Some(b)) if t + b >= 1.0)
                                || matches!((l, r), (Some(l), Some(r)) if l + r >= 1.0)
                        }
                        "circle" | "ellipse" => {
                            !lengths.is_empty()
                                && lengths.iter().all(|l| matches!(l, Some(Length::Px(v)) if *v <= 0.0)
                                    || matches!(l, Some(Length::Percent(p)) if *p <= 0.0))
                        }
                        _ => false,
                    };
                    Ok::<_, ParseError<'_, ()>>(Some(hides))
                })
                .ok()?
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decls(text: &str) -> Vec<(Property, Value, bool)> {
        let mut budget = Budget::unlimited();
        parse_style_attribute(text, &mut budget).into_iter().map(|d| (d.property, d.value, d.important)).collect()
    }

    #[test]
    fn comments_escapes_and_important_are_read_as_a_browser_does() {
        let white = Value::Color(ColorValue::Rgba(super::super::color::Rgba::WHITE));
        assert_eq!(decls("color:#000;/**/color:#fff").last().map(|d| d.1), Some(white));
        assert_eq!(decls(r"c\olor:#fff"), vec![(Property::Color, white, false)]);
        assert_eq!(decls("color: #fff !important"), vec![(Property::Color, white, true)]);
        assert_eq!(decls("color: #fff ! IMPORTANT"), vec![(Property::Color, white, true)]);
    }

    #[test]
    fn malformed_declarations_are_skipped() {
        assert_eq!(decls("color:;;:red:; display: none; color: rgb(1,2 ; display: block").len(), 1);
        assert_eq!(decls("color: #fff #000"), vec![]);
    }

    #[test]
    fn font_sizes_read_units_keywords_and_shorthands() {
        assert_eq!(decls("font-size: 12pt")[0].1, Value::FontSize(Length::Px(16.0)));
        assert_eq!(decls("font-size: 2em")[0].1, Value::FontSize(Length::Em(2.0)));
        assert_eq!(decls("font-size: x-large")[0].1, Value::FontSize(Length::Px(24.0)));
        assert_eq!(decls("font: bold 12px/1.5 Arial")[0].1, Value::FontSize(Length::Px(12.0)));
        assert_eq!(decls("font-size: 150%")[0].1, Value::FontSize(Length::Percent(1.5)));
    }

    #[test]
    fn clipping_values_that_leave_nothing_visible_are_recognised() {
        assert_eq!(decls("clip: rect(0 0 0 0)")[0].1, Value::Clipped(true));
        assert_eq!(decls("clip: rect(1px, 1px, 1px, 1px)")[0].1, Value::Clipped(true));
        assert_eq!(decls("clip: rect(0, 300px, 200px, 0)")[0].1, Value::Clipped(false));
        assert_eq!(decls("clip-path: inset(50%)")[0].1, Value::Clipped(true));
        assert_eq!(decls("clip-path: circle(0)")[0].1, Value::Clipped(true));
        assert_eq!(decls("clip-path: inset(10px)")[0].1, Value::Clipped(false));
    }

    #[test]
    fn calc_vw_and_the_zero_font_shorthand_are_sizes() {
        assert_eq!(decls("font-size: calc(60px + 10px)")[0].1, Value::FontSize(Length::Px(70.0)));
        assert_eq!(decls("font-size: calc(2 * (1em + 0.5em))")[0].1, Value::FontSize(Length::Em(3.0)));
        assert_eq!(decls("font-size: calc(1rem * 4)")[0].1, Value::FontSize(Length::Px(64.0)));
        assert_eq!(decls("height: calc(100px - 100px)")[0].1, Value::Length(Length::Px(0.0)));
        assert_eq!(decls("font-size: calc(1em + 10px)"), vec![]);
        assert_eq!(decls("font-size: calc(10px / 0)"), vec![]);
        assert_eq!(decls("font-size: 12vw")[0].1, Value::FontSize(Length::Px(12.0 * 1024.0 / 100.0)));
        assert_eq!(decls("font: 0/0 a")[0].1, Value::FontSize(Length::Px(0.0)));
        assert_eq!(decls("font: bold 700 12px Arial")[0].1, Value::FontSize(Length::Px(12.0)));
        let deep = format!("font-size: calc({}1px{})", "(".repeat(40), ")".repeat(40));
        assert_eq!(decls(&deep), vec![]);
    }

    #[test]
    fn custom_properties_and_var_are_kept_for_the_cascade() {
        assert_eq!(decls("--c: #fff")[0].1, Value::Custom { name: custom_name("--c") });
        assert_eq!(decls("color: var(--c)")[0].1, Value::Var);
        let mut vars = |name| (name == custom_name("--c")).then(|| "#fff".to_string());
        assert_eq!(substitute_vars("var(--c)", &mut vars, 0).as_deref(), Some("#fff"));
        assert_eq!(substitute_vars("var(--x, var(--c))", &mut vars, 0).as_deref(), Some("#fff"));
        assert_eq!(substitute_vars("var(--x)", &mut vars, 0), None);
        // A custom property naming itself stops at the depth bound.
        let mut cycle = |_| Some("var(--a)".to_string());
        assert_eq!(substitute_vars("var(--a)", &mut cycle, 0), None);
        let mut long = |_| Some("x".repeat(200));
        assert_eq!(substitute_vars("var(--a) var(--a)", &mut long, 0), None);
    }

    #[test]
    fn a_gradient_of_one_colour_paints_that_colour() {
        assert!(matches!(decls("background: linear-gradient(#123456, #123456)")[0].1, Value::Background { image: false, color: Some(_) }));
        assert!(matches!(decls("background: linear-gradient(to right, #123456 0%, #123456 100%)")[0].1, Value::Background { image: false, color: Some(_) }));
        assert!(matches!(decls("background: linear-gradient(#123456, #123457)")[0].1, Value::Background { image: true, .. }));
    }

    #[test]
    fn backgrounds_with_images_or_gradients_are_unknown() {
        assert!(matches!(decls("background: url(x.png) #fff")[0].1, Value::Background { image: true, color: Some(_) }));
        assert!(matches!(decls("background: linear-gradient(#fff, #000)")[0].1, Value::Background { image: true, .. }));
        assert!(matches!(decls("background: red AAAA")[0].1, Value::Background { image: false, color: Some(_) }));
    }
}
