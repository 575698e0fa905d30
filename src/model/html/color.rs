//! Colours: every CSS Color 4 syntax read from cssparser tokens (hex 3/4/6/8,
//! named colours, `transparent`, `currentcolor`, `rgb[a]()`, `hsl[a]()`, `hwb()`,
//! `lab()`, `lch()`, `oklab()`, `oklch()`, `color()` in the predefined RGB and XYZ
//! spaces), converted to sRGB and clipped to its gamut (CSS Color 4 §13: a
//! reader's screen shows sRGB). Unknown functions (`color-mix()`, `var()`) are
//! `None`: the colour is unknown and nothing is judged on it.

use cssparser::{Parser, ParserInput, Token};

/// An sRGB colour with alpha (0–1).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rgba {
    pub r: u8,
    pub g: u8,
    pub b: u8,
    pub a: f32,
}

/// A channel's linear value, WCAG 2.x (the luminance's definition).
fn linear_channel(c: u8) -> f64 {
    let c = c as f64 / 255.0;
    if c <= 0.03928 {
        c / 12.92
    } else {
        ((c + 0.055) / 1.055).powf(2.4)
    }
}

impl Rgba {
    pub const WHITE: Rgba = Rgba { r: 255, g: 255, b: 255, a: 1.0 };
    pub const BLACK: Rgba = Rgba { r: 0, g: 0, b: 0, a: 1.0 };
    pub const TRANSPARENT: Rgba = Rgba { r: 0, g: 0, b: 0, a: 0.0 };
    /// Browsers' default link colour.
    pub const LINK_BLUE: Rgba = Rgba { r: 0, g: 0, b: 0xee, a: 1.0 };

    /// `self` drawn over the opaque colour `below`.
    pub fn over(self, below: Rgba) -> Rgba {
        self.mix(below, self.a)
    }

    /// `self` at `weight` (0–1) over `other`, opaque.
    pub fn mix(self, other: Rgba, weight: f32) -> Rgba {
        let w = if weight.is_finite() { weight.clamp(0.0, 1.0) } else { 1.0 };
        let mix = |top: u8, bottom: u8| (top as f32 * w + bottom as f32 * (1.0 - w)).round().clamp(0.0, 255.0) as u8;
        Rgba { r: mix(self.r, other.r), g: mix(self.g, other.g), b: mix(self.b, other.b), a: 1.0 }
    }

    /// WCAG 2.x relative luminance.
    pub fn luminance(self) -> f64 {
        // The 256 channel values, each computed once for the process (a `powf`
        // each, three a colour, were 1 % of a 10 MB newsletter's lint, #14).
        static LINEAR: std::sync::OnceLock<[f64; 256]> = std::sync::OnceLock::new();
        let linear = LINEAR.get_or_init(|| std::array::from_fn(|c| linear_channel(c as u8)));
        0.2126 * linear[usize::from(self.r)] + 0.7152 * linear[usize::from(self.g)] + 0.0722 * linear[usize::from(self.b)]
    }

    /// WCAG 2.x contrast ratio, 1 (identical) to 21 (black on white).
    pub fn contrast(self, other: Rgba) -> f64 {
        let (l1, l2) = (self.luminance(), other.luminance());
        let (hi, lo) = if l1 >= l2 { (l1, l2) } else { (l2, l1) };
        (hi + 0.05) / (lo + 0.05)
    }

    /// `#rrggbb`.
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.r, self.g, self.b)
    }

    fn from_srgb(r: f64, g: f64, b: f64, a: f64) -> Option<Rgba> {
        let channel = |c: f64| c.is_finite().then(|| (c * 255.0).round().clamp(0.0, 255.0) as u8);
        let a = if a.is_finite() { a.clamp(0.0, 1.0) as f32 } else { return None };
        Some(Rgba { r: channel(r)?, g: channel(g)?, b: channel(b)?, a })
    }

    fn from_linear(rgb: [f64; 3], a: f64) -> Option<Rgba> {
        let [r, g, b] = rgb.map(gamma_encode);
        Rgba::from_srgb(r, g, b, a)
    }
}

/// A parsed colour value: a colour, or `currentcolor` (resolved by the cascade).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ColorValue {
    Rgba(Rgba),
    Current,
}

impl ColorValue {
    pub fn resolve(self, current: Rgba) -> Rgba {
        match self {
            ColorValue::Rgba(c) => c,
            ColorValue::Current => current,
        }
    }
}

/// Most tokens read inside one colour function; more is not a colour.
const MAX_COLOR_ARGS: usize = 16;

/// Reads one colour from `input` (consuming one component value).
pub fn read_color(input: &mut Parser<'_, '_>) -> Option<ColorValue> {
    let token = input.next().ok()?.clone();
    match token {
        Token::Hash(ref v) | Token::IDHash(ref v) => {
            let (r, g, b, a) = cssparser::color::parse_hash_color(v.as_bytes()).ok()?;
            Some(ColorValue::Rgba(Rgba { r, g, b, a }))
        }
        Token::Ident(ref name) => {
            if name.eq_ignore_ascii_case("transparent") {
                Some(ColorValue::Rgba(Rgba::TRANSPARENT))
            } else if name.eq_ignore_ascii_case("currentcolor") {
                Some(ColorValue::Current)
            } else {
                let (r, g, b) = cssparser::color::parse_named_color(&name.to_ascii_lowercase()).ok()?;
                Some(ColorValue::Rgba(Rgba { r, g, b, a: 1.0 }))
            }
        }
        Token::Function(ref name) => {
            let name = name.to_ascii_lowercase();
            input.parse_nested_block(|args| Ok::<_, cssparser::ParseError<'_, ()>>(color_function(&name, args))).ok()?
        }
        _ => None,
    }
}

/// Reads a whole value as one colour (`color: …`), `None` when anything else is in it.
pub fn parse_color_value(input: &mut Parser<'_, '_>) -> Option<ColorValue> {
    let color = read_color(input)?;
    input.is_exhausted().then_some(color)
}

/// A CSS colour written as text; `currentcolor` is `current`.
pub fn parse_color(value: &str, current: Rgba) -> Option<Rgba> {
    let mut input = ParserInput::new(value.trim());
    parse_color_value(&mut Parser::new(&mut input)).map(|c| c.resolve(current))
}

/// An HTML attribute colour (`bgcolor`, `color`, `text`): a CSS colour, or hex
/// without `#` as the legacy parsing rules accept (HTML §2.3.6.4, simplified).
pub fn parse_legacy_color(value: &str) -> Option<Rgba> {
    let v = value.trim();
    let mut input = ParserInput::new(v);
    let parsed = parse_color_value(&mut Parser::new(&mut input));
    if let Some(ColorValue::Rgba(c)) = parsed {
        return Some(c);
    }
    if (v.len() == 6 || v.len() == 3) && v.bytes().all(|c| c.is_ascii_hexdigit()) {
        let (r, g, b, a) = cssparser::color::parse_hash_color(v.as_bytes()).ok()?;
        return Some(Rgba { r, g, b, a });
    }
    None
}

/// One argument of a colour function.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Arg {
    Number(f64),
    /// A percentage as a fraction (50% = 0.5).
    Percent(f64),
    /// An angle in degrees.
    Degrees(f64),
    /// The `none` keyword (CSS Color 4 §4.4: a missing component, zero here).
    None,
}

impl Arg {
    /// The value with a percentage scaled to `hundred` (the value 100% stands for).
    fn scaled(self, hundred: f64) -> Option<f64> {
        match self {
            Arg::Number(n) => Some(n),
            Arg::Percent(p) => Some(p * hundred),
            Arg::None => Some(0.0),
            Arg::Degrees(_) => None,
        }
    }
    fn hue(self) -> Option<f64> {
        match self {
            Arg::Number(n) | Arg::Degrees(n) => Some(n),
            Arg::None => Some(0.0),
            Arg::Percent(_) => None,
        }
    }
    fn alpha(self) -> Option<f64> {
        self.scaled(1.0)
    }
}

/// The three components and the alpha of a colour function; commas (legacy
/// syntax) and `/` (modern syntax) both separate the alpha.
fn read_args(input: &mut Parser<'_, '_>) -> Option<([Arg; 3], f64)> {
    let mut components: Vec<Arg> = Vec::new();
    let mut alpha: Option<Arg> = None;
    let mut after_slash = false;
    for _ in 0..MAX_COLOR_ARGS {
        let Ok(token) = input.next() else { break };
        let arg = match *token {
            Token::Number { value, .. } => Arg::Number(f64::from(value)),
            Token::Percentage { unit_value, .. } => Arg::Percent(f64::from(unit_value)),
            Token::Dimension { value, ref unit, .. } => Arg::Degrees(angle_degrees(f64::from(value), unit)?),
            Token::Ident(ref id) if id.eq_ignore_ascii_case("none") => Arg::None,
            Token::Comma => continue,
            Token::Delim('/') => {
                after_slash = true;
                continue;
            }
            _ => return None,
        };
        if after_slash {
            if alpha.is_some() {
                return None;
            }
            alpha = Some(arg);
        } else if components.len() < 3 {
            components.push(arg);
        } else if alpha.is_none() {
            alpha = Some(arg); // legacy `rgba(r, g, b, a)`
        } else {
            return None;
        }
    }
    if !input.is_exhausted() || components.len() != 3 {
        return None;
    }
    let alpha = match alpha {
        Some(a) => a.alpha()?,
        None => 1.0,
    };
    Some(([components[0], components[1], components[2]], alpha))
}

fn angle_degrees(value: f64, unit: &str) -> Option<f64> {
    let unit = unit.to_ascii_lowercase();
    Some(match unit.as_str() {
        "deg" => value,
        "rad" => value.to_degrees(),
        "grad" => value * 0.9,
        "turn" => value * 360.0,
        _ => return None,
    })
}

fn color_function(name: &str, input: &mut Parser<'_, '_>) -> Option<ColorValue> {
    if name == "color" {
        return predefined(input).map(ColorValue::Rgba);
    }
    let ([c1, c2, c3], alpha) = read_args(input)?;
    let rgba = match name {
        "rgb" | "rgba" => {
            let channel = |a: Arg| a.scaled(255.0).map(|v| v / 255.0);
            Rgba::from_srgb(channel(c1)?, channel(c2)?, channel(c3)?, alpha)?
        }
        "hsl" | "hsla" => {
            let (r, g, b) = hsl_to_srgb(c1.hue()?, c2.scaled(100.0)? / 100.0, c3.scaled(100.0)? / 100.0);
            Rgba::from_srgb(r, g, b, alpha)?
        }
        "hwb" => {
            let (r, g, b) = hwb_to_srgb(c1.hue()?, c2.scaled(100.0)? / 100.0, c3.scaled(100.0)? / 100.0);
            Rgba::from_srgb(r, g, b, alpha)?
        }
        // CSS Color 4 §8: lab L 0–100 (100% = 100), a/b ±125 at ±100%.
        "lab" => Rgba::from_linear(xyz_d50_to_linear_srgb(lab_to_xyz_d50(c1.scaled(100.0)?, c2.scaled(125.0)?, c3.scaled(125.0)?)), alpha)?,
        // lch C: 100% = 150.
        "lch" => {
            let (a, b) = polar(c2.scaled(150.0)?, c3.hue()?);
            Rgba::from_linear(xyz_d50_to_linear_srgb(lab_to_xyz_d50(c1.scaled(100.0)?, a, b)), alpha)?
        }
        // CSS Color 4 §9: oklab L 0–1 (100% = 1), a/b ±0.4 at ±100%.
        "oklab" => Rgba::from_linear(oklab_to_linear_srgb(c1.scaled(1.0)?, c2.scaled(0.4)?, c3.scaled(0.4)?), alpha)?,
        "oklch" => {
            let (a, b) = polar(c2.scaled(0.4)?, c3.hue()?);
            Rgba::from_linear(oklab_to_linear_srgb(c1.scaled(1.0)?, a, b), alpha)?
        }
        _ => return None,
    };
    Some(ColorValue::Rgba(rgba))
}

/// `color(space c1 c2 c3 [/ alpha])` (CSS Color 4 §10) for sRGB, linear sRGB,
/// Display P3 and XYZ; other spaces are unknown.
fn predefined(input: &mut Parser<'_, '_>) -> Option<Rgba> {
    let space = input.expect_ident().ok()?.to_ascii_lowercase();
    let ([c1, c2, c3], alpha) = read_args(input)?;
    let (x, y, z) = (c1.scaled(1.0)?, c2.scaled(1.0)?, c3.scaled(1.0)?);
    match space.as_str() {
        "srgb" => Rgba::from_srgb(x, y, z, alpha),
        "srgb-linear" => Rgba::from_linear([x, y, z], alpha),
        "display-p3" => {
            let linear = [x, y, z].map(gamma_decode);
            Rgba::from_linear(xyz_d65_to_linear_srgb(multiply(&P3_TO_XYZ_D65, linear)), alpha)
        }
        "xyz" | "xyz-d65" => Rgba::from_linear(xyz_d65_to_linear_srgb([x, y, z]), alpha),
        "xyz-d50" => Rgba::from_linear(xyz_d50_to_linear_srgb([x, y, z]), alpha),
        _ => None,
    }
}

fn polar(chroma: f64, hue: f64) -> (f64, f64) {
    let h = hue.to_radians();
    (chroma.max(0.0) * h.cos(), chroma.max(0.0) * h.sin())
}

/// CSS Color 4 §7.1 (`hslToRgb`).
fn hsl_to_srgb(hue: f64, sat: f64, light: f64) -> (f64, f64, f64) {
    let (sat, light) = (sat.clamp(0.0, 1.0), light.clamp(0.0, 1.0));
    let h = hue.rem_euclid(360.0);
    let f = |n: f64| {
        let k = (n + h / 30.0).rem_euclid(12.0);
        let a = sat * light.min(1.0 - light);
        light - a * (k - 3.0).min(9.0 - k).clamp(-1.0, 1.0)
    };
    (f(0.0), f(8.0), f(4.0))
}

/// CSS Color 4 §8.1 (`hwbToRgb`).
fn hwb_to_srgb(hue: f64, white: f64, black: f64) -> (f64, f64, f64) {
    let (white, black) = (white.clamp(0.0, 1.0), black.clamp(0.0, 1.0));
    if white + black >= 1.0 {
        let gray = white / (white + black);
        return (gray, gray, gray);
    }
    let (r, g, b) = hsl_to_srgb(hue, 1.0, 0.5);
    let scale = |c: f64| c * (1.0 - white - black) + white;
    (scale(r), scale(g), scale(b))
}

fn gamma_encode(c: f64) -> f64 {
    let sign = c.signum();
    let c = c.abs();
    sign * if c <= 0.0031308 { 12.92 * c } else { 1.055 * c.powf(1.0 / 2.4) - 0.055 }
}

fn gamma_decode(c: f64) -> f64 {
    let sign = c.signum();
    let c = c.abs();
    sign * if c <= 0.04045 { c / 12.92 } else { ((c + 0.055) / 1.055).powf(2.4) }
}

type Matrix = [[f64; 3]; 3];

fn multiply(m: &Matrix, v: [f64; 3]) -> [f64; 3] {
    [0, 1, 2].map(|row| m[row][0] * v[0] + m[row][1] * v[1] + m[row][2] * v[2])
}

// The matrices of CSS Color 4 §18 (sample code for colour conversions).
const D50_TO_D65: Matrix = [
    [0.955473421488075, -0.02309845494876471, 0.06325924320057072],
    [-0.0283697093338637, 1.0099953980813041, 0.021041441191917323],
    [0.012314014864481998, -0.020507649298898964, 1.330365926242124],
];
const XYZ_D65_TO_LINEAR_SRGB: Matrix = [
    [3.2409699419045226, -1.537383177570094, -0.4986107602930034],
    [-0.9692436362808796, 1.8759675015077202, 0.04155505740717559],
    [0.05563007969699366, -0.20397695888897652, 1.0569715142428786],
];
const P3_TO_XYZ_D65: Matrix = [
    [0.4865709486482162, 0.26566769316909306, 0.1982172852343625],
    [0.2289745640697488, 0.6917385218365064, 0.079286914093745],
    [0.0, 0.04511338185890264, 1.043944368900976],
];

fn xyz_d65_to_linear_srgb(xyz: [f64; 3]) -> [f64; 3] {
    multiply(&XYZ_D65_TO_LINEAR_SRGB, xyz)
}

fn xyz_d50_to_linear_srgb(xyz: [f64; 3]) -> [f64; 3] {
    xyz_d65_to_linear_srgb(multiply(&D50_TO_D65, xyz))
}

/// CSS Color 4 §18 (`Lab_to_XYZ`), D50 white.
fn lab_to_xyz_d50(l: f64, a: f64, b: f64) -> [f64; 3] {
    const KAPPA: f64 = 24389.0 / 27.0;
    const EPSILON: f64 = 216.0 / 24389.0;
    const WHITE: [f64; 3] = [0.3457 / 0.3585, 1.0, (1.0 - 0.3457 - 0.3585) / 0.3585];
    let fy = (l + 16.0) / 116.0;
    let fx = a / 500.0 + fy;
    let fz = fy - b / 200.0;
    let x = if fx.powi(3) > EPSILON { fx.powi(3) } else { (116.0 * fx - 16.0) / KAPPA };
    let y = if l > KAPPA * EPSILON { fy.powi(3) } else { l / KAPPA };
    let z = if fz.powi(3) > EPSILON { fz.powi(3) } else { (116.0 * fz - 16.0) / KAPPA };
    [x * WHITE[0], y * WHITE[1], z * WHITE[2]]
}

/// OKLab to linear sRGB (Björn Ottosson's matrices, as in CSS Color 4 §18).
fn oklab_to_linear_srgb(l: f64, a: f64, b: f64) -> [f64; 3] {
    let l_ = (l + 0.3963377774 * a + 0.2158037573 * b).powi(3);
    let m_ = (l - 0.1055613458 * a - 0.0638541728 * b).powi(3);
    let s_ = (l - 0.0894841775 * a - 1.2914855480 * b).powi(3);
    [
        4.0767416621 * l_ - 3.3077115913 * m_ + 0.2309699292 * s_,
        -1.2684380046 * l_ + 2.6097574011 * m_ - 0.3413193965 * s_,
        -0.0041960863 * l_ - 0.7034186147 * m_ + 1.7076147010 * s_,
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn css(value: &str) -> Option<Rgba> {
        let mut input = ParserInput::new(value);
        match parse_color_value(&mut Parser::new(&mut input))? {
            ColorValue::Rgba(c) => Some(c),
            ColorValue::Current => None,
        }
    }

    const WHITE: Option<Rgba> = Some(Rgba::WHITE);

    #[test]
    fn the_luminance_table_holds_the_wcag_definition() {
        let direct = |c: Rgba| 0.2126 * linear_channel(c.r) + 0.7152 * linear_channel(c.g) + 0.0722 * linear_channel(c.b);
        for v in 0..=255u8 {
            for c in [Rgba { r: v, g: 0, b: 0, a: 1.0 }, Rgba { r: 0, g: v, b: 0, a: 1.0 }, Rgba { r: 0, g: 0, b: v, a: 1.0 },
                Rgba { r: v, g: v.wrapping_mul(7), b: 255 - v, a: 0.5 }] {
                assert_eq!(c.luminance().to_bits(), direct(c).to_bits(), "{c:?}");
            }
        }
        assert_eq!(Rgba::BLACK.contrast(Rgba::WHITE), 21.0);
    }

    #[test]
    fn hex_and_named_colours_parse() {
        assert_eq!(css("#fff"), WHITE);
        assert_eq!(css("#FFFFFF"), WHITE);
        assert_eq!(css("#ffff"), WHITE);
        assert_eq!(css("#ffffffff"), WHITE);
        assert_eq!(css("White"), WHITE);
        assert_eq!(css("#ggg"), None);
        assert_eq!(css("transparent").map(|c| c.a), Some(0.0));
    }

    #[test]
    fn legacy_and_modern_rgb_and_hsl_parse() {
        assert_eq!(css("rgb(255, 255, 255)"), WHITE);
        assert_eq!(css("rgb(300 999 256)"), WHITE);
        assert_eq!(css("rgba(100%,100%,100%,1)"), WHITE);
        assert_eq!(css("rgb(255 255 255 / 50%)").map(|c| c.a), Some(0.5));
        assert_eq!(css("hsl(0, 0%, 100%)"), WHITE);
        assert_eq!(css("hsl(120deg 100% 25%)"), Some(Rgba { r: 0, g: 128, b: 0, a: 1.0 }));
        assert_eq!(css("hsla(0.5turn 100% 50% / 1)"), Some(Rgba { r: 0, g: 255, b: 255, a: 1.0 }));
        assert_eq!(css("rgb(nan, 1, 2)"), None);
    }

    #[test]
    fn hwb_lab_lch_oklab_oklch_and_color_reach_white() {
        for value in [
            "hwb(0 100% 0%)",
            "lab(100 0 0)",
            "lab(100% 0 0)",
            "lch(100 0 0)",
            "oklab(1 0 0)",
            "oklch(100% 0 0)",
            "color(srgb 1 1 1)",
            "color(display-p3 1 1 1)",
            "color(srgb-linear 1 1 1)",
            "color(xyz-d65 0.9505 1 1.089)",
        ] {
            let c = css(value).unwrap_or_else(|| panic!("{value} parses"));
            assert!(c.r >= 253 && c.g >= 253 && c.b >= 253, "{value} is white: {c:?}");
        }
        assert_eq!(css("hwb(0 0% 100%)"), Some(Rgba::BLACK));
        assert_eq!(css("oklch(62.8% 0.2577 29.23)").map(|c| c.r > 240 && c.g < 20), Some(true));
    }

    #[test]
    fn unknown_colour_functions_are_unknown() {
        assert_eq!(css("color-mix(in srgb, red, blue)"), None);
        assert_eq!(css("color(rec2100-pq 1 1 1)"), None);
        assert_eq!(css("rgb(1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18)"), None);
    }

    #[test]
    fn legacy_attribute_colours_accept_bare_hex() {
        assert_eq!(parse_legacy_color("ffffff"), WHITE);
        assert_eq!(parse_legacy_color(" white "), WHITE);
        assert_eq!(parse_legacy_color("currentcolor"), None);
    }
}
