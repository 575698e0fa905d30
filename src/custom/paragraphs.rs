//! Body text as SpamAssassin builds it for its rules
//! (`Message::get_body_text_array_common`, `split_into_array_of_short_lines`,
//! `split_into_array_of_short_paragraphs`): rendered parts, paragraphs one a
//! line, long lines and raw bodies cut into pieces.

use super::limits::{MAX_BODY_PART_BYTES, MAX_RAWBODY_PART_BYTES, SA_LINE_BYTES};
use super::targets::{cut, subject_place, visible_text_of, Place, Value};
use crate::model::{Body, Message, HTML_VIEW_TYPES};
use std::borrow::Cow;

/// The rendered text of each leaf part SpamAssassin renders (`text/plain`,
/// `text/html`), at most `MAX_BODY_PART_BYTES` of each. An HTML part the model
/// did not analyse (not a body the reader sees, e.g. a lone `text/html` part
/// taken for an attachment) is rendered here when `every_leaf` (SpamAssassin
/// renders every `text/html` leaf). An HTML view (AMP, Apple Watch) is its
/// visible text, or with `every_leaf` its markup as it is: SpamAssassin reads
/// those types as text/plain (`model::HTML_VIEW_TYPES`).
pub fn rendered_parts<'m>(message: &'m Message, every_leaf: bool) -> Vec<(usize, Cow<'m, str>)> {
    let mut out = Vec::new();
    let mut work = message.html_work.clone();
    for part in &message.parts {
        let text: Cow<'m, str> = match &part.body {
            Body::Text(text) if part.content_type == "text/plain" => Cow::Borrowed(cut(text, MAX_BODY_PART_BYTES)),
            Body::Html(html) if every_leaf && HTML_VIEW_TYPES.contains(&part.content_type.as_str()) => {
                Cow::Borrowed(cut(html, MAX_BODY_PART_BYTES))
            }
            Body::Html(html) => match message.html.iter().chain(&message.html_views).find(|h| h.part == part.index) {
                Some(facts) => Cow::Borrowed(cut(visible_text_of(facts), MAX_BODY_PART_BYTES)),
                None if every_leaf => {
                    let facts = crate::model::html::analyse_within(cut(html, MAX_RAWBODY_PART_BYTES), &mut work);
                    Cow::Owned(cut(&facts.visible_text, MAX_BODY_PART_BYTES).to_string())
                }
                None => continue,
            },
            _ => continue,
        };
        out.push((part.index, text));
    }
    out
}

/// SpamAssassin's paragraphs (`Message::get_body_text_array_common`): parts
/// joined by a line break, a blank line ends a paragraph, any other run of
/// white space is one space; lines over `SA_LINE_BYTES` are split at a space.
/// With `subject`, the subject comes first, as its own line.
pub fn body_paragraphs<'m>(message: &'m Message, subject: bool, every_leaf: bool) -> Vec<Value<'m>> {
    let mut out = Vec::new();
    if subject {
        let line = message.subject.clone().unwrap_or_default();
        for piece in split_long(&line) {
            out.push(Value::new(piece.to_string().into_bytes(), subject_place(message)));
        }
    }
    let parts = rendered_parts(message, every_leaf);
    let mut text = String::new();
    let mut owners: Vec<(usize, usize)> = Vec::new();
    for (index, (part, rendered)) in parts.iter().enumerate() {
        if index > 0 {
            text.push('\n');
        }
        owners.push((text.len(), *part));
        text.push_str(rendered);
    }
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
        // A run of white space. `s/\n+\s*\n+/\x00/`: from its first to its last
        // line break it ends the paragraph when it holds two; what is left on
        // either side is one space each (`s/\s+/ /`).
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
                push_paragraph(&mut out, &mut paragraph, paragraph_part);
                if last + 1 < run.len() {
                    paragraph.push(' ');
                    paragraph_part = part_at(offset);
                }
            }
            _ => paragraph.push(' '),
        }
    }
    push_paragraph(&mut out, &mut paragraph, paragraph_part);
    out
}

fn push_paragraph(out: &mut Vec<Value>, paragraph: &mut String, part: usize) {
    let text = std::mem::take(paragraph);
    if text.is_empty() {
        return;
    }
    for piece in split_long(&text) {
        out.push(Value::new(piece.to_string().into_bytes(), Place::Part(part)));
    }
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
        assert_eq!(texts(&body_paragraphs(&message, false, false)), vec!["first line same paragraph", "second "]);
        assert_eq!(texts(&body_paragraphs(&message, true, true)), vec!["Hi", "first line same paragraph", "second "]);
    }

    #[test]
    fn rawbody_chunks_are_two_to_four_kilobytes() {
        let text = "word ".repeat(2000);
        let chunks = sa_chunks(&text);
        assert!(chunks.iter().all(|(_, c)| c.len() <= 2 * SA_LINE_BYTES));
        assert_eq!(chunks.iter().map(|(_, c)| c.len()).sum::<usize>(), text.len());
    }
}
