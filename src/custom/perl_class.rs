//! Bracketed classes of Perl patterns in `regex` syntax: a `[` inside a class
//! is a member for Perl and a nested class for `regex`, `&&`, `--` and `~~`
//! are operators for `regex` only, and inside a class `\b` is a backspace and
//! `\1` an octal escape.

use super::perl::{shared_escape, space_class, PerlFeature, Unsupported, Writer};

/// A bracketed class starting at `i`: the offset after its `]`.
pub(super) fn class(w: &mut Writer, i: usize) -> Result<usize, Unsupported> {
    let bytes = w.source.as_bytes();
    w.push("[", i);
    let mut j = i + 1;
    if bytes.get(j) == Some(&b'^') {
        w.push("^", j);
        j += 1;
    }
    // A `]` first in the class is a member.
    if bytes.get(j) == Some(&b']') {
        w.push("\\]", j);
        j += 1;
    }
    let mut previous_dash = false;
    while j < bytes.len() {
        let b = bytes[j];
        let dash = b == b'-';
        match b {
            b']' => {
                w.push("]", j);
                return Ok(j + 1);
            }
            b'[' => {
                // `[:alpha:]` is a POSIX class; any other `[` is a member in Perl.
                match posix_class(bytes, j) {
                    Some(end) => {
                        let text = w.source[j..end].to_string();
                        w.push(&text, j);
                        j = end;
                    }
                    None => {
                        w.push("\\[", j);
                        j += 1;
                    }
                }
            }
            b'\\' => j = escape_inside(w, j)?,
            b'-' if previous_dash => {
                w.push("\\-", j);
                j += 1;
            }
            b'-' => {
                w.push("-", j);
                j += 1;
            }
            b'&' | b'~' | b'#' => {
                w.byte(b, j);
                j += 1;
            }
            b' ' | b'\t' if w.extended => {
                w.byte(b, j);
                j += 1;
            }
            _ if b.is_ascii() => {
                w.push(std::str::from_utf8(&[b]).unwrap_or("?"), j);
                j += 1;
            }
            _ => {
                // A non-ASCII character in a Perl class on bytes: each of its bytes is a member.
                let c = w.source[j..].chars().next().unwrap_or('\u{FFFD}');
                w.literal(c, j);
                j += c.len_utf8();
            }
        }
        previous_dash = dash;
    }
    // Unclosed: the parser reports it where the class opened.
    Ok(j)
}

/// `[:name:]` or `[:^name:]` at `j`: the offset after it.
fn posix_class(bytes: &[u8], j: usize) -> Option<usize> {
    if bytes.get(j + 1) != Some(&b':') {
        return None;
    }
    let mut k = j + 2;
    if bytes.get(k) == Some(&b'^') {
        k += 1;
    }
    let name_start = k;
    while k < bytes.len() && bytes[k].is_ascii_alphabetic() {
        k += 1;
    }
    (k > name_start && bytes.get(k) == Some(&b':') && bytes.get(k + 1) == Some(&b']')).then_some(k + 2)
}

/// A `\` escape inside a class, at `j`: the offset after it.
fn escape_inside(w: &mut Writer, j: usize) -> Result<usize, Unsupported> {
    let bytes = w.source.as_bytes();
    let Some(&next) = bytes.get(j + 1) else {
        w.push("\\", j);
        return Ok(j + 1);
    };
    match next {
        b'p' | b'P' => Err(Unsupported { feature: PerlFeature::UnicodeProperty, offset: j }),
        b'N' | b'X' => Err(Unsupported { feature: PerlFeature::UnicodeName, offset: j }),
        b'd' | b'D' | b'w' | b'W' | b's' | b'S' => {
            w.push(&w.source[j..j + 2], j);
            Ok(j + 2)
        }
        b'h' | b'H' | b'v' | b'V' => {
            w.push(&space_class(next, true), j);
            Ok(j + 2)
        }
        // In a class `\b` is a backspace, and `\1`–`\7` are octal.
        b'b' => {
            w.byte(0x08, j);
            Ok(j + 2)
        }
        b'1'..=b'7' => {
            let mut end = j + 1;
            while end < bytes.len() && end < j + 4 && (b'0'..=b'7').contains(&bytes[end]) {
                end += 1;
            }
            let digits = std::str::from_utf8(&bytes[j + 1..end]).unwrap_or("0");
            w.code_point(u32::from_str_radix(digits, 8).unwrap_or(0), j);
            Ok(end)
        }
        _ => shared_escape(w, j),
    }
}
