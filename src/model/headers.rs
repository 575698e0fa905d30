//! A strict scan of a header block over the raw bytes, keeping the byte offsets
//! of every field. mail-parser decodes values; this scan only says where each
//! field is, so rules can check conformance and point at the exact bytes.

use std::ops::Range;

/// One header field as written: `Name: value` plus its folded continuation lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeaderField {
    /// The field name as written (lossy UTF-8), without trailing white space.
    pub name: String,
    /// Offset of the first byte of the field name.
    pub start: usize,
    /// Offset of the colon.
    pub colon: usize,
    /// End of the field, before its final line break.
    pub end: usize,
    /// End of the field including its final line break.
    pub end_with_break: usize,
}

impl HeaderField {
    /// Case-insensitive name comparison (RFC 5322 §1.2.2: field names are case-insensitive).
    /// Inlined with the length compared first: rules look fields up by name
    /// through every field of a header, and most names differ in length (in
    /// Liftoff-compiled wasm the call per field was 1 % of a corpus lint, #14).
    #[inline]
    pub fn is(&self, name: &str) -> bool {
        self.name.len() == name.len() && self.name.eq_ignore_ascii_case(name)
    }
    /// The raw value bytes: after the colon, up to the final line break, folds included.
    pub fn raw_value<'a>(&self, raw: &'a [u8]) -> &'a [u8] {
        raw.get(self.colon + 1..self.end).unwrap_or(&[])
    }
    /// The whole field as written, without its final line break.
    pub fn raw_field<'a>(&self, raw: &'a [u8]) -> &'a [u8] {
        raw.get(self.start..self.end).unwrap_or(&[])
    }
    /// The value unfolded (RFC 5322 §2.2.3: CRLF followed by WSP is removed),
    /// trimmed, lossily decoded to UTF-8. Encoded words are not decoded.
    pub fn unfolded_value(&self, raw: &[u8]) -> String {
        unfold_trimmed(self.raw_value(raw))
    }
    /// Byte range of the value (after the colon), for locations.
    pub fn value_range(&self) -> Range<usize> {
        self.colon + 1..self.end
    }
}

/// A field's name as `HeaderField::name` holds it: lossy UTF-8 without trailing
/// white space. Trimmed as bytes (a space or tab is the same byte in the text)
/// and checked by `str::from_utf8`, which reads ASCII a word at a time, before
/// the lossy reading, which reads a byte at a time (#14: one field in 27 of a
/// header; callgrind, corpus pass, the name's check 4.36 -> 3.47 M; `scan`
/// 24.69 -> 23.41 M with the room above).
fn field_name(name: &[u8]) -> String {
    let end = name.iter().rposition(|&b| b != b' ' && b != b'\t').map_or(0, |i| i + 1);
    match std::str::from_utf8(&name[..end]) {
        Ok(name) => name.to_string(),
        Err(_) => String::from_utf8_lossy(name).trim_end_matches([' ', '\t']).to_string(),
    }
}

/// `value` without its line breaks (CRLF, LF; a lone CR stays), trimmed, lossily
/// decoded. The breaks found by memchr and the runs between them copied at once,
/// into the one `String` returned (#14: a byte at a time into a vector, then a
/// second copy for the trimmed text; callgrind, corpus pass,
/// `unfolded_value` 6.01 -> 2.64 M).
fn unfold_trimmed(value: &[u8]) -> String {
    let mut out = Vec::with_capacity(value.len());
    let mut from = 0;
    for at in memchr::memchr_iter(b'\n', value) {
        // A CR just before the LF, in this run (not a byte already left out), goes with it.
        let end = if at > from && value[at - 1] == b'\r' { at - 1 } else { at };
        out.extend_from_slice(&value[from..end]);
        from = at + 1;
    }
    out.extend_from_slice(&value[from..]);
    match String::from_utf8(out) {
        Ok(mut text) => {
            let start = text.len() - text.trim_start().len();
            let end = start + text[start..].trim_end().len();
            text.truncate(end);
            text.drain(..start);
            text
        }
        Err(error) => String::from_utf8_lossy(error.as_bytes()).trim().to_string(),
    }
}

/// A line in the header block that is neither a field nor a continuation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MalformedLine {
    pub start: usize,
    pub end: usize,
    /// Why it is not a field.
    pub kind: MalformedKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MalformedKind {
    /// No colon on the line.
    NoColon,
    /// A continuation line (starting with white space) before any field.
    OrphanContinuation,
    /// A colon but no name before it.
    EmptyName,
}

/// Most lines kept of one header block, fields and malformed lines together;
/// later ones are counted in `HeaderBlock::omitted`, not kept (default, ours:
/// Postfix keeps at most 102,400 bytes of a header, `header_size_limit`, "the
/// excess is discarded", a few thousand fields; a 10 MB header of `a:1` lines
/// holds two million, each a record here).
pub const MAX_HEADER_LINES: usize = 10_000;

/// Fields still located past `MAX_HEADER_LINES`, the first of each name when
/// none was kept before the limit: the fields whose absence a rule reports
/// (`headers/missing-field`, `spam/missing-subject`, `headers/mime-version`,
/// `bulk/*`…) or that the MIME structure and the identity read. A field the
/// engine did not read must not be reported missing; ten thousand `Received`
/// lines before the From had it reported absent. At most one field per name,
/// so a header of any length keeps at most this many more.
pub const FIELDS_LOCATED_PAST_LIMIT: &[&str] = &[
    "From",
    "Sender",
    "Reply-To",
    "To",
    "Cc",
    "Bcc",
    "Date",
    "Message-ID",
    "Subject",
    "In-Reply-To",
    "References",
    "MIME-Version",
    "Content-Type",
    "Content-Transfer-Encoding",
    "List-Unsubscribe",
    "List-Unsubscribe-Post",
    "List-Id",
    "Precedence",
];

/// The index in `FIELDS_LOCATED_PAST_LIMIT` of a field name (any case).
fn located_index(name: &[u8]) -> Option<usize> {
    let name = name.trim_ascii_end();
    FIELDS_LOCATED_PAST_LIMIT.iter().position(|known| known.as_bytes().eq_ignore_ascii_case(name))
}

/// The header block of a message or a MIME part.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct HeaderBlock {
    pub fields: Vec<HeaderField>,
    pub malformed: Vec<MalformedLine>,
    /// Offset of the first byte of the block.
    pub start: usize,
    /// Offset just past the last header line (the blank separator line starts here).
    pub end: usize,
    /// Offset of the first body byte (after the blank line), or the input end.
    pub body_start: usize,
    /// Whether a blank line separates the header block from the body.
    pub has_separator: bool,
    /// Fields and malformed lines past `MAX_HEADER_LINES`, left out of `fields`
    /// and `malformed` (the fields of `FIELDS_LOCATED_PAST_LIMIT` kept there are not counted).
    pub omitted: usize,
    /// The first of those lines (start, end without its line break), for evidence.
    pub first_omitted: Option<(usize, usize)>,
}

impl HeaderBlock {
    /// Fields with this name, in order.
    pub fn all<'s>(&'s self, name: &'s str) -> impl Iterator<Item = &'s HeaderField> + 's {
        self.fields.iter().filter(move |f| f.is(name))
    }
    /// The first field with this name.
    pub fn first(&self, name: &str) -> Option<&HeaderField> {
        self.fields.iter().find(|f| f.is(name))
    }
}

/// End of the line starting at `pos`: (end of content, start of next line).
fn line_at(raw: &[u8], pos: usize) -> (usize, usize) {
    match memchr::memchr(b'\n', &raw[pos..]) {
        Some(i) => {
            let nl = pos + i;
            let content_end = if nl > pos && raw[nl - 1] == b'\r' { nl - 1 } else { nl };
            (content_end, nl + 1)
        }
        None => (raw.len(), raw.len()),
    }
}

/// Fields a header block has room for before it grows (ours: the dev corpus's
/// top-level headers hold 27 fields on average, 29 at the median, 36 at the
/// 90th percentile; a part's header is bounded by its bytes first).
pub const FIELDS_RESERVED: usize = 40;

/// Fields a part's header block has room for before it grows (ours: a part's
/// header holds two or three fields, Content-Type, Content-Transfer-Encoding
/// and often Content-Disposition; a hostile 10 MB message of 700-byte part
/// headers of two fields each must keep no more room than its fields,
/// tests/bench/memory.mjs, mime-many-parts-of-continued-file-names).
pub const PART_FIELDS_RESERVED: usize = 2;

/// Scans the header block that starts at `start` and ends at the first empty line
/// (or at `limit`, whichever comes first): a message's own header, with room
/// for its fields from the start (one for each 16 bytes of the block, at most
/// `FIELDS_RESERVED`; #14: the vector grew from empty, four times for an
/// ordinary message's header, each copying its fields; callgrind, corpus pass,
/// the growth 6.59 -> 0.10 M, though the one larger first allocation costs
/// 4.11 M against 2.59 M: glibc serves past 1 KiB more slowly).
pub fn scan(raw: &[u8], start: usize, limit: usize) -> HeaderBlock {
    let room = (limit.min(raw.len()).saturating_sub(start) / 16 + 1).min(FIELDS_RESERVED);
    scan_block(raw, start, limit, room)
}

/// `scan` for a MIME part's header block, whose room starts small
/// (`PART_FIELDS_RESERVED`) and grows as a vector grows. Review mend of
/// bef56d3, which reserved the message's room for every block and gave it back
/// when a block held under half of it (a second allocation per part):
/// callgrind, the corpus pass, the header scans 24.47 -> 23.97 M;
/// tests/bench/memory.mjs, mime-many-parts-of-continued-file-names 49.6 -> 49.5 MB.
pub fn scan_part(raw: &[u8], start: usize, limit: usize) -> HeaderBlock {
    scan_block(raw, start, limit, PART_FIELDS_RESERVED)
}

fn scan_block(raw: &[u8], start: usize, limit: usize, room: usize) -> HeaderBlock {
    let raw = &raw[..limit.min(raw.len())];
    let mut block = HeaderBlock { fields: Vec::with_capacity(room), start, end: start, body_start: raw.len(), ..HeaderBlock::default() };
    let mut pos = start.min(raw.len());
    // Where the last line left out (past MAX_HEADER_LINES) ends: its folds are left out with it.
    let mut omitted_end = None;
    // Past the limit: a bit per name of `FIELDS_LOCATED_PAST_LIMIT` already kept.
    let mut located: Option<u32> = None;
    while pos < raw.len() {
        let (content_end, next) = line_at(raw, pos);
        if content_end == pos {
            // The blank line: RFC 5322 §2.1 separates header and body with an empty line.
            block.end = pos;
            block.body_start = next;
            block.has_separator = true;
            return block;
        }
        let first = raw[pos];
        let continuation = matches!(first, b' ' | b'\t');
        let kept = block.fields.len() + block.malformed.len();
        if kept >= MAX_HEADER_LINES {
            // Which of the located fields were kept before the limit: one pass, once.
            let seen = *located.get_or_insert_with(|| {
                block.fields.iter().filter_map(|f| located_index(f.name.as_bytes())).fold(0u32, |m, i| m | 1 << i)
            });
            let name_end = memchr::memchr(b':', &raw[pos..content_end]).map(|i| pos + i);
            let locate = name_end.filter(|_| !continuation).and_then(|colon| {
                located_index(&raw[pos..colon]).filter(|&i| seen & 1 << i == 0).map(|i| (i, colon))
            });
            match block.fields.last_mut() {
                // A fold of the last field kept (the last before the limit, or a located one).
                Some(field) if continuation && field.end_with_break == pos => {
                    field.end = content_end;
                    field.end_with_break = next;
                }
                // A fold of a line left out.
                _ if continuation && omitted_end == Some(pos) => omitted_end = Some(next),
                _ => match locate {
                    Some((index, colon)) => {
                        located = Some(seen | 1 << index);
                        block.fields.push(HeaderField { name: field_name(&raw[pos..colon]), start: pos, colon, end: content_end, end_with_break: next });
                    }
                    None => {
                        block.omitted += 1;
                        block.first_omitted.get_or_insert((pos, content_end));
                        omitted_end = Some(next);
                    }
                },
            }
        } else if continuation {
            match block.fields.last_mut() {
                Some(field) if field.end_with_break == pos => {
                    field.end = content_end;
                    field.end_with_break = next;
                }
                _ => block.malformed.push(MalformedLine {
                    start: pos,
                    end: content_end,
                    kind: MalformedKind::OrphanContinuation,
                }),
            }
        } else {
            match raw[pos..content_end].iter().position(|&b| b == b':') {
                Some(0) => block.malformed.push(MalformedLine { start: pos, end: content_end, kind: MalformedKind::EmptyName }),
                Some(i) => {
                    let colon = pos + i;
                    block.fields.push(HeaderField { name: field_name(&raw[pos..colon]), start: pos, colon, end: content_end, end_with_break: next });
                }
                None => block.malformed.push(MalformedLine { start: pos, end: content_end, kind: MalformedKind::NoColon }),
            }
        }
        block.end = next;
        pos = next;
    }
    block.end = raw.len();
    block.body_start = raw.len();
    block
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_keep_their_offsets_and_folds() {
        let raw = b"From: a@b.example\r\nSubject: hello\r\n world\r\n\r\nbody";
        let block = scan(raw, 0, raw.len());
        assert_eq!(block.fields.len(), 2);
        assert!(block.has_separator);
        let subject = &block.fields[1];
        assert_eq!(subject.name, "Subject");
        assert_eq!(subject.unfolded_value(raw), "hello world");
        assert_eq!(&raw[block.body_start..], b"body");
    }

    /// `count` byte strings of fewer than `most` of `pieces` each, drawn by a fixed generator.
    fn joined(pieces: &[&[u8]], most: usize, count: usize, mut seed: u64) -> Vec<Vec<u8>> {
        (0..count)
            .map(|_| {
                seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                let mut state = seed;
                let mut out = Vec::new();
                for _ in 0..(seed >> 33) as usize % most {
                    state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                    out.extend_from_slice(pieces[(state >> 33) as usize % pieces.len()]);
                }
                out
            })
            .collect()
    }

    #[test]
    fn a_block_keeps_at_most_twice_the_room_of_its_fields() {
        // A part's header of two fields, with the rest of a long message after it.
        let part = format!("Content-Type: text/plain\r\nContent-Disposition: attachment\r\n\r\n{}", "x".repeat(100_000));
        let block = scan_part(part.as_bytes(), 0, part.len());
        assert_eq!(block.fields.len(), 2);
        assert_eq!(block.fields.capacity(), 2);
        // One of five fields grows as a vector grows.
        let part = format!("{}\r\n{}", (0..5).map(|i| format!("X-Field-{i}: value")).collect::<Vec<_>>().join("\r\n"), "x".repeat(1000));
        let block = scan_part(part.as_bytes(), 0, part.len());
        assert_eq!(block.fields.len(), 5);
        assert!(block.fields.capacity() <= 10, "{}", block.fields.capacity());
        // The same blocks read with `scan` are the same fields.
        assert_eq!(scan(part.as_bytes(), 0, part.len()).fields, block.fields);
        // A message's own header of 30 fields keeps its room.
        let header: String = (0..30).map(|i| format!("X-Field-{i}: value {i}\r\n")).collect::<String>() + "\r\nbody";
        let block = scan(header.as_bytes(), 0, header.len());
        assert_eq!(block.fields.len(), 30);
        assert!(block.fields.capacity() <= 60, "{}", block.fields.capacity());
    }

    #[test]
    fn values_unfold_as_they_did_a_byte_at_a_time() {
        // `unfolded_value` as it was.
        fn unfolded_then(value: &[u8]) -> String {
            let mut out = Vec::with_capacity(value.len());
            let mut i = 0;
            while i < value.len() {
                match value[i] {
                    b'\r' if value.get(i + 1) == Some(&b'\n') => i += 2,
                    b'\n' => i += 1,
                    b => {
                        out.push(b);
                        i += 1;
                    }
                }
            }
            String::from_utf8_lossy(&out).trim().to_string()
        }
        let pieces: [&[u8]; 12] = [b"a", b" ", b"\t", b"\r", b"\n", b"\r\n", b"\xc3\xa9", b"\xc3", b"\xe2\x80\x83", b"x y", b"\x0b", b"\xa0"];
        for value in joined(&pieces, 14, 20_000, 3) {
            assert_eq!(unfold_trimmed(&value), unfolded_then(&value), "{value:?}");
        }
        let raw = b"Subject: \xe2\x80\x83one\r\n two\r\r\n\tthree \r\n\r\n";
        let block = scan(raw, 0, raw.len());
        assert_eq!(block.fields[0].unfolded_value(raw), unfolded_then(block.fields[0].raw_value(raw)));
    }

    #[test]
    fn field_names_read_as_they_did_lossily() {
        let pieces: [&[u8]; 8] = [b"Subject", b" ", b"\t", b"\xc3\xa9", b"\xc3", b"\xff", b"-", b"\r"];
        for name in joined(&pieces, 8, 20_000, 9) {
            let then = String::from_utf8_lossy(&name).trim_end_matches([' ', '\t']).to_string();
            assert_eq!(field_name(&name), then, "{name:?}");
        }
    }

    #[test]
    fn lines_without_colon_are_malformed() {
        let raw = b"From: a@b.example\nnot a header\n\nbody";
        let block = scan(raw, 0, raw.len());
        assert_eq!(block.malformed.len(), 1);
        assert_eq!(block.malformed[0].kind, MalformedKind::NoColon);
    }

    #[test]
    fn no_separator_means_all_header() {
        let raw = b"From: a@b.example\nSubject: x";
        let block = scan(raw, 0, raw.len());
        assert!(!block.has_separator);
        assert_eq!(block.fields.len(), 2);
        assert_eq!(block.body_start, raw.len());
    }
}
