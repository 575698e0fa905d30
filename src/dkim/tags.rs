//! The tag-list syntax shared by `DKIM-Signature` fields and DKIM key records
//! (RFC 6376 §3.2), read over bytes with the offsets of every value, so the
//! `b=` value can be emptied for hashing (§3.7) and problems can be pointed at.

use std::ops::Range;

/// One `name=value` pair; ranges index the parsed text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tag {
    /// The name as written (tag names are case-sensitive, §3.2).
    pub name: String,
    /// The value with surrounding white space removed; inner folding white
    /// space kept as written.
    pub value: String,
    /// Where the value (trimmed) lies in the text.
    pub value_range: Range<usize>,
}

/// A defect of the tag list itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TagProblem {
    /// A `tag-spec` without `=` (e.g. `; foo ;`), at this text.
    NoEquals(String),
    /// A tag name that is not `ALPHA *(ALPHA / DIGIT / "_")`.
    BadName(String),
    /// A value with a character outside `VALCHAR` (controls, `;` cannot occur).
    BadValue(String),
    /// A tag given twice: "the entire tag-list is invalid" (§3.2).
    Duplicate(String),
}

/// Most tags read from one list (a signature has 14 defined tags); more is an
/// error of our own choosing, bounding the work on hostile input.
pub const MAX_TAGS: usize = 64;

/// Parses a tag list. Problems do not stop the parse: every well-formed tag is kept.
pub fn parse(text: &[u8]) -> (Vec<Tag>, Vec<TagProblem>) {
    let mut tags: Vec<Tag> = Vec::new();
    let mut problems = Vec::new();
    let mut start = 0;
    while start <= text.len() && tags.len() < MAX_TAGS {
        let end = text[start..].iter().position(|&b| b == b';').map_or(text.len(), |i| start + i);
        let spec = &text[start..end];
        if !spec.iter().all(|b| is_fws(*b)) {
            match spec.iter().position(|&b| b == b'=') {
                None => problems.push(TagProblem::NoEquals(lossy(trim(spec)))),
                Some(eq) => {
                    let name = trim(&spec[..eq]);
                    let (value_start, value_end) = trimmed_range(spec, eq + 1, spec.len());
                    let value = &spec[value_start..value_end];
                    let name_text = lossy(name);
                    if !is_tag_name(name) {
                        problems.push(TagProblem::BadName(name_text));
                    } else if !value.iter().all(|&b| is_valchar(b) || is_fws(b)) {
                        problems.push(TagProblem::BadValue(name_text));
                    } else if tags.iter().any(|t| t.name == name_text) {
                        problems.push(TagProblem::Duplicate(name_text));
                    } else {
                        tags.push(Tag {
                            name: name_text,
                            value: lossy(value),
                            value_range: start + value_start..start + value_end,
                        });
                    }
                }
            }
        }
        start = end + 1;
    }
    (tags, problems)
}

/// The value of a tag by name.
pub fn value<'t>(tags: &'t [Tag], name: &str) -> Option<&'t str> {
    tags.iter().find(|t| t.name == name).map(|t| t.value.as_str())
}

/// `ALPHA *ALNUMPUNC` (§3.2).
fn is_tag_name(name: &[u8]) -> bool {
    name.first().is_some_and(u8::is_ascii_alphabetic) && name.iter().all(|b| b.is_ascii_alphanumeric() || *b == b'_')
}

/// `VALCHAR = %x21-3A / %x3C-7E` (§3.2).
fn is_valchar(b: u8) -> bool {
    matches!(b, 0x21..=0x3A | 0x3C..=0x7E)
}

fn is_fws(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\r' | b'\n')
}

fn trim(bytes: &[u8]) -> &[u8] {
    let (s, e) = trimmed_range(bytes, 0, bytes.len());
    &bytes[s..e]
}

fn trimmed_range(bytes: &[u8], mut start: usize, mut end: usize) -> (usize, usize) {
    while start < end && is_fws(bytes[start]) {
        start += 1;
    }
    while end > start && is_fws(bytes[end - 1]) {
        end -= 1;
    }
    (start, end)
}

fn lossy(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Strict base64 (RFC 4648 §4) with folding white space ignored, as `b=`,
/// `bh=` and `p=` are written (§3.5); `None` on any other character or a bad length.
pub fn base64(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len() / 4 * 3);
    let (mut acc, mut bits, mut digits, mut padding) = (0u32, 0u32, 0usize, 0usize);
    for &c in text.as_bytes() {
        let v = match c {
            b'=' => {
                padding += 1;
                continue;
            }
            c if is_fws(c) => continue,
            c => crate::base64::value(c)?,
        };
        if padding > 0 {
            return None;
        }
        digits += 1;
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    ((digits + padding) % 4 == 0 && padding <= 2 && digits % 4 != 1).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_keep_their_value_offsets() {
        let text = b" v=1; a=rsa-sha256;\r\n\tb=abc\r\n def ; bh=xyz=";
        let (tags, problems) = parse(text);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(tags.len(), 4);
        assert_eq!(value(&tags, "a"), Some("rsa-sha256"));
        let b = tags.iter().find(|t| t.name == "b").unwrap();
        assert_eq!(&text[b.value_range.clone()], b"abc\r\n def");
        assert_eq!(value(&tags, "bh"), Some("xyz="));
    }

    #[test]
    fn duplicate_and_malformed_tags_are_problems() {
        let (tags, problems) = parse(b"a=1; a=2; 9x=3; junk; c=\x01");
        assert_eq!(tags.len(), 1);
        assert_eq!(
            problems,
            vec![
                TagProblem::Duplicate("a".into()),
                TagProblem::BadName("9x".into()),
                TagProblem::NoEquals("junk".into()),
                TagProblem::BadValue("c".into())
            ]
        );
    }

    #[test]
    fn base64_is_strict_but_ignores_folding() {
        assert_eq!(base64("aGVs\r\n bG8="), Some(b"hello".to_vec()));
        assert_eq!(base64("aGVsbG8"), None, "missing padding");
        assert_eq!(base64("aGV*bG8="), None);
        assert_eq!(base64(""), Some(Vec::new()));
    }
}
