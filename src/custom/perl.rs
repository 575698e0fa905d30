//! Perl regular expressions (as SpamAssassin writes them) turned into the
//! syntax of the `regex` crate, byte for byte where the two agree, and a
//! refusal naming the feature where they do not.
//!
//! SpamAssassin matches its rules against bytes: with `normalize_charset 1`
//! (its default, `Mail::SpamAssassin::Conf`) text parts are recoded to UTF-8
//! and then `utf8::encode`d before the rules see them, so `\w`, `.` and `/i`
//! work on bytes and ASCII. The translation keeps that: it is compiled with
//! Unicode mode off (`regex::bytes`), `\xC3` is the byte 0xC3, and a non-ASCII
//! character written in a pattern becomes its UTF-8 bytes, as Perl reads a
//! `.cf` file.
//!
//! The `regex` crate has no backtracking: look-around, back-references,
//! possessive quantifiers, atomic groups, recursion, conditionals, `\G`, `\K`
//! and embedded code have no equivalent, and a rule using them is refused
//! (the other rules of the file still load).

use super::perl_class::class;
use std::fmt::Write as _;

/// A Perl feature the `regex` crate lacks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PerlFeature {
    /// `(?=…)`, `(?!…)`, `(?<=…)`, `(?<!…)`.
    LookAround,
    /// `\1`, `\g{1}`, `\k<name>`, `(?P=name)`.
    BackReference,
    /// `a++`, `a*+`, `a?+`, `a{2}+`.
    PossessiveQuantifier,
    /// `(?>…)`.
    AtomicGroup,
    /// `(?R)`, `(?1)`, `(?&name)`, `(?P>name)`.
    Recursion,
    /// `(?(cond)yes|no)`.
    Conditional,
    /// `(?{…})`, `(??{…})`.
    EmbeddedCode,
    /// `(?|…)`.
    BranchReset,
    /// `(*VERB)`: `(*FAIL)`, `(*SKIP)`, …
    BacktrackingVerb,
    /// `\G`: where the previous match ended.
    ContinueAnchor,
    /// `\K`: keep what was matched so far out of the match.
    KeepOut,
    /// `\l`, `\u`, `\L`, `\U`: case changes of the pattern text.
    CaseEscape,
    /// `\p{…}` on bytes.
    UnicodeProperty,
    /// `\N{name}`, `\X`.
    UnicodeName,
}

impl PerlFeature {
    /// A stable key (`look-around`, …), for JSON and the catalogue.
    pub fn key(self) -> &'static str {
        match self {
            PerlFeature::LookAround => "look-around",
            PerlFeature::BackReference => "back-reference",
            PerlFeature::PossessiveQuantifier => "possessive-quantifier",
            PerlFeature::AtomicGroup => "atomic-group",
            PerlFeature::Recursion => "recursion",
            PerlFeature::Conditional => "conditional",
            PerlFeature::EmbeddedCode => "embedded-code",
            PerlFeature::BranchReset => "branch-reset",
            PerlFeature::BacktrackingVerb => "backtracking-verb",
            PerlFeature::ContinueAnchor => "continue-anchor",
            PerlFeature::KeepOut => "keep-out",
            PerlFeature::CaseEscape => "case-escape",
            PerlFeature::UnicodeProperty => "unicode-property",
            PerlFeature::UnicodeName => "unicode-name",
        }
    }
}

/// A pattern in `regex` syntax, with where each of its bytes came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Translated {
    pub pattern: String,
    /// For each byte of `pattern`, the byte offset in the Perl pattern it comes from.
    origins: Vec<usize>,
}

impl Translated {
    /// The offset in the Perl pattern of byte `offset` of the translation.
    pub fn origin(&self, offset: usize) -> usize {
        self.origins.get(offset).or(self.origins.last()).copied().unwrap_or(0)
    }
}

/// A Perl feature found at a byte offset of the pattern.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unsupported {
    pub feature: PerlFeature,
    pub offset: usize,
}

/// Characters with a meaning in `regex` syntax, escaped when meant literally.
const META: &[u8] = b"\\.+*?()|[]{}^$#&-~";

pub(super) struct Writer<'p> {
    pub source: &'p str,
    out: String,
    origins: Vec<usize>,
    /// The `/x` flag of the whole pattern: white space inside a class is kept
    /// by Perl, dropped by `regex`, so it is escaped there.
    pub extended: bool,
}

impl Writer<'_> {
    pub fn push(&mut self, text: &str, from: usize) {
        self.out.push_str(text);
        self.origins.extend(std::iter::repeat_n(from, text.len()));
    }
    /// One byte meant literally.
    pub fn byte(&mut self, b: u8, from: usize) {
        let plain = b.is_ascii_graphic() || (b == b' ' && !self.extended);
        if plain && !META.contains(&b) {
            self.push(std::str::from_utf8(&[b]).unwrap_or("?"), from);
        } else if plain {
            let text = format!("\\{}", b as char);
            self.push(&text, from);
        } else {
            let mut text = String::new();
            let _ = write!(text, "\\x{b:02X}");
            self.push(&text, from);
        }
    }
    /// A character meant literally: its UTF-8 bytes (Perl reads `.cf` files as bytes).
    pub fn literal(&mut self, c: char, from: usize) {
        let mut buf = [0; 4];
        for &b in c.encode_utf8(&mut buf).as_bytes() {
            self.byte(b, from);
        }
    }
    /// A code point from `\x{…}`, `\o{…}`, `\0…`, `\c…`: a byte up to 0xFF
    /// (Perl's byte semantics), its UTF-8 bytes above.
    pub fn code_point(&mut self, value: u32, from: usize) {
        if value <= 0xFF {
            self.byte(value as u8, from);
        } else {
            self.literal(char::from_u32(value).unwrap_or('\u{FFFD}'), from);
        }
    }
}

/// Translates the Perl pattern `source` with `flags` (`i`, `m`, `s`, `x`;
/// others are ignored) into `regex` syntax.
pub fn translate(source: &str, flags: &str) -> Result<Translated, Unsupported> {
    let extended = flags.contains('x');
    // `/m`, or an inline `(?m` group (ours: anywhere in the pattern, a rare
    // form): `$` is before any line break, as `regex`'s multi-line `$`.
    let multi_line = flags.contains('m') || inline_multi_line(source);
    let mut w = Writer { source, out: String::with_capacity(source.len() + 8), origins: Vec::new(), extended };
    let kept: String = flags.chars().filter(|c| matches!(c, 'i' | 'm' | 's' | 'x')).collect();
    if !kept.is_empty() {
        w.push(&format!("(?{kept})"), 0);
    }
    let bytes = source.as_bytes();
    let mut i = 0;
    // The previous token was a quantifier: a `+` after it makes it possessive.
    let mut after_quantifier = false;
    while i < bytes.len() {
        let b = bytes[i];
        let quantified = after_quantifier;
        after_quantifier = false;
        match b {
            b'\\' => i = escape_outside(&mut w, i)?,
            b'[' => i = class(&mut w, i)?,
            b'(' => i = group_open(&mut w, i)?,
            b'*' | b'+' | b'?' => {
                if quantified && b == b'+' {
                    return Err(Unsupported { feature: PerlFeature::PossessiveQuantifier, offset: i });
                }
                w.push(std::str::from_utf8(&[b]).unwrap_or("?"), i);
                // `a*?` is lazy: the `?` ends the quantifier.
                after_quantifier = !(quantified && b == b'?');
                i += 1;
            }
            b'{' => match counted_repetition(bytes, i) {
                Some(end) => {
                    let text = normalise_repetition(&source[i..end]);
                    w.push(&text, i);
                    after_quantifier = true;
                    i = end;
                }
                // Perl reads a `{` that starts no `{n}`, `{n,}`, `{n,m}` as a literal.
                None => {
                    w.byte(b'{', i);
                    i += 1;
                }
            },
            b'}' => {
                w.byte(b'}', i);
                i += 1;
            }
            b'#' if extended => {
                // A comment up to the end of the line, kept as is.
                let end = source[i..].find('\n').map_or(bytes.len(), |n| i + n);
                w.push(&source[i..end], i);
                i = end;
            }
            // Perl's `$` without `/m`: the end, or before a final line break
            // (perlre); header values end with one, as SpamAssassin's do.
            // Matched, not looked at (no look-ahead here), as `\Z` below.
            b'$' if !multi_line => {
                w.push("(?:\\n?\\z)", i);
                i += 1;
            }
            b'.' | b'^' | b'$' | b'|' | b')' => {
                w.push(std::str::from_utf8(&[b]).unwrap_or("?"), i);
                i += 1;
            }
            _ if b.is_ascii() => {
                if (b == b' ' || b == b'\t' || b == b'\n' || b == b'\r') && extended {
                    w.push(std::str::from_utf8(&[b]).unwrap_or(" "), i);
                } else {
                    w.byte(b, i);
                }
                i += 1;
            }
            _ => {
                let c = source[i..].chars().next().unwrap_or('\u{FFFD}');
                w.literal(c, i);
                i += c.len_utf8();
            }
        }
    }
    Ok(Translated { pattern: w.out, origins: w.origins })
}

/// An inline flag group that turns `m` on: `(?m)`, `(?im:…)`, `(?^m:…)`.
/// Each `(?` is read only over its flags (carets, then letters, then `)`, `:`,
/// `-` or the end): reading to the next `)` from each had made `(?(?(?…)`
/// quadratic, 16,000 of them in a 32 KB pattern a quarter of a second.
fn inline_multi_line(source: &str) -> bool {
    source.match_indices("(?").any(|(at, _)| {
        let after = source[at + 2..].trim_start_matches('^');
        let letters = after.bytes().take_while(u8::is_ascii_alphabetic).count();
        matches!(after.as_bytes().get(letters), None | Some(b')' | b':' | b'-')) && after[..letters].contains('m')
    })
}

/// `{n}`, `{n,}`, `{n,m}` (and Perl 5.34's `{,m}`) starting at `start`: the offset after `}`.
/// Only digits, a comma and spaces are read before the `}`: a `{` that starts
/// none is a literal, and searching the rest of the pattern for a `}` from each
/// had made a pattern of `{` quadratic.
fn counted_repetition(bytes: &[u8], start: usize) -> Option<usize> {
    let inside = bytes[start + 1..].iter().take_while(|&&b| b.is_ascii_digit() || b == b',' || b == b' ').count();
    let close = start + 1 + inside;
    if bytes.get(close) != Some(&b'}') {
        return None;
    }
    let inner = &bytes[start + 1..close];
    let inner: Vec<u8> = inner.iter().copied().filter(|b| *b != b' ').collect();
    let (low, high) = match inner.iter().position(|&b| b == b',') {
        Some(comma) => (&inner[..comma], Some(&inner[comma + 1..])),
        None => (&inner[..], None),
    };
    let digits = |s: &[u8]| s.iter().all(u8::is_ascii_digit);
    let valid = match high {
        None => !low.is_empty() && digits(low),
        Some(high) => digits(low) && digits(high) && !(low.is_empty() && high.is_empty()),
    };
    valid.then_some(close + 1)
}

/// `{,m}` is `{0,m}`; spaces Perl allows inside braces are dropped.
fn normalise_repetition(text: &str) -> String {
    let compact: String = text.chars().filter(|c| *c != ' ').collect();
    compact.replacen("{,", "{0,", 1)
}

/// A `\` escape outside a class, at `i`: the offset after it.
fn escape_outside(w: &mut Writer, i: usize) -> Result<usize, Unsupported> {
    let bytes = w.source.as_bytes();
    let Some(&next) = bytes.get(i + 1) else {
        // A trailing backslash: left for the parser to report at its place.
        w.push("\\", i);
        return Ok(i + 1);
    };
    let unsupported = |feature| Err(Unsupported { feature, offset: i });
    match next {
        // perlre: `\10` and above are octal when there are fewer groups (`\103` is "C").
        b'1'..=b'9' if octal_not_group(bytes, i + 1).is_some() => {
            let end = octal_not_group(bytes, i + 1).unwrap_or(i + 2);
            let digits = std::str::from_utf8(&bytes[i + 1..end]).unwrap_or("0");
            w.code_point(u32::from_str_radix(digits, 8).unwrap_or(0), i);
            Ok(end)
        }
        b'1'..=b'9' | b'g' | b'k' => unsupported(PerlFeature::BackReference),
        // `\Q…\E` quote in Perl's string interpolation only: SpamAssassin builds
        // its patterns from text (Util::compile_regexp), where Perl warns about
        // `\Q` and SpamAssassin drops the rule ("invalid regexp").
        b'Q' | b'E' => unsupported(PerlFeature::CaseEscape),
        b'G' => unsupported(PerlFeature::ContinueAnchor),
        b'K' => unsupported(PerlFeature::KeepOut),
        b'l' | b'u' | b'L' | b'U' => unsupported(PerlFeature::CaseEscape),
        b'p' | b'P' => unsupported(PerlFeature::UnicodeProperty),
        b'X' => unsupported(PerlFeature::UnicodeName),
        b'N' if bytes.get(i + 2) == Some(&b'{') => unsupported(PerlFeature::UnicodeName),
        b'N' => {
            w.push("[^\\n]", i);
            Ok(i + 2)
        }
        b'Z' => {
            // End of the text or before a final line break; matched, not looked at.
            w.push("(?:\\n?\\z)", i);
            Ok(i + 2)
        }
        b'h' | b'H' | b'v' | b'V' => {
            w.push(&space_class(next, false), i);
            Ok(i + 2)
        }
        b'R' => {
            w.push("(?:\\r\\n|[\\n\\x0B\\x0C\\r\\x85])", i);
            Ok(i + 2)
        }
        b'd' | b'D' | b'w' | b'W' | b's' | b'S' | b'b' | b'B' | b'A' | b'z' | b'n' | b'r' | b't' | b'f' => {
            w.push(&w.source[i..i + 2], i);
            Ok(i + 2)
        }
        _ => shared_escape(w, i),
    }
}

/// The end of `\NNN` at `start` (after the backslash) when Perl reads it as
/// octal: two or three octal digits making a number above the pattern's count
/// of capturing groups (perlre "Absolute referencing").
fn octal_not_group(bytes: &[u8], start: usize) -> Option<usize> {
    let mut end = start;
    while end < bytes.len() && end < start + 3 && (b'0'..=b'7').contains(&bytes[end]) {
        end += 1;
    }
    let decimal_end = start + bytes[start..].iter().take_while(|b| b.is_ascii_digit()).count();
    let number: usize = std::str::from_utf8(&bytes[start..decimal_end]).ok()?.parse().ok()?;
    let groups = bytes
        .iter()
        .enumerate()
        .filter(|&(at, &b)| b == b'(' && (at == 0 || bytes[at - 1] != b'\\') && bytes.get(at + 1) != Some(&b'?'))
        .count();
    (end - start >= 2 && number >= 10 && number > groups).then_some(end)
}

/// Perl's `\h` (horizontal space: tab, space, NBSP as a byte), `\v` (vertical
/// space) and their negations `\H`, `\V`, as a class, or as class members
/// (`inside`) where a negation is a nested class.
pub(super) fn space_class(letter: u8, inside: bool) -> String {
    let members = if letter.eq_ignore_ascii_case(&b'h') { "\\t\\x20\\xA0" } else { "\\n\\x0B\\x0C\\r\\x85" };
    match (letter.is_ascii_uppercase(), inside) {
        (false, true) => members.to_string(),
        (false, false) => format!("[{members}]"),
        (true, _) => format!("[^{members}]"),
    }
}

/// Escapes that mean one character, the same inside and outside a class.
pub(super) fn shared_escape(w: &mut Writer, i: usize) -> Result<usize, Unsupported> {
    let bytes = w.source.as_bytes();
    let next = bytes[i + 1];
    match next {
        b'e' => {
            w.byte(0x1B, i);
            Ok(i + 2)
        }
        b'a' => {
            w.byte(0x07, i);
            Ok(i + 2)
        }
        b'x' => {
            let (value, end) = hex_escape(bytes, i + 2);
            w.code_point(value, i);
            Ok(end)
        }
        b'o' if bytes.get(i + 2) == Some(&b'{') => {
            let close = bytes[i + 2..].iter().position(|&b| b == b'}').map_or(bytes.len(), |n| i + 2 + n);
            let digits = std::str::from_utf8(&bytes[i + 3..close.min(bytes.len())]).unwrap_or("");
            w.code_point(u32::from_str_radix(digits.trim(), 8).unwrap_or(0), i);
            Ok((close + 1).min(bytes.len()))
        }
        b'0' => {
            // `\0`, `\012`: up to three octal digits in all.
            let mut end = i + 2;
            while end < bytes.len() && end < i + 4 && (b'0'..=b'7').contains(&bytes[end]) {
                end += 1;
            }
            let digits = std::str::from_utf8(&bytes[i + 1..end]).unwrap_or("0");
            w.code_point(u32::from_str_radix(digits, 8).unwrap_or(0), i);
            Ok(end)
        }
        b'c' => {
            // `\cX`: the control character of X.
            let control = bytes.get(i + 2).map_or(0, |c| c.to_ascii_uppercase() ^ 0x40);
            w.byte(control, i);
            Ok((i + 3).min(bytes.len()))
        }
        b'n' | b'r' | b't' | b'f' => {
            w.push(&w.source[i..i + 2], i);
            Ok(i + 2)
        }
        _ if next.is_ascii() => {
            // `\<`, `\/`, `\@`, `\-`, `\ `: the character itself (Perl also reads
            // an unknown letter escape as the letter).
            w.byte(next, i);
            Ok(i + 2)
        }
        _ => {
            let c = w.source[i + 1..].chars().next().unwrap_or('\u{FFFD}');
            w.literal(c, i);
            Ok(i + 1 + c.len_utf8())
        }
    }
}

/// `\xHH` (up to two hex digits) or `\x{HHHH}` starting after `\x`: value and end.
fn hex_escape(bytes: &[u8], start: usize) -> (u32, usize) {
    if bytes.get(start) == Some(&b'{') {
        let close = bytes[start..].iter().position(|&b| b == b'}').map_or(bytes.len(), |n| start + n);
        let digits = std::str::from_utf8(&bytes[start + 1..close.min(bytes.len())]).unwrap_or("");
        let value = u32::from_str_radix(digits.trim(), 16).unwrap_or(0).min(0x10FFFF);
        return (value, (close + 1).min(bytes.len()));
    }
    let mut end = start;
    while end < bytes.len() && end < start + 2 && bytes[end].is_ascii_hexdigit() {
        end += 1;
    }
    let digits = std::str::from_utf8(&bytes[start..end]).unwrap_or("");
    (u32::from_str_radix(digits, 16).unwrap_or(0), end)
}

/// `(` at `i`, with what follows it when it starts an extension: the offset after what was read.
fn group_open(w: &mut Writer, i: usize) -> Result<usize, Unsupported> {
    let bytes = w.source.as_bytes();
    let unsupported = |feature| Err(Unsupported { feature, offset: i });
    if bytes.get(i + 1) == Some(&b'*') {
        return unsupported(PerlFeature::BacktrackingVerb);
    }
    if bytes.get(i + 1) != Some(&b'?') {
        w.push("(", i);
        return Ok(i + 1);
    }
    let rest = &bytes[i + 2..];
    let starts = |p: &[u8]| rest.starts_with(p);
    if starts(b"#") {
        // `(?#comment)`: dropped.
        let close = rest.iter().position(|&b| b == b')').map_or(bytes.len(), |n| i + 2 + n + 1);
        return Ok(close);
    }
    if starts(b"=") || starts(b"!") || starts(b"<=") || starts(b"<!") {
        return unsupported(PerlFeature::LookAround);
    }
    if starts(b">") {
        return unsupported(PerlFeature::AtomicGroup);
    }
    if starts(b"|") {
        return unsupported(PerlFeature::BranchReset);
    }
    if starts(b"(") {
        return unsupported(PerlFeature::Conditional);
    }
    if starts(b"{") || starts(b"?{") {
        return unsupported(PerlFeature::EmbeddedCode);
    }
    if starts(b"P=") {
        return unsupported(PerlFeature::BackReference);
    }
    if starts(b"P>") || starts(b"&") || starts(b"R") || rest.first().is_some_and(|b| b.is_ascii_digit() || *b == b'+') {
        return unsupported(PerlFeature::Recursion);
    }
    if starts(b"-") && rest.get(1).is_some_and(u8::is_ascii_digit) {
        return unsupported(PerlFeature::Recursion);
    }
    if starts(b"P<") || starts(b"<") || starts(b"'") {
        // A named group: `(?P<name>` in `regex` syntax.
        let open = if starts(b"P<") { 2 } else { 1 };
        let closer = if starts(b"'") { b'\'' } else { b'>' };
        let name_start = i + 2 + open;
        let close = bytes[name_start..].iter().position(|&b| b == closer).map_or(bytes.len(), |n| name_start + n);
        let name = w.source[name_start..close.min(bytes.len())].to_string();
        w.push(&format!("(?P<{name}>"), i);
        return Ok((close + 1).min(bytes.len()));
    }
    // Inline flags: `(?i)`, `(?i-s:`, `(?^i:`.
    let mut k = i + 2;
    let caret = bytes.get(k) == Some(&b'^');
    if caret {
        k += 1;
    }
    let (mut on, mut off, mut negative) = (String::new(), String::new(), false);
    while k < bytes.len() && (bytes[k].is_ascii_alphabetic() || bytes[k] == b'-') {
        match bytes[k] {
            b'-' => negative = true,
            f @ (b'i' | b'm' | b's' | b'x') => (if negative { &mut off } else { &mut on }).push(f as char),
            // `a`, `d`, `l`, `u`, `p`, `n`, `o`: charset and capture modifiers,
            // without effect on bytes matched with Unicode mode off.
            _ => {}
        }
        k += 1;
    }
    let end = match bytes.get(k) {
        Some(b':') => ":",
        Some(b')') => ")",
        // Not flags after all: let the parser report it.
        _ => {
            w.push("(?", i);
            return Ok(i + 2);
        }
    };
    if caret {
        // `(?^…)`: the defaults (no i, m, s, x) then the flags given.
        off = "imsx".chars().filter(|f| !on.contains(*f)).collect();
    }
    let flags = if off.is_empty() { on } else { format!("{on}-{off}") };
    let text = match (flags.is_empty(), end) {
        (true, ":") => "(?:".to_string(),
        (true, _) => String::new(),
        (false, _) => format!("(?{flags}{end}"),
    };
    w.push(&text, i);
    Ok(k + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(pattern: &str, flags: &str) -> String {
        translate(pattern, flags).expect("translates").pattern
    }
    fn refused(pattern: &str) -> PerlFeature {
        translate(pattern, "").expect_err("refused").feature
    }

    #[test]
    fn a_backslash_number_past_the_groups_is_octal_as_in_perl() {
        assert_eq!(ok(r"\103laim", ""), r"Claim");
        assert_eq!(ok(r"(a)\12", ""), "(a)\\x0A");
    }

    #[test]
    fn plain_patterns_keep_their_text_and_flags() {
        assert_eq!(ok(r"\bviagra\b", "i"), r"(?i)\bviagra\b");
        assert_eq!(ok(r"^Re: .{3,}$", ""), r"^Re: .{3,}(?:\n?\z)");
        assert_eq!(ok(r"^Re: .{3,}$", "m"), r"(?m)^Re: .{3,}$");
    }

    #[test]
    fn perl_literals_become_regex_literals() {
        assert_eq!(ok(r"\<a href\/", ""), r"<a href/");
        assert_eq!(ok(r"a\ b", "x"), r"(?x)a\x20b");
        assert_eq!(ok(r"a{b}", ""), r"a\{b\}");
        assert_eq!(ok(r"[[a&&b]", ""), r"[\[a\&\&b]");
        assert_eq!(ok(r"\x41\x{263A}", ""), r"A\xE2\x98\xBA");
        assert_eq!(ok("é", ""), r"\xC3\xA9");
    }

    #[test]
    fn features_without_an_equivalent_are_refused_with_their_offset() {
        assert_eq!(refused(r"a(?=b)"), PerlFeature::LookAround);
        assert_eq!(refused(r"(?<!x)y"), PerlFeature::LookAround);
        assert_eq!(refused(r"(a)\1"), PerlFeature::BackReference);
        assert_eq!(refused(r"\Qa.b\E"), PerlFeature::CaseEscape);
        assert_eq!(refused(r"(a)\1"), PerlFeature::BackReference);
        assert_eq!(refused(r"a++"), PerlFeature::PossessiveQuantifier);
        assert_eq!(refused(r"a{2}+"), PerlFeature::PossessiveQuantifier);
        assert_eq!(refused(r"(?>a)"), PerlFeature::AtomicGroup);
        assert_eq!(refused(r"\Ga"), PerlFeature::ContinueAnchor);
        assert_eq!(translate("ab(?=c)", "").unwrap_err().offset, 2);
    }

    #[test]
    fn lazy_quantifiers_are_not_possessive() {
        assert_eq!(ok("a+?b", ""), "a+?b");
    }

    #[test]
    fn offsets_map_back_to_the_perl_pattern() {
        let t = translate(r"\<(x", "i").unwrap();
        let paren = t.pattern.find('(').map(|p| t.pattern[p + 1..].find('(').unwrap() + p + 1).unwrap();
        assert_eq!(t.origin(paren), 2);
    }
}
