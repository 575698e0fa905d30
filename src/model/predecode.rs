//! Large base64 attachments decoded by the model, not by mail-parser (#14).
//!
//! mail-parser 0.11 decodes a base64 body a byte at a time, looking for the
//! boundary as it goes (`decode_base64_mime`): 75 % of the lint of a message
//! with a 7 MB attachment natively, more than half of it in wasm. When a part's
//! header says `Content-Transfer-Encoding: base64` and a type that is neither
//! text nor a container, the whole lines of its body but the first and the last
//! are left out of the copy mail-parser reads (`cuts`, `without`); the model
//! decodes the body itself, from the input, as mail-parser would have
//! (`decode`: mail-parser's whole-text decoder, four characters a step, for
//! bodies as encoders write them).
//!
//! Why the structure mail-parser reads stays the same: a run of lines holding
//! only base64 characters, `=` and white space holds no `--` (no boundary can
//! start in it) and nothing mail-parser's base64 decoder refuses, so reading it
//! ends no part and raises no encoding problem; the lines around the cut are
//! kept, so every offset mail-parser gives lies outside it and maps back to the
//! input (`Shifts`). Whether the cut really lay in such a part is checked on
//! mail-parser's answer (`Message::take_predecoded`), and every such body is
//! checked to hold only base64 characters, `=` and white space (`check`, then
//! `decode`); when any of that fails, the input is parsed again whole, as
//! without this module.
//!
//! Large text bodies the same way: mail-parser reads a text or HTML body sent
//! as is (no base64, no quoted-printable) a byte at a time, looking for the
//! boundary, then checks it as UTF-8 with `String::from_utf8_lossy`, a byte at
//! a time again (callgrind, 10 MB of English prose: 80.9 M instructions of the
//! lint's 1,021.6 M, 68.6 M of them the UTF-8 check; the 10 MB newsletter:
//! 203.0 M of 2,466.0 M, 132.0 M the boundary search). When a part's header
//! says a `text/` type and no transfer encoding, 7bit, 8bit or binary, its runs
//! of lines holding no `--` anywhere (mail-parser looks for `--` and the
//! boundary anywhere in a line) are cut the same way, and the model gives the
//! part the text mail-parser gives it, from the input (`input_text`: an ASCII
//! body checked a word at a time and lent, not copied; other text checked as
//! mail-parser checks it, and lent when valid). Whether each cut lay in a text or HTML body
//! mail-parser read as is, without an encoding problem, is checked on its
//! answer (`Flattener`), as for base64.
//!
//! Quoted-printable text bodies the same way: their runs of lines holding no
//! `--` are cut, and the model decodes the body from the input as mail-parser
//! decodes it (`quoted_printable`, its ways with bad escapes, soft breaks,
//! trailing white space and line breaks kept byte for byte), then reads it in
//! its charset as mail-parser does (`decoded_text`); where the decoding ends
//! must be where mail-parser ended the body, or the input is read whole.

use super::headers::{self, HeaderBlock};
use super::{LineIndex, MAX_PARSER_HEADER_BYTES};
use std::ops::Range;
use std::sync::OnceLock;

/// Fewest bytes of base64 lines in one part left out of mail-parser's copy
/// (default, ours: below this, decoding is under a millisecond either way and
/// the message is read exactly as before).
pub const MIN_PREDECODED_BYTES: usize = 64 * 1024;

/// Fewest bytes of a run of text lines left out of mail-parser's copy
/// (default, ours: the copy, the line scan and the bodies the copy makes
/// owned cost less than mail-parser's reading of a kilobyte of text a byte at
/// a time. callgrind, the corpus pass: 1,572.9 M instructions with text runs
/// cut from `MIN_PREDECODED_BYTES` on, 1,566.9 M from this on, 1,571.5 M before
/// text runs were cut; mail-parser's parse 231.0 -> 194.6 M of it).
pub const MIN_TEXT_CUT_BYTES: usize = 1024;

/// The byte ranges of `raw[from..to]`, whole lines, that may be left out of
/// mail-parser's copy: in each part whose header gives base64 and a type other
/// than text, message or multipart, the body's run of lines that start with no
/// `-` (blank lines inside it included), and in each part whose header gives a
/// text type sent as is (`Leaf::Text`), each run of lines that start with no
/// `-` and hold no `--`; each run less its first and its last line, when
/// at least `MIN_PREDECODED_BYTES`. `header` is the message's own (scanned from
/// `from`); a part's header is the block after a line starting with `--`, read
/// as the model reads any header (`headers::scan`). A heuristic over lines:
/// mail-parser's reading of the copy confirms it.
pub fn cuts(raw: &[u8], lines: &LineIndex, header: &HeaderBlock, from: usize, to: usize) -> Vec<Range<usize>> {
    #[cfg(test)]
    if tests::WHOLE.with(std::cell::Cell::get) {
        return Vec::new();
    }
    if to.saturating_sub(from) < MIN_TEXT_CUT_BYTES.min(MIN_PREDECODED_BYTES) {
        return Vec::new();
    }
    let starts = lines.line_starts();
    let next_line = |start: usize| starts.get(starts.partition_point(|&s| s <= start)).copied().unwrap_or(to);
    let mut found = Vec::new();
    // The candidate body's run: the start of its first line and of its last line holding base64.
    let mut run: Option<(usize, usize)> = None;
    let close = |run: &mut Option<(usize, usize)>, found: &mut Vec<Range<usize>>, kind: Option<Leaf>| {
        let least = if kind == Some(Leaf::Text) { MIN_TEXT_CUT_BYTES } else { MIN_PREDECODED_BYTES };
        if let Some((first, last)) = run.take() {
            // From the start of the second line to the start of the last one.
            let second = next_line(first);
            if last > second && last - second >= least {
                found.push(second..last);
            }
        }
    };
    // Lines before `body_start` belong to the header just read.
    let (mut body_start, mut candidate) = (header.body_start, leaf(raw, header));
    // The next `--` at or after the line read (a text run ends before a line holding one).
    let mut next_dashes: Option<usize> = None;
    for (start, end) in lines.lines_in(raw, from..to) {
        if start < body_start {
            continue;
        }
        let line = &raw[start..end];
        if line.starts_with(b"-") {
            close(&mut run, &mut found, candidate);
            candidate = None;
            if line.starts_with(b"--") {
                // Read no further than a header a mail system keeps: a `-- ` signature
                // followed by megabytes of text is not scanned to its end as a header.
                let header_start = next_line(start).min(to);
                let part_header = headers::scan_part(raw, header_start, (header_start + MAX_PARSER_HEADER_BYTES).min(to));
                body_start = part_header.body_start;
                candidate = if part_header.has_separator { leaf(raw, &part_header) } else { None };
            }
            continue;
        }
        if candidate == Some(Leaf::Text) {
            if next_dashes.is_none_or(|at| at < start) {
                next_dashes = Some(find_dashes(&raw[start..to]).map_or(to, |at| start + at));
            }
            if next_dashes.is_some_and(|at| at < end) {
                close(&mut run, &mut found, candidate);
                continue;
            }
        }
        // A blank line goes on with the run but is never its last line: the line
        // kept after the cut holds base64, so the body (which ends before the line
        // break of a blank line before the boundary) ends after the cut.
        if candidate.is_some() && !line.is_empty() {
            run = Some(run.map_or((start, start), |(first, _)| (first, start)));
        }
    }
    close(&mut run, &mut found, candidate);
    found
}

/// Where the first `--` in `bytes` starts: each `-` found by `memchr`, then the
/// byte after it read. memchr's `memmem` has no SIMD in wasm: its prefilter was
/// 2.2 % of the lint of 10 MB of French prose in Node (V8's profile). Natively
/// (callgrind) 10 MB of French prose 1,075.6 -> 1,074.2 M with the rest of this
/// change, English 924.6 -> 923.2 M, but the 348 KB newsletter, whose CSS holds
/// a `-` every few bytes, 101.20 -> 101.42 M (+0.2 %).
fn find_dashes(bytes: &[u8]) -> Option<usize> {
    let mut from = 0;
    while let Some(found) = bytes.get(from..).and_then(|rest| memchr::memchr(b'-', rest)) {
        let at = from + found;
        match bytes.get(at + 1) {
            Some(b'-') => return Some(at),
            // The byte after is no `-`: no pair starts there either.
            _ => from = at + 2,
        }
    }
    None
}

/// What a part's body may have cut out of mail-parser's copy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Leaf {
    /// Base64 and a type other than text, message or multipart.
    Base64,
    /// A `text/` type, sent as is: no transfer encoding, 7bit, 8bit or binary.
    Text,
}

/// Charsets (as mail-parser 0.11 names them: lowercase, `_` for `-`) whose
/// decoder there is a table of one character a byte reading each ASCII byte as
/// itself (`single_byte_decoder`; a test holds each to it), the ones mail
/// mostly gives. The corpus pass: mail-parser's cp1252 decoder (US-ASCII,
/// ISO-8859-1 and windows-1252) was 68.6 M of its 1,571.5 M instructions.
const ASCII_AS_ITSELF: &[&str] = &[
    "us_ascii", "ascii", "iso_8859_1", "latin1", "windows_1252", "cp1252", "iso_8859_15", "iso_8859_2", "windows_1250",
    "windows_1251", "koi8_r",
];

/// More charsets mail-parser 0.11 decodes with `single_byte_decoder` (one
/// character a byte, each byte alone, from a table: a test holds each to it):
/// with `ASCII_AS_ITSELF`, the ones `single_byte` decodes from its own table.
const MORE_SINGLE_BYTE: &[&str] = &[
    "iso_8859_9", "windows_1254", "iso_8859_5", "iso_8859_7", "windows_1253", "iso_8859_13", "windows_1257", "koi8_u",
    "iso_8859_4",
];

/// Whether `charset` is one of `names` (compared a byte at a time, any case,
/// `-` as `_`: no lowercased copy).
fn named(charset: &str, names: &[&str]) -> bool {
    name_index(charset, names).is_some()
}

/// Which of `names` `charset` is (compared as `named` compares). mail-parser
/// finds its decoder by the same name (`charset_decoder`: ASCII capitals
/// lowercased, `-` as `_`), so every spelling of one name has one decoder.
fn name_index(charset: &str, names: &[&str]) -> Option<usize> {
    let same = |name: &str| {
        name.len() == charset.len()
            && name.bytes().zip(charset.bytes()).all(|(n, c)| n == c.to_ascii_lowercase() || n == b'_' && c == b'-')
    };
    names.iter().position(|name| same(name))
}

/// How many charsets `single_byte` may read from a table: `ASCII_AS_ITSELF`, then `MORE_SINGLE_BYTE`.
const SINGLE_BYTE_CHARSETS: usize = ASCII_AS_ITSELF.len() + MORE_SINGLE_BYTE.len();

/// The table `charset_text` reads each listed charset from (`byte_table`), by
/// `single_byte_index`: made at the first body of that charset that needs it.
static TABLES: [OnceLock<Option<[char; 256]>>; SINGLE_BYTE_CHARSETS] = [const { OnceLock::new() }; SINGLE_BYTE_CHARSETS];

/// The index of `charset` in `ASCII_AS_ITSELF` then `MORE_SINGLE_BYTE`.
fn single_byte_index(charset: &str) -> Option<usize> {
    name_index(charset, ASCII_AS_ITSELF).or_else(|| name_index(charset, MORE_SINGLE_BYTE).map(|i| ASCII_AS_ITSELF.len() + i))
}

/// The table of one character a byte that `decode` reads (all 256 bytes asked
/// at once), when it reads each byte alone as one character and ASCII as itself.
fn byte_table(decode: fn(&[u8]) -> String) -> Option<[char; 256]> {
    let every: [u8; 256] = std::array::from_fn(|b| b as u8);
    let read = decode(&every);
    let mut chars = read.chars();
    let mut table = ['\0'; 256];
    for slot in &mut table {
        *slot = chars.next()?;
    }
    // One character a byte, ASCII as itself: else mail-parser's decoder.
    if chars.next().is_some() || (0..128u8).any(|b| table[usize::from(b)] != char::from(b)) {
        return None;
    }
    Some(table)
}

/// Whether `charset` is one of `ASCII_AS_ITSELF`.
fn ascii_as_itself(charset: &str) -> bool {
    named(charset, ASCII_AS_ITSELF)
}

/// `decode` (mail-parser's decoder of `charset`) applied to `bytes`: the same
/// text. For the charsets mail-parser decodes a byte at a time from a table
/// (`ASCII_AS_ITSELF`, `MORE_SINGLE_BYTE`), read here from that table (asked of
/// `decode` itself, all 256 bytes at once), runs of ASCII copied whole.
/// mail-parser's `single_byte_decoder` pushes one `char` a byte: the corpus
/// pass spent 50.9 M instructions in it (callgrind, 3.3 %), 28.9 M with this
/// and quoted-printable text decoded here (what is left: bodies too short to cut).
///
/// Each charset's table is made once, at its first body of `LEAST` bytes or
/// more, and kept (`TABLES`, one per listed name: mail-parser gives every
/// spelling of a name one decoder, `name_index`); it was made again for each
/// body (review mend, #14). callgrind, the corpus pass: `charset_text` 4.50 -> 2.40 M.
fn charset_text(decode: fn(&[u8]) -> String, bytes: &[u8], charset: Option<&str>) -> String {
    // Below this many bytes a table made for the body cost more than it saved
    // (ours); such bodies still go to mail-parser's decoder, a table kept or not.
    const LEAST: usize = 256;
    let Some(index) = charset.and_then(single_byte_index).filter(|_| bytes.len() >= LEAST) else {
        return decode(bytes);
    };
    match TABLES[index].get_or_init(|| byte_table(decode)) {
        Some(table) => single_byte(bytes, table),
        None => decode(bytes),
    }
}

/// `bytes` read through `table`, whose first 128 entries are ASCII as itself:
/// runs of ASCII found sixteen bytes a step and copied whole.
fn single_byte(bytes: &[u8], table: &[char; 256]) -> String {
    let mut out = String::with_capacity(bytes.len() + bytes.len() / 4);
    let mut at = 0;
    while at < bytes.len() {
        let ascii = ascii_run(&bytes[at..]);
        if ascii > 0 {
            // ASCII: valid UTF-8 (the check is a word at a time).
            out.push_str(std::str::from_utf8(&bytes[at..at + ascii]).unwrap_or_default());
            at += ascii;
        }
        if let Some(&b) = bytes.get(at) {
            out.push(table[usize::from(b)]);
            at += 1;
        }
    }
    out
}

/// How many bytes at the start of `bytes` are ASCII.
fn ascii_run(bytes: &[u8]) -> usize {
    const CHUNK: usize = 16;
    let mut at = 0;
    for chunk in bytes.chunks_exact(CHUNK) {
        if chunk.iter().fold(0u8, |high, &b| high | b) & 0x80 != 0 {
            break;
        }
        at += CHUNK;
    }
    at + bytes[at..].iter().position(|&b| b >= 0x80).unwrap_or(bytes.len() - at)
}

/// Which leaf a header makes of its body, if any.
fn leaf(raw: &[u8], header: &HeaderBlock) -> Option<Leaf> {
    let value = |name: &str| header.first(name).map(|field| field.unfolded_value(raw).trim().to_ascii_lowercase());
    let binary = |kind: &str| kind.contains('/') && !["text/", "message/", "multipart/"].iter().any(|p| kind.starts_with(p));
    let kind = value("Content-Type")?;
    match value("Content-Transfer-Encoding").as_deref() {
        Some("base64") => binary(&kind).then_some(Leaf::Base64),
        None | Some("7bit" | "8bit" | "binary" | "quoted-printable") => kind.starts_with("text/").then_some(Leaf::Text),
        Some(_) => None,
    }
}

/// The text mail-parser 0.11 gives a text or HTML body it read as is, from
/// its bytes as written: decoded in its charset when mail-parser has a
/// decoder for it, else the bytes as UTF-8, each bad sequence one U+FFFD
/// (`String::from_utf8_lossy`). Lent, not copied, when valid.
pub fn input_text<'a>(bytes: &'a [u8], charset: Option<&str>) -> std::borrow::Cow<'a, str> {
    match charset.and_then(|c| mail_parser::decoders::charsets::map::charset_decoder(c.as_bytes())) {
        // ASCII in a charset of one character a byte that reads ASCII as itself:
        // the same text, lent (mail-parser writes it a character at a time).
        // The charset asked first: a body in another one is not checked as UTF-8 for nothing.
        Some(decode) => {
            let lent = (charset.is_some_and(ascii_as_itself) && bytes.is_ascii()).then(|| std::str::from_utf8(bytes).ok());
            match lent.flatten() {
                Some(text) => text.into(),
                None => charset_text(decode, bytes, charset).into(),
            }
        }
        // ASCII checked a word at a time (`is_ascii`, then `str::from_utf8`); other
        // text as mail-parser checks it. With `str::from_utf8` first on every body,
        // 10 MB of French and Polish prose took 2.5 % longer in Node (interleaved,
        // 11 rounds, twice: wasm's check is slower than the lossy one on accented
        // text); natively the two are within 0.5 % (callgrind).
        None => match bytes.is_ascii().then(|| std::str::from_utf8(bytes).ok()).flatten() {
            Some(text) => text.into(),
            None => String::from_utf8_lossy(bytes),
        },
    }
}

/// The text mail-parser 0.11 gives a text or HTML body it decoded (quoted-printable)
/// into `bytes`: decoded in its charset when mail-parser has a decoder for it,
/// else the bytes as UTF-8, each bad sequence one U+FFFD.
pub fn decoded_text(bytes: Vec<u8>, charset: Option<&str>) -> String {
    match charset.and_then(|c| mail_parser::decoders::charsets::map::charset_decoder(c.as_bytes())) {
        Some(decode) => charset_text(decode, &bytes, charset),
        None => String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()),
    }
}

/// mail-parser's states of a quoted-printable body: after `=`, after `=` and one hex digit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Qp {
    Plain,
    Equals,
    Hex(u8),
}

/// Bytes that end a run `quoted_printable` copies whole: `=`, CR, LF and `-`.
const QP_STOPS: [bool; 256] = {
    let mut stops = [false; 256];
    stops[b'=' as usize] = true;
    stops[b'\r' as usize] = true;
    stops[b'\n' as usize] = true;
    stops[b'-' as usize] = true;
    stops
};

/// Each hex digit's value (either case), else None, as mail-parser reads them.
fn hex(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

/// A quoted-printable body decoded as mail-parser 0.11 decodes one inside a
/// message (`decode_quoted_printable_mime`), from `data` (the body and what
/// follows it in the bytes mail-parser read) to the next `--` and `boundary`
/// (the whole of `data` when `boundary` is empty): where mail-parser ends the
/// body (an offset of `data`) and its bytes. Its ways kept byte for byte: `=`
/// then a line break is a soft break; `=` and two hex digits (either case) a
/// byte; `=` then a byte that is no hex digit nor white space is written as is
/// with that byte; white space after `=` skipped; white space before a line
/// break dropped; each line break written as LF until a CR has been read
/// anywhere, as CRLF after; a CR itself never written; the line break before
/// the boundary dropped (one byte when it followed a `-`). None where
/// mail-parser finds an encoding problem: `=` after `=` or after `=` and one
/// digit, or no boundary.
///
/// Runs of bytes other than `=`, CR, LF and `-` are copied whole: mail-parser's
/// decoder, a byte at a time, was 43.4 M instructions of the corpus pass
/// (callgrind, 2.8 %), 6.6 M with this (bodies too short to cut); with
/// `charset_text`, mail-parser's parse without its field readers 102.7 -> 52.3 M
/// and the corpus pass 1,552.1 -> 1,475.5 M with the fields skipped (`model::message_parser`).
pub fn quoted_printable(data: &[u8], boundary: &[u8]) -> Option<(usize, Vec<u8>)> {
    let mut out = Vec::with_capacity(data.len());
    let mut state = Qp::Plain;
    let (mut last, mut before_last) = (0u8, 0u8);
    // White space written since the last other byte (dropped before a line break).
    let mut spaces = 0usize;
    let mut end = 0;
    let mut line_break: &[u8] = b"\n";
    let mut at = 0;
    while at < data.len() {
        if state == Qp::Plain {
            let rest = &data[at..];
            let run = rest.iter().position(|&b| QP_STOPS[usize::from(b)]).unwrap_or(rest.len());
            if run > 0 {
                let bytes = &rest[..run];
                out.extend_from_slice(bytes);
                let trailing = bytes.iter().rev().take_while(|b| b.is_ascii_whitespace()).count();
                spaces = if trailing == run { spaces + run } else { trailing };
                before_last = if run >= 2 { bytes[run - 2] } else { last };
                last = bytes[run - 1];
                at += run;
                continue;
            }
        }
        let b = data[at];
        at += 1;
        match b {
            b'=' if state == Qp::Plain => state = Qp::Equals,
            b'=' => return None,
            b'\n' => {
                end = if last == b'\r' { at - 2 } else { at - 1 };
                if state == Qp::Equals {
                    state = Qp::Plain;
                } else {
                    out.truncate(out.len().saturating_sub(spaces));
                    out.extend_from_slice(line_break);
                }
                spaces = 0;
            }
            b'\r' => line_break = b"\r\n",
            b'-' if !boundary.is_empty() && last == b'-' && data[at..].starts_with(boundary) => {
                at += boundary.len();
                // mail-parser's subtraction wraps below zero (a release build): nothing is cut then.
                let len = out.len();
                if before_last == b'\n' {
                    out.truncate(len.wrapping_sub(line_break.len() + 1));
                } else {
                    out.truncate(len.wrapping_sub(1));
                    end = at - boundary.len() - 2;
                }
                return Some((end, out));
            }
            _ => match state {
                Qp::Plain => {
                    spaces = if b.is_ascii_whitespace() { spaces + 1 } else { 0 };
                    out.push(b);
                }
                Qp::Equals => match hex(b) {
                    Some(high) => state = Qp::Hex(high),
                    None if b.is_ascii_whitespace() => {}
                    None => {
                        state = Qp::Plain;
                        out.extend_from_slice(&[b'=', b]);
                        spaces = 0;
                    }
                },
                Qp::Hex(high) => {
                    state = Qp::Plain;
                    match hex(b) {
                        Some(low) => out.push(high << 4 | low),
                        None => out.extend_from_slice(&[b'=', last, b]),
                    }
                    spaces = 0;
                }
            },
        }
        before_last = last;
        last = b;
    }
    boundary.is_empty().then_some((data.len(), out))
}

/// `raw[from..to]` without `cuts` (ranges of it, in order), and where the cuts were.
pub fn without(raw: &[u8], from: usize, to: usize, cuts: &[Range<usize>]) -> (Vec<u8>, Shifts) {
    let removed: usize = cuts.iter().map(|c| c.len()).sum();
    let mut copy = Vec::with_capacity((to - from).saturating_sub(removed));
    let mut shifts = Shifts::default();
    let mut at = from;
    for cut in cuts {
        copy.extend_from_slice(&raw[at..cut.start]);
        let total = shifts.0.last().map_or(0, |&(_, total)| total) + cut.len();
        shifts.0.push((copy.len(), total));
        at = cut.end;
    }
    copy.extend_from_slice(&raw[at..to]);
    (copy, shifts)
}

/// Where bytes were left out of mail-parser's copy: (offset in the copy, bytes
/// left out up to there), in order. An offset of the copy at or past a cut lies
/// that many bytes further in the input.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Shifts(Vec<(usize, usize)>);

impl Shifts {
    /// How much further than `offset` of the copy its byte lies in the input.
    pub fn at(&self, offset: usize) -> usize {
        let after = self.0.partition_point(|&(at, _)| at <= offset);
        after.checked_sub(1).map_or(0, |i| self.0[i].1)
    }
}

/// Each byte's base64 value (0–63); `EQUALS`, `SPACE` (space, tab, CR, LF) or
/// `crate::base64::INVALID` for the rest.
const EQUALS: u8 = 64;
const SPACE: u8 = 65;
/// `crate::base64::VALUES` (the alphabet's values, `INVALID` elsewhere) with
/// `=` and the four white-space bytes marked.
const VALUES: [u8; 256] = {
    let mut table = crate::base64::VALUES;
    table[b'=' as usize] = EQUALS;
    table[b' ' as usize] = SPACE;
    table[b'\t' as usize] = SPACE;
    table[b'\r' as usize] = SPACE;
    table[b'\n' as usize] = SPACE;
    table
};

/// The class of each byte of a base64 body (RFC 2045 §6.8) as bits a loop can
/// merge without a branch: the alphabet 0, white space 1, a
/// byte that ends the well-formed prefix (`=` or outside the alphabet) 2.
const B64_BITS: [u8; 256] = {
    let mut bits = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        bits[i] = if b.is_ascii_alphanumeric() || b == b'+' || b == b'/' {
            0
        } else if b.is_ascii_whitespace() {
            1
        } else {
            2
        };
        i += 1;
    }
    bits
};

/// A well-formed base64 body is alphabet and white space up to its padding:
/// where that prefix ends (the first `=` or byte outside the alphabet, else the
/// body's length) and how many white-space bytes it holds. Sixteen bytes are
/// merged per step with no exit inside them: a branch per byte was a fifth of
/// the lint of a 9.9 MB attachment (#14); the bytes after a step that holds the
/// end are read one at a time.
pub fn alphabet_prefix(body: &[u8]) -> (usize, usize) {
    const CHUNK: usize = 16;
    let mut spaces = 0usize;
    let mut at = 0;
    for chunk in body.chunks_exact(CHUNK) {
        let (mut ends, mut blanks) = (0u8, 0usize);
        for &b in chunk {
            let bits = B64_BITS[usize::from(b)];
            ends |= bits;
            blanks += usize::from(bits & 1);
        }
        if ends & 2 != 0 {
            break;
        }
        spaces += blanks;
        at += CHUNK;
    }
    for (offset, &b) in body.iter().enumerate().skip(at) {
        match B64_BITS[usize::from(b)] {
            0 => {}
            1 => spaces += 1,
            _ => return (offset, spaces),
        }
    }
    (body.len(), spaces)
}

/// `alphabet_prefix` of a body that may be decoded here: None when the run of
/// base64 characters and white space that starts it ends on a byte other than
/// `=` (mail-parser refuses it, or it is a `-`).
pub fn check(body: &[u8]) -> Option<(usize, usize)> {
    let prefix = alphabet_prefix(body);
    body.get(prefix.0).is_none_or(|&b| b == b'=').then_some(prefix)
}

/// `body` decoded as mail-parser 0.11 decodes a base64 body that holds only base64
/// characters, `=` and white space: white space skipped; `=` writes the bytes
/// of the characters since the last whole group (one byte after a single
/// character, as mail-parser does) and starts a new group; characters after the
/// last whole group at the end are dropped. None when `body` holds anything
/// else. `prefix` is the body's `check`.
///
/// A body as encoders write it (whole groups, then at most its padding) is
/// decoded by mail-parser's decoder of a whole base64 text, which gives the same
/// bytes there and is compiled at opt-level 3 with mail-parser (`Cargo.toml`):
/// four characters a step. Any other body is walked here a character at a time.
pub fn decode(body: &[u8], prefix: (usize, usize)) -> Option<Vec<u8>> {
    let (end, spaces) = prefix;
    let characters = end - spaces;
    let padding = |b: &u8| matches!(b, b'=' | b' ' | b'\t' | b'\r' | b'\n');
    // Where the two decoders part: a single character before `=` (mail-parser's
    // body decoder writes a byte for it, the other none) and characters after
    // the last whole group with no `=` (the body decoder drops them).
    let as_written = if end == body.len() { characters % 4 == 0 } else { characters % 4 != 1 && body[end..].iter().all(padding) };
    if as_written {
        mail_parser::decoders::base64::base64_decode(&body[..end])
    } else {
        walk(body)
    }
}

/// `decode`'s bytes, a character at a time.
fn walk(body: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(body.len() / 4 * 3);
    let (mut group, mut count) = (0u32, 0u32);
    for &b in body {
        match VALUES[usize::from(b)] {
            v @ 0..=63 => {
                group |= u32::from(v) << (18 - 6 * count);
                count += 1;
                if count == 4 {
                    out.extend_from_slice(&group.to_be_bytes()[1..]);
                    (group, count) = (0, 0);
                }
            }
            EQUALS => {
                let bytes = group.to_be_bytes();
                match count {
                    1 | 2 => out.push(bytes[1]),
                    3 => out.extend_from_slice(&bytes[1..3]),
                    _ => {}
                }
                (group, count) = (0, 0);
            }
            SPACE => {}
            _ => return None,
        }
    }
    Some(out)
}

/// Counts a confirmed copy (the tests' measure of which way a message took).
#[cfg(test)]
pub fn confirmed() {
    tests::CONFIRMED.with(|c| c.set(c.get() + 1));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Body, Message};
    use crate::report::Origin;

    #[test]
    fn each_bytes_class_is_its_value_in_the_alphabet_or_its_mark() {
        for b in 0..=255u8 {
            // `base64::value` is held to the alphabet by base64's own tests.
            let expected = match b {
                b'=' => EQUALS,
                b' ' | b'\t' | b'\r' | b'\n' => SPACE,
                _ => crate::base64::value(b).unwrap_or(crate::base64::INVALID),
            };
            assert_eq!(VALUES[usize::from(b)], expected, "{b:#04x}");
        }
    }

    std::thread_local! {
        /// The oracle: the model as mail-parser reads the input whole.
        pub(super) static WHOLE: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
        /// Messages whose cuts mail-parser's reading confirmed.
        pub(super) static CONFIRMED: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
    }

    fn analyse(raw: &[u8], whole: bool) -> Message<'_> {
        WHOLE.with(|w| w.set(whole));
        let message = Message::analyse(raw, Origin::Raw, Vec::new(), &crate::rules::attachments::default_limits());
        WHOLE.with(|w| w.set(false));
        message
    }

    /// Whether the copy was used (some cut was found and confirmed): the
    /// model's body of the part is then owned though the input could lend it.
    fn predecoded(raw: &[u8]) -> bool {
        let lines = LineIndex::new(raw);
        !cuts(raw, &lines, &headers::scan(raw, 0, raw.len()), 0, raw.len()).is_empty()
    }

    struct Rng(u64);
    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }
        fn below(&mut self, n: u64) -> usize {
            (self.next() % n) as usize
        }
    }

    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    /// A base64-looking body of `len` characters in lines of `width`, with the
    /// oddities `rng` picks: padding inside, spaces, blank lines, a `-`, a stray
    /// byte, a boundary inside a line, a last partial group.
    fn body(rng: &mut Rng, len: usize, width: usize, eol: &str, boundary: &str) -> String {
        let mut chars: Vec<u8> = (0..len).map(|_| ALPHABET[rng.below(64)]).collect();
        let oddities = if rng.below(2) == 0 { rng.below(4) } else { 0 };
        for _ in 0..oddities {
            let at = rng.below(len as u64);
            let odd: &[u8] = match rng.below(9) {
                0 => b"=",
                1 => b"==",
                2 => b" ",
                3 => b"\t",
                4 => b"-",
                5 => b"*",
                6 => b"\xc3\xa9",
                7 => b"--",
                _ => b"",
            };
            chars.splice(at..at, odd.iter().copied());
        }
        if rng.below(5) == 0 {
            let at = rng.below(len as u64);
            chars.splice(at..at, format!("--{boundary}").bytes());
        }
        let mut out = String::new();
        for line in chars.chunks(width) {
            out.push_str(&String::from_utf8_lossy(line));
            out.push_str(eol);
            if rng.below(2000) == 0 {
                out.push_str(eol);
            }
        }
        if rng.below(3) == 0 {
            out.push_str("QUI=");
            out.push_str(eol);
        }
        // Most mailers leave a blank line before the next delimiter.
        if rng.below(2) == 0 {
            out.push_str(eol);
        }
        out
    }

    fn message(rng: &mut Rng) -> String {
        let eol = if rng.below(2) == 0 { "\r\n" } else { "\n" };
        let width = [76, 76, 64, 72, 4, 5, 998, 1500][rng.below(8)];
        let len = MIN_PREDECODED_BYTES * 2 / 3 + rng.below(3 * MIN_PREDECODED_BYTES as u64);
        let kinds = ["application/pdf", "image/png; name=a.png", "APPLICATION/ZIP", "text/plain", "message/rfc822", "multipart/mixed"];
        let kind = kinds[if rng.below(2) == 0 { rng.below(3) } else { rng.below(6) }];
        let encoding = ["base64", "BASE64", " base64 ", "7bit", "quoted-printable"][rng.below(5).saturating_sub(rng.below(3))];
        let attachment = body(rng, len, width, eol, "b1");
        let close = if rng.below(6) == 0 { "" } else { "--b1--" };
        let header = format!("From: a@example.com{eol}To: b@example.com{eol}Subject: Report{eol}MIME-Version: 1.0{eol}");
        match rng.below(4) {
            0 => format!("{header}Content-Type: {kind}{eol}Content-Transfer-Encoding: {encoding}{eol}{eol}{attachment}"),
            1 => format!(
                "{header}Content-Type: multipart/mixed; boundary=outer{eol}{eol}--outer{eol}Content-Type: message/rfc822{eol}{eol}\
                 From: c@example.com{eol}Content-Type: multipart/mixed; boundary=b1{eol}{eol}--b1{eol}Content-Type: {kind}{eol}\
                 Content-Transfer-Encoding: {encoding}{eol}{eol}{attachment}{close}{eol}--outer--{eol}"
            ),
            _ => format!(
                "{header}Content-Type: multipart/mixed; boundary=\"b1\"{eol}{eol}--b1{eol}Content-Type: text/plain{eol}{eol}Hello.{eol}\
                 --b1{eol}Content-Type: {kind}{eol}Content-Disposition: attachment; filename=a.bin{eol}\
                 Content-Transfer-Encoding: {encoding}{eol}{eol}{attachment}--b1{eol}Content-Type: application/octet-stream{eol}\
                 Content-Transfer-Encoding: base64{eol}{eol}{}{close}{eol}",
                body(rng, len / 2, 76, eol, "b1")
            ),
        }
    }

    #[test]
    fn the_model_is_the_one_of_the_whole_input() {
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
        let (mut cut, mut confirmed) = (0, 0);
        for case in 0..400 {
            let raw = message(&mut rng);
            let whole = analyse(raw.as_bytes(), true);
            CONFIRMED.with(|c| c.set(0));
            let mut model = analyse(raw.as_bytes(), false);
            for part in &mut model.parts {
                if let Some(prefix) = part.base64_prefix.take() {
                    let body = &raw.as_bytes()[part.body_range.clone().unwrap()];
                    assert_eq!(prefix, alphabet_prefix(body), "case {case}");
                }
            }
            assert!(model == whole, "case {case}: the model differs from mail-parser's reading of the whole input");
            cut += usize::from(predecoded(raw.as_bytes()));
            confirmed += CONFIRMED.with(std::cell::Cell::get);
        }
        // Both ways are taken often: the copy confirmed, and cuts refused (a `-`, a stray byte, a text part).
        assert!(confirmed > 100 && cut - confirmed > 100, "{cut} messages of 400 cut, {confirmed} confirmed");
    }

    /// The whole lint of `raw`, every rule, as JSON; `whole`: mail-parser reads the input whole.
    fn report(raw: &[u8], whole: bool) -> Result<String, String> {
        WHOLE.with(|w| w.set(whole));
        let report = crate::pipeline::lint(raw, &crate::options::Options::default()).map(|r| serde_json::to_string(&r).unwrap());
        WHOLE.with(|w| w.set(false));
        report.map_err(|e| format!("{e:?}"))
    }

    /// The whole lint, every rule: the same report either way (timings aside).
    #[test]
    fn the_report_is_the_one_of_the_whole_input() {
        let mut rng = Rng(0x2545_f491_4f6c_dd1d);
        for case in 0..60 {
            let raw = message(&mut rng);
            assert_eq!(report(raw.as_bytes(), false), report(raw.as_bytes(), true), "case {case}");
        }
    }

    #[test]
    fn clean_bodies_decode_as_mail_parser_decodes_them() {
        for (body, expected) in [
            (&b"QUJD"[..], &b"ABC"[..]),
            (b"QUJDRA==", b"ABCD"),
            (b"QUJDRA", b"ABC"),
            (b"QUJDREU=", b"ABCDE"),
            (b"QQ=QUJD", b"AABC"),
            (b"Q=", b"\x40"),
            (b"QU\r\nJD\n", b"ABC"),
            (b"Q U J D", b"ABC"),
            (b"", b""),
        ] {
            let prefix = check(body).unwrap();
            assert_eq!(decode(body, prefix).as_deref(), Some(expected), "{:?}", String::from_utf8_lossy(body));
        }
        assert_eq!(check(b"QUJD-"), None);
        assert_eq!(check(b"QU*JD"), None);
        assert_eq!(check(b"QUJD=-").map(|prefix| decode(b"QUJD=-", prefix)), Some(None));
        assert_eq!(check(b"QUJD\x0c").map(|prefix| decode(b"QUJD\x0c", prefix)), Some(None));
        // Where the run before the padding ends, and its white space.
        assert_eq!(check(b"QU\r\nJD\r\nRA==\r\n"), Some((10, 4)));
        assert_eq!(check(b"QUJD \n"), Some((6, 2)));
        assert_eq!(check(b"Q=QU J"), Some((1, 0)));
        // Bodies as written take mail-parser's whole-text decoder: the same bytes as the walk.
        let mut x = 0x1234_5678u32;
        for len in 0..200 {
            let mut body = Vec::new();
            for i in 0..len {
                x ^= x << 13;
                x ^= x >> 17;
                x ^= x << 5;
                body.push(ALPHABET[(x % 64) as usize]);
                if i % 76 == 75 {
                    body.extend_from_slice(b"\r\n");
                }
            }
            for tail in [&b""[..], b"=", b"==", b"\r\n", b"==\r\n", b"= =\n", b"=Q"] {
                let whole = [&body[..], tail].concat();
                let prefix = check(&whole).unwrap();
                assert_eq!(prefix, alphabet_prefix(&whole));
                assert_eq!(decode(&whole, prefix), walk(&whole), "{len} {tail:?}");
            }
        }
    }

    #[test]
    fn small_bodies_are_read_by_mail_parser() {
        let raw = format!(
            "Content-Type: application/pdf\nContent-Transfer-Encoding: base64\n\n{}",
            "QUJD\n".repeat(MIN_PREDECODED_BYTES / 5 - 2)
        );
        assert!(!predecoded(raw.as_bytes()));
        let raw = format!(
            "Content-Type: application/pdf\nContent-Transfer-Encoding: base64\n\n{}",
            "QUJD\n".repeat(MIN_PREDECODED_BYTES / 5 + 3)
        );
        assert!(predecoded(raw.as_bytes()));
        let message = analyse(raw.as_bytes(), false);
        assert_eq!(message.parts[0].body, Body::Binary(b"ABC".repeat(MIN_PREDECODED_BYTES / 5 + 3).into()));
    }

    /// As Python's email, PHPMailer, MIME::Lite and Ruby's mail write an
    /// attachment: a blank line, then the delimiter. The copy is confirmed.
    #[test]
    fn an_attachment_as_mailers_write_it_takes_the_copy() {
        let lines = "QUJD".repeat(19) + "\r\n";
        let raw = format!(
            "From: a@example.com\r\nContent-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n--b1\r\nContent-Type: text/plain\r\n\r\n\
             Hello\r\n\r\n--b1\r\nContent-Type: application/pdf; name=r.pdf\r\nContent-Transfer-Encoding: base64\r\n\r\n{}QUI=\r\n\r\n--b1--\r\n",
            lines.repeat(MIN_PREDECODED_BYTES / lines.len() + 2)
        );
        CONFIRMED.with(|c| c.set(0));
        let model = analyse(raw.as_bytes(), false);
        assert_eq!(CONFIRMED.with(std::cell::Cell::get), 1);
        let mut whole = analyse(raw.as_bytes(), true);
        whole.parts[2].base64_prefix = model.parts[2].base64_prefix;
        assert!(model == whole);
        assert_eq!(model.parts[2].decoded_len(), (MIN_PREDECODED_BYTES / 78 + 2) * 57 + 2);
    }

    /// A text body of `len` bytes or more in lines of prose, with the oddities
    /// `rng` picks: `--` inside a line, the boundary inside a line, a line
    /// starting with `-` or `--`, bytes that are no UTF-8, Latin-1 and CJK
    /// bytes, blank lines, bare CR and LF.
    fn text_body(rng: &mut Rng, len: usize, eol: &str, boundary: &str) -> Vec<u8> {
        let words: [&[u8]; 12] = [b"hello", b"meeting", b"caf\xc3\xa9", b"\xd0\xbf\xd1\x80\xd0\xb8", b"a", b"<p>", b"</p>", b"x-y", b"\xe9t\xe9", b"\xa4\xa4", b"=", b"\xf0\x9f\x98\x80"];
        let mut out = Vec::with_capacity(len + 200);
        while out.len() < len {
            let odd: &[u8] = match rng.below(20_000) {
                0 => b"-- ",
                1 => b"--",
                2 => b"-",
                3 => b"\xff\xfe",
                4 => b"\xc3",
                _ => b"",
            };
            out.extend_from_slice(odd);
            for _ in 0..rng.below(14) {
                out.extend_from_slice(words[rng.below(12)]);
                out.push(b' ');
            }
            match rng.below(20_000) {
                0 => out.extend_from_slice(format!("--{boundary} tail").as_bytes()),
                1 => out.extend_from_slice(b"a--b"),
                2..=20 => out.push(b'\r'),
                _ => {}
            }
            out.extend_from_slice(eol.as_bytes());
            if rng.below(50) == 0 {
                out.extend_from_slice(eol.as_bytes());
            }
        }
        out
    }

    fn text_message(rng: &mut Rng) -> Vec<u8> {
        let eol = if rng.below(2) == 0 { "\r\n" } else { "\n" };
        let len = MIN_PREDECODED_BYTES / 2 + rng.below(3 * MIN_PREDECODED_BYTES as u64);
        let kinds = ["text/plain", "text/html", "TEXT/PLAIN", "text/plain; format=flowed", "text/calendar", "application/octet-stream"];
        let kind = kinds[rng.below(6)];
        let charsets = ["; charset=utf-8", "", "; charset=\"UTF-8\"", "; charset=iso-8859-2", "; charset=cp950", "; charset=us-ascii"];
        let charset = charsets[rng.below(6)];
        let encodings = ["", "Content-Transfer-Encoding: 8bit", "Content-Transfer-Encoding: 7BIT", "Content-Transfer-Encoding: binary", "Content-Transfer-Encoding: quoted-printable", "Content-Transfer-Encoding: x-uuencode"];
        let encoding = encodings[rng.below(6).saturating_sub(rng.below(3))];
        let encoding = if encoding.is_empty() { String::new() } else { format!("{encoding}{eol}") };
        let body = text_body(rng, len, eol, "b1");
        let close = if rng.below(6) == 0 { String::new() } else { format!("--b1--{eol}") };
        let header = format!("From: a@example.com{eol}To: b@example.com{eol}Subject: Notes{eol}MIME-Version: 1.0{eol}");
        let head = match rng.below(4) {
            0 => format!("{header}Content-Type: {kind}{charset}{eol}{encoding}{eol}"),
            1 => format!(
                "{header}Content-Type: multipart/mixed; boundary=outer{eol}{eol}--outer{eol}Content-Type: message/rfc822{eol}{eol}\
                 From: c@example.com{eol}Content-Type: multipart/alternative; boundary=b1{eol}{eol}--b1{eol}Content-Type: {kind}{charset}{eol}\
                 {encoding}{eol}"
            ),
            _ => format!(
                "{header}Content-Type: multipart/alternative; boundary=\"b1\"{eol}{eol}--b1{eol}Content-Type: text/plain{eol}{eol}Hello.{eol}\
                 --b1{eol}Content-Type: {kind}{charset}{eol}{encoding}{eol}"
            ),
        };
        let tail = match head.contains("outer") {
            true => format!("{close}--outer--{eol}"),
            false if head.contains("b1") => {
                let second = text_body(rng, len / 2, eol, "b1");
                format!("{eol}--b1{eol}Content-Type: text/html; charset=utf-8{eol}{eol}{}{eol}{close}", String::from_utf8_lossy(&second))
            }
            false => String::new(),
        };
        [head.as_bytes(), &body, tail.as_bytes()].concat()
    }

    /// `cases` messages of `make`: the model of each is the one of the whole
    /// input; how many were cut, and how many of those cuts were confirmed.
    fn cut_and_confirmed(seed: u64, cases: usize, make: fn(&mut Rng) -> Vec<u8>) -> (usize, usize) {
        let mut rng = Rng(seed);
        let (mut cut, mut confirmed) = (0, 0);
        for case in 0..cases {
            let raw = make(&mut rng);
            let whole = analyse(&raw, true);
            CONFIRMED.with(|c| c.set(0));
            let model = analyse(&raw, false);
            assert!(model == whole, "case {case}: the model differs from mail-parser's reading of the whole input");
            cut += usize::from(predecoded(&raw));
            confirmed += CONFIRMED.with(std::cell::Cell::get);
        }
        (cut, confirmed)
    }

    /// `cases` messages of `make`: the whole lint's report is the one of the whole input.
    fn same_reports(seed: u64, cases: usize, make: fn(&mut Rng) -> Vec<u8>) {
        let mut rng = Rng(seed);
        for case in 0..cases {
            let raw = make(&mut rng);
            assert_eq!(report(&raw, false), report(&raw, true), "case {case}");
        }
    }

    #[test]
    fn text_bodies_read_from_the_input_are_the_ones_of_the_whole_input() {
        let (cut, confirmed) = cut_and_confirmed(0x6a09_e667_f3bc_c908, 300, text_message);
        // The copy is confirmed often (types other than text, base64 and uuencode are not cut).
        assert!(confirmed > 60, "{cut} messages of 300 cut, {confirmed} confirmed");
    }

    #[test]
    fn text_reports_are_the_ones_of_the_whole_input() {
        same_reports(0xbb67_ae85_84ca_a73b, 40, text_message);
    }

    /// A large UTF-8 body sent as is: cut from mail-parser's copy, its text lent
    /// by the input (no copy); a body that is no UTF-8 has its bad bytes replaced
    /// as mail-parser replaces them; a charset mail-parser decodes, decoded.
    #[test]
    fn a_large_text_body_takes_its_text_from_the_input() {
        let line = "Will regards meeting hello you next thanks to hello thanks hotel on.\r\n";
        let text = line.repeat(MIN_PREDECODED_BYTES / line.len() + 10);
        for (charset, body, expected) in [
            ("utf-8", format!("{text}-- \r\nAnne\r\n").into_bytes(), format!("{text}-- \r\nAnne\r\n")),
            ("utf-8", [text.as_bytes(), b"caf\xe9\r\n"].concat(), format!("{text}caf\u{fffd}\r\n")),
            ("iso-8859-1", [text.as_bytes(), b"caf\xe9\r\n"].concat(), format!("{text}caf\u{e9}\r\n")),
        ] {
            let raw = [
                format!("From: a@example.com\r\nContent-Type: text/plain; charset={charset}\r\nContent-Transfer-Encoding: 8bit\r\n\r\n")
                    .as_bytes(),
                &body,
            ]
            .concat();
            assert!(predecoded(&raw));
            CONFIRMED.with(|c| c.set(0));
            let model = analyse(&raw, false);
            assert_eq!(CONFIRMED.with(std::cell::Cell::get), 1, "{charset}");
            assert!(model == analyse(&raw, true), "{charset}");
            match &model.parts[0].body {
                Body::Text(text) => {
                    assert_eq!(text.as_ref(), expected, "{charset}");
                    assert_eq!(matches!(text, std::borrow::Cow::Borrowed(_)), std::str::from_utf8(&body).is_ok(), "{charset}");
                }
                other => panic!("{other:?}"),
            }
        }
        assert_eq!(input_text(b"a\xffb", None), "a\u{fffd}b");
        assert_eq!(input_text(b"a\xe9", Some("latin1")), "a\u{e9}");
        assert!(matches!(input_text(b"plain", Some("utf-8")), std::borrow::Cow::Borrowed("plain")));
    }

    /// A run of text lines ends before a line holding `--` (mail-parser looks for
    /// the boundary after any `--`), which is kept in the copy.
    #[test]
    fn text_runs_end_at_each_line_holding_two_dashes() {
        let block = "Hello there, this is a line of text.\n".repeat(MIN_PREDECODED_BYTES / 37 + 5);
        let raw = format!("Content-Type: text/html\n\n{block}<!-- a comment -->\n{block}");
        let lines = LineIndex::new(raw.as_bytes());
        let found = cuts(raw.as_bytes(), &lines, &headers::scan(raw.as_bytes(), 0, raw.len()), 0, raw.len());
        assert_eq!(found.len(), 2, "{found:?}");
        let comment = raw.find("<!--").unwrap();
        assert!(found[0].end < comment && comment + 18 < found[1].start);
        for cut in &found {
            assert!(!raw[cut.clone()].contains("--"));
        }
        // Quoted-printable text too (decoded here); base64 text is mail-parser's to decode.
        let raw = format!("Content-Type: text/plain\nContent-Transfer-Encoding: quoted-printable\n\n{block}");
        assert!(predecoded(raw.as_bytes()));
        let raw = format!("Content-Type: text/plain\nContent-Transfer-Encoding: base64\n\n{block}");
        assert!(!predecoded(raw.as_bytes()));
    }

    /// A quoted-printable body with the oddities `rng` picks: `=` at a line's or
    /// the body's end, lowercase and bad hex, `==` and `=A=` (mail-parser's
    /// encoding problems), soft breaks with CRLF and LF, white space before line
    /// ends and after `=`, 8-bit bytes, NUL, form feed, a CR alone, long lines,
    /// `-` and `--` (the boundary inside a line too).
    fn qp_body(rng: &mut Rng, len: usize, eol: &str, boundary: &str) -> Vec<u8> {
        let words: [&[u8]; 16] = [
            b"hello", b"caf=C3=A9", b"caf=c3=a9", b"=E9t=E9", b"a", b"<p>", b"x-y", b"\xe9t\xe9", b"=3D", b"=20", b"\t", b"  ",
            b"=F0=9F=98=80", b"=FF", b"=e9", b"r\xc3\xa9",
        ];
        let odd: [&[u8]; 16] = [
            b"=G1", b"=A", b"=\x00", b"= ", b"=\t=41", b"==", b"=A=", b"\x00", b"\x0c", b"\r", b"-", b"--", b"=-", b"=A-", b"=\r", b"\xff",
        ];
        let mut out = Vec::with_capacity(len + 200);
        while out.len() < len {
            for _ in 0..rng.below(14) {
                out.extend_from_slice(words[rng.below(16)]);
                out.push(b' ');
            }
            if rng.below(300) == 0 {
                out.extend_from_slice(odd[rng.below(16)]);
            }
            match rng.below(3_000) {
                0 => out.extend_from_slice(format!("--{boundary}").as_bytes()),
                1..=5 => out.extend_from_slice(&b"long line ".repeat(120)),
                6..=400 => out.push(b'='),
                401..=600 => out.extend_from_slice(b"  "),
                _ => {}
            }
            out.extend_from_slice(eol.as_bytes());
        }
        if rng.below(4) == 0 {
            out.push(b'=');
        }
        out
    }

    /// mail-parser's own decoder of a quoted-printable body inside a message,
    /// and `quoted_printable`: the same end and the same bytes, or both an
    /// encoding problem, on bodies with every oddity, with a boundary and without.
    #[test]
    fn quoted_printable_decodes_as_mail_parser_decodes_inside_a_message() {
        let mut rng = Rng(0x3c6e_f372_fe94_f82b);
        let (mut problems, mut ends) = (0, 0);
        for case in 0..3000 {
            let eol = ["\r\n", "\n", "\r\n"][rng.below(3)];
            let boundary = ["b1", "", "=_part"][rng.below(3)];
            // Three bytes first: mail-parser's subtraction at a boundary right after a
            // soft break at the start would overflow in a test build (it wraps in release).
            let len = rng.below(400);
            let mut data = [&b"xyz"[..], &qp_body(&mut rng, len, eol, boundary)].concat();
            if rng.below(2) == 0 && !boundary.is_empty() {
                data.extend_from_slice(format!("--{boundary}{eol}tail").as_bytes());
            }
            let mut stream = mail_parser::parsers::MessageStream::new(&data);
            let (end, bytes) = stream.decode_quoted_printable_mime(boundary.as_bytes());
            let theirs = (end != usize::MAX).then(|| (end, bytes.into_owned()));
            assert_eq!(quoted_printable(&data, boundary.as_bytes()), theirs, "case {case}: {:?}", String::from_utf8_lossy(&data));
            problems += usize::from(end == usize::MAX);
            ends += usize::from(end != usize::MAX && end < data.len());
        }
        // Both ways are taken often: a body ended at its boundary, and an encoding problem.
        assert!(problems > 300 && ends > 300, "{problems} problems, {ends} ended at a boundary");
        for (data, boundary, expected) in [
            (&b"a=\r\nb =41=4a=4A\r\n"[..], &b""[..], &b"ab AJJ\r\n"[..]),
            (b"a  \nb=\n c\n--b1\n", b"b1", b"a\nb c"),
            (b"x=G1 =\t41\n", b"", b"x=G1 A\n"),
            (b"a\rb\nc\n", b"", b"ab\r\nc\r\n"),
            (b"ab-\n--b1", b"b1", b"ab-"),
            (b"ab--b1", b"b1", b"ab"),
        ] {
            assert_eq!(quoted_printable(data, boundary).map(|(_, bytes)| bytes).as_deref(), Some(expected));
        }
        assert_eq!(quoted_printable(b"a==b", b""), None);
        assert_eq!(quoted_printable(b"abc\n", b"b1"), None);
    }

    /// A message whose text part is quoted-printable, with the oddities of `qp_body`.
    fn qp_message(rng: &mut Rng) -> Vec<u8> {
        let eol = if rng.below(2) == 0 { "\r\n" } else { "\n" };
        let len = MIN_TEXT_CUT_BYTES / 2 + rng.below(12 * MIN_TEXT_CUT_BYTES as u64);
        let kinds = ["text/plain", "text/html", "TEXT/PLAIN", "text/plain; format=flowed", "text/calendar"];
        let kind = kinds[rng.below(5)];
        let charsets = ["; charset=utf-8", "", "; charset=iso-8859-1", "; charset=windows-1252", "; charset=iso-8859-2", "; charset=koi8-r", "; charset=cp950", "; charset=iso-8859-15", "; charset=shift_jis"];
        let charset = charsets[rng.below(9)];
        let encoding = ["quoted-printable", "Quoted-Printable", " quoted-printable "][rng.below(3)];
        let body = qp_body(rng, len, eol, "b1");
        let close = if rng.below(6) == 0 { String::new() } else { format!("--b1--{eol}") };
        let header = format!("From: a@example.com{eol}To: b@example.com{eol}Subject: Notes{eol}X-Folded: one{eol} two{eol}MIME-Version: 1.0{eol}");
        let part = format!("Content-Type: {kind}{charset}{eol}Content-Transfer-Encoding: {encoding}{eol}{eol}");
        let head = match rng.below(4) {
            0 => format!("{header}{part}"),
            1 => format!(
                "{header}Content-Type: multipart/mixed; boundary=outer{eol}{eol}--outer{eol}Content-Type: message/rfc822{eol}{eol}\
                 From: c@example.com{eol}Content-Type: multipart/alternative; boundary=b1{eol}{eol}--b1{eol}{part}"
            ),
            2 => format!("{header}Content-Type: multipart/mixed; boundary=outer{eol}{eol}--outer{eol}Content-Type: message/rfc822{eol}{eol}From: c@example.com{eol}{part}"),
            _ => format!(
                "{header}Content-Type: multipart/alternative; boundary=\"b1\"{eol}{eol}--b1{eol}Content-Type: text/plain{eol}{eol}Hello.{eol}\
                 --b1{eol}{part}"
            ),
        };
        let tail = if head.ends_with(&format!("From: c@example.com{eol}{part}")) {
            format!("{eol}--outer--{eol}")
        } else if head.contains("outer") {
            format!("{eol}{close}--outer--{eol}")
        } else if head.contains("b1") {
            let second = qp_body(rng, len / 2, eol, "b1");
            format!("{eol}--b1{eol}Content-Type: text/html; charset=utf-8{eol}Content-Transfer-Encoding: quoted-printable{eol}{eol}{}{eol}{close}", String::from_utf8_lossy(&second))
        } else {
            String::new()
        };
        [head.as_bytes(), &body, tail.as_bytes()].concat()
    }

    #[test]
    fn quoted_printable_bodies_read_from_the_input_are_the_ones_of_the_whole_input() {
        let (cut, confirmed) = cut_and_confirmed(0xa54f_f53a_5f1d_36f1, 400, qp_message);
        // The copy is confirmed often, and refused often (an encoding problem, a boundary inside a line).
        assert!(confirmed > 100 && cut - confirmed > 20, "{cut} messages of 400 cut, {confirmed} confirmed");
    }

    #[test]
    fn quoted_printable_reports_are_the_ones_of_the_whole_input() {
        same_reports(0x510e_527f_ade6_82d1, 40, qp_message);
    }

    /// The charsets `charset_text` reads from its own table: mail-parser's
    /// decoder reads each byte alone (every pair of bytes is the two bytes'
    /// characters), and the text is mail-parser's, char for char.
    #[test]
    fn single_byte_charsets_read_as_mail_parser_reads_them() {
        let mut rng = Rng(0x9b05_688c_2b3e_6c1f);
        for name in ASCII_AS_ITSELF.iter().chain(MORE_SINGLE_BYTE) {
            let decode = mail_parser::decoders::charsets::map::charset_decoder(name.as_bytes()).expect(name);
            let alone: Vec<String> = (0..=255u8).map(|b| decode(&[b])).collect();
            for a in 0..=255u8 {
                assert_eq!(alone[usize::from(a)].chars().count(), 1, "{name} {a}");
                for b in 0..=255u8 {
                    assert_eq!(decode(&[a, b]), format!("{}{}", alone[usize::from(a)], alone[usize::from(b)]), "{name} {a} {b}");
                }
            }
            for len in [0, 1, 255, 256, 300, 4000] {
                let bytes: Vec<u8> = (0..len).map(|_| if rng.below(3) == 0 { rng.below(256) as u8 } else { b'a' + rng.below(26) as u8 }).collect();
                let spelled = name.replace('_', "-").to_ascii_uppercase();
                assert_eq!(charset_text(decode, &bytes, Some(&spelled)), decode(&bytes), "{name} {len}");
                assert_eq!(decoded_text(bytes.clone(), Some(*name)), decode(&bytes), "{name} {len}");
            }
        }
        // Other charsets: mail-parser's decoder, or UTF-8 with each bad sequence one U+FFFD.
        let bytes = b"caf\xc3\xa9 \x82\xa0 \xff".repeat(40);
        for name in ["shift_jis", "big5", "utf-8", "x-unknown"] {
            let theirs = match mail_parser::decoders::charsets::map::charset_decoder(name.as_bytes()) {
                Some(decode) => decode(&bytes),
                None => String::from_utf8_lossy(&bytes).into_owned(),
            };
            assert_eq!(decoded_text(bytes.clone(), Some(name)), theirs, "{name}");
        }
        assert_eq!(decoded_text(bytes.clone(), None), String::from_utf8_lossy(&bytes));
    }

    /// Every spelling of a listed charset finds one table, made once and the
    /// one its own decoder makes; a short body is mail-parser's to decode.
    #[test]
    fn a_charsets_table_is_made_once_for_all_its_spellings() {
        let bytes: Vec<u8> = (0..=255u8).cycle().take(300).collect();
        for (index, name) in ASCII_AS_ITSELF.iter().chain(MORE_SINGLE_BYTE).enumerate() {
            for spelled in [name.to_string(), name.replace('_', "-").to_ascii_uppercase(), name.replace('_', "-")] {
                assert_eq!(single_byte_index(&spelled), Some(index), "{spelled}");
                let decode = mail_parser::decoders::charsets::map::charset_decoder(spelled.as_bytes()).expect(name);
                assert_eq!(charset_text(decode, &bytes[..255], Some(&spelled)), decode(&bytes[..255]), "{spelled}");
                assert_eq!(charset_text(decode, &bytes, Some(&spelled)), decode(&bytes), "{spelled}");
                assert_eq!(TABLES[index].get(), Some(&byte_table(decode)), "{spelled}");
                assert!(TABLES[index].get().is_some_and(Option::is_some), "{spelled}");
            }
        }
        assert_eq!(single_byte_index("utf-8"), None);
        assert_eq!(single_byte_index("iso-8859-1x"), None);
    }

    #[test]
    fn charsets_read_as_ascii_read_each_ascii_byte_as_itself() {
        let ascii: Vec<u8> = (0..128).collect();
        for name in ASCII_AS_ITSELF {
            for spelled in [name.to_string(), name.replace('_', "-").to_ascii_uppercase()] {
                let decode = mail_parser::decoders::charsets::map::charset_decoder(spelled.as_bytes()).expect(name);
                assert_eq!(decode(&ascii).as_bytes(), ascii, "{spelled}");
                for &b in &ascii {
                    assert_eq!(decode(&[b, b]).as_bytes(), [b, b], "{spelled} {b}");
                }
                assert!(ascii_as_itself(&spelled));
                assert!(matches!(input_text(b"plain", Some(&spelled)), std::borrow::Cow::Borrowed("plain")));
            }
        }
        // Not ASCII: decoded.
        assert_eq!(input_text(b"caf\xe9", Some("windows-1252")), "caf\u{e9}");
        assert!(!ascii_as_itself("utf-7") && !ascii_as_itself("iso-2022-jp"));
    }

    #[test]
    fn two_dashes_are_found_where_memmem_finds_them() {
        let finder = memchr::memmem::Finder::new(b"--");
        let mut rng = Rng(0x1f83_d9ab_fb41_bd6b);
        for len in 0..300 {
            let bytes: Vec<u8> = (0..len).map(|_| [b'-', b'a', b'\n', b'-', b' '][rng.below(5)]).collect();
            for from in 0..len.min(8) {
                assert_eq!(find_dashes(&bytes[from..]), finder.find(&bytes[from..]), "{:?}", String::from_utf8_lossy(&bytes));
            }
        }
        assert_eq!(find_dashes(b"a-b-c--"), Some(5));
        assert_eq!(find_dashes(b"-"), None);
        assert_eq!(find_dashes(b""), None);
    }

    #[test]
    fn shifts_map_offsets_past_each_cut() {
        let raw = b"0123456789abcdefghij";
        let (copy, shifts) = without(raw, 2, 18, &[4..7, 10..12]);
        assert_eq!(copy, b"23789cdefgh");
        for (offset, &byte) in copy.iter().enumerate() {
            assert_eq!(raw[2 + offset + shifts.at(offset)], byte, "offset {offset}");
        }
    }
}
