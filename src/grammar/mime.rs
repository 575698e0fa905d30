//! RFC 2045 §5.1 Content-Type and RFC 2183 Content-Disposition values, their
//! parameters (RFC 2045 §5.1 `parameter := attribute "=" value`) and RFC 2231
//! parameter value continuations and character set encoding.

use super::charset::is_known_charset;
use super::lexer::{skip_cfws, LexProblem};
use super::{is_mime_token, Level, Problem};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MimeProblem {
    /// No type, or a type that is not a token (RFC 2045 §5.1).
    BadType,
    /// `type` without `/subtype` in a Content-Type.
    MissingSubtype,
    /// A parameter without `=`, with an empty name or an empty value.
    BadParameter,
    /// An unquoted value with characters that need quotes (tspecials, RFC 2045 §5.1).
    ValueNeedsQuoting,
    /// Text after a value with no `;` before it.
    MissingSemicolon,
    /// A quoted value without its closing quote.
    UnclosedQuote,
    /// The same parameter twice.
    DuplicateParameter,
    /// A CR, LF or control character that does not belong (RFC 5322 §3.2.2).
    BadByte,
    /// RFC 2231 §4: an extended value without `charset'language'`, or a bad `%XX`.
    Rfc2231BadValue,
    /// RFC 2231 §4: a charset readers do not know.
    Rfc2231UnknownCharset,
    /// RFC 2231 §3: continuations `name*0`, `name*1`… with a gap, a repeat or no `*0`.
    Rfc2231BadSections,
    /// RFC 2231 §4: a value declared UTF-8 whose bytes are not (Latin-1 bytes under
    /// `utf-8''`): readers show U+FFFD in the name.
    Rfc2231NotInCharset,
}

impl MimeProblem {
    pub fn level(self) -> Level {
        Level::Invalid
    }
    pub fn is_rfc2231(self) -> bool {
        matches!(
            self,
            MimeProblem::Rfc2231BadValue
                | MimeProblem::Rfc2231UnknownCharset
                | MimeProblem::Rfc2231BadSections
                | MimeProblem::Rfc2231NotInCharset
        )
    }
}

/// One parameter as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parameter {
    /// The attribute, lower-case, with any `*N*` suffix.
    pub name: String,
    pub name_range: (usize, usize),
    /// The value as written (quotes included when quoted).
    pub value_range: (usize, usize),
    /// The value without quotes and quoted-pairs.
    pub value: Vec<u8>,
    pub quoted: bool,
}

impl Parameter {
    /// The attribute without RFC 2231 `*` suffixes.
    pub fn base_name(&self) -> &str {
        self.name.split('*').next().unwrap_or_default()
    }
}

/// A parsed Content-Type or Content-Disposition value.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MimeValue {
    /// `type/subtype` (or the disposition type), lower-case.
    pub value: String,
    pub params: Vec<Parameter>,
    pub problems: Vec<Problem<MimeProblem>>,
}

impl MimeValue {
    pub fn param(&self, name: &str) -> Option<&Parameter> {
        self.params.iter().find(|p| p.name == name)
    }
}

fn token_end(v: &[u8], mut i: usize) -> usize {
    // Bytes over 0x7f are let through here: raw 8-bit text is another rule's concern.
    while i < v.len() && (is_mime_token(v[i]) || v[i] >= 0x80) {
        i += 1;
    }
    i
}

fn skip(v: &[u8], i: usize, problems: &mut Vec<Problem<MimeProblem>>) -> usize {
    let mut lex = Vec::new();
    let next = skip_cfws(v, i, &mut lex);
    for p in lex {
        if p.kind.level() == Level::Invalid && p.kind != LexProblem::UnclosedComment {
            problems.push(Problem::new(MimeProblem::BadByte, p.start, p.end));
        } else if p.kind == LexProblem::UnclosedComment {
            problems.push(Problem::new(MimeProblem::UnclosedQuote, p.start, p.end));
        }
    }
    next
}

fn next_semicolon(v: &[u8], i: usize) -> usize {
    let mut in_quote = false;
    let mut j = i;
    while j < v.len() {
        match v[j] {
            b'"' => in_quote = !in_quote,
            b'\\' if in_quote => j += 1,
            b';' if !in_quote => return j,
            _ => {}
        }
        j += 1;
    }
    v.len()
}

/// Reads a Content-Type (`with_subtype`) or Content-Disposition value.
pub fn parse_mime_value(v: &[u8], with_subtype: bool) -> MimeValue {
    let mut out = MimeValue::default();
    let mut seen_names = crate::hash::KeyedSet::default();
    let mut i = skip(v, 0, &mut out.problems);
    let type_start = i;
    i = token_end(v, i);
    if i == type_start {
        let end = next_semicolon(v, i);
        out.problems.push(Problem::new(MimeProblem::BadType, type_start, end.max(type_start + 1).min(v.len())));
        i = end;
    } else if with_subtype {
        let after = skip(v, i, &mut out.problems);
        if v.get(after) == Some(&b'/') {
            let sub_start = skip(v, after + 1, &mut out.problems);
            let sub_end = token_end(v, sub_start);
            if sub_end == sub_start {
                out.problems.push(Problem::new(MimeProblem::MissingSubtype, type_start, after + 1));
            }
            out.value = format!(
                "{}/{}",
                String::from_utf8_lossy(&v[type_start..i]),
                String::from_utf8_lossy(&v[sub_start..sub_end])
            )
            .to_ascii_lowercase();
            i = sub_end;
        } else {
            out.problems.push(Problem::new(MimeProblem::MissingSubtype, type_start, i));
            out.value = String::from_utf8_lossy(&v[type_start..i]).to_ascii_lowercase();
        }
    } else {
        out.value = String::from_utf8_lossy(&v[type_start..i]).to_ascii_lowercase();
    }
    // RFC 2045 §5.1: type and subtype are tokens, US-ASCII (`téxt/plain` is no type).
    if i > type_start && v[type_start..i].iter().any(|&b| b >= 0x80) {
        out.problems.push(Problem::new(MimeProblem::BadType, type_start, i));
    }
    loop {
        i = skip(v, i, &mut out.problems);
        if i >= v.len() {
            break;
        }
        if v[i] != b';' {
            let end = next_semicolon(v, i);
            out.problems.push(Problem::new(MimeProblem::MissingSemicolon, i, end));
            i = end;
            continue;
        }
        i = skip(v, i + 1, &mut out.problems);
        if i >= v.len() {
            break;
        }
        if v[i] == b';' {
            continue;
        }
        let name_start = i;
        let name_end = token_end(v, i);
        let after_name = skip(v, name_end, &mut out.problems);
        if name_end == name_start || v.get(after_name) != Some(&b'=') {
            let end = next_semicolon(v, i);
            out.problems.push(Problem::new(MimeProblem::BadParameter, name_start, end));
            i = end;
            continue;
        }
        let value_start = skip(v, after_name + 1, &mut out.problems);
        let name = String::from_utf8_lossy(&v[name_start..name_end]).to_ascii_lowercase();
        let (value, value_end, quoted) = if v.get(value_start) == Some(&b'"') {
            let mut value = Vec::new();
            let mut j = value_start + 1;
            let mut closed = false;
            while j < v.len() {
                match v[j] {
                    b'"' => {
                        closed = true;
                        j += 1;
                        break;
                    }
                    b'\\' if j + 1 < v.len() => {
                        value.push(v[j + 1]);
                        j += 2;
                    }
                    b'\r' | b'\n' => j += 1,
                    b => {
                        value.push(b);
                        j += 1;
                    }
                }
            }
            if !closed {
                out.problems.push(Problem::new(MimeProblem::UnclosedQuote, value_start, v.len()));
            }
            (value, j, true)
        } else {
            let end = token_end(v, value_start);
            if end == value_start {
                let stop = next_semicolon(v, value_start);
                let kind = if stop > value_start && v[value_start..stop].iter().any(|b| !b.is_ascii_whitespace()) {
                    MimeProblem::ValueNeedsQuoting
                } else {
                    MimeProblem::BadParameter
                };
                out.problems.push(Problem::new(kind, name_start, stop));
                i = stop;
                continue;
            }
            // A value that goes on with tspecials before the next `;` needed quotes.
            let stop = next_semicolon(v, end);
            let rest = &v[end..stop];
            let mut lex = Vec::new();
            let after = skip_cfws(rest, 0, &mut lex);
            if after < rest.len() {
                out.problems.push(Problem::new(MimeProblem::ValueNeedsQuoting, value_start, stop));
                let trimmed = trim_end(v, value_start, stop);
                (v[value_start..trimmed].to_vec(), trimmed, false)
            } else {
                (v[value_start..end].to_vec(), end, false)
            }
        };
        if !seen_names.insert(name.clone()) {
            out.problems.push(Problem::new(MimeProblem::DuplicateParameter, name_start, value_end));
        }
        out.params.push(Parameter {
            name,
            name_range: (name_start, name_end),
            value_range: (value_start, value_end),
            value,
            quoted,
        });
        i = value_end;
    }
    check_rfc2231(&mut out);
    out
}

fn trim_end(v: &[u8], start: usize, mut end: usize) -> usize {
    while end > start && v[end - 1].is_ascii_whitespace() {
        end -= 1;
    }
    end
}

/// RFC 2231 §3–4: continuations and extended values.
fn check_rfc2231(out: &mut MimeValue) {
    let mut problems = Vec::new();
    // Group the `*` parameters by base name once (no scan per name: a header may hold thousands).
    let mut by_base: std::collections::BTreeMap<&str, Vec<&Parameter>> = std::collections::BTreeMap::new();
    for p in out.params.iter().filter(|p| p.name.contains('*')) {
        by_base.entry(p.base_name()).or_default().push(p);
    }
    for (base, params) in by_base {
        let found_before = problems.len();
        let mut sections: Vec<(u32, &Parameter, bool)> = Vec::new();
        for p in params {
            let suffix = &p.name[base.len()..];
            let extended = suffix.ends_with('*');
            let number = suffix.trim_matches('*');
            if number.is_empty() {
                sections.push((u32::MAX, p, extended));
                continue;
            }
            match number.parse::<u32>() {
                Ok(n) if !number.starts_with('0') || number == "0" => sections.push((n, p, extended)),
                _ => problems.push(Problem::new(MimeProblem::Rfc2231BadSections, p.name_range.0, p.value_range.1)),
            }
        }
        if let Some(p) = first_out_of_sequence(&sections) {
            problems.push(Problem::new(MimeProblem::Rfc2231BadSections, p.name_range.0, p.value_range.1));
        }
        for (n, p, extended) in &sections {
            if !extended {
                continue;
            }
            let first = *n == 0 || *n == u32::MAX;
            let value = &p.value[..];
            let encoded = if first {
                let mut quotes = value.iter().enumerate().filter(|(_, &b)| b == b'\'').map(|(i, _)| i);
                match (quotes.next(), quotes.next()) {
                    (Some(q1), Some(q2)) => {
                        let charset = String::from_utf8_lossy(&value[..q1]);
                        if !charset.is_empty() && !is_known_charset(&charset) {
                            problems.push(Problem::new(
                                MimeProblem::Rfc2231UnknownCharset,
                                p.value_range.0,
                                p.value_range.1,
                            ));
                        }
                        &value[q2 + 1..]
                    }
                    _ => {
                        problems.push(Problem::new(MimeProblem::Rfc2231BadValue, p.value_range.0, p.value_range.1));
                        continue;
                    }
                }
            } else {
                value
            };
            if !is_percent_encoded(encoded) {
                problems.push(Problem::new(MimeProblem::Rfc2231BadValue, p.value_range.0, p.value_range.1));
            }
        }
        // A well-formed value declared UTF-8 is UTF-8 once its sections are joined
        // and decoded (a character may be split between two sections).
        if problems.len() == found_before {
            if let Some((start, end)) = not_utf8(&mut sections) {
                problems.push(Problem::new(MimeProblem::Rfc2231NotInCharset, start, end));
            }
        }
    }
    out.problems.extend(problems);
}

/// The section that breaks the run 0, 1, 2… of a parameter's numbered sections
/// (RFC 2231 §3), in any written order: a repeat (the later one written), or the
/// first section after a gap.
fn first_out_of_sequence<'p>(sections: &[(u32, &'p Parameter, bool)]) -> Option<&'p Parameter> {
    let mut numbered: Vec<(u32, &Parameter)> =
        sections.iter().filter(|s| s.0 != u32::MAX).map(|&(n, p, _)| (n, p)).collect();
    // Stable: of two sections with one number, the one written first stays first.
    numbered.sort_by_key(|&(n, _)| n);
    let mut expected = 0u32;
    for (n, p) in numbered {
        if n != expected {
            return Some(p);
        }
        expected += 1;
    }
    None
}

/// Where the value of `sections` (one parameter's, well formed) lies when it is
/// declared `utf-8''` and its decoded bytes are not UTF-8.
fn not_utf8(sections: &mut [(u32, &Parameter, bool)]) -> Option<(usize, usize)> {
    sections.sort_by_key(|s| if s.0 == u32::MAX { 0 } else { s.0 });
    let (_, first, extended) = sections.first()?;
    let quote = first.value.iter().position(|&b| b == b'\'')?;
    let charset = &first.value[..quote];
    if !*extended || !(charset.eq_ignore_ascii_case(b"utf-8") || charset.eq_ignore_ascii_case(b"utf8")) {
        return None;
    }
    let mut bytes = Vec::new();
    for (i, (_, p, extended)) in sections.iter().enumerate() {
        let value = if i == 0 {
            let after = p.value.iter().enumerate().filter(|(_, &b)| b == b'\'').nth(1).map_or(p.value.len(), |(i, _)| i + 1);
            &p.value[after..]
        } else {
            &p.value[..]
        };
        if !extended {
            bytes.extend_from_slice(value);
            continue;
        }
        let mut k = 0;
        while k < value.len() {
            let hex = |b: u8| char::from(b).to_digit(16);
            match (value[k], value.get(k + 1).copied().and_then(hex), value.get(k + 2).copied().and_then(hex)) {
                (b'%', Some(high), Some(low)) => {
                    bytes.push((high * 16 + low) as u8);
                    k += 3;
                }
                (b, _, _) => {
                    bytes.push(b);
                    k += 1;
                }
            }
        }
    }
    let last = sections.last()?.1;
    std::str::from_utf8(&bytes).is_err().then_some((first.value_range.0, last.value_range.1.max(first.value_range.1)))
}

/// RFC 2231 §7 extended-other-values: attribute-chars and `%XX`.
fn is_percent_encoded(text: &[u8]) -> bool {
    let mut i = 0;
    while i < text.len() {
        match text[i] {
            b'%' => {
                if !text.get(i + 1..i + 3).is_some_and(|h| h.iter().all(u8::is_ascii_hexdigit)) {
                    return false;
                }
                i += 3;
            }
            b'*' | b'\'' => return false,
            b if is_mime_token(b) => i += 1,
            _ => return false,
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(v: &str, sub: bool) -> Vec<MimeProblem> {
        parse_mime_value(v.as_bytes(), sub).problems.iter().map(|p| p.kind).collect()
    }

    #[test]
    fn values_are_read() {
        let ct = parse_mime_value(b" multipart/mixed;\r\n boundary=\"a b\"; charset=utf-8 (comment)", true);
        assert!(ct.problems.is_empty(), "{:?}", ct.problems);
        assert_eq!(ct.value, "multipart/mixed");
        assert_eq!(ct.param("boundary").unwrap().value, b"a b");
        assert!(kinds(" attachment; filename*=UTF-8''%E2%82%AC%20rates.pdf", false).is_empty());
        assert!(kinds(" attachment; filename*0*=UTF-8''a%20b; filename*1=c.pdf", false).is_empty());
    }

    #[test]
    fn problems_are_found() {
        assert_eq!(kinds(" text", true), vec![MimeProblem::MissingSubtype]);
        assert_eq!(kinds(" text/plain; charset", true), vec![MimeProblem::BadParameter]);
        assert_eq!(kinds(" text/plain; name=a b.txt", true), vec![MimeProblem::ValueNeedsQuoting]);
        assert_eq!(kinds(" text/plain; name=\"a", true), vec![MimeProblem::UnclosedQuote]);
        assert_eq!(kinds(" text/plain; a=1; a=2", true), vec![MimeProblem::DuplicateParameter]);
        assert_eq!(kinds(" attachment; filename*=a%20b", false), vec![MimeProblem::Rfc2231BadValue]);
        assert_eq!(kinds(" attachment; filename*=x-klingon''a", false), vec![MimeProblem::Rfc2231UnknownCharset]);
        // Declared UTF-8: Latin-1 bytes are not; a character split between sections is.
        assert_eq!(kinds(" attachment; filename*=utf-8''r%E9sum%E9.pdf", false), vec![MimeProblem::Rfc2231NotInCharset]);
        assert_eq!(kinds(" attachment; filename*=UTF-8''r%C3%A9sum%C3%A9.pdf", false), vec![]);
        assert_eq!(kinds(" attachment; filename*1*=%A9.pdf; filename*0*=UTF-8''r%C3", false), vec![]);
        assert_eq!(kinds(" attachment; filename*0*=UTF-8''r%C3; filename*1=x.pdf", false), vec![MimeProblem::Rfc2231NotInCharset]);
        assert_eq!(kinds(" attachment; filename*=iso-8859-1''r%E9sum%E9.pdf", false), vec![]);
        assert_eq!(kinds(" attachment; filename*0=a; filename*2=b", false), vec![MimeProblem::Rfc2231BadSections]);
    }

    #[test]
    fn bad_continuations_are_located_on_the_section_that_breaks_the_run() {
        fn located(v: &str) -> Vec<&str> {
            let value = parse_mime_value(v.as_bytes(), false);
            value.problems.iter().map(|p| &v[p.start..p.end]).collect()
        }
        // A repeat: the later one written, whichever order.
        assert_eq!(located(" attachment; name*0*=utf-8''r%C3%A9; name*0=x"), ["name*0=x"]);
        assert_eq!(located(" attachment; name*1=b; name*0=a; name*1*=c"), ["name*1*=c"]);
        // A gap: the first section after it.
        assert_eq!(located(" attachment; name*0=a; name*2=b; name*3=c"), ["name*2=b"]);
        assert_eq!(located(" attachment; name*3=c; name*0=a; name*2=b"), ["name*2=b"]);
        assert_eq!(located(" attachment; name*1=a"), ["name*1=a"]);
        assert!(located(" attachment; name*1=b; name*0=a").is_empty());
    }

    #[test]
    fn a_type_or_subtype_with_8_bit_bytes_is_no_token() {
        assert_eq!(kinds(" t\u{e9}xt/plain; charset=utf-8", true), vec![MimeProblem::BadType]);
        assert_eq!(kinds(" text/pl\u{e4}in", true), vec![MimeProblem::BadType]);
        assert_eq!(kinds(" attachment; filename=caf\u{e9}.pdf", false), Vec::<MimeProblem>::new());
    }
}
