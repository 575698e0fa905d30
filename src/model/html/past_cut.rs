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

use crate::inspect::bytes::{find, find_ignore_case};

/// Elements drawn inside a line: their tags join the text around them
/// (`V<b></b>iagra` is one word, as the walk reads it); any other tag is a
/// line break (`<br>`, `<p>`, `<td>`: fragments stay apart, as the walk keeps
/// them and SpamAssassin's `html_format` renders them).
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
/// cut right after `<style>` would read its style sheet as text. One look back,
/// bounded by the tag's length.
pub fn resume_at(html: &str, cut: usize) -> usize {
    let bytes = html.as_bytes();
    let Some(before) = bytes.get(..cut) else { return cut };
    if before.last() != Some(&b'>') {
        return cut;
    }
    let Some(lt) = memchr::memrchr2(b'<', b'>', &before[..before.len() - 1]).filter(|&at| before[at] == b'<') else { return cut };
    if NO_TEXT.iter().any(|n| n.eq_ignore_ascii_case(tag_name(before, lt + 1))) {
        lt
    } else {
        cut
    }
}

/// The tag name starting at `start` of `bytes`: its letters and digits.
fn tag_name(bytes: &[u8], start: usize) -> &[u8] {
    let rest = bytes.get(start..).unwrap_or_default();
    &rest[..rest.iter().take_while(|b| b.is_ascii_alphanumeric()).count()]
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
    let gt = memchr::memchr(b'>', bytes.get(lt..).unwrap_or_default()).map_or(bytes.len(), |i| lt + i + 1);
    let name_start = lt + 1 + usize::from(bytes.get(lt + 1) == Some(&b'/'));
    let name = tag_name(bytes.get(..gt).unwrap_or(bytes), name_start);
    let closing = name_start > lt + 1;
    if !closing {
        if let Some(skipped) = NO_TEXT.iter().find(|n| n.eq_ignore_ascii_case(name)) {
            // Skipped to `</name`, then past its `>`.
            let close = [b"</".as_slice(), skipped].concat();
            let end = find_ignore_case(bytes, &close, gt)
                .map_or(bytes.len(), |c| memchr::memchr(b'>', &bytes[c..]).map_or(bytes.len(), |i| c + i + 1));
            return (end, true);
        }
    }
    let inline = name.is_empty() || INLINE.iter().any(|n| n.eq_ignore_ascii_case(name));
    (gt, !inline)
}

/// Appends `text` with its entities decoded and each run of white space one blank.
fn push_text(text: &str, out: &mut String) {
    if text.is_empty() {
        return;
    }
    let decoded = super::conditional::decode_entities(text);
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

    #[test]
    fn a_cut_right_after_a_start_tag_of_no_text_reads_from_that_tag() {
        for (html, tag) in [("<p>a</p><style>.viagra{}</style>b", "<style>"), ("x<SCRIPT type=\"a\">", "<SCRIPT type=\"a\">"), ("<title>", "<title>")] {
            let cut = html.find(tag).map(|at| at + tag.len()).unwrap_or(0);
            let from = resume_at(html, cut);
            assert_eq!(from, cut - tag.len(), "{html}");
            assert!(!text(&html[from..]).contains("viagra"), "{html}");
        }
        // Any other place is kept: after another start tag, in text, at either end.
        for (html, cut) in [("<p>a<b>b", 8), ("<p>a<b>b", 7), ("<style>x", 0), ("a>b", 2), ("<style>", 7 + 1)] {
            assert_eq!(resume_at(html, cut), cut, "{html} {cut}");
        }
    }

    #[test]
    fn the_text_is_never_longer_than_the_html() {
        for html in ["<b></b>".repeat(1000), "&amp;&#x10FFFF;&nbsp;".repeat(100), "a  \n\t b ".repeat(100), "<p>".repeat(100)] {
            assert!(text(&html).len() <= html.len(), "{html:.40}");
        }
    }
}
