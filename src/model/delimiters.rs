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
/// of the boundaries, no dash and no line break); and the close delimiters to
/// write into mail-parser's copy (`closes`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrefixedLines {
    pub positions: Vec<usize>,
    pub byte: u8,
    /// Close delimiter lines of multiparts that a delimiter line of a
    /// multipart around them ends before their own close (RFC 2046 §5.1.2:
    /// "the outer boundary's delimiter ends the inner body part"; Python's
    /// `feedparser` and SpamAssassin's `_parse_multipart` split the outer
    /// multipart first), in order of their place: mail-parser reads only the
    /// innermost boundary, and without them the inner multipart's last part
    /// runs to the end of the input (the outer multipart's later parts, an
    /// attachment among them, read as its text).
    pub closes: Vec<Close>,
}

/// Close delimiters written into mail-parser's copy at `at`, the offset in the
/// input of the line break before the line that ends their multiparts: for
/// each multipart, innermost first, that line break then `--boundary--`
/// (`text`, all of them). mail-parser then ends the inner part at the first,
/// closes each multipart, and finds the outer delimiter line after them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Close {
    pub at: usize,
    pub text: Vec<u8>,
    /// Bytes written by the closes before this one.
    pub before: usize,
}

impl PrefixedLines {
    /// Whether one of the changed bytes lies in `range` of the input.
    pub fn touch(&self, start: usize, end: usize) -> bool {
        let first = self.positions.partition_point(|&at| at < start);
        self.positions.get(first).is_some_and(|&at| at < end)
    }

    /// `bytes` (the input's copy, the same length) with the close delimiters
    /// written in: one copy, linear in its length.
    pub fn with_closes(&self, bytes: Vec<u8>) -> Vec<u8> {
        if self.closes.is_empty() {
            return bytes;
        }
        let added: usize = self.closes.iter().map(|c| c.text.len()).sum();
        let mut copy = Vec::with_capacity(bytes.len() + added);
        let mut from = 0;
        for close in &self.closes {
            let at = close.at.clamp(from, bytes.len());
            copy.extend_from_slice(&bytes[from..at]);
            copy.extend_from_slice(&close.text);
            from = at;
        }
        copy.extend_from_slice(&bytes[from..]);
        copy
    }

    /// `bytes` (the input's copy, the same length) with the changed bytes and
    /// the close delimiters written in: the copy mail-parser reads.
    pub fn applied(&self, mut bytes: Vec<u8>) -> Vec<u8> {
        for &at in &self.positions {
            if let Some(byte) = bytes.get_mut(at) {
                *byte = self.byte;
            }
        }
        self.with_closes(bytes)
    }

    /// The offset in the input of `offset` in the copy `with_closes` makes: a
    /// byte of a written close delimiter lies where it was written (the line
    /// break before the outer delimiter line), a later byte as many bytes
    /// earlier as were written before it. Logarithmic in the closes.
    pub fn input_offset(&self, offset: usize) -> usize {
        // The closes whose place in the copy (their offset in the input plus
        // the bytes written before them) is at or before `offset`.
        let after = self.closes.partition_point(|c| c.at + c.before <= offset);
        let Some(last) = after.checked_sub(1).map(|i| &self.closes[i]) else { return offset };
        if offset < last.at + last.before + last.text.len() {
            last.at
        } else {
            offset - last.before - last.text.len()
        }
    }
}

/// A multipart as a reading left it: its boundary and its body's range in the input.
pub struct Multipart<'b> {
    pub boundary: &'b str,
    pub start: usize,
    pub end: usize,
}

/// A multipart the walk of `prefixed_lines` is in.
struct Open<'b> {
    boundary: std::borrow::Cow<'b, [u8]>,
    end: usize,
    /// A delimiter line of it was read (mail-parser then reads it as a multipart).
    seen: bool,
    /// Its close delimiter line was read.
    closed: bool,
    /// Found by the walk in a part mail-parser had read as text (`revealed`), not by the reading.
    found: bool,
}

/// Most part headers read again by `prefixed_lines` in the text that a
/// multipart closed by an outer delimiter line had held (ours: a header read
/// is linear in it and each is read once; the limit keeps a message of a
/// million empty parts in such a text from a million small parses).
pub const MAX_REVEALED_HEADERS: usize = 10_000;

/// The places of `raw[from..to]` where mail-parser finds the boundary of the
/// multipart it reads there (`--` then the boundary, anywhere in a line:
/// `mime_part`, `seek_part_end` compare the innermost multipart's boundary
/// alone) that are no delimiter line of it (RFC 2046 §5.1.1: `--boundary` or
/// `--boundary--`, then only spaces and tabs; SpamAssassin's `_parse_multipart`
/// reads the enclosing multipart's boundary only), nor in the header of a part
/// (which mail-parser reads as fields); and the close delimiters to write
/// where a delimiter line of an enclosing multipart ends one that was not
/// closed (`PrefixedLines::closes`); None when there is none. The multipart
/// a line lies in is the innermost of `multiparts` whose body holds it, until
/// a delimiter line of one around it ends it. Each
/// place is given by its last byte. One search of one boundary in each line
/// (memchr's `memmem`, linear in the line) and one look at each line that
/// starts with `--`: linear in the input and the boundaries.
///
/// After such an end, the rest of the ended multipart's body as the reading
/// had it (`revealed`) holds parts mail-parser had read as text of its last
/// part: the multiparts of the reading that start there are left out, and the
/// header of each part there is read with `parser` from `source` (the copy
/// mail-parser reads, as long as `raw`), as mail-parser reads it, for the
/// multiparts it declares (through attached messages under an identity
/// encoding too), so that the multiparts ended by the same outer line, and
/// those that follow, are all found in one walk.
pub fn prefixed_lines(
    raw: &[u8],
    source: &[u8],
    lines: &LineIndex,
    from: usize,
    to: usize,
    multiparts: &[Multipart],
    parser: &mail_parser::MessageParser,
) -> Option<PrefixedLines> {
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
    let mut finders: HashMap<Vec<u8>, memchr::memmem::Finder> = HashMap::new();
    let mut open: Vec<Open> = Vec::new();
    let mut next = 0;
    let mut positions = Vec::new();
    let mut closes: Vec<Close> = Vec::new();
    // In a part's header: from a delimiter line to the first empty line; where it starts.
    let mut in_header = false;
    // The place in `open` of the multipart whose delimiter line started that
    // header (one the reading ended before the line may be gone from `open`).
    let mut header_of = 0;
    let mut header_start: Option<usize> = None;
    // The input up to here had been read by mail-parser as text of a multipart
    // a delimiter line of one around it has ended (see above).
    let mut revealed = 0;
    let mut headers_read = 0;
    // A line without `--` is no delimiter line and holds no place: one search
    // for `--` over the range says which lines to look at (a search and a
    // finder looked up for every line had cost 10 ms of a 9.85 MB message of
    // base64 lines in wasm, against 26 ms for the whole lint).
    let searched_end = to.min(raw.len());
    let searched_start = from.min(searched_end);
    let mut dashes = memchr::memmem::find_iter(&raw[searched_start..searched_end], b"--").map(|at| searched_start + at).peekable();
    let mut ended: Vec<Open> = Vec::new();
    for (start, end) in lines.lines_in(raw, from..to) {
        // The multiparts whose body holds the line, the innermost last (those
        // of the reading inside a revealed text left out).
        while next < multiparts.len() && multiparts[next].start <= start {
            let m = multiparts[next];
            next += 1;
            if m.start < revealed {
                continue;
            }
            while open.last().is_some_and(|o| o.end < m.start) {
                open.pop();
            }
            let boundary = std::borrow::Cow::Borrowed(m.boundary.as_bytes());
            open.push(Open { boundary, end: m.end, seen: false, closed: false, found: false });
        }
        // Those the reading ended before the line: an unclosed one ended by
        // this line, when it is a delimiter line of one around (the reading
        // after a close was written), gets its close again.
        ended.clear();
        while open.last().is_some_and(|m| m.end < start) {
            ended.extend(open.pop());
        }
        if open.is_empty() {
            in_header = false;
            continue;
        }
        if in_header && header_start.is_none() {
            header_start = Some(start);
        }
        while dashes.next_if(|&at| at < start).is_some() {}
        if dashes.peek().is_none_or(|&at| at >= end) {
            if in_header && start == end {
                in_header = false;
                let header = header_start.take().unwrap_or(start);
                if header < revealed && headers_read < MAX_REVEALED_HEADERS {
                    headers_read += 1;
                    match declared(parser, source.get(header..start).unwrap_or_default()) {
                        Declared::Multipart(boundary) if open.len() <= MAX_MIME_DEPTH => {
                            let end = open.last().map_or(to, |m| m.end);
                            let boundary = std::borrow::Cow::Owned(boundary);
                            open.push(Open { boundary, end, seen: false, closed: false, found: true });
                        }
                        Declared::Message => {
                            in_header = true;
                            header_of = open.len().saturating_sub(1);
                        }
                        _ => {}
                    }
                }
            }
            continue;
        }
        let line = &raw[start..end];
        // A delimiter line of the multipart or of one that encloses it (which
        // ends the inner one for RFC 2046 §5.1.2's readers: Python's `email`,
        // SpamAssassin, which split the outer multipart first): left as written,
        // and the inner multiparts it ends that were not closed get their close
        // delimiter written before it (`closes`).
        // A part's header follows a delimiter line, not a close delimiter line:
        // what follows `--b--` is the epilogue, text mail-parser reads for the
        // boundary of the multipart around (`text --o-- more` right after an
        // inner `--i--` closed the outer one). (The line's end is trimmed once:
        // a line of white space after `--` is read once, not once for each
        // enclosing multipart.)
        if let Some(value) = line.strip_prefix(b"--").map(Delimiter::of) {
            let innermost = open
                .iter()
                .enumerate()
                .rev()
                .take(MAX_MIME_DEPTH + 1)
                .find_map(|(i, m)| value.kind(&m.boundary).map(|kind| (i, kind)));
            // mail-parser reads a part's header up to its empty line, a line without
            // a colon left out (`parse_headers`): a line there that only an
            // enclosing multipart's boundary delimits is one of those, and a close
            // written before it would be too. Python's `email` ends the part there
            // all the same (its `BufferedSubFile` tests every line, a header's
            // too, against the delimiters of all the multiparts it is in), and
            // SpamAssassin splits the outer multipart first: an empty line is
            // written before the closes, which ends that header for mail-parser.
            // The header is that of a part of the multipart whose delimiter line
            // started it (`header_of`), which the next reading, with the close
            // written, ends before this line (gone from `open`): read by its
            // place in `open`, the line was no longer in a part's header there,
            // the close was written without the empty line, and that reading
            // read the part on past it.
            // (Left as a header line, the part went on past the outer line, to
            // the inner multipart's next delimiter or close: the outer
            // multipart's parts between were read by no rule, cpython's
            // `msg_38`.)
            let in_part_header = in_header && innermost.is_some_and(|(i, _)| i < header_of);
            if let Some((i, kind)) = innermost {
                if i + 1 < open.len() {
                    revealed = revealed.max(open[i + 1..].iter().map(|m| m.end).max().unwrap_or(0));
                }
                let inner = open.drain(i + 1..).rev();
                let unclosed: Vec<Open> = ended.drain(..).chain(inner).filter(|m| m.seen && !m.closed).collect();
                // The line break before the line: CRLF or LF.
                let at = match (start.checked_sub(2).map(|at| &raw[at..start]), start.checked_sub(1).map(|at| raw[at])) {
                    (Some(b"\r\n"), _) => Some(start - 2),
                    (_, Some(b'\n')) => Some(start - 1),
                    _ => None,
                };
                if let (false, Some(at)) = (unclosed.is_empty(), at) {
                    let line_break = &raw[at..start];
                    let mut text = Vec::new();
                    if in_part_header {
                        text.extend_from_slice(line_break);
                    }
                    for m in &unclosed {
                        text.extend_from_slice(line_break);
                        text.extend_from_slice(b"--");
                        text.extend_from_slice(&m.boundary);
                        text.extend_from_slice(b"--");
                    }
                    let before = closes.last().map_or(0, |c: &Close| c.before + c.text.len());
                    closes.push(Close { at, text, before });
                }
                let m = &mut open[i];
                m.seen = true;
                in_header = kind == Kind::Open;
                header_of = i;
                header_start = None;
                if kind == Kind::Close {
                    m.closed = true;
                    // A multipart found by the walk ends at its close (the reading's at its range's end).
                    if m.found {
                        open.pop();
                    }
                }
                continue;
            }
        }
        if in_header {
            in_header = start != end;
            continue;
        }
        let Some(multipart) = open.last() else { continue };
        let boundary: &[u8] = &multipart.boundary;
        if !finders.contains_key(boundary) {
            let mut needle = b"--".to_vec();
            needle.extend_from_slice(boundary);
            finders.insert(boundary.to_vec(), memchr::memmem::Finder::new(&needle).into_owned());
        }
        let Some(finder) = finders.get(boundary) else { continue };
        let length = finder.needle().len();
        // Places that overlap hold the byte written at the end of the first.
        positions.extend(finder.find_iter(line).map(|at| start + at + length - 1));
    }
    if positions.is_empty() && closes.is_empty() {
        return None;
    }
    Some(PrefixedLines { positions, byte, closes })
}

/// What a part's header declares, as mail-parser reads it.
enum Declared {
    /// A multipart and its boundary.
    Multipart(Vec<u8>),
    /// An attached message under an identity encoding, which mail-parser reads
    /// in the same stream: a header follows.
    Message,
    Other,
}

/// What the part header `header` (its fields, line breaks included) declares,
/// read with `parser` (`MessageParser::parse_headers`: mail-parser's reading
/// of a part's fields, `mime_type`'s types).
fn declared(parser: &mail_parser::MessageParser, header: &[u8]) -> Declared {
    use mail_parser::MimeHeaders;
    let Some(parsed) = parser.parse_headers(header) else { return Declared::Other };
    let Some(part) = parsed.parts.first() else { return Declared::Other };
    let Some(content_type) = part.content_type() else { return Declared::Other };
    let identity = part
        .content_transfer_encoding()
        .is_none_or(|e| !e.eq_ignore_ascii_case("base64") && !e.eq_ignore_ascii_case("quoted-printable"));
    match (content_type.ctype(), content_type.subtype()) {
        ("multipart", _) => match content_type.attribute("boundary") {
            Some(boundary) if !boundary.is_empty() => Declared::Multipart(boundary.as_bytes().to_vec()),
            _ => Declared::Other,
        },
        ("message", Some("rfc822" | "global")) if identity => Declared::Message,
        _ => Declared::Other,
    }
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
        prefixed_lines(text.as_bytes(), text.as_bytes(), &lines, 0, text.len(), multiparts, crate::model::message_parser())
            .map_or_else(Vec::new, |p| p.positions)
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

    /// The closes found in `text` read as `multiparts`.
    fn closes_in(text: &str, multiparts: &[Multipart]) -> Vec<Close> {
        let lines = LineIndex::new(text.as_bytes());
        prefixed_lines(text.as_bytes(), text.as_bytes(), &lines, 0, text.len(), multiparts, crate::model::message_parser())
            .map_or_else(Vec::new, |p| p.closes)
    }

    #[test]
    fn an_outer_delimiter_line_closes_the_inner_multiparts_left_open() {
        // As the first reading has it: the inner multiparts run to the end.
        let text = "--o\n\n--i\n\n--j\n\nx\n--o\n\ny\n--o--\n";
        let at = text.find("\n--o\n\ny").unwrap();
        let multiparts = [
            Multipart { boundary: "o", start: 0, end: text.len() },
            Multipart { boundary: "i", start: 5, end: text.len() },
            Multipart { boundary: "j", start: 10, end: text.len() },
        ];
        let expected = vec![Close { at, text: b"\n--j--\n--i--".to_vec(), before: 0 }];
        assert_eq!(closes_in(text, &multiparts), expected);
        // As the reading after it has them (ending before that line): the same closes.
        let multiparts = [
            Multipart { boundary: "o", start: 0, end: text.len() },
            Multipart { boundary: "i", start: 5, end: at },
            Multipart { boundary: "j", start: 10, end: at },
        ];
        assert_eq!(closes_in(text, &multiparts), expected);
        // A multipart closed, or whose delimiter never came, gets none; CRLF is kept.
        let text = "--o\r\n\r\n--i\r\n\r\nx\r\n--i--\r\n--o\r\n\r\n--o--\r\n";
        let multiparts = [Multipart { boundary: "o", start: 0, end: text.len() }, Multipart { boundary: "i", start: 6, end: text.len() }];
        assert_eq!(closes_in(text, &multiparts), Vec::new());
        let text = "--o\r\n\r\n--i\r\n\r\nx\r\n--o--\r\n";
        let multiparts = [
            Multipart { boundary: "o", start: 0, end: text.len() },
            Multipart { boundary: "i", start: 6, end: text.len() },
            Multipart { boundary: "k", start: 15, end: text.len() },
        ];
        let at = text.find("\r\n--o--").unwrap();
        assert_eq!(closes_in(text, &multiparts), vec![Close { at, text: b"\r\n--i--".to_vec(), before: 0 }]);
        // In what mail-parser reads as a part's header (to its empty line), the
        // outer line would be a line it leaves out: an empty line is written
        // first, which ends that header, then the close (Python's `email` ends
        // the part at the outer line wherever it stands).
        let text = "--o\n\n--i\n\nx\n--i\nno field\n--o\nContent-Type: text/plain\n\ny\n--i--\n--o--\n";
        let multiparts = [Multipart { boundary: "o", start: 0, end: text.len() }, Multipart { boundary: "i", start: 5, end: text.len() - 6 }];
        let at = text.find("\n--o\nContent-Type").unwrap();
        assert_eq!(closes_in(text, &multiparts), vec![Close { at, text: b"\n\n--i--".to_vec(), before: 0 }]);
    }

    #[test]
    fn multiparts_in_the_text_of_one_left_open_are_found_and_closed_too() {
        // The reading saw only `i`; the parts after the first `--o` line, read
        // as its text, declare `k` (in an attached message's header too).
        let text = "--o\n\n--i\n\nx\n--o\nContent-Type: multipart/mixed; boundary=k\n\n--k\n\ny --k z\n--o\nContent-Type: message/rfc822\n\nSubject: m\nContent-Type: multipart/mixed; boundary=m\n\n--m\n\nz\n--o--\n";
        let multiparts = [Multipart { boundary: "o", start: 0, end: text.len() }, Multipart { boundary: "i", start: 5, end: text.len() }];
        let lines = LineIndex::new(text.as_bytes());
        let found = prefixed_lines(text.as_bytes(), text.as_bytes(), &lines, 0, text.len(), &multiparts, crate::model::message_parser()).unwrap();
        let closes: Vec<(usize, &[u8])> = found.closes.iter().map(|c| (c.at, c.text.as_slice())).collect();
        let (first, second) = (text.find("\n--o\nContent-Type: multipart").unwrap(), text.find("\n--o\nContent-Type: message").unwrap());
        assert_eq!(closes, vec![(first, &b"\n--i--"[..]), (second, &b"\n--k--"[..]), (text.rfind("\n--o--").unwrap(), &b"\n--m--"[..])]);
        // The place of `k` in its part is found as in any multipart.
        assert_eq!(found.positions, vec![text.find("--k z").unwrap() + 2]);
    }

    #[test]
    fn at_most_max_revealed_headers_part_headers_are_read() {
        // Empty parts after the outer line, then a multipart left open: its header
        // is read within the limit, not past it (the next reading finds it then).
        let with = |empty: usize| {
            let text = format!(
                "--o\n\n--i\n\nx\n{}--o\nContent-Type: multipart/mixed; boundary=k\n\n--k\n\ny\n--o--\n",
                "--o\n\n".repeat(empty)
            );
            let multiparts = [Multipart { boundary: "o", start: 0, end: text.len() }, Multipart { boundary: "i", start: 5, end: text.len() }];
            closes_in(&text, &multiparts).len()
        };
        assert_eq!(with(MAX_REVEALED_HEADERS - 1), 2);
        assert_eq!(with(MAX_REVEALED_HEADERS), 1);
    }

    #[test]
    fn offsets_of_the_copy_with_closes_map_back_to_the_input() {
        let text = "--o\r\n\r\n--i\r\n\r\nx\r\n--o\r\n\r\n--j\r\n\r\ny\r\n--o--\r\n";
        let found = PrefixedLines {
            positions: Vec::new(),
            byte: 0,
            closes: vec![
                Close { at: text.find("\r\n--o\r\n").unwrap(), text: b"\r\n--i--".to_vec(), before: 0 },
                Close { at: text.find("\r\n--o--").unwrap(), text: b"\r\n--j--".to_vec(), before: 7 },
            ],
        };
        let copy = found.with_closes(text.as_bytes().to_vec());
        assert_eq!(String::from_utf8_lossy(&copy), text.replacen("\r\n--o\r\n", "\r\n--i--\r\n--o\r\n", 1).replace("\r\n--o--", "\r\n--j--\r\n--o--"));
        let mut mapped = Vec::new();
        for (offset, &b) in copy.iter().enumerate() {
            let input = found.input_offset(offset);
            let written = found.closes.iter().any(|c| (c.at + c.before..c.at + c.before + c.text.len()).contains(&offset));
            if written {
                assert!(found.closes.iter().any(|c| c.at == input), "{offset}");
            } else {
                assert_eq!(text.as_bytes()[input], b, "{offset}");
                mapped.push(input);
            }
        }
        assert_eq!(mapped, (0..text.len()).collect::<Vec<_>>());
    }

    #[test]
    fn the_written_byte_is_in_no_boundary() {
        let text = "--\x00a\n\n--\x00ab\n--\x01\n";
        let lines = LineIndex::new(text.as_bytes());
        let multiparts = [Multipart { boundary: "\x00a", start: 0, end: text.len() }];
        let found = prefixed_lines(text.as_bytes(), text.as_bytes(), &lines, 0, text.len(), &multiparts, crate::model::message_parser()).unwrap();
        assert_eq!(found.positions, vec![9]);
        assert_eq!(found.byte, 1);
    }
}
