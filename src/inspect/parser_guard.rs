//! What mail-parser is given whole, shared by the model (the message) and the
//! attachment walk (a message attached as a file): the structure scan that stops
//! its reading past `MAX_STRUCTURE_LINES` part openers and finds the MIME fields
//! it would join in quadratic time, and the drop of nested parts without
//! recursion. The model re-exports them (`model::scan_structure`, …).

/// Most MIME parts the model keeps; further parts are left out and
/// `Message::truncated_parts` is set.
pub const MAX_MIME_PARTS: usize = 10_000;

/// Lines that may open a MIME part read by mail-parser: a delimiter
/// (`--boundary`, RFC 2046 §5.1.1) or a Content-Type field (an attached
/// message, RFC 2046 §5.2.1). mail-parser keeps a record for every part it reads,
/// whatever the model keeps (about 200 bytes a part in wasm32, 1 KB an attached
/// message: 390 MB for the 2 million empty parts 10 MB can hold), so it reads
/// the message only up to the line past this many (default, ours: four times
/// `MAX_MIME_PARTS`, as the model keeps no more parts anyway; the rest of the
/// message is left out and `Message::truncated_parts` is set).
pub const MAX_STRUCTURE_LINES: usize = 4 * MAX_MIME_PARTS;

/// Longest Content-Type or Content-Disposition field, folded lines included,
/// that mail-parser reads whole (ours: 16 KiB, a hundred times the longest file
/// names of real mail with their RFC 2231 encoding). mail-parser 0.11 joins a
/// parameter's continuations (`filename*0*=`, `filename*1*=`, …) by copying all of
/// the value joined so far for each one (`merge_continuations`): time quadratic in
/// the field's length, 2.8 s for a 6.4 MB field and 43.6 s for 25.7 MB in wasm.
/// Past this length a field is blanked in mail-parser's copy (spaces, so every
/// offset stays); the strict grammar still reads it whole, and
/// `headers/parameter-encoding` says what mail-parser did not read.
pub const MAX_PARSER_MIME_FIELD_BYTES: usize = 16_384;

/// A top-level header larger than this, in bytes, is not handed whole to
/// mail-parser, which keeps a record per field (about 70 bytes in wasm32, 2
/// million for a 10 MB header of `a:1` lines): it gets only the fields it is
/// read for (`PARSER_FIELDS`), the rules still read every field from the model's
/// own scan. Postfix's `header_size_limit` (102,400 bytes: "the excess is
/// discarded") marks where a header stops being one a mail system keeps. So is
/// an attached message's header (`compact_long_header`).
pub const MAX_PARSER_HEADER_BYTES: usize = 102_400;

/// The top-level fields the model reads from mail-parser: the MIME structure and the subject.
pub(crate) const PARSER_FIELDS: &[&str] =
    &["Content-Type", "Content-Transfer-Encoding", "Content-Disposition", "Content-ID", "MIME-Version", "Subject"];

/// A copy of `message` for mail-parser when its header (up to the first
/// empty line) is longer than `MAX_PARSER_HEADER_BYTES`: the last field of
/// each name of `PARSER_FIELDS` (as mail-parser reads the last) with its folded
/// lines, the empty line and the body; `None` for a shorter header. The model's
/// `compact_header` does the same for the top-level header from its own scan;
/// this one reads the lines, for an attached message (`eml`).
pub(crate) fn compact_long_header(message: &[u8]) -> Option<Vec<u8>> {
    // The last field of each name, and the field being read (its folds join it).
    let mut last: [Option<(usize, usize)>; PARSER_FIELDS.len()] = [None; PARSER_FIELDS.len()];
    let mut field: Option<(usize, usize)> = None;
    let keep = |field: Option<(usize, usize)>, last: &mut [Option<(usize, usize)>]| {
        let Some((start, end)) = field else { return };
        let line = &message[start..end];
        if let Some(at) = PARSER_FIELDS.iter().position(|name| starts_field(line, name.as_bytes())) {
            last[at] = Some((start, end));
        }
    };
    let mut start = 0usize;
    let body_start = loop {
        let end = memchr::memchr(b'\n', &message[start..]).map_or(message.len(), |at| start + at + 1);
        let line = &message[start..end];
        if matches!(line, b"\r\n" | b"\n") {
            break end;
        }
        match (line.first(), field.as_mut()) {
            (Some(b' ' | b'\t'), Some(open)) => open.1 = end,
            _ => {
                keep(field, &mut last);
                field = Some((start, end));
            }
        }
        if end == message.len() {
            break end;
        }
        start = end;
    };
    if body_start <= MAX_PARSER_HEADER_BYTES {
        return None;
    }
    let header_end = field.map_or(0, |f| f.1);
    keep(field, &mut last);
    let mut copy = Vec::with_capacity(message.len() - header_end + 4096);
    for (start, end) in last.into_iter().flatten() {
        copy.extend_from_slice(&message[start..end]);
    }
    copy.extend_from_slice(&message[header_end..]);
    Some(copy)
}

/// Whether `line` starts the field `name` (any case), its colon after spaces or tabs.
fn starts_field(line: &[u8], name: &[u8]) -> bool {
    line.get(..name.len()).is_some_and(|l| l.eq_ignore_ascii_case(name))
        && line[name.len()..].iter().find(|b| !matches!(b, b' ' | b'\t')) == Some(&b':')
}

/// A Content-Type or Content-Disposition field too long for mail-parser
/// (`MAX_PARSER_MIME_FIELD_BYTES`), as the one scan of the lines found it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LongMimeField {
    /// The field's name as written (`Content-Disposition`).
    pub name: String,
    /// Where the field starts and ends (its last line break left out), in `content`.
    pub start: usize,
    pub end: usize,
}

/// What one pass over the lines of `content` finds for mail-parser: where it
/// stops being read, when `content` has more than `MAX_STRUCTURE_LINES` lines
/// that may open a part (the start of the first line past the limit), and the
/// Content-Type and Content-Disposition fields before that point (any part's
/// header, or a line that looks like one) longer than `MAX_PARSER_MIME_FIELD_BYTES`.
pub(crate) fn scan_structure(content: &[u8]) -> (Option<usize>, Vec<LongMimeField>) {
    scan_structure_lines(content, memchr::memchr_iter(b'\n', content).map(|at| at + 1))
}

/// `scan_structure` given where the lines of `content` start after its first
/// (one past each LF, in order: a line index's), so the lines are not searched
/// for again (#14: a 10 MB message's lines were, a byte at a time in wasm).
pub(crate) fn scan_structure_lines(
    content: &[u8],
    line_starts: impl Iterator<Item = usize>,
) -> (Option<usize>, Vec<LongMimeField>) {
    let mut line_starts = line_starts.peekable();
    let mut long = Vec::new();
    let mut count = 0usize;
    let mut start = 0usize;
    while start < content.len() {
        let line = &content[start..];
        let named = |name: &[u8]| starts_field(line, name);
        // Only a line starting with `-` or `c` can matter: the others are
        // passed over without comparing names (most lines of any message).
        let content_line = matches!(line.first(), Some(b'c' | b'C'));
        if line.starts_with(b"--") || (content_line && line.get(..12).is_some_and(|l| l.eq_ignore_ascii_case(b"content-type"))) {
            count += 1;
            if count > MAX_STRUCTURE_LINES {
                return (Some(start), long);
            }
        }
        // The next line start (those inside a field's folded lines, passed over below, skipped).
        while line_starts.next_if(|&next| next <= start).is_some() {}
        let Some(line_end) = line_starts.next() else { break };
        let name_length = if !content_line {
            start = line_end;
            continue;
        } else if named(b"content-type") {
            b"content-type".len()
        } else if named(b"content-disposition") {
            b"content-disposition".len()
        } else {
            start = line_end;
            continue;
        };
        // The field goes on over the lines that start with white space (a fold).
        let mut end = line_end;
        while matches!(content.get(end), Some(b' ' | b'\t')) {
            end = memchr::memchr(b'\n', &content[end..]).map_or(content.len(), |i| end + i + 1);
        }
        let text_end = end - usize::from(content[..end].ends_with(b"\n")) - usize::from(content[..end].ends_with(b"\r\n"));
        if text_end - start > MAX_PARSER_MIME_FIELD_BYTES {
            let name = String::from_utf8_lossy(&content[start..start + name_length]).into_owned();
            long.push(LongMimeField { name, start, end: text_end });
        }
        start = end;
    }
    (None, long)
}

/// Header fields of the parts (and of messages attached inside them) that
/// mail-parser reads as fields, in one message: past this many, a field other
/// than a MIME one is folded into the field before it in mail-parser's copy
/// (its first byte made a space, so every offset stays). *(ours: real part
/// headers hold a few fields; mail-parser keeps a record a field, about 130
/// bytes in wasm32, so a part's header of a million `a:1` lines took 277 MB for
/// a 10 MB message; the top-level header is cut at `MAX_PARSER_HEADER_BYTES`.)*
pub const MAX_PART_HEADER_FIELDS: usize = 50_000;

/// Where the lines of `content` (starting after each of `line_starts`, as in
/// `scan_structure_lines`) that mail-parser would read as the
/// `MAX_PART_HEADER_FIELDS` + 1st and later fields of part headers start, when
/// they are not MIME fields and follow no MIME field: the lines to fold. A part's
/// header is taken to follow any line that starts with `--` (a delimiter, RFC
/// 2046 §5.1.1, or a line that looks like one) up to an empty line, and an
/// attached message's header to follow a header with a `message/` Content-Type.
pub(crate) fn crowded_part_header_lines(content: &[u8], line_starts: impl Iterator<Item = usize>) -> Vec<usize> {
    let mut fold = Vec::new();
    let (mut in_header, mut message_next, mut previous_mime) = (false, false, true);
    let mut in_content_type = false;
    let mut fields = 0usize;
    let mut start = 0usize;
    let mut line_starts = line_starts.peekable();
    while start < content.len() {
        while line_starts.next_if(|&next| next <= start).is_some() {}
        let end = line_starts.peek().copied().unwrap_or(content.len());
        let line = &content[start..end];
        if line.starts_with(b"--") {
            (in_header, message_next, previous_mime, in_content_type) = (true, false, true, false);
        } else if in_header {
            if matches!(line, b"\r\n" | b"\n" | b"") {
                in_header = std::mem::take(&mut message_next);
                (previous_mime, in_content_type) = (true, false);
            } else if matches!(line.first(), Some(b' ' | b'\t')) {
                // A folded Content-Type may name its `message/` type on a later line.
                message_next |= in_content_type && names_message(line);
            } else if let Some((name, colon)) = parser_field_name(line) {
                fields += 1;
                let mime = name.starts_with(b"content-") || name.is(b"mime-version");
                in_content_type = name.is(b"content-type");
                if in_content_type {
                    message_next = names_message(&line[colon + 1..]);
                }
                if fields > MAX_PART_HEADER_FIELDS && !mime && !previous_mime {
                    fold.push(start);
                } else {
                    previous_mime = mime;
                }
            } else {
                in_content_type = false;
            }
        }
        start = end;
    }
    fold
}

/// Whether a Content-Type's text names a `message/` type.
fn names_message(text: &[u8]) -> bool {
    text.windows(8).any(|w| w.eq_ignore_ascii_case(b"message/"))
}

/// A header field's name as mail-parser reads it, its first bytes kept.
struct FieldName {
    kept: [u8; 16],
    len: usize,
}

impl FieldName {
    fn is(&self, name: &[u8]) -> bool {
        self.len == name.len() && self.kept.get(..self.len) == Some(name)
    }

    fn starts_with(&self, prefix: &[u8]) -> bool {
        self.len >= prefix.len() && self.kept.starts_with(prefix)
    }
}

/// The name of the field a header line starts, read as mail-parser's
/// `parse_header_name` reads it, and where its colon is: the bytes before the
/// first `:` that follows a byte other than white space, lower-cased, white
/// space left out (`Content-Type :` and `a b:` are fields, named `content-type`
/// and `ab`; a `:` before any such byte is passed over). `None` for a line
/// without that colon, which mail-parser reads as no field. (Stop 59's scan had
/// ended a name at white space, so 1 M lines of `a b:1` or `a :1` were fields
/// no limit counted: 149 MB of wasm memory for 7 MB.)
fn parser_field_name(line: &[u8]) -> Option<(FieldName, usize)> {
    let mut name = FieldName { kept: [0; 16], len: 0 };
    for (at, &b) in line.iter().enumerate() {
        match b {
            b':' if name.len > 0 => return Some((name, at)),
            b':' => {}
            b'\n' => return None,
            b if b.is_ascii_whitespace() => {}
            b => {
                if let Some(slot) = name.kept.get_mut(name.len) {
                    *slot = b.to_ascii_lowercase();
                }
                name.len += 1;
            }
        }
    }
    None
}

/// Drops parts without recursion. mail-parser nests each attached message
/// (`message/rfc822`) in its parent's part, with no depth limit, and Rust drops
/// that chain one stack frame per level: a few thousand levels overflow wasm's
/// 1 MiB stack (a trap). The model reads `MAX_MIME_DEPTH` levels; what is left
/// below is taken apart here, one level at a time.
pub(crate) fn drop_level_by_level<'p>(parts: impl Iterator<Item = mail_parser::MessagePart<'p>>) {
    let mut pending: Vec<mail_parser::MessagePart<'p>> = parts.collect();
    while let Some(mut part) = pending.pop() {
        if let mail_parser::PartType::Message(nested) = std::mem::take(&mut part.body) {
            pending.extend(nested.parts);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folds(content: &str) -> Vec<usize> {
        let bytes = content.as_bytes();
        crowded_part_header_lines(bytes, memchr::memchr_iter(b'\n', bytes).map(|at| at + 1))
    }

    #[test]
    fn part_header_fields_past_the_limit_are_folded_but_mime_ones() {
        let over = 10;
        let crowd = "a:1\r\n".repeat(MAX_PART_HEADER_FIELDS + over);
        let head = "--b\r\n";
        let content = format!("{head}{crowd}Content-Type: text/plain\r\nX-After: 1\r\n\r\nbody: text\r\n");
        let folded = folds(&content);
        // Fields MAX + 1 to MAX + over, not the Content-Type nor the field after it.
        let first = head.len() + 5 * MAX_PART_HEADER_FIELDS;
        assert_eq!(folded, (0..over).map(|k| first + 5 * k).collect::<Vec<_>>());
        // A MIME field among them is kept, and so is the field after it (it would fold into it).
        let content = format!("{head}{crowd}Content-Disposition: inline\r\nb:2\r\nc:3\r\n\r\n");
        let folded = folds(&content);
        let disposition = content.find("Content-Disposition").unwrap_or_default();
        assert!(!folded.contains(&disposition) && !folded.contains(&content.find("b:2").unwrap_or_default()));
        assert!(folded.contains(&content.find("c:3").unwrap_or_default()));
        // Lines of a body, of a top-level header, or folded lines are never folded.
        let body = format!("From: a@b\r\n{crowd}\r\n{crowd}--b\r\nContent-Type: text/plain\r\n\r\n{crowd} x:1\r\n");
        assert_eq!(folds(&body), Vec::<usize>::new());
    }

    /// Our reading of a header line's name against mail-parser's own, over
    /// lines of names, white space and colons in every order.
    #[test]
    fn field_names_are_read_as_mail_parser_reads_them() {
        let alphabet: [&[u8]; 9] = [b"a", b"b", b" ", b"\t", b":", b"-", b"Content-Type", b"MIME-Version", b"\r"];
        let mut seed = 0x2545_F491_4F6C_DD1Du64;
        let mut fields = 0;
        for _ in 0..20_000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let mut line = Vec::new();
            for k in 0..(seed % 7 + 1) {
                line.extend_from_slice(alphabet[((seed >> (8 * k + 3)) % alphabet.len() as u64) as usize]);
            }
            if line.first().is_some_and(|b| b.is_ascii_whitespace()) {
                continue; // a fold, never read as a name
            }
            let message = [line.as_slice(), b"v\r\nX-End: 1\r\n\r\nbody"].concat();
            let parsed = mail_parser::MessageParser::default().parse(&message[..]);
            let headers = parsed.as_ref().map_or(&[][..], |m| m.headers());
            let theirs = headers.first().filter(|h| h.name() != "X-End");
            let ours = parser_field_name(&line);
            assert_eq!(ours.is_some(), theirs.is_some(), "{:?}", String::from_utf8_lossy(&line));
            if let (Some((name, _)), Some(header)) = (ours, theirs) {
                fields += 1;
                let content_type = matches!(header.name, mail_parser::HeaderName::ContentType);
                assert_eq!(name.is(b"content-type"), content_type, "{:?}", String::from_utf8_lossy(&line));
            }
        }
        assert!(fields > 2_000, "{fields}");
    }

    /// Crowds of fields whose names hold white space or start after a colon,
    /// and attached messages whose Content-Type is folded or spaced, are
    /// counted and folded like any other.
    #[test]
    fn every_field_mail_parser_reads_is_counted() {
        let over = 3;
        for crowd_line in ["a b:1\r\n", "a :1\r\n", ":a:1\r\n"] {
            let content = format!("--b\r\n{}\r\n", crowd_line.repeat(MAX_PART_HEADER_FIELDS + over));
            assert_eq!(folds(&content).len(), over, "{crowd_line:?}");
        }
        for content_type in ["Content-Type: message/rfc822", "Content-Type:\r\n message/rfc822", "Content-Type : message/rfc822", "Content-Type: message\r\n\t/rfc822;\r\n message/x"] {
            let inner = "a:1\r\n".repeat(MAX_PART_HEADER_FIELDS + over);
            // The part's Content-Type and the inner header's fields count: the
            // MAX + 1st field is the inner header's MAX-th.
            let content = format!("--b\r\n{content_type}\r\n\r\n{inner}\r\nbody\r\n");
            assert_eq!(folds(&content).len(), over + 1, "{content_type:?}");
        }
        // A line of the inner header that starts with white space continues no
        // Content-Type of the outer one.
        let inner = "a:1\r\n".repeat(MAX_PART_HEADER_FIELDS + over);
        let content = format!("--b\r\nContent-Type: message/rfc822\r\n\r\n message/x\r\nb:2\r\n\r\n{inner}\r\n");
        assert_eq!(folds(&content), Vec::<usize>::new());
        // A folded field that is not the Content-Type names no attached message.
        let content = format!("--b\r\nX-Note:\r\n message/rfc822\r\n\r\n{}\r\n", "a:1\r\n".repeat(MAX_PART_HEADER_FIELDS + over));
        assert_eq!(folds(&content), Vec::<usize>::new());
    }

    /// The scan as it was before it read a line index: the oracle.
    fn old_scan_structure(content: &[u8]) -> (Option<usize>, Vec<LongMimeField>) {
        let mut long = Vec::new();
        let mut count = 0usize;
        let mut start = 0usize;
        while start < content.len() {
            let line = &content[start..];
            let named = |name: &[u8]| {
                line.get(..name.len()).is_some_and(|l| l.eq_ignore_ascii_case(name))
                    && line[name.len()..].iter().find(|b| !matches!(b, b' ' | b'\t')) == Some(&b':')
            };
            // Only a line starting with `-` or `c` can matter: the others are
            // passed over without comparing names (most lines of any message).
            let content_line = matches!(line.first(), Some(b'c' | b'C'));
            if line.starts_with(b"--") || (content_line && line.get(..12).is_some_and(|l| l.eq_ignore_ascii_case(b"content-type"))) {
                count += 1;
                if count > MAX_STRUCTURE_LINES {
                    return (Some(start), long);
                }
            }
            let Some(line_end) = memchr::memchr(b'\n', line).map(|i| start + i + 1) else { break };
            let name_length = if !content_line {
                start = line_end;
                continue;
            } else if named(b"content-type") {
                b"content-type".len()
            } else if named(b"content-disposition") {
                b"content-disposition".len()
            } else {
                start = line_end;
                continue;
            };
            // The field goes on over the lines that start with white space (a fold).
            let mut end = line_end;
            while matches!(content.get(end), Some(b' ' | b'\t')) {
                end = memchr::memchr(b'\n', &content[end..]).map_or(content.len(), |i| end + i + 1);
            }
            let text_end = end - usize::from(content[..end].ends_with(b"\n")) - usize::from(content[..end].ends_with(b"\r\n"));
            if text_end - start > MAX_PARSER_MIME_FIELD_BYTES {
                let name = String::from_utf8_lossy(&content[start..start + name_length]).into_owned();
                long.push(LongMimeField { name, start, end: text_end });
            }
            start = end;
        }
        (None, long)
    }

    #[test]
    fn the_lines_of_an_index_give_the_scan_of_the_bytes() {
        let long_value = format!("application/pdf; name*0*={}", "a".repeat(MAX_PARSER_MIME_FIELD_BYTES));
        let pieces: [&[u8]; 12] = [
            b"--b1", b"--b1--", b"Content-Type: text/plain", b"content-type : x/y", b"CONTENT-DISPOSITION: attachment",
            b" folded", b"\tfolded", b"QUJDREVG", b"", b"c", b"-", long_value.as_bytes(),
        ];
        let mut x = 0x2545_f491u32;
        let mut cut_at_the_limit = false;
        for case in 0..3000 {
            let mut content = Vec::new();
            let lines = if case % 100 == 0 { MAX_STRUCTURE_LINES * 2 } else { (x % 40) as usize };
            for _ in 0..lines {
                x ^= x << 13;
                x ^= x >> 17;
                x ^= x << 5;
                content.extend_from_slice(pieces[if case % 100 == 0 { (x % 2) as usize } else { (x % 12) as usize }]);
                content.extend_from_slice([&b"\n"[..], b"\r\n", b"\r"][(x >> 8) as usize % 3]);
            }
            if x % 2 == 0 {
                content.pop();
            }
            let starts: Vec<usize> = crate::model::LineIndex::new(&content).line_starts()[1..].to_vec();
            let scan = scan_structure_lines(&content, starts.into_iter());
            assert_eq!(scan, old_scan_structure(&content), "case {case}");
            cut_at_the_limit |= scan.0.is_some();
        }
        assert!(cut_at_the_limit);
    }
}
