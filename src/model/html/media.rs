//! The views the analysis considers, and `@media` queries read against them.
//!
//! A reader sees the message in one of several views, and text is hidden only
//! when it is hidden in every one of them: responsive mail hides on desktop what
//! phones show and the other way round, WebKit-only ("kinetic") mail shows in
//! Apple Mail what other clients never draw, and interactive mail (MJML's
//! accordion, hover cards) shows a block once the reader clicks or points at it.
//! A view is three choices, so there are `VIEW_COUNT` of them, numbered by their
//! bits; view 0 is the default one the facts describe (visible text, colours):
//! - `PHONE`: the screen is `SMALL_VIEWPORT_PX` wide (portrait) instead of
//!   `DEFAULT_VIEWPORT_PX` (landscape);
//! - `CLIENT_FEATURES`: the media features some clients know and the analysis
//!   does not evaluate (`KNOWN_MEDIA_FEATURES`: pixel ratio, hover, reduced
//!   motion…) match; in view 0 they do not;
//! - `INTERACTIVE`: the rules that depend on the reader's action (`:checked`,
//!   `:hover`, `:focus`, `:target`…) apply, that state taken as reached.
//!
//! Views whose rules are the same are computed once (`sheet::StyleSheet::views`):
//! a message whose style sheet has no such rule has the default view only.

use cssparser::{ParseError, Parser, Token};

/// A view's bit: a phone's width.
pub const PHONE: u8 = 1;
/// A view's bit: client-specific media features match.
pub const CLIENT_FEATURES: u8 = 2;
/// A view's bit: interactive states are reached.
pub const INTERACTIVE: u8 = 4;
/// Number of views (every combination of the three bits).
pub const VIEW_COUNT: usize = 8;
/// Index of a view: its bits.
pub type ViewId = u8;
/// A set of views, bit `v` for view `v`.
pub type Views = u8;
/// Every view.
pub const ALL_VIEWS: Views = 0xff;
/// The views with the `INTERACTIVE` bit (4–7).
pub const INTERACTIVE_VIEWS: Views = 0xf0;

/// The width of the default view, for `@media (max-width…)`. *(default, ours)*:
/// a desktop mail client's reading pane.
pub const DEFAULT_VIEWPORT_PX: f32 = 1024.0;
/// The width of a phone's mail app. *(default, ours)*: 320–480 px phones;
/// templates break at 480–640 px.
pub const SMALL_VIEWPORT_PX: f32 = 400.0;

/// Media features that some mail client evaluates and the analysis does not:
/// a query with one of them may be true in some client (`CLIENT_FEATURES`
/// views). Media Queries 4 and 5 (§4–§12) and the prefixed features WebKit and
/// Gecko ship (`-webkit-min-device-pixel-ratio:0` is the usual WebKit test of
/// kinetic mail). A name no client knows is false everywhere (Media Queries 4
/// §3.2: an unknown feature is "unknown", which does not match), else any
/// invented name would make hidden text "shown in some client".
pub const KNOWN_MEDIA_FEATURES: &[&str] = &[
    "aspect-ratio",
    "device-aspect-ratio",
    "height",
    "device-height",
    "resolution",
    "scan",
    "grid",
    "update",
    "overflow-block",
    "overflow-inline",
    "color",
    "color-gamut",
    "color-index",
    "monochrome",
    "display-mode",
    "dynamic-range",
    "video-dynamic-range",
    "inverted-colors",
    "pointer",
    "any-pointer",
    "hover",
    "any-hover",
    "prefers-reduced-motion",
    "prefers-reduced-transparency",
    "prefers-reduced-data",
    "prefers-contrast",
    "forced-colors",
    "scripting",
    "-webkit-device-pixel-ratio",
    "-webkit-transform-3d",
    "-moz-device-pixel-ratio",
    "-ms-high-contrast",
];

/// Features the analysis evaluates (`feature_in`).
const EVALUATED_MEDIA_FEATURES: &[&str] = &["width", "device-width", "prefers-color-scheme", "orientation"];

/// What a media query says of a view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Yes,
    No,
    /// It depends on a feature the analysis does not evaluate.
    Maybe,
}

impl Verdict {
    fn and(self, other: Verdict) -> Verdict {
        match (self, other) {
            (Verdict::No, _) | (_, Verdict::No) => Verdict::No,
            (Verdict::Yes, Verdict::Yes) => Verdict::Yes,
            _ => Verdict::Maybe,
        }
    }

    fn or(self, other: Verdict) -> Verdict {
        match (self, other) {
            (Verdict::Yes, _) | (_, Verdict::Yes) => Verdict::Yes,
            (Verdict::No, Verdict::No) => Verdict::No,
            _ => Verdict::Maybe,
        }
    }

    fn not(self) -> Verdict {
        match self {
            Verdict::Yes => Verdict::No,
            Verdict::No => Verdict::Yes,
            Verdict::Maybe => Verdict::Maybe,
        }
    }
}

/// The screen a view is read on.
#[derive(Clone, Copy)]
struct Screen {
    width: f32,
    portrait: bool,
}

impl Screen {
    fn of(view: ViewId) -> Screen {
        if view & PHONE != 0 {
            Screen { width: SMALL_VIEWPORT_PX, portrait: true }
        } else {
            Screen { width: DEFAULT_VIEWPORT_PX, portrait: false }
        }
    }
}

/// The views (`VIEW_COUNT` bits) in which the media query list being parsed
/// applies: the interactive bit does not change what a query says.
pub fn media_views(input: &mut Parser<'_, '_>) -> Views {
    let start = input.state();
    let mut views = 0;
    for phone in [false, true] {
        input.reset(&start);
        let screen = Screen::of(if phone { PHONE } else { 0 });
        let verdict = input
            .parse_comma_separated(|query| Ok::<_, ParseError<'_, ()>>(query_in(query, screen)))
            .map(|results| results.into_iter().fold(Verdict::No, Verdict::or))
            .unwrap_or(Verdict::No);
        for view in 0..VIEW_COUNT as ViewId {
            if (view & PHONE != 0) != phone {
                continue;
            }
            let applies = match verdict {
                Verdict::Yes => true,
                Verdict::No => false,
                Verdict::Maybe => view & CLIENT_FEATURES != 0,
            };
            if applies {
                views |= 1 << view;
            }
        }
    }
    views
}

/// One query of a list (Media Queries 4 §3): `only` ignored, `not` negates,
/// `and` joins.
fn query_in(query: &mut Parser<'_, '_>, screen: Screen) -> Verdict {
    let mut negated = false;
    let mut result = Verdict::Yes;
    while let Ok(token) = query.next() {
        match token.clone() {
            Token::Ident(id) => match id.to_ascii_lowercase().as_str() {
                "not" => negated = true,
                "only" | "and" => {}
                "screen" | "all" => {}
                _ => result = Verdict::No, // print, speech, or an unknown type
            },
            Token::ParenthesisBlock => {
                let feature =
                    query.parse_nested_block(|f| Ok::<_, ParseError<'_, ()>>(feature_in(f, screen))).unwrap_or(Verdict::No);
                result = result.and(feature);
            }
            _ => result = Verdict::No,
        }
    }
    if negated {
        result.not()
    } else {
        result
    }
}

/// A feature's name without its range prefix, wherever the vendor puts it:
/// `max-width` → `width`, `-webkit-min-device-pixel-ratio` and
/// `min--moz-device-pixel-ratio` → `-webkit-device-pixel-ratio`, `-moz-device-pixel-ratio`.
fn bare_feature(name: &str) -> String {
    let range = |n: &str| n.strip_prefix("min-").or_else(|| n.strip_prefix("max-")).map(str::to_string);
    if let Some(rest) = range(name) {
        return rest;
    }
    for vendor in ["-webkit-", "-moz-", "-ms-", "-o-"] {
        if let Some(rest) = name.strip_prefix(vendor).and_then(range) {
            return format!("{vendor}{rest}");
        }
    }
    name.to_string()
}

/// One `(feature: value)`, `(feature)` or `(feature < value)` on `screen`,
/// read whole (a nested block must be: `Parser::parse_nested_block`).
fn feature_in(input: &mut Parser<'_, '_>, screen: Screen) -> Verdict {
    let verdict = feature_verdict(input, screen);
    while input.next().is_ok() {}
    verdict
}

fn feature_verdict(input: &mut Parser<'_, '_>, screen: Screen) -> Verdict {
    let Ok(name) = input.expect_ident_cloned() else { return Verdict::No };
    let name = name.to_ascii_lowercase();
    let bare = bare_feature(&name);
    let bare = bare.as_str();
    if !EVALUATED_MEDIA_FEATURES.contains(&bare) {
        return if KNOWN_MEDIA_FEATURES.contains(&bare) { Verdict::Maybe } else { Verdict::No };
    }
    let Ok(token) = input.next().cloned() else {
        return Verdict::Yes; // `(width)`: any width is not zero
    };
    let (op, value) = match token {
        Token::Colon => (None, input.next().ok().cloned()),
        Token::Delim(c @ ('<' | '>' | '=')) => {
            let or_equal = input.try_parse(|i| i.expect_delim('=')).is_ok();
            (Some((c, or_equal)), input.next().ok().cloned())
        }
        _ => return Verdict::No,
    };
    let px = match value {
        Some(Token::Dimension { value, ref unit, .. }) => match unit.to_ascii_lowercase().as_str() {
            "px" => Some(value),
            "em" | "rem" => Some(value * 16.0),
            _ => None,
        },
        Some(Token::Number { value: 0.0, .. }) => Some(0.0),
        _ => None,
    };
    let ident = match value {
        Some(Token::Ident(ref id)) => id.to_ascii_lowercase(),
        _ => String::new(),
    };
    let yes = |b: bool| if b { Verdict::Yes } else { Verdict::No };
    match (bare, px, op) {
        ("width" | "device-width", Some(px), None) if name.starts_with("max-") => yes(screen.width <= px),
        ("width" | "device-width", Some(px), None) if name.starts_with("min-") => yes(screen.width >= px),
        ("width" | "device-width", Some(px), None) => yes(screen.width == px),
        ("width" | "device-width", Some(px), Some((op, or_equal))) => yes(match op {
            '<' => screen.width < px || (or_equal && screen.width == px),
            '>' => screen.width > px || (or_equal && screen.width == px),
            _ => screen.width == px,
        }),
        // Light mode: the colours the facts describe. *(ours)*
        ("prefers-color-scheme", _, None) => yes(ident == "light"),
        ("orientation", _, None) => yes(ident == if screen.portrait { "portrait" } else { "landscape" }),
        _ => Verdict::No,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use cssparser::ParserInput;

    fn views(query: &str) -> Views {
        let mut input = ParserInput::new(query);
        media_views(&mut Parser::new(&mut input))
    }

    const DESKTOP: Views = 1;
    const PHONE_VIEW: Views = 1 << PHONE;

    #[test]
    fn widths_choose_between_desktop_and_phone() {
        assert_eq!(views("screen"), ALL_VIEWS);
        assert_eq!(views("print"), 0);
        assert_eq!(views("only screen and (max-width: 600px)") & (DESKTOP | PHONE_VIEW), PHONE_VIEW);
        assert_eq!(views("only screen and (min-width: 600px)") & (DESKTOP | PHONE_VIEW), DESKTOP);
        assert_eq!(views("(width < 600px)") & (DESKTOP | PHONE_VIEW), PHONE_VIEW);
        assert_eq!(views("yahoo, only screen and (min-width: 0)"), ALL_VIEWS);
    }

    #[test]
    fn features_some_clients_know_may_match_in_those_clients_only() {
        let webkit = views("screen and (-webkit-min-device-pixel-ratio: 0)");
        assert_eq!(webkit & (DESKTOP | PHONE_VIEW), 0, "not in the default view");
        assert_ne!(webkit & (1 << CLIENT_FEATURES), 0);
        assert_ne!(views("(min--moz-device-pixel-ratio: 0)") & (1 << CLIENT_FEATURES), 0);
        assert_ne!(views("(hover: hover)") & (1 << CLIENT_FEATURES), 0);
        assert_eq!(views("(made-up-feature: 1)"), 0, "a name no client knows matches nowhere");
        assert_eq!(views("(prefers-color-scheme: dark)"), 0);
    }
}
