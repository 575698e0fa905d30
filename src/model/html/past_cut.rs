//! The text of HTML past the place where the analysis was cut
//! (`HtmlFacts::truncated`: `MAX_HTML_ELEMENTS` elements, `MAX_HTML_DEPTH`
//! nested, the work budget…), read without a tree: markup dropped, entities
//! decoded. A limit of the analysis must not hide the words that follow it: a
//! megabyte of `<b></b>` before "viagra" had left the word unread (and the body
//! read as empty), while SpamAssassin's HTML renderer (HTML.pm, over
//! HTML::Parser) has no element limit and renders all of a part's text, which
//! its body rules then read (up to `body_part_scan_size`, 50,000 bytes of
//! rendered text a part). Styles are not known there, so the text is read as
//! shown; the cut itself stays a finding (`spam/invisible-text`: "the rest may
//! hide text"). One pass over the bytes, at most as long as the HTML read.

use super::tags::{tag_end, StartTag};
use crate::inspect::bytes::{find, find_ignore_case};

/// Elements drawn inside a line: their tags join the text around them
/// (`V<b></b>iagra` is one word, as the walk reads it); any other tag is a
/// line break (`<br>`, `<p>`, `<td>`: fragments stay apart, as the walk keeps
/// them and SpamAssassin's `html_format` renders them). In lower case, each
/// of at most `LONGEST_NAME` bytes (`kind_of`).
const INLINE: &[&[u8]] = &[
    b"a", b"abbr", b"b", b"bdi", b"bdo", b"big", b"cite", b"code", b"data", b"del", b"dfn", b"em", b"font", b"i", b"ins", b"kbd",
    b"mark", b"q", b"s", b"samp", b"small", b"span", b"strike", b"strong", b"sub", b"sup", b"time", b"tt", b"u", b"var", b"wbr",
];

/// Elements whose content is no text a reader sees, to their end tag (or the
/// end of the HTML, as a browser reads an unclosed one: HTML §13.2.6.4, raw
/// text and RCDATA): not `head` (its end tag is implied by body text) nor
/// `noscript` (mail clients run no scripts, so they show it).
const NO_TEXT: &[&[u8]] = &[b"script", b"style", b"template", b"title"];

/// Where the reading past a cut at `cut` starts: at the cut, or at the start tag
/// just before it when that tag opens an element with no text (`NO_TEXT`). The
/// tree builder is cut between chunks, and a chunk ends after a start tag: a
/// cut right after `<style>` would read its style sheet as text. The tag is the
/// pre-scan's (`tags`, in source order), which ends a tag where the tokenizer
/// does, past a `>` in a quoted value (`<style media="a>b">`); one binary search.
pub fn resume_at(html: &str, cut: usize, tags: &[StartTag]) -> usize {
    let at = tags.partition_point(|tag| tag.span.end < cut);
    match tags.get(at) {
        Some(tag) if tag.span.end == cut && kind_of(tag.name(html).as_bytes()) == Kind::NoText => tag.span.start,
        _ => cut,
    }
}

/// The longest name in `INLINE` and `NO_TEXT` (`template`): a longer tag
/// name is in neither.
const LONGEST_NAME: usize = 8;

/// A name of at most `LONGEST_NAME` bytes as one number: its bytes in order,
/// from the lowest. Two names without a 0 byte are the same when their numbers
/// are (a NUL in a tag name, which the tokenizer reads as U+FFFD, may read as
/// the shorter name: a line break or an inline tag, no more).
const fn key(name: &[u8]) -> u64 {
    let mut key = 0u64;
    let mut i = 0;
    while i < name.len() && i < LONGEST_NAME {
        key |= (name[i] as u64) << (8 * i);
        i += 1;
    }
    key
}

/// The keys of a list of names (`key`), made when compiling.
const fn keys<const N: usize>(names: &[&[u8]]) -> [u64; N] {
    let mut out = [0; N];
    let mut i = 0;
    while i < N {
        out[i] = key(names[i]);
        i += 1;
    }
    out
}

const INLINE_KEYS: [u64; INLINE.len()] = keys(INLINE);
const NO_TEXT_KEYS: [u64; NO_TEXT.len()] = keys(NO_TEXT);

/// What a tag of `name` is for the reading: an element with no text
/// (`NO_TEXT`), one drawn inside a line (`INLINE`, or no name), or another
/// (a line break). The name, in lower case, is made one number (`key`) and
/// looked up among the lists' numbers: a lookup of each list's names in turn,
/// each compared without case, had been half the reading of 5 million `<p>`
/// tags, and a binary search of the names (a `memcmp` a step) no faster.
fn kind_of(name: &[u8]) -> Kind {
    if name.is_empty() {
        return Kind::Inline;
    }
    if name.len() > LONGEST_NAME {
        return Kind::Block;
    }
    let mut buffer = [0u8; LONGEST_NAME];
    let lower = &mut buffer[..name.len()];
    lower.copy_from_slice(name);
    lower.make_ascii_lowercase();
    let key = key(lower);
    if INLINE_KEYS.contains(&key) {
        Kind::Inline
    } else if NO_TEXT_KEYS.contains(&key) {
        Kind::NoText
    } else {
        Kind::Block
    }
}

/// What a tag is for the reading (`kind_of`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Inline,
    Block,
    NoText,
}

/// The tag name starting at `start` of `bytes`: up to white space, `/` or `>`
/// (HTML §13.2.5.8, as the pre-scan reads it: `<style-x>` is no `style`).
fn tag_name(bytes: &[u8], start: usize) -> &[u8] {
    let rest = bytes.get(start..).unwrap_or_default();
    &rest[..rest.iter().take_while(|b| !matches!(b, b'\t' | b'\n' | b'\x0c' | b' ' | b'\r' | b'/' | b'>')).count()]
}

/// Appends the text of `html` (the HTML after the cut) to `out`, one blank for
/// each run of white space, a line break for each block tag.
pub fn append_text(html: &str, out: &mut String) {
    let bytes = html.as_bytes();
    let mut at = 0;
    let mut text_start = 0;
    while let Some(lt) = memchr::memchr(b'<', bytes.get(at..).unwrap_or_default()).map(|i| at + i) {
        let next = bytes.get(lt + 1).copied().unwrap_or(0);
        if !(next.is_ascii_alphabetic() || next == b'/' || next == b'!' || next == b'?') {
            // A `<` that opens no markup is text (`a < b`).
            at = lt + 1;
            continue;
        }
        push_text(html.get(text_start..lt).unwrap_or_default(), out);
        let (end, block) = markup_end(bytes, lt);
        if block && !out.ends_with('\n') {
            out.push('\n');
        }
        at = end;
        text_start = end;
    }
    push_text(html.get(text_start..).unwrap_or_default(), out);
}

/// Where the markup opened at `lt` ends (past its `>`, past the end tag of an
/// element with no text, or the end of `bytes`), and whether it breaks the line.
fn markup_end(bytes: &[u8], lt: usize) -> (usize, bool) {
    if bytes.get(lt..lt + 4) == Some(b"<!--") {
        return (find(bytes, b"-->", lt + 4).map_or(bytes.len(), |e| e + 3), false);
    }
    let name_start = lt + 1 + usize::from(bytes.get(lt + 1) == Some(&b'/'));
    // Past the `>` that ends the tag where the tokenizer ends it: a `>` in a
    // quoted value (`<p title="a>b">`) does not (`tags::tag_end`); a doctype or
    // bogus comment (no name) ends at the first.
    let (name, gt) = match bytes.get(lt + 1) {
        Some(b'!' | b'?') => (&[][..], memchr::memchr(b'>', bytes.get(lt..).unwrap_or_default()).map_or(bytes.len(), |i| lt + i + 1)),
        _ => {
            let name = tag_name(bytes, name_start);
            (name, tag_end(bytes, name_start + name.len(), &mut |_| false).0)
        }
    };
    let closing = name_start > lt + 1;
    match kind_of(name) {
        Kind::NoText if !closing => {
            // Skipped to `</name`, then past its `>`.
            let close = [b"</".as_slice(), name].concat();
            let end = find_ignore_case(bytes, &close, gt)
                .map_or(bytes.len(), |c| memchr::memchr(b'>', &bytes[c..]).map_or(bytes.len(), |i| c + i + 1));
            (end, true)
        }
        Kind::Inline => (gt, false),
        Kind::Block | Kind::NoText => (gt, true),
    }
}

/// Appends `text` with its entities decoded and each run of white space one blank.
fn push_text(text: &str, out: &mut String) {
    if text.is_empty() {
        return;
    }
    // Text without `&` holds no entity: read as it is, not copied (a copy of
    // each of 5 million pieces of text had cost as much as the reading).
    let decoded = match memchr::memchr(b'&', text.as_bytes()) {
        None => std::borrow::Cow::Borrowed(text),
        Some(_) => std::borrow::Cow::Owned(super::conditional::decode_entities(text)),
    };
    for (i, piece) in decoded.split(|c: char| c.is_whitespace()).enumerate() {
        if i > 0 && !out.ends_with([' ', '\n']) && !out.is_empty() {
            out.push(' ');
        }
        out.push_str(piece);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(html: &str) -> String {
        let mut out = String::new();
        append_text(html, &mut out);
        out
    }

    #[test]
    fn markup_is_dropped_and_inline_tags_join_words() {
        assert_eq!(text("<p>Buy V<b></b>iagra &amp; more</p><br>now"), "\nBuy Viagra & more\nnow");
        assert_eq!(text("por<br>no<td>x</td>"), "por\nno\nx\n");
        assert_eq!(text("a < b <!-- viagra --> c"), "a < b c");
        assert_eq!(text("<style>.x{color:red}</style>hi<script>porn()</script>!"), "\nhi\n!");
        // A head's end tag is implied, and mail clients show `noscript`.
        assert_eq!(text("<head><noscript>Buy now</noscript>"), "\nBuy now\n");
        // Unclosed markup ends the text.
        assert_eq!(text("word <style>p{}"), "word \n");
        assert_eq!(text("word <b"), "word ");
    }

    /// `resume_at` with the pre-scan's tags of `html`.
    fn resume(html: &str, cut: usize) -> usize {
        let scan = super::super::tags::prescan(html, &mut super::super::names::Names::default());
        resume_at(html, cut, &scan.tags)
    }

    #[test]
    fn a_cut_right_after_a_start_tag_of_no_text_reads_from_that_tag() {
        for (html, tag) in [
            ("<p>a</p><style>.viagra{}</style>b", "<style>"),
            ("x<SCRIPT type=\"a\">", "<SCRIPT type=\"a\">"),
            ("<title>", "<title>"),
            // A `>` in a quoted value does not end the tag.
            ("<p>a</p><style media=\"a>b\">.viagra{}</style>b", "<style media=\"a>b\">"),
            ("<style title='<x>' media=\"x>\">.viagra{}", "<style title='<x>' media=\"x>\">"),
        ] {
            let cut = html.find(tag).map(|at| at + tag.len()).unwrap_or(0);
            let from = resume(html, cut);
            assert_eq!(from, cut - tag.len(), "{html}");
            assert!(!text(&html[from..]).contains("viagra"), "{html}");
        }
        // Any other place is kept: after another start tag, in text, at either
        // end, inside a start tag's quoted value, after a tag whose name only starts so.
        for (html, cut) in [("<p>a<b>b", 8), ("<p>a<b>b", 7), ("<style>x", 0), ("a>b", 2), ("<style>", 7 + 1), ("<style media=\"a>b\">", 16), ("<style-x>", 9)] {
            assert_eq!(resume(html, cut), cut, "{html} {cut}");
        }
    }

    #[test]
    fn tag_names_are_looked_up_without_case() {
        // The keys need the names in lower case and short enough.
        assert!(INLINE.iter().chain(NO_TEXT).all(|n| !n.iter().any(u8::is_ascii_uppercase) && n.len() <= LONGEST_NAME));
        for name in INLINE {
            assert_eq!(kind_of(name), Kind::Inline);
            assert_eq!(kind_of(&name.to_ascii_uppercase()), Kind::Inline);
        }
        for name in NO_TEXT {
            assert_eq!(kind_of(&name.to_ascii_uppercase()), Kind::NoText);
        }
        for name in [&b"p"[..], b"br", b"x", b"spans", b"templates", b"strikethrough", b"ab"] {
            assert_eq!(kind_of(name), Kind::Block, "{name:?}");
        }
        assert_eq!(kind_of(b""), Kind::Inline);
        assert_eq!(text("a<SPAN>b</Span><Td>c<STYLE>x</sTyLe>d<Title>t</title>e"), "ab\nc\nd\ne");
    }

    #[test]
    fn a_quoted_bracket_does_not_end_a_tag() {
        assert_eq!(text("<p title=\"a>viagra\">Hello</p>"), "\nHello\n");
        assert_eq!(text("<a href='x' title='1 > 0, cialis'>Hi</a> there"), "Hi there");
        // A quote that opens no value is part of a name, as the tokenizer reads it.
        assert_eq!(text("<b x\"=y>a\"b"), "a\"b");
        // An unclosed quote runs to the end, as the tokenizer drops such a tag.
        assert_eq!(text("ok <b title=\"viagra"), "ok ");
        assert_eq!(text("<!-- a > b --><!doctype html>text"), "text");
    }

    #[test]
    fn the_text_is_never_longer_than_the_html() {
        for html in ["<b></b>".repeat(1000), "&amp;&#x10FFFF;&nbsp;".repeat(100), "a  \n\t b ".repeat(100), "<p>".repeat(100)] {
            assert!(text(&html).len() <= html.len(), "{html:.40}");
        }
    }
}
