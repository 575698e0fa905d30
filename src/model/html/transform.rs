//! The values that shrink, move or fade a box as it is drawn, read with
//! cssparser: `transform` (CSS Transforms 1), the `scale` and `translate`
//! properties (CSS Transforms 2), `zoom` (CSS Viewport 1) and `filter:
//! opacity()` (Filter Effects 1). Each hides text in Apple Mail, iOS Mail and
//! the other WebKit and Blink clients; the cascade judges them against the
//! limits it already has (`cascade::TINY_FONT_PX`, `cascade::OFFSCREEN_PX`,
//! `cascade::INVISIBLE_OPACITY`).

use super::values::{length_of, Length, ROOT_FONT_PX};
use cssparser::{ParseError, Parser, Token};

/// Most functions read in one `transform` or `filter` list; a longer one is
/// not read. *(default, ours)*: real ones chain two or three.
const MAX_FUNCTIONS: usize = 16;

/// A 2D affine map, as CSS writes it (`matrix(a, b, c, d, e, f)`): a point
/// (x, y) goes to (a·x + c·y + e, b·x + d·y + f); `e` and `f` in px.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Affine {
    pub a: f32,
    pub b: f32,
    pub c: f32,
    pub d: f32,
    pub e: f32,
    pub f: f32,
}

impl Affine {
    pub const IDENTITY: Affine = Affine { a: 1.0, b: 0.0, c: 0.0, d: 1.0, e: 0.0, f: 0.0 };

    fn scale(sx: f32, sy: f32) -> Affine {
        Affine { a: sx, d: sy, ..Affine::IDENTITY }
    }

    fn translate(x: f32, y: f32) -> Affine {
        Affine { e: x, f: y, ..Affine::IDENTITY }
    }

    /// `self` applied after `then` (CSS applies a list's functions right to left:
    /// the matrix of `f g` is F·G).
    pub fn then(self, inner: Affine) -> Affine {
        Affine {
            a: self.a * inner.a + self.c * inner.b,
            b: self.b * inner.a + self.d * inner.b,
            c: self.a * inner.c + self.c * inner.d,
            d: self.b * inner.c + self.d * inner.d,
            e: self.a * inner.e + self.c * inner.f + self.e,
            f: self.b * inner.e + self.d * inner.f + self.f,
        }
    }

    /// How much the map shrinks the box along its most squeezed direction (its
    /// smallest singular value): 0 when it flattens the box to a line or a
    /// point, as `scale(0)`, `scaleY(0)` or `matrix(0, 0, 0, 0, 0, 0)` do.
    pub fn smallest_scale(self) -> f32 {
        let sum = self.a * self.a + self.b * self.b + self.c * self.c + self.d * self.d;
        let det = self.a * self.d - self.b * self.c;
        let root = (sum * sum - 4.0 * det * det).max(0.0).sqrt();
        let value = ((sum - root) / 2.0).max(0.0).sqrt();
        if value.is_finite() {
            value
        } else {
            1.0
        }
    }
}

/// A number or percentage (`0.5`, `50%`).
fn factor(token: &Token<'_>) -> Option<f32> {
    match *token {
        Token::Number { value, .. } => Some(value),
        Token::Percentage { unit_value, .. } => Some(unit_value),
        _ => None,
    }
}

/// A translation in px; a percentage of the box's own size is unknown here, so 0.
fn offset(token: &Token<'_>) -> Option<f32> {
    match length_of(token)? {
        // `em` against the root size: the off-screen limit is hundreds of px.
        Length::Percent(_) | Length::Auto | Length::Scale(_) => Some(0.0),
        length => length.px(ROOT_FONT_PX, false),
    }
}

/// The arguments of a function (commas skipped), at most `max` of them.
fn arguments<'i>(input: &mut Parser<'i, '_>, max: usize) -> Vec<Token<'i>> {
    input
        .parse_nested_block(|args| {
            let mut out = Vec::new();
            while let Ok(token) = args.next() {
                if *token == Token::Comma {
                    continue;
                }
                out.push(token.clone());
                if out.len() >= max {
                    break;
                }
            }
            Ok::<_, ParseError<'_, ()>>(out)
        })
        .unwrap_or_default()
}

/// `transform`: `none`, or a list of functions; rotations, skews and
/// perspective neither shrink nor move the box far and count as identity.
/// `None` when the value is not one a browser takes.
pub fn parse_transform(input: &mut Parser<'_, '_>) -> Option<Affine> {
    if input.try_parse(|i| i.expect_ident_matching("none")).is_ok() {
        return Some(Affine::IDENTITY);
    }
    let mut map = Affine::IDENTITY;
    for _ in 0..MAX_FUNCTIONS {
        if input.is_exhausted() {
            break;
        }
        let name = match input.next().ok()? {
            Token::Function(name) => name.to_ascii_lowercase(),
            _ => return None,
        };
        let args = arguments(input, 16);
        let num = |i: usize| args.get(i).and_then(factor);
        let px = |i: usize| args.get(i).and_then(offset);
        let step = match name.as_str() {
            "matrix" => Affine { a: num(0)?, b: num(1)?, c: num(2)?, d: num(3)?, e: num(4)?, f: num(5)? },
            // matrix3d is column-major: its 2D part is m11 m12 m21 m22 m41 m42.
            "matrix3d" => Affine { a: num(0)?, b: num(1)?, c: num(4)?, d: num(5)?, e: num(12)?, f: num(13)? },
            "scale" => Affine::scale(num(0)?, num(1).or(num(0))?),
            "scale3d" => Affine::scale(num(0)?, num(1)?),
            "scalex" => Affine::scale(num(0)?, 1.0),
            "scaley" => Affine::scale(1.0, num(0)?),
            "translate" => Affine::translate(px(0)?, px(1).unwrap_or(0.0)),
            "translate3d" => Affine::translate(px(0)?, px(1)?),
            "translatex" => Affine::translate(px(0)?, 0.0),
            "translatey" => Affine::translate(0.0, px(0)?),
            _ => Affine::IDENTITY,
        };
        map = map.then(step);
    }
    input.is_exhausted().then_some(map)
}

/// The `scale` property: `none`, or one to three factors (one scales both axes).
pub fn parse_scale(input: &mut Parser<'_, '_>) -> Option<Affine> {
    if input.try_parse(|i| i.expect_ident_matching("none")).is_ok() {
        return Some(Affine::IDENTITY);
    }
    let sx = factor(input.next().ok()?)?;
    let sy = match input.next() {
        Ok(token) => factor(token)?,
        Err(_) => sx,
    };
    Some(Affine::scale(sx, sy))
}

/// The `translate` property: `none`, or x, y and z offsets.
pub fn parse_translate(input: &mut Parser<'_, '_>) -> Option<Affine> {
    if input.try_parse(|i| i.expect_ident_matching("none")).is_ok() {
        return Some(Affine::IDENTITY);
    }
    let x = offset(input.next().ok()?)?;
    let y = match input.next() {
        Ok(token) => offset(token)?,
        Err(_) => 0.0,
    };
    Some(Affine::translate(x, y))
}

/// `zoom`: a factor, `normal` or `reset` (1). WebKit and Blink ignore a zero
/// zoom (`StyleBuilderCustom`: "if (float number = …)"), so 0 counts as 1.
pub fn parse_zoom(input: &mut Parser<'_, '_>) -> Option<f32> {
    let zoom = match input.next().ok()? {
        Token::Ident(id) if id.eq_ignore_ascii_case("normal") || id.eq_ignore_ascii_case("reset") => 1.0,
        token => factor(token).filter(|z| *z >= 0.0)?,
    };
    Some(if zoom == 0.0 { 1.0 } else { zoom })
}

/// `filter`: the product of its `opacity()` functions (1 when none; other
/// filters do not fade the text).
pub fn parse_filter_opacity(input: &mut Parser<'_, '_>) -> Option<f32> {
    if input.try_parse(|i| i.expect_ident_matching("none")).is_ok() {
        return Some(1.0);
    }
    let mut opacity = 1.0;
    for _ in 0..MAX_FUNCTIONS {
        if input.is_exhausted() {
            break;
        }
        match input.next().ok()? {
            Token::Function(name) if name.eq_ignore_ascii_case("opacity") => {
                let args = arguments(input, 1);
                opacity *= args.first().map_or(Some(1.0), factor)?.clamp(0.0, 1.0);
            }
            Token::Function(_) => {
                arguments(input, 0);
            }
            Token::UnquotedUrl(_) => {}
            _ => return None,
        }
    }
    input.is_exhausted().then_some(opacity)
}

#[cfg(test)]
mod tests {
    use super::*;
    use cssparser::ParserInput;

    fn read<T>(css: &str, parse: fn(&mut Parser<'_, '_>) -> Option<T>) -> Option<T> {
        let mut input = ParserInput::new(css);
        parse(&mut Parser::new(&mut input))
    }

    fn shrink(css: &str) -> f32 {
        read(css, parse_transform).map_or(f32::NAN, Affine::smallest_scale)
    }

    #[test]
    fn an_element_without_transforms_keeps_its_scale() {
        // The cascade skips the factors of an element with no transform, scale,
        // translate or zoom: each would be exactly 1, which neither shrinks nor enlarges.
        let identity = Affine::IDENTITY.then(Affine::IDENTITY).then(Affine::IDENTITY);
        assert_eq!(identity.smallest_scale(), 1.0);
        assert_eq!(Affine::IDENTITY.smallest_scale(), 1.0);
    }

    #[test]
    fn scaling_to_nothing_on_either_axis_is_a_zero_scale() {
        for css in ["scale(0)", "scale(0, 0)", "scale(1, 0)", "scaleX(0)", "scaleY(0)", "scale3d(0, 0, 1)", "matrix(0, 0, 0, 0, 0, 0)", "matrix(1, 0, 2, 0, 0, 0)", "rotate(45deg) scale(0%)"] {
            assert!(shrink(css) < 1e-6, "{css}");
        }
        assert!((shrink("scale(0.5)") - 0.5).abs() < 1e-6);
        assert!((shrink("rotate(30deg) scale(2)") - 2.0).abs() < 1e-6);
        assert!((shrink("none") - 1.0).abs() < 1e-6);
    }

    #[test]
    fn translations_compose_with_the_scale_before_them() {
        assert_eq!(read("translateX(-9999px)", parse_transform).map(|m| m.e), Some(-9999.0));
        assert_eq!(read("translate(-9999px, 10px)", parse_transform).map(|m| (m.e, m.f)), Some((-9999.0, 10.0)));
        assert_eq!(read("scale(2) translateX(-300px)", parse_transform).map(|m| m.e), Some(-600.0));
        assert_eq!(read("translateX(-100%)", parse_transform).map(|m| m.e), Some(0.0), "a percentage of an unknown size");
        assert_eq!(read("-9999px 0", parse_translate).map(|m| m.e), Some(-9999.0));
    }

    #[test]
    fn scale_zoom_and_filter_values_are_read() {
        assert_eq!(read("0", parse_scale).map(Affine::smallest_scale), Some(0.0));
        assert_eq!(read("1 0", parse_scale).map(Affine::smallest_scale), Some(0.0));
        assert_eq!(read("0.01", parse_zoom), Some(0.01));
        assert_eq!(read("1%", parse_zoom), Some(0.01));
        assert_eq!(read("0", parse_zoom), Some(1.0), "WebKit ignores a zero zoom");
        assert_eq!(read("normal", parse_zoom), Some(1.0));
        assert_eq!(read("opacity(0)", parse_filter_opacity), Some(0.0));
        assert_eq!(read("blur(2px) opacity(50%) opacity(0.5)", parse_filter_opacity), Some(0.25));
        assert_eq!(read("drop-shadow(0 0 2px #000)", parse_filter_opacity), Some(1.0));
    }
}
