//! Lines that start like a delimiter without being one, kept out of mail-parser's reading.
//!
//! RFC 2046 §5.1.1's grammar makes a delimiter line `--boundary` followed only
//! by transport padding (`delimiter transport-padding CRLF`), and the close
//! delimiter `--boundary--` followed only by transport padding. mail-parser 0.11
//! ends a part at the first `--boundary` it meets, whatever follows
//! (`seek_part_end`, `mime_part`: a byte comparison of the boundary alone), so
//! a line `--b-foo` inside a part of the multipart whose boundary is `b` ends
//! that part there, and `--b--x` closes the multipart: the text after it was
//! read by none of the rules. SpamAssassin reads such a line as text of the part
//! (`Mail::SpamAssassin::Message::_parse_multipart` matches a delimiter line with
//! `/^--\Q$boundary\E(--)?\s*$/`, its bug 3749), as Python's `email` does
//! (`feedparser`: the boundary, optional `--`, then only spaces and tabs), so the
//! spam rules of the receivers read that text.
//!
//! Here, after a first reading, every line that starts with `--` followed by one
//! of the boundaries mail-parser read, and is no delimiter line of any of them,
//! has its first byte after the leading dashes changed in mail-parser's copy
//! (same length: every offset stays), so mail-parser's byte comparison no longer
//! finds a boundary there and the copy is read again; the bodies that hold such
//! a byte are decoded again from the input (`Message::analyse`). The
//! `headers/multipart-boundary` rule still says that such lines exist
//! (`prefixed-line`), as some readers end the part there.

use super::LineIndex;
use std::collections::{HashMap, HashSet};

/// The lines found by `prefixed_lines`: the offset in the input of the byte to
/// change in each, in order, and the byte to write there (one that starts none
/// of the boundaries once their leading dashes are left out).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrefixedLines {
    pub positions: Vec<usize>,
    pub byte: u8,
}

impl PrefixedLines {
    /// Whether one of the changed bytes lies in `range` of the input.
    pub fn touch(&self, start: usize, end: usize) -> bool {
        let first = self.positions.partition_point(|&at| at < start);
        self.positions.get(first).is_some_and(|&at| at < end)
    }
}

/// The boundaries with their leading dashes left out, as a trie of bytes: a line
/// `--` + dashes + rest holds `--boundary` where mail-parser looks for it when
/// the boundary is `a` dashes then a word that starts the rest and `a` is at most
/// the line's dashes after the first two.
struct Words {
    /// (node, byte) → child node; node 0 is the root.
    edges: HashMap<(u32, u8), u32>,
    /// For each node that ends a boundary's word: the fewest leading dashes of
    /// the boundaries that end there.
    ends: HashMap<u32, usize>,
}

impl Words {
    fn new<'b>(boundaries: impl Iterator<Item = &'b [u8]>) -> Words {
        let mut words = Words { edges: HashMap::new(), ends: HashMap::new() };
        let mut nodes = 1u32;
        for boundary in boundaries {
            let dashes = boundary.iter().take_while(|&&b| b == b'-').count();
            let mut node = 0u32;
            for &b in &boundary[dashes..] {
                node = *words.edges.entry((node, b)).or_insert_with(|| {
                    nodes += 1;
                    nodes - 1
                });
            }
            let fewest = words.ends.entry(node).or_insert(dashes);
            *fewest = (*fewest).min(dashes);
        }
        words
    }

    /// Whether some boundary's word starts `rest` with at most `dashes` leading dashes.
    /// Reads `rest` no further than the longest word.
    fn starts(&self, rest: &[u8], dashes: usize) -> bool {
        let mut node = 0u32;
        if self.ends.get(&node).is_some_and(|&d| d <= dashes) {
            return true;
        }
        for &b in rest {
            let Some(&next) = self.edges.get(&(node, b)) else { return false };
            node = next;
            if self.ends.get(&node).is_some_and(|&d| d <= dashes) {
                return true;
            }
        }
        false
    }
}

/// The lines of `raw[from..to]` that start with `--` and one of `boundaries`
/// where mail-parser finds it, and are no delimiter line of any of them (RFC
/// 2046 §5.1.1: `--boundary` or `--boundary--`, then only spaces and tabs);
/// None when there is none. One look at each line that starts with `--`, no
/// further than its end: linear in the input.
pub fn prefixed_lines(raw: &[u8], lines: &LineIndex, from: usize, to: usize, boundaries: &[&str]) -> Option<PrefixedLines> {
    let boundaries: HashSet<&[u8]> = boundaries.iter().map(|b| b.as_bytes()).filter(|b| !b.is_empty()).collect();
    if boundaries.is_empty() {
        return None;
    }
    let words = Words::new(boundaries.iter().copied());
    // The boundaries without white space at their end: a boundary that ends in
    // one (`boundary="b "`, against RFC 2046 §5.1.1's bcharsnospace) is still
    // matched by readers, whose delimiter line is the boundary then only white
    // space (SpamAssassin's `/^--\Q$boundary\E(--)?\s*$/`), so `--b ` and
    // `--b --` are its delimiter lines.
    let trimmed: HashSet<&[u8]> = boundaries.iter().map(|b| trim_end(b)).collect();
    let mut positions = Vec::new();
    for (start, end) in lines.lines_in(raw, from..to) {
        let line = &raw[start..end];
        if !line.starts_with(b"--") {
            continue;
        }
        // A delimiter line of one of the boundaries: left as written.
        let value = trim_end(&line[2..]);
        let closed = value.strip_suffix(b"--").map(trim_end);
        if trimmed.contains(value) || closed.is_some_and(|v| trimmed.contains(v)) {
            continue;
        }
        let dashes = line.iter().take_while(|&&b| b == b'-').count();
        let rest = &line[dashes..];
        if !rest.is_empty() && words.starts(rest, dashes - 2) {
            positions.push(start + dashes);
        }
    }
    if positions.is_empty() {
        return None;
    }
    // A byte that starts no boundary's word (a boundary holds only bchars,
    // RFC 2046 §5.1.1; a NUL first, then any other byte the words leave free).
    let byte = (0u8..=255).find(|&b| !words.edges.contains_key(&(0, b)))?;
    Some(PrefixedLines { positions, byte })
}

/// `bytes` without the spaces and tabs at its end.
fn trim_end(bytes: &[u8]) -> &[u8] {
    let kept = bytes.iter().rposition(|&b| b != b' ' && b != b'\t').map_or(0, |at| at + 1);
    &bytes[..kept]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at_of(text: &str, line: &str) -> usize {
        text.find(line).unwrap()
    }

    fn found(text: &str, boundaries: &[&str]) -> Vec<usize> {
        let lines = LineIndex::new(text.as_bytes());
        prefixed_lines(text.as_bytes(), &lines, 0, text.len(), boundaries).map_or_else(Vec::new, |p| p.positions)
    }

    #[test]
    fn delimiter_lines_are_left_and_lines_that_only_start_like_one_are_found() {
        let text = "--b\r\n--b--\r\n--b  \t\r\n--b-- \r\n--b-foo\r\n--b--x\r\n--bx\r\n---b\r\nx--b\r\n-- \r\n--c-d\r\n";
        let at = |line: &str| text.find(line).unwrap();
        assert_eq!(found(text, &["b"]), vec![at("--b-foo") + 2, at("--b--x") + 2, at("--bx") + 2, at("---b") + 3]);
        // A boundary that ends in white space keeps its delimiter lines, with or without it.
        let text = "--b \r\n--b\r\n--b --\r\n--b--\r\n--b\t\r\n--b x\r\n";
        assert_eq!(found(text, &["b "]), vec![at_of(text, "--b x") + 2]);
        assert_eq!(found("--b\t\r\n--b\t--\r\n", &["b\t"]), Vec::<usize>::new());
        // A line that is the delimiter of another boundary read is left.
        assert_eq!(found("--b-foo\n--b-foo--\n", &["b", "b-foo"]), Vec::<usize>::new());
    }

    #[test]
    fn boundaries_that_start_with_dashes_are_found_after_the_line_dashes() {
        let text = "------=_Part_1\n------=_Part_1x\n----=_Part_1y\n";
        assert_eq!(found(text, &["----=_Part_1"]), vec![text.find("=_Part_1x").unwrap()]);
    }

    #[test]
    fn the_written_byte_starts_no_boundary() {
        let lines = LineIndex::new(b"--\x00a\n--\x00ab\n");
        let found = prefixed_lines(b"--\x00a\n--\x00ab\n", &lines, 0, 10, &["\x00a"]).unwrap();
        assert_eq!(found.positions, vec![7]);
        assert_eq!(found.byte, 1);
    }
}
