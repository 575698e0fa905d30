//! Lines that start like a delimiter without being one, kept out of mail-parser's reading.
//!
//! RFC 2046 §5.1.1's grammar makes a delimiter line `--boundary` followed only
//! by transport padding (`delimiter transport-padding CRLF`), and the close
//! delimiter `--boundary--` followed only by transport padding. mail-parser 0.11
//! ends a part at the first `--boundary` it meets, whatever follows and
//! wherever it stands in a line (`seek_part_end`, `mime_part`: a byte
//! comparison of the innermost multipart's boundary after any `--`), so a line
//! `--b-foo` inside a part of the multipart whose boundary is `b` ends that part
//! there, `--b--x` closes the multipart, and so does `text x--b--` in the middle
//! of a line: the text after it was read by none of the rules. SpamAssassin
//! reads such a line as text of the part
//! (`Mail::SpamAssassin::Message::_parse_multipart` matches a delimiter line with
//! `/^--\Q$boundary\E(--)?\s*$/`, its bug 3749, for the multipart it splits),
//! as Python's `email` does (`feedparser`: the boundary at a line's start,
//! optional `--`, then only spaces and tabs), so the spam rules of the
//! receivers read that text.
//!
//! Here, after a reading, every place where mail-parser finds the boundary of
//! the multipart it reads there, in a line that is no delimiter line of that
//! multipart nor of one enclosing it, has its last byte changed in
//! mail-parser's copy (same length: every offset stays), so mail-parser's byte
//! comparison no longer finds a boundary there and the copy is read again; the
//! bodies that hold such a byte are decoded again from the input
//! (`Message::analyse`). The `headers/multipart-boundary` rule still says that
//! lines starting like a delimiter exist (`prefixed-line`), as some readers end
//! the part there.

use super::{LineIndex, MAX_MIME_DEPTH};
use std::collections::HashMap;

/// The places found by `prefixed_lines`: the offset in the input of the byte to
/// change in each (its last), in order, and the byte to write there (in none
/// of the boundaries, no dash and no line break).
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

/// A multipart as a reading left it: its boundary and its body's range in the input.
pub struct Multipart<'b> {
    pub boundary: &'b str,
    pub start: usize,
    pub end: usize,
}

/// The places of `raw[from..to]` where mail-parser finds the boundary of the
/// multipart it reads there (`--` then the boundary, anywhere in a line:
/// `mime_part`, `seek_part_end` compare the innermost multipart's boundary
/// alone) that are no delimiter line of it (RFC 2046 §5.1.1: `--boundary` or
/// `--boundary--`, then only spaces and tabs; SpamAssassin's `_parse_multipart`
/// reads the enclosing multipart's boundary only), nor in the header of a part
/// (which mail-parser reads as fields); None when there is none. The multipart
/// a line lies in is the innermost of `multiparts` whose body holds it. Each
/// place is given by its last byte. One search of one boundary in each line
/// (memchr's `memmem`, linear in the line) and one look at each line that
/// starts with `--`: linear in the input and the boundaries.
pub fn prefixed_lines(raw: &[u8], lines: &LineIndex, from: usize, to: usize, multiparts: &[Multipart]) -> Option<PrefixedLines> {
    let mut multiparts: Vec<&Multipart> = multiparts.iter().filter(|m| !m.boundary.is_empty() && m.start <= m.end).collect();
    if multiparts.is_empty() {
        return None;
    }
    // A byte in none of the boundaries and no dash: written at the end of each
    // place, it ends that place and can start or continue none other.
    let mut used = [false; 256];
    for &b in multiparts.iter().flat_map(|m| m.boundary.as_bytes()) {
        used[b as usize] = true;
    }
    let byte = (0u8..=255).find(|&b| !used[b as usize] && b != b'-' && b != b'\n' && b != b'\r')?;
    // Outer before inner: by start, then the longest first.
    multiparts.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
    let mut finders: HashMap<&[u8], memchr::memmem::Finder> = HashMap::new();
    let mut open: Vec<&Multipart> = Vec::new();
    let mut next = 0;
    let mut positions = Vec::new();
    // In a part's header: from a delimiter line to the first empty line.
    let mut in_header = false;
    // A line without `--` is no delimiter line and holds no place: one search
    // for `--` over the range says which lines to look at (a search and a
    // finder looked up for every line had cost 10 ms of a 9.85 MB message of
    // base64 lines in wasm, against 26 ms for the whole lint).
    let searched_end = to.min(raw.len());
    let searched_start = from.min(searched_end);
    let mut dashes = memchr::memmem::find_iter(&raw[searched_start..searched_end], b"--").map(|at| searched_start + at).peekable();
    for (start, end) in lines.lines_in(raw, from..to) {
        // The multiparts whose body holds the line, the innermost last.
        while next < multiparts.len() && multiparts[next].start <= start {
            while open.last().is_some_and(|m| m.end < multiparts[next].start) {
                open.pop();
            }
            open.push(multiparts[next]);
            next += 1;
        }
        while open.last().is_some_and(|m| m.end < start) {
            open.pop();
        }
        let Some(multipart) = open.last() else {
            in_header = false;
            continue;
        };
        while dashes.next_if(|&at| at < start).is_some() {}
        if dashes.peek().is_none_or(|&at| at >= end) {
            if in_header {
                in_header = start != end;
            }
            continue;
        }
        let boundary = multipart.boundary.as_bytes();
        let line = &raw[start..end];
        // A delimiter line of the multipart or of one that encloses it (which
        // ends the inner one for RFC 2046 §5.1.2's readers: Python's `email`,
        // SpamAssassin, which split the outer multipart first): left as written.
        // A part's header follows a delimiter line, not a close delimiter line:
        // what follows `--b--` is the epilogue, text mail-parser reads for the
        // boundary of the multipart around (`text --o-- more` right after an
        // inner `--i--` closed the outer one). (The line's end is trimmed once:
        // a line of white space after `--` is read once, not once for each
        // enclosing multipart.)
        if let Some(value) = line.strip_prefix(b"--").map(Delimiter::of) {
            let (mut delimits, mut opens) = (false, false);
            for m in open.iter().rev().take(MAX_MIME_DEPTH + 1) {
                let kind = value.kind(m.boundary.as_bytes());
                delimits |= kind.is_some();
                opens |= kind == Some(Kind::Open);
            }
            if delimits {
                in_header = opens;
                continue;
            }
        }
        if in_header {
            in_header = start != end;
            continue;
        }
        let finder = finders.entry(boundary).or_insert_with(|| {
            let mut needle = b"--".to_vec();
            needle.extend_from_slice(boundary);
            memchr::memmem::Finder::new(&needle).into_owned()
        });
        let length = finder.needle().len();
        // Places that overlap hold the byte written at the end of the first.
        positions.extend(finder.find_iter(line).map(|at| start + at + length - 1));
    }
    if positions.is_empty() {
        return None;
    }
    Some(PrefixedLines { positions, byte })
}

/// A line that starts with `--`, read once for the boundaries it may delimit:
/// what follows its `--`, and that without a closing `--`, both without the
/// spaces and tabs at their end (trimmed once, not once for each enclosing
/// multipart: a line of white space deep in 64 multiparts is read once).
#[derive(Clone, Copy)]
struct Delimiter<'l> {
    value: &'l [u8],
    closed: Option<&'l [u8]>,
}

impl<'l> Delimiter<'l> {
    fn of(value: &'l [u8]) -> Self {
        let value = trim_end(value);
        Delimiter { value, closed: value.strip_suffix(b"--").map(trim_end) }
    }

    /// Whether the line is a delimiter line of `boundary` (RFC 2046 §5.1.1:
    /// `--boundary`, then only spaces and tabs) or its close delimiter line
    /// (`--boundary--`, then the same), and which. A boundary that
    /// ends in white space (`boundary="b "`, against §5.1.1's bcharsnospace) is
    /// still matched by readers, whose delimiter line is the boundary then only
    /// white space (SpamAssassin's `/^--\Q$boundary\E(--)?\s*$/`), so `--b ` and
    /// `--b --` are its delimiter lines, and so are `--b` and `--b--`.
    fn kind(self, boundary: &[u8]) -> Option<Kind> {
        let boundary = trim_end(boundary);
        if self.value == boundary {
            Some(Kind::Open)
        } else if self.closed == Some(boundary) {
            Some(Kind::Close)
        } else {
            None
        }
    }
}

/// A delimiter line (`--b`, a part's header after it) or a close delimiter line (`--b--`, the epilogue after it).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Open,
    Close,
}

/// `bytes` without the spaces and tabs at its end.
fn trim_end(bytes: &[u8]) -> &[u8] {
    let kept = bytes.iter().rposition(|&b| b != b' ' && b != b'\t').map_or(0, |at| at + 1);
    &bytes[..kept]
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The places found in `text`, read as one multipart of `boundary` from its start to its end.
    fn found(text: &str, boundary: &str) -> Vec<usize> {
        found_in(text, &[Multipart { boundary, start: 0, end: text.len() }])
    }

    fn found_in(text: &str, multiparts: &[Multipart]) -> Vec<usize> {
        let lines = LineIndex::new(text.as_bytes());
        prefixed_lines(text.as_bytes(), &lines, 0, text.len(), multiparts).map_or_else(Vec::new, |p| p.positions)
    }

    /// The offset of the last byte of `--b` in the first `line` of `text`, after `skip` bytes of it.
    fn end_of(text: &str, line: &str, skip: usize) -> usize {
        text.find(line).unwrap() + skip + 2
    }

    #[test]
    fn delimiter_lines_are_left_and_every_other_place_of_the_boundary_is_found() {
        // (A part's header runs from a delimiter line to an empty line.)
        let text = "--b\r\n\r\n--b  \t\r\n\r\n--b-foo\r\n--b--x\r\n--bx\r\n---b\r\nx--b y--b\r\n-- \r\n--c-d\r\n--b-- \r\n";
        assert_eq!(
            found(text, "b"),
            vec![
                end_of(text, "--b-foo", 0),
                end_of(text, "--b--x", 0),
                end_of(text, "--bx", 0),
                end_of(text, "---b", 1),
                end_of(text, "x--b", 1),
                end_of(text, "y--b", 1),
            ]
        );
        // A boundary that ends in white space keeps its delimiter lines, with or without it.
        let text = "--b \r\n\r\n--b\r\n\r\n--b\t\r\n\r\n--b x\r\n--b --\r\n";
        assert_eq!(found(text, "b "), vec![end_of(text, "--b x", 1)]);
        assert_eq!(found("--b\t\r\n\r\n--b\t--\r\n", "b\t"), Vec::<usize>::new());
        assert_eq!(found("--b\r\n\r\n--b--\r\n", "b"), Vec::<usize>::new());
    }

    #[test]
    fn only_the_boundary_of_the_innermost_multipart_is_read() {
        // `--b-foo` in the multipart of `b`: text, though `b-foo` delimits a sibling.
        let text = "--o\n\n--b-foo\n\nx\n--b-foo--\n--o\n\n--b\n\ny\n--b-foo\n--b--\n--o--\n";
        let sibling = text.find("--b-foo\n\nx").unwrap();
        let inner = text.find("--b\n\ny").unwrap();
        let close = text.find("--b--").unwrap() + 5;
        let multiparts = [
            Multipart { boundary: "o", start: 0, end: text.len() },
            Multipart { boundary: "b-foo", start: sibling, end: text.find("--b-foo--").unwrap() + 9 },
            Multipart { boundary: "b", start: inner, end: close },
        ];
        assert_eq!(found_in(text, &multiparts), vec![text.rfind("--b-foo").unwrap() + 2]);
        // The outer boundary's lines inside an inner multipart are no place of the inner one,
        // nor are they when the inner boundary starts them (`--ab` in the multipart of `a`).
        let text = "--ab\n\n--a\n\nx\n--ab\n\ny\n--a--\n--ab--\n";
        let multiparts = [Multipart { boundary: "ab", start: 0, end: text.len() }, Multipart { boundary: "a", start: 6, end: text.len() - 7 }];
        assert_eq!(found_in(text, &multiparts), Vec::<usize>::new());
        let text = "--o\n\n--i\n\n--o\n--o--\n--i--\n--o--\n";
        let multiparts = [Multipart { boundary: "o", start: 0, end: text.len() }, Multipart { boundary: "i", start: 5, end: text.len() - 6 }];
        assert_eq!(found_in(text, &multiparts), Vec::<usize>::new());
        // The header of a part is read as fields: a boundary inside it is left.
        assert_eq!(found("--b\nSubject: a--b\n\nx--b\n", "b"), vec![22]);
        // What follows a close delimiter line is an epilogue, no header: its
        // places of the enclosing boundary are found (`see --o-- now` right
        // after the inner `--i--` closed the outer multipart for mail-parser).
        let text = "--o\n\n--i\n\nhi\n--i--\nsee --o-- now\n--o\n\nx\n--o--\n";
        let multiparts = [
            Multipart { boundary: "o", start: 0, end: text.len() },
            Multipart { boundary: "i", start: 5, end: text.find("--i--").unwrap() + 5 },
        ];
        assert_eq!(found_in(text, &multiparts), vec![text.find("--o-- now").unwrap() + 2]);
    }

    #[test]
    fn boundaries_that_start_with_dashes_and_overlapping_places_are_found() {
        let text = "------=_Part_1\n\n------=_Part_1x\n----=_Part_1y\n-------=_Part_1\n";
        assert_eq!(found(text, "----=_Part_1"), vec![text.find("1x").unwrap(), text.len() - 2]);
        // Places that overlap: the byte written at the first ends both.
        assert_eq!(found("--b\n\n--a--a--a\n", "a--a"), vec![10]);
    }

    #[test]
    fn the_written_byte_is_in_no_boundary() {
        let text = "--\x00a\n\n--\x00ab\n--\x01\n";
        let lines = LineIndex::new(text.as_bytes());
        let found = prefixed_lines(text.as_bytes(), &lines, 0, text.len(), &[Multipart { boundary: "\x00a", start: 0, end: text.len() }]).unwrap();
        assert_eq!(found.positions, vec![9]);
        assert_eq!(found.byte, 1);
    }
}
