//! uuencoded files in a text body (POSIX `uuencode`, historical format):
//! `begin <mode> <name>`, lines of which the first character gives the length
//! and each four characters carry three bytes (`(c - 32) & 63`, with `` ` `` for
//! zero), a line of length zero, then `end`. Thunderbird and Outlook show such a
//! block as an attachment and ClamAV decodes it in mail, so a program sent this
//! way is a program in the mail.

use std::ops::Range;

/// Most uuencoded blocks read from one text (ours: a message carries one or two).
pub const MAX_UUENCODE_BLOCKS: usize = 16;

/// One uuencoded file found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// The name on the `begin` line.
    pub name: String,
    /// Its decoded bytes, at most the `max_bytes` given.
    pub data: Vec<u8>,
    /// `data` is the whole file (false: cut at `max_bytes`).
    pub complete: bool,
    /// Where the block is in the text, `begin` line to `end` line (or to the
    /// last line of data when `end` is missing).
    pub span: Range<usize>,
}

/// The `begin` line's name: `begin 644 name`, the mode three or four octal digits.
fn begin_name(line: &str) -> Option<&str> {
    let rest = line.strip_prefix("begin ")?;
    let (mode, name) = rest.split_once(' ')?;
    let octal = (3..=4).contains(&mode.len()) && mode.bytes().all(|b| (b'0'..=b'7').contains(&b));
    let name = name.trim_end_matches(['\r', ' ']);
    (octal && !name.is_empty()).then_some(name)
}

/// The bytes one data line carries, or `None` when the line is not one.
fn decode_line(line: &[u8], out: &mut Vec<u8>, room: usize) -> Option<usize> {
    let value = |b: u8| (b.wrapping_sub(b' ')) & 63;
    let (&first, rest) = line.split_first()?;
    if !(b' '..=b'`').contains(&first) {
        return None;
    }
    let length = usize::from(value(first));
    // Each group of four characters carries three bytes; encoders pad the last
    // group, or drop its trailing spaces (read as zeros).
    if rest.len() < (length * 4).div_ceil(3) || !rest.iter().all(|b| (b' '..=b'`').contains(b)) {
        return None;
    }
    let mut written = 0;
    for group in rest.chunks(4) {
        let c: Vec<u8> = (0..4).map(|i| value(*group.get(i).unwrap_or(&b' '))).collect();
        let bytes = [c[0] << 2 | c[1] >> 4, c[1] << 4 | c[2] >> 2, c[2] << 6 | c[3]];
        for byte in bytes {
            if written == length {
                break;
            }
            if out.len() < room {
                out.push(byte);
            }
            written += 1;
        }
    }
    Some(length)
}

/// The uuencoded blocks of `text`, at most `MAX_UUENCODE_BLOCKS`, their data
/// decoded up to `max_bytes` in all.
pub fn blocks(text: &str, max_bytes: usize) -> Vec<Block> {
    let mut found = Vec::new();
    // Most text bodies have no line starting `begin `: one memmem pass finds the
    // first that does, and lines are read only from there (a line-by-line read of
    // every text body was 0.8 % of a native corpus lint, callgrind).
    let line_start = |at: &usize| *at == 0 || text.as_bytes()[at - 1] == b'\n';
    let Some(first) = memchr::memmem::find_iter(text.as_bytes(), b"begin ").find(line_start) else { return found };
    let mut lines = text[first..].split_inclusive('\n').scan(first, |at, line| {
        let start = *at;
        *at += line.len();
        Some((start, line.trim_end_matches(['\n', '\r'])))
    });
    let mut budget = max_bytes;
    while let Some((start, line)) = lines.next() {
        if found.len() >= MAX_UUENCODE_BLOCKS {
            break;
        }
        let Some(name) = begin_name(line) else { continue };
        let mut data = Vec::new();
        let mut end = start + line.len();
        let mut cut = false;
        for (at, line) in lines.by_ref() {
            if line == "end" {
                end = at + line.len();
                break;
            }
            let before = data.len();
            let Some(length) = decode_line(line.as_bytes(), &mut data, budget) else { break };
            cut |= data.len() - before < length;
            end = at + line.len();
        }
        budget -= data.len();
        found.push(Block { name: name.to_string(), data, complete: !cut, span: start..end });
    }
    found
}

/// `text` without the uuencoded blocks at `spans` (their `Block::span`, in
/// order): what a reader sees once the client shows them as attachments.
pub fn without_spans<'t>(text: &'t str, spans: impl Iterator<Item = Range<usize>>) -> std::borrow::Cow<'t, str> {
    let mut out: Option<String> = None;
    let mut at = 0;
    for span in spans {
        let Some(before) = text.get(at..span.start) else { continue };
        out.get_or_insert_with(|| String::with_capacity(text.len())).push_str(before);
        at = span.end;
    }
    match out {
        Some(mut out) => {
            out.push_str(text.get(at..).unwrap_or_default());
            std::borrow::Cow::Owned(out)
        }
        None => std::borrow::Cow::Borrowed(text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::attachments::samples::uuencode as encode;

    #[test]
    fn a_block_decodes_to_its_bytes_and_leaves_the_text_around_it() {
        let data: Vec<u8> = (0..200u32).map(|i| (i * 37 % 256) as u8).collect();
        let text = format!("Hello,\n\n{}\nRegards\n", encode("invoice.exe", &data));
        let found = blocks(&text, usize::MAX);
        assert_eq!(found.len(), 1);
        assert_eq!((found[0].name.as_str(), found[0].complete), ("invoice.exe", true));
        assert_eq!(found[0].data, data);
        assert_eq!(without_spans(&text, found.iter().map(|b| b.span.clone())), "Hello,\n\n\n\nRegards\n");
        let cut = blocks(&text, 100);
        assert_eq!((cut[0].data.len(), cut[0].complete), (100, false));
    }

    #[test]
    fn blocks_stop_at_their_limit() {
        let text: String = (0..MAX_UUENCODE_BLOCKS + 4).map(|i| encode(&format!("f{i}.txt"), b"data")).collect();
        let found = blocks(&text, usize::MAX);
        assert_eq!(found.len(), MAX_UUENCODE_BLOCKS);
        assert_eq!(found[0].data, b"data");
    }

    #[test]
    fn text_that_only_looks_like_a_begin_line_is_no_block() {
        assert!(blocks("begin the meeting at 10\nend", usize::MAX).is_empty());
        assert!(blocks("begin 9999 x\n", usize::MAX).is_empty());
        assert_eq!(without_spans("plain text\n", blocks("plain text\n", 0).into_iter().map(|b| b.span)), "plain text\n");
        let text = "begin 644 a.txt\nnot uuencode at all!\nend\n";
        let found = blocks(text, usize::MAX);
        assert_eq!((found[0].name.as_str(), found[0].data.len()), ("a.txt", 0));
    }
}
