//! Body text as SpamAssassin builds it for its rules
//! (`Message::get_body_text_array_common`, `split_into_array_of_short_lines`,
//! `split_into_array_of_short_paragraphs`): rendered parts, paragraphs one a
//! line, long lines and raw bodies cut into pieces.

use super::limits::{MAX_BODY_PART_BYTES, MAX_RAWBODY_PART_BYTES, SA_LINE_BYTES};
use super::targets::{cut, subject_place, visible_text_of, Place, Value};
use crate::model::html::HtmlFacts;
use crate::model::{Body, Message, Part, HTML_VIEW_TYPES};
use std::borrow::Cow;

/// The rendered text of each body part a reader sees (`text/plain`, `text/html`),
/// at most `MAX_BODY_PART_BYTES` of each; an HTML view (AMP, Apple Watch) is its
/// visible text.
pub fn rendered_parts<'m>(message: &'m Message) -> Vec<(usize, Cow<'m, str>)> {
    let mut out = Vec::new();
    for part in &message.parts {
        let text: Cow<'m, str> = match &part.body {
            Body::Text(text) if part.content_type == "text/plain" => Cow::Borrowed(cut(text, MAX_BODY_PART_BYTES)),
            Body::Html(_) => match message.html.iter().chain(&message.html_views).find(|h| h.part == part.index) {
                Some(facts) => Cow::Borrowed(cut(visible_text_of(facts), MAX_BODY_PART_BYTES)),
                None => continue,
            },
            _ => continue,
        };
        out.push((part.index, text));
    }
    out
}

/// Our `body` target: the rendered parts joined by a line break, a blank line
/// ends a paragraph, any other run of white space is one space; one paragraph
/// a value, lines over `SA_LINE_BYTES` split at a space.
pub fn body_paragraphs<'m>(message: &'m Message) -> Vec<Value<'m>> {
    let mut text = String::new();
    let mut owners: Vec<(usize, usize)> = Vec::new();
    for (index, (part, rendered)) in rendered_parts(message).iter().enumerate() {
        if index > 0 {
            text.push('\n');
        }
        owners.push((text.len(), *part));
        text.push_str(rendered);
    }
    let mut out = Vec::new();
    for (paragraph, part) in paragraphs(&text, &owners) {
        let paragraph = paragraph.strip_suffix('\n').unwrap_or(&paragraph);
        if paragraph.is_empty() {
            continue;
        }
        for piece in split_long(paragraph) {
            out.push(Value::new(piece.to_string().into_bytes(), Place::Part(part)));
        }
    }
    out
}

/// SpamAssassin's `body` lines (`Message::get_body_text_array_common`, 4.0.1):
/// the subject line (the last `Subject` decoded, with its line break; a line
/// break alone without one), then the rendered texts of the leaf parts joined
/// by a line break (a leaf that renders nothing, an image, still adds its line
/// break), made paragraphs by `paragraphs`, each line ending with its line
/// break, lines over `SA_LINE_BYTES` split at a space
/// (`split_into_array_of_short_lines`). Without `subject` (`tflags nosubject`)
/// the first line is left out, as SpamAssassin skips it.
pub fn sa_body_lines<'m>(message: &'m Message, subject: bool) -> Vec<Value<'m>> {
    let mut text = String::new();
    let mut owners: Vec<(usize, usize)> = Vec::new();
    for (part, rendered) in sa_leaf_texts(message) {
        if !text.is_empty() {
            text.push('\n');
        }
        if let Some(rendered) = rendered {
            owners.push((text.len(), part));
            text.push_str(&rendered);
        }
    }
    let subject_field = message.header.fields.iter().rposition(|f| f.is("Subject"));
    let mut line = subject_field.map(|index| super::sa_headers::decoded_value(message, index)).unwrap_or_default();
    line.push(b'\n');
    let line = String::from_utf8_lossy(&line).into_owned();
    let mut out: Vec<Value<'m>> = Vec::new();
    for subject_line in line.split_inclusive('\n') {
        for piece in split_long(subject_line) {
            out.push(Value::new(piece.to_string().into_bytes(), subject_place(message)));
        }
    }
    for (paragraph, part) in paragraphs(&text, &owners) {
        for piece in split_long(&paragraph) {
            out.push(Value::new(piece.to_string().into_bytes(), Place::Part(part)));
        }
    }
    if !subject && !out.is_empty() {
        out.remove(0);
    }
    out
}

/// The text SpamAssassin renders of each leaf part, in order (`None`: the part
/// renders nothing): `text/plain` as decoded (CRLF made LF where SpamAssassin
/// does, `sa_headers::squashes_crlf`), with the line break before the
/// next delimiter line that SpamAssassin keeps in the part (so a part ends its
/// paragraph); a multipart none of whose parts were found (its boundary never
/// opens) as text/plain, the whole body, as SpamAssassin reads it; `text/html`
/// rendered (hidden text left out, see the README), a blank line where a
/// paragraph element starts or ends; an HTML view's markup as it is
/// (SpamAssassin reads those types as text/plain, `model::HTML_VIEW_TYPES`).
/// At most `MAX_BODY_PART_BYTES` of each.
fn sa_leaf_texts<'m>(message: &'m Message) -> Vec<(usize, Option<Cow<'m, str>>)> {
    let mut work = message.html_work.clone();
    let squash = super::sa_headers::squashes_crlf(message.content());
    let mut out = Vec::new();
    for part in message.parts.iter().filter(|p| p.children.is_empty()) {
        let text: Option<Cow<'m, str>> = match &part.body {
            Body::Text(text) if part.content_type == "text/plain" || part.content_type.starts_with("multipart/") => {
                let mut text = Cow::Borrowed(cut(text, MAX_BODY_PART_BYTES));
                if squash && text.contains("\r\n") {
                    // SpamAssassin ends its body lines with LF in a CRLF message (`s/\015\012\z/\012/`).
                    text = Cow::Owned(text.replace("\r\n", "\n"));
                }
                if ends_before_delimiter(message, part) && text.len() < MAX_BODY_PART_BYTES {
                    text.to_mut().push('\n');
                }
                Some(text)
            }
            Body::Html(html) if HTML_VIEW_TYPES.contains(&part.content_type.as_str()) => {
                Some(Cow::Borrowed(cut(html, MAX_BODY_PART_BYTES)))
            }
            Body::Html(html) => match message.html.iter().chain(&message.html_views).find(|h| h.part == part.index) {
                Some(body) => Some(Cow::Owned(with_paragraph_breaks(&body.facts))),
                None => {
                    let facts = crate::model::html::analyse_within(cut(html, MAX_RAWBODY_PART_BYTES), &mut work);
                    Some(Cow::Owned(with_paragraph_breaks(&facts)))
                }
            },
            _ => None,
        };
        out.push((part.index, text));
    }
    out
}

/// Whether a part's body is followed by the line break of a delimiter line:
/// RFC 2046 §5.1.1 makes it the delimiter's (mail-parser leaves it out),
/// SpamAssassin 4.0.1 keeps it in the part's text (not in base64, whose
/// decoding drops it).
fn ends_before_delimiter(message: &Message, part: &Part) -> bool {
    let Some(range) = part.body_range.as_ref().filter(|_| part.parent.is_some()) else { return false };
    let after = message.raw.get(range.end..).unwrap_or_default();
    part.transfer_encoding.as_deref() != Some("base64") && (after.starts_with(b"\n") || after.starts_with(b"\r\n"))
}

/// An HTML part's visible text (at most `MAX_BODY_PART_BYTES`) with a blank
/// line at each of its paragraph breaks (`HtmlFacts::paragraph_breaks`), and
/// the line breaks of preformatted text (`HtmlFacts::code_ranges`: `<pre>`,
/// `<code>`, …) made spaces: SpamAssassin's renderer makes every run of white
/// space in a text one space, there too (`HTML::display_text`).
fn with_paragraph_breaks(facts: &HtmlFacts) -> String {
    let source = cut(&facts.visible_text, MAX_BODY_PART_BYTES);
    let mut code_ranges: Vec<&std::ops::Range<usize>> = facts.code_ranges.iter().collect();
    code_ranges.sort_by_key(|r| r.start);
    let mut ranges = code_ranges.into_iter().peekable();
    // Byte for byte (a line break becomes a space): the breaks' offsets still hold.
    let mut visible = String::with_capacity(source.len());
    for (at, c) in source.char_indices() {
        while ranges.peek().is_some_and(|r| r.end <= at) {
            ranges.next();
        }
        let in_code = ranges.peek().is_some_and(|r| r.start <= at);
        visible.push(if in_code && matches!(c, '\n' | '\r') { ' ' } else { c });
    }
    let visible = visible.as_str();
    let mut out = String::with_capacity(visible.len() + 2 * facts.paragraph_breaks.len());
    let mut at = 0;
    for &mark in &facts.paragraph_breaks {
        if mark > visible.len() || !visible.is_char_boundary(mark) || mark < at {
            continue;
        }
        out.push_str(&visible[at..mark]);
        out.push_str("\n\n");
        at = mark;
    }
    out.push_str(&visible[at..]);
    out
}

/// SpamAssassin's white space (`s/\n+\s*\n+/\x00/gs; s/\s+/ /gs; tr/\x00/\n/`):
/// a run of white space holding two line breaks ends a paragraph (what is left
/// of the run on either side is one space each), any other run is one space.
/// Each paragraph with the part it starts in (`owners`: offset in `text`, part),
/// ending with its line break but the last.
fn paragraphs(text: &str, owners: &[(usize, usize)]) -> Vec<(String, usize)> {
    let mut out = Vec::new();
    let mut paragraph = String::new();
    let mut paragraph_part = owners.first().map_or(0, |o| o.1);
    let part_at = |offset: usize| owners.iter().rev().find(|(start, _)| *start <= offset).map_or(0, |o| o.1);
    let mut chars = text.char_indices().peekable();
    while let Some((offset, c)) = chars.next() {
        if !c.is_whitespace() {
            if paragraph.is_empty() {
                paragraph_part = part_at(offset);
            }
            paragraph.push(c);
            continue;
        }
        if paragraph.is_empty() {
            paragraph_part = part_at(offset);
        }
        let mut run = vec![c];
        while let Some(&(_, next)) = chars.peek() {
            if !next.is_whitespace() {
                break;
            }
            run.push(next);
            chars.next();
        }
        let first = run.iter().position(|&c| c == '\n');
        let last = run.iter().rposition(|&c| c == '\n');
        match (first, last) {
            (Some(first), Some(last)) if first < last => {
                if first > 0 {
                    paragraph.push(' ');
                }
                paragraph.push('\n');
                out.push((std::mem::take(&mut paragraph), paragraph_part));
                if last + 1 < run.len() {
                    paragraph.push(' ');
                    paragraph_part = part_at(offset);
                }
            }
            _ => paragraph.push(' '),
        }
    }
    if !paragraph.is_empty() {
        out.push((paragraph, paragraph_part));
    }
    out
}

/// `split_into_array_of_short_lines`: pieces of at most `SA_LINE_BYTES`, cut after a space when there is one.
fn split_long(line: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = line;
    while rest.len() > SA_LINE_BYTES {
        let window = cut(rest, SA_LINE_BYTES);
        let at = window.rfind(' ').map_or(window.len(), |space| space + 1);
        out.push(&rest[..at]);
        rest = &rest[at..];
    }
    out.push(rest);
    out
}

/// SpamAssassin's rawbody chunks: (offset, text).
pub fn sa_chunks(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut start = 0;
    while text.len() - start > 2 * SA_LINE_BYTES {
        let from = start + SA_LINE_BYTES;
        let limit = start + 2 * SA_LINE_BYTES;
        let find =
            |needle: u8| bytes[from..].iter().position(|&b| b == needle).map(|n| from + n).filter(|&j| j < limit);
        let mut end = find(b'\n').or_else(|| find(b'>')).or_else(|| find(b' ')).map_or(from, |j| j + 1);
        while !text.is_char_boundary(end) {
            end += 1;
        }
        out.push((start, &text[start..end]));
        start = end;
    }
    if start < text.len() {
        out.push((start, &text[start..]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::targets::testing::{analyse, texts};
    use super::*;

    #[test]
    fn body_paragraphs_collapse_white_space_and_keep_blank_line_breaks() {
        let message = analyse("Subject: Hi\n\nfirst  line\nsame paragraph\n\n\nsecond\n");
        assert_eq!(texts(&body_paragraphs(&message)), vec!["first line same paragraph", "second "]);
        assert_eq!(texts(&sa_body_lines(&message, true)), vec!["Hi\n", "first line same paragraph\n", "second "]);
        assert_eq!(texts(&sa_body_lines(&message, false)), vec!["first line same paragraph\n", "second "]);
    }

    #[test]
    fn html_is_rendered_in_paragraphs_as_spamassassin_renders_it() {
        // SpamAssassin 4.0.1's lines for this message, but the last one's final
        // space (the line break after `</html>`, which our visible text trims).
        let message = analyse("Subject: s\nContent-Type: text/html\n\n<html><body><pre>one\ntwo</pre>three<p>four</p>five<div>six</div><br>seven<ul><li>eight<li>nine</ul></body></html>\n");
        let lines = texts(&sa_body_lines(&message, true));
        assert_eq!(lines, vec!["s\n", "\n", "one two\n", "three\n", "four\n", "five six\n", "seven eight nine"]);
    }

    #[test]
    fn rawbody_chunks_are_two_to_four_kilobytes() {
        let text = "word ".repeat(2000);
        let chunks = sa_chunks(&text);
        assert!(chunks.iter().all(|(_, c)| c.len() <= 2 * SA_LINE_BYTES));
        assert_eq!(chunks.iter().map(|(_, c)| c.len()).sum::<usize>(), text.len());
    }
}
