//! One linear pass over the HTML source before the tree builder: where each
//! start tag is (html5ever gives no source positions, so this is how elements
//! get byte offsets), and where the input must be cut so the tree builder stays
//! cheap. html5ever's cost grows with elements × open elements (scope checks walk
//! the stack of open elements), so the input is cut before `MAX_HTML_DEPTH`
//! nested elements or `MAX_HTML_ELEMENTS` elements.

use crate::inspect::bytes::{find, find_ignore_case};

/// Deepest nesting of elements parsed; beyond it the HTML is cut. Real mail
/// rarely nests deeper than 60; html5ever's cost grows with this depth. *(default, ours)*
pub const MAX_HTML_DEPTH: usize = 512;
/// Most elements parsed; beyond it the HTML is cut. *(default, ours)*
pub const MAX_HTML_ELEMENTS: usize = 100_000;

/// Elements without content (HTML §13.1.2), never open on the stack
/// (`Listed::Void`; the lists are the tests' reference for `listed`).
#[cfg(test)]
const VOID_ELEMENTS: &[&str] =
    &["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"];

/// Elements whose end tag may be omitted and that a parser closes when a sibling
/// opens (HTML §13.1.2.4), so an unclosed run of them does not nest (`Listed::OptionalEnd`).
#[cfg(test)]
const OPTIONAL_END_ELEMENTS: &[&str] =
    &["p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "tbody", "thead", "tfoot", "colgroup"];

/// The longest name of the lists above and below (`plaintext`).
const MAX_LISTED_NAME: usize = 9;

/// Elements whose content is raw text: `<` inside them starts no tag (HTML
/// §13.2.5; `noscript` too, as html5ever parses with scripting enabled; `Listed::RawText`).
#[cfg(test)]
const RAW_TEXT_ELEMENTS: &[&str] =
    &["script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript", "plaintext"];

/// Which of the lists above a lowercase tag name is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Listed {
    Void,
    OptionalEnd,
    RawText,
    Other,
}

/// The list a lowercase name is in: one `match`, where looking through the
/// three lists compared a tag's name with up to 37 names (#14: a third of the
/// pre-scan of a 10 MB newsletter in Node).
fn listed(name: &str) -> Listed {
    match name {
        "area" | "base" | "br" | "col" | "embed" | "hr" | "img" | "input" | "link" | "meta" | "param" | "source"
        | "track" | "wbr" => Listed::Void,
        "p" | "li" | "dt" | "dd" | "tr" | "td" | "th" | "option" | "optgroup" | "tbody" | "thead" | "tfoot"
        | "colgroup" => Listed::OptionalEnd,
        "script" | "style" | "textarea" | "title" | "xmp" | "iframe" | "noembed" | "noframes" | "noscript"
        | "plaintext" => Listed::RawText,
        _ => Listed::Other,
    }
}

/// Why the HTML was cut before parsing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TruncatedBy {
    /// More than `MAX_HTML_DEPTH` nested elements.
    Depth,
    /// More than `MAX_HTML_ELEMENTS` elements.
    Elements,
    /// The work budget (`budget::MAX_HTML_STEPS`) ran out.
    Steps,
    /// The derived-text budget (`budget::MAX_DERIVED_BYTES`) ran out.
    DerivedBytes,
}

/// A byte range of the decoded HTML text: an element's start tag.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

/// A start tag found by the pre-scan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StartTag {
    pub span: Span,
    /// Length of the tag name (it starts at `span.start + 1`).
    pub name_len: usize,
}

impl StartTag {
    pub fn name<'h>(&self, html: &'h str) -> &'h str {
        html.get(self.span.start + 1..self.span.start + 1 + self.name_len).unwrap_or("")
    }
}

/// What the pre-scan found.
#[derive(Debug, Default)]
pub struct Prescan {
    /// Start tags in source order, up to the cut.
    pub tags: Vec<StartTag>,
    /// The offset to cut at, why, and the limit reached.
    pub cut: Option<(usize, TruncatedBy, usize)>,
}

/// Scans `html` once.
pub fn prescan(html: &str) -> Prescan {
    let bytes = html.as_bytes();
    let mut out = Prescan::default();
    let mut depth = 0usize;
    let mut i = 0usize;
    while i < bytes.len() {
        let Some(offset) = memchr::memchr(b'<', &bytes[i..]) else { break };
        let lt = i + offset;
        let rest = &bytes[lt + 1..];
        if rest.starts_with(b"!--") {
            i = find(bytes, b"-->", lt + 4).map_or(bytes.len(), |e| e + 3);
            continue;
        }
        if rest.first().is_some_and(|b| *b == b'!' || *b == b'?') {
            // Doctype or bogus comment: up to the next `>`.
            i = memchr::memchr(b'>', &bytes[lt..]).map_or(bytes.len(), |e| lt + e + 1);
            continue;
        }
        let closing = rest.first() == Some(&b'/');
        let name_start = lt + 1 + usize::from(closing);
        if !bytes.get(name_start).is_some_and(u8::is_ascii_alphabetic) {
            i = lt + 1;
            continue;
        }
        // HTML §13.2.5.8: the tag name runs to white space, `/` or `>`.
        let name_len =
            bytes[name_start..].iter().take_while(|b| !matches!(b, b'\t' | b'\n' | b'\x0c' | b' ' | b'/' | b'>')).count();
        // Lowercased in a buffer, not a new string a tag (#14: their allocations
        // were 1 % of a 10 MB newsletter's lint in Node): a name longer than
        // every listed one, or past ASCII, is in no list, as the empty name.
        let mut buffer = [0u8; MAX_LISTED_NAME];
        let name = match (buffer.get_mut(..name_len), bytes.get(name_start..name_start + name_len)) {
            (Some(lower), Some(written)) if written.is_ascii() => {
                lower.copy_from_slice(written);
                lower.make_ascii_lowercase();
                std::str::from_utf8(lower).unwrap_or_default()
            }
            _ => "",
        };
        let kind = listed(name);
        let tag_end = tag_end(bytes, name_start + name_len);
        if closing {
            if !matches!(kind, Listed::Void | Listed::OptionalEnd) {
                depth = depth.saturating_sub(1);
            }
            i = tag_end;
            continue;
        }
        if out.tags.len() >= MAX_HTML_ELEMENTS {
            out.cut = Some((lt, TruncatedBy::Elements, MAX_HTML_ELEMENTS));
            return out;
        }
        let self_closing = tag_end >= 2 && bytes.get(tag_end - 2) == Some(&b'/');
        let nests = !matches!(kind, Listed::Void | Listed::OptionalEnd) && !self_closing;
        if nests {
            depth += 1;
            if depth > MAX_HTML_DEPTH {
                out.cut = Some((lt, TruncatedBy::Depth, MAX_HTML_DEPTH));
                return out;
            }
        }
        out.tags.push(StartTag { span: Span { start: lt, end: tag_end }, name_len });
        i = tag_end;
        if kind == Listed::RawText {
            // Skip to the end tag: `<` inside raw text starts no tag.
            let closing_tag = format!("</{name}");
            i = find_ignore_case(bytes, closing_tag.as_bytes(), i).unwrap_or(bytes.len());
        }
    }
    out
}

/// The offset just past the `>` that ends a tag whose attributes start at
/// `from`, skipping quoted attribute values (HTML §13.2.5.36–38).
fn tag_end(bytes: &[u8], from: usize) -> usize {
    let mut i = from;
    let mut after_equals = false;
    while i < bytes.len() {
        match bytes[i] {
            b'>' => return i + 1,
            b'=' => after_equals = true,
            quote @ (b'"' | b'\'') if after_equals => {
                i = memchr::memchr(quote, &bytes[i + 1..]).map_or(bytes.len(), |e| i + 1 + e);
                after_equals = false;
            }
            b'\t' | b'\n' | b'\x0c' | b' ' | b'\r' => {}
            _ => after_equals = false,
        }
        i += 1;
    }
    bytes.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn start_tags_are_found_in_source_order_with_quoted_brackets() {
        let html = r#"<p class="a>b">x</p><!-- <b> --><script>if (a<b) {}</script><IMG src='>'>"#;
        let scan = prescan(html);
        let names: Vec<&str> = scan.tags.iter().map(|t| t.name(html)).collect();
        assert_eq!(names, ["p", "script", "IMG"]);
        assert_eq!(&html[scan.tags[0].span.start..scan.tags[0].span.end], r#"<p class="a>b">"#);
        assert_eq!(&html[scan.tags[2].span.start..scan.tags[2].span.end], "<IMG src='>'>");
    }

    #[test]
    fn names_are_listed_whatever_their_case_and_length() {
        let longest = [VOID_ELEMENTS, OPTIONAL_END_ELEMENTS, RAW_TEXT_ELEMENTS].concat().iter().map(|n| n.len()).max();
        assert_eq!(longest, Some(MAX_LISTED_NAME));
        // Void and optional end tags in capitals do not nest; a raw text element
        // in capitals hides its `<`; a longer name or one past ASCII nests.
        let html = "<BR><Td><PlainText><b></PLAINTEXT><Plaintexts><aÿ><i>";
        let names: Vec<&str> = prescan(html).tags.iter().map(|t| t.name(html)).collect();
        assert_eq!(names, ["BR", "Td", "PlainText", "Plaintexts", "aÿ", "i"]);
        let deep = "<Plaintexts>".repeat(MAX_HTML_DEPTH + 1);
        assert_eq!(prescan(&deep).cut.map(|c| c.1), Some(TruncatedBy::Depth));
        let flat = "<Br><TD><LI>".repeat(MAX_HTML_DEPTH);
        assert_eq!(prescan(&flat).cut, None);
    }

    #[test]
    fn the_match_holds_the_lists() {
        let lists = [(VOID_ELEMENTS, Listed::Void), (OPTIONAL_END_ELEMENTS, Listed::OptionalEnd), (RAW_TEXT_ELEMENTS, Listed::RawText)];
        for (list, kind) in lists {
            for name in list {
                assert_eq!(listed(name), kind, "{name}");
                // A name one letter longer or shorter, or in capitals, is in no list
                // (`prescan` lowercases before it asks).
                for other in [format!("{name}s"), name[..name.len() - 1].to_string(), name.to_uppercase()] {
                    let expected = lists.iter().find(|(l, _)| l.contains(&other.as_str())).map_or(Listed::Other, |(_, k)| *k);
                    assert_eq!(listed(&other), expected, "{other}");
                }
            }
        }
        for other in ["", "a", "div", "table", "span", "font", "center", "b"] {
            assert_eq!(listed(other), Listed::Other, "{other}");
        }
    }

    #[test]
    fn deep_nesting_is_cut() {
        let html = "<div>".repeat(MAX_HTML_DEPTH + 1);
        assert_eq!(prescan(&html).cut.map(|c| c.1), Some(TruncatedBy::Depth));
    }
}
