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
        let value = self.raw_value(raw);
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
    /// Byte range of the value (after the colon), for locations.
    pub fn value_range(&self) -> Range<usize> {
        self.colon + 1..self.end
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

/// Scans the header block that starts at `start` and ends at the first empty line
/// (or at `limit`, whichever comes first).
pub fn scan(raw: &[u8], start: usize, limit: usize) -> HeaderBlock {
    let raw = &raw[..limit.min(raw.len())];
    let mut block = HeaderBlock { start, end: start, body_start: raw.len(), ..HeaderBlock::default() };
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
                        let name = String::from_utf8_lossy(&raw[pos..colon]).trim_end_matches([' ', '\t']).to_string();
                        block.fields.push(HeaderField { name, start: pos, colon, end: content_end, end_with_break: next });
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
                    let name = String::from_utf8_lossy(&raw[pos..colon]).trim_end_matches([' ', '\t']).to_string();
                    block.fields.push(HeaderField { name, start: pos, colon, end: content_end, end_with_break: next });
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
